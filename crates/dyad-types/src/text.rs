//! Sentences and tokens, with offsets into the original document text.

use serde::{Deserialize, Serialize};

use crate::Span;

/// A token: a word or punctuation mark.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    /// The token's form after normalization (curly quotes made straight and the
    /// like); what the tagger and the dictionaries see.
    pub text: String,
    /// Where it stands in the original text.
    pub span: Span,
}

/// A sentence: its place in the document and its tokens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// 0-based position of the sentence in its document.
    pub index: usize,
    pub span: Span,
    pub tokens: Vec<Token>,
}
