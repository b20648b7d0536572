//! The report as the templates see it: a [`Comparison`] turned into plain
//! labelled values (anchors, headings, redline segments, summary rows), with
//! every piece of resolution text already cleaned of control characters.
//! All three text formats (HTML, Markdown, terminal) render this one view,
//! so they agree on labels, anchors and order.

mod changes;
mod head;

use std::collections::BTreeSet;

use crate::comparison::Comparison;
use crate::model::Part;

use super::Hide;
use super::messages::{Messages, fill};

use super::sanitize::clean;
pub use changes::{
    ChangeView, FootnoteView, LeadView, Listing, MovedAway, rule_name, strength_word,
};
use changes::{
    change_view, contents_link, footnote_views, link_neighbours, listings, nav_link,
    with_moved_away_marks,
};
pub use head::{CountRow, Figure, MetaRow, body_name, change_name, status_name};
use head::{count_rows, figures, meta_rows};

/// The whole report.
#[derive(Debug, Clone)]
pub struct Report {
    /// "A/75/L.78 → A/77/L.5"
    pub title: String,
    /// Metadata of both versions side by side, one row per field.
    pub meta_rows: Vec<MetaRow>,
    pub count_rows: Vec<CountRow>,
    /// Either version has annexes: the counts get an annex column.
    pub has_annexes: bool,
    pub figures: Vec<Figure>,
    /// What may make the comparison wrong (the versions belong to
    /// different series, text may be missing), shown prominently.
    pub warnings: Vec<String>,
    /// What the readers repaired or could not name (a hyphen joined, an
    /// unknown lead), shown below the warnings and folded away.
    pub notes: Vec<String>,
    /// Set when a Markdown report left warnings out to fit a size.
    pub warnings_cut_note: String,
    /// The footnotes whose text changed, with the paragraphs calling them.
    pub footnotes: Vec<FootnoteView>,
    /// Every record in reading order of the new version, with a marker
    /// where a moved paragraph used to stand.
    pub entries: Vec<Entry>,
    /// The changed records, in order, for tables of contents.
    pub toc: Vec<NavLink>,
    /// The records of each kind of drafting change (leads, references,
    /// routine, moves between the parts, rewritten pairs).
    pub listings: Vec<Listing>,
    /// Every paragraph's old number against its new one.
    pub concordance: Vec<ConcordanceRow>,
    pub has_changes: bool,
    pub has_routine: bool,
    /// Some record's every change is editorial.
    pub has_editorial: bool,
    pub unchanged_count: usize,
    /// What `--hide` asked to leave out.
    pub hide: Hide,
    /// "Hidden (--hide): 2 routine updates." or empty.
    pub hidden_note: String,
    /// Set when the Markdown report was cut to fit a size: what it left out.
    pub cut_note: String,
    /// The Markdown report leaves out its list of unchanged paragraphs.
    pub cut_unchanged: bool,
    /// Put before every id and in-page link ("r2-"), so several reports
    /// can share a page; empty for a report alone.
    pub id_prefix: String,
    /// How many levels every heading moves down: 1 when the report is a
    /// section of a page of several under a page heading, else 0.
    pub heading_shift: usize,
    /// The report's words.
    pub ui: &'static Messages,
    /// The language the resolutions are written in, where it is not the
    /// report's: the `lang` of their text in HTML.
    pub text_language: Option<&'static str>,
}

impl Report {
    /// The report as the `n`th (from 1) of several on one page: every id
    /// and link prefixed with `r{n}-`, every heading one level down.
    pub fn placed(mut self, n: usize) -> Report {
        let prefix = format!("r{n}-");
        for link in self
            .toc
            .iter_mut()
            .chain(self.listings.iter_mut().flat_map(|l| l.links.iter_mut()))
        {
            link.anchor.insert_str(0, &prefix);
        }
        for row in &mut self.concordance {
            row.anchor.insert_str(0, &prefix);
        }
        for link in self
            .footnotes
            .iter_mut()
            .flat_map(|f| f.called_by.iter_mut())
        {
            link.anchor.insert_str(0, &prefix);
        }
        for entry in &mut self.entries {
            match entry {
                Entry::Change(v) => prefix_anchors(v, &prefix),
                Entry::MovedAway(m) => {
                    m.anchor.insert_str(0, &prefix);
                    m.to.anchor.insert_str(0, &prefix);
                }
                Entry::Part(_) => {}
            }
        }
        self.id_prefix = prefix;
        self.heading_shift = 1;
        self
    }

    /// The HTML heading level for what a report alone puts at `level`.
    pub fn h(&self, level: usize) -> usize {
        (level + self.heading_shift).min(6)
    }

    /// "12 notes on reading the versions"
    pub fn reading_notes_summary(&self) -> String {
        self.ui.count(self.ui.reading_notes, self.notes.len())
    }

    /// The Markdown heading marker for what a report alone puts at `level`.
    pub fn hashes(&self, level: usize) -> String {
        "#".repeat(self.h(level))
    }
}

fn prefix_anchors(v: &mut ChangeView, prefix: &str) {
    v.anchor.insert_str(0, prefix);
    for link in [&mut v.moved_from, &mut v.prev, &mut v.next]
        .into_iter()
        .flatten()
    {
        link.anchor.insert_str(0, prefix);
    }
    for sub in &mut v.subparagraphs {
        prefix_anchors(sub, prefix);
    }
}

/// One row of the concordance, labelled as the report labels paragraphs.
#[derive(Debug, Clone)]
pub struct ConcordanceRow {
    /// "OP 10", or "—" for an added paragraph.
    pub old: String,
    /// "OP 14", or "—" for a removed one.
    pub new: String,
    pub status: crate::comparison::ChangeStatus,
    /// The status in the report's language.
    pub status_name: &'static str,
    /// The record it belongs to.
    pub anchor: String,
}

/// A link to a change: its anchor and short label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NavLink {
    pub anchor: String,
    pub label: String,
    /// "modified", "added", ... plus flags, for the table of contents.
    pub note: String,
    pub routine: bool,
    pub editorial: bool,
}

/// One item of the report body.
#[derive(Debug, Clone)]
pub enum Entry {
    /// The start of a part: "Preambular paragraphs".
    Part(PartHeading),
    Change(Box<ChangeView>),
    /// Where a moved paragraph used to stand.
    MovedAway(MovedAway),
}

#[derive(Debug, Clone)]
pub struct PartHeading {
    /// "preamble" or "operative".
    pub id: &'static str,
    pub title: &'static str,
}

/// Builds the view of `c`, in the words of `ui`.
pub fn report(c: &Comparison, hide: Hide, ui: &'static Messages) -> Report {
    let mut anchors = BTreeSet::new();
    let mut footnotes = footnote_views(&c.footnotes, hide.typography, ui);
    let mut changes: Vec<ChangeView> = c
        .paragraphs
        .iter()
        .map(|p| change_view(p, None, 0, &mut anchors, &footnotes, hide.typography, ui))
        .collect();
    calling_paragraphs(&changes, None, &mut footnotes);

    let toc: Vec<NavLink> = changes
        .iter()
        .filter(|v| v.changed)
        .map(|v| contents_link(v, ui))
        .collect();
    // Previous and next go by the short labels.
    let neighbours: Vec<NavLink> = changes.iter().filter(|v| v.changed).map(nav_link).collect();
    link_neighbours(&mut changes, &neighbours);
    let listings = listings(&changes, ui);

    let concordance = concordance_rows(c, &changes, ui);
    let routine_count = changes.iter().filter(|v| v.routine).count();
    let editorial_count = changes.iter().filter(|v| v.editorial).count();
    let entries = with_moved_away_marks(&c.paragraphs, changes, &mut anchors, ui);
    let unchanged_count = entries
        .iter()
        .filter(|e| matches!(e, Entry::Change(v) if !v.changed))
        .count();

    let mut hidden = Vec::new();
    if hide.routine && routine_count > 0 {
        hidden.push(ui.count(ui.hidden_routine, routine_count));
    }
    if hide.editorial && editorial_count > 0 {
        hidden.push(ui.count(ui.hidden_editorial, editorial_count));
    }
    if hide.unchanged && unchanged_count > 0 {
        hidden.push(ui.count(ui.hidden_unchanged, unchanged_count));
    }
    if hide.typography {
        hidden.push(ui.hidden_typography.to_string());
    }
    let hidden_note = if hidden.is_empty() {
        String::new()
    } else {
        fill(ui.hidden, &[("list", &hidden.join(", "))])
    };
    let (warnings, notes) = by_severity(&c.warnings);
    let mut figures = figures(c, ui);
    if !c.footnotes.is_empty() {
        // Before the overall similarity, which closes the figures.
        let at = figures.len().saturating_sub(1);
        figures.insert(
            at,
            Figure {
                name: ui.footnotes_changed,
                id: None,
                value: footnotes.len().to_string(),
                anchor: (!footnotes.is_empty()).then(|| "footnotes".to_string()),
            },
        );
    }
    let old_label = clean(&c.old.label()).into_owned();
    let new_label = clean(&c.new.label()).into_owned();
    Report {
        title: format!("{old_label} → {new_label}"),
        meta_rows: meta_rows(&c.old, &c.new, ui),
        count_rows: count_rows(c, ui),
        has_annexes: c.paragraphs.iter().any(|p| p.part == Part::Annex),
        figures: figures
            .into_iter()
            .map(|f| Figure {
                // A figure links to the list of the records it counts.
                anchor: listings
                    .iter()
                    .find(|l| Some(l.id.as_str()) == f.id)
                    .map(|l| l.id.clone())
                    .or(f.anchor.clone()),
                ..f
            })
            .collect(),
        warnings,
        notes,
        warnings_cut_note: String::new(),
        footnotes,
        has_changes: !toc.is_empty(),
        has_routine: toc.iter().any(|l| l.routine),
        has_editorial: editorial_count > 0,
        toc,
        listings,
        concordance,
        entries,
        unchanged_count,
        hide,
        hidden_note,
        cut_note: String::new(),
        cut_unchanged: false,
        id_prefix: String::new(),
        heading_shift: 0,
        ui,
        text_language: (c.new.language.code() != ui.language).then(|| c.new.language.code()),
    }
}

/// Fills each footnote's `called_by` with the records (and sub-paragraphs,
/// under their parent's label) that show it.
fn calling_paragraphs(changes: &[ChangeView], parent: Option<&str>, notes: &mut [FootnoteView]) {
    for v in changes {
        let label = match parent {
            Some(p) => format!("{p} {}", v.label),
            None => v.label.clone(),
        };
        for shown in &v.footnotes {
            for note in notes
                .iter_mut()
                .filter(|n| n.old_marker == shown.old_marker && n.new_marker == shown.new_marker)
            {
                note.called_by.push(NavLink {
                    anchor: v.anchor.clone(),
                    label: label.clone(),
                    note: String::new(),
                    routine: v.routine,
                    editorial: v.editorial,
                });
            }
        }
        calling_paragraphs(&v.subparagraphs, Some(&label), notes);
    }
}

/// The rules of the readers whose warnings are notes: a repair made with
/// confidence or a word it could not name, nothing lost (`docs/import.md`).
const NOTE_RULES: &[&str] = &[
    "clean-line",
    "hyphen-join",
    "lead",
    "unknown-lead",
    "typeset-lead",
    "preamble-lead",
    "operative-lead",
    "sub-lead",
    "prologue",
    "prologue-furniture",
    "furniture",
    "page-furniture",
    "running-head",
    "language",
];

/// `warnings` split into the real ones and the notes, each cleaned and
/// naming files without their directories: a report never shows where
/// its reader keeps files.
fn by_severity(warnings: &[String]) -> (Vec<String>, Vec<String>) {
    let (mut real, mut notes) = (Vec::new(), Vec::new());
    for w in warnings {
        let w = without_directories(&clean(w));
        let rule = w
            .split_once(": [")
            .and_then(|(_, rest)| rest.split_once(']'))
            .map(|(rule, _)| rule);
        let note = rule.is_some_and(|r| NOTE_RULES.contains(&r) || r.starts_with("head-"));
        if note { notes.push(w) } else { real.push(w) }
    }
    (real, notes)
}

/// `text` with every file path it names (`/tmp/x/A_RES_80_4.txt`,
/// `../drafts/l5.docx`, `C:\drafts\l5.docx`) cut to the file's name.
/// Document symbols (`A/RES/80/4`) stay as they are: a path is what
/// starts at a root, a home, the current or a parent directory.
pub(crate) fn without_directories(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, piece) in text.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        // Quotes or brackets around a path stay.
        let start = piece
            .find(|c: char| !matches!(c, '(' | '«' | '“' | '\'' | '"' | '['))
            .unwrap_or(piece.len());
        let (open, rest) = piece.split_at(start);
        let drive = rest.len() > 2
            && rest.as_bytes()[0].is_ascii_alphabetic()
            && rest[1..].starts_with(":\\");
        let path = rest.starts_with('/')
            || rest.starts_with("./")
            || rest.starts_with("../")
            || rest.starts_with("~/")
            || rest.starts_with(".\\")
            || rest.starts_with("..\\")
            || drive;
        match rest.rfind(['/', '\\']).filter(|_| path) {
            Some(at) => {
                out.push_str(open);
                out.push_str(&rest[at + 1..]);
            }
            None => out.push_str(piece),
        }
    }
    out
}

/// The concordance of `c` with the report's labels ("PP 3", "OP 14") and
/// the anchor of each row's record (`changes` are the records' views, in
/// the same order).
fn concordance_rows(
    c: &Comparison,
    changes: &[ChangeView],
    ui: &'static Messages,
) -> Vec<ConcordanceRow> {
    let label = |part: Part, r: &crate::comparison::ParagraphRef| {
        let prefix = match part {
            Part::Preamble => ui.label_preamble,
            Part::Operative => ui.label_operative,
            Part::Annex => ui.label_annex,
        };
        match (part, &r.number) {
            (Part::Operative, Some(n)) => format!("{prefix} {}", clean(n)),
            _ => format!("{prefix} {}", r.index),
        }
    };
    let mut rows = Vec::new();
    for (p, v) in c.paragraphs.iter().zip(changes) {
        let old_part = p.old_part.unwrap_or(p.part);
        let olds: Vec<String> = p.old.refs().iter().map(|r| label(old_part, r)).collect();
        let news: Vec<String> = p.new.refs().iter().map(|r| label(p.part, r)).collect();
        let row = |old: Option<&String>, new: Option<&String>| ConcordanceRow {
            old: old.cloned().unwrap_or_else(|| "—".into()),
            new: new.cloned().unwrap_or_else(|| "—".into()),
            status: p.status,
            status_name: change_name(p.status, ui),
            anchor: v.anchor.clone(),
        };
        match (olds.as_slice(), news.as_slice()) {
            ([], news) => rows.extend(news.iter().map(|n| row(None, Some(n)))),
            (olds, []) => rows.extend(olds.iter().map(|o| row(Some(o), None))),
            ([o], news) => rows.extend(news.iter().map(|n| row(Some(o), Some(n)))),
            (olds, [n, ..]) => rows.extend(olds.iter().map(|o| row(Some(o), Some(n)))),
        }
    }
    rows
}
