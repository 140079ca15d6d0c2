//! The three tables as grids of cells with their merges, built once from the official layout;
//! the HTML renderer prints the merges, the text renderers flatten them.

use report_core::layout::{
    AppealGroup, Applicant, Edition, Outcome, ProactiveItem, RequestGroup, RequestRow, RowRole,
    APPLICANTS_HEADER, LITIGATION_HEADER, ORGANISATIONS_HEADER, PROACTIVE_ITEM_HEADER,
    REQUESTS_NOTE,
};
use report_core::{Place, Report};

/// One cell of a table as printed: its text, its merge, and the report cell it shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GridCell {
    /// The text shown.
    pub text: String,
    /// Columns covered.
    pub colspan: usize,
    /// Rows covered.
    pub rowspan: usize,
    /// Whether it is a header or label cell (as opposed to a value).
    pub label: bool,
    /// The report cell it shows, for values.
    pub place: Option<Place>,
}

impl GridCell {
    fn label(text: &str) -> GridCell {
        GridCell {
            text: text.to_owned(),
            colspan: 1,
            rowspan: 1,
            label: true,
            place: None,
        }
    }
    fn span(mut self, colspan: usize, rowspan: usize) -> GridCell {
        self.colspan = colspan;
        self.rowspan = rowspan;
        self
    }
    fn value(report: &Report, place: Place) -> GridCell {
        let text = report.cell(place).map(|c| c.display()).unwrap_or_default();
        GridCell {
            text,
            colspan: 1,
            rowspan: 1,
            label: false,
            place: Some(place),
        }
    }
}

/// A table: its width and its rows, each listing only the cells that start in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Grid {
    /// The number of columns.
    pub width: usize,
    /// The rows.
    pub rows: Vec<Vec<GridCell>>,
}

impl Grid {
    /// Where every cell starts, as `(row, index in row, column)`: each cell at the first column
    /// of its row that no cell above (by rowspan) or before it (by colspan) covers, as HTML lays
    /// out a table. The one placement every renderer and the form use.
    pub fn placements(&self) -> Vec<(usize, usize, usize)> {
        let mut taken = vec![vec![false; self.width]; self.rows.len()];
        let mut out = Vec::new();
        for (r, row) in self.rows.iter().enumerate() {
            let mut c = 0;
            for (i, cell) in row.iter().enumerate() {
                while c < self.width && taken[r][c] {
                    c += 1;
                }
                for dr in 0..cell.rowspan {
                    for dc in 0..cell.colspan {
                        if let Some(slot) = taken.get_mut(r + dr).and_then(|t| t.get_mut(c + dc)) {
                            *slot = true;
                        }
                    }
                }
                out.push((r, i, c));
                c += cell.colspan;
            }
        }
        out
    }

    /// Who covers each position: the `(row, index in row)` of the cell over it.
    pub fn owners(&self) -> Vec<Vec<Option<(usize, usize)>>> {
        let mut owner = vec![vec![None; self.width]; self.rows.len()];
        for (r, i, c) in self.placements() {
            let cell = &self.rows[r][i];
            for dr in 0..cell.rowspan {
                for dc in 0..cell.colspan {
                    if let Some(slot) = owner.get_mut(r + dr).and_then(|o| o.get_mut(c + dc)) {
                        *slot = Some((r, i));
                    }
                }
            }
        }
        owner
    }

    /// Every value cell with its grid row and column (0-based), in reading order.
    pub fn value_positions(&self) -> Vec<(Place, usize, usize)> {
        self.placements()
            .into_iter()
            .filter_map(|(r, i, c)| self.rows[r][i].place.map(|p| (p, r, c)))
            .collect()
    }

    /// How many rows at the top are the table's header: the rows before the first value, when
    /// no cell of theirs reaches below them. A printed page repeats them.
    pub fn header_rows(&self) -> usize {
        let first_value = self
            .rows
            .iter()
            .position(|row| row.iter().any(|c| c.place.is_some()))
            .unwrap_or(0);
        (0..=first_value)
            .rev()
            .find(|&n| {
                self.rows[..n]
                    .iter()
                    .enumerate()
                    .all(|(r, row)| row.iter().all(|c| r + c.rowspan <= n))
            })
            .unwrap_or(0)
    }

    /// How many header rows `table` repeats on each printed page: 表三's and 表四's header.
    /// 表二 is a stack of captioned blocks, each with its own header, so it repeats none.
    pub fn repeated_rows(&self, table: report_core::TableId) -> usize {
        match table {
            report_core::TableId::Proactive => 0,
            report_core::TableId::Requests | report_core::TableId::Appeals => self.header_rows(),
        }
    }

    /// Every row at full width: a merged cell's text at its first position, empty elsewhere.
    pub fn flatten(&self) -> Vec<Vec<String>> {
        let mut out = vec![vec![String::new(); self.width]; self.rows.len()];
        for (r, i, c) in self.placements() {
            if let Some(slot) = out[r].get_mut(c) {
                slot.clone_from(&self.rows[r][i].text);
            }
        }
        out
    }
}

/// 表二: four columns, one captioned block per 第二十条 item.
pub fn proactive(report: &Report) -> Grid {
    const WIDTH: usize = 4;
    let edition = report.edition;
    let mut rows = Vec::new();
    let mut block = "";
    for item in ProactiveItem::in_edition(edition) {
        let columns: Vec<_> = item.columns_in(edition).collect();
        if item.def().block != block {
            block = item.def().block;
            rows.push(vec![GridCell::label(block).span(WIDTH, 1)]);
            let mut header = vec![GridCell::label(PROACTIVE_ITEM_HEADER)];
            header.extend(
                columns
                    .iter()
                    .map(|c| GridCell::label(c.def().labels.any(edition))),
            );
            widen_last(&mut header, WIDTH);
            rows.push(header);
        }
        let mut row = vec![GridCell::label(item.def().labels.any(edition))];
        row.extend(
            columns
                .iter()
                .map(|&c| GridCell::value(report, Place::Proactive(item, Some(c)))),
        );
        widen_last(&mut row, WIDTH);
        rows.push(row);
    }
    Grid { width: WIDTH, rows }
}

fn widen_last(row: &mut [GridCell], width: usize) {
    let used: usize = row.iter().map(|c| c.colspan).sum();
    if let Some(last) = row.last_mut() {
        last.colspan += width.saturating_sub(used);
    }
}

/// The 表三 rows the report prints, in the layout of its edition.
fn request_rows(report: &Report) -> Vec<RequestRow> {
    RequestRow::ALL
        .iter()
        .copied()
        .filter(|&r| {
            report.requests.has_row(r)
                || (r.def().labels.in_edition(report.edition) && !collapsed(report, r))
        })
        .collect()
}

/// Whether `row` is one of the （六） rows a report replaces with its single row.
fn collapsed(report: &Report, row: RequestRow) -> bool {
    RequestRow::OTHER_SPLIT.contains(&row) && report.requests.has_row(RequestRow::Other)
}

/// 表三: three label columns and seven applicant columns under a three-row header.
pub fn requests(report: &Report) -> Grid {
    let edition = report.edition;
    let label = |r: RequestRow| r.def().labels.any(edition);
    let mut rows = vec![
        vec![
            GridCell::label(REQUESTS_NOTE).span(3, 3),
            GridCell::label(APPLICANTS_HEADER).span(7, 1),
        ],
        vec![
            GridCell::label(Applicant::NaturalPerson.def().labels.any(edition)).span(1, 2),
            GridCell::label(ORGANISATIONS_HEADER).span(5, 1),
            GridCell::label(Applicant::Total.def().labels.any(edition)).span(1, 2),
        ],
        Applicant::PARTS[1..]
            .iter()
            .map(|a| GridCell::label(a.def().labels.any(edition)))
            .collect(),
    ];
    let printed = request_rows(report);
    let results = printed
        .iter()
        .filter(|r| matches!(r.def().role, RowRole::Result | RowRole::ResultsTotal))
        .count();
    let mut results_started = false;
    let mut group: Option<RequestGroup> = None;
    for &row in &printed {
        let values = Applicant::ALL
            .iter()
            .map(|&c| GridCell::value(report, Place::Requests(row, Some(c))));
        let mut cells = Vec::new();
        match row.def().role {
            RowRole::Intake | RowRole::CarriedForward => {
                cells.push(GridCell::label(label(row)).span(3, 1))
            }
            RowRole::Result | RowRole::ResultsTotal => {
                if !results_started {
                    results_started = true;
                    cells.push(GridCell::label(RequestGroup::Results.label()).span(1, results));
                }
                match row.def().group {
                    Some(g) if g != RequestGroup::Results => {
                        if group != Some(g) {
                            group = Some(g);
                            let size = printed.iter().filter(|r| r.def().group == Some(g)).count();
                            cells.push(GridCell::label(g.label()).span(1, size));
                        }
                        cells.push(GridCell::label(label(row)));
                    }
                    _ => cells.push(GridCell::label(label(row)).span(2, 1)),
                }
            }
        }
        cells.extend(values);
        rows.push(cells);
    }
    Grid { width: 10, rows }
}

/// 表四: fifteen columns under a three-row header.
pub fn appeals(report: &Report) -> Grid {
    let edition = report.edition;
    let outcome = |o: Outcome| GridCell::label(o.def().labels.any(edition));
    let review = AppealGroup::Review.def().label;
    let mut second: Vec<GridCell> = Outcome::ALL
        .iter()
        .map(|&o| outcome(o).span(1, 2))
        .collect();
    second.extend(
        AppealGroup::ALL[1..]
            .iter()
            .map(|g| GridCell::label(g.def().label).span(5, 1)),
    );
    let third: Vec<GridCell> = AppealGroup::ALL[1..]
        .iter()
        .flat_map(|_| Outcome::ALL.iter().map(|&o| outcome(o)))
        .collect();
    let values: Vec<GridCell> = AppealGroup::ALL
        .iter()
        .flat_map(|&g| {
            Outcome::ALL
                .iter()
                .map(move |&o| Place::Appeals(g, Some(o)))
        })
        .map(|p| GridCell::value(report, p))
        .collect();
    Grid {
        width: 15,
        rows: vec![
            vec![
                GridCell::label(review).span(5, 1),
                GridCell::label(LITIGATION_HEADER).span(10, 1),
            ],
            second,
            third,
            values,
        ],
    }
}

/// The editions' names as the exported documents state them.
pub fn edition_note(edition: Edition) -> &'static str {
    report_core::message::edition_name_zh(edition)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_of_a_grid_is_full_width() {
        let report = Report::blank(Edition::V2021, 2024, "x");
        for grid in [proactive(&report), requests(&report), appeals(&report)] {
            for row in grid.flatten() {
                assert_eq!(row.len(), grid.width);
            }
        }
        let flat = requests(&report).flatten();
        assert_eq!(flat.len(), 3 + 25);
        assert_eq!(flat[5][0], "三、本年度办理结果");
        assert_eq!(flat[7][1], "（三）不予公开");
    }

    #[test]
    fn the_header_is_the_rows_above_the_first_value() {
        let report = Report::blank(Edition::V2021, 2024, "x");
        for grid in [proactive(&report), requests(&report), appeals(&report)] {
            let n = grid.header_rows();
            assert!(n > 0, "{:?}", grid.rows.first());
            assert!(grid.rows[..n].iter().flatten().all(|c| c.place.is_none()));
            assert!(grid.rows[n..].iter().flatten().any(|c| c.place.is_some()));
        }
        assert_eq!(requests(&report).header_rows(), 3);
    }
}
