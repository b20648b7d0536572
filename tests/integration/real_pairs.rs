//! The engine on real consecutive Security Council drafts of the shared
//! corpus, imported from their raw text: what each comparison must report,
//! as established by reading both texts of every pair in full (`cat -n`).
//! Only short identifying phrases are quoted here; the texts stay in the
//! corpus.

use std::path::Path;

use resdiff::Comparison;
use resdiff::comparison::{ChangeStatus, Direction, ParagraphChange, Side, WordOpKind};
use resdiff::diff::compare;
use resdiff::model::{Body, Meta, Part, Resolution};
use resdiff::parse::import::import_text;

use crate::common::shared_corpus;

/// A Security Council draft of the corpus, imported with its symbol and
/// year from the `.json` beside it (S/2018/95 → 2018).
fn import(corpus: &Path, file: &str, series: &str) -> Resolution {
    let path = corpus.join("sc").join(format!("{file}.txt"));
    let json = std::fs::read_to_string(path.with_extension("json")).expect("metadata");
    let value: serde_json::Value = serde_json::from_str(&json).expect("valid metadata");
    let symbol = value["symbol"].as_str().expect("symbol").to_string();
    let year = symbol.split('/').nth(1).and_then(|y| y.parse().ok());
    assert!(year.is_some(), "{symbol}: year");
    let meta = Meta {
        body: Body::SecurityCouncil,
        symbol: Some(symbol),
        year,
        series: series.into(),
        ..Default::default()
    };
    let text = std::fs::read_to_string(&path).expect("corpus text");
    import_text(&text, meta)
        .unwrap_or_else(|e| panic!("{file}: {e}"))
        .resolution
}

fn pair(old: &str, new: &str, series: &str) -> Option<Comparison> {
    let corpus = shared_corpus()?;
    let c = compare(&import(&corpus, old, series), &import(&corpus, new, series));
    assert!(c.warnings.is_empty(), "{:?}", c.warnings);
    Some(c)
}

/// "PP3" / "OP12" labels of one side (preambular paragraphs by position).
fn labels(part: Part, side: &Side) -> Vec<String> {
    side.refs()
        .iter()
        .map(|r| match part {
            Part::Preamble => format!("PP{}", r.index),
            Part::Operative => format!("OP{}", r.number.clone().unwrap_or_default()),
            Part::Annex => format!("AN{}", r.index),
        })
        .collect()
}

/// One line per record: "OP2 -> OP3 modified renumbered".
fn outline(c: &Comparison) -> Vec<String> {
    c.paragraphs
        .iter()
        .map(|p| {
            let mut line = format!(
                "{} -> {} {}",
                labels(p.part, &p.old).join("+"),
                labels(p.part, &p.new).join("+"),
                p.status.name()
            );
            for (flag, on) in [
                (" moved", p.moved),
                (" renumbered", p.renumbered),
                (" routine", p.routine),
            ] {
                if on {
                    line.push_str(flag);
                }
            }
            line.trim().to_string()
        })
        .collect()
}

/// The record whose old side is `old` (e.g. "OP9"); `""` for an added one.
fn record<'a>(c: &'a Comparison, old: &str, new: &str) -> &'a ParagraphChange {
    c.paragraphs
        .iter()
        .find(|p| {
            labels(p.part, &p.old).join("+") == old && labels(p.part, &p.new).join("+") == new
        })
        .unwrap_or_else(|| panic!("no record {old} -> {new}:\n{}", outline(c).join("\n")))
}

/// The first words of the one paragraph on a side.
fn opening(side: &Side) -> String {
    let refs = side.refs();
    assert_eq!(refs.len(), 1);
    refs[0]
        .text
        .split_whitespace()
        .take(6)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The changed runs of a record: (op, text, routine).
fn changes(p: &ParagraphChange) -> Vec<(WordOpKind, &str, bool)> {
    p.words
        .iter()
        .filter(|w| w.op != WordOpKind::Equal)
        .map(|w| (w.op, w.text.as_str(), w.routine))
        .collect()
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

fn lead(p: &ParagraphChange) -> Option<(&str, &str, Direction)> {
    p.lead_change
        .as_ref()
        .map(|l| (l.old.as_str(), l.new.as_str(), l.direction))
}

use WordOpKind::{Delete, Insert};

/// Sudan sanctions: Panel of Experts renewal S/2018/95 → S/2020/110.
///
/// Read in full: PP1 drops "and statements", "resolutions" and two "and"s
/// and adds 2400 (2018), 2455 (2019) and the Presidential Statement of
/// 11 December 2018 (S/PRST/2018/19); PP2 and PP4 are identical; PP3 cites
/// the final report S/2020/36 instead of S/2017/1125. OP1 is identical.
/// OP2 moves 12 March 2019 → 2021, 12 August 2018 → 2020 and 12 February
/// 2019 → 2021 on by the two years between the drafts (routine), but the
/// final report moves from 12 January 2019 to 13 January 2021 (a day
/// later: a report due with the renewed mandate, `deadline`), and it adds 2400 (2018) to the renewals and
/// 2400 (2018) and 2455 (2019) to the mandate list. OP3 drops "previous"
/// and moves the same two report dates. S/2020/110 adds OP4 "Further
/// expresses its intention to establish … benchmarks", not in S/2018/95,
/// and "Decides to remain seized" becomes OP5.
#[cfg_attr(corpus_missing, ignore = "needs ../shared/corpus")]
#[test]
fn sudan_2018_to_2020() {
    let Some(c) = pair("S_2018_95", "S_2020_110", "sudan") else {
        return;
    };
    assert_eq!(
        outline(&c),
        vec![
            "PP1 -> PP1 modified",
            "PP2 -> PP2 unchanged",
            "PP3 -> PP3 modified",
            "PP4 -> PP4 unchanged",
            "OP1 -> OP1 unchanged",
            "OP2 -> OP2 modified routine",
            "OP3 -> OP3 modified",
            "-> OP4 added",
            "OP4 -> OP5 unchanged renumbered",
        ]
    );

    let pp1 = record(&c, "PP1", "PP1");
    assert_eq!(
        pp1.references.added,
        // In the order PP 1 cites them.
        strings(&[
            "2400 (2018)",
            "2455 (2019)",
            "11 December 2018",
            "S/PRST/2018/19"
        ])
    );
    assert!(pp1.references.removed.is_empty());
    assert!(changes(pp1).contains(&(Delete, "and statements ", false)));

    let pp3 = record(&c, "PP3", "PP3");
    assert_eq!(
        changes(pp3),
        vec![(Delete, "S/2017/1125", false), (Insert, "S/2020/36", false)]
    );
    assert_eq!(pp3.references.added, strings(&["S/2020/36"]));
    assert_eq!(pp3.references.removed, strings(&["S/2017/1125"]));

    let op2 = record(&c, "OP2", "OP2");
    assert_eq!(
        changes(op2),
        vec![
            (Delete, "2019", true),
            (Insert, "2021", true),
            // "2265 (2016) and 2340 (2017)" → "2265 (2016), 2340 (2017),
            // and 2400 (2018)": 2340 (2017) is kept, not deleted and
            // inserted again; the resolutions adopted since join the lists
            // as routine updates, their commas and "and" with them.
            (Delete, " and", true),
            (Insert, ",", true),
            (Insert, "and 2400 (2018), ", true),
            (Delete, " and", true),
            (Insert, ",", true),
            (Insert, "2400 (2018), and 2455 (2019) ", true),
            (Delete, "2018", true),
            (Insert, "2020", true),
            // The final report a day later, two years on: a report due
            // with the renewed mandate (`deadline`).
            (Delete, "12", true),
            (Insert, "13", true),
            (Delete, "2019", true),
            (Insert, "2021", true),
            (Delete, "2019", true),
            (Insert, "2021", true),
        ]
    );
    assert_eq!(
        op2.references.added,
        strings(&["2400 (2018)", "2455 (2019)", "13 January 2021"])
    );
    // A date not moved by the interval stays a reference, routine or not.
    assert_eq!(op2.references.removed, strings(&["12 January 2019"]));
    let rules: Vec<&str> = op2
        .words
        .iter()
        .filter(|w| w.op != WordOpKind::Equal)
        .filter_map(|w| w.rule.map(|r| r.name()))
        .collect();
    assert_eq!(
        &rules[..2],
        ["mandate-end"; 2],
        "until 12 March 2019 → 2021 is the mandate's end"
    );
    assert_eq!(&rules[10..14], ["deadline"; 4]);
    assert!(op2.routine, "every change in OP2 comes with the renewal");

    let op3 = record(&c, "OP3", "OP3");
    assert_eq!(changes(op3)[0], (Delete, "previous ", false));
    assert_eq!(op3.references.added, strings(&["13 January 2021"]));
    assert_eq!(op3.references.removed, strings(&["12 January 2019"]));

    let op4 = record(&c, "", "OP4");
    assert!(opening(&op4.new).starts_with("Further expresses its intention to establish"));

    let s = &c.summary;
    assert_eq!(
        (
            s.leads_strengthened,
            s.leads_weakened,
            s.leads_changed_neutral
        ),
        (0, 0, 0)
    );
    assert_eq!(s.routine, 1, "OP2 changed only its dates and lists");
    assert_eq!((s.references_added, s.references_removed), (9, 3));
}

/// South Sudan sanctions: S/2017/444 → S/2019/441.
///
/// Read in full: PP1 adds 2353 (2017), 2392 (2017), 2406 (2018),
/// 2418 (2018) and 2428 (2018) to the recalled resolutions; PP2 is
/// identical; PP3 drops "Article 41 of" from "Acting under … Chapter VII".
/// OP1 renews the measures until 31 May 2020 instead of 2018 (two years on:
/// routine), adds "as renewed by paragraph 12 of resolution 2428 (2018)",
/// and replaces "the provisions of paragraphs 8, 9 and 10 of resolution
/// 2290 (2016)" by "paragraphs 13, 14, 15 and 16 of resolution 2428 (2018)".
/// OP2 ("renew … the measures imposed by paragraph 4 of resolution 2428
/// (2018)") is new. Old OP2 (Panel of Experts) becomes OP3: its four dates
/// move on two years, "as set out in subparagraphs … of paragraph 12 of
/// resolution 2290 (2016)" becomes "as established by paragraph 18 of
/// resolution 2206 (2015) and most recently renewed by paragraph 19 of
/// resolution 2428 (2018)". Old OP3 "remain seized" becomes OP4.
#[cfg_attr(corpus_missing, ignore = "needs ../shared/corpus")]
#[test]
fn south_sudan_2017_to_2019() {
    let Some(c) = pair("S_2017_444", "S_2019_441", "south-sudan") else {
        return;
    };
    assert_eq!(
        outline(&c),
        vec![
            "PP1 -> PP1 modified",
            "PP2 -> PP2 unchanged",
            "PP3 -> PP3 modified",
            "OP1 -> OP1 modified",
            "-> OP2 added",
            "OP2 -> OP3 modified renumbered",
            "OP3 -> OP4 unchanged renumbered",
        ]
        .into_iter()
        .map(|line| if line == "PP1 -> PP1 modified" {
            "PP1 -> PP1 modified routine"
        } else {
            line
        })
        .collect::<Vec<_>>()
    );
    // PP1 only adds the resolutions adopted since 2017 to those it recalls
    // (and drops the "and" before the last): a routine update of the list.
    let pp1 = record(&c, "PP1", "PP1");
    assert!(pp1.routine);
    assert_eq!(
        pp1.references.added,
        strings(&[
            "2353 (2017)",
            "2392 (2017)",
            "2406 (2018)",
            "2418 (2018)",
            "2428 (2018)"
        ])
    );

    let pp3 = record(&c, "PP3", "PP3");
    assert_eq!(changes(pp3), vec![(Delete, "Article 41 of ", false)]);
    // The PDFs italicise "Acting" alone: dropping Article 41 is a change
    // of the text after the lead, shown word by word, not a lead change.
    assert!(lead(pp3).is_none(), "the lead stays 'Acting'");

    let op1 = record(&c, "OP1", "OP1");
    let op1_changes = changes(op1);
    assert_eq!(
        op1_changes[..2],
        [(Delete, "2018", true), (Insert, "2020", true)]
    );
    assert!(op1_changes.contains(&(
        Insert,
        "as renewed by paragraph 12 of resolution 2428 (2018), ",
        false
    )));
    assert!(op1_changes.contains(&(Delete, "the provisions of ", false)));
    assert_eq!(op1.references.added, strings(&["2428 (2018)"]));
    assert_eq!(op1.references.removed, strings(&["2290 (2016)"]));

    let op2 = record(&c, "", "OP2");
    assert!(
        op2.new.refs()[0]
            .text
            .contains("paragraph 4 of resolution 2428 (2018)")
    );

    let panel = record(&c, "OP2", "OP3");
    let routine: Vec<&str> = changes(panel)
        .into_iter()
        .filter(|(op, _, routine)| *op == Delete && *routine)
        .map(|(_, text, _)| text)
        .collect();
    // 30 June 2018, 1 December 2017, 1 May 2018, 31 May 2018.
    assert_eq!(routine, vec!["2018", "2017", "2018", "2018"]);
    assert_eq!(
        panel.references.added,
        strings(&["2206 (2015)", "2428 (2018)"])
    );
    assert_eq!(panel.references.removed, strings(&["2290 (2016)"]));

    let s = &c.summary;
    assert_eq!(
        (
            s.leads_strengthened,
            s.leads_weakened,
            s.leads_changed_neutral
        ),
        (0, 0, 0)
    );
    assert_eq!(s.routine, 1, "PP1 alone");
}

/// UNSOM renewal S/2018/257 → S/2019/266: a large rewrite (29 operative
/// paragraphs become 23). Checked by hand, paragraph by paragraph, for the
/// records asserted here; the rest are rewrites whose pairing is a matter
/// of judgement and is left unasserted.
#[cfg_attr(corpus_missing, ignore = "needs ../shared/corpus")]
#[test]
fn somalia_2018_to_2019() {
    let Some(c) = pair("S_2018_257", "S_2019_266", "somalia") else {
        return;
    };
    // "Recalling its previous resolutions …" and "Reaffirming its respect
    // …" are identical in both.
    assert_eq!(record(&c, "PP1", "PP1").status, ChangeStatus::Unchanged);
    assert_eq!(record(&c, "PP2", "PP2").status, ChangeStatus::Unchanged);

    // Old PP9 "Welcoming the commitment … to pursue inclusive political
    // dialogue …, and expressing concern over continuing tension between
    // “Somaliland” and Puntland" is new PP7 with its two clauses swapped:
    // "Expressing concern over continuing tension … and underlining the
    // importance of the commitment … to pursue inclusive political dialogue".
    let pp7 = record(&c, "PP9", "PP7");
    assert_eq!(
        lead(pp7),
        Some(("Welcoming", "Expressing concern", Direction::Neutral))
    );

    // Old PP15 "Recognising that the year ahead should see the swift
    // implementation …" is the core of new PP8 "Underlining the centrality
    // of an inclusive political settlement … the swift implementation of …
    // milestones", ahead of the transition-plan paragraphs. Old PP10
    // ("Underlining that a capable, accountable, acceptable and affordable
    // security sector … is a crucial part of long-term peace in Somalia")
    // went into it too: new PP8 ends "underlining that able, accountable,
    // acceptable and affordable security and justice sectors … are a
    // crucial part of long-term peace in Somalia", a passage no other
    // paragraph has. The merge stands where old PP10 stood, so neither it
    // nor old PP11 → new PP11 moved.
    let pp8 = record(&c, "PP10+PP15", "PP8");
    assert_eq!(pp8.status, ChangeStatus::Merged);
    assert!(!pp8.moved);
    assert!(!record(&c, "PP11", "PP11").moved);

    // Old PP18 "Recalling its Presidential statement S/PRST/2011/15,
    // recognising the adverse effects of climate change …" is new PP15
    // "Recognising the adverse effects … and recalling its Presidential
    // statement S/PRST/2011/15": the reference stays.
    let climate = record(&c, "PP18", "PP15");
    assert_eq!(
        lead(climate),
        Some(("Recalling", "Recognising", Direction::Neutral))
    );
    assert!(climate.references.is_empty());

    // The donors' support paragraph (old PP19, "Welcoming the generous
    // support of donors …") is merged with the humanitarian concern of old
    // PP17 into new PP13, two paragraphs apart in the old text.
    let humanitarian = record(&c, "PP17+PP19", "PP13");
    assert_eq!(humanitarian.status, ChangeStatus::Merged);

    // Gone without a successor: the support for SRSG Michael Keating (old
    // PP6), "Encourages UNSOM to enhance its interaction with Somali civil
    // society" (old OP5), "Underlines the importance of respect for
    // international humanitarian law and the protection of civilians" (old
    // OP24).
    for (old, opens) in [
        ("PP6", "Expressing its full support for the"),
        ("OP5", "Encourages UNSOM to enhance its interaction"),
        ("OP24", "Underlines the importance of respect for"),
    ] {
        let r = record(&c, old, "");
        assert_eq!(r.status, ChangeStatus::Removed);
        assert!(
            opening(&r.old).starts_with(opens),
            "{old}: {}",
            opening(&r.old)
        );
    }
    // New without a predecessor: the condemnation of the 1 January 2019
    // attack on the UN compound (OP2) and the request to consider climate
    // change in programmes (OP21).
    for (new, opens) in [
        ("OP2", "Strongly condemns recent attacks by the"),
        ("OP21", "Requests the United Nations and the"),
    ] {
        let r = record(&c, "", new);
        assert_eq!(r.status, ChangeStatus::Added);
        assert!(
            opening(&r.new).starts_with(opens),
            "{new}: {}",
            opening(&r.new)
        );
    }
    // New OP12 "Welcomes the completion … of the operational readiness
    // assessment …" carries on old OP15 "Welcomes … the commitment to
    // undertake regional operational readiness assessments …" (same lead,
    // same place, the wording rewritten), and new OP11 "Urges … to
    // accelerate implementation of key security sector reforms …" takes
    // the rest of it: "a coherent National Security Architecture", "to
    // integrate regional and federal forces", "taking on lead
    // responsibility for providing inclusive security", which no other
    // paragraph has. The old paragraph split in two.
    let op15 = record(&c, "OP15", "OP11+OP12");
    assert_eq!(op15.status, ChangeStatus::Split);
    assert_eq!(
        record(&c, "", "OP2").references.added,
        strings(&["1 January 2019"])
    );

    // OP1 only extends UNSOM's mandate from 31 March 2019 to 31 March 2020:
    // the one routine paragraph.
    let op1 = record(&c, "OP1", "OP1");
    assert!(op1.routine);
    assert_eq!(
        changes(op1),
        vec![(Delete, "2019", true), (Insert, "2020", true)]
    );
    assert_eq!(c.summary.routine, 1);

    // New OP3 "Requests UNSOM to maintain and strengthen its presence …,
    // welcomes the strong relationship between UNSOM, … UNSOS …" keeps old
    // OP9 "Welcomes the strong relationship …" whole behind a request taken
    // from old OP2 ("Requests … UNSOM …"): the two merged, and the request
    // still opens it, so no lead changed.
    let op3 = record(&c, "OP2+OP9", "OP3");
    assert_eq!(op3.status, ChangeStatus::Merged);
    assert_eq!(lead(op3), None);

    // Old OP4 "Further underscores the importance of UNSOM's support …
    // elections" → new OP8 "Underlines the importance of UNSOM's political
    // and technical support … elections".
    let op8 = record(&c, "OP4", "OP8");
    assert!(op8.renumbered);
    assert_eq!(
        lead(op8),
        Some(("Further underscores", "Underlines", Direction::Neutral))
    );
    // Old OP12 "Emphasises the importance of reconciliation" → new OP6
    // "Emphasises the need for reconciliation": same lead.
    assert_eq!(lead(record(&c, "OP12", "OP6")), None);
    // Old OP22 "Expresses concern about all violations …" → new OP16
    // "Expresses its concern about all violations …": the same lead.
    assert_eq!(lead(record(&c, "OP22", "OP16")), None);
    // Old OP21 (IMF Staff Monitored Programme) comes forward to OP10.
    let imf = record(&c, "OP21", "OP10");
    assert!(imf.moved && imf.renumbered);
    assert!(imf.similarity > 0.8);

    // Reporting: "no fewer than three written reports, with the first
    // written report by 1 May 2018 and every 120 days" → "four …, 15 May
    // 2019 … every 90 days": new dates, not a routine shift.
    let reporting = record(&c, "OP28", "OP22");
    assert!(!reporting.routine);
    assert_eq!(reporting.references.added, strings(&["15 May 2019"]));
    assert_eq!(reporting.references.removed, strings(&["1 May 2018"]));
    let seized = record(&c, "OP29", "OP23");
    assert_eq!(seized.status, ChangeStatus::Unchanged);
    assert!(seized.renumbered);

    let s = &c.summary;
    // Every one of the 23 new operative paragraphs is in one record.
    let new_operative: usize = c
        .paragraphs
        .iter()
        .filter(|p| p.part == Part::Operative)
        .map(|p| p.new.refs().len())
        .sum();
    assert_eq!(new_operative, 23);
    assert!(s.similarity < 0.5, "a large rewrite: {}", s.similarity);
}

/// S/2019/266 (UNSOM) → S/2020/445 (AMISOM): different mandates of the same
/// series, so most paragraphs are gone or new. Read in full for what the
/// two share.
#[cfg_attr(corpus_missing, ignore = "needs ../shared/corpus")]
#[test]
fn somalia_2019_to_2020() {
    let Some(c) = pair("S_2019_266", "S_2020_445", "somalia") else {
        return;
    };
    // "Recalling all its previous resolutions …": one word added.
    assert_eq!(
        changes(record(&c, "PP1", "PP1")),
        vec![(Insert, "all ", false)]
    );
    // "Reaffirming its respect …" loses its "and underscoring the importance
    // of working to prevent destabilizing effects …" clause.
    let pp2 = record(&c, "PP2", "PP2");
    assert!(changes(pp2).iter().all(|(op, _, _)| *op == Delete));
    // "Paying tribute to the bravery and sacrifices …" survives, rewritten.
    assert_eq!(record(&c, "PP4", "PP5").status, ChangeStatus::Modified);
    // The climate paragraph: "Recognising the adverse effects … and
    // recalling its Presidential statement S/PRST/2011/15" becomes
    // "Emphasising the need for adequate risk assessment …", without the
    // Presidential statement.
    let climate = record(&c, "PP15", "PP14");
    assert_eq!(
        lead(climate),
        Some(("Recognising", "Emphasising", Direction::Neutral))
    );
    assert_eq!(climate.references.removed, strings(&["S/PRST/2011/15"]));

    // UNSOM's mandate extension (old OP1) is gone; AMISOM's authorisation
    // until 28 February 2021 (new OP9) is new.
    let unsom = record(&c, "OP1", "");
    assert!(
        unsom
            .references
            .removed
            .contains(&"31 March 2020".to_string())
    );
    let amisom = record(&c, "", "OP9");
    assert_eq!(amisom.references.added, strings(&["28 February 2021"]));
    // The participation of all Somalis (old OP9 → new OP31) survives.
    assert_eq!(record(&c, "OP9", "OP31").status, ChangeStatus::Modified);
    // "Decides to remain actively seized of the matter." is the last in both.
    assert_eq!(
        outline(&c).last().map(String::as_str),
        Some("OP23 -> OP39 unchanged renumbered")
    );
    let s = &c.summary;
    assert!(s.operative.added >= 30, "{}", s.operative.added);
    assert!(s.similarity < 0.2, "{}", s.similarity);
}

/// S/2019/441 with its sanctions renewed to 31 May 2021 instead of 2020:
/// three years after S/2017/444's 31 May 2018 across a two-year interval.
/// An end date moved forward is a routine update (`mandate-end`), whatever
/// the interval.
#[cfg_attr(corpus_missing, ignore = "needs ../shared/corpus")]
#[test]
fn a_mandate_end_moved_forward_by_more_than_the_interval_is_routine() {
    let Some(corpus) = shared_corpus() else {
        return;
    };
    let old = import(&corpus, "S_2017_444", "south-sudan");
    let mut new = import(&corpus, "S_2019_441", "south-sudan");
    let op1 = &mut new.operative[0];
    assert!(op1.text.starts_with("Decides to renew until 31 May 2020"));
    op1.text = op1
        .text
        .replacen("until 31 May 2020", "until 31 May 2021", 1);
    let c = compare(&old, &new);
    let op1 = record(&c, "OP1", "OP1");
    let first: Vec<_> = changes(op1).into_iter().take(2).collect();
    assert_eq!(first, [(Delete, "2018", true), (Insert, "2021", true)]);
    assert_eq!(
        op1.words.iter().find(|w| w.routine).and_then(|w| w.rule),
        Some(resdiff::comparison::RoutineRule::MandateEnd)
    );
    // The Panel's dates that are no end dates stay interval updates.
    let panel = record(&c, "OP2", "OP3");
    assert!(
        panel
            .words
            .iter()
            .any(|w| w.rule == Some(resdiff::comparison::RoutineRule::Interval))
    );
}

/// S/2020/445 OP6 with its sub-paragraph (a) split the way drafters split
/// one: "(a) The FGS to drive forward … at the earliest opportunity;" and a
/// new "(b) For AMISOM, UNSOM, UNSOS, the FGS and FMS to increase
/// coordination …", expanded with a clause of OP7 ("with due regard to the
/// need to protect civilians …"); the old (b) and (c) now (c) and (d). The
/// old (a) is split, not removed and added; (b) and (c) are renumbered.
#[cfg_attr(corpus_missing, ignore = "needs ../shared/corpus")]
#[test]
fn a_sub_paragraph_split_in_two_is_a_split() {
    let Some(corpus) = shared_corpus() else {
        return;
    };
    let path = corpus.join("sc/S_2020_445.pdf");
    let old = resdiff::load_file(&path, None).expect("PDF").resolution;
    let mut new = old.clone();
    let subs = &mut new.operative[5].subparagraphs;
    assert_eq!(subs.len(), 3);
    let (kept, rest) = subs[0]
        .text
        .split_once(", and for ")
        .expect("the clause that is split off");
    let mut second = subs[0].clone();
    let clause = old.operative[6]
        .text
        .split_once("and with ")
        .and_then(|(_, c)| c.split_once(", underlines"))
        .map(|(c, _)| c)
        .expect("OP7's clause");
    second.text = format!("For {}, with {clause};", rest.trim_end_matches(';'));
    subs[0].text = format!("{kept};");
    subs.insert(1, second);
    for (sub, label) in subs.iter_mut().zip(["a", "b", "c", "d"]) {
        sub.number = Some(label.to_string());
    }
    let c = compare(&old, &new);
    let op6 = record(&c, "OP6", "OP6");
    let outline: Vec<String> = op6
        .subparagraphs
        .iter()
        .map(|s| {
            let side = |side: &Side| {
                side.refs()
                    .iter()
                    .map(|r| r.number.clone().unwrap_or_default())
                    .collect::<Vec<_>>()
                    .join("+")
            };
            format!("{} -> {} {}", side(&s.old), side(&s.new), s.status.name())
        })
        .collect();
    assert_eq!(
        outline,
        ["a -> a+b split", "b -> c unchanged", "c -> d unchanged"]
    );
    assert!(op6.subparagraphs[1..].iter().all(|s| s.renumbered));
    // The split's redline takes nothing away that only moved: what it
    // deletes is the joining "and for", a word or two at a time.
    let split = &op6.subparagraphs[0];
    let deleted: Vec<&str> = split
        .words
        .iter()
        .filter(|w| w.op == WordOpKind::Delete)
        .map(|w| w.text.as_str())
        .collect();
    let words = |d: &&str| {
        d.split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count()
    };
    assert!(deleted.iter().all(|d| words(d) <= 2), "{deleted:?}");
}

/// A shipped version of a series: `resolutions/<series>/<version>.md`.
fn shipped(series: &str, version: &str) -> Resolution {
    let path = crate::common::project_root()
        .join("resolutions")
        .join(series)
        .join(format!("{version}.md"));
    resdiff::load_file(&path, None)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .resolution
}

/// `text` with `from` replaced once by `to`; its footnote markers after the
/// place move with the text.
fn edit(p: &mut resdiff::model::Paragraph, from: &str, to: &str) {
    let at = p
        .text
        .find(from)
        .unwrap_or_else(|| panic!("{from:?} not in {:?}", p.text));
    p.text.replace_range(at..at + from.len(), to);
    for f in &mut p.footnotes {
        if f.offset >= at + from.len() {
            f.offset = f.offset + to.len() - from.len();
        }
    }
}

/// The rules of a record's changed words, in order.
fn rules(p: &ParagraphChange) -> Vec<&'static str> {
    p.words
        .iter()
        .filter(|w| w.op != WordOpKind::Equal)
        .map(|w| w.rule.map_or("-", |r| r.name()))
        .collect()
}

/// S/2019/266 a year on with its election periods moved by the year
/// ("the lead up to the 2020/21 one-person-one-vote elections" → 2021/22,
/// "elections in 2020/2021" → 2021/2022): a period moved by the interval is
/// an `interval` update, as a year is; moved by two years in one, it is
/// not.
#[cfg_attr(corpus_missing, ignore = "needs ../shared/corpus")]
#[test]
fn a_period_moved_by_the_interval_is_routine() {
    let Some(corpus) = shared_corpus() else {
        return;
    };
    let old = import(&corpus, "S_2019_266", "somalia");
    let next_year = |periods: [(&str, &str); 2]| {
        let mut new = old.clone();
        new.meta.year = Some(2020);
        new.meta.symbol = None;
        for p in new.preamble.iter_mut().chain(new.operative.iter_mut()) {
            for (from, to) in periods {
                if p.text.contains(from) {
                    edit(p, from, to);
                }
            }
        }
        compare(&old, &new)
    };
    let periods = |c: &Comparison| -> Vec<(String, Vec<&'static str>, bool)> {
        c.paragraphs
            .iter()
            .filter(|p| p.status == ChangeStatus::Modified)
            .map(|p| (opening(&p.new), rules(p), p.routine))
            .collect()
    };
    let c = next_year([("2020/21 ", "2021/22 "), ("2020/2021", "2021/2022")]);
    let found = periods(&c);
    // PP2, PP3, OP4 and OP8 hold them.
    assert_eq!(found.len(), 4, "{found:?}");
    for (opening, rules, routine) in &found {
        assert_eq!(rules, &["interval"; 2], "{opening}");
        assert!(routine, "{opening}");
    }
    // "2017-2018" forms.
    let mut hyphen = old.clone();
    for p in &mut hyphen.operative {
        if p.text.contains("2020/2021") {
            edit(p, "2020/2021", "2020-2021");
        }
    }
    let mut new = hyphen.clone();
    new.meta.year = Some(2020);
    for p in &mut new.operative {
        if p.text.contains("2020-2021") {
            edit(p, "2020-2021", "2021-2022");
        }
    }
    let c = compare(&hyphen, &new);
    assert_eq!(c.summary.routine, 2);
    // Two years on in one year: not routine.
    let c = next_year([("2020/21 ", "2022/23 "), ("2020/2021", "2022/2023")]);
    assert!(
        periods(&c)
            .iter()
            .all(|(_, rules, r)| !r && rules.iter().all(|r| *r == "-"))
    );
}

/// cuba-embargo 73 → 80 with OP1 citing the previous resolution with its
/// date of adoption, as the lists of PP6 print them ("the implementation
/// of resolution 72/4 of 1 November 2017" → "79/7 of 30 October 2024"):
/// the resolution and its date are one `previous-resolution` update.
#[test]
fn the_previous_resolution_with_its_date_is_routine() {
    let old_text = "the implementation of resolution 72/4";
    let mut old = shipped("cuba-embargo", "73");
    let mut new = shipped("cuba-embargo", "80");
    assert!(old.preamble[5].text.contains("72/4 of 1 November 2017"));
    assert!(new.preamble[5].text.contains("79/7 of 30 October 2024"));
    edit(
        &mut old.operative[0],
        old_text,
        "the implementation of resolution 72/4 of 1 November 2017",
    );
    edit(
        &mut new.operative[0],
        "the implementation of resolution 79/7",
        "the implementation of resolution 79/7 of 30 October 2024",
    );
    let c = compare(&old, &new);
    let op1 = record(&c, "OP1", "OP1");
    let found = rules(op1);
    assert!(!found.is_empty());
    assert!(
        found.iter().all(|r| *r == "previous-resolution"),
        "{found:?}"
    );
    // The footnote's report (A/73/85 → A/80/83) is the own report.
    assert!(op1.routine);
}

/// MINURSO in French: S/RES/1523 (2004) recalling its predecessor S/RES/1513
/// (2003) "du 28 octobre 2003" (1513's own symbol and date) where it recalls
/// 1495 (2003) "du 31 juillet 2003": the resolution and its date are one
/// `previous-resolution` update.
#[test]
fn a_french_renewal_recalls_its_predecessor_with_its_date() {
    let old = shipped("minurso", "1513");
    let mut new = shipped("minurso", "1523");
    let before = "la résolution 1495 (2003) du 31 juillet 2003";
    edit(
        &mut new.preamble[0],
        before,
        "la résolution 1513 (2003) du 28 octobre 2003",
    );
    let c = compare(&old, &new);
    let pp1 = record(&c, "PP1", "PP1");
    let found = rules(pp1);
    assert!(!found.is_empty());
    assert!(
        found.iter().all(|r| *r == "previous-resolution"),
        "{found:?}"
    );
    assert!(pp1.routine);
}
