//! PDF input: the UN's own documents read directly, with what a text dump
//! loses: italics (the drafter's leads), position (page furniture, the
//! footnote area, indentation) and size and raise (footnote markers).
//!
//! `glyphs` interprets content streams, `rows` builds printed lines,
//! [`layout`] sorts the rows of each page into head, body, footnotes and
//! furniture and joins the body into the logical lines the importer reads.

pub(crate) mod glyphs;
pub mod layout;
pub(crate) mod rows;

use crate::{Error, Result};

/// Documents of more pages than this are refused: no resolution comes near.
pub const MAX_PAGES: usize = 2_000;

/// Whether `bytes` is a PDF file.
pub fn is_pdf(bytes: &[u8]) -> bool {
    bytes.starts_with(b"%PDF-")
}

/// Every page's rows, top to bottom.
pub fn pages(bytes: &[u8]) -> Result<Vec<(glyphs::Page, Vec<rows::Row>)>> {
    let doc =
        lopdf::Document::load_mem(bytes).map_err(|e| Error::new(format!("damaged PDF: {e}")))?;
    if doc.is_encrypted() {
        return Err(Error::new(
            "the PDF is encrypted: resdiff cannot read its text",
        ));
    }
    let ids: Vec<lopdf::ObjectId> = doc.page_iter().collect();
    if ids.is_empty() {
        return Err(Error::new("the PDF has no pages"));
    }
    if ids.len() > MAX_PAGES {
        return Err(Error::new(format!(
            "the PDF has {} pages, more than the {MAX_PAGES} resdiff reads",
            ids.len()
        )));
    }
    let mut out = Vec::with_capacity(ids.len());
    let mut fonts = glyphs::Fonts::default();
    let mut budget = glyphs::Budget::default();
    for (n, id) in ids.into_iter().enumerate() {
        let mut page = glyphs::page(&doc, id, &mut fonts, &mut budget)
            .map_err(|e| Error::new(format!("damaged PDF: page {}: {}", n + 1, e.0)))?;
        let rows = rows::rows(&page);
        // The rows hold the text now; the layout needs only the page's size
        // and rules.
        page.glyphs = Vec::new();
        out.push((page, rows));
    }
    Ok(out)
}

/// Read a PDF into its layout: body lines, footnotes, furniture.
pub fn read(bytes: &[u8]) -> Result<layout::Layout> {
    let pages = pages(bytes)?;
    let found = layout::layout(&pages);
    if found.lines.iter().all(|l| l.text.trim().is_empty()) {
        return Err(Error::new(
            "the PDF has no text layer (a scanned image?): resdiff reads the text a PDF carries, it does not recognise characters",
        ));
    }
    Ok(found)
}
