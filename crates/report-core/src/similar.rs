//! Reports of one batch copied from each other: the same tables, count for count, or prose
//! largely the same, between reports of different agencies.

use std::collections::HashMap;

use crate::layout::TableId;
use crate::prose::ProsePrint;
use crate::report::Report;
use crate::rules::{counts, has_figures};

/// Prose sharing at least this share (percent) of its runs with another agency's is reported.
pub const PROSE_PERCENT: u32 = 70;
/// A run found in more reports than this is boilerplate (the format's own phrases), and does
/// not make two reports alike; a table the same in more reports than this is a pattern (a form
/// filled alike by many), not one agency copying another, and is not reported pair by pair.
const COMMON: usize = 64;

/// What is kept of a report to compare it with the others of a batch (small: a batch of
/// thousands need not keep its reports).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Print {
    agency: String,
    year: u16,
    /// For each of 表二, 表三 and 表四 with figures enough to be judged (rule S9's measure), a
    /// hash of its counts.
    tables: [Option<u64>; 3],
    prose: Option<ProsePrint>,
}

impl Print {
    /// The print of `report`.
    pub fn of(report: &Report) -> Print {
        use std::hash::{Hash, Hasher};
        let counts = counts(report);
        let tables = TableId::ALL.map(|table| {
            has_figures(&counts, table).then(|| {
                let mut hasher = std::hash::DefaultHasher::new();
                for entry in counts.iter().filter(|(p, _)| p.table() == Some(table)) {
                    entry.hash(&mut hasher);
                }
                hasher.finish()
            })
        });
        Print {
            agency: report.agency.trim().to_owned(),
            year: report.year,
            tables,
            prose: ProsePrint::of(report),
        }
    }
}

/// Two reports of a batch alike.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Alike {
    /// The index of the one, in the batch.
    pub a: usize,
    /// The index of the other (`a < b`).
    pub b: usize,
    /// Their tables that are the same, count for count.
    pub tables: Vec<TableId>,
    /// The share of their prose that is the same, when it is [`PROSE_PERCENT`] or more.
    pub prose_percent: Option<u32>,
}

/// The pairs of reports of different agencies (or years) whose tables are the same or whose
/// prose is largely the same. Tables are grouped by their counts, prose by shared runs, so a
/// batch of thousands is not compared pair by pair.
pub fn alike(prints: &[Print]) -> Vec<Alike> {
    let mut pairs: HashMap<(usize, usize), Alike> = HashMap::new();
    let other_report = |a: usize, b: usize| {
        prints[a].agency != prints[b].agency || prints[a].year != prints[b].year
    };
    // The same tables: reports grouped by each judged table's counts.
    for (t, table) in TableId::ALL.into_iter().enumerate() {
        let mut groups: HashMap<u64, Vec<usize>> = HashMap::new();
        for (i, print) in prints.iter().enumerate() {
            if let Some(hash) = print.tables[t] {
                groups.entry(hash).or_default().push(i);
            }
        }
        for members in groups.values().filter(|m| m.len() > 1 && m.len() <= COMMON) {
            for (k, &a) in members.iter().enumerate() {
                for &b in &members[k + 1..] {
                    if other_report(a, b) {
                        pairs
                            .entry((a, b))
                            .or_insert_with(|| Alike {
                                a,
                                b,
                                tables: Vec::new(),
                                prose_percent: None,
                            })
                            .tables
                            .push(table);
                    }
                }
            }
        }
    }
    // Largely the same prose: pairs sharing many sampled runs, then measured.
    let mut index: HashMap<u64, Vec<usize>> = HashMap::new();
    for (i, print) in prints.iter().enumerate() {
        for &run in print.prose.as_ref().map_or(&[][..], ProsePrint::runs) {
            index.entry(run).or_default().push(i);
        }
    }
    let mut shared: HashMap<(usize, usize), usize> = HashMap::new();
    for members in index.values().filter(|m| m.len() > 1 && m.len() <= COMMON) {
        for (k, &a) in members.iter().enumerate() {
            for &b in &members[k + 1..] {
                *shared.entry((a, b)).or_default() += 1;
            }
        }
    }
    for ((a, b), n) in shared {
        let (Some(pa), Some(pb)) = (&prints[a].prose, &prints[b].prose) else {
            continue;
        };
        let smaller = pa.runs().len().min(pb.runs().len()).max(1);
        if n * 100 < smaller * PROSE_PERCENT as usize / 2 || !other_report(a, b) {
            continue;
        }
        let percent = pa.shared_percent(pb);
        if percent >= PROSE_PERCENT {
            pairs
                .entry((a, b))
                .or_insert_with(|| Alike {
                    a,
                    b,
                    tables: Vec::new(),
                    prose_percent: None,
                })
                .prose_percent = Some(percent);
        }
    }
    let mut out: Vec<Alike> = pairs.into_values().collect();
    out.sort_by_key(|p| (p.a, p.b));
    for pair in &mut out {
        pair.tables.sort();
    }
    out
}

/// The code of the warning a report alike another of its batch gets.
pub const ALIKE_CODE: &str = "B1";

/// The warning `report` gets for being alike the report of `other` (its file) of `agency`.
pub fn diagnostic(
    report: &Report,
    alike: &Alike,
    other: &str,
    agency: &str,
    lang: crate::Lang,
) -> crate::Diagnostic {
    let finding = crate::diagnostic::Finding::Alike {
        other: other.to_owned(),
        agency: agency.to_owned(),
        tables: alike.tables.clone(),
        prose_percent: alike.prose_percent,
    };
    let mut diagnostic = crate::Diagnostic::of(
        (ALIKE_CODE, "alike-in-batch", crate::Severity::Warning),
        finding,
        report,
        lang,
        None,
    );
    diagnostic.mark();
    diagnostic
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::Edition;

    fn with_prose(agency: &str, text: &str) -> Report {
        let mut r = Report::blank(Edition::V2021, 2024, agency);
        r.overview.summary = Some(text.to_owned());
        r
    }

    #[test]
    fn prose_largely_the_same_is_found_and_different_prose_is_not() {
        let text = "甲局坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党中央、国务院关于全面推进政务公开工作的决策部署，严格执行政府信息公开条例。全年通过门户网站主动公开各类政府信息，及时发布机构职能、政策文件和财政预决算信息。规范办理依申请公开，严格按照法定时限答复申请人，答复文书格式统一、依据充分。加强政府信息管理，建立公开属性源头认定机制，做好文件合法性审查。持续优化政务公开平台，完善政策解读专栏，及时回应社会关切。下一步，甲局将进一步健全公开工作机制，加大重点领域信息公开力度，提升依申请公开答复质量，强化工作人员业务培训和监督考核。";
        let a = with_prose("甲局", text);
        let b = with_prose("乙局", &text.replace("甲局", "乙局"));
        let c = with_prose("丙局", "丙局着力推进重点领域信息公开，深化基层政务公开标准化规范化建设，完善政策解读回应机制。围绕优化营商环境，集中公开涉企政策和办事指南，开设惠企政策专区。推进行政执法公示，公开执法主体、依据、程序和结果。完善依申请公开工作流程，实行登记、审核、答复全程留痕。加强公开工作人员培训，组织专题学习条例和相关业务规范，提升工作人员依法公开的意识和能力。今后将继续加强统筹协调，推动公开工作向基层延伸，丰富公开形式和渠道，增强公开实效。");
        let prints: Vec<Print> = [&a, &b, &c].iter().map(|r| Print::of(r)).collect();
        let found = alike(&prints);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!((found[0].a, found[0].b), (0, 1));
        assert!(found[0].prose_percent.is_some_and(|p| p >= PROSE_PERCENT));
        assert!(
            found[0].tables.is_empty(),
            "blank tables are never the same"
        );
    }
}
