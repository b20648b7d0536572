//! What a user of a Rust command-line tool expects of it: completions, a
//! manual page, a version naming its commit, `-q` and `-v`, `-` for standard
//! input, and a line saying what was written.

use crate::common::{assert_success, project_root, resdiff};

fn stdout_of(args: &[&str]) -> String {
    let out = resdiff().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn completion_scripts_are_printed_for_every_shell() {
    let bash = stdout_of(&["completions", "bash"]);
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("resdiff.bash");
    std::fs::write(&script, &bash).unwrap();
    let parsed = std::process::Command::new("bash")
        .arg("-n")
        .arg(&script)
        .output()
        .expect("bash runs");
    assert_success(&parsed);
    assert!(bash.contains("compare") && bash.contains("--fail-on"));
    for shell in ["zsh", "fish", "powershell"] {
        assert!(
            stdout_of(&["completions", shell]).contains("compare"),
            "{shell}"
        );
    }
    let out = resdiff().args(["completions", "tcsh"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn the_manual_page_renders() {
    let page = stdout_of(&["man"]);
    assert!(
        page.starts_with(".ie") || page.contains(".TH resdiff"),
        "{}",
        &page[..80.min(page.len())]
    );
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("resdiff.1");
    std::fs::write(&file, &page).unwrap();
    // `man -l` where man is installed; the roff itself is checked above.
    if let Ok(out) = std::process::Command::new("man")
        .arg("-l")
        .arg(&file)
        .env("MANPAGER", "cat")
        .env("MANWIDTH", "80")
        .output()
    {
        let text = String::from_utf8_lossy(&out.stdout);
        assert_success(&out);
        assert!(text.contains("NAME") && text.contains("compare"), "{text}");
    }
}

#[test]
fn the_version_names_the_commit_it_was_built_from() {
    let version = stdout_of(&["--version"]);
    assert!(version.starts_with(&format!("resdiff {}", env!("CARGO_PKG_VERSION"))));
    let head = std::process::Command::new("git")
        .args(["rev-parse", "--short=10", "HEAD"])
        .current_dir(project_root())
        .output();
    if let Some(head) = head.ok().filter(|h| h.status.success()) {
        let head = String::from_utf8_lossy(&head.stdout).trim().to_string();
        assert!(version.contains(&head), "{version} does not name {head}");
    }
}

/// Sixty operative paragraphs that end without punctuation: a warning each.
fn warned_file(dir: &std::path::Path) -> std::path::PathBuf {
    let mut text = String::from("The General Assembly,\n\nRecalling its resolution,\n\n");
    for i in 1..60 {
        text.push_str(&format!("{i}. Requests the thing {i}\n\n"));
    }
    text.push_str("60. Decides to remain seized of the matter.\n");
    let path = dir.join("warned.txt");
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn warnings_are_capped_shown_all_with_v_and_silenced_with_q() {
    let dir = tempfile::tempdir().unwrap();
    let file = warned_file(dir.path());
    let stderr = |flag: Option<&str>| {
        let mut cmd = resdiff();
        cmd.arg("show");
        if let Some(flag) = flag {
            cmd.arg(flag);
        }
        let out = cmd.arg(&file).output().unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stderr).unwrap()
    };
    let normal = stderr(None);
    assert_eq!(normal.lines().count(), 21, "{normal}");
    assert!(
        normal.ends_with("39 more warnings (-v shows them all)\n"),
        "{normal}"
    );
    assert_eq!(stderr(Some("-v")).lines().count(), 59);
    assert_eq!(stderr(Some("-q")), "");
    let out = resdiff().args(["-q", "-v", "list"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "-q and -v conflict");
}

#[test]
fn a_dash_reads_standard_input() {
    let base = std::fs::read(project_root().join("resolutions/csto/75.md")).unwrap();
    let out = resdiff()
        .args(["compare", "-", "resolutions/csto/77.md", "--format", "json"])
        .write_stdin(base.clone())
        .output()
        .unwrap();
    assert_success(&out);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["old"]["symbol"], "A/75/L.78");

    let shown = resdiff()
        .args(["show", "-", "--format", "md"])
        .write_stdin(base.clone())
        .output()
        .unwrap();
    assert_eq!(
        shown.stdout, base,
        "canonical text through show is unchanged"
    );

    let raw = "The General Assembly,\n\nRecalling its resolution,\n\n1. Decides to remain seized of the matter.\n";
    let imported = resdiff()
        .args(["import", "-"])
        .write_stdin(raw)
        .output()
        .unwrap();
    assert_success(&imported);
    let text = String::from_utf8(imported.stdout).unwrap();
    assert!(
        text.contains("source = \"imported from <stdin>\""),
        "{text}"
    );
    assert!(text.contains("1. _Decides_ to remain seized of the matter."));

    let out = resdiff()
        .args(["compare", "-", "-"])
        .write_stdin(base)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("only one of the two versions"));
}

#[test]
fn writing_a_file_is_confirmed_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.html");
    let out = resdiff()
        .args([
            "compare", "75", "77", "--series", "csto", "--format", "html", "-o",
        ])
        .arg(&report)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        format!("wrote {}: 24 paragraphs, 2 changed\n", report.display())
    );
    let canonical = dir.path().join("75.md");
    let import = |quiet: bool| {
        let mut cmd = resdiff();
        cmd.arg("import")
            .arg(warned_file(dir.path()))
            .arg("-o")
            .arg(&canonical);
        if quiet {
            cmd.arg("-q");
        }
        let out = cmd.output().unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stderr).unwrap()
    };
    let stderr = import(false);
    assert!(
        stderr.ends_with(&format!(
            "wrote {}: 1 preambular and 60 operative paragraphs, 0 footnotes\n",
            canonical.display()
        )),
        "{stderr}"
    );
    assert_eq!(import(true), "", "-q says nothing");
    let written = std::fs::read_to_string(&canonical).unwrap();
    assert!(
        written.contains("source = \"imported from warned.txt\""),
        "the file's name, not its directory: {written}"
    );
}
