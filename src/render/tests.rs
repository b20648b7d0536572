//! Tests of the four formats over the fixture comparisons: snapshots,
//! escaping of hostile text, Markdown structure and HTML balance.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::fixture;

mod many;
use crate::Comparison;
use crate::model::Part;

const SCRIPT: &str = "<script>alert(1)</script>";
const IMG: &str = "<img src=x onerror=alert(1)>";

// ---------------------------------------------------------------- snapshots

#[test]
fn html_snapshot() {
    let c = fixture::csto();
    let page = super::html(&c).unwrap();
    // The stylesheet is tested once (tests/integration/reports.rs); the
    // snapshot is the report.
    let (head, rest) = page.split_once("<style>").expect("a stylesheet");
    let (_, tail) = rest.split_once("</style>").expect("a closed stylesheet");
    insta::assert_snapshot!(
        "csto_html",
        format!("{head}<style>/* style.css */</style>{tail}")
    );
}

#[test]
fn markdown_snapshot() {
    let c = fixture::csto();
    insta::assert_snapshot!("csto_markdown", super::markdown(&c).unwrap());
}

#[test]
fn text_snapshot() {
    let c = fixture::csto();
    insta::assert_snapshot!("csto_text", super::text(&c, false).unwrap());
}

#[test]
fn json_snapshot() {
    let c = fixture::csto();
    insta::assert_snapshot!("csto_json", super::json(&c).unwrap());
}

// ---------------------------------------------------------------- behaviour

#[test]
fn json_is_pretty_ends_with_a_newline_and_reads_back() {
    let c = fixture::csto();
    let json = super::json(&c).unwrap();
    assert!(json.ends_with("}\n"));
    assert!(json.starts_with("{\n  \"old\""));
    // serde_json's default float parser may lose the last bit of a
    // similarity, so compare everything else.
    let back: Comparison = serde_json::from_str(&json).unwrap();
    assert_eq!((&back.old, &back.new), (&c.old, &c.new));
    assert_eq!(back.summary.operative, c.summary.operative);
    assert_eq!(back.paragraphs.len(), c.paragraphs.len());
    for (b, p) in back.paragraphs.iter().zip(&c.paragraphs) {
        assert_eq!(
            (&b.old, &b.new, &b.words, b.status),
            (&p.old, &p.new, &p.words, p.status)
        );
        assert!((b.similarity - p.similarity).abs() < 1e-12);
    }
}

#[test]
fn rendering_is_deterministic() {
    let c = fixture::csto();
    assert_eq!(super::html(&c).unwrap(), super::html(&c).unwrap());
    assert_eq!(super::markdown(&c).unwrap(), super::markdown(&c).unwrap());
    assert_eq!(
        super::text(&c, true).unwrap(),
        super::text(&c, true).unwrap()
    );
}

#[test]
fn html_has_stable_anchors_moves_and_neighbour_links() {
    let c = fixture::csto();
    let html = super::html(&c).unwrap();
    for id in [
        "pp-4", "pp-6", "op-2", "op-2-b", "op-2-d", "op-3", "op-5", "op-6", "op-7", "was-op-4",
    ] {
        assert!(html.contains(&format!("id=\"{id}\"")), "no id {id}");
    }
    // The moved paragraph and the mark at its old place point at each other.
    assert!(html.contains("OP 4 moved to <a href=\"#op-6\">OP 6</a>"));
    assert!(html.contains("Moved from <a href=\"#was-op-4\">"));
    assert!(html.contains("Lead strengthened: <i>Invites</i> → <i>Urges</i>"));
    // The changes list names both numbers, and which numbering a removed
    // paragraph is in.
    assert!(html.contains(
        "<a href=\"#pp-6\">PP 6 (in the old version)</a> <span class=\"toc-note\">removed</span>"
    ));
    assert!(html.contains("<a href=\"#op-6\">OP 6 (was OP 4)</a>"));
    // The lead changes are listed, and the figure that counts them links there.
    assert!(html.contains("<a href=\"#leads-strengthened\">Leads strengthened</a>"));
    assert!(html.contains("id=\"leads-strengthened\">Leads strengthened</h3>"));
    // The concordance: every old number against its new one, linked.
    assert!(
        html.contains("<tr><td>OP 4</td><td><a href=\"#op-6\">OP 6</a></td><td>modified</td></tr>")
    );
    assert!(
        html.contains("<tr><td><a href=\"#pp-6\">PP 6</a></td><td>—</td><td>removed</td></tr>")
    );
    let md = super::markdown(&c).unwrap();
    assert!(md.contains("| OP 4 | OP 6 | modified |"));
    assert!(md.contains("| OP 3 | OP 4 | split |"));
    assert!(html.contains("<a href=\"#op-5\" rel=\"prev\">← OP 5</a>"));
    // Routine records carry the class the "hide routine updates" toggle uses.
    assert!(html.contains("class=\"para modified routine depth-0\" id=\"op-9\""));
    assert!(html.contains(
        "<del class=\"routine-edit\" title=\"routine update: session moved on by the interval\"><span class=\"vh\">[deleted: </span>seventy-seventh"
    ));
}

#[test]
fn html_links_point_at_existing_ids_and_ids_are_unique() {
    let c = fixture::csto();
    let html = super::html(&c).unwrap();
    let ids = attribute_values(&html, "id=\"");
    let mut sorted = ids.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), ids.len(), "duplicate ids");
    for target in attribute_values(&html, "href=\"#") {
        assert!(ids.contains(&target), "link to missing #{target}");
    }
}

#[test]
fn html_tags_are_balanced() {
    let c = fixture::csto();
    assert_balanced(&super::html(&c).unwrap());
    assert_balanced(&super::html(&fixture::hostile()).unwrap());
}

#[test]
fn markdown_summary_table_carries_the_summary_figures() {
    let c = fixture::csto();
    let md = super::markdown(&c).unwrap();
    let tables = markdown_tables(&md);
    let counts = tables
        .iter()
        .find(|t| t[0][0] == "Paragraphs")
        .expect("a counts table");
    assert_counts_table(counts, &c);
    let s = &c.summary;
    let row = |name: &str| counts.iter().find(|r| r[0] == name).expect(name).clone();
    assert_eq!(row("of which moved")[3], "1");

    let figures = tables
        .iter()
        .find(|t| t[0][0] == "Figure")
        .expect("figures");
    let figure = |name: &str| figures.iter().find(|r| r[0] == name).expect(name)[1].clone();
    assert_eq!(figure("Words inserted"), s.words_inserted.to_string());
    assert_eq!(figure("Leads strengthened"), "1");
    assert_eq!(figure("Routine updates"), "2");
    // The metadata table keeps a file name with underscores literal.
    let meta = &tables[0];
    assert!(
        meta.iter()
            .any(|r| r[0] == "Source" && r[1].contains("shared/corpus/csto/A_75_L.78.txt")),
        "{meta:?}"
    );
}

/// The counts table of a Markdown report agrees with `c`'s summary.
fn assert_counts_table(counts: &[Vec<String>], c: &Comparison) {
    assert_eq!(counts[0], ["Paragraphs", "Preamble", "Operative", "Total"]);
    let s = &c.summary;
    let row = |name: &str| counts.iter().find(|r| r[0] == name).expect(name).clone();
    let expect = |name: &str, pre: usize, op: usize| {
        assert_eq!(
            row(name),
            [
                name.to_string(),
                pre.to_string(),
                op.to_string(),
                (pre + op).to_string()
            ],
            "row {name}"
        );
    };
    expect("modified", s.preamble.modified, s.operative.modified);
    expect("added", s.preamble.added, s.operative.added);
    expect("removed", s.preamble.removed, s.operative.removed);
    expect("split", s.preamble.split, s.operative.split);
    expect("merged", s.preamble.merged, s.operative.merged);
    expect("unchanged", s.preamble.unchanged, s.operative.unchanged);
    expect("of which moved", s.preamble.moved, s.operative.moved);
    expect(
        "of which renumbered",
        s.preamble.renumbered,
        s.operative.renumbered,
    );
    // The statuses add up to the total, which is every record of the part.
    let records = |part: Part| c.paragraphs.iter().filter(|p| p.part == part).count();
    expect("total", records(Part::Preamble), records(Part::Operative));
    let number = |cell: &str| cell.parse::<usize>().expect("a count");
    let statuses: usize = [
        "unchanged",
        "modified",
        "added",
        "removed",
        "split",
        "merged",
    ]
    .iter()
    .map(|name| number(&row(name)[3]))
    .sum();
    assert_eq!(statuses, number(&row("total")[3]));
}

#[test]
fn markdown_redline_uses_tags_github_keeps() {
    let c = fixture::csto();
    let md = super::markdown(&c).unwrap();
    assert!(md.contains("<del>seventy-seventh</del><ins>seventy-ninth</ins>"));
    assert!(md.contains("**Lead strengthened:** *Invites* → *Urges*"));
    for tag in Parser::new_ext(&md, Options::ENABLE_TABLES).filter_map(|e| match e {
        Event::Html(h) | Event::InlineHtml(h) => Some(h.into_string()),
        _ => None,
    }) {
        let name = tag.trim().trim_start_matches(['<', '/']);
        assert!(
            ["del>", "ins>", "details>", "summary>"]
                .iter()
                .any(|t| name.starts_with(t))
                || name.starts_with("summary>Unchanged"),
            "unexpected HTML in Markdown: {tag:?}"
        );
    }
}

#[test]
fn text_view_labels_paragraphs_and_marks_words() {
    let c = fixture::csto();
    let plain = super::text(&c, false).unwrap();
    assert!(plain.contains("\nOP 6 (was OP 4) modified, moved, renumbered\n"));
    assert!(plain.contains("\nPP 6 (in the old version) removed\n"));
    assert!(plain.contains("[-seventy-seventh-]{+seventy-ninth+}"));
    assert!(plain.contains("lead strengthened: Invites → Urges"));
    assert!(plain.contains("\nOP 4 moved to OP 6\n"));
    // A split's paragraph break is a mark inside the redline, not a line
    // break out of the record's indentation.
    assert!(plain.contains("[-, and encourages them-]{+; ¶ Encourages the secretariats+}"));
    assert!(!plain.lines().any(|l| l.starts_with("Encourages")));
    assert!(!plain.contains('\x1b'));

    let color = super::text(&c, true).unwrap();
    assert!(
        color.contains("\x1b[9m\x1b[31mseventy-seventh\x1b[0m\x1b[4m\x1b[32mseventy-ninth\x1b[0m")
    );
    assert!(!color.contains("[-"));
}

#[test]
fn an_empty_comparison_renders_in_every_format() {
    let mut c = fixture::csto();
    c.paragraphs.clear();
    c.summary = Default::default();
    assert!(
        super::html(&c)
            .unwrap()
            .contains("The two versions have the same paragraphs.")
    );
    assert!(
        super::markdown(&c)
            .unwrap()
            .contains("The two versions have the same paragraphs.")
    );
    assert!(
        super::text(&c, false)
            .unwrap()
            .contains("The two versions have the same paragraphs.")
    );
}

// ---------------------------------------------------------------- hostile text

#[test]
fn hostile_text_is_literal_in_html() {
    let html = super::html(&fixture::hostile()).unwrap();
    let body = &html[html.find("</style>").unwrap()..];
    assert!(!body.contains("<script"), "raw script tag");
    assert!(!body.contains("<img"), "raw img tag");
    assert!(!body.contains("<b>"));
    assert!(body.contains("&#60;script&#62;alert(1)&#60;/script&#62;"));
    assert!(body.contains("&#60;img src=x onerror=alert(1)&#62;"));
    assert!(body.contains("&#38; more [link](javascript:x) | * `"));
    assert!(body.contains("&#34;q&#34; &#39;a&#39;"));
    assert!(
        body.contains("id=\"op-2-b\""),
        "anchor made from a hostile number"
    );
    assert_no_controls(&html);
}

#[test]
fn hostile_text_is_literal_in_markdown() {
    let md = super::markdown(&fixture::hostile()).unwrap();
    assert_no_controls(&md);
    let mut text = String::new();
    for event in Parser::new_ext(&md, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::Html(h) | Event::InlineHtml(h) => {
                assert!(
                    !h.contains("<script") && !h.contains("<img"),
                    "raw HTML {h:?}"
                );
            }
            Event::Code(code) => panic!("user text became code: {code:?}"),
            Event::Start(Tag::Link { dest_url, .. }) => {
                panic!("user text became a link to {dest_url}")
            }
            Event::Start(Tag::Strikethrough) => panic!("user text became strikethrough"),
            Event::Start(Tag::Heading { .. }) | Event::End(TagEnd::Heading(_)) => text.push('\n'),
            Event::Text(t) => text.push_str(&t),
            _ => {}
        }
    }
    assert!(text.contains(&format!("Urges {IMG} & more [link](javascript:x) | * ` ")));
    assert!(text.contains(SCRIPT));
    assert!(text.contains("# heading | [link](javascript:x) & \"q\" 'a'"));
    assert!(
        text.contains(&format!("- {IMG}")),
        "a list marker in a value stays text"
    );
    assert!(!md.lines().any(|l| l.starts_with("# heading")));
}

#[test]
fn hostile_text_cannot_drive_the_terminal() {
    let c = fixture::hostile();
    let plain = super::text(&c, false).unwrap();
    assert_no_controls(&plain);
    assert!(plain.contains(SCRIPT));
    assert!(plain.contains("\u{FFFD}[31mred\u{FFFD}"));
    assert!(plain.contains("\u{FFFD}]0;title\u{FFFD}"));

    // With colour the only escapes are the renderer's own SGR sequences.
    let color = super::text(&c, true).unwrap();
    let mut rest = color.as_str();
    while let Some(at) = rest.find('\x1b') {
        rest = &rest[at + 1..];
        let sgr = rest
            .strip_prefix('[')
            .and_then(|r| r.split_once('m'))
            .map(|(params, _)| params);
        assert!(
            sgr.is_some_and(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit() || c == ';')),
            "foreign escape sequence before {:?}",
            &rest[..rest.len().min(20)]
        );
    }
    assert!(!color.contains('\x07'));
}

#[test]
fn json_keeps_hostile_text_verbatim_but_escaped() {
    let json = super::json(&fixture::hostile()).unwrap();
    assert!(json.contains("\\u001b[31mred\\u0007"));
    assert!(!json.contains('\x1b'));
}

// ---------------------------------------------------------------- helpers

fn assert_no_controls(out: &str) {
    for c in out.chars() {
        assert!(
            !super::sanitize::is_hostile_control(c),
            "control character {c:?} in output"
        );
    }
}

fn attribute_values(html: &str, prefix: &str) -> Vec<String> {
    html.match_indices(prefix)
        .map(|(at, _)| {
            let rest = &html[at + prefix.len()..];
            rest[..rest.find('"').unwrap()].to_string()
        })
        .collect()
}

/// Every element opened is closed in order, void elements apart.
fn assert_balanced(html: &str) {
    const VOID: [&str; 5] = ["meta", "input", "br", "img", "hr"];
    let mut stack: Vec<String> = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        let end = rest.find('>').expect("unclosed tag");
        let tag = &rest[..end];
        rest = &rest[end + 1..];
        if tag.starts_with('!') {
            continue;
        }
        if let Some(name) = tag.strip_prefix('/') {
            let open = stack
                .pop()
                .unwrap_or_else(|| panic!("</{name}> closes nothing"));
            assert_eq!(open, name, "</{name}> closes <{open}>");
            continue;
        }
        let name: String = tag
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        assert!(!name.is_empty(), "bad tag <{tag}>");
        if name == "style" {
            // CSS is not markup; skip to its end.
            let close = rest.find("</style>").expect("unclosed style");
            rest = &rest[close + "</style>".len()..];
            continue;
        }
        if !VOID.contains(&name.as_str()) {
            stack.push(name);
        }
    }
    assert!(stack.is_empty(), "unclosed: {stack:?}");
}

/// The cells of every table in `md`, header row first.
fn markdown_tables(md: &str) -> Vec<Vec<Vec<String>>> {
    let mut tables = Vec::new();
    let mut table: Vec<Vec<String>> = Vec::new();
    let mut row: Vec<String> = Vec::new();
    let mut cell: Option<String> = None;
    for event in Parser::new_ext(md, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Table(_)) => table = Vec::new(),
            Event::End(TagEnd::Table) => tables.push(std::mem::take(&mut table)),
            Event::Start(Tag::TableHead | Tag::TableRow) => row = Vec::new(),
            Event::End(TagEnd::TableHead | TagEnd::TableRow) => {
                table.push(std::mem::take(&mut row))
            }
            Event::Start(Tag::TableCell) => cell = Some(String::new()),
            Event::End(TagEnd::TableCell) => row.push(cell.take().unwrap_or_default()),
            Event::Text(t) => {
                if let Some(c) = cell.as_mut() {
                    c.push_str(&t);
                }
            }
            _ => {}
        }
    }
    tables
}

#[test]
fn every_text_format_ends_with_one_newline() {
    let c = fixture::hostile();
    for out in [
        super::html(&c),
        super::markdown(&c),
        super::text(&c, true),
        super::json(&c),
    ] {
        let out = out.unwrap();
        assert!(
            out.ends_with('\n') && !out.ends_with("\n\n"),
            "{:?}",
            &out[out.len() - 20..]
        );
    }
}

#[test]
fn one_unchanged_paragraph_is_one_paragraph() {
    let read = |operative: &str| {
        let text = format!(
            "+++\nbody = \"Security Council\"\nseries = \"s\"\nstatus = \"draft\"\n+++\n\n_Recalling_ its resolutions,\n\n1. _Decides_ to remain {operative} of the matter.\n"
        );
        crate::canonical::read(&text, std::path::Path::new("s.md")).unwrap()
    };
    let c = crate::diff::compare(&read("seized"), &read("actively seized"));
    let text = super::text(&c, false).unwrap();
    assert!(
        text.contains("\n1 unchanged paragraph not shown.\n"),
        "{text}"
    );
}

/// A comparison of a long resolution (the CSTO operative part forty times
/// over, each copy edited) makes a Markdown report that fits a GitHub
/// comment: cut, with a note saying what it left out, and still balanced.
#[test]
fn a_long_markdown_report_is_cut_to_fit_with_a_note() {
    let (old, _) = fixture::csto_versions();
    let long = |edit: bool| {
        let mut r = old.clone();
        r.operative = (0..40)
            .flat_map(|_| old.operative.iter().cloned())
            .enumerate()
            .map(|(i, mut p)| {
                p.number = Some((i + 1).to_string());
                if edit {
                    p.text = p.text.replacen(" the ", " ", 1);
                }
                p
            })
            .collect();
        r
    };
    let c = crate::diff::compare(&long(false), &long(true));
    assert!(c.summary.operative.modified > 300);
    let md = super::markdown(&c).unwrap();
    assert!(
        md.chars().count() <= super::MARKDOWN_LIMIT,
        "{}",
        md.chars().count()
    );
    assert!(
        md.contains("This report shows the first "),
        "{}",
        &md[..2000]
    );
    assert!(md.contains(&format!(
        " of {} changed paragraphs",
        c.summary.operative.modified
    )));
    assert_balanced(&md);
    // A report that fits is whole.
    let short = super::markdown(&fixture::csto()).unwrap();
    assert!(!short.contains("This report"));
}

/// Warnings that alone pass the limit (a reader unsure of every line of
/// a long scan, each warning one A/RES/80/20 gives) no longer push every
/// change out and the report over the limit: the changes come first, the
/// warnings that fit after, and a note counts the rest.
#[test]
fn warnings_past_the_markdown_limit_leave_the_changes_shown() {
    let mut c = fixture::csto();
    let warning =
        "A_RES_80_20.txt:43: [footnote-markers] no marker for footnote 5 found in the text";
    c.warnings = vec![warning.to_string(); 5_000];
    let md = super::markdown(&c).unwrap();
    assert!(
        md.chars().count() <= super::MARKDOWN_LIMIT,
        "{}",
        md.chars().count()
    );
    assert!(
        !md.contains("This report shows the first"),
        "{}",
        &md[..2000]
    );
    let changes = md.matches("\n### ").count();
    let whole = super::markdown(&fixture::csto()).unwrap();
    assert_eq!(
        changes,
        whole.matches("\n### ").count(),
        "every change shown"
    );
    assert!(md.contains("more warnings left out to stay under 60000 characters"));
    assert!(
        md.matches("no marker for footnote 5 found in the text")
            .count()
            > 100,
        "the warnings that fit"
    );
    assert_balanced(&md);
}

/// A head past the limit by itself is cut at the limit.
#[test]
fn a_head_past_the_markdown_limit_is_cut_to_it() {
    let mut c = fixture::csto();
    c.old.title = Some("Long ".repeat(20_000));
    let md = super::markdown(&c).unwrap();
    assert!(
        md.chars().count() <= super::MARKDOWN_LIMIT,
        "{}",
        md.chars().count()
    );
}

// ------------------------------------------------------------- catalogues

/// `{name}` left in `out`: a placeholder the code did not fill (the one
/// catalogue mistake the build cannot see; BENCHMARKS.md, "Message
/// catalogues").
fn unfilled_placeholder(out: &str) -> Option<String> {
    let mut rest = out;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let name: String = after
            .chars()
            .take_while(|c| c.is_ascii_lowercase() || *c == '_')
            .collect();
        if !name.is_empty() && after[name.len()..].starts_with('}') {
            return Some(name);
        }
        rest = after;
    }
    None
}

#[test]
fn no_placeholder_is_left_unfilled() {
    let c = fixture::csto();
    let (_, new) = fixture::csto_versions();
    for language in crate::lang::Language::ALL {
        let options = super::Options {
            ui: Some(language),
            ..Default::default()
        };
        let cs = std::slice::from_ref(&c);
        let outputs = [
            super::html_many(cs, options).unwrap(),
            super::markdown_many(cs, options).unwrap(),
            super::text_many(cs, false, options).unwrap(),
            super::show::structure(&new, Some(language)).unwrap(),
        ];
        for out in outputs {
            assert_eq!(unfilled_placeholder(&out), None, "{language:?}");
        }
    }
    assert_eq!(unfilled_placeholder("a {old} b"), Some("old".into()));
    assert_eq!(unfilled_placeholder("a {+ins+} {} b"), None);
}

#[test]
fn a_report_speaks_the_language_asked_for() {
    let c = fixture::csto();
    let cs = std::slice::from_ref(&c);
    let french = super::Options {
        ui: Some(crate::lang::Language::Fr),
        ..Default::default()
    };
    let html = super::html_many(cs, french).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"));
    assert!(html.contains("<h2 id=\"summary-h\">Résumé</h2>"));
    // The English text keeps its own language inside the French page.
    assert!(html.contains("<p class=\"text\" lang=\"en\">"));
    let text = super::text_many(cs, false, french).unwrap();
    assert!(text.starts_with("Comparaison "), "{text}");
    // English by default for English documents.
    assert!(super::html(&c).unwrap().contains("<html lang=\"en\">"));
}
