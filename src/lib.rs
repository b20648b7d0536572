//! resdiff: parse, compare and redline versions of United Nations resolutions.
//!
//! The data flows one way: [`corpus`] finds files, [`parse`] turns text into a
//! [`Resolution`], [`align`] pairs paragraphs, [`diff`] computes word-level
//! changes and drafting semantics into one [`Comparison`], and [`render`]
//! turns that into HTML, Markdown, JSON or terminal text.

pub mod comparison;
pub mod error;
pub mod lexicon;
pub mod model;
pub mod parse;

pub use comparison::Comparison;
pub use error::{Error, Result};
pub use model::{Paragraph, Part, Resolution};
pub mod ordinal;

#[cfg(test)]
mod test_support;
