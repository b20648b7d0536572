//! Shared helpers for the integration tests: the real binary, and the shared
#![allow(dead_code)] // each test module uses a subset
//! corpus of UN texts (skipped when absent, required under `.ci/run`).

use std::path::PathBuf;

/// `../shared/corpus` beside the checkout, or `None` on a fresh clone (the
/// test prints that it was skipped). `RESDIFF_REQUIRE_CORPUS=1` makes a
/// missing corpus a failure.
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

/// The project root (where `resolutions/` lives).
pub fn project_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The `resdiff` binary, run from the project root.
pub fn resdiff() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("resdiff").expect("binary builds");
    cmd.current_dir(project_root())
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR")
        .env_remove("CLICOLOR_FORCE");
    cmd
}

/// Shortens every `"text"` string in a JSON snapshot of corpus-derived data
/// to its first and last words and a word count, so the snapshot records
/// structure without copying the corpus into the repository.
pub fn abbreviate_texts(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, v) in map.iter_mut() {
                match v {
                    serde_json::Value::String(s) if key == "text" => *s = abbreviate(s),
                    other => abbreviate_texts(other),
                }
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(abbreviate_texts),
        _ => {}
    }
}

fn abbreviate(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= 8 {
        return text.to_string();
    }
    format!(
        "{} … {} [{} words]",
        words[..4].join(" "),
        words[words.len() - 2..].join(" "),
        words.len()
    )
}

/// Fails the test with the command's standard error unless it succeeded.
pub fn assert_success(out: &std::process::Output) {
    assert!(
        out.status.success(),
        "exit {:?}: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
}
