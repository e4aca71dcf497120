//! Property-style tests on generated input (a fixed-seed generator, so runs are
//! reproducible): whatever the text, splitting and tokenizing never panic and
//! keep the span invariants.

use dyad_text::{normalize_str, sentences, tokenize, MAX_SENTENCE_TOKENS};
use dyad_types::{Sentence, Token};

/// xorshift64*: small, deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Pieces that exercise the tokenizer's and splitter's special cases.
const PIECES: &[&str] = &[
    "word",
    "Russia",
    "U.S.",
    "U.S",
    "Dr.",
    "Gen.",
    "a.m.",
    "Inc.",
    "F.",
    "No.",
    "3.5",
    "1,000",
    "$40",
    "10:30",
    "e-mail",
    "al-Assad",
    "long-term",
    "don't",
    "can't",
    "won't",
    "they're",
    "ministers'",
    "'s",
    "n't",
    "'",
    "''",
    "\"",
    "(",
    ")",
    "[",
    "]",
    ".",
    "..",
    "...",
    ",",
    ";",
    ":",
    "!",
    "?",
    "?!",
    "-",
    "--",
    "---",
    "*",
    "•",
    "1.",
    "http://x.org/a-b",
    "a@b.co",
    ":)",
    "SOCHI,",
    "(AFP)",
    "WASHINGTON",
    "The",
    "He",
    "555-1234",
    "11-20-2000",
    "5kg",
    "50%",
    "\u{2019}",
    "\u{2018}",
    "\u{201c}",
    "\u{201d}",
    "\u{2014}",
    "\u{2013}",
    "\u{2026}",
    "\u{fb01}",
    "\u{fb03}",
    "\u{ad}",
    "\u{200b}",
    "\u{200d}",
    "\u{feff}",
    "\u{a0}",
    "\u{2028}",
    "\u{85}",
    "\u{301}",
    "e\u{301}",
    "\u{1f600}",
    "\u{1f1fa}\u{1f1f8}",
    "\u{5e9}\u{5dc}\u{5d5}\u{5dd}",
    "\u{627}\u{644}\u{633}\u{644}\u{627}\u{645}",
    "\u{202e}",
    "\u{0}",
    "\u{7}",
    "\u{1b}",
    "\u{ff21}",
    "\u{ff0e}",
    "\u{3000}",
    "\u{4e2d}\u{6587}",
];

const SPACES: &[&str] = &[" ", " ", " ", "", "\n", "\n\n", "\r\n", "\t", "  "];

fn generate(rng: &mut Rng) -> String {
    let len = rng.below(60);
    let mut s = String::new();
    for _ in 0..len {
        if rng.below(8) == 0 {
            // Any scalar value at all.
            let c = loop {
                if let Some(c) = char::from_u32(rng.below(0x11_0000) as u32) {
                    break c;
                }
            };
            s.push(c);
        } else {
            s.push_str(PIECES[rng.below(PIECES.len())]);
        }
        s.push_str(SPACES[rng.below(SPACES.len())]);
    }
    s
}

fn slice(chars: &[char], token: &Token) -> String {
    chars[token.span.start..token.span.end].iter().collect()
}

/// Spans in range, non-empty, in order, non-overlapping; texts are the
/// normalization of the original under the span.
fn check_tokens<'t>(text: &str, tokens: impl Iterator<Item = &'t Token>) {
    let chars: Vec<char> = text.chars().collect();
    let mut prev_end = 0;
    for token in tokens {
        let span = token.span;
        assert!(span.start < span.end, "empty span {span:?} in {text:?}");
        assert!(
            span.end <= chars.len(),
            "span {span:?} out of range in {text:?}"
        );
        assert!(
            span.start >= prev_end,
            "span {span:?} overlaps or goes back in {text:?}"
        );
        prev_end = span.end;
        let original = slice(&chars, token);
        assert_eq!(
            normalize_str(&original),
            token.text,
            "token text in {text:?}"
        );
        assert!(!token.text.is_empty(), "empty token in {text:?}");
        assert!(
            !token.text.chars().any(char::is_whitespace),
            "space in token in {text:?}"
        );
    }
}

fn check_sentences(text: &str, sents: &[Sentence]) {
    for (i, s) in sents.iter().enumerate() {
        assert_eq!(s.index, i);
        assert!(!s.tokens.is_empty() && s.tokens.len() <= MAX_SENTENCE_TOKENS);
        let first = s.tokens[0].span;
        let last = s.tokens[s.tokens.len() - 1].span;
        assert_eq!(
            (s.span.start, s.span.end),
            (first.start, last.end),
            "in {text:?}"
        );
    }
    check_tokens(text, sents.iter().flat_map(|s| s.tokens.iter()));
}

/// Every original char outside all tokens is whitespace or vanishes in
/// normalization: `tokenize` drops nothing.
fn check_coverage(text: &str, tokens: &[Token]) {
    let chars: Vec<char> = text.chars().collect();
    let mut covered = vec![false; chars.len()];
    for t in tokens {
        covered[t.span.start..t.span.end]
            .iter_mut()
            .for_each(|c| *c = true);
    }
    for (i, c) in chars.iter().enumerate() {
        if !covered[i] {
            let n = normalize_str(&c.to_string()).into_owned();
            assert!(
                n.chars().all(char::is_whitespace),
                "{c:?} dropped from {text:?}"
            );
        }
    }
}

#[test]
fn generated_texts_keep_the_invariants() {
    // DYAD_PROPTEST_CASES=… runs more cases (with DYAD_PROPTEST_SEED=… another seed).
    let cases = std::env::var("DYAD_PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(4000);
    let seed = std::env::var("DYAD_PROPTEST_SEED")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0x5eed_1234_abcd_ef01_u64);
    let mut rng = Rng(seed | 1);
    for _ in 0..cases {
        let text = generate(&mut rng);
        let tokens = tokenize(&text);
        check_tokens(&text, tokens.iter());
        check_coverage(&text, &tokens);
        check_sentences(&text, &sentences(&text));
    }
}

#[test]
fn odd_inputs_do_not_panic() {
    let cases = [
        "",
        " ",
        "\n\n\n",
        "\u{200b}",
        "\u{ad}\u{ad}",
        ".",
        "...",
        "\u{2026}",
        "'",
        "''",
        "-",
        "U.S.",
        "n't",
        "'s",
        "\u{1f600}\u{200d}\u{1f600}",
        "e\u{301}\u{301}\u{301}",
        "\u{202e}txet\u{202c}",
        "\u{0}\u{1}\u{2}",
        "\r",
        "\r\r\n\n\r",
        "$",
        "$.",
        "-.5",
        "•",
        "• •",
        "1.",
        "SOCHI --",
        "A (B) --",
    ];
    for text in cases {
        let tokens = tokenize(text);
        check_tokens(text, tokens.iter());
        check_coverage(text, &tokens);
        check_sentences(text, &sentences(text));
    }
}

#[test]
fn pathological_sizes_stay_linear() {
    // One long "sentence" with no punctuation or line break: cut into pieces.
    let words = "word ".repeat(200_000);
    let sents = sentences(&words);
    assert_eq!(sents.iter().map(|s| s.tokens.len()).sum::<usize>(), 200_000);
    assert!(sents.iter().all(|s| s.tokens.len() <= MAX_SENTENCE_TOKENS));
    // One huge chunk without whitespace, and runs of punctuation.
    let texts = [
        "a".repeat(1_000_000),
        ".".repeat(300_000),
        "a-".repeat(300_000),
        "\u{2026}".repeat(200_000),
        format!("a{}", ")".repeat(300_000)),
        format!("{}a", "(".repeat(300_000)),
        format!("a{}", ".)".repeat(150_000)),
        format!("a{}", "\")".repeat(150_000)),
        format!("http://x.org/{}", "a)".repeat(150_000)),
        format!("{}@x.org", "a.".repeat(150_000)),
        "U.S.".repeat(200_000),
        "\n".repeat(300_000),
    ];
    for text in texts {
        let sents = sentences(&text);
        check_sentences(&text, &sents);
    }
}
