//! Rules for blank lines and footnotes: a footnote's text below the rule
//! of a page, a footnote line in the running text of a dump, a Markdown
//! footnote that goes on over several lines.

use super::{AreaLine, Cx, Decided, Decision, LineRule, Rule, State};
use crate::lang::Profile;
use crate::parse::import::footnotes::{footnote_line_shape, markdown_footnote};
use crate::parse::import::furniture::furniture;
use crate::parse::import::lines::CleanedLine;

/// An empty line.
pub struct Blank;

impl LineRule for Blank {
    fn rule(&self) -> Rule {
        Rule {
            name: "blank",
            decides: "an empty line separates paragraphs and ends a Markdown footnote",
        }
    }

    fn decide<'l>(&self, _cx: &Cx<'_>, line: &'l CleanedLine) -> Option<Decided<'l>> {
        line.text.is_empty().then_some(())?;
        Decided::plain(Decision::Blank)
    }
}

/// Whether `line` goes on with the Markdown footnote of the line before.
pub fn continues_a_markdown_footnote(
    state: &State,
    line: &CleanedLine,
    _profile: &Profile,
) -> bool {
    state.in_markdown_footnote
        && markdown_footnote(&line.text).is_none()
        && !state.out.footnotes.is_empty()
}

/// More text of a Markdown footnote.
pub struct FootnoteText;

impl LineRule for FootnoteText {
    fn rule(&self) -> Rule {
        Rule {
            name: "footnote-text",
            decides: "a line after a `[^N]:` footnote and before the next blank line is more of its text",
        }
    }

    fn decide<'l>(&self, cx: &Cx<'_>, line: &'l CleanedLine) -> Option<Decided<'l>> {
        continues_a_markdown_footnote(cx.state, line, cx.profile).then_some(())?;
        Decided::plain(Decision::FootnoteText)
    }
}

/// A line under the footnote rule of a page.
pub struct FootnoteArea;

impl LineRule for FootnoteArea {
    fn rule(&self) -> Rule {
        Rule {
            name: "footnote-area",
            decides: "a line under the footnote rule of a page is a footnote (`1 A/73/85.`), its number alone with the text on the next line, more of the last footnote, or the page's furniture",
        }
    }

    fn decide<'l>(&self, cx: &Cx<'_>, line: &'l CleanedLine) -> Option<Decided<'l>> {
        let state = cx.state;
        let text = line.text.as_str();
        if !state.footnote_area || line.furniture {
            return None;
        }
        let profile = cx.profile;
        let is_furniture = furniture(text, profile).is_some();
        // A furniture line with a slash (a running symbol) is furniture
        // before it can be a footnote's.
        if is_furniture && text.contains('/') {
            return None;
        }
        let area = if is_furniture && !text.bytes().all(|b| b.is_ascii_digit()) {
            AreaLine::Furniture
        } else if let Some((value, note)) = footnote_line_shape(text, profile) {
            AreaLine::Note(value, note)
        } else if let Some(value) = (text.len() <= 3 && text.bytes().all(|b| b.is_ascii_digit()))
            .then(|| text.parse().ok())
            .flatten()
        {
            // Under the rule a number alone is a footnote's, not a page's.
            AreaLine::Number(value)
        } else if state.pending_footnote.is_some() {
            AreaLine::Pending(text)
        } else if !state.out.footnotes.is_empty() {
            AreaLine::More
        } else {
            AreaLine::Orphan
        };
        Decided::plain(Decision::FootnoteArea(area))
    }
}

/// A footnote line in the running text of a dump.
pub struct FootnoteLine;

impl LineRule for FootnoteLine {
    fn rule(&self) -> Rule {
        Rule {
            name: "footnote-line",
            decides: "a line shaped as a footnote (`5 Resolution 60/288.`) is one when its number is the next footnote and a marker for it was seen in the text, or when it says so (`[^5]: …`)",
        }
    }

    fn decide<'l>(&self, cx: &Cx<'_>, line: &'l CleanedLine) -> Option<Decided<'l>> {
        let state = cx.state;
        if !state.started || state.out.blocks.is_empty() {
            return None;
        }
        let (value, text) = footnote_line_shape(&line.text, cx.profile)?;
        let explicit = markdown_footnote(&line.text).is_some();
        let in_sequence = state.last_footnote.is_none_or(|last| value == last + 1);
        (explicit || (in_sequence && state.marker_values.contains(&value))).then_some(())?;
        Decided::plain(Decision::Footnote {
            value,
            text,
            explicit,
        })
    }
}
