//! Neutralising control characters in resolution text before any renderer
//! sees it, so hostile input cannot drive a terminal (ESC sequences, BEL)
//! or hide content in HTML and Markdown.

use std::borrow::Cow;

/// The replacement shown where a control character was.
pub const REPLACEMENT: char = '\u{FFFD}';

/// True for characters a report must not pass through: C0 controls other
/// than newline and tab (ESC included), DEL, and C1 controls (whose 0x9B is
/// a one-byte CSI on some terminals).
pub fn is_hostile_control(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || ('\u{80}'..='\u{9f}').contains(&c)
}

/// `text` with every hostile control character replaced by U+FFFD.
pub fn clean(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_hostile_control) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| {
                if is_hostile_control(c) {
                    REPLACEMENT
                } else {
                    c
                }
            })
            .collect(),
    )
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
    fn newline_tab_and_ordinary_text_are_kept_without_copying() {
        let text = "Requests the Secretary-General\tto report,\n“Kanal” 2021–2025";
        assert!(matches!(clean(text), Cow::Borrowed(t) if t == text));
    }
}
