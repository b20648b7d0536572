//! The commands behind the `resdiff` binary: raw arguments in, validated
//! work out, an exit code back. The binary itself only maps errors to
//! [`EXIT_ERROR`].

pub mod args;
mod compare;
mod policy;
mod views;

use std::path::{Path, PathBuf};

use clap::CommandFactory;

use resdiff::canonical;
use resdiff::corpus::{self, Corpus};
use resdiff::draft;
use resdiff::error::{Error, Result};
use resdiff::files::{self, print, write_file};
use resdiff::model::{Body, Meta, Resolution, Status};
use resdiff::parse::{self, Loaded, Warning};

pub use args::Args;
use args::{BodyArg, Command, ListFormat, MetaArgs, ShowFormat, StatusArg};

/// The command did its job (and, for compare, found no difference that
/// matters).
pub const EXIT_OK: u8 = 0;
/// `compare --exit-code` or `--fail-on`: the versions differ.
pub const EXIT_DIFFERENT: u8 = 1;
/// Bad input, a missing file, an unwritable output: nothing was done.
pub const EXIT_ERROR: u8 = 2;

/// Runs one command; the `u8` is the exit code.
pub fn run(args: Args) -> Result<u8> {
    let ctx = Context {
        corpus_arg: args.corpus.clone(),
        skipped: std::cell::RefCell::new(Vec::new()),
        verbosity: match (args.quiet, args.verbose) {
            (true, _) => Verbosity::Quiet,
            (_, true) => Verbosity::Verbose,
            _ => Verbosity::Normal,
        },
    };
    let done = command(args, &ctx);
    // Files of the corpus that could not be read are worth a word only when
    // the work went on without them; a command that needed one says so.
    if done.is_ok() {
        for warning in ctx.skipped.borrow().iter() {
            ctx.say(&format!("warning: skipped {warning}"));
        }
    }
    done
}

fn command(args: Args, ctx: &Context) -> Result<u8> {
    match args.command {
        Command::List { format } => {
            let corpus = ctx.corpus()?;
            match format {
                ListFormat::Text => print(&views::list_text(&corpus)?)?,
                ListFormat::Json => print(&to_json(&views::listing(&corpus))?)?,
            }
            Ok(EXIT_OK)
        }
        Command::Show {
            version,
            series,
            format,
        } => {
            let loaded = ctx.load(&version, series.as_deref())?;
            ctx.warn(&loaded.label, &loaded.warnings);
            let r = &loaded.resolution;
            print(&match format {
                ShowFormat::Text => views::structure(r)?,
                ShowFormat::Json => to_json(r)?,
                ShowFormat::Md => canonical::write(r)?,
            })?;
            Ok(EXIT_OK)
        }
        Command::Import { file, output, meta } => {
            let from_stdin = file == Path::new(STDIN);
            let file = if from_stdin {
                PathBuf::from(STDIN_NAME)
            } else {
                file
            };
            let meta = import_meta(&file, &meta)?;
            let loaded = if from_stdin {
                parse::load_bytes(&file, files::read_stdin()?, Some(meta))?
            } else {
                parse::load_file(&file, Some(meta))?
            };
            ctx.warn(&file.display().to_string(), &loaded.warnings);
            let text = canonical::write(&loaded.resolution)?;
            if let Some(written) = emit(output.as_deref(), &text, &[&file])? {
                ctx.say(&format!(
                    "wrote {}: {}",
                    written.display(),
                    views::counts(&loaded.resolution)
                ));
            }
            Ok(EXIT_OK)
        }
        Command::Draft {
            version,
            from,
            series,
            output,
            force,
        } => {
            let base = ctx.load(&from, series.as_deref())?;
            ctx.warn(&base.label, &base.warnings);
            let (drafted, updates) = draft::draft(&base.resolution, version, &base.label)?;
            let text = canonical::write(&drafted)?;
            let target = match output {
                Some(path) => path,
                None => {
                    let root = ctx.corpus_root()?;
                    root.join(&drafted.meta.series)
                        .join(format!("{version}.md"))
                }
            };
            if target != Path::new("-") && target.exists() && !force {
                return Err(Error::in_file(
                    &target,
                    "already exists: pass --force to replace it, or -o to write elsewhere",
                ));
            }
            emit(Some(&target), &text, &[&base.path])?;
            ctx.say(&draft_summary(&base.label, version, &target, &updates));
            Ok(EXIT_OK)
        }
        Command::Compare(args) => compare::run(ctx, args),
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Args::command(), "resdiff", &mut script);
            print(&String::from_utf8_lossy(&script))?;
            Ok(EXIT_OK)
        }
        Command::Man => {
            let mut page = Vec::new();
            clap_mangen::Man::new(Args::command())
                .render(&mut page)
                .map_err(|e| Error::new(format!("cannot write the manual page: {e}")))?;
            print(&String::from_utf8_lossy(&page))?;
            Ok(EXIT_OK)
        }
    }
}

/// What every command needs to find versions and talk to the user.
struct Context {
    corpus_arg: Option<PathBuf>,
    /// The corpus files that could not be read, as their errors.
    skipped: std::cell::RefCell<Vec<String>>,
    verbosity: Verbosity,
}

/// How much goes to standard error besides errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verbosity {
    /// Nothing (`-q`).
    Quiet,
    /// Notes, confirmations and the first [`WARNINGS_SHOWN`] warnings of
    /// each file.
    Normal,
    /// Every warning (`-v`).
    Verbose,
}

/// The VERSION or FILE that means standard input.
const STDIN: &str = "-";
/// How standard input is named in messages and reports.
const STDIN_NAME: &str = "<stdin>";

/// Warnings shown per file without `-v`: enough to see what is wrong, few
/// enough that a badly broken file does not bury the terminal.
const WARNINGS_SHOWN: usize = 20;

/// A resolution loaded from a VERSION argument.
struct LoadedVersion {
    resolution: Resolution,
    warnings: Vec<Warning>,
    /// How to name it to the user: "csto 75 (A/75/L.78)" or the path.
    label: String,
    /// The file it was read from, which no output may replace.
    path: PathBuf,
}

impl Context {
    /// A note or confirmation on standard error, unless `-q`.
    fn say(&self, message: &str) {
        if self.verbosity != Verbosity::Quiet {
            eprintln!("{message}");
        }
    }

    /// The importer's warnings about the file `label` names.
    fn warn(&self, label: &str, warnings: &[Warning]) {
        let shown = match self.verbosity {
            Verbosity::Quiet => 0,
            Verbosity::Normal => WARNINGS_SHOWN,
            Verbosity::Verbose => usize::MAX,
        };
        for w in warnings.iter().take(shown) {
            let message = views::printable(&w.message);
            match w.line {
                // About the whole text, or placed by page (a PDF's warnings).
                0 => eprintln!("warning: {label}: {message}"),
                line => eprintln!("warning: {label}:{line}: {message}"),
            }
        }
        if self.verbosity == Verbosity::Normal && warnings.len() > shown {
            eprintln!(
                "warning: {label}: {} more warnings (-v shows them all)",
                warnings.len() - shown
            );
        }
    }

    fn corpus_root(&self) -> Result<PathBuf> {
        if let Some(dir) = &self.corpus_arg {
            if !dir.is_dir() {
                return Err(Error::in_file(dir, "no such corpus directory"));
            }
            return Ok(dir.clone());
        }
        let cwd = std::env::current_dir()
            .map_err(|e| Error::new(format!("cannot read the current directory: {e}")))?;
        corpus::find_root(&cwd).ok_or_else(|| {
            Error::new(format!(
                "no `{}` directory here or in any parent: run resdiff in a checkout, pass --corpus DIR, or give file paths",
                corpus::CORPUS_DIR
            ))
        })
    }

    /// The corpus; a file in it that cannot be read is named in a warning,
    /// and only a command that needs it fails.
    fn corpus(&self) -> Result<Corpus> {
        let corpus = corpus::discover(&self.corpus_root()?)?;
        let mut skipped = self.skipped.borrow_mut();
        for broken in &corpus.broken {
            let error = broken.error.to_string();
            if !skipped.contains(&error) {
                skipped.push(error);
            }
        }
        Ok(corpus)
    }

    /// A session, year or symbol from the corpus, or a path.
    fn load(&self, spec: &str, series: Option<&str>) -> Result<LoadedVersion> {
        if spec == STDIN {
            let Loaded {
                resolution,
                warnings,
            } = parse::load_bytes(Path::new(STDIN_NAME), files::read_stdin()?, None)?;
            return Ok(LoadedVersion {
                resolution,
                warnings,
                label: STDIN_NAME.to_string(),
                path: PathBuf::new(),
            });
        }
        let path = Path::new(spec);
        // A path that exists is read as a file: a directory or a FIFO then
        // gets an error that says what it is.
        if path.is_file() || (looks_like_path(spec) && path.exists()) {
            let Loaded {
                resolution,
                warnings,
            } = parse::load_file(path, None)?;
            return Ok(LoadedVersion {
                resolution,
                warnings,
                label: spec.to_string(),
                path: path.to_path_buf(),
            });
        }
        if looks_like_path(spec) {
            return Err(Error::in_file(path, "no such file"));
        }
        let corpus = self.corpus()?;
        let entry = corpus.find(spec, series)?;
        let label = match &entry.meta().symbol {
            Some(symbol) => format!("{} {} ({symbol})", entry.series, entry.version),
            None => format!("{} {}", entry.series, entry.version),
        };
        Ok(LoadedVersion {
            resolution: entry.resolution.clone(),
            warnings: Vec::new(),
            label,
            path: entry.path.clone(),
        })
    }
}

/// Paths end in a file extension or start like one; symbols (`A/75/L.78`)
/// and sessions (`75`) do not.
fn looks_like_path(spec: &str) -> bool {
    let lower = spec.to_lowercase();
    lower.ends_with(".md")
        || lower.ends_with(".txt")
        || lower.ends_with(".pdf")
        || spec.starts_with("./")
        || spec.starts_with("../")
        || spec.starts_with('/')
        || spec.starts_with('~')
        || spec.contains('\\')
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<String> {
    serde_json::to_string_pretty(value)
        .map(|s| s + "\n")
        .map_err(|e| Error::new(format!("cannot write JSON: {e}")))
}

/// Standard output for `None` or `-`, else the file (see
/// [`resdiff::files::write_file`]), never one of the command's `inputs`.
/// Prints `text` or writes it to `output`; the file written, if one was.
fn emit<'p>(output: Option<&'p Path>, text: &str, inputs: &[&Path]) -> Result<Option<&'p Path>> {
    match output {
        None => print(text).map(|()| None),
        Some(p) if p == Path::new("-") => print(text).map(|()| None),
        Some(p) => write_file(p, text, inputs).map(|()| Some(p)),
    }
}

fn import_meta(file: &Path, args: &MetaArgs) -> Result<Meta> {
    let mut meta = parse::default_meta(file);
    if let Some(series) = &args.series {
        if series.is_empty() || series.contains(['/', '\\']) || series.starts_with('.') {
            return Err(Error::new(format!(
                "--series {series:?}: expected a plain directory name such as `csto`"
            )));
        }
        meta.series = series.clone();
    }
    if let Some(date) = &args.date
        && !resdiff::dates::is_iso_date(date)
    {
        return Err(Error::new(format!(
            "--date {date:?}: expected a real calendar date in the form YYYY-MM-DD, such as 2021-05-11"
        )));
    }
    meta.session = args.session.or(meta.session);
    meta.year = args.year.or(meta.year);
    meta.symbol = args.symbol.clone().or(meta.symbol);
    meta.title = args.title.clone().or(meta.title);
    meta.date = args.date.clone().or(meta.date);
    meta.source = args.source.clone().or(meta.source);
    if let Some(body) = args.body {
        meta.body = match body {
            BodyArg::Ga => Body::GeneralAssembly,
            BodyArg::Sc => Body::SecurityCouncil,
        };
    } else if let Some(symbol) = &meta.symbol {
        if symbol.starts_with("S/") {
            meta.body = Body::SecurityCouncil;
        } else if symbol.starts_with("A/") {
            meta.body = Body::GeneralAssembly;
        }
    }
    if let Some(status) = args.status {
        meta.status = match status {
            StatusArg::Draft => Status::Draft,
            StatusArg::Adopted => Status::Adopted,
        };
    }
    Ok(meta)
}

fn draft_summary(base: &str, version: u32, target: &Path, updates: &[draft::Update]) -> String {
    let mut lines = vec![format!(
        "drafted version {version} from {base} into {}: {} routine update{}",
        if target == Path::new("-") {
            "standard output".to_string()
        } else {
            target.display().to_string()
        },
        updates.len(),
        if updates.len() == 1 { "" } else { "s" }
    )];
    for u in updates {
        let prefix = u.part.prefix();
        lines.push(format!("  {prefix}{}: {} -> {}", u.paragraph, u.old, u.new));
    }
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_and_versions_are_told_apart() {
        for path in ["x.md", "dir/x.TXT", "./a", "../a", "/tmp/a"] {
            assert!(looks_like_path(path), "{path}");
        }
        for version in ["75", "A/75/L.78", "S/2018/95", "A/RES/77/13"] {
            assert!(!looks_like_path(version), "{version}");
        }
    }
}
