//! Finds resolution files: the `resolutions/<series>/<version>.md` corpus of
//! a checkout (discovered with walkdir), and the VERSION arguments users give
//! (`75`, `A/75/L.78`, or a path) resolved to one file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::canonical;
use crate::error::{Error, Result};
use crate::files::read_text;
use crate::model::{Meta, Resolution};

/// The directory name of a corpus inside a checkout.
pub const CORPUS_DIR: &str = "resolutions";

/// One version file in the corpus.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The file, under the corpus root.
    pub path: PathBuf,
    /// The directory the file is in: `csto` for `resolutions/csto/75.md`.
    pub series: String,
    /// The file stem: `75`.
    pub version: String,
    /// The file as read.
    pub resolution: Resolution,
}

impl Entry {
    /// The resolution's front matter.
    pub fn meta(&self) -> &Meta {
        &self.resolution.meta
    }
}

/// All versions found under a corpus root, sorted by series then version.
#[derive(Debug, Clone)]
pub struct Corpus {
    /// The `resolutions/` directory.
    pub root: PathBuf,
    /// Every version read.
    pub entries: Vec<Entry>,
    /// Files that could not be read: work that does not need them goes on
    /// (with a warning); asking for one of them gives its error.
    pub broken: Vec<Broken>,
}

/// A version file that could not be read, and why.
#[derive(Debug, Clone)]
pub struct Broken {
    /// Its directory.
    pub series: String,
    /// Its file stem.
    pub version: String,
    /// What reading it said.
    pub error: Error,
}

/// The nearest `resolutions/` directory: in `start` or one of its parents,
/// the way git finds its repository.
pub fn find_root(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|dir| dir.join(CORPUS_DIR))
        .find(|candidate| candidate.is_dir())
}

/// Reads every `<series>/<version>.md` under `root`.
pub fn discover(root: &Path) -> Result<Corpus> {
    let mut entries = Vec::new();
    let mut broken = Vec::new();
    for item in WalkDir::new(root)
        .min_depth(2)
        .max_depth(2)
        .sort_by_file_name()
    {
        let item = item
            .map_err(|e| Error::in_file(root, format!("cannot read the corpus directory: {e}")))?;
        let path = item.path();
        if !item.file_type().is_file() || path.extension().is_none_or(|e| e != "md") {
            continue;
        }
        let series = dir_name(path.parent().unwrap_or(root));
        let version = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let read = read_text(path)
            .and_then(|text| canonical::read(&text, path))
            .and_then(|r| check_entry(path, &series, &version, &r.meta).map(|()| r));
        let resolution = match read {
            Ok(resolution) => resolution,
            Err(error) => {
                broken.push(Broken {
                    series,
                    version,
                    error,
                });
                continue;
            }
        };
        entries.push(Entry {
            path: path.to_path_buf(),
            series,
            version,
            resolution,
        });
    }
    entries.sort_by(|a, b| {
        (&a.series, version_key(&a.version)).cmp(&(&b.series, version_key(&b.version)))
    });
    check_duplicates(&entries)?;
    Ok(Corpus {
        root: root.to_path_buf(),
        entries,
        broken,
    })
}

fn dir_name(path: &Path) -> String {
    path.file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Numeric versions sort as numbers (9 before 10), others after, by name.
fn version_key(version: &str) -> (u64, String) {
    (version.parse().unwrap_or(u64::MAX), version.to_string())
}

/// The resolution number a Council resolution's file may be named by:
/// 1513 for `S/RES/1513 (2003)` (the Council adopts several a year).
fn council_number(meta: &Meta) -> Option<u32> {
    meta.symbol
        .as_deref()
        .and_then(crate::symbol::Symbol::read)
        .and_then(|s| s.council_resolution())
}

fn check_entry(path: &Path, series: &str, version: &str, meta: &Meta) -> Result<()> {
    if meta.series != series {
        return Err(Error::in_file(
            path,
            format!(
                "the front matter says series \"{}\" but the file is in the `{series}` directory",
                meta.series
            ),
        ));
    }
    if let (Ok(named), Some(actual)) = (version.parse::<u32>(), meta.version())
        && named != actual
        && council_number(meta) != Some(named)
    {
        let number = council_number(meta)
            .map(|n| format!(" (or resolution {n})"))
            .unwrap_or_default();
        return Err(Error::in_file(
            path,
            format!(
                "the file is named {version}.md but its front matter says version {actual}{number}"
            ),
        ));
    }
    Ok(())
}

fn check_duplicates(entries: &[Entry]) -> Result<()> {
    let mut seen: BTreeMap<(String, String), &Path> = BTreeMap::new();
    for entry in entries {
        let mut keys = Vec::new();
        // A series holds one file per version name: a session or year, or
        // a Council resolution's number, several of which share a year.
        let name = match council_number(entry.meta()) {
            Some(n) if entry.version == n.to_string() => Some(n.to_string()),
            _ => entry.meta().version().map(|v| v.to_string()),
        };
        if let Some(v) = name {
            keys.push((entry.series.clone(), v));
        }
        if let Some(symbol) = &entry.meta().symbol {
            keys.push((String::new(), symbol.to_uppercase()));
        }
        for key in keys {
            if let Some(first) = seen.insert(key.clone(), &entry.path) {
                let what = if key.0.is_empty() {
                    format!("symbol {}", key.1)
                } else {
                    format!("version {} of series {}", key.1, key.0)
                };
                return Err(Error::in_file(
                    &entry.path,
                    format!(
                        "two files claim {what}: {} and {}",
                        first.display(),
                        entry.path.display()
                    ),
                ));
            }
        }
    }
    Ok(())
}

impl Corpus {
    /// The series names, in order.
    pub fn series(&self) -> Vec<&str> {
        let mut names: Vec<&str> = self.entries.iter().map(|e| e.series.as_str()).collect();
        names.dedup();
        names
    }

    /// The entry a VERSION argument names: a symbol (`A/75/L.78`) or a
    /// session/year (`75`), within `series` when given or when there is
    /// only one series with that version.
    pub fn find(&self, spec: &str, series: Option<&str>) -> Result<&Entry> {
        if let Some(series) = series
            && !self.series().contains(&series)
            && !self.broken.iter().any(|b| b.series == series)
        {
            return Err(Error::new(format!(
                "unknown series \"{series}\": the corpus in {} has {}",
                self.root.display(),
                list_or_none(&self.series())
            )));
        }
        let in_series = |e: &&Entry| series.is_none_or(|s| e.series == s);
        let by_symbol: Vec<&Entry> = self
            .entries
            .iter()
            .filter(in_series)
            .filter(|e| {
                e.meta()
                    .symbol
                    .as_deref()
                    .is_some_and(|s| s.eq_ignore_ascii_case(spec))
            })
            .collect();
        let matches = if by_symbol.is_empty() {
            self.entries
                .iter()
                .filter(in_series)
                .filter(|e| {
                    e.version == spec || e.meta().version().is_some_and(|v| v.to_string() == spec)
                })
                .collect()
        } else {
            by_symbol
        };
        let broken = self
            .broken
            .iter()
            .find(|b| series.is_none_or(|s| b.series == s) && b.version == spec);
        match matches.as_slice() {
            [one] => Ok(one),
            // The version asked for is there but cannot be read.
            [] if let Some(broken) = broken => Err(broken.error.clone()),
            [] => Err(Error::new(format!(
                "unknown version \"{spec}\"{}: the corpus in {} has {}",
                series
                    .map(|s| format!(" in series {s}"))
                    .unwrap_or_default(),
                self.root.display(),
                self.describe_versions()
            ))),
            many if many.iter().all(|e| e.series == many[0].series) => Err(Error::new(format!(
                "\"{spec}\" names several versions of {} ({}): name one by its file name or symbol",
                many[0].series,
                many.iter()
                    .map(|e| match &e.meta().symbol {
                        Some(symbol) => format!("{} ({symbol})", e.version),
                        None => e.version.clone(),
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            ))),
            many => Err(Error::new(format!(
                "version \"{spec}\" exists in several series ({}): choose one with --series",
                many.iter()
                    .map(|e| e.series.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ))),
        }
    }

    /// "csto: 75 (A/75/L.78), 77" — for error messages and `list`.
    pub fn describe_versions(&self) -> String {
        let parts: Vec<String> = self
            .series()
            .into_iter()
            .map(|series| {
                let versions: Vec<String> = self
                    .entries
                    .iter()
                    .filter(|e| e.series == series)
                    .map(|e| match &e.meta().symbol {
                        Some(symbol) => format!("{} ({symbol})", e.version),
                        None => e.version.clone(),
                    })
                    .collect();
                format!("{series}: {}", versions.join(", "))
            })
            .collect();
        list_or_none(&parts.iter().map(String::as_str).collect::<Vec<_>>())
    }
}

fn list_or_none(items: &[&str]) -> String {
    if items.is_empty() {
        "no versions".to_string()
    } else {
        items.join("; ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, rel: &str, front: &str) {
        let path = dir.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(
            path,
            format!("+++\n{front}+++\n\n_Recalling_ x,\n\n1. _Decides_ y.\n"),
        )
        .unwrap();
    }

    fn ga(series: &str, session: u32, symbol: &str) -> String {
        format!(
            "body = \"General Assembly\"\nseries = \"{series}\"\nsession = {session}\nstatus = \"draft\"\nsymbol = \"{symbol}\"\n"
        )
    }

    #[test]
    fn finds_versions_by_session_symbol_and_series() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "csto/75.md", &ga("csto", 75, "A/75/L.78"));
        write(dir.path(), "csto/77.md", &ga("csto", 77, "A/77/L.13"));
        write(dir.path(), "other/75.md", &ga("other", 75, "A/75/L.1"));
        let corpus = discover(dir.path()).unwrap();
        assert_eq!(corpus.series(), vec!["csto", "other"]);
        assert_eq!(corpus.find("a/75/l.78", None).unwrap().version, "75");
        assert_eq!(corpus.find("77", None).unwrap().series, "csto");
        assert_eq!(corpus.find("75", Some("other")).unwrap().series, "other");
        let ambiguous = corpus.find("75", None).unwrap_err().to_string();
        assert!(
            ambiguous.contains("several series (csto, other)"),
            "{ambiguous}"
        );
        let unknown = corpus.find("76", None).unwrap_err().to_string();
        assert!(
            unknown.contains("csto: 75 (A/75/L.78), 77 (A/77/L.13); other: 75 (A/75/L.1)"),
            "{unknown}"
        );
        assert!(
            corpus
                .find("75", Some("nope"))
                .unwrap_err()
                .to_string()
                .contains("unknown series")
        );
    }

    #[test]
    fn two_files_claiming_one_version_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "csto/75.md", &ga("csto", 75, "A/75/L.78"));
        write(dir.path(), "csto/75-copy.md", &ga("csto", 75, "A/75/L.79"));
        let err = discover(dir.path()).unwrap_err().to_string();
        assert!(
            err.contains("two files claim version 75 of series csto"),
            "{err}"
        );
    }

    #[test]
    fn a_file_named_for_another_version_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "csto/76.md", &ga("csto", 75, "A/75/L.78"));
        // The corpus reads; the file is set aside with its error, which
        // asking for it gives.
        let corpus = discover(dir.path()).unwrap();
        assert!(corpus.entries.is_empty());
        let err = corpus.find("76", Some("csto")).unwrap_err().to_string();
        assert!(
            err.ends_with("the file is named 76.md but its front matter says version 75"),
            "{err}"
        );
    }

    #[test]
    fn non_utf8_names_the_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bad.txt");
        std::fs::write(&path, b"line one\nline \xff two\n").unwrap();
        let err = read_text(&path).unwrap_err();
        assert_eq!(err.line, Some(2));
        assert!(err.message.starts_with("not UTF-8 text"));
    }
}
