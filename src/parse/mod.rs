//! Text → [`Resolution`]: the canonical Markdown format (read by
//! [`crate::canonical`]) and raw text from PDFs and web pages ([`import`]).
//! [`load_file`] tells them apart, so any file can be shown or compared.

pub mod import;

use std::path::Path;

use crate::canonical;
use crate::corpus::read_text;
use crate::error::Result;
use crate::model::{Body, Meta, Resolution, Status};

pub use import::{Imported, Warning};

/// A resolution read from a file, with the importer's warnings (none for
/// canonical files).
#[derive(Debug, Clone)]
pub struct Loaded {
    pub resolution: Resolution,
    pub warnings: Vec<Warning>,
}

/// Whether `text` is in the canonical format (it opens with `+++` front matter).
pub fn is_canonical(text: &str) -> bool {
    text.trim_start_matches('\u{feff}').starts_with("+++")
}

/// Reads `path`: canonical Markdown as it is, anything else through the
/// importer with `meta` (its series defaults to the file stem).
pub fn load_file(path: &Path, meta: Option<Meta>) -> Result<Loaded> {
    let text = read_text(path)?;
    if is_canonical(&text) {
        return Ok(Loaded {
            resolution: canonical::read(&text, path)?,
            warnings: Vec::new(),
        });
    }
    let meta = meta.unwrap_or_else(|| default_meta(path));
    let imported = import::import_text(&text, meta).map_err(|e| e.with_path(path))?;
    Ok(Loaded {
        resolution: imported.resolution,
        warnings: imported.warnings,
    })
}

/// What is known of a raw text before the importer reads it: nothing but
/// its name, which stands in for the series.
pub fn default_meta(path: &Path) -> Meta {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "text".to_string());
    let body = if stem.starts_with("S_") || stem.starts_with("S-") {
        Body::SecurityCouncil
    } else {
        Body::GeneralAssembly
    };
    Meta {
        body,
        symbol: None,
        session: None,
        year: None,
        series: stem,
        title: None,
        date: None,
        status: Status::Draft,
        source: Some(format!("imported from {}", path.display())),
        generated_from: None,
    }
}
