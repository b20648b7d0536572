//! Paragraph alignment: which paragraph of the old version became which of
//! the new, by content rather than by number.
//!
//! Steps: fingerprint every paragraph (`fingerprint`); find a few likely
//! partners for each new paragraph through an inverted index of word-pair
//! shingles (`candidates`); score those exactly (word ratio or
//! containment) and pair greedily, best score first, with a slight
//! preference for pairs at the same relative position; group leftovers
//! next to a pair into splits and merges (`groups`); pair what is left in
//! each gap between ordered pairs on its frame, as rewritten (`gaps`); pair
//! or group leftovers anywhere that share a passage no other paragraph has
//! (`passages`); let leftovers anywhere join the paragraph that carries
//! their rarer words (`groups::absorb`); and mark as moved the pairs
//! outside the longest run that kept its order (`order`).
//!
//! Cost, for n paragraphs of W words in all: O(W + n log n).
//! - Fingerprints and the candidate index: O(W).
//! - Candidates: each word pair of a new paragraph visits at most
//!   `MAX_POSTINGS` (128) old paragraphs (a pair shared by more is
//!   boilerplate and skipped); the best `TOP_K` (8) are selected in linear
//!   time, not sorted, and 5 positional neighbours added.
//! - Scoring: those 13 candidates at most, each a merge of two sorted sets.
//! - Pairing best first: a sort of at most 13 n edges.
//! - Gaps: at most 4,096 pairs in a gap, else a diagonal band 17 wide.
//! - Passages: one map of every word triple, O(W).
//! - Moves: a longest increasing run, O(n log n).
//!
//! `benches/scaling.rs` times the once-quadratic inputs at n and 4n, unit
//! tests count their steps (`crate::work`), and `scripts/bench-peers.sh`
//! prints the exponent from 2,000 to 20,000 paragraphs. Past 2,000
//! paragraphs the fingerprints and the scoring are shared between two
//! cores ([`crate::work::join`]), with the same result.

mod candidates;
mod evidence;
pub(crate) mod fingerprint;
mod gaps;
mod groups;
mod order;
mod passages;

use crate::model::Paragraph;
use candidates::CandidateIndex;
pub use evidence::Evidence;
use fingerprint::{Fingerprint, Weights};

/// Pairs scoring below this are not the same paragraph.
pub const PAIR_THRESHOLD: f64 = 0.5;

/// How much a pair's rank drops per unit of relative-position distance:
/// enough to choose between near-equal candidates (repeated boilerplate),
/// too little to override a clearly better match.
const POSITION_PENALTY: f64 = 0.1;

/// How one or more old paragraphs relate to one or more new ones. Indices
/// count from 0 within the aligned slices.
#[derive(Debug, Clone, PartialEq)]
pub enum Link {
    /// The same paragraph in both versions (possibly edited).
    Paired {
        /// Index of the old paragraph.
        old: usize,
        /// Index of the new paragraph.
        new: usize,
        /// What the pairing rests on.
        evidence: Evidence,
        /// Outside the longest run that kept its order.
        moved: bool,
        /// Paired on its frame (same place, same lead or rare words) with
        /// much of its wording rewritten, not on most of its words.
        rewritten: bool,
    },
    /// A new paragraph with no old counterpart.
    Added {
        /// Index of the new paragraph.
        new: usize,
    },
    /// An old paragraph with no new counterpart.
    Removed {
        /// Index of the old paragraph.
        old: usize,
    },
    /// One old paragraph became these new ones (in order; usually adjacent).
    Split {
        /// Index of the old paragraph.
        old: usize,
        /// Indices of the new paragraphs, in order.
        new: Vec<usize>,
        /// What its weakest piece's pairing rests on.
        evidence: Evidence,
        /// Outside the longest run that kept its order.
        moved: bool,
    },
    /// These old paragraphs (in order, not always adjacent) became one new one.
    Merged {
        /// Indices of the old paragraphs, in order.
        old: Vec<usize>,
        /// Index of the new paragraph.
        new: usize,
        /// What its weakest piece's pairing rests on.
        evidence: Evidence,
        /// Outside the longest run that kept its order.
        moved: bool,
    },
}

impl Link {
    /// The old paragraphs this link covers, in order; none for an added one.
    pub fn old_indices(&self) -> Vec<usize> {
        match self {
            Link::Paired { old, .. } | Link::Removed { old } | Link::Split { old, .. } => {
                vec![*old]
            }
            Link::Merged { old, .. } => old.clone(),
            Link::Added { .. } => Vec::new(),
        }
    }

    /// The new paragraphs this link covers, in order; none for a removed one.
    pub fn new_indices(&self) -> Vec<usize> {
        match self {
            Link::Paired { new, .. } | Link::Added { new } | Link::Merged { new, .. } => {
                vec![*new]
            }
            Link::Split { new, .. } => new.clone(),
            Link::Removed { .. } => Vec::new(),
        }
    }

    /// What the pairing rests on; `None` for an added or removed paragraph.
    pub fn evidence(&self) -> Option<&Evidence> {
        match self {
            Link::Paired { evidence, .. }
            | Link::Split { evidence, .. }
            | Link::Merged { evidence, .. } => Some(evidence),
            Link::Added { .. } | Link::Removed { .. } => None,
        }
    }

    /// How sure the pairing is, 0 to 1 ([`Evidence::confidence`]); `None`
    /// for an added or removed paragraph.
    pub fn confidence(&self) -> Option<f64> {
        self.evidence().map(|e| e.confidence(self.moved()))
    }

    /// Whether the link is marked as moved; never for an added or removed one.
    pub fn moved(&self) -> bool {
        match self {
            Link::Paired { moved, .. } | Link::Split { moved, .. } | Link::Merged { moved, .. } => {
                *moved
            }
            Link::Added { .. } | Link::Removed { .. } => false,
        }
    }
}

/// Align two paragraph lists (one part of a resolution, or the
/// sub-paragraphs of a paired parent) on their full text, sub-paragraphs
/// included, and their leads. The links come in reading order of the new
/// version, each removed paragraph right after the one that preceded it in
/// the old version.
pub fn align_paragraphs(
    old: &[Paragraph],
    new: &[Paragraph],
    lexicon: &crate::lexicon::Lexicon,
) -> Vec<Link> {
    let old_texts: Vec<String> = old.iter().map(Paragraph::full_text).collect();
    let new_texts: Vec<String> = new.iter().map(Paragraph::full_text).collect();
    let lead = |p: &Paragraph| p.lead.as_deref().map(|l| lead_key(l, lexicon));
    let old_leads: Vec<Option<String>> = old.iter().map(lead).collect();
    let new_leads: Vec<Option<String>> = new.iter().map(lead).collect();
    align(&old_texts, &new_texts, &|o, n| {
        old_leads[o].is_some() && old_leads[o] == new_leads[n]
    })
}

/// [`align_paragraphs`] on plain texts, without leads.
pub fn align_texts<S: AsRef<str> + Sync>(old: &[S], new: &[S]) -> Vec<Link> {
    align(old, new, &|_, _| false)
}

/// A lead without its continuation markers, normalised: "Recalling also"
/// and "Further recalling" open alike.
fn lead_key(lead: &str, lexicon: &crate::lexicon::Lexicon) -> String {
    let entry = [crate::model::Part::Preamble, crate::model::Part::Operative]
        .into_iter()
        .find_map(|part| lexicon.entry_for(lead, part));
    match entry {
        Some(e) => e.lead.to_lowercase(),
        None => lead
            .split_whitespace()
            .map(crate::lexicon::normalize_word)
            .collect::<Vec<_>>()
            .join(" "),
    }
}

/// From this many paragraphs on (both versions together), fingerprinting
/// and candidate scoring are shared between two cores; no real resolution
/// comes near it, so none pays for a thread.
pub(crate) const LARGE: usize = 2000;

fn align<S: AsRef<str> + Sync>(
    old: &[S],
    new: &[S],
    same_lead: &dyn Fn(usize, usize) -> bool,
) -> Vec<Link> {
    let fingerprints = |texts: &[S]| -> Vec<Fingerprint> {
        texts.iter().map(|t| Fingerprint::of(t.as_ref())).collect()
    };
    let large = old.len() + new.len() >= LARGE;
    let (old_fp, new_fp) = crate::work::join(large, || fingerprints(old), || fingerprints(new));
    let pairs = pair_one_to_one(&old_fp, &new_fp);
    let mut grouped = groups::group(&old_fp, &new_fp, pairs);
    // Rewritten pairs in the gaps between the paragraphs that kept order.
    let kept = moves(&grouped.units, old.len(), new.len());
    let mut anchors: Vec<(usize, usize)> = grouped
        .units
        .iter()
        .zip(&kept)
        .filter(|(_, moved)| !**moved)
        .map(|(u, _)| (u.old_last(), u.new_last()))
        .collect();
    anchors.sort_unstable();
    let (mut old_free, mut new_free) = (vec![true; old.len()], vec![true; new.len()]);
    for unit in &grouped.units {
        let link = unit.to_link(false);
        link.old_indices()
            .into_iter()
            .for_each(|o| old_free[o] = false);
        link.new_indices()
            .into_iter()
            .for_each(|n| new_free[n] = false);
    }
    let weights = Weights::of(&old_fp, &new_fp);
    for (o, n) in gaps::pair_rewritten(
        &old_fp, &new_fp, &anchors, &old_free, &new_free, same_lead, &weights,
    ) {
        old_free[o] = false;
        new_free[n] = false;
        grouped.units.push(groups::Unit::Rewritten(o, n));
    }
    let shared = passages::shared(&old_fp, &new_fp);
    groups::join_passages(
        &mut grouped.units,
        &old_fp,
        &new_fp,
        &passages::carried(&shared),
        &mut old_free,
        &mut new_free,
    );
    groups::absorb(
        &mut grouped.units,
        &old_fp,
        &new_fp,
        &weights,
        &old_free,
        &new_free,
    );
    let moved = moves(&grouped.units, old.len(), new.len());
    let mut links = links_in_reading_order(old.len(), new.len(), &grouped.units, &moved);
    let evidence = |o: usize, n: usize| Evidence {
        words: fingerprint::score(&old_fp[o], &new_fp[n]),
        rare_words: weights.dice(&old_fp[o], &new_fp[n]),
        passage: shared.get(&passages::key(o, n)).copied().unwrap_or(0),
        same_lead: same_lead(o, n),
    };
    for link in &mut links {
        let pieces: Vec<(usize, usize)> = match link {
            Link::Paired { old, new, .. } => vec![(*old, *new)],
            Link::Split { old, new, .. } => new.iter().map(|&n| (*old, n)).collect(),
            Link::Merged { old, new, .. } => old.iter().map(|&o| (o, *new)).collect(),
            Link::Added { .. } | Link::Removed { .. } => continue,
        };
        let moved = link.moved();
        let weakest = pieces
            .into_iter()
            .map(|(o, n)| evidence(o, n))
            .min_by(|a, b| a.confidence(moved).total_cmp(&b.confidence(moved)))
            .unwrap_or_default();
        match link {
            Link::Paired { evidence, .. }
            | Link::Split { evidence, .. }
            | Link::Merged { evidence, .. } => *evidence = weakest,
            Link::Added { .. } | Link::Removed { .. } => {}
        }
    }
    links
}

/// Each old paragraph paired with at most one new one: `(old, new)`.
fn pair_one_to_one(old: &[Fingerprint], new: &[Fingerprint]) -> Vec<(usize, usize)> {
    let index = CandidateIndex::build(old);
    // (same words, rank, old, new): identical texts pair first, so
    // the position preference never pulls one away from its twin.
    let edges_of = |range: std::ops::Range<usize>| {
        let mut counts = vec![0u32; old.len()];
        let mut edges: Vec<(bool, f64, usize, usize)> = Vec::new();
        for n in range {
            let fp = &new[n];
            for o in index.candidates(fp, n, new.len(), &mut counts) {
                let s = fingerprint::score(&old[o], fp);
                if s >= PAIR_THRESHOLD {
                    let distance = (relative(o, old.len()) - relative(n, new.len())).abs();
                    let same = old[o].sequence == fp.sequence;
                    edges.push((same, s - POSITION_PENALTY * distance, o, n));
                }
            }
        }
        edges
    };
    // Each half of the new paragraphs on its own core when large; the
    // edges come out in the same order either way.
    let half = new.len() / 2;
    let (mut edges, second) = crate::work::join(
        old.len() + new.len() >= LARGE,
        || edges_of(0..half),
        || edges_of(half..new.len()),
    );
    edges.extend(second);
    edges.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then(b.1.total_cmp(&a.1))
            .then(a.2.cmp(&b.2))
            .then(a.3.cmp(&b.3))
    });
    let mut old_used = vec![false; old.len()];
    let mut new_used = vec![false; new.len()];
    let mut pairs = Vec::new();
    for (_, _, o, n) in edges {
        if !old_used[o] && !new_used[n] {
            old_used[o] = true;
            new_used[n] = true;
            pairs.push((o, n));
        }
    }
    pairs.sort_unstable();
    pairs
}

/// Position as a fraction of the list, 0 to 1.
fn relative(i: usize, len: usize) -> f64 {
    if len <= 1 {
        0.0
    } else {
        i as f64 / (len - 1) as f64
    }
}

/// Whether each unit moved: units outside the longest run whose new
/// positions increase with the old ones.
/// Of several equally long runs, the one keeping the units whose relative
/// position shifted least, so a paragraph that jumped far is the move.
fn moves(units: &[groups::Unit], old_len: usize, new_len: usize) -> Vec<bool> {
    let mut by_old: Vec<usize> = (0..units.len()).collect();
    by_old.sort_by_key(|&u| units[u].old_anchor());
    let values: Vec<usize> = by_old.iter().map(|&u| units[u].new_anchor()).collect();
    // |o / old_len − n / new_len|, scaled by both lengths to stay exact.
    let shift: Vec<u64> = by_old
        .iter()
        .map(|&u| {
            let (o, n) = (units[u].old_anchor() as u64, units[u].new_anchor() as u64);
            (o * new_len as u64).abs_diff(n * old_len as u64)
        })
        .collect();
    let keep = order::in_order(&values, &shift);
    let mut moved = vec![false; units.len()];
    for (k, &u) in by_old.iter().enumerate() {
        moved[u] = !keep[k];
    }
    moved
}

fn links_in_reading_order(
    old_len: usize,
    new_len: usize,
    units: &[groups::Unit],
    moved: &[bool],
) -> Vec<Link> {
    let mut old_seen = vec![false; old_len];
    let mut new_seen = vec![false; new_len];
    // For each old paragraph on a link with a new side that kept its
    // order: the last new index of that link, where removed successors are
    // placed.
    let mut anchor_of_old: Vec<Option<usize>> = vec![None; old_len];
    let mut keyed: Vec<((i64, u8, usize), Link)> = Vec::new();
    for (unit, &moved) in units.iter().zip(moved) {
        let link = unit.to_link(moved);
        let last_new = link.new_indices().into_iter().max().unwrap_or(0);
        for o in link.old_indices() {
            old_seen[o] = true;
            // A removed paragraph stands after the old paragraph before it,
            // where that one still stands: not where a moved one went.
            if !moved {
                anchor_of_old[o] = Some(last_new);
            }
        }
        for n in link.new_indices() {
            new_seen[n] = true;
        }
        keyed.push(((unit.new_anchor() as i64, 0, 0), link));
    }
    for (n, seen) in new_seen.iter().enumerate() {
        if !seen {
            keyed.push(((n as i64, 0, 0), Link::Added { new: n }));
        }
    }
    // The anchor of the nearest old paragraph before, carried along in one
    // pass (searching back from each removed one is quadratic when most are).
    let mut anchor = -1;
    for (o, seen) in old_seen.iter().enumerate() {
        crate::work::step(1);
        if !seen {
            keyed.push(((anchor, 1, o), Link::Removed { old: o }));
        }
        if let Some(a) = anchor_of_old[o] {
            anchor = a as i64;
        }
    }
    keyed.sort_by_key(|(key, _)| *key);
    keyed.into_iter().map(|(_, link)| link).collect()
}

#[cfg(test)]
pub(crate) mod fixtures;
#[cfg(test)]
mod tests;
