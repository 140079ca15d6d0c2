//! From blocks to a report: the title, the six sections, the prose and the three tables, each
//! in a module of its own; this one finds the sections and puts the report together.
//!
//! Labels are matched against the official layout of `report-core` with a similarity measure,
//! so variants ("1、", half-width brackets), typos and labels broken over lines still find their
//! row. 表三's rows are matched in order (an alignment, as for two sequences), so that a row whose
//! label is lost or damaged still lands between its neighbours.

mod appeals;
mod proactive;
mod prose;
mod requests;
mod rows;
mod title;

use std::collections::BTreeMap;

use report_core::layout::Section;
use report_core::{Cell, Diagnostic, ImportProblem, Place, ProseField, Report, TableId};

use crate::blocks::{Block, Source};
use crate::import::{Format, Imported};
use crate::text::normalise;

use appeals::read_appeals;
use proactive::read_proactive;
use prose::{preface, prose, read_overview};
use requests::read_requests;

use title::{detect_edition, title};

/// The section a heading starts, and whether it is printed as the format prints it.
pub(crate) fn heading(text: &str) -> Option<(u8, bool)> {
    let norm = normalise(text);
    if norm.chars().count() > 40 {
        return None;
    }
    let mut chars = norm.chars();
    let numeral = chars.next()?;
    if chars.next()? != '、' {
        return None;
    }
    let section = Section::from_numeral(numeral)?;
    if !section.def().words.iter().any(|w| norm.contains(w)) {
        return None;
    }
    let canonical = section
        .printed_forms()
        .any(|f| norm.trim_end_matches(['。', '：']) == normalise(f));
    let number = section.number();
    Some((number, canonical))
}

struct Reader {
    /// Whether a cell's position in its row is a column of the document (not for PDF text,
    /// whose rows gather label fragments from several lines).
    columns: bool,
    report: Report,
    diagnostics: Vec<Diagnostic>,
    sources: BTreeMap<String, Source>,
    /// Last year's report, where the caller has it: it settles splits the text cannot.
    previous: Option<Report>,
    /// Rows whose run-together numbers were split one way of several: their cells, the run and
    /// where it was read.
    inferred: Vec<(Vec<Place>, String, Source)>,
    /// Rows of a PDF that printed fewer numbers than columns, each number put in the column it
    /// is aligned with: their cells and where they were read.
    positioned: Vec<(Vec<Place>, Source)>,
}

impl Reader {
    fn diagnose(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    /// Notes a row of printed text (a PDF's) whose blank cells were placed by the numbers'
    /// alignment with the header: a blank among its numbers can come from nothing else there.
    fn note_positioned(&mut self, places: &[Place], texts: &[&str], source: Source) {
        let blanks = texts.iter().filter(|t| t.trim().is_empty()).count();
        if !self.columns && blanks > 0 && blanks < texts.len() {
            self.positioned.push((places.to_vec(), source));
        }
    }

    fn set(&mut self, place: Place, cell: Cell, mut source: Source) {
        if !self.columns {
            source.column = None;
        }
        if self.report.set_cell(place, cell) {
            self.sources.insert(place.pointer(), source);
        }
    }
}

/// Interprets the blocks of a document; `None` when nothing of a report is in them.
pub(crate) fn interpret(blocks: &[Block], format: Format) -> Option<Imported> {
    interpret_with(blocks, format, None)
}

/// [`interpret`], with last year's report to settle what the text cannot.
pub(crate) fn interpret_with(
    blocks: &[Block],
    format: Format,
    previous: Option<&Report>,
) -> Option<Imported> {
    // Split into the part before 一 and the six sections.
    let mut preamble: Vec<&Block> = Vec::new();
    let mut sections: BTreeMap<u8, Vec<&Block>> = BTreeMap::new();
    let mut current = 0u8;
    let mut diagnostics = Vec::new();
    for block in blocks {
        if let Block::Para { text, source } = block {
            if let Some((number, canonical)) = heading(text) {
                if number > current {
                    current = number;
                    sections.entry(number).or_default();
                    if !canonical {
                        diagnostics.push(
                            Diagnostic::import(
                                ImportProblem::HeadingVariant,
                                format!(
                                    "标题“{}”与格式的写法不同，已按第{}部分读取",
                                    text.trim(),
                                    Section::from_number(number).map_or('？', |s| s.def().numeral)
                                ),
                            )
                            .at(*source),
                        );
                    }
                    continue;
                }
            }
        }
        if current == 0 {
            preamble.push(block);
        } else {
            sections.entry(current).or_default().push(block);
        }
    }
    let all: Vec<&Block> = blocks.iter().collect();
    let has_rows = blocks.iter().any(|b| matches!(b, Block::Row { .. }));
    if sections.is_empty() && !has_rows {
        return None;
    }

    let (year, agency, published) = title(&preamble, &all);
    let edition = detect_edition(blocks, year);
    let mut reader = Reader {
        columns: !matches!(
            format,
            Format::PdfLayout | Format::RunTogether | Format::CellLines
        ),
        report: Report::blank(
            edition,
            year.unwrap_or(0),
            agency.clone().unwrap_or_default(),
        ),
        diagnostics,
        sources: BTreeMap::new(),
        previous: previous.cloned(),
        inferred: Vec::new(),
        positioned: Vec::new(),
    };
    // Rows are added as they are read: a row the document lacks stays absent (rule H8).
    reader.report.proactive = Default::default();
    reader.report.requests = Default::default();
    reader.report.appeals = Default::default();
    reader.report.published = published;
    if year.is_none() || agency.is_none() {
        let missing = match (year, agency) {
            (None, None) => "报告年度和发布机关",
            (None, Some(_)) => "报告年度",
            _ => "发布机关",
        };
        reader.diagnose(Diagnostic::import(
            ImportProblem::MissingTitle,
            format!("没有在标题中找到{missing}（应为“某某机关 2024 年政府信息公开工作年度报告”），请在导入后补填"),
        ));
    }

    for expected in Section::ALL {
        if !sections.contains_key(&expected.number()) && !sections.is_empty() {
            reader.diagnose(Diagnostic::import(
                ImportProblem::MissingHeading,
                format!("没有找到标题“{}”", expected.heading(edition)),
            ));
        }
    }

    let section = |n: u8| -> Vec<&Block> {
        if sections.is_empty() {
            all.clone()
        } else {
            sections.get(&n).cloned().unwrap_or_default()
        }
    };
    if let Some((text, source)) = preface(&preamble).filter(|_| !sections.is_empty()) {
        reader.report.preface = Some(text);
        reader
            .sources
            .insert(ProseField::Preface.pointer().to_owned(), source);
    }
    read_overview(&mut reader.report, &section(1));
    reader.report.problems = prose(&section(5));
    reader.report.other_matters = prose(&section(6));

    // Where each field of prose starts: the paragraph its first line was read from.
    for field in ProseField::ALL {
        let Some(first) = reader.report.prose(field).and_then(|t| t.lines().next()) else {
            continue;
        };
        let first = first.trim();
        if let Some(source) = blocks.iter().find_map(|b| match b {
            Block::Para { text, source } if text.trim() == first => Some(*source),
            _ => None,
        }) {
            reader
                .sources
                .entry(field.pointer().to_owned())
                .or_insert(source);
        }
    }

    read_proactive(&mut reader, &section(2));
    read_requests(&mut reader, &section(3), format);
    read_appeals(&mut reader, &section(4));
    note_inferred(&mut reader);
    let present: Vec<TableId> = reader.report.tables_present().collect();
    for table in TableId::ALL {
        if !present.contains(&table) {
            reader.diagnose(
                Diagnostic::import(
                    ImportProblem::MissingTable,
                    format!("没有找到{}（{}）", table.short_name(), table.heading()),
                )
                .with_pointers(vec![format!("/{}", table.key())]),
            );
        }
    }
    Some(Imported {
        report: reader.report,
        diagnostics: reader.diagnostics,
        format,
        sources: reader.sources,
    })
}

/// One note a table for the cells split from run-together numbers by inference (I9), naming
/// each of them, so that every front end can show which cells to compare with the original.
/// Cells last year's report settled are named by their own note (I8) instead.
fn note_inferred(reader: &mut Reader) {
    let settled: Vec<Place> = reader
        .diagnostics
        .iter()
        .filter(|d| d.code == ImportProblem::SettledByPrevious.code())
        .flat_map(|d| d.places.clone())
        .collect();
    let edition = reader.report.edition;
    for table in TableId::ALL {
        let rows: Vec<&(Vec<Place>, String, Source)> = reader
            .inferred
            .iter()
            .filter(|(places, _, _)| places.first().and_then(Place::table) == Some(table))
            .filter(|(places, _, _)| !places.iter().all(|p| settled.contains(p)))
            .collect();
        let Some((_, first_run, source)) = rows.first() else {
            continue;
        };
        let places: Vec<Place> = rows.iter().flat_map(|(p, _, _)| p.clone()).collect();
        // 表四 is one row of fifteen cells: the table names it.
        let names: Vec<String> = rows
            .iter()
            .filter(|_| table != TableId::Appeals)
            .take(3)
            .filter_map(|(p, _, _)| p.first())
            .map(|p| {
                let row = match *p {
                    Place::Proactive(item, _) => Place::Proactive(item, None),
                    Place::Requests(row, _) => Place::Requests(row, None),
                    Place::Appeals(group, _) => Place::Appeals(group, None),
                    other => other,
                };
                let name = row.describe_zh(edition);
                name.trim_start_matches(table.short_name()).to_owned()
            })
            .collect();
        let more = if rows.len() > 3 {
            format!("等 {} 行", rows.len())
        } else {
            String::new()
        };
        let message = format!(
            "{}{}{}的数字连在一起（如“{first_run}”），有多种拆法，已按表格的勾稽关系和正文所述数字选定唯一一种；这些单元格是推断所得，请对照原文核对。",
            table.short_name(),
            names.join("、"),
            more
        );
        let diagnostic = Diagnostic::import(ImportProblem::Inferred, message)
            .with_places(places)
            .at(*source);
        reader.diagnose(diagnostic);
    }
    for table in TableId::ALL {
        let rows: Vec<&(Vec<Place>, Source)> = reader
            .positioned
            .iter()
            .filter(|(places, _)| places.first().and_then(Place::table) == Some(table))
            .collect();
        let Some((_, source)) = rows.first() else {
            continue;
        };
        let places: Vec<Place> = rows.iter().flat_map(|(p, _)| p.clone()).collect();
        let message = format!(
            "{}有 {} 行印出的数字少于栏数，已按每个数字与表头各栏的对齐位置放入，其余栏为空白；这些单元格是按位置判断的，请对照原文核对。",
            table.short_name(),
            rows.len()
        );
        let diagnostic = Diagnostic::import(ImportProblem::Inferred, message)
            .with_places(places)
            .at(*source);
        reader.diagnose(diagnostic);
    }
}

// ---------------------------------------------------------------------------------------------
// Title, edition, prose
// ---------------------------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_are_told_from_row_labels() {
        assert_eq!(heading("一、总体情况"), Some((1, true)));
        assert_eq!(
            heading("   四、政府信息公开行政法复议、行政诉讼情况"),
            Some((4, false))
        );
        assert_eq!(heading("一、本年新收政府信息公开申请数量"), None);
        assert_eq!(heading("四、结转下年度继续办理"), None);
        assert_eq!(heading("五、存在问题及改进情况"), Some((5, false)));
    }
}
