//! The few counts a region compares its units on, and where each unit stands among the others.

use report_core::place::{appeal, req};
use report_core::{AppealGroup, Applicant, Outcome, Place, Report, RequestRow};

/// A count of a report that the region's page shows for every unit: the sum of some cells.
#[derive(Clone, Copy, Debug)]
pub struct Figure {
    /// Its name, in Chinese.
    pub name: &'static str,
    /// The cells that add up to it.
    pub cells: &'static [Place],
}

/// The counts compared across the region: the requests received, the requests answered, and
/// the administrative reviews and lawsuits about disclosure.
pub const FIGURES: [Figure; 4] = [
    Figure {
        name: "本年新收申请",
        cells: &[req(RequestRow::New, Applicant::Total)],
    },
    Figure {
        name: "本年办理结果",
        cells: &[req(RequestRow::ResultsTotal, Applicant::Total)],
    },
    Figure {
        name: "行政复议",
        cells: &[appeal(AppealGroup::Review, Outcome::Total)],
    },
    Figure {
        name: "行政诉讼",
        cells: &[
            appeal(AppealGroup::LitigationDirect, Outcome::Total),
            appeal(AppealGroup::LitigationAfterReview, Outcome::Total),
        ],
    },
];

impl Figure {
    /// The figure of `report`: `None` when any of its cells is blank or not a count.
    pub fn of(&self, report: &Report) -> Option<u64> {
        self.cells
            .iter()
            .map(|&place| report.cell(place).and_then(|c| c.count()))
            .sum()
    }
}

/// Where one unit's figure stands among the region's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Standing {
    /// 1 for the largest figure; equal figures share the better place.
    pub rank: usize,
    /// How many units have the figure.
    pub of: usize,
}

/// Each value's standing among the values given (`None` for a unit without the figure).
pub fn standings(values: &[Option<u64>]) -> Vec<Option<Standing>> {
    let mut known: Vec<u64> = values.iter().flatten().copied().collect();
    known.sort_unstable_by(|a, b| b.cmp(a));
    let of = known.len();
    values
        .iter()
        .map(|v| {
            let v = (*v)?;
            // The number of larger figures, plus one.
            let rank = known.partition_point(|&k| k > v) + 1;
            Some(Standing { rank, of })
        })
        .collect()
}

/// The median of the values given, if any (the lower middle of an even count).
pub fn median(values: &[Option<u64>]) -> Option<u64> {
    let mut known: Vec<u64> = values.iter().flatten().copied().collect();
    known.sort_unstable();
    let middle = known.len().checked_sub(1)? / 2;
    known.get(middle).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_figures_share_a_place_and_blanks_have_none() {
        let got = standings(&[Some(5), None, Some(9), Some(5), Some(0)]);
        let ranks: Vec<Option<usize>> = got.iter().map(|s| s.map(|s| s.rank)).collect();
        assert_eq!(ranks, [Some(2), None, Some(1), Some(2), Some(4)]);
        assert!(got.iter().flatten().all(|s| s.of == 4));
    }

    #[test]
    fn the_median_is_of_the_known_values() {
        assert_eq!(median(&[Some(3), None, Some(1), Some(10)]), Some(3));
        assert_eq!(median(&[Some(4), Some(2)]), Some(2));
        assert_eq!(median(&[None]), None);
    }

    #[test]
    fn a_figure_with_a_blank_cell_is_unknown() {
        let mut report = Report::blank(report_core::Edition::V2021, 2024, "某局");
        let lawsuits = &FIGURES[3];
        assert_eq!(lawsuits.of(&report), None);
        for &place in lawsuits.cells {
            report.set_cell(
                place,
                report_core::Cell::parse(report_core::layout::CellKind::Count, "2"),
            );
        }
        assert_eq!(lawsuits.of(&report), Some(4));
    }
}
