//! Passages: a run of words that one old and one new paragraph share and
//! no other paragraph of either version has is the drafter's carry-over,
//! whatever else of the paragraph was rewritten or moved ("to accelerate
//! the implementation of the Joint Communiqué and the National Action Plan
//! to combat sexual violence in conflict", kept from a long old paragraph
//! in a short new one several places away). Boilerplate ("the Federal
//! Government of Somalia and the Federal Member States") recurs across
//! paragraphs and so never counts.
//!
//! The evidence is counted in word triples: a shared passage of k words
//! gives k − 2 of them. A triple with two or three capitalised words in
//! both versions is part of a name, which a text spells out at its first
//! mention by convention ("the United Nations Assistance Mission in
//! Somalia (UNSOM)", once in each version): it says nothing of where a
//! paragraph came from, and does not count.

use super::fingerprint::{Fingerprint, HashKeyed, shingle};

/// Word triples two paragraphs must share, each found in no other
/// paragraph of either version, to be one paragraph carried over: a
/// passage of ten words, or several shorter ones. On the truth tables, no
/// two paragraphs the readers judged unrelated share that many (the most is
/// seven); pairs they judged related share up to thirty.
pub const MIN_UNIQUE_TRIPLES: usize = 8;

/// Where a triple occurs: in how many paragraphs of each version (counted
/// up to 2) and the last of each.
#[derive(Clone, Copy, Default)]
struct Seen {
    old_count: u8,
    new_count: u8,
    old: u32,
    new: u32,
    /// A name in both versions ("Joint Communiqué and the National Action
    /// Plan to Combat …" is a name in one version, and plain words in the
    /// other that writes "to combat sexual violence").
    name_in_old: bool,
    name_in_new: bool,
}

/// A paragraph's distinct word triples, each with whether it is part of a
/// name wherever the paragraph has it.
fn triples(fp: &Fingerprint) -> Vec<(u64, bool)> {
    let mut out: Vec<(u64, bool)> = fp
        .sequence
        .windows(3)
        .zip(fp.capitalised.windows(3))
        .map(|(w, caps)| {
            let name = caps.iter().filter(|&&c| c).count() >= 2;
            (shingle(shingle(w[0], w[1]), w[2]), name)
        })
        .collect();
    // A triple that is plain anywhere sorts first and is the one kept.
    out.sort_unstable();
    out.dedup_by_key(|t| t.0);
    out
}

/// The key of old paragraph `old` and new paragraph `new` in [`shared`].
pub fn key(old: usize, new: usize) -> u64 {
    ((old as u64) << 32) | new as u64
}

/// For every old and new paragraph that share triples found nowhere else,
/// how many, by [`key`]. Linear in the words of both versions.
pub fn shared(old: &[Fingerprint], new: &[Fingerprint]) -> HashKeyed<usize> {
    let mut seen: HashKeyed<Seen> = HashKeyed::default();
    for (o, fp) in old.iter().enumerate() {
        for (t, name) in triples(fp) {
            let s = seen.entry(t).or_default();
            s.old_count = s.old_count.saturating_add(1).min(2);
            s.old = o as u32;
            s.name_in_old = name;
        }
    }
    for (n, fp) in new.iter().enumerate() {
        for (t, name) in triples(fp) {
            // Only triples the old version has can be shared.
            if let Some(s) = seen.get_mut(&t) {
                s.new_count = s.new_count.saturating_add(1).min(2);
                s.new = n as u32;
                s.name_in_new = name;
            }
        }
    }
    let mut counts: HashKeyed<usize> = HashKeyed::default();
    for s in seen.values() {
        if s.old_count == 1 && s.new_count == 1 && !(s.name_in_old && s.name_in_new) {
            *counts
                .entry(key(s.old as usize, s.new as usize))
                .or_default() += 1;
        }
    }
    counts
}

/// Every `(old, new, triples)` of [`shared`] with at least
/// [`MIN_UNIQUE_TRIPLES`]: one paragraph carried over. Sorted by old, then
/// new.
pub fn carried(shared: &HashKeyed<usize>) -> Vec<(usize, usize, usize)> {
    let mut out: Vec<(usize, usize, usize)> = shared
        .iter()
        .map(|(&key, &c)| (key, c))
        .filter(|&(_, c)| c >= MIN_UNIQUE_TRIPLES)
        .map(|(key, c)| ((key >> 32) as usize, (key & 0xffff_ffff) as usize, c))
        .collect();
    out.sort_unstable();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prints(texts: &[&str]) -> Vec<Fingerprint> {
        texts.iter().map(|t| Fingerprint::of(t)).collect()
    }

    /// S/2019/266 OP20 and S/2020/445 OP32 (the Somalia renewals): a long
    /// paragraph cut down to the clause it kept, which stands several
    /// places away in the new text.
    #[test]
    fn a_passage_kept_in_a_rewritten_paragraph_is_found() {
        let old = prints(&[
            "Decides to remain actively seized of the matter.",
            "Commends the Federal Government of Somalia for signing the Convention on the Rights of Persons with Disabilities and the signing into law of the National Disability Agency Bill in December 2018, underlines the need for the Federal Government of Somalia to accelerate the appointment of the National Human Rights Commissioners on the basis of merit, the establishment of the Constitutional Court and the operationalisation of the Judicial Service Commission, calls on the Federal Government of Somalia to implement legislation aimed at protecting human rights and investigating and prosecuting perpetrators of crimes involving violations or abuses of human rights, violations of international humanitarian law, and conflict-related sexual and gender-based violence, urges the Federal Government of Somalia, with the support of the United Nations, to accelerate the implementation of the Joint Communiqué and the National Action Plan to Combat Sexual Violence in Conflict and requests UNSOM to continue to provide technical advice and capacity-building support to the National Human Rights Commission, and support the Federal Government of Somalia to promote and protect human rights in Somalia;",
        ]);
        let new = prints(&[
            "Calls on Somali authorities to work with relevant partners to ensure protection for all from sexual and gender-based violence, including sexual exploitation and abuse and conflict-related sexual violence, to take appropriate steps to investigate allegations, strengthen legislation to support accountability in line with relevant resolutions, and to accelerate the implementation of the Joint Communiqué and the National Action Plan to combat sexual violence in conflict;",
            "Decides to remain actively seized of the matter.",
        ]);
        let found = carried(&shared(&old, &new));
        assert_eq!(found.len(), 1, "{found:?}");
        let (o, n, c) = found[0];
        assert_eq!((o, n), (1, 0));
        assert!(c >= MIN_UNIQUE_TRIPLES, "{c}");
    }

    /// S/2018/257 OP11 and S/2019/266 OP5 share fourteen word triples,
    /// but most are the boilerplate both versions repeat ("the Federal
    /// Government of Somalia and the Federal Member States", also in
    /// S/2019/266 OP11): too few are theirs alone.
    #[test]
    fn phrases_other_paragraphs_repeat_are_boilerplate() {
        let old = prints(&[
            "Welcomes the commitment of the Federal Government of Somalia, in accordance with the rule of law, to continue to make progress on inclusive transparent and accountable state-building and federalism through the next phase of the constitutional review process, including allocation of powers, resource and revenue sharing, the development of a political system, and Federal Justice and Corrections Model signed on 24 January 2018, further welcomes the commitment of the Federal Government of Somalia and the Federal Member States to work closely together through the National Security Council mechanism, and with the Parliament on these issues, building on the existing work on the constitutional review, and encourages dialogue with civil society and the Somali public, including the integration of women and youth in this regard;",
        ]);
        let new = prints(&[
            "Urges the Federal Government of Somalia and the Federal Member States to accelerate the Somali Government-led inclusive political settlement through regular high-level dialogue between the Federal Government of Somalia and the Federal Member States, through the National Security Council Mechanism, with Parliament and through inclusive dialogue, and further requests UNSOM’s support in this regard;",
            "Urges the Federal Government of Somalia and the Federal Member States to accelerate implementation of key security sector reforms, with the support of UNSOM, international partners AMISOM and UNSOS, including a coherent National Security Architecture, with a military and civilian component, urges the Federal Government of Somalia to resume the implementation of the transition plan with clear target dates for the progressive transfer of security from AMISOM to the Somali security institutions and forces, to generate and integrate regional and federal forces that are able, affordable, acceptable and accountable and establish effective and accountable rule of law institutions, with a view to taking on lead responsibility for providing inclusive security, reminds the Federal Government of Somali and Federal Member States of their commitments to engage in regular dialogue on security sector reforms and underlines the importance of investing in effective and accountable rule of law institutions;",
        ]);
        assert!(carried(&shared(&old, &new)).is_empty());
    }

    /// S/2018/257 PP5 and S/2019/266 PP5 share "role of the United Nations
    /// Assistance Mission in Somalia (UNSOM) in supporting", found nowhere
    /// else: the mission's name spelled out at its first mention, as each
    /// text does once. The readers of the truth table judged the new
    /// paragraph new (the old one's lead and frame went on elsewhere).
    #[test]
    fn a_name_spelled_out_at_its_first_mention_is_no_passage() {
        let old = prints(&[
            "Commending the role of the United Nations Assistance Mission in Somalia (UNSOM) in supporting peace and reconciliation, conflict resolution, the state formation process, the electoral process, the National Security Architecture implementation, a realistic conditions-based transition plan (Transition Plan) with clear target dates, and the promotion and protection of human rights and compliance with international humanitarian law in Somalia,",
        ]);
        let new = prints(&[
            "Emphasising the essential role of the United Nations Assistance Mission in Somalia (UNSOM) in supporting the Federal Government of Somalia and its Federal Member States through the provision of strategic advice and good offices, capacity building and the coordination of international partners’ support, and underscoring that this mandate is complementary to the mandates of AMISOM, the United Nations Country Team in Somalia and the support provided by other international partners,",
        ]);
        let found = carried(&shared(&old, &new));
        assert!(found.is_empty(), "{found:?}");
    }
}
