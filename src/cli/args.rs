//! The command line as clap sees it. [`super::run`] turns these raw
//! arguments into validated work; nothing here touches files.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "resdiff",
    version = env!("RESDIFF_VERSION"),
    about = "Parse, compare and redline versions of United Nations resolutions",
    long_about = "Parse, compare and redline versions of United Nations resolutions.\n\n\
        A VERSION is a session or year in the corpus (`75`), a document symbol \
        (`A/75/L.78`), or a path to a file: a canonical `.md` file, a UN PDF, or \
        raw text saved from a PDF or web page, imported on the fly; `-` reads \
        standard input.",
    after_help = "Exit status: 0 success, 1 versions differ (compare --exit-code / --fail-on), 2 error."
)]
pub struct Args {
    /// The corpus directory (default: the nearest `resolutions/` here or above).
    #[arg(long, global = true, value_name = "DIR")]
    pub corpus: Option<PathBuf>,

    /// Say nothing on standard error but errors.
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,

    /// Print every warning (by default, the first 20 of each file); `-vv`
    /// also prints the importer's rule that decided each line.
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,

    /// The language of the documents read (`en`, `fr`): by default each
    /// document's own, as its enacting formula, head and leads show it (or
    /// its `.json` sidecar's `language` says).
    #[arg(long, global = true, value_name = "CODE", value_parser = parse_language)]
    pub lang: Option<resdiff::lang::Language>,

    /// The language of the reports' own words (headings, labels, notes,
    /// Word comments): by default the documents' language.
    #[arg(long, global = true, value_name = "CODE", value_parser = parse_language)]
    pub ui_lang: Option<resdiff::lang::Language>,

    /// How a Word document's tracked changes are read: as if accepted (the
    /// text proposed) or rejected (the text before them).
    #[arg(long, global = true, value_enum, default_value_t = RevisionsArg::Accept)]
    pub revisions: RevisionsArg,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List each series in the corpus and its versions.
    List {
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Print the parsed structure of a version: counts, numbers, leads.
    Show {
        /// Session, year, symbol, path, or `-` for standard input.
        version: String,
        #[arg(long)]
        series: Option<String>,
        #[arg(long, value_enum, default_value_t = ShowFormat::Text)]
        format: ShowFormat,
    },
    /// Turn text from a UN PDF or web page into the canonical format.
    Import {
        /// The raw text or PDF file (`-` for standard input).
        file: PathBuf,
        /// Write here instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        #[command(flatten)]
        meta: MetaArgs,
    },
    /// Write the base text of a new version from the last one, with the
    /// routine session updates made.
    Draft {
        /// The new version's session (or year).
        version: u32,
        /// The version to start from.
        #[arg(long, value_name = "VERSION")]
        from: String,
        #[arg(long)]
        series: Option<String>,
        /// Write here (`-` for standard output) instead of
        /// `resolutions/<series>/<version>.md`.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace the file if it exists.
        #[arg(long)]
        force: bool,
        /// `md` (the canonical text) or `docx`: the draft as Word, its
        /// routine updates as tracked changes and tracking switched on.
        #[arg(long, value_enum, default_value_t = DraftFormat::Md)]
        format: DraftFormat,
        /// The author of the tracked changes of a Word draft.
        #[arg(long, value_name = "NAME", default_value = "resdiff")]
        author: String,
    },
    /// Compare two versions paragraph by paragraph and word by word.
    Compare(CompareArgs),
    /// The lineage of every paragraph across versions: which version
    /// introduced it, changed it (and how), moved, split, merged or
    /// dropped it.
    History(SeriesArgs),
    /// Each paragraph of the last version with the versions whose wording
    /// it still carries, word range by word range (like `git blame`).
    Blame(SeriesArgs),
    /// Agreed language: the paragraphs of the record (the corpus and any
    /// --in directory) whose wording matches a phrase, a paragraph of a
    /// file, or each paragraph of a file.
    Search(SearchArgs),
    /// Make or bring up to date the index of a directory of documents
    /// (kept in its `.resdiff-index/`), so that `search` reads the index
    /// instead of every file; only new and changed files are read.
    Index {
        /// The directories to index (by default the corpus, `resolutions/`).
        #[arg(value_name = "DIR")]
        dirs: Vec<PathBuf>,
    },
    /// Print a completion script for a shell to standard output.
    #[command(after_help = "Install, for example:\n  \
        bash: resdiff completions bash > ~/.local/share/bash-completion/completions/resdiff\n  \
        zsh:  resdiff completions zsh > \"${fpath[1]}/_resdiff\"\n  \
        fish: resdiff completions fish > ~/.config/fish/completions/resdiff.fish")]
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff) to standard output: `resdiff man | man -l -`.
    Man,
}

#[derive(Debug, clap::Args)]
pub struct CompareArgs {
    /// The old version (session, year, symbol, path, or `-` for standard input).
    pub old: Option<String>,
    /// The new version.
    pub new: Option<String>,
    #[arg(long)]
    pub series: Option<String>,
    /// The report's format [default: from the extension of `-o` (.html,
    /// .md, .json, .docx), else text].
    #[arg(long, value_enum)]
    pub format: Option<CompareFormat>,
    /// Write the report here (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Exit with 1 when the versions differ, like `git diff --exit-code`.
    #[arg(long)]
    pub exit_code: bool,
    /// Colour in the terminal view.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Compare every resolution file changed in the working tree against
    /// this git revision.
    #[arg(long, value_name = "REV", conflicts_with_all = ["old", "new"])]
    pub git: Option<String>,
    /// Exit with 1 only when a change of these kinds is found (comma-separated).
    #[arg(long, value_enum, value_delimiter = ',', value_name = "POLICY")]
    pub fail_on: Vec<FailOn>,
    /// The author of the revisions of a Word redline (`--format docx`).
    #[arg(long, value_name = "NAME", default_value = "resdiff")]
    pub author: String,
    /// Changes a Word redline shows as already accepted: `routine`.
    #[arg(long, value_enum, value_delimiter = ',', value_name = "KINDS")]
    pub accept: Vec<AcceptKind>,
    /// No Word comments with each paragraph's drafting notes.
    #[arg(long)]
    pub no_comments: bool,
    /// Leave these out of the report (comma-separated); the figures still
    /// count everything, and HTML starts with its toggles on instead.
    #[arg(long, value_enum, value_delimiter = ',', value_name = "KINDS")]
    pub hide: Vec<HideKind>,
}

/// `--revisions`: a Word document's tracked changes accepted or rejected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RevisionsArg {
    /// Read as if every revision were accepted.
    Accept,
    /// Read as if every revision were rejected.
    Reject,
}

impl RevisionsArg {
    /// As the reader takes it.
    pub fn reading(self) -> resdiff::parse::docx::Revisions {
        match self {
            RevisionsArg::Accept => resdiff::parse::docx::Revisions::Accept,
            RevisionsArg::Reject => resdiff::parse::docx::Revisions::Reject,
        }
    }
}

/// What `draft` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DraftFormat {
    /// The canonical Markdown text.
    Md,
    /// A Word document: the base text with the routine updates tracked.
    Docx,
}

/// What a Word redline can show as already accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AcceptKind {
    /// Routine updates (sessions, dates moved on, the series' own references).
    Routine,
}

/// What `--hide` can leave out of a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum HideKind {
    /// Paragraphs whose every change is a routine update.
    Routine,
    /// The marks of differences of typography alone.
    Typography,
    /// Paragraphs whose every change is editorial: letter case,
    /// punctuation, a spelling variant.
    Editorial,
    /// Unchanged paragraphs.
    Unchanged,
}

impl HideKind {
    /// The kinds given, as the renderer takes them.
    pub fn all(kinds: &[HideKind]) -> resdiff::render::Hide {
        resdiff::render::Hide {
            routine: kinds.contains(&HideKind::Routine),
            typography: kinds.contains(&HideKind::Typography),
            unchanged: kinds.contains(&HideKind::Unchanged),
            editorial: kinds.contains(&HideKind::Editorial),
        }
    }
}

/// Front matter given on the command line to `import`.
#[derive(Debug, clap::Args)]
pub struct MetaArgs {
    /// The series (directory under resolutions/); default: the file name.
    #[arg(long)]
    pub series: Option<String>,
    /// General Assembly session.
    #[arg(long)]
    pub session: Option<u32>,
    /// Security Council year.
    #[arg(long)]
    pub year: Option<u32>,
    /// Document symbol, e.g. A/75/L.78.
    #[arg(long)]
    pub symbol: Option<String>,
    #[arg(long)]
    pub title: Option<String>,
    /// ISO date, e.g. 2021-05-11.
    #[arg(long)]
    pub date: Option<String>,
    #[arg(long, value_enum)]
    pub body: Option<BodyArg>,
    #[arg(long, value_enum)]
    pub status: Option<StatusArg>,
    /// Where the text comes from, in words a reader can check.
    #[arg(long)]
    pub source: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Text,
    Json,
}

/// What `search` looks for, where, and how it reports.
#[derive(Debug, clap::Args)]
pub struct SearchArgs {
    /// The phrase to find (or give --file).
    pub phrase: Option<String>,
    /// Search for the paragraphs of this file (any format resdiff reads).
    #[arg(long, value_name = "FILE", conflicts_with = "phrase")]
    pub file: Option<PathBuf>,
    /// Only this paragraph of --file (`OP5`, `PP3`).
    #[arg(long, value_name = "LABEL", requires = "file")]
    pub paragraph: Option<String>,
    /// Also search the documents under this directory (every format
    /// resdiff reads); may be given more than once.
    #[arg(long = "in", value_name = "DIR")]
    pub dirs: Vec<PathBuf>,
    /// Near matches too, ranked by how much of the query they keep (by
    /// default only paragraphs with the query's words, in order).
    #[arg(long)]
    pub near: bool,
    /// Only the General Assembly's or the Security Council's.
    #[arg(long, value_enum)]
    pub body: Option<BodyArg>,
    /// Only sessions (Assembly) or years (Council) from this one on.
    #[arg(long, value_name = "N")]
    pub since: Option<u32>,
    /// Only sessions or years up to this one.
    #[arg(long, value_name = "N")]
    pub until: Option<u32>,
    /// Only the preamble, the operative part or the annexes.
    #[arg(long, value_enum)]
    pub part: Option<PartArg>,
    /// Only resolutions as adopted (agreed language), not drafts.
    #[arg(long)]
    pub adopted: bool,
    /// With --file, find the file's own document too (by default its
    /// file, and any file with its symbol, are left out).
    #[arg(long, requires = "file")]
    pub include_self: bool,
    /// At most this many paragraphs per query.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    #[arg(long, value_enum, default_value_t = HistoryFormat::Text)]
    pub format: HistoryFormat,
    /// Write the report here instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PartArg {
    Preamble,
    Operative,
    Annex,
}

/// The versions of `history` and `blame`, and their report.
#[derive(Debug, clap::Args)]
pub struct SeriesArgs {
    /// A series of the corpus (all its versions), or two or more versions
    /// oldest first (session, year, symbol or path); none: every version
    /// of --series. `blame` is of the last.
    pub versions: Vec<String>,
    /// The series the versions are in, or whose versions to take.
    #[arg(long)]
    pub series: Option<String>,
    #[arg(long, value_enum, default_value_t = HistoryFormat::Text)]
    pub format: HistoryFormat,
    /// Write the report here instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum HistoryFormat {
    Text,
    Json,
    Html,
    Md,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShowFormat {
    Text,
    Json,
    Md,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CompareFormat {
    Text,
    Json,
    Html,
    Md,
    /// A Word document with the changes as tracked revisions.
    Docx,
}

impl CompareFormat {
    /// The format a report file's extension names (`report.html`), if any.
    pub fn of_extension(path: &std::path::Path) -> Option<CompareFormat> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "html" | "htm" => Some(CompareFormat::Html),
            "md" | "markdown" => Some(CompareFormat::Md),
            "json" => Some(CompareFormat::Json),
            "docx" => Some(CompareFormat::Docx),
            "txt" => Some(CompareFormat::Text),
            _ => None,
        }
    }
}

impl CompareArgs {
    /// The report's format: `--format`, else the one `-o`'s extension
    /// names, else text. `-o report.html` writes HTML, not a terminal view
    /// under an HTML name.
    pub fn format(&self) -> CompareFormat {
        self.format
            .or_else(|| self.output.as_deref().and_then(CompareFormat::of_extension))
            .unwrap_or(CompareFormat::Text)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BodyArg {
    /// General Assembly.
    Ga,
    /// Security Council.
    Sc,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatusArg {
    Draft,
    Adopted,
}

/// What `--fail-on` can gate on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, ValueEnum)]
pub enum FailOn {
    /// Any difference at all.
    Any,
    /// A paragraph was removed (or merged away).
    Removed,
    /// A paragraph was added.
    Added,
    /// A lead was made weaker.
    Weakened,
    /// A lead was made stronger.
    Strengthened,
    /// Any non-routine change in the operative part.
    Operative,
    /// Any non-routine change in the preamble.
    Preamble,
    /// A reference to another document was removed.
    References,
}

/// A language code resdiff has a profile for.
fn parse_language(code: &str) -> std::result::Result<resdiff::lang::Language, String> {
    resdiff::lang::Language::from_code(code).ok_or_else(|| {
        format!(
            "'{code}' is not a language resdiff reads ({})",
            resdiff::lang::Language::codes()
        )
    })
}
