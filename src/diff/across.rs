//! Paragraphs moved between the parts: what the alignment of each part
//! left over (removed from the preamble and added to the operative part,
//! or the reverse) aligned once more across the parts, on the text after
//! the lead, since a preambular participle and an operative verb never
//! match as words ("Expresses its willingness to consider …" →
//! "Reiterating its willingness to consider …").

use std::borrow::Cow;
use std::collections::BTreeMap;

use crate::align::{Link, align_texts};
use crate::model::{Paragraph, Part};

/// One part's paragraphs in the old and the new version.
pub type PartPair<'a> = (Part, Cow<'a, [Paragraph]>, Cow<'a, [Paragraph]>);

/// One paragraph moved between the parts.
#[derive(Debug, Clone, Copy)]
pub struct Across {
    /// Its part and index in the old version.
    pub old: (Part, usize),
    /// Its part and index in the new version.
    pub new: (Part, usize),
    pub score: f64,
    /// Paired on its frame with much of its wording rewritten.
    pub rewritten: bool,
}

/// Every paragraph moved between the parts, by its old and its new place.
#[derive(Debug, Default)]
pub struct Moves {
    by_old: BTreeMap<(Part, usize), Across>,
    by_new: BTreeMap<(Part, usize), Across>,
}

impl Moves {
    /// Whether old paragraph `index` of `part` moved to the other part.
    pub fn moved_out(&self, part: Part, index: usize) -> bool {
        self.by_old.contains_key(&(part, index))
    }

    /// The move that brought new paragraph `index` of `part`, if any.
    pub fn moved_in(&self, part: Part, index: usize) -> Option<Across> {
        self.by_new.get(&(part, index)).copied()
    }
}

/// The parts between which paragraphs move: a preambular paragraph may
/// become operative and back; annexes are documents of their own.
const BETWEEN: [(Part, Part); 2] = [
    (Part::Preamble, Part::Operative),
    (Part::Operative, Part::Preamble),
];

/// The text a paragraph says after its lead, sub-paragraphs included.
fn after_lead(p: &Paragraph) -> String {
    let text = p.full_text();
    match p.lead.as_deref() {
        Some(lead) => text.strip_prefix(lead).unwrap_or(&text).to_string(),
        None => text,
    }
}

/// The leftovers of each part's `links` (one list per part of `parts`)
/// paired across the parts.
pub fn pairs(parts: &[PartPair], links: &[Vec<Link>]) -> Moves {
    let leftovers = |part: Part, removed: bool| -> Vec<usize> {
        parts
            .iter()
            .zip(links)
            .filter(|((p, _, _), _)| *p == part)
            .flat_map(|(_, links)| links.iter())
            .filter_map(|link| match (link, removed) {
                (Link::Removed { old }, true) => Some(*old),
                (Link::Added { new }, false) => Some(*new),
                _ => None,
            })
            .collect()
    };
    let paragraphs = |part: Part, old: bool| -> &[Paragraph] {
        parts
            .iter()
            .find(|(p, _, _)| *p == part)
            .map_or(&[][..], |(_, o, n)| if old { &o[..] } else { &n[..] })
    };
    let mut moves = Moves::default();
    for (from, to) in BETWEEN {
        let (gone, came) = (leftovers(from, true), leftovers(to, false));
        if gone.is_empty() || came.is_empty() {
            continue;
        }
        let old_texts: Vec<String> = gone
            .iter()
            .map(|&i| after_lead(&paragraphs(from, true)[i]))
            .collect();
        let new_texts: Vec<String> = came
            .iter()
            .map(|&i| after_lead(&paragraphs(to, false)[i]))
            .collect();
        for link in align_texts(&old_texts, &new_texts) {
            if let Link::Paired {
                old,
                new,
                score,
                rewritten,
                ..
            } = link
            {
                let across = Across {
                    old: (from, gone[old]),
                    new: (to, came[new]),
                    score,
                    rewritten,
                };
                moves.by_old.insert(across.old, across);
                moves.by_new.insert(across.new, across);
            }
        }
    }
    moves
}
