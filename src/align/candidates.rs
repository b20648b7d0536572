//! The candidate filter: an inverted index from word-pair shingles to old
//! paragraphs, so each new paragraph is scored against a handful of likely
//! partners instead of every old paragraph. Shingles shared by too many old
//! paragraphs (boilerplate such as "the United Nations") are skipped as
//! uninformative.

use super::fingerprint::{Fingerprint, HashKeyed};

/// How many old paragraphs each new paragraph is scored against, at most,
/// from the index (positional neighbours come on top).
const TOP_K: usize = 8;

/// Positional neighbours always considered, either side of the old index at
/// the same relative position: catches short paragraphs without rare shingles.
const NEIGHBOURS: usize = 2;

/// The most old paragraphs a shingle may be shared by and still count.
const MAX_POSTINGS: usize = 128;

pub struct CandidateIndex {
    postings: HashKeyed<Vec<u32>>,
    /// Shingles in more old paragraphs than this are ignored.
    max_postings: usize,
    old_len: usize,
}

impl CandidateIndex {
    pub fn build(old: &[Fingerprint]) -> CandidateIndex {
        let mut postings: HashKeyed<Vec<u32>> = HashKeyed::default();
        for (i, fp) in old.iter().enumerate() {
            for &s in &fp.shingles {
                postings.entry(s).or_default().push(i as u32);
            }
        }
        CandidateIndex {
            postings,
            // At most a fixed number too, so a text made of shingles each
            // shared by a twentieth of its paragraphs costs linear time.
            max_postings: (old.len() / 20).clamp(16, MAX_POSTINGS),
            old_len: old.len(),
        }
    }

    /// Old paragraphs worth scoring against new paragraph `new_index` of
    /// `new_len`, sorted and distinct. `counts` is scratch space of the old
    /// length, all zero on entry and on exit.
    pub fn candidates(
        &self,
        fp: &Fingerprint,
        new_index: usize,
        new_len: usize,
        counts: &mut [u32],
    ) -> Vec<usize> {
        let mut touched: Vec<usize> = Vec::new();
        for s in &fp.shingles {
            let Some(list) = self.postings.get(s) else {
                continue;
            };
            if list.len() > self.max_postings {
                continue;
            }
            crate::work::step(list.len());
            for &o in list {
                let o = o as usize;
                if counts[o] == 0 {
                    touched.push(o);
                }
                counts[o] += 1;
            }
        }
        // The TOP_K sharing the most shingles, ties by index for
        // determinism: selected in linear time, not sorted.
        let order = |a: &usize, b: &usize| counts[*b].cmp(&counts[*a]).then(a.cmp(b));
        let mut best = touched.clone();
        if best.len() > TOP_K {
            best.select_nth_unstable_by(TOP_K - 1, order);
            best.truncate(TOP_K);
        }
        let mut out: Vec<usize> = best;
        for &o in &touched {
            counts[o] = 0;
        }
        if self.old_len > 0 {
            let centre = if new_len <= 1 {
                0
            } else {
                new_index * (self.old_len - 1) / (new_len - 1)
            };
            let lo = centre.saturating_sub(NEIGHBOURS);
            let hi = (centre + NEIGHBOURS).min(self.old_len - 1);
            out.extend(lo..=hi);
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_paragraph_sharing_rare_shingles_far_from_its_position() {
        let old: Vec<Fingerprint> = (0..100)
            .map(|i| Fingerprint::of(&format!("paragraph number {i} word{i} other{i}")))
            .collect();
        let index = CandidateIndex::build(&old);
        let mut counts = vec![0; old.len()];
        let probe = Fingerprint::of("paragraph number 70 word70 other70 more");
        let found = index.candidates(&probe, 0, 100, &mut counts);
        assert!(found.contains(&70), "{found:?}");
        assert!(found.contains(&0) && found.contains(&2));
        assert!(counts.iter().all(|&c| c == 0));
    }
}
