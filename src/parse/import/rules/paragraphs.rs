//! Rules for the paragraphs of the resolution: where an operative
//! paragraph (numbered or not), a preambular paragraph, a sub-paragraph or
//! a heading opens, and where a line only goes on with the paragraph
//! before (hard wraps, page breaks).
//!
//! A line opens a paragraph only where a lead or label begins it and the
//! line before ended one (`, ; : .`), with two exceptions: the next
//! operative number always opens a paragraph, and a lead after a long
//! unwrapped line that lost its end does too.

use super::shapes::{
    Numbered, heading_shape, heading_shape_typeset, numbered, numbered_long, opens_paragraph,
    operative_lead, present_participle, section_label, sub_label, title_shape,
    unknown_preamble_lead,
};
use super::{Cx, Decided, Decision, LineRule, Rule};
use crate::lang::Profile;
use crate::model::Part;
use crate::parse::import::furniture::furniture;
use crate::parse::import::labels::{LabelKind, Level, place};
use crate::parse::import::lines::{Block, BlockKind, CleanedLine, Prev};

/// How the last line ended, and whether a paragraph may open after it:
/// it ended one, or nothing came before, or a heading did.
fn ended(cx: &Cx<'_>) -> (Prev, bool) {
    let state = cx.state;
    let prev = state.prev_or_default();
    let headed = !state.pending_headings.is_empty();
    (prev, prev.ends_paragraph || state.prev.is_none() || headed)
}

/// An operative number with the first label of its sub-paragraphs after
/// it on the same line.
pub struct NumberThenLabel;

impl LineRule for NumberThenLabel {
    fn rule(&self) -> Rule {
        Rule {
            name: "number-then-label",
            decides: "`2. a) Décide …`: the next operative number with the first label of a list right after it opens the paragraph and its first sub-paragraph on one line (fr/S_RES_1521_2003-fr.txt)",
        }
    }

    fn decide<'l>(&self, cx: &Cx<'_>, line: &'l CleanedLine) -> Option<Decided<'l>> {
        let state = cx.state;
        if state.closed {
            return None;
        }
        let profile = cx.profile;
        let n = numbered(&line.text, profile)?;
        (n.value == state.expected_number() && !n.suffixed).then_some(())?;
        let (label, kind, text) = sub_label(n.rest, profile)?;
        let placement = place(&label, kind, &[])?;
        (placement.level.value == 1 && kind != LabelKind::Bullet).then_some(())?;
        Decided::plain(Decision::ParagraphWithSub {
            label: n.label,
            number: n.value,
            sub_label: label,
            level: placement.level,
            text,
        })
    }
}

/// A numbered operative paragraph, or a numbered item of a list.
pub struct OperativeNumber;

impl LineRule for OperativeNumber {
    fn rule(&self) -> Rule {
        Rule {
            name: "operative-number",
            decides: "`12. Decides …` opens operative paragraph 12 when 12 is the next number, or when a lead follows the number after an ended line (a jump, with a warning); `7 bis.` after 7 opens an inserted paragraph; a number that continues a list under a paragraph ending with a colon is an item of it",
        }
    }

    fn decide<'l>(&self, cx: &Cx<'_>, line: &'l CleanedLine) -> Option<Decided<'l>> {
        let state = cx.state;
        if state.closed {
            return None;
        }
        let profile = cx.profile;
        let text = line.text.as_str();
        let expected = state.expected_number();
        let n: Numbered<'l> = numbered(text, profile).or_else(|| numbered_long(text, expected))?;
        let prev = state.prev_or_default();
        let has_lead = line.lead.is_some() || operative_lead(n.rest, profile);
        let as_item = state
            .current_top()
            .is_some()
            .then(|| place(&n.value.to_string(), LabelKind::Number, &state.stack))
            .flatten()
            .filter(|p| {
                !n.suffixed && (prev.ends_with_colon || p.depth <= state.stack.len()) && !has_lead
            });
        if n.suffixed && state.last_number == Some(n.value) {
            return Decided::plain(Decision::Paragraph {
                part: Part::Operative,
                label: Some(n.label),
                number: None,
                text: n.rest,
            });
        }
        let paragraph = |n: Numbered<'l>| Decision::Paragraph {
            part: Part::Operative,
            label: Some(n.label),
            number: Some(n.value),
            text: n.rest,
        };
        if n.value == expected && (has_lead || as_item.is_none()) {
            return Decided::plain(paragraph(n));
        }
        if let Some(placement) = as_item {
            return Decided::plain(Decision::Sub {
                depth: placement.depth,
                level: placement.level,
                label: n.label,
                text: n.rest,
                split_run_in_a: false,
            });
        }
        (has_lead && (prev.ends_paragraph || prev.long)).then_some(())?;
        let message = match state.last_number {
            Some(last) => format!("operative numbering jumps from {last} to {}", n.label),
            None => format!("operative numbering starts at {}", n.label),
        };
        Decided::warned(paragraph(n), message)
    }
}

/// `11     Condemns …`: the next operative number whose period the source
/// lost, taken only before an operative lead.
pub fn numbered_without_period<'a>(
    text: &'a str,
    expected: u32,
    profile: &Profile,
) -> Option<Numbered<'a>> {
    let wanted = expected.to_string();
    let rest = text.strip_prefix(&wanted)?;
    if !rest.starts_with(' ') {
        return None;
    }
    let rest = rest.trim_start();
    operative_lead(rest, profile).then_some(())?;
    Some(Numbered {
        label: wanted,
        value: expected,
        suffixed: false,
        rest,
    })
}

/// The next operative number without its period.
pub struct NumberWithoutPeriod;

impl LineRule for NumberWithoutPeriod {
    fn rule(&self) -> Rule {
        Rule {
            name: "number-without-period",
            decides: "`11     Condemns …` (`14 Entend …`): the next operative number whose period the source lost opens that paragraph where an operative lead follows it, with a warning",
        }
    }

    fn decide<'l>(&self, cx: &Cx<'_>, line: &'l CleanedLine) -> Option<Decided<'l>> {
        let state = cx.state;
        if state.closed {
            return None;
        }
        let n = numbered_without_period(&line.text, state.expected_number(), cx.profile)?;
        let prev = state.prev_or_default();
        (prev.ends_paragraph || prev.long).then_some(())?;
        let message = format!(
            "operative paragraph {} has no period after its number",
            n.label
        );
        Decided::warned(
            Decision::Paragraph {
                part: Part::Operative,
                label: Some(n.label),
                number: Some(n.value),
                text: n.rest,
            },
            message,
        )
    }
}

/// The first operative number as OCR misreads it.
pub struct OcrNumber;

impl LineRule for OcrNumber {
    fn rule(&self) -> Rule {
        Rule {
            name: "ocr-number",
            decides: "`I. Décide …`, `l. Décide …`, `L Décide …`: where the first operative paragraph is due and an operative lead follows, a capital I or a small l is the number 1 as a scan's OCR read it (fr/S_RES_1224_1999-fr.txt, 1281), with a warning; `I. Climat sûr et stable` is a heading",
        }
    }

    fn decide<'l>(&self, cx: &Cx<'_>, line: &'l CleanedLine) -> Option<Decided<'l>> {
        let state = cx.state;
        if state.closed || state.expected_number() != 1 {
            return None;
        }
        let text = line.text.as_str();
        let (misread, rest) = ["I. ", "l. ", "L "].iter().find_map(|m| {
            text.strip_prefix(m)
                .map(|rest| (m.trim(), rest.trim_start()))
        })?;
        operative_lead(rest, cx.profile).then_some(())?;
        let prev = state.prev_or_default();
        (prev.ends_paragraph || prev.long).then_some(())?;
        Decided::warned(
            Decision::Paragraph {
                part: Part::Operative,
                label: Some("1".into()),
                number: Some(1),
                text: rest,
            },
            format!("read «{misread}» as the number 1, as a scan's OCR misreads it"),
        )
    }
}

/// Where "(a)" ("a)" in French) was run into the text of `block`: (piece,
/// byte offset, width of the label and its space).
pub fn run_in_a(block: &Block, profile: &Profile) -> Option<(usize, usize, usize)> {
    profile
        .data
        .labels
        .sub_forms
        .iter()
        .find_map(|(open, close)| {
            let label = format!("{open}a{close} ");
            block.pieces.iter().enumerate().rev().find_map(|(i, p)| {
                let at = p.text.rfind(&label)?;
                // A bare "a)" is a label only after a space or at the start
                // ("(Somalia) " holds "a) ").
                let alone =
                    !open.is_empty() || at == 0 || p.text[..at].ends_with(char::is_whitespace);
                alone.then_some((i, at, label.len()))
            })
        })
}

/// A sub-paragraph.
pub struct SubLabel;

impl LineRule for SubLabel {
    fn rule(&self) -> Rule {
        Rule {
            name: "sub-label",
            decides: "`(a)`, `a)`, `(ii)` or a bullet opening a line after an ended one (or one ending with \"and\"/\"et\", or a sub-paragraph's title) opens a sub-paragraph where the label continues a list of the paragraph or opens one inside it; `(b)` with no `(a)` before it splits an `(a)` run into the paragraph's text",
        }
    }

    fn decide<'l>(&self, cx: &Cx<'_>, line: &'l CleanedLine) -> Option<Decided<'l>> {
        let state = cx.state;
        let profile = cx.profile;
        let (label, kind, rest) = sub_label(&line.text, profile)?;
        let prev = state.prev_or_default();
        let last = state.out.blocks.last();
        let under_titled_item = prev.short
            && last.is_some_and(|b| matches!(b.kind, BlockKind::Sub(_)) && b.pieces.len() == 1);
        // The items of a list of names end with no punctuation
        // (fr/S_RES_1672_2006-fr.txt): a bullet after an item with the same
        // bullet is the next item.
        let after_same_bullet = kind == LabelKind::Bullet
            && last.is_some_and(|b| {
                matches!(b.kind, BlockKind::Sub(_)) && b.label.as_deref() == Some(label.as_str())
            });
        if state.current_top().is_none()
            || !(prev.ends_paragraph
                || prev.ends_with_and_or
                || under_titled_item
                || after_same_bullet)
        {
            return None;
        }
        let mut split_run_in_a = false;
        let mut placement = place(&label, kind, &state.stack);
        // Under a heading inside the list, its lettering may start again
        // (fr/S_RES_1542_2004-fr.txt: "II." / "Processus politique" / "a)").
        if !state.pending_headings.is_empty()
            && placement.is_none_or(|p| p.depth > 1)
            && let Some(restart) = place(&label, kind, &[]).filter(|p| p.level.value == 1)
        {
            placement = Some(restart);
        }
        if placement.is_none()
            && label == "b"
            && state.stack.is_empty()
            && state.current_top_index() == Some(state.out.blocks.len() - 1)
            && state
                .current_top()
                .is_some_and(|top| run_in_a(top, profile).is_some())
        {
            let after_a = [Level {
                kind: LabelKind::Letter,
                value: 1,
            }];
            placement = place(&label, kind, &after_a);
            split_run_in_a = placement.is_some();
        }
        let placement = placement?;
        Decided::plain(Decision::Sub {
            depth: placement.depth,
            level: placement.level,
            label,
            text: rest,
            split_run_in_a,
        })
    }
}

/// An italic run a typeset source set at the start of a line.
pub struct TypesetLead;

impl LineRule for TypesetLead {
    fn rule(&self) -> Rule {
        Rule {
            name: "typeset-lead",
            decides: "in a PDF or Word document, an italic run opening a line is a lead, known to the lexicon or not, and opens a paragraph of the current part (an italic heading aside)",
        }
    }

    fn decide<'l>(&self, cx: &Cx<'_>, line: &'l CleanedLine) -> Option<Decided<'l>> {
        let state = cx.state;
        let profile = cx.profile;
        let text = line.text.as_str();
        let lexicon = profile.lexicon();
        (!state.closed
            && line.lead.is_some()
            && lexicon.lead_at_start(text, Some(Part::Preamble)).is_none()
            && lexicon.lead_at_start(text, Some(Part::Operative)).is_none()
            && !heading_shape_typeset(text, profile))
        .then_some(())?;
        Decided::plain(Decision::Paragraph {
            part: state.part.unwrap_or(Part::Preamble),
            label: None,
            number: None,
            text,
        })
    }
}

/// A preambular lead the lexicon knows.
pub struct PreambleLead;

impl LineRule for PreambleLead {
    fn rule(&self) -> Rule {
        Rule {
            name: "preamble-lead",
            decides: "a preambular lead of the lexicon (\"Recalling\", \"Rappelant\") after an ended line opens a preambular paragraph; a present participle does even after a line that did not end, as it never opens a wrapped line mid-sentence; after operative paragraphs it is kept as an unnumbered operative one, with a warning",
        }
    }

    fn decide<'l>(&self, cx: &Cx<'_>, line: &'l CleanedLine) -> Option<Decided<'l>> {
        let state = cx.state;
        if state.closed {
            return None;
        }
        let profile = cx.profile;
        let text = line.text.as_str();
        let lead = profile
            .lexicon()
            .lead_at_start(text, Some(Part::Preamble))?;
        let (prev, ended) = ended(cx);
        let participle = present_participle(&lead.printed, profile);
        (ended || prev.long || (participle && state.part != Some(Part::Operative))).then_some(())?;
        // Under a heading, a section may open with a preamble of its own
        // (fr/S_RES_1306_2000-fr.txt, section B).
        let headed = !state.pending_headings.is_empty();
        if state.part == Some(Part::Operative) && !headed {
            return Decided::warned(
                Decision::Paragraph {
                    part: Part::Operative,
                    label: None,
                    number: None,
                    text,
                },
                format!(
                    "preambular lead '{}' after operative paragraphs: kept as an unnumbered operative paragraph",
                    lead.printed
                ),
            );
        }
        Decided::plain(Decision::Paragraph {
            part: Part::Preamble,
            label: None,
            number: None,
            text,
        })
    }
}

/// An operative lead without a number.
pub struct OperativeLead;

impl LineRule for OperativeLead {
    fn rule(&self) -> Rule {
        Rule {
            name: "operative-lead",
            decides: "an operative lead of the lexicon (\"Decides\", \"Décide\") after an ended line opens an unnumbered operative paragraph (the lone paragraph of a one-paragraph resolution; among numbered ones, with a warning)",
        }
    }

    fn decide<'l>(&self, cx: &Cx<'_>, line: &'l CleanedLine) -> Option<Decided<'l>> {
        let state = cx.state;
        if state.closed {
            return None;
        }
        let profile = cx.profile;
        let text = line.text.as_str();
        let (_, ended) = ended(cx);
        (ended
            && profile
                .lexicon()
                .lead_at_start(text, Some(Part::Preamble))
                .is_none()
            && operative_lead(text, profile))
        .then_some(())?;
        let decision = Decision::Paragraph {
            part: Part::Operative,
            label: None,
            number: None,
            text,
        };
        match state.last_number {
            Some(_) => Decided::warned(
                decision,
                "operative paragraph without a number among numbered ones",
            ),
            None => Decided::plain(decision),
        }
    }
}

/// The next lines with text, furniture and blank lines skipped.
fn following<'a>(cx: &'a Cx<'_>) -> impl Iterator<Item = &'a str> + 'a {
    let profile = cx.profile;
    cx.lines[cx.index + 1..]
        .iter()
        .map(|l| l.text.as_str())
        .filter(move |t| !t.is_empty() && furniture(t, profile).is_none())
}

/// Whether the line after (furniture and blank lines skipped) opens a
/// paragraph, or is a second heading line that does.
fn heading_follows(cx: &Cx<'_>) -> bool {
    let profile = cx.profile;
    let mut next = following(cx);
    match next.next() {
        Some(n) if opens_paragraph(n, profile) => true,
        Some(n) if heading_shape(n, profile) => {
            next.next().is_some_and(|n| opens_paragraph(n, profile))
        }
        _ => false,
    }
}

/// Whether the next line (furniture and blank lines skipped) opens a
/// numbered paragraph or a sub-paragraph: what stands alone between a
/// finished paragraph and `1. …` or `a) …` is a heading, however long.
fn numbered_follows(cx: &Cx<'_>) -> bool {
    let profile = cx.profile;
    cx.lines[cx.index + 1..]
        .iter()
        .filter(|l| !l.furniture && !l.text.is_empty() && furniture(&l.text, profile).is_none())
        .map(|l| l.text.as_str())
        .next()
        .is_some_and(|next| numbered(next, profile).is_some() || sub_label(next, profile).is_some())
}

/// A heading.
pub struct Heading;

impl LineRule for Heading {
    fn rule(&self) -> Rule {
        Rule {
            name: "heading",
            decides: "after an ended line, a section's label (`B`, `II.`, `* * *`), a short capitalised line without final punctuation that is no lead and has a paragraph after it (\"Reporting\", \"Mesures\"), a bold title, or any title just before a numbered paragraph or a sub-paragraph is a heading over the next paragraph; under a heading, a line that opens no paragraph and has one after it is its subtitle (\"En ce qui concerne le commerce des armements,\")",
        }
    }

    fn decide<'l>(&self, cx: &Cx<'_>, line: &'l CleanedLine) -> Option<Decided<'l>> {
        let state = cx.state;
        let profile = cx.profile;
        let text = line.text.as_str();
        let shaped = |with_long: bool| {
            heading_shape(text, profile) && heading_follows(cx)
                || line.bold && title_shape(text, profile)
                || with_long && title_shape(text, profile) && numbered_follows(cx)
        };
        let heading = if state.closed {
            let prev = state.prev_or_default();
            (prev.ends_paragraph || state.prev.is_none()) && shaped(false)
        } else {
            let headed = !state.pending_headings.is_empty();
            let subtitle = headed
                && !opens_paragraph(text, profile)
                && text.split(' ').count() <= 20
                && heading_follows(cx);
            ended(cx).1 && (shaped(true) || section_label(text) || subtitle)
        };
        heading.then_some(())?;
        Decided::plain(Decision::Heading)
    }
}

/// A preambular lead the lexicon lacks.
pub struct UnknownLead;

impl LineRule for UnknownLead {
    fn rule(&self) -> Rule {
        Rule {
            name: "unknown-lead",
            decides: "before the operative part, after an ended line, a capitalised participle or adjective the lexicon lacks (\"Alarmed\", \"Gravely distressed\", \"Ayant entendu\") opens a preambular paragraph",
        }
    }

    fn decide<'l>(&self, cx: &Cx<'_>, line: &'l CleanedLine) -> Option<Decided<'l>> {
        let state = cx.state;
        let text = line.text.as_str();
        (!state.closed
            && ended(cx).1
            && state.part != Some(Part::Operative)
            && unknown_preamble_lead(text, cx.profile).is_some())
        .then_some(())?;
        Decided::plain(Decision::Paragraph {
            part: Part::Preamble,
            label: None,
            number: None,
            text,
        })
    }
}

/// A line that goes on with the paragraph before.
pub struct Continuation;

impl LineRule for Continuation {
    fn rule(&self) -> Rule {
        Rule {
            name: "continuation",
            decides: "any other line goes on with the open paragraph (text before any paragraph is kept as a preambular one, and a capitalised line after a full stop is flagged)",
        }
    }

    fn decide<'l>(&self, cx: &Cx<'_>, line: &'l CleanedLine) -> Option<Decided<'l>> {
        let state = cx.state;
        if state.closed {
            return Decided::plain(Decision::Text);
        }
        let text = line.text.as_str();
        let mut warnings = Vec::new();
        // A paragraph-shaped number that cannot be one
        // (`99999999999999999999. Requests`) is named, not hidden.
        let digits = text.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 3 && text[digits..].starts_with(". ") {
            warnings.push(format!(
                "'{}.' is not the next paragraph number ({}): kept as text of the paragraph before",
                &text[..digits],
                state.expected_number()
            ));
        }
        let prev = state.prev_or_default();
        let decision = if state.out.blocks.is_empty() {
            warnings.push(
                "text before the first recognised paragraph: kept as a preambular paragraph"
                    .to_string(),
            );
            Decision::Paragraph {
                part: Part::Preamble,
                label: None,
                number: None,
                text,
            }
        } else {
            if prev.ends_with_full_stop && text.starts_with(char::is_uppercase) {
                warnings.push(
                    "line continues a paragraph that had ended with '.'; check the paragraph break"
                        .to_string(),
                );
            }
            Decision::Text
        };
        Some(Decided { decision, warnings })
    }
}
