//! From blocks to a report: the title, the six sections, the prose and the three tables.
//!
//! Labels are matched against the official layout of `report-core` with a similarity measure,
//! so variants ("1、", half-width brackets), typos and labels broken over lines still find their
//! row. 表三's rows are matched in order (an alignment, as for two sequences), so that a row whose
//! label is lost or damaged still lands between its neighbours.

use std::collections::{BTreeMap, BTreeSet};

use report_core::equation::{table_equations, Equation};
use report_core::layout::{
    edition_marks, AppealGroup, Applicant, CellKind, Edition, Outcome, ProactiveColumn,
    ProactiveItem, RequestRow, Section,
};
use report_core::{Cell, Date, Place, ProseField, Report, TableId};

use super::split::{as_counts, splits};
use super::{Format, Imported};
use crate::blocks::{Block, Source};
use crate::text::{is_value, is_value_cell, normalise, similarity, strip_numbering};
use report_core::{Diagnostic, ImportProblem};

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
}

impl Reader {
    fn diagnose(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
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
        columns: !matches!(format, Format::PdfLayout | Format::RunTogether),
        report: Report::blank(
            edition,
            year.unwrap_or(0),
            agency.clone().unwrap_or_default(),
        ),
        diagnostics,
        sources: BTreeMap::new(),
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
    read_overview(&mut reader.report, &section(1));
    reader.report.problems = prose(&section(5));
    reader.report.other_matters = prose(&section(6));

    read_proactive(&mut reader, &section(2));
    read_requests(&mut reader, &section(3), format);
    read_appeals(&mut reader, &section(4));
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

// ---------------------------------------------------------------------------------------------
// Title, edition, prose
// ---------------------------------------------------------------------------------------------

fn title(preamble: &[&Block], all: &[&Block]) -> (Option<u16>, Option<String>, Option<Date>) {
    let paragraphs: Vec<String> = preamble
        .iter()
        .chain(all.iter().take(30))
        .filter_map(|b| match b {
            Block::Para { text, .. } => Some(text.trim().to_owned()),
            Block::Row { .. } => None,
        })
        .collect();
    let mut published = None;
    for p in &paragraphs {
        if p.contains("发布日期") || p.contains("发布时间") || p.contains("成文日期") {
            published = find_date(p);
            if published.is_some() {
                break;
            }
        }
    }
    // A long title wraps: try each line alone, then with the next.
    let candidates = (0..paragraphs.len()).flat_map(|i| {
        let joined = paragraphs
            .get(i + 1)
            .map(|next| format!("{}{next}", paragraphs[i]));
        std::iter::once((i, paragraphs[i].clone())).chain(joined.map(|j| (i, j)))
    });
    for (i, p) in candidates {
        let norm: String = p.chars().filter(|c| !c.is_whitespace()).collect();
        if !(norm.contains("年度报告") || norm.contains("年报")) || !norm.contains("政府信息公开")
        {
            continue;
        }
        let norm = norm
            .trim_start_matches("标题")
            .trim_start_matches([':', '：'])
            .to_owned();
        let Some((at, year)) = find_year(&norm) else {
            continue;
        };
        let before = norm[..at].trim().to_owned();
        let after = &norm[at + 4 + '年'.len_utf8()..];
        let after = after.trim_start_matches('度');
        let agency = if !before.is_empty() {
            Some(before)
        } else if let Some(p) = after.find("政府信息公开").filter(|&p| p > 0) {
            Some(after[..p].to_owned())
        } else if i > 0 && paragraphs[i - 1].chars().count() <= 30 {
            Some(paragraphs[i - 1].trim().to_owned())
        } else {
            None
        };
        return (Some(year), agency.filter(|a| !a.is_empty()), published);
    }
    (None, None, published)
}

/// The first "YYYY年" in a text: its byte offset and the year.
fn find_year(text: &str) -> Option<(usize, u16)> {
    let bytes = text.as_bytes();
    (0..bytes.len().saturating_sub(3)).find_map(|i| {
        let digits = bytes.get(i..i + 4)?;
        let is_year = digits.iter().all(u8::is_ascii_digit)
            && (i == 0 || !bytes[i - 1].is_ascii_digit())
            && text.get(i + 4..)?.starts_with('年');
        is_year.then(|| {
            std::str::from_utf8(digits)
                .ok()?
                .parse()
                .ok()
                .map(|y| (i, y))
        })?
    })
}

fn find_date(text: &str) -> Option<Date> {
    let chars: Vec<char> = text.chars().collect();
    (0..chars.len()).find_map(|i| {
        let candidate: String = chars.get(i..i + 10)?.iter().collect();
        Date::parse(&candidate).filter(|_| candidate.as_bytes()[4] == b'-')
    })
}

fn detect_edition(blocks: &[Block], year: Option<u16>) -> Edition {
    let text: String = blocks
        .iter()
        .map(Block::text)
        .collect::<Vec<_>>()
        .join("\n");
    let text = normalise(&text);
    let count = |edition| {
        edition_marks(edition)
            .into_iter()
            .filter(|m| text.contains(&normalise(m)))
            .count()
    };
    let (marks_2019, marks_2021) = (count(Edition::V2019), count(Edition::V2021));
    if marks_2019 > marks_2021 {
        Edition::V2019
    } else if marks_2021 > marks_2019 {
        Edition::V2021
    } else {
        year.and_then(Edition::for_year).unwrap_or(Edition::V2021)
    }
}

/// The placeholders of the official template, which are not a report's text.
const TEMPLATE_PLACEHOLDERS: [&str; 2] = [
    "（文字描述）",
    "（文字描述，收取信息处理费情况在此处报告。）",
];

fn paragraphs(blocks: &[&Block]) -> Vec<String> {
    blocks
        .iter()
        .filter_map(|b| match b {
            Block::Para { text, .. } if !text.trim().is_empty() => Some(text.trim().to_owned()),
            _ => None,
        })
        .filter(|p| {
            !TEMPLATE_PLACEHOLDERS
                .iter()
                .any(|t| normalise(t) == normalise(p))
        })
        .collect()
}

fn prose(blocks: &[&Block]) -> Option<String> {
    let text = paragraphs(blocks).join("\n");
    (!text.is_empty()).then_some(text)
}

fn read_overview(report: &mut Report, blocks: &[&Block]) {
    const FIELDS: [ProseField; 5] = [
        ProseField::ProactiveDisclosure,
        ProseField::DisclosureOnRequest,
        ProseField::InformationManagement,
        ProseField::Platforms,
        ProseField::Oversight,
    ];
    let mut parts: BTreeMap<ProseField, Vec<String>> = BTreeMap::new();
    let mut field = ProseField::Summary;
    for p in paragraphs(blocks) {
        let norm = normalise(&p);
        let sub = ["（一）", "（二）", "（三）", "（四）", "（五）"]
            .iter()
            .position(|h| norm.starts_with(h));
        if let Some(i) = sub {
            field = FIELDS[i];
            // A heading on its own line is the format's, not the report's text.
            if norm.chars().count() <= 20 && !norm.contains('。') {
                parts.entry(field).or_default();
                continue;
            }
        }
        parts.entry(field).or_default().push(p);
    }
    for (field, lines) in parts {
        let text = (!lines.is_empty()).then(|| lines.join("\n"));
        if matches!(field, ProseField::Problems | ProseField::OtherMatters) {
            continue;
        }
        let slot = report.prose_mut(field);
        *slot = text;
    }
}

// ---------------------------------------------------------------------------------------------
// Rows: telling labels from values
// ---------------------------------------------------------------------------------------------

/// A table row as read: its label and its values.
struct RowRead {
    /// All label text of the row, joined.
    label: String,
    /// The innermost label (the last label cell).
    last_label: String,
    /// Both labels as compared (see [`label_key`]), computed once.
    keys: (String, String),
    values: Values,
    source: Source,
}

impl RowRead {
    fn new(label: String, last_label: String, values: Values, source: Source) -> RowRead {
        let keys = (label_key(&label), label_key(&last_label));
        RowRead {
            label,
            last_label,
            keys,
            values,
            source,
        }
    }
}

enum Values {
    /// Values in separate cells, with their (0-based) column in the row.
    Cells(Vec<(String, usize)>),
    /// Digits run together.
    Run(String),
    /// The values spread over more cells than the row has: unreadable.
    Spread(usize),
}

/// The most common number of cells among `rows`.
fn common_width(rows: &[&Block]) -> usize {
    let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
    for b in rows {
        if let Block::Row {
            cells,
            run_together: false,
            ..
        } = b
        {
            if cells.iter().any(|c| is_value(c)) {
                *counts.entry(cells.len()).or_default() += 1;
            }
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(width, n)| (n, width))
        .map_or(0, |(w, _)| w)
}

/// Splits a row into its label and `n` values. The values are a window of `n` consecutive cells
/// after the last label cell that holds every value cell; where several windows do, the one the
/// table's other rows use (ending at `width`) wins, so blank cells keep their column.
fn read_row(block: &Block, n: usize, width: usize) -> Option<RowRead> {
    let Block::Row {
        cells,
        source,
        run_together,
    } = block
    else {
        return None;
    };
    if *run_together {
        let label = cells.first().cloned().unwrap_or_default();
        let run = cells.get(1..).map(|r| r.join(" ")).unwrap_or_default();
        return Some(RowRead::new(
            label.clone(),
            label,
            Values::Run(run),
            *source,
        ));
    }
    let labels: Vec<usize> = (0..cells.len())
        .filter(|&i| !cells[i].trim().is_empty() && !is_value_cell(&cells[i]))
        .collect();
    let values: Vec<usize> = (0..cells.len())
        .filter(|&i| is_value_cell(&cells[i]))
        .collect();
    let label_end = labels.last().map_or(0, |&i| i + 1);
    let label: Vec<&str> = labels.iter().map(|&i| cells[i].trim()).collect();
    let last_label = label.last().map(|s| (*s).to_owned()).unwrap_or_default();
    let label = label.join("");
    let values_after: Vec<usize> = values.iter().copied().filter(|&i| i >= label_end).collect();
    if values_after.len() != values.len() {
        // A number before the label: not a data row of the expected shape.
        return Some(RowRead::new(
            label,
            last_label,
            Values::Spread(values.len()),
            *source,
        ));
    }
    let preferred = width.saturating_sub(n).max(label_end);
    let start = match (values.first(), values.last()) {
        (Some(&first), Some(&last)) => {
            let lo = label_end.max((last + 1).saturating_sub(n));
            let hi = first;
            if lo > hi {
                return Some(RowRead::new(
                    label,
                    last_label,
                    Values::Spread(values.len()),
                    *source,
                ));
            }
            preferred.clamp(lo, hi)
        }
        _ => preferred,
    };
    let window = (start..start + n)
        .map(|i| {
            (
                cells
                    .get(i)
                    .map(|c| c.trim().to_owned())
                    .unwrap_or_default(),
                i,
            )
        })
        .collect();
    Some(RowRead::new(
        label,
        last_label,
        Values::Cells(window),
        *source,
    ))
}

/// How well a row's label fits a layout label.
fn fit(row: &RowRead, label: &str) -> f64 {
    let target = label_key(label);
    similarity(&row.keys.0, &target).max(similarity(&row.keys.1, &target))
}

/// A label as compared: normalised, numbering removed.
fn label_key(label: &str) -> String {
    let norm = normalise(strip_numbering(label));
    strip_numbering(&norm).to_owned()
}

// ---------------------------------------------------------------------------------------------
// 表二
// ---------------------------------------------------------------------------------------------

fn read_proactive(reader: &mut Reader, blocks: &[&Block]) {
    let edition = reader.report.edition;
    let width = common_width(blocks);
    let mut runs: Vec<(ProactiveItem, String, Source)> = Vec::new();
    for block in blocks {
        let Some(row) = read_row(block, 1, width) else {
            continue;
        };
        let norm_label = normalise(&row.last_label);
        // An exact label first ("规范性文件" is inside "行政规范性文件"), then the closest.
        let item = ProactiveItem::in_edition(edition)
            .find(|i| normalise(i.def().labels.any(edition)) == norm_label)
            .or_else(|| {
                ProactiveItem::in_edition(edition)
                    .map(|i| (i, fit(&row, i.def().labels.any(edition))))
                    .filter(|&(_, score)| score >= 0.6)
                    .max_by(|a, b| a.1.total_cmp(&b.1))
                    .map(|(i, _)| i)
            });
        let Some(item) = item else {
            continue;
        };
        let columns: Vec<ProactiveColumn> = item.columns_in(edition).collect();
        let Block::Row {
            cells,
            run_together,
            ..
        } = block
        else {
            continue;
        };
        if *run_together {
            if let Values::Run(run) = row.values {
                runs.push((item, run, row.source));
            }
            continue;
        }
        // 表二 values follow the label: the first cells after it, whatever the grid's width.
        let label_at = cells
            .iter()
            .rposition(|c| !c.trim().is_empty() && !is_value(c))
            .unwrap_or(0);
        reader.report.proactive.insert_row(item, edition);
        for (k, &col) in columns.iter().enumerate() {
            let i = label_at + 1 + k;
            let text = cells.get(i).map(String::as_str).unwrap_or_default();
            let place = Place::Proactive(item, Some(col));
            reader.set(
                place,
                Cell::parse(col.def().kind, text),
                row.source.column(i + 1),
            );
        }
    }
    resolve_proactive_runs(reader, runs);
}

fn resolve_proactive_runs(reader: &mut Reader, runs: Vec<(ProactiveItem, String, Source)>) {
    let edition = reader.report.edition;
    let stated = stated_document_counts(&reader.report);
    for (item, run, source) in runs {
        let columns: Vec<ProactiveColumn> = item.columns_in(edition).collect();
        reader.report.proactive.insert_row(item, edition);
        let Some(mut options) = splits(&run, columns.len()) else {
            unreadable(reader, Place::Proactive(item, None), &run, source);
            continue;
        };
        // What the prose says of this item settles what the arithmetic cannot.
        for &(stated_item, col, value) in &stated {
            if stated_item != item {
                continue;
            }
            let Some(k) = columns.iter().position(|&c| c == col) else {
                continue;
            };
            let kept: Vec<_> = options
                .iter()
                .filter(|o| o[k] == value.to_string())
                .cloned()
                .collect();
            if !kept.is_empty() {
                options = kept;
            }
        }
        place_options(
            reader,
            &options,
            &columns
                .iter()
                .map(|&c| Place::Proactive(item, Some(c)))
                .collect::<Vec<_>>(),
            &run,
            source,
        );
    }
}

/// Counts the prose states for 表二 第（一）项: ("现行有效…规范性文件698件", "制发的规范性文件88件").
fn stated_document_counts(report: &Report) -> Vec<(ProactiveItem, ProactiveColumn, u64)> {
    let mut out = Vec::new();
    for field in ProseField::ALL {
        let Some(text) = report.prose(field) else {
            continue;
        };
        for clause in report_core::prose::normalise(text).split(['，', '。', '；', '、', ',', ';'])
        {
            let item = if clause.contains("规范性文件") {
                ProactiveItem::NormativeDocuments
            } else if clause.contains("规章") {
                ProactiveItem::Regulations
            } else {
                continue;
            };
            let col = if clause.contains("现行有效") {
                ProactiveColumn::InForce
            } else if clause.contains("制发") {
                ProactiveColumn::Issued
            } else if clause.contains("废止") {
                ProactiveColumn::Repealed
            } else {
                continue;
            };
            // The number counted in 件: "规范性文件698件" (the 件 of 文件 is not a unit).
            let chars: Vec<char> = clause.chars().collect();
            let unit = (1..chars.len())
                .rev()
                .find(|&i| chars[i] == '件' && chars[i - 1].is_ascii_digit());
            let digits: String = unit
                .map(|i| {
                    let start = (0..i)
                        .rev()
                        .take_while(|&j| chars[j].is_ascii_digit())
                        .last()
                        .unwrap_or(i);
                    chars[start..i].iter().collect()
                })
                .unwrap_or_default();
            if let Ok(value) = digits.parse() {
                out.push((item, col, value));
            }
        }
    }
    out
}

/// Fills `places` from the splits that remain: one, or the cells they agree on plus an
/// ambiguity for each cell they do not.
fn place_options(
    reader: &mut Reader,
    options: &[Vec<String>],
    places: &[Place],
    run: &str,
    source: Source,
) {
    if options.is_empty() {
        unreadable(
            reader,
            places
                .first()
                .map_or(Place::Meta(report_core::place::MetaField::Year), |p| *p),
            run,
            source,
        );
        return;
    }
    for (k, place) in places.iter().enumerate() {
        let values: BTreeSet<&String> = options.iter().map(|o| &o[k]).collect();
        let kind = place.kind().unwrap_or(CellKind::Count);
        if values.len() == 1 {
            let value = values
                .into_iter()
                .next()
                .map(String::as_str)
                .unwrap_or_default();
            reader.set(*place, Cell::parse(kind, value), source);
        } else {
            let mut candidates: Vec<&String> = options.iter().map(|o| &o[k]).collect();
            candidates.dedup();
            let mut seen = BTreeSet::new();
            candidates.retain(|c| seen.insert(*c));
            reader.set(*place, Cell::Blank, source);
            reader.diagnose(
                Diagnostic::import(
                    ImportProblem::AmbiguousCell,
                    format!(
                        "“{}”中的数字连在一起，{}可能是 {}，无法仅凭文字和表格勾稽关系确定，请对照原文填写",
                        run.trim(),
                        place.describe_zh(Edition::V2021),
                        candidates.iter().map(|c| c.as_str()).collect::<Vec<_>>().join("、")
                    ),
                )
                .with_places(vec![*place])
                .with_candidates(candidates.into_iter().cloned().collect())
                .at(source),
            );
        }
    }
}

fn unreadable(reader: &mut Reader, place: Place, text: &str, source: Source) {
    reader.diagnose(
        Diagnostic::import(
            ImportProblem::UnreadableRow,
            format!(
                "{}的数字“{}”无法对应到各列，这一行未导入",
                place.describe_zh(reader.report.edition),
                text.trim()
            ),
        )
        .with_places(vec![place])
        .at(source),
    );
}

// ---------------------------------------------------------------------------------------------
// 表三
// ---------------------------------------------------------------------------------------------

fn read_requests(reader: &mut Reader, blocks: &[&Block], _format: Format) {
    let edition = reader.report.edition;
    let n = Applicant::ALL.len();
    let width = common_width(blocks);
    let mut layout: Vec<RequestRow> = RequestRow::in_edition(edition).collect();
    if edition == Edition::V2021 {
        // Out-of-date 2021 reports print （六） as one row; let the labels decide.
        let at = layout
            .iter()
            .position(|&r| r == RequestRow::ResultsTotal)
            .unwrap_or(layout.len());
        layout.insert(at, RequestRow::Other);
    }
    let label_of = |r: RequestRow| r.def().labels.any(edition);
    let keys: Vec<String> = layout.iter().map(|&r| label_key(label_of(r))).collect();
    // How well each row read fits each layout row, computed once.
    let (candidates, scores): (Vec<RowRead>, Vec<Vec<f64>>) = blocks
        .iter()
        .filter_map(|b| read_row(b, n, width))
        .map(|row| {
            let scores: Vec<f64> = keys
                .iter()
                .map(|k| similarity(&row.keys.0, k).max(similarity(&row.keys.1, k)))
                .collect();
            (row, scores)
        })
        .filter(|(row, scores)| {
            let has_values = match &row.values {
                Values::Cells(cells) => cells.iter().any(|(c, _)| !c.is_empty()),
                Values::Run(run) => !run.trim().is_empty(),
                Values::Spread(_) => true,
            };
            let best = scores.iter().copied().fold(0.0, f64::max);
            // A row with no numbers counts only if its label is plainly a row of the table.
            (has_values && (best >= 0.3 || row.label.is_empty())) || best >= 0.75
        })
        .unzip();

    let indices: Vec<usize> = (0..candidates.len()).collect();
    let columns: Vec<usize> = (0..layout.len()).collect();
    let assignment: Vec<Option<RequestRow>> = align(&indices, &columns, |&i, j| scores[i][j])
        .into_iter()
        .map(|j| j.map(|j| layout[j]))
        .collect();
    let mut runs: Vec<(RequestRow, String, Source)> = Vec::new();
    for (row, target) in candidates.iter().zip(assignment) {
        let Some(r) = target else {
            if !matches!(&row.values, Values::Cells(c) if c.iter().all(|(v, _)| v.is_empty())) {
                reader.diagnose(
                    Diagnostic::import(
                        ImportProblem::UnrecognisedRow,
                        format!(
                            "表三中“{}”一行对应不到格式中的任何一行，其数字未导入",
                            row.label
                        ),
                    )
                    .at(row.source),
                );
            }
            continue;
        };
        reader.report.requests.insert_row(r, edition);
        match &row.values {
            Values::Cells(cells) => {
                for (&col, (text, i)) in Applicant::ALL.iter().zip(cells) {
                    reader.set(
                        Place::Requests(r, Some(col)),
                        Cell::parse(CellKind::Count, text),
                        row.source.column(i + 1),
                    );
                }
            }
            Values::Run(run) => runs.push((r, run.clone(), row.source)),
            Values::Spread(count) => unreadable(
                reader,
                Place::Requests(r, None),
                &format!("{count} 个数字"),
                row.source,
            ),
        }
    }
    resolve_request_runs(reader, runs);
}

/// Aligns rows read from the document with the rows of the layout, in order, maximising how
/// well the labels fit. Rows of the layout may be missing from the document; a document row that
/// fits nothing is left out.
fn align<T, R: Copy>(rows: &[T], layout: &[R], fit: impl Fn(&T, R) -> f64) -> Vec<Option<R>> {
    const SKIP_ROW: f64 = -0.3;
    let (n, m) = (rows.len(), layout.len());
    // best[i][j]: the best score for the first i rows using the first j layout rows.
    let mut best = vec![vec![f64::NEG_INFINITY; m + 1]; n + 1];
    let mut step = vec![vec![0u8; m + 1]; n + 1];
    best[0][0] = 0.0;
    for i in 0..=n {
        for j in 0..=m {
            let here = best[i][j];
            if here == f64::NEG_INFINITY {
                continue;
            }
            if j < m && here > best[i][j + 1] {
                best[i][j + 1] = here;
                step[i][j + 1] = 1; // layout row j absent from the document
            }
            if i < n && here + SKIP_ROW > best[i + 1][j] {
                best[i + 1][j] = here + SKIP_ROW;
                step[i + 1][j] = 2; // document row i fits nothing
            }
            if i < n && j < m {
                let score = here + fit(&rows[i], layout[j]) - 0.25;
                if score > best[i + 1][j + 1] {
                    best[i + 1][j + 1] = score;
                    step[i + 1][j + 1] = 3;
                }
            }
        }
    }
    let mut out = vec![None; n];
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        match step[i][j] {
            1 => j -= 1,
            2 => i -= 1,
            3 => {
                out[i - 1] = Some(layout[j - 1]);
                i -= 1;
                j -= 1;
            }
            _ => break,
        }
    }
    out
}

/// Splits the run-together rows of 表三: each row's splits must balance (H1); where rows still
/// have several, the columns must balance too (H2, H3).
fn resolve_request_runs(reader: &mut Reader, runs: Vec<(RequestRow, String, Source)>) {
    if runs.is_empty() {
        return;
    }
    let mut options: Vec<Vec<Vec<String>>> = Vec::new();
    for (row, run, source) in &runs {
        let places = row_places(*row);
        let balanced: Vec<Vec<String>> = splits(run, places.len())
            .unwrap_or_default()
            .into_iter()
            .filter(|s| {
                as_counts(s).is_some_and(|n| {
                    Equation::RowTotal(*row).holds_with(&reader.report, values_at(&places, &n))
                        == Some(true)
                })
            })
            .collect();
        if balanced.is_empty() {
            unreadable(reader, Place::Requests(*row, None), run, *source);
        }
        options.push(balanced);
    }
    // Try every combination of the rows that are still ambiguous (few in real reports).
    let ambiguous: Vec<usize> = (0..runs.len()).filter(|&i| options[i].len() > 1).collect();
    let combinations: usize = ambiguous.iter().map(|&i| options[i].len()).product();
    if !ambiguous.is_empty() && combinations <= 100_000 {
        let mut solutions: Vec<Vec<usize>> = Vec::new();
        let mut choice = vec![0usize; runs.len()];
        for k in 0..combinations {
            let mut rest = k;
            for &i in &ambiguous {
                choice[i] = rest % options[i].len();
                rest /= options[i].len();
            }
            if columns_balance(&reader.report, &runs, &options, &choice) {
                solutions.push(choice.clone());
            }
        }
        if !solutions.is_empty() {
            for &i in &ambiguous {
                let mut kept: Vec<Vec<String>> = Vec::new();
                for s in &solutions {
                    let option = options[i][s[i]].clone();
                    if !kept.contains(&option) {
                        kept.push(option);
                    }
                }
                options[i] = kept;
            }
        }
    }
    for ((row, run, source), opts) in runs.iter().zip(options) {
        if opts.is_empty() {
            continue;
        }
        place_options(reader, &opts, &row_places(*row), run, *source);
    }
}

/// The cells of a 表三 row, in printed order.
fn row_places(row: RequestRow) -> Vec<Place> {
    Applicant::ALL
        .iter()
        .map(|&c| Place::Requests(row, Some(c)))
        .collect()
}

/// Looks the value of a place up in `values`, which hold the cells of `places` in order.
fn values_at<'a>(places: &'a [Place], values: &'a [u64]) -> impl Fn(Place) -> Option<u64> + 'a {
    move |place| {
        let i = places.iter().position(|&p| p == place)?;
        values.get(i).copied()
    }
}

/// Whether the chosen splits keep every column equation of 表三 (H2, H3) that they and the
/// cells already read decide.
fn columns_balance(
    report: &Report,
    runs: &[(RequestRow, String, Source)],
    options: &[Vec<Vec<String>>],
    choice: &[usize],
) -> bool {
    let value = |place: Place| -> Option<u64> {
        let Place::Requests(row, Some(col)) = place else {
            return None;
        };
        match runs.iter().position(|(r, _, _)| *r == row) {
            Some(i) => options[i].get(choice[i])?.get(col.index())?.parse().ok(),
            None => report.cell(place).and_then(Cell::count),
        }
    };
    table_equations(report)
        .into_iter()
        .filter(|e| matches!(e, Equation::ResultsColumn(_) | Equation::IntakeBalance(_)))
        .all(|e| e.holds_with(report, value) != Some(false))
}

// ---------------------------------------------------------------------------------------------
// 表四
// ---------------------------------------------------------------------------------------------

fn read_appeals(reader: &mut Reader, blocks: &[&Block]) {
    let places: Vec<Place> = AppealGroup::ALL
        .iter()
        .flat_map(|&g| {
            Outcome::ALL
                .iter()
                .map(move |&o| Place::Appeals(g, Some(o)))
        })
        .collect();
    let width = common_width(blocks);
    // The row of numbers: the last row with no label and at least one value (a label there is
    // header text a PDF put on the lines before), or a run.
    let row = blocks
        .iter()
        .rev()
        .filter_map(|b| read_row(b, places.len(), width))
        .find(|row| match &row.values {
            Values::Cells(cells) => {
                let filled = cells.iter().filter(|(c, _)| !c.is_empty()).count();
                (row.label.is_empty() && filled > 0) || filled == places.len()
            }
            Values::Run(run) => run.chars().any(|c| c.is_ascii_digit()),
            Values::Spread(_) => false,
        });
    let Some(row) = row else {
        // A blank form: the header is there, the row of numbers is empty.
        let outcome = normalise(Outcome::Upheld.def().labels.any(Edition::V2021));
        if blocks
            .iter()
            .any(|b| matches!(b, Block::Row { .. }) && normalise(&b.text()).contains(&outcome))
        {
            for &group in AppealGroup::ALL {
                reader
                    .report
                    .appeals
                    .insert_row(group, reader.report.edition);
            }
        }
        return;
    };
    for &group in AppealGroup::ALL {
        reader
            .report
            .appeals
            .insert_row(group, reader.report.edition);
    }
    match &row.values {
        Values::Cells(cells) => {
            for (place, (text, i)) in places.iter().zip(cells) {
                reader.set(
                    *place,
                    Cell::parse(CellKind::Count, text),
                    row.source.column(i + 1),
                );
            }
        }
        Values::Run(run) => {
            let balanced: Vec<Vec<String>> = splits(run, places.len())
                .unwrap_or_default()
                .into_iter()
                .filter(|s| {
                    as_counts(s).is_some_and(|n| {
                        AppealGroup::ALL.iter().all(|&g| {
                            Equation::AppealTotal(g)
                                .holds_with(&reader.report, values_at(&places, &n))
                                == Some(true)
                        })
                    })
                })
                .collect();
            place_options(reader, &balanced, &places, run, row.source);
        }
        Values::Spread(count) => unreadable(
            reader,
            Place::Appeals(AppealGroup::Review, None),
            &format!("{count} 个数字"),
            row.source,
        ),
    }
}

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

    #[test]
    fn years_and_dates_are_found() {
        assert_eq!(
            find_year("平潭综合实验区2021年度").map(|(_, y)| y),
            Some(2021)
        );
        assert_eq!(
            find_date("发布时间: 2022-02-08 16:34"),
            Date::parse("2022-02-08")
        );
    }
}
