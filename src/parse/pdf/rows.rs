//! From glyphs to rows: the glyphs of one baseline in reading order, with
//! the spaces the layout implies, superscripts (footnote markers) taken
//! into the row they are raised above, and each character's face kept.

use super::glyphs::{Glyph, Page};

/// One character of a row and how it was set.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Styled {
    pub ch: char,
    pub italic: bool,
    pub bold: bool,
    /// Raised and smaller than the row: a footnote marker.
    pub superscript: bool,
}

/// A printed line.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Baseline, points from the page bottom.
    pub y: f32,
    /// Left edge of the first glyph.
    pub x: f32,
    /// Right edge of the last glyph.
    pub right: f32,
    /// The size most of the row is set in.
    pub size: f32,
    pub chars: Vec<Styled>,
}

impl Row {
    pub fn text(&self) -> String {
        self.chars.iter().map(|c| c.ch).collect()
    }

    /// The row without superscripts.
    pub fn plain(&self) -> String {
        self.chars
            .iter()
            .filter(|c| !c.superscript)
            .map(|c| c.ch)
            .collect()
    }

    pub fn is_bold(&self) -> bool {
        let letters: Vec<&Styled> = self
            .chars
            .iter()
            .filter(|c| c.ch.is_alphanumeric())
            .collect();
        !letters.is_empty() && letters.iter().all(|c| c.bold)
    }
}

/// Glyphs on one baseline, before superscripts are folded in.
struct Band {
    y: f32,
    size: f32,
    glyphs: Vec<Glyph>,
}

/// A gap wider than this share of the font size between two glyphs is a
/// space the PDF did not draw (justified text, positioned words).
const SPACE_GAP: f32 = 0.18;

/// The rows of a page, top to bottom.
pub fn rows(page: &Page) -> Vec<Row> {
    let mut glyphs: Vec<Glyph> = page
        .glyphs
        .iter()
        .filter(|g| g.size >= 2.0)
        .cloned()
        .collect();
    glyphs.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));

    // Bands: glyphs whose baselines are within a point of each other.
    let mut bands: Vec<Band> = Vec::new();
    for glyph in glyphs {
        match bands.last_mut() {
            Some(band) if (band.y - glyph.y).abs() <= 1.0 => band.glyphs.push(glyph),
            _ => bands.push(Band {
                y: glyph.y,
                size: 0.0,
                glyphs: vec![glyph],
            }),
        }
    }
    bands.retain(|b| b.glyphs.iter().any(|g| !g.text.trim().is_empty()));
    for band in &mut bands {
        band.size = dominant_size(&band.glyphs);
    }

    // A band of small glyphs raised a little above a band of larger ones,
    // within its width, is that band's superscripts.
    let mut superscript = vec![false; bands.len()];
    for i in 0..bands.len() {
        let small = &bands[i];
        let host = (i + 1..bands.len()).take(2).find(|&j| {
            let big = &bands[j];
            let raise = small.y - big.y;
            small.size < big.size * 0.85
                && raise > 0.0
                && raise < big.size * 0.75
                && overlaps(small, big)
        });
        if let Some(j) = host {
            superscript[i] = true;
            let moved: Vec<Glyph> = std::mem::take(&mut bands[i].glyphs);
            bands[j].glyphs.extend(moved.into_iter().map(|mut g| {
                // Marked by a negative size so the row builder knows (once:
                // a band moved twice stays marked).
                g.size = -g.size.abs();
                g
            }));
        }
    }

    bands
        .into_iter()
        .zip(superscript)
        .filter(|(b, raised)| !raised && !b.glyphs.is_empty())
        .map(|(band, _)| row_of(band))
        .collect()
}

fn overlaps(small: &Band, big: &Band) -> bool {
    let extent = |b: &Band| {
        let left = b.glyphs.iter().map(|g| g.x).fold(f32::INFINITY, f32::min);
        let right = b
            .glyphs
            .iter()
            .map(|g| g.x + g.width)
            .fold(f32::NEG_INFINITY, f32::max);
        (left, right)
    };
    let (sl, sr) = extent(small);
    let (bl, br) = extent(big);
    // A footnote's own number stands just before its text.
    sl >= bl - big.size * 1.5 && sr <= br + big.size * 2.0
}

fn dominant_size(glyphs: &[Glyph]) -> f32 {
    most_common_size(
        glyphs
            .iter()
            .filter(|g| !g.text.trim().is_empty())
            .map(|g| (g.size.abs(), g.text.chars().count())),
    )
    .unwrap_or(0.0)
}

/// The size most characters are set in, to a tenth of a point, from
/// (size, characters) pairs; the larger size on a tie.
pub(super) fn most_common_size(sizes: impl Iterator<Item = (f32, usize)>) -> Option<f32> {
    let mut counts: Vec<(i32, usize)> = Vec::new();
    for (size, n) in sizes {
        let key = (size * 10.0).round() as i32;
        match counts.iter_mut().find(|(k, _)| *k == key) {
            Some((_, c)) => *c += n,
            None => counts.push((key, n)),
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(k, n)| (n, k))
        .map(|(k, _)| k as f32 / 10.0)
}

fn row_of(mut band: Band) -> Row {
    band.glyphs.sort_by(|a, b| a.x.total_cmp(&b.x));
    let size = dominant_size(&band.glyphs);
    let mut chars: Vec<Styled> = Vec::new();
    let mut last_end: Option<f32> = None;
    let first = band.glyphs.iter().find(|g| !g.text.trim().is_empty());
    let x = first.map_or(0.0, |g| g.x);
    let mut right = x;
    for glyph in &band.glyphs {
        let raised = glyph.size < 0.0;
        let blank = glyph.text.trim().is_empty();
        if let Some(end) = last_end
            && glyph.x - end > SPACE_GAP * size
            && !blank
            && chars.last().is_some_and(|c| c.ch != ' ')
            && !raised
        {
            chars.push(Styled {
                ch: ' ',
                italic: glyph.italic,
                bold: glyph.bold,
                superscript: false,
            });
        }
        for ch in glyph.text.chars() {
            let ch = if ch.is_whitespace() && ch != '\u{a0}' {
                ' '
            } else {
                ch
            };
            if ch == ' ' && (chars.is_empty() || chars.last().is_some_and(|c| c.ch == ' ')) {
                continue;
            }
            chars.push(Styled {
                ch,
                italic: glyph.italic,
                bold: glyph.bold,
                superscript: raised,
            });
        }
        if !blank {
            right = right.max(glyph.x + glyph.width);
        }
        last_end = Some(glyph.x + glyph.width);
    }
    while chars.last().is_some_and(|c| c.ch == ' ') {
        chars.pop();
    }
    Row {
        y: band.y,
        x,
        right,
        size,
        chars,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Glyphs of `text` from `x`, 5 points a character.
    fn word(text: &str, x: f32, y: f32, size: f32, italic: bool) -> Vec<Glyph> {
        text.chars()
            .enumerate()
            .map(|(i, c)| Glyph {
                x: x + i as f32 * 5.0,
                y,
                width: 5.0,
                size,
                italic,
                bold: false,
                text: c.to_string(),
            })
            .collect()
    }

    /// A US letter page drawing `glyphs`.
    fn letter(glyphs: Vec<Glyph>) -> Page {
        Page {
            width: 612.0,
            height: 792.0,
            glyphs,
            rules: Vec::new(),
        }
    }

    #[test]
    fn a_raised_small_number_is_a_superscript_of_its_row() {
        let mut glyphs = word("Takes", 100.0, 500.0, 10.0, true);
        glyphs.extend(word("note;", 130.0, 500.0, 10.0, false));
        glyphs.extend(word("1", 156.0, 504.0, 6.5, false));
        let page = letter(glyphs);
        let rows = rows(&page);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].text(), "Takes note;1");
        assert_eq!(rows[0].plain(), "Takes note;");
        assert!(rows[0].chars[..5].iter().all(|c| c.italic));
        assert!(rows[0].chars.last().is_some_and(|c| c.superscript));
    }

    #[test]
    fn a_footnote_number_before_its_text_is_its_marker() {
        let mut glyphs = word("3", 116.7, 104.5, 5.5, false);
        glyphs.extend(word("See", 121.9, 101.5, 8.5, false));
        let page = letter(glyphs);
        let rows = rows(&page);
        assert_eq!(rows.len(), 1);
        assert!(rows[0].chars[0].superscript);
        assert_eq!(rows[0].plain(), "See");
    }

    #[test]
    fn a_gap_is_a_space_and_touching_glyphs_are_one_word() {
        let mut glyphs = word("Amer", 100.0, 500.0, 10.0, false);
        glyphs.extend(word("ica", 120.0, 500.0, 10.0, false));
        glyphs.extend(word("and", 140.0, 500.0, 10.0, false));
        assert_eq!(rows(&letter(glyphs))[0].text(), "America and");
    }
}
