//! Two things the build knows that the code cannot:
//!
//! - whether `../shared/corpus` is there: tests that read the real UN texts
//!   are marked ignored where it is absent (a fresh clone), so `cargo test`
//!   reports them as skipped instead of passing without doing anything;
//! - the commit the binary is built from, for `resdiff --version`.

use std::path::Path;
use std::process::Command;

fn main() {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into());
    let manifest = Path::new(&manifest);

    println!("cargo::rustc-check-cfg=cfg(corpus_missing)");
    let corpus = manifest.join("../shared/corpus");
    println!("cargo::rerun-if-changed={}", corpus.display());
    if !corpus.is_dir() {
        println!("cargo::rustc-cfg=corpus_missing");
    }

    let version = std::env::var("CARGO_PKG_VERSION").unwrap_or_default();
    let git = |args: &[&str]| {
        Command::new("git")
            .args(args)
            .current_dir(manifest)
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
            .filter(|s| !s.is_empty())
    };
    let described = match (
        git(&["rev-parse", "--short=10", "HEAD"]),
        git(&["log", "-1", "--format=%cs"]),
    ) {
        (Some(commit), Some(date)) => format!("{version} ({commit} {date})"),
        _ => version,
    };
    println!("cargo::rustc-env=RESDIFF_VERSION={described}");
    // A new commit moves HEAD or the branch it names.
    if let Some(head) = git(&["rev-parse", "--git-path", "HEAD"]) {
        println!("cargo::rerun-if-changed={}", manifest.join(head).display());
    }
    // (A path that does not exist would rerun this script on every build.)
    let branch = git(&["rev-parse", "--symbolic-full-name", "HEAD"])
        .and_then(|name| git(&["rev-parse", "--git-path", &name]));
    let packed = git(&["rev-parse", "--git-path", "packed-refs"]);
    for path in [branch, packed].into_iter().flatten() {
        let path = manifest.join(path);
        if path.exists() {
            println!("cargo::rerun-if-changed={}", path.display());
        }
    }
}
