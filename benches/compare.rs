//! Benchmarks of import, alignment and comparison on real texts from the
//! shared corpus (`../shared/corpus`), imported with the real importer, and
//! on a generated 2,000-paragraph pair built from corpus sentences
//! ([`support`]). Without the corpus every benchmark returns at once after
//! saying so.
//!
//! Run: `cargo bench --bench compare`.

#[path = "support/mod.rs"]
mod support;

use std::sync::OnceLock;

use divan::Bencher;
use resdiff::align::align_paragraphs;
use resdiff::diff::compare;
use resdiff::lang::Language;
use resdiff::model::{Body, Meta, Paragraph, Part, Resolution};
use resdiff::parse::import::import_text;

fn main() {
    if support::corpus_dir().is_none() {
        eprintln!("skipped: corpus not found");
    }
    // What the large benchmark finds, to check it against the known edits.
    if let Some((old, new)) = cached(&LARGE, large_pair) {
        let c = compare(old, new);
        eprintln!(
            "large pair ({} -> {} paragraphs): {:?}",
            old.operative.len(),
            new.operative.len(),
            c.summary.operative
        );
    }
    divan::main();
}

fn read(relative: &str) -> Option<String> {
    std::fs::read_to_string(support::corpus_dir()?.join(relative)).ok()
}

fn meta(body: Body, version: u32, series: &str) -> Meta {
    Meta::new(body, series, Some(version))
}

/// The real importer; a text it refuses is left out of the benchmark.
fn import(text: &str, meta: Meta) -> Option<Resolution> {
    import_text(text, meta).ok().map(|i| i.resolution)
}

fn sc(file: &str, series: &str) -> Option<Resolution> {
    let year = file.split('_').nth(1)?.parse().ok()?;
    import(
        &read(&format!("sc/{file}.txt"))?,
        meta(Body::SecurityCouncil, year, series),
    )
}

fn paragraph(text: &str, part: Part, number: Option<String>) -> Paragraph {
    Paragraph {
        number,
        lead: Language::En
            .lexicon()
            .lead_at_start(text, Some(part))
            .map(|m| m.printed),
        text: text.to_string(),
        ..Default::default()
    }
}

/// A/75/L.78 and the synthetic edit the tests check: operative 2 and 3
/// swapped, 6 strengthened, a preambular paragraph dropped, operative 1
/// split and operative 7 extended.
fn csto_pair() -> Option<(Resolution, Resolution)> {
    let old = import(
        &read("csto/A_75_L.78.txt")?,
        meta(Body::GeneralAssembly, 75, "csto"),
    )?;
    let mut new = old.clone();
    new.preamble
        .remove(5.min(new.preamble.len().saturating_sub(1)));
    let op = &mut new.operative;
    if op.len() >= 7 {
        op.swap(1, 2);
        op[5].text = op[5].text.replacen("Invites", "Urges", 1);
        op[6].text = op[6].text.replace(
            "peacekeeping;",
            "peacekeeping, including the exchange of information;",
        );
        if let Some((head, tail)) = op[0].text.clone().split_once(", and acknowledges") {
            op[0].text = format!("{head};");
            op.insert(
                1,
                paragraph(&format!("Acknowledges{tail}"), Part::Operative, None),
            );
        }
    }
    Some((old, new))
}

/// The generated 2,000-paragraph pair as resolutions (built directly, so
/// the benchmark measures the engine, not the importer).
fn large_pair() -> Option<(Resolution, Resolution)> {
    support::large_resolutions()
}

fn cached<T>(
    cell: &'static OnceLock<Option<T>>,
    make: impl FnOnce() -> Option<T>,
) -> Option<&'static T> {
    cell.get_or_init(make).as_ref()
}

static CSTO: OnceLock<Option<(Resolution, Resolution)>> = OnceLock::new();
static LARGE: OnceLock<Option<(Resolution, Resolution)>> = OnceLock::new();

/// Import alone: raw corpus text to a resolution.
#[divan::bench(args = [
    "csto/A_75_L.78.txt",
    "sc/S_2018_95.txt",
    "sc/S_2017_444.txt",
    "sc/S_2018_257.txt",
    "sc/S_2020_445.txt",
])]
fn import_corpus_file(bencher: Bencher, file: &str) {
    let Some(text) = read(file) else {
        return;
    };
    let body = if file.starts_with("sc/") {
        Body::SecurityCouncil
    } else {
        Body::GeneralAssembly
    };
    let m = meta(body, 2020, "bench");
    bencher.bench(|| import_text(divan::black_box(&text), m.clone()));
}

#[divan::bench]
fn csto_synthetic_compare(bencher: Bencher) {
    if let Some((old, new)) = cached(&CSTO, csto_pair) {
        bencher.bench(|| compare(divan::black_box(old), divan::black_box(new)));
    }
}

#[divan::bench(args = [
    ("S_2018_95", "S_2020_110"),
    ("S_2017_444", "S_2019_441"),
    ("S_2018_257", "S_2019_266"),
    ("S_2019_266", "S_2020_445"),
])]
fn sc_pair_compare(bencher: Bencher, pair: (&str, &str)) {
    let (Some(old), Some(new)) = (sc(pair.0, "sc"), sc(pair.1, "sc")) else {
        return;
    };
    bencher.bench(|| compare(divan::black_box(&old), divan::black_box(&new)));
}

#[divan::bench(sample_count = 20)]
fn large_2000_align(bencher: Bencher) {
    if let Some((old, new)) = cached(&LARGE, large_pair) {
        bencher.bench(|| align_paragraphs(&old.operative, &new.operative, Language::En.lexicon()));
    }
}

#[divan::bench(sample_count = 20)]
fn large_2000_compare(bencher: Bencher) {
    if let Some((old, new)) = cached(&LARGE, large_pair) {
        bencher.bench(|| compare(old, new));
    }
}
