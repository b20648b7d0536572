//! The HTML report in a real browser: headless Chromium loads the report the
//! binary wrote, and the test reads back the DOM it built (no console
//! errors, no script from the resolution text ran, the text is there
//! literally) and a screenshot. Without Chromium the tests are skipped,
//! unless `CI` or `RESDIFF_REQUIRE_BROWSER=1` is set.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::resdiff;
use crate::reports::{HOSTILE_SCRIPT, hostile_77};

/// Long enough for a cold start on a loaded machine; only a hang hits it.
const CHROMIUM_LIMIT: Duration = Duration::from_secs(60);

/// `chromium` or `chromium-browser` from `PATH`.
fn chromium() -> Option<PathBuf> {
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths).find_map(|dir| {
            ["chromium", "chromium-browser"]
                .iter()
                .map(|name| dir.join(name))
                .find(|p| p.is_file())
        })
    });
    if found.is_none() {
        let ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty());
        let required = std::env::var_os("RESDIFF_REQUIRE_BROWSER").is_some_and(|v| v == "1");
        assert!(
            !ci && !required,
            "chromium (or chromium-browser) is not on PATH, and CI or \
             RESDIFF_REQUIRE_BROWSER=1 requires the browser test: apt-get install chromium"
        );
        eprintln!("skipped: chromium not found");
    }
    found
}

/// What one headless run gave back.
struct Run {
    stdout: String,
    stderr: String,
}

/// Runs headless Chromium on `page` with `extra` flags and a fresh profile,
/// killing it (and its helper processes) if it outlives [`CHROMIUM_LIMIT`].
fn headless(bin: &Path, page: &Path, extra: &[String]) -> Run {
    use std::os::unix::process::CommandExt;

    let work = tempfile::tempdir().unwrap();
    let stdout_path = work.path().join("stdout");
    let stderr_path = work.path().join("stderr");
    let profile = work.path().join("profile");
    let mut child = Command::new(bin)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--enable-logging=stderr",
            "--v=0",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&stdout_path).unwrap())
        .stderr(std::fs::File::create(&stderr_path).unwrap())
        // Its own process group, so a hung run is killed with its helpers.
        .process_group(0)
        .spawn()
        .expect("chromium starts");
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > CHROMIUM_LIMIT {
            let group = format!("-{}", child.id());
            let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
            let _ = child.wait();
            panic!(
                "chromium did not finish within {CHROMIUM_LIMIT:?}: {}",
                std::fs::read_to_string(&stderr_path).unwrap_or_default()
            );
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let run = Run {
        stdout: std::fs::read_to_string(&stdout_path).unwrap(),
        stderr: std::fs::read_to_string(&stderr_path).unwrap(),
    };
    assert!(status.success(), "chromium failed: {}", run.stderr);
    run
}

/// The DOM after the page loaded and ran whatever script it had.
fn dump_dom(bin: &Path, page: &Path) -> Run {
    headless(bin, page, &["--dump-dom".to_string()])
}

/// Messages the page wrote to the console (errors included); Chromium logs
/// them as `…:INFO:CONSOLE…] "message", source: file://…`.
fn console_messages(run: &Run) -> Vec<&str> {
    run.stderr
        .lines()
        .filter(|l| l.contains("CONSOLE") && l.contains("source:"))
        .collect()
}

/// `resdiff compare 75 NEW --format html -o DIR/report.html`.
fn write_report(dir: &Path, new: &str) -> PathBuf {
    let path = dir.join("report.html");
    resdiff()
        .args(["compare", "75", new, "--format", "html", "-o"])
        .arg(&path)
        .assert()
        .success();
    path
}

/// The control for the checks below: on a page whose script does run, the
/// dumped DOM shows its effects and the console shows its error. Without
/// this, "no effect seen" could mean the detector is blind.
#[test]
fn a_script_that_runs_is_seen() {
    let Some(bin) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("control.html");
    std::fs::write(
        &page,
        "<!DOCTYPE html><html><head><title>control</title></head><body>\
         <script>document.title='pwned'; missingFunction();</script>\
         <img src=x onerror=\"document.body.dataset.pwned='yes'\"></body></html>",
    )
    .unwrap();
    let run = dump_dom(&bin, &page);
    assert!(
        run.stdout.contains("<title>pwned</title>"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("data-pwned=\"yes\""), "{}", run.stdout);
    let console = console_messages(&run);
    assert!(
        console
            .iter()
            .any(|l| l.contains("Uncaught ReferenceError")),
        "{console:?}"
    );
}

#[test]
fn the_75_77_report_loads_cleanly_and_screenshots() {
    let Some(bin) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let page = write_report(dir.path(), "77");

    let run = dump_dom(&bin, &page);
    assert_eq!(console_messages(&run), Vec::<&str>::new(), "console output");
    let dom = &run.stdout;
    assert!(dom.contains("<title>Comparison: A/75/L.78 → csto 77</title>"));
    for id in ["summary-h", "contents", "pp-1", "op-8", "op-9"] {
        assert!(dom.contains(&format!("id=\"{id}\"")), "no #{id} in the DOM");
    }
    assert!(
        dom.contains("[inserted: </span>seventy-ninth<span"),
        "the redline survived parsing"
    );

    let png = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("report.png");
    let _ = std::fs::remove_file(&png);
    let run = headless(
        &bin,
        &page,
        &[
            format!("--screenshot={}", png.display()),
            "--window-size=1280,1800".to_string(),
            "--hide-scrollbars".to_string(),
        ],
    );
    assert_eq!(console_messages(&run), Vec::<&str>::new());
    let bytes = std::fs::read(&png).expect("chromium wrote the screenshot");
    let (width, height) = png_size(&bytes);
    assert_eq!((width, height), (1280, 1800));
    // A blank page compresses to a few kilobytes; text does not.
    assert!(bytes.len() > 40_000, "{} bytes: a blank page?", bytes.len());
    eprintln!("screenshot: {}", png.display());
}

/// The French comparison of the shipped MINURSO renewals, as Chromium
/// parses it: a French page, its footer's markup intact; asked for an
/// English report, the French text keeps its own `lang`.
#[test]
fn a_french_report_is_a_french_page() {
    let Some(bin) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let page = |name: &str, extra: &[&str]| {
        let path = dir.path().join(name);
        resdiff()
            .args(["compare", "S/RES/1513 (2003)", "S/RES/1523 (2004)"])
            .args(["--format", "html", "-o"])
            .arg(&path)
            .args(extra)
            .assert()
            .success();
        path
    };
    let run = dump_dom(&bin, &page("fr.html", &[]));
    assert_eq!(console_messages(&run), Vec::<&str>::new(), "console output");
    let dom = &run.stdout;
    for words in [
        "<html lang=\"fr\">",
        "<title>Comparaison : S/RES/1513 (2003) → S/RES/1523 (2004)</title>",
        "Les ajouts sont <ins><span class=\"vh\">ajout : </span>soulignés</ins>",
        "[ajout : </span>30 avril<span",
    ] {
        assert!(dom.contains(words), "{words}");
    }
    assert!(!dom.contains(" lang=\"en\""));
    let run = dump_dom(&bin, &page("en.html", &["--ui-lang", "en"]));
    let dom = &run.stdout;
    assert!(dom.contains("<html lang=\"en\">"));
    assert!(dom.contains("<p class=\"text\" lang=\"fr\">"));
}

#[test]
fn no_script_from_the_resolution_text_runs() {
    let Some(bin) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let hostile = hostile_77(dir.path());
    let page = write_report(dir.path(), hostile.to_str().unwrap());

    let run = dump_dom(&bin, &page);
    assert_eq!(console_messages(&run), Vec::<&str>::new(), "console output");
    let dom = &run.stdout;
    assert!(!dom.contains("pwned</title>"), "the title was changed");
    assert!(!dom.contains("data-pwned"), "an onerror handler ran");
    assert!(!dom.contains("<script"), "a script element in the DOM");
    assert!(!dom.contains("<img"), "an img element in the DOM");
    // The DOM serialiser escapes `<`, `>` and `&` in text and nothing else.
    let literal = HOSTILE_SCRIPT
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    assert!(dom.contains(&literal), "the text is shown literally");
    assert!(dom.contains("&amp; * | `tick` **bold** [link](javascript:alert(1)) # hash"));
}

/// Width and height from a PNG's header chunk.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");
    assert_eq!(&bytes[12..16], b"IHDR");
    let be = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    (be(16), be(20))
}
