//! `resdiff history` on the three Somalia versions (S/2018/257,
//! S/2019/266, S/2020/445, read from their PDFs as the truth tables were):
//! every link of the lineage, from one version to the next, is a link of
//! the truth tables written by reading the texts (`tests/truth/pairs`),
//! and the chaining loses none of the pairwise engine's links.

use std::collections::BTreeSet;

use crate::common::{resdiff, shared_corpus};
use crate::pairing::{edges, tables};

const SOMALIA: [&str; 3] = [
    "sc/S_2018_257.pdf",
    "sc/S_2019_266.pdf",
    "sc/S_2020_445.pdf",
];

/// The links of step `k` → `k + 1` of a history: a line's two cells, a
/// split piece from its whole, a merged paragraph into its line.
fn links(h: &resdiff::History, k: usize) -> BTreeSet<(String, String)> {
    let label = |id: usize, v: usize| {
        h.lines
            .iter()
            .find(|l| l.id == id)
            .and_then(|l| l.cells[v].as_ref())
            .map(|c| c.label.clone())
    };
    let mut out = BTreeSet::new();
    for line in &h.lines {
        let (here, next) = (&line.cells[k], &line.cells[k + 1]);
        if let (Some(a), Some(b)) = (here, next) {
            out.insert((a.label.clone(), b.label.clone()));
        }
        if let (Some(from), None, Some(b)) = (line.split_from, here, next)
            && let Some(a) = label(from, k)
        {
            out.insert((a, b.label.clone()));
        }
        if let (Some(into), Some(a), None) = (line.merged_into, here, next)
            && let Some(b) = label(into, k + 1)
        {
            out.insert((a.label.clone(), b));
        }
    }
    out
}

/// The three Somalia versions, read from their PDFs.
fn somalia(corpus: &std::path::Path) -> Vec<resdiff::Resolution> {
    SOMALIA
        .iter()
        .map(|f| {
            resdiff::load_file(&corpus.join(f), None)
                .unwrap()
                .resolution
        })
        .collect()
}

/// The three Somalia PDFs as command-line arguments.
fn somalia_files(corpus: &std::path::Path) -> Vec<String> {
    SOMALIA
        .iter()
        .map(|f| corpus.join(f).display().to_string())
        .collect()
}

/// What `resdiff ARGS FILES` prints, which must succeed.
fn stdout_of(args: &[&str], files: &[String]) -> String {
    let out = resdiff()
        .args(args)
        .args(files)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).unwrap()
}

/// The top-level paragraphs of a version: what the history has a cell for.
fn paragraphs(r: &resdiff::Resolution) -> usize {
    r.preamble.len() + r.operative.len() + r.part(resdiff::Part::Annex).len()
}

#[test]
fn the_somalia_lineage_follows_the_truth_tables_step_by_step() {
    let Some(corpus) = shared_corpus() else {
        return;
    };
    let versions = somalia(&corpus);
    let h = resdiff::history(&versions);
    assert_eq!(h.versions.len(), 3);
    // Every paragraph of every version stands in exactly one line.
    for (k, v) in versions.iter().enumerate() {
        let cells = h.lines.iter().filter(|l| l.cells[k].is_some()).count();
        assert_eq!(cells, paragraphs(v));
    }
    let all = tables();
    for k in 0..2 {
        let pair = all
            .iter()
            .find(|p| p.old == SOMALIA[k] && p.new == SOMALIA[k + 1])
            .expect("a truth table for the step");
        // Top-level paragraphs only: the history follows paragraphs; their
        // sub-paragraphs are inside each cell's redline.
        let top =
            |l: &&crate::pairing::TrueLink| !l.old.iter().chain(&l.new).any(|x| x.contains('('));
        let mut truth = edges(
            pair.link
                .iter()
                .filter(top)
                .map(|l| (&l.old[..], &l.new[..])),
        );
        truth.extend(pair.also.iter().map(|[o, n]| (o.clone(), n.clone())));
        let found = links(&h, k);
        let wrong: Vec<_> = found.difference(&truth).collect();
        assert!(
            wrong.is_empty(),
            "{}: links not in the truth table: {wrong:?}",
            pair.name
        );
        // The chaining keeps every link the pairwise comparison found.
        let c = resdiff::compare(&versions[k], &versions[k + 1]);
        let pairwise = c
            .paragraphs
            .iter()
            .filter(|p| !p.old.is_none() && !p.new.is_none())
            // One side is a single paragraph: its edges, one per other.
            .map(|p| p.old.refs().len() + p.new.refs().len() - 1)
            .sum::<usize>();
        assert_eq!(found.len(), pairwise, "{}", pair.name);
    }
    // The truth tables chain 26 paragraphs of S/2018/257 into S/2020/445;
    // the engine finds both links of 11 of them (its recall on the Somalia
    // steps, issue 10, bounds this). A floor, so that it only goes up.
    assert!(h.kept_throughout() >= 11, "{}", h.kept_throughout());
}

#[test]
fn history_prints_a_grid_in_every_format_and_needs_two_versions() {
    let Some(corpus) = shared_corpus() else {
        return;
    };
    let files = somalia_files(&corpus);
    let text = stdout_of(&["history"], &files);
    assert!(text.starts_with("History of sc: 3 versions"), "{text}");
    assert!(
        text.contains("S/2018/257  S/2019/266  S/2020/445"),
        "{text}"
    );
    let json = stdout_of(&["history", "--format", "json"], &files);
    let h: resdiff::History = serde_json::from_str(&json).unwrap();
    assert_eq!(h.versions.len(), 3);
    let md = stdout_of(&["history", "--format", "md"], &files);
    assert!(md.contains("| line | S/2018/257 | S/2019/266 | S/2020/445 | opening | note |"));
    let html = stdout_of(&["history", "--format", "html"], &files);
    assert!(
        html.contains("<details><summary>") && html.contains("<del>"),
        "a changed cell opens on its redline"
    );
    resdiff()
        .args(["history", &files[0]])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("two versions or more"));
}

#[test]
fn history_of_a_series_of_the_shipped_resolutions() {
    let out = resdiff()
        .current_dir(crate::common::project_root())
        .args(["history", "csto"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(
        out.starts_with("History of csto: 2 versions\n  1. A/75/L.78\n"),
        "{out}"
    );
    // Every paragraph of 75.md has its line, and the grid says what 77 did.
    assert!(out.contains("\n1     PP1        PP1 ="), "{out}");
    resdiff()
        .current_dir(crate::common::project_root())
        .args(["history"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "the corpus has csto, cuba-embargo",
        ));
}

#[test]
fn blame_of_the_last_somalia_version_spells_each_paragraph_and_dates_it_truly() {
    let Some(corpus) = shared_corpus() else {
        return;
    };
    let versions = somalia(&corpus);
    let h = resdiff::history(&versions);
    let b = resdiff::history::blame(&h);
    let last = &versions[2];
    assert_eq!(b.paragraphs.len(), paragraphs(last));
    // The truth tables' links of each step, top-level paragraphs.
    let all = tables();
    let step = |k: usize| {
        let pair = all
            .iter()
            .find(|p| p.old == SOMALIA[k] && p.new == SOMALIA[k + 1])
            .unwrap();
        edges(pair.link.iter().map(|l| (&l.old[..], &l.new[..])))
    };
    let (first, second) = (step(0), step(1));
    let mut older = 0;
    for p in &b.paragraphs {
        let text: String = p.runs.iter().map(|r| r.text.as_str()).collect();
        let cell = h.lines.iter().find(|l| l.id == p.line).unwrap().cells[2]
            .as_ref()
            .unwrap();
        assert_eq!(text, cell.text, "{}", p.label);
        assert!(
            p.runs
                .iter()
                .all(|r| r.version >= p.introduced && r.version <= 2),
            "{}",
            p.label
        );
        // Said to be older than S/2020/445: the truth tables agree that it
        // came from S/2019/266 (and, for S/2018/257, from there before).
        if p.introduced < 2 {
            older += 1;
            let from: Vec<&String> = second
                .iter()
                .filter(|(_, n)| *n == p.label)
                .map(|(o, _)| o)
                .collect();
            assert!(
                !from.is_empty(),
                "{} is not from S/2019/266 in the truth table",
                p.label
            );
            if p.introduced == 0 {
                assert!(
                    from.iter().any(|o| first.iter().any(|(_, n)| n == *o)),
                    "{} is not from S/2018/257 in the truth tables",
                    p.label
                );
            }
        }
    }
    assert!(older >= 11, "{older}");
    // Through the binary, in every format.
    let files = somalia_files(&corpus);
    for format in ["text", "md", "html", "json"] {
        let out = stdout_of(&["blame", "--format", format], &files);
        assert!(out.contains("S/2020/445"), "{format}");
    }
}

/// S/2020/445 as read, and a copy edited the way a next draft would be:
/// in OP2, sub-paragraph (b) reworded ("regular" → "frequent") and (d)
/// dropped. No series of the corpus has sub-paragraphs in two versions.
fn with_edited_subparagraphs(
    corpus: &std::path::Path,
) -> (resdiff::Resolution, resdiff::Resolution) {
    let path = corpus.join("sc/S_2020_445.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    let (b, d) = (
        "(b) Reinstitute regular meetings of the National Security Council",
        "(d) Develop and start implementing an achievable",
    );
    assert!(text.contains(b) && text.contains(d), "S/2020/445 changed");
    let edited: String = text
        .lines()
        .filter(|l| !l.starts_with(d))
        .map(|l| l.replacen("Reinstitute regular", "Reinstitute frequent", 1) + "\n")
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("S_2020_445.txt");
    std::fs::write(&copy, edited).unwrap();
    (
        resdiff::load_file(&path, None).unwrap().resolution,
        resdiff::load_file(&copy, None).unwrap().resolution,
    )
}

#[test]
fn sub_paragraphs_keep_their_own_lines_and_blame() {
    use resdiff::comparison::ChangeStatus;
    let Some(corpus) = shared_corpus() else {
        return;
    };
    let (old, new) = with_edited_subparagraphs(&corpus);
    let h = resdiff::history(&[old, new.clone()]);
    let op2 = h
        .lines
        .iter()
        .find(|l| l.cells[0].as_ref().is_some_and(|c| c.label == "OP2"))
        .unwrap();
    let row = |i: usize| {
        let sub = &op2.subparagraphs[i];
        let label = |k: usize| sub.cells[k].as_ref().map(|c| c.label.clone());
        let status = sub.cells[1]
            .as_ref()
            .and_then(|c| c.change.as_ref())
            .map(|c| c.status);
        (label(0), label(1), status)
    };
    let some = |s: &str| Some(s.to_string());
    assert_eq!(op2.subparagraphs.len(), 4);
    assert_eq!(
        row(0),
        (some("(a)"), some("(a)"), Some(ChangeStatus::Unchanged))
    );
    assert_eq!(
        row(1),
        (some("(b)"), some("(b)"), Some(ChangeStatus::Modified))
    );
    assert_eq!(
        row(2),
        (some("(c)"), some("(c)"), Some(ChangeStatus::Unchanged))
    );
    assert_eq!(row(3), (some("(d)"), None, None));
    // Every other paragraph with sub-paragraphs keeps them all, unchanged.
    for line in h.lines.iter().filter(|l| l.id != op2.id) {
        for sub in &line.subparagraphs {
            let status = sub.cells[1]
                .as_ref()
                .and_then(|c| c.change.as_ref())
                .map(|c| c.status);
            assert_eq!(
                status,
                Some(ChangeStatus::Unchanged),
                "line {} sub {}",
                line.id,
                sub.id
            );
        }
    }
    // Blame: the new word is the second version's, the rest the first's,
    // and the runs spell each sub-paragraph as printed.
    let b = resdiff::history::blame(&h);
    let blamed = b.paragraphs.iter().find(|p| p.label == "OP2").unwrap();
    let labels: Vec<&str> = blamed
        .subparagraphs
        .iter()
        .map(|s| s.label.as_str())
        .collect();
    assert_eq!(labels, ["(a)", "(b)", "(c)"]);
    let sub_b = &blamed.subparagraphs[1];
    let second: Vec<&str> = sub_b
        .runs
        .iter()
        .filter(|r| r.version == 1)
        .map(|r| r.text.trim())
        .collect();
    assert_eq!(second, ["frequent"]);
    let printed = &new.operative[1].subparagraphs;
    for (s, p) in blamed.subparagraphs.iter().zip(printed) {
        let spelled: String = s.runs.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(spelled, p.text);
    }
    // The grid and the blame show them, under their paragraph.
    let grid = resdiff::render::history_text(&h).unwrap();
    let row_of = |sub: usize| format!("{}.{sub} ", op2.id);
    assert!(
        grid.lines()
            .any(|l| l.starts_with(&row_of(2)) && l.contains("(b) ~")),
        "{grid}"
    );
    assert!(
        grid.lines()
            .any(|l| l.starts_with(&row_of(4)) && l.contains("(d)")),
        "{grid}"
    );
    let blame_text = resdiff::render::blame_text(&b).unwrap();
    assert!(
        blame_text.contains("OP2 (b)  since") && blame_text.contains("[2: frequent"),
        "{blame_text}"
    );
}

/// The shipped French MINURSO series, every version, as `resdiff history
/// minurso --format json` gives it.
fn minurso_history() -> resdiff::History {
    let out = resdiff()
        .current_dir(crate::common::project_root())
        .args(["history", "minurso", "--format", "json", "-q"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).unwrap()
}

/// The version of `h` named `symbol`.
fn version_of(h: &resdiff::History, symbol: &str) -> usize {
    h.versions
        .iter()
        .position(|m| m.symbol.as_deref() == Some(symbol))
        .unwrap_or_else(|| panic!("no {symbol}"))
}

#[test]
fn a_paragraph_back_after_two_renewals_away_continues_its_line() {
    // S/RES/1541 (2004) OP3, "Demande à toutes les parties et aux États de
    // la région de coopérer pleinement …", is S/RES/1495 (2003) OP3 word
    // for word; the two technical renewals between (1513, 1523) lack it.
    // Its "Réaffirmant sa volonté …" (PP2) is 1495's PP4 too, retouched.
    let h = minurso_history();
    let (v1495, v1513, v1523, v1541) = (
        version_of(&h, "S/RES/1495 (2003)"),
        version_of(&h, "S/RES/1513 (2003)"),
        version_of(&h, "S/RES/1523 (2004)"),
        version_of(&h, "S/RES/1541 (2004)"),
    );
    let line_at = |v: usize, label: &str| {
        h.lines
            .iter()
            .find(|l| l.cells[v].as_ref().is_some_and(|c| c.label == label))
            .unwrap_or_else(|| panic!("no {label} in version {v}"))
    };
    for (now, then, status) in [
        ("OP3", "OP3", resdiff::comparison::ChangeStatus::Unchanged),
        ("PP2", "PP4", resdiff::comparison::ChangeStatus::Modified),
    ] {
        let line = line_at(v1541, now);
        let before = line.cells[v1495].as_ref();
        assert_eq!(before.map(|c| c.label.as_str()), Some(then), "{now}");
        assert!(line.cells[v1513].is_none() && line.cells[v1523].is_none());
        let change = line.cells[v1541].as_ref().unwrap().change.as_ref();
        assert_eq!(change.and_then(|c| c.restored_from), Some(v1495), "{now}");
        assert_eq!(change.map(|c| c.status), Some(status), "{now}");
    }
    // The grid and the blame say so.
    let grid = String::from_utf8(
        resdiff()
            .current_dir(crate::common::project_root())
            .args(["history", "minurso", "-q"])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone(),
    )
    .unwrap();
    assert!(
        grid.contains("OP3 =^")
            && grid.contains("(restored in S/RES/1541 (2004) from S/RES/1495 (2003))"),
        "{grid}"
    );
    let blame = String::from_utf8(
        resdiff()
            .current_dir(crate::common::project_root())
            .args(["blame", "minurso", "-q"])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone(),
    )
    .unwrap();
    // 1871's PP4, "Demandant de nouveau aux parties et aux États de la
    // région …", is that paragraph moved to the preamble in 1570: it dates
    // from 1495, not from 1541.
    assert!(
        blame.contains("PP4  since S/RES/1495 (2003);")
            && blame.contains("restored in S/RES/1541 (2004) from S/RES/1495 (2003)"),
        "{blame}"
    );
}

#[test]
fn blame_prints_the_last_version_in_its_own_order() {
    // In S/RES/1871 (2009) the report paragraph ("Ayant examiné le rapport
    // du Secrétaire général …", 1541's) is PP12, and OP10 stands before
    // OP11: the lines' order (when each appeared) is not the document's.
    let h = minurso_history();
    let b = resdiff::history::blame(&h);
    let labels: Vec<&str> = b.paragraphs.iter().map(|p| p.label.as_str()).collect();
    let expected: Vec<String> = (1..=12)
        .map(|i| format!("PP{i}"))
        .chain((1..=11).map(|i| format!("OP{i}")))
        .collect();
    assert_eq!(labels, expected);
}

#[test]
fn a_preambular_paragraph_dropped_from_the_middle_version_is_restored_from_the_first() {
    // Three shipped renewals, the middle one (S/RES/1783 (2007)) without
    // its PP3 ("Réaffirmant sa volonté d’aider les parties …"), which 1754
    // and 1813 both have word for word.
    let root = crate::common::project_root().join("resolutions/minurso");
    let dir = tempfile::tempdir().unwrap();
    let wanted = "_Réaffirmant sa volonté_ d’aider les parties";
    let mut files = Vec::new();
    for name in ["1754.md", "1783.md", "1813.md"] {
        let text = std::fs::read_to_string(root.join(name)).unwrap();
        assert!(text.contains(wanted), "{name} changed");
        let text = if name == "1783.md" {
            text.lines()
                .filter(|l| !l.starts_with(wanted))
                .map(|l| format!("{l}\n"))
                .collect()
        } else {
            text
        };
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        files.push(path.display().to_string());
    }
    let json = stdout_of(&["history", "--format", "json", "-q"], &files);
    let h: resdiff::History = serde_json::from_str(&json).unwrap();
    let line = h
        .lines
        .iter()
        .find(|l| {
            l.cells[2]
                .as_ref()
                .is_some_and(|c| c.text.starts_with("Réaffirmant sa volonté"))
        })
        .unwrap();
    assert_eq!(
        line.cells[0].as_ref().map(|c| c.label.as_str()),
        Some("PP3")
    );
    assert!(line.cells[1].is_none());
    let change = line.cells[2].as_ref().unwrap().change.as_ref().unwrap();
    assert_eq!(change.restored_from, Some(0));
    assert_eq!(change.status, resdiff::comparison::ChangeStatus::Unchanged);
    // Its blame is the first version's wording, all of it.
    let b = resdiff::history::blame(&h);
    let pp3 = b.paragraphs.iter().find(|p| p.label == "PP3").unwrap();
    assert_eq!(pp3.introduced, 0);
    assert!(pp3.runs.iter().all(|r| r.version == 0), "{:?}", pp3.runs);
    assert_eq!(pp3.restored, [[2, 0]]);
    let text = stdout_of(&["blame", "-q"], &files);
    assert!(
        text.contains(
            "PP3  since S/RES/1754 (2007); restored in S/RES/1813 (2008) from S/RES/1754 (2007)"
        ),
        "{text}"
    );
}
