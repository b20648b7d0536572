//! Helpers for unit tests that read the shared corpus of real UN texts.
#![allow(dead_code)] // each test module uses a subset

use std::path::PathBuf;

/// `../shared/corpus` beside the checkout, or `None` (the test then says it
/// was skipped) on a fresh clone without it. With `RESDIFF_REQUIRE_CORPUS=1`
/// (set by `.ci/run`) a missing corpus is a failure.
pub fn shared_corpus() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    if dir.is_dir() {
        return Some(dir);
    }
    assert!(
        std::env::var_os("RESDIFF_REQUIRE_CORPUS").is_none_or(|v| v != "1"),
        "RESDIFF_REQUIRE_CORPUS=1 but {} does not exist",
        dir.display()
    );
    eprintln!("skipped: corpus not found at {}", dir.display());
    None
}

/// The text of one corpus file, e.g. `corpus_text("sc/S_2018_95.txt")`.
pub fn corpus_text(relative: &str) -> Option<String> {
    let path = shared_corpus()?.join(relative);
    Some(std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
}
