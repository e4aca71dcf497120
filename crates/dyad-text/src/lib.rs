//! Text handling: offset-keeping normalization, sentence splitting and tokenization.
