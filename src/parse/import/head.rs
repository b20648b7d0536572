//! The document head, as UN documents print it above the enacting
//! formula: the symbol, the organ, "Distr.: General" and its date, the
//! session ("Seventy-third session") and agenda item, "Resolution adopted
//! by the General Assembly on 1 November 2018" (so the status and date),
//! the committee line ("[without reference to a Main Committee
//! (A/73/L.3)]") and the numbered title ("73/8. Necessity of …"), which a
//! dump may spread over several lines or cut short.
//!
//! Every line the head reads is consumed, so none of it reaches a
//! paragraph; lines it does not recognise are left to the caller.

use crate::dates::{Date, find_written, parse_written};
use crate::lang::Language;
use crate::model::{Body, Status};
use crate::symbol::Symbol;

/// What the head says.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Head {
    pub symbol: Option<String>,
    pub body: Option<Body>,
    pub session: Option<u32>,
    pub agenda_item: Option<String>,
    /// The agenda item's own title, when printed after it.
    pub agenda_title: Option<String>,
    /// The date of the "Distr.: General" line.
    pub distributed: Option<Date>,
    /// Set by "Resolution adopted by …" (adopted, with its date).
    pub status: Option<Status>,
    pub adopted: Option<Date>,
    /// "[without reference to a Main Committee (A/73/L.3)]" as printed.
    pub committee: Option<String>,
    /// "73/8".
    pub number: Option<String>,
    /// A draft's sponsors, from "…: draft resolution".
    pub sponsors: Vec<String>,
    pub title: Option<String>,
    /// Lines that were not part of the head: (line, text).
    pub rest: Vec<(usize, String)>,
}

/// Read the head from the lines before the text; each is (line, text).
pub fn read(lines: &[(usize, String)]) -> Head {
    let mut head = Head::default();
    let mut in_title = false;
    let mut pending_distr = false;
    let mut pending_adopted = false;
    // The number of the last line the head read as one of its parts.
    let mut last_read = 0;
    for (number, raw) in lines {
        let text = raw.trim();
        if text.is_empty() {
            continue;
        }
        let unread = head.rest.len();
        'line: {
            if pending_adopted {
                pending_adopted = false;
                if let Some(rest) = text.strip_prefix("on ")
                    && let Some(date) = parse_written(rest)
                {
                    head.adopted = Some(date);
                    break 'line;
                }
            }
            if pending_distr {
                pending_distr = false;
                if let Some(date) = parse_written(text) {
                    head.distributed = Some(date);
                    break 'line;
                }
            }
            if let Some(symbol) = symbol_line(text) {
                head.symbol.get_or_insert(symbol);
                in_title = false;
                break 'line;
            }
            if text == "United Nations" {
                break 'line;
            }
            if let Some((body, distr)) = organ_line(text) {
                head.body.get_or_insert(body);
                if let Some(distr) = distr {
                    match find_written(distr) {
                        Some(date) => head.distributed = Some(date),
                        None => pending_distr = true,
                    }
                }
                break 'line;
            }
            if let Some(rest) = text.strip_prefix("Distr.:") {
                match find_written(rest) {
                    Some(date) => head.distributed = Some(date),
                    None => pending_distr = true,
                }
                break 'line;
            }
            if text.starts_with("Original:") {
                break 'line;
            }
            if head.distributed.is_none()
                && let Some(date) = parse_written(text)
            {
                head.distributed = Some(date);
                break 'line;
            }
            if let Some((session, item, title)) = session_line(text) {
                head.session = head.session.or(session);
                if item.is_some() {
                    head.agenda_item = item;
                }
                if title.is_some() {
                    head.agenda_title = title;
                }
                break 'line;
            }
            if let Some(rest) = text.strip_prefix("Resolution adopted by the ") {
                head.status = Some(Status::Adopted);
                head.adopted = find_written(rest);
                pending_adopted = head.adopted.is_none();
                if head.body.is_none() {
                    head.body = super::body_named(rest);
                }
                break 'line;
            }
            if text.starts_with('[') && text.ends_with(']') && text.contains("Committee") {
                head.committee = Some(text.to_string());
                break 'line;
            }
            // The sponsors' line ends ": draft resolution"; wrapped, its first
            // lines are the ones since the last line the head read.
            if let Some(names) = sponsors_of(text) {
                let since = head
                    .rest
                    .iter()
                    .position(|(n, _)| *n > last_read)
                    .unwrap_or(head.rest.len());
                let wrapped: Vec<String> = head
                    .rest
                    .split_off(since)
                    .into_iter()
                    .map(|(_, t)| t)
                    .collect();
                let names = format!("{} {names}", wrapped.join(" "));
                head.sponsors = sponsors(names.trim().trim_end_matches(':'));
                in_title = false;
                break 'line;
            }
            if let Some((n, title)) = numbered_title(text) {
                head.number = Some(n);
                head.title = Some(title.to_string());
                in_title = true;
                break 'line;
            }
            // `73/8.` alone, the title on the lines after it.
            if let Some(n) = text
                .strip_suffix('.')
                .filter(|n| numbered_title(&format!("{n}. T")).is_some())
            {
                head.number = Some(n.to_string());
                in_title = true;
                break 'line;
            }
            if in_title && !text.ends_with([',', ';']) {
                // A wrapped title: its next line.
                match head.title.as_mut() {
                    Some(title) => {
                        title.push(' ');
                        title.push_str(text);
                    }
                    None => head.title = Some(text.to_string()),
                }
                break 'line;
            }
            head.rest.push((*number, raw.clone()));
        }
        if head.rest.len() == unread {
            last_read = *number;
        }
    }
    // A dump that cut the title short: the agenda item printed it whole.
    if let (Some(title), Some(agenda)) = (&head.title, &head.agenda_title)
        && let Some(longer) = completed(title, agenda)
    {
        head.title = Some(longer);
    }
    head
}

/// `title` completed from `fuller`, which prints it whole (compared
/// without regard to case), when the title looks cut: it ends on a word no
/// title ends on ("… through sport and the" inside "Sport for development
/// and peace: building a peaceful and better world through sport and the
/// Olympic ideal"), or `fuller` opens with it and carries on in the same
/// sentence ("… commercial and financial" + " embargo imposed by …").
pub fn completed(title: &str, fuller: &str) -> Option<String> {
    let title = title.trim_end();
    let lower_title = title.to_lowercase();
    let lower_fuller = fuller.to_lowercase();
    // Lower-casing keeps byte lengths in the text titles are written in;
    // where it does not, give up rather than cut a character.
    if lower_title.len() != title.len() || lower_fuller.len() != fuller.len() {
        return None;
    }
    let at = if looks_cut(title) {
        lower_fuller.find(&lower_title)?
    } else {
        0
    };
    if !lower_fuller[at..].starts_with(&lower_title) {
        return None;
    }
    let rest = fuller.get(at + title.len()..)?;
    let continues = rest
        .strip_prefix(' ')
        .is_some_and(|r| r.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit()));
    (looks_cut(title) && !rest.trim().is_empty() || continues).then(|| format!("{title}{rest}"))
}

/// Whether a title ends on a word a title never ends on (an article, a
/// preposition, a conjunction): its line was lost.
pub fn looks_cut(title: &str) -> bool {
    let last = title.rsplit(' ').next().unwrap_or_default().to_lowercase();
    matches!(
        last.as_str(),
        "the"
            | "a"
            | "an"
            | "of"
            | "and"
            | "or"
            | "in"
            | "on"
            | "for"
            | "to"
            | "with"
            | "by"
            | "at"
            | "from"
    ) || title.ends_with([',', ':', '-'])
}

/// Member States whose names hold an "and", which must not split them.
const NAMES_WITH_AND: &[&str] = &[
    "Antigua and Barbuda",
    "Bosnia and Herzegovina",
    "Saint Kitts and Nevis",
    "Saint Vincent and the Grenadines",
    "Sao Tome and Principe",
    "Trinidad and Tobago",
    "United Kingdom of Great Britain and Northern Ireland",
];

/// "France and Germany: draft resolution" → "France and Germany".
fn sponsors_of(text: &str) -> Option<&str> {
    ["draft resolution", "revised draft resolution"]
        .iter()
        .find_map(|kind| text.strip_suffix(kind))
        .map(str::trim_end)
        .filter(|names| names.is_empty() || names.ends_with(':'))
        .map(|names| names.trim_end_matches(':'))
}

/// The sponsors a whole sponsors' line names.
pub fn sponsors_line(text: &str) -> Option<Vec<String>> {
    sponsors_of(text.trim()).map(sponsors)
}

/// "Malaysia, New Zealand, Senegal and Bolivarian Republic of Venezuela"
/// → the four names.
fn sponsors(list: &str) -> Vec<String> {
    let mut list = list.split_whitespace().collect::<Vec<_>>().join(" ");
    // Names with an "and" are held apart while the list is split.
    for (i, name) in NAMES_WITH_AND.iter().enumerate() {
        list = list.replace(name, &format!("\u{E002}{i}\u{E003}"));
    }
    let restore = |s: &str| {
        let mut s = s.to_string();
        for (i, name) in NAMES_WITH_AND.iter().enumerate() {
            s = s.replace(&format!("\u{E002}{i}\u{E003}"), name);
        }
        s
    };
    list.split(", ")
        .flat_map(|part| part.split(" and "))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(restore)
        .collect()
}

/// A document symbol alone on a line: `A/RES/73/8`, `A/75/L.78`,
/// `A/C.3/78/L.41/Rev.1`, `S/2020/449`, `S/RES/2655 (2022)`.
pub fn symbol_line(text: &str) -> Option<String> {
    Symbol::parse_own(text).map(|s| s.to_string())
}

/// "General Assembly", "Security Council Distr.: General 6 February 2018".
fn organ_line(text: &str) -> Option<(Body, Option<&str>)> {
    for (name, body) in [
        ("General Assembly", Body::GeneralAssembly),
        ("Security Council", Body::SecurityCouncil),
    ] {
        if let Some(rest) = text.strip_prefix(name) {
            let rest = rest.trim();
            if rest.is_empty() {
                return Some((body, None));
            }
            if let Some(distr) = rest.strip_prefix("Distr.:") {
                return Some((body, Some(distr)));
            }
        }
    }
    None
}

/// "Seventy-third session", "Eightieth session Agenda item 90 (b) Title",
/// "Agenda item 43", "Agenda items 20 and 21": (session, item, title).
fn session_line(text: &str) -> Option<(Option<u32>, Option<String>, Option<String>)> {
    let (session, rest) = match text.split_once(" session") {
        Some((ordinal, rest)) if !ordinal.contains(' ') || ordinal.split(' ').count() <= 2 => {
            let n = Language::En.ordinals().parse(ordinal)?;
            (Some(n), rest.trim())
        }
        _ => (None, text),
    };
    let after = rest
        .strip_prefix("Agenda items ")
        .or_else(|| rest.strip_prefix("Agenda item "));
    let Some(after) = after else {
        return (session.is_some() && rest.is_empty()).then_some((session, None, None));
    };
    // The item: numbers with their letters, joined by "and" or commas.
    let words: Vec<&str> = after.split(' ').collect();
    let mut taken = 0;
    for (i, w) in words.iter().enumerate() {
        let w = w.trim_end_matches(',');
        let number = !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
        let letter = w.starts_with('(') && w.ends_with(')') && w.len() <= 6;
        let joiner = w == "and"
            && words
                .get(i + 1)
                .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()));
        if number || letter || joiner {
            taken = i + 1;
        } else {
            break;
        }
    }
    if taken == 0 {
        return None;
    }
    let item = words[..taken].join(" ");
    let title = words[taken..].join(" ");
    let title = (!title.is_empty()).then_some(title);
    Some((session, Some(item), title))
}

/// "73/8. Necessity of …" → ("73/8", "Necessity of …").
pub(super) fn numbered_title(text: &str) -> Option<(String, &str)> {
    let (number, title) = text.split_once(". ")?;
    let (session, n) = number.split_once('/')?;
    let digits = |s: &str| !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit());
    (digits(session)
        && digits(n)
        && title.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
    .then(|| (number.to_string(), title.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(texts: &[&str]) -> Vec<(usize, String)> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| (i + 1, t.to_string()))
            .collect()
    }

    #[test]
    fn a_general_assembly_head_as_a_pdf_sets_it() {
        let head = read(&lines(&[
            "A/RES/73/8",
            "United Nations",
            "General Assembly Distr.: General",
            "5 November 2018",
            "Seventy-third session Agenda item 43",
            "Resolution adopted by the General Assembly on 1 November 2018",
            "[without reference to a Main Committee (A/73/L.3)]",
            "73/8. Necessity of ending the economic, commercial and financial",
            "embargo imposed by the United States of America against Cuba",
        ]));
        assert_eq!(head.symbol.as_deref(), Some("A/RES/73/8"));
        assert_eq!(head.body, Some(Body::GeneralAssembly));
        assert_eq!(head.session, Some(73));
        assert_eq!(head.agenda_item.as_deref(), Some("43"));
        assert_eq!(
            head.distributed.map(|d| d.to_string()).as_deref(),
            Some("2018-11-05")
        );
        assert_eq!(
            (head.status, head.adopted.map(|d| d.to_string()).as_deref()),
            (Some(Status::Adopted), Some("2018-11-01"))
        );
        assert_eq!(
            head.committee.as_deref(),
            Some("[without reference to a Main Committee (A/73/L.3)]")
        );
        assert_eq!(head.number.as_deref(), Some("73/8"));
        assert_eq!(
            head.title.as_deref(),
            Some(
                "Necessity of ending the economic, commercial and financial embargo imposed by the United States of America against Cuba"
            )
        );
        assert!(head.rest.is_empty());
    }

    #[test]
    fn a_dump_that_cut_the_title_takes_it_from_the_agenda_item() {
        let head = read(&lines(&[
            "United Nations",
            "General Assembly Distr.: General 5 December 2025",
            "Eightieth session Agenda item 90 (b) Reduction of military budgets: objective information",
            "Resolution adopted by the General Assembly on 1 December 2025",
            "[on the report of the First Committee (A/80/534, para. 7)]",
            "80/12. Reduction of military budgets:",
        ]));
        assert_eq!(head.session, Some(80));
        assert_eq!(head.agenda_item.as_deref(), Some("90 (b)"));
        assert_eq!(
            head.title.as_deref(),
            Some("Reduction of military budgets: objective information")
        );
        assert_eq!(
            head.distributed.map(|d| d.to_string()).as_deref(),
            Some("2025-12-05")
        );
        assert_eq!(
            head.adopted.map(|d| d.to_string()).as_deref(),
            Some("2025-12-01")
        );
    }

    #[test]
    fn only_a_title_that_looks_cut_is_completed() {
        let agenda = "Sport for development and peace: building a peaceful and better world through sport and the Olympic ideal";
        assert_eq!(
            completed(
                "Building a peaceful and better world through sport and the",
                agenda
            )
            .as_deref(),
            Some("Building a peaceful and better world through sport and the Olympic ideal")
        );
        // A whole title that is the start of its agenda item stays whole.
        assert_eq!(completed("Sport for development and peace", agenda), None);
        assert_eq!(
            completed(
                "Necessity of ending the economic",
                "Necessity of ending the economic embargo"
            )
            .as_deref(),
            Some("Necessity of ending the economic embargo")
        );
        assert!(looks_cut(
            "Measures to prevent terrorists from acquiring weapons of"
        ));
        assert!(!looks_cut(
            "Measures to prevent terrorists from acquiring weapons of mass destruction"
        ));
    }

    #[test]
    fn sponsors_are_split_without_breaking_names() {
        let head = read(&lines(&[
            "S/2024/302",
            "Security Council Distr.: General",
            "Antigua and Barbuda, Bosnia and Herzegovina, Micronesia (Federated States of),",
            "Netherlands (Kingdom of the) and United Kingdom of Great Britain and Northern Ireland: draft resolution",
        ]));
        assert_eq!(
            head.sponsors,
            [
                "Antigua and Barbuda",
                "Bosnia and Herzegovina",
                "Micronesia (Federated States of)",
                "Netherlands (Kingdom of the)",
                "United Kingdom of Great Britain and Northern Ireland"
            ]
        );
        assert!(head.rest.is_empty() && head.title.is_none());
    }
}
