//! The canonical format: one Markdown file per version, as documented in
//! `docs/format.md`. TOML front matter between `+++` lines, the enacting
//! formula, one preambular paragraph per line with its lead in italics, the
//! operative part as an ordered list, sub-paragraphs as nested `- (a)` lists,
//! footnotes as Markdown footnotes.
//!
//! [`write()`] and [`read`] are inverses: reading a file and writing it again
//! gives the same bytes, which the tests check on every shipped version.

mod read;
mod write;

pub use read::read;
pub use write::write;

#[cfg(test)]
mod tests;
