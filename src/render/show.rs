//! The plain-text views of a resolution's structure (`resdiff show`) and of
//! a corpus (`resdiff list`), rendered with askama from `templates/show/`.
//! Their JSON forms are the model's serde forms and [`listing`].

use askama::Template;
use serde::Serialize;

use super::messages::{Messages, fill, messages};
use super::sanitize::clean;
use super::view::{body_name, status_name};
use crate::corpus::Corpus;
use crate::error::{Error, Result};
use crate::lang::Language;
use crate::model::{Paragraph, Resolution};

/// One line of the structure view.
struct Row {
    indent: String,
    label: String,
    lead: String,
    notes: String,
    heading: Option<String>,
}

#[derive(Template)]
#[template(path = "show/structure.txt")]
struct StructureView {
    title: String,
    details: String,
    /// "Enacting formula: …"
    formula: String,
    /// "Preamble: 12 paragraphs"
    preamble_heading: String,
    preamble: Vec<Row>,
    operative_heading: String,
    operative: Vec<Row>,
    annexes: Vec<AnnexView>,
    /// "Footnotes: 1, 2"
    footnotes: String,
}

/// An annex in the structure view: its name and paragraphs, numbered by
/// position across all annexes (AN1, AN2 …) as comparisons name them.
struct AnnexView {
    /// "Annex: Declaration: 4 paragraphs"
    heading: String,
    rows: Vec<Row>,
}

/// Control characters from the input must not reach the terminal: the
/// reports' own sanitiser, owned.
pub fn printable(text: &str) -> String {
    clean(text).into_owned()
}

fn rows(paragraphs: &[Paragraph], prefix: &str, depth: usize, ui: &Messages, out: &mut Vec<Row>) {
    for (i, p) in paragraphs.iter().enumerate() {
        let label = match (&p.number, depth) {
            (Some(n), 0) => format!("{prefix}{n}"),
            (Some(n), _) => format!("({n})"),
            (None, 0) => format!("{prefix}{}", i + 1),
            (None, _) => format!("({})", i + 1),
        };
        let mut notes = Vec::new();
        if !p.footnotes.is_empty() {
            let markers: Vec<&str> = p.footnotes.iter().map(|f| f.marker.as_str()).collect();
            let list = markers.join(", ");
            notes.push(fill(ui.show_footnote_markers, &[("list", &list)]));
        }
        if !p.subparagraphs.is_empty() {
            notes.push(ui.count(ui.show_subparagraphs, p.subparagraphs.len()));
        }
        let words = p.text.split_whitespace().count();
        notes.push(ui.count(ui.show_words, words));
        let lead = p
            .lead
            .clone()
            .unwrap_or_else(|| ui.show_no_lead.to_string());
        out.push(Row {
            indent: "  ".repeat(depth + 1),
            label: printable(&label),
            lead: printable(&lead),
            notes: format!("  [{}]", notes.join(ui.semicolon)),
            heading: p.heading.as_deref().map(printable),
        });
        rows(&p.subparagraphs, prefix, depth + 1, ui, out);
    }
}

fn render_error(e: askama::Error) -> Error {
    Error::new(format!("cannot render the view: {e}"))
}

/// The structure of a resolution: counts, numbers, leads, in `ui`'s
/// language or, without one, the resolution's.
pub fn structure(resolution: &Resolution, ui: Option<Language>) -> Result<String> {
    let meta = &resolution.meta;
    let ui = messages(ui.unwrap_or(meta.language));
    let mut details = vec![body_name(meta.body, ui).to_string()];
    if let Some(s) = meta.session {
        details.push(fill(ui.show_session, &[("n", &s)]));
    }
    if let Some(y) = meta.year {
        details.push(fill(ui.show_year, &[("n", &y)]));
    }
    details.push(status_name(meta.status, ui).to_string());
    if let Some(d) = &meta.date {
        details.push(d.to_string());
    }
    details.push(fill(ui.show_series, &[("name", &meta.series)]));
    details.push(meta.language.described());
    let mut title = meta.label();
    if let Some(t) = &meta.title {
        title = format!("{title}: {t}");
    }
    let mut preamble = Vec::new();
    rows(
        &resolution.preamble,
        ui.label_preamble,
        0,
        ui,
        &mut preamble,
    );
    let mut operative = Vec::new();
    rows(
        &resolution.operative,
        ui.label_operative,
        0,
        ui,
        &mut operative,
    );
    let mut position = 0;
    let annexes = resolution
        .annexes
        .iter()
        .map(|annex| {
            let mut rows_of = Vec::new();
            for p in &annex.paragraphs {
                position += 1;
                let numbered = Paragraph {
                    number: Some(position.to_string()),
                    lead: Some(match (&p.number, &p.lead) {
                        (Some(n), Some(lead)) => format!("{n}. {lead}"),
                        (Some(n), None) => format!("{n}."),
                        (None, Some(lead)) => lead.clone(),
                        (None, None) => ui.show_unnumbered.to_string(),
                    }),
                    ..p.clone()
                };
                let one = std::slice::from_ref(&numbered);
                rows(one, ui.label_annex, 0, ui, &mut rows_of);
            }
            let heading = fill(
                ui.form(&ui.show_annex, annex.paragraphs.len()),
                &[("name", &annex.name()), ("n", &annex.paragraphs.len())],
            );
            AnnexView {
                heading: printable(&heading),
                rows: rows_of,
            }
        })
        .collect();
    let markers: Vec<&str> = resolution
        .footnotes
        .iter()
        .map(|f| f.marker.as_str())
        .collect();
    let formula = resolution
        .enacting_formula
        .as_deref()
        .unwrap_or(ui.show_no_formula);
    let footnotes = match markers.is_empty() {
        true => ui.show_none.to_string(),
        false => markers.join(", "),
    };
    StructureView {
        title: printable(&title),
        details: printable(&details.join(", ")),
        formula: printable(&fill(ui.show_formula, &[("formula", &formula)])),
        preamble_heading: ui.count(ui.show_preamble, resolution.preamble.len()),
        preamble,
        operative_heading: ui.count(ui.show_operative, resolution.operative.len()),
        operative,
        annexes,
        footnotes: printable(&fill(ui.show_footnotes, &[("list", &footnotes)])),
    }
    .render()
    .map_err(render_error)
}

/// One version in `list`.
#[derive(Debug, Serialize)]
pub struct ListedVersion {
    /// The file stem: `75`.
    pub version: String,
    /// The document symbol, `-` when it has none.
    pub symbol: String,
    /// `draft` or `adopted`.
    pub status: String,
    /// The date in the front matter (YYYY-MM-DD), `-` when it has none.
    pub date: String,
    /// The file.
    pub path: String,
    /// "generated from csto 75" for drafts the tool made.
    pub note: String,
}

/// One series in `list`.
#[derive(Debug, Serialize)]
pub struct ListedSeries {
    /// The series' directory name.
    pub name: String,
    /// Its versions, oldest first.
    pub versions: Vec<ListedVersion>,
}

#[derive(Template)]
#[template(path = "show/list.txt")]
struct ListView<'a> {
    root: String,
    series: &'a [ListedSeries],
}

/// The corpus as series and versions.
pub fn listing(corpus: &Corpus) -> Vec<ListedSeries> {
    corpus
        .series()
        .into_iter()
        .map(|name| ListedSeries {
            name: name.to_string(),
            versions: corpus
                .entries
                .iter()
                .filter(|e| e.series == name)
                .map(|e| {
                    let meta = e.meta();
                    ListedVersion {
                        version: e.version.clone(),
                        symbol: meta.symbol.clone().unwrap_or_else(|| "-".into()),
                        status: meta.status.name().to_string(),
                        date: meta.date.map_or_else(|| "-".into(), |d| d.to_string()),
                        path: e.path.display().to_string(),
                        note: meta
                            .generated_from
                            .as_ref()
                            .map(|g| format!("generated draft from {g}"))
                            .unwrap_or_default(),
                    }
                })
                .collect(),
        })
        .collect()
}

/// The corpus as text: each series and its versions.
pub fn list_text(corpus: &Corpus) -> Result<String> {
    let series = listing(corpus);
    ListView {
        root: corpus.root.display().to_string(),
        series: &series,
    }
    .render()
    .map(|s| printable(&s))
    .map_err(render_error)
}
