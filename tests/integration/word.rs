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

/// Whether `/usr/bin/python3` has the UNO bridge; skips visibly without it,
/// fails when `RESDIFF_REQUIRE_LIBREOFFICE=1`.
fn uno_bridge() -> bool {
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
    }
    bridge
}

/// The corpus pairs: consecutive versions of each shipped series, then the
/// pairs of the truth tables (`tests/truth/pairs/*.toml`), as
/// `(name, old, new)` paths `resdiff` reads from the project root.
fn corpus_pairs(corpus: &Path) -> Vec<(String, PathBuf, PathBuf)> {
    let root = project_root();
    let mut pairs = Vec::new();
    for series in ["csto", "cuba-embargo", "minurso"] {
        let mut versions: Vec<(u32, PathBuf)> =
            std::fs::read_dir(root.join("resolutions").join(series))
                .unwrap()
                .filter_map(|e| {
                    let path = e.ok()?.path();
                    let number = path.file_stem()?.to_str()?.parse().ok()?;
                    (path.extension()? == "md").then_some((number, path))
                })
                .collect();
        versions.sort();
        for w in versions.windows(2) {
            pairs.push((
                format!("{series}-{}-{}", w[0].0, w[1].0),
                w[0].1.clone(),
                w[1].1.clone(),
            ));
        }
    }
    let mut tables: Vec<PathBuf> = std::fs::read_dir(root.join("tests/truth/pairs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    tables.sort();
    let place = |file: &str| {
        if file.starts_with("resolutions/") {
            root.join(file)
        } else {
            corpus.join(file)
        }
    };
    for table in tables {
        let doc: toml::Value = toml::from_str(&std::fs::read_to_string(&table).unwrap()).unwrap();
        for pair in doc["pair"].as_array().unwrap() {
            let field = |k: &str| pair[k].as_str().unwrap().to_string();
            pairs.push((
                format!("truth-{}", field("name")),
                place(&field("old")),
                place(&field("new")),
            ));
        }
    }
    pairs
}

/// A version as LibreOffice should print it after Accept All (the new) or
/// Reject All (the old): the head lines (symbol, the line that says who
/// adopted it, title, formula), then the body: each heading a line, each
/// paragraph a line ("N.<tab>text" in the operative part, "(a)<tab>text"
/// for a sub-paragraph), every footnote as "[^text]" at its marker.
fn version_lines(version: &Path) -> (Vec<String>, Vec<String>) {
    let out = resdiff()
        .arg("show")
        .arg(version)
        .args(["--format", "json", "-q"])
        .output()
        .unwrap();
    assert!(out.status.success(), "show {}", version.display());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let meta = &json["meta"];
    let text_of = |marker: &str| -> String {
        json["footnotes"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|f| f["marker"] == marker)
            .and_then(|f| f["text"].as_str())
            .unwrap_or_default()
            .to_string()
    };
    let french = meta["language"] == "fr";
    fn walk(
        p: &serde_json::Value,
        depth: usize,
        operative: bool,
        french: bool,
        text_of: &dyn Fn(&str) -> String,
        out: &mut Vec<String>,
    ) {
        if let Some(h) = p["heading"].as_str() {
            out.push(h.to_string());
        }
        let text = p["text"].as_str().unwrap();
        let mut marked = String::new();
        let mut at = 0;
        for f in p["footnotes"].as_array().into_iter().flatten() {
            let offset = usize::try_from(f["offset"].as_u64().unwrap()).unwrap();
            marked.push_str(&text[at..offset]);
            marked.push_str(&format!("[^{}]", text_of(f["marker"].as_str().unwrap())));
            at = offset;
        }
        marked.push_str(&text[at..]);
        let label = match (p["number"].as_str(), depth) {
            (Some(n), 0) if operative => Some(format!("{n}.")),
            (Some(n), d) if d > 0 && french => Some(format!("{n})")),
            (Some(n), d) if d > 0 => Some(format!("({n})")),
            _ => None,
        };
        out.push(match label {
            Some(l) => format!("{l}\t{marked}"),
            None => marked,
        });
        for s in p["subparagraphs"].as_array().into_iter().flatten() {
            walk(s, depth + 1, operative, french, text_of, out);
        }
    }
    let mut body = Vec::new();
    for (part, operative) in [("preamble", false), ("operative", true)] {
        for p in json[part].as_array().into_iter().flatten() {
            walk(p, 0, operative, french, &text_of, &mut body);
        }
    }
    for annex in json["annexes"].as_array().into_iter().flatten() {
        for p in annex["paragraphs"].as_array().into_iter().flatten() {
            walk(p, 0, true, french, &text_of, &mut body);
        }
    }
    let resolution: resdiff::Meta = serde_json::from_value(meta.clone()).unwrap();
    let head = [
        meta["symbol"].as_str().map(str::to_string),
        resdiff::render::adopted_line(&resolution),
        meta["title"].as_str().map(str::to_string),
        json["enacting_formula"].as_str().map(str::to_string),
    ]
    .into_iter()
    .flatten()
    .collect();
    (head, body)
}

/// Where LibreOffice 7.4's own Accept All or Reject All does not yet give
/// the version: `(pair, mode, with comments)`; none now. A case listed here
/// that comes out exact is reported, to be struck off; any other inexact
/// case fails the test.
const LIBREOFFICE_NOT_YET_EXACT: &[(&str, &str, bool)] = &[];

/// LibreOffice's own Accept All of the redline of every corpus pair gives
/// the new version, and its Reject All the old, paragraph by paragraph:
/// numbers and labels, headings, sub-paragraphs, every footnote's text at
/// its marker, and the head lines; each redline as written by default
/// (with its comments) and with `--no-comments`. One soffice session runs
/// them all (`tests/lo_redlines.py`).
#[cfg_attr(corpus_missing, ignore = "needs ../shared/corpus")]
#[test]
fn libreoffice_accepts_and_rejects_every_corpus_redline_into_each_version() {
    let Some(corpus) = crate::common::shared_corpus() else {
        return;
    };
    if soffice().is_none() || !uno_bridge() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let pairs = corpus_pairs(&corpus);
    assert!(pairs.len() >= 30, "{} pairs", pairs.len());
    let mut files = Vec::new();
    let mut expected = std::collections::HashMap::new();
    for (name, old, new) in &pairs {
        let (old_lines, new_lines) = (version_lines(old), version_lines(new));
        for comments in [true, false] {
            let docx = dir.path().join(if comments {
                format!("{name}.docx")
            } else {
                format!("{name}-no-comments.docx")
            });
            let mut command = resdiff();
            command.arg("compare").arg(old).arg(new);
            command.args(["--format", "docx", "-q", "-o"]).arg(&docx);
            if !comments {
                command.arg("--no-comments");
            }
            command.assert().code(0);
            let file = docx.display().to_string();
            expected.insert(
                (file.clone(), "accept"),
                (name.clone(), comments, new_lines.clone()),
            );
            expected.insert(
                (file, "reject"),
                (name.clone(), comments, old_lines.clone()),
            );
            files.push(docx);
        }
    }
    let out = Command::new("/usr/bin/python3")
        .arg(project_root().join("tests/lo_redlines.py"))
        .args(&files)
        .output()
        .expect("the LibreOffice bridge runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut failures = Vec::new();
    // Exact bodies and heads by (mode, comments).
    let mut exact = std::collections::BTreeMap::<(&str, bool), (usize, usize)>::new();
    let mut seen = 0;
    for line in String::from_utf8(out.stdout).unwrap().lines() {
        let got: serde_json::Value = serde_json::from_str(line).unwrap();
        let mode = if got["mode"] == "accept" {
            "accept"
        } else {
            "reject"
        };
        let file = got["file"].as_str().unwrap().to_string();
        let (name, comments, (head, body)) = &expected[&(file, mode)];
        let comments = *comments;
        seen += 1;
        let lines: Vec<String> = got["paragraphs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p.as_str().unwrap().to_string())
            .collect();
        let split = lines.len().saturating_sub(body.len());
        let body_exact = lines[split..] == body[..] && got["left"] == 0;
        let head_exact = lines[..split] == head[..];
        let tally = exact.entry((mode, comments)).or_default();
        tally.0 += usize::from(body_exact);
        tally.1 += usize::from(head_exact);
        let with = if comments { "with" } else { "without" };
        let known = LIBREOFFICE_NOT_YET_EXACT.contains(&(name.as_str(), mode, comments));
        if known && body_exact && head_exact {
            eprintln!(
                "{name} {mode} {with} comments is exact now: strike it off LIBREOFFICE_NOT_YET_EXACT"
            );
        }
        if known {
            continue;
        }
        if !body_exact {
            let first = body
                .iter()
                .zip(&lines[split..])
                .position(|(e, g)| e != g)
                .unwrap_or(body.len().min(lines.len() - split));
            failures.push(format!(
                "{name} {mode} {with} comments: body differs at line {first} of {}: expected {:?}, LibreOffice {:?}",
                body.len(),
                body.get(first),
                lines.get(split + first)
            ));
        }
        if !head_exact {
            failures.push(format!(
                "{name} {mode} {with} comments: head expected {head:?}, LibreOffice {:?}",
                &lines[..split]
            ));
        }
    }
    assert_eq!(seen, 2 * files.len(), "every file accepted and rejected");
    for ((mode, comments), (body, head)) in &exact {
        eprintln!(
            "{mode} {} comments: body exact {body}/{}, head exact {head}/{}",
            if *comments { "with" } else { "without" },
            pairs.len(),
            pairs.len()
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
