//! Decoding a dictionary file and stripping the comments of the PETRARCH2 formats.
//!
//! All four formats share the same comment rules: a line starting with `#` is
//! a comment, so is anything after a `#` inside a line; `<!-- ... -->` may
//! span lines; a line starting with `<!` is skipped whole (the old files write
//! `<! -- ... -->`). Blank lines carry nothing.

use std::path::Path;

use crate::error::{LexiconError, LexiconWarning};

/// One content line: its 1-based number and its text with comments removed
/// (right-trimmed, never empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line<'a> {
    pub number: usize,
    pub text: std::borrow::Cow<'a, str>,
    /// Whether the original line started with blank space (the actor format
    /// writes a block's codes on tab-indented lines).
    pub indented: bool,
}

/// Decodes `bytes` as UTF-8 (a byte-order mark is dropped), or says on which
/// line the first invalid byte stands.
pub fn decode<'a>(file: &Path, bytes: &'a [u8]) -> Result<&'a str, LexiconError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => {
            if let Some(pos) = text.find('\0') {
                return Err(LexiconError::WrongFormat {
                    file: file.to_path_buf(),
                    line: line_of(text.as_bytes(), pos),
                    kind: "text",
                    reason: "binary data (a NUL byte)".into(),
                });
            }
            Ok(text)
        }
        Err(err) => Err(LexiconError::NotUtf8 {
            file: file.to_path_buf(),
            line: line_of(bytes, err.valid_up_to()),
        }),
    }
}

fn line_of(bytes: &[u8], pos: usize) -> usize {
    bytes[..pos].iter().filter(|&&b| b == b'\n').count() + 1
}

/// The content lines of a dictionary, comments removed. An unterminated
/// `<!--` comment is reported as a warning and runs to the end of the file.
pub fn content_lines<'a>(
    file: &Path,
    text: &'a str,
    warnings: &mut Vec<LexiconWarning>,
) -> Vec<Line<'a>> {
    let mut lines = Vec::new();
    let mut in_comment: Option<usize> = None;
    for (index, raw) in text.lines().enumerate() {
        let number = index + 1;
        let mut rest: std::borrow::Cow<'a, str> = std::borrow::Cow::Borrowed(raw);
        if in_comment.is_some() {
            match raw.find("-->") {
                Some(end) => {
                    in_comment = None;
                    rest = std::borrow::Cow::Borrowed(&raw[end + 3..]);
                }
                None => continue,
            }
        }
        let trimmed_start = rest.trim_start();
        if trimmed_start.starts_with('#') {
            continue;
        }
        if rest.starts_with("<!") && !rest.starts_with("<!--") {
            continue;
        }
        // Remove `<!-- ... -->` pieces inside the line, and open a multi-line
        // comment when one is not closed here.
        while let Some(start) = rest.find("<!--") {
            match rest[start + 4..].find("-->") {
                Some(len) => {
                    let mut joined = String::with_capacity(rest.len());
                    joined.push_str(&rest[..start]);
                    joined.push(' ');
                    joined.push_str(&rest[start + 4 + len + 3..]);
                    rest = std::borrow::Cow::Owned(joined);
                }
                None => {
                    in_comment = Some(number);
                    rest = match rest {
                        std::borrow::Cow::Borrowed(s) => std::borrow::Cow::Borrowed(&s[..start]),
                        std::borrow::Cow::Owned(s) => {
                            std::borrow::Cow::Owned(s[..start].to_string())
                        }
                    };
                    break;
                }
            }
        }
        let cut = match rest.find('#') {
            Some(pos) => pos,
            None => rest.len(),
        };
        let indented = rest.starts_with([' ', '\t']);
        let content = match rest {
            std::borrow::Cow::Borrowed(s) => std::borrow::Cow::Borrowed(s[..cut].trim_end()),
            std::borrow::Cow::Owned(s) => std::borrow::Cow::Owned(s[..cut].trim_end().to_string()),
        };
        if content.trim().is_empty() {
            continue;
        }
        lines.push(Line {
            number,
            text: content,
            indented,
        });
    }
    if let Some(start) = in_comment {
        warnings.push(LexiconWarning {
            file: file.to_path_buf(),
            line: start,
            message: "comment `<!--` is never closed with `-->`; the rest of the file was skipped"
                .into(),
        });
    }
    lines
}

/// Splits a dictionary phrase into upper-case words: `_` and blanks separate
/// words, parentheses become words of their own (as the tokenizer splits
/// them), and a trailing `_` (TABARI's "whole word" mark) is dropped.
pub fn phrase_words(phrase: &str) -> Vec<String> {
    let mut words = Vec::new();
    for piece in phrase.split(|c: char| c == '_' || c.is_whitespace()) {
        if piece.is_empty() {
            continue;
        }
        let mut piece = piece;
        while let Some(rest) = piece.strip_prefix('(') {
            words.push("(".to_string());
            piece = rest;
        }
        let mut closing = 0;
        while let Some(rest) = piece.strip_suffix(')') {
            closing += 1;
            piece = rest;
        }
        if !piece.is_empty() {
            words.push(piece.to_uppercase());
        }
        for _ in 0..closing {
            words.push(")".to_string());
        }
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines_of(text: &str) -> (Vec<(usize, String)>, Vec<LexiconWarning>) {
        let mut warnings = Vec::new();
        let lines = content_lines(Path::new("t.txt"), text, &mut warnings)
            .into_iter()
            .map(|l| (l.number, l.text.into_owned()))
            .collect();
        (lines, warnings)
    }

    #[test]
    fn strips_hash_and_xml_comments() {
        let text = "# header\nALPHA [AAA] # note\n<!-- one line -->\nBETA <!-- inline --> [BBB]\n<!--\nGAMMA\n-->\n<! -- old style -->\nDELTA\n";
        let (lines, warnings) = lines_of(text);
        assert!(warnings.is_empty());
        let texts: Vec<_> = lines.iter().map(|(_, t)| t.trim().to_string()).collect();
        assert_eq!(texts, ["ALPHA [AAA]", "BETA   [BBB]", "DELTA"]);
        assert_eq!(lines[0].0, 2);
        assert_eq!(lines[2].0, 9);
    }

    #[test]
    fn unclosed_comment_is_a_warning() {
        let (lines, warnings) = lines_of("ONE\n<!-- never closed\nTWO\n");
        assert_eq!(lines.len(), 1);
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].line, 2);
    }

    #[test]
    fn decoding_names_the_line_of_bad_bytes() {
        let err = decode(Path::new("x"), b"ok\nok\n\xff\n").unwrap_err();
        assert!(
            matches!(err, LexiconError::NotUtf8 { line: 3, .. }),
            "{err}"
        );
        assert!(decode(Path::new("x"), b"a\0b").is_err());
        assert_eq!(decode(Path::new("x"), b"\xEF\xBB\xBFabc").unwrap(), "abc");
    }

    #[test]
    fn phrases_split_on_underscores_and_parentheses() {
        assert_eq!(phrase_words("NEW_ZEALAND_"), ["NEW", "ZEALAND"]);
        assert_eq!(phrase_words("caras galadhon"), ["CARAS", "GALADHON"]);
        assert_eq!(phrase_words("ARMY_(AAIA)_"), ["ARMY", "(", "AAIA", ")"]);
    }
}
