//! The terminal view from `templates/text/`: a word-diff redline with the
//! summary on top. Styling is done by filters, ANSI or plain.

use askama::Template;

use super::filters;
use super::view::{ChangeView, Entry, Report};

#[derive(Template)]
#[template(path = "text/report.txt")]
struct ReportText<'a> {
    r: &'a Report,
    color: bool,
}

impl ReportText<'_> {
    fn paragraph<'b>(&self, c: &'b ChangeView) -> ParagraphText<'b> {
        ParagraphText {
            c,
            color: self.color,
        }
    }
}

#[derive(Template)]
#[template(path = "text/paragraph.txt")]
struct ParagraphText<'a> {
    c: &'a ChangeView,
    color: bool,
}

impl ParagraphText<'_> {
    fn sub<'b>(&self, c: &'b ChangeView) -> ParagraphText<'b> {
        ParagraphText {
            c,
            color: self.color,
        }
    }
    fn indent(&self) -> String {
        "    ".repeat(self.c.depth)
    }
}

pub fn render(report: &Report, color: bool) -> askama::Result<String> {
    ReportText { r: report, color }.render()
}
