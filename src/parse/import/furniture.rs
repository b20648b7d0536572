//! Page furniture: lines a PDF or web page adds around the resolution text
//! (document numbers, running symbols, page numbers, barcodes, "Please
//! recycle", distribution lines, download links), and what some of them
//! reveal about the document (its symbol, its date).

use crate::dates::Date;
use crate::lang::Profile;
use crate::symbol::Symbol;

/// What a furniture line told about the document.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Revealed {
    pub symbol: Option<String>,
    /// The date the line gives.
    pub date: Option<Date>,
}

/// Whether a trimmed line is furniture anywhere in the text, and what it
/// reveals.
pub fn furniture(line: &str, profile: &Profile) -> Option<Revealed> {
    let head = &profile.data.head;
    if is_job_number(line)
        || is_barcode(line)
        || is_page_number(line, profile)
        || is_recycle(line, profile)
        || head
            .distribution
            .iter()
            .any(|d| line.starts_with(d.as_str()))
        || head.original.iter().any(|o| line.starts_with(o.as_str()))
        || is_rule(line)
    {
        return Some(Revealed::default());
    }
    if is_running_symbol(line) {
        return Some(Revealed {
            symbol: Some(line.to_string()),
            date: None,
        });
    }
    for download in &profile.data.furniture.download {
        if let Some(at) = line.find(download.as_str()) {
            let date = dotted_date(line[..at].trim(), profile);
            let file = line[at + download.len()..].trim();
            return Some(Revealed {
                symbol: Symbol::from_file_name(file).map(|s| s.to_string()),
                date,
            });
        }
    }
    None
}

/// Furniture only before the text starts: a masthead line, an organ's
/// name, the agenda item, or a date alone.
pub fn prologue_furniture(line: &str, profile: &Profile) -> Option<Revealed> {
    let data = &profile.data;
    if data.head.masthead.iter().any(|m| m == line)
        || profile.organ_named(line).is_some()
        || crate::lang::first_match(&profile.patterns.agenda_item, line, profile).is_some()
    {
        return Some(Revealed::default());
    }
    if let Some(date) = dotted_date(line, profile).or_else(|| profile.parse_date(line)) {
        return Some(Revealed {
            symbol: None,
            date: Some(date),
        });
    }
    None
}

/// `21-05282 (R) 220421 220421`, `18-01971 (E)`, `22-09852 (E) 230622 … recycle`.
fn is_job_number(line: &str) -> bool {
    let b = line.as_bytes();
    // Alone on a line, the number needs no language code after it, and a
    // date stamp (`231216`) is the job's too.
    let bare = b.len() == 8
        && b[2] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 2 || c.is_ascii_digit());
    let stamp = b.len() == 6 && b.iter().all(u8::is_ascii_digit);
    if bare || stamp {
        return true;
    }
    b.len() >= 8
        && b[..2].iter().all(u8::is_ascii_digit)
        && b[2] == b'-'
        && b[3..8].iter().all(u8::is_ascii_digit)
        && b.get(8).is_none_or(|&c| c == b' ')
        && line[8..].trim_start().starts_with('(')
}

/// `__________________`: the footnote rule, as a PDF sets it in text or a
/// dump prints it (five underscores or more, spaces aside).
pub fn is_footnote_rule(text: &str) -> bool {
    let rule: Vec<char> = text.chars().filter(|c| !c.is_whitespace()).collect();
    rule.len() >= 5 && rule.iter().all(|&c| c == '_')
}

/// `---`, `______`: a rule as a dump writes it.
fn is_rule(line: &str) -> bool {
    line.len() >= 3 && (line.bytes().all(|b| b == b'-') || line.bytes().all(|b| b == b'_'))
}

/// `*2315068*`
fn is_barcode(line: &str) -> bool {
    line.len() >= 4
        && line.starts_with('*')
        && line.ends_with('*')
        && line[1..line.len() - 1].bytes().all(|c| c.is_ascii_digit())
}

/// `3`, `12/14`, `Page 3`
fn is_page_number(line: &str, profile: &Profile) -> bool {
    let body = profile
        .data
        .furniture
        .page
        .iter()
        .find_map(|p| line.strip_prefix(p.as_str()))
        .unwrap_or(line);
    let all_digits =
        |s: &str| !s.is_empty() && s.len() <= 3 && s.bytes().all(|c| c.is_ascii_digit());
    match body.split_once('/') {
        Some((a, b)) => all_digits(a) && all_digits(b),
        None => all_digits(body),
    }
}

/// `Please recycle`, `Merci de recycler`: as many words, the last the
/// same and the first opening alike (extraction mangles it: `Pleese
/// recycle`).
fn is_recycle(line: &str, profile: &Profile) -> bool {
    let lower = line.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    profile.data.furniture.recycle.iter().any(|phrase| {
        let want: Vec<&str> = phrase.split_whitespace().collect();
        lower.len() <= phrase.len() + 4
            && words.len() == want.len()
            && words.last() == want.last()
            && words
                .first()
                .zip(want.first())
                .is_some_and(|(w, p)| w.get(..2).is_some() && w.get(..2) == p.get(..2))
            && words[1..words.len() - 1] == want[1..want.len() - 1]
    })
}

/// A document symbol alone on a line: the running header of each page.
fn is_running_symbol(line: &str) -> bool {
    Symbol::parse_own(line).is_some()
}

/// `11.05.2021` (the whole line, or its first word of a download line).
pub fn dotted_date(text: &str, profile: &Profile) -> Option<Date> {
    let word = text.split_whitespace().next()?;
    let download = profile
        .data
        .furniture
        .download
        .iter()
        .any(|d| d.split(' ').next().is_some_and(|w| text.contains(w)));
    if word.len() != text.trim().len() && !download {
        return None;
    }
    crate::dates::parse_dotted(word)
}

/// The pieces of a line that `-layout` set apart with runs of spaces.
pub fn pieces(line: &str) -> impl Iterator<Item = &str> {
    line.trim_matches(|c: char| c.is_whitespace() || c == '\u{c}')
        .split("  ")
        .map(str::trim)
        .filter(|p| !p.is_empty())
}

/// Every piece of the line is page-foot furniture: job numbers, language
/// codes, date stamps, page numbers, barcodes, "Please recycle", alone or
/// side by side as `pdftotext -layout` sets them.
pub fn foot_line(line: &str, profile: &Profile) -> bool {
    let mut any = false;
    for piece in pieces(line) {
        any = true;
        let words: Vec<&str> = piece.split_whitespace().collect();
        if !words.iter().all(|w| foot_word(w, profile)) {
            return false;
        }
    }
    any
}

/// [`foot_line`] in any language resdiff knows: a PDF's layout sorts its
/// page feet before the document's language is known.
pub fn foot_line_in_any_language(line: &str) -> bool {
    crate::lang::Language::ALL
        .iter()
        .any(|l| foot_line(line, l.profile()))
}

/// `18-18418`, `(E)`, `071118`, `2/3`, `*1818418*`, `Please`, `recycle`.
pub fn foot_word(w: &str, profile: &Profile) -> bool {
    let b = w.as_bytes();
    let digits = |s: &[u8]| !s.is_empty() && s.iter().all(u8::is_ascii_digit);
    let job = b.len() == 8 && b[2] == b'-' && digits(&b[..2]) && digits(&b[3..]);
    let language = w.len() == 3 && w.starts_with('(') && w.ends_with(')');
    let stamp = b.len() == 6 && digits(b);
    let page = w.split_once('/').is_some_and(|(x, y)| {
        digits(x.as_bytes()) && digits(y.as_bytes()) && x.len() <= 3 && y.len() <= 3
    });
    let barcode =
        b.len() > 2 && b[0] == b'*' && b[b.len() - 1] == b'*' && digits(&b[1..b.len() - 1]);
    let recycle = profile
        .data
        .furniture
        .recycle
        .iter()
        .flat_map(|phrase| phrase.split_whitespace())
        .any(|p| w.eq_ignore_ascii_case(p) || w.to_lowercase() == p);
    job || language || stamp || page || barcode || recycle
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (line, profile) in the order the tests read best.
    fn furniture(profile: &Profile, line: &str) -> Option<Revealed> {
        super::furniture(line, profile)
    }

    fn prologue_furniture(profile: &Profile, line: &str) -> Option<Revealed> {
        super::prologue_furniture(line, profile)
    }

    fn en() -> &'static Profile {
        crate::lang::Language::En.profile()
    }

    #[test]
    fn document_numbers_barcodes_and_page_numbers() {
        assert!(furniture(en(), "21-05282 (R) 220421 220421").is_some());
        assert!(furniture(en(), "18-01971 (E)").is_some());
        assert!(furniture(en(), "22-09852 (E)      230622          Pleese recycle").is_some());
        assert!(furniture(en(), "*2209852*").is_some());
        assert!(furniture(en(), "3").is_some());
        assert!(furniture(en(), "Please recycle").is_some());
        assert!(furniture(en(), "Distr.: General").is_some());
    }

    #[test]
    fn running_symbols_but_not_citations() {
        assert_eq!(
            furniture(en(), "S/2020/449")
                .and_then(|r| r.symbol)
                .as_deref(),
            Some("S/2020/449")
        );
        assert!(furniture(en(), "A/75/L.78").is_some());
        assert!(furniture(en(), "S/PRST/2016/3,").is_none());
        assert!(furniture(en(), "S/PRST/2016/3").is_none());
    }

    #[test]
    fn text_lines_are_not_furniture() {
        assert!(
            furniture(
                en(),
                "14 February 2014, 17 March 2014, 11 December 2014, and"
            )
            .is_none()
        );
        assert!(furniture(en(), "2109 (2013), 2132 (2013), 2155 (2014),").is_none());
        assert!(furniture(en(), "30 June 2024;").is_none());
    }

    #[test]
    fn web_page_download_line_reveals_date_and_symbol() {
        let revealed = furniture(en(), "11.05.2021 Download documentA_75_L.78-EN.pdf").unwrap();
        assert_eq!(revealed.date, crate::dates::parse_iso("2021-05-11"));
        assert_eq!(revealed.symbol.as_deref(), Some("A/75/L.78"));
    }

    #[test]
    fn prologue_dates() {
        assert_eq!(
            prologue_furniture(en(), "11 May 2021").and_then(|r| r.date),
            crate::dates::parse_iso("2021-05-11")
        );
        assert_eq!(
            prologue_furniture(en(), "11.05.2021").and_then(|r| r.date),
            crate::dates::parse_iso("2021-05-11")
        );
    }
}
