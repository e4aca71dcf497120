//! The discards list (`Phoenix.discards.txt` format): phrases that mark a
//! sentence (or, with a leading `+`, a whole story) as not political news.
//!
//! A phrase matches words of the text regardless of case; its last word is a
//! stem (`BASEBALL` also matches "baseballs") unless the phrase ends in `_`.

use std::path::Path;

use crate::error::LexiconWarning;
use crate::source::{phrase_words, Line};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiscardEntry {
    pub words: Vec<String>,
    /// `+PHRASE`: the whole story is dropped, not only the sentence.
    pub story: bool,
    /// `PHRASE_`: the last word must match whole, not as a stem.
    pub whole_word: bool,
    pub line: usize,
}

pub(crate) fn read(
    file: &Path,
    lines: &[Line<'_>],
    warnings: &mut Vec<LexiconWarning>,
) -> ReadDiscards {
    let mut out = ReadDiscards::default();
    for line in lines {
        out.content_lines += 1;
        let mut text = line.text.trim();
        let story = match text.strip_prefix('+') {
            Some(rest) => {
                text = rest.trim();
                true
            }
            None => false,
        };
        if text.contains(['[', ']']) {
            warnings.push(LexiconWarning {
                file: file.to_path_buf(),
                line: line.number,
                message: "a discard is a plain phrase; this line has a code in [...]".into(),
            });
            out.malformed += 1;
            continue;
        }
        let whole_word = text.ends_with('_');
        let words = phrase_words(text);
        if words.is_empty() {
            warnings.push(LexiconWarning {
                file: file.to_path_buf(),
                line: line.number,
                message: "empty discard phrase".into(),
            });
            out.malformed += 1;
            continue;
        }
        out.entries.push(DiscardEntry {
            words,
            story,
            whole_word,
            line: line.number,
        });
    }
    out
}

#[derive(Debug, Default)]
pub(crate) struct ReadDiscards {
    pub entries: Vec<DiscardEntry>,
    pub content_lines: usize,
    pub malformed: usize,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::content_lines;

    #[test]
    fn sentence_and_story_discards() {
        let mut warnings = Vec::new();
        let text =
            "# comment\nQUIDDITCH MATCH\n+WIZARD CHESS   # whole story\nGOBSTONES_\nBAD [X]\n";
        let lines = content_lines(Path::new("d.txt"), text, &mut warnings);
        let out = read(Path::new("d.txt"), &lines, &mut warnings);
        assert_eq!(out.entries.len(), 3);
        assert_eq!(out.entries[0].words, ["QUIDDITCH", "MATCH"]);
        assert!(!out.entries[0].story && out.entries[1].story);
        assert!(out.entries[2].whole_word && !out.entries[0].whole_word);
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].line, 5);
    }
}
