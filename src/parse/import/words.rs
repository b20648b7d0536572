//! Cleaning of one physical line of extracted text: whitespace and control
//! characters, and the word splits PDF extraction leaves behind
//! (`Secretary -General`, `human- made`, `long - term`, `Da ’esh`, `an d`).
//!
//! Every repair only removes spaces (or invisible characters), never a
//! letter or digit, so no word is lost. Repairs that could be wrong in some
//! text are reported; the caller turns them into warnings with the line.

use std::collections::HashMap;

/// How often each lower-cased alphabetic word occurs in the whole input:
/// the evidence for joining a word split in two (`an d` -> `and` only when
/// `and` occurs elsewhere and `d` never does).
#[derive(Debug, Default)]
pub struct Vocabulary {
    counts: HashMap<String, usize>,
}

impl Vocabulary {
    pub fn from_text(text: &str) -> Vocabulary {
        let mut counts: HashMap<String, usize> = HashMap::new();
        let mut lower = String::new();
        for token in text.split(|c: char| !c.is_alphabetic()) {
            if token.is_empty() {
                continue;
            }
            let key = lowercase(token, &mut lower);
            match counts.get_mut(key) {
                Some(n) => *n += 1,
                None => {
                    counts.insert(key.to_string(), 1);
                }
            }
        }
        Vocabulary { counts }
    }

    fn count(&self, word: &str) -> usize {
        self.counts
            .get(lowercase(word, &mut String::new()))
            .copied()
            .unwrap_or(0)
    }
}

/// `word` in lower case: itself when it is already, else written to `buffer`.
fn lowercase<'a>(word: &'a str, buffer: &'a mut String) -> &'a str {
    if word.bytes().all(|b| b.is_ascii_lowercase()) {
        return word;
    }
    buffer.clear();
    if word.is_ascii() {
        buffer.push_str(word);
        buffer.make_ascii_lowercase();
    } else {
        buffer.push_str(&word.to_lowercase());
    }
    buffer
}

/// The rule that cleans each line.
pub const CLEAN_LINE: super::rules::Rule = super::rules::Rule {
    name: "clean-line",
    decides: "each line is cleaned before it is read: control and invisible characters dropped, runs of spaces made one, and words extraction split put back together (`Secretary -General`, `human- made`, `long - term`, `Da ’esh`, `an d` where the text has `and` and never `d`); every repair but the invisible ones is a warning",
};

/// A cleaned line and what was repaired in it.
#[derive(Debug, Default)]
pub struct CleanLine {
    pub text: String,
    /// Repairs worth a warning: one message each.
    pub repairs: Vec<String>,
}

/// Characters that print nothing and only break words apart.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    ) || crate::characters::is_reordering(c)
}

/// Hyphens and dashes that PDF extraction detaches from one of their words.
fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\u{2013}')
}

/// Clean one line: control characters dropped, every run of whitespace one
/// space, trimmed, then word splits repaired.
pub fn clean_line(
    line: &str,
    vocabulary: &Vocabulary,
    profile: &crate::lang::Profile,
) -> CleanLine {
    let mut repairs = Vec::new();
    // Printable ASCII has nothing to remove or turn into a space.
    let normalized: std::borrow::Cow<str> = if line.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        std::borrow::Cow::Borrowed(line)
    } else {
        let mut normalized = String::with_capacity(line.len());
        for c in line.chars() {
            if c.is_whitespace() {
                normalized.push(' ');
            } else if c.is_control() || is_invisible(c) {
                repairs.push(format!("removed invisible character U+{:04X}", c as u32));
            } else {
                normalized.push(c);
            }
        }
        std::borrow::Cow::Owned(normalized)
    };
    let tokens: Vec<&str> = normalized.split(' ').filter(|t| !t.is_empty()).collect();
    // The cleaned line, and where its last word starts: every repair
    // appends a token to that word instead of after a space.
    let mut out = String::with_capacity(normalized.len());
    let mut last_start: Option<usize> = None;
    let mut i = 0;
    while i < tokens.len() {
        let token = tokens[i];
        let next = tokens.get(i + 1).copied();
        if let Some(start) = last_start {
            let prev = &out[start..];
            // `Da ’esh`, `Somalia ’s`: a closing apostrophe never opens a word.
            if starts_with_apostrophe_word(token) && ends_alphabetic(prev) {
                out.push_str(token);
                i += 1;
                continue;
            }
            // `Secretary -General`, `post -2021`, `2021 –2025`, `two ‑State`.
            if starts_with_glued_dash(token) && ends_alphanumeric(prev) {
                let dash = token.chars().next().unwrap_or('-');
                if dash != '\u{2011}' {
                    repairs.push(format!("joined '{prev} {token}' into '{prev}{token}'"));
                }
                out.push_str(token);
                i += 1;
                continue;
            }
            // `long - term`, `conflict - related`: a lone hyphen-minus between
            // two words is a compound split apart (a dash would be `–`).
            if (token == "-" || token == "\u{2011}")
                && ends_alphabetic(prev)
                && next.is_some_and(starts_alphabetic)
            {
                let next = next.unwrap_or_default();
                repairs.push(format!(
                    "joined '{prev} {token} {next}' into '{prev}{token}{next}'"
                ));
                out.push_str(token);
                out.push_str(next);
                i += 2;
                continue;
            }
            // `human- made`; but `troop- and police-contributing` is right.
            if ends_with_hanging_hyphen(prev)
                && starts_lowercase(token)
                && !is_suspended_compound_word(token, profile)
            {
                repairs.push(format!("joined '{prev} {token}' into '{prev}{token}'"));
                out.push_str(token);
                i += 1;
                continue;
            }
            // `an d`, `Speci al`: two fragments that only make a word together.
            if let Some(joined) = split_word(prev, token, vocabulary) {
                repairs.push(format!(
                    "joined split word '{prev} {token}' into '{joined}'"
                ));
                out.truncate(start);
                out.push_str(&joined);
                i += 1;
                continue;
            }
            out.push(' ');
        }
        last_start = Some(out.len());
        out.push_str(token);
        i += 1;
    }
    CleanLine { text: out, repairs }
}

fn starts_with_apostrophe_word(token: &str) -> bool {
    let mut chars = token.chars();
    chars.next() == Some('\u{2019}') && chars.next().is_some_and(char::is_alphabetic)
}

fn starts_with_glued_dash(token: &str) -> bool {
    let mut chars = token.chars();
    chars.next().is_some_and(is_dash) && chars.next().is_some_and(char::is_alphanumeric)
}

fn ends_with_hanging_hyphen(token: &str) -> bool {
    let mut chars = token.chars().rev();
    matches!(chars.next(), Some('-' | '\u{2011}')) && chars.next().is_some_and(char::is_alphabetic)
}

/// Words after which a hanging hyphen is a suspended compound
/// (`small- and medium-sized`), not a split.
pub fn is_suspended_compound_word(token: &str, profile: &crate::lang::Profile) -> bool {
    let word = token.trim_end_matches(|c: char| !c.is_alphanumeric());
    profile
        .data
        .words
        .suspended_compound
        .iter()
        .any(|w| w == word)
}

fn ends_alphabetic(token: &str) -> bool {
    token.chars().last().is_some_and(char::is_alphabetic)
}

fn ends_alphanumeric(token: &str) -> bool {
    token.chars().last().is_some_and(char::is_alphanumeric)
}

fn starts_alphabetic(token: &str) -> bool {
    token.chars().next().is_some_and(char::is_alphabetic)
}

fn starts_lowercase(token: &str) -> bool {
    token.chars().next().is_some_and(char::is_lowercase)
}

/// `prev token` joined, when both are letters only (the second lower-case,
/// possibly followed by punctuation), the joined word occurs elsewhere in
/// the text, and one fragment is a one- or two-letter piece found nowhere
/// else.
fn split_word(prev: &str, token: &str, vocabulary: &Vocabulary) -> Option<String> {
    // One fragment must be of one or two letters (below): most pairs of
    // words are done with here, before any scan of them.
    let short_prev = prev.len() <= 8 && prev.chars().count() <= 2;
    let head_letters = token
        .chars()
        .take_while(|c| c.is_alphabetic())
        .take(3)
        .count();
    if !short_prev && head_letters > 2 {
        return None;
    }
    if !prev.chars().all(char::is_alphabetic) || prev.is_empty() {
        return None;
    }
    let head_end = token
        .char_indices()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(token.len(), |(i, _)| i);
    let (head, tail) = token.split_at(head_end);
    if head.is_empty() || !head.chars().all(char::is_lowercase) {
        return None;
    }
    if !tail.chars().all(|c| ",;:.)”’".contains(c)) {
        return None;
    }
    let first_rest_lower = prev.chars().skip(1).all(char::is_lowercase);
    if !first_rest_lower {
        return None;
    }
    // A fragment of one or two letters that occurs nowhere else is not a
    // word of this text (`d`, `al`); longer ones may be (`road map`).
    let lone = |fragment: &str| fragment.chars().count() <= 2 && vocabulary.count(fragment) <= 1;
    if !(lone(prev) || lone(head)) {
        return None;
    }
    let joined = format!("{prev}{head}");
    if vocabulary.count(&joined) >= 1 {
        Some(format!("{joined}{tail}"))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(line: &str, context: &str) -> (String, usize) {
        let vocab = Vocabulary::from_text(&format!("{context}\n{line}"));
        let c = clean_line(line, &vocab, crate::lang::Language::En.profile());
        (c.text, c.repairs.len())
    }

    #[test]
    fn whitespace_runs_collapse_without_warning() {
        assert_eq!(
            clean("Requests       UNSOM          to    provide", ""),
            ("Requests UNSOM to provide".to_string(), 0)
        );
    }

    #[test]
    fn detached_hyphens_and_dashes_rejoin() {
        assert_eq!(clean("Secretary -General", "").0, "Secretary-General");
        assert_eq!(
            clean("security post -2021 and", "").0,
            "security post-2021 and"
        );
        assert_eq!(clean("period 2021 –2025", "").0, "period 2021–2025");
        assert_eq!(clean("natural human- made", "").0, "natural human-made");
        assert_eq!(clean("of long - term peace", "").0, "of long-term peace");
        // U+2011 is a non-breaking hyphen: joined silently.
        assert_eq!(
            clean("the two \u{2011}State solution", ""),
            ("the two\u{2011}State solution".into(), 0)
        );
    }

    #[test]
    fn real_dashes_and_suspended_compounds_stay() {
        assert_eq!(
            clean("conflict – from prevention", "").0,
            "conflict – from prevention"
        );
        assert_eq!(
            clean("troop- and police-contributing", "").0,
            "troop- and police-contributing"
        );
    }

    #[test]
    fn apostrophes_rejoin() {
        assert_eq!(
            clean("known as Da ’esh)", ""),
            ("known as Da’esh)".into(), 0)
        );
        assert_eq!(clean("Somalia ’s federal", "").0, "Somalia’s federal");
        // An opening quote stays apart.
        assert_eq!(
            clean("between ‘Somaliland’ and", "").0,
            "between ‘Somaliland’ and"
        );
    }

    #[test]
    fn split_words_join_only_with_evidence() {
        assert_eq!(
            clean("natural an d human", "and and").0,
            "natural and human"
        );
        assert_eq!(
            clean("the Speci al Report", "Special").0,
            "the Special Report"
        );
        // `determined` never occurs elsewhere: no evidence, no repair.
        assert_eq!(
            clean("as de termined jointly", "").0,
            "as de termined jointly"
        );
        // Both fragments are words of the text: `in to` stays.
        assert_eq!(clean("in to", "in to into").0, "in to");
        // Two real words stay apart even when their compound occurs.
        assert_eq!(clean("the APSA road map", "roadmap").0, "the APSA road map");
    }

    #[test]
    fn control_characters_are_dropped_and_reported() {
        let (text, repairs) = clean("Recalling\u{0007} its\u{00AD}", "");
        assert_eq!(text, "Recalling its");
        assert_eq!(repairs, 2);
    }
}
