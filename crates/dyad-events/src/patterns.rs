//! Matching verb patterns against the words around a verb.
//!
//! A pattern's elements are matched in order; other words may stand between
//! them (the format's blank), but not inside a `{...}` noun phrase or an
//! `A_B` phrase. Words match a token's form, its lemma or its plural.
//! Slots (`$`, `+`, `%`) match where an actor group starts.

use dyad_types::Upos;

use crate::compile::{Compiled, El, NONE};
use crate::sentence::Analysis;

/// What a successful match found in the slots.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Slots {
    /// Group index of `$`.
    pub source: Option<u32>,
    /// Group index of `+`.
    pub target: Option<u32>,
    /// Group index of `%`.
    pub compound: Option<u32>,
    /// Tokens matched by words and synonym sets.
    pub literal: usize,
}

pub(crate) struct Matcher<'a, 'b> {
    pub compiled: &'a Compiled,
    pub sentence: &'a Analysis<'b>,
    /// Matching steps left: backtracking over a very long sentence must not
    /// take unbounded time; a pattern not found within the budget fails.
    pub budget: std::cell::Cell<u32>,
}

/// Steps one pattern may take.
pub(crate) const PATTERN_BUDGET: u32 = 20_000;

impl Matcher<'_, '_> {
    fn word_at(&self, i: usize, word: u32, plural: u32) -> bool {
        let id = self.sentence.ids[i];
        let lemma = self.sentence.lemmas[i];
        // (A form the dictionaries never wrote may still have their lemma:
        // "tried" for TRY.)
        (id != NONE && (id == word || id == plural)) || (lemma != NONE && lemma == word)
    }

    /// Length of a synonym-set phrase starting at `i`, if one does (the longest).
    fn set_at(&self, i: usize, set: u32, end: usize) -> Option<usize> {
        let phrases = self.compiled.sets.get(set as usize)?;
        phrases
            .iter()
            .filter(|p| {
                !p.is_empty()
                    && i + p.len() <= end
                    && p.iter().enumerate().all(|(k, &w)| {
                        let id = self.sentence.ids[i + k];
                        // The last word may be the lemma of the token ("cease-fires").
                        id == w || (k + 1 == p.len() && self.sentence.lemmas[i + k] == w)
                    })
            })
            .map(Vec::len)
            .max()
    }

    /// Matches `elements` exactly from `i` (no gaps): the end position.
    fn exact(&self, elements: &[El], i: usize, end: usize, slots: &mut Slots) -> Option<usize> {
        let mut at = i;
        for element in elements {
            at = self.one(element, at, end, slots)?;
        }
        Some(at)
    }

    /// Matches a `{...}` noun phrase from `i`: its words in order, with
    /// nothing between them but other modifiers of the same noun ("{NEW
    /// RELATIONS}" in "new economic relations").
    fn phrase(&self, elements: &[El], i: usize, end: usize, slots: &mut Slots) -> Option<usize> {
        let Some((first, rest)) = elements.split_first() else {
            return Some(i);
        };
        let mut at = self.one(first, i, end, slots)?;
        for element in rest {
            loop {
                let mut trial = *slots;
                if let Some(next) = self.one(element, at, end, &mut trial) {
                    *slots = trial;
                    at = next;
                    break;
                }
                let modifier = at < end
                    && self.sentence.upos(at) == Some(Upos::ADJ)
                    && self.sentence.group_at[at] == NONE;
                if !modifier {
                    return None;
                }
                at += 1;
            }
        }
        Some(at)
    }

    /// Matches one element starting exactly at `i`: the position after it.
    fn one(&self, element: &El, i: usize, end: usize, slots: &mut Slots) -> Option<usize> {
        if i >= end {
            return None;
        }
        match element {
            El::Word(w, p) => {
                let next = self.word_at(i, *w, *p).then_some(i + 1)?;
                slots.literal += 1;
                Some(next)
            }
            El::Set(s) => {
                let len = self.set_at(i, *s, end)?;
                slots.literal += len;
                Some(i + len)
            }
            El::Phrase(inner) => self.phrase(inner, i, end, slots),
            El::Alt(alts) => alts.iter().find_map(|alt| {
                let mut trial = *slots;
                let out = self.exact(alt, i, end, &mut trial)?;
                *slots = trial;
                Some(out)
            }),
            El::Prep(inner) => {
                let (head, rest) = inner.split_first()?;
                let after = self.one(head, i, end, slots)?;
                // The rest of the phrase lies within its noun phrase: up to
                // the next preposition-like break, with gaps.
                self.gapped(rest, after, end, slots)
            }
            El::Source | El::Target | El::Compound => {
                let g = self.sentence.group_at[i];
                if g == NONE || self.sentence.groups[g as usize].start != i {
                    return None;
                }
                let group = &self.sentence.groups[g as usize];
                match element {
                    El::Source => slots.source = Some(g),
                    El::Target => slots.target = Some(g),
                    _ => {
                        if group.conjuncts.len() < 2 {
                            return None;
                        }
                        slots.compound = Some(g);
                    }
                }
                Some(group.end)
            }
            El::Skip => Some(self.noun_phrase_end(i, end)),
        }
    }

    /// `^` skips a noun phrase: determiners and modifiers, then an actor
    /// group or the nouns that head the phrase.
    fn noun_phrase_end(&self, i: usize, end: usize) -> usize {
        let a = self.sentence;
        let closed = &self.compiled.closed;
        let mut k = i;
        while k < end
            && a.group_at[k] == NONE
            && (a.is(&closed.determiner, k)
                || matches!(a.upos(k), Some(Upos::ADJ | Upos::NUM | Upos::DET)))
        {
            k += 1;
        }
        if k < end && a.group_at[k] != NONE {
            return a.groups[a.group_at[k] as usize].end.min(end).max(k + 1);
        }
        let head = k;
        while k < end
            && a.group_at[k] == NONE
            && matches!(a.upos(k), Some(Upos::NOUN | Upos::PROPN))
        {
            k += 1;
        }
        if k == head {
            (head + 1).min(end).max(i + 1)
        } else {
            k
        }
    }

    /// Matches `elements` in order from `start`, allowing words between them.
    pub fn gapped(
        &self,
        elements: &[El],
        start: usize,
        end: usize,
        slots: &mut Slots,
    ) -> Option<usize> {
        let Some((first, rest)) = elements.split_first() else {
            return Some(start);
        };
        for i in start..end {
            let left = self.budget.get();
            if left == 0 {
                return None;
            }
            self.budget.set(left - 1);
            // A bare word of a pattern stands for the head of a noun phrase
            // (the format's definition): it does not match an adverb.
            if matches!(first, El::Word(..)) && self.sentence.upos(i) == Some(Upos::ADV) {
                continue;
            }
            let mut trial = *slots;
            if let Some(next) = self.one(first, i, end, &mut trial) {
                if let Some(out) = self.gapped(rest, next, end, &mut trial) {
                    *slots = trial;
                    return Some(out);
                }
            }
            // A slot must take the first group it meets: "+" is the nearest
            // actor, not any actor further on.
            if matches!(first, El::Source | El::Target | El::Compound)
                && self.sentence.group_at[i] != NONE
            {
                return None;
            }
        }
        None
    }
}
