//! The equations of the format, as data, and their evaluation with blanks treated as unknown
//! rather than zero.
//!
//! Every sum the format implies is listed once here: the rules H1–H4, H7 and S2 check them, the
//! computed totals of a form ([`crate::totals`]) derive from them and the importers use them to
//! split numbers that run together.
//!
//! Each side of an equation is a sum of cells. A blank (or unreadable) operand makes its side
//! *incomplete*: the sum of the known operands is then only a lower bound, since every count is
//! non-negative. An incomplete equation is reported as unverifiable, not wrong — except where the
//! lower bound alone already proves it wrong.

use crate::cell::Cell;
use crate::layout::{
    AppealGroup, Applicant, Edition, Outcome as Col, ProactiveColumn as C, ProactiveItem,
    RequestRow, RowRole,
};
use crate::place::{appeal, proactive, req, Place};
use crate::report::Report;

/// Which equation of the format is meant. [`table_equations`] and [`cross_year_equations`] list
/// the equations a report has; [`Equation::terms`] says what each adds up.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Equation {
    /// H1: in a 表三 row, the six applicant columns add up to 总计.
    RowTotal(RequestRow),
    /// H2: in a 表三 column, the result rows add up to （七）总计.
    ResultsColumn(Applicant),
    /// H3: in a 表三 column, 一 + 二 = （七）总计 + 四.
    IntakeBalance(Applicant),
    /// H4: in a 表四 group, the four outcomes add up to 总计.
    AppealTotal(AppealGroup),
    /// H7: this year's 二、上年结转 equals last year's 四、结转下年度继续办理.
    CarryOver(Applicant),
    /// S2: 现行有效 = last year's 现行有效 + 制发 − 废止.
    InForce(ProactiveItem),
}

/// Which year's report a term reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Year {
    /// The report being checked.
    This,
    /// Last year's report of the same agency.
    Last,
}

/// One operand of an equation: a cell of this year's or last year's report, added or subtracted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Term {
    /// The cell.
    pub place: Place,
    /// +1 or −1.
    pub sign: i8,
    /// Which report the cell is read from.
    pub year: Year,
}

impl Term {
    const fn plus(place: Place) -> Term {
        Term {
            place,
            sign: 1,
            year: Year::This,
        }
    }
}

/// What an equation adds up: `parts` (signed, possibly from last year) equal the sum of
/// `totals` (cells of this year's report).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Terms {
    /// The side that is added up.
    pub parts: Vec<Term>,
    /// The side that states the result.
    pub totals: Vec<Place>,
}

/// The equations within one report's tables (H1–H4), for the rows and groups the report prints,
/// in the order the computed totals depend on each other: the column totals of （七）总计 come
/// before the row totals that add them up. Adding a sum to the format is one line here and one
/// arm in [`Equation::terms`].
pub fn table_equations(report: &Report) -> Vec<Equation> {
    let mut out = Vec::new();
    if report.requests.has_row(RequestRow::ResultsTotal) {
        out.extend(Applicant::ALL.iter().map(|&c| Equation::ResultsColumn(c)));
    }
    out.extend(report.requests.present_rows().map(Equation::RowTotal));
    out.extend(Applicant::ALL.iter().map(|&c| Equation::IntakeBalance(c)));
    out.extend(report.appeals.present_rows().map(Equation::AppealTotal));
    out
}

/// The equations between a report and last year's (H7, S2).
pub fn cross_year_equations() -> Vec<Equation> {
    let mut out: Vec<Equation> = Applicant::ALL
        .iter()
        .map(|&c| Equation::CarryOver(c))
        .collect();
    out.extend(
        [
            ProactiveItem::Regulations,
            ProactiveItem::NormativeDocuments,
        ]
        .map(Equation::InForce),
    );
    out
}

/// The result rows that （七）总计 adds up in `report`: （六） as one row or as its three rows,
/// whichever the report prints.
pub fn result_rows(report: &Report) -> Vec<RequestRow> {
    let split = RequestRow::OTHER_SPLIT
        .iter()
        .any(|&r| report.requests.has_row(r));
    RequestRow::ALL
        .iter()
        .copied()
        .filter(|r| r.def().role == RowRole::Result)
        .filter(|&r| r != RequestRow::Other || !split)
        .filter(|&r| !RequestRow::OTHER_SPLIT.contains(&r) || split)
        .collect()
}

impl Equation {
    /// The code of the rule that checks the equation.
    pub const fn rule(self) -> &'static str {
        match self {
            Equation::RowTotal(_) => "H1",
            Equation::ResultsColumn(_) => "H2",
            Equation::IntakeBalance(_) => "H3",
            Equation::AppealTotal(_) => "H4",
            Equation::CarryOver(_) => "H7",
            Equation::InForce(_) => "S2",
        }
    }

    /// Whether the equation runs along a table row (as opposed to down a column).
    pub fn is_row(self) -> bool {
        matches!(self, Equation::RowTotal(_) | Equation::AppealTotal(_))
    }

    /// Whether the equation needs last year's report.
    pub fn is_cross_year(self) -> bool {
        matches!(self, Equation::CarryOver(_) | Equation::InForce(_))
    }

    /// What the equation adds up in `report` (whose layout decides which result rows there are
    /// and, for S2, which columns its edition has).
    pub fn terms(self, report: &Report) -> Terms {
        let plus = |places: &mut dyn Iterator<Item = Place>| places.map(Term::plus).collect();
        match self {
            Equation::RowTotal(row) => Terms {
                parts: plus(&mut Applicant::PARTS.iter().map(|&c| req(row, c))),
                totals: vec![req(row, Applicant::Total)],
            },
            Equation::ResultsColumn(col) => Terms {
                parts: plus(&mut result_rows(report).into_iter().map(|r| req(r, col))),
                totals: vec![req(RequestRow::ResultsTotal, col)],
            },
            Equation::IntakeBalance(col) => Terms {
                parts: vec![
                    Term::plus(req(RequestRow::New, col)),
                    Term::plus(req(RequestRow::CarriedOver, col)),
                ],
                totals: vec![
                    req(RequestRow::ResultsTotal, col),
                    req(RequestRow::CarriedForward, col),
                ],
            },
            Equation::AppealTotal(group) => Terms {
                parts: plus(&mut Col::PARTS.iter().map(|&o| appeal(group, o))),
                totals: vec![appeal(group, Col::Total)],
            },
            Equation::CarryOver(col) => Terms {
                parts: vec![Term {
                    place: req(RequestRow::CarriedForward, col),
                    sign: 1,
                    year: Year::Last,
                }],
                totals: vec![req(RequestRow::CarriedOver, col)],
            },
            Equation::InForce(item) => {
                let (stock, added, removed) = match report.edition {
                    Edition::V2021 => (C::InForce, C::Issued, Some(C::Repealed)),
                    Edition::V2019 => (C::TotalPublished, C::Published, None),
                };
                let mut parts = vec![
                    Term {
                        place: proactive(item, stock),
                        sign: 1,
                        year: Year::Last,
                    },
                    Term::plus(proactive(item, added)),
                ];
                parts.extend(removed.map(|c| Term {
                    place: proactive(item, c),
                    sign: -1,
                    year: Year::This,
                }));
                Terms {
                    parts,
                    totals: vec![proactive(item, stock)],
                }
            }
        }
    }

    /// The cells of this year's report the equation names, primary first: the total, then the
    /// parts; for H3 the cells in the order of the printed note (一, 二, （七）, 四).
    pub fn cells(self, report: &Report) -> Vec<Place> {
        let terms = self.terms(report);
        let parts = terms
            .parts
            .iter()
            .filter(|t| t.year == Year::This)
            .map(|t| t.place);
        match self {
            Equation::IntakeBalance(_) => parts.chain(terms.totals.iter().copied()).collect(),
            _ => terms.totals.iter().copied().chain(parts).collect(),
        }
    }

    /// The cell a form computes from this equation's parts, if the equation defines a total:
    /// 表三's 总计 column, the columns of （七）总计 and 表四's 总计 (not H3, whose two sides are
    /// both printed, nor （七）总计's own 总计, which its row already computes).
    pub fn computed_total(self) -> Option<Place> {
        match self {
            Equation::RowTotal(row) => Some(req(row, Applicant::Total)),
            Equation::ResultsColumn(col) if col != Applicant::Total => {
                Some(req(RequestRow::ResultsTotal, col))
            }
            Equation::AppealTotal(group) => Some(appeal(group, Col::Total)),
            _ => None,
        }
    }

    /// Evaluates the equation on `report` (and last year's report for the cross-year ones).
    /// `None` when it does not apply: a table equation none of whose cells the report prints, a
    /// cross-year one whose total the report does not print or whose last-year cells that report
    /// does not print, or one that needs a last year's report not given.
    pub fn evaluate(self, report: &Report, previous: Option<&Report>) -> Option<Evaluation> {
        let terms = self.terms(report);
        let of = |year: Year| match year {
            Year::This => Some(report),
            Year::Last => previous,
        };
        if self.is_cross_year() {
            report.cell(*terms.totals.first()?)?;
            for t in terms.parts.iter().filter(|t| t.year == Year::Last) {
                previous?.cell(t.place)?;
            }
        } else if terms.totals.iter().all(|&p| report.cell(p).is_none())
            && terms.parts.iter().all(|t| report.cell(t.place).is_none())
        {
            return None;
        }
        let mut parts = Side::default();
        for t in &terms.parts {
            parts.add(of(t.year), t.place, t.sign, t.year);
        }
        let mut totals = Side::default();
        for &p in &terms.totals {
            totals.add(Some(report), p, 1, Year::This);
        }
        // A sum that subtracts gives no bound: only complete figures are compared.
        let subtracts = terms.parts.iter().any(|t| t.sign < 0);
        if subtracts && (parts.incomplete || totals.incomplete) {
            return Some(Evaluation::Incomplete);
        }
        Some(compare(&parts, &totals))
    }

    /// Whether the equation holds with the values `value` gives for this year's cells (in the
    /// layout of `report`): `None` when some operand has no value. Importers use it to choose
    /// among the ways to read numbers that run together.
    pub fn holds_with(self, report: &Report, value: impl Fn(Place) -> Option<u64>) -> Option<bool> {
        let terms = self.terms(report);
        let mut parts: i128 = 0;
        for t in &terms.parts {
            if t.year == Year::Last {
                return None;
            }
            parts += i128::from(value(t.place)?) * i128::from(t.sign);
        }
        let mut totals: i128 = 0;
        for &p in &terms.totals {
            totals += i128::from(value(p)?);
        }
        Some(parts == totals)
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
    /// The operands of this year's report that hold a value.
    pub filled: Vec<Place>,
}

impl Side {
    /// Adds the cell at `place` of `report` (with `sign`) to the side: its count when it holds
    /// one, else the side becomes incomplete.
    fn add(&mut self, report: Option<&Report>, place: Place, sign: i8, year: Year) {
        match report.and_then(|r| r.cell(place)) {
            Some(Cell::Count(n)) => {
                self.known += i128::from(*n) * i128::from(sign);
                if year == Year::This {
                    self.filled.push(place);
                }
            }
            _ => self.incomplete = true,
        }
    }

    /// Sums cells of `report` that all count positively.
    pub fn plus(report: &Report, places: &[Place]) -> Side {
        let mut side = Side {
            filled: Vec::with_capacity(places.len()),
            ..Side::default()
        };
        for &place in places {
            side.add(Some(report), place, 1, Year::This);
        }
        side
    }
}

/// What evaluating an equation found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Evaluation {
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
pub fn compare(parts: &Side, totals: &Side) -> Evaluation {
    let broken = |bound| Evaluation::Broken {
        expected: parts.known,
        actual: totals.known,
        bound,
    };
    match (parts.incomplete, totals.incomplete) {
        (false, false) if parts.known == totals.known => Evaluation::Holds,
        (false, false) => broken(Bound::Exact),
        // Only sums of non-negative counts can be bounded; S2 subtracts and is never bounded.
        (true, false) if parts.known > totals.known && parts.known >= 0 => {
            broken(Bound::PartsExceed)
        }
        (false, true) if totals.known > parts.known && totals.known >= 0 => {
            broken(Bound::TotalsExceed)
        }
        _ => Evaluation::Incomplete,
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
            Evaluation::Incomplete
        );
        assert_eq!(compare(&side(5, false), &side(5, false)), Evaluation::Holds);
    }

    #[test]
    fn a_lower_bound_can_still_prove_a_total_wrong() {
        assert_eq!(
            compare(&side(12, true), &side(10, false)),
            Evaluation::Broken {
                expected: 12,
                actual: 10,
                bound: Bound::PartsExceed
            }
        );
        assert_eq!(
            compare(&side(3, false), &side(4, true)),
            Evaluation::Broken {
                expected: 3,
                actual: 4,
                bound: Bound::TotalsExceed
            }
        );
    }
}
