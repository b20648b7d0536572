//! The fuzz targets (`fuzz/`, cargo-fuzz on nightly) replayed on stable:
//! every input that ever failed (`fuzz/regressions/<target>/`) and the seeds
//! the fuzzer starts from (the shared corpus and `resolutions/`), through
//! the same target bodies, so `cargo test` keeps each fix fixed.

use std::path::{Path, PathBuf};

use crate::common::{project_root, shared_corpus};

#[path = "../../fuzz/src/targets.rs"]
mod targets;

fn files_in(dir: &Path, extensions: &[&str]) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .filter(|p| {
            extensions.is_empty()
                || p.extension()
                    .is_some_and(|x| extensions.iter().any(|e| x == *e))
        })
        .collect();
    files.sort();
    files
}

fn target(name: &str) -> targets::Target {
    targets::TARGETS
        .iter()
        .find(|(n, _)| *n == name)
        .unwrap_or_else(|| panic!("no fuzz target {name}"))
        .1
}

#[test]
fn every_input_that_ever_failed_passes() {
    let root = project_root().join("fuzz/regressions");
    let mut replayed = 0;
    for (name, run) in targets::TARGETS {
        for file in files_in(&root.join(name), &[]) {
            let data = std::fs::read(&file).unwrap();
            let outcome = std::panic::catch_unwind(|| run(&data));
            assert!(outcome.is_ok(), "{} fails {name} again", file.display());
            replayed += 1;
        }
    }
    // A file saved under a misspelt target would never be replayed.
    for file in files_in(&root, &[]) {
        let parent = file.parent().unwrap();
        let known = parent == root
            || targets::TARGETS
                .iter()
                .any(|(n, _)| parent.file_name().is_some_and(|p| p == *n));
        assert!(known, "{} is under no fuzz target", file.display());
    }
    eprintln!("replayed {replayed} fuzz regressions");
}

#[test]
fn the_shipped_resolutions_pass_the_canonical_and_compare_targets() {
    let files = files_in(&project_root().join("resolutions"), &["md"]);
    assert!(!files.is_empty());
    for pair in files.windows(2) {
        let (old, new) = (
            std::fs::read(&pair[0]).unwrap(),
            std::fs::read(&pair[1]).unwrap(),
        );
        target("canonical")(&old);
        target("compare_render")(&[old, vec![0], new].concat());
    }
}

#[cfg_attr(corpus_missing, ignore = "needs ../shared/corpus")]
#[test]
fn the_corpus_seeds_pass_every_target() {
    let Some(corpus) = shared_corpus() else {
        return;
    };
    let texts = files_in(&corpus, &["txt"]);
    for file in &texts {
        target("raw_text")(&std::fs::read(file).unwrap());
    }
    for file in files_in(&corpus, &["pdf"]) {
        target("pdf")(&std::fs::read(file).unwrap());
    }
    for pair in texts.windows(2).step_by(3) {
        let (old, new) = (
            std::fs::read(&pair[0]).unwrap(),
            std::fs::read(&pair[1]).unwrap(),
        );
        target("compare_render")(&[old, vec![0], new].concat());
    }
}
