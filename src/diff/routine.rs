//! Routine updates: the changes a recurring resolution makes every time it
//! comes back, which a reviewer may hide. A change is routine only under one
//! of the named [`RoutineRule`]s, judged on the changed words *in their
//! place* (what stands before and after them), so that a year inside a
//! citation ("resolution 2107 (2013)") or a historical date never passes
//! for a session update. A paragraph is routine only when every change in
//! it is (see `records`).

use super::words::{Edit, first_tokens, last_tokens, tokens};
use crate::comparison::{RoutineRule, WordOp, WordOpKind};
use crate::dates::{Date, calendar_date};
use crate::lang::{Language, Profile};
use crate::model::{Body, Meta};
use crate::symbol::Symbol;

/// The interval between two versions: sessions (General Assembly, where a
/// session is a year, so years move by the same gap) or years (Security
/// Council). `None` when either version is unknown.
pub fn interval(old: Option<u32>, new: Option<u32>) -> Option<i64> {
    Some(i64::from(new?) - i64::from(old?))
}

/// What the rules know of the two versions.
#[derive(Debug, Clone, Default)]
pub struct Versions {
    /// Sessions (Assembly) or years (Council) between the versions.
    pub gap: Option<i64>,
    /// The body, when both versions are of the same one.
    pub body: Option<Body>,
    /// The old and new version keys (session or year).
    pub old_version: Option<u32>,
    pub new_version: Option<u32>,
    /// The dates the versions bear, which tell a historical date (before
    /// the version) from a deadline (after it).
    pub old_date: Option<Date>,
    pub new_date: Option<Date>,
    /// The Council resolutions the versions are (1513 of `S/RES/1513
    /// (2003)`), where they are adopted ones.
    pub old_number: Option<u32>,
    pub new_number: Option<u32>,
    /// The versions' language: its words for sessions, months, "until".
    pub language: Language,
}

impl Versions {
    /// The facts of two versions' metadata. A version without a date is
    /// dated to the start of its year (a Council year; an Assembly
    /// session opens in the year 1945 + its number), so a date before it is
    /// still told as history.
    pub fn of(old: &Meta, new: &Meta) -> Versions {
        let dated = |m: &Meta| {
            m.date.or_else(|| {
                let year = match m.body {
                    Body::GeneralAssembly => m.session.map(|s| 1945 + s).or(m.year),
                    _ => m.year,
                }?;
                calendar_date(year, 1, 1)
            })
        };
        let number = |m: &Meta| {
            m.symbol
                .as_deref()
                .and_then(Symbol::read)
                .and_then(|s| s.council_resolution())
        };
        Versions {
            gap: interval(old.version(), new.version()),
            body: (old.body == new.body).then_some(new.body),
            old_version: old.version(),
            new_version: new.version(),
            old_date: dated(old),
            new_date: dated(new),
            old_number: number(old),
            new_number: number(new),
            language: new.language,
        }
    }

    fn gap(&self) -> Option<i64> {
        self.gap.filter(|&g| g != 0)
    }

    fn profile(&self) -> &'static Profile {
        self.language.profile()
    }
}

/// How many tokens of context either side of a change the rules look at:
/// enough for "until 31 May" before a year, "resolution 2107 (" before a
/// citation year, "1495 (2003) du 31 juillet" before a year of adoption., "1495 (2003) du 31 juillet" before a year of adoption.
const CONTEXT_TOKENS: usize = 16;

/// One side of an edit as tokens: a few of the text before, the changed
/// ones, a few after; `changed` is the range of the changed ones.
struct Side<'a> {
    tokens: Vec<&'a str>,
    changed: std::ops::Range<usize>,
}

impl<'a> Side<'a> {
    fn of(before: &'a str, changed: &'a str, after: &'a str) -> Side<'a> {
        let mut all = last_tokens(before, CONTEXT_TOKENS);
        let start = all.len();
        let body = tokens(changed);
        all.extend(&body);
        all.extend(first_tokens(after, CONTEXT_TOKENS));
        Side {
            tokens: all,
            changed: start..start + body.len(),
        }
    }

    fn changed(&self) -> &[&'a str] {
        &self.tokens[self.changed.clone()]
    }

    /// The index of the nearest token before position `i` that is not
    /// whitespace, `skip` of them passed.
    fn index_before(&self, i: usize, skip: usize) -> Option<usize> {
        (0..i)
            .rev()
            .filter(|&k| !self.tokens[k].trim().is_empty())
            .nth(skip)
    }

    /// The written date the changed tokens lie in ("31 janvier 2004" of
    /// "jusqu’au 31 janvier 2004" with the day and month changed), and the
    /// position of its day.
    fn date_around(&self, profile: &Profile) -> Option<(Date, usize)> {
        let last = (self.changed.end + 4).min(self.tokens.len());
        (self.changed.start..last).find_map(|y| {
            year(self.tokens[y])?;
            let day = self.index_before(y, 1)?;
            (day <= self.changed.start && y + 1 >= self.changed.end)
                .then(|| Some((self.date_ending_at(y, profile)?, day)))
                .flatten()
        })
    }

    /// The nearest token before position `i` that is not whitespace.
    fn word_before(&self, i: usize, skip: usize) -> Option<&'a str> {
        self.tokens[..i]
            .iter()
            .rev()
            .filter(|t| !t.trim().is_empty())
            .nth(skip)
            .copied()
    }

    fn word_after(&self, i: usize, skip: usize) -> Option<&'a str> {
        self.tokens[i + 1..]
            .iter()
            .filter(|t| !t.trim().is_empty())
            .nth(skip)
            .copied()
    }

    /// A year printed as a resolution's year, "2107 (2013)": inside
    /// brackets right after a number. A citation, never a routine year.
    fn is_citation_year(&self, i: usize) -> bool {
        self.word_before(i, 0) == Some("(") && self.word_before(i, 1).is_some_and(is_number)
    }

    /// A number followed by "(year)": a Council resolution's number.
    fn is_resolution_number(&self, i: usize) -> bool {
        self.word_after(i, 0) == Some("(") && self.word_after(i, 1).and_then(year).is_some()
    }

    /// The written date a year token at `i` ends ("31 May 2018", "1er
    /// décembre 2004").
    fn date_ending_at(&self, i: usize, profile: &Profile) -> Option<Date> {
        let dates = profile.dates();
        let month = dates.month_number(self.word_before(i, 0)?)?;
        let day = dates.day_of(self.word_before(i, 1)?)?;
        let year = u32::try_from(year(self.tokens[i])?).ok()?;
        calendar_date(year, month, day)
    }
}

/// The resolution a date is the adoption date of.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Cited {
    /// An Assembly resolution's session: 72 of "72/3 of 30 October 2017".
    Assembly(u32),
    /// A Council resolution's number: 1495 of "1495 (2003) du 31 juillet
    /// 2003".
    Council(u32),
}

impl Side<'_> {
    /// The day and year positions of the written date the token at `i` is
    /// part of ("30", "October" or "2017" of "30 October 2017").
    fn date_span(&self, i: usize, profile: &Profile) -> Option<(usize, usize)> {
        let last = (i + 5).min(self.tokens.len());
        (i..last).find_map(|y| {
            year(self.tokens[y])?;
            let month = self.index_before(y, 0)?;
            let day = self.index_before(y, 1)?;
            let dates = profile.dates();
            (day <= i
                && dates.month_number(self.tokens[month]).is_some()
                && dates.day_of(self.tokens[day]).is_some())
            .then_some((day, y))
        })
    }

    /// The resolution whose date of adoption the date starting at `day`
    /// is: "72/3 of 30 October 2017", "1495 (2003) du 31 juillet 2003".
    fn cited_before_date(&self, day: usize, profile: &Profile) -> Option<Cited> {
        let of = self.word_before(day, 0)?;
        if !profile.data.citations.of_date.iter().any(|o| o == of) {
            return None;
        }
        if let Some((session, _)) = assembly_resolution(self.word_before(day, 1)?) {
            return Some(Cited::Assembly(session));
        }
        let council = [")", "", "("].iter().enumerate().all(|(k, w)| {
            let t = self.word_before(day, k + 1);
            if w.is_empty() {
                t.and_then(year).is_some()
            } else {
                t == Some(*w)
            }
        });
        council
            .then(|| self.word_before(day, 4)?.parse().ok())
            .flatten()
            .map(Cited::Council)
    }

    /// Whether the words before position `day` are one of `phrases` ("no
    /// later than"), whatever their case and apostrophe.
    fn preceded_by(&self, day: usize, phrases: &[String]) -> bool {
        let fold = |w: &str| w.to_lowercase().replace('\'', "’");
        phrases.iter().any(|phrase| {
            let words: Vec<&str> = tokens(phrase)
                .into_iter()
                .filter(|t| !t.trim().is_empty())
                .collect();
            words.iter().rev().enumerate().all(|(k, w)| {
                self.word_before(day, k)
                    .is_some_and(|before| fold(before) == fold(w))
            })
        })
    }
}

/// A reporting period as one token: "2017/18", "2017-2018", "1999/00":
/// its first and last years.
fn period(token: &str) -> Option<(i64, i64)> {
    let (first, last) = token.split_once(['/', '-', '\u{2010}', '\u{2011}'])?;
    let first = year(first)?;
    let last = match last.len() {
        2 if is_number(last) => {
            let century = first - first % 100;
            let end = century + last.parse::<i64>().ok()?;
            if end < first { end + 100 } else { end }
        }
        _ => year(last)?,
    };
    (last > first).then_some((first, last))
}

fn is_number(token: &str) -> bool {
    !token.is_empty() && token.bytes().all(|b| b.is_ascii_digit())
}

fn year(token: &str) -> Option<i64> {
    (token.len() == 4 && is_number(token))
        .then(|| token.parse().ok())
        .flatten()
        .filter(|y| (1900..2200).contains(y))
}

/// `79/7`: an Assembly resolution's session and number.
fn assembly_resolution(token: &str) -> Option<(u32, u32)> {
    let (session, number) = token.split_once('/')?;
    (is_number(session) && is_number(number) && session.len() <= 3)
        .then(|| Some((session.parse().ok()?, number.parse().ok()?)))
        .flatten()
}

/// Whether `token` may stand between the resolutions of a list: a comma,
/// a semicolon, or the language's "and".
fn list_word(token: &str, profile: &Profile) -> bool {
    matches!(token, "," | ";")
        || profile
            .data
            .words
            .list_conjunctions
            .first()
            .is_some_and(|and| and == token)
}

/// The rule under which replacing the deleted text of `edit` by its
/// inserted text is a routine update, if any.
pub fn classify(edit: &Edit, versions: &Versions) -> Option<RoutineRule> {
    let old = Side::of(edit.old_before, edit.delete, edit.old_after);
    let new = Side::of(edit.new_before, edit.insert, edit.new_after);
    let (a, b) = (old.changed(), new.changed());
    if a.len() != b.len() {
        return recalled_resolutions(&old, &new, versions);
    }
    if a == b {
        return None;
    }
    // A date whose day or month changed too ("jusqu’au 31 janvier 2004" →
    // "jusqu’au 30 avril 2004"): the dates are compared whole.
    let profile = versions.profile();
    if let (Some((from, day)), Some((to, _))) = (old.date_around(profile), new.date_around(profile))
    {
        if let Some(rule) =
            adoption_dates(&old, old.changed.start, &new, new.changed.start, versions)
        {
            return Some(rule);
        }
        return moved_date(from, to, &old, day, versions);
    }
    let mut rule = None;
    for (k, (x, y)) in a.iter().zip(b).enumerate() {
        if x == y {
            continue;
        }
        let found = replaced(
            &old,
            &new,
            old.changed.start + k,
            new.changed.start + k,
            versions,
        )?;
        rule.get_or_insert(found);
    }
    rule
}

/// The rule under which the token at `i` of `old` became the one at `j`
/// of `new`.
fn replaced(
    old: &Side,
    new: &Side,
    i: usize,
    j: usize,
    versions: &Versions,
) -> Option<RoutineRule> {
    let (x, y) = (old.tokens[i], new.tokens[j]);
    let profile = versions.profile();
    if let Some(rule) = adoption_dates(old, i, new, j, versions) {
        return Some(rule);
    }
    let ordinals = profile.ordinals();
    if let (Some(a), Some(b)) = (ordinals.parse(x), ordinals.parse(y)) {
        // A session's ordinal: "seventy-seventh session", "at its
        // seventy-seventh and seventy-eighth sessions"; not "the second
        // International Decade".
        let session = &profile.data.citations.session;
        let of_a_session = |side: &Side, at: usize| {
            (0..3).any(|k| {
                side.word_after(at, k)
                    .is_some_and(|w| session.contains(&w.to_lowercase()))
            })
        };
        return (i64::from(b) - i64::from(a) == versions.gap()?
            && (of_a_session(old, i) || of_a_session(new, j)))
        .then_some(RoutineRule::Session);
    }
    if let (Some(a), Some(b)) = (year(x), year(y)) {
        if old.is_citation_year(i) || new.is_citation_year(j) {
            // "1495 (2003)" → "1541 (2004)": the year of the series' own
            // previous resolution, cited anew.
            let number = |side: &Side, at: usize| side.word_before(at, 1)?.parse().ok();
            return previous_council_resolution(number(old, i)?, number(new, j)?, versions);
        }
        if let (Some(from), Some(to)) = (
            old.date_ending_at(i, profile),
            new.date_ending_at(j, profile),
        ) {
            let day = old.index_before(i, 1)?;
            return moved_date(from, to, old, day, versions);
        }
        return (b - a == versions.gap()?).then_some(RoutineRule::Interval);
    }
    if let (Some(a), Some(b)) = (period(x), period(y)) {
        // "the report of the Court for 2017/18" → "for 2024/25"; never
        // "resolution 2017/18" (the Economic and Social Council's).
        let documents = &profile.data.citations.documents;
        let cited = |side: &Side, at: usize| {
            side.word_before(at, 0)
                .is_some_and(|w| documents.contains(&w.to_lowercase()))
        };
        let gap = versions.gap()?;
        return (!cited(old, i) && !cited(new, j) && b.0 - a.0 == gap && b.1 - a.1 == gap)
            .then_some(RoutineRule::Interval);
    }
    if old.is_resolution_number(i) || new.is_resolution_number(j) {
        return previous_council_resolution(x.parse().ok()?, y.parse().ok()?, versions);
    }
    if let (Some((a, _)), Some((b, _))) = (assembly_resolution(x), assembly_resolution(y)) {
        return previous_resolution(a, b, versions);
    }
    if let (Some(a), Some(b)) = (Symbol::parse(x), Symbol::parse(y)) {
        return own_report(&a, &b, versions);
    }
    None
}

/// A date moved on: routine when it is the end of a mandate or measure
/// ("until 31 May 2021", "jusqu’au 31 octobre 2004") moved forward, a
/// date still ahead of the old version moved on by exactly the interval, or
/// a date a report or review is due by ("a final report by 12 January
/// 2019", "d’ici au 30 juin 2007") moved forward: the Council renews at
/// intervals of its own, and the reports fall due with the mandate. A date
/// before the version it stands in is history: changing it changes what is
/// recalled. `day` is the position of the old date's day in `old`.
fn moved_date(
    from: Date,
    to: Date,
    old: &Side,
    day: usize,
    versions: &Versions,
) -> Option<RoutineRule> {
    let historical =
        versions.old_date.is_some_and(|d| from < d) || versions.new_date.is_some_and(|d| to < d);
    if historical {
        return None;
    }
    let citations = &versions.profile().data.citations;
    // The Council renews some mandates more than once a year: the end
    // moves on whatever the interval, once both versions are known.
    let forward = to > from && versions.gap.is_some();
    if forward && old.preceded_by(day, &citations.until) {
        return Some(RoutineRule::MandateEnd);
    }
    let same_day = from.month() == to.month() && from.day() == to.day();
    if same_day
        && versions
            .gap()
            .is_some_and(|g| i64::from(to.year()) - i64::from(from.year()) == g)
    {
        return Some(RoutineRule::Interval);
    }
    (forward && old.preceded_by(day, &citations.deadline)).then_some(RoutineRule::Deadline)
}

/// The date of adoption of the series' previous resolution, cited with
/// it ("resolution 72/3 of 30 October 2017" → "79/6 of 29 October 2024";
/// "la résolution 1495 (2003) du 31 juillet 2003" → "1513 (2003) du 28
/// octobre 2003"): updated with the resolution, under the same rule.
fn adoption_dates(
    old: &Side,
    i: usize,
    new: &Side,
    j: usize,
    versions: &Versions,
) -> Option<RoutineRule> {
    let profile = versions.profile();
    let cited = |side: &Side, at: usize| {
        let (day, _) = side.date_span(at, profile)?;
        side.cited_before_date(day, profile)
    };
    match (cited(old, i)?, cited(new, j)?) {
        (Cited::Assembly(a), Cited::Assembly(b)) => previous_resolution(a, b, versions),
        (Cited::Council(a), Cited::Council(b)) => previous_council_resolution(a, b, versions),
        _ => None,
    }
}

/// The Council resolution a renewal recalls as its series' last
/// ("réaffirmant en particulier la résolution 1495 (2003)" in 1513, "1513
/// (2003)" in 1523): the old version cites a resolution before its own,
/// the new one cites the old version itself.
fn previous_council_resolution(old: u32, new: u32, versions: &Versions) -> Option<RoutineRule> {
    (versions.body == Some(Body::SecurityCouncil)
        && versions.old_number.is_some_and(|own| old < own)
        && versions.old_number == Some(new)
        && versions.new_number.is_some_and(|own| new < own))
    .then_some(RoutineRule::PreviousResolution)
}

/// The Assembly resolution a recurring text names as its predecessor
/// ("on the implementation of resolution 72/4" in the 73rd session,
/// "79/7" in the 80th): both earlier than the version citing them, and
/// moved on by exactly the interval.
fn previous_resolution(old: u32, new: u32, versions: &Versions) -> Option<RoutineRule> {
    let before_own = |cited: u32, own: Option<u32>| own.is_some_and(|v| cited < v);
    (versions.body == Some(Body::GeneralAssembly)
        && before_own(old, versions.old_version)
        && before_own(new, versions.new_version)
        && i64::from(new) - i64::from(old) == versions.gap()?)
    .then_some(RoutineRule::PreviousResolution)
}

/// A report of the version's own session or year (A/73/85 in a
/// 73rd-session text, A/80/83 in the 80th's; S/2004/325 in a Council
/// resolution of 2004, S/2004/827 in the next): the series' report to this
/// session or year, replaced by the next. Any other symbol is a citation,
/// never routine.
fn own_report(old: &Symbol, new: &Symbol, versions: &Versions) -> Option<RoutineRule> {
    let of_version = |s: &Symbol| match versions.body {
        Some(Body::GeneralAssembly) => s.session(),
        Some(Body::SecurityCouncil) => s.year(),
        None => None,
    };
    let own = |s: &Symbol, v: Option<u32>| of_version(s).is_some() && of_version(s) == v;
    (versions.gap().is_some()
        && own(old, versions.old_version)
        && own(new, versions.new_version)
        && old.kind() == new.kind())
    .then_some(RoutineRule::OwnReport)
}

/// Resolutions adopted between the versions added to a list of recalled
/// resolutions ("47/19, …, 72/4" → "…, 72/4, 73/8, 74/7"; "2290 (2016)" →
/// "2290 (2016), 2353 (2017)"): both sides are nothing but resolutions
/// (with their dates of adoption) and list words, every resolution deleted
/// is inserted again, every one inserted anew was adopted between the
/// versions, and the list is a list: it has a resolution next to the change
/// or on both sides of it.
fn recalled_resolutions(old: &Side, new: &Side, versions: &Versions) -> Option<RoutineRule> {
    versions.gap().filter(|&g| g > 0)?;
    let body = versions.body.as_ref()?;
    let (from, to) = (versions.old_version?, versions.new_version?);
    let deleted = citations(old.changed(), body, versions.profile())?;
    let inserted = citations(new.changed(), body, versions.profile())?;
    let fresh: Vec<&Citation> = inserted.iter().filter(|c| !deleted.contains(c)).collect();
    let adopted_between = |c: &Citation| match *body {
        // A session's resolutions are adopted before the next session's text.
        Body::GeneralAssembly => (from..to).contains(&c.version),
        _ => (from..=to).contains(&c.version),
    };
    if fresh.is_empty()
        || !deleted.iter().all(|c| inserted.contains(c))
        || !fresh.iter().all(|c| adopted_between(c))
    {
        return None;
    }
    // The nearest word either side, past commas and "and".
    let profile = versions.profile();
    let is_resolution = |w: &str| w == ")" || assembly_resolution(w).is_some() || is_number(w);
    let before = new.tokens[..new.changed.start]
        .iter()
        .rev()
        .find(|t| !t.trim().is_empty() && !list_word(t, profile));
    let after = new.tokens[new.changed.end..]
        .iter()
        .find(|t| !t.trim().is_empty() && !list_word(t, profile));
    (!deleted.is_empty()
        || before.is_some_and(|w| is_resolution(w))
        || after.is_some_and(|w| is_resolution(w)))
    .then_some(RoutineRule::RecalledResolutions)
}

/// A list of recalled resolutions extended routinely is re-punctuated too
/// ("A and B" → "A, B, C and D" drops an "and" apart from the insertion):
/// in a redline with a `recalled-resolutions` change, a change of nothing
/// but commas and "and" is part of it.
pub fn repunctuated_lists(words: &mut [WordOp], language: Language) {
    let extends = words
        .iter()
        .any(|w| w.rule == Some(RoutineRule::RecalledResolutions));
    if !extends {
        return;
    }
    let profile = language.profile();
    let only_list_words = |text: &str| {
        tokens(text)
            .iter()
            .all(|t| t.trim().is_empty() || list_word(t, profile))
    };
    for w in words.iter_mut() {
        if w.op != WordOpKind::Equal && !w.routine && !w.typography && only_list_words(&w.text) {
            w.routine = true;
            w.rule = Some(RoutineRule::RecalledResolutions);
        }
    }
}

/// A resolution cited in a list: its printed number and its session
/// (Assembly) or year (Council).
#[derive(Debug, PartialEq)]
struct Citation<'a> {
    number: &'a str,
    version: u32,
}

/// The resolutions of a run of tokens made only of resolutions ("73/8",
/// "73/8 of 1 November 2018", "2353 (2017)") and list words; `None` when
/// anything else stands in it.
fn citations<'a>(tokens: &[&'a str], body: &Body, profile: &Profile) -> Option<Vec<Citation<'a>>> {
    let words: Vec<&str> = tokens
        .iter()
        .copied()
        .filter(|t| !t.trim().is_empty())
        .collect();
    let mut found = Vec::new();
    let mut k = 0;
    while k < words.len() {
        let t = words[k];
        if list_word(t, profile) {
            k += 1;
            continue;
        }
        match *body {
            Body::GeneralAssembly => {
                let (session, _) = assembly_resolution(t)?;
                found.push(Citation {
                    number: t,
                    version: session,
                });
                k += 1;
                // "of 1 November 2018", "du 1er novembre 2018": its date
                // of adoption.
                let dates = profile.dates();
                if words
                    .get(k)
                    .is_some_and(|w| profile.data.citations.of_date.iter().any(|o| o == w))
                    && words.get(k + 1).and_then(|d| dates.day_of(d)).is_some()
                    && words
                        .get(k + 2)
                        .and_then(|m| dates.month_number(m))
                        .is_some()
                    && words.get(k + 3).and_then(|y| year(y)).is_some()
                {
                    k += 4;
                }
            }
            _ => {
                let adopted = match words.get(k + 1..k + 4)? {
                    ["(", y, ")"] if is_number(t) => u32::try_from(year(y)?).ok()?,
                    _ => return None,
                };
                found.push(Citation {
                    number: t,
                    version: adopted,
                });
                k += 4;
            }
        }
    }
    Some(found)
}

/// A date reference ("31 May 2018") with its year moved on by `gap`, as
/// printed; `None` when it is no real date or the day does not exist in
/// that year (29 February).
pub fn shift_date(date: &str, gap: Option<i64>, language: Language) -> Option<String> {
    let dates = language.profile().dates();
    let day = dates.parse(date)?;
    let years = i16::try_from(gap.filter(|&g| g != 0)?).ok()?;
    let moved = crate::dates::calendar_date(
        u32::try_from(day.year().checked_add(years)?).ok()?,
        u32::try_from(day.month()).ok()?,
        u32::try_from(day.day()).ok()?,
    )?;
    Some(dates.written(moved))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn council(gap: i64) -> Versions {
        Versions {
            gap: Some(gap),
            body: Some(Body::SecurityCouncil),
            old_version: Some(2018),
            new_version: Some(2018 + gap as u32),
            old_date: calendar_date(2018, 3, 1),
            new_date: calendar_date(2018 + gap as u32, 3, 1),
            ..Versions::default()
        }
    }

    fn assembly(old: u32, new: u32) -> Versions {
        Versions {
            gap: Some(i64::from(new) - i64::from(old)),
            body: Some(Body::GeneralAssembly),
            old_version: Some(old),
            new_version: Some(new),
            ..Versions::default()
        }
    }

    /// Two MINURSO renewals in French: S/RES/1513 (2003), 28 October 2003,
    /// and S/RES/1523 (2004), 30 January 2004.
    fn minurso() -> Versions {
        Versions {
            gap: Some(1),
            body: Some(Body::SecurityCouncil),
            old_version: Some(2003),
            new_version: Some(2004),
            old_date: calendar_date(2003, 10, 28),
            new_date: calendar_date(2004, 1, 30),
            old_number: Some(1513),
            new_number: Some(1523),
            language: Language::Fr,
        }
    }

    #[test]
    fn french_mandates_move_on_and_the_last_resolution_is_cited_anew() {
        let v = minurso();
        // fr/S_RES_1523_2004-fr.txt OP1 against 1513's.
        assert_eq!(
            rule(
                "de proroger le mandat de la Mission jusqu’au ",
                "31 janvier 2004",
                "30 avril 2004",
                " ;",
                &v
            ),
            Some(RoutineRule::MandateEnd)
        );
        // A later resolution recalls the last of its series.
        assert_eq!(
            rule(
                "réaffirmant en particulier la résolution ",
                "1495 (2003)",
                "1513 (2003)",
                " du 28 octobre 2003,",
                &v
            ),
            Some(RoutineRule::PreviousResolution)
        );
        // Any other resolution is a citation.
        assert_eq!(
            rule("la résolution ", "1495 (2003)", "1497 (2003)", ",", &v),
            None
        );
        // Two renewals in one year: the mandate's end still moves on.
        let same_year = Versions {
            gap: Some(0),
            new_version: Some(2003),
            ..minurso()
        };
        assert_eq!(
            rule(
                "jusqu’au ",
                "31 octobre 2003",
                "31 janvier 2004",
                " ;",
                &same_year
            ),
            Some(RoutineRule::MandateEnd)
        );
    }

    #[test]
    fn a_reporting_period_moved_by_the_interval_is_routine() {
        let v = assembly(73, 80);
        // "the report of the Court for 2017/18" → "for 2024/25".
        assert_eq!(
            rule(
                "the report of the Court for ",
                "2017/18",
                "2024/25",
                ",",
                &v
            ),
            Some(RoutineRule::Interval)
        );
        assert_eq!(
            rule("for ", "2017-2018", "2024-2025", "", &v),
            Some(RoutineRule::Interval)
        );
        assert_eq!(
            rule("for ", "1999/00", "2006/07", "", &v),
            Some(RoutineRule::Interval)
        );
        // Not by the interval, or a citation of the Economic and Social
        // Council's resolution 2017/18.
        assert_eq!(rule("for ", "2017/18", "2023/24", "", &v), None);
        assert_eq!(rule("resolution ", "2017/18", "2024/25", "", &v), None);
        let fr = Versions {
            language: Language::Fr,
            ..v
        };
        assert_eq!(rule("la résolution ", "2017/18", "2024/25", "", &fr), None);
        assert_eq!(
            rule("pour ", "2017/18", "2024/25", "", &fr),
            Some(RoutineRule::Interval)
        );
    }

    #[test]
    fn the_previous_resolution_s_date_moves_with_it() {
        let v = assembly(73, 80);
        // Each change apart, the way the redline cuts them.
        assert_eq!(
            rule("resolution 79/7 of ", "1", "30", " October 2024;", &v),
            None,
            "the resolution itself did not change"
        );
        let date = |before: &str, delete: &str, insert: &str, after: &str| {
            classify(
                &Edit {
                    old_before: &format!("of the implementation of resolution 72/4 of {before}"),
                    delete,
                    old_after: &format!("{after}2017;"),
                    new_before: &format!("of the implementation of resolution 79/7 of {before}"),
                    insert,
                    new_after: &format!("{after}2024;"),
                },
                &v,
            )
        };
        assert_eq!(
            date("", "1 November", "30 October", " "),
            Some(RoutineRule::PreviousResolution)
        );
        // The whole citation in one change.
        assert_eq!(
            rule(
                "resolution ",
                "72/4 of 1 November 2017",
                "79/7 of 30 October 2024",
                ";",
                &v
            ),
            Some(RoutineRule::PreviousResolution)
        );
        // Another resolution's date is history.
        assert_eq!(
            rule(
                "resolution ",
                "68/32 of 5 December 2013",
                "70/34 of 7 December 2015",
                ";",
                &v
            ),
            None
        );
        // The Council's, in French (S/RES/1523 citing 1513).
        assert_eq!(
            rule(
                "réaffirmant en particulier la résolution ",
                "1495 (2003) du 31 juillet",
                "1513 (2003) du 28 octobre",
                " 2003,",
                &minurso()
            ),
            Some(RoutineRule::PreviousResolution)
        );
        assert_eq!(
            rule(
                "la résolution ",
                "1495 (2003) du 31 juillet",
                "1497 (2003) du 30 juillet",
                " 2003,",
                &minurso()
            ),
            None
        );
    }

    #[test]
    fn french_deadlines_move_forward() {
        let v = Versions {
            old_date: calendar_date(2007, 4, 30),
            new_date: calendar_date(2007, 10, 31),
            ..minurso()
        };
        // resolutions/minurso/1754 and 1783.
        assert_eq!(
            rule(
                "présenter d’ici au ",
                "30 juin 2007",
                "31 janvier 2008",
                " un rapport",
                &v
            ),
            Some(RoutineRule::Deadline)
        );
        assert_eq!(
            rule(
                "présenter avant le ",
                "30 juin 2007",
                "31 janvier 2008",
                " un rapport",
                &v
            ),
            Some(RoutineRule::Deadline)
        );
        assert_eq!(
            rule(
                "présenté le ",
                "30 juin 2007",
                "31 janvier 2008",
                " un rapport",
                &v
            ),
            None
        );
    }

    /// `before[delete→insert]after` on both sides.
    fn rule(
        before: &str,
        delete: &str,
        insert: &str,
        after: &str,
        v: &Versions,
    ) -> Option<RoutineRule> {
        classify(
            &Edit {
                old_before: before,
                delete,
                old_after: after,
                new_before: before,
                insert,
                new_after: after,
            },
            v,
        )
    }

    #[test]
    fn sessions_and_plain_years_moved_by_the_interval_are_routine() {
        let v = assembly(77, 79);
        assert_eq!(
            rule(
                "at its ",
                "seventy-seventh",
                "seventy-ninth",
                " session",
                &v
            ),
            Some(RoutineRule::Session)
        );
        assert_eq!(
            rule("for ", "2021 –2025", "2023 –2027", "", &v),
            Some(RoutineRule::Interval)
        );
        assert_eq!(rule("", "2018", "2019", "", &v), None);
        assert_eq!(
            rule(
                "",
                "2018",
                "2020",
                "",
                &Versions {
                    gap: None,
                    ..v.clone()
                }
            ),
            None
        );
        assert_eq!(rule("", "2018", "2018", "", &v), None);
        assert_eq!(rule("", "", "2020", "", &v), None);
    }

    #[test]
    fn an_undated_version_still_tells_history_by_its_session() {
        let meta = |session| Meta::new(Body::GeneralAssembly, "csto", Some(session));
        let v = Versions::of(&meta(75), &meta(77));
        // Session 75 opened in 2020: a date of 2010 is history.
        assert_eq!(
            rule("Joint Declaration of 18 March ", "2010", "2012", ",", &v),
            None
        );
        assert_eq!(
            rule("no later than 31 March ", "2021", "2023", ",", &v),
            Some(RoutineRule::Interval)
        );
    }

    #[test]
    fn only_a_session_s_ordinal_is_a_session_update() {
        let v = assembly(75, 77);
        assert_eq!(
            rule("the ", "second", "fourth", " International Decade", &v),
            None
        );
        assert_eq!(
            rule(
                "at its ",
                "seventy-fifth",
                "seventy-seventh",
                " and seventy-eighth sessions",
                &v
            ),
            Some(RoutineRule::Session)
        );
    }

    #[test]
    fn a_citation_is_never_routine() {
        let v = council(2);
        // The year of a cited resolution, and the resolution's number.
        assert_eq!(rule("resolution 2107 (", "2013", "2015", ")", &v), None);
        assert_eq!(
            rule("resolutions ", "2327 (2016)", "2428 (2018)", ",", &v),
            None
        );
        assert_eq!(
            rule("resolution ", "2155 (2014)", "2157 (2016)", "", &v),
            None
        );
        // Another body's document, and the Council's reports.
        assert_eq!(
            rule("report (", "S/2017/1125", "S/2019/1125", ")", &v),
            None
        );
    }

    #[test]
    fn dates_ahead_move_by_the_interval_and_mandates_forward() {
        let v = council(2);
        assert_eq!(
            rule("until 31 May ", "2018", "2020", ",", &v),
            Some(RoutineRule::MandateEnd)
        );
        // A mandate end moved by more than the interval is still routine.
        assert_eq!(
            rule("until 31 March ", "2021", "2025", "", &council(3)),
            Some(RoutineRule::MandateEnd)
        );
        assert_eq!(
            rule("no later than 12 March ", "2019", "2021", "", &v),
            Some(RoutineRule::Interval)
        );
        // A report due a day later, two years on (sc/S_2020_110 OP2): the
        // reports fall due with the renewed mandate.
        assert_eq!(
            rule("a final report by ", "12", "13", " January 2021", &v),
            Some(RoutineRule::Deadline)
        );
        assert_eq!(
            rule(
                "a final report by ",
                "12 January 2019",
                "13 January 2021",
                "",
                &v
            ),
            Some(RoutineRule::Deadline)
        );
        // Neither an end nor a deadline, and not moved by the interval.
        assert_eq!(
            rule("on ", "12 January 2019", "13 January 2021", "", &v),
            None
        );
        // A deadline moved back is a change.
        assert_eq!(
            rule(
                "no later than ",
                "12 January 2019",
                "11 January 2019",
                "",
                &v
            ),
            None
        );
        // Before the versions: a historical date, whatever the interval.
        assert_eq!(
            rule("the attacks of 1 January ", "2017", "2019", "", &v),
            None
        );
        assert_eq!(rule("until 31 May ", "2018", "2016", "", &v), None);
    }

    #[test]
    fn the_series_own_resolution_and_report_are_routine_other_symbols_not() {
        let v = assembly(73, 80);
        assert_eq!(
            rule("implementation of resolution ", "72/4", "79/7", ",", &v),
            Some(RoutineRule::PreviousResolution)
        );
        assert_eq!(
            rule("report (", "A/73/85", "A/80/83", ")", &v),
            Some(RoutineRule::OwnReport)
        );
        // Not moved by the interval, or not the own session's.
        assert_eq!(rule("resolution ", "72/4", "78/7", "", &v), None);
        assert_eq!(rule("report (", "A/72/85", "A/79/83", ")", &v), None);
        // The Council's resolutions are never replaced as a routine.
        assert_eq!(
            rule("resolution ", "2408", "2461", " (2019)", &council(1)),
            None
        );
    }

    #[test]
    fn resolutions_adopted_between_the_versions_join_a_list_routinely() {
        let v = assembly(73, 80);
        assert_eq!(
            rule("47/19, … and 72/4", "", ", 73/8, 74/7 and 79/7", ",", &v),
            Some(RoutineRule::RecalledResolutions)
        );
        // A resolution older than the old version, or prose, is not.
        assert_eq!(rule("72/4", "", ", 70/5", ",", &v), None);
        assert_eq!(rule("72/4", "", " and its decision 76/563", ",", &v), None);
        let c = council(2);
        assert_eq!(
            rule("2290 (2016)", "", ", 2406 (2018), 2461 (2019)", ",", &c),
            Some(RoutineRule::RecalledResolutions)
        );
        assert_eq!(rule("2290 (2016)", "", ", 2206 (2015)", ",", &c), None);
        // Not in a list of resolutions.
        assert_eq!(rule("Recalling ", "", "2406 (2018) and ", "the", &c), None);
        // The last of the list taken into the longer list (A/RES/80/4 PP8),
        // with dates of adoption (PP6).
        assert_eq!(
            rule("63/7 ", " and 72/4", ", 72/4, 73/8 and 79/7", ",", &v),
            Some(RoutineRule::RecalledResolutions)
        );
        assert_eq!(
            rule(
                "72/4 of 1 November 2017",
                "",
                ", 73/8 of 1 November 2018",
                ",",
                &v
            ),
            Some(RoutineRule::RecalledResolutions)
        );
        // A resolution dropped from the list is no routine update.
        assert_eq!(rule("63/7", " and 72/4", " and 73/8", ",", &v), None);
    }

    #[test]
    fn dates_shift_by_their_year() {
        assert_eq!(
            shift_date("31 May 2018", Some(2), Language::En).as_deref(),
            Some("31 May 2020")
        );
        assert_eq!(shift_date("31 May 2018", None, Language::En), None);
        assert_eq!(shift_date("2206 (2015)", Some(2), Language::En), None);
    }

    #[test]
    fn interval_needs_both_versions() {
        assert_eq!(interval(Some(2017), Some(2019)), Some(2));
        assert_eq!(interval(Some(77), Some(75)), Some(-2));
        assert_eq!(interval(None, Some(75)), None);
    }
}
