//! Structure accuracy against a truth table written by reading the
//! documents (`tests/truth/*.toml`, one `[[document]]` per file): counts,
//! leads, sub-paragraphs, headings, footnotes, the head, furniture.
//!
//! Shared by the truth test and `examples/accuracy.rs` (`scripts/accuracy`),
//! so the figures anyone measures are the ones the test keeps.
#![allow(dead_code)] // the example uses a subset

use std::collections::BTreeMap;

use resdiff::model::{Paragraph, Resolution, Status};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub struct Truth {
    pub document: Vec<DocumentTruth>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct DocumentTruth {
    pub file: String,
    pub symbol: Option<String>,
    pub session: Option<u32>,
    pub status: Option<String>,
    pub agenda_item: Option<String>,
    pub adopted: Option<String>,
    pub committee: Option<String>,
    pub number: Option<String>,
    pub title: Option<String>,
    pub meeting: Option<String>,
    pub formula: Option<String>,
    /// A draft's date of issue.
    pub date: Option<String>,
    #[serde(default)]
    pub sponsors: Vec<String>,
    #[serde(default)]
    pub preamble: Vec<String>,
    #[serde(default)]
    pub operative: Vec<String>,
    #[serde(default)]
    pub numbers: Vec<String>,
    #[serde(default)]
    pub subparagraphs: BTreeMap<String, String>,
    #[serde(default)]
    pub headings: Vec<(String, String)>,
    #[serde(default)]
    pub footnotes: Vec<(String, String)>,
    #[serde(default)]
    pub annexes: Vec<toml::Value>,
    #[serde(default)]
    pub furniture: Vec<String>,
}

/// What one document got right and wrong.
#[derive(Debug, Default)]
pub struct Report {
    pub paragraphs: usize,
    pub boundaries_right: usize,
    pub leads_right: usize,
    pub subparagraphs: usize,
    pub subparagraphs_right: usize,
    pub furniture_leaked: Vec<String>,
    /// Every difference, in words.
    pub mismatches: Vec<String>,
}

impl Report {
    pub fn exact(&self) -> bool {
        self.mismatches.is_empty()
    }
}

/// `a b(i ii) c`: a paragraph's sub-paragraph labels with their nesting.
pub fn signature(subs: &[Paragraph]) -> String {
    subs.iter()
        .map(|s| {
            let label = s.number.clone().unwrap_or_default();
            if s.subparagraphs.is_empty() {
                label
            } else {
                format!("{label}({})", signature(&s.subparagraphs))
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn words_of(p: &Paragraph) -> String {
    p.full_text()
}

/// The truth of a PDF as it applies to a text dump of it: the dumps in the
/// corpus begin at the enacting formula, so a draft's sponsors are not in
/// them.
pub fn for_text(truth: &DocumentTruth) -> DocumentTruth {
    DocumentTruth {
        sponsors: Vec::new(),
        ..truth.clone()
    }
}

/// Compare a parsed resolution with its truth.
pub fn measure(truth: &DocumentTruth, got: &Resolution) -> Report {
    let mut r = Report::default();
    let mut check = |what: &str, want: Option<String>, have: Option<String>| {
        if let Some(want) = want
            && Some(&want) != have.as_ref()
        {
            r.mismatches
                .push(format!("{what}: want {want:?}, got {have:?}"));
        }
    };
    let meta = &got.meta;
    check("symbol", truth.symbol.clone(), meta.symbol.clone());
    check(
        "session",
        truth.session.map(|s| s.to_string()),
        meta.session.map(|s| s.to_string()),
    );
    check(
        "status",
        truth.status.clone(),
        Some(match meta.status {
            Status::Adopted => "adopted".into(),
            Status::Draft => "draft".into(),
        }),
    );
    check(
        "agenda item",
        truth.agenda_item.clone(),
        meta.agenda_item.clone(),
    );
    check(
        "adopted",
        truth.adopted.clone(),
        meta.date.map(|d| d.to_string()),
    );
    check("committee", truth.committee.clone(), meta.committee.clone());
    check("number", truth.number.clone(), meta.number.clone());
    check("title", truth.title.clone(), meta.title.clone());
    check("meeting", truth.meeting.clone(), meta.meeting.clone());
    check(
        "formula",
        truth.formula.clone(),
        got.enacting_formula.clone(),
    );
    if truth.status.as_deref() == Some("draft") {
        check("date", truth.date.clone(), meta.date.map(|d| d.to_string()));
    }
    if !truth.sponsors.is_empty() && truth.sponsors != meta.sponsors {
        r.mismatches.push(format!(
            "sponsors: want {:?}, got {:?}",
            truth.sponsors, meta.sponsors
        ));
    }

    let mut mismatches = Vec::new();
    for (part, want, have) in [
        ("PP", &truth.preamble, &got.preamble),
        ("OP", &truth.operative, &got.operative),
    ] {
        r.paragraphs += want.len();
        if want.len() != have.len() {
            mismatches.push(format!(
                "{part}: want {} paragraphs, got {}",
                want.len(),
                have.len()
            ));
        }
        for (i, lead) in want.iter().enumerate() {
            let Some(p) = have.get(i) else { break };
            let got_lead = p.lead.clone().unwrap_or_default();
            // The boundary is right when the paragraph opens where the
            // truth's does: with its lead.
            if p.text.to_lowercase().starts_with(&lead.to_lowercase())
                || (lead.is_empty() && p.lead.is_none())
            {
                r.boundaries_right += 1;
            }
            if got_lead == *lead {
                r.leads_right += 1;
            } else {
                mismatches.push(format!(
                    "{part}{} lead: want {lead:?}, got {got_lead:?}",
                    i + 1
                ));
            }
        }
    }
    if !truth.numbers.is_empty() {
        let have: Vec<String> = got
            .operative
            .iter()
            .map(|p| p.number.clone().unwrap_or_default())
            .collect();
        if have != truth.numbers {
            mismatches.push(format!("numbers: want {:?}, got {have:?}", truth.numbers));
        }
    }
    let paragraph = |id: &str| -> Option<&Paragraph> {
        let (list, n) = if let Some(n) = id.strip_prefix("PP") {
            (&got.preamble, n)
        } else {
            (&got.operative, id.strip_prefix("OP")?)
        };
        list.get(n.parse::<usize>().ok()?.checked_sub(1)?)
    };
    let mut with_subs: Vec<String> = got
        .preamble
        .iter()
        .enumerate()
        .filter(|(_, p)| !p.subparagraphs.is_empty())
        .map(|(i, _)| format!("PP{}", i + 1))
        .chain(
            got.operative
                .iter()
                .enumerate()
                .filter(|(_, p)| !p.subparagraphs.is_empty())
                .map(|(i, _)| format!("OP{}", i + 1)),
        )
        .collect();
    for (id, want) in &truth.subparagraphs {
        r.subparagraphs += want.split(' ').count();
        let have = paragraph(id)
            .map(|p| signature(&p.subparagraphs))
            .unwrap_or_default();
        with_subs.retain(|x| x != id);
        if have == *want {
            r.subparagraphs_right += want.split(' ').count();
        } else {
            mismatches.push(format!("{id} sub-paragraphs: want {want:?}, got {have:?}"));
        }
    }
    for id in with_subs {
        let have = paragraph(&id)
            .map(|p| signature(&p.subparagraphs))
            .unwrap_or_default();
        mismatches.push(format!("{id} sub-paragraphs: want none, got {have:?}"));
    }
    let have_headings: Vec<(String, String)> = got
        .preamble
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.heading.clone().map(|h| (format!("PP{}", i + 1), h)))
        .chain(
            got.operative
                .iter()
                .enumerate()
                .filter_map(|(i, p)| p.heading.clone().map(|h| (format!("OP{}", i + 1), h))),
        )
        .collect();
    let want_headings: Vec<(String, String)> = {
        // Two headings over one paragraph are read as one, joined.
        let mut joined: Vec<(String, String)> = Vec::new();
        for (id, h) in &truth.headings {
            match joined.last_mut() {
                Some((last, text)) if last == id => {
                    text.push_str(" — ");
                    text.push_str(h);
                }
                _ => joined.push((id.clone(), h.clone())),
            }
        }
        joined
    };
    if have_headings != want_headings {
        mismatches.push(format!(
            "headings: want {want_headings:?}, got {have_headings:?}"
        ));
    }
    let have_footnotes: Vec<(String, String)> = got
        .preamble
        .iter()
        .enumerate()
        .flat_map(|(i, p)| {
            p.footnotes
                .iter()
                .map(move |f| (f.marker.clone(), format!("PP{}", i + 1)))
        })
        .chain(got.operative.iter().enumerate().flat_map(|(i, p)| {
            p.footnotes
                .iter()
                .map(move |f| (f.marker.clone(), format!("OP{}", i + 1)))
        }))
        .collect();
    // Annex paragraphs: "annex:N" (one annex) or "annexK:N".
    let have_footnotes: Vec<(String, String)> = have_footnotes
        .into_iter()
        .chain(got.annexes.iter().enumerate().flat_map(|(k, annex)| {
            let several = got.annexes.len() > 1;
            annex.paragraphs.iter().enumerate().flat_map(move |(i, p)| {
                let at = if several {
                    format!("annex{}:{}", k + 1, i + 1)
                } else {
                    format!("annex:{}", i + 1)
                };
                let mut markers: Vec<String> =
                    p.footnotes.iter().map(|f| f.marker.clone()).collect();
                fn sub_markers(p: &Paragraph, out: &mut Vec<String>) {
                    for s in &p.subparagraphs {
                        out.extend(s.footnotes.iter().map(|f| f.marker.clone()));
                        sub_markers(s, out);
                    }
                }
                sub_markers(p, &mut markers);
                markers.into_iter().map(move |m| (m, at.clone()))
            })
        }))
        .collect();
    let want_footnotes: Vec<(String, String)> = truth
        .footnotes
        .iter()
        .filter(|(_, at)| at.starts_with("PP") || at.starts_with("OP") || at.starts_with("annex"))
        .cloned()
        .collect();
    if have_footnotes != want_footnotes {
        mismatches.push(format!(
            "footnotes: want {want_footnotes:?}, got {have_footnotes:?}"
        ));
    }
    if truth.annexes.len() != got.annexes.len() {
        mismatches.push(format!(
            "annexes: want {}, got {}",
            truth.annexes.len(),
            got.annexes.len()
        ));
    }
    for (i, (want, have)) in truth.annexes.iter().zip(&got.annexes).enumerate() {
        let field = |name: &str| {
            want.get(name)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_string()
        };
        let count = |name: &str| want.get(name).and_then(|v| v.as_integer()).unwrap_or(-1);
        let label = field("label");
        if label != have.label.clone().unwrap_or_default() {
            mismatches.push(format!(
                "annex {} label: want {label:?}, got {:?}",
                i + 1,
                have.label
            ));
        }
        let title = field("title");
        if title != have.title.clone().unwrap_or_default() {
            mismatches.push(format!(
                "annex {} title: want {title:?}, got {:?}",
                i + 1,
                have.title
            ));
        }
        let numbered = have
            .paragraphs
            .iter()
            .filter(|p| p.number.is_some())
            .count() as i64;
        if count("paragraphs") != have.paragraphs.len() as i64 || count("numbered") != numbered {
            mismatches.push(format!(
                "annex {} paragraphs: want {} ({} numbered), got {} ({numbered} numbered)",
                i + 1,
                count("paragraphs"),
                count("numbered"),
                have.paragraphs.len()
            ));
        }
        let want_headings: Vec<String> = want
            .get("headings")
            .and_then(|v| v.as_array())
            .map(|a| {
                a.iter()
                    .filter_map(|h| h.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default();
        let have_headings: Vec<String> = have
            .paragraphs
            .iter()
            .filter_map(|p| p.heading.clone())
            .flat_map(|h| h.split(" — ").map(str::to_string).collect::<Vec<_>>())
            .collect();
        if want_headings != have_headings {
            mismatches.push(format!(
                "annex {} headings: want {want_headings:?}, got {have_headings:?}",
                i + 1
            ));
        }
    }
    // Furniture: tokens without spaces (job numbers, page numbers,
    // barcodes) must not appear as words of any paragraph.
    let all: Vec<String> = got
        .preamble
        .iter()
        .chain(&got.operative)
        .map(words_of)
        .collect();
    for token in truth
        .furniture
        .iter()
        .filter(|f| !f.contains(' ') && f.chars().any(|c| c.is_ascii_digit()))
    {
        if truth.symbol.as_deref() == Some(token.as_str()) {
            continue;
        }
        let leaked = all.iter().any(|text| {
            text.split(' ')
                .any(|w| w.trim_matches(|c: char| ",;.()".contains(c)) == token)
        });
        if leaked {
            r.furniture_leaked.push(token.clone());
            mismatches.push(format!("furniture in the text: {token:?}"));
        }
    }
    r.mismatches.extend(mismatches);
    r
}

/// Figures over many documents, as `scripts/accuracy` prints them.
#[derive(Debug, Default)]
pub struct Totals {
    pub documents: usize,
    pub exact: usize,
    pub paragraphs: usize,
    pub boundaries_right: usize,
    pub leads_right: usize,
    pub subparagraphs: usize,
    pub subparagraphs_right: usize,
    pub furniture_leaked: usize,
}

impl Totals {
    pub fn add(&mut self, r: &Report) {
        self.documents += 1;
        self.exact += usize::from(r.exact());
        self.paragraphs += r.paragraphs;
        self.boundaries_right += r.boundaries_right;
        self.leads_right += r.leads_right;
        self.subparagraphs += r.subparagraphs;
        self.subparagraphs_right += r.subparagraphs_right;
        self.furniture_leaked += r.furniture_leaked.len();
    }

    pub fn summary(&self) -> String {
        let pct = |a: usize, b: usize| {
            if b == 0 {
                100.0
            } else {
                a as f64 * 100.0 / b as f64
            }
        };
        format!(
            "documents exactly right: {}/{} ({:.0}%)\nparagraph boundaries right: {}/{} ({:.1}%)\nleads right: {}/{} ({:.1}%)\nsub-paragraphs right: {}/{} ({:.1}%)\nfurniture tokens leaked: {}",
            self.exact,
            self.documents,
            pct(self.exact, self.documents),
            self.boundaries_right,
            self.paragraphs,
            pct(self.boundaries_right, self.paragraphs),
            self.leads_right,
            self.paragraphs,
            pct(self.leads_right, self.paragraphs),
            self.subparagraphs_right,
            self.subparagraphs,
            pct(self.subparagraphs_right, self.subparagraphs),
            self.furniture_leaked,
        )
    }
}
