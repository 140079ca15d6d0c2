//! The prose of the report: the preface, 一 (its text or five sub-parts), 五 and 六.

use leptos::prelude::*;
use report_core::{ProseField, Section};

use super::history::record;
use super::state::State;

fn prose_box(state: State, field: ProseField, rows: u32) -> impl IntoView {
    let value = move || {
        state
            .report
            .with(|r| r.prose(field).unwrap_or_default().to_owned())
    };
    view! {
        <label class="prose">
            // A text opening with its own heading prints without a second one above it.
            <span class="prose-heading" class:in-text=move || state.report.with(|r| r.prose(field).is_some_and(|t| field.carries_heading(t)))>{field.heading()}</span>
            <textarea
                rows=rows.to_string()
                data-field=field.pointer()
                prop:value=value
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    record(state, Some(field.pointer()));
                    state.report.update(|r| *r.prose_mut(field) = (!text.trim().is_empty()).then_some(text));
                }
            ></textarea>
            // Printed in full instead of the box, which prints only its visible lines.
            <div class="prose-print" aria-hidden="true">
                {move || value().lines().map(str::trim).filter(|l| !l.is_empty()).map(|l| view! { <p>{l.to_owned()}</p> }).collect_view()}
            </div>
        </label>
    }
}

/// The preface (导语) and the prose fields of 一, above the tables.
pub(super) fn overview(state: State) -> impl IntoView {
    let rows = |field: ProseField| if field.is_sub_part() { 2 } else { 3 };
    let fields: Vec<_> = ProseField::ALL
        .into_iter()
        .filter(|f| matches!(f.section(), None | Some(Section::Overview)))
        .map(|f| prose_box(state, f, rows(f)))
        .collect();
    view! { <section class="prose-section">{fields}</section> }
}

/// 五 and 六, below the tables.
pub(super) fn closing(state: State) -> impl IntoView {
    view! {
        <section class="prose-section">
            {prose_box(state, ProseField::Problems, 4)}
            {prose_box(state, ProseField::OtherMatters, 3)}
        </section>
    }
}
