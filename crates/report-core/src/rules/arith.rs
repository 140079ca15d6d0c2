//! What the arithmetic rules (H1–H4, H7, S2) share: evaluating their equations (listed once in
//! [`crate::equation`]) and collecting those that blanks make unverifiable into a single
//! informative finding.

use super::Context;
use crate::diagnostic::Finding;
use crate::equation::{cross_year_equations, table_equations, Equation, Evaluation};

/// The findings of the rule `code` over every equation it checks.
pub(crate) fn balance(cx: &Context<'_>, code: &str) -> Vec<Finding> {
    let mut equations = table_equations(cx.report);
    if cx.previous.is_some() {
        equations.extend(cross_year_equations());
    }
    let mut broken = Vec::new();
    let mut incomplete = Vec::new();
    for equation in equations.into_iter().filter(|e| e.rule() == code) {
        match equation.evaluate(cx.report, cx.previous) {
            None | Some(Evaluation::Holds) => {}
            Some(Evaluation::Incomplete) => {
                if let Some(&primary) = equation.cells(cx.report).first() {
                    incomplete.push((equation, primary));
                }
            }
            Some(Evaluation::Broken {
                expected,
                actual,
                bound,
            }) => broken.push(Finding::Imbalance {
                equation,
                cells: equation.cells(cx.report),
                expected,
                actual,
                bound,
            }),
        }
    }
    if !incomplete.is_empty() {
        let (equations, cells): (Vec<Equation>, _) = incomplete.into_iter().unzip();
        broken.push(Finding::Incomplete { equations, cells });
    }
    broken
}
