//! A `.json` file beside a raw text or PDF (`S_2018_95.json` beside
//! `S_2018_95.txt`, as the UN's document collections keep them) supplies
//! the metadata the document itself does not show: what the text says
//! wins, the sidecar fills the gaps.

use std::path::Path;

use serde::Deserialize;

use crate::dates::{ISO_EXPECTED, parse_iso};
use crate::lang::Language;
use crate::model::{Body, Meta, Status};
use crate::{Error, Result};

/// The fields resdiff reads from a sidecar; others are ignored. Two
/// shapes are in use: lower-case keys with an ISO date, and the document
/// system's `Date` ("15 December 2016") and `Title` (a draft's is its
/// sponsors' line, "France: draft resolution").
#[derive(Debug, Deserialize)]
struct Sidecar {
    symbol: Option<String>,
    body: Option<String>,
    session: Option<u32>,
    year: Option<u32>,
    status: Option<String>,
    #[serde(alias = "Title")]
    title: Option<String>,
    #[serde(alias = "Date")]
    date: Option<String>,
    source: Option<String>,
    language: Option<String>,
}

/// The language the sidecar of `document` gives: the language where
/// resdiff has its profile, else what to tell the reader (the text is
/// then read in the language it shows).
pub fn language(document: &Path) -> Result<std::result::Result<Option<Language>, String>> {
    let Some((path, sidecar)) = read(document)? else {
        return Ok(Ok(None));
    };
    Ok(match sidecar.language.as_deref() {
        None => Ok(None),
        Some(code) => Language::from_code(code).map(Some).ok_or_else(|| {
            format!(
                "{} says the language is '{code}', which resdiff has no profile for ({}): the text is read in the language it shows",
                path.file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
                Language::codes()
            )
        }),
    })
}

/// The sidecar of `document`, if there is one, with its path.
fn read(document: &Path) -> Result<Option<(std::path::PathBuf, Sidecar)>> {
    let path = document.with_extension("json");
    if path == document || !path.is_file() {
        return Ok(None);
    }
    let text = crate::files::read_text(&path)?;
    let sidecar: Sidecar = serde_json::from_str(&text)
        .map_err(|e| Error::at_line(&path, e.line(), format!("not a metadata sidecar: {e}")))?;
    Ok(Some((path, sidecar)))
}

/// Fill what `meta` lacks from the sidecar of `document`, if there is one.
/// `replace_source`: the source was resdiff's default, not the user's.
pub fn fill(meta: &mut Meta, document: &Path, replace_source: bool) -> Result<()> {
    let Some((path, sidecar)) = read(document)? else {
        return Ok(());
    };
    // The body follows the symbol where the document gave one; else the
    // sidecar's word for it.
    if meta.symbol.is_none() {
        match sidecar.body.as_deref() {
            Some("General Assembly") => meta.body = Body::GeneralAssembly,
            Some("Security Council") => meta.body = Body::SecurityCouncil,
            _ => {}
        }
        meta.symbol = sidecar.symbol;
    }
    meta.session = meta.session.or(sidecar.session);
    meta.year = meta.year.or(sidecar.year);
    if sidecar.status.as_deref() == Some("adopted") {
        meta.status = Status::Adopted;
    }
    let (title, sponsors) = match sidecar.title {
        // "Draft Resolution": what the document is, not its title.
        Some(t) if t.eq_ignore_ascii_case("draft resolution") => (None, Vec::new()),
        Some(t) => match crate::parse::import::head::sponsors_line(&t) {
            Some(names) => (None, names),
            None => (Some(t), Vec::new()),
        },
        None => (None, Vec::new()),
    };
    if meta.sponsors.is_empty() {
        meta.sponsors = sponsors;
    }
    match (&meta.title, title) {
        (None, title) => meta.title = title,
        // The text's title lost its last line: the sidecar has it.
        (Some(title), Some(fuller)) => {
            if let Some(longer) =
                crate::parse::import::head::completed(title, &fuller, meta.language.profile())
            {
                meta.title = Some(longer);
            }
        }
        (Some(_), None) => {}
    }
    if meta.date.is_none()
        && let Some(date) = sidecar.date
    {
        // The document system writes "15 December 2016" whatever the
        // document's language.
        let written = Language::ALL
            .iter()
            .find_map(|l| l.profile().parse_date(&date));
        let Some(date) = written.or_else(|| parse_iso(&date)) else {
            return Err(Error::in_file(
                &path,
                format!("date '{date}' is not {ISO_EXPECTED}"),
            ));
        };
        meta.date = Some(date);
    }
    if replace_source && let Some(source) = sidecar.source {
        meta.source = Some(source);
    }
    // What a symbol says (session or year, adopted) now that it may be new.
    crate::parse::import::derive_from_symbol(meta);
    Ok(())
}
