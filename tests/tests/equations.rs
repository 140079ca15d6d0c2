//! The equations of the format, evaluated one by one, agree with what the arithmetic rules
//! report: an equation is broken exactly when its rule names it, and unverifiable exactly when its
//! rule lists it as such. Computed totals make every equation that defines them hold.

use std::collections::BTreeSet;

use nianbao_tests::synth::{consistent, with_defect, Defect};
use nianbao_tests::{truth, truth_names};
use report_core::equation::{cross_year_equations, table_equations, Equation, Evaluation};
use report_core::{check, totals, CheckOptions, Finding, Report};

/// The equations `check` reports as broken and as unverifiable.
fn reported(
    report: &Report,
    previous: Option<&Report>,
) -> (BTreeSet<Equation>, BTreeSet<Equation>) {
    let result = check(
        report,
        &CheckOptions {
            previous,
            ..Default::default()
        },
    );
    let mut broken = BTreeSet::new();
    let mut incomplete = BTreeSet::new();
    for d in &result.diagnostics {
        match &d.finding {
            Finding::Imbalance { equation, .. } => {
                broken.insert(*equation);
            }
            Finding::Incomplete { equations, .. } => incomplete.extend(equations.iter().copied()),
            _ => {}
        }
    }
    (broken, incomplete)
}

/// The equations found broken and unverifiable by evaluating each one.
fn evaluated(
    report: &Report,
    previous: Option<&Report>,
) -> (BTreeSet<Equation>, BTreeSet<Equation>) {
    let mut equations = table_equations(report);
    if previous.is_some() {
        equations.extend(cross_year_equations());
    }
    let mut broken = BTreeSet::new();
    let mut incomplete = BTreeSet::new();
    for e in equations {
        match e.evaluate(report, previous) {
            Some(Evaluation::Broken { .. }) => {
                broken.insert(e);
            }
            Some(Evaluation::Incomplete) => {
                incomplete.insert(e);
            }
            _ => {}
        }
    }
    (broken, incomplete)
}

/// Compares the two, leaving out what the rules deliberately skip (S2 does not report the
/// stock counts it cannot verify; H7 and S2 need last year's report of the year before).
fn agree(name: &str, report: &Report, previous: Option<&Report>) {
    let (rule_broken, rule_incomplete) = reported(report, previous);
    let (mut broken, mut incomplete) = evaluated(report, previous);
    incomplete.retain(|e| !matches!(e, Equation::InForce(_)));
    if let Some(previous) = previous {
        if previous.year != report.year.saturating_sub(1) {
            broken.retain(|e| !e.is_cross_year());
            incomplete.retain(|e| !e.is_cross_year());
        }
        if previous.edition != report.edition {
            broken.retain(|e| !matches!(e, Equation::InForce(_)));
        }
    }
    assert_eq!(rule_broken, broken, "{name}: broken equations");
    assert_eq!(
        rule_incomplete, incomplete,
        "{name}: unverifiable equations"
    );
}

#[test]
fn every_equation_agrees_with_its_rule_on_the_published_reports() {
    let names = truth_names();
    assert!(names.len() >= 7);
    let mut broken_seen = 0;
    for name in &names {
        let report = truth(name);
        agree(name, &report, None);
        broken_seen += evaluated(&report, None).0.len();
    }
    // The published errors include broken equations (洪泽区 2023's 表四), so the comparison is
    // not between two empty sets.
    assert!(broken_seen >= 2, "{broken_seen}");
}

#[test]
fn every_equation_agrees_with_its_rule_across_years() {
    let last = truth("2021-pingtan-zone-admin-committee");
    let this = truth("2022-pingtan-zone-admin-committee");
    agree("平潭 2022 against 2021", &this, Some(&last));
    let mut changed = this.clone();
    let place = report_core::place::req(
        report_core::RequestRow::CarriedOver,
        report_core::Applicant::NaturalPerson,
    );
    let n = changed.cell(place).and_then(|c| c.count()).unwrap_or(0);
    changed.set_cell(place, report_core::Cell::Count(n + 1));
    let (broken, _) = evaluated(&changed, Some(&last));
    assert!(broken.contains(&Equation::CarryOver(report_core::Applicant::NaturalPerson)));
    agree("平潭 2022 with a changed carry-over", &changed, Some(&last));
}

#[test]
fn every_equation_agrees_with_its_rule_on_generated_reports() {
    for seed in 0..60 {
        let report = consistent(seed);
        let (broken, _) = evaluated(&report, None);
        assert!(broken.is_empty(), "seed {seed}: {broken:?}");
        agree(&format!("consistent {seed}"), &report, None);
        for defect in [
            Defect::RowTotal,
            Defect::ResultsTotal,
            Defect::CarriedForward,
            Defect::AppealTotal,
            Defect::Blank,
            Defect::NotANumber,
        ] {
            let (report, _) = with_defect(seed, defect);
            agree(&format!("seed {seed} {defect:?}"), &report, None);
        }
    }
}

#[test]
fn computed_totals_satisfy_the_equations_that_define_them() {
    for seed in 0..20 {
        let (mut report, _) = with_defect(seed, Defect::RowTotal);
        totals::fill(&mut report);
        for e in table_equations(&report) {
            if e.computed_total().is_some() {
                assert_eq!(
                    e.evaluate(&report, None),
                    Some(Evaluation::Holds),
                    "seed {seed}: {e:?}"
                );
            }
        }
        assert_eq!(
            totals::computed_cells(&report).len(),
            table_equations(&report)
                .iter()
                .filter(|e| e.computed_total().is_some())
                .count()
        );
    }
}
