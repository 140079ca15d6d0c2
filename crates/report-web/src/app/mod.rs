//! The form: toolbar, report details, prose, the three tables, and the list of findings. Each
//! part is a module of its own; `App` only puts them together.

mod cells;
mod documents;
mod drafts;
mod findings;
mod history;
mod meta;
mod prose;
mod state;
mod toolbar;

use leptos::prelude::*;
use report_core::{check, CheckOptions, Lang, Report};

use crate::storage;
use state::{open_initial, State};

const GUIDE: &str = "在表格中逐格填写数字：没有发生的填 0，空白不等于 0。方向键、回车和 Tab 可在单元格间移动；从 Excel 或 WPS 复制的一块数字可直接粘贴，从当前单元格起依次填入。默认由本页计算“总计”列、“（七）总计”和表四的总计；如需照录已发布报告的数字，请切换为“照录模式”。每次修改都会立即核对，并自动保存在本浏览器中，关闭页面后再打开即可继续。右侧列出发现的问题，点击可跳到对应单元格，点击“说明”可查看规则。完成后可导出 Word、网页（HTML）、JSON 或 CSV，或直接打印。";

/// The page.
#[component]
pub fn App() -> impl IntoView {
    let (id, report, notice) = open_initial();
    let stored = storage::drafts().into_iter().find(|d| d.id == id);
    let base = stored.as_ref().map(|_| (id.clone(), report.clone()));
    let report = RwSignal::new(report);
    let previous = RwSignal::new(None::<Report>);
    let computed = RwSignal::new(!stored.as_ref().is_some_and(|d| d.transcribed));
    let result = Memo::new(move |_| {
        report.with(|r| {
            previous.with(|p| {
                check(
                    r,
                    &CheckOptions {
                        previous: p.as_ref(),
                        lang: Lang::Zh,
                        totals_computed: computed.get(),
                    },
                )
            })
        })
    });
    let state = State {
        report,
        previous,
        draft: RwSignal::new(id),
        name: RwSignal::new(String::new()),
        computed,
        notice: RwSignal::new(notice),
        focused: RwSignal::new(None),
        result,
        cells: StoredValue::new(Default::default()),
        aside: RwSignal::new(Vec::new()),
        history: StoredValue::new(history::History::default()),
        steps: RwSignal::new((0, 0)),
        base: StoredValue::new(base),
        saved: RwSignal::new(state::Saved::Not),
        year_typed: RwSignal::new(true),
        inferred: RwSignal::new(Default::default()),
    };
    state.name.set(stored.map(|d| d.name).unwrap_or_default());
    let drafts = RwSignal::new(storage::drafts());
    cells::follow_cells(state);
    drafts::autosave(state, drafts);
    drafts::follow_other_tabs(state, drafts);
    history::keyboard(state);

    view! {
        {toolbar::toolbar(state, drafts)}
        <Show when=move || state.notice.get().is_some()>
            <div class="notice" role="status">
                <pre>{move || state.notice.get().unwrap_or_default()}</pre>
                <button on:click=move |_| state.notice.set(None)>"知道了"</button>
            </div>
        </Show>
        <main class="layout">
            <div class="form">
                <h1 class="report-title">{move || state.report.with(report_io::export::title)}</h1>
                {meta::meta_form(state)}
                <details class="guide">
                    <summary>"使用说明"</summary>
                    <p>{GUIDE}</p>
                </details>
                {prose::overview(state)}
                {findings::focused_note(state)}
                {cells::tables(state)}
                {prose::closing(state)}
                {toolbar::paste_import(state)}
            </div>
            {findings::diagnostics_panel(state)}
        </main>
    }
}
