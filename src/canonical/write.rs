//! Writes a [`Resolution`] in the canonical Markdown format. This is a data
//! serialiser (like `toml::to_string`), not a report: reports go through the
//! askama templates in `render`.

use crate::error::{Error, Result};
use crate::markdown::{escape_block_start, escape_inline};
use crate::model::{LeadSource, Paragraph, Resolution};

/// The front matter line of the default language, left out.
const DEFAULT_LANGUAGE_LINE: &str = "language = \"en\"\n";

/// The canonical Markdown text of `resolution`.
pub fn write(resolution: &Resolution) -> Result<String> {
    let front = toml::to_string(&resolution.meta)
        .map_err(|e| Error::new(format!("cannot write the front matter: {e}")))?;
    // English is the default: a file written before languages were kept
    // says nothing of it, and stays byte for byte what it was.
    let front = front.replacen(DEFAULT_LANGUAGE_LINE, "", 1);
    let leads = usual_lead_source(resolution);
    let mut out = String::new();
    out.push_str("+++\n");
    out.push_str(&front);
    // Italics, the default, go unsaid: files written before lead sources
    // were kept stay what they were.
    if leads != LeadSource::Italics {
        out.push_str(&format!("leads = \"{}\"\n", leads.name()));
    }
    out.push_str("+++\n");

    if let Some(formula) = &resolution.enacting_formula {
        // "The General Assembly," -> "_The General Assembly_,"
        let name = formula.trim_end_matches(',').trim();
        out.push('\n');
        out.push_str(&format!("_{}_,\n", escape_inline(name)));
    }

    for paragraph in &resolution.preamble {
        if let Some(heading) = &paragraph.heading {
            out.push_str(&format!("\n## {}\n", escape_inline(heading)));
        }
        write_plain(&mut out, paragraph, leads);
    }

    // The operative list is broken only by headings; consecutive items stay
    // one tight list so the file reads like the printed text.
    let mut in_list = false;
    for paragraph in &resolution.operative {
        write_heading(&mut out, paragraph, &mut in_list);
        write_item(&mut out, paragraph, &mut in_list, leads);
    }

    // Each annex: `# Annex I`, `# Its title`, then its paragraphs, plain
    // or numbered like the body, with their headings.
    for annex in &resolution.annexes {
        for name in annex.label.iter().chain(&annex.title) {
            out.push_str(&format!("\n# {}\n", escape_inline(name)));
        }
        // An annex whose source lost its label and title: an empty `#`.
        if annex.label.is_none() && annex.title.is_none() {
            out.push_str("\n#\n");
        }
        let mut in_list = false;
        for paragraph in &annex.paragraphs {
            write_heading(&mut out, paragraph, &mut in_list);
            if paragraph.number.is_some() {
                write_item(&mut out, paragraph, &mut in_list, leads);
            } else {
                in_list = false;
                write_plain(&mut out, paragraph, leads);
            }
        }
    }

    // Markers whose text the source lacks get an empty definition: without
    // one, Markdown would read `[^1]` as plain text.
    let undefined = undefined_markers(resolution);
    if !resolution.footnotes.is_empty() || !undefined.is_empty() {
        out.push('\n');
        for note in &resolution.footnotes {
            out.push_str(&format!(
                "[^{}]: {}\n",
                note.marker,
                escape_line_start(&escape_inline(&note.text))
            ));
        }
        for marker in undefined {
            out.push_str(&format!("[^{marker}]:\n"));
        }
    }
    Ok(out)
}

/// Footnote markers used in the text with no footnote text, in order of
/// first use.
fn undefined_markers(resolution: &Resolution) -> Vec<String> {
    fn collect(paragraphs: &[Paragraph], out: &mut Vec<String>) {
        for p in paragraphs {
            out.extend(p.footnotes.iter().map(|f| f.marker.clone()));
            collect(&p.subparagraphs, out);
        }
    }
    let mut used = Vec::new();
    collect(&resolution.preamble, &mut used);
    collect(&resolution.operative, &mut used);
    for annex in &resolution.annexes {
        collect(&annex.paragraphs, &mut used);
    }
    let mut undefined: Vec<String> = Vec::new();
    for marker in used {
        if !resolution.footnotes.iter().any(|f| f.marker == marker) && !undefined.contains(&marker)
        {
            undefined.push(marker);
        }
    }
    undefined
}

/// A paragraph's `## ` heading, which ends the list before it.
fn write_heading(out: &mut String, paragraph: &Paragraph, in_list: &mut bool) {
    if let Some(heading) = &paragraph.heading {
        out.push_str(&format!("\n## {}\n", escape_inline(heading)));
        *in_list = false;
    }
}

/// A paragraph as an item of an ordered list, with its sub-paragraphs.
fn write_item(out: &mut String, paragraph: &Paragraph, in_list: &mut bool, leads: LeadSource) {
    let starts_list = !*in_list;
    if starts_list {
        out.push('\n');
        *in_list = true;
    }
    let mut marker = operative_marker(paragraph);
    // A `- ` item right after another `- ` list (a paragraph's
    // sub-paragraphs) would join that list, blank line or not: a different
    // bullet starts a list of its own.
    let last_line = out.trim_end_matches('\n').rsplit('\n').next().unwrap_or("");
    if let Some(rest) = marker.strip_prefix("- ")
        && starts_list
        && last_line.starts_with("- ")
    {
        marker = format!("* {rest}");
    }
    out.push_str(&marker);
    out.push_str(&paragraph_line(paragraph, leads));
    out.push('\n');
    write_subparagraphs(out, &paragraph.subparagraphs, marker.chars().count(), leads);
}

/// A paragraph on a line of its own, its sub-paragraphs as a list after it.
fn write_plain(out: &mut String, paragraph: &Paragraph, leads: LeadSource) {
    out.push('\n');
    out.push_str(&paragraph_line(paragraph, leads));
    out.push('\n');
    if !paragraph.subparagraphs.is_empty() {
        out.push('\n');
        write_subparagraphs(out, &paragraph.subparagraphs, 0, leads);
    }
}

/// "1. ", "7. [bis] " for a labelled paragraph, "- " for a lone unnumbered one.
fn operative_marker(paragraph: &Paragraph) -> String {
    match &paragraph.number {
        None => "- ".to_string(),
        Some(label) => {
            let digits: String = label.chars().take_while(char::is_ascii_digit).collect();
            let suffix = label[digits.len()..].trim();
            if digits.is_empty() {
                // A label with no number at all: keep it visible and legible.
                format!("- [{}] ", label)
            } else if suffix.is_empty() {
                format!("{digits}. ")
            } else {
                format!("{digits}. [{suffix}] ")
            }
        }
    }
}

fn write_subparagraphs(out: &mut String, subs: &[Paragraph], indent: usize, leads: LeadSource) {
    for sub in subs {
        let pad = " ".repeat(indent);
        out.push_str(&pad);
        out.push_str("- ");
        match sub.number.as_deref() {
            Some(label) => {
                out.push_str(&format!("({label}) "));
                out.push_str(&paragraph_line(sub, leads));
            }
            // Unlabelled: a text opening with "(" must not read as a label.
            None => {
                let line = paragraph_line(sub, leads);
                if line.starts_with('(') {
                    out.push('\\');
                }
                out.push_str(&line);
            }
        }
        out.push('\n');
        // Content of "- (a) " starts two columns in: nested lists indent by 2.
        write_subparagraphs(out, &sub.subparagraphs, indent + 2, leads);
    }
}

/// The source of most leads of `resolution` (italics when as many came
/// from each, or there are none): the file's `leads`, which only the
/// others' `*asterisks*` contradict.
fn usual_lead_source(resolution: &Resolution) -> LeadSource {
    fn count(paragraphs: &[Paragraph], italics: &mut usize, convention: &mut usize) {
        for p in paragraphs {
            match p.lead.as_ref().and(p.lead_source) {
                Some(LeadSource::Italics) => *italics += 1,
                Some(LeadSource::Convention) => *convention += 1,
                None => {}
            }
            count(&p.subparagraphs, italics, convention);
        }
    }
    let (mut italics, mut convention) = (0, 0);
    count(&resolution.preamble, &mut italics, &mut convention);
    count(&resolution.operative, &mut italics, &mut convention);
    for annex in &resolution.annexes {
        count(&annex.paragraphs, &mut italics, &mut convention);
    }
    if convention > italics {
        LeadSource::Convention
    } else {
        LeadSource::Italics
    }
}

/// The paragraph's text with its lead in italics and its footnote markers:
/// `_lead_` when it came from `leads` (the file's), `*lead*` when from the
/// other source. A marker inside the lead stays inside its italics: closing
/// and reopening them around it (`_3,_[^4]_ n_`) would not read back as one
/// lead.
fn paragraph_line(paragraph: &Paragraph, leads: LeadSource) -> String {
    let text = &paragraph.text;
    // A lead of unknown source (a model built in code) is the file's.
    let delimiter = match paragraph.lead_source {
        Some(source) if source != leads => '*',
        _ => '_',
    };
    let lead_len = match &paragraph.lead {
        Some(lead) if !lead.is_empty() && text.starts_with(lead.as_str()) => lead.len(),
        _ => 0,
    };
    let mut markers: Vec<_> = paragraph.footnotes.iter().collect();
    markers.sort_by_key(|m| m.offset);
    let mut line = String::new();
    // `[^5]:` is a footnote's definition, not a marker before a colon: a
    // colon right after a marker is written `\:`.
    let mut after_marker = false;
    let push = |line: &mut String, piece: &str, after_marker: &mut bool| {
        if piece.is_empty() {
            return;
        }
        if *after_marker && piece.starts_with(':') {
            line.push('\\');
        }
        line.push_str(&escape_inline(piece));
        *after_marker = false;
    };
    let mut cursor = 0;
    let mut in_lead = lead_len > 0;
    if in_lead {
        line.push(delimiter);
    }
    for marker in markers {
        let at = floor_char_boundary(text, marker.offset.min(text.len()));
        if in_lead && at >= lead_len {
            push(&mut line, &text[cursor..lead_len], &mut after_marker);
            line.push(delimiter);
            (in_lead, cursor) = (false, lead_len);
        }
        push(&mut line, &text[cursor..at], &mut after_marker);
        line.push_str(&format!("[^{}]", marker.marker));
        after_marker = true;
        cursor = at;
    }
    if in_lead {
        push(&mut line, &text[cursor..lead_len], &mut after_marker);
        line.push(delimiter);
        cursor = lead_len;
    }
    push(&mut line, &text[cursor..], &mut after_marker);
    // A line that starts with "2016." or "- " would open a list, both at the
    // top level and inside a list item.
    if lead_len == 0 {
        escape_line_start(&line)
    } else {
        line
    }
}

fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Escapes what would start a block at the beginning of a line; leading
/// whitespace goes first, since four spaces would open a code block.
fn escape_line_start(line: &str) -> String {
    escape_block_start(line.trim_start())
}
