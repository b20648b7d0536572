//! Rewritten paragraphs: after pairing by words and grouping splits and
//! merges, an old and a new paragraph still unpaired may be the same
//! paragraph rewritten. They are paired only on the evidence of their
//! frame as well as their words: they stand in the same gap (between the
//! same two paragraphs that kept their order), open with the same lead or
//! share the document's rarer words, and each is the other's best match
//! there. Such pairs are marked rewritten, for a reader to check.

use std::collections::BTreeSet;

use super::fingerprint::{Fingerprint, Weights, intersection, ratio};

/// The word ratio a rewritten pair must reach at least: below it, two
/// paragraphs on one subject share no more than the subject's vocabulary.
const MIN_RATIO: f64 = 0.3;

/// The share of rare-word weight they must have in common (each word
/// weighted by how few paragraphs of both versions use it).
const MIN_WEIGHTED: f64 = 0.2;

/// Without the same lead, the rarer words must carry more of the pair.
const MIN_WEIGHTED_WITHOUT_LEAD: f64 = 0.3;

/// Pairs considered per gap at most; a larger gap is searched along its
/// diagonal only, so the cost stays linear.
const MAX_GAP_PAIRS: usize = 4096;
const DIAGONAL: usize = 8;

/// How strongly `o` and `n` look like one paragraph rewritten: the share
/// of rare-word weight they have in common plus the share of their word
/// pairs (phrases kept, such as "requests the Secretary-General to keep
/// the Security Council regularly informed"); `None` when the evidence is
/// too weak.
fn evidence(o: &Fingerprint, n: &Fingerprint, same_lead: bool, weights: &Weights) -> Option<f64> {
    let words = ratio(o, n);
    let phrases = intersection(&o.shingles, &n.shingles);
    if words < MIN_RATIO || phrases == 0 {
        return None;
    }
    let weighted = weights.dice(o, n);
    let needed = if same_lead {
        MIN_WEIGHTED
    } else {
        MIN_WEIGHTED_WITHOUT_LEAD
    };
    let phrase_share = 2.0 * phrases as f64 / (o.shingles.len() + n.shingles.len()) as f64;
    (weighted >= needed).then_some(weighted + phrase_share)
}

/// Pairs `(old, new)` of rewritten paragraphs among the unpaired
/// ones. `anchors` are the pairs that kept their order, as
/// `(old, new)` sorted by both; `old_free` and `new_free` mark the
/// unpaired paragraphs; `same_lead(o, n)` says whether they open alike.
pub fn pair_rewritten(
    old: &[Fingerprint],
    new: &[Fingerprint],
    anchors: &[(usize, usize)],
    old_free: &[bool],
    new_free: &[bool],
    same_lead: &dyn Fn(usize, usize) -> bool,
    weights: &Weights,
) -> Vec<(usize, usize)> {
    let mut bounds: Vec<(usize, usize)> = vec![(0, 0)];
    bounds.extend(anchors.iter().map(|&(o, n)| (o + 1, n + 1)));
    let mut ends: Vec<(usize, usize)> = anchors.to_vec();
    ends.push((old.len(), new.len()));
    let mut out = Vec::new();
    for (&(o0, n0), &(o1, n1)) in bounds.iter().zip(&ends) {
        let olds: Vec<usize> = (o0..o1.max(o0)).filter(|&o| old_free[o]).collect();
        let news: Vec<usize> = (n0..n1.max(n0)).filter(|&n| new_free[n]).collect();
        if olds.is_empty() || news.is_empty() {
            continue;
        }
        let whole = olds.len() * news.len() <= MAX_GAP_PAIRS;
        let mut edges: Vec<(f64, usize, usize)> = Vec::new();
        for (i, &o) in olds.iter().enumerate() {
            let range = if whole {
                0..news.len()
            } else {
                let centre = i * news.len() / olds.len();
                centre.saturating_sub(DIAGONAL)..(centre + DIAGONAL + 1).min(news.len())
            };
            for &n in &news[range] {
                crate::work::step(1);
                if let Some(s) = evidence(&old[o], &new[n], same_lead(o, n), weights) {
                    edges.push((s, o, n));
                }
            }
        }
        // Best first; a pair is taken only when neither side has a better
        // partner left, so each is the other's best match.
        edges.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        let (mut old_taken, mut new_taken) = (BTreeSet::new(), BTreeSet::new());
        for (_, o, n) in edges {
            if old_taken.contains(&o) || new_taken.contains(&n) {
                continue;
            }
            old_taken.insert(o);
            new_taken.insert(n);
            out.push((o, n));
        }
    }
    out.sort_unstable();
    out
}
