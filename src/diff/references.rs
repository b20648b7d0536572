//! References to other documents in a paragraph: General Assembly
//! resolutions (`73/331`), Security Council resolutions (`2655 (2022)`),
//! document symbols (`S/2023/406`, `A/RES/77/13`) and dates
//! (`17 January 2017`), as printed.

use std::collections::BTreeSet;

use super::routine;
use super::words::tokens;
use crate::lang::{Language, Profile};
use crate::symbol::Symbol;

fn digits(token: &str, min: usize, max: usize) -> bool {
    (min..=max).contains(&token.len()) && token.bytes().all(|b| b.is_ascii_digit())
}

/// `73/331`, `59/50`, `S-30/1`: session/number.
fn is_assembly_resolution(token: &str) -> bool {
    let token = token
        .strip_prefix("ES-")
        .or_else(|| token.strip_prefix("S-"))
        .unwrap_or(token);
    matches!(token.split_once('/'), Some((session, number))
        if digits(session, 1, 3) && digits(number, 1, 4))
}

/// Every reference in `text`, written in the language of `profile`,
/// sorted and distinct.
pub fn references(text: &str, profile: &Profile) -> BTreeSet<String> {
    let dates = profile.dates();
    let all = tokens(text);
    // Positions of the non-space tokens, so patterns can look ahead.
    let words: Vec<&str> = all.into_iter().filter(|t| !t.trim().is_empty()).collect();
    let mut found = BTreeSet::new();
    for (i, &token) in words.iter().enumerate() {
        let next = |k: usize| words.get(i + k).copied().unwrap_or("");
        if is_assembly_resolution(token) || Symbol::parse(token).is_some() {
            found.insert(token.to_string());
        } else if digits(token, 1, 4) && next(1) == "(" && digits(next(2), 4, 4) && next(3) == ")" {
            found.insert(format!("{token} ({})", next(2)));
        } else if dates.day_of(token).is_some()
            && dates.month_number(next(1)).is_some()
            && digits(next(2), 4, 4)
        {
            found.insert(format!("{token} {} {}", next(1), next(2)));
        }
    }
    found
}

/// What `new` refers to that `old` does not, and the reverse. A date that
/// only moved on by the versions' interval `gap` (a routine update) is
/// neither added nor removed.
pub fn difference(
    old: &str,
    new: &str,
    gap: Option<i64>,
    language: Language,
) -> (Vec<String>, Vec<String>) {
    if old == new {
        // The same text cites the same things: most paragraphs are kept.
        return (Vec::new(), Vec::new());
    }
    let profile = language.profile();
    let (a, b) = (references(old, profile), references(new, profile));
    let mut added: Vec<String> = b.difference(&a).cloned().collect();
    let mut removed: Vec<String> = a.difference(&b).cloned().collect();
    removed.retain(|r| {
        let Some(moved_on) = routine::shift_date(r, gap, language) else {
            return true;
        };
        match added.iter().position(|x| *x == moved_on) {
            Some(at) => {
                added.remove(at);
                false
            }
            None => true,
        }
    });
    (added, removed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::corpus_text;

    #[test]
    fn finds_each_kind_of_reference() {
        let found: Vec<String> = references(
            "recalling resolutions 73/331 and 59/50, resolution 2206 (2015) and 2655 (2022), \
             documents S/2023/406, S/PRST/2018/19, A/RES/77/13 and S/AC.51/2017/2, \
             signed on 17 January 2017 and until 31 May 2020.",
            Language::En.profile(),
        )
        .into_iter()
        .collect();
        assert_eq!(
            found,
            vec![
                "17 January 2017",
                "2206 (2015)",
                "2655 (2022)",
                "31 May 2020",
                "59/50",
                "73/331",
                "A/RES/77/13",
                "S/2023/406",
                "S/AC.51/2017/2",
                "S/PRST/2018/19",
            ]
        );
    }

    #[test]
    fn dates_moved_on_by_the_interval_are_not_new_references() {
        let old = "until 31 May 2018 and 1 December 2017";
        let new = "until 31 May 2020 and 2 December 2019";
        assert_eq!(
            difference(old, new, Some(2), Language::En),
            (
                vec!["2 December 2019".into()],
                vec!["1 December 2017".into()]
            )
        );
        assert_eq!(difference(old, new, None, Language::En).0.len(), 2);
    }

    #[test]
    fn french_references_and_dates() {
        // fr/S_RES_1541_2004-fr.txt PP1 and OP4.
        let found: Vec<String> = references(
            "réaffirmant en particulier la résolution 1495 (2003) du 31 juillet 2003, \
             jusqu’au 31 octobre 2004 et le 1er décembre 2004",
            Language::Fr.profile(),
        )
        .into_iter()
        .collect();
        assert_eq!(
            found,
            [
                "1495 (2003)",
                "1er décembre 2004",
                "31 juillet 2003",
                "31 octobre 2004"
            ]
        );
        // A date moved on by the interval is no new reference.
        assert_eq!(
            difference(
                "jusqu’au 1er décembre 2004",
                "jusqu’au 1er décembre 2005",
                Some(1),
                Language::Fr
            ),
            (Vec::<String>::new(), Vec::<String>::new())
        );
    }

    #[test]
    fn ordinary_numbers_and_words_are_not_references() {
        let en = Language::En.profile();
        assert!(references("paragraphs 9 and 12 of the Charter (a), 2021 –2025", en).is_empty());
        assert!(references("United Nations/African Union", en).is_empty());
    }

    #[cfg_attr(corpus_missing, ignore = "needs ../shared/corpus")]
    #[test]
    fn the_south_sudan_renewal_adds_the_recent_resolutions() {
        let (Some(old), Some(new)) = (
            corpus_text("sc/S_2017_444.txt"),
            corpus_text("sc/S_2019_441.txt"),
        ) else {
            return;
        };
        let first = |t: &str| t.lines().nth(1).unwrap_or("").to_string();
        let (added, removed) = difference(&first(&old), &first(&new), Some(2), Language::En);
        assert_eq!(
            added,
            vec![
                "2353 (2017)",
                "2392 (2017)",
                "2406 (2018)",
                "2418 (2018)",
                "2428 (2018)"
            ]
        );
        assert!(removed.is_empty());
    }
}
