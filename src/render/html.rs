//! The HTML report: one self-contained page (inline CSS, no script, no
//! network) from `templates/html/`, for one comparison or several. Escaping
//! is askama's HTML escaping; nothing from the comparison is ever marked
//! safe.

use askama::Template;

use super::filters;
use super::view::{ChangeView, Entry, Report};
use crate::comparison::ChangeStatus;

#[derive(Template)]
#[template(path = "html/report.html")]
struct ReportPage<'a> {
    r: &'a Report,
}

impl ReportPage<'_> {
    fn paragraph<'b>(&self, r: &'b Report, c: &'b ChangeView) -> ParagraphBlock<'b> {
        ParagraphBlock { r, c }
    }
    fn show_routine(&self) -> bool {
        self.r.has_routine
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
}

impl ManyPage<'_> {
    fn paragraph<'b>(&self, r: &'b Report, c: &'b ChangeView) -> ParagraphBlock<'b> {
        ParagraphBlock { r, c }
    }
    fn show_routine(&self) -> bool {
        self.reports.iter().any(|r| r.has_routine)
    }
    fn hidden(&self) -> super::Hide {
        self.reports.first().map(|r| r.hide).unwrap_or_default()
    }
    fn show_unchanged(&self) -> bool {
        self.reports.iter().any(|r| r.unchanged_count > 0)
    }
    fn heading(&self) -> String {
        super::many_heading(self.reports.len())
    }
    /// "3 changes" beside a report's link.
    fn note(&self, r: &Report) -> String {
        match r.toc.len() {
            0 => "no paragraph changed".into(),
            1 => "1 change".into(),
            n => format!("{n} changes"),
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
}

// Its output is HTML built by a template that escapes every value.
impl askama::filters::HtmlSafe for ParagraphBlock<'_> {}

pub fn render(report: &Report) -> askama::Result<String> {
    ReportPage { r: report }.render()
}

/// `reports` must have been [`Report::placed`] so their ids differ.
pub fn render_many(reports: &[Report]) -> askama::Result<String> {
    ManyPage { reports }.render()
}
