//! The event coder: finds source, CAMEO event and target in parsed sentences.
//!
//! For each sentence the coder
//! 1. drops it when a discard phrase occurs in it (or in its story);
//! 2. finds actor and agent names (longest match, any case) and joins them
//!    into actor groups: "Russian police" is one actor (`RUSCOP`), "Arnor
//!    and Gondor" two coordinated ones;
//! 3. finds the dictionary's verbs (single or multi-word forms), skipping
//!    words the tagger says are not verbs;
//! 4. for each verb finds its subject (the source) and its object (the
//!    target) — from the dependency parse where it names actors, else from
//!    the word order of the clause — and detects passives and negation;
//! 5. matches the verb block's patterns; the most specific match gives the
//!    code and may place source and target;
//! 6. treats an infinitive governed by a coded verb ("threatened to
//!    attack") as that verb's content, and a finite clause in a verb's object
//!    place ("said Y attacked Z") as a complement, applying the dictionary's
//!    transformations;
//! 7. emits one event per distinct (source, code, target); a `[a:b]` code also
//!    gives the reverse event.
//!
//! Modules: `compile` (the lexicon as lookup structures), `words` (closed
//! word classes), `sentence` (mentions and actor groups), `syntax` (what the
//! dependency parse says about a verb), `patterns` (pattern matching),
//! `clause` (steps 3–7).
//!
//! Every rule is a rule of English or of the PETRARCH2 dictionary format;
//! `docs/coding.md` lists them with the validation figures.

mod clause;
mod compile;
mod patterns;
mod sentence;
mod syntax;
mod words;

use std::cell::RefCell;

use dyad_lexicon::Lexicon;
use dyad_types::{Actor, Document, Event, ParsedSentence, Sentence, Span};

use crate::compile::{Compiled, NONE};
use crate::sentence::{Analysis, Conjunct, Group};

/// The story-discard answer for the last document coded on this thread:
/// (coder id, document id, text length, discarded).
type StoryCache = Option<(usize, String, usize, bool)>;

static NEXT_CODER: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

thread_local! {
    static STORY: RefCell<StoryCache> = const { RefCell::new(None) };
}

/// Codes sentences into events with one lexicon. Shared by threads.
pub struct Coder {
    lexicon: Lexicon,
    compiled: Compiled,
    /// `DYAD_TRACE_CODER` set: print each verb's clause analysis on stderr
    /// (for writing dictionaries and rules).
    trace: bool,
    /// A number no other coder of this process has (keys the story cache).
    id: usize,
}

/// An actor as the coder resolved it, before it becomes an [`Actor`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Resolved {
    pub code: String,
    pub start: usize,
    pub end: usize,
}

impl Coder {
    pub fn new(lexicon: Lexicon) -> Coder {
        let compiled = Compiled::new(&lexicon);
        Coder {
            lexicon,
            compiled,
            trace: std::env::var_os("DYAD_TRACE_CODER").is_some(),
            id: NEXT_CODER.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        }
    }

    /// The lexicon the coder uses.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Events of one sentence of `doc`. `parse` has one word per token; an
    /// empty or mismatched parse makes the coder fall back to word order.
    pub fn code_sentence(
        &self,
        doc: &Document,
        sentence: &Sentence,
        parse: &ParsedSentence,
    ) -> Vec<Event> {
        if sentence.tokens.is_empty() || self.story_discarded(doc) {
            return Vec::new();
        }
        let analysis = Analysis::new(&self.compiled, &sentence.tokens, parse);
        if self.sentence_discarded(&analysis) {
            return Vec::new();
        }
        let date = doc.date.map(|d| d.to_yyyymmdd());
        let triples = clause::code(self, &analysis, date);
        let mut events: Vec<Event> = Vec::with_capacity(triples.len());
        for (source, code, target) in triples {
            events.push(self.event(doc, sentence, &analysis, source, code, target));
        }
        events
    }

    fn event(
        &self,
        doc: &Document,
        sentence: &Sentence,
        analysis: &Analysis,
        source: Resolved,
        code: String,
        target: Resolved,
    ) -> Event {
        let cameo =
            dyad_types::cameo::lookup(&code).or_else(|| dyad_types::cameo::lookup_or_parent(&code));
        let root = match cameo {
            Some(c) => c.root.to_string(),
            None => code.chars().take(2).collect(),
        };
        Event {
            doc: doc.id.clone(),
            sentence: sentence.index,
            span: sentence.span,
            root,
            quad_class: cameo.map_or(0, |c| c.quad_class),
            goldstein: cameo.map_or(0.0, |c| c.goldstein),
            plover: cameo.and_then(|c| c.plover).map(str::to_string),
            code,
            source: actor(analysis, source),
            target: actor(analysis, target),
            date: doc.date,
            location: None,
        }
    }

    /// The code of conjunct `c` on `date`, with agents: prefix agents, the
    /// actor's code, then each agent code the code does not already hold.
    /// An agent-only conjunct may take its country from `inherit`.
    pub(crate) fn conjunct_code(
        &self,
        c: &Conjunct,
        inherit: Option<&Conjunct>,
        date: Option<u32>,
    ) -> String {
        let mut agents: Vec<u32> = Vec::new();
        let actor = match (c.actor, inherit) {
            (Some((entry, _)), _) => Some(self.actor_code(entry, date)),
            (None, Some(from)) => {
                // "Danish media and government": the second head shares the
                // first one's modifiers (all its agents but its head).
                let shared = &from.agents[..from.agents.len().saturating_sub(1)];
                agents.extend(shared.iter().map(|&(a, _)| a));
                from.actor.map(|(e, _)| self.actor_code(e, date))
            }
            (None, None) => None,
        };
        agents.extend(c.agents.iter().map(|&(a, _)| a));
        let mut prefix = String::new();
        let mut code = String::from(actor.unwrap_or("---"));
        for a in agents {
            let (agent_code, is_prefix) = self.agent(a);
            if is_prefix {
                if !holds(&prefix, agent_code) {
                    prefix.push_str(agent_code);
                }
            } else if !holds(&code, agent_code) {
                code.push_str(agent_code);
            }
        }
        match (prefix.is_empty(), code == "---") {
            (true, _) => code,
            (false, true) => prefix,
            (false, false) => prefix + &code,
        }
    }

    fn actor_code(&self, entry: u32, date: Option<u32>) -> &str {
        self.lexicon
            .actors
            .get(entry as usize)
            .map_or("---", |a| a.code_on(date))
    }

    fn agent(&self, index: u32) -> (&str, bool) {
        match self.lexicon.agents.get(index as usize) {
            Some(a) => (a.code.as_str(), compile::is_prefix(a.placement)),
            None => ("", false),
        }
    }

    /// Every actor a group names, compound members separately.
    pub(crate) fn group_actors(&self, group: &Group, date: Option<u32>) -> Vec<Resolved> {
        let mut out: Vec<Resolved> = Vec::new();
        let mut push = |code: String, start: usize, end: usize| {
            if !out.iter().any(|r| r.code == code) {
                out.push(Resolved { code, start, end });
            }
        };
        let conjuncts = &group.conjuncts;
        // "Ambassadors of Arnor, Osgiliath and Gondor", "lawmakers and
        // officials in Arnor and Gondor": the roles before the linking
        // preposition apply to each country after it.
        if let Some(linked) = conjuncts.iter().position(Conjunct::linked) {
            let (_, at) = conjuncts[linked].actor.unwrap_or((NONE, 0));
            let mut roles: Vec<Conjunct> = Vec::new();
            for c in &conjuncts[..linked] {
                if c.actor.is_none() {
                    roles.push(c.clone());
                } else {
                    push(self.conjunct_code(c, None, date), c.start, c.end);
                }
            }
            roles.push(Conjunct {
                agents: conjuncts[linked]
                    .agents
                    .iter()
                    .copied()
                    .filter(|&(_, p)| p < at)
                    .collect(),
                ..conjuncts[linked].clone()
            });
            for c in &conjuncts[linked..] {
                let Some(actor) = c.actor else { continue };
                let own: Vec<(u32, usize)> = c
                    .agents
                    .iter()
                    .copied()
                    .filter(|&(_, p)| p > actor.1)
                    .collect();
                for role in &roles {
                    let mut agents = role.agents.clone();
                    agents.extend(own.iter().copied());
                    let merged = Conjunct {
                        start: role.start.min(c.start),
                        end: c.end.max(role.end),
                        actor: Some(actor),
                        agents,
                        comma_only: false,
                    };
                    push(self.conjunct_code(&merged, None, date), c.start, c.end);
                }
            }
            return out;
        }
        let mut last_with_actor: Option<&Conjunct> = None;
        for c in conjuncts {
            if c.actor.is_some() {
                last_with_actor = Some(c);
                push(self.conjunct_code(c, None, date), c.start, c.end);
            } else if !c.agents.is_empty() {
                push(self.conjunct_code(c, last_with_actor, date), c.start, c.end);
            }
        }
        out
    }

    fn sentence_discarded(&self, a: &Analysis) -> bool {
        let c = &self.compiled;
        if c.discards.is_empty() {
            return false;
        }
        for i in 0..a.len() {
            // One-word discards: the token or a stem of it.
            let word = a.upper(i);
            for (cut, _) in word
                .char_indices()
                .skip(1)
                .chain(std::iter::once((word.len(), ' ')))
            {
                if let Some(&d) = c.discards_single.get(&word[..cut]) {
                    let discard = &c.discards[d];
                    if (!discard.whole || cut == word.len()) && !discard.story {
                        return true;
                    }
                }
            }
            if let Some(list) = c.discards_by_first.get(&a.ids[i]) {
                for &d in list {
                    let discard = &c.discards[d];
                    if discard.story {
                        continue;
                    }
                    let n = discard.head.len();
                    if i + n < a.len()
                        && discard
                            .head
                            .iter()
                            .enumerate()
                            .all(|(k, &w)| a.ids[i + k] == w)
                        && stem_match(a.upper(i + n), &discard.last, discard.whole)
                    {
                        return true;
                    }
                }
            }
        }
        false
    }

    fn story_discarded(&self, doc: &Document) -> bool {
        if !self.compiled.discards.iter().any(|d| d.story) {
            return false;
        }
        // Sentences of one document come one after the other on a thread:
        // remember the last document's answer there.
        let me = self.id;
        let known = STORY.with(|cache| match &*cache.borrow() {
            Some((coder, id, len, answer))
                if *coder == me && *id == doc.id && *len == doc.text.len() =>
            {
                Some(*answer)
            }
            _ => None,
        });
        if let Some(answer) = known {
            return answer;
        }
        let answer = self.story_check(&doc.text);
        STORY
            .with(|cache| *cache.borrow_mut() = Some((me, doc.id.clone(), doc.text.len(), answer)));
        answer
    }

    fn story_check(&self, text: &str) -> bool {
        let c = &self.compiled;
        let words: Vec<String> = text
            .split(|ch: char| !(ch.is_alphanumeric() || ch == '\'' || ch == '-' || ch == '.'))
            .filter(|w| !w.is_empty())
            .map(|w| w.trim_end_matches('.').to_uppercase())
            .collect();
        let ids: Vec<u32> = words.iter().map(|w| c.vocab.get(w)).collect();
        for (i, word) in words.iter().enumerate() {
            // One-word story discards: the word or a stem of it.
            for (cut, _) in word
                .char_indices()
                .skip(1)
                .chain(std::iter::once((word.len(), ' ')))
            {
                if let Some(&d) = c.discards_single.get(&word[..cut]) {
                    let discard = &c.discards[d];
                    if discard.story && (!discard.whole || cut == word.len()) {
                        return true;
                    }
                }
            }
            let Some(list) = c.discards_by_first.get(&ids[i]) else {
                continue;
            };
            for &d in list {
                let discard = &c.discards[d];
                let n = discard.head.len();
                if discard.story
                    && i + n < words.len()
                    && discard
                        .head
                        .iter()
                        .enumerate()
                        .all(|(k, &w)| ids[i + k] == w)
                    && stem_match(&words[i + n], &discard.last, discard.whole)
                {
                    return true;
                }
            }
        }
        false
    }
}

fn stem_match(word: &str, stem: &str, whole: bool) -> bool {
    if whole {
        word == stem
    } else {
        word.starts_with(stem)
    }
}

/// Whether an actor code already holds an agent code as one of its 3-letter parts.
fn holds(code: &str, agent: &str) -> bool {
    if agent.is_empty() {
        return true;
    }
    let bytes = code.as_bytes();
    (0..bytes.len())
        .step_by(3)
        .any(|i| code.get(i..i + agent.len()) == Some(agent))
}

/// Country codes are three letters; these three-letter prefixes are not countries.
fn country_of(code: &str) -> Option<String> {
    let head = code.get(..3)?;
    if !head.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    match head {
        "IGO" | "NGO" | "NGM" | "IMG" | "MNC" | "UIS" | "REB" | "GOV" | "MIL" | "COP" | "OPP"
        | "BUS" | "EDU" | "MED" | "LEG" | "JUD" | "REL" | "CIV" | "LAB" | "HRI" | "ELI" | "SPY"
        | "UAF" | "AGR" | "ENV" | "HLH" | "REF" | "CVL" => None,
        _ => Some(head.to_string()),
    }
}

fn actor(analysis: &Analysis, resolved: Resolved) -> Actor {
    let country = country_of(&resolved.code);
    let skip = if country.is_some() || resolved.code.starts_with("---") {
        3
    } else {
        0
    };
    let agents = resolved
        .code
        .get(skip..)
        .unwrap_or("")
        .as_bytes()
        .chunks(3)
        .filter(|c| c.len() == 3 && c.iter().all(u8::is_ascii_uppercase))
        .filter_map(|c| std::str::from_utf8(c).ok().map(str::to_string))
        .collect();
    let tokens = &analysis.tokens[resolved.start..resolved.end.max(resolved.start)];
    let mut text = String::new();
    for token in tokens {
        let clitic = token.text.starts_with('\'') || token.text == "n't";
        if !text.is_empty() && !clitic {
            text.push(' ');
        }
        text.push_str(&token.text);
    }
    let span = match (tokens.first(), tokens.last()) {
        (Some(a), Some(b)) => Span::new(a.span.start, b.span.end),
        _ => Span::default(),
    };
    Actor {
        code: resolved.code,
        country,
        agents,
        text,
        span,
    }
}

#[cfg(test)]
mod tests;
