//! Writes a generated pair of the benchmarks (2,000 paragraphs unless
//! told another number) as two canonical files and as two raw texts, for
//! timing `resdiff compare` against other diff tools
//! (`scripts/bench-peers.sh`): the peers read the raw texts.
//!
//! Run: `cargo run --release --example large_pair -- OUT_DIR [PARAGRAPHS]`
//! → writes `OUT_DIR/large_75.md`, `OUT_DIR/large_77.md`,
//! `OUT_DIR/large_75.txt` and `OUT_DIR/large_77.txt` and prints their
//! paragraph counts. Exits with 2 when the shared corpus (the source of the
//! sentences) is missing.

#[path = "../benches/support/mod.rs"]
mod support;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(out) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: large_pair OUT_DIR [PARAGRAPHS]");
        return ExitCode::from(64);
    };
    let size = match std::env::args().nth(2).map(|n| n.parse::<usize>()) {
        None => 2000,
        Some(Ok(n)) if n > 0 => n,
        Some(_) => {
            eprintln!("usage: large_pair OUT_DIR [PARAGRAPHS]");
            return ExitCode::from(64);
        }
    };
    let Some((old, new)) = support::generated_resolutions(size) else {
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
    // The same texts as a resolution is printed: the formula, then each
    // operative paragraph under its number.
    for (name, resolution) in [("large_75.txt", &old), ("large_77.txt", &new)] {
        let mut text = String::from("The General Assembly,\n\n");
        for p in &resolution.operative {
            text.push_str(&format!(
                "{}. {}\n\n",
                p.number.as_deref().unwrap_or(""),
                p.text
            ));
        }
        let path = out.join(name);
        if let Err(e) = std::fs::write(&path, text) {
            eprintln!("{}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    }
    println!("{} {}", old.operative.len(), new.operative.len());
    ExitCode::SUCCESS
}
