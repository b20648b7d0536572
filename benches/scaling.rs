//! The input shapes that once cost time growing with the square of their
//! size, each at n and 4n: linear work takes about four times as long at
//! 4n, quadratic sixteen. The unit tests count the work of the same shapes
//! (`crate::work`); this measures the time.
//!
//! - many paragraphs against a few (alignment placing the removed ones),
//! - footnote markers that only the end of the file closes (the canonical
//!   reader's marker scan),
//! - lines glued onto one ever longer last paragraph (the importer).
//!
//! The texts are generated: they exercise structure, not wording.
//!
//! Run: `cargo bench --bench scaling`.

use std::path::Path;

use divan::Bencher;
use resdiff::align::align_texts;
use resdiff::canonical;
use resdiff::model::{Body, Meta};
use resdiff::parse::import::import_text;

fn main() {
    divan::main();
}

const FRONT_MATTER: &str = "+++\nbody = \"General Assembly\"\nsession = 80\nseries = \"bench\"\nstatus = \"draft\"\n+++\n\n_The General Assembly_,\n\n_Recalling_ its resolution,\n\n";

/// Old versions of `n` paragraphs compared with new versions of 10.
#[divan::bench(args = [16_000, 64_000], sample_count = 10)]
fn align_many_against_ten(bencher: Bencher, n: usize) {
    let old: Vec<String> = (0..n)
        .map(|i| format!("Requests the thing number {i} of many"))
        .collect();
    bencher.bench(|| align_texts(&old, &old[..10]));
}

/// `n` footnote markers `[^`, fifty to a paragraph, closed by one `]` at
/// the end of the file.
#[divan::bench(args = [100_000, 400_000], sample_count = 10)]
fn canonical_unclosed_markers(bencher: Bencher, n: usize) {
    let mut text = String::from(FRONT_MATTER);
    for i in 1..=n / 50 {
        text.push_str(&format!("{i}. _Decides_ x {}\n", "[^".repeat(50)));
    }
    text.push_str("]\n");
    bencher.bench(|| canonical::read(&text, Path::new("bench.md")));
}

/// `n` operative paragraphs, then `n` lines the importer adds to the last.
#[divan::bench(args = [16_000, 64_000], sample_count = 10)]
fn import_long_last_paragraph(bencher: Bencher, n: usize) {
    let mut text = String::from("The General Assembly,\n\nRecalling its resolution,\n\n");
    for i in 1..=n {
        text.push_str(&format!("{i}. Requests the thing {i};{i}\n\n"));
    }
    for i in 1..=n {
        text.push_str(&format!("{i} x\n"));
    }
    let meta = Meta::new(Body::GeneralAssembly, "bench", None);
    bencher.bench(|| import_text(&text, meta.clone()));
}
