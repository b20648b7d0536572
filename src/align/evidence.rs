//! What a pairing rests on, and how sure it is: the share of words two
//! paragraphs have in common, the share of their rarer words, a passage
//! only they share, the same lead, the same place. A reader sees which
//! pairings to check; the alignment itself decides on the same evidence.

use serde::{Deserialize, Serialize};

use super::passages::MIN_UNIQUE_TRIPLES;

/// The evidence for one pairing (for a split or merge, that of its
/// weakest member with the paragraph it shares).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Evidence {
    /// Share of their words in common, 0 to 1 (the ratio of the word sets,
    /// or how much of the shorter one the longer contains).
    pub words: f64,
    /// Share of the weight of their words in common, each word weighted by
    /// how few paragraphs of both versions use it, 0 to 1.
    pub rare_words: f64,
    /// Word triples they share that no other paragraph of either version
    /// has: a passage of n + 2 words gives n.
    pub passage: usize,
    /// They open with the same lead.
    pub same_lead: bool,
}

/// How much each kind of evidence says on its own, as the chance that a
/// pairing resting on it alone is right; pieces of evidence combine as
/// independent chances ("noisy or"). Words in common say most; the same
/// lead and the same place only confirm.
const RARE_WORDS_WEIGHT: f64 = 0.8;
const PASSAGE_WEIGHT: f64 = 0.8;
const SAME_LEAD: f64 = 0.25;
const SAME_PLACE: f64 = 0.25;

impl Evidence {
    /// How sure the pairing is, 0 to 1, to two decimals: 1 for the same
    /// words; lower the less the paragraphs share and the less their lead
    /// and place agree. `moved`: the pairing left the order of the others.
    pub fn confidence(&self, moved: bool) -> f64 {
        // A passage of twice the length that pairs on its own counts fully.
        let passage = (self.passage as f64 / (2 * MIN_UNIQUE_TRIPLES) as f64).min(1.0);
        let chances = [
            self.words.clamp(0.0, 1.0),
            RARE_WORDS_WEIGHT * self.rare_words.clamp(0.0, 1.0),
            PASSAGE_WEIGHT * passage,
            if self.same_lead { SAME_LEAD } else { 0.0 },
            if moved { 0.0 } else { SAME_PLACE },
        ];
        let doubt: f64 = chances.iter().map(|c| 1.0 - c).product();
        ((1.0 - doubt) * 100.0).round() / 100.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_words_are_certain_wherever_they_stand() {
        let same = Evidence {
            words: 1.0,
            rare_words: 1.0,
            passage: 0,
            same_lead: false,
        };
        assert_eq!(same.confidence(true), 1.0);
    }

    #[test]
    fn each_piece_of_evidence_adds_and_a_move_takes_away() {
        let frame = Evidence {
            words: 0.2,
            rare_words: 0.25,
            passage: 0,
            same_lead: true,
        };
        let in_place = frame.confidence(false);
        // A pairing on its frame alone is one to check.
        assert!(in_place < 0.7, "{in_place}");
        assert!(frame.confidence(true) < in_place);
        let with_passage = Evidence {
            passage: 12,
            ..frame
        };
        assert!(with_passage.confidence(false) > in_place);
        let without_lead = Evidence {
            same_lead: false,
            ..frame
        };
        assert!(without_lead.confidence(false) < in_place);
        let most_words = Evidence {
            words: 0.9,
            ..frame
        };
        assert!(most_words.confidence(false) > 0.95);
    }
}
