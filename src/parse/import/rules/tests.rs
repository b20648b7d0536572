//! The rules together: each decides the real lines it is written for, in
//! the pass, and leaves alone the ones it must not take; the pass builds
//! the blocks those decisions make; `docs/import.md` lists every rule.

use super::*;
use crate::lang::Language;
use crate::parse::import::lines::{CleanedLine, assemble};

fn lines_of(texts: &[&str]) -> Vec<CleanedLine> {
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| CleanedLine {
            number: i + 1,
            text: t.to_string(),
            repairs: Vec::new(),
            lead: None,
            bold: false,
            furniture: false,
            page_start: false,
        })
        .collect()
}

fn en() -> &'static Profile {
    Language::En.profile()
}

fn fr() -> &'static Profile {
    Language::Fr.profile()
}

/// (kind, label) of every block.
fn outline(texts: &[&str], profile: &Profile) -> Vec<String> {
    assemble(&lines_of(texts), false, profile)
        .blocks
        .iter()
        .map(|b| match b.kind {
            BlockKind::Top(_) => format!("top {}", b.label.clone().unwrap_or_default()),
            BlockKind::Sub(depth) => {
                format!("sub{depth} {}", b.label.clone().unwrap_or_default())
            }
        })
        .collect()
}

/// The rule that decided line `at` (1-based) of `texts`, read in `profile`.
fn rule_of(texts: &[&str], at: usize, profile: &Profile) -> &'static str {
    let out = assemble(&lines_of(texts), false, profile);
    out.trace
        .iter()
        .rev()
        .find(|t| t.line == at)
        .map_or("(none)", |t| t.rule)
}

/// A real line a rule must decide, or must leave to another, with the
/// lines around it: (rule, fires, language, lines, the line (1-based; 0
/// for the last), where it is from).
type Example = (
    &'static str,
    bool,
    Language,
    &'static [&'static str],
    usize,
    &'static str,
);

const EXAMPLES: &[Example] = &[
    (
        "enacting-formula",
        true,
        Language::Fr,
        &[
            "Résolution 1541 (2004) du 29 avril 2004",
            "Le Conseil de sécurité,",
        ],
        0,
        "fr/S_RES_1541_2004-fr.txt:1-3",
    ),
    (
        "enacting-formula",
        false,
        Language::En,
        &[
            "The Security Council,",
            "Recalling its resolutions,",
            "The Houthis have engaged in acts that threaten the peace, security, and stability of Yemen.",
        ],
        0,
        "sc/S_2022_158.txt, a sentence of the text, not a formula",
    ),
    (
        "preamble-lead",
        true,
        Language::Fr,
        &[
            "Le Conseil de sécurité,",
            "Rappelant toutes ses résolutions sur le Sahara occidental et réaffirmant en particulier la résolution 1495 (2003) du 31 juillet 2003,",
        ],
        0,
        "fr/S_RES_1541_2004-fr.txt:3-5",
    ),
    (
        "operative-number",
        true,
        Language::Fr,
        &[
            "Le Conseil de sécurité,",
            "Ayant examiné le rapport du Secrétaire général52,",
            "1. Réaffirme son soutien au Plan de paix pour l’autodétermination du peuple du Sahara occidental53, qui constitue une solution politique optimale reposant sur un accord entre les deux parties ;",
        ],
        0,
        "fr/S_RES_1541_2004-fr.txt:3-11",
    ),
    (
        "closing-line",
        true,
        Language::Fr,
        &[
            "Le Conseil de sécurité,",
            "6. Décide de rester saisi de la question.",
            "Adoptée à l’unanimité à la 4957e séance.",
        ],
        0,
        "fr/S_RES_1541_2004-fr.txt:21-23",
    ),
    (
        "closing-line",
        true,
        Language::Fr,
        &[
            "Le Conseil de sécurité,",
            "11. Décide de rester saisi de la question.",
            "Adoptée à l’unanimité à la 6117eséance.",
        ],
        0,
        "fr/S_RES_1871_2009-fr.txt: the space before \"séance\" lost",
    ),
    (
        "closing-line",
        true,
        Language::En,
        &[
            "The General Assembly,",
            "5. Decides to include in the provisional agenda of its eighty-first session the item.",
            "30th plenary meeting",
        ],
        0,
        "ga/A_RES_80_4.txt",
    ),
    (
        "sub-label",
        true,
        Language::Fr,
        &[
            "Le Conseil de sécurité,",
            "1. Décide que la Mission aura le mandat suivant :",
            "a) Observer le cessez-le-feu ;",
        ],
        0,
        "the French volumes' label \"a)\" (fr/ truth.json: 672 of them)",
    ),
    (
        "sub-label",
        false,
        Language::En,
        &[
            "The Security Council,",
            "1. Decides that the mandate shall be as follows:",
            "a) to monitor;",
        ],
        0,
        "English labels are \"(a)\": \"a)\" in English is text",
    ),
    (
        "heading",
        true,
        Language::Fr,
        &[
            "Le Conseil de sécurité,",
            "1. Décide de proroger le mandat ;",
            "Mesures",
            "2. Décide que tous les États prendront les mesures nécessaires ;",
        ],
        3,
        "fr/S_RES_1822_2008-fr.txt:43, a subject heading",
    ),
    (
        "footnote-area",
        true,
        Language::Fr,
        &[
            "Le Conseil de sécurité,",
            "1. Décide de rester saisi de la question.",
            "Adoptée à l’unanimité à la 4957e séance.",
            "__________________",
            "52 S/2004/325 et Corr.1 et Add.1.",
        ],
        0,
        "fr/S_RES_1541_2004-fr.txt:21-27: after the close, the rule opens the notes",
    ),
    (
        "footnote-area",
        false,
        Language::Fr,
        &[
            "Le Conseil de sécurité,",
            "1. Décide de proroger le mandat ;",
            "__________________",
            "52 S/2004/325 et Corr.1 et Add.1.",
        ],
        0,
        "a rule inside the text of a dump with no page breaks opens no notes",
    ),
];

#[test]
fn each_rule_decides_its_real_lines_and_leaves_the_others() {
    let names: Vec<&str> = all().iter().map(|r| r.name).collect();
    for (rule, fires, language, lines, at, source) in EXAMPLES {
        assert!(names.contains(rule), "no rule named {rule}");
        let at = if *at == 0 { lines.len() } else { *at };
        let decided = rule_of(lines, at, language.profile());
        if *fires {
            assert_eq!(decided, *rule, "{source}");
        } else {
            assert_ne!(decided, *rule, "{source}");
        }
    }
}

#[test]
fn every_rule_has_a_unique_name_and_says_what_it_decides() {
    let rules = all();
    let mut names = std::collections::BTreeSet::new();
    for rule in &rules {
        assert!(names.insert(rule.name), "two rules named {}", rule.name);
        assert!(
            rule.name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '-'),
            "{}",
            rule.name
        );
        assert!(rule.decides.len() > 30, "{}", rule.name);
    }
}

/// `docs/import.md` names every rule, in the order the importer asks them.
#[test]
fn the_import_doc_lists_every_rule_in_order() {
    let doc = include_str!("../../../../docs/import.md");
    let mut at = 0;
    for name in all().iter().map(|r| r.name) {
        let heading = format!("`{name}`");
        let found = doc[at..].find(&heading).unwrap_or_else(|| {
            panic!("docs/import.md does not list `{name}` (after the rules before it)")
        });
        at += found + heading.len();
    }
}

#[test]
fn a_sub_paragraph_that_is_a_heading_does_not_swallow_its_items() {
    assert_eq!(
        outline(
            &[
                "The Security Council,",
                "1. Decides that the mandate shall be as follows:",
                "(a) Protection of civilians",
                "(i) to protect civilians;",
                "(ii) to support the return;",
                "(b) Monitoring",
                "(i) to monitor;",
            ],
            en()
        ),
        ["top 1", "sub1 a", "sub2 i", "sub2 ii", "sub1 b", "sub2 i"]
    );
}

#[test]
fn letters_inside_roman_numerals_nest() {
    assert_eq!(
        outline(
            &[
                "The Security Council,",
                "1. Decides:",
                "(i) as to the first:",
                "(a) one;",
                "(b) two;",
                "(ii) as to the second:",
                "(a) three;",
            ],
            en()
        ),
        ["top 1", "sub1 i", "sub2 a", "sub2 b", "sub1 ii", "sub2 a"]
    );
}

#[test]
fn french_letters_and_dashes_nest_as_the_volumes_print_them() {
    // The shape of fr/S_RES_1591_2005-fr.txt OP3: "a)" items, one with "i)"
    // items under it, and dash items (fr/S_RES_1596_2005-fr.txt).
    assert_eq!(
        outline(
            &[
                "Le Conseil de sécurité,",
                "1. Décide :",
                "a) Que les mesures s’appliquent :",
                "i) aux personnes désignées ;",
                "ii) aux entités désignées ;",
                "b) Que le Comité désigne :",
                "– les personnes ;",
                "– les entités ;",
            ],
            fr()
        ),
        [
            "top 1", "sub1 a", "sub2 i", "sub2 ii", "sub1 b", "sub2 –", "sub2 –"
        ]
    );
}

#[test]
fn a_long_heading_before_the_first_operative_paragraph_stays_a_heading() {
    let out = assemble(
        &lines_of(&[
            "The Security Council,",
            "Recalling its resolutions,",
            "Implementation of the measures of the present resolution and of the earlier ones",
            "1. Decides to act;",
        ]),
        false,
        en(),
    );
    assert_eq!(out.blocks.len(), 2);
    assert_eq!(
        out.blocks[1].heading.as_deref(),
        Some("Implementation of the measures of the present resolution and of the earlier ones")
    );
}

#[test]
fn a_numbered_paragraph_listing_the_following_is_not_an_annex() {
    let out = assemble(
        &lines_of(&[
            "The Security Council,",
            "1. Decides that the following measures shall apply:",
            "All States shall prevent the supply of arms to the groups listed",
            "in the annex;",
            "2. Requests a report;",
        ]),
        false,
        en(),
    );
    assert!(out.annexes.is_empty());
    assert_eq!(out.blocks.len(), 2);
}

#[test]
fn a_title_without_a_blank_line_after_it_does_not_make_the_body_furniture() {
    let out = assemble(
        &lines_of(&[
            "73/8. Necessity of ending the economic, commercial and financial",
            "embargo imposed by the United States of America against Cuba",
            "Recalling its resolutions,",
            "1. Requests a report;",
            "2. Decides to include the item.",
        ]),
        false,
        en(),
    );
    assert_eq!(out.blocks.len(), 3, "{:?}", out.furniture);
}

#[test]
fn a_date_ending_a_sentence_is_not_a_paragraph_number() {
    let mut lines = lines_of(&[
        "remain in force until",
        "31 December.",
        "",
        "2. Decides to act;",
    ]);
    shapes::join_bare_labels(&mut lines, en());
    assert_eq!(lines[1].text, "31 December.");
    let mut lines = lines_of(&["2.", "", "Decides to act;"]);
    shapes::join_bare_labels(&mut lines, en());
    assert_eq!(lines[0].text, "2. Decides to act;");
    let mut lines = lines_of(&["a)", "De faciliter ;"]);
    shapes::join_bare_labels(&mut lines, fr());
    assert_eq!(lines[0].text, "a) De faciliter ;");
}

#[test]
fn long_numbers_and_lost_periods_only_as_the_next_number() {
    assert_eq!(
        shapes::numbered_long("1000. Decides", 1000).map(|n| n.value),
        Some(1000)
    );
    assert!(shapes::numbered_long("2016. Decides", 1000).is_none());
    let without =
        |t: &str, n: u32| paragraphs::numbered_without_period(t, n, en()).map(|n| n.label);
    assert_eq!(
        without("11     Condemns the attacks", 11).as_deref(),
        Some("11")
    );
    assert!(without("11 States have", 11).is_none());
    assert!(without("12 Condemns", 11).is_none());
    // fr/S_RES_1589_2005-fr.txt: "6 Se félicite".
    assert_eq!(
        paragraphs::numbered_without_period("6 Se félicite de la coopération", 6, fr())
            .map(|n| n.label)
            .as_deref(),
        Some("6")
    );
    let out = assemble(
        &lines_of(&[
            "The Security Council,",
            "1. Decides to act;",
            "2016. Requests the report;",
        ]),
        false,
        en(),
    );
    let labels: Vec<Option<&str>> = out.blocks.iter().map(|b| b.label.as_deref()).collect();
    assert_eq!(labels, [Some("1")], "a year is not paragraph 2016");
}

#[test]
fn a_marker_glued_after_the_final_comma_still_ends_the_line() {
    let ends = |t: &str| Prev::of(t, en()).ends_paragraph;
    assert!(ends("the report submitted pursuant to resolution 79/42,7"));
    assert!(ends("the Convention;12"));
    // Thousands and plain numbers are not markers.
    assert!(!ends("a deployment of 19,626"));
    assert!(!ends("in paragraph 7"));
    // The French volumes set a space before ";" and ":".
    assert!(Prev::of("entre les deux parties ;", fr()).ends_paragraph);
    assert!(Prev::of("le mandat suivant :", fr()).ends_with_colon);
}

#[test]
fn a_marker_set_apart_after_the_final_comma_is_no_missing_text() {
    // A/RES/80/20 as extracted: "… in 2014, 3" where 3 is footnote 3.
    let out = assemble(
        &lines_of(&[
            "The General Assembly,",
            "Welcoming the submission of its updated version in 2014, 3",
            "Considering that such measures are an integral part of the draft treaty,",
            "1. Decides to include the item;",
        ]),
        false,
        en(),
    );
    assert!(
        out.warnings.iter().all(|w| w.rule != "paragraph-end"),
        "{:?}",
        out.warnings
    );
    // A paragraph that does stop short is still flagged.
    let cut = assemble(
        &lines_of(&[
            "The General Assembly,",
            "1. Urges the international community to devote part of the resources to",
            "",
            "2. Decides to include the item;",
        ]),
        false,
        en(),
    );
    assert!(cut.warnings.iter().any(|w| w.rule == "paragraph-end"));
}

#[test]
fn every_warning_names_its_rule() {
    let out = assemble(
        &lines_of(&[
            "The Security Council,",
            "1. Decides to act;",
            "3. Requests a report;",
            "Recalling its resolution,",
        ]),
        false,
        en(),
    );
    let rules: Vec<&str> = out.warnings.iter().map(|w| w.rule).collect();
    assert_eq!(rules, ["operative-number", "preamble-lead"]);
}

// ------------------------------------------------- no language in the rules

/// The importer's sources, which must read every word of a language from
/// its profile.
const RULE_SOURCES: &[(&str, &str)] = &[
    ("rules/mod.rs", include_str!("mod.rs")),
    ("rules/shapes.rs", include_str!("shapes.rs")),
    ("rules/footnotes.rs", include_str!("footnotes.rs")),
    ("rules/furniture.rs", include_str!("furniture.rs")),
    ("rules/frame.rs", include_str!("frame.rs")),
    ("rules/annex.rs", include_str!("annex.rs")),
    ("rules/paragraphs.rs", include_str!("paragraphs.rs")),
    ("rules/inline.rs", include_str!("inline.rs")),
    ("lines.rs", include_str!("../lines.rs")),
    ("head.rs", include_str!("../head.rs")),
    ("structure.rs", include_str!("../structure.rs")),
    ("footnotes.rs", include_str!("../footnotes.rs")),
    ("furniture.rs", include_str!("../furniture.rs")),
    ("labels.rs", include_str!("../labels.rs")),
    ("words.rs", include_str!("../words.rs")),
    ("pages.rs", include_str!("../pages.rs")),
    ("mod.rs", include_str!("../mod.rs")),
];

/// The string literals of `source` before its tests, each with its line,
/// leaving out comments and the documentation of a rule (`name:` and
/// `decides:`, which quote real lines on purpose).
fn code_literals(source: &str) -> Vec<(usize, String)> {
    let code = source.split("#[cfg(test)]").next().unwrap_or(source);
    let mut out = Vec::new();
    let mut chars = code.char_indices().peekable();
    let mut line = 1;
    while let Some((at, c)) = chars.next() {
        match c {
            '\n' => line += 1,
            '/' if chars.peek().is_some_and(|&(_, n)| n == '/') => {
                for (_, c) in chars.by_ref() {
                    if c == '\n' {
                        line += 1;
                        break;
                    }
                }
            }
            // A char literal ('"') or a lifetime: not a string.
            '\'' => {
                let rest = &code[at + 1..];
                if rest.starts_with("\"'") || rest.starts_with("\\\"'") {
                    chars.nth(rest.find('\'').unwrap_or(0));
                }
            }
            '"' => {
                let start = line;
                let mut literal = String::new();
                while let Some((_, c)) = chars.next() {
                    match c {
                        '\\' => {
                            chars.next();
                        }
                        '"' => break,
                        '\n' => {
                            line += 1;
                            literal.push(c);
                        }
                        _ => literal.push(c),
                    }
                }
                let before = code[..at].trim_end();
                if !(before.ends_with("decides:") || before.ends_with("name:")) {
                    out.push((start, literal));
                }
            }
            _ => {}
        }
    }
    out
}

/// Every word a profile holds that could only be that language's: the
/// capitalised ones and those with letters beyond ASCII, of four letters
/// or more ("Decides", "Assembly", "avril", "séance").
fn profile_words() -> BTreeSet<String> {
    fn walk(value: &serde_json::Value, out: &mut BTreeSet<String>) {
        match value {
            serde_json::Value::String(s) => {
                for word in s.split(|c: char| !c.is_alphabetic()) {
                    let distinctive = word.starts_with(char::is_uppercase) || !word.is_ascii();
                    if word.chars().count() >= 4 && distinctive {
                        out.insert(word.to_string());
                    }
                }
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| walk(v, out)),
            serde_json::Value::Object(map) => map.values().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let mut words = BTreeSet::new();
    for language in Language::ALL {
        let data = serde_json::to_value(&language.profile().data).unwrap();
        walk(&data, &mut words);
    }
    words
}

/// A rule that tests a line against "Decides" or "avril" holds a language
/// in its code: the word belongs in the profile.
#[test]
fn the_rules_hold_no_word_of_any_language() {
    let words = profile_words();
    assert!(words.contains("Decides") && words.contains("séance"));
    let mut found = Vec::new();
    for (file, source) in RULE_SOURCES {
        for (line, literal) in code_literals(source) {
            for word in literal.split(|c: char| !c.is_alphabetic()) {
                if words.contains(word) {
                    found.push(format!("{file}:{line}: '{word}' in \"{literal}\""));
                }
            }
        }
    }
    assert_eq!(found, Vec::<String>::new());
    // The check sees a word in code, and not in a rule's documentation.
    let code = "fn f(l: &str) -> bool { l.starts_with(\"Decides\") }";
    assert_eq!(code_literals(code), [(1, "Decides".to_string())]);
    let documented = "Rule { name: \"x\", decides: \"`12. Decides …`\" }";
    assert_eq!(code_literals(documented), []);
    let commented = "// \"Decides\"\nlet c = '\"'; let s = \"a\";";
    assert_eq!(code_literals(commented), [(2, "a".to_string())]);
}
