//! `resdiff compare`: two versions, or every resolution changed since a git
//! revision, into one report; exit codes as `git diff` has them.

use std::path::{Path, PathBuf};

use super::args::{AcceptKind, ColorChoice, CompareArgs, CompareFormat, FailOn, HideKind};
use super::policy;
use super::{Context, EXIT_DIFFERENT, EXIT_OK, emit, views};
use resdiff::comparison::Comparison;
use resdiff::diff::compare;
use resdiff::error::{Error, Result};
use resdiff::{render, review};

pub(super) fn run(ctx: &Context, args: CompareArgs) -> Result<u8> {
    // The files read, which the report may not replace.
    let mut inputs: Vec<PathBuf> = Vec::new();
    let comparisons = match &args.git {
        Some(rev) => {
            let cwd = std::env::current_dir()
                .map_err(|e| Error::new(format!("cannot read the current directory: {e}")))?;
            let review = review::changed_since(&cwd, rev)?;
            for note in &review.notes {
                ctx.say(&format!("note: {note}"));
            }
            if args.format() != CompareFormat::Text || args.output.is_some() {
                for w in review.comparisons.iter().flat_map(|c| &c.warnings) {
                    ctx.say(&format!("warning: {w}"));
                }
            }
            review.comparisons
        }
        None => {
            let (old, new) = match (&args.old, &args.new) {
                (Some(old), Some(new)) => {
                    if old == "-" && new == "-" {
                        return Err(Error::new(
                            "only one of the two versions can be `-` (standard input)",
                        ));
                    }
                    load_both(ctx, old, new, args.series.as_deref())?
                }
                // One Word document: what its tracked changes do, its text
                // with them rejected against its text with them accepted.
                (Some(one), None) if is_word_file(one) => (
                    ctx.load_as(one, None, resdiff::parse::docx::Revisions::Reject)?,
                    ctx.load_as(one, None, resdiff::parse::docx::Revisions::Accept)?,
                ),
                _ => {
                    return Err(Error::new(
                        "compare needs two versions (`resdiff compare 75 77`), one Word document with tracked changes, or --git REV",
                    ));
                }
            };
            ctx.warn(&old.label, &old.warnings);
            ctx.warn(&new.label, &new.warnings);
            resdiff::diff::one_language(&[
                (&old.label, &old.resolution),
                (&new.label, &new.resolution),
            ])?;
            inputs.extend([old.path.clone(), new.path.clone()]);
            let mut c = compare(&old.resolution, &new.resolution);
            // The terminal view shows the engine's warnings itself; other
            // formats go to files or scripts, so say them on stderr too.
            if args.format() != CompareFormat::Text || args.output.is_some() {
                for w in &c.warnings {
                    ctx.say(&format!("warning: {w}"));
                }
            }
            // What reading each version was unsure of belongs to the report
            // too (stderr had it above, within -q and -v).
            for version in [&old, &new] {
                c.warnings.extend(
                    version
                        .warnings
                        .iter()
                        .map(|w| super::located(&version.report_label(), w)),
                );
            }
            vec![c]
        }
    };
    let inputs: Vec<&Path> = inputs.iter().map(PathBuf::as_path).collect();
    if args.format() == CompareFormat::Docx {
        let [c] = comparisons.as_slice() else {
            return Err(Error::new(
                "--format docx makes one redline of two versions; --git found several (or none): compare them one by one",
            ));
        };
        let to_terminal = std::io::IsTerminal::is_terminal(&std::io::stdout());
        if to_terminal && args.output.as_deref().is_none_or(|o| o == Path::new("-")) {
            return Err(Error::new(
                "a Word redline is a file: give -o FILE.docx (or redirect standard output)",
            ));
        }
        let options = render::DocxOptions {
            author: args.author.clone(),
            accept_routine: args.accept.contains(&AcceptKind::Routine),
            comments: !args.no_comments,
            track_changes: false,
            ui: ctx.ui,
        };
        let bytes = render::docx(c, &options)?;
        if let Some(written) = emit(args.output.as_deref(), &bytes, &inputs)? {
            ctx.say(&format!(
                "wrote {}: {}",
                written.display(),
                views::comparison_counts(&comparisons)
            ));
        }
        return Ok(exit_code(&comparisons, args.exit_code, &args.fail_on));
    }
    let color = use_color(args.color, args.output.is_some());
    let hide = HideKind::all(&args.hide);
    let mut report = render_all(
        &comparisons,
        args.git.is_some(),
        args.format(),
        color,
        render::Options { hide, ui: ctx.ui },
    )?;
    // A terminal gets lines that fit it; files and pipes get one line per
    // paragraph, which diffs and greps better.
    if args.format() == CompareFormat::Text
        && args.output.is_none()
        && std::io::IsTerminal::is_terminal(&std::io::stdout())
    {
        report = render::wrap(&report, textwrap::termwidth());
    }
    if let Some(written) = emit(args.output.as_deref(), &report, &inputs)? {
        ctx.say(&format!(
            "wrote {}: {}",
            written.display(),
            views::comparison_counts(&comparisons)
        ));
    }
    let code = exit_code(&comparisons, args.exit_code, &args.fail_on);
    leave_to_exit((comparisons, report));
    Ok(code)
}

/// Leaves `value` for the process's exit to free: the command is done
/// with it, and freeing a large comparison piece by piece (millions of
/// allocations at 20,000 paragraphs) costs some per cent of the run for
/// memory the system takes back at once. Only at the end: the versions
/// read are freed before the report is rendered, which keeps the peak
/// lower.
fn leave_to_exit<T>(value: T) {
    std::mem::forget(value);
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

/// Colour only for a terminal that has not asked for none: `NO_COLOR`,
/// `CLICOLOR=0`, `CLICOLOR_FORCE` and `TERM=dumb` as anstream reads them.
fn use_color(choice: ColorChoice, to_file: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            !to_file
                && anstream::AutoStream::choice(&std::io::stdout()) != anstream::ColorChoice::Never
        }
    }
}

/// Files together larger than this are read on two threads: reading is a
/// third of a comparison. Below it (every real resolution, tens of KB) a
/// second thread costs more than it saves: measured on a 46 KB pair, the
/// thread and its page faults ate the whole gain.
const READ_IN_PARALLEL_BYTES: u64 = 512 * 1024;

/// Both versions, read one after the other or, when they are large files
/// and there is a second core, at once ([`resdiff::work::join`]). Either
/// way the old version's error comes first.
fn load_both(
    ctx: &Context,
    old: &str,
    new: &str,
    series: Option<&str>,
) -> Result<(super::LoadedVersion, super::LoadedVersion)> {
    let size = |spec: &str| std::fs::metadata(spec).map_or(0, |m| m.len());
    let large = size(old) + size(new) >= READ_IN_PARALLEL_BYTES;
    let (old, new) = resdiff::work::join(large, || ctx.load(old, series), || ctx.load(new, series));
    Ok((old?, new?))
}

fn render_all(
    comparisons: &[Comparison],
    many: bool,
    format: CompareFormat,
    color: bool,
    options: render::Options,
) -> Result<String> {
    match (format, comparisons) {
        // Two versions give one object; --git gives an array, even of one.
        (CompareFormat::Json, [one]) if !many => render::json(&options.hide.apply(one)),
        (CompareFormat::Json, _) => render::json_many(comparisons, options),
        (CompareFormat::Html, _) => render::html_many(comparisons, options),
        (CompareFormat::Md, _) => render::markdown_many(comparisons, options),
        (CompareFormat::Text, _) => render::text_many(comparisons, color, options),
        // Written as bytes by `run`, never as text.
        (CompareFormat::Docx, _) => Err(Error::new("a Word redline is not text")),
    }
}

/// A path to a Word document: one that exists and opens like a zip.
fn is_word_file(spec: &str) -> bool {
    let path = Path::new(spec);
    path.is_file()
        && std::fs::File::open(path)
            .and_then(|mut f| {
                let mut magic = [0u8; 4];
                std::io::Read::read_exact(&mut f, &mut magic).map(|()| magic)
            })
            .is_ok_and(|magic| resdiff::parse::docx::is_docx(&magic))
}
