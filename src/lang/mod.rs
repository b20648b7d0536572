//! The official languages resdiff reads, and what it knows of each: one
//! profile per language, written as data in `src/lang/<code>.toml` (the
//! build checks each against [`schema`] and compiles it in). A rule of the
//! importer or of the comparison asks the profile of the document's
//! language for its words and forms; no rule holds a language's words
//! itself. `docs/languages.md` says how to add a language.

pub mod schema;

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::lexicon::Lexicon;
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
        Profile {
            language,
            data,
            lexicon,
        }
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
