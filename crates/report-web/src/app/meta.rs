//! The report's details: agency, year, edition, and how totals are entered.

use leptos::prelude::*;
use report_core::layout::Edition;

use super::history::record;
use super::state::{edit, this_year, State};

/// What changing to `edition` would set aside, in words; `None` when nothing.
fn lacking_zh(state: State, edition: Edition) -> Option<String> {
    let current = state.report.get_untracked();
    let lacking = report_core::edit::cells_without_place(&current, edition);
    if lacking.is_empty() {
        return None;
    }
    let names: Vec<String> = lacking
        .iter()
        .take(6)
        .map(|p| p.describe_zh(current.edition))
        .collect();
    let more = if lacking.len() > 6 { " 等" } else { "" };
    Some(format!(
        "{}没有 {} 个已填单元格的位置（{}{more}）",
        report_core::message::edition_name_zh(edition),
        lacking.len(),
        names.join("、")
    ))
}

/// Changes the edition: cells the new edition has no place for are kept aside (and said so),
/// and come back when the clerk changes back.
fn change_edition(state: State, edition: Edition) {
    let current = state.report.get_untracked();
    if current.edition == edition {
        return;
    }
    let lacking = lacking_zh(state, edition);
    record(state, None);
    let mut aside = state.aside.get_untracked();
    let next = report_core::edit::change_edition(&current, edition, &mut aside);
    state.aside.set(aside);
    state.report.set(next);
    if let Some(lacking) = lacking {
        state.notice.set(Some(format!(
            "{lacking}，这些数字已暂时保留，改回原格式即恢复。"
        )));
    }
}

/// The agency, year and edition fields, 照录模式 and 其余空白填 0.
pub(super) fn meta_form(state: State) -> impl IntoView {
    // A change of edition that would set cells aside is confirmed first, with the cells listed.
    let pending = RwSignal::new(None::<(Edition, String)>);
    let select = NodeRef::<leptos::html::Select>::new();
    let choose = move |key: String| {
        let Some(edition) = Edition::from_key(&key) else {
            return;
        };
        match lacking_zh(state, edition) {
            Some(text) => pending.set(Some((edition, text))),
            None => change_edition(state, edition),
        }
    };
    let cancel = move |_| {
        pending.set(None);
        if let Some(select) = select.get_untracked() {
            select.set_value(state.report.with_untracked(|r| r.edition.key()));
        }
    };
    let confirm = move |_| {
        if let Some((edition, _)) = pending.get_untracked() {
            pending.set(None);
            change_edition(state, edition);
        }
    };
    let fill_zeros = move |_| {
        edit(state, |r| {
            report_core::edit::fill_blanks_with_zero(r);
        });
    };
    view! {
                <section class="meta">
                    <label>"发布机关 " <input data-field="/agency" prop:value=move || state.report.with(|r| r.agency.clone())
                        on:input=move |ev| { let v = event_target_value(&ev); record(state, Some("/agency")); state.report.update(|r| r.agency = v); } /></label>
                    <label>"报告年度 " <input data-field="/year" type="number" min=report_core::ready::FIRST_YEAR.to_string() max=(this_year() + 2).to_string()
                        aria-invalid=move || if state.year_typed.get() { "false" } else { "true" }
                        prop:value=move || state.report.with(|r| r.year.to_string())
                        on:input=move |ev| {
                            let typed = report_core::Cell::parse(report_core::layout::CellKind::Count, &event_target_value(&ev));
                            match typed.count().and_then(|y| u16::try_from(y).ok()) {
                                Some(y) => { record(state, Some("/year")); state.year_typed.set(true); state.report.update(|r| r.year = y); }
                                None => state.year_typed.set(false),
                            }
                        } /></label>
                    <label>"格式 "
                        <select data-field="/edition" node_ref=select prop:value=move || state.report.with(|r| r.edition.key().to_owned())
                            on:change=move |ev| choose(event_target_value(&ev))>
                            <option value="2021">"2021 年版格式"</option>
                            <option value="2019">"2019 年试行格式（2019、2020 年度）"</option>
                        </select>
                    </label>
                    <label class="mode">
                        <input type="checkbox" data-action="transcribe" prop:checked=move || !state.computed.get()
                            on:change=move |ev| {
                                let transcribe = event_target_checked(&ev);
                                record(state, None);
                                state.computed.set(!transcribe);
                                if !transcribe {
                                    let before = state.report.get_untracked();
                                    state.report.update(report_core::totals::fill);
                                    if state.report.with_untracked(|r| *r != before) {
                                        state.notice.set(Some("已按各分项重新计算总计，手工填写的总计已被替换；如需恢复，请按“撤销”。".into()));
                                    }
                                }
                            } />
                        "照录模式（手工填写各总计，核对已发布报告时使用）"
                    </label>
                    <button data-action="fill-zeros" on:click=fill_zeros>"其余空白填 0"</button>
                    <Show when=move || pending.with(Option::is_some)>
                        <div class="confirm" role="alertdialog" aria-label="切换格式">
                            <p>{move || pending.get().map(|(_, text)| format!("{text}。切换后这些数字会暂时保留，改回原格式即恢复；也可按“撤销”退回。"))}</p>
                            <button data-action="edition-confirm" on:click=confirm>"切换格式"</button>
                            <button data-action="edition-cancel" on:click=cancel>"取消"</button>
                        </div>
                    </Show>
                </section>
    }
}
