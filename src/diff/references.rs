//! References to other documents in a paragraph: General Assembly
//! resolutions (`73/331`), Security Council resolutions (`2655 (2022)`),
//! document symbols (`S/2023/406`, `A/RES/77/13`) and dates
//! (`17 January 2017`), as printed.

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

/// The word that joins a resolution to its date ("73/8 of 1 November
/// 2018", "1495 (2003) du 31 juillet 2003").
fn date_connectors(language: Language) -> &'static [&'static str] {
    match language {
        Language::Fr => &["du", "en date du"],
        _ => &["of"],
    }
}

/// Every reference in `text`, written in the language of `profile`, each
/// once and in the order the text first cites it. A resolution cited with
/// its date is one reference ("72/3 of 30 October 2017"), as a delegate
/// reads it, not a number and a date apart.
pub fn references(text: &str, profile: &Profile) -> Vec<String> {
    let dates = profile.dates();
    let all = tokens(text);
    // The non-space tokens, so patterns can look ahead.
    let words: Vec<&str> = all.into_iter().filter(|t| !t.trim().is_empty()).collect();
    let word = |i: usize| words.get(i).copied().unwrap_or("");
    let date_at = |i: usize| {
        (dates.day_of(word(i)).is_some()
            && dates.month_number(word(i + 1)).is_some()
            && digits(word(i + 2), 4, 4))
        .then(|| format!("{} {} {}", word(i), word(i + 1), word(i + 2)))
    };
    let connectors: Vec<Vec<&str>> = date_connectors(profile.language)
        .iter()
        .map(|c| c.split(' ').collect())
        .collect();
    let mut found: Vec<String> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let token = word(i);
        let (reference, mut next) = if is_assembly_resolution(token) {
            // "45/55 B": a lettered resolution is one reference.
            let lettered = {
                let w = word(i + 1);
                w.len() == 1 && w.bytes().all(|b| b.is_ascii_uppercase())
            };
            if lettered {
                (Some(format!("{token} {}", word(i + 1))), i + 2)
            } else {
                (Some(token.to_string()), i + 1)
            }
        } else if Symbol::parse(token).is_some() {
            (Some(token.to_string()), i + 1)
        } else if digits(token, 1, 4)
            && word(i + 1) == "("
            && digits(word(i + 2), 4, 4)
            && word(i + 3) == ")"
        {
            (Some(format!("{token} ({})", word(i + 2))), i + 4)
        } else if let Some(date) = date_at(i) {
            (Some(date), i + 3)
        } else {
            (None, i + 1)
        };
        let Some(mut reference) = reference else {
            i = next;
            continue;
        };
        // A resolution followed by its date: one reference.
        if date_at(i).is_none() {
            for connector in &connectors {
                let joined = connector
                    .iter()
                    .enumerate()
                    .all(|(k, w)| word(next + k) == *w);
                if joined && let Some(date) = date_at(next + connector.len()) {
                    reference = format!("{reference} {} {date}", connector.join(" "));
                    next += connector.len() + 3;
                    break;
                }
            }
        }
        if !found.contains(&reference) {
            found.push(reference);
        }
        i = next;
    }
    found
}

/// `reference` with its date moved on by `gap` years: a date alone, or a
/// resolution's date ("72/3 of 30 October 2017").
fn moved_on(reference: &str, gap: Option<i64>, language: Language) -> Option<String> {
    if let Some(date) = routine::shift_date(reference, gap, language) {
        return Some(date);
    }
    date_connectors(language).iter().find_map(|c| {
        let (head, date) = reference.split_once(&format!(" {c} "))?;
        let date = routine::shift_date(date, gap, language)?;
        Some(format!("{head} {c} {date}"))
    })
}

/// What `new` refers to that `old` does not, and the reverse, each in the
/// order its text cites them. A date that only moved on by the versions'
/// interval `gap` (a routine update) is neither added nor removed.
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
    let mut added: Vec<String> = b.iter().filter(|r| !a.contains(r)).cloned().collect();
    let mut removed: Vec<String> = a.iter().filter(|r| !b.contains(r)).cloned().collect();
    removed.retain(|r| {
        let Some(moved_on) = moved_on(r, gap, language) else {
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
                "73/331",
                "59/50",
                "2206 (2015)",
                "2655 (2022)",
                "S/2023/406",
                "S/PRST/2018/19",
                "A/RES/77/13",
                "S/AC.51/2017/2",
                "17 January 2017",
                "31 May 2020",
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
                "1495 (2003) du 31 juillet 2003",
                "31 octobre 2004",
                "1er décembre 2004"
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
    fn a_resolution_and_its_date_are_one_reference_in_the_order_cited() {
        // Shaped as the lists of A/RES/80/4 PP 6 and A/RES/80/20 PP 2.
        let found = references(
            "its resolutions 71/5 of 26 October 2016, 72/4 of 1 November 2017, \
             75/289 of 23 June 2021, its decision 76/563 of 11 May 2022 and \
             resolutions 45/55 B of 4 December 1990 and 72/4 of 1 November 2017",
            Language::En.profile(),
        );
        assert_eq!(
            found,
            [
                "71/5 of 26 October 2016",
                "72/4 of 1 November 2017",
                "75/289 of 23 June 2021",
                "76/563 of 11 May 2022",
                "45/55 B of 4 December 1990",
            ]
        );
        // The series' previous resolution moved on with its date by the
        // interval is neither added nor removed.
        assert_eq!(
            difference(
                "resolution 72/3 of 30 October 2017",
                "resolution 72/3 of 30 October 2019",
                Some(2),
                Language::En
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
