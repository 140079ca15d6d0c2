//! What the page keeps, and how it starts: the open draft, or a blank report for last year.

use leptos::prelude::*;
use report_core::edit::SetAside;
use report_core::layout::{CellKind, Edition};
use report_core::{Cell, CheckResult, Place, Report};

use super::cells::CellSignals;
use super::history::{record, History};
use crate::storage;

/// Everything the page keeps.
#[derive(Clone, Copy)]
pub(super) struct State {
    pub(super) report: RwSignal<Report>,
    pub(super) previous: RwSignal<Option<Report>>,
    pub(super) draft: RwSignal<String>,
    pub(super) name: RwSignal<String>,
    pub(super) computed: RwSignal<bool>,
    pub(super) notice: RwSignal<Option<String>>,
    pub(super) focused: RwSignal<Option<Place>>,
    pub(super) result: Memo<CheckResult>,
    /// The value and marks each drawn cell shows.
    pub(super) cells: StoredValue<Vec<(Place, CellSignals)>>,
    /// Cells the report's edition has no place for, kept while it is in that edition.
    pub(super) aside: RwSignal<SetAside>,
    /// The steps undo and redo go through.
    pub(super) history: StoredValue<History>,
    /// How many steps back and forward there are (for the buttons).
    pub(super) steps: RwSignal<(usize, usize)>,
    /// The open draft as this tab last read or wrote it in storage: what another tab's save is
    /// merged against.
    pub(super) base: StoredValue<Option<(String, Report)>>,
    /// Whether the year field holds a year (false while it is cleared or holds no number).
    pub(super) year_typed: RwSignal<bool>,
    /// When the open draft was last saved ("HH:MM"), or why it was not.
    pub(super) saved: RwSignal<Saved>,
    /// The cells an import inferred (split from run-together numbers, I8 and I9), for the clerk
    /// to compare with the original: the draft the import opened, and the cells' pointers.
    pub(super) inferred: RwSignal<(String, Vec<String>)>,
}

/// What the page says of saving.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Saved {
    /// Nothing saved yet in this tab.
    Not,
    /// Saved at this time of day.
    At(String),
    /// The browser refused.
    Refused,
}

pub(super) fn default_name(report: &Report) -> String {
    let agency = if report.agency.trim().is_empty() {
        "未命名机关"
    } else {
        report.agency.trim()
    };
    format!("{agency} {} 年度", report.year)
}

pub(super) fn this_year() -> u16 {
    let now = web_sys::js_sys::Date::new_0();
    u16::try_from(now.get_full_year())
        .unwrap_or(2025)
        .saturating_sub(1)
}

pub(super) fn blank_report() -> Report {
    let year = this_year();
    Report::blank(Edition::for_year(year).unwrap_or(Edition::V2021), year, "")
}

/// Opens the draft used last time, or starts one; a draft that cannot be read is reported.
pub(super) fn open_initial() -> (String, Report, Option<String>) {
    let mut notice = None;
    if let Some(id) = storage::current() {
        match storage::load(&id) {
            storage::Loaded::Report(report) => return (id, *report, None),
            storage::Loaded::Broken { reason, kept_as } => {
                notice = Some(format!(
                    "上次保存的草稿无法读取（{reason}）。原内容已另存为浏览器存储中的“{kept_as}”，没有被覆盖；现已新建一份空白草稿。"
                ));
            }
            storage::Loaded::Missing => {}
        }
    }
    (storage::new_id(), blank_report(), notice)
}

/// Changes the report as one step that can be undone, then recomputes its totals unless the
/// clerk transcribes them.
pub(super) fn edit(state: State, change: impl FnOnce(&mut Report)) {
    record(state, None);
    apply(state, change);
}

fn apply(state: State, change: impl FnOnce(&mut Report)) {
    let computed = state.computed.get_untracked();
    state.report.update(|r| {
        change(r);
        if computed {
            report_core::totals::fill(r);
        }
    });
}

pub(super) fn set_cell(state: State, place: Place, text: &str) {
    let kind = place.kind().unwrap_or(CellKind::Count);
    record(state, Some(&place.pointer()));
    apply(state, |r| {
        r.set_cell(place, Cell::parse(kind, text));
    });
}
