//! 表二 主动公开政府信息情况: its items and their columns.

use super::{column, CellKind, ColumnDef, Edition, Labels};

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
