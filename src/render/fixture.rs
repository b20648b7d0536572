//! Hand-built comparisons for the renderer tests, since the renderers must
//! not depend on the comparison engine.
//!
//! [`csto`] uses the real sentences of draft resolution A/75/L.78, read from
//! the shared corpus at test time. Its "new" version is a test draft made by
//! applying a drafter's kinds of edits to them: routine session updates, a
//! lead strengthened (Invites → Urges), a paragraph moved, split, merged,
//! added (from a preambular paragraph) and removed, sub-paragraph changes
//! and references added and removed. Only the edits are made up; every word
//! they keep, move or delete is the corpus's.
//!
//! [`hostile`] is made of short made-up strings that try to break out of
//! each output format.

use crate::comparison::{
    ChangeStatus, Comparison, Direction, LeadChange, ParagraphChange, ParagraphRef, References,
    Side, WordOp, WordOpKind,
};
use crate::diff::summary::summarise;
use crate::lexicon::lexicon;
use crate::model::{Body, Meta, Part};
use crate::test_support::corpus_text;

/// A line of the corpus file that starts with `prefix`, whole.
fn line(text: &str, prefix: &str) -> String {
    text.lines()
        .find(|l| l.starts_with(prefix))
        .unwrap_or_else(|| panic!("no line starting with {prefix:?} in A_75_L.78.txt"))
        .to_string()
}

/// Operative paragraph `n` without its printed number.
fn op_text(text: &str, n: usize) -> String {
    line(text, &format!("{n}. "))[format!("{n}. ").len()..].to_string()
}

fn para(part: Part, index: usize, number: Option<&str>, text: &str) -> ParagraphRef {
    ParagraphRef {
        index,
        number: number.map(str::to_string),
        lead: lexicon().lead_at_start(text, Some(part)).map(|m| m.printed),
        text: text.to_string(),
    }
}

fn sub(index: usize, number: &str, text: &str) -> ParagraphRef {
    ParagraphRef {
        index,
        number: Some(number.to_string()),
        lead: None,
        text: text.to_string(),
    }
}

/// One textual substitution: `from` (found in the old text) becomes `to`.
struct Edit<'a> {
    from: &'a str,
    to: &'a str,
    routine: bool,
}

fn edit<'a>(from: &'a str, to: &'a str) -> Edit<'a> {
    Edit {
        from,
        to,
        routine: false,
    }
}

fn routine<'a>(from: &'a str, to: &'a str) -> Edit<'a> {
    Edit {
        from,
        to,
        routine: true,
    }
}

fn op(op: WordOpKind, text: &str, routine: bool) -> WordOp {
    WordOp {
        op,
        text: text.to_string(),
        routine,
    }
}

/// The new text and the redline of applying `edits`, in order, to `old`.
fn apply(old: &str, edits: &[Edit]) -> (String, Vec<WordOp>) {
    let mut ops = Vec::new();
    let mut new = String::new();
    let mut rest = old;
    for e in edits {
        let at = rest
            .find(e.from)
            .unwrap_or_else(|| panic!("{:?} not found in {old:?}", e.from));
        if at > 0 {
            ops.push(op(WordOpKind::Equal, &rest[..at], false));
        }
        if !e.from.is_empty() {
            ops.push(op(WordOpKind::Delete, e.from, e.routine));
        }
        if !e.to.is_empty() {
            ops.push(op(WordOpKind::Insert, e.to, e.routine));
        }
        new.push_str(&rest[..at]);
        new.push_str(e.to);
        rest = &rest[at + e.from.len()..];
    }
    if !rest.is_empty() {
        ops.push(op(WordOpKind::Equal, rest, false));
    }
    new.push_str(rest);
    (new, ops)
}

fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

fn record(part: Part, status: ChangeStatus, old: Side, new: Side) -> ParagraphChange {
    let text_of = |side: &Side| {
        side.refs()
            .iter()
            .map(|r| r.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let words = match status {
        ChangeStatus::Unchanged => vec![op(WordOpKind::Equal, &text_of(&new), false)],
        ChangeStatus::Added => vec![op(WordOpKind::Insert, &text_of(&new), false)],
        ChangeStatus::Removed => vec![op(WordOpKind::Delete, &text_of(&old), false)],
        _ => Vec::new(),
    };
    ParagraphChange {
        part,
        status,
        moved: false,
        renumbered: false,
        old,
        new,
        similarity: match status {
            ChangeStatus::Unchanged => 1.0,
            _ => 0.0,
        },
        lead_change: None,
        words,
        references: References::default(),
        routine: false,
        subparagraphs: Vec::new(),
    }
}

fn unchanged(
    part: Part,
    old: ParagraphRef,
    new_index: usize,
    new_number: Option<&str>,
) -> ParagraphChange {
    let mut new = old.clone();
    new.index = new_index;
    new.number = new_number.map(str::to_string);
    record(
        part,
        ChangeStatus::Unchanged,
        Side::One(old),
        Side::One(new),
    )
}

/// A modified record: `old` edited into a paragraph at `new_index`.
fn modified(
    part: Part,
    old: ParagraphRef,
    new_index: usize,
    new_number: Option<&str>,
    edits: &[Edit],
) -> ParagraphChange {
    let (text, ops) = apply(&old.text, edits);
    let new = para(part, new_index, new_number, &text);
    let mut r = record(part, ChangeStatus::Modified, Side::One(old), Side::One(new));
    r.routine = edits.iter().all(|e| e.routine);
    r.similarity = similarity(&ops);
    r.words = ops;
    r
}

fn similarity(ops: &[WordOp]) -> f64 {
    let count = |kind| {
        ops.iter()
            .filter(|o| o.op == kind)
            .map(|o| words(&o.text))
            .sum::<usize>()
    };
    let equal = count(WordOpKind::Equal);
    let total = 2 * equal + count(WordOpKind::Delete) + count(WordOpKind::Insert);
    if total == 0 {
        1.0
    } else {
        2.0 * equal as f64 / total as f64
    }
}

fn sub_record(
    status: ChangeStatus,
    old: Option<ParagraphRef>,
    new: Option<ParagraphRef>,
) -> ParagraphChange {
    let side = |r: Option<ParagraphRef>| r.map_or(Side::None, Side::One);
    record(Part::Operative, status, side(old), side(new))
}

fn sub_modified(old: ParagraphRef, index: usize, number: &str, edits: &[Edit]) -> ParagraphChange {
    let (text, ops) = apply(&old.text, edits);
    let renumbered = old.number.as_deref() != Some(number);
    let mut r = sub_record(
        ChangeStatus::Modified,
        Some(old),
        Some(sub(index, number, &text)),
    );
    r.similarity = similarity(&ops);
    r.words = ops;
    r.renumbered = renumbered;
    r
}

/// The A/75/L.78 comparison, or `None` when the corpus is not there.
pub fn csto() -> Option<Comparison> {
    let src = corpus_text("csto/A_75_L.78.txt")?;
    let pre = Part::Preamble;
    let opv = Part::Operative;

    // The preamble as printed (the paragraph broken by the page break joined).
    let pp_prefixes = [
        "Having considered the report",
        "Referring to the Articles",
        "Referring also to its resolution 59/50",
        "Referring further to its resolutions",
        "Referring to all previous relevant resolutions",
        "Referring also to the Joint Declaration",
        "Noting with satisfaction",
        "Encouraging the efforts",
        "Stressing the importance",
        "Commending the practical steps",
        "Welcoming the practical contribution",
        "Noting the important efforts",
        "Noting with appreciation the progress",
        "Welcoming the signing on 17 January 2017",
        "Noting the firm intention",
    ];
    let mut pp: Vec<ParagraphRef> = Vec::new();
    for (i, prefix) in pp_prefixes.iter().enumerate() {
        let mut text = line(&src, prefix);
        if prefix.starts_with("Welcoming the practical") {
            text.push(' ');
            text.push_str(&line(&src, "to combat the smuggling"));
        }
        pp.push(para(pre, i + 1, None, &text));
    }

    let mut paragraphs = Vec::new();
    for old in &pp[0..3] {
        paragraphs.push(unchanged(pre, old.clone(), old.index, None));
    }
    let mut pp4 = modified(
        pre,
        pp[3].clone(),
        4,
        None,
        &[edit("69/12 of 11 November 2014, ", "")],
    );
    pp4.references.removed.push("resolution 69/12".into());
    paragraphs.push(pp4);
    paragraphs.push(unchanged(pre, pp[4].clone(), 5, None));
    paragraphs.push(record(
        pre,
        ChangeStatus::Removed,
        Side::One(pp[5].clone()),
        Side::None,
    ));
    paragraphs.push(unchanged(pre, pp[6].clone(), 6, None));
    paragraphs.push(unchanged(pre, pp[7].clone(), 7, None));
    let mut pp9 = modified(
        pre,
        pp[8].clone(),
        8,
        None,
        &[edit(
            "Strategy5 and",
            "Strategy, adopted in resolution 60/288, and",
        )],
    );
    pp9.references.added.push("resolution 60/288".into());
    paragraphs.push(pp9);
    for old in &pp[9..] {
        paragraphs.push(unchanged(pre, old.clone(), old.index - 1, None));
    }

    let ops: Vec<ParagraphRef> = (1..=9)
        .map(|n| para(opv, n, Some(&n.to_string()), &op_text(&src, n)))
        .collect();

    paragraphs.push(unchanged(opv, ops[0].clone(), 1, Some("1")));

    // Paragraph 2 set out with its clauses as sub-paragraphs.
    let intro = "Notes with appreciation the significant practical contribution and efforts of the Collective Security Treaty Organization";
    let clauses: Vec<&str> = ops[1].text[intro.len() + 1..].split(", ").collect();
    let old_subs = [
        sub(1, "a", &format!("{},", clauses[0])),
        sub(2, "b", &format!("{},", clauses[1])),
        sub(3, "c", &format!("{}, {},", clauses[2], clauses[3])),
        sub(4, "d", &clauses[4..].join(", ")),
    ];
    let old2 = para(opv, 2, Some("2"), &format!("{intro}:"));
    let mut op2 = unchanged(opv, old2, 2, Some("2"));
    op2.status = ChangeStatus::Modified;
    op2.similarity = 0.9;
    op2.subparagraphs = vec![
        unchanged(opv, old_subs[0].clone(), 1, Some("a")),
        sub_modified(
            old_subs[1].clone(),
            2,
            "b",
            &[edit(
                "crime,",
                "crime and the activities of organized drug groups and their leaders,",
            )],
        ),
        sub_modified(
            old_subs[2].clone(),
            3,
            "c",
            &[edit(", and irregular migration and human trafficking", "")],
        ),
        sub_record(
            ChangeStatus::Added,
            None,
            Some(sub(
                4,
                "d",
                "to combat the smuggling of Afghan opiates and the cannabis group of drugs, cocaine and synthetic substances,",
            )),
        ),
        sub_modified(
            old_subs[3].clone(),
            5,
            "e",
            &[edit("an d human- made", "and human-made")],
        ),
    ];
    paragraphs.push(op2);

    // 3 split in two.
    let (split_words, new3, new4) = {
        let (_, words) = apply(
            &ops[2].text,
            &[edit(
                ", and encourages them",
                "; Encourages the secretariats",
            )],
        );
        let cut = ops[2].text.find(", and encourages").expect("split point");
        (
            words,
            format!("{};", &ops[2].text[..cut]),
            format!(
                "Encourages the secretariats{}",
                &ops[2].text[cut + ", and encourages them".len()..]
            ),
        )
    };
    let mut op3 = record(
        opv,
        ChangeStatus::Split,
        Side::One(ops[2].clone()),
        Side::Many(vec![
            para(opv, 3, Some("3"), &new3),
            para(opv, 4, Some("4"), &new4),
        ]),
    );
    op3.similarity = similarity(&split_words);
    op3.words = split_words;
    paragraphs.push(op3);

    // 5 and 6 merged.
    let merged_text = format!(
        "{}, and invites{}",
        ops[4].text.trim_end_matches(';'),
        &ops[5].text["Invites".len()..]
    );
    let (_, mut merged_words) = apply(&ops[4].text, &[edit(";", ", and invites")]);
    merged_words.push(op(
        WordOpKind::Equal,
        &ops[5].text["Invites".len()..],
        false,
    ));
    // The second paragraph's lead goes with the first one's semicolon.
    merged_words[1] = op(WordOpKind::Delete, "; Invites", false);
    let mut op5 = record(
        opv,
        ChangeStatus::Merged,
        Side::Many(vec![ops[4].clone(), ops[5].clone()]),
        Side::One(para(opv, 5, Some("5"), &merged_text)),
    );
    op5.similarity = similarity(&merged_words);
    op5.words = merged_words;
    paragraphs.push(op5);

    // 4 moved after them, its lead strengthened.
    let mut op6 = modified(
        opv,
        ops[3].clone(),
        6,
        Some("6"),
        &[edit("Invites", "Urges")],
    );
    op6.moved = true;
    op6.renumbered = true;
    op6.lead_change = Some(LeadChange {
        old: "Invites".into(),
        new: "Urges".into(),
        direction: lexicon().direction("Invites", "Urges", opv),
    });
    paragraphs.push(op6);

    // A preambular welcome turned operative.
    let added = line(&src, "Welcoming the signing on 17 January 2017")
        .replacen("Welcoming", "Welcomes", 1)
        .replace("Refugees,", "Refugees;");
    paragraphs.push(record(
        opv,
        ChangeStatus::Added,
        Side::None,
        Side::One(para(opv, 7, Some("7"), &added)),
    ));
    paragraphs.push(record(
        opv,
        ChangeStatus::Removed,
        Side::One(ops[6].clone()),
        Side::None,
    ));

    for n in [8, 9] {
        paragraphs.push(modified(
            opv,
            ops[n - 1].clone(),
            n,
            Some(&n.to_string()),
            &[routine("seventy-seventh", "seventy-ninth")],
        ));
    }

    let meta = |session: u32| {
        Meta {
        body: Body::GeneralAssembly,
        session: Some(session),
        series: "csto".into(),
        title: Some(
            "Cooperation between the United Nations and the Collective Security Treaty Organization"
                .into(),
        ),
        ..Default::default()
    }
    };
    let old = Meta {
        symbol: Some("A/75/L.78".into()),
        date: crate::dates::parse_iso("2021-05-11"),
        source: Some("CSTO web site, as in the corpus file csto/A_75_L.78.txt".into()),
        ..meta(75)
    };
    let new = Meta {
        source: Some("render test fixture: edits applied to A/75/L.78".into()),
        generated_from: Some("A/75/L.78".into()),
        ..meta(77)
    };
    Some(Comparison {
        summary: summarise(&paragraphs),
        old,
        new,
        paragraphs,
        warnings: Vec::new(),
    })
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
        text: text.into(),
    };
    let modified = ParagraphChange {
        part: Part::Operative,
        status: ChangeStatus::Modified,
        moved: true,
        renumbered: true,
        old: Side::One(p(1, "1", &format!("Invites {SCRIPT} & more"))),
        new: Side::One(p(2, "2<b>", &format!("Urges {IMG} & more"))),
        similarity: 0.5,
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
            status: ChangeStatus::Added,
            moved: false,
            renumbered: false,
            old: Side::None,
            new: Side::One(p(1, "a\"", &format!("- {IMG}"))),
            similarity: 0.0,
            lead_change: None,
            words: vec![op(WordOpKind::Insert, &format!("- {IMG}"), false)],
            references: References::default(),
            routine: false,
            subparagraphs: Vec::new(),
        }],
    };
    let removed = ParagraphChange {
        part: Part::Preamble,
        status: ChangeStatus::Removed,
        moved: false,
        renumbered: false,
        old: Side::One(p(1, "1", &format!("1. {SCRIPT} `x` \x1b]0;title\x07"))),
        new: Side::None,
        similarity: 0.0,
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
        paragraphs,
        warnings: vec![format!("warning {SCRIPT} \x1b[2J")],
    }
}
