//! What the dependency parse says about a verb: its subject, whether it is
//! passive or negated, and its passive agent. Reads both UD v2 labels
//! (`nsubj:pass`, `obl:agent`) and the older v1 ones (`nsubjpass`, `neg`).

use dyad_types::{ParsedSentence, Upos};

use crate::compile::NONE;
use crate::sentence::Analysis;
use crate::words::Closed;

fn rel(parse: &ParsedSentence, i: usize) -> &str {
    &parse.words[i].deprel
}

fn children(parse: &ParsedSentence, head: usize) -> impl Iterator<Item = usize> + '_ {
    parse
        .words
        .iter()
        .enumerate()
        .filter(move |(_, w)| w.head == Some(head))
        .map(|(i, _)| i)
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
                && !children(parse, h).any(|c| rel(parse, c) == "cop")
        }),
        "nmod" => children(parse, i)
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

pub(crate) fn verb_syntax(a: &Analysis, parse: &ParsedSentence, v: usize) -> VerbSyntax {
    let mut out = VerbSyntax::default();
    for c in children(parse, v) {
        let r = rel(parse, c);
        let lemma = parse.words[c].lemma.to_ascii_lowercase();
        if r == "neg" || (r == "advmod" && matches!(lemma.as_str(), "not" | "never" | "n't")) {
            out.negated = true;
        }
        if r == "auxpass" || r == "aux:pass" {
            out.passive = true;
        }
        if matches!(r, "obj" | "dobj") {
            out.object = Some(c);
        }
        if matches!(r, "obl:agent" | "nmod:agent") {
            out.agent = Some(c);
        }
        if matches!(r, "obl" | "nmod") && out.agent.is_none() {
            let by = children(parse, c).any(|k| rel(parse, k) == "case" && a.upper(k) == "BY");
            if by {
                out.agent = Some(c);
            }
        }
    }
    // The subject: the verb's own, else the one its governing verb gives it.
    // An infinitive complement is controlled by the governor's object when
    // there is one ("urged Gondor to attack") and else by its subject ("is
    // about to restore"); an infinitive of purpose ("met Kerry to discuss")
    // and a conjunct ("condemned ... and promised") share the subject.
    let mut cur = v;
    for _ in 0..4 {
        // Of two subjects a misparse may give (a dateline's place and the
        // real subject), the one nearest before the verb.
        let subjects = || {
            children(parse, cur)
                .filter(|&c| matches!(rel(parse, c), "nsubj" | "nsubjpass" | "nsubj:pass"))
        };
        if let Some(s) = subjects()
            .filter(|&c| c < cur)
            .last()
            .or_else(|| subjects().next())
        {
            out.subject = Some(s);
            // A passive subject makes a passive only with its auxiliary
            // ("was attacked"): "Police attacked Gondor" with "Police"
            // labelled so is a misparse of an active verb.
            let auxiliary = children(parse, cur)
                .any(|c| matches!(rel(parse, c), "aux" | "aux:pass" | "auxpass"));
            if cur == v && rel(parse, s) != "nsubj" && auxiliary {
                out.passive = true;
            }
            break;
        }
        let infinitive =
            children(parse, cur).any(|c| rel(parse, c) == "mark" && a.upper(c) == "TO");
        match (rel(parse, cur), parse.words[cur].head) {
            ("xcomp", Some(h)) => {
                let object =
                    children(parse, h).find(|&c| matches!(rel(parse, c), "obj" | "dobj" | "iobj"));
                if let Some(o) = object {
                    out.subject = Some(o);
                    break;
                }
                cur = h;
            }
            ("advcl", Some(h)) if infinitive => cur = h,
            ("conj", Some(h)) => cur = h,
            _ => break,
        }
    }
    out
}
