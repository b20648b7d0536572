//! The head of the report: the versions table and the summary figures.

use crate::comparison::{ChangeStatus, Comparison};
use crate::model::{Body, Meta, Status};

use crate::render::messages::Messages;
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
    /// The id of the list it counts the records of ("leads-weakened").
    pub id: Option<&'static str>,
    pub value: String,
    /// The id of the list of the records it counts, when there is one.
    pub anchor: Option<String>,
}

/// The name of a document's status in the report's language.
pub fn status_name(status: Status, ui: &Messages) -> &'static str {
    match status {
        Status::Draft => ui.status_draft,
        Status::Adopted => ui.status_adopted,
    }
}

/// The name of an organ in the report's language.
pub fn body_name(body: Body, ui: &Messages) -> &'static str {
    match body {
        Body::GeneralAssembly => ui.body_general_assembly,
        Body::SecurityCouncil => ui.body_security_council,
    }
}

/// The name of a record's status in the report's language.
pub fn change_name(status: ChangeStatus, ui: &Messages) -> &'static str {
    match status {
        ChangeStatus::Unchanged => ui.change_unchanged,
        ChangeStatus::Modified => ui.change_modified,
        ChangeStatus::Editorial => ui.change_editorial,
        ChangeStatus::Added => ui.change_added,
        ChangeStatus::Removed => ui.change_removed,
        ChangeStatus::Split => ui.change_split,
        ChangeStatus::Merged => ui.change_merged,
    }
}

pub(super) fn meta_rows(old: &Meta, new: &Meta, ui: &'static Messages) -> Vec<MetaRow> {
    let status = |s: Status| status_name(s, ui).to_string();
    let language = |m: &Meta| m.language.described();
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
            ui.meta_series,
            clean(&old.series).into_owned(),
            clean(&new.series).into_owned(),
        ),
        (ui.meta_language, language(old), language(new)),
        (ui.meta_symbol, opt(&old.symbol), opt(&new.symbol)),
        (
            ui.meta_body,
            body_name(old.body, ui).to_string(),
            body_name(new.body, ui).to_string(),
        ),
        (ui.meta_version, session(old), session(new)),
        (ui.meta_date, day(old.date), day(new.date)),
        (ui.meta_status, status(old.status), status(new.status)),
        (ui.meta_title, opt(&old.title), opt(&new.title)),
        (ui.meta_number, opt(&old.number), opt(&new.number)),
        (
            ui.meta_agenda_item,
            opt(&old.agenda_item),
            opt(&new.agenda_item),
        ),
        (ui.meta_committee, opt(&old.committee), opt(&new.committee)),
        (ui.meta_meeting, opt(&old.meeting), opt(&new.meeting)),
        (
            ui.meta_sponsors,
            clean(&old.sponsors.join(", ")).into_owned(),
            clean(&new.sponsors.join(", ")).into_owned(),
        ),
        (ui.meta_source, opt(&old.source), opt(&new.source)),
        (
            ui.meta_generated_from,
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

pub(super) fn count_rows(c: &Comparison, ui: &'static Messages) -> Vec<CountRow> {
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
        .map(|st| row(change_name(st, ui), &|counts| counts.get(st)))
        .collect();
    rows.push(row(ui.count_total, &|counts| {
        ChangeStatus::ALL.iter().map(|&st| counts.get(st)).sum()
    }));
    let mut detail = |name, of: &dyn Fn(&crate::comparison::StatusCounts) -> usize| {
        rows.push(CountRow {
            detail: true,
            ..row(name, of)
        });
    };
    detail(ui.of_which_moved, &|counts| counts.moved);
    detail(ui.of_which_renumbered, &|counts| counts.renumbered);
    detail(ui.of_which_across, &|counts| counts.from_other_part);
    rows
}

pub(super) fn figures(c: &Comparison, ui: &'static Messages) -> Vec<Figure> {
    let s = &c.summary;
    let fig = |name, id, value: usize| Figure {
        name,
        id,
        value: value.to_string(),
        anchor: None,
    };
    vec![
        fig(ui.words_inserted, None, s.words_inserted),
        fig(ui.words_deleted, None, s.words_deleted),
        fig(
            ui.leads_strengthened,
            Some("leads-strengthened"),
            s.leads_strengthened,
        ),
        fig(ui.leads_weakened, Some("leads-weakened"), s.leads_weakened),
        fig(
            ui.leads_changed,
            Some("leads-changed"),
            s.leads_changed_neutral,
        ),
        fig(
            ui.references_added,
            Some("references-added"),
            s.references_added,
        ),
        fig(
            ui.references_removed,
            Some("references-removed"),
            s.references_removed,
        ),
        fig(ui.routine_updates, Some("routine-updates"), s.routine),
        Figure {
            name: ui.overall_similarity,
            id: None,
            value: percent(s.similarity, ui),
            anchor: None,
        },
    ]
}

pub(super) fn percent(ratio: f64, ui: &Messages) -> String {
    if ratio.is_finite() {
        ui.percent((ratio.clamp(0.0, 1.0) * 100.0).floor())
    } else {
        ui.not_available.into()
    }
}
