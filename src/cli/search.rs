//! `resdiff search`: the record (the corpus and `--in` directories) read
//! through their index where they have one (`resdiff index`), else into a
//! [`resdiff::search::Record`]; the query from a phrase or a file; the hits
//! rendered.

use std::path::{Path, PathBuf};
use std::time::Instant;

use resdiff::error::{Error, Result};
use resdiff::files::print;
use resdiff::model::{Body, Part};
use resdiff::render::{self, SearchGroup};
use resdiff::search::index::readable_files;
use resdiff::search::{Filters, Holding, Index, Mode, Record, search};

use super::args::{BodyArg, HistoryFormat, PartArg, SearchArgs};
use super::{Context, EXIT_OK, emit};

/// From this many files, a directory searched without an index gets a
/// note that indexing it would make searches fast (reading costs from a
/// tenth of a millisecond a file, Markdown, to tens, a PDF).
const INDEX_HINT: usize = 500;

/// The record as it is read: its holdings, and what the report may not
/// replace: the files read, the directories read through their index.
#[derive(Default)]
struct Reading {
    holdings: Vec<Holding>,
    inputs: Vec<PathBuf>,
    indexed: Vec<PathBuf>,
}

impl Reading {
    /// `dir` read through its index (the files changed since read
    /// directly); false when it has none.
    fn through_index(&mut self, ctx: &Context, dir: &Path) -> Result<bool> {
        let Some((index, changed)) = open_index(ctx, dir)? else {
            return Ok(false);
        };
        self.indexed.push(index.root().to_path_buf());
        self.holdings.push(Holding::Indexed(index));
        self.files(ctx, &changed);
        Ok(true)
    }

    /// `files` read into one holding (none if none can be read).
    fn files(&mut self, ctx: &Context, files: &[PathBuf]) {
        let mut record = Record::default();
        for file in files {
            match resdiff::parse::load_file_with(file, None, ctx.revisions) {
                Ok(loaded) => record.add(&loaded.resolution, &file.display().to_string()),
                Err(e) => ctx.say(&format!("warning: skipped {e}")),
            }
            self.inputs.push(file.clone());
        }
        if !record.documents.is_empty() {
            self.holdings.push(Holding::Read(record));
        }
    }
}

pub(super) fn run(ctx: &Context, args: &SearchArgs) -> Result<u8> {
    if args.include_self && args.file.is_none() {
        return Err(Error::new(
            "--include-self goes with --file: a phrase has no document of its own",
        ));
    }
    let mut reading = Reading::default();
    // The corpus when there is one; --in directories on top. A directory
    // with an index is read through it.
    match ctx.corpus_root() {
        Ok(root) => {
            if !reading.through_index(ctx, &root)? {
                let mut record = Record::default();
                for entry in &ctx.corpus()?.entries {
                    record.add(&entry.resolution, &entry.path.display().to_string());
                    reading.inputs.push(entry.path.clone());
                }
                reading.holdings.push(Holding::Read(record));
            }
        }
        Err(e) if args.dirs.is_empty() => return Err(e),
        Err(_) => {}
    }
    for dir in &args.dirs {
        if !dir.is_dir() {
            return Err(Error::in_file(dir, "no such directory to search"));
        }
        if !reading.through_index(ctx, dir)? {
            let files: Vec<PathBuf> = readable_files(dir)?.into_iter().map(|(_, p)| p).collect();
            if files.len() >= INDEX_HINT {
                ctx.say(&format!(
                    "note: reading {} files of {}; `resdiff index {}` once makes every search of it take milliseconds",
                    files.len(),
                    dir.display(),
                    dir.display()
                ));
            }
            reading.files(ctx, &files);
        }
    }
    let Reading {
        holdings,
        mut inputs,
        indexed,
    } = reading;
    // The query's own document, left out of its hits unless asked.
    let mut own_symbol: Option<String> = None;
    let queries: Vec<(Option<String>, String)> = match (&args.phrase, &args.file) {
        (Some(phrase), None) if !phrase.chars().any(char::is_alphanumeric) => {
            return Err(Error::new(format!(
                "the phrase {phrase:?} has no words to search for"
            )));
        }
        (Some(phrase), None) => vec![(None, phrase.clone())],
        (None, Some(file)) => {
            inputs.push(file.clone());
            let (symbol, paragraphs) = paragraphs_of(ctx, file, args.paragraph.as_deref())?;
            own_symbol = symbol;
            paragraphs
        }
        _ => {
            return Err(Error::new(
                "search needs a phrase (`resdiff search \"laws and measures\"`) or --file FILE",
            ));
        }
    };
    let filters = Filters {
        body: args.body.map(|b| match b {
            BodyArg::Ga => Body::GeneralAssembly,
            BodyArg::Sc => Body::SecurityCouncil,
        }),
        since: args.since,
        until: args.until,
        part: args.part.map(|p| match p {
            PartArg::Preamble => Part::Preamble,
            PartArg::Operative => Part::Operative,
            PartArg::Annex => Part::Annex,
        }),
        adopted: args.adopted,
        exclude_symbol: own_symbol.filter(|_| !args.include_self),
        exclude_source: args.file.clone().filter(|_| !args.include_self),
    };
    let mode = if args.near { Mode::Near } else { Mode::Exact };
    let groups: Vec<SearchGroup> = queries
        .into_iter()
        .map(|(label, query)| -> Result<SearchGroup> {
            Ok(SearchGroup {
                hits: search(&holdings, &query, mode, &filters, args.limit)?,
                label,
                query,
            })
        })
        .collect::<Result<_>>()?;
    let report = match args.format {
        HistoryFormat::Text => render::search_text(&groups)?,
        HistoryFormat::Md => render::search_markdown(&groups)?,
        HistoryFormat::Html => render::search_html(&groups)?,
        HistoryFormat::Json => render::search_json(&groups)?,
    };
    if let Some(output) = &args.output {
        refuse_indexed(output, &indexed)?;
    }
    let inputs: Vec<&Path> = inputs.iter().map(|p| p.as_path()).collect();
    if let Some(written) = emit(args.output.as_deref(), report, &inputs)? {
        let hits: usize = groups.iter().map(|g| g.hits.len()).sum();
        ctx.say(&format!(
            "wrote {}: {hits} paragraphs found",
            written.display()
        ));
    }
    Ok(EXIT_OK)
}

/// A query: its label (a paragraph's, for `--file`) and its text.
type Query = (Option<String>, String);

/// The queries of `--file`: each paragraph (labelled), or the one named;
/// and the file's symbol, if it has one.
fn paragraphs_of(
    ctx: &Context,
    file: &Path,
    only: Option<&str>,
) -> Result<(Option<String>, Vec<Query>)> {
    let loaded = resdiff::parse::load_file_with(file, None, ctx.revisions)?;
    let mut one = Record::default();
    one.add(&loaded.resolution, "");
    let all: Vec<(Option<String>, String)> = one
        .entries
        .iter()
        .map(|e| (Some(e.label.clone()), e.text.clone()))
        .collect();
    let symbol = loaded.resolution.meta.symbol.clone();
    match only {
        None => Ok((symbol, all)),
        Some(label) => {
            let found: Vec<_> = all
                .into_iter()
                .filter(|(l, _)| l.as_deref().is_some_and(|l| l.eq_ignore_ascii_case(label)))
                .collect();
            if found.is_empty() {
                let labels: Vec<String> = one.entries.iter().map(|e| e.label.clone()).collect();
                return Err(Error::in_file(
                    file,
                    format!("has no paragraph {label}; it has {}", labels.join(", ")),
                ));
            }
            Ok((symbol, found))
        }
    }
}

/// The index of `dir`, checked against its files, with the files changed
/// since (to read directly); `None` when it has none. An index that cannot
/// be read is a warning: the files are read instead.
fn open_index(ctx: &Context, dir: &Path) -> Result<Option<(Index, Vec<PathBuf>)>> {
    let mut index = match Index::open(dir) {
        Ok(Some(index)) => index,
        Ok(None) => return Ok(None),
        Err(e) => {
            ctx.say(&format!("warning: {e}; reading the files instead"));
            return Ok(None);
        }
    };
    if index.revisions() != ctx.revisions {
        ctx.say(&format!(
            "warning: the index of {} was made with the other --revisions; reading the files instead",
            dir.display()
        ));
        return Ok(None);
    }
    let refresh = index.refresh()?;
    for failed in &refresh.failed {
        ctx.say(&format!("warning: skipped {failed}"));
    }
    if !refresh.changed.is_empty() || refresh.removed > 0 {
        ctx.say(&format!(
            "warning: the index of {} is out of date ({} new or changed, {} removed): read directly; `resdiff index {}` brings it up to date",
            dir.display(),
            files(refresh.changed.len()),
            files(refresh.removed),
            dir.display()
        ));
    }
    Ok(Some((index, refresh.changed)))
}

/// "1 file", "3 files".
fn files(n: usize) -> String {
    format!("{n} {}", if n == 1 { "file" } else { "files" })
}

/// `resdiff index`: each directory's index brought up to date, with a
/// progress bar on a terminal and a line of what was done.
pub(super) fn index(ctx: &Context, dirs: &[PathBuf]) -> Result<u8> {
    let dirs = if dirs.is_empty() {
        vec![ctx.corpus_root()?]
    } else {
        dirs.to_vec()
    };
    for dir in &dirs {
        let started = Instant::now();
        let bar = if ctx.is_quiet() {
            indicatif::ProgressBar::hidden()
        } else {
            indicatif::ProgressBar::no_length()
        };
        // A line while the files are listed, a bar once they are counted.
        if let Ok(style) = indicatif::ProgressStyle::with_template("{msg}: listing the files") {
            bar.set_style(style);
        }
        bar.set_message(format!("indexing {}", dir.display()));
        bar.tick();
        let counted = indicatif::ProgressStyle::with_template(
            "{msg} [{bar:30}] {pos}/{len} files read, {elapsed}, {eta} left",
        )
        .map(|style| style.progress_chars("=> "));
        let update = resdiff::search::index::update(dir, ctx.revisions, &|done, total| {
            if bar.length().is_none() {
                if let Ok(style) = &counted {
                    bar.set_style(style.clone());
                }
                bar.set_length(total as u64);
            }
            bar.set_position(done as u64);
        });
        bar.finish_and_clear();
        let update = update?;
        for failed in &update.failed {
            ctx.say(&format!("warning: skipped {failed}"));
        }
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        print(format!(
            "indexed {}: {}, {} ({} read, {} unchanged, {} removed); {}, {}{}{} in {:.2} s\n",
            dir.display(),
            plural(update.documents, "document", "documents"),
            plural(update.paragraphs, "paragraph", "paragraphs"),
            update.read,
            update.unchanged,
            update.removed,
            plural(update.segments, "segment", "segments"),
            size(update.bytes),
            if update.compacted { ", compacted" } else { "" },
            update
                .rebuilt
                .as_ref()
                .map(|why| format!(", made again ({why})"))
                .unwrap_or_default(),
            started.elapsed().as_secs_f64(),
        ))?;
    }
    Ok(EXIT_OK)
}

/// Bytes as a person reads them: `840 B`, `12.5 KB`, `412.0 MB`.
fn size(bytes: u64) -> String {
    match bytes {
        b if b < 1000 => format!("{b} B"),
        b if b < 1_000_000 => format!("{:.1} KB", b as f64 / 1e3),
        b if b < 1_000_000_000 => format!("{:.1} MB", b as f64 / 1e6),
        b => format!("{:.1} GB", b as f64 / 1e9),
    }
}

/// An existing readable file under a directory searched through its index
/// is one the search read: the report may not replace it.
fn refuse_indexed(output: &Path, indexed: &[PathBuf]) -> Result<()> {
    let Ok(real) = std::fs::canonicalize(output) else {
        return Ok(());
    };
    let read = resdiff::parse::is_readable(&real)
        && indexed.iter().any(|dir| {
            std::fs::canonicalize(dir).is_ok_and(|dir| {
                real.strip_prefix(&dir).is_ok_and(|rest| {
                    !rest
                        .components()
                        .any(|c| c.as_os_str().to_string_lossy().starts_with('.'))
                })
            })
        });
    if read {
        return Err(Error::in_file(
            output,
            "is one of the files this command reads: write the output elsewhere",
        ));
    }
    Ok(())
}
