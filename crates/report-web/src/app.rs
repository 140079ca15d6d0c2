//! The form: toolbar, report details, prose, the three tables, and the list of findings.

use leptos::prelude::*;
use report_core::layout::{CellKind, Edition, RequestRow, TableId};
use report_core::rules::by_code;
use report_core::{
    check, Applicant, Cell, CheckOptions, CheckResult, Finding, Lang, Place, ProseField, Report,
    Severity,
};
use report_io::export::grid::{self, Grid, GridCell};
use wasm_bindgen::JsCast;

use crate::{files, io, storage};

/// Everything the page keeps.
#[derive(Clone, Copy)]
struct State {
    report: RwSignal<Report>,
    previous: RwSignal<Option<Report>>,
    draft: RwSignal<String>,
    name: RwSignal<String>,
    computed: RwSignal<bool>,
    notice: RwSignal<Option<String>>,
    focused: RwSignal<Option<Place>>,
    result: Memo<CheckResult>,
}

fn default_name(report: &Report) -> String {
    let agency = if report.agency.trim().is_empty() {
        "未命名机关"
    } else {
        report.agency.trim()
    };
    format!("{agency} {} 年度", report.year)
}

fn this_year() -> u16 {
    let now = web_sys::js_sys::Date::new_0();
    u16::try_from(now.get_full_year())
        .unwrap_or(2025)
        .saturating_sub(1)
}

fn blank_report() -> Report {
    let year = this_year();
    Report::blank(Edition::for_year(year).unwrap_or(Edition::V2021), year, "")
}

/// Opens the draft used last time, or starts one; a draft that cannot be read is reported.
fn open_initial() -> (String, Report, Option<String>) {
    let mut notice = None;
    if let Some(id) = storage::current() {
        match storage::load(&id) {
            storage::Loaded::Report(report) => return (id, *report, None),
            storage::Loaded::Broken { reason, kept_as } => {
                notice = Some(format!(
                    "上次保存的草稿无法读取（{reason}）。原内容已另存为浏览器存储中的“{kept_as}”，没有被覆盖；现已新建一份空白草稿。"
                ));
            }
            storage::Loaded::Missing => {}
        }
    }
    (storage::new_id(), blank_report(), notice)
}

fn set_cell(state: State, place: Place, text: &str) {
    let kind = place.kind().unwrap_or(CellKind::Count);
    let computed = state.computed.get_untracked();
    state.report.update(|r| {
        r.set_cell(place, Cell::parse(kind, text));
        if computed {
            report_core::totals::fill(r);
        }
    });
}

fn focus_place(place: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let selector = if place.matches('/').count() >= 3 {
        format!("[data-cell=\"{place}\"]")
    } else {
        format!("[data-cell^=\"{place}/\"]")
    };
    if let Ok(Some(element)) = document.query_selector(&selector) {
        if let Ok(input) = element.dyn_into::<web_sys::HtmlElement>() {
            let _ = input.focus();
        }
    }
}

fn input_at(table: &str, r: usize, c: usize) -> Option<web_sys::HtmlInputElement> {
    let document = web_sys::window()?.document()?;
    let selector = format!("input[data-table=\"{table}\"][data-r=\"{r}\"][data-c=\"{c}\"]");
    document.query_selector(&selector).ok()??.dyn_into().ok()
}

/// Moves focus like a spreadsheet: arrows, and Enter down.
fn navigate(
    ev: &web_sys::KeyboardEvent,
    table: &str,
    r: usize,
    c: usize,
    width: usize,
    height: usize,
) {
    let input: Option<web_sys::HtmlInputElement> = ev.target().and_then(|t| t.dyn_into().ok());
    let (at_start, at_end) = input
        .as_ref()
        .map(|i| {
            let len = i.value().chars().count() as u32;
            let start = i.selection_start().ok().flatten().unwrap_or(0);
            let end = i.selection_end().ok().flatten().unwrap_or(len);
            (start == 0 && (end == 0 || end == len), end == len)
        })
        .unwrap_or((true, true));
    let steps: Vec<(usize, usize)> = match ev.key().as_str() {
        "ArrowDown" | "Enter" => (r + 1..height).map(|rr| (rr, c)).collect(),
        "ArrowUp" => (0..r).rev().map(|rr| (rr, c)).collect(),
        "ArrowRight" if at_end => (c + 1..width).map(|cc| (r, cc)).collect(),
        "ArrowLeft" if at_start => (0..c).rev().map(|cc| (r, cc)).collect(),
        _ => return,
    };
    if let Some(next) = steps
        .into_iter()
        .find_map(|(rr, cc)| input_at(table, rr, cc))
    {
        ev.prevent_default();
        let _ = next.focus();
        next.select();
    }
}

/// Fills cells from a block copied from Excel or WPS, starting at the focused cell.
fn paste_block(state: State, positions: &[(Place, usize, usize)], r: usize, c: usize, text: &str) {
    // The value rows and columns from the focused cell on, in order.
    let from = |values: Vec<usize>, start: usize| -> Vec<usize> {
        let mut v: Vec<usize> = values.into_iter().filter(|&x| x >= start).collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let rows = from(positions.iter().map(|p| p.1).collect(), r);
    let cols = from(positions.iter().map(|p| p.2).collect(), c);
    let lines: Vec<&str> = text.trim_end_matches(['\r', '\n']).split('\n').collect();
    let computed = state.computed.get_untracked();
    state.report.update(|report| {
        for (i, line) in lines.iter().enumerate() {
            for (j, value) in line.trim_end_matches('\r').split('\t').enumerate() {
                let (Some(&rr), Some(&cc)) = (rows.get(i), cols.get(j)) else {
                    continue;
                };
                if let Some((place, _, _)) = positions.iter().find(|p| p.1 == rr && p.2 == cc) {
                    report.set_cell(
                        *place,
                        Cell::parse(place.kind().unwrap_or(CellKind::Count), value),
                    );
                }
            }
        }
        if computed {
            report_core::totals::fill(report);
        }
    });
}

fn value_input(
    state: State,
    table: TableId,
    place: Place,
    r: usize,
    c: usize,
    size: (usize, usize),
    positions: std::rc::Rc<Vec<(Place, usize, usize)>>,
) -> impl IntoView {
    let edition = state.report.with_untracked(|rep| rep.edition);
    let label = place.describe_zh(edition);
    let is_total =
        report_core::totals::computed_cells(&state.report.get_untracked()).contains(&place);
    let value = move || {
        state
            .report
            .with(|rep| rep.cell(place).map(Cell::display).unwrap_or_default())
    };
    let marked = move || {
        state.result.with(|res| {
            res.diagnostics.iter().any(|d| {
                d.severity == Severity::Error
                    && !matches!(
                        d.finding,
                        Finding::Blanks { .. } | Finding::Incomplete { .. }
                    )
                    && d.places.contains(&place)
            })
        })
    };
    let messages = move || {
        state.result.with(|res| {
            res.diagnostics
                .iter()
                .filter(|d| {
                    d.places.contains(&place)
                        && !matches!(
                            d.finding,
                            Finding::Blanks { .. } | Finding::Incomplete { .. }
                        )
                })
                .map(|d| format!("{} {}", d.code, d.message))
                .collect::<Vec<_>>()
                .join("\n")
        })
    };
    let readonly = move || is_total && state.computed.get();
    let table_key = table.key();
    let paste_positions = positions.clone();
    view! {
        <input
            class="cell"
            class:computed=readonly
            class:blank=move || value().is_empty()
            inputmode="decimal"
            autocomplete="off"
            data-cell=place.pointer()
            data-table=table_key
            data-r=r.to_string()
            data-c=c.to_string()
            aria-label=label
            aria-invalid=move || if marked() { "true" } else { "false" }
            title=messages
            prop:readOnly=readonly
            prop:value=value
            on:focus=move |_| state.focused.set(Some(place))
            on:input=move |ev| set_cell(state, place, &event_target_value(&ev))
            on:keydown=move |ev| navigate(&ev, table_key, r, c, size.0, size.1)
            on:paste=move |ev: web_sys::ClipboardEvent| {
                let text = ev.clipboard_data().and_then(|d| d.get_data("text/plain").ok()).unwrap_or_default();
                if text.contains('\t') || text.trim_end().contains('\n') {
                    ev.prevent_default();
                    paste_block(state, &paste_positions, r, c, &text);
                }
            }
        />
    }
}

fn label_cell(cell: &GridCell) -> impl IntoView {
    view! { <th colspan=cell.colspan.to_string() rowspan=cell.rowspan.to_string()>{cell.text.clone()}</th> }
}

fn table_view(state: State, table: TableId, grid: Grid) -> impl IntoView {
    let positions = std::rc::Rc::new(grid.value_positions());
    let size = (grid.width, grid.rows.len());
    let mut index = 0usize;
    let rows: Vec<_> = grid
        .rows
        .iter()
        .map(|row| {
            let cells: Vec<_> = row
                .iter()
                .map(|cell| match cell.place {
                    Some(place) => {
                        let (_, r, c) = positions
                            .iter()
                            .find(|p| p.0 == place)
                            .copied()
                            .unwrap_or((place, index, 0));
                        index += 1;
                        view! {
                            <td colspan=cell.colspan.to_string() rowspan=cell.rowspan.to_string()>
                                {value_input(state, table, place, r, c, size, positions.clone())}
                            </td>
                        }
                        .into_any()
                    }
                    None => label_cell(cell).into_any(),
                })
                .collect();
            view! { <tr>{cells}</tr> }
        })
        .collect();
    view! { <table class="report-table" data-table=table.key()>{rows}</table> }
}

fn prose_box(state: State, field: ProseField, rows: u32) -> impl IntoView {
    let value = move || {
        state
            .report
            .with(|r| r.prose(field).unwrap_or_default().to_owned())
    };
    view! {
        <label class="prose">
            <span class="prose-heading">{field.heading()}</span>
            <textarea
                rows=rows.to_string()
                data-field=field.pointer()
                prop:value=value
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    state.report.update(|r| *r.prose_mut(field) = (!text.trim().is_empty()).then_some(text));
                }
            ></textarea>
        </label>
    }
}

fn change_edition(state: State, edition: Edition) {
    state.report.update(|r| {
        if r.edition == edition {
            return;
        }
        let mut next = Report::blank(edition, r.year, r.agency.clone());
        next.published = r.published;
        next.overview = r.overview.clone();
        next.problems = r.problems.clone();
        next.other_matters = r.other_matters.clone();
        let cells: Vec<(Place, Cell)> = r.cells().map(|(p, c)| (p, c.clone())).collect();
        let keep: Vec<Place> = next.cells().map(|(p, _)| p).collect();
        for (place, cell) in cells {
            if keep.contains(&place) {
                next.set_cell(place, cell);
            }
        }
        *r = next;
    });
}

fn is_json(bytes: &[u8]) -> bool {
    bytes
        .iter()
        .find(|b| !b.is_ascii_whitespace() && ![0xef, 0xbb, 0xbf].contains(*b))
        == Some(&b'{')
}

/// Reads report JSON here, or any other document with the importers loaded on demand.
async fn read_any(bytes: &[u8]) -> Result<(Report, Option<(String, Vec<io::Note>)>), String> {
    if is_json(bytes) {
        let text = std::str::from_utf8(bytes).map_err(|e| e.to_string())?;
        let report = Report::from_json(text).map_err(|e| e.describe(Lang::Zh))?;
        return Ok((report, None));
    }
    let imported = io::import_document(bytes).await?;
    Ok((
        imported.report,
        Some((imported.format_name, imported.diagnostics)),
    ))
}

fn severity_zh(severity: &str) -> &'static str {
    match severity {
        "error" => "错误",
        "warning" => "警告",
        _ => "提示",
    }
}

fn import_bytes(state: State, name: String, bytes: Vec<u8>) {
    leptos::task::spawn_local(async move {
        match read_any(&bytes).await {
            Ok((report, notes)) => {
                let mut text = match &notes {
                    Some((format, _)) => {
                        format!("已从 {name} 导入（{format}；照录模式：各总计保留原文的数字）。")
                    }
                    None => format!("已导入 {name}（照录模式：各总计保留文件中的数字）。"),
                };
                for d in notes.map(|(_, d)| d).unwrap_or_default() {
                    text.push_str(&format!(
                        "\n{} {}：{}",
                        severity_zh(&d.severity),
                        d.code,
                        d.message
                    ));
                }
                state.computed.set(false);
                state.report.set(report);
                state.notice.set(Some(text));
            }
            Err(e) => state.notice.set(Some(format!("{name} 无法导入：{e}"))),
        }
    });
}

fn use_last_year(state: State, name: String, bytes: Vec<u8>) {
    leptos::task::spawn_local(async move {
        match read_any(&bytes).await {
            Ok((previous, _)) => {
                let computed = state.computed.get_untracked();
                state.report.update(|r| {
                    for &col in Applicant::ALL {
                        if let Some(cell) = previous.requests.cell(RequestRow::CarriedForward, col)
                        {
                            r.requests.set(RequestRow::CarriedOver, col, cell.clone());
                        }
                    }
                    if computed {
                        report_core::totals::fill(r);
                    }
                });
                state.notice.set(Some(format!(
                    "已读入上年报告 {name}（{} 年度）：“二、上年结转”已按上年“四、结转下年度继续办理”填写，跨年度核对（H7、S2、S6）已开启。",
                    previous.year
                )));
                state.previous.set(Some(previous));
            }
            Err(e) => state.notice.set(Some(format!("{name} 无法读取：{e}"))),
        }
    });
}

fn file_button(
    label: &'static str,
    test_id: &'static str,
    on_file: impl Fn(String, Vec<u8>) + Copy + 'static,
) -> impl IntoView {
    view! {
        <label class="button file">
            {label}
            <input
                type="file"
                data-action=test_id
                accept=".json,.docx,.html,.htm,.txt,.md,.csv"
                on:change=move |ev| {
                    let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
                    leptos::task::spawn_local(async move {
                        if let Some((name, bytes)) = files::read_chosen(&input).await {
                            on_file(name, bytes);
                        }
                        input.set_value("");
                    });
                }
            />
        </label>
    }
}

/// Exports through the exporters loaded on demand.
fn export(state: State, ext: &'static str, mime: &'static str) {
    let report = state.report.get_untracked();
    leptos::task::spawn_local(async move {
        let base = default_name(&report).replace(' ', "");
        match io::render_document(&report, ext).await {
            Ok(bytes) => files::download(&format!("{base}.{ext}"), mime, &bytes),
            Err(e) => state.notice.set(Some(format!("导出失败：{e}"))),
        }
    });
}

fn diagnostics_panel(state: State) -> impl IntoView {
    let explained = RwSignal::new(None::<usize>);
    let status = move || {
        let c = state.result.with(|r| r.counts);
        format!(
            "{} 个错误 · {} 个警告 · {} 个提示",
            c.errors, c.warnings, c.infos
        )
    };
    let items = move || {
        state.result.with(|res| {
            let mut list: Vec<_> = res.diagnostics.iter().collect();
            list.sort_by_key(|d| d.severity);
            list.into_iter()
                .enumerate()
                .map(|(index, d)| {
                    let target = d.cells.first().cloned().unwrap_or_default();
                    let code = d.code;
                    let severity = d.severity;
                    let explanation = by_code(code).map(|rule| rule.meta().explanation_zh);
                    view! {
                        <li class=format!("finding {}", severity.en()) data-code=code>
                            <button class="finding-go" on:click=move |_| focus_place(&target)>
                                <span class="badge">{severity.zh()}</span>
                                <span class="code">{code}</span>
                                <span class="message">{d.message.clone()}</span>
                            </button>
                            <button
                                class="explain"
                                aria-label="规则说明"
                                on:click=move |_| explained.update(|e| *e = if *e == Some(index) { None } else { Some(index) })
                            >"说明"</button>
                            <Show when=move || explained.get() == Some(index)>
                                <p class="explanation">{explanation.unwrap_or_default()}</p>
                            </Show>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <aside class="findings" aria-label="核对结果">
            <p class="status" data-status=move || state.result.with(|r| if r.valid { "valid" } else { "invalid" })>{status}</p>
            <ol>{items}</ol>
        </aside>
    }
}

const GUIDE: &str = "在表格中逐格填写数字：没有发生的填 0，空白不等于 0。方向键、回车和 Tab 可在单元格间移动；从 Excel 或 WPS 复制的一块数字可直接粘贴，从当前单元格起依次填入。默认由本页计算“总计”列、“（七）总计”和表四的总计；如需照录已发布报告的数字，请切换为“照录模式”。每次修改都会立即核对，并自动保存在本浏览器中，关闭页面后再打开即可继续。右侧列出发现的问题，点击可跳到对应单元格，点击“说明”可查看规则。完成后可导出 Word、网页（HTML）、JSON 或 CSV，或直接打印。";

/// The page.
#[component]
pub fn App() -> impl IntoView {
    let (id, report, notice) = open_initial();
    let report = RwSignal::new(report);
    let previous = RwSignal::new(None::<Report>);
    let result = Memo::new(move |_| {
        report.with(|r| {
            previous.with(|p| {
                check(
                    r,
                    &CheckOptions {
                        previous: p.as_ref(),
                        lang: Lang::Zh,
                    },
                )
            })
        })
    });
    let state = State {
        report,
        previous,
        draft: RwSignal::new(id),
        name: RwSignal::new(String::new()),
        computed: RwSignal::new(true),
        notice: RwSignal::new(notice),
        focused: RwSignal::new(None),
        result,
    };
    state.name.set(
        storage::drafts()
            .into_iter()
            .find(|d| d.id == state.draft.get_untracked())
            .map(|d| d.name)
            .unwrap_or_default(),
    );
    let drafts = RwSignal::new(storage::drafts());

    // Every change is saved at once.
    Effect::new(move |_| {
        let id = state.draft.get();
        let name = state.name.get();
        let saved = state.report.with(|r| {
            let name = if name.is_empty() {
                default_name(r)
            } else {
                name.clone()
            };
            storage::save(&id, &name, r)
        });
        storage::set_current(&id);
        if !saved {
            state.notice.set(Some(
                "浏览器拒绝保存（存储空间已满或被禁用），请立即导出 JSON 备份。".into(),
            ));
        }
        drafts.set(storage::drafts());
    });

    // The layout changes only with the edition or the form of （六）.
    let shape = Memo::new(move |_| {
        state
            .report
            .with(|r| (r.edition, r.requests.has_row(RequestRow::Other)))
    });
    let tables = move || {
        let _ = shape.get();
        let snapshot = state.report.get_untracked();
        view! {
            <section class="table-section">
                <h2>{TableId::Proactive.heading()}</h2>
                {table_view(state, TableId::Proactive, grid::proactive(&snapshot))}
            </section>
            <section class="table-section">
                <h2>{TableId::Requests.heading()}</h2>
                {table_view(state, TableId::Requests, grid::requests(&snapshot))}
            </section>
            <section class="table-section">
                <h2>{TableId::Appeals.heading()}</h2>
                {table_view(state, TableId::Appeals, grid::appeals(&snapshot))}
            </section>
        }
    };
    let focused_note = move || {
        state.focused.get().map(|place| {
            let edition = state.report.with_untracked(|r| r.edition);
            let notes: Vec<String> = state.result.with(|res| {
                res.diagnostics
                    .iter()
                    .filter(|d| d.places.contains(&place))
                    .map(|d| format!("{} {}", d.code, d.message))
                    .collect()
            });
            let notes = if notes.is_empty() {
                "无问题".to_owned()
            } else {
                notes.join("；")
            };
            format!("{}：{notes}", place.describe_zh(edition))
        })
    };

    let new_draft = move |_| {
        let id = storage::new_id();
        state.report.set(blank_report());
        state.previous.set(None);
        state.name.set(String::new());
        state.draft.set(id);
        state.notice.set(Some(
            "已新建空白草稿；原草稿仍保存在本浏览器中，可从列表中打开。".into(),
        ));
    };
    let open_draft = move |id: String| match storage::load(&id) {
        storage::Loaded::Report(r) => {
            let name = storage::drafts()
                .into_iter()
                .find(|d| d.id == id)
                .map(|d| d.name)
                .unwrap_or_default();
            state.report.set(*r);
            state.previous.set(None);
            state.name.set(name);
            state.draft.set(id);
        }
        storage::Loaded::Broken { reason, kept_as } => {
            state.notice.set(Some(format!(
                "该草稿无法读取（{reason}），原内容已另存为“{kept_as}”。"
            )));
            drafts.set(storage::drafts());
        }
        storage::Loaded::Missing => state.notice.set(Some("该草稿已不存在。".into())),
    };
    let rename = move |_| {
        let current = state.name.get_untracked();
        if let Some(name) = web_sys::window().and_then(|w| {
            w.prompt_with_message_and_default("草稿名称", &current)
                .ok()
                .flatten()
        }) {
            if !name.trim().is_empty() {
                state.name.set(name.trim().to_owned());
            }
        }
    };
    let delete = move |_| {
        let ok = web_sys::window()
            .and_then(|w| {
                w.confirm_with_message("删除当前草稿？删除后无法恢复。")
                    .ok()
            })
            .unwrap_or(false);
        if ok {
            storage::delete(&state.draft.get_untracked());
            drafts.set(storage::drafts());
            let id = storage::new_id();
            state.report.set(blank_report());
            state.name.set(String::new());
            state.draft.set(id);
        }
    };
    let fill_zeros = move |_| {
        let computed = state.computed.get_untracked();
        state.report.update(|r| {
            let blanks: Vec<Place> = r
                .cells()
                .filter(|(_, c)| c.is_blank())
                .map(|(p, _)| p)
                .collect();
            for place in blanks {
                let zero = match place.kind() {
                    Some(CellKind::Count) => Cell::Count(0),
                    Some(CellKind::SignedCount) => Cell::Signed(0),
                    Some(CellKind::Money) => Cell::parse(CellKind::Money, "0"),
                    _ => continue,
                };
                r.set_cell(place, zero);
            }
            if computed {
                report_core::totals::fill(r);
            }
        });
    };
    let paste_text = RwSignal::new(String::new());

    view! {
        <header class="toolbar">
            <h1>"政府信息公开工作年度报告 · 填报与核对"</h1>
            <div class="drafts">
                <label>
                    "草稿："
                    <select
                        data-action="drafts"
                        on:change=move |ev| open_draft(event_target_value(&ev))
                        prop:value=move || state.draft.get()
                    >
                        {move || {
                            let current = state.draft.get();
                            drafts
                                .get()
                                .into_iter()
                                .map(|d| {
                                    let selected = d.id == current;
                                    view! { <option value=d.id.clone() selected=selected>{d.name.clone()}</option> }
                                })
                                .collect_view()
                        }}
                    </select>
                </label>
                <button data-action="new" on:click=new_draft>"新建"</button>
                <button data-action="rename" on:click=rename>"重命名"</button>
                <button data-action="delete" on:click=delete>"删除"</button>
            </div>
            <div class="actions">
                {file_button("导入报告", "import", move |name, bytes| import_bytes(state, name, bytes))}
                {file_button("读入上年报告", "previous", move |name, bytes| use_last_year(state, name, bytes))}
                <button data-action="export-json" on:click=move |_| {
                    let r = state.report.get_untracked();
                    files::download(&format!("{}.json", default_name(&r).replace(' ', "")), "application/json", r.to_json().as_bytes());
                }>"导出 JSON"</button>
                <button data-action="export-docx" on:click=move |_| export(state, "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")>"导出 Word"</button>
                <button data-action="export-html" on:click=move |_| export(state, "html", "text/html;charset=utf-8")>"导出网页"</button>
                <button data-action="export-csv" on:click=move |_| export(state, "csv", "text/csv;charset=utf-8")>"导出 CSV"</button>
                <button data-action="print" on:click=move |_| { if let Some(w) = web_sys::window() { let _ = w.print(); } }>"打印"</button>
            </div>
        </header>
        <Show when=move || state.notice.get().is_some()>
            <div class="notice" role="status">
                <pre>{move || state.notice.get().unwrap_or_default()}</pre>
                <button on:click=move |_| state.notice.set(None)>"知道了"</button>
            </div>
        </Show>
        <main class="layout">
            <div class="form">
                <h1 class="report-title">{move || state.report.with(report_io::export::title)}</h1>
                <section class="meta">
                    <label>"发布机关 " <input data-field="/agency" prop:value=move || state.report.with(|r| r.agency.clone())
                        on:input=move |ev| { let v = event_target_value(&ev); state.report.update(|r| r.agency = v); } /></label>
                    <label>"报告年度 " <input data-field="/year" type="number" min="2019" max="2100" prop:value=move || state.report.with(|r| r.year.to_string())
                        on:input=move |ev| { if let Ok(y) = event_target_value(&ev).parse() { state.report.update(|r| r.year = y); } } /></label>
                    <label>"格式 "
                        <select data-field="/edition" prop:value=move || state.report.with(|r| r.edition.key().to_owned())
                            on:change=move |ev| { if let Some(e) = Edition::from_key(&event_target_value(&ev)) { change_edition(state, e); } }>
                            <option value="2021">"2021 年版格式"</option>
                            <option value="2019">"2019 年试行格式（2019、2020 年度）"</option>
                        </select>
                    </label>
                    <label class="mode">
                        <input type="checkbox" data-action="transcribe" prop:checked=move || !state.computed.get()
                            on:change=move |ev| {
                                let transcribe = event_target_checked(&ev);
                                state.computed.set(!transcribe);
                                if !transcribe { state.report.update(report_core::totals::fill); }
                            } />
                        "照录模式（手工填写各总计，核对已发布报告时使用）"
                    </label>
                    <button data-action="fill-zeros" on:click=fill_zeros>"其余空白填 0"</button>
                </section>
                <details class="guide">
                    <summary>"使用说明"</summary>
                    <p>{GUIDE}</p>
                </details>
                <section class="prose-section">
                    {prose_box(state, ProseField::Summary, 3)}
                    {prose_box(state, ProseField::ProactiveDisclosure, 2)}
                    {prose_box(state, ProseField::DisclosureOnRequest, 2)}
                    {prose_box(state, ProseField::InformationManagement, 2)}
                    {prose_box(state, ProseField::Platforms, 2)}
                    {prose_box(state, ProseField::Oversight, 2)}
                </section>
                <p class="focus-note" aria-live="polite">{focused_note}</p>
                {tables}
                <section class="prose-section">
                    {prose_box(state, ProseField::Problems, 4)}
                    {prose_box(state, ProseField::OtherMatters, 3)}
                </section>
                <details class="paste-import">
                    <summary>"从 Word 或网页粘贴导入"</summary>
                    <textarea rows="6" data-action="paste-text" placeholder="把 Word 文档或网页上的整份报告复制后粘贴在这里"
                        prop:value=move || paste_text.get() on:input=move |ev| paste_text.set(event_target_value(&ev))></textarea>
                    <button data-action="paste-import" on:click=move |_| {
                        let text = paste_text.get_untracked();
                        import_bytes(state, "粘贴的内容".into(), text.into_bytes());
                    }>"导入粘贴的内容"</button>
                </details>
            </div>
            {diagnostics_panel(state)}
        </main>
    }
}
