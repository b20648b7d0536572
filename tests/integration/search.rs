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
            .unwrap()
            .into_iter()
            .map(|h| (h.source, h.entry.label))
            .collect();
        let wanted = plain(phrase);
        let scanned: Vec<(String, String)> = record
            .entries
            .iter()
            .filter(|e| plain(&e.text).contains(&wanted))
            .map(|e| (record.documents[e.document].1.clone(), e.label.clone()))
            .collect();
        // One file per document (symbol): the best format among those with
        // the phrase, .md, then .pdf, then .txt.
        let symbol_of = |source: &str| {
            let d = record.documents.iter().find(|(_, s)| s == source).unwrap();
            d.0.symbol.clone().unwrap_or_else(|| source.to_string())
        };
        let rank = |source: &str| {
            ["md", "docx", "pdf"]
                .iter()
                .position(|x| source.ends_with(*x))
                .unwrap_or(3)
        };
        let mut best: std::collections::BTreeMap<String, &str> = Default::default();
        for (source, _) in &scanned {
            let slot = best.entry(symbol_of(source)).or_insert(source);
            if rank(source) < rank(slot) {
                *slot = source;
            }
        }
        let scanned: BTreeSet<(String, String)> = scanned
            .iter()
            .filter(|(source, _)| best[&symbol_of(source)] == source.as_str())
            .cloned()
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
        let hits = record
            .search(&edited.join(" "), Mode::Near, &Filters::default(), 3)
            .unwrap();
        assert!(!hits.is_empty(), "{:?}", p.number);
        // The paragraph, from the file of S/2019/266 searches prefer (its
        // PDF: one document, one file).
        assert_eq!(
            (hits[0].meta.symbol.as_deref(), &hits[0].entry.label),
            (
                Some("S/2019/266"),
                &format!("OP{}", p.number.as_deref().unwrap_or("?"))
            ),
            "OP{:?}",
            p.number
        );
        assert!(
            hits[0].source.ends_with("S_2019_266.pdf"),
            "{}",
            hits[0].source
        );
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
    // A_75_L.78.txt is A/75/L.78, as csto/75.md is: one document, its
    // hits from the canonical file.
    assert!(
        !sources.iter().any(|s| s.ends_with("A_75_L.78.txt")),
        "{sources:?}"
    );
    assert!(
        sources.iter().any(|s| s.ends_with("csto/75.md")),
        "{sources:?}"
    );
    // A paragraph of a file as the query: its own document is left out
    // (the file, and A_75_L.78.txt by its symbol) unless asked.
    let file = project_root().join("resolutions/csto/75.md");
    let own = resdiff()
        .current_dir(project_root())
        .args(["search", "--near", "--paragraph", "OP3", "--in"])
        .arg(&dir)
        .arg("--file")
        .arg(&file)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let own = String::from_utf8(own).unwrap();
    assert!(
        !own.contains("csto/75.md") && !own.contains("A_75_L.78") && !own.contains("A/75/L.78"),
        "{own}"
    );
    resdiff()
        .current_dir(project_root())
        .args([
            "search",
            "--near",
            "--include-self",
            "--paragraph",
            "OP3",
            "--file",
        ])
        .arg(&file)
        .assert()
        .success()
        .stdout(
            predicates::str::contains("1. exact  A/75/L.78")
                .and(predicates::str::contains("csto/75.md")),
        );
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
    std::fs::copy(project_root().join("resolutions/csto/75.md"), &doc).unwrap();
    refuses_to_replace(dir.path(), &doc);
}

/// `search --in DIR -o DOC` fails, and DOC is as it was.
fn refuses_to_replace(dir: &std::path::Path, doc: &std::path::Path) {
    let before = std::fs::read(doc).unwrap();
    resdiff()
        .current_dir(dir)
        .args(["search", "Collective", "--in"])
        .arg(dir)
        .arg("-o")
        .arg(doc)
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "is one of the files this command reads",
        ));
    assert_eq!(std::fs::read(doc).unwrap(), before);
}

/// The shared corpus's readable documents copied into a new directory (the
/// index is written inside the directory it indexes, and the shared corpus
/// is not ours to write in), with their relative paths.
fn corpus_copy(corpus: &std::path::Path) -> (tempfile::TempDir, usize) {
    let dir = tempfile::tempdir().unwrap();
    let mut copied = 0;
    for (relative, path) in resdiff::search::index::readable_files(corpus).unwrap() {
        let to = dir.path().join(&relative);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(&path, &to).unwrap();
        copied += 1;
    }
    (dir, copied)
}

#[test]
fn a_search_through_the_index_finds_what_reading_every_file_finds() {
    use resdiff::search::{Holding, Index, search};
    let Some(corpus) = shared_corpus() else {
        return;
    };
    let (dir, copied) = corpus_copy(&corpus);
    assert!(copied > 40, "{copied}");
    let update =
        resdiff::search::index::update(dir.path(), Default::default(), &|_, _| {}).unwrap();
    // What cannot be read (the corpus README) is said, not indexed.
    assert_eq!(update.read, copied);
    assert!(
        update.documents + update.failed.len() == copied,
        "{update:?}"
    );
    let mut record = Record::default();
    for (_, path) in resdiff::search::index::readable_files(dir.path()).unwrap() {
        if let Ok(loaded) = resdiff::load_file(&path, None) {
            record.add(&loaded.resolution, &path.display().to_string());
        }
    }
    assert_eq!(record.documents.len(), update.documents);
    assert_eq!(record.entries.len(), update.paragraphs);
    let index = Index::open(dir.path()).unwrap().unwrap();
    let holdings = [Holding::Indexed(index)];
    let mut queries: Vec<(String, Mode)> = [
        "Collective Security Treaty Organization",
        "remain seized of the matter",
        "laws and measures",
        "Peacebuilding Commission",
        "Somalia",
    ]
    .iter()
    .map(|q| (q.to_string(), Mode::Exact))
    .collect();
    // Every 10th paragraph of the record, with words dropped, near.
    for e in record.entries.iter().step_by(10) {
        let edited: Vec<&str> = e
            .text
            .split_whitespace()
            .enumerate()
            .filter(|(i, _)| i % 6 != 2)
            .map(|(_, w)| w)
            .collect();
        queries.push((edited.join(" "), Mode::Near));
    }
    assert!(queries.len() > 100, "{}", queries.len());
    let mut found = 0;
    for (query, mode) in &queries {
        let memory = record
            .search(query, *mode, &Filters::default(), 20)
            .unwrap();
        let indexed = search(&holdings, query, *mode, &Filters::default(), 20).unwrap();
        assert_eq!(indexed, memory, "{query:?}");
        found += indexed.len();
    }
    assert!(found > 500, "{found}");
}

#[test]
fn resdiff_index_says_what_it_did_and_search_reads_through_it() {
    let dir = tempfile::tempdir().unwrap();
    let csto = dir.path().join("csto");
    std::fs::create_dir_all(&csto).unwrap();
    for v in ["75", "77"] {
        std::fs::copy(
            project_root().join(format!("resolutions/csto/{v}.md")),
            csto.join(format!("{v}.md")),
        )
        .unwrap();
    }
    resdiff()
        .args(["index"])
        .arg(dir.path())
        .assert()
        .success()
        .stdout(
            predicates::str::contains("2 documents").and(predicates::str::contains(
                "(2 read, 0 unchanged, 0 removed); 1 segment",
            )),
        );
    resdiff()
        .args(["index"])
        .arg(dir.path())
        .assert()
        .success()
        .stdout(predicates::str::contains(
            "(0 read, 2 unchanged, 0 removed)",
        ));
    let search = || {
        let out = resdiff()
            .current_dir(dir.path())
            .args([
                "search",
                "Collective Security Treaty Organization",
                "--format",
                "json",
                "--in",
            ])
            .arg(dir.path())
            .assert()
            .success();
        let output = out.get_output();
        let groups: Vec<resdiff::render::SearchGroup> =
            serde_json::from_slice(&output.stdout).unwrap();
        let sources: BTreeSet<String> = groups[0]
            .hits
            .iter()
            .map(|h| h.source.rsplit('/').next().unwrap().to_string())
            .collect();
        (
            sources,
            String::from_utf8_lossy(&output.stderr).into_owned(),
        )
    };
    let (sources, stderr) = search();
    assert_eq!(
        sources,
        BTreeSet::from(["75.md".to_string(), "77.md".to_string()])
    );
    assert!(!stderr.contains("out of date"), "{stderr}");
    // A file added since is read directly, and said.
    std::thread::sleep(std::time::Duration::from_millis(50));
    // (Without its symbol: a copy with A/75/L.78's would be that document
    // again, whose hits come from one file.)
    let copy = std::fs::read_to_string(csto.join("75.md"))
        .unwrap()
        .replacen("symbol = \"A/75/L.78\"\n", "", 1);
    std::fs::write(csto.join("76.md"), copy).unwrap();
    let (sources, stderr) = search();
    assert!(sources.contains("76.md"), "{sources:?}");
    assert!(
        stderr.contains("is out of date (1 file new or changed, 0 files removed)"),
        "{stderr}"
    );
    // The report may not replace a document read through the index.
    refuses_to_replace(dir.path(), &csto.join("77.md"));
    resdiff()
        .args(["index"])
        .arg(dir.path().join("missing"))
        .assert()
        .code(2)
        .stderr(predicates::str::contains("no such directory to index"));
}

#[test]
fn a_large_directory_without_an_index_gets_a_note_and_one_with_none() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read(project_root().join("resolutions/csto/75.md")).unwrap();
    for i in 0..500 {
        std::fs::write(dir.path().join(format!("{i:03}.md")), &text).unwrap();
    }
    let search = || {
        resdiff()
            .current_dir(dir.path())
            .args(["search", "Collective Security", "--limit", "1", "--in"])
            .arg(dir.path())
            .assert()
            .success()
    };
    search().stderr(predicates::str::contains("note: reading 500 files of"));
    resdiff()
        .args(["-q", "index"])
        .arg(dir.path())
        .assert()
        .success();
    search().stderr(predicates::str::contains("note:").not());
}

#[test]
fn agreed_language_is_the_wording_of_resolutions_as_adopted() {
    let Some(corpus) = shared_corpus() else {
        return;
    };
    let statuses = |extra: &[&str]| -> Vec<String> {
        let out = resdiff()
            .current_dir(project_root())
            .args([
                "search",
                "the Secretary-General",
                "--limit",
                "100000",
                "--format",
                "json",
            ])
            .args(extra)
            .arg("--in")
            .arg(&corpus)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let groups: Vec<resdiff::render::SearchGroup> = serde_json::from_slice(&out).unwrap();
        groups[0]
            .hits
            .iter()
            .map(|h| h.meta.status.name().to_string())
            .collect()
    };
    let all = statuses(&[]);
    assert!(
        all.iter().any(|s| s == "draft") && all.iter().any(|s| s == "adopted"),
        "{all:?}"
    );
    let adopted = statuses(&["--adopted"]);
    assert!(!adopted.is_empty());
    assert!(adopted.iter().all(|s| s == "adopted"), "{adopted:?}");
    assert_eq!(
        adopted.len(),
        all.iter().filter(|s| *s == "adopted").count()
    );
}

#[test]
fn a_document_in_two_formats_is_one_hit_and_the_query_s_own_is_left_out() {
    // S/2018/257 as the corpus has it, its PDF and its text dump, and
    // S/2020/445 (text), whose PP1 adds "all" to 2018's.
    let Some(corpus) = shared_corpus() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    for name in ["S_2018_257.pdf", "S_2018_257.txt", "S_2020_445.txt"] {
        std::fs::copy(corpus.join("sc").join(name), dir.path().join(name)).unwrap();
    }
    let search = |args: &[&str]| -> Vec<resdiff::search::Hit> {
        let out = resdiff()
            .current_dir(dir.path())
            .args(["search", "--format", "json", "-q", "--in"])
            .arg(dir.path())
            .args(args)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let groups: Vec<resdiff::render::SearchGroup> = serde_json::from_slice(&out).unwrap();
        groups.into_iter().flat_map(|g| g.hits).collect()
    };
    let file_of = |h: &resdiff::search::Hit| {
        std::path::Path::new(&h.source)
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned()
    };
    // A phrase both versions have: S/2018/257 once, from its PDF.
    let hits = search(&[
        "its previous resolutions and statements of its President on the situation in Somalia",
    ]);
    let files: Vec<String> = hits.iter().map(file_of).collect();
    assert_eq!(files, ["S_2018_257.pdf", "S_2020_445.txt"]);
    // The text dump's PP1 as the query: S/2018/257 is the query's own
    // document, in both files.
    let query = dir.path().join("S_2018_257.txt");
    let query = query.to_str().unwrap();
    let hits = search(&["--near", "--file", query, "--paragraph", "PP1"]);
    assert!(!hits.is_empty());
    assert!(
        hits.iter().all(|h| file_of(h) == "S_2020_445.txt"),
        "{:?}",
        hits.iter().map(file_of).collect::<Vec<_>>()
    );
    // Asked for, it is there, once, from the PDF.
    let hits = search(&[
        "--near",
        "--include-self",
        "--file",
        query,
        "--paragraph",
        "PP1",
    ]);
    let own: Vec<String> = hits
        .iter()
        .filter(|h| h.meta.symbol.as_deref() == Some("S/2018/257"))
        .map(|h| format!("{} {}", file_of(h), h.entry.label))
        .collect();
    assert_eq!(own, ["S_2018_257.pdf PP1"]);
    // --include-self needs --file.
    resdiff()
        .args(["search", "--include-self", "Somalia"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("--file"));
}
