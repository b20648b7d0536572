//! The floor of a word redline written safely, for `BENCHMARKS.md`: reads
//! two files, diffs their words as one sequence (similar's Myers), writes
//! an HTML page through a temporary file and a rename, and nothing else:
//! no structure, alignment, semantics or escaping. What any Rust tool
//! doing the least of resdiff's job pays, process start-up included.
//!
//! Run: `cargo run --release --example word_floor -- OLD NEW OUT.html`.

use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [old, new, out] = &args[..] else {
        eprintln!("usage: word_floor OLD NEW OUT.html");
        return ExitCode::from(2);
    };
    let (Ok(old), Ok(new)) = (std::fs::read_to_string(old), std::fs::read_to_string(new)) else {
        eprintln!("cannot read the inputs");
        return ExitCode::from(2);
    };
    let old: Vec<&str> = old.split_whitespace().collect();
    let new: Vec<&str> = new.split_whitespace().collect();
    let mut html = String::from("<!doctype html><body>");
    for op in similar::capture_diff_slices(similar::Algorithm::Myers, &old, &new) {
        for change in op.iter_changes(&old, &new) {
            let (open, close) = match change.tag() {
                similar::ChangeTag::Equal => ("", ""),
                similar::ChangeTag::Delete => ("<del>", "</del>"),
                similar::ChangeTag::Insert => ("<ins>", "</ins>"),
            };
            html.push_str(open);
            html.push_str(change.value());
            html.push_str(close);
            html.push(' ');
        }
    }
    html.push_str("</body>");
    let out = std::path::Path::new(out);
    let dir = out
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    let written = tempfile::NamedTempFile::new_in(dir).and_then(|mut t| {
        t.write_all(html.as_bytes())?;
        t.persist(out).map_err(|e| e.error)?;
        Ok(())
    });
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("cannot write {}: {e}", out.display());
            ExitCode::from(2)
        }
    }
}
