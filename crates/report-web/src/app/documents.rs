//! Documents in and out: importing a report (JSON here, any other format through the importers
//! loaded on demand), reading last year's report, and the exports.

use leptos::prelude::*;
use report_core::{Lang, Report};
use wasm_bindgen::JsCast;

use super::history::record;
use super::state::{default_name, edit, State};
use crate::{files, io};

pub(super) fn is_json(bytes: &[u8]) -> bool {
    bytes
        .iter()
        .find(|b| !b.is_ascii_whitespace() && ![0xef, 0xbb, 0xbf].contains(*b))
        == Some(&b'{')
}

/// Reads report JSON here, or any other document with the importers loaded on demand.
pub(super) async fn read_any(
    bytes: &[u8],
    previous: Option<&Report>,
) -> Result<(Report, Option<(String, Vec<io::Note>)>), String> {
    if is_json(bytes) {
        let text = std::str::from_utf8(bytes)
            .map_err(|_| "文件中有无法识别的字符，不能作为报告数据读取".to_owned())?;
        let report =
            report_core::js::report_from_json_text(text).map_err(|e| e.describe(Lang::Zh))?;
        return Ok((report, None));
    }
    let imported = io::import_document(bytes, previous).await?;
    Ok((
        imported.report,
        Some((imported.format_name, imported.diagnostics)),
    ))
}

pub(super) fn severity_zh(severity: &str) -> &'static str {
    match severity {
        "error" => "错误",
        "warning" => "警告",
        _ => "提示",
    }
}

pub(super) fn import_bytes(state: State, name: String, bytes: Vec<u8>) {
    leptos::task::spawn_local(async move {
        // Last year's report, when read, settles numbers that run together undecided.
        let previous = state.previous.get_untracked();
        match read_any(&bytes, previous.as_ref()).await {
            Ok((report, notes)) => {
                let mut text = match &notes {
                    Some((format, _)) => {
                        format!("已从 {name} 导入（{format}；照录模式：各总计保留原文的数字）。")
                    }
                    None => format!("已导入 {name}（照录模式：各总计保留文件中的数字）。"),
                };
                let notes = notes.map(|(_, d)| d).unwrap_or_default();
                for d in &notes {
                    text.push_str(&format!(
                        "\n{}：{}（{}）",
                        severity_zh(&d.severity),
                        d.message,
                        d.code
                    ));
                }
                // Cells inferred (split from run-together numbers, or placed in a PDF's columns
                // by position) are outlined in the import's draft, for the clerk to compare
                // with the original.
                let inferred: Vec<String> = notes
                    .iter()
                    .filter(|d| d.code == "I8" || d.code == "I9")
                    .flat_map(|d| d.cells.iter().cloned())
                    .collect();
                if !inferred.is_empty() {
                    text.push_str(&format!(
                        "\n表格中以虚线框标出的 {} 个单元格是推断所得（数字连在一起时的拆法，或按对齐位置放入的栏），请对照原文逐一核对。",
                        inferred.len()
                    ));
                }
                // The import opens as a draft of its own: the open draft stays saved as it was.
                text.push_str(
                    "\n已作为新草稿打开；原来打开的草稿仍保存在草稿列表中，按“撤销”可回到原草稿。",
                );
                record(state, None);
                state.base.set_value(None);
                state.previous.set(None);
                state.computed.set(false);
                state.aside.set(Vec::new());
                state.name.set(String::new());
                let draft = crate::storage::new_id();
                state.inferred.set((draft.clone(), inferred));
                state.draft.set(draft);
                state.report.set(report);
                state.notice.set(Some(text));
            }
            Err(e) => state.notice.set(Some(format!("{name} 无法导入：{e}"))),
        }
    });
}

pub(super) fn use_last_year(state: State, name: String, bytes: Vec<u8>) {
    leptos::task::spawn_local(async move {
        match read_any(&bytes, None).await {
            Ok((previous, _)) => {
                edit(state, |r| {
                    report_core::edit::carry_over(r, &previous);
                });
                state.notice.set(Some(format!(
                    "已读入上年报告 {name}（{} 年度）：“二、上年结转”已按上年“四、结转下年度继续办理”填写，与上年报告的核对已开启。",
                    previous.year
                )));
                state.previous.set(Some(previous));
            }
            Err(e) => state.notice.set(Some(format!("{name} 无法读取：{e}"))),
        }
    });
}

pub(super) fn file_button(
    label: &'static str,
    test_id: &'static str,
    on_file: impl Fn(String, Vec<u8>) + Copy + 'static,
) -> impl IntoView {
    // A real button, reachable and pressed from the keyboard, opens the hidden file chooser.
    let chooser = NodeRef::<leptos::html::Input>::new();
    view! {
        <button class="file" data-action=format!("{test_id}-button") on:click=move |_| {
            if let Some(input) = chooser.get_untracked() { input.click(); }
        }>{label}</button>
        <input
                class="file-chooser"
                node_ref=chooser
                tabindex="-1"
                aria-hidden="true"
                type="file"
                data-action=test_id
                accept=accepted()
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
    }
}

/// Exports through the exporters loaded on demand.
pub(super) fn export(state: State, ext: &'static str, mime: &'static str) {
    let report = state.report.get_untracked();
    leptos::task::spawn_local(async move {
        let base = default_name(&report).replace(' ', "");
        match io::render_document(&report, ext).await {
            Ok(bytes) => files::download(&format!("{base}.{ext}"), mime, &bytes),
            Err(e) => state.notice.set(Some(format!("导出失败：{e}"))),
        }
    });
}

/// What the file chooser offers: report JSON and every document the importers read.
fn accepted() -> String {
    std::iter::once("json")
        .chain(report_io::import::EXTENSIONS.iter().copied())
        .map(|e| format!(".{e}"))
        .collect::<Vec<_>>()
        .join(",")
}
