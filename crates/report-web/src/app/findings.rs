//! The findings: the status line, the list by severity with each rule's explanation, and the
//! note on the focused cell.

use leptos::prelude::*;
use report_core::rules::by_code;

use super::cells::focus_place;
use super::state::State;

pub(super) fn diagnostics_panel(state: State) -> impl IntoView {
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

/// What the findings say of the focused cell, in one line above the tables.
pub(super) fn focused_note(state: State) -> impl IntoView {
    let note = move || {
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
    view! { <p class="focus-note" aria-live="polite">{note}</p> }
}
