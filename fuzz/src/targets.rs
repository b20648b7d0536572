//! What each fuzz target does with its input, and the promises it checks.
//!
//! Shared by the cargo-fuzz targets (`fuzz/fuzz_targets/`, nightly) and the
//! replay test (`tests/integration/fuzz_replay.rs`, stable), so the seeds
//! and every input that ever failed are run by `cargo test` exactly as the
//! fuzzer ran them. A target fails by panicking; an `Err` is the clear error
//! bad input deserves and is fine.

// Each fuzz target binary uses one of these; the replay test uses all.
#![allow(dead_code)]

use std::path::Path;

use resdiff::parse::{self, Loaded};
use resdiff::{canonical, render};

/// A target's body: it panics when a promise is broken.
pub type Target = fn(&[u8]);

/// Every target, by the name of its `fuzz/fuzz_targets/` file.
pub const TARGETS: &[(&str, Target)] = &[
    ("raw_text", raw_text),
    ("pdf", pdf),
    ("canonical", canonical_text),
    ("compare_render", compare_render),
];

/// Raw text through the importer. What it imports must write as canonical
/// Markdown that reads back to the same canonical text.
pub fn raw_text(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if parse::is_canonical(text) {
        return;
    }
    if let Ok(imported) =
        parse::import::import_text(text, parse::default_meta(Path::new("fuzz.txt")))
    {
        round_trips(&imported.resolution);
    }
}

/// Bytes through the PDF reader and the importer, as `resdiff` reads a
/// `.pdf`; what it imports must round-trip like raw text.
pub fn pdf(data: &[u8]) {
    if let Ok(Loaded { resolution, .. }) = load("fuzz.pdf", data) {
        round_trips(&resolution);
    }
}

/// Text through the canonical reader; what it reads must write back and
/// read again to the same canonical text.
pub fn canonical_text(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(resolution) = canonical::read(text, Path::new("fuzz.md")) {
        round_trips(&resolution);
    }
}

/// Two documents (the input split at its first `\0`, each read as
/// `resdiff` reads a file: PDF, canonical or raw) compared and rendered in
/// every format. No report may pass a control character or a reordering
/// mark through, and the JSON must parse.
pub fn compare_render(data: &[u8]) {
    let (old, new) = match data.iter().position(|&b| b == 0) {
        Some(at) => (&data[..at], &data[at + 1..]),
        None => (data, data),
    };
    let (Ok(old), Ok(new)) = (load("old.txt", old), load("new.txt", new)) else {
        return;
    };
    let comparison = resdiff::diff::compare(&old.resolution, &new.resolution);
    for (format, report) in [
        ("html", render::html(&comparison)),
        ("markdown", render::markdown(&comparison)),
        ("text", render::text(&comparison, false)),
    ] {
        let report = report.unwrap_or_else(|e| panic!("{format} did not render: {e}"));
        if let Some(c) = report.chars().find(|&c| {
            resdiff::render::sanitize::is_hostile_control(c)
                || resdiff::render::sanitize::is_reordering(c)
        }) {
            panic!("the {format} report passes U+{:04X} through", c as u32);
        }
    }
    let json = render::json(&comparison).expect("JSON renders");
    serde_json::from_str::<serde_json::Value>(&json).expect("the JSON report parses");
    word_is_well_formed(&comparison);
}

/// The Word redline of `comparison`: every XML part parses and holds no
/// character XML 1.0 forbids or a report must not pass through.
fn word_is_well_formed(comparison: &resdiff::Comparison) {
    let bytes = render::docx(comparison, &render::DocxOptions::default()).expect("Word renders");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("the redline is a zip");
    for i in 0..zip.len() {
        let mut file = zip.by_index(i).expect("a part");
        let name = file.name().map(|n| n.to_string()).unwrap_or_default();
        let mut xml = String::new();
        std::io::Read::read_to_string(&mut file, &mut xml).expect("a UTF-8 part");
        if let Some(c) = xml.chars().find(|&c| {
            (c < ' ' && !matches!(c, '\t' | '\n' | '\r'))
                || matches!(c, '\u{FFFE}' | '\u{FFFF}')
                || resdiff::render::sanitize::is_hostile_control(c)
                || resdiff::render::sanitize::is_reordering(c)
        }) {
            panic!("{name} passes U+{:04X} through", c as u32);
        }
        let mut reader = quick_xml::Reader::from_str(&xml);
        loop {
            match reader.read_event() {
                Ok(quick_xml::events::Event::Eof) => break,
                Ok(_) => {}
                Err(e) => panic!("{name} is not well-formed XML: {e}"),
            }
        }
    }
}

fn load(name: &str, data: &[u8]) -> resdiff::Result<Loaded> {
    parse::load_bytes(Path::new(name), data.to_vec(), None)
}

fn round_trips(resolution: &resdiff::Resolution) {
    let written = canonical::write(resolution).expect("what was read writes as canonical");
    let again = canonical::read(&written, Path::new("written.md")).unwrap_or_else(|e| {
        panic!("the canonical text written does not read back: {e}\n{written}")
    });
    let rewritten = canonical::write(&again).expect("what was read back writes");
    assert_eq!(
        written, rewritten,
        "the canonical text changed on a round trip"
    );
}
