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
//! revision has the author given and the new version's day (two minutes
//! apart in turn, so LibreOffice joins no two of them), each footnote
//! reference its own footnote, numbered in document order, and the archive
//! has fixed times and order: the same inputs give the same bytes.
//!
//! `layout` turns the comparison into paragraphs of runs; `package` writes
//! them (askama templates in `templates/docx/`) and zips the parts.

mod layout;
mod package;

use crate::model::{Body, Meta, Status};
use crate::{Comparison, Result};

/// The line under the symbol that says what the document is, in the
/// document's language, as the UN prints it: "Resolution adopted by the
/// General Assembly on 29 October 2025", "Draft resolution".
pub fn adopted_line(meta: &Meta) -> Option<String> {
    let ui = crate::render::messages::messages(meta.language);
    let head = match (meta.status, meta.body) {
        (Status::Draft, _) => return Some(ui.word_head_draft.to_string()),
        (Status::Adopted, Body::GeneralAssembly) => ui.word_head_adopted_general_assembly,
        (Status::Adopted, Body::SecurityCouncil) => ui.word_head_adopted_security_council,
    };
    Some(match meta.date {
        Some(date) => crate::render::messages::fill(
            ui.word_head_on,
            &[
                ("head", &head),
                ("date", &meta.language.profile().dates().written(date)),
            ],
        ),
        None => head.to_string(),
    })
}

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
    // The new version's day, or the old one's when the new has none.
    let day = c.new.date.or(c.old.date).map(|d| d.to_string());
    package::write(
        &document,
        &package::Written {
            author: &options.author,
            day: day.as_deref(),
            track_changes: options.track_changes,
            ui,
            locale: &c.new.language.profile().data.locale,
        },
    )
}

#[cfg(test)]
mod tests;
