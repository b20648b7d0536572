//! Bounds no real resolution reaches, so that hostile or broken input gets a
//! clear error instead of exhausting the stack, the memory or the user's
//! patience. Each reader applies them where it knows the line; every stage
//! after reading may rely on them (recursion over sub-paragraphs is at most
//! [`MAX_DEPTH`] deep).
//!
//! The largest texts in the corpus are far inside: 3 levels of
//! sub-paragraphs, a few hundred paragraphs, paragraphs of under 2,000
//! words, files of under 1 MB. The bounds are documented in
//! `docs/format.md`.

/// The largest input file read, in bytes (a PDF with its fonts and images
/// included).
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// Levels of sub-paragraphs under a paragraph: (a), then (i), then deeper.
/// Resolutions use two, occasionally three.
pub const MAX_DEPTH: usize = 8;

/// Paragraphs in one document, sub-paragraphs and annexes included.
pub const MAX_PARAGRAPHS: usize = 100_000;

/// The text of one paragraph, in bytes (about 15,000 words).
pub const MAX_PARAGRAPH_BYTES: usize = 100 * 1024;

/// Why a sub-paragraph `depth` levels down (1 for `(a)`) is refused.
pub fn depth_error(depth: usize) -> Option<String> {
    (depth > MAX_DEPTH).then(|| {
        format!("sub-paragraphs nested {depth} levels deep: resdiff reads at most {MAX_DEPTH} levels (a resolution has two or three)")
    })
}

/// Counts the paragraphs of one document as a reader makes them.
#[derive(Debug, Default)]
pub struct Tally {
    paragraphs: usize,
}

impl Tally {
    /// Counts one more paragraph of `text_bytes` bytes; why it is refused,
    /// if it is.
    pub fn paragraph(&mut self, text_bytes: usize) -> Option<String> {
        self.paragraphs += 1;
        if self.paragraphs > MAX_PARAGRAPHS {
            return Some(format!(
                "more than {MAX_PARAGRAPHS} paragraphs: no resolution has that many; is this the right file?"
            ));
        }
        paragraph_size_error(text_bytes)
    }
}

/// Why a paragraph of `text_bytes` bytes is refused, if it is.
pub fn paragraph_size_error(text_bytes: usize) -> Option<String> {
    (text_bytes > MAX_PARAGRAPH_BYTES).then(|| {
        format!(
            "a paragraph of {} KB, more than the {} KB resdiff reads: paragraphs are probably not separated (blank lines, numbers) as the format expects",
            text_bytes.div_ceil(1024),
            MAX_PARAGRAPH_BYTES / 1024
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_up_to_the_bound_passes_and_beyond_it_is_named() {
        assert_eq!(depth_error(MAX_DEPTH), None);
        let message = depth_error(MAX_DEPTH + 1).unwrap();
        assert!(message.contains("9 levels deep"), "{message}");
    }

    #[test]
    fn the_tally_refuses_the_paragraph_past_the_bound() {
        let mut tally = Tally::default();
        for _ in 0..MAX_PARAGRAPHS {
            assert_eq!(tally.paragraph(10), None);
        }
        assert!(tally.paragraph(10).unwrap().contains("more than 100000"));
    }

    #[test]
    fn an_oversized_paragraph_is_refused_with_its_size() {
        assert_eq!(paragraph_size_error(MAX_PARAGRAPH_BYTES), None);
        let message = paragraph_size_error(MAX_PARAGRAPH_BYTES + 1).unwrap();
        assert!(message.contains("101 KB"), "{message}");
    }
}
