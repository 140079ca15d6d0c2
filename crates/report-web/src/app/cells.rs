//! The tables as a form: one input per value cell, moved between like a spreadsheet, a block
//! pasted from Excel or WPS filled in from the focused cell, each cell marked by the findings.

use leptos::prelude::*;
use report_core::layout::{CellKind, RequestRow, TableId};
use report_core::{Cell, CheckResult, Finding, Place, Severity};
use report_io::export::grid::{self, Grid, GridCell};
use wasm_bindgen::JsCast;

use super::state::{edit, set_cell, State};

pub(super) fn focus_place(place: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let selector = if place.matches('/').count() >= 3 {
        format!("[data-cell=\"{place}\"]")
    } else {
        format!("[data-cell^=\"{place}/\"]")
    };
    if let Ok(Some(element)) = document.query_selector(&selector) {
        if let Ok(input) = element.dyn_into::<web_sys::HtmlElement>() {
            let _ = input.focus();
        }
    }
}

pub(super) fn input_at(table: &str, r: usize, c: usize) -> Option<web_sys::HtmlInputElement> {
    let document = web_sys::window()?.document()?;
    let selector = format!("input[data-table=\"{table}\"][data-r=\"{r}\"][data-c=\"{c}\"]");
    document.query_selector(&selector).ok()??.dyn_into().ok()
}

/// Moves focus like a spreadsheet: arrows, and Enter down.
pub(super) fn navigate(
    ev: &web_sys::KeyboardEvent,
    table: &str,
    r: usize,
    c: usize,
    width: usize,
    height: usize,
) {
    let input: Option<web_sys::HtmlInputElement> = ev.target().and_then(|t| t.dyn_into().ok());
    let (at_start, at_end) = input
        .as_ref()
        .map(|i| {
            let len = i.value().chars().count() as u32;
            let start = i.selection_start().ok().flatten().unwrap_or(0);
            let end = i.selection_end().ok().flatten().unwrap_or(len);
            (start == 0 && (end == 0 || end == len), end == len)
        })
        .unwrap_or((true, true));
    let steps: Vec<(usize, usize)> = match ev.key().as_str() {
        "ArrowDown" | "Enter" => (r + 1..height).map(|rr| (rr, c)).collect(),
        "ArrowUp" => (0..r).rev().map(|rr| (rr, c)).collect(),
        "ArrowRight" if at_end => (c + 1..width).map(|cc| (r, cc)).collect(),
        "ArrowLeft" if at_start => (0..c).rev().map(|cc| (r, cc)).collect(),
        _ => return,
    };
    if let Some(next) = steps
        .into_iter()
        .find_map(|(rr, cc)| input_at(table, rr, cc))
    {
        ev.prevent_default();
        let _ = next.focus();
        next.select();
    }
}

/// Fills cells from a block copied from Excel or WPS, starting at the focused cell.
pub(super) fn paste_block(
    state: State,
    positions: &[(Place, usize, usize)],
    r: usize,
    c: usize,
    text: &str,
) {
    // The value rows and columns from the focused cell on, in order.
    let from = |values: Vec<usize>, start: usize| -> Vec<usize> {
        let mut v: Vec<usize> = values.into_iter().filter(|&x| x >= start).collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let rows = from(positions.iter().map(|p| p.1).collect(), r);
    let cols = from(positions.iter().map(|p| p.2).collect(), c);
    let mut lines: Vec<Vec<&str>> = text
        .trim_end_matches(['\r', '\n'])
        .split('\n')
        .map(|line| line.trim_end_matches('\r').split('\t').collect())
        .collect();
    // A block copied with its row labels: the labels are not values, and would shift every
    // value one column right.
    let labelled = lines.iter().all(|cells| {
        cells.len() > 1
            && matches!(
                cells.first().map(|c| Cell::parse(CellKind::Count, c)),
                Some(Cell::Text(_))
            )
    });
    if labelled {
        for cells in &mut lines {
            cells.remove(0);
        }
    }
    edit(state, |report| {
        for (i, cells) in lines.iter().enumerate() {
            for (j, value) in cells.iter().enumerate() {
                let (Some(&rr), Some(&cc)) = (rows.get(i), cols.get(j)) else {
                    continue;
                };
                if let Some((place, _, _)) = positions.iter().find(|p| p.1 == rr && p.2 == cc) {
                    report.set_cell(
                        *place,
                        Cell::parse(place.kind().unwrap_or(CellKind::Count), value),
                    );
                }
            }
        }
    });
}

pub(super) fn value_input(
    state: State,
    table: TableId,
    place: Place,
    r: usize,
    c: usize,
    size: (usize, usize),
    positions: std::rc::Rc<Vec<(Place, usize, usize)>>,
) -> impl IntoView {
    let edition = state.report.with_untracked(|rep| rep.edition);
    let label = place.describe_zh(edition);
    let pointer = place.pointer();
    let is_total =
        report_core::totals::computed_cells(&state.report.get_untracked()).contains(&place);
    let CellSignals {
        value,
        error,
        notes,
    } = signals_of(state, place);
    let readonly = move || is_total && state.computed.get();
    let table_key = table.key();
    let paste_positions = positions.clone();
    view! {
        <input
            class="cell"
            class:computed=readonly
            class:blank=move || value.with(String::is_empty)
            class:inferred=move || state.inferred.with(|(draft, cells)| cells.contains(&pointer) && state.draft.with(|d| d == draft))
            inputmode="decimal"
            autocomplete="off"
            data-cell=place.pointer()
            data-table=table_key
            data-r=r.to_string()
            data-c=c.to_string()
            aria-label=label
            aria-invalid=move || if error.get() { "true" } else { "false" }
            title=notes
            prop:readOnly=readonly
            tabindex=move || if readonly() { "-1" } else { "0" }
            prop:value=value
            on:focus=move |_| state.focused.set(Some(place))
            on:input=move |ev| set_cell(state, place, &event_target_value(&ev))
            on:keydown=move |ev| navigate(&ev, table_key, r, c, size.0, size.1)
            on:paste=move |ev: web_sys::ClipboardEvent| {
                let text = ev.clipboard_data().and_then(|d| d.get_data("text/plain").ok()).unwrap_or_default();
                if text.contains('\t') || text.trim_end().contains('\n') {
                    ev.prevent_default();
                    paste_block(state, &paste_positions, r, c, &text);
                }
            }
        />
    }
}

/// What the findings say of one cell.
#[derive(Clone, Debug, Default)]
pub(super) struct CellMark {
    /// An error marks it (the same cells every front end marks).
    pub(super) error: bool,
    /// The messages of the findings that name it, one a line (blanks left out: the form shows
    /// them).
    pub(super) notes: String,
}

/// What one cell shows: its value and its marks. Each cell follows only these, and
/// [`follow_cells`] sets them when they change, so a keystroke redraws the cells it changed and
/// leaves the others alone (hundreds of cells following the whole report would each be re-run
/// and re-subscribed at every keystroke).
#[derive(Clone, Copy)]
pub(super) struct CellSignals {
    value: RwSignal<String>,
    /// An error marks it.
    error: RwSignal<bool>,
    /// What the findings say of it.
    notes: RwSignal<String>,
}

fn shown_value(report: &report_core::Report, place: Place) -> String {
    report.cell(place).map(Cell::display).unwrap_or_default()
}

/// The signals of the cell at `place`, made when its table is drawn. They belong to the table,
/// and are forgotten when the tables are drawn again (for another edition).
fn signals_of(state: State, place: Place) -> CellSignals {
    if let Some(signals) = state
        .cells
        .with_value(|m| m.iter().find(|(p, _)| *p == place).map(|(_, s)| *s))
    {
        return signals;
    }
    let value = state.report.with_untracked(|r| shown_value(r, place));
    let mark = state
        .result
        .with_untracked(|r| mark_of(&cell_marks(r), place));
    let signals = CellSignals {
        value: RwSignal::new(value),
        error: RwSignal::new(mark.error),
        notes: RwSignal::new(mark.notes),
    };
    state.cells.update_value(|m| m.push((place, signals)));
    signals
}

/// Keeps every drawn cell's value and marks current: one effect follows the report and the
/// findings, and sets a cell's signals only when what it shows changed.
pub(super) fn follow_cells(state: State) {
    Effect::new(move |_| {
        let marks = state.result.with(cell_marks);
        state.report.with(|report| {
            state.cells.with_value(|cells| {
                for (place, signals) in cells {
                    let value = shown_value(report, *place);
                    if signals.value.with_untracked(|old| *old != value) {
                        signals.value.set(value);
                    }
                    let mark = mark_of(&marks, *place);
                    if signals.error.get_untracked() != mark.error {
                        signals.error.set(mark.error);
                    }
                    if signals.notes.with_untracked(|old| *old != mark.notes) {
                        signals.notes.set(mark.notes);
                    }
                }
            })
        })
    });
}

/// The cells the findings say something of, and what.
pub(super) type Marks = Vec<(Place, CellMark)>;

fn mark_of(marks: &Marks, place: Place) -> CellMark {
    marks
        .iter()
        .find(|(p, _)| *p == place)
        .map(|(_, m)| m.clone())
        .unwrap_or_default()
}

fn entry(marks: &mut Marks, place: Place) -> &mut CellMark {
    let index = match marks.iter().position(|(p, _)| *p == place) {
        Some(index) => index,
        None => {
            marks.push((place, CellMark::default()));
            marks.len() - 1
        }
    };
    &mut marks[index].1
}

/// What the findings say of each cell, worked out once per check.
pub(super) fn cell_marks(result: &CheckResult) -> Marks {
    let mut marks = Marks::new();
    for d in &result.diagnostics {
        if d.severity == Severity::Error {
            for place in d.marked_places() {
                entry(&mut marks, place).error = true;
            }
        }
        if matches!(
            d.finding,
            Finding::Blanks { .. } | Finding::Incomplete { .. }
        ) {
            continue;
        }
        let note = format!("{}（{}）", d.message, d.code);
        for (i, place) in d.places.iter().enumerate() {
            if d.places[..i].contains(place) {
                continue;
            }
            let mark = entry(&mut marks, *place);
            if !mark.notes.is_empty() {
                mark.notes.push('\n');
            }
            mark.notes.push_str(&note);
        }
    }
    marks
}

pub(super) fn label_cell(cell: &GridCell) -> impl IntoView {
    view! { <th colspan=cell.colspan.to_string() rowspan=cell.rowspan.to_string()>{cell.text.clone()}</th> }
}

pub(super) fn table_view(state: State, table: TableId, grid: Grid) -> impl IntoView {
    let positions = std::rc::Rc::new(grid.value_positions());
    let size = (grid.width, grid.rows.len());
    let mut index = 0usize;
    // The header rows go in <thead>, which a printed page repeats.
    let header = grid.repeated_rows(table);
    let mut rows: Vec<_> = grid
        .rows
        .iter()
        .map(|row| {
            let cells: Vec<_> = row
                .iter()
                .map(|cell| match cell.place {
                    Some(place) => {
                        let (_, r, c) = positions
                            .iter()
                            .find(|p| p.0 == place)
                            .copied()
                            .unwrap_or((place, index, 0));
                        index += 1;
                        view! {
                            <td colspan=cell.colspan.to_string() rowspan=cell.rowspan.to_string()>
                                {value_input(state, table, place, r, c, size, positions.clone())}
                            </td>
                        }
                        .into_any()
                    }
                    None => label_cell(cell).into_any(),
                })
                .collect();
            view! { <tr>{cells}</tr> }
        })
        .collect();
    let body = rows.split_off(header);
    view! {
        <div class="table-scroll">
            <table class="report-table" data-table=table.key()>
                <thead>{rows}</thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
}

/// The three tables, redrawn only when their layout changes (the edition, or （六） printed as
/// one row or three).
pub(super) fn tables(state: State) -> impl IntoView {
    let shape = Memo::new(move |_| {
        state
            .report
            .with(|r| (r.edition, r.requests.has_row(RequestRow::Other)))
    });
    move || {
        let _ = shape.get();
        // The cells drawn before go with the tables they were drawn in.
        state.cells.update_value(Vec::clear);
        let snapshot = state.report.get_untracked();
        TableId::ALL
            .map(|table| {
                let grid = match table {
                    TableId::Proactive => grid::proactive(&snapshot),
                    TableId::Requests => grid::requests(&snapshot),
                    TableId::Appeals => grid::appeals(&snapshot),
                };
                view! {
                    <section class="table-section">
                        <h2>{table.heading()}</h2>
                        {table_view(state, table, grid)}
                    </section>
                }
            })
            .collect_view()
    }
}
