//! Paragraphs moved between the parts: what the alignment of each part
//! left over (removed from the preamble and added to the operative part,
//! or the reverse) aligned once more across the parts, on the text after
//! the lead, since a preambular participle and an operative verb never
//! match as words ("Expresses its willingness to consider …" →
//! "Reiterating its willingness to consider …").

use std::borrow::Cow;
use std::collections::BTreeMap;

use crate::align::{Link, align_texts};
use crate::lexicon::Lexicon;
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
    /// What the pairing rests on, the words after the leads compared.
    pub evidence: crate::align::Evidence,
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

/// Whether two paragraphs of different parts open on the same kind of
/// act: their leads on one scale of the lexicon ("Demande" and "Demandant
/// à nouveau", both calls). A move between the parts paired on its frame
/// alone (a shared place and a few words, much rewritten) needs it: a
/// renewal's "Decides to extend the mandate … until 31 October 2021" and a
/// later text's "Recalling … its resolution 2655 (2022) which renewed the
/// mandate" share a frame, not an act; the decision was dropped and a
/// recall added.
fn same_kind_of_act(
    old: &Paragraph,
    from: Part,
    new: &Paragraph,
    to: Part,
    lexicon: &Lexicon,
) -> bool {
    let scale = |p: &Paragraph, part: Part| {
        lexicon
            .entry_of(p.lead.as_deref().unwrap_or(""), &p.text, part)
            .map(|e| e.scale.clone())
    };
    matches!((scale(old, from), scale(new, to)), (Some(a), Some(b)) if a == b)
}

/// The leftovers of each part's `links` (one list per part of `parts`)
/// paired across the parts.
pub fn pairs(parts: &[PartPair], links: &[Vec<Link>], lexicon: &Lexicon) -> Moves {
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
                evidence,
                rewritten,
                ..
            } = link
            {
                let (o, n) = (
                    &paragraphs(from, true)[gone[old]],
                    &paragraphs(to, false)[came[new]],
                );
                if rewritten && !same_kind_of_act(o, from, n, to, lexicon) {
                    continue;
                }
                let across = Across {
                    old: (from, gone[old]),
                    new: (to, came[new]),
                    evidence,
                    rewritten,
                };
                moves.by_old.insert(across.old, across);
                moves.by_new.insert(across.new, across);
            }
        }
    }
    moves
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Language;

    fn paragraph(lead: &str, text: &str) -> Paragraph {
        Paragraph {
            lead: Some(lead.to_string()),
            text: text.to_string(),
            ..Default::default()
        }
    }

    /// The Council's Colombia renewals (issue 21): a dropped decision and a
    /// new recall of a later resolution share a frame, not an act.
    #[test]
    fn a_decision_and_a_recall_are_different_acts() {
        let decided = paragraph(
            "Decides",
            "Decides to extend the mandate of the Verification Mission until 31 October 2021;",
        );
        let recalled = paragraph(
            "Recalling",
            "Recalling in particular its resolution 2655 (2022) which renewed the mandate of the \
             Verification Mission,",
        );
        let lexicon = Language::En.lexicon();
        assert!(!same_kind_of_act(
            &decided,
            Part::Operative,
            &recalled,
            Part::Preamble,
            lexicon
        ));
    }

    /// S/RES/1541 (2004) OP3 made PP4 of S/RES/1570 (2004), rewritten: a
    /// call stays a call, demoted to the preamble.
    #[test]
    fn a_call_demoted_to_the_preamble_is_the_same_act() {
        let called = paragraph(
            "Demande",
            "Demande à toutes les parties et aux États de la région de coopérer pleinement avec le \
             Secrétaire général et son Envoyé personnel ;",
        );
        let calling = paragraph(
            "Demandant à nouveau",
            "Demandant à nouveau aux parties et aux États de la région de continuer à coopérer \
             pleinement avec l’Organisation des Nations Unies pour mettre fin à l’impasse actuelle \
             et progresser vers une solution politique,",
        );
        let lexicon = Language::Fr.lexicon();
        assert!(same_kind_of_act(
            &called,
            Part::Operative,
            &calling,
            Part::Preamble,
            lexicon
        ));
    }
}
