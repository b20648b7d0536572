//! The pull-request review behind `resdiff compare --git REV`: every
//! resolution file of a working tree changed since a git revision, compared
//! with what it replaces. Modified files are compared with their text at the
//! revision; a new version file with the latest earlier version of its
//! series at the revision; a deleted file with nothing, every paragraph
//! removed.

use std::path::{Path, PathBuf};

use crate::canonical;
use crate::comparison::Comparison;
use crate::corpus::CORPUS_DIR;
use crate::diff::compare;
use crate::error::Result;
use crate::git::{self, ChangeKind};
use crate::model::Resolution;

/// What a review found: the comparisons, and notes on the files it could
/// not compare (deleted, or new with nothing before them).
#[derive(Debug, Clone, Default)]
pub struct Review {
    /// One comparison per changed resolution, in path order.
    pub comparisons: Vec<Comparison>,
    /// Said to the user, not part of any report.
    pub notes: Vec<String>,
}

/// Reviews the git working tree that contains `dir` against `rev`.
pub fn changed_since(dir: &Path, rev: &str) -> Result<Review> {
    let root = git::repo_root(dir)?;
    let commit = git::resolve_rev(&root, rev)?;
    let changed = git::changed_files(&root, &commit, CORPUS_DIR)?;
    let mut review = Review::default();
    for file in changed
        .iter()
        .filter(|f| f.path.extension().is_some_and(|e| e == "md"))
    {
        let shown = file.path.display();
        match file.kind {
            // A deleted version removes every paragraph it had: the
            // comparison says so, and `--fail-on removed` sees it.
            ChangeKind::Deleted => {
                let old_text = git::show_file(&root, &commit, &file.path)?;
                let old = canonical::read(&old_text, &PathBuf::from(format!("{rev}:{shown}")))?;
                let gone = Resolution {
                    meta: old.meta.clone(),
                    enacting_formula: None,
                    preamble: Vec::new(),
                    operative: Vec::new(),
                    annexes: Vec::new(),
                    footnotes: Vec::new(),
                };
                let mut comparison = compare(&old, &gone);
                comparison.warnings.push(format!(
                    "{shown} was deleted since {rev}: every paragraph is removed"
                ));
                review.comparisons.push(comparison);
            }
            ChangeKind::Modified => {
                let old_text = git::show_file(&root, &commit, &file.path)?;
                let old = canonical::read(&old_text, &PathBuf::from(format!("{rev}:{shown}")))?;
                let new = read_working(&root, &file.path)?;
                review.comparisons.push(compare(&old, &new));
            }
            ChangeKind::Added => {
                let new = read_working(&root, &file.path)?;
                match predecessor(&root, &commit, rev, &new)? {
                    Some(old) => review.comparisons.push(compare(&old, &new)),
                    None => review.notes.push(format!(
                        "{shown} is new and has no earlier version in its series at {rev}"
                    )),
                }
            }
        }
    }
    if review.comparisons.is_empty() {
        review.notes.push(format!(
            "no resolution in {CORPUS_DIR}/ changed since {rev}"
        ));
    }
    Ok(review)
}

fn read_working(root: &Path, path: &Path) -> Result<Resolution> {
    let full = root.join(path);
    canonical::read(&crate::files::read_text(&full)?, &full)
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
