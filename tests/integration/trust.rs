//! What a delegate must be able to trust in a comparison (issue 10), each
//! case on real text: the shipped CSTO resolution (A/75/L.78, imported
//! from the corpus) edited the way drafters edit, so the tests run on a
//! fresh clone too.

use resdiff::comparison::{ChangeStatus, Direction, ParagraphChange};
use resdiff::model::Part;
use resdiff::{Comparison, Resolution};

use crate::common::project_root;

fn shipped() -> String {
    std::fs::read_to_string(project_root().join("resolutions/csto/75.md")).expect("shipped text")
}

fn read(text: &str) -> Resolution {
    resdiff::canonical::read(text, std::path::Path::new("edited.md"))
        .unwrap_or_else(|e| panic!("{e}"))
}

/// `text` with `from` replaced by `to`, which must occur exactly once.
fn edit(text: &str, from: &str, to: &str) -> String {
    assert_eq!(text.matches(from).count(), 1, "{from}");
    text.replacen(from, to, 1)
}

/// The one operative line that starts with `number.`, without its number.
fn operative_line(text: &str, number: u32) -> &str {
    let prefix = format!("{number}. ");
    text.lines()
        .find(|l| l.starts_with(&prefix))
        .unwrap_or_else(|| panic!("OP{number}"))
}

fn records_in(c: &Comparison, status: ChangeStatus) -> Vec<&ParagraphChange> {
    c.paragraphs.iter().filter(|p| p.status == status).collect()
}

/// OP7 "Encourages both organizations to continue to examine …" demoted
/// to the end of the preamble as "Encouraging both organizations …": one
/// paragraph moved to the preamble, its lead weaker, nothing removed or
/// added; and the reverse, a preambular "Stressing the importance …"
/// promoted to an operative "Stresses the importance …", is stronger.
#[test]
fn a_paragraph_moved_between_the_parts_keeps_its_identity_and_says_its_force() {
    let old = shipped();
    let op7 = operative_line(&old, 7).to_string();
    let demoted = op7
        .replacen("7. _Encourages_", "_Encouraging_", 1)
        .replace("peacekeeping;", "peacekeeping,");
    let last_pp = old
        .lines()
        .find(|l| l.starts_with("_Noting_ the firm intention"))
        .expect("last preambular paragraph")
        .to_string();
    let mut new = edit(&old, &format!("{op7}\n"), "");
    new = edit(&new, &last_pp, &format!("{last_pp}\n\n{demoted}"));
    new = edit(&new, "8. _Requests_", "7. _Requests_");
    new = edit(&new, "9. _Decides_", "8. _Decides_");

    let c = resdiff::compare(&read(&old), &read(&new));
    assert!(records_in(&c, ChangeStatus::Removed).is_empty());
    assert!(records_in(&c, ChangeStatus::Added).is_empty());
    let moved: Vec<&ParagraphChange> = c
        .paragraphs
        .iter()
        .filter(|p| p.old_part.is_some())
        .collect();
    assert_eq!(moved.len(), 1);
    let p = moved[0];
    assert_eq!(
        (p.old_part, p.part),
        (Some(Part::Operative), Part::Preamble)
    );
    assert!(p.moved);
    assert_eq!(p.status, ChangeStatus::Modified);
    let lead = p.lead_change.as_ref().expect("lead change");
    assert_eq!(
        (lead.old.as_str(), lead.new.as_str(), lead.direction),
        ("Encourages", "Encouraging", Direction::Weaker)
    );
    assert_eq!(c.summary.preamble.from_other_part, 1);
    assert_eq!(c.summary.leads_weakened, 1);

    // The reverse: PP9 "Stressing the importance of continuing …" becomes
    // the last operative paragraph "Stresses the importance …".
    let stressing = old
        .lines()
        .find(|l| l.starts_with("_Stressing_"))
        .expect("PP9")
        .to_string();
    let promoted = format!(
        "10. {}",
        stressing
            .replacen("_Stressing_", "_Stresses_", 1)
            .trim_end_matches(',')
    ) + ";";
    let mut new = edit(&old, &format!("{stressing}\n\n"), "");
    let op9 = operative_line(&new, 9).to_string();
    new = edit(&new, &op9, &format!("{op9}\n{promoted}"));
    let c = resdiff::compare(&read(&old), &read(&new));
    let p = c
        .paragraphs
        .iter()
        .find(|p| p.old_part == Some(Part::Preamble))
        .expect("promoted paragraph");
    assert_eq!(p.part, Part::Operative);
    assert_eq!(
        p.lead_change.as_ref().map(|l| l.direction),
        Some(Direction::Stronger)
    );
    assert!(records_in(&c, ChangeStatus::Added).is_empty());
    assert!(records_in(&c, ChangeStatus::Removed).is_empty());
}

fn shipped_77() -> String {
    std::fs::read_to_string(project_root().join("resolutions/csto/77.md")).expect("shipped text")
}

/// A record of the preamble opening with `opening`.
fn preambular<'a>(c: &'a Comparison, opening: &str) -> &'a ParagraphChange {
    c.paragraphs
        .iter()
        .find(|p| {
            p.part == Part::Preamble
                && p.new
                    .refs()
                    .first()
                    .is_some_and(|r| r.text.starts_with(opening))
        })
        .unwrap_or_else(|| panic!("no paragraph opening {opening}"))
}

/// The 77th-session draft moves the sessions on by two; a routine flag
/// must not also cover a citation's year moved by the same two years
/// (Security Council resolution 1631 (2005) → "1631 (2007)"), nor a date in
/// the past moved by two years (the memorandum signed on 17 January 2017).
#[test]
fn a_citation_or_a_historical_date_moved_by_the_interval_is_substance() {
    let mut new = edit(
        &shipped_77(),
        "resolution 1631 (2005)",
        "resolution 1631 (2007)",
    );
    new = edit(
        &new,
        "signing on 17 January 2017",
        "signing on 17 January 2019",
    );
    let c = resdiff::compare(&read(&shipped()), &read(&new));
    for opening in [
        "Referring to all previous relevant",
        "Welcoming the signing on",
    ] {
        let p = preambular(&c, opening);
        assert_eq!(p.status, ChangeStatus::Modified, "{opening}");
        assert!(!p.routine, "{opening}: {:?}", p.words);
        assert!(p.words.iter().all(|w| !w.routine), "{opening}");
    }
    // The session updates of OP8 and OP9 stay routine.
    assert_eq!(c.summary.routine, 2);
}

/// The preamble's "Commending the practical steps … Global Counter-Terrorism
/// Strategy" (PP10) and "Noting the important efforts … "Nelegal" …"
/// (PP12), with PP11 between them, become one paragraph where PP10 stood:
/// a merge of two paragraphs that were not adjacent, nothing removed.
#[test]
fn two_paragraphs_apart_merged_into_one_are_a_merge() {
    let old = shipped();
    let line = |opening: &str| {
        old.lines()
            .find(|l| l.starts_with(opening))
            .unwrap_or_else(|| panic!("{opening}"))
            .to_string()
    };
    let (commending, noting) = (line("_Commending_"), line("_Noting_ the important"));
    let merged = format!(
        "{}, and noting {}",
        commending.trim_end_matches(','),
        noting.trim_start_matches("_Noting_ ")
    );
    let mut new = edit(&old, &format!("{noting}\n\n"), "");
    new = edit(&new, &commending, &merged);
    let c = resdiff::compare(&read(&old), &read(&new));
    assert!(
        records_in(&c, ChangeStatus::Removed).is_empty(),
        "{:?}",
        c.concordance
    );
    let merges = records_in(&c, ChangeStatus::Merged);
    assert_eq!(merges.len(), 1);
    let olds: Vec<usize> = merges[0].old.refs().iter().map(|r| r.index).collect();
    assert_eq!(olds, [10, 12]);
    assert_eq!(merges[0].part, Part::Preamble);
}

/// OP3 "Welcomes the efforts … for such cooperation, and encourages them to
/// continue their collaboration, including the exchange of information;"
/// split into OP3 (the welcome) and a new OP4 "Encourages the secretariats
/// to continue their collaboration, including the exchange of information,
/// and the development of their direct contacts in areas of mutual
/// interest;" (the continuation expanded with words of OP6): one paragraph
/// split, its redline deleting nothing that only moved.
#[test]
fn a_paragraph_split_into_a_kept_part_and_an_expanded_continuation_is_a_split() {
    let old = shipped();
    let op3 = operative_line(&old, 3).to_string();
    let (kept, _) = op3
        .split_once(", and encourages them")
        .expect("OP3's second clause");
    let mut new = old.clone();
    for n in (4..=9).rev() {
        new = edit(&new, &format!("\n{n}. _"), &format!("\n{}. _", n + 1));
    }
    new = edit(
        &new,
        &op3,
        &format!(
            "{kept};\n4. _Encourages_ the secretariats to continue their collaboration, including the exchange of information, and the development of their direct contacts in areas of mutual interest;"
        ),
    );
    let c = resdiff::compare(&read(&old), &read(&new));
    let splits = records_in(&c, ChangeStatus::Split);
    assert_eq!(splits.len(), 1, "{:?}", c.concordance);
    let news: Vec<Option<String>> = splits[0]
        .new
        .refs()
        .iter()
        .map(|r| r.number.clone())
        .collect();
    assert_eq!(news, [Some("3".into()), Some("4".into())]);
    assert!(records_in(&c, ChangeStatus::Added).is_empty());
    // Deleted: only the joining ", and encourages them" of the old text.
    let deleted: String = splits[0]
        .words
        .iter()
        .filter(|w| w.op == resdiff::comparison::WordOpKind::Delete)
        .map(|w| w.text.as_str())
        .collect();
    assert_eq!(deleted.trim(), ", and encourages them");
}
