//! What the alignment knows of a paragraph: its words, normalised and hashed,
//! as a sorted set, and the word-pair shingles the candidate index uses. The
//! similarity score of two paragraphs lives here too, and the weights that
//! make a document's rare words count for more than its boilerplate.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Below this many word pairs, containment is not evidence: a short
/// paragraph is "contained" in too many long ones.
const MIN_CONTAINED_SHINGLES: usize = 4;

/// Containment counts a little less than a ratio match, so that when a
/// paragraph has both a close twin and a longer paragraph containing it,
/// the twin wins.
const CONTAINMENT_WEIGHT: f64 = 0.9;

/// The hashed words of one paragraph.
#[derive(Debug, Clone, Default)]
pub struct Fingerprint {
    /// Hashes of every word in order (for shingles).
    pub sequence: Vec<u64>,
    /// Whether each word of `sequence` opens with a capital: the words of
    /// names, which a text spells out by convention, not by drafting.
    pub capitalised: Vec<bool>,
    /// Distinct word hashes, sorted.
    pub words: Vec<u64>,
    /// Distinct word-pair hashes, sorted: what containment measures, since
    /// a paragraph truly inside another shares its phrases, not just words.
    pub shingles: Vec<u64>,
}

/// A map keyed by the hashes of this module: they are hashes already, so
/// the map only spreads their bits instead of hashing them again
/// (SipHash was a tenth of the alignment).
pub type HashKeyed<V> = HashMap<u64, V, BuildHasherDefault<Prehashed>>;

/// The [`Hasher`] of [`HashKeyed`]: takes one `u64` and spreads it.
#[derive(Default)]
pub struct Prehashed(u64);

impl Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0.wrapping_mul(0x9e37_79b9_7f4a_7c15).rotate_left(29)
    }

    fn write(&mut self, bytes: &[u8]) {
        // Only u64 keys come here; any other input still hashes, slowly.
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// FNV-1a: stable across runs and platforms, so candidate order is
/// deterministic, and fast on short words.
fn hash_word(word: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in word.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The hash of the word pair `a b` (two word hashes): a shingle.
pub fn shingle(a: u64, b: u64) -> u64 {
    a.rotate_left(17) ^ b.wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

impl Fingerprint {
    pub fn of(text: &str) -> Fingerprint {
        let mut sequence = Vec::new();
        let mut capitalised = Vec::new();
        let mut word = String::new();
        for raw in text.split(|c: char| !c.is_alphanumeric()) {
            if raw.is_empty() {
                continue;
            }
            crate::lexicon::normalize_word_into(raw, &mut word);
            sequence.push(hash_word(&word));
            capitalised.push(raw.chars().next().is_some_and(char::is_uppercase));
        }
        let mut words = sequence.clone();
        words.sort_unstable();
        words.dedup();
        let mut shingles: Vec<u64> = if sequence.len() < 2 {
            sequence.clone()
        } else {
            sequence.windows(2).map(|w| shingle(w[0], w[1])).collect()
        };
        shingles.sort_unstable();
        shingles.dedup();
        Fingerprint {
            sequence,
            capitalised,
            words,
            shingles,
        }
    }
}

/// Weight of each word: ln(paragraphs / paragraphs using it).
pub struct Weights(HashKeyed<f64>);

impl Weights {
    pub fn of(old: &[Fingerprint], new: &[Fingerprint]) -> Weights {
        let mut df: HashKeyed<u32> = HashKeyed::default();
        for fp in old.iter().chain(new) {
            for &w in &fp.words {
                *df.entry(w).or_default() += 1;
            }
        }
        let n = (old.len() + new.len()).max(1) as f64;
        Weights(
            df.into_iter()
                .map(|(w, d)| (w, (n / f64::from(d)).ln()))
                .collect(),
        )
    }

    pub fn sum(&self, words: impl Iterator<Item = u64>) -> f64 {
        words.map(|w| self.0.get(&w).copied().unwrap_or(0.0)).sum()
    }

    /// Weighted Dice ratio of two paragraphs' word sets.
    pub fn dice(&self, a: &Fingerprint, b: &Fingerprint) -> f64 {
        // One merge of the two sorted sets, each word looked up once; the
        // three sums still add in the order of their own words.
        let weight = |w: &u64| self.0.get(w).copied().unwrap_or(0.0);
        let (mut i, mut j) = (0, 0);
        let (mut sum_a, mut sum_b, mut shared) = (0.0, 0.0, 0.0);
        while i < a.words.len() || j < b.words.len() {
            match (a.words.get(i), b.words.get(j)) {
                (Some(x), Some(y)) if x == y => {
                    let w = weight(x);
                    sum_a += w;
                    sum_b += w;
                    shared += w;
                    i += 1;
                    j += 1;
                }
                (Some(x), Some(y)) if x < y => {
                    sum_a += weight(x);
                    i += 1;
                }
                (Some(x), None) => {
                    sum_a += weight(x);
                    i += 1;
                }
                (_, Some(y)) => {
                    sum_b += weight(y);
                    j += 1;
                }
                (None, None) => break,
            }
        }
        let total = sum_a + sum_b;
        if total <= 0.0 {
            return 0.0;
        }
        2.0 * shared / total
    }

    /// The weight of the words of `piece` that `whole` has and `sibling`
    /// lacks: what `piece` carries of `whole` beyond `sibling`.
    pub fn carried(&self, piece: &Fingerprint, whole: &Fingerprint, sibling: &Fingerprint) -> f64 {
        self.sum(piece.words.iter().copied().filter(|w| {
            whole.words.binary_search(w).is_ok() && sibling.words.binary_search(w).is_err()
        }))
    }

    /// The weight of the words of `fp` that `except` lacks (all of them
    /// for an empty `except`).
    pub fn outside(&self, fp: &Fingerprint, except: &Fingerprint) -> f64 {
        self.sum(
            fp.words
                .iter()
                .copied()
                .filter(|w| except.words.binary_search(w).is_err()),
        )
    }
}

/// Size of the intersection of two sorted, deduplicated slices.
pub fn intersection(a: &[u64], b: &[u64]) -> usize {
    // Without branches on the comparison: which side advances is
    // unpredictable, and this merge is the alignment's innermost loop.
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        let (x, y) = (a[i], b[j]);
        n += usize::from(x == y);
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    n
}

/// Dice ratio of the word sets, 0 to 1.
pub fn ratio(a: &Fingerprint, b: &Fingerprint) -> f64 {
    let total = a.words.len() + b.words.len();
    if total == 0 {
        return 1.0;
    }
    2.0 * intersection(&a.words, &b.words) as f64 / total as f64
}

/// Share of the smaller paragraph's word pairs found in the larger.
pub fn containment(a: &Fingerprint, b: &Fingerprint) -> f64 {
    let smaller = a.shingles.len().min(b.shingles.len());
    if smaller < MIN_CONTAINED_SHINGLES {
        return 0.0;
    }
    intersection(&a.shingles, &b.shingles) as f64 / smaller as f64
}

/// How likely `a` and `b` are the same paragraph: the better of the word
/// ratio and (weighted) containment, so a paragraph that grew by a long
/// clause still scores high against its old self.
pub fn score(a: &Fingerprint, b: &Fingerprint) -> f64 {
    ratio(a, b).max(CONTAINMENT_WEIGHT * containment(a, b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_texts_score_one_and_disjoint_zero() {
        let a = Fingerprint::of("Decides to remain seized of the matter.");
        assert_eq!(score(&a, &a), 1.0);
        let b = Fingerprint::of("Acting under Chapter VII of the Charter");
        assert!(score(&a, &b) < 0.3, "{}", score(&a, &b));
    }

    #[test]
    fn a_paragraph_grown_by_a_long_clause_still_scores_high() {
        let old = Fingerprint::of(
            "Encourages both organizations to continue to examine possible ways to further strengthen their interaction in the area of peacekeeping;",
        );
        let new = Fingerprint::of(
            "Encourages both organizations to continue to examine possible ways to further strengthen their interaction in the area of peacekeeping, including consultations between the Secretary-General of the United Nations and the heads of regional organizations and the exchange of information on counter-terrorism and drug trafficking;",
        );
        assert!(ratio(&old, &new) < 0.75);
        assert!(score(&old, &new) > 0.85);
    }

    #[test]
    fn spelling_variants_and_case_are_the_same_word() {
        let a = Fingerprint::of("Recognising the role");
        let b = Fingerprint::of("recognizing the role");
        assert_eq!(a.words, b.words);
    }
}
