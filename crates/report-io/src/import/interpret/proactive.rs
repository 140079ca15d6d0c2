//! 表二: its blocks' rows, numbers that run together, and the counts the prose states.

use report_core::layout::{ProactiveColumn, ProactiveItem};
use report_core::{Cell, Diagnostic, ImportProblem, Place, ProseField, Report};

use crate::blocks::{Block, Source};
use crate::import::split::splits;
use crate::text::{is_value, normalise};

use super::{
    rows::common_width, rows::fit, rows::flag_short_row, rows::place_options, rows::read_row,
    rows::unreadable, rows::Values, Reader,
};

pub(super) fn read_proactive(reader: &mut Reader, blocks: &[&Block]) {
    let edition = reader.report.edition;
    let width = common_width(blocks);
    let mut runs: Vec<(ProactiveItem, String, Source)> = Vec::new();
    for block in blocks {
        let Some(row) = read_row(block, 1, width) else {
            continue;
        };
        let norm_label = normalise(&row.last_label);
        // An exact label first ("规范性文件" is inside "行政规范性文件"), then the closest.
        let item = ProactiveItem::in_edition(edition)
            .find(|i| normalise(i.def().labels.any(edition)) == norm_label)
            .or_else(|| {
                ProactiveItem::in_edition(edition)
                    .map(|i| (i, fit(&row, i.def().labels.any(edition))))
                    .filter(|&(_, score)| score >= 0.6)
                    .max_by(|a, b| a.1.total_cmp(&b.1))
                    .map(|(i, _)| i)
            });
        let Some(item) = item else {
            continue;
        };
        let columns: Vec<ProactiveColumn> = item.columns_in(edition).collect();
        let Block::Row {
            cells,
            run_together,
            covered,
            ..
        } = block
        else {
            continue;
        };
        if *run_together {
            if let Values::Run(run) = row.values {
                runs.push((item, run, row.source));
            }
            continue;
        }
        // 表二 values follow the label: the first cells after it, whatever the grid's width.
        // A position a merged cell covers is no cell of its own: a number printed across two
        // grid columns ("本年新公开数量" merged over two) is one value, and the next value is
        // the next cell, as a reader sees it, however the row's merges line up with the
        // header's.
        let label_at = cells
            .iter()
            .rposition(|c| !c.trim().is_empty() && !is_value(c))
            .unwrap_or(0);
        let own: Vec<usize> = (label_at + 1..cells.len())
            .filter(|&i| !covered.get(i).copied().unwrap_or(false))
            .collect();
        reader.report.proactive.insert_row(item, edition);
        let mut read = Vec::with_capacity(columns.len());
        for (k, &col) in columns.iter().enumerate() {
            let i = own.get(k).copied().unwrap_or(cells.len());
            let text = cells.get(i).map(String::as_str).unwrap_or_default();
            let place = Place::Proactive(item, Some(col));
            reader.set(
                place,
                Cell::parse(col.def().kind, text),
                row.source.column(i + 1),
            );
            read.push((text.trim().to_owned(), i));
        }
        // Text that keeps no trace of blank cells and prints fewer numbers than the item has
        // columns: which is blank cannot be told.
        let places: Vec<Place> = columns
            .iter()
            .map(|&c| Place::Proactive(item, Some(c)))
            .collect();
        flag_short_row(reader, &row, &read, &places);
    }
    resolve_proactive_runs(reader, runs);
}

pub(super) fn resolve_proactive_runs(
    reader: &mut Reader,
    runs: Vec<(ProactiveItem, String, Source)>,
) {
    let edition = reader.report.edition;
    let stated = stated_document_counts(&reader.report);
    for (item, run, source) in runs {
        let columns: Vec<ProactiveColumn> = item.columns_in(edition).collect();
        reader.report.proactive.insert_row(item, edition);
        let Some(mut options) = splits(&run, columns.len()) else {
            unreadable(reader, Place::Proactive(item, None), &run, source);
            continue;
        };
        // What the prose says of this item settles what the arithmetic cannot.
        for &(stated_item, col, value) in &stated {
            if stated_item != item {
                continue;
            }
            let Some(k) = columns.iter().position(|&c| c == col) else {
                continue;
            };
            let kept: Vec<_> = options
                .iter()
                .filter(|o| o[k] == value.to_string())
                .cloned()
                .collect();
            if !kept.is_empty() {
                options = kept;
            }
        }
        // Then last year's report: this year's 现行有效 is last year's, plus what was issued,
        // less what was repealed.
        if options.len() > 1 {
            if let Some(settled) = settle_by_previous(reader, item, &columns, &options) {
                let values: Vec<String> = settled[0].clone();
                reader.diagnose(
                    Diagnostic::import(
                        ImportProblem::SettledByPrevious,
                        format!(
                            "“{run}”中的数字连在一起，{}按上年报告的现行有效件数拆分为 {}，请对照原文核对",
                            Place::Proactive(item, None).describe_zh(edition),
                            values.join("、")
                        ),
                    )
                    .with_places(
                        columns
                            .iter()
                            .map(|&c| Place::Proactive(item, Some(c)))
                            .collect(),
                    )
                    .at(source),
                );
                options = settled;
            }
        }
        place_options(
            reader,
            &options,
            &columns
                .iter()
                .map(|&c| Place::Proactive(item, Some(c)))
                .collect::<Vec<_>>(),
            &run,
            source,
        );
    }
}

/// Counts the prose states for 表二 第（一）项: ("现行有效…规范性文件698件", "制发的规范性文件88件").
pub(super) fn stated_document_counts(
    report: &Report,
) -> Vec<(ProactiveItem, ProactiveColumn, u64)> {
    let mut out = Vec::new();
    for field in ProseField::ALL {
        let Some(text) = report.prose(field) else {
            continue;
        };
        for clause in report_core::prose::normalise(text).split(['，', '。', '；', '、', ',', ';'])
        {
            let item = if clause.contains("规范性文件") {
                ProactiveItem::NormativeDocuments
            } else if clause.contains("规章") {
                ProactiveItem::Regulations
            } else {
                continue;
            };
            let col = if clause.contains("现行有效") {
                ProactiveColumn::InForce
            } else if clause.contains("制发") {
                ProactiveColumn::Issued
            } else if clause.contains("废止") {
                ProactiveColumn::Repealed
            } else {
                continue;
            };
            // The number counted in 件: "规范性文件698件" (the 件 of 文件 is not a unit).
            let chars: Vec<char> = clause.chars().collect();
            let unit = (1..chars.len())
                .rev()
                .find(|&i| chars[i] == '件' && chars[i - 1].is_ascii_digit());
            let digits: String = unit
                .map(|i| {
                    let start = (0..i)
                        .rev()
                        .take_while(|&j| chars[j].is_ascii_digit())
                        .last()
                        .unwrap_or(i);
                    chars[start..i].iter().collect()
                })
                .unwrap_or_default();
            if let Ok(value) = digits.parse() {
                out.push((item, col, value));
            }
        }
    }
    out
}

/// The splits of a 表二 run that agree with last year's report: 现行有效 = last year's
/// 现行有效 + 本年制发 − 本年废止. `None` when there is no last year's figure, or it keeps
/// every split or none.
fn settle_by_previous(
    reader: &Reader,
    item: ProactiveItem,
    columns: &[ProactiveColumn],
    options: &[Vec<String>],
) -> Option<Vec<Vec<String>>> {
    let previous = reader.previous.as_ref()?;
    let last = previous
        .cell(Place::Proactive(item, Some(ProactiveColumn::InForce)))?
        .count()?;
    let at = |col| columns.iter().position(|&c| c == col);
    let (issued, repealed, in_force) = (
        at(ProactiveColumn::Issued)?,
        at(ProactiveColumn::Repealed)?,
        at(ProactiveColumn::InForce)?,
    );
    let kept: Vec<Vec<String>> = options
        .iter()
        .filter(|o| {
            let n = |k: usize| o[k].parse::<i128>().ok();
            match (n(issued), n(repealed), n(in_force)) {
                (Some(i), Some(r), Some(f)) => f == i128::from(last) + i - r,
                _ => false,
            }
        })
        .cloned()
        .collect();
    (!kept.is_empty() && kept.len() < options.len()).then_some(kept)
}
