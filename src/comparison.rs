//! The one value a comparison produces and every renderer consumes.
//!
//! `align` pairs paragraphs, `diff` fills in the word-level changes and the
//! drafting semantics, and the result is a [`Comparison`]. Its serde form is
//! the JSON contract documented in `docs/json.md`: change it only together
//! with that document.

use serde::{Deserialize, Serialize};

use crate::model::{Meta, Part};

/// The result of comparing two versions of a resolution.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    pub old: Meta,
    pub new: Meta,
    pub summary: Summary,
    /// In reading order of the new version, removed paragraphs where they were.
    pub paragraphs: Vec<ParagraphChange>,
    /// Things a reviewer should know about the comparison itself
    /// (for example: the two versions belong to different series).
    #[serde(default)]
    pub warnings: Vec<String>,
}

/// What happened to one paragraph (or a group, for splits and merges).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeStatus {
    Unchanged,
    Modified,
    Added,
    Removed,
    /// One old paragraph became two or more new ones.
    Split,
    /// Two or more old paragraphs became one new one.
    Merged,
}

impl ChangeStatus {
    pub const ALL: [ChangeStatus; 6] = [
        ChangeStatus::Unchanged,
        ChangeStatus::Modified,
        ChangeStatus::Added,
        ChangeStatus::Removed,
        ChangeStatus::Split,
        ChangeStatus::Merged,
    ];

    pub fn name(self) -> &'static str {
        match self {
            ChangeStatus::Unchanged => "unchanged",
            ChangeStatus::Modified => "modified",
            ChangeStatus::Added => "added",
            ChangeStatus::Removed => "removed",
            ChangeStatus::Split => "split",
            ChangeStatus::Merged => "merged",
        }
    }
}

/// A paragraph as it stands in one version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParagraphRef {
    /// Position within its part (or within its parent, for sub-paragraphs),
    /// counting from 1.
    pub index: usize,
    pub number: Option<String>,
    pub lead: Option<String>,
    pub text: String,
}

/// The paragraph(s) on one side of a change: none (added/removed), one, or
/// several (the many side of a split or merge). Serialises as `null`, an
/// object, or an array.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(untagged)]
pub enum Side {
    #[default]
    None,
    One(ParagraphRef),
    Many(Vec<ParagraphRef>),
}

impl Side {
    pub fn refs(&self) -> Vec<&ParagraphRef> {
        match self {
            Side::None => Vec::new(),
            Side::One(r) => vec![r],
            Side::Many(rs) => rs.iter().collect(),
        }
    }

    pub fn is_none(&self) -> bool {
        matches!(self, Side::None)
    }
}

/// Direction of a lead change on the strength scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Stronger,
    Weaker,
    Neutral,
}

/// The opening lead changed (`Invites` → `Urges`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeadChange {
    pub old: String,
    pub new: String,
    pub direction: Direction,
}

/// One step of the word-level redline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum WordOpKind {
    Equal,
    Delete,
    Insert,
}

/// A run of text that is kept, deleted or inserted. Concatenating the
/// `equal` and `delete` runs gives the old text; `equal` and `insert`, the new.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WordOp {
    pub op: WordOpKind,
    pub text: String,
    /// This run is part of a routine update (session number, year, date
    /// moved on by the versions' interval).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub routine: bool,
}

/// References to other documents (resolutions, symbols, dates) that the
/// change added or removed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct References {
    pub added: Vec<String>,
    pub removed: Vec<String>,
}

impl References {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty()
    }
}

/// One record of the comparison.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParagraphChange {
    pub part: Part,
    pub status: ChangeStatus,
    /// Its position relative to the other paired paragraphs changed.
    pub moved: bool,
    /// Same paragraph, new printed number.
    pub renumbered: bool,
    pub old: Side,
    pub new: Side,
    /// Word similarity of old and new, 0 to 1 (1 for unchanged, 0 for added
    /// and removed).
    pub similarity: f64,
    pub lead_change: Option<LeadChange>,
    pub words: Vec<WordOp>,
    pub references: References,
    /// Every change in this paragraph is a routine update.
    pub routine: bool,
    pub subparagraphs: Vec<ParagraphChange>,
}

/// Counts for one part of the resolution.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct StatusCounts {
    pub unchanged: usize,
    pub modified: usize,
    pub added: usize,
    pub removed: usize,
    pub split: usize,
    pub merged: usize,
    pub moved: usize,
    pub renumbered: usize,
}

impl StatusCounts {
    pub fn get(&self, status: ChangeStatus) -> usize {
        match status {
            ChangeStatus::Unchanged => self.unchanged,
            ChangeStatus::Modified => self.modified,
            ChangeStatus::Added => self.added,
            ChangeStatus::Removed => self.removed,
            ChangeStatus::Split => self.split,
            ChangeStatus::Merged => self.merged,
        }
    }

    pub fn add(&mut self, status: ChangeStatus) {
        match status {
            ChangeStatus::Unchanged => self.unchanged += 1,
            ChangeStatus::Modified => self.modified += 1,
            ChangeStatus::Added => self.added += 1,
            ChangeStatus::Removed => self.removed += 1,
            ChangeStatus::Split => self.split += 1,
            ChangeStatus::Merged => self.merged += 1,
        }
    }

    /// Every record that is not unchanged and not only moved.
    pub fn changed(&self) -> usize {
        self.modified + self.added + self.removed + self.split + self.merged
    }
}

/// The whole comparison in figures.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Summary {
    pub preamble: StatusCounts,
    pub operative: StatusCounts,
    /// The paragraphs of the annexes, all together.
    #[serde(default)]
    pub annex: StatusCounts,
    pub words_inserted: usize,
    pub words_deleted: usize,
    pub leads_strengthened: usize,
    pub leads_weakened: usize,
    pub leads_changed_neutral: usize,
    pub references_added: usize,
    pub references_removed: usize,
    /// Records whose changes are all routine updates.
    pub routine: usize,
    /// Word similarity of the two whole texts, 0 to 1.
    pub similarity: f64,
}

impl Summary {
    pub fn part(&self, part: Part) -> &StatusCounts {
        match part {
            Part::Preamble => &self.preamble,
            Part::Operative => &self.operative,
            Part::Annex => &self.annex,
        }
    }

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
            counts.changed() + counts.moved + counts.renumbered > 0
        })
    }
}
