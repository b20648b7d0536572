//! Ordinals as resolutions print session and meeting numbers, in words
//! ("seventy-seventh session", "soixante et onzième session") and in
//! figures ("30th plenary meeting", "4957e séance"), both ways, for one
//! language: the words are the profile's (`[ordinals]`), the composition
//! (a ten, a joiner, a unit; the hundreds) is the same for every language
//! resdiff reads. Used to read heads and feet and to make routine session
//! updates.

use std::collections::HashMap;

use crate::lang::schema::OrdinalsData;

/// Ordinals go to 199: sessions are numbered in the eighties today.
const HIGHEST: u32 = 199;

/// The ordinals of one language.
#[derive(Debug)]
pub struct Ordinals {
    /// The words of 1 to [`HIGHEST`], at index n - 1.
    words: Vec<String>,
    /// Each ordinal's key (lower case, spaces and hyphens alike) → n.
    by_key: HashMap<String, u32>,
    /// The endings of an ordinal in figures.
    endings: Vec<String>,
    /// Words in the longest ordinal.
    longest: usize,
}

/// Lower case, with spaces and hyphens alike: "Seventy seventh" and
/// "seventy-seventh" are one ordinal.
fn key(words: &str) -> String {
    words
        .trim()
        .to_lowercase()
        .split([' ', '-'])
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

impl Ordinals {
    /// The ordinals a profile's `[ordinals]` spells.
    pub fn of(data: &OrdinalsData) -> Ordinals {
        let below_hundred: Vec<String> = (1..100).map(|n| spell(data, n)).collect();
        let mut words = below_hundred.clone();
        words.push(data.hundredth.clone());
        for n in 101..=HIGHEST {
            words.push(format!(
                "{}{}",
                data.hundred,
                below_hundred[(n - 101) as usize]
            ));
        }
        let by_key = words
            .iter()
            .enumerate()
            .map(|(i, w)| (key(w), i as u32 + 1))
            .collect();
        let longest = words
            .iter()
            .map(|w| w.split(' ').count())
            .max()
            .unwrap_or(1);
        let mut endings = data.numeral_endings.clone();
        // Longest first: "ème" before "e".
        endings.sort_by_key(|e| std::cmp::Reverse(e.chars().count()));
        Ordinals {
            words,
            by_key,
            endings,
            longest,
        }
    }

    /// `n` in words ("seventy-seventh"), for 1 to 199.
    pub fn words(&self, n: u32) -> Option<&str> {
        let index = usize::try_from(n.checked_sub(1)?).ok()?;
        self.words.get(index).map(String::as_str)
    }

    /// The number an ordinal in words stands for (any case; spaces and
    /// hyphens alike).
    pub fn parse(&self, words: &str) -> Option<u32> {
        self.by_key.get(&key(words)).copied()
    }

    /// The number of an ordinal in figures: "30th", "4957e", "4091 e"
    /// (extraction puts a space before a raised ending).
    pub fn numeral(&self, text: &str) -> Option<u32> {
        let text = text.trim();
        let digits = text.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || digits > 6 {
            return None;
        }
        let ending = text[digits..].trim_start();
        self.endings
            .iter()
            .any(|e| e == ending)
            .then(|| text[..digits].parse().ok())
            .flatten()
    }

    /// Byte ranges and values of every ordinal in words in `text`, whole
    /// words only ("sixty-fourth" at 10..22 → 64; "soixante et onzième").
    pub fn find(&self, text: &str) -> Vec<(std::ops::Range<usize>, u32)> {
        // The words of the text: runs of letters and hyphens.
        let mut spans: Vec<(usize, usize)> = Vec::new();
        let mut start = None;
        for (i, c) in text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')))
        {
            let in_word = c.is_alphabetic() || c == '-';
            match (start, in_word) {
                (None, true) => start = Some(i),
                (Some(s), false) => {
                    let word = &text[s..i];
                    let lead = word.len() - word.trim_start_matches('-').len();
                    let trail = word.len() - word.trim_end_matches('-').len();
                    if lead + trail < word.len() {
                        spans.push((s + lead, i - trail));
                    }
                    start = None;
                }
                _ => {}
            }
        }
        let mut found = Vec::new();
        let mut i = 0;
        while i < spans.len() {
            // The longest run of words, one space apart, that is an ordinal.
            let mut best = None;
            for n in 1..=self.longest.min(spans.len() - i) {
                let (from, to) = (spans[i].0, spans[i + n - 1].1);
                if n > 1 && text[spans[i + n - 2].1..spans[i + n - 1].0] != *" " {
                    break;
                }
                if let Some(value) = self.parse(&text[from..to]) {
                    best = Some((n, from..to, value));
                }
            }
            match best {
                Some((n, range, value)) => {
                    found.push((range, value));
                    i += n;
                }
                None => i += 1,
            }
        }
        found
    }
}

/// `n` (1 to 99) in words by the profile's composition.
fn spell(data: &OrdinalsData, n: u32) -> String {
    let unit = |u: u32| data.units[(u - 1) as usize].clone();
    if n < 20 {
        return unit(n);
    }
    let tens = n / 10;
    let mut units = n % 10;
    if data.tens_counting_from_ten.contains(&(tens * 10)) {
        units += 10;
    }
    let index = (tens - 2) as usize;
    if units == 0 {
        return data.tens_alone[index].clone();
    }
    if units == 10 {
        // 70 and 90 where the tens count from ten: "soixante-dixième".
        return data.tens_alone[index].clone();
    }
    let unit_word = data
        .compound_units
        .iter()
        .find(|(u, _)| *u == units)
        .map_or_else(|| unit(units), |(_, w)| w.clone());
    let joiner = match &data.and_joiner {
        Some((joiner, before, after))
            if before.contains(&units) && after.contains(&(tens * 10)) =>
        {
            joiner.as_str()
        }
        _ => data.joiner.as_str(),
    };
    format!("{}{joiner}{unit_word}", data.tens[index])
}

#[cfg(test)]
mod tests {
    use crate::lang::Language;

    #[test]
    fn english_round_trips_sessions_one_to_199() {
        let ordinals = Language::En.ordinals();
        for n in 1..200 {
            let w = ordinals.words(n).unwrap();
            assert_eq!(ordinals.parse(w), Some(n), "{w}");
        }
        assert_eq!(ordinals.words(77), Some("seventy-seventh"));
        assert_eq!(ordinals.words(80), Some("eightieth"));
        assert_eq!(ordinals.words(64), Some("sixty-fourth"));
        assert_eq!(ordinals.words(101), Some("one hundred and first"));
        assert_eq!(ordinals.parse("Seventy seventh"), Some(77));
    }

    #[test]
    fn french_ordinals_compose_as_the_assembly_writes_its_sessions() {
        let ordinals = Language::Fr.ordinals();
        for n in 1..200 {
            let w = ordinals.words(n).unwrap();
            assert_eq!(ordinals.parse(w), Some(n), "{w}");
        }
        for (n, words) in [
            (1, "première"),
            (21, "vingt et unième"),
            (55, "cinquante-cinquième"),
            (70, "soixante-dixième"),
            (71, "soixante et onzième"),
            (77, "soixante-dix-septième"),
            (80, "quatre-vingtième"),
            (81, "quatre-vingt-unième"),
            (90, "quatre-vingt-dixième"),
            (91, "quatre-vingt-onzième"),
            (100, "centième"),
        ] {
            assert_eq!(ordinals.words(n), Some(words), "{n}");
        }
        // The 1990 spelling hyphenates every part.
        assert_eq!(ordinals.parse("soixante-et-onzième"), Some(71));
    }

    #[test]
    fn rejects_non_ordinals() {
        let ordinals = Language::En.ordinals();
        for w in [
            "seventy",
            "seventy-",
            "twenty-tenth",
            "zeroth",
            "session",
            "",
        ] {
            assert_eq!(ordinals.parse(w), None, "{w}");
        }
    }

    #[test]
    fn ordinals_in_figures() {
        let en = Language::En.ordinals();
        assert_eq!(en.numeral("30th"), Some(30));
        assert_eq!(en.numeral("22nd"), Some(22));
        assert_eq!(en.numeral("30"), None);
        let fr = Language::Fr.ordinals();
        assert_eq!(fr.numeral("4957e"), Some(4957));
        // fr/S_RES_1286_2000-fr.txt: "4091 e séance".
        assert_eq!(fr.numeral("4091 e"), Some(4091));
        assert_eq!(fr.numeral("4957th"), None);
    }

    #[test]
    fn finds_ordinals_as_whole_words() {
        let text = "at its seventy-seventh session and its sixty-fourth session, first";
        let found: Vec<_> = Language::En
            .ordinals()
            .find(text)
            .into_iter()
            .map(|(r, n)| (&text[r], n))
            .collect();
        assert_eq!(
            found,
            vec![("seventy-seventh", 77), ("sixty-fourth", 64), ("first", 1)]
        );
        let text = "à sa soixante et onzième session et à sa quatre-vingt-unième session";
        let found: Vec<_> = Language::Fr
            .ordinals()
            .find(text)
            .into_iter()
            .map(|(r, n)| (&text[r], n))
            .collect();
        assert_eq!(
            found,
            vec![("soixante et onzième", 71), ("quatre-vingt-unième", 81)]
        );
    }
}
