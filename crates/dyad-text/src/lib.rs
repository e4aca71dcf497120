//! Text handling: offset-keeping normalization, sentence splitting and tokenization.
//!
//! The stages, in order:
//! 1. [`normalize`]: fold curly quotes, dashes, odd spaces, ligatures, ellipses
//!    and invisible characters to plain forms, keeping an alignment to the
//!    original ([`NormalizedText`]).
//! 2. [`tokenize`](mod@tokenize): Penn Treebank / UD English EWT-style tokens of
//!    the normalized text.
//! 3. [`split`]: sentence boundaries over the token stream.
//!
//! Invariants of [`sentences`] and [`tokenize()`] (checked by the property test):
//! - every span is in original chars, in range, in order and non-overlapping;
//! - a token's text is the normalization of the original text under its span
//!   (so "Russia’s" gives "Russia" and "'s", with spans into the curly original);
//! - they never panic and run in linear time and memory.
//!
//! Choices worth knowing:
//! - A sentence-final abbreviation keeps its period and no extra "." token is
//!   added ("... in the U.S." ends with the token "U.S."), as in UD EWT.
//! - Currency symbols and "%" are split from numbers ("$" "40"), as in EWT.
//! - Hyphenated words are split ("long" "-" "term") except after bound prefixes
//!   ("e-mail", "non-violent", "mid-July") and in phone-like numbers, as in EWT.
//! - A dateline ("SOCHI, Russia (AFP) --") becomes a sentence of its own.
//! - Bullets at line starts belong to no sentence.
//! - "No." keeps its period only before a number ("No. 10").
//! - A period between a lowercase word and a capitalized one with no space
//!   ("Friday.The") is split off, as scraped text loses spaces.
//!
//! Measuring (UD English EWT, tokens against gold syntactic words, sentence
//! boundaries on whole documents):
//! `cargo run --release -p dyad-text --example ewt_eval -- ../shared/data/ud-ewt/en_ewt-ud-dev.conllu`;
//! throughput on pathological input: `cargo run --release -p dyad-text --example stress`;
//! a quick look: `echo 'Text.' | cargo run -p dyad-text --example show`.

pub mod abbrev;
pub mod normalize;
pub mod split;
pub mod tokenize;

use dyad_types::{Sentence, Span, Token};

pub use normalize::{normalize_str, NormalizedText};
pub use split::MAX_SENTENCE_TOKENS;
use tokenize::RawToken;

/// Merge tokens that a split would cut inside one original character (an
/// ellipsis or em dash that became several characters), so that no two
/// tokens share an original character.
fn merge_inside_edits(nt: &NormalizedText, raw: Vec<RawToken>) -> Vec<RawToken> {
    let edits = nt.edits();
    if edits.iter().all(|e| e.norm_len <= 1) {
        return raw;
    }
    let mut out: Vec<RawToken> = Vec::with_capacity(raw.len());
    let mut e = 0;
    for tok in raw {
        while e < edits.len() && edits[e].norm_start + edits[e].norm_len <= tok.start {
            e += 1;
        }
        let inside = edits
            .get(e)
            .is_some_and(|ed| ed.norm_start < tok.start && tok.start < ed.norm_start + ed.norm_len);
        match out.last_mut() {
            Some(prev) if inside && prev.end == tok.start => prev.end = tok.end,
            _ => out.push(tok),
        }
    }
    out
}

fn raw_tokens(nt: &NormalizedText) -> Vec<RawToken> {
    merge_inside_edits(nt, tokenize::raw_tokens(nt.normalized()))
}

fn to_token(norm: &str, aligner: &mut normalize::Aligner, raw: &RawToken) -> Token {
    let start = aligner.start(raw.start);
    let end = aligner.end(raw.end).max(start);
    Token {
        text: raw.text(norm).to_string(),
        span: Span::new(start, end),
    }
}

/// Tokens of `text` taken as one piece; spans are char offsets into `text`.
pub fn tokenize(text: &str) -> Vec<Token> {
    let nt = NormalizedText::new(text);
    let norm = nt.normalized();
    let raw = raw_tokens(&nt);
    let mut aligner = nt.aligner();
    raw.iter()
        .map(|r| to_token(norm, &mut aligner, r))
        .collect()
}

/// Split a whole document into sentences of tokens. `Sentence::index` counts
/// from 0; spans are char offsets into `text`.
pub fn sentences(text: &str) -> Vec<Sentence> {
    let nt = NormalizedText::new(text);
    let norm = nt.normalized();
    let raw = raw_tokens(&nt);
    let ranges = split::split(norm, &raw);
    let mut aligner = nt.aligner();
    let mut out = Vec::with_capacity(ranges.len());
    for range in ranges {
        let tokens: Vec<Token> = raw[range]
            .iter()
            .map(|r| to_token(norm, &mut aligner, r))
            .collect();
        let (Some(first), Some(last)) = (tokens.first(), tokens.last()) else {
            continue;
        };
        let span = Span::new(first.span.start, last.span.end);
        out.push(Sentence {
            index: out.len(),
            span,
            tokens,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &Sentence) -> Vec<&str> {
        s.tokens.iter().map(|t| t.text.as_str()).collect()
    }

    #[test]
    fn empty_and_blank_inputs_give_nothing() {
        assert!(sentences("").is_empty());
        assert!(sentences(" \n\t\u{a0}\u{200b} ").is_empty());
        assert!(tokenize("").is_empty());
    }

    #[test]
    fn spans_point_into_the_curly_original() {
        let text = "\u{201c}Russia\u{2019}s move\u{2026}\u{201d} he said.";
        let toks = tokenize(text);
        let words: Vec<&str> = toks.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(
            words,
            ["\"", "Russia", "'s", "move", "...", "\"", "he", "said", "."]
        );
        let chars: Vec<char> = text.chars().collect();
        let at = |t: &Token| chars[t.span.start..t.span.end].iter().collect::<String>();
        assert_eq!(at(&toks[2]), "\u{2019}s");
        assert_eq!(at(&toks[4]), "\u{2026}");
    }

    #[test]
    fn a_cut_inside_one_original_char_is_merged() {
        // "a…" normalizes to "a..."; a (hypothetical) cut after the first dot
        // would share the ellipsis between two tokens.
        let nt = NormalizedText::new("a\u{2026}");
        let raw = |start, end| RawToken {
            start,
            end,
            newlines: 0,
            space_before: false,
        };
        let merged = merge_inside_edits(&nt, vec![raw(0, 1), raw(1, 2), raw(2, 4)]);
        assert_eq!(merged, vec![raw(0, 1), raw(1, 4)]);
    }

    #[test]
    fn sentence_indices_and_spans() {
        let text = "Talks resumed. Officials met again.";
        let s = sentences(text);
        assert_eq!(s.len(), 2);
        assert_eq!((s[0].index, s[1].index), (0, 1));
        assert_eq!(s[0].span, Span::new(0, 14));
        assert_eq!(s[1].span, Span::new(15, 35));
        assert_eq!(texts(&s[1]), ["Officials", "met", "again", "."]);
    }

    #[test]
    fn long_runs_are_cut() {
        let text = "word ".repeat(2500);
        let s = sentences(&text);
        assert_eq!(s.len(), 2500_usize.div_ceil(MAX_SENTENCE_TOKENS));
        assert!(s.iter().all(|s| s.tokens.len() <= MAX_SENTENCE_TOKENS));
        assert_eq!(s.iter().map(|s| s.tokens.len()).sum::<usize>(), 2500);
    }
}

/// `word` upper-cased with the diacritics of Latin letters removed ("Côte"
/// → "COTE", "Erdoğan" → "ERDOGAN", "Straße" → "STRASSE"): the form in
/// which dictionary names (written in ASCII) and text are compared.
pub fn fold_upper(word: &str, out: &mut String) {
    for c in word.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_uppercase());
            continue;
        }
        match latin_base(c) {
            Some(base) => out.push_str(base),
            None => out.extend(c.to_uppercase()),
        }
    }
}

/// The ASCII upper-case letters a Latin letter with diacritics stands for.
fn latin_base(c: char) -> Option<&'static str> {
    Some(match c {
        'À'..='Å' | 'à'..='å' | 'Ā' | 'ā' | 'Ă' | 'ă' | 'Ą' | 'ą' | 'Ǎ' | 'ǎ' => "A",
        'Æ' | 'æ' => "AE",
        'Ç' | 'ç' | 'Ć' | 'ć' | 'Ĉ' | 'ĉ' | 'Ċ' | 'ċ' | 'Č' | 'č' => "C",
        'Ð' | 'ð' | 'Ď' | 'ď' | 'Đ' | 'đ' => "D",
        'È'..='Ë' | 'è'..='ë' | 'Ē' | 'ē' | 'Ĕ' | 'ĕ' | 'Ė' | 'ė' | 'Ę' | 'ę' | 'Ě' | 'ě' => {
            "E"
        }
        'Ĝ' | 'ĝ' | 'Ğ' | 'ğ' | 'Ġ' | 'ġ' | 'Ģ' | 'ģ' => "G",
        'Ĥ' | 'ĥ' | 'Ħ' | 'ħ' => "H",
        'Ì'..='Ï' | 'ì'..='ï' | 'Ĩ' | 'ĩ' | 'Ī' | 'ī' | 'Ĭ' | 'ĭ' | 'Į' | 'į' | 'İ' | 'ı' => {
            "I"
        }
        'Ĵ' | 'ĵ' => "J",
        'Ķ' | 'ķ' => "K",
        'Ĺ' | 'ĺ' | 'Ļ' | 'ļ' | 'Ľ' | 'ľ' | 'Ŀ' | 'ŀ' | 'Ł' | 'ł' => "L",
        'Ñ' | 'ñ' | 'Ń' | 'ń' | 'Ņ' | 'ņ' | 'Ň' | 'ň' => "N",
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' | 'Ō' | 'ō' | 'Ŏ' | 'ŏ' | 'Ő' | 'ő' => "O",
        'Œ' | 'œ' => "OE",
        'Ŕ' | 'ŕ' | 'Ŗ' | 'ŗ' | 'Ř' | 'ř' => "R",
        'Ś' | 'ś' | 'Ŝ' | 'ŝ' | 'Ş' | 'ş' | 'Š' | 'š' | 'Ș' | 'ș' => "S",
        'ß' => "SS",
        'Ţ' | 'ţ' | 'Ť' | 'ť' | 'Ŧ' | 'ŧ' | 'Ț' | 'ț' => "T",
        'Þ' | 'þ' => "TH",
        'Ù'..='Ü'
        | 'ù'..='ü'
        | 'Ũ'
        | 'ũ'
        | 'Ū'
        | 'ū'
        | 'Ŭ'
        | 'ŭ'
        | 'Ů'
        | 'ů'
        | 'Ű'
        | 'ű'
        | 'Ų'
        | 'ų' => "U",
        'Ŵ' | 'ŵ' => "W",
        'Ý' | 'ý' | 'ÿ' | 'Ŷ' | 'ŷ' | 'Ÿ' => "Y",
        'Ź' | 'ź' | 'Ż' | 'ż' | 'Ž' | 'ž' => "Z",
        _ => return None,
    })
}

#[cfg(test)]
mod fold_tests {
    use super::fold_upper;

    #[test]
    fn folds_diacritics_and_case() {
        for (word, folded) in [
            ("Côte", "COTE"),
            ("Erdoğan", "ERDOGAN"),
            ("Élysée", "ELYSEE"),
            ("Straße", "STRASSE"),
            ("Łódź", "LODZ"),
            ("Москва", "МОСКВА"),
            ("al-Qaeda", "AL-QAEDA"),
        ] {
            let mut out = String::new();
            fold_upper(word, &mut out);
            assert_eq!(out, folded);
        }
    }
}
