//! resdiff: read, compare and redline versions of United Nations resolutions.
//!
//! The data flows one way, each stage handing the next plain data:
//!
//! ```text
//! load_file / load_bytes ─▶ Resolution ─▶ compare ─▶ Comparison ─▶ render::{html, markdown, text, json}
//!   (canonical Markdown,      (model)       (align,     (one value,
//!    UN PDF or raw text)                    then diff)   its JSON in docs/json.md)
//! ```
//!
//! - [`load_file`] and [`load_bytes`] read any input resdiff knows, telling
//!   the formats apart by their content: the canonical Markdown of
//!   [`canonical`], a UN PDF, or raw text from a PDF or web page (imported,
//!   with [`Warning`]s where the importer was unsure).
//! - [`compare`] pairs the paragraphs of two versions by content
//!   ([`align`]), then diffs each pair word by word and names the drafting
//!   changes ([`diff`]): the result is one [`Comparison`].
//! - [`render`] turns a comparison into a report.
//! - [`Corpus`] finds the versions of each series under `resolutions/`.
//!
//! ```
//! use std::path::Path;
//!
//! let old = "+++\nbody = \"General Assembly\"\nsession = 75\nseries = \"example\"\nstatus = \"draft\"\n+++\n\n\
//!            _The General Assembly_,\n\n_Recalling_ its earlier work,\n\n\
//!            1. _Invites_ Member States to report at its seventy-seventh session;\n";
//! let new = old
//!     .replace("session = 75", "session = 77")
//!     .replace("_Invites_", "_Urges_")
//!     .replace("seventy-seventh", "seventy-ninth");
//!
//! let old = resdiff::load_bytes(Path::new("75.md"), old.as_bytes().to_vec(), None)?.resolution;
//! let new = resdiff::load_bytes(Path::new("77.md"), new.into_bytes(), None)?.resolution;
//! let comparison = resdiff::compare(&old, &new);
//!
//! let change = comparison.paragraphs.iter().find(|p| p.part == resdiff::Part::Operative).unwrap();
//! let lead = change.lead_change.as_ref().expect("the lead changed");
//! assert_eq!((lead.old.as_str(), lead.new.as_str()), ("Invites", "Urges"));
//! assert_eq!(lead.direction, resdiff::comparison::Direction::Stronger);
//!
//! // The session moved on by the two sessions between the versions: a
//! // routine update, told apart from the lead the drafters strengthened.
//! let routine: Vec<&str> = change.words.iter().filter(|w| w.routine).map(|w| w.text.as_str()).collect();
//! assert_eq!(routine, ["seventy-seventh", "seventy-ninth"]);
//! let markdown = resdiff::render::markdown(&comparison)?;
//! assert!(markdown.contains("<del>seventy-seventh</del><ins>seventy-ninth</ins>"));
//! # Ok::<(), resdiff::Error>(())
//! ```

#![warn(missing_docs)]

pub mod align;
pub mod canonical;
pub(crate) mod characters;
pub mod comparison;
pub mod corpus;
pub mod dates;
pub mod diff;
pub mod draft;
pub mod error;
pub mod files;
pub(crate) mod git;
pub mod history;
pub mod lang;
pub mod lexicon;
pub mod limits;
pub(crate) mod markdown;
pub mod model;
pub mod ordinal;
pub mod parse;
pub mod render;
pub mod review;
pub mod search;
pub mod symbol;
pub mod work;

pub use comparison::Comparison;
pub use corpus::Corpus;
pub use diff::compare;
pub use error::{Error, Result};
pub use history::{History, history};
pub use model::{Meta, Paragraph, Part, Resolution};
pub use parse::{Loaded, Warning, load_bytes, load_file};

#[cfg(test)]
mod test_support;
