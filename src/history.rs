//! The history of a series: its versions in order and, for every paragraph,
//! its lineage across them: the version that introduced it, each version
//! that changed it (with the redline and the drafting semantics of that
//! change), moves and renumbering, splits and merges, and the version that
//! dropped it.
//!
//! Built on the pairwise engine: each consecutive pair of versions is
//! compared ([`crate::compare`]) and the links are chained, so a paragraph
//! keeps its identity across any number of versions. A split continues the
//! line of the old paragraph in its first piece and opens a line for each
//! other piece; a merge continues the line of its first old paragraph and
//! ends the others in it.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::comparison::{
    ChangeStatus, LeadChange, ParagraphChange, ParagraphRef, References, WordOp, WordOpKind,
};
use crate::diff::PARAGRAPH_BREAK;
use crate::model::{Meta, Paragraph, Part, Resolution};

/// The lineage of every paragraph across the versions of a series.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct History {
    /// The versions, oldest first.
    pub versions: Vec<Meta>,
    /// One line per paragraph identity, in reading order: a line that
    /// appears in a later version stands after the line of the paragraph
    /// before it there.
    pub lines: Vec<Line>,
    /// What the pairwise comparisons warned of, each prefixed with its step
    /// ("2 → 3: …").
    pub warnings: Vec<String>,
}

/// One paragraph across the versions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Line {
    /// 1-based, in reading order.
    pub id: usize,
    /// Where the paragraph stands in each version (`None` where it is not
    /// there), one entry per version.
    pub cells: Vec<Option<Cell>>,
    /// The line whose paragraph this one was split from.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub split_from: Option<usize>,
    /// The line this paragraph was merged into.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub merged_into: Option<usize>,
    /// Its sub-paragraphs' lines, in the same shape (ids count from 1
    /// within the paragraph; labels such as `(a)` or `(a)(ii)`, the
    /// sub-paragraphs of sub-paragraphs among them). A sub-paragraph keeps
    /// its line while its paragraph is paired from version to version; one
    /// of a paragraph split, merged or new starts a line of its own.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub subparagraphs: Vec<Line>,
}

/// A paragraph in one version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cell {
    /// The part it stands in.
    pub part: Part,
    /// `PP3`, `OP12`, `AN2`.
    pub label: String,
    /// Its place in its part (among its siblings, for a sub-paragraph),
    /// from 1: the document order, whatever the printed numbers.
    #[serde(default)]
    pub index: usize,
    /// Its lead as printed, if any.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub lead: Option<String>,
    /// Its text in this version.
    pub text: String,
    /// How it came from the previous version; `None` in the version that
    /// introduced it.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub change: Option<Change>,
}

/// What one step did to a paragraph that it kept.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    /// `unchanged`, `modified`, `split` (this is one of the pieces) or
    /// `merged` (other paragraphs joined this one).
    pub status: ChangeStatus,
    /// Outside the run of paragraphs that kept their order.
    pub moved: bool,
    /// Its number changed.
    pub renumbered: bool,
    /// Paired on its frame with much of its wording rewritten.
    pub rewritten: bool,
    /// Every change in it is a routine update.
    pub routine: bool,
    /// The version (0-based) it was restored from: the paragraph was not
    /// in the version before, and this step brings back the paragraph of
    /// the last version that had it (the redline is against that one).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub restored_from: Option<usize>,
    /// The part it came from, when it moved between the parts.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub from_part: Option<Part>,
    /// Its lead changed, and in which direction.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub lead_change: Option<LeadChange>,
    /// References it gained and lost.
    pub references: References,
    /// Share of words kept, 0 to 1.
    pub similarity: f64,
    /// The redline of the step (for a split or merge, of the whole group,
    /// on its first paragraph only).
    pub words: Vec<WordOp>,
}

impl History {
    /// How many lines have a paragraph in every version.
    pub fn kept_throughout(&self) -> usize {
        self.lines
            .iter()
            .filter(|l| l.cells.iter().all(Option::is_some))
            .count()
    }
}

impl Line {
    /// The version (0-based) that introduced the paragraph.
    pub fn introduced(&self) -> usize {
        self.cells.iter().position(Option::is_some).unwrap_or(0)
    }

    /// The version (0-based) that dropped it, if one did: the first
    /// version after its last.
    pub fn dropped(&self) -> Option<usize> {
        let last = self.cells.iter().rposition(Option::is_some)?;
        (last + 1 < self.cells.len()).then_some(last + 1)
    }
}

fn cell(part: Part, r: &ParagraphRef, change: Option<Change>) -> Cell {
    Cell {
        part,
        label: crate::comparison::paragraph_label(part, r.index, r.number.as_deref()),
        index: r.index,
        lead: r.lead.clone(),
        text: r.text.clone(),
        change,
    }
}

fn change(record: &ParagraphChange, first: bool) -> Change {
    Change {
        status: record.status,
        moved: record.moved,
        renumbered: record.renumbered,
        rewritten: record.rewritten,
        routine: record.routine,
        restored_from: None,
        from_part: record.old_part,
        lead_change: record.lead_change.clone(),
        references: record.references.clone(),
        similarity: record.similarity,
        words: if first {
            record.words.clone()
        } else {
            Vec::new()
        },
    }
}

/// Lines while the history is built: the lines, which line each
/// paragraph of the current version is on (keyed by `K`: part and number
/// for paragraphs, the path of indices, `[1, 2]` for `(a)(ii)`, for a
/// paragraph's sub-paragraphs), and their reading order.
struct Lines<K> {
    lines: Vec<Line>,
    at: HashMap<K, usize>,
    /// The lines' ids in reading order: a line a step opens stands after
    /// the line of the paragraph before it in that version.
    order: Vec<usize>,
}

impl<K> Default for Lines<K> {
    fn default() -> Self {
        Lines {
            lines: Vec::new(),
            at: HashMap::new(),
            order: Vec::new(),
        }
    }
}

/// A paragraph's sub-paragraph lines.
type SubLines = Lines<Vec<usize>>;

/// `(a)`, or `(3)` for a sub-paragraph without a number.
fn sub_label(r: &ParagraphRef) -> String {
    format!(
        "({})",
        r.number.clone().unwrap_or_else(|| r.index.to_string())
    )
}

impl<K: Ord + std::hash::Hash> Lines<K> {
    /// A new line, last in reading order until [`Lines::place`]; its id.
    fn open(&mut self, cells: Vec<Option<Cell>>, split_from: Option<usize>) -> usize {
        self.lines.push(Line {
            id: self.lines.len() + 1,
            cells,
            split_from,
            merged_into: None,
            subparagraphs: Vec::new(),
        });
        self.order.push(self.lines.len());
        self.lines.len()
    }

    /// The version's paragraphs now on their lines (`next`): each line
    /// opened since there were `before` puts after the line of the
    /// paragraph before it in this version (or first); keys sort in
    /// reading order.
    fn place(&mut self, next: HashMap<K, usize>, before: usize) {
        let mut reading: Vec<(&K, usize)> = next.iter().map(|(key, &id)| (key, id)).collect();
        reading.sort();
        let mut previous: Option<usize> = None;
        for (_, id) in reading {
            if id > before {
                self.order.retain(|&l| l != id);
                let place = previous
                    .and_then(|p| self.order.iter().position(|&l| l == p))
                    .map_or(0, |i| i + 1);
                self.order.insert(place, id);
            }
            previous = Some(id);
        }
        self.at = next;
    }

    /// The lines in reading order, numbered from 1 in it, the links
    /// between them renumbered too; `each` sees every line under its
    /// old id first.
    fn finish(self, mut each: impl FnMut(&mut Line)) -> Vec<Line> {
        let mut renumbered = vec![0; self.lines.len() + 1];
        for (i, &id) in self.order.iter().enumerate() {
            renumbered[id] = i + 1;
        }
        let mut by_id: Vec<Option<Line>> = self.lines.into_iter().map(Some).collect();
        self.order
            .into_iter()
            .filter_map(|id| by_id[id - 1].take())
            .map(|mut line| {
                each(&mut line);
                line.id = renumbered[line.id];
                line.split_from = line.split_from.map(|l| renumbered[l]);
                line.merged_into = line.merged_into.map(|l| renumbered[l]);
                line
            })
            .collect()
    }
}

impl SubLines {
    /// A line for every sub-paragraph of `p` (and theirs), starting in
    /// version `k`; the current version's sub-paragraphs are those.
    fn open_all(&mut self, part: Part, p: &Paragraph, k: usize, count: usize) {
        let mut at = HashMap::new();
        let step = Step { part, k, count };
        self.open_under(&mut at, step, &p.subparagraphs, &[], "");
        self.at = at;
    }

    /// Lines for `children` (at `path`, labelled under `label`) and
    /// theirs, recorded in `at`.
    fn open_under(
        &mut self,
        at: &mut HashMap<Vec<usize>, usize>,
        step: Step,
        children: &[Paragraph],
        path: &[usize],
        label: &str,
    ) {
        for (i, child) in children.iter().enumerate() {
            let r = ParagraphRef::of(i, child);
            let label = format!("{label}{}", sub_label(&r));
            let mut cells = vec![None; step.count];
            cells[step.k] = Some(sub_cell(step.part, &r, &label, None));
            let id = self.open(cells, None);
            let mut here = path.to_vec();
            here.push(r.index);
            at.insert(here.clone(), id);
            self.open_under(at, step, &child.subparagraphs, &here, &label);
        }
    }

    /// The sub-paragraphs of version `k` (those of `new`, the paragraph
    /// there) from the aligned sub-paragraph records of the step into it:
    /// a paired one keeps its line, an added one (or a later piece of a
    /// split) starts one, a removed one ends.
    fn chain(
        &mut self,
        part: Part,
        records: &[ParagraphChange],
        new: &Paragraph,
        k: usize,
        count: usize,
    ) {
        let mut next = HashMap::new();
        let step = Step { part, k, count };
        let before = self.lines.len();
        self.chain_under(&mut next, step, records, new, (&[], &[]), "");
        // Index paths sort in reading order, a parent before its own.
        self.place(next, before);
    }

    /// [`SubLines::chain`] for the records under the sub-paragraph at
    /// `old_path` (old version) and `new_path` (new: `new` itself).
    fn chain_under(
        &mut self,
        next: &mut HashMap<Vec<usize>, usize>,
        step: Step,
        records: &[ParagraphChange],
        new: &Paragraph,
        (old_path, new_path): (&[usize], &[usize]),
        label: &str,
    ) {
        let Step { part, k, count } = step;
        for record in records {
            let (olds, news) = (record.old.refs(), record.new.refs());
            let continued = olds.first().and_then(|o| {
                let mut path = old_path.to_vec();
                path.push(o.index);
                self.at.get(&path).copied()
            });
            for (i, n) in news.iter().enumerate() {
                let here_label = format!("{label}{}", sub_label(n));
                let id = match (continued, i) {
                    (Some(line), 0) => {
                        self.lines[line - 1].cells[k] =
                            Some(sub_cell(part, n, &here_label, Some(change(record, true))));
                        line
                    }
                    (from, _) => {
                        let mut cells = vec![None; count];
                        let kept =
                            (record.status == ChangeStatus::Split).then(|| change(record, false));
                        cells[k] = Some(sub_cell(part, n, &here_label, kept));
                        self.open(cells, from.filter(|_| record.status == ChangeStatus::Split))
                    }
                };
                let mut here = new_path.to_vec();
                here.push(n.index);
                next.insert(here.clone(), id);
                let Some(node) = n
                    .index
                    .checked_sub(1)
                    .and_then(|i| new.subparagraphs.get(i))
                else {
                    continue;
                };
                if continued.is_some() && i == 0 && olds.len() == 1 {
                    let mut old_here = old_path.to_vec();
                    old_here.push(olds[0].index);
                    self.chain_under(
                        next,
                        step,
                        &record.subparagraphs,
                        node,
                        (&old_here, &here),
                        &here_label,
                    );
                } else {
                    // Nothing to follow: its own sub-paragraphs start here.
                    self.open_under(next, step, &node.subparagraphs, &here, &here_label);
                }
            }
            if let Some(into) = news.first().and(continued) {
                for o in olds.iter().skip(1) {
                    let mut path = old_path.to_vec();
                    path.push(o.index);
                    if let Some(&line) = self.at.get(&path) {
                        self.lines[line - 1].merged_into = Some(into);
                    }
                }
            }
        }
    }
}

/// Where a step of [`SubLines`] writes: the part, the version, how many
/// versions there are.
#[derive(Clone, Copy)]
struct Step {
    part: Part,
    k: usize,
    count: usize,
}

fn sub_cell(part: Part, r: &ParagraphRef, label: &str, change: Option<Change>) -> Cell {
    Cell {
        part,
        label: label.to_string(),
        index: r.index,
        lead: r.lead.clone(),
        text: r.text.clone(),
        change,
    }
}

/// A paragraph a step adds that brings back one of an earlier version.
struct Restored {
    /// The line of the paragraph it brings back.
    line: usize,
    /// The comparison of the two, the last version that had it against
    /// the version of the step.
    record: ParagraphChange,
    /// That last version (0-based).
    from: usize,
}

/// Least share of its words a paragraph keeps of the one it brings back:
/// a pairing across a gap has no neighbour in the version before to
/// confirm it, so only a paragraph restored (nearly) word for word
/// continues the line.
const RESTORE_SIMILARITY: f64 = 0.8;

/// Least share of the shorter paragraph's words the two share before they
/// are compared at all (a comparison per earlier version is the cost).
const RESTORE_OVERLAP: f64 = 0.6;

/// The paragraphs the step into version `at` (compared in `c`) adds that
/// bring back a paragraph absent from the version before: keyed by part
/// and place in version `at`. Each is paired, by the pairwise engine, with
/// the paragraph of the last version that had it (`placed` says which line
/// each paragraph of a version is on); the latest such version first, and
/// a line and a paragraph are restored once.
fn restorations(
    versions: &[Resolution],
    placed: &[HashMap<(Part, usize), usize>],
    lines: &[Line],
    c: &crate::comparison::Comparison,
    at: usize,
) -> HashMap<(Part, usize), Restored> {
    let mut out = HashMap::new();
    let added: HashMap<(Part, usize), &str> = c
        .paragraphs
        .iter()
        .filter(|r| r.old.refs().is_empty())
        .filter_map(|r| match &r.new.refs()[..] {
            [n] => Some(((r.part, n.index), n.text.as_str())),
            _ => None,
        })
        .collect();
    if added.is_empty() || at < 2 {
        return out;
    }
    // Lines absent from the version before, by the last version that had
    // them: only those whose wording shares much with a paragraph added.
    let added_words: Vec<std::collections::HashSet<String>> =
        added.values().map(|t| word_set(t)).collect();
    let mut dormant: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    for line in lines {
        let Some(last) = line.cells[..at].iter().rposition(Option::is_some) else {
            continue;
        };
        if last + 1 >= at {
            continue;
        }
        let Some(text) = line.cells[last].as_ref().map(|c| c.text.as_str()) else {
            continue;
        };
        let words = word_set(text);
        let close = added_words.iter().any(|a| {
            let shared = a.intersection(&words).count();
            shared as f64 >= RESTORE_OVERLAP * a.len().min(words.len()).max(1) as f64
        });
        if close {
            dormant.entry(last).or_default().push(line.id);
        }
    }
    let mut taken: std::collections::HashSet<usize> = Default::default();
    for (&from, candidates) in dormant.iter().rev() {
        let gap = crate::compare(&versions[from], &versions[at]);
        for record in &gap.paragraphs {
            let ([o], [n]) = (&record.old.refs()[..], &record.new.refs()[..]) else {
                continue;
            };
            let kept_wording = matches!(
                record.status,
                ChangeStatus::Unchanged | ChangeStatus::Modified
            ) && !record.rewritten
                && record.similarity >= RESTORE_SIMILARITY;
            let old_key = (record.old_part.unwrap_or(record.part), o.index);
            let new_key = (record.part, n.index);
            let Some(&line) = placed[from].get(&old_key) else {
                continue;
            };
            if kept_wording
                && candidates.contains(&line)
                && added.contains_key(&new_key)
                && !out.contains_key(&new_key)
                && taken.insert(line)
            {
                out.insert(
                    new_key,
                    Restored {
                        line,
                        record: record.clone(),
                        from,
                    },
                );
            }
        }
    }
    out
}

/// A text's words, lowercased.
fn word_set(text: &str) -> std::collections::HashSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The history of `versions`, oldest first. One version gives one line per
/// paragraph and no changes.
pub fn history(versions: &[Resolution]) -> History {
    let count = versions.len();
    // The paragraphs' lines, keyed by part and number.
    let mut top: Lines<(Part, usize)> = Lines::default();
    // Each line's sub-paragraph lines.
    let mut subs: HashMap<usize, SubLines> = HashMap::new();
    if let Some(first) = versions.first() {
        for part in Part::ALL {
            for (i, p) in first.part(part).iter().enumerate() {
                let mut cells = vec![None; count];
                cells[0] = Some(cell(part, &ParagraphRef::of(i, p), None));
                let id = top.open(cells, None);
                top.at.insert((part, i + 1), id);
                subs.entry(id).or_default().open_all(part, p, 0, count);
            }
        }
    }
    // Which line each paragraph of every version so far is on, for a
    // paragraph restored from a version before the last.
    let mut placed: Vec<HashMap<(Part, usize), usize>> = vec![top.at.clone()];
    let mut warnings = Vec::new();
    for (step, pair) in versions.windows(2).enumerate() {
        let c = crate::compare(&pair[0], &pair[1]);
        let at = step + 1;
        let mut restored = restorations(versions, &placed, &top.lines, &c, at);
        warnings.extend(
            c.warnings
                .iter()
                .map(|w| format!("{} → {}: {w}", step + 1, at + 1)),
        );
        let mut next: HashMap<(Part, usize), usize> = HashMap::new();
        let before = top.lines.len();
        // The new version's paragraphs, for the sub-paragraphs of those
        // that start a line.
        let new_parts: HashMap<Part, std::borrow::Cow<'_, [Paragraph]>> = Part::ALL
            .into_iter()
            .map(|part| (part, pair[1].part(part)))
            .collect();
        for record in &c.paragraphs {
            let old_part = record.old_part.unwrap_or(record.part);
            let (olds, news) = (record.old.refs(), record.new.refs());
            let continued = olds
                .first()
                .and_then(|o| top.at.get(&(old_part, o.index)).copied());
            let paragraph_of = |n: &ParagraphRef| {
                new_parts
                    .get(&record.part)
                    .and_then(|ps| ps.get(n.index.checked_sub(1)?))
            };
            if let ([], [n]) = (&olds[..], &news[..])
                && let Some(back) = restored.remove(&(record.part, n.index))
            {
                // Back after a gap: the line of the last version that had
                // it goes on, its redline against that version.
                let mut step_change = change(&back.record, true);
                step_change.restored_from = Some(back.from);
                top.lines[back.line - 1].cells[at] = Some(cell(record.part, n, Some(step_change)));
                let state = subs.entry(back.line).or_default();
                match paragraph_of(n) {
                    Some(p) if !back.record.subparagraphs.is_empty() => {
                        state.chain(record.part, &back.record.subparagraphs, p, at, count);
                    }
                    Some(p) => state.open_all(record.part, p, at, count),
                    None => state.at.clear(),
                }
                next.insert((record.part, n.index), back.line);
                continue;
            }
            for (k, n) in news.iter().enumerate() {
                let id = match (continued, k) {
                    (Some(line), 0) => {
                        top.lines[line - 1].cells[at] =
                            Some(cell(record.part, n, Some(change(record, true))));
                        let state = subs.entry(line).or_default();
                        match paragraph_of(n) {
                            Some(p)
                                if !record.subparagraphs.is_empty()
                                    && news.len() == 1
                                    && olds.len() == 1 =>
                            {
                                state.chain(record.part, &record.subparagraphs, p, at, count);
                            }
                            // No sub-paragraph alignment to follow.
                            Some(p) => state.open_all(record.part, p, at, count),
                            None => state.at.clear(),
                        }
                        line
                    }
                    (from, _) => {
                        let mut cells = vec![None; count];
                        let kept =
                            (record.status == ChangeStatus::Split).then(|| change(record, false));
                        cells[at] = Some(cell(record.part, n, kept));
                        let id =
                            top.open(cells, from.filter(|_| record.status == ChangeStatus::Split));
                        if let Some(p) = paragraph_of(n) {
                            subs.entry(id)
                                .or_default()
                                .open_all(record.part, p, at, count);
                        }
                        id
                    }
                };
                next.insert((record.part, n.index), id);
            }
            if let Some(into) = news.first().and(continued) {
                for o in olds.iter().skip(1) {
                    if let Some(&line) = top.at.get(&(old_part, o.index)) {
                        top.lines[line - 1].merged_into = Some(into);
                    }
                }
            }
        }
        // Parts sort in reading order, and numbers within them.
        top.place(next, before);
        placed.push(top.at.clone());
    }
    History {
        versions: versions.iter().map(|v| v.meta.clone()).collect(),
        lines: top.finish(|line| {
            line.subparagraphs = subs
                .remove(&line.id)
                .map(|s| s.finish(|_| {}))
                .unwrap_or_default();
        }),
        warnings,
    }
}

/// Each paragraph of the last version of a [`History`] with the versions
/// whose wording it carries, word range by word range (like `git blame`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Blame {
    /// The versions, oldest first; the blamed one is the last.
    pub versions: Vec<Meta>,
    /// The paragraphs of the last version, in reading order.
    pub paragraphs: Vec<Blamed>,
}

/// One paragraph of the blamed version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Blamed {
    /// Its line in the history.
    pub line: usize,
    /// The part it stands in.
    pub part: Part,
    /// `PP3`, `OP12`, `AN2`.
    pub label: String,
    /// The version (0-based) that introduced it.
    pub introduced: usize,
    /// Each time it came back after a gap: the version (0-based) that
    /// restored it and the last one before that had it.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub restored: Vec<[usize; 2]>,
    /// Its text in runs, each with the version (0-based) whose wording it
    /// is; together they are the text.
    pub runs: Vec<Run>,
    /// Its sub-paragraphs, each blamed the same way along its own line
    /// (`line` counts within the paragraph).
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub subparagraphs: Vec<Blamed>,
}

/// A run of a blamed text and the version that wrote it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Run {
    /// The words, spaces and punctuation included.
    pub text: String,
    /// The version (0-based) whose wording this is.
    pub version: usize,
}

impl Blamed {
    /// The share of its words (by bytes of text) that each version wrote,
    /// by version, oldest first; versions that wrote none are left out.
    pub fn shares(&self) -> Vec<(usize, f64)> {
        let total: usize = self.runs.iter().map(|r| r.text.len()).sum();
        let mut by_version: std::collections::BTreeMap<usize, usize> = Default::default();
        for r in &self.runs {
            *by_version.entry(r.version).or_default() += r.text.len();
        }
        by_version
            .into_iter()
            .map(|(v, n)| (v, n as f64 / total.max(1) as f64))
            .collect()
    }
}

fn push_run(runs: &mut Vec<Run>, text: &str, version: usize) {
    if text.is_empty() {
        return;
    }
    match runs.last_mut() {
        Some(last) if last.version == version => last.text.push_str(text),
        _ => runs.push(Run {
            text: text.to_string(),
            version,
        }),
    }
}

/// The runs of the new text of `ops`, from the runs of its old text: kept
/// words keep their version, inserted ones are `version`'s, a typographic
/// variant keeps the version of the words it stands for. `None` when the
/// runs do not spell the old text the ops start from.
fn carried(old: &[Run], ops: &[WordOp], version: usize) -> Option<Vec<Run>> {
    // The old text's runs as (byte range end, version), consumed in order.
    let old_text: String = old.iter().map(|r| r.text.as_str()).collect();
    let mut ends = Vec::with_capacity(old.len());
    let mut end = 0;
    for r in old {
        end += r.text.len();
        ends.push((end, r.version));
    }
    let version_at = |at: usize| ends.iter().find(|(e, _)| *e > at).map(|&(_, v)| v);
    let mut at = 0;
    let mut out = Vec::new();
    let mut typeset: Option<usize> = None;
    for op in ops {
        match (op.op, op.typography) {
            (WordOpKind::Equal, _) => {
                let end = at + op.text.len();
                if old_text.get(at..end)? != op.text {
                    return None;
                }
                // Piece by piece, each with its own version.
                let mut from = at;
                while from < end {
                    let (until, v) = ends.iter().copied().find(|(e, _)| *e > from)?;
                    let to = until.min(end);
                    push_run(&mut out, old_text.get(from..to)?, v);
                    from = to;
                }
                at = end;
            }
            (WordOpKind::Delete, typography) => {
                let end = at + op.text.len();
                if old_text.get(at..end)? != op.text {
                    return None;
                }
                typeset = typography.then(|| version_at(at)).flatten();
                at = end;
            }
            (WordOpKind::Insert, true) => {
                push_run(&mut out, &op.text, typeset.take().unwrap_or(version));
            }
            (WordOpKind::Insert, false) => push_run(&mut out, &op.text, version),
        }
    }
    (at == old_text.len()).then_some(out)
}

/// The blame of the last version of `h`, its paragraphs in its order.
pub fn blame(h: &History) -> Blame {
    blame_lines(h, true)
}

/// [`blame`]; `in_document_order` false keeps the lines' order (that of
/// sub-paragraph lines, whose place among nested ones the cells do not
/// say, is their reading order already).
fn blame_lines(h: &History, in_document_order: bool) -> Blame {
    let count = h.versions.len();
    // The runs of each line's text in the version being walked.
    let mut runs: HashMap<usize, Vec<Run>> = HashMap::new();
    fn cell(line: &Line, k: usize) -> Option<&Cell> {
        line.cells.get(k).and_then(Option::as_ref)
    }
    let position = |c: &Cell, line: &Line| (Part::ALL.iter().position(|p| *p == c.part), line.id);
    for k in 0..count {
        let mut next: HashMap<usize, Vec<Run>> = HashMap::new();
        for line in &h.lines {
            let Some(here) = cell(line, k) else { continue };
            if next.contains_key(&line.id) {
                continue; // a split piece already given its runs
            }
            let whole = |version| {
                vec![Run {
                    text: here.text.clone(),
                    version,
                }]
            };
            let Some(change) = &here.change else {
                next.insert(line.id, whole(k));
                continue;
            };
            // The old text the step's redline starts from: this line's, or
            // for a merge the lines merged into it too, in reading order.
            let mut members: Vec<&Line> = vec![line];
            if change.status == ChangeStatus::Merged {
                members.extend(h.lines.iter().filter(|l| {
                    l.merged_into == Some(line.id)
                        && cell(l, k - 1).is_some()
                        && cell(l, k).is_none()
                }));
                members.sort_by_key(|l| cell(l, k - 1).map(|c| position(c, l)));
            }
            let mut old: Vec<Run> = Vec::new();
            for (i, m) in members.iter().enumerate() {
                let Some(r) = runs.get(&m.id) else { continue };
                if i > 0 {
                    let v = old.last().map_or(k, |r: &Run| r.version);
                    push_run(&mut old, PARAGRAPH_BREAK, v);
                }
                for run in r {
                    push_run(&mut old, &run.text, run.version);
                }
            }
            // The new side: this line, or for a split its pieces in order.
            let mut pieces: Vec<&Line> = vec![line];
            if change.status == ChangeStatus::Split {
                pieces.extend(h.lines.iter().filter(|l| {
                    l.split_from == Some(line.id)
                        && cell(l, k - 1).is_none()
                        && cell(l, k).is_some()
                }));
                pieces.sort_by_key(|l| cell(l, k).map(|c| position(c, l)));
            }
            let new_text = pieces
                .iter()
                .filter_map(|l| cell(l, k).map(|c| c.text.as_str()))
                .collect::<Vec<_>>()
                .join(PARAGRAPH_BREAK);
            let carried = if change.status == ChangeStatus::Unchanged
                && old.iter().map(|r| r.text.as_str()).collect::<String>() == new_text
            {
                Some(old)
            } else {
                carried(&old, &change.words, k)
                    .filter(|r| r.iter().map(|r| r.text.as_str()).collect::<String>() == new_text)
            };
            // Where the redline cannot be followed, the version's own text.
            let Some(carried) = carried else {
                for piece in &pieces {
                    if let Some(c) = cell(piece, k) {
                        next.insert(
                            piece.id,
                            vec![Run {
                                text: c.text.clone(),
                                version: k,
                            }],
                        );
                    }
                }
                continue;
            };
            // Cut the runs at the paragraph breaks between the pieces.
            let mut piece = 0;
            let mut current: Vec<Run> = Vec::new();
            for run in carried {
                let mut rest = run.text.as_str();
                while let Some(at) = rest
                    .find(PARAGRAPH_BREAK)
                    .filter(|_| piece + 1 < pieces.len())
                {
                    push_run(&mut current, &rest[..at], run.version);
                    next.insert(pieces[piece].id, std::mem::take(&mut current));
                    piece += 1;
                    rest = &rest[at + PARAGRAPH_BREAK.len()..];
                }
                push_run(&mut current, rest, run.version);
            }
            next.insert(pieces[piece].id, current);
        }
        // A line absent from this version keeps the runs of the last one
        // that had it, for a version that restores it.
        runs.extend(next);
    }
    let last = count.saturating_sub(1);
    // The last version's paragraphs in its own order (the lines' order
    // is the order they appeared in, not where they stand now).
    let mut present: Vec<&Line> = h.lines.iter().filter(|l| cell(l, last).is_some()).collect();
    if in_document_order {
        present.sort_by_key(|l| {
            cell(l, last).map(|c| (Part::ALL.iter().position(|p| *p == c.part), c.index))
        });
    }
    Blame {
        versions: h.versions.clone(),
        paragraphs: present
            .into_iter()
            .filter_map(|line| {
                let c = cell(line, last)?;
                let subparagraphs = if line.subparagraphs.is_empty() {
                    Vec::new()
                } else {
                    blame_lines(
                        &History {
                            versions: h.versions.clone(),
                            lines: line.subparagraphs.clone(),
                            warnings: Vec::new(),
                        },
                        false,
                    )
                    .paragraphs
                };
                Some(Blamed {
                    line: line.id,
                    part: c.part,
                    label: c.label.clone(),
                    introduced: line.introduced(),
                    restored: line
                        .cells
                        .iter()
                        .enumerate()
                        .filter_map(|(k, c)| {
                            let from = c.as_ref()?.change.as_ref()?.restored_from?;
                            Some([k, from])
                        })
                        .collect(),
                    runs: runs.remove(&line.id).unwrap_or_default(),
                    subparagraphs,
                })
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::fixtures::resolution;

    fn texts(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    /// The lines as rows of labels, `-` where a version lacks the paragraph.
    fn grid(h: &History) -> Vec<String> {
        h.lines
            .iter()
            .map(|l| {
                l.cells
                    .iter()
                    .map(|c| c.as_ref().map_or("-".to_string(), |c| c.label.clone()))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    const A: &str =
        "Decides to extend the mandate of the mission until 31 March 2019 and to review it;";
    const B: &str = "Requests the Secretary-General to report to the Council every ninety days on the situation;";
    const C: &str = "Calls upon all parties to respect the ceasefire agreement and to cooperate fully with the mission;";
    const D: &str = "Expresses its concern at the humanitarian situation in the region and the displacement of civilians;";

    #[test]
    fn a_paragraph_keeps_its_line_through_renumbering_and_a_new_one_stands_in_its_place() {
        let v1 = resolution(73, &[], &texts(&[A, B, C]));
        let v2 = resolution(74, &[], &texts(&[A, D, B, C]));
        let v3 = resolution(75, &[], &texts(&[D, B, C]));
        let h = history(&[v1, v2, v3]);
        assert_eq!(
            grid(&h),
            ["OP1 OP1 -", "- OP2 OP1", "OP2 OP3 OP2", "OP3 OP4 OP3"]
        );
        let d = &h.lines[1];
        assert_eq!((d.introduced(), d.dropped()), (1, None));
        assert_eq!(h.lines[0].dropped(), Some(2));
        let b = &h.lines[2];
        let step = b.cells[1].as_ref().unwrap().change.as_ref().unwrap();
        assert!(step.renumbered && step.status == ChangeStatus::Unchanged);
        assert_eq!(h.kept_throughout(), 2);
    }

    #[test]
    fn a_split_opens_a_line_for_its_second_piece_and_a_merge_ends_one() {
        let joined = format!("{} {}", B.trim_end_matches(';'), C);
        let v1 = resolution(73, &[], &texts(&[A, &joined, D]));
        let v2 = resolution(74, &[], &texts(&[A, B, C, D]));
        let v3 = resolution(75, &[], &texts(&[A, &joined, D]));
        let h = history(&[v1, v2, v3]);
        let rows = grid(&h);
        assert_eq!(rows.len(), 4, "{rows:?}");
        let piece = h
            .lines
            .iter()
            .find(|l| l.split_from.is_some())
            .expect("a split piece");
        assert_eq!(piece.cells[1].as_ref().unwrap().label, "OP3");
        assert_eq!(piece.merged_into, piece.split_from, "{rows:?}");
        let status = |l: &Line, v: usize| {
            l.cells[v]
                .as_ref()
                .and_then(|c| c.change.as_ref())
                .map(|c| c.status)
        };
        let whole = h
            .lines
            .iter()
            .find(|l| Some(l.id) == piece.split_from)
            .unwrap();
        assert_eq!(status(whole, 1), Some(ChangeStatus::Split));
        assert_eq!(status(whole, 2), Some(ChangeStatus::Merged));
        assert_eq!(piece.dropped(), Some(2));
    }

    /// The version that wrote `word` in a blamed paragraph.
    fn by(b: &Blamed, word: &str) -> Option<usize> {
        let mut at = 0;
        let start = b
            .runs
            .iter()
            .map(|r| r.text.as_str())
            .collect::<String>()
            .find(word)?;
        for r in &b.runs {
            if start < at + r.text.len() {
                return Some(r.version);
            }
            at += r.text.len();
        }
        None
    }

    #[test]
    fn blame_gives_each_word_the_version_that_wrote_it() {
        let v1 =
            "Decides to extend the mandate of the mission until 31 March 2019 and to review it;";
        let v2 = "Decides to extend the mandate of the mission until 31 March 2020 and to review it regularly;";
        let v3 = "Decides to extend the mandate of the mission until 31 March 2021 and to review it regularly;";
        let h = history(&[
            resolution(73, &[], &texts(&[v1, B])),
            resolution(74, &[], &texts(&[v2, B, D])),
            resolution(75, &[], &texts(&[v3, B, D])),
        ]);
        let b = blame(&h);
        assert_eq!(b.paragraphs.len(), 3);
        let first = &b.paragraphs[0];
        assert_eq!(
            first
                .runs
                .iter()
                .map(|r| r.text.as_str())
                .collect::<String>(),
            v3
        );
        assert_eq!(first.introduced, 0);
        assert_eq!(by(first, "Decides"), Some(0));
        assert_eq!(by(first, "regularly"), Some(1));
        assert_eq!(by(first, "2021"), Some(2));
        assert_eq!(
            b.paragraphs[1].runs,
            [Run {
                text: B.into(),
                version: 0
            }]
        );
        assert_eq!(
            b.paragraphs[2].runs,
            [Run {
                text: D.into(),
                version: 1
            }]
        );
        let shares = first.shares();
        assert_eq!(shares.iter().map(|s| s.0).collect::<Vec<_>>(), [0, 1, 2]);
        assert!(shares[0].1 > 0.8);
    }

    #[test]
    fn blame_follows_a_split_and_a_merge() {
        let joined = format!("{} {}", B.trim_end_matches(';'), C);
        let v1 = resolution(73, &[], &texts(&[A, &joined, D]));
        let v2 = resolution(74, &[], &texts(&[A, B, C, D]));
        let merged = format!(
            "{} {}",
            B.trim_end_matches(';'),
            C.replace("fully", "closely")
        );
        let v3 = resolution(75, &[], &texts(&[A, &merged, D]));
        let h = history(&[v1.clone(), v2.clone()]);
        let b = blame(&h);
        assert_eq!(b.paragraphs.len(), 4);
        // Both pieces of the split carry the old wording.
        for (p, text) in b.paragraphs.iter().zip([A, B, C, D]) {
            assert_eq!(
                p.runs.iter().map(|r| r.text.as_str()).collect::<String>(),
                text
            );
            assert_eq!(by(p, &text[..8]), Some(0), "{}", p.label);
        }
        let b = blame(&history(&[v1, v2, v3]));
        let merged_back = &b.paragraphs[1];
        assert_eq!(
            merged_back
                .runs
                .iter()
                .map(|r| r.text.as_str())
                .collect::<String>(),
            merged
        );
        assert_eq!(by(merged_back, "Requests"), Some(0));
        assert_eq!(by(merged_back, "closely"), Some(2));
    }

    #[test]
    fn a_paragraph_back_after_a_gap_continues_its_line_and_keeps_its_blame() {
        let v1 = resolution(73, &[], &texts(&[A, B, C]));
        let v2 = resolution(74, &[], &texts(&[A, C]));
        let v3 = resolution(75, &[], &texts(&[A, B, C]));
        let h = history(&[v1, v2, v3]);
        assert_eq!(grid(&h), ["OP1 OP1 OP1", "OP2 - OP2", "OP3 OP2 OP3"]);
        let back = h.lines[1].cells[2]
            .as_ref()
            .unwrap()
            .change
            .as_ref()
            .unwrap();
        assert_eq!(back.restored_from, Some(0));
        assert_eq!(back.status, ChangeStatus::Unchanged);
        let b = blame(&h);
        assert_eq!(b.paragraphs[1].introduced, 0);
        assert_eq!(
            b.paragraphs[1].runs,
            [Run {
                text: B.into(),
                version: 0
            }]
        );
        assert_eq!(b.paragraphs[1].restored, [[2, 0]]);
    }

    #[test]
    fn a_paragraph_gone_for_good_is_not_restored_by_a_different_one() {
        let v1 = resolution(73, &[], &texts(&[A, B]));
        let v2 = resolution(74, &[], &texts(&[A]));
        let v3 = resolution(75, &[], &texts(&[A, D]));
        let h = history(&[v1, v2, v3]);
        assert_eq!(grid(&h), ["OP1 OP1 OP1", "- - OP2", "OP2 - -"]);
    }

    #[test]
    fn blame_follows_the_last_version_s_order_not_the_lines() {
        // D comes in after A, then moves to the end: its line stands
        // second, its paragraph last.
        let v1 = resolution(73, &[], &texts(&[A, B, C]));
        let v2 = resolution(74, &[], &texts(&[A, D, B, C]));
        let v3 = resolution(75, &[], &texts(&[A, B, C, D]));
        let h = history(&[v1, v2, v3]);
        let b = blame(&h);
        let labels: Vec<&str> = b.paragraphs.iter().map(|p| p.label.as_str()).collect();
        assert_eq!(labels, ["OP1", "OP2", "OP3", "OP4"]);
        assert_eq!(b.paragraphs[3].introduced, 1);
    }

    #[test]
    fn one_version_is_its_paragraphs_and_none_is_empty() {
        let h = history(&[resolution(73, &texts(&[D]), &texts(&[A, B]))]);
        assert_eq!(grid(&h), ["PP1", "OP1", "OP2"]);
        assert!(
            h.lines
                .iter()
                .all(|l| l.cells[0].as_ref().unwrap().change.is_none())
        );
        assert!(history(&[]).lines.is_empty());
    }
}
