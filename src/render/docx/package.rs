//! The parts of the `.docx` package, rendered from `templates/docx/` and
//! zipped in a fixed order with fixed times, so the same document gives the
//! same bytes.

use std::io::{Cursor, Write};

use askama::Template;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use super::layout::{Document, Mark, Para};
use crate::{Error, Result};

/// A revision's attributes: its id and date, and the author shared by all.
#[derive(Debug, Clone)]
pub struct Revision {
    /// `ins`, `del`, `moveFrom` or `moveTo`.
    pub tag: &'static str,
    pub id: usize,
    pub date: Option<String>,
}

/// The dates of the revisions: the version's day, at 00:00 and 00:02 in
/// turn from one paragraph to the next, every revision of a paragraph (its
/// runs and its mark) dated alike. LibreOffice joins two neighbouring
/// revisions of one author and kind dated less than a minute apart into
/// one, and such a joined insertion swallows an unrevised paragraph mark
/// between an insertion ending a paragraph and one opening the next: its
/// Reject All then joins the two old paragraphs. Paragraphs two minutes
/// apart are never joined; a paragraph's own text and mark still are, as
/// LibreOffice needs for a paragraph inserted or deleted whole. The same
/// document gets the same dates.
struct Dates {
    day: Option<String>,
    next: usize,
}

impl Dates {
    fn next(&mut self) -> Option<String> {
        let minute = if self.next.is_multiple_of(2) {
            "00"
        } else {
            "02"
        };
        self.next += 1;
        self.day
            .as_ref()
            .map(|day| format!("{day}T00:{minute}:00Z"))
    }
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
    /// Its paragraph's date (the end's is not written).
    pub date: Option<String>,
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
/// day (`2021-05-11`), whether tracking is on, and the language of its
/// names and text.
pub struct Written<'a> {
    pub author: &'a str,
    pub day: Option<&'a str>,
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

/// The paragraphs in the order they are written, each with the revision
/// its mark is written with: the layout's, save where LibreOffice 7.4 would
/// drop a mark's revision on import. Accept All and Reject All give the
/// same text in Word either way.
///
/// - A moved-to paragraph's mark (`w:moveTo`) is read only right after a
///   moved run: after inserted words, or after the comment reference, its
///   revision is lost and Reject All leaves an empty paragraph. There the
///   mark is written inserted, which is what a moved-to mark is to Accept
///   and Reject.
/// - Reading the footnotes at the document's first footnote reference
///   loses the revision of that paragraph's mark, so Accept All (a
///   paragraph deleted whole) or Reject All (one inserted whole) leaves an
///   empty paragraph. When that paragraph and those just before it that
///   are deleted (or inserted) whole follow a paragraph of the same style
///   whose mark is kept, the revision goes to that mark and the first
///   reference's mark is kept: the text in between goes with either mark,
///   so both versions read the same, and the paragraph left takes the same
///   style. Paragraphs of the other kind (inserted, or deleted, whole) just
///   before those are written after the first reference's paragraph
///   instead: whole paragraphs of the two kinds read the same in either
///   order.
fn as_written(document: &Document) -> (Vec<&Para>, Vec<Mark>) {
    let mut paragraphs: Vec<&Para> = document.paragraphs.iter().collect();
    let mut marks: Vec<Mark> = paragraphs
        .iter()
        .map(|p| match p.mark {
            Mark::MovedTo
                if p.comment.is_some() || p.runs.last().map(|r| r.mark) != Some(Mark::MovedTo) =>
            {
                Mark::Inserted
            }
            mark => mark,
        })
        .collect();
    let whole = |p: &Para, written: Mark, mark: Mark| {
        written == mark
            && p.runs.iter().all(|r| r.mark == mark)
            && p.move_start.is_none()
            && p.move_end.is_none()
    };
    let Some(first) = paragraphs
        .iter()
        .position(|p| p.runs.iter().any(|r| r.footnote.is_some()))
    else {
        return (paragraphs, marks);
    };
    let (mark, other) = match marks[first] {
        Mark::Inserted => (Mark::Inserted, Mark::Deleted),
        Mark::Deleted => (Mark::Deleted, Mark::Inserted),
        _ => return (paragraphs, marks),
    };
    if !whole(paragraphs[first], mark, mark) {
        return (paragraphs, marks);
    }
    let run_before = |end: usize, kind: Mark| {
        (0..end)
            .rev()
            .take_while(|&k| whole(paragraphs[k], marks[k], kind))
            .last()
            .unwrap_or(end)
    };
    let start = run_before(first, mark);
    let others = run_before(start, other);
    let Some(before) = others.checked_sub(1).filter(|&k| {
        marks[k] == Mark::Kept
            && paragraphs[k].style == paragraphs[first].style
            && paragraphs[k].move_end.is_none()
    }) else {
        return (paragraphs, marks);
    };
    // The other kind's paragraphs after the first reference's.
    paragraphs[others..=first].rotate_left(start - others);
    marks[others..=first].rotate_left(start - others);
    let first = first - (start - others);
    marks[before] = mark;
    marks[first] = Mark::Kept;
    (paragraphs, marks)
}

/// The paragraphs with every revision numbered (one id sequence for the
/// whole document, as Word requires) and dated ([`Dates`]), the comments,
/// and the footnotes: one for each reference, numbered in document order.
/// LibreOffice gives the k-th reference the footnote with the k-th smallest
/// id, whatever id the reference names, so a footnote two references share,
/// or ids out of order, would put texts on the wrong markers.
fn numbered(
    document: &Document,
    day: Option<&str>,
) -> (Vec<XmlPara>, Vec<Comment>, Vec<XmlFootnote>) {
    let mut comments = Vec::new();
    let mut next = 0;
    let mut id = || {
        next += 1;
        next
    };
    let mut dates = Dates {
        day: day.map(str::to_string),
        next: 0,
    };
    let revision = |mark: Mark, id: usize, date: &Option<String>| {
        tag(mark).map(|tag| Revision {
            tag,
            id,
            date: date.clone(),
        })
    };
    // The footnote each reference gets, in document order: the index of
    // its text in `document.footnotes`.
    let mut references: Vec<usize> = Vec::new();
    // Each move's ranges: a start id per move, shared by its end.
    let mut open: Vec<(usize, usize, &'static str)> = Vec::new();
    let (paragraphs, marks) = as_written(document);
    // Comment ids follow the footnotes' (LibreOffice 7.4 mixes up a comment
    // and a footnote of the same id: the footnote's text is lost).
    let references_in_all: usize = document
        .paragraphs
        .iter()
        .flat_map(|p| &p.runs)
        .filter(|r| r.footnote.is_some())
        .count();
    let mut out = Vec::with_capacity(document.paragraphs.len());
    for (&p, &written) in paragraphs.iter().zip(&marks) {
        let kind = if p.mark == Mark::MovedFrom || p.runs.iter().any(|r| r.mark == Mark::MovedFrom)
        {
            "moveFrom"
        } else {
            "moveTo"
        };
        let date = dates.next();
        let range_start = p.move_start.map(|number| {
            let range = MoveRange {
                tag: kind,
                id: id(),
                name: format!("move{number}"),
                date: date.clone(),
            };
            open.push((number, range.id, kind));
            range
        });
        let mut runs = Vec::with_capacity(p.runs.len());
        for r in &p.runs {
            let footnote = r.footnote.map(|text| {
                references.push(text);
                references.len()
            });
            let revision = if tag(r.mark).is_some() {
                revision(r.mark, id(), &date)
            } else {
                None
            };
            runs.push(XmlRun {
                revision,
                text: r.text.clone(),
                tab: r.tab,
                footnote,
                italic: r.italic,
                deleted: matches!(r.mark, Mark::Deleted | Mark::MovedFrom),
            });
        }
        let mark = if tag(written).is_some() {
            revision(written, id(), &date)
        } else {
            None
        };
        let range_end = p.move_end.and_then(|number| {
            let at = open.iter().position(|(n, _, _)| *n == number)?;
            let (_, start, kind) = open.remove(at);
            Some(MoveRange {
                tag: kind,
                id: start,
                name: format!("move{number}"),
                date: None,
            })
        });
        let comment = p.comment.as_ref().map(|text| {
            let id = references_in_all + 1 + comments.len();
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
    let footnotes = references
        .iter()
        .enumerate()
        .map(|(k, &text)| {
            let date = dates.next();
            XmlFootnote {
                id: k + 1,
                runs: document
                    .footnotes
                    .get(text.wrapping_sub(1))
                    .into_iter()
                    .flatten()
                    .map(|r| XmlRun {
                        revision: if tag(r.mark).is_some() {
                            revision(r.mark, id(), &date)
                        } else {
                            None
                        },
                        text: r.text.clone(),
                        tab: false,
                        footnote: None,
                        italic: r.italic,
                        deleted: matches!(r.mark, Mark::Deleted | Mark::MovedFrom),
                    })
                    .collect(),
            }
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
        day,
        track_changes,
        ui,
        locale,
    } = *written;
    let (paragraphs, comments, footnotes) = numbered(document, day);
    let date = day.map(|day| format!("{day}T00:00:00Z"));
    let date = date.as_deref();
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
