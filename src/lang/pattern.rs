//! Line patterns, as a profile writes the fixed lines of a document's head
//! and foot: literal words with named holes, matched against a whole line.
//!
//! ```text
//! Résolution {number} ({year}) du {date}
//! Adopted by the {organ} at its {ordinal} meeting, on {date}
//! {ordinal} plenary meeting{rest}
//! ```
//!
//! Holes: `{number}` digits; `{year}` four digits; `{date}` a date as the
//! language writes it ("1 November 2018", "1er décembre 2004"); `{ordinal}`
//! a number with the language's ordinal ending ("30th", "4957e");
//! `{words}` an ordinal in words ("seventy-third"); `{organ}` a name of an
//! organ the profile lists; `{text}` one character or more; `{rest}`
//! anything, or nothing. A space in the literal text matches any run of
//! spaces, or none (extraction loses and adds spaces: "5948eséance",
//! "4091 e séance"); the two apostrophes ' and ’ match each other.
//!
//! A pattern is a template, not a regular expression: the only choices
//! are where each hole ends, and lines longer than [`LONGEST_LINE`] never
//! match, so a match costs at most a few thousand steps.

use crate::dates::Date;
use crate::model::Body;

use super::Profile;

/// Head and foot lines are short: a longer line is never one.
pub const LONGEST_LINE: usize = 400;

/// One piece of a pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    /// Literal text, compared with spaces and apostrophes folded.
    Literal(String),
    /// A hole.
    Hole(Hole),
}

/// What a hole matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Hole {
    Number,
    Year,
    Date,
    Ordinal,
    Words,
    Organ,
    Text,
    Rest,
}

impl Hole {
    fn named(name: &str) -> Option<Hole> {
        Some(match name {
            "number" => Hole::Number,
            "year" => Hole::Year,
            "date" => Hole::Date,
            "ordinal" => Hole::Ordinal,
            "words" => Hole::Words,
            "organ" => Hole::Organ,
            "text" => Hole::Text,
            "rest" => Hole::Rest,
            _ => return None,
        })
    }
}

/// A line pattern of a profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    source: String,
    pieces: Vec<Piece>,
}

/// What the holes of a matched line held.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Captures {
    /// `{number}`.
    pub number: Option<u32>,
    /// `{year}`.
    pub year: Option<u32>,
    /// `{date}`.
    pub date: Option<Date>,
    /// `{ordinal}` or `{words}`.
    pub ordinal: Option<u32>,
    /// `{organ}`.
    pub organ: Option<Body>,
    /// `{text}`, trimmed.
    pub text: Option<String>,
    /// `{rest}`, trimmed; `None` where it held nothing.
    pub rest: Option<String>,
}

impl Pattern {
    /// Reads a pattern; an unknown or unclosed hole is an error naming it.
    pub fn parse(source: &str) -> Result<Pattern, String> {
        let mut pieces = Vec::new();
        let mut literal = String::new();
        let mut rest = source;
        while let Some(open) = rest.find('{') {
            literal.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let close = after
                .find('}')
                .ok_or_else(|| format!("pattern {source:?}: '{{' without '}}'"))?;
            let name = &after[..close];
            let hole = Hole::named(name)
                .ok_or_else(|| format!("pattern {source:?}: unknown hole {{{name}}}"))?;
            if !literal.is_empty() {
                pieces.push(Piece::Literal(std::mem::take(&mut literal)));
            }
            pieces.push(Piece::Hole(hole));
            rest = &after[close + 1..];
        }
        literal.push_str(rest);
        if !literal.is_empty() {
            pieces.push(Piece::Literal(literal));
        }
        if pieces.is_empty() {
            return Err("an empty pattern".into());
        }
        Ok(Pattern {
            source: source.to_string(),
            pieces,
        })
    }

    /// The pattern as the profile writes it.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The holes of `line` (trimmed) when the whole line has the pattern's
    /// shape, in the language of `profile`.
    pub fn matches(&self, line: &str, profile: &Profile) -> Option<Captures> {
        let line = line.trim();
        if line.len() > LONGEST_LINE {
            return None;
        }
        let mut captures = Captures::default();
        let mut budget = 20_000usize;
        self.match_from(0, line, profile, &mut captures, &mut budget)
            .then_some(captures)
    }

    /// Whether the pieces from `index` on match all of `text`.
    fn match_from(
        &self,
        index: usize,
        text: &str,
        profile: &Profile,
        captures: &mut Captures,
        budget: &mut usize,
    ) -> bool {
        if *budget == 0 {
            return false;
        }
        *budget -= 1;
        let Some(piece) = self.pieces.get(index) else {
            return text.is_empty();
        };
        match piece {
            Piece::Literal(literal) => match literal_prefix(literal, text) {
                Some(after) => self.match_from(index + 1, after, profile, captures, budget),
                None => false,
            },
            Piece::Hole(hole) => {
                // Every end the hole could take, shortest first; the
                // pieces after it decide.
                let ends: Vec<usize> = text
                    .char_indices()
                    .map(|(i, c)| i + c.len_utf8())
                    .chain((*hole == Hole::Rest).then_some(0))
                    .collect();
                let mut ends = ends;
                ends.sort_unstable();
                ends.dedup();
                for end in ends {
                    let held = &text[..end];
                    let mut trial = captures.clone();
                    if fill(*hole, held, profile, &mut trial)
                        && self.match_from(index + 1, &text[end..], profile, &mut trial, budget)
                    {
                        *captures = trial;
                        return true;
                    }
                    if *budget == 0 {
                        return false;
                    }
                }
                false
            }
        }
    }
}

/// Whether `held` is what `hole` matches; if so, records it.
fn fill(hole: Hole, held: &str, profile: &Profile, captures: &mut Captures) -> bool {
    let trimmed = held.trim();
    match hole {
        Hole::Number => {
            let ok = trimmed.len() == held.len()
                && (1..=6).contains(&held.len())
                && held.bytes().all(|b| b.is_ascii_digit());
            ok && {
                captures.number = held.parse().ok();
                captures.number.is_some()
            }
        }
        Hole::Year => {
            held.len() == 4 && held.bytes().all(|b| b.is_ascii_digit()) && {
                captures.year = held.parse().ok();
                true
            }
        }
        Hole::Date => match profile.parse_date(trimmed) {
            Some(date) if trimmed.len() == held.len() => {
                captures.date = Some(date);
                true
            }
            _ => false,
        },
        Hole::Ordinal => match profile.numeral_ordinal(held) {
            Some(n) => {
                captures.ordinal = Some(n);
                true
            }
            None => false,
        },
        Hole::Words => match profile.parse_ordinal(trimmed) {
            Some(n) if trimmed.len() == held.len() => {
                captures.ordinal = Some(n);
                true
            }
            _ => false,
        },
        Hole::Organ => match profile.organ_named(trimmed) {
            Some(body) if trimmed.len() == held.len() => {
                captures.organ = Some(body);
                true
            }
            _ => false,
        },
        Hole::Text => {
            !trimmed.is_empty() && {
                captures.text = Some(trimmed.to_string());
                true
            }
        }
        Hole::Rest => {
            captures.rest = (!trimmed.is_empty()).then(|| trimmed.to_string());
            true
        }
    }
}

/// What is left of `text` after `literal`, with any run of spaces in
/// either matching any run (or none) in the other, and ' matching ’.
fn literal_prefix<'t>(literal: &str, text: &'t str) -> Option<&'t str> {
    let mut want = literal.chars().peekable();
    let mut at = 0;
    let skip_spaces = |at: &mut usize| {
        while let Some(c) = text[*at..].chars().next() {
            if !c.is_whitespace() {
                break;
            }
            *at += c.len_utf8();
        }
    };
    while let Some(w) = want.next() {
        if w.is_whitespace() {
            while want.peek().is_some_and(|c| c.is_whitespace()) {
                want.next();
            }
            skip_spaces(&mut at);
            continue;
        }
        let got = text[at..].chars().next()?;
        if !(got == w || (apostrophe(got) && apostrophe(w))) {
            // A space the literal does not have: extraction added it.
            if got.is_whitespace() {
                skip_spaces(&mut at);
                let again = text[at..].chars().next()?;
                if again == w || (apostrophe(again) && apostrophe(w)) {
                    at += again.len_utf8();
                    continue;
                }
            }
            return None;
        }
        at += got.len_utf8();
    }
    Some(&text[at..])
}

fn apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Language;

    fn caps(pattern: &str, line: &str, language: Language) -> Option<Captures> {
        Pattern::parse(pattern)
            .unwrap()
            .matches(line, language.profile())
    }

    #[test]
    fn literal_text_folds_spaces_and_apostrophes() {
        assert_eq!(
            literal_prefix("à l'unanimité", "à l’unanimité x"),
            Some(" x")
        );
        assert_eq!(literal_prefix("e séance", "eséance."), Some("."));
        assert_eq!(literal_prefix("e séance", "e  séance."), Some("."));
        assert_eq!(literal_prefix("séance", "seance"), None);
    }

    #[test]
    fn holes_take_what_their_kind_allows() {
        // fr/S_RES_1541_2004-fr.txt:1
        let c = caps(
            "Résolution {number} ({year}) du {date}",
            "Résolution 1541 (2004) du 29 avril 2004",
            Language::Fr,
        )
        .unwrap();
        assert_eq!((c.number, c.year), (Some(1541), Some(2004)));
        assert_eq!(c.date.map(|d| d.to_string()).as_deref(), Some("2004-04-29"));
        // fr/S_RES_1497_2003-fr.txt:1 writes the first of the month "1er".
        let c = caps(
            "Résolution {number} ({year}) du {date}",
            "Résolution 1497 (2003) du 1er août 2003",
            Language::Fr,
        )
        .unwrap();
        assert_eq!(c.date.map(|d| d.to_string()).as_deref(), Some("2003-08-01"));
        assert!(
            caps(
                "Résolution {number} ({year}) du {date}",
                "Résolution 1541 (2004) du 31 avril 2004",
                Language::Fr
            )
            .is_none(),
            "no such day"
        );
    }

    #[test]
    fn ordinals_and_the_rest_of_a_line() {
        // fr/S_RES_1871_2009-fr.txt: the space before "séance" lost.
        let c = caps(
            "Adoptée à l'unanimité à la {ordinal} séance{rest}",
            "Adoptée à l’unanimité à la 6117eséance.",
            Language::Fr,
        )
        .unwrap();
        assert_eq!(c.ordinal, Some(6117));
        assert_eq!(c.rest.as_deref(), Some("."));
        // ga/A_RES_80_4.txt: the closing meeting line.
        let c = caps(
            "{ordinal} plenary meeting{rest}",
            "30th plenary meeting 1 November 2018",
            Language::En,
        )
        .unwrap();
        assert_eq!(c.ordinal, Some(30));
        assert!(
            caps(
                "{ordinal} plenary meeting{rest}",
                "30 plenary meeting",
                Language::En
            )
            .is_none()
        );
        let c = caps("{words} session", "Seventy-third session", Language::En).unwrap();
        assert_eq!(c.ordinal, Some(73));
    }

    #[test]
    fn organs_are_the_profiles() {
        let c = caps(
            "Resolution adopted by the {organ} on {date}",
            "Resolution adopted by the General Assembly on 1 November 2018",
            Language::En,
        )
        .unwrap();
        assert_eq!(c.organ, Some(Body::GeneralAssembly));
        assert!(
            caps(
                "Resolution adopted by the {organ} on {date}",
                "Resolution adopted by the Trusteeship Council on 1 November 2018",
                Language::En
            )
            .is_none()
        );
    }

    #[test]
    fn bad_patterns_are_refused_and_long_lines_never_match() {
        assert!(Pattern::parse("{nothing}").is_err());
        assert!(Pattern::parse("a {text").is_err());
        let long = format!("{} plenary meeting", "9".repeat(LONGEST_LINE));
        assert!(caps("{number} plenary meeting", &long, Language::En).is_none());
    }
}
