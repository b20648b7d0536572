//! How `resdiff search`'s in-memory record scales: builds a generated
//! record of N documents from the real paragraphs of `../shared/corpus`
//! (`benches/support`, series of 16 versions with realistic reuse), then
//! times building the record and exact and near queries, and prints the
//! paragraphs held and the process's peak memory; and `resdiff history` of
//! its first 16-version series.
//!
//! Run: `cargo run --release --example search_scale -- 2000`. Exits with 2
//! when the shared corpus is missing.

#[path = "../benches/support/mod.rs"]
mod support;

use std::process::ExitCode;
use std::time::Instant;

use resdiff::search::{Filters, Mode, Record};

fn main() -> ExitCode {
    let documents: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(2000);
    let Some(pool) = support::corpus_dir().map(|c| support::pool(&c)) else {
        eprintln!("skipped: corpus not found");
        return ExitCode::from(2);
    };
    let Some(record_texts) = support::generated_record(&pool, documents) else {
        eprintln!("skipped: corpus too small");
        return ExitCode::from(2);
    };
    let started = Instant::now();
    let mut record = Record::default();
    for (i, r) in record_texts.iter().enumerate() {
        record.add(r, &format!("doc{i}"));
    }
    let built = started.elapsed();
    // A real phrase and an edited copy of a real paragraph.
    let (phrase, edited) = support::search_queries(&pool);
    let time = |query: &str, mode| {
        let t = Instant::now();
        let hits = record
            .search(query, mode, &Filters::default(), 10)
            .expect("search");
        (t.elapsed(), hits.len())
    };
    let (exact, exact_hits) = time(&phrase, Mode::Exact);
    let (near, near_hits) = time(&edited, Mode::Near);
    let series = &record_texts[..record_texts.len().min(16)];
    let t = Instant::now();
    let h = resdiff::history(series);
    let history = t.elapsed();
    let peak = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(|l| l.trim_start_matches("VmHWM:").trim().to_string())
        })
        .unwrap_or_else(|| "?".into());
    println!(
        "{documents} documents, {} paragraphs: record built in {:.2} s; exact \"{phrase}\" {:.1} ms ({exact_hits} shown); near edited paragraph {:.1} ms ({near_hits} shown); history of {} versions ({} lines) {:.0} ms; peak memory {peak}",
        record.entries.len(),
        built.as_secs_f64(),
        exact.as_secs_f64() * 1e3,
        near.as_secs_f64() * 1e3,
        series.len(),
        h.lines.len(),
        history.as_secs_f64() * 1e3,
    );
    ExitCode::SUCCESS
}
