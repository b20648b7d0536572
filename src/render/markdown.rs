//! The Markdown report (GitHub-flavoured) from `templates/md/`. Values go
//! through the `md` filter, which escapes Markdown syntax; the templates
//! themselves only emit tags GitHub keeps (`ins`, `del`, `details`).

use askama::Template;

use super::filters;
use super::messages::Messages;
use super::view::{ChangeView, Entry, NavLink, Report};

#[derive(Template)]
#[template(path = "md/report.md")]
struct ReportDoc<'a> {
    r: &'a Report,
}

impl ReportDoc<'_> {
    fn sub<'b>(&self, c: &'b ChangeView) -> SubItem<'b> {
        SubItem { c, ui: self.r.ui }
    }
    /// "OP 1, PP 3"
    fn labels(&self, links: &[NavLink]) -> String {
        links
            .iter()
            .map(|l| l.label.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// A sub-paragraph as a list item, with its own sub-paragraphs nested.
#[derive(Template)]
#[template(path = "md/subparagraph.md")]
struct SubItem<'a> {
    c: &'a ChangeView,
    ui: &'static Messages,
}

impl SubItem<'_> {
    fn sub<'b>(&self, c: &'b ChangeView) -> SubItem<'b> {
        SubItem { c, ui: self.ui }
    }
    /// Two spaces per level, so a nested item stays inside its parent.
    fn indent(&self) -> String {
        "  ".repeat(self.c.depth.saturating_sub(1))
    }
}

pub fn render(report: &Report) -> askama::Result<String> {
    ReportDoc { r: report }.render()
}
