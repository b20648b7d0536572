//! Drafting the next version: the last text with its routine updates made,
//! the way the General Assembly asks drafters to start. Session ordinals that
//! refer to the base session or later move on by the gap between the
//! versions ("seventy-seventh session" → "seventy-ninth session"); references
//! to earlier sessions are history and stay.

use serde::Serialize;

use crate::dates::Date;
use crate::diff::words::tokens;
use crate::error::{Error, Result};
use crate::lang::{Language, Profile};
use crate::model::{Body, Meta, Paragraph, Part, Resolution, Status};
use crate::symbol::Symbol;

/// One routine update the draft made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Update {
    /// The part the updated paragraph is in.
    pub part: Part,
    /// "8" for operative paragraph 8, "8 (a)" inside a sub-paragraph,
    /// "3" for the third preambular paragraph.
    pub paragraph: String,
    /// The text before the update: "seventy-seventh session".
    pub old: String,
    /// The text after the update: "seventy-ninth session".
    pub new: String,
}

/// The draft of version `target` made from `base`, and what changed.
/// `series` is what the corpus holds of the base's series (the base among
/// them or not): the newest before `target` is the resolution the draft
/// cites as its predecessor.
pub fn draft(
    base: &Resolution,
    target: u32,
    base_label: &str,
    series: &[&Meta],
) -> Result<(Resolution, Vec<Update>)> {
    let from = base.meta.version().ok_or_else(|| {
        Error::new(format!("{base_label} has no session or year in its front matter: cannot tell how far to move it on"))
    })?;
    if target <= from {
        return Err(Error::new(format!(
            "the new version ({target}) must come after the base ({from})"
        )));
    }
    let gap = target - from;
    let mut out = base.clone();
    let mut updates = Vec::new();
    let shift = Shift {
        language: base.meta.language,
        from,
        gap,
    };
    let previous = Previous::of(&base.meta, target, series);
    let assembly = base.meta.body == Body::GeneralAssembly;
    let language = base.meta.language;
    // Each paragraph's sessions, then its citation of the predecessor: the
    // updates are listed in reading order.
    let mut update = |p: &mut Paragraph, part: Part, label: String| {
        if assembly {
            shift_paragraph(p, part, label.clone(), shift, &mut updates);
        }
        if let Some(previous) = &previous {
            cite_newest(p, part, label, previous, language, &mut updates);
        }
    };
    for (index, p) in out.preamble.iter_mut().enumerate() {
        update(p, Part::Preamble, (index + 1).to_string());
    }
    for (index, p) in out.operative.iter_mut().enumerate() {
        let label = p.number.clone().unwrap_or_else(|| (index + 1).to_string());
        update(p, Part::Operative, label);
    }
    let meta = &mut out.meta;
    match meta.body {
        Body::GeneralAssembly => meta.session = Some(target),
        Body::SecurityCouncil => meta.year = Some(target),
    }
    if let (Body::GeneralAssembly, Some(year)) = (&meta.body, meta.year) {
        meta.year = Some(year + gap);
    }
    meta.generated_from = Some(base_label.to_string());
    meta.source = Some(format!(
        "Generated from {base_label}: the base text with routine session updates. A draft, not an adopted text."
    ));
    meta.symbol = None;
    meta.date = None;
    meta.status = Status::Draft;
    Ok((out, updates))
}

/// A resolution as a text cites it: "80/4", or "1513" and its year "2003".
#[derive(Debug, Clone, PartialEq)]
struct Citation {
    number: String,
    year: Option<u32>,
    date: Option<Date>,
}

impl Citation {
    fn of(meta: &Meta) -> Option<Citation> {
        let symbol = meta.symbol.as_deref().and_then(Symbol::read);
        let number = match meta.body {
            Body::GeneralAssembly => meta
                .number
                .clone()
                .or_else(|| {
                    let session = symbol.as_ref()?.session()?;
                    let own = symbol.as_ref()?.as_str().rsplit('/').next()?.to_string();
                    Some(format!("{session}/{own}"))
                })
                .filter(|n| assembly_resolution(n).is_some())?,
            Body::SecurityCouncil => symbol?.council_resolution()?.to_string(),
        };
        Some(Citation {
            number,
            year: meta.year.or_else(|| meta.date.map(|d| d.year() as u32)),
            date: meta.date,
        })
    }

    /// What orders a series: session or year, then the number.
    fn order(&self) -> (u32, u32) {
        match assembly_resolution(&self.number) {
            Some((session, number)) => (session, number),
            None => (self.year.unwrap_or(0), self.number.parse().unwrap_or(0)),
        }
    }
}

/// What the draft updates: citations of the base's predecessor become
/// citations of `newest`.
struct Previous {
    body: Body,
    /// The base's session (Assembly): the session before it is its
    /// predecessor's.
    base_session: Option<u32>,
    /// The series' resolution just before the base, as the corpus holds it.
    before_base: Option<Citation>,
    /// The newest resolution of the series before the draft.
    newest: Citation,
}

impl Previous {
    fn of(base: &Meta, target: u32, series: &[&Meta]) -> Option<Previous> {
        let same_series = |m: &&&Meta| m.series == base.series && m.body == base.body;
        let cited: Vec<Citation> = series
            .iter()
            .filter(same_series)
            .filter(|m| m.version().is_some_and(|v| v < target))
            .filter_map(|m| Citation::of(m))
            .collect();
        let newest = cited.iter().max_by_key(|c| c.order())?.clone();
        let own = Citation::of(base).map(|c| c.order());
        let before_base = own.and_then(|own| {
            cited
                .iter()
                .filter(|c| c.order() < own)
                .max_by_key(|c| c.order())
                .cloned()
        });
        Some(Previous {
            body: base.body,
            base_session: (base.body == Body::GeneralAssembly)
                .then_some(base.session)
                .flatten(),
            before_base,
            newest,
        })
    }

    /// Whether `number` (as printed) is the base's predecessor.
    fn is_predecessor(&self, number: &str) -> bool {
        let by_session = match (self.body, assembly_resolution(number)) {
            (Body::GeneralAssembly, Some((session, _))) => {
                self.base_session.is_some_and(|s| session + 1 == s)
            }
            _ => false,
        };
        by_session
            || self
                .before_base
                .as_ref()
                .is_some_and(|c| c.number == number)
    }
}

/// `79/7`: an Assembly resolution's session and number.
fn assembly_resolution(token: &str) -> Option<(u32, u32)> {
    let (session, number) = token.split_once('/')?;
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    (digits(session) && digits(number) && session.len() <= 3)
        .then(|| Some((session.parse().ok()?, number.parse().ok()?)))
        .flatten()
}

fn year_token(token: &str) -> bool {
    token.len() == 4 && token.bytes().all(|b| b.is_ascii_digit())
}

/// A comma, a semicolon or the language's "and", "or": what joins a list.
fn joins_a_list(token: &str, profile: &Profile) -> bool {
    matches!(token, "," | ";")
        || profile
            .data
            .words
            .list_conjunctions
            .iter()
            .any(|w| w == token)
}

/// The words of `text` that are not whitespace, with their byte ranges.
fn words(text: &str) -> Vec<(std::ops::Range<usize>, &str)> {
    let base = text.as_ptr() as usize;
    tokens(text)
        .into_iter()
        .filter(|t| !t.trim().is_empty())
        .map(|t| {
            let at = t.as_ptr() as usize - base;
            (at..at + t.len(), t)
        })
        .collect()
}

/// The replacements that make each lone citation of the base's
/// predecessor in `text` cite `previous.newest`: its number (and year,
/// for the Council) and the date of adoption printed after it ("of 30
/// October 2024", "du 28 octobre 2003"). A citation in a list of
/// resolutions is left to grow, not replaced.
fn newest_citations(
    text: &str,
    previous: &Previous,
    language: Language,
) -> Vec<(std::ops::Range<usize>, String)> {
    let profile = language.profile();
    let dates = profile.dates();
    let newest = &previous.newest;
    let words = words(text);
    let word = |k: usize| words.get(k).map_or("", |(_, w)| *w);
    let mut out = Vec::new();
    for k in 0..words.len() {
        // The citation's number, and where it ends.
        let end = match previous.body {
            Body::GeneralAssembly if assembly_resolution(word(k)).is_some() => k + 1,
            Body::SecurityCouncil
                if word(k + 1) == "(" && year_token(word(k + 2)) && word(k + 3) == ")" =>
            {
                k + 4
            }
            _ => continue,
        };
        let cited = Citation {
            number: word(k).into(),
            year: word(k + 2).parse().ok(),
            date: None,
        };
        if cited.number == newest.number
            || !previous.is_predecessor(&cited.number)
            || newest.order() <= cited.order()
            || k > 0 && joins_a_list(word(k - 1), profile)
        {
            continue;
        }
        // Its date of adoption: "of 30 October 2024".
        let of = profile
            .data
            .citations
            .of_date
            .iter()
            .any(|o| o == word(end));
        let dated = of
            && dates.day_of(word(end + 1)).is_some()
            && dates.month_number(word(end + 2)).is_some()
            && year_token(word(end + 3));
        let after = if dated { end + 4 } else { end };
        let in_a_list = joins_a_list(word(after), profile)
            && (assembly_resolution(word(after + 1)).is_some() || word(after + 2) == "(");
        if in_a_list {
            continue;
        }
        let mut found = vec![(words[k].0.clone(), newest.number.clone())];
        if previous.body == Body::SecurityCouncil {
            let Some(year) = newest.year else { continue };
            found.push((words[k + 2].0.clone(), year.to_string()));
        }
        if dated {
            // A date is only replaced by the one it stands for.
            let Some(date) = newest.date else { continue };
            found.push((
                words[end + 1].0.start..words[end + 3].0.end,
                dates.written(date),
            ));
        }
        out.extend(found);
    }
    out
}

/// `p` (and its sub-paragraphs) citing the newest of its series where it
/// cites its predecessor, each change listed in `updates`.
fn cite_newest(
    p: &mut Paragraph,
    part: Part,
    label: String,
    previous: &Previous,
    language: Language,
    updates: &mut Vec<Update>,
) {
    let replacements = newest_citations(&p.text, previous, language);
    if let (Some(first), Some(last)) = (replacements.first(), replacements.last()) {
        let whole = first.0.start..last.0.end;
        let old = p.text[whole.clone()].to_string();
        for (range, new) in replacements.iter().rev() {
            for f in &mut p.footnotes {
                if f.offset >= range.end {
                    f.offset = f.offset + new.len() - range.len();
                }
            }
            p.text.replace_range(range.clone(), new);
        }
        let grown: usize = replacements.iter().map(|(_, n)| n.len()).sum();
        let shrunk: usize = replacements.iter().map(|(r, _)| r.len()).sum();
        let end = whole.end + grown - shrunk;
        updates.push(Update {
            part,
            paragraph: label.clone(),
            old,
            new: p.text[whole.start..end].to_string(),
        });
    }
    for sub in &mut p.subparagraphs {
        let sub_label = format!("{label} ({})", sub.number.as_deref().unwrap_or("?"));
        cite_newest(sub, part, sub_label, previous, language, updates);
    }
}

/// How far to move a text's sessions on, and the language it is written in.
#[derive(Clone, Copy)]
struct Shift {
    language: Language,
    from: u32,
    gap: u32,
}

fn shift_paragraph(
    p: &mut Paragraph,
    part: Part,
    label: String,
    shift: Shift,
    updates: &mut Vec<Update>,
) {
    let Shift {
        language,
        from,
        gap,
    } = shift;
    let session = &language.profile().data.citations.session[0];
    let replacements = session_replacements(&p.text, language, from, gap);
    for (range, new) in replacements.iter().rev() {
        // Footnote markers after a replaced ordinal move with the text.
        for f in &mut p.footnotes {
            if f.offset >= range.end {
                f.offset = f.offset + new.len() - range.len();
            }
        }
        updates.push(Update {
            part,
            paragraph: label.clone(),
            old: format!("{} {session}", &p.text[range.clone()]),
            new: format!("{new} {session}"),
        });
        p.text.replace_range(range.clone(), new);
    }
    // Reported in reading order.
    let added = replacements.len();
    let start = updates.len() - added;
    updates[start..].reverse();
    for sub in &mut p.subparagraphs {
        let sub_label = format!("{label} ({})", sub.number.as_deref().unwrap_or("?"));
        shift_paragraph(sub, part, sub_label, shift, updates);
    }
}

/// Session ordinals in `text`, in `language`: those followed by the
/// profile's word for a session, or by one of its session joins and
/// another such ordinal ("seventy-sixth and seventy-seventh sessions",
/// "quatorzième et quinzième sessions").
fn session_ordinals(text: &str, language: Language) -> Vec<(std::ops::Range<usize>, u32)> {
    let citations = &language.profile().data.citations;
    let found = language.ordinals().find(text);
    let mut keep = vec![false; found.len()];
    for i in (0..found.len()).rev() {
        let after = text[found[i].0.end..].trim_start();
        let next_word = after
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        if citations.session.iter().any(|s| s == next_word) {
            keep[i] = true;
        } else if i + 1 < found.len() && keep[i + 1] {
            let between = text[found[i].0.end..found[i + 1].0.start].trim();
            keep[i] = citations.session_joins.iter().any(|j| j == between);
        }
    }
    found
        .into_iter()
        .zip(keep)
        .filter_map(|(f, k)| k.then_some(f))
        .collect()
}

/// The replacements that move each session ordinal ≥ `from` on by `gap`.
fn session_replacements(
    text: &str,
    language: Language,
    from: u32,
    gap: u32,
) -> Vec<(std::ops::Range<usize>, String)> {
    session_ordinals(text, language)
        .into_iter()
        .filter(|(_, n)| *n >= from)
        .filter_map(|(range, n)| {
            let words = match_case(&text[range.clone()], language.ordinals().words(n + gap)?);
            Some((range, words))
        })
        .collect()
}

/// `text` (in `language`) with each session ordinal ≥ `from` moved on by
/// `gap`.
pub fn shift_sessions(text: &str, language: Language, from: u32, gap: u32) -> String {
    let mut out = text.to_string();
    for (range, new) in session_replacements(text, language, from, gap)
        .into_iter()
        .rev()
    {
        out.replace_range(range, &new);
    }
    out
}

/// "Seventy-seventh" stays capitalised when it was.
fn match_case(original: &str, words: &str) -> String {
    if original.starts_with(|c: char| c.is_uppercase()) {
        let mut chars = words.chars();
        chars
            .next()
            .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
            .unwrap_or_default()
    } else {
        words.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Meta;

    #[test]
    fn moves_current_and_later_sessions_but_not_history() {
        let text = "adopted by the General Assembly at its sixty-fourth session, and to submit at its seventy-seventh session a report";
        assert_eq!(
            shift_sessions(text, Language::En, 75, 2),
            "adopted by the General Assembly at its sixty-fourth session, and to submit at its seventy-ninth session a report"
        );
    }

    #[test]
    fn only_ordinals_that_name_sessions_move() {
        let text = "for the first time at its seventy-fifth and seventy-sixth sessions";
        assert_eq!(
            shift_sessions(text, Language::En, 75, 2),
            "for the first time at its seventy-seventh and seventy-eighth sessions"
        );
        assert_eq!(
            shift_sessions("the seventy-seventh anniversary", Language::En, 75, 2),
            "the seventy-seventh anniversary"
        );
    }

    /// French sessions move on in French, lists and all (the sentences of
    /// ../shared/corpus/langs/UNPC_v1.0_devset_resolution-sentences-fr.txt,
    /// lines 201, 317 and 161).
    #[test]
    fn french_sessions_move_on_in_french() {
        let text = "Rappelle qu'elle a décidé de déterminer, à sa soixante-neuvième session, s'il convenait d'organiser en 2015";
        assert_eq!(
            shift_sessions(text, Language::Fr, 69, 2),
            "Rappelle qu'elle a décidé de déterminer, à sa soixante et onzième session, s'il convenait d'organiser en 2015"
        );
        let text = "d'examiner, à ses quatorzième et quinzième sessions, en 2015 et 2016";
        assert_eq!(
            shift_sessions(text, Language::Fr, 14, 1),
            "d'examiner, à ses quinzième et seizième sessions, en 2015 et 2016"
        );
        let text = "la communauté internationale célébrera le soixante-dixième anniversaire";
        assert_eq!(shift_sessions(text, Language::Fr, 69, 2), text);
    }

    /// cuba-embargo 80's OP1 and PP7, and minurso 1513's PP1.
    #[test]
    fn a_lone_citation_of_the_predecessor_cites_the_newest() {
        let meta = |body, symbol: &str, session, year, date| Meta {
            body,
            symbol: Some(symbol.into()),
            session,
            year,
            series: "s".into(),
            date: crate::dates::parse_iso(date),
            ..Default::default()
        };
        let ga = meta(
            Body::GeneralAssembly,
            "A/RES/80/4",
            Some(80),
            None,
            "2025-10-29",
        );
        let previous = Previous::of(&ga, 81, &[&ga]).unwrap();
        let replace = |text: &str, previous: &Previous, language| {
            let mut out = text.to_string();
            for (range, new) in newest_citations(text, previous, language).into_iter().rev() {
                out.replace_range(range, &new);
            }
            out
        };
        let en = Language::En;
        assert_eq!(
            replace("the implementation of resolution 79/7;", &previous, en),
            "the implementation of resolution 80/4;"
        );
        assert_eq!(
            replace("resolution 79/7 of 30 October 2024;", &previous, en),
            "resolution 80/4 of 29 October 2025;"
        );
        let list = "78/7 and 79/7, the economic";
        assert_eq!(replace(list, &previous, en), list);
        let listed_first = "resolutions 79/7 and 80/1";
        assert_eq!(replace(listed_first, &previous, en), listed_first);
        let other = "resolution 75/289 of 23 June 2021";
        assert_eq!(replace(other, &previous, en), other);
        // The Council: the series' resolution before the base.
        let sc = |n: u32, date| {
            meta(
                Body::SecurityCouncil,
                &format!("S/RES/{n} (2003)"),
                None,
                Some(2003),
                date,
            )
        };
        let (old, base) = (sc(1495, "2003-07-31"), sc(1513, "2003-10-28"));
        let previous = Previous::of(&base, 2004, &[&old, &base]).unwrap();
        assert_eq!(
            replace(
                "réaffirmant en particulier la résolution 1495 (2003) du 31 juillet 2003,",
                &previous,
                Language::Fr
            ),
            "réaffirmant en particulier la résolution 1513 (2003) du 28 octobre 2003,"
        );
        let other = "la résolution 1429 (2002) du 30 juillet 2002,";
        assert_eq!(replace(other, &previous, Language::Fr), other);
    }

    #[test]
    fn draft_updates_meta_and_lists_changes() {
        let base = Resolution {
            meta: Meta {
                body: Body::GeneralAssembly,
                symbol: Some("A/75/L.78".into()),
                session: Some(75),
                year: Some(2021),
                series: "csto".into(),
                date: crate::dates::parse_iso("2021-05-11"),
                ..Default::default()
            },
            enacting_formula: None,
            preamble: vec![],
            operative: vec![Paragraph {
                number: Some("9".into()),
                lead: Some("Decides".into()),
                text: "Decides to include in the provisional agenda of its seventy-seventh session the item".into(),
                footnotes: vec![crate::model::FootnoteRef { marker: "4".into(), offset: 84 }],
                ..Default::default()
            }],
            annexes: Vec::new(),
            footnotes: vec![],
        };
        let (draft, updates) = draft(&base, 77, "csto 75 (A/75/L.78)", &[]).unwrap();
        assert_eq!(draft.meta.session, Some(77));
        assert_eq!(draft.meta.year, Some(2023));
        assert_eq!(draft.meta.symbol, None);
        assert_eq!(
            draft.meta.generated_from.as_deref(),
            Some("csto 75 (A/75/L.78)")
        );
        assert!(
            draft.operative[0]
                .text
                .contains("its seventy-ninth session the item")
        );
        // "seventh" -> "ninth" is two bytes shorter: the marker at the end moves with it.
        assert_eq!(draft.operative[0].footnotes[0].offset, 82);
        assert_eq!(draft.operative[0].text.len(), 82);
        assert_eq!(
            updates,
            vec![Update {
                part: Part::Operative,
                paragraph: "9".into(),
                old: "seventy-seventh session".into(),
                new: "seventy-ninth session".into(),
            }]
        );
        assert!(super::draft(&base, 75, "x", &[]).is_err());
    }
}
