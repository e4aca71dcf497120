//! Parsed sentences: part of speech, lemma and dependency head of every token.

use serde::{Deserialize, Serialize};

/// Universal part-of-speech tags (Universal Dependencies v2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[allow(clippy::upper_case_acronyms)]
pub enum Upos {
    ADJ,
    ADP,
    ADV,
    AUX,
    CCONJ,
    DET,
    INTJ,
    NOUN,
    NUM,
    PART,
    PRON,
    PROPN,
    PUNCT,
    SCONJ,
    SYM,
    VERB,
    X,
}

impl Upos {
    pub const ALL: [Upos; 17] = [
        Upos::ADJ,
        Upos::ADP,
        Upos::ADV,
        Upos::AUX,
        Upos::CCONJ,
        Upos::DET,
        Upos::INTJ,
        Upos::NOUN,
        Upos::NUM,
        Upos::PART,
        Upos::PRON,
        Upos::PROPN,
        Upos::PUNCT,
        Upos::SCONJ,
        Upos::SYM,
        Upos::VERB,
        Upos::X,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Upos::ADJ => "ADJ",
            Upos::ADP => "ADP",
            Upos::ADV => "ADV",
            Upos::AUX => "AUX",
            Upos::CCONJ => "CCONJ",
            Upos::DET => "DET",
            Upos::INTJ => "INTJ",
            Upos::NOUN => "NOUN",
            Upos::NUM => "NUM",
            Upos::PART => "PART",
            Upos::PRON => "PRON",
            Upos::PROPN => "PROPN",
            Upos::PUNCT => "PUNCT",
            Upos::SCONJ => "SCONJ",
            Upos::SYM => "SYM",
            Upos::VERB => "VERB",
            Upos::X => "X",
        }
    }

    pub fn parse(s: &str) -> Option<Upos> {
        Upos::ALL.into_iter().find(|u| u.as_str() == s)
    }
}

/// The analysis of one token (same index as the sentence's token).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParsedWord {
    pub lemma: String,
    pub upos: Upos,
    /// Penn Treebank tag.
    pub xpos: String,
    /// Index of the head token, 0-based; `None` for the root.
    pub head: Option<usize>,
    /// Universal Dependencies relation, with subtype (`nsubj:pass`).
    pub deprel: String,
}

/// A sentence's parse: one [`ParsedWord`] per token.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ParsedSentence {
    pub words: Vec<ParsedWord>,
}

impl ParsedSentence {
    /// Dependents of token `head`, in sentence order.
    pub fn children(&self, head: usize) -> impl Iterator<Item = usize> + '_ {
        self.words
            .iter()
            .enumerate()
            .filter(move |(_, w)| w.head == Some(head))
            .map(|(i, _)| i)
    }

    /// The head of the words `span`: the first whose own head lies outside
    /// it (or that is the root). `None` for an empty or out-of-range span.
    pub fn head_of(&self, span: std::ops::Range<usize>) -> Option<usize> {
        let (start, end) = (span.start, span.end.min(self.words.len()));
        (start..end).find(|&k| self.words[k].head.is_none_or(|h| h < start || h >= end))
    }

    /// The first dependent of `head` whose relation is `deprel` (exactly, or
    /// as the base of a subtyped relation: `"nsubj"` matches `nsubj:pass`).
    pub fn child_with(&self, head: usize, deprel: &str) -> Option<usize> {
        self.children(head)
            .find(|&i| rel_is(&self.words[i].deprel, deprel))
    }

    /// All dependents of `head` with relation `deprel` (or its subtypes).
    pub fn children_with<'a>(
        &'a self,
        head: usize,
        deprel: &'a str,
    ) -> impl Iterator<Item = usize> + 'a {
        self.children(head)
            .filter(move |&i| rel_is(&self.words[i].deprel, deprel))
    }

    /// The root word (the one without a head).
    pub fn root(&self) -> Option<usize> {
        self.words.iter().position(|w| w.head.is_none())
    }

    /// The grammatical subject of `verb` as the parse attaches it: `nsubj`,
    /// `nsubj:pass`, `csubj` (and `:outer` variants); of two (a misparse
    /// may hang a dateline's place on the verb too), the nearest before the
    /// verb. For a copular clause ("X is a threat") `verb` is the predicate
    /// (`threat`).
    pub fn subject(&self, verb: usize) -> Option<usize> {
        let subjects = || {
            self.children(verb).filter(|&c| {
                let rel = self.words[c].deprel.as_str();
                rel_is(rel, "nsubj") || rel_is(rel, "csubj") || rel == "nsubjpass"
            })
        };
        subjects()
            .filter(|&c| c < verb)
            .last()
            .or_else(|| subjects().next())
    }

    /// The subject, also when it is understood: a verb coordinated with an
    /// earlier one shares its subject ("X met Y and signed Z"); an
    /// infinitive complement (`xcomp`) is controlled by its governor's
    /// object when there is one ("urged Gondor to attack") and else by its
    /// governor's subject ("agreed to meet"); an infinitive of purpose
    /// (`advcl` with "to": "met Kerry to discuss") shares its governor's
    /// subject. Follows at most four such links.
    pub fn effective_subject(&self, verb: usize) -> Option<usize> {
        let mut v = verb;
        for _ in 0..4 {
            if let Some(s) = self.subject(v) {
                return Some(s);
            }
            let w = self.words.get(v)?;
            let rel = w.deprel.as_str();
            let head = w.head?;
            if rel_is(rel, "xcomp") {
                let object = self
                    .children(head)
                    .find(|&c| matches!(self.words[c].deprel.as_str(), "obj" | "dobj" | "iobj"));
                if object.is_some() {
                    return object;
                }
                v = head;
            } else if rel_is(rel, "conj")
                || (rel_is(rel, "advcl")
                    && self
                        .children(v)
                        .any(|c| self.words[c].deprel == "mark" && self.words[c].lemma == "to"))
            {
                v = head;
            } else {
                return None;
            }
        }
        None
    }

    /// The direct object (`obj`) of `verb`.
    pub fn object(&self, verb: usize) -> Option<usize> {
        self.child_with(verb, "obj")
    }

    /// The indirect object (`iobj`) of `verb`.
    pub fn indirect_object(&self, verb: usize) -> Option<usize> {
        self.child_with(verb, "iobj")
    }

    /// Oblique arguments of `verb` (`obl`, `obl:agent`, ...): each noun with
    /// the lowercased lemma of its preposition (`case` dependent), if any;
    /// a multiword preposition ("because of") is joined with a space.
    pub fn obliques(&self, verb: usize) -> Vec<(usize, Option<String>)> {
        self.children_with(verb, "obl")
            .map(|noun| (noun, self.preposition(noun)))
            .collect()
    }

    /// The preposition (`case` dependents, with their `fixed` parts) of a noun.
    pub fn preposition(&self, noun: usize) -> Option<String> {
        let case = self.child_with(noun, "case")?;
        let mut parts = vec![self.words[case].lemma.to_lowercase()];
        parts.extend(
            self.children_with(case, "fixed")
                .map(|i| self.words[i].lemma.to_lowercase()),
        );
        Some(parts.join(" "))
    }

    /// The agent of a passive verb ("attacked by rebels"): an `obl:agent`, or
    /// an `obl` introduced by "by".
    pub fn agent(&self, verb: usize) -> Option<usize> {
        self.children_with(verb, "obl")
            .find(|&i| self.words[i].deprel == "obl:agent")
            .or_else(|| {
                self.obliques(verb)
                    .into_iter()
                    .find(|(_, p)| p.as_deref() == Some("by"))
                    .map(|(i, _)| i)
            })
    }

    /// True when `verb` is negated: a dependent "not", "n't", "never" or "no"
    /// (`advmod`, `neg`, `det` of the verb itself or its auxiliary).
    pub fn is_negated(&self, verb: usize) -> bool {
        let neg = |i: usize| {
            let w = &self.words[i];
            let l = w.lemma.to_lowercase();
            let f = l.as_str();
            (matches!(f, "not" | "n't" | "never" | "no")
                && (rel_is(&w.deprel, "advmod") || w.deprel == "neg"))
                || (f == "not" && w.upos == Upos::PART)
        };
        self.children(verb)
            .any(|c| neg(c) || (rel_is(&self.words[c].deprel, "aux") && self.children(c).any(neg)))
    }

    /// True when `verb` is in the passive voice: an `aux:pass` dependent,
    /// or a passive subject (`nsubj:pass`, `csubj:pass`) with an auxiliary
    /// — "Police attacked Gondor" with "Police" labelled a passive subject
    /// and no auxiliary is a misparse of an active verb.
    pub fn is_passive(&self, verb: usize) -> bool {
        let has = |rels: &[&str]| {
            self.children(verb)
                .any(|c| rels.contains(&self.words[c].deprel.as_str()))
        };
        has(&["aux:pass", "auxpass"])
            || (has(&["nsubj:pass", "csubj:pass", "nsubjpass"]) && has(&["aux"]))
    }

    /// `word` and its conjuncts in sentence order ("Russia and China" → both).
    /// UD attaches every conjunct to the first one.
    pub fn conjuncts(&self, word: usize) -> Vec<usize> {
        let mut first = word;
        if let Some(w) = self.words.get(word) {
            if rel_is(&w.deprel, "conj") {
                if let Some(h) = w.head {
                    first = h;
                }
            }
        }
        let mut out = vec![first];
        out.extend(self.children_with(first, "conj"));
        out.sort_unstable();
        out
    }

    /// The clausal complement of `verb`: a `ccomp` ("said that X attacked Y")
    /// or else an `xcomp` ("accused X of ..." / "agreed to meet").
    pub fn clausal_complement(&self, verb: usize) -> Option<usize> {
        self.child_with(verb, "ccomp")
            .or_else(|| self.child_with(verb, "xcomp"))
    }

    /// The word indices of `word`'s subtree, in sentence order.
    pub fn subtree(&self, word: usize) -> Vec<usize> {
        let mut out = vec![word];
        let mut k = 0;
        while k < out.len() {
            let h = out[k];
            out.extend(self.children(h));
            k += 1;
            if out.len() > self.words.len() {
                break; // a cycle in a malformed parse
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// True when `rel` is `base` or a subtype of it (`nsubj:pass` is `nsubj`).
fn rel_is(rel: &str, base: &str) -> bool {
    rel == base
        || (rel.len() > base.len() && rel.starts_with(base) && rel.as_bytes()[base.len()] == b':')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Builds a parse from (form, lemma, upos, head 1-based or 0, deprel).
    fn sent(words: &[(&str, &str, Upos, usize, &str)]) -> ParsedSentence {
        ParsedSentence {
            words: words
                .iter()
                .map(|&(_, lemma, upos, head, deprel)| ParsedWord {
                    lemma: lemma.to_string(),
                    upos,
                    xpos: String::new(),
                    head: head.checked_sub(1),
                    deprel: deprel.to_string(),
                })
                .collect(),
        }
    }

    use Upos::*;

    #[test]
    fn subject_object_and_oblique_with_preposition() {
        // Russia did not sanction Ukraine over the deal .
        let s = sent(&[
            ("Russia", "Russia", PROPN, 4, "nsubj"),
            ("did", "do", AUX, 4, "aux"),
            ("not", "not", PART, 4, "advmod"),
            ("sanction", "sanction", VERB, 0, "root"),
            ("Ukraine", "Ukraine", PROPN, 4, "obj"),
            ("over", "over", ADP, 8, "case"),
            ("the", "the", DET, 8, "det"),
            ("deal", "deal", NOUN, 4, "obl"),
        ]);
        assert_eq!(s.root(), Some(3));
        assert_eq!(s.subject(3), Some(0));
        assert_eq!(s.object(3), Some(4));
        assert_eq!(s.obliques(3), vec![(7, Some("over".to_string()))]);
        assert!(s.is_negated(3));
        assert!(!s.is_passive(3));
        assert_eq!(s.subtree(7), vec![5, 6, 7]);
    }

    #[test]
    fn understood_subjects_of_infinitives_and_conjuncts() {
        // Rohan urged Gondor to attack Mordor and met Eriador to talk .
        let s = sent(&[
            ("Rohan", "Rohan", PROPN, 2, "nsubj"),
            ("urged", "urge", VERB, 0, "root"),
            ("Gondor", "Gondor", PROPN, 2, "obj"),
            ("to", "to", PART, 5, "mark"),
            ("attack", "attack", VERB, 2, "xcomp"),
            ("Mordor", "Mordor", PROPN, 5, "obj"),
            ("and", "and", CCONJ, 8, "cc"),
            ("met", "meet", VERB, 2, "conj"),
            ("Eriador", "Eriador", PROPN, 8, "obj"),
            ("to", "to", PART, 11, "mark"),
            ("talk", "talk", VERB, 8, "advcl"),
        ]);
        // Object control, a shared subject, an infinitive of purpose.
        assert_eq!(s.effective_subject(4), Some(2));
        assert_eq!(s.effective_subject(7), Some(0));
        assert_eq!(s.effective_subject(10), Some(0));
    }

    #[test]
    fn a_passive_subject_without_an_auxiliary_is_a_misparse() {
        // Police attacked Gondor , with "Police" labelled nsubj:pass.
        let s = sent(&[
            ("Police", "police", NOUN, 2, "nsubj:pass"),
            ("attacked", "attack", VERB, 0, "root"),
            ("Gondor", "Gondor", PROPN, 2, "obj"),
        ]);
        assert!(!s.is_passive(1));
    }

    #[test]
    fn passive_voice_and_agent() {
        // The convoy was attacked by rebels
        let s = sent(&[
            ("The", "the", DET, 2, "det"),
            ("convoy", "convoy", NOUN, 4, "nsubj:pass"),
            ("was", "be", AUX, 4, "aux:pass"),
            ("attacked", "attack", VERB, 0, "root"),
            ("by", "by", ADP, 6, "case"),
            ("rebels", "rebel", NOUN, 4, "obl:agent"),
        ]);
        assert!(s.is_passive(3));
        assert!(!s.is_negated(3));
        assert_eq!(s.subject(3), Some(1));
        assert_eq!(s.agent(3), Some(5));
        assert_eq!(s.object(3), None);
    }

    #[test]
    fn coordination_shares_subject_and_lists_conjuncts() {
        // France and Germany met and signed a deal
        let s = sent(&[
            ("France", "France", PROPN, 4, "nsubj"),
            ("and", "and", CCONJ, 3, "cc"),
            ("Germany", "Germany", PROPN, 1, "conj"),
            ("met", "meet", VERB, 0, "root"),
            ("and", "and", CCONJ, 6, "cc"),
            ("signed", "sign", VERB, 4, "conj"),
            ("a", "a", DET, 8, "det"),
            ("deal", "deal", NOUN, 6, "obj"),
        ]);
        assert_eq!(s.conjuncts(0), vec![0, 2]);
        assert_eq!(s.conjuncts(2), vec![0, 2]);
        assert_eq!(s.conjuncts(3), vec![3, 5]);
        assert_eq!(s.subject(5), None);
        assert_eq!(s.effective_subject(5), Some(0));
        assert_eq!(s.object(5), Some(7));
    }

    #[test]
    fn clausal_complements_of_say_and_accuse() {
        // Officials said rebels attacked ; X accused Y of lying
        let s = sent(&[
            ("Officials", "official", NOUN, 2, "nsubj"),
            ("said", "say", VERB, 0, "root"),
            ("rebels", "rebel", NOUN, 4, "nsubj"),
            ("attacked", "attack", VERB, 2, "ccomp"),
        ]);
        assert_eq!(s.clausal_complement(1), Some(3));
        assert_eq!(s.subject(3), Some(2));
        let s = sent(&[
            ("Iran", "Iran", PROPN, 2, "nsubj"),
            ("agreed", "agree", VERB, 0, "root"),
            ("to", "to", PART, 4, "mark"),
            ("talk", "talk", VERB, 2, "xcomp"),
        ]);
        assert_eq!(s.clausal_complement(1), Some(3));
        assert_eq!(s.effective_subject(3), Some(0));
    }

    #[test]
    fn negation_on_the_auxiliary_and_subtype_matching() {
        assert!(rel_is("nsubj:pass", "nsubj"));
        assert!(!rel_is("nsubjx", "nsubj"));
        assert!(!rel_is("obj", "obl"));
        // never visited
        let s = sent(&[
            ("never", "never", ADV, 2, "advmod"),
            ("visited", "visit", VERB, 0, "root"),
        ]);
        assert!(s.is_negated(1));
    }
}
