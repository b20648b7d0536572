//! Writes the generated 2,000-paragraph pair of the benchmarks as two
//! canonical files, for timing `resdiff compare` against other diff tools
//! (`scripts/bench-peers.sh`). Canonical rather than raw text because the
//! importer reads printed paragraph numbers of up to three digits, as in
//! every real resolution.
//!
//! Run: `cargo run --release --example large_pair -- OUT_DIR` → writes
//! `OUT_DIR/large_75.md` and `OUT_DIR/large_77.md` and prints their
//! paragraph counts. Exits with 2 when the shared corpus (the source of the
//! sentences) is missing.

#[path = "../benches/support/mod.rs"]
mod support;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(out) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: large_pair OUT_DIR");
        return ExitCode::from(64);
    };
    let Some((old, new)) = support::large_resolutions() else {
        eprintln!("skipped: corpus not found");
        return ExitCode::from(2);
    };
    for (name, resolution) in [("large_75.md", &old), ("large_77.md", &new)] {
        let path = out.join(name);
        let written = resdiff::canonical::write(resolution)
            .map_err(|e| e.to_string())
            .and_then(|text| std::fs::write(&path, text).map_err(|e| e.to_string()));
        if let Err(e) = written {
            eprintln!("{}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    }
    println!("{} {}", old.operative.len(), new.operative.len());
    ExitCode::SUCCESS
}
