//! The importer's rules. Every decision the importer makes about a line of
//! text (furniture, a footnote, the enacting formula, a heading, the start
//! of a paragraph or sub-paragraph, the rest of the one before) is a named
//! rule: a small pure check of the line in its context, which answers with
//! a [`Decision`] or passes. The line pass (`lines`) asks the rules of
//! [`LINE_RULES`] in that order, and the first that decides, decides; the
//! text a decision adds is then split by the [`TEXT_RULES`]. Each rule
//! reads its language from the document's profile, never from its own
//! code, and puts its name on every warning it gives and on the line's
//! entry in the trace (`-vv`).
//!
//! `docs/import.md` lists every rule in order, with what it decides and a
//! real line it decides; a test keeps the two in step.

pub(crate) mod annex;
pub(crate) mod footnotes;
pub(crate) mod frame;
pub(crate) mod furniture;
pub(crate) mod inline;
pub(crate) mod paragraphs;
pub(crate) mod shapes;

#[cfg(test)]
mod tests;

use std::collections::BTreeSet;

use super::furniture::Revealed;
use super::labels::Level;
use super::lines::{Assembled, Block, BlockKind, CleanedLine, Prev};
use crate::lang::Profile;
use crate::model::Part;

/// A rule as documented: its name (in warnings and the trace) and what it
/// decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// `operative-number`: lower case, words joined by hyphens.
    pub name: &'static str,
    /// What the rule decides, in a sentence.
    pub decides: &'static str,
}

/// A rule of the line pass.
pub trait LineRule: Sync {
    /// The rule's name and purpose.
    fn rule(&self) -> Rule;
    /// The rule's decision on `line`, or `None` to let the next rule decide.
    fn decide<'l>(&self, cx: &Cx<'_>, line: &'l CleanedLine) -> Option<Decided<'l>>;
}

/// The rules of the line pass, in the order they are asked.
pub const LINE_RULES: &[&dyn LineRule] = &[
    &footnotes::Blank,
    &footnotes::FootnoteText,
    &furniture::PageFurniture,
    &footnotes::FootnoteArea,
    &furniture::Furniture,
    &frame::MeetingDate,
    &furniture::RunningHead,
    &furniture::PrologueFurniture,
    &footnotes::FootnoteLine,
    &frame::EnactingFormula,
    &frame::Prologue,
    &frame::ClosingLine,
    &annex::AnnexLabel,
    &annex::AdoptedText,
    &annex::TextAfterClose,
    &annex::AnnexTitle,
    &annex::AnnexNumber,
    &paragraphs::NumberThenLabel,
    &paragraphs::OperativeNumber,
    &paragraphs::NumberWithoutPeriod,
    &paragraphs::OcrNumber,
    &paragraphs::SubLabel,
    &paragraphs::TypesetLead,
    &paragraphs::PreambleLead,
    &paragraphs::OperativeLead,
    &paragraphs::Heading,
    &paragraphs::UnknownLead,
    &annex::AnnexParagraph,
    &paragraphs::Continuation,
];

/// A rule that splits text a decision adds: where a paragraph the
/// extraction ran into the line starts.
pub trait TextRule: Sync {
    /// The rule's name and purpose.
    fn rule(&self) -> Rule;
    /// Where the next paragraph starts in `text`, added to the open block.
    fn split(&self, cx: &Cx<'_>, text: &str) -> Option<Split>;
}

/// The rules that split added text, in the order they are asked.
pub const TEXT_RULES: &[&dyn TextRule] = &[
    &inline::PreambleRunIn,
    &inline::OperativeRunIn,
    &inline::AnnexRunIn,
];

/// Rules that act before the line pass, on the raw lines.
pub const BEFORE_RULES: &[Rule] = &[
    super::LANGUAGE,
    super::words::CLEAN_LINE,
    shapes::BARE_LABEL,
];

/// Rules that act after each paragraph, and on the joined paragraphs
/// (`structure`).
pub const AFTER_RULES: &[Rule] = &[
    inline::CLOSING_PARAGRAPH,
    inline::PARAGRAPH_END,
    super::structure::FOOTNOTE_MARKERS,
    super::structure::LEAD,
    super::structure::SUB_LEAD,
    super::structure::HYPHEN_JOIN,
];

/// Every rule, in the order the importer asks them and `docs/import.md`
/// lists them: before the pass, the line pass, the text rules, after each
/// paragraph and on the joined ones, then the head.
pub fn all() -> Vec<Rule> {
    let mut rules: Vec<Rule> = BEFORE_RULES.to_vec();
    rules.extend(LINE_RULES.iter().map(|r| r.rule()));
    rules.extend(TEXT_RULES.iter().map(|r| r.rule()));
    rules.extend(AFTER_RULES.iter().copied());
    rules.extend(super::head::HEAD_RULES.iter().map(|r| r.rule));
    rules
}

/// A split a text rule found: the text before it ends at `before_end`,
/// and a paragraph opens at `rest_at`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split {
    /// End of the text that stays in the open paragraph.
    pub before_end: usize,
    /// Where the new paragraph's text starts.
    pub rest_at: usize,
    /// The new paragraph: its part and label (a numbered one moves the
    /// numbering on).
    pub part: Part,
    /// Its label.
    pub label: Option<String>,
    /// Whether its number is the next operative (or annex) number.
    pub numbered: bool,
    /// What to tell the reader, if anything.
    pub warning: Option<String>,
}

/// A decision and the warnings that go with it.
#[derive(Debug, Clone, PartialEq)]
pub struct Decided<'l> {
    /// What the line is.
    pub decision: Decision<'l>,
    /// What the rule tells the reader about it.
    pub warnings: Vec<String>,
}

impl<'l> Decided<'l> {
    /// A decision without warnings.
    pub fn plain(decision: Decision<'l>) -> Option<Decided<'l>> {
        Some(Decided {
            decision,
            warnings: Vec::new(),
        })
    }

    /// A decision with one warning.
    pub fn warned(decision: Decision<'l>, warning: impl Into<String>) -> Option<Decided<'l>> {
        Some(Decided {
            decision,
            warnings: vec![warning.into()],
        })
    }
}

/// What a line is, as a rule decided it.
#[derive(Debug, Clone, PartialEq)]
pub enum Decision<'l> {
    /// An empty line.
    Blank,
    /// More text of the last footnote (a Markdown footnote goes on to the
    /// next blank line).
    FootnoteText,
    /// Furniture, dropped; it may reveal the document's symbol or date,
    /// and a footnote rule opens the page's footnote area.
    Furniture {
        /// What the line told.
        revealed: Revealed,
        /// The line is a footnote rule on a paged text.
        opens_footnotes: bool,
    },
    /// A line under the footnote rule of a page.
    FootnoteArea(AreaLine<'l>),
    /// The date of the closing meeting line, on the line after it.
    MeetingDate,
    /// A footnote: its number and text.
    Footnote {
        /// The note's number.
        value: u32,
        /// Its text.
        text: &'l str,
        /// The line says itself it is one (`[^3]: …`).
        explicit: bool,
    },
    /// The enacting formula.
    Formula,
    /// Text before the resolution (a title, a line of the head).
    Prologue,
    /// The line that closes the text: the meeting or adoption line.
    Closing,
    /// An annex starts.
    Annex {
        /// "Annex II".
        label: Option<String>,
        /// The title on the same line, or the adopted text's title.
        title: Option<String>,
    },
    /// An annex with no label opens, and the line is asked about again.
    OpenAnnex,
    /// The line is the title of the annex just opened.
    AnnexTitle {
        /// The title goes on while its lines are in capitals.
        in_capitals: bool,
    },
    /// The line goes on with the annex's title.
    AnnexTitleGoesOn,
    /// A paragraph of `part` opens with `text`.
    Paragraph {
        /// Its part.
        part: Part,
        /// Its printed number or label.
        label: Option<String>,
        /// The number it moves the numbering to.
        number: Option<u32>,
        /// Its text on this line.
        text: &'l str,
    },
    /// A numbered paragraph opens, and its first sub-paragraph with it.
    ParagraphWithSub {
        /// The paragraph's number as printed.
        label: String,
        /// Its value.
        number: u32,
        /// The sub-paragraph's label.
        sub_label: String,
        /// Its place in the list.
        level: Level,
        /// Its text on this line.
        text: &'l str,
    },
    /// A sub-paragraph opens with `text`.
    Sub {
        /// 1 directly under the paragraph.
        depth: usize,
        /// Its place in the list.
        level: Level,
        /// Its label.
        label: String,
        /// Its text on this line.
        text: &'l str,
        /// "(a)" was run into the paragraph's text and is split off first.
        split_run_in_a: bool,
    },
    /// An item of a list whose labels the source lost.
    ListItem,
    /// A heading over the next paragraph.
    Heading,
    /// The line goes on with the open paragraph.
    Text,
}

/// What a line under a page's footnote rule is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AreaLine<'l> {
    /// Furniture at the page foot.
    Furniture,
    /// A footnote: number and text.
    Note(u32, &'l str),
    /// A footnote's number alone; its text comes next.
    Number(u32),
    /// The text of the footnote whose number came alone.
    Pending(&'l str),
    /// More text of the last footnote.
    More,
    /// Text with no footnote to belong to.
    Orphan,
}

/// What the line pass knows when it asks a rule: the document's profile,
/// the lines, and everything decided so far.
pub struct Cx<'a> {
    /// The document's language profile.
    pub profile: &'a Profile,
    /// All the lines.
    pub lines: &'a [CleanedLine],
    /// The index of the line asked about.
    pub index: usize,
    /// The pass so far.
    pub state: &'a State,
}

/// Everything the line pass has decided so far.
#[derive(Debug, Default)]
pub struct State {
    /// What the pass built.
    pub out: Assembled,
    /// The title lines of the document's head: printed again alone on a
    /// line further down, they are the running head of a page.
    pub running_heads: BTreeSet<String>,
    /// The formula or a first paragraph was seen.
    pub started: bool,
    /// The text of the resolution is complete: what follows is an annex.
    pub closed: bool,
    /// How the last line of text ended (`None` before the first, and after
    /// the formula).
    pub prev: Option<Prev>,
    /// The part of the open paragraph.
    pub part: Option<Part>,
    /// The last operative (or annex) number.
    pub last_number: Option<u32>,
    /// Open sub-paragraph lists of the current paragraph.
    pub stack: Vec<Level>,
    /// Headings waiting for their paragraph.
    pub pending_headings: Vec<(usize, String)>,
    /// In an annex whose title has not come yet.
    pub annex_title_pending: bool,
    /// The annex's title is in capitals and may go on on the next line.
    pub annex_title_continues: bool,
    /// The last line was (part of) a `[^N]:` footnote definition.
    pub in_markdown_footnote: bool,
    /// The text has page breaks, so a footnote rule opens the footnote
    /// area of its page.
    pub paged: bool,
    /// Under the footnote rule of the current page.
    pub footnote_area: bool,
    /// A footnote number alone on its line, waiting for its text.
    pub pending_footnote: Option<u32>,
    /// The closing meeting line was the last line: its date may follow.
    pub meeting_open: bool,
    /// Values of every marker-shaped digit run seen in the text so far:
    /// evidence that a footnote line is one.
    pub marker_values: BTreeSet<u32>,
    /// The last footnote's number.
    pub last_footnote: Option<u32>,
}

impl State {
    /// The index of the open top-level paragraph.
    pub fn current_top_index(&self) -> Option<usize> {
        self.out
            .blocks
            .iter()
            .rposition(|b| matches!(b.kind, BlockKind::Top(_)))
    }

    /// The open top-level paragraph.
    pub fn current_top(&self) -> Option<&Block> {
        self.current_top_index().map(|i| &self.out.blocks[i])
    }

    /// The next operative (or annex) number.
    pub fn expected_number(&self) -> u32 {
        self.last_number.map_or(1, |last| last + 1)
    }

    /// How the last line ended; as a paragraph's end before any.
    pub fn prev_or_default(&self) -> Prev {
        self.prev.unwrap_or_default()
    }
}

impl Cx<'_> {
    /// The line asked about.
    pub fn line(&self) -> &CleanedLine {
        &self.lines[self.index]
    }
}
