//! `resdiff compare` through the real binary: the shipped 75 → 77 pair,
//! exit codes like `git diff`, `--fail-on` policies, and `--git` review of a
//! temporary repository with real commits.

use std::path::Path;
use std::process::Command;

use predicates::prelude::*;

use crate::common::{assert_success, project_root, resdiff};

fn json(args: &[&str]) -> serde_json::Value {
    let out = resdiff().args(args).output().unwrap();
    assert_success(&out);
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn the_shipped_pair_shows_exactly_the_two_routine_session_updates() {
    let c = json(&["compare", "75", "77", "--format", "json"]);
    assert_eq!(c["old"]["symbol"], "A/75/L.78");
    assert_eq!(c["new"]["session"], 77);
    assert_eq!(c["summary"]["operative"]["modified"], 2);
    assert_eq!(c["summary"]["operative"]["unchanged"], 7);
    assert_eq!(c["summary"]["preamble"]["unchanged"], 15);
    assert_eq!(c["summary"]["routine"], 2);
    let changed: Vec<&serde_json::Value> = c["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["status"] != "unchanged")
        .collect();
    assert_eq!(changed.len(), 2);
    for (p, number) in changed.iter().zip(["8", "9"]) {
        assert_eq!(p["part"], "operative");
        assert_eq!(p["new"]["number"], number);
        assert_eq!(p["routine"], true);
        let deleted: Vec<&str> = p["words"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|w| w["op"] == "delete")
            .map(|w| w["text"].as_str().unwrap())
            .collect();
        let inserted: Vec<&str> = p["words"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|w| w["op"] == "insert")
            .map(|w| w["text"].as_str().unwrap())
            .collect();
        assert_eq!(
            (deleted, inserted),
            (vec!["seventy-seventh"], vec!["seventy-ninth"])
        );
    }
}

#[test]
fn exit_codes_follow_git_diff() {
    // Comparing a version with itself: all unchanged, exit 0 even with --exit-code.
    let same = json(&["compare", "75", "A/75/L.78", "--format", "json"]);
    assert!(
        same["paragraphs"]
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p["status"] == "unchanged")
    );
    resdiff()
        .args(["compare", "75", "75", "--exit-code"])
        .assert()
        .code(0);
    resdiff().args(["compare", "75", "77"]).assert().code(0);
    resdiff()
        .args(["compare", "75", "77", "--exit-code"])
        .assert()
        .code(1);
    resdiff()
        .args(["compare", "75", "78"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown version \"78\""));
}

#[test]
fn fail_on_gates_only_on_the_chosen_kinds_of_change() {
    // 75 -> 77 changes two operative paragraphs, routinely.
    resdiff()
        .args(["compare", "75", "77", "--fail-on", "any"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("--fail-on any: matched"));
    resdiff()
        .args([
            "compare",
            "77",
            "75",
            "--fail-on",
            "removed,weakened,operative,preamble,added",
        ])
        .assert()
        .code(0);
    resdiff()
        .args(["compare", "75", "77", "--fail-on", "bogus"])
        .assert()
        .code(2);
}

#[test]
fn a_changed_lead_trips_the_weakened_policy() {
    let dir = tempfile::tempdir().unwrap();
    let base = std::fs::read_to_string(project_root().join("resolutions/csto/75.md")).unwrap();
    // "Requests" -> "Invites" on operative paragraph 8: weaker on the scale.
    let weakened = base.replace(
        "8. _Requests_ the Secretary-General",
        "8. _Invites_ the Secretary-General",
    );
    assert_ne!(weakened, base);
    std::fs::write(dir.path().join("old.md"), &base).unwrap();
    std::fs::write(dir.path().join("new.md"), &weakened).unwrap();
    let old = dir.path().join("old.md");
    let new = dir.path().join("new.md");
    let (old, new) = (old.to_str().unwrap(), new.to_str().unwrap());
    resdiff()
        .args(["compare", old, new, "--fail-on", "weakened"])
        .assert()
        .code(1);
    resdiff()
        .args(["compare", old, new, "--fail-on", "strengthened"])
        .assert()
        .code(0);
    let c = json(&["compare", old, new, "--format", "json"]);
    let changed: Vec<_> = c["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["status"] != "unchanged")
        .collect();
    assert_eq!(changed.len(), 1);
    assert_eq!(
        changed[0]["lead_change"],
        serde_json::json!({"old": "Requests", "new": "Invites", "direction": "weaker"})
    );
}

#[cfg_attr(corpus_missing, ignore = "needs ../shared/corpus")]
#[test]
fn different_series_compare_with_a_warning() {
    let Some(corpus) = crate::common::shared_corpus() else {
        return;
    };
    let sc = corpus.join("sc/S_2018_95.txt");
    resdiff()
        .args(["compare", "75", sc.to_str().unwrap(), "--format", "json"])
        .assert()
        .code(0)
        .stderr(predicate::str::contains(
            "warning: the versions belong to different series (csto, sc)",
        ));
}

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args([
            "-c",
            "user.name=resdiff test",
            "-c",
            "user.email=test@example.invalid",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .status()
        .unwrap();
    assert!(status.success(), "git {args:?}");
}

/// A repository whose first commit has the shipped 75; then 75 is edited
/// in the working tree and 77 is added, as a drafter's pull request would.
fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir_all(d.join("resolutions/csto")).unwrap();
    std::fs::copy(
        project_root().join("resolutions/csto/75.md"),
        d.join("resolutions/csto/75.md"),
    )
    .unwrap();
    git(d, &["init", "-q", "-b", "main"]);
    git(d, &["add", "."]);
    git(d, &["commit", "-q", "-m", "75"]);
    dir
}

#[test]
fn git_mode_reviews_every_changed_resolution_in_one_report() {
    let repo = repository();
    let d = repo.path();
    // A new version file: compared with its predecessor at the revision.
    std::fs::copy(
        project_root().join("resolutions/csto/77.md"),
        d.join("resolutions/csto/77.md"),
    )
    .unwrap();
    let out = resdiff()
        .current_dir(d)
        .args(["compare", "--git", "HEAD", "--format", "json"])
        .output()
        .unwrap();
    assert_success(&out);
    let all: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(all.as_array().unwrap().len(), 1);
    assert_eq!(all[0]["old"]["session"], 75);
    assert_eq!(all[0]["new"]["session"], 77);
    assert_eq!(all[0]["summary"]["routine"], 2);

    // Now also edit the committed 75 (a lead weakened): two comparisons, one report.
    let path = d.join("resolutions/csto/75.md");
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("8. _Requests_ the", "8. _Invites_ the");
    std::fs::write(&path, text).unwrap();
    let out = resdiff()
        .current_dir(d)
        .args(["compare", "--git", "HEAD", "--format", "md"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.starts_with("# Review of 2 changed resolutions"), "{md}");
    resdiff()
        .current_dir(d)
        .args(["compare", "--git", "HEAD", "--fail-on", "weakened"])
        .assert()
        .code(1);
    resdiff()
        .current_dir(d)
        .args([
            "compare",
            "--git",
            "HEAD",
            "--format",
            "html",
            "-o",
            "review.html",
        ])
        .assert()
        .code(0);
    let html = std::fs::read_to_string(d.join("review.html")).unwrap();
    assert!(html.contains("Review of 2 changed resolutions"));
}

/// A resolution file deleted in the pull request removes every paragraph
/// it had: a comparison that says so and trips `--fail-on removed`.
#[test]
fn git_mode_counts_a_deleted_resolution_as_removed() {
    let repo = repository();
    let d = repo.path();
    std::fs::remove_file(d.join("resolutions/csto/75.md")).unwrap();
    resdiff()
        .current_dir(d)
        .args(["compare", "--git", "HEAD", "--fail-on", "removed"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("--fail-on removed: matched"));
    let out = resdiff()
        .current_dir(d)
        .args(["compare", "--git", "HEAD", "--format", "json"])
        .output()
        .unwrap();
    assert_success(&out);
    let all: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let summary = &all[0]["summary"];
    assert_eq!(
        (
            summary["preamble"]["removed"].as_u64(),
            summary["operative"]["removed"].as_u64()
        ),
        (Some(15), Some(9))
    );
    assert!(
        all[0]["warnings"][0]
            .as_str()
            .unwrap()
            .contains("resolutions/csto/75.md was deleted since HEAD")
    );
}

#[test]
fn git_mode_with_nothing_changed_says_so() {
    let repo = repository();
    resdiff()
        .current_dir(repo.path())
        .args(["compare", "--git", "HEAD", "--exit-code"])
        .assert()
        .code(0)
        .stdout("No resolution changed.\n")
        .stderr(predicate::str::contains(
            "no resolution in resolutions/ changed since HEAD",
        ));
}

#[test]
fn git_mode_errors_outside_a_repository_or_with_an_unknown_revision() {
    let dir = tempfile::tempdir().unwrap();
    resdiff()
        .current_dir(dir.path())
        .args(["compare", "--git", "HEAD"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--git needs a git repository"));
    let repo = repository();
    resdiff()
        .current_dir(repo.path())
        .args(["compare", "--git", "no-such-branch"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "unknown revision \"no-such-branch\"",
        ));
}

#[test]
fn a_version_without_an_operative_part_still_compares() {
    // The 75th-session text cut after its preamble.
    let dir = tempfile::tempdir().unwrap();
    let base = std::fs::read_to_string(project_root().join("resolutions/csto/75.md")).unwrap();
    let preamble_only: String = base.split("\n1. ").next().unwrap().to_string();
    let path = dir.path().join("preamble-only.md");
    std::fs::write(&path, &preamble_only).unwrap();
    let p = path.to_str().unwrap();
    let c = json(&["compare", p, "75", "--format", "json"]);
    assert_eq!(c["summary"]["preamble"]["unchanged"], 15);
    assert_eq!(c["summary"]["operative"]["added"], 9);
    let back = json(&["compare", "75", p, "--format", "json"]);
    assert_eq!(back["summary"]["operative"]["removed"], 9);
    resdiff()
        .args(["compare", p, p, "--exit-code"])
        .assert()
        .code(0);
}

/// `--format docx -o FILE`: a Word file, the same bytes for the same
/// inputs, the revisions by the author given.
#[test]
fn a_word_redline_is_written_the_same_every_time() {
    let dir = tempfile::tempdir().unwrap();
    let run = |name: &str, author: &[&str]| {
        let path = dir.path().join(name);
        resdiff()
            .args(["compare", "75", "77", "--format", "docx", "-o"])
            .arg(&path)
            .args(author)
            .assert()
            .code(0)
            .stderr(predicate::str::contains("wrote "));
        std::fs::read(path).unwrap()
    };
    let first = run("a.docx", &[]);
    assert!(first.starts_with(b"PK\x03\x04"), "a zip");
    assert_eq!(first, run("b.docx", &[]), "byte-identical");
    let signed = run("c.docx", &["--author", "Delegation of Ruritania"]);
    assert_ne!(first, signed);
    let xml = docx_part(&signed, "word/document.xml");
    assert!(xml.contains(r#"w:author="Delegation of Ruritania""#));
    assert!(xml.contains("<w:ins ") && xml.contains("<w:del "));
}

/// `draft NEXT --from BASE --format docx`: the next session's base text in
/// Word, its routine updates as tracked changes, tracking switched on.
#[test]
fn a_word_draft_tracks_its_routine_updates_and_the_delegates_edits() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("79.docx");
    resdiff()
        .args(["draft", "79", "--from", "77", "--format", "docx", "-o"])
        .arg(&path)
        .assert()
        .code(0)
        .stderr(predicate::str::contains("2 routine updates"));
    let bytes = std::fs::read(&path).unwrap();
    assert!(docx_part(&bytes, "word/settings.xml").contains("<w:trackRevisions/>"));
    let document = docx_part(&bytes, "word/document.xml");
    assert_eq!(
        document.matches("eighty-first</w:t></w:r></w:ins>").count(),
        2
    );
    assert_eq!(document.matches(">seventy-ninth</w:delText>").count(), 2);
}

/// Word as input: a redline resdiff wrote reads back as either version
/// (`--revisions`), and a damaged or password-protected document gets one
/// clear error.
#[test]
fn word_documents_are_read_and_bad_ones_refused() {
    let (dir, redline) = redline_75_77();
    for (revisions, same_as) in [("accept", "77"), ("reject", "75")] {
        resdiff()
            .args(["compare", same_as])
            .arg(&redline)
            .args(["--revisions", revisions, "--exit-code", "-q"])
            .assert()
            .code(0);
    }
    let encrypted = dir.path().join("locked.docx");
    let mut cfb = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    cfb.extend([0u8; 504]);
    std::fs::write(&encrypted, cfb).unwrap();
    resdiff()
        .args(["show"])
        .arg(&encrypted)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("password-protected"));
    let bytes = std::fs::read(&redline).unwrap();
    let damaged = dir.path().join("damaged.docx");
    std::fs::write(&damaged, &bytes[..bytes.len() / 2]).unwrap();
    resdiff()
        .args(["show"])
        .arg(&damaged)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "damaged.docx: not a readable Word document",
        ));
}

/// `compare FILE.docx` alone: what the document's tracked changes do, its
/// text with them rejected against its text with them accepted.
#[test]
fn one_word_document_is_compared_as_its_own_two_versions() {
    let (_dir, redline) = redline_75_77();
    let out = resdiff()
        .arg("compare")
        .arg(&redline)
        .args(["--color", "never", "--exit-code", "-q"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "the tracked changes change it");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("[-seventy-seventh-]{+seventy-ninth+}"),
        "{text}"
    );
    assert!(
        text.contains("22 unchanged paragraphs not shown."),
        "{text}"
    );
}

/// The Word redline of the shipped 75 → 77, in a temporary directory.
fn redline_75_77() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let redline = dir.path().join("redline.docx");
    resdiff()
        .args(["compare", "75", "77", "--format", "docx", "-o"])
        .arg(&redline)
        .assert()
        .code(0);
    (dir, redline)
}

/// The text of the part `name` of a Word package.
fn docx_part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut xml).unwrap();
    xml
}
