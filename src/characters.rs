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

/// `text` with its typographic variants made plain, so two texts that
/// differ only in how they were typeset compare equal: non-breaking and
/// soft hyphens, dash variants, curly quotes and apostrophes, no-break and
/// thin spaces, and the ligatures PDFs leave in (ﬁ, ﬂ …).
pub fn typographic_key(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(|c| plain(c).is_some()) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match plain(c) {
            Some(plain) => out.push_str(plain),
            None => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The plain form of a typeset character, or `None` when it is plain.
fn plain(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{00AD}' => "",
        '\u{2010}'..='\u{2015}' | '\u{2212}' => "-",
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' => "'",
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' => "\"",
        // Guillemets, as French (and Russian) quote.
        '«' | '»' => "\"",
        '‹' | '›' => "'",
        '\u{00A0}' | '\u{2002}'..='\u{200A}' | '\u{202F}' => " ",
        '\u{FB00}' => "ff",
        '\u{FB01}' => "fi",
        '\u{FB02}' => "fl",
        '\u{FB03}' => "ffi",
        '\u{FB04}' => "ffl",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typeset_variants_have_one_key() {
        assert_eq!(
            typographic_key("Secretary\u{2011}General"),
            "Secretary-General"
        );
        assert_eq!(
            typographic_key("Member States\u{2019} co\u{00AD}operation"),
            "Member States' cooperation"
        );
        assert_eq!(
            typographic_key("\u{201C}Kanal\u{201D} 2021\u{2013}2025"),
            "\"Kanal\" 2021-2025"
        );
        assert_eq!(typographic_key("\u{FB01}nal\u{00A0}report"), "final report");
        assert_eq!(typographic_key("plain"), "plain");
    }
}
