//! Custom askama filters: Markdown escaping for the `.md` templates and
//! ANSI styling (or plain `[-…-]`/`{+…+}` markers) for the terminal
//! template. Every filter also neutralises control characters, so a value
//! that skipped the view's cleaning still cannot reach the output raw.
//! HTML needs none of these: askama's own escaping covers it.

use std::fmt::Display;

use anstyle::{AnsiColor, Color, Style};
use askama::{Result, Values};

use super::sanitize::clean;

/// `text` with Markdown (GitHub-flavoured) syntax made literal: inline
/// specials backslash-escaped everywhere, block markers at the start
/// escaped, newlines folded into spaces so a value never leaves its line,
/// table cell or list item.
pub fn escape_markdown(text: &str) -> String {
    let text = clean(text);
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => out.push(' '),
            // Emphasis, code, links, HTML, tables, strikethrough, entities,
            // GitHub math, headings and quotes.
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '$' | '#' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    escape_block_start(out)
}

/// A value that begins like a list item or setext underline (`- `, `+ `,
/// `= `, `1. `, `2) `) would start a block wherever it opens a line.
fn escape_block_start(text: String) -> String {
    let body = text.trim_start();
    let lead = text.len() - body.len();
    let digits = body.chars().take_while(|c| c.is_ascii_digit()).count();
    let marker_at = match body[digits..].chars().next() {
        Some('.' | ')') if digits > 0 => Some(lead + digits),
        Some('-' | '+' | '=') if digits == 0 => Some(lead),
        _ => None,
    };
    match marker_at {
        Some(at) => {
            let mut out = text;
            out.insert(at, '\\');
            out
        }
        None => text,
    }
}

/// Terminal styles (anstyle renders them as ANSI escapes).
const RED_STRUCK: Style = Style::new()
    .fg_color(Some(Color::Ansi(AnsiColor::Red)))
    .strikethrough();
const GREEN_UNDERLINED: Style = Style::new()
    .fg_color(Some(Color::Ansi(AnsiColor::Green)))
    .underline();
const BOLD: Style = Style::new().bold();
const YELLOW: Style = Style::new().fg_color(Some(Color::Ansi(AnsiColor::Yellow)));
const DIM: Style = Style::new().dimmed();

fn styled(text: &str, style: Style, color: bool) -> String {
    let text = clean(text);
    if color && !text.is_empty() {
        format!("{style}{text}{style:#}")
    } else {
        text.into_owned()
    }
}

/// Escapes Markdown specials: `{{ text|md }}`.
#[askama::filter_fn]
pub fn md<T: Display>(value: T, _: &dyn Values) -> Result<String> {
    Ok(escape_markdown(&value.to_string()))
}

/// Deleted text: red and struck through, or `[-text-]`.
#[askama::filter_fn]
pub fn del<T: Display>(value: T, _: &dyn Values, color: &bool) -> Result<String> {
    let text = value.to_string();
    Ok(if *color {
        styled(&text, RED_STRUCK, true)
    } else {
        format!("[-{}-]", clean(&text))
    })
}

/// Inserted text: green and underlined, or `{+text+}`.
#[askama::filter_fn]
pub fn ins<T: Display>(value: T, _: &dyn Values, color: &bool) -> Result<String> {
    let text = value.to_string();
    Ok(if *color {
        styled(&text, GREEN_UNDERLINED, true)
    } else {
        format!("{{+{}+}}", clean(&text))
    })
}

/// Headings and labels: bold.
#[askama::filter_fn]
pub fn strong<T: Display>(value: T, _: &dyn Values, color: &bool) -> Result<String> {
    Ok(styled(&value.to_string(), BOLD, *color))
}

/// Drafting notes (lead changes, moves, routine updates): yellow.
#[askama::filter_fn]
pub fn note<T: Display>(value: T, _: &dyn Values, color: &bool) -> Result<String> {
    Ok(styled(&value.to_string(), YELLOW, *color))
}

/// Unchanged context: dim.
#[askama::filter_fn]
pub fn faint<T: Display>(value: T, _: &dyn Values, color: &bool) -> Result<String> {
    Ok(styled(&value.to_string(), DIM, *color))
}

/// Plain text with control characters neutralised.
#[askama::filter_fn]
pub fn plain<T: Display>(value: T, _: &dyn Values) -> Result<String> {
    Ok(clean(&value.to_string()).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_specials_are_backslash_escaped() {
        assert_eq!(
            escape_markdown("a *b* _c_ `d` [e](javascript:x) <f> g|h ~i~ & $j$ #k"),
            r"a \*b\* \_c\_ \`d\` \[e\](javascript:x) \<f\> g\|h \~i\~ \& \$j\$ \#k"
        );
    }

    #[test]
    fn markdown_block_starts_are_escaped_only_at_the_start() {
        assert_eq!(escape_markdown("- item"), r"\- item");
        assert_eq!(escape_markdown("  + item"), r"  \+ item");
        assert_eq!(escape_markdown("12. item"), r"12\. item");
        assert_eq!(escape_markdown("3) item"), r"3\) item");
        assert_eq!(escape_markdown("# heading"), r"\# heading");
        assert_eq!(
            escape_markdown("Secretary-General 2021–2025, item 4."),
            "Secretary-General 2021–2025, item 4."
        );
        assert_eq!(escape_markdown("2021 report"), "2021 report");
    }

    #[test]
    fn markdown_keeps_values_on_one_line_and_drops_controls() {
        assert_eq!(
            escape_markdown("a\nb\x1b[31mc\x07"),
            "a b\u{FFFD}\\[31mc\u{FFFD}"
        );
    }

    #[test]
    fn terminal_styles_wrap_in_sgr_or_fall_back_to_word_diff_markers() {
        assert_eq!(
            styled("Urges", GREEN_UNDERLINED, true),
            "\x1b[4m\x1b[32mUrges\x1b[0m"
        );
        assert_eq!(styled("Urges", GREEN_UNDERLINED, false), "Urges");
        assert_eq!(styled("", BOLD, true), "");
        assert_eq!(styled("a\x1b[2Jb", BOLD, false), "a\u{FFFD}[2Jb");
    }
}
