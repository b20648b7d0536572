//! Which language a document is written in, from what only that language
//! prints: its enacting formula, the heading and adoption lines of its
//! head and foot, and the leads that open its paragraphs. Each profile
//! scores the document's lines; the best score wins, and where no profile
//! finds anything the document is read as English, with a warning.

use super::{Language, first_match};

/// How far into a document its language is looked for: the head, the
/// formula and the first paragraphs say it.
const LINES_READ: usize = 400;

/// What a formula, a heading or an adoption line counts for against a lead.
const FRAME_WEIGHT: usize = 5;

/// A document's language and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detection {
    /// The language found (English where nothing was).
    pub language: Language,
    /// What showed it: "the enacting formula and 9 leads".
    pub evidence: String,
    /// Whether anything of the language was found at all.
    pub found: bool,
}

/// What a profile found in the lines.
#[derive(Debug, Default, Clone, Copy)]
struct Score {
    formula: usize,
    frame: usize,
    leads: usize,
}

impl Score {
    fn total(self) -> usize {
        (self.formula + self.frame) * FRAME_WEIGHT + self.leads
    }

    fn evidence(self) -> String {
        let mut parts = Vec::new();
        if self.formula > 0 {
            parts.push("the enacting formula".to_string());
        }
        if self.frame > 0 {
            parts.push(match self.frame {
                1 => "a heading or adoption line".to_string(),
                n => format!("{n} heading or adoption lines"),
            });
        }
        if self.leads > 0 {
            parts.push(match self.leads {
                1 => "1 lead".to_string(),
                n => format!("{n} leads"),
            });
        }
        parts.join(" and ")
    }
}

/// The language of a document whose lines are `lines` (trimmed text).
pub fn detect<'a>(lines: impl IntoIterator<Item = &'a str>) -> Detection {
    let lines: Vec<&str> = lines
        .into_iter()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(LINES_READ)
        .collect();
    let scores: Vec<(Language, Score)> = Language::ALL
        .iter()
        .map(|&language| (language, score(language, &lines)))
        .collect();
    // The best score; a tie goes to the language listed first.
    let (language, best) = scores
        .iter()
        .copied()
        .fold(None::<(Language, Score)>, |best, (l, s)| match best {
            Some((_, b)) if b.total() >= s.total() => best,
            _ => Some((l, s)),
        })
        .unwrap_or((Language::En, Score::default()));
    if best.total() == 0 {
        return Detection {
            language: Language::En,
            evidence: "no enacting formula, heading or lead of a language resdiff knows".into(),
            found: false,
        };
    }
    Detection {
        language,
        evidence: best.evidence(),
        found: true,
    }
}

fn score(language: Language, lines: &[&str]) -> Score {
    let profile = language.profile();
    let patterns = &profile.patterns;
    let lexicon = profile.lexicon();
    let organs = &profile.data.organs;
    let mut score = Score::default();
    for line in lines {
        let line = line.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ' ');
        if organs
            .general_assembly_formula
            .iter()
            .chain(&organs.security_council_formula)
            .any(|f| f.trim_end_matches(',') == line.trim_end_matches(','))
        {
            score.formula += 1;
        } else if first_match(&patterns.council_heading, line, profile).is_some()
            || first_match(&patterns.adoption, line, profile).is_some()
            || first_match(&patterns.adopted, line, profile).is_some()
        {
            score.frame += 1;
        } else if lexicon.lead_at_start(line, None).is_some() {
            score.leads += 1;
        }
    }
    score
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_and_leads_say_the_language() {
        // fr/S_RES_1541_2004-fr.txt, its first lines.
        let fr = detect([
            "Résolution 1541 (2004) du 29 avril 2004",
            "Le Conseil de sécurité,",
            "Rappelant toutes ses résolutions sur le Sahara occidental",
            "1. Réaffirme son soutien au Plan de paix",
        ]);
        assert_eq!(fr.language, Language::Fr);
        assert!(fr.found);
        assert_eq!(
            fr.evidence,
            "the enacting formula and a heading or adoption line and 2 leads"
        );
        let en = detect([
            "The Security Council,",
            "Recalling its previous resolutions,",
            "1. Decides to extend the mandate;",
        ]);
        assert_eq!(en.language, Language::En);
    }

    #[test]
    fn a_text_with_nothing_known_is_english_and_says_so() {
        let none = detect(["Hello", "<html>"]);
        assert_eq!(none.language, Language::En);
        assert!(!none.found);
    }
}
