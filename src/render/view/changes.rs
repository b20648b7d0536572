//! The records of the report: each paragraph change as labelled, anchored
//! redline segments, the marks left where moved paragraphs were, and the
//! links between neighbours.

use std::collections::BTreeSet;

use crate::comparison::{
    Certainty, ChangeStatus, Editorial, FootnoteChange, Pairing, ParagraphChange, ParagraphRef,
    RoutineRule, WordOp, WordOpKind,
};
use crate::diff::PARAGRAPH_BREAK;
use crate::lexicon::Direction;
use crate::model::Part;
use crate::render::messages::{Messages, fill};
use crate::render::sanitize::clean;

use super::head::{change_name, percent};
use super::{Entry, NavLink, PartHeading};

/// The mark left at the old place of a moved paragraph.
#[derive(Debug, Clone)]
pub struct MovedAway {
    pub part: Part,
    pub anchor: String,
    /// "OP 4"
    pub old_label: String,
    /// Where it went.
    pub to: NavLink,
}

/// A run of redline text.
#[derive(Debug, Clone)]
pub struct Segment {
    /// Kept, deleted or inserted.
    pub kind: WordOpKind,
    pub text: String,
    pub routine: bool,
    /// What made a routine run routine, in words.
    pub rule: Option<&'static str>,
    /// The kind of an editorial run, in words ("letter case").
    pub editorial: Option<&'static str>,
    /// Kept text the old version typeset differently: the old form, for
    /// the HTML report to mark (unless `--hide typography`).
    pub typeset_was: Option<String>,
}

impl Segment {
    pub fn is_delete(&self) -> bool {
        self.kind == WordOpKind::Delete
    }
    pub fn is_insert(&self) -> bool {
        self.kind == WordOpKind::Insert
    }
}

/// One paragraph of a split or merge, or the text of a one-sided record.
#[derive(Debug, Clone)]
pub struct Piece {
    /// "OP 3", "PP 2" or "(a)".
    pub label: String,
    pub text: String,
}

/// The lead (opening verb) changed.
#[derive(Debug, Clone)]
pub struct LeadView {
    pub old: String,
    pub new: String,
    /// Which way on the strength scale; the templates word it.
    pub direction: Direction,
}

/// A footnote whose text changed between the versions, as the reports
/// show it beside the paragraphs that call it and in their list of
/// footnotes.
#[derive(Debug, Clone)]
pub struct FootnoteView {
    /// "Footnote 1", or "Footnote 2 (was 1)" when its marker changed.
    pub label: String,
    /// Its marker in the old version; `None` for a new footnote.
    pub old_marker: Option<String>,
    /// Its marker in the new version; `None` for a removed one.
    pub new_marker: Option<String>,
    /// Added, removed or modified.
    pub status: ChangeStatus,
    pub status_name: &'static str,
    /// The word-level redline of its text.
    pub redline: Vec<Segment>,
    /// Its whole text: the new one, the old one for a removed footnote.
    pub text: String,
    /// The paragraphs that call it (filled once the records are built).
    pub called_by: Vec<NavLink>,
}

impl FootnoteView {
    pub fn is_added(&self) -> bool {
        self.status == ChangeStatus::Added
    }
    pub fn is_removed(&self) -> bool {
        self.status == ChangeStatus::Removed
    }
    /// Called by a paragraph among `old` markers (of the old version) or
    /// `new` ones: a footnote goes with the paragraph that calls it now,
    /// a removed one with the paragraph that called it.
    fn called_among(&self, old: &[&str], new: &[&str]) -> bool {
        match (&self.new_marker, &self.old_marker) {
            (Some(n), _) => new.contains(&n.as_str()),
            (None, Some(o)) => old.contains(&o.as_str()),
            (None, None) => false,
        }
    }
}

/// The footnotes of `changes` whose text changed (a marker renumbered
/// alone is no change a reader needs), in the new version's order.
pub(super) fn footnote_views(
    changes: &[FootnoteChange],
    hide_typography: bool,
    ui: &'static Messages,
) -> Vec<FootnoteView> {
    changes
        .iter()
        .filter(|f| {
            f.words
                .iter()
                .any(|w| w.op != WordOpKind::Equal && !w.typography && !w.text.trim().is_empty())
        })
        .map(|f| {
            let status = match (&f.old, &f.new) {
                (None, _) => ChangeStatus::Added,
                (_, None) => ChangeStatus::Removed,
                _ => ChangeStatus::Modified,
            };
            let marker = f.new.as_ref().or(f.old.as_ref()).map_or("", |m| m.as_str());
            let marker = clean(marker).into_owned();
            let label = match (&f.old, &f.new) {
                (Some(old), Some(new)) if old != new => fill(
                    ui.footnote_was,
                    &[("marker", &marker), ("old", &clean(old).into_owned())],
                ),
                _ => fill(ui.footnote_label, &[("marker", &marker)]),
            };
            let redline = segments(&f.words, hide_typography, ui);
            let text = redline
                .iter()
                .filter(|s| status == ChangeStatus::Removed || !s.is_delete())
                .map(|s| s.text.as_str())
                .collect::<String>();
            FootnoteView {
                label,
                old_marker: f.old.clone(),
                new_marker: f.new.clone(),
                status,
                status_name: change_name(status, ui),
                redline,
                text,
                called_by: Vec::new(),
            }
        })
        .collect()
}

/// The redline segments of `words`. A typographic difference is no
/// change: the report reads the new text as kept, remembering the old
/// form for the HTML's mark.
fn segments(words: &[WordOp], hide_typography: bool, ui: &'static Messages) -> Vec<Segment> {
    let mut redline: Vec<Segment> = Vec::with_capacity(words.len());
    let mut typeset_old: Option<String> = None;
    for w in words.iter().filter(|w| !w.text.is_empty()) {
        if w.typography && w.op == WordOpKind::Delete {
            typeset_old = Some(clean(&w.text).into_owned());
            continue;
        }
        redline.push(Segment {
            kind: if w.typography {
                WordOpKind::Equal
            } else {
                w.op
            },
            // Where a split or merge joins paragraphs, the reader sees a
            // paragraph mark, not a line break that would run out of the
            // record's indentation (or vanish in HTML and Markdown).
            text: clean(&w.text).replace(PARAGRAPH_BREAK, " ¶ "),
            routine: w.routine,
            rule: w.rule.map(|r| rule_name(r, ui)),
            editorial: w.editorial.map(|e| editorial_name(e, ui)),
            typeset_was: typeset_old
                .take()
                .filter(|_| w.typography && !hide_typography),
        });
    }
    redline
}

/// One record (paragraph, split/merge group, or sub-paragraph).
#[derive(Debug, Clone)]
pub struct ChangeView {
    pub part: Part,
    /// Stable id: `op-5`, `pp-3`, `op-2-c` for sub-paragraph (c).
    pub anchor: String,
    /// "OP 5", "PP 3", "(c)", "OP 3–4" for a split.
    pub label: String,
    /// "was OP 4" for a renumbered or moved paragraph, "from OP 5, 6" for
    /// a split or merge, "in the old version" for a removed one, or empty.
    pub origin: String,
    /// What happened to it; `{{ c.status }}` writes its id (a CSS class).
    pub status: ChangeStatus,
    /// Its status in the report's language.
    pub status_name: &'static str,
    /// Words describing the record: status first, then moved, renumbered,
    /// routine ("modified, moved").
    pub description: String,
    /// Anything but an unchanged paragraph that kept its place.
    pub changed: bool,
    pub moved: bool,
    /// Moved between the preamble and the operative part.
    pub across: bool,
    /// "from the operative part", for a paragraph moved between the parts.
    pub across_from: Option<&'static str>,
    /// Paired on weak evidence of words (`ParagraphChange::rewritten`).
    pub rewritten: bool,
    /// How sure a pairing below sure is, and why: "likely" or "check" (a
    /// CSS class) and the sentence a reader sees; `None` for a sure
    /// pairing, an added or a removed paragraph.
    pub pairing: Option<PairingView>,
    /// Left out of a Markdown report cut to fit a size.
    pub cut: bool,
    /// The mark at the old place of a moved paragraph.
    pub moved_from: Option<NavLink>,
    pub routine: bool,
    /// Every change is editorial (case, punctuation, spelling).
    pub editorial: bool,
    /// The rules that made it routine, in words.
    pub routine_rules: Vec<&'static str>,
    pub lead: Option<LeadView>,
    /// The word-level redline, for records with both sides.
    pub redline: Vec<Segment>,
    /// True when there is an old and a new text to show side by side.
    pub two_sided: bool,
    /// The old text as segments (equal and deleted runs).
    pub old_segments: Vec<Segment>,
    /// The new text as segments (equal and inserted runs).
    pub new_segments: Vec<Segment>,
    /// The paragraphs before and after, for splits and merges.
    pub old_pieces: Vec<Piece>,
    pub new_pieces: Vec<Piece>,
    /// The paragraph text of an unchanged, added or removed record.
    pub text: String,
    pub references_added: Vec<String>,
    pub references_removed: Vec<String>,
    /// The footnotes it calls whose text changed.
    pub footnotes: Vec<FootnoteView>,
    /// "87%"
    pub similarity: String,
    pub subparagraphs: Vec<ChangeView>,
    /// Nesting level: 0 for paragraphs, 1 for (a), 2 for (i).
    pub depth: usize,
    pub prev: Option<NavLink>,
    pub next: Option<NavLink>,
}

impl ChangeView {
    pub fn is_added(&self) -> bool {
        self.status == ChangeStatus::Added
    }
    pub fn is_removed(&self) -> bool {
        self.status == ChangeStatus::Removed
    }
    pub fn is_unchanged(&self) -> bool {
        self.status == ChangeStatus::Unchanged
    }
    pub fn is_group(&self) -> bool {
        matches!(self.status, ChangeStatus::Split | ChangeStatus::Merged)
    }
    /// Some kept text is marked as typeset differently in the old version.
    pub fn has_typeset(&self) -> bool {
        self.redline.iter().any(|s| s.typeset_was.is_some())
    }
    pub fn has_references(&self) -> bool {
        !self.references_added.is_empty() || !self.references_removed.is_empty()
    }
}

/// A pairing below sure, for a reader to check.
#[derive(Debug, Clone)]
pub struct PairingView {
    /// "likely" or "check": a CSS class.
    pub level: &'static str,
    /// "Pairing to check (64%): 20% of the words in common, 25% of the
    /// weight of the rarer words, the same lead, the same place."
    pub note: String,
}

/// The view of a pairing below sure; `None` for a sure one.
fn pairing_note(pairing: &Pairing, ui: &Messages) -> Option<PairingView> {
    let level = pairing.level();
    let level_name = match level {
        Certainty::Sure => return None,
        Certainty::Likely => ui.pairing_likely,
        Certainty::Check => ui.pairing_check,
    };
    let mut why = vec![
        fill(ui.pairing_words, &[("share", &percent(pairing.words, ui))]),
        fill(
            ui.pairing_rare_words,
            &[("share", &percent(pairing.rare_words, ui))],
        ),
    ];
    if pairing.unique_phrases > 0 {
        why.push(fill(
            ui.pairing_phrases,
            &[("count", &pairing.unique_phrases)],
        ));
    }
    why.push(
        if pairing.same_lead {
            ui.pairing_same_lead
        } else {
            ui.pairing_other_lead
        }
        .to_string(),
    );
    why.push(
        if pairing.same_place {
            ui.pairing_same_place
        } else {
            ui.pairing_moved
        }
        .to_string(),
    );
    let note = fill(
        ui.pairing_note,
        &[
            ("level", &level_name),
            ("confidence", &percent(pairing.confidence, ui)),
            ("why", &why.join(", ")),
        ],
    );
    Some(PairingView {
        level: level.name(),
        note,
    })
}

/// A part's anchor prefix (stable: `op-5`) and its label in the report's
/// language ("OP", "PD").
fn part_prefix(part: Part, ui: &Messages) -> (&'static str, &'static str) {
    match part {
        Part::Preamble => ("pp", ui.label_preamble),
        Part::Operative => ("op", ui.label_operative),
        Part::Annex => ("an", ui.label_annex),
    }
}

/// The key a paragraph is known by: its printed number (operative), else
/// its position.
fn key(part: Part, r: &ParagraphRef) -> String {
    match (part, &r.number) {
        (Part::Operative, Some(n)) => clean(n).into_owned(),
        _ => r.index.to_string(),
    }
}

fn sub_key(r: &ParagraphRef) -> String {
    match &r.number {
        Some(n) => clean(n).into_owned(),
        None => r.index.to_string(),
    }
}

/// Lowercase ASCII letters and digits, other runs turned into one `-`.
pub(super) fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let trimmed = out.trim_end_matches('-');
    if trimmed.is_empty() {
        "x".into()
    } else {
        trimmed.into()
    }
}

pub(super) fn unique(anchor: String, taken: &mut BTreeSet<String>) -> String {
    let mut candidate = anchor.clone();
    let mut n = 2;
    while taken.contains(&candidate) {
        candidate = format!("{anchor}-{n}");
        n += 1;
    }
    taken.insert(candidate.clone());
    candidate
}

/// "OP 5", "OP 3–4", "(a)"
fn label_of(part: Part, refs: &[&ParagraphRef], parent: Option<&str>, ui: &Messages) -> String {
    let keys: Vec<String> = refs
        .iter()
        .map(|r| {
            if parent.is_some() {
                sub_key(r)
            } else {
                key(part, r)
            }
        })
        .collect();
    match parent {
        Some(_) => keys
            .iter()
            .map(|k| format!("({k})"))
            .collect::<Vec<_>>()
            .join(", "),
        None => {
            let (_, prefix) = part_prefix(part, ui);
            format!("{prefix} {}", keys.join(", "))
        }
    }
}

fn piece_label(part: Part, r: &ParagraphRef, parent: Option<&str>, ui: &Messages) -> String {
    label_of(part, &[r], parent, ui)
}

/// The rule's description in the report's language.
pub fn rule_name(rule: RoutineRule, ui: &Messages) -> &'static str {
    match rule {
        RoutineRule::Session => ui.rule_session,
        RoutineRule::Interval => ui.rule_interval,
        RoutineRule::MandateEnd => ui.rule_mandate_end,
        RoutineRule::Deadline => ui.rule_deadline,
        RoutineRule::PreviousResolution => ui.rule_previous_resolution,
        RoutineRule::OwnReport => ui.rule_own_report,
        RoutineRule::RecalledResolutions => ui.rule_recalled_resolutions,
    }
}

pub(super) fn change_view(
    p: &ParagraphChange,
    parent: Option<&str>,
    depth: usize,
    anchors: &mut BTreeSet<String>,
    footnotes: &[FootnoteView],
    hide_typography: bool,
    ui: &'static Messages,
) -> ChangeView {
    let old = p.old.refs();
    let new = p.new.refs();
    let (prefix, _) = part_prefix(p.part, ui);
    // Named after the new version; a removed paragraph after its old self.
    let named = if new.is_empty() { &old } else { &new };
    let first_key = named.first().map(|r| match parent {
        Some(_) => sub_key(r),
        None => key(p.part, r),
    });
    let base = match (parent, first_key) {
        (Some(parent), Some(k)) => format!("{parent}-{}", slug(&k)),
        (Some(parent), None) => format!("{parent}-x"),
        (None, Some(k)) => format!("{prefix}-{}", slug(&k)),
        (None, None) => prefix.to_string(),
    };
    let anchor = unique(base, anchors);
    let label = label_of(p.part, named, parent, ui);
    let old_part = p.old_part.unwrap_or(p.part);
    let old_label = label_of(old_part, &old, parent, ui);

    // Preambular paragraphs shift position whenever one is added or
    // removed; only a renumbering or a move is worth a "was".
    let origin = match p.status {
        ChangeStatus::Modified | ChangeStatus::Editorial | ChangeStatus::Unchanged
            if (p.renumbered || p.moved) && !old.is_empty() && old_label != label =>
        {
            fill(ui.origin_was, &[("label", &old_label)])
        }
        ChangeStatus::Split | ChangeStatus::Merged => {
            fill(ui.origin_from, &[("label", &old_label)])
        }
        // Its number is the old one, which a new paragraph may now carry.
        ChangeStatus::Removed => ui.origin_removed.to_string(),
        _ => String::new(),
    };

    let status_name = change_name(p.status, ui);
    let mut words = vec![status_name.to_string()];
    let across_from = p.old_part.map(|part| match part {
        Part::Operative => ui.from_operative,
        Part::Preamble => ui.from_preamble,
        Part::Annex => ui.from_annex,
    });
    let moved = match across_from {
        Some(from) => fill(ui.moved_across, &[("from", &from)]),
        None => ui.badge_moved.to_string(),
    };
    for (flag, word) in [
        (p.moved, moved.as_str()),
        (p.renumbered, ui.renumbered),
        (p.rewritten, ui.badge_rewritten),
    ] {
        if flag {
            words.push(word.to_string());
        }
    }
    // Which rules made it routine, so a reader can check the judgement.
    let routine_rules: Vec<&'static str> = if p.routine {
        let rules: BTreeSet<RoutineRule> = p.words.iter().filter_map(|w| w.rule).collect();
        rules.iter().map(|&r| rule_name(r, ui)).collect()
    } else {
        Vec::new()
    };
    if p.routine {
        words.push(if routine_rules.is_empty() {
            ui.badge_routine.to_string()
        } else {
            fill(
                ui.routine_update_because,
                &[("rules", &routine_rules.join(ui.semicolon))],
            )
        });
    }

    let redline = segments(&p.words, hide_typography, ui);
    let two_sided = !old.is_empty() && !new.is_empty();
    let old_segments = redline.iter().filter(|s| !s.is_insert()).cloned().collect();
    let new_segments = redline.iter().filter(|s| !s.is_delete()).cloned().collect();

    let pieces = |refs: &[&ParagraphRef]| -> Vec<Piece> {
        refs.iter()
            .map(|r| Piece {
                label: piece_label(p.part, r, parent, ui),
                text: clean(&r.text).into_owned(),
            })
            .collect()
    };
    let text = named
        .iter()
        .map(|r| clean(&r.text).into_owned())
        .collect::<Vec<_>>()
        .join(" ");

    let lead = p.lead_change.as_ref().map(|l| LeadView {
        old: clean(&l.old).into_owned(),
        new: clean(&l.new).into_owned(),
        direction: l.direction,
    });
    let subparagraphs: Vec<ChangeView> = p
        .subparagraphs
        .iter()
        .map(|s| {
            change_view(
                s,
                Some(&anchor),
                depth + 1,
                anchors,
                footnotes,
                hide_typography,
                ui,
            )
        })
        .collect();
    // The footnotes it calls that changed: a delegate reads them at the
    // paragraph, and a paragraph whose footnote alone changed is changed.
    let markers = |refs: &[&ParagraphRef]| -> Vec<String> {
        refs.iter()
            .flat_map(|r| r.footnotes.iter().map(|f| f.marker.clone()))
            .collect()
    };
    let (old_markers, new_markers) = (markers(&old), markers(&new));
    let old_markers: Vec<&str> = old_markers.iter().map(String::as_str).collect();
    let new_markers: Vec<&str> = new_markers.iter().map(String::as_str).collect();
    let footnotes: Vec<FootnoteView> = footnotes
        .iter()
        .filter(|f| f.called_among(&old_markers, &new_markers))
        .cloned()
        .collect();
    if !footnotes.is_empty() {
        words.push(ui.count(ui.footnotes_changed_badge, footnotes.len()));
    }
    let changed = p.status != ChangeStatus::Unchanged
        || p.moved
        || !footnotes.is_empty()
        || subparagraphs.iter().any(|s| s.changed);

    ChangeView {
        label,
        origin,
        status: p.status,
        status_name,
        description: words.join(", "),
        changed,
        moved: p.moved,
        across: p.old_part.is_some(),
        across_from,
        rewritten: p.rewritten,
        pairing: p
            .pairing
            .as_ref()
            .and_then(|pairing| pairing_note(pairing, ui)),
        cut: false,
        moved_from: None,
        routine: p.routine,
        editorial: p.status == ChangeStatus::Editorial,
        routine_rules,
        part: p.part,
        lead,
        two_sided,
        old_segments,
        new_segments,
        redline,
        old_pieces: pieces(&old),
        new_pieces: pieces(&new),
        text,
        references_added: p
            .references
            .added
            .iter()
            .map(|r| clean(r).into_owned())
            .collect(),
        references_removed: p
            .references
            .removed
            .iter()
            .map(|r| clean(r).into_owned())
            .collect(),
        footnotes,
        similarity: percent(p.similarity, ui),
        subparagraphs,
        depth,
        prev: None,
        next: None,
        anchor,
    }
}

pub(super) fn nav_link(v: &ChangeView) -> NavLink {
    NavLink {
        anchor: v.anchor.clone(),
        label: v.label.clone(),
        note: v.description.clone(),
        routine: v.routine,
        editorial: v.editorial,
    }
}

/// The entry of the Changes list: both numbers in the label ("OP 14 (was
/// OP 10)", "PP 6 (in the old version)"), so an added and a removed PP 6
/// are told apart, and the lead change in the note.
pub(super) fn contents_link(v: &ChangeView, ui: &Messages) -> NavLink {
    let label = if v.origin.is_empty() {
        v.label.clone()
    } else {
        format!("{} ({})", v.label, v.origin)
    };
    let mut note = v.description.clone();
    if let Some(lead) = &v.lead {
        note.push_str(ui.semicolon);
        note.push_str(&fill(
            ui.lead_change,
            &[
                ("direction", &strength_word(lead.direction, ui)),
                ("old", &lead.old),
                ("new", &lead.new),
            ],
        ));
    }
    NavLink {
        anchor: v.anchor.clone(),
        label,
        note,
        routine: v.routine,
        editorial: v.editorial,
    }
}

/// How the reports name a kind of editorial change.
pub fn editorial_name(kind: Editorial, ui: &Messages) -> &'static str {
    match kind {
        Editorial::Punctuation => ui.editorial_punctuation,
        Editorial::Case => ui.editorial_case,
        Editorial::Spelling => ui.editorial_spelling,
    }
}

/// How the reports word a lead change's direction.
pub fn strength_word(direction: Direction, ui: &Messages) -> &'static str {
    match direction {
        Direction::Stronger => ui.direction_stronger,
        Direction::Weaker => ui.direction_weaker,
        Direction::Neutral => ui.direction_neutral,
    }
}

/// "Welcoming → Noting" when `v`'s lead changed in direction `d`.
fn lead(v: &ChangeView, d: Direction) -> Option<String> {
    v.lead
        .as_ref()
        .filter(|l| l.direction == d)
        .map(|l| format!("{} → {}", l.old, l.new))
}

/// A list of the records with one kind of drafting change, for the
/// Changes list and the figures that count them.
#[derive(Debug, Clone)]
pub struct Listing {
    /// The id the figure links to: "leads-weakened".
    pub id: String,
    /// "Leads weakened"
    pub title: &'static str,
    /// Each record (sub-paragraphs under their parent's label) with what
    /// changed in it.
    pub links: Vec<NavLink>,
}

/// The drafting lists of `changes`: leads by direction, references added
/// and removed, routine updates, moves between the parts, rewritten
/// pairs; only those with records.
pub(super) fn listings(changes: &[ChangeView], ui: &'static Messages) -> Vec<Listing> {
    type Pick<'a> = &'a dyn Fn(&ChangeView) -> Option<String>;
    let kinds: [(&str, &'static str, Pick); 8] = [
        ("leads-strengthened", ui.leads_strengthened, &|v| {
            lead(v, Direction::Stronger)
        }),
        ("leads-weakened", ui.leads_weakened, &|v| {
            lead(v, Direction::Weaker)
        }),
        ("leads-changed", ui.leads_changed, &|v| {
            lead(v, Direction::Neutral)
        }),
        ("references-added", ui.references_added, &|v| {
            (!v.references_added.is_empty()).then(|| v.references_added.join(", "))
        }),
        ("references-removed", ui.references_removed, &|v| {
            (!v.references_removed.is_empty()).then(|| v.references_removed.join(", "))
        }),
        ("routine-updates", ui.routine_updates, &|v| {
            (v.routine && v.depth == 0).then(|| v.routine_rules.join(ui.semicolon))
        }),
        ("between-parts", ui.moved_between_parts, &|v| {
            v.across.then(|| v.origin.clone())
        }),
        ("rewritten", ui.rewritten_listing, &|v| {
            v.rewritten.then(|| v.origin.clone())
        }),
    ];
    let mut out = Vec::new();
    for (id, title, pick) in kinds {
        let mut links = Vec::new();
        collect(changes, None, pick, &mut links);
        if !links.is_empty() {
            out.push(Listing {
                id: id.to_string(),
                title,
                links,
            });
        }
    }
    out
}

fn collect(
    changes: &[ChangeView],
    parent: Option<&str>,
    pick: &dyn Fn(&ChangeView) -> Option<String>,
    out: &mut Vec<NavLink>,
) {
    for v in changes {
        let label = match parent {
            Some(p) => format!("{p} {}", v.label),
            None => v.label.clone(),
        };
        if let Some(note) = pick(v) {
            out.push(NavLink {
                anchor: v.anchor.clone(),
                label: label.clone(),
                note,
                routine: v.routine,
                editorial: v.editorial,
            });
        }
        collect(&v.subparagraphs, Some(&label), pick, out);
    }
}

pub(super) fn link_neighbours(changes: &mut [ChangeView], toc: &[NavLink]) {
    // Anchors are unique; the first entry wins should two ever match.
    let mut place: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (i, l) in toc.iter().enumerate() {
        place.entry(l.anchor.as_str()).or_insert(i);
    }
    for v in changes.iter_mut().filter(|v| v.changed) {
        if let Some(&i) = place.get(v.anchor.as_str()) {
            v.prev = i.checked_sub(1).map(|j| toc[j].clone());
            v.next = toc.get(i + 1).cloned();
        }
    }
}

/// Interleaves, with the records, a mark at the old place of each moved
/// paragraph (before the first record of the same part that stayed in
/// place and stood after it in the old version), and a heading at the start
/// of each part.
pub(super) fn with_moved_away_marks(
    records: &[ParagraphChange],
    mut changes: Vec<ChangeView>,
    anchors: &mut BTreeSet<String>,
    ui: &'static Messages,
) -> Vec<Entry> {
    // (position in `records` to insert before, the mark)
    let mut marks: Vec<(usize, MovedAway)> = Vec::new();
    for (before, i) in crate::render::places::moved_away(records) {
        let p = &records[i];
        let from = p.old_part.unwrap_or(p.part);
        let old_label = label_of(from, &p.old.refs(), None, ui);
        // The anchor stays the same in every language: `was-op-4`.
        let (prefix, _) = part_prefix(from, ui);
        let keys: Vec<String> = p.old.refs().iter().map(|r| key(from, r)).collect();
        let mark = MovedAway {
            part: from,
            anchor: unique(format!("was-{prefix}-{}", slug(&keys.join(" "))), anchors),
            old_label,
            to: nav_link(&changes[i]),
        };
        changes[i].moved_from = Some(NavLink {
            anchor: mark.anchor.clone(),
            label: mark.old_label.clone(),
            note: String::new(),
            routine: false,
            editorial: false,
        });
        marks.push((before, mark));
    }
    marks.sort_by_key(|(k, _)| *k);

    let mut body = Vec::with_capacity(changes.len() + marks.len());
    let mut marks = marks.into_iter().peekable();
    for (i, v) in changes.into_iter().enumerate() {
        while let Some((_, mark)) = marks.next_if(|(k, _)| *k == i) {
            body.push(Entry::MovedAway(mark));
        }
        body.push(Entry::Change(Box::new(v)));
    }
    body.extend(marks.map(|(_, m)| Entry::MovedAway(m)));

    let mut entries = Vec::with_capacity(body.len() + 2);
    let mut current: Option<Part> = None;
    for entry in body {
        let part = match &entry {
            Entry::Change(v) => Some(v.part),
            Entry::MovedAway(m) => Some(m.part),
            Entry::Part(_) => None,
        };
        if let Some(part) = part
            && current != Some(part)
        {
            current = Some(part);
            entries.push(Entry::Part(PartHeading {
                id: part.name(),
                title: match part {
                    Part::Preamble => ui.part_preamble,
                    Part::Operative => ui.part_operative,
                    Part::Annex => ui.part_annexes,
                },
            }));
        }
        entries.push(entry);
    }
    entries
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_lowercase_ascii_with_single_dashes() {
        assert_eq!(slug("7 bis"), "7-bis");
        assert_eq!(slug("iv"), "iv");
        assert_eq!(slug("<script>"), "script");
        assert_eq!(slug("—"), "x");
    }

    #[test]
    fn colliding_anchors_get_a_numeric_suffix() {
        let mut taken = BTreeSet::new();
        assert_eq!(unique("op-4".into(), &mut taken), "op-4");
        assert_eq!(unique("op-4".into(), &mut taken), "op-4-2");
        assert_eq!(unique("op-4".into(), &mut taken), "op-4-3");
    }

    #[test]
    fn percent_rounds_down_and_survives_nan() {
        let en = crate::render::messages::messages(crate::lang::Language::En);
        assert_eq!(percent(0.996, en), "99%");
        assert_eq!(percent(1.0, en), "100%");
        assert_eq!(percent(f64::NAN, en), "n/a");
        let fr = crate::render::messages::messages(crate::lang::Language::Fr);
        assert_eq!(percent(0.5, fr), "50 %");
    }
}
