//! `dyad code`: documents in, events out (JSON lines), as the CLI contract states.
//! Also the reading loop that `dyad actors` shares: documents read lazily,
//! worked on in batches over threads, written in input order.

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context;
use clap::{Args, ValueEnum};
use dyad_ingest::{Documents, Input, ReadOptions};
use dyad_lexicon::{Lexicon, LexiconFiles};
use dyad_types::{Date, DocError, Document};
use serde::Serialize;

use crate::output::{report_doc_error, write_json_line, Progress};
use dyad_pipeline::{
    default_threads, Batches, Pipeline, DEFAULT_DOCUMENT_BUDGET, MAX_DOCUMENT_BYTES,
};

#[derive(Args)]
pub struct CodeArgs {
    /// Output format. `gdelt` (GDELT 2.0 event table columns) is not available yet.
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    pub format: Format,

    #[command(flatten)]
    pub dictionaries: DictionaryArgs,

    #[command(flatten)]
    pub reading: ReadArgs,
}

/// Dictionary files that replace kinds of the built-in lexicon.
#[derive(Args)]
pub struct DictionaryArgs {
    /// Verb dictionary in the PETRARCH2 CAMEO.2.0.txt format; replaces the built-in verbs.
    #[arg(long, value_name = "FILE")]
    pub verbs: Option<PathBuf>,

    /// Actor dictionary in the PETRARCH2 format (repeatable); replaces the built-in actors.
    #[arg(long, value_name = "FILE")]
    pub actors: Vec<PathBuf>,

    /// Agents dictionary in the PETRARCH2 format; replaces the built-in agents.
    #[arg(long, value_name = "FILE")]
    pub agents: Option<PathBuf>,

    /// Discards dictionary in the PETRARCH2 format; replaces the built-in discards.
    #[arg(long, value_name = "FILE")]
    pub discards: Option<PathBuf>,

    /// Word classes (dyad's words.txt format) added to the built-in ones.
    #[arg(long, value_name = "FILE")]
    pub words: Option<PathBuf>,
}

/// What to read, and how.
#[derive(Args)]
pub struct ReadArgs {
    /// Publication date (YYYY-MM-DD) of documents that carry none.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<Date>,

    /// Worker threads (default: one per core).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,

    /// CPU seconds one document may take to code; a document over it is
    /// reported as an error, not coded. 0: no limit.
    #[arg(long, value_name = "SECONDS", default_value_t = DEFAULT_DOCUMENT_BUDGET.as_secs_f64())]
    pub doc_budget: f64,

    /// Print no summary line on standard error at the end.
    #[arg(long, short)]
    pub quiet: bool,

    /// Inputs: .txt, .jsonl, .html, .warc(.gz) files or directories; `-` or nothing reads standard input.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<String>,
}

impl ReadArgs {
    /// The time budget per document `--doc-budget` asks for.
    pub fn budget(&self) -> anyhow::Result<Option<Duration>> {
        match self.doc_budget {
            0.0 => Ok(None),
            b if b.is_finite() && b > 0.0 && b < 1e9 => Ok(Some(Duration::from_secs_f64(b))),
            b => anyhow::bail!(
                "--doc-budget {b}: give a number of seconds above 0, or 0 for no limit"
            ),
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One JSON object per event and line.
    Jsonl,
    /// GDELT 2.0 event table (not available yet).
    Gdelt,
}

pub fn run(args: CodeArgs) -> anyhow::Result<()> {
    if args.format == Format::Gdelt {
        anyhow::bail!("--format gdelt is not available yet; use --format jsonl (the default)");
    }
    let pipeline =
        Pipeline::new(load_lexicon(&args.dictionaries)?)?.with_budget(args.reading.budget()?);
    for_each_document(&args.reading, "dyad code", "event", |doc| {
        pipeline.code_document(doc)
    })
}

/// Reads the inputs, applies `work` to each document on the threads, and
/// writes what it gives as JSON lines in input order; per-document errors
/// go to standard error as JSON lines. Ends with a summary line naming
/// `command` and counting the `item`s written.
pub fn for_each_document<T: Serialize + Send>(
    args: &ReadArgs,
    command: &str,
    item: &str,
    work: impl Fn(&Document) -> Result<Vec<T>, DocError> + Sync,
) -> anyhow::Result<()> {
    let documents = read_documents(args)?;
    let threads = args.threads.unwrap_or_else(default_threads);

    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let progress = Progress::new();
    let (mut written, mut coded) = (0usize, 0usize);
    // Documents are worked on a batch at a time, spread over the threads,
    // and written in input order: memory stays bounded by the batch, not
    // the input.
    let mut batches = Batches::new(documents, threads);
    while let Some(batch) = batches.next_with(|item| match item {
        Ok(doc) => work(doc),
        Err(err) => Err(err.clone()),
    }) {
        for (_, result) in &batch {
            match result {
                Ok(items) => {
                    coded += 1;
                    written += items.len();
                    for item in items {
                        write_json_line(&mut out, item).context("writing output")?;
                    }
                }
                Err(err) => report_doc_error(err),
            }
        }
        progress.advance(batch.len() as u64, || {
            batches.source().summary().to_string()
        });
    }
    out.flush().context("writing output")?;
    progress.finish();
    if !args.quiet {
        eprintln!(
            "{command}: {}; {written} {item}{} from {coded} document{} coded",
            batches.source().summary(),
            if written == 1 { "" } else { "s" },
            if coded == 1 { "" } else { "s" },
        );
    }
    Ok(())
}

/// The document stream of the inputs `args` names (a missing input is an error).
pub fn read_documents(args: &ReadArgs) -> anyhow::Result<Documents> {
    let inputs = args.inputs.iter().map(|arg| Input::from_arg(arg)).collect();
    let options = ReadOptions {
        default_date: args.date,
        // A text longer than the pipeline codes is refused before it is
        // buffered (standard input may be any size).
        max_text_bytes: Some(MAX_DOCUMENT_BYTES as u64),
    };
    Ok(dyad_ingest::read_inputs(inputs, options)?)
}

/// The built-in lexicon, with each kind the user named replaced by their file.
pub fn load_lexicon(args: &DictionaryArgs) -> anyhow::Result<Lexicon> {
    let files = LexiconFiles {
        verbs: args.verbs.clone(),
        actors: args.actors.clone(),
        agents: args.agents.clone(),
        discards: args.discards.clone(),
        words: args.words.clone(),
    };
    let (lexicon, warnings) = Lexicon::load(&files)
        .context("cannot load the dictionaries; check the file names and formats")?;
    for warning in warnings {
        eprintln!("dyad: warning: {warning}");
    }
    Ok(lexicon)
}
