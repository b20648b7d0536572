//! The HTML report: one self-contained page (inline CSS, no script, no
//! network) from `templates/html/`, for one comparison or several. Escaping
//! is askama's HTML escaping; nothing from the comparison is ever marked
//! safe.

use askama::Template;

use super::filters;
use super::messages::{Messages, fill};
use super::view::{ChangeView, Entry, FootnoteView, NavLink, Report};
use crate::comparison::ChangeStatus;

/// `text` (catalogue text, not the comparison's) HTML-escaped, for the
/// few messages that wrap markup around a word.
fn escaped(text: &str) -> String {
    askama::filters::escape(text, askama::filters::Html)
        .map(|safe| safe.to_string())
        .unwrap_or_default()
}

/// The page's closing line: the catalogue's sentence with the two sample
/// words marked as the page marks insertions and deletions.
fn footer(ui: &Messages) -> String {
    let inserted = format!(
        "<ins><span class=\"vh\">{}</span>{}</ins>",
        escaped(ui.inserted_marker),
        escaped(ui.underlined)
    );
    let deleted = format!(
        "<del><span class=\"vh\">{}</span>{}</del>",
        escaped(ui.deleted_marker),
        escaped(ui.struck_through)
    );
    fill(
        &escaped(ui.footer),
        &[("inserted", &inserted), ("deleted", &deleted)],
    )
}

/// "called in <a>OP 1</a>, <a>PP 3</a>": the catalogue's phrase with a
/// link to each paragraph that calls footnote `f`.
fn called_in(r: &Report, f: &FootnoteView) -> String {
    let links: Vec<String> = f
        .called_by
        .iter()
        .map(|l| {
            format!(
                "<a href=\"#{}\">{}</a>",
                escaped(&l.anchor),
                escaped(&l.label)
            )
        })
        .collect();
    fill(
        &escaped(r.ui.footnote_called_in),
        &[("list", &links.join(", "))],
    )
}

#[derive(Template)]
#[template(path = "html/report.html")]
struct ReportPage<'a> {
    r: &'a Report,
}

impl ReportPage<'_> {
    fn ui(&self) -> &'static Messages {
        self.r.ui
    }
    fn footer(&self) -> String {
        footer(self.r.ui)
    }
    fn paragraph<'b>(&self, r: &'b Report, c: &'b ChangeView) -> ParagraphBlock<'b> {
        ParagraphBlock { r, c }
    }
    fn called_in(&self, r: &Report, f: &FootnoteView) -> String {
        called_in(r, f)
    }
    fn show_routine(&self) -> bool {
        self.r.has_routine
    }
    fn show_editorial(&self) -> bool {
        self.r.has_editorial
    }
    /// What `--hide` asked for: the toggles start on.
    fn hidden(&self) -> super::Hide {
        self.r.hide
    }
    fn show_unchanged(&self) -> bool {
        self.r.unchanged_count > 0
    }
}

/// Several reports on one page, each an article with its own prefixed ids,
/// under one heading, one list of links and one set of display toggles.
#[derive(Template)]
#[template(path = "html/many.html")]
struct ManyPage<'a> {
    reports: &'a [Report],
    messages: &'static Messages,
}

impl ManyPage<'_> {
    fn ui(&self) -> &'static Messages {
        self.messages
    }
    fn footer(&self) -> String {
        footer(self.messages)
    }
    fn paragraph<'b>(&self, r: &'b Report, c: &'b ChangeView) -> ParagraphBlock<'b> {
        ParagraphBlock { r, c }
    }
    fn called_in(&self, r: &Report, f: &FootnoteView) -> String {
        called_in(r, f)
    }
    fn show_routine(&self) -> bool {
        self.reports.iter().any(|r| r.has_routine)
    }
    fn show_editorial(&self) -> bool {
        self.reports.iter().any(|r| r.has_editorial)
    }
    fn hidden(&self) -> super::Hide {
        self.reports.first().map(|r| r.hide).unwrap_or_default()
    }
    fn show_unchanged(&self) -> bool {
        self.reports.iter().any(|r| r.unchanged_count > 0)
    }
    fn heading(&self) -> String {
        super::many_heading(self.reports.len(), self.messages)
    }
    /// "3 changes" beside a report's link.
    fn note(&self, r: &Report) -> String {
        match r.toc.len() {
            0 => self.messages.no_paragraph_changed.into(),
            n => self.messages.count(self.messages.change_count, n),
        }
    }
}

/// One record, rendering its sub-paragraphs with itself (askama macros
/// cannot recurse, templates rendered as values can).
#[derive(Template)]
#[template(path = "html/paragraph.html")]
struct ParagraphBlock<'a> {
    /// The report it belongs to, for heading levels and id prefix.
    r: &'a Report,
    c: &'a ChangeView,
}

impl ParagraphBlock<'_> {
    fn sub<'b>(&'b self, c: &'b ChangeView) -> ParagraphBlock<'b> {
        ParagraphBlock { r: self.r, c }
    }
    /// "Moved from <a>its old place as OP 4</a>.", the link around the
    /// catalogue's phrase for the old place.
    fn moved_from(&self, from: &NavLink) -> String {
        let ui = self.r.ui;
        let place = escaped(&fill(ui.old_place, &[("label", &from.label)]));
        let link = format!("<a href=\"#{}\">{place}</a>", escaped(&from.anchor));
        fill(&escaped(ui.moved_from), &[("place", &link)])
    }
}

// Its output is HTML built by a template that escapes every value.
impl askama::filters::HtmlSafe for ParagraphBlock<'_> {}

pub fn render(report: &Report) -> askama::Result<String> {
    ReportPage { r: report }.render()
}

/// `reports` must have been [`Report::placed`] so their ids differ.
pub fn render_many(reports: &[Report], messages: &'static Messages) -> askama::Result<String> {
    ManyPage { reports, messages }.render()
}
