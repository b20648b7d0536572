//! The CLI's contract: commands, formats, exit codes and error messages,
//! driven through the real binary on temporary corpora.

use std::path::Path;

use predicates::prelude::*;

use crate::common::resdiff;

/// A minimal canonical file: the mechanics under test are the CLI's, not
/// the text's.
fn canonical(series: &str, session: u32, symbol: &str, operative: &str) -> String {
    format!(
        "+++\nbody = \"General Assembly\"\nsymbol = \"{symbol}\"\nsession = {session}\nseries = \"{series}\"\nstatus = \"draft\"\n+++\n\n_The General Assembly_,\n\n_Recalling_ its resolution 59/50,\n\n1. _Requests_ a report at its {operative} session;\n2. _Decides_ to remain seized of the matter.\n"
    )
}

fn corpus_with(files: &[(&str, String)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (rel, text) in files {
        let path = dir.path().join("resolutions").join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

fn in_dir(dir: &Path) -> assert_cmd::Command {
    let mut cmd = resdiff();
    cmd.current_dir(dir);
    cmd
}

#[test]
fn list_shows_series_and_versions_as_text_and_json() {
    let dir = corpus_with(&[
        (
            "csto/75.md",
            canonical("csto", 75, "A/75/L.78", "seventy-seventh"),
        ),
        (
            "csto/77.md",
            canonical("csto", 77, "A/77/L.13", "seventy-ninth"),
        ),
    ]);
    in_dir(dir.path())
        .arg("list")
        .assert()
        .success()
        .stdout(predicate::str::contains("csto\n  75     A/75/L.78"))
        .stdout(predicate::str::contains("  77     A/77/L.13"));
    let out = in_dir(dir.path())
        .args(["list", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json[0]["name"], "csto");
    assert_eq!(json[0]["versions"][1]["version"], "77");
}

#[test]
fn list_is_found_from_a_subdirectory() {
    let dir = corpus_with(&[(
        "csto/75.md",
        canonical("csto", 75, "A/75/L.78", "seventy-seventh"),
    )]);
    let sub = dir.path().join("docs/deep");
    std::fs::create_dir_all(&sub).unwrap();
    in_dir(&sub)
        .arg("list")
        .assert()
        .success()
        .stdout(predicate::str::contains("A/75/L.78"));
}

#[test]
fn show_prints_structure_json_and_markdown() {
    let text = canonical("csto", 75, "A/75/L.78", "seventy-seventh");
    let dir = corpus_with(&[("csto/75.md", text.clone())]);
    in_dir(dir.path())
        .args(["show", "75"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Preamble: 1 paragraph\n"))
        .stdout(predicate::str::contains("  OP1  Requests"))
        .stdout(predicate::str::contains(
            "Enacting formula: The General Assembly,",
        ));
    let out = in_dir(dir.path())
        .args(["show", "A/75/L.78", "--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["meta"]["symbol"], "A/75/L.78");
    assert_eq!(json["preamble"][0]["number"], serde_json::Value::Null);
    assert_eq!(json["operative"][1]["number"], "2");
    assert_eq!(json["operative"][1]["lead"], "Decides");
    // The Markdown form is the file itself, byte for byte.
    in_dir(dir.path())
        .args(["show", "75", "--format", "md"])
        .assert()
        .success()
        .stdout(text);
}

#[test]
fn show_accepts_a_path_outside_any_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("v.md");
    std::fs::write(&file, canonical("csto", 75, "A/75/L.78", "seventy-seventh")).unwrap();
    in_dir(dir.path())
        .args(["show", file.to_str().unwrap()])
        .assert()
        .success();
}

fn fails_with(cmd: &mut assert_cmd::Command, message: &str) {
    cmd.assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(message));
}

#[test]
fn unknown_versions_list_the_known_ones() {
    let dir = corpus_with(&[(
        "csto/75.md",
        canonical("csto", 75, "A/75/L.78", "seventy-seventh"),
    )]);
    fails_with(
        in_dir(dir.path()).args(["show", "76"]),
        "unknown version \"76\"",
    );
    fails_with(
        in_dir(dir.path()).args(["show", "76"]),
        "csto: 75 (A/75/L.78)",
    );
}

#[test]
fn bad_files_name_the_file_and_line() {
    let dir = corpus_with(&[]);
    let d = dir.path();
    std::fs::write(d.join("empty.md"), "").unwrap();
    fails_with(
        in_dir(d).args(["show", "empty.md"]),
        "empty.md: the file is empty",
    );
    std::fs::write(d.join("latin1.txt"), b"Recalling\n caf\xe9,\n").unwrap();
    fails_with(
        in_dir(d).args(["show", "latin1.txt"]),
        "latin1.txt:2: not UTF-8 text",
    );
    std::fs::write(d.join("bad.md"), "+++\nbody = \"General Assembly\"\nseries = csto\nstatus = \"draft\"\n+++\n\n_Recalling_ x,\n").unwrap();
    fails_with(
        in_dir(d).args(["show", "bad.md"]),
        "bad.md:3: invalid front matter",
    );
    fails_with(
        in_dir(d).args(["show", "missing.md"]),
        "missing.md: no such file",
    );
}

#[test]
fn a_missing_corpus_is_explained() {
    let dir = tempfile::tempdir().unwrap();
    fails_with(
        in_dir(dir.path()).args(["show", "75"]),
        "no `resolutions` directory here or in any parent",
    );
}

#[test]
fn duplicate_versions_are_refused() {
    let dir = corpus_with(&[
        (
            "csto/75.md",
            canonical("csto", 75, "A/75/L.78", "seventy-seventh"),
        ),
        (
            "csto/75b.md",
            canonical("csto", 75, "A/75/L.79", "seventy-seventh"),
        ),
    ]);
    fails_with(
        in_dir(dir.path()).arg("list"),
        "two files claim version 75 of series csto",
    );
}

#[test]
fn draft_writes_the_next_version_into_the_corpus_and_reports_updates() {
    let dir = corpus_with(&[(
        "csto/75.md",
        canonical("csto", 75, "A/75/L.78", "seventy-seventh"),
    )]);
    in_dir(dir.path())
        .args(["draft", "77", "--from", "75"])
        .assert()
        .success()
        .stderr(predicate::str::contains("1 routine update"))
        .stderr(predicate::str::contains(
            "OP1: seventy-seventh session -> seventy-ninth session",
        ));
    let written = std::fs::read_to_string(dir.path().join("resolutions/csto/77.md")).unwrap();
    assert!(written.contains("session = 77\n"));
    assert!(written.contains("generated_from = \"csto 75 (A/75/L.78)\""));
    assert!(written.contains("at its seventy-ninth session;"));
    // The new version is listed and refuses to be overwritten by accident.
    in_dir(dir.path())
        .arg("list")
        .assert()
        .success()
        .stdout(predicate::str::contains("generated draft from csto 75"));
    fails_with(
        in_dir(dir.path()).args(["draft", "77", "--from", "75"]),
        "already exists: pass --force",
    );
    in_dir(dir.path())
        .args(["draft", "77", "--from", "75", "--force"])
        .assert()
        .success();
    in_dir(dir.path())
        .args(["draft", "79", "--from", "77", "-o", "-"])
        .assert()
        .success()
        .stdout(predicate::str::contains("at its eighty-first session;"));
}

#[test]
fn an_unwritable_output_leaves_no_file() {
    let dir = corpus_with(&[(
        "csto/75.md",
        canonical("csto", 75, "A/75/L.78", "seventy-seventh"),
    )]);
    fails_with(
        in_dir(dir.path()).args(["draft", "77", "--from", "75", "-o", "no/such/dir/77.md"]),
        "no/such/dir/77.md: cannot write: directory",
    );
    assert!(!dir.path().join("no").exists());
}

#[test]
fn usage_errors_exit_with_2() {
    resdiff().args(["show"]).assert().code(2);
    resdiff().args(["frobnicate"]).assert().code(2);
}

/// Two language versions of one resolution are not redlined: compare
/// refuses them, saying which is in which language.
#[cfg_attr(corpus_missing, ignore = "needs ../shared/corpus")]
#[test]
fn compare_refuses_versions_in_two_languages() {
    let Some(corpus) = crate::common::shared_corpus() else {
        return;
    };
    let output = resdiff()
        .arg("compare")
        .arg(corpus.join("langs/S_RES_1498_2003-fr.txt"))
        .arg(corpus.join("langs/S_RES_1498_2003-en.txt"))
        .arg("-q")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("S_RES_1498_2003-fr.txt is in français (fr)")
            && stderr.contains("S_RES_1498_2003-en.txt in English (en)")
            && stderr.contains("cross-language check"),
        "{stderr}"
    );
    assert!(output.stdout.is_empty());
}

/// `--lang` forces the language a text is read in; an unknown code is
/// refused with the codes resdiff knows; `-vv` names the rule that decided
/// each line.
#[cfg_attr(corpus_missing, ignore = "needs ../shared/corpus")]
#[test]
fn lang_forces_the_language_and_vv_traces_the_rules() {
    let Some(corpus) = crate::common::shared_corpus() else {
        return;
    };
    let file = corpus.join("fr/S_RES_1541_2004-fr.txt");
    let forced = resdiff()
        .args(["show", "--format", "json", "--lang", "en"])
        .arg(&file)
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&forced.stdout).unwrap();
    assert_eq!(json["meta"]["language"], "en");
    // Read as English, the French formula is not one.
    assert!(json["enacting_formula"].is_null());
    let bad = resdiff()
        .args(["show", "--lang", "xx"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&bad.stderr)
            .contains("'xx' is not a language resdiff reads (en, fr)")
    );
    let traced = resdiff().args(["show", "-vv"]).arg(&file).output().unwrap();
    let stderr = String::from_utf8_lossy(&traced.stderr);
    for line in [
        "S_RES_1541_2004-fr.txt:1: head-council-heading",
        "S_RES_1541_2004-fr.txt:3: enacting-formula",
        "S_RES_1541_2004-fr.txt:5: preamble-lead",
        "S_RES_1541_2004-fr.txt:11: operative-number",
        "S_RES_1541_2004-fr.txt:23: closing-line",
        "S_RES_1541_2004-fr.txt:27: footnote-area",
    ] {
        assert!(
            stderr.contains(
                &format!("trace: {}", file.display()).replace("S_RES_1541_2004-fr.txt", line)
            ),
            "{line}\n{stderr}"
        );
    }
}

/// The shipped series `name` copied into a temporary corpus.
fn shipped_series(name: &str) -> tempfile::TempDir {
    let from = crate::common::project_root().join("resolutions").join(name);
    let files: Vec<(String, String)> = std::fs::read_dir(&from)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            let file = p.file_name().unwrap().to_string_lossy().to_string();
            (
                format!("{name}/{file}"),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    let borrowed: Vec<(&str, String)> =
        files.iter().map(|(f, t)| (f.as_str(), t.clone())).collect();
    corpus_with(&borrowed)
}

/// The draft cites the newest resolution the corpus holds for its series
/// where the base cites its predecessor alone: cuba-embargo 80's OP1 "the
/// implementation of resolution 79/7" becomes "80/4" in the 81st session's
/// draft (and 73's "72/4" becomes 80/4 too); the lists of PP6 and PP7 are
/// left for the new resolution to join.
#[test]
fn draft_cites_the_newest_resolution_of_the_series() {
    let dir = shipped_series("cuba-embargo");
    let out = in_dir(dir.path())
        .args([
            "draft",
            "81",
            "--from",
            "80",
            "--series",
            "cuba-embargo",
            "-o",
            "-",
        ])
        .output()
        .unwrap();
    crate::common::assert_success(&out);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("the implementation of resolution 80/4;"),
        "{text}"
    );
    assert!(text.contains("78/7 of 2 November 2023 and 79/7 of 30 October 2024 and its decision"));
    assert!(text.contains("77/7, 78/7 and 79/7, the economic"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("79/7 -> 80/4"));
    let out = in_dir(dir.path())
        .args([
            "draft",
            "81",
            "--from",
            "73",
            "--series",
            "cuba-embargo",
            "-o",
            "-",
        ])
        .output()
        .unwrap();
    crate::common::assert_success(&out);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("the implementation of resolution 80/4;"),
        "{text}"
    );
    assert!(text.contains("71/5 and 72/4, the economic"));
}

/// In French, in the Council: S/RES/1513 (2003) recalls "la résolution 1495
/// (2003) du 31 juillet 2003", the series' resolution before it; drafting
/// 2004's from it cites 1513 itself, with its own date.
#[test]
fn a_french_council_draft_cites_its_predecessor_with_its_date() {
    let dir = shipped_series("minurso");
    let out = in_dir(dir.path())
        .args([
            "draft", "2004", "--from", "1513", "--series", "minurso", "-o", "-",
        ])
        .output()
        .unwrap();
    crate::common::assert_success(&out);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("réaffirmant en particulier la résolution 1513 (2003) du 28 octobre 2003,"),
        "{text}"
    );
    assert!(!text.contains("1495 (2003) du 31 juillet 2003"));
}

/// `-o report.html` without `--format` writes HTML, `-o redline.docx` a
/// Word document, `-o changes.json` JSON: the report a file's name asks
/// for, not the terminal view under that name. An explicit `--format` wins,
/// and an extension that names no format keeps the text view.
#[test]
fn the_output_file_extension_chooses_the_format_unless_one_is_given() {
    let dir = tempfile::tempdir().unwrap();
    let root = crate::common::project_root();
    let write = |name: &str, format: Option<&str>| -> Vec<u8> {
        let path = dir.path().join(name);
        let mut cmd = crate::common::resdiff();
        cmd.current_dir(&root)
            .args(["compare", "75", "77", "--series", "csto", "-q", "-o"]);
        cmd.arg(&path);
        if let Some(format) = format {
            cmd.args(["--format", format]);
        }
        cmd.assert().code(0);
        std::fs::read(&path).unwrap()
    };
    assert!(write("report.html", None).starts_with(b"<!DOCTYPE html>"));
    assert!(write("REPORT.HTM", None).starts_with(b"<!DOCTYPE html>"));
    assert!(write("redline.docx", None).starts_with(b"PK"));
    let json: serde_json::Value = serde_json::from_slice(&write("changes.json", None)).unwrap();
    assert!(json["paragraphs"].is_array());
    assert!(write("changes.md", None).starts_with(b"#"));
    let text = write("changes.out", None);
    assert!(
        text.starts_with(b"Comparison"),
        "{}",
        String::from_utf8_lossy(&text)
    );
    let explicit = write("report.html", Some("md"));
    assert!(explicit.starts_with(b"#"));
}
