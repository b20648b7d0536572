//! The lexicon of preambular leads and operative verbs of one language, and
//! their strength scale. The data lives in the language's profile
//! (`src/lang/<code>.toml`, `[leads]`); this module only builds the lookup
//! from it and answers two questions: which lead opens a paragraph, and
//! whether a changed lead is stronger, weaker or neither.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::lang::schema::LeadsData;
use crate::model::Part;

/// Which way a lead change moves on the strength scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// The new lead stands higher on the strength scale.
    Stronger,
    /// The new lead stands lower on the strength scale.
    Weaker,
    /// Neither: the leads are on different scales, of equal or no strength,
    /// or the old opening still stands later in the new paragraph.
    Neutral,
}

/// One known lead.
#[derive(Debug, Clone)]
pub struct LeadEntry {
    /// As written in the lexicon ("Takes note with appreciation").
    pub lead: String,
    /// The part whose paragraphs the lead opens.
    pub part: Part,
    /// Leads are compared only on the same scale ("action", "concern").
    pub scale: String,
    /// Strength on its scale; `None` for leads without strength.
    pub rank: Option<u8>,
    /// Normalised words, for matching.
    words: Vec<String>,
    /// How many of its words the italics take: all but those the profile
    /// writes after a `|` ("Lance | un appel": the italics stop at "Lance",
    /// the lead is the call).
    italic: usize,
}

/// A lead found at the start of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeadMatch {
    /// The lead exactly as printed, a prefix of the text ("Recalling also").
    pub printed: String,
    /// The lexicon entry it matched ("Recalling").
    pub entry: String,
    /// The part the matched entry is a lead of.
    pub part: Part,
}

/// The lexicon of one language.
#[derive(Debug)]
pub struct Lexicon {
    entries: Vec<LeadEntry>,
    /// For each first word, the entries that start with it, in order: a
    /// lead is looked for at the start of every line read, so it must not
    /// try all the entries.
    by_first_word: HashMap<String, Vec<usize>>,
    continuation: Vec<Vec<String>>,
    /// Words in the longest continuation marker.
    longest_continuation: usize,
    asides: Vec<Vec<String>>,
    /// Words that join a second lead to the first.
    joins: Vec<Vec<String>>,
    /// The attitude nouns the italics take after a lead, where they do.
    objects: Option<Objects>,
}

/// [`crate::lang::schema::ItalicObjectsData`], normalised.
#[derive(Debug)]
struct Objects {
    determiners: Vec<String>,
    before: Vec<String>,
    nouns: Vec<String>,
    after: Vec<Vec<String>>,
}

// SPELLING_FOLDS: every profile's `spelling`, longest ending first (build.rs).
// Words are normalised alike whatever the document's language, so that
// alignment and search hash them the same way.
include!(concat!(env!("OUT_DIR"), "/spelling_folds.rs"));

/// Lower-case, with the spelling variants the profiles fold ("-ise" onto
/// "-ize" in English) folded, and the punctuation that clings to words in
/// PDF text removed.
pub fn normalize_word(word: &str) -> String {
    let mut out = String::new();
    normalize_word_into(word, &mut out);
    out
}

/// The words of `text` (runs of letters and digits), each normalised as
/// [`normalize_word`] does: how the comparison reads a text word by word.
pub fn normalized_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(normalize_word)
        .collect()
}

/// [`normalize_word`] into `out` (cleared first), so a loop over many
/// words reuses one buffer.
pub fn normalize_word_into(word: &str, out: &mut String) {
    out.clear();
    let keep = |c: char| c.is_alphanumeric() || c == '-';
    if word.is_ascii() {
        out.push_str(word.trim_matches(|c: char| !keep(c)));
        out.make_ascii_lowercase();
    } else {
        // Typeset variants (`Secretary‑General`) are the same word.
        let word = crate::characters::typographic_key(word);
        out.push_str(&word.trim_matches(|c: char| !keep(c)).to_lowercase());
    }
    for (from, to) in SPELLING_FOLDS {
        if out.len() > from.len() + 2 && out.ends_with(from) {
            out.truncate(out.len() - from.len());
            out.push_str(to);
            break;
        }
    }
}

impl Objects {
    /// Words of an attitude phrase at `words[at]`: a determiner, adjectives,
    /// a noun of the list, the words after it; 0 where there is none.
    fn at(&self, words: &[String], at: usize) -> usize {
        let word = |i: usize| words.get(i).map(String::as_str);
        if !word(at).is_some_and(|w| self.determiners.iter().any(|d| d == w)) {
            return 0;
        }
        let mut i = at + 1;
        while word(i).is_some_and(|w| self.before.iter().any(|b| b == w)) {
            i += 1;
        }
        if !word(i).is_some_and(|w| self.nouns.iter().any(|n| n == w)) {
            return 0;
        }
        i += 1;
        loop {
            let n = phrase_at(&self.after, words, i);
            if n == 0 {
                break;
            }
            i += n;
        }
        i - at
    }
}

/// Length in words of the first of `phrases` at `words[at]` (longest first).
fn phrase_at(phrases: &[Vec<String>], words: &[String], at: usize) -> usize {
    phrases
        .iter()
        .find(|c| words.len() >= at + c.len() && words[at..at + c.len()] == c[..])
        .map_or(0, |c| c.len())
}

fn words_of(phrase: &str) -> Vec<String> {
    phrase.split_whitespace().map(normalize_word).collect()
}

impl Lexicon {
    /// The lexicon of a profile's `[leads]`: operative entries first, the
    /// order in which ties between the parts are broken.
    pub fn of(data: &LeadsData) -> Lexicon {
        let mut entries = Vec::new();
        for (part, groups) in [
            (Part::Operative, &data.operative),
            (Part::Preamble, &data.preamble),
        ] {
            for group in groups {
                for written in &group.leads {
                    let (italic, roman) = written.split_once(" | ").unwrap_or((written, ""));
                    let lead = format!("{italic} {roman}").trim_end().to_string();
                    entries.push(LeadEntry {
                        words: words_of(&lead),
                        italic: words_of(italic).len(),
                        lead,
                        part,
                        scale: group.scale.clone(),
                        rank: group.rank,
                    });
                }
            }
        }
        let mut continuation: Vec<Vec<String>> =
            data.continuation.iter().map(|c| words_of(c)).collect();
        // Longest first, so "once again" wins over "again".
        continuation.sort_by_key(|c| std::cmp::Reverse(c.len()));
        let mut asides: Vec<Vec<String>> = data.asides.iter().map(|c| words_of(c)).collect();
        asides.sort_by_key(|c| std::cmp::Reverse(c.len()));
        let mut by_first_word: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, entry) in entries.iter().enumerate() {
            if let Some(first) = entry.words.first() {
                by_first_word.entry(first.clone()).or_default().push(i);
            }
        }
        let joins = data.joins.iter().map(|j| words_of(j)).collect();
        let objects = data.italic_objects.as_ref().map(|o| {
            let normal = |list: &[String]| list.iter().map(|w| normalize_word(w)).collect();
            let mut after: Vec<Vec<String>> = o.after.iter().map(|a| words_of(a)).collect();
            after.sort_by_key(|a| std::cmp::Reverse(a.len()));
            Objects {
                determiners: normal(&o.determiners),
                before: normal(&o.before),
                nouns: normal(&o.nouns),
                after,
            }
        });
        Lexicon {
            entries,
            by_first_word,
            longest_continuation: continuation.first().map_or(0, Vec::len),
            continuation,
            asides,
            joins,
            objects,
        }
    }

    /// The longest entry of `part` (any part where none is given) matched
    /// at `words[at]`: (its words, the index past it, the entry).
    fn longest_at(
        &self,
        words: &[String],
        at: usize,
        part: Option<Part>,
    ) -> Option<(usize, &LeadEntry)> {
        let candidates = words
            .get(at)
            .and_then(|first| self.by_first_word.get(first))
            .map_or(&[][..], Vec::as_slice);
        let mut best: Option<(usize, usize, &LeadEntry)> = None;
        for entry in candidates.iter().map(|&i| &self.entries[i]) {
            if part.is_some_and(|p| p != entry.part) {
                continue;
            }
            if let Some(end) = self.match_entry(words, at, entry)
                && best.is_none_or(|(n, _, _)| entry.words.len() > n)
            {
                best = Some((entry.words.len(), end, entry));
            }
        }
        best.map(|(_, end, entry)| (end, entry))
    }

    /// Words at `words[at]` that the italics take after a lead: a second
    /// lead joined to it ("and encourages"), then the organ's attitude
    /// ("son ferme attachement"). Returns the index past them.
    fn extension(&self, words: &[String], at: usize, part: Part) -> usize {
        let mut end = at;
        let join = phrase_at(&self.joins, words, end);
        if join > 0
            && let Some((second_end, _)) = self.longest_at(words, end + join, Some(part))
        {
            end = second_end;
            loop {
                let n = self.continuation_at(words, end);
                if n == 0 {
                    break;
                }
                end += n;
            }
        }
        if let Some(objects) = &self.objects {
            // After an aside the italics may go on ("Réaffirmant, dans ce
            // contexte, son appui"); and one attitude may be joined to
            // another ("sa satisfaction et son ferme appui").
            let aside = phrase_at(&self.asides, words, end);
            let first = objects.at(words, end + aside);
            if first > 0 {
                end += aside + first;
                let join = phrase_at(&self.joins, words, end);
                let second = if join > 0 {
                    objects.at(words, end + join)
                } else {
                    0
                };
                if second > 0 {
                    end += join + second;
                }
            }
        }
        end
    }

    /// Every lead the lexicon knows: the operative ones, then the preambular.
    pub fn entries(&self) -> &[LeadEntry] {
        &self.entries
    }

    /// Length in words of a continuation marker starting at `words[at]`.
    fn continuation_at(&self, words: &[String], at: usize) -> usize {
        phrase_at(&self.continuation, words, at)
    }

    /// Length in words of a continuation marker or an aside at `words[at]`.
    fn skippable_at(&self, words: &[String], at: usize) -> usize {
        self.continuation_at(words, at)
            .max(phrase_at(&self.asides, words, at))
    }

    /// The lead that opens `text`, if the lexicon knows it. With `part`, only
    /// leads of that part are considered. The longest match wins, and
    /// continuation markers ("also", "further") before, inside or right
    /// after it belong to the printed lead.
    pub fn lead_at_start(&self, text: &str, part: Option<Part>) -> Option<LeadMatch> {
        // The first word must be capitalised, as every lead is printed.
        if !text.trim_start().starts_with(|c: char| c.is_uppercase()) {
            return None;
        }
        // Byte spans of the first words, so the printed lead is a true prefix.
        let mut spans = Vec::new();
        let mut words = Vec::new();
        let mut offset = 0;
        let mut raws = text.split_inclusive(char::is_whitespace).take(16);
        let mut read = |n: usize, spans: &mut Vec<(usize, usize)>, words: &mut Vec<String>| {
            while words.len() < n {
                let Some(raw) = raws.next() else { break };
                let word = raw.trim_end();
                if !word.is_empty() {
                    spans.push((offset, offset + word.len()));
                    words.push(normalize_word(word));
                }
                offset += raw.len();
            }
        };
        // Enough words for a continuation marker and the lead's first word:
        // most lines open with no lead, and are done with here.
        read(self.longest_continuation + 1, &mut spans, &mut words);
        let start = self.continuation_at(&words, 0);
        let candidates = words
            .get(start)
            .and_then(|first| self.by_first_word.get(first))
            .map_or(&[][..], Vec::as_slice);
        if candidates.is_empty() {
            return None;
        }
        read(16, &mut spans, &mut words);
        let (mut end, entry) = self.longest_at(&words, start, part)?;
        if entry.italic < entry.words.len() {
            // The italics stop before the end of the lead.
            end = self
                .match_entry_italic(&words, start, entry)
                .map_or(end, |(_, italic_end)| italic_end);
        } else {
            // Absorb continuation markers right after the lead: "Decides
            // further".
            loop {
                let n = self.continuation_at(&words, end);
                if n == 0 {
                    break;
                }
                end += n;
            }
            end = self.extension(&words, end, entry.part);
        }
        // A trailing comma or colon is not part of the lead.
        let (start_byte, end_byte) = (0, spans[end - 1].1);
        let printed = text[start_byte..end_byte]
            .trim_end_matches([',', ':', ';'])
            .to_string();
        Some(LeadMatch {
            printed,
            entry: entry.lead.clone(),
            part: entry.part,
        })
    }

    /// Index just past the match of `entry` in `words` from `start`, skipping
    /// continuation markers between the entry's words.
    fn match_entry(&self, words: &[String], start: usize, entry: &LeadEntry) -> Option<usize> {
        self.match_entry_italic(words, start, entry)
            .map(|(end, _)| end)
    }

    /// [`Lexicon::match_entry`], and the index past the words the italics
    /// take (with the continuation words after them).
    fn match_entry_italic(
        &self,
        words: &[String],
        start: usize,
        entry: &LeadEntry,
    ) -> Option<(usize, usize)> {
        let mut at = start;
        let mut italic_end = start;
        for (i, want) in entry.words.iter().enumerate() {
            if i > 0 {
                at += self.skippable_at(words, at);
            }
            if words.get(at) != Some(want) {
                return None;
            }
            at += 1;
            if i + 1 == entry.italic {
                italic_end = at + self.continuation_at(words, at);
            }
        }
        Some((at, italic_end))
    }

    /// The lead a paragraph opens with: the entry its text opens with (the
    /// whole lead, where the italics show only its head), else the one
    /// behind its printed lead.
    pub fn entry_of(&self, printed: &str, text: &str, part: Part) -> Option<&LeadEntry> {
        self.lead_at_start(text, Some(part))
            .and_then(|found| {
                self.entries
                    .iter()
                    .find(|e| e.part == part && e.lead == found.entry)
            })
            .or_else(|| self.entry_for(printed, part))
    }

    /// The lexicon entry behind a printed lead, ignoring continuation markers
    /// and spelling variants.
    pub fn entry_for(&self, printed: &str, part: Part) -> Option<&LeadEntry> {
        let found = self.lead_at_start(printed, Some(part))?;
        self.entries
            .iter()
            .find(|e| e.part == part && e.lead == found.entry)
    }

    /// Whether changing `old` to `new` makes the lead stronger, weaker or
    /// neither. Leads on different scales, or without strength, are neutral.
    pub fn direction(&self, old: &str, new: &str, part: Part) -> Direction {
        match (self.entry_for(old, part), self.entry_for(new, part)) {
            (Some(a), Some(b)) => Lexicon::direction_between(a, b),
            _ => Direction::Neutral,
        }
    }

    /// Whether lead `b` stands higher, lower or neither on the scale than
    /// lead `a`.
    pub fn direction_between(a: &LeadEntry, b: &LeadEntry) -> Direction {
        match (a.scale == b.scale, a.rank, b.rank) {
            (true, Some(x), Some(y)) if y > x => Direction::Stronger,
            (true, Some(x), Some(y)) if y < x => Direction::Weaker,
            _ => Direction::Neutral,
        }
    }

    /// A paragraph's lead moved from part `from` to part `to`: the
    /// operative part acts, the preamble only gives reasons, so a move to
    /// the preamble is weaker and a move to the operative part stronger,
    /// whatever the words.
    pub fn direction_between_parts(from: Part, to: Part) -> Direction {
        match (from, to) {
            (Part::Operative, Part::Preamble) => Direction::Weaker,
            (Part::Preamble, Part::Operative) => Direction::Stronger,
            _ => Direction::Neutral,
        }
    }

    /// The same lead apart from continuation markers, spelling and case:
    /// "Recalling also" and "Recalling further" are the same lead.
    pub fn same_lead(&self, a: &str, b: &str, part: Part) -> bool {
        match (self.entry_for(a, part), self.entry_for(b, part)) {
            (Some(x), Some(y)) => x.lead == y.lead,
            _ => words_of(a) == words_of(b),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Language;

    fn lead(text: &str, part: Option<Part>) -> Option<String> {
        Language::En
            .lexicon()
            .lead_at_start(text, part)
            .map(|m| m.printed)
    }

    #[test]
    fn the_shipped_lexicon_has_no_duplicate_leads_per_part() {
        let lex = Language::En.lexicon();
        let mut seen = std::collections::HashSet::new();
        for e in lex.entries() {
            assert!(
                seen.insert((e.part, e.words.clone())),
                "duplicate lead {:?}",
                e.lead
            );
        }
        assert!(lex.entries().len() > 100);
    }

    #[test]
    fn longest_lead_wins() {
        assert_eq!(
            lead("Takes note with appreciation of the report", None).as_deref(),
            Some("Takes note with appreciation")
        );
        assert_eq!(
            lead("Notes with appreciation the significant practical", None).as_deref(),
            Some("Notes with appreciation")
        );
    }

    #[test]
    fn continuation_markers_belong_to_the_lead() {
        assert_eq!(
            lead("Recalling also its resolution", None).as_deref(),
            Some("Recalling also")
        );
        assert_eq!(
            lead("Referring also to its resolution 59/50", None).as_deref(),
            Some("Referring also")
        );
        assert_eq!(
            lead("Decides further that", None).as_deref(),
            Some("Decides further")
        );
        assert_eq!(
            lead("Further decides that", None).as_deref(),
            Some("Further decides")
        );
    }

    #[test]
    fn british_spelling_matches() {
        assert_eq!(
            lead("Recognising that the year", None).as_deref(),
            Some("Recognising")
        );
        assert_eq!(
            lead("Emphasises the importance", None).as_deref(),
            Some("Emphasises")
        );
    }

    #[test]
    fn lowercase_or_unknown_openings_are_not_leads() {
        assert_eq!(
            lead("to combat the smuggling of Afghan opiates", None),
            None
        );
        assert_eq!(
            lead("Government, commitment to economic reforms", None),
            None
        );
    }

    #[test]
    fn part_restricts_the_match() {
        assert_eq!(
            lead("Noting the firm intention", Some(Part::Operative)),
            None
        );
        assert_eq!(
            lead("Noting the firm intention", Some(Part::Preamble)).as_deref(),
            Some("Noting")
        );
    }

    #[test]
    fn directions_follow_the_scale() {
        let lex = Language::En.lexicon();
        assert_eq!(
            lex.direction("Invites", "Urges", Part::Operative),
            Direction::Stronger
        );
        assert_eq!(
            lex.direction("Welcoming", "Noting", Part::Preamble),
            Direction::Weaker
        );
        assert_eq!(
            lex.direction("Concerned", "Gravely concerned", Part::Preamble),
            Direction::Stronger
        );
        assert_eq!(
            lex.direction("Recalling", "Reaffirming", Part::Preamble),
            Direction::Neutral
        );
        // Different scales do not compare.
        assert_eq!(
            lex.direction("Welcoming", "Deeply concerned", Part::Preamble),
            Direction::Neutral
        );
        // Continuation markers carry no strength.
        assert_eq!(
            lex.direction("Requests", "Requests also", Part::Operative),
            Direction::Neutral
        );
        assert!(lex.same_lead("Recalling also", "Recalling further", Part::Preamble));
        assert!(lex.same_lead("Recognising", "Recognizing", Part::Preamble));
    }
}
