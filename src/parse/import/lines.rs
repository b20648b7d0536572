//! From cleaned physical lines to paragraph blocks: decides, line by line,
//! whether a line is furniture, a footnote line, the enacting formula, a
//! section heading, the start of a paragraph or sub-paragraph, or the
//! continuation of the one before (hard wraps, page breaks); and splits
//! operative paragraphs that extraction ran together on one line.
//!
//! A line starts a paragraph only where a lead or label begins it and the
//! line before ended one (`, ; : .`), with two exceptions kept explicit
//! below: the next operative number always starts a paragraph, and a lead
//! after a long unwrapped line that lost its end does too (with a warning).

use std::collections::BTreeSet;

use super::Warning;
use super::footnotes::{footnote_line_shape, markdown_footnote, marker_candidates};
use super::furniture::{Revealed, furniture, is_footnote_rule, prologue_furniture};
use super::head::numbered_title;
use super::labels::{LabelKind, Level, place};
use crate::lexicon::lexicon;
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

/// `2.` or `(a)` alone on a line (plain `pdftotext` puts a paragraph's
/// number on a line of its own): joined to the text on the next non-blank
/// line, which is emptied, so every line keeps its number.
pub fn join_bare_labels(lines: &mut [CleanedLine]) {
    let bare = |t: &str| {
        let t = t.trim();
        // `12.` or `7 bis.`, nothing else: `31 December.` ends a sentence.
        let number = t.strip_suffix('.').is_some_and(|n| {
            let (digits, suffix) = n.split_once(' ').unwrap_or((n, ""));
            !digits.is_empty()
                && digits.len() <= 4
                && digits.bytes().all(|b| b.is_ascii_digit())
                && matches!(suffix, "" | "bis" | "ter" | "quater" | "quinquies")
        });
        let label = t.starts_with('(')
            && t.ends_with(')')
            && t.len() <= 7
            && t[1..t.len() - 1].chars().all(|c| c.is_ascii_lowercase());
        (number && t.len() <= 14) || label || t == "•"
    };
    for i in 0..lines.len() {
        if !bare(&lines[i].text) {
            continue;
        }
        let Some(next) = (i + 1..lines.len()).find(|&j| {
            !lines[j].text.is_empty() && !lines[j].furniture && furniture(&lines[j].text).is_none()
        }) else {
            continue;
        };
        if bare(&lines[next].text) {
            continue;
        }
        let rest = std::mem::take(&mut lines[next].text);
        let repairs = std::mem::take(&mut lines[next].repairs);
        let line = &mut lines[i];
        line.text = format!("{} {rest}", line.text.trim());
        line.repairs.extend(repairs);
    }
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

/// Everything the line pass found.
#[derive(Debug, Default)]
pub struct Assembled {
    pub formula: Option<(usize, String)>,
    /// The closing meeting line: "30th plenary meeting 1 November 2018".
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
}

/// How the line before ended.
#[derive(Debug, Clone, Copy, Default)]
struct Prev {
    /// With `, ; : .` (closing quotes and brackets looked through).
    ends_paragraph: bool,
    ends_with_colon: bool,
    ends_with_full_stop: bool,
    /// With the word `and` or `or`: a list item may still follow.
    ends_with_and_or: bool,
    /// An unwrapped line: its paragraph is complete or lost its end.
    long: bool,
    /// A few words without final punctuation: a heading, or the title
    /// of a sub-paragraph over its items ("(a) Protection of civilians").
    short: bool,
}

/// Longer lines were not hard-wrapped by the extraction.
const UNWRAPPED_LINE: usize = 150;

impl Prev {
    fn of(text: &str) -> Prev {
        let text = without_glued_marker(without_trailing_markers(text));
        let trimmed = text.trim_end_matches(['”', '’', '"', '\'', ')', ']', '»']);
        let last = trimmed.chars().last();
        let last_word = text.rsplit(' ').next().unwrap_or_default();
        Prev {
            ends_paragraph: last.is_some_and(|c| ",;:.".contains(c)),
            ends_with_colon: last == Some(':'),
            ends_with_full_stop: last == Some('.'),
            ends_with_and_or: matches!(last_word, "and" | "or"),
            long: text.chars().count() > UNWRAPPED_LINE,
            short: !last.is_some_and(|c| ",;:.".contains(c)) && text.split(' ').count() <= 8,
        }
    }

    fn heading() -> Prev {
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

/// "30th plenary meeting 1 November 2018", "22nd plenary meeting": the
/// line that closes an adopted General Assembly resolution.
pub fn meeting_line(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let Some(ordinal) = words.next() else {
        return false;
    };
    let digits = ordinal.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let ordinal_shaped = !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && matches!(&ordinal[digits.len()..], "st" | "nd" | "rd" | "th");
    let next = words.next().map(|w| w.trim_end_matches(','));
    let kind = match next {
        Some("plenary") => words.next().map(|w| w.trim_end_matches(',')),
        other => other,
    };
    ordinal_shaped && kind == Some("meeting")
}

/// `7 bis. Decides…` -> ("7 bis", 7, is_bis, "Decides…").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Numbered<'a> {
    pub label: String,
    pub value: u32,
    pub suffixed: bool,
    pub rest: &'a str,
}

pub fn numbered(text: &str) -> Option<Numbered<'_>> {
    let digits_end = text
        .char_indices()
        .find(|(_, c)| !c.is_ascii_digit())
        .map_or(text.len(), |(i, _)| i);
    if digits_end == 0 || digits_end > 3 {
        return None;
    }
    let value: u32 = text[..digits_end].parse().ok()?;
    let mut after = &text[digits_end..];
    let mut label = text[..digits_end].to_string();
    let mut suffixed = false;
    for suffix in [" bis", " ter", " quater", " quinquies"] {
        if let Some(rest) = after.strip_prefix(suffix) {
            label.push_str(suffix);
            after = rest;
            suffixed = true;
            break;
        }
    }
    let rest = after.strip_prefix(". ")?.trim_start();
    if rest.is_empty() || value == 0 {
        return None;
    }
    Some(Numbered {
        label,
        value,
        suffixed,
        rest,
    })
}

/// `…, Recalling also …` inside one line: a preambular paragraph ends at a
/// comma and the next opens with its lead, a participle capitalised as a
/// lead is and as nothing else in mid-sentence is. Returns (end of the
/// text before, start of the next paragraph).
fn inline_split_preamble(text: &str) -> Option<(usize, usize)> {
    let mut search = 0;
    while let Some(found) = text[search..].find(", ") {
        let comma = search + found;
        let at = comma + 2;
        search = at;
        let rest = &text[at..];
        if !rest.starts_with(char::is_uppercase) {
            continue;
        }
        if let Some(lead) = lexicon().lead_at_start(rest, Some(Part::Preamble))
            && lead
                .printed
                .split(' ')
                .next()
                .is_some_and(|w| w.ends_with("ing") || w.ends_with("ed"))
        {
            return Some((comma + 1, at));
        }
    }
    None
}

/// `1000. Decides …`: a number of four digits or more is a paragraph's
/// only where it is the next one (`2016. …` is a year).
fn numbered_long(text: &str, expected: u32) -> Option<Numbered<'_>> {
    let wanted = format!("{expected}. ");
    if expected < 1000 || !text.starts_with(&wanted) {
        return None;
    }
    let rest = text[wanted.len()..].trim_start();
    (!rest.is_empty()).then(|| Numbered {
        label: expected.to_string(),
        value: expected,
        suffixed: false,
        rest,
    })
}

/// `11     Condemns …`: the next operative number whose period the source
/// lost, taken only before an operative lead.
fn numbered_without_period(text: &str, expected: u32) -> Option<Numbered<'_>> {
    let wanted = expected.to_string();
    let rest = text.strip_prefix(&wanted)?;
    if !rest.starts_with(' ') {
        return None;
    }
    let rest = rest.trim_start();
    lexicon().lead_at_start(rest, Some(Part::Operative))?;
    Some(Numbered {
        label: wanted,
        value: expected,
        suffixed: false,
        rest,
    })
}

/// `(a) text` or `• text` -> (label, kind, text).
pub fn sub_label(text: &str) -> Option<(String, LabelKind, &str)> {
    if let Some(rest) = text.strip_prefix('•') {
        let rest = rest.trim_start();
        return (!rest.is_empty()).then(|| ("•".to_string(), LabelKind::Bullet, rest));
    }
    let inner_end = text.find(')')?;
    let inner = text.strip_prefix('(')?.get(..inner_end - 1)?;
    if inner.is_empty() || inner.len() > 5 || !inner.chars().all(|c| c.is_ascii_lowercase()) {
        return None;
    }
    let rest = text[inner_end + 1..].strip_prefix(' ')?.trim_start();
    if rest.is_empty() {
        return None;
    }
    Some((inner.to_string(), LabelKind::Letter, rest))
}

/// "The General Assembly," and its kin.
pub fn enacting_formula(text: &str) -> Option<&str> {
    let body = text.strip_prefix("The ")?;
    let name = body.strip_suffix(',').unwrap_or(body).trim();
    let words: Vec<&str> = name.split(' ').collect();
    let organ = matches!(words.last(), Some(&"Assembly" | &"Council" | &"Commission"));
    let capitalised = words
        .iter()
        .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    (organ && capitalised && words.len() <= 4).then_some(text)
}

/// A capitalised `-ing`/`-ed` word (or `Gravely distressed`) opening a
/// preambular paragraph the lexicon does not know.
pub fn unknown_preamble_lead(text: &str) -> Option<String> {
    let mut words = text.split(' ');
    let first = words.next()?.trim_end_matches([',', ';', ':']);
    if !first.chars().next()?.is_uppercase() || !first.chars().all(char::is_alphabetic) {
        return None;
    }
    let participle = |w: &str| w.len() > 4 && (w.ends_with("ing") || w.ends_with("ed"));
    let second = words
        .next()
        .unwrap_or_default()
        .trim_end_matches([',', ';', ':']);
    // `Having conducted`: the auxiliary alone says nothing.
    if first == "Having" && participle(second) {
        return Some(format!("{first} {second}"));
    }
    // `United States`, `Armed Forces`: a name, not a lead.
    if participle(first) && !second.starts_with(char::is_uppercase) {
        return Some(first.to_string());
    }
    (first.ends_with("ly") && participle(second) && second.chars().all(char::is_alphabetic))
        .then(|| format!("{first} {second}"))
}

/// A short line without final punctuation that opens with a capital and is
/// neither a lead nor a label: a section heading ("AMISOM", "Reporting").
fn heading_shape(text: &str) -> bool {
    let words = text.split(' ').count();
    text.chars().count() <= 80
        && words <= 10
        && text.chars().next().is_some_and(char::is_uppercase)
        && !text.ends_with([',', ';', ':', '.'])
        && lexicon().lead_at_start(text, None).is_none()
        && numbered(text).is_none()
        && enacting_formula(text).is_none()
}

/// A title on a line of its own: capitalised, no final punctuation, not a
/// paragraph or sub-paragraph, and short for a paragraph.
fn title_shape(text: &str) -> bool {
    text.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && !text.ends_with([',', ';', ':', '.'])
        && text.split(' ').count() <= 30
        && numbered(text).is_none()
        && sub_label(text).is_none()
}

/// A heading in a typeset source may be set in italics: a short line
/// without final punctuation whose words are all capitalised.
fn heading_shape_typeset(text: &str) -> bool {
    heading_shape(text)
        && text.split(' ').count() <= 6
        && text
            .split(' ')
            .filter(|w| w.len() > 3)
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// Whether a line opens a paragraph by its shape alone (for the end of the
/// prologue and for heading look-ahead).
fn opens_paragraph(text: &str) -> bool {
    numbered(text).is_some()
        || sub_label(text).is_some()
        || lexicon().lead_at_start(text, None).is_some()
}

/// `… “Somaliland”; 13. Welcomes …`: where the next operative paragraph
/// starts inside a line. Returns (end of the text before, label, start of
/// the paragraph text).
fn inline_split(text: &str, expected: u32) -> Option<(usize, String, usize)> {
    let wanted = expected.to_string();
    let mut search = 0;
    while let Some(found) = text[search..].find(&wanted) {
        let at = search + found;
        search = at + wanted.len();
        let before = text[..at].trim_end();
        if before.len() == at || !before.ends_with([';', '.', ':']) {
            continue;
        }
        if let Some(n) = numbered(&text[at..])
            && n.value == expected
            && !n.suffixed
            && lexicon()
                .lead_at_start(n.rest, Some(Part::Operative))
                .is_some()
        {
            let rest_at = text.len() - n.rest.len();
            return Some((before.len(), n.label, rest_at));
        }
    }
    None
}

/// The lines of a numbered title in the head (`80/4. Necessity of …` and
/// the lines after it before the first blank one), without the number.
fn running_heads(lines: &[CleanedLine]) -> BTreeSet<&str> {
    let mut heads = BTreeSet::new();
    let Some((start, title)) = lines
        .iter()
        .enumerate()
        .find_map(|(i, l)| numbered_title(&l.text).map(|(_, title)| (i, title)))
    else {
        return heads;
    };
    heads.insert(title);
    // A title wraps over a line or two; what opens or ends a paragraph is
    // not its part.
    for line in lines[start + 1..]
        .iter()
        .take_while(|l| !l.text.is_empty())
        .take(3)
    {
        if enacting_formula(&line.text).is_some()
            || opens_paragraph(&line.text)
            || line.text.ends_with([',', ';', ':', '.'])
        {
            break;
        }
        heads.insert(line.text.as_str());
    }
    heads.retain(|t| t.split(' ').count() >= 3);
    heads
}

/// `… persons.8 6. We recall …` inside an annex: where its next numbered
/// paragraph starts, after a sentence end (and the footnote marker glued to
/// it) and before a capital. Returns what [`inline_split`] does.
fn inline_split_annex(text: &str, expected: u32) -> Option<(usize, String, usize)> {
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

/// The line pass. `typeset`: the lines come from a PDF's layout, which
/// has already dropped the page furniture by its position.
pub fn assemble(lines: &[CleanedLine], typeset: bool) -> Assembled {
    let mut assembler = Assembler {
        lines,
        running_heads: if typeset {
            BTreeSet::new()
        } else {
            running_heads(lines)
        },
        out: Assembled::default(),
        started: false,
        closed: false,
        prev: None,
        part: None,
        last_number: None,
        stack: Vec::new(),
        pending_headings: Vec::new(),
        annex_title_pending: false,
        annex_title_continues: false,
        in_markdown_footnote: false,
        paged: lines.iter().any(|l| l.page_start),
        footnote_area: false,
        pending_footnote: None,
        meeting_open: false,
        marker_values: BTreeSet::new(),
        last_footnote: None,
    };
    for index in 0..lines.len() {
        crate::work::step(1);
        assembler.line(index);
    }
    assembler.finish()
}

struct Assembler<'a> {
    lines: &'a [CleanedLine],
    /// The title lines of the document's head: printed again alone on a
    /// line further down, they are the running head of a page.
    running_heads: BTreeSet<&'a str>,
    out: Assembled,
    /// The formula or a first paragraph was seen.
    started: bool,
    /// The final "remain seized" paragraph is complete: what follows is
    /// not part of the resolution text (an annex).
    closed: bool,
    prev: Option<Prev>,
    part: Option<Part>,
    last_number: Option<u32>,
    /// Open sub-paragraph lists of the current paragraph.
    stack: Vec<Level>,
    pending_headings: Vec<(usize, String)>,
    /// In an annex whose title has not come yet.
    annex_title_pending: bool,
    /// The annex's title is in capitals and may go on on the next line.
    annex_title_continues: bool,
    /// The last line was (part of) a `[^N]:` footnote definition.
    in_markdown_footnote: bool,
    /// The text has page breaks, so a footnote rule opens the footnote
    /// area of its page.
    paged: bool,
    /// Under the footnote rule of the current page.
    footnote_area: bool,
    /// A footnote number alone on its line, waiting for its text.
    pending_footnote: Option<u32>,
    /// The closing meeting line was the last line: its date may follow.
    meeting_open: bool,
    /// Values of every marker-shaped digit run seen in the text so far:
    /// evidence that a footnote line is one.
    marker_values: BTreeSet<u32>,
    last_footnote: Option<u32>,
}

impl Assembler<'_> {
    fn warn(&mut self, line: usize, message: impl Into<String>) {
        self.out.warnings.push(Warning {
            line,
            message: message.into(),
        });
    }

    fn reveal(&mut self, revealed: Revealed) {
        if self.out.revealed.symbol.is_none() {
            self.out.revealed.symbol = revealed.symbol;
        }
        if self.out.revealed.date.is_none() {
            self.out.revealed.date = revealed.date;
        }
    }

    fn line(&mut self, index: usize) {
        let line = &self.lines[index];
        let text = line.text.as_str();
        if text.is_empty() {
            self.in_markdown_footnote = false;
            return;
        }
        // A Markdown footnote goes on to the next blank line.
        if self.in_markdown_footnote
            && markdown_footnote(text).is_none()
            && let Some(last) = self.out.footnotes.last_mut()
        {
            last.2.push(' ');
            last.2.push_str(text);
            return;
        }
        if line.page_start {
            self.footnote_area = false;
            self.pending_footnote = None;
        }
        if line.furniture {
            self.out.furniture.push(line.number);
            return;
        }
        // Under the rule a number alone is a footnote's, not a page's.
        if self.footnote_area && !text.contains('/') {
            self.footnote_area_line(line.number, text);
            return;
        }
        if let Some(revealed) = furniture(text) {
            if self.paged && self.started && is_footnote_rule(text) {
                self.footnote_area = true;
            }
            self.out.furniture.push(line.number);
            self.reveal(revealed);
            return;
        }
        if self.footnote_area {
            self.footnote_area_line(line.number, text);
            return;
        }
        // "22nd plenary meeting" and, on the next line, its date.
        if std::mem::take(&mut self.meeting_open)
            && crate::dates::parse_written(text).is_some()
            && let Some((_, meeting)) = self.out.meeting.as_mut()
        {
            meeting.push(' ');
            meeting.push_str(text);
            return;
        }
        // A repeated title where a title is due (an annex's, after "Annex"
        // or "Adopts the following:") is that title, not a running head.
        let title_due = self.annex_title_pending || self.prev.is_some_and(|p| p.ends_with_colon);
        if self.started && !title_due && self.running_heads.contains(text) {
            self.out.furniture.push(line.number);
            return;
        }
        if !self.started
            && let Some(revealed) = prologue_furniture(text)
        {
            self.out.furniture.push(line.number);
            self.reveal(revealed);
            return;
        }
        if self.footnote_line(line.number, text) {
            self.report_repairs(index);
            return;
        }
        self.report_repairs(index);
        if !self.started {
            if enacting_formula(text).is_some() {
                self.out.formula = Some((line.number, text.to_string()));
                self.started = true;
                self.prev = None;
                return;
            }
            if !opens_paragraph(text) {
                self.out.prologue.push((line.number, text.to_string()));
                return;
            }
            self.started = true;
        }
        self.body_line(index);
        self.marker_values
            .extend(marker_candidates(text).into_iter().map(|c| c.value));
    }

    fn report_repairs(&mut self, index: usize) {
        let line = &self.lines[index];
        for repair in &line.repairs {
            self.out.warnings.push(Warning {
                line: line.number,
                message: repair.clone(),
            });
        }
    }

    /// A line under the footnote rule of a page: a footnote (`1 A/73/85.`,
    /// or its number alone and its text on the next line), or the rest of
    /// the last one.
    fn footnote_area_line(&mut self, number: usize, text: &str) {
        if furniture(text).is_some() && !text.bytes().all(|b| b.is_ascii_digit()) {
            self.out.furniture.push(number);
            return;
        }
        if let Some((value, footnote)) = footnote_line_shape(text) {
            self.out
                .footnotes
                .push((number, value, footnote.to_string()));
            self.last_footnote = Some(value);
            return;
        }
        let bare: Option<u32> = (text.len() <= 3 && text.bytes().all(|b| b.is_ascii_digit()))
            .then(|| text.parse().ok())
            .flatten();
        if let Some(value) = bare {
            self.pending_footnote = Some(value);
            return;
        }
        if let Some(value) = self.pending_footnote.take() {
            self.out.footnotes.push((number, value, text.to_string()));
            self.last_footnote = Some(value);
            return;
        }
        match self.out.footnotes.last_mut() {
            Some(last) => {
                last.2.push(' ');
                last.2.push_str(text);
            }
            None => self.warn(
                number,
                format!("text under the footnote rule with no footnote number: «{text}»"),
            ),
        }
    }

    /// A footnote line: the right shape, the next footnote number, and a
    /// marker for it already seen in the text.
    fn footnote_line(&mut self, number: usize, text: &str) -> bool {
        if !self.started || self.out.blocks.is_empty() {
            return false;
        }
        let Some((value, footnote)) = footnote_line_shape(text) else {
            return false;
        };
        let explicit = markdown_footnote(text).is_some();
        let in_sequence = self.last_footnote.is_none_or(|last| value == last + 1);
        if explicit || (in_sequence && self.marker_values.contains(&value)) {
            self.in_markdown_footnote = explicit;
            self.out
                .footnotes
                .push((number, value, footnote.to_string()));
            self.last_footnote = Some(value);
            return true;
        }
        false
    }

    fn body_line(&mut self, index: usize) {
        let line = &self.lines[index];
        let (number, text) = (line.number, line.text.as_str());
        if meeting_line(text) && !self.out.blocks.is_empty() {
            self.out.meeting = Some((number, text.to_string()));
            self.closed = true;
            self.meeting_open = true;
            return;
        }
        let prev = self.prev.unwrap_or_default();
        if let Some((label, title)) = Annex::split_label(text)
            && matches!(self.part, Some(Part::Operative | Part::Annex))
            && (prev.ends_paragraph || self.closed)
        {
            self.start_annex(Some(label.to_string()), title.map(str::to_string));
            self.prev = Some(Prev::heading());
            return;
        }
        // "Adopts the following declaration:" and a title under it: the
        // declaration is annexed, though no "Annex" line says so.
        if !self.closed
            && self.part == Some(Part::Operative)
            && prev.ends_with_colon
            && self.stack.is_empty()
            && title_shape(text)
            // Only a lone, unnumbered operative paragraph adopts a text
            // (A/RES/73/3); a numbered one that lists "the following" goes on.
            && self.current_top().is_some_and(|b| {
                b.label.is_none() && b.pieces.iter().any(|p| p.text.contains(" following "))
            })
        {
            self.start_annex(None, Some(text.to_string()));
            self.prev = Some(Prev::heading());
            return;
        }
        if self.closed {
            if self.out.annexes.is_empty() {
                self.warn(
                    number,
                    "text after the resolution's last paragraph, with no 'Annex' line: kept as an annex",
                );
                self.start_annex(None, None);
            }
            self.annex_line(index, prev);
            return;
        }
        let at_start = self.prev.is_none();
        let typeset_lead = line.lead.is_some();
        let expected = self.last_number.map_or(1, |l| l + 1);
        if let Some(n) = numbered(text).or_else(|| numbered_long(text, expected))
            && self.numbered_line(number, &n, prev, typeset_lead)
        {
            self.prev = Some(Prev::of(text));
            return;
        }
        if let Some(n) = numbered_without_period(text, self.last_number.map_or(1, |l| l + 1))
            && (prev.ends_paragraph || prev.long)
        {
            self.warn(
                number,
                format!(
                    "operative paragraph {} has no period after its number",
                    n.label
                ),
            );
            self.start_numbered(Part::Operative, &n, number);
            self.prev = Some(Prev::of(text));
            return;
        }
        if self.took_sub_line(number, text, prev) {
            return;
        }
        let preamble_lead = lexicon().lead_at_start(text, Some(Part::Preamble));
        let operative_lead = lexicon().lead_at_start(text, Some(Part::Operative));
        // An italic run opening a line of a typeset source is a lead,
        // known to the lexicon or not.
        if typeset_lead
            && preamble_lead.is_none()
            && operative_lead.is_none()
            && !heading_shape_typeset(text)
        {
            let part = self.part.unwrap_or(Part::Preamble);
            self.start_top(part, None);
            self.add_text(number, text);
            self.prev = Some(Prev::of(text));
            return;
        }
        let headed = !self.pending_headings.is_empty();
        let ended = prev.ends_paragraph || at_start || headed;
        if let Some(lead) = &preamble_lead {
            // A participle never opens a hard-wrapped line mid-sentence, so
            // after a long line that lost its end it still starts a paragraph.
            let participle = lead
                .printed
                .split(' ')
                .next()
                .is_some_and(|w| w.ends_with("ing"));
            if ended || prev.long || (participle && self.part != Some(Part::Operative)) {
                let part = if self.part == Some(Part::Operative) {
                    self.warn(
                        number,
                        format!("preambular lead '{}' after operative paragraphs: kept as an unnumbered operative paragraph", lead.printed),
                    );
                    Part::Operative
                } else {
                    Part::Preamble
                };
                self.start_top(part, None);
                self.add_text(number, text);
                self.prev = Some(Prev::of(text));
                return;
            }
        } else if operative_lead.is_some() && ended {
            if self.last_number.is_some() {
                self.warn(
                    number,
                    "operative paragraph without a number among numbered ones",
                );
            }
            self.start_top(Part::Operative, None);
            self.add_text(number, text);
            self.prev = Some(Prev::of(text));
            return;
        }
        let long_heading = || title_shape(text) && self.numbered_follows(index);
        if (ended || headed)
            && (heading_shape(text) && self.heading_follows(index)
                || line.bold && title_shape(text)
                || long_heading())
        {
            self.pending_headings.push((number, text.to_string()));
            self.prev = Some(Prev::heading());
            return;
        }
        if ended && self.part != Some(Part::Operative) && unknown_preamble_lead(text).is_some() {
            self.start_top(Part::Preamble, None);
            self.add_text(number, text);
            self.prev = Some(Prev::of(text));
            return;
        }
        // A continuation. A paragraph-shaped number that cannot be one
        // (`99999999999999999999. Requests`) is named, not hidden.
        let digits = text.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 3 && text[digits..].starts_with(". ") {
            self.warn(
                number,
                format!(
                    "'{}.' is not the next paragraph number ({}): kept as text of the paragraph before",
                    &text[..digits],
                    self.last_number.map_or(1, |l| l + 1)
                ),
            );
        }
        if self.out.blocks.is_empty() {
            self.warn(
                number,
                "text before the first recognised paragraph: kept as a preambular paragraph",
            );
            self.start_top(Part::Preamble, None);
        } else if prev.ends_with_full_stop && text.starts_with(char::is_uppercase) {
            self.warn(
                number,
                "line continues a paragraph that had ended with '.'; check the paragraph break",
            );
        }
        self.add_text(number, text);
        self.prev = Some(Prev::of(text));
    }

    /// `N. …` at the start of a line; false when it is only text.
    fn numbered_line(
        &mut self,
        number: usize,
        n: &Numbered<'_>,
        prev: Prev,
        typeset_lead: bool,
    ) -> bool {
        let expected = self.last_number.map_or(1, |last| last + 1);
        let has_lead = typeset_lead
            || lexicon()
                .lead_at_start(n.rest, Some(Part::Operative))
                .is_some();
        let as_item = self
            .current_top()
            .is_some()
            .then(|| place(&n.value.to_string(), LabelKind::Number, &self.stack))
            .flatten()
            .filter(|p| {
                !n.suffixed && (prev.ends_with_colon || p.depth <= self.stack.len()) && !has_lead
            });
        if n.suffixed && self.last_number == Some(n.value) {
            self.start_top(Part::Operative, Some(n.label.clone()));
            self.add_text(number, n.rest);
            return true;
        }
        if n.value == expected && (has_lead || as_item.is_none()) {
            self.start_numbered(Part::Operative, n, number);
            return true;
        }
        if let Some(placement) = as_item {
            self.start_sub(placement.depth, placement.level, n.label.clone());
            self.add_text(number, n.rest);
            return true;
        }
        if has_lead && (prev.ends_paragraph || prev.long) {
            let message = match self.last_number {
                Some(last) => format!("operative numbering jumps from {last} to {}", n.label),
                None => format!("operative numbering starts at {}", n.label),
            };
            self.warn(number, message);
            self.start_numbered(Part::Operative, n, number);
            return true;
        }
        false
    }

    /// A line opening with a sub-paragraph label, taken as one.
    fn took_sub_line(&mut self, number: usize, text: &str, prev: Prev) -> bool {
        let Some((label, kind, rest)) = sub_label(text) else {
            return false;
        };
        let took = self.sub_line(number, &label, kind, rest, prev);
        if took {
            self.prev = Some(Prev::of(text));
        }
        took
    }

    /// `(a) …` or `• …` at the start of a line; false when it is only text.
    fn sub_line(
        &mut self,
        number: usize,
        label: &str,
        kind: LabelKind,
        rest: &str,
        prev: Prev,
    ) -> bool {
        let under_titled_item = prev.short
            && self
                .out
                .blocks
                .last()
                .is_some_and(|b| matches!(b.kind, BlockKind::Sub(_)) && b.pieces.len() == 1);
        if self.current_top().is_none()
            || !(prev.ends_paragraph || prev.ends_with_and_or || under_titled_item)
        {
            return false;
        }
        let mut placement = place(label, kind, &self.stack);
        if placement.is_none()
            && label == "b"
            && self.stack.is_empty()
            && self.split_inline_a(number)
        {
            placement = place(label, kind, &self.stack);
        }
        let Some(placement) = placement else {
            return false;
        };
        self.start_sub(placement.depth, placement.level, label.to_string());
        self.add_text(number, rest);
        true
    }

    /// `… to ensure: (a) continued monitoring …; and` then `(b)` on its own
    /// line: the run-in `(a)` becomes a sub-paragraph too.
    fn split_inline_a(&mut self, number: usize) -> bool {
        let Some(top_index) = self.current_top_index() else {
            return false;
        };
        if top_index + 1 != self.out.blocks.len() {
            return false;
        }
        let block = &mut self.out.blocks[top_index];
        let Some((piece_index, at)) = block
            .pieces
            .iter()
            .enumerate()
            .rev()
            .find_map(|(i, p)| p.text.rfind("(a) ").map(|at| (i, at)))
        else {
            return false;
        };
        let mut moved: Vec<Piece> = block.pieces.split_off(piece_index + 1);
        let piece = &mut block.pieces[piece_index];
        let tail = piece.text[at + "(a) ".len()..].to_string();
        let line = piece.line;
        piece.text = piece.text[..at].trim_end().to_string();
        if piece.text.is_empty() {
            block.pieces.remove(piece_index);
        }
        moved.insert(0, Piece { line, text: tail });
        self.out.blocks.push(Block {
            kind: BlockKind::Sub(1),
            label: Some("a".into()),
            heading: None,
            pieces: moved,
            lead: None,
            annex: self.current_annex(),
        });
        self.stack = vec![Level {
            kind: LabelKind::Letter,
            value: 1,
        }];
        self.warn(
            number,
            format!(
                "sub-paragraph (a) was run into its paragraph's text on line {line}: split there"
            ),
        );
        true
    }

    /// Whether the line after `index` (furniture and blank lines skipped)
    /// opens a paragraph, or is a second heading line that does.
    fn heading_follows(&self, index: usize) -> bool {
        let mut following = self.lines[index + 1..]
            .iter()
            .map(|l| l.text.as_str())
            .filter(|t| !t.is_empty() && furniture(t).is_none());
        match following.next() {
            Some(next) if opens_paragraph(next) => true,
            Some(next) if heading_shape(next) => following.next().is_some_and(opens_paragraph),
            _ => false,
        }
    }

    /// Whether the next line (furniture and blank lines skipped) opens a
    /// numbered paragraph: what stands alone between a finished paragraph
    /// and `1. …` is a heading, however long.
    fn numbered_follows(&self, index: usize) -> bool {
        self.lines[index + 1..]
            .iter()
            .filter(|l| !l.furniture && !l.text.is_empty() && furniture(&l.text).is_none())
            .map(|l| l.text.as_str())
            .next()
            .is_some_and(|next| numbered(next).is_some())
    }

    /// A numbered paragraph of `part` opens on `line` with `n`'s text.
    fn start_numbered(&mut self, part: Part, n: &Numbered<'_>, line: usize) {
        self.last_number = Some(n.value);
        self.start_top(part, Some(n.label.clone()));
        self.add_text(line, n.rest);
    }

    fn current_annex(&self) -> Option<usize> {
        (self.part == Some(Part::Annex)).then(|| self.out.annexes.len().saturating_sub(1))
    }

    /// An annex begins: the resolution's own text is complete.
    fn start_annex(&mut self, label: Option<String>, title: Option<String>) {
        self.check_previous_end();
        self.closed = true;
        self.annex_title_pending = title.is_none();
        self.out.annexes.push(Annex {
            label,
            title,
            paragraphs: Vec::new(),
        });
        self.part = Some(Part::Annex);
        self.stack.clear();
        self.last_number = None;
    }

    /// A line inside an annex: its title, a heading, a numbered or plain
    /// paragraph, a sub-paragraph, or the continuation of one.
    fn annex_line(&mut self, index: usize, prev: Prev) {
        let line = &self.lines[index];
        let (number, text) = (line.number, line.text.as_str());
        let opens = numbered(text).is_some() || sub_label(text).is_some();
        let capitals = {
            let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
            letters.len() >= 3 && letters.iter().all(|c| c.is_uppercase())
        };
        if self.annex_title_pending && !opens && (title_shape(text) || capitals) {
            self.annex_title_pending = false;
            self.annex_title_continues = capitals;
            if let Some(annex) = self.out.annexes.last_mut() {
                annex.title = Some(text.to_string());
            }
            self.prev = Some(Prev::heading());
            return;
        }
        // A title in capitals goes on while its lines are in capitals.
        if std::mem::take(&mut self.annex_title_continues)
            && capitals
            && let Some(Annex {
                title: Some(title), ..
            }) = self.out.annexes.last_mut()
        {
            title.push(' ');
            title.push_str(text);
            self.annex_title_continues = true;
            self.prev = Some(Prev::heading());
            return;
        }
        self.annex_title_pending = false;
        let ended = prev.ends_paragraph || self.prev.is_none();
        if let Some(n) = numbered(text)
            && (ended || prev.long)
        {
            self.start_numbered(Part::Annex, &n, number);
            self.prev = Some(Prev::of(text));
            return;
        }
        if self.took_sub_line(number, text, prev) {
            return;
        }
        if ended
            && (heading_shape(text) && self.heading_follows(index)
                || line.bold && title_shape(text))
        {
            self.pending_headings.push((number, text.to_string()));
            self.prev = Some(Prev::heading());
            return;
        }
        if ended && text.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) {
            // Under a numbered paragraph that introduced a list, a new
            // sentence is one of its items whose label the source lost.
            let introduced = self.current_top().is_some_and(|b| {
                b.label.is_some()
                    && b.pieces
                        .last()
                        .is_some_and(|p| Prev::of(&p.text).ends_with_colon)
            });
            let in_lost_list = self
                .out
                .blocks
                .last()
                .is_some_and(|b| matches!(b.kind, BlockKind::Sub(_)) && b.label.is_none());
            if (introduced || in_lost_list) && self.last_number.is_some() {
                self.check_previous_end();
                let heading = self.take_headings();
                self.out.blocks.push(Block {
                    kind: BlockKind::Sub(1),
                    label: None,
                    heading,
                    pieces: Vec::new(),
                    lead: None,
                    annex: self.current_annex(),
                });
            } else if self.last_number.is_none() || !self.pending_headings.is_empty() {
                // Before the numbering starts (an opening "We, Heads of
                // State …"), or under a heading, a paragraph of its own;
                // once it has, an unnumbered line goes on with the last
                // numbered paragraph, which a dump broke.
                self.start_top(Part::Annex, None);
            }
        }
        self.add_text(number, text);
        self.prev = Some(Prev::of(text));
    }

    fn current_top_index(&self) -> Option<usize> {
        self.out
            .blocks
            .iter()
            .rposition(|b| matches!(b.kind, BlockKind::Top(_)))
    }

    fn current_top(&self) -> Option<&Block> {
        self.current_top_index().map(|i| &self.out.blocks[i])
    }

    fn start_top(&mut self, part: Part, label: Option<String>) {
        self.check_previous_end();
        self.part = Some(part);
        self.stack.clear();
        let heading = self.take_headings();
        self.out.blocks.push(Block {
            kind: BlockKind::Top(part),
            label,
            heading,
            pieces: Vec::new(),
            lead: None,
            annex: self.current_annex(),
        });
    }

    fn start_sub(&mut self, depth: usize, level: Level, label: String) {
        self.stack.truncate(depth - 1);
        self.stack.push(level);
        let heading = self.take_headings();
        self.out.blocks.push(Block {
            kind: BlockKind::Sub(depth),
            label: Some(label),
            heading,
            pieces: Vec::new(),
            lead: None,
            annex: self.current_annex(),
        });
    }

    /// A paragraph that ends without `, ; : .` lost its end (or is cut by
    /// a misread break): say so where the next one starts.
    fn check_previous_end(&mut self) {
        let Some(block) = self.out.blocks.last().cloned() else {
            return;
        };
        let Some(last) = block.pieces.last() else {
            return;
        };
        let prev = Prev::of(&last.text);
        let operative_comma = block.kind == BlockKind::Top(Part::Operative)
            && last.text.trim_end_matches(['”', '’', ')']).ends_with(',');
        if operative_comma {
            let line = last.line;
            let label = block.label.clone().unwrap_or_default();
            self.warn(
                line,
                format!("operative paragraph {label} ends with ',' (expected ';' or '.'): text may be missing"),
            );
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
            let line = last.line;
            self.warn(
                line,
                format!("{name} ends without punctuation ('…{ending}'): text may be missing"),
            );
        }
    }

    fn take_headings(&mut self) -> Option<String> {
        if self.pending_headings.is_empty() {
            return None;
        }
        let texts: Vec<String> = self.pending_headings.drain(..).map(|(_, t)| t).collect();
        Some(texts.join(" — "))
    }

    /// Append text to the innermost open block, splitting off operative
    /// paragraphs run into it.
    fn add_text(&mut self, number: usize, text: &str) {
        let mut remaining = text;
        loop {
            let expected = self.last_number.map_or(1, |last| last + 1);
            let part = if self.part == Some(Part::Annex) {
                Part::Annex
            } else {
                Part::Operative
            };
            if self.part == Some(Part::Preamble)
                && self.stack.is_empty()
                && let Some((before_end, rest_at)) = inline_split_preamble(remaining)
            {
                let before = remaining[..before_end].trim_end();
                if !before.is_empty() {
                    self.push_piece(number, before);
                }
                self.warn(
                    number,
                    "two preambular paragraphs on one line: split before the second lead",
                );
                self.start_top(Part::Preamble, None);
                remaining = &remaining[rest_at..];
                continue;
            }
            // An annex's numbered paragraphs run together only after one
            // of them: its numbering has started.
            let split = match part {
                Part::Annex if self.last_number.is_some() => {
                    inline_split_annex(remaining, expected)
                }
                Part::Annex => None,
                _ => inline_split(remaining, expected),
            };
            match split {
                Some((before_end, label, rest_at)) => {
                    let before = remaining[..before_end].trim_end();
                    if !before.is_empty() {
                        self.push_piece(number, before);
                    }
                    self.last_number = Some(expected);
                    self.start_top(part, Some(label));
                    remaining = &remaining[rest_at..];
                }
                None => {
                    self.push_piece(number, remaining);
                    break;
                }
            }
        }
        self.check_closed();
    }

    fn push_piece(&mut self, line: usize, text: &str) {
        // Lines are numbered from 1 in order.
        let typeset = line
            .checked_sub(1)
            .and_then(|i| self.lines.get(i))
            .filter(|l| l.number == line)
            .and_then(|l| l.lead.as_ref());
        if let Some(block) = self.out.blocks.last_mut() {
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

    /// "Decides to remain (actively) seized of the matter." closes the text.
    fn check_closed(&mut self) {
        let Some(block) = self.out.blocks.last() else {
            return;
        };
        // Under 120 characters: a few lines at most. A long paragraph is
        // not looked at again each time it grows.
        const CLOSING_CHARS: usize = 120;
        if block.kind != BlockKind::Top(Part::Operative) || block.pieces.len() > CLOSING_CHARS {
            return;
        }
        crate::work::step(block.pieces.len());
        let text: String = block
            .pieces
            .iter()
            .map(|p| p.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        if text.ends_with('.') && text.contains("seized of") && text.chars().count() < CLOSING_CHARS
        {
            self.closed = true;
        }
    }

    fn finish(mut self) -> Assembled {
        if !self.pending_headings.is_empty() {
            let headings = std::mem::take(&mut self.pending_headings);
            for (line, text) in headings {
                self.warn(
                    line,
                    format!("heading with no paragraph after it: «{text}»"),
                );
            }
        }
        self.check_previous_end_at_end();
        self.out
    }

    fn check_previous_end_at_end(&mut self) {
        if let Some(block) = self.out.blocks.last()
            && let Some(last) = block.pieces.last()
            && !Prev::of(&last.text).ends_paragraph
        {
            let line = last.line;
            self.warn(
                line,
                "the last paragraph ends without punctuation: text may be missing",
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_labels() {
        let n = numbered("7 bis. Decides to").unwrap();
        assert_eq!(
            (n.label.as_str(), n.value, n.suffixed, n.rest),
            ("7 bis", 7, true, "Decides to")
        );
        assert_eq!(numbered("12. Emphasises").unwrap().value, 12);
        assert!(numbered("2014. The").is_none());
        assert!(numbered("14 February 2014,").is_none());
        assert!(numbered("2.5 million").is_none());
    }

    #[test]
    fn sub_labels() {
        assert_eq!(
            sub_label("(a) Reach an").map(|s| s.0),
            Some("a".to_string())
        );
        assert_eq!(
            sub_label("(viii) developments").map(|s| s.0),
            Some("viii".to_string())
        );
        assert!(sub_label("(XXXI) of June 2018").is_none());
        assert!(sub_label("(2014), 2179 (2014)").is_none());
        assert!(sub_label("(c), (d) and (e)").is_none());
        assert_eq!(
            sub_label("• the progress").map(|s| s.0),
            Some("•".to_string())
        );
    }

    #[test]
    fn a_marker_glued_after_the_final_comma_still_ends_the_line() {
        assert!(Prev::of("the report submitted pursuant to resolution 79/42,7").ends_paragraph);
        assert!(Prev::of("the Convention;12").ends_paragraph);
        // Thousands and plain numbers are not markers.
        assert!(!Prev::of("a deployment of 19,626").ends_paragraph);
        assert!(!Prev::of("in paragraph 7").ends_paragraph);
    }

    #[test]
    fn long_numbers_and_lost_periods_only_as_the_next_number() {
        assert_eq!(
            numbered_long("1000. Decides", 1000).map(|n| n.value),
            Some(1000)
        );
        assert!(numbered_long("2016. Decides", 1000).is_none());
        assert_eq!(
            numbered_without_period("11     Condemns the attacks", 11).map(|n| n.label),
            Some("11".to_string())
        );
        assert!(numbered_without_period("11 States have", 11).is_none());
        assert!(numbered_without_period("12 Condemns", 11).is_none());
        let lines = lines_of(&[
            "The Security Council,",
            "1. Decides to act;",
            "2016. Requests the report;",
        ]);
        let out = assemble(&lines, false);
        let labels: Vec<Option<&str>> = out.blocks.iter().map(|b| b.label.as_deref()).collect();
        assert_eq!(labels, [Some("1")], "a year is not paragraph 2016");
    }

    #[test]
    fn two_preambular_paragraphs_on_one_line_are_split() {
        assert_eq!(
            inline_split_preamble("Recalling its resolution 1/1, Noting also the report,"),
            Some((29, 30))
        );
        assert_eq!(
            inline_split_preamble("Recalling, among others, the report,"),
            None
        );
        assert_eq!(
            inline_split_preamble("the States, Members of the Council,"),
            None
        );
    }

    fn lines_of(texts: &[&str]) -> Vec<CleanedLine> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| CleanedLine {
                number: i + 1,
                text: t.to_string(),
                repairs: Vec::new(),
                lead: None,
                bold: false,
                furniture: false,
                page_start: false,
            })
            .collect()
    }

    /// (kind, label) of every block.
    fn outline(texts: &[&str]) -> Vec<String> {
        assemble(&lines_of(texts), false)
            .blocks
            .iter()
            .map(|b| match b.kind {
                BlockKind::Top(_) => format!("top {}", b.label.clone().unwrap_or_default()),
                BlockKind::Sub(depth) => {
                    format!("sub{depth} {}", b.label.clone().unwrap_or_default())
                }
            })
            .collect()
    }

    #[test]
    fn a_sub_paragraph_that_is_a_heading_does_not_swallow_its_items() {
        assert_eq!(
            outline(&[
                "The Security Council,",
                "1. Decides that the mandate shall be as follows:",
                "(a) Protection of civilians",
                "(i) to protect civilians;",
                "(ii) to support the return;",
                "(b) Monitoring",
                "(i) to monitor;",
            ]),
            ["top 1", "sub1 a", "sub2 i", "sub2 ii", "sub1 b", "sub2 i"]
        );
    }

    #[test]
    fn a_long_heading_before_the_first_operative_paragraph_stays_a_heading() {
        let lines = lines_of(&[
            "The Security Council,",
            "Recalling its resolutions,",
            "Implementation of the measures of the present resolution and of the earlier ones",
            "1. Decides to act;",
        ]);
        let out = assemble(&lines, false);
        assert_eq!(out.blocks.len(), 2);
        assert_eq!(
            out.blocks[1].heading.as_deref(),
            Some(
                "Implementation of the measures of the present resolution and of the earlier ones"
            )
        );
    }

    #[test]
    fn a_numbered_paragraph_listing_the_following_is_not_an_annex() {
        let out = assemble(
            &lines_of(&[
                "The Security Council,",
                "1. Decides that the following measures shall apply:",
                "All States shall prevent the supply of arms to the groups listed",
                "in the annex;",
                "2. Requests a report;",
            ]),
            false,
        );
        assert!(out.annexes.is_empty());
        assert_eq!(out.blocks.len(), 2);
    }

    #[test]
    fn a_title_without_a_blank_line_after_it_does_not_make_the_body_furniture() {
        let out = assemble(
            &lines_of(&[
                "73/8. Necessity of ending the economic, commercial and financial",
                "embargo imposed by the United States of America against Cuba",
                "Recalling its resolutions,",
                "1. Requests a report;",
                "2. Decides to include the item.",
            ]),
            false,
        );
        assert_eq!(out.blocks.len(), 3, "{:?}", out.furniture);
    }

    #[test]
    fn a_date_ending_a_sentence_is_not_a_paragraph_number() {
        let mut lines = lines_of(&[
            "remain in force until",
            "31 December.",
            "",
            "2. Decides to act;",
        ]);
        join_bare_labels(&mut lines);
        assert_eq!(lines[1].text, "31 December.");
        let mut lines = lines_of(&["2.", "", "Decides to act;"]);
        join_bare_labels(&mut lines);
        assert_eq!(lines[0].text, "2. Decides to act;");
    }

    #[test]
    fn letters_inside_roman_numerals_nest() {
        assert_eq!(
            outline(&[
                "The Security Council,",
                "1. Decides:",
                "(i) as to the first:",
                "(a) one;",
                "(b) two;",
                "(ii) as to the second:",
                "(a) three;",
            ]),
            ["top 1", "sub1 i", "sub2 a", "sub2 b", "sub1 ii", "sub2 a"]
        );
    }

    #[test]
    fn names_are_not_unknown_leads() {
        assert_eq!(
            unknown_preamble_lead("United States of America, from 14 July"),
            None
        );
        assert_eq!(
            unknown_preamble_lead("Alarmed by the").as_deref(),
            Some("Alarmed")
        );
    }

    #[test]
    fn annex_labels_with_and_without_their_title() {
        assert_eq!(Annex::split_label("Annex"), Some(("Annex", None)));
        assert_eq!(Annex::split_label("Annex II"), Some(("Annex II", None)));
        assert_eq!(
            Annex::split_label("Annex 2025 Political Declaration on Trafficking"),
            Some(("Annex", Some("2025 Political Declaration on Trafficking")))
        );
        assert_eq!(Annex::split_label("Annexes to the report are"), None);
        assert_eq!(Annex::split_label("Annex to resolution 1"), None);
    }

    #[test]
    fn formulas() {
        assert!(enacting_formula("The Security Council,").is_some());
        assert!(enacting_formula("The General Assembly,").is_some());
        assert!(enacting_formula("The Human Rights Council,").is_some());
        assert!(enacting_formula("The Houthis have engaged in acts").is_none());
    }

    #[test]
    fn unknown_leads() {
        assert_eq!(
            unknown_preamble_lead("Calling for immediate").as_deref(),
            Some("Calling")
        );
        assert_eq!(
            unknown_preamble_lead("Gravely distressed by the").as_deref(),
            Some("Gravely distressed")
        );
        assert_eq!(unknown_preamble_lead("Government, commitment"), None);
        assert_eq!(
            unknown_preamble_lead("Having conducted its review").as_deref(),
            Some("Having conducted")
        );
    }

    #[test]
    fn inline_splits_need_the_next_number_and_a_lead() {
        let text = "with “Somaliland”; 13. Welcomes the commitments";
        let (end, label, rest) = inline_split(text, 13).unwrap();
        assert_eq!(&text[..end], "with “Somaliland”;");
        assert_eq!(label, "13");
        assert_eq!(&text[rest..], "Welcomes the commitments");
        assert!(inline_split(text, 14).is_none());
        assert!(inline_split("as recalled in paragraph 1. Decides", 2).is_none());
        assert!(
            inline_split(
                "on the basis of: 1) Information shared; 2) Implementation",
                6
            )
            .is_none()
        );
    }
}
