//! Word documents (`.docx`) → the same [`Layout`] a PDF gives, for the
//! importer: one logical line per paragraph, the italic run that opens it
//! as its lead (Word keeps the drafter's italics exactly), automatic
//! numbering (`numbering.xml`: operative numbers and (a)/(i) labels that
//! exist only as list formatting) written out as text, footnote references
//! as markers with their footnotes' text. Tracked changes are read accepted
//! or rejected. Pure Rust: a zip and an XML reader.

use std::collections::HashMap;
use std::io::Read;

use quick_xml::events::{BytesStart, Event};

use super::pdf::layout::{Layout, LogicalLine, Place};
use super::{MARKER_CLOSE, MARKER_OPEN};
use crate::error::{Error, Result};

/// How a document's tracked changes are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Revisions {
    /// As if every revision were accepted: the text the author proposes.
    #[default]
    Accept,
    /// As if every revision were rejected: the text before them.
    Reject,
}

/// A `.docx` is a zip (and so, alas, is any other zip; the reader says so).
pub fn is_docx(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// An encrypted (password-protected) Office document is an OLE compound
/// file, not a zip.
pub fn is_encrypted_office(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
}

fn part(zip: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>, name: &str) -> Result<Option<String>> {
    let Ok(mut file) = zip.by_name(name) else {
        return Ok(None);
    };
    let mut text = String::new();
    file.read_to_string(&mut text)
        .map_err(|e| Error::new(format!("damaged Word document: {name}: {e}")))?;
    Ok(Some(text))
}

/// The layout of the Word document in `bytes`.
pub fn read(bytes: &[u8], revisions: Revisions) -> Result<Layout> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| {
        Error::new(format!(
            "not a readable Word document (expected a .docx zip package): {e}"
        ))
    })?;
    let document = part(&mut zip, "word/document.xml")?
        .ok_or_else(|| Error::new("not a Word document: the package has no word/document.xml"))?;
    let numbering = match part(&mut zip, "word/numbering.xml")? {
        Some(xml) => Numbering::read(&xml)?,
        None => Numbering::default(),
    };
    let notes = match part(&mut zip, "word/footnotes.xml")? {
        Some(xml) => footnotes(&xml, revisions)?,
        None => HashMap::new(),
    };
    let paragraphs = paragraphs(&document, revisions)?;
    let mut counters = Counters::default();
    let mut layout = Layout {
        place: Place::Paragraph,
        ..Layout::default()
    };
    let mut marker = 0;
    for (i, p) in paragraphs.into_iter().enumerate() {
        let label = p
            .numbered
            .and_then(|(num, level)| counters.label(&numbering, num, level));
        let mut text = String::new();
        let mut lead = String::new();
        let mut leading = true;
        let mut all_bold = true;
        for run in &p.runs {
            match &run.content {
                Content::Text(t) => {
                    if leading && run.italic {
                        lead.push_str(t);
                    } else if !t.trim().is_empty() {
                        leading = false;
                    }
                    if !t.trim().is_empty() {
                        all_bold &= run.bold;
                    }
                    text.push_str(t);
                }
                Content::Footnote(id) => {
                    marker += 1;
                    let shown = marker.to_string();
                    text.push(MARKER_OPEN);
                    text.push_str(&shown);
                    text.push(MARKER_CLOSE);
                    if let Some(note) = notes.get(id) {
                        layout.footnotes.push((i + 1, shown, note.clone()));
                    }
                }
            }
        }
        let text = text.trim().to_string();
        let lead = lead.trim().to_string();
        let text = match &label {
            Some(l) => format!("{l} {text}"),
            None => text,
        };
        if text.is_empty() {
            continue;
        }
        layout.lines.push(LogicalLine {
            page: i + 1,
            text,
            lead: (!lead.is_empty()).then_some(lead),
            bold: all_bold && !p.runs.is_empty(),
        });
    }
    Ok(layout)
}

/// What a run holds.
#[derive(Debug, Clone)]
enum Content {
    Text(String),
    /// A footnote reference, by the footnote's id.
    Footnote(String),
}

#[derive(Debug, Clone)]
struct Run {
    content: Content,
    italic: bool,
    bold: bool,
}

/// A paragraph as read: its runs, its list numbering `(numId, level)`.
#[derive(Debug, Clone, Default)]
struct Paragraph {
    runs: Vec<Run>,
    numbered: Option<(String, usize)>,
}

fn attribute(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// Whether a toggle property (`<w:i/>`, `<w:i w:val="0"/>`) is on.
fn toggle(e: &BytesStart) -> bool {
    attribute(e, "w:val").is_none_or(|v| !matches!(v.as_str(), "0" | "false" | "off"))
}

/// The paragraphs of `document.xml` with the revisions applied: text in
/// `w:ins` and `w:moveTo` kept when accepting and dropped when rejecting,
/// that in `w:del` and `w:moveFrom` the reverse; a paragraph whose mark is
/// dropped joins the next.
fn paragraphs(xml: &str, revisions: Revisions) -> Result<Vec<Paragraph>> {
    let dropped = |tag: &str| match revisions {
        Revisions::Accept => matches!(tag, "w:del" | "w:moveFrom"),
        Revisions::Reject => matches!(tag, "w:ins" | "w:moveTo"),
    };
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out: Vec<Paragraph> = Vec::new();
    let mut current = Paragraph::default();
    let mut containers: Vec<String> = Vec::new();
    let (mut in_ppr, mut in_mark, mut in_rpr, mut in_text) = (false, false, false, false);
    let (mut italic, mut bold, mut mark_dropped) = (false, false, false);
    let mut num_id: Option<String> = None;
    let mut level = 0;
    let mut join_next = false;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| Error::new(format!("damaged Word document: word/document.xml: {e}")))?;
        let is_start = matches!(event, Event::Start(_));
        // Not the text: what a text box holds, the fallback copy of
        // alternate content, and the formatting a revision replaced.
        if let Event::Start(ref e) = event
            && matches!(
                e.name().as_ref(),
                "w:txbxContent" | "mc:Fallback" | "w:rPrChange" | "w:pPrChange"
            )
        {
            let end = e.to_end().into_owned();
            reader.read_to_end(end.name()).map_err(|e| {
                Error::new(format!("damaged Word document: word/document.xml: {e}"))
            })?;
            continue;
        }
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let name = e.name();
                let name = name.as_ref();
                match name {
                    "w:p" if is_start => {
                        current = Paragraph::default();
                        mark_dropped = false;
                        num_id = None;
                        level = 0;
                    }
                    "w:pPr" if is_start => in_ppr = true,
                    "w:rPr" if is_start && in_ppr => in_mark = true,
                    "w:rPr" if is_start => in_rpr = true,
                    "w:r" if is_start => {
                        italic = false;
                        bold = false;
                    }
                    "w:i" if in_rpr => italic = toggle(e),
                    "w:b" if in_rpr => bold = toggle(e),
                    "w:numId" if in_ppr => num_id = attribute(e, "w:val"),
                    "w:ilvl" if in_ppr => {
                        level = attribute(e, "w:val")
                            .and_then(|v| v.parse().ok())
                            .unwrap_or(0)
                    }
                    "w:ins" | "w:del" | "w:moveFrom" | "w:moveTo" if in_mark => {
                        mark_dropped |= dropped(name);
                    }
                    "w:ins" | "w:del" | "w:moveFrom" | "w:moveTo" if is_start => {
                        containers.push(name.to_string())
                    }
                    "w:t" | "w:delText" if is_start => in_text = true,
                    "w:tab" | "w:br" | "w:cr"
                        if !in_ppr && !containers.iter().any(|c| dropped(c)) =>
                    {
                        push_text(&mut current, " ", italic, bold);
                    }
                    // "Secretary-General" typed with Word's non-breaking
                    // hyphen; an optional hyphen is no character.
                    "w:noBreakHyphen" if !in_ppr && !containers.iter().any(|c| dropped(c)) => {
                        push_text(&mut current, "\u{2011}", italic, bold);
                    }
                    "w:footnoteReference" if !containers.iter().any(|c| dropped(c)) => {
                        if let Some(id) = attribute(e, "w:id") {
                            current.runs.push(Run {
                                content: Content::Footnote(id),
                                italic,
                                bold,
                            });
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(t) if in_text && !containers.iter().any(|c| dropped(c)) => {
                push_text(&mut current, &t.xml10_content(), italic, bold);
            }
            Event::GeneralRef(r) if in_text && !containers.iter().any(|c| dropped(c)) => {
                let entity = format!("&{};", r.as_ref());
                let text = quick_xml::escape::unescape(&entity)
                    .map_err(|e| Error::new(format!("damaged Word document: {e}")))?;
                push_text(&mut current, &text, italic, bold);
            }
            Event::End(e) => match e.name().as_ref() {
                "w:pPr" => {
                    in_ppr = false;
                    if let Some(id) = num_id.take().filter(|id| id != "0") {
                        current.numbered = Some((id, level));
                    }
                }
                "w:rPr" if in_ppr => in_mark = false,
                "w:rPr" => in_rpr = false,
                "w:t" | "w:delText" => in_text = false,
                "w:ins" | "w:del" | "w:moveFrom" | "w:moveTo" => {
                    containers.pop();
                }
                "w:p" => {
                    let p = std::mem::take(&mut current);
                    // The previous paragraph's mark was dropped: one paragraph.
                    match out.last_mut() {
                        Some(last) if join_next => last.runs.extend(p.runs),
                        _ => out.push(p),
                    }
                    join_next = mark_dropped;
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

fn push_text(p: &mut Paragraph, text: &str, italic: bool, bold: bool) {
    if text.is_empty() {
        return;
    }
    match p.runs.last_mut() {
        Some(Run {
            content: Content::Text(t),
            italic: i,
            bold: b,
        }) if *i == italic && *b == bold => t.push_str(text),
        _ => p.runs.push(Run {
            content: Content::Text(text.to_string()),
            italic,
            bold,
        }),
    }
}

/// The text of each footnote of `footnotes.xml`, by id (the separators
/// Word keeps there left out), revisions applied as in the body.
fn footnotes(xml: &str, revisions: Revisions) -> Result<HashMap<String, String>> {
    let mut notes = HashMap::new();
    let mut rest = xml;
    while let Some(start) = rest.find("<w:footnote ") {
        let after = &rest[start..];
        let Some(end) = after.find("</w:footnote>") else {
            break;
        };
        let block = &after[..end + "</w:footnote>".len()];
        rest = &after[end..];
        let open = &block[..block.find('>').unwrap_or(0)];
        // Word's separators are footnotes too; `w:type="normal"` is not one.
        if ["separator", "continuationSeparator", "continuationNotice"]
            .iter()
            .any(|t| open.contains(&format!("w:type=\"{t}\"")))
        {
            continue;
        }
        let Some(id) = open
            .split("w:id=\"")
            .nth(1)
            .and_then(|v| v.split('"').next())
        else {
            continue;
        };
        let text: Vec<String> = paragraphs(block, revisions)?
            .into_iter()
            .map(|p| {
                p.runs
                    .into_iter()
                    .filter_map(|r| match r.content {
                        Content::Text(t) => Some(t),
                        Content::Footnote(_) => None,
                    })
                    .collect::<String>()
            })
            .collect();
        notes.insert(id.to_string(), text.join(" ").trim().to_string());
    }
    Ok(notes)
}

/// One level of a list: how its number is written.
#[derive(Debug, Clone, Default)]
struct Level {
    /// `decimal`, `lowerLetter`, `lowerRoman`, `upperLetter`, `upperRoman`, `bullet`.
    format: String,
    /// `%1.` or `(%2)`.
    text: String,
    start: usize,
}

/// The lists of `numbering.xml`: each `numId` with its levels.
#[derive(Debug, Clone, Default)]
struct Numbering {
    lists: HashMap<String, Vec<Level>>,
}

impl Numbering {
    fn read(xml: &str) -> Result<Numbering> {
        let fail = |e: quick_xml::Error| {
            Error::new(format!("damaged Word document: word/numbering.xml: {e}"))
        };
        let mut reader = quick_xml::Reader::from_str(xml);
        let mut abstracts: HashMap<String, Vec<Level>> = HashMap::new();
        let mut nums: HashMap<String, String> = HashMap::new();
        let (mut current_abstract, mut current_num): (Option<String>, Option<String>) =
            (None, None);
        let mut level: Option<(usize, Level)> = None;
        loop {
            match reader.read_event().map_err(fail)? {
                Event::Start(ref e) | Event::Empty(ref e) => match e.name().as_ref() {
                    "w:abstractNum" => current_abstract = attribute(e, "w:abstractNumId"),
                    "w:lvl" => {
                        let index = attribute(e, "w:ilvl")
                            .and_then(|v| v.parse().ok())
                            .unwrap_or(0);
                        level = Some((
                            index,
                            Level {
                                start: 1,
                                ..Level::default()
                            },
                        ));
                    }
                    "w:numFmt" => {
                        if let Some((_, l)) = &mut level {
                            l.format = attribute(e, "w:val").unwrap_or_default();
                        }
                    }
                    "w:lvlText" => {
                        if let Some((_, l)) = &mut level {
                            l.text = attribute(e, "w:val").unwrap_or_default();
                        }
                    }
                    "w:start" => {
                        if let Some((_, l)) = &mut level {
                            l.start = attribute(e, "w:val")
                                .and_then(|v| v.parse().ok())
                                .unwrap_or(1);
                        }
                    }
                    "w:num" => current_num = attribute(e, "w:numId"),
                    "w:abstractNumId" => {
                        if let (Some(num), Some(id)) = (&current_num, attribute(e, "w:val")) {
                            nums.insert(num.clone(), id);
                        }
                    }
                    _ => {}
                },
                Event::End(e) => match e.name().as_ref() {
                    "w:lvl" => {
                        if let (Some(a), Some((index, l))) = (&current_abstract, level.take()) {
                            let levels = abstracts.entry(a.clone()).or_default();
                            if levels.len() <= index {
                                levels.resize(index + 1, Level::default());
                            }
                            levels[index] = l;
                        }
                    }
                    "w:abstractNum" => current_abstract = None,
                    "w:num" => current_num = None,
                    _ => {}
                },
                Event::Eof => break,
                _ => {}
            }
        }
        let lists = nums
            .into_iter()
            .filter_map(|(num, a)| abstracts.get(&a).map(|levels| (num, levels.clone())))
            .collect();
        Ok(Numbering { lists })
    }
}

/// The running counters of each list, as Word counts them.
#[derive(Debug, Default)]
struct Counters(HashMap<String, Vec<usize>>);

impl Counters {
    /// The label of the next paragraph of list `num` at `level` ("4.",
    /// "(b)"), counting it; `None` for a bullet or an unknown list.
    fn label(&mut self, numbering: &Numbering, num: String, level: usize) -> Option<String> {
        let levels = numbering.lists.get(&num)?;
        let def = levels.get(level)?;
        if def.format == "bullet" || def.format == "none" {
            return None;
        }
        let counts = self.0.entry(num).or_default();
        if counts.len() <= level {
            counts.resize(level + 1, 0);
        }
        counts[level] += 1;
        // A deeper level's count restarts under a new parent.
        counts.truncate(level + 1);
        let mut text = def.text.clone();
        for (k, &count) in counts.iter().enumerate() {
            let Some(l) = levels.get(k) else { continue };
            let value = l.start + count.saturating_sub(1);
            text = text.replace(&format!("%{}", k + 1), &formatted(value, &l.format));
        }
        Some(text)
    }
}

fn formatted(n: usize, format: &str) -> String {
    match format {
        "lowerLetter" => letters(n),
        "upperLetter" => letters(n).to_uppercase(),
        "lowerRoman" => roman(n),
        "upperRoman" => roman(n).to_uppercase(),
        _ => n.to_string(),
    }
}

/// 1 → a, 26 → z, 27 → aa, as Word letters its lists.
fn letters(n: usize) -> String {
    let n = n.max(1);
    let letter = char::from(b'a' + ((n - 1) % 26) as u8);
    letter.to_string().repeat((n - 1) / 26 + 1)
}

fn roman(mut n: usize) -> String {
    const DIGITS: [(usize, &str); 13] = [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    let mut out = String::new();
    for (value, digits) in DIGITS {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A `.docx` of `body` (the inside of `w:body`) and `notes` (footnotes).
    fn package(body: &str, notes: &str) -> Vec<u8> {
        use std::io::Write;
        let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default();
        for (name, xml) in [
            (
                "word/document.xml",
                format!("<w:document {w}><w:body>{body}</w:body></w:document>"),
            ),
            (
                "word/footnotes.xml",
                format!("<w:footnotes {w}>{notes}</w:footnotes>"),
            ),
        ] {
            zip.start_file(name, options).unwrap();
            zip.write_all(xml.as_bytes()).unwrap();
        }
        zip.finish().unwrap().into_inner()
    }

    fn lines(body: &str, notes: &str) -> Layout {
        read(&package(body, notes), Revisions::Accept).unwrap()
    }

    #[test]
    fn what_word_keeps_beside_the_text_is_read_as_word_shows_it() {
        // A non-breaking hyphen is a hyphen.
        let l = lines(
            "<w:p><w:r><w:t>the Secretary</w:t><w:noBreakHyphen/><w:t>General</w:t></w:r></w:p>",
            "",
        );
        assert_eq!(l.lines[0].text, "the Secretary\u{2011}General");
        // The formatting a revision replaced is not the formatting.
        let l = lines(
            "<w:p><w:pPr><w:pPrChange w:id=\"1\"><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:pPrChange></w:pPr>\
             <w:r><w:rPr><w:rPrChange w:id=\"2\"><w:rPr><w:i/></w:rPr></w:rPrChange></w:rPr><w:t>Noting the report,</w:t></w:r></w:p>",
            "",
        );
        assert_eq!(
            (l.lines[0].text.as_str(), l.lines[0].lead.as_deref()),
            ("Noting the report,", None)
        );
        // A text box is not the paragraph's text.
        let l = lines(
            "<w:p><w:r><w:t xml:space=\"preserve\">Noting the report </w:t></w:r><w:r><w:pict><w:txbxContent><w:p><w:r><w:t>Box</w:t></w:r></w:p></w:txbxContent></w:pict></w:r><w:r><w:t>on the matter,</w:t></w:r></w:p>",
            "",
        );
        assert_eq!(l.lines.len(), 1);
        assert_eq!(l.lines[0].text, "Noting the report on the matter,");
        // A footnote of type "normal" is a footnote; a separator is not.
        let l = lines(
            "<w:p><w:r><w:t>Noting the report</w:t></w:r><w:r><w:footnoteReference w:id=\"1\"/></w:r></w:p>",
            "<w:footnote w:type=\"separator\" w:id=\"0\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>\
             <w:footnote w:type=\"normal\" w:id=\"1\"><w:p><w:r><w:t>A/70/1.</w:t></w:r></w:p></w:footnote>",
        );
        assert_eq!(l.footnotes.len(), 1);
        assert_eq!(l.footnotes[0].2, "A/70/1.");
    }

    /// Word's italic runs give a lead read from the document; a paragraph
    /// whose lead is in plain type gets the lexicon's, by convention. The
    /// paragraphs are those of a real Council draft's text dump.
    #[cfg_attr(corpus_missing, ignore = "needs ../shared/corpus")]
    #[test]
    fn a_lead_in_an_italic_run_is_read_and_one_in_plain_type_taken_by_convention() {
        use crate::model::{Body, LeadSource, Meta};
        use crate::parse::import::{import_layout, import_text};
        let Some(text) = crate::test_support::corpus_text("sc/S_2022_501.txt") else {
            return;
        };
        let meta = || Meta::new(Body::SecurityCouncil, "sc", None);
        let dump = import_text(&text, meta()).unwrap().resolution;
        let escaped = |t: &str| {
            t.replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;")
        };
        let run = |t: &str, italic: bool| {
            let style = if italic { "<w:rPr><w:i/></w:rPr>" } else { "" };
            format!(
                "<w:r>{style}<w:t xml:space=\"preserve\">{}</w:t></w:r>",
                escaped(t)
            )
        };
        let mut body = format!("<w:p>{}</w:p>", run("The Security Council,", false));
        // Every preambular lead in italics but the last's.
        let last = dump.preamble.len() - 1;
        for (i, p) in dump.preamble.iter().enumerate() {
            let lead = p.lead.as_deref().unwrap();
            let rest = &p.text[lead.len()..];
            body.push_str(&format!(
                "<w:p>{}{}</w:p>",
                run(lead, i != last),
                run(rest, false)
            ));
        }
        // Operative numbers typed by hand, leads in plain type.
        for p in &dump.operative {
            let numbered = format!("{}. {}", p.number.as_deref().unwrap(), p.text);
            body.push_str(&format!("<w:p>{}</w:p>", run(&numbered, false)));
        }
        let word = import_layout(&lines(&body, ""), meta()).unwrap().resolution;
        let leads = |ps: &[crate::model::Paragraph]| -> Vec<Option<String>> {
            ps.iter().map(|p| p.lead.clone()).collect()
        };
        assert_eq!(leads(&word.preamble), leads(&dump.preamble));
        assert_eq!(leads(&word.operative), leads(&dump.operative));
        let mut expected = vec![Some(LeadSource::Italics); last];
        expected.push(Some(LeadSource::Convention));
        let preamble: Vec<_> = word.preamble.iter().map(|p| p.lead_source).collect();
        assert_eq!(preamble, expected);
        assert!(
            word.operative
                .iter()
                .all(|p| p.lead_source == Some(LeadSource::Convention))
        );
    }

    #[test]
    fn list_numbers_are_written_as_word_counts_them() {
        assert_eq!(letters(1), "a");
        assert_eq!(letters(27), "aa");
        assert_eq!(roman(4), "iv");
        assert_eq!(roman(19), "xix");
    }
}
