//! Page breaks in a text dump. `pdftotext` ends every page with a form
//! feed; where a dump has them, they show where each page starts and ends,
//! and so which lines are the page's furniture: the running head at the top
//! of every page after the first (the lines down to the one that carries
//! the document's symbol) and the foot of every page (job numbers, page
//! numbers, barcodes, date stamps, alone or side by side). Nothing is
//! guessed inside running text: only the lines next to a page break are
//! looked at.

use std::collections::BTreeSet;

use super::furniture::{foot_line, pieces};
use crate::lang::Profile;
use crate::symbol::Symbol;

/// How far into a page its running head can reach, in non-blank lines.
const HEAD_LINES: usize = 4;

/// Indices (0-based) of the lines that the page breaks of `lines` show to
/// be furniture; empty when the text has no form feed. `symbol`: the
/// document's own symbol, if known.
pub fn page_furniture(lines: &[&str], symbol: Option<&str>, profile: &Profile) -> BTreeSet<usize> {
    let mut out = BTreeSet::new();
    let starts: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.starts_with('\u{c}'))
        .map(|(i, _)| i)
        .collect();
    if starts.is_empty() {
        return out;
    }
    let symbol = symbol.map(str::to_string).or_else(|| {
        lines
            .iter()
            .take(20)
            .flat_map(|l| pieces(l))
            .find(|p| Symbol::parse_own(p).is_some())
            .map(str::to_string)
    });
    let mut bounds: Vec<(usize, usize)> = Vec::new();
    let mut from = 0;
    for &start in &starts {
        bounds.push((from, start));
        from = start;
    }
    bounds.push((from, lines.len()));
    for (page, &(a, b)) in bounds.iter().enumerate() {
        // The foot: furniture-shaped lines at the end of the page.
        for i in (a..b).rev() {
            let text = clean(lines[i]);
            if text.is_empty() {
                continue;
            }
            if !foot_line(text, profile) {
                break;
            }
            out.insert(i);
        }
        // The running head: down to the line that carries the symbol.
        if page == 0 {
            continue;
        }
        let top: Vec<usize> = (a..b)
            .filter(|&i| !clean(lines[i]).is_empty())
            .take(HEAD_LINES)
            .collect();
        let carries_symbol = |i: usize| {
            pieces(lines[i]).any(|p| match &symbol {
                Some(s) => p == s.as_str(),
                None => Symbol::parse_own(p).is_some(),
            })
        };
        if let Some(last) = top.iter().position(|&i| carries_symbol(i)) {
            out.extend(top[..=last].iter().copied());
        }
    }
    out
}

fn clean(line: &str) -> &str {
    line.trim_matches(|c: char| c.is_whitespace() || c == '\u{c}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn en() -> &'static Profile {
        crate::lang::Language::En.profile()
    }

    #[test]
    fn heads_and_feet_next_to_page_breaks_are_furniture() {
        let lines = [
            "A/RES/73/8",
            "Recalling its resolutions 47/19 of 24 November 1992,",
            "",
            " 18-18418 (E)     071118",
            " *1818418*",
            "\u{c}             Necessity of ending the economic, commercial and financial",
            "A/RES/73/8                  imposed by the United States of America against Cuba",
            "",
            "    2002, 58/7 of 4 November 2003,",
            "2/2                                                18-18418",
            "\u{c}",
        ];
        let found: Vec<usize> = page_furniture(&lines, Some("A/RES/73/8"), en())
            .into_iter()
            .collect();
        assert_eq!(found, [3, 4, 5, 6, 9]);
    }

    #[test]
    fn without_form_feeds_nothing_is_taken() {
        assert!(page_furniture(&["2/2", "18-18418"], None, en()).is_empty());
    }

    #[test]
    fn a_page_top_without_the_symbol_is_text() {
        let lines = [
            "S/2018/95",
            "Recalling,",
            "\u{c}Government, commitment to reforms,",
            "and more;",
        ];
        assert!(page_furniture(&lines, Some("S/2018/95"), en()).is_empty());
    }
}
