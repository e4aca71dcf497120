//! Clauses around each dictionary verb: its auxiliaries (negation, passive),
//! its subject and object actors, and the pattern that fits best.

use dyad_types::Upos;

use crate::compile::{El, NONE};
use crate::modality::{framed, is_mutual, needs_no_target, Frame};
use crate::patterns::{Matcher, Slots};
use crate::sentence::Analysis;
use crate::words::Closed;
use crate::{Coder, Context, Resolved};

/// A dictionary verb found in the sentence.
#[derive(Debug, Clone, Copy)]
pub(crate) struct VerbHit {
    /// The inflected word.
    pub at: usize,
    /// First and past-the-last token of the (multi-word) verb.
    pub start: usize,
    pub end: usize,
    pub block: u32,
    pub entry: u32,
}

/// The words in front of a verb that belong to it: auxiliaries, adverbs,
/// "to", and verbs that take a "to" infinitive ("was seen to break").
#[derive(Debug, Clone, Copy)]
pub(crate) struct Chain {
    pub start: usize,
    pub negated: bool,
    pub passive: bool,
    /// The verb is a "to" infinitive.
    pub infinitive: bool,
    /// The verb whose "to" infinitive this verb is ("threatened to attack").
    pub governor: Option<usize>,
    /// The verb is not asserted as an act: under a modal of obligation or
    /// possibility, a condition, a preference, or "for X to".
    pub irrealis: bool,
    /// Under a modal of obligation ("must", "should").
    pub obligation: bool,
    /// Under an auxiliary of the future ("will", "would", "is going to").
    pub future: bool,
    /// Under an adjective of readiness or unwillingness ("is ready to").
    pub frame: Option<Frame>,
}

pub(crate) fn find_verbs(coder: &Coder, a: &Analysis) -> Vec<VerbHit> {
    let c = &coder.compiled;
    let mut hits = Vec::new();
    let mut i = 0;
    while i < a.len() {
        let id = a.ids[i];
        let forms = if id == NONE {
            None
        } else {
            c.verb_forms.get(&id)
        };
        // Only words the tagger calls verbs; auxiliaries and modals ("will",
        // "would") are never main verbs. A word tagged as an adjective right
        // after a noun is a verb all the same: English puts no bare adjective
        // between a subject and the rest of its clause ("the mayor left for").
        let auxiliary = a.is(&c.closed.aux, i) || a.is(&c.closed.be, i);
        // A participle that modifies the noun after it ("returned the
        // seized tanker") is no verb of the clause.
        // A gerund that is an argument of another verb is a noun: "provide
        // training to", "condemned the killing".
        // (Only verbs of beginning, stopping and the like take a gerund
        // as a clause: "began shelling", "denied attacking".)
        let gerund = a.xpos(i) == Some("VBG")
            && a.parse.is_some_and(|p| {
                let rel = p.words[i].deprel.as_str();
                matches!(rel, "obj" | "iobj" | "nsubj" | "nsubj:pass")
                    || (rel == "xcomp"
                        && p.words[i]
                            .head
                            .is_some_and(|h| h + 1 == i && !a.is(&c.closed.gerund_verb, h)))
            });
        let modifier = gerund
            || i > 0
                && a.parse.is_some_and(|p| {
                    p.words[i].deprel == "amod"
                        && p.words[i].head.is_some_and(|h| h > i)
                        && (matches!(p.words[i - 1].upos, Upos::DET | Upos::ADJ | Upos::NUM)
                            || p.words[i - 1].xpos == "PRP$")
                });
        let verbal = !auxiliary
            && !modifier
            && match (a.upos(i), a.xpos(i)) {
                (Some(u), Some(x)) => u == Upos::VERB || x.starts_with("VB") || a.adjective_verb(i),
                _ => a.untagged_verb(&c.closed, i),
            };
        let (Some(forms), true, NONE) = (forms, verbal, a.mention_at[i]) else {
            i += 1;
            continue;
        };
        let found = forms.iter().find(|f| {
            f.before.len() <= i
                && i + 1 + f.after.len() <= a.len()
                && f.before
                    .iter()
                    .enumerate()
                    .all(|(k, &w)| a.ids[i - f.before.len() + k] == w)
                && f.after
                    .iter()
                    .enumerate()
                    .all(|(k, &w)| a.ids[i + 1 + k] == w)
        });
        match found {
            Some(f) => {
                let hit = VerbHit {
                    at: i,
                    start: i - f.before.len(),
                    end: i + 1 + f.after.len(),
                    block: f.block,
                    entry: f.entry,
                };
                i = hit.end;
                hits.push(hit);
            }
            None => i += 1,
        }
    }
    hits
}

fn is_verbish(coder: &Coder, a: &Analysis, k: usize) -> bool {
    match a.upos(k) {
        Some(u) => u == dyad_types::Upos::VERB,
        None => {
            let id = a.ids[k];
            (id != NONE && coder.compiled.verb_forms.contains_key(&id))
                || a.is(&coder.compiled.closed.common_verbs, k)
        }
    }
}

pub(crate) fn chain(coder: &Coder, a: &Analysis, hit: &VerbHit) -> Chain {
    let closed = &coder.compiled.closed;
    let mut i = hit.start;
    let mut immediate = true;
    let mut negated = false;
    let mut be = false;
    let mut infinitive = false;
    let mut governor = None;
    let mut irrealis = false;
    let mut obligation = false;
    let mut future = false;
    let mut frame = None;
    while i > 0 {
        let k = i - 1;
        if a.group_at[k] != NONE {
            // "urged Gondor to respond": the verb before the object governs
            // the infinitive.
            let mut start = a.groups[a.group_at[k] as usize].start;
            // (Over the group's determiner and adjectives: "press the
            // separatists to respect".)
            while start > 0
                && (a.is(&closed.determiner, start - 1)
                    || matches!(a.upos(start - 1), Some(Upos::DET | Upos::ADJ | Upos::NUM)))
            {
                start -= 1;
            }
            if a.is(&closed.infinitive, i) && start > 0 && is_verbish(coder, a, start - 1) {
                governor.get_or_insert(start - 1);
            }
            // "pressure for Gondor to allow": required, not done.
            if a.is(&closed.infinitive, i) && start > 0 && a.is(&closed.for_subject, start - 1) {
                irrealis = true;
            }
            break;
        }
        // "must allow", "can worsen", "may choose to buy", "would rather
        // take": a modal of the verb's chain says the act is required,
        // possible or preferred, not done.
        if a.is(&closed.irrealis_modal, k) || (immediate && a.is(&closed.rather, k)) {
            irrealis = true;
            obligation |= a.is(&closed.obligation, k);
        }
        future |= a.is(&closed.future, k);
        if a.is(&closed.negation, k) {
            negated |= immediate;
        } else if a.is(&closed.be, k) {
            be |= immediate;
        } else if !immediate && a.is(&closed.infinitive, i) && a.is(&closed.irrealis_frame, k) {
            // "is likely to deploy", "was unable to end": a likelihood or
            // an ability, not an act.
            irrealis = true;
        } else if !immediate && a.is(&closed.infinitive, i) && a.is(&closed.intent_frame, k) {
            // "is ready to send", "is going to meet": an intent.
            frame.get_or_insert(Frame::Intent);
        } else if !immediate && a.is(&closed.infinitive, i) && a.is(&closed.refusal_frame, k) {
            frame.get_or_insert(Frame::Refusal);
        } else if a.is(&closed.aux, k)
            || a.is(&closed.adverb, k)
            || a.is_adverb(k)
            || a.is(&closed.rather, k)
        {
        } else if a.is(&closed.infinitive, k) {
            immediate = false;
            infinitive = true;
        } else if !immediate && a.is(&closed.infinitive, i) && a.is(&closed.negative_implicative, k)
        {
            // "failed to withdraw", "refused to meet": it did not happen.
            negated = true;
        } else if !immediate && is_verbish(coder, a, k) && a.is(&closed.infinitive, i) {
            // "seen to", "try to": a verb taking the infinitive.
            governor.get_or_insert(k);
        } else {
            break;
        }
        i = k;
    }
    let word = a.upper(hit.at);
    let participle = match a.xpos(hit.at) {
        Some(x) => x == "VBN" || (x == "VBD" && !word.ends_with("ING")),
        None => !word.ends_with("ING"),
    };
    // "if other countries raise barriers": the verb is a condition. The
    // clause opens at the nearest word before the verb's chain that ends a
    // clause; a conditional there governs the verb.
    let mut k = i;
    while k > 0 {
        k -= 1;
        if is_stop(coder, a, k) || a.upper(k) == "," {
            irrealis |= a.is(&closed.conditional, k);
            break;
        }
    }
    Chain {
        start: i,
        negated,
        irrealis,
        obligation,
        future,
        frame,
        passive: be && participle,
        infinitive,
        governor,
    }
}

/// Is the clause ending before the comma at `comma` unasserted: its
/// finite verb under a modal of obligation or possibility, or the clause
/// a condition? A participle after the comma shares its mood: "Gondor may
/// close the pass, cutting off Rohan", "if Mordor raises tolls, hurting
/// Rohan's traders".
fn clause_irrealis(coder: &Coder, a: &Analysis, comma: usize) -> bool {
    let closed = &coder.compiled.closed;
    let mut finite = false;
    let mut k = comma;
    while k > 0 {
        k -= 1;
        if a.is(&closed.irrealis_modal, k) || a.is(&closed.conditional, k) {
            return true;
        }
        if matches!(a.upper(k), ";" | ":" | "." | "--" | "?" | "!")
            || (finite && a.upper(k) == ",")
            || a.is(&closed.subordinator, k)
        {
            return false;
        }
        if a.is_finite(closed, k) {
            if finite {
                return false;
            }
            finite = true;
        }
    }
    false
}

/// Does token `k` end a clause (for a walk away from the verb)?
fn is_stop(coder: &Coder, a: &Analysis, k: usize) -> bool {
    let closed = &coder.compiled.closed;
    let w = a.upper(k);
    matches!(w, ";" | ":" | "--" | "." | "?" | "!")
        || a.is(&closed.subordinator, k)
        || a.is_finite(closed, k)
}

/// What fills the subject place of a verb.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Subject {
    Group(u32),
    /// The verb is coordinated with the previous one and shares its subject.
    Shared,
    None,
}

pub(crate) fn subject(
    coder: &Coder,
    a: &Analysis,
    chain: &Chain,
    hit: &VerbHit,
) -> (Subject, usize) {
    let closed = &coder.compiled.closed;
    let start = chain.start;
    if start > 0
        && (a.is(&closed.conjunction, start - 1)
            || (a.upper(start - 1) == "," && start >= 2 && a.is(&closed.conjunction, start - 2)))
    {
        return (Subject::Shared, start);
    }
    // ", killing twelve people": a participle clause after a comma has the
    // subject of the clause it follows.
    let participle = match a.xpos(hit.at) {
        Some(x) => x == "VBG",
        None => a.upper(hit.at).ends_with("ING"),
    };
    // (Adverbs may stand between: ", thus hurting".)
    let bare = (start..hit.start).all(|k| a.is(&closed.adverb, k) || a.is_adverb(k));
    if participle && bare && start > 0 && a.upper(start - 1) == "," {
        return (Subject::Shared, start);
    }
    let mut k = start;
    while k > 0 {
        let j = k - 1;
        let g = a.group_at[j];
        if g != NONE {
            // A place, a time or a topic is not the subject: "in Rohan, the
            // envoy said", "talks on Gondor ended". (A phrase with another
            // preposition may name the subject's actor: "a camp for Gondor
            // refugees was attacked", "an envoy for Rohan said".)
            let start = a.groups[g as usize].start;
            match a.governing_prep(closed, start, 0) {
                Some(p) if a.is(&closed.place_prep, p) => {
                    k = p;
                    continue;
                }
                _ => return (Subject::Group(g), start),
            }
        }
        if a.is(&closed.pronoun, j) {
            // A pronoun the document pass could not resolve (it would be a
            // mention then) names no actor.
            return (Subject::None, j);
        }
        if is_stop(coder, a, j) || a.is(&closed.that, j) {
            return (Subject::None, k);
        }
        // A noun phrase that names no actor: the subject, unless it is the
        // object of a preposition ("on Thursday", "in remarks"). Its
        // possessor may be an actor ("Ithilen's militia").
        if matches!(a.upos(j), Some(Upos::NOUN | Upos::PROPN)) {
            let mut first = j;
            while first > 0 {
                let p = first - 1;
                if a.group_at[p] != NONE {
                    return (
                        Subject::Group(a.group_at[p]),
                        a.groups[a.group_at[p] as usize].start,
                    );
                }
                // ("Gondorian riders and horses": a conjunction between
                // nouns stays inside the subject.)
                let coordinated = a.is(&closed.conjunction, p)
                    && p > 0
                    && matches!(a.upos(p - 1), Some(Upos::NOUN | Upos::PROPN));
                let inside = matches!(
                    a.upos(p),
                    Some(Upos::DET | Upos::ADJ | Upos::NOUN | Upos::PROPN | Upos::NUM | Upos::PART)
                ) || a.is(&closed.determiner, p)
                    || coordinated;
                if !inside {
                    break;
                }
                first = p;
                // A determiner opens the noun phrase; only a possessive
                // ("Rohan's envoy") reaches further left.
                let possessive = matches!(a.upper(p), "'S" | "'");
                if !possessive && (a.upos(p) == Some(Upos::DET) || a.is(&closed.determiner, p)) {
                    break;
                }
            }
            // ("as West weighs": "as" opens a clause here, it is no preposition.)
            // A time is no subject ("Rebels in Gondor on Tuesday blocked").
            let in_phrase = first > 0
                && (a.upos(first - 1) == Some(Upos::ADP) || a.is(&closed.link, first - 1))
                && (a.parse.is_none_or(|p| p.words[first - 1].deprel != "mark")
                    || a.is(&closed.time, j));
            if !in_phrase {
                return (Subject::None, first);
            }
            k = first;
            continue;
        }
        k = j;
    }
    (Subject::None, 0)
}

/// The end of the verb's clause to the right, and the first actor group in it.
pub(crate) fn object(
    coder: &Coder,
    a: &Analysis,
    hit: &VerbHit,
    pattern_preps: &[u32],
) -> (Option<u32>, usize) {
    let closed = &coder.compiled.closed;
    let mut target = None;
    let mut skipped_place = false;
    let mut j = hit.end;
    while j < a.len() {
        let g = a.group_at[j];
        if g != NONE {
            let group = &a.groups[g as usize];
            if target.is_none() {
                // ", a senior official said": a group between a comma and a
                // finite verb is the subject of a new clause.
                let mut before = group.start;
                while before > hit.end
                    && before + 4 > group.start
                    && match a.upos(before - 1) {
                        Some(u) => matches!(u, Upos::DET | Upos::ADJ | Upos::ADV),
                        None => !a.is_punct(before - 1) && !a.is_finite(closed, before - 1),
                    }
                {
                    before -= 1;
                }
                let after_comma = before > 0 && a.upper(before - 1) == ",";
                let mut next = group.end;
                while next < a.len()
                    && (a.is(&closed.aux, next) || a.is_adverb(next))
                    && !a.is_finite(closed, next)
                {
                    next += 1;
                }
                let verb_follows = next < a.len() && a.is_finite(closed, next);
                if after_comma && verb_follows {
                    return (None, group.start);
                }
                // "signed a deal in Vienna", "talks on Gondor": a place, a
                // time or a topic is not a party to the event.
                if is_place(coder, a, hit, group.start, pattern_preps) {
                    skipped_place = true;
                } else if !own_possession(a, g) {
                    target = Some(g);
                }
            }
            j = group.end;
            continue;
        }
        // Past a place, a comma ends the search: "rioted at a jail in
        // Gondor, setting fire ..." has no target further on.
        if is_stop(coder, a, j) || (skipped_place && target.is_none() && a.upper(j) == ",") {
            return (target, j);
        }
        j += 1;
    }
    (target, a.len())
}

/// Whether the actor group starting at `start`, after the verb, is the object
/// of a preposition of place, time or topic ("signed a deal in Vienna",
/// "talks on Gondor"): a place, a time or a topic is not a party to the
/// event. The verb may say otherwise: its block's patterns take the target
/// with that preposition ("- * (AT +)"), the matched pattern names it
/// (`pattern_preps`), a verb of aiming takes its target with "at" ("fired
/// at"), a verb of arrival its goal with "in"/"at", and a noun of attack
/// its target with "on" ("sanctions on Mordor").
pub(crate) fn is_place(
    coder: &Coder,
    a: &Analysis,
    hit: &VerbHit,
    start: usize,
    pattern_preps: &[u32],
) -> bool {
    let closed = &coder.compiled.closed;
    let Some(p) = a.governing_prep(closed, start, hit.end) else {
        return false;
    };
    if !a.is(&closed.place_prep, p) {
        return false;
    }
    let block = coder
        .compiled
        .target_preps
        .get(hit.block as usize)
        .map_or(&[][..], Vec::as_slice);
    if Closed::is(block, a.ids[p]) || Closed::is(pattern_preps, a.ids[p]) {
        return false;
    }
    let noun_before =
        |list: &[u32]| p > 0 && (a.is(list, p - 1) || Closed::is(list, a.lemmas[p - 1]));
    match a.upper(p) {
        "AT" => !(a.is(&closed.aim, hit.at) || a.is(&closed.arrive, hit.at)),
        "IN" => !a.is(&closed.arrive, hit.at),
        "ON" | "UPON" => !noun_before(&closed.onset),
        _ => true,
    }
}

/// The passive's agent: the group after "by" in the clause.
fn by_agent(coder: &Coder, a: &Analysis, from: usize, to: usize) -> Option<u32> {
    let closed = &coder.compiled.closed;
    for j in from..to {
        if a.is(&closed.passive_agent, j) {
            let mut k = j + 1;
            while k < to
                && a.group_at[k] == NONE
                && (a.is(&closed.determiner, k) || a.upos(k) == Some(dyad_types::Upos::ADJ))
            {
                k += 1;
            }
            if k < to && a.group_at[k] != NONE {
                return Some(a.group_at[k]);
            }
        }
    }
    None
}

/// The best pattern of the verb's block for this clause.
fn best_pattern(
    coder: &Coder,
    a: &Analysis,
    hit: &VerbHit,
    left: usize,
    right: usize,
    mut trace: Option<&mut Vec<String>>,
) -> Option<(usize, Slots)> {
    let patterns = coder.compiled.patterns.get(hit.block as usize)?;
    let matcher = Matcher {
        compiled: &coder.compiled,
        sentence: a,
        budget: std::cell::Cell::new(0),
    };
    let mut best: Option<(usize, Slots, usize)> = None;
    let lines = coder
        .lexicon
        .verbs
        .blocks
        .get(hit.block as usize)
        .map(|b| b.patterns.iter().map(|p| p.line).collect::<Vec<_>>())
        .unwrap_or_default();
    let mut note = |index: usize, why: &str| {
        if let Some(out) = trace.as_deref_mut() {
            out.push(format!(
                "  pattern of line {}: {why}",
                lines.get(index).copied().unwrap_or(0)
            ));
        }
    };
    // Patterns whose words are all in the sentence but not in the
    // clause's order (those with a word absent are not counted).
    let mut tried = 0;
    for (index, pattern) in patterns.iter().enumerate() {
        if !pattern
            .required
            .iter()
            .all(|&(w, p)| a.has_word(w) || a.has_word(p))
        {
            continue;
        }
        matcher.budget.set(crate::patterns::PATTERN_BUDGET);
        let mut slots = Slots::default();
        if matcher
            .gapped(&pattern.after, hit.end, right, &mut slots)
            .is_none()
        {
            tried += 1;
            continue;
        }
        if !pattern.before.is_empty()
            && !matches_before(&matcher, &pattern.before, left, hit.start, &mut slots)
        {
            tried += 1;
            continue;
        }
        // The longest match wins: literal words matched, then elements.
        let score =
            slots.literal * 16 + pattern.words * 4 + pattern.before.len() + pattern.after.len();
        note(index, &format!("matches (score {score})"));
        if best.as_ref().is_none_or(|b| score > b.2) {
            best = Some((index, slots, score));
        }
    }
    if tried > 0 {
        if let Some(out) = trace {
            out.push(format!(
                "  {tried} other pattern(s) have their words in the sentence, not in the clause's order"
            ));
        }
    }
    best.map(|(index, slots, _)| (index, slots))
}

fn matches_before(
    matcher: &Matcher,
    before: &[El],
    left: usize,
    verb: usize,
    slots: &mut Slots,
) -> bool {
    // Elements before the verb: in order, between the clause start and the
    // verb (words may stand between them, as after the verb).
    matcher.gapped(before, left, verb, slots).is_some()
}

/// One verb with what the clause gave it.
struct Coded {
    hit: VerbHit,
    /// The group that is the verb's active subject.
    subject_group: Option<u32>,
    /// The group that is the verb's object.
    object_group: Option<u32>,
    /// Where the subject (or the pronoun standing for it) is; `None` for
    /// an infinitive, whose subject is understood.
    subject_pos: Option<usize>,
    /// The end of the verb's clause to the right.
    right: usize,
    sources: Vec<Resolved>,
    targets: Vec<Resolved>,
    code: dyad_lexicon::EventCode,
    /// The act put in a mood (intent, threat, refusal, appeal, demand):
    /// the code of that, which is the event instead of the act's.
    framed: Option<String>,
    negated: bool,
    /// Not asserted (see [`Chain::irrealis`]).
    irrealis: bool,
    /// Under "must" or "should" (see [`Chain::obligation`]).
    obligation: bool,
    /// A verb that this one's mood is about replaces it: "threatened" in
    /// "threatened to attack" gives way to the threat of the attack.
    superseded: bool,
    compound: Option<u32>,
    passive: bool,
}

/// Does verb block `block` fill a transformation's verb slot `name`? By its
/// name, or by sharing the CAMEO root of the block so named.
fn verb_is(coder: &Coder, block: u32, name: &str) -> bool {
    let blocks = &coder.lexicon.verbs.blocks;
    let Some(b) = blocks.get(block as usize) else {
        return false;
    };
    if name == "Q" || b.meaning == name {
        return true;
    }
    let root = |code: &dyad_lexicon::EventCode| {
        code.forward
            .as_deref()
            .and_then(|c| c.get(..2))
            .map(str::to_string)
    };
    match (
        root(&b.code),
        blocks
            .iter()
            .find(|x| x.meaning == name)
            .and_then(|x| root(&x.code)),
    ) {
        (Some(a), Some(b)) => a == b,
        _ => false,
    }
}

/// Applies the first transformation (`~ a (b c INNER) OUTER = x y CODE`)
/// that fits the outer verb `v` and the verb `w` of its complement clause.
fn transform(
    coder: &Coder,
    v: &Coded,
    w: &Coded,
) -> Option<(Vec<Resolved>, String, Vec<Resolved>)> {
    if v.negated || w.negated || v.sources.is_empty() {
        return None;
    }
    let same = |x: &[Resolved], y: &[Resolved]| {
        !x.is_empty() && x.iter().all(|r| y.iter().any(|s| s.code == r.code))
    };
    for t in &coder.lexicon.verbs.transformations {
        if !verb_is(coder, v.hit.block, &t.outer_verb)
            || !verb_is(coder, w.hit.block, &t.inner_verb)
        {
            continue;
        }
        // Bind the variables: the outer source, the inner source and target.
        let inner_source_ok = match t.inner_source.as_str() {
            "_" => true,
            x if x == t.outer_source => same(&w.sources, &v.sources),
            _ => !w.sources.is_empty() && !same(&w.sources, &v.sources),
        };
        let inner_target_ok = match t.inner_target.as_str() {
            "." => w.targets.is_empty(),
            _ => !w.targets.is_empty(),
        };
        if !inner_source_ok || !inner_target_ok {
            continue;
        }
        let value = |var: &str| -> Vec<Resolved> {
            if var == t.outer_source {
                v.sources.clone()
            } else if var == t.inner_source {
                w.sources.clone()
            } else if var == t.inner_target {
                w.targets.clone()
            } else {
                Vec::new()
            }
        };
        let code = if t.result_code == "Q" {
            w.code.forward.clone()?
        } else {
            t.result_code.clone()
        };
        return Some((value(&t.result_source), code, value(&t.result_target)));
    }
    None
}

/// One event of a sentence, before it becomes an [`dyad_types::Event`].
#[derive(Debug, Clone)]
pub(crate) struct CodedEvent {
    pub source: Resolved,
    pub code: String,
    /// `None`: an act that needs no target ("declared a truce").
    pub target: Option<Resolved>,
    /// The tokens of the verb (or event noun) that made the event.
    pub trigger: (usize, usize),
    pub confidence: f32,
}

/// All events of the sentence, one per distinct (source, code, target).
pub(crate) fn code(
    coder: &Coder,
    a: &Analysis,
    context: Context,
    mut trace: Option<&mut Vec<String>>,
) -> Vec<CodedEvent> {
    let hits = find_verbs(coder, a);
    let mut out: Vec<CodedEvent> = Vec::new();
    let mut previous_sources: Vec<Resolved> = Vec::new();
    let mut coded: Vec<Coded> = Vec::with_capacity(hits.len());
    let confidence = if a.parse.is_some() { 0.7 } else { 0.5 };
    let emit = |out: &mut Vec<CodedEvent>,
                s: &Resolved,
                code: &str,
                t: &Resolved,
                trigger: (usize, usize)| {
        // Two bare roles ("people hate banks", "police arrested a
        // man") say no more than that someone did something to someone:
        // no party is named, and on news text such pairs are mostly
        // generic statements. An event needs a named actor or a
        // country on one side at least.
        // (One actor code on both sides is an event when a people acts on
        // its own state: "Iraqi Kurds demonstrated against Iraq".)
        if (s.code == t.code && (s.start == t.start || !a.is_people(s.start)))
            || (s.code.starts_with("---") && t.code.starts_with("---"))
            || out.iter().any(|e| {
                e.source.code == s.code
                    && e.code == code
                    && e.target.as_ref().is_some_and(|t2| t2.code == t.code)
            })
        {
            return;
        }
        out.push(CodedEvent {
            source: s.clone(),
            code: code.to_string(),
            target: Some(t.clone()),
            trigger,
            confidence,
        });
    };
    for (h, hit) in hits.iter().enumerate() {
        let chain = chain(coder, a, hit);
        let (subject, left) = subject(coder, a, &chain, hit);
        let (mut object, right) = object(coder, a, hit, &[]);
        let block = &coder.lexicon.verbs.blocks[hit.block as usize];
        let verb = &block.verbs[hit.entry as usize];
        let mut code = verb.code.clone().unwrap_or_else(|| block.code.clone());
        // "if Gondor attacks and burns Bree", "Gondor must withdraw and
        // apologize": a verb sharing the subject of an unasserted verb is
        // unasserted too.
        let irrealis = chain.irrealis
            || (subject == Subject::Shared
                && (coded.last().is_some_and(|c: &Coded| c.irrealis)
                    || (chain.start > 0
                        && a.upper(chain.start - 1) == ","
                        && clause_irrealis(coder, a, chain.start - 1))));
        // "accused Gondor of stalling", "blamed Mordor for attacking": what
        // an accusation, a warning or a demand is about is its content, not
        // an act (the coded verb governing it is the event).
        let content = a.parse.is_some_and(|parse| {
            let Some(head) = parse.words[hit.at].head else {
                return false;
            };
            let clause = matches!(
                parse.words[hit.at].deprel.as_str(),
                "advcl" | "acl" | "xcomp"
            );
            let marked = parse.children(hit.at).any(|m| {
                matches!(parse.words[m].deprel.as_str(), "mark" | "case")
                    && matches!(a.upper(m), "OF" | "FOR" | "ABOUT" | "OVER" | "AGAINST")
            });
            clause
                && marked
                && coded.iter().any(|c: &Coded| {
                    (c.hit.start <= head && head < c.hit.end
                        || c.object_group.is_some_and(|g| a.group_at[head] == g))
                        && !c.code.is_null()
                })
        });
        let mut negated = chain.negated || irrealis || content;
        // "urged Gondor to respect the truce agreed in Minas Tirith": a past
        // participle after its noun, in a clause that has its finite verb
        // already, is a passive with no auxiliary. (At the head of a
        // sentence it is the finite verb the tagger took for a participle:
        // "Gondorian riders clashed with …".)
        let reduced_passive = a.parse.is_some_and(|p| {
            p.words[hit.at].xpos == "VBN"
                && p.words[hit.at].deprel.starts_with("acl")
                && p.words[hit.at].head.is_some_and(|h| h < hit.at)
                && (0..hit.start).any(|k| a.is_finite(&coder.compiled.closed, k))
        });
        let mut passive = chain.passive || reduced_passive;
        let mut subject = subject;
        let mut agent_group = None;
        // Where the parse names the subject, the passive or the negation, it
        // is believed over the word order.
        if let Some(parse) = a.parse {
            let syntax = crate::syntax::verb_syntax(parse, hit.at);
            if let Some(s) = syntax.subject {
                if let Some(g) = crate::syntax::group_of(a, parse, &coder.compiled.closed, s) {
                    subject = Subject::Group(g);
                }
            }
            negated |= syntax.negated;
            passive |= syntax.passive;
            agent_group = syntax
                .agent
                .and_then(|t| crate::syntax::group_of(a, parse, &coder.compiled.closed, t));
            // A direct object that names an actor is the target.
            if let Some(g) = syntax
                .object
                .and_then(|t| crate::syntax::group_of(a, parse, &coder.compiled.closed, t))
            {
                let start = a.groups[g as usize].start;
                if start >= hit.end && !is_place(coder, a, hit, start, &[]) && !own_possession(a, g)
                {
                    object = Some(g);
                }
            }
        }
        let mut slots = Slots::default();
        if let Some(lines) = trace.as_deref_mut() {
            let words = |from: usize, to: usize| {
                (from..to.min(a.len()))
                    .map(|k| a.tokens[k].text.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            let group = |g: Option<u32>| match g {
                Some(g) => {
                    let group = &a.groups[g as usize];
                    format!("\"{}\"", words(group.start, group.end))
                }
                None => "none".to_string(),
            };
            lines.push(format!(
                "verb \"{}\" (block {}, line {}): subject {}, object {}",
                words(hit.start, hit.end),
                block.meaning,
                block.line,
                match subject {
                    Subject::Group(g) => group(Some(g)),
                    Subject::Shared => "shared with the verb before".to_string(),
                    Subject::None => "none".to_string(),
                },
                group(object),
            ));
            let mut flags = Vec::new();
            for (on, name) in [
                (negated, "negated"),
                (passive, "passive"),
                (irrealis, "not asserted (modal, condition)"),
                (chain.future, "future"),
                (chain.obligation, "obligation"),
                (chain.infinitive, "infinitive"),
            ] {
                if on {
                    flags.push(name.to_string());
                }
            }
            if let Some(g) = chain.governor {
                flags.push(format!("governed by \"{}\"", a.tokens[g].text));
            }
            if !flags.is_empty() {
                lines.push(format!("  mood and voice: {}", flags.join(", ")));
            }
        }
        // A pattern speaks of the verb's own words: not of those of the
        // verbs before or after it.
        let pattern_left = match h.checked_sub(1) {
            // (A verb inside this one's chain, "was seen to break", is not
            // another verb's domain.)
            Some(p) if hits[p].end <= chain.start => left.max(hits[p].end),
            Some(_) => left,
            None => left,
        };
        let pattern_right = hits
            .get(h + 1)
            .map_or(right, |next| right.min(next.start.max(hit.end)));
        if let Some((index, found)) = best_pattern(
            coder,
            a,
            hit,
            pattern_left,
            pattern_right,
            trace.as_deref_mut(),
        ) {
            if let Some(lines) = trace.as_deref_mut() {
                let line = coder.lexicon.verbs.blocks[hit.block as usize].patterns[index].line;
                lines.push(format!("  chosen: the pattern of line {line}"));
            }
            let pattern = &coder.compiled.patterns[hit.block as usize][index];
            code = pattern.code.clone();
            slots = found;
            // The pattern names a preposition ("(ABOUT)", "(FOR ASYLUM)"):
            // what follows it may be the target after all.
            if object.is_none() && !pattern.preps.is_empty() {
                object = self::object(coder, a, hit, &pattern.preps).0;
            }

            // "- * NOT EXTEND DEADLINE": the pattern itself speaks of the negation.
            if pattern.negated {
                negated = false;
            }
        }

        // With no other target, the place where the thing acted on is
        // ("imposed a curfew in Gondor", "closed inns in Bree") is what the
        // act is aimed at; not so for a statement, or a discussion, whose
        // object is a topic.
        let closed = &coder.compiled.closed;
        let statement = code.forward.as_deref().is_some_and(|c| c.starts_with("01"));
        if object.is_none()
            && slots.target.is_none()
            && !passive
            && !statement
            && !a.is(&closed.topic_verb, hit.at)
        {
            object = a.located_target(closed, hit.end, right);
        }
        let mut sources: Vec<Resolved> = match subject {
            Subject::Group(g) => coder.group_actors(&a.groups[g as usize], context),
            Subject::Shared => previous_sources.clone(),
            Subject::None => Vec::new(),
        };
        let mut targets: Vec<Resolved> = match object {
            Some(g) => coder.group_actors(&a.groups[g as usize], context),
            None => Vec::new(),
        };
        if passive {
            // "Eriador was opposed by Osgiliath": the subject is acted upon.
            targets = std::mem::take(&mut sources);
            sources = match agent_group.or_else(|| by_agent(coder, a, hit.end, right)) {
                Some(g) => coder.group_actors(&a.groups[g as usize], context),
                None => Vec::new(),
            };
        }
        if let Some(g) = slots.source {
            sources = coder.group_actors(&a.groups[g as usize], context);
        }
        if let Some(g) = slots.target {
            targets = coder.group_actors(&a.groups[g as usize], context);
        }
        previous_sources = sources.clone();
        let compound = slots.compound;
        let object_group = if passive {
            None
        } else {
            slots.target.or(object)
        };
        let subject_group = match (passive, subject) {
            (false, Subject::Group(g)) => Some(g),
            (false, Subject::Shared) => coded.last().and_then(|c: &Coded| c.subject_group),
            _ => None,
        };
        // The mood the clause puts the act in: "threatened to attack",
        // "agreed to withdraw", "urged Gondor to respond", "will release",
        // "is ready to send". CAMEO codes the intent, threat, refusal or
        // appeal of the act (`modality`), from the one who intends,
        // threatens, refuses or appeals.
        let closed = &coder.compiled.closed;
        let governor = chain.governor;
        let governing = governor.and_then(|g| {
            let raising = &closed.raising;
            coded.iter().position(|c| {
                c.hit.start <= g
                    && g < c.hit.end
                    && !(c.passive && a.is(raising, c.hit.at))
                    && !c.code.is_null()
            })
        });
        let governor_frame = governor.and_then(|g| verb_frame(a, closed, g));
        // What an unasserted verb governs is unasserted too: "urged Rohan
        // to press Gondor to withdraw" asserts no pressing and no appeal of
        // Rohan's.
        let nested = governing.is_some_and(|gi| coded[gi].negated)
            || governor.is_some_and(|g| {
                // (A governor the lexicon does not know that is itself the
                // infinitive of a coded verb: "urged Gondor to press …".)
                governing.is_none()
                    && a.parse.is_some_and(|p| {
                        p.children(g)
                            .any(|m| p.words[m].deprel == "mark" && a.upper(m) == "TO")
                            && p.words[g].head.is_some_and(|h| {
                                coded.iter().any(|c| c.hit.at == h && !c.code.is_null())
                            })
                    })
            });
        if nested {
            negated = true;
        }
        let moods = coder.lexicon.verbs.moods;
        let governor_frame = governor_frame.filter(|_| moods);
        let frame = governor_frame
            .or(chain.frame)
            .or((chain.future && !irrealis).then_some(Frame::Intent))
            .filter(|_| moods && !nested);
        let act = code.forward.clone();
        let mut framed_code: Option<String> = None;
        if let (Some(f), Some(act)) = (frame, act.as_deref()) {
            // "will not accept": the refusal of the act.
            let f = match (f, negated && !irrealis) {
                (Frame::Intent, true) => Some(Frame::Refusal),
                (_, true) => None,
                (f, false) => Some(f),
            };
            if let Some(f) = f {
                framed_code = framed(f, act).map(str::to_string);
                if framed_code.is_some() {
                    negated = false;
                } else if f != Frame::Intent {
                    // A refusal to use force, an appeal the mirror does not
                    // hold: the act itself did not happen.
                    negated = true;
                }
            }
        }
        if framed_code.is_none() && governing.is_some() {
            // The governing verb's own code is the event ("threatened to
            // do something the lexicon does not know").
            negated = true;
        }
        let mut frame_sources = None;
        if framed_code.is_some() {
            if let Some(gi) = governing {
                coded[gi].superseded = true;
                // "urged Gondor to release": from the one who urges to the
                // one urged (the infinitive's subject).
                if matches!(governor_frame, Some(Frame::Appeal | Frame::Demand)) {
                    frame_sources = Some(coded[gi].sources.clone());
                }
            }
        }
        let (sources, targets) = match frame_sources {
            Some(urgers) => (urgers, sources),
            None => (sources, targets),
        };
        if let Some(lines) = trace.as_deref_mut() {
            let codes = |list: &[Resolved]| {
                if list.is_empty() {
                    "none".to_string()
                } else {
                    list.iter()
                        .map(|r| r.code.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                }
            };
            lines.push(format!(
                "  => code {}{}{}; sources {}; targets {}",
                code.forward
                    .as_deref()
                    .unwrap_or("none (no event for this verb here)"),
                framed_code
                    .as_deref()
                    .map(|f| format!(", in its mood {f}"))
                    .unwrap_or_default(),
                if negated { ", not asserted" } else { "" },
                codes(&sources),
                codes(&targets),
            ));
        }
        coded.push(Coded {
            passive,
            hit: *hit,
            subject_group,
            object_group,
            // Only a finite clause has a subject of its own ("said Gondor
            // attacked"); "accused Russia of failing" does not.
            subject_pos: (matches!(subject, Subject::Group(_))
                && !chain.infinitive
                && (chain.start..=hit.at).any(|k| {
                    a.is_finite(&coder.compiled.closed, k)
                        || (k == hit.at && a.xpos(k) == Some("VB") && chain.start == hit.start)
                })
                && !(left..hit.start)
                    .any(|k| a.is(&coder.compiled.closed.infinitive, k) || a.upper(k) == ","))
            .then_some(left),
            right,
            sources,
            targets,
            code,
            framed: framed_code,
            negated,
            irrealis,
            obligation: chain.obligation,
            superseded: false,
            compound,
        });
    }

    // "X said Y attacked Z": the object of "said" is the subject of a later
    // verb, so "said" has a clause for its object, not an actor. It codes no
    // event of its own with Y; the verb dictionary's transformations say
    // what X's statement means. "X said Y must Z", "X demanded that Y Z",
    // "X urged that Y Z": the clause is not asserted; it is X's demand (or
    // appeal) of Y.
    for v in 0..coded.len() {
        let (end, right) = (coded[v].hit.end, coded[v].right);
        let Some(w) = (v + 1..coded.len()).find(|&w| {
            coded[w].hit.start >= end
                && coded[w].subject_pos.is_some_and(|p| p >= end && p <= right)
        }) else {
            continue;
        };
        if coded[v].object_group.is_some() && coded[v].object_group == coded[w].subject_group {
            coded[v].targets.clear();
        }
        let outer = coded[v].code.forward.clone().unwrap_or_default();
        let asks = if !coder.lexicon.verbs.moods {
            None
        } else if outer.starts_with("10") {
            Some(Frame::Demand)
        } else if outer.starts_with("02") {
            Some(Frame::Appeal)
        } else if coded[w].obligation && !coded[v].negated {
            Some(Frame::Demand)
        } else {
            None
        };
        if let Some(frame) = asks {
            let act = coded[w].code.forward.clone();
            let code = act
                .as_deref()
                .and_then(|act| framed(frame, act))
                .map(str::to_string);
            let asked = coded[w].sources.clone();
            match code {
                Some(code) => {
                    coded[w].framed = Some(code);
                    coded[w].negated = false;
                    coded[w].sources = coded[v].sources.clone();
                    coded[w].targets = asked;
                    coded[v].superseded = true;
                }
                None => {
                    // The demand itself, of the one who must act.
                    coded[w].negated = true;
                    if outer.starts_with("10") || outer.starts_with("02") {
                        coded[v].targets = asked;
                    } else if coded[w].obligation {
                        coded[w].framed = Some("100".to_string());
                        coded[w].negated = false;
                        coded[w].sources = coded[v].sources.clone();
                        coded[w].targets = asked;
                    }
                }
            }
            continue;
        }
        // (A future or a mood is no admission: the transformations speak of
        // what happened.)
        if coded[w].framed.is_some() {
            continue;
        }
        if let Some((s, code, t)) = transform(coder, &coded[v], &coded[w]) {
            for source in &s {
                for target in &t {
                    emit(
                        &mut out,
                        source,
                        &code,
                        target,
                        (coded[w].hit.start, coded[w].hit.end),
                    );
                }
            }
        }
    }

    let moods = coder.lexicon.verbs.moods;
    if moods {
        if let Some(parse) = a.parse {
            clause_complements(coder, a, parse, &mut coded, context);
        }
    }
    for c in &coded {
        if c.superseded {
            continue;
        }
        // "Gondor said …": saying is no event; what is said may be, and a
        // verb of saying that is itself an act (accuse, deny, praise) has
        // its own code.
        if moods && c.framed.is_none() && c.code.forward.as_deref() == Some("010") {
            continue;
        }
        let trigger = (c.hit.start, c.hit.end);
        // With no target named: "Rohan and Gondor met" (each with the
        // other), "Gondor declared a truce" (no one).
        if moods && !c.negated && c.targets.is_empty() && c.compound.is_none() {
            if let Some(code) = c.framed.as_ref().or(c.code.forward.as_ref()) {
                let named = |r: &&Resolved| !r.code.starts_with("---");
                if c.sources.len() >= 2 && is_mutual(code) {
                    for s in &c.sources {
                        for t in &c.sources {
                            emit(&mut out, s, code, t, trigger);
                        }
                    }
                    continue;
                }
                if needs_no_target(code) {
                    for s in c.sources.iter().filter(named) {
                        emit_untargeted(&mut out, s, code, trigger, confidence);
                    }
                    continue;
                }
            }
        }
        if let Some(code) = &c.framed {
            if !c.negated {
                for s in &c.sources {
                    for t in &c.targets {
                        emit(&mut out, s, code, t, trigger);
                    }
                }
            }
            continue;
        }
        if c.negated || c.code.is_null() {
            continue;
        }
        // A target named besides wins over the compound subject: "Rohan
        // and Gondor met Mordor" is no meeting of Rohan with Gondor.
        if let Some(g) = c.compound.filter(|_| c.targets.is_empty()) {
            // "Gondor and Osgiliath have postponed their meeting": each acts
            // on the others.
            let members = coder.group_actors(&a.groups[g as usize], context);
            for s in &members {
                for t in &members {
                    if let Some(f) = &c.code.forward {
                        emit(&mut out, s, f, t, (c.hit.start, c.hit.end));
                    }
                }
            }
            continue;
        }
        for s in &c.sources {
            for t in &c.targets {
                if let Some(f) = &c.code.forward {
                    emit(&mut out, s, f, t, (c.hit.start, c.hit.end));
                }
                if let Some(r) = &c.code.reverse {
                    emit(&mut out, t, r, s, (c.hit.start, c.hit.end));
                }
            }
        }
    }
    out
}

/// The mood a governing verb gives the "to" infinitive it governs, by its
/// lemma: "plans to" an intent, "threatened to" a threat, "refused to" a
/// refusal, "urged Gondor to" an appeal, "ordered Gondor to" a demand.
fn verb_frame(a: &Analysis, closed: &Closed, g: usize) -> Option<Frame> {
    let is = |list: &[u32]| Closed::is(list, a.lemmas[g]) || Closed::is(list, a.ids[g]);
    if is(&closed.intent_verb) {
        Some(Frame::Intent)
    } else if is(&closed.threat_verb) {
        Some(Frame::Threat)
    } else if is(&closed.refusal_verb) {
        Some(Frame::Refusal)
    } else if is(&closed.appeal_verb) {
        Some(Frame::Appeal)
    } else if is(&closed.demand_verb) {
        Some(Frame::Demand)
    } else {
        None
    }
}

/// Adds an event with no target, once per (source, code).
fn emit_untargeted(
    out: &mut Vec<CodedEvent>,
    source: &Resolved,
    code: &str,
    trigger: (usize, usize),
    confidence: f32,
) {
    if out
        .iter()
        .any(|e| e.source.code == source.code && e.code == code)
    {
        return;
    }
    out.push(CodedEvent {
        source: source.clone(),
        code: code.to_string(),
        target: None,
        trigger,
        // A party is missing: less is known than of a full dyad.
        confidence: confidence * 0.8,
    });
}

/// Clausal complements the verb dictionary has no verb for, read from the
/// parse: "Rohan said Gondor must <do something>" is Rohan's demand of
/// Gondor (100); "Rohan demanded that Gondor <do something>" is a demand of
/// Gondor, not of whatever follows. A verb whose object place holds such a
/// clause has no actor object.
fn clause_complements(
    coder: &Coder,
    a: &Analysis,
    parse: &dyad_types::ParsedSentence,
    coded: &mut [Coded],
    context: Context,
) {
    let closed = &coder.compiled.closed;
    for v in 0..coded.len() {
        if coded[v].superseded || coded[v].negated {
            continue;
        }
        let at = coded[v].hit.at;
        for c in parse.children(at) {
            if !parse.words[c].deprel.starts_with("ccomp") {
                continue;
            }
            // (A complement with a dictionary verb was read already.)
            if coded.iter().any(|w| w.hit.start <= c && c < w.hit.end) {
                continue;
            }
            // Its subject; where the parse hung it on the reporting verb,
            // the group between the two verbs.
            let group = parse
                .children(c)
                .find(|&k| parse.words[k].deprel.starts_with("nsubj"))
                .and_then(|subject| crate::syntax::group_of(a, parse, closed, subject))
                .or_else(|| {
                    (at + 1..c)
                        .rev()
                        .map(|k| a.group_at[k])
                        .find(|&g| g != NONE)
                        .filter(|&g| a.groups[g as usize].start > at)
                });
            let Some(g) = group else {
                continue;
            };
            let asked = coder.group_actors(&a.groups[g as usize], context);
            if coded[v].object_group == Some(g)
                || coded[v].targets.iter().any(|t| asked.contains(t))
            {
                coded[v].targets.clear();
            }
            let outer = coded[v].code.forward.clone().unwrap_or_default();
            let must = parse
                .children(c)
                .any(|k| parse.words[k].deprel == "aux" && a.is(&closed.obligation, k));
            if outer.starts_with("10") || outer.starts_with("02") {
                coded[v].targets = asked;
            } else if must && coded[v].framed.is_none() {
                coded[v].framed = Some("100".to_string());
                coded[v].targets = asked;
            }
        }
    }
}

/// Whether group `g` is a role the subject owns, by a possessive
/// determiner: "withdrew its troops from Rohan" acts on no one in "its
/// troops"; the target is further on, if anywhere. A role with an actor of
/// its own ("met her Gondorian counterpart") is another party.
fn own_possession(a: &Analysis, g: u32) -> bool {
    let group = &a.groups[g as usize];
    let start = group.start;
    start > 0
        && matches!(a.upper(start - 1), "ITS" | "THEIR" | "HIS" | "HER" | "OWN")
        && group.conjuncts.first().is_some_and(|c| c.actor.is_none())
}
