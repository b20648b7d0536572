//! The comparison engine: aligns the two versions part by part
//! ([`crate::align`]) and what is left between the parts (`across`), redlines each pair word by word (`words`), reads the
//! drafting semantics (lead changes, `references`, `routine` updates)
//! and sums it all up (`summary`) into one [`Comparison`].

mod across;
mod editorial;
mod records;

pub use records::PARAGRAPH_BREAK;
pub(crate) use records::round4;
pub(crate) mod references;
pub(crate) mod routine;
pub(crate) mod summary;
pub(crate) mod words;

use crate::align::{Link, align_paragraphs};
use crate::comparison::{Comparison, Concordance, FootnoteChange, Formula};
use crate::model::{Part, Resolution};

/// Whether the versions can be compared: they are written in one
/// language. Two language versions of one text differ in every word; they
/// are checked against each other, not redlined. `names` says how to call
/// each version in the error.
pub fn one_language(versions: &[(&str, &Resolution)]) -> crate::Result<()> {
    let Some((first_name, first)) = versions.first() else {
        return Ok(());
    };
    let language = first.meta.language;
    match versions.iter().find(|(_, r)| r.meta.language != language) {
        None => Ok(()),
        Some((name, other)) => Err(crate::Error::new(format!(
            "{first_name} is in {} and {name} in {}: compare, history and blame read versions written in one language; two language versions of one resolution are checked against each other by the cross-language check (`resdiff concord`, to come), not redlined",
            first.meta.language.described(),
            other.meta.language.described(),
        ))),
    }
}

/// Compare two versions of a resolution. Never fails: any two resolutions
/// compare, and the result says what it can.
pub fn compare(old: &Resolution, new: &Resolution) -> Comparison {
    let lexicon = old.meta.language.lexicon();
    let builder = records::Builder {
        versions: routine::Versions::of(&old.meta, &new.meta),
        lexicon,
    };
    let parts: Vec<across::PartPair> = Part::ALL
        .into_iter()
        .map(|part| (part, old.part(part), new.part(part)))
        .collect();
    let links: Vec<Vec<Link>> = parts
        .iter()
        .map(|(_, olds, news)| align_paragraphs(olds, news, lexicon))
        .collect();
    let across = across::pairs(&parts, &links, lexicon);
    // Each record to build: (the part its old paragraphs are in, its part,
    // its link).
    let mut jobs: Vec<(Part, Part, Link)> = Vec::new();
    for ((part, _, _), links) in parts.iter().zip(&links) {
        for link in links {
            match link {
                Link::Removed { old } if across.moved_out(*part, *old) => {}
                Link::Added { new } => match across.moved_in(*part, *new) {
                    Some(pair) => {
                        let (from, o) = pair.old;
                        let link = Link::Paired {
                            old: o,
                            new: *new,
                            evidence: pair.evidence,
                            moved: true,
                            rewritten: pair.rewritten,
                        };
                        jobs.push((from, *part, link));
                    }
                    None => jobs.push((*part, *part, link.clone())),
                },
                _ => jobs.push((*part, *part, link.clone())),
            }
        }
    }
    let paragraphs_of = |part: Part| {
        parts
            .iter()
            .find(|p| p.0 == part)
            .map_or(&[][..], |p| &p.1[..])
    };
    let new_paragraphs_of = |part: Part| {
        parts
            .iter()
            .find(|p| p.0 == part)
            .map_or(&[][..], |p| &p.2[..])
    };
    let build = |jobs: &[(Part, Part, Link)]| -> Vec<crate::comparison::ParagraphChange> {
        jobs.iter()
            .map(|(from, part, link)| {
                builder.record_across(
                    *from,
                    *part,
                    link,
                    paragraphs_of(*from),
                    new_paragraphs_of(*part),
                )
            })
            .collect()
    };
    // Records are independent: two halves on two cores for a long text.
    let (first, second) = jobs.split_at(jobs.len() / 2);
    let large = jobs.len() >= crate::align::LARGE / 2;
    let (mut paragraphs, rest) = crate::work::join(large, || build(first), || build(second));
    paragraphs.extend(rest);
    let mut warnings = Vec::new();
    if old.meta.series != new.meta.series {
        warnings.push(format!(
            "the versions belong to different series ({}, {})",
            old.meta.series, new.meta.series
        ));
    }
    Comparison {
        old: old.meta.clone(),
        new: new.meta.clone(),
        summary: summary::summarise(&paragraphs),
        concordance: Concordance::of(&paragraphs),
        enacting_formula: Formula {
            old: old.enacting_formula.clone(),
            new: new.enacting_formula.clone(),
        },
        footnotes: footnotes(old, new, &builder),
        paragraphs,
        warnings,
    }
}

/// The footnotes of the two versions paired on their text (a report
/// symbol updated is still the same footnote), each with its redline.
fn footnotes(
    old: &Resolution,
    new: &Resolution,
    builder: &records::Builder,
) -> Vec<FootnoteChange> {
    let texts = |r: &Resolution| {
        r.footnotes
            .iter()
            .map(|f| f.text.clone())
            .collect::<Vec<_>>()
    };
    let (old_texts, new_texts) = (texts(old), texts(new));
    let mut links = crate::align::align_texts(&old_texts, &new_texts);
    // Footnotes too short to pair on their words ("A/73/85." and
    // "A/80/83.") pair on their marker when neither has another partner.
    let removed: Vec<usize> = links
        .iter()
        .filter_map(|l| match l {
            crate::align::Link::Removed { old } => Some(*old),
            _ => None,
        })
        .collect();
    for link in &mut links {
        if let crate::align::Link::Added { new: n } = *link
            && let Some(&o) = removed
                .iter()
                .find(|&&o| old.footnotes[o].marker == new.footnotes[n].marker)
        {
            *link = crate::align::Link::Paired {
                old: o,
                new: n,
                evidence: crate::align::Evidence::default(),
                moved: false,
                rewritten: false,
            };
        }
    }
    let paired: Vec<usize> = links
        .iter()
        .filter_map(|l| match l {
            crate::align::Link::Paired { old, .. } => Some(*old),
            _ => None,
        })
        .collect();
    links.retain(|l| !matches!(l, crate::align::Link::Removed { old } if paired.contains(old)));
    links
        .into_iter()
        .map(|link| {
            let o = link.old_indices().first().copied();
            let n = link.new_indices().first().copied();
            let text = |r: &Resolution, i: Option<usize>| {
                i.and_then(|i| r.footnotes.get(i))
                    .map_or("", |f| f.text.as_str())
                    .to_string()
            };
            FootnoteChange {
                old: o
                    .and_then(|i| old.footnotes.get(i))
                    .map(|f| f.marker.clone()),
                new: n
                    .and_then(|i| new.footnotes.get(i))
                    .map(|f| f.marker.clone()),
                words: records::redline(&text(old, o), &text(new, n), &|edit| {
                    routine::classify(edit, &builder.versions)
                }),
            }
        })
        .collect()
}

#[cfg(test)]
mod proptests;
#[cfg(test)]
mod tests;
