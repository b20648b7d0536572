//! The library in a few lines, through its public API only: read two
//! versions in any format resdiff knows (canonical Markdown, a UN PDF, raw
//! text), compare them, and print the redline as GitHub Markdown.
//!
//! Run: `cargo run --example redline -- resolutions/csto/75.md resolutions/csto/77.md`.

use std::path::Path;
use std::process::ExitCode;

fn redline(old: &Path, new: &Path) -> resdiff::Result<String> {
    let old = resdiff::load_file(old, None)?;
    let new = resdiff::load_file(new, None)?;
    for warning in old.warnings.iter().chain(&new.warnings) {
        eprintln!("warning: line {}: {}", warning.line, warning.message);
    }
    let comparison = resdiff::compare(&old.resolution, &new.resolution);
    resdiff::render::markdown(&comparison)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [old, new] = args.as_slice() else {
        eprintln!("usage: redline OLD NEW");
        return ExitCode::from(2);
    };
    match redline(Path::new(old), Path::new(new)) {
        Ok(report) => {
            print!("{report}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("redline: {e}");
            ExitCode::from(2)
        }
    }
}
