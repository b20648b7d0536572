//! Tests of the reports of several comparisons (`*_many`): one comparison
//! renders exactly as alone, none as a short report, two as one document
//! whose ids, links, headings and tables stay consistent.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag};

use super::super::fixture;
use super::{assert_balanced, assert_counts_table, attribute_values, markdown_tables};
use crate::Comparison;
use crate::render;

/// The csto fixture and the hostile one.
fn two() -> Vec<Comparison> {
    vec![fixture::csto(), fixture::hostile()]
}

#[test]
fn one_comparison_renders_exactly_as_alone() {
    let mut all = vec![fixture::hostile()];
    all.push(fixture::csto());
    for c in all {
        let one = std::slice::from_ref(&c);
        assert_eq!(
            render::html_many(one, render::Options::default()).unwrap(),
            render::html(&c).unwrap()
        );
        assert_eq!(
            render::markdown_many(one, render::Options::default()).unwrap(),
            render::markdown(&c).unwrap()
        );
        for color in [false, true] {
            assert_eq!(
                render::text_many(one, color, render::Options::default()).unwrap(),
                render::text(&c, color).unwrap()
            );
        }
        // JSON stays an array whatever the count; its one element is the
        // single report.
        let array: serde_json::Value =
            serde_json::from_str(&render::json_many(one, render::Options::default()).unwrap())
                .unwrap();
        let single: serde_json::Value = serde_json::from_str(&render::json(&c).unwrap()).unwrap();
        assert_eq!(array, serde_json::Value::Array(vec![single]));
    }
}

#[test]
fn no_comparison_is_a_short_valid_report() {
    let html = render::html_many(&[], render::Options::default()).unwrap();
    assert_balanced(&html);
    assert!(html.contains("<h1>No resolution changed</h1>"));
    assert!(html.contains("<p>No resolution changed.</p>"));
    assert!(!html.contains("<article") && !html.contains("<input"));
    assert_eq!(
        render::markdown_many(&[], render::Options::default()).unwrap(),
        "No resolution changed.\n"
    );
    assert_eq!(
        render::text_many(&[], true, render::Options::default()).unwrap(),
        "No resolution changed.\n"
    );
    assert_eq!(
        render::json_many(&[], render::Options::default()).unwrap(),
        "[]\n"
    );
}

#[test]
fn two_comparisons_share_one_page_with_unique_ids_and_working_links() {
    let cs = two();
    let html = render::html_many(&cs, render::Options::default()).unwrap();
    assert_balanced(&html);

    let ids = attribute_values(&html, "id=\"");
    let mut sorted = ids.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), ids.len(), "duplicate ids");
    let links = attribute_values(&html, "href=\"#");
    for target in &links {
        assert!(ids.contains(target), "link to missing #{target}");
    }
    // Every id of each report alone is there, prefixed by its place.
    for (n, c) in cs.iter().enumerate() {
        for id in attribute_values(&render::html(c).unwrap(), "id=\"") {
            if !id.starts_with("hide-") && !id.starts_with("view-") {
                let placed = format!("r{}-{id}", n + 1);
                assert!(ids.contains(&placed), "no id {placed}");
            }
        }
    }
    // The moved paragraph's links stay within its own report.
    assert!(html.contains("OP 4 moved to <a href=\"#r1-op-6\">OP 6</a>"));
    assert!(html.contains("<a href=\"#r1-contents\">Changes</a>"));
    assert!(html.contains("<a href=\"#r2-report\">"));

    // One heading, one set of toggles and controls, one main.
    assert!(html.contains("<h1>Review of 2 changed resolutions</h1>"));
    for once in [
        "<h1",
        "<main",
        "id=\"hide-routine\"",
        "<div class=\"controls\"",
        "<footer",
    ] {
        assert_eq!(html.matches(once).count(), 1, "{once}");
    }
    assert_eq!(html.matches("<article class=\"report\"").count(), 2);
}

#[test]
fn headings_never_skip_a_level() {
    let cs = two();
    for html in [
        render::html_many(&cs, render::Options::default()).unwrap(),
        render::html(&cs[0]).unwrap(),
    ] {
        let levels: Vec<u8> = html
            .match_indices("<h")
            .filter_map(|(at, _)| {
                let d = html.as_bytes()[at + 2];
                d.is_ascii_digit().then(|| d - b'0')
            })
            .collect();
        assert_eq!(levels.first(), Some(&1));
        assert_eq!(levels.iter().filter(|&&l| l == 1).count(), 1);
        for pair in levels.windows(2) {
            assert!(pair[1] <= pair[0] + 1, "h{} after h{}", pair[1], pair[0]);
        }
        assert!(levels.iter().all(|&l| l <= 6));
    }
    // Each comparison's title is a level-2 heading of the page.
    let html = render::html_many(&cs, render::Options::default()).unwrap();
    assert!(html.contains("<h2 id=\"r1-title\">A/75/L.78 → csto 77</h2>"));
    assert!(html.contains("<h3 id=\"r2-summary-h\">Summary</h3>"));
}

#[test]
fn two_comparisons_in_markdown() {
    let cs = two();
    let md = render::markdown_many(&cs, render::Options::default()).unwrap();
    insta::assert_snapshot!("two_markdown", md);

    let headings: Vec<(HeadingLevel, String)> = {
        let mut out = Vec::new();
        let mut current: Option<(HeadingLevel, String)> = None;
        for event in Parser::new_ext(&md, Options::ENABLE_TABLES) {
            match event {
                Event::Start(Tag::Heading { level, .. }) => current = Some((level, String::new())),
                Event::Text(t) => {
                    if let Some((_, text)) = current.as_mut() {
                        text.push_str(&t);
                    }
                }
                Event::End(pulldown_cmark::TagEnd::Heading(_)) => out.extend(current.take()),
                _ => {}
            }
        }
        out
    };
    assert_eq!(
        headings[0],
        (HeadingLevel::H1, "Review of 2 changed resolutions".into())
    );
    let h1 = headings.iter().filter(|(l, _)| *l == HeadingLevel::H1);
    assert_eq!(h1.count(), 1);
    let titles: Vec<&str> = headings
        .iter()
        .filter(|(l, _)| *l == HeadingLevel::H2)
        .map(|(_, t)| t.as_str())
        .collect();
    assert_eq!(titles.len(), 2);
    assert_eq!(titles[0], "Comparison: A/75/L.78 → csto 77");
    assert!(headings.iter().all(|(l, _)| *l != HeadingLevel::H6));

    // Each report's counts table carries its own summary.
    let counts: Vec<_> = markdown_tables(&md)
        .into_iter()
        .filter(|t| t[0][0] == "Paragraphs")
        .collect();
    assert_eq!(counts.len(), 2);
    for (table, c) in counts.iter().zip(&cs) {
        assert_counts_table(table, c);
    }
}

#[test]
fn two_comparisons_in_text_are_separated_by_a_rule() {
    let cs = two();
    let first = render::text(&cs[0], false).unwrap();
    let second = render::text(&cs[1], false).unwrap();
    let rule = "─".repeat(72);
    assert_eq!(
        render::text_many(&cs, false, render::Options::default()).unwrap(),
        format!("{first}\n{rule}\n\n{second}")
    );
}

#[test]
fn two_comparisons_in_json_are_an_array_of_the_single_reports() {
    let cs = two();
    let json = render::json_many(&cs, render::Options::default()).unwrap();
    assert!(json.starts_with("[\n  {\n    \"old\""));
    assert!(json.ends_with("]\n"));
    let array: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
    assert_eq!(array.len(), 2);
    for (value, c) in array.iter().zip(&cs) {
        let single: serde_json::Value = serde_json::from_str(&render::json(c).unwrap()).unwrap();
        assert_eq!(value, &single);
    }
}

#[test]
fn hostile_text_stays_literal_in_the_documents_of_several() {
    let cs = two();
    let html = render::html_many(&cs, render::Options::default()).unwrap();
    let body = &html[html.find("</style>").unwrap()..];
    assert!(!body.contains("<script") && !body.contains("<img"));
    assert!(body.contains("&#60;script&#62;alert(1)&#60;/script&#62;"));

    let md = render::markdown_many(&cs, render::Options::default()).unwrap();
    for event in Parser::new_ext(&md, Options::ENABLE_TABLES) {
        if let Event::Html(h) | Event::InlineHtml(h) = event {
            assert!(!h.contains("<script") && !h.contains("<img"), "{h:?}");
        }
    }
    // The hostile title in the list of comparisons stays one list item.
    assert!(md.contains("\n2. \\<script\\>alert(1)\\</script\\> → \\<img"));
}
