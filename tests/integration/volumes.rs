//! Structure accuracy against `truth.json` of `../shared/corpus/fr/` (the
//! French Security Council volumes): per resolution, the counts of
//! preambular and operative paragraphs, sub-paragraphs and headings as the
//! HTML edition shows them, and each paragraph's lead against the run the
//! edition sets in italics; and, for every text, that no letter or digit
//! of it was lost on the way into the model.
//!
//! Shared by the truth test and `examples/accuracy.rs` (`scripts/accuracy
//! ../shared/corpus/fr`).
#![allow(dead_code)] // the example uses a subset

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use resdiff::model::{Paragraph, Resolution};
use serde::Deserialize;

/// `truth.json`.
#[derive(Debug, Deserialize)]
pub struct Volumes {
    pub docs: BTreeMap<String, DocTruth>,
}

/// One resolution's truth.
#[derive(Debug, Clone, Deserialize)]
pub struct DocTruth {
    pub symbol: Option<String>,
    pub ocr: bool,
    pub reliable: bool,
    pub leads_complete: bool,
    pub pp: usize,
    pub op: usize,
    pub sub: usize,
    pub headings: usize,
    pub paragraphs: Vec<ParagraphTruth>,
}

/// One paragraph as the edition shows it.
#[derive(Debug, Clone, Deserialize)]
pub struct ParagraphTruth {
    /// `PP3`, `OP7.a`; none for OCR debris.
    pub id: Option<String>,
    pub kind: String,
    pub lead: Option<String>,
    /// The first eight words after the label.
    pub starts: String,
}

/// What one resolution got right and wrong.
#[derive(Debug, Default)]
pub struct VolumeReport {
    pub counts_right: bool,
    /// Paragraphs whose italic lead the truth gives.
    pub leads: usize,
    pub leads_right: usize,
    /// Letters and digits of the text that are nowhere in the model.
    pub lost: usize,
    pub mismatches: Vec<String>,
    /// Leads that differ from the italics: (the paragraph's first words,
    /// the italic run, the lead found).
    pub lead_misses: Vec<(String, String, String)>,
}

/// The italic run as a lead: without the comma or colon the run may take.
fn italic_lead(run: &str) -> String {
    run.trim()
        .trim_end_matches([',', ':', ';'])
        .trim()
        .replace('\'', "’")
}

fn all_subs(p: &Paragraph) -> usize {
    p.subparagraphs.len() + p.subparagraphs.iter().map(all_subs).sum::<usize>()
}

/// Measures one resolution against its truth.
pub fn measure(truth: &DocTruth, got: &Resolution) -> VolumeReport {
    let mut r = VolumeReport::default();
    let subs: usize = got
        .preamble
        .iter()
        .chain(&got.operative)
        .map(all_subs)
        .sum();
    fn headings(p: &Paragraph) -> usize {
        p.heading.as_deref().map_or(0, |h| h.split(" — ").count())
            + p.subparagraphs.iter().map(headings).sum::<usize>()
    }
    let headings = got
        .preamble
        .iter()
        .chain(&got.operative)
        .map(headings)
        .sum::<usize>();
    let counts = [
        ("preambular paragraphs", truth.pp, got.preamble.len()),
        ("operative paragraphs", truth.op, got.operative.len()),
        ("sub-paragraphs", truth.sub, subs),
        ("headings", truth.headings, headings),
    ];
    r.counts_right = true;
    for (what, want, have) in counts {
        if want != have {
            r.counts_right = false;
            r.mismatches
                .push(format!("{what}: want {want}, got {have}"));
        }
    }
    // Each part in its order: a preamble a section reopens after operative
    // paragraphs is the model's preamble too.
    let of_kind = |kind: &str| -> Vec<&ParagraphTruth> {
        truth.paragraphs.iter().filter(|p| p.kind == kind).collect()
    };
    let pairs = of_kind("pp")
        .into_iter()
        .zip(&got.preamble)
        .chain(of_kind("op").into_iter().zip(&got.operative));
    for (want, have) in pairs {
        let Some(run) = &want.lead else { continue };
        r.leads += 1;
        let want_lead = italic_lead(run);
        let have_lead = have.lead.as_deref().map(|l| l.replace('\'', "’"));
        if have_lead.as_deref() == Some(want_lead.as_str()) {
            r.leads_right += 1;
        } else {
            r.mismatches.push(format!(
                "{} lead: want {want_lead:?}, got {have_lead:?}",
                want.id.as_deref().unwrap_or("?")
            ));
            r.lead_misses.push((
                want.starts.replace('\'', "’"),
                want_lead,
                have_lead.unwrap_or_default(),
            ));
        }
    }
    r
}

/// The lead misses that the volumes themselves italicise both ways: some
/// other paragraph opens with the same words and its italic run is the
/// lead found here. A lead cannot match both runs; these are the source's
/// inconsistency, not the importer's.
pub fn italicised_both_ways(misses: &[(String, String, String)], truth: &Volumes) -> usize {
    let runs: Vec<(String, String)> = truth
        .docs
        .values()
        .filter(|d| !d.ocr)
        .flat_map(|d| &d.paragraphs)
        .filter_map(|p| {
            let run = italic_lead(p.lead.as_deref()?);
            Some((p.starts.replace('\'', "’"), run))
        })
        .collect();
    misses
        .iter()
        .filter(|(starts, want, got)| {
            let longer = want.split(' ').count().max(got.split(' ').count());
            let opening = |s: &str| s.split(' ').take(longer).collect::<Vec<_>>().join(" ");
            runs.iter()
                .any(|(s, run)| run == got && opening(s) == opening(starts))
        })
        .count()
}

/// Each letter and digit, counted.
fn letters(text: &str) -> HashMap<char, usize> {
    let mut counts = HashMap::new();
    for c in text.chars().filter(|c| c.is_alphanumeric()) {
        *counts.entry(c).or_insert(0) += 1;
    }
    counts
}

/// Letters and digits of the lines the text's paragraphs, footnotes and
/// frame came from that are nowhere in the model or in the text a warning
/// quotes («…»): the importer may move a character (a marker out of a word)
/// but must not lose one. Lines the head read as metadata and furniture are
/// not counted.
pub fn lost_characters(source: &str, imported: &resdiff::parse::import::Imported) -> usize {
    let metadata: std::collections::BTreeSet<usize> = imported
        .trace
        .iter()
        .filter(|t| t.rule.starts_with("head-") || t.rule.contains("furniture"))
        .map(|t| t.line)
        .collect();
    let kept: String = source
        .split('\n')
        .enumerate()
        .filter(|(i, _)| !metadata.contains(&(i + 1)))
        .map(|(_, l)| l)
        .collect::<Vec<_>>()
        .join("\n");
    let r = &imported.resolution;
    let mut model = String::new();
    let mut push = |t: &str| {
        model.push_str(t);
        model.push('\n');
    };
    fn paragraph(p: &Paragraph, push: &mut dyn FnMut(&str)) {
        if let Some(h) = &p.heading {
            push(h);
        }
        if let Some(n) = &p.number {
            push(n);
        }
        push(&p.text);
        for f in &p.footnotes {
            push(&f.marker);
        }
        for s in &p.subparagraphs {
            paragraph(s, push);
        }
    }
    for p in r.preamble.iter().chain(&r.operative) {
        paragraph(p, &mut push);
    }
    for a in &r.annexes {
        for p in &a.paragraphs {
            paragraph(p, &mut push);
        }
    }
    for f in &r.footnotes {
        push(&f.marker);
        push(&f.text);
    }
    for t in [&r.enacting_formula, &r.meta.meeting, &r.meta.title]
        .into_iter()
        .flatten()
    {
        push(t);
    }
    for w in &imported.warnings {
        let mut rest = w.message.as_str();
        while let Some(open) = rest.find('«') {
            let after = &rest[open + '«'.len_utf8()..];
            let close = after.find('»').unwrap_or(after.len());
            push(&after[..close]);
            rest = &after[close..];
        }
        // Repairs quote the words they joined.
        if w.rule == "clean-line" {
            push(&w.message);
        }
    }
    let have = letters(&model);
    letters(&kept)
        .into_iter()
        .map(|(c, n)| n.saturating_sub(*have.get(&c).unwrap_or(&0)))
        .sum()
}

/// Figures over a set of resolutions.
#[derive(Debug, Default)]
pub struct VolumeTotals {
    pub documents: usize,
    pub counts_right: usize,
    pub leads: usize,
    pub leads_right: usize,
    pub lost: usize,
    pub documents_losing: usize,
    pub errors: usize,
    /// Lead misses the volumes italicise both ways elsewhere.
    pub both_ways: usize,
}

impl VolumeTotals {
    pub fn add(&mut self, r: &VolumeReport) {
        self.documents += 1;
        self.counts_right += usize::from(r.counts_right);
        self.leads += r.leads;
        self.leads_right += r.leads_right;
        self.lost += r.lost;
        self.documents_losing += usize::from(r.lost > 0);
    }

    pub fn summary(&self) -> String {
        let pct = |a: usize, b: usize| {
            if b == 0 {
                100.0
            } else {
                a as f64 * 100.0 / b as f64
            }
        };
        format!(
            "documents with every count right: {}/{} ({:.1}%)\nleads equal to the italics: {}/{} ({:.1}%); of the {} others, {} open as other paragraphs do whose italics match the lead found\nletters and digits lost: {} (in {} documents)\nerrors: {}",
            self.counts_right,
            self.documents,
            pct(self.counts_right, self.documents),
            self.leads_right,
            self.leads,
            pct(self.leads_right, self.leads),
            self.leads - self.leads_right,
            self.both_ways,
            self.lost,
            self.documents_losing,
            self.errors,
        )
    }
}

/// Reads `truth.json` of a directory, if it has one.
pub fn read(dir: &Path) -> Option<Volumes> {
    let text = std::fs::read_to_string(dir.join("truth.json")).ok()?;
    Some(serde_json::from_str(&text).expect("truth.json of the French volumes"))
}

/// Imports one text of the volumes and measures it.
pub fn measure_file(dir: &Path, name: &str, truth: &DocTruth) -> Result<VolumeReport, String> {
    let path = dir.join(format!("{name}.txt"));
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{name}: {e}"))?;
    let meta = resdiff::parse::default_meta(&path);
    let imported =
        resdiff::parse::import::import_text(&text, meta).map_err(|e| format!("{name}: {e}"))?;
    let mut report = measure(truth, &imported.resolution);
    report.lost = lost_characters(&text, &imported);
    if report.lost > 0 {
        report
            .mismatches
            .push(format!("{} letters or digits lost", report.lost));
    }
    Ok(report)
}
