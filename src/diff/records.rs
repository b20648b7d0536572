//! One [`ParagraphChange`] per alignment link: the word redline, the lead
//! change, references, routine marking, and sub-paragraphs aligned inside a
//! paired parent.

use crate::align::{Link, align_paragraphs};
use crate::comparison::{
    ChangeStatus, Direction, LeadChange, ParagraphChange, ParagraphRef, References, RoutineRule,
    Side, WordOp, WordOpKind,
};
use crate::lexicon::{Lexicon, normalize_word, normalized_words};
use crate::model::{Paragraph, Part};

use super::words::{Edit, count_words, word_ops};
use super::{editorial, references, routine};

/// Joins the texts of the several paragraphs on the many side of a split
/// or merge, so the redline still rebuilds each side exactly.
pub const PARAGRAPH_BREAK: &str = "\n";

pub struct Builder {
    /// What the routine rules know of the two versions.
    pub versions: routine::Versions,
    /// The lead lexicon of the versions' language.
    pub lexicon: &'static Lexicon,
}

fn side(indices: &[usize], paragraphs: &[Paragraph], many: bool) -> Side {
    let refs: Vec<ParagraphRef> = indices
        .iter()
        .filter_map(|&i| paragraphs.get(i).map(|p| ParagraphRef::of(i, p)))
        .collect();
    match (many, refs.len()) {
        (_, 0) => Side::None,
        (false, 1) => Side::One(refs.into_iter().next().unwrap_or_else(|| unreachable!())),
        _ => Side::Many(refs),
    }
}

/// The paragraphs at `indices`, text joined by paragraph breaks and
/// sub-paragraphs concatenated.
fn joined(indices: &[usize], paragraphs: &[Paragraph]) -> (String, Vec<Paragraph>) {
    let chosen: Vec<&Paragraph> = indices.iter().filter_map(|&i| paragraphs.get(i)).collect();
    let text = chosen
        .iter()
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join(PARAGRAPH_BREAK);
    let subs = chosen
        .iter()
        .flat_map(|p| p.subparagraphs.iter().cloned())
        .collect();
    (text, subs)
}

/// Rounded to 4 decimals, so the JSON is stable across platforms.
pub fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// Word tokens kept, in the old text, and in the new text, over a record
/// and its sub-paragraphs.
pub fn word_totals(record: &ParagraphChange) -> (usize, usize, usize) {
    let (mut kept, mut old, mut new) = (0, 0, 0);
    for op in &record.words {
        let n = count_words(&op.text);
        match (op.op, op.typography) {
            // The words of a typographic difference are kept, once: on
            // their insert side.
            (WordOpKind::Delete, true) => {}
            (WordOpKind::Equal, _) | (WordOpKind::Insert, true) => {
                kept += n;
                old += n;
                new += n;
            }
            (WordOpKind::Delete, false) => old += n,
            (WordOpKind::Insert, false) => new += n,
        }
    }
    for sub in &record.subparagraphs {
        let (k, o, n) = word_totals(sub);
        kept += k;
        old += o;
        new += n;
    }
    (kept, old, new)
}

/// Dice ratio of kept words: 1 when nothing changed, 0 when nothing kept.
pub fn similarity(kept: usize, old: usize, new: usize) -> f64 {
    if old + new == 0 {
        1.0
    } else {
        round4(2.0 * kept as f64 / (old + new) as f64)
    }
}

impl Builder {
    /// The record for one link between `olds` and `news` (one part, or the
    /// sub-paragraphs of one parent).
    pub fn record(
        &self,
        part: Part,
        link: &Link,
        olds: &[Paragraph],
        news: &[Paragraph],
    ) -> ParagraphChange {
        self.record_across(part, part, link, olds, news)
    }

    /// [`Builder::record`] for a link from the paragraphs of `old_part`
    /// to those of `part`, which may differ: a paragraph moved between the
    /// preamble and the operative part.
    pub fn record_across(
        &self,
        old_part: Part,
        part: Part,
        link: &Link,
        olds: &[Paragraph],
        news: &[Paragraph],
    ) -> ParagraphChange {
        let (old_idx, new_idx) = (link.old_indices(), link.new_indices());
        let (status_if_paired, many_old, many_new) = match link {
            Link::Added { .. } => (ChangeStatus::Added, false, false),
            Link::Removed { .. } => (ChangeStatus::Removed, false, false),
            Link::Paired { .. } => (ChangeStatus::Modified, false, false),
            Link::Split { .. } => (ChangeStatus::Split, false, true),
            Link::Merged { .. } => (ChangeStatus::Merged, true, false),
        };
        let (old_text, old_subs) = joined(&old_idx, olds);
        let (new_text, new_subs) = joined(&new_idx, news);
        let first_old = old_idx.first().and_then(|&i| olds.get(i));
        let first_new = new_idx.first().and_then(|&i| news.get(i));

        let gap = self.versions.gap;
        let mut words = redline(&old_text, &new_text, &|edit| {
            routine::classify(edit, &self.versions)
        });
        routine::repunctuated_lists(&mut words, self.versions.language);
        editorial::mark(&mut words);
        let subparagraphs = self.subrecords(part, &old_subs, &new_subs);
        let (added, removed) =
            references::difference(&old_text, &new_text, gap, self.versions.language);

        // A difference of typography alone is no change of wording.
        let worded = |w: &&WordOp| w.op != WordOpKind::Equal && !w.typography;
        let text_changed = words.iter().any(|w| worded(&w));
        let subs_changed = subparagraphs
            .iter()
            .any(|s| s.status != ChangeStatus::Unchanged || s.moved);
        // Editorial changes alone leave the words as they were.
        let reworded = |w: &&WordOp| worded(w) && w.editorial.is_none();
        let text_reworded = words.iter().any(|w| reworded(&w));
        let subs_reworded = subparagraphs.iter().any(|s| {
            !matches!(s.status, ChangeStatus::Unchanged | ChangeStatus::Editorial) || s.moved
        });
        let status = match status_if_paired {
            ChangeStatus::Modified if !text_changed && !subs_changed => ChangeStatus::Unchanged,
            ChangeStatus::Modified if !text_reworded && !subs_reworded => ChangeStatus::Editorial,
            other => other,
        };
        let changes_routine = words.iter().filter(reworded).all(|w| w.routine);
        let subs_routine = subparagraphs.iter().all(|s| {
            s.routine
                || (matches!(s.status, ChangeStatus::Unchanged | ChangeStatus::Editorial)
                    && !s.moved)
        });
        let routine = status == ChangeStatus::Modified && changes_routine && subs_routine;

        let lead_change = match (first_old, first_new) {
            (Some(o), Some(n)) if old_part != part => lead_across(o, n, old_part, part),
            (Some(o), Some(n)) => lead_change(o, n, part, self.lexicon),
            _ => None,
        };
        // A paragraph moved between the parts is told as such, not as a
        // new number (the preamble has none).
        let renumbered = old_part == part
            && matches!((first_old, first_new), (Some(o), Some(n)) if o.number != n.number);
        let mut record = ParagraphChange {
            part,
            old_part: (old_part != part).then_some(old_part),
            status,
            moved: link.moved(),
            renumbered,
            rewritten: matches!(
                link,
                Link::Paired {
                    rewritten: true,
                    ..
                }
            ),
            old: side(&old_idx, olds, many_old),
            new: side(&new_idx, news, many_new),
            similarity: 0.0,
            pairing: pairing(link),
            lead_change,
            words,
            references: References { added, removed },
            routine,
            subparagraphs,
        };
        let (kept, old_words, new_words) = word_totals(&record);
        record.similarity = match status {
            ChangeStatus::Added | ChangeStatus::Removed => 0.0,
            ChangeStatus::Unchanged => 1.0,
            _ => similarity(kept, old_words, new_words),
        };
        record
    }

    /// Sub-paragraphs aligned the same way as paragraphs, inside one parent.
    fn subrecords(
        &self,
        part: Part,
        olds: &[Paragraph],
        news: &[Paragraph],
    ) -> Vec<ParagraphChange> {
        if olds.is_empty() && news.is_empty() {
            return Vec::new();
        }
        align_paragraphs(olds, news, self.lexicon)
            .iter()
            .map(|link| self.record(part, link, olds, news))
            .collect()
    }
}

/// What the alignment says of a link's pairing, for the record.
fn pairing(link: &Link) -> Option<crate::comparison::Pairing> {
    let evidence = link.evidence()?;
    let two_decimals = |x: f64| (x * 100.0).round() / 100.0;
    Some(crate::comparison::Pairing {
        confidence: link.confidence()?,
        words: two_decimals(evidence.words),
        rare_words: two_decimals(evidence.rare_words),
        unique_phrases: evidence.passage,
        same_lead: evidence.same_lead,
        same_place: !link.moved(),
    })
}

/// The redline of a record: a word diff when both sides have text, else the
/// one side whole.
pub(super) fn redline(
    old: &str,
    new: &str,
    routine: &dyn Fn(&Edit) -> Option<RoutineRule>,
) -> Vec<WordOp> {
    let whole = |op, text: &str| {
        if text.is_empty() {
            Vec::new()
        } else {
            vec![WordOp::plain(op, text)]
        }
    };
    match (old.is_empty(), new.is_empty()) {
        (true, _) => whole(WordOpKind::Insert, new),
        (_, true) => whole(WordOpKind::Delete, old),
        _ => word_ops(old, new, routine),
    }
}

/// The lead of a paragraph moved between the parts: a preambular
/// participle and an operative verb are compared by the force of their
/// parts ("Expresses its willingness" → "Reiterating its willingness" is a
/// demotion).
fn lead_across(old: &Paragraph, new: &Paragraph, from: Part, to: Part) -> Option<LeadChange> {
    let (o, n) = (old.lead.as_deref()?, new.lead.as_deref()?);
    Some(LeadChange {
        old: o.to_string(),
        new: n.to_string(),
        direction: Lexicon::direction_between_parts(from, to),
    })
}

fn lead_change(old: &Paragraph, new: &Paragraph, part: Part, lex: &Lexicon) -> Option<LeadChange> {
    let (o, n) = (old.lead.as_deref()?, new.lead.as_deref()?);
    // Each lead as its paragraph opens with it: where the italics show only
    // the head ("Lance" of "Lance un appel"), the text has it all.
    let (old_entry, new_entry) = (
        lex.entry_of(o, &old.text, part),
        lex.entry_of(n, &new.text, part),
    );
    let same = match (old_entry, new_entry) {
        (Some(a), Some(b)) => a.lead == b.lead,
        _ => lex.same_lead(o, n, part),
    };
    if same || without_its(o) == without_its(n) {
        return None;
    }
    let direction = match (old_entry, new_entry) {
        _ if opening_kept_inside(old, new) => Direction::Neutral,
        (Some(a), Some(b)) => Lexicon::direction_between(a, b),
        _ => Direction::Neutral,
    };
    Some(LeadChange {
        old: o.to_string(),
        new: n.to_string(),
        direction,
    })
}

/// A lead's words without "its": "Expresses its concern" is "Expresses
/// concern" (S/2018/257 OP22 → S/2019/266 OP16).
fn without_its(lead: &str) -> Vec<String> {
    lead.split_whitespace()
        .map(normalize_word)
        .filter(|w| w != "its")
        .collect()
}

/// Words after the lead that, with it, identify the old paragraph's act.
const OPENING_WORDS_AFTER_LEAD: usize = 3;

/// Whether the old paragraph's opening (its lead and the next few words)
/// still stands as a later clause of the new paragraph: the old act was kept
/// and another paragraph's act put in front of it ("Welcomes the strong
/// relationship …" became "Requests UNSOM to …, welcomes the strong
/// relationship …", S/2018/257 OP9 → S/2019/266 OP3). The opening changed
/// but nothing was strengthened or weakened.
fn opening_kept_inside(old: &Paragraph, new: &Paragraph) -> bool {
    let words = normalized_words;
    let lead_len = old.lead.as_deref().map_or(0, |l| words(l).len());
    let old_words = words(&old.text);
    let opening = &old_words[..old_words.len().min(lead_len + OPENING_WORDS_AFTER_LEAD)];
    let new_words = words(&new.text);
    opening.len() > lead_len
        && new_words.len() > opening.len()
        && new_words[1..].windows(opening.len()).any(|w| w == opening)
}
