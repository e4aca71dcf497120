//! `dyad code`: documents in, events out (JSON lines), as the CLI contract states.

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

use anyhow::Context;
use clap::{Args, ValueEnum};
use dyad_ingest::{Input, ReadOptions};
use dyad_lexicon::{Lexicon, LexiconFiles};
use dyad_types::{Date, DocError, Document, Event};

use crate::output::{report_doc_error, write_json_line, Progress};
use crate::pipeline::Pipeline;

#[derive(Args)]
pub struct CodeArgs {
    /// Publication date (YYYY-MM-DD) of documents that carry none.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<Date>,

    /// Output format. `gdelt` (GDELT 2.0 event table columns) is not available yet.
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    pub format: Format,

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

    /// Worker threads (default: one per core).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,

    /// Print no summary line on standard error at the end.
    #[arg(long, short)]
    pub quiet: bool,

    /// Inputs: .txt, .jsonl, .html, .warc(.gz) files or directories; `-` or nothing reads standard input.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<String>,
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
    let lexicon = load_lexicon(&args)?;
    let pipeline = Pipeline::new(lexicon)?;
    let inputs = args.inputs.iter().map(|arg| Input::from_arg(arg)).collect();
    let options = ReadOptions {
        default_date: args.date,
    };
    let mut documents = dyad_ingest::read_inputs(inputs, options)?;

    let threads = args
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);

    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let progress = Progress::new();
    let mut counts = Counts::default();
    // Documents are coded a batch at a time, spread over the threads, and
    // written in input order: memory stays bounded by the batch, not the input.
    let mut batch = Vec::with_capacity(BATCH_DOCUMENTS);
    loop {
        batch.clear();
        batch.extend(documents.by_ref().take(BATCH_DOCUMENTS));
        if batch.is_empty() {
            break;
        }
        for result in code_batch(&pipeline, &batch, threads) {
            match result {
                Ok(events) => {
                    counts.coded += 1;
                    counts.events += events.len();
                    for event in &events {
                        write_json_line(&mut out, event).context("writing events")?;
                    }
                }
                Err(err) => report_doc_error(&err),
            }
        }
        progress.advance(batch.len() as u64, || documents.summary().to_string());
    }
    out.flush().context("writing events")?;
    progress.finish();
    if !args.quiet {
        eprintln!(
            "dyad code: {}; {} event{} from {} document{} coded",
            documents.summary(),
            counts.events,
            if counts.events == 1 { "" } else { "s" },
            counts.coded,
            if counts.coded == 1 { "" } else { "s" },
        );
    }
    Ok(())
}

/// What the closing summary line reports besides the reading counts.
#[derive(Default)]
struct Counts {
    events: usize,
    coded: usize,
}

/// Documents read and coded together; large enough to keep every thread busy.
const BATCH_DOCUMENTS: usize = 256;

type Coded = Result<Vec<Event>, DocError>;

/// Codes a batch on `threads` threads; results come back in the batch's order.
fn code_batch(
    pipeline: &Pipeline,
    batch: &[Result<Document, DocError>],
    threads: usize,
) -> Vec<Coded> {
    let code_one = |item: &Result<Document, DocError>| match item {
        Ok(doc) => pipeline.code_document(doc),
        Err(err) => Err(err.clone()),
    };
    if threads == 1 || batch.len() < 2 {
        return batch.iter().map(code_one).collect();
    }
    let chunk = batch.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let workers: Vec<_> = batch
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(code_one).collect::<Vec<_>>()))
            .collect();
        workers
            .into_iter()
            .flat_map(|worker| match worker.join() {
                Ok(results) => results,
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect()
    })
}

/// The built-in lexicon, with each kind the user named replaced by their file.
fn load_lexicon(args: &CodeArgs) -> anyhow::Result<Lexicon> {
    let files = LexiconFiles {
        verbs: args.verbs.clone(),
        actors: args.actors.clone(),
        agents: args.agents.clone(),
        discards: args.discards.clone(),
    };
    let (lexicon, warnings) = Lexicon::load(&files)
        .context("cannot load the dictionaries; check the file names and formats")?;
    for warning in warnings {
        eprintln!("dyad: warning: {warning}");
    }
    Ok(lexicon)
}
