//! Reports far out of line with the others of their batch: a 纠错率 (the share of the decided
//! administrative reviews, or lawsuits, whose result was corrected) far above that of the other
//! reports of the same year. An evaluator's question, not an error: a note (B2).
//!
//! A report is judged for a kind of case when it has at least [`MIN_DECIDED`] decided, the other
//! reports of its year at least [`MIN_OTHERS_DECIDED`] together, and its rate is at least
//! [`FACTOR`] times theirs and [`MIN_POINTS`] percentage points above it, and would still be
//! with one correction fewer: in a handful of cases, one case is no pattern. Blank cells make a
//! report's rate unknown, never zero.

use crate::layout::{AppealGroup, Outcome};
use crate::place::{appeal, Place};
use crate::report::Report;

/// The code of the note.
pub const CORRECTION_CODE: &str = "B2";
/// The decided cases a report needs for its rate to be judged.
pub const MIN_DECIDED: u64 = 5;
/// The decided cases the other reports of the year need together to make a baseline.
pub const MIN_OTHERS_DECIDED: u64 = 20;
/// How many times the others' rate a report's must reach.
pub const FACTOR: u64 = 2;
/// How many percentage points above the others' rate a report's must be.
pub const MIN_POINTS: u64 = 20;

/// The kinds of case whose 纠错率 is compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// 行政复议.
    Review,
    /// 行政诉讼 (direct, and after review).
    Litigation,
}

impl Kind {
    /// Both kinds.
    pub const ALL: [Kind; 2] = [Kind::Review, Kind::Litigation];

    /// The name, in Chinese.
    pub const fn zh(self) -> &'static str {
        match self {
            Kind::Review => "行政复议",
            Kind::Litigation => "行政诉讼",
        }
    }

    /// 表四's groups of the kind.
    pub const fn groups(self) -> &'static [AppealGroup] {
        match self {
            Kind::Review => &[AppealGroup::Review],
            Kind::Litigation => &[
                AppealGroup::LitigationDirect,
                AppealGroup::LitigationAfterReview,
            ],
        }
    }
}

/// A report's corrected and decided cases of one kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rate {
    /// Results corrected (结果纠正).
    pub corrected: u64,
    /// Results decided: upheld, corrected and other (pending cases are not decided).
    pub decided: u64,
}

/// What a report brings to the comparison: its year and both kinds' rates, where known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rates {
    /// The report's year.
    pub year: u16,
    /// The rates, in the order of [`Kind::ALL`].
    pub rates: [Option<Rate>; 2],
}

impl Rates {
    /// The rates of `report`.
    pub fn of(report: &Report) -> Rates {
        let rate = |kind: Kind| -> Option<Rate> {
            let count = |outcome: Outcome| -> Option<u64> {
                kind.groups()
                    .iter()
                    .map(|&g| report.cell(appeal(g, outcome)).and_then(|c| c.count()))
                    .sum()
            };
            let corrected = count(Outcome::Corrected)?;
            let decided = count(Outcome::Upheld)? + corrected + count(Outcome::Other)?;
            Some(Rate { corrected, decided })
        };
        Rates {
            year: report.year,
            rates: Kind::ALL.map(rate),
        }
    }
}

/// A report whose 纠错率 is far above the others'.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outlier {
    /// Its index in the batch.
    pub index: usize,
    /// The kind of case.
    pub kind: Kind,
    /// Its cases.
    pub rate: Rate,
    /// The other reports' of the same year, together.
    pub others: Rate,
}

/// The reports of the batch (`None` for files that could not be read) whose 纠错率 is far above
/// the other reports' of their year.
pub fn correction_outliers(batch: &[Option<Rates>]) -> Vec<Outlier> {
    let mut out = Vec::new();
    for (k, &kind) in Kind::ALL.iter().enumerate() {
        // Each year's cases, all reports together; a report's others are these less its own.
        let mut years: Vec<(u16, Rate)> = Vec::new();
        for rates in batch.iter().flatten() {
            let Some(r) = rates.rates[k] else { continue };
            match years.iter_mut().find(|(y, _)| *y == rates.year) {
                Some((_, total)) => {
                    total.corrected += r.corrected;
                    total.decided += r.decided;
                }
                None => years.push((rates.year, r)),
            }
        }
        for (index, rates) in batch.iter().enumerate() {
            let Some(Rates { year, rates }) = rates else {
                continue;
            };
            let Some(rate) = rates[k].filter(|r| r.decided >= MIN_DECIDED) else {
                continue;
            };
            let Some(&(_, total)) = years.iter().find(|(y, _)| y == year) else {
                continue;
            };
            let others = Rate {
                corrected: total.corrected - rate.corrected,
                decided: total.decided - rate.decided,
            };
            if others.decided < MIN_OTHERS_DECIDED {
                continue;
            }
            // Rates compared as fractions: a/b ≥ FACTOR·c/d and a/b − c/d ≥ MIN_POINTS/100, with
            // one correction fewer than stated, so that a single case in a few does not decide.
            let a = u128::from(rate.corrected.saturating_sub(1));
            let b = u128::from(rate.decided);
            let (c, d) = (u128::from(others.corrected), u128::from(others.decided));
            let far = a * d >= u128::from(FACTOR) * c * b
                && 100 * (a * d) >= 100 * (c * b) + u128::from(MIN_POINTS) * b * d;
            if far {
                out.push(Outlier {
                    index,
                    kind,
                    rate,
                    others,
                });
            }
        }
    }
    out.sort_by_key(|o| o.index);
    out
}

/// The cells a finding names: the kind's 结果纠正 cells.
pub fn cells(kind: Kind) -> Vec<Place> {
    kind.groups()
        .iter()
        .map(|&g| appeal(g, Outcome::Corrected))
        .collect()
}

/// The note `report` gets for `outlier`, in `lang`.
pub fn diagnostic(report: &Report, outlier: &Outlier, lang: crate::Lang) -> crate::Diagnostic {
    let finding = crate::diagnostic::Finding::CorrectionRate {
        cells: cells(outlier.kind),
        kind: outlier.kind.zh(),
        corrected: outlier.rate.corrected,
        decided: outlier.rate.decided,
        others_corrected: outlier.others.corrected,
        others_decided: outlier.others.decided,
    };
    let mut diagnostic = crate::Diagnostic::of(
        (CORRECTION_CODE, "correction-rate", crate::Severity::Info),
        finding,
        report,
        lang,
        None,
    );
    diagnostic.mark();
    diagnostic
}

/// A percentage, rounded to a whole number.
pub fn percent(part: u64, whole: u64) -> u64 {
    (part * 100 + whole / 2).checked_div(whole).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rates(year: u16, review: Option<(u64, u64)>) -> Option<Rates> {
        Some(Rates {
            year,
            rates: [
                review.map(|(corrected, decided)| Rate { corrected, decided }),
                None,
            ],
        })
    }

    #[test]
    fn only_a_rate_far_above_the_others_of_its_year_is_noted() {
        let batch = [
            rates(2024, Some((1, 10))),
            rates(2024, Some((1, 10))),
            rates(2024, Some((0, 10))),
            // 3 of 5: 60 % (40 % with one fewer) against 4 of 34, about 12 %.
            rates(2024, Some((3, 5))),
            // 2 of 4: too few decided to judge.
            rates(2024, Some((2, 4))),
            // Another year's report is no baseline.
            rates(2023, Some((9, 10))),
            None,
        ];
        let found = correction_outliers(&batch);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].index, 3);
        assert_eq!(
            found[0].others,
            Rate {
                corrected: 4,
                decided: 34
            }
        );
    }

    #[test]
    fn a_rate_far_above_only_by_one_case_is_not_noted() {
        // 3 of 10 against 10 %: three times and 20 points as stated, but with one correction
        // fewer 20 %, only 10 points above.
        let mut batch = vec![rates(2024, Some((3, 10)))];
        batch.extend((0..4).map(|_| rates(2024, Some((1, 10)))));
        assert!(correction_outliers(&batch).is_empty());
    }
}
