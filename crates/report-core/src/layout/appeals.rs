//! 表四 政府信息公开行政复议、行政诉讼情况: its groups and outcome columns.

use super::{column, CellKind, ColumnDef, Labels};

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
