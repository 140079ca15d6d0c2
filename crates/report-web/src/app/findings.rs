//! The findings: the status line, the list by severity with each rule's explanation, and the
//! note on the focused cell.

use leptos::prelude::*;
use report_core::rules::by_code;

use report_core::Lang;
use wasm_bindgen::JsCast;

use super::cells::focus_place;
use super::state::{this_year, State};

/// What the report lacks before it is published, in the clerk's words, with the field to go to.
fn gaps(state: State) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = state.report.with(|r| {
        report_core::ready::gaps(r, this_year() + 1)
            .into_iter()
            .map(|g| (g.describe(Lang::Zh), g.place().pointer()))
            .collect()
    });
    if !state.year_typed.get() {
        out.insert(
            0,
            ("报告年度未填写或不是年份。".to_owned(), "/year".to_owned()),
        );
    }
    out
}

/// The form's element for the field at `pointer` (`data-field`), as the type asked for.
fn field_element<T: JsCast>(pointer: &str) -> Option<T> {
    web_sys::window()?
        .document()?
        .query_selector(&format!("[data-field=\"{pointer}\"]"))
        .ok()??
        .dyn_into::<T>()
        .ok()
}

fn focus_field(pointer: &str) {
    if let Some(element) = field_element::<web_sys::HtmlElement>(pointer) {
        let _ = element.focus();
    }
}

/// Focuses the text box of a prose field and selects the sentence at `range` (UTF-16 offsets, as
/// the box counts), so that the clerk sees what the finding quotes.
fn focus_passage(pointer: &str, range: Option<(u32, u32)>) {
    let Some(area) = field_element::<web_sys::HtmlTextAreaElement>(pointer) else {
        return;
    };
    let _ = area.focus();
    if let Some((start, end)) = range {
        let _ = area.set_selection_range(start, end);
    }
}

/// Where a finding about the prose is: its field's pointer and the quoted sentence's place in
/// the field's text, in UTF-16 offsets.
fn passage(
    report: &report_core::Report,
    d: &report_core::Diagnostic,
) -> Option<(String, Option<(u32, u32)>)> {
    let (field, quote) = d.passage()?;
    let range = quote.and_then(|quote| {
        let text = report.prose(field)?;
        let at = report_core::prose::locate(text, quote)?;
        let utf16 = |s: &str| s.encode_utf16().count() as u32;
        let start = utf16(&text[..at.start]);
        Some((start, start + utf16(&text[at])))
    });
    Some((field.pointer().to_owned(), range))
}

/// The verdict, "invalid" with errors, "incomplete" with none but something still to fill,
/// "valid" when the report can be published; and the status line saying so.
fn verdict(state: State, gaps: Memo<Vec<(String, String)>>) -> (&'static str, String) {
    let c = state.result.with(|r| r.counts);
    let counts = format!(
        "{} 个错误 · {} 个警告 · {} 个提示",
        c.errors, c.warnings, c.infos
    );
    if !state.result.with(|r| r.valid) {
        ("invalid", counts)
    } else if gaps.with(|g| !g.is_empty()) {
        ("incomplete", format!("尚不能发布 · {counts}"))
    } else {
        ("valid", format!("可以发布 · {counts}"))
    }
}

/// The verdict in the toolbar, where the findings are below the form: it leads to them.
pub(super) fn status_chip(state: State) -> impl IntoView {
    let gaps = Memo::new(move |_| gaps(state));
    let go = move |_| {
        if let Some(panel) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector("aside.findings").ok().flatten())
        {
            panel.scroll_into_view();
        }
    };
    view! {
        <button class="status-chip" data-status=move || verdict(state, gaps).0 on:click=go>
            {move || state.result.with(|r| format!("{} 个错误", r.counts.errors))}
        </button>
    }
}

pub(super) fn diagnostics_panel(state: State) -> impl IntoView {
    let explained = RwSignal::new(None::<usize>);
    let gaps = Memo::new(move |_| gaps(state));
    let status = move || verdict(state, gaps).1;
    let verdict = move || verdict(state, gaps).0;
    let gap_items = move || {
        gaps.get()
            .into_iter()
            .map(|(message, pointer)| {
                view! {
                    <li class="finding gap" data-code="gap">
                        <button class="finding-go" on:click=move |_| focus_field(&pointer)>
                            <span class="badge">"待填"</span>
                            <span class="message">{message}</span>
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    let items = move || {
        state.result.with(|res| {
            let mut list: Vec<_> = res.diagnostics.iter().collect();
            list.sort_by_key(|d| d.severity);
            list.into_iter()
                .enumerate()
                .map(|(index, d)| {
                    let target = d.cells.first().cloned().unwrap_or_default();
                    // A finding about the prose goes to its sentence, others to their first cell.
                    let prose = state.report.with_untracked(|r| passage(r, d));
                    let go = move |_| match &prose {
                        Some((pointer, range)) => focus_passage(pointer, *range),
                        None => focus_place(&target),
                    };
                    let code = d.code;
                    let severity = d.severity;
                    let explanation = by_code(code).map(|rule| rule.meta().explanation_zh);
                    view! {
                        <li class=format!("finding {}", severity.en()) data-code=code>
                            <button class="finding-go" on:click=go>
                                <span class="badge">{severity.zh()}</span>
                                <span class="message">{d.message.clone()}</span>
                                <span class="code">{code}</span>
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
            <p class="status" data-status=verdict>{status}</p>
            <ol>{gap_items}{items}</ol>
        </aside>
    }
}

/// What the findings say of the focused cell, in one line above the tables.
pub(super) fn focused_note(state: State) -> impl IntoView {
    let note = move || {
        state.focused.get().map(|place| {
            let edition = state.report.with_untracked(|r| r.edition);
            let notes: Vec<String> = state.result.with(|res| {
                res.diagnostics
                    .iter()
                    .filter(|d| d.places.contains(&place))
                    .map(|d| format!("{}（{}）", d.message, d.code))
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
    view! { <p class="focus-note" aria-live="polite">{note}</p> }
}
