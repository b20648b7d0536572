//! The document head, as UN documents print it above the enacting
//! formula: the symbol, the organ, the distribution line and its date, the
//! session and agenda item, the adoption line of the General Assembly
//! ("Resolution adopted by the General Assembly on 1 November 2018") or
//! the heading of the Council's resolution ("Résolution 1541 (2004) du 29
//! avril 2004"), the committee line, a draft's sponsors and the numbered
//! title ("73/8. Necessity of …"), which a dump may spread over several
//! lines or cut short.
//!
//! Each kind of head line is a named rule of [`HEAD_RULES`], asked in that
//! order, whose words are the profile's. Every line the head reads is
//! consumed, so none of it reaches a paragraph; lines it does not
//! recognise are left to the caller.

use super::rules::Rule;
use crate::dates::Date;
use crate::lang::{Profile, first_match};
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
    /// The date of the distribution line.
    pub distributed: Option<Date>,
    /// Set by the adoption line or heading (adopted, with its date).
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
    /// The rule that read each line of the head: (line, rule).
    pub trace: Vec<(usize, &'static str)>,
    /// What the head rules noticed: (line, rule, message).
    pub warnings: Vec<(usize, &'static str, String)>,
}

/// What the reading of the head carries from one line to the next.
#[derive(Debug, Default)]
struct Reading {
    /// A title's first line was read: its next lines may follow.
    in_title: bool,
    /// The distribution line had no date: it may be on the next line.
    pending_distr: bool,
    /// The adoption line had no date: it may be on the next line.
    pending_adopted: bool,
    /// The date of issue is known.
    distributed_known: bool,
}

/// What a head line is.
#[derive(Debug, Clone, PartialEq)]
enum HeadLine {
    /// The adoption date on the line after the adoption line.
    AdoptedDate(Date),
    /// The distribution date on the line after the distribution line.
    DistributedDate(Date),
    Symbol(String),
    Masthead,
    /// The organ, with the distribution line after it on the same line.
    Organ(Body, Option<Option<Date>>),
    /// The distribution line, with its date if it has one.
    Distribution(Option<Date>),
    Original,
    /// A date alone, before a distribution date was read.
    Date(Date),
    Session {
        session: Option<u32>,
        item: Option<String>,
        title: Option<String>,
    },
    /// The adoption line: the organ, and the date if on the same line.
    Adopted(Option<Body>, Option<Date>),
    Committee,
    Sponsors(String),
    NumberedTitle(String, String),
    NumberAlone(String),
    TitleGoesOn,
    /// The Council's heading: resolution number, year, date, and a
    /// footnote marker glued to the date.
    CouncilHeading {
        number: u32,
        year: u32,
        date: Option<Date>,
        marker: Option<String>,
    },
}

/// A rule of the head: its name and purpose, and its reading of a line.
pub struct HeadRule {
    /// The rule as documented.
    pub rule: Rule,
    read: fn(&Reading, &str, &Profile) -> Option<HeadLine>,
}

/// The rules of the head, in the order they are asked.
pub const HEAD_RULES: &[HeadRule] = &[
    HeadRule {
        rule: Rule {
            name: "head-adopted-date",
            decides: "the line after an adoption line without its date (\"… on\" / \"1 November 2018\") gives the date",
        },
        read: |reading, text, profile| {
            reading.pending_adopted.then_some(())?;
            first_match(&profile.patterns.adopted_date, text, profile)?
                .date
                .map(HeadLine::AdoptedDate)
        },
    },
    HeadRule {
        rule: Rule {
            name: "head-distributed-date",
            decides: "the line after a distribution line without its date is that date",
        },
        read: |reading, text, profile| {
            reading.pending_distr.then_some(())?;
            profile.parse_date(text).map(HeadLine::DistributedDate)
        },
    },
    HeadRule {
        rule: Rule {
            name: "head-symbol",
            decides: "a document symbol alone (`A/RES/73/8`, `S/2024/302`) is the document's",
        },
        read: |_, text, _| Symbol::parse_own(text).map(|s| HeadLine::Symbol(s.to_string())),
    },
    HeadRule {
        rule: Rule {
            name: "head-masthead",
            decides: "\"United Nations\" (\"Nations Unies\") is the masthead",
        },
        read: |_, text, profile| {
            profile
                .data
                .head
                .masthead
                .iter()
                .any(|m| m == text)
                .then_some(HeadLine::Masthead)
        },
    },
    HeadRule {
        rule: Rule {
            name: "head-organ",
            decides: "the organ's name, alone or with the distribution line after it (\"Security Council Distr.: General\"), gives the body",
        },
        read: |_, text, profile| {
            let organs = &profile.data.organs;
            for (names, body) in [
                (&organs.general_assembly, Body::GeneralAssembly),
                (&organs.security_council, Body::SecurityCouncil),
            ] {
                for name in names {
                    let Some(rest) = text.strip_prefix(name.as_str()) else {
                        continue;
                    };
                    let rest = rest.trim();
                    if rest.is_empty() {
                        return Some(HeadLine::Organ(body, None));
                    }
                    if let Some(distr) = distribution(rest, profile) {
                        return Some(HeadLine::Organ(body, Some(distr)));
                    }
                }
            }
            None
        },
    },
    HeadRule {
        rule: Rule {
            name: "head-distribution",
            decides: "the distribution line (\"Distr.: General 5 November 2018\", \"Distr. générale\") gives the date of issue, or its next line does",
        },
        read: |_, text, profile| distribution(text, profile).map(HeadLine::Distribution),
    },
    HeadRule {
        rule: Rule {
            name: "head-original",
            decides: "the line of the original language (\"Original: English\") is read and dropped",
        },
        read: |_, text, profile| {
            profile
                .data
                .head
                .original
                .iter()
                .any(|o| text.starts_with(o.as_str()))
                .then_some(HeadLine::Original)
        },
    },
    HeadRule {
        rule: Rule {
            name: "head-council-heading",
            decides: "the heading of a Council resolution (\"Résolution 1541 (2004) du 29 avril 2004\", \"Resolution 1513 (2003)\") gives its symbol `S/RES/1541 (2004)`, that it was adopted, and its date; a footnote marker glued to the date is named",
        },
        read: |_, text, profile| {
            let c = first_match(&profile.patterns.council_heading, text, profile)?;
            Some(HeadLine::CouncilHeading {
                number: c.number?,
                year: c.year?,
                date: c.date,
                marker: c.rest,
            })
        },
    },
    HeadRule {
        rule: Rule {
            name: "head-council-adopted",
            decides: "\"Adopted by the Security Council at its 4850th meeting, on 28 October 2003\" (its date on the line after, or not) says the resolution was adopted, and when",
        },
        read: |_, text, profile| {
            let c = first_match(&profile.patterns.council_adopted, text, profile)?;
            Some(HeadLine::Adopted(Some(Body::SecurityCouncil), c.date))
        },
    },
    HeadRule {
        rule: Rule {
            name: "head-date",
            decides: "a date alone, before the distribution date is known, is the date of issue",
        },
        read: |reading, text, profile| {
            (!reading.distributed_known).then_some(())?;
            profile.parse_date(text).map(HeadLine::Date)
        },
    },
    HeadRule {
        rule: Rule {
            name: "head-session",
            decides: "the session line (\"Seventy-third session\", \"Soixante-treizième session\") gives the session, with the agenda item and its title after it or alone (\"Agenda item 90 (b) …\", \"Point 43 de l’ordre du jour\")",
        },
        read: |_, text, profile| {
            let (session, rest) = match first_match(&profile.patterns.session, text, profile) {
                Some(c) => (c.ordinal, c.rest.unwrap_or_default()),
                None => (None, text.to_string()),
            };
            let Some(agenda) = first_match(&profile.patterns.agenda_item, &rest, profile) else {
                return (session.is_some() && rest.is_empty()).then_some(HeadLine::Session {
                    session,
                    item: None,
                    title: None,
                });
            };
            let after = agenda.text.unwrap_or_default();
            let (item, mut title) = agenda_item(&after, profile)?;
            if let Some(more) = agenda.rest {
                title = Some(match title {
                    Some(t) => format!("{t} {more}"),
                    None => more,
                });
            }
            Some(HeadLine::Session {
                session,
                item: Some(item),
                title,
            })
        },
    },
    HeadRule {
        rule: Rule {
            name: "head-adopted",
            decides: "\"Resolution adopted by the General Assembly on 1 November 2018\" (\"Résolution adoptée par l’Assemblée générale le …\") says the resolution was adopted, by which organ and when; the date may be on the next line",
        },
        read: |_, text, profile| {
            let patterns = &profile.patterns;
            if let Some(c) = first_match(&patterns.adopted, text, profile) {
                return Some(HeadLine::Adopted(c.organ, c.date));
            }
            let c = first_match(&patterns.adopted_open, text, profile)?;
            Some(HeadLine::Adopted(c.organ, None))
        },
    },
    HeadRule {
        rule: Rule {
            name: "head-committee",
            decides: "a line in brackets naming a committee (\"[without reference to a Main Committee (A/73/L.3)]\", \"[sur la base du rapport de la Cinquième Commission …]\") is the committee line",
        },
        read: |_, text, profile| {
            let lower = text.to_lowercase();
            (text.starts_with('[')
                && text.ends_with(']')
                && profile
                    .data
                    .head
                    .committee
                    .iter()
                    .any(|c| lower.contains(c.as_str())))
            .then_some(HeadLine::Committee)
        },
    },
    HeadRule {
        rule: Rule {
            name: "head-sponsors",
            decides: "a line ending \": draft resolution\" (\": projet de résolution\") names the sponsors, with the lines before it since the last one the head read",
        },
        read: |_, text, profile| {
            sponsors_of(text, profile).map(|s| HeadLine::Sponsors(s.to_string()))
        },
    },
    HeadRule {
        rule: Rule {
            name: "head-title",
            decides: "`73/8. Necessity of …` is the resolution's number and title (`73/8.` alone: its number, the title on the next lines); the lines after it that end no paragraph go on with the title",
        },
        read: |reading, text, _| {
            if let Some((n, title)) = numbered_title(text) {
                return Some(HeadLine::NumberedTitle(n, title.to_string()));
            }
            if let Some(n) = text
                .strip_suffix('.')
                .filter(|n| numbered_title(&format!("{n}. T")).is_some())
            {
                return Some(HeadLine::NumberAlone(n.to_string()));
            }
            (reading.in_title && !text.ends_with([',', ';'])).then_some(HeadLine::TitleGoesOn)
        },
    },
];

/// The distribution line's date: `Some(None)` for the line without one.
fn distribution(text: &str, profile: &Profile) -> Option<Option<Date>> {
    let rest = profile
        .data
        .head
        .distribution
        .iter()
        .find_map(|d| text.strip_prefix(d.as_str()))?;
    Some(profile.dates().find(rest))
}

/// Read the head from the lines before the text; each is (line, text).
pub fn read(lines: &[(usize, String)], profile: &Profile) -> Head {
    let mut head = Head::default();
    let mut reading = Reading::default();
    // The number of the last line the head read as one of its parts.
    let mut last_read = 0;
    for (number, raw) in lines {
        let text = raw.trim();
        if text.is_empty() {
            continue;
        }
        let found = HEAD_RULES
            .iter()
            .find_map(|r| (r.read)(&reading, text, profile).map(|l| (r.rule.name, l)));
        // The pending dates hold for one line only.
        reading.pending_adopted = false;
        reading.pending_distr = false;
        let Some((rule, line)) = found else {
            head.rest.push((*number, raw.clone()));
            continue;
        };
        head.trace.push((*number, rule));
        let at = Applying {
            number: *number,
            text,
            rule,
            last_read,
        };
        apply(&mut head, &mut reading, line, &at, profile);
        reading.distributed_known = head.distributed.is_some();
        last_read = *number;
    }
    // A dump that cut the title short: the agenda item printed it whole.
    if let (Some(title), Some(agenda)) = (&head.title, &head.agenda_title)
        && let Some(longer) = completed(title, agenda, profile)
    {
        head.title = Some(longer);
    }
    head
}

/// The line a head rule read, where and by which rule.
struct Applying<'t> {
    number: usize,
    text: &'t str,
    rule: &'static str,
    /// The last line the head read before this one.
    last_read: usize,
}

fn apply(
    head: &mut Head,
    reading: &mut Reading,
    line: HeadLine,
    at: &Applying<'_>,
    profile: &Profile,
) {
    match line {
        HeadLine::AdoptedDate(date) => head.adopted = Some(date),
        HeadLine::DistributedDate(date) => head.distributed = Some(date),
        HeadLine::Symbol(symbol) => {
            head.symbol.get_or_insert(symbol);
            reading.in_title = false;
        }
        HeadLine::Masthead | HeadLine::Original => {}
        HeadLine::Organ(body, distr) => {
            head.body.get_or_insert(body);
            if let Some(distr) = distr {
                match distr {
                    Some(date) => head.distributed = Some(date),
                    None => reading.pending_distr = true,
                }
            }
        }
        HeadLine::Distribution(date) => match date {
            Some(date) => head.distributed = Some(date),
            None => reading.pending_distr = true,
        },
        HeadLine::Date(date) => {
            if head.distributed.is_none() {
                head.distributed = Some(date);
            }
        }
        HeadLine::Session {
            session,
            item,
            title,
        } => {
            head.session = head.session.or(session);
            if item.is_some() {
                head.agenda_item = item;
            }
            if title.is_some() {
                head.agenda_title = title;
            }
        }
        HeadLine::Adopted(body, date) => {
            head.status = Some(Status::Adopted);
            head.adopted = date;
            reading.pending_adopted = date.is_none();
            if head.body.is_none() {
                head.body = body;
            }
        }
        HeadLine::Committee => head.committee = Some(at.text.to_string()),
        HeadLine::Sponsors(names) => {
            // Wrapped, the sponsors' first lines are the ones since the
            // last line the head read.
            let since = head
                .rest
                .iter()
                .position(|(n, _)| *n > at.last_read)
                .unwrap_or(head.rest.len());
            let wrapped: Vec<String> = head
                .rest
                .split_off(since)
                .into_iter()
                .map(|(_, t)| t)
                .collect();
            let names = format!("{} {names}", wrapped.join(" "));
            head.sponsors = sponsors(names.trim().trim_end_matches(':'), profile);
            reading.in_title = false;
        }
        HeadLine::NumberedTitle(n, title) => {
            head.number = Some(n);
            head.title = Some(title);
            reading.in_title = true;
        }
        HeadLine::NumberAlone(n) => {
            head.number = Some(n);
            reading.in_title = true;
        }
        HeadLine::TitleGoesOn => match head.title.as_mut() {
            Some(title) => {
                title.push(' ');
                title.push_str(at.text);
            }
            None => head.title = Some(at.text.to_string()),
        },
        HeadLine::CouncilHeading {
            number: resolution,
            year,
            date,
            marker,
        } => {
            head.symbol = Some(format!("S/RES/{resolution} ({year})"));
            head.body = Some(Body::SecurityCouncil);
            head.status = Some(Status::Adopted);
            head.adopted = date;
            if let Some(marker) = marker {
                head.warnings.push((
                    at.number,
                    at.rule,
                    format!(
                        "'{marker}' after the heading's date is a footnote marker whose note is not in the text"
                    ),
                ));
            }
        }
    }
}

/// `title` completed from `fuller`, which prints it whole (compared
/// without regard to case), when the title looks cut: it ends on a word no
/// title ends on ("… through sport and the" inside "Sport for development
/// and peace: building a peaceful and better world through sport and the
/// Olympic ideal"), or `fuller` opens with it and carries on in the same
/// sentence ("… commercial and financial" + " embargo imposed by …").
pub fn completed(title: &str, fuller: &str, profile: &Profile) -> Option<String> {
    let title = title.trim_end();
    let lower_title = title.to_lowercase();
    let lower_fuller = fuller.to_lowercase();
    // Lower-casing keeps byte lengths in the text titles are written in;
    // where it does not, give up rather than cut a character.
    if lower_title.len() != title.len() || lower_fuller.len() != fuller.len() {
        return None;
    }
    let cut = looks_cut(title, profile);
    let at = if cut {
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
    (cut && !rest.trim().is_empty() || continues).then(|| format!("{title}{rest}"))
}

/// Whether a title ends on a word a title never ends on (an article, a
/// preposition, a conjunction: the profile's `title_dangling`): its line
/// was lost.
pub fn looks_cut(title: &str, profile: &Profile) -> bool {
    let last = title.rsplit(' ').next().unwrap_or_default().to_lowercase();
    profile.data.head.title_dangling.contains(&last) || title.ends_with([',', ':', '-'])
}

/// "France and Germany: draft resolution" → "France and Germany".
fn sponsors_of<'a>(text: &'a str, profile: &Profile) -> Option<&'a str> {
    profile
        .data
        .head
        .sponsors
        .iter()
        .find_map(|kind| text.strip_suffix(kind.as_str()))
        .map(str::trim_end)
        .filter(|names| names.is_empty() || names.ends_with(':'))
        .map(|names| names.trim_end_matches(':').trim_end())
}

/// The sponsors a whole sponsors' line names, in whichever language the
/// line is written (a sidecar's title may be one).
pub fn sponsors_line(text: &str) -> Option<Vec<String>> {
    crate::lang::Language::ALL.iter().find_map(|l| {
        let profile = l.profile();
        sponsors_of(text.trim(), profile).map(|names| sponsors(names, profile))
    })
}

/// "Malaysia, New Zealand, Senegal and Bolivarian Republic of Venezuela"
/// → the four names.
fn sponsors(list: &str, profile: &Profile) -> Vec<String> {
    let names_with = &profile.data.head.names_with_conjunction;
    let mut list = list.split_whitespace().collect::<Vec<_>>().join(" ");
    // Names with the conjunction are held apart while the list is split.
    for (i, name) in names_with.iter().enumerate() {
        list = list.replace(name.as_str(), &format!("\u{E002}{i}\u{E003}"));
    }
    let restore = |s: &str| {
        let mut s = s.to_string();
        for (i, name) in names_with.iter().enumerate() {
            s = s.replace(&format!("\u{E002}{i}\u{E003}"), name);
        }
        s
    };
    let conjunctions: Vec<String> = profile
        .data
        .words
        .list_conjunctions
        .iter()
        .take(1)
        .map(|c| format!(" {c} "))
        .collect();
    list.split(", ")
        .flat_map(|part| {
            let mut pieces = vec![part.to_string()];
            for c in &conjunctions {
                pieces = pieces
                    .iter()
                    .flat_map(|p| p.split(c.as_str()).map(str::to_string).collect::<Vec<_>>())
                    .collect();
            }
            pieces
        })
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .map(|s| restore(&s))
        .collect()
}

/// "90 (b) Reduction of military budgets", "160 a)": the item (numbers
/// with their letters, joined by commas or the list's conjunction) and
/// the title after it.
fn agenda_item(after: &str, profile: &Profile) -> Option<(String, Option<String>)> {
    let words: Vec<&str> = after.split(' ').collect();
    let conjunctions = &profile.data.words.list_conjunctions;
    let mut taken = 0;
    for (i, w) in words.iter().enumerate() {
        let w = w.trim_end_matches(',');
        let number = !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
        let letter = w.len() <= 6 && super::rules::shapes::bare_sub_label(w, profile);
        let joiner = conjunctions.iter().take(1).any(|c| c == w)
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
    Some((item, (!title.is_empty()).then_some(title)))
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

    fn en() -> &'static Profile {
        crate::lang::Language::En.profile()
    }

    fn lines(texts: &[&str]) -> Vec<(usize, String)> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| (i + 1, t.to_string()))
            .collect()
    }

    #[test]
    fn a_general_assembly_head_as_a_pdf_sets_it() {
        let head = read(
            &lines(&[
                "A/RES/73/8",
                "United Nations",
                "General Assembly Distr.: General",
                "5 November 2018",
                "Seventy-third session Agenda item 43",
                "Resolution adopted by the General Assembly on 1 November 2018",
                "[without reference to a Main Committee (A/73/L.3)]",
                "73/8. Necessity of ending the economic, commercial and financial",
                "embargo imposed by the United States of America against Cuba",
            ]),
            en(),
        );
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
        let head = read(
            &lines(&[
                "United Nations",
                "General Assembly Distr.: General 5 December 2025",
                "Eightieth session Agenda item 90 (b) Reduction of military budgets: objective information",
                "Resolution adopted by the General Assembly on 1 December 2025",
                "[on the report of the First Committee (A/80/534, para. 7)]",
                "80/12. Reduction of military budgets:",
            ]),
            en(),
        );
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
                agenda,
                en()
            )
            .as_deref(),
            Some("Building a peaceful and better world through sport and the Olympic ideal")
        );
        // A whole title that is the start of its agenda item stays whole.
        assert_eq!(
            completed("Sport for development and peace", agenda, en()),
            None
        );
        assert_eq!(
            completed(
                "Necessity of ending the economic",
                "Necessity of ending the economic embargo",
                en()
            )
            .as_deref(),
            Some("Necessity of ending the economic embargo")
        );
        assert!(looks_cut(
            "Measures to prevent terrorists from acquiring weapons of",
            en()
        ));
        assert!(!looks_cut(
            "Measures to prevent terrorists from acquiring weapons of mass destruction",
            en()
        ));
    }

    #[test]
    fn sponsors_are_split_without_breaking_names() {
        let head = read(
            &lines(&[
                "S/2024/302",
                "Security Council Distr.: General",
                "Antigua and Barbuda, Bosnia and Herzegovina, Micronesia (Federated States of),",
                "Netherlands (Kingdom of the) and United Kingdom of Great Britain and Northern Ireland: draft resolution",
            ]),
            en(),
        );
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
