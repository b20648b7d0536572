//! Rules for page furniture: the lines a PDF or web page adds around the
//! text (job numbers, running heads, page numbers, the masthead), which are
//! dropped, and what some of them tell of the document.

use super::{Cx, Decided, Decision, LineRule, Rule};
use crate::parse::import::furniture::{Revealed, furniture, is_footnote_rule, prologue_furniture};
use crate::parse::import::lines::CleanedLine;

/// A line the page layout showed to be furniture.
pub struct PageFurniture;

impl LineRule for PageFurniture {
    fn rule(&self) -> Rule {
        Rule {
            name: "page-furniture",
            decides: "a line the page breaks of a dump show to be a page's head or foot (the lines down to the running symbol, the job number and page number at the foot) is furniture",
        }
    }

    fn decide<'l>(&self, _cx: &Cx<'_>, line: &'l CleanedLine) -> Option<Decided<'l>> {
        line.furniture.then_some(())?;
        Decided::plain(Decision::Furniture {
            revealed: Revealed::default(),
            opens_footnotes: false,
        })
    }
}

/// A line that is furniture wherever it stands.
pub struct Furniture;

impl LineRule for Furniture {
    fn rule(&self) -> Rule {
        Rule {
            name: "furniture",
            decides: "a job number (`21-05282 (R) 220421`), barcode, page number, \"Please recycle\", distribution line, rule, running symbol or download line is furniture; a running symbol or download line gives the document's symbol and date, and a footnote rule opens the page's footnote area (or, after the text's close, the notes' area)",
        }
    }

    fn decide<'l>(&self, cx: &Cx<'_>, line: &'l CleanedLine) -> Option<Decided<'l>> {
        let revealed = furniture(&line.text, cx.profile)?;
        let state = cx.state;
        Decided::plain(Decision::Furniture {
            revealed,
            // A rule opens a page's notes in a paged text, and the notes
            // after the text's close in any (fr/: the volumes' notes).
            opens_footnotes: (state.paged && state.started || state.closed)
                && is_footnote_rule(&line.text),
        })
    }
}

/// The title printed again as a page's running head.
pub struct RunningHead;

impl LineRule for RunningHead {
    fn rule(&self) -> Rule {
        Rule {
            name: "running-head",
            decides: "a line of the numbered title (`80/4. Necessity of …`) printed again alone in the text is a page's running head, unless a title is due there (after \"Annex\" or a colon)",
        }
    }

    fn decide<'l>(&self, cx: &Cx<'_>, line: &'l CleanedLine) -> Option<Decided<'l>> {
        let state = cx.state;
        let title_due = state.annex_title_pending || state.prev.is_some_and(|p| p.ends_with_colon);
        (state.started && !title_due && state.running_heads.contains(&line.text)).then_some(())?;
        Decided::plain(Decision::Furniture {
            revealed: Revealed::default(),
            opens_footnotes: false,
        })
    }
}

/// The masthead and the lines of a head before the text starts.
pub struct PrologueFurniture;

impl LineRule for PrologueFurniture {
    fn rule(&self) -> Rule {
        Rule {
            name: "prologue-furniture",
            decides: "before the text starts, the masthead (\"United Nations\", \"Nations Unies\"), an organ's name alone, the agenda item and a date alone are furniture; a date gives the document's",
        }
    }

    fn decide<'l>(&self, cx: &Cx<'_>, line: &'l CleanedLine) -> Option<Decided<'l>> {
        if cx.state.started {
            return None;
        }
        let revealed = prologue_furniture(&line.text, cx.profile)?;
        Decided::plain(Decision::Furniture {
            revealed,
            opens_footnotes: false,
        })
    }
}
