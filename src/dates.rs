//! Month names as resolutions print dates ("17 January 2017"), shared by the
//! importer (dates in page furniture, footnote lines) and the diff
//! (references to dated documents, routine date updates).

/// English month names, January first.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// 1 for "January" … 12 for "December".
pub fn month_number(name: &str) -> Option<u32> {
    MONTHS.iter().position(|m| *m == name).map(|i| i as u32 + 1)
}

/// Whether `day` exists in `month` of `year` (Gregorian).
pub fn is_calendar_date(year: u32, month: u32, day: u32) -> bool {
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

/// `1 November 2018` → `2018-11-01`, only for a real calendar date.
pub fn written_to_iso(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let [day, month, year] = words[..] else {
        return None;
    };
    let day: u32 = day.parse().ok()?;
    let month = month_number(month)?;
    let year: u32 = year.parse().ok()?;
    ((1900..=2200).contains(&year) && is_calendar_date(year, month, day))
        .then(|| format!("{year:04}-{month:02}-{day:02}"))
}

/// The first written date (`29 October 2025`) inside `text`, as ISO.
pub fn find_written_date(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    words.windows(3).find_map(|w| {
        let year = w[2].trim_end_matches([',', '.', ';', ')']);
        written_to_iso(&format!("{} {} {}", w[0], w[1], year))
    })
}

/// `2021-05-11`, a real day.
pub fn is_iso_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let [y, m, d] = parts[..] else {
        return false;
    };
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    digits(y, 4)
        && digits(m, 2)
        && digits(d, 2)
        && is_calendar_date(
            y.parse().unwrap_or(0),
            m.parse().unwrap_or(0),
            d.parse().unwrap_or(0),
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_are_real_days_in_one_form() {
        assert!(is_iso_date("2021-05-11"));
        assert!(is_iso_date("2024-02-29"));
        for bad in [
            "11.05.2021",
            "2021-13-01",
            "2021-5-11",
            "yesterday",
            "2021-02-31",
            "2020-13-45",
        ] {
            assert!(!is_iso_date(bad), "{bad}");
        }
    }

    #[test]
    fn only_real_calendar_dates_are_dates() {
        assert_eq!(
            written_to_iso("1 November 2018").as_deref(),
            Some("2018-11-01")
        );
        assert_eq!(
            written_to_iso("29 February 2024").as_deref(),
            Some("2024-02-29")
        );
        assert_eq!(written_to_iso("29 February 2023"), None);
        assert_eq!(written_to_iso("31 April 2020"), None);
        assert_eq!(written_to_iso("45 Smarch 2020"), None);
        assert_eq!(
            find_written_date("22nd plenary meeting 29 October 2025").as_deref(),
            Some("2025-10-29")
        );
    }
}
