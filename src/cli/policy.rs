//! `--fail-on` policies: which changes make `compare` exit with 1, so a
//! project gates only on what it cares about.

use crate::cli::args::FailOn;
use resdiff::comparison::{ChangeStatus, Comparison, Direction, ParagraphChange};
use resdiff::model::Part;

/// The policies that `comparison` trips, in the order given.
pub fn tripped(policies: &[FailOn], comparison: &Comparison) -> Vec<FailOn> {
    let mut out: Vec<FailOn> = policies
        .iter()
        .copied()
        .filter(|&p| trips(p, comparison))
        .collect();
    out.dedup();
    out
}

fn trips(policy: FailOn, c: &Comparison) -> bool {
    let any = |f: &dyn Fn(&ParagraphChange) -> bool| c.paragraphs.iter().any(|p| deep_any(p, f));
    match policy {
        FailOn::Any => c.summary.has_changes(),
        FailOn::Removed => any(&|p| p.status == ChangeStatus::Removed),
        FailOn::Added => any(&|p| p.status == ChangeStatus::Added),
        FailOn::Weakened => any(&|p| {
            p.lead_change
                .as_ref()
                .is_some_and(|l| l.direction == Direction::Weaker)
        }),
        FailOn::Strengthened => any(&|p| {
            p.lead_change
                .as_ref()
                .is_some_and(|l| l.direction == Direction::Stronger)
        }),
        FailOn::Operative => any(&|p| touches(p, Part::Operative) && substantive(p)),
        FailOn::Preamble => any(&|p| touches(p, Part::Preamble) && substantive(p)),
        FailOn::References => any(&|p| !p.references.removed.is_empty()),
    }
}

/// Whether the record is in `part` or came from it (a paragraph moved
/// out of the operative part changes the operative part).
fn touches(p: &ParagraphChange, part: Part) -> bool {
    p.part == part || p.old_part == Some(part)
}

/// A change a reviewer must read: not unchanged, not only routine updates.
fn substantive(p: &ParagraphChange) -> bool {
    (p.status != ChangeStatus::Unchanged || p.moved) && !p.routine
}

fn deep_any(p: &ParagraphChange, f: &dyn Fn(&ParagraphChange) -> bool) -> bool {
    f(p) || p.subparagraphs.iter().any(|s| deep_any(s, f))
}

#[cfg(test)]
mod tests {
    use super::*;
    use resdiff::comparison::*;
    use resdiff::model::{Body, Meta};

    fn meta() -> Meta {
        Meta::new(Body::GeneralAssembly, "s", Some(75))
    }

    fn change(part: Part, status: ChangeStatus) -> ParagraphChange {
        ParagraphChange {
            part,
            old_part: None,
            status,
            moved: false,
            renumbered: false,
            rewritten: false,
            old: Side::None,
            new: Side::None,
            similarity: 0.0,
            pairing: None,
            lead_change: None,
            words: vec![],
            references: References::default(),
            routine: false,
            subparagraphs: vec![],
        }
    }

    fn comparison(paragraphs: Vec<ParagraphChange>) -> Comparison {
        let mut summary = Summary::default();
        for p in &paragraphs {
            summary.part_mut(p.part).add(p.status);
        }
        Comparison {
            old: meta(),
            new: meta(),
            summary,
            concordance: resdiff::comparison::Concordance::of(&paragraphs),
            enacting_formula: Default::default(),
            footnotes: Vec::new(),
            paragraphs,
            warnings: vec![],
        }
    }

    #[test]
    fn each_policy_gates_on_its_own_kind_of_change() {
        let mut weakened = change(Part::Operative, ChangeStatus::Modified);
        weakened.lead_change = Some(LeadChange {
            old: "Urges".into(),
            new: "Invites".into(),
            direction: Direction::Weaker,
        });
        let c = comparison(vec![
            change(Part::Preamble, ChangeStatus::Unchanged),
            weakened,
        ]);
        let all = [
            FailOn::Any,
            FailOn::Removed,
            FailOn::Added,
            FailOn::Weakened,
            FailOn::Strengthened,
            FailOn::Operative,
            FailOn::Preamble,
            FailOn::References,
        ];
        assert_eq!(
            tripped(&all, &c),
            vec![FailOn::Any, FailOn::Weakened, FailOn::Operative]
        );
    }

    #[test]
    fn routine_changes_do_not_trip_part_policies() {
        let mut routine = change(Part::Operative, ChangeStatus::Modified);
        routine.routine = true;
        let c = comparison(vec![routine]);
        assert!(tripped(&[FailOn::Operative], &c).is_empty());
        assert_eq!(tripped(&[FailOn::Any], &c), vec![FailOn::Any]);
    }

    #[test]
    fn a_paragraph_moved_out_of_a_part_trips_that_part() {
        let mut demoted = change(Part::Preamble, ChangeStatus::Unchanged);
        demoted.old_part = Some(Part::Operative);
        demoted.moved = true;
        let c = comparison(vec![demoted]);
        let mut both = tripped(&[FailOn::Operative, FailOn::Preamble], &c);
        both.sort();
        assert_eq!(both, vec![FailOn::Operative, FailOn::Preamble]);
    }

    #[test]
    fn nested_sub_paragraph_removals_count() {
        let mut parent = change(Part::Operative, ChangeStatus::Modified);
        parent
            .subparagraphs
            .push(change(Part::Operative, ChangeStatus::Removed));
        let c = comparison(vec![parent]);
        assert_eq!(tripped(&[FailOn::Removed], &c), vec![FailOn::Removed]);
        assert!(tripped(&[FailOn::Added], &c).is_empty());
    }
}
