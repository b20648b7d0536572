//! Structure accuracy of resdiff's readers against truth tables written by
//! reading the documents: `cargo run --release --example accuracy --
//! DIR TRUTH.toml…` (what `scripts/accuracy` runs). Each `[[document]]`
//! names a file under DIR; a PDF whose text dump sits beside it (`.txt`)
//! is measured in both forms. `-v` lists every difference.

#[path = "../tests/integration/accuracy.rs"]
mod accuracy;
#[path = "../tests/integration/volumes.rs"]
mod volumes;

use std::path::Path;

fn main() -> std::process::ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "-v");
    args.retain(|a| a != "-v");
    let Some((dir, truths)) = args.split_first() else {
        eprintln!("usage: accuracy [-v] DIR [TRUTH.toml…]");
        return std::process::ExitCode::from(2);
    };
    // A directory with a `truth.json` is one of the French volumes.
    if let Some(volumes) = volumes::read(Path::new(dir)) {
        return measure_volumes(Path::new(dir), &volumes, verbose);
    }
    let mut pdf = accuracy::Totals::default();
    let mut text = accuracy::Totals::default();
    for truth_path in truths {
        let source = std::fs::read_to_string(truth_path).expect("readable truth table");
        let truth: accuracy::Truth = toml::from_str(&source).expect("valid truth table");
        for doc in &truth.document {
            let path = Path::new(dir).join(&doc.file);
            let mut forms = vec![path.clone()];
            if path.extension().is_some_and(|e| e == "pdf") && path.with_extension("txt").is_file()
            {
                forms.push(path.with_extension("txt"));
            }
            for form in forms {
                let totals = if form.extension().is_some_and(|e| e == "pdf") {
                    &mut pdf
                } else {
                    &mut text
                };
                let name = form
                    .strip_prefix(dir)
                    .unwrap_or(&form)
                    .display()
                    .to_string();
                match resdiff::parse::load_file(&form, None) {
                    Ok(loaded) => {
                        let truth = if form == path {
                            doc.clone()
                        } else {
                            accuracy::for_text(doc)
                        };
                        let report = accuracy::measure(&truth, &loaded.resolution);
                        totals.add(&report);
                        let mark = if report.exact() { "exact" } else { "     " };
                        println!("{mark} {name}: {} differences", report.mismatches.len());
                        if verbose {
                            for m in &report.mismatches {
                                println!("        {m}");
                            }
                        }
                    }
                    Err(e) => {
                        totals.add(&accuracy::Report {
                            mismatches: vec![e.to_string()],
                            ..Default::default()
                        });
                        println!("      {name}: error: {e}");
                    }
                }
            }
        }
    }
    println!(
        "\nPDF files\n{}\n\ntext files\n{}",
        pdf.summary(),
        text.summary()
    );
    std::process::ExitCode::SUCCESS
}

/// The French volumes against their `truth.json`: the clean volumes and
/// the OCR'd ones apart.
fn measure_volumes(dir: &Path, truth: &volumes::Volumes, verbose: bool) -> std::process::ExitCode {
    let mut clean = volumes::VolumeTotals::default();
    let mut ocr = volumes::VolumeTotals::default();
    for (name, doc) in &truth.docs {
        let totals = if doc.ocr { &mut ocr } else { &mut clean };
        match volumes::measure_file(dir, name, doc) {
            Ok(report) => {
                totals.add(&report);
                totals.both_ways += volumes::italicised_both_ways(&report.lead_misses, truth);
                let mark = if report.mismatches.is_empty() {
                    "exact"
                } else {
                    "     "
                };
                println!("{mark} {name}: {} differences", report.mismatches.len());
                if verbose {
                    for m in &report.mismatches {
                        println!("        {m}");
                    }
                }
            }
            Err(e) => {
                totals.errors += 1;
                println!("      {name}: error: {e}");
            }
        }
    }
    println!(
        "\nclean volumes\n{}\n\nOCR volumes (1999, 2002)\n{}",
        clean.summary(),
        ocr.summary()
    );
    std::process::ExitCode::SUCCESS
}
