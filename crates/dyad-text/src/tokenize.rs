//! Penn Treebank-style tokenization of normalized text, as UD English EWT does it:
//! punctuation split off, clitics split ("Russia" "'s", "do" "n't", "ca" "n't"),
//! abbreviations, numbers, URLs and e-mail addresses kept whole, hyphens split
//! except after bound prefixes ("e-mail", "non-violent").
//!
//! Works on byte offsets of the normalized text; every split point lies on a
//! char boundary. Each whitespace-separated chunk is scanned a bounded number
//! of times, so the whole pass is linear.

use crate::abbrev::{abbreviation, keeps_hyphen};

/// A token of the normalized text, before mapping to original offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawToken {
    /// Byte range in the normalized text.
    pub start: usize,
    pub end: usize,
    /// Line breaks in the whitespace before the token.
    pub newlines: u32,
    /// Whether any whitespace stands before the token.
    pub space_before: bool,
}

impl RawToken {
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

/// Tokenize normalized text.
pub fn raw_tokens(text: &str) -> Vec<RawToken> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let mut newlines = 0u32;
    let mut space_before = false;
    let mut chunk_start: Option<usize> = None;
    let mut prev_cr = false;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = chunk_start.take() {
                split_chunk(text, s, i, newlines, space_before, &mut out);
                newlines = 0;
            }
            // "\r\n" counts once; a lone "\r" is a line break too.
            if c == '\n' && !prev_cr || c == '\r' {
                newlines = newlines.saturating_add(1);
            }
            prev_cr = c == '\r';
            space_before = true;
        } else {
            prev_cr = false;
            if chunk_start.is_none() {
                chunk_start = Some(i);
            }
        }
    }
    if let Some(s) = chunk_start {
        split_chunk(text, s, text.len(), newlines, space_before, &mut out);
    }
    out
}

fn first_char(s: &str) -> Option<char> {
    s.chars().next()
}

fn last_char(s: &str) -> Option<char> {
    s.chars().next_back()
}

fn is_url_or_email(s: &str) -> bool {
    let lower_starts =
        |p: &str| s.len() > p.len() && s.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes());
    if ["http://", "https://", "ftp://", "mailto:"]
        .iter()
        .any(|p| lower_starts(p))
    {
        return true;
    }
    if lower_starts("www.") && s[4..].contains(|c: char| c.is_alphanumeric()) {
        return true;
    }
    // user@host.tld
    if let Some(at) = s.find('@') {
        let (user, host) = (&s[..at], &s[at + 1..]);
        return !user.is_empty()
            && user
                .chars()
                .all(|c| c.is_alphanumeric() || "._%+-".contains(c))
            && host.contains('.')
            && !host.ends_with('.')
            && host
                .chars()
                .all(|c| c.is_alphanumeric() || ".-".contains(c));
    }
    false
}

/// Leading characters split off as tokens of their own.
fn is_opening(c: char) -> bool {
    matches!(c, '"' | '(' | '[' | '{' | '<' | '¿' | '¡' | '•' | '·')
}

fn is_currency(c: char) -> bool {
    matches!(c, '$' | '€' | '£' | '¥' | '₹' | '₽' | '#')
}

/// Trailing characters split off as tokens of their own.
fn is_closing(c: char) -> bool {
    matches!(c, ',' | ';' | ':' | ')' | ']' | '}' | '"' | '>')
}

/// Punctuation whose repeats form one token ("''", "***", "==", "--").
fn is_repeatable(c: char) -> bool {
    matches!(c, '\'' | '`' | '*' | '=' | '~' | '-' | '.' | '<' | '>')
}

/// Length of the run of `c` at the start (or end) of `s`, in bytes.
fn run_len(s: &str, c: char, from_end: bool) -> usize {
    if !c.is_ascii() {
        return c.len_utf8();
    }
    if from_end {
        s.bytes().rev().take_while(|&b| b == c as u8).count()
    } else {
        s.bytes().take_while(|&b| b == c as u8).count()
    }
}

const EMOTICONS: &[&str] = &[
    ":)", ":(", ";)", ":-)", ":-(", ";-)", ":D", ":P", ":/", "=)",
];

/// Split one whitespace-free chunk `text[s..e]`.
fn split_chunk(
    text: &str,
    s: usize,
    e: usize,
    newlines: u32,
    space: bool,
    out: &mut Vec<RawToken>,
) {
    let mut pieces: Vec<(usize, usize)> = Vec::new();
    let (mut s, mut e) = (s, e);

    // Leading punctuation.
    loop {
        let rest = &text[s..e];
        let Some(c) = first_char(rest) else { break };
        let run = run_len(rest, c, false);
        if run == rest.len() {
            break;
        }
        let after = first_char(&rest[c.len_utf8()..]);
        // A run of the same ASCII mark ("''", "((", "**") is one token; taking
        // it whole also keeps this loop linear.
        let take = if run >= 2 && c.is_ascii_punctuation() && c != '$' && c != '#' {
            run
        } else if is_opening(c)
            || is_currency(c) && after.is_some_and(|a| a.is_ascii_digit() || a == '.')
        {
            c.len_utf8()
        } else {
            match c {
                '`' | '*' | '=' | '~' => 1,
                // A clitic written apart ("Russia 's") or a year ("'90s") stays whole.
                '\'' if is_clitic(rest) || after.is_some_and(|a| a.is_ascii_digit()) => 0,
                '\'' => 1,
                // "-5" and ".5" are numbers, ".doc" a file type.
                '.' if after.is_some_and(char::is_alphanumeric) => 0,
                '-' if after.is_some_and(|a| a.is_ascii_digit()) => 0,
                '.' | '-' => 1,
                _ => 0,
            }
        };
        if take == 0 {
            break;
        }
        pieces.push((s, s + take));
        s += take;
    }

    // Trailing punctuation, collected from the end.
    let mut tail: Vec<(usize, usize)> = Vec::new();
    // Decided once: stripping marks off the end does not change it.
    let url = is_url_or_email(&text[s..e]);
    loop {
        let rest = &text[s..e];
        let Some(c) = last_char(rest) else { break };
        let run = run_len(rest, c, true);
        if run == rest.len() || EMOTICONS.contains(&rest) {
            break;
        }
        if url
            && !matches!(
                c,
                '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '"' | '\'' | '>'
            )
        {
            break;
        }
        let take = if let Some(emo) = EMOTICONS
            .iter()
            .find(|m| rest.len() > m.len() && rest.ends_with(*m))
        {
            emo.len()
        } else {
            match c {
                // "?!", "!!!": one token.
                '!' | '?' => rest
                    .bytes()
                    .rev()
                    .take_while(|b| b"!?.".contains(b))
                    .count(),
                '%' if rest[..rest.len() - 1].ends_with(|b: char| b.is_ascii_digit()) => 1,
                '.' if run >= 3 => run,
                // "D.C.." is the abbreviation and a period.
                '.' if run == 2 && abbreviation(&rest[..rest.len() - 1]).is_some() => 1,
                '.' if run == 2 => 2,
                // "No. 10" but "said: No." (nothing or a quote follows).
                '.' if is_number_sign(rest) && !next_is_digit(text, e, &tail) => 1,
                '.' if ends_in_abbreviation(rest) => 0,
                '.' => 1,
                _ if run >= 2 && c.is_ascii_punctuation() => run,
                // "ministers'": possessive plural or closing quote; split either way,
                // but keep clitics like "'s" written apart.
                '\'' if run == 1 && is_clitic(rest) => 0,
                _ if is_repeatable(c) && c != '.' => run,
                _ if is_closing(c) => c.len_utf8(),
                _ => 0,
            }
        };
        if take == 0 || take >= rest.len() {
            break;
        }
        tail.push((e - take, e));
        e -= take;
    }

    if s < e {
        split_core(text, s, e, &mut pieces);
    }
    pieces.extend(tail.into_iter().rev());

    for (i, (a, b)) in pieces.into_iter().enumerate() {
        out.push(RawToken {
            start: a,
            end: b,
            newlines: if i == 0 { newlines } else { 0 },
            space_before: i == 0 && space,
        });
    }
}

/// Split the middle of a chunk: inner punctuation, hyphens, then clitics.
fn split_core(text: &str, s: usize, e: usize, out: &mut Vec<(usize, usize)>) {
    let core = &text[s..e];
    if is_url_or_email(core) || is_phone_or_date(core) || EMOTICONS.contains(&core) {
        out.push((s, e));
        return;
    }
    let bytes = core.as_bytes();
    let is_alnum_at = |i: usize| -> bool {
        // Byte-level test is enough for the ASCII separators we look around;
        // any non-ASCII byte counts as a letter.
        bytes
            .get(i)
            .is_some_and(|&b| b.is_ascii_alphanumeric() || b >= 0x80)
    };
    let is_digit_at = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    let mut piece_start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let sep_len = match b {
            b'-' => {
                let run = bytes[i..].iter().take_while(|&&x| x == b'-').count();
                if run >= 2 {
                    run
                } else if i > 0 && bytes[i - 1] == b'.' && is_alnum_at(i + 1) {
                    // "U.S.-brokered": the abbreviation, a hyphen, the word.
                    1
                } else if i > 0 && is_alnum_at(i - 1) && is_alnum_at(i + 1) {
                    let left = &core[word_start(core, i)..i];
                    let right_end = word_end(core, i + 1);
                    let right = &core[i + 1..right_end];
                    let mixed = |w: &str| {
                        w.bytes().any(|b| b.is_ascii_digit())
                            && w.bytes().any(|b| b.is_ascii_alphabetic())
                    };
                    if keeps_hyphen(left, right) || mixed(left) || mixed(right) {
                        0
                    } else {
                        1
                    }
                } else {
                    0
                }
            }
            b'.' => {
                // "word...word" splits; single dots inside stay ("3.5", "U.S").
                let run = bytes[i..].iter().take_while(|&&x| x == b'.').count();
                if run >= 2 || missing_space_after_period(core, i) {
                    run
                } else {
                    0
                }
            }
            // "1,000" and "10:30" stay; "yes,no" and "Note:this" split.
            b',' | b':' if !(i > 0 && is_digit_at(i - 1) && is_digit_at(i + 1)) => 1,
            // "and/or" splits; dates "9/11" stay.
            b'/' if !(i > 0 && is_digit_at(i - 1) && is_digit_at(i + 1)) => 1,
            b'!' | b'?' => bytes[i..].iter().take_while(|b| b"!?".contains(b)).count(),
            b';' | b'"' | b'(' | b')' | b'[' | b']' | b'{' | b'}' => 1,
            _ => 0,
        };
        if sep_len == 0 {
            i += 1;
            continue;
        }
        if piece_start < i {
            split_clitics(core, s, piece_start, i, out);
        }
        out.push((s + i, s + i + sep_len));
        i += sep_len;
        piece_start = i;
    }
    if piece_start < bytes.len() {
        split_clitics(core, s, piece_start, bytes.len(), out);
    }
}

/// "Friday.The": a sentence end with its space lost in scraping. The period at
/// byte `i` follows a lowercase-ending word of two letters or more and precedes
/// a capitalized word.
fn missing_space_after_period(core: &str, i: usize) -> bool {
    let bytes = core.as_bytes();
    let right = bytes.get(i + 1).is_some_and(u8::is_ascii_uppercase)
        && bytes.get(i + 2).is_some_and(u8::is_ascii_lowercase);
    if !right {
        return false;
    }
    let left = &core[word_start(core, i)..i];
    left.len() >= 2
        && left.bytes().all(|b| b.is_ascii_alphabetic())
        && left.bytes().last().is_some_and(|b| b.is_ascii_lowercase())
        && !core[..i - left.len()].ends_with('.')
}

/// Start of the alphanumeric run ending at byte `i` of `core`.
fn word_start(core: &str, i: usize) -> usize {
    core[..i]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric())
        .last()
        .map_or(i, |(j, _)| j)
}

fn word_end(core: &str, i: usize) -> usize {
    core[i..]
        .char_indices()
        .find(|&(_, c)| !c.is_alphanumeric())
        .map_or(core.len(), |(j, _)| i + j)
}

/// Phone numbers ("555-1234", "212-555-1234", "1-800-555-1234") and dates
/// ("11-20-2000") stay one token; other digit groups ("1969-1970", "400-500")
/// are ranges and split.
fn is_phone_or_date(core: &str) -> bool {
    if !core.bytes().all(|b| b.is_ascii_digit() || b == b'-') {
        return false;
    }
    let groups: Vec<usize> = core.split('-').map(str::len).collect();
    match groups.as_slice() {
        // Phone numbers and ZIP+4 codes.
        [3, 4] | [3, 3, 4] | [1, 3, 3, 4] | [5, 4] => true,
        // Dates: "11-20-2000", "2015-05-12".
        [1 | 2, 1 | 2, 2 | 4] | [4, 2, 2] => true,
        _ => false,
    }
}

/// Units written against a number ("5kg", "$40bn"), split off as EWT does.
const UNITS: &[&str] = &[
    "kg", "km", "cm", "mm", "mg", "ml", "lb", "lbs", "mph", "kph", "bn", "mn", "m", "k", "K", "M",
    "am", "pm", "AM", "PM", "MM", "ft", "GB", "MB", "TB", "hrs", "mins",
];

fn is_number_sign(word: &str) -> bool {
    word.eq_ignore_ascii_case("no.") || word.eq_ignore_ascii_case("nos.")
}

/// Whether a digit comes right after byte `e` of the chunk: the first piece
/// already peeled off its end, or else the next chunk.
fn next_is_digit(text: &str, e: usize, tail: &[(usize, usize)]) -> bool {
    let next = match tail.last() {
        Some(&(a, _)) => text[a..].chars().next(),
        None => text[e..].trim_start().chars().next(),
    };
    next.is_some_and(|c| c.is_ascii_digit())
}

/// Whether `rest` (ending in ".") ends with an abbreviation, alone or after a
/// hyphen ("D-Ill.").
fn ends_in_abbreviation(rest: &str) -> bool {
    abbreviation(rest).is_some()
        || rest
            .rfind('-')
            .is_some_and(|p| abbreviation(&rest[p + 1..]).is_some())
}

/// A clitic standing alone: "'s", "'re", "n't" …
fn is_clitic(word: &str) -> bool {
    ["'s", "'re", "'m", "'ll", "'ve", "'d", "n't", "'"]
        .iter()
        .any(|c| c.eq_ignore_ascii_case(word))
}

/// Whole words split without an apostrophe, as EWT does.
const FUSED: &[(&str, usize)] = &[
    ("cannot", 3),
    ("gonna", 3),
    ("wanna", 3),
    ("gotta", 3),
    ("dont", 2),
    ("didnt", 3),
    ("doesnt", 4),
    ("isnt", 2),
    ("wasnt", 3),
    ("arent", 3),
    ("werent", 4),
    ("couldnt", 5),
    ("wouldnt", 5),
    ("shouldnt", 6),
    ("havent", 4),
    ("hasnt", 3),
    ("hadnt", 3),
];

/// Split clitics off the word `core[a..b]` (offsets relative to `base`).
fn split_clitics(core: &str, base: usize, a: usize, b: usize, out: &mut Vec<(usize, usize)>) {
    let word = &core[a..b];
    let len = word.len();
    let ends = |suffix: &str| {
        len > suffix.len()
            && word.as_bytes()[len - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
    };
    let mut cut = None;
    let digits = word
        .bytes()
        .take_while(|b| b.is_ascii_digit() || b".,:".contains(b))
        .count();
    if digits > 0 && word.as_bytes()[0].is_ascii_digit() && UNITS.contains(&&word[digits..]) {
        cut = Some(digits);
    } else if ends("n't") {
        // "can't" → "ca" "n't", "won't" → "wo" "n't": the n is the clitic's.
        cut = Some(len - 3);
    } else if let Some(c) = ["'s", "'m", "'d", "'re", "'ll", "'ve"]
        .iter()
        .find(|c| ends(c))
    {
        // "the 50's", "AK47's": a plural of a number stays whole.
        let before = word.as_bytes()[len - c.len() - 1];
        if *c == "'s" && before.is_ascii_digit() {
            out.push((base + a, base + b));
            return;
        }
        cut = Some(len - c.len());
    } else if let Some(&(_, at)) = FUSED.iter().find(|(w, _)| w.eq_ignore_ascii_case(word)) {
        cut = Some(at);
    }
    match cut {
        Some(c) if c > 0 && word.is_char_boundary(c) => {
            out.push((base + a, base + a + c));
            out.push((base + a + c, base + b));
        }
        _ => out.push((base + a, base + b)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<&str> {
        raw_tokens(text).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn splits_clitics() {
        assert_eq!(toks("Russia's"), ["Russia", "'s"]);
        assert_eq!(
            toks("don't can't won't"),
            ["do", "n't", "ca", "n't", "wo", "n't"]
        );
        assert_eq!(
            toks("they're I'm we'll I've she'd"),
            ["they", "'re", "I", "'m", "we", "'ll", "I", "'ve", "she", "'d"]
        );
        assert_eq!(toks("ministers' cannot"), ["ministers", "'", "can", "not"]);
        assert_eq!(toks("O'Brien"), ["O'Brien"]);
    }

    #[test]
    fn keeps_numbers_abbreviations_and_addresses() {
        assert_eq!(
            toks("U.S. Dr. 3.5 1,000 10:30"),
            ["U.S.", "Dr.", "3.5", "1,000", "10:30"]
        );
        assert_eq!(toks("$40"), ["$", "40"]);
        assert_eq!(toks("50%"), ["50", "%"]);
        assert_eq!(
            toks("(see http://example.org/a-b.html)."),
            ["(", "see", "http://example.org/a-b.html", ")", "."]
        );
        assert_eq!(
            toks("mail press@example.org,"),
            ["mail", "press@example.org", ","]
        );
    }

    #[test]
    fn splits_hyphens_like_ewt() {
        assert_eq!(
            toks("e-mail non-violent mid-July"),
            ["e-mail", "non-violent", "mid-July"]
        );
        assert_eq!(
            toks("al-Assad long-term"),
            ["al", "-", "Assad", "long", "-", "term"]
        );
        assert_eq!(toks("war--and"), ["war", "--", "and"]);
        assert_eq!(toks("555-1234"), ["555-1234"]);
        assert_eq!(toks("U.S.-brokered"), ["U.S.", "-", "brokered"]);
        assert_eq!(toks("(D-Ill.)"), ["(", "D", "-", "Ill.", ")"]);
        assert_eq!(
            toks("ended Friday.The next"),
            ["ended", "Friday", ".", "The", "next"]
        );
        assert_eq!(toks("Ph.D. U.S.A site.com"), ["Ph.D.", "U.S.A", "site.com"]);
        assert_eq!(
            toks("No. 10, said: \"No.\""),
            ["No.", "10", ",", "said", ":", "\"", "No", ".", "\""]
        );
    }

    #[test]
    fn splits_punctuation() {
        assert_eq!(
            toks("\"Go,\" he said."),
            ["\"", "Go", ",", "\"", "he", "said", "."]
        );
        assert_eq!(toks("Why?!"), ["Why", "?!"]);
        assert_eq!(toks("wait..."), ["wait", "..."]);
        assert_eq!(toks("and/or"), ["and", "/", "or"]);
        assert_eq!(toks("9/11"), ["9/11"]);
    }
}
