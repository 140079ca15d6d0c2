//! The bar at the top of the page: the drafts, and the documents in and out.

use leptos::prelude::*;

use super::documents::{export, file_button, import_bytes, use_last_year};
use super::drafts::drafts_bar;
use super::state::{default_name, State};
use crate::{files, storage};

/// The toolbar.
pub(super) fn toolbar(state: State, drafts: RwSignal<Vec<storage::DraftInfo>>) -> impl IntoView {
    view! {
        <header class="toolbar">
            <h1>"政府信息公开工作年度报告 · 填报与核对"</h1>
            {drafts_bar(state, drafts)}
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
    }
}

/// Importing a whole report pasted from Word or a web page.
pub(super) fn paste_import(state: State) -> impl IntoView {
    let paste_text = RwSignal::new(String::new());
    view! {
                <details class="paste-import">
                    <summary>"从 Word 或网页粘贴导入"</summary>
                    <textarea rows="6" data-action="paste-text" placeholder="把 Word 文档或网页上的整份报告复制后粘贴在这里"
                        prop:value=move || paste_text.get() on:input=move |ev| paste_text.set(event_target_value(&ev))></textarea>
                    <button data-action="paste-import" on:click=move |_| {
                        let text = paste_text.get_untracked();
                        import_bytes(state, "粘贴的内容".into(), text.into_bytes());
                    }>"导入粘贴的内容"</button>
                </details>
    }
}
