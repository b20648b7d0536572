//! One test per bug found, named for what went wrong, so it stays fixed.

use crate::common::{project_root, resdiff};

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
