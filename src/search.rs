//! Agreed language: the paragraphs of a record of resolutions whose
//! wording matches a query, exactly (the query's words, in order, inside
//! the paragraph) or nearly (ranked by how much of the query's phrasing the
//! paragraph keeps), each with the redline of the query against it.
//!
//! Words compare as the alignment compares them ([`normalize_word`]: case,
//! -ise/-ize, typeset variants), so a phrase found in a PDF and one typed
//! by a delegate match. The record is held in memory as an inverted index
//! of word pairs: an exact phrase checks only the paragraphs with its
//! rarest pair, a near query scores only those sharing one of its
//! distinctive pairs (not "of the"), so a query does not scan the record.

use serde::{Deserialize, Serialize};

use crate::align::fingerprint::{Fingerprint, HashKeyed, intersection, shingle};
use crate::comparison::{WordOp, WordOpKind, paragraph_label};
use crate::lexicon::normalize_word;
use crate::model::{Body, Meta, Part, Resolution};

/// One paragraph of the record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// The document it is in.
    pub document: usize,
    /// The part it stands in.
    pub part: Part,
    /// `PP3`, `OP12`, `AN2`.
    pub label: String,
    /// Its lead as printed, if any.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub lead: Option<String>,
    /// Its text, sub-paragraphs included (as the alignment reads it).
    pub text: String,
}

/// The record searched: documents and their paragraphs, indexed.
#[derive(Debug, Default)]
pub struct Record {
    /// Each document's head and where it was read from.
    pub documents: Vec<(Meta, String)>,
    /// Every paragraph of every document, in order.
    pub entries: Vec<Entry>,
    /// Each entry's words, normalised and hashed as the alignment hashes
    /// them, in order.
    words: Vec<Vec<u64>>,
    /// Word pair (hashed) → the entries that have it.
    pairs: HashKeyed<Vec<u32>>,
}

/// How a query matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// The query's words, in order, inside the paragraph.
    Exact,
    /// Ranked by the share of the query's word pairs the paragraph has.
    Near,
}

/// What a query keeps.
#[derive(Debug, Clone, Default)]
pub struct Filters {
    /// Only this body's resolutions.
    pub body: Option<Body>,
    /// Only versions (sessions for the Assembly, years for the Council)
    /// from this one on.
    pub since: Option<u32>,
    /// Only versions up to this one.
    pub until: Option<u32>,
    /// Only this part.
    pub part: Option<Part>,
}

/// One paragraph found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    /// The document: its head.
    pub meta: Meta,
    /// Where the document was read from.
    pub source: String,
    /// The paragraph.
    pub entry: Entry,
    /// How much of the query it has, 0 to 1 (1 for an exact match).
    pub score: f64,
    /// Whether the query's words stand in it, in order.
    pub exact: bool,
    /// For a near match, the query against the paragraph, word by word;
    /// for an exact one, the paragraph with the phrase found as the kept
    /// run (`equal`) and the rest as `insert`.
    pub words: Vec<WordOp>,
}

/// Near matches below this share of the query's word pairs are not shown.
pub const NEAR_THRESHOLD: f64 = 0.3;

/// A word pair in more than one paragraph in this many finds no near
/// candidates on its own (above [`MIN_DISTINCTIVE`] paragraphs).
const DISTINCTIVE: usize = 50;
const MIN_DISTINCTIVE: usize = 1000;

fn words_of(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(normalize_word)
        .collect()
}

/// The paragraph's text as runs with the first place its words are
/// `wanted` as the kept run (`equal`), the rest as its own (`insert`).
fn found_in(text: &str, wanted: &[String]) -> Vec<WordOp> {
    let mut spans = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (c.is_alphanumeric() && i < text.len(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                spans.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    let words: Vec<String> = spans
        .iter()
        .map(|&(s, e)| normalize_word(&text[s..e]))
        .collect();
    let run = |op, text: &str| WordOp {
        op,
        text: text.to_string(),
        routine: false,
        rule: None,
        typography: false,
    };
    let Some(at) = words.windows(wanted.len()).position(|w| w == wanted) else {
        return vec![run(WordOpKind::Insert, text)];
    };
    let (from, to) = (spans[at].0, spans[at + wanted.len() - 1].1);
    [
        (WordOpKind::Insert, &text[..from]),
        (WordOpKind::Equal, &text[from..to]),
        (WordOpKind::Insert, &text[to..]),
    ]
    .into_iter()
    .filter(|(_, t)| !t.is_empty())
    .map(|(op, t)| run(op, t))
    .collect()
}

impl Record {
    /// Adds a document (read from `source`) and its paragraphs.
    pub fn add(&mut self, resolution: &Resolution, source: &str) {
        let document = self.documents.len();
        self.documents
            .push((resolution.meta.clone(), source.to_string()));
        for part in Part::ALL {
            for (i, p) in resolution.part(part).iter().enumerate() {
                let text = p.full_text();
                let fingerprint = Fingerprint::of(&text);
                let at = self.entries.len() as u32;
                for &pair in &fingerprint.shingles {
                    self.pairs.entry(pair).or_default().push(at);
                }
                self.entries.push(Entry {
                    document,
                    part,
                    label: paragraph_label(part, i + 1, p.number.as_deref()),
                    lead: p.lead.clone(),
                    text,
                });
                self.words.push(fingerprint.sequence);
            }
        }
    }

    fn keeps(&self, entry: &Entry, filters: &Filters) -> bool {
        let meta = &self.documents[entry.document].0;
        let version = meta.version();
        filters.body.as_ref().is_none_or(|b| *b == meta.body)
            && filters.part.is_none_or(|p| p == entry.part)
            && filters
                .since
                .is_none_or(|s| version.is_some_and(|v| v >= s))
            && filters
                .until
                .is_none_or(|u| version.is_some_and(|v| v <= u))
    }

    /// The paragraphs matching `query`, best first (among equal scores the
    /// one closest to the query in length, then record order), at most
    /// `limit`.
    pub fn search(&self, query: &str, mode: Mode, filters: &Filters, limit: usize) -> Vec<Hit> {
        let fingerprint = Fingerprint::of(query);
        let wanted = &fingerprint.sequence;
        if wanted.is_empty() {
            return Vec::new();
        }
        let query_pairs: &[u64] = if wanted.len() < 2 {
            &[]
        } else {
            &fingerprint.shingles
        };
        let postings = |pair: &u64| self.pairs.get(pair).map_or(&[][..], Vec::as_slice);
        // Candidates. A one-word query: every entry. An exact phrase: the
        // entries of its rarest word pair (every other must be there too).
        // A near one: the entries sharing one of its distinctive pairs
        // (those in at most DISTINCTIVE of the paragraphs), or any of its
        // pairs when it has no distinctive one: "of the" is in nearly every
        // paragraph and would make every query scan the record.
        let candidates: Vec<u32> = if query_pairs.is_empty() {
            (0..self.entries.len() as u32).collect()
        } else if mode == Mode::Exact {
            query_pairs
                .iter()
                .map(postings)
                .min_by_key(|list| list.len())
                .unwrap_or(&[])
                .to_vec()
        } else {
            let cap = (self.entries.len() / DISTINCTIVE).max(MIN_DISTINCTIVE);
            let distinctive: Vec<&[u32]> = query_pairs
                .iter()
                .map(postings)
                .filter(|list| list.len() <= cap)
                .collect();
            let lists: Vec<&[u32]> = if distinctive.iter().any(|l| !l.is_empty()) {
                distinctive
            } else {
                query_pairs.iter().map(postings).collect()
            };
            let mut all: Vec<u32> = lists.concat();
            all.sort_unstable();
            all.dedup();
            all
        };
        let mut found: Vec<(f64, bool, u32)> = candidates
            .into_iter()
            .filter(|&e| self.keeps(&self.entries[e as usize], filters))
            .filter_map(|e| {
                let words = &self.words[e as usize];
                let exact = words.windows(wanted.len()).any(|w| w == wanted.as_slice());
                let score = if exact {
                    1.0
                } else {
                    // The share of the query's word pairs it has.
                    let mut has: Vec<u64> = words.windows(2).map(|w| shingle(w[0], w[1])).collect();
                    has.sort_unstable();
                    has.dedup();
                    intersection(&has, query_pairs) as f64 / query_pairs.len().max(1) as f64
                };
                match mode {
                    Mode::Exact if !exact => None,
                    Mode::Near if score < NEAR_THRESHOLD => None,
                    _ => Some((score, exact, e)),
                }
            })
            .collect();
        // Best first; among equals the paragraph closest in length to the
        // query (an edited copy before a long paragraph quoting it), then
        // record order.
        let length = |e: u32| self.words[e as usize].len().abs_diff(wanted.len());
        found.sort_by(|a, b| {
            b.0.total_cmp(&a.0)
                .then(length(a.2).cmp(&length(b.2)))
                .then(a.2.cmp(&b.2))
        });
        found.truncate(limit);
        found
            .into_iter()
            .map(|(score, exact, e)| {
                let entry = self.entries[e as usize].clone();
                let (meta, source) = self.documents[entry.document].clone();
                let words = if exact {
                    found_in(&entry.text, &words_of(query))
                } else {
                    crate::diff::words::word_ops(query, &entry.text, &|_| None)
                };
                Hit {
                    meta,
                    source,
                    entry,
                    score: crate::diff::round4(score),
                    exact,
                    words,
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::fixtures::resolution;

    fn record() -> Record {
        let mut r = Record::default();
        r.add(
            &resolution(
                73,
                &["Recalling its resolution 72/4 of 1 November 2017,".into()],
                &[
                    "Calls upon all States to refrain from promulgating and applying laws and measures of the kind referred to in the preamble to the present resolution;".into(),
                    "Requests the Secretary-General to report on the implementation of the present resolution;".into(),
                ],
            ),
            "a.md",
        );
        r.add(
            &resolution(
                80,
                &[],
                &["Urges States that have and continue to apply such laws and measures to take the necessary steps to repeal them;".into()],
            ),
            "b.md",
        );
        r
    }

    #[test]
    fn an_exact_phrase_is_found_whatever_its_case_spelling_or_typesetting() {
        let r = record();
        let hits = r.search("laws and  MEASURES", Mode::Exact, &Filters::default(), 10);
        assert_eq!(hits.len(), 2);
        assert!(hits.iter().all(|h| h.exact && h.score == 1.0));
        let hits = r.search(
            "Secretary\u{2011}General",
            Mode::Exact,
            &Filters::default(),
            10,
        );
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].entry.label, "OP2");
        assert!(
            r.search("measures laws", Mode::Exact, &Filters::default(), 10)
                .is_empty()
        );
    }

    #[test]
    fn near_matches_rank_an_edited_copy_first_and_filters_narrow() {
        let r = record();
        let edited = "Calls upon all Member States to refrain from promulgating and applying laws and measures of the kind referred to in the preamble;";
        let hits = r.search(edited, Mode::Near, &Filters::default(), 10);
        assert_eq!(hits[0].entry.label, "OP1");
        assert!(!hits[0].exact && hits[0].score > 0.7);
        let only_80 = Filters {
            since: Some(75),
            ..Filters::default()
        };
        let hits = r.search("laws and measures", Mode::Near, &only_80, 10);
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].source, "b.md");
        let preamble = Filters {
            part: Some(Part::Preamble),
            ..Filters::default()
        };
        assert!(
            r.search("laws and measures", Mode::Near, &preamble, 10)
                .is_empty()
        );
        // The redline of the query against the paragraph rebuilds both.
        let (query, text) = crate::diff::words::sides(&hits[0].words);
        assert_eq!(
            (query.as_str(), text.as_str()),
            ("laws and measures", hits[0].entry.text.as_str())
        );
    }
}
