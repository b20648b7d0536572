//! The shapes of lines the rules test: a numbered paragraph, a
//! sub-paragraph label, the enacting formula, a heading, a title, a lead
//! the lexicon lacks. Each is a pure function of the text and the
//! profile; the rules combine them with what the pass has seen.

use super::Rule;
use crate::lang::Profile;
use crate::model::Part;
use crate::parse::import::furniture::furniture;
use crate::parse::import::labels::LabelKind;
use crate::parse::import::lines::CleanedLine;

/// `7 bis. Decides…` -> ("7 bis", 7, suffixed, "Decides…").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Numbered<'a> {
    /// As printed: "7 bis".
    pub label: String,
    /// 7.
    pub value: u32,
    /// The label carries a suffix ("bis").
    pub suffixed: bool,
    /// The paragraph's text after the label.
    pub rest: &'a str,
}

/// `12. Text`, `7 bis. Text`: a number of up to three digits, a suffix of
/// the profile's, a period and a space.
pub fn numbered<'a>(text: &'a str, profile: &Profile) -> Option<Numbered<'a>> {
    let digits_end = text
        .char_indices()
        .find(|(_, c)| !c.is_ascii_digit())
        .map_or(text.len(), |(i, _)| i);
    if digits_end == 0 || digits_end > 3 {
        return None;
    }
    let value: u32 = text[..digits_end].parse().ok()?;
    let mut after = &text[digits_end..];
    let mut label = text[..digits_end].to_string();
    let mut suffixed = false;
    for suffix in &profile.data.labels.suffixes {
        if let Some(rest) = after
            .strip_prefix(' ')
            .and_then(|a| a.strip_prefix(suffix.as_str()))
        {
            label.push(' ');
            label.push_str(suffix);
            after = rest;
            suffixed = true;
            break;
        }
    }
    let rest = after.strip_prefix(". ")?.trim_start();
    if rest.is_empty() || value == 0 {
        return None;
    }
    Some(Numbered {
        label,
        value,
        suffixed,
        rest,
    })
}

/// `1000. Decides …`: a number of four digits or more is a paragraph's
/// only where it is the next one (`2016. …` is a year).
pub fn numbered_long(text: &str, expected: u32) -> Option<Numbered<'_>> {
    let wanted = format!("{expected}. ");
    if expected < 1000 || !text.starts_with(&wanted) {
        return None;
    }
    let rest = text[wanted.len()..].trim_start();
    (!rest.is_empty()).then(|| Numbered {
        label: expected.to_string(),
        value: expected,
        suffixed: false,
        rest,
    })
}

/// `(a) text`, `a) text`, `• text`: the label as the profile's forms
/// print it -> (label, kind, text).
pub fn sub_label<'a>(text: &'a str, profile: &Profile) -> Option<(String, LabelKind, &'a str)> {
    let labels = &profile.data.labels;
    for bullet in &labels.bullets {
        if let Some(rest) = text.strip_prefix(bullet.as_str()) {
            // A bullet stands apart from its text.
            if !rest.starts_with(' ') {
                continue;
            }
            let rest = rest.trim_start();
            return (!rest.is_empty()).then(|| (bullet.clone(), LabelKind::Bullet, rest));
        }
    }
    labels.sub_forms.iter().find_map(|(open, close)| {
        let inner_text = text.strip_prefix(open.as_str())?;
        let inner_end = inner_text.find(close.as_str())?;
        let inner = &inner_text[..inner_end];
        if inner.is_empty() || inner.len() > 5 || !inner.chars().all(|c| c.is_ascii_lowercase()) {
            return None;
        }
        let rest = inner_text[inner_end + close.len()..]
            .strip_prefix(' ')?
            .trim_start();
        (!rest.is_empty()).then(|| (inner.to_string(), LabelKind::Letter, rest))
    })
}

/// A label alone, as `sub_label` reads it at the start of a line: "(a)",
/// "a)".
pub fn bare_sub_label(text: &str, profile: &Profile) -> bool {
    profile.data.labels.sub_forms.iter().any(|(open, close)| {
        text.strip_prefix(open.as_str())
            .and_then(|t| t.strip_suffix(close.as_str()))
            .is_some_and(|inner| {
                !inner.is_empty()
                    && inner.len() <= 5
                    && inner.chars().all(|c| c.is_ascii_lowercase())
            })
    })
}

/// The enacting formula: see [`Profile::is_enacting_formula`].
pub fn enacting_formula(text: &str, profile: &Profile) -> bool {
    profile.is_enacting_formula(text)
}

/// Whether a text opens with a capital, as leads, headings and titles do
/// in languages that capitalise them.
fn capitalised(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_uppercase)
}

/// A short line without final punctuation that opens with a capital and is
/// neither a lead nor a label: a section heading ("AMISOM", "Reporting",
/// "Mesures").
pub fn heading_shape(text: &str, profile: &Profile) -> bool {
    let words = text.split(' ').count();
    text.chars().count() <= 80
        && words <= 10
        && capitalised(text)
        && !text.ends_with([',', ';', ':', '.'])
        && profile.lexicon().lead_at_start(text, None).is_none()
        && numbered(text, profile).is_none()
        && !enacting_formula(text, profile)
}

/// A section's label alone on its line: a capital letter or a Roman
/// numeral, with or without a period (`A`, `B`, `II`, `III.`), or a row
/// of stars (`* * *`), as the volumes and drafts divide a resolution.
pub fn section_label(text: &str) -> bool {
    let text = text.trim();
    let stars = text.split(' ').count() >= 3 && text.split(' ').all(|w| w == "*");
    let label = text.strip_suffix('.').unwrap_or(text);
    let numeral =
        !label.is_empty() && label.len() <= 6 && label.chars().all(|c| "IVXLC".contains(c));
    let letter = label.len() == 1 && label.chars().all(|c| c.is_ascii_uppercase());
    stars || numeral || letter
}

/// A title on a line of its own: capitalised, no final punctuation, not a
/// paragraph or sub-paragraph, and short for a paragraph.
pub fn title_shape(text: &str, profile: &Profile) -> bool {
    text.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && !text.ends_with([',', ';', ':', '.'])
        && text.split(' ').count() <= 30
        && numbered(text, profile).is_none()
        && sub_label(text, profile).is_none()
}

/// A heading in a typeset source may be set in italics: a short line
/// without final punctuation, whose words are all capitalised where the
/// language writes headings so.
pub fn heading_shape_typeset(text: &str, profile: &Profile) -> bool {
    heading_shape(text, profile)
        && text.split(' ').count() <= 6
        && (!profile.data.words.title_case_headings
            || text
                .split(' ')
                .filter(|w| w.len() > 3)
                .all(|w| w.chars().next().is_some_and(char::is_uppercase)))
}

/// Whether a line opens a paragraph by its shape alone (for the end of the
/// prologue and for heading look-ahead).
pub fn opens_paragraph(text: &str, profile: &Profile) -> bool {
    numbered(text, profile).is_some()
        || sub_label(text, profile).is_some()
        || profile.lexicon().lead_at_start(text, None).is_some()
}

/// A capitalised participle or adjective (`Alarmed`, `Préoccupé`), with
/// an adverb (`Gravely distressed`) or an auxiliary (`Having conducted`)
/// before it, opening a preambular paragraph the lexicon does not know.
pub fn unknown_preamble_lead(text: &str, profile: &Profile) -> Option<String> {
    let morphology = &profile.data.morphology;
    let mut words = text.split(' ');
    let first = words.next()?.trim_end_matches([',', ';', ':']);
    let first_char = first.chars().next()?;
    if (morphology.capitalised && !first_char.is_uppercase())
        || !first.chars().all(char::is_alphabetic)
    {
        return None;
    }
    let participle = |w: &str| {
        w.len() > 4
            && morphology
                .preamble_endings
                .iter()
                .any(|e| w.ends_with(e.as_str()))
    };
    let second = words
        .next()
        .unwrap_or_default()
        .trim_end_matches([',', ';', ':']);
    // `Having conducted`, `Ayant entendu`: the auxiliary alone says
    // nothing; the participle after it is the lead's.
    if morphology.auxiliaries.iter().any(|a| a == first)
        && second.len() > 2
        && second.chars().all(char::is_lowercase)
    {
        return Some(format!("{first} {second}"));
    }
    // `United States`, `Armed Forces`: a name, not a lead.
    if participle(first) && !second.starts_with(char::is_uppercase) {
        return Some(first.to_string());
    }
    let adverb = morphology
        .adverb_endings
        .iter()
        .any(|e| first.ends_with(e.as_str()));
    (adverb && participle(second) && second.chars().all(char::is_alphabetic))
        .then(|| format!("{first} {second}"))
}

/// Whether a lead's first word is a present participle ("Recalling",
/// "Rappelant"), which never opens a wrapped line in mid-sentence.
pub fn present_participle(lead: &str, profile: &Profile) -> bool {
    lead.split(' ').next().is_some_and(|w| {
        profile
            .data
            .morphology
            .present_participle
            .iter()
            .any(|e| w.ends_with(e.as_str()))
    })
}

/// Whether a lead's first word is a participle or adjective of the
/// preamble ("Noting", "Concerned"; "Notant", "Préoccupé").
pub fn preamble_word(lead: &str, profile: &Profile) -> bool {
    lead.split(' ').next().is_some_and(|w| {
        profile
            .data
            .morphology
            .preamble_endings
            .iter()
            .any(|e| w.ends_with(e.as_str()))
    })
}

/// Whether the lexicon finds an operative lead at the start of `text`.
pub fn operative_lead(text: &str, profile: &Profile) -> bool {
    profile
        .lexicon()
        .lead_at_start(text, Some(Part::Operative))
        .is_some()
}

/// The rule that joins a label alone on its line to its text.
pub const BARE_LABEL: Rule = Rule {
    name: "bare-label",
    decides: "a paragraph number or sub-paragraph label alone on its line (`2.`, `(a)`, `a)`, a bullet), as plain pdftotext prints it, is joined to the text on the next line",
};

/// `2.` or `(a)` alone on a line (plain `pdftotext` puts a paragraph's
/// number on a line of its own): joined to the text on the next non-blank
/// line, which is emptied, so every line keeps its number.
pub fn join_bare_labels(lines: &mut [CleanedLine], profile: &Profile) {
    let suffixes = &profile.data.labels.suffixes;
    let bare = |t: &str| {
        let t = t.trim();
        // `12.` or `7 bis.`, nothing else: `31 December.` ends a sentence.
        let number = t.strip_suffix('.').is_some_and(|n| {
            let (digits, suffix) = n.split_once(' ').unwrap_or((n, ""));
            !digits.is_empty()
                && digits.len() <= 4
                && digits.bytes().all(|b| b.is_ascii_digit())
                && (suffix.is_empty() || suffixes.iter().any(|s| s == suffix))
        });
        (number && t.len() <= 14)
            || (t.len() <= 7 && bare_sub_label(t, profile))
            || profile.data.labels.bullets.iter().any(|b| b == t)
    };
    for i in 0..lines.len() {
        if !bare(&lines[i].text) {
            continue;
        }
        let Some(next) = (i + 1..lines.len()).find(|&j| {
            !lines[j].text.is_empty()
                && !lines[j].furniture
                && furniture(&lines[j].text, profile).is_none()
        }) else {
            continue;
        };
        if bare(&lines[next].text) {
            continue;
        }
        let rest = std::mem::take(&mut lines[next].text);
        let repairs = std::mem::take(&mut lines[next].repairs);
        let line = &mut lines[i];
        line.text = format!("{} {rest}", line.text.trim());
        line.repairs.extend(repairs);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Language;

    fn en() -> &'static Profile {
        Language::En.profile()
    }

    fn fr() -> &'static Profile {
        Language::Fr.profile()
    }

    #[test]
    fn numbered_labels() {
        let n = numbered("7 bis. Decides to", en()).unwrap();
        assert_eq!(
            (n.label.as_str(), n.value, n.suffixed, n.rest),
            ("7 bis", 7, true, "Decides to")
        );
        assert_eq!(numbered("12. Emphasises", en()).unwrap().value, 12);
        assert!(numbered("2014. The", en()).is_none());
        assert!(numbered("14 February 2014,", en()).is_none());
        assert!(numbered("2.5 million", en()).is_none());
        // fr/S_RES_1541_2004-fr.txt:11
        assert_eq!(
            numbered("1. Réaffirme son soutien au Plan de paix", fr()).map(|n| n.value),
            Some(1)
        );
    }

    #[test]
    fn sub_labels_in_each_languages_forms() {
        let label = |t: &str, p: &Profile| sub_label(t, p).map(|s| s.0);
        assert_eq!(label("(a) Reach an", en()).as_deref(), Some("a"));
        assert_eq!(label("(viii) developments", en()).as_deref(), Some("viii"));
        assert_eq!(label("(XXXI) of June 2018", en()), None);
        assert_eq!(label("(2014), 2179 (2014)", en()), None);
        assert_eq!(label("(c), (d) and (e)", en()), None);
        assert_eq!(label("• the progress", en()).as_deref(), Some("•"));
        // The French volumes print "a)" and dashes (fr/S_RES_1596_2005-fr.txt).
        assert_eq!(label("a) De faciliter", fr()).as_deref(), Some("a"));
        assert_eq!(label("ii) la protection", fr()).as_deref(), Some("ii"));
        assert_eq!(label("– Auront achevé", fr()).as_deref(), Some("–"));
        assert_eq!(label("a) De faciliter", en()), None);
        assert_eq!(label("(a) De faciliter", fr()).as_deref(), Some("a"));
        assert_eq!(label("1) Information shared", fr()), None);
    }

    #[test]
    fn formulas_of_each_language() {
        assert!(enacting_formula("The Security Council,", en()));
        assert!(enacting_formula("The General Assembly,", en()));
        assert!(enacting_formula("The Human Rights Council,", en()));
        assert!(!enacting_formula("The Houthis have engaged in acts", en()));
        // fr/: 326 of 328 texts; 1625 has no comma.
        assert!(enacting_formula("Le Conseil de sécurité,", fr()));
        assert!(enacting_formula("Le Conseil de sécurité", fr()));
        assert!(enacting_formula("L’Assemblée générale,", fr()));
        assert!(enacting_formula("Le Conseil économique et social,", fr()));
        assert!(!enacting_formula("Le Conseil de sécurité,", en()));
        assert!(!enacting_formula(
            "La Mission des Nations Unies pour l’organisation d’un référendum",
            fr()
        ));
    }

    #[test]
    fn unknown_leads() {
        let lead = |t: &str, p: &Profile| unknown_preamble_lead(t, p);
        assert_eq!(
            lead("Calling for immediate", en()).as_deref(),
            Some("Calling")
        );
        assert_eq!(
            lead("Gravely distressed by the", en()).as_deref(),
            Some("Gravely distressed")
        );
        assert_eq!(lead("Government, commitment", en()), None);
        assert_eq!(
            lead("Having conducted its review", en()).as_deref(),
            Some("Having conducted")
        );
        assert_eq!(lead("United States of America, from 14 July", en()), None);
        assert_eq!(lead("Alarmed by the", en()).as_deref(), Some("Alarmed"));
        assert_eq!(
            lead("Constatant que la", fr()).as_deref(),
            Some("Constatant")
        );
        assert_eq!(
            lead("Profondément préoccupé par", fr()).as_deref(),
            Some("Profondément préoccupé")
        );
        assert_eq!(
            lead("Ayant entendu les", fr()).as_deref(),
            Some("Ayant entendu")
        );
        assert_eq!(lead("Nations Unies", fr()), None);
    }

    #[test]
    fn section_labels() {
        // fr/S_RES_1295_2000-fr.txt "B", fr/S_RES_1542_2004-fr.txt "II.",
        // fr/S_RES_1551_2004-fr.txt "* * *".
        for label in ["A", "B", "II", "III.", "* * *"] {
            assert!(section_label(label), "{label}");
        }
        for text in ["AMISOM", "Iraq", "I.e.", "1.", "* *", "a"] {
            assert!(!section_label(text), "{text}");
        }
    }

    #[test]
    fn headings_are_title_case_only_where_the_language_writes_them_so() {
        assert!(heading_shape_typeset("Protection of Civilians", en()));
        assert!(!heading_shape_typeset("Protection of civilians", en()));
        // fr/S_RES_1542_2004-fr.txt: "Processus politique".
        assert!(heading_shape_typeset("Processus politique", fr()));
    }
}
