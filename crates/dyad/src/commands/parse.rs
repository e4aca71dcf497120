//! `dyad parse`: Parse text or CoNLL-U into CoNLL-U (tags, lemmas, dependencies).

use std::io::{self, BufWriter, Read, Write};
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
    let input = read_input(args.file.as_deref())?;
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    match args.input_format {
        InputFormat::Conllu => {
            for block in read_blocks(&input) {
                let parse = model.parse(&block.words());
                write_block(&mut out, &block, &parse)?;
            }
        }
        InputFormat::Text => {
            // Sentence spans count characters; map them to byte offsets once.
            let bytes: Vec<usize> = input
                .char_indices()
                .map(|(b, _)| b)
                .chain(std::iter::once(input.len()))
                .collect();
            let slice = |start: usize, end: usize| -> &str {
                let b = |c: usize| bytes.get(c).copied().unwrap_or(input.len());
                input.get(b(start)..b(end)).unwrap_or("")
            };
            for (k, sentence) in dyad_text::sentences(&input).iter().enumerate() {
                let words: Vec<&str> = sentence.tokens.iter().map(|t| t.text.as_str()).collect();
                if words.is_empty() {
                    continue;
                }
                let parse = model.parse(&words);
                let text = slice(sentence.span.start, sentence.span.end);
                write_sentence(&mut out, &(k + 1).to_string(), text, &words, &parse)?;
            }
        }
    }
    out.flush()?;
    Ok(())
}

fn read_input(file: Option<&std::path::Path>) -> anyhow::Result<String> {
    let mut raw = Vec::new();
    match file {
        Some(p) if p.as_os_str() != "-" => {
            raw = std::fs::read(p).with_context(|| format!("cannot read {}", p.display()))?;
        }
        _ => {
            io::stdin()
                .read_to_end(&mut raw)
                .context("cannot read standard input")?;
        }
    }
    // Invalid UTF-8 is replaced rather than refused: one bad byte should not
    // stop a parse.
    Ok(match String::from_utf8(raw) {
        Ok(s) => s,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    })
}
