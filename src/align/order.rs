//! Which pairs kept their relative order: the longest increasing
//! subsequence of new positions, taken in old order. Pairs outside it moved.

/// For `values` (new positions, listed in old order), whether each belongs
/// to one longest strictly increasing subsequence. O(n log n).
pub fn in_order(values: &[usize]) -> Vec<bool> {
    // tails[k]: index into `values` of the smallest tail of an increasing
    // run of length k + 1; prev links each element to its predecessor.
    let mut tails: Vec<usize> = Vec::new();
    let mut prev: Vec<Option<usize>> = vec![None; values.len()];
    for (i, &v) in values.iter().enumerate() {
        let k = tails.partition_point(|&t| values[t] < v);
        prev[i] = k.checked_sub(1).map(|k| tails[k]);
        if k == tails.len() {
            tails.push(i);
        } else {
            tails[k] = i;
        }
    }
    let mut keep = vec![false; values.len()];
    let mut at = tails.last().copied();
    while let Some(i) = at {
        keep[i] = true;
        at = prev[i];
    }
    keep
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorted_input_is_all_in_order() {
        assert_eq!(in_order(&[0, 1, 2, 5]), vec![true; 4]);
        assert!(in_order(&[]).is_empty());
    }

    #[test]
    fn one_paragraph_carried_forward_is_the_only_move() {
        // Old paragraph 4 moved to the front of the new version.
        assert_eq!(
            in_order(&[1, 2, 3, 4, 0]),
            vec![true, true, true, true, false]
        );
        // Old paragraph 0 moved to the end.
        assert_eq!(
            in_order(&[4, 0, 1, 2, 3]),
            vec![false, true, true, true, true]
        );
    }

    #[test]
    fn a_swap_moves_exactly_one_of_the_two() {
        let keep = in_order(&[0, 2, 1, 3]);
        assert_eq!(keep.iter().filter(|k| !**k).count(), 1);
        assert!(keep[0] && keep[3]);
    }
}
