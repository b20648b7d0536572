//! The CLI's own wording: the confirmation line of a file written.

use resdiff::comparison::{ChangeStatus, Comparison};
use resdiff::model::Resolution;

/// What a written canonical file holds, for the confirmation line:
/// "14 preambular and 9 operative paragraphs, 7 footnotes".
pub fn counts(resolution: &Resolution) -> String {
    let mut out = format!(
        "{} preambular and {} operative paragraphs",
        resolution.preamble.len(),
        resolution.operative.len()
    );
    let annexes = resolution.annexes.len();
    if annexes > 0 {
        out.push_str(&format!(", {}", plural(annexes, "annex", "annexes")));
    }
    out.push_str(&format!(
        ", {}",
        plural(resolution.footnotes.len(), "footnote", "footnotes")
    ));
    out
}

/// What a written report covers, for the confirmation line:
/// "24 paragraphs, 2 changed" (per comparison when there are several).
pub fn comparison_counts(comparisons: &[Comparison]) -> String {
    let one = |c: &Comparison| {
        let changed = c
            .paragraphs
            .iter()
            .filter(|p| p.status != ChangeStatus::Unchanged || p.moved || p.renumbered)
            .count();
        format!(
            "{}, {changed} changed",
            plural(c.paragraphs.len(), "paragraph", "paragraphs")
        )
    };
    match comparisons {
        [single] => one(single),
        many => format!(
            "{} ({})",
            plural(many.len(), "comparison", "comparisons"),
            many.iter().map(one).collect::<Vec<_>>().join("; ")
        ),
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
