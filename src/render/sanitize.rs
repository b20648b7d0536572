//! Neutralising control characters in resolution text before any renderer
//! sees it, so hostile input cannot drive a terminal (ESC sequences, BEL),
//! hide content in HTML and Markdown, or make a redline read in another
//! order (bidirectional overrides, shown as `<U+202E>`).

use std::borrow::Cow;

pub use crate::characters::{is_hostile_control, is_reordering};

/// The replacement shown where a control character was.
pub const REPLACEMENT: char = '\u{FFFD}';

/// `text` with every hostile control character replaced by U+FFFD and
/// every reordering one shown by its code point (`<U+202E>`).
pub fn clean(text: &str) -> Cow<'_, str> {
    // ASCII text is clean unless it has a control other than newline and
    // tab: one pass over bytes, no decoding.
    let clean_ascii =
        |b: &u8| b.is_ascii() && (!b.is_ascii_control() || matches!(b, b'\n' | b'\t'));
    if text.as_bytes().iter().all(clean_ascii)
        || !text
            .chars()
            .any(|c| is_hostile_control(c) || is_reordering(c))
    {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_hostile_control(c) {
            out.push(REPLACEMENT);
        } else if is_reordering(c) {
            out.push_str(&format!("<U+{:04X}>", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_bell_del_and_c1_controls_are_replaced() {
        assert_eq!(
            clean("a\x1b[31mb\x07c\x7fd\u{9b}e"),
            "a\u{FFFD}[31mb\u{FFFD}c\u{FFFD}d\u{FFFD}e"
        );
    }

    #[test]
    fn reordering_controls_are_shown_by_their_code_point() {
        assert_eq!(
            clean("Decides\u{202E}ti esrever"),
            "Decides<U+202E>ti esrever"
        );
        assert_eq!(
            clean("a\u{2066}b\u{2069}c\u{2028}d"),
            "a<U+2066>b<U+2069>c<U+2028>d"
        );
    }

    #[test]
    fn newline_tab_and_ordinary_text_are_kept_without_copying() {
        let text = "Requests the Secretary-General\tto report,\n“Kanal” 2021–2025";
        assert!(matches!(clean(text), Cow::Borrowed(t) if t == text));
    }
}
