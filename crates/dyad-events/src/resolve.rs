//! Who is who in a document: the coder's first pass, over all its sentences.
//!
//! The lexicon names countries, organisations and the office-holders it
//! knows; this pass adds what only the document can tell (`docs/actors.md`
//! lists the rules with the figures):
//! - **titles and appositions** name people the lexicon does not know:
//!   "Peruvian Foreign Minister Ana Quispe", "Quispe, Peru's foreign
//!   minister", "Chad's prime minister, Idriss Mahamat" give the person the
//!   title's code for the whole document (a former office-holder is an
//!   elite, `ELI`, not the government);
//! - **aliases**: a later mention by surname or full name of such a person,
//!   or of an office-holder the lexicon named in full, is that person;
//! - **pronouns** ("he", "she"; "it", "they" for countries and groups) and
//!   possessives before a role ("his government") refer to the nearest
//!   compatible actor;
//! - **bare roles** ("the government", "rebels", "the minister") refer to a
//!   recent person with that role, or take the country of the story: the
//!   dateline's, else the one the document is most about, else the only one
//!   the sentence names. Between two equally likely countries none is
//!   chosen.

use std::collections::HashMap;

use dyad_types::actor::country_of;
use dyad_types::{Basis, Upos};

use crate::compile::NONE;
use crate::sentence::{ActorRef, Analysis, Conjunct, Mention, Named};
use crate::{Coder, Context};

/// An actor the document pass resolved.
#[derive(Debug, Clone)]
pub(crate) struct DocActor {
    pub code: String,
    pub basis: Basis,
    pub person: bool,
    /// The document's person this actor is (index into the pass's list).
    pub who: Option<usize>,
}

/// The actors a document's first pass resolved, numbered.
#[derive(Debug, Clone, Default)]
pub(crate) struct DocActors {
    list: Vec<DocActor>,
}

impl DocActors {
    fn add(&mut self, code: String, basis: Basis, person: bool, who: Option<usize>) -> u32 {
        self.list.push(DocActor {
            code,
            basis,
            person: person || who.is_some(),
            who,
        });
        (self.list.len() - 1) as u32
    }

    /// The person of the document an actor reference is, if any.
    fn who(&self, actor: ActorRef, entries: &HashMap<u32, usize>) -> Option<usize> {
        match actor {
            ActorRef::Entry(e) => entries.get(&e).copied(),
            ActorRef::Doc(d) => self.list.get(d as usize).and_then(|a| a.who),
        }
    }

    pub fn code(&self, d: u32) -> &str {
        self.list.get(d as usize).map_or("---", |a| a.code.as_str())
    }

    pub fn basis(&self, d: u32) -> Basis {
        self.list
            .get(d as usize)
            .map_or(Basis::Lexicon, |a| a.basis)
    }

    pub fn is_person(&self, d: u32) -> bool {
        self.list.get(d as usize).is_some_and(|a| a.person)
    }
}

/// A person of the document: known from a title, or an office-holder of the
/// lexicon named in full.
#[derive(Debug, Clone)]
struct Person {
    /// The full name as first written, upper case.
    full: Vec<String>,
    actor: ActorRef,
    /// Head words of the person's titles ("MINISTER", "PRESIDENT").
    roles: Vec<String>,
}

/// How far back (in sentences) a pronoun or a definite role looks for the
/// person it refers to.
const REACH: usize = 4;

/// Lower-case words that may stand inside a name ("Osama bin Laden",
/// "Ursula von der Leyen").
const NAME_PARTICLES: &[&str] = &[
    "bin", "bint", "ibn", "al", "el", "de", "da", "di", "do", "dos", "das", "del", "della", "der",
    "den", "van", "von", "la", "le", "du", "ben", "abu", "ould", "y",
];

/// Resolves the actors of a document's sentences: adds mentions of people
/// and pronouns to the analyses and gives bare roles their actor.
pub(crate) fn resolve(coder: &Coder, analyses: &mut [Analysis], date: Option<u32>) -> DocActors {
    let mut actors = DocActors::default();
    if analyses.is_empty() {
        return actors;
    }
    let story = story_country(coder, analyses, date);

    // People named with a title or an apposition, and office-holders of the
    // lexicon named in full: every sentence first, so that a surname may
    // come before the full name (a headline).
    let mut people: Vec<Person> = Vec::new();
    let mut by_name: HashMap<Vec<String>, usize> = HashMap::new();
    // Lexicon people by entry.
    let mut entry_person: HashMap<u32, usize> = HashMap::new();
    let mut titled: Vec<Vec<Mention>> = vec![Vec::new(); analyses.len()];
    for (i, a) in analyses.iter().enumerate() {
        // Lexicon people.
        for group in &a.groups {
            for c in &group.conjuncts {
                let Some((ActorRef::Entry(e), at)) = c.actor else {
                    continue;
                };
                if !coder.entry_is_person(e) {
                    continue;
                }
                let m = a.mention_at[at];
                let Some(mention) = a.mentions.get(m as usize) else {
                    continue;
                };
                let full: Vec<String> = (mention.start..mention.end)
                    .map(|k| a.upper(k).to_string())
                    .collect();
                let roles = role_heads(a, c);
                match by_name.get(&full) {
                    Some(&p) => people[p].roles.extend(roles),
                    None => {
                        by_name.insert(full.clone(), people.len());
                        entry_person.entry(e).or_insert(people.len());
                        people.push(Person {
                            full,
                            actor: ActorRef::Entry(e),
                            roles,
                        });
                    }
                }
            }
        }
        // People the lexicon does not know by this name.
        for (s, e) in name_runs(coder, a) {
            // "Omar Hassan al-Bashir" for the lexicon's "Omar al-Bashir": the
            // one office-holder with that first and last name.
            if let Some(entry) = coder.compiled.person_by_first_last(a.ids[s], a.ids[e - 1]) {
                let full: Vec<String> = (s..e).map(|k| a.upper(k).to_string()).collect();
                let p = *by_name.entry(full.clone()).or_insert_with(|| {
                    people.push(Person {
                        full,
                        actor: ActorRef::Entry(entry),
                        roles: Vec::new(),
                    });
                    people.len() - 1
                });
                entry_person.entry(entry).or_insert(p);
                titled[i].push(Mention {
                    start: s,
                    end: e,
                    named: Named::Actor(ActorRef::Entry(entry)),
                    person: true,
                });
                continue;
            }
            let context = Context {
                date,
                actors: &actors,
            };
            let Some((code, roles)) = titled_code(coder, a, s, e, context, story.as_deref()) else {
                continue;
            };
            let full: Vec<String> = (s..e).map(|k| a.upper(k).to_string()).collect();
            let d = match by_name.get(&full) {
                Some(&p) => {
                    people[p].roles.extend(roles);
                    match people[p].actor {
                        ActorRef::Doc(d) => {
                            // A later title may name the country the first left out.
                            if country_of(actors.code(d)).is_none() && country_of(&code).is_some() {
                                actors.list[d as usize].code = code;
                            }
                            d
                        }
                        ActorRef::Entry(_) => continue,
                    }
                }
                None => {
                    let d = actors.add(code, Basis::Title, true, Some(people.len()));
                    by_name.insert(full.clone(), people.len());
                    people.push(Person {
                        full,
                        actor: ActorRef::Doc(d),
                        roles,
                    });
                    d
                }
            };
            titled[i].push(Mention {
                start: s,
                end: e,
                named: Named::Actor(ActorRef::Doc(d)),
                person: true,
            });
        }
    }
    // Surnames: a name of one word that ends the full name of exactly one person.
    let mut by_surname: HashMap<&str, Vec<usize>> = HashMap::new();
    for (p, person) in people.iter().enumerate() {
        if let Some(last) = person.full.last() {
            if person.full.len() > 1 {
                by_surname.entry(last.as_str()).or_default().push(p);
            }
        }
    }

    let mut recent: Vec<(usize, usize)> = Vec::new(); // (person, sentence)
    for i in 0..analyses.len() {
        let context_date = date;
        // Aliases: later mentions of a person by part of their name.
        let mut extra = std::mem::take(&mut titled[i]);
        for (s, e) in name_runs(coder, &analyses[i]) {
            if extra.iter().any(|m| m.start < e && s < m.end) {
                continue;
            }
            let words: Vec<String> = (s..e).map(|k| analyses[i].upper(k).to_string()).collect();
            let person = by_name.get(&words).copied().or_else(|| {
                let last = words.last()?;
                let candidates = by_surname.get(last.as_str())?;
                let fits: Vec<usize> = candidates
                    .iter()
                    .copied()
                    .filter(|&p| words.iter().all(|w| people[p].full.contains(w)))
                    .collect();
                (fits.len() == 1).then(|| fits[0])
            });
            let Some(p) = person else { continue };
            let code = person_code(coder, &people[p], &actors, context_date);
            let d = actors.add(code, Basis::Alias, true, Some(p));
            extra.push(Mention {
                start: s,
                end: e,
                named: Named::Actor(ActorRef::Doc(d)),
                person: true,
            });
        }
        analyses[i].add_mentions(&coder.compiled.closed, &extra);

        // Pronouns.
        let pronouns = pronoun_mentions(
            coder,
            &analyses[i],
            i,
            &recent,
            &people,
            &entry_person,
            &mut actors,
            date,
        );
        analyses[i].add_mentions(&coder.compiled.closed, &pronouns);

        // Bare roles and possessed roles.
        resolve_roles(
            coder,
            &mut analyses[i],
            i,
            &recent,
            &people,
            &mut actors,
            story.as_deref(),
            date,
        );

        // The people this sentence mentions, for the next ones.
        let a = &analyses[i];
        for group in &a.groups {
            for c in &group.conjuncts {
                let actor = match (c.actor, c.resolved) {
                    (Some((actor, _)), _) => actor,
                    (None, Some(d)) => ActorRef::Doc(d),
                    (None, None) => continue,
                };
                if let Some(p) = actors.who(actor, &entry_person) {
                    recent.retain(|&(q, _)| q != p);
                    recent.push((p, i));
                }
            }
        }
        recent.retain(|&(_, s)| s + REACH >= i);
    }
    actors
}

/// The code of a person on the document's date.
fn person_code(coder: &Coder, person: &Person, actors: &DocActors, date: Option<u32>) -> String {
    match person.actor {
        ActorRef::Entry(e) => coder.entry_code(e, date).to_string(),
        ActorRef::Doc(d) => actors.code(d).to_string(),
    }
}

/// The country the story is about: the dateline's, else the country the
/// document names clearly more often than any other (at least twice as
/// often as the next).
fn story_country(coder: &Coder, analyses: &[Analysis], date: Option<u32>) -> Option<String> {
    let country = |actor: ActorRef| -> Option<String> {
        match actor {
            ActorRef::Entry(e) => country_of(coder.entry_code(e, date)).map(str::to_string),
            ActorRef::Doc(_) => None,
        }
    };
    // A dateline: a short first sentence with no verb that names a place.
    let first = &analyses[0];
    let verbless = (0..first.len()).all(|k| first.upos(k) != Some(Upos::VERB));
    if analyses.len() > 1 && first.len() <= 12 && verbless {
        let place = first.groups.iter().find_map(|g| {
            g.conjuncts
                .iter()
                .find_map(|c| c.actor.and_then(|(actor, _)| country(actor)))
        });
        if place.is_some() {
            return place;
        }
    }
    let mut counts: HashMap<String, usize> = HashMap::new();
    for a in analyses {
        for group in &a.groups {
            for c in &group.conjuncts {
                if let Some(code) = c.actor.and_then(|(actor, _)| country(actor)) {
                    *counts.entry(code).or_default() += 1;
                }
            }
        }
    }
    let mut ranked: Vec<(String, usize)> = counts.into_iter().collect();
    ranked.sort_by(|x, y| y.1.cmp(&x.1).then_with(|| x.0.cmp(&y.0)));
    // (A country named once is not what a story is about: in one sentence
    // it is as often the other party as the actors' own country.)
    match ranked.as_slice() {
        [(only, n)] if *n >= 2 => Some(only.clone()),
        [(top, n), (_, m), ..] if *n >= 2 && *n >= 2 * *m => Some(top.clone()),
        _ => None,
    }
}

/// The head words of a conjunct's roles ("MINISTER" of "Foreign Minister").
fn role_heads(a: &Analysis, c: &Conjunct) -> Vec<String> {
    c.agents
        .iter()
        .filter_map(|&(_, at)| {
            let m = a.mention_at[at];
            let mention = a.mentions.get(m as usize)?;
            Some(singular(a.upper(mention.end - 1)))
        })
        .collect()
}

/// A role word without its plural ending, for comparing roles.
fn singular(word: &str) -> String {
    word.strip_suffix("MEN")
        .map(|w| format!("{w}MAN"))
        .or_else(|| {
            word.strip_suffix('S')
                .filter(|w| !w.ends_with('S'))
                .map(str::to_string)
        })
        .unwrap_or_else(|| word.to_string())
}

/// Runs of capitalized proper-noun tokens that no lexicon name covers:
/// the names of people (and other things) the lexicon does not know.
fn name_runs(coder: &Coder, a: &Analysis) -> Vec<(usize, usize)> {
    let closed = &coder.compiled.closed;
    let capitalized = |k: usize| {
        a.tokens[k]
            .text
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    };
    let name_word = |k: usize| {
        a.mention_at[k] == NONE
            && capitalized(k)
            && match a.upos(k) {
                Some(u) => u == Upos::PROPN,
                None => k > 0,
            }
            && !a.is(&closed.time, k)
            && a.tokens[k].text.chars().any(char::is_alphabetic)
    };
    let mut runs = Vec::new();
    let mut k = 0;
    while k < a.len() {
        if !name_word(k) || !a.mixed_case {
            k += 1;
            continue;
        }
        let start = k;
        let mut end = k + 1;
        // A hyphen written without spaces joins: "al-Bashir", "Smith-Jones".
        let joined = |k: usize| {
            k > 0
                && k + 1 < a.len()
                && a.tokens[k].text == "-"
                && a.tokens[k - 1].span.end == a.tokens[k].span.start
                && a.tokens[k].span.end == a.tokens[k + 1].span.start
        };
        loop {
            if end < a.len() && name_word(end) {
                end += 1;
            } else if end + 1 < a.len() && joined(end) && name_word(end + 1) {
                end += 2;
            } else if end + 1 < a.len()
                && NAME_PARTICLES.contains(&a.tokens[end].text.as_str())
                && (name_word(end + 1)
                    || (end + 2 < a.len() && joined(end + 1) && name_word(end + 2)))
            {
                end += if name_word(end + 1) { 2 } else { 3 };
            } else {
                break;
            }
        }
        if end - start <= 8 {
            runs.push((start, end));
        }
        k = end;
    }
    runs
}

/// The conjunct of the group at token `k`, if one ends or starts there.
fn conjunct_at<'x>(a: &'x Analysis, k: usize) -> Option<&'x Conjunct> {
    let g = *a.group_at.get(k)?;
    if g == NONE {
        return None;
    }
    a.groups[g as usize]
        .conjuncts
        .iter()
        .find(|c| c.start <= k && k < c.end)
}

/// Whether token `k` is a finite verb or a word that ends a clause, so that
/// an apposition cannot be the subject of what follows it.
fn ends_apposition(coder: &Coder, a: &Analysis, k: usize) -> bool {
    k >= a.len()
        || matches!(
            a.upper(k),
            "," | "." | ";" | ":" | "--" | ")" | "AND" | "OF" | "WHO"
        )
        || a.is_finite(&coder.compiled.closed, k)
        || a.upos(k) == Some(Upos::VERB)
}

/// The code a title or an apposition gives the name at `s..e`, and the
/// title's role words: "Peruvian Foreign Minister Ana Quispe" → `PERGOV`.
fn titled_code(
    coder: &Coder,
    a: &Analysis,
    s: usize,
    e: usize,
    context: Context,
    story: Option<&str>,
) -> Option<(String, Vec<String>)> {
    let with_role = |c: &&Conjunct| !c.agents.is_empty();
    // A title right before the name; an apposition right after it
    // ("Quispe, Peru's foreign minister,"); or a title and a comma before it
    // ("Chad's prime minister, Idriss Mahamat,").
    let before = s
        .checked_sub(1)
        .and_then(|k| conjunct_at(a, k))
        .filter(|c| c.end == s)
        .filter(with_role);
    let mut after = None;
    if e < a.len() && a.upper(e) == "," {
        for k in e + 1..(e + 4).min(a.len()) {
            if a.group_at[k] != NONE {
                after = conjunct_at(a, k).filter(|c| c.start == k);
                break;
            }
            let filler = a.is(&coder.compiled.closed.determiner, k)
                || a.is(&coder.compiled.closed.former, k)
                || a.upos(k) == Some(Upos::ADJ);
            if !filler {
                break;
            }
        }
    }
    let after = after
        .filter(with_role)
        .filter(|c| ends_apposition(coder, a, c.end));
    let comma_before = (s >= 2 && a.upper(s - 1) == ",")
        .then(|| conjunct_at(a, s - 2).filter(|c| c.end == s - 1))
        .flatten()
        .filter(with_role)
        .filter(|_| ends_apposition(coder, a, e));
    let title = before.or(after).or(comma_before)?;
    let mut code = coder.conjunct_code(title, None, context);
    // "President Kwame Asante of Ghana".
    if country_of(&code).is_none() && e + 1 < a.len() && a.upper(e) == "OF" {
        if let Some(c) = conjunct_at(a, e + 1).filter(|c| c.start == e + 1) {
            if c.actor.is_some() {
                let of = coder.conjunct_code(
                    &Conjunct {
                        agents: Vec::new(),
                        ..c.clone()
                    },
                    None,
                    context,
                );
                if let Some(country) = country_of(&of) {
                    code = format!("{country}{}", code.trim_start_matches("---"));
                }
            }
        }
    }
    // A title with no country takes the story's, as a bare role does.
    if country_of(&code).is_none() && code.starts_with("---") {
        let place = a
            .group_at
            .get(title.start)
            .copied()
            .filter(|&g| g != NONE)
            .and_then(|g| {
                let c = a.groups[g as usize]
                    .conjuncts
                    .iter()
                    .position(|x| x.start == title.start)?;
                Some((g as usize, c))
            });
        let country = match place {
            Some((g, c)) => context_country(coder, a, g, c, context.actors, context.date, story),
            None => story.map(str::to_string),
        };
        if let Some(country) = country {
            code = format!("{country}{}", &code[3..]);
        }
    }
    Some((code, role_heads(a, title)))
}

/// Mentions for the pronouns of sentence `i` that refer to an actor: "he"
/// and "she" to the nearest person (in the sentence, else in the last few
/// sentences); "it" and "they" as subjects to the actor the clause's
/// reporting verb has as its subject ("Syria says it is willing"), else to
/// the nearest actor before them in the sentence that is not a place.
#[allow(clippy::too_many_arguments)]
fn pronoun_mentions(
    coder: &Coder,
    a: &Analysis,
    i: usize,
    recent: &[(usize, usize)],
    people: &[Person],
    entry_person: &HashMap<u32, usize>,
    actors: &mut DocActors,
    date: Option<u32>,
) -> Vec<Mention> {
    let mut out = Vec::new();
    for k in 0..a.len() {
        if a.mention_at[k] != NONE {
            continue;
        }
        let word = a.upper(k);
        let personal = matches!(word, "HE" | "SHE" | "HIM");
        let impersonal = matches!(word, "IT" | "THEY");
        if !personal && !impersonal {
            continue;
        }
        let antecedent: Option<(String, bool, Option<usize>)> = if personal {
            nearest_before(coder, a, k, actors, date, true)
                .map(|(code, actor)| (code, true, actors.who(actor, entry_person)))
                .or_else(|| {
                    recent
                        .iter()
                        .rev()
                        .find(|&&(_, s)| s < i && s + REACH >= i)
                        .map(|&(p, _)| {
                            (person_code(coder, &people[p], actors, date), true, Some(p))
                        })
                })
        } else {
            let subject = a.parse.is_none_or(|p| {
                p.words[k].deprel.starts_with("nsubj") || p.words[k].head.is_none()
            });
            if !subject {
                None
            } else {
                reporting_subject(coder, a, k, actors, date)
                    .or_else(|| {
                        nearest_before(coder, a, k, actors, date, false)
                            .map(|(code, _)| (code, false))
                    })
                    .map(|(code, person)| (code, person, None))
            }
        };
        let Some((code, person, who)) = antecedent else {
            continue;
        };
        let d = actors.add(code, Basis::Coreference, person, who);
        out.push(Mention {
            start: k,
            end: k + 1,
            named: Named::Actor(ActorRef::Doc(d)),
            person,
        });
    }
    out
}

/// The code of the nearest actor before token `k` in the sentence that is
/// not the object of a preposition of place, time or topic, and which actor
/// it is; `person`: only people, else only what is not a person.
fn nearest_before(
    coder: &Coder,
    a: &Analysis,
    k: usize,
    actors: &DocActors,
    date: Option<u32>,
    person: bool,
) -> Option<(String, ActorRef)> {
    let closed = &coder.compiled.closed;
    let context = Context { date, actors };
    for g in a.groups.iter().rev().filter(|g| g.end <= k) {
        let placed = a
            .governing_prep(closed, g.start, 0)
            .is_some_and(|p| a.is(&closed.place_prep, p));
        if placed {
            continue;
        }
        for c in g.conjuncts.iter().rev() {
            let Some((actor, _)) = c.actor else { continue };
            let is_person = coder.is_person(actor, context);
            if person && !is_person {
                continue;
            }
            if !person && is_person {
                return None;
            }
            return Some((coder.conjunct_code(c, None, context), actor));
        }
    }
    None
}

/// For a pronoun subject of a clause reported by a verb ("Syria says it is
/// willing to …"), the actor that verb has as its subject.
fn reporting_subject(
    coder: &Coder,
    a: &Analysis,
    k: usize,
    actors: &DocActors,
    date: Option<u32>,
) -> Option<(String, bool)> {
    let parse = a.parse?;
    let verb = parse.words[k].head?;
    let rel = parse.words[verb].deprel.as_str();
    if !(rel == "ccomp" || rel.starts_with("ccomp")) {
        return None;
    }
    let reporter = parse.words[verb].head?;
    let subject = parse
        .children(reporter)
        .find(|&c| parse.words[c].deprel == "nsubj")?;
    if subject >= k {
        return None;
    }
    let g = crate::syntax::group_of(a, parse, &coder.compiled.closed, subject)?;
    let context = Context { date, actors };
    let c = a.groups[g as usize].conjuncts.first()?;
    let (actor, _) = c.actor?;
    Some((
        coder.conjunct_code(c, None, context),
        coder.is_person(actor, context),
    ))
}

/// Gives each role with no actor of its own the actor it refers to: a
/// possessive pronoun's antecedent ("his government"), a recent person
/// with that role ("the minister"), or the story's country ("the army").
#[allow(clippy::too_many_arguments)]
fn resolve_roles(
    coder: &Coder,
    a: &mut Analysis,
    i: usize,
    recent: &[(usize, usize)],
    people: &[Person],
    actors: &mut DocActors,
    story: Option<&str>,
    date: Option<u32>,
) {
    for g in 0..a.groups.len() {
        for c in 0..a.groups[g].conjuncts.len() {
            let conjunct = &a.groups[g].conjuncts[c];
            if conjunct.actor.is_some() || conjunct.agents.is_empty() {
                continue;
            }
            // A role after an actor of its group shares that actor.
            if a.groups[g].conjuncts[..c].iter().any(|x| x.actor.is_some()) {
                continue;
            }
            let start = conjunct.start;
            let before = start.checked_sub(1).map(|k| a.upper(k).to_string());
            let mut who = None;
            let resolved: Option<(String, Basis)> = match before.as_deref() {
                // "his government", "its troops": the possessor's country.
                Some("HIS" | "HER" | "ITS" | "THEIR") => {
                    let person = matches!(before.as_deref(), Some("HIS" | "HER"));
                    let antecedent =
                        nearest_before(coder, a, start - 1, actors, date, person)
                            .map(|(code, _)| code)
                            .or_else(|| {
                                person
                                    .then(|| {
                                        recent.iter().rev().find(|&&(_, s)| s + REACH >= i).map(
                                            |&(p, _)| person_code(coder, &people[p], actors, date),
                                        )
                                    })
                                    .flatten()
                            });
                    antecedent
                        .as_deref()
                        .and_then(country_of)
                        .map(|country| (country.to_string(), Basis::Coreference))
                }
                // "the minister": the person last named with that role.
                Some("THE") if conjunct.agents.len() == 1 => {
                    let heads = role_heads(a, conjunct);
                    recent
                        .iter()
                        .rev()
                        .filter(|&&(_, s)| s + REACH >= i)
                        .find(|&&(p, _)| people[p].roles.iter().any(|r| heads.contains(r)))
                        .map(|&(p, _)| {
                            who = Some(p);
                            (
                                person_code(coder, &people[p], actors, date),
                                Basis::Coreference,
                            )
                        })
                }
                _ => None,
            }
            .or_else(|| {
                context_country(coder, a, g, c, actors, date, story)
                    .map(|country| (country, Basis::Context))
            });
            if let Some((code, basis)) = resolved {
                let d = actors.add(code, basis, who.is_some(), who);
                a.groups[g].conjuncts[c].resolved = Some(d);
            }
        }
    }
}

/// The country a role of conjunct `c` (in group `g`) takes from its story:
/// the story's country, else the only country the sentence names — but not
/// the other party of the role's own act ("the minister left for Gondor",
/// "lawmakers blamed Mordor").
fn context_country(
    coder: &Coder,
    a: &Analysis,
    g: usize,
    c: usize,
    actors: &DocActors,
    date: Option<u32>,
    story: Option<&str>,
) -> Option<String> {
    let context = Context { date, actors };
    let mut named: Vec<String> = Vec::new();
    for group in &a.groups {
        for x in &group.conjuncts {
            if x.actor.is_some() {
                let code = coder.conjunct_code(x, None, context);
                if let Some(country) = country_of(&code) {
                    if !named.iter().any(|n| n == country) {
                        named.push(country.to_string());
                    }
                }
            }
        }
    }
    let candidate = match (story, named.as_slice()) {
        (Some(s), _) => Some(s.to_string()),
        (None, [only]) => Some(only.clone()),
        _ => None,
    }?;
    let parties = direct_parties(coder, a, g, c, actors, date);
    (!parties.contains(&candidate)).then_some(candidate)
}

/// The countries of the actors that are the other parties of the act the
/// role of conjunct `c` (in group `g`) takes part in: the arguments of the
/// same predicate (subject, object, a "by", "for", "to", "with" or
/// "against" phrase — not a place, time or topic), or the predicate itself
/// when the parse hangs the role on a country word.
fn direct_parties(
    coder: &Coder,
    a: &Analysis,
    g: usize,
    c: usize,
    actors: &DocActors,
    date: Option<u32>,
) -> Vec<String> {
    let Some(parse) = a.parse else {
        return Vec::new();
    };
    let closed = &coder.compiled.closed;
    let conjunct = &a.groups[g].conjuncts[c];
    let Some(role) = parse.head_of(conjunct.start..conjunct.end) else {
        return Vec::new();
    };
    let Some(predicate) = parse.words[role].head else {
        return Vec::new();
    };
    // "arrived in Gondor", "landed at Osgiliath": the place of an arrival
    // is the other party, not the home of who arrives.
    let arrival = a.is(&closed.arrive, predicate);
    let argument = |k: usize| {
        let rel = parse.words[k].deprel.as_str();
        let base = rel.split(':').next().unwrap_or(rel);
        match base {
            // (A name the parser could not place hangs on the verb as a
            // vocative: "Police attacked Gondor" with "Gondor" so.)
            "nsubj" | "obj" | "iobj" | "dobj" | "nsubjpass" | "vocative" => true,
            "obl" | "nmod" => {
                arrival
                    || !parse
                        .children(k)
                        .any(|p| parse.words[p].deprel == "case" && a.is(&closed.place_prep, p))
            }
            _ => false,
        }
    };
    if !argument(role) {
        return Vec::new();
    }
    let context = Context { date, actors };
    let mut out = Vec::new();
    for (h, group) in a.groups.iter().enumerate() {
        if h == g {
            continue;
        }
        let Some(head) = parse.head_of(group.start..group.end) else {
            continue;
        };
        let party = (group.start..group.end).contains(&predicate)
            || (parse.words[head].head == Some(predicate) && argument(head));
        if !party {
            continue;
        }
        // A state is the other party; a country with a role of its own
        // ("an Argentine judge ordered the former president …") sets the
        // story in that country rather than opposing it.
        for x in &group.conjuncts {
            if x.actor.is_some() && x.agents.is_empty() {
                if let Some(country) = country_of(&coder.conjunct_code(x, None, context)) {
                    out.push(country.to_string());
                }
            }
        }
    }
    out
}
