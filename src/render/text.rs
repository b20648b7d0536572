//! The terminal view from `templates/text/`: a word-diff redline with the
//! summary on top. Styling is done by filters, ANSI or plain.

use askama::Template;

use super::filters;
use super::view::{ChangeView, Entry, Report};

#[derive(Template)]
#[template(path = "text/report.txt")]
struct ReportText<'a> {
    r: &'a Report,
    color: bool,
}

impl ReportText<'_> {
    fn paragraph<'b>(&self, c: &'b ChangeView) -> ParagraphText<'b> {
        ParagraphText {
            c,
            color: self.color,
        }
    }
}

#[derive(Template)]
#[template(path = "text/paragraph.txt")]
struct ParagraphText<'a> {
    c: &'a ChangeView,
    color: bool,
}

impl ParagraphText<'_> {
    fn sub<'b>(&self, c: &'b ChangeView) -> ParagraphText<'b> {
        ParagraphText {
            c,
            color: self.color,
        }
    }
    fn indent(&self) -> String {
        "    ".repeat(self.c.depth)
    }
}

pub fn render(report: &Report, color: bool) -> askama::Result<String> {
    ReportText { r: report, color }.render()
}

/// The terminal view wrapped to `width` columns: each long line broken
/// between words, its continuation lines indented like the line itself, so
/// a redline stays readable in a narrow terminal. Colour escapes take no
/// width.
pub fn wrap(view: &str, width: usize) -> String {
    let mut out = String::with_capacity(view.len() + view.len() / 40);
    for line in view.split_inclusive('\n') {
        let (body, newline) = match line.strip_suffix('\n') {
            Some(body) => (body, "\n"),
            None => (line, ""),
        };
        if textwrap::core::display_width(body) <= width {
            out.push_str(line);
            continue;
        }
        let indent = " ".repeat(continuation_column(body));
        let options = textwrap::Options::new(width)
            .subsequent_indent(&indent)
            .break_words(false)
            .word_splitter(textwrap::WordSplitter::NoHyphenation);
        out.push_str(&textwrap::fill(body, options));
        out.push_str(newline);
    }
    out
}

/// Where a wrapped line continues: under its value for a `Key   value`
/// row of the versions table, else under the line's own indentation.
fn continuation_column(line: &str) -> usize {
    let indent = line.len() - line.trim_start_matches(' ').len();
    let rest = &line[indent..];
    // A key, then a run of two or more spaces, then the value.
    match rest.find("  ") {
        Some(gap) if gap > 0 && gap < 24 && rest[..gap].is_ascii() => {
            let value = gap + rest[gap..].len() - rest[gap..].trim_start_matches(' ').len();
            // Colour escapes in the key take no column.
            indent + textwrap::core::display_width(&rest[..value])
        }
        _ => indent,
    }
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn long_lines_wrap_under_their_own_indent_and_short_ones_stay() {
        let view = "OP 8 modified\n    Requests the Secretary-General to submit a report at its [-seventy-seventh-]{+seventy-ninth+} session;\n";
        assert_eq!(
            wrap(view, 40),
            "OP 8 modified\n    Requests the Secretary-General\n    to submit a report at its\n    [-seventy-seventh-]{+seventy-ninth+}\n    session;\n"
        );
        assert_eq!(wrap(view, 200), view);
    }

    #[test]
    fn a_table_row_continues_under_its_value() {
        let row = "  Title           Necessity of ending the economic, commercial and financial embargo\n";
        assert_eq!(
            wrap(row, 60),
            "  Title           Necessity of ending the economic,\n                  commercial and financial embargo\n"
        );
    }

    #[test]
    fn colour_escapes_take_no_width() {
        let line = "\x1b[1mOP 1\x1b[0m \x1b[32mUrges\x1b[0m";
        assert_eq!(wrap(line, 12), line);
    }
}
