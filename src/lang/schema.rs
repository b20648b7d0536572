//! The shape of a language profile (`src/lang/<code>.toml`), shared by the
//! build, which checks every profile against it and compiles it in, and by
//! the library, which reads the compiled profile. Every field says what a
//! rule of the importer or the comparison asks of the language.

use serde::{Deserialize, Serialize};

/// One language profile, as its TOML file is written.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileData {
    /// The ISO 639-1 code: `en`, `fr`.
    pub code: String,
    /// The language's name in itself: "English", "français".
    pub name: String,
    /// The leads: the opening phrases drafters italicise, and their strength.
    pub leads: LeadsData,
}

/// The lead lexicon of one language.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct LeadsData {
    /// Words that continue a lead without changing its strength ("also",
    /// "further"; "également", "en outre").
    pub continuation: Vec<String>,
    /// Asides written after a lead but never part of it ("in this regard").
    pub asides: Vec<String>,
    /// Spelling variants folded before matching, as (ending, replacement):
    /// "Recognising" matches "Recognizing".
    #[serde(default)]
    pub spelling: Vec<(String, String)>,
    /// Groups of operative leads.
    pub operative: Vec<GroupData>,
    /// Groups of preambular leads.
    pub preamble: Vec<GroupData>,
}

/// Leads of one strength on one scale.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct GroupData {
    /// Leads are compared only on the same scale ("action", "concern").
    pub scale: String,
    /// Strength on the scale, higher is stronger; none for leads without.
    #[serde(default)]
    pub rank: Option<u8>,
    /// The leads as printed, spelled as the profile's spelling folds them.
    pub leads: Vec<String>,
}

/// What the build refuses in a profile beyond its shape: a profile filed
/// under another code, an empty lexicon, a lead listed twice in one part.
pub fn check(profile: &ProfileData, code: &str) -> Result<(), String> {
    if profile.code != code {
        return Err(format!("`code` is {:?}, not {code:?}", profile.code));
    }
    let leads = &profile.leads;
    for (part, groups) in [
        ("operative", &leads.operative),
        ("preamble", &leads.preamble),
    ] {
        if groups.is_empty() {
            return Err(format!("no [[leads.{part}]] group"));
        }
        let mut seen = std::collections::BTreeSet::new();
        for group in groups {
            if group.scale.is_empty() {
                return Err(format!("a [[leads.{part}]] group has an empty `scale`"));
            }
            for lead in &group.leads {
                if lead.trim().is_empty() || lead.trim() != lead {
                    return Err(format!(
                        "lead {lead:?} in [[leads.{part}]] is blank or padded"
                    ));
                }
                if !seen.insert(lead.to_lowercase()) {
                    return Err(format!("lead {lead:?} is listed twice in [[leads.{part}]]"));
                }
            }
        }
    }
    Ok(())
}
