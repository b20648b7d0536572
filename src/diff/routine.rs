//! Routine updates: a session number or a year moved on by exactly the
//! interval between the two versions ("seventy-seventh" → "seventy-ninth"
//! two sessions later, "31 May 2018" → "31 May 2020" two years later).

use super::words::tokens;
use crate::ordinal::parse_ordinal;

/// The interval between two versions: sessions (General Assembly, where a
/// session is a year, so years move by the same gap) or years (Security
/// Council). `None` when either version is unknown.
pub fn interval(old: Option<u32>, new: Option<u32>) -> Option<i64> {
    Some(i64::from(new?) - i64::from(old?))
}

fn year(token: &str) -> Option<i64> {
    (token.len() == 4 && token.bytes().all(|b| b.is_ascii_digit()))
        .then(|| token.parse().ok())
        .flatten()
        .filter(|y| (1900..2200).contains(y))
}

fn shifted(old: &str, new: &str, gap: i64) -> bool {
    if let (Some(a), Some(b)) = (year(old), year(new)) {
        return b - a == gap;
    }
    if let (Some(a), Some(b)) = (parse_ordinal(old), parse_ordinal(new)) {
        return i64::from(b) - i64::from(a) == gap;
    }
    false
}

/// A date reference ("31 May 2018") with its year moved on by `gap`, as
/// printed; `None` when it is no real date or the day does not exist in
/// that year (29 February).
pub fn shift_date(date: &str, gap: Option<i64>) -> Option<String> {
    let day = crate::dates::parse_written(date)?;
    let years = i16::try_from(gap.filter(|&g| g != 0)?).ok()?;
    let moved = crate::dates::calendar_date(
        u32::try_from(day.year().checked_add(years)?).ok()?,
        u32::try_from(day.month()).ok()?,
        u32::try_from(day.day()).ok()?,
    )?;
    Some(crate::dates::written(moved))
}

/// Whether replacing `delete` by `insert` only moves years and session
/// ordinals on by `gap`. Pure insertions and deletions are never routine.
pub fn is_routine(delete: &str, insert: &str, gap: Option<i64>) -> bool {
    let Some(gap) = gap.filter(|&g| g != 0) else {
        return false;
    };
    let (old, new) = (tokens(delete), tokens(insert));
    // A number before "(year)" is a Security Council resolution, not a year.
    let numbers_a_resolution = |t: &[&str], i: usize| {
        t.get(i + 1).is_some_and(|s| s.trim().is_empty()) && t.get(i + 2) == Some(&"(")
    };
    old.len() == new.len()
        && old != new
        && old.iter().zip(&new).enumerate().all(|(i, (a, b))| {
            a == b
                || (shifted(a, b, gap)
                    && !numbers_a_resolution(&old, i)
                    && !numbers_a_resolution(&new, i))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_and_sessions_moved_by_the_interval_are_routine() {
        assert!(is_routine("2018", "2020", Some(2)));
        assert!(is_routine("seventy-seventh", "seventy-ninth", Some(2)));
        assert!(is_routine("2021 –2025", "2023 –2027", Some(2)));
    }

    #[test]
    fn other_changes_are_not() {
        assert!(!is_routine("2018", "2019", Some(2)));
        assert!(!is_routine("2018", "2020", None));
        assert!(!is_routine("2018", "2018", Some(0)));
        assert!(!is_routine("31 May 2018", "30 June 2020", Some(2)));
        assert!(!is_routine("", "2020", Some(2)));
        assert!(!is_routine("2327 (2016)", "2428 (2018)", Some(2)));
        assert!(!is_routine("2155 (2014)", "2157 (2016)", Some(2)));
    }

    #[test]
    fn dates_shift_by_their_year() {
        assert_eq!(
            shift_date("31 May 2018", Some(2)).as_deref(),
            Some("31 May 2020")
        );
        assert_eq!(shift_date("31 May 2018", None), None);
        assert_eq!(shift_date("2206 (2015)", Some(2)), None);
    }

    #[test]
    fn interval_needs_both_versions() {
        assert_eq!(interval(Some(2017), Some(2019)), Some(2));
        assert_eq!(interval(Some(77), Some(75)), Some(-2));
        assert_eq!(interval(None, Some(75)), None);
    }
}
