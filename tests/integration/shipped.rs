//! The shipped corpus is reproducible: `resolutions/csto/75.md` is exactly
//! what `resdiff import` makes of the source text with the flags below, and
//! `77.md` exactly what `resdiff draft 77 --from 75` makes of it.

use predicates::prelude::*;

use crate::common::{assert_success, project_root, resdiff, shared_corpus};

/// The flags `75.md` was imported with (README, "The corpus").
const IMPORT_FLAGS: &[&str] = &[
    "--series",
    "csto",
    "--session",
    "75",
    "--year",
    "2021",
    "--symbol",
    "A/75/L.78",
    "--date",
    "2021-05-11",
    "--title",
    "Cooperation between the United Nations and the Collective Security Treaty Organization",
    "--source",
    "Draft resolution A/75/L.78 as published on the web site of the Collective Security Treaty Organization (the document this project was created from; verbatim copy in shared/corpus/csto/A_75_L.78.txt). Imported with resdiff import and checked by hand against it: 15 preambular and 9 operative paragraphs, footnotes 2 to 7 (the text of footnote 1 is not in the source).",
];

fn shipped(version: &str) -> String {
    std::fs::read_to_string(project_root().join(format!("resolutions/csto/{version}.md"))).unwrap()
}

#[cfg_attr(corpus_missing, ignore = "needs ../shared/corpus")]
#[test]
fn the_75th_session_text_is_what_import_makes_of_the_source() {
    let Some(corpus) = shared_corpus() else {
        return;
    };
    let source = corpus.join("csto/A_75_L.78.txt");
    resdiff()
        .arg("import")
        .arg(&source)
        .args(IMPORT_FLAGS)
        .assert()
        .success()
        .stdout(shipped("75"))
        .stderr(predicate::str::contains(
            "footnote 1 is marked in the text but its footnote text is missing",
        ));
}

#[test]
fn the_77th_session_draft_is_what_draft_makes_of_75_and_changes_only_routine_references() {
    resdiff()
        .args(["draft", "77", "--from", "75", "-o", "-"])
        .assert()
        .success()
        .stdout(shipped("77"))
        .stderr(
            "drafted version 77 from csto 75 (A/75/L.78) into standard output: 2 routine updates\n  \
             OP8: seventy-seventh session -> seventy-ninth session\n  \
             OP9: seventy-seventh session -> seventy-ninth session\n",
        );
    // Outside those two ordinals, the paragraphs are the 75th-session text.
    let (old, new) = (shipped("75"), shipped("77"));
    let body = |t: &str| t.split("\n+++\n").nth(1).unwrap().to_string();
    assert_eq!(
        body(&old).replace("seventy-seventh session", "seventy-ninth session"),
        body(&new)
    );
    // The history stays: "its sixty-fourth session" is not moved on.
    assert!(new.contains("adopted by the General Assembly at its sixty-fourth session"));
    assert!(new.contains("generated_from = \"csto 75 (A/75/L.78)\""));
    assert!(new.contains("A draft, not an adopted text."));
}

#[test]
fn show_75_gives_the_15_and_9_paragraphs_with_their_leads() {
    let out = resdiff()
        .args(["show", "75", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let leads = |part: &str| -> Vec<String> {
        r[part]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["lead"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        leads("preamble"),
        [
            "Having considered",
            "Referring",
            "Referring also",
            "Referring further",
            "Referring",
            "Referring also",
            "Noting with satisfaction",
            "Encouraging",
            "Stressing",
            "Commending",
            "Welcoming",
            "Noting",
            "Noting with appreciation",
            "Welcoming",
            "Noting",
        ]
    );
    assert_eq!(
        leads("operative"),
        [
            "Takes note with appreciation",
            "Notes with appreciation",
            "Welcomes",
            "Invites",
            "Invites",
            "Invites",
            "Encourages",
            "Requests",
            "Decides",
        ]
    );
    let numbers: Vec<&str> = r["operative"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["number"].as_str().unwrap())
        .collect();
    assert_eq!(numbers, ["1", "2", "3", "4", "5", "6", "7", "8", "9"]);
    assert!(
        r["preamble"]
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p["number"].is_null())
    );
    let markers: Vec<&str> = r["footnotes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["marker"].as_str().unwrap())
        .collect();
    assert_eq!(markers, ["2", "3", "4", "5", "6", "7"]);
    // Footnote 1's marker is kept on the first preambular paragraph, after "organizations".
    let first = &r["preamble"][0];
    assert_eq!(first["footnotes"][0]["marker"], "1");
    let offset = first["footnotes"][0]["offset"].as_u64().unwrap() as usize;
    assert!(
        first["text"].as_str().unwrap()[..offset].ends_with("regional and other organizations")
    );
}

#[cfg_attr(corpus_missing, ignore = "needs ../shared/corpus")]
#[test]
fn import_write_read_round_trips_on_every_corpus_text() {
    let Some(corpus) = shared_corpus() else {
        return;
    };
    let mut checked = 0;
    for dir in ["csto", "sc"] {
        for entry in std::fs::read_dir(corpus.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "txt") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let meta = resdiff::parse::default_meta(&path);
            let imported = resdiff::parse::import::import_text(&text, meta)
                .unwrap()
                .resolution;
            let written = resdiff::canonical::write(&imported).unwrap();
            let back = resdiff::canonical::read(&written, &path).unwrap();
            assert_eq!(back, imported, "{}", path.display());
            assert_eq!(
                resdiff::canonical::write(&back).unwrap(),
                written,
                "{}",
                path.display()
            );
            checked += 1;
        }
    }
    assert_eq!(checked, 21);
}

/// `compare 73 80 --series cuba-embargo`: seven sessions of the Cuba
/// embargo resolution, checked paragraph by paragraph against A/RES/73/8
/// (PDF) and A/RES/80/4 (text).
#[test]
fn cuba_embargo_73_to_80_paragraph_by_paragraph() {
    let output = resdiff()
        .args([
            "compare",
            "73",
            "80",
            "--series",
            "cuba-embargo",
            "--format",
            "json",
        ])
        .output()
        .expect("runs");
    assert_success(&output);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    let rows: Vec<(String, String, bool)> = json["paragraphs"]
        .as_array()
        .expect("paragraphs")
        .iter()
        .map(|p| {
            let id = format!(
                "{}{}",
                if p["part"] == "preamble" { "PP" } else { "OP" },
                p["new"]["index"]
            );
            (
                id,
                p["status"].as_str().unwrap_or_default().to_string(),
                p["routine"] == true,
            )
        })
        .collect();
    let status = |id: &str| {
        rows.iter()
            .find(|r| r.0 == id)
            .map(|r| (r.1.as_str(), r.2))
            .unwrap_or_else(|| panic!("{id} missing: {rows:?}"))
    };
    // Unchanged in seven sessions.
    for id in ["PP1", "PP3", "PP4", "PP5", "OP2", "OP3"] {
        assert_eq!(status(id), ("unchanged", false), "{id}");
    }
    // The measures "announced on 16 June 2017" now "applied since 2017"
    // (PP7); the list of recalled resolutions extended to 79/7 with "its
    // decision 76/563" besides (PP6): substance.
    for id in ["PP6", "PP7"] {
        assert_eq!(status(id), ("modified", false), "{id}");
    }
    // Routine: the list extended by the resolutions 73/8 to 79/7 alone
    // (PP8), the report on the implementation of 72/4 now that of 79/7
    // (OP1), each with the rule that made it routine.
    for id in ["PP8", "OP1"] {
        assert_eq!(status(id), ("modified", true), "{id}");
    }
    let rules = |index: usize| -> Vec<&str> {
        json["paragraphs"][index]["words"]
            .as_array()
            .expect("words")
            .iter()
            .filter_map(|w| w["rule"].as_str())
            .collect()
    };
    assert_eq!(rules(7), ["recalled-resolutions"; 2]);
    assert_eq!(rules(8), ["previous-resolution"; 2]);
    // PP2: the 80th-session text prints non-breaking hyphens
    // ("non‑intervention"): typography, not a change of wording.
    assert_eq!(status("PP2"), ("unchanged", false), "PP2");
    let pp2 = &json["paragraphs"].as_array().expect("paragraphs")[1];
    let typeset: Vec<&str> = pp2["words"]
        .as_array()
        .expect("words")
        .iter()
        .filter(|w| w["typography"] == true && w["op"] == "insert")
        .map(|w| w["text"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(
        typeset,
        ["non\u{2011}intervention", "non\u{2011}interference"]
    );
    // seventy-fourth → eighty-first session: routine.
    for id in ["OP4", "OP5"] {
        assert_eq!(status(id), ("modified", true), "{id}");
    }
    let op1 = &json["paragraphs"].as_array().expect("paragraphs")[8];
    assert_eq!(op1["references"]["added"][0], "79/7");
    assert_eq!(op1["references"]["removed"][0], "72/4");
    assert_eq!(
        rows.len(),
        13,
        "8 preambular and 5 operative paragraphs, none added or removed"
    );
}

/// The two Cuba texts are what `import` makes of their sources, with the
/// flags their front matter records: anyone can check them.
#[cfg_attr(corpus_missing, ignore = "needs ../shared/corpus")]
#[test]
fn the_cuba_texts_are_what_import_makes_of_the_pdf_and_the_text() {
    let Some(corpus) = shared_corpus() else {
        return;
    };
    for (source, version) in [("ga/A_RES_73_8.pdf", "73"), ("ga/A_RES_80_4.txt", "80")] {
        let shipped_path = project_root().join(format!("resolutions/cuba-embargo/{version}.md"));
        let shipped = std::fs::read_to_string(&shipped_path).unwrap();
        let recorded_source = shipped
            .lines()
            .find_map(|l| l.strip_prefix("source = \""))
            .and_then(|l| l.strip_suffix('"'))
            .expect("a source line")
            .replace("\\\"", "\"");
        let out = resdiff()
            .arg("import")
            .arg(corpus.join(source))
            .args([
                "--series",
                "cuba-embargo",
                "--source",
                &recorded_source,
                "-o",
                "-",
            ])
            .output()
            .unwrap();
        assert_success(&out);
        assert_eq!(String::from_utf8(out.stdout).unwrap(), shipped, "{source}");
    }
}

/// The French MINURSO renewals are what `import` makes of the volumes'
/// texts, with the series and source their front matter records.
#[cfg_attr(corpus_missing, ignore = "needs ../shared/corpus")]
#[test]
fn the_minurso_texts_are_what_import_makes_of_the_french_volumes() {
    let Some(corpus) = shared_corpus() else {
        return;
    };
    let dir = project_root().join("resolutions/minurso");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert_eq!(files.len(), 25, "S/RES/1224 (1999) to 1871 (2009)");
    for file in files {
        let shipped = std::fs::read_to_string(&file).unwrap();
        let meta: toml::Table = toml::from_str(
            shipped
                .strip_prefix("+++\n")
                .and_then(|s| s.split_once("+++\n"))
                .map(|(front, _)| front)
                .unwrap(),
        )
        .unwrap();
        let symbol = meta["symbol"].as_str().unwrap();
        let (number, year) = symbol
            .strip_prefix("S/RES/")
            .and_then(|s| s.split_once(" ("))
            .unwrap();
        let source = corpus.join(format!(
            "fr/S_RES_{number}_{}-fr.txt",
            year.trim_end_matches(')')
        ));
        let output = resdiff()
            .arg("import")
            .arg(&source)
            .args(["--series", "minurso", "--source"])
            .arg(meta["source"].as_str().unwrap())
            .output()
            .unwrap();
        assert_success(&output);
        assert_eq!(
            String::from_utf8(output.stdout).unwrap(),
            shipped,
            "{}",
            file.display()
        );
        assert_eq!(meta["language"].as_str(), Some("fr"));
    }
}

/// S/RES/1513 (2003) → S/RES/1523 (2004), named by symbol: the preamble
/// unchanged; OP1 extends the mission's mandate, its end date moved on (a
/// routine update); OP2 says the same in other French words (the English
/// texts of the two resolutions have the same paragraph, the volume's
/// translations differ); OP3 unchanged.
#[test]
fn minurso_1513_to_1523_paragraph_by_paragraph() {
    let output = resdiff()
        .args([
            "compare",
            "S/RES/1513 (2003)",
            "S/RES/1523 (2004)",
            "--format",
            "json",
        ])
        .output()
        .expect("runs");
    assert_success(&output);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    assert_eq!(json["old"]["language"], "fr");
    let paragraphs = json["paragraphs"].as_array().expect("paragraphs");
    let summary: Vec<(String, String, bool)> = paragraphs
        .iter()
        .map(|p| {
            (
                format!(
                    "{}{}",
                    if p["part"] == "preamble" { "PP" } else { "OP" },
                    p["new"]["index"]
                ),
                p["status"].as_str().unwrap().to_string(),
                p["routine"] == true,
            )
        })
        .collect();
    let row = |id: &str, status: &str, routine: bool| (id.to_string(), status.to_string(), routine);
    assert_eq!(
        summary,
        [
            row("PP1", "unchanged", false),
            row("OP1", "modified", true),
            row("OP2", "modified", false),
            row("OP3", "unchanged", false),
        ]
    );
    let op1 = &paragraphs[1];
    let rules: Vec<&str> = op1["words"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|w| w["rule"].as_str())
        .collect();
    assert_eq!(rules, ["mandate-end"; 2]);
    let changed: Vec<&str> = op1["words"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|w| w["op"] != "equal")
        .map(|w| w["text"].as_str().unwrap())
        .collect();
    assert_eq!(changed, ["31 janvier", "30 avril"]);
    // The leads are the French ones, and none changed.
    assert_eq!(paragraphs[2]["new"]["lead"], "Prie");
    assert!(paragraphs.iter().all(|p| p["lead_change"].is_null()));
}

/// Two renewals of one year are named by their resolution's number.
#[test]
fn a_year_with_several_renewals_asks_for_the_number() {
    let output = resdiff()
        .args(["compare", "2003", "2004", "--series", "minurso"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("\"2003\" names several versions of minurso (1463 (S/RES/1463 (2003)), 1495 (S/RES/1495 (2003)), 1513 (S/RES/1513 (2003)))"),
        "{stderr}"
    );
}

/// A French comparison reports in French; `--ui-lang` chooses the
/// language of the report's own words, never of the resolution's text.
#[test]
fn a_french_comparison_reports_in_french_unless_asked_otherwise() {
    let report = |extra: &[&str]| {
        let output = resdiff()
            .args(["compare", "S/RES/1513 (2003)", "S/RES/1523 (2004)"])
            .args(["--format", "md"])
            .args(extra)
            .output()
            .expect("runs");
        assert_success(&output);
        String::from_utf8(output.stdout).expect("UTF-8")
    };
    let french = report(&[]);
    for words in [
        "# Comparaison : S/RES/1513 (2003) → S/RES/1523 (2004)",
        "## Résumé",
        "| Mises à jour courantes | 1 |",
        "### PD 1 : modifié, mise à jour courante (date de fin d’un mandat reportée)",
        "- Référence ajoutée : 30 avril 2004",
    ] {
        assert!(french.contains(words), "{words}\n{french}");
    }
    let english = report(&["--ui-lang", "en"]);
    for words in [
        "## Summary",
        "### OP 1: modified, routine update (end date of a mandate moved forward)",
        // The text stays French.
        "jusqu’au <del>31 janvier</del><ins>30 avril</ins> 2004 ;",
    ] {
        assert!(english.contains(words), "{words}\n{english}");
    }
    let bad = resdiff()
        .args(["compare", "S/RES/1513 (2003)", "S/RES/1523 (2004)"])
        .args(["--ui-lang", "xx"])
        .output()
        .expect("runs");
    assert_eq!(bad.status.code(), Some(2));
    assert!(bad.stdout.is_empty());
}
