//! The bar at the top of the page: the drafts, and the documents in and out.

use leptos::prelude::*;

use super::documents::{export, file_button, import_bytes, use_last_year};
use super::drafts::drafts_bar;
use super::state::{default_name, State};
use super::{findings, history};
use crate::{files, storage};

/// Tells the style sheet how tall the toolbar is (one row or several, by the screen's width),
/// so that what sticks below it is never hidden under it.
fn measure_toolbar() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let height = document
        .query_selector("header.toolbar")
        .ok()
        .flatten()
        .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(t).ok())
        .map_or(0, |t| t.offset_height());
    // Through the style object, not a style attribute, which a strict page policy refuses.
    if let Some(html) = document
        .document_element()
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
    {
        let _ = html
            .style()
            .set_property("--toolbar-height", &format!("{height}px"));
    }
}

/// The toolbar.
pub(super) fn toolbar(state: State, drafts: RwSignal<Vec<storage::DraftInfo>>) -> impl IntoView {
    std::mem::forget(window_event_listener(leptos::ev::resize, |_| {
        measure_toolbar()
    }));
    // Once drawn, and whenever the drafts' names (which set the toolbar's width) change; not at
    // every save, which would make the browser lay the page out again at each keystroke.
    let names = Memo::new(move |_| {
        drafts.with(|list| list.iter().map(|d| d.name.clone()).collect::<Vec<_>>())
    });
    Effect::new(move |_| {
        names.track();
        request_animation_frame(measure_toolbar);
    });
    view! {
        <header class="toolbar">
            <h1>"政府信息公开年报 · 填报与核对"</h1>
            {drafts_bar(state, drafts)}
            {history::buttons(state)}
            {findings::status_chip(state)}
            <div class="actions">
                {file_button("导入报告", "import", move |name, bytes| import_bytes(state, name, bytes))}
                {file_button("读入上年报告", "previous", move |name, bytes| use_last_year(state, name, bytes))}
                <span class="export-label">"导出"</span>
                <button data-action="export-json" title="导出 JSON 数据" on:click=move |_| {
                    let r = state.report.get_untracked();
                    files::download(&format!("{}.json", default_name(&r).replace(' ', "")), "application/json", report_core::js::to_json_text(&r, 2).as_bytes());
                }>"JSON"</button>
                <button data-action="export-docx" title="导出 Word 文档" on:click=move |_| export(state, "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")>"Word"</button>
                <button data-action="export-html" title="导出网页" on:click=move |_| export(state, "html", "text/html;charset=utf-8")>"网页"</button>
                <button data-action="export-csv" title="导出 CSV 表格" on:click=move |_| export(state, "csv", "text/csv;charset=utf-8")>"CSV"</button>
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
