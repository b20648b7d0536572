//! Benchmarks of alignment and comparison on real texts from the shared
//! corpus (`../shared/corpus`). Without the corpus every benchmark returns
//! at once after saying so.
//!
//! Run: `cargo bench --bench compare`.

use std::path::PathBuf;
use std::sync::OnceLock;

use divan::Bencher;
use resdiff::align::align_paragraphs;
use resdiff::diff::compare;
use resdiff::lexicon::lexicon;
use resdiff::model::{Body, Meta, Paragraph, Part, Resolution, Status};

fn main() {
    if corpus_dir().is_none() {
        eprintln!("skipped: corpus not found");
    }
    // What the large benchmark finds, to check it against the known edits.
    if let Some((old, new)) = cached(&LARGE, large_pair) {
        let start = std::time::Instant::now();
        let c = compare(old, new);
        eprintln!(
            "large pair ({} -> {} paragraphs), one run {:?}: {:?}",
            old.operative.len(),
            new.operative.len(),
            start.elapsed(),
            c.summary.operative
        );
    }
    divan::main();
}

fn corpus_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    dir.is_dir().then_some(dir)
}

fn read(relative: &str) -> Option<String> {
    std::fs::read_to_string(corpus_dir()?.join(relative)).ok()
}

fn meta(body: Body, version: u32, series: &str) -> Meta {
    Meta {
        body: body.clone(),
        symbol: None,
        session: (body == Body::GeneralAssembly).then_some(version),
        year: (body == Body::SecurityCouncil).then_some(version),
        series: series.into(),
        title: None,
        date: None,
        status: Status::Draft,
        source: None,
        generated_from: None,
    }
}

fn paragraph(text: &str, part: Part, number: Option<String>) -> Paragraph {
    Paragraph {
        number,
        lead: lexicon().lead_at_start(text, Some(part)).map(|m| m.printed),
        text: text.to_string(),
        ..Default::default()
    }
}

/// The importer the benchmarks use: simple line splitting (numbered lines
/// are operative, capitalised lines before them preambular). When
/// `resdiff::parse::import::import_text` exists, this is the one function
/// to switch over.
fn import(text: &str, meta: Meta) -> Resolution {
    let mut preamble = Vec::new();
    let mut operative: Vec<Paragraph> = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if line.starts_with("The Security Council") || line.starts_with("The General Assembly") {
            continue;
        }
        match line.split_once(". ") {
            Some((n, rest)) if !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) => {
                operative.push(paragraph(rest.trim(), Part::Operative, Some(n.to_string())))
            }
            _ if operative.is_empty() => {
                if line.starts_with(char::is_uppercase) {
                    preamble.push(paragraph(line, Part::Preamble, None));
                }
            }
            _ => {
                if let Some(last) = operative.last_mut() {
                    last.text.push(' ');
                    last.text.push_str(line);
                }
            }
        }
    }
    Resolution {
        meta,
        enacting_formula: None,
        preamble,
        operative,
        footnotes: Vec::new(),
    }
}

fn sc(file: &str, series: &str) -> Option<Resolution> {
    let year = file.split('_').nth(1)?.parse().ok()?;
    Some(import(
        &read(&format!("sc/{file}.txt"))?,
        meta(Body::SecurityCouncil, year, series),
    ))
}

/// A/75/L.78 and the synthetic edit the tests check: operative 2 and 3
/// swapped, 6 strengthened, a preambular paragraph dropped, operative 1
/// split and operative 7 extended.
fn csto_pair() -> Option<(Resolution, Resolution)> {
    let old = import(
        &read("csto/A_75_L.78.txt")?,
        meta(Body::GeneralAssembly, 75, "csto"),
    );
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

/// Distinct real paragraphs (lines of ten words or more) from every corpus text.
fn pool() -> Vec<String> {
    let Some(dir) = corpus_dir() else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = walk(&dir);
    files.sort();
    let mut seen = std::collections::BTreeSet::new();
    let mut out = Vec::new();
    for f in files {
        let Ok(text) = std::fs::read_to_string(&f) else {
            continue;
        };
        for line in text.lines().map(str::trim) {
            if line.split_whitespace().count() >= 10 && seen.insert(line.to_string()) {
                out.push(line.to_string());
            }
        }
    }
    out
}

fn walk(dir: &std::path::Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else if path.extension().is_some_and(|x| x == "txt") {
            out.push(path);
        }
    }
    out
}

/// 2,000 operative paragraphs, each two real paragraphs joined (so all are
/// distinct), and a new version with known edits: every 50th moved 300
/// places on, every 10th loses a word, every 100th split in two at a word
/// boundary, every 97th removed, ten added.
fn large_pair() -> Option<(Resolution, Resolution)> {
    let pool = pool();
    let p = pool.len();
    if p < 50 {
        return None;
    }
    let texts: Vec<String> = (0..2000)
        .map(|i| format!("{} {}", pool[i % p], pool[(i / p + 1 + 7 * i) % p]))
        .collect();
    let mut new: Vec<String> = Vec::new();
    let mut moved = Vec::new();
    for (i, t) in texts.iter().enumerate() {
        if i % 97 == 96 {
            continue;
        }
        if i % 50 == 25 {
            moved.push(t.clone());
            continue;
        }
        if i % 100 == 10 {
            let words: Vec<&str> = t.split(' ').collect();
            let mid = words.len() / 2;
            new.push(words[..mid].join(" "));
            new.push(words[mid..].join(" "));
            continue;
        }
        if i % 10 == 3 {
            let mut words: Vec<&str> = t.split(' ').collect();
            words.remove(words.len() / 3);
            new.push(words.join(" "));
            continue;
        }
        new.push(t.clone());
    }
    for (k, t) in moved.into_iter().enumerate() {
        let at = (k * 300 + 150) % (new.len() + 1);
        new.insert(at, t);
    }
    for k in 0..10 {
        new.insert(k * 150, pool[(k * 13 + 5) % p].clone());
    }
    let build = |texts: &[String], version| {
        let mut r = Resolution {
            meta: meta(Body::GeneralAssembly, version, "large"),
            enacting_formula: None,
            preamble: Vec::new(),
            operative: Vec::new(),
            footnotes: Vec::new(),
        };
        r.operative = texts
            .iter()
            .enumerate()
            .map(|(i, t)| paragraph(t, Part::Operative, Some((i + 1).to_string())))
            .collect();
        r
    };
    Some((build(&texts, 75), build(&new, 77)))
}

fn cached<T>(
    cell: &'static OnceLock<Option<T>>,
    make: impl FnOnce() -> Option<T>,
) -> Option<&'static T> {
    cell.get_or_init(make).as_ref()
}

static CSTO: OnceLock<Option<(Resolution, Resolution)>> = OnceLock::new();
static LARGE: OnceLock<Option<(Resolution, Resolution)>> = OnceLock::new();

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
        bencher.bench(|| align_paragraphs(&old.operative, &new.operative));
    }
}

#[divan::bench(sample_count = 20)]
fn large_2000_compare(bencher: Bencher) {
    if let Some((old, new)) = cached(&LARGE, large_pair) {
        bencher.bench(|| compare(old, new));
    }
}
