//! Property tests over resolutions assembled from real corpus paragraphs.

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

use super::compare;
use super::records::PARAGRAPH_BREAK;
use crate::align::fixtures::{csto_paragraphs, resolution};
use crate::comparison::{ChangeStatus, ParagraphChange};
use crate::diff::words::sides;
use crate::model::Part;
use crate::test_support::shared_corpus;

/// Distinct real paragraphs from every corpus text (lines of at least ten
/// words), or `None` without the corpus.
fn pool() -> Option<Vec<String>> {
    let dir = shared_corpus()?;
    let (mut out, operative) = csto_paragraphs()?;
    out.extend(operative);
    let mut files: Vec<_> = std::fs::read_dir(dir.join("sc"))
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    for path in files {
        let text = std::fs::read_to_string(&path).ok()?;
        out.extend(
            text.lines()
                .map(str::trim)
                .filter(|l| l.split_whitespace().count() >= 10)
                .map(str::to_string),
        );
    }
    let mut seen = std::collections::BTreeSet::new();
    out.retain(|p| seen.insert(crate::align::fingerprint::Fingerprint::of(p).sequence));
    Some(out)
}

fn runner() -> TestRunner {
    TestRunner::new(Config {
        cases: 48,
        failure_persistence: None,
        ..Config::default()
    })
}

/// Indices into the pool for a preamble and an operative part.
fn parts(n: usize) -> impl Strategy<Value = (Vec<usize>, Vec<usize>)> {
    (
        proptest::sample::subsequence((0..n).collect::<Vec<_>>(), 0..12),
        proptest::sample::subsequence((0..n).collect::<Vec<_>>(), 1..25),
    )
}

fn texts(pool: &[String], idx: &[usize]) -> Vec<String> {
    idx.iter().map(|&i| pool[i].clone()).collect()
}

/// Every old and every new paragraph appears exactly once, and the word
/// operations rebuild both texts (a paragraph moved between the parts is
/// counted in the part it came from on its old side).
fn check_complete(records: &[ParagraphChange], old: &[&[String]; 2], new: &[&[String]; 2]) {
    let slot = |part: Part| usize::from(part == Part::Operative);
    let mut olds: [Vec<usize>; 2] = [Vec::new(), Vec::new()];
    let mut news: [Vec<usize>; 2] = [Vec::new(), Vec::new()];
    for r in records {
        let (from, to) = (slot(r.old_part.unwrap_or(r.part)), slot(r.part));
        let o: Vec<usize> = r.old.refs().iter().map(|x| x.index - 1).collect();
        let n: Vec<usize> = r.new.refs().iter().map(|x| x.index - 1).collect();
        let join = |side: &[usize], texts: &[String]| {
            side.iter()
                .map(|&i| texts[i].as_str())
                .collect::<Vec<_>>()
                .join(PARAGRAPH_BREAK)
        };
        assert_eq!(sides(&r.words), (join(&o, old[from]), join(&n, new[to])));
        olds[from].extend(o);
        news[to].extend(n);
    }
    for k in 0..2 {
        olds[k].sort_unstable();
        news[k].sort_unstable();
        assert_eq!(olds[k], (0..old[k].len()).collect::<Vec<_>>());
        assert_eq!(news[k], (0..new[k].len()).collect::<Vec<_>>());
    }
}

#[cfg_attr(corpus_missing, ignore = "needs ../shared/corpus")]
#[test]
fn a_text_compared_with_itself_is_all_unchanged() {
    let Some(pool) = pool() else { return };
    runner()
        .run(&parts(pool.len()), |(pre, op)| {
            let r = resolution(75, &texts(&pool, &pre), &texts(&pool, &op));
            let c = compare(&r, &r);
            prop_assert!(
                c.paragraphs
                    .iter()
                    .all(|p| p.status == ChangeStatus::Unchanged && !p.moved && !p.renumbered)
            );
            prop_assert_eq!(c.paragraphs.len(), pre.len() + op.len());
            Ok(())
        })
        .unwrap();
}

/// An edit script: paragraphs removed, added from the pool, and words
/// deleted inside kept paragraphs, then the operative part rotated.
#[derive(Debug, Clone)]
struct Edits {
    drop: Vec<bool>,
    add: Vec<usize>,
    cut_word: Vec<usize>,
    rotate: usize,
}

fn edits(n: usize) -> impl Strategy<Value = Edits> {
    (
        proptest::collection::vec(proptest::bool::weighted(0.2), 40),
        proptest::collection::vec(0..n, 0..4),
        proptest::collection::vec(0usize..60, 40),
        0usize..5,
    )
        .prop_map(|(drop, add, cut_word, rotate)| Edits {
            drop,
            add,
            cut_word,
            rotate,
        })
}

fn apply(texts: &[String], pool: &[String], e: &Edits, rotate: bool) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (i, t) in texts.iter().enumerate() {
        if e.drop[i % e.drop.len()] {
            continue;
        }
        let words: Vec<&str> = t.split(' ').collect();
        let cut = e.cut_word[i % e.cut_word.len()];
        let edited = if cut < words.len() && i % 3 == 0 {
            let mut w = words.clone();
            w.remove(cut);
            w.join(" ")
        } else {
            t.clone()
        };
        out.push(edited);
    }
    for &a in &e.add {
        out.insert(a % (out.len() + 1), pool[a].clone());
    }
    if rotate && !out.is_empty() {
        let k = e.rotate % out.len();
        out.rotate_left(k);
    }
    out
}

#[cfg_attr(corpus_missing, ignore = "needs ../shared/corpus")]
#[test]
fn every_paragraph_appears_once_and_the_redline_rebuilds_both_texts() {
    let Some(pool) = pool() else { return };
    runner()
        .run(&(parts(pool.len()), edits(pool.len())), |((pre, op), e)| {
            let (old_pre, old_op) = (texts(&pool, &pre), texts(&pool, &op));
            let new_pre = apply(&old_pre, &pool, &e, false);
            let new_op = apply(&old_op, &pool, &e, true);
            let c = compare(
                &resolution(75, &old_pre, &old_op),
                &resolution(77, &new_pre, &new_op),
            );
            check_complete(&c.paragraphs, &[&old_pre, &old_op], &[&new_pre, &new_op]);
            Ok(())
        })
        .unwrap();
}

#[cfg_attr(corpus_missing, ignore = "needs ../shared/corpus")]
#[test]
fn shuffled_operative_paragraphs_are_moves_not_additions() {
    let Some(pool) = pool() else { return };
    let strategy = parts(pool.len()).prop_flat_map(|(pre, op)| {
        let shuffled = Just(op.clone()).prop_shuffle();
        (Just(pre), Just(op), shuffled)
    });
    runner()
        .run(&strategy, |(pre, op, shuffled)| {
            let old = resolution(75, &texts(&pool, &pre), &texts(&pool, &op));
            let new = resolution(75, &texts(&pool, &pre), &texts(&pool, &shuffled));
            let c = compare(&old, &new);
            prop_assert!(
                c.paragraphs
                    .iter()
                    .all(|p| p.status == ChangeStatus::Unchanged)
            );
            let moved = c.paragraphs.iter().filter(|p| p.moved).count();
            prop_assert_eq!(moved > 0, op != shuffled);
            Ok(())
        })
        .unwrap();
}
