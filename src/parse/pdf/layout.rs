//! The rows of every page sorted into what they are, by where they sit and
//! how they are set, never by guessing inside running text:
//!
//! - **furniture**: rows in the top margin of every page after the first
//!   (the running head) and rows in the bottom margin that have the shape
//!   of a page number (`2/3`), a job number (`18-18418 (E) 071118`), a
//!   barcode (`*1818418*`) or "Please recycle";
//! - **footnotes**: the rows under the footnote rule (a drawn line or a
//!   row of underscores) at the page foot, each opened by a raised number,
//!   joined across pages;
//! - **body**: everything else, joined into logical lines: rows continue a
//!   line unless a paragraph gap (more than the line pitch) or, at the top
//!   of a page, a first-line indent says a new paragraph begins.
//!
//! Each logical line keeps the drafter's italic run at its start (after a
//! paragraph number or sub-paragraph label) as its lead, and its footnote
//! markers as sentinels ([`MARKER_OPEN`] marker [`MARKER_CLOSE`]) that the
//! importer takes out.

use super::glyphs::Page;
use super::rows::{Row, Styled, most_common_size};
use crate::parse::import::furniture::{foot_line_in_any_language, is_footnote_rule};

use crate::parse::{MARKER_CLOSE, MARKER_OPEN};

/// The top and bottom margins, as shares of the page height, inside which
/// a row can be furniture.
const TOP_MARGIN: f32 = 0.10;
const BOTTOM_MARGIN: f32 = 0.12;

/// A paragraph or other block of the body, joined across wraps and pages.
#[derive(Debug, Clone, PartialEq)]
pub struct LogicalLine {
    /// 1-based page of its first row.
    pub page: usize,
    /// The text, each footnote marker between [`MARKER_OPEN`] and [`MARKER_CLOSE`].
    pub text: String,
    /// The italic run opening the text (after its label), trimmed.
    pub lead: Option<String>,
    /// Every row was bold: a title or heading.
    pub bold: bool,
}

/// What a line's `page` counts: a PDF's pages, a Word document's
/// paragraphs; messages say which.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Place {
    /// A PDF's page.
    #[default]
    Page,
    /// A Word document's paragraph.
    Paragraph,
}

impl Place {
    /// "page", "paragraph".
    pub fn name(self) -> &'static str {
        match self {
            Place::Page => "page",
            Place::Paragraph => "paragraph",
        }
    }
}

/// What the layout found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Layout {
    /// What the lines' `page` counts.
    pub place: Place,
    /// The body's logical lines, in reading order.
    pub lines: Vec<LogicalLine>,
    /// (page, marker, text)
    pub footnotes: Vec<(usize, String, String)>,
    /// Furniture rows dropped: (page, text).
    pub furniture: Vec<(usize, String)>,
}

/// Sort every page's rows and join the body.
pub fn layout(pages: &[(Page, Vec<Row>)]) -> Layout {
    let body_size = body_size(pages);
    let mut out = Layout::default();
    let mut body: Vec<(usize, &Row)> = Vec::new();
    for (index, (page, rows)) in pages.iter().enumerate() {
        let number = index + 1;
        let top = page.height * (1.0 - TOP_MARGIN);
        let bottom = page.height * BOTTOM_MARGIN;
        let rule = footnote_rule(page, rows, body_size);
        let mut in_footnotes = false;
        for row in rows {
            let text = row.text();
            if number > 1 && row.y > top {
                out.furniture.push((number, text));
                continue;
            }
            if row.y < bottom && is_foot_furniture(row, &text) {
                out.furniture.push((number, text));
                continue;
            }
            if is_footnote_rule(&text) && rule.is_some_and(|y| row.y <= y + 1.0) {
                in_footnotes = true;
                continue;
            }
            if rule.is_some_and(|y| row.y < y) {
                in_footnotes = true;
            }
            if in_footnotes {
                footnote_row(&mut out.footnotes, number, row);
            } else {
                body.push((number, row));
            }
        }
    }
    out.lines = join_body(&body, body_size);
    out
}

/// The size most body text is set in.
fn body_size(pages: &[(Page, Vec<Row>)]) -> f32 {
    most_common_size(
        pages
            .iter()
            .flat_map(|(_, rows)| rows)
            .map(|row| (row.size, row.chars.len())),
    )
    .unwrap_or(10.0)
}

/// The height of the footnote rule, if the page has one: a short line (or
/// a row of underscores) in the lower half of the page, with smaller text
/// under it.
fn footnote_rule(page: &Page, rows: &[Row], body_size: f32) -> Option<f32> {
    let smaller_below = |y: f32| {
        rows.iter()
            .any(|r| r.y < y && r.size < body_size * 0.95 && !r.text().trim().is_empty())
    };
    let drawn = page
        .rules
        .iter()
        .filter(|r| {
            // The separator starts at the left of the text; a short line
            // centred under the closing meeting line is not one.
            let length = r.x1 - r.x0;
            r.y < page.height / 2.0 && (30.0..=260.0).contains(&length) && r.x0 < page.width * 0.3
        })
        .map(|r| r.y);
    let typed = rows
        .iter()
        .filter(|r| r.y < page.height / 2.0 && is_footnote_rule(&r.text()))
        .map(|r| r.y);
    drawn
        .chain(typed)
        .filter(|&y| smaller_below(y))
        .max_by(f32::total_cmp)
}

/// Rows of the bottom margin that are page furniture by their shape.
fn is_foot_furniture(row: &Row, text: &str) -> bool {
    row.chars.is_empty() || foot_line_in_any_language(text.trim().trim_start_matches('_'))
}

/// A footnote-area row: a raised number opens a footnote, anything else
/// continues the last one (across pages too).
fn footnote_row(footnotes: &mut Vec<(usize, String, String)>, page: usize, row: &Row) {
    let marker: String = row
        .chars
        .iter()
        .take_while(|c| c.superscript)
        .map(|c| c.ch)
        .filter(|c| !c.is_whitespace())
        .collect();
    let rest: String = row
        .chars
        .iter()
        .skip_while(|c| c.superscript)
        .map(|c| c.ch)
        .collect();
    let rest = rest.trim();
    if !marker.is_empty() {
        footnotes.push((page, marker, rest.to_string()));
    } else if let Some(last) = footnotes.last_mut() {
        append_row_text(&mut last.2, rest);
    } else if !rest.is_empty() {
        // Footnote text with no marker of its own: keep it, unnumbered.
        footnotes.push((page, String::new(), rest.to_string()));
    }
}

/// Join a row's text onto the text before it: a line-end hyphen stays (it
/// is printed in compounds such as "Secretary-General"), a soft hyphen goes.
fn append_row_text(text: &mut String, next: &str) {
    if next.is_empty() {
        return;
    }
    if text.ends_with('\u{ad}') {
        text.pop();
    } else if !(text.is_empty() || text.ends_with(['-', '\u{2010}', '\u{2011}', '/'])) {
        text.push(' ');
    }
    text.push_str(next);
}

/// Body rows → logical lines.
fn join_body(body: &[(usize, &Row)], body_size: f32) -> Vec<LogicalLine> {
    // The usual distance between two rows of one paragraph.
    let pitch = line_pitch(body, body_size);
    // The left and right edges most rows share.
    let margin = common_edge(body, body_size, |r| r.x);
    let right_margin = common_edge(body, body_size, |r| r.right);
    let mut lines: Vec<(LogicalLine, Vec<Styled>)> = Vec::new();
    let mut prev: Option<(usize, &Row)> = None;
    for &(page, row) in body {
        let starts = match prev {
            None => true,
            Some((prev_page, prev_row)) if prev_page == page => {
                let gap = prev_row.y - row.y;
                gap > pitch * 1.3 || gap < 0.0 || (row.size - prev_row.size).abs() > 1.0
            }
            // Across a page: a new paragraph is indented, or follows a
            // short row that ended a sentence, or changes face (a heading);
            // a continuation starts at the margin.
            Some((_, prev_row)) => {
                let prev_text = prev_row.plain();
                let ended = prev_text.trim_end().ends_with([',', ';', ':', '.']);
                let short = prev_row.right < right_margin - body_size * 2.0;
                row.x > margin + body_size * 0.8
                    || (ended && short)
                    || row.is_bold() != prev_row.is_bold()
            }
        };
        let mut chars = row.chars.clone();
        if starts || lines.is_empty() {
            lines.push((
                LogicalLine {
                    page,
                    text: String::new(),
                    lead: None,
                    bold: row.is_bold(),
                },
                chars,
            ));
        } else {
            let (line, styled) = lines.last_mut().expect("a line exists");
            line.bold &= row.is_bold();
            let ends_joined = styled
                .last()
                .is_some_and(|c| matches!(c.ch, '-' | '\u{2010}' | '\u{2011}' | '/' | '\u{ad}'));
            if styled.last().is_some_and(|c| c.ch == '\u{ad}') {
                styled.pop();
            }
            if !ends_joined {
                styled.push(Styled {
                    ch: ' ',
                    italic: false,
                    bold: false,
                    superscript: false,
                });
            }
            styled.append(&mut chars);
        }
        prev = Some((page, row));
    }
    lines
        .into_iter()
        .map(|(mut line, styled)| {
            line.lead = italic_lead(&styled);
            line.text = with_markers(&styled);
            line
        })
        .collect()
}

fn line_pitch(body: &[(usize, &Row)], body_size: f32) -> f32 {
    let gaps: Vec<i32> = body
        .windows(2)
        .filter(|w| w[0].0 == w[1].0)
        .map(|w| ((w[0].1.y - w[1].1.y) * 10.0).round() as i32)
        // Paragraph gaps add space to the line pitch; only gaps a single
        // line spacing can be are candidates.
        .filter(|&g| g > 0 && (g as f32) <= body_size * 15.0)
        .collect();
    // The most common gap is the pitch; paragraph gaps are rarer.
    let pitch = densest(gaps, 5).unwrap_or((body_size * 12.0) as i32);
    pitch as f32 / 10.0 + 0.5
}

/// The most common position of an edge among body-size rows.
fn common_edge(body: &[(usize, &Row)], body_size: f32, edge: impl Fn(&Row) -> f32) -> f32 {
    let xs: Vec<i32> = body
        .iter()
        .filter(|(_, r)| (r.size - body_size).abs() < 1.0)
        .map(|(_, r)| edge(r).round() as i32)
        .collect();
    densest(xs, 2).unwrap_or(0) as f32
}

/// The lowest value of the window of `width` that holds the most values.
fn densest(mut values: Vec<i32>, width: i32) -> Option<i32> {
    values.sort_unstable();
    let mut best: Option<(usize, i32)> = None;
    let mut i = 0;
    while i < values.len() {
        let j = values[i..]
            .iter()
            .take_while(|&&v| v - values[i] <= width)
            .count();
        if best.is_none_or(|(n, _)| j > n) {
            best = Some((j, values[i]));
        }
        i += j.max(1);
    }
    best.map(|(_, v)| v)
}

/// The text with superscripts turned into marker sentinels.
fn with_markers(styled: &[Styled]) -> String {
    let mut out = String::new();
    let mut open = false;
    for c in styled {
        if c.superscript && !open {
            out.push(MARKER_OPEN);
            open = true;
        } else if !c.superscript && open {
            out.push(MARKER_CLOSE);
            open = false;
        }
        if c.superscript && c.ch.is_whitespace() {
            continue;
        }
        out.push(c.ch);
    }
    if open {
        out.push(MARKER_CLOSE);
    }
    // A superscript run split by a comma ("1,2") is two markers.
    out.replace(&format!(",{MARKER_CLOSE}"), &format!("{MARKER_CLOSE},"))
}

/// The italic run at the start of a line, after a paragraph number
/// (`5.`) or a sub-paragraph label (`(a)`), trimmed of spaces and of the
/// punctuation that ends it.
fn italic_lead(styled: &[Styled]) -> Option<String> {
    let text: String = styled.iter().map(|c| c.ch).collect();
    let skip = label_length(&text);
    let mut lead = String::new();
    // Spaces take no face: a roman space between two italic words does not
    // end the run.
    for c in styled.iter().skip(skip).skip_while(|c| c.ch == ' ') {
        if c.superscript || (!c.italic && c.ch != ' ') {
            break;
        }
        lead.push(c.ch);
    }
    let lead = lead.trim_end_matches(|c: char| c.is_whitespace() || ",;:".contains(c));
    (lead.chars().any(char::is_alphabetic)).then(|| lead.to_string())
}

/// Characters of a leading `12.`, `7 bis.` or `(a)` label.
fn label_length(text: &str) -> usize {
    let chars: Vec<char> = text.chars().collect();
    let digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
    if digits > 0 {
        let mut i = digits;
        for suffix in [" bis", " ter", " quater"] {
            let s: Vec<char> = suffix.chars().collect();
            if chars[i..].starts_with(&s) {
                i += s.len();
            }
        }
        if chars.get(i) == Some(&'.') {
            return i + 1;
        }
        return 0;
    }
    if chars.first() == Some(&'(')
        && let Some(close) = chars.iter().position(|&c| c == ')')
        && close <= 6
    {
        return close + 1;
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::pdf::glyphs::{Glyph, Rule};
    use crate::parse::pdf::rows::rows;

    fn line(text: &str, x: f32, y: f32, size: f32, italic_words: usize) -> Vec<Glyph> {
        let mut out = Vec::new();
        let mut at = x;
        for (w, word) in text.split(' ').enumerate() {
            for c in word.chars() {
                out.push(Glyph {
                    x: at,
                    y,
                    width: size * 0.5,
                    size,
                    italic: w < italic_words,
                    bold: false,
                    text: c.to_string(),
                });
                at += size * 0.5;
            }
            at += size * 0.5;
        }
        out
    }

    fn page(glyphs: Vec<Glyph>, rules: Vec<Rule>) -> (Page, Vec<Row>) {
        let page = Page {
            width: 612.0,
            height: 792.0,
            glyphs,
            rules,
        };
        let r = rows(&page);
        (page, r)
    }

    #[test]
    fn furniture_footnotes_and_paragraphs_by_position() {
        let mut first = line("Recalling its resolution 72/4,", 147.0, 500.0, 10.0, 1);
        first.extend(line("Welcoming the report,", 147.0, 482.0, 10.0, 1));
        first.extend(line("and the plan,", 123.0, 470.0, 10.0, 0));
        first.extend(line("18-18418 (E) 071118", 65.0, 44.0, 10.0, 0));
        let mut second = line("A/RES/73/8 Necessity of ending", 60.0, 740.0, 8.5, 0);
        second.extend(line("continued here;", 123.0, 700.0, 10.0, 0));
        second.extend(line("1 A/73/85.", 117.0, 60.0, 8.5, 0));
        second.extend(line("2/2", 60.0, 36.0, 8.5, 0));
        let rule = Rule {
            x0: 100.0,
            x1: 172.0,
            y: 73.0,
        };
        let found = layout(&[page(first, vec![]), page(second, vec![rule])]);
        let texts: Vec<&str> = found.lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Recalling its resolution 72/4,",
                "Welcoming the report, and the plan, continued here;"
            ]
        );
        assert_eq!(found.lines[1].lead.as_deref(), Some("Welcoming"));
        assert_eq!(found.footnotes.len(), 1);
        let furniture: Vec<&str> = found.furniture.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(
            furniture,
            [
                "18-18418 (E) 071118",
                "A/RES/73/8 Necessity of ending",
                "2/2"
            ]
        );
    }

    #[test]
    fn labels_are_not_part_of_the_lead() {
        let styled: Vec<Styled> = "5. Decides to act"
            .chars()
            .enumerate()
            .map(|(i, ch)| Styled {
                ch,
                italic: (3..10).contains(&i),
                bold: false,
                superscript: false,
            })
            .collect();
        assert_eq!(italic_lead(&styled).as_deref(), Some("Decides"));
    }
}
