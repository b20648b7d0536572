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
    /// Routine updates already accepted: their new words plain, so Reject
    /// All gives the old text with its routine updates made.
    pub accept_routine: bool,
    /// Each changed paragraph's drafting notes (lead weakened, moved from
    /// the preamble, rewritten, references, routine) as a Word comment.
    pub comments: bool,
    /// Change tracking switched on in the document, so the reader's own
    /// edits are tracked from the first keystroke.
    pub track_changes: bool,
    /// The language of the comments and style names (`--ui-lang`); `None`
    /// for the documents'.
    pub ui: Option<crate::lang::Language>,
}

impl Default for DocxOptions {
    fn default() -> DocxOptions {
        DocxOptions {
            author: "resdiff".into(),
            accept_routine: false,
            comments: true,
            track_changes: false,
            ui: None,
        }
    }
}

/// The comparison as a `.docx` redline: the bytes of the file.
pub fn docx(c: &Comparison, options: &DocxOptions) -> Result<Vec<u8>> {
    let ui = crate::render::messages::messages(options.ui.unwrap_or(c.new.language));
    let document = layout::document(c, options.accept_routine, options.comments, ui);
    let date = c.new.date.map(|d| format!("{d}T00:00:00Z"));
    package::write(
        &document,
        &package::Written {
            author: &options.author,
            date: date.as_deref(),
            track_changes: options.track_changes,
            ui,
            locale: &c.new.language.profile().data.locale,
        },
    )
}

#[cfg(test)]
mod tests;
