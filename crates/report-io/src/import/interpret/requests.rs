//! 表三: rows aligned with the layout in order, and numbers that run together split so that the
//! equations of the table hold.

use report_core::equation::{table_equations, Equation};
use report_core::layout::{Applicant, CellKind, Edition, RequestRow};
use report_core::{Cell, Diagnostic, ImportProblem, Place, Report};

use crate::blocks::{Block, Source};
use crate::import::split::{as_counts, splits};
use crate::import::Format;

use super::{
    rows::common_width, rows::flag_short_row, rows::label_key, rows::place_options, rows::read_row,
    rows::unreadable, rows::RowRead, rows::Values, Reader,
};

pub(super) fn read_requests(reader: &mut Reader, blocks: &[&Block], _format: Format) {
    let without_serials = (!reader.columns).then(|| drop_serial_numbers(blocks));
    let refs: Vec<&Block> = match &without_serials {
        Some(owned) => owned.iter().collect(),
        None => blocks.to_vec(),
    };
    let blocks = refs.as_slice();
    let edition = reader.report.edition;
    let n = Applicant::ALL.len();
    let width = common_width(blocks);
    let mut layout: Vec<RequestRow> = RequestRow::in_edition(edition).collect();
    if edition == Edition::V2021 {
        // Out-of-date 2021 reports print （六） as one row; let the labels decide.
        let at = layout
            .iter()
            .position(|&r| r == RequestRow::ResultsTotal)
            .unwrap_or(layout.len());
        layout.insert(at, RequestRow::Other);
    }
    let label_of = |r: RequestRow| r.def().labels.any(edition);
    let keys: Vec<String> = layout.iter().map(|&r| label_key(label_of(r))).collect();
    // How well each row read fits each layout row, computed once.
    let (candidates, scores): (Vec<RowRead>, Vec<Vec<f64>>) = blocks
        .iter()
        .filter_map(|b| read_row(b, n, width))
        .map(|row| {
            let scores: Vec<f64> = keys.iter().map(|k| row.score(k)).collect();
            (row, scores)
        })
        .filter(|(row, scores)| {
            let has_values = match &row.values {
                Values::Cells(cells) => cells.iter().any(|(c, _)| !c.is_empty()),
                Values::Run(run) => !run.trim().is_empty(),
                Values::Spread(_) => true,
            };
            let best = scores.iter().copied().fold(0.0, f64::max);
            // A row with no numbers counts only if its label is plainly a row of the table.
            (has_values && (best >= 0.3 || row.label.is_empty())) || best >= 0.75
        })
        .unzip();

    let indices: Vec<usize> = (0..candidates.len()).collect();
    let columns: Vec<usize> = (0..layout.len()).collect();
    let assignment: Vec<Option<RequestRow>> = align(&indices, &columns, |&i, j| scores[i][j])
        .into_iter()
        .map(|j| j.map(|j| layout[j]))
        .collect();
    let mut runs: Vec<(RequestRow, String, Source)> = Vec::new();
    for (row, target) in candidates.iter().zip(assignment) {
        let Some(r) = target else {
            if !matches!(&row.values, Values::Cells(c) if c.iter().all(|(v, _)| v.is_empty())) {
                reader.diagnose(
                    Diagnostic::import(
                        ImportProblem::UnrecognisedRow,
                        format!(
                            "表三中“{}”一行对应不到格式中的任何一行，其数字未导入",
                            row.label
                        ),
                    )
                    .at(row.source),
                );
            }
            continue;
        };
        reader.report.requests.insert_row(r, edition);
        match &row.values {
            Values::Cells(cells) => {
                for (&col, (text, i)) in Applicant::ALL.iter().zip(cells) {
                    reader.set(
                        Place::Requests(r, Some(col)),
                        Cell::parse(CellKind::Count, text),
                        row.source.column(i + 1),
                    );
                }
                flag_short_row(reader, row, cells, &row_places(r));
                let texts: Vec<&str> = cells.iter().map(|(t, _)| t.as_str()).collect();
                reader.note_positioned(&row_places(r), &texts, row.source);
            }
            Values::Run(run) => runs.push((r, run.clone(), row.source)),
            Values::Spread(count) => unreadable(
                reader,
                Place::Requests(r, None),
                &format!("{count} 个数字"),
                row.source,
            ),
        }
    }
    resolve_request_runs(reader, runs);
}

/// In text that keeps no columns, a 序号 column shows as a first number counting up row by
/// row (1, 2, 3…), wherever it stands among the label's lines. Five rows or more that count so
/// are numbered, not reported: their first number is left out. (A real count that happens to
/// run so leaves its row a number short, which is flagged, never read into the wrong column.)
fn drop_serial_numbers(blocks: &[&Block]) -> Vec<Block> {
    const RUN: usize = 5;
    let first_value = |b: &Block| -> Option<(usize, u64)> {
        let Block::Row {
            cells,
            run_together: false,
            ..
        } = b
        else {
            return None;
        };
        let at = cells.iter().position(|c| crate::text::is_value(c))?;
        let n = cells[at].trim().parse().ok()?;
        Some((at, n))
    };
    let firsts: Vec<Option<(usize, u64)>> = blocks.iter().map(|b| first_value(b)).collect();
    let rows: Vec<usize> = (0..blocks.len()).filter(|&i| firsts[i].is_some()).collect();
    let mut serial = vec![false; blocks.len()];
    let mut start = 0;
    while start < rows.len() {
        let mut end = start + 1;
        while end < rows.len()
            && firsts[rows[end]].map(|f| f.1) == firsts[rows[end - 1]].map(|f| f.1 + 1)
        {
            end += 1;
        }
        if end - start >= RUN {
            rows[start..end].iter().for_each(|&i| serial[i] = true);
        }
        start = end;
    }
    blocks
        .iter()
        .enumerate()
        .map(|(i, &b)| {
            let mut b = b.clone();
            if let (true, Some((at, _)), Block::Row { cells, covered, .. }) =
                (serial[i], firsts[i], &mut b)
            {
                cells.remove(at);
                if at < covered.len() {
                    covered.remove(at);
                }
            }
            b
        })
        .collect()
}

/// Aligns rows read from the document with the rows of the layout, in order, maximising how
/// well the labels fit. Rows of the layout may be missing from the document; a document row that
/// fits nothing is left out.
pub(super) fn align<T, R: Copy>(
    rows: &[T],
    layout: &[R],
    fit: impl Fn(&T, R) -> f64,
) -> Vec<Option<R>> {
    const SKIP_ROW: f64 = -0.3;
    let (n, m) = (rows.len(), layout.len());
    // best[i][j]: the best score for the first i rows using the first j layout rows.
    let mut best = vec![vec![f64::NEG_INFINITY; m + 1]; n + 1];
    let mut step = vec![vec![0u8; m + 1]; n + 1];
    best[0][0] = 0.0;
    for i in 0..=n {
        for j in 0..=m {
            let here = best[i][j];
            if here == f64::NEG_INFINITY {
                continue;
            }
            if j < m && here > best[i][j + 1] {
                best[i][j + 1] = here;
                step[i][j + 1] = 1; // layout row j absent from the document
            }
            if i < n && here + SKIP_ROW > best[i + 1][j] {
                best[i + 1][j] = here + SKIP_ROW;
                step[i + 1][j] = 2; // document row i fits nothing
            }
            if i < n && j < m {
                let score = here + fit(&rows[i], layout[j]) - 0.25;
                if score > best[i + 1][j + 1] {
                    best[i + 1][j + 1] = score;
                    step[i + 1][j + 1] = 3;
                }
            }
        }
    }
    let mut out = vec![None; n];
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        match step[i][j] {
            1 => j -= 1,
            2 => i -= 1,
            3 => {
                out[i - 1] = Some(layout[j - 1]);
                i -= 1;
                j -= 1;
            }
            _ => break,
        }
    }
    out
}

/// Splits the run-together rows of 表三: each row's splits must balance (H1); where rows still
/// have several, the columns must balance too (H2, H3).
pub(super) fn resolve_request_runs(reader: &mut Reader, runs: Vec<(RequestRow, String, Source)>) {
    if runs.is_empty() {
        return;
    }
    let mut options: Vec<Vec<Vec<String>>> = Vec::new();
    for (row, run, source) in &runs {
        let places = row_places(*row);
        let balanced: Vec<Vec<String>> = splits(run, places.len())
            .unwrap_or_default()
            .into_iter()
            .filter(|s| {
                as_counts(s).is_some_and(|n| {
                    Equation::RowTotal(*row).holds_with(&reader.report, values_at(&places, &n))
                        == Some(true)
                })
            })
            .collect();
        if balanced.is_empty() {
            unreadable(reader, Place::Requests(*row, None), run, *source);
        }
        options.push(balanced);
    }
    // Try every combination of the rows that are still ambiguous (few in real reports).
    let ambiguous: Vec<usize> = (0..runs.len()).filter(|&i| options[i].len() > 1).collect();
    let combinations: usize = ambiguous.iter().map(|&i| options[i].len()).product();
    if !ambiguous.is_empty() && combinations <= 100_000 {
        let mut solutions: Vec<Vec<usize>> = Vec::new();
        let mut choice = vec![0usize; runs.len()];
        for k in 0..combinations {
            let mut rest = k;
            for &i in &ambiguous {
                choice[i] = rest % options[i].len();
                rest /= options[i].len();
            }
            if columns_balance(&reader.report, &runs, &options, &choice) {
                solutions.push(choice.clone());
            }
        }
        if !solutions.is_empty() {
            for &i in &ambiguous {
                let mut kept: Vec<Vec<String>> = Vec::new();
                for s in &solutions {
                    let option = options[i][s[i]].clone();
                    if !kept.contains(&option) {
                        kept.push(option);
                    }
                }
                options[i] = kept;
            }
        }
    }
    for ((row, run, source), opts) in runs.iter().zip(options) {
        if opts.is_empty() {
            continue;
        }
        place_options(reader, &opts, &row_places(*row), run, *source);
    }
}

/// The cells of a 表三 row, in printed order.
pub(super) fn row_places(row: RequestRow) -> Vec<Place> {
    Applicant::ALL
        .iter()
        .map(|&c| Place::Requests(row, Some(c)))
        .collect()
}

/// Looks the value of a place up in `values`, which hold the cells of `places` in order.
pub(super) fn values_at<'a>(
    places: &'a [Place],
    values: &'a [u64],
) -> impl Fn(Place) -> Option<u64> + 'a {
    move |place| {
        let i = places.iter().position(|&p| p == place)?;
        values.get(i).copied()
    }
}

/// Whether the chosen splits keep every column equation of 表三 (H2, H3) that they and the
/// cells already read decide.
pub(super) fn columns_balance(
    report: &Report,
    runs: &[(RequestRow, String, Source)],
    options: &[Vec<Vec<String>>],
    choice: &[usize],
) -> bool {
    let value = |place: Place| -> Option<u64> {
        let Place::Requests(row, Some(col)) = place else {
            return None;
        };
        match runs.iter().position(|(r, _, _)| *r == row) {
            Some(i) => options[i].get(choice[i])?.get(col.index())?.parse().ok(),
            None => report.cell(place).and_then(Cell::count),
        }
    };
    table_equations(report)
        .into_iter()
        .filter(|e| matches!(e, Equation::ResultsColumn(_) | Equation::IntakeBalance(_)))
        .all(|e| e.holds_with(report, value) != Some(false))
}
