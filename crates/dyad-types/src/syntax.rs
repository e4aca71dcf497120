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

    /// The first dependent of `head` whose relation is `deprel` (exactly, or
    /// as the base of a subtyped relation: `"nsubj"` matches `nsubj:pass`).
    pub fn child_with(&self, head: usize, deprel: &str) -> Option<usize> {
        self.children(head).find(|&i| {
            let rel = self.words[i].deprel.as_str();
            rel == deprel || rel.split(':').next() == Some(deprel)
        })
    }
}
