//! Markdown made literal, for the canonical format and the Markdown
//! reports alike: one escaper, so a text that reads back exactly from a
//! canonical file shows literally in a pull-request comment too.

/// `text` with every inline Markdown special backslash-escaped (emphasis,
/// code, links and images, HTML, entities, tables, strikethrough, GitHub
/// math, headings) and line breaks and tabs made spaces, so a value never
/// leaves its line, table cell or list item.
pub fn escape_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '~' | '!' | '|' | '$' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// `line` with what would open a block at its start made literal: a
/// heading, list item (`- `, `+ `, `* `, `2016. `, `3) `), quote, thematic
/// break, setext underline or footnote definition.
pub fn escape_block_start(line: &str) -> String {
    let body = line.trim_start();
    let lead = line.len() - body.len();
    let at = match body.chars().next() {
        Some('#' | '-' | '+' | '=' | '>' | '*' | '_' | ':') => Some(lead),
        Some(c) if c.is_ascii_digit() => {
            let digits = body.chars().take_while(char::is_ascii_digit).count();
            matches!(body[digits..].chars().next(), Some('.' | ')')).then_some(lead + digits)
        }
        _ => None,
    };
    match at {
        Some(at) => format!("{}\\{}", &line[..at], &line[at..]),
        None => line.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_specials_are_backslash_escaped() {
        assert_eq!(
            escape_inline("a *b* _c_ `d` [e](javascript:x) ![i] <f> g|h ~i~ & $j$ #k"),
            r"a \*b\* \_c\_ \`d\` \[e\](javascript:x) \!\[i\] \<f\> g\|h \~i\~ \& \$j\$ \#k"
        );
        assert_eq!(escape_inline("a\nb\tc"), "a b c");
    }

    #[test]
    fn block_starts_are_escaped_only_at_the_start() {
        assert_eq!(escape_block_start("- item"), r"\- item");
        assert_eq!(escape_block_start("  + item"), r"  \+ item");
        assert_eq!(escape_block_start("12. item"), r"12\. item");
        assert_eq!(escape_block_start("3) item"), r"3\) item");
        assert_eq!(escape_block_start(": defined"), r"\: defined");
        assert_eq!(
            escape_block_start("2021 report, item 4."),
            "2021 report, item 4."
        );
    }
}
