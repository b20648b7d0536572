//! resdiff: parse, compare and redline versions of United Nations resolutions.
//!
//! The data flows one way: [`corpus`] finds files, [`parse`] turns text into a
//! [`Resolution`], [`align`] pairs paragraphs, [`diff`] computes word-level
//! changes and drafting semantics into one [`Comparison`], and [`render`]
//! turns that into HTML, Markdown, JSON or terminal text.

pub mod align;
pub mod canonical;
pub mod characters;
pub mod cli;
pub mod comparison;
pub mod corpus;
pub mod dates;
pub mod diff;
pub mod draft;
pub mod error;
pub mod git;
pub mod lexicon;
pub mod limits;
pub mod model;
pub mod ordinal;
pub mod output;
pub mod parse;
pub mod render;
pub(crate) mod work;

pub use comparison::Comparison;
pub use error::{Error, Result};
pub use model::{Paragraph, Part, Resolution};

#[cfg(test)]
mod test_support;
