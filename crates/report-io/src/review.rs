//! Reading a document and checking it, in one step and one way for every front end: the
//! importer's diagnostics come first, then the rules', each rule diagnostic pointing back to the
//! place in the document its first cell (for the prose, its paragraph) was read from; what the
//! document could not give counts against the report as much as a broken rule.

use std::collections::BTreeMap;

use report_core::{check, CheckOptions, CheckResult, Counts, Diagnostic, Report, Source};

use crate::import::{import, ImportError, Imported};

/// Checks an imported report: the rules' findings after the importer's, counted together.
pub fn check_imported(imported: &Imported, options: &CheckOptions<'_>) -> CheckResult {
    check_read(
        &imported.report,
        &imported.diagnostics,
        &imported.sources,
        options,
    )
}

/// Checks `report`, read with the diagnostics `import` and the cell sources `sources` (both
/// empty for report JSON): what [`check_imported`] does, for a caller that keeps the parts.
pub fn check_read(
    report: &Report,
    import: &[Diagnostic],
    sources: &BTreeMap<String, Source>,
    options: &CheckOptions<'_>,
) -> CheckResult {
    let checked = check(report, options);
    let mut diagnostics = import.to_vec();
    diagnostics.extend(checked.diagnostics.into_iter().map(|mut d| {
        // A finding about the prose points to its paragraph, one about cells to its first cell.
        let place = match d.passage() {
            Some((field, _)) => Some(field.pointer()),
            None => d.cells.first().map(String::as_str),
        };
        d.source = place.and_then(|p| sources.get(p)).copied();
        d
    }));
    let counts = Counts::of(&diagnostics);
    CheckResult {
        valid: counts.errors == 0,
        counts,
        diagnostics,
    }
}

/// Reads a document in any format [`import`] reads and checks it.
pub fn check_document(
    bytes: &[u8],
    options: &CheckOptions<'_>,
) -> Result<(Imported, CheckResult), ImportError> {
    let imported = import(bytes)?;
    let result = check_imported(&imported, options);
    Ok((imported, result))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn import_errors_count_and_rule_findings_point_into_the_document() {
        let text = "某某局2024年政府信息公开工作年度报告\n\
            四、政府信息公开行政复议、行政诉讼情况\n\
            结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计\n\
            10   1   0   0   0   0   0   0   0   0   0   0   0   0   0\n";
        let (imported, result) =
            check_document(text.as_bytes(), &CheckOptions::default()).expect("a report");
        let h4 = result
            .diagnostics
            .iter()
            .find(|d| d.code == "H4")
            .expect("行政复议 总计 is wrong");
        assert_eq!(h4.cells[0], "/appeals/review/total");
        assert_eq!(h4.marks[0], "/appeals/review/total");
        assert!(h4.source.is_some_and(|s| s.line == Some(4)), "{h4:?}");
        // The report lacks 表二 and 表三 (I1, errors), which count like rule errors.
        let import_errors = imported
            .diagnostics
            .iter()
            .filter(|d| d.severity == report_core::Severity::Error)
            .count();
        assert!(import_errors >= 1);
        assert_eq!(
            result.counts.errors,
            import_errors
                + result
                    .diagnostics
                    .iter()
                    .filter(|d| d.import_problem().is_none())
                    .filter(|d| d.severity == report_core::Severity::Error)
                    .count()
        );
        assert!(!result.valid);
    }
}
