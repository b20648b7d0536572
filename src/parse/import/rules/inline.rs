//! Rules for the text a line adds: where extraction ran the next
//! paragraph into it, where the last operative paragraph closes the text,
//! and whether the paragraph before ended as a paragraph does.

use super::shapes::{numbered, preamble_word};
use super::{Cx, Rule, Split, State, TextRule};
use crate::lang::Profile;
use crate::model::Part;
use crate::parse::import::lines::{Block, BlockKind, Prev};

/// `…, Recalling also …` inside one line: a preambular paragraph ends at a
/// comma and the next opens with its lead, a participle capitalised as a
/// lead is and as nothing else in mid-sentence is. Returns (end of the
/// text before, start of the next paragraph).
pub fn preamble_run_in(text: &str, profile: &Profile) -> Option<(usize, usize)> {
    let mut search = 0;
    while let Some(found) = text[search..].find(", ") {
        let comma = search + found;
        let at = comma + 2;
        search = at;
        let rest = &text[at..];
        if !rest.starts_with(char::is_uppercase) {
            continue;
        }
        if let Some(lead) = profile.lexicon().lead_at_start(rest, Some(Part::Preamble))
            && preamble_word(&lead.printed, profile)
        {
            return Some((comma + 1, at));
        }
    }
    None
}

/// Two preambular paragraphs on one line.
pub struct PreambleRunIn;

impl TextRule for PreambleRunIn {
    fn rule(&self) -> Rule {
        Rule {
            name: "preamble-run-in",
            decides: "in the preamble, a comma then a capitalised participle lead (\"…, Recalling also …\") inside a line ends one preambular paragraph and opens the next",
        }
    }

    fn split(&self, cx: &Cx<'_>, text: &str) -> Option<Split> {
        let state = cx.state;
        (state.part == Some(Part::Preamble) && state.stack.is_empty()).then_some(())?;
        let (before_end, rest_at) = preamble_run_in(text, cx.profile)?;
        Some(Split {
            before_end,
            rest_at,
            part: Part::Preamble,
            label: None,
            numbered: false,
            warning: Some(
                "two preambular paragraphs on one line: split before the second lead".into(),
            ),
        })
    }
}

/// `… “Somaliland”; 13. Welcomes …`: where the next operative paragraph
/// starts inside a line. Returns (end of the text before, label, start of
/// the paragraph text).
pub fn operative_run_in(
    text: &str,
    expected: u32,
    profile: &Profile,
) -> Option<(usize, String, usize)> {
    let wanted = expected.to_string();
    let mut search = 0;
    while let Some(found) = text[search..].find(&wanted) {
        let at = search + found;
        search = at + wanted.len();
        let before = text[..at].trim_end();
        if before.len() == at || !before.ends_with([';', '.', ':']) {
            continue;
        }
        if let Some(n) = numbered(&text[at..], profile)
            && n.value == expected
            && !n.suffixed
            && super::shapes::operative_lead(n.rest, profile)
        {
            let rest_at = text.len() - n.rest.len();
            return Some((before.len(), n.label, rest_at));
        }
    }
    None
}

/// The next operative paragraph run into a line.
pub struct OperativeRunIn;

impl TextRule for OperativeRunIn {
    fn rule(&self) -> Rule {
        Rule {
            name: "operative-run-in",
            decides: "after `; . :` inside a line, the next operative number and a lead (\"…; 13. Welcomes …\") open that paragraph",
        }
    }

    fn split(&self, cx: &Cx<'_>, text: &str) -> Option<Split> {
        let state = cx.state;
        (state.part != Some(Part::Annex)).then_some(())?;
        let (before_end, label, rest_at) =
            operative_run_in(text, state.expected_number(), cx.profile)?;
        Some(Split {
            before_end,
            rest_at,
            part: Part::Operative,
            label: Some(label),
            numbered: true,
            warning: None,
        })
    }
}

/// `… persons.8 6. We recall …` inside an annex: where its next numbered
/// paragraph starts, after a sentence end (and the footnote marker glued to
/// it) and before a capital.
pub fn annex_run_in(text: &str, expected: u32) -> Option<(usize, String, usize)> {
    let wanted = format!(" {expected}. ");
    let mut search = 0;
    while let Some(found) = text[search..].find(&wanted) {
        let at = search + found;
        search = at + wanted.len();
        let before = text[..at].trim_end_matches(|c: char| c.is_ascii_digit());
        let rest = &text[at + wanted.len()..];
        if before.ends_with(['.', ';', ':', '”']) && rest.starts_with(char::is_uppercase) {
            return Some((before.len(), expected.to_string(), at + wanted.len()));
        }
    }
    None
}

/// The next numbered paragraph of an annex run into a line.
pub struct AnnexRunIn;

impl TextRule for AnnexRunIn {
    fn rule(&self) -> Rule {
        Rule {
            name: "annex-run-in",
            decides: "in an annex whose numbering has started, the next number after a sentence's end and before a capital (\"… persons.8 6. We recall …\") opens that paragraph",
        }
    }

    fn split(&self, cx: &Cx<'_>, text: &str) -> Option<Split> {
        let state = cx.state;
        (state.part == Some(Part::Annex) && state.last_number.is_some()).then_some(())?;
        let (before_end, label, rest_at) = annex_run_in(text, state.expected_number())?;
        Some(Split {
            before_end,
            rest_at,
            part: Part::Annex,
            label: Some(label),
            numbered: true,
            warning: None,
        })
    }
}

/// The rule that closes the text after its last operative paragraph.
pub const CLOSING_PARAGRAPH: Rule = Rule {
    name: "closing-paragraph",
    decides: "a short operative paragraph that ends with a full stop and keeps the organ seized of the matter (\"Decides to remain seized of the matter.\", \"Décide de rester saisi de la question.\") closes the text: what follows is an annex",
};

/// Whether the open operative paragraph is the closing "remain seized of
/// the matter" one.
pub fn closes_the_text(state: &State, profile: &Profile) -> bool {
    let Some(block) = state.out.blocks.last() else {
        return false;
    };
    // Under 120 characters: a few lines at most. A long paragraph is not
    // looked at again each time it grows.
    const CLOSING_CHARS: usize = 120;
    if block.kind != BlockKind::Top(Part::Operative) || block.pieces.len() > CLOSING_CHARS {
        return false;
    }
    crate::work::step(block.pieces.len());
    let text: String = block
        .pieces
        .iter()
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    text.ends_with('.')
        && profile
            .data
            .foot
            .seized
            .iter()
            .any(|s| text.contains(s.as_str()))
        && text.chars().count() < CLOSING_CHARS
}

/// The rule that checks each paragraph's end.
pub const PARAGRAPH_END: Rule = Rule {
    name: "paragraph-end",
    decides: "a paragraph that ends without `, ; : .` lost its end (or was cut by a misread break), and an operative paragraph that ends with a comma may have lost text: each is flagged where the next paragraph starts",
};

/// What is wrong with the end of `block`, as (line, message).
pub fn paragraph_end(block: &Block, profile: &Profile) -> Vec<(usize, String)> {
    let Some(last) = block.pieces.last() else {
        return Vec::new();
    };
    let mut found = Vec::new();
    // A footnote marker after the final punctuation ends the paragraph.
    let text = crate::parse::import::lines::without_spaced_marker(&last.text);
    let prev = Prev::of(text, profile);
    let operative_comma = block.kind == BlockKind::Top(Part::Operative)
        && text.trim_end_matches(['”', '’', ')']).ends_with(',');
    if operative_comma {
        let label = block.label.clone().unwrap_or_default();
        found.push((
            last.line,
            format!(
                "operative paragraph {label} ends with ',' (expected ';' or '.'): text may be missing"
            ),
        ));
    }
    if !prev.ends_paragraph {
        let name = match (&block.kind, &block.label) {
            (BlockKind::Top(Part::Operative), Some(label)) => {
                format!("operative paragraph {label}")
            }
            (BlockKind::Sub(_), Some(label)) => format!("sub-paragraph ({label})"),
            (BlockKind::Top(part), _) => format!("{} paragraph", part.name()),
            (BlockKind::Sub(_), None) => "sub-paragraph".to_string(),
        };
        let ending: String = last
            .text
            .chars()
            .rev()
            .take(30)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        found.push((
            last.line,
            format!("{name} ends without punctuation ('…{ending}'): text may be missing"),
        ));
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Language;

    #[test]
    fn two_preambular_paragraphs_on_one_line_are_split() {
        let en = Language::En.profile();
        assert_eq!(
            preamble_run_in("Recalling its resolution 1/1, Noting also the report,", en),
            Some((29, 30))
        );
        assert_eq!(
            preamble_run_in("Recalling, among others, the report,", en),
            None
        );
        assert_eq!(
            preamble_run_in("the States, Members of the Council,", en),
            None
        );
    }

    #[test]
    fn inline_splits_need_the_next_number_and_a_lead() {
        let en = Language::En.profile();
        let text = "with “Somaliland”; 13. Welcomes the commitments";
        let (end, label, rest) = operative_run_in(text, 13, en).unwrap();
        assert_eq!(&text[..end], "with “Somaliland”;");
        assert_eq!(label, "13");
        assert_eq!(&text[rest..], "Welcomes the commitments");
        assert!(operative_run_in(text, 14, en).is_none());
        assert!(operative_run_in("as recalled in paragraph 1. Decides", 2, en).is_none());
        assert!(
            operative_run_in(
                "on the basis of: 1) Information shared; 2) Implementation",
                6,
                en
            )
            .is_none()
        );
    }
}
