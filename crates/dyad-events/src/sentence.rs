//! What the coder knows about one sentence: word numbers, parts of speech,
//! actor and agent mentions, and actor groups (coordinated noun phrases).

use dyad_types::{ParsedSentence, Token, Upos};

use crate::compile::{Compiled, NONE};
use crate::words::Closed;

/// Which actor a mention names: an entry of the lexicon, or an actor the
/// document pass resolved (a person known from a title, a pronoun's
/// antecedent; index into [`crate::resolve::DocActors`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ActorRef {
    Entry(u32),
    Doc(u32),
}

/// What a mention names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Named {
    Actor(ActorRef),
    /// An agent (role) entry of the lexicon.
    Agent(u32),
}

/// An actor or agent name found in the tokens.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Mention {
    pub start: usize,
    pub end: usize,
    pub named: Named,
    /// The mention names a person (who outranks the country adjective of
    /// their title as the actor of a noun phrase).
    pub person: bool,
}

/// One member of a coordination: at most one actor, any number of agents.
#[derive(Debug, Clone, Default)]
pub(crate) struct Conjunct {
    pub start: usize,
    pub end: usize,
    /// The first actor mention (which actor, token position).
    pub actor: Option<(ActorRef, usize)>,
    /// Agent mentions (agent index, token position), in text order.
    pub agents: Vec<(u32, usize)>,
    /// Joined to the conjunct before it by a comma alone (no "and").
    pub comma_only: bool,
    /// For a role with no actor of its own ("the government", "the
    /// minister"): the actor the document pass found it refers to.
    pub resolved: Option<u32>,
    /// A role said to be past ("the former president", "ex-minister"): its
    /// holder is an elite, no longer the government.
    pub former: bool,
    /// The conjunct's actor is a person.
    pub person: bool,
    /// The actor of a person's title, which the person displaced as the
    /// conjunct's actor ("U.N." of "U.N. mediator Diego Cordovez").
    pub title: Option<ActorRef>,
}

impl Conjunct {
    /// An agent stands before the actor with a linking preposition between
    /// ("ambassadors of Gondor", "officials in Arnor").
    pub fn linked(&self) -> bool {
        self.actor
            .is_some_and(|(_, at)| self.agents.iter().any(|&(_, a)| a < at))
    }
}

/// Coordinated noun phrases naming actors: "Arnor, Rohan and Gondor".
#[derive(Debug, Clone, Default)]
pub(crate) struct Group {
    pub start: usize,
    pub end: usize,
    pub conjuncts: Vec<Conjunct>,
}

/// What a token is to a noun phrase around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PhraseWord {
    Preposition,
    /// A determiner, modifier, noun or name, or "of".
    Inside,
    Other,
}

/// How two neighbouring mentions relate.
#[derive(Debug, PartialEq, Eq)]
enum Gap {
    /// Same noun phrase.
    Same,
    /// Coordinated noun phrases (`true`: by a comma alone).
    Coordinated(bool),
    /// Unrelated.
    Apart,
}

pub(crate) struct Analysis<'a> {
    pub tokens: &'a [Token],
    pub parse: Option<&'a ParsedSentence>,
    pub ids: Vec<u32>,
    pub lemmas: Vec<u32>,
    /// Upper-case text of all tokens, and each token's byte range in it.
    pub upper: String,
    pub ranges: Vec<(u32, u32)>,
    pub mentions: Vec<Mention>,
    /// For each token, the mention covering it (index into `mentions`).
    pub mention_at: Vec<u32>,
    pub groups: Vec<Group>,
    /// For each token, the group covering it.
    pub group_at: Vec<u32>,
    /// For each token, whether it is a form of a dictionary verb.
    pub verb_form: Vec<bool>,
    /// Word and lemma numbers of the sentence, sorted.
    pub present: Vec<u32>,
    /// The sentence has both lower-case and upper-case letters (it is not a
    /// headline in capitals or text in lower case only).
    pub mixed_case: bool,
}

const LINK_GAP: usize = 6;

/// Words a noun phrase may have between its preposition and an actor name.
const PREP_REACH: usize = 8;

impl<'a> Analysis<'a> {
    pub fn new(
        compiled: &Compiled,
        tokens: &'a [Token],
        parse: &'a ParsedSentence,
    ) -> Analysis<'a> {
        let n = tokens.len();
        let parse = (parse.words.len() == n && n > 0).then_some(parse);
        let mut upper = String::with_capacity(n * 8);
        let mut ranges = Vec::with_capacity(n);
        let mut ids = Vec::with_capacity(n);
        for token in tokens {
            let start = upper.len();
            dyad_text::fold_upper(&token.text, &mut upper);
            ranges.push((start as u32, upper.len() as u32));
            ids.push(compiled.vocab.get(&upper[start..]));
        }
        let mut lemmas = ids.clone();
        if let Some(parse) = parse {
            let mut buf = String::new();
            for (i, word) in parse.words.iter().enumerate() {
                buf.clear();
                buf.extend(word.lemma.chars().flat_map(char::to_uppercase));
                let id = compiled.vocab.get(&buf);
                if id != NONE {
                    lemmas[i] = id;
                }
            }
        }
        let mut analysis = Analysis {
            tokens,
            parse,
            ids,
            lemmas,
            upper,
            ranges,
            mentions: Vec::new(),
            mention_at: vec![NONE; n],
            groups: Vec::new(),
            group_at: vec![NONE; n],
            verb_form: Vec::new(),
            present: Vec::new(),
            mixed_case: {
                let words = || {
                    tokens
                        .iter()
                        .filter(|t| t.text.chars().any(char::is_alphabetic))
                };
                words().any(|t| t.text.chars().any(char::is_lowercase))
                    && words().any(|t| t.text.chars().next().is_some_and(char::is_uppercase))
                    && !words().all(|t| t.text.chars().next().is_some_and(char::is_uppercase))
            },
        };
        analysis.present = analysis
            .ids
            .iter()
            .chain(&analysis.lemmas)
            .copied()
            .filter(|&w| w != NONE)
            .collect();
        analysis.present.sort_unstable();
        analysis.present.dedup();
        analysis.verb_form = analysis
            .ids
            .iter()
            .map(|&id| id != NONE && compiled.verb_forms.contains_key(&id))
            .collect();
        analysis.find_mentions(compiled);
        analysis.build_groups(&compiled.closed);
        analysis
    }

    /// Whether word `w` occurs in the sentence (as a form or a lemma).
    pub fn has_word(&self, w: u32) -> bool {
        self.present.binary_search(&w).is_ok()
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    pub fn upper(&self, i: usize) -> &str {
        let (a, b) = self.ranges[i];
        &self.upper[a as usize..b as usize]
    }

    pub fn upos(&self, i: usize) -> Option<Upos> {
        self.parse.map(|p| p.words[i].upos)
    }

    pub fn xpos(&self, i: usize) -> Option<&str> {
        self.parse.map(|p| p.words[i].xpos.as_str())
    }

    /// Whether token `i`'s form or lemma is in `list` (a word class).
    pub fn is(&self, list: &[u32], i: usize) -> bool {
        Closed::is(list, self.ids[i]) || Closed::is(list, self.lemmas[i])
    }

    pub fn is_punct(&self, i: usize) -> bool {
        match self.upos(i) {
            Some(u) => u == Upos::PUNCT,
            None => {
                self.tokens[i]
                    .text
                    .chars()
                    .all(|c| c.is_ascii_punctuation())
                    && self.upper(i) != "'S"
            }
        }
    }

    /// Whether token `i` is a finite verb or a modal: the head of a clause.
    pub fn is_finite(&self, closed: &Closed, i: usize) -> bool {
        match self.xpos(i) {
            Some(x) => matches!(x, "VBD" | "VBZ" | "VBP" | "MD"),
            // Without tags: the common finite verbs, and dictionary verbs
            // in a form that is not "-ing".
            None => {
                self.is(&closed.common_verbs, i)
                    || (self.untagged_verb(closed, i) && !self.upper(i).ends_with("ING"))
            }
        }
    }

    /// Without tags: is the dictionary verb form at `i` used as a verb? Not
    /// after a determiner, a possessive or a preposition ("his march", "for a
    /// boycott", "in remarks"): there it is a noun.
    pub fn untagged_verb(&self, closed: &Closed, i: usize) -> bool {
        if self.verb_form.get(i) != Some(&true) || self.mention_at[i] != NONE {
            return false;
        }
        // "to" before a verb is the infinitive's.
        let before = self.upper(i.saturating_sub(1));
        i == 0
            || !(self.is(&closed.determiner, i - 1)
                || self.is(&closed.link, i - 1)
                || (is_preposition(before) && before != "TO"))
    }

    /// A dictionary verb form tagged as an adjective right after a noun is a
    /// verb: English puts no bare adjective between a subject and the rest
    /// of its clause ("the mayor left for Gondor").
    pub fn adjective_verb(&self, i: usize) -> bool {
        self.verb_form.get(i) == Some(&true)
            && self.upos(i) == Some(Upos::ADJ)
            && i > 0
            && matches!(
                self.upos(i - 1),
                Some(Upos::NOUN | Upos::PROPN | Upos::PRON)
            )
    }

    /// What token `j` is to a noun phrase around it: a preposition, a word
    /// of the phrase (determiner, modifier, noun, name), or neither.
    pub fn phrase_word(&self, closed: &Closed, j: usize) -> PhraseWord {
        // "of", the "than" of "more than" and "at least"/"at most": inside
        // the phrase (quantities, not prepositions).
        let at_least = |k: usize| {
            (self.upper(k) == "AT"
                && k + 1 < self.len()
                && matches!(self.upper(k + 1), "LEAST" | "MOST"))
                || (matches!(self.upper(k), "LEAST" | "MOST") && k > 0 && self.upper(k - 1) == "AT")
        };
        if self.is(&closed.of, j)
            || (self.upper(j) == "THAN" && j > 0 && self.is(&closed.comparative, j - 1))
            || at_least(j)
        {
            return PhraseWord::Inside;
        }
        // "hopes that Gondor ...": a clause begins, not a noun phrase; "on
        // Monday Gondor ...": a time ends one.
        if self.is(&closed.that, j) || self.is(&closed.time, j) {
            return PhraseWord::Other;
        }
        let (preposition, inside) = match self.upos(j) {
            Some(u) => (
                u == Upos::ADP,
                matches!(
                    u,
                    Upos::DET | Upos::ADJ | Upos::NUM | Upos::NOUN | Upos::PROPN | Upos::PART
                ) || self.is(&closed.determiner, j),
            ),
            None => (
                is_preposition(self.upper(j)) || self.is(&closed.place_prep, j),
                self.is(&closed.determiner, j)
                    || !(self.is_punct(j)
                        || self.verb_form[j]
                        || self.is_finite(closed, j)
                        || self.is(&closed.conjunction, j)
                        || self.is(&closed.subordinator, j)
                        || self.is(&closed.infinitive, j)),
            ),
        };
        if preposition {
            PhraseWord::Preposition
        } else if inside {
            PhraseWord::Inside
        } else {
            PhraseWord::Other
        }
    }

    /// The preposition whose object is the noun phrase that holds token
    /// `start`: the walk goes left over the words of the noun phrase ("in
    /// the northern city of Kirkuk", "on the future of Gondor") and stops at
    /// anything else, never before `floor`. `None`: not in a prepositional
    /// phrase.
    pub fn governing_prep(&self, closed: &Closed, start: usize, floor: usize) -> Option<usize> {
        let mut k = start;
        while k > floor && start - k < PREP_REACH {
            k -= 1;
            match self.phrase_word(closed, k) {
                PhraseWord::Preposition => return Some(k),
                PhraseWord::Inside => {}
                PhraseWord::Other => return None,
            }
        }
        None
    }

    /// The actor group where the thing a verb acts on is: "imposed a curfew
    /// in Gondor", "criticized the closure of inns in Bree", "appealed for
    /// peace in Rohan". The walk goes right from `from` (the verb's end) to
    /// `to` over noun phrases and their prepositions to the first actor
    /// group; it counts when a preposition of place joins it to a noun — not
    /// to the verb ("met in Geneva"), a time ("on Monday in Rohan"), or a
    /// meeting or deal, whose place is a venue ("talks in Geneva"). A topic
    /// ("accusations over the war in Rohan") ends the walk.
    pub fn located_target(&self, closed: &Closed, from: usize, to: usize) -> Option<u32> {
        for k in from..to.min(from + 4 * PREP_REACH) {
            if self.group_at[k] != NONE {
                let p = self.governing_prep(closed, k, from)?;
                let noun = p > from
                    && match self.upos(p - 1) {
                        Some(u) => matches!(u, Upos::NOUN | Upos::PROPN),
                        None => self.phrase_word(closed, p - 1) == PhraseWord::Inside,
                    }
                    && self.group_at[p - 1] == NONE
                    && !self.is(&closed.venue, p - 1)
                    && !self.is(&closed.time, p - 1);
                return (noun && self.is(&closed.locative, p)).then_some(self.group_at[k]);
            }
            match self.phrase_word(closed, k) {
                PhraseWord::Inside => {}
                // "rioted Monday at a jail in Gondor"
                _ if self.is(&closed.time, k) => {}
                PhraseWord::Preposition if !self.is(&closed.topic_prep, k) => {}
                // "threatened to impose a curfew in Gondor": the infinitive
                // names the act; "a hunting trip": a gerund modifies a noun.
                _ if self.is(&closed.infinitive, k)
                    || matches!(self.xpos(k), Some("VB" | "VBG")) => {}
                _ => return None,
            }
        }
        None
    }

    /// Whether the name at token `i` names a people (an adjective or a
    /// plural: "Iraqi", "Kurds", "Palestinians"), not a state.
    pub fn is_people(&self, i: usize) -> bool {
        matches!(self.xpos(i), Some("JJ" | "NNPS" | "NNS"))
    }

    pub fn is_adverb(&self, i: usize) -> bool {
        match self.upos(i) {
            Some(u) => u == Upos::ADV,
            None => {
                let w = self.upper(i);
                w.len() > 4 && w.ends_with("LY")
            }
        }
    }

    fn find_mentions(&mut self, compiled: &Compiled) {
        let n = self.len();
        // Tokens inside some role phrase ("forces" in "government forces").
        let mut role_word = vec![false; n];
        for k in 0..n {
            if let Some((end, _)) = compiled.agents.longest(&self.ids, k) {
                role_word[k..end].iter_mut().for_each(|r| *r = true);
            }
        }
        let mut i = 0;
        while i < n {
            let actor = compiled
                .actors
                .longest(&self.ids, i)
                .filter(|&(end, _)| self.looks_like_a_name(i, end));
            let agent = compiled.agents.longest(&self.ids, i);
            let pick = match (actor, agent) {
                (Some(a), Some(g)) if g.0 > a.0 => Some((g.0, Named::Agent(g.1))),
                (Some(a), _) => Some((a.0, Named::Actor(ActorRef::Entry(a.1)))),
                (None, Some(g)) => Some((g.0, Named::Agent(g.1))),
                (None, None) => None,
            };
            // A role word that only describes another noun ("military
            // aid", "police station") names no actor.
            let pick = pick.filter(|&(end, named)| {
                !matches!(named, Named::Agent(_)) || !self.describes_a_noun(i, end, &role_word)
            });
            match pick {
                Some((end, named)) => {
                    let person = matches!(named, Named::Actor(ActorRef::Entry(e))
                        if compiled.person.get(e as usize) == Some(&true));
                    self.mentions.push(Mention {
                        start: i,
                        end,
                        named,
                        person,
                    });
                    i = end;
                }
                None => i += 1,
            }
        }
        self.index_mentions();
    }

    /// Whether the words `start..end` are an adjective of a noun after them
    /// that is not itself a role or a name ("military" in "military aid").
    fn describes_a_noun(&self, start: usize, end: usize, role_word: &[bool]) -> bool {
        let Some(parse) = self.parse else {
            return false;
        };
        let last = end - 1;
        let word = &parse.words[last];
        let Some(head) = word.head.filter(|&h| h >= end) else {
            return false;
        };
        word.deprel == "amod"
            && word.upos == Upos::ADJ
            && (start..end).all(|k| parse.words[k].head.is_some_and(|h| h > k && h <= head))
            && matches!(parse.words[head].upos, Upos::NOUN)
            && role_word.get(head) == Some(&false)
    }

    /// Whether tokens `start..end` may be a name: in a sentence written in
    /// mixed case, a name is capitalized ("Turkey", not "turkey"; "China",
    /// not "china"); a sentence all in one case says nothing.
    fn looks_like_a_name(&self, start: usize, end: usize) -> bool {
        if !self.mixed_case {
            return true;
        }
        self.tokens[start..end].iter().any(|t| {
            t.text
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
    }

    /// Mention numbers per token, after mentions were found or added.
    fn index_mentions(&mut self) {
        self.mention_at.iter_mut().for_each(|m| *m = NONE);
        for (m, mention) in self.mentions.iter().enumerate() {
            for slot in &mut self.mention_at[mention.start..mention.end] {
                *slot = m as u32;
            }
        }
    }

    /// Adds mentions the document pass found (people known from a title,
    /// pronouns) where no lexicon mention stands, and rebuilds the actor
    /// groups.
    pub fn add_mentions(&mut self, closed: &Closed, extra: &[Mention]) {
        if extra.is_empty() {
            return;
        }
        for mention in extra {
            if mention.start < mention.end
                && mention.end <= self.len()
                && self.mention_at[mention.start..mention.end]
                    .iter()
                    .all(|&m| m == NONE)
            {
                self.mentions.push(*mention);
                for slot in &mut self.mention_at[mention.start..mention.end] {
                    *slot = u32::MAX - 1;
                }
            }
        }
        self.mentions.sort_by_key(|m| m.start);
        self.index_mentions();
        self.group_at.iter_mut().for_each(|g| *g = NONE);
        self.build_groups(closed);
    }

    /// May token `i` stand inside a noun phrase between two names?
    fn is_glue(&self, closed: &Closed, i: usize) -> bool {
        if self.is(&closed.determiner, i) || self.is(&closed.link, i) {
            return true;
        }
        if self.is(&closed.conjunction, i)
            || self.is(&closed.subordinator, i)
            || self.is(&closed.passive_agent, i)
        {
            return false;
        }
        match self.upos(i) {
            Some(_) if self.adjective_verb(i) => false,
            Some(u) => matches!(
                u,
                Upos::ADJ | Upos::NOUN | Upos::PROPN | Upos::NUM | Upos::DET | Upos::PART
            ),
            None => {
                !self.is_punct(i)
                    && !self.is_finite(closed, i)
                    && !self.verb_form[i]
                    && !self.is(&closed.infinitive, i)
                    && !is_preposition(self.upper(i))
            }
        }
    }

    /// `has_actor`: the noun phrase before the gap already names an actor
    /// or has an owner ("its riders").
    fn gap(&self, closed: &Closed, from: usize, to: usize, has_actor: bool) -> Gap {
        if to - from > LINK_GAP {
            return Gap::Apart;
        }
        // A preposition joins a role to its country ("ministers of Gondor"),
        // never two actors: "warned Gondor of the Prince" names two.
        // (After a conjunction a new noun phrase starts: "sheep and goats of Gondor".)
        let coordinator =
            (from..to).find(|&i| self.is(&closed.conjunction, i) || self.upper(i) == ",");
        if has_actor && (from..coordinator.unwrap_or(to)).any(|i| self.is(&closed.link, i)) {
            return Gap::Apart;
        }
        let mut coordinated = false;
        let mut conjunction = false;
        for i in from..to {
            let w = self.upper(i);
            if self.is(&closed.conjunction, i) || w == "," {
                conjunction |= w != ",";
                // "awful and evil minister": adjectives coordinated inside
                // one noun phrase.
                let adjectives = i > from
                    && i + 1 < to
                    && self.upos(i - 1) == Some(Upos::ADJ)
                    && self.upos(i + 1) == Some(Upos::ADJ);
                if !adjectives {
                    coordinated = true;
                }
                continue;
            }
            if !self.is_glue(closed, i) {
                return Gap::Apart;
            }
        }
        if coordinated {
            Gap::Coordinated(!conjunction)
        } else {
            Gap::Same
        }
    }

    fn build_groups(&mut self, closed: &Closed) {
        let mut groups: Vec<Group> = Vec::new();
        let mut previous_end: Option<usize> = None;
        for m in 0..self.mentions.len() {
            let mention = self.mentions[m];
            let gap = match previous_end {
                Some(end) => {
                    // "its riders from Gondor": riders with an owner are
                    // not Gondor's by the preposition.
                    let owned = groups.last().is_some_and(|g| {
                        g.start > 0
                            && matches!(
                                self.upper(g.start - 1),
                                "ITS" | "THEIR" | "HIS" | "HER" | "OUR" | "MY" | "YOUR"
                            )
                    });
                    let has_actor = owned
                        || groups
                            .last()
                            .and_then(|g| g.conjuncts.last())
                            .is_some_and(|c| c.actor.is_some());
                    self.gap(closed, end, mention.start, has_actor)
                }
                None => Gap::Apart,
            };
            let group = match (gap, groups.last_mut()) {
                (Gap::Apart, _) | (_, None) => {
                    groups.push(Group {
                        start: mention.start,
                        end: mention.end,
                        conjuncts: vec![Conjunct {
                            start: mention.start,
                            end: mention.end,
                            ..Conjunct::default()
                        }],
                    });
                    groups.last_mut().expect("just pushed")
                }
                (Gap::Coordinated(comma_only), Some(group)) => {
                    group.conjuncts.push(Conjunct {
                        start: mention.start,
                        end: mention.end,
                        comma_only,
                        ..Conjunct::default()
                    });
                    group
                }
                (Gap::Same, Some(group)) => group,
            };
            group.end = mention.end;
            let conjunct = group.conjuncts.last_mut().expect("a group has a conjunct");
            conjunct.end = mention.end;
            match mention.named {
                Named::Actor(actor) => {
                    // "Gondorian President Ana Quispe": the person, not the
                    // country of her title, is the actor.
                    if conjunct.actor.is_none() || (mention.person && !conjunct.person) {
                        if let Some((displaced, _)) = conjunct.actor {
                            conjunct.title = Some(displaced);
                        }
                        conjunct.actor = Some((actor, mention.start));
                        conjunct.person = mention.person;
                    }
                }
                Named::Agent(agent) => conjunct.agents.push((agent, mention.start)),
            }
            previous_end = Some(mention.end);
        }
        // "Rohan accused Mordor, a Gondor minister said": a last member
        // joined by a comma alone and followed by a finite verb is the
        // subject of a new clause, not a member of the list.
        let mut split: Vec<Group> = Vec::with_capacity(groups.len());
        // An English list ends with "and"/"or": members joined by commas
        // alone, with no conjunction anywhere, are appositions or separate
        // phrases ("with Gondor's help, Mordor"), each a group of its own.
        let mut lists: Vec<Group> = Vec::with_capacity(groups.len());
        for group in groups {
            let listed = group.conjuncts.iter().skip(1).any(|c| !c.comma_only);
            if listed || group.conjuncts.len() == 1 {
                lists.push(group);
                continue;
            }
            for c in group.conjuncts {
                lists.push(Group {
                    start: c.start,
                    end: c.end,
                    conjuncts: vec![Conjunct {
                        comma_only: false,
                        ..c
                    }],
                });
            }
        }
        for mut group in lists {
            let last = group.conjuncts.len() - 1;
            let mut next = group.end;
            while next < self.len()
                && (self.is(&closed.aux, next) || self.is(&closed.adverb, next))
                && !self.is_finite(closed, next)
            {
                next += 1;
            }
            if last > 0
                && group.conjuncts[last].comma_only
                && next < self.len()
                && self.is_finite(closed, next)
            {
                let tail = group.conjuncts.pop().expect("has a last conjunct");
                group.end = group.conjuncts[last - 1].end;
                split.push(group);
                split.push(Group {
                    start: tail.start,
                    end: tail.end,
                    conjuncts: vec![Conjunct {
                        comma_only: false,
                        ..tail
                    }],
                });
            } else {
                split.push(group);
            }
        }
        let mut groups = split;
        for (g, group) in groups.iter_mut().enumerate() {
            for slot in &mut self.group_at[group.start..group.end] {
                *slot = g as u32;
            }
            // "the former Gondorian president", "ex-minister": a word of
            // the past just before or inside a role.
            for c in &mut group.conjuncts {
                if !c.agents.is_empty() {
                    let from = c.start.saturating_sub(2);
                    c.former = (from..c.end).any(|k| self.is(&closed.former, k));
                }
            }
        }
        self.groups = groups;
    }
}

/// Prepositions that end a noun phrase when there is no parse.
fn is_preposition(word: &str) -> bool {
    matches!(
        word,
        "WITH"
            | "BY"
            | "FOR"
            | "ON"
            | "TO"
            | "AGAINST"
            | "INTO"
            | "OVER"
            | "UNDER"
            | "BETWEEN"
            | "AMONG"
            | "DURING"
            | "TOWARD"
            | "TOWARDS"
            | "NEAR"
            | "ABOUT"
            | "AFTER"
            | "BEFORE"
            | "THROUGH"
            | "ACROSS"
            | "UPON"
            | "WITHOUT"
            | "WITHIN"
            | "DESPITE"
            | "AS"
            | "THAN"
            | "VIA"
            | "PER"
            | "ALONG"
    )
}
