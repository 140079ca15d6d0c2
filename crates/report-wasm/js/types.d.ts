// Generated from the Rust types by tests/tests/typescript.rs; do not edit.
// The JSON contract version 1.1.

/** The edition of the national format. */
export type Edition = "2021" | "2019";

/** An agency's administrative level. */
export type AgencyLevel = "central" | "provincial" | "municipal" | "county" | "township";

/** 一、总体情况: one text, or the five sub-parts. */
export type Overview = { 
/**
 * The section's text, or its opening before the sub-headings.
 */
summary?: string, 
/**
 * （一）主动公开.
 */
proactive_disclosure?: string, 
/**
 * （二）依申请公开.
 */
disclosure_on_request?: string, 
/**
 * （三）政府信息管理.
 */
information_management?: string, 
/**
 * （四）政府信息公开平台建设.
 */
platforms?: string, 
/**
 * （五）监督保障.
 */
oversight?: string, };

/** 表二 二、主动公开政府信息情况. A cell is a number, the text printed, or null when blank. */
export type ProactiveTable = {
  /** 规章 */
  regulations?: { issued?: number | string | null; repealed?: number | string | null; in_force?: number | string | null; made?: number | string | null; published?: number | string | null; total_published?: number | string | null; };
  /** 行政规范性文件 */
  normative_documents?: { issued?: number | string | null; repealed?: number | string | null; in_force?: number | string | null; made?: number | string | null; published?: number | string | null; total_published?: number | string | null; };
  /** 行政许可 */
  licensing?: { previous_items?: number | string | null; change?: number | string | null; decisions?: number | string | null; };
  /** 其他对外管理服务事项 */
  other_services?: { previous_items?: number | string | null; change?: number | string | null; decisions?: number | string | null; };
  /** 行政处罚 */
  penalties?: { previous_items?: number | string | null; change?: number | string | null; decisions?: number | string | null; };
  /** 行政强制 */
  coercive_measures?: { previous_items?: number | string | null; change?: number | string | null; decisions?: number | string | null; };
  /** 行政事业性收费 */
  fees?: { previous_items?: number | string | null; change?: number | string | null; amount?: string | null; };
  /** 政府集中采购 */
  procurement?: { items?: number | string | null; amount?: string | null; };
}

/** 表三 三、收到和处理政府信息公开申请情况. A cell is a number, the text printed, or null when blank. */
export type RequestsTable = {
  /** 一、本年新收政府信息公开申请数量 */
  new?: { natural_person?: number | string | null; commercial?: number | string | null; research?: number | string | null; public_interest?: number | string | null; legal_service?: number | string | null; other_org?: number | string | null; total?: number | string | null; };
  /** 二、上年结转政府信息公开申请数量 */
  carried_over?: { natural_person?: number | string | null; commercial?: number | string | null; research?: number | string | null; public_interest?: number | string | null; legal_service?: number | string | null; other_org?: number | string | null; total?: number | string | null; };
  /** （一）予以公开 */
  granted?: { natural_person?: number | string | null; commercial?: number | string | null; research?: number | string | null; public_interest?: number | string | null; legal_service?: number | string | null; other_org?: number | string | null; total?: number | string | null; };
  /** （二）部分公开（区分处理的，只计这一情形，不计其他情形） */
  partially_granted?: { natural_person?: number | string | null; commercial?: number | string | null; research?: number | string | null; public_interest?: number | string | null; legal_service?: number | string | null; other_org?: number | string | null; total?: number | string | null; };
  /** 1.属于国家秘密 */
  withheld_state_secret?: { natural_person?: number | string | null; commercial?: number | string | null; research?: number | string | null; public_interest?: number | string | null; legal_service?: number | string | null; other_org?: number | string | null; total?: number | string | null; };
  /** 2.其他法律行政法规禁止公开 */
  withheld_prohibited_by_law?: { natural_person?: number | string | null; commercial?: number | string | null; research?: number | string | null; public_interest?: number | string | null; legal_service?: number | string | null; other_org?: number | string | null; total?: number | string | null; };
  /** 3.危及“三安全一稳定” */
  withheld_three_securities_one_stability?: { natural_person?: number | string | null; commercial?: number | string | null; research?: number | string | null; public_interest?: number | string | null; legal_service?: number | string | null; other_org?: number | string | null; total?: number | string | null; };
  /** 4.保护第三方合法权益 */
  withheld_third_party_rights?: { natural_person?: number | string | null; commercial?: number | string | null; research?: number | string | null; public_interest?: number | string | null; legal_service?: number | string | null; other_org?: number | string | null; total?: number | string | null; };
  /** 5.属于三类内部事务信息 */
  withheld_internal_affairs?: { natural_person?: number | string | null; commercial?: number | string | null; research?: number | string | null; public_interest?: number | string | null; legal_service?: number | string | null; other_org?: number | string | null; total?: number | string | null; };
  /** 6.属于四类过程性信息 */
  withheld_process_information?: { natural_person?: number | string | null; commercial?: number | string | null; research?: number | string | null; public_interest?: number | string | null; legal_service?: number | string | null; other_org?: number | string | null; total?: number | string | null; };
  /** 7.属于行政执法案卷 */
  withheld_enforcement_case_file?: { natural_person?: number | string | null; commercial?: number | string | null; research?: number | string | null; public_interest?: number | string | null; legal_service?: number | string | null; other_org?: number | string | null; total?: number | string | null; };
  /** 8.属于行政查询事项 */
  withheld_query_matter?: { natural_person?: number | string | null; commercial?: number | string | null; research?: number | string | null; public_interest?: number | string | null; legal_service?: number | string | null; other_org?: number | string | null; total?: number | string | null; };
  /** 1.本机关不掌握相关政府信息 */
  unable_not_held?: { natural_person?: number | string | null; commercial?: number | string | null; research?: number | string | null; public_interest?: number | string | null; legal_service?: number | string | null; other_org?: number | string | null; total?: number | string | null; };
  /** 2.没有现成信息需要另行制作 */
  unable_needs_creation?: { natural_person?: number | string | null; commercial?: number | string | null; research?: number | string | null; public_interest?: number | string | null; legal_service?: number | string | null; other_org?: number | string | null; total?: number | string | null; };
  /** 3.补正后申请内容仍不明确 */
  unable_unclear_after_correction?: { natural_person?: number | string | null; commercial?: number | string | null; research?: number | string | null; public_interest?: number | string | null; legal_service?: number | string | null; other_org?: number | string | null; total?: number | string | null; };
  /** 1.信访举报投诉类申请 */
  not_processed_complaint?: { natural_person?: number | string | null; commercial?: number | string | null; research?: number | string | null; public_interest?: number | string | null; legal_service?: number | string | null; other_org?: number | string | null; total?: number | string | null; };
  /** 2.重复申请 */
  not_processed_repeated?: { natural_person?: number | string | null; commercial?: number | string | null; research?: number | string | null; public_interest?: number | string | null; legal_service?: number | string | null; other_org?: number | string | null; total?: number | string | null; };
  /** 3.要求提供公开出版物 */
  not_processed_publication?: { natural_person?: number | string | null; commercial?: number | string | null; research?: number | string | null; public_interest?: number | string | null; legal_service?: number | string | null; other_org?: number | string | null; total?: number | string | null; };
  /** 4.无正当理由大量反复申请 */
  not_processed_excessive?: { natural_person?: number | string | null; commercial?: number | string | null; research?: number | string | null; public_interest?: number | string | null; legal_service?: number | string | null; other_org?: number | string | null; total?: number | string | null; };
  /** 5.要求行政机关确认或重新出具已获取信息 */
  not_processed_confirmation?: { natural_person?: number | string | null; commercial?: number | string | null; research?: number | string | null; public_interest?: number | string | null; legal_service?: number | string | null; other_org?: number | string | null; total?: number | string | null; };
  /** 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 */
  other_no_correction?: { natural_person?: number | string | null; commercial?: number | string | null; research?: number | string | null; public_interest?: number | string | null; legal_service?: number | string | null; other_org?: number | string | null; total?: number | string | null; };
  /** 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 */
  other_fee_unpaid?: { natural_person?: number | string | null; commercial?: number | string | null; research?: number | string | null; public_interest?: number | string | null; legal_service?: number | string | null; other_org?: number | string | null; total?: number | string | null; };
  /** 3.其他 */
  other_other?: { natural_person?: number | string | null; commercial?: number | string | null; research?: number | string | null; public_interest?: number | string | null; legal_service?: number | string | null; other_org?: number | string | null; total?: number | string | null; };
  /** （六）其他处理 */
  other?: { natural_person?: number | string | null; commercial?: number | string | null; research?: number | string | null; public_interest?: number | string | null; legal_service?: number | string | null; other_org?: number | string | null; total?: number | string | null; };
  /** （七）总计 */
  results_total?: { natural_person?: number | string | null; commercial?: number | string | null; research?: number | string | null; public_interest?: number | string | null; legal_service?: number | string | null; other_org?: number | string | null; total?: number | string | null; };
  /** 四、结转下年度继续办理 */
  carried_forward?: { natural_person?: number | string | null; commercial?: number | string | null; research?: number | string | null; public_interest?: number | string | null; legal_service?: number | string | null; other_org?: number | string | null; total?: number | string | null; };
}

/** 表四 四、政府信息公开行政复议、行政诉讼情况. A cell is a number, the text printed, or null when blank. */
export type AppealsTable = {
  /** 行政复议 */
  review?: { upheld?: number | string | null; corrected?: number | string | null; other?: number | string | null; pending?: number | string | null; total?: number | string | null; };
  /** 未经复议直接起诉 */
  litigation_direct?: { upheld?: number | string | null; corrected?: number | string | null; other?: number | string | null; pending?: number | string | null; total?: number | string | null; };
  /** 复议后起诉 */
  litigation_after_review?: { upheld?: number | string | null; corrected?: number | string | null; other?: number | string | null; pending?: number | string | null; total?: number | string | null; };
}

/** A report, as the JSON contract writes it. */
export type Report = { 
/**
 * The edition of the national format the report follows: `"2021"` or `"2019"`.
 */
edition: Edition, 
/**
 * The year the report covers (1 January – 31 December).
 */
year: number, 
/**
 * The agency that publishes the report, as named in its title.
 */
agency: string, 
/**
 * The agency's administrative level, when known; otherwise it is inferred from its name.
 */
agency_level?: AgencyLevel, 
/**
 * The date the report was published.
 */
published?: string, 
/**
 * The opening paragraph before 一 (导语), with the statistics period.
 */
preface?: string, 
/**
 * 一、总体情况.
 */
overview?: Overview, 
/**
 * 表二 主动公开政府信息情况.
 */
proactive?: ProactiveTable, 
/**
 * 表三 收到和处理政府信息公开申请情况.
 */
requests?: RequestsTable, 
/**
 * 表四 政府信息公开行政复议、行政诉讼情况.
 */
appeals?: AppealsTable, 
/**
 * 五、存在的主要问题及改进情况.
 */
problems?: string, 
/**
 * 六、其他需要报告的事项 (where the 信息处理费 collected is reported).
 */
other_matters?: string, };

/** How serious a diagnostic is. */
export type Severity = "error" | "warning" | "info";

/** Where something was read in a document: the line of a text, or the table, row and column (1-based, merged cells counted as the grid) of an HTML page or Word document. */
export type Source = { 
/**
 * The page (1-based) of a PDF file.
 */
page?: number, 
/**
 * The line (1-based) of a text document; in a PDF, the line of its page.
 */
line?: number, 
/**
 * The table (1-based, in document order) of an HTML or Word document.
 */
table?: number, 
/**
 * The row (1-based) within the table.
 */
row?: number, 
/**
 * The column (1-based) within the row, counting merged cells as the grid does.
 */
column?: number, };

/** One finding of a rule or an importer, with every cell named by its JSON Pointer, the primary cell first. */
export type Diagnostic = { 
/**
 * The rule's stable code, e.g. `H4`.
 */
code: string, 
/**
 * The rule's stable name, e.g. `appeal-total`.
 */
rule: string, 
/**
 * How serious it is.
 */
severity: Severity, 
/**
 * What is wrong, in the requested language.
 */
message: string, 
/**
 * Every cell (or field) involved, as JSON Pointers, primary first.
 */
cells: Array<string>, 
/**
 * For arithmetic rules: the value the other cells of the equation give.
 */
expected?: number | string, 
/**
 * For arithmetic rules: the value the report states.
 */
actual?: number | string, 
/**
 * For arithmetic rules: `actual − expected`.
 */
difference?: number | string, 
/**
 * When a row rule and a column rule both fail through one cell: that cell.
 */
likely_culprit?: string, 
/**
 * The cells a form or a published page marks for this diagnostic, as JSON Pointers: the
 * same cells in every front end; absent when it marks none.
 */
marks?: Array<string>, 
/**
 * For a cell whose numbers run together (I4): every value it may hold, in order.
 */
candidates?: Array<string>, 
/**
 * Where in the imported document it is: for an import diagnostic the place it read, for a
 * rule's the place its first cell was read from.
 */
source?: Source, };

/** How many diagnostics of each severity. */
export type Counts = { 
/**
 * Errors.
 */
errors: number, 
/**
 * Warnings.
 */
warnings: number, 
/**
 * Informative notes.
 */
infos: number, };

/** The result of checking a report. */
export type CheckResult = { 
/**
 * Whether the report has no errors (warnings and notes allowed).
 */
valid: boolean, 
/**
 * How many diagnostics of each severity.
 */
counts: Counts, 
/**
 * The diagnostics, in the order of the places they name.
 */
diagnostics: Array<Diagnostic>, };

/** What a rule says about itself. */
export type RuleMeta = { 
/**
 * The stable code, e.g. `H1`. Never reused.
 */
code: string, 
/**
 * The stable name, e.g. `row-total`.
 */
name: string, 
/**
 * The severity of what the rule finds.
 */
severity: Severity, 
/**
 * The version the rule first appeared in.
 */
since: string, 
/**
 * Whether the rule needs last year's report.
 */
needs_previous: boolean, 
/**
 * A one-line Chinese title.
 */
title_zh: string, 
/**
 * A one-line English title.
 */
title_en: string, 
/**
 * A Chinese explanation for the people who fill and check reports.
 */
explanation_zh: string, 
/**
 * The rule's documentation (its doc comment), in English; empty when the crate is built
 * without the `docs` feature.
 */
docs: string, };
