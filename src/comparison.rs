//! The one value a comparison produces and every renderer consumes.
//!
//! `align` pairs paragraphs, `diff` fills in the word-level changes and the
//! drafting semantics, and the result is a [`Comparison`]. Its serde form is
//! the JSON contract documented in `docs/json.md`: change it only together
//! with that document.

use serde::{Deserialize, Serialize};

use crate::model::{Meta, Part};

/// Lives with the strength scale it is read on; part of the comparison's
/// data.
pub use crate::lexicon::Direction;

/// The result of comparing two versions of a resolution.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// The old version's metadata.
    pub old: Meta,
    /// The new version's metadata.
    pub new: Meta,
    /// The comparison in figures.
    pub summary: Summary,
    /// In reading order of the new version, removed paragraphs where they were.
    pub paragraphs: Vec<ParagraphChange>,
    /// Things a reviewer should know about the comparison itself (the two
    /// versions belong to different series) and about reading each version
    /// ("S_2018_95.txt:12: ..."), in that order.
    #[serde(default)]
    pub warnings: Vec<String>,
    /// Every top-level paragraph's number in the old version against its
    /// number in the new, in the order of `paragraphs`.
    #[serde(default)]
    pub concordance: Vec<Concordance>,
    /// The enacting formula ("The General Assembly,") of each version.
    #[serde(default)]
    pub enacting_formula: Formula,
    /// The footnotes, paired across the versions, in the new version's
    /// order (removed ones where they stood).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub footnotes: Vec<FootnoteChange>,
}

/// One footnote in the two versions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FootnoteChange {
    /// Its marker in the old version; `None` for a new footnote.
    pub old: Option<String>,
    /// Its marker in the new version; `None` for a removed one.
    pub new: Option<String>,
    /// The redline of its text (one `insert` or `delete` run when it is
    /// new or gone).
    pub words: Vec<WordOp>,
}

/// The enacting formula of the two versions, as printed; `None` where the
/// source lost it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Formula {
    /// The old version's.
    pub old: Option<String>,
    /// The new version's.
    pub new: Option<String>,
}

/// One row of the concordance: where an old paragraph went, or where a new
/// one came from. Labels are `PP3` (the third preambular paragraph), `OP12`
/// (operative paragraph 12 as printed), `AN2` (the second annex paragraph).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Concordance {
    /// The paragraph in the old version; `None` for an added one.
    pub old: Option<String>,
    /// The paragraph in the new version; `None` for a removed one.
    pub new: Option<String>,
    /// What happened to it.
    pub status: ChangeStatus,
}

impl Concordance {
    /// The rows of `paragraphs`: one per old paragraph (several for the
    /// pieces of a split), one per added paragraph.
    pub fn of(paragraphs: &[ParagraphChange]) -> Vec<Concordance> {
        let mut rows = Vec::new();
        for p in paragraphs {
            let old_part = p.old_part.unwrap_or(p.part);
            let old: Vec<String> = p
                .old
                .refs()
                .iter()
                .map(|r| short_label(old_part, r))
                .collect();
            let new: Vec<String> = p
                .new
                .refs()
                .iter()
                .map(|r| short_label(p.part, r))
                .collect();
            let row = |o: Option<&String>, n: Option<&String>| Concordance {
                old: o.cloned(),
                new: n.cloned(),
                status: p.status,
            };
            match (old.as_slice(), new.as_slice()) {
                ([], news) => rows.extend(news.iter().map(|n| row(None, Some(n)))),
                (olds, []) => rows.extend(olds.iter().map(|o| row(Some(o), None))),
                ([o], news) => rows.extend(news.iter().map(|n| row(Some(o), Some(n)))),
                (olds, [n, ..]) => rows.extend(olds.iter().map(|o| row(Some(o), Some(n)))),
            }
        }
        rows
    }
}

/// `PP3`, `OP12`, `AN2`.
fn short_label(part: Part, r: &ParagraphRef) -> String {
    paragraph_label(part, r.index, r.number.as_deref())
}

/// How a paragraph is named in reports and the concordance: `PP3` (third
/// preambular paragraph), `OP12` (operative paragraph as numbered), `AN2`
/// (second annex paragraph); `index` counts from 1.
pub fn paragraph_label(part: Part, index: usize, number: Option<&str>) -> String {
    match (part, number) {
        (Part::Operative, Some(n)) => format!("OP{n}"),
        (Part::Operative, None) => format!("OP{index}"),
        (Part::Preamble, _) => format!("PP{index}"),
        (Part::Annex, _) => format!("AN{index}"),
    }
}

/// What happened to one paragraph (or a group, for splits and merges).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeStatus {
    /// Paired with its old version; same text and sub-paragraphs (it may still
    /// be moved or renumbered).
    Unchanged,
    /// Paired with its old version; its words or a sub-paragraph changed.
    Modified,
    /// Paired with its old version; every change leaves the words as they
    /// were: letter case, punctuation, a spelling variant ([`Editorial`]).
    Editorial,
    /// In the new version only: no old counterpart.
    Added,
    /// In the old version only: no new counterpart.
    Removed,
    /// One old paragraph became two or more new ones.
    Split,
    /// Two or more old paragraphs became one new one.
    Merged,
}

impl ChangeStatus {
    /// Every status, in the order reports list them.
    pub const ALL: [ChangeStatus; 7] = [
        ChangeStatus::Unchanged,
        ChangeStatus::Modified,
        ChangeStatus::Editorial,
        ChangeStatus::Added,
        ChangeStatus::Removed,
        ChangeStatus::Split,
        ChangeStatus::Merged,
    ];

    /// The status as written in the JSON: "modified".
    pub fn name(self) -> &'static str {
        match self {
            ChangeStatus::Unchanged => "unchanged",
            ChangeStatus::Modified => "modified",
            ChangeStatus::Editorial => "editorial",
            ChangeStatus::Added => "added",
            ChangeStatus::Removed => "removed",
            ChangeStatus::Split => "split",
            ChangeStatus::Merged => "merged",
        }
    }
}

impl std::fmt::Display for ChangeStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// A paragraph as it stands in one version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParagraphRef {
    /// Position within its part (or within its parent, for sub-paragraphs),
    /// counting from 1.
    pub index: usize,
    /// The printed number ("5", "7 bis", "a"); `None` where none is printed, as in
    /// the preamble.
    pub number: Option<String>,
    /// The opening lead as printed ("Recalling also").
    pub lead: Option<String>,
    /// Whether the lead was read from the document's italics or taken by
    /// the lexicon from plain text; omitted with no lead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead_source: Option<crate::model::LeadSource>,
    /// The full text, lead included, sub-paragraphs and footnote markers excluded.
    pub text: String,
    /// The section heading printed just before it ("AMISOM"), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    /// Its footnote markers and where they stand in `text`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub footnotes: Vec<crate::model::FootnoteRef>,
    /// How many sub-paragraphs it has (their records are in the change's
    /// `subparagraphs`, those of the several paragraphs of a split or merge
    /// one after the other).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub subparagraphs: usize,
}

impl ParagraphRef {
    /// Paragraph `p` standing at 0-based position `index` of its part.
    pub fn of(index: usize, p: &crate::model::Paragraph) -> ParagraphRef {
        ParagraphRef {
            index: index + 1,
            number: p.number.clone(),
            lead: p.lead.clone(),
            lead_source: p.lead_source,
            text: p.text.clone(),
            heading: p.heading.clone(),
            footnotes: p.footnotes.clone(),
            subparagraphs: p.subparagraphs.len(),
        }
    }
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// The paragraph(s) on one side of a change: none (added/removed), one, or
/// several (the many side of a split or merge). Serialises as `null`, an
/// object, or an array.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(untagged)]
pub enum Side {
    /// No paragraph: the empty side of an added or removed paragraph.
    #[default]
    None,
    /// A single paragraph.
    One(ParagraphRef),
    /// The many side of a split or merge, in reading order.
    Many(Vec<ParagraphRef>),
}

impl Side {
    /// The paragraphs on this side, in reading order; none for [`Side::None`].
    pub fn refs(&self) -> Vec<&ParagraphRef> {
        match self {
            Side::None => Vec::new(),
            Side::One(r) => vec![r],
            Side::Many(rs) => rs.iter().collect(),
        }
    }

    /// True for the empty side of an added or removed paragraph.
    pub fn is_none(&self) -> bool {
        matches!(self, Side::None)
    }
}

/// The opening lead changed (`Invites` → `Urges`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeadChange {
    /// The old lead as printed.
    pub old: String,
    /// The new lead as printed.
    pub new: String,
    /// Whether the new lead is stronger, weaker or neither.
    pub direction: Direction,
}

/// One step of the word-level redline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum WordOpKind {
    /// Text in both versions.
    Equal,
    /// Text only in the old version.
    Delete,
    /// Text only in the new version.
    Insert,
}

/// A run of text that is kept, deleted or inserted. Concatenating the
/// `equal` and `delete` runs gives the old text; `equal` and `insert`, the new.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WordOp {
    /// Whether the run is kept, deleted or inserted.
    pub op: WordOpKind,
    /// The run of text, spaces and punctuation included.
    pub text: String,
    /// This run is part of a routine update (session number, year, date
    /// moved on by the versions' interval); `rule` says which.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub routine: bool,
    /// The rule that made this run routine; `None` unless `routine`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<RoutineRule>,
    /// This run differs from its counterpart only in typography (a
    /// non-breaking hyphen, a curly quote, a no-break space): a deleted and
    /// an inserted run that are the same words, never a change of wording.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub typography: bool,
    /// This run is part of an editorial change, which leaves every word
    /// as it was; which kind.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub editorial: Option<Editorial>,
}

impl WordOp {
    /// A run with no mark: neither routine, nor typography, nor editorial.
    pub fn plain(op: WordOpKind, text: impl Into<String>) -> WordOp {
        WordOp {
            op,
            text: text.into(),
            routine: false,
            rule: None,
            typography: false,
            editorial: None,
        }
    }
}

/// The kind of an editorial change: one an editor makes to a text whose
/// words stay as they were.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Editorial {
    /// Only punctuation changed ("," → "." at a paragraph's end).
    Punctuation,
    /// Only the case of letters changed ("States parties" → "States
    /// Parties").
    Case,
    /// A spelling variant the language folds ("finalise" → "finalize").
    Spelling,
}

impl Editorial {
    /// The kind as written in the JSON: "case".
    pub fn name(self) -> &'static str {
        match self {
            Editorial::Punctuation => "punctuation",
            Editorial::Case => "case",
            Editorial::Spelling => "spelling",
        }
    }
}

/// Why a change is a routine update: the one rule it satisfies. Anything
/// else, and any change inside a citation of another document, is
/// substance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RoutineRule {
    /// A session ordinal or number moved on by the versions' interval.
    Session,
    /// A year, or a date still ahead of the old version, moved on by the
    /// interval, outside any citation.
    Interval,
    /// The end date of a mandate or measure ("until 31 May 2021") moved
    /// forward.
    MandateEnd,
    /// A date a report or review is due by ("a final report by 12 January
    /// 2019"), ahead of the old version, moved forward.
    Deadline,
    /// The series' own previous resolution ("implementation of resolution
    /// 72/4" → "79/7") moved on by the interval.
    PreviousResolution,
    /// The report of the version's own session (A/73/85 → A/80/83).
    OwnReport,
    /// Resolutions adopted between the versions added to a list of
    /// recalled resolutions.
    RecalledResolutions,
}

impl RoutineRule {
    /// The rule as written in the JSON: "mandate-end".
    pub fn name(self) -> &'static str {
        match self {
            RoutineRule::Session => "session",
            RoutineRule::Interval => "interval",
            RoutineRule::MandateEnd => "mandate-end",
            RoutineRule::Deadline => "deadline",
            RoutineRule::PreviousResolution => "previous-resolution",
            RoutineRule::OwnReport => "own-report",
            RoutineRule::RecalledResolutions => "recalled-resolutions",
        }
    }

    /// What the rule means, for a reader of a report.
    pub fn describe(self) -> &'static str {
        match self {
            RoutineRule::Session => "session moved on by the interval",
            RoutineRule::Interval => "year or date moved on by the interval",
            RoutineRule::MandateEnd => "end date of a mandate moved forward",
            RoutineRule::Deadline => "date a report is due by moved forward",
            RoutineRule::PreviousResolution => "the series' previous resolution updated",
            RoutineRule::OwnReport => "the report to this session updated",
            RoutineRule::RecalledResolutions => "resolutions adopted since added to the list",
        }
    }
}

/// References to other documents (resolutions, symbols, dates) that the
/// change added or removed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct References {
    /// References in the new text and not in the old, sorted and deduplicated.
    pub added: Vec<String>,
    /// References in the old text and not in the new, sorted and deduplicated.
    pub removed: Vec<String>,
}

impl References {
    /// True when the change added and removed no reference.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty()
    }
}

/// One record of the comparison.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParagraphChange {
    /// The part the paragraph is in; sub-paragraphs carry their parent's.
    pub part: Part,
    /// The part the old paragraph stood in, when it moved between the
    /// preamble and the operative part; `None` when it stayed in `part`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old_part: Option<Part>,
    /// What happened to the paragraph.
    pub status: ChangeStatus,
    /// Its position relative to the other paired paragraphs changed.
    pub moved: bool,
    /// Same paragraph, new printed number.
    pub renumbered: bool,
    /// Paired on weak evidence of words: the same frame (lead, references,
    /// place among the unpaired paragraphs) with much of the wording
    /// rewritten. A reader should check the pairing.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub rewritten: bool,
    /// The paragraph(s) in the old version.
    pub old: Side,
    /// The paragraph(s) in the new version.
    pub new: Side,
    /// Word similarity of old and new, 0 to 1 (1 for unchanged, 0 for added
    /// and removed).
    pub similarity: f64,
    /// How sure the pairing of old and new is, and why; `None` for an added
    /// or removed paragraph.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pairing: Option<Pairing>,
    /// The opening lead's change, when it changed.
    pub lead_change: Option<LeadChange>,
    /// The word-level redline of the paragraph's own text, lead included and
    /// sub-paragraphs excluded.
    pub words: Vec<WordOp>,
    /// References to other documents that the change added or removed.
    pub references: References,
    /// Every change in this paragraph is a routine update.
    pub routine: bool,
    /// The sub-paragraphs, aligned inside a paired parent, in the same shape.
    pub subparagraphs: Vec<ParagraphChange>,
}

/// How sure a pairing is and what it rests on, for a reader to see which
/// pairings to check. For a split or merge, its weakest piece.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pairing {
    /// 0 to 1, two decimals: 1 for the same words; below
    /// [`Pairing::CHECK`] a reader should check it.
    pub confidence: f64,
    /// Share of their words in common, 0 to 1, two decimals.
    pub words: f64,
    /// Share of the weight of their words in common, rarer words weighing
    /// more, 0 to 1, two decimals.
    pub rare_words: f64,
    /// Three-word phrases the two share and no other paragraph of either
    /// version has.
    pub unique_phrases: usize,
    /// They open with the same lead.
    pub same_lead: bool,
    /// The pairing kept its place among the others (not moved).
    pub same_place: bool,
}

impl Pairing {
    /// Below this confidence a pairing is worth checking.
    pub const CHECK: f64 = 0.7;
    /// From this confidence on a pairing is sure.
    pub const SURE: f64 = 0.9;

    /// How sure, in three steps.
    pub fn level(&self) -> Certainty {
        if self.confidence >= Self::SURE {
            Certainty::Sure
        } else if self.confidence >= Self::CHECK {
            Certainty::Likely
        } else {
            Certainty::Check
        }
    }
}

/// How sure a pairing is, in the three steps the reports show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Certainty {
    /// [`Pairing::SURE`] or more: no note.
    Sure,
    /// Between [`Pairing::CHECK`] and [`Pairing::SURE`].
    Likely,
    /// Below [`Pairing::CHECK`]: a reader should check it.
    Check,
}

impl Certainty {
    /// Its name as a CSS class and in the tests' tallies.
    pub fn name(self) -> &'static str {
        match self {
            Certainty::Sure => "sure",
            Certainty::Likely => "likely",
            Certainty::Check => "check",
        }
    }
}

/// Counts for one part of the resolution.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct StatusCounts {
    /// Records with the same text and sub-paragraphs.
    pub unchanged: usize,
    /// Records whose text or sub-paragraphs changed.
    pub modified: usize,
    /// Records whose every change is editorial (case, punctuation,
    /// spelling): counted apart from `modified`.
    #[serde(default)]
    pub editorial: usize,
    /// Records with no old counterpart.
    pub added: usize,
    /// Records with no new counterpart.
    pub removed: usize,
    /// Split groups, each counted once.
    pub split: usize,
    /// Merged groups, each counted once.
    pub merged: usize,
    /// Records marked as moved.
    pub moved: usize,
    /// Records marked as renumbered.
    pub renumbered: usize,
    /// Records whose old paragraph stood in the other part (moved between
    /// the preamble and the operative part); also counted in `moved`.
    #[serde(default)]
    pub from_other_part: usize,
}

impl StatusCounts {
    /// The number of records with `status`.
    pub fn get(&self, status: ChangeStatus) -> usize {
        match status {
            ChangeStatus::Unchanged => self.unchanged,
            ChangeStatus::Modified => self.modified,
            ChangeStatus::Editorial => self.editorial,
            ChangeStatus::Added => self.added,
            ChangeStatus::Removed => self.removed,
            ChangeStatus::Split => self.split,
            ChangeStatus::Merged => self.merged,
        }
    }

    /// Count one more record with `status`.
    pub fn add(&mut self, status: ChangeStatus) {
        match status {
            ChangeStatus::Unchanged => self.unchanged += 1,
            ChangeStatus::Modified => self.modified += 1,
            ChangeStatus::Editorial => self.editorial += 1,
            ChangeStatus::Added => self.added += 1,
            ChangeStatus::Removed => self.removed += 1,
            ChangeStatus::Split => self.split += 1,
            ChangeStatus::Merged => self.merged += 1,
        }
    }

    /// Every record whose wording changed: not unchanged, not only moved,
    /// not only edited.
    pub fn changed(&self) -> usize {
        self.modified + self.added + self.removed + self.split + self.merged
    }
}

/// The whole comparison in figures.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Summary {
    /// Counts over the preamble's top-level records.
    pub preamble: StatusCounts,
    /// Counts over the operative part's top-level records.
    pub operative: StatusCounts,
    /// The paragraphs of the annexes, all together.
    #[serde(default)]
    pub annex: StatusCounts,
    /// Words (not spaces or punctuation) in insert runs, sub-paragraphs included,
    /// typographic and editorial runs not.
    pub words_inserted: usize,
    /// Words (not spaces or punctuation) in delete runs, sub-paragraphs included,
    /// typographic and editorial runs not.
    pub words_deleted: usize,
    /// Lead changes that made the lead stronger.
    pub leads_strengthened: usize,
    /// Lead changes that made the lead weaker.
    pub leads_weakened: usize,
    /// Lead changes that were neither stronger nor weaker.
    pub leads_changed_neutral: usize,
    /// References added, over all records and their sub-paragraphs.
    pub references_added: usize,
    /// References removed, over all records and their sub-paragraphs.
    pub references_removed: usize,
    /// Records whose changes are all routine updates.
    pub routine: usize,
    /// Word similarity of the two whole texts, 0 to 1.
    pub similarity: f64,
}

impl Summary {
    /// The counts for one part.
    pub fn part(&self, part: Part) -> &StatusCounts {
        match part {
            Part::Preamble => &self.preamble,
            Part::Operative => &self.operative,
            Part::Annex => &self.annex,
        }
    }

    /// The counts for one part, to update.
    pub fn part_mut(&mut self, part: Part) -> &mut StatusCounts {
        match part {
            Part::Preamble => &mut self.preamble,
            Part::Operative => &mut self.operative,
            Part::Annex => &mut self.annex,
        }
    }

    /// True when the two versions differ in any paragraph.
    pub fn has_changes(&self) -> bool {
        Part::ALL.iter().any(|&part| {
            let counts = self.part(part);
            counts.changed() + counts.editorial + counts.moved + counts.renumbered > 0
        })
    }
}
