//! What the arithmetic rules (H1–H4) share: checking one equation and collecting those that
//! blanks make unverifiable into a single informative finding.

use crate::diagnostic::Finding;
use crate::equation::{compare, Equation, Outcome, Side};
use crate::place::Place;
use crate::report::Report;

/// Collects the findings of one arithmetic rule.
#[derive(Default)]
pub(crate) struct Balances {
    broken: Vec<Finding>,
    incomplete: Vec<(Equation, Place)>,
}

impl Balances {
    /// Checks `parts` (summed) against `totals` (summed) in `report`. `cells` lists every cell of
    /// the equation, primary first. An equation none of whose cells the report prints is skipped.
    pub(crate) fn check(
        &mut self,
        report: &Report,
        equation: Equation,
        cells: Vec<Place>,
        parts: &[Place],
        totals: &[Place],
    ) {
        if cells.iter().all(|p| p.cell(report).is_none()) {
            return;
        }
        let parts = Side::plus(report, parts);
        let totals = Side::plus(report, totals);
        self.record(equation, cells, &parts, &totals);
    }

    /// Records the comparison of two sides already summed.
    pub(crate) fn record(
        &mut self,
        equation: Equation,
        cells: Vec<Place>,
        parts: &Side,
        totals: &Side,
    ) {
        match compare(parts, totals) {
            Outcome::Holds => {}
            Outcome::Incomplete => {
                if let Some(&primary) = cells.first() {
                    self.incomplete.push((equation, primary));
                }
            }
            Outcome::Broken {
                expected,
                actual,
                bound,
            } => {
                self.broken.push(Finding::Imbalance {
                    equation,
                    cells,
                    expected,
                    actual,
                    bound,
                });
            }
        }
    }

    /// Moves the findings to `out`: each broken equation, then one note for the unverifiable ones.
    pub(crate) fn finish(self, out: &mut Vec<Finding>) {
        out.extend(self.broken);
        if !self.incomplete.is_empty() {
            let (equations, cells) = self.incomplete.into_iter().unzip();
            out.push(Finding::Incomplete { equations, cells });
        }
    }
}
