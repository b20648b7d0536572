//! The HTML report: one self-contained page (inline CSS, no script, no
//! network) from `templates/html/`. Escaping is askama's HTML escaping;
//! nothing from the comparison is ever marked safe.

use askama::Template;

use super::view::{ChangeView, Entry, Report};

#[derive(Template)]
#[template(path = "html/report.html")]
struct ReportPage<'a> {
    r: &'a Report,
}

impl ReportPage<'_> {
    fn paragraph<'b>(&self, c: &'b ChangeView) -> ParagraphBlock<'b> {
        ParagraphBlock { c }
    }
}

/// One record, rendering its sub-paragraphs with itself (askama macros
/// cannot recurse, templates rendered as values can).
#[derive(Template)]
#[template(path = "html/paragraph.html")]
struct ParagraphBlock<'a> {
    c: &'a ChangeView,
}

impl ParagraphBlock<'_> {
    fn sub<'b>(&self, c: &'b ChangeView) -> ParagraphBlock<'b> {
        ParagraphBlock { c }
    }
}

// Its output is HTML built by a template that escapes every value.
impl askama::filters::HtmlSafe for ParagraphBlock<'_> {}

pub fn render(report: &Report) -> askama::Result<String> {
    ReportPage { r: report }.render()
}
