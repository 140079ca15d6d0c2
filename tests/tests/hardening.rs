//! Markup in a report never becomes markup in what nianbao writes: every text field of a report
//! holding `<script>` and `<img onerror>` exports as text in every format that is HTML.

use proptest::prelude::*;
use report_core::place::{req, Place};
use report_core::{Applicant, Cell, Edition, ProseField, Report, RequestRow};
use report_io::export::{render, Target};

const PAYLOADS: &[&str] = &[
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "\"><svg onload=alert(1)>",
    "</td></tr></table><iframe src=javascript:alert(1)>",
    "&lt;script&gt; <!-- -->",
];

fn with_markup(markup: &str) -> Report {
    let mut report = Report::blank(Edition::V2021, 2024, format!("某局{markup}"));
    for field in ProseField::ALL {
        *report.prose_mut(field) = Some(format!("第一段{markup}\n第二段{markup}"));
    }
    report.set_cell(
        req(RequestRow::New, Applicant::NaturalPerson),
        Cell::Text(markup.to_owned()),
    );
    report.set_cell(
        Place::Proactive(
            report_core::ProactiveItem::Fees,
            Some(report_core::ProactiveColumn::FeeAmount),
        ),
        Cell::Text(markup.to_owned()),
    );
    report
}

fn assert_inert(html: &str, markup: &str) {
    let lower = html.to_ascii_lowercase();
    for tag in ["<script", "<img", "<svg", "<iframe"] {
        assert!(
            !lower.contains(tag),
            "{tag} made it into the HTML for {markup:?}"
        );
    }
    // The text is all there, escaped.
    assert!(html.contains("某局"), "{html}");
}

#[test]
fn known_payloads_in_every_text_field_export_as_text() {
    for markup in PAYLOADS {
        let report = with_markup(markup);
        let html = String::from_utf8(render(&report, Target::Html)).expect("UTF-8");
        assert_inert(&html, markup);
        assert!(html.contains("&lt;"), "{html}");
        // And the export reads back to the same text (the title's spaces aside).
        let back = report_io::import_as(&html, report_io::Format::Html).expect("reads back");
        let squash = |s: &str| s.split_whitespace().collect::<String>();
        assert_eq!(squash(&back.report.agency), squash(&report.agency));
    }
}

proptest! {
    #[test]
    fn any_markup_in_the_agency_and_prose_stays_text(markup in "[<>\"'&a-z =/!\\-]{0,40}") {
        let report = with_markup(&markup);
        let html = String::from_utf8(render(&report, Target::Html)).expect("UTF-8");
        // Every '<' in the output opens one of the exporter's own elements.
        for (i, _) in html.match_indices('<') {
            let tag: String = html[i + 1..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '/' || *c == '!').collect();
            let name = tag.trim_start_matches('/').to_ascii_lowercase();
            prop_assert!(
                ["!doctype", "html", "head", "meta", "title", "body", "h1", "h2", "h3", "p", "table", "tr", "td", "th", "thead", "tbody", "br", "div", "span", "section", "style", "caption", "colgroup", "col"].contains(&name.as_str()),
                "unexpected element <{}> for {:?}", name, markup
            );
        }
    }
}
