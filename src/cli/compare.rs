//! `resdiff compare`: two versions, or every resolution changed since a git
//! revision, into one report; exit codes as `git diff` has them.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use super::args::{ColorChoice, CompareArgs, CompareFormat, FailOn};
use super::policy;
use super::{Context, EXIT_DIFFERENT, EXIT_OK, emit, views};
use crate::canonical;
use crate::comparison::Comparison;
use crate::corpus::CORPUS_DIR;
use crate::diff::compare;
use crate::error::{Error, Result};
use crate::git::{self, ChangeKind};
use crate::model::Resolution;
use crate::render;

pub(super) fn run(ctx: &Context, args: CompareArgs) -> Result<u8> {
    // The files read, which the report may not replace.
    let mut inputs: Vec<PathBuf> = Vec::new();
    let comparisons = match &args.git {
        Some(rev) => against_revision(rev)?,
        None => {
            let (Some(old), Some(new)) = (&args.old, &args.new) else {
                return Err(Error::new(
                    "compare needs two versions (`resdiff compare 75 77`) or --git REV",
                ));
            };
            if old == "-" && new == "-" {
                return Err(Error::new(
                    "only one of the two versions can be `-` (standard input)",
                ));
            }
            let old = ctx.load(old, args.series.as_deref())?;
            ctx.warn(&old.label, &old.warnings);
            let new = ctx.load(new, args.series.as_deref())?;
            ctx.warn(&new.label, &new.warnings);
            inputs.extend([old.path.clone(), new.path.clone()]);
            vec![compare(&old.resolution, &new.resolution)]
        }
    };
    // The terminal view shows warnings itself; other formats go to files
    // or scripts, so say them on stderr too.
    if args.format != CompareFormat::Text || args.output.is_some() {
        for w in comparisons.iter().flat_map(|c| &c.warnings) {
            ctx.say(&format!("warning: {w}"));
        }
    }
    let color = use_color(args.color, args.output.is_some());
    let report = render_all(&comparisons, args.git.is_some(), args.format, color)?;
    let inputs: Vec<&Path> = inputs.iter().map(PathBuf::as_path).collect();
    if let Some(written) = emit(args.output.as_deref(), &report, &inputs)? {
        ctx.say(&format!(
            "wrote {}: {}",
            written.display(),
            views::comparison_counts(&comparisons)
        ));
    }
    Ok(exit_code(&comparisons, args.exit_code, &args.fail_on))
}

/// 1 when `--exit-code` and anything differs, or when a `--fail-on` policy
/// trips; the tripped policies are named on stderr.
fn exit_code(comparisons: &[Comparison], exit_code: bool, fail_on: &[FailOn]) -> u8 {
    let differs = comparisons.iter().any(|c| c.summary.has_changes());
    let mut tripped: Vec<FailOn> = comparisons
        .iter()
        .flat_map(|c| policy::tripped(fail_on, c))
        .collect();
    tripped.sort();
    tripped.dedup();
    if !tripped.is_empty() {
        let names: Vec<String> = tripped
            .iter()
            .map(|p| format!("{p:?}").to_lowercase())
            .collect();
        eprintln!("resdiff: --fail-on {}: matched", names.join(","));
        return EXIT_DIFFERENT;
    }
    if exit_code && differs {
        EXIT_DIFFERENT
    } else {
        EXIT_OK
    }
}

/// Colour only for a terminal that has not asked for none.
fn use_color(choice: ColorChoice, to_file: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            !to_file
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stdout().is_terminal()
        }
    }
}

fn render_all(
    comparisons: &[Comparison],
    many: bool,
    format: CompareFormat,
    color: bool,
) -> Result<String> {
    match (format, comparisons) {
        // Two versions give one object; --git gives an array, even of one.
        (CompareFormat::Json, [one]) if !many => render::json(one),
        (CompareFormat::Json, _) => render::json_many(comparisons),
        (CompareFormat::Html, _) => render::html_many(comparisons),
        (CompareFormat::Md, _) => render::markdown_many(comparisons),
        (CompareFormat::Text, _) => render::text_many(comparisons, color),
    }
}

/// Every resolution file changed since `rev`: modified files against their
/// old text, new version files against the previous version of their series
/// at `rev`.
fn against_revision(rev: &str) -> Result<Vec<Comparison>> {
    let cwd = std::env::current_dir()
        .map_err(|e| Error::new(format!("cannot read the current directory: {e}")))?;
    let root = git::repo_root(&cwd)?;
    let commit = git::resolve_rev(&root, rev)?;
    let changed = git::changed_files(&root, &commit, CORPUS_DIR)?;
    let mut comparisons = Vec::new();
    for file in changed
        .iter()
        .filter(|f| f.path.extension().is_some_and(|e| e == "md"))
    {
        let shown = file.path.display();
        match file.kind {
            ChangeKind::Deleted => eprintln!("note: {shown} was deleted since {rev}"),
            ChangeKind::Modified => {
                let old_text = git::show_file(&root, &commit, &file.path)?;
                let old = canonical::read(&old_text, &PathBuf::from(format!("{rev}:{shown}")))?;
                let new = read_working(&root, &file.path)?;
                comparisons.push(compare(&old, &new));
            }
            ChangeKind::Added => {
                let new = read_working(&root, &file.path)?;
                match predecessor(&root, &commit, rev, &new)? {
                    Some(old) => comparisons.push(compare(&old, &new)),
                    None => eprintln!(
                        "note: {shown} is new and has no earlier version in its series at {rev}"
                    ),
                }
            }
        }
    }
    if comparisons.is_empty() {
        eprintln!("note: no resolution in {CORPUS_DIR}/ changed since {rev}");
    }
    Ok(comparisons)
}

fn read_working(root: &Path, path: &Path) -> Result<Resolution> {
    let full = root.join(path);
    canonical::read(&crate::corpus::read_text(&full)?, &full)
}

/// The latest version of `new`'s series at the revision that comes before it.
fn predecessor(
    root: &Path,
    commit: &str,
    rev: &str,
    new: &Resolution,
) -> Result<Option<Resolution>> {
    let Some(version) = new.meta.version() else {
        return Ok(None);
    };
    let dir = format!("{CORPUS_DIR}/{}", new.meta.series);
    let mut best: Option<(u32, Resolution)> = None;
    for path in git::files_at(root, commit, &dir)? {
        if path.extension().is_none_or(|e| e != "md") {
            continue;
        }
        let text = git::show_file(root, commit, &path)?;
        let old = canonical::read(&text, &PathBuf::from(format!("{rev}:{}", path.display())))?;
        if let Some(v) = old.meta.version().filter(|&v| v < version)
            && best.as_ref().is_none_or(|(b, _)| v > *b)
        {
            best = Some((v, old));
        }
    }
    Ok(best.map(|(_, r)| r))
}
