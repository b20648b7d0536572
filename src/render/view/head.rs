//! The head of the report: the versions table and the summary figures.

use crate::comparison::{ChangeStatus, Comparison};
use crate::model::{Meta, Status};

use crate::render::sanitize::clean;

#[derive(Debug, Clone)]
pub struct MetaRow {
    pub name: &'static str,
    pub old: String,
    pub new: String,
    pub differs: bool,
}

/// Counts for one status (or the moved/renumbered flags), by part.
#[derive(Debug, Clone)]
pub struct CountRow {
    pub name: &'static str,
    /// A count among the records above ("of which moved"), not a status.
    pub detail: bool,
    pub preamble: usize,
    pub operative: usize,
    pub annex: usize,
    pub total: usize,
}

impl CountRow {
    /// The HTML classes of the row: "zero" greys it, "detail" indents it.
    pub fn class(&self) -> &'static str {
        match (self.total == 0, self.detail) {
            (true, true) => "zero detail",
            (true, false) => "zero",
            (false, true) => "detail",
            (false, false) => "",
        }
    }

    /// A count among the records that is zero: left out of the text views.
    pub fn is_empty_detail(&self) -> bool {
        self.detail && self.total == 0
    }
}

/// One figure of the summary: "Words inserted: 12".
#[derive(Debug, Clone)]
pub struct Figure {
    pub name: &'static str,
    pub value: String,
    /// The id of the list of the records it counts, when there is one.
    pub anchor: Option<String>,
}

pub(super) fn meta_rows(old: &Meta, new: &Meta) -> Vec<MetaRow> {
    let status = |s: Status| s.name().to_string();
    let day = |d: Option<crate::dates::Date>| d.map(|d| d.to_string()).unwrap_or_default();
    let opt = |v: &Option<String>| {
        v.as_deref()
            .map(|s| clean(s).into_owned())
            .unwrap_or_default()
    };
    let session = |m: &Meta| match m.version() {
        Some(v) => v.to_string(),
        None => String::new(),
    };
    let rows = [
        // The labels are the report's title; the series says what they belong to.
        (
            "Series",
            clean(&old.series).into_owned(),
            clean(&new.series).into_owned(),
        ),
        ("Symbol", opt(&old.symbol), opt(&new.symbol)),
        (
            "Body",
            old.body.name().to_string(),
            new.body.name().to_string(),
        ),
        ("Session or year", session(old), session(new)),
        ("Date", day(old.date), day(new.date)),
        ("Status", status(old.status), status(new.status)),
        ("Title", opt(&old.title), opt(&new.title)),
        ("Number", opt(&old.number), opt(&new.number)),
        ("Agenda item", opt(&old.agenda_item), opt(&new.agenda_item)),
        ("Committee", opt(&old.committee), opt(&new.committee)),
        ("Meeting", opt(&old.meeting), opt(&new.meeting)),
        (
            "Sponsors",
            clean(&old.sponsors.join(", ")).into_owned(),
            clean(&new.sponsors.join(", ")).into_owned(),
        ),
        ("Source", opt(&old.source), opt(&new.source)),
        (
            "Generated from",
            opt(&old.generated_from),
            opt(&new.generated_from),
        ),
    ];
    rows.into_iter()
        // A field neither version has says nothing.
        .filter(|(_, o, n)| !(o.is_empty() && n.is_empty()))
        .map(|(name, old, new)| MetaRow {
            name,
            differs: old != new,
            old: or_dash(old),
            new: or_dash(new),
        })
        .collect()
}

fn or_dash(s: String) -> String {
    if s.is_empty() { "—".into() } else { s }
}

pub(super) fn count_rows(c: &Comparison) -> Vec<CountRow> {
    let s = &c.summary;
    let row = |name, of: &dyn Fn(&crate::comparison::StatusCounts) -> usize| {
        let (preamble, operative, annex) = (of(&s.preamble), of(&s.operative), of(&s.annex));
        CountRow {
            name,
            detail: false,
            preamble,
            operative,
            annex,
            total: preamble + operative + annex,
        }
    };
    // The statuses partition the records, so they add up to the total;
    // moved and renumbered records are among them, listed after it.
    let mut rows: Vec<CountRow> = ChangeStatus::ALL
        .into_iter()
        .map(|st| row(st.name(), &|counts| counts.get(st)))
        .collect();
    rows.push(row("total", &|counts| {
        ChangeStatus::ALL.iter().map(|&st| counts.get(st)).sum()
    }));
    let mut detail = |name, of: &dyn Fn(&crate::comparison::StatusCounts) -> usize| {
        rows.push(CountRow {
            detail: true,
            ..row(name, of)
        });
    };
    detail("of which moved", &|counts| counts.moved);
    detail("of which renumbered", &|counts| counts.renumbered);
    detail("of which across parts", &|counts| counts.from_other_part);
    rows
}

pub(super) fn figures(c: &Comparison) -> Vec<Figure> {
    let s = &c.summary;
    let fig = |name, value: usize| Figure {
        name,
        value: value.to_string(),
        anchor: None,
    };
    vec![
        fig("Words inserted", s.words_inserted),
        fig("Words deleted", s.words_deleted),
        fig("Leads strengthened", s.leads_strengthened),
        fig("Leads weakened", s.leads_weakened),
        fig("Leads changed, same strength", s.leads_changed_neutral),
        fig("References added", s.references_added),
        fig("References removed", s.references_removed),
        fig("Routine updates", s.routine),
        Figure {
            name: "Overall similarity",
            value: percent(s.similarity),
            anchor: None,
        },
    ]
}

pub(super) fn percent(ratio: f64) -> String {
    if ratio.is_finite() {
        format!("{:.0}%", (ratio.clamp(0.0, 1.0) * 100.0).floor())
    } else {
        "n/a".into()
    }
}
