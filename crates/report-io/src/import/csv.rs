//! The tidy CSV that the CSV export writes: one row per cell, after rows for the metadata and
//! the prose. Every value keeps its row and column in the file as its source.

use std::collections::BTreeMap;

use report_core::layout::{AppealGroup, Applicant, Edition, Outcome, ProactiveItem, RequestRow};
use report_core::{Cell, Date, Place, ProseField, Report};

use super::{Format, ImportError, Imported};
use crate::blocks::Source;
use report_core::{Diagnostic, ImportProblem};

pub(crate) fn import(text: &str) -> Result<Imported, ImportError> {
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records: Vec<(usize, Vec<String>)> = Vec::new();
    for (i, record) in reader.records().enumerate() {
        match record {
            Ok(r) => records.push((i + 2, r.iter().map(str::to_owned).collect())),
            Err(_) => return Err(ImportError::NotAReport),
        }
    }
    let field = |r: &[String], i: usize| r.get(i).cloned().unwrap_or_default();
    let meta = |key: &str| {
        records
            .iter()
            .find(|(_, r)| field(r, 0) == "report" && field(r, 1) == key)
            .map(|(_, r)| field(r, 5))
    };
    let edition = meta("edition")
        .and_then(|e| Edition::from_key(&e))
        .unwrap_or(Edition::V2021);
    let year = meta("year").and_then(|y| y.parse().ok()).unwrap_or(0);
    let mut report = Report::blank(edition, year, meta("agency").unwrap_or_default());
    report.proactive = Default::default();
    report.requests = Default::default();
    report.appeals = Default::default();
    report.published = meta("published").and_then(|d| Date::parse(&d));
    let mut diagnostics = Vec::new();
    let mut sources = BTreeMap::new();
    for (line, r) in &records {
        let source = Source::line(*line);
        let (table, row, col, value) = (field(r, 0), field(r, 1), field(r, 3), field(r, 5));
        if table == "prose" {
            let pointer = format!("/{}", row.replace('.', "/"));
            if let Some(f) = ProseField::ALL.into_iter().find(|f| f.pointer() == pointer) {
                *report.prose_mut(f) = Some(value);
            }
            continue;
        }
        let place = match table.as_str() {
            "proactive" => ProactiveItem::from_key(&row)
                .and_then(|i| Some(Place::Proactive(i, Some(i.column_by_key(&col)?)))),
            "requests" => RequestRow::from_key(&row)
                .zip(Applicant::from_key(&col))
                .map(|(r, c)| Place::Requests(r, Some(c))),
            "appeals" => AppealGroup::from_key(&row)
                .zip(Outcome::from_key(&col))
                .map(|(g, o)| Place::Appeals(g, Some(o))),
            "report" => continue,
            _ => None,
        };
        let Some(place) = place else {
            diagnostics.push(
                Diagnostic::import(
                    ImportProblem::UnrecognisedRow,
                    format!("“{table},{row},{col}”不是年度报告的单元格，未导入"),
                )
                .at(source),
            );
            continue;
        };
        let cell = Cell::parse(
            place.kind().unwrap_or(report_core::layout::CellKind::Count),
            &value,
        );
        if report.set_cell(place, cell) {
            sources.insert(place.pointer(), source.column(6));
        }
    }
    Ok(Imported {
        report,
        diagnostics,
        format: Format::Csv,
        sources,
    })
}
