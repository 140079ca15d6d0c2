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

fn focus_field(pointer: &str) {
    if let Some(element) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector(&format!("[data-field=\"{pointer}\"]"))
                .ok()
                .flatten()
        })
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
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
                    let code = d.code;
                    let severity = d.severity;
                    let explanation = by_code(code).map(|rule| rule.meta().explanation_zh);
                    view! {
                        <li class=format!("finding {}", severity.en()) data-code=code>
                            <button class="finding-go" on:click=move |_| focus_place(&target)>
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
