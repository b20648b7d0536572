//! Sub-paragraph labels and their sequence: `(a)` `(b)` … with `(i)` `(ii)` …
//! inside, numbered items (`1.` inside an operative paragraph) and bullets.
//! Whether `(i)` is the letter after `(h)` or the roman one opening a
//! nested list is decided here, from the labels already seen.

/// What kind of counter a label is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelKind {
    Letter,
    Roman,
    Number,
    Bullet,
}

/// One level of the current list: its kind and the last value seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Level {
    pub kind: LabelKind,
    pub value: u32,
}

/// The place a new label takes: its depth (1 = directly under the
/// paragraph) and its reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placement {
    pub depth: usize,
    pub level: Level,
}

/// `a` -> 1, `z` -> 26, `aa` -> 27 (the UN doubles letters after z).
pub fn letter_value(label: &str) -> Option<u32> {
    let mut chars = label.chars();
    let first = chars.next()?;
    if !first.is_ascii_lowercase() || !chars.all(|c| c == first) {
        return None;
    }
    let n = label.len() as u32;
    (n <= 2).then(|| (n - 1) * 26 + (first as u32 - 'a' as u32 + 1))
}

/// `iv` -> 4; only canonical lower-case numerals up to 39.
pub fn roman_value(label: &str) -> Option<u32> {
    if label.is_empty() || !label.chars().all(|c| "ivxl".contains(c)) {
        return None;
    }
    (1..40).find(|&n| to_roman(n) == label)
}

fn to_roman(mut n: u32) -> String {
    let mut out = String::new();
    for (value, digits) in [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")] {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

fn number_value(label: &str) -> Option<u32> {
    if label.is_empty() || label.len() > 3 || !label.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    label.parse().ok()
}

/// Where `label` fits after the labels in `stack` (outermost first), or
/// `None` when it does not continue any list there. Preference: the next
/// label of the innermost list, then of an outer list, then a new list
/// nested in the innermost item.
pub fn place(label: &str, kind_hint: LabelKind, stack: &[Level]) -> Option<Placement> {
    let readings: Vec<Level> = match kind_hint {
        LabelKind::Bullet => vec![Level {
            kind: LabelKind::Bullet,
            value: 1,
        }],
        LabelKind::Number => number_value(label)
            .map(|value| Level {
                kind: LabelKind::Number,
                value,
            })
            .into_iter()
            .collect(),
        LabelKind::Letter | LabelKind::Roman => {
            let mut r = Vec::new();
            if let Some(value) = letter_value(label) {
                r.push(Level {
                    kind: LabelKind::Letter,
                    value,
                });
            }
            if let Some(value) = roman_value(label) {
                r.push(Level {
                    kind: LabelKind::Roman,
                    value,
                });
            }
            r
        }
    };
    let continues = |level: &Level, reading: &Level| {
        level.kind == reading.kind
            && (reading.value == level.value + 1 || reading.kind == LabelKind::Bullet)
    };
    // The next label of a list already open, innermost first.
    for depth in (0..stack.len()).rev() {
        for reading in &readings {
            if continues(&stack[depth], reading) {
                return Some(Placement {
                    depth: depth + 1,
                    level: *reading,
                });
            }
        }
    }
    // A new list, nested in the innermost item (at most two levels).
    if stack.len() < 2 {
        let opens = |reading: &Level| {
            reading.value == 1 && stack.last().is_none_or(|outer| outer.kind != reading.kind)
        };
        // Inside a letter list, `i` opens a roman list; at the top, `i` is
        // roman one too (the letter would need `a`…`h` before it).
        let preferred = readings
            .iter()
            .filter(|r| opens(r))
            .max_by_key(|r| r.kind == LabelKind::Roman);
        if let Some(reading) = preferred {
            return Some(Placement {
                depth: stack.len() + 1,
                level: *reading,
            });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn letter(value: u32) -> Level {
        Level {
            kind: LabelKind::Letter,
            value,
        }
    }

    fn roman(value: u32) -> Level {
        Level {
            kind: LabelKind::Roman,
            value,
        }
    }

    #[test]
    fn values() {
        assert_eq!(letter_value("a"), Some(1));
        assert_eq!(letter_value("i"), Some(9));
        assert_eq!(letter_value("aa"), Some(27));
        assert_eq!(letter_value("ab"), None);
        assert_eq!(roman_value("viii"), Some(8));
        assert_eq!(roman_value("iiii"), None);
        assert_eq!(roman_value("XXXI"), None);
    }

    #[test]
    fn i_after_h_is_a_letter() {
        let p = place("i", LabelKind::Letter, &[letter(8)]).unwrap();
        assert_eq!((p.depth, p.level), (1, letter(9)));
    }

    #[test]
    fn i_after_c_opens_a_roman_list() {
        let p = place("i", LabelKind::Letter, &[letter(3)]).unwrap();
        assert_eq!((p.depth, p.level), (2, roman(1)));
        let p = place("d", LabelKind::Letter, &[letter(3), roman(2)]).unwrap();
        assert_eq!((p.depth, p.level), (1, letter(4)));
        let p = place("v", LabelKind::Letter, &[letter(3), roman(4)]).unwrap();
        assert_eq!((p.depth, p.level), (2, roman(5)));
    }

    #[test]
    fn lists_start_at_one_only() {
        assert_eq!(place("i", LabelKind::Letter, &[]).unwrap().level, roman(1));
        assert_eq!(place("a", LabelKind::Letter, &[]).unwrap().level, letter(1));
        assert!(place("c", LabelKind::Letter, &[]).is_none());
        assert!(place("x", LabelKind::Letter, &[roman(4)]).is_none());
        let p = place("x", LabelKind::Letter, &[roman(9)]).unwrap();
        assert_eq!(p.level, roman(10));
    }
}
