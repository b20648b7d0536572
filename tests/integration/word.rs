//! The Word redline opened by a real word processor: LibreOffice converts
//! the `.docx` the binary wrote to PDF, headless, and the PDF has the text
//! with its revisions. Without LibreOffice the test is skipped, unless `CI`
//! or `RESDIFF_REQUIRE_LIBREOFFICE=1` is set (`.ci/run` installs
//! `libreoffice-writer-nogui`, and `python3-uno` for the test that runs
//! LibreOffice's own Accept All and Reject All).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::{project_root, resdiff};

/// `soffice` (or `libreoffice`) from `PATH`.
fn soffice() -> Option<PathBuf> {
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths).find_map(|dir| {
            ["soffice", "libreoffice"]
                .iter()
                .map(|name| dir.join(name))
                .find(|p| p.is_file())
        })
    });
    if found.is_none() {
        let ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty());
        let required = std::env::var_os("RESDIFF_REQUIRE_LIBREOFFICE").is_some_and(|v| v == "1");
        assert!(
            !ci && !required,
            "soffice is not on PATH, and CI or RESDIFF_REQUIRE_LIBREOFFICE=1 requires the Word \
             test: apt-get install libreoffice-writer-nogui"
        );
        eprintln!("skipped: LibreOffice not found");
    }
    found
}

/// Converts `file` with a fresh LibreOffice profile to `target` (`pdf`,
/// `docx:MS Word 2007 XML`) in `out`; the new file's path.
fn convert(bin: &Path, file: &Path, target: &str, out: &Path) -> PathBuf {
    let profile = out.join("profile");
    let status = Command::new("timeout")
        .arg("180")
        .arg(bin)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", target, "--outdir"])
        .arg(out)
        .arg(file)
        .status()
        .expect("LibreOffice runs");
    assert!(status.success(), "LibreOffice failed on {}", file.display());
    let extension = target.split(':').next().unwrap_or(target);
    let made = out
        .join(file.file_stem().expect("a name"))
        .with_extension(extension);
    assert!(made.is_file(), "no {extension} from {}", file.display());
    made
}

#[test]
fn libreoffice_opens_the_word_redline() {
    let Some(bin) = soffice() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let docx = dir.path().join("redline.docx");
    resdiff()
        .current_dir(project_root())
        .args(["compare", "75", "77", "--format", "docx", "-o"])
        .arg(&docx)
        .assert()
        .code(0);
    let pdf = convert(&bin, &docx, "pdf", dir.path());
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF"), "a PDF");
    // The text is in it, as pdftotext reads it back (when installed).
    if let Ok(out) = Command::new("pdftotext").arg(&pdf).arg("-").output() {
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            text.contains("Collective Security Treaty Organization"),
            "{text}"
        );
        // Both sides of the session update are shown, as a tracked change.
        assert!(
            text.contains("seventy-ninth") && text.contains("seventy-seventh"),
            "{text}"
        );
    }
}

/// A Word document LibreOffice made of a corpus text reads as the text
/// does: the same paragraphs, numbers and leads.
#[cfg_attr(corpus_missing, ignore = "needs ../shared/corpus")]
#[test]
fn a_word_document_made_by_libreoffice_reads_like_its_text() {
    let Some(corpus) = crate::common::shared_corpus() else {
        return;
    };
    let Some(bin) = soffice() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let text = corpus.join("sc/S_2019_441.txt");
    let docx = convert(&bin, &text, "docx:MS Word 2007 XML", dir.path());
    resdiff()
        .arg("compare")
        .arg(&text)
        .arg(&docx)
        .args(["--exit-code", "-q"])
        .assert()
        .code(0);
}

/// Numbers that exist only as Word's list formatting: LibreOffice turns an
/// HTML list of the shipped CSTO text's operative paragraphs into a Word
/// list (`numbering.xml`), and resdiff reads the numbers and the leads (the
/// italics) back.
#[test]
fn automatic_numbering_gives_the_operative_numbers() {
    let Some(bin) = soffice() else {
        return;
    };
    let shipped = std::fs::read_to_string(project_root().join("resolutions/csto/75.md")).unwrap();
    // "3. _Welcomes_ the efforts …" as "<li><i>Welcomes</i> the efforts …</li>".
    let item = |line: &str| -> Option<String> {
        let (number, rest) = line.split_once(". ")?;
        number.parse::<u32>().ok()?;
        let rest = rest.strip_prefix('_')?;
        let (lead, text) = rest.split_once('_')?;
        let text = text.split("[^").next().unwrap_or(text);
        Some(format!("<li><i>{lead}</i>{text}</li>"))
    };
    let items: Vec<String> = shipped.lines().filter_map(item).take(4).collect();
    assert_eq!(items.len(), 4);
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("list.html");
    std::fs::write(
        &html,
        format!(
            "<html><body><p><i>The General Assembly</i>,</p><ol>{}</ol></body></html>",
            items.join("")
        ),
    )
    .unwrap();
    let docx = convert(&bin, &html, "docx:MS Word 2007 XML", dir.path());
    let out = resdiff()
        .arg("show")
        .arg(&docx)
        .args(["--format", "json", "-q"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let operative: Vec<(String, String)> = json["operative"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["number"].as_str().unwrap_or_default().to_string(),
                p["lead"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    assert_eq!(
        operative,
        [
            ("1", "Takes note with appreciation"),
            ("2", "Notes with appreciation"),
            ("3", "Welcomes"),
            ("4", "Invites"),
        ]
        .map(|(n, l)| (n.to_string(), l.to_string()))
    );
}

/// LibreOffice's own Accept All of the French redline (1513 → 1523) gives
/// the new text paragraph by paragraph, its Reject All the old one: a real
/// client reads the tracked changes as resdiff meant them
/// (`../shared/tools/lo_revisions.py`).
#[cfg_attr(corpus_missing, ignore = "needs ../shared/tools")]
#[test]
fn libreoffice_accepts_and_rejects_the_french_redline_into_each_version() {
    let Some(corpus) = crate::common::shared_corpus() else {
        return;
    };
    if soffice().is_none() {
        return;
    }
    let bridge = Command::new("/usr/bin/python3")
        .args(["-c", "import uno"])
        .output()
        .is_ok_and(|out| out.status.success());
    if !bridge {
        assert!(
            std::env::var_os("RESDIFF_REQUIRE_LIBREOFFICE").is_none_or(|v| v != "1"),
            "RESDIFF_REQUIRE_LIBREOFFICE is set but python3-uno is missing"
        );
        eprintln!("skipped: python3-uno not installed");
        return;
    }
    let tool = corpus.join("../tools/lo_revisions.py");
    let dir = tempfile::tempdir().unwrap();
    let docx = dir.path().join("fr.docx");
    let (old, new) = ("S/RES/1513 (2003)", "S/RES/1523 (2004)");
    resdiff()
        .current_dir(project_root())
        .args(["compare", old, new, "--format", "docx", "-o"])
        .arg(&docx)
        .assert()
        .code(0);
    // The paragraphs of a version as LibreOffice prints them: each
    // preambular paragraph, then "N.<tab>text".
    let paragraphs_of = |version: &str| -> Vec<String> {
        let out = resdiff()
            .current_dir(project_root())
            .args(["show", version, "--format", "json"])
            .output()
            .unwrap();
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let preamble = json["preamble"].as_array().unwrap().iter();
        let operative = json["operative"].as_array().unwrap().iter();
        preamble
            .map(|p| p["text"].as_str().unwrap().to_string())
            .chain(operative.map(|p| {
                format!(
                    "{}.\t{}",
                    p["number"].as_str().unwrap(),
                    p["text"].as_str().unwrap()
                )
            }))
            .collect()
    };
    for (mode, version) in [("accept", new), ("reject", old)] {
        let out = Command::new("/usr/bin/python3")
            .arg(&tool)
            .arg(mode)
            .arg(&docx)
            .output()
            .expect("the LibreOffice bridge runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let printed = String::from_utf8(out.stdout).unwrap();
        let lines: Vec<&str> = printed.lines().filter(|l| !l.starts_with('#')).collect();
        // The symbol, then the title and the formula, then the paragraphs.
        assert_eq!(lines[0], version, "{mode}");
        assert_eq!(lines[2], "Le Conseil de sécurité,", "{mode}");
        assert_eq!(lines[3..], paragraphs_of(version), "{mode}");
    }
}
