//! The official format as data.
//!
//! Every row and column of 表二, 表三 and 表四 is declared exactly once here, with its JSON key
//! (FORMAT.md §8), its verbatim label in each edition, its parent group and its order. The model,
//! the JSON reader, the rules, the messages and the schema all read these tables; no label is
//! written anywhere else.
//!
//! A label of `None` for an edition means that the row or column does not exist in that edition.

use serde::{Deserialize, Serialize};

/// The edition of the national format a report follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub enum Edition {
    /// 国办公开办函〔2021〕30号, used for the reports of 2021 onwards.
    #[serde(rename = "2021")]
    V2021,
    /// The trial format of 国办公开办函〔2019〕60号, used for the reports of 2019 and 2020.
    #[serde(rename = "2019")]
    V2019,
}

impl Edition {
    /// Both editions, newest first.
    pub const ALL: [Edition; 2] = [Edition::V2021, Edition::V2019];

    /// The edition's name as used in JSON and on the command line.
    pub const fn key(self) -> &'static str {
        match self {
            Edition::V2021 => "2021",
            Edition::V2019 => "2019",
        }
    }

    /// Parses `"2021"` or `"2019"`.
    pub fn from_key(key: &str) -> Option<Edition> {
        Edition::ALL.into_iter().find(|e| e.key() == key)
    }

    /// The edition an agency had to use for the report of `year`, if the year had a national table.
    pub const fn for_year(year: u16) -> Option<Edition> {
        match year {
            0..=2018 => None,
            2019 | 2020 => Some(Edition::V2019),
            _ => Some(Edition::V2021),
        }
    }
}

/// A label that may differ between the editions, or be missing from one of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Labels {
    /// The label printed in the 2021 format, if the item exists there.
    pub v2021: Option<&'static str>,
    /// The label printed in the 2019 trial format, if the item exists there.
    pub v2019: Option<&'static str>,
}

impl Labels {
    /// The same label in both editions.
    pub const fn both(label: &'static str) -> Labels {
        Labels {
            v2021: Some(label),
            v2019: Some(label),
        }
    }
    /// A label that exists only in the 2021 format.
    pub const fn only_2021(label: &'static str) -> Labels {
        Labels {
            v2021: Some(label),
            v2019: None,
        }
    }
    /// A label that exists only in the 2019 trial format.
    pub const fn only_2019(label: &'static str) -> Labels {
        Labels {
            v2021: None,
            v2019: Some(label),
        }
    }
    /// Different labels in the two editions.
    pub const fn differ(v2021: &'static str, v2019: &'static str) -> Labels {
        Labels {
            v2021: Some(v2021),
            v2019: Some(v2019),
        }
    }
    /// The label in `edition`, or `None` when the item does not exist in it.
    pub const fn get(&self, edition: Edition) -> Option<&'static str> {
        match edition {
            Edition::V2021 => self.v2021,
            Edition::V2019 => self.v2019,
        }
    }
    /// The label in `edition`, falling back to the other edition's label.
    pub const fn any(&self, edition: Edition) -> &'static str {
        match (self.get(edition), self.v2021, self.v2019) {
            (Some(label), _, _) | (None, Some(label), _) | (None, None, Some(label)) => label,
            (None, None, None) => "",
        }
    }
    /// Whether the item exists in `edition`.
    pub const fn in_edition(&self, edition: Edition) -> bool {
        self.get(edition).is_some()
    }
}

/// What kind of value a cell holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CellKind {
    /// A non-negative whole number (a count of documents, decisions, applications, cases).
    Count,
    /// A whole number that may be negative (2019 format 本年增/减).
    SignedCount,
    /// A non-negative exact decimal in 万元 (表二 本年收费金额).
    Money,
    /// Text as printed, unit included (2019 format 采购总金额).
    Text,
}

/// Declares a closed set of keys (rows or columns) with a definition per key, in official order.
macro_rules! layout_keys {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident: $def:ty {
            $( $(#[$vmeta:meta])* $variant:ident => $value:expr, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        $vis enum $name {
            $( $(#[$vmeta])* $variant, )*
        }

        impl $name {
            /// Every key, in the official order.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];
            const DEFS: &'static [$def] = &[$($value),*];

            /// The definition of this key.
            pub const fn def(self) -> &'static $def {
                &Self::DEFS[self as usize]
            }
            /// The JSON key (FORMAT.md §8).
            pub const fn key(self) -> &'static str {
                self.def().key
            }
            /// The position in the official order.
            pub const fn index(self) -> usize {
                self as usize
            }
            /// Looks a JSON key up.
            pub fn from_key(key: &str) -> Option<$name> {
                Self::ALL.iter().copied().find(|k| k.key() == key)
            }
        }
    };
}

/// The three tables of a report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TableId {
    /// 表二 主动公开政府信息情况.
    Proactive,
    /// 表三 收到和处理政府信息公开申请情况.
    Requests,
    /// 表四 政府信息公开行政复议、行政诉讼情况.
    Appeals,
}

impl TableId {
    /// All tables in the order they are printed.
    pub const ALL: [TableId; 3] = [TableId::Proactive, TableId::Requests, TableId::Appeals];

    /// The JSON key of the table.
    pub const fn key(self) -> &'static str {
        match self {
            TableId::Proactive => "proactive",
            TableId::Requests => "requests",
            TableId::Appeals => "appeals",
        }
    }
    /// The short name people use for the table.
    pub const fn short_name(self) -> &'static str {
        match self {
            TableId::Proactive => "表二",
            TableId::Requests => "表三",
            TableId::Appeals => "表四",
        }
    }
    /// The section heading the table sits under (2021 format).
    pub const fn heading(self) -> &'static str {
        match self {
            TableId::Proactive => "二、主动公开政府信息情况",
            TableId::Requests => "三、收到和处理政府信息公开申请情况",
            TableId::Appeals => "四、政府信息公开行政复议、行政诉讼情况",
        }
    }
    /// The English name of the table.
    pub const fn english_name(self) -> &'static str {
        match self {
            TableId::Proactive => "Table 2 (proactive disclosure)",
            TableId::Requests => "Table 3 (applications)",
            TableId::Appeals => "Table 4 (review and litigation)",
        }
    }
}

// ---------------------------------------------------------------------------------------------
// 表三
// ---------------------------------------------------------------------------------------------

/// The role a 表三 row plays in the table's arithmetic.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowRole {
    /// 一、本年新收 or 二、上年结转: applications to be handled.
    Intake,
    /// One of the result rows that （七）总计 adds up.
    Result,
    /// （七）总计.
    ResultsTotal,
    /// 四、结转下年度继续办理.
    CarriedForward,
}

/// The merged group cells in the left of 表三.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RequestGroup {
    /// 三、本年度办理结果 (rowspan over every result row).
    Results,
    /// （三）不予公开.
    Withheld,
    /// （四）无法提供.
    Unable,
    /// （五）不予处理.
    NotProcessed,
    /// （六）其他处理 (split into three rows in the 2021 format).
    OtherProcessing,
}

impl RequestGroup {
    /// The verbatim label of the group's merged cell.
    pub const fn label(self) -> &'static str {
        match self {
            RequestGroup::Results => "三、本年度办理结果",
            RequestGroup::Withheld => "（三）不予公开",
            RequestGroup::Unable => "（四）无法提供",
            RequestGroup::NotProcessed => "（五）不予处理",
            RequestGroup::OtherProcessing => "（六）其他处理",
        }
    }
}

/// The definition of a 表三 row.
#[derive(Debug)]
pub struct RequestRowDef {
    /// The JSON key.
    pub key: &'static str,
    /// The verbatim label in each edition.
    pub labels: Labels,
    /// A short name for messages, unique in the table.
    pub short: &'static str,
    /// The innermost merged group the row sits in.
    pub group: Option<RequestGroup>,
    /// What the row means in the table's arithmetic.
    pub role: RowRole,
}

const fn request_row(
    key: &'static str,
    labels: Labels,
    short: &'static str,
    group: Option<RequestGroup>,
    role: RowRole,
) -> RequestRowDef {
    RequestRowDef {
        key,
        labels,
        short,
        group,
        role,
    }
}

use RequestGroup as G;
use RowRole as R;

layout_keys! {
    /// A row of 表三 (收到和处理政府信息公开申请情况).
    pub enum RequestRow: RequestRowDef {
        /// 一、本年新收政府信息公开申请数量.
        New => request_row("new", Labels::both("一、本年新收政府信息公开申请数量"), "一、本年新收", None, R::Intake),
        /// 二、上年结转政府信息公开申请数量.
        CarriedOver => request_row("carried_over", Labels::both("二、上年结转政府信息公开申请数量"), "二、上年结转", None, R::Intake),
        /// （一）予以公开.
        Granted => request_row("granted", Labels::both("（一）予以公开"), "（一）予以公开", Some(G::Results), R::Result),
        /// （二）部分公开.
        PartiallyGranted => request_row("partially_granted", Labels::both("（二）部分公开（区分处理的，只计这一情形，不计其他情形）"), "（二）部分公开", Some(G::Results), R::Result),
        /// （三）1.
        WithheldStateSecret => request_row("withheld_state_secret", Labels::both("1.属于国家秘密"), "（三）1.属于国家秘密", Some(G::Withheld), R::Result),
        /// （三）2.
        WithheldProhibitedByLaw => request_row("withheld_prohibited_by_law", Labels::both("2.其他法律行政法规禁止公开"), "（三）2.其他法律行政法规禁止公开", Some(G::Withheld), R::Result),
        /// （三）3.
        WithheldThreeSecuritiesOneStability => request_row("withheld_three_securities_one_stability", Labels::both("3.危及“三安全一稳定”"), "（三）3.危及“三安全一稳定”", Some(G::Withheld), R::Result),
        /// （三）4.
        WithheldThirdPartyRights => request_row("withheld_third_party_rights", Labels::both("4.保护第三方合法权益"), "（三）4.保护第三方合法权益", Some(G::Withheld), R::Result),
        /// （三）5.
        WithheldInternalAffairs => request_row("withheld_internal_affairs", Labels::both("5.属于三类内部事务信息"), "（三）5.属于三类内部事务信息", Some(G::Withheld), R::Result),
        /// （三）6.
        WithheldProcessInformation => request_row("withheld_process_information", Labels::both("6.属于四类过程性信息"), "（三）6.属于四类过程性信息", Some(G::Withheld), R::Result),
        /// （三）7.
        WithheldEnforcementCaseFile => request_row("withheld_enforcement_case_file", Labels::both("7.属于行政执法案卷"), "（三）7.属于行政执法案卷", Some(G::Withheld), R::Result),
        /// （三）8.
        WithheldQueryMatter => request_row("withheld_query_matter", Labels::both("8.属于行政查询事项"), "（三）8.属于行政查询事项", Some(G::Withheld), R::Result),
        /// （四）1.
        UnableNotHeld => request_row("unable_not_held", Labels::both("1.本机关不掌握相关政府信息"), "（四）1.本机关不掌握相关政府信息", Some(G::Unable), R::Result),
        /// （四）2.
        UnableNeedsCreation => request_row("unable_needs_creation", Labels::both("2.没有现成信息需要另行制作"), "（四）2.没有现成信息需要另行制作", Some(G::Unable), R::Result),
        /// （四）3.
        UnableUnclearAfterCorrection => request_row("unable_unclear_after_correction", Labels::both("3.补正后申请内容仍不明确"), "（四）3.补正后申请内容仍不明确", Some(G::Unable), R::Result),
        /// （五）1.
        NotProcessedComplaint => request_row("not_processed_complaint", Labels::both("1.信访举报投诉类申请"), "（五）1.信访举报投诉类申请", Some(G::NotProcessed), R::Result),
        /// （五）2.
        NotProcessedRepeated => request_row("not_processed_repeated", Labels::both("2.重复申请"), "（五）2.重复申请", Some(G::NotProcessed), R::Result),
        /// （五）3.
        NotProcessedPublication => request_row("not_processed_publication", Labels::both("3.要求提供公开出版物"), "（五）3.要求提供公开出版物", Some(G::NotProcessed), R::Result),
        /// （五）4.
        NotProcessedExcessive => request_row("not_processed_excessive", Labels::both("4.无正当理由大量反复申请"), "（五）4.无正当理由大量反复申请", Some(G::NotProcessed), R::Result),
        /// （五）5.
        NotProcessedConfirmation => request_row("not_processed_confirmation", Labels::both("5.要求行政机关确认或重新出具已获取信息"), "（五）5.要求行政机关确认或重新出具已获取信息", Some(G::NotProcessed), R::Result),
        /// （六）1. (2021 format).
        OtherNoCorrection => request_row("other_no_correction", Labels::only_2021("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"), "（六）1.逾期不补正", Some(G::OtherProcessing), R::Result),
        /// （六）2. (2021 format).
        OtherFeeUnpaid => request_row("other_fee_unpaid", Labels::only_2021("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"), "（六）2.逾期未缴纳费用", Some(G::OtherProcessing), R::Result),
        /// （六）3. (2021 format).
        OtherOther => request_row("other_other", Labels::only_2021("3.其他"), "（六）3.其他", Some(G::OtherProcessing), R::Result),
        /// （六）其他处理 as one row (2019 format; also printed by some out-of-date 2021-format reports).
        Other => request_row("other", Labels::only_2019("（六）其他处理"), "（六）其他处理", Some(G::Results), R::Result),
        /// （七）总计.
        ResultsTotal => request_row("results_total", Labels::both("（七）总计"), "（七）总计", Some(G::Results), R::ResultsTotal),
        /// 四、结转下年度继续办理.
        CarriedForward => request_row("carried_forward", Labels::both("四、结转下年度继续办理"), "四、结转下年度", None, R::CarriedForward),
    }
}

impl RequestRow {
    /// The three rows that split （六）其他处理 in the 2021 format.
    pub const OTHER_SPLIT: [RequestRow; 3] = [
        RequestRow::OtherNoCorrection,
        RequestRow::OtherFeeUnpaid,
        RequestRow::OtherOther,
    ];

    /// The rows of `edition` in printed order.
    pub fn in_edition(edition: Edition) -> impl Iterator<Item = RequestRow> {
        Self::ALL
            .iter()
            .copied()
            .filter(move |r| r.def().labels.in_edition(edition))
    }
}

/// The definition of a column.
#[derive(Debug)]
pub struct ColumnDef {
    /// The JSON key.
    pub key: &'static str,
    /// The verbatim header label in each edition.
    pub labels: Labels,
    /// The merged header cell above this one, if any.
    pub parent: Option<&'static str>,
    /// What the cells of the column hold.
    pub kind: CellKind,
}

const fn column(
    key: &'static str,
    labels: Labels,
    parent: Option<&'static str>,
    kind: CellKind,
) -> ColumnDef {
    ColumnDef {
        key,
        labels,
        parent,
        kind,
    }
}

/// The header cell above the five 法人或其他组织 columns of 表三.
pub const ORGANISATIONS_HEADER: &str = "法人或其他组织";
/// The header cell above all applicant columns of 表三.
pub const APPLICANTS_HEADER: &str = "申请人情况";
/// The note in the top-left header cell of 表三.
pub const REQUESTS_NOTE: &str =
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

layout_keys! {
    /// A column of 表三: who applied.
    pub enum Applicant: ColumnDef {
        /// 自然人.
        NaturalPerson => column("natural_person", Labels::both("自然人"), None, CellKind::Count),
        /// 商业企业.
        Commercial => column("commercial", Labels::both("商业企业"), Some(ORGANISATIONS_HEADER), CellKind::Count),
        /// 科研机构.
        Research => column("research", Labels::both("科研机构"), Some(ORGANISATIONS_HEADER), CellKind::Count),
        /// 社会公益组织.
        PublicInterest => column("public_interest", Labels::both("社会公益组织"), Some(ORGANISATIONS_HEADER), CellKind::Count),
        /// 法律服务机构.
        LegalService => column("legal_service", Labels::both("法律服务机构"), Some(ORGANISATIONS_HEADER), CellKind::Count),
        /// 其他 (法人或其他组织).
        OtherOrg => column("other_org", Labels::both("其他"), Some(ORGANISATIONS_HEADER), CellKind::Count),
        /// 总计.
        Total => column("total", Labels::both("总计"), None, CellKind::Count),
    }
}

impl Applicant {
    /// The six columns that add up to 总计.
    pub const PARTS: [Applicant; 6] = [
        Applicant::NaturalPerson,
        Applicant::Commercial,
        Applicant::Research,
        Applicant::PublicInterest,
        Applicant::LegalService,
        Applicant::OtherOrg,
    ];

    /// A name for messages: 其他 is ambiguous on its own, so it names its parent too.
    pub fn short(self) -> &'static str {
        match self {
            Applicant::OtherOrg => "其他（法人或其他组织）",
            other => other.def().labels.any(Edition::V2021),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// 表四
// ---------------------------------------------------------------------------------------------

/// The definition of a 表四 group.
#[derive(Debug)]
pub struct AppealGroupDef {
    /// The JSON key.
    pub key: &'static str,
    /// The verbatim header label.
    pub label: &'static str,
    /// The merged header above it, if any (行政诉讼).
    pub parent: Option<&'static str>,
}

const fn appeal_group(
    key: &'static str,
    label: &'static str,
    parent: Option<&'static str>,
) -> AppealGroupDef {
    AppealGroupDef { key, label, parent }
}

/// The header over the two litigation groups of 表四.
pub const LITIGATION_HEADER: &str = "行政诉讼";

layout_keys! {
    /// A group of five columns in 表四.
    pub enum AppealGroup: AppealGroupDef {
        /// 行政复议.
        Review => appeal_group("review", "行政复议", None),
        /// 行政诉讼 — 未经复议直接起诉.
        LitigationDirect => appeal_group("litigation_direct", "未经复议直接起诉", Some(LITIGATION_HEADER)),
        /// 行政诉讼 — 复议后起诉.
        LitigationAfterReview => appeal_group("litigation_after_review", "复议后起诉", Some(LITIGATION_HEADER)),
    }
}

layout_keys! {
    /// A column inside a 表四 group.
    pub enum Outcome: ColumnDef {
        /// 结果维持.
        Upheld => column("upheld", Labels::both("结果维持"), None, CellKind::Count),
        /// 结果纠正.
        Corrected => column("corrected", Labels::both("结果纠正"), None, CellKind::Count),
        /// 其他结果.
        Other => column("other", Labels::both("其他结果"), None, CellKind::Count),
        /// 尚未审结.
        Pending => column("pending", Labels::both("尚未审结"), None, CellKind::Count),
        /// 总计.
        Total => column("total", Labels::both("总计"), None, CellKind::Count),
    }
}

impl Outcome {
    /// The four columns that add up to 总计.
    pub const PARTS: [Outcome; 4] = [
        Outcome::Upheld,
        Outcome::Corrected,
        Outcome::Other,
        Outcome::Pending,
    ];
}

// ---------------------------------------------------------------------------------------------
// 表二
// ---------------------------------------------------------------------------------------------

/// The definition of a 表二 item (a row).
#[derive(Debug)]
pub struct ProactiveItemDef {
    /// The JSON key.
    pub key: &'static str,
    /// The verbatim row label in each edition.
    pub labels: Labels,
    /// The caption of the block the row sits in, e.g. 第二十条第（一）项.
    pub block: &'static str,
    /// The columns of the row, in order, across both editions.
    pub columns: &'static [ProactiveColumn],
}

const fn item(
    key: &'static str,
    labels: Labels,
    block: &'static str,
    columns: &'static [ProactiveColumn],
) -> ProactiveItemDef {
    ProactiveItemDef {
        key,
        labels,
        block,
        columns,
    }
}

/// The header of the first column of every 表二 block.
pub const PROACTIVE_ITEM_HEADER: &str = "信息内容";

use ProactiveColumn as C;

const DOCUMENT_COLUMNS: &[ProactiveColumn] = &[
    C::Issued,
    C::Repealed,
    C::InForce,
    C::Made,
    C::Published,
    C::TotalPublished,
];
const DECISION_COLUMNS: &[ProactiveColumn] = &[C::PreviousItems, C::Change, C::Decisions];
const FEE_COLUMNS: &[ProactiveColumn] = &[C::PreviousItems, C::Change, C::FeeAmount];
const PROCUREMENT_COLUMNS: &[ProactiveColumn] = &[C::Items, C::ProcurementAmount];

layout_keys! {
    /// A row of 表二 (主动公开政府信息情况).
    pub enum ProactiveItem: ProactiveItemDef {
        /// 规章.
        Regulations => item("regulations", Labels::both("规章"), "第二十条第（一）项", DOCUMENT_COLUMNS),
        /// 行政规范性文件 (2019: 规范性文件).
        NormativeDocuments => item("normative_documents", Labels::differ("行政规范性文件", "规范性文件"), "第二十条第（一）项", DOCUMENT_COLUMNS),
        /// 行政许可.
        Licensing => item("licensing", Labels::both("行政许可"), "第二十条第（五）项", DECISION_COLUMNS),
        /// 其他对外管理服务事项 (2019 format only).
        OtherServices => item("other_services", Labels::only_2019("其他对外管理服务事项"), "第二十条第（五）项", DECISION_COLUMNS),
        /// 行政处罚.
        Penalties => item("penalties", Labels::both("行政处罚"), "第二十条第（六）项", DECISION_COLUMNS),
        /// 行政强制.
        CoerciveMeasures => item("coercive_measures", Labels::both("行政强制"), "第二十条第（六）项", DECISION_COLUMNS),
        /// 行政事业性收费.
        Fees => item("fees", Labels::both("行政事业性收费"), "第二十条第（八）项", FEE_COLUMNS),
        /// 政府集中采购 (2019 format only).
        Procurement => item("procurement", Labels::only_2019("政府集中采购"), "第二十条第（九）项", PROCUREMENT_COLUMNS),
    }
}

impl ProactiveItem {
    /// The columns this item has in `edition`, in printed order.
    pub fn columns_in(self, edition: Edition) -> impl Iterator<Item = ProactiveColumn> {
        self.def()
            .columns
            .iter()
            .copied()
            .filter(move |c| c.def().labels.in_edition(edition))
    }
    /// Finds a column of this item by its JSON key.
    pub fn column_by_key(self, key: &str) -> Option<ProactiveColumn> {
        self.def().columns.iter().copied().find(|c| c.key() == key)
    }
    /// The items of `edition` in printed order.
    pub fn in_edition(edition: Edition) -> impl Iterator<Item = ProactiveItem> {
        Self::ALL
            .iter()
            .copied()
            .filter(move |r| r.def().labels.in_edition(edition))
    }
}

layout_keys! {
    /// A column of 表二. Which columns a row has depends on the row and the edition.
    pub enum ProactiveColumn: ColumnDef {
        /// 本年制发件数 (2021).
        Issued => column("issued", Labels::only_2021("本年制发件数"), None, CellKind::Count),
        /// 本年废止件数 (2021).
        Repealed => column("repealed", Labels::only_2021("本年废止件数"), None, CellKind::Count),
        /// 现行有效件数 (2021).
        InForce => column("in_force", Labels::only_2021("现行有效件数"), None, CellKind::Count),
        /// 本年处理决定数量 (2019: 处理决定数量).
        Decisions => column("decisions", Labels::differ("本年处理决定数量", "处理决定数量"), None, CellKind::Count),
        /// 本年收费金额（单位：万元） (2021).
        FeeAmount => column("amount", Labels::only_2021("本年收费金额（单位：万元）"), None, CellKind::Money),
        /// 本年新制作数量 (2019).
        Made => column("made", Labels::only_2019("本年新制作数量"), None, CellKind::Count),
        /// 本年新公开数量 (2019).
        Published => column("published", Labels::only_2019("本年新公开数量"), None, CellKind::Count),
        /// 对外公开总数量 (2019).
        TotalPublished => column("total_published", Labels::only_2019("对外公开总数量"), None, CellKind::Count),
        /// 上一年项目数量 (2019).
        PreviousItems => column("previous_items", Labels::only_2019("上一年项目数量"), None, CellKind::Count),
        /// 本年增/减 (2019; may be negative).
        Change => column("change", Labels::only_2019("本年增/减"), None, CellKind::SignedCount),
        /// 采购项目数量 (2019).
        Items => column("items", Labels::only_2019("采购项目数量"), None, CellKind::Count),
        /// 采购总金额 (2019; text as printed, unit included).
        ProcurementAmount => column("amount", Labels::only_2019("采购总金额"), None, CellKind::Text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_unique_within_each_table() {
        let mut keys: Vec<_> = RequestRow::ALL.iter().map(|r| r.key()).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), RequestRow::ALL.len());
        for item in ProactiveItem::ALL {
            let mut cols: Vec<_> = item.def().columns.iter().map(|c| c.key()).collect();
            cols.sort_unstable();
            cols.dedup();
            assert_eq!(cols.len(), item.def().columns.len(), "{}", item.key());
        }
    }

    #[test]
    fn the_2021_layout_has_25_rows_and_the_2019_layout_23() {
        assert_eq!(RequestRow::in_edition(Edition::V2021).count(), 25);
        assert_eq!(RequestRow::in_edition(Edition::V2019).count(), 23);
    }

    #[test]
    fn each_item_has_columns_in_each_of_its_editions() {
        for edition in Edition::ALL {
            for item in ProactiveItem::in_edition(edition) {
                assert!(
                    item.columns_in(edition).count() > 0,
                    "{} {}",
                    item.key(),
                    edition.key()
                );
            }
        }
        let cols: Vec<_> = ProactiveItem::Fees
            .columns_in(Edition::V2021)
            .map(|c| c.key())
            .collect();
        assert_eq!(cols, ["amount"]);
    }

    #[test]
    fn editions_follow_the_report_year() {
        assert_eq!(Edition::for_year(2018), None);
        assert_eq!(Edition::for_year(2020), Some(Edition::V2019));
        assert_eq!(Edition::for_year(2021), Some(Edition::V2021));
    }
}
