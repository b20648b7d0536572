//! Rendering a [`Comparison`] as a report: HTML (one self-contained page),
//! GitHub-flavoured Markdown, terminal text (ANSI colour or word-diff
//! markers) and JSON. The text formats are askama templates in
//! `templates/` over one shared [`view`] of the comparison.

mod filters;
mod html;
mod markdown;
mod sanitize;
mod text;
mod view;

#[cfg(test)]
mod fixture;
#[cfg(test)]
mod tests;

use crate::{Comparison, Error, Result};

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

/// The comparison as pretty JSON with a trailing newline: the contract in
/// `docs/json.md`.
pub fn json(c: &Comparison) -> Result<String> {
    let mut out = serde_json::to_string_pretty(c)
        .map_err(|e| Error::new(format!("cannot render the JSON report: {e}")))?;
    out.push('\n');
    Ok(out)
}
