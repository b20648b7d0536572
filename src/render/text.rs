//! The terminal view from `templates/text/`: a word-diff redline with the
//! summary on top. Styling is done by filters, ANSI or plain.

use askama::Template;

use super::filters;
use super::messages::{Messages, fill};
use super::view::{ChangeView, Entry, LeadView, Report};

/// The width of a column holding `names`: the longest, plus a gap of
/// `gap`, and never narrower than `floor` (the English layout).
fn column<'a>(names: impl IntoIterator<Item = &'a str>, gap: usize, floor: usize) -> usize {
    names
        .into_iter()
        .map(|name| name.chars().count() + gap)
        .max()
        .unwrap_or(0)
        .max(floor)
}

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
            ui: self.r.ui,
            color: self.color,
        }
    }
    /// The versions table's key column.
    fn meta_width(&self) -> usize {
        column(self.r.meta_rows.iter().map(|row| row.name), 2, 16)
    }
    /// The counts table's first column.
    fn name_width(&self) -> usize {
        // Only the rows the view prints (it leaves out the empty ones).
        let rows = self.r.count_rows.iter().filter(|row| row.total > 0);
        let rows = rows.map(|row| row.name);
        column(rows.chain([self.r.ui.paragraphs]), 2, 22)
    }
    /// A counts column headed `heading`.
    fn column_width(&self, heading: &str, floor: usize) -> usize {
        column([heading], 1, floor)
    }
    fn unchanged_not_shown(&self) -> String {
        let ui = self.r.ui;
        ui.count(ui.unchanged_not_shown, self.r.unchanged_count)
    }
    /// The figures' name column.
    fn figure_width(&self) -> usize {
        column(self.r.figures.iter().map(|f| f.name), 2, 30)
    }
}

#[derive(Template)]
#[template(path = "text/paragraph.txt")]
struct ParagraphText<'a> {
    c: &'a ChangeView,
    ui: &'static Messages,
    color: bool,
}

impl ParagraphText<'_> {
    fn sub<'b>(&self, c: &'b ChangeView) -> ParagraphText<'b> {
        ParagraphText {
            c,
            ui: self.ui,
            color: self.color,
        }
    }
    /// "lead strengthened: Notes → Urges"
    fn lead_change(&self, lead: &LeadView) -> String {
        let direction = self.ui.direction(lead.direction);
        fill(
            self.ui.lead_change,
            &[
                ("direction", &direction),
                ("old", &lead.old),
                ("new", &lead.new),
            ],
        )
    }
    /// "reference added:"
    fn reference_added(&self) -> String {
        self.reference(self.ui.reference_added)
    }
    fn reference_removed(&self) -> String {
        self.reference(self.ui.reference_removed)
    }
    fn reference(&self, plural: super::messages::Plural) -> String {
        format!(
            "{}{}",
            self.ui.form(&plural, 1).to_lowercase(),
            self.ui.colon
        )
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
