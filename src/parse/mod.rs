//! Text → [`Resolution`]: the canonical Markdown format (read by
//! [`crate::canonical`]), raw text from PDFs and web pages ([`import`]) and
//! PDF files themselves ([`pdf`], whose layout the importer then reads).
//! [`load_file`] tells them apart, so any file can be shown or compared.

pub mod docx;
pub mod import;
pub mod pdf;
pub mod sidecar;

use std::path::Path;

use crate::canonical;
use crate::files::{read_bytes, text_of};

/// Opens a footnote marker inside a line of text a typeset source (a PDF)
/// gave: the reader knows it was raised, the importer takes it out.
pub const MARKER_OPEN: char = '\u{E000}';
/// Closes a footnote marker.
pub const MARKER_CLOSE: char = '\u{E001}';
use crate::error::Result;
use crate::model::{Body, Meta, Resolution, Status};
use crate::symbol::{Symbol, SymbolKind};

pub use import::{Imported, Warning};

/// A resolution read from a file, with the importer's warnings (none for
/// canonical files).
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The resolution read.
    pub resolution: Resolution,
    /// What the importer repaired or was unsure of, by line (page for a PDF).
    pub warnings: Vec<Warning>,
    /// The rule that decided each line of an imported text (empty for
    /// canonical files).
    pub trace: Vec<import::Traced>,
}

/// How to read a document beyond its bytes: a Word document's tracked
/// changes, and the language when the caller knows it (`--lang`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Reading {
    /// How a Word document's tracked changes are read.
    pub revisions: docx::Revisions,
    /// The document's language, where not its own (found from its text,
    /// or said by its sidecar).
    pub language: Option<crate::lang::Language>,
}

impl From<docx::Revisions> for Reading {
    fn from(revisions: docx::Revisions) -> Reading {
        Reading {
            revisions,
            language: None,
        }
    }
}

/// Whether `text` is in the canonical format (it opens with `+++` front matter).
pub fn is_canonical(text: &str) -> bool {
    text.trim_start_matches('\u{feff}').starts_with("+++")
}

/// Reads `path`: canonical Markdown as it is, a PDF through its layout and
/// the importer, any other text through the importer, with `meta` (its
/// series defaults to the directory). A `.json` sidecar beside a raw text
/// or PDF fills what the document does not show.
pub fn load_file(path: &Path, meta: Option<Meta>) -> Result<Loaded> {
    load_bytes(path, read_bytes(path)?, meta)
}

/// The extensions of the files resdiff reads (and so searches and
/// indexes in a directory).
pub const READABLE: &[&str] = &["md", "txt", "pdf", "docx"];

/// Whether resdiff reads `path`, by its extension.
pub fn is_readable(path: &Path) -> bool {
    path.extension()
        .and_then(|x| x.to_str())
        .is_some_and(|x| READABLE.contains(&x.to_ascii_lowercase().as_str()))
}

/// [`load_file`], a Word document's tracked changes read as `revisions`
/// says.
pub fn load_file_with(
    path: &Path,
    meta: Option<Meta>,
    reading: impl Into<Reading>,
) -> Result<Loaded> {
    load_bytes_with(path, read_bytes(path)?, meta, reading)
}

/// [`load_file`] on bytes already read from `path` (which names the file in
/// errors and is where a sidecar is looked for).
pub fn load_bytes(path: &Path, bytes: Vec<u8>, meta: Option<Meta>) -> Result<Loaded> {
    load_bytes_with(path, bytes, meta, docx::Revisions::Accept)
}

/// [`load_bytes`], a Word document's tracked changes read as `revisions`
/// says.
pub fn load_bytes_with(
    path: &Path,
    bytes: Vec<u8>,
    meta: Option<Meta>,
    reading: impl Into<Reading>,
) -> Result<Loaded> {
    let Reading {
        revisions,
        language,
    } = reading.into();
    let given = meta.is_some();
    let meta = meta.unwrap_or_else(|| default_meta(path));
    // `--lang` first, then what a sidecar says, then the text itself.
    let mut unknown_language = None;
    let language = match language {
        Some(language) => Some(language),
        None => match sidecar::language(path)? {
            Ok(language) => language,
            Err(note) => {
                unknown_language = Some(note);
                None
            }
        },
    };
    let imported = if pdf::is_pdf(&bytes) {
        let layout = pdf::read(&bytes).map_err(|e| e.with_path(path))?;
        import::import_layout_in(&layout, meta, language)
    } else if docx::is_encrypted_office(&bytes) {
        return Err(crate::Error::in_file(
            path,
            "a password-protected (encrypted) Office document: resdiff cannot read it; save it without a password",
        ));
    } else if docx::is_docx(&bytes) {
        let layout = docx::read(&bytes, revisions).map_err(|e| e.with_path(path))?;
        import::import_layout_in(&layout, meta, language)
    } else {
        let text = text_of(path, bytes)?;
        if is_canonical(&text) {
            return Ok(Loaded {
                resolution: canonical::read(&text, path)?,
                warnings: Vec::new(),
                trace: Vec::new(),
            });
        }
        import::import_text_in(&text, meta, language)
    }
    .map_err(|e| e.with_path(path))?;
    let mut resolution = imported.resolution;
    sidecar::fill(&mut resolution.meta, path, !given)?;
    let mut warnings = imported.warnings;
    if let Some(note) = unknown_language {
        warnings.insert(
            0,
            Warning {
                line: 0,
                rule: import::LANGUAGE.name,
                message: note,
            },
        );
    }
    Ok(Loaded {
        resolution,
        warnings,
        trace: imported.trace,
    })
}

/// What is known of a raw text before the importer reads it: its series is
/// the directory it is in, and a file named for its symbol the way UN
/// documents are saved (`S_2018_95.txt`, `A_75_L.78.txt`) gives the symbol
/// and so the body and the session or year.
pub fn default_meta(path: &Path) -> Meta {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let series = path
        .parent()
        .and_then(|p| p.file_name())
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "imported".to_string());
    let mut meta = Meta {
        // The file's name, not its path: reports go into pull requests and
        // mail, where a local directory means nothing and may say too much.
        source: Some(format!(
            "imported from {}",
            path.file_name().map_or_else(
                || path.display().to_string(),
                |name| name.to_string_lossy().into_owned()
            )
        )),
        ..Meta::new(Body::GeneralAssembly, series, None)
    };
    if let Some(symbol) = Symbol::from_file_name(&stem) {
        meta.body = symbol.body().unwrap_or(meta.body);
        meta.session = symbol.session();
        meta.year = symbol.year();
        if symbol.kind() == SymbolKind::Resolution {
            meta.status = Status::Adopted;
        }
        meta.symbol = Some(symbol.to_string());
    }
    meta
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{LeadSource, Paragraph};

    /// How many leads of `r` came from each source: (italics, convention,
    /// a lead with no source, a source with no lead).
    fn lead_sources(r: &crate::model::Resolution) -> [usize; 4] {
        fn count(paragraphs: &[Paragraph], n: &mut [usize; 4]) {
            for p in paragraphs {
                match (&p.lead, p.lead_source) {
                    (Some(_), Some(LeadSource::Italics)) => n[0] += 1,
                    (Some(_), Some(LeadSource::Convention)) => n[1] += 1,
                    (Some(_), None) => n[2] += 1,
                    (None, Some(_)) => n[3] += 1,
                    (None, None) => {}
                }
                count(&p.subparagraphs, n);
            }
        }
        let mut n = [0; 4];
        count(&r.preamble, &mut n);
        count(&r.operative, &mut n);
        for annex in &r.annexes {
            count(&annex.paragraphs, &mut n);
        }
        n
    }

    /// A PDF's leads are read from its italics, the same document's text
    /// dump's taken by convention; canonical Markdown keeps which, both ways.
    #[cfg_attr(corpus_missing, ignore = "needs ../shared/corpus")]
    #[test]
    fn a_pdf_reads_its_leads_from_italics_and_its_text_dump_by_convention() {
        let Some(corpus) = crate::test_support::shared_corpus() else {
            return;
        };
        let pdf = load_file(&corpus.join("sc/S_2022_501.pdf"), None).unwrap();
        let dump = load_file(&corpus.join("sc/S_2022_501.txt"), None).unwrap();
        let [italics, convention, unsourced, stray] = lead_sources(&pdf.resolution);
        assert!(italics >= 10, "{italics} leads from italics");
        assert_eq!((convention, unsourced, stray), (0, 0, 0));
        assert_eq!(lead_sources(&dump.resolution), [0, italics, 0, 0]);
        for (loaded, says) in [(&pdf, false), (&dump, true)] {
            let written = canonical::write(&loaded.resolution).unwrap();
            assert_eq!(
                written.contains("\nleads = \"convention\"\n"),
                says,
                "{written}"
            );
            let back = canonical::read(&written, Path::new("501.md")).unwrap();
            assert_eq!(back, loaded.resolution);
        }
    }

    /// S/2019/179's PDF prints one operative lead with no italics of its
    /// own: the reader takes it by convention, and canonical Markdown stars
    /// that one among the others' underscores.
    #[cfg_attr(corpus_missing, ignore = "needs ../shared/corpus")]
    #[test]
    fn a_pdf_lead_without_italics_is_taken_by_convention_and_kept_so() {
        let Some(corpus) = crate::test_support::shared_corpus() else {
            return;
        };
        let pdf = load_file(&corpus.join("sc/S_2019_179.pdf"), None).unwrap();
        let [italics, convention, unsourced, stray] = lead_sources(&pdf.resolution);
        assert!(italics >= 30, "{italics} leads from italics");
        assert_eq!((convention, unsourced, stray), (1, 0, 0));
        let by_convention = pdf
            .resolution
            .operative
            .iter()
            .find(|p| p.lead_source == Some(LeadSource::Convention))
            .unwrap();
        assert_eq!(
            (
                by_convention.number.as_deref(),
                by_convention.lead.as_deref()
            ),
            (Some("19"), Some("Calls upon"))
        );
        let written = canonical::write(&pdf.resolution).unwrap();
        assert!(!written.contains("\nleads ="), "{written}");
        assert!(written.contains("\n19. *Calls upon* "), "{written}");
        assert_eq!(written.matches(". *").count(), 1, "{written}");
        let back = canonical::read(&written, Path::new("179.md")).unwrap();
        assert_eq!(back, pdf.resolution);
        assert_eq!(canonical::write(&back).unwrap(), written);
    }

    #[test]
    fn file_names_that_are_symbols_give_symbol_body_and_version() {
        let sc = default_meta(Path::new("corpus/sc/S_2018_95.txt"));
        assert_eq!(sc.symbol.as_deref(), Some("S/2018/95"));
        assert_eq!(
            (sc.body, sc.year, sc.series.as_str()),
            (Body::SecurityCouncil, Some(2018), "sc")
        );
        let ga = default_meta(Path::new("csto/A_75_L.78.txt"));
        assert_eq!(ga.symbol.as_deref(), Some("A/75/L.78"));
        assert_eq!((ga.body, ga.session), (Body::GeneralAssembly, Some(75)));
        let plain = default_meta(Path::new("draft.txt"));
        assert_eq!((plain.symbol, plain.series.as_str()), (None, "imported"));
    }
}
