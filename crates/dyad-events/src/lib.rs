//! The event coder: finds source, CAMEO event and target in the parsed
//! sentences of a document.
//!
//! [`Coder::code_document`] works in two passes over a document:
//! 1. **Who is who** ([`resolve`]): every sentence's actor and agent names
//!    are found (longest match, names capitalized) and joined into actor
//!    groups ("Russian police" is one actor, `RUSCOP`; "Arnor and Gondor"
//!    two coordinated ones); then the document pass names the people the
//!    lexicon does not know from their titles and appositions, resolves
//!    later mentions of them, pronouns and bare roles ("the government"),
//!    and drops the whole story when a story discard occurs in it.
//! 2. **What happened** ([`clause`]): in each sentence that no discard
//!    drops, the dictionary's verbs are found; for each, its subject (the
//!    source) and object (the target) — from the dependency parse where it
//!    names actors, else from the clause's word order — its negation,
//!    passive and mood; the verb block's patterns give the code; governed
//!    infinitives and reported clauses follow the dictionary's rules; one
//!    event is emitted per distinct (source, code, target).
//!
//! Modules: `compile` (the lexicon as lookup structures), `words` (closed
//! word classes), `sentence` (mentions and actor groups), `resolve` (the
//! document pass), `syntax` (what the dependency parse says about a verb),
//! `patterns` (pattern matching), `clause` (the verbs of a sentence).
//!
//! Every rule is a rule of English or of the PETRARCH2 dictionary format;
//! `docs/coding.md` and `docs/actors.md` list them with the figures.

mod clause;
mod compile;
mod explain;
mod location;
mod modality;
mod patterns;
mod resolve;
mod sentence;
mod syntax;
mod words;

use dyad_lexicon::Lexicon;
use dyad_types::actor::{agents_of, country_of};
use dyad_types::{Actor, ActorMention, Basis, Document, Event, ParsedSentence, Sentence, Span};

use crate::compile::Compiled;
use crate::resolve::DocActors;
use crate::sentence::{ActorRef, Analysis, Conjunct, Group, Mention, Named};

/// Codes documents into events with one lexicon. Shared by threads.
pub struct Coder {
    lexicon: Lexicon,
    compiled: Compiled,
    /// `DYAD_TRACE_CODER` set: print each verb's clause analysis on stderr
    /// (for writing dictionaries and rules).
    trace: bool,
}

/// An actor as the coder resolved it, before it becomes an [`Actor`]: its
/// code and its tokens in the sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Resolved {
    pub code: String,
    pub start: usize,
    pub end: usize,
}

/// What the coder needs besides a sentence's analysis: the document's date
/// (for dated codes) and the actors its first pass resolved.
#[derive(Clone, Copy)]
pub(crate) struct Context<'a> {
    pub date: Option<u32>,
    pub actors: &'a DocActors,
}

/// A document's sentences as the coder reads them: its analyses, after the
/// document pass.
struct ReadDocument<'a> {
    analyses: Vec<Analysis<'a>>,
    actors: DocActors,
    /// The document's temporal expressions, resolved against its date.
    times: dyad_time::DocumentTimes,
    /// The document's place mentions, resolved.
    places: Vec<dyad_geo::PlaceMention>,
    /// A story discard occurs in the document: nothing in it is coded.
    discarded: bool,
}

impl Coder {
    pub fn new(lexicon: Lexicon) -> Coder {
        let compiled = Compiled::new(&lexicon);
        Coder {
            lexicon,
            compiled,
            trace: std::env::var_os("DYAD_TRACE_CODER").is_some(),
        }
    }

    /// The lexicon the coder uses.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// All events of a document, in sentence order. `sentences` are the
    /// document's sentences and `parses` their parses, one per sentence with
    /// one word per token; a sentence whose parse is missing or does not
    /// fit is coded from word order alone.
    pub fn code_document(
        &self,
        doc: &Document,
        sentences: &[Sentence],
        parses: &[ParsedSentence],
    ) -> Vec<Event> {
        self.code_document_until(doc, sentences, parses, &|| false)
            .unwrap_or_default()
    }

    /// [`Coder::code_document`] that asks `stop` between sentences and
    /// gives up (`None`) as soon as it says so: how a caller bounds the
    /// time one document may take.
    pub fn code_document_until(
        &self,
        doc: &Document,
        sentences: &[Sentence],
        parses: &[ParsedSentence],
        stop: &dyn Fn() -> bool,
    ) -> Option<Vec<Event>> {
        let read = self.read_document(doc, sentences, parses);
        if read.discarded {
            return Some(Vec::new());
        }
        let context = Context {
            date: doc.date.map(|d| d.to_yyyymmdd()),
            actors: &read.actors,
        };
        let mut slicer = TextSlicer::new(&doc.text);
        let mut events = Vec::new();
        let dateline = location::dateline(&read.places, read.analyses.first());
        // (A bare country code names a country or a place of it; a longer
        // one names a group or an organisation.)
        let names_group = |m: &Mention| match m.named {
            Named::Actor(actor) => {
                self.is_person(actor, context) || self.actor_code(actor, context).len() > 3
            }
            Named::Agent(_) => false,
        };
        for (sentence, analysis) in sentences.iter().zip(&read.analyses) {
            if stop() {
                return None;
            }
            if analysis.len() == 0 || self.sentence_discarded(analysis) {
                continue;
            }
            let mut trace = self.trace.then(Vec::new);
            for coded in clause::code(self, analysis, context, trace.as_mut()) {
                let mut event = self.event(doc, sentence, analysis, coded, &mut slicer);
                if let Some(day) = event_day(&read.times, sentence.index, &event, analysis) {
                    event.date = Some(day);
                }
                event.location = location::event_location(
                    &read.places,
                    dateline,
                    sentence.index,
                    &event,
                    analysis,
                    &names_group,
                );
                events.push(event);
            }
            for line in trace.unwrap_or_default() {
                eprintln!("{line}");
            }
        }
        Some(events)
    }

    /// Every actor mention of a document, in an event or not, with its code
    /// and the reason for it (what `dyad actors` writes).
    pub fn document_actors(
        &self,
        doc: &Document,
        sentences: &[Sentence],
        parses: &[ParsedSentence],
    ) -> Vec<ActorMention> {
        let read = self.read_document(doc, sentences, parses);
        let context = Context {
            date: doc.date.map(|d| d.to_yyyymmdd()),
            actors: &read.actors,
        };
        let mut slicer = TextSlicer::new(&doc.text);
        let mut out = Vec::new();
        for (sentence, analysis) in sentences.iter().zip(&read.analyses) {
            for group in &analysis.groups {
                for (resolved, basis) in self.group_actors_with_basis(group, context) {
                    let span = token_span(analysis, resolved.start, resolved.end);
                    out.push(ActorMention {
                        doc: doc.id.clone(),
                        sentence: sentence.index,
                        span,
                        text: slicer.slice(span).to_string(),
                        country: country_of(&resolved.code).map(str::to_string),
                        agents: agents_of(&resolved.code),
                        code: resolved.code,
                        basis,
                    });
                }
            }
        }
        out
    }

    /// The first pass: each sentence's analysis, then the document-level
    /// resolution of who is who.
    fn read_document<'a>(
        &self,
        doc: &Document,
        sentences: &'a [Sentence],
        parses: &'a [ParsedSentence],
    ) -> ReadDocument<'a> {
        // (A parse that is missing or does not fit its sentence is not used.)
        static NO_PARSE: ParsedSentence = ParsedSentence { words: Vec::new() };
        let mut analyses: Vec<Analysis<'a>> = sentences
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let parse = parses
                    .get(i)
                    .filter(|p| p.words.len() == s.tokens.len())
                    .unwrap_or(&NO_PARSE);
                Analysis::new(&self.compiled, &s.tokens, parse)
            })
            .collect();
        let discarded = self.story_discarded(&doc.text);
        let date = doc.date.map(|d| d.to_yyyymmdd());
        let actors = resolve::resolve(self, &mut analyses, date);
        let times = dyad_time::DocumentTimes::from_sentences(&doc.text, sentences, doc.date);
        let places = if discarded {
            Vec::new()
        } else {
            dyad_geo::document_places(dyad_geo::Gazetteer::builtin(), &doc.text, sentences, parses)
        };
        ReadDocument {
            analyses,
            actors,
            times,
            places,
            discarded,
        }
    }

    fn event(
        &self,
        doc: &Document,
        sentence: &Sentence,
        analysis: &Analysis,
        coded: clause::CodedEvent,
        slicer: &mut TextSlicer,
    ) -> Event {
        let code = coded.code;
        let cameo =
            dyad_types::cameo::lookup(&code).or_else(|| dyad_types::cameo::lookup_or_parent(&code));
        let root = match cameo {
            Some(c) => c.root.to_string(),
            None => code.chars().take(2).collect(),
        };
        let mut actor = |r: &Resolved| -> Actor {
            let span = token_span(analysis, r.start, r.end);
            Actor {
                country: country_of(&r.code).map(str::to_string),
                agents: agents_of(&r.code),
                text: slicer.slice(span).to_string(),
                code: r.code.clone(),
                span,
            }
        };
        let source = actor(&coded.source);
        let target = match &coded.target {
            Some(t) => actor(t),
            // An act that needs no target ("declared a truce").
            None => Actor {
                code: "---".to_string(),
                country: None,
                agents: Vec::new(),
                text: String::new(),
                span: Span::default(),
            },
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
            source,
            target,
            trigger: Some(token_span(analysis, coded.trigger.0, coded.trigger.1)),
            confidence: coded.confidence,
            date: doc.date,
            location: None,
        }
    }

    /// The code of conjunct `c` on the context's date, with agents: prefix
    /// agents, the actor's code, then each agent code the code does not
    /// already hold. An agent-only conjunct takes its actor from `inherit`
    /// ("Danish media and government") or from what the document pass
    /// resolved it to ("the government" of the story's country).
    pub(crate) fn conjunct_code(
        &self,
        c: &Conjunct,
        inherit: Option<&Conjunct>,
        context: Context,
    ) -> String {
        let mut agents: Vec<u32> = Vec::new();
        let mut person = false;
        let actor: Option<String> = match (c.actor, inherit) {
            // "U.N. mediator Diego Cordovez", "Ecuadorian President X": the
            // title says in what capacity the person acts, whatever the
            // lexicon's dates say of them.
            (Some((_, at)), _) if c.title.is_some() && c.agents.iter().any(|&(_, p)| p < at) => {
                c.title.map(|t| self.actor_code(t, context).to_string())
            }
            (Some((actor, _)), _) => {
                person = self.is_person(actor, context);
                Some(self.actor_code(actor, context).to_string())
            }
            (None, Some(from)) => {
                // "Danish media and government": the second head shares the
                // first one's modifiers (all its agents but its head).
                let shared = &from.agents[..from.agents.len().saturating_sub(1)];
                agents.extend(shared.iter().map(|&(a, _)| a));
                from.actor
                    .map(|(a, _)| self.actor_code(a, context).to_string())
            }
            (None, None) => c.resolved.map(|d| context.actors.code(d).to_string()),
        };
        // "Maduro's troops": a person's own role gives way to the role of
        // what is theirs; the country stays.
        let possessed = person
            && c.actor
                .is_some_and(|(_, at)| c.agents.iter().any(|&(_, p)| p > at));
        let mut code = match (&actor, possessed) {
            (Some(a), true) => country_of(a).unwrap_or("---").to_string(),
            (Some(a), false) => a.clone(),
            (None, _) => "---".to_string(),
        };
        // "the former Gondorian president": an elite, not the government.
        if c.former {
            return format!("{}ELI", country_of(&code).unwrap_or("---"));
        }
        agents.extend(c.agents.iter().map(|&(a, _)| a));
        let mut prefix = String::new();
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

    /// The code an actor has on the context's date.
    fn actor_code<'c>(&'c self, actor: ActorRef, context: Context<'c>) -> &'c str {
        match actor {
            ActorRef::Entry(entry) => self.entry_code(entry, context.date),
            ActorRef::Doc(d) => context.actors.code(d),
        }
    }

    fn entry_code(&self, entry: u32, date: Option<u32>) -> &str {
        self.lexicon
            .actors
            .get(entry as usize)
            .map_or("---", |a| a.code_on(date))
    }

    /// Whether an actor is a person: a lexicon entry with dated codes (an
    /// office-holder), or a person the document pass named.
    pub(crate) fn is_person(&self, actor: ActorRef, context: Context) -> bool {
        match actor {
            ActorRef::Entry(entry) => self.entry_is_person(entry),
            ActorRef::Doc(d) => context.actors.is_person(d),
        }
    }

    pub(crate) fn entry_is_person(&self, entry: u32) -> bool {
        self.compiled.person.get(entry as usize) == Some(&true)
    }

    fn agent(&self, index: u32) -> (&str, bool) {
        match self.lexicon.agents.get(index as usize) {
            Some(a) => (a.code.as_str(), compile::is_prefix(a.placement)),
            None => ("", false),
        }
    }

    /// Every actor a group names, compound members separately.
    pub(crate) fn group_actors(&self, group: &Group, context: Context) -> Vec<Resolved> {
        self.group_actors_with_basis(group, context)
            .into_iter()
            .map(|(r, _)| r)
            .collect()
    }

    /// Every actor a group names, with what decided each one's code.
    fn group_actors_with_basis(&self, group: &Group, context: Context) -> Vec<(Resolved, Basis)> {
        let mut out: Vec<(Resolved, Basis)> = Vec::new();
        let mut push = |code: String, start: usize, end: usize, basis: Basis| {
            if !out.iter().any(|(r, _)| r.code == code) {
                out.push((Resolved { code, start, end }, basis));
            }
        };
        let basis_of = |c: &Conjunct| -> Basis {
            match (c.actor, c.resolved) {
                (Some((ActorRef::Doc(d), _)), _) => context.actors.basis(d),
                (Some((ActorRef::Entry(_), _)), _) => Basis::Lexicon,
                (None, Some(d)) => context.actors.basis(d),
                (None, None) => Basis::Lexicon,
            }
        };
        let conjuncts = &group.conjuncts;
        // "Ambassadors of Arnor, Osgiliath and Gondor", "lawmakers and
        // officials in Arnor and Gondor": the roles before the linking
        // preposition apply to each country after it.
        if let Some(linked) = conjuncts.iter().position(Conjunct::linked) {
            let at = conjuncts[linked].actor.map_or(0, |(_, at)| at);
            let mut roles: Vec<Conjunct> = Vec::new();
            for c in &conjuncts[..linked] {
                if c.actor.is_none() {
                    roles.push(Conjunct {
                        resolved: None,
                        ..c.clone()
                    });
                } else {
                    push(
                        self.conjunct_code(c, None, context),
                        c.start,
                        c.end,
                        basis_of(c),
                    );
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
                        resolved: None,
                        former: role.former || c.former,
                        person: c.person,
                        title: c.title,
                    };
                    push(
                        self.conjunct_code(&merged, None, context),
                        merged.start,
                        merged.end,
                        basis_of(c),
                    );
                }
            }
            return out;
        }
        let mut last_with_actor: Option<&Conjunct> = None;
        for c in conjuncts {
            if c.actor.is_some() {
                last_with_actor = Some(c);
                push(
                    self.conjunct_code(c, None, context),
                    c.start,
                    c.end,
                    basis_of(c),
                );
            } else if !c.agents.is_empty() {
                let basis = last_with_actor.map_or_else(|| basis_of(c), basis_of);
                push(
                    self.conjunct_code(c, last_with_actor, context),
                    c.start,
                    c.end,
                    basis,
                );
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
            if c.single_discard(a.upper(i), false) {
                return true;
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

    /// Whether a story discard (`+` in the discards file) occurs anywhere in
    /// the document's text: then none of it is coded.
    fn story_discarded(&self, text: &str) -> bool {
        let c = &self.compiled;
        if !c.discards.iter().any(|d| d.story) {
            return false;
        }
        let words: Vec<String> = text
            .split(|ch: char| !(ch.is_alphanumeric() || ch == '\'' || ch == '-' || ch == '.'))
            .filter(|w| !w.is_empty())
            .map(|w| w.trim_end_matches('.').to_uppercase())
            .collect();
        let ids: Vec<u32> = words.iter().map(|w| c.vocab.get(w)).collect();
        for (i, word) in words.iter().enumerate() {
            // One-word story discards: the word or a stem of it.
            if c.single_discard(word, true) {
                return true;
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

/// The day an event happened by the text: the day named nearest to its
/// trigger in its sentence ("met on Tuesday", "on Monday, rebels attacked"),
/// among the expressions that name one day; `None` when the sentence names
/// none (the event then keeps the publication date).
fn event_day(
    times: &dyad_time::DocumentTimes,
    sentence: usize,
    event: &Event,
    analysis: &Analysis,
) -> Option<dyad_types::Date> {
    let trigger = event.trigger?;
    let at = analysis
        .tokens
        .iter()
        .position(|t| t.span.start >= trigger.start)?;
    times
        .in_sentence(sentence)
        .iter()
        .filter_map(|t| {
            let day = t.day()?;
            let distance = if t.tokens.start > at {
                t.tokens.start - at
            } else {
                at.saturating_sub(t.tokens.end)
            };
            Some((distance, day))
        })
        .min_by_key(|&(distance, _)| distance)
        .map(|(_, day)| day)
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

/// The document span of tokens `start..end` of a sentence.
fn token_span(analysis: &Analysis, start: usize, end: usize) -> Span {
    let tokens = &analysis.tokens[start.min(analysis.len())..end.min(analysis.len()).max(start)];
    match (tokens.first(), tokens.last()) {
        (Some(a), Some(b)) => Span::new(a.span.start, b.span.end),
        _ => Span::default(),
    }
}

/// Slices a text by character spans, walking forward from the last place
/// it was asked for: spans come in sentence order, so slicing a whole
/// document costs one pass over it.
struct TextSlicer<'t> {
    text: &'t str,
    /// A character offset and its byte offset.
    char_at: usize,
    byte_at: usize,
}

impl<'t> TextSlicer<'t> {
    fn new(text: &'t str) -> TextSlicer<'t> {
        TextSlicer {
            text,
            char_at: 0,
            byte_at: 0,
        }
    }

    /// The byte offset of `char_offset`, walked from the last offset asked
    /// for, forward or back: spans near each other cost their distance, not
    /// their distance from the start of the text.
    fn byte(&mut self, char_offset: usize) -> usize {
        if char_offset < self.char_at {
            let before = &self.text[..self.byte_at];
            let step = self.char_at - char_offset;
            self.byte_at = before
                .char_indices()
                .rev()
                .nth(step - 1)
                .map_or(0, |(b, _)| b);
        } else {
            let rest = &self.text[self.byte_at..];
            let step = char_offset - self.char_at;
            match rest.char_indices().nth(step) {
                Some((bytes, _)) => self.byte_at += bytes,
                None => {
                    // Past the end: stop at the end, and count where that is.
                    self.char_at += rest.chars().count();
                    self.byte_at = self.text.len();
                    return self.byte_at;
                }
            }
        }
        self.char_at = char_offset;
        self.byte_at
    }

    fn slice(&mut self, span: Span) -> &'t str {
        let start = self.byte(span.start);
        let end = self.byte(span.end);
        let text = self.text;
        text.get(start..end).unwrap_or("")
    }
}

#[cfg(test)]
mod tests;
