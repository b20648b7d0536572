//! The redline as paragraphs of runs, each run and paragraph mark with the
//! revision it belongs to. Built from the comparison's records in reading
//! order of the new version, with each moved record's old text at its old
//! place (`render::places`).

use crate::comparison::{ChangeStatus, Comparison, ParagraphChange, Side, WordOpKind};
use crate::diff::PARAGRAPH_BREAK;
use crate::model::Part;
use crate::render::messages::{Messages, fill};
use std::borrow::Cow;

/// The text as every report cleans it, and without the characters XML 1.0
/// forbids (the non-characters U+FFFE and U+FFFF, C0 controls), which would
/// make the package unreadable: each becomes U+FFFD.
fn clean(text: &str) -> Cow<'_, str> {
    let cleaned = crate::render::sanitize::clean(text);
    let forbidden = |c: char| {
        matches!(c, '\u{FFFE}' | '\u{FFFF}') || (c < ' ' && !matches!(c, '\t' | '\n' | '\r'))
    };
    if cleaned.chars().any(forbidden) {
        Cow::Owned(
            cleaned
                .chars()
                .map(|c| if forbidden(c) { '\u{FFFD}' } else { c })
                .collect(),
        )
    } else {
        cleaned
    }
}

/// Which revision a run or a paragraph mark is part of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// In both versions.
    Kept,
    /// Inserted in the new version.
    Inserted,
    /// Deleted from the old version.
    Deleted,
    /// The old text of a moved paragraph, at its old place.
    MovedFrom,
    /// The new text of a moved paragraph, at its new place.
    MovedTo,
}

/// A run of text with one look and one revision.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub text: String,
    /// A tab after a paragraph number, instead of text.
    pub tab: bool,
    /// A footnote reference instead of text: its footnote's text, by
    /// position in [`Document::footnotes`] from 1.
    pub footnote: Option<usize>,
    pub italic: bool,
    pub mark: Mark,
}

/// The kind of paragraph, which gives its Word style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// The document symbol, at the top right.
    Symbol,
    /// "Resolution adopted by the General Assembly on …", "Draft resolution".
    Adopted,
    /// The title.
    Head,
    /// The enacting formula.
    Formula,
    /// A section heading before a paragraph.
    Heading,
    Preamble,
    Operative,
    /// A sub-paragraph at this depth (1 for (a), 2 for (i)).
    Sub(usize),
}

impl Style {
    /// The style's id in `styles.xml`.
    pub fn id(self) -> &'static str {
        match self {
            Style::Symbol => "Symbol",
            Style::Adopted => "Adopted",
            Style::Head => "Head",
            Style::Formula => "Formula",
            Style::Heading => "SectionHeading",
            Style::Preamble => "Preamble",
            Style::Operative => "Operative",
            Style::Sub(1) => "Sub1",
            Style::Sub(2) => "Sub2",
            Style::Sub(_) => "Sub3",
        }
    }
}

/// One paragraph of the document.
#[derive(Debug, Clone, PartialEq)]
pub struct Para {
    pub style: Style,
    pub runs: Vec<Run>,
    /// The revision of the paragraph mark: inserted when the paragraph is
    /// new or a split made it, deleted when it is gone or merged.
    pub mark: Mark,
    /// The move this paragraph opens (`move_start`) or closes
    /// (`move_end`), by number: a moved record's paragraphs are one range.
    pub move_start: Option<usize>,
    pub move_end: Option<usize>,
    /// A comment anchored on the paragraph: what changed, in drafting
    /// terms.
    pub comment: Option<String>,
}

/// What the layout is asked for, and the moves' numbers.
pub struct Ctx {
    /// Routine updates shown as already accepted: the new words plain.
    pub accept_routine: bool,
    /// Each record's drafting notes as a Word comment on its paragraph.
    pub comments: bool,
    /// The words of the comments.
    pub ui: &'static Messages,
    /// How the document's language prints a sub-paragraph's label:
    /// ("(", ")") or ("", ")").
    pub sub_form: (String, String),
    numbers: std::collections::HashMap<*const ParagraphChange, usize>,
    /// Footnote ids by marker, in each version.
    old_notes: Notes,
    new_notes: Notes,
}

/// The document: its paragraphs, in order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Document {
    pub paragraphs: Vec<Para>,
    /// The footnotes, by id from 1: each a run of text with its revision.
    pub footnotes: Vec<Vec<Run>>,
}

/// The label a paragraph of `part` opens with, when it has one: "4." for
/// an operative paragraph, "(a)" (or "a)", as the document's language
/// prints it: `form`) for a sub-paragraph; `None` in the preamble.
fn label(
    number: Option<&str>,
    depth: usize,
    part: Part,
    form: &(String, String),
) -> Option<String> {
    let number = number?;
    Some(if depth > 0 {
        format!("{}{number}{}", form.0, form.1)
    } else if part == Part::Preamble {
        return None;
    } else {
        format!("{number}.")
    })
}

fn style(part: Part, depth: usize) -> Style {
    match (depth, part) {
        (0, Part::Preamble) => Style::Preamble,
        (0, _) => Style::Operative,
        (d, _) => Style::Sub(d),
    }
}

/// Paragraphs built one run at a time.
struct Builder<'a> {
    out: &'a mut Vec<Para>,
    style: Style,
    runs: Vec<Run>,
}

impl Builder<'_> {
    fn push(&mut self, text: &str, italic: bool, mark: Mark) {
        if text.is_empty() {
            return;
        }
        match self.runs.last_mut() {
            Some(last)
                if !last.tab
                    && last.footnote.is_none()
                    && last.italic == italic
                    && last.mark == mark =>
            {
                last.text.push_str(text)
            }
            _ => self.runs.push(Run {
                text: text.to_string(),
                tab: false,
                footnote: None,
                italic,
                mark,
            }),
        }
    }

    fn footnote(&mut self, id: usize, mark: Mark) {
        self.runs.push(Run {
            text: String::new(),
            tab: false,
            footnote: Some(id),
            italic: false,
            mark,
        });
    }

    fn label(&mut self, label: &str, mark: Mark) {
        self.push(label, false, mark);
        self.runs.push(Run {
            text: String::new(),
            tab: true,
            footnote: None,
            italic: false,
            mark,
        });
    }

    /// A section heading, a paragraph of its own before the one being built.
    fn heading(&mut self, text: &str, mark: Mark) {
        self.out.push(Para {
            style: Style::Heading,
            runs: vec![Run {
                text: clean(text).into_owned(),
                tab: false,
                footnote: None,
                italic: false,
                mark,
            }],
            mark,
            move_start: None,
            move_end: None,
            comment: None,
        });
    }

    fn end(&mut self, mark: Mark) {
        self.out.push(Para {
            style: self.style,
            runs: std::mem::take(&mut self.runs),
            mark,
            move_start: None,
            move_end: None,
            comment: None,
        });
    }
}

/// Where a side stands: which of its paragraphs, how far into its text.
struct Cursor<'a> {
    refs: Vec<&'a crate::comparison::ParagraphRef>,
    paragraph: usize,
    offset: usize,
}

impl<'a> Cursor<'a> {
    fn of(side: &'a Side) -> Cursor<'a> {
        Cursor {
            refs: side.refs(),
            paragraph: 0,
            offset: 0,
        }
    }

    /// The length of the current paragraph's lead, in bytes of its text.
    fn lead_len(&self) -> usize {
        self.refs
            .get(self.paragraph)
            .and_then(|r| r.lead.as_ref())
            .map_or(0, |l| l.len())
    }

    fn label(&self, depth: usize, part: Part, form: &(String, String)) -> Option<String> {
        let r = self.refs.get(self.paragraph)?;
        label(r.number.as_deref(), depth, part, form)
    }

    /// The section heading before the current paragraph.
    fn heading(&self) -> Option<String> {
        self.refs.get(self.paragraph)?.heading.clone()
    }

    fn next_paragraph(&mut self) {
        self.paragraph += 1;
        self.offset = 0;
    }
}

/// The footnote references of the cursor's paragraph that stand in the
/// next `len` bytes: `(offset, footnote id)`.
fn refs_ahead(cursor: &Cursor, len: usize, notes: &Notes) -> Vec<(usize, usize)> {
    let (start, end) = (cursor.offset, cursor.offset + len);
    cursor
        .refs
        .get(cursor.paragraph)
        .map(|r| {
            r.footnotes
                .iter()
                .filter(|f| (f.offset > start || (f.offset == 0 && start == 0)) && f.offset <= end)
                .filter_map(|f| notes.get(&f.marker).map(|&id| (f.offset, id)))
                .collect()
        })
        .unwrap_or_default()
}

/// Pushes `text` of one side, italic where it lies in that side's lead,
/// with the footnote references that stand in it (`notes` gives each
/// marker's footnote id on that side), marked as the text is.
fn push_side(b: &mut Builder, cursor: &mut Cursor, text: &str, mark: Mark, notes: &Notes) {
    let refs = refs_ahead(cursor, text.len(), notes)
        .into_iter()
        .map(|(offset, id)| (offset, id, mark))
        .collect();
    push_cut(b, cursor, text, mark, refs);
}

/// [`push_side`] with the references given: `(offset, id, mark)`.
fn push_cut(
    b: &mut Builder,
    cursor: &mut Cursor,
    text: &str,
    mark: Mark,
    mut refs: Vec<(usize, usize, Mark)>,
) {
    let start = cursor.offset;
    let end = start + text.len();
    let lead = cursor.lead_len();
    refs.sort_by_key(|&(offset, id, _)| (offset, id));
    let mut at = start;
    // Offsets are the model's; a cut inside a character (text a report
    // rewrote) moves on to the character's end, so nothing is lost.
    let boundary = |k: usize| {
        (k.min(text.len())..=text.len())
            .find(|&k| text.is_char_boundary(k))
            .unwrap_or(text.len())
    };
    let mut piece = |b: &mut Builder, upto: usize| {
        if upto <= at {
            return;
        }
        let (from, to) = (boundary(at - start), boundary(upto - start));
        let slice = text.get(from..to).unwrap_or("");
        if at < lead {
            let cut = (lead - at).min(slice.len());
            let cut = (0..=cut)
                .rev()
                .find(|&k| slice.is_char_boundary(k))
                .unwrap_or(0);
            b.push(&slice[..cut], true, mark);
            b.push(&slice[cut..], false, mark);
        } else {
            b.push(slice, false, mark);
        }
        at = upto;
    };
    for (offset, id, ref_mark) in refs {
        piece(b, offset.clamp(start, end));
        b.footnote(id, ref_mark);
    }
    piece(b, end);
    cursor.offset = end;
}

/// Each footnote marker's footnote id, on one side.
type Notes = std::collections::HashMap<String, usize>;

/// How the record's runs are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum View {
    /// In place: kept, deleted and inserted runs.
    Redline,
    /// The old text at its old place, moved away.
    OldMovedAway,
    /// The new text at its new place, moved there: kept text moved, new
    /// words inserted, deleted ones left at the old place.
    NewMovedHere,
    /// The old text alone, deleted.
    OldDeleted,
    /// The new text alone, inserted.
    NewInserted,
}

/// The paragraphs of one record's own text (not its sub-paragraphs).
fn own_paragraphs(p: &ParagraphChange, depth: usize, view: View, ctx: &Ctx, out: &mut Vec<Para>) {
    let part = p.part;
    let old_part = p.old_part.unwrap_or(part);
    let mut b = Builder {
        out,
        style: style(
            if matches!(view, View::OldMovedAway | View::OldDeleted) {
                old_part
            } else {
                part
            },
            depth,
        ),
        runs: Vec::new(),
    };
    let (mut old, mut new) = (Cursor::of(&p.old), Cursor::of(&p.new));
    let whole = match p.status {
        ChangeStatus::Added => Some(Mark::Inserted),
        ChangeStatus::Removed => Some(Mark::Deleted),
        _ => None,
    };
    let (old_mark, new_mark, kept_mark) = match view {
        View::Redline => (Mark::Deleted, Mark::Inserted, Mark::Kept),
        View::OldMovedAway => (Mark::MovedFrom, Mark::MovedFrom, Mark::MovedFrom),
        View::NewMovedHere => (Mark::MovedTo, Mark::Inserted, Mark::MovedTo),
        View::OldDeleted => (Mark::Deleted, Mark::Deleted, Mark::Deleted),
        View::NewInserted => (Mark::Inserted, Mark::Inserted, Mark::Inserted),
    };
    let shows_old = !matches!(view, View::NewMovedHere | View::NewInserted);
    let shows_new = !matches!(view, View::OldMovedAway | View::OldDeleted);

    // The opening labels: the same number is kept, a new one replaces it.
    let open = |b: &mut Builder, old: &Cursor, new: &Cursor| {
        let (o, n) = (
            old.label(depth, old_part, &ctx.sub_form)
                .filter(|_| shows_old),
            new.label(depth, part, &ctx.sub_form).filter(|_| shows_new),
        );
        match (o, n) {
            (Some(o), Some(n)) if o == n && whole.is_none() => b.label(&n, kept_mark),
            // A renumbering: the old number deleted, the new inserted, and
            // one tab both versions keep, so the markup view reads "5.6.→"
            // and not the new number glued to the text.
            (Some(o), Some(n)) => {
                b.push(&o, false, whole.unwrap_or(old_mark));
                b.label(&n, whole.unwrap_or(new_mark));
                if let Some(tab) = b.runs.last_mut() {
                    tab.mark = whole.unwrap_or(kept_mark);
                }
            }
            (o, n) => {
                if let Some(o) = o {
                    b.label(&o, whole.unwrap_or(old_mark));
                }
                if let Some(n) = n {
                    b.label(&n, whole.unwrap_or(new_mark));
                }
            }
        }
    };
    // The headings before it: the same one is kept, a new one replaces it.
    match (
        old.heading().filter(|_| shows_old),
        new.heading().filter(|_| shows_new),
    ) {
        (Some(o), Some(n)) if o == n && whole.is_none() => b.heading(&n, kept_mark),
        (o, n) => {
            if let Some(o) = o {
                b.heading(&o, whole.unwrap_or(old_mark));
            }
            if let Some(n) = n {
                b.heading(&n, whole.unwrap_or(new_mark));
            }
        }
    }
    open(&mut b, &old, &new);

    for w in &p.words {
        let (mut mark, on_old, on_new) = match w.op {
            WordOpKind::Equal => (kept_mark, true, true),
            WordOpKind::Delete => (whole.unwrap_or(old_mark), true, false),
            WordOpKind::Insert => (whole.unwrap_or(new_mark), false, true),
        };
        let text = clean(&w.text);
        // A routine update already accepted: its new words plain, its old
        // ones gone.
        if ctx.accept_routine && w.routine && view == View::Redline && whole.is_none() {
            match w.op {
                WordOpKind::Delete => {
                    old.offset += text.len();
                    continue;
                }
                WordOpKind::Insert => mark = Mark::Kept,
                WordOpKind::Equal => {}
            }
        }
        let pieces: Vec<&str> = text.split(PARAGRAPH_BREAK).collect();
        for (k, piece) in pieces.iter().enumerate() {
            if k > 0 {
                // A paragraph break of one side: the mark ends a paragraph
                // that side alone has.
                let at_old = on_old && shows_old;
                let at_new = on_new && shows_new;
                if at_old || at_new {
                    b.end(mark);
                }
                if on_old {
                    old.next_paragraph();
                }
                if on_new {
                    new.next_paragraph();
                }
                // The paragraph that begins has its own heading and label.
                let (heading, label) = match (at_old && !on_new, at_new && !on_old) {
                    (true, _) => (old.heading(), old.label(depth, old_part, &ctx.sub_form)),
                    (_, true) => (new.heading(), new.label(depth, part, &ctx.sub_form)),
                    _ => (None, None),
                };
                if let Some(h) = heading {
                    b.heading(&h, mark);
                }
                if let Some(l) = label {
                    b.label(&l, mark);
                }
            }
            match (on_old && shows_old, on_new && shows_new) {
                (true, true) => {
                    // Kept text: a reference both versions have here is
                    // kept, one only the new has is inserted, one only
                    // the old had is deleted, each at its place.
                    let olds = refs_ahead(&old, piece.len(), &ctx.old_notes);
                    let news = refs_ahead(&new, piece.len(), &ctx.new_notes);
                    let to_new = |o: usize| o - old.offset + new.offset;
                    let mut refs: Vec<(usize, usize, Mark)> = Vec::new();
                    for &(offset, id) in &news {
                        let both = olds.iter().any(|&(o, i)| i == id && to_new(o) == offset);
                        let kind = if both || mark != Mark::Kept {
                            mark
                        } else {
                            Mark::Inserted
                        };
                        refs.push((offset, id, kind));
                    }
                    if mark == Mark::Kept {
                        for &(o, id) in &olds {
                            if !news.iter().any(|&(n, i)| i == id && n == to_new(o)) {
                                refs.push((to_new(o), id, Mark::Deleted));
                            }
                        }
                    }
                    old.offset += piece.len();
                    push_cut(&mut b, &mut new, piece, mark, refs);
                }
                (true, false) => push_side(&mut b, &mut old, piece, mark, &ctx.old_notes),
                (false, true) => push_side(&mut b, &mut new, piece, mark, &ctx.new_notes),
                (false, false) => {
                    if on_old {
                        old.offset += piece.len();
                    }
                    if on_new {
                        new.offset += piece.len();
                    }
                }
            }
        }
    }
    let last = match (whole, view) {
        (Some(m), View::Redline) => m,
        (_, View::OldMovedAway) => Mark::MovedFrom,
        (_, View::NewMovedHere) => Mark::MovedTo,
        (_, View::OldDeleted) => Mark::Deleted,
        (_, View::NewInserted) => Mark::Inserted,
        _ => Mark::Kept,
    };
    b.end(last);
}

/// What a block of the document shows of a record.
#[derive(Debug, Clone, Copy)]
enum Piece<'a> {
    /// Both versions in place: the word redline.
    Redline(&'a ParagraphChange),
    /// A moved record's old text at its old place, as move `number`.
    OldMove(&'a ParagraphChange, usize),
    /// A moved record's new text at its new place, as move `number`.
    NewMove(&'a ParagraphChange, usize),
    /// One old paragraph of a record whose paragraphs lie apart (a merge of
    /// paragraphs that were not adjacent), deleted where it stood.
    OldMember(&'a ParagraphChange, usize),
    /// One new paragraph of such a record, inserted where it stands.
    NewMember(&'a ParagraphChange, usize),
}

/// A block and its place in each version: the index of its first old and
/// new paragraph.
#[derive(Debug, Clone, Copy)]
struct Block<'a> {
    piece: Piece<'a>,
    old: Option<usize>,
    new: Option<usize>,
}

fn indices(side: &Side) -> Vec<usize> {
    side.refs().iter().map(|r| r.index).collect()
}

fn adjacent(indices: &[usize]) -> bool {
    indices.windows(2).all(|w| w[1] == w[0] + 1)
}

/// The blocks of the records that are in this list on their new side
/// (`records`, in reading order of the new version) and of those whose old
/// side is in it (`came_from_here`), in the order of the document: every
/// new paragraph in new order, every old one in old order, so accepting
/// every revision gives the new text and rejecting gives the old.
///
/// The records shown in place with both versions keep their order in both
/// (the alignment marks the others moved), so they form a chain; each block
/// with one side only goes in the gap of the chain its index falls in, old
/// ones before new ones. O(n log n).
fn arrange<'a>(
    records: &[&'a ParagraphChange],
    came_from_here: &[&'a ParagraphChange],
    ctx: &Ctx,
) -> Vec<Block<'a>> {
    let number = |p: &ParagraphChange| ctx.numbers.get(&(p as *const ParagraphChange)).copied();
    // The paragraphs of a split or merge with sub-paragraphs are written
    // one by one, each with its own sub-paragraphs after it.
    let one_block = |p: &ParagraphChange| {
        adjacent(&indices(&p.old))
            && adjacent(&indices(&p.new))
            && (p.subparagraphs.is_empty() || (p.old.refs().len() <= 1 && p.new.refs().len() <= 1))
    };
    let in_place = |p: &ParagraphChange| !p.moved && p.old_part.is_none() && one_block(p);
    let (mut chain, mut old_only, mut new_only): (Vec<Block>, Vec<Block>, Vec<Block>) =
        (Vec::new(), Vec::new(), Vec::new());
    let mut sides = |p: &'a ParagraphChange, old_here: bool, new_here: bool| {
        let (olds, news) = (indices(&p.old), indices(&p.new));
        if in_place(p) {
            let block = Block {
                piece: Piece::Redline(p),
                old: olds.first().copied(),
                new: news.first().copied(),
            };
            match (block.old, block.new) {
                (Some(_), Some(_)) => chain.push(block),
                (Some(_), None) => old_only.push(block),
                _ => new_only.push(block),
            }
            return;
        }
        let whole = one_block(p) && number(p).is_some();
        if old_here && !olds.is_empty() {
            match number(p).filter(|_| whole) {
                Some(n) => old_only.push(Block {
                    piece: Piece::OldMove(p, n),
                    old: olds.first().copied(),
                    new: None,
                }),
                None => old_only.extend(olds.iter().enumerate().map(|(k, &i)| Block {
                    piece: Piece::OldMember(p, k),
                    old: Some(i),
                    new: None,
                })),
            }
        }
        if new_here && !news.is_empty() {
            match number(p).filter(|_| whole) {
                Some(n) => new_only.push(Block {
                    piece: Piece::NewMove(p, n),
                    old: None,
                    new: news.first().copied(),
                }),
                None => new_only.extend(news.iter().enumerate().map(|(k, &i)| Block {
                    piece: Piece::NewMember(p, k),
                    old: None,
                    new: Some(i),
                })),
            }
        }
    };
    for &p in records {
        sides(p, p.old_part.is_none(), true);
    }
    for &p in came_from_here {
        sides(p, true, false);
    }
    chain.sort_by_key(|b| b.new);
    let chain_old: Vec<usize> = chain.iter().filter_map(|b| b.old).collect();
    let chain_new: Vec<usize> = chain.iter().filter_map(|b| b.new).collect();
    // (gap, side: 0 old / 1 new, key, block)
    let mut loose: Vec<(usize, u8, usize, Block)> = Vec::new();
    for b in old_only {
        let key = b.old.unwrap_or(0);
        loose.push((chain_old.partition_point(|&o| o < key), 0, key, b));
    }
    for b in new_only {
        let key = b.new.unwrap_or(0);
        loose.push((chain_new.partition_point(|&n| n < key), 1, key, b));
    }
    loose.sort_by_key(|(gap, side, key, _)| (*gap, *side, *key));
    let mut out = Vec::with_capacity(chain.len() + loose.len());
    let mut loose = loose.into_iter().peekable();
    for (g, block) in chain.into_iter().enumerate() {
        while let Some((_, _, _, b)) = loose.next_if(|(gap, _, _, _)| *gap <= g) {
            out.push(b);
        }
        out.push(block);
    }
    out.extend(loose.map(|(_, _, _, b)| b));
    out
}

/// The paragraphs of the blocks, sub-paragraphs after their parents, each
/// record's drafting notes as a comment on its first paragraph.
fn write_blocks(blocks: &[Block], depth: usize, ctx: &Ctx, out: &mut Vec<Para>) {
    for block in blocks {
        let start = out.len();
        let (record, noted) = match block.piece {
            Piece::Redline(p) => {
                own_paragraphs(p, depth, View::Redline, ctx, out);
                let first = out.len();
                let subs: Vec<&ParagraphChange> = p.subparagraphs.iter().collect();
                let inner = arrange(&subs, &[], ctx);
                write_blocks(&inner, depth + 1, ctx, out);
                // The record's own note stays on its own paragraph.
                let _ = first;
                (p, true)
            }
            Piece::OldMove(p, n) => {
                moved_block(p, depth, View::OldMovedAway, Some(n), ctx, out);
                (p, false)
            }
            Piece::NewMove(p, n) => {
                moved_block(p, depth, View::NewMovedHere, Some(n), ctx, out);
                (p, true)
            }
            Piece::OldMember(p, k) => {
                member(p, &p.old, k, depth, Mark::Deleted, ctx, out);
                (p, p.new.is_none() && k == 0)
            }
            Piece::NewMember(p, k) => {
                member(p, &p.new, k, depth, Mark::Inserted, ctx, out);
                (p, k == 0)
            }
        };
        if ctx.comments
            && noted
            && let Some(first) = out.get_mut(start)
        {
            let notes = notes(record, ctx);
            if !notes.is_empty() && first.comment.is_none() {
                first.comment = Some(notes.join(ctx.ui.semicolon));
            }
        }
    }
}

/// What changed in `p`, in drafting terms, for its comment: the lead's
/// change, a move between the parts or within one, a rewritten pairing,
/// references added and removed, a routine update and its rules.
fn notes(p: &ParagraphChange, ctx: &Ctx) -> Vec<String> {
    let ui = ctx.ui;
    let mut notes = Vec::new();
    if let Some(lead) = &p.lead_change {
        notes.push(fill(
            ui.lead_change,
            &[
                (
                    "direction",
                    &crate::render::view::strength_word(lead.direction, ui),
                ),
                ("old", &clean(&lead.old)),
                ("new", &clean(&lead.new)),
            ],
        ));
    }
    let moved = |from: &str| fill(ui.moved_across, &[("from", &from)]);
    match p.old_part {
        Some(Part::Operative) => notes.push(moved(ui.from_operative)),
        Some(Part::Preamble) => notes.push(moved(ui.from_preamble)),
        Some(Part::Annex) => notes.push(moved(ui.from_annex)),
        None if p.moved => notes.push(ui.badge_moved.into()),
        None => {}
    }
    if p.status == ChangeStatus::Split {
        notes.push(ui.word_split.into());
    }
    if p.status == ChangeStatus::Merged {
        notes.push(ui.word_merged.into());
    }
    if p.rewritten {
        notes.push(ui.word_rewritten.into());
    }
    if !p.references.added.is_empty() {
        notes.push(fill(
            ui.form(&ui.word_references_added, p.references.added.len()),
            &[("list", &clean(&p.references.added.join(", ")))],
        ));
    }
    if !p.references.removed.is_empty() {
        notes.push(fill(
            ui.form(&ui.word_references_removed, p.references.removed.len()),
            &[("list", &clean(&p.references.removed.join(", ")))],
        ));
    }
    if p.routine {
        let rules: std::collections::BTreeSet<&str> = p
            .words
            .iter()
            .filter_map(|w| w.rule.map(|r| crate::render::view::rule_name(r, ui)))
            .collect();
        let accepted = if ctx.accept_routine {
            ui.word_already_accepted
        } else {
            ""
        };
        notes.push(fill(
            ui.word_routine,
            &[
                (
                    "rules",
                    &rules.into_iter().collect::<Vec<_>>().join(ui.semicolon),
                ),
                ("accepted", &accepted),
            ],
        ));
    }
    notes
}

/// One paragraph of a record whose paragraphs lie apart, whole, marked
/// deleted (old side) or inserted (new side); the first carries the
/// record's sub-paragraphs of that side.
fn member(
    p: &ParagraphChange,
    side: &Side,
    k: usize,
    depth: usize,
    mark: Mark,
    ctx: &Ctx,
    out: &mut Vec<Para>,
) {
    let refs = side.refs();
    let Some(r) = refs.get(k) else { return };
    let part = if mark == Mark::Deleted {
        p.old_part.unwrap_or(p.part)
    } else {
        p.part
    };
    let mut b = Builder {
        out,
        style: style(part, depth),
        runs: Vec::new(),
    };
    if let Some(h) = &r.heading {
        b.heading(h, mark);
    }
    if let Some(l) = label(r.number.as_deref(), depth, part, &ctx.sub_form) {
        b.label(&l, mark);
    }
    // Its text, lead and footnote references as any side's text is pushed.
    let mut cursor = Cursor::of(side);
    cursor.paragraph = k;
    let notes = if mark == Mark::Deleted {
        &ctx.old_notes
    } else {
        &ctx.new_notes
    };
    push_side(&mut b, &mut cursor, &clean(&r.text), mark, notes);
    b.end(mark);
    // Its own sub-paragraphs: those of the paragraphs before it come first
    // in the record's.
    let first = refs[..k].iter().map(|r| r.subparagraphs).sum::<usize>();
    let own = first + 1..=first + r.subparagraphs;
    let (view, old_side) = if mark == Mark::Deleted {
        (View::OldDeleted, true)
    } else {
        (View::NewInserted, false)
    };
    let subs: Vec<ParagraphChange> = p
        .subparagraphs
        .iter()
        .filter(|s| {
            let side = if old_side { &s.old } else { &s.new };
            side.refs().first().is_some_and(|r| own.contains(&r.index))
        })
        .cloned()
        .collect();
    one_side_subparagraphs(&subs, depth + 1, view, ctx, out);
}

/// A moved record's paragraphs on one side, with its sub-paragraphs, as one
/// move range numbered `number`.
fn moved_block(
    p: &ParagraphChange,
    depth: usize,
    view: View,
    number: Option<usize>,
    ctx: &Ctx,
    out: &mut Vec<Para>,
) {
    let start = out.len();
    own_paragraphs(p, depth, view, ctx, out);
    one_side_subparagraphs(&p.subparagraphs, depth + 1, view, ctx, out);
    if let Some(first) = out.get_mut(start) {
        first.move_start = number;
    }
    if out.len() > start
        && let Some(last) = out.last_mut()
    {
        last.move_end = number;
    }
}

/// Sub-paragraphs shown on one side only (of a moved record, or of one
/// whose paragraphs lie apart), in that side's order.
fn one_side_subparagraphs(
    subs: &[ParagraphChange],
    depth: usize,
    view: View,
    ctx: &Ctx,
    out: &mut Vec<Para>,
) {
    let old_side = matches!(view, View::OldMovedAway | View::OldDeleted);
    let mut order: Vec<&ParagraphChange> = subs
        .iter()
        .filter(|p| {
            if old_side {
                !p.old.is_none()
            } else {
                !p.new.is_none()
            }
        })
        .collect();
    if old_side {
        order.sort_by_key(|p| p.old.refs().first().map_or(0, |r| r.index));
    }
    for p in order {
        own_paragraphs(p, depth, view, ctx, out);
        one_side_subparagraphs(&p.subparagraphs, depth + 1, view, ctx, out);
    }
}

/// Numbers every moved record of `records` and of their sub-paragraphs:
/// the two ends of a move share its number.
fn number_moves(
    records: &[ParagraphChange],
    next: &mut usize,
    numbers: &mut std::collections::HashMap<*const ParagraphChange, usize>,
) {
    for p in records {
        if p.moved {
            *next += 1;
            numbers.insert(p as *const ParagraphChange, *next);
        }
        number_moves(&p.subparagraphs, next, numbers);
    }
}

/// The head of the document (symbol, title), then every part's records.
pub fn document(
    c: &Comparison,
    accept_routine: bool,
    comments: bool,
    ui: &'static Messages,
) -> Document {
    let mut paragraphs = Vec::new();
    // The symbol at the top right, the line that says what the document is
    // ("Resolution adopted by the General Assembly on …"), the title in
    // bold, the enacting formula in italics, as the UN sets them.
    let (old_adopted, new_adopted) = (super::adopted_line(&c.old), super::adopted_line(&c.new));
    for (old, new, style) in [
        (
            c.old.symbol.as_deref(),
            c.new.symbol.as_deref(),
            Style::Symbol,
        ),
        (
            old_adopted.as_deref(),
            new_adopted.as_deref(),
            Style::Adopted,
        ),
        (c.old.title.as_deref(), c.new.title.as_deref(), Style::Head),
        (
            c.enacting_formula.old.as_deref(),
            c.enacting_formula.new.as_deref(),
            Style::Formula,
        ),
    ] {
        head_line(old, new, style, &mut paragraphs);
    }
    // A reference names its text by position in `Document::footnotes`,
    // from 1 (footnote k of the comparison is k + 1); the package gives
    // each reference its own footnote.
    let sub_form = c
        .new
        .language
        .profile()
        .data
        .labels
        .sub_forms
        .first()
        .cloned()
        .unwrap_or_else(|| ("(".into(), ")".into()));
    let mut ctx = Ctx {
        accept_routine,
        comments,
        ui,
        sub_form,
        numbers: std::collections::HashMap::new(),
        old_notes: Notes::new(),
        new_notes: Notes::new(),
    };
    for (k, f) in c.footnotes.iter().enumerate() {
        if let Some(m) = &f.old {
            ctx.old_notes.insert(m.clone(), k + 1);
        }
        if let Some(m) = &f.new {
            ctx.new_notes.insert(m.clone(), k + 1);
        }
    }
    // A marker whose footnote has no text (the source lost it) still gets
    // its reference, to an empty footnote: one per marker, shared by both
    // versions.
    let mut empty: Vec<String> = Vec::new();
    fn markers(records: &[ParagraphChange], old: &mut Vec<String>, new: &mut Vec<String>) {
        for p in records {
            old.extend(
                p.old
                    .refs()
                    .iter()
                    .flat_map(|r| r.footnotes.iter().map(|f| f.marker.clone())),
            );
            new.extend(
                p.new
                    .refs()
                    .iter()
                    .flat_map(|r| r.footnotes.iter().map(|f| f.marker.clone())),
            );
            markers(&p.subparagraphs, old, new);
        }
    }
    let (mut old_markers, mut new_markers) = (Vec::new(), Vec::new());
    markers(&c.paragraphs, &mut old_markers, &mut new_markers);
    for (markers, notes) in [
        (&old_markers, &mut ctx.old_notes),
        (&new_markers, &mut ctx.new_notes),
    ] {
        for m in markers {
            if !notes.contains_key(m) {
                let at = match empty.iter().position(|e| e == m) {
                    Some(at) => at,
                    None => {
                        empty.push(m.clone());
                        empty.len() - 1
                    }
                };
                notes.insert(m.clone(), c.footnotes.len() + at + 1);
            }
        }
    }
    number_moves(&c.paragraphs, &mut 0, &mut ctx.numbers);
    for part in Part::ALL {
        let here: Vec<&ParagraphChange> = c.paragraphs.iter().filter(|p| p.part == part).collect();
        let came: Vec<&ParagraphChange> = c
            .paragraphs
            .iter()
            .filter(|p| p.part != part && p.old_part == Some(part))
            .collect();
        let blocks = arrange(&here, &came, &ctx);
        write_blocks(&blocks, 0, &ctx, &mut paragraphs);
    }
    let mut footnotes: Vec<Vec<Run>> = c
        .footnotes
        .iter()
        .map(|f| {
            f.words
                .iter()
                .map(|w| Run {
                    text: clean(&w.text).into_owned(),
                    tab: false,
                    footnote: None,
                    italic: false,
                    mark: match w.op {
                        WordOpKind::Equal => Mark::Kept,
                        WordOpKind::Delete => Mark::Deleted,
                        WordOpKind::Insert => Mark::Inserted,
                    },
                })
                .collect()
        })
        .collect();
    footnotes.extend(empty.iter().map(|_| Vec::new()));
    Document {
        paragraphs,
        footnotes,
    }
}

/// A line of the head: kept; or one line whose changed words are deleted
/// and inserted (a new symbol replaces the old on the symbol's line, so
/// Accept All and Reject All each give one line); or a line one version
/// alone has, inserted or deleted whole.
fn head_line(old: Option<&str>, new: Option<&str>, style: Style, out: &mut Vec<Para>) {
    let italic = style == Style::Formula;
    let run = |text: &str, mark: Mark| Run {
        text: clean(text).into_owned(),
        tab: false,
        footnote: None,
        italic,
        mark,
    };
    let para = |runs: Vec<Run>, mark: Mark| Para {
        style,
        runs,
        mark,
        move_start: None,
        move_end: None,
        comment: None,
    };
    match (old, new) {
        (Some(o), Some(n)) => {
            // The words both lines begin and end with are kept.
            let (ow, nw): (Vec<&str>, Vec<&str>) = (
                o.split_inclusive(' ').collect(),
                n.split_inclusive(' ').collect(),
            );
            let before = ow.iter().zip(&nw).take_while(|(a, b)| a == b).count();
            let after = ow[before..]
                .iter()
                .rev()
                .zip(nw[before..].iter().rev())
                .take_while(|(a, b)| a == b)
                .count();
            let pieces = [
                (ow[..before].concat(), Mark::Kept),
                (ow[before..ow.len() - after].concat(), Mark::Deleted),
                (nw[before..nw.len() - after].concat(), Mark::Inserted),
                (nw[nw.len() - after..].concat(), Mark::Kept),
            ];
            let runs = pieces
                .iter()
                .filter(|(text, _)| !text.is_empty())
                .map(|(text, mark)| run(text, *mark))
                .collect();
            out.push(para(runs, Mark::Kept));
        }
        (Some(o), None) => out.push(para(vec![run(o, Mark::Deleted)], Mark::Deleted)),
        (None, Some(n)) => out.push(para(vec![run(n, Mark::Inserted)], Mark::Inserted)),
        (None, None) => {}
    }
}
