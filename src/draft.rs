//! Drafting the next version: the last text with its routine updates made,
//! the way the General Assembly asks drafters to start. Session ordinals that
//! refer to the base session or later move on by the gap between the
//! versions ("seventy-seventh session" → "seventy-ninth session"); references
//! to earlier sessions are history and stay.

use serde::Serialize;

use crate::error::{Error, Result};
use crate::lang::Language;
use crate::model::{Body, Paragraph, Part, Resolution, Status};

/// One routine update the draft made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Update {
    /// The part the updated paragraph is in.
    pub part: Part,
    /// "8" for operative paragraph 8, "8 (a)" inside a sub-paragraph,
    /// "3" for the third preambular paragraph.
    pub paragraph: String,
    /// The text before the update: "seventy-seventh session".
    pub old: String,
    /// The text after the update: "seventy-ninth session".
    pub new: String,
}

/// The draft of version `target` made from `base`, and what changed.
pub fn draft(
    base: &Resolution,
    target: u32,
    base_label: &str,
) -> Result<(Resolution, Vec<Update>)> {
    let from = base.meta.version().ok_or_else(|| {
        Error::new(format!("{base_label} has no session or year in its front matter: cannot tell how far to move it on"))
    })?;
    if target <= from {
        return Err(Error::new(format!(
            "the new version ({target}) must come after the base ({from})"
        )));
    }
    let gap = target - from;
    let mut out = base.clone();
    let mut updates = Vec::new();
    let shift = Shift {
        language: base.meta.language,
        from,
        gap,
    };
    if base.meta.body == Body::GeneralAssembly {
        for (index, p) in out.preamble.iter_mut().enumerate() {
            let label = (index + 1).to_string();
            shift_paragraph(p, Part::Preamble, label, shift, &mut updates);
        }
        for (index, p) in out.operative.iter_mut().enumerate() {
            let label = p.number.clone().unwrap_or_else(|| (index + 1).to_string());
            shift_paragraph(p, Part::Operative, label, shift, &mut updates);
        }
    }
    let meta = &mut out.meta;
    match meta.body {
        Body::GeneralAssembly => meta.session = Some(target),
        Body::SecurityCouncil => meta.year = Some(target),
    }
    if let (Body::GeneralAssembly, Some(year)) = (&meta.body, meta.year) {
        meta.year = Some(year + gap);
    }
    meta.generated_from = Some(base_label.to_string());
    meta.source = Some(format!(
        "Generated from {base_label}: the base text with routine session updates. A draft, not an adopted text."
    ));
    meta.symbol = None;
    meta.date = None;
    meta.status = Status::Draft;
    Ok((out, updates))
}

/// How far to move a text's sessions on, and the language it is written in.
#[derive(Clone, Copy)]
struct Shift {
    language: Language,
    from: u32,
    gap: u32,
}

fn shift_paragraph(
    p: &mut Paragraph,
    part: Part,
    label: String,
    shift: Shift,
    updates: &mut Vec<Update>,
) {
    let Shift {
        language,
        from,
        gap,
    } = shift;
    let session = &language.profile().data.citations.session[0];
    let replacements = session_replacements(&p.text, language, from, gap);
    for (range, new) in replacements.iter().rev() {
        // Footnote markers after a replaced ordinal move with the text.
        for f in &mut p.footnotes {
            if f.offset >= range.end {
                f.offset = f.offset + new.len() - range.len();
            }
        }
        updates.push(Update {
            part,
            paragraph: label.clone(),
            old: format!("{} {session}", &p.text[range.clone()]),
            new: format!("{new} {session}"),
        });
        p.text.replace_range(range.clone(), new);
    }
    // Reported in reading order.
    let added = replacements.len();
    let start = updates.len() - added;
    updates[start..].reverse();
    for sub in &mut p.subparagraphs {
        let sub_label = format!("{label} ({})", sub.number.as_deref().unwrap_or("?"));
        shift_paragraph(sub, part, sub_label, shift, updates);
    }
}

/// Session ordinals in `text`, in `language`: those followed by the
/// profile's word for a session, or by one of its session joins and
/// another such ordinal ("seventy-sixth and seventy-seventh sessions",
/// "quatorzième et quinzième sessions").
fn session_ordinals(text: &str, language: Language) -> Vec<(std::ops::Range<usize>, u32)> {
    let citations = &language.profile().data.citations;
    let found = language.ordinals().find(text);
    let mut keep = vec![false; found.len()];
    for i in (0..found.len()).rev() {
        let after = text[found[i].0.end..].trim_start();
        let next_word = after
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        if citations.session.iter().any(|s| s == next_word) {
            keep[i] = true;
        } else if i + 1 < found.len() && keep[i + 1] {
            let between = text[found[i].0.end..found[i + 1].0.start].trim();
            keep[i] = citations.session_joins.iter().any(|j| j == between);
        }
    }
    found
        .into_iter()
        .zip(keep)
        .filter_map(|(f, k)| k.then_some(f))
        .collect()
}

/// The replacements that move each session ordinal ≥ `from` on by `gap`.
fn session_replacements(
    text: &str,
    language: Language,
    from: u32,
    gap: u32,
) -> Vec<(std::ops::Range<usize>, String)> {
    session_ordinals(text, language)
        .into_iter()
        .filter(|(_, n)| *n >= from)
        .filter_map(|(range, n)| {
            let words = match_case(&text[range.clone()], language.ordinals().words(n + gap)?);
            Some((range, words))
        })
        .collect()
}

/// `text` (in `language`) with each session ordinal ≥ `from` moved on by
/// `gap`.
pub fn shift_sessions(text: &str, language: Language, from: u32, gap: u32) -> String {
    let mut out = text.to_string();
    for (range, new) in session_replacements(text, language, from, gap)
        .into_iter()
        .rev()
    {
        out.replace_range(range, &new);
    }
    out
}

/// "Seventy-seventh" stays capitalised when it was.
fn match_case(original: &str, words: &str) -> String {
    if original.starts_with(|c: char| c.is_uppercase()) {
        let mut chars = words.chars();
        chars
            .next()
            .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
            .unwrap_or_default()
    } else {
        words.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Meta;

    #[test]
    fn moves_current_and_later_sessions_but_not_history() {
        let text = "adopted by the General Assembly at its sixty-fourth session, and to submit at its seventy-seventh session a report";
        assert_eq!(
            shift_sessions(text, Language::En, 75, 2),
            "adopted by the General Assembly at its sixty-fourth session, and to submit at its seventy-ninth session a report"
        );
    }

    #[test]
    fn only_ordinals_that_name_sessions_move() {
        let text = "for the first time at its seventy-fifth and seventy-sixth sessions";
        assert_eq!(
            shift_sessions(text, Language::En, 75, 2),
            "for the first time at its seventy-seventh and seventy-eighth sessions"
        );
        assert_eq!(
            shift_sessions("the seventy-seventh anniversary", Language::En, 75, 2),
            "the seventy-seventh anniversary"
        );
    }

    /// French sessions move on in French, lists and all (the sentences of
    /// ../shared/corpus/langs/UNPC_v1.0_devset_resolution-sentences-fr.txt,
    /// lines 201, 317 and 161).
    #[test]
    fn french_sessions_move_on_in_french() {
        let text = "Rappelle qu'elle a décidé de déterminer, à sa soixante-neuvième session, s'il convenait d'organiser en 2015";
        assert_eq!(
            shift_sessions(text, Language::Fr, 69, 2),
            "Rappelle qu'elle a décidé de déterminer, à sa soixante et onzième session, s'il convenait d'organiser en 2015"
        );
        let text = "d'examiner, à ses quatorzième et quinzième sessions, en 2015 et 2016";
        assert_eq!(
            shift_sessions(text, Language::Fr, 14, 1),
            "d'examiner, à ses quinzième et seizième sessions, en 2015 et 2016"
        );
        let text = "la communauté internationale célébrera le soixante-dixième anniversaire";
        assert_eq!(shift_sessions(text, Language::Fr, 69, 2), text);
    }

    #[test]
    fn draft_updates_meta_and_lists_changes() {
        let base = Resolution {
            meta: Meta {
                body: Body::GeneralAssembly,
                symbol: Some("A/75/L.78".into()),
                session: Some(75),
                year: Some(2021),
                series: "csto".into(),
                date: crate::dates::parse_iso("2021-05-11"),
                ..Default::default()
            },
            enacting_formula: None,
            preamble: vec![],
            operative: vec![Paragraph {
                number: Some("9".into()),
                lead: Some("Decides".into()),
                text: "Decides to include in the provisional agenda of its seventy-seventh session the item".into(),
                footnotes: vec![crate::model::FootnoteRef { marker: "4".into(), offset: 84 }],
                ..Default::default()
            }],
            annexes: Vec::new(),
            footnotes: vec![],
        };
        let (draft, updates) = draft(&base, 77, "csto 75 (A/75/L.78)").unwrap();
        assert_eq!(draft.meta.session, Some(77));
        assert_eq!(draft.meta.year, Some(2023));
        assert_eq!(draft.meta.symbol, None);
        assert_eq!(
            draft.meta.generated_from.as_deref(),
            Some("csto 75 (A/75/L.78)")
        );
        assert!(
            draft.operative[0]
                .text
                .contains("its seventy-ninth session the item")
        );
        // "seventh" -> "ninth" is two bytes shorter: the marker at the end moves with it.
        assert_eq!(draft.operative[0].footnotes[0].offset, 82);
        assert_eq!(draft.operative[0].text.len(), 82);
        assert_eq!(
            updates,
            vec![Update {
                part: Part::Operative,
                paragraph: "9".into(),
                old: "seventy-seventh session".into(),
                new: "seventy-ninth session".into(),
            }]
        );
        assert!(super::draft(&base, 75, "x").is_err());
    }
}
