//! Word classes (dyad's own format): the closed classes of English words the
//! coder's rules look at — auxiliaries, negation, subordinators, pronouns,
//! prepositions of place, verbs of intent and report.
//!
//! ```text
//! # a comment
//! [negation]            a class
//! NOT N'T NEVER         its words, upper case, separated by blanks
//! ```
//! A class may span several lines and be named again further on (its words
//! are added). A word matches a token's form or its lemma.

use std::collections::BTreeMap;
use std::path::Path;

use crate::error::LexiconWarning;
use crate::source::Line;

/// Words by class name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WordClasses {
    pub classes: BTreeMap<String, Vec<String>>,
}

impl WordClasses {
    /// The words of class `name` (none when the class is not defined).
    pub fn get(&self, name: &str) -> &[String] {
        self.classes.get(name).map_or(&[], Vec::as_slice)
    }

    /// Adds the words of `other` to the classes of the same names.
    pub fn extend(&mut self, other: WordClasses) {
        for (name, words) in other.classes {
            let list = self.classes.entry(name).or_default();
            for word in words {
                if !list.contains(&word) {
                    list.push(word);
                }
            }
        }
    }

    /// Number of words over all classes.
    pub fn word_count(&self) -> usize {
        self.classes.values().map(Vec::len).sum()
    }
}

pub(crate) fn read(
    file: &Path,
    lines: &[Line<'_>],
    warnings: &mut Vec<LexiconWarning>,
) -> ReadWords {
    let mut out = ReadWords::default();
    let mut current: Option<String> = None;
    let mut warn = |line: usize, message: String| {
        warnings.push(LexiconWarning {
            file: file.to_path_buf(),
            line,
            message,
        })
    };
    for line in lines {
        out.content_lines += 1;
        let text = line.text.trim();
        if let Some(name) = text.strip_prefix('[') {
            let Some(name) = name.strip_suffix(']') else {
                warn(
                    line.number,
                    format!("a class header is [name]; found {text:?}"),
                );
                out.malformed += 1;
                continue;
            };
            let valid = !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
            if !valid {
                warn(
                    line.number,
                    format!("a class name is lower-case letters, digits and '_'; found {name:?}"),
                );
                out.malformed += 1;
                current = None;
                continue;
            }
            out.words.classes.entry(name.to_string()).or_default();
            current = Some(name.to_string());
            continue;
        }
        let Some(class) = &current else {
            warn(line.number, "words before any [class] header".into());
            out.malformed += 1;
            continue;
        };
        let list = out.words.classes.entry(class.clone()).or_default();
        for word in text.split_whitespace() {
            if word.chars().any(|c| c.is_lowercase()) || word.contains(['[', ']', '{', '}']) {
                warn(
                    line.number,
                    format!("words are written in upper case, one token each; found {word:?}"),
                );
                out.malformed += 1;
                continue;
            }
            if !list.iter().any(|w| w == word) {
                list.push(word.to_string());
                out.entries += 1;
            }
        }
    }
    out
}

#[derive(Debug, Default)]
pub(crate) struct ReadWords {
    pub words: WordClasses,
    pub entries: usize,
    pub content_lines: usize,
    pub malformed: usize,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::content_lines;

    fn parse(text: &str) -> (ReadWords, Vec<LexiconWarning>) {
        let mut warnings = Vec::new();
        let file = Path::new("w.txt");
        let lines = content_lines(file, text, &mut warnings);
        let out = read(file, &lines, &mut warnings);
        (out, warnings)
    }

    #[test]
    fn classes_gather_their_words() {
        let (out, warnings) = parse("# c\n[negation]\nNOT N'T\nNEVER\n[be]\nIS\n[negation]\nNO\n");
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(out.words.get("negation"), ["NOT", "N'T", "NEVER", "NO"]);
        assert_eq!(out.words.get("be"), ["IS"]);
        assert!(out.words.get("absent").is_empty());
    }

    #[test]
    fn malformed_lines_are_warnings_with_file_and_line() {
        let (out, warnings) = parse("NOT\n[Bad Name]\n[ok]\nlower UPPER\n[open\n");
        let lines: Vec<usize> = warnings.iter().map(|w| w.line).collect();
        assert_eq!(lines, [1, 2, 4, 5]);
        assert!(warnings.iter().all(|w| w.file == Path::new("w.txt")));
        assert_eq!(out.words.get("ok"), ["UPPER"]);
    }
}
