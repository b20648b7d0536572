//! English ordinal words as resolutions print session numbers
//! ("seventy-seventh session"), both ways. Used to recognise and make
//! routine session updates.

const UNIT_ORDINALS: [&str; 20] = [
    "zeroth",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
];
const TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];
const TENS_ORDINALS: [&str; 10] = [
    "",
    "",
    "twentieth",
    "thirtieth",
    "fortieth",
    "fiftieth",
    "sixtieth",
    "seventieth",
    "eightieth",
    "ninetieth",
];

/// "seventy-seventh" for 77, for 1 to 199 ("one hundred and first").
pub fn ordinal_words(n: u32) -> Option<String> {
    match n {
        0 => None,
        1..=19 => Some(UNIT_ORDINALS[n as usize].to_string()),
        20..=99 => {
            let (tens, units) = ((n / 10) as usize, (n % 10) as usize);
            Some(if units == 0 {
                TENS_ORDINALS[tens].to_string()
            } else {
                format!("{}-{}", TENS[tens], UNIT_ORDINALS[units])
            })
        }
        100 => Some("one hundredth".to_string()),
        101..=199 => Some(format!("one hundred and {}", ordinal_words(n - 100)?)),
        _ => None,
    }
}

/// 77 for "seventy-seventh" (case-insensitive; "seventy seventh" too).
pub fn parse_ordinal(words: &str) -> Option<u32> {
    let w = words.trim().to_lowercase().replace(' ', "-");
    if let Some(rest) = w.strip_prefix("one-hundred-and-") {
        return parse_ordinal(rest).filter(|&n| n < 100).map(|n| n + 100);
    }
    if w == "one-hundredth" {
        return Some(100);
    }
    if let Some(i) = UNIT_ORDINALS.iter().position(|&o| o == w) {
        return (i > 0).then_some(i as u32);
    }
    if let Some(i) = TENS_ORDINALS.iter().position(|&o| !o.is_empty() && o == w) {
        return Some(i as u32 * 10);
    }
    let (tens, unit) = w.split_once('-')?;
    let t = TENS.iter().position(|&x| !x.is_empty() && x == tens)?;
    let u = UNIT_ORDINALS.iter().position(|&x| x == unit)?;
    (u > 0 && u < 10).then_some(t as u32 * 10 + u as u32)
}

/// Byte ranges and values of every ordinal written in words in `text`
/// ("sixty-fourth" at 10..22 → 64), whole words only.
pub fn find_ordinals(text: &str) -> Vec<(std::ops::Range<usize>, u32)> {
    let mut found = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        let in_word = c.is_alphabetic() || c == '-';
        match (start, in_word) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                let word = text[s..i].trim_matches('-');
                let lead = text[s..i].len() - text[s..i].trim_start_matches('-').len();
                if let Some(n) = parse_ordinal(word) {
                    found.push((s + lead..s + lead + word.len(), n));
                }
                start = None;
            }
            _ => {}
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_sessions_one_to_199() {
        for n in 1..200 {
            let w = ordinal_words(n).unwrap();
            assert_eq!(parse_ordinal(&w), Some(n), "{w}");
        }
        assert_eq!(ordinal_words(77).as_deref(), Some("seventy-seventh"));
        assert_eq!(ordinal_words(80).as_deref(), Some("eightieth"));
        assert_eq!(ordinal_words(64).as_deref(), Some("sixty-fourth"));
    }

    #[test]
    fn rejects_non_ordinals() {
        for w in [
            "seventy",
            "seventy-",
            "twenty-tenth",
            "zeroth",
            "session",
            "",
        ] {
            assert_eq!(parse_ordinal(w), None, "{w}");
        }
    }

    #[test]
    fn finds_ordinals_as_whole_words() {
        let text = "at its seventy-seventh session and its sixty-fourth session, first";
        let found: Vec<_> = find_ordinals(text)
            .into_iter()
            .map(|(r, n)| (&text[r], n))
            .collect();
        assert_eq!(
            found,
            vec![("seventy-seventh", 77), ("sixty-fourth", 64), ("first", 1)]
        );
    }
}
