//! Placeholder for the importer of raw PDF/web text (being written on the
//! `import` branch); it keeps the agreed signature so the CLI can be wired.

use crate::error::{Error, Result};
use crate::model::{Meta, Resolution};

/// Something the importer could not be sure of, with its input line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub line: usize,
    pub message: String,
}

/// An imported resolution and what the importer was unsure of.
#[derive(Debug, Clone)]
pub struct Imported {
    pub resolution: Resolution,
    pub warnings: Vec<Warning>,
}

pub fn import_text(_text: &str, _meta: Meta) -> Result<Imported> {
    Err(Error::new("import is not available yet"))
}
