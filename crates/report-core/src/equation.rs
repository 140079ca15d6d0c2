//! Evaluating an equation between cells, with blanks treated as unknown rather than zero.
//!
//! Each side of an equation is a sum of cells. A blank (or unreadable) operand makes its side
//! *incomplete*: the sum of the known operands is then only a lower bound, since every count is
//! non-negative. An incomplete equation is reported as unverifiable, not wrong — except where the
//! lower bound alone already proves it wrong.

use crate::cell::Cell;
use crate::place::Place;
use crate::report::Report;

/// Which equation of the format is meant, for messages and for finding the likely culprit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Equation {
    /// H1: in a 表三 row, the six applicant columns add up to 总计.
    RowTotal(crate::layout::RequestRow),
    /// H2: in a 表三 column, the result rows add up to （七）总计.
    ResultsColumn(crate::layout::Applicant),
    /// H3: in a 表三 column, 一 + 二 = （七）总计 + 四.
    IntakeBalance(crate::layout::Applicant),
    /// H4: in a 表四 group, the four outcomes add up to 总计.
    AppealTotal(crate::layout::AppealGroup),
    /// H7: this year's 二、上年结转 equals last year's 四、结转下年度继续办理.
    CarryOver(crate::layout::Applicant),
    /// S2: 现行有效 = last year's 现行有效 + 制发 − 废止.
    InForce(crate::layout::ProactiveItem),
}

impl Equation {
    /// Whether the equation runs along a table row (as opposed to down a column).
    pub fn is_row(self) -> bool {
        matches!(self, Equation::RowTotal(_) | Equation::AppealTotal(_))
    }
}

/// How much an imbalance is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bound {
    /// Both sides are complete and differ.
    Exact,
    /// The parts side has blanks, yet the known parts already exceed the total side.
    PartsExceed,
    /// The total side has blanks, yet its known cells already exceed the parts side.
    TotalsExceed,
}

/// One side of an equation, summed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Side {
    /// The sum of the operands that hold a valid value (signed, since S2 subtracts).
    pub known: i128,
    /// Whether any operand is blank, unreadable or not printed.
    pub incomplete: bool,
    /// The operands that hold a value.
    pub filled: Vec<Place>,
}

impl Side {
    /// Sums `terms`, each a cell of `report` with a sign (+1 or −1).
    pub fn sum(report: &Report, terms: &[(Place, i8)]) -> Side {
        Side::signed(report, terms.iter().copied(), terms.len())
    }

    fn signed(report: &Report, terms: impl Iterator<Item = (Place, i8)>, len: usize) -> Side {
        let mut side = Side {
            filled: Vec::with_capacity(len),
            ..Side::default()
        };
        for (place, sign) in terms {
            match place.cell(report) {
                Some(Cell::Count(n)) => {
                    side.known += i128::from(*n) * i128::from(sign);
                    side.filled.push(place);
                }
                _ => side.incomplete = true,
            }
        }
        side
    }

    /// Sums cells that all count positively.
    pub fn plus(report: &Report, places: &[Place]) -> Side {
        Side::signed(report, places.iter().map(|&p| (p, 1)), places.len())
    }
}

/// What evaluating an equation found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The equation holds.
    Holds,
    /// The equation cannot be verified: some operand is blank or unreadable.
    Incomplete,
    /// The equation is broken. `expected` is what the parts side gives, `actual` what the total
    /// side says.
    Broken {
        /// The parts side (known sum).
        expected: i128,
        /// The total side (known sum).
        actual: i128,
        /// Whether the figures are exact or only bounds.
        bound: Bound,
    },
}

/// Compares the parts side with the total side of an equation.
pub fn compare(parts: &Side, totals: &Side) -> Outcome {
    let broken = |bound| Outcome::Broken {
        expected: parts.known,
        actual: totals.known,
        bound,
    };
    match (parts.incomplete, totals.incomplete) {
        (false, false) if parts.known == totals.known => Outcome::Holds,
        (false, false) => broken(Bound::Exact),
        // Only sums of non-negative counts can be bounded; S2 subtracts and is never bounded.
        (true, false) if parts.known > totals.known && parts.known >= 0 => {
            broken(Bound::PartsExceed)
        }
        (false, true) if totals.known > parts.known && totals.known >= 0 => {
            broken(Bound::TotalsExceed)
        }
        _ => Outcome::Incomplete,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn side(known: i128, incomplete: bool) -> Side {
        Side {
            known,
            incomplete,
            filled: Vec::new(),
        }
    }

    #[test]
    fn blanks_make_a_sum_unverifiable_not_wrong() {
        assert_eq!(
            compare(&side(5, true), &side(9, false)),
            Outcome::Incomplete
        );
        assert_eq!(compare(&side(5, false), &side(5, false)), Outcome::Holds);
    }

    #[test]
    fn a_lower_bound_can_still_prove_a_total_wrong() {
        assert_eq!(
            compare(&side(12, true), &side(10, false)),
            Outcome::Broken {
                expected: 12,
                actual: 10,
                bound: Bound::PartsExceed
            }
        );
        assert_eq!(
            compare(&side(3, false), &side(4, true)),
            Outcome::Broken {
                expected: 3,
                actual: 4,
                bound: Bound::TotalsExceed
            }
        );
    }
}
