//! The importer on every real text of the shared corpus: paragraph counts,
//! footnotes, leads, sub-paragraphs and headings checked against what a
//! reader sees in each text; no character lost; no panic on damaged input.

use std::collections::BTreeMap;
use std::path::Path;

use resdiff::model::{Body, Meta, Paragraph};
use resdiff::parse::import::{Imported, import_text};

use crate::common::shared_corpus;

fn meta_for(body: Body) -> Meta {
    Meta {
        body,
        series: "corpus".into(),
        ..Default::default()
    }
}

/// The symbol from the `.json` beside a Security Council text.
fn symbol_of(txt: &Path) -> String {
    let json = std::fs::read_to_string(txt.with_extension("json")).expect("metadata beside text");
    let value: serde_json::Value = serde_json::from_str(&json).expect("valid metadata");
    value["symbol"].as_str().expect("symbol").to_string()
}

fn import_file(path: &Path, meta: Meta) -> Imported {
    let text = std::fs::read_to_string(path).expect("corpus file");
    import_text(&text, meta).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// One row per corpus file. Counts were established by reading each text
/// in full (numbered `cat -n` listings): a preambular paragraph is a lead
/// opening a line after a line that ended with `, ; : .` (or a long line
/// that lost its end, S/2019/266 line 7); continuation lines (lower case,
/// or capitalised non-leads such as "Government, commitment" after a line
/// ending "and") were not counted; operative paragraphs were counted by
/// their numbers including those run together on one line (S/2016/1100
/// 9–13, S/2018/257 12–18, S/2019/266 11–16, S/2018/693 35–38,
/// S/2018/1021 12–20). Preamble counts of the long hard-wrapped texts were
/// re-checked with grep over line starts (S/2018/693: 36).
struct Row {
    file: &'static str,
    preamble: usize,
    operative: usize,
    footnotes: &'static [&'static str],
    first_lead: &'static str,
    last_lead: &'static str,
    /// (operative number, number of sub-paragraphs)
    subparagraphs: &'static [(&'static str, usize)],
    /// (operative number, heading)
    headings: &'static [(&'static str, &'static str)],
}

const ROWS: &[Row] = &[
    Row {
        file: "csto/A_75_L.78.txt",
        preamble: 15,
        operative: 9,
        footnotes: &["2", "3", "4", "5", "6", "7"],
        first_lead: "Having considered",
        last_lead: "Decides",
        subparagraphs: &[],
        headings: &[],
    },
    row("sc/S_2016_1061.txt", 3, 3, "Recalling", "Decides"),
    row("sc/S_2016_1100.txt", 10, 13, "Reaffirming", "Decides"),
    Row {
        headings: &[("3", "Designation Criteria"), ("5", "Reporting")],
        ..row("sc/S_2017_142.txt", 14, 13, "Recalling", "Decides")
    },
    row("sc/S_2017_444.txt", 3, 3, "Recalling", "Decides"),
    Row {
        subparagraphs: &[("7", 3), ("33", 8)],
        headings: &[("33", "Reporting")],
        ..row("sc/S_2018_1021.txt", 16, 35, "Recalling", "Decides")
    },
    Row {
        headings: &[("1", "UNSOM"), ("11", "Somalia")],
        ..row("sc/S_2018_257.txt", 19, 29, "Recalling", "Decides")
    },
    row("sc/S_2018_341.txt", 2, 2, "Recalling", "Decides"),
    Row {
        subparagraphs: &[("7", 6), ("11", 3), ("19", 3), ("38", 2), ("56", 10)],
        headings: &[
            ("29", "Political Situation"),
            ("34", "Security"),
            ("41", "Humanitarian situation and displacement"),
            ("48", "Operational Challenges"),
            ("53", "Exit strategy"),
            ("56", "Reporting"),
        ],
        ..row("sc/S_2018_693.txt", 36, 57, "Reaffirming", "Decides")
    },
    row("sc/S_2018_95.txt", 4, 4, "Recalling", "Decides"),
    row("sc/S_2019_179.txt", 19, 22, "Reaffirming", "Requests"),
    row("sc/S_2019_266.txt", 15, 23, "Recalling", "Decides"),
    row("sc/S_2019_441.txt", 3, 4, "Recalling", "Decides"),
    row("sc/S_2020_110.txt", 4, 5, "Recalling", "Decides"),
    Row {
        subparagraphs: &[("2", 4), ("6", 3), ("11", 3), ("12", 9), ("24", 3)],
        headings: &[
            ("9", "AMISOM — Priorities and tasks"),
            ("21", "Logistical and Financial Support"),
            ("26", "Somalia"),
            ("36", "Reporting"),
        ],
        ..row("sc/S_2020_445.txt", 17, 39, "Recalling", "Decides")
    },
    row("sc/S_2021_523.txt", 8, 3, "Recalling", "Decides"),
    row("sc/S_2022_158.txt", 34, 24, "Recalling", "Decides"),
    row("sc/S_2022_501.txt", 10, 17, "Reaffirming", "Decides"),
    row("sc/S_2023_427.txt", 18, 16, "Underscoring", "Requests"),
    row("sc/S_2024_302.txt", 12, 8, "Emphasizing", "Decides"),
    row("sc/S_2024_37.txt", 8, 11, "Reaffirming", "Decides"),
];

const fn row(
    file: &'static str,
    preamble: usize,
    operative: usize,
    first_lead: &'static str,
    last_lead: &'static str,
) -> Row {
    Row {
        file,
        preamble,
        operative,
        footnotes: &[],
        first_lead,
        last_lead,
        subparagraphs: &[],
        headings: &[],
    }
}

fn operative<'a>(imported: &'a Imported, number: &str) -> &'a Paragraph {
    imported
        .resolution
        .operative
        .iter()
        .find(|p| p.number.as_deref() == Some(number))
        .unwrap_or_else(|| panic!("operative paragraph {number}"))
}

#[cfg_attr(corpus_missing, ignore = "needs ../shared/corpus")]
#[test]
fn every_corpus_text_has_the_structure_a_reader_sees() {
    let Some(corpus) = shared_corpus() else {
        return;
    };
    for row in ROWS {
        let path = corpus.join(row.file);
        let body = if row.file.starts_with("csto") {
            Body::GeneralAssembly
        } else {
            Body::SecurityCouncil
        };
        let mut meta = meta_for(body);
        if row.file.starts_with("sc/") {
            meta.symbol = Some(symbol_of(&path));
        }
        let imported = import_file(&path, meta);
        let r = &imported.resolution;
        let name = row.file;
        assert_eq!(
            r.preamble.len(),
            row.preamble,
            "{name}: preambular paragraphs"
        );
        assert_eq!(
            r.operative.len(),
            row.operative,
            "{name}: operative paragraphs"
        );
        let markers: Vec<&str> = r.footnotes.iter().map(|f| f.marker.as_str()).collect();
        assert_eq!(markers, row.footnotes, "{name}: footnotes");
        assert_eq!(
            r.preamble[0].lead.as_deref(),
            Some(row.first_lead),
            "{name}: first lead"
        );
        let last = r.operative.last().expect("operative part");
        assert_eq!(
            last.lead.as_deref(),
            Some(row.last_lead),
            "{name}: last lead"
        );
        // Operative numbers run 1, 2, 3 … without gaps.
        let numbers: Vec<String> = r
            .operative
            .iter()
            .filter_map(|p| p.number.clone())
            .collect();
        let expected: Vec<String> = (1..=row.operative).map(|n| n.to_string()).collect();
        assert_eq!(numbers, expected, "{name}: operative numbering");
        for &(number, count) in row.subparagraphs {
            assert_eq!(
                operative(&imported, number).subparagraphs.len(),
                count,
                "{name}: sub-paragraphs of {number}"
            );
        }
        let headings: Vec<(&str, &str)> = r
            .operative
            .iter()
            .filter_map(|p| Some((p.number.as_deref()?, p.heading.as_deref()?)))
            .collect();
        assert_eq!(headings, row.headings, "{name}: headings");
        // Every paragraph text is cleaned: no runs of spaces, no edges.
        for p in r.preamble.iter().chain(&r.operative) {
            assert!(
                !p.text.contains("  "),
                "{name}: double space in {:?}",
                p.text
            );
            assert_eq!(p.text.trim(), p.text, "{name}: untrimmed {:?}", p.text);
            if let Some(lead) = &p.lead {
                assert!(
                    p.text.starts_with(lead.as_str()),
                    "{name}: lead {lead:?} not at start"
                );
            }
        }
        if row.file.starts_with("sc/") {
            assert_eq!(
                r.enacting_formula.as_deref(),
                Some("The Security Council,"),
                "{name}"
            );
            // The year comes from the symbol the caller gave.
            let year: u32 = row.file[5..9].parse().unwrap();
            assert_eq!(r.meta.year, Some(year), "{name}: year from the symbol");
        }
    }
}

#[cfg_attr(corpus_missing, ignore = "needs ../shared/corpus")]
#[test]
fn the_csto_text_keeps_its_footnotes_page_break_and_metadata() {
    let Some(corpus) = shared_corpus() else {
        return;
    };
    let imported = import_file(
        &corpus.join("csto/A_75_L.78.txt"),
        meta_for(Body::SecurityCouncil),
    );
    let r = &imported.resolution;
    // No enacting formula: the body comes from the symbol on the download line.
    assert_eq!(r.enacting_formula, None);
    assert_eq!(r.meta.body, Body::GeneralAssembly);
    assert_eq!(r.meta.symbol.as_deref(), Some("A/75/L.78"));
    assert_eq!(r.meta.session, Some(75));
    assert_eq!(r.meta.date, resdiff::dates::parse_iso("2021-05-11"));
    assert!(
        r.meta
            .title
            .as_deref()
            .is_some_and(|t| t.starts_with("Resolution of the 75th Session"))
    );
    assert!(
        imported
            .warnings
            .iter()
            .any(|w| w.message.contains("no enacting formula"))
    );
    // Footnote 1 is marked but its text is absent: warned, marker kept.
    assert_eq!(r.preamble[0].footnotes.len(), 1);
    assert_eq!(r.preamble[0].footnotes[0].marker, "1");
    assert!(
        imported
            .warnings
            .iter()
            .any(|w| w.message.contains("footnote 1"))
    );
    // The marker sits right after "organizations" and is gone from the text.
    let first = &r.preamble[0];
    assert!(first.text.ends_with("regional and other organizations,"));
    assert!(first.text[..first.footnotes[0].offset].ends_with("organizations"));
    // `13 January 20103` is 2010 + footnote 3; resolution 1631 (2005) stays.
    let fifth = &r.preamble[4];
    assert!(
        fifth
            .text
            .contains("13 January 2010 and 6 August 2013, which")
    );
    assert!(fifth.text.contains("resolution 1631 (2005)"));
    let fifth_markers: Vec<&str> = fifth.footnotes.iter().map(|f| f.marker.as_str()).collect();
    assert_eq!(fifth_markers, ["3", "4"]);
    assert!(fifth.text[..fifth.footnotes[0].offset].ends_with("13 January 2010"));
    // The paragraph broken by the page break and footnotes 3–7 is whole.
    let welcoming = &r.preamble[10];
    assert!(
        welcoming
            .text
            .contains("for the period 2021–2025 to combat the smuggling")
    );
    assert!(
        welcoming
            .text
            .ends_with("organized drug groups and their leaders,")
    );
    assert_eq!(r.footnotes[3].text, "Resolution60/288.");
    assert_eq!(
        r.footnotes[0].text,
        "2 Резолюция 49/57, Resolution.".split_once(' ').unwrap().1
    );
    // Split words repaired, each with a warning.
    let second = operative(&imported, "2");
    assert!(
        second
            .text
            .contains("from natural and human-made disasters")
    );
    assert!(
        imported
            .warnings
            .iter()
            .any(|w| w.line == 27 && w.message.contains("'an d'"))
    );
    // Furniture: the download line and the document number.
    assert_eq!(imported.furniture_lines, [2, 8]);
}

#[cfg_attr(corpus_missing, ignore = "needs ../shared/corpus")]
#[test]
fn run_together_paragraphs_split_but_inline_lists_stay() {
    let Some(corpus) = shared_corpus() else {
        return;
    };
    let somalia_2018 = import_file(
        &corpus.join("sc/S_2018_257.txt"),
        meta_for(Body::SecurityCouncil),
    );
    let twelve = operative(&somalia_2018, "12");
    assert!(
        twelve
            .text
            .ends_with("including a resumption of the dialogue with “Somaliland”;")
    );
    assert!(
        operative(&somalia_2018, "13")
            .text
            .starts_with("Welcomes the commitments")
    );
    // Hard-wrapped capitalised continuations stay in their paragraph.
    let welcoming = &somalia_2018.resolution.preamble[6];
    assert!(
        welcoming
            .text
            .contains("women in Parliament and Government, commitment to economic reforms")
    );
    assert!(
        somalia_2018.resolution.preamble[14]
            .text
            .contains("the December High Level Meetings")
    );
    // Multiple spaces and split apostrophes.
    assert!(
        operative(&somalia_2018, "6")
            .text
            .starts_with("Requests UNSOM to provide strategic advice to accelerate")
    );
    assert!(
        somalia_2018.resolution.preamble[2]
            .text
            .contains("(ISIL, also known as Da’esh)")
    );

    let somalia_2020 = import_file(
        &corpus.join("sc/S_2020_445.txt"),
        meta_for(Body::SecurityCouncil),
    );
    let five = operative(&somalia_2020, "5");
    assert!(
        five.text
            .contains("on the basis of: 1) Information shared by the AU")
    );
    assert!(five.subparagraphs.is_empty());
    // "(i)" after "(h)" is the letter i.
    let twelve = operative(&somalia_2020, "12");
    let labels: Vec<&str> = twelve
        .subparagraphs
        .iter()
        .filter_map(|p| p.number.as_deref())
        .collect();
    assert_eq!(labels, ["a", "b", "c", "d", "e", "f", "g", "h", "i"]);
    // The preamble ends with a full stop in this dump.
    let last = somalia_2020.resolution.preamble.last().unwrap();
    assert_eq!(last.lead.as_deref(), Some("Acting"));
    // "6) staffing" at a line start is still text of paragraph 36.
    assert!(
        operative(&somalia_2020, "36")
            .text
            .contains("and 6) staffing of the civilian component")
    );
}

#[cfg_attr(corpus_missing, ignore = "needs ../shared/corpus")]
#[test]
fn numbered_lists_bullets_and_roman_lists_nest() {
    let Some(corpus) = shared_corpus() else {
        return;
    };
    let abyei = import_file(
        &corpus.join("sc/S_2018_1021.txt"),
        meta_for(Body::SecurityCouncil),
    );
    let seven = operative(&abyei, "7");
    let labels: Vec<&str> = seven
        .subparagraphs
        .iter()
        .filter_map(|p| p.number.as_deref())
        .collect();
    assert_eq!(labels, ["1", "2", "3"]);
    assert!(
        seven.subparagraphs[2]
            .text
            .starts_with("Steps the AU Commission")
    );
    // Op 15–20 were on one line, and 20 continues on the next.
    assert!(
        operative(&abyei, "20")
            .text
            .contains("Abyei Area Joint Investigation and Inquiry Committee’s")
    );
    let darfur = import_file(
        &corpus.join("sc/S_2018_693.txt"),
        meta_for(Body::SecurityCouncil),
    );
    let fifty_six = operative(&darfur, "56");
    assert_eq!(
        fifty_six.subparagraphs.last().unwrap().number.as_deref(),
        Some("x")
    );
    // A preambular heading.
    let political = darfur
        .resolution
        .preamble
        .iter()
        .find(|p| p.heading.is_some())
        .expect("preambular heading");
    assert_eq!(political.heading.as_deref(), Some("Political situation"));
    assert!(
        political
            .text
            .starts_with("Reiterating that there can be no military solution")
    );
    // Op 13 lost its end in the dump: warned.
    assert!(darfur.warnings.iter().any(|w| {
        w.line == 113
            && w.message
                .contains("operative paragraph 13 ends without punctuation")
    }));
    // (a) run into op 38's text, (b) on its own line.
    let labels: Vec<&str> = operative(&darfur, "38")
        .subparagraphs
        .iter()
        .filter_map(|p| p.number.as_deref())
        .collect();
    assert_eq!(labels, ["a", "b"]);
}

#[cfg_attr(corpus_missing, ignore = "needs ../shared/corpus")]
#[test]
fn text_after_the_last_paragraph_is_an_annex() {
    let Some(corpus) = shared_corpus() else {
        return;
    };
    let yemen = import_file(
        &corpus.join("sc/S_2022_158.txt"),
        meta_for(Body::SecurityCouncil),
    );
    let last = yemen.resolution.operative.last().unwrap();
    assert_eq!(
        last.text,
        "Decides to remain actively seized of the matter."
    );
    // The dump lost the annex's label and title; its four paragraphs are
    // kept as an annex, not dropped with a warning each.
    assert_eq!(yemen.resolution.annexes.len(), 1);
    let annex = &yemen.resolution.annexes[0];
    assert_eq!(
        (annex.label.as_deref(), annex.title.as_deref()),
        (None, None)
    );
    let firsts: Vec<usize> = annex
        .paragraphs
        .iter()
        .map(|p| p.text.split(' ').count())
        .collect();
    assert_eq!(firsts.len(), 4, "{firsts:?}");
    // One warning says so, not one a line.
    let said: Vec<&str> = yemen
        .warnings
        .iter()
        .filter(|w| w.message.contains("annex"))
        .map(|w| w.message.as_str())
        .collect();
    assert_eq!(
        said,
        ["text after the resolution's last paragraph, with no 'Annex' line: kept as an annex"]
    );
}

/// Letters and digits, counted.
fn alphanumerics(text: &str, counts: &mut BTreeMap<char, i64>, sign: i64) {
    for c in text.chars().filter(|c| c.is_alphanumeric()) {
        *counts.entry(c).or_insert(0) += sign;
    }
}

fn paragraph_alphanumerics(p: &Paragraph, counts: &mut BTreeMap<char, i64>) {
    alphanumerics(&p.text, counts, -1);
    if let Some(heading) = &p.heading {
        alphanumerics(heading, counts, -1);
    }
    if let Some(number) = &p.number {
        alphanumerics(number, counts, -1);
    }
    for f in &p.footnotes {
        alphanumerics(&f.marker, counts, -1);
    }
    for sub in &p.subparagraphs {
        paragraph_alphanumerics(sub, counts);
    }
}

#[cfg_attr(corpus_missing, ignore = "needs ../shared/corpus")]
#[test]
fn no_character_is_lost_on_any_corpus_text() {
    let Some(corpus) = shared_corpus() else {
        return;
    };
    for row in ROWS {
        let text = std::fs::read_to_string(corpus.join(row.file)).unwrap();
        let imported = import_text(&text, meta_for(Body::SecurityCouncil)).unwrap();
        let mut counts = BTreeMap::new();
        for (i, line) in text.split('\n').enumerate() {
            if !imported.furniture_lines.contains(&(i + 1)) {
                alphanumerics(line, &mut counts, 1);
            }
        }
        let r = &imported.resolution;
        if let Some(formula) = &r.enacting_formula {
            alphanumerics(formula, &mut counts, -1);
        }
        if let Some(title) = &r.meta.title {
            alphanumerics(title, &mut counts, -1);
        }
        for annex in &r.annexes {
            for name in annex.label.iter().chain(&annex.title) {
                alphanumerics(name, &mut counts, -1);
            }
        }
        let annexed = r.annexes.iter().flat_map(|a| &a.paragraphs);
        for p in r.preamble.iter().chain(&r.operative).chain(annexed) {
            paragraph_alphanumerics(p, &mut counts);
        }
        for f in &r.footnotes {
            alphanumerics(&f.marker, &mut counts, -1);
            alphanumerics(&f.text, &mut counts, -1);
        }
        for w in &imported.warnings {
            if let Some((_, quoted)) = w.message.split_once('«') {
                alphanumerics(quoted.trim_end_matches('»'), &mut counts, -1);
            }
        }
        let unbalanced: BTreeMap<char, i64> = counts.into_iter().filter(|(_, n)| *n != 0).collect();
        assert!(
            unbalanced.is_empty(),
            "{}: characters lost (+) or invented (-): {unbalanced:?}",
            row.file
        );
    }
}

#[cfg_attr(corpus_missing, ignore = "needs ../shared/corpus")]
#[test]
fn damaged_corpus_texts_never_panic() {
    let Some(corpus) = shared_corpus() else {
        return;
    };
    for row in ROWS {
        let text = std::fs::read_to_string(corpus.join(row.file)).unwrap();
        let boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        // Truncated at many places.
        for &cut in boundaries.iter().step_by(boundaries.len() / 97 + 1) {
            let _ = import_text(&text[..cut], meta_for(Body::SecurityCouncil));
            let _ = import_text(&text[cut..], meta_for(Body::SecurityCouncil));
        }
        // Lines reversed and interleaved; control characters and markup.
        let mut lines: Vec<&str> = text.lines().collect();
        lines.reverse();
        let _ = import_text(&lines.join("\n"), meta_for(Body::SecurityCouncil));
        let interleaved: Vec<&str> = lines
            .iter()
            .step_by(2)
            .chain(lines.iter().skip(1).step_by(2))
            .copied()
            .collect();
        let _ = import_text(&interleaved.join("\n"), meta_for(Body::SecurityCouncil));
        let noisy = text.replace(' ', " \u{0}\t").replace(',', "<b>,</b>\r");
        let _ = import_text(&noisy, meta_for(Body::SecurityCouncil));
    }
}

#[cfg_attr(corpus_missing, ignore = "needs ../shared/corpus")]
#[test]
fn snapshot_of_the_csto_text() {
    let Some(corpus) = shared_corpus() else {
        return;
    };
    let imported = import_file(
        &corpus.join("csto/A_75_L.78.txt"),
        meta_for(Body::GeneralAssembly),
    );
    insta::assert_json_snapshot!(
        "csto_A_75_L78",
        serde_json::json!({
            "resolution": imported.resolution,
            "warnings": imported.warnings,
            "furniture_lines": imported.furniture_lines,
        })
    );
}

#[cfg_attr(corpus_missing, ignore = "needs ../shared/corpus")]
#[test]
fn snapshot_of_somalia_2020() {
    let Some(corpus) = shared_corpus() else {
        return;
    };
    let imported = import_file(
        &corpus.join("sc/S_2020_445.txt"),
        meta_for(Body::SecurityCouncil),
    );
    // The structure is what this snapshot is for; the texts are abbreviated
    // so the corpus is not copied into the repository.
    let mut value = serde_json::json!({
        "resolution": imported.resolution,
        "warnings": imported.warnings,
        "furniture_lines": imported.furniture_lines,
    });
    crate::common::abbreviate_texts(&mut value);
    insta::assert_json_snapshot!("sc_S_2020_445", value);
}
