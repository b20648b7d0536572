//! Where a report shows the old place of a moved paragraph: before the
//! first record of the part it came from that stayed in place and stood
//! after it in the old version, else at the end of that part. The HTML,
//! Markdown and terminal views put a mark there; the Word redline puts the
//! old text there, as moved away, so rejecting every change restores the
//! old order.

use crate::comparison::ParagraphChange;

/// For each moved record of `records`, `(position, record)`: its old place
/// is just before `records[position]` (`records.len()` for the end),
/// sorted by position, then by record.
pub fn moved_away(records: &[ParagraphChange]) -> Vec<(usize, usize)> {
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
