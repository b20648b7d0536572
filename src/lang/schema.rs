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
    /// The locale Word proofs a text of the language in: "en-GB", "fr-FR".
    pub locale: String,
    /// The leads: the opening phrases drafters italicise, and their strength.
    pub leads: LeadsData,
    /// Words that make up a lead the lexicon lacks.
    pub morphology: MorphologyData,
    /// The names of the organs and their enacting formulas.
    pub organs: OrgansData,
    /// Labels of paragraphs and sub-paragraphs.
    pub labels: LabelsData,
    /// The document head above the enacting formula.
    pub head: HeadData,
    /// The lines that close the text.
    pub foot: FootData,
    /// Annexes.
    pub annex: AnnexData,
    /// Page furniture a PDF or web page adds.
    pub furniture: FurnitureData,
    /// Footnote markers.
    pub footnotes: FootnotesData,
    /// Dates as the language writes them.
    pub dates: DatesData,
    /// Ordinals in words and figures.
    pub ordinals: OrdinalsData,
    /// Citations of other documents and of paragraphs.
    pub citations: CitationsData,
    /// Words that join a list and split a word across a line.
    pub words: WordsData,
}

/// What a lead the lexicon lacks is made of.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct MorphologyData {
    /// Endings of the participles and adjectives that open preambular
    /// paragraphs ("-ing", "-ed"; "-ant", "-é").
    pub preamble_endings: Vec<String>,
    /// The ending of the present participle, which never opens a wrapped
    /// line in mid-sentence, capitalised.
    pub present_participle: Vec<String>,
    /// Endings of the adverbs that stand before a lead's participle or
    /// verb ("Strongly", "Profondément").
    pub adverb_endings: Vec<String>,
    /// Auxiliaries that open a lead with the participle after them
    /// ("Having considered", "Ayant examiné").
    pub auxiliaries: Vec<String>,
    /// Whether leads are capitalised (English, French) or written in lower
    /// case (Russian).
    pub capitalised: bool,
}

/// The organs resdiff models, by the names the language gives them.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct OrgansData {
    /// Names of the General Assembly as printed ("General Assembly").
    pub general_assembly: Vec<String>,
    /// Names of the Security Council.
    pub security_council: Vec<String>,
    /// The formulas, exactly: the first of each is what a warning expects.
    pub general_assembly_formula: Vec<String>,
    /// The Security Council's.
    pub security_council_formula: Vec<String>,
    /// Any other organ's formula: one of these articles, then a short name.
    pub formula_articles: Vec<String>,
    /// The nouns that name an organ ("Council", "Conseil").
    pub organ_nouns: Vec<String>,
    /// Where the organ noun stands in the name: "last" ("The Human Rights
    /// Council") or "first" ("Le Conseil des droits de l'homme").
    pub organ_noun_at: String,
    /// Words in an organ's name at most, the article aside.
    pub formula_words: usize,
}

/// How paragraphs and sub-paragraphs are labelled.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct LabelsData {
    /// Suffixes of an inserted operative paragraph ("7 bis").
    pub suffixes: Vec<String>,
    /// The brackets around a sub-paragraph's letter or numeral, as
    /// (before, after): `["(", ")"]` for "(a)", `["", ")"]` for "a)".
    pub sub_forms: Vec<(String, String)>,
    /// Marks that open an unlettered item ("•", "–").
    pub bullets: Vec<String>,
}

/// The document head, as UN documents print it above the formula.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct HeadData {
    /// Lines of the masthead ("United Nations").
    pub masthead: Vec<String>,
    /// Prefixes of the distribution line ("Distr.:"); the date may follow.
    pub distribution: Vec<String>,
    /// Prefixes of the line of the original language ("Original:").
    pub original: Vec<String>,
    /// The session line, patterns ("{words} session").
    pub session: Vec<String>,
    /// The agenda item, patterns: `{text}` holds the item and what follows
    /// it on the line ("Agenda item {text}"; "Point {text} de l'ordre du
    /// jour{rest}").
    pub agenda_item: Vec<String>,
    /// The adoption line of the General Assembly's head, patterns.
    pub adopted: Vec<String>,
    /// Its first part when the date went to the next line, patterns.
    pub adopted_open: Vec<String>,
    /// The next line then, patterns ("on {date}").
    pub adopted_date: Vec<String>,
    /// Words of the committee line in brackets, lower case ("committee").
    pub committee: Vec<String>,
    /// Endings of the sponsors' line ("draft resolution").
    pub sponsors: Vec<String>,
    /// Member States whose names hold the list's conjunction.
    pub names_with_conjunction: Vec<String>,
    /// A Security Council resolution's heading, patterns
    /// ("Résolution {number} ({year}) du {date}").
    pub council_heading: Vec<String>,
    /// A Security Council resolution's adoption line in its head, patterns.
    pub council_adopted: Vec<String>,
    /// Words a cut title ends on: articles, prepositions, conjunctions.
    pub title_dangling: Vec<String>,
}

/// The lines after the last paragraph.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FootData {
    /// The closing meeting line of the General Assembly, patterns.
    pub meeting: Vec<String>,
    /// The adoption line the Council's volumes print, patterns.
    pub adoption: Vec<String>,
    /// Words of the last operative paragraph that close the text
    /// ("seized of"): what follows is not the resolution's.
    pub seized: Vec<String>,
}

/// Annexes.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AnnexData {
    /// The word of an annex's label line ("Annex", "Annexe"), as written
    /// and in capitals.
    pub labels: Vec<String>,
    /// Words of a lone operative paragraph that adopts the text after it
    /// ("following").
    pub adopting: Vec<String>,
}

/// Page furniture.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FurnitureData {
    /// "Please recycle", lower case; extraction mangles its first word.
    pub recycle: Vec<String>,
    /// Prefixes of a page number ("Page ").
    pub page: Vec<String>,
    /// The download line of a web page ("Download document").
    pub download: Vec<String>,
}

/// Footnote markers.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FootnotesData {
    /// Nouns a number follows as what it counts ("Article 5"): never a marker.
    pub numbered_nouns: Vec<String>,
}

/// Dates.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DatesData {
    /// The months, January first, as written inside a sentence.
    pub months: Vec<String>,
    /// How the first day of a month is written, where not "1" ("1er").
    pub first_day: Vec<String>,
}

/// Ordinals.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct OrdinalsData {
    /// 1 to 19 in words ("first" … "nineteenth").
    pub units: Vec<String>,
    /// The unit after a ten where it differs from `units` ("unième" in
    /// "vingt et unième"), as (unit, word).
    pub compound_units: Vec<(u32, String)>,
    /// The tens 20 to 90 as they open a compound ("twenty", "soixante").
    pub tens: Vec<String>,
    /// The tens 20 to 90 alone ("twentieth", "soixante-dixième").
    pub tens_alone: Vec<String>,
    /// Tens whose units run from 10 ("soixante-dix", 70 and 90 in French).
    pub tens_counting_from_ten: Vec<u32>,
    /// Between a ten and its unit ("-").
    pub joiner: String,
    /// The joiner before these units after these tens ("vingt et unième"),
    /// as (joiner, units, tens).
    pub and_joiner: Option<(String, Vec<u32>, Vec<u32>)>,
    /// 100 in words, and the prefix of 101 to 199.
    pub hundredth: String,
    /// "one hundred and ", "cent ".
    pub hundred: String,
    /// Endings of an ordinal in figures ("st", "nd"; "e", "er").
    pub numeral_endings: Vec<String>,
}

/// Citations.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CitationsData {
    /// The words before a date in a mandate's end ("until"; "jusqu'au").
    pub until: Vec<String>,
    /// The word for a session ("session").
    pub session: Vec<String>,
    /// The word between a cited resolution and its date of adoption
    /// ("73/8 of 1 November 2018"; "du").
    pub of_date: Vec<String>,
    /// What stands between two session ordinals of one list ("seventy-sixth
    /// and seventy-seventh sessions"; "quatorzième et quinzième sessions").
    pub session_joins: Vec<String>,
    /// The words before a date a report or review is due by ("by", "no
    /// later than"; "d’ici au"), each possibly of several words.
    pub deadline: Vec<String>,
    /// The words that make the number after them a document's citation
    /// ("resolution 2017/18"), not a period.
    pub documents: Vec<String>,
}

/// Words the line pass reads.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct WordsData {
    /// Conjunctions that end a list item with more to come ("and", "or").
    pub list_conjunctions: Vec<String>,
    /// Words after which a hyphen ending a word is a suspended compound
    /// ("small- and medium-sized").
    pub suspended_compound: Vec<String>,
    /// Headings capitalise every word of more than three letters
    /// ("Protection of Civilians"), as English does and French does not.
    pub title_case_headings: bool,
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
    /// The leads an error names as examples of what a resolution opens with.
    pub examples: LeadExamples,
    /// Words that join a second lead to the first, both in italics
    /// ("Welcomes and encourages", "Rappelant et soulignant").
    #[serde(default)]
    pub joins: Vec<String>,
    /// What the italics take after a lead where the language's usage is
    /// to set them on the organ's attitude too ("Réaffirmant son ferme
    /// attachement"); none in English.
    #[serde(default)]
    pub italic_objects: Option<ItalicObjectsData>,
    /// Groups of operative leads.
    pub operative: Vec<GroupData>,
    /// Groups of preambular leads.
    pub preamble: Vec<GroupData>,
}

/// A possessive noun phrase the italics of a lead take: a determiner,
/// adjectives before the noun, the noun, and words after it.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ItalicObjectsData {
    /// The possessive determiners ("son", "sa").
    pub determiners: Vec<String>,
    /// Adjectives before the noun ("ferme", "plein").
    pub before: Vec<String>,
    /// The nouns of the organ's attitude ("attachement", "appui").
    pub nouns: Vec<String>,
    /// Words after the noun ("résolu", "sans réserve").
    pub after: Vec<String>,
}

/// Leads that show what a resolution opens its paragraphs with.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct LeadExamples {
    /// Two preambular leads ("Recalling", "Noting").
    pub preamble: Vec<String>,
    /// An operative verb ("Decides").
    pub operative: String,
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
    /// The leads as printed, spelled as the profile's spelling folds them;
    /// words after " | " are the lead's but the italics leave them roman
    /// ("Lance | un appel").
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
