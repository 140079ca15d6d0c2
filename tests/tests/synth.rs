//! The synthetic reports are what they claim: consistent ones pass every rule, and each chosen
//! error is found by its rule at the cell it was put in.

use nianbao_tests::synth::{consistent, with_defect, Defect};
use report_core::{check, CheckOptions, Report, Severity};

#[test]
fn consistent_reports_pass_every_rule_and_read_back() {
    for seed in 0..300 {
        let report = consistent(seed);
        let result = check(&report, &CheckOptions::default());
        let found: Vec<_> = result
            .diagnostics
            .iter()
            .filter(|d| d.severity != Severity::Info)
            .map(|d| format!("{} {}", d.code, d.message))
            .collect();
        assert!(found.is_empty(), "seed {seed}: {found:#?}");
        assert_eq!(Report::from_json(&report.to_json()).as_ref(), Ok(&report));
    }
}

#[test]
fn each_chosen_error_is_found_at_its_cell() {
    for seed in 0..100 {
        for defect in Defect::ALL {
            let (report, place) = with_defect(seed, defect);
            let result = check(&report, &CheckOptions::default());
            let hit = result.diagnostics.iter().find(|d| {
                d.code == defect.code()
                    && d.severity != Severity::Info
                    && place.is_none_or(|p| d.places.first() == Some(&p) || d.places.contains(&p))
            });
            assert!(
                hit.is_some(),
                "seed {seed}, {defect:?} at {place:?}: {:#?}",
                result.diagnostics
            );
        }
    }
}

#[test]
fn the_same_seed_gives_the_same_report() {
    assert_eq!(consistent(7), consistent(7));
    assert_ne!(consistent(7), consistent(8));
}
