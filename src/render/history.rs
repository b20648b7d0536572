//! The history of a series ([`crate::History`]) as a report: a grid of
//! paragraphs × versions to read across, in terminal text, GitHub Markdown
//! and one self-contained HTML page whose changed cells open on their
//! redline; and the blame of its last version, wording marked by the
//! version that wrote it. Templates in `templates/history/`.

use askama::Template;

use super::filters;
use super::sanitize::clean;
use crate::comparison::{ChangeStatus, WordOpKind};
use crate::history::{Cell, History, Line};
use crate::model::Meta;

/// One version as a column heading: its symbol, else series and version.
fn version_label(m: &Meta) -> String {
    clean(&m.label()).into_owned()
}

/// The marks of a cell: what the step into this version did.
/// `+` new, `=` unchanged, `~` modified, `*` rewritten, `/` a piece of a
/// split, `&` merged, `^` restored (back after a gap), `>` moved, `#`
/// renumbered, `r` routine, `e` editorial only.
fn marks(cell: &Cell, introduced_here: bool, first_version: bool) -> String {
    let Some(c) = &cell.change else {
        return if introduced_here && !first_version {
            "+".into()
        } else {
            String::new()
        };
    };
    let mut out = String::from(match c.status {
        ChangeStatus::Unchanged => "=",
        ChangeStatus::Modified if c.rewritten => "*",
        ChangeStatus::Modified => "~",
        ChangeStatus::Editorial => "e",
        ChangeStatus::Split => "/",
        ChangeStatus::Merged => "&",
        ChangeStatus::Added | ChangeStatus::Removed => "",
    });
    for (on, mark) in [
        (c.restored_from.is_some(), '^'),
        (c.moved || c.from_part.is_some(), '>'),
        (c.renumbered, '#'),
        (c.routine, 'r'),
    ] {
        if on {
            out.push(mark);
        }
    }
    out
}

/// What the marks say, in words, for a tooltip and the Markdown notes;
/// `versions` name the versions.
fn described(cell: &Cell, versions: &[String]) -> String {
    let Some(c) = &cell.change else {
        return "introduced".into();
    };
    let mut parts = vec![format!("{:?}", c.status).to_lowercase()];
    if let Some(from) = c.restored_from {
        parts.push(format!(
            "restored from {}",
            versions
                .get(from)
                .map_or("an earlier version", String::as_str)
        ));
    }
    if c.rewritten {
        parts.push("rewritten".into());
    }
    if let Some(from) = c.from_part {
        parts.push(format!(
            "moved from the {}",
            format!("{from:?}").to_lowercase()
        ));
    } else if c.moved {
        parts.push("moved".into());
    }
    if c.renumbered {
        parts.push("renumbered".into());
    }
    if c.routine {
        parts.push("routine".into());
    }
    if let Some(l) = &c.lead_change {
        parts.push(format!(
            "lead {} → {} ({})",
            l.old,
            l.new,
            format!("{:?}", l.direction).to_lowercase()
        ));
    }
    clean(&parts.join(", ")).into_owned()
}

/// One cell as the templates show it.
pub struct CellView {
    /// `OP5 ~>`, or empty where the paragraph is not in the version.
    pub text: String,
    /// The marks in words.
    pub title: String,
    /// The redline of the step, as (kind, text) runs: `=`, `-`, `+`.
    pub redline: Vec<(char, String)>,
}

/// One line of the grid.
pub struct RowView {
    /// `19`, or `19.2` for the second sub-paragraph line of line 19.
    pub id: String,
    /// A sub-paragraph's line.
    pub sub: bool,
    pub cells: Vec<CellView>,
    /// The first words of the paragraph in the last version that has it,
    /// so a reader knows which paragraph the line is.
    pub opening: String,
    /// "split from line 3", "merged into line 2".
    pub note: String,
    /// The grid row as aligned text columns.
    pub text: String,
}

#[derive(Template)]
#[template(path = "history/history.txt")]
struct TextPage<'a> {
    v: &'a HistoryView,
}

#[derive(Template)]
#[template(path = "history/history.md")]
struct MarkdownPage<'a> {
    v: &'a HistoryView,
}

#[derive(Template)]
#[template(path = "history/history.html")]
struct HtmlPage<'a> {
    v: &'a HistoryView,
}

/// What every format of the history shows.
pub struct HistoryView {
    pub title: String,
    pub versions: Vec<String>,
    pub rows: Vec<RowView>,
    /// How many paragraph lines (the sub-paragraphs' rows aside).
    pub paragraphs: usize,
    /// The column headings as aligned text.
    pub header: String,
    pub warnings: Vec<String>,
    pub kept: usize,
}

/// Marks explained, once per report.
const LEGEND: &str = "+ new, = unchanged, ~ modified, e editorial only, * rewritten, / split piece, & merged, ^ restored from the last version that had it, > moved, # renumbered, r routine";

impl HistoryView {
    fn legend(&self) -> &'static str {
        LEGEND
    }
}

/// Words of a line's opening shown.
const OPENING_WORDS: usize = 8;

fn opening(line: &Line) -> String {
    let text = line
        .cells
        .iter()
        .rev()
        .flatten()
        .next()
        .map_or("", |c| c.text.as_str());
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out = words[..words.len().min(OPENING_WORDS)].join(" ");
    if words.len() > OPENING_WORDS {
        out.push_str(" …");
    }
    clean(&out).into_owned()
}

/// "split from line 3", "merged into line 2", "restored in S/RES/1541
/// (2004) from S/RES/1495 (2003)"; a sub-paragraph's lines are named
/// under their paragraph's (`prefix`, "19.").
fn note(line: &Line, prefix: &str, versions: &[String]) -> String {
    let mut notes = Vec::new();
    for (k, c) in line.cells.iter().enumerate() {
        if let Some(from) = c
            .as_ref()
            .and_then(|c| c.change.as_ref())
            .and_then(|c| c.restored_from)
        {
            let name = |v: usize| versions.get(v).cloned().unwrap_or_default();
            notes.push(format!("restored in {} from {}", name(k), name(from)));
        }
    }
    if let Some(from) = line.split_from {
        notes.push(format!("split from line {prefix}{from}"));
    }
    if let Some(into) = line.merged_into {
        notes.push(format!("merged into line {prefix}{into}"));
    }
    notes.join("; ")
}

/// The cells of a line, one per version (`versions` name them).
fn cells(line: &Line, versions: &[String]) -> Vec<CellView> {
    let introduced = line.introduced();
    line.cells
        .iter()
        .enumerate()
        .map(|(k, cell)| match cell {
            None => CellView {
                text: String::new(),
                title: String::new(),
                redline: Vec::new(),
            },
            Some(cell) => {
                let marks = marks(cell, k == introduced, k == 0);
                let label = clean(&cell.label).into_owned();
                CellView {
                    text: if marks.is_empty() {
                        label
                    } else {
                        format!("{label} {marks}")
                    },
                    title: described(cell, versions),
                    redline: cell
                        .change
                        .iter()
                        .filter(|c| c.status != ChangeStatus::Unchanged)
                        .flat_map(|c| &c.words)
                        .map(|w| {
                            let kind = match w.op {
                                WordOpKind::Equal => '=',
                                WordOpKind::Delete => '-',
                                WordOpKind::Insert => '+',
                            };
                            (kind, clean(&w.text).into_owned())
                        })
                        .collect(),
                }
            }
        })
        .collect()
}

fn view(h: &History) -> HistoryView {
    let versions: Vec<String> = h.versions.iter().map(version_label).collect();
    // A line's row, then a row for each of its sub-paragraphs' lines.
    let mut rows: Vec<(String, Vec<CellView>, String, String)> = Vec::new();
    for line in &h.lines {
        let id = line.id.to_string();
        rows.push((
            id.clone(),
            cells(line, &versions),
            note(line, "", &versions),
            opening(line),
        ));
        for sub in &line.subparagraphs {
            let prefix = format!("{id}.");
            rows.push((
                format!("{prefix}{}", sub.id),
                cells(sub, &versions),
                note(sub, &prefix, &versions),
                opening(sub),
            ));
        }
    }
    // Aligned columns for the terminal.
    let width = |k: usize| {
        rows.iter()
            .map(|(_, cells, _, _)| cells[k].text.chars().count())
            .chain(std::iter::once(versions[k].chars().count()))
            .max()
            .unwrap_or(0)
    };
    let widths: Vec<usize> = (0..versions.len()).map(width).collect();
    let pad = |s: &str, w: usize| format!("{s}{}", " ".repeat(w.saturating_sub(s.chars().count())));
    let line_width = rows
        .iter()
        .map(|(id, ..)| id.chars().count())
        .max()
        .unwrap_or(0)
        .max(4);
    let mut header = pad("line", line_width);
    for (k, v) in versions.iter().enumerate() {
        header.push_str("  ");
        header.push_str(&pad(v, widths[k]));
    }
    header.push_str("  opening");
    let rows = rows
        .into_iter()
        .map(|(id, cells, note, opening)| {
            let mut text = pad(&id, line_width);
            for (k, c) in cells.iter().enumerate() {
                text.push_str("  ");
                text.push_str(&pad(
                    if c.text.is_empty() { "-" } else { &c.text },
                    widths[k],
                ));
            }
            text.push_str("  ");
            text.push_str(&opening);
            if !note.is_empty() {
                text.push_str(&format!(" ({note})"));
            }
            RowView {
                sub: id.contains('.'),
                id,
                cells,
                opening,
                note,
                text: text.trim_end().to_string(),
            }
        })
        .collect();
    let series = h
        .versions
        .first()
        .map_or(String::new(), |m| clean(&m.series).into_owned());
    HistoryView {
        title: format!("History of {series}: {} versions", versions.len()),
        versions,
        header: header.trim_end().to_string(),
        rows,
        paragraphs: h.lines.len(),
        warnings: h.warnings.iter().map(|w| clean(w).into_owned()).collect(),
        kept: h.kept_throughout(),
    }
}

pub fn text(h: &History) -> askama::Result<String> {
    TextPage { v: &view(h) }.render()
}

pub fn markdown(h: &History) -> askama::Result<String> {
    MarkdownPage { v: &view(h) }.render()
}

pub fn html(h: &History) -> askama::Result<String> {
    HtmlPage { v: &view(h) }.render()
}

#[cfg(test)]
mod tests {
    use crate::align::fixtures::resolution;

    #[test]
    fn hostile_text_is_neutralised_in_every_history_blame_and_search_format() {
        let hostile =
            "Decides <script>alert(1)</script> | **bold** \u{1b}[31m red \u{202e} until 2019;";
        let changed =
            "Decides <script>alert(2)</script> | **bold** \u{1b}[31m red \u{202e} until 2020;";
        let h = crate::history(&[
            resolution(73, &[], &[hostile.to_string()]),
            resolution(74, &[], &[changed.to_string()]),
        ]);
        let html = super::html(&h).unwrap();
        assert!(
            !html.contains("<script>") && html.contains("&#60;script&#62;"),
            "{html}"
        );
        let md = super::markdown(&h).unwrap();
        assert!(
            !md.contains("<script>") && !md.contains("| **bold**"),
            "{md}"
        );
        let text = super::text(&h).unwrap();
        let b = crate::history::blame(&h);
        let blame_html = super::blame_html(&b).unwrap();
        assert!(!blame_html.contains("<script>"), "{blame_html}");
        let blame_md = super::blame_markdown(&b).unwrap();
        assert!(
            !blame_md.contains("<script>") && !blame_md.contains("| **bold**"),
            "{blame_md}"
        );
        let blame_text = super::blame_text(&b).unwrap();
        let mut record = crate::search::Record::default();
        record.add(&resolution(74, &[], &[changed.to_string()]), "<b>.md");
        let groups = [super::super::search::SearchGroup {
            label: None,
            query: hostile.to_string(),
            hits: record
                .search(hostile, crate::search::Mode::Near, &Default::default(), 5)
                .unwrap(),
        }];
        assert_eq!(groups[0].hits.len(), 1);
        let search_html = super::super::search::html(&groups).unwrap();
        assert!(
            !search_html.contains("<script>") && !search_html.contains("<b>"),
            "{search_html}"
        );
        let search_md = super::super::search::markdown(&groups).unwrap();
        assert!(
            !search_md.contains("<script>") && !search_md.contains("| **bold**"),
            "{search_md}"
        );
        let search_text = super::super::search::text(&groups).unwrap();
        for out in [
            &html,
            &md,
            &text,
            &blame_html,
            &blame_md,
            &blame_text,
            &search_html,
            &search_md,
            &search_text,
        ] {
            assert!(
                !out.contains('\u{1b}') && !out.contains('\u{202e}'),
                "{out}"
            );
        }
    }
}

/// One blamed paragraph as the templates show it.
pub struct BlamedView {
    pub label: String,
    /// "since S/2018/257; S/2020/445 wrote 12%", and where it came back
    /// after a gap ("; restored in S/RES/1541 (2004) from S/RES/1495 (2003)").
    pub summary: String,
    /// (text, version index from 1, version label, written after the
    /// paragraph was introduced).
    pub runs: Vec<(String, usize, String, bool)>,
}

/// What every format of a blame shows.
pub struct BlameView {
    pub title: String,
    pub versions: Vec<String>,
    pub paragraphs: Vec<BlamedView>,
}

#[derive(Template)]
#[template(path = "history/blame.txt")]
struct BlameText<'a> {
    v: &'a BlameView,
}

#[derive(Template)]
#[template(path = "history/blame.md")]
struct BlameMarkdown<'a> {
    v: &'a BlameView,
}

#[derive(Template)]
#[template(path = "history/blame.html")]
struct BlameHtml<'a> {
    v: &'a BlameView,
}

fn blame_view(b: &crate::history::Blame) -> BlameView {
    let versions: Vec<String> = b.versions.iter().map(version_label).collect();
    let name = |k: usize| versions.get(k).cloned().unwrap_or_default();
    let one = |p: &crate::history::Blamed, label: String| {
        let mut summary = format!("since {}", name(p.introduced));
        let later: Vec<String> = p
            .shares()
            .into_iter()
            .filter(|&(v, _)| v != p.introduced)
            .map(|(v, share)| format!("{} wrote {:.0}%", name(v), share * 100.0))
            .collect();
        if !later.is_empty() {
            summary.push_str("; ");
            summary.push_str(&later.join(", "));
        }
        for [k, from] in &p.restored {
            summary.push_str(&format!("; restored in {} from {}", name(*k), name(*from)));
        }
        BlamedView {
            label: clean(&label).into_owned(),
            summary,
            runs: p
                .runs
                .iter()
                .map(|r| {
                    (
                        clean(&r.text).into_owned(),
                        r.version + 1,
                        name(r.version),
                        r.version != p.introduced,
                    )
                })
                .collect(),
        }
    };
    // Each paragraph, then its sub-paragraphs (`OP2 (b)`).
    let mut paragraphs = Vec::new();
    for p in &b.paragraphs {
        paragraphs.push(one(p, p.label.clone()));
        for sub in &p.subparagraphs {
            paragraphs.push(one(sub, format!("{} {}", p.label, sub.label)));
        }
    }
    let blamed = versions.last().cloned().unwrap_or_default();
    BlameView {
        title: format!("Blame of {blamed}: {} versions", versions.len()),
        versions,
        paragraphs,
    }
}

pub fn blame_text(b: &crate::history::Blame) -> askama::Result<String> {
    BlameText { v: &blame_view(b) }.render()
}

pub fn blame_markdown(b: &crate::history::Blame) -> askama::Result<String> {
    BlameMarkdown { v: &blame_view(b) }.render()
}

pub fn blame_html(b: &crate::history::Blame) -> askama::Result<String> {
    BlameHtml { v: &blame_view(b) }.render()
}
