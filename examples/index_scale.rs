//! How `resdiff index` and a search through it scale: writes a generated
//! record of N documents (`benches/support`: series of 16 versions built
//! from the real paragraphs of `../shared/corpus`, with realistic reuse)
//! as canonical Markdown files under DIR, one directory per series, then
//! times indexing it from nothing, re-indexing after one file changed, and
//! exact and near queries through the index (opened, checked against the
//! files and searched, as `resdiff search` does), and prints the index's
//! size on disk and the peak memory of the process.
//!
//! Run: `cargo run --release --example index_scale -- 20000 /tmp/record`.
//! DIR must not exist or be empty. Exits with 2 when the shared corpus is
//! missing.

#[path = "../benches/support/mod.rs"]
mod support;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use resdiff::search::{Filters, Holding, Index, Mode, search};

fn peak_memory() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(|l| l.trim_start_matches("VmHWM:").trim().to_string())
        })
        .unwrap_or_else(|| "?".into())
}

fn disk_size(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .map(|items| {
            items
                .flatten()
                .filter_map(|i| i.metadata().ok())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0)
}

/// One query as `resdiff search` runs it: the index opened, checked
/// against the files, searched.
fn query(dir: &Path, q: &str, mode: Mode) -> (f64, usize) {
    let started = Instant::now();
    let mut index = Index::open(dir).expect("open").expect("an index");
    let opened = started.elapsed();
    let refresh = index.refresh().expect("refresh");
    let refreshed = started.elapsed();
    assert!(refresh.changed.is_empty());
    let hits =
        search(&[Holding::Indexed(index)], q, mode, &Filters::default(), 10).expect("search");
    if std::env::var_os("RESDIFF_STAGES").is_some() {
        eprintln!(
            "open {:.1} ms, refresh {:.1} ms, search {:.1} ms",
            opened.as_secs_f64() * 1e3,
            (refreshed - opened).as_secs_f64() * 1e3,
            (started.elapsed() - refreshed).as_secs_f64() * 1e3
        );
    }
    (started.elapsed().as_secs_f64() * 1e3, hits.len())
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let documents: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(2000);
    let dir = PathBuf::from(args.next().unwrap_or_else(|| "/tmp/resdiff-record".into()));
    let Some(pool) = support::corpus_dir().map(|c| support::pool(&c)) else {
        eprintln!("skipped: corpus not found");
        return ExitCode::from(2);
    };
    let (phrase, near) = support::search_queries(&pool);
    // A directory already indexed: the queries only.
    if dir.join(resdiff::search::index::INDEX_DIR).is_dir() {
        let (exact, exact_hits) = query(&dir, &phrase, Mode::Exact);
        let (near, near_hits) = query(&dir, &near, Mode::Near);
        println!(
            "exact \"{phrase}\" {exact:.1} ms ({exact_hits} shown); near {near:.1} ms ({near_hits} shown)"
        );
        return ExitCode::SUCCESS;
    }
    if dir.read_dir().is_ok_and(|mut d| d.next().is_some()) {
        eprintln!("{} is not empty", dir.display());
        return ExitCode::from(2);
    }
    let Some(record) = support::generated_record(&pool, documents) else {
        eprintln!("skipped: corpus too small");
        return ExitCode::from(2);
    };
    let mut files = Vec::with_capacity(record.len());
    for r in &record {
        let series = dir.join(&r.meta.series);
        let file = series.join(format!("{}.md", r.meta.session.unwrap_or(0)));
        let text = resdiff::canonical::write(r).expect("a generated resolution writes");
        std::fs::create_dir_all(&series).expect("the record directory");
        std::fs::write(&file, text).expect("a record file");
        files.push(file);
    }
    drop(record);
    let source_bytes: u64 = files
        .iter()
        .filter_map(|f| f.metadata().ok())
        .map(|m| m.len())
        .sum();
    let started = Instant::now();
    let first =
        resdiff::search::index::update(&dir, Default::default(), &|_, _| {}).expect("index");
    let indexed = started.elapsed();
    // One file edited: a word added to its first paragraph.
    let changed = &files[files.len() / 2];
    let text = std::fs::read_to_string(changed).expect("the changed file");
    std::fs::write(changed, text.replacen("Decides", "Decides once more", 1))
        .expect("the changed file");
    let started = Instant::now();
    let again =
        resdiff::search::index::update(&dir, Default::default(), &|_, _| {}).expect("re-index");
    let reindexed = started.elapsed();
    let (exact, exact_hits) = query(&dir, &phrase, Mode::Exact);
    let (near, near_hits) = query(&dir, &near, Mode::Near);
    println!(
        "{documents} documents ({:.1} MB of Markdown), {} paragraphs: indexed in {:.2} s; one file changed, re-indexed in {:.3} s ({} read, {} segments); index {:.1} MB on disk; exact \"{phrase}\" {exact:.1} ms ({exact_hits} shown); near edited paragraph {near:.1} ms ({near_hits} shown); peak memory {}",
        source_bytes as f64 / 1e6,
        first.paragraphs,
        indexed.as_secs_f64(),
        reindexed.as_secs_f64(),
        again.read,
        again.segments,
        disk_size(&dir.join(resdiff::search::index::INDEX_DIR)) as f64 / 1e6,
        peak_memory(),
    );
    ExitCode::SUCCESS
}
