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
