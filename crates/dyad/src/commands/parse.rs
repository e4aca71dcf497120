//! `dyad parse`: Parse text or CoNLL-U into CoNLL-U (tags, lemmas, dependencies).

use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::path::PathBuf;

use anyhow::Context;
use clap::{Args, ValueEnum};
use dyad_nlp::conllu::{read_blocks, write_block, write_sentence};
use dyad_nlp::Model;

#[derive(Args)]
pub struct ParseArgs {
    /// What the input is: raw text (split into sentences and tokens here) or
    /// CoNLL-U (its sentences and word lines are kept as given).
    #[arg(long, value_enum, default_value_t = InputFormat::Text)]
    pub input_format: InputFormat,

    /// A model file written by `dyad train` instead of the built-in model.
    #[arg(long, value_name = "FILE")]
    pub model: Option<PathBuf>,

    /// Input file; standard input when absent or `-`.
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    Text,
    Conllu,
}

/// The model in `path` (a file written by `dyad train`), or the built-in one.
pub(crate) fn load_model(path: Option<&std::path::Path>) -> anyhow::Result<Model> {
    Ok(match path {
        Some(path) => {
            let bytes = std::fs::read(path)
                .with_context(|| format!("cannot read model file {}", path.display()))?;
            Model::from_bytes(&bytes)
                .with_context(|| format!("{} is not a dyad model file", path.display()))?
        }
        None => Model::embedded().context("the built-in language model is unusable")?,
    })
}

pub fn run(args: ParseArgs) -> anyhow::Result<()> {
    let model = load_model(args.model.as_deref())?;
    let input: Box<dyn BufRead> = match args.file.as_deref() {
        Some(p) if p.as_os_str() != "-" => Box::new(BufReader::new(
            std::fs::File::open(p).with_context(|| format!("cannot read {}", p.display()))?,
        )),
        _ => Box::new(BufReader::new(io::stdin())),
    };
    let name = args
        .file
        .as_deref()
        .map_or("standard input".to_string(), |p| p.display().to_string());
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    // The input is read and written a window at a time (windows end at a
    // blank line), so memory does not grow with it.
    let mut sentence_number = 0usize;
    let mut line_number = 0usize;
    for window in Windows::new(input) {
        let window = window.with_context(|| format!("cannot read {name}"))?;
        match args.input_format {
            InputFormat::Conllu => {
                check_conllu(&window, &name, line_number)?;
                line_number += window.lines().count();
                for block in read_blocks(&window) {
                    let parse = model.parse(&block.words());
                    write_block(&mut out, &block, &parse)?;
                }
            }
            InputFormat::Text => {
                // Sentence spans count characters; map them to byte offsets once.
                let bytes: Vec<usize> = window
                    .char_indices()
                    .map(|(b, _)| b)
                    .chain(std::iter::once(window.len()))
                    .collect();
                let slice = |start: usize, end: usize| -> &str {
                    let b = |c: usize| bytes.get(c).copied().unwrap_or(window.len());
                    window.get(b(start)..b(end)).unwrap_or("")
                };
                for sentence in &dyad_text::sentences(&window) {
                    let words: Vec<&str> =
                        sentence.tokens.iter().map(|t| t.text.as_str()).collect();
                    if words.is_empty() {
                        continue;
                    }
                    sentence_number += 1;
                    let parse = model.parse(&words);
                    let text = slice(sentence.span.start, sentence.span.end);
                    write_sentence(&mut out, &sentence_number.to_string(), text, &words, &parse)?;
                }
            }
        }
    }
    out.flush()?;
    Ok(())
}

/// Refuses input that is not CoNLL-U: every line that is not blank or a
/// comment must start with an ID and a FORM separated by a tab.
fn check_conllu(window: &str, name: &str, first_line: usize) -> anyhow::Result<()> {
    for (k, line) in window.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let mut cols = line.split('\t');
        let id = cols.next().unwrap_or("");
        let form = cols.next();
        let id_ok = !id.is_empty()
            && id
                .bytes()
                .all(|b| b.is_ascii_digit() || b == b'-' || b == b'.');
        if !id_ok || form.is_none() {
            anyhow::bail!(
                "{name}:{}: not CoNLL-U (a word line is an ID, a tab and a FORM); \
                 use --input-format text for plain text",
                first_line + k + 1
            );
        }
    }
    Ok(())
}

/// Text read in windows that end at a blank line once [`WINDOW`] bytes are
/// gathered — or, in text with no blank line for [`MAX_WINDOW`] bytes, at a
/// line end, else at a blank, else anywhere (at a character boundary).
/// Invalid UTF-8 is replaced rather than refused: one bad byte should not
/// stop a parse.
struct Windows<R: BufRead> {
    reader: R,
    buf: Vec<u8>,
    done: bool,
}

/// Bytes gathered before a window may end at the next blank line.
const WINDOW: usize = 256 << 10;
/// Bytes after which a window ends wherever it can.
const MAX_WINDOW: usize = 4 << 20;

impl<R: BufRead> Windows<R> {
    fn new(reader: R) -> Windows<R> {
        Windows {
            reader,
            buf: Vec::new(),
            done: false,
        }
    }

    /// Takes the first `end` bytes of the buffer as a window.
    fn take(&mut self, end: usize) -> String {
        let rest = self.buf.split_off(end);
        let window = std::mem::replace(&mut self.buf, rest);
        match String::from_utf8(window) {
            Ok(s) => s,
            Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
        }
    }
}

impl<R: BufRead> Iterator for Windows<R> {
    type Item = io::Result<String>;

    fn next(&mut self) -> Option<io::Result<String>> {
        loop {
            if self.done {
                return (!self.buf.is_empty()).then(|| {
                    let end = self.buf.len();
                    Ok(self.take(end))
                });
            }
            // One line, or as much of it as fits in the window.
            let line_start = self.buf.len();
            let mut ended = false;
            while !ended && self.buf.len() < MAX_WINDOW {
                let available = match self.reader.fill_buf() {
                    Ok(a) => a,
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    Err(e) => return Some(Err(e)),
                };
                if available.is_empty() {
                    self.done = true;
                    break;
                }
                let room = MAX_WINDOW - self.buf.len();
                let (n, newline) = match memchr_newline(&available[..available.len().min(room)]) {
                    Some(i) => (i + 1, true),
                    None => (available.len().min(room), false),
                };
                self.buf.extend_from_slice(&available[..n]);
                self.reader.consume(n);
                ended = newline;
            }
            let blank = ended && self.buf[line_start..].iter().all(u8::is_ascii_whitespace);
            if blank && self.buf.len() >= WINDOW {
                let end = self.buf.len();
                return Some(Ok(self.take(end)));
            }
            if self.buf.len() >= MAX_WINDOW {
                // No blank line for a long while: cut at the last line end,
                // else at the last blank, else at a character boundary.
                let cut = self
                    .buf
                    .iter()
                    .rposition(|&b| b == b'\n')
                    .or_else(|| self.buf.iter().rposition(|&b| b == b' ' || b == b'\t'))
                    .map(|i| i + 1)
                    .unwrap_or_else(|| {
                        let mut end = self.buf.len();
                        while end > 0 && (self.buf[end - 1] & 0b1100_0000) == 0b1000_0000 {
                            end -= 1;
                        }
                        // (The last character's first byte goes to the next window.)
                        end.saturating_sub(1).max(1)
                    });
                return Some(Ok(self.take(cut)));
            }
        }
    }
}

fn memchr_newline(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'\n')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn windows(text: &[u8]) -> Vec<String> {
        Windows::new(io::Cursor::new(text.to_vec()))
            .map(|w| w.unwrap())
            .collect()
    }

    #[test]
    fn windows_end_at_blank_lines_and_lose_nothing() {
        let paragraph = "Rohan met Gondor on Monday.\nThe talks went well.\n\n";
        let text = paragraph.repeat(30_000);
        let got = windows(text.as_bytes());
        assert!(got.len() > 1, "a large input is read in several windows");
        assert!(got.iter().all(|w| w.len() <= MAX_WINDOW));
        assert!(got[..got.len() - 1].iter().all(|w| w.ends_with("\n\n")));
        assert_eq!(got.concat(), text);
    }

    #[test]
    fn a_line_with_no_end_is_cut_at_a_blank_then_anywhere() {
        let spaced = "word ".repeat(2 * MAX_WINDOW / 5 + 7);
        let got = windows(spaced.as_bytes());
        assert!(got.len() >= 2 && got.iter().all(|w| w.len() <= MAX_WINDOW));
        assert_eq!(got.concat(), spaced);
        // One giant token of multi-byte characters: cut at character boundaries.
        let token = "é".repeat(MAX_WINDOW);
        let got = windows(token.as_bytes());
        assert_eq!(got.concat(), token);
        // Invalid UTF-8 is replaced, not refused.
        let got = windows(b"ab\xffcd\n");
        assert_eq!(got.concat(), "ab\u{fffd}cd\n");
    }

    #[test]
    fn text_that_is_not_conllu_is_refused_with_its_line() {
        let err = check_conllu(
            "# sent_id = 1\n1\tHi\n\n# A title\nSome prose.\n",
            "x.md",
            0,
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("x.md:5"), "{err}");
        assert!(check_conllu("1\tHi\t_\n2-3\tdon't\n2\tdo\n3\tn't\n", "ok", 0).is_ok());
    }
}
