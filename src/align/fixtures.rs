//! Test fixtures built from the real CSTO text in the shared corpus: clean
//! preambular and operative paragraphs, read at test time (never copied).

use crate::lang::Language;
use crate::model::{Body, Meta, Paragraph, Part, Resolution};
use crate::test_support::corpus_text;

/// The clean paragraphs of A/75/L.78: preambular lines (capitalised, ending
/// with a comma; the page-break area is left out) and numbered operative
/// lines, or `None` when the corpus is missing.
pub fn csto_paragraphs() -> Option<(Vec<String>, Vec<String>)> {
    let text = corpus_text("csto/A_75_L.78.txt")?;
    let mut preamble = Vec::new();
    let mut operative = Vec::new();
    for line in text.lines().map(str::trim) {
        if let Some((number, rest)) = line.split_once(". ")
            && !number.is_empty()
            && number.chars().all(|c| c.is_ascii_digit())
        {
            operative.push(rest.trim().to_string());
        } else if line.starts_with(|c: char| c.is_uppercase()) && line.ends_with(',') {
            preamble.push(line.to_string());
        }
    }
    Some((preamble, operative))
}

/// A paragraph with its lead found by the lexicon, numbered if `number`.
pub fn paragraph(text: &str, part: Part, number: Option<usize>) -> Paragraph {
    Paragraph {
        number: number.map(|n| n.to_string()),
        lead: Language::En
            .lexicon()
            .lead_at_start(text, Some(part))
            .map(|m| m.printed),
        text: text.to_string(),
        ..Default::default()
    }
}

/// A General Assembly resolution of `session` from plain paragraph texts,
/// operative paragraphs numbered from 1.
pub fn resolution(session: u32, preamble: &[String], operative: &[String]) -> Resolution {
    Resolution {
        meta: Meta::new(Body::GeneralAssembly, "csto", Some(session)),
        enacting_formula: Some("The General Assembly,".into()),
        preamble: preamble
            .iter()
            .map(|t| paragraph(t, Part::Preamble, None))
            .collect(),
        operative: operative
            .iter()
            .enumerate()
            .map(|(i, t)| paragraph(t, Part::Operative, Some(i + 1)))
            .collect(),
        annexes: Vec::new(),
        footnotes: Vec::new(),
    }
}

/// A Security Council draft from the shared corpus, by simple line
/// splitting: numbered lines are operative paragraphs, other lines after
/// the enacting formula preambular ones. `None` when the corpus is missing.
pub fn sc_resolution(file: &str, series: &str) -> Option<Resolution> {
    let text = corpus_text(&format!("sc/{file}.txt"))?;
    let year = file.split('_').nth(1).and_then(|y| y.parse().ok());
    let mut preamble = Vec::new();
    let mut operative = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if line == "The Security Council," {
            continue;
        }
        match line.split_once(". ") {
            Some((n, rest)) if !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) => {
                operative.push(paragraph(rest.trim(), Part::Operative, n.parse().ok()))
            }
            _ if operative.is_empty() => preamble.push(paragraph(line, Part::Preamble, None)),
            // A wrapped line inside the operative part continues the last paragraph.
            _ => {
                if let Some(last) = operative.last_mut() {
                    last.text.push(' ');
                    last.text.push_str(line);
                }
            }
        }
    }
    Some(Resolution {
        meta: Meta {
            body: Body::SecurityCouncil,
            symbol: Some(file.replace('_', "/")),
            year,
            series: series.into(),
            ..Default::default()
        },
        enacting_formula: Some("The Security Council,".into()),
        preamble,
        operative,
        annexes: Vec::new(),
        footnotes: Vec::new(),
    })
}
