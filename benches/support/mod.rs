//! The generated pairs shared by `benches/compare.rs` and
//! `examples/large_pair.rs`: operative paragraphs built from real corpus
//! sentences (2,000 of them unless asked for another size), and a new
//! version with known edits.
#![allow(dead_code)] // each includer uses a subset

use std::path::{Path, PathBuf};

use resdiff::lang::Language;
use resdiff::model::{Body, Meta, Paragraph, Part, Resolution};

/// `../shared/corpus` beside the crate, if present.
pub fn corpus_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    dir.is_dir().then_some(dir)
}

/// Distinct real paragraphs (lines of ten words or more, without a leading
/// "12. " label) from every corpus text, in a fixed order. Lines an importer
/// would not read as one paragraph are left out: several numbered
/// paragraphs run together ("…; 13. Decides to remain seized of the
/// matter."), the closing "seized of" paragraph, sub-paragraphs and bullets.
pub fn pool(corpus: &Path) -> Vec<String> {
    let mut files: Vec<PathBuf> = walk(corpus);
    files.sort();
    let mut seen = std::collections::BTreeSet::new();
    let mut out = Vec::new();
    for f in files {
        let Ok(text) = std::fs::read_to_string(&f) else {
            continue;
        };
        for line in text.lines().map(strip_label) {
            if line.split_whitespace().count() >= 10
                && one_paragraph(line)
                && seen.insert(line.to_string())
            {
                out.push(line.to_string());
            }
        }
    }
    out
}

fn one_paragraph(line: &str) -> bool {
    let runs_on = line.split_whitespace().skip(1).any(|w| {
        w.strip_suffix('.')
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    });
    !runs_on && !line.contains("seized of") && !line.starts_with(['(', '•'])
}

fn strip_label(line: &str) -> &str {
    let line = line.trim();
    match line.split_once(". ") {
        Some((n, rest)) if !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) => rest.trim(),
        _ => line,
    }
}

fn walk(dir: &Path) -> Vec<PathBuf> {
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

/// 2,000 operative paragraph texts and their new version
/// ([`generated_texts`] of 2,000).
pub fn large_texts(pool: &[String]) -> Option<(Vec<String>, Vec<String>)> {
    generated_texts(pool, 2000)
}

/// `n` operative paragraph texts, each two real paragraphs joined (a third
/// too past the pool's square, so all stay distinct), and a new version
/// with known edits: every 50th moved 300 places on, every 10th loses a
/// word, every 100th split in two at a word boundary, every 97th removed,
/// one added per 200. `None` with fewer than 50 real paragraphs to draw
/// from.
pub fn generated_texts(pool: &[String], n: usize) -> Option<(Vec<String>, Vec<String>)> {
    let p = pool.len();
    if p < 50 {
        return None;
    }
    let texts: Vec<String> = (0..n)
        .map(|i| {
            let two = format!("{} {}", pool[i % p], pool[(i / p + 1 + 7 * i) % p]);
            if i < p * p {
                two
            } else {
                format!("{two} {}", pool[(i / 3 + 11) % p])
            }
        })
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
    for k in 0..n / 200 {
        let at = (k * 150) % (new.len() + 1);
        new.insert(at, pool[(k * 13 + 5) % p].clone());
    }
    Some((texts, new))
}

/// The generated 2,000-paragraph pair ([`generated_resolutions`]).
pub fn large_resolutions() -> Option<(Resolution, Resolution)> {
    generated_resolutions(2000)
}

/// A General Assembly resolution of `meta` whose operative paragraphs are
/// `texts`, numbered from 1, leads found by the lexicon.
fn assembly_resolution(meta: Meta, texts: &[String]) -> Resolution {
    Resolution {
        meta,
        enacting_formula: Some("The General Assembly,".into()),
        preamble: Vec::new(),
        operative: texts
            .iter()
            .enumerate()
            .map(|(i, t)| Paragraph {
                number: Some((i + 1).to_string()),
                lead: Language::En
                    .lexicon()
                    .lead_at_start(t, Some(Part::Operative))
                    .map(|m| m.printed),
                text: t.clone(),
                ..Default::default()
            })
            .collect(),
        annexes: Vec::new(),
        footnotes: Vec::new(),
    }
}

/// The generated pair of `n` paragraphs as two General Assembly
/// resolutions of sessions 75 and 77 in series "large", leads found by the
/// lexicon.
pub fn generated_resolutions(n: usize) -> Option<(Resolution, Resolution)> {
    let (old, new) = generated_texts(&pool(&corpus_dir()?), n)?;
    let build = |texts: &[String], session| {
        assembly_resolution(
            Meta {
                body: Body::GeneralAssembly,
                session: Some(session),
                series: "large".into(),
                source: Some("generated from corpus sentences by benches/support".into()),
                ..Default::default()
            },
            texts,
        )
    };
    Some((build(&old, 75), build(&new, 77)))
}

/// A record of `documents` resolutions (leads found by the lexicon) built
/// from the real paragraphs of the pool, with the reuse of the real record: series of 16 versions, each
/// version the last one with about one paragraph in ten edited (a word
/// dropped), one in twenty dropped and one in twenty added from the pool.
/// A fixed pseudo-random sequence, so every run builds the same record.
/// `None` with fewer than 50 real paragraphs to draw from.
pub fn generated_record(pool: &[String], documents: usize) -> Option<Vec<Resolution>> {
    let p = pool.len();
    if p < 50 {
        return None;
    }
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    let mut out = Vec::with_capacity(documents);
    let mut texts: Vec<String> = Vec::new();
    for d in 0..documents {
        let version = d % 16;
        if version == 0 {
            let length = 20 + next(20);
            texts = (0..length).map(|_| pool[next(p)].clone()).collect();
        } else {
            let mut edited = Vec::with_capacity(texts.len() + 2);
            for t in &texts {
                match next(20) {
                    0 => {}
                    1 | 2 => {
                        let mut words: Vec<&str> = t.split(' ').collect();
                        if words.len() > 3 {
                            words.remove(next(words.len()));
                        }
                        edited.push(words.join(" "));
                    }
                    3 => {
                        edited.push(t.clone());
                        edited.push(pool[next(p)].clone());
                    }
                    _ => edited.push(t.clone()),
                }
            }
            texts = edited;
        }
        let session = 50 + version as u32;
        out.push(assembly_resolution(
            Meta {
                body: Body::GeneralAssembly,
                session: Some(session),
                series: format!("series-{}", d / 16),
                symbol: Some(format!("A/RES/{session}/{}", d / 16 + 1)),
                ..Default::default()
            },
            &texts,
        ));
    }
    Some(out)
}

/// The queries of the scale examples: a real phrase found in thousands of
/// paragraphs, and a real paragraph of the pool with every seventh word
/// dropped (an edited copy a near search should rank first).
pub fn search_queries(pool: &[String]) -> (String, String) {
    let edited: String = pool[7]
        .split(' ')
        .enumerate()
        .filter(|(i, _)| i % 7 != 3)
        .map(|(_, w)| w)
        .collect::<Vec<_>>()
        .join(" ");
    ("the Secretary-General".to_string(), edited)
}
