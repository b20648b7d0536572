//! Agreed language: the paragraphs of a record of resolutions whose
//! wording matches a query, exactly (the query's words, in order, inside
//! the paragraph) or nearly (ranked by how much of the query's phrasing the
//! paragraph keeps), each with the redline of the query against it.
//!
//! Words compare as the alignment compares them ([`normalize_word`]: case,
//! -ise/-ize, typeset variants), so a phrase found in a PDF and one typed
//! by a delegate match. The record is an inverted index of word pairs,
//! held in memory ([`Record`]) or on disk ([`index`]: a segment file per
//! indexing run, laid out in `src/search/segment.rs`), the two read by one
//! search ([`search`] over [`Holding`]s): an exact phrase checks only the
//! paragraphs with all its pairs, a near query scores only those sharing
//! one of its distinctive pairs (not "of the"), both by counting postings,
//! so a query does not scan the record; words are read in order only for
//! the hits shown.

use serde::{Deserialize, Serialize};

use crate::align::fingerprint::{Fingerprint, HashKeyed};
use crate::comparison::{WordOp, WordOpKind, paragraph_label};
use crate::error::Result;
use crate::lexicon::{normalize_word, normalized_words};
use crate::model::{Body, Meta, Part, Resolution, Status};

pub mod index;
mod segment;

pub use index::{Index, Refresh, Update};

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
    /// Only resolutions as adopted: agreed language, not a draft's.
    pub adopted: bool,
    /// Leave out this document (the query's own): by symbol, any file of
    /// it.
    pub exclude_symbol: Option<String>,
    /// Leave out this file (the query's own), however its path is written.
    pub exclude_source: Option<std::path::PathBuf>,
}

impl Filters {
    /// Whether a hit of the document `meta` read from `source` is the
    /// query's own.
    fn is_own(&self, meta: &Meta, source: &str) -> bool {
        let by_symbol = self
            .exclude_symbol
            .as_deref()
            .zip(meta.symbol.as_deref())
            .is_some_and(|(own, symbol)| symbol_key(own) == symbol_key(symbol));
        let by_path = self.exclude_source.as_deref().is_some_and(|own| {
            let path = std::path::Path::new(source);
            own == path
                || std::fs::canonicalize(own)
                    .ok()
                    .zip(std::fs::canonicalize(path).ok())
                    .is_some_and(|(a, b)| a == b)
        });
        by_symbol || by_path
    }
}

/// A symbol as documents are told apart: `A/75/L.78` whatever its case
/// and spacing.
fn symbol_key(symbol: &str) -> String {
    symbol
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_uppercase)
        .collect()
}

/// The document a hit is of: its symbol, else its file (a document
/// without a symbol is told apart by nothing else).
fn document_key(meta: &Meta, source: &str) -> String {
    meta.symbol
        .as_deref()
        .map_or_else(|| format!("file:{source}"), symbol_key)
}

/// Which of a document's files its hits are taken from, best first: the
/// canonical Markdown (checked by hand), then Word and PDF (leads read
/// from their italics, footnotes apart), then plain text and the rest.
fn format_rank(source: &str) -> u8 {
    let extension = std::path::Path::new(source)
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "md" => 0,
        "docx" => 1,
        "pdf" => 2,
        _ => 3,
    }
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
    let run = |op, text: &str| WordOp::plain(op, text);
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

/// What a query reads of one part of the record: the record in memory
/// ([`Record`]) or a segment of an index on disk ([`index`]). Entries are
/// numbered from 0 in record order.
pub(crate) trait Source {
    /// How many entries it holds (live or not).
    fn len(&self) -> usize;
    /// How many documents it holds (live or not): the next source's
    /// documents are numbered after them.
    fn documents(&self) -> usize;
    /// The entries with this word pair (a [`shingle`] of two word hashes),
    /// in order; `None` for a pair in no entry.
    fn postings(&self, pair: u64) -> Result<Vec<u32>>;
    /// The entries with this word (a one-word query), in order.
    fn with_word(&self, word: u64) -> Result<Vec<u32>>;
    /// What filters and ranking need of an entry; `None` once deleted.
    fn row(&self, entry: u32) -> Option<Row>;
    /// The entry's words, hashed, in order.
    fn words(&self, entry: u32) -> Result<Vec<u64>>;
    /// The entry itself, its document's head and where it was read from.
    fn hit(&self, entry: u32) -> Result<(Entry, Meta, String)>;
}

/// An entry as filters and ranking see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Row {
    pub part: Part,
    pub body: Body,
    pub version: Option<u32>,
    /// Whether its document is a resolution as adopted.
    pub adopted: bool,
    /// How many words it has.
    pub words: u32,
}

impl Row {
    fn keeps(&self, filters: &Filters) -> bool {
        filters.body.is_none_or(|b| b == self.body)
            && filters.part.is_none_or(|p| p == self.part)
            && (!filters.adopted || self.adopted)
            && filters
                .since
                .is_none_or(|s| self.version.is_some_and(|v| v >= s))
            && filters
                .until
                .is_none_or(|u| self.version.is_some_and(|v| v <= u))
    }
}

impl Record {
    /// Adds a document (read from `source`) and its paragraphs.
    pub fn add(&mut self, resolution: &Resolution, source: &str) {
        let document = self.documents.len();
        self.documents
            .push((resolution.meta.clone(), source.to_string()));
        for (entry, fingerprint) in entries_of(resolution, document) {
            let at = self.entries.len() as u32;
            for &pair in &fingerprint.shingles {
                self.pairs.entry(pair).or_default().push(at);
            }
            self.entries.push(entry);
            self.words.push(fingerprint.sequence);
        }
    }

    /// The paragraphs matching `query`, best first (among equal scores the
    /// one closest to the query in length, then record order), at most
    /// `limit`.
    pub fn search(
        &self,
        query: &str,
        mode: Mode,
        filters: &Filters,
        limit: usize,
    ) -> Result<Vec<Hit>> {
        search_sources(&[self], query, mode, filters, limit)
    }
}

/// One part of the record searched: a directory's index on disk, or
/// documents read into memory.
#[derive(Debug)]
pub enum Holding {
    /// A directory read through its index ([`Index::open`]).
    Indexed(Index),
    /// Documents read from their files.
    Read(Record),
}

/// The paragraphs of `holdings` (in record order: each after the ones
/// before it) matching `query`, as [`Record::search`] finds them.
pub fn search(
    holdings: &[Holding],
    query: &str,
    mode: Mode,
    filters: &Filters,
    limit: usize,
) -> Result<Vec<Hit>> {
    let segments: Vec<Vec<index::IndexedSegment<'_>>> = holdings
        .iter()
        .map(|h| match h {
            Holding::Indexed(index) => index.sources(),
            Holding::Read(_) => Vec::new(),
        })
        .collect();
    let mut sources: Vec<&dyn Source> = Vec::new();
    for (holding, segments) in holdings.iter().zip(&segments) {
        match holding {
            Holding::Indexed(_) => sources.extend(segments.iter().map(|s| s as &dyn Source)),
            Holding::Read(record) => sources.push(record),
        }
    }
    search_sources(&sources, query, mode, filters, limit)
}

/// A resolution's paragraphs as entries of document `document`, each with
/// its fingerprint (the words and pairs the record indexes).
pub(crate) fn entries_of(resolution: &Resolution, document: usize) -> Vec<(Entry, Fingerprint)> {
    let mut out = Vec::new();
    for part in Part::ALL {
        for (i, p) in resolution.part(part).iter().enumerate() {
            let text = p.full_text();
            let fingerprint = Fingerprint::of(&text);
            let entry = Entry {
                document,
                part,
                label: paragraph_label(part, i + 1, p.number.as_deref()),
                lead: p.lead.clone(),
                text,
            };
            out.push((entry, fingerprint));
        }
    }
    out
}

impl Source for Record {
    fn len(&self) -> usize {
        self.entries.len()
    }

    fn documents(&self) -> usize {
        self.documents.len()
    }

    fn postings(&self, pair: u64) -> Result<Vec<u32>> {
        Ok(self.pairs.get(&pair).cloned().unwrap_or_default())
    }

    fn with_word(&self, word: u64) -> Result<Vec<u32>> {
        Ok((0..self.entries.len() as u32)
            .filter(|&e| self.words[e as usize].contains(&word))
            .collect())
    }

    fn row(&self, entry: u32) -> Option<Row> {
        let e = &self.entries[entry as usize];
        let meta = &self.documents[e.document].0;
        Some(Row {
            part: e.part,
            body: meta.body,
            version: meta.version(),
            adopted: meta.status == Status::Adopted,
            words: self.words[entry as usize].len() as u32,
        })
    }

    fn words(&self, entry: u32) -> Result<Vec<u64>> {
        Ok(self.words[entry as usize].clone())
    }

    fn hit(&self, entry: u32) -> Result<(Entry, Meta, String)> {
        let entry = self.entries[entry as usize].clone();
        let (meta, source) = self.documents[entry.document].clone();
        Ok((entry, meta, source))
    }
}

/// Entries of one source in order whose rows pass `filters`.
fn kept(source: &dyn Source, list: Vec<u32>, filters: &Filters) -> Vec<(u32, Row)> {
    list.into_iter()
        .filter_map(|e| source.row(e).map(|row| (e, row)))
        .filter(|(_, row)| row.keeps(filters))
        .collect()
}

/// How many of the sorted `lists` each of the sorted `candidates` is in.
fn counts_in(candidates: &[(u32, Row)], lists: &[Vec<u32>]) -> Vec<usize> {
    let mut counts = vec![0; candidates.len()];
    for list in lists {
        let mut j = 0;
        for (i, &(e, _)) in candidates.iter().enumerate() {
            while j < list.len() && list[j] < e {
                j += 1;
            }
            if j == list.len() {
                break;
            }
            counts[i] += usize::from(list[j] == e);
        }
    }
    counts
}

/// The paragraphs of `sources` (in record order: each source after the
/// ones before it) matching `query`, best first (among equal scores the
/// one closest to the query in length, then record order), at most
/// `limit`.
///
/// A paragraph's score is the share of the query's distinct word pairs it
/// has, counted on the postings; an exact hit has them all, in order
/// (checked on its words). Candidates: for a one-word query, the entries
/// with the word; for an exact phrase, those with all its pairs; for a
/// near one, those sharing one of its distinctive pairs (in at most
/// [`DISTINCTIVE`]th of the record's paragraphs), or any of its pairs when
/// it has no distinctive one: "of the" is in nearly every paragraph and
/// would make every query scan the record.
pub(crate) fn search_sources(
    sources: &[&dyn Source],
    query: &str,
    mode: Mode,
    filters: &Filters,
    limit: usize,
) -> Result<Vec<Hit>> {
    let fingerprint = Fingerprint::of(query);
    let wanted = &fingerprint.sequence;
    if wanted.is_empty() || limit == 0 {
        return Ok(Vec::new());
    }
    let query_pairs: &[u64] = if wanted.len() < 2 {
        &[]
    } else {
        &fingerprint.shingles
    };
    let total: usize = sources.iter().map(|s| s.len()).sum();
    let cap = (total / DISTINCTIVE).max(MIN_DISTINCTIVE);
    // Each source's postings of each pair of the query, read once: their
    // lengths over the record say which pairs are distinctive.
    let postings: Vec<Vec<Vec<u32>>> = sources
        .iter()
        .map(|source| query_pairs.iter().map(|&p| source.postings(p)).collect())
        .collect::<Result<_>>()?;
    let counts: Vec<usize> = (0..query_pairs.len())
        .map(|i| postings.iter().map(|lists| lists[i].len()).sum())
        .collect();
    let distinctive: Vec<bool> = counts.iter().map(|&c| c <= cap).collect();
    let any_distinctive = counts.iter().zip(&distinctive).any(|(&c, &d)| d && c > 0);
    // (score, source, entry, words); exactness is settled later, only for
    // the hits shown.
    let mut found: Vec<(f64, usize, u32, u32)> = Vec::new();
    for (s, (source, lists)) in sources.iter().zip(&postings).enumerate() {
        if query_pairs.is_empty() {
            for (e, row) in kept(*source, source.with_word(wanted[0])?, filters) {
                found.push((1.0, s, e, row.words));
            }
            continue;
        }
        let candidates: Vec<u32> = if mode == Mode::Exact {
            let mut order: Vec<&Vec<u32>> = lists.iter().collect();
            order.sort_by_key(|l| l.len());
            let mut all = order[0].clone();
            for list in &order[1..] {
                all.retain(|e| list.binary_search(e).is_ok());
            }
            all
        } else {
            let mut all: Vec<u32> = lists
                .iter()
                .zip(&distinctive)
                .filter(|&(_, &d)| d || !any_distinctive)
                .flat_map(|(l, _)| l.iter().copied())
                .collect();
            all.sort_unstable();
            all.dedup();
            all
        };
        let candidates = kept(*source, candidates, filters);
        let has = counts_in(&candidates, lists);
        for ((e, row), n) in candidates.into_iter().zip(has) {
            let score = n as f64 / query_pairs.len() as f64;
            if mode == Mode::Exact && n < query_pairs.len() {
                continue;
            }
            if mode == Mode::Near && score < NEAR_THRESHOLD {
                continue;
            }
            found.push((score, s, e, row.words));
        }
    }
    // Best first; among equals the paragraph closest in length to the
    // query (an edited copy before a long paragraph quoting it), then
    // record order.
    let length = |words: u32| (words as usize).abs_diff(wanted.len());
    found.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then(length(a.3).cmp(&length(b.3)))
            .then((a.1, a.2).cmp(&(b.1, b.2)))
    });
    // A paragraph with every pair of the query may still not have its words
    // in order: checked on its words, best first, until `limit` are shown.
    let wanted_words = normalized_words(query);
    // (place in `found`, hit): one document's hits come from one of its
    // files (the same symbol in a PDF and its text is one document), the
    // best format among those found; the query's own document is left out.
    let mut hits: Vec<(usize, Hit)> = Vec::new();
    let mut chosen: std::collections::HashMap<String, (u8, String)> = Default::default();
    // Once `limit` hits are in, as many candidates again are read for a
    // better file of a document already shown (its paragraphs score alike).
    let mut past_full = 0;
    for (place, (score, s, e, _)) in found.into_iter().enumerate() {
        if hits.len() >= limit {
            past_full += 1;
            if past_full > limit {
                break;
            }
        }
        let exact = score == 1.0 && {
            let words = sources[s].words(e)?;
            words.windows(wanted.len()).any(|w| w == wanted.as_slice())
        };
        if mode == Mode::Exact && !exact {
            continue;
        }
        let (mut entry, meta, source) = sources[s].hit(e)?;
        if filters.is_own(&meta, &source) {
            continue;
        }
        let key = document_key(&meta, &source);
        let rank = format_rank(&source);
        match chosen.get(&key) {
            Some((_, file)) if *file == source => {}
            // A file of the document as good or better is shown already.
            Some(&(best, _)) if rank >= best => continue,
            // A better file of it: its hits replace the other's.
            Some(_) => {
                hits.retain(|(_, h)| document_key(&h.meta, &h.source) != key);
                chosen.insert(key, (rank, source.clone()));
            }
            None if hits.len() >= limit => continue,
            None => {
                chosen.insert(key, (rank, source.clone()));
            }
        }
        if hits.len() >= limit {
            continue;
        }
        entry.document += sources[..s].iter().map(|s| s.documents()).sum::<usize>();
        let words = if exact {
            found_in(&entry.text, &wanted_words)
        } else {
            crate::diff::words::word_ops(query, &entry.text, &|_| None)
        };
        hits.push((
            place,
            Hit {
                meta,
                source,
                entry,
                score: crate::diff::round4(score),
                exact,
                words,
            },
        ));
    }
    hits.sort_by_key(|(place, _)| *place);
    Ok(hits.into_iter().map(|(_, h)| h).collect())
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
        let hits = r
            .search("laws and  MEASURES", Mode::Exact, &Filters::default(), 10)
            .unwrap();
        assert_eq!(hits.len(), 2);
        assert!(hits.iter().all(|h| h.exact && h.score == 1.0));
        let hits = r
            .search(
                "Secretary\u{2011}General",
                Mode::Exact,
                &Filters::default(),
                10,
            )
            .unwrap();
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].entry.label, "OP2");
        assert!(
            r.search("measures laws", Mode::Exact, &Filters::default(), 10)
                .unwrap()
                .is_empty()
        );
    }

    #[test]
    fn near_matches_rank_an_edited_copy_first_and_filters_narrow() {
        let r = record();
        let edited = "Calls upon all Member States to refrain from promulgating and applying laws and measures of the kind referred to in the preamble;";
        let hits = r
            .search(edited, Mode::Near, &Filters::default(), 10)
            .unwrap();
        assert_eq!(hits[0].entry.label, "OP1");
        assert!(!hits[0].exact && hits[0].score > 0.7);
        let only_80 = Filters {
            since: Some(75),
            ..Filters::default()
        };
        let hits = r
            .search("laws and measures", Mode::Near, &only_80, 10)
            .unwrap();
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].source, "b.md");
        let preamble = Filters {
            part: Some(Part::Preamble),
            ..Filters::default()
        };
        assert!(
            r.search("laws and measures", Mode::Near, &preamble, 10)
                .unwrap()
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
