//! The comparison in figures: counts per status and part, words, leads,
//! references, routine records and the similarity of the whole texts.

use crate::comparison::{Direction, ParagraphChange, Summary, WordOpKind};

use super::records::{similarity, word_totals};
use super::words::count_words;

/// The figures of `records`: what the engine reports, and what the renderer
/// tests build their comparisons with.
pub fn summarise(records: &[ParagraphChange]) -> Summary {
    let mut summary = Summary::default();
    let (mut kept, mut old, mut new) = (0, 0, 0);
    for record in records {
        let counts = summary.part_mut(record.part);
        counts.add(record.status);
        counts.moved += usize::from(record.moved);
        counts.renumbered += usize::from(record.renumbered);
        counts.from_other_part += usize::from(record.old_part.is_some());
        summary.routine += usize::from(record.routine);
        let (k, o, n) = word_totals(record);
        kept += k;
        old += o;
        new += n;
        add_details(&mut summary, record);
    }
    summary.similarity = similarity(kept, old, new);
    summary
}

/// Words, leads and references of a record and its sub-paragraphs.
fn add_details(summary: &mut Summary, record: &ParagraphChange) {
    for op in &record.words {
        match op.op {
            // Neither leaves a word changed.
            _ if op.typography || op.editorial.is_some() => {}
            WordOpKind::Insert => summary.words_inserted += count_words(&op.text),
            WordOpKind::Delete => summary.words_deleted += count_words(&op.text),
            WordOpKind::Equal => {}
        }
    }
    if let Some(lead) = &record.lead_change {
        match lead.direction {
            Direction::Stronger => summary.leads_strengthened += 1,
            Direction::Weaker => summary.leads_weakened += 1,
            Direction::Neutral => summary.leads_changed_neutral += 1,
        }
    }
    summary.references_added += record.references.added.len();
    summary.references_removed += record.references.removed.len();
    for sub in &record.subparagraphs {
        add_details(summary, sub);
    }
}
