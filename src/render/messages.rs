//! The words of the reports, in each language resdiff speaks: one
//! catalogue per language (`messages/<code>.toml`), which the build checks
//! (every key in every catalogue, with the same placeholders and the same
//! kind) and compiles into the fields of one [`Messages`] struct. The
//! templates read `ui.summary`, so a key that does not exist is a compile
//! error, not a blank in a report.
//!
//! Why this form and not Fluent (`fluent-bundle`): the reports need about
//! 170 messages, a dozen plurals of two forms and placeholders, and no
//! gender or case selection; Fluent would add its crates to the build,
//! parse the catalogue at run time before the first report, and look
//! messages up by strings the compiler cannot check (BENCHMARKS.md,
//! "Message catalogues", has the measurements).

use std::fmt::Display;

use crate::lang::Language;
use crate::lexicon::Direction;

/// How a language chooses between the one and the other form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PluralRule {
    /// One for 1 only (English).
    OneForOne,
    /// One for 0 and 1 (French).
    OneBelowTwo,
}

/// A message with a form for one and a form for others.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Plural {
    /// For one ("{n} change").
    pub one: &'static str,
    /// For others ("{n} changes").
    pub other: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/messages.rs"));

impl Messages {
    /// The form of `plural` for `n`, its `{n}` filled.
    pub fn count(&self, plural: Plural, n: usize) -> String {
        let one = match self.plural {
            PluralRule::OneForOne => n == 1,
            PluralRule::OneBelowTwo => n < 2,
        };
        fill(if one { plural.one } else { plural.other }, &[("n", &n)])
    }

    /// The form of `plural` for `n`, without filling it.
    pub fn form(&self, plural: &Plural, n: usize) -> &'static str {
        let one = match self.plural {
            PluralRule::OneForOne => n == 1,
            PluralRule::OneBelowTwo => n < 2,
        };
        if one { plural.one } else { plural.other }
    }

    /// How a lead change is worded beside the lead: "strengthened",
    /// "weakened" or "changed".
    pub fn direction(&self, direction: Direction) -> &'static str {
        match direction {
            Direction::Stronger => self.direction_stronger,
            Direction::Weaker => self.direction_weaker,
            Direction::Neutral => self.direction_neutral_short,
        }
    }

    /// A percentage as the language writes it: "87%", "87 %".
    pub fn percent(&self, n: impl Display) -> String {
        fill(self.percent, &[("n", &n)])
    }
}

/// The catalogue of `language`.
pub fn messages(language: Language) -> &'static Messages {
    match language {
        Language::En => &EN,
        Language::Fr => &FR,
    }
}

/// `template` with each `{name}` replaced by its value.
pub fn fill(template: &str, values: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match values.iter().find(|(n, _)| *n == name) {
                    Some((_, value)) => out.push_str(&value.to_string()),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled_and_plurals_follow_each_language() {
        let en = messages(Language::En);
        let fr = messages(Language::Fr);
        assert_eq!(en.count(en.change_count, 1), "1 change");
        assert_eq!(en.count(en.change_count, 0), "0 changes");
        // French takes the singular for 0 and 1.
        assert_eq!(fr.count(fr.change_count, 0), "0 modification");
        assert_eq!(fr.count(fr.change_count, 2), "2 modifications");
        assert_eq!(
            fill(en.report_title, &[("title", &"A → B")]),
            "Comparison: A → B"
        );
        assert_eq!(fr.percent(87), "87 %");
        assert_eq!(fill("{unknown} stays", &[]), "{unknown} stays");
    }
}
