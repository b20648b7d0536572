//! Footnotes in PDF dumps: the footnote lines printed at a page bottom
//! (`5 Resolution60/288.`), and the markers glued to the running text
//! (`organizations1,` `20103` = 2010 + 3, `session,6`, `problem, 7 and`).
//!
//! A digit run is only ever read as a marker in a text that has footnote
//! lines, for a number that comes next in the marker sequence; years,
//! resolution numbers and paragraph numbers are never touched otherwise.

use crate::lang::Profile;
use std::collections::BTreeSet;
use std::ops::Range;

/// How a marker was glued to the text; the last kind is the least certain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkerShape {
    /// `organizations1,` `Strategy5`
    AfterWord,
    /// `20103`: a year with the marker glued on.
    AfterYear,
    /// `session,6` `2013,4`
    AfterPunctuation,
    /// `problem, 7 and`: a space between punctuation and marker.
    Spaced,
    /// `version[^5]`: a dump that wrote the marker as Markdown.
    Explicit,
    /// `General Assembly 1 and`: after a capitalised name, a space and the
    /// marker; taken only as the next marker in sequence, with a warning.
    AfterName,
}

/// A digit run that could be a footnote marker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkerCandidate {
    pub value: u32,
    pub shape: MarkerShape,
    /// Bytes to remove from the text to drop the marker.
    pub remove: Range<usize>,
}

/// `5 Resolution60/288.` -> (5, "Resolution60/288."), when the line has the
/// shape of a footnote line: a number, a space, text that does not read as
/// a date (`14 February 2014, ...`) nor start in lower case.
pub fn footnote_line_shape<'a>(line: &'a str, profile: &Profile) -> Option<(u32, &'a str)> {
    if let Some(explicit) = markdown_footnote(line) {
        return Some(explicit);
    }
    let digits_end = line
        .char_indices()
        .find(|(_, c)| !c.is_ascii_digit())
        .map_or(line.len(), |(i, _)| i);
    if digits_end == 0 || digits_end > 3 || line[..digits_end].starts_with('0') {
        return None;
    }
    let rest = &line[digits_end..];
    if !rest.starts_with(' ') {
        return None;
    }
    let text = rest.trim_start();
    let first = text.chars().next()?;
    if first.is_lowercase() || first == '(' || first.is_ascii_digit() {
        return None;
    }
    let first_word = text.split([' ', ',']).next().unwrap_or_default();
    if profile.dates().month_number(first_word).is_some() {
        return None;
    }
    let number: u32 = line[..digits_end].parse().ok()?;
    (number >= 1).then_some((number, text))
}

/// `[^1]: A/80/83.`: a footnote a dump wrote as Markdown, which says
/// itself that it is one.
pub fn markdown_footnote(line: &str) -> Option<(u32, &str)> {
    let (number, text) = line.strip_prefix("[^")?.split_once("]:")?;
    if number.is_empty() || number.len() > 3 || !number.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: u32 = number.parse().ok()?;
    (n >= 1).then_some((n, text.trim()))
}

/// Every digit run in `text` glued like a footnote marker.
pub fn marker_candidates(text: &str, profile: &Profile) -> Vec<MarkerCandidate> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        if let Some(candidate) = classify_digit_run(text, start, i, profile) {
            found.push(candidate);
        }
    }
    found
}

fn classify_digit_run(
    text: &str,
    start: usize,
    end: usize,
    profile: &Profile,
) -> Option<MarkerCandidate> {
    let digits = &text[start..end];
    if text[..start].ends_with("[^") && text[end..].starts_with(']') {
        return Some(MarkerCandidate {
            value: digits.parse().ok()?,
            shape: MarkerShape::Explicit,
            remove: start - 2..end + 1,
        });
    }
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let ends_cleanly = match after {
        None => true,
        Some(c) => c == ' ' || ",;:.)”’".contains(c),
    };
    if !ends_cleanly {
        return None;
    }
    let small = |d: &str| -> Option<u32> {
        if d.is_empty() || d.len() > 3 || d.starts_with('0') {
            None
        } else {
            d.parse().ok()
        }
    };
    // `2025–20283`: the second year of a range carries the marker too.
    let after_range = matches!(before, Some('–' | '-'))
        && text[..start - before.map_or(0, char::len_utf8)]
            .rsplit(|c: char| !c.is_ascii_digit())
            .next()
            .is_some_and(|y| y.len() == 4);
    if (matches!(before, Some(' ' | '(') | None) || after_range) && (5..=7).contains(&digits.len())
    {
        return year_with_marker(digits, start, end);
    }
    match before {
        Some(c) if c.is_alphabetic() => {
            let value = small(digits)?;
            Some(MarkerCandidate {
                value,
                shape: MarkerShape::AfterWord,
                remove: start..end,
            })
        }
        Some(c) if ",;:.)”’".contains(c) => {
            let before_punct = text[..start - c.len_utf8()].chars().next_back()?;
            // `all”,2`: a closing quote or bracket before the punctuation.
            if !before_punct.is_alphanumeric() && !"”’)\"".contains(before_punct) {
                return None;
            }
            // `1,040` and `13,900` are thousands, not markers.
            if c == ',' && before_punct.is_ascii_digit() && digits.len() == 3 {
                return None;
            }
            let value = small(digits)?;
            Some(MarkerCandidate {
                value,
                shape: MarkerShape::AfterPunctuation,
                remove: start..end,
            })
        }
        Some(' ') => {
            let head = &text[..start - 1];
            let punct = head.chars().next_back()?;
            if !",;:".contains(punct) {
                return after_name(text, head, start, end, profile);
            }
            let value = small(digits)?;
            // `, 7 and`: the marker is followed by a lower-case word or
            // punctuation, never by a noun it would count (`, 7 States`).
            let tail = text[end..].trim_start();
            let next_ok = tail.is_empty()
                || tail.starts_with(|c: char| c.is_lowercase() || ",;:.".contains(c));
            next_ok.then_some(MarkerCandidate {
                value,
                shape: MarkerShape::Spaced,
                remove: start - 1..end,
            })
        }
        _ => None,
    }
}

/// `General Assembly 1 and`: one or two digits after a capitalised word
/// that is not a numbered noun, then the end of the text, punctuation or
/// a lower-case word.
fn after_name(
    text: &str,
    head: &str,
    start: usize,
    end: usize,
    profile: &Profile,
) -> Option<MarkerCandidate> {
    let word = head.rsplit(' ').next()?;
    let capitalised = word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().all(|c| c.is_alphabetic() || c == '-')
        && word.chars().count() > 2;
    if !capitalised
        || profile
            .data
            .footnotes
            .numbered_nouns
            .iter()
            .any(|n| n == word)
        || end - start > 2
        || text[start..].starts_with('0')
    {
        return None;
    }
    let tail = text[end..].trim_start();
    let next_ok =
        tail.is_empty() || tail.starts_with(|c: char| c.is_lowercase() || ",;:.".contains(c));
    let value = text[start..end].parse().ok()?;
    next_ok.then_some(MarkerCandidate {
        value,
        shape: MarkerShape::AfterName,
        remove: start - 1..end,
    })
}

/// `20103` -> year 2010 and marker 3.
fn year_with_marker(digits: &str, start: usize, end: usize) -> Option<MarkerCandidate> {
    if !(5..=7).contains(&digits.len()) {
        return None;
    }
    let year: u32 = digits[..4].parse().ok()?;
    if !(1900..=2099).contains(&year) || digits[4..].starts_with('0') {
        return None;
    }
    Some(MarkerCandidate {
        value: digits[4..].parse().ok()?,
        shape: MarkerShape::AfterYear,
        remove: start + 4..end,
    })
}

/// Which markers to take, reading candidates in document order: the next
/// number in sequence, or (for a certain shape) a later number that has a
/// footnote line, skipping the missing ones. The Council's annual volumes
/// number their notes through the volume (a resolution's may run 52, 53),
/// and a note cited again keeps the number of its first citation: where
/// the text's first footnote is above 1 and its first glued marker is not
/// 1 (which would say a note 1 lost its text), the sequence starts at the
/// first footnote, and a number below it glued to a word, a year or
/// punctuation is a note cited again.
pub fn choose_markers(candidates: &[MarkerCandidate], footnote_numbers: &BTreeSet<u32>) -> Chosen {
    let (Some(&first), Some(&last)) = (
        footnote_numbers.iter().next(),
        footnote_numbers.iter().next_back(),
    ) else {
        return Chosen::default();
    };
    let glued = |shape: MarkerShape| {
        matches!(
            shape,
            MarkerShape::AfterWord | MarkerShape::AfterYear | MarkerShape::AfterPunctuation
        )
    };
    let through_volume = first > 1
        && candidates
            .iter()
            .find(|c| glued(c.shape) || c.shape == MarkerShape::Explicit)
            .is_none_or(|c| c.value != 1);
    let mut expected = if through_volume { first } else { 1 };
    let mut chosen = Vec::new();
    let mut skipped = Vec::new();
    for (index, candidate) in candidates.iter().enumerate() {
        let value = candidate.value;
        if through_volume && value < first && glued(candidate.shape) {
            // A note cited again from an earlier resolution of the volume.
            chosen.push(index);
            continue;
        }
        if expected > last {
            continue;
        }
        if value == expected {
            chosen.push(index);
            expected += 1;
        } else if candidate.shape == MarkerShape::Explicit && footnote_numbers.contains(&value) {
            // A marker that says it is one is taken wherever it stands.
            if value > expected {
                skipped.extend(expected..value);
            }
            chosen.push(index);
            expected = expected.max(value + 1);
        } else if value > expected
            && value <= last
            && !matches!(
                candidate.shape,
                MarkerShape::Spaced | MarkerShape::AfterName
            )
            && footnote_numbers.contains(&value)
        {
            skipped.extend(expected..value);
            chosen.push(index);
            expected = value + 1;
        }
    }
    Chosen {
        chosen,
        skipped,
        through_volume,
    }
}

/// The markers [`choose_markers`] took.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Chosen {
    /// Indices of the candidates taken, in reading order.
    pub chosen: Vec<usize>,
    /// Footnote numbers no marker was found for.
    pub skipped: Vec<u32>,
    /// The notes are numbered through a volume: numbers below the first
    /// are notes cited again.
    pub through_volume: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn en() -> &'static Profile {
        crate::lang::Language::En.profile()
    }

    fn fr() -> &'static Profile {
        crate::lang::Language::Fr.profile()
    }

    fn footnote_line_shape_en(line: &str) -> Option<(u32, &str)> {
        footnote_line_shape(line, en())
    }

    fn values(text: &str) -> Vec<(u32, MarkerShape)> {
        marker_candidates(text, en())
            .into_iter()
            .map(|c| (c.value, c.shape))
            .collect()
    }

    #[test]
    fn glued_markers_are_found() {
        assert_eq!(
            values("other organizations1,"),
            vec![(1, MarkerShape::AfterWord)]
        );
        assert_eq!(
            values("13 January 20103 and 6 August 2013,4 which"),
            vec![
                (3, MarkerShape::AfterYear),
                (4, MarkerShape::AfterPunctuation)
            ]
        );
        assert_eq!(
            values("world drug problem, 7 and emphasizing"),
            vec![(7, MarkerShape::Spaced)]
        );
    }

    #[test]
    fn markers_after_a_quote_or_a_name() {
        assert_eq!(
            values("“for all”,2 and"),
            vec![(2, MarkerShape::AfterPunctuation)]
        );
        assert_eq!(
            values("the General Assembly 1 and"),
            vec![(1, MarkerShape::AfterName)]
        );
        assert_eq!(
            values("Nuclear Material 3 and"),
            vec![(3, MarkerShape::AfterName)]
        );
        assert!(values("under the Protocol 3 of").is_empty());
        assert!(values("under Article 5 of the Charter").is_empty());
        assert!(values("Sustainable Development Goal 16 targets").is_empty());
        assert!(values("the agenda 2 and").is_empty());
    }

    #[test]
    fn markdown_markers_and_year_ranges_carry_markers() {
        assert_eq!(
            values("its updated version[^5] in 2014"),
            vec![(5, MarkerShape::Explicit)]
        );
        assert_eq!(
            values("the timetable for 2025–20283 and"),
            vec![(3, MarkerShape::AfterYear)]
        );
    }

    #[test]
    fn years_resolutions_and_thousands_are_not_markers() {
        assert!(values("resolution 1631 (2005) of 17 October 2005, and").is_empty());
        assert!(values("deployment of 19,626 uniformed and 1,040 police").is_empty());
        assert!(values("resolutions 59/50 and 64/256 of 2 March 2010").is_empty());
        assert!(values("paragraphs 5, 7 States").is_empty());
    }

    #[test]
    fn footnote_lines_are_not_dates() {
        assert_eq!(
            footnote_line_shape_en("5 Resolution60/288."),
            Some((5, "Resolution60/288."))
        );
        assert_eq!(
            footnote_line_shape_en("14 February 2014, 17 March 2014,"),
            None
        );
        assert_eq!(footnote_line_shape_en("2109 (2013), 2132 (2013),"), None);
        assert_eq!(footnote_line_shape_en("30 June 2024;"), None);
        assert_eq!(footnote_line_shape_en("1. Decides"), None);
    }

    #[test]
    fn markers_follow_the_sequence_and_may_skip_to_a_known_footnote() {
        let candidates = marker_candidates("a1, b, 2, c9 d3, e4", en());
        let numbers: BTreeSet<u32> = [2, 3, 4].into_iter().collect();
        let chosen = choose_markers(&candidates, &numbers);
        let picked: Vec<u32> = chosen.chosen.iter().map(|&i| candidates[i].value).collect();
        assert_eq!(picked, vec![1, 2, 3, 4]);
        assert!(chosen.skipped.is_empty() && !chosen.through_volume);
        // Without footnote lines nothing is a marker.
        assert!(
            choose_markers(&candidates, &BTreeSet::new())
                .chosen
                .is_empty()
        );
    }

    #[test]
    fn notes_numbered_through_a_volume_start_where_the_text_starts_them() {
        // fr/S_RES_1541_2004-fr.txt: notes 52 and 53.
        let text = "Ayant examiné le rapport du Secrétaire général52, du peuple du Sahara occidental53, qui";
        let candidates = marker_candidates(text, fr());
        let numbers: BTreeSet<u32> = [52, 53].into_iter().collect();
        let chosen = choose_markers(&candidates, &numbers);
        let picked: Vec<u32> = chosen.chosen.iter().map(|&i| candidates[i].value).collect();
        assert_eq!(picked, [52, 53]);
        assert!(chosen.skipped.is_empty() && chosen.through_volume);
        // fr/S_RES_1813_2008-fr.txt cites note 64 of 1783 again, its own
        // notes being 67 and 68.
        let text = "le rapport du Secrétaire général64, et la lettre67, et le rapport68,";
        let candidates = marker_candidates(text, fr());
        let numbers: BTreeSet<u32> = [67, 68].into_iter().collect();
        let picked: Vec<u32> = choose_markers(&candidates, &numbers)
            .chosen
            .iter()
            .map(|&i| candidates[i].value)
            .collect();
        assert_eq!(picked, [64, 67, 68]);
        // csto/A_75_L.78.txt marks note 1 ("organizations1,"), whose text
        // is lost, before notes 2 to 7: numbered from 1, not through a
        // volume.
        let text = "other organizations1, and Security, 2, and 20103";
        let candidates = marker_candidates(text, en());
        let numbers: BTreeSet<u32> = [2, 3].into_iter().collect();
        let chosen = choose_markers(&candidates, &numbers);
        assert!(!chosen.through_volume && chosen.skipped.is_empty());
        let picked: Vec<u32> = chosen.chosen.iter().map(|&i| candidates[i].value).collect();
        assert_eq!(picked, [1, 2, 3]);
    }
}
