//! Table rows: telling a row's label from its values, and placing values read with doubt.

use std::collections::{BTreeMap, BTreeSet};

use report_core::layout::{CellKind, Edition};
use report_core::{Cell, Diagnostic, ImportProblem, Place};

use crate::blocks::{Block, Source};
use crate::text::{
    innermost_item, is_value, is_value_cell, normalise, similarity, strip_numbering,
};

use super::Reader;

/// A table row as read: its label and its values.
pub(super) struct RowRead {
    /// All label text of the row, joined.
    pub(super) label: String,
    /// The innermost label (the last label cell).
    pub(super) last_label: String,
    /// Both labels as compared (see [`label_key`]), computed once.
    /// The whole label, the innermost item of its last cell, and the innermost item of the
    /// whole label (a label wrapped over lines ends in a fragment, not in its item).
    pub(super) keys: (String, String, String),
    pub(super) values: Values,
    pub(super) source: Source,
    /// Whether the row holds every cell it is read from, blank ones included (a document with
    /// cells, or PDF text whose blanks its positions showed): its blanks are known, and a row
    /// of fewer numbers than cells is no doubt.
    pub(super) blanks_printed: bool,
}

impl RowRead {
    /// How well the row's label fits a layout row's key: the best of its keys.
    pub(super) fn score(&self, key: &str) -> f64 {
        similarity(&self.keys.0, key)
            .max(similarity(&self.keys.1, key))
            .max(similarity(&self.keys.2, key))
    }

    pub(super) fn new(
        label: String,
        last_label: String,
        values: Values,
        source: Source,
    ) -> RowRead {
        // A label cell that prints its parents too ("（五）不予处理2.重复申请") is matched by
        // its own item.
        let keys = (
            label_key(&label),
            label_key(innermost_item(&last_label)),
            label_key(innermost_item(&label)),
        );
        RowRead {
            label,
            last_label,
            keys,
            values,
            source,
            blanks_printed: false,
        }
    }
}

pub(super) enum Values {
    /// Values in separate cells, with their (0-based) column in the row.
    Cells(Vec<(String, usize)>),
    /// Digits run together.
    Run(String),
    /// The values spread over more cells than the row has: unreadable.
    Spread(usize),
}

/// The most common number of cells among `rows`.
pub(super) fn common_width(rows: &[&Block]) -> usize {
    let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
    for b in rows {
        if let Block::Row {
            cells,
            run_together: false,
            ..
        } = b
        {
            if cells.iter().any(|c| is_value(c)) {
                *counts.entry(cells.len()).or_default() += 1;
            }
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(width, n)| (n, width))
        .map_or(0, |(w, _)| w)
}

/// Splits a row into its label and `n` values. The values are a window of `n` consecutive cells
/// after the last label cell that holds every value cell; where several windows do, the one the
/// table's other rows use (ending at `width`) wins, so blank cells keep their column.
pub(super) fn read_row(block: &Block, n: usize, width: usize) -> Option<RowRead> {
    let Block::Row {
        cells,
        source,
        run_together,
        wrapped,
        ..
    } = block
    else {
        return None;
    };
    if *run_together {
        let label = cells.first().cloned().unwrap_or_default();
        let run = cells.get(1..).map(|r| r.join(" ")).unwrap_or_default();
        return Some(RowRead::new(
            label.clone(),
            label,
            Values::Run(run),
            *source,
        ));
    }
    let labels: Vec<usize> = (0..cells.len())
        .filter(|&i| !cells[i].trim().is_empty() && !is_value_cell(&cells[i]))
        .collect();
    let mut values: Vec<usize> = (0..cells.len())
        .filter(|&i| is_value_cell(&cells[i]))
        .collect();
    let label_end = labels.last().map_or(0, |&i| i + 1);
    // A serial number in front of the label ("序号" 1, 2, 3…) is no value of the row: a short
    // whole number before the first label, every other number after the last.
    if let (Some(&first), Some(&first_label)) = (values.first(), labels.first()) {
        let serial = cells[first].trim();
        if first < first_label
            && (1..=3).contains(&serial.len())
            && serial.chars().all(|c| c.is_ascii_digit())
            && !serial.starts_with('0')
            && values[1..].iter().all(|&v| v >= label_end)
        {
            values.remove(0);
        }
    }
    let label: Vec<&str> = labels.iter().map(|&i| cells[i].trim()).collect();
    let last_label = label.last().map(|s| (*s).to_owned()).unwrap_or_default();
    let label = label.join("");
    let values_after: Vec<usize> = values.iter().copied().filter(|&i| i >= label_end).collect();
    if values_after.len() != values.len() || *wrapped {
        // A number before the label, or numbers wrapped over lines: not a data row of the
        // expected shape.
        return Some(RowRead::new(
            label,
            last_label,
            Values::Spread(values.len()),
            *source,
        ));
    }
    let preferred = width.saturating_sub(n).max(label_end);
    let start = match (values.first(), values.last()) {
        (Some(&first), Some(&last)) => {
            let lo = label_end.max((last + 1).saturating_sub(n));
            let hi = first;
            if lo > hi {
                return Some(RowRead::new(
                    label,
                    last_label,
                    Values::Spread(values.len()),
                    *source,
                ));
            }
            preferred.clamp(lo, hi)
        }
        _ => preferred,
    };
    let window = (start..start + n)
        .map(|i| {
            (
                cells
                    .get(i)
                    .map(|c| c.trim().to_owned())
                    .unwrap_or_default(),
                i,
            )
        })
        .collect();
    let mut row = RowRead::new(label, last_label, Values::Cells(window), *source);
    row.blanks_printed = start + n <= cells.len();
    Some(row)
}

/// How well a row's label fits a layout label.
pub(super) fn fit(row: &RowRead, label: &str) -> f64 {
    let target = label_key(label);
    row.score(&target)
}

/// A label as compared: normalised, numbering removed.
pub(super) fn label_key(label: &str) -> String {
    let norm = normalise(strip_numbering(label));
    strip_numbering(&norm).to_owned()
}

/// Fills `places` from the splits that remain: one, or the cells they agree on plus an
/// ambiguity for each cell they do not.
pub(super) fn place_options(
    reader: &mut Reader,
    options: &[Vec<String>],
    places: &[Place],
    run: &str,
    source: Source,
) {
    if options.is_empty() {
        unreadable(
            reader,
            places
                .first()
                .map_or(Place::Meta(report_core::place::MetaField::Year), |p| *p),
            run,
            source,
        );
        return;
    }
    // One split left of several the digits allow: the table's arithmetic, the prose or last
    // year's report chose it, and the clerk should compare it with the original.
    if options.len() == 1
        && crate::import::split::splits(run, places.len()).is_none_or(|all| all.len() > 1)
    {
        reader
            .inferred
            .push((places.to_vec(), run.trim().to_owned(), source));
    }
    for (k, place) in places.iter().enumerate() {
        let values: BTreeSet<&String> = options.iter().map(|o| &o[k]).collect();
        let kind = place.kind().unwrap_or(CellKind::Count);
        if values.len() == 1 {
            let value = values
                .into_iter()
                .next()
                .map(String::as_str)
                .unwrap_or_default();
            reader.set(*place, Cell::parse(kind, value), source);
        } else {
            let mut candidates: Vec<&String> = options.iter().map(|o| &o[k]).collect();
            candidates.dedup();
            let mut seen = BTreeSet::new();
            candidates.retain(|c| seen.insert(*c));
            reader.set(*place, Cell::Blank, source);
            reader.diagnose(
                Diagnostic::import(
                    ImportProblem::AmbiguousCell,
                    format!(
                        "“{}”中的数字连在一起，{}可能是 {}，无法仅凭文字和表格勾稽关系确定，请对照原文填写",
                        run.trim(),
                        place.describe_zh(Edition::V2021),
                        candidates.iter().map(|c| c.as_str()).collect::<Vec<_>>().join("、")
                    ),
                )
                .with_places(vec![*place])
                .with_candidates(candidates.into_iter().cloned().collect())
                .at(source),
            );
        }
    }
}

pub(super) fn unreadable(reader: &mut Reader, place: Place, text: &str, source: Source) {
    reader.diagnose(
        Diagnostic::import(
            ImportProblem::UnreadableRow,
            format!(
                "{}的数字“{}”无法对应到各列，这一行未导入",
                place.describe_zh(reader.report.edition),
                text.trim()
            ),
        )
        .with_places(vec![place])
        .at(source),
    );
}

/// In text whose columns are not cells (PDF text), a row that prints fewer numbers than its
/// cells leaves no trace of where its blanks are, unless its positions showed them: the numbers
/// may sit in the wrong columns. Such a row is flagged on every cell it names, so no number in it
/// passes unchecked.
pub(super) fn flag_short_row(
    reader: &mut Reader,
    row: &RowRead,
    cells: &[(String, usize)],
    places: &[Place],
) {
    let source = row.source;
    let filled = cells.iter().filter(|(c, _)| !c.is_empty()).count();
    if reader.columns || row.blanks_printed || filled == 0 || filled >= places.len() {
        return;
    }
    let name = places
        .first()
        .map(|p| match *p {
            Place::Requests(row, _) => Place::Requests(row, None),
            Place::Appeals(..) => Place::Appeals(report_core::layout::AppealGroup::Review, None),
            other => other,
        })
        .map(|p| p.describe_zh(reader.report.edition))
        .unwrap_or_default();
    reader.diagnose(
        Diagnostic::import(
            ImportProblem::UnreadableRow,
            format!(
                "{name}只印出 {filled} 个数字，应有 {} 个：文字中看不出空白单元格在哪里，这些数字可能错列，请对照原文核对",
                places.len()
            ),
        )
        .with_places(places.to_vec())
        .at(source),
    );
}
