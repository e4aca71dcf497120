//! Offset-keeping normalization: fold typographic Unicode to the plain forms the
//! tagger and dictionaries know, and remember where every normalized character
//! came from in the original text.
//!
//! The folding is a per-character map (no context, no composition), so the
//! normalized form of any slice of the original is the slice of the normalized
//! form. That is what lets a token's span point into the original while its text
//! stays normalized.
//!
//! The alignment is stored sparsely: only the characters that changed are
//! recorded (an [`Edit`] each); everything between two edits is byte-identical in
//! both texts. Plain ASCII news costs nothing but one scan.

use std::borrow::Cow;

use dyad_types::Span;

/// How one original character is folded.
enum Fold {
    Keep,
    Delete,
    Char(char),
    Str(&'static str),
}

/// The fold table. Everything not listed is kept as it is.
fn fold(c: char) -> Fold {
    match c {
        // Printable ASCII and the usual whitespace: the hot path.
        ' '..='~' | '\n' | '\t' | '\r' => Fold::Keep,
        // Other C0 controls, DEL and C1 controls separate words at best.
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{84}' | '\u{86}'..='\u{9f}' => Fold::Char(' '),
        // Next line, line and paragraph separators end lines.
        '\u{85}' | '\u{2028}' | '\u{2029}' => Fold::Char('\n'),
        // Non-breaking and typographic spaces.
        '\u{a0}' | '\u{1680}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' => {
            Fold::Char(' ')
        }
        // Soft hyphen, zero-width characters, bidi marks, word joiner, BOM:
        // invisible, and they break dictionary look-ups.
        '\u{ad}'
        | '\u{200b}'..='\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{feff}' => Fold::Delete,
        // Single quotes and primes become the apostrophe.
        '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' | '\u{2035}'
        | '\u{2039}' | '\u{203a}' | '\u{ff07}' => Fold::Char('\''),
        // Double quotes and guillemets.
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' | '\u{2036}' | '\u{ab}'
        | '\u{bb}' | '\u{ff02}' => Fold::Char('"'),
        // Hyphens, figure and en dashes, minus: one hyphen-minus.
        '\u{2010}'..='\u{2013}' | '\u{2212}' | '\u{fe63}' | '\u{ff0d}' => Fold::Char('-'),
        // Em dash and horizontal bar: the Penn Treebank's "--".
        '\u{2014}' | '\u{2015}' | '\u{2e3a}' | '\u{fe58}' => Fold::Str("--"),
        '\u{2026}' => Fold::Str("..."),
        '\u{2024}' => Fold::Char('.'),
        '\u{2025}' => Fold::Str(".."),
        '\u{2044}' | '\u{2215}' => Fold::Char('/'),
        // Latin ligatures.
        '\u{fb00}' => Fold::Str("ff"),
        '\u{fb01}' => Fold::Str("fi"),
        '\u{fb02}' => Fold::Str("fl"),
        '\u{fb03}' => Fold::Str("ffi"),
        '\u{fb04}' => Fold::Str("ffl"),
        '\u{fb05}' | '\u{fb06}' => Fold::Str("st"),
        // Full-width ASCII (as NFKC does).
        '\u{ff01}'..='\u{ff5e}' => match char::from_u32(c as u32 - 0xff01 + 0x21) {
            Some(ascii) => Fold::Char(ascii),
            None => Fold::Keep,
        },
        _ => Fold::Keep,
    }
}

/// One changed character: `orig_len` bytes at `orig_start` in the original became
/// `norm_len` bytes (possibly none) at `norm_start` in the normalized text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Edit {
    pub norm_start: usize,
    pub norm_len: usize,
    pub orig_start: usize,
    pub orig_len: usize,
}

impl Edit {
    fn norm_end(&self) -> usize {
        self.norm_start + self.norm_len
    }
}

/// A text and its normalized form, with the alignment between them.
#[derive(Debug, Clone)]
pub struct NormalizedText<'a> {
    original: &'a str,
    normalized: Cow<'a, str>,
    edits: Vec<Edit>,
}

impl<'a> NormalizedText<'a> {
    /// Normalize `original`. Linear in its length; borrows it when nothing changes.
    pub fn new(original: &'a str) -> NormalizedText<'a> {
        // Find the first character that changes; before it, nothing to do.
        let first = original
            .char_indices()
            .find(|&(_, c)| !matches!(fold(c), Fold::Keep));
        let Some((first, _)) = first else {
            return NormalizedText {
                original,
                normalized: Cow::Borrowed(original),
                edits: Vec::new(),
            };
        };
        let mut out = String::with_capacity(original.len() + 16);
        out.push_str(&original[..first]);
        let mut edits = Vec::new();
        for (i, c) in original[first..].char_indices() {
            let orig_start = first + i;
            let norm_start = out.len();
            match fold(c) {
                Fold::Keep => {
                    out.push(c);
                    continue;
                }
                Fold::Delete => {}
                Fold::Char(r) => out.push(r),
                Fold::Str(s) => out.push_str(s),
            }
            edits.push(Edit {
                norm_start,
                norm_len: out.len() - norm_start,
                orig_start,
                orig_len: c.len_utf8(),
            });
        }
        NormalizedText {
            original,
            normalized: Cow::Owned(out),
            edits,
        }
    }

    pub fn original(&self) -> &'a str {
        self.original
    }

    /// The normalized text.
    pub fn normalized(&self) -> &str {
        &self.normalized
    }

    /// The changed characters, in order.
    pub fn edits(&self) -> &[Edit] {
        &self.edits
    }

    /// A cursor that maps increasing normalized byte offsets to original char
    /// offsets in linear total time.
    pub fn aligner(&self) -> Aligner<'_> {
        Aligner {
            original: self.original.as_bytes(),
            edits: &self.edits,
            norm: 0,
            orig_byte: 0,
            orig_char: 0,
            next: 0,
        }
    }

    /// The original char span of the normalized byte range `start..end`.
    ///
    /// One-off look-up, linear in `end`; use [`NormalizedText::aligner`] to map
    /// many ranges in order.
    pub fn original_span(&self, start: usize, end: usize) -> Span {
        let mut aligner = self.aligner();
        let s = aligner.start(start);
        let e = aligner.end(end.max(start));
        Span::new(s, e.max(s))
    }
}

/// Normalize one string (no alignment kept): what a token's text is made of.
pub fn normalize_str(text: &str) -> Cow<'_, str> {
    NormalizedText::new(text).normalized
}

/// Number of chars in a byte slice of valid UTF-8 (counts non-continuation bytes).
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b & 0xc0) != 0x80).count()
}

/// Maps normalized byte offsets, given in non-decreasing order, to original
/// char offsets. Each call costs the distance moved, so a whole document costs
/// one pass.
#[derive(Debug)]
pub struct Aligner<'n> {
    original: &'n [u8],
    edits: &'n [Edit],
    /// Normalized byte offset reached.
    norm: usize,
    orig_byte: usize,
    orig_char: usize,
    /// First edit not yet passed.
    next: usize,
}

impl Aligner<'_> {
    /// Move through identical text to normalized offset `target` (no edit between).
    fn walk(&mut self, target: usize) {
        if target <= self.norm {
            return;
        }
        let n = target - self.norm;
        let end = (self.orig_byte + n).min(self.original.len());
        self.orig_char += count_chars(&self.original[self.orig_byte..end]);
        self.orig_byte = end;
        self.norm = target;
    }

    fn pass(&mut self, edit: Edit) {
        self.walk(edit.norm_start);
        self.norm = edit.norm_end();
        self.orig_byte = edit.orig_start + edit.orig_len;
        self.orig_char += 1;
        self.next += 1;
    }

    /// Original char offset where a token starting at normalized byte `t` starts.
    /// Deleted characters just before `t` are left out of the token.
    pub fn start(&mut self, t: usize) -> usize {
        while let Some(&edit) = self.edits.get(self.next) {
            let before = edit.norm_start < t || (edit.norm_start == t && edit.norm_len == 0);
            if !before {
                break;
            }
            if edit.norm_end() > t {
                // `t` falls inside an expansion: the token starts with its char.
                self.walk(edit.norm_start);
                return self.orig_char;
            }
            self.pass(edit);
        }
        self.walk(t);
        self.orig_char
    }

    /// Original char offset where a token ending at normalized byte `t`
    /// (exclusive) ends. Deleted characters just after `t` are left out.
    pub fn end(&mut self, t: usize) -> usize {
        while let Some(&edit) = self.edits.get(self.next) {
            if edit.norm_start >= t {
                break;
            }
            if edit.norm_end() > t {
                // `t` falls inside an expansion: the token takes the whole char.
                self.walk(edit.norm_start);
                return self.orig_char + 1;
            }
            self.pass(edit);
        }
        self.walk(t);
        self.orig_char
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str, span: Span) -> String {
        s.chars().skip(span.start).take(span.len()).collect()
    }

    #[test]
    fn ascii_is_borrowed_and_unchanged() {
        let nt = NormalizedText::new("Plain text, 3.5 percent.");
        assert!(matches!(nt.normalized, Cow::Borrowed(_)));
        assert!(nt.edits().is_empty());
        assert_eq!(nt.original_span(7, 11), Span::new(7, 11));
    }

    #[test]
    fn folds_typography() {
        let cases = [
            ("\u{201c}No\u{201d}", "\"No\""),
            ("Russia\u{2019}s", "Russia's"),
            ("a\u{2014}b", "a--b"),
            ("2010\u{2013}2015", "2010-2015"),
            ("wait\u{2026}", "wait..."),
            ("\u{fb01}ne \u{fb02}ag", "fine flag"),
            ("co\u{ad}operate", "cooperate"),
            ("zero\u{200b}width", "zerowidth"),
            ("non\u{a0}breaking\u{202f}space", "non breaking space"),
            ("\u{ff21}\u{ff11}", "A1"),
            ("tab\u{7}bell", "tab bell"),
        ];
        for (input, want) in cases {
            assert_eq!(normalize_str(input), want, "{input:?}");
        }
    }

    #[test]
    fn maps_back_through_expansions_and_deletions() {
        // "é" is two bytes, "…" one char → three, the soft hyphen vanishes.
        let text = "é\u{2026} co\u{ad}op \u{201c}x\u{201d}";
        let nt = NormalizedText::new(text);
        assert_eq!(nt.normalized(), "é... coop \"x\"");
        let norm = nt.normalized();
        let mut aligner = nt.aligner();
        // Each (normalized substring) → original substring.
        let pieces = [("é", "é"), ("...", "\u{2026}"), ("coop", "co\u{ad}op")];
        let mut from = 0;
        for (n, o) in pieces {
            let s = norm[from..].find(n).unwrap() + from;
            let e = s + n.len();
            let span = Span::new(aligner.start(s), aligner.end(e));
            assert_eq!(chars(text, span), o);
            from = e;
        }
        let s = norm.find("\"x").unwrap();
        let span = Span::new(aligner.start(s), aligner.end(norm.len()));
        assert_eq!(chars(text, span), "\u{201c}x\u{201d}");
    }

    #[test]
    fn deleted_chars_at_token_edges_stay_outside() {
        let text = "\u{200b}word\u{200b} next";
        let nt = NormalizedText::new(text);
        assert_eq!(nt.normalized(), "word next");
        assert_eq!(nt.original_span(0, 4), Span::new(1, 5));
        assert_eq!(nt.original_span(5, 9), Span::new(7, 11));
    }
}
