//! What the dependency parse says to the coder: the actor group a noun
//! phrase names, and a verb's subject, object, agent, voice and negation —
//! the last asked of `dyad_types::syntax`, where the parse queries live.

use dyad_types::{ParsedSentence, Upos};

use crate::compile::NONE;
use crate::sentence::Analysis;
use crate::words::Closed;

fn rel(parse: &ParsedSentence, i: usize) -> &str {
    &parse.words[i].deprel
}

/// Noun phrases are shallow: a walk up the tree stops after a few dozen
/// steps, which keeps a degenerate parse of a very long sentence from
/// costing quadratic time.
const MAX_DEPTH: usize = 40;

/// Whether the edge from `i` to its head keeps `i` inside its head's noun
/// phrase as a name, a modifier, a possessor or a complement: "Gondor" in
/// "the Gondor envoy", "Gondor's envoy", "the envoys of Gondor", "a camp for
/// Gondor refugees". A clause ("the men who held talks") or a phrase of
/// place, time or topic ("talks on Gondor", "the truce in Gondor") leaves it.
fn in_noun_phrase(a: &Analysis, parse: &ParsedSentence, closed: &Closed, i: usize) -> bool {
    match rel(parse, i).split(':').next().unwrap_or("") {
        "compound" | "amod" | "flat" | "fixed" | "appos" | "det" | "nummod" | "conj" | "name"
        | "poss" => true,
        // A noun with no copula has no subject or object: a word before it
        // labelled so is a modifier the parser mislabelled ("the Gondor and
        // Rohan sides" with "Gondor" as the subject of "sides").
        "nsubj" | "obj" | "iobj" => parse.words[i].head.is_some_and(|h| {
            h > i
                && matches!(parse.words[h].upos, Upos::NOUN | Upos::PROPN)
                && !parse.children(h).any(|c| rel(parse, c) == "cop")
        }),
        "nmod" => parse
            .children(i)
            .filter(|&c| rel(parse, c) == "case")
            .all(|c| !a.is(&closed.place_prep, c)),
        _ => false,
    }
}

/// Whether `i` lies in the noun phrase headed by `root` (see [`in_noun_phrase`]).
fn within_noun_phrase(
    a: &Analysis,
    parse: &ParsedSentence,
    closed: &Closed,
    mut i: usize,
    root: usize,
) -> bool {
    for _ in 0..MAX_DEPTH {
        if i == root {
            return true;
        }
        if !in_noun_phrase(a, parse, closed, i) {
            return false;
        }
        match parse.words[i].head {
            Some(h) => i = h,
            None => return false,
        }
    }
    false
}

/// The actor group a noun phrase headed by `t` names: the group holding `t`,
/// else the first group inside its noun phrase ("the ambassadors of
/// Gondor", "Gondor's envoy"), not in a clause or phrase attached to it.
pub(crate) fn group_of(
    a: &Analysis,
    parse: &ParsedSentence,
    closed: &Closed,
    t: usize,
) -> Option<u32> {
    if a.group_at[t] != NONE {
        return Some(a.group_at[t]);
    }
    (0..a.len())
        .find(|&i| a.group_at[i] != NONE && within_noun_phrase(a, parse, closed, i, t))
        .map(|i| a.group_at[i])
}

/// What the parse says about the verb at `v`.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct VerbSyntax {
    /// The subject's head token.
    pub subject: Option<usize>,
    pub passive: bool,
    pub negated: bool,
    /// Head of the "by" phrase of a passive.
    pub agent: Option<usize>,
    /// The direct object's head.
    pub object: Option<usize>,
}

pub(crate) fn verb_syntax(parse: &ParsedSentence, v: usize) -> VerbSyntax {
    VerbSyntax {
        subject: parse.effective_subject(v),
        // (The subject of a verb in the passive is acted upon.)
        passive: parse.is_passive(v),
        negated: parse.is_negated(v),
        agent: parse.agent(v),
        object: parse
            .children(v)
            .find(|&c| matches!(rel(parse, c), "obj" | "dobj")),
    }
}
