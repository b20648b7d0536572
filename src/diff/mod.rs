//! The comparison engine: aligns the two versions part by part
//! ([`crate::align`]), redlines each pair word by word (`words`), reads the
//! drafting semantics (lead changes, `references`, `routine` updates)
//! and sums it all up (`summary`) into one [`Comparison`].

mod records;

pub use records::PARAGRAPH_BREAK;
pub(crate) mod references;
pub(crate) mod routine;
pub(crate) mod summary;
pub(crate) mod words;

use crate::align::align_paragraphs;
use crate::comparison::Comparison;
use crate::model::{Part, Resolution};

/// Compare two versions of a resolution. Never fails: any two resolutions
/// compare, and the result says what it can.
pub fn compare(old: &Resolution, new: &Resolution) -> Comparison {
    let builder = records::Builder {
        versions: routine::Versions::of(&old.meta, &new.meta),
    };
    let mut paragraphs = Vec::new();
    for part in Part::ALL {
        let (olds, news) = (old.part(part), new.part(part));
        for link in align_paragraphs(&olds, &news) {
            paragraphs.push(builder.record(part, &link, &olds, &news));
        }
    }
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
        paragraphs,
        warnings,
    }
}

#[cfg(test)]
mod proptests;
#[cfg(test)]
mod tests;
