//! The word-level redline inside one paired paragraph: tokenise, diff the
//! tokens with `similar` (Myers), then clean the result up so it reads like a
//! human redline rather than confetti.
//!
//! Tokens are words (Unicode letters and digits, with inner connectors so
//! `S/2023/406`, `seventy-seventh` and `Da’esh` stay whole), runs of
//! whitespace, and single punctuation marks, so `matter,` → `matter;` is a
//! change of punctuation only.

use std::borrow::Cow;
use std::collections::HashMap;

use similar::{Algorithm, DiffTag, capture_diff_slices};

use crate::characters::typographic_key;
use crate::comparison::{RoutineRule, WordOp, WordOpKind};

/// Characters that join two word characters into one token (with the
/// typeset hyphens, so `Secretary‑General` is one word however printed).
const CONNECTORS: &[char] = &[
    '-', '/', '.', '\'', '’', '_', '\u{2010}', '\u{2011}', '\u{00AD}',
];

/// Split `text` into tokens whose concatenation is `text`.
pub fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::with_capacity(text.len() / 4 + 1);
    out.extend(Tokens { text, at: 0 });
    out
}

/// The tokens of a text one by one, for counting without collecting.
struct Tokens<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Iterator for Tokens<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let text = self.text;
        let start = self.at;
        let (c, width) = char_at(text, start)?;
        let mut at = start + width;
        if c.is_whitespace() {
            while let Some((_, w)) = char_at(text, at).filter(|(d, _)| d.is_whitespace()) {
                at += w;
            }
        } else if c.is_alphanumeric() {
            while let Some((d, w)) = char_at(text, at) {
                if d.is_alphanumeric() {
                    at += w;
                } else if CONNECTORS.contains(&d)
                    && let Some((e, v)) = char_at(text, at + w)
                    && e.is_alphanumeric()
                {
                    at += w + v;
                } else {
                    break;
                }
            }
        }
        self.at = at;
        Some(&text[start..at])
    }
}

/// The last `n` tokens of `text` (fewer when it has fewer), tokenising
/// only its end: a change's context must not cost the whole paragraph.
pub fn last_tokens(text: &str, n: usize) -> Vec<&str> {
    let mut window = 256;
    while window < text.len() {
        let mut cut = text.len() - window;
        while !text.is_char_boundary(cut) {
            cut += 1;
        }
        // A non-space after a space starts a token however the text
        // before it reads.
        let start = text[cut..]
            .char_indices()
            .zip(text[cut..].chars().skip(1))
            .find(|((_, a), b)| a.is_whitespace() && !b.is_whitespace())
            .map(|((i, a), _)| cut + i + a.len_utf8());
        if let Some(start) = start {
            let found = tokens(&text[start..]);
            if found.len() >= n {
                return found[found.len() - n..].to_vec();
            }
        }
        window *= 4;
    }
    let found = tokens(text);
    found[found.len().saturating_sub(n)..].to_vec()
}

/// The first `n` tokens of `text` (fewer when it has fewer), tokenising
/// only its start.
pub fn first_tokens(text: &str, n: usize) -> Vec<&str> {
    Tokens { text, at: 0 }.take(n).collect()
}

/// The character at byte `at` of `text` and its width in bytes (ASCII
/// without decoding: most of every resolution is ASCII).
fn char_at(text: &str, at: usize) -> Option<(char, usize)> {
    let byte = *text.as_bytes().get(at)?;
    if byte.is_ascii() {
        return Some((byte as char, 1));
    }
    let c = text[at..].chars().next()?;
    Some((c, c.len_utf8()))
}

/// Whether a token is a word (not whitespace or punctuation).
pub fn is_word(token: &str) -> bool {
    token.starts_with(char::is_alphanumeric)
}

/// Number of word tokens in `text`.
pub fn count_words(text: &str) -> usize {
    // A word starts at a letter or digit that does not continue one: not
    // after another, nor after a connector that follows one (as
    // [`tokens`] joins `S/2019/266`). Counted without cutting tokens: the
    // summary counts every record's words.
    if text.is_ascii() {
        let (mut count, mut prev, mut before) = (0, b' ', b' ');
        for &b in text.as_bytes() {
            if b.is_ascii_alphanumeric()
                && !prev.is_ascii_alphanumeric()
                && !(before.is_ascii_alphanumeric() && CONNECTORS.contains(&char::from(prev)))
            {
                count += 1;
            }
            (before, prev) = (prev, b);
        }
        return count;
    }
    let (mut count, mut prev, mut before) = (0, ' ', ' ');
    for c in text.chars() {
        if c.is_alphanumeric()
            && !prev.is_alphanumeric()
            && !(CONNECTORS.contains(&prev) && before.is_alphanumeric())
        {
            count += 1;
        }
        (before, prev) = (prev, c);
    }
    count
}

/// A stretch of the redline: kept text, or a change (deleted text replaced
/// by inserted text; either may be empty).
#[derive(Debug, Clone, PartialEq)]
enum Segment {
    Equal(String),
    Change {
        delete: String,
        insert: String,
    },
    /// The same words typeset differently (`‑` for `-`, `’` for `'`).
    Typography {
        old: String,
        new: String,
    },
}

/// One change of the redline in its place: the deleted text with the old
/// text around it, the inserted text with the new text around it.
#[derive(Debug, Clone, Copy)]
pub struct Edit<'a> {
    pub old_before: &'a str,
    pub delete: &'a str,
    pub old_after: &'a str,
    pub new_before: &'a str,
    pub insert: &'a str,
    pub new_after: &'a str,
}

/// The redline of `old` into `new`. `routine` decides, for each change in
/// its place, under which rule it is a routine update; its runs are then
/// marked.
pub fn word_ops(
    old: &str,
    new: &str,
    routine: &dyn Fn(&Edit) -> Option<RoutineRule>,
) -> Vec<WordOp> {
    if old == new {
        // Most paragraphs of a new version are the old ones: no diff to run.
        if old.is_empty() {
            return Vec::new();
        }
        return vec![WordOp::plain(WordOpKind::Equal, old)];
    }
    let segments = cleanup(raw_segments(old, new));
    let mut ops = Vec::new();
    let (mut at_old, mut at_new) = (0, 0);
    for segment in segments {
        match segment {
            Segment::Equal(text) => {
                at_old += text.len();
                at_new += text.len();
                ops.push(WordOp::plain(WordOpKind::Equal, text));
            }
            Segment::Change { delete, insert } => {
                let (end_old, end_new) = (at_old + delete.len(), at_new + insert.len());
                let rule = routine(&Edit {
                    old_before: old.get(..at_old).unwrap_or(""),
                    delete: &delete,
                    old_after: old.get(end_old..).unwrap_or(""),
                    new_before: new.get(..at_new).unwrap_or(""),
                    insert: &insert,
                    new_after: new.get(end_new..).unwrap_or(""),
                });
                (at_old, at_new) = (end_old, end_new);
                for (op, text) in [(WordOpKind::Delete, delete), (WordOpKind::Insert, insert)] {
                    if !text.is_empty() {
                        ops.push(WordOp {
                            routine: rule.is_some(),
                            rule,
                            ..WordOp::plain(op, text)
                        });
                    }
                }
            }
            Segment::Typography { old: was, new: now } => {
                at_old += was.len();
                at_new += now.len();
                for (op, text) in [(WordOpKind::Delete, was), (WordOpKind::Insert, now)] {
                    ops.push(WordOp {
                        typography: true,
                        ..WordOp::plain(op, text)
                    });
                }
            }
        }
    }
    ops
}

/// Tokens for the diff: each word or punctuation mark carries the
/// whitespace that follows it, and tokens compare on their text without it.
/// Lone whitespace tokens would let Myers match spaces as readily as words,
/// and on ties ("2265 (2016) and 2340 (2017)" → "2265 (2016), 2340 (2017),
/// and 2400 (2018)") keep the spaces around a short word rather than the
/// reference itself.
fn diff_tokens(text: &str) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    let mut start = 0;
    for token in key_tokens(text) {
        let end = start + token.len();
        match out.last_mut() {
            Some(last) if token.starts_with(char::is_whitespace) && !last.trim().is_empty() => {
                *last = &text[end - token.len() - last.len()..end];
            }
            _ => out.push(&text[start..end]),
        }
        start = end;
    }
    out
}

/// The tokens of `text`, cut where its typographic key is cut, so typeset
/// variants tokenise alike (`2009–2019` as one token, like `2009-2019`).
fn key_tokens(text: &str) -> Vec<&str> {
    if text.is_ascii() {
        return tokens(text);
    }
    let mut folded = String::with_capacity(text.len());
    // For each byte of `folded`, where its character starts in `text`.
    let mut origin: Vec<usize> = Vec::with_capacity(text.len());
    let mut buffer = [0u8; 4];
    for (at, c) in text.char_indices() {
        let key = typographic_key(c.encode_utf8(&mut buffer));
        folded.push_str(&key);
        origin.resize(folded.len(), at);
    }
    let mut out = Vec::new();
    let mut start = 0;
    let mut folded_at = 0;
    let pieces = tokens(&folded);
    let last = pieces.len().saturating_sub(1);
    for (i, piece) in pieces.into_iter().enumerate() {
        folded_at += piece.len();
        let end = if i == last {
            text.len()
        } else {
            origin[folded_at]
        };
        out.push(&text[start..end]);
        start = end;
    }
    if start < text.len() {
        // Only characters the key drops (a soft hyphen): keep them.
        out.push(&text[start..]);
    }
    out
}

/// A token without its trailing whitespace, and the whitespace.
fn split_space(token: &str) -> (&str, &str) {
    let word = token.trim_end();
    (word, &token[word.len()..])
}

fn push_equal(segments: &mut Vec<Segment>, text: &str) {
    match segments.last_mut() {
        Some(Segment::Equal(kept)) => kept.push_str(text),
        _ => segments.push(Segment::Equal(text.to_string())),
    }
}

fn push_typography(segments: &mut Vec<Segment>, old: &str, new: &str) {
    match segments.last_mut() {
        Some(Segment::Typography { old: o, new: n }) => {
            o.push_str(old);
            n.push_str(new);
        }
        _ => segments.push(Segment::Typography {
            old: old.to_string(),
            new: new.to_string(),
        }),
    }
}

fn push_change(segments: &mut Vec<Segment>, old: &str, new: &str) {
    match segments.last_mut() {
        Some(Segment::Change { delete, insert }) => {
            delete.push_str(old);
            insert.push_str(new);
        }
        _ => segments.push(Segment::Change {
            delete: old.to_string(),
            insert: new.to_string(),
        }),
    }
}

fn raw_segments(old: &str, new: &str) -> Vec<Segment> {
    let old_tokens = diff_tokens(old);
    let new_tokens = diff_tokens(new);
    // Tokens compare on their typographic key: `Secretary‑General` and
    // `Secretary-General` are the same word.
    let old_keys: Vec<_> = old_tokens
        .iter()
        .map(|t| typographic_key(split_space(t).0))
        .collect();
    let new_keys: Vec<_> = new_tokens
        .iter()
        .map(|t| typographic_key(split_space(t).0))
        .collect();
    // Myers compares numbers, not strings: each key gets an id.
    let mut ids = HashMap::with_capacity(old_keys.len() + new_keys.len());
    let old_ids = numbered(&mut ids, &old_keys);
    let new_ids = numbered(&mut ids, &new_keys);
    let mut segments: Vec<Segment> = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, &old_ids, &new_ids) {
        let (tag, old_range, new_range) = op.as_tag_tuple();
        if tag != DiffTag::Equal {
            push_change(
                &mut segments,
                &old_tokens[old_range].concat(),
                &new_tokens[new_range].concat(),
            );
            continue;
        }
        // Equal words may still differ in the whitespace after them.
        let old_equal = &old_tokens[old_range.clone()];
        let new_equal = &new_tokens[new_range];
        for (i, (a, b)) in old_equal.iter().zip(new_equal).enumerate() {
            let ((a_word, a_space), (b_word, b_space)) = (split_space(a), split_space(b));
            if a_word == b_word {
                push_equal(&mut segments, a_word);
            } else {
                push_typography(&mut segments, a_word, b_word);
            }
            // The token after both, when it is kept too.
            let next = old_equal.get(i + 1).map(|t| split_space(t).0);
            if a_space == b_space {
                push_equal(&mut segments, a_space);
            } else if typographic_key(a_space) == typographic_key(b_space)
                || spacing_of_punctuation(a_word, next)
            {
                push_typography(&mut segments, a_space, b_space);
            } else {
                push_change(&mut segments, a_space, b_space);
            }
        }
    }
    segments
}

/// Whether a space after `word`, present on one side and not the other, is
/// spacing around punctuation, which changes no word: after an opening
/// mark or before a closing one, as French sets them ("2004 ;" for
/// "2004;", "« Secrétaire général »" for "\"Secrétaire général\"").
/// Only between two kept tokens: a space lost where "and" became "," is
/// part of that change. Between two words a space is no typography: "co
/// operation" is a split word, which [`split_words_as_typography`] judges.
fn spacing_of_punctuation(word: &str, next: Option<&str>) -> bool {
    let punctuation = |token: &str| !token.is_empty() && !token.contains(char::is_alphanumeric);
    next.is_some_and(|next| punctuation(word) || punctuation(next))
}

/// Each key's id in `ids`, a new one for a key not seen yet.
fn numbered<'k>(ids: &mut HashMap<&'k str, u32>, keys: &'k [Cow<'_, str>]) -> Vec<u32> {
    keys.iter()
        .map(|key| {
            let next = ids.len() as u32;
            *ids.entry(key.as_ref()).or_insert(next)
        })
        .collect()
}

/// Whether the kept text between two changes is too slight to show on its
/// own: only spaces and punctuation, or one short word between changes of
/// several words ("… the …").
fn is_slight(equal: &str, before: &Segment, after: &Segment) -> bool {
    let words: Vec<&str> = tokens(equal).into_iter().filter(|t| is_word(t)).collect();
    match words.as_slice() {
        [] => true,
        [word] if word.chars().count() <= 3 => {
            let changed = |s: &Segment| match s {
                Segment::Change { delete, insert } => count_words(delete) + count_words(insert),
                Segment::Equal(_) | Segment::Typography { .. } => 0,
            };
            changed(before) >= 1 && changed(after) >= 1 && changed(before) + changed(after) >= 4
        }
        _ => false,
    }
}

/// Merge slight kept runs between changes into the surrounding change, then
/// hand whitespace common to both sides of a change back to the kept text.
fn cleanup(segments: Vec<Segment>) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::with_capacity(segments.len());
    for segment in segments {
        if let Segment::Change { delete, insert } = &segment
            && let [.., before @ Segment::Change { .. }, Segment::Equal(equal)] = out.as_slice()
            && is_slight(equal, before, &segment)
        {
            let Some(Segment::Equal(equal)) = out.pop() else {
                unreachable!("matched above")
            };
            if let Some(Segment::Change {
                delete: d,
                insert: i,
            }) = out.last_mut()
            {
                d.push_str(&equal);
                d.push_str(delete);
                i.push_str(&equal);
                i.push_str(insert);
            }
            continue;
        }
        out.push(segment);
    }
    share_whitespace(close_brackets(out))
        .into_iter()
        .map(split_words_as_typography)
        .collect()
}

/// A word the PDF's layout broke in two ("co operation", "human- made")
/// against the whole word is one word typeset differently: a change whose
/// two sides are the same letters once spaces and hyphens are dropped.
fn split_words_as_typography(segment: Segment) -> Segment {
    let letters = |s: &str| -> String {
        typographic_key(s)
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .collect()
    };
    match segment {
        Segment::Change { delete, insert }
            if !delete.trim().is_empty()
                && !insert.trim().is_empty()
                && delete.split_whitespace().count() != insert.split_whitespace().count()
                && letters(&delete) == letters(&insert) =>
        {
            Segment::Typography {
                old: delete,
                new: insert,
            }
        }
        other => other,
    }
}

/// `[-2290 (2016-]{+2428 (2018+})` reads as `[-2290 (2016)-]{+2428 (2018)+})`:
/// a change that opens a bracket on both sides takes the kept closing
/// bracket that follows it into both sides.
fn close_brackets(segments: Vec<Segment>) -> Vec<Segment> {
    let unbalanced = |s: &str| s.matches('(').count() > s.matches(')').count();
    let mut out: Vec<Segment> = Vec::with_capacity(segments.len());
    for segment in segments {
        if let Segment::Equal(kept) = &segment
            && let Some(rest) = kept.strip_prefix(')')
            && let Some(Segment::Change { delete, insert }) = out.last_mut()
            && unbalanced(delete)
            && unbalanced(insert)
        {
            delete.push(')');
            insert.push(')');
            if !rest.is_empty() {
                out.push(Segment::Equal(rest.to_string()));
            }
            continue;
        }
        out.push(segment);
    }
    out
}

/// `" foo"` → `" bar"` reads better as a kept space and a changed word.
fn share_whitespace(segments: Vec<Segment>) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::with_capacity(segments.len());
    for segment in segments {
        let (delete, insert) = match segment {
            Segment::Change { delete, insert } if !delete.is_empty() && !insert.is_empty() => {
                (delete, insert)
            }
            other => {
                push_merged(&mut out, other);
                continue;
            }
        };
        // Trailing first, then leading within what is left, so the two
        // never overlap; one side may be left empty (a pure insertion).
        let trail = common_whitespace(delete.chars().rev(), insert.chars().rev());
        let (d, i) = (
            &delete[..delete.len() - trail],
            &insert[..insert.len() - trail],
        );
        let lead = common_whitespace(d.chars(), i.chars());
        push_merged(&mut out, Segment::Equal(d[..lead].to_string()));
        if d.len() > lead || i.len() > lead {
            push_merged(
                &mut out,
                Segment::Change {
                    delete: d[lead..].to_string(),
                    insert: i[lead..].to_string(),
                },
            );
        }
        push_merged(
            &mut out,
            Segment::Equal(delete[delete.len() - trail..].to_string()),
        );
    }
    out
}

/// Byte length of the whitespace both character streams start with.
fn common_whitespace(a: impl Iterator<Item = char>, b: impl Iterator<Item = char>) -> usize {
    a.zip(b)
        .take_while(|(x, y)| x == y && x.is_whitespace())
        .map(|(x, _)| x.len_utf8())
        .sum()
}

fn push_merged(out: &mut Vec<Segment>, segment: Segment) {
    match (out.last_mut(), segment) {
        (_, Segment::Equal(text)) if text.is_empty() => {}
        (Some(Segment::Equal(last)), Segment::Equal(text)) => last.push_str(&text),
        (_, segment) => out.push(segment),
    }
}

/// The old text (`equal` + `delete` runs) and new text (`equal` + `insert`).
#[cfg(test)]
pub fn sides(ops: &[WordOp]) -> (String, String) {
    let mut old = String::new();
    let mut new = String::new();
    for op in ops {
        match op.op {
            WordOpKind::Equal => {
                old.push_str(&op.text);
                new.push_str(&op.text);
            }
            WordOpKind::Delete => old.push_str(&op.text),
            WordOpKind::Insert => new.push_str(&op.text),
        }
    }
    (old, new)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn redline(old: &str, new: &str) -> String {
        word_ops(old, new, &|_| None)
            .iter()
            .map(|op| match op.op {
                WordOpKind::Equal => op.text.clone(),
                WordOpKind::Delete => format!("[-{}-]", op.text),
                WordOpKind::Insert => format!("{{+{}+}}", op.text),
            })
            .collect()
    }

    #[test]
    fn tokens_keep_symbols_and_compounds_whole_and_split_punctuation() {
        assert_eq!(
            tokens("resolution 73/331, S/AC.51/2017/2 and seventy-seventh session;"),
            vec![
                "resolution",
                " ",
                "73/331",
                ",",
                " ",
                "S/AC.51/2017/2",
                " ",
                "and",
                " ",
                "seventy-seventh",
                " ",
                "session",
                ";"
            ]
        );
        assert_eq!(tokens("Da’esh).").concat(), "Da’esh).");
        assert_eq!(tokens(""), Vec::<&str>::new());
    }

    #[test]
    fn punctuation_change_is_not_a_new_word() {
        assert_eq!(
            redline(
                "remain seized of the matter,",
                "remain seized of the matter;"
            ),
            "remain seized of the matter[-,-]{+;+}"
        );
    }

    #[test]
    fn a_year_change_in_a_date_is_just_the_year() {
        assert_eq!(
            redline(
                "renew until 31 May 2018 the measures",
                "renew until 31 May 2020 the measures"
            ),
            "renew until 31 May [-2018-]{+2020+} the measures"
        );
    }

    #[test]
    fn slight_kept_words_between_changes_are_absorbed() {
        // Real wording from S/2017/444 and S/2019/441.
        let old = "Acting under Article 41 of Chapter VII of the Charter";
        let new = "Acting under Chapter VII of the Charter";
        assert_eq!(
            redline(old, new),
            "Acting under [-Article 41 of -]Chapter VII of the Charter"
        );
        let r = redline(
            "the Panel of Experts as set out in subparagraphs",
            "the Panel of Experts, as established by paragraph",
        );
        assert_eq!(
            r,
            "the Panel of Experts{+,+} as [-set out in subparagraphs-]{+established by paragraph+}"
        );
    }

    #[test]
    fn a_changed_reference_keeps_its_brackets_together() {
        assert_eq!(
            redline("of resolution 2290 (2016);", "of resolution 2428 (2018);"),
            "of resolution [-2290 (2016)-]{+2428 (2018)+};"
        );
    }

    #[test]
    fn sides_rebuild_both_texts() {
        let old = "Decides to extend until 30 June 2018 the mandate of the Panel";
        let new = "Decides to extend until 30 June 2020 the mandate, as established, of the Panel";
        let ops = word_ops(old, new, &|_| None);
        assert_eq!(sides(&ops), (old.to_string(), new.to_string()));
    }

    #[test]
    fn an_unchanged_text_is_what_the_diff_would_make_of_it() {
        for text in [
            "Decides to extend until 30 June 2018 the mandate",
            "  (a)  Secretary\u{2011}General’s\u{a0}report; \n and ",
            "\n",
        ] {
            assert_eq!(
                cleanup(raw_segments(text, text)),
                vec![Segment::Equal(text.to_string())]
            );
            let ops = word_ops(text, text, &|_| None);
            assert_eq!(ops.len(), 1);
            assert_eq!((ops[0].op, ops[0].text.as_str()), (WordOpKind::Equal, text));
        }
        assert!(word_ops("", "", &|_| None).is_empty());
        assert!(cleanup(raw_segments("", "")).is_empty());
    }

    /// French sets a space before `; : ? !` and inside guillemets; a text
    /// without them, or with straight quotes, has the same words
    /// (S/RES/1523 (2004), paragraphs 1 and 2, as the volume prints them).
    #[test]
    fn spacing_around_punctuation_and_guillemets_are_typography() {
        let typography_only = |old: &str, new: &str| {
            word_ops(old, new, &|_| None)
                .iter()
                .all(|op| op.op == WordOpKind::Equal || op.typography)
        };
        let printed = "au Sahara occidental jusqu’au 30 avril 2004 ;";
        assert!(typography_only(
            printed,
            "au Sahara occidental jusqu’au 30 avril 2004;"
        ));
        assert!(typography_only(
            printed,
            "au Sahara occidental jusqu’au 30 avril 2004\u{202F};"
        ));
        assert!(typography_only(
            "Prie le « Secrétaire général » de présenter",
            "Prie le \"Secrétaire général\" de présenter"
        ));
        // The mark itself is no spacing, nor a space lost with a word.
        assert!(!typography_only(
            "resolutions 2265 (2016) and 2340 (2017)",
            "resolutions 2265 (2016), 2340 (2017)"
        ));
        assert!(!typography_only(
            printed,
            "au Sahara occidental jusqu’au 30 avril 2004"
        ));
        assert!(!typography_only(
            printed,
            "au Sahara occidental jusqu’au 30 avril 2005 ;"
        ));
    }

    #[test]
    fn counts_words_not_spaces_or_punctuation() {
        assert_eq!(count_words("31 May 2020, and (a) S/2023/406;"), 6);
        for text in [
            "a--b",
            "a.-b",
            "-a",
            "a-",
            "1.2.3 x",
            "Da’esh’s",
            "a - b",
            ".a",
            "a/-/b",
        ] {
            let counted = tokens(text).iter().filter(|t| is_word(t)).count();
            assert_eq!(count_words(text), counted, "{text}");
        }
    }

    #[cfg_attr(corpus_missing, ignore = "needs ../shared/corpus")]
    #[test]
    fn words_are_counted_as_they_are_tokenised_in_every_corpus_text() {
        let Some(dir) = crate::test_support::shared_corpus() else {
            return;
        };
        for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
            let path = entry.unwrap().into_path();
            if path.extension().is_some_and(|x| x == "txt") {
                let text = std::fs::read_to_string(&path).unwrap();
                // The whole text, and each line (most lines are ASCII,
                // counted by their bytes).
                for piece in std::iter::once(text.as_str()).chain(text.lines()) {
                    let counted = tokens(piece).iter().filter(|t| is_word(t)).count();
                    assert_eq!(count_words(piece), counted, "{}: {piece}", path.display());
                }
            }
        }
    }

    #[test]
    fn the_context_of_a_change_is_the_same_tokens_as_the_whole_texts() {
        // Long enough that only a window of the end is tokenised, with
        // runs of spaces, typeset characters and connectors at the cuts.
        let mut text = String::new();
        for i in 0..400 {
            text.push_str(
                [
                    "Secretary\u{2011}General",
                    "  ",
                    "co-operation",
                    "\u{a0}",
                    "(2013)",
                    "’s",
                    " ",
                    "S/2019/266",
                    "\n",
                ][i % 9],
            );
        }
        for n in [0, 1, 5, 12, 40, 399, 2000] {
            let all = tokens(&text);
            assert_eq!(
                last_tokens(&text, n),
                all[all.len().saturating_sub(n)..],
                "{n}"
            );
            assert_eq!(first_tokens(&text, n), all[..n.min(all.len())], "{n}");
        }
        assert_eq!(last_tokens("", 3), Vec::<&str>::new());
    }
}
