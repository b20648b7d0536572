//! Where a report shows the old place of a moved paragraph: before the
//! first record of the part it came from that stayed in place and stood
//! after it in the old version, else at the end of that part. The HTML,
//! Markdown and terminal views put a mark there; the Word redline puts the
//! old text there, as moved away, so rejecting every change restores the
//! old order.

use crate::comparison::ParagraphChange;
use crate::model::Part;

/// For each moved record of `records`, `(position, record)`: its old place
/// is just before `records[position]` (`records.len()` for the end),
/// sorted by position, then by record.
pub fn moved_away(records: &[ParagraphChange]) -> Vec<(usize, usize)> {
    let first_old_index = |p: &ParagraphChange| p.old.refs().iter().map(|r| r.index).min();
    // Per part, the records that stayed in it, in order, with the running
    // maximum of their first old index: the first of them that stood after
    // an old index is found by binary search, not by a scan per move.
    let mut stayed: Vec<(Part, Vec<(usize, usize)>)> = Vec::new();
    let mut end_of: Vec<(Part, usize)> = Vec::new();
    for (k, q) in records.iter().enumerate() {
        match end_of.iter_mut().find(|(part, _)| *part == q.part) {
            Some((_, end)) => *end = k + 1,
            None => end_of.push((q.part, k + 1)),
        }
        let Some(j) = first_old_index(q).filter(|_| q.old_part.is_none() && !q.moved) else {
            continue;
        };
        let at = match stayed.iter().position(|(part, _)| *part == q.part) {
            Some(at) => at,
            None => {
                stayed.push((q.part, Vec::new()));
                stayed.len() - 1
            }
        };
        let list = &mut stayed[at].1;
        let running = list.last().map_or(j, |&(_, m)| m.max(j));
        list.push((k, running));
    }
    let mut places = Vec::new();
    for (i, p) in records.iter().enumerate() {
        let Some(old_index) = first_old_index(p).filter(|_| p.moved) else {
            continue;
        };
        let from = p.old_part.unwrap_or(p.part);
        let stayed_after = stayed
            .iter()
            .find(|(part, _)| *part == from)
            .and_then(|(_, list)| {
                let at = list.partition_point(|&(_, max)| max <= old_index);
                list.get(at).map(|&(k, _)| k)
            });
        let end_of_part = end_of
            .iter()
            .find(|(part, _)| *part == from)
            .map(|&(_, e)| e);
        places.push((stayed_after.or(end_of_part).unwrap_or(records.len()), i));
    }
    places.sort_unstable();
    places
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The definition, one scan per moved record: what the binary search
    /// must agree with.
    fn by_scanning(records: &[ParagraphChange]) -> Vec<(usize, usize)> {
        let first_old_index = |p: &ParagraphChange| p.old.refs().iter().map(|r| r.index).min();
        let mut places = Vec::new();
        for (i, p) in records.iter().enumerate() {
            let Some(old_index) = first_old_index(p).filter(|_| p.moved) else {
                continue;
            };
            let from = p.old_part.unwrap_or(p.part);
            let stayed_after = records
                .iter()
                .enumerate()
                .filter(|(_, q)| q.part == from && q.old_part.is_none() && !q.moved)
                .find(|(_, q)| first_old_index(q).is_some_and(|j| j > old_index))
                .map(|(k, _)| k);
            let end_of_part = records.iter().rposition(|q| q.part == from).map(|k| k + 1);
            places.push((stayed_after.or(end_of_part).unwrap_or(records.len()), i));
        }
        places.sort_unstable();
        places
    }

    #[test]
    fn old_places_are_those_a_scan_finds_in_any_order_of_records() {
        let records = crate::render::fixture::csto().paragraphs;
        assert!(records.iter().any(|r| r.moved));
        let mut variants = vec![records.clone()];
        // Out-of-order old indices and many moves: the running maximum,
        // not the order of the records, must decide.
        let mut shuffled = records.clone();
        shuffled.reverse();
        variants.push(shuffled.clone());
        for (k, r) in shuffled.iter_mut().enumerate() {
            r.moved = k % 3 == 0;
        }
        variants.push(shuffled);
        for variant in &variants {
            assert_eq!(moved_away(variant), by_scanning(variant));
        }
        assert!(!moved_away(&variants[2]).is_empty());
    }
}
