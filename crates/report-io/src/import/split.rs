//! Splitting numbers that a web page ran together ("640020470") into their cells.
//!
//! Where the page kept spaces, they are cell boundaries; inside a run of digits every boundary is
//! possible. Every split into the row's number of cells is listed (numbers do not start with 0
//! unless they are 0), then the table's arithmetic picks among them.

/// At most this many splits of one row are considered; a longer run is reported as unreadable.
const LIMIT: usize = 200_000;

/// Every way to split `run` into `cells` numbers, in order; `None` when there are too many to
/// consider. A run with a decimal point is one amount and is only split where spaces are.
pub fn splits(run: &str, cells: usize) -> Option<Vec<Vec<String>>> {
    let tokens: Vec<&str> = run.split_whitespace().collect();
    if cells == 0 || tokens.is_empty() {
        return Some(Vec::new());
    }
    let mut out = Vec::new();
    let mut current = Vec::new();
    if !split_tokens(&tokens, cells, &mut current, &mut out) {
        return None;
    }
    Some(out)
}

fn split_tokens(
    tokens: &[&str],
    cells: usize,
    current: &mut Vec<String>,
    out: &mut Vec<Vec<String>>,
) -> bool {
    let Some((first, rest)) = tokens.split_first() else {
        if cells == 0 {
            out.push(current.clone());
        }
        return out.len() <= LIMIT;
    };
    if cells < tokens.len() {
        return true;
    }
    // Each remaining token needs at least one cell.
    let most = (cells - rest.len()).min(first.chars().count());
    for parts in 1..=most {
        let mut pieces = Vec::new();
        if !split_token(first, parts, &mut pieces, &mut |split: &[String]| {
            let before = current.len();
            current.extend_from_slice(split);
            let ok = split_tokens(rest, cells - parts, current, out);
            current.truncate(before);
            ok
        }) {
            return false;
        }
    }
    true
}

/// Calls `each` with every split of `token` into `parts` numbers; stops when it returns false.
fn split_token(
    token: &str,
    parts: usize,
    pieces: &mut Vec<String>,
    each: &mut dyn FnMut(&[String]) -> bool,
) -> bool {
    if token.contains('.') {
        // An amount with a decimal point is one cell.
        return parts != 1 || {
            pieces.push(token.to_owned());
            let ok = each(pieces);
            pieces.pop();
            ok
        };
    }
    if parts == 1 {
        if token.len() > 1 && token.starts_with('0') {
            return true;
        }
        pieces.push(token.to_owned());
        let ok = each(pieces);
        pieces.pop();
        return ok;
    }
    // The first piece: "0" alone, or a number without a leading zero.
    let max_len = token.len() - (parts - 1);
    for len in 1..=max_len {
        let (head, tail) = token.split_at(len);
        if len > 1 && head.starts_with('0') {
            break;
        }
        pieces.push(head.to_owned());
        let ok = split_token(tail, parts - 1, pieces, each);
        pieces.pop();
        if !ok {
            return false;
        }
    }
    true
}

/// The numbers of a split, when every piece is a whole number.
pub fn as_counts(split: &[String]) -> Option<Vec<u64>> {
    split.iter().map(|s| s.parse().ok()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_of_applicants_splits_in_a_few_ways() {
        let all = splits("640020470", 7).expect("small");
        assert!(all.contains(
            &["64", "0", "0", "2", "0", "4", "70"]
                .map(String::from)
                .to_vec()
        ));
        let balanced: Vec<_> = all
            .iter()
            .filter_map(|s| as_counts(s))
            .filter(|n| n[..6].iter().sum::<u64>() == n[6])
            .collect();
        assert_eq!(balanced, [vec![64, 0, 0, 2, 0, 4, 70]]);
    }

    #[test]
    fn spaces_are_boundaries_and_leading_zeros_are_not_numbers() {
        let all = splits("500000 5", 7).expect("small");
        assert_eq!(
            all,
            [["5", "0", "0", "0", "0", "0", "5"]
                .map(String::from)
                .to_vec()]
        );
        assert!(
            splits("0 1 1 0 2 1 0 0 0 1 0 0 0 0 0", 15)
                .expect("small")
                .len()
                == 1
        );
        assert!(splits("12", 3).expect("small").is_empty());
    }

    #[test]
    fn amounts_stay_whole() {
        assert_eq!(
            splits("24252.311082", 1).expect("small"),
            [vec!["24252.311082".to_owned()]]
        );
    }
}
