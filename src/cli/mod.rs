//! The commands behind the `resdiff` binary: raw arguments in, validated
//! work out, an exit code back. The binary itself only maps errors to
//! [`EXIT_ERROR`].

pub mod args;
mod compare;
mod policy;
mod search;
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
use resdiff::render::{self, show};
use resdiff::symbol::Symbol;

pub use args::Args;
use args::{
    BodyArg, Command, DraftFormat, HistoryFormat, ListFormat, MetaArgs, SeriesArgs, ShowFormat,
    StatusArg,
};

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
        revisions: args.revisions.reading(),
        language: args.lang,
        ui: args.ui_lang,
        skipped: std::sync::Mutex::new(Vec::new()),
        verbosity: match (args.quiet, args.verbose) {
            (true, _) => Verbosity::Quiet,
            (_, 0) => Verbosity::Normal,
            (_, 1) => Verbosity::Verbose,
            _ => Verbosity::Trace,
        },
    };
    let done = command(args, &ctx);
    // Files of the corpus that could not be read are worth a word only when
    // the work went on without them; a command that needed one says so.
    if done.is_ok() {
        for warning in ctx.skipped.lock().unwrap_or_else(|e| e.into_inner()).iter() {
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
                ListFormat::Text => print(&show::list_text(&corpus)?)?,
                ListFormat::Json => print(&to_json(&show::listing(&corpus))?)?,
            }
            Ok(EXIT_OK)
        }
        Command::History(series) => history(ctx, &series, false),
        Command::Blame(series) => history(ctx, &series, true),
        Command::Search(search) => self::search::run(ctx, &search),
        Command::Index { dirs } => self::search::index(ctx, &dirs),
        Command::Show {
            version,
            series,
            format,
        } => {
            let loaded = ctx.load(&version, series.as_deref())?;
            ctx.warn(&loaded.label, &loaded.warnings);
            ctx.trace(&loaded.label, &loaded.trace);
            let r = &loaded.resolution;
            print(&match format {
                ShowFormat::Text => show::structure(r, ctx.ui)?,
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
            let reading = ctx.reading(ctx.revisions);
            let loaded = if from_stdin {
                parse::load_bytes_with(&file, files::read_stdin()?, Some(meta), reading)?
            } else {
                parse::load_file_with(&file, Some(meta), reading)?
            };
            ctx.warn(&file.display().to_string(), &loaded.warnings);
            ctx.trace(&file.display().to_string(), &loaded.trace);
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
            format,
            author,
        } => {
            let base = ctx.load(&from, series.as_deref())?;
            ctx.warn(&base.label, &base.warnings);
            // The series as the corpus holds it, for the newest resolution
            // the draft cites as its predecessor; none without a corpus.
            let corpus = ctx.corpus().ok();
            let series: Vec<&Meta> = corpus
                .iter()
                .flat_map(|c| c.entries.iter().map(|e| e.meta()))
                .collect();
            let (mut drafted, updates) =
                draft::draft(&base.resolution, version, &base.label, &series)?;
            // Provenance a reader can rerun: the command that made it.
            drafted.meta.source = Some(format!(
                "Generated by `resdiff draft {version} --from {from}` from {}: the base text with routine session updates. A draft, not an adopted text.",
                base.label
            ));
            let contents = match format {
                DraftFormat::Md => canonical::write(&drafted)?.into_bytes(),
                // The base with the routine updates as tracked changes, and
                // tracking on for the delegate's own edits.
                DraftFormat::Docx => render::docx(
                    &resdiff::compare(&base.resolution, &drafted),
                    &render::DocxOptions {
                        author,
                        comments: false,
                        track_changes: true,
                        ui: ctx.ui,
                        ..render::DocxOptions::default()
                    },
                )?,
            };
            let extension = match format {
                DraftFormat::Md => "md",
                DraftFormat::Docx => "docx",
            };
            let target = match output {
                Some(path) => path,
                None => {
                    let root = ctx.corpus_root()?;
                    root.join(&drafted.meta.series)
                        .join(format!("{version}.{extension}"))
                }
            };
            if format == DraftFormat::Docx
                && target == Path::new("-")
                && std::io::IsTerminal::is_terminal(&std::io::stdout())
            {
                return Err(Error::new(
                    "a Word draft is a file: give -o FILE.docx (or redirect standard output)",
                ));
            }
            if target != Path::new("-") && target.exists() && !force {
                return Err(Error::in_file(
                    &target,
                    "already exists: pass --force to replace it, or -o to write elsewhere",
                ));
            }
            emit(Some(&target), &contents, &[&base.path])?;
            ctx.say(&draft_summary(&base.label, version, &target, &updates));
            Ok(EXIT_OK)
        }
        Command::Compare(args) => compare::run(ctx, args),
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Args::command(), "resdiff", &mut script);
            print(String::from_utf8_lossy(&script).as_bytes())?;
            Ok(EXIT_OK)
        }
        Command::Man => {
            let mut page = Vec::new();
            clap_mangen::Man::new(Args::command())
                .render(&mut page)
                .map_err(|e| Error::new(format!("cannot write the manual page: {e}")))?;
            print(String::from_utf8_lossy(&page).as_bytes())?;
            Ok(EXIT_OK)
        }
    }
}

/// What every command needs to find versions and talk to the user.
struct Context {
    corpus_arg: Option<PathBuf>,
    /// How a Word document's tracked changes are read.
    revisions: parse::docx::Revisions,
    /// The documents' language, where `--lang` says it.
    language: Option<resdiff::lang::Language>,
    /// The reports' language, where `--ui-lang` says it.
    ui: Option<resdiff::lang::Language>,
    /// The corpus files that could not be read, as their errors (behind a
    /// lock: the two versions of a comparison may be read at once).
    skipped: std::sync::Mutex<Vec<String>>,
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
    /// Every warning, and the rule that decided each line of an imported
    /// text (`-vv`).
    Trace,
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
    /// The rule that decided each line of an imported text.
    trace: Vec<parse::import::Traced>,
    /// How to name it to the user: "csto 75 (A/75/L.78)" or the path.
    label: String,
    /// The file it was read from, which no output may replace.
    path: PathBuf,
}

impl LoadedVersion {
    /// How a report names it: a file read by its path by the file's name
    /// alone, since a report never shows where its reader keeps files
    /// (standard error, read by that reader, keeps the path).
    fn report_label(&self) -> String {
        if !self.path.as_os_str().is_empty()
            && Path::new(&self.label) == self.path
            && let Some(name) = self.path.file_name()
        {
            return name.to_string_lossy().into_owned();
        }
        self.label.clone()
    }
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
            Verbosity::Verbose | Verbosity::Trace => usize::MAX,
        };
        // One write for them all: a long text can have thousands (-v).
        let mut out = String::new();
        for w in warnings.iter().take(shown) {
            out.push_str(&format!(
                "warning: {}\n",
                show::printable(&located(label, w))
            ));
        }
        if self.verbosity == Verbosity::Normal && warnings.len() > shown {
            let more = warnings.len() - shown;
            let noun = if more == 1 { "warning" } else { "warnings" };
            out.push_str(&format!(
                "warning: {label}: {more} more {noun} (-v shows them all)\n"
            ));
        }
        if !out.is_empty() {
            eprint!("{out}");
        }
    }

    fn is_quiet(&self) -> bool {
        self.verbosity == Verbosity::Quiet
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
        let mut skipped = self.skipped.lock().unwrap_or_else(|e| e.into_inner());
        for broken in &corpus.broken {
            let error = broken.error.to_string();
            if !skipped.contains(&error) {
                skipped.push(error);
            }
        }
        Ok(corpus)
    }

    /// How to read a document: its tracked changes as `revisions` says,
    /// its language as `--lang` does.
    fn reading(&self, revisions: parse::docx::Revisions) -> parse::Reading {
        parse::Reading {
            revisions,
            language: self.language,
        }
    }

    /// With `-vv`, the rule that decided each line of the file `label`
    /// names.
    fn trace(&self, label: &str, trace: &[parse::import::Traced]) {
        if self.verbosity != Verbosity::Trace {
            return;
        }
        let mut out = String::new();
        for t in trace {
            out.push_str(&format!("trace: {label}:{}: {}\n", t.line, t.rule));
        }
        eprint!("{out}");
    }

    /// A session, year or symbol from the corpus, or a path.
    fn load(&self, spec: &str, series: Option<&str>) -> Result<LoadedVersion> {
        self.load_as(spec, series, self.revisions)
    }

    /// [`Context::load`], a Word document's tracked changes read as
    /// `revisions` says.
    fn load_as(
        &self,
        spec: &str,
        series: Option<&str>,
        revisions: parse::docx::Revisions,
    ) -> Result<LoadedVersion> {
        if spec == STDIN {
            let Loaded {
                resolution,
                warnings,
                trace,
            } = parse::load_bytes_with(
                Path::new(STDIN_NAME),
                files::read_stdin()?,
                None,
                self.reading(revisions),
            )?;
            return Ok(LoadedVersion {
                resolution,
                warnings,
                trace,
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
                trace,
            } = parse::load_file_with(path, None, self.reading(revisions))?;
            return Ok(LoadedVersion {
                resolution,
                warnings,
                trace,
                label: spec.to_string(),
                path: path.to_path_buf(),
            });
        }
        if looks_like_path(spec) {
            return Err(Error::in_file(path, "no such file"));
        }
        let corpus = self.corpus()?;
        Ok(corpus_version(corpus.find(spec, series)?))
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

/// A version of the corpus as a loaded version: read already, and named
/// by series, version and symbol.
fn corpus_version(entry: &corpus::Entry) -> LoadedVersion {
    let label = match &entry.meta().symbol {
        Some(symbol) => format!("{} {} ({symbol})", entry.series, entry.version),
        None => format!("{} {}", entry.series, entry.version),
    };
    LoadedVersion {
        resolution: entry.resolution.clone(),
        warnings: Vec::new(),
        trace: Vec::new(),
        label,
        path: entry.path.clone(),
    }
}

/// `resdiff history` (and, with `blame`, `resdiff blame`): the versions
/// named (or every version of the series), oldest first, chained into one
/// lineage; the blame is of the last.
fn history(ctx: &Context, args: &SeriesArgs, blame: bool) -> Result<u8> {
    let (versions, series, format, output) = (
        &args.versions[..],
        args.series.as_deref(),
        args.format,
        args.output.as_deref(),
    );
    let command = if blame { "blame" } else { "history" };
    // `resdiff history SERIES`: one argument naming a series of the corpus.
    // The corpus is read once, and only when it can name the versions.
    let corpus = match (versions, series) {
        ([], _) => Some(ctx.corpus()?),
        ([_], None) => ctx.corpus().ok(),
        _ => None,
    };
    let named_series = match (versions, &corpus) {
        ([one], Some(c)) if c.series().contains(&one.as_str()) => Some(one.clone()),
        _ => None,
    };
    if let [one] = versions
        && named_series.is_none()
    {
        return Err(Error::new(format!(
            "`{one}` is not a series of the corpus, and {command} needs two versions or more"
        )));
    }
    // A series' versions come from the corpus as read; named versions are
    // loaded one by one.
    let loaded: Vec<LoadedVersion> = if let Some(corpus) = corpus {
        let name = match named_series.as_deref().or(series) {
            Some(s) => s.to_string(),
            None => match corpus.series().as_slice() {
                [one] => one.to_string(),
                names => {
                    return Err(Error::new(format!(
                        "{command} needs a series (`resdiff {command} {}`), versions (`resdiff {command} 75 77`) or --series NAME; the corpus has {}",
                        names.first().unwrap_or(&"csto"),
                        names.join(", ")
                    )));
                }
            },
        };
        corpus
            .entries
            .iter()
            .filter(|e| e.series == name)
            .map(corpus_version)
            .collect()
    } else {
        let mut loaded = Vec::new();
        for spec in versions {
            let version = ctx.load(spec, series)?;
            ctx.warn(&version.label, &version.warnings);
            loaded.push(version);
        }
        loaded
    };
    if loaded.len() < 2 {
        return Err(Error::new(format!(
            "{command} needs two versions or more; found {}",
            loaded.len()
        )));
    }
    let named: Vec<(&str, &Resolution)> = loaded
        .iter()
        .map(|v| (v.label.as_str(), &v.resolution))
        .collect();
    resdiff::diff::one_language(&named)?;
    let inputs: Vec<&Path> = loaded.iter().map(|v| v.path.as_path()).collect();
    let resolutions: Vec<Resolution> = loaded.iter().map(|v| v.resolution.clone()).collect();
    let h = resdiff::history(&resolutions);
    for w in &h.warnings {
        ctx.say(&format!("warning: {w}"));
    }
    let report = if blame {
        let b = resdiff::history::blame(&h);
        match format {
            HistoryFormat::Text => render::blame_text(&b)?,
            HistoryFormat::Md => render::blame_markdown(&b)?,
            HistoryFormat::Html => render::blame_html(&b)?,
            HistoryFormat::Json => render::blame_json(&b)?,
        }
    } else {
        match format {
            HistoryFormat::Text => render::history_text(&h)?,
            HistoryFormat::Md => render::history_markdown(&h)?,
            HistoryFormat::Html => render::history_html(&h)?,
            HistoryFormat::Json => render::history_json(&h)?,
        }
    };
    if let Some(written) = emit(output, report, &inputs)? {
        ctx.say(&format!(
            "wrote {}: {} paragraphs over {} versions",
            written.display(),
            h.lines.len(),
            h.versions.len()
        ));
    }
    Ok(EXIT_OK)
}

/// Standard output for `None` or `-`, else the file (see
/// [`resdiff::files::write_file`]), never one of the command's `inputs`.
/// Prints `text` or writes it to `output`; the file written, if one was.
fn emit<'p>(
    output: Option<&'p Path>,
    text: impl AsRef<[u8]>,
    inputs: &[&Path],
) -> Result<Option<&'p Path>> {
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
    let date = match &args.date {
        Some(text) => Some(resdiff::dates::parse_iso(text).ok_or_else(|| {
            Error::new(format!(
                "--date {text:?}: expected {}, such as 2021-05-11",
                resdiff::dates::ISO_EXPECTED
            ))
        })?),
        None => None,
    };
    meta.session = args.session.or(meta.session);
    meta.year = args.year.or(meta.year);
    meta.symbol = args.symbol.clone().or(meta.symbol);
    meta.title = args.title.clone().or(meta.title);
    meta.date = date.or(meta.date);
    meta.source = args.source.clone().or(meta.source);
    if let Some(body) = args.body {
        meta.body = match body {
            BodyArg::Ga => Body::GeneralAssembly,
            BodyArg::Sc => Body::SecurityCouncil,
        };
    } else if let Some(body) = meta
        .symbol
        .as_deref()
        .and_then(Symbol::read)
        .and_then(|s| s.body())
    {
        meta.body = body;
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

/// A reader's warning with where it is: "S_2018_95.txt:12: message", or
/// the file alone when it is about the whole text or placed by page (a
/// PDF's warnings).
fn located(label: &str, w: &Warning) -> String {
    match w.line {
        0 => format!("{label}: [{}] {}", w.rule, w.message),
        line => format!("{label}:{line}: [{}] {}", w.rule, w.message),
    }
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
