use std::path::Path;

use proptest::prelude::*;

use super::{read, write};
use crate::model::*;

fn meta() -> Meta {
    Meta {
        body: Body::GeneralAssembly,
        symbol: Some("A/75/L.78".into()),
        session: Some(75),
        series: "csto".into(),
        title: Some("Cooperation between the United Nations and the Collective Security Treaty Organization".into()),
        date: crate::dates::parse_iso("2021-05-11"),
        source: Some("test".into()),
        ..Default::default()
    }
}

/// A paragraph whose lead, if any, the source set in italics.
fn para(number: Option<&str>, lead: Option<&str>, text: &str) -> Paragraph {
    Paragraph {
        number: number.map(str::to_string),
        lead: lead.map(str::to_string),
        lead_source: lead.map(|_| LeadSource::Italics),
        text: text.to_string(),
        ..Default::default()
    }
}

/// A resolution exercising every construct of the format. The strings test
/// the mechanics of the format, not drafting.
fn sample() -> Resolution {
    let mut first = para(
        None,
        Some("Having considered"),
        "Having considered the report of the Secretary-General on cooperation between the United Nations and regional and other organizations,",
    );
    first.footnotes.push(FootnoteRef {
        marker: "1".into(),
        offset: first.text.len() - 1,
    });
    let mut with_subs = para(Some("2"), Some("Decides"), "Decides:");
    let mut sub_a = para(
        Some("a"),
        None,
        "to include <script>alert(1)</script> & *stars* _under_ `ticks` | pipes [x](y);",
    );
    sub_a.subparagraphs.push(para(
        Some("i"),
        None,
        "2016. A line that looks like a list;",
    ));
    sub_a
        .subparagraphs
        .push(para(Some("ii"), None, "- dash # hash > quote;"));
    with_subs.subparagraphs.push(sub_a);
    with_subs
        .subparagraphs
        .push(para(Some("b"), None, "back\\slash and 1) paren;"));
    with_subs
        .subparagraphs
        .push(para(Some("1"), None, "a numbered item,"));
    with_subs
        .subparagraphs
        .push(para(Some("•"), None, "a bullet,"));
    with_subs.subparagraphs.push(para(
        None,
        None,
        "(x) an unlabelled item that opens like a label;",
    ));
    let mut bis = para(
        Some("7 bis"),
        Some("Requests also"),
        "Requests also the Secretary-General to report;",
    );
    bis.heading = Some("AMISOM".into());
    let mut preamble_with_list = para(None, Some("Recalling"), "Recalling the following:");
    preamble_with_list
        .subparagraphs
        .push(para(Some("a"), None, "its resolution 59/50,"));
    Resolution {
        meta: meta(),
        enacting_formula: Some("The General Assembly,".into()),
        preamble: vec![
            first,
            preamble_with_list,
            para(None, None, "2020 was a year without a lead,"),
        ],
        operative: vec![
            para(
                Some("1"),
                Some("Takes note with appreciation"),
                "Takes note with appreciation of the report;",
            ),
            with_subs,
            bis,
            para(
                Some("10"),
                Some("Decides"),
                "Decides to remain seized of the matter.",
            ),
        ],
        annexes: Vec::new(),
        footnotes: vec![Footnote {
            marker: "1".into(),
            text: "A/75/345 [sic] *note*".into(),
        }],
    }
}

#[test]
fn write_then_read_gives_the_same_resolution() {
    let original = sample();
    let text = write(&original).unwrap();
    let back = read(&text, Path::new("sample.md")).unwrap();
    assert_eq!(back, original, "\n{text}");
    assert_eq!(
        write(&back).unwrap(),
        text,
        "writing again gives the same bytes"
    );
}

/// `r` with every lead taken by convention, but those of the paragraphs at
/// `read_from_italics` (operative indexes).
fn by_convention(mut r: Resolution, read_from_italics: &[usize]) -> Resolution {
    fn mark(paragraphs: &mut [Paragraph], source: LeadSource) {
        for p in paragraphs {
            p.lead_source = p.lead.as_ref().map(|_| source);
            mark(&mut p.subparagraphs, source);
        }
    }
    mark(&mut r.preamble, LeadSource::Convention);
    mark(&mut r.operative, LeadSource::Convention);
    for &i in read_from_italics {
        mark(
            std::slice::from_mut(&mut r.operative[i]),
            LeadSource::Italics,
        );
    }
    r
}

#[test]
fn leads_taken_by_convention_are_said_once_in_the_front_matter() {
    let r = by_convention(sample(), &[]);
    let text = write(&r).unwrap();
    assert!(text.contains("\nleads = \"convention\"\n+++\n"), "{text}");
    // The leads read as they always did: in italics.
    assert!(text.contains("\n_Having considered_ the report"), "{text}");
    assert!(!text.contains("*Having"), "{text}");
    let back = read(&text, Path::new("x.md")).unwrap();
    assert_eq!(back, r, "\n{text}");
    assert_eq!(write(&back).unwrap(), text);
}

#[test]
fn a_lead_from_the_other_source_than_the_files_is_in_asterisks() {
    // Most leads by convention, one read from italics: the exception starred.
    let r = by_convention(sample(), &[2]);
    let text = write(&r).unwrap();
    assert!(text.contains("leads = \"convention\""), "{text}");
    assert!(text.contains("\n7. [bis] *Requests also* the"), "{text}");
    assert!(text.contains("\n10. _Decides_ to remain"), "{text}");
    let back = read(&text, Path::new("x.md")).unwrap();
    assert_eq!(back, r, "\n{text}");
    assert_eq!(write(&back).unwrap(), text);
    // Most read from italics, one by convention: no key, that one starred.
    let mut r = sample();
    r.operative[3].lead_source = Some(LeadSource::Convention);
    let text = write(&r).unwrap();
    assert!(!text.contains("leads ="), "{text}");
    assert!(text.contains("\n10. *Decides* to remain"), "{text}");
    assert!(text.contains("\n7. [bis] _Requests also_ the"), "{text}");
    let back = read(&text, Path::new("x.md")).unwrap();
    assert_eq!(back, r, "\n{text}");
    assert_eq!(write(&back).unwrap(), text);
}

#[test]
fn a_file_that_does_not_say_where_its_leads_came_from_has_them_from_italics() {
    // What every file written before lead sources were kept is.
    let front = "+++\nbody = \"General Assembly\"\nseries = \"x\"\nstatus = \"draft\"\n+++\n\n";
    let r = read(
        &format!("{front}_Recalling_ x,\n\n1. _Decides_ y.\n"),
        Path::new("x.md"),
    )
    .unwrap();
    assert_eq!(r.preamble[0].lead_source, Some(LeadSource::Italics));
    assert_eq!(r.operative[0].lead_source, Some(LeadSource::Italics));
    let said = front.replace("status", "leads = \"italics\"\nstatus");
    let r = read(
        &format!("{said}*Recalling* x,\n\n1. _Decides_ y.\n"),
        Path::new("x.md"),
    )
    .unwrap();
    assert_eq!(r.preamble[0].lead_source, Some(LeadSource::Convention));
    assert_eq!(r.operative[0].lead_source, Some(LeadSource::Italics));
    assert_eq!(r.meta.status, Status::Draft);
}

#[test]
fn a_bad_leads_key_names_its_line() {
    let text = "+++\nbody = \"General Assembly\"\nseries = \"x\"\nleads = \"bold\"\nstatus = \"draft\"\n+++\n\n_Recalling_ x,\n";
    let e = read_err(text);
    assert!(
        e.starts_with("bad.md:4: invalid front matter: unknown variant `bold`"),
        "{e}"
    );
    // A TOML error after the `leads` line keeps its own line.
    let text = "+++\nleads = \"convention\"\nbody = \"General Assembly\"\nseries = \"x\"\nstatus = \"maybe\"\n+++\n\n_Recalling_ x,\n";
    let e = read_err(text);
    assert!(
        e.starts_with("bad.md:5: invalid front matter: unknown variant `maybe`"),
        "{e}"
    );
}

#[test]
fn the_written_form_reads_like_the_printed_text() {
    let text = write(&sample()).unwrap();
    assert!(
        text.starts_with("+++\nbody = \"General Assembly\"\n"),
        "{text}"
    );
    assert!(text.contains("\n_The General Assembly_,\n"));
    assert!(text.contains("\n_Having considered_ the report"));
    assert!(text.contains("organizations[^1],\n"));
    assert!(text.contains("\n1. _Takes note with appreciation_ of the report;\n"));
    assert!(text.contains("\n## AMISOM\n\n7. [bis] _Requests also_ the Secretary-General"));
    assert!(text.contains("\n   - (a) to include \\<script\\>"));
    assert!(text.contains("\n     - (i) 2016\\. A line"));
    assert!(text.contains("\n10. _Decides_ to remain seized"));
    assert!(text.ends_with("[^1]: A/75/345 \\[sic\\] \\*note\\*\n"));
}

#[test]
fn a_marker_without_footnote_text_keeps_its_place() {
    let mut r = sample();
    r.footnotes.clear();
    let text = write(&r).unwrap();
    assert!(text.contains("organizations[^1],\n"));
    assert!(text.ends_with("\n[^1]:\n"), "{text}");
    let back = read(&text, Path::new("x.md")).unwrap();
    assert_eq!(back, r);
    assert_eq!(write(&back).unwrap(), text);
}

#[test]
fn a_marker_whose_definition_was_deleted_by_hand_is_still_a_marker() {
    let text = write(&sample()).unwrap();
    let without = text.replace("[^1]: A/75/345 \\[sic\\] \\*note\\*\n", "");
    assert_ne!(without, text);
    let back = read(&without, Path::new("x.md")).unwrap();
    assert_eq!(back.preamble[0].footnotes, sample().preamble[0].footnotes);
    assert!(!back.preamble[0].text.contains("[^1]"));
    assert!(back.footnotes.is_empty());
}

#[test]
fn a_lone_unnumbered_operative_paragraph_round_trips() {
    let mut r = sample();
    r.operative = vec![para(
        None,
        Some("Decides"),
        "Decides to extend the mandate.",
    )];
    let text = write(&r).unwrap();
    assert!(text.contains("\n- _Decides_ to extend"));
    assert_eq!(read(&text, Path::new("x.md")).unwrap(), r);
}

#[test]
fn annexes_round_trip_with_their_labels_titles_and_paragraphs() {
    let mut r = sample();
    let mut item = para(None, None, "an item whose label the source lost;");
    item.heading = None;
    let mut numbered = para(Some("1"), None, "We commit to:");
    numbered.subparagraphs = vec![para(Some("a"), None, "act;"), item];
    let mut headed = para(Some("2"), None, "We decide to follow up.");
    headed.heading = Some("Follow-up".into());
    r.annexes = vec![
        Annex {
            label: Some("Annex I".into()),
            title: Some("Political declaration".into()),
            paragraphs: vec![
                para(
                    None,
                    None,
                    "We, Heads of State and Government, assembled here,",
                ),
                numbered,
                headed,
            ],
        },
        Annex {
            label: None,
            title: Some("A declaration without a label".into()),
            paragraphs: vec![para(None, None, "Plain text.")],
        },
        Annex {
            label: None,
            title: None,
            paragraphs: vec![para(None, None, "A source that lost both.")],
        },
    ];
    let written = write(&r).unwrap();
    assert!(
        written.contains("\n# Annex I\n\n# Political declaration\n"),
        "{written}"
    );
    assert!(written.contains("\n#\n"), "{written}");
    let back = read(&written, Path::new("75.md")).unwrap();
    assert_eq!(back, r);
    assert_eq!(write(&back).unwrap(), written);
}

#[test]
fn an_annex_before_the_resolution_is_refused() {
    let text = format!(
        "{}\n# Annex\n\nText.\n",
        write(&sample()).unwrap().split("\n\n").next().unwrap()
    );
    let err = read(&text, Path::new("75.md")).unwrap_err().to_string();
    assert!(
        err.contains("an annex (`# Annex`) before the resolution's paragraphs"),
        "{err}"
    );
}

#[test]
fn a_missing_enacting_formula_stays_missing() {
    let mut r = sample();
    r.enacting_formula = None;
    let back = read(&write(&r).unwrap(), Path::new("x.md")).unwrap();
    assert_eq!(back.enacting_formula, None);
    assert_eq!(back.preamble.len(), 3);
}

fn read_err(text: &str) -> String {
    read(text, Path::new("bad.md")).unwrap_err().to_string()
}

#[test]
fn bad_input_names_the_file_line_and_expectation() {
    assert_eq!(
        read_err(""),
        "bad.md: the file is empty: expected a resolution in the canonical format (see docs/format.md)"
    );
    assert!(read_err("_Recalling_ x,\n").starts_with("bad.md:1: expected TOML front matter"));
    let bad_toml = "+++\nbody = \"General Assembly\"\nseries = \"x\"\nstatus = \"maybe\"\n+++\n\n_Recalling_ x,\n";
    let e = read_err(bad_toml);
    assert!(
        e.starts_with("bad.md:4: invalid front matter: unknown variant `maybe`"),
        "{e}"
    );
    let missing = "+++\nbody = \"General Assembly\"\nstatus = \"draft\"\n+++\n\n_Recalling_ x,\n";
    assert!(
        read_err(missing).contains("missing field `series`"),
        "{}",
        read_err(missing)
    );
    let no_paragraphs =
        "+++\nbody = \"General Assembly\"\nseries = \"x\"\nstatus = \"draft\"\n+++\n";
    assert!(read_err(no_paragraphs).contains("no paragraphs found"));
    let html = "+++\nbody = \"General Assembly\"\nseries = \"x\"\nstatus = \"draft\"\n+++\n\n<div>x</div>\n";
    assert!(
        read_err(html).starts_with("bad.md:7: unexpected HTML"),
        "{}",
        read_err(html)
    );
    let after = "+++\nbody = \"General Assembly\"\nseries = \"x\"\nstatus = \"draft\"\n+++\n\n1. _Decides_ x;\n\nstray text\n";
    assert!(
        read_err(after).starts_with("bad.md:9: a paragraph after the operative part"),
        "{}",
        read_err(after)
    );
    let front = "+++\nbody = \"General Assembly\"\nseries = \"x\"\nstatus = \"draft\"\n+++\n\n";
    for (body, what) in [
        ("| a | b |\n| --- | --- |\n| 1 | 2 |\n", "table"),
        ("_Recalling_ the [report](https://example.org),\n", "link"),
        ("_Recalling_ the ![chart](c.png),\n", "image"),
        ("_Recalling_ the **report**,\n", "bold"),
        ("_Recalling_ the `report`,\n", "code span"),
    ] {
        let e = read_err(&format!("{front}{body}"));
        assert!(
            e.starts_with("bad.md:7: unexpected") && e.contains(what),
            "{what}: {e}"
        );
    }
}

/// Normalised paragraph text: what the importer produces (single spaces,
/// trimmed, no control characters).
fn text_strategy() -> impl Strategy<Value = String> {
    proptest::collection::vec("[^\\s\\p{Cc}]{1,12}", 1..8).prop_map(|words| words.join(" "))
}

proptest! {
    #[test]
    fn any_normalised_text_round_trips(texts in proptest::collection::vec(text_strategy(), 1..6), foot in 0usize..40) {
        let mut r = sample();
        for (i, t) in texts.iter().enumerate() {
            let mut p = para(Some(&(i + 1).to_string()), None, t);
            if i == 0 {
                let mut at = foot.min(t.len());
                while !t.is_char_boundary(at) { at -= 1; }
                p.footnotes.push(FootnoteRef { marker: "9".into(), offset: at });
            }
            r.operative.push(p);
        }
        r.operative.retain(|p| p.number.as_deref() != Some("1"));
        let text = write(&r).unwrap();
        let back = read(&text, Path::new("p.md")).unwrap();
        prop_assert_eq!(&back, &r, "{}", text);
    }
}

proptest! {
    /// Whichever source each lead came from, the file says it and reads
    /// back to the same model and bytes.
    #[test]
    fn any_mix_of_lead_sources_round_trips(by_convention in proptest::collection::vec(any::<bool>(), 6)) {
        let mut r = sample();
        let leads = r.preamble.iter_mut().chain(r.operative.iter_mut()).filter(|p| p.lead.is_some());
        for (p, convention) in leads.zip(&by_convention) {
            if *convention {
                p.lead_source = Some(LeadSource::Convention);
            }
        }
        let text = write(&r).unwrap();
        let back = read(&text, Path::new("p.md")).unwrap();
        prop_assert_eq!(&back, &r, "{}", text);
        prop_assert_eq!(write(&back).unwrap(), text);
    }
}

proptest! {
    /// Any text after valid front matter reads or gives an error: no panic.
    #[test]
    fn arbitrary_markdown_never_panics(body in "(?s)[-+*_`#>|\\[\\]()^:\\\\<!&a-z0-9 .,;\\n\\t(a)(i)1. ]{0,300}") {
        let text = format!("+++\nbody = \"General Assembly\"\nseries = \"x\"\nstatus = \"draft\"\n+++\n\n{body}");
        if let Ok(r) = read(&text, Path::new("fuzz.md")) {
            // Whatever reads must write and read back to itself.
            let written = write(&r).unwrap();
            prop_assert_eq!(read(&written, Path::new("fuzz.md")).unwrap(), r);
        }
    }
}

/// A canonical file of `lines` operative paragraphs, each opening many
/// footnote markers that only the file's last `]` closes.
fn unclosed_markers(lines: usize) -> String {
    let mut text = write(&sample()).unwrap();
    for i in 0..lines {
        text.push_str(&format!("{}. _Decides_ x {}\n", 11 + i, "[^".repeat(50)));
    }
    text.push_str("]\n");
    text
}

#[test]
fn the_footnote_marker_scan_costs_linear_work() {
    let growth = crate::work::growth(50, |n| {
        let _ = read(&unclosed_markers(n), Path::new("markers.md"));
    });
    assert!(
        growth < 4.5,
        "4n markers cost {growth:.1} times the work of n"
    );
}

#[test]
fn sub_paragraphs_nested_past_the_bound_are_refused_with_the_line() {
    let text = write(&sample()).unwrap();
    let lines = text.lines().count();
    let nested = |levels: usize| format!("{text}11. {}x\n", "- ".repeat(levels));
    assert!(read(&nested(crate::limits::MAX_DEPTH), Path::new("deep.md")).is_ok());
    let error = read(&nested(6_000), Path::new("deep.md")).unwrap_err();
    assert_eq!(error.line, Some(lines + 1), "{error}");
    assert!(error.message.contains("nested 9 levels deep"), "{error}");
}
