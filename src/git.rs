//! Resolution files as they were at a git revision, read with `git` itself:
//! what `compare --git REV` needs to review a pull request.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::error::{Error, Result};

/// How a file differs between the revision and the working tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    Added,
    Modified,
    Deleted,
}

/// A file changed since the revision, relative to the repository root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangedFile {
    pub path: PathBuf,
    pub kind: ChangeKind,
}

fn git(dir: &Path, args: &[&str]) -> Result<String> {
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|e| Error::new(format!("cannot run git: {e}")))?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let reason = stderr.lines().next().unwrap_or("failed").trim().to_string();
        return Err(Error::new(format!("git {}: {reason}", args.join(" "))));
    }
    String::from_utf8(output.stdout)
        .map_err(|_| Error::new(format!("git {}: output is not UTF-8", args.join(" "))))
}

/// The top of the repository that contains `dir`.
pub fn repo_root(dir: &Path) -> Result<PathBuf> {
    git(dir, &["rev-parse", "--show-toplevel"])
        .map(|s| PathBuf::from(s.trim()))
        .map_err(|e| {
            Error::new(format!(
                "--git needs a git repository: {} is not inside one ({})",
                dir.display(),
                e.message
            ))
        })
}

/// The commit `rev` names, or an error that says it is unknown.
pub fn resolve_rev(root: &Path, rev: &str) -> Result<String> {
    if rev.starts_with('-') {
        return Err(Error::new(format!("unknown revision {rev:?}")));
    }
    git(
        root,
        &[
            "rev-parse",
            "--verify",
            "--quiet",
            &format!("{rev}^{{commit}}"),
        ],
    )
    .map(|s| s.trim().to_string())
    .map_err(|_| Error::new(format!("unknown revision {rev:?} in {}", root.display())))
}

/// Files under `dir` (relative to the root) that differ between `commit`
/// and the working tree, untracked new files included, sorted by path.
pub fn changed_files(root: &Path, commit: &str, dir: &str) -> Result<Vec<ChangedFile>> {
    let mut files = Vec::new();
    let diff = git(
        root,
        &[
            "diff",
            "--name-status",
            "--no-renames",
            "-z",
            commit,
            "--",
            dir,
        ],
    )?;
    let mut fields = diff.split('\0').filter(|f| !f.is_empty());
    while let (Some(status), Some(path)) = (fields.next(), fields.next()) {
        let kind = match status.chars().next() {
            Some('A') => ChangeKind::Added,
            Some('D') => ChangeKind::Deleted,
            _ => ChangeKind::Modified,
        };
        files.push(ChangedFile {
            path: PathBuf::from(path),
            kind,
        });
    }
    let untracked = git(
        root,
        &[
            "ls-files",
            "--others",
            "--exclude-standard",
            "-z",
            "--",
            dir,
        ],
    )?;
    for path in untracked.split('\0').filter(|f| !f.is_empty()) {
        files.push(ChangedFile {
            path: PathBuf::from(path),
            kind: ChangeKind::Added,
        });
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files.dedup_by(|a, b| a.path == b.path);
    Ok(files)
}

/// The text of `path` at `commit`.
pub fn show_file(root: &Path, commit: &str, path: &Path) -> Result<String> {
    let spec = format!("{commit}:{}", path.to_string_lossy().replace('\\', "/"));
    git(root, &["show", &spec])
}

/// The files under `dir` at `commit`.
pub fn files_at(root: &Path, commit: &str, dir: &str) -> Result<Vec<PathBuf>> {
    let listing = git(
        root,
        &["ls-tree", "-r", "--name-only", "-z", commit, "--", dir],
    )?;
    Ok(listing
        .split('\0')
        .filter(|f| !f.is_empty())
        .map(PathBuf::from)
        .collect())
}
