//! Reads the canonical Markdown format with pulldown-cmark.

use std::collections::BTreeSet;
use std::ops::Range;
use std::path::Path;

use pulldown_cmark::{Event, HeadingLevel, MetadataBlockKind, Options, Parser, Tag, TagEnd};

use crate::error::{Error, Result};
use crate::limits::{self, Tally};
use crate::model::{
    Annex, Footnote, FootnoteRef, LeadSource, Meta, Paragraph, Resolution, push_folded,
};

/// Parses canonical Markdown `text`; `path` names the file in errors.
pub fn read(text: &str, path: &Path) -> Result<Resolution> {
    let source = with_missing_definitions(text);
    Reader::new(&source, path).read()
}

/// Markdown reads `[^3]` as plain text when no `[^3]:` defines it. A marker
/// is a marker whatever the definitions say (a hand-edited file may have
/// lost one), so each undefined one gets an empty definition at the end,
/// where it moves no line number.
fn with_missing_definitions(text: &str) -> std::borrow::Cow<'_, str> {
    let mut used: Vec<&str> = Vec::new();
    let mut defined = BTreeSet::new();
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(found) = text[at..].find("[^") {
        let start = at + found;
        at = start + 2;
        let backslashes = bytes[..start]
            .iter()
            .rev()
            .take_while(|&&b| b == b'\\')
            .count();
        // A label ends at `]`; whitespace, `[` or `\` first means this is
        // no marker. Stopping at `[` keeps the scan linear: the next `[^`
        // is never passed.
        let len = text[at..]
            .find(|c: char| c == ']' || c == '[' || c == '\\' || c.is_whitespace())
            .unwrap_or(text.len() - at);
        crate::work::step(found + backslashes + len + 1);
        if backslashes % 2 == 1 || len == 0 || !text[at + len..].starts_with(']') {
            continue;
        }
        let label = &text[at..at + len];
        let at_line_start = start == 0 || bytes[start - 1] == b'\n';
        if at_line_start && text[at + len + 1..].starts_with(':') {
            defined.insert(label);
        } else {
            used.push(label);
        }
    }
    let mut missing = BTreeSet::new();
    let missing: Vec<&str> = used
        .into_iter()
        .filter(|l| !defined.contains(l) && missing.insert(*l))
        .collect();
    if missing.is_empty() {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = text.to_string();
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out.push('\n');
    for label in missing {
        out.push_str(&format!("[^{label}]:\n"));
    }
    std::borrow::Cow::Owned(out)
}

type Spanned<'a> = (Event<'a>, Range<usize>);

struct Reader<'a> {
    source: &'a str,
    path: &'a Path,
    events: Vec<Spanned<'a>>,
    at: usize,
    tally: Tally,
    /// Where the file's leads came from, as its front matter's `leads`
    /// says: a lead in `*asterisks*` came from the other source.
    leads: LeadSource,
}

/// A paragraph's inline content, before any label is taken off its front.
#[derive(Default)]
struct Inline {
    text: String,
    lead: Option<String>,
    /// The lead is in `*asterisks*`, not `_underscores_`: it came from the
    /// other source than the file's `leads`.
    lead_starred: bool,
    footnotes: Vec<FootnoteRef>,
}

impl<'a> Reader<'a> {
    fn new(source: &'a str, path: &'a Path) -> Reader<'a> {
        // Tables are parsed only to be refused: a pipe table is not text.
        let options = Options::ENABLE_FOOTNOTES
            | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
            | Options::ENABLE_TABLES;
        let events = Parser::new_ext(source, options)
            .into_offset_iter()
            .collect();
        Reader {
            source,
            path,
            events,
            at: 0,
            tally: Tally::default(),
            leads: LeadSource::Italics,
        }
    }

    fn line_of(&self, offset: usize) -> usize {
        self.source[..offset.min(self.source.len())]
            .bytes()
            .filter(|&b| b == b'\n')
            .count()
            + 1
    }

    fn error_at(&self, offset: usize, message: impl Into<String>) -> Error {
        Error::at_line(self.path, self.line_of(offset), message)
    }

    /// Counts a paragraph of `text` starting at `offset` against the
    /// bounds of [`crate::limits`].
    fn count(&mut self, text: &str, offset: usize) -> Result<()> {
        match self.tally.paragraph(text.len()) {
            Some(message) => Err(self.error_at(offset, message)),
            None => Ok(()),
        }
    }

    fn next(&mut self) -> Option<Spanned<'a>> {
        let event = self.events.get(self.at).cloned();
        self.at += 1;
        event
    }

    fn read(mut self) -> Result<Resolution> {
        if self.source.trim().is_empty() {
            return Err(Error::in_file(
                self.path,
                "the file is empty: expected a resolution in the canonical format (see docs/format.md)",
            ));
        }
        if !self.source.starts_with("+++") {
            return Err(self.error_at(0, "expected TOML front matter between `+++` lines at the top of the file (see docs/format.md)"));
        }
        let mut meta: Option<Meta> = None;
        let mut enacting_formula = None;
        let mut preamble: Vec<Paragraph> = Vec::new();
        let mut operative: Vec<Paragraph> = Vec::new();
        let mut footnotes = Vec::new();
        let mut annexes: Vec<Annex> = Vec::new();
        let mut heading: Option<String> = None;

        while let Some((event, range)) = self.next() {
            match event {
                Event::Start(Tag::MetadataBlock(MetadataBlockKind::PlusesStyle)) => {
                    meta = Some(self.read_front_matter(range.start)?);
                }
                Event::Start(Tag::Heading { level, .. }) => {
                    if level == HeadingLevel::H1 {
                        if preamble.is_empty() && operative.is_empty() {
                            return Err(self.error_at(
                                range.start,
                                "an annex (`# Annex`) before the resolution's paragraphs",
                            ));
                        }
                        let name = self.read_inline(TagEnd::Heading(level))?.text;
                        let language = meta.as_ref().map_or(Default::default(), |m| m.language);
                        name_annex(&mut annexes, name, language);
                        continue;
                    }
                    if level != HeadingLevel::H2 {
                        return Err(self.error_at(
                            range.start,
                            "only `## ` headings (section headings between paragraphs) and `# ` annex names are allowed",
                        ));
                    }
                    let inline = self.read_inline(TagEnd::Heading(level))?;
                    heading = Some(inline.text);
                }
                Event::Start(Tag::Paragraph) if !annexes.is_empty() => {
                    let inline = self.read_inline(TagEnd::Paragraph)?;
                    self.count(&inline.text, range.start)?;
                    let annex = annexes.last_mut().expect("checked non-empty");
                    annex
                        .paragraphs
                        .push(paragraph(inline, None, heading.take(), self.leads));
                }
                Event::Start(Tag::List(start)) if !annexes.is_empty() => {
                    let items = self.read_list(range.start, 0)?;
                    let annex = annexes.last_mut().expect("checked non-empty");
                    match (start, annex.paragraphs.last_mut()) {
                        // `- …` under a plain paragraph: its sub-paragraphs.
                        (None, Some(parent)) if parent.number.is_none() => {
                            parent.subparagraphs.extend(items);
                        }
                        (None, _) => {
                            return Err(self.error_at(
                                range.start,
                                "a `- ` list in an annex must follow the plain paragraph it belongs to",
                            ));
                        }
                        (Some(_), _) => {
                            for mut item in items {
                                if item.heading.is_none() {
                                    item.heading = heading.take();
                                }
                                annex.paragraphs.push(item);
                            }
                        }
                    }
                }
                Event::Start(Tag::Paragraph) => {
                    let inline = self.read_inline(TagEnd::Paragraph)?;
                    if !operative.is_empty() {
                        return Err(self.error_at(range.start, "a paragraph after the operative part: expected a numbered list item (`10. _Decides_ …`) or a footnote (`[^1]: …`)"));
                    }
                    if preamble.is_empty()
                        && enacting_formula.is_none()
                        && is_enacting_formula(
                            &inline,
                            meta.as_ref().map_or(Default::default(), |m| m.language),
                        )
                    {
                        enacting_formula = Some(inline.text);
                        continue;
                    }
                    self.count(&inline.text, range.start)?;
                    preamble.push(paragraph(inline, None, heading.take(), self.leads));
                }
                Event::Start(Tag::List(start)) => {
                    let items = self.read_list(range.start, 0)?;
                    // A bullet's label is a sub-paragraph's, `(1)` as much as `(a)`:
                    // operative paragraphs are a numbered list.
                    let all_labelled = items.iter().all(|p| p.number.is_some());
                    if start.is_none() && all_labelled && operative.is_empty() {
                        // A `- (a)` list right after a preambular paragraph is its sub-paragraphs.
                        let Some(parent) = preamble.last_mut() else {
                            return Err(self.error_at(
                                range.start,
                                "sub-paragraphs `- (a) …` before any paragraph",
                            ));
                        };
                        parent.subparagraphs.extend(items);
                        continue;
                    }
                    for mut item in items {
                        if operative.is_empty() && start.is_none() && item.number.is_some() {
                            return Err(self.error_at(
                                range.start,
                                "sub-paragraphs `- (a) …` mixed with operative paragraphs",
                            ));
                        }
                        if item.heading.is_none() {
                            item.heading = heading.take();
                        }
                        operative.push(item);
                    }
                }
                Event::Start(Tag::FootnoteDefinition(label)) => {
                    let inline = self.read_inline(TagEnd::FootnoteDefinition)?;
                    // `[^1]:` with no text marks a footnote the source lacks.
                    if inline.text.is_empty() {
                        continue;
                    }
                    footnotes.push(Footnote {
                        marker: label.to_string(),
                        text: inline.text,
                    });
                }
                Event::Start(other) => {
                    return Err(self.error_at(range.start, format!("unexpected {} : the canonical format has only paragraphs, `## ` headings, numbered lists and footnotes", tag_name(&other))));
                }
                Event::Text(t) if t.trim().is_empty() => {}
                Event::Rule => {
                    return Err(self.error_at(range.start, "unexpected horizontal rule"));
                }
                Event::Html(_) | Event::InlineHtml(_) => {
                    return Err(self.error_at(
                        range.start,
                        "unexpected HTML: write text characters such as `<` as `\\<`",
                    ));
                }
                _ => {}
            }
        }

        let meta =
            meta.ok_or_else(|| self.error_at(0, "expected TOML front matter between `+++` lines"))?;
        if preamble.is_empty() && operative.is_empty() {
            return Err(Error::in_file(
                self.path,
                "no paragraphs found: expected preambular paragraphs and a numbered list of operative paragraphs",
            ));
        }
        Ok(Resolution {
            meta,
            enacting_formula,
            preamble,
            operative,
            annexes,
            footnotes,
        })
    }

    fn read_front_matter(&mut self, start: usize) -> Result<Meta> {
        let mut toml_text = String::new();
        while let Some((event, _)) = self.next() {
            match event {
                Event::Text(t) => toml_text.push_str(&t),
                Event::End(TagEnd::MetadataBlock(_)) => break,
                _ => {}
            }
        }
        let invalid = |e: toml::de::Error, toml_text: &str| {
            // The TOML starts on the line after the opening `+++`.
            let line_in_toml = e
                .span()
                .map(|s| {
                    toml_text[..s.start.min(toml_text.len())]
                        .matches('\n')
                        .count()
                })
                .unwrap_or(0);
            let message = e.message().trim().to_string();
            Error::at_line(
                self.path,
                self.line_of(start) + 1 + line_in_toml,
                format!(
                    "invalid front matter: {message} (expected TOML with at least `body`, `series` and `status`; see docs/format.md)"
                ),
            )
        };
        // `leads` is the file's, not the model's `Meta`: read apart, and
        // its line blanked (the others keep their numbers) before the rest
        // is read as the `Meta`.
        let keys = toml::from_str::<FileKeys>(&toml_text).map_err(|e| invalid(e, &toml_text))?;
        let toml_text = match &keys.leads {
            Some(leads) => blank_line_at(&toml_text, leads.span().start),
            None => toml_text,
        };
        let meta = toml::from_str::<Meta>(&toml_text).map_err(|e| invalid(e, &toml_text))?;
        if let Some(leads) = keys.leads {
            self.leads = leads.into_inner();
        }
        Ok(meta)
    }

    /// Reads a list (the `Start(List)` is consumed) into paragraphs; `depth`
    /// counts the lists it is inside, 0 at the top.
    fn read_list(&mut self, list_start: usize, depth: usize) -> Result<Vec<Paragraph>> {
        // A list at the top holds paragraphs, one inside it sub-paragraphs.
        if let Some(message) = limits::depth_error(depth) {
            return Err(self.error_at(list_start, message));
        }
        let mut items = Vec::new();
        while let Some((event, range)) = self.next() {
            match event {
                Event::Start(Tag::Item) => items.push(self.read_item(range, depth)?),
                Event::End(TagEnd::List(_)) => return Ok(items),
                _ => {}
            }
        }
        Err(self.error_at(list_start, "unterminated list"))
    }

    /// Reads one list item (its `Start(Item)` is consumed): its label from the
    /// source, its inline text, and nested sub-paragraph lists.
    fn read_item(&mut self, range: Range<usize>, depth: usize) -> Result<Paragraph> {
        let item_source = &self.source[range.clone()];
        let (number, label_prefix) = item_label(item_source);
        let mut inline = Inline::default();
        let mut subparagraphs = Vec::new();
        while let Some((event, inner)) = self.next() {
            match event {
                Event::End(TagEnd::Item) => break,
                Event::Start(Tag::List(_)) => {
                    subparagraphs.extend(self.read_list(inner.start, depth + 1)?);
                }
                Event::Start(Tag::Paragraph) => {
                    let more = self.read_inline(TagEnd::Paragraph)?;
                    append_inline(&mut inline, more);
                }
                other => self.inline_event(&mut inline, other, &label_prefix, inner.start)?,
            }
        }
        let (number, inline) = take_label(number, inline, &label_prefix);
        self.count(&inline.text, range.start)?;
        let mut p = paragraph(inline, number, None, self.leads);
        p.subparagraphs = subparagraphs;
        Ok(p)
    }

    /// Reads inline events up to `end` into text, lead and footnote markers.
    fn read_inline(&mut self, end: TagEnd) -> Result<Inline> {
        let mut inline = Inline::default();
        while let Some((event, range)) = self.next() {
            match event {
                Event::End(e) if e == end => break,
                Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph) => {
                    if !inline.text.is_empty() && !inline.text.ends_with(' ') {
                        inline.text.push(' ');
                    }
                }
                other => self.inline_event(&mut inline, other, "", range.start)?,
            }
        }
        inline.text = inline.text.trim_end().to_string();
        Ok(inline)
    }

    fn inline_event(
        &mut self,
        inline: &mut Inline,
        event: Event<'a>,
        label_prefix: &str,
        offset: usize,
    ) -> Result<()> {
        match event {
            Event::Text(t) => push_folded(&mut inline.text, &t),
            Event::SoftBreak | Event::HardBreak => push_folded(&mut inline.text, " "),
            Event::FootnoteReference(label) => inline.footnotes.push(FootnoteRef {
                marker: label.to_string(),
                offset: inline.text.len(),
            }),
            Event::Start(Tag::Emphasis) => {
                let before = inline.text.trim();
                let is_first = before.is_empty() || before == label_prefix.trim();
                let start = inline.text.len();
                self.read_until_emphasis_end(inline)?;
                if is_first && inline.lead.is_none() {
                    // A lead is whole words (`*Recall*ing` is no lead, and
                    // could not be written back with `_`).
                    if let Some((Event::Text(next), _)) = self.events.get(self.at)
                        && next.starts_with(char::is_alphanumeric)
                    {
                        return Err(self.error_at(
                            offset,
                            "the italics of a lead end inside a word: italicise whole words",
                        ));
                    }
                    inline.lead = Some(inline.text[start..].trim().to_string());
                    inline.lead_starred = self.source.as_bytes().get(offset) == Some(&b'*');
                }
            }
            Event::Html(_) | Event::InlineHtml(_) => {
                return Err(
                    self.error_at(offset, "unexpected HTML in a paragraph: write `<` as `\\<`")
                );
            }
            // What the format has no place for would be lost on reading:
            // a link's address, an image, bold, code.
            Event::Start(
                tag @ (Tag::Link { .. } | Tag::Image { .. } | Tag::Strong | Tag::Strikethrough),
            ) => {
                return Err(self.error_at(
                    offset,
                    format!("unexpected {} in a paragraph: the canonical format has plain text, italic leads and footnotes (write `[` as `\\[`, `*` as `\\*`)", tag_name(&tag)),
                ));
            }
            Event::Code(_) => {
                return Err(self.error_at(
                    offset,
                    "unexpected code span in a paragraph: write a backtick as `\\``",
                ));
            }
            _ => {}
        }
        Ok(())
    }

    fn read_until_emphasis_end(&mut self, inline: &mut Inline) -> Result<()> {
        while let Some((event, range)) = self.next() {
            match event {
                Event::End(TagEnd::Emphasis) => return Ok(()),
                other => self.inline_event(inline, other, "", range.start)?,
            }
        }
        Ok(())
    }
}

fn append_inline(into: &mut Inline, more: Inline) {
    if !into.text.is_empty() {
        into.text.push(' ');
    }
    let shift = into.text.len();
    if into.lead.is_none() && into.text.trim().is_empty() {
        into.lead = more.lead;
        into.lead_starred = more.lead_starred;
    }
    into.footnotes
        .extend(more.footnotes.into_iter().map(|f| FootnoteRef {
            offset: f.offset + shift,
            ..f
        }));
    into.text.push_str(&more.text);
}

/// What a canonical file's front matter says besides the [`Meta`].
#[derive(serde::Deserialize)]
struct FileKeys {
    /// Where the leads of the file came from (`"italics"` when absent): a
    /// lead in `*asterisks*` came from the other source.
    leads: Option<toml::Spanned<LeadSource>>,
}

/// `text` with the line holding byte `at` emptied (its line end kept).
fn blank_line_at(text: &str, at: usize) -> String {
    let at = at.min(text.len());
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    format!("{}{}", &text[..start], &text[end..])
}

/// The printed number and the literal label text that opens the item's
/// content: `7. [bis] …` → ("7 bis", "[bis] "); `- (a) …` → ("a", "(a) ").
fn item_label(item_source: &str) -> (Option<String>, String) {
    let s = item_source.trim_start();
    let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
    if !digits.is_empty() {
        let rest = s[digits.len()..]
            .trim_start_matches(['.', ')'])
            .trim_start();
        if let Some(inner) = rest.strip_prefix('[').and_then(|r| r.split_once(']')) {
            let suffix = inner.0;
            if !suffix.is_empty() && suffix.chars().all(|c| c.is_ascii_alphabetic()) {
                return (Some(format!("{digits} {suffix}")), format!("[{suffix}]"));
            }
        }
        return (Some(digits), String::new());
    }
    let rest = s.trim_start_matches(['-', '*', '+']).trim_start();
    // Sub-paragraph labels: (a), (iv), (1), (•) — short, no spaces.
    if let Some((label, _)) = rest.strip_prefix('(').and_then(|r| r.split_once(')'))
        && !label.is_empty()
        && label.chars().count() <= 8
        && !label.contains(char::is_whitespace)
        && !label.contains('\\')
    {
        return (Some(label.to_string()), format!("({label})"));
    }
    if let Some((label, _)) = rest.strip_prefix('[').and_then(|r| r.split_once(']'))
        && !label.is_empty()
        && !label.contains('\\')
    {
        return (Some(label.to_string()), format!("[{label}]"));
    }
    (None, String::new())
}

/// Takes the literal label off the front of an item's text, moving footnote
/// offsets with it.
fn take_label(
    number: Option<String>,
    mut inline: Inline,
    label_prefix: &str,
) -> (Option<String>, Inline) {
    if label_prefix.is_empty() {
        return (number, inline);
    }
    let Some(rest) = inline.text.strip_prefix(label_prefix) else {
        // The source had an escaped label: it is text, not a label.
        return (None, inline);
    };
    let rest_trimmed = rest.trim_start();
    let cut = inline.text.len() - rest_trimmed.len();
    inline.text = rest_trimmed.to_string();
    for f in &mut inline.footnotes {
        f.offset = f.offset.saturating_sub(cut);
    }
    (number, inline)
}

/// A `# ` line: the label of a new annex (`Annex I`), or its title when it
/// follows the label (or stands alone, for an annex without one).
fn name_annex(annexes: &mut Vec<Annex>, name: String, language: crate::lang::Language) {
    if name.is_empty() {
        annexes.push(Annex::default());
        return;
    }
    let labelled = Annex::split_label(&name, language).is_some_and(|(_, rest)| rest.is_none());
    match annexes.last_mut() {
        Some(open) if open.paragraphs.is_empty() && open.title.is_none() && !labelled => {
            open.title = Some(name);
        }
        _ if labelled => annexes.push(Annex {
            label: Some(name),
            ..Annex::default()
        }),
        _ => annexes.push(Annex {
            title: Some(name),
            ..Annex::default()
        }),
    }
}

/// `leads`: where the file's leads came from, unless starred.
fn paragraph(
    inline: Inline,
    number: Option<String>,
    heading: Option<String>,
    leads: LeadSource,
) -> Paragraph {
    let Inline {
        mut text,
        lead,
        lead_starred,
        mut footnotes,
    } = inline;
    // Folded text has no space at its end (an item's last line may leave one).
    text.truncate(text.trim_end().len());
    for f in &mut footnotes {
        f.offset = f.offset.min(text.len());
    }
    // A lead is whole words at the start: italics ending inside a word
    // ("*a*a") are emphasis, not a lead.
    let lead = lead.filter(|l| Paragraph::is_lead_of(l, &text));
    let lead_source = lead.as_ref().map(|_| match (leads, lead_starred) {
        (source, false) => source,
        (LeadSource::Italics, true) => LeadSource::Convention,
        (LeadSource::Convention, true) => LeadSource::Italics,
    });
    Paragraph {
        number,
        lead,
        lead_source,
        text,
        heading,
        subparagraphs: Vec::new(),
        footnotes,
    }
}

/// "_The General Assembly_,", "_Le Conseil de sécurité_,": an italic name
/// opening with an article of the file's language (its front matter's
/// `language`), then a comma.
fn is_enacting_formula(inline: &Inline, language: crate::lang::Language) -> bool {
    let articles = &language.profile().data.organs.formula_articles;
    inline
        .lead
        .as_deref()
        .is_some_and(|l| articles.iter().any(|a| l.starts_with(a.as_str())))
        && inline.text.ends_with(',')
        && inline.text.len() < 80
}

fn tag_name(tag: &Tag<'_>) -> &'static str {
    match tag {
        Tag::BlockQuote(_) => "block quote `>`",
        Tag::CodeBlock(_) => "code block",
        Tag::Table(_) | Tag::TableHead | Tag::TableRow | Tag::TableCell => "table",
        Tag::HtmlBlock => "HTML block",
        Tag::Image { .. } => "image",
        Tag::Link { .. } => "link",
        Tag::Strong => "bold",
        Tag::Strikethrough => "strikethrough",
        _ => "markup",
    }
}
