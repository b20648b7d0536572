//! From blocks to the model: joins each block's pieces into its text,
//! takes footnote markers out of the text into `FootnoteRef`s, finds each
//! paragraph's lead, and nests sub-paragraphs under their paragraph.

use std::collections::BTreeSet;

use super::Warning;
use super::footnotes::{MarkerCandidate, MarkerShape, choose_markers, marker_candidates};
use super::lines::{Block, BlockKind, Piece};
use super::rules::Rule;
use super::rules::shapes::unknown_preamble_lead;
use super::words::is_suspended_compound_word;
use crate::error::{Error, Result};
use crate::lang::Profile;
use crate::limits::Tally;
use crate::model::{Annex, Footnote, FootnoteRef, LeadSource, Paragraph, Part};
use crate::parse::{MARKER_CLOSE, MARKER_OPEN};

/// The rule that finds footnote markers in the text.
pub const FOOTNOTE_MARKERS: Rule = Rule {
    name: "footnote-markers",
    decides: "a digit run glued to the text (`organizations1,`, `20103`, `session,6`, `problem, 7 and`) is a footnote marker when it is the next in the sequence of the text's footnotes, or (glued to a word or year) a later one that has a footnote; markers a typeset source raised are taken as they are",
};

/// The rule that finds each paragraph's lead.
pub const LEAD: Rule = Rule {
    name: "lead",
    decides: "a paragraph's lead is the italic run of a typeset source, else the longest lexicon lead opening it (with its continuation words), else a participle or first verb the lexicon lacks, with a warning; the first is read from italics, every other taken by convention",
};

/// The rule that finds a sub-paragraph's lead.
pub const SUB_LEAD: Rule = Rule {
    name: "sub-lead",
    decides: "a sub-paragraph has a lead only where it opens as a paragraph of its part would (\"(i) Supporting physical protection\" under an operative verb has none)",
};

/// The rule that joins the lines of a paragraph.
pub const HYPHEN_JOIN: Rule = Rule {
    name: "hyphen-join",
    decides: "the lines of a paragraph are joined with a space, without one after a hyphen that ends a line (`state-` / `building`), unless the next line opens a suspended compound (`troop-` / `and police-contributing`)",
};

/// The two parts and the footnotes, built.
#[derive(Debug, Default)]
pub struct Built {
    pub preamble: Vec<Paragraph>,
    pub operative: Vec<Paragraph>,
    pub annexes: Vec<Annex>,
    pub footnotes: Vec<Footnote>,
}

/// Join a block's pieces: a space between lines, none after a hyphen that
/// ends a line (`state-` / `building`), unless the next line starts a
/// suspended compound (`troop-` / `and police-contributing`).
pub fn join_pieces(pieces: &[Piece], profile: &Profile) -> String {
    let mut text = String::new();
    for piece in pieces {
        let hanging_hyphen = text.ends_with('-')
            && text[..text.len() - 1]
                .chars()
                .next_back()
                .is_some_and(char::is_alphabetic);
        let first_word = piece.text.split(' ').next().unwrap_or_default();
        let glue = hanging_hyphen && !is_suspended_compound_word(first_word, profile);
        if !text.is_empty() && !glue {
            text.push(' ');
        }
        text.push_str(&piece.text);
    }
    text
}

/// Line of the piece that holds byte `offset` of the joined text.
fn line_at(pieces: &[Piece], offset: usize) -> usize {
    let mut start = 0;
    for piece in pieces {
        let end = start + piece.text.len() + 1;
        if offset < end {
            return piece.line;
        }
        start = end;
    }
    pieces.last().map_or(0, |p| p.line)
}

struct Joined {
    kind: BlockKind,
    label: Option<String>,
    heading: Option<String>,
    text: String,
    line: usize,
    pieces: Vec<Piece>,
    lead: Option<String>,
    annex: Option<usize>,
    footnotes: Vec<FootnoteRef>,
}

/// Where the footnotes come from.
#[derive(Debug, Clone, Copy)]
pub enum Footnotes<'a> {
    /// Footnote lines found in a text dump, (line, number, text): their
    /// markers are digit runs glued to the text, found by their shape.
    Lines(&'a [(usize, u32, String)]),
    /// Footnotes a typeset source separated, (line, marker, text): their
    /// markers are in the text between [`MARKER_OPEN`] and [`MARKER_CLOSE`].
    Typeset(&'a [(usize, String, String)]),
}

/// Build the parts; `annexes` are the annexes the line pass found (label
/// and title), which annex blocks point into.
pub fn build(
    blocks: Vec<Block>,
    annexes: Vec<Annex>,
    footnotes: Footnotes<'_>,
    profile: &Profile,
    warnings: &mut Vec<Warning>,
) -> Result<Built> {
    let mut tally = Tally::default();
    for block in &blocks {
        let bytes = block.pieces.iter().map(|p| p.text.len() + 1).sum();
        if !block.pieces.is_empty()
            && let Some(message) = tally.paragraph(bytes)
        {
            let mut error = Error::new(message);
            error.line = Some(block.first_line());
            return Err(error);
        }
    }
    let mut joined: Vec<Joined> = blocks
        .into_iter()
        .filter(|b| !b.pieces.is_empty())
        .map(|b| Joined {
            kind: b.kind,
            text: join_pieces(&b.pieces, profile),
            line: b.first_line(),
            label: b.label,
            heading: b.heading,
            pieces: b.pieces,
            lead: b.lead,
            annex: b.annex,
            footnotes: Vec::new(),
        })
        .collect();
    let footnotes = match footnotes {
        Footnotes::Lines(lines) => {
            take_markers(&mut joined, lines, profile, warnings);
            lines
                .iter()
                .map(|(_, n, text)| Footnote {
                    marker: n.to_string(),
                    text: text.clone(),
                })
                .collect()
        }
        Footnotes::Typeset(typeset) => {
            take_typeset_markers(&mut joined, typeset, warnings);
            typeset
                .iter()
                .map(|(_, marker, text)| Footnote {
                    marker: marker.clone(),
                    text: text.clone(),
                })
                .collect()
        }
    };
    let mut built = Built {
        footnotes,
        annexes,
        ..Built::default()
    };
    let mut current: Option<(Part, Option<usize>, Paragraph)> = None;
    for block in joined {
        let parent_part = current.as_ref().map(|(part, _, _)| *part);
        let paragraph = paragraph_of(&block, parent_part, profile, warnings);
        match block.kind {
            BlockKind::Top(part) => {
                if let Some((p, annex, done)) = current.take() {
                    push(&mut built, p, annex, done);
                }
                current = Some((part, block.annex, paragraph));
            }
            BlockKind::Sub(depth) => match current.as_mut() {
                Some((_, _, parent)) => {
                    let mut host = parent;
                    for _ in 1..depth {
                        if host.subparagraphs.is_empty() {
                            break;
                        }
                        host = host.subparagraphs.last_mut().expect("checked non-empty");
                    }
                    host.subparagraphs.push(paragraph);
                }
                None => {
                    warnings.push(Warning {
                        line: block.line,
                        rule: "sub-label",
                        message:
                            "sub-paragraph before any paragraph: kept as a preambular paragraph"
                                .into(),
                    });
                    current = Some((Part::Preamble, None, paragraph));
                }
            },
        }
    }
    if let Some((p, annex, done)) = current.take() {
        push(&mut built, p, annex, done);
    }
    Ok(built)
}

fn push(built: &mut Built, part: Part, annex: Option<usize>, paragraph: Paragraph) {
    match part {
        Part::Preamble => built.preamble.push(paragraph),
        Part::Operative => built.operative.push(paragraph),
        Part::Annex => match annex.and_then(|i| built.annexes.get_mut(i)) {
            Some(annex) => annex.paragraphs.push(paragraph),
            None => built.operative.push(paragraph),
        },
    }
}

/// Find the markers across all blocks in reading order and remove them.
fn take_markers(
    joined: &mut [Joined],
    footnote_lines: &[(usize, u32, String)],
    profile: &Profile,
    warnings: &mut Vec<Warning>,
) {
    let footnote_numbers: BTreeSet<u32> = footnote_lines.iter().map(|f| f.1).collect();
    if footnote_numbers.is_empty() {
        return;
    }
    let footnote_line = |n: u32| footnote_lines.iter().find(|f| f.1 == n).map_or(0, |f| f.0);
    let mut all = Vec::new();
    let mut owner = Vec::new();
    for (index, block) in joined.iter().enumerate() {
        for candidate in marker_candidates(&block.text, profile) {
            all.push(candidate);
            owner.push(index);
        }
    }
    let super::footnotes::Chosen {
        chosen,
        skipped,
        through_volume,
    } = choose_markers(&all, &footnote_numbers);
    for marker in skipped {
        let line = chosen
            .iter()
            .find(|&&i| all[i].value > marker)
            .map_or(0, |&i| joined[owner[i]].line);
        warnings.push(Warning {
            line,
            rule: FOOTNOTE_MARKERS.name,
            message: format!("no marker for footnote {marker} found in the text"),
        });
    }
    let mut found = BTreeSet::new();
    for (block_index, block) in joined.iter_mut().enumerate() {
        let mine: Vec<&MarkerCandidate> = chosen
            .iter()
            .filter(|&&i| owner[i] == block_index)
            .map(|&i| &all[i])
            .collect();
        if mine.is_empty() {
            continue;
        }
        let mut removals = Vec::new();
        let mut removed = 0;
        for candidate in mine {
            let mut remove = candidate.remove.clone();
            // `Security, 2,`: the marker sat between two commas; keep one.
            if candidate.shape == MarkerShape::Spaced {
                let before = block.text[..remove.start].chars().next_back();
                let after = block.text[remove.end..].chars().next();
                if before.is_some() && before == after {
                    remove.end += after.map_or(0, char::len_utf8);
                    warnings.push(Warning {
                        line: line_at(&block.pieces, remove.start),
                        rule: FOOTNOTE_MARKERS.name,
                        message: format!(
                            "footnote marker {} stood between two '{}': kept one",
                            candidate.value,
                            after.unwrap_or(' ')
                        ),
                    });
                }
            }
            if candidate.shape == MarkerShape::AfterName {
                let word = block.text[..remove.start]
                    .rsplit(' ')
                    .next()
                    .unwrap_or_default();
                warnings.push(Warning {
                    line: line_at(&block.pieces, remove.start),
                    rule: FOOTNOTE_MARKERS.name,
                    message: format!(
                        "took '{word} {}' as footnote marker {} after a name: check it is not a number the name counts",
                        candidate.value, candidate.value
                    ),
                });
            }
            block.footnotes.push(FootnoteRef {
                marker: candidate.value.to_string(),
                offset: remove.start - removed,
            });
            removed += remove.len();
            found.insert(candidate.value);
            if !footnote_numbers.contains(&candidate.value) {
                let first = footnote_numbers.first().copied().unwrap_or(1);
                let message = if through_volume && candidate.value < first {
                    format!(
                        "footnote {} is cited again: its text is with the resolution that cited it first (the notes are numbered through a volume)",
                        candidate.value
                    )
                } else {
                    format!(
                        "footnote {} is marked in the text but its footnote text is missing",
                        candidate.value
                    )
                };
                warnings.push(Warning {
                    line: line_at(&block.pieces, remove.start),
                    rule: FOOTNOTE_MARKERS.name,
                    message,
                });
            }
            removals.push(remove);
        }
        for remove in removals.into_iter().rev() {
            block.text.replace_range(remove, "");
        }
    }
    for &number in &footnote_numbers {
        if !found.contains(&number) {
            warnings.push(Warning {
                line: footnote_line(number),
                rule: FOOTNOTE_MARKERS.name,
                message: format!("footnote {number} has no marker in the text"),
            });
        }
    }
}

/// Take the typeset markers out of every block's text, in reading order,
/// and say which footnotes have no marker or no text.
fn take_typeset_markers(
    joined: &mut [Joined],
    typeset: &[(usize, String, String)],
    warnings: &mut Vec<Warning>,
) {
    let mut found = BTreeSet::new();
    for block in joined.iter_mut() {
        let (text, refs) = strip_markers(&block.text);
        for r in &refs {
            if !typeset.iter().any(|(_, m, _)| *m == r.marker) {
                warnings.push(Warning {
                    line: block.line,
                    rule: FOOTNOTE_MARKERS.name,
                    message: format!(
                        "footnote {} is marked in the text but its footnote text is missing",
                        r.marker
                    ),
                });
            }
            found.insert(r.marker.clone());
        }
        block.text = text;
        block.footnotes.extend(refs);
    }
    for (line, marker, _) in typeset {
        if !found.contains(marker) {
            warnings.push(Warning {
                line: *line,
                rule: FOOTNOTE_MARKERS.name,
                message: format!("footnote {marker} has no marker in the text"),
            });
        }
    }
}

/// The text without its typeset markers, and the markers with the offset
/// each stood at.
pub fn strip_markers(text: &str) -> (String, Vec<FootnoteRef>) {
    let mut out = String::with_capacity(text.len());
    let mut refs = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find(MARKER_OPEN) {
        out.push_str(&rest[..open]);
        let after = &rest[open + MARKER_OPEN.len_utf8()..];
        let close = after.find(MARKER_CLOSE).unwrap_or(after.len());
        let marker = after[..close].trim();
        // A run of raised characters that is not a marker (an ordinal's
        // "th", a stray raised comma) stays text.
        let markers: Vec<&str> = marker.split([',', ' ']).filter(|m| !m.is_empty()).collect();
        if !markers.is_empty()
            && markers
                .iter()
                .all(|m| m.chars().all(|c| c.is_ascii_digit()))
        {
            for m in markers {
                refs.push(FootnoteRef {
                    marker: m.to_string(),
                    offset: out.len(),
                });
            }
        } else {
            out.push_str(marker);
        }
        rest = after.get(close + MARKER_CLOSE.len_utf8()..).unwrap_or("");
    }
    out.push_str(rest);
    (out, refs)
}

/// `parent_part`: the part of the paragraph a sub-paragraph belongs to.
fn paragraph_of(
    block: &Joined,
    parent_part: Option<Part>,
    profile: &Profile,
    warnings: &mut Vec<Warning>,
) -> Paragraph {
    let text = block.text.clone();
    // Only a typeset source's italic run is read; every other lead is the
    // lexicon's (or a guess) on plain words.
    let italics = block.lead.is_some();
    let lead = match block.kind {
        _ if block.lead.is_some() => block.lead.clone(),
        // Annexed declarations open with plain verbs ("Reaffirm"): a lead
        // only where the source set one in italics.
        BlockKind::Top(Part::Annex) => None,
        BlockKind::Sub(_) if parent_part == Some(Part::Annex) => None,
        // A sub-paragraph has a lead only when it opens like its paragraph
        // would ("(i) Supporting physical protection" under "Underscores"
        // is a gerund, not a preambular lead).
        BlockKind::Sub(_) => profile
            .lexicon()
            .lead_at_start(&text, Some(parent_part.unwrap_or(Part::Preamble)))
            .map(|m| printed_lead(&m.printed)),
        BlockKind::Top(part) => top_lead(&text, part, block, profile, warnings),
    };
    let lead_source = lead.as_ref().map(|_| {
        if italics {
            LeadSource::Italics
        } else {
            LeadSource::Convention
        }
    });
    Paragraph {
        number: block.label.clone(),
        lead,
        lead_source,
        text,
        heading: block.heading.clone(),
        subparagraphs: Vec::new(),
        footnotes: block.footnotes.clone(),
    }
}

fn top_lead(
    text: &str,
    part: Part,
    block: &Joined,
    profile: &Profile,
    warnings: &mut Vec<Warning>,
) -> Option<String> {
    // A paragraph whose words are all in its sub-paragraphs ("2. a) Décide
    // …") has no lead of its own.
    if text.is_empty() {
        return None;
    }
    let lexicon = profile.lexicon();
    if let Some(found) = lexicon
        .lead_at_start(text, Some(part))
        .or_else(|| lexicon.lead_at_start(text, None))
    {
        return Some(printed_lead(&found.printed));
    }
    let guess = match part {
        Part::Preamble => unknown_preamble_lead(text, profile),
        Part::Operative | Part::Annex => None,
    }
    .or_else(|| first_words_lead(text, profile));
    let where_ = match &block.label {
        Some(label) => format!("operative paragraph {label}"),
        None => format!("{} paragraph", part.name()),
    };
    match &guess {
        Some(lead) => warnings.push(Warning {
            line: block.line,
            rule: LEAD.name,
            message: format!("unknown lead '{lead}' in {where_}"),
        }),
        None => warnings.push(Warning {
            line: block.line,
            rule: LEAD.name,
            message: format!("{where_} has no lead"),
        }),
    }
    guess
}

/// A lead that runs to the end of its paragraph ("Acting under Chapter VII
/// of the Charter of the United Nations.") does not include the full stop.
fn printed_lead(printed: &str) -> String {
    printed.trim_end_matches('.').to_string()
}

/// The first word when capitalised, with the next when the first is an
/// adverb (`Strongly underlines`, `Exige instamment` aside).
fn first_words_lead(text: &str, profile: &Profile) -> Option<String> {
    let mut words = text.split(' ').map(|w| w.trim_end_matches([',', ';', ':']));
    let first = words.next()?;
    if !first.chars().next()?.is_uppercase() || !first.chars().all(char::is_alphabetic) {
        return None;
    }
    let adverb = profile
        .data
        .morphology
        .adverb_endings
        .iter()
        .any(|e| first.ends_with(e.as_str()));
    match words.next() {
        Some(second) if adverb && second.chars().all(char::is_lowercase) && !second.is_empty() => {
            Some(format!("{first} {second}"))
        }
        _ => Some(first.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn en() -> &'static Profile {
        crate::lang::Language::En.profile()
    }

    fn piece(line: usize, text: &str) -> Piece {
        Piece {
            line,
            text: text.into(),
        }
    }

    #[test]
    fn hyphen_at_line_end_joins_without_space() {
        assert_eq!(
            join_pieces(
                &[
                    piece(1, "peacebuilding, state-"),
                    piece(2, "building, including")
                ],
                en()
            ),
            "peacebuilding, state-building, including"
        );
        assert_eq!(
            join_pieces(
                &[piece(1, "troop-"), piece(2, "and police-contributing")],
                en()
            ),
            "troop- and police-contributing"
        );
        assert_eq!(join_pieces(&[piece(1, "a"), piece(2, "b")], en()), "a b");
    }

    #[test]
    fn lines_are_found_from_offsets() {
        let pieces = [piece(4, "abc"), piece(5, "de")];
        assert_eq!(line_at(&pieces, 0), 4);
        assert_eq!(line_at(&pieces, 4), 5);
    }
}
