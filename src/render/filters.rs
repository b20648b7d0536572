//! Custom askama filters: Markdown escaping for the `.md` templates and
//! ANSI styling (or plain `[-…-]`/`{+…+}` markers) for the terminal
//! template. Every filter also neutralises control characters, so a value
//! that skipped the view's cleaning still cannot reach the output raw.
//! HTML needs none of these: askama's own escaping covers it.

use std::fmt::Display;

use anstyle::{AnsiColor, Color, Style};
use askama::{Result, Values};

use super::messages::{Messages, fill};
use super::sanitize::clean;
use crate::lexicon::Direction;
use crate::markdown::{escape_block_start, escape_inline};

/// `text` with Markdown (GitHub-flavoured) syntax made literal, control
/// characters neutralised first: the canonical format's escaper.
pub fn escape_markdown(text: &str) -> String {
    escape_block_start(&escape_inline(&clean(text)))
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

/// How a report words a lead change, in the reader's language:
/// `{{ lead.direction|strength(r.ui) }}`.
#[askama::filter_fn]
pub fn strength(direction: &Direction, _: &dyn Values, ui: &Messages) -> Result<&'static str> {
    Ok(ui.direction(*direction))
}

/// The CSS class of a lead change, the same in every language:
/// `lead-{{ lead.direction|direction_class }}`.
#[askama::filter_fn]
pub fn direction_class(direction: &Direction, _: &dyn Values) -> Result<&'static str> {
    Ok(match direction {
        Direction::Stronger => "strengthened",
        Direction::Weaker => "weakened",
        Direction::Neutral => "changed",
    })
}

/// A catalogue message with its one placeholder filled:
/// `{{ r.ui.similarity|with("value", c.similarity) }}`. The result is
/// plain text; the template's escaping still applies to it.
#[askama::filter_fn]
pub fn with<T: Display, V: Display>(
    template: T,
    _: &dyn Values,
    name: &str,
    value: V,
) -> Result<String> {
    Ok(fill(&template.to_string(), &[(name, &value)]))
}

/// `value` padded with spaces to `width` characters, on the right:
/// `{{ row.name|left(self.name_width()) }}` (a column of the terminal
/// view, whose headings change length with the language).
#[askama::filter_fn]
pub fn left<T: Display>(value: T, _: &dyn Values, width: usize) -> Result<String> {
    let text = clean(&value.to_string()).into_owned();
    let pad = width.saturating_sub(text.chars().count());
    Ok(text + &" ".repeat(pad))
}

/// `value` padded with spaces to `width` characters, on the left.
#[askama::filter_fn]
pub fn right<T: Display>(value: T, _: &dyn Values, width: usize) -> Result<String> {
    let text = clean(&value.to_string()).into_owned();
    let pad = width.saturating_sub(text.chars().count());
    Ok(" ".repeat(pad) + &text)
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
