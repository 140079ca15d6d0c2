//! 表三 收到和处理政府信息公开申请情况: its rows, its columns and their groups.

use super::{column, CellKind, ColumnDef, Edition, Labels};

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
