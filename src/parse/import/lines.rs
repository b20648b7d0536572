//! The line pass: from cleaned physical lines to paragraph blocks. For each
//! line it asks the rules of [`rules::LINE_RULES`] in order what the line
//! is, and carries out the first decision: it drops furniture, keeps
//! footnotes, opens paragraphs, sub-paragraphs, headings and annexes, and
//! adds text to the open paragraph, which the [`rules::TEXT_RULES`] split
//! where extraction ran two paragraphs together. The pass holds no
//! knowledge of its own of what a line is: that is the rules'.

use std::collections::BTreeSet;

use super::Warning;
use super::footnotes::marker_candidates;
use super::furniture::Revealed;
use super::head::numbered_title;
use super::labels::{LabelKind, Level};
use super::rules::inline::{CLOSING_PARAGRAPH, PARAGRAPH_END};
use super::rules::shapes::{enacting_formula, opens_paragraph};
use super::rules::{AreaLine, Cx, Decided, Decision, LINE_RULES, Split, State, TEXT_RULES};
use crate::lang::Profile;
use crate::model::{Annex, Paragraph, Part};
use crate::parse::{MARKER_CLOSE, MARKER_OPEN};

/// A physical line after cleaning (see `words`).
#[derive(Debug, Clone)]
pub struct CleanedLine {
    /// 1-based.
    pub number: usize,
    pub text: String,
    /// Repairs made while cleaning, reported once the line is used.
    pub repairs: Vec<String>,
    /// The drafter's italic run opening the line (after its label), where
    /// the source shows typography (a PDF): the lead, exactly.
    pub lead: Option<String>,
    /// The source set the whole line in bold: a title or heading.
    pub bold: bool,
    /// The page layout shows the line is furniture (see `pages`).
    pub furniture: bool,
    /// The first line of a page (the dump put a form feed before it).
    pub page_start: bool,
}

/// A piece of paragraph text and the line it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    pub line: usize,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Top(Part),
    /// A sub-paragraph; depth 1 is directly under the paragraph.
    Sub(usize),
}

/// One paragraph or sub-paragraph, before cleaning of its joined text.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub kind: BlockKind,
    /// "5", "7 bis", "a", "iv", "•".
    pub label: Option<String>,
    pub heading: Option<String>,
    pub pieces: Vec<Piece>,
    /// The lead the source set in italics, when it shows typography.
    pub lead: Option<String>,
    /// For an annex paragraph, the annex (an index into
    /// [`Assembled::annexes`]).
    pub annex: Option<usize>,
}

impl Block {
    pub fn first_line(&self) -> usize {
        self.pieces.first().map_or(0, |p| p.line)
    }
}

/// Which rule decided a line.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Traced {
    /// 1-based line.
    pub line: usize,
    /// The rule's name.
    pub rule: &'static str,
}

/// Everything the line pass found.
#[derive(Debug, Default)]
pub struct Assembled {
    pub formula: Option<(usize, String)>,
    /// The closing line: "30th plenary meeting 1 November 2018",
    /// "Adoptée à l'unanimité à la 4957e séance.".
    pub meeting: Option<(usize, String)>,
    /// Each annex, in order, with its label and title; its paragraphs are
    /// the blocks that point to it.
    pub annexes: Vec<Annex>,
    /// Lines before the text that are neither furniture nor paragraphs.
    pub prologue: Vec<(usize, String)>,
    pub blocks: Vec<Block>,
    /// (line, number, text)
    pub footnotes: Vec<(usize, u32, String)>,
    /// Line numbers of the dropped furniture lines.
    pub furniture: Vec<usize>,
    pub revealed: Revealed,
    pub warnings: Vec<Warning>,
    /// The rule that decided each non-blank line.
    pub trace: Vec<Traced>,
}

/// How the line before ended.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Prev {
    /// With `, ; : .` (closing quotes and brackets looked through).
    pub ends_paragraph: bool,
    pub ends_with_colon: bool,
    pub ends_with_full_stop: bool,
    /// With a list conjunction ("and", "et"): a list item may still follow.
    pub ends_with_and_or: bool,
    /// An unwrapped line: its paragraph is complete or lost its end.
    pub long: bool,
    /// A few words without final punctuation: a heading, or the title
    /// of a sub-paragraph over its items ("(a) Protection of civilians").
    pub short: bool,
}

/// Longer lines were not hard-wrapped by the extraction.
const UNWRAPPED_LINE: usize = 150;

impl Prev {
    /// How `text` ends.
    pub fn of(text: &str, profile: &Profile) -> Prev {
        let text = without_glued_marker(without_trailing_markers(text));
        let trimmed = text.trim_end_matches(['”', '’', '"', '\'', ')', ']', '»']);
        let last = trimmed.chars().last();
        let last_word = text.rsplit(' ').next().unwrap_or_default();
        let ends = last.is_some_and(|c| ",;:.".contains(c));
        Prev {
            ends_paragraph: ends,
            ends_with_colon: last == Some(':'),
            ends_with_full_stop: last == Some('.'),
            ends_with_and_or: profile
                .data
                .words
                .list_conjunctions
                .iter()
                .any(|c| c == last_word),
            long: text.chars().count() > UNWRAPPED_LINE,
            short: !ends && text.split(' ').count() <= 8,
        }
    }

    /// After a heading, the next line opens a paragraph.
    pub fn heading() -> Prev {
        Prev {
            ends_paragraph: true,
            ..Prev::default()
        }
    }
}

/// The text before typeset footnote markers that end it (`…72/4;` + ¹).
fn without_trailing_markers(text: &str) -> &str {
    let mut text = text.trim_end();
    while text.ends_with(MARKER_CLOSE) {
        match text.rfind(MARKER_OPEN) {
            Some(open) => text = text[..open].trim_end(),
            None => break,
        }
    }
    text
}

/// `…79/42,7`: a footnote marker glued after the punctuation that ends a
/// line hides that end; one or two digits after `, ; : .` are that marker.
fn without_glued_marker(text: &str) -> &str {
    let digits = text.len() - text.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let before = &text[..text.len() - digits];
    let punct = before.chars().next_back();
    let ahead = before[..before.len() - punct.map_or(0, char::len_utf8)]
        .chars()
        .next_back();
    if (1..=2).contains(&digits)
        && !text[before.len()..].starts_with('0')
        && punct.is_some_and(|c| ",;:.".contains(c))
        && ahead.is_some_and(|c| c.is_alphanumeric() || ")”’\"".contains(c))
    {
        before
    } else {
        text
    }
}

/// `…in 2014, 3`: a footnote marker the extraction set apart by a space
/// after the punctuation that ends a paragraph (A/RES/80/20); one or two
/// digits there are that marker, not text cut short. For the end-of-
/// paragraph check only: inside a paragraph ", 3" may be a list.
pub(crate) fn without_spaced_marker(text: &str) -> &str {
    let text = text.trim_end();
    let digits = text.len() - text.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let before = &text[..text.len() - digits];
    match before.strip_suffix(' ') {
        Some(punctuated)
            if (1..=2).contains(&digits)
                && !text[before.len()..].starts_with('0')
                && punctuated.ends_with([',', ';', ':', '.']) =>
        {
            punctuated
        }
        _ => text,
    }
}

/// The lines of a numbered title in the head (`80/4. Necessity of …` and
/// the lines after it before the first blank one), without the number.
fn running_heads(lines: &[CleanedLine], profile: &Profile) -> BTreeSet<String> {
    let mut heads = BTreeSet::new();
    let Some((start, title)) = lines
        .iter()
        .enumerate()
        .find_map(|(i, l)| numbered_title(&l.text).map(|(_, title)| (i, title)))
    else {
        return heads;
    };
    heads.insert(title.to_string());
    // A title wraps over a line or two; what opens or ends a paragraph is
    // not its part.
    for line in lines[start + 1..]
        .iter()
        .take_while(|l| !l.text.is_empty())
        .take(3)
    {
        if enacting_formula(&line.text, profile)
            || opens_paragraph(&line.text, profile)
            || line.text.ends_with([',', ';', ':', '.'])
        {
            break;
        }
        heads.insert(line.text.clone());
    }
    heads.retain(|t| t.split(' ').count() >= 3);
    heads
}

/// The line pass, in the language of `profile`. `typeset`: the lines come
/// from a PDF's or Word document's layout, which has already dropped the
/// page furniture by its position.
pub fn assemble(lines: &[CleanedLine], typeset: bool, profile: &Profile) -> Assembled {
    let mut pass = Pass {
        lines,
        profile,
        state: State {
            running_heads: if typeset {
                BTreeSet::new()
            } else {
                running_heads(lines, profile)
            },
            paged: lines.iter().any(|l| l.page_start),
            ..State::default()
        },
    };
    for index in 0..lines.len() {
        crate::work::step(1);
        pass.line(index);
    }
    pass.finish()
}

/// The pass: the lines, the profile, and what was decided so far.
struct Pass<'a> {
    lines: &'a [CleanedLine],
    profile: &'a Profile,
    state: State,
}

impl Pass<'_> {
    fn warn(&mut self, line: usize, rule: &'static str, message: impl Into<String>) {
        self.state.out.warnings.push(Warning {
            line,
            rule,
            message: message.into(),
        });
    }

    fn cx(&self, index: usize) -> Cx<'_> {
        Cx {
            profile: self.profile,
            lines: self.lines,
            index,
            state: &self.state,
        }
    }

    /// Asks the rules about line `index` and carries out the decision.
    fn line(&mut self, index: usize) {
        let line = &self.lines[index];
        // A new page has its own footnote area (a blank line, or more text
        // of a Markdown footnote, does not start one).
        if line.page_start
            && !line.text.is_empty()
            && !super::rules::footnotes::continues_a_markdown_footnote(
                &self.state,
                line,
                self.profile,
            )
        {
            self.state.footnote_area = false;
            self.state.pending_footnote = None;
        }
        loop {
            let cx = self.cx(index);
            let (rule, decided) = LINE_RULES
                .iter()
                .find_map(|rule| rule.decide(&cx, line).map(|d| (rule.rule().name, d)))
                .expect("the last rule, continuation, always decides");
            // An annex opened for the line: the rules read it again in it.
            let again = decided.decision == Decision::OpenAnnex;
            self.apply(index, rule, decided);
            if !again {
                break;
            }
        }
    }

    fn apply(&mut self, index: usize, rule: &'static str, decided: Decided<'_>) {
        let line = &self.lines[index];
        let (number, text) = (line.number, line.text.as_str());
        let Decided { decision, warnings } = decided;
        if decision != Decision::Blank {
            self.state.out.trace.push(Traced { line: number, rule });
        }
        // The line after the meeting line, blank lines and furniture
        // aside, may be its date; any other line ends that chance.
        if !matches!(
            decision,
            Decision::Blank
                | Decision::FootnoteText
                | Decision::Furniture { .. }
                | Decision::FootnoteArea(_)
        ) {
            self.state.meeting_open = false;
        }
        let body = matches!(
            decision,
            Decision::Closing
                | Decision::Annex { .. }
                | Decision::AnnexTitle { .. }
                | Decision::AnnexTitleGoesOn
                | Decision::Paragraph { .. }
                | Decision::ParagraphWithSub { .. }
                | Decision::Sub { .. }
                | Decision::ListItem
                | Decision::Heading
                | Decision::Text
        );
        if body
            || matches!(
                decision,
                Decision::Footnote { .. } | Decision::Formula | Decision::Prologue
            )
        {
            for repair in &line.repairs {
                self.warn(number, super::words::CLEAN_LINE.name, repair.clone());
            }
        }
        if body {
            self.state.started = true;
        }
        for warning in warnings {
            self.warn(number, rule, warning);
        }
        let profile = self.profile;
        match decision {
            Decision::Blank => self.state.in_markdown_footnote = false,
            Decision::OpenAnnex => self.start_annex(None, None),
            Decision::FootnoteText => {
                if let Some(last) = self.state.out.footnotes.last_mut() {
                    last.2.push(' ');
                    last.2.push_str(text);
                }
            }
            Decision::Furniture {
                revealed,
                opens_footnotes,
            } => {
                if opens_footnotes {
                    self.state.footnote_area = true;
                }
                self.state.out.furniture.push(number);
                self.reveal(revealed);
            }
            Decision::FootnoteArea(area) => self.footnote_area_line(number, rule, area, text),
            Decision::MeetingDate => {
                if let Some((_, meeting)) = self.state.out.meeting.as_mut() {
                    meeting.push(' ');
                    meeting.push_str(text);
                }
            }
            Decision::Footnote {
                value,
                text: note,
                explicit,
            } => {
                self.state.in_markdown_footnote = explicit;
                self.state
                    .out
                    .footnotes
                    .push((number, value, note.to_string()));
                self.state.last_footnote = Some(value);
            }
            Decision::Formula => {
                self.state.out.formula = Some((number, text.to_string()));
                self.state.started = true;
                self.state.prev = None;
            }
            Decision::Prologue => self.state.out.prologue.push((number, text.to_string())),
            Decision::Closing => {
                self.state.out.meeting = Some((number, text.to_string()));
                self.state.closed = true;
                self.state.meeting_open = true;
            }
            Decision::Annex { label, title } => {
                self.start_annex(label, title);
                self.state.prev = Some(Prev::heading());
            }
            Decision::AnnexTitle { in_capitals } => {
                self.state.annex_title_pending = false;
                self.state.annex_title_continues = in_capitals;
                if let Some(annex) = self.state.out.annexes.last_mut() {
                    annex.title = Some(text.to_string());
                }
                self.state.prev = Some(Prev::heading());
            }
            Decision::AnnexTitleGoesOn => {
                if let Some(Annex {
                    title: Some(title), ..
                }) = self.state.out.annexes.last_mut()
                {
                    title.push(' ');
                    title.push_str(text);
                }
                self.state.annex_title_continues = true;
                self.state.prev = Some(Prev::heading());
            }
            Decision::Paragraph {
                part,
                label,
                number: value,
                text: paragraph,
            } => {
                self.end_annex_title();
                if value.is_some() {
                    self.state.last_number = value;
                }
                self.start_top(part, label);
                self.add_text(number, paragraph);
                self.state.prev = Some(Prev::of(text, profile));
            }
            Decision::ParagraphWithSub {
                label,
                number: value,
                sub_label,
                level,
                text: sub,
            } => {
                self.end_annex_title();
                self.state.last_number = Some(value);
                self.start_top(Part::Operative, Some(label));
                // The paragraph has no words of its own: its sub-paragraphs
                // carry them.
                self.push_piece(number, "");
                self.start_sub(1, level, sub_label);
                self.add_text(number, sub);
                self.state.prev = Some(Prev::of(text, profile));
            }
            Decision::Sub {
                depth,
                level,
                label,
                text: sub,
                split_run_in_a,
            } => {
                self.end_annex_title();
                if split_run_in_a {
                    self.split_run_in_a(number, rule);
                }
                self.start_sub(depth, level, label);
                self.add_text(number, sub);
                self.state.prev = Some(Prev::of(text, profile));
            }
            Decision::ListItem => {
                self.end_annex_title();
                self.check_previous_end();
                let heading = self.take_headings();
                let annex = self.current_annex();
                self.state.out.blocks.push(Block {
                    kind: super::lines::BlockKind::Sub(1),
                    label: None,
                    heading,
                    pieces: Vec::new(),
                    lead: None,
                    annex,
                });
                self.add_text(number, text);
                self.state.prev = Some(Prev::of(text, profile));
            }
            Decision::Heading => {
                self.end_annex_title();
                self.state.pending_headings.push((number, text.to_string()));
                self.state.prev = Some(Prev::heading());
            }
            Decision::Text => {
                self.end_annex_title();
                self.add_text(number, text);
                self.state.prev = Some(Prev::of(text, profile));
            }
        }
        if body {
            self.state.marker_values.extend(
                marker_candidates(text, profile)
                    .into_iter()
                    .map(|c| c.value),
            );
        }
    }

    /// Any line of text in an annex but its title ends the wait for it.
    fn end_annex_title(&mut self) {
        if self.state.closed {
            self.state.annex_title_pending = false;
            self.state.annex_title_continues = false;
        }
    }

    fn reveal(&mut self, revealed: Revealed) {
        let out = &mut self.state.out.revealed;
        if out.symbol.is_none() {
            out.symbol = revealed.symbol;
        }
        if out.date.is_none() {
            out.date = revealed.date;
        }
    }

    /// A line under the footnote rule of a page.
    fn footnote_area_line(
        &mut self,
        number: usize,
        rule: &'static str,
        area: AreaLine<'_>,
        text: &str,
    ) {
        let state = &mut self.state;
        match area {
            AreaLine::Furniture => state.out.furniture.push(number),
            AreaLine::Note(value, note) => {
                self.flush_pending_footnote(number, rule);
                self.state
                    .out
                    .footnotes
                    .push((number, value, note.to_string()));
                self.state.last_footnote = Some(value);
            }
            AreaLine::Number(value) => {
                self.flush_pending_footnote(number, rule);
                self.state.pending_footnote = Some(value);
            }
            AreaLine::Pending(note) => {
                if let Some(value) = state.pending_footnote.take() {
                    state.out.footnotes.push((number, value, note.to_string()));
                    state.last_footnote = Some(value);
                }
            }
            AreaLine::More => {
                if let Some(last) = state.out.footnotes.last_mut() {
                    last.2.push(' ');
                    last.2.push_str(text);
                }
            }
            AreaLine::Orphan => self.warn(
                number,
                rule,
                format!("text under the footnote rule with no footnote number: «{text}»"),
            ),
        }
    }

    /// A footnote's number that came alone and got no text: a note whose
    /// text the source lost (fr/S_RES_1850_2008-fr.txt). Its marker stays
    /// in the text, a note without text; the warning keeps the number.
    fn flush_pending_footnote(&mut self, line: usize, rule: &'static str) {
        if let Some(value) = self.state.pending_footnote.take() {
            self.state.last_footnote = Some(value);
            self.warn(
                line,
                rule,
                format!("footnote «{value}» has its number but no text"),
            );
        }
    }

    fn current_annex(&self) -> Option<usize> {
        (self.state.part == Some(Part::Annex))
            .then(|| self.state.out.annexes.len().saturating_sub(1))
    }

    /// An annex begins: the resolution's own text is complete.
    fn start_annex(&mut self, label: Option<String>, title: Option<String>) {
        self.check_previous_end();
        let state = &mut self.state;
        state.closed = true;
        state.annex_title_pending = title.is_none();
        state.out.annexes.push(Annex {
            label,
            title,
            paragraphs: Vec::new(),
        });
        state.part = Some(Part::Annex);
        state.stack.clear();
        state.last_number = None;
    }

    fn start_top(&mut self, part: Part, label: Option<String>) {
        self.check_previous_end();
        self.state.part = Some(part);
        self.state.stack.clear();
        let heading = self.take_headings();
        let annex = self.current_annex();
        self.state.out.blocks.push(Block {
            kind: BlockKind::Top(part),
            label,
            heading,
            pieces: Vec::new(),
            lead: None,
            annex,
        });
    }

    fn start_sub(&mut self, depth: usize, level: Level, label: String) {
        self.state.stack.truncate(depth - 1);
        self.state.stack.push(level);
        let heading = self.take_headings();
        let annex = self.current_annex();
        self.state.out.blocks.push(Block {
            kind: BlockKind::Sub(depth),
            label: Some(label),
            heading,
            pieces: Vec::new(),
            lead: None,
            annex,
        });
    }

    /// `… to ensure: (a) continued monitoring …; and` then `(b)` on its own
    /// line: the run-in `(a)` becomes a sub-paragraph too.
    fn split_run_in_a(&mut self, number: usize, rule: &'static str) {
        let Some(top_index) = self.state.current_top_index() else {
            return;
        };
        let Some((piece_index, at, width)) =
            super::rules::paragraphs::run_in_a(&self.state.out.blocks[top_index], self.profile)
        else {
            return;
        };
        let annex = self.current_annex();
        let block = &mut self.state.out.blocks[top_index];
        let mut moved: Vec<Piece> = block.pieces.split_off(piece_index + 1);
        let piece = &mut block.pieces[piece_index];
        let tail = piece.text[at + width..].to_string();
        let line = piece.line;
        piece.text = piece.text[..at].trim_end().to_string();
        if piece.text.is_empty() {
            block.pieces.remove(piece_index);
        }
        moved.insert(0, Piece { line, text: tail });
        self.state.out.blocks.push(Block {
            kind: BlockKind::Sub(1),
            label: Some("a".into()),
            heading: None,
            pieces: moved,
            lead: None,
            annex,
        });
        self.state.stack = vec![Level {
            kind: LabelKind::Letter,
            value: 1,
        }];
        self.warn(
            number,
            rule,
            format!(
                "sub-paragraph (a) was run into its paragraph's text on line {line}: split there"
            ),
        );
    }

    /// A paragraph that ends without `, ; : .` lost its end (or is cut by
    /// a misread break): say so where the next one starts.
    fn check_previous_end(&mut self) {
        let Some(block) = self.state.out.blocks.last() else {
            return;
        };
        for (line, message) in super::rules::inline::paragraph_end(block, self.profile) {
            self.warn(line, PARAGRAPH_END.name, message);
        }
    }

    fn take_headings(&mut self) -> Option<String> {
        if self.state.pending_headings.is_empty() {
            return None;
        }
        let texts: Vec<String> = self
            .state
            .pending_headings
            .drain(..)
            .map(|(_, t)| t)
            .collect();
        Some(texts.join(" — "))
    }

    /// Append text to the innermost open block, splitting off the
    /// paragraphs the text rules find run into it.
    fn add_text(&mut self, number: usize, text: &str) {
        let mut remaining = text;
        loop {
            let cx = self.cx(0);
            let found = TEXT_RULES.iter().find_map(|rule| {
                rule.split(&cx, remaining)
                    .map(|split| (rule.rule().name, split))
            });
            let Some((rule, split)) = found else {
                self.push_piece(number, remaining);
                break;
            };
            let Split {
                before_end,
                rest_at,
                part,
                label,
                numbered,
                warning,
            } = split;
            let before = remaining[..before_end].trim_end();
            if !before.is_empty() {
                self.push_piece(number, before);
            }
            if let Some(warning) = warning {
                self.warn(number, rule, warning);
            }
            if numbered {
                self.state.last_number = Some(self.state.expected_number());
            }
            self.start_top(part, label);
            remaining = &remaining[rest_at..];
        }
        if super::rules::inline::closes_the_text(&self.state, self.profile) {
            self.state.closed = true;
        }
    }

    fn push_piece(&mut self, line: usize, text: &str) {
        // Lines are numbered from 1 in order.
        let typeset = line
            .checked_sub(1)
            .and_then(|i| self.lines.get(i))
            .filter(|l| l.number == line)
            .and_then(|l| l.lead.as_ref());
        if let Some(block) = self.state.out.blocks.last_mut() {
            if block.pieces.is_empty()
                && let Some(lead) = typeset
                && Paragraph::is_lead_of(lead, text)
            {
                block.lead = Some(lead.clone());
            }
            block.pieces.push(Piece {
                line,
                text: text.to_string(),
            });
        }
    }

    fn finish(mut self) -> Assembled {
        let last_line = self.lines.last().map_or(0, |l| l.number);
        self.flush_pending_footnote(last_line, "footnote-area");
        let headings = std::mem::take(&mut self.state.pending_headings);
        for (line, text) in headings {
            self.warn(
                line,
                "heading",
                format!("heading with no paragraph after it: «{text}»"),
            );
        }
        if let Some(block) = self.state.out.blocks.last()
            && let Some(last) = block.pieces.last()
            && !Prev::of(without_spaced_marker(&last.text), self.profile).ends_paragraph
        {
            let line = last.line;
            self.warn(
                line,
                PARAGRAPH_END.name,
                "the last paragraph ends without punctuation: text may be missing",
            );
        }
        let _ = CLOSING_PARAGRAPH;
        self.state.out
    }
}
