//! The content-stream interpreter: every glyph a page draws, with where it
//! sits, how big it is and whether its face is italic or bold, and the
//! horizontal rules (the footnote separator). Only what text layout needs:
//! text state, text and graphics matrices, `q`/`Q`, and filled or stroked
//! thin rectangles and lines; colour, images and clipping are ignored.

use std::collections::BTreeMap;

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Encoding, Object, ObjectId};

/// Rules kept from one page.
const MAX_RULES: usize = 1_000;

/// Content streams of one page larger than this are refused, so a crafted
/// stream cannot inflate without bound.
const MAX_PAGE_CONTENT: usize = 64 * 1024 * 1024;

/// One drawn character (or ligature), in page space: points from the
/// bottom-left corner, `y` the baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    pub x: f32,
    pub y: f32,
    /// Advance width in page space.
    pub width: f32,
    /// Effective font size in page space.
    pub size: f32,
    pub italic: bool,
    pub bold: bool,
    pub text: String,
}

/// A horizontal line or thin filled rectangle.
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    pub x0: f32,
    pub x1: f32,
    pub y: f32,
}

/// What one page draws.
#[derive(Debug, Clone, Default)]
pub struct Page {
    pub width: f32,
    pub height: f32,
    pub glyphs: Vec<Glyph>,
    pub rules: Vec<Rule>,
}

/// How a font turns string bytes into characters and advances.
struct Font<'a> {
    two_byte: bool,
    encoding: Option<Encoding<'a>>,
    /// Simple fonts: widths from `first_char`.
    first_char: i64,
    widths: Vec<f32>,
    /// Composite fonts: CID → width.
    cid_widths: BTreeMap<u32, f32>,
    default_width: f32,
    italic: bool,
    bold: bool,
}

impl<'a> Font<'a> {
    fn of(doc: &'a Document, dict: &'a Dictionary) -> Font<'a> {
        let subtype = dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .unwrap_or(b"");
        let two_byte = subtype == b"Type0";
        let base = dict
            .get(b"BaseFont")
            .and_then(Object::as_name)
            .map(|n| String::from_utf8_lossy(n).into_owned())
            .unwrap_or_default();
        let descendant = two_byte
            .then(|| {
                let array = deref(doc, dict.get(b"DescendantFonts").ok()?)?
                    .as_array()
                    .ok()?;
                deref(doc, array.first()?)?.as_dict().ok()
            })
            .flatten();
        let descriptor = descendant
            .unwrap_or(dict)
            .get(b"FontDescriptor")
            .ok()
            .and_then(|o| deref(doc, o))
            .and_then(|o| o.as_dict().ok());
        let flags = descriptor
            .and_then(|d| d.get(b"Flags").ok())
            .and_then(number)
            .unwrap_or(0.0) as i64;
        let angle = descriptor
            .and_then(|d| d.get(b"ItalicAngle").ok())
            .and_then(number)
            .unwrap_or(0.0);
        let weight = descriptor
            .and_then(|d| d.get(b"FontWeight").ok())
            .and_then(number)
            .unwrap_or(0.0);
        let lower = base.to_ascii_lowercase();
        let italic = lower.contains("italic")
            || lower.contains("oblique")
            || angle != 0.0
            || flags & 64 != 0;
        let bold = lower.contains("bold") || lower.contains("black") || weight >= 600.0;

        let mut font = Font {
            two_byte,
            encoding: dict.get_font_encoding(doc).ok(),
            first_char: 0,
            widths: Vec::new(),
            cid_widths: BTreeMap::new(),
            default_width: descriptor
                .and_then(|d| d.get(b"MissingWidth").ok())
                .and_then(number)
                .unwrap_or(0.0),
            italic,
            bold,
        };
        if let Some(desc) = descendant {
            font.default_width = desc.get(b"DW").ok().and_then(number).unwrap_or(1000.0);
            if let Some(w) = desc
                .get(b"W")
                .ok()
                .and_then(|o| deref(doc, o))
                .and_then(|o| o.as_array().ok())
            {
                font.cid_widths = cid_widths(doc, w);
            }
        } else {
            font.first_char = dict.get(b"FirstChar").ok().and_then(number).unwrap_or(0.0) as i64;
            if let Some(w) = dict
                .get(b"Widths")
                .ok()
                .and_then(|o| deref(doc, o))
                .and_then(|o| o.as_array().ok())
            {
                font.widths = w
                    .iter()
                    .take(MAX_WIDTHS)
                    .map(|o| deref(doc, o).and_then(number).unwrap_or(0.0))
                    .collect();
            }
        }
        font
    }

    /// The codes of a string, each with its bytes.
    fn codes<'s>(&self, bytes: &'s [u8]) -> Vec<&'s [u8]> {
        if self.two_byte {
            bytes.chunks(2).collect()
        } else {
            bytes.chunks(1).collect()
        }
    }

    fn width(&self, code: &[u8]) -> f32 {
        let value = code.iter().fold(0u32, |acc, b| acc * 256 + u32::from(*b));
        if self.two_byte {
            return self
                .cid_widths
                .get(&value)
                .copied()
                .unwrap_or(self.default_width);
        }
        usize::try_from(i64::from(value).saturating_sub(self.first_char))
            .ok()
            .and_then(|i| self.widths.get(i).copied())
            .unwrap_or(self.default_width)
    }

    fn text(&self, code: &[u8]) -> String {
        match &self.encoding {
            Some(encoding) => encoding.bytes_to_string(code).unwrap_or_default(),
            None => code.iter().map(|&b| char::from(b)).collect(),
        }
    }
}

fn deref<'a>(doc: &'a Document, object: &'a Object) -> Option<&'a Object> {
    doc.dereference(object).ok().map(|(_, o)| o)
}

fn number(object: &Object) -> Option<f32> {
    match object {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) => Some(*r),
        _ => None,
    }
}

/// A font has at most 65,536 glyphs: more widths than that are damage.
const MAX_WIDTHS: usize = 65_536;

/// `/W [c [w1 w2 …] c_first c_last w …]`, at most [`MAX_WIDTHS`] entries.
fn cid_widths(doc: &Document, array: &[Object]) -> BTreeMap<u32, f32> {
    let mut out = BTreeMap::new();
    let mut i = 0;
    let cid = |v: f32| (0.0..=f32::from(u16::MAX)).contains(&v).then_some(v as u32);
    while i < array.len() && out.len() < MAX_WIDTHS {
        let Some(first) = number(&array[i]).and_then(cid) else {
            break;
        };
        match array.get(i + 1).and_then(|o| deref(doc, o)) {
            Some(Object::Array(list)) => {
                for (k, w) in list.iter().take(MAX_WIDTHS).enumerate() {
                    let Some(code) = first.checked_add(k as u32) else {
                        break;
                    };
                    out.insert(code, number(w).unwrap_or(0.0));
                }
                i += 2;
            }
            Some(last) => {
                let (Some(last), Some(w)) = (
                    number(last).and_then(cid),
                    array.get(i + 2).and_then(number),
                ) else {
                    break;
                };
                if last < first {
                    break;
                }
                for code in first..=last {
                    out.insert(code, w);
                }
                i += 3;
            }
            None => break,
        }
    }
    out
}

/// A 2-D affine matrix `[a b c d e f]`.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Matrix([f32; 6]);

impl Matrix {
    const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    /// `self` then `other`: self × other.
    fn then(self, other: Matrix) -> Matrix {
        let [a, b, c, d, e, f] = self.0;
        let [a2, b2, c2, d2, e2, f2] = other.0;
        Matrix([
            a * a2 + b * c2,
            a * b2 + b * d2,
            c * a2 + d * c2,
            c * b2 + d * d2,
            e * a2 + f * c2 + e2,
            e * b2 + f * d2 + f2,
        ])
    }

    fn translate(x: f32, y: f32) -> Matrix {
        Matrix([1.0, 0.0, 0.0, 1.0, x, y])
    }

    fn apply(self, x: f32, y: f32) -> (f32, f32) {
        let [a, b, c, d, e, f] = self.0;
        (a * x + c * y + e, b * x + d * y + f)
    }

    /// The vertical scale: how much a unit of text height grows.
    fn vertical_scale(self) -> f32 {
        let [_, _, c, d, _, _] = self.0;
        (c * c + d * d).sqrt()
    }
}

fn matrix_of(operands: &[Object]) -> Option<Matrix> {
    let values: Vec<f32> = operands.iter().filter_map(number).collect();
    (values.len() == 6).then(|| {
        Matrix([
            values[0], values[1], values[2], values[3], values[4], values[5],
        ])
    })
}

/// The graphics state that `q` saves and `Q` restores, text parameters
/// included (ISO 32000-1, 9.3.1).
#[derive(Clone)]
struct GraphicsState {
    ctm: Matrix,
    text: TextParams,
}

#[derive(Clone)]
struct TextParams {
    char_spacing: f32,
    word_spacing: f32,
    scale: f32,
    leading: f32,
    rise: f32,
    font: Option<Vec<u8>>,
    size: f32,
}

impl Default for TextParams {
    fn default() -> Self {
        TextParams {
            char_spacing: 0.0,
            word_spacing: 0.0,
            scale: 1.0,
            leading: 0.0,
            rise: 0.0,
            font: None,
            size: 0.0,
        }
    }
}

/// The text and line matrices of the current text object.
struct TextState {
    matrix: Matrix,
    line: Matrix,
}

/// Why a page could not be read.
#[derive(Debug)]
pub struct PageError(pub String);

/// Fonts read once for the whole document, by the address of their
/// dictionary (pages share their fonts, and the document does not change
/// while it is read).
#[derive(Default)]
pub struct Fonts<'a>(std::collections::HashMap<usize, Font<'a>>);

/// What reading a whole document may cost: content bytes decoded and
/// glyphs kept, across all its pages. No resolution comes near.
pub struct Budget {
    pub content: usize,
    pub glyphs: usize,
}

impl Default for Budget {
    fn default() -> Self {
        Budget {
            content: 256 * 1024 * 1024,
            glyphs: 5_000_000,
        }
    }
}

/// Interpret one page. `budget` is what the rest of the document may still
/// spend; a page that overspends it is an error.
pub fn page<'a>(
    doc: &'a Document,
    page_id: ObjectId,
    cache: &mut Fonts<'a>,
    budget: &mut Budget,
) -> Result<Page, PageError> {
    let (width, height) = media_box(doc, page_id);
    let bytes = doc
        .get_page_content_with_limit(page_id, MAX_PAGE_CONTENT.min(budget.content))
        .map_err(|e| PageError(e.to_string()))?;
    budget.content = budget.content.saturating_sub(bytes.len());
    let content = Content::decode(&bytes).map_err(|e| PageError(e.to_string()))?;
    let font_dicts = doc.get_page_fonts(page_id).unwrap_or_default();
    for dict in font_dicts.values() {
        let key = std::ptr::from_ref(*dict) as usize;
        cache.0.entry(key).or_insert_with(|| Font::of(doc, dict));
    }
    let fonts: BTreeMap<Vec<u8>, &Font<'a>> = font_dicts
        .iter()
        .filter_map(|(name, dict)| {
            let key = std::ptr::from_ref(*dict) as usize;
            cache.0.get(&key).map(|font| (name.clone(), font))
        })
        .collect();

    let mut out = Page {
        width,
        height,
        ..Page::default()
    };
    let mut gs = GraphicsState {
        ctm: Matrix::IDENTITY,
        text: TextParams::default(),
    };
    let mut stack: Vec<GraphicsState> = Vec::new();
    let mut ts = TextState {
        matrix: Matrix::IDENTITY,
        line: Matrix::IDENTITY,
    };
    // The current path's horizontal segments, kept until it is painted.
    let mut path: Vec<Rule> = Vec::new();
    let mut current: (f32, f32) = (0.0, 0.0);

    for op in &content.operations {
        let operands = &op.operands;
        let num = |i: usize| operands.get(i).and_then(number).unwrap_or(0.0);
        match op.operator.as_str() {
            // Nesting no real page reaches is damage: stop saving.
            "q" if stack.len() < 256 => stack.push(gs.clone()),
            "q" => {}
            "Q" => {
                if let Some(saved) = stack.pop() {
                    gs = saved;
                }
            }
            "cm" => {
                if let Some(m) = matrix_of(operands) {
                    gs.ctm = m.then(gs.ctm);
                }
            }
            "BT" => {
                ts.matrix = Matrix::IDENTITY;
                ts.line = Matrix::IDENTITY;
            }
            "Tf" => {
                gs.text.font = operands
                    .first()
                    .and_then(|o| o.as_name().ok())
                    .map(<[u8]>::to_vec);
                gs.text.size = num(1);
            }
            "Tc" => gs.text.char_spacing = num(0),
            "Tw" => gs.text.word_spacing = num(0),
            "Tz" => gs.text.scale = num(0) / 100.0,
            "TL" => gs.text.leading = num(0),
            "Ts" => gs.text.rise = num(0),
            "Td" => {
                ts.line = Matrix::translate(num(0), num(1)).then(ts.line);
                ts.matrix = ts.line;
            }
            "TD" => {
                gs.text.leading = -num(1);
                ts.line = Matrix::translate(num(0), num(1)).then(ts.line);
                ts.matrix = ts.line;
            }
            "Tm" => {
                if let Some(m) = matrix_of(operands) {
                    ts.line = m;
                    ts.matrix = m;
                }
            }
            "T*" => {
                ts.line = Matrix::translate(0.0, -gs.text.leading).then(ts.line);
                ts.matrix = ts.line;
            }
            "Tj" | "'" | "\"" => {
                if op.operator == "\"" {
                    gs.text.word_spacing = num(0);
                    gs.text.char_spacing = num(1);
                }
                if op.operator != "Tj" {
                    ts.line = Matrix::translate(0.0, -gs.text.leading).then(ts.line);
                    ts.matrix = ts.line;
                }
                if let Some(Object::String(bytes, _)) = operands.last() {
                    show(&mut out.glyphs, &mut ts, &gs, &fonts, bytes);
                }
            }
            "TJ" => {
                if let Some(Object::Array(items)) = operands.first() {
                    for item in items {
                        match item {
                            Object::String(bytes, _) => {
                                show(&mut out.glyphs, &mut ts, &gs, &fonts, bytes)
                            }
                            other => {
                                let adjust = number(other).unwrap_or(0.0);
                                let tx = -adjust / 1000.0 * gs.text.size * gs.text.scale;
                                ts.matrix = Matrix::translate(tx, 0.0).then(ts.matrix);
                            }
                        }
                    }
                }
            }
            "m" => current = gs.ctm.apply(num(0), num(1)),
            "l" => {
                let end = gs.ctm.apply(num(0), num(1));
                if (end.1 - current.1).abs() < 0.5 && (end.0 - current.0).abs() > 1.0 {
                    path.push(Rule {
                        x0: current.0.min(end.0),
                        x1: current.0.max(end.0),
                        y: current.1,
                    });
                }
                current = end;
            }
            "re" => {
                let (x, y) = gs.ctm.apply(num(0), num(1));
                let (x2, y2) = gs.ctm.apply(num(0) + num(2), num(1) + num(3));
                if (y2 - y).abs() <= 2.0 && (x2 - x).abs() > 1.0 {
                    path.push(Rule {
                        x0: x.min(x2),
                        x1: x.max(x2),
                        y: (y + y2) / 2.0,
                    });
                }
            }
            "S" | "s" | "f" | "F" | "f*" | "B" | "B*" | "b" | "b*" => {
                // A page draws a few rules; thousands are a drawing, not text.
                if out.rules.len() < MAX_RULES {
                    out.rules.append(&mut path);
                }
                path.clear();
            }
            "n" => path.clear(),
            _ => {}
        }
        if out.glyphs.len() > budget.glyphs {
            return Err(PageError(format!(
                "more text than any resolution has (over {} characters)",
                Budget::default().glyphs
            )));
        }
    }
    budget.glyphs -= out.glyphs.len();
    Ok(out)
}

fn show(
    glyphs: &mut Vec<Glyph>,
    ts: &mut TextState,
    gs: &GraphicsState,
    fonts: &BTreeMap<Vec<u8>, &Font<'_>>,
    bytes: &[u8],
) {
    let Some(font) = gs.text.font.as_ref().and_then(|name| fonts.get(name)) else {
        return;
    };
    for code in font.codes(bytes) {
        let text = font.text(code);
        let advance = font.width(code) / 1000.0 * gs.text.size;
        let space = code == [32];
        let render = Matrix([
            gs.text.size * gs.text.scale,
            0.0,
            0.0,
            gs.text.size,
            0.0,
            gs.text.rise,
        ])
        .then(ts.matrix)
        .then(gs.ctm);
        let (x, y) = render.apply(0.0, 0.0);
        let tx = (advance + gs.text.char_spacing + if space { gs.text.word_spacing } else { 0.0 })
            * gs.text.scale;
        let next = Matrix::translate(tx, 0.0).then(ts.matrix);
        let (x_end, _) = next.then(gs.ctm).apply(0.0, 0.0);
        let size = render.vertical_scale();
        // Coordinates no page has are damage: such glyphs are not placed.
        let placed = [x, y, x_end, size]
            .iter()
            .all(|v| v.is_finite() && v.abs() < 1.0e6);
        if !text.is_empty() && size > 0.0 && placed {
            glyphs.push(Glyph {
                x,
                y,
                width: x_end - x,
                size,
                italic: font.italic,
                bold: font.bold,
                text,
            });
        }
        ts.matrix = next;
    }
}

fn media_box(doc: &Document, page_id: ObjectId) -> (f32, f32) {
    let mut node = doc.get_dictionary(page_id).ok();
    // Inherited through the page tree; bounded against cycles.
    for _ in 0..32 {
        let Some(dict) = node else { break };
        if let Some(values) = dict
            .get(b"MediaBox")
            .ok()
            .and_then(|o| deref(doc, o))
            .and_then(|o| o.as_array().ok())
        {
            let v: Vec<f32> = values.iter().filter_map(number).collect();
            if v.len() == 4 {
                return ((v[2] - v[0]).abs(), (v[3] - v[1]).abs());
            }
        }
        node = dict
            .get(b"Parent")
            .ok()
            .and_then(|o| o.as_reference().ok())
            .and_then(|id| doc.get_dictionary(id).ok());
    }
    (612.0, 792.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::{Stream, dictionary};

    /// A one-page document drawing `content` with font F1 = `font`.
    fn document(font: &str, content: &[u8]) -> (Document, ObjectId) {
        let mut doc = Document::with_version("1.7");
        let pages_id = doc.new_object_id();
        let font_id = doc.add_object(dictionary! {
            "Type" => "Font",
            "Subtype" => "Type1",
            "BaseFont" => font,
            "FirstChar" => 65,
            "Widths" => vec![500.into(), 600.into()],
        });
        let content_id = doc.add_object(Stream::new(dictionary! {}, content.to_vec()));
        let page_id = doc.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
            "Contents" => content_id,
            "Resources" => dictionary! { "Font" => dictionary! { "F1" => font_id } },
        });
        doc.objects.insert(
            pages_id,
            Object::Dictionary(
                dictionary! { "Type" => "Pages", "Kids" => vec![page_id.into()], "Count" => 1 },
            ),
        );
        (doc, page_id)
    }

    #[test]
    fn glyphs_advance_by_their_widths_and_q_restores_the_text_state() {
        let (doc, page_id) = document(
            "Helvetica-Oblique",
            b"q 5 Tc BT /F1 10 Tf 1 0 0 1 100 700 Tm (AB) Tj ET Q BT /F1 10 Tf 1 0 0 1 100 600 Tm (AB) Tj ET",
        );
        let page =
            page(&doc, page_id, &mut Fonts::default(), &mut Budget::default()).expect("page reads");
        let xs: Vec<(String, f32, f32)> = page
            .glyphs
            .iter()
            .map(|g| (g.text.clone(), g.x, g.y))
            .collect();
        // "A" is 500/1000 of 10 points wide; with 5 points of character
        // spacing inside q … Q, none after it.
        assert_eq!(
            xs,
            [
                ("A".to_string(), 100.0, 700.0),
                ("B".to_string(), 110.0, 700.0),
                ("A".to_string(), 100.0, 600.0),
                ("B".to_string(), 105.0, 600.0),
            ]
        );
        assert!(
            page.glyphs
                .iter()
                .all(|g| g.italic && !g.bold && g.size == 10.0)
        );
    }

    #[test]
    fn widths_no_font_has_are_not_kept() {
        let doc = Document::with_version("1.7");
        let ranges: Vec<Object> = (0..400)
            .flat_map(|_| [0.into(), 65_535.into(), 500.into()])
            .chain([
                Object::Real(4.0e9),
                Object::Array(vec![500.into(), 600.into()]),
            ])
            .collect();
        let widths = cid_widths(&doc, &ranges);
        assert!(widths.len() <= MAX_WIDTHS);
    }

    #[test]
    fn thin_filled_rectangles_are_rules() {
        let (doc, page_id) = document("Helvetica", b"100 73 72 0.5 re f 0 0 612 792 re f");
        let page =
            page(&doc, page_id, &mut Fonts::default(), &mut Budget::default()).expect("page reads");
        assert_eq!(page.rules.len(), 1);
        assert_eq!((page.rules[0].x0, page.rules[0].x1), (100.0, 172.0));
    }
}
