//! Sentence splitting over the token stream of a whole document.
//!
//! A boundary is decided between two tokens from the tokens themselves and the
//! whitespace between them. Rules, in order:
//! - a blank line always ends a sentence;
//! - a bullet ("•", "*", "-", "1.") at the start of a line starts one; the bullet
//!   itself belongs to no sentence;
//! - ".", "!", "?" (with any closing quotes and brackets glued to them) end a
//!   sentence unless a lowercase word follows on the same line;
//! - an ellipsis ends one before a capitalized word;
//! - an abbreviation that kept its period ("U.S.", "Inc.", "Jan.") ends one only
//!   before a word that usually opens a sentence ("The", "He", "It" …); titles
//!   ("Mr.", "Gen.", "No.") never do; "a.m.", "p.m.", "etc." do before any
//!   capitalized word but a weekday, month or all-caps word;
//! - a line break after a line without terminal punctuation ends a sentence
//!   (headline above body) when the next line starts with a capital, digit or
//!   quote and the line did not end in a comma, dash or function word. When
//!   the document looks hard-wrapped (many lines continue in lowercase), single
//!   line breaks are ignored;
//! - a dateline ("SOCHI, Russia (AFP) --", "WASHINGTON --") at the start of a
//!   line is split off as a sentence of its own, so the first real sentence
//!   starts at its first word and the parser never sees the dateline;
//! - a sentence longer than [`MAX_SENTENCE_TOKENS`] is cut, after the last
//!   comma or semicolon in its final quarter if there is one.

use std::ops::Range;

use crate::abbrev::{abbreviation, is_sentence_starter, is_weekday_or_month, AbbrevKind};
use crate::tokenize::RawToken;

/// The longest sentence made, in tokens; longer runs (tables, text with no
/// punctuation, a base64 blob, words joined by hyphens) are cut so later
/// stages stay linear: the parser's tree decoding is cubic in a sentence's
/// length and the coder's clause walks quadratic, so the cost per token of
/// a run-on text grows with the square of this cap (at 250, hyphenated
/// run-on text cost 5x normal news per MB; at 128, under 3x). News
/// sentences are shorter: a cut one is cut after a comma or semicolon in
/// its final quarter where there is one.
pub const MAX_SENTENCE_TOKENS: usize = 128;

struct Ctx<'a> {
    text: &'a str,
    toks: &'a [RawToken],
    wrapped: bool,
}

impl Ctx<'_> {
    fn t(&self, i: usize) -> &str {
        self.toks[i].text(self.text)
    }
}

fn first(s: &str) -> char {
    s.chars().next().unwrap_or(' ')
}

fn is_terminal(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b == b'!' || b == b'?' || b == b'.') && !is_ellipsis(s)
}

fn is_ellipsis(s: &str) -> bool {
    s.len() >= 2 && s.bytes().all(|b| b == b'.')
}

fn is_closer(s: &str) -> bool {
    matches!(s, "\"" | "'" | ")" | "]" | "}" | "''")
}

fn is_bullet(s: &str) -> bool {
    matches!(
        s,
        "•" | "·"
            | "*"
            | "-"
            | "--"
            | "+"
            | "‣"
            | "◦"
            | "▪"
            | "●"
            | "■"
            | "□"
            | "○"
            | "►"
            | "▶"
            | "➢"
    )
}

fn starts_upper(s: &str) -> bool {
    first(s).is_uppercase()
}

fn starts_lower(s: &str) -> bool {
    first(s).is_lowercase()
}

fn is_all_caps_word(s: &str) -> bool {
    s.chars().count() >= 2 && s.chars().all(|c| c.is_uppercase())
}

/// Words after which a line cannot end a sentence (the text runs on).
fn continues(s: &str) -> bool {
    matches!(
        s,
        "," | ";"
            | ":"
            | "-"
            | "--"
            | "("
            | "&"
            | "/"
            | "and"
            | "or"
            | "but"
            | "the"
            | "a"
            | "an"
            | "of"
            | "to"
            | "in"
            | "on"
            | "for"
            | "with"
            | "by"
            | "at"
            | "from"
            | "that"
            | "as"
    )
}

/// Length in tokens of a bullet marker at `i`, when a line starts with one that
/// has words after it on the same line.
fn bullet_len(cx: &Ctx, i: usize) -> usize {
    let n = cx.toks.len();
    let on_line = |k: usize| k < n && cx.toks[k].newlines == 0;
    let t = cx.t(i);
    if is_bullet(t) && on_line(i + 1) && cx.toks[i + 1].space_before {
        return 1;
    }
    // "1." or "a)" list numbers.
    let short_number = t.len() <= 2 && t.bytes().all(|b| b.is_ascii_digit())
        || t.len() == 1 && t.bytes().all(|b| b.is_ascii_lowercase());
    if short_number
        && on_line(i + 1)
        && matches!(cx.t(i + 1), "." | ")")
        && !cx.toks[i + 1].space_before
        && on_line(i + 2)
        && cx.toks[i + 2].space_before
    {
        return 2;
    }
    0
}

/// When a dateline starts at token `i`, the index of its closing dash.
fn dateline_end(cx: &Ctx, i: usize) -> Option<usize> {
    let n = cx.toks.len();
    let head = cx.t(i);
    let head_caps = is_all_caps_word(head) && head.chars().all(char::is_alphabetic);
    if !head_caps && !starts_upper(head) {
        return None;
    }
    let (mut comma, mut paren, mut open) = (false, false, false);
    for k in i + 1..n.min(i + 16) {
        let tok = cx.toks[k];
        if tok.newlines > 0 {
            return None;
        }
        let t = cx.t(k);
        let dash = t == "--" || t == "-" && tok.space_before;
        if dash {
            let next_ok = k + 1 < n && cx.toks[k + 1].newlines == 0 && {
                let nt = cx.t(k + 1);
                starts_upper(nt) || first(nt).is_ascii_digit() || nt == "\""
            };
            let shaped = paren || (head_caps && (comma || t == "--"));
            return (next_ok && shaped).then_some(k);
        }
        match t {
            "," => comma = true,
            "(" => (paren, open) = (true, true),
            ")" => (paren, open) = (true, false),
            // An agency's name may be written in lower case: "(dpa)".
            _ if open || starts_upper(t) || first(t).is_ascii_digit() => {}
            _ => return None,
        }
    }
    None
}

/// Whether the document reads as hard-wrapped prose: many single line breaks
/// are followed by a lowercase word.
fn looks_wrapped(cx: &Ctx) -> bool {
    let (mut breaks, mut lower) = (0usize, 0usize);
    for (k, tok) in cx.toks.iter().enumerate().skip(1) {
        if tok.newlines == 1 && !is_terminal(cx.t(k - 1)) {
            breaks += 1;
            if starts_lower(cx.t(k)) {
                lower += 1;
            }
        }
    }
    breaks >= 3 && lower * 4 >= breaks
}

/// Whether a sentence ends between tokens `i` and `i + 1`; `start` is the
/// first token of the current sentence.
fn boundary_after(cx: &Ctx, start: usize, i: usize) -> bool {
    let next = cx.toks[i + 1];
    if next.newlines >= 2 {
        return true;
    }
    let nt = cx.t(i + 1);
    let line_break = next.newlines == 1;
    let free_break = line_break && !cx.wrapped;
    // Closing quotes and brackets glued on belong to this sentence.
    if is_closer(nt) && !next.space_before {
        return false;
    }
    if line_break && bullet_len(cx, i + 1) > 0 {
        return true;
    }
    // Spaced ellipses (". . .") and runs ("? ? ?") end only after the last mark.
    if is_terminal(nt) || is_ellipsis(nt) {
        return false;
    }
    // Look back over glued closers to the punctuation they close.
    let mut j = i;
    while j > start && j + 8 > i && is_closer(cx.t(j)) && !cx.toks[j].space_before {
        j -= 1;
    }
    let end = cx.t(j);
    if is_ellipsis(end) {
        return starts_upper(nt) || free_break && !starts_lower(nt);
    }
    if is_terminal(end) {
        if free_break {
            return true;
        }
        return !starts_lower(nt) && !matches!(nt, "," | ";" | ":" | ")" | "]" | "}" | "%");
    }
    if end.len() > 1 && end.ends_with('.') {
        if let Some(kind) = abbreviation(end) {
            let upper_break = free_break && starts_upper(nt);
            return match kind {
                AbbrevKind::Title => false,
                AbbrevKind::Initial => is_sentence_starter(nt) || upper_break,
                AbbrevKind::Terminal => {
                    upper_break
                        || starts_upper(nt) && !is_weekday_or_month(nt) && !is_all_caps_word(nt)
                }
                AbbrevKind::Other => {
                    let quoted = nt == "\""
                        && i + 2 < cx.toks.len()
                        && cx.toks[i + 2].newlines == 0
                        && starts_upper(cx.t(i + 2));
                    is_sentence_starter(nt) || quoted || upper_break
                }
            };
        }
    }
    if free_break {
        let t = cx.t(i);
        return !continues(t) && !starts_lower(nt);
    }
    false
}

/// Split `toks` (the tokens of the normalized `text`) into sentences, as
/// ranges of token indices. Tokens that belong to no sentence (bullets) are
/// left out.
pub fn split(text: &str, toks: &[RawToken]) -> Vec<Range<usize>> {
    let mut cx = Ctx {
        text,
        toks,
        wrapped: false,
    };
    cx.wrapped = looks_wrapped(&cx);
    let n = toks.len();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < n {
        if i == start && (i == 0 || toks[i].newlines > 0) {
            let bullet = bullet_len(&cx, i);
            if bullet > 0 {
                start = i + bullet;
                i = start;
                continue;
            }
            if let Some(k) = dateline_end(&cx, i) {
                out.push(i..k + 1);
                start = k + 1;
                i = start;
                continue;
            }
        }
        if i + 1 == n || boundary_after(&cx, start, i) {
            push_capped(&cx, start..i + 1, &mut out);
            start = i + 1;
        }
        i += 1;
    }
    out
}

/// Push a sentence, cutting it into pieces of at most [`MAX_SENTENCE_TOKENS`].
fn push_capped(cx: &Ctx, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let mut start = range.start;
    while range.end - start > MAX_SENTENCE_TOKENS {
        let limit = start + MAX_SENTENCE_TOKENS;
        let cut = (start + MAX_SENTENCE_TOKENS * 3 / 4..limit)
            .rev()
            .find(|&k| matches!(cx.t(k), "," | ";"))
            .map_or(limit, |k| k + 1);
        out.push(start..cut);
        start = cut;
    }
    if start < range.end {
        out.push(start..range.end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::raw_tokens;

    /// Sentences of `text` as strings of space-joined tokens.
    fn split_text(text: &str) -> Vec<String> {
        let toks = raw_tokens(text);
        split(text, &toks)
            .into_iter()
            .map(|r| {
                toks[r]
                    .iter()
                    .map(|t| t.text(text))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    #[test]
    fn initials_join_names_but_not_sentences() {
        assert_eq!(
            split_text("John F. Kennedy spoke."),
            ["John F. Kennedy spoke ."]
        );
        assert_eq!(
            split_text("They took vitamin C. The doctors agreed."),
            ["They took vitamin C.", "The doctors agreed ."]
        );
    }

    #[test]
    fn titles_never_end_sentences() {
        assert_eq!(
            split_text("He met Gen. The Reverend Smith."),
            ["He met Gen. The Reverend Smith ."]
        );
    }

    #[test]
    fn lowercase_after_a_period_continues() {
        assert_eq!(
            split_text("Use e.g. the map. fine."),
            ["Use e.g. the map . fine ."]
        );
    }

    #[test]
    fn wrapped_text_is_detected() {
        let wrapped = "the talks\nresumed on\nmonday and\nended late\nin Geneva.";
        let toks = raw_tokens(wrapped);
        let cx = Ctx {
            text: wrapped,
            toks: &toks,
            wrapped: false,
        };
        assert!(looks_wrapped(&cx));
        let blocks = "Headline here\nBody One.\nBody Two\nBody Three";
        let toks = raw_tokens(blocks);
        let cx = Ctx {
            text: blocks,
            toks: &toks,
            wrapped: false,
        };
        assert!(!looks_wrapped(&cx));
    }

    #[test]
    fn long_sentences_are_cut_after_a_comma_when_possible() {
        // A comma in the last part of the allowed length is where the cut goes.
        let before = MAX_SENTENCE_TOKENS - 20;
        let mut text = "w ".repeat(before);
        text.push_str(", ");
        text.push_str(&"w ".repeat(100));
        let toks = raw_tokens(&text);
        let ranges = split(&text, &toks);
        assert_eq!(ranges, vec![0..before + 1, before + 1..before + 101]);
    }

    #[test]
    fn dateline_needs_its_shape() {
        assert_eq!(
            split_text("KABUL, Afghanistan, May 12 (AP) -- Gunmen attacked a convoy."),
            [
                "KABUL , Afghanistan , May 12 ( AP ) --",
                "Gunmen attacked a convoy ."
            ]
        );
        assert_eq!(
            split_text("LONDON -- Shares fell."),
            ["LONDON --", "Shares fell ."]
        );
        assert_eq!(
            split_text("NATO - Russia council meets."),
            ["NATO - Russia council meets ."]
        );
        // An agency in lower case: "(dpa)".
        assert_eq!(
            split_text("BERLIN (dpa) - Talks resumed."),
            ["BERLIN ( dpa ) -", "Talks resumed ."]
        );
    }
}
