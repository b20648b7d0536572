//! Dates: the one date type ([`Date`], jiff's civil date) for the front
//! matter, flags and sidecars, read from the forms resolutions and their
//! collections print ("17 January 2017", `11.05.2021`, `2021-05-11`), and
//! the month names the diff matches in references.

use serde::{Deserialize, Deserializer, Serializer};

/// A calendar day, without time or zone. Displayed `2021-05-11`.
pub use jiff::civil::Date;

/// How one language writes a date inside a sentence: "1 November 2018",
/// "1er décembre 2004" (the profile's `[dates]`).
#[derive(Debug, Clone)]
pub struct DateForms {
    months: Vec<String>,
    first_day: Vec<String>,
}

impl DateForms {
    /// The forms of a profile's `[dates]`.
    pub fn of(data: &crate::lang::schema::DatesData) -> DateForms {
        DateForms {
            months: data.months.clone(),
            first_day: data.first_day.clone(),
        }
    }

    /// The month names, January first.
    pub fn months(&self) -> &[String] {
        &self.months
    }

    /// 1 for the first month's name … 12.
    pub fn month_number(&self, name: &str) -> Option<u32> {
        self.months
            .iter()
            .position(|m| m == name)
            .map(|i| i as u32 + 1)
    }

    /// The day of a day's word: "29", "1er" (and "1 er", as extraction
    /// splits a raised ending, is two words the caller joins).
    pub fn day_of(&self, word: &str) -> Option<u32> {
        if self.first_day.iter().any(|f| f == word) {
            return Some(1);
        }
        (1..=2)
            .contains(&word.len())
            .then(|| word.parse().ok())
            .flatten()
    }

    /// A whole text that is a date: "1 November 2018", "1er août 2003",
    /// "1 er juin 2004".
    pub fn parse(&self, text: &str) -> Option<Date> {
        let words: Vec<&str> = text.split_whitespace().collect();
        let (day, month, year) = match words[..] {
            [day, month, year] => (self.day_of(day)?, month, year),
            [one, raised, month, year] => {
                let joined = format!("{one}{raised}");
                (self.day_of(&joined).filter(|_| one == "1")?, month, year)
            }
            _ => return None,
        };
        if year.len() != 4 {
            return None;
        }
        calendar_date(year.parse().ok()?, self.month_number(month)?, day)
    }

    /// `date` as the language writes it: "1 November 2018", "1er août 2003".
    pub fn written(&self, date: Date) -> String {
        let month = &self.months[usize::try_from(date.month() - 1).unwrap_or(0)];
        let day = match (date.day(), self.first_day.first()) {
            (1, Some(first)) => first.clone(),
            (day, _) => day.to_string(),
        };
        format!("{day} {month} {}", date.year())
    }

    /// The first date written inside `text` ("22nd plenary meeting 29
    /// October 2025").
    pub fn find(&self, text: &str) -> Option<Date> {
        let words: Vec<&str> = text.split_whitespace().collect();
        words.windows(3).find_map(|w| {
            let year = w[2].trim_end_matches([',', '.', ';', ')']);
            self.parse(&format!("{} {} {}", w[0], w[1], year))
        })
    }
}

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

/// The day `year`-`month`-`day`, if it exists (Gregorian): years 1900 to
/// 2200, the span of the documents resdiff reads.
pub fn calendar_date(year: u32, month: u32, day: u32) -> Option<Date> {
    if !(1900..=2200).contains(&year) {
        return None;
    }
    Date::new(
        i16::try_from(year).ok()?,
        i8::try_from(month).ok()?,
        i8::try_from(day).ok()?,
    )
    .ok()
}

/// Three runs of digits of the given widths, separated by `separator`.
fn fixed_fields(text: &str, separator: char, widths: [usize; 3]) -> Option<[u32; 3]> {
    let parts: Vec<&str> = text.split(separator).collect();
    let [a, b, c] = parts[..] else {
        return None;
    };
    let mut out = [0; 3];
    for (slot, (part, width)) in out.iter_mut().zip([a, b, c].into_iter().zip(widths)) {
        if part.len() != width || !part.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        *slot = part.parse().ok()?;
    }
    Some(out)
}

/// `2021-05-11`, in exactly that form, and a real day.
pub fn parse_iso(text: &str) -> Option<Date> {
    let [year, month, day] = fixed_fields(text, '-', [4, 2, 2])?;
    calendar_date(year, month, day)
}

/// `1 November 2018`, as resolutions print dates.
pub fn parse_written(text: &str) -> Option<Date> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let [day, month, year] = words[..] else {
        return None;
    };
    calendar_date(year.parse().ok()?, month_number(month)?, day.parse().ok()?)
}

/// `date` as resolutions print it: "1 November 2018".
pub fn written(date: Date) -> String {
    let month = MONTHS[usize::try_from(date.month() - 1).unwrap_or(0)];
    format!("{} {month} {}", date.day(), date.year())
}

/// The first written date (`29 October 2025`) inside `text`.
pub fn find_written(text: &str) -> Option<Date> {
    let words: Vec<&str> = text.split_whitespace().collect();
    words.windows(3).find_map(|w| {
        let year = w[2].trim_end_matches([',', '.', ';', ')']);
        parse_written(&format!("{} {} {}", w[0], w[1], year))
    })
}

/// `11.05.2021`, as the CSTO's pages print a date (day first).
pub fn parse_dotted(text: &str) -> Option<Date> {
    let [day, month, year] = fixed_fields(text, '.', [2, 2, 4])?;
    calendar_date(year, month, day)
}

/// What a date given by a person must be, for messages.
pub const ISO_EXPECTED: &str = "a real calendar date in the form YYYY-MM-DD";

/// Serde for an optional date written `"2021-05-11"` (front matter, JSON),
/// refusing anything else with [`ISO_EXPECTED`].
pub mod optional_iso {
    use super::*;

    /// Writes the date as `"2021-05-11"`.
    pub fn serialize<S: Serializer>(date: &Option<Date>, out: S) -> Result<S::Ok, S::Error> {
        match date {
            Some(date) => out.collect_str(date),
            None => out.serialize_none(),
        }
    }

    /// Reads `"2021-05-11"`, a real day.
    pub fn deserialize<'de, D: Deserializer<'de>>(input: D) -> Result<Option<Date>, D::Error> {
        let text = String::deserialize(input)?;
        parse_iso(&text)
            .map(Some)
            .ok_or_else(|| serde::de::Error::custom(format!("\"{text}\" is not {ISO_EXPECTED}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(date: Option<Date>) -> Option<String> {
        date.map(|d| d.to_string())
    }

    #[test]
    fn iso_dates_are_real_days_in_one_form() {
        assert_eq!(iso(parse_iso("2021-05-11")).as_deref(), Some("2021-05-11"));
        assert!(parse_iso("2024-02-29").is_some());
        for bad in [
            "11.05.2021",
            "2021-13-01",
            "2021-5-11",
            "yesterday",
            "2021-02-31",
            "2020-13-45",
            "2021-05-11T10:00",
        ] {
            assert_eq!(parse_iso(bad), None, "{bad}");
        }
    }

    #[test]
    fn only_real_calendar_dates_are_dates() {
        assert_eq!(
            iso(parse_written("1 November 2018")).as_deref(),
            Some("2018-11-01")
        );
        assert_eq!(
            iso(parse_written("29 February 2024")).as_deref(),
            Some("2024-02-29")
        );
        assert_eq!(parse_written("29 February 2023"), None);
        assert_eq!(parse_written("31 April 2020"), None);
        assert_eq!(parse_written("45 Smarch 2020"), None);
        assert_eq!(
            iso(find_written("22nd plenary meeting 29 October 2025")).as_deref(),
            Some("2025-10-29")
        );
        assert_eq!(
            iso(parse_dotted("11.05.2021")).as_deref(),
            Some("2021-05-11")
        );
        assert_eq!(parse_dotted("31.02.2021"), None);
    }

    #[test]
    fn front_matter_dates_round_trip_and_refuse_impossible_days() {
        #[derive(serde::Serialize, serde::Deserialize)]
        struct Front {
            #[serde(
                default,
                with = "optional_iso",
                skip_serializing_if = "Option::is_none"
            )]
            date: Option<Date>,
        }
        let front: Front = toml::from_str("date = \"2021-05-11\"").unwrap();
        assert_eq!(toml::to_string(&front).unwrap(), "date = \"2021-05-11\"\n");
        let error = toml::from_str::<Front>("date = \"2021-02-31\"")
            .err()
            .unwrap();
        assert!(
            error.message().contains("is not a real calendar date"),
            "{error}"
        );
    }
}
