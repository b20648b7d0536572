//! The resolution model: what a parsed resolution is, independent of where
//! its text came from. Every stage reads or builds these plain values; serde
//! gives them their JSON shape (`resdiff show --format json`).

use serde::{Deserialize, Serialize};

pub use crate::lang::Language;

use crate::dates::Date;

/// The organ that adopts (or would adopt) the resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Body {
    /// The General Assembly: symbols `A/…`, versions named by session.
    #[serde(rename = "General Assembly")]
    #[default]
    GeneralAssembly,
    /// The Security Council: symbols `S/…`, versions named by year.
    #[serde(rename = "Security Council")]
    SecurityCouncil,
}

impl Body {
    /// The enacting formula as printed: "The General Assembly,".
    pub fn enacting_formula(&self) -> &'static str {
        match self {
            Body::GeneralAssembly => "The General Assembly,",
            Body::SecurityCouncil => "The Security Council,",
        }
    }

    /// The organ's name: "General Assembly".
    pub fn name(&self) -> &'static str {
        match self {
            Body::GeneralAssembly => "General Assembly",
            Body::SecurityCouncil => "Security Council",
        }
    }
}

/// Whether the text is a draft (L. document, S/YYYY/NNN) or an adopted resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// A draft resolution, not yet adopted.
    #[default]
    Draft,
    /// A resolution as adopted.
    Adopted,
}

impl Status {
    /// The name as the front matter and every report write it.
    pub fn name(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Adopted => "adopted",
        }
    }
}

/// Everything known about a version besides its text.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// The organ the resolution is for.
    pub body: Body,
    /// The language the text is written in (`en` where a canonical file
    /// written before languages were kept does not say).
    #[serde(default)]
    pub language: Language,
    /// The document symbol: `A/75/L.78`, `A/RES/77/13`, `S/2024/789`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub symbol: Option<String>,
    /// General Assembly session (75 for the seventy-fifth).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session: Option<u32>,
    /// Security Council year (2024).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<u32>,
    /// The series the versions belong to: the directory under `resolutions/`.
    pub series: String,
    /// The resolution's title as printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Of adoption for an adopted resolution, of issue for a draft; written
    /// `2021-05-11`.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::dates::optional_iso"
    )]
    pub date: Option<Date>,
    /// Whether this version is a draft or an adopted resolution.
    pub status: Status,
    /// The resolution's number as printed before its title: `73/8`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// The agenda item as printed: `43`, `90 (b)`, `20 and 21`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agenda_item: Option<String>,
    /// The committee line as printed: `[without reference to a Main
    /// Committee (A/73/L.3)]`, `[on the report of the First Committee
    /// (A/80/534, para. 7)]`: the document the resolution was adopted on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub committee: Option<String>,
    /// The closing meeting line as printed: `30th plenary meeting 1 November 2018`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting: Option<String>,
    /// The date of the "Distr.:" line, the day the document was issued.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::dates::optional_iso"
    )]
    pub distributed: Option<Date>,
    /// The sponsors of a draft, as its head lists them ("France and
    /// Germany: draft resolution").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sponsors: Vec<String>,
    /// Where the text comes from, in words a reader can check.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// For generated drafts: the version this one was generated from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generated_from: Option<String>,
}

impl Meta {
    /// Version `version` of `series`: a session for the Assembly, a year
    /// for the Council; a draft, and nothing else known yet.
    pub fn new(body: Body, series: impl Into<String>, version: Option<u32>) -> Meta {
        let (session, year) = match body {
            Body::GeneralAssembly => (version, None),
            Body::SecurityCouncil => (None, version),
        };
        Meta {
            body,
            series: series.into(),
            session,
            year,
            ..Meta::default()
        }
    }

    /// The version key inside its series: the session (General Assembly)
    /// or the year (Security Council).
    pub fn version(&self) -> Option<u32> {
        match self.body {
            Body::GeneralAssembly => self.session.or(self.year),
            Body::SecurityCouncil => self.year.or(self.session),
        }
    }

    /// A short human label: the symbol, else series and version.
    pub fn label(&self) -> String {
        match (&self.symbol, self.version()) {
            (Some(symbol), _) => symbol.clone(),
            (None, Some(v)) => format!("{} {}", self.series, v),
            (None, None) => self.series.clone(),
        }
    }
}

/// The parts of a resolution: its body's two, and the annexes after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Part {
    /// The preambular paragraphs, before the operative ones.
    Preamble,
    /// The operative paragraphs: what the organ decides, requests or urges.
    Operative,
    /// Every paragraph of every annex, in order.
    Annex,
}

impl Part {
    /// Every part, in reading order.
    pub const ALL: [Part; 3] = [Part::Preamble, Part::Operative, Part::Annex];

    /// The part's name as written in the JSON: "preamble".
    pub fn name(self) -> &'static str {
        match self {
            Part::Preamble => "preamble",
            Part::Operative => "operative",
            Part::Annex => "annex",
        }
    }

    /// The prefix of a paragraph's short name: PP3, OP5, AN2.
    pub fn prefix(self) -> &'static str {
        match self {
            Part::Preamble => "PP",
            Part::Operative => "OP",
            Part::Annex => "AN",
        }
    }
}

/// A footnote marker carried by a paragraph: `marker` is printed right after
/// the first `offset` bytes of the paragraph's `text`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FootnoteRef {
    /// The marker as printed ("1"), the same as its [`Footnote`]'s.
    pub marker: String,
    /// Byte offset into `text` after which the marker stands.
    pub offset: usize,
}

/// One paragraph or sub-paragraph.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Paragraph {
    /// The printed label: "5", "7 bis" for operative paragraphs, "a" or "iv"
    /// for sub-paragraphs; `None` in the preamble and for a lone operative
    /// paragraph.
    pub number: Option<String>,
    /// The opening phrase drafters italicise ("Recalling also", "Invites").
    /// It is the start of `text`.
    pub lead: Option<String>,
    /// Where the lead came from: the document's italics, or the reader's
    /// lexicon on plain text. Set exactly when `lead` is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead_source: Option<LeadSource>,
    /// The whole paragraph text as printed, lead included, footnote markers
    /// and sub-paragraphs excluded.
    pub text: String,
    /// A section heading printed just before this paragraph ("AMISOM").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    /// Sub-paragraphs: (a), (b) … with (i), (ii) … inside.
    #[serde(default)]
    pub subparagraphs: Vec<Paragraph>,
    /// Footnote markers in this paragraph's text.
    #[serde(default)]
    pub footnotes: Vec<FootnoteRef>,
}

/// How a reader came by a paragraph's lead. Either way the lead's identity
/// and strength come from its head in the lexicon, not from where italics
/// stop: this says only how far to trust where the lead ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LeadSource {
    /// The document marks the lead itself: a PDF's or Word file's italic
    /// run, canonical Markdown's `_italics_`.
    Italics,
    /// Taken by the language profile's lexicon and rules from plain text: a
    /// text dump, or a PDF or Word paragraph whose lead had no italics.
    Convention,
}

impl LeadSource {
    /// The name as JSON and the canonical front matter write it.
    pub fn name(self) -> &'static str {
        match self {
            LeadSource::Italics => "italics",
            LeadSource::Convention => "convention",
        }
    }
}

/// Text as the canonical format keeps it: every run of whitespace one
/// space, none at either end. The canonical reader folds what it reads this
/// way, so whatever a reader hands on must be folded the same way to
/// survive a round trip.
pub fn push_folded(text: &mut String, piece: &str) {
    for c in piece.chars() {
        if c.is_whitespace() {
            if !text.is_empty() && !text.ends_with(' ') {
                text.push(' ');
            }
        } else {
            text.push(c);
        }
    }
}

/// `text` folded by [`push_folded`], with each of `offsets` (byte offsets
/// into `text`, such as footnote markers') moved to the same place in the
/// result.
fn folded_with_offsets(text: &str, offsets: &mut [usize]) -> String {
    // Most text an importer hands on is folded already: no whitespace but
    // single spaces between words. Then it stays, and so do the offsets.
    let folded = !text.starts_with(' ')
        && !text.ends_with(' ')
        && !text.contains("  ")
        && !text.chars().any(|c| c.is_whitespace() && c != ' ');
    if folded {
        for offset in offsets {
            // (An offset inside a character moves to its end, as below.)
            let mut at = (*offset).min(text.len());
            while !text.is_char_boundary(at) {
                at += 1;
            }
            *offset = at;
        }
        return text.to_string();
    }
    if offsets.is_empty() {
        let mut out = String::with_capacity(text.len());
        push_folded(&mut out, text);
        if out.ends_with(' ') {
            out.pop();
        }
        return out;
    }
    fold_each_character(text, offsets)
}

/// [`folded_with_offsets`] character by character, keeping where each
/// byte of `text` went.
fn fold_each_character(text: &str, offsets: &mut [usize]) -> String {
    let mut out = String::with_capacity(text.len());
    // new_at[i]: the length of the output when the input's byte i is reached.
    let mut new_at = Vec::with_capacity(text.len() + 1);
    for (i, c) in text.char_indices() {
        new_at.resize(i + 1, out.len());
        push_folded(&mut out, c.encode_utf8(&mut [0; 4]));
    }
    new_at.resize(text.len() + 1, out.len());
    if out.ends_with(' ') {
        out.pop();
    }
    for offset in offsets {
        *offset = new_at[(*offset).min(text.len())].min(out.len());
    }
    out
}

impl Resolution {
    /// Folds the whitespace of every text the canonical format folds
    /// (paragraphs, leads, headings, footnotes), moving footnote markers
    /// with their text: what an importer does last, so that what it made
    /// reads back from canonical Markdown unchanged.
    pub fn fold_whitespace(&mut self) {
        fn fold(text: &str) -> String {
            folded_with_offsets(text, &mut [])
        }
        fn paragraphs(list: &mut [Paragraph]) {
            for p in list {
                let mut offsets: Vec<usize> = p.footnotes.iter().map(|f| f.offset).collect();
                p.text = folded_with_offsets(&p.text, &mut offsets);
                for (f, offset) in p.footnotes.iter_mut().zip(offsets) {
                    f.offset = offset;
                }
                p.lead = p.lead.as_deref().map(fold).filter(|l| !l.is_empty());
                if p.lead.is_none() {
                    p.lead_source = None;
                }
                p.heading = p.heading.as_deref().map(fold);
                paragraphs(&mut p.subparagraphs);
            }
        }
        paragraphs(&mut self.preamble);
        paragraphs(&mut self.operative);
        for annex in &mut self.annexes {
            paragraphs(&mut annex.paragraphs);
        }
        for footnote in &mut self.footnotes {
            footnote.text = fold(&footnote.text);
        }
    }
}

impl Paragraph {
    /// Whether `lead` can be the lead of `text`: its opening words, ending
    /// where a word ends. Italics that stop inside a word ("_Decide_s") are
    /// a typesetting accident, not a lead, and could not be written back.
    pub fn is_lead_of(lead: &str, text: &str) -> bool {
        !lead.is_empty()
            && lead.trim() == lead
            && text.starts_with(lead)
            && !text[lead.len()..].starts_with(char::is_alphanumeric)
    }

    /// The paragraph with all its sub-paragraphs, as one string of words:
    /// what the alignment scores.
    pub fn full_text(&self) -> String {
        let mut out = self.text.clone();
        for sub in &self.subparagraphs {
            out.push(' ');
            out.push_str(&sub.full_text());
        }
        out
    }
}

/// A footnote's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Footnote {
    /// The marker that paragraphs' [`FootnoteRef`]s carry ("1").
    pub marker: String,
    /// The footnote's text; empty when the source lacks it.
    pub text: String,
}

/// Text annexed to the resolution (a declaration, a programme of action,
/// a list): kept, compared and rendered like the body.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Annex {
    /// "Annex", "Annex I" as printed; `None` when the text follows the
    /// resolution without one (a declaration it adopts).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The annex's title as printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Numbered or not; headings on the paragraph they stand before.
    pub paragraphs: Vec<Paragraph>,
}

impl Annex {
    /// `Annex`, `Annex I`, `Annexe II`, alone or with the annex's title
    /// after it on the same line (`Annex 2025 Political Declaration …`), in
    /// `language`: (label, title).
    pub fn split_label(text: &str, language: Language) -> Option<(&str, Option<&str>)> {
        language.profile().annex_label(text)
    }

    /// "Annex I — Title": how the annex is named where its paragraphs are
    /// listed with the rest.
    pub fn name(&self) -> String {
        match (&self.label, &self.title) {
            (Some(label), Some(title)) => format!("{label} — {title}"),
            (Some(one), None) | (None, Some(one)) => one.clone(),
            (None, None) => "Annex".to_string(),
        }
    }
}

/// A parsed resolution.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Resolution {
    /// Everything known about this version besides its text.
    pub meta: Meta,
    /// "The General Assembly," as printed; `None` when the source lost it.
    pub enacting_formula: Option<String>,
    /// The preambular paragraphs, in order.
    pub preamble: Vec<Paragraph>,
    /// The operative paragraphs, in order.
    pub operative: Vec<Paragraph>,
    /// The annexes after the operative part, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub annexes: Vec<Annex>,
    /// The footnotes, marker and text, in the order the source gives them.
    #[serde(default)]
    pub footnotes: Vec<Footnote>,
}

impl Resolution {
    /// The paragraphs of a part. The annexes' paragraphs come as one list,
    /// the first of each annex headed with the annex's name (and its own
    /// heading after it), so annexes align and render like the body.
    pub fn part(&self, part: Part) -> std::borrow::Cow<'_, [Paragraph]> {
        match part {
            Part::Preamble => std::borrow::Cow::Borrowed(&self.preamble),
            Part::Operative => std::borrow::Cow::Borrowed(&self.operative),
            Part::Annex => std::borrow::Cow::Owned(
                self.annexes
                    .iter()
                    .flat_map(|annex| {
                        annex.paragraphs.iter().enumerate().map(move |(i, p)| {
                            let mut p = p.clone();
                            if i == 0 {
                                p.heading = Some(match p.heading.take() {
                                    Some(own) => format!("{} — {own}", annex.name()),
                                    None => annex.name(),
                                });
                            }
                            p
                        })
                    })
                    .collect(),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn folding_keeps_text_already_folded_and_moves_offsets_as_character_folding_does() {
        for text in [
            "Decides to remain seized",
            "  Decides\tto\n remain  seized ",
            "Secretary\u{2011}General’s report",
            "a\u{a0}b",
            "",
        ] {
            for offsets in [vec![], vec![0, 3, 9, 10, 11, 200]] {
                let (mut fast, mut slow) = (offsets.clone(), offsets.clone());
                assert_eq!(
                    folded_with_offsets(text, &mut fast),
                    fold_each_character(text, &mut slow),
                    "{text:?}"
                );
                if !offsets.is_empty() {
                    assert_eq!(fast, slow, "{text:?}");
                }
            }
        }
    }
    use super::*;

    /// Found by the `raw_text` fuzz target: a marker taken out from
    /// between two spaces left both, which canonical Markdown folds.
    #[test]
    fn folding_whitespace_moves_the_markers_with_the_text() {
        let mut r = Resolution {
            meta: Meta::default(),
            enacting_formula: None,
            preamble: vec![Paragraph {
                lead: Some("Recalling  also".into()),
                text: "Recalling  also its work.  \t: see\u{a0}below ".into(),
                footnotes: vec![
                    FootnoteRef {
                        marker: "1".into(),
                        offset: 26,
                    },
                    FootnoteRef {
                        marker: "2".into(),
                        offset: 41,
                    },
                ],
                ..Paragraph::default()
            }],
            operative: Vec::new(),
            annexes: Vec::new(),
            footnotes: vec![Footnote {
                marker: "1".into(),
                text: " A/56/400,\n para. 2 ".into(),
            }],
        };
        r.fold_whitespace();
        let p = &r.preamble[0];
        assert_eq!(p.text, "Recalling also its work. : see below");
        assert_eq!(p.lead.as_deref(), Some("Recalling also"));
        let offsets: Vec<usize> = p.footnotes.iter().map(|f| f.offset).collect();
        assert_eq!(&p.text[..offsets[0]], "Recalling also its work. ");
        assert_eq!(offsets[1], p.text.len());
        assert_eq!(r.footnotes[0].text, "A/56/400, para. 2");
    }

    #[test]
    fn full_text_joins_subparagraphs_in_order() {
        let p = Paragraph {
            text: "Decides:".into(),
            subparagraphs: vec![
                Paragraph {
                    number: Some("a".into()),
                    text: "first;".into(),
                    ..Default::default()
                },
                Paragraph {
                    number: Some("b".into()),
                    text: "second.".into(),
                    ..Default::default()
                },
            ],
            ..Default::default()
        };
        assert_eq!(p.full_text(), "Decides: first; second.");
    }

    #[test]
    fn version_is_session_for_the_assembly_and_year_for_the_council() {
        let mut meta = Meta {
            body: Body::GeneralAssembly,
            session: Some(75),
            year: Some(2021),
            series: "csto".into(),
            ..Default::default()
        };
        assert_eq!(meta.version(), Some(75));
        meta.body = Body::SecurityCouncil;
        assert_eq!(meta.version(), Some(2021));
    }
}
