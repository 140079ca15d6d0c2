//! The drafts kept in this browser: the list, and new, open, rename and delete.

use leptos::prelude::*;

use super::state::{blank_report, default_name, State};
use crate::storage;

/// The draft list and its buttons; `drafts` is the list as stored, refreshed after each save.
pub(super) fn drafts_bar(state: State, drafts: RwSignal<Vec<storage::DraftInfo>>) -> impl IntoView {
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
    view! {
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
    }
}

/// Saves every change at once, and keeps the draft list current.
pub(super) fn autosave(state: State, drafts: RwSignal<Vec<storage::DraftInfo>>) {
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
}
