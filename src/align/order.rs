//! Which pairs kept their relative order: the longest increasing
//! subsequence of new positions, taken in old order. Pairs outside it moved.
//! Among several longest runs, the one whose members shifted least is kept,
//! so the paragraph that jumped far is the one reported as moved.

/// For `values` (distinct new positions, listed in old order), whether each
/// belongs to the chosen longest strictly increasing subsequence: of all
/// the longest, the one whose members have the smallest total `cost` (how
/// far each one's position shifted). O(n log n).
pub fn in_order(values: &[usize], cost: &[u64]) -> Vec<bool> {
    let n = values.len();
    // Rank of each value in new order, 0-based.
    let mut by_value: Vec<usize> = (0..n).collect();
    by_value.sort_by_key(|&i| values[i]);
    let mut rank = vec![0; n];
    for (r, &i) in by_value.iter().enumerate() {
        rank[i] = r;
    }
    // best[i]: (run length, minus total displacement) of the best run
    // ending at i; prev links each element to its predecessor.
    let mut tree = PrefixBest::new(n);
    let mut prev: Vec<Option<usize>> = vec![None; n];
    let mut end: Option<(Score, usize)> = None;
    for i in 0..n {
        let displacement = cost
            .get(i)
            .map_or(0, |&c| i64::try_from(c).unwrap_or(i64::MAX));
        let (score, before) = match tree.best_below(rank[i]) {
            Some((s, j)) => ((s.0 + 1, s.1.saturating_sub(displacement)), Some(j)),
            None => ((1, displacement.saturating_neg()), None),
        };
        prev[i] = before;
        tree.offer(rank[i], score, i);
        if end.is_none_or(|(e, _)| score > e) {
            end = Some((score, i));
        }
    }
    let mut keep = vec![false; n];
    let mut at = end.map(|(_, i)| i);
    while let Some(i) = at {
        keep[i] = true;
        at = prev[i];
    }
    keep
}

/// (run length, minus total displacement): greater is better.
type Score = (u32, i64);

/// A Fenwick tree over ranks answering "best run ending below this rank".
struct PrefixBest {
    nodes: Vec<Option<(Score, usize)>>,
}

impl PrefixBest {
    fn new(n: usize) -> PrefixBest {
        PrefixBest {
            nodes: vec![None; n + 1],
        }
    }

    /// The best run ending at a rank strictly below `rank`; on equal
    /// scores the earlier element (in old order) wins, for determinism.
    fn best_below(&self, rank: usize) -> Option<(Score, usize)> {
        let mut best: Option<(Score, usize)> = None;
        let mut k = rank;
        while k > 0 {
            if let Some(candidate) = self.nodes[k] {
                best = Some(better(best, candidate));
            }
            k &= k - 1;
        }
        best
    }

    fn offer(&mut self, rank: usize, score: Score, index: usize) {
        let mut k = rank + 1;
        while k < self.nodes.len() {
            self.nodes[k] = Some(better(self.nodes[k], (score, index)));
            k += k & k.wrapping_neg();
        }
    }
}

fn better(current: Option<(Score, usize)>, candidate: (Score, usize)) -> (Score, usize) {
    match current {
        Some(c) if c.0 > candidate.0 || (c.0 == candidate.0 && c.1 <= candidate.1) => c,
        _ => candidate,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(values: &[usize]) -> Vec<bool> {
        in_order(values, &vec![0; values.len()])
    }

    #[test]
    fn sorted_input_is_all_in_order() {
        assert_eq!(plain(&[0, 1, 2, 5]), vec![true; 4]);
        assert!(plain(&[]).is_empty());
    }

    #[test]
    fn one_paragraph_carried_forward_is_the_only_move() {
        // Old paragraph 4 moved to the front of the new version.
        assert_eq!(plain(&[1, 2, 3, 4, 0]), vec![true, true, true, true, false]);
        // Old paragraph 0 moved to the end.
        assert_eq!(plain(&[4, 0, 1, 2, 3]), vec![false, true, true, true, true]);
    }

    #[test]
    fn a_swap_moves_exactly_one_of_the_two() {
        let keep = plain(&[0, 2, 1, 3]);
        assert_eq!(keep.iter().filter(|k| !**k).count(), 1);
        assert!(keep[0] && keep[3]);
    }

    #[test]
    fn of_two_longest_runs_the_one_leaving_out_the_far_jump_wins() {
        // A swap where the first paragraph barely shifted and the second
        // jumped far (S/2018/257 PP11 and PP15): the jumper moved, whichever
        // of the two comes first.
        assert_eq!(
            in_order(&[0, 2, 1, 3], &[0, 1, 9, 0]),
            vec![true, true, false, true]
        );
        assert_eq!(
            in_order(&[0, 2, 1, 3], &[0, 9, 1, 0]),
            vec![true, false, true, true]
        );
        // Length still comes first: a cheaper but shorter run loses.
        assert_eq!(
            in_order(&[3, 0, 1, 2], &[0, 5, 5, 5]),
            vec![false, true, true, true]
        );
    }
}
