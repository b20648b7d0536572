//! Rendering a [`Comparison`] as a report: HTML (one self-contained page),
//! GitHub-flavoured Markdown, terminal text (ANSI colour or word-diff
//! markers) and JSON. The text formats are askama templates in
//! `templates/` over one shared `view` of the comparison.

mod filters;
mod html;
mod markdown;
pub mod sanitize;
pub mod show;
mod text;
mod view;

#[cfg(test)]
mod fixture;
#[cfg(test)]
mod tests;

use crate::{Comparison, Error, Result};

use view::Report;

fn template_error(format: &str, e: askama::Error) -> Error {
    Error::new(format!("cannot render the {format} report: {e}"))
}

/// Askama drops a template's last newline; a file or terminal wants one.
fn ending_with_newline(mut out: String) -> String {
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

/// The comparison as one self-contained HTML page.
pub fn html(c: &Comparison) -> Result<String> {
    html::render(&view::report(c))
        .map(ending_with_newline)
        .map_err(|e| template_error("HTML", e))
}

/// The comparison as GitHub-flavoured Markdown (PR comments, step summaries).
pub fn markdown(c: &Comparison) -> Result<String> {
    markdown::render(&view::report(c))
        .map(ending_with_newline)
        .map_err(|e| template_error("Markdown", e))
}

/// The comparison for a terminal: ANSI colour when `color`, else git-style
/// `[-deleted-]` and `{+inserted+}` markers.
pub fn text(c: &Comparison, color: bool) -> Result<String> {
    text::render(&view::report(c), color)
        .map(ending_with_newline)
        .map_err(|e| template_error("text", e))
}

pub use text::wrap;

/// The comparison as pretty JSON with a trailing newline: the contract in
/// `docs/json.md`.
pub fn json(c: &Comparison) -> Result<String> {
    let mut out = serde_json::to_string_pretty(c)
        .map_err(|e| Error::new(format!("cannot render the JSON report: {e}")))?;
    out.push('\n');
    Ok(out)
}

/// The heading of a report of several comparisons.
fn many_heading(count: usize) -> String {
    match count {
        0 => "No resolution changed".into(),
        1 => "Review of 1 changed resolution".into(),
        n => format!("Review of {n} changed resolutions"),
    }
}

/// The views of `cs` as sections of one document: ids prefixed `r1-`,
/// `r2-`, ..., headings one level down.
fn placed_views(cs: &[Comparison]) -> Vec<Report> {
    cs.iter()
        .enumerate()
        .map(|(i, c)| view::report(c).placed(i + 1))
        .collect()
}

/// Several comparisons as one self-contained HTML page: a heading, links
/// to each comparison, the display toggles once, then each comparison as
/// an article with ids prefixed `r1-`, `r2-`, ...
pub fn html_many(cs: &[Comparison]) -> Result<String> {
    if let [c] = cs {
        return html(c);
    }
    html::render_many(&placed_views(cs))
        .map(ending_with_newline)
        .map_err(|e| template_error("HTML", e))
}

/// Several comparisons as one Markdown document: a heading and list of the
/// comparisons, then each report with its headings one level down.
pub fn markdown_many(cs: &[Comparison]) -> Result<String> {
    if let [c] = cs {
        return markdown(c);
    }
    if cs.is_empty() {
        return Ok(format!("{}.\n", many_heading(0)));
    }
    let reports = placed_views(cs);
    let mut out = format!("# {}\n\n", many_heading(cs.len()));
    for (i, r) in reports.iter().enumerate() {
        out.push_str(&format!(
            "{}. {}\n",
            i + 1,
            filters::escape_markdown(&r.title)
        ));
    }
    for r in &reports {
        out.push('\n');
        let doc = markdown::render(r).map_err(|e| template_error("Markdown", e))?;
        out.push_str(&ending_with_newline(doc));
    }
    Ok(out)
}

/// Several comparisons for a terminal, one after another, each separated
/// from the next by a blank line and a rule.
pub fn text_many(cs: &[Comparison], color: bool) -> Result<String> {
    if cs.is_empty() {
        return Ok(format!("{}.\n", many_heading(0)));
    }
    let rule = "─".repeat(72);
    let mut out = String::new();
    for (i, c) in cs.iter().enumerate() {
        if i > 0 {
            out.push('\n');
            out.push_str(&rule);
            out.push_str("\n\n");
        }
        out.push_str(&text(c, color)?);
    }
    Ok(out)
}

/// Several comparisons as a pretty JSON array with a trailing newline;
/// each element is the contract of [`json`].
pub fn json_many(cs: &[Comparison]) -> Result<String> {
    let mut out = serde_json::to_string_pretty(cs)
        .map_err(|e| Error::new(format!("cannot render the JSON report: {e}")))?;
    out.push('\n');
    Ok(out)
}
