//! Every corpus document against the truth table written by reading it
//! (`tests/truth/`): each PDF must come out exactly right but for the gaps
//! named here, and the text dumps must not fall below the figures they
//! reach today (`scripts/accuracy` prints the same figures).

use crate::accuracy::{Totals, Truth, measure};
use crate::common::{assert_success, project_root, resdiff, shared_corpus};

fn truths() -> Vec<crate::accuracy::DocumentTruth> {
    ["ga.toml", "sc.toml"]
        .iter()
        .flat_map(|name| {
            let path = project_root().join("tests/truth").join(name);
            let text = std::fs::read_to_string(&path).expect("truth table");
            let truth: Truth =
                toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            truth.document
        })
        .collect()
}

/// What a PDF still gets wrong, by document: each difference must start
/// with one of these.
const KNOWN_GAPS: &[(&str, &[&str])] = &[
    // "UNISPACE+50,1" in PP22: the marker is printed at the text's size,
    // so nothing in the typography says it is one.
    ("ga/A_RES_73_6.pdf", &["footnotes"]),
];

#[cfg_attr(corpus_missing, ignore = "needs ../shared/corpus")]
#[test]
fn every_pdf_matches_its_truth() {
    let Some(corpus) = shared_corpus() else {
        return;
    };
    let mut failures = Vec::new();
    let mut checked = 0;
    for doc in truths().iter().filter(|d| d.file.ends_with(".pdf")) {
        let loaded = resdiff::parse::load_file(&corpus.join(&doc.file), None)
            .unwrap_or_else(|e| panic!("{}: {e}", doc.file));
        let report = measure(doc, &loaded.resolution);
        // In a PDF every footnote has its text at a page foot.
        for (marker, _) in &doc.footnotes {
            let text = loaded
                .resolution
                .footnotes
                .iter()
                .find(|f| &f.marker == marker);
            if text.is_none_or(|f| f.text.trim().is_empty() || f.text.split(' ').count() > 60) {
                failures.push(format!(
                    "{}: footnote {marker} has no text of its own: {text:?}",
                    doc.file
                ));
            }
        }
        let allowed = KNOWN_GAPS
            .iter()
            .find(|(file, _)| *file == doc.file)
            .map_or(&[][..], |(_, gaps)| *gaps);
        for m in &report.mismatches {
            if !allowed.iter().any(|gap| m.starts_with(gap)) {
                failures.push(format!("{}: {m}", doc.file));
            }
        }
        checked += 1;
    }
    assert_eq!(checked, 23, "every corpus PDF has a row");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[cfg_attr(corpus_missing, ignore = "needs ../shared/corpus")]
#[test]
fn text_dumps_keep_their_accuracy() {
    let Some(corpus) = shared_corpus() else {
        return;
    };
    let mut totals = Totals::default();
    for doc in truths() {
        let path = corpus.join(&doc.file).with_extension("txt");
        if !path.is_file() {
            continue;
        }
        let loaded = resdiff::parse::load_file(&path, None)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let truth = if doc.file.ends_with(".pdf") {
            crate::accuracy::for_text(&doc)
        } else {
            doc.clone()
        };
        totals.add(&measure(&truth, &loaded.resolution));
    }
    eprintln!("{}", totals.summary());
    assert_eq!(totals.documents, 47);
    assert_eq!(totals.furniture_leaked, 0);
    assert!(totals.exact >= 20, "{}", totals.summary());
    // Floors: what the text importer reaches now; raise them as it improves.
    assert!(totals.boundaries_right >= 1175, "{}", totals.summary());
    assert!(totals.leads_right >= 1117, "{}", totals.summary());
    assert!(totals.subparagraphs_right >= 80, "{}", totals.summary());
}

#[cfg_attr(corpus_missing, ignore = "needs ../shared/corpus")]
#[test]
fn the_cuba_resolution_pdf_gives_its_head_and_structure() {
    let Some(corpus) = shared_corpus() else {
        return;
    };
    let output = resdiff()
        .args(["show", "--format", "json"])
        .arg(corpus.join("ga/A_RES_73_8.pdf"))
        .output()
        .expect("runs");
    assert_success(&output);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    let meta = &json["meta"];
    assert_eq!(meta["symbol"], "A/RES/73/8");
    assert_eq!(meta["session"], 73);
    assert_eq!(meta["status"], "adopted");
    assert_eq!(meta["agenda_item"], "43");
    assert_eq!(meta["date"], "2018-11-01");
    assert_eq!(meta["number"], "73/8");
    assert_eq!(meta["meeting"], "30th plenary meeting 1 November 2018");
    assert_eq!(
        meta["title"],
        "Necessity of ending the economic, commercial and financial embargo imposed by the United States of America against Cuba"
    );
    let leads = |part: &str| -> Vec<String> {
        json[part]
            .as_array()
            .expect("part")
            .iter()
            .map(|p| p["lead"].as_str().unwrap_or_default().to_string())
            .collect()
    };
    assert_eq!(
        leads("preamble"),
        [
            "Determined",
            "Reaffirming",
            "Recalling",
            "Concerned",
            "Taking note",
            "Recalling",
            "Recalling also",
            "Concerned"
        ]
    );
    assert_eq!(
        leads("operative"),
        [
            "Takes note",
            "Reiterates its call upon",
            "Once again urges",
            "Requests",
            "Decides"
        ]
    );
    assert_eq!(json["operative"][0]["footnotes"][0]["marker"], "1");
    assert_eq!(json["footnotes"][0]["text"], "A/73/85.");
    let all = String::from_utf8_lossy(&output.stdout).to_string();
    for furniture in ["18-18418", "2/2", "plenary meeting\",", "*1818418*"] {
        let in_paragraphs = json["preamble"]
            .as_array()
            .into_iter()
            .chain(json["operative"].as_array())
            .flatten()
            .any(|p| p["text"].as_str().is_some_and(|t| t.contains(furniture)));
        assert!(!in_paragraphs, "{furniture} leaked into a paragraph: {all}");
    }
}

#[cfg_attr(corpus_missing, ignore = "needs ../shared/corpus")]
#[test]
fn a_damaged_or_empty_pdf_is_one_clear_error() {
    let Some(corpus) = shared_corpus() else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let whole = std::fs::read(corpus.join("sc/S_2018_95.pdf")).expect("pdf");
    let cut = dir.path().join("cut.pdf");
    std::fs::write(&cut, &whole[..whole.len() / 3]).expect("write");
    let empty = dir.path().join("empty.pdf");
    std::fs::write(&empty, b"%PDF-1.7\n%%EOF\n").expect("write");
    for path in [cut, empty] {
        let output = resdiff().arg("show").arg(&path).output().expect("runs");
        assert_eq!(output.status.code(), Some(2), "{}", path.display());
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(&path.display().to_string()), "{stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(output.stdout.is_empty());
    }
}

/// Letters and digits of `text`, added with `sign`.
fn tally(text: &str, counts: &mut std::collections::BTreeMap<char, i64>, sign: i64) {
    for c in text.chars().filter(|c| c.is_alphanumeric()) {
        *counts.entry(c).or_insert(0) += sign;
    }
}

fn tally_paragraph(
    p: &resdiff::model::Paragraph,
    counts: &mut std::collections::BTreeMap<char, i64>,
) {
    for piece in [Some(&p.text), p.heading.as_ref(), p.number.as_ref()]
        .into_iter()
        .flatten()
    {
        tally(piece, counts, -1);
    }
    for f in &p.footnotes {
        tally(&f.marker, counts, -1);
    }
    for sub in &p.subparagraphs {
        tally_paragraph(sub, counts);
    }
}

/// Every letter and digit the PDF layout read from the text (from the
/// enacting formula on) and from its footnotes reaches the model: a
/// paragraph, heading, annex name, footnote, or the closing meeting line.
#[cfg_attr(corpus_missing, ignore = "needs ../shared/corpus")]
#[test]
fn no_character_of_a_pdf_body_is_lost() {
    let Some(corpus) = shared_corpus() else {
        return;
    };
    for doc in truths().iter().filter(|d| d.file.ends_with(".pdf")) {
        let bytes = std::fs::read(corpus.join(&doc.file)).expect("pdf");
        let layout = resdiff::parse::pdf::read(&bytes).expect("layout");
        let meta = resdiff::parse::default_meta(&corpus.join(&doc.file));
        let r = resdiff::parse::import::import_layout(&layout, meta)
            .expect("imports")
            .resolution;
        let mut counts = std::collections::BTreeMap::new();
        let formula = layout
            .lines
            .iter()
            .position(|l| Some(l.text.trim()) == r.enacting_formula.as_deref().map(str::trim))
            .unwrap_or(0);
        for line in &layout.lines[formula..] {
            tally(&line.text, &mut counts, 1);
        }
        for (_, marker, text) in &layout.footnotes {
            tally(marker, &mut counts, 1);
            tally(text, &mut counts, 1);
        }
        for piece in [r.enacting_formula.as_ref(), r.meta.meeting.as_ref()]
            .into_iter()
            .flatten()
        {
            tally(piece, &mut counts, -1);
        }
        for p in r.preamble.iter().chain(&r.operative) {
            tally_paragraph(p, &mut counts);
        }
        for annex in &r.annexes {
            for name in annex.label.iter().chain(&annex.title) {
                tally(name, &mut counts, -1);
            }
            for p in &annex.paragraphs {
                tally_paragraph(p, &mut counts);
            }
        }
        for f in &r.footnotes {
            tally(&f.marker, &mut counts, -1);
            tally(&f.text, &mut counts, -1);
        }
        let unbalanced: Vec<(char, i64)> = counts.into_iter().filter(|(_, n)| *n != 0).collect();
        assert!(
            unbalanced.is_empty(),
            "{}: lost (+) or invented (-): {unbalanced:?}",
            doc.file
        );
    }
}

/// Whether a program runs here.
fn available(program: &str) -> bool {
    std::process::Command::new(program)
        .arg("-v")
        .output()
        .is_ok()
}

/// What people hold besides the PDF: the text `pdftotext` (poppler) makes
/// of it, with `-layout` and without. Every corpus PDF is converted and
/// read against the same truth; the figures may only go up.
#[cfg_attr(corpus_missing, ignore = "needs ../shared/corpus")]
#[test]
fn pdftotext_dumps_keep_their_accuracy() {
    let Some(corpus) = shared_corpus() else {
        return;
    };
    if !available("pdftotext") {
        assert!(
            std::env::var_os("RESDIFF_REQUIRE_PDFTOTEXT").is_none_or(|v| v != "1"),
            "RESDIFF_REQUIRE_PDFTOTEXT=1 but pdftotext is not installed"
        );
        eprintln!("skipped: pdftotext (poppler-utils) is not installed");
        return;
    }
    for flags in [&["-layout"][..], &[][..]] {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut totals = Totals::default();
        for doc in truths().iter().filter(|d| d.file.ends_with(".pdf")) {
            let pdf = corpus.join(&doc.file);
            let stem = pdf.file_stem().expect("file name");
            let txt = dir.path().join(stem).with_extension("txt");
            let status = std::process::Command::new("pdftotext")
                .args(flags)
                .arg(&pdf)
                .arg(&txt)
                .status()
                .expect("pdftotext runs");
            assert!(status.success(), "pdftotext {}", pdf.display());
            std::fs::copy(pdf.with_extension("json"), txt.with_extension("json")).expect("sidecar");
            let loaded = resdiff::parse::load_file(&txt, None)
                .unwrap_or_else(|e| panic!("{}: {e}", txt.display()));
            totals.add(&measure(doc, &loaded.resolution));
        }
        eprintln!("pdftotext {flags:?}\n{}", totals.summary());
        assert_eq!(totals.documents, 23);
        assert_eq!(totals.furniture_leaked, 0, "{}", totals.summary());
        assert!(totals.exact >= 10, "{}", totals.summary());
        assert!(totals.boundaries_right >= 635, "{}", totals.summary());
        assert!(totals.subparagraphs_right >= 57, "{}", totals.summary());
    }
}

/// A one-page PDF with `content` as its page's content stream.
fn pdf_with_content(content: &[u8]) -> Vec<u8> {
    use lopdf::{Document, Object, Stream, dictionary};
    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let content_id = doc.add_object(Stream::new(dictionary! {}, content.to_vec()));
    let page_id = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages_id,
        "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
        "Contents" => content_id,
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => vec![page_id.into()],
            "Count" => 1,
        }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).expect("pdf written");
    bytes
}

/// A scan (a page that only paints, no text) says so; it is not read as
/// an empty resolution.
#[test]
fn a_pdf_without_a_text_layer_is_one_clear_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let scan = dir.path().join("scan.pdf");
    std::fs::write(&scan, pdf_with_content(b"0 0 612 792 re f")).expect("write");
    let output = resdiff().arg("show").arg(&scan).output().expect("runs");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("no text layer"), "{stderr}");
    assert!(output.stdout.is_empty());
}

/// The French volumes against `truth.json`: the figures `scripts/accuracy
/// ../shared/corpus/fr` prints, kept as floors.
#[cfg_attr(corpus_missing, ignore = "needs ../shared/corpus")]
#[test]
fn the_french_volumes_keep_their_accuracy() {
    let Some(corpus) = shared_corpus() else {
        return;
    };
    let dir = corpus.join("fr");
    let truth = crate::volumes::read(&dir).expect("fr/truth.json");
    let mut clean = crate::volumes::VolumeTotals::default();
    let mut ocr = crate::volumes::VolumeTotals::default();
    for (name, doc) in &truth.docs {
        let report =
            crate::volumes::measure_file(&dir, name, doc).unwrap_or_else(|e| panic!("{e}"));
        if doc.ocr { &mut ocr } else { &mut clean }.add(&report);
    }
    eprintln!("clean\n{}\nOCR\n{}", clean.summary(), ocr.summary());
    assert_eq!((clean.documents, ocr.documents), (261, 67));
    // The clean volumes: every count right, no letter lost.
    assert_eq!(clean.counts_right, 261, "{}", clean.summary());
    assert_eq!(clean.lost, 0, "{}", clean.summary());
    assert!(clean.leads_right >= 5165, "{}", clean.summary());
    // The OCR'd volume: no letter lost either.
    assert_eq!(ocr.lost, 0, "{}", ocr.summary());
    assert!(ocr.counts_right >= 60, "{}", ocr.summary());
}

/// `show --format json` of a French resolution of the volumes: its
/// language, symbol, date, body and status, its preamble with the leads
/// the volume italicises, its operative verbs and its adoption line.
#[cfg_attr(corpus_missing, ignore = "needs ../shared/corpus")]
#[test]
fn a_french_resolution_shows_its_structure() {
    let Some(corpus) = shared_corpus() else {
        return;
    };
    let output = resdiff()
        .args(["show", "--format", "json"])
        .arg(corpus.join("fr/S_RES_1541_2004-fr.txt"))
        .output()
        .expect("runs");
    assert_success(&output);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    let meta = &json["meta"];
    assert_eq!(meta["language"], "fr");
    assert_eq!(meta["symbol"], "S/RES/1541 (2004)");
    assert_eq!(meta["date"], "2004-04-29");
    assert_eq!(meta["body"], "Security Council");
    assert_eq!(meta["status"], "adopted");
    assert_eq!(meta["meeting"], "Adoptée à l’unanimité à la 4957e séance.");
    assert_eq!(json["enacting_formula"], "Le Conseil de sécurité,");
    let leads = |part: &str| -> Vec<String> {
        json[part]
            .as_array()
            .expect("a part")
            .iter()
            .map(|p| p["lead"].as_str().unwrap_or("").to_string())
            .collect()
    };
    assert_eq!(
        leads("preamble"),
        ["Rappelant", "Réaffirmant sa volonté", "Ayant examiné"]
    );
    assert_eq!(
        leads("operative"),
        [
            "Réaffirme son soutien",
            "Réaffirme son soutien énergique",
            "Demande",
            "Décide",
            "Prie",
            "Décide"
        ]
    );
    // Notes 52 and 53, numbered through the volume, marked where they were.
    assert_eq!(json["preamble"][2]["footnotes"][0]["marker"], "52");
    assert_eq!(json["operative"][0]["footnotes"][0]["marker"], "53");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("no marker for footnote"), "{stderr}");
}
