//! The Word redline: the new version as a WordprocessingML document whose
//! changes from the old are real tracked revisions, so Accept All gives
//! exactly the new text and Reject All exactly the old, paragraph by
//! paragraph and word by word.
//!
//! Only the words that changed are marked (`w:ins`, `w:del`); a paragraph
//! added or removed has its paragraph mark marked too; a split or merge is
//! an inserted or deleted paragraph mark inside the redline; a moved
//! paragraph is a Word move, its old text at its old place (`w:moveFrom`)
//! and its new text at the new place (`w:moveTo`, words it gained marked
//! inserted). Numbers and sub-paragraph labels are text, so a renumbering is
//! a revision of the number and rejecting it restores the old one. Every
//! revision has the author given and the new version's date, and the
//! archive has fixed times and order: the same inputs give the same bytes.
//!
//! `layout` turns the comparison into paragraphs of runs; `package` writes
//! them (askama templates in `templates/docx/`) and zips the parts.

mod layout;
mod package;

use crate::{Comparison, Result};

/// How the redline is made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocxOptions {
    /// The author of every revision ("resdiff").
    pub author: String,
}

impl Default for DocxOptions {
    fn default() -> DocxOptions {
        DocxOptions {
            author: "resdiff".into(),
        }
    }
}

/// The comparison as a `.docx` redline: the bytes of the file.
pub fn docx(c: &Comparison, options: &DocxOptions) -> Result<Vec<u8>> {
    let document = layout::document(c);
    let date = c.new.date.map(|d| format!("{d}T00:00:00Z"));
    package::write(&document, &options.author, date.as_deref())
}

#[cfg(test)]
mod tests;
