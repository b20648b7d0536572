//! Rules for the frame of the text: what comes before it (the prologue),
//! the enacting formula that opens it, and the line that closes it (the
//! General Assembly's meeting line, the Council's adoption line).

use super::shapes::{enacting_formula, opens_paragraph};
use super::{Cx, Decided, Decision, LineRule, Rule};
use crate::lang::first_match;
use crate::parse::import::lines::CleanedLine;

/// The date of the meeting line, on the line after it.
pub struct MeetingDate;

impl LineRule for MeetingDate {
    fn rule(&self) -> Rule {
        Rule {
            name: "meeting-date",
            decides: "a date alone on the line after the closing meeting line (`22nd plenary meeting` / `29 October 2025`) is that line's date",
        }
    }

    fn decide<'l>(&self, cx: &Cx<'_>, line: &'l CleanedLine) -> Option<Decided<'l>> {
        let state = cx.state;
        (state.meeting_open
            && state.out.meeting.is_some()
            && cx.profile.parse_date(&line.text).is_some())
        .then_some(())?;
        Decided::plain(Decision::MeetingDate)
    }
}

/// The enacting formula.
pub struct EnactingFormula;

impl LineRule for EnactingFormula {
    fn rule(&self) -> Rule {
        Rule {
            name: "enacting-formula",
            decides: "before the text, the organ's formula (\"The General Assembly,\", \"Le Conseil de sécurité,\", or an article and a short organ's name) opens it",
        }
    }

    fn decide<'l>(&self, cx: &Cx<'_>, line: &'l CleanedLine) -> Option<Decided<'l>> {
        (!cx.state.started && enacting_formula(&line.text, cx.profile)).then_some(())?;
        Decided::plain(Decision::Formula)
    }
}

/// Text before the resolution.
pub struct Prologue;

impl LineRule for Prologue {
    fn rule(&self) -> Rule {
        Rule {
            name: "prologue",
            decides: "before the formula or a first paragraph, a line that opens no paragraph (by a lead, a number or a label) is the head's or a title's; the head reads it",
        }
    }

    fn decide<'l>(&self, cx: &Cx<'_>, line: &'l CleanedLine) -> Option<Decided<'l>> {
        (!cx.state.started && !opens_paragraph(&line.text, cx.profile)).then_some(())?;
        Decided::plain(Decision::Prologue)
    }
}

/// The line that closes the text.
pub struct ClosingLine;

impl LineRule for ClosingLine {
    fn rule(&self) -> Rule {
        Rule {
            name: "closing-line",
            decides: "after the paragraphs, the General Assembly's meeting line (\"30th plenary meeting\", \"81e séance plénière\") or the Council's adoption line (\"Adoptée à l’unanimité à la 4957e séance.\") closes the text and is kept in the metadata",
        }
    }

    fn decide<'l>(&self, cx: &Cx<'_>, line: &'l CleanedLine) -> Option<Decided<'l>> {
        if cx.state.out.blocks.is_empty() {
            return None;
        }
        let patterns = &cx.profile.patterns;
        let text = &line.text;
        (first_match(&patterns.meeting, text, cx.profile).is_some()
            || first_match(&patterns.adoption, text, cx.profile).is_some())
        .then_some(())?;
        Decided::plain(Decision::Closing)
    }
}
