//! Splits and merges: after one-to-one pairing, a leftover new paragraph
//! next to a pair whose old paragraph also contains the leftover's words is
//! the rest of a split; a leftover old paragraph next to a pair whose new
//! paragraph contains it was merged in (`group`). After the rewritten pairs,
//! leftovers anywhere in the part whose rarer words and phrases stand in a
//! paired paragraph beyond its partner join it too (`absorb`).

use super::candidates::CandidateIndex;
use super::fingerprint::{Fingerprint, Weights, intersection};
use super::{Evidence, Link};

/// Share of a leftover's word pairs that must be found in the paragraph it
/// was split from (or merged into).
const MIN_CONTAINED: f64 = 0.75;

/// Word pairs a leftover must have, and must contribute beyond its
/// neighbour, to count as part of a split or merge rather than a new
/// paragraph that happens to repeat a phrase.
const MIN_SHINGLES: usize = 3;
const MIN_CONTRIBUTED: usize = 2;

/// A pair, split or merge, before move detection.
#[derive(Debug, Clone)]
pub enum Unit {
    Pair(usize, usize),
    /// A pair found on its frame among the leftovers (`gaps`).
    Rewritten(usize, usize),
    Split(usize, Vec<usize>),
    Merge(Vec<usize>, usize),
}

impl Unit {
    pub fn old_anchor(&self) -> usize {
        match self {
            Unit::Pair(o, _) | Unit::Rewritten(o, _) | Unit::Split(o, _) => *o,
            Unit::Merge(os, _) => os.iter().copied().min().unwrap_or(0),
        }
    }

    /// The last old paragraph of the unit.
    pub fn old_last(&self) -> usize {
        match self {
            Unit::Merge(os, _) => os.iter().copied().max().unwrap_or(0),
            _ => self.old_anchor(),
        }
    }

    /// The last new paragraph of the unit.
    pub fn new_last(&self) -> usize {
        match self {
            Unit::Split(_, ns) => ns.iter().copied().max().unwrap_or(0),
            _ => self.new_anchor(),
        }
    }

    pub fn new_anchor(&self) -> usize {
        match self {
            Unit::Pair(_, n) | Unit::Rewritten(_, n) | Unit::Merge(_, n) => *n,
            Unit::Split(_, ns) => ns.iter().copied().min().unwrap_or(0),
        }
    }

    pub fn to_link(&self, moved: bool) -> Link {
        match self {
            // The evidence is weighed once every unit is known (`align`).
            Unit::Pair(o, n) => Link::Paired {
                old: *o,
                new: *n,
                evidence: Evidence::default(),
                moved,
                rewritten: false,
            },
            Unit::Rewritten(o, n) => Link::Paired {
                old: *o,
                new: *n,
                evidence: Evidence::default(),
                moved,
                rewritten: true,
            },
            Unit::Split(o, ns) => Link::Split {
                old: *o,
                new: ns.clone(),
                evidence: Evidence::default(),
                moved,
            },
            Unit::Merge(os, n) => Link::Merged {
                old: os.clone(),
                new: *n,
                evidence: Evidence::default(),
                moved,
            },
        }
    }
}

pub struct Grouped {
    pub units: Vec<Unit>,
}

/// Whether `piece` is part of `whole` and brings words of `whole` that
/// `sibling` (the already paired piece) lacks.
fn completes(piece: &Fingerprint, whole: &Fingerprint, sibling: &Fingerprint) -> bool {
    if piece.shingles.len() < MIN_SHINGLES {
        return false;
    }
    let shared: Vec<u64> = piece
        .shingles
        .iter()
        .copied()
        .filter(|w| whole.shingles.binary_search(w).is_ok())
        .collect();
    if (shared.len() as f64) < MIN_CONTAINED * piece.shingles.len() as f64 {
        return false;
    }
    let beyond_sibling = shared.len() - intersection(&shared, &sibling.shingles);
    beyond_sibling >= MIN_CONTRIBUTED
}

/// Group leftovers of the one-to-one `pairs` into splits and merges.
pub fn group(old: &[Fingerprint], new: &[Fingerprint], pairs: Vec<(usize, usize)>) -> Grouped {
    let mut pair_of_old: Vec<Option<usize>> = vec![None; old.len()];
    let mut pair_of_new: Vec<Option<usize>> = vec![None; new.len()];
    for &(o, n) in &pairs {
        pair_of_old[o] = Some(n);
        pair_of_new[n] = Some(o);
    }
    // Extra members: new paragraph -> the old one it was split from, and old
    // paragraph -> the new one it was merged into.
    let mut split_from: Vec<Option<usize>> = vec![None; new.len()];
    let mut merged_into: Vec<Option<usize>> = vec![None; old.len()];
    let mut has_split = vec![false; old.len()];
    let mut has_merge = vec![false; new.len()];

    // Repeat so groups of three or more grow one neighbour at a time.
    loop {
        let mut grew = false;
        for n in 0..new.len() {
            if pair_of_new[n].is_some() || split_from[n].is_some() {
                continue;
            }
            for m in [
                n.checked_sub(1),
                n.checked_add(1).filter(|&m| m < new.len()),
            ]
            .into_iter()
            .flatten()
            {
                // The neighbour's old paragraph, whether paired or already split.
                let Some(o) = pair_of_new[m].or(split_from[m]) else {
                    continue;
                };
                let Some(p) = pair_of_old[o] else { continue };
                if has_merge[p] {
                    continue;
                }
                if completes(&new[n], &old[o], &new[m]) {
                    split_from[n] = Some(o);
                    has_split[o] = true;
                    grew = true;
                    break;
                }
            }
        }
        for o in 0..old.len() {
            if pair_of_old[o].is_some() || merged_into[o].is_some() {
                continue;
            }
            for m in [
                o.checked_sub(1),
                o.checked_add(1).filter(|&m| m < old.len()),
            ]
            .into_iter()
            .flatten()
            {
                let Some(n) = pair_of_old[m].or(merged_into[m]) else {
                    continue;
                };
                let Some(q) = pair_of_new[n] else { continue };
                if has_split[q] {
                    continue;
                }
                if completes(&old[o], &new[n], &old[m]) {
                    merged_into[o] = Some(n);
                    has_merge[n] = true;
                    grew = true;
                    break;
                }
            }
        }
        if !grew {
            break;
        }
    }

    let mut units = Vec::new();
    for (o, n) in pairs {
        if has_split[o] {
            let mut members: Vec<usize> = (0..new.len())
                .filter(|&k| k == n || split_from[k] == Some(o))
                .collect();
            members.sort_unstable();
            units.push(Unit::Split(o, members));
        } else if has_merge[n] {
            let mut members: Vec<usize> = (0..old.len())
                .filter(|&k| k == o || merged_into[k] == Some(n))
                .collect();
            members.sort_unstable();
            units.push(Unit::Merge(members, n));
        } else {
            units.push(Unit::Pair(o, n));
        }
    }
    Grouped { units }
}

/// Share of a leftover's rare-word weight, and of its word pairs, that must
/// stand in the other paragraph and not in its partner, for the leftover to
/// be part of a merge (or split) wherever it stood: what the drafter moved
/// in, not the subject's common words.
const MIN_CARRIED_WEIGHT: f64 = 0.3;
const MIN_CARRIED_PHRASES: f64 = 0.25;
/// Or the share of what the other paragraph has beyond the partner, of its
/// rare-word weight and of its word pairs, that the leftover carries.
const MIN_CARRIED_REST: f64 = 0.5;
/// Word pairs it must bring at least.
const MIN_CARRIED_SHINGLES: usize = 4;

/// Word pairs of `piece` in `whole` and not in `sibling`.
fn phrases_beyond(piece: &Fingerprint, whole: &Fingerprint, sibling: &Fingerprint) -> usize {
    piece
        .shingles
        .iter()
        .filter(|s| {
            whole.shingles.binary_search(s).is_ok() && sibling.shingles.binary_search(s).is_err()
        })
        .count()
}

/// How much of `piece` stands in `whole` beyond `sibling`; `None` when too
/// little for it to be part of `whole`. Measured both ways: as a share of
/// the piece (an old paragraph taken whole into another), and as a share of
/// what `whole` has beyond `sibling` (the rest of a split paragraph, carried
/// on in an expanded continuation).
fn carried_share(
    piece: &Fingerprint,
    whole: &Fingerprint,
    sibling: &Fingerprint,
    weights: &Weights,
) -> Option<f64> {
    let phrases = phrases_beyond(piece, whole, sibling);
    if phrases < MIN_CARRIED_SHINGLES {
        return None;
    }
    let rest_phrases = whole
        .shingles
        .iter()
        .filter(|s| sibling.shingles.binary_search(s).is_err())
        .count();
    let ratio = |part: f64, of: f64| if of > 0.0 { part / of } else { 0.0 };
    let carried = weights.carried(piece, whole, sibling);
    let of_piece = ratio(carried, weights.outside(piece, &Fingerprint::default()));
    let of_rest = ratio(carried, weights.outside(whole, sibling));
    let piece_ok = of_piece >= MIN_CARRIED_WEIGHT
        && phrases as f64 >= MIN_CARRIED_PHRASES * piece.shingles.len() as f64;
    let rest_ok =
        of_rest >= MIN_CARRIED_REST && phrases as f64 >= MIN_CARRIED_REST * rest_phrases as f64;
    (piece_ok || rest_ok).then_some(of_piece.max(of_rest))
}

/// Leftovers that are part of a merge or split with a paragraph anywhere in
/// the part, not only next to it: an old paragraph whose words, beyond its
/// partner's, stand in a new one was merged into it ("two non-adjacent
/// paragraphs → one"); a new paragraph carrying an old one's words beyond
/// what its partner kept was split from it. `free` says which paragraphs
/// no unit covers yet.
pub fn absorb(
    units: &mut [Unit],
    old: &[Fingerprint],
    new: &[Fingerprint],
    weights: &Weights,
    old_free: &[bool],
    new_free: &[bool],
) {
    // The unit of each paired paragraph, for merges and splits to grow.
    let mut unit_of_new: Vec<Option<usize>> = vec![None; new.len()];
    let mut unit_of_old: Vec<Option<usize>> = vec![None; old.len()];
    for (u, unit) in units.iter().enumerate() {
        match unit {
            Unit::Pair(o, n) | Unit::Rewritten(o, n) => {
                unit_of_new[*n] = Some(u);
                unit_of_old[*o] = Some(u);
            }
            Unit::Merge(_, n) => unit_of_new[*n] = Some(u),
            Unit::Split(o, _) => unit_of_old[*o] = Some(u),
        }
    }
    // Old leftovers into the new paragraphs they went to; new leftovers
    // split from the old paragraphs they carry on.
    let merges = homes(
        old,
        old_free,
        new,
        &unit_of_new,
        weights,
        &|u| match &units[u] {
            Unit::Pair(p, _) | Unit::Rewritten(p, _) => Some(&old[*p]),
            Unit::Merge(..) | Unit::Split(..) => None,
        },
    );
    let splits = homes(
        new,
        new_free,
        old,
        &unit_of_old,
        weights,
        &|u| match &units[u] {
            Unit::Pair(_, m) | Unit::Rewritten(_, m) => Some(&new[*m]),
            Unit::Merge(..) | Unit::Split(..) => None,
        },
    );
    // A unit takes merges or splits, never both: a pair that gained old
    // paragraphs keeps them, and its splits are left as added.
    let merged: std::collections::BTreeSet<usize> = merges.iter().map(|&(_, u)| u).collect();
    for (o, u) in merges {
        units[u] = match &units[u] {
            Unit::Pair(p, n) | Unit::Rewritten(p, n) => Unit::Merge(sorted(vec![*p, o]), *n),
            Unit::Merge(os, n) => Unit::Merge(sorted(os.iter().copied().chain([o]).collect()), *n),
            split @ Unit::Split(..) => split.clone(),
        };
    }
    for (n, u) in splits.into_iter().filter(|(_, u)| !merged.contains(u)) {
        units[u] = match &units[u] {
            Unit::Pair(o, m) | Unit::Rewritten(o, m) => Unit::Split(*o, sorted(vec![*m, n])),
            Unit::Split(o, ns) => Unit::Split(*o, sorted(ns.iter().copied().chain([n]).collect())),
            merge @ Unit::Merge(..) => merge.clone(),
        };
    }
}

/// For each free paragraph of `pieces`, the unit (of a paragraph of
/// `wholes`) it belongs to, if one carries its words beyond the unit's own
/// paragraph on the pieces' side (`partner`): `(piece, unit)`.
fn homes<'a>(
    pieces: &[Fingerprint],
    free: &[bool],
    wholes: &[Fingerprint],
    unit_of_whole: &[Option<usize>],
    weights: &Weights,
    partner: &dyn Fn(usize) -> Option<&'a Fingerprint>,
) -> Vec<(usize, usize)> {
    let index = CandidateIndex::build(wholes);
    let mut counts = vec![0u32; wholes.len()];
    let mut out = Vec::new();
    for k in (0..pieces.len()).filter(|&k| free[k]) {
        let best = index
            .candidates(&pieces[k], k, pieces.len(), &mut counts)
            .into_iter()
            .filter_map(|w| {
                let u = unit_of_whole[w]?;
                carried_share(&pieces[k], &wholes[w], partner(u)?, weights).map(|s| (s, u))
            })
            .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)));
        if let Some((_, u)) = best {
            out.push((k, u));
        }
    }
    out
}

fn sorted(mut v: Vec<usize>) -> Vec<usize> {
    v.sort_unstable();
    v
}

/// Paragraphs still unpaired that share a passage of their own with
/// another (`carried`: `(old, new, triples)`, see
/// [`super::passages`]): two free ones are one paragraph rewritten, here or
/// moved; a free one joins the merge or split of the paragraph holding its
/// passage. The strongest passages first; a unit takes merges or splits,
/// never both. `old_free` and `new_free` are updated.
pub fn join_passages(
    units: &mut Vec<Unit>,
    old: &[Fingerprint],
    new: &[Fingerprint],
    carried: &[(usize, usize, usize)],
    old_free: &mut [bool],
    new_free: &mut [bool],
) {
    let mut by_strength: Vec<&(usize, usize, usize)> = carried.iter().collect();
    by_strength.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)).then(a.1.cmp(&b.1)));
    let mut unit_of_old: Vec<Option<usize>> = vec![None; old.len()];
    let mut unit_of_new: Vec<Option<usize>> = vec![None; new.len()];
    for (u, unit) in units.iter().enumerate() {
        let link = unit.to_link(false);
        link.old_indices()
            .into_iter()
            .for_each(|o| unit_of_old[o] = Some(u));
        link.new_indices()
            .into_iter()
            .for_each(|n| unit_of_new[n] = Some(u));
    }
    for &&(o, n, _) in &by_strength {
        match (old_free[o], new_free[n]) {
            (true, true) => {
                units.push(Unit::Rewritten(o, n));
                unit_of_old[o] = Some(units.len() - 1);
                unit_of_new[n] = Some(units.len() - 1);
            }
            (true, false) => {
                let Some(u) = unit_of_new[n] else { continue };
                units[u] = match &units[u] {
                    Unit::Pair(p, m) | Unit::Rewritten(p, m) => {
                        Unit::Merge(sorted(vec![*p, o]), *m)
                    }
                    Unit::Merge(os, m) => {
                        Unit::Merge(sorted(os.iter().copied().chain([o]).collect()), *m)
                    }
                    Unit::Split(..) => continue,
                };
                unit_of_old[o] = Some(u);
            }
            (false, true) => {
                let Some(u) = unit_of_old[o] else { continue };
                units[u] = match &units[u] {
                    Unit::Pair(p, m) | Unit::Rewritten(p, m) => {
                        Unit::Split(*p, sorted(vec![*m, n]))
                    }
                    Unit::Split(p, ns) => {
                        Unit::Split(*p, sorted(ns.iter().copied().chain([n]).collect()))
                    }
                    Unit::Merge(..) => continue,
                };
                unit_of_new[n] = Some(u);
            }
            (false, false) => continue,
        }
        old_free[o] = false;
        new_free[n] = false;
    }
}
