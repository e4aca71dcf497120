//! The lexicon turned into lookup structures: interned upper-case words,
//! word tries for actors, agents and discards, a verb-form index and
//! patterns with their words resolved.

use std::collections::HashMap;

use dyad_lexicon::{Element, EventCode, Lexicon, Placement};

/// "No word": a token that no dictionary contains.
pub(crate) const NONE: u32 = u32::MAX;

/// Upper-case dictionary words, each with a number.
#[derive(Default)]
pub(crate) struct Vocab {
    map: HashMap<Box<str>, u32>,
}

impl Vocab {
    pub fn intern(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.map.get(word) {
            return id;
        }
        let id = self.map.len() as u32;
        self.map.insert(word.into(), id);
        id
    }

    pub fn get(&self, word: &str) -> u32 {
        self.map.get(word).copied().unwrap_or(NONE)
    }
}

/// A trie over word numbers, one `u32` value per phrase (later insertions win).
#[derive(Default)]
pub(crate) struct Trie {
    edges: HashMap<(u32, u32), u32>,
    values: Vec<u32>,
}

impl Trie {
    fn insert(&mut self, words: &[u32], value: u32) {
        if self.values.is_empty() {
            self.values.push(NONE);
        }
        let mut node = 0u32;
        for &w in words {
            let next = self.values.len() as u32;
            node = *self.edges.entry((node, w)).or_insert(next);
            if node == next {
                self.values.push(NONE);
            }
        }
        self.values[node as usize] = value;
    }

    /// The longest phrase starting at `start`: (end, value).
    pub fn longest(&self, ids: &[u32], start: usize) -> Option<(usize, u32)> {
        if self.values.is_empty() {
            return None;
        }
        let mut node = 0u32;
        let mut best = None;
        for (i, &w) in ids.iter().enumerate().skip(start) {
            if w == NONE {
                break;
            }
            match self.edges.get(&(node, w)) {
                Some(&next) => {
                    node = next;
                    let value = self.values[node as usize];
                    if value != NONE {
                        best = Some((i + 1, value));
                    }
                }
                None => break,
            }
        }
        best
    }
}

/// One form of a dictionary verb, as word numbers.
pub(crate) struct VerbForm {
    pub block: u32,
    pub entry: u32,
    /// Words before the inflected word (`WIRE` in "wire tapped").
    pub before: Vec<u32>,
    /// Words after it (`OFF` in "cordoned off").
    pub after: Vec<u32>,
}

/// A pattern element with words resolved to numbers.
#[derive(Debug, Clone)]
pub(crate) enum El {
    /// A word and its plural.
    Word(u32, u32),
    Set(u32),
    Phrase(Vec<El>),
    Alt(Vec<Vec<El>>),
    Prep(Vec<El>),
    Source,
    Target,
    Compound,
    Skip,
}

pub(crate) struct CompiledPattern {
    pub before: Vec<El>,
    pub after: Vec<El>,
    pub code: EventCode,
    /// Literal words in the pattern: more words, more specific.
    pub words: usize,
    /// Whether the pattern spells out a negation ("NOT", "N'T", "NEVER").
    pub negated: bool,
    /// Words the pattern cannot match without (each as word and plural):
    /// a quick test before the real match.
    pub required: Vec<(u32, u32)>,
    /// The prepositions of its prepositional phrases: a pattern that names
    /// "(ABOUT)" speaks of what follows "about".
    pub preps: Vec<u32>,
}

fn prepositions(elements: &[El], out: &mut Vec<u32>) {
    for e in elements {
        match e {
            El::Prep(inner) => {
                if let Some(El::Word(w, _)) = inner.first() {
                    out.push(*w);
                }
                prepositions(inner, out);
            }
            El::Phrase(inner) => prepositions(inner, out),
            El::Alt(alts) => alts.iter().for_each(|alt| prepositions(alt, out)),
            _ => {}
        }
    }
}

fn required_words(elements: &[El], out: &mut Vec<(u32, u32)>) {
    for e in elements {
        match e {
            El::Word(w, p) => out.push((*w, *p)),
            El::Phrase(inner) | El::Prep(inner) => required_words(inner, out),
            _ => {}
        }
    }
}

pub(crate) struct Discard {
    /// All words but the last, matched whole.
    pub head: Vec<u32>,
    /// The last word, matched as a stem unless `whole`.
    pub last: Box<str>,
    pub whole: bool,
    pub story: bool,
}

pub(crate) struct Compiled {
    pub vocab: Vocab,
    pub actors: Trie,
    /// For each actor entry, whether it is a person: an office-holder with
    /// dated codes.
    pub person: Vec<bool>,
    /// The one office-holder whose name has this first and last word.
    first_last: HashMap<(u32, u32), u32>,
    pub agents: Trie,
    pub verb_forms: HashMap<u32, Vec<VerbForm>>,
    /// Phrases of each synonym set.
    pub sets: Vec<Vec<Vec<u32>>>,
    /// Patterns of each verb block.
    pub patterns: Vec<Vec<CompiledPattern>>,
    /// For each verb block, the prepositions its patterns give the target
    /// with, in a pattern that is the verb and the phrase alone
    /// ("- * (AT +)": "fired at Gondor"). Such a preposition introduces the
    /// target of the verb even where it usually names a place or topic.
    pub target_preps: Vec<Vec<u32>>,
    /// Multi-word discards by their first word.
    pub discards_by_first: HashMap<u32, Vec<usize>>,
    /// One-word discards by their (stem) text.
    discards_single: HashMap<Box<str>, usize>,
    /// The longest one-word discard, in bytes: longer prefixes of a word
    /// need no look-up (a word of a million letters costs no more).
    discards_single_max: usize,
    pub discards: Vec<Discard>,
    /// Word numbers of closed-class words the coder looks at.
    pub closed: crate::words::Closed,
}

fn is_negation(word: &str) -> bool {
    matches!(word, "NOT" | "N'T" | "NEVER" | "NO")
}

fn compile_elements(
    elements: &[Element],
    vocab: &mut Vocab,
    set_index: &HashMap<String, u32>,
    words: &mut usize,
    negated: &mut bool,
) -> Vec<El> {
    elements
        .iter()
        .filter_map(|e| {
            Some(match e {
                Element::Word(w) => {
                    *words += 1;
                    *negated |= is_negation(w);
                    // A word the text splits ("CEASE-FIRE" is "CEASE - FIRE")
                    // is matched as the phrase of its parts.
                    let parts = if w.bytes().all(|b| b.is_ascii_alphanumeric()) {
                        Vec::new()
                    } else {
                        dyad_text::tokenize(w)
                    };
                    if parts.len() > 1 {
                        let last = parts.len() - 1;
                        El::Phrase(
                            parts
                                .iter()
                                .enumerate()
                                .map(|(k, t)| {
                                    let plural = if k == last {
                                        dyad_lexicon::agents::plural_of(&t.text)
                                    } else {
                                        t.text.clone()
                                    };
                                    El::Word(vocab.intern(&t.text), vocab.intern(&plural))
                                })
                                .collect(),
                        )
                    } else {
                        let plural = dyad_lexicon::agents::plural_of(w);
                        El::Word(vocab.intern(w), vocab.intern(&plural))
                    }
                }
                Element::Synset(name) => {
                    *words += 1;
                    El::Set(*set_index.get(name)?)
                }
                Element::Phrase(inner) => {
                    El::Phrase(compile_elements(inner, vocab, set_index, words, negated))
                }
                Element::Prep(inner) => {
                    El::Prep(compile_elements(inner, vocab, set_index, words, negated))
                }
                Element::Alternatives(alts) => El::Alt(
                    alts.iter()
                        .map(|a| compile_elements(a, vocab, set_index, words, negated))
                        .collect(),
                ),
                Element::Source => El::Source,
                Element::Target => El::Target,
                Element::Compound => El::Compound,
                Element::Skip => El::Skip,
            })
        })
        .collect()
}

impl Compiled {
    pub fn new(lexicon: &Lexicon) -> Compiled {
        let mut vocab = Vocab::default();
        let closed = crate::words::Closed::new(&mut vocab, &lexicon.words);
        let ids = |vocab: &mut Vocab, words: &[String]| -> Vec<u32> {
            words.iter().map(|w| vocab.intern(w)).collect()
        };
        // Names are split as the text is ("AL-QAEDA" is "AL - QAEDA",
        // "PEOPLE'S" is "PEOPLE 'S") and folded as it is ("CÔTE" is "COTE").
        let name_ids = |vocab: &mut Vocab, words: &[String]| -> Vec<u32> {
            let mut out = Vec::with_capacity(words.len());
            let mut folded = String::new();
            for word in words {
                for token in dyad_text::tokenize(word) {
                    folded.clear();
                    dyad_text::fold_upper(&token.text, &mut folded);
                    out.push(vocab.intern(&folded));
                }
            }
            out
        };

        let mut actors = Trie::default();
        for (index, entry) in lexicon.actors.iter().enumerate() {
            for name in &entry.names {
                let words = name_ids(&mut vocab, name);
                actors.insert(&words, index as u32);
            }
        }
        let person: Vec<bool> = lexicon
            .actors
            .iter()
            .map(|a| {
                a.codes
                    .iter()
                    .any(|c| c.range != dyad_lexicon::DateRange::Always)
            })
            .collect();
        // Office-holders by the first and last word of their names.
        let mut first_last: HashMap<(u32, u32), u32> = HashMap::new();
        for (index, entry) in lexicon.actors.iter().enumerate() {
            if !person[index] {
                continue;
            }
            for name in &entry.names {
                let words = name_ids(&mut vocab, name);
                if let (Some(&first), Some(&last)) = (words.first(), words.last()) {
                    if words.len() >= 2 && first != last {
                        first_last
                            .entry((first, last))
                            .and_modify(|e| {
                                if *e != index as u32 {
                                    *e = NONE;
                                }
                            })
                            .or_insert(index as u32);
                    }
                }
            }
        }
        first_last.retain(|_, e| *e != NONE);
        let mut agents = Trie::default();
        for (index, entry) in lexicon.agents.iter().enumerate() {
            let words = name_ids(&mut vocab, &entry.words);
            agents.insert(&words, index as u32);
        }

        let mut verb_forms: HashMap<u32, Vec<VerbForm>> = HashMap::new();
        for (b, block) in lexicon.verbs.blocks.iter().enumerate() {
            for (v, verb) in block.verbs.iter().enumerate() {
                for form in &verb.forms {
                    let words = ids(&mut vocab, form);
                    let Some(&key) = words.get(verb.verb_index) else {
                        continue;
                    };
                    verb_forms.entry(key).or_default().push(VerbForm {
                        block: b as u32,
                        entry: v as u32,
                        before: words[..verb.verb_index].to_vec(),
                        after: words[verb.verb_index + 1..].to_vec(),
                    });
                }
            }
        }
        // Longer forms first: "broken down" before "broken".
        for forms in verb_forms.values_mut() {
            forms.sort_by_key(|f| std::cmp::Reverse(f.before.len() + f.after.len()));
        }

        let mut set_index = HashMap::new();
        let mut sets = Vec::new();
        let mut names: Vec<&String> = lexicon.verbs.synsets.keys().collect();
        names.sort();
        for name in names {
            let set = &lexicon.verbs.synsets[name];
            set_index.insert(name.clone(), sets.len() as u32);
            sets.push(
                set.phrases
                    .iter()
                    .map(|p| name_ids(&mut vocab, p))
                    .collect(),
            );
        }
        let patterns: Vec<Vec<CompiledPattern>> = lexicon
            .verbs
            .blocks
            .iter()
            .map(|block| {
                block
                    .patterns
                    .iter()
                    .map(|p| {
                        let mut words = 0;
                        let mut negated = false;
                        let before = compile_elements(
                            &p.before,
                            &mut vocab,
                            &set_index,
                            &mut words,
                            &mut negated,
                        );
                        let after = compile_elements(
                            &p.after,
                            &mut vocab,
                            &set_index,
                            &mut words,
                            &mut negated,
                        );
                        let mut required = Vec::new();
                        required_words(&before, &mut required);
                        required_words(&after, &mut required);
                        let mut preps = Vec::new();
                        prepositions(&before, &mut preps);
                        prepositions(&after, &mut preps);
                        CompiledPattern {
                            preps,
                            required,
                            before,
                            after,
                            code: p.code.clone(),
                            words,
                            negated,
                        }
                    })
                    .collect()
            })
            .collect();

        let target_preps = patterns
            .iter()
            .map(|block: &Vec<CompiledPattern>| {
                let mut preps: Vec<u32> = block
                    .iter()
                    .filter(|p| p.before.is_empty())
                    .filter_map(|p| match p.after.as_slice() {
                        [El::Prep(inner)] if inner.iter().any(|e| matches!(e, El::Target)) => {
                            match inner.first() {
                                Some(El::Word(w, _)) => Some(*w),
                                _ => None,
                            }
                        }
                        _ => None,
                    })
                    .collect();
                preps.sort_unstable();
                preps.dedup();
                preps
            })
            .collect();

        let mut discards = Vec::new();
        let mut discards_by_first: HashMap<u32, Vec<usize>> = HashMap::new();
        let mut discards_single: HashMap<Box<str>, usize> = HashMap::new();
        for entry in &lexicon.discards {
            let Some((last, head)) = entry.words.split_last() else {
                continue;
            };
            let index = discards.len();
            let head = ids(&mut vocab, head);
            match head.first() {
                Some(&first) => discards_by_first.entry(first).or_default().push(index),
                None => {
                    discards_single.insert(last.as_str().into(), index);
                }
            }
            discards.push(Discard {
                head,
                last: last.as_str().into(),
                whole: entry.whole_word,
                story: entry.story,
            });
        }

        Compiled {
            vocab,
            actors,
            person,
            first_last,
            agents,
            verb_forms,
            sets,
            patterns,
            target_preps,
            discards_by_first,
            discards_single_max: discards_single.keys().map(|k| k.len()).max().unwrap_or(0),
            discards_single,
            discards,
            closed,
        }
    }
}

/// Placement of an agent, re-exported for the coder.
impl Compiled {
    /// Whether a one-word discard (a story discard when `story`) matches
    /// `word`, an upper-case token: the whole word, or a prefix of it when
    /// the discard is a stem.
    pub fn single_discard(&self, word: &str, story: bool) -> bool {
        let limit = self.discards_single_max.min(word.len());
        let prefixes = word
            .char_indices()
            .skip(1)
            .map(|(cut, _)| cut)
            .take_while(|&cut| cut <= limit);
        prefixes.chain(std::iter::once(word.len())).any(|cut| {
            self.discards_single.get(&word[..cut]).is_some_and(|&d| {
                let discard = &self.discards[d];
                discard.story == story && (!discard.whole || cut == word.len())
            })
        })
    }

    /// The one office-holder of the lexicon whose name starts with word
    /// `first` and ends with word `last` ("Omar ... Bashir").
    pub fn person_by_first_last(&self, first: u32, last: u32) -> Option<u32> {
        if first == NONE || last == NONE {
            return None;
        }
        self.first_last.get(&(first, last)).copied()
    }
}

pub(crate) fn is_prefix(placement: Placement) -> bool {
    placement == Placement::Before
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trie_finds_the_longest_phrase() {
        let mut trie = Trie::default();
        trie.insert(&[1, 2], 10);
        trie.insert(&[1], 11);
        trie.insert(&[1, 2, 3, 4], 12);
        assert_eq!(trie.longest(&[1, 2, 3, 5], 0), Some((2, 10)));
        assert_eq!(trie.longest(&[1, 2, 3, 4], 0), Some((4, 12)));
        assert_eq!(trie.longest(&[7, 1], 1), Some((2, 11)));
        assert_eq!(trie.longest(&[7, 1], 0), None);
        trie.insert(&[1], 13);
        assert_eq!(
            trie.longest(&[1], 0),
            Some((1, 13)),
            "a later entry replaces an earlier one"
        );
    }
}
