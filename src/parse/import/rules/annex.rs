//! Rules for annexes: the label line that opens one ("Annex II",
//! "Annexe"), a text a lone operative paragraph adopts, the annex's title,
//! and its paragraphs, numbered or not.

use super::shapes::{numbered, sub_label, title_shape};
use super::{Cx, Decided, Decision, LineRule, Rule};
use crate::lang::Profile;
use crate::model::Part;
use crate::parse::import::lines::{BlockKind, CleanedLine, Prev};

/// `Annex`, `Annex I`, `Annexe II`, alone or with its title: see
/// [`Profile::annex_label`].
pub fn annex_label<'a>(text: &'a str, profile: &Profile) -> Option<(&'a str, Option<&'a str>)> {
    profile.annex_label(text)
}

/// The label line of an annex.
pub struct AnnexLabel;

impl LineRule for AnnexLabel {
    fn rule(&self) -> Rule {
        Rule {
            name: "annex-label",
            decides: "after the operative part, a line \"Annex\", \"Annex II\" or \"Annexe\" (with the title after it or not) opens an annex; text after the close with no such line is kept as an annex, with a warning",
        }
    }

    fn decide<'l>(&self, cx: &Cx<'_>, line: &'l CleanedLine) -> Option<Decided<'l>> {
        let state = cx.state;
        let (label, title) = annex_label(&line.text, cx.profile)?;
        (matches!(state.part, Some(Part::Operative | Part::Annex))
            && (state.prev_or_default().ends_paragraph || state.closed))
            .then_some(())?;
        Decided::plain(Decision::Annex {
            label: Some(label.to_string()),
            title: title.map(str::to_string),
        })
    }
}

/// A text that a lone operative paragraph adopts, annexed though no line
/// says so.
pub struct AdoptedText;

impl LineRule for AdoptedText {
    fn rule(&self) -> Rule {
        Rule {
            name: "adopted-text",
            decides: "a title after a lone, unnumbered operative paragraph that adopts \"the following\" text and ends with a colon opens that text as an annex (A/RES/73/3)",
        }
    }

    fn decide<'l>(&self, cx: &Cx<'_>, line: &'l CleanedLine) -> Option<Decided<'l>> {
        let state = cx.state;
        let profile = cx.profile;
        let adopting = |text: &str| {
            profile
                .data
                .annex
                .adopting
                .iter()
                .any(|w| text.contains(&format!(" {w} ")))
        };
        // Only a lone, unnumbered operative paragraph adopts a text; a
        // numbered one that lists "the following" goes on.
        (!state.closed
            && state.part == Some(Part::Operative)
            && state.prev_or_default().ends_with_colon
            && state.stack.is_empty()
            && title_shape(&line.text, profile)
            && state
                .current_top()
                .is_some_and(|b| b.label.is_none() && b.pieces.iter().any(|p| adopting(&p.text))))
        .then_some(())?;
        Decided::plain(Decision::Annex {
            label: None,
            title: Some(line.text.clone()),
        })
    }
}

/// Text after the close, before any annex line.
pub struct TextAfterClose;

impl LineRule for TextAfterClose {
    fn rule(&self) -> Rule {
        Rule {
            name: "text-after-close",
            decides: "text after the resolution's last paragraph, with no annex line before it, opens an annex with no label, with a warning; the line is then read as the annex's",
        }
    }

    fn decide<'l>(&self, cx: &Cx<'_>, _line: &'l CleanedLine) -> Option<Decided<'l>> {
        let state = cx.state;
        (state.closed && state.out.annexes.is_empty()).then_some(())?;
        let label = cx
            .profile
            .data
            .annex
            .labels
            .first()
            .map_or("", String::as_str);
        Decided::warned(
            Decision::OpenAnnex,
            format!(
                "text after the resolution's last paragraph, with no '{label}' line: kept as an annex"
            ),
        )
    }
}

/// Whether a line's letters are all capitals (three at least).
fn in_capitals(text: &str) -> bool {
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 3 && letters.iter().all(|c| c.is_uppercase())
}

/// The title of an annex.
pub struct AnnexTitle;

impl LineRule for AnnexTitle {
    fn rule(&self) -> Rule {
        Rule {
            name: "annex-title",
            decides: "the first line of an annex that opens no paragraph and is shaped as a title (or in capitals) is its title; a title in capitals goes on while its lines are",
        }
    }

    fn decide<'l>(&self, cx: &Cx<'_>, line: &'l CleanedLine) -> Option<Decided<'l>> {
        let state = cx.state;
        if !state.closed {
            return None;
        }
        let profile = cx.profile;
        let text = line.text.as_str();
        let opens = numbered(text, profile).is_some() || sub_label(text, profile).is_some();
        let capitals = in_capitals(text);
        if state.annex_title_pending && !opens && (title_shape(text, profile) || capitals) {
            return Decided::plain(Decision::AnnexTitle {
                in_capitals: capitals,
            });
        }
        let has_title = state.out.annexes.last().is_some_and(|a| a.title.is_some());
        (state.annex_title_continues && capitals && has_title).then_some(())?;
        Decided::plain(Decision::AnnexTitleGoesOn)
    }
}

/// How the last line ended, inside an annex: a paragraph may open after
/// an ended one, or at the start.
fn ended_in_annex(cx: &Cx<'_>) -> (Prev, bool) {
    let prev = cx.state.prev_or_default();
    (prev, prev.ends_paragraph || cx.state.prev.is_none())
}

/// A numbered paragraph of an annex.
pub struct AnnexNumber;

impl LineRule for AnnexNumber {
    fn rule(&self) -> Rule {
        Rule {
            name: "annex-number",
            decides: "in an annex, a numbered line after an ended one opens a numbered paragraph of the annex",
        }
    }

    fn decide<'l>(&self, cx: &Cx<'_>, line: &'l CleanedLine) -> Option<Decided<'l>> {
        if !cx.state.closed {
            return None;
        }
        let (prev, ended) = ended_in_annex(cx);
        let n = numbered(&line.text, cx.profile)?;
        (ended || prev.long).then_some(())?;
        Decided::plain(Decision::Paragraph {
            part: Part::Annex,
            label: Some(n.label),
            number: Some(n.value),
            text: n.rest,
        })
    }
}

/// An unnumbered paragraph of an annex, or an item of a list whose labels
/// the source lost.
pub struct AnnexParagraph;

impl LineRule for AnnexParagraph {
    fn rule(&self) -> Rule {
        Rule {
            name: "annex-paragraph",
            decides: "in an annex, a capitalised line after an ended one is an item of the list its numbered paragraph introduced (whose labels were lost), or, before the numbering or under a heading, a paragraph of its own; once the numbering started, a dump's broken paragraph goes on",
        }
    }

    fn decide<'l>(&self, cx: &Cx<'_>, line: &'l CleanedLine) -> Option<Decided<'l>> {
        let state = cx.state;
        if !state.closed {
            return None;
        }
        let (_, ended) = ended_in_annex(cx);
        let text = line.text.as_str();
        (ended && text.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
            .then_some(())?;
        // Under a numbered paragraph that introduced a list, a new
        // sentence is one of its items whose label the source lost.
        let introduced = state.current_top().is_some_and(|b| {
            b.label.is_some()
                && b.pieces
                    .last()
                    .is_some_and(|p| Prev::of(&p.text, cx.profile).ends_with_colon)
        });
        let in_lost_list = state
            .out
            .blocks
            .last()
            .is_some_and(|b| matches!(b.kind, BlockKind::Sub(_)) && b.label.is_none());
        if (introduced || in_lost_list) && state.last_number.is_some() {
            return Decided::plain(Decision::ListItem);
        }
        // Before the numbering starts (an opening "We, Heads of State …"),
        // or under a heading, a paragraph of its own; once it has, an
        // unnumbered line goes on with the last numbered paragraph, which a
        // dump broke.
        (state.last_number.is_none() || !state.pending_headings.is_empty()).then_some(())?;
        Decided::plain(Decision::Paragraph {
            part: Part::Annex,
            label: None,
            number: None,
            text,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Language;

    #[test]
    fn annex_labels_with_and_without_their_title() {
        let en = Language::En.profile();
        assert_eq!(annex_label("Annex", en), Some(("Annex", None)));
        assert_eq!(annex_label("Annex II", en), Some(("Annex II", None)));
        assert_eq!(
            annex_label("Annex 2025 Political Declaration on Trafficking", en),
            Some(("Annex", Some("2025 Political Declaration on Trafficking")))
        );
        assert_eq!(annex_label("Annexes to the report are", en), None);
        assert_eq!(annex_label("Annex to resolution 1", en), None);
        let fr = Language::Fr.profile();
        assert_eq!(annex_label("Annexe II", fr), Some(("Annexe II", None)));
        assert_eq!(annex_label("Annex II", fr), None);
    }
}
