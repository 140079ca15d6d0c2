//! The six sections of a report (一 to 六) and its prose fields, with their headings.
//!
//! Every heading is written here once: the verbatim heading of each edition, the variants seen
//! in print, and the words by which an importer recognises a heading whatever its wording.
//! Exports, messages, the page and the importers all read them from here.

use super::{Edition, Labels, TableId};

/// One of the six numbered sections of a report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    /// 一、总体情况 (prose, usually in five sub-parts).
    Overview,
    /// 二、主动公开政府信息情况 (表二).
    Proactive,
    /// 三、收到和处理政府信息公开申请情况 (表三).
    Requests,
    /// 四、政府信息公开行政复议、行政诉讼情况 (表四).
    Appeals,
    /// 五、存在的主要问题及改进情况 (prose).
    Problems,
    /// 六、其他需要报告的事项 (prose; the 信息处理费 collected is reported here).
    OtherMatters,
}

/// What the format says about a section.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SectionDef {
    /// The section's numeral, 一 to 六.
    pub numeral: char,
    /// The verbatim heading in each edition.
    pub headings: Labels,
    /// Other wordings seen in published reports (not typos: those are matched by similarity).
    pub variants: &'static [&'static str],
    /// Words one of which every wording of the heading contains; a line that starts with the
    /// section's numeral and holds none of them is not this heading (e.g. 表三's
    /// "一、本年新收政府信息公开申请数量").
    pub words: &'static [&'static str],
    /// The table the section holds, if any.
    pub table: Option<TableId>,
}

const fn section(
    numeral: char,
    headings: Labels,
    variants: &'static [&'static str],
    words: &'static [&'static str],
    table: Option<TableId>,
) -> SectionDef {
    SectionDef {
        numeral,
        headings,
        variants,
        words,
        table,
    }
}

const DEFS: [SectionDef; 6] = [
    section('一', Labels::both("一、总体情况"), &[], &["总体情况"], None),
    section(
        '二',
        Labels::both("二、主动公开政府信息情况"),
        &[],
        &["主动公开政府信息"],
        Some(TableId::Proactive),
    ),
    section(
        '三',
        Labels::both("三、收到和处理政府信息公开申请情况"),
        &[],
        &["收到和处理"],
        Some(TableId::Requests),
    ),
    section(
        '四',
        Labels::both("四、政府信息公开行政复议、行政诉讼情况"),
        &[
            "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况",
            "四、因政府信息公开申请行政复议、提起行政诉讼的情况",
        ],
        &["复议"],
        Some(TableId::Appeals),
    ),
    section(
        '五',
        Labels::differ(
            "五、存在的主要问题及改进情况",
            "五、政府信息公开工作存在的主要问题及改进情况",
        ),
        &[],
        &["问题"],
        None,
    ),
    section(
        '六',
        Labels::both("六、其他需要报告的事项"),
        &[],
        &["其他需要报告"],
        None,
    ),
];

impl Section {
    /// The six sections in printed order.
    pub const ALL: [Section; 6] = [
        Section::Overview,
        Section::Proactive,
        Section::Requests,
        Section::Appeals,
        Section::Problems,
        Section::OtherMatters,
    ];

    /// What the format says about the section.
    pub const fn def(self) -> &'static SectionDef {
        &DEFS[self as usize]
    }

    /// The section's number, 1 to 6.
    pub const fn number(self) -> u8 {
        self as u8 + 1
    }

    /// The section numbered `number` (1 to 6).
    pub fn from_number(number: u8) -> Option<Section> {
        Section::ALL
            .get(usize::from(number).checked_sub(1)?)
            .copied()
    }

    /// The section whose numeral is `numeral` (一 to 六).
    pub fn from_numeral(numeral: char) -> Option<Section> {
        Section::ALL
            .iter()
            .copied()
            .find(|s| s.def().numeral == numeral)
    }

    /// The section that holds `table`.
    pub fn of_table(table: TableId) -> Section {
        match table {
            TableId::Proactive => Section::Proactive,
            TableId::Requests => Section::Requests,
            TableId::Appeals => Section::Appeals,
        }
    }

    /// The verbatim heading in `edition`.
    pub const fn heading(self, edition: Edition) -> &'static str {
        self.def().headings.any(edition)
    }

    /// Every printed form known: the headings of both editions, then the variants.
    pub fn printed_forms(self) -> impl Iterator<Item = &'static str> {
        let def = self.def();
        let mut forms: Vec<&'static str> = Vec::with_capacity(2 + def.variants.len());
        for edition in Edition::ALL {
            if let Some(h) = def.headings.get(edition) {
                if !forms.contains(&h) {
                    forms.push(h);
                }
            }
        }
        forms.extend(def.variants);
        forms.into_iter()
    }
}

/// A prose field of the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ProseField {
    /// The opening paragraph before 一 (导语): what the report is drawn up under, its statistics
    /// period ("统计期限自…起至…止"), where to ask. It has no heading of its own.
    Preface,
    /// 一 — the summary or whole text.
    Summary,
    /// 一（一）主动公开.
    ProactiveDisclosure,
    /// 一（二）依申请公开.
    DisclosureOnRequest,
    /// 一（三）政府信息管理.
    InformationManagement,
    /// 一（四）政府信息公开平台建设.
    Platforms,
    /// 一（五）监督保障.
    Oversight,
    /// 五、存在的主要问题及改进情况.
    Problems,
    /// 六、其他需要报告的事项.
    OtherMatters,
}

impl ProseField {
    /// Every prose field, in printed order.
    pub const ALL: [ProseField; 9] = [
        ProseField::Preface,
        ProseField::Summary,
        ProseField::ProactiveDisclosure,
        ProseField::DisclosureOnRequest,
        ProseField::InformationManagement,
        ProseField::Platforms,
        ProseField::Oversight,
        ProseField::Problems,
        ProseField::OtherMatters,
    ];

    /// The five sub-parts of 一, in printed order.
    pub const SUB_PARTS: [ProseField; 5] = [
        ProseField::ProactiveDisclosure,
        ProseField::DisclosureOnRequest,
        ProseField::InformationManagement,
        ProseField::Platforms,
        ProseField::Oversight,
    ];

    /// The JSON Pointer of the field.
    pub const fn pointer(self) -> &'static str {
        match self {
            ProseField::Preface => "/preface",
            ProseField::Summary => "/overview/summary",
            ProseField::ProactiveDisclosure => "/overview/proactive_disclosure",
            ProseField::DisclosureOnRequest => "/overview/disclosure_on_request",
            ProseField::InformationManagement => "/overview/information_management",
            ProseField::Platforms => "/overview/platforms",
            ProseField::Oversight => "/overview/oversight",
            ProseField::Problems => "/problems",
            ProseField::OtherMatters => "/other_matters",
        }
    }

    /// The section the field belongs to; none for the preface, printed before 一.
    pub const fn section(self) -> Option<Section> {
        match self {
            ProseField::Preface => None,
            ProseField::Problems => Some(Section::Problems),
            ProseField::OtherMatters => Some(Section::OtherMatters),
            _ => Some(Section::Overview),
        }
    }

    /// Whether the field is one of the five sub-parts of 一.
    pub const fn is_sub_part(self) -> bool {
        !matches!(
            self,
            ProseField::Preface
                | ProseField::Summary
                | ProseField::Problems
                | ProseField::OtherMatters
        )
    }

    /// The verbatim heading of the field in `edition`: its section's heading, or the sub-part's
    /// heading for the five parts of 一; for the preface, which prints none, the name clerks give
    /// it.
    pub const fn heading_in(self, edition: Edition) -> &'static str {
        match self {
            ProseField::Preface => "导语",
            ProseField::ProactiveDisclosure => "（一）主动公开",
            ProseField::DisclosureOnRequest => "（二）依申请公开",
            ProseField::InformationManagement => "（三）政府信息管理",
            ProseField::Platforms => "（四）政府信息公开平台建设",
            ProseField::Oversight => "（五）监督保障",
            ProseField::Summary => Section::Overview.heading(edition),
            ProseField::Problems => Section::Problems.heading(edition),
            ProseField::OtherMatters => Section::OtherMatters.heading(edition),
        }
    }

    /// The verbatim heading of the field (2021 format).
    pub const fn heading(self) -> &'static str {
        self.heading_in(Edition::V2021)
    }

    /// Whether `text` opens with the field's own heading ("（一）主动公开情况。本年度…", as a
    /// report pasted or imported with its headings inline reads): it starts with the heading's
    /// number, "（一）" (or "(一)") for a part of 一, "五、" for a section. A document printing the
    /// text then prints no heading of its own above it, or the heading would appear twice.
    pub fn carries_heading(self, text: &str) -> bool {
        if self == ProseField::Preface {
            return false;
        }
        let heading = self.heading();
        let number: String = match heading.find('）') {
            Some(end) if self.is_sub_part() => heading[..end + '）'.len_utf8()].to_owned(),
            _ => heading.chars().take(2).collect(),
        };
        let text = text.trim_start();
        let half_width = number.replace('（', "(").replace('）', ")");
        text.starts_with(&number) || text.starts_with(&half_width)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_opening_with_its_own_number_carries_its_heading() {
        assert!(ProseField::ProactiveDisclosure.carries_heading("（一）主动公开情况。本年度…"));
        assert!(ProseField::ProactiveDisclosure.carries_heading(" (一)主动公开"));
        assert!(!ProseField::ProactiveDisclosure.carries_heading("本年度主动公开…（一）"));
        assert!(!ProseField::DisclosureOnRequest.carries_heading("（一）主动公开"));
        assert!(ProseField::Problems.carries_heading("五、存在的主要问题及改进情况\n问题"));
        assert!(!ProseField::Problems.carries_heading("存在的问题：五、"));
        assert!(ProseField::Summary.carries_heading("一、总体情况"));
    }

    #[test]
    fn each_section_is_numbered_and_its_headings_carry_its_words() {
        for section in Section::ALL {
            assert_eq!(Section::from_number(section.number()), Some(section));
            assert_eq!(Section::from_numeral(section.def().numeral), Some(section));
            for form in section.printed_forms() {
                assert!(form.starts_with(section.def().numeral), "{form}");
                assert!(
                    section.def().words.iter().any(|w| form.contains(w)),
                    "{form}"
                );
            }
        }
        assert_eq!(Section::from_number(0), None);
        assert_eq!(Section::from_number(7), None);
    }

    #[test]
    fn the_2019_format_words_its_fifth_heading_differently() {
        assert_eq!(
            Section::Problems.heading(Edition::V2019),
            "五、政府信息公开工作存在的主要问题及改进情况"
        );
        assert_eq!(
            ProseField::Problems.heading(),
            "五、存在的主要问题及改进情况"
        );
        assert_eq!(Section::of_table(TableId::Appeals), Section::Appeals);
    }
}
