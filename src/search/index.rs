//! The index on disk of a directory of documents, so that a search of the
//! whole record does not read every file again.
//!
//! It lives in the directory it indexes, in [`INDEX_DIR`]: a catalog
//! (`catalog.json`: the segments, the directories with their modification
//! times), the list of files (`files-NNNNNN.json`: every file indexed, with
//! its size and modification time, and where its document is) and segments
//! (`seg-NNNNNN.rdx`, laid out in `src/search/segment.rs`), one per
//! indexing run that read anything.
//! [`update`] is incremental: only new and changed files are read, into a
//! new segment, and the documents of changed and removed files are marked
//! deleted in theirs. Past [`MAX_SEGMENTS`] segments the later ones are
//! written into one (the first, usually the bulk of the record, kept as it
//! is); when a quarter of the documents are deleted ones, all of them are.
//! Both from the segments, without reading the files. Files are
//! written new and renamed into place, the catalog last, so a reader sees
//! the old index or the new one; one `resdiff index` at a time.
//!
//! A search opens the catalog and the segments' small tables
//! ([`Index::open`]), checks the directories against the catalog
//! ([`Index::refresh`]) and reads from the segments only the postings and
//! paragraphs its query touches. A file added, removed or replaced since
//! (most editors save by writing a new file and renaming it) changes its
//! directory's time: those directories are listed again and their new and
//! changed files read directly, so the answer is the files' own. A file
//! rewritten in place leaves its directory as it was: only the next
//! `resdiff index`, which checks every file, sees it. Checking every file
//! on every search would cost more than the search (20,000 files: about
//! 60 ms here, the query itself 5).

use std::collections::HashMap;
use std::ops::Not;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use serde::{Deserialize, Serialize};

use super::segment::{self, Document, Paragraph, Segment};
use super::{Entry, Row, Source, entries_of};
use crate::align::fingerprint::Fingerprint;
use crate::error::{Error, Result};
use crate::model::Meta;
use crate::parse::docx::Revisions;
use crate::parse::is_readable;

/// "accepted" or "rejected".
fn revisions_name(revisions: Revisions) -> &'static str {
    match revisions {
        Revisions::Accept => "accepted",
        Revisions::Reject => "rejected",
    }
}

/// The directory of the index, inside the directory indexed.
pub const INDEX_DIR: &str = ".resdiff-index";
const CATALOG: &str = "catalog.json";
/// The layout of the catalog and segments; another one is rebuilt.
const FORMAT: u32 = 2;
/// Word hashes depend on the lexicon's spellings, so an index is only
/// read by the version of resdiff that made it.
const MADE_BY: &str = concat!("resdiff ", env!("CARGO_PKG_VERSION"));
/// More segments than this are written into one.
pub const MAX_SEGMENTS: usize = 8;
/// Below this many files to read, one thread reads them.
const PARALLEL_FILES: usize = 64;
/// Files read at a time (their words held until they are written).
const READ_CHUNK: usize = 512;

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct Catalog {
    format: u32,
    made_by: String,
    /// The number of the next segment file.
    next: u32,
    segments: Vec<SegmentInfo>,
    /// The file that lists every readable file of the directory.
    files: String,
    /// Every directory walked (the root is `""`), by path.
    dirs: Vec<DirInfo>,
    /// Files that could not be read, each with why.
    failed: Vec<String>,
    /// How Word documents' tracked changes were read.
    #[serde(default)]
    revisions: Revisions,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct DirInfo {
    path: String,
    modified: u64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct SegmentInfo {
    file: String,
    documents: u32,
    paragraphs: u32,
    bytes: u64,
    /// Its documents whose file changed or went since.
    deleted: Vec<u32>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct FileInfo {
    /// Relative to the directory, with `/`.
    path: String,
    size: u64,
    /// Nanoseconds since 1970, 0 where the system does not say.
    modified: u64,
    /// Its document: segment (index in the catalog) and number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    document: Option<(u32, u32)>,
    /// How many paragraphs its document has.
    #[serde(default)]
    paragraphs: u32,
    /// Why it could not be read (it is read again once it changes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

/// A file's size and modification time: what tells it changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    size: u64,
    modified: u64,
}

fn stamp_of(meta: &std::fs::Metadata) -> Stamp {
    let modified = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos() as u64);
    Stamp {
        size: meta.len(),
        modified,
    }
}

/// The readable files under `root`, by relative path (hidden files and
/// directories, the index's among them, left out).
pub fn readable_files(root: &Path) -> Result<Vec<(String, PathBuf)>> {
    Ok(walk(root, "")?
        .0
        .into_iter()
        .map(|(r, p, _)| (r, p))
        .collect())
}

/// `relative` with `/` whatever the platform.
fn relative_path(path: &Path, root: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

fn join(dir: &str, name: &str) -> String {
    if dir.is_empty() {
        name.to_string()
    } else {
        format!("{dir}/{name}")
    }
}

type Walked = (Vec<(String, PathBuf, Stamp)>, Vec<DirInfo>);

/// The readable files under `root`'s directory `under` (relative, `""`
/// for all), each with its stamp, and the directories walked.
fn walk(root: &Path, under: &str) -> Result<Walked> {
    let mut files = Vec::new();
    let mut dirs = Vec::new();
    let top = root.join(under);
    let walker = walkdir::WalkDir::new(&top)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for item in walker {
        let item =
            item.map_err(|e| Error::in_file(&top, format!("cannot read the directory: {e}")))?;
        let relative = relative_path(item.path(), root);
        if item.file_type().is_dir() {
            let meta = item
                .metadata()
                .map_err(|e| Error::in_file(item.path(), format!("cannot read: {e}")))?;
            dirs.push(DirInfo {
                path: relative,
                modified: stamp_of(&meta).modified,
            });
            continue;
        }
        if !item.file_type().is_file() || !is_readable(item.path()) {
            continue;
        }
        let meta = item
            .metadata()
            .map_err(|e| Error::in_file(item.path(), format!("cannot read: {e}")))?;
        files.push((relative, item.path().to_path_buf(), stamp_of(&meta)));
    }
    files.sort_by(|a, b| a.0.cmp(&b.0));
    Ok((files, dirs))
}

fn read_json<T: serde::de::DeserializeOwned>(path: &Path) -> Result<Option<T>> {
    let text = match std::fs::read(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Error::in_file(path, format!("cannot read the index: {e}"))),
    };
    serde_json::from_slice(&text).map(Some).map_err(|e| {
        Error::at_line(
            path,
            e.line(),
            format!("the index is damaged ({e}): run `resdiff index` on its directory again"),
        )
    })
}

fn read_catalog(dir: &Path) -> Result<Option<Catalog>> {
    read_json(&dir.join(CATALOG))
}

fn read_files(dir: &Path, catalog: &Catalog) -> Result<Vec<FileInfo>> {
    let path = dir.join(&catalog.files);
    read_json(&path)?.ok_or_else(|| {
        Error::in_file(&path, "the index is damaged (its list of files is missing): run `resdiff index` on its directory again")
    })
}

fn write_json<T: Serialize>(path: &Path, value: &T) -> Result<u64> {
    let bytes = serde_json::to_vec(value)
        .map_err(|e| Error::in_file(path, format!("cannot write the index: {e}")))?;
    crate::files::write_file(path, &bytes, &[])?;
    Ok(bytes.len() as u64)
}

/// What [`update`] did.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Update {
    /// The directory indexed.
    pub root: PathBuf,
    /// Documents in the index now.
    pub documents: usize,
    /// Paragraphs in the index now.
    pub paragraphs: usize,
    /// Files read (new or changed).
    pub read: usize,
    /// Files unchanged since the last run, not read.
    pub unchanged: usize,
    /// Files gone since the last run.
    pub removed: usize,
    /// Files that could not be read, each with why.
    pub failed: Vec<String>,
    /// Segments now.
    pub segments: usize,
    /// Whether the segments were written into one.
    pub compacted: bool,
    /// Why the whole index was made again, if it was.
    pub rebuilt: Option<String>,
    /// The index's size on disk, in bytes.
    pub bytes: u64,
}

/// Brings the index of `root` up to date (making it if there is none),
/// reading only new and changed files (Word documents' tracked changes as
/// `revisions` says: an index read the other way is made again);
/// `progress(done, total)` is called as files are read, from either of two
/// threads.
pub fn update(
    root: &Path,
    revisions: Revisions,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<Update> {
    if !root.is_dir() {
        return Err(Error::in_file(root, "no such directory to index"));
    }
    let dir = root.join(INDEX_DIR);
    std::fs::create_dir_all(&dir)
        .map_err(|e| Error::in_file(&dir, format!("cannot make the index directory: {e}")))?;
    let found = read_catalog(&dir).and_then(|c| match c {
        Some(c) if c.format == FORMAT && c.made_by == MADE_BY && c.revisions == revisions => {
            let files = read_files(&dir, &c)?;
            Ok(Some((c, files)))
        }
        Some(c) if c.revisions != revisions => Err(Error::new(format!(
            "it read Word documents' tracked changes as {}",
            revisions_name(c.revisions)
        ))),
        Some(c) if c.made_by != MADE_BY => Err(Error::new(format!("it was made by {}", c.made_by))),
        Some(c) => Err(Error::new(format!(
            "it is in format {}, and this version reads format {FORMAT}",
            c.format
        ))),
        None => Ok(None),
    });
    let (mut catalog, old_files, rebuilt) = match found {
        Ok(Some((c, files))) => (c, files, None),
        Ok(None) => (Catalog::default(), Vec::new(), None),
        Err(e) => {
            // Numbers go on from the old catalog's, if it can be read, so
            // that no new file takes an old one's name.
            let next = read_catalog(&dir).ok().flatten().map_or(0, |c| c.next);
            let catalog = Catalog {
                next,
                ..Catalog::default()
            };
            (catalog, Vec::new(), Some(e.message))
        }
    };
    catalog.format = FORMAT;
    catalog.made_by = MADE_BY.to_string();
    catalog.revisions = revisions;
    let (files, dirs) = walk(root, "")?;
    let known: HashMap<&str, &FileInfo> = old_files.iter().map(|f| (f.path.as_str(), f)).collect();
    let mut kept = Vec::new();
    let mut to_read = Vec::new();
    for (relative, path, stamp) in &files {
        match known.get(relative.as_str()) {
            Some(info) if info.size == stamp.size && info.modified == stamp.modified => {
                kept.push((*info).clone());
            }
            _ => to_read.push((relative.clone(), path.clone(), *stamp)),
        }
    }
    let current: std::collections::HashSet<&str> = kept.iter().map(|f| f.path.as_str()).collect();
    let present: std::collections::HashSet<&str> = files.iter().map(|f| f.0.as_str()).collect();
    let removed = old_files
        .iter()
        .filter(|f| !present.contains(f.path.as_str()))
        .count();
    // The documents of files changed or gone are deleted from their segments.
    for info in &old_files {
        if let Some((s, d)) = info.document
            && !current.contains(info.path.as_str())
            && let Some(segment) = catalog.segments.get_mut(s as usize)
        {
            segment.deleted.push(d);
        }
    }
    let segment_number = catalog.segments.len() as u32;
    let mut writer = None;
    let done = AtomicUsize::new(0);
    // Read in chunks, so that only a chunk's words are held at a time.
    for chunk in to_read.chunks(READ_CHUNK) {
        let read = read_all(chunk, revisions, &done, to_read.len(), progress);
        for ((relative, _, stamp), result) in chunk.iter().zip(read) {
            let mut info = FileInfo {
                path: relative.clone(),
                size: stamp.size,
                modified: stamp.modified,
                document: None,
                paragraphs: 0,
                error: None,
            };
            match result {
                Ok((meta, paragraphs)) => {
                    if writer.is_none() {
                        writer = Some(new_segment(&dir, &mut catalog.next)?);
                    }
                    if let Some((_, w)) = &mut writer {
                        info.paragraphs = paragraphs.len() as u32;
                        let document = Document {
                            meta,
                            source: relative.clone(),
                        };
                        let d = w.add(&document, paragraphs)?;
                        info.document = Some((segment_number, d));
                    }
                }
                Err(e) => info.error = Some(e.to_string()),
            }
            kept.push(info);
        }
    }
    kept.sort_by(|a, b| a.path.cmp(&b.path));
    if let Some((file, w)) = writer {
        let documents = w.documents() as u32;
        let paragraphs = kept
            .iter()
            .filter(|f| f.document.is_some_and(|(s, _)| s == segment_number))
            .map(|f| f.paragraphs)
            .sum();
        catalog
            .segments
            .push(finish(file, w, documents, paragraphs)?);
    }
    drop_emptied(&mut catalog, &mut kept);
    let total: u32 = catalog.segments.iter().map(|s| s.documents).sum();
    let deleted: usize = catalog.segments.iter().map(|s| s.deleted.len()).sum();
    // Many stale documents: everything written again; many segments: the
    // later ones into one (the first, usually the record's bulk, kept).
    let from = if deleted > 0 && deleted * 4 >= total as usize {
        Some(0)
    } else if catalog.segments.len() > MAX_SEGMENTS {
        Some(1)
    } else {
        None
    };
    let compacted = from.is_some();
    if let Some(from) = from {
        compact(&dir, &mut catalog, &mut kept, from)?;
    }
    catalog.failed = kept.iter().filter_map(|f| f.error.clone()).collect();
    catalog.dirs = dirs;
    catalog.files = format!("files-{:06}.json", catalog.next);
    catalog.next += 1;
    let list_bytes = write_json(&dir.join(&catalog.files), &kept)?;
    let catalog_bytes = write_json(&dir.join(CATALOG), &catalog)?;
    remove_unused(&dir, &catalog);
    let live = kept.iter().filter(|f| f.document.is_some());
    Ok(Update {
        root: root.to_path_buf(),
        documents: live.clone().count(),
        paragraphs: live.map(|f| f.paragraphs as usize).sum(),
        read: to_read.len(),
        unchanged: files.len() - to_read.len(),
        removed,
        failed: catalog.failed.clone(),
        segments: catalog.segments.len(),
        compacted,
        rebuilt,
        bytes: catalog.segments.iter().map(|s| s.bytes).sum::<u64>() + list_bytes + catalog_bytes,
    })
}

/// A file read: its head and paragraphs (numbered as document 0 until
/// the segment gives it its number).
type Read = (Meta, Vec<Paragraph>);

/// Reads `files` (on two threads when there are many) into paragraphs
/// with their words hashed, in order.
fn read_all(
    files: &[(String, PathBuf, Stamp)],
    revisions: Revisions,
    done: &AtomicUsize,
    total: usize,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Vec<Result<Read>> {
    let read = |part: &[(String, PathBuf, Stamp)]| -> Vec<Result<Read>> {
        part.iter()
            .map(|(_, path, _)| {
                let result = crate::parse::load_file_with(path, None, revisions).map(|loaded| {
                    let paragraphs = entries_of(&loaded.resolution, 0)
                        .into_iter()
                        .map(|(entry, fingerprint)| Paragraph {
                            entry,
                            sequence: fingerprint.sequence,
                        })
                        .collect();
                    (loaded.resolution.meta, paragraphs)
                });
                progress(done.fetch_add(1, Ordering::Relaxed) + 1, total);
                result
            })
            .collect()
    };
    let (first, second) = files.split_at(files.len() / 2);
    let (mut a, b) = crate::work::join(
        files.len() >= PARALLEL_FILES,
        || read(first),
        || read(second),
    );
    a.extend(b);
    a
}

/// A new segment file, named with the next number.
fn new_segment(dir: &Path, next: &mut u32) -> Result<(String, segment::Writer)> {
    let file = format!("seg-{:06}.rdx", *next);
    *next += 1;
    let path = dir.join(&file);
    // A file of that name is one a run that stopped left behind: the
    // catalog never named it.
    let _ = std::fs::remove_file(&path);
    Ok((file, segment::Writer::create(&path)?))
}

/// The segment `writer` has written, finished, as the catalog lists it.
fn finish(
    file: String,
    writer: segment::Writer,
    documents: u32,
    paragraphs: u32,
) -> Result<SegmentInfo> {
    Ok(SegmentInfo {
        file,
        documents,
        paragraphs,
        bytes: writer.finish()?,
        deleted: Vec::new(),
    })
}

/// Writes the live documents of the segments from `from` on into one,
/// which takes their place.
fn compact(dir: &Path, catalog: &mut Catalog, files: &mut [FileInfo], from: usize) -> Result<()> {
    let (file, mut writer) = new_segment(dir, &mut catalog.next)?;
    let mut moved: HashMap<(u32, u32), u32> = HashMap::new();
    let mut paragraphs = 0;
    for (s, info) in catalog.segments.iter().enumerate().skip(from) {
        let segment = Segment::open(&dir.join(&info.file), &info.deleted)?;
        let mut by_document: Vec<Vec<u32>> = vec![Vec::new(); segment.documents()];
        for e in 0..segment.len() as u32 {
            if let Some(d) = segment.document_of(e)
                && let Some(list) = by_document.get_mut(d as usize)
            {
                list.push(e);
            }
        }
        for (d, entries) in by_document.into_iter().enumerate() {
            let d = d as u32;
            if !segment.is_live(d) {
                continue;
            }
            let document = segment.document(d)?;
            let mut read = Vec::with_capacity(entries.len());
            for e in entries {
                let entry = segment.entry(e)?;
                let sequence = Fingerprint::of(&entry.text).sequence;
                read.push(Paragraph { entry, sequence });
            }
            paragraphs += read.len() as u32;
            let new = writer.add(&document, read)?;
            moved.insert((s as u32, d), new);
        }
    }
    let documents = writer.documents() as u32;
    catalog.segments.truncate(from);
    catalog
        .segments
        .push(finish(file, writer, documents, paragraphs)?);
    let merged = from as u32;
    for file in files {
        file.document = file.document.and_then(|(s, d)| {
            if s < merged {
                Some((s, d))
            } else {
                moved.get(&(s, d)).map(|&d| (merged, d))
            }
        });
    }
    Ok(())
}

/// Drops the segments whose every document is deleted (a file changed
/// twice leaves one behind), renumbering the others.
fn drop_emptied(catalog: &mut Catalog, files: &mut [FileInfo]) {
    let mut number = Vec::with_capacity(catalog.segments.len());
    let mut next = 0u32;
    for s in &catalog.segments {
        let emptied = s.deleted.len() >= s.documents as usize;
        number.push((!emptied).then_some(next));
        next += u32::from(!emptied);
    }
    catalog
        .segments
        .retain(|s| s.deleted.len() < s.documents as usize);
    for file in files {
        file.document = file
            .document
            .and_then(|(s, d)| number.get(s as usize).copied().flatten().map(|s| (s, d)));
    }
}

/// Removes the segment files the catalog no longer names.
fn remove_unused(dir: &Path, catalog: &Catalog) {
    let Ok(items) = std::fs::read_dir(dir) else {
        return;
    };
    for item in items.flatten() {
        let name = item.file_name().to_string_lossy().into_owned();
        let ours = (name.starts_with("seg-") && name.ends_with(".rdx"))
            || (name.starts_with("files-") && name.ends_with(".json"));
        if ours && name != catalog.files && !catalog.segments.iter().any(|s| s.file == name) {
            let _ = std::fs::remove_file(item.path());
        }
    }
}

/// An index open for queries.
#[derive(Debug)]
pub struct Index {
    root: PathBuf,
    catalog: Catalog,
    segments: Vec<Segment>,
}

/// What [`Index::refresh`] found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Refresh {
    /// Files new or changed since the index was made: to read directly.
    pub changed: Vec<PathBuf>,
    /// Files gone since.
    pub removed: usize,
    /// Files the index could not read, each with why.
    pub failed: Vec<String>,
}

fn parent_of(relative: &str) -> &str {
    relative.rsplit_once('/').map_or("", |(dir, _)| dir)
}

impl Index {
    /// The index of `root`, if it has one made by this version.
    pub fn open(root: &Path) -> Result<Option<Index>> {
        let dir = root.join(INDEX_DIR);
        let Some(catalog) = read_catalog(&dir)? else {
            return Ok(None);
        };
        if catalog.format != FORMAT || catalog.made_by != MADE_BY {
            return Ok(None);
        }
        let segments = catalog
            .segments
            .iter()
            .map(|info| Segment::open(&dir.join(&info.file), &info.deleted))
            .collect::<Result<_>>()?;
        Ok(Some(Index {
            root: root.to_path_buf(),
            catalog,
            segments,
        }))
    }

    /// The directory indexed.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// How it read Word documents' tracked changes.
    pub fn revisions(&self) -> Revisions {
        self.catalog.revisions
    }

    /// Leaves out of the answers the documents of files added, removed or
    /// replaced since the index was made (seen by their directory's time),
    /// and returns the new and changed ones, to be read directly.
    pub fn refresh(&mut self) -> Result<Refresh> {
        let mut refresh = Refresh {
            failed: self.catalog.failed.clone(),
            ..Refresh::default()
        };
        let changed_dirs: Vec<String> = self
            .catalog
            .dirs
            .iter()
            .filter(|d| {
                std::fs::metadata(self.root.join(&d.path))
                    .is_ok_and(|m| m.is_dir() && stamp_of(&m).modified == d.modified)
                    .not()
            })
            .map(|d| d.path.clone())
            .collect();
        if changed_dirs.is_empty() {
            return Ok(refresh);
        }
        let dir = self.root.join(INDEX_DIR);
        let files = read_files(&dir, &self.catalog)?;
        let known_dirs: std::collections::HashSet<&str> =
            self.catalog.dirs.iter().map(|d| d.path.as_str()).collect();
        let mut in_dir: HashMap<&str, Vec<&FileInfo>> = HashMap::new();
        for f in &files {
            in_dir.entry(parent_of(&f.path)).or_default().push(f);
        }
        let mut stale = Vec::new();
        for changed in &changed_dirs {
            let known = in_dir.get(changed.as_str()).cloned().unwrap_or_default();
            let mut listed: HashMap<String, (PathBuf, Stamp)> = HashMap::new();
            if let Ok(items) = std::fs::read_dir(self.root.join(changed)) {
                for item in items.flatten() {
                    let name = item.file_name().to_string_lossy().into_owned();
                    if name.starts_with('.') {
                        continue;
                    }
                    let relative = join(changed, &name);
                    let path = item.path();
                    let Ok(meta) = std::fs::metadata(&path) else {
                        continue;
                    };
                    if meta.is_dir() && !known_dirs.contains(relative.as_str()) {
                        // A directory new since: every file in it is new.
                        let (new, _) = walk(&self.root, &relative)?;
                        refresh.changed.extend(new.into_iter().map(|(_, p, _)| p));
                    } else if meta.is_file() && is_readable(&path) {
                        listed.insert(relative, (path, stamp_of(&meta)));
                    }
                }
            }
            for info in &known {
                match listed.remove(&info.path) {
                    Some((_, stamp))
                        if stamp.size == info.size && stamp.modified == info.modified => {}
                    Some((path, _)) => {
                        stale.extend(info.document);
                        refresh.changed.push(path);
                    }
                    None => {
                        stale.extend(info.document);
                        refresh.removed += 1;
                    }
                }
            }
            let mut new: Vec<PathBuf> = listed.into_values().map(|(p, _)| p).collect();
            new.sort();
            refresh.changed.extend(new);
        }
        refresh.changed.sort();
        for (s, d) in stale {
            if let Some(segment) = self.segments.get_mut(s as usize) {
                segment.delete(d);
            }
        }
        Ok(refresh)
    }

    /// The index's segments, as sources of a search, in record order.
    pub(crate) fn sources(&self) -> Vec<IndexedSegment<'_>> {
        self.segments
            .iter()
            .map(|segment| IndexedSegment {
                segment,
                root: &self.root,
            })
            .collect()
    }
}

/// One segment of an open index, as a search reads it.
pub(crate) struct IndexedSegment<'a> {
    segment: &'a Segment,
    root: &'a Path,
}

impl Source for IndexedSegment<'_> {
    fn len(&self) -> usize {
        self.segment.len()
    }

    fn documents(&self) -> usize {
        self.segment.documents()
    }

    fn postings(&self, pair: u64) -> Result<Vec<u32>> {
        self.segment.postings(pair)
    }

    fn with_word(&self, word: u64) -> Result<Vec<u32>> {
        self.segment.postings(word)
    }

    fn row(&self, entry: u32) -> Option<Row> {
        self.segment.row(entry)
    }

    fn words(&self, entry: u32) -> Result<Vec<u64>> {
        let entry = self.segment.entry(entry)?;
        Ok(Fingerprint::of(&entry.text).sequence)
    }

    fn hit(&self, entry: u32) -> Result<(Entry, Meta, String)> {
        let entry = self.segment.entry(entry)?;
        let document = self.segment.document(entry.document as u32)?;
        let source = self.root.join(&document.source).display().to_string();
        Ok((entry, document.meta, source))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::fixtures::resolution;
    use crate::search::{Filters, Holding, Mode, Record, search};

    const CALLS: &str = "Calls upon all States to refrain from promulgating and applying laws and measures of the kind referred to in the preamble to the present resolution;";
    const REQUESTS: &str =
        "Requests the Secretary-General to report on the implementation of the present resolution;";
    const URGES: &str = "Urges States that have and continue to apply such laws and measures to take the necessary steps to repeal them;";
    const RECALLING: &str = "Recalling its resolution 72/4 of 1 November 2017,";

    fn write(dir: &Path, relative: &str, session: u32, preamble: &[&str], operative: &[&str]) {
        let own = |t: &[&str]| t.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let mut r = resolution(session, &own(preamble), &own(operative));
        // The 73rd session's text stands for one as adopted.
        if session == 73 {
            r.meta.status = crate::model::Status::Adopted;
        }
        let path = dir.join(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, crate::canonical::write(&r).unwrap()).unwrap();
    }

    fn record_dir() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        write(
            dir.path(),
            "csto/73.md",
            73,
            &[RECALLING],
            &[CALLS, REQUESTS],
        );
        write(dir.path(), "csto/80.md", 80, &[], &[URGES]);
        write(
            dir.path(),
            "other/75.md",
            75,
            &[RECALLING],
            &[REQUESTS, URGES],
        );
        dir
    }

    fn none(_: usize, _: usize) {}

    /// The files of `dir` read into memory, as `search` reads a directory
    /// without an index.
    fn in_memory(dir: &Path) -> Record {
        let mut record = Record::default();
        for (_, path) in readable_files(dir).unwrap() {
            let loaded = crate::load_file(&path, None).unwrap();
            record.add(&loaded.resolution, &path.display().to_string());
        }
        record
    }

    fn through_index(
        dir: &Path,
        query: &str,
        mode: Mode,
        filters: &Filters,
    ) -> Vec<crate::search::Hit> {
        let mut index = Index::open(dir).unwrap().expect("an index");
        let refresh = index.refresh().unwrap();
        assert_eq!(refresh, Refresh::default());
        search(&[Holding::Indexed(index)], query, mode, filters, 100).unwrap()
    }

    /// Where an exact phrase is found through the index of `dir`.
    fn exact(dir: &Path, phrase: &str) -> Vec<String> {
        sources(&through_index(
            dir,
            phrase,
            Mode::Exact,
            &Filters::default(),
        ))
    }

    fn sources(hits: &[crate::search::Hit]) -> Vec<String> {
        hits.iter()
            .map(|h| {
                format!(
                    "{} {}",
                    h.source
                        .rsplit(['/', '\\'])
                        .take(2)
                        .collect::<Vec<_>>()
                        .join("<"),
                    h.entry.label
                )
            })
            .collect()
    }

    #[test]
    fn the_index_answers_as_the_record_in_memory_does() {
        let dir = record_dir();
        let update = update(dir.path(), Revisions::Accept, &none).unwrap();
        assert_eq!(
            (update.documents, update.paragraphs, update.read),
            (3, 7, 3)
        );
        let record = in_memory(dir.path());
        let operative = Filters {
            part: Some(crate::model::Part::Operative),
            since: Some(75),
            ..Filters::default()
        };
        let adopted = Filters {
            adopted: true,
            ..Filters::default()
        };
        let queries = [
            ("laws and measures", Mode::Exact, Filters::default()),
            ("Secretary\u{2011}General", Mode::Exact, Filters::default()),
            ("measures", Mode::Exact, Filters::default()),
            ("measures laws", Mode::Exact, Filters::default()),
            ("laws and measures", Mode::Near, operative.clone()),
            (
                "Calls upon all Member States to refrain from promulgating and applying laws and measures of the kind",
                Mode::Near,
                Filters::default(),
            ),
            (
                "Requests the Secretary-General to report",
                Mode::Near,
                operative,
            ),
            ("absent words entirely", Mode::Near, Filters::default()),
            ("laws and measures", Mode::Exact, adopted.clone()),
            (REQUESTS, Mode::Near, adopted.clone()),
        ];
        for (query, mode, filters) in queries {
            let memory = record.search(query, mode, &filters, 100).unwrap();
            let indexed = through_index(dir.path(), query, mode, &filters);
            assert_eq!(indexed, memory, "{query:?} {mode:?}");
        }
        // Only the adopted text is agreed language.
        let agreed = through_index(dir.path(), "laws and measures", Mode::Exact, &adopted);
        assert_eq!(sources(&agreed), ["73.md<csto OP1"]);
        // Not vacuous: the queries find something.
        assert_eq!(
            exact(dir.path(), "laws and measures"),
            ["80.md<csto OP1", "75.md<other OP2", "73.md<csto OP1"]
        );
    }

    #[test]
    fn only_new_and_changed_files_are_read_again_and_removed_ones_leave() {
        let dir = record_dir();
        update(dir.path(), Revisions::Accept, &none).unwrap();
        let again = update(dir.path(), Revisions::Accept, &none).unwrap();
        assert_eq!((again.read, again.unchanged, again.removed), (0, 3, 0));
        // One file rewritten with other words, one removed, one added.
        write(dir.path(), "csto/80.md", 80, &[], &[REQUESTS]);
        std::fs::remove_file(dir.path().join("other/75.md")).unwrap();
        write(dir.path(), "new/81.md", 81, &[RECALLING], &[]);
        let changed = update(dir.path(), Revisions::Accept, &none).unwrap();
        assert_eq!(
            (
                changed.read,
                changed.unchanged,
                changed.removed,
                changed.documents
            ),
            (2, 1, 1, 3)
        );
        let found = |q| exact(dir.path(), q);
        assert_eq!(found("laws and measures"), ["73.md<csto OP1"]);
        assert_eq!(
            found("Requests the Secretary-General"),
            ["73.md<csto OP2", "80.md<csto OP1"]
        );
        assert_eq!(
            found("Recalling its resolution"),
            ["73.md<csto PP1", "81.md<new PP1"]
        );
        for (query, mode) in [
            ("Recalling its resolution", Mode::Exact),
            (REQUESTS, Mode::Near),
        ] {
            let memory = in_memory(dir.path())
                .search(query, mode, &Filters::default(), 100)
                .unwrap();
            let indexed = through_index(dir.path(), query, mode, &Filters::default());
            assert_eq!(sources(&indexed), sources(&memory), "{query}");
        }
    }

    #[test]
    fn a_search_sees_files_added_or_replaced_since_the_index_was_made() {
        let dir = record_dir();
        update(dir.path(), Revisions::Accept, &none).unwrap();
        // Directory times tick coarsely: the changes must come after.
        std::thread::sleep(std::time::Duration::from_millis(50));
        // Saved as editors save: a new file renamed over the old one.
        write(dir.path(), "csto/.80.md.swp", 80, &[], &[REQUESTS]);
        std::fs::rename(
            dir.path().join("csto/.80.md.swp"),
            dir.path().join("csto/80.md"),
        )
        .unwrap();
        write(dir.path(), "added/82.md", 82, &[], &[URGES]);
        std::fs::remove_file(dir.path().join("other/75.md")).unwrap();
        let mut index = Index::open(dir.path()).unwrap().unwrap();
        let refresh = index.refresh().unwrap();
        let names: Vec<String> = refresh
            .changed
            .iter()
            .map(|p| relative_path(p, dir.path()))
            .collect();
        assert_eq!(names, ["added/82.md", "csto/80.md"]);
        assert_eq!(refresh.removed, 1);
        // What the index still answers is only what still stands.
        let hits = search(
            &[Holding::Indexed(index)],
            "laws and measures",
            Mode::Exact,
            &Filters::default(),
            10,
        )
        .unwrap();
        assert_eq!(sources(&hits), ["73.md<csto OP1"]);
    }

    #[test]
    fn many_runs_are_written_back_into_one_segment() {
        let dir = record_dir();
        update(dir.path(), Revisions::Accept, &none).unwrap();
        let mut segments = Vec::new();
        for session in 0..(MAX_SEGMENTS as u32 + 2) {
            write(
                dir.path(),
                &format!("runs/{session}.md"),
                60 + session,
                &[],
                &[URGES],
            );
            let u = update(dir.path(), Revisions::Accept, &none).unwrap();
            segments.push(u.segments);
            assert_eq!(u.read, 1);
        }
        assert!(segments.iter().all(|&s| s <= MAX_SEGMENTS), "{segments:?}");
        // Past the limit the later segments became one, the first kept.
        assert!(
            segments
                .windows(2)
                .any(|w| w[0] == MAX_SEGMENTS && w[1] == 2),
            "{segments:?}"
        );
        // Nothing left behind: the catalog, one list of files, the segments.
        let files = std::fs::read_dir(dir.path().join(INDEX_DIR))
            .unwrap()
            .count();
        assert_eq!(files, 2 + segments.last().unwrap());
        let memory = in_memory(dir.path())
            .search(
                "such laws and measures",
                Mode::Exact,
                &Filters::default(),
                100,
            )
            .unwrap();
        let indexed = through_index(
            dir.path(),
            "such laws and measures",
            Mode::Exact,
            &Filters::default(),
        );
        assert_eq!(indexed.len(), 2 + MAX_SEGMENTS + 2);
        assert_eq!(sources(&indexed), sources(&memory));
    }

    #[test]
    fn a_file_changed_twice_leaves_no_empty_segment_and_stale_documents_are_written_out() {
        let dir = record_dir();
        // Enough documents that one stale one is not a quarter.
        for session in 0..5 {
            write(
                dir.path(),
                &format!("more/{session}.md"),
                60 + session,
                &[RECALLING],
                &[],
            );
        }
        update(dir.path(), Revisions::Accept, &none).unwrap();
        write(dir.path(), "csto/80.md", 80, &[], &[REQUESTS]);
        assert_eq!(
            update(dir.path(), Revisions::Accept, &none)
                .unwrap()
                .segments,
            2
        );
        write(dir.path(), "csto/80.md", 80, &[], &[URGES]);
        let again = update(dir.path(), Revisions::Accept, &none).unwrap();
        // The second run's segment held only that file: dropped, without
        // writing the first one again.
        assert_eq!((again.segments, again.compacted, again.read), (2, false, 1));
        let found = exact(dir.path(), "laws and measures");
        // (80.md, read again, now stands after the first segment's.)
        assert_eq!(
            found,
            ["75.md<other OP2", "80.md<csto OP1", "73.md<csto OP1"]
        );
        // A quarter of the documents gone: all written into one segment.
        std::fs::remove_file(dir.path().join("other/75.md")).unwrap();
        std::fs::remove_dir_all(dir.path().join("more")).unwrap();
        let out = update(dir.path(), Revisions::Accept, &none).unwrap();
        assert_eq!((out.segments, out.compacted, out.documents), (1, true, 2));
        let found = exact(dir.path(), "laws and measures");
        assert_eq!(found, ["80.md<csto OP1", "73.md<csto OP1"]);
    }

    #[test]
    fn a_damaged_index_is_an_error_and_an_old_one_is_made_again() {
        let dir = record_dir();
        update(dir.path(), Revisions::Accept, &none).unwrap();
        let index_dir = dir.path().join(INDEX_DIR);
        let segment = std::fs::read_dir(&index_dir)
            .unwrap()
            .flatten()
            .find(|e| e.file_name().to_string_lossy().ends_with(".rdx"))
            .unwrap()
            .path();
        let bytes = std::fs::read(&segment).unwrap();
        std::fs::write(&segment, &bytes[..bytes.len() - 9]).unwrap();
        let e = Index::open(dir.path()).unwrap_err();
        assert!(e.message.contains("damaged"), "{e}");
        std::fs::write(&segment, &bytes).unwrap();
        // Bytes of the tables and the postings wrong in turn: an error or
        // an answer, never a panic.
        for at in (bytes.len() / 3..bytes.len()).step_by(13) {
            let mut broken = bytes.clone();
            broken[at] ^= 0xa5;
            std::fs::write(&segment, &broken).unwrap();
            if let Ok(Some(mut index)) = Index::open(dir.path()) {
                let _ = index.refresh();
                let _ = search(
                    &[Holding::Indexed(index)],
                    "laws and measures",
                    Mode::Near,
                    &Filters::default(),
                    10,
                );
            }
        }
        std::fs::write(&segment, &bytes).unwrap();
        // A catalog of another version: not read, made again.
        let catalog = index_dir.join(CATALOG);
        let text = std::fs::read_to_string(&catalog).unwrap();
        std::fs::write(&catalog, text.replace(MADE_BY, "resdiff 0.0.1")).unwrap();
        assert!(Index::open(dir.path()).unwrap().is_none());
        let made = update(dir.path(), Revisions::Accept, &none).unwrap();
        assert_eq!(
            made.rebuilt.as_deref(),
            Some("it was made by resdiff 0.0.1")
        );
        assert_eq!((made.read, made.documents), (3, 3));
        // An older layout by the same version: made again, saying why.
        let text = std::fs::read_to_string(&catalog).unwrap();
        let format = format!("\"format\":{FORMAT}");
        assert!(text.contains(&format), "{text}");
        std::fs::write(&catalog, text.replace(&format, "\"format\":1")).unwrap();
        let made = update(dir.path(), Revisions::Accept, &none).unwrap();
        assert_eq!(
            made.rebuilt,
            Some(format!(
                "it is in format 1, and this version reads format {FORMAT}"
            ))
        );
        // Word documents read the other way: made again, saying why.
        let other = update(dir.path(), Revisions::Reject, &none).unwrap();
        assert_eq!(
            other.rebuilt.as_deref(),
            Some("it read Word documents' tracked changes as accepted")
        );
        assert_eq!(other.read, 3);
        let index = Index::open(dir.path()).unwrap().unwrap();
        assert_eq!(index.revisions(), Revisions::Reject);
        // A catalog that is not JSON: made again, saying why.
        std::fs::write(&catalog, "{not json").unwrap();
        assert!(
            Index::open(dir.path())
                .unwrap_err()
                .message
                .contains("damaged")
        );
        let made = update(dir.path(), Revisions::Accept, &none).unwrap();
        assert!(made.rebuilt.is_some_and(|why| why.contains("damaged")));
        assert_eq!(std::fs::read_dir(&index_dir).unwrap().count(), 3);
    }
}
