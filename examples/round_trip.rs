//! Reads a file as resdiff does, writes it as canonical Markdown, reads that
//! back and writes it again, and prints both canonical texts where they
//! differ: the check the fuzz targets make, on one file.
//!
//! Run: `cargo run --example round_trip -- FILE`.

use std::path::Path;

use resdiff::canonical;
use resdiff::parse::load_file;

fn main() -> std::process::ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: round_trip FILE");
        return std::process::ExitCode::from(2);
    };
    let resolution = match load_file(Path::new(&path), None) {
        Ok(loaded) => loaded.resolution,
        Err(e) => {
            println!("not read (fine for a fuzz input): {e}");
            return std::process::ExitCode::SUCCESS;
        }
    };
    let written = canonical::write(&resolution).expect("writes");
    let again = match canonical::read(&written, Path::new("written.md")) {
        Ok(again) => again,
        Err(e) => {
            println!("does not read back: {e}\n---\n{written}");
            return std::process::ExitCode::FAILURE;
        }
    };
    let rewritten = canonical::write(&again).expect("writes again");
    if written == rewritten {
        println!("round trip exact");
        return std::process::ExitCode::SUCCESS;
    }
    let diff = similar::TextDiff::from_lines(&written, &rewritten);
    print!("{}", diff.unified_diff().header("written", "rewritten"));
    std::process::ExitCode::FAILURE
}
