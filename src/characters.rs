//! Characters that need care wherever text is shown: controls that drive a
//! terminal, and the invisible marks that reorder or break what a reader
//! sees. The importer removes them from what it reads; the reports show
//! what is left of them.

/// True for characters a report must not pass through: C0 controls other
/// than newline and tab (ESC included), DEL, and C1 controls (whose 0x9B is
/// a one-byte CSI on some terminals).
pub fn is_hostile_control(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || ('\u{80}'..='\u{9f}').contains(&c)
}

/// Bidirectional embeddings, overrides, isolates and marks, and the line
/// and paragraph separators: invisible, they reorder or break what a
/// reader sees.
pub fn is_reordering(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}')
}
