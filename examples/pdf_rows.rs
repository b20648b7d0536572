//! Prints the rows resdiff reads from a PDF, with position, size and faces:
//! `cargo run --example pdf_rows -- FILE.pdf`.
fn main() {
    let path = std::env::args().nth(1).expect("a PDF path");
    let bytes = std::fs::read(&path).expect("readable file");
    match resdiff::parse::pdf::pages(&bytes) {
        Ok(pages) => {
            for (n, (page, rows)) in pages.iter().enumerate() {
                println!(
                    "== page {} ({} x {}), rules {:?}",
                    n + 1,
                    page.width,
                    page.height,
                    page.rules
                );
                for row in rows {
                    let mut text = String::new();
                    let mut state = (false, false);
                    for c in &row.chars {
                        let now = (c.italic, c.superscript);
                        if now != state {
                            if state.0 {
                                text.push('_');
                            }
                            if state.1 {
                                text.push('}');
                            }
                            if now.1 {
                                text.push('{');
                            }
                            if now.0 {
                                text.push('_');
                            }
                            state = now;
                        }
                        text.push(c.ch);
                    }
                    println!(
                        "{:6.1} {:6.1} {:6.1} {:5.1}{} {}",
                        row.y,
                        row.x,
                        row.right,
                        row.size,
                        if row.is_bold() { "B" } else { " " },
                        text
                    );
                }
            }
        }
        Err(e) => eprintln!("error: {e}"),
    }
    if let Ok(layout) = resdiff::parse::pdf::read(&bytes) {
        println!("== logical lines");
        for line in &layout.lines {
            println!(
                "p{} {}[{}] {}",
                line.page,
                if line.bold { "B " } else { "" },
                line.lead.as_deref().unwrap_or("-"),
                line.text.replace('\u{E000}', "{").replace('\u{E001}', "}")
            );
        }
        for f in &layout.footnotes {
            println!("footnote p{} [{}] {}", f.0, f.1, f.2);
        }
        for f in &layout.furniture {
            println!("furniture p{} {}", f.0, f.1);
        }
    }
}
