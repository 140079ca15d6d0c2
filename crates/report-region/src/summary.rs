//! The region's tallies: how many reports passed, failed or could not be read, and which rules
//! found what.

use report_core::Severity;

use crate::Unit;

/// What the check of one unit's report came to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Verdict {
    /// No error and no warning.
    Passed,
    /// No error, but warnings.
    Warned,
    /// Errors.
    Failed,
    /// The file could not be read.
    Unreadable,
}

impl Verdict {
    /// Every verdict, from best to worst.
    pub const ALL: [Verdict; 4] = [
        Verdict::Passed,
        Verdict::Warned,
        Verdict::Failed,
        Verdict::Unreadable,
    ];

    /// The verdict on `unit`.
    pub fn of(unit: &Unit<'_>) -> Verdict {
        match &unit.outcome {
            Err(_) => Verdict::Unreadable,
            Ok(read) if !read.result.valid => Verdict::Failed,
            Ok(read) if read.result.counts.warnings > 0 => Verdict::Warned,
            Ok(_) => Verdict::Passed,
        }
    }

    /// Its name, in Chinese.
    pub const fn zh(self) -> &'static str {
        match self {
            Verdict::Passed => "通过",
            Verdict::Warned => "通过（有警告）",
            Verdict::Failed => "有错误",
            Verdict::Unreadable => "无法读取",
        }
    }

    /// A stable key, for the page's styles and filters.
    pub const fn key(self) -> &'static str {
        match self {
            Verdict::Passed => "passed",
            Verdict::Warned => "warned",
            Verdict::Failed => "failed",
            Verdict::Unreadable => "unreadable",
        }
    }
}

/// How many units came to each verdict.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Every unit.
    pub total: usize,
    /// Passed without warnings.
    pub passed: usize,
    /// Passed with warnings.
    pub warned: usize,
    /// With errors.
    pub failed: usize,
    /// Unreadable.
    pub unreadable: usize,
}

impl Tally {
    /// The tally of `units`.
    pub fn of(units: &[Unit<'_>]) -> Tally {
        let mut tally = Tally::default();
        for unit in units {
            tally.add(Verdict::of(unit));
        }
        tally
    }

    /// Counts one more unit.
    pub fn add(&mut self, verdict: Verdict) {
        self.total += 1;
        *self.count_mut(verdict) += 1;
    }

    /// How many came to `verdict`.
    pub fn count(&self, verdict: Verdict) -> usize {
        match verdict {
            Verdict::Passed => self.passed,
            Verdict::Warned => self.warned,
            Verdict::Failed => self.failed,
            Verdict::Unreadable => self.unreadable,
        }
    }

    fn count_mut(&mut self, verdict: Verdict) -> &mut usize {
        match verdict {
            Verdict::Passed => &mut self.passed,
            Verdict::Warned => &mut self.warned,
            Verdict::Failed => &mut self.failed,
            Verdict::Unreadable => &mut self.unreadable,
        }
    }
}

/// What one rule (or import problem, or batch comparison) found across the region.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleTally {
    /// The code, e.g. `H4`.
    pub code: &'static str,
    /// Its short Chinese title.
    pub title: &'static str,
    /// The most serious severity it was found at.
    pub severity: Severity,
    /// How many findings.
    pub findings: usize,
    /// How many units had at least one.
    pub units: usize,
}

/// Every code found in the region, the most widespread first (then by code).
pub fn by_rule(units: &[Unit<'_>]) -> Vec<RuleTally> {
    let mut out: Vec<RuleTally> = Vec::new();
    for unit in units {
        let Ok(read) = &unit.outcome else { continue };
        let mut seen: Vec<&str> = Vec::new();
        for d in &read.result.diagnostics {
            let at = match out.iter().position(|t| t.code == d.code) {
                Some(at) => at,
                None => {
                    out.push(RuleTally {
                        code: d.code,
                        title: report_core::message::code_title_zh(d.code).unwrap_or(d.code),
                        severity: d.severity,
                        findings: 0,
                        units: 0,
                    });
                    out.len() - 1
                }
            };
            let tally = &mut out[at];
            tally.findings += 1;
            tally.severity = tally.severity.min(d.severity);
            if !seen.contains(&d.code) {
                seen.push(d.code);
                tally.units += 1;
            }
        }
    }
    out.sort_by(|a, b| {
        (b.units, a.severity, code_order(a.code)).cmp(&(a.units, b.severity, code_order(b.code)))
    });
    out
}

/// Codes in their catalogue order: by letter, then by number (H2 before H10).
fn code_order(code: &str) -> (&str, u32) {
    let digits = code
        .find(|c: char| c.is_ascii_digit())
        .unwrap_or(code.len());
    (&code[..digits], code[digits..].parse().unwrap_or(0))
}

/// The codes of a unit's findings at `severity`, each once with its count (`H4×2 S1`), in the
/// order found.
pub fn codes(unit: &Unit<'_>, severity: Severity) -> String {
    match &unit.outcome {
        Ok(read) => report_core::message::codes(&read.result.diagnostics, severity),
        Err(_) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use report_core::{check, CheckOptions, Report};

    fn checked(json: &str) -> (Report, report_core::CheckResult) {
        let report = Report::from_json(json).unwrap();
        let result = check(&report, &CheckOptions::default());
        (report, result)
    }

    #[test]
    fn a_rule_found_twice_in_one_unit_counts_one_unit() {
        let (a, ra) = checked(
            r#"{"edition":"2021","year":2024,"agency":"甲",
            "appeals":{"review":{"upheld":1,"corrected":0,"other":0,"pending":0,"total":5},
                       "litigation_direct":{"upheld":1,"corrected":0,"other":0,"pending":0,"total":5}}}"#,
        );
        let (b, rb) = checked(r#"{"edition":"2021","year":2024,"agency":"乙"}"#);
        let units = [
            Unit::read("a.json", &a, &ra),
            Unit::read("b.json", &b, &rb),
            Unit::unreadable("c.pdf", "这是扫描件"),
        ];
        let h4 = by_rule(&units)
            .into_iter()
            .find(|t| t.code == "H4")
            .unwrap();
        assert_eq!((h4.findings, h4.units), (2, 1));
        assert!(codes(&units[0], Severity::Error)
            .split(' ')
            .any(|c| c == "H4×2"));
        let tally = Tally::of(&units);
        assert_eq!((tally.total, tally.failed, tally.unreadable), (3, 2, 1));
        assert_eq!(Verdict::of(&units[2]), Verdict::Unreadable);
    }
}
