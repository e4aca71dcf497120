//! CoNLL-U: reading treebanks for training and evaluation, and the
//! line-preserving reader/writer behind `dyad parse --input-format conllu`.

use std::io::{self, Write};

use dyad_types::ParsedSentence;

/// One syntactic word of a treebank sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldWord {
    pub form: String,
    pub lemma: String,
    pub upos: String,
    pub xpos: String,
    /// 1-based head, 0 for the root.
    pub head: usize,
    pub deprel: String,
}

/// A treebank sentence: its syntactic words (multiword tokens and empty nodes left out).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GoldSentence {
    pub words: Vec<GoldWord>,
}

impl GoldSentence {
    pub fn forms(&self) -> Vec<&str> {
        self.words.iter().map(|w| w.form.as_str()).collect()
    }
}

/// Reads a treebank. Lines that are not complete word lines are skipped;
/// a sentence whose heads are out of range is dropped.
pub fn read_treebank(text: &str) -> Vec<GoldSentence> {
    let mut out = Vec::new();
    let mut cur = GoldSentence::default();
    let mut flush = |cur: &mut GoldSentence| {
        let n = cur.words.len();
        if n > 0 && cur.words.iter().all(|w| w.head <= n) {
            out.push(std::mem::take(cur));
        }
        cur.words.clear();
    };
    for line in text.lines() {
        if line.trim().is_empty() {
            flush(&mut cur);
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let c: Vec<&str> = line.split('\t').collect();
        if c.len() < 8 || !c[0].bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        cur.words.push(GoldWord {
            form: c[1].to_string(),
            lemma: c[2].to_string(),
            upos: c[3].to_string(),
            xpos: c[4].to_string(),
            head: c[6].parse().unwrap_or(usize::MAX),
            deprel: c[7].to_string(),
        });
    }
    flush(&mut cur);
    out
}

/// A line of a CoNLL-U sentence block, as `dyad parse` echoes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    /// A `#` comment, kept verbatim.
    Comment(String),
    /// A syntactic word: its ID and FORM are kept, the rest is filled in.
    Word { id: String, form: String },
    /// A multiword-token range (`1-2`) or an empty node (`8.1`): ID and FORM
    /// are kept, the other columns written as `_`.
    Other { id: String, form: String },
}

/// A sentence block of a CoNLL-U document.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Block {
    pub lines: Vec<Line>,
}

impl Block {
    /// The FORMs of the syntactic words, the tagger's and parser's input.
    pub fn words(&self) -> Vec<&str> {
        self.lines
            .iter()
            .filter_map(|l| match l {
                Line::Word { form, .. } => Some(form.as_str()),
                _ => None,
            })
            .collect()
    }
}

/// Splits a CoNLL-U document into sentence blocks. Lenient: a word line needs
/// only ID and FORM; a line without a tab is taken as a one-word line whose
/// FORM is the whole line, so nothing in the input is silently lost.
pub fn read_blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut cur = Block::default();
    for raw in text.lines() {
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !cur.lines.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if line.starts_with('#') {
            cur.lines.push(Line::Comment(line.to_string()));
            continue;
        }
        let mut cols = line.split('\t');
        let id = cols.next().unwrap_or("").to_string();
        let form = cols.next().unwrap_or("").to_string();
        let is_word = !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit());
        if is_word {
            cur.lines.push(Line::Word { id, form });
        } else if id.contains('-') || id.contains('.') {
            cur.lines.push(Line::Other { id, form });
        } else {
            let n = cur
                .lines
                .iter()
                .filter(|l| matches!(l, Line::Word { .. }))
                .count();
            cur.lines.push(Line::Word {
                id: (n + 1).to_string(),
                form: line.trim().to_string(),
            });
        }
    }
    if !cur.lines.is_empty() {
        out.push(cur);
    }
    out
}

/// Replaces characters that would break the column format.
fn clean(s: &str) -> std::borrow::Cow<'_, str> {
    if s.is_empty() {
        return "_".into();
    }
    if s.contains(['\t', '\n', '\r']) {
        return s.replace(['\t', '\n', '\r'], " ").into();
    }
    s.into()
}

/// Writes one block with the parse of its words, then a blank line.
pub fn write_block<W: Write>(out: &mut W, block: &Block, parse: &ParsedSentence) -> io::Result<()> {
    let ids: Vec<&str> = block
        .lines
        .iter()
        .filter_map(|l| match l {
            Line::Word { id, .. } => Some(id.as_str()),
            _ => None,
        })
        .collect();
    let mut k = 0;
    for line in &block.lines {
        match line {
            Line::Comment(c) => writeln!(out, "{c}")?,
            Line::Other { id, form } => {
                writeln!(out, "{id}\t{}\t_\t_\t_\t_\t_\t_\t_\t_", clean(form))?
            }
            Line::Word { id, form } => {
                match parse.words.get(k) {
                    Some(w) => {
                        let head = match w.head.and_then(|h| ids.get(h)) {
                            Some(h) => h,
                            None => "0",
                        };
                        writeln!(
                            out,
                            "{id}\t{}\t{}\t{}\t{}\t_\t{head}\t{}\t_\t_",
                            clean(form),
                            clean(&w.lemma),
                            w.upos.as_str(),
                            clean(&w.xpos),
                            clean(&w.deprel)
                        )?;
                    }
                    None => writeln!(out, "{id}\t{}\t_\t_\t_\t_\t_\t_\t_\t_", clean(form))?,
                }
                k += 1;
            }
        }
    }
    writeln!(out)
}

/// Writes a parsed sentence that came from raw text.
pub fn write_sentence<W: Write>(
    out: &mut W,
    sent_id: &str,
    text: &str,
    words: &[&str],
    parse: &ParsedSentence,
) -> io::Result<()> {
    writeln!(out, "# sent_id = {sent_id}")?;
    writeln!(out, "# text = {}", text.replace(['\n', '\r', '\t'], " "))?;
    let block = Block {
        lines: words
            .iter()
            .enumerate()
            .map(|(i, w)| Line::Word {
                id: (i + 1).to_string(),
                form: w.to_string(),
            })
            .collect(),
    };
    write_block(out, &block, parse)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_keep_comments_and_multiword_lines() {
        let text =
            "# sent_id = a\n1-2\tcan't\t_\n1\tca\t_\n2\tn't\t_\n3\tgo\t_\n3.1\tx\t_\n\n1\tHi\n";
        let blocks = read_blocks(text);
        assert_eq!(blocks.len(), 2);
        assert_eq!(blocks[0].words(), vec!["ca", "n't", "go"]);
        assert_eq!(blocks[0].lines.len(), 6);
        assert_eq!(blocks[1].words(), vec!["Hi"]);
    }

    #[test]
    fn treebank_skips_ranges_and_reads_heads() {
        let text = "1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n1\tdo\tdo\tAUX\tVBP\t_\t3\taux\t_\t_\n2\tn't\tnot\tPART\tRB\t_\t3\tadvmod\t_\t_\n3\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\t_\n";
        let s = read_treebank(text);
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].words.len(), 3);
        assert_eq!(s[0].words[2].head, 0);
        assert_eq!(s[0].words[1].lemma, "not");
    }
}
