//! UN document symbols (`A/RES/73/8`, `A/75/L.78`, `S/2020/449`,
//! `S/RES/2655 (2022)`): their shape, and what they say of the document
//! (the organ, the session or year, whether it is a resolution, a draft or
//! a revision). Every place that reads a symbol reads it here.

use std::fmt;

use crate::model::Body;

/// A document symbol, as printed.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Symbol(String);

/// What kind of document a symbol names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SymbolKind {
    /// An adopted resolution: `A/RES/73/8`, `S/RES/2655 (2022)`.
    Resolution,
    /// A draft resolution: `A/75/L.78`, `A/C.3/78/L.41`.
    Draft,
    /// A revised draft: `A/C.3/78/L.41/Rev.1`.
    Revision,
    /// A presidential statement: `S/PRST/2018/19`.
    Statement,
    /// Any other document: a report (`A/80/257`), a letter, a Council draft
    /// (`S/2020/449`, which the Council's numbering does not tell apart).
    Document,
}

impl Symbol {
    /// Any symbol as a text cites it: an organ's capital letters, then
    /// slash-separated parts of letters, digits, `.` and `-`, one of them
    /// with a digit (`S/2023/406`, `S/PRST/2018/19`, `S/AC.51/2017/2`).
    pub fn parse(token: &str) -> Option<Symbol> {
        let mut parts = token.split('/');
        let organ = parts.next().unwrap_or("");
        let rest: Vec<&str> = parts.collect();
        let shaped = (1..=4).contains(&organ.len())
            && organ.bytes().all(|b| b.is_ascii_uppercase())
            && !rest.is_empty()
            && rest.iter().all(|p| {
                !p.is_empty()
                    && p.chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
            })
            && rest.iter().any(|p| p.bytes().any(|b| b.is_ascii_digit()));
        shaped.then(|| Symbol(token.to_string()))
    }

    /// The symbol a document of the Assembly, the Council or ECOSOC prints
    /// as its own, alone on a line: `A/RES/73/8`, `A/C.3/78/L.41/Rev.1`,
    /// `S/RES/2655 (2022)`. Presidential statements (`S/PRST/…`) are cited
    /// in text, never printed as a resolution's own symbol.
    pub fn parse_own(text: &str) -> Option<Symbol> {
        let rest = ["A/", "S/", "E/"]
            .iter()
            .find_map(|p| text.strip_prefix(p))?;
        if text.len() > 40 || rest.starts_with("PRST") {
            return None;
        }
        // One token, with the year of a Council resolution after it.
        let (rest, year) = rest.split_once(' ').unwrap_or((rest, "(0000)"));
        let year_shaped = year.len() == 6
            && year.starts_with('(')
            && year.ends_with(')')
            && year[1..5].bytes().all(|b| b.is_ascii_digit());
        let allowed = |c: char| c.is_ascii_alphanumeric() || "/.-".contains(c);
        let shaped = year_shaped
            && rest.chars().all(allowed)
            && rest.split('/').next().is_some_and(|first| {
                first.chars().any(|c| c.is_ascii_digit())
                    || first == "RES"
                    || first.starts_with("C.")
            })
            && rest.chars().any(|c| c.is_ascii_digit())
            && rest
                .chars()
                .last()
                .is_some_and(|c| c.is_ascii_alphanumeric() || c == ')');
        shaped.then(|| Symbol(text.to_string()))
    }

    /// A symbol given in metadata (front matter, a sidecar, a flag): a
    /// document's own shape, else any cited one.
    pub fn read(text: &str) -> Option<Symbol> {
        Symbol::parse_own(text).or_else(|| Symbol::parse(text))
    }

    /// The symbol in a file name as the UN's collections save documents:
    /// `A_75_L.78-EN.pdf`, `S_2018_95.txt`, `A_RES_73_8.json`,
    /// `S_RES_1541_2004-fr.txt` (the Council's resolution `S/RES/1541
    /// (2004)`, its year after the number).
    pub fn from_file_name(name: &str) -> Option<Symbol> {
        let stem = name.rsplit_once('.').map_or(name, |(stem, extension)| {
            // `L.78` is part of a symbol, `.pdf` is not.
            if extension.chars().all(|c| c.is_ascii_alphabetic()) && extension.len() <= 4 {
                stem
            } else {
                name
            }
        });
        // A language code after the symbol: `-EN`, `-fr`.
        let stem = stem
            .rsplit_once('-')
            .filter(|(_, lang)| {
                lang.len() == 2
                    && (lang.chars().all(|c| c.is_ascii_uppercase())
                        || lang.chars().all(|c| c.is_ascii_lowercase()))
            })
            .map_or(stem, |(s, _)| s);
        let slashed = stem.replace('_', "/");
        // `S/RES/1541/2004`: a Council resolution's number, then its year.
        if let Some((number, year)) = slashed
            .strip_prefix("S/RES/")
            .and_then(|rest| rest.split_once('/'))
            && !number.is_empty()
            && number.len() <= 5
            && number.bytes().all(|b| b.is_ascii_digit())
            && year.len() == 4
            && year.bytes().all(|b| b.is_ascii_digit())
        {
            return Symbol::parse_own(&format!("S/RES/{number} ({year})"));
        }
        Symbol::parse_own(&slashed)
    }

    /// The number of a Council resolution: 1513 of `S/RES/1513 (2003)`.
    pub fn council_resolution(&self) -> Option<u32> {
        let rest = self.0.strip_prefix("S/RES/")?;
        let (number, year) = rest.split_once(' ')?;
        (year.starts_with('(') && year.ends_with(')'))
            .then(|| number.parse().ok())
            .flatten()
    }

    /// The symbol as printed.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    fn segments(&self) -> Vec<&str> {
        self.0.split(' ').next().unwrap_or("").split('/').collect()
    }

    /// The organ whose document it is: `A/` the General Assembly, `S/` the
    /// Security Council; `None` for others.
    pub fn body(&self) -> Option<Body> {
        match self.segments().first() {
            Some(&"A") => Some(Body::GeneralAssembly),
            Some(&"S") => Some(Body::SecurityCouncil),
            _ => None,
        }
    }

    /// The Assembly session: 75 in `A/75/L.78`, `A/RES/75/1` and
    /// `A/C.3/75/L.4`.
    pub fn session(&self) -> Option<u32> {
        if self.body() != Some(Body::GeneralAssembly) {
            return None;
        }
        let segments = self.segments();
        let number = |i: usize| segments.get(i).and_then(|s| s.parse::<u32>().ok());
        match segments.get(1) {
            Some(s) if *s == "RES" || s.starts_with("C.") => number(2),
            _ => number(1),
        }
    }

    /// The Council year: 2020 in `S/2020/449`, 2022 in `S/RES/2655 (2022)`.
    pub fn year(&self) -> Option<u32> {
        if self.body() != Some(Body::SecurityCouncil) {
            return None;
        }
        let in_number = self
            .segments()
            .get(1)
            .and_then(|s| s.parse::<u32>().ok())
            .filter(|y| (1946..=2100).contains(y));
        in_number.or_else(|| {
            let open = self.0.rfind('(')?;
            self.0[open + 1..].trim_end_matches(')').parse().ok()
        })
    }

    /// What kind of document it names.
    pub fn kind(&self) -> SymbolKind {
        let segments = self.segments();
        if segments.iter().any(|s| s.starts_with("Rev.")) {
            SymbolKind::Revision
        } else if segments.contains(&"RES") {
            SymbolKind::Resolution
        } else if segments.contains(&"PRST") {
            SymbolKind::Statement
        } else if segments.iter().any(|s| s.starts_with("L.")) {
            SymbolKind::Draft
        } else {
            SymbolKind::Document
        }
    }
}

impl fmt::Display for Symbol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_documents_own_symbol_of_both_bodies() {
        for s in [
            "A/RES/73/8",
            "A/75/L.78",
            "A/C.3/78/L.41/Rev.1",
            "S/2020/449",
            "S/RES/2655 (2022)",
        ] {
            assert!(Symbol::parse_own(s).is_some(), "{s}");
        }
        for s in [
            "S/PRST/2010/1",
            "A/B",
            "Agenda item 4",
            "A/RES/73/8 imposed by the United States",
        ] {
            assert!(Symbol::parse_own(s).is_none(), "{s}");
        }
    }

    #[test]
    fn cited_symbols_include_statements_and_subsidiary_bodies() {
        for s in [
            "S/2023/406",
            "S/PRST/2018/19",
            "A/RES/77/13",
            "S/AC.51/2017/2",
        ] {
            assert!(Symbol::parse(s).is_some(), "{s}");
        }
        for s in ["and/or", "A/B", "73/331", "S/"] {
            assert!(Symbol::parse(s).is_none(), "{s}");
        }
    }

    #[test]
    fn body_session_year_and_kind() {
        let read = |s: &str| Symbol::parse_own(s).unwrap();
        let ga = read("A/RES/77/13");
        assert_eq!(
            (ga.body(), ga.session(), ga.year(), ga.kind()),
            (
                Some(Body::GeneralAssembly),
                Some(77),
                None,
                SymbolKind::Resolution
            )
        );
        assert_eq!(read("A/75/L.78").session(), Some(75));
        assert_eq!(read("A/75/L.78").kind(), SymbolKind::Draft);
        assert_eq!(read("A/C.3/78/L.41/Rev.1").session(), Some(78));
        assert_eq!(read("A/C.3/78/L.41/Rev.1").kind(), SymbolKind::Revision);
        let sc = read("S/RES/2655 (2022)");
        assert_eq!(
            (sc.body(), sc.year(), sc.kind()),
            (
                Some(Body::SecurityCouncil),
                Some(2022),
                SymbolKind::Resolution
            )
        );
        assert_eq!(read("S/2020/449").year(), Some(2020));
        assert_eq!(read("S/2020/449").kind(), SymbolKind::Document);
        assert_eq!(
            Symbol::parse("S/PRST/2018/19").unwrap().kind(),
            SymbolKind::Statement
        );
    }

    #[test]
    fn file_names_as_the_collections_save_them() {
        let name = |n: &str| Symbol::from_file_name(n).map(|s| s.to_string());
        assert_eq!(name("A_75_L.78-EN.pdf").as_deref(), Some("A/75/L.78"));
        assert_eq!(name("A_75_L.78.txt").as_deref(), Some("A/75/L.78"));
        assert_eq!(name("S_2018_95.txt").as_deref(), Some("S/2018/95"));
        assert_eq!(name("A_RES_73_8.json").as_deref(), Some("A/RES/73/8"));
        // fr/ names the Council's resolutions by number and year, with
        // their language.
        assert_eq!(
            name("S_RES_1541_2004-fr.txt").as_deref(),
            Some("S/RES/1541 (2004)")
        );
        assert_eq!(name("A_RES_55_100-fr.txt").as_deref(), Some("A/RES/55/100"));
        assert_eq!(name("draft.txt"), None);
        assert_eq!(name("75.md"), None);
    }
}
