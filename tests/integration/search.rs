//! `resdiff search` over the whole shared corpus: an exact phrase finds
//! every paragraph a plain scan of the texts finds, no more; an edited copy
//! of a real paragraph finds the paragraph first; the command reads `--in`
//! directories of every format and a paragraph of a file as its query.

use std::collections::BTreeSet;
use std::path::PathBuf;

use predicates::prelude::*;
use resdiff::search::{Filters, Mode, Record};

use crate::common::{project_root, resdiff, shared_corpus};

/// Every document of the shared corpus that resdiff reads, and the shipped
/// resolutions, each as (source, resolution).
fn documents(corpus: &std::path::Path) -> Vec<(String, resdiff::Resolution)> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(corpus)
        .into_iter()
        .chain(walkdir::WalkDir::new(project_root().join("resolutions")))
        .filter_map(|e| e.ok())
        .map(|e| e.into_path())
        .filter(|p| {
            p.extension()
                .is_some_and(|x| x == "txt" || x == "pdf" || x == "md")
        })
        .filter(|p| !p.ends_with("README.md"))
        .collect();
    files.sort();
    files
        .into_iter()
        .filter_map(|f| {
            let r = resdiff::load_file(&f, None).ok()?.resolution;
            Some((f.display().to_string(), r))
        })
        .collect()
}

/// Lower case, typeset variants plain, every run of non-letters one space:
/// how a person would grep for a phrase.
fn plain(text: &str) -> String {
    let lowered: String = text
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    format!(
        " {} ",
        lowered.split_whitespace().collect::<Vec<_>>().join(" ")
    )
}

#[test]
fn an_exact_phrase_finds_what_a_plain_scan_of_every_text_finds() {
    let Some(corpus) = shared_corpus() else {
        return;
    };
    let documents = documents(&corpus);
    assert!(documents.len() > 40, "{}", documents.len());
    let mut record = Record::default();
    for (source, r) in &documents {
        record.add(r, source);
    }
    for phrase in [
        "Collective Security Treaty Organization",
        "remain seized of the matter",
        "laws and measures",
        "Peacebuilding Commission",
    ] {
        let found: BTreeSet<(String, String)> = record
            .search(phrase, Mode::Exact, &Filters::default(), usize::MAX)
            .into_iter()
            .map(|h| (h.source, h.entry.label))
            .collect();
        let wanted = plain(phrase);
        let scanned: BTreeSet<(String, String)> = record
            .entries
            .iter()
            .filter(|e| plain(&e.text).contains(&wanted))
            .map(|e| (record.documents[e.document].1.clone(), e.label.clone()))
            .collect();
        assert!(!scanned.is_empty(), "{phrase}: the corpus has it");
        assert_eq!(found, scanned, "{phrase}");
    }
}

#[test]
fn an_edited_copy_of_a_real_paragraph_finds_it_first() {
    let Some(corpus) = shared_corpus() else {
        return;
    };
    let mut record = Record::default();
    for (source, r) in documents(&corpus) {
        record.add(&r, &source);
    }
    // Every operative paragraph of S/2019/266 of 30 words or more, with
    // words dropped and one changed, as a drafter would edit it.
    let original = resdiff::load_file(&corpus.join("sc/S_2019_266.txt"), None)
        .unwrap()
        .resolution;
    let mut tried = 0;
    for p in original
        .operative
        .iter()
        .filter(|p| p.text.split_whitespace().count() >= 30)
    {
        let words: Vec<&str> = p.text.split_whitespace().collect();
        let mut edited: Vec<&str> = words
            .iter()
            .enumerate()
            .filter(|(i, _)| i % 9 != 4)
            .map(|(_, w)| *w)
            .collect();
        edited[2] = "strongly";
        let hits = record.search(&edited.join(" "), Mode::Near, &Filters::default(), 3);
        assert!(!hits.is_empty(), "{:?}", p.number);
        assert_eq!(hits[0].entry.text, p.full_text(), "OP{:?}", p.number);
        tried += 1;
    }
    assert!(tried >= 10, "{tried}");
}

#[test]
fn search_reads_directories_and_takes_a_paragraph_of_a_file_as_its_query() {
    let Some(corpus) = shared_corpus() else {
        return;
    };
    let dir = corpus.join("csto");
    let out = resdiff()
        .current_dir(project_root())
        .args([
            "search",
            "Collective Security Treaty Organization",
            "--format",
            "json",
            "--in",
        ])
        .arg(&dir)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let groups: Vec<resdiff::render::SearchGroup> = serde_json::from_slice(&out).unwrap();
    let sources: BTreeSet<&str> = groups[0].hits.iter().map(|h| h.source.as_str()).collect();
    assert!(
        sources.iter().any(|s| s.ends_with("A_75_L.78.txt")),
        "{sources:?}"
    );
    assert!(
        sources.iter().any(|s| s.ends_with("csto/75.md")),
        "{sources:?}"
    );
    // A paragraph of a file as the query: its own copies come first.
    let file = project_root().join("resolutions/csto/75.md");
    resdiff()
        .current_dir(project_root())
        .args(["search", "--near", "--paragraph", "OP3", "--file"])
        .arg(&file)
        .assert()
        .success()
        .stdout(predicates::str::contains("OP3").and(predicates::str::contains("exact")));
    resdiff()
        .current_dir(project_root())
        .args(["search", "--paragraph", "OP99", "--file"])
        .arg(&file)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("has no paragraph OP99"));
    resdiff()
        .current_dir(project_root())
        .args(["search"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("search needs a phrase"));
    resdiff()
        .current_dir(project_root())
        .args(["search", " -- "])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("has no words to search for"));
}

#[test]
fn the_report_never_replaces_a_document_it_searched() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("75.md");
    let original = std::fs::read(project_root().join("resolutions/csto/75.md")).unwrap();
    std::fs::write(&doc, &original).unwrap();
    resdiff()
        .current_dir(dir.path())
        .args(["search", "Collective", "--in"])
        .arg(dir.path())
        .arg("-o")
        .arg(&doc)
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "is one of the files this command reads",
        ));
    assert_eq!(std::fs::read(&doc).unwrap(), original);
}
