//! 表四: the row of fifteen numbers under the two-level header.

use report_core::equation::Equation;
use report_core::layout::{AppealGroup, CellKind, Edition, Outcome};
use report_core::{Cell, Place};

use crate::blocks::Block;
use crate::import::split::{as_counts, splits};
use crate::text::normalise;

use super::{
    requests::values_at, rows::common_width, rows::place_options, rows::read_row, rows::unreadable,
    rows::Values, Reader,
};

pub(super) fn read_appeals(reader: &mut Reader, blocks: &[&Block]) {
    let places: Vec<Place> = AppealGroup::ALL
        .iter()
        .flat_map(|&g| {
            Outcome::ALL
                .iter()
                .map(move |&o| Place::Appeals(g, Some(o)))
        })
        .collect();
    let width = common_width(blocks);
    // The row of numbers: the last row with no label and at least one value (a label there is
    // header text a PDF put on the lines before), or a run.
    let row = blocks
        .iter()
        .rev()
        .filter_map(|b| read_row(b, places.len(), width))
        .find(|row| match &row.values {
            Values::Cells(cells) => {
                let filled = cells.iter().filter(|(c, _)| !c.is_empty()).count();
                (row.label.is_empty() && filled > 0) || filled == places.len()
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
