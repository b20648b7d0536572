//! What `resdiff search` found ([`crate::search`]) as a report: each
//! query with its hits best first, the phrase marked where it stands or the
//! query redlined against a near match, in terminal text, GitHub Markdown
//! and one self-contained HTML page. Templates in `templates/search/`.

use askama::Template;

use super::filters;
use super::sanitize::clean;
use crate::comparison::WordOpKind;

/// One query and what it found, as `resdiff search` reports it.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct SearchGroup {
    /// The query's paragraph label, when it is a paragraph of a file.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub label: Option<String>,
    /// The query's text.
    pub query: String,
    /// The paragraphs found, best first.
    pub hits: Vec<crate::search::Hit>,
}

/// One paragraph found, as the templates show it.
pub struct HitView {
    pub rank: usize,
    /// "exact" or "73%".
    pub score: String,
    /// "A/RES/73/8 (General Assembly, 73, adopted) OP1 Calls upon".
    pub heading: String,
    pub source: String,
    /// The query against the paragraph: (kind, text) with `=` kept, `-`
    /// the query's only, `+` the paragraph's only, `*` the phrase found.
    pub redline: Vec<(char, String)>,
}

/// One query as the templates show it.
pub struct GroupView {
    pub title: String,
    pub hits: Vec<HitView>,
}

#[derive(Template)]
#[template(path = "search/search.txt")]
struct SearchText<'a> {
    groups: &'a [GroupView],
}

#[derive(Template)]
#[template(path = "search/search.md")]
struct SearchMarkdown<'a> {
    groups: &'a [GroupView],
}

#[derive(Template)]
#[template(path = "search/search.html")]
struct SearchHtml<'a> {
    groups: &'a [GroupView],
}

fn search_view(groups: &[SearchGroup]) -> Vec<GroupView> {
    groups
        .iter()
        .map(|g| {
            let query = clean(&g.query).into_owned();
            let title = match &g.label {
                Some(label) => format!("{} {query}", clean(label)),
                None => format!("“{query}”"),
            };
            let hits = g
                .hits
                .iter()
                .enumerate()
                .map(|(i, h)| {
                    let body = match h.meta.body {
                        crate::model::Body::GeneralAssembly => "General Assembly",
                        crate::model::Body::SecurityCouncil => "Security Council",
                    };
                    let version = h.meta.version().map_or(String::new(), |v| format!(", {v}"));
                    let lead = h
                        .entry
                        .lead
                        .as_deref()
                        .map_or(String::new(), |l| format!(" {l}"));
                    HitView {
                        rank: i + 1,
                        score: if h.exact {
                            "exact".into()
                        } else {
                            format!("{:.0}%", h.score * 100.0)
                        },
                        heading: clean(&format!(
                            "{} ({body}{version}, {}) {}{lead}",
                            h.meta.label(),
                            h.meta.status.name(),
                            h.entry.label
                        ))
                        .into_owned(),
                        source: clean(&h.source).into_owned(),
                        // An exact hit shows the phrase found (`*`) in
                        // the paragraph; a near one the query redlined.
                        redline: h
                            .words
                            .iter()
                            .map(|w| {
                                let kind = match (w.op, h.exact) {
                                    (WordOpKind::Equal, true) => '*',
                                    (WordOpKind::Insert, true) => '=',
                                    (WordOpKind::Equal, false) => '=',
                                    (WordOpKind::Delete, _) => '-',
                                    (WordOpKind::Insert, false) => '+',
                                };
                                (kind, clean(&w.text).into_owned())
                            })
                            .collect(),
                    }
                })
                .collect();
            GroupView { title, hits }
        })
        .collect()
}

pub fn text(groups: &[SearchGroup]) -> askama::Result<String> {
    SearchText {
        groups: &search_view(groups),
    }
    .render()
}

pub fn markdown(groups: &[SearchGroup]) -> askama::Result<String> {
    SearchMarkdown {
        groups: &search_view(groups),
    }
    .render()
}

pub fn html(groups: &[SearchGroup]) -> askama::Result<String> {
    SearchHtml {
        groups: &search_view(groups),
    }
    .render()
}
