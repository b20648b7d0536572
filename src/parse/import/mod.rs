//! The importer of real resolution text, as it comes out of UN PDFs and web
//! pages, into the model: page furniture dropped, hard-wrapped lines
//! joined, run-together paragraphs split, footnotes separated from the
//! text, split words repaired, paragraphs, sub-paragraphs and headings
//! recognised.
//!
//! Nothing is dropped silently: every character of the input that is not
//! on a furniture line ends up in a paragraph, heading, footnote, the
//! title, the enacting formula or a warning (text carried by a warning is
//! quoted «like this»). Where the importer had to guess, it says so in a
//! [`Warning`] with the line.
//!
//! The document's language is found first (`lang::detect`, unless the
//! caller knows it); every stage after reads that language's profile.
//! The stages, one module each: `words` cleans each line, `lines` runs
//! the line pass over the named rules of `rules` and assembles blocks,
//! `structure` builds paragraphs from blocks, `head` reads the document
//! head; `furniture`, `footnotes` and `labels` answer the questions those
//! stages ask. `docs/import.md` lists every rule.

pub(crate) mod footnotes;
pub(crate) mod furniture;
pub(crate) mod head;
pub(crate) mod labels;
pub(crate) mod lines;
pub(crate) mod pages;
pub mod rules;
pub(crate) mod structure;
pub(crate) mod words;

use crate::lang::{Language, Profile};
use crate::model::{Meta, Resolution, Status};
use crate::symbol::{Symbol, SymbolKind};
use crate::{Error, Result};

pub use lines::Traced;
use lines::{Block, CleanedLine};
use words::{Vocabulary, clean_line};

/// Something the importer could not be sure about, or repaired.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Warning {
    /// 1-based line in the input (0 when the warning is about the whole text).
    pub line: usize,
    /// The rule that acted (`docs/import.md`).
    pub rule: &'static str,
    /// What the importer was unsure of or repaired.
    pub message: String,
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: [{}] {}", self.line, self.rule, self.message)
    }
}

/// The result of an import.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// The resolution the text was parsed into.
    pub resolution: Resolution,
    /// In line order.
    pub warnings: Vec<Warning>,
    /// 1-based numbers of the lines dropped as page furniture.
    pub furniture_lines: Vec<usize>,
    /// The rule that decided each line, in line order.
    pub trace: Vec<Traced>,
}

/// The rule that chose the document's language.
pub const LANGUAGE: rules::Rule = rules::Rule {
    name: "language",
    decides: "the document's language is the one whose enacting formula, heading and adoption lines and leads its first lines show most (unless the caller, a sidecar's `language` or `--lang` says); with none of any language, English, with a warning",
};

/// The profile to read `lines` with: the language given, else the one
/// they show, with a warning where they show none.
fn language_of<'a>(
    given: Option<Language>,
    lines: impl IntoIterator<Item = &'a str>,
    warnings: &mut Vec<Warning>,
) -> &'static Profile {
    if let Some(language) = given {
        return language.profile();
    }
    let detection = crate::lang::detect::detect(lines);
    if !detection.found {
        warnings.push(Warning {
            line: 0,
            rule: LANGUAGE.name,
            message: format!(
                "read as {}: the text shows {}",
                detection.language.profile().data.name,
                detection.evidence
            ),
        });
    }
    detection.language.profile()
}

/// Import a resolution text.
///
/// `meta` carries what the caller knows; the importer fills the fields that
/// are `None` when the text reveals them (symbol and date from a download
/// line or running header, title from a title line, session or year from
/// the symbol) and never overrides them. `meta.body` cannot be "unknown",
/// so the body named by the enacting formula (else by the symbol: `A/` is
/// the General Assembly, `S/` the Security Council) replaces it, with a
/// warning when they disagree.
pub fn import_text(text: &str, meta: Meta) -> Result<Imported> {
    import_text_in(text, meta, None)
}

/// [`import_text`] in `language` where given (else the one the text shows).
pub fn import_text_in(text: &str, meta: Meta, language: Option<Language>) -> Result<Imported> {
    if text.trim().is_empty() {
        return Err(Error::new("the file is empty"));
    }
    let mut warnings = Vec::new();
    let raw_lines: Vec<&str> = text.split('\n').collect();
    let profile = language_of(language, raw_lines.iter().copied(), &mut warnings);
    let vocabulary = Vocabulary::from_text(text);
    let paged = pages::page_furniture(&raw_lines, meta.symbol.as_deref(), profile);
    let cleaned: Vec<CleanedLine> = raw_lines
        .iter()
        .enumerate()
        .map(|(i, raw)| {
            let clean = clean_line(raw, &vocabulary, profile);
            CleanedLine {
                number: i + 1,
                text: clean.text,
                repairs: clean.repairs,
                lead: None,
                bold: false,
                furniture: paged.contains(&i),
                page_start: raw.starts_with('\u{c}'),
            }
        })
        .collect();
    let mut cleaned = cleaned;
    rules::shapes::join_bare_labels(&mut cleaned, profile);
    import_lines(&cleaned, None, meta, profile, warnings)
}

/// Import what a PDF's layout gave: its body lines, with the italic lead
/// of each, and the footnotes it separated. A PDF has pages, not lines:
/// each warning names the page it is about (its `line` is then 0).
pub fn import_layout(layout: &crate::parse::pdf::layout::Layout, meta: Meta) -> Result<Imported> {
    import_layout_in(layout, meta, None)
}

/// [`import_layout`] in `language` where given (else the one the text
/// shows).
pub fn import_layout_in(
    layout: &crate::parse::pdf::layout::Layout,
    meta: Meta,
    language: Option<Language>,
) -> Result<Imported> {
    let mut warnings = Vec::new();
    let profile = language_of(
        language,
        layout.lines.iter().map(|l| l.text.as_str()),
        &mut warnings,
    );
    let cleaned: Vec<CleanedLine> = layout
        .lines
        .iter()
        .enumerate()
        .map(|(i, line)| CleanedLine {
            number: i + 1,
            text: line.text.clone(),
            repairs: Vec::new(),
            lead: line.lead.clone(),
            bold: line.bold,
            furniture: false,
            page_start: false,
        })
        .collect();
    // Footnotes are numbered on after the lines, so a warning about one
    // finds its page too.
    let footnotes: Vec<(usize, String, String)> = layout
        .footnotes
        .iter()
        .enumerate()
        .map(|(i, (_, marker, text))| (cleaned.len() + 1 + i, marker.clone(), text.clone()))
        .collect();
    let page_of = |line: usize| match line.checked_sub(1) {
        Some(i) if i < layout.lines.len() => Some(layout.lines[i].page),
        Some(i) => layout.footnotes.get(i - layout.lines.len()).map(|f| f.0),
        None => None,
    };
    let mut imported =
        import_lines(&cleaned, Some(&footnotes), meta, profile, warnings).map_err(|mut e| {
            if let Some(page) = e.line.and_then(page_of) {
                e.message = format!("{} {page}: {}", layout.place.name(), e.message);
                e.line = None;
            }
            e
        })?;
    for w in &mut imported.warnings {
        if let Some(page) = page_of(w.line) {
            w.message = format!("{} {page}: {}", layout.place.name(), w.message);
            w.line = 0;
        }
    }
    Ok(imported)
}

/// The line pass and the structure, on cleaned lines; `typeset` holds the
/// footnotes a typeset source separated itself.
fn import_lines(
    cleaned: &[CleanedLine],
    typeset: Option<&[(usize, String, String)]>,
    meta: Meta,
    profile: &'static Profile,
    language_warnings: Vec<Warning>,
) -> Result<Imported> {
    let assembled = lines::assemble(cleaned, typeset.is_some(), profile);
    let first_text_line = cleaned
        .iter()
        .find(|l| !l.text.is_empty())
        .map_or(1, |l| l.number);
    let has_structure = assembled.blocks.iter().any(|b| match b.kind {
        lines::BlockKind::Top(crate::model::Part::Operative) => {
            b.label.is_some()
                || b.lead.is_some()
                || b.pieces.first().is_some_and(|p| {
                    profile
                        .lexicon()
                        .lead_at_start(&p.text, Some(crate::model::Part::Operative))
                        .is_some()
                })
        }
        lines::BlockKind::Top(crate::model::Part::Preamble) => b
            .pieces
            .first()
            .is_some_and(|p| profile.lexicon().lead_at_start(&p.text, None).is_some()),
        lines::BlockKind::Top(crate::model::Part::Annex) | lines::BlockKind::Sub(_) => false,
    });
    if !has_structure {
        let examples = &profile.data.leads.examples;
        let preamble: Vec<String> = examples.preamble.iter().map(|l| format!("'{l}'")).collect();
        let preamble = preamble.join(" or ");
        let operative = format!("'1. {}'", examples.operative);
        let mut error = Error::new(format!(
            "no resolution structure found: expected preambular paragraphs opening with a \
             lead such as {preamble}, or numbered operative paragraphs such as {operative}"
        ));
        error.line = Some(first_text_line);
        return Err(error);
    }

    let mut warnings = language_warnings;
    warnings.extend(assembled.warnings);
    let footnotes = match typeset {
        Some(typeset) => structure::Footnotes::Typeset(typeset),
        None => structure::Footnotes::Lines(&assembled.footnotes),
    };
    let first_block_line = assembled.blocks.first().map(Block::first_line);
    let built = structure::build(
        assembled.blocks,
        assembled.annexes,
        footnotes,
        profile,
        &mut warnings,
    )?;

    let mut meta = meta;
    // The head: every line before the text starts.
    let body_start = assembled
        .formula
        .as_ref()
        .map(|f| f.0)
        .or(first_block_line)
        .unwrap_or(usize::MAX);
    let head_lines: Vec<(usize, String)> = cleaned
        .iter()
        .take_while(|l| l.number < body_start)
        .filter(|l| !l.furniture)
        .map(|l| (l.number, structure::strip_markers(&l.text).0))
        .collect();
    let head = head::read(&head_lines, profile);
    for (line, rule, message) in &head.warnings {
        warnings.push(Warning {
            line: *line,
            rule,
            message: message.clone(),
        });
    }
    let unread: std::collections::BTreeSet<usize> = head.rest.iter().map(|(n, _)| *n).collect();
    let mut prologue = assembled
        .prologue
        .into_iter()
        .filter(|(line, _)| unread.contains(line) || *line >= body_start);
    if meta.title.is_none() {
        meta.title = head.title.clone();
    }
    if meta.title.is_none()
        && let Some((_, title)) = prologue.next()
    {
        meta.title = Some(title);
    }
    for (line, text) in prologue {
        warnings.push(Warning {
            line,
            rule: "prologue",
            message: format!("text before the resolution, not part of it: «{text}»"),
        });
    }
    if meta.symbol.is_none() {
        meta.symbol = head
            .symbol
            .clone()
            .or_else(|| assembled.revealed.symbol.clone());
    }
    if head.status == Some(Status::Adopted)
        || meta.symbol.as_deref().is_some_and(|s| s.contains("/RES/"))
    {
        meta.status = Status::Adopted;
    }
    if meta.date.is_none() {
        meta.date = match meta.status {
            Status::Adopted => head.adopted,
            Status::Draft => None,
        }
        .or(head.distributed)
        .or(assembled.revealed.date);
    }
    meta.session = meta.session.or(head.session);
    meta.number = meta.number.take().or(head.number.clone());
    meta.agenda_item = meta.agenda_item.take().or(head.agenda_item.clone());
    meta.committee = meta.committee.take().or(head.committee.clone());
    meta.distributed = meta.distributed.take().or(head.distributed);
    if meta.sponsors.is_empty() {
        meta.sponsors = head.sponsors.clone();
    }
    meta.meeting = meta
        .meeting
        .take()
        .or_else(|| assembled.meeting.as_ref().map(|(_, text)| text.clone()));
    if let Some(body) = head.body
        && meta.symbol.is_none()
        && assembled.formula.is_none()
    {
        meta.body = body;
    }
    fill_version(&mut meta);

    let formula_line = assembled.formula.as_ref().map(|f| f.0);
    let formula_body = assembled
        .formula
        .as_ref()
        .and_then(|(_, text)| profile.organ_mentioned(text));
    let symbol_body = meta
        .symbol
        .as_deref()
        .and_then(Symbol::read)
        .and_then(|s| s.body());
    match (&assembled.formula, formula_body.or(symbol_body)) {
        (_, Some(body)) if body != meta.body => {
            warnings.push(Warning {
                line: formula_line.unwrap_or(0),
                rule: "enacting-formula",
                message: format!(
                    "the text is a {} resolution, not {} as given: body set from the {}",
                    body.name(),
                    meta.body.name(),
                    if formula_body.is_some() {
                        "enacting formula"
                    } else {
                        "symbol"
                    }
                ),
            });
            meta.body = body;
        }
        _ => {}
    }
    if assembled.formula.is_none() {
        let first_paragraph = built
            .preamble
            .first()
            .or(built.operative.first())
            .map(|_| first_body_line(cleaned, &assembled.furniture, profile))
            .unwrap_or(first_text_line);
        warnings.push(Warning {
            line: first_paragraph,
            rule: "enacting-formula",
            message: format!(
                "no enacting formula (expected '{}' before the first paragraph)",
                profile.formula_of(meta.body)
            ),
        });
    }
    warnings.sort_by_key(|w| w.line);
    meta.language = profile.language;
    // The head's rules read the lines the line pass left to it.
    let mut trace = assembled.trace;
    for entry in &mut trace {
        if let Some((_, rule)) = head.trace.iter().find(|(line, _)| *line == entry.line) {
            entry.rule = rule;
        }
    }

    let mut resolution = Resolution {
        meta,
        enacting_formula: assembled.formula.map(|(_, text)| text),
        preamble: built.preamble,
        operative: built.operative,
        annexes: built.annexes,
        footnotes: built.footnotes,
    };
    // Taking markers out can leave two spaces where one was.
    resolution.fold_whitespace();
    Ok(Imported {
        resolution,
        warnings,
        furniture_lines: assembled.furniture,
        trace,
    })
}

/// The first line that is neither blank nor furniture nor prologue text:
/// approximated as the first non-blank, non-furniture line that opens a
/// paragraph by lead or number.
fn first_body_line(cleaned: &[CleanedLine], furniture: &[usize], profile: &Profile) -> usize {
    cleaned
        .iter()
        .filter(|l| !l.text.is_empty() && !furniture.contains(&l.number))
        .find(|l| {
            rules::shapes::numbered(&l.text, profile).is_some()
                || profile.lexicon().lead_at_start(&l.text, None).is_some()
        })
        .map_or(1, |l| l.number)
}

/// What the symbol says and the metadata lacks: the session or year, and
/// that an `…/RES/…` symbol is an adopted resolution.
pub fn derive_from_symbol(meta: &mut Meta) {
    fill_version(meta);
    if meta
        .symbol
        .as_deref()
        .and_then(Symbol::read)
        .is_some_and(|s| s.kind() == SymbolKind::Resolution)
    {
        meta.status = Status::Adopted;
    }
}

/// Session from `A/75/…`, year from `S/2020/…` or `S/RES/2655 (2022)`,
/// where the metadata has none.
fn fill_version(meta: &mut Meta) {
    let Some(symbol) = meta.symbol.as_deref().and_then(Symbol::read) else {
        return;
    };
    meta.session = meta.session.or(symbol.session());
    meta.year = meta.year.or(symbol.year());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Body, LeadSource, Paragraph};

    use crate::test_support::corpus_text;
    use proptest::prelude::*;

    fn meta(body: Body) -> Meta {
        Meta::new(body, "test", None)
    }

    /// Each operative paragraph followed later by a line the importer
    /// glues onto the last paragraph, which so grows with the input.
    fn long_last_paragraph(n: usize) -> String {
        let mut text = String::from("The General Assembly,\n\nRecalling its resolution,\n\n");
        for i in 1..=n {
            text.push_str(&format!("{i}. Requests the thing {i};{i}\n\n"));
        }
        for i in 1..=n {
            text.push_str(&format!("{i} See {i}.\n"));
        }
        text
    }

    #[test]
    fn import_work_grows_linearly_with_the_paragraphs() {
        let growth = crate::work::growth(1_500, |n| {
            let imported = import_text(&long_last_paragraph(n), meta(Body::GeneralAssembly));
            assert_eq!(imported.unwrap().resolution.operative.len(), n);
        });
        assert!(
            growth < 4.5,
            "4n paragraphs cost {growth:.1} times the work of n"
        );
    }

    /// Found by the `pdf` fuzz target: italics that stop inside a word
    /// became a lead the canonical writer could not write back.
    #[test]
    fn italics_ending_inside_a_word_are_no_lead() {
        use crate::parse::pdf::layout::{Layout, LogicalLine};
        let line = |text: &str, lead: Option<&str>| LogicalLine {
            page: 1,
            text: text.into(),
            lead: lead.map(str::to_string),
            bold: false,
        };
        let layout = Layout {
            lines: vec![
                line("The Security Council,", None),
                line("1. Decides to extend the authorizations;", Some("Decide")),
                line(
                    "2. Requests the Secretary-General to report;",
                    Some("Requests"),
                ),
            ],
            ..Layout::default()
        };
        let imported = import_layout(&layout, meta(Body::SecurityCouncil)).unwrap();
        let leads: Vec<_> = imported
            .resolution
            .operative
            .iter()
            .map(|p| p.lead.as_deref())
            .collect();
        assert_eq!(leads, [Some("Decides"), Some("Requests")]);
        // The lead whose italics could not be one is the lexicon's.
        let sources: Vec<_> = imported
            .resolution
            .operative
            .iter()
            .map(|p| p.lead_source)
            .collect();
        assert_eq!(
            sources,
            [Some(LeadSource::Convention), Some(LeadSource::Italics)]
        );
    }

    /// A text dump has no italics: every lead it has, sub-paragraphs'
    /// too, is taken by convention; a paragraph without one has no source.
    #[cfg_attr(corpus_missing, ignore = "needs ../shared/corpus")]
    #[test]
    fn every_lead_of_a_text_dump_is_taken_by_convention() {
        let Some(text) = corpus_text("ga/A_RES_80_4.txt") else {
            return;
        };
        let r = import_text(&text, meta(Body::GeneralAssembly))
            .unwrap()
            .resolution;
        fn sources(paragraphs: &[Paragraph], out: &mut Vec<(bool, Option<LeadSource>)>) {
            for p in paragraphs {
                out.push((p.lead.is_some(), p.lead_source));
                sources(&p.subparagraphs, out);
            }
        }
        let mut all = Vec::new();
        sources(&r.preamble, &mut all);
        sources(&r.operative, &mut all);
        assert!(all.len() >= 10, "{all:?}");
        for (has_lead, source) in &all {
            let expected = has_lead.then_some(LeadSource::Convention);
            assert_eq!(*source, expected, "{all:?}");
        }
    }

    #[test]
    fn a_paragraph_too_long_to_be_one_is_refused_with_its_line() {
        let text = format!(
            "The General Assembly,\n\nRecalling its resolution,\n\n1. Requests {};\n",
            "word ".repeat(30_000)
        );
        let error = import_text(&text, meta(Body::GeneralAssembly)).unwrap_err();
        assert_eq!(error.line, Some(5), "{error}");
        assert!(error.message.contains("a paragraph of 147 KB"), "{error}");
    }

    #[test]
    fn empty_input_is_an_error() {
        for text in ["", "  \n\t\n  "] {
            let error = import_text(text, meta(Body::GeneralAssembly)).unwrap_err();
            assert_eq!(error.message, "the file is empty");
        }
    }

    #[test]
    fn text_without_structure_is_an_error_naming_what_was_expected() {
        let error = import_text(
            "\n<html><body>Hello</body></html>\n",
            meta(Body::GeneralAssembly),
        )
        .unwrap_err();
        assert_eq!(error.line, Some(2));
        assert!(error.message.contains("'Recalling'"), "{}", error.message);
        assert!(error.message.contains("'1. Decides'"), "{}", error.message);
    }

    #[cfg_attr(corpus_missing, ignore = "needs ../shared/corpus")]
    #[test]
    fn the_enacting_formula_sets_the_body_and_given_values_stay() {
        let Some(text) = corpus_text("sc/S_2016_1061.txt") else {
            return;
        };
        let mut given = meta(Body::GeneralAssembly);
        given.symbol = Some("S/2016/1061".into());
        given.year = Some(1999);
        given.date = crate::dates::parse_iso("2016-12-15");
        let imported = import_text(&text, given).unwrap();
        let r = &imported.resolution;
        assert_eq!(r.meta.body, Body::SecurityCouncil);
        assert_eq!(r.meta.year, Some(1999));
        assert_eq!(r.meta.date, crate::dates::parse_iso("2016-12-15"));
        assert_eq!(r.enacting_formula.as_deref(), Some("The Security Council,"));
        assert!(
            imported
                .warnings
                .iter()
                .any(|w| w.line == 1 && w.message.contains("Security Council"))
        );
        // Three lines of a hard-wrapped paragraph make one paragraph.
        assert_eq!(r.preamble.len(), 3);
        assert!(
            r.preamble[0]
                .text
                .ends_with("S/PRST/2016/1, and S/PRST/2016/3,")
        );
    }

    #[test]
    fn paragraph_numbers_go_past_999() {
        let mut text = String::from("The General Assembly,\n");
        for n in 1..=1005 {
            text.push_str(&format!("{n}. Decides on item {n};\n"));
        }
        let imported = import_text(&text, meta(Body::GeneralAssembly)).unwrap();
        let operative = &imported.resolution.operative;
        assert_eq!(operative.len(), 1005);
        assert_eq!(operative[999].number.as_deref(), Some("1000"));
        assert_eq!(operative[1004].text, "Decides on item 1005;");
    }

    #[cfg_attr(corpus_missing, ignore = "needs ../shared/corpus")]
    #[test]
    fn page_furniture_in_the_middle_is_dropped_and_counted() {
        let Some(text) = corpus_text("sc/S_2022_501.txt") else {
            return;
        };
        let imported = import_text(&text, meta(Body::SecurityCouncil)).unwrap();
        assert_eq!(imported.furniture_lines, [12, 13]);
        assert!(
            imported
                .warnings
                .iter()
                .all(|w| w.line != 12 && w.line != 13)
        );
        let last = imported.resolution.preamble.last().unwrap();
        // The PDF of S/2022/501 italicises "Acting" alone.
        assert_eq!(last.lead.as_deref(), Some("Acting"));
    }

    #[cfg_attr(corpus_missing, ignore = "needs ../shared/corpus")]
    #[test]
    fn a_lone_operative_paragraph_is_unnumbered() {
        let Some(text) = corpus_text("sc/S_2018_341.txt") else {
            return;
        };
        // S/2018/341 with only its first operative paragraph, unnumbered,
        // as a resolution with a single operative paragraph prints it.
        let lone: Vec<&str> = text
            .lines()
            .take_while(|l| !l.starts_with("2."))
            .map(|l| l.strip_prefix("1.    ").unwrap_or(l))
            .collect();
        let lone = lone.join("\n").replace("(2012);", "(2012).");
        let r = import_text(&lone, meta(Body::SecurityCouncil))
            .unwrap()
            .resolution;
        assert_eq!(r.preamble.len(), 2);
        assert_eq!(r.operative.len(), 1);
        assert_eq!(r.operative[0].number, None);
        assert_eq!(r.operative[0].lead.as_deref(), Some("Decides"));
        assert!(r.operative[0].text.ends_with("resolution 2075 (2012)."));
    }

    #[cfg_attr(corpus_missing, ignore = "needs ../shared/corpus")]
    #[test]
    fn bis_paragraphs_keep_their_label() {
        let Some(text) = corpus_text("sc/S_2016_1061.txt") else {
            return;
        };
        let text = text.replace("3.    Decides to remain", "2 bis.    Decides to remain");
        let r = import_text(&text, meta(Body::SecurityCouncil))
            .unwrap()
            .resolution;
        let labels: Vec<&str> = r
            .operative
            .iter()
            .filter_map(|p| p.number.as_deref())
            .collect();
        assert_eq!(labels, ["1", "2", "2 bis"]);
    }

    #[test]
    fn the_symbol_gives_session_or_year() {
        let mut m = meta(Body::GeneralAssembly);
        m.symbol = Some("A/RES/77/13".into());
        fill_version(&mut m);
        assert_eq!(m.session, Some(77));
        let mut m = meta(Body::SecurityCouncil);
        m.symbol = Some("S/RES/2655 (2022)".into());
        fill_version(&mut m);
        assert_eq!(m.year, Some(2022));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn arbitrary_text_never_panics(text in "\\PC{0,400}") {
            let _ = import_text(&text, meta(Body::GeneralAssembly));
        }

        #[test]
        fn resolution_shaped_noise_never_panics(
            parts in prop::collection::vec(
                prop::sample::select(vec![
                    "The Security Council,", "Recalling its resolution 1 (2005),", "\n",
                    "1. Decides", "2. Requests", "(a) ", "(i) ", "(b)", "• ", "7 bis. Decides",
                    "organizations1,", " 2 Resolution.", "20103", "problem, 7 and", "21-05282 (R)",
                    "*2315068*", "S/2020/449", "an d", "human- made", " -General", "’s", "–",
                    "Reporting", "; 3. Welcomes", ":", ".", ",", "\u{0}", "\t", "é", "Ж",
                ]),
                0..60,
            )
        ) {
            let text: String = parts.concat();
            if let Ok(imported) = import_text(&text, meta(Body::GeneralAssembly)) {
                for p in imported.resolution.preamble.iter().chain(&imported.resolution.operative) {
                    for f in &p.footnotes {
                        prop_assert!(f.offset <= p.text.len());
                        prop_assert!(p.text.is_char_boundary(f.offset));
                    }
                }
            }
        }
    }
}
