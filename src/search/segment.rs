//! One segment of an index on disk: the documents and paragraphs of one
//! indexing run and their word-pair postings, in one file read in place.
//!
//! A query reads the small tables (one row per paragraph, the dictionary's
//! fences) and, for each of its word pairs, one block of the dictionary and
//! one postings list; a paragraph's text only when it is shown or its words
//! must be checked in order. Nothing is loaded that the query does not
//! touch, so a query costs about the same on 500 paragraphs and 500,000.
//!
//! Layout, little-endian, offsets from the start of the file:
//!
//! | part | what |
//! | --- | --- |
//! | magic | `RDXSEG01` |
//! | documents | per document, the JSON of its head and source path, then its paragraphs: label, lead (`u32::MAX` length for none), text, each a `u32` length and UTF-8 |
//! | postings | per key, its paragraphs as LEB128 gaps |
//! | document table | each document's start and length (`u64` each) |
//! | rows | 32 bytes per paragraph: document, words, version (`u32::MAX` for none), part, body, adopted (1) or draft (0), 1 spare, start (`u64`), length (`u32`), 4 spare |
//! | dictionary | 24 bytes per key, sorted by key: key, postings start (`u64`), paragraphs, bytes (`u32`) |
//! | fences | the key of every [`FENCE`]th dictionary record |
//! | footer | documents, paragraphs, keys, then the starts of the document table, rows, dictionary and fences, and the end of the documents (`u64` each), magic |
//!
//! Keys are the alignment's word-pair hashes ([`shingle`]) and, for
//! one-word queries, its word hashes; both are stable across runs and
//! platforms (FNV-1a).

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{Entry, Row};
use crate::align::fingerprint::{HashKeyed, shingle};
use crate::error::{Error, Result};
use crate::model::{Body, Meta, Part, Status};

const MAGIC: &[u8; 8] = b"RDXSEG01";
/// One dictionary record in this many is kept in memory to find the
/// block a key is in: 64 records are 1.5 KB, one read.
const FENCE: usize = 64;
const ROW: usize = 32;
const RECORD: usize = 24;
const FOOTER: usize = 8 * 8 + 8;

/// A document as the segment stores it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Document {
    pub meta: Meta,
    /// Where it was read from, relative to the indexed directory, with `/`.
    pub source: String,
}

/// A paragraph to write: the entry and its words, hashed, in order.
pub(crate) struct Paragraph {
    pub entry: Entry,
    pub sequence: Vec<u64>,
}

fn part_code(part: Part) -> u8 {
    match part {
        Part::Preamble => 0,
        Part::Operative => 1,
        Part::Annex => 2,
    }
}

fn body_code(body: Body) -> u8 {
    match body {
        Body::GeneralAssembly => 0,
        Body::SecurityCouncil => 1,
    }
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    out.extend_from_slice(&(s.len() as u32).to_le_bytes());
    out.extend_from_slice(s.as_bytes());
}

fn put_varint(out: &mut Vec<u8>, mut n: u32) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// The keys of a paragraph's words: its distinct word pairs and words.
pub(crate) fn keys_of(sequence: &[u64]) -> Vec<u64> {
    let mut keys: Vec<u64> = sequence
        .windows(2)
        .map(|w| shingle(w[0], w[1]))
        .chain(sequence.iter().copied())
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// A segment being written, front to back: each document and its
/// paragraphs go to the file as they are added; the postings, kept in
/// memory as LEB128 gaps (a byte or two per paragraph and key), and the
/// tables go at the end. So writing the whole record holds its postings,
/// not its text.
pub(crate) struct Writer {
    path: PathBuf,
    file: std::io::BufWriter<File>,
    at: u64,
    /// Each document's start and length.
    documents: Vec<(u64, u64)>,
    rows: Vec<u8>,
    paragraphs: u32,
    /// Key → (gaps, last paragraph, how many).
    postings: HashKeyed<(Vec<u8>, u32, u32)>,
    scratch: Vec<u8>,
}

impl Writer {
    /// A new segment file at `path` (which must not exist).
    pub fn create(path: &Path) -> Result<Writer> {
        let file = File::create_new(path)
            .map_err(|e| Error::in_file(path, format!("cannot write the index: {e}")))?;
        let mut writer = Writer {
            path: path.to_path_buf(),
            file: std::io::BufWriter::with_capacity(1 << 16, file),
            at: 0,
            documents: Vec::new(),
            rows: Vec::new(),
            paragraphs: 0,
            postings: HashKeyed::default(),
            scratch: Vec::new(),
        };
        writer.put_bytes(MAGIC)?;
        Ok(writer)
    }

    fn fail(&self, e: impl std::fmt::Display) -> Error {
        Error::in_file(&self.path, format!("cannot write the index: {e}"))
    }

    fn put_bytes(&mut self, bytes: &[u8]) -> Result<()> {
        self.file.write_all(bytes).map_err(|e| self.fail(e))?;
        self.at += bytes.len() as u64;
        Ok(())
    }

    fn put_scratch(&mut self) -> Result<()> {
        let scratch = std::mem::take(&mut self.scratch);
        let done = self.put_bytes(&scratch);
        self.scratch = scratch;
        done
    }

    /// How many documents it has.
    pub fn documents(&self) -> usize {
        self.documents.len()
    }

    /// Adds a document and its paragraphs (their `document` is set to its
    /// number here); returns that number.
    pub fn add(&mut self, document: &Document, paragraphs: Vec<Paragraph>) -> Result<u32> {
        let number = self.documents.len() as u32;
        self.scratch.clear();
        serde_json::to_writer(&mut self.scratch, document).map_err(|e| self.fail(e))?;
        self.documents.push((self.at, self.scratch.len() as u64));
        self.put_scratch()?;
        let version = document.meta.version().unwrap_or(u32::MAX);
        for p in paragraphs {
            self.rows.extend_from_slice(&number.to_le_bytes());
            self.rows
                .extend_from_slice(&(p.sequence.len() as u32).to_le_bytes());
            self.rows.extend_from_slice(&version.to_le_bytes());
            self.rows.push(part_code(p.entry.part));
            self.rows.push(body_code(document.meta.body));
            self.rows
                .push(u8::from(document.meta.status == Status::Adopted));
            self.rows.push(0);
            self.rows.extend_from_slice(&self.at.to_le_bytes());
            self.scratch.clear();
            put_str(&mut self.scratch, &p.entry.label);
            match &p.entry.lead {
                Some(lead) => put_str(&mut self.scratch, lead),
                None => self.scratch.extend_from_slice(&u32::MAX.to_le_bytes()),
            }
            put_str(&mut self.scratch, &p.entry.text);
            let len = self.scratch.len() as u32;
            self.rows.extend_from_slice(&len.to_le_bytes());
            self.rows.extend_from_slice(&[0; 4]);
            self.put_scratch()?;
            let e = self.paragraphs;
            for key in keys_of(&p.sequence) {
                let (gaps, last, count) = self.postings.entry(key).or_default();
                put_varint(gaps, if *count == 0 { e } else { e - *last });
                *last = e;
                *count += 1;
            }
            self.paragraphs += 1;
        }
        Ok(number)
    }

    /// Writes the postings and tables; returns the file's size.
    pub fn finish(mut self) -> Result<u64> {
        let documents_end = self.at;
        let mut keys: Vec<u64> = self.postings.keys().copied().collect();
        keys.sort_unstable();
        let mut dictionary = Vec::with_capacity(keys.len() * RECORD);
        let mut fences = Vec::with_capacity(keys.len() / FENCE * 8 + 8);
        for (n, key) in keys.iter().enumerate() {
            let Some((gaps, _, count)) = self.postings.remove(key) else {
                continue;
            };
            let start = self.at;
            self.put_bytes(&gaps)?;
            if n % FENCE == 0 {
                fences.extend_from_slice(&key.to_le_bytes());
            }
            dictionary.extend_from_slice(&key.to_le_bytes());
            dictionary.extend_from_slice(&start.to_le_bytes());
            dictionary.extend_from_slice(&count.to_le_bytes());
            dictionary.extend_from_slice(&(gaps.len() as u32).to_le_bytes());
        }
        let table_at = self.at;
        let mut table = Vec::with_capacity(self.documents.len() * 16);
        for (start, len) in &self.documents {
            table.extend_from_slice(&start.to_le_bytes());
            table.extend_from_slice(&len.to_le_bytes());
        }
        self.put_bytes(&table)?;
        let rows_at = self.at;
        let rows = std::mem::take(&mut self.rows);
        self.put_bytes(&rows)?;
        let dictionary_at = self.at;
        self.put_bytes(&dictionary)?;
        let fences_at = self.at;
        self.put_bytes(&fences)?;
        let mut footer = Vec::with_capacity(FOOTER);
        for n in [
            self.documents.len() as u64,
            u64::from(self.paragraphs),
            keys.len() as u64,
            table_at,
            rows_at,
            dictionary_at,
            fences_at,
            documents_end,
        ] {
            footer.extend_from_slice(&n.to_le_bytes());
        }
        footer.extend_from_slice(MAGIC);
        self.put_bytes(&footer)?;
        self.file.flush().map_err(|e| self.fail(e))?;
        Ok(self.at)
    }
}

/// A segment open for queries.
#[derive(Debug)]
pub(crate) struct Segment {
    path: PathBuf,
    file: File,
    /// Each document's start and length.
    documents: Vec<(u64, u64)>,
    rows: Vec<u8>,
    fences: Vec<u64>,
    keys: usize,
    dictionary_at: u64,
    entries_end: u64,
    /// Where the postings end (the document table starts).
    postings_end: u64,
    /// Documents no longer in the index (their file changed or went).
    deleted: Vec<bool>,
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

fn u64_at(bytes: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(bytes.get(at..at + 8)?.try_into().ok()?))
}

#[cfg(unix)]
fn read_exact_at(file: &File, buf: &mut [u8], at: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, at)
}

#[cfg(windows)]
fn read_exact_at(file: &File, mut buf: &mut [u8], mut at: u64) -> std::io::Result<()> {
    use std::os::windows::fs::FileExt;
    while !buf.is_empty() {
        match file.seek_read(buf, at)? {
            0 => return Err(std::io::ErrorKind::UnexpectedEof.into()),
            n => {
                buf = &mut buf[n..];
                at += n as u64;
            }
        }
    }
    Ok(())
}

impl Segment {
    fn damaged(&self, what: &str) -> Error {
        Error::in_file(
            &self.path,
            format!("the index is damaged ({what}): run `resdiff index` on its directory again"),
        )
    }

    fn read(&self, at: u64, len: usize) -> Result<Vec<u8>> {
        let mut buf = vec![0; len];
        read_exact_at(&self.file, &mut buf, at).map_err(|e| self.damaged(&e.to_string()))?;
        Ok(buf)
    }

    /// Opens the segment at `path`, `deleted` its documents no longer in
    /// the index.
    pub fn open(path: &Path, deleted: &[u32]) -> Result<Segment> {
        let file = File::open(path).map_err(|e| {
            Error::in_file(
                path,
                format!("cannot read the index: {e}: run `resdiff index` again"),
            )
        })?;
        let size = file
            .metadata()
            .map_err(|e| Error::in_file(path, format!("cannot read the index: {e}")))?
            .len();
        let mut segment = Segment {
            path: path.to_path_buf(),
            file,
            documents: Vec::new(),
            rows: Vec::new(),
            fences: Vec::new(),
            keys: 0,
            dictionary_at: 0,
            entries_end: 0,
            postings_end: 0,
            deleted: Vec::new(),
        };
        if size < (FOOTER + MAGIC.len()) as u64 {
            return Err(segment.damaged("too short"));
        }
        let footer = segment.read(size - FOOTER as u64, FOOTER)?;
        if &footer[FOOTER - 8..] != MAGIC || segment.read(0, 8)? != MAGIC {
            return Err(segment.damaged("not a resdiff index segment"));
        }
        let n: Vec<u64> = (0..8).filter_map(|i| u64_at(&footer, i * 8)).collect();
        let [
            docs,
            entries,
            keys,
            table_at,
            rows_at,
            dictionary_at,
            fences_at,
            entries_end,
        ] = n[..]
        else {
            return Err(segment.damaged("footer"));
        };
        let end = size - FOOTER as u64;
        let ordered = table_at <= rows_at
            && rows_at <= dictionary_at
            && dictionary_at <= fences_at
            && fences_at <= end
            && entries_end <= table_at
            && rows_at - table_at == docs * 16
            && dictionary_at - rows_at == entries * ROW as u64
            && fences_at - dictionary_at == keys * RECORD as u64
            && end - fences_at == keys.div_ceil(FENCE as u64) * 8;
        if !ordered {
            return Err(segment.damaged("tables"));
        }
        let table = segment.read(table_at, (rows_at - table_at) as usize)?;
        segment.documents = table
            .chunks_exact(16)
            .filter_map(|c| Some((u64_at(c, 0)?, u64_at(c, 8)?)))
            .collect();
        segment.rows = segment.read(rows_at, (dictionary_at - rows_at) as usize)?;
        let fences = segment.read(fences_at, (end - fences_at) as usize)?;
        segment.fences = fences
            .chunks_exact(8)
            .filter_map(|c| u64_at(c, 0))
            .collect();
        segment.keys = keys as usize;
        segment.dictionary_at = dictionary_at;
        segment.entries_end = entries_end;
        segment.postings_end = table_at;
        segment.deleted = vec![false; docs as usize];
        for &d in deleted {
            match segment.deleted.get_mut(d as usize) {
                Some(flag) => *flag = true,
                None => return Err(segment.damaged("deleted document")),
            }
        }
        Ok(segment)
    }

    /// Marks a document as no longer in the index.
    pub fn delete(&mut self, document: u32) {
        if let Some(flag) = self.deleted.get_mut(document as usize) {
            *flag = true;
        }
    }

    /// How many documents it holds, deleted ones included.
    pub fn documents(&self) -> usize {
        self.deleted.len()
    }

    /// Whether document `d` is still in the index.
    pub fn is_live(&self, d: u32) -> bool {
        self.deleted.get(d as usize).is_some_and(|deleted| !deleted)
    }

    pub fn len(&self) -> usize {
        self.rows.len() / ROW
    }

    /// The document of paragraph `e`.
    pub fn document_of(&self, e: u32) -> Option<u32> {
        u32_at(&self.rows, e as usize * ROW)
    }

    pub fn row(&self, e: u32) -> Option<Row> {
        let at = e as usize * ROW;
        let document = u32_at(&self.rows, at)?;
        if !self.is_live(document) {
            return None;
        }
        let words = u32_at(&self.rows, at + 4)?;
        let version = u32_at(&self.rows, at + 8)?;
        let part = match self.rows.get(at + 12)? {
            0 => Part::Preamble,
            1 => Part::Operative,
            _ => Part::Annex,
        };
        let body = match self.rows.get(at + 13)? {
            0 => Body::GeneralAssembly,
            _ => Body::SecurityCouncil,
        };
        Some(Row {
            part,
            body,
            version: (version != u32::MAX).then_some(version),
            adopted: *self.rows.get(at + 14)? == 1,
            words,
        })
    }

    /// The dictionary record of `key`: postings start, count, bytes.
    fn lookup(&self, key: u64) -> Result<Option<(u64, usize, usize)>> {
        let block = self.fences.partition_point(|&f| f <= key);
        if block == 0 {
            return Ok(None);
        }
        let first = (block - 1) * FENCE;
        let n = FENCE.min(self.keys - first);
        let records = self.read(self.dictionary_at + (first * RECORD) as u64, n * RECORD)?;
        for r in records.chunks_exact(RECORD) {
            if u64_at(r, 0) == Some(key) {
                let (Some(start), Some(count), Some(bytes)) =
                    (u64_at(r, 8), u32_at(r, 16), u32_at(r, 20))
                else {
                    return Err(self.damaged("dictionary"));
                };
                return Ok(Some((start, count as usize, bytes as usize)));
            }
        }
        Ok(None)
    }

    pub fn postings(&self, key: u64) -> Result<Vec<u32>> {
        let Some((start, count, bytes)) = self.lookup(key)? else {
            return Ok(Vec::new());
        };
        // Each paragraph takes a byte at least, and the postings lie
        // between the documents and the tables.
        if start < self.entries_end
            || start.saturating_add(bytes as u64) > self.postings_end
            || count > bytes
        {
            return Err(self.damaged("dictionary"));
        }
        let raw = self.read(start, bytes)?;
        let mut list = Vec::with_capacity(count);
        let (mut value, mut shift, mut last) = (0u32, 0u32, 0u32);
        for b in raw {
            value |= u32::from(b & 0x7f).checked_shl(shift).unwrap_or(0);
            if b & 0x80 != 0 {
                shift += 7;
                continue;
            }
            last = if list.is_empty() {
                value
            } else {
                last.saturating_add(value)
            };
            list.push(last);
            value = 0;
            shift = 0;
        }
        if list.len() != count || list.iter().any(|&e| e as usize >= self.len()) {
            return Err(self.damaged("postings"));
        }
        Ok(list)
    }

    /// The stored label, lead and text of paragraph `e`.
    pub fn entry(&self, e: u32) -> Result<Entry> {
        let row_at = e as usize * ROW;
        let (Some(document), Some(start), Some(part)) = (
            u32_at(&self.rows, row_at),
            u64_at(&self.rows, row_at + 16),
            self.rows.get(row_at + 12).copied(),
        ) else {
            return Err(self.damaged("row"));
        };
        let Some(len) = u32_at(&self.rows, row_at + 24) else {
            return Err(self.damaged("row"));
        };
        if start.saturating_add(u64::from(len)) > self.entries_end {
            return Err(self.damaged("paragraph"));
        }
        let raw = self.read(start, len as usize)?;
        let mut at = 0;
        let mut next = |optional: bool| -> Option<Option<String>> {
            let len = u32_at(&raw, at)?;
            at += 4;
            if optional && len == u32::MAX {
                return Some(None);
            }
            let text = std::str::from_utf8(raw.get(at..at + len as usize)?).ok()?;
            at += len as usize;
            Some(Some(text.to_string()))
        };
        let (Some(Some(label)), Some(lead), Some(Some(text))) =
            (next(false), next(true), next(false))
        else {
            return Err(self.damaged("paragraph"));
        };
        Ok(Entry {
            document: document as usize,
            part: match part {
                0 => Part::Preamble,
                1 => Part::Operative,
                _ => Part::Annex,
            },
            label,
            lead,
            text,
        })
    }

    /// Document `d`'s head and source.
    pub fn document(&self, d: u32) -> Result<Document> {
        let Some(&(start, len)) = self.documents.get(d as usize) else {
            return Err(self.damaged("document table"));
        };
        if start.saturating_add(len) > self.entries_end {
            return Err(self.damaged("document table"));
        }
        let raw = self.read(start, len as usize)?;
        serde_json::from_slice(&raw).map_err(|e| self.damaged(&e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gaps_round_trip_through_leb128() {
        let mut out = Vec::new();
        for n in [0, 1, 127, 128, 16_383, 16_384, u32::MAX] {
            out.clear();
            put_varint(&mut out, n);
            let mut value = 0u64;
            for (i, b) in out.iter().enumerate() {
                value |= u64::from(b & 0x7f) << (7 * i);
            }
            assert_eq!(value, u64::from(n));
            assert_eq!(out.last().map(|b| b & 0x80), Some(0));
        }
    }
}
