//! The alignment against the true pairing of real version pairs
//! (`tests/truth/pairs/*.toml`), written by reading both texts of each pair
//! in full without running resdiff: which old paragraph became which new
//! one, splits, merges, moves between the parts, lead changes and routine
//! updates. Measured as precision and recall of the pairing edges (an edge
//! is one old paragraph → one new paragraph of a link), not as snapshots.
//!
//! `cargo test pairing -- --nocapture` prints the figures of every pair.

use std::collections::BTreeSet;
use std::path::PathBuf;

use serde::Deserialize;

use resdiff::Comparison;
use resdiff::comparison::{ChangeStatus, ParagraphChange, ParagraphRef};
use resdiff::model::Part;

use crate::common::{project_root, shared_corpus};

#[derive(Deserialize)]
struct Table {
    pair: Vec<Pair>,
}

#[derive(Deserialize)]
pub(crate) struct Pair {
    pub(crate) name: String,
    pub(crate) old: String,
    pub(crate) new: String,
    pub(crate) link: Vec<TrueLink>,
    /// True edges the links cannot express (an old paragraph that is part
    /// of a merge and also of a split): not required, not false.
    #[serde(default)]
    pub(crate) also: Vec<[String; 2]>,
}

#[derive(Deserialize)]
pub(crate) struct TrueLink {
    pub(crate) old: Vec<String>,
    pub(crate) new: Vec<String>,
    status: String,
    lead: Option<Vec<String>>,
    #[serde(default)]
    routine: bool,
    /// The reader's own doubt about the link.
    #[serde(default)]
    doubtful: bool,
}

pub(crate) fn tables() -> Vec<Pair> {
    let dir = project_root().join("tests/truth/pairs");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/truth/pairs")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    files
        .iter()
        .flat_map(|path| {
            let text = std::fs::read_to_string(path).expect("truth table");
            let table: Table =
                toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            table.pair
        })
        .collect()
}

/// A truth table's path: under the corpus, or `resolutions/` of the project.
fn path_of(corpus: &std::path::Path, file: &str) -> PathBuf {
    if file.starts_with("resolutions/") {
        project_root().join(file)
    } else {
        corpus.join(file)
    }
}

fn compare(corpus: &std::path::Path, pair: &Pair) -> Comparison {
    let load = |file: &str| {
        resdiff::load_file(&path_of(corpus, file), None)
            .unwrap_or_else(|e| panic!("{file}: {e}"))
            .resolution
    };
    resdiff::compare(&load(&pair.old), &load(&pair.new))
}

/// "PP3", "OP12", "OP5(a)": the truth tables' labels.
fn label(part: Part, r: &ParagraphRef, parent: Option<&str>) -> String {
    match parent {
        Some(parent) => format!(
            "{parent}({})",
            r.number.clone().unwrap_or_else(|| r.index.to_string())
        ),
        None => match (part, &r.number) {
            (Part::Operative, Some(n)) => format!("OP{n}"),
            (Part::Operative, None) => format!("OP{}", r.index),
            (Part::Preamble, _) => format!("PP{}", r.index),
            (Part::Annex, _) => format!("AN{}", r.index),
        },
    }
}

/// One reported link, in the truth tables' terms.
#[derive(Debug)]
struct Found {
    old: Vec<String>,
    new: Vec<String>,
    status: ChangeStatus,
    lead: Option<(String, String, String)>,
    routine: bool,
    rewritten: bool,
}

fn found(c: &Comparison) -> Vec<Found> {
    fn walk(p: &ParagraphChange, parents: (Option<&str>, Option<&str>), out: &mut Vec<Found>) {
        let old_part = p.old_part.unwrap_or(p.part);
        let old: Vec<String> = p
            .old
            .refs()
            .iter()
            .map(|r| label(old_part, r, parents.0))
            .collect();
        let new: Vec<String> = p
            .new
            .refs()
            .iter()
            .map(|r| label(p.part, r, parents.1))
            .collect();
        out.push(Found {
            old: old.clone(),
            new: new.clone(),
            status: p.status,
            lead: p.lead_change.as_ref().map(|l| {
                (
                    l.old.clone(),
                    l.new.clone(),
                    format!("{:?}", l.direction).to_lowercase(),
                )
            }),
            routine: p.routine,
            rewritten: p.rewritten,
        });
        // Sub-paragraphs are labelled under their parent on each side (the
        // first paragraph of a split or merge).
        for sub in &p.subparagraphs {
            walk(
                sub,
                (
                    old.first().map(String::as_str),
                    new.first().map(String::as_str),
                ),
                out,
            );
        }
    }
    let mut out = Vec::new();
    for p in &c.paragraphs {
        walk(p, (None, None), &mut out);
    }
    out
}

pub(crate) fn edges<'a>(
    links: impl Iterator<Item = (&'a [String], &'a [String])>,
) -> BTreeSet<(String, String)> {
    let mut out = BTreeSet::new();
    for (old, new) in links {
        for o in old {
            for n in new {
                out.insert((o.clone(), n.clone()));
            }
        }
    }
    out
}

/// The figures of one pair, and every disagreement in words.
struct Scores {
    /// Edges of the links the reader did not mark doubtful, and how many
    /// of them were found.
    firm: (usize, usize),
    true_edges: usize,
    found_edges: usize,
    correct: usize,
    /// Of the true links both sides of which the engine reports as one link:
    /// how many with the true status, lead change and routine flag.
    statuses: (usize, usize),
    leads: (usize, usize),
    routine: (usize, usize),
    wrong: Vec<String>,
    missed: Vec<String>,
    misjudged: Vec<String>,
    /// Links found marked rewritten.
    rewritten: usize,
}

fn score(pair: &Pair, c: &Comparison) -> Scores {
    let reported = found(c);
    let truth = edges(pair.link.iter().map(|l| (&l.old[..], &l.new[..])));
    let got = edges(reported.iter().map(|f| (&f.old[..], &f.new[..])));
    let also: BTreeSet<(String, String)> = pair
        .also
        .iter()
        .map(|[o, n]| (o.clone(), n.clone()))
        .collect();
    let got: BTreeSet<(String, String)> = got.difference(&also).cloned().collect();
    let correct = truth.intersection(&got).count();
    let firm = edges(
        pair.link
            .iter()
            .filter(|l| !l.doubtful)
            .map(|l| (&l.old[..], &l.new[..])),
    );
    let show = |(o, n): &(String, String)| format!("{o} -> {n}");
    let mut s = Scores {
        firm: (firm.intersection(&got).count(), firm.len()),
        true_edges: truth.len(),
        found_edges: got.len(),
        correct,
        statuses: (0, 0),
        leads: (0, 0),
        routine: (0, 0),
        wrong: got.difference(&truth).map(show).collect(),
        missed: truth.difference(&got).map(show).collect(),
        misjudged: Vec::new(),
        rewritten: reported.iter().filter(|f| f.rewritten).count(),
    };
    for t in &pair.link {
        let Some(f) = reported.iter().find(|f| f.old == t.old && f.new == t.new) else {
            continue;
        };
        let name = format!("{} -> {}", t.old.join("+"), t.new.join("+"));
        s.statuses.1 += 1;
        if f.status.name() == t.status {
            s.statuses.0 += 1;
        } else {
            s.misjudged
                .push(format!("{name}: status {} (true: {})", f.status, t.status));
        }
        s.leads.1 += 1;
        let true_lead = t
            .lead
            .as_ref()
            .map(|l| l.get(2).cloned().unwrap_or_default());
        let found_lead = f.lead.as_ref().map(|l| l.2.clone());
        if true_lead == found_lead {
            s.leads.0 += 1;
        } else {
            s.misjudged
                .push(format!("{name}: lead {:?} (true: {:?})", f.lead, t.lead));
        }
        s.routine.1 += 1;
        if f.routine == t.routine {
            s.routine.0 += 1;
        } else {
            s.misjudged.push(format!(
                "{name}: routine {} (true: {})",
                f.routine, t.routine
            ));
        }
    }
    s
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// The pairing recall each pair must reach: the figures of today, so a
/// change that loses a true pairing fails (before the rewritten pairs of
/// `align::gaps` and `groups::absorb`: 0.622 and 0.381 on the Somalia
/// pairs). Precision must be
/// 1, and so must the agreement on status and routine of the links found.
/// The two Somalia pairs fall short where the truth rests on a reader's
/// judgement of subject alone (a merge member sharing 15% of its words).
const FLOORS: &[(&str, f64)] = &[
    ("csto-75-77", 1.0),
    ("cuba-73-80", 1.0),
    ("somalia-2018-2019", 36.0 / 45.0),
    ("somalia-2019-2020", 12.0 / 21.0),
    ("south-sudan-2017-2019", 1.0),
    ("sudan-2018-2020", 1.0),
];

#[cfg_attr(corpus_missing, ignore = "needs ../shared/corpus")]
#[test]
fn pairing_matches_the_truth_tables_of_real_pairs() {
    let Some(corpus) = shared_corpus() else {
        return;
    };
    let mut failures = Vec::new();
    let (mut true_edges, mut found_edges, mut correct) = (0, 0, 0);
    let mut firm = (0, 0);
    let pairs = tables();
    assert_eq!(pairs.len(), FLOORS.len(), "a floor for every pair");
    for pair in &pairs {
        let c = compare(&corpus, pair);
        assert_totals_add_up(&pair.name, &c);
        let s = score(pair, &c);
        let (precision, recall) = (
            ratio(s.correct, s.found_edges),
            ratio(s.correct, s.true_edges),
        );
        println!(
            "{}: precision {:.3} ({}/{}), recall {:.3} ({}/{}; of the links not marked doubtful {}/{}); status {}/{}, lead {}/{}, routine {}/{}; {} rewritten",
            pair.name,
            precision,
            s.correct,
            s.found_edges,
            recall,
            s.correct,
            s.true_edges,
            s.firm.0,
            s.firm.1,
            s.statuses.0,
            s.statuses.1,
            s.leads.0,
            s.leads.1,
            s.routine.0,
            s.routine.1,
            s.rewritten
        );
        for line in s
            .wrong
            .iter()
            .map(|w| format!("  false pairing {w}"))
            .chain(s.missed.iter().map(|m| format!("  missed {m}")))
            .chain(s.misjudged.iter().map(|m| format!("  {m}")))
        {
            println!("{line}");
        }
        true_edges += s.true_edges;
        firm = (firm.0 + s.firm.0, firm.1 + s.firm.1);
        found_edges += s.found_edges;
        correct += s.correct;
        let floor = FLOORS
            .iter()
            .find(|(name, _)| *name == pair.name)
            .map_or(1.0, |(_, f)| *f);
        if !s.wrong.is_empty() {
            failures.push(format!("{}: false pairings {:?}", pair.name, s.wrong));
        }
        if s.statuses.0 != s.statuses.1 || s.routine.0 != s.routine.1 {
            failures.push(format!("{}: {:?}", pair.name, s.misjudged));
        }
        if recall + 1e-9 < floor {
            failures.push(format!("{}: recall {recall:.3} below {floor}", pair.name));
        }
    }
    println!(
        "all pairs: precision {:.3} ({correct}/{found_edges}), recall {:.3} ({correct}/{true_edges}), of the links not marked doubtful {:.3} ({}/{})",
        ratio(correct, found_edges),
        ratio(correct, true_edges),
        ratio(firm.0, firm.1),
        firm.0,
        firm.1
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The summary's counts add up: per part, its statuses count every record
/// of the part, and the records cover every paragraph of both versions
/// once.
fn assert_totals_add_up(name: &str, c: &Comparison) {
    for part in [Part::Preamble, Part::Operative, Part::Annex] {
        let counts = c.summary.part(part);
        let statuses: usize = ChangeStatus::ALL.iter().map(|&st| counts.get(st)).sum();
        let records = c.paragraphs.iter().filter(|p| p.part == part).count();
        assert_eq!(statuses, records, "{name} {part:?}");
        let across = c
            .paragraphs
            .iter()
            .filter(|p| p.part == part && p.old_part.is_some());
        assert_eq!(counts.from_other_part, across.count(), "{name} {part:?}");
    }
    let old: usize = c.paragraphs.iter().map(|p| p.old.refs().len()).sum();
    let new: usize = c.paragraphs.iter().map(|p| p.new.refs().len()).sum();
    // The concordance names each of them.
    let named = |side: fn(&resdiff::comparison::Concordance) -> Option<&String>| {
        c.concordance
            .iter()
            .filter_map(side)
            .collect::<BTreeSet<_>>()
            .len()
    };
    assert_eq!(named(|r| r.old.as_ref()), old, "{name}: old paragraphs");
    assert_eq!(named(|r| r.new.as_ref()), new, "{name}: new paragraphs");
}

/// The truth tables are complete: every paragraph of both versions is in
/// exactly one top-level link, so a pairing cannot hide by being left out.
#[cfg_attr(corpus_missing, ignore = "needs ../shared/corpus")]
#[test]
fn every_truth_table_covers_both_versions_once() {
    let Some(corpus) = shared_corpus() else {
        return;
    };
    for pair in tables() {
        let c = compare(&corpus, &pair);
        let top = |labels: &[String]| -> Vec<String> {
            labels
                .iter()
                .filter(|l| !l.contains('('))
                .cloned()
                .collect()
        };
        for (side, mut listed, mut actual) in [
            (
                "old",
                pair.link
                    .iter()
                    .flat_map(|l| top(&l.old))
                    .collect::<Vec<_>>(),
                found(&c)
                    .iter()
                    .flat_map(|f| top(&f.old))
                    .collect::<Vec<_>>(),
            ),
            (
                "new",
                pair.link.iter().flat_map(|l| top(&l.new)).collect(),
                found(&c).iter().flat_map(|f| top(&f.new)).collect(),
            ),
        ] {
            listed.sort();
            actual.sort();
            assert_eq!(listed, actual, "{} {side}: every paragraph once", pair.name);
        }
    }
}

/// Every pairing record says how sure it is, from 0 to 1, and why
/// (`ParagraphChange::pairing`); an added or removed paragraph has none.
/// The same words are sure; a pairing on its frame alone (rewritten) never
/// is, so the reports ask the reader to look at it.
#[cfg_attr(corpus_missing, ignore = "needs ../shared/corpus")]
#[test]
fn every_pairing_says_how_sure_it_is_and_a_frame_alone_is_never_sure() {
    let Some(corpus) = shared_corpus() else {
        return;
    };
    let mut levels = std::collections::BTreeMap::<&str, usize>::new();
    let mut rewritten = 0;
    for pair in tables() {
        let c = compare(&corpus, &pair);
        let mut records: Vec<&ParagraphChange> = c.paragraphs.iter().collect();
        while let Some(r) = records.pop() {
            records.extend(r.subparagraphs.iter());
            let unpaired = matches!(r.status, ChangeStatus::Added | ChangeStatus::Removed);
            assert_eq!(r.pairing.is_none(), unpaired, "{}: {r:?}", pair.name);
            let Some(p) = &r.pairing else { continue };
            assert!((0.0..=1.0).contains(&p.confidence), "{p:?}");
            if r.status == ChangeStatus::Unchanged && !r.moved {
                assert_eq!(p.confidence, 1.0, "{}: {p:?}", pair.name);
            }
            if r.rewritten {
                rewritten += 1;
                assert!(
                    p.confidence < resdiff::comparison::Pairing::SURE,
                    "{}: rewritten yet sure: {p:?}",
                    pair.name
                );
            }
            *levels.entry(p.level().name()).or_default() += 1;
        }
    }
    println!("pairings by confidence: {levels:?}");
    assert!(rewritten > 0, "the tables hold rewritten pairings");
}

/// The reports tell the reader how sure each pairing below sure is, and
/// why, in every format: S/2019/266 OP20 ("Commends the Federal Government
/// of Somalia for signing the Convention …") became S/2020/445 OP32 ("Calls
/// on Somali authorities …"), paired on the passage "to accelerate the
/// implementation of the Joint Communiqué and the National Action Plan to
/// combat sexual violence in conflict", twelve places away.
#[cfg_attr(corpus_missing, ignore = "needs ../shared/corpus")]
#[test]
fn the_reports_say_how_sure_a_pairing_is_and_why() {
    let Some(corpus) = shared_corpus() else {
        return;
    };
    let run = |format: &str| {
        let out = crate::common::resdiff()
            .arg("compare")
            .arg(corpus.join("sc/S_2019_266.pdf"))
            .arg(corpus.join("sc/S_2020_445.pdf"))
            .args(["--format", format, "--color", "never"])
            .output()
            .unwrap();
        crate::common::assert_success(&out);
        String::from_utf8(out.stdout).unwrap()
    };
    let json: serde_json::Value = serde_json::from_str(&run("json")).unwrap();
    let op32 = json["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["new"]["number"] == "32")
        .expect("a record for new OP32");
    assert_eq!(op32["old"]["number"], "20");
    let pairing = &op32["pairing"];
    let confidence = pairing["confidence"].as_f64().unwrap();
    assert!(confidence > 0.0 && confidence < 0.9, "{pairing}");
    assert!(
        pairing["unique_phrases"].as_u64().unwrap() >= 8,
        "{pairing}"
    );
    assert_eq!(pairing["same_place"], false);
    let below_sure = json["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["pairing"]["confidence"].as_f64().is_some_and(|c| c < 0.9))
        .count();
    assert!(below_sure > 0);
    let percent = format!("({}%)", (confidence * 100.0).round());
    for format in ["text", "md", "html"] {
        let report = run(format);
        assert_eq!(
            report.matches("Pairing likely").count() + report.matches("Pairing to check").count(),
            below_sure,
            "{format}"
        );
        assert!(report.contains(&percent), "{format}: {percent}");
        assert!(report.contains("phrases only these share: "), "{format}");
    }
}
