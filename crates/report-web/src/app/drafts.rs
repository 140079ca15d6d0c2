//! The drafts kept in this browser: the list, new, open, rename and delete; saving every change
//! at once; and following the saves of other tabs open on the same draft.

use leptos::prelude::*;
use report_core::merge::merge;
use report_core::Report;

use super::history::record;
use super::state::{blank_report, default_name, Saved, State};
use crate::storage;

/// `name`, or `name（2）`, `name（3）`… so that no other draft in `list` has it.
fn distinct(name: String, list: &[storage::DraftInfo], id: &str) -> String {
    let taken = |n: &str| list.iter().any(|d| d.id != id && d.name == n);
    if !taken(&name) {
        return name;
    }
    (2..)
        .map(|i| format!("{name}（{i}）"))
        .find(|n| !taken(n))
        .unwrap_or(name)
}

/// Opens a stored draft.
fn open(state: State, id: String, report: Report) {
    let info = storage::drafts().into_iter().find(|d| d.id == id);
    state.base.set_value(Some((id.clone(), report.clone())));
    state
        .computed
        .set(!info.as_ref().is_some_and(|d| d.transcribed));
    state.name.set(info.map(|d| d.name).unwrap_or_default());
    state.previous.set(None);
    state.aside.set(Vec::new());
    state.draft.set(id);
    state.report.set(report);
}

/// The draft list and its buttons; `drafts` is the list as stored, refreshed after each save.
pub(super) fn drafts_bar(state: State, drafts: RwSignal<Vec<storage::DraftInfo>>) -> impl IntoView {
    let new_draft = move |_| {
        record(state, None);
        state.report.set(blank_report());
        state.previous.set(None);
        state.aside.set(Vec::new());
        state.computed.set(true);
        state.name.set(String::new());
        state.draft.set(storage::new_id());
        state.notice.set(Some(
            "已新建空白草稿；原草稿仍保存在本浏览器中，可从列表中打开。".into(),
        ));
    };
    let open_draft = move |id: String| match storage::load(&id) {
        storage::Loaded::Report(r) => {
            record(state, None);
            open(state, id, *r);
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
                record(state, None);
                state.name.set(name.trim().to_owned());
            }
        }
    };
    let delete = move |_| {
        let ok = web_sys::window()
            .and_then(|w| {
                w.confirm_with_message("删除当前草稿？删除后可按“撤销”恢复，关闭页面后则无法恢复。")
                    .ok()
            })
            .unwrap_or(false);
        if ok {
            record(state, None);
            storage::delete(&state.draft.get_untracked());
            drafts.set(storage::drafts());
            state.base.set_value(None);
            state.report.set(blank_report());
            state.aside.set(Vec::new());
            state.computed.set(true);
            state.name.set(String::new());
            state.draft.set(storage::new_id());
        }
    };
    let saved = move || match state.saved.get() {
        Saved::Not => String::new(),
        Saved::At(time) => format!("已保存 · {time}"),
        Saved::Refused => "未能保存".into(),
    };
    view! {
            <div class="drafts">
                <label>
                    "草稿 "
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
                <span class="saved" data-saved=move || if matches!(state.saved.get(), Saved::Refused) { "refused" } else { "ok" }>{saved}</span>
            </div>
    }
}

fn clock() -> String {
    let now = web_sys::js_sys::Date::new_0();
    format!("{:02}:{:02}", now.get_hours(), now.get_minutes())
}

/// Folds a version of the open draft saved by another tab into this one: what each tab
/// changed is kept; where both changed one cell, this tab's value stays in the draft and the
/// other tab's version is kept as a draft of its own. Returns whether the draft changed.
fn fold_in(state: State, theirs: Report) -> bool {
    let id = state.draft.get_untracked();
    let ours = state.report.get_untracked();
    let base = state
        .base
        .with_value(|b| b.as_ref().filter(|(i, _)| *i == id).map(|(_, r)| r.clone()));
    state.base.set_value(Some((id, theirs.clone())));
    let Some(base) = base else {
        // This tab never read the stored version (a draft just made): nothing to merge with.
        return false;
    };
    let merged = merge(&base, &ours, &theirs);
    if !merged.conflicts.is_empty() {
        let name = format!("{}{OTHER_TAB}{}）", default_name(&theirs), clock());
        let other = storage::new_id();
        storage::save(
            &other,
            &name,
            !state.computed.get_untracked(),
            &theirs,
            None,
        );
        let edition = ours.edition;
        let places: Vec<String> = merged
            .conflicts
            .iter()
            .take(6)
            .map(|p| p.describe_zh(edition))
            .collect();
        state.notice.set(Some(format!(
            "另一个页面也修改了本草稿的 {} 处相同内容（{}）。本页保留了自己的填写；另一页面的版本已另存为草稿“{name}”，两份都没有丢失。",
            merged.conflicts.len(),
            places.join("、")
        )));
    }
    if merged.report == ours {
        return false;
    }
    record(state, None);
    state.report.set(merged.report);
    true
}

/// Saves every change at once, and keeps the draft list current. A save first folds in what
/// another tab saved since this tab last read the draft, so neither overwrites the other.
pub(super) fn autosave(state: State, drafts: RwSignal<Vec<storage::DraftInfo>>) {
    // The draft's text as this tab last wrote it: while storage still holds it, no other tab has
    // saved since, and it need not be read again.
    let written: StoredValue<Option<(String, String)>> = StoredValue::new(None);
    Effect::new(move |_| {
        let id = state.draft.get();
        let name = state.name.get();
        let transcribed = !state.computed.get();
        let report = state.report.get();
        let stored_text = storage::text(&id);
        let ours_last = written.with_value(|w| {
            w.as_ref()
                .is_some_and(|(i, t)| *i == id && Some(t) == stored_text.as_ref())
        });
        let stored = if ours_last {
            storage::Loaded::Missing
        } else {
            storage::load(&id)
        };
        if let storage::Loaded::Report(stored) = stored {
            let known = state
                .base
                .with_value(|b| b.as_ref().is_some_and(|(i, r)| *i == id && *r == *stored));
            let ours = *stored == report;
            if !known && !ours && fold_in(state, *stored) {
                // The merged draft is saved when this effect runs again.
                return;
            }
        }
        let list = storage::drafts();
        let name = if name.is_empty() {
            distinct(default_name(&report), &list, &id)
        } else {
            name
        };
        let (outcome, text) =
            storage::save(&id, &name, transcribed, &report, stored_text.as_deref());
        written.set_value(Some((id.clone(), text)));
        state.base.set_value(Some((id.clone(), report)));
        storage::set_current(&id);
        match outcome {
            storage::SaveOutcome::Refused => {
                state.saved.set(Saved::Refused);
                state.notice.set(Some(
                    "浏览器拒绝保存（存储空间已满或被禁用），请立即导出 JSON 备份。".into(),
                ));
            }
            storage::SaveOutcome::Written => state.saved.set(Saved::At(clock())),
            storage::SaveOutcome::Unchanged => {
                if state.saved.get_untracked() == Saved::Not {
                    state.saved.set(Saved::At(clock()));
                }
            }
        }
        drafts.set(storage::drafts());
    });
}

/// What the name of a version kept aside after a conflict between tabs says.
const OTHER_TAB: &str = "（另一页面的版本 ";

/// Tells this tab when another tab, finding that both changed the same cells, kept its own
/// values and set this tab's version aside as a draft of its own: the clerk here sees their
/// values replaced, and must know where they went.
fn told_of_kept_version(state: State, before: &[storage::DraftInfo], now: &[storage::DraftInfo]) {
    let id = state.draft.get_untracked();
    for draft in now.iter().filter(|d| !before.iter().any(|b| b.id == d.id)) {
        if !draft.name.contains(OTHER_TAB) {
            continue;
        }
        let storage::Loaded::Report(kept) = storage::load(&draft.id) else {
            continue;
        };
        let ours = state
            .base
            .with_value(|b| b.as_ref().is_some_and(|(i, r)| *i == id && *r == *kept));
        if ours {
            state.notice.set(Some(format!(
                "另一个页面同时修改了本草稿的相同内容，本草稿采用了那个页面的填写；本页原来的版本已另存为草稿“{}”，没有丢失。",
                draft.name
            )));
        }
    }
}

/// Follows the saves of other tabs: the draft list, and the open draft itself.
pub(super) fn follow_other_tabs(state: State, drafts: RwSignal<Vec<storage::DraftInfo>>) {
    let handle = window_event_listener(leptos::ev::storage, move |ev| {
        let Some(key) = ev.key() else {
            return;
        };
        if storage::is_index_key(&key) {
            let before = drafts.get_untracked();
            let now = storage::drafts();
            told_of_kept_version(state, &before, &now);
            drafts.set(now);
            return;
        }
        let id = state.draft.get_untracked();
        if !storage::is_draft_key(&key, &id) {
            return;
        }
        let Some(text) = ev.new_value() else {
            state.notice.set(Some(
                "另一个页面删除了本草稿；本页的内容仍在，会重新保存为草稿。".into(),
            ));
            state.base.set_value(None);
            state.report.update(|_| {});
            return;
        };
        if let Ok(theirs) = report_core::js::report_from_json_text(&text) {
            fold_in(state, theirs);
            state.saved.set(Saved::At(clock()));
        }
    });
    std::mem::forget(handle);
}
