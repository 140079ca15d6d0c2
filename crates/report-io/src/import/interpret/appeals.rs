//! 表四: the row of fifteen numbers under the two-level header; or, as OCR and some portals
//! print it, one group a row or one group a small table of its own (each with its 结果维持…总计
//! header), or the groups as columns. A number is placed in a group only when the document says
//! which group it is, or when the three groups stand in the format's order; otherwise the
//! numbers are reported, not guessed.

use report_core::equation::Equation;
use report_core::layout::{AppealGroup, CellKind, Edition, Outcome};
use report_core::{Cell, Diagnostic, ImportProblem, Place};

use crate::blocks::Block;
use crate::import::split::{as_counts, splits};
use crate::text::normalise;

use super::{
    requests::values_at, rows::common_width, rows::flag_short_row, rows::place_options,
    rows::read_row, rows::unreadable, rows::RowRead, rows::Values, Reader,
};

pub(super) fn read_appeals(reader: &mut Reader, blocks: &[&Block]) {
    if read_transposed(reader, blocks) || read_by_group(reader, blocks) {
        return;
    }
    let places: Vec<Place> = AppealGroup::ALL
        .iter()
        .flat_map(|&g| {
            Outcome::ALL
                .iter()
                .map(move |&o| Place::Appeals(g, Some(o)))
        })
        .collect();
    let width = common_width(blocks);
    // Header words a copied text puts on the line before the numbers ("总计"), not a label:
    // text made only of the header's characters, which also covers header labels wrapped in
    // narrow cells and printed a line apart ("结果 结果" over "维持 纠正").
    let header_chars: std::collections::BTreeSet<char> = Outcome::ALL
        .iter()
        .map(|o| o.def().labels.any(reader.report.edition))
        .chain(AppealGroup::ALL.iter().map(|g| g.def().label))
        .chain(AppealGroup::ALL.iter().filter_map(|g| g.def().parent))
        .flat_map(|l| normalise(l).chars().collect::<Vec<_>>())
        .collect();
    let header_only = |label: &str| normalise(label).chars().all(|c| header_chars.contains(&c));
    // The row of numbers: the last row with no label and at least one value (a label there is
    // header text a PDF put on the lines before), or a run.
    let row = blocks
        .iter()
        .rev()
        .filter_map(|b| read_row(b, places.len(), width))
        .find(|row| match &row.values {
            Values::Cells(cells) => {
                let filled = cells.iter().filter(|(c, _)| !c.is_empty()).count();
                ((row.label.is_empty() || header_only(&row.last_label)) && filled > 0)
                    || filled == places.len()
            }
            Values::Run(run) => run.chars().any(|c| c.is_ascii_digit()),
            Values::Spread(_) => false,
        });
    let Some(row) = row else {
        // A blank form: the header is there, the row of numbers is empty.
        let outcome = normalise(Outcome::Upheld.def().labels.any(Edition::V2021));
        if blocks
            .iter()
            .any(|b| matches!(b, Block::Row { .. }) && normalise(&b.text()).contains(&outcome))
        {
            for &group in AppealGroup::ALL {
                reader
                    .report
                    .appeals
                    .insert_row(group, reader.report.edition);
            }
        }
        return;
    };
    for &group in AppealGroup::ALL {
        reader
            .report
            .appeals
            .insert_row(group, reader.report.edition);
    }
    match &row.values {
        Values::Cells(cells) => {
            for (place, (text, i)) in places.iter().zip(cells) {
                reader.set(
                    *place,
                    Cell::parse(CellKind::Count, text),
                    row.source.column(i + 1),
                );
            }
            flag_short_row(reader, &row, cells, &places);
            let texts: Vec<&str> = cells.iter().map(|(t, _)| t.as_str()).collect();
            reader.note_positioned(&places, &texts, row.source);
        }
        Values::Run(run) => {
            let balanced: Vec<Vec<String>> = splits(run, places.len())
                .unwrap_or_default()
                .into_iter()
                .filter(|s| {
                    as_counts(s).is_some_and(|n| {
                        AppealGroup::ALL.iter().all(|&g| {
                            Equation::AppealTotal(g)
                                .holds_with(&reader.report, values_at(&places, &n))
                                == Some(true)
                        })
                    })
                })
                .collect();
            place_options(reader, &balanced, &places, run, row.source);
        }
        Values::Spread(count) => unreadable(
            reader,
            Place::Appeals(AppealGroup::Review, None),
            &format!("{count} 个数字"),
            row.source,
        ),
    }
}

/// The group a short caption or row label names (行政复议, 未经复议直接起诉, 复议后起诉), when it
/// names exactly one.
fn group_named(text: &str) -> Option<AppealGroup> {
    let text = normalise(text);
    let named: Vec<AppealGroup> = AppealGroup::ALL
        .iter()
        .copied()
        .filter(|g| {
            let label = normalise(g.def().label);
            text.contains(&label)
                || (*g == AppealGroup::LitigationDirect && text.contains("直接起诉"))
        })
        .collect();
    match named[..] {
        [only] => Some(only),
        _ => None,
    }
}

/// The filled values of a row read as cells, with their columns.
fn filled(row: &RowRead) -> Vec<(String, usize)> {
    match &row.values {
        Values::Cells(cells) => cells
            .iter()
            .filter(|(c, _)| !c.is_empty())
            .cloned()
            .collect(),
        _ => Vec::new(),
    }
}

/// 表四 printed one group at a time: rows of at most five values, each named by its own label or
/// by the caption before it (a small table per group). Returns whether it read 表四 this way.
fn read_by_group(reader: &mut Reader, blocks: &[&Block]) -> bool {
    let n = Outcome::ALL.len();
    let mut caption: Option<AppealGroup> = None;
    let mut rows: Vec<(Option<AppealGroup>, RowRead)> = Vec::new();
    for block in blocks {
        match block {
            Block::Para { text, .. } => {
                if normalise(text).chars().count() <= 16 {
                    caption = group_named(text).or(caption);
                }
            }
            Block::Row { cells, .. } => {
                let Some(row) = read_row(block, n, cells.len()) else {
                    continue;
                };
                let values = filled(&row);
                if values.is_empty() {
                    // A header row; a row of labels that names one group is a caption.
                    if let Some(g) = group_named(&row.label) {
                        caption = Some(g);
                    }
                    continue;
                }
                // A row as wide as the fifteen-number row, or more values than a group has:
                // not this layout.
                if cells.len() > n + 2
                    || values.len() > n
                    || matches!(row.values, Values::Spread(_))
                {
                    return false;
                }
                let group = group_named(&row.label).or(caption);
                rows.push((group, row));
                caption = None;
            }
        }
    }
    if rows.len() < 2 && !rows.iter().any(|(g, _)| g.is_some()) {
        return false;
    }
    let named: Vec<AppealGroup> = rows.iter().filter_map(|(g, _)| *g).collect();
    let distinct = named
        .iter()
        .collect::<std::collections::BTreeSet<_>>()
        .len()
        == named.len();
    let groups: Vec<AppealGroup> = if named.len() == rows.len() && distinct {
        named
    } else if rows.len() == AppealGroup::ALL.len() && named.is_empty() {
        let order: Vec<AppealGroup> = AppealGroup::ALL.to_vec();
        reader.diagnose(
            Diagnostic::import(
                ImportProblem::UnrecognisedRow,
                "表四分三行（或三个小表格）印出且未注明各属哪一组，已按格式的顺序读作行政复议、未经复议直接起诉、复议后起诉，请对照原文核对",
            )
            .with_places(order.iter().map(|&g| Place::Appeals(g, None)).collect())
            .at(rows[0].1.source),
        );
        order
    } else {
        for (_, row) in &rows {
            reader.diagnose(
                Diagnostic::import(
                    ImportProblem::UnreadableRow,
                    format!(
                        "表四的一行数字“{}”看不出属于行政复议、未经复议直接起诉还是复议后起诉，未导入，请对照原文填写",
                        filled(row).iter().map(|(v, _)| v.as_str()).collect::<Vec<_>>().join(" ")
                    ),
                )
                .with_places(vec![Place::Appeals(AppealGroup::Review, None)])
                .at(row.source),
            );
        }
        for &group in AppealGroup::ALL {
            reader
                .report
                .appeals
                .insert_row(group, reader.report.edition);
        }
        return true;
    };
    for &group in AppealGroup::ALL {
        reader
            .report
            .appeals
            .insert_row(group, reader.report.edition);
    }
    for (group, (_, row)) in groups.into_iter().zip(&rows) {
        let Values::Cells(cells) = &row.values else {
            continue;
        };
        for (&outcome, (text, i)) in Outcome::ALL.iter().zip(cells) {
            reader.set(
                Place::Appeals(group, Some(outcome)),
                Cell::parse(CellKind::Count, text),
                row.source.column(i + 1),
            );
        }
        let places: Vec<Place> = Outcome::ALL
            .iter()
            .map(|&o| Place::Appeals(group, Some(o)))
            .collect();
        let texts: Vec<&str> = cells.iter().map(|(t, _)| t.as_str()).collect();
        reader.note_positioned(&places[..texts.len().min(places.len())], &texts, row.source);
    }
    true
}

/// 表四 with the groups as columns: one row per outcome (结果维持 … 总计), three values each.
/// Returns whether it read 表四 this way.
fn read_transposed(reader: &mut Reader, blocks: &[&Block]) -> bool {
    let groups = AppealGroup::ALL.len();
    let mut found: Vec<(Outcome, RowRead)> = Vec::new();
    for block in blocks {
        let Block::Row { cells, .. } = block else {
            continue;
        };
        let Some(row) = read_row(block, groups, cells.len()) else {
            continue;
        };
        if filled(&row).is_empty() {
            continue;
        }
        if cells.len() > groups + 2 {
            return false;
        }
        let label = normalise(&row.label);
        let outcome = Outcome::ALL.iter().copied().find(|o| {
            let l = normalise(o.def().labels.any(Edition::V2021));
            label == l || label.ends_with(&l)
        });
        match outcome {
            Some(o) if !found.iter().any(|(f, _)| *f == o) => found.push((o, row)),
            _ => return false,
        }
    }
    if found.len() < Outcome::ALL.len() - 1 {
        return false;
    }
    for &group in AppealGroup::ALL {
        reader
            .report
            .appeals
            .insert_row(group, reader.report.edition);
    }
    for (outcome, row) in &found {
        let Values::Cells(cells) = &row.values else {
            continue;
        };
        for (&group, (text, i)) in AppealGroup::ALL.iter().zip(cells) {
            reader.set(
                Place::Appeals(group, Some(*outcome)),
                Cell::parse(CellKind::Count, text),
                row.source.column(i + 1),
            );
        }
    }
    true
}
