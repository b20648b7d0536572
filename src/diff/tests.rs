use super::*;
use crate::align::fixtures::{csto_paragraphs, resolution, sc_resolution};
use crate::comparison::{ChangeStatus, Direction, ParagraphChange, Side, WordOpKind};
use crate::diff::words::sides;

/// The paragraph numbers (or "pN" for preambular index N) on one side.
fn labels(side: &Side) -> Vec<String> {
    side.refs()
        .iter()
        .map(|r| r.number.clone().unwrap_or_else(|| format!("p{}", r.index)))
        .collect()
}

/// One line per record: what happened, from where to where.
fn outline(c: &Comparison) -> Vec<String> {
    c.paragraphs
        .iter()
        .map(|p| {
            let mut flags = String::new();
            if p.moved {
                flags.push_str(" moved");
            }
            if p.renumbered {
                flags.push_str(" renumbered");
            }
            if let Some(l) = &p.lead_change {
                flags.push_str(&format!(" lead {}->{} {:?}", l.old, l.new, l.direction));
            }
            if p.routine {
                flags.push_str(" routine");
            }
            format!(
                "{} {:?}->{:?} {}{flags}",
                p.part.name(),
                labels(&p.old),
                labels(&p.new),
                p.status.name()
            )
        })
        .collect()
}

/// A's known edits of the 75th-session text: operative 2 and 3 swapped,
/// operative 6 "Invites" -> "Urges", the sixth preambular paragraph dropped,
/// operative 1 split at ", and acknowledges", and operative 7 given a
/// clause taken from operative 3.
fn synthetic() -> Option<(Resolution, Resolution)> {
    let (preamble, operative) = csto_paragraphs()?;
    let old = resolution(75, &preamble, &operative);

    let mut new_preamble = preamble.clone();
    new_preamble.remove(5);
    let (head, tail) = operative[0].split_once(", and acknowledges")?;
    let urged = operative[5].replacen("Invites", "Urges", 1);
    let extended = operative[6].replace(
        "peacekeeping;",
        "peacekeeping, including the exchange of information;",
    );
    let new_operative = vec![
        format!("{head};"),
        format!("Acknowledges{tail}"),
        operative[2].clone(),
        operative[1].clone(),
        operative[3].clone(),
        operative[4].clone(),
        urged,
        extended,
        operative[7].clone(),
        operative[8].clone(),
    ];
    let new = resolution(75, &new_preamble, &new_operative);
    Some((old, new))
}

/// The delete and insert runs of a record's redline, in order.
fn changes_of(p: &ParagraphChange) -> Vec<(WordOpKind, &str)> {
    p.words
        .iter()
        .filter(|w| w.op != WordOpKind::Equal)
        .map(|w| (w.op, w.text.as_str()))
        .collect()
}

/// The records the synthetic edits must give, for a preamble of `preamble`
/// paragraphs: the sixth dropped, operative 1 split, 2 and 3 swapped, the
/// lead of 6 strengthened, a clause added to 7.
fn synthetic_outline(preamble: usize) -> Vec<String> {
    let mut expected: Vec<String> = (1..=5)
        .map(|i| format!("preamble [\"p{i}\"]->[\"p{i}\"] unchanged"))
        .collect();
    expected.push("preamble [\"p6\"]->[] removed".into());
    expected
        .extend((7..=preamble).map(|i| format!("preamble [\"p{i}\"]->[\"p{}\"] unchanged", i - 1)));
    expected.extend([
        "operative [\"1\"]->[\"1\", \"2\"] split".to_string(),
        "operative [\"3\"]->[\"3\"] unchanged".into(),
        "operative [\"2\"]->[\"4\"] unchanged moved renumbered".into(),
        "operative [\"4\"]->[\"5\"] unchanged renumbered".into(),
        "operative [\"5\"]->[\"6\"] unchanged renumbered".into(),
        "operative [\"6\"]->[\"7\"] modified renumbered lead Invites->Urges Stronger".into(),
        "operative [\"7\"]->[\"8\"] modified renumbered".into(),
        "operative [\"8\"]->[\"9\"] unchanged renumbered".into(),
        "operative [\"9\"]->[\"10\"] unchanged renumbered".into(),
    ]);
    expected
}

#[cfg_attr(corpus_missing, ignore = "needs ../shared/corpus")]
#[test]
fn the_synthetic_edits_are_reported_exactly() {
    let Some((old, new)) = synthetic() else {
        return;
    };
    let c = compare(&old, &new);
    assert_eq!(outline(&c), synthetic_outline(14));

    let s = &c.summary;
    assert_eq!((s.preamble.unchanged, s.preamble.removed), (13, 1));
    assert_eq!(
        (s.operative.split, s.operative.modified, s.operative.moved),
        (1, 2, 1)
    );
    assert_eq!(s.operative.renumbered, 7);
    assert_eq!((s.leads_strengthened, s.leads_weakened), (1, 0));
    assert_eq!(s.references_removed, 1, "the dropped paragraph's date");
    assert_eq!(s.references_added, 0);
    assert_eq!(s.routine, 0);
    assert!(c.warnings.is_empty());

    // The added clause is one insertion of exactly its words.
    let clause = &c.paragraphs[20];
    let changes = changes_of(clause);
    assert_eq!(
        changes,
        vec![(
            WordOpKind::Insert,
            ", including the exchange of information"
        )]
    );
    // The split shows the cut, with the new paragraph break.
    let split = &c.paragraphs[14];
    let changes = changes_of(split);
    assert_eq!(
        changes,
        vec![
            (WordOpKind::Delete, ", and acknowledges"),
            (WordOpKind::Insert, ";\nAcknowledges")
        ]
    );
    assert_eq!(s.words_inserted, 5 + 1 + 1);
    assert_eq!(s.words_deleted, 2 + 1 + count_removed_words(&c));
}

fn count_removed_words(c: &Comparison) -> usize {
    c.paragraphs
        .iter()
        .filter(|p| p.status == ChangeStatus::Removed)
        .map(|p| words::count_words(&p.words[0].text))
        .sum()
}

/// The JSON, with long runs of corpus text replaced by their word count so
/// the snapshot shows the structure without copying the text.
fn redacted_json(c: &Comparison) -> serde_json::Value {
    fn redact(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::String(s) if words::count_words(s) > 6 => {
                *s = format!("<{} words>", words::count_words(s));
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(redact),
            serde_json::Value::Object(map) => map.values_mut().for_each(redact),
            _ => {}
        }
    }
    let mut v = serde_json::to_value(c).unwrap_or_default();
    redact(&mut v);
    v
}

#[cfg_attr(corpus_missing, ignore = "needs ../shared/corpus")]
#[test]
fn synthetic_comparison_json_snapshot() {
    let Some((old, new)) = synthetic() else {
        return;
    };
    insta::assert_json_snapshot!(redacted_json(&compare(&old, &new)));
}

#[cfg_attr(corpus_missing, ignore = "needs ../shared/corpus")]
#[test]
fn comparing_a_text_with_itself_changes_nothing() {
    let Some((old, _)) = synthetic() else {
        return;
    };
    let c = compare(&old, &old);
    assert!(
        c.paragraphs
            .iter()
            .all(|p| p.status == ChangeStatus::Unchanged && !p.moved && !p.renumbered)
    );
    assert!(!c.summary.has_changes());
    assert_eq!(c.summary.similarity, 1.0);
}

#[cfg_attr(corpus_missing, ignore = "needs ../shared/corpus")]
#[test]
fn routine_updates_between_south_sudan_renewals() {
    let (Some(old), Some(new)) = (
        sc_resolution("S_2017_444", "south-sudan"),
        sc_resolution("S_2019_441", "south-sudan"),
    ) else {
        return;
    };
    let c = compare(&old, &new);
    // Operative 1: "renew until 31 May 2018" -> "31 May 2020" two years on.
    let first = c
        .paragraphs
        .iter()
        .find(|p| p.part == Part::Operative)
        .unwrap();
    let routine: Vec<(WordOpKind, &str)> = first
        .words
        .iter()
        .filter(|w| w.routine)
        .map(|w| (w.op, w.text.as_str()))
        .collect();
    assert_eq!(
        routine,
        vec![(WordOpKind::Delete, "2018"), (WordOpKind::Insert, "2020")]
    );
    assert!(!first.routine, "it also adds resolution 2428 (2018)");
    assert!(first.references.added.contains(&"2428 (2018)".to_string()));
    // The Panel of Experts paragraph (old 2, new 3) moves its dates on.
    let panel = c
        .paragraphs
        .iter()
        .find(|p| labels(&p.old) == ["2"])
        .unwrap();
    assert_eq!(labels(&panel.new), ["3"]);
    assert!(panel.renumbered);
    assert!(panel.words.iter().any(|w| w.routine && w.text == "2017"));
    // The new operative 2 has no old counterpart.
    assert!(
        c.paragraphs
            .iter()
            .any(|p| p.status == ChangeStatus::Added && labels(&p.new) == ["2"])
    );
    // Nothing is routine when a version is unknown.
    let mut unknown = new.clone();
    unknown.meta.year = None;
    let c = compare(&old, &unknown);
    assert!(
        c.paragraphs
            .iter()
            .all(|p| p.words.iter().all(|w| !w.routine))
    );
}

#[cfg_attr(corpus_missing, ignore = "needs ../shared/corpus")]
#[test]
fn a_paragraph_updated_only_by_session_is_routine() {
    let Some((preamble, operative)) = csto_paragraphs() else {
        return;
    };
    let old = resolution(75, &preamble, &operative);
    let mut next = operative.clone();
    next[7] = next[7].replace("seventy-seventh", "seventy-ninth");
    let new = resolution(77, &preamble, &next);
    let c = compare(&old, &new);
    let record = c
        .paragraphs
        .iter()
        .find(|p| labels(&p.old) == ["8"])
        .unwrap();
    assert_eq!(record.status, ChangeStatus::Modified);
    assert!(record.routine);
    assert_eq!(c.summary.routine, 1);
    // Two sessions on but the text kept the old session: not a change at all.
    let nine = c
        .paragraphs
        .iter()
        .find(|p| labels(&p.old) == ["9"])
        .unwrap();
    assert_eq!(nine.status, ChangeStatus::Unchanged);
}

#[cfg_attr(corpus_missing, ignore = "needs ../shared/corpus")]
#[test]
fn different_series_are_warned_about() {
    let (Some(a), Some(b)) = (
        sc_resolution("S_2018_95", "sudan"),
        sc_resolution("S_2019_441", "south-sudan"),
    ) else {
        return;
    };
    let c = compare(&a, &b);
    assert_eq!(
        c.warnings,
        vec!["the versions belong to different series (sudan, south-sudan)"]
    );
}

#[cfg_attr(corpus_missing, ignore = "needs ../shared/corpus")]
#[test]
fn lead_changes_follow_the_lexicon() {
    let Some((preamble, operative)) = csto_paragraphs() else {
        return;
    };
    let old = resolution(75, &preamble, &operative);
    let mut weaker = operative.clone();
    // "Requests the Secretary-General" -> "Invites the Secretary-General".
    weaker[7] = weaker[7].replacen("Requests", "Invites", 1);
    // "Referring also" -> "Referring further": the same lead.
    let mut pre = preamble.clone();
    pre[2] = pre[2].replacen("Referring also", "Referring further", 1);
    let c = compare(&old, &resolution(75, &pre, &weaker));
    let leads: Vec<(String, String, Direction)> = c
        .paragraphs
        .iter()
        .filter_map(|p| p.lead_change.clone())
        .map(|l| (l.old, l.new, l.direction))
        .collect();
    assert_eq!(
        leads,
        vec![("Requests".into(), "Invites".into(), Direction::Weaker)]
    );
    assert_eq!(c.summary.leads_weakened, 1);
}

#[cfg_attr(corpus_missing, ignore = "needs ../shared/corpus")]
#[test]
fn subparagraphs_are_aligned_inside_their_parent() {
    let Some((_, operative)) = csto_paragraphs() else {
        return;
    };
    // Mechanics only: real operative paragraphs stand in as sub-paragraphs.
    let parent = |subs: &[&String]| {
        let mut p = crate::align::fixtures::paragraph("Decides:", Part::Operative, Some(1));
        p.subparagraphs = subs
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let mut s = crate::align::fixtures::paragraph(t, Part::Operative, None);
                s.number = Some(((b'a' + i as u8) as char).to_string());
                s
            })
            .collect();
        p
    };
    let mut old = resolution(75, &[], &[]);
    old.operative = vec![parent(&[&operative[3], &operative[4], &operative[6]])];
    let mut new = old.clone();
    new.operative = vec![parent(&[&operative[3], &operative[6]])];
    let c = compare(&old, &new);
    assert_eq!(c.paragraphs.len(), 1);
    let p: &ParagraphChange = &c.paragraphs[0];
    assert_eq!(p.status, ChangeStatus::Modified);
    let subs: Vec<(ChangeStatus, bool)> = p
        .subparagraphs
        .iter()
        .map(|s| (s.status, s.renumbered))
        .collect();
    assert_eq!(
        subs,
        vec![
            (ChangeStatus::Unchanged, false),
            (ChangeStatus::Removed, false),
            (ChangeStatus::Unchanged, true),
        ]
    );
    assert_eq!(
        sides(&p.words),
        (p.old.refs()[0].text.clone(), p.new.refs()[0].text.clone())
    );
}

#[cfg_attr(corpus_missing, ignore = "needs ../shared/corpus")]
#[test]
fn an_old_act_kept_behind_a_new_lead_is_not_a_stronger_lead() {
    let Some((preamble, operative)) = csto_paragraphs() else {
        return;
    };
    // Mechanics with real sentences: operative 6 ("Invites increased
    // cooperation …") becomes a clause behind operative 8's "Requests the
    // Secretary-General …", the way S/2018/257 OP9 ("Welcomes the strong
    // relationship …") went behind "Requests UNSOM …" in S/2019/266 OP3.
    let old = resolution(75, &preamble, &operative[5..6]);
    let requests = operative[7].trim_end_matches(';');
    let mut invites = operative[5].clone();
    invites.replace_range(..1, "i");
    let joined = format!("{requests}, and {invites}");
    let c = compare(
        &old,
        &resolution(75, &preamble, std::slice::from_ref(&joined)),
    );
    let op = c
        .paragraphs
        .iter()
        .find(|p| p.part == Part::Operative)
        .unwrap();
    assert_eq!(
        op.status,
        ChangeStatus::Modified,
        "{}",
        outline(&c).join("\n")
    );
    let lead = op.lead_change.as_ref().unwrap();
    assert_eq!(
        (lead.old.as_str(), lead.new.as_str()),
        ("Invites", "Requests")
    );
    assert_eq!(lead.direction, Direction::Neutral);
    assert_eq!(c.summary.leads_strengthened, 0);

    // Whereas replacing the act itself is a stronger lead.
    let replaced = operative[5].replacen("Invites", "Requests", 1);
    let c = compare(&old, &resolution(75, &preamble, &[replaced]));
    assert_eq!(c.summary.leads_strengthened, 1);
}

/// The shipped canonical A/75/L.78 (`resolutions/csto/75.md`, in the
/// repository, so this runs on a fresh clone too).
fn canonical_75() -> Resolution {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("resolutions/csto/75.md");
    let text = std::fs::read_to_string(&path).expect("resolutions/csto/75.md is shipped");
    crate::canonical::read(&text, &path).expect("the shipped text reads")
}

fn operative_paragraph(text: String, number: usize) -> crate::model::Paragraph {
    crate::model::Paragraph {
        number: Some(number.to_string()),
        lead: crate::lang::Language::En
            .lexicon()
            .lead_at_start(&text, Some(Part::Operative))
            .map(|m| m.printed),
        text,
        ..Default::default()
    }
}

/// The known edits on the canonical 75th-session text: OP2 and OP3
/// swapped; OP6 "Invites increased cooperation" → "Urges increased
/// cooperation"; PP6 ("Referring also to the Joint Declaration … of
/// 18 March 2010") dropped; OP1 split at ", and acknowledges"; OP7 given a
/// clause after "peacekeeping".
#[test]
fn the_synthetic_edits_on_the_canonical_75th_session_text_are_reported_exactly() {
    let old = canonical_75();
    assert_eq!((old.preamble.len(), old.operative.len()), (15, 9));
    let mut new = old.clone();
    new.meta.session = Some(77);

    let dropped = new.preamble.remove(5);
    assert!(dropped.text.contains("18 March 2010"));

    let op = &old.operative;
    let (head, tail) = op[0]
        .text
        .split_once(", and acknowledges")
        .expect("OP1 acknowledges");
    let urged = op[5].text.replacen("Invites", "Urges", 1);
    let extended = op[6].text.replace(
        "peacekeeping;",
        "peacekeeping, including the exchange of information;",
    );
    assert_ne!(extended, op[6].text);
    let texts = [
        format!("{head};"),
        format!("Acknowledges{tail}"),
        op[2].text.clone(),
        op[1].text.clone(),
        op[3].text.clone(),
        op[4].text.clone(),
        urged,
        extended,
        op[7].text.clone(),
        op[8].text.clone(),
    ];
    new.operative = texts
        .into_iter()
        .enumerate()
        .map(|(i, t)| operative_paragraph(t, i + 1))
        .collect();

    let c = compare(&old, &new);
    assert_eq!(outline(&c), synthetic_outline(15));

    let s = &c.summary;
    assert_eq!((s.leads_strengthened, s.leads_weakened), (1, 0));
    assert_eq!(
        (s.references_added, s.references_removed),
        (0, 1),
        "the dropped paragraph's date"
    );
    assert_eq!(
        s.routine, 0,
        "OP8 and OP9 keep their seventy-seventh session"
    );
    let clause = c
        .paragraphs
        .iter()
        .find(|p| labels(&p.old) == ["7"])
        .unwrap();
    let inserted = changes_of(clause);
    assert_eq!(
        inserted,
        vec![(
            WordOpKind::Insert,
            ", including the exchange of information"
        )]
    );
    let split = c
        .paragraphs
        .iter()
        .find(|p| p.status == ChangeStatus::Split)
        .unwrap();
    let cut = changes_of(split);
    assert_eq!(
        cut,
        vec![
            (WordOpKind::Delete, ", and acknowledges"),
            (WordOpKind::Insert, ";\nAcknowledges")
        ]
    );
}

/// Typeset variants of the same words: a paragraph of the shipped
/// A/75/L.78 retyped with straight quotes for curly ones, a hyphen for an en
/// dash, a no-break space and a non-breaking hyphen; then once more with a
/// real edit beside them.
#[test]
fn typography_alone_is_no_change_of_wording() {
    let old = canonical_75().preamble[10].text.clone();
    assert!(old.contains("\u{201C}Kanal\u{201D}") && old.contains("2009\u{2013}2019"));
    let retyped = old
        .replacen("\u{201C}Kanal\u{201D}", "\"Kanal\"", 1)
        .replacen("2009\u{2013}2019", "2009-2019", 1)
        .replacen("General Assembly", "General\u{00A0}Assembly", 1)
        .replacen("counter-narcotics", "counter\u{2011}narcotics", 1);
    assert_eq!(retyped.matches(['"', '\u{00A0}', '\u{2011}']).count(), 4);
    let one = |new: &str| {
        let c = compare(
            &resolution(75, std::slice::from_ref(&old), &[]),
            &resolution(77, &[new.to_string()], &[]),
        );
        c.paragraphs.into_iter().next().expect("one record")
    };

    let p = one(&retyped);
    assert_eq!(p.status, ChangeStatus::Unchanged, "{:?}", p.words);
    assert_eq!(p.similarity, 1.0);
    assert_eq!(sides(&p.words), (old.clone(), retyped.clone()));
    assert_eq!(
        p.words.iter().filter(|w| w.typography).count(),
        10,
        "five retyped places"
    );
    assert!(
        p.words
            .iter()
            .all(|w| w.op == WordOpKind::Equal || w.typography)
    );

    // A real edit beside the typography: only the edit is a change.
    let edited = retyped.replacen("great practical importance", "practical importance", 1);
    let p = one(&edited);
    assert_eq!(p.status, ChangeStatus::Modified);
    let worded: Vec<(WordOpKind, &str)> = p
        .words
        .iter()
        .filter(|w| w.op != WordOpKind::Equal && !w.typography)
        .map(|w| (w.op, w.text.as_str()))
        .collect();
    assert_eq!(worded, [(WordOpKind::Delete, "great ")]);
    assert_eq!(sides(&p.words), (old.clone(), edited));

    // Words a PDF's layout broke ("counter- narcotics", "counter narcotics",
    // "Assem bly") are the same words.
    for broken in ["counter- narcotics", "counter narcotics"] {
        let split = old.replacen("counter-narcotics", broken, 1);
        let p = one(&split.replacen("General Assembly", "General Assem bly", 1));
        assert_eq!(p.status, ChangeStatus::Unchanged, "{broken}: {:?}", p.words);
    }
    // So are words it glued ("greatpractical"); other letters are not.
    let p = one(&old.replacen("great practical importance", "greatpractical importance", 1));
    assert_eq!(p.status, ChangeStatus::Unchanged, "{:?}", p.words);
    let p = one(&old.replacen("great practical", "grate practical", 1));
    assert_eq!(p.status, ChangeStatus::Modified);
}

#[test]
fn a_large_comparison_is_the_same_on_two_cores_as_on_one() {
    // Past align::LARGE paragraphs the fingerprints, the candidate scoring
    // and the records are split between two threads: the result must not
    // show it. Distinct paragraphs from a small vocabulary, then moves,
    // edits and removals so every stage has work.
    let words = [
        "Decides", "to", "extend", "the", "mandate", "of", "mission", "until", "report", "Council",
    ];
    let text = |i: usize| -> String {
        (0..12)
            .map(|k| {
                format!(
                    "{}{}",
                    words[(i * 7 + k * 3) % words.len()],
                    (i * 31 + k) % 97
                )
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let old: Vec<String> = (0..1200).map(text).collect();
    let mut new: Vec<String> = old
        .iter()
        .enumerate()
        .filter(|(i, _)| i % 41 != 0)
        .map(|(i, t)| {
            if i % 9 == 0 {
                format!("{t} as amended")
            } else {
                t.clone()
            }
        })
        .collect();
    new.rotate_left(17);
    let (old, new) = (resolution(75, &[], &old), resolution(77, &[], &new));
    let two = compare(&old, &new);
    let one = crate::work::one_thread(|| compare(&old, &new));
    assert!(two.paragraphs.len() >= 1200);
    assert!(two.summary.operative.modified > 100 && two.summary.operative.removed > 20);
    assert_eq!(
        serde_json::to_string(&two).unwrap(),
        serde_json::to_string(&one).unwrap()
    );
}
