//! Rendering a [`Comparison`] as a report: HTML (one self-contained page),
//! GitHub-flavoured Markdown, terminal text (ANSI colour or word-diff
//! markers) and JSON. The text formats are askama templates in
//! `templates/` over one shared `view` of the comparison.

mod docx;
mod filters;
mod history;
mod html;
mod markdown;
pub mod messages;
mod places;
pub mod sanitize;
mod search;
pub mod show;
mod text;
mod view;

#[cfg(test)]
mod fixture;
#[cfg(test)]
mod tests;

use crate::lang::Language;
use crate::{Comparison, Error, Result};

use messages::{Messages, fill, messages};
use view::Report;

/// How a comparison is reported: what the report leaves out, and the
/// language it speaks (by default, the language of its documents).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// What `--hide` leaves out.
    pub hide: Hide,
    /// The report's language (`--ui-lang`); `None` for the documents'.
    pub ui: Option<Language>,
}

impl Options {
    /// The words of the report of `c`.
    pub fn messages_for(&self, c: &Comparison) -> &'static Messages {
        messages(self.ui.unwrap_or(c.new.language))
    }
}

/// What a report leaves out (`--hide`). The figures still count everything,
/// and the report says what it hid. HTML keeps every record and starts with
/// the matching display toggles on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Hide {
    /// Records whose every change is a routine update.
    pub routine: bool,
    /// Marks of differences of typography alone: the new text as kept.
    pub typography: bool,
    /// Unchanged paragraphs that kept their place.
    pub unchanged: bool,
    /// Records whose every change is editorial (case, punctuation,
    /// spelling).
    pub editorial: bool,
}

impl Hide {
    /// The comparison as JSON shows it with these parts hidden: records
    /// left out of `paragraphs` (and the concordance kept whole), and
    /// typographic runs folded into the kept text, so the runs then rebuild
    /// only the new text.
    pub fn apply(self, c: &Comparison) -> Comparison {
        use crate::comparison::{ChangeStatus, ParagraphChange, WordOp, WordOpKind};
        fn fold(words: &[WordOp]) -> Vec<WordOp> {
            let mut out: Vec<WordOp> = Vec::with_capacity(words.len());
            for w in words {
                if w.typography && w.op == WordOpKind::Delete {
                    continue;
                }
                let w = if w.typography {
                    WordOp {
                        op: WordOpKind::Equal,
                        typography: false,
                        editorial: None,
                        ..w.clone()
                    }
                } else {
                    w.clone()
                };
                match out.last_mut() {
                    Some(last) if last.op == WordOpKind::Equal && w.op == WordOpKind::Equal => {
                        last.text.push_str(&w.text)
                    }
                    _ => out.push(w),
                }
            }
            out
        }
        fn folded(p: &ParagraphChange) -> ParagraphChange {
            ParagraphChange {
                words: fold(&p.words),
                subparagraphs: p.subparagraphs.iter().map(folded).collect(),
                ..p.clone()
            }
        }
        let mut out = c.clone();
        out.paragraphs.retain(|p| {
            !(self.routine && p.routine
                || self.editorial && p.status == ChangeStatus::Editorial
                || self.unchanged && p.status == ChangeStatus::Unchanged && !p.moved)
        });
        if self.typography {
            out.paragraphs = out.paragraphs.iter().map(folded).collect();
        }
        out
    }
}

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

/// The view of `c` as `options` ask.
fn view_of(c: &Comparison, options: Options) -> Report {
    view::report(c, options.hide, options.messages_for(c))
}

/// The comparison as one self-contained HTML page, in its documents'
/// language.
pub fn html(c: &Comparison) -> Result<String> {
    html_many(std::slice::from_ref(c), Options::default())
}

/// The comparison as GitHub-flavoured Markdown (PR comments, step
/// summaries), in its documents' language.
pub fn markdown(c: &Comparison) -> Result<String> {
    markdown_with(c, Options::default())
}

fn markdown_with(c: &Comparison, options: Options) -> Result<String> {
    fitted_markdown(view_of(c, options), MARKDOWN_LIMIT).map(ending_with_newline)
}

/// The most characters a Markdown report may have: under GitHub's limit of
/// 65,536 for a comment, with room for what a workflow adds around it.
pub const MARKDOWN_LIMIT: usize = 60_000;

/// The Markdown report in at most `limit` characters (its final newline
/// counted): whole when it fits; else without its list of unchanged
/// paragraphs, its concordance and its notes on reading the versions;
/// else with its changes first and as many warnings as still fit; else
/// with the first changed paragraphs that fit and a note of how many were
/// left out. A head too long for any of these is cut at the limit.
fn fitted_markdown(mut r: Report, limit: usize) -> Result<String> {
    let render = |r: &Report| markdown::render(r).map_err(|e| template_error("Markdown", e));
    // The newline `ending_with_newline` adds counts too.
    let fits = |s: &str| s.chars().count() + usize::from(!s.ends_with('\n')) <= limit;
    let whole = render(&r)?;
    if fits(&whole) {
        return Ok(whole);
    }
    let ui = r.ui;
    r.cut_unchanged = true;
    r.concordance.clear();
    r.cut_note = fill(
        ui.form(&ui.cut_unchanged, r.unchanged_count),
        &[("n", &r.unchanged_count), ("limit", &limit)],
    );
    let notes = std::mem::take(&mut r.notes);
    let notes_note = if notes.is_empty() {
        String::new()
    } else {
        fill(
            ui.form(&ui.notes_cut, notes.len()),
            &[("n", &notes.len()), ("limit", &limit)],
        )
    };
    r.warnings_cut_note = notes_note.clone();
    let without_unchanged = render(&r)?;
    if fits(&without_unchanged) {
        return Ok(without_unchanged);
    }
    // The changes come before the warnings: leave the warnings out, then
    // give back as many as fit.
    let warnings = std::mem::take(&mut r.warnings);
    let show_warnings = |r: &mut Report, shown: usize| {
        r.warnings = warnings[..shown].to_vec();
        let left_out = warnings.len() - shown;
        let mut note = notes_note.clone();
        if left_out > 0 {
            if !note.is_empty() {
                note.push(' ');
            }
            note.push_str(&fill(
                ui.form(&ui.warnings_cut, left_out),
                &[("n", &left_out), ("limit", &limit)],
            ));
        }
        r.warnings_cut_note = note;
    };
    show_warnings(&mut r, 0);
    let changes_only = render(&r)?;
    if fits(&changes_only) {
        let (mut lo, mut hi) = (1, warnings.len());
        let mut best = changes_only;
        while lo <= hi {
            let mid = (lo + hi) / 2;
            show_warnings(&mut r, mid);
            let out = render(&r)?;
            if fits(&out) {
                best = out;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return Ok(best);
    }
    // Keep the first `keep` changed records: the most that fit.
    let changed: Vec<usize> = r
        .entries
        .iter()
        .enumerate()
        .filter(|(_, e)| matches!(e, view::Entry::Change(v) if v.changed))
        .map(|(i, _)| i)
        .collect();
    let cut_after = |r: &mut Report, keep: usize| {
        for (k, &i) in changed.iter().enumerate() {
            if let view::Entry::Change(v) = &mut r.entries[i] {
                v.cut = k >= keep;
            }
        }
        r.cut_note = fill(
            ui.form(&ui.cut_changed, changed.len()),
            &[("keep", &keep), ("n", &changed.len()), ("limit", &limit)],
        );
    };
    let (mut lo, mut hi) = (0, changed.len());
    let mut best = None;
    while lo <= hi {
        let mid = (lo + hi) / 2;
        cut_after(&mut r, mid);
        let out = render(&r)?;
        if fits(&out) {
            best = Some(out);
            lo = mid + 1;
        } else if mid == 0 {
            break;
        } else {
            hi = mid - 1;
        }
    }
    // Even the head alone is too long (a title of a million characters):
    // the head cut at the limit.
    match best {
        Some(out) => Ok(out),
        None => {
            cut_after(&mut r, 0);
            Ok(cut_to(&render(&r)?, limit))
        }
    }
}

/// `text` cut to at most `limit` characters, its final newline included,
/// with an ellipsis where it was cut.
fn cut_to(text: &str, limit: usize) -> String {
    const TAIL: &str = "\n\n…\n";
    let keep = limit.saturating_sub(TAIL.chars().count());
    let mut out: String = text.chars().take(keep).collect();
    out.push_str(TAIL);
    if out.chars().count() > limit {
        out = out.chars().take(limit.saturating_sub(1)).collect();
        out.push('\n');
    }
    out
}

/// The comparison for a terminal: ANSI colour when `color`, else git-style
/// `[-deleted-]` and `{+inserted+}` markers; in its documents' language.
pub fn text(c: &Comparison, color: bool) -> Result<String> {
    text_with(c, color, Options::default())
}

fn text_with(c: &Comparison, color: bool, options: Options) -> Result<String> {
    text::render(&view_of(c, options), color)
        .map(ending_with_newline)
        .map_err(|e| template_error("text", e))
}

pub use docx::{DocxOptions, adopted_line, docx};
pub use text::wrap;

/// The history of a series as terminal text: the grid of paragraphs ×
/// versions.
pub fn history_text(h: &crate::History) -> Result<String> {
    history::text(h)
        .map(ending_with_newline)
        .map_err(|e| template_error("text", e))
}

/// The history as GitHub Markdown: the grid as a table.
pub fn history_markdown(h: &crate::History) -> Result<String> {
    history::markdown(h)
        .map(ending_with_newline)
        .map_err(|e| template_error("Markdown", e))
}

/// The history as one self-contained HTML page; each changed cell opens on
/// its redline.
pub fn history_html(h: &crate::History) -> Result<String> {
    history::html(h)
        .map(ending_with_newline)
        .map_err(|e| template_error("HTML", e))
}

/// The blame of a version as terminal text: each paragraph with the
/// versions that wrote its wording, later wording in `[N: …]`.
pub fn blame_text(b: &crate::history::Blame) -> Result<String> {
    history::blame_text(b)
        .map(ending_with_newline)
        .map_err(|e| template_error("text", e))
}

/// The blame as GitHub Markdown, later wording in `<ins>`.
pub fn blame_markdown(b: &crate::history::Blame) -> Result<String> {
    history::blame_markdown(b)
        .map(ending_with_newline)
        .map_err(|e| template_error("Markdown", e))
}

/// The blame as one self-contained HTML page, wording coloured by version.
pub fn blame_html(b: &crate::history::Blame) -> Result<String> {
    history::blame_html(b)
        .map(ending_with_newline)
        .map_err(|e| template_error("HTML", e))
}

pub use search::SearchGroup;

/// What `resdiff search` found, as terminal text, each hit with the query
/// redlined against it.
pub fn search_text(groups: &[SearchGroup]) -> Result<String> {
    search::text(groups)
        .map(ending_with_newline)
        .map_err(|e| template_error("text", e))
}

/// What `resdiff search` found, as GitHub Markdown.
pub fn search_markdown(groups: &[SearchGroup]) -> Result<String> {
    search::markdown(groups)
        .map(ending_with_newline)
        .map_err(|e| template_error("Markdown", e))
}

/// What `resdiff search` found, as one self-contained HTML page.
pub fn search_html(groups: &[SearchGroup]) -> Result<String> {
    search::html(groups)
        .map(ending_with_newline)
        .map_err(|e| template_error("HTML", e))
}

/// What `resdiff search` found, as pretty JSON (`docs/json.md`).
pub fn search_json(groups: &[SearchGroup]) -> Result<String> {
    let mut out = serde_json::to_string_pretty(groups)
        .map_err(|e| Error::new(format!("cannot render the JSON search: {e}")))?;
    out.push('\n');
    Ok(out)
}

/// The blame as pretty JSON with a trailing newline (`docs/json.md`).
pub fn blame_json(b: &crate::history::Blame) -> Result<String> {
    let mut out = serde_json::to_string_pretty(b)
        .map_err(|e| Error::new(format!("cannot render the JSON blame: {e}")))?;
    out.push('\n');
    Ok(out)
}

/// The history as pretty JSON with a trailing newline (`docs/json.md`).
pub fn history_json(h: &crate::History) -> Result<String> {
    let mut out = serde_json::to_string_pretty(h)
        .map_err(|e| Error::new(format!("cannot render the JSON history: {e}")))?;
    out.push('\n');
    Ok(out)
}

/// The comparison as pretty JSON with a trailing newline: the contract in
/// `docs/json.md`.
pub fn json(c: &Comparison) -> Result<String> {
    let mut out = serde_json::to_string_pretty(c)
        .map_err(|e| Error::new(format!("cannot render the JSON report: {e}")))?;
    out.push('\n');
    Ok(out)
}

/// The heading of a report of several comparisons.
fn many_heading(count: usize, ui: &Messages) -> String {
    match count {
        0 => ui.no_resolution_changed.into(),
        n => ui.count(ui.review_heading, n),
    }
}

/// The words of a report of several comparisons: the language asked for,
/// else their documents' (the first's).
fn many_messages(cs: &[Comparison], options: Options) -> &'static Messages {
    match cs.first() {
        Some(c) => options.messages_for(c),
        None => messages(options.ui.unwrap_or_default()),
    }
}

/// The views of `cs` as sections of one document: ids prefixed `r1-`,
/// `r2-`, ..., headings one level down.
fn placed_views(cs: &[Comparison], options: Options) -> Vec<Report> {
    cs.iter()
        .enumerate()
        .map(|(i, c)| view_of(c, options).placed(i + 1))
        .collect()
}

/// Several comparisons as one self-contained HTML page: a heading, links
/// to each comparison, the display toggles once, then each comparison as
/// an article with ids prefixed `r1-`, `r2-`, ...
pub fn html_many(cs: &[Comparison], options: Options) -> Result<String> {
    if let [c] = cs {
        return html::render(&view_of(c, options))
            .map(ending_with_newline)
            .map_err(|e| template_error("HTML", e));
    }
    html::render_many(&placed_views(cs, options), many_messages(cs, options))
        .map(ending_with_newline)
        .map_err(|e| template_error("HTML", e))
}

/// Several comparisons as one Markdown document: a heading and list of the
/// comparisons, then each report with its headings one level down.
pub fn markdown_many(cs: &[Comparison], options: Options) -> Result<String> {
    if let [c] = cs {
        return markdown_with(c, options);
    }
    let ui = many_messages(cs, options);
    if cs.is_empty() {
        return Ok(format!("{}.\n", many_heading(0, ui)));
    }
    let reports = placed_views(cs, options);
    let mut out = format!("# {}\n\n", many_heading(cs.len(), ui));
    for (i, r) in reports.iter().enumerate() {
        out.push_str(&format!(
            "{}. {}\n",
            i + 1,
            filters::escape_markdown(&r.title)
        ));
    }
    // Each report gets an equal share of what the list leaves, less the
    // blank line before it.
    let room = MARKDOWN_LIMIT.saturating_sub(out.chars().count());
    let share = (room / reports.len()).saturating_sub(1);
    for r in reports {
        out.push('\n');
        out.push_str(&ending_with_newline(fitted_markdown(r, share)?));
    }
    Ok(out)
}

/// Several comparisons for a terminal, one after another, each separated
/// from the next by a blank line and a rule.
pub fn text_many(cs: &[Comparison], color: bool, options: Options) -> Result<String> {
    if cs.is_empty() {
        return Ok(format!(
            "{}.\n",
            many_heading(0, many_messages(cs, options))
        ));
    }
    let rule = "─".repeat(72);
    let mut out = String::new();
    for (i, c) in cs.iter().enumerate() {
        if i > 0 {
            out.push('\n');
            out.push_str(&rule);
            out.push_str("\n\n");
        }
        out.push_str(&text_with(c, color, options)?);
    }
    Ok(out)
}

/// Several comparisons as a pretty JSON array with a trailing newline;
/// each element is the contract of [`json`].
pub fn json_many(cs: &[Comparison], options: Options) -> Result<String> {
    let shown: Vec<Comparison> = cs.iter().map(|c| options.hide.apply(c)).collect();
    let mut out = serde_json::to_string_pretty(&shown)
        .map_err(|e| Error::new(format!("cannot render the JSON report: {e}")))?;
    out.push('\n');
    Ok(out)
}
