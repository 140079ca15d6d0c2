//! Where a printed table's columns are, read from the positions of its header, so that a row
//! that leaves cells blank keeps each of its numbers in its own column.
//!
//! Text laid out from a PDF keeps no cell borders: a row of 表三 that prints "821 35 2 1 859"
//! says nothing of which two of its seven cells are blank. The glyphs' positions do. The
//! header's column labels (自然人 … 总计, or 表四's 结果维持 … 总计 three times) sit over their
//! columns; a header label wrapped in its narrow cell is stacked at the same place. Under a
//! header whose every label is found in order, each number of a row is given the column whose
//! label it sits under, and the columns it leaves are marked blank ([`BLANK`]).
//!
//! Nothing is placed on doubt: a row is rewritten only when it has a label to its left (表四's
//! row of numbers right under its header needs none), every number sits clearly under one
//! label, no two under the same, and no line of bare numbers sits just above or below it (a
//! number wrapped in its cell). Otherwise it is left as printed, and the layout reader flags it.

use report_core::layout::{Applicant, Edition, Outcome};

use super::interpret::heading;
pub(crate) use super::layout::BLANK;
use crate::text::is_value;

/// A word of a printed line: text between gaps.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Run {
    /// Where it starts and ends on the line (points).
    pub(crate) x0: f64,
    pub(crate) x1: f64,
    /// Where the text printer put the end of its last glyph: short of `x1` when the font gave
    /// no widths. The gaps of the laid-out text are measured from here, as printed.
    pub(crate) printed_end: f64,
    pub(crate) text: String,
}

impl Run {
    fn centre(&self) -> f64 {
        (self.x0 + self.x1) / 2.0
    }
}

/// Header text stacked at one place over several lines ("社会公益" over "组织", or a group's
/// heading over its first column): its pieces from the top.
struct Stack {
    pieces: Vec<Run>,
}

impl Stack {
    fn last(&self) -> &Run {
        &self.pieces[self.pieces.len() - 1]
    }

    /// Where the label `label` is printed when the stack ends with it: the pieces that spell
    /// it, from the bottom up.
    fn ending(&self, label: &str) -> Option<(f64, f64)> {
        let mut text = String::new();
        let (mut x0, mut x1) = (f64::INFINITY, f64::NEG_INFINITY);
        for piece in self.pieces.iter().rev() {
            text.insert_str(0, &piece.text);
            x0 = x0.min(piece.x0);
            x1 = x1.max(piece.x1);
            if text == label {
                return Some((x0, x1));
            }
            if !label.ends_with(&text) {
                return None;
            }
        }
        None
    }
}

/// One printed line: its runs left to right, its type size and its height on its page.
pub(crate) struct Line {
    pub(crate) runs: Vec<Run>,
    pub(crate) size: f64,
    pub(crate) y: f64,
    /// The line's page (0-based).
    pub(crate) page: usize,
}

/// A table's columns as its header places them: where each column's label is printed.
struct Grid {
    labels: Vec<(f64, f64)>,
    /// Whether rows may print no label (表四's one row of numbers, right under its header).
    unlabelled_first_row: bool,
}

/// Follows a document's lines, finds the columns of each table from its header, and places the
/// numbers of rows that leave cells blank: each such row gets a [`BLANK`] run at each column the
/// header shows it leaves blank. A line is left as printed when it is no table row, fills every
/// column, or cannot be placed without doubt.
pub(crate) fn place_blanks(lines: &mut [Line]) {
    let mut grids: Vec<Grid> = Vec::new();
    // The rows that may be placed: line, its table's grid, whether it may have no label.
    let mut rows: Vec<(usize, usize, bool)> = Vec::new();
    let mut stacks: Vec<Stack> = Vec::new();
    let mut current: Option<usize> = None;
    for k in 0..lines.len() {
        let line = &lines[k];
        let text: String = line.runs.iter().map(|r| r.text.as_str()).collect();
        let values = line.runs.iter().filter(|r| is_number_run(&r.text)).count();
        if values == 0 {
            if heading(text.trim()).is_some() {
                // A section's heading: the table above has ended.
                current = None;
                stacks.clear();
            } else {
                stack(&mut stacks, &line.runs, line.size);
            }
            continue;
        }
        let fresh = header_grid(&mut stacks);
        stacks.clear();
        let first_row = fresh.is_some();
        if let Some(fresh) = fresh {
            grids.push(fresh);
            current = Some(grids.len() - 1);
        }
        let Some(g) = current else {
            continue;
        };
        let grid = &grids[g];
        // A number wrapped in its narrow cell prints part of it on a line of its own just
        // above or below its row: which part is in which cell cannot be told from positions.
        let close = |j: usize| {
            lines.get(j).is_some_and(|other: &Line| {
                other.page == line.page
                    && (other.y - line.y).abs() <= line.size.max(other.size) * 1.6
                    && other.runs.iter().any(|r| is_number_run(&r.text))
                    && !other.runs.iter().any(|r| !is_number_run(&r.text))
            })
        };
        if close(k + 1) || (k > 0 && close(k - 1)) {
            continue;
        }
        // A label wrapped in its cell may print around the row's numbers and not beside them:
        // text left of the first column just above and just below.
        let left = grid.labels.first().map_or(0.0, |l| l.0);
        let label_at = |j: usize| {
            lines.get(j).is_some_and(|other: &Line| {
                other.page == line.page
                    && (other.y - line.y).abs() <= line.size.max(other.size) * 1.6
                    && !other.runs.is_empty()
                    && other
                        .runs
                        .iter()
                        .all(|r| r.x1 <= left && !is_number_run(&r.text))
            })
        };
        let wrapped_label = k > 0 && label_at(k - 1) && label_at(k + 1);
        let unlabelled = (grid.unlabelled_first_row && first_row) || wrapped_label;
        if numbers_of(&line.runs, &grid.labels, unlabelled).is_some() {
            rows.push((k, g, unlabelled));
        }
    }
    for (g, grid) in grids.iter().enumerate() {
        let numbers: Vec<(&Run, f64)> = rows
            .iter()
            .filter(|r| r.1 == g)
            .flat_map(|&(k, _, unlabelled)| {
                let line = &lines[k];
                numbers_of(&line.runs, &grid.labels, unlabelled)
                    .unwrap_or_default()
                    .iter()
                    .map(|r| (r, line.size))
                    .collect::<Vec<_>>()
            })
            .collect();
        let starts = flush_left_starts(&grid.labels, &numbers);
        for &(k, _, unlabelled) in rows.iter().filter(|r| r.1 == g) {
            let line = &lines[k];
            let placed = place(
                &line.runs,
                &grid.labels,
                line.size,
                unlabelled,
                starts.as_deref(),
            );
            if let Some(placed) = placed {
                lines[k].runs = placed;
            }
        }
    }
}

/// The numbers of a table row: the runs from its first number on, when every one of them is a
/// number and the runs before them are a label left of the first column (or there are none and
/// `unlabelled` allows it).
fn numbers_of<'a>(runs: &'a [Run], grid: &[(f64, f64)], unlabelled: bool) -> Option<&'a [Run]> {
    let first_number = runs.iter().position(|r| is_number_run(&r.text))?;
    let (label, numbers) = runs.split_at(first_number);
    let left = grid.first()?.0;
    let labelled = !label.is_empty() && label.iter().all(|r| r.x1 <= left);
    let ok = (labelled || (unlabelled && label.is_empty()))
        && numbers.iter().all(|r| is_number_run(&r.text));
    ok.then_some(numbers)
}

/// Where each column's numbers start, when the table prints its numbers flush left under a
/// header that is not (a portal's centred `<th>` over plain cells): the numbers of the table
/// start at a few places, one under each column's label at most, and numbers of different
/// widths start at the same place (which neither centred nor flush-right numbers do). `None`
/// when the numbers do not show that.
fn flush_left_starts(grid: &[(f64, f64)], numbers: &[(&Run, f64)]) -> Option<Vec<Option<f64>>> {
    let size = numbers.iter().map(|n| n.1).fold(0.0, f64::max);
    let mut sorted: Vec<&Run> = numbers.iter().map(|n| n.0).collect();
    sorted.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    // Starts within a point of each other are one place.
    let mut places: Vec<Vec<&Run>> = Vec::new();
    for run in sorted {
        match places.last_mut() {
            Some(place) if run.x0 - place[0].x0 <= 1.0 => place.push(run),
            _ => places.push(vec![run]),
        }
    }
    let widths_differ = places.iter().any(|p| {
        let widths = p.iter().map(|r| r.x1 - r.x0);
        let (lo, hi) = widths.fold((f64::INFINITY, 0.0f64), |(lo, hi), w| {
            (lo.min(w), hi.max(w))
        });
        hi - lo > size * 0.3
    });
    if !widths_differ || places.len() > grid.len() {
        return None;
    }
    // A column's numbers start after the label before it ends and no later than its own
    // label starts.
    let tolerance = size * 0.3;
    let mut starts: Vec<Option<f64>> = vec![None; grid.len()];
    for place in &places {
        let x = place[0].x0;
        let mut columns = (0..grid.len()).filter(|&k| {
            let after = if k == 0 {
                grid[0].0 - (grid[0].1 - grid[0].0) - size
            } else {
                grid[k - 1].1
            };
            x > after - tolerance && x <= grid[k].0 + tolerance
        });
        let column = columns.next()?;
        if columns.next().is_some() || starts[column].is_some() {
            return None;
        }
        starts[column] = Some(x);
    }
    Some(starts)
}

/// Adds a header line's runs to the stacks they sit under (same start or same centre, as
/// text wrapped in a left-aligned or a centred cell is).
fn stack(stacks: &mut Vec<Stack>, runs: &[Run], size: f64) {
    for run in runs.iter().flat_map(split_header_word) {
        let near = stacks.iter_mut().rev().find(|s| {
            let last = s.last();
            (last.x0 - run.x0).abs() <= size * 0.5
                || (last.centre() - run.centre()).abs() <= size * 0.5
        });
        match near {
            Some(stack) => stack.pieces.push(run.clone()),
            None => stacks.push(Stack {
                pieces: vec![run.clone()],
            }),
        }
    }
}

/// Every column label of 表三 and 表四.
fn column_labels() -> impl Iterator<Item = &'static str> {
    applicant_labels().chain(outcome_labels())
}

/// 表三's column labels, in printed order.
fn applicant_labels() -> impl Iterator<Item = &'static str> + Clone {
    Applicant::ALL
        .iter()
        .map(|a| a.def().labels.any(Edition::V2021))
}

/// 表四's column labels of one group, in printed order.
fn outcome_labels() -> impl Iterator<Item = &'static str> + Clone {
    Outcome::ALL
        .iter()
        .map(|o| o.def().labels.any(Edition::V2021))
}

/// A header word that is several column labels' pieces printed too close together to be told
/// apart ("社会公益法律服务其": the first lines of 社会公益组织, 法律服务机构 and 其他, wrapped in
/// narrow cells), split into those pieces, each placed by its share of the word's width (Chinese
/// characters are all one width). A word that is part of one label, or that no labels' pieces
/// spell, is kept whole.
fn split_header_word(run: &Run) -> Vec<Run> {
    let chars: Vec<char> = run.text.chars().filter(|c| !c.is_whitespace()).collect();
    let text: String = chars.iter().collect();
    if chars.len() < 2
        || chars.iter().any(char::is_ascii_digit)
        || column_labels().any(|l| l.contains(text.as_str()))
    {
        return vec![run.clone()];
    }
    let piece = |from: usize, to: usize| -> bool {
        let part: String = chars[from..to].iter().collect();
        column_labels().any(|l| l.starts_with(part.as_str()) || l.ends_with(part.as_str()))
    };
    // The fewest pieces that spell the word: best[i] for its first i characters.
    let n = chars.len();
    let mut best: Vec<Option<(usize, usize)>> = vec![None; n + 1];
    best[0] = Some((0, 0));
    for to in 1..=n {
        best[to] = (0..to)
            .filter_map(|from| {
                let (count, _) = best[from]?;
                piece(from, to).then_some((count + 1, from))
            })
            .min_by_key(|&(count, _)| count);
    }
    if best[n].is_none_or(|(count, _)| count < 2) {
        return vec![run.clone()];
    }
    let mut cuts = vec![n];
    let mut at = n;
    while at > 0 {
        let Some((_, from)) = best[at] else {
            return vec![run.clone()];
        };
        cuts.push(from);
        at = from;
    }
    cuts.reverse();
    let width = (run.x1 - run.x0) / n as f64;
    cuts.windows(2)
        .map(|w| Run {
            x0: run.x0 + width * w[0] as f64,
            x1: run.x0 + width * w[1] as f64,
            printed_end: run.x0 + width * w[1] as f64,
            text: chars[w[0]..w[1]].iter().collect(),
        })
        .collect()
}

/// Whether a run is one printed number (or a mark that stands for one).
fn is_number_run(text: &str) -> bool {
    let mut tokens = text.split_whitespace();
    tokens.next().is_some_and(is_value) && tokens.next().is_none()
}

/// The column centres of 表三 or 表四, when the header stacks name every column of one of them
/// once, in order.
fn header_grid(stacks: &mut [Stack]) -> Option<Grid> {
    stacks.sort_by(|a, b| a.last().x0.total_cmp(&b.last().x0));
    let applicants: Vec<&str> = applicant_labels().collect();
    // 表四 prints its columns once for each of its three groups.
    let appeals: Vec<&str> = outcome_labels()
        .cycle()
        .take(3 * Outcome::ALL.len())
        .collect();
    if let Some(labels) = grid_of(stacks, &applicants) {
        return Some(Grid {
            labels,
            unlabelled_first_row: false,
        });
    }
    grid_of(stacks, &appeals).map(|labels| Grid {
        labels,
        unlabelled_first_row: true,
    })
}

/// Where the stacks that end with `labels` print them, one each and in order, when the stacks
/// that end with any of them are exactly those. A stack ends with the longest label it can
/// ("其他结果", not "其他").
fn grid_of(stacks: &[Stack], labels: &[&str]) -> Option<Vec<(f64, f64)>> {
    let mut found: Vec<(&str, (f64, f64))> = Vec::new();
    for stack in stacks {
        let best = labels
            .iter()
            .filter_map(|l| stack.ending(l).map(|at| (*l, at)))
            .max_by_key(|(l, _)| l.len());
        if let Some(best) = best {
            found.push(best);
        }
    }
    let in_order = found.len() == labels.len() && found.iter().zip(labels).all(|(f, l)| f.0 == *l);
    in_order.then(|| found.iter().map(|f| f.1).collect())
}

/// A row placed on the grid: each number under the one column label it is aligned with, as a
/// table aligns its header and its numbers alike (both centred, both left or both right), or,
/// where the table prints its numbers flush left under another header (`starts`), under the
/// column whose numbers start where it does; blank runs for the columns it leaves. `None` when
/// the row is no row of the table, fills every column, or any number is in doubt.
fn place(
    runs: &[Run],
    grid: &[(f64, f64)],
    size: f64,
    unlabelled: bool,
    starts: Option<&[Option<f64>]>,
) -> Option<Vec<Run>> {
    let numbers = numbers_of(runs, grid, unlabelled)?;
    if numbers.len() >= grid.len() {
        return None;
    }
    let label = &runs[..runs.len() - numbers.len()];
    let near = |a: f64, b: f64| (a - b).abs() <= size * 0.3;
    let mut taken: Vec<Option<&Run>> = vec![None; grid.len()];
    for run in numbers {
        let mut aligned = (0..grid.len()).filter(|&k| match starts {
            Some(starts) => starts[k].is_some_and(|x| (run.x0 - x).abs() <= 1.0),
            None => {
                let (x0, x1) = grid[k];
                near(run.x0, x0) || near(run.x1, x1) || near(run.centre(), (x0 + x1) / 2.0)
            }
        });
        let column = aligned.next()?;
        if aligned.next().is_some() || taken[column].is_some() {
            return None;
        }
        taken[column] = Some(run);
    }
    let mut out = label.to_vec();
    for (k, cell) in taken.into_iter().enumerate() {
        let (x0, x1) = grid[k];
        out.push(cell.cloned().unwrap_or_else(|| Run {
            x0: (x0 + x1) / 2.0 - 1.0,
            x1: (x0 + x1) / 2.0 + 1.0,
            printed_end: (x0 + x1) / 2.0 + 1.0,
            text: BLANK.to_owned(),
        }));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(x0: f64, text: &str) -> Run {
        let x1 = x0 + 10.0 * text.chars().count() as f64;
        Run {
            x0,
            x1,
            printed_end: x1,
            text: text.to_owned(),
        }
    }

    /// Lines 15 points apart, type size 10.
    fn lines(rows: Vec<Vec<Run>>) -> Vec<Line> {
        rows.into_iter()
            .enumerate()
            .map(|(k, runs)| Line {
                runs,
                size: 10.0,
                y: 15.0 * k as f64,
                page: 0,
            })
            .collect()
    }

    fn placed(rows: Vec<Vec<Run>>) -> Vec<Vec<String>> {
        let mut lines = lines(rows);
        place_blanks(&mut lines);
        lines
            .into_iter()
            .map(|l| l.runs.into_iter().map(|r| r.text).collect())
            .collect()
    }

    /// 表三's header over four lines: 自然人 and 总计 on the second, the organisations'
    /// columns (one of them wrapped) under 法人或其他组织.
    fn header() -> Vec<Vec<Run>> {
        vec![
            vec![run(10.0, "申请人情况")],
            vec![
                run(100.0, "自然人"),
                run(160.0, "法人或其他组织"),
                run(400.0, "总计"),
            ],
            vec![
                run(140.0, "商业企业"),
                run(185.0, "科研机构"),
                run(230.0, "社会公益"),
                run(275.0, "法律服务机构"),
                run(345.0, "其他"),
            ],
            vec![run(230.0, "组织")],
        ]
    }

    fn with_header(rows: Vec<Vec<Run>>) -> Vec<Vec<String>> {
        let mut all = header();
        all.extend(rows);
        placed(all).split_off(4)
    }

    #[test]
    fn a_row_with_blank_cells_keeps_its_numbers_under_their_labels() {
        // 自然人 centred at 115, 商业企业 at 160, 法律服务机构 at 305, 总计 at 410.
        let rows = with_header(vec![vec![
            run(0.0, "一、本年新收"),
            run(110.0, "8"),
            run(155.0, "3"),
            run(300.0, "1"),
            run(400.0, "12"),
        ]]);
        assert_eq!(
            rows[0],
            ["一、本年新收", "8", "3", BLANK, BLANK, "1", BLANK, "12"]
        );
    }

    #[test]
    fn rows_in_doubt_are_left_as_printed() {
        let as_printed = |row: Vec<Run>| {
            let texts: Vec<String> = row.iter().map(|r| r.text.clone()).collect();
            assert_eq!(with_header(vec![row])[0], texts);
        };
        // A number between two columns.
        as_printed(vec![
            run(0.0, "二、上年结转"),
            run(133.0, "5"),
            run(400.0, "5"),
        ]);
        // Two numbers under one column.
        as_printed(vec![
            run(0.0, "（一）予以公开"),
            run(105.0, "5"),
            run(120.0, "5"),
        ]);
        // A line of numbers with no label (a page number).
        as_printed(vec![run(110.0, "1")]);
        // A full row.
        as_printed(
            std::iter::once(run(0.0, "（七）总计"))
                .chain([110.0, 155.0, 200.0, 245.0, 300.0, 345.0, 400.0].map(|x| run(x, "1")))
                .collect(),
        );
    }

    #[test]
    fn a_row_with_a_number_wrapped_below_it_is_left_as_printed() {
        let rows = with_header(vec![
            vec![
                run(0.0, "一、本年新收"),
                run(105.0, "300"),
                run(400.0, "300"),
            ],
            vec![run(110.0, "1"), run(405.0, "1")],
        ]);
        assert_eq!(rows[0], ["一、本年新收", "300", "300"]);
    }

    #[test]
    fn a_header_that_misses_a_column_or_a_heading_gives_no_grid() {
        let row = || vec![run(0.0, "一、本年新收"), run(110.0, "8"), run(400.0, "8")];
        let rows = placed(vec![vec![run(100.0, "自然人"), run(400.0, "总计")], row()]);
        assert_eq!(rows[1], ["一、本年新收", "8", "8"]);
        let mut all = header();
        all.push(vec![run(0.0, "四、政府信息公开行政复议、行政诉讼情况")]);
        all.push(row());
        assert_eq!(placed(all)[5], ["一、本年新收", "8", "8"]);
    }

    #[test]
    fn numbers_flush_left_under_a_centred_header_keep_their_columns() {
        // 自然人 is printed at 100–130, 商业企业 at 140–180 … 总计 at 400–420 (centred in
        // their cells); the numbers start at each cell's left edge (96, 136, 271, 396),
        // whatever their widths, so none is centred under its label.
        let rows = with_header(vec![
            vec![
                run(0.0, "一、本年新收"),
                run(96.0, "821"),
                run(136.0, "35"),
                run(271.0, "2"),
                run(396.0, "859"),
            ],
            vec![run(0.0, "二、上年结转"), run(96.0, "18"), run(396.0, "18")],
            vec![run(0.0, "（一）予以公开"), run(96.0, "3"), run(271.0, "12")],
        ]);
        assert_eq!(
            rows[0],
            ["一、本年新收", "821", "35", BLANK, BLANK, "2", BLANK, "859"]
        );
        assert_eq!(
            rows[1],
            [
                "二、上年结转",
                "18",
                BLANK,
                BLANK,
                BLANK,
                BLANK,
                BLANK,
                "18"
            ]
        );
        assert_eq!(
            rows[2],
            [
                "（一）予以公开",
                "3",
                BLANK,
                BLANK,
                BLANK,
                "12",
                BLANK,
                BLANK
            ]
        );
    }

    #[test]
    fn numbers_that_start_at_more_places_than_columns_are_not_taken_for_flush_left() {
        // Each number starts somewhere else: no column of flush-left numbers, and none is
        // aligned with a label, so no row is placed.
        let rows = with_header(vec![
            vec![
                run(0.0, "一、本年新收"),
                run(96.0, "821"),
                run(139.0, "35"),
                run(396.0, "859"),
            ],
            vec![run(0.0, "二、上年结转"), run(98.0, "18"), run(394.0, "18")],
        ]);
        assert_eq!(rows[0], ["一、本年新收", "821", "35", "859"]);
        assert_eq!(rows[1], ["二、上年结转", "18", "18"]);
    }

    #[test]
    fn header_labels_printed_as_one_word_are_told_apart() {
        let word = run(428.0, "社会公益法律服务其");
        let pieces = split_header_word(&Run {
            x1: 428.0 + 9.0 * 12.75,
            ..word
        });
        let texts: Vec<&str> = pieces.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, ["社会公益", "法律服务", "其"]);
        assert!((pieces[1].x0 - 479.0).abs() < 1.0 && (pieces[2].x0 - 530.0).abs() < 1.0);
        // Part of one label, prose, or a number: whole.
        for whole in ["社会公益", "本机关全年共收到申请", "1288"] {
            assert_eq!(split_header_word(&run(0.0, whole)).len(), 1, "{whole}");
        }
    }

    #[test]
    fn appeals_take_the_fifteen_outcome_columns() {
        let labels = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
        let heads: Vec<Run> = (0..15)
            .map(|k| run(40.0 + 45.0 * k as f64, labels[k % 5]))
            .collect();
        // 5 centred under 结果维持 (60), 2 under 尚未审结 (195), 7 under 总计 (230); 8 printed
        // from the left of 直接起诉's 结果维持 (265), as a left-aligned cell prints it.
        let rows = placed(vec![
            vec![run(0.0, "行政复议"), run(300.0, "行政诉讼")],
            heads.clone(),
            vec![
                run(55.0, "5"),
                run(190.0, "2"),
                run(225.0, "7"),
                run(265.0, "8"),
            ],
        ]);
        assert_eq!(rows[2].len(), 15);
        assert_eq!(rows[2][..6], ["5", BLANK, BLANK, "2", "7", "8"]);
        assert!(rows[2][6..].iter().all(|t| t == BLANK));
        // A number aligned with no label is in doubt: the row stays as printed.
        let rows = placed(vec![heads, vec![run(55.0, "5"), run(200.0, "2")]]);
        assert_eq!(rows[1], ["5", "2"]);
    }
}
