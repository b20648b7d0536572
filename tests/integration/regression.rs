//! One test per bug found, named for what went wrong, so it stays fixed.

use crate::common::{assert_success, project_root, resdiff};

/// A footnote marker whose text the source lacks (A/75/L.78's footnote 1)
/// was read back as the literal text `[^1]` and then escaped into the
/// paragraph on the next write.
#[test]
fn an_undefined_footnote_marker_stays_a_marker_across_draft() {
    let out = resdiff()
        .args(["draft", "77", "--from", "75", "-o", "-"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("organizations[^1],"), "marker kept");
    assert!(!text.contains("\\[^1\\]"), "not escaped into the text");
    assert!(
        text.ends_with("[^1]:\n"),
        "empty definition keeps it a marker"
    );
}

/// Sub-paragraph labels other than letters and roman numerals ("(1)",
/// "(•)" in S/2018/1021) did not read back from the canonical format.
#[test]
fn numbered_and_bulleted_sub_paragraphs_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let base = std::fs::read_to_string(project_root().join("resolutions/csto/75.md")).unwrap();
    let with_items = base.replace(
        "in the area of peacekeeping;\n",
        "in the area of peacekeeping:\n   - (1) first item,\n   - (•) a bullet;\n",
    );
    assert_ne!(with_items, base);
    let path = dir.path().join("v.md");
    std::fs::write(&path, &with_items).unwrap();
    let out = resdiff()
        .args(["show", path.to_str().unwrap(), "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let subs = &r["operative"][6]["subparagraphs"];
    assert_eq!(subs[0]["number"], "1");
    assert_eq!(subs[1]["number"], "•");
    assert_eq!(subs[1]["text"], "a bullet;");
    resdiff()
        .args(["show", path.to_str().unwrap(), "--format", "md"])
        .assert()
        .success()
        .stdout(with_items);
}

/// Runs `resdiff show PATH` and returns (exit code, stderr).
fn show(path: &std::path::Path) -> (Option<i32>, String) {
    let out = resdiff().arg("show").arg(path).output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A directory or a FIFO given as a version was "no such file".
#[test]
fn a_directory_or_fifo_is_named_for_what_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let (code, err) = show(dir.path());
    assert_eq!(code, Some(2));
    assert!(err.contains("is a directory"), "{err}");
    #[cfg(unix)]
    {
        let fifo = dir.path().join("pipe.txt");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            let (code, err) = show(&fifo);
            assert_eq!(code, Some(2));
            assert!(err.contains("is a FIFO"), "{err}");
        }
    }
}

/// A byte order mark before the front matter gave "expected TOML front
/// matter"; lone CR line endings gave "no resolution structure".
#[test]
fn a_byte_order_mark_and_old_mac_line_endings_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let base = std::fs::read_to_string(project_root().join("resolutions/csto/75.md")).unwrap();
    let bom = dir.path().join("75.md");
    std::fs::write(&bom, format!("\u{feff}{base}")).unwrap();
    let (code, err) = show(&bom);
    assert_eq!(code, Some(0), "{err}");
    let cr = dir.path().join("cr.md");
    std::fs::write(&cr, base.replace('\n', "\r")).unwrap();
    let out = resdiff()
        .args(["show", "--format", "md"])
        .arg(&cr)
        .output()
        .unwrap();
    assert_success(&out);
    assert_eq!(String::from_utf8(out.stdout).unwrap(), base);
}

/// `date = "2020-13-45"` in front matter passed, and so did
/// `import --date 2021-02-31`.
#[test]
fn dates_are_real_calendar_days() {
    let dir = tempfile::tempdir().unwrap();
    let base = std::fs::read_to_string(project_root().join("resolutions/csto/75.md")).unwrap();
    let bad = dir.path().join("75.md");
    std::fs::write(
        &bad,
        base.replace("date = \"2021-05-11\"", "date = \"2020-13-45\""),
    )
    .unwrap();
    let (code, err) = show(&bad);
    assert_eq!(code, Some(2));
    assert!(
        err.contains(":8:") && err.contains("2020-13-45") && err.contains("calendar"),
        "{err}"
    );
    let raw = dir.path().join("raw.txt");
    std::fs::write(&raw, "The General Assembly,\n1. Decides to act.\n").unwrap();
    let out = resdiff()
        .args(["import", "--date", "2021-02-31"])
        .arg(&raw)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("2021-02-31"));
    assert!(out.stdout.is_empty());
}

/// A right-to-left override (U+202E) in a paragraph reached the HTML,
/// Markdown and terminal reports, where it makes a redline read in a
/// misleading order.
#[test]
fn reordering_controls_are_shown_not_obeyed_in_reports() {
    let dir = tempfile::tempdir().unwrap();
    let base = std::fs::read_to_string(project_root().join("resolutions/csto/75.md")).unwrap();
    let old = dir.path().join("75.md");
    std::fs::write(&old, &base).unwrap();
    let new = dir.path().join("76.md");
    let edited = base.replacen("session = 75", "session = 76", 1).replacen(
        "_Decides_ to include",
        "_Decides_ \u{202E}to include",
        1,
    );
    assert_ne!(edited, base);
    std::fs::write(&new, edited).unwrap();
    for format in ["html", "md", "text"] {
        let out = resdiff()
            .args(["compare", "--color", "never", "--format", format])
            .arg(&old)
            .arg(&new)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let report = String::from_utf8(out.stdout).unwrap();
        assert!(
            !report.contains('\u{202E}'),
            "{format} passes the override through"
        );
        assert!(report.contains("U+202E"), "{format} does not show it");
    }
}

/// A raw line `99999999999999999999. Requests …` was glued to the
/// paragraph before without a word.
#[test]
fn an_impossible_paragraph_number_is_named_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let raw = dir.path().join("raw.txt");
    std::fs::write(
        &raw,
        "The General Assembly,\n1. Decides to act;\n99999999999999999999. Requests a report.\n",
    )
    .unwrap();
    let (code, err) = show(&raw);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        err.contains(
            ":3: [continuation] '99999999999999999999.' is not the next paragraph number (2)"
        ),
        "{err}"
    );
}

/// One malformed file anywhere in `resolutions/` made every command fail,
/// even `list` and a `show` of another version.
#[test]
fn one_bad_file_stops_only_the_work_that_needs_it() {
    let dir = tempfile::tempdir().unwrap();
    let series = dir.path().join("resolutions/csto");
    std::fs::create_dir_all(&series).unwrap();
    std::fs::copy(
        project_root().join("resolutions/csto/75.md"),
        series.join("75.md"),
    )
    .unwrap();
    std::fs::write(series.join("77.md"), "+++\nbody = \"General Assembly\"\n").unwrap();
    let run = |args: &[&str]| {
        let out = resdiff()
            .current_dir(dir.path())
            .args(args)
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (code, err) = run(&["list"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        err.contains("warning: skipped") && err.contains("77.md"),
        "{err}"
    );
    let (code, _) = run(&["show", "75"]);
    assert_eq!(code, Some(0));
    let (code, err) = run(&["show", "77"]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("77.md") && err.contains("front matter"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "one clear error: {err}");
}

/// `-o` renamed a temporary file over whatever was there: a device (`-o
/// /dev/null` replaced /dev/null), a symlink, the command's own input, and
/// every report got mode 0600.
#[cfg(unix)]
#[test]
fn output_never_destroys_devices_links_inputs_or_modes() {
    use std::os::unix::fs::{FileTypeExt, PermissionsExt};
    let dir = tempfile::tempdir().unwrap();
    let base = project_root().join("resolutions/csto/75.md");
    let compare_to = |out: &std::path::Path| {
        resdiff()
            .args(["compare", "--format", "md", "-o"])
            .arg(out)
            .arg(&base)
            .arg(project_root().join("resolutions/csto/77.md"))
            .output()
            .unwrap()
    };
    // A device is written through and stays a device.
    let out = compare_to(std::path::Path::new("/dev/null"));
    assert_success(&out);
    assert!(
        std::fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device()
    );
    // A symlink stays a link; its target gets the report.
    let target = dir.path().join("target.md");
    std::fs::write(&target, "old").unwrap();
    let link = dir.path().join("link.md");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    assert!(compare_to(&link).status.success());
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        std::fs::read_to_string(&target)
            .unwrap()
            .starts_with("# Comparison")
    );
    // An existing report keeps its mode; a new one gets the umask's.
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o644)).unwrap();
    assert!(compare_to(&target).status.success());
    assert_eq!(
        std::fs::metadata(&target).unwrap().permissions().mode() & 0o777,
        0o644
    );
    let fresh = dir.path().join("fresh.md");
    assert!(compare_to(&fresh).status.success());
    assert_ne!(
        std::fs::metadata(&fresh).unwrap().permissions().mode() & 0o777,
        0o600
    );
    // An input is never the output, nor is a directory.
    let copy = dir.path().join("75.md");
    std::fs::copy(&base, &copy).unwrap();
    let out = resdiff()
        .args(["compare", "-o"])
        .arg(&copy)
        .arg(&copy)
        .arg(project_root().join("resolutions/csto/77.md"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("is one of the files this command reads")
    );
    assert_eq!(std::fs::read(&copy).unwrap(), std::fs::read(&base).unwrap());
    let out = compare_to(dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is a directory"));
}

/// `-o` into a FIFO writes through it (the FIFO stays); into a directory
/// that cannot take a new file, one clear error and nothing else touched.
#[cfg(unix)]
#[test]
fn output_into_a_fifo_or_an_unwritable_directory() {
    use std::os::unix::fs::{FileTypeExt, PermissionsExt};
    let dir = tempfile::tempdir().unwrap();
    let compare_to = |out: &std::path::Path| {
        resdiff()
            .args(["compare", "--format", "md", "-o"])
            .arg(out)
            .args(["resolutions/csto/75.md", "resolutions/csto/77.md"])
            .output()
            .unwrap()
    };
    let fifo = dir.path().join("report.fifo");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if made.is_ok_and(|s| s.success()) {
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
        };
        let out = compare_to(&fifo);
        assert_success(&out);
        assert!(reader.join().unwrap().starts_with("# Comparison"));
        assert!(
            std::fs::symlink_metadata(&fifo)
                .unwrap()
                .file_type()
                .is_fifo()
        );
    }
    // Root writes anywhere chmod allows nothing; sysfs refuses new files to
    // root too.
    let root = std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0\n"));
    let (locked, existing) = if root {
        (std::path::PathBuf::from("/sys"), None)
    } else {
        let locked = dir.path().join("locked");
        std::fs::create_dir(&locked).unwrap();
        std::fs::write(locked.join("old.md"), "kept").unwrap();
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o555)).unwrap();
        (locked.clone(), Some(locked.join("old.md")))
    };
    if locked.is_dir() {
        let out = compare_to(&locked.join("report.md"));
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("cannot create a file in"), "{err}");
        assert!(!err.contains(".tmp"), "names no temporary file: {err}");
        assert!(out.stdout.is_empty());
        if let Some(existing) = existing {
            assert_eq!(std::fs::read_to_string(existing).unwrap(), "kept");
            std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
    }
}

/// A canonical file with about 6,000 levels of nested list overflowed the
/// stack (exit 134, no message); `compare` on 5,000 levels took 27 s and
/// 1.9 GB first.
#[test]
fn nesting_past_the_bound_is_refused_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let base = std::fs::read_to_string(project_root().join("resolutions/csto/75.md")).unwrap();
    let line = base.lines().count() + 1;
    for (name, levels) in [("deep.md", 6_000), ("deeper.md", 5_000)] {
        std::fs::write(
            dir.path().join(name),
            format!("{base}10. {}x\n", "- ".repeat(levels)),
        )
        .unwrap();
    }
    let (code, err) = show(&dir.path().join("deep.md"));
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains(&format!(
            "deep.md:{line}: sub-paragraphs nested 9 levels deep"
        )),
        "{err}"
    );
    let out = resdiff()
        .arg("compare")
        .arg(dir.path().join("deeper.md"))
        .arg(dir.path().join("deep.md"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("deeper.md"));
}

/// Paragraph counts, paragraph sizes and file sizes no resolution reaches
/// are refused, each with what it is and where.
#[test]
fn counts_and_sizes_past_the_bounds_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let base = std::fs::read_to_string(project_root().join("resolutions/csto/75.md")).unwrap();
    let many: String = (10..=100_010).map(|i| format!("{i}. x\n")).collect();
    let path = dir.path().join("many.md");
    std::fs::write(&path, format!("{base}{many}")).unwrap();
    let (code, err) = show(&path);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("more than 100000 paragraphs"), "{err}");

    let path = dir.path().join("one.txt");
    let text = format!(
        "The General Assembly,\n\nRecalling its resolution,\n\n1. Requests {};\n",
        "the Secretary-General ".repeat(6_000)
    );
    std::fs::write(&path, text).unwrap();
    let (code, err) = show(&path);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("one.txt:5: a paragraph of 129 KB"), "{err}");

    // A sparse file: large on paper, nothing on disk.
    let path = dir.path().join("huge.pdf");
    std::fs::File::create(&path)
        .unwrap()
        .set_len(resdiff::limits::MAX_FILE_BYTES + 1)
        .unwrap();
    let (code, err) = show(&path);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("huge.pdf: larger than the 256 MB"), "{err}");
}
