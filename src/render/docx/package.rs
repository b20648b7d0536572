//! The parts of the `.docx` package, rendered from `templates/docx/` and
//! zipped in a fixed order with fixed times, so the same document gives the
//! same bytes.

use std::io::{Cursor, Write};

use askama::Template;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use super::layout::{Document, Mark, Run};
use crate::{Error, Result};

/// A revision's attributes: its id, and the author and date shared by all.
#[derive(Debug, Clone)]
pub struct Revision {
    /// `ins`, `del`, `moveFrom` or `moveTo`.
    pub tag: &'static str,
    pub id: usize,
}

/// A run as the template writes it.
#[derive(Debug, Clone)]
pub struct XmlRun {
    pub revision: Option<Revision>,
    pub text: String,
    pub tab: bool,
    /// A footnote reference, by the footnote's id.
    pub footnote: Option<usize>,
    pub italic: bool,
    /// Deleted text, and text moved away, is `w:delText` (as Word writes
    /// it); all other `w:t`.
    pub deleted: bool,
}

/// The start or end of a move range.
#[derive(Debug, Clone)]
pub struct MoveRange {
    /// `moveFrom` or `moveTo`.
    pub tag: &'static str,
    pub id: usize,
    /// The name both ends of a move share.
    pub name: String,
}

/// A paragraph as the template writes it.
#[derive(Debug, Clone)]
pub struct XmlPara {
    pub style: &'static str,
    /// The comment anchored on it, by id.
    pub comment: Option<usize>,
    pub mark: Option<Revision>,
    pub range_start: Option<MoveRange>,
    pub range_end: Option<MoveRange>,
    pub runs: Vec<XmlRun>,
}

#[derive(Template)]
#[template(path = "docx/document.xml")]
struct DocumentXml<'a> {
    paragraphs: &'a [XmlPara],
    author: &'a str,
    date: Option<&'a str>,
}

#[derive(Template)]
#[template(path = "docx/styles.xml")]
struct StylesXml<'a> {
    /// The style names.
    ui: &'static crate::render::messages::Messages,
    /// The language Word proofs the text in: "en-GB", "fr-FR".
    locale: &'a str,
}

/// What the package says besides the document: the revisions' author and
/// date, whether tracking is on, and the language of its names and text.
pub struct Written<'a> {
    pub author: &'a str,
    pub date: Option<&'a str>,
    pub track_changes: bool,
    pub ui: &'static crate::render::messages::Messages,
    pub locale: &'a str,
}

#[derive(Template)]
#[template(path = "docx/settings.xml")]
struct SettingsXml {
    track_changes: bool,
}

/// One comment: its id and text.
#[derive(Debug, Clone)]
pub struct Comment {
    pub id: usize,
    pub text: String,
}

#[derive(Template)]
#[template(path = "docx/comments.xml")]
struct CommentsXml<'a> {
    comments: &'a [Comment],
    author: &'a str,
    date: Option<&'a str>,
}

#[derive(Template)]
#[template(path = "docx/content_types.xml")]
struct ContentTypesXml;

#[derive(Template)]
#[template(path = "docx/rels.xml")]
struct RelsXml;

#[derive(Template)]
#[template(path = "docx/document_rels.xml")]
struct DocumentRelsXml;

fn tag(mark: Mark) -> Option<&'static str> {
    match mark {
        Mark::Kept => None,
        Mark::Inserted => Some("ins"),
        Mark::Deleted => Some("del"),
        Mark::MovedFrom => Some("moveFrom"),
        Mark::MovedTo => Some("moveTo"),
    }
}

/// The paragraphs with every revision numbered (one id sequence for the
/// whole document, as Word requires), and the comments.
fn numbered(document: &Document) -> (Vec<XmlPara>, Vec<Comment>, Vec<XmlFootnote>) {
    let mut comments = Vec::new();
    let mut next = 0;
    let mut id = || {
        next += 1;
        next
    };
    // Each move's ranges: a start id per move, shared by its end.
    let mut open: Vec<(usize, usize, &'static str)> = Vec::new();
    let mut out = Vec::with_capacity(document.paragraphs.len());
    for p in &document.paragraphs {
        let kind = if p.mark == Mark::MovedFrom || p.runs.iter().any(|r| r.mark == Mark::MovedFrom)
        {
            "moveFrom"
        } else {
            "moveTo"
        };
        let range_start = p.move_start.map(|number| {
            let range = MoveRange {
                tag: kind,
                id: id(),
                name: format!("move{number}"),
            };
            open.push((number, range.id, kind));
            range
        });
        let runs = p
            .runs
            .iter()
            .map(|r: &Run| XmlRun {
                revision: tag(r.mark).map(|tag| Revision { tag, id: id() }),
                text: r.text.clone(),
                tab: r.tab,
                footnote: r.footnote,
                italic: r.italic,
                deleted: matches!(r.mark, Mark::Deleted | Mark::MovedFrom),
            })
            .collect();
        let mark = tag(p.mark).map(|tag| Revision { tag, id: id() });
        let range_end = p.move_end.and_then(|number| {
            let at = open.iter().position(|(n, _, _)| *n == number)?;
            let (_, start, kind) = open.remove(at);
            Some(MoveRange {
                tag: kind,
                id: start,
                name: format!("move{number}"),
            })
        });
        let comment = p.comment.as_ref().map(|text| {
            let id = comments.len();
            comments.push(Comment {
                id,
                text: text.clone(),
            });
            id
        });
        out.push(XmlPara {
            style: p.style.id(),
            comment,
            mark,
            range_start,
            range_end,
            runs,
        });
    }
    let footnotes = document
        .footnotes
        .iter()
        .enumerate()
        .map(|(k, runs)| XmlFootnote {
            id: k + 1,
            runs: runs
                .iter()
                .map(|r| XmlRun {
                    revision: tag(r.mark).map(|tag| Revision { tag, id: id() }),
                    text: r.text.clone(),
                    tab: false,
                    footnote: None,
                    italic: r.italic,
                    deleted: matches!(r.mark, Mark::Deleted | Mark::MovedFrom),
                })
                .collect(),
        })
        .collect();
    (out, comments, footnotes)
}

/// One footnote as the template writes it.
#[derive(Debug, Clone)]
pub struct XmlFootnote {
    pub id: usize,
    pub runs: Vec<XmlRun>,
}

#[derive(Template)]
#[template(path = "docx/footnotes.xml")]
struct FootnotesXml<'a> {
    footnotes: &'a [XmlFootnote],
    author: &'a str,
    date: Option<&'a str>,
}

fn render(template: &dyn askama::DynTemplate, part: &str) -> Result<String> {
    template
        .dyn_render()
        .map_err(|e| Error::new(format!("cannot render the Word {part}: {e}")))
}

/// The `.docx` file of `document`, every revision by `author` on `date`.
pub fn write(document: &Document, written: &Written<'_>) -> Result<Vec<u8>> {
    let Written {
        author,
        date,
        track_changes,
        ui,
        locale,
    } = *written;
    let (paragraphs, comments, footnotes) = numbered(document);
    let parts: Vec<(&str, String)> = vec![
        (
            "[Content_Types].xml",
            render(&ContentTypesXml, "content types")?,
        ),
        ("_rels/.rels", render(&RelsXml, "relationships")?),
        (
            "word/_rels/document.xml.rels",
            render(&DocumentRelsXml, "document relationships")?,
        ),
        (
            "word/document.xml",
            render(
                &DocumentXml {
                    paragraphs: &paragraphs,
                    author,
                    date,
                },
                "document",
            )?,
        ),
        (
            "word/styles.xml",
            render(&StylesXml { ui, locale }, "styles")?,
        ),
        (
            "word/settings.xml",
            render(&SettingsXml { track_changes }, "settings")?,
        ),
        (
            "word/footnotes.xml",
            render(
                &FootnotesXml {
                    footnotes: &footnotes,
                    author,
                    date,
                },
                "footnotes",
            )?,
        ),
        (
            "word/comments.xml",
            render(
                &CommentsXml {
                    comments: &comments,
                    author,
                    date,
                },
                "comments",
            )?,
        ),
    ];
    let zip_error =
        |e: zip::result::ZipError| Error::new(format!("cannot write the Word file: {e}"));
    let io_error = |e: std::io::Error| Error::new(format!("cannot write the Word file: {e}"));
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    // A fixed time (the zip epoch): the same document, the same bytes.
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default());
    for (name, xml) in parts {
        zip.start_file(name, options).map_err(zip_error)?;
        zip.write_all(xml.as_bytes()).map_err(io_error)?;
    }
    Ok(zip.finish().map_err(zip_error)?.into_inner())
}
