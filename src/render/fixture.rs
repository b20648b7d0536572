//! Comparisons for the renderer tests, made by the real engine: the
//! renderers are tested on what `compare` gives, so no second engine's
//! figures end up in their snapshots.
//!
//! [`csto`] compares the shipped A/75/L.78 (`resolutions/csto/75.md`, in the
//! repository, so the tests run on a fresh clone) with a test draft made by
//! applying a drafter's kinds of edits to its canonical text: routine session
//! updates, a lead strengthened (Invites → Urges), a paragraph moved, split,
//! merged, added (from a preambular paragraph) and removed, sub-paragraph
//! changes and references added and removed. Operative paragraph 2 is set
//! out with its clauses as sub-paragraphs in both versions. Only the edits
//! are made up; every word they keep, move or delete is the resolution's.
//!
//! [`hostile`] is made of short made-up strings that try to break out of
//! each output format; its records are built by hand, since no parse of a
//! text would give them, and its figures by the engine's `summarise`.

use std::path::Path;

use crate::comparison::{
    ChangeStatus, Comparison, Direction, LeadChange, ParagraphChange, ParagraphRef, References,
    Side, WordOp, WordOpKind,
};
use crate::diff::summary::summarise;
use crate::model::{Body, Meta, Part, Resolution};

/// The canonical lines of the shipped 75th-session text.
fn shipped_75() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("resolutions/csto/75.md");
    std::fs::read_to_string(path).expect("resolutions/csto/75.md is shipped")
}

/// The index of the one line that starts with `prefix`.
fn line_at(lines: &[String], prefix: &str) -> usize {
    let found: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].starts_with(prefix))
        .collect();
    assert_eq!(found.len(), 1, "one line starts with {prefix:?}");
    found[0]
}

/// Replaces `from` (which must be there) in line `at`.
fn edit(lines: &mut [String], at: usize, from: &str, to: &str) {
    assert!(lines[at].contains(from), "{from:?} in {:?}", lines[at]);
    lines[at] = lines[at].replacen(from, to, 1);
}

/// Operative paragraph 2 set out with its clauses as sub-paragraphs.
fn set_out_clauses(lines: &mut Vec<String>) {
    let at = line_at(lines, "2. _Notes with appreciation_");
    let intro = "2. _Notes with appreciation_ the significant practical contribution and efforts of the Collective Security Treaty Organization";
    let rest = lines[at][intro.len()..]
        .trim_start()
        .replacen(", and to ", ", to ", 1);
    let clauses: Vec<&str> = rest.split(", to ").collect();
    assert_eq!(clauses.len(), 4, "{rest}");
    let labels = ["a", "b", "c", "d"];
    let mut out = vec![format!("{intro}:")];
    for (i, clause) in clauses.iter().enumerate() {
        let clause = clause.strip_prefix("to ").unwrap_or(clause);
        let end = if i + 1 == clauses.len() { "" } else { ";" };
        out.push(format!("   - ({}) to {clause}{end}", labels[i]));
    }
    lines.splice(at..=at, out);
}

/// Numbers the operative lines 1, 2, 3 … in the order they stand.
fn renumber(lines: &mut [String]) {
    let mut n = 0;
    for line in lines.iter_mut() {
        let digits = line.chars().take_while(char::is_ascii_digit).count();
        if digits > 0 && line[digits..].starts_with(". ") {
            n += 1;
            *line = format!("{n}{}", &line[digits..]);
        }
    }
}

fn read(lines: &[String], name: &str) -> Resolution {
    let text = lines.join("\n") + "\n";
    crate::canonical::read(&text, Path::new(name)).unwrap_or_else(|e| panic!("{e}\n{text}"))
}

/// The pair [`csto`] compares: the 75th-session text and the test draft.
pub fn csto_versions() -> (Resolution, Resolution) {
    let mut old: Vec<String> = shipped_75().lines().map(str::to_string).collect();
    set_out_clauses(&mut old);
    let mut new = old.clone();
    let session = line_at(&new, "session = 75");
    new[session] = "session = 77".into();
    // A draft of the next session has no symbol or date yet.
    for key in ["symbol = ", "date = ", "year = "] {
        let at = line_at(&new, key);
        new.remove(at);
    }

    // The preamble: a reference dropped, one added, a paragraph removed.
    let at = line_at(&new, "_Referring further_");
    edit(&mut new, at, "69/12 of 11 November 2014, ", "");
    let at = line_at(&new, "_Stressing_");
    edit(
        &mut new,
        at,
        "Strategy[^5] and",
        "Strategy,[^5] adopted in resolution 60/288, and",
    );
    let at = line_at(&new, "_Referring also_ to the Joint Declaration");
    new.drain(at..=at + 1);

    // Paragraph 2's sub-paragraphs: one extended, one cut, one added.
    let at = line_at(&new, "   - (b)");
    edit(
        &mut new,
        at,
        "crime;",
        "crime and the activities of organized drug groups and their leaders;",
    );
    let at = line_at(&new, "   - (c)");
    edit(
        &mut new,
        at,
        ", and irregular migration and human trafficking",
        "",
    );
    let at = line_at(&new, "   - (d)");
    new[at] = new[at].replacen("(d)", "(e)", 1);
    new.insert(
        at,
        "   - (d) to promote regional security and stability;".into(),
    );

    // 3 split in two.
    let at = line_at(&new, "3. _Welcomes_");
    let (head, tail) = new[at]
        .split_once(", and encourages them")
        .map(|(h, t)| (h.to_string(), t.to_string()))
        .expect("the split point");
    new[at] = format!("{head};");
    new.insert(at + 1, format!("3. _Encourages_ the secretariats{tail}"));

    // 5 and 6 merged; 4 moved after them, its lead strengthened.
    let four = line_at(&new, "4. _Invites_");
    let moved = new.remove(four).replacen("_Invites_", "_Urges_", 1);
    let five = line_at(&new, "5. _Invites_");
    let six = line_at(&new, "6. _Invites_");
    let sixth = new.remove(six);
    let merged_tail = sixth.trim_start_matches("6. _Invites_");
    new[five] = format!(
        "{}, and invites{merged_tail}",
        new[five].trim_end_matches(';')
    );
    new.insert(five + 1, moved);

    // A preambular welcome turned operative, after the moved paragraph.
    let welcome = old[line_at(&old, "_Welcoming_ the practical contribution")].clone();
    let welcomes = welcome
        .replacen("_Welcoming_", "_Welcomes_", 1)
        .trim_end_matches(',')
        .to_string();
    new.insert(five + 2, format!("6. {welcomes};"));

    // The routine session updates.
    for prefix in ["8. _Requests_", "9. _Decides_"] {
        let at = line_at(&new, prefix);
        edit(&mut new, at, "seventy-seventh", "seventy-ninth");
    }
    renumber(&mut new);
    (read(&old, "75.md"), read(&new, "77.md"))
}

/// The comparison of [`csto_versions`] by the engine.
pub fn csto() -> Comparison {
    let (old, new) = csto_versions();
    crate::diff::compare(&old, &new)
}

fn op(op: WordOpKind, text: &str, routine: bool) -> WordOp {
    WordOp {
        routine,
        rule: routine.then_some(crate::comparison::RoutineRule::Session),
        ..WordOp::plain(op, text)
    }
}

/// A comparison whose every string tries to break out of its format.
pub fn hostile() -> Comparison {
    const SCRIPT: &str = "<script>alert(1)</script>";
    const IMG: &str = "<img src=x onerror=alert(1)>";
    let meta = |symbol: &str| Meta {
        body: Body::GeneralAssembly,
        symbol: Some(symbol.into()),
        session: Some(75),
        series: "x".into(),
        title: Some(format!(
            "# heading | [link](javascript:x) & \"q\" 'a' {SCRIPT}"
        )),
        // A date is a date: the type leaves no room for hostile text.
        date: crate::dates::parse_iso("2021-05-11"),
        source: Some(format!("{IMG} `code` *em* _u_ \x07")),
        ..Default::default()
    };
    let p = |index: usize, number: &str, text: &str| ParagraphRef {
        index,
        number: Some(number.into()),
        lead: None,
        lead_source: None,
        text: text.into(),
        heading: None,
        footnotes: Vec::new(),
        subparagraphs: 0,
    };
    let modified = ParagraphChange {
        part: Part::Operative,
        old_part: None,
        status: ChangeStatus::Modified,
        moved: true,
        renumbered: true,
        rewritten: false,
        old: Side::One(p(1, "1", &format!("Invites {SCRIPT} & more"))),
        new: Side::One(p(2, "2<b>", &format!("Urges {IMG} & more"))),
        similarity: 0.5,
        pairing: Some(crate::comparison::Pairing {
            confidence: 0.42,
            words: 0.3,
            rare_words: 0.2,
            unique_phrases: 0,
            same_lead: false,
            same_place: false,
        }),
        lead_change: Some(LeadChange {
            old: format!("Invites{SCRIPT}"),
            new: "Urges*|`".into(),
            direction: Direction::Stronger,
        }),
        words: vec![
            op(WordOpKind::Delete, &format!("Invites {SCRIPT}"), false),
            op(WordOpKind::Insert, &format!("Urges {IMG}"), true),
            op(
                WordOpKind::Equal,
                " & more [link](javascript:x) | * ` \x1b[31mred\x07",
                false,
            ),
        ],
        references: References {
            added: vec![format!("{SCRIPT}|")],
            removed: vec!["# heading".into()],
        },
        routine: false,
        subparagraphs: vec![ParagraphChange {
            part: Part::Operative,
            old_part: None,
            status: ChangeStatus::Added,
            moved: false,
            renumbered: false,
            rewritten: false,
            old: Side::None,
            new: Side::One(p(1, "a\"", &format!("- {IMG}"))),
            similarity: 0.0,
            pairing: None,
            lead_change: None,
            words: vec![op(WordOpKind::Insert, &format!("- {IMG}"), false)],
            references: References::default(),
            routine: false,
            subparagraphs: Vec::new(),
        }],
    };
    let removed = ParagraphChange {
        part: Part::Preamble,
        old_part: None,
        status: ChangeStatus::Removed,
        moved: false,
        renumbered: false,
        rewritten: false,
        old: Side::One(p(1, "1", &format!("1. {SCRIPT} `x` \x1b]0;title\x07"))),
        new: Side::None,
        similarity: 0.0,
        pairing: None,
        lead_change: None,
        words: vec![op(WordOpKind::Delete, SCRIPT, false)],
        references: References::default(),
        routine: false,
        subparagraphs: Vec::new(),
    };
    let paragraphs = vec![removed, modified];
    Comparison {
        old: meta(SCRIPT),
        new: meta(IMG),
        summary: summarise(&paragraphs),
        concordance: crate::comparison::Concordance::of(&paragraphs),
        enacting_formula: Default::default(),
        footnotes: Vec::new(),
        paragraphs,
        warnings: vec![format!("warning {SCRIPT} \x1b[2J")],
    }
}
