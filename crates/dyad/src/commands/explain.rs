//! `dyad explain`: why a sentence (or a document's sentence) codes as it
//! does — tokens, parse, actors with their basis, each verb and pattern
//! tried, and the events. Human-readable; not a stable format.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use clap::Args;
use dyad_ingest::{Input, ReadOptions};
use dyad_types::{Date, Document};

use crate::commands::code::{load_lexicon, DictionaryArgs};
use dyad_pipeline::Pipeline;

#[derive(Args)]
pub struct ExplainArgs {
    /// Publication date (YYYY-MM-DD) of the text (dated actor codes depend on it).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<Date>,

    /// A document file (read as `dyad code` reads it; its first document) instead of TEXT.
    #[arg(long, value_name = "FILE", conflicts_with = "text")]
    pub doc: Option<PathBuf>,

    /// With --doc: explain only this sentence (0-based).
    #[arg(long, value_name = "N", requires = "doc")]
    pub sentence: Option<usize>,

    #[command(flatten)]
    pub dictionaries: DictionaryArgs,

    /// The text to explain (one sentence or more).
    #[arg(value_name = "TEXT", required_unless_present = "doc")]
    pub text: Option<String>,
}

pub fn run(args: ExplainArgs) -> anyhow::Result<()> {
    let pipeline = Pipeline::new(load_lexicon(&args.dictionaries)?)?;
    let doc = match (&args.doc, &args.text) {
        (Some(path), _) => {
            let options = ReadOptions {
                default_date: args.date,
                max_text_bytes: Some(dyad_pipeline::MAX_DOCUMENT_BYTES as u64),
            };
            let input = Input::from_arg(&path.to_string_lossy());
            let mut documents = dyad_ingest::read_inputs(vec![input], options)?;
            match documents.next() {
                Some(Ok(doc)) => doc,
                Some(Err(err)) => anyhow::bail!("{}: {}", path.display(), err.error),
                None => anyhow::bail!("{} holds no document", path.display()),
            }
        }
        (None, Some(text)) => {
            let mut doc = Document::new("explain", text.as_str());
            doc.date = args.date;
            doc
        }
        (None, None) => anyhow::bail!("give a text to explain, or --doc FILE"),
    };
    let text = pipeline
        .explain(&doc, args.sentence)
        .map_err(|err| anyhow::anyhow!("{}", err.error))?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    out.write_all(text.as_bytes())
        .context("writing the explanation")?;
    out.flush().context("writing the explanation")?;
    Ok(())
}
