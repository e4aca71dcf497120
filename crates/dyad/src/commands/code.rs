//! `dyad code`: documents in, events out (JSON lines), as the CLI contract states.
//! Also the reading loop that `dyad actors` shares: documents read lazily,
//! worked on in batches over threads, written in input order.

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use anyhow::Context;
use clap::{Args, ValueEnum};
use dyad_ingest::{Input, ReadOptions};
use dyad_lexicon::{Lexicon, LexiconFiles};
use dyad_types::{Date, DocError, Document};
use serde::Serialize;

use crate::output::{report_doc_error, write_json_line, Progress};
use crate::pipeline::Pipeline;

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
    let pipeline = Pipeline::new(load_lexicon(&args.dictionaries)?)?;
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
    let (mut written, mut coded) = (0usize, 0usize);
    // Documents are worked on a batch at a time, spread over the threads,
    // and written in input order: memory stays bounded by the batch, not
    // the input.
    let mut batch = Vec::with_capacity(BATCH_DOCUMENTS);
    loop {
        batch.clear();
        batch.extend(documents.by_ref().take(BATCH_DOCUMENTS));
        if batch.is_empty() {
            break;
        }
        let results = map_in_order(&batch, threads, |item| match item {
            Ok(doc) => work(doc),
            Err(err) => Err(err.clone()),
        });
        for result in results {
            match result {
                Ok(items) => {
                    coded += 1;
                    written += items.len();
                    for item in &items {
                        write_json_line(&mut out, item).context("writing output")?;
                    }
                }
                Err(err) => report_doc_error(&err),
            }
        }
        progress.advance(batch.len() as u64, || documents.summary().to_string());
    }
    out.flush().context("writing output")?;
    progress.finish();
    if !args.quiet {
        eprintln!(
            "{command}: {}; {written} {item}{} from {coded} document{} coded",
            documents.summary(),
            if written == 1 { "" } else { "s" },
            if coded == 1 { "" } else { "s" },
        );
    }
    Ok(())
}

/// Documents read and coded together; large enough to keep every thread busy.
const BATCH_DOCUMENTS: usize = 256;

/// Applies `f` to every item on `threads` threads and returns the results in
/// the items' order. Threads take the next item as they finish one, so one
/// slow document does not leave the other threads idle.
fn map_in_order<I: Sync, R: Send>(
    items: &[I],
    threads: usize,
    f: impl Fn(&I) -> R + Sync,
) -> Vec<R> {
    if threads == 1 || items.len() < 2 {
        return items.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let done: Mutex<Vec<(usize, R)>> = Mutex::new(Vec::with_capacity(items.len()));
    std::thread::scope(|scope| {
        for _ in 0..threads.min(items.len()) {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(item) = items.get(i) else { break };
                let result = f(item);
                if let Ok(mut done) = done.lock() {
                    done.push((i, result));
                }
            });
        }
    });
    let mut done = done
        .into_inner()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    done.sort_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, r)| r).collect()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_back_in_input_order_whatever_the_threads() {
        let items: Vec<u64> = (0..100).collect();
        // Uneven work: some items take much longer than others.
        let slow =
            |&n: &u64| -> u64 { (0..(n % 7) * 20_000).fold(n, |a, b| a ^ b.wrapping_mul(31)) };
        let one = map_in_order(&items, 1, slow);
        for threads in [2, 3, 8] {
            assert_eq!(map_in_order(&items, threads, slow), one);
        }
    }
}
