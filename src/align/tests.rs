use super::fixtures::csto_paragraphs;
use super::*;

fn statuses(links: &[Link]) -> Vec<String> {
    links
        .iter()
        .map(|l| match l {
            Link::Paired {
                old, new, moved, ..
            } => {
                format!("{old}->{new}{}", if *moved { " moved" } else { "" })
            }
            Link::Added { new } => format!("+{new}"),
            Link::Removed { old } => format!("-{old}"),
            Link::Split { old, new, .. } => format!("{old}->{new:?} split"),
            Link::Merged { old, new, .. } => format!("{old:?}->{new} merged"),
        })
        .collect()
}

#[cfg_attr(corpus_missing, ignore = "needs ../shared/corpus")]
#[test]
fn identical_lists_pair_in_order() {
    let Some((preamble, operative)) = csto_paragraphs() else {
        return;
    };
    assert_eq!(preamble.len(), 14);
    assert_eq!(operative.len(), 9);
    let links = align_texts(&operative, &operative);
    let expected: Vec<String> = (0..9).map(|i| format!("{i}->{i}")).collect();
    assert_eq!(statuses(&links), expected);
}

#[cfg_attr(corpus_missing, ignore = "needs ../shared/corpus")]
#[test]
fn a_paragraph_carried_to_the_front_is_one_move() {
    let Some((_, operative)) = csto_paragraphs() else {
        return;
    };
    let mut new = operative.clone();
    let last = new.pop().unwrap();
    new.insert(0, last);
    let links = align_texts(&operative, &new);
    assert_eq!(statuses(&links)[0], "8->0 moved");
    assert_eq!(links.iter().filter(|l| l.moved()).count(), 1);
}

#[cfg_attr(corpus_missing, ignore = "needs ../shared/corpus")]
#[test]
fn removed_paragraphs_stay_where_they_were() {
    let Some((preamble, _)) = csto_paragraphs() else {
        return;
    };
    let mut new = preamble.clone();
    new.remove(4);
    new.remove(0);
    let links = align_texts(&preamble, &new);
    let s = statuses(&links);
    assert_eq!(s[0], "-0");
    assert_eq!(s[1], "1->0");
    assert_eq!(s[3], "3->2");
    assert_eq!(s[4], "-4");
    assert_eq!(s[5], "5->3");
}

#[cfg_attr(corpus_missing, ignore = "needs ../shared/corpus")]
#[test]
fn a_paragraph_cut_at_its_conjunction_is_a_split() {
    let Some((_, operative)) = csto_paragraphs() else {
        return;
    };
    // Operative 3: "Welcomes the efforts ..., and encourages them to ...".
    let (head, tail) = operative[2].split_once(", and encourages").unwrap();
    let mut new = operative.clone();
    new[2] = format!("{head};");
    new.insert(3, format!("Encourages{tail}"));
    let links = align_texts(&operative, &new);
    let s = statuses(&links);
    assert_eq!(s[2], "2->[2, 3] split", "{s:?}");
    assert_eq!(s.len(), 9);
    // And the reverse is a merge.
    let back = align_texts(&new, &operative);
    assert_eq!(statuses(&back)[2], "[2, 3]->2 merged");
}

#[cfg_attr(corpus_missing, ignore = "needs ../shared/corpus")]
#[test]
fn unrelated_paragraphs_do_not_pair() {
    let Some((preamble, operative)) = csto_paragraphs() else {
        return;
    };
    let links = align_texts(&preamble[6..9], &operative[6..9]);
    assert_eq!(statuses(&links), vec!["-0", "-1", "-2", "+0", "+1", "+2"]);
}

#[test]
fn empty_inputs_align_to_nothing_or_all_added() {
    let none: Vec<String> = Vec::new();
    assert!(align_texts(&none, &none).is_empty());
    let one = vec!["Decides to remain seized of the matter.".to_string()];
    assert_eq!(statuses(&align_texts(&none, &one)), vec!["+0"]);
    assert_eq!(statuses(&align_texts(&one, &none)), vec!["-0"]);
}

#[test]
fn removing_most_paragraphs_costs_linear_work() {
    let growth = crate::work::growth(2_000, |n| {
        let old: Vec<String> = (0..n)
            .map(|i| format!("Requests the thing number {i} of many"))
            .collect();
        let links = align_texts(&old, &old[..10]);
        assert_eq!(links.len(), n);
    });
    assert!(
        growth < 4.5,
        "4n paragraphs cost {growth:.1} times the work of n"
    );
}

#[test]
fn versions_with_nothing_in_common_cost_linear_work() {
    // Every paragraph unpaired on both sides: one gap as long as the texts,
    // which the rewritten-pair search must cross along its diagonal only.
    let growth = crate::work::growth(2_000, |n| {
        let old: Vec<String> = (0..n)
            .map(|i| format!("Recalls item{i} of list{i}"))
            .collect();
        let new: Vec<String> = (0..n)
            .map(|i| format!("Urges thing{i} for case{i}"))
            .collect();
        let links = align_texts(&old, &new);
        assert_eq!(links.len(), 2 * n);
    });
    assert!(
        growth < 4.5,
        "4n paragraphs cost {growth:.1} times the work of n"
    );
}

#[test]
fn shingles_shared_by_many_paragraphs_cost_linear_work() {
    // Every word pair is shared by a twentieth of the paragraphs, the most
    // the index would otherwise look at.
    let growth = crate::work::growth(2_000, |n| {
        let texts: Vec<String> = (0..n)
            .map(|i| format!("alpha{} beta{} gamma{}", i % 20, i % 20, i % 20))
            .collect();
        align_texts(&texts, &texts);
    });
    assert!(
        growth < 4.5,
        "4n paragraphs cost {growth:.1} times the work of n"
    );
}
