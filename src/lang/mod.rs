//! The official languages resdiff reads, and what it knows of each: one
//! profile per language, written as data in `src/lang/<code>.toml` (the
//! build checks each against [`schema`] and compiles it in). A rule of the
//! importer or of the comparison asks the profile of the document's
//! language for its words and forms; no rule holds a language's words
//! itself. `docs/languages.md` says how to add a language.

pub mod detect;
pub mod pattern;
pub mod schema;

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::dates::{Date, DateForms};
use crate::lexicon::Lexicon;
use crate::model::Body;
use crate::ordinal::Ordinals;
pub use pattern::{Captures, Pattern};
pub use schema::ProfileData;

/// A language resdiff has a profile for.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// English.
    #[default]
    En,
    /// French.
    Fr,
}

impl Language {
    /// Every language with a profile, in the order of their codes.
    pub const ALL: [Language; 2] = [Language::En, Language::Fr];

    /// The ISO 639-1 code: `en`, `fr`.
    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Fr => "fr",
        }
    }

    /// The language of a code (`fr`, `FR`, `fr-FR`), if resdiff has its
    /// profile.
    pub fn from_code(code: &str) -> Option<Language> {
        let primary = code.split(['-', '_']).next().unwrap_or_default();
        Language::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(primary))
    }

    /// The codes resdiff knows, for messages: "en, fr".
    pub fn codes() -> String {
        Language::ALL.map(Language::code).join(", ")
    }

    /// The profile of the language.
    pub fn profile(self) -> &'static Profile {
        static PROFILES: [OnceLock<Profile>; 2] = [OnceLock::new(), OnceLock::new()];
        PROFILES[self as usize].get_or_init(|| Profile::load(self))
    }

    /// The lead lexicon of the language.
    pub fn lexicon(self) -> &'static Lexicon {
        &self.profile().lexicon
    }

    /// The ordinals of the language.
    pub fn ordinals(self) -> &'static Ordinals {
        &self.profile().ordinals
    }
}

impl Language {
    /// The language as a reader is told it: its own name and its code,
    /// "français (fr)".
    pub fn described(self) -> String {
        format!("{} ({})", self.profile().data.name, self.code())
    }
}

impl std::fmt::Display for Language {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// One language's profile: its data, and what is built from it once.
#[derive(Debug)]
pub struct Profile {
    /// The language the profile describes.
    pub language: Language,
    /// The profile as written.
    pub data: ProfileData,
    lexicon: Lexicon,
    ordinals: Ordinals,
    dates: DateForms,
    /// The profile's line patterns, read.
    pub patterns: Patterns,
}

/// The line patterns of a profile (see [`pattern`]), each list read from
/// the field of the same name.
#[derive(Debug)]
pub struct Patterns {
    /// `head.session`.
    pub session: Vec<Pattern>,
    /// `head.agenda_item`.
    pub agenda_item: Vec<Pattern>,
    /// `head.adopted`.
    pub adopted: Vec<Pattern>,
    /// `head.adopted_open`.
    pub adopted_open: Vec<Pattern>,
    /// `head.adopted_date`.
    pub adopted_date: Vec<Pattern>,
    /// `head.council_heading`.
    pub council_heading: Vec<Pattern>,
    /// `head.council_adopted`.
    pub council_adopted: Vec<Pattern>,
    /// `foot.meeting`.
    pub meeting: Vec<Pattern>,
    /// `foot.adoption`.
    pub adoption: Vec<Pattern>,
}

impl Patterns {
    fn of(data: &ProfileData) -> Result<Patterns, String> {
        let read = |field: &str, sources: &[String]| -> Result<Vec<Pattern>, String> {
            sources
                .iter()
                .map(|s| Pattern::parse(s).map_err(|e| format!("`{field}`: {e}")))
                .collect()
        };
        Ok(Patterns {
            session: read("head.session", &data.head.session)?,
            agenda_item: read("head.agenda_item", &data.head.agenda_item)?,
            adopted: read("head.adopted", &data.head.adopted)?,
            adopted_open: read("head.adopted_open", &data.head.adopted_open)?,
            adopted_date: read("head.adopted_date", &data.head.adopted_date)?,
            council_heading: read("head.council_heading", &data.head.council_heading)?,
            council_adopted: read("head.council_adopted", &data.head.council_adopted)?,
            meeting: read("foot.meeting", &data.foot.meeting)?,
            adoption: read("foot.adoption", &data.foot.adoption)?,
        })
    }
}

/// The captures of the first of `patterns` that `line` matches.
pub fn first_match(patterns: &[Pattern], line: &str, profile: &Profile) -> Option<Captures> {
    patterns.iter().find_map(|p| p.matches(line, profile))
}

impl Profile {
    fn load(language: Language) -> Profile {
        let json = match language {
            Language::En => include_str!(concat!(env!("OUT_DIR"), "/lang_en.json")),
            Language::Fr => include_str!(concat!(env!("OUT_DIR"), "/lang_fr.json")),
        };
        // The build wrote it from a profile it checked against the same schema.
        let data: ProfileData =
            serde_json::from_str(json).expect("the build writes profiles that read back");
        let lexicon = Lexicon::of(&data.leads);
        let ordinals = Ordinals::of(&data.ordinals);
        let dates = DateForms::of(&data.dates);
        // A unit test reads every profile's patterns: a bad one fails it.
        let patterns = Patterns::of(&data)
            .unwrap_or_else(|e| panic!("src/lang/{}.toml: {e}", language.code()));
        Profile {
            language,
            data,
            lexicon,
            ordinals,
            dates,
            patterns,
        }
    }

    /// The lead lexicon.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// The ordinals.
    pub fn ordinals(&self) -> &Ordinals {
        &self.ordinals
    }

    /// How the language writes dates.
    pub fn dates(&self) -> &DateForms {
        &self.dates
    }

    /// A whole text that is a date as the language writes it.
    pub fn parse_date(&self, text: &str) -> Option<Date> {
        self.dates.parse(text)
    }

    /// The number of an ordinal in figures ("30th", "4957e").
    pub fn numeral_ordinal(&self, text: &str) -> Option<u32> {
        self.ordinals.numeral(text)
    }

    /// The number of an ordinal in words ("seventy-third").
    pub fn parse_ordinal(&self, words: &str) -> Option<u32> {
        self.ordinals.parse(words)
    }

    /// The organ a name denotes exactly ("General Assembly").
    pub fn organ_named(&self, name: &str) -> Option<Body> {
        let organs = &self.data.organs;
        if organs.general_assembly.iter().any(|n| n == name) {
            Some(Body::GeneralAssembly)
        } else if organs.security_council.iter().any(|n| n == name) {
            Some(Body::SecurityCouncil)
        } else {
            None
        }
    }

    /// The organ a text names somewhere in it ("Resolution adopted by the
    /// General Assembly on …").
    pub fn organ_mentioned(&self, text: &str) -> Option<Body> {
        let organs = &self.data.organs;
        if organs
            .general_assembly
            .iter()
            .any(|n| text.contains(n.as_str()))
        {
            Some(Body::GeneralAssembly)
        } else if organs
            .security_council
            .iter()
            .any(|n| text.contains(n.as_str()))
        {
            Some(Body::SecurityCouncil)
        } else {
            None
        }
    }

    /// `Annex`, `Annex I`, `Annexe II`, alone or with the annex's title
    /// after it on the same line (`Annex 2025 Political Declaration …`):
    /// (label, title).
    pub fn annex_label<'a>(&self, text: &'a str) -> Option<(&'a str, Option<&'a str>)> {
        let mut words = text.splitn(3, ' ');
        let first = words.next()?;
        if !self.data.annex.labels.iter().any(|l| l == first) {
            return None;
        }
        let numeral = |w: &str| {
            w.chars().all(|c| "IVXLC".contains(c))
                || (w.len() <= 2 && w.bytes().all(|b| b.is_ascii_digit()))
                || (w.len() == 1 && w.chars().all(|c| c.is_ascii_uppercase()))
        };
        let (label_end, rest) = match words.next() {
            None => (first.len(), None),
            Some(w) if numeral(w) => (first.len() + 1 + w.len(), words.next()),
            Some(_) => (first.len(), text.get(first.len() + 1..)),
        };
        let rest = rest.map(str::trim).filter(|r| !r.is_empty());
        // A title follows as a title does: capitalised, or a year.
        if rest.is_some_and(|r| !r.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())) {
            return None;
        }
        Some((&text[..label_end], rest))
    }

    /// The enacting formula: one the profile lists, or an article and a
    /// short name with an organ's noun where the language puts it ("The
    /// Human Rights Council,", "Le Conseil économique et social,").
    pub fn is_enacting_formula(&self, text: &str) -> bool {
        let organs = &self.data.organs;
        if organs
            .general_assembly_formula
            .iter()
            .chain(&organs.security_council_formula)
            .any(|f| f == text)
        {
            return true;
        }
        let Some(name) = organs
            .formula_articles
            .iter()
            .find_map(|a| text.strip_prefix(a.as_str()))
        else {
            return false;
        };
        let name = name.strip_suffix(',').unwrap_or(name).trim();
        let words: Vec<&str> = name.split(' ').collect();
        if words.len() > organs.formula_words || name.ends_with(['.', ';', ':']) {
            return false;
        }
        let noun = match organs.organ_noun_at.as_str() {
            "first" => words.first(),
            _ => words.last(),
        };
        let organ = noun.is_some_and(|n| organs.organ_nouns.iter().any(|o| o == n));
        // English capitalises every word of an organ's name; French only its
        // noun, which `organ` checks.
        let capitalised = organs.organ_noun_at != "last"
            || words
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase));
        organ && capitalised
    }

    /// The enacting formula of `body` as the language prints it.
    pub fn formula_of(&self, body: Body) -> &str {
        let organs = &self.data.organs;
        let formulas = match body {
            Body::GeneralAssembly => &organs.general_assembly_formula,
            Body::SecurityCouncil => &organs.security_council_formula,
        };
        formulas.first().map_or("", String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_loads_its_own_profile() {
        for language in Language::ALL {
            let profile = language.profile();
            assert_eq!(profile.data.code, language.code());
            assert_eq!(Language::from_code(language.code()), Some(language));
        }
        assert_eq!(Language::from_code("fr-FR"), Some(Language::Fr));
        assert_eq!(Language::from_code("xx"), None);
    }

    /// The compiled profile is the TOML file, read through the same schema.
    #[test]
    fn the_compiled_profiles_are_the_toml_files() {
        for (language, toml_text) in [
            (Language::En, include_str!("en.toml")),
            (Language::Fr, include_str!("fr.toml")),
        ] {
            let from_toml: ProfileData = toml::from_str(toml_text).unwrap();
            assert_eq!(language.profile().data, from_toml);
        }
    }
}
