//! `resdiff search`: the record (the corpus and `--in` directories) read
//! into [`resdiff::search::Record`], the query from a phrase or a file, the
//! hits rendered.

use std::path::Path;

use resdiff::error::{Error, Result};
use resdiff::model::{Body, Part};
use resdiff::render::{self, SearchGroup};
use resdiff::search::{Filters, Mode, Record};

use super::args::{BodyArg, HistoryFormat, PartArg, SearchArgs};
use super::{Context, EXIT_OK, emit};

/// The extensions of the files resdiff reads, for `--in` directories.
const READABLE: &[&str] = &["md", "txt", "pdf", "docx"];

pub(super) fn run(ctx: &Context, args: &SearchArgs) -> Result<u8> {
    let mut record = Record::default();
    let mut inputs = Vec::new();
    // The corpus when there is one; --in directories on top.
    match ctx.corpus() {
        Ok(corpus) => {
            for entry in &corpus.entries {
                record.add(&entry.resolution, &entry.path.display().to_string());
                inputs.push(entry.path.clone());
            }
        }
        Err(e) if args.dirs.is_empty() => return Err(e),
        Err(_) => {}
    }
    for dir in &args.dirs {
        if !dir.is_dir() {
            return Err(Error::in_file(dir, "no such directory to search"));
        }
        let mut files: Vec<_> = walkdir::WalkDir::new(dir)
            .sort_by_file_name()
            .into_iter()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_type().is_file())
            .map(|e| e.into_path())
            .filter(|p| {
                p.extension()
                    .and_then(|x| x.to_str())
                    .is_some_and(|x| READABLE.contains(&x))
            })
            .collect();
        files.sort();
        for file in files {
            match resdiff::load_file(&file, None) {
                Ok(loaded) => record.add(&loaded.resolution, &file.display().to_string()),
                Err(e) => ctx.say(&format!("warning: skipped {e}")),
            }
            // Read, so never replaced by the report.
            inputs.push(file);
        }
    }
    let queries: Vec<(Option<String>, String)> = match (&args.phrase, &args.file) {
        (Some(phrase), None) if !phrase.chars().any(char::is_alphanumeric) => {
            return Err(Error::new(format!(
                "the phrase {phrase:?} has no words to search for"
            )));
        }
        (Some(phrase), None) => vec![(None, phrase.clone())],
        (None, Some(file)) => {
            inputs.push(file.clone());
            paragraphs_of(file, args.paragraph.as_deref())?
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
    };
    let mode = if args.near { Mode::Near } else { Mode::Exact };
    let groups: Vec<SearchGroup> = queries
        .into_iter()
        .map(|(label, query)| SearchGroup {
            hits: record.search(&query, mode, &filters, args.limit),
            label,
            query,
        })
        .collect();
    let report = match args.format {
        HistoryFormat::Text => render::search_text(&groups)?,
        HistoryFormat::Md => render::search_markdown(&groups)?,
        HistoryFormat::Html => render::search_html(&groups)?,
        HistoryFormat::Json => render::search_json(&groups)?,
    };
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

/// The queries of `--file`: each paragraph (labelled), or the one named.
fn paragraphs_of(file: &Path, only: Option<&str>) -> Result<Vec<(Option<String>, String)>> {
    let loaded = resdiff::load_file(file, None)?;
    let mut one = Record::default();
    one.add(&loaded.resolution, "");
    let all: Vec<(Option<String>, String)> = one
        .entries
        .iter()
        .map(|e| (Some(e.label.clone()), e.text.clone()))
        .collect();
    match only {
        None => Ok(all),
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
            Ok(found)
        }
    }
}
