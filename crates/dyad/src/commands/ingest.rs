//! `dyad ingest`: documents in, events stored — coded as `dyad code` codes
//! them and kept in a SQLite database (`dyad-store`), one event per
//! happening. Idempotent, and resumable after a crash by running it again.

use std::path::PathBuf;
use std::sync::{Mutex, OnceLock};

use anyhow::Context;
use clap::Args;
use dyad_pipeline::{default_threads, Pipeline, BATCH_DOCUMENTS};
use dyad_store::{Incoming, IngestOptions, RunInfo};
use dyad_types::{DocError, Document};

use crate::commands::code::{load_lexicon, read_documents, DictionaryArgs, ReadArgs};
use crate::output::{report_doc_error, Progress};

#[derive(Args)]
pub struct IngestArgs {
    /// The database file (created when missing).
    #[arg(long, value_name = "FILE", default_value = dyad_store::DEFAULT_DB)]
    pub db: PathBuf,

    #[command(flatten)]
    pub dictionaries: DictionaryArgs,

    #[command(flatten)]
    pub reading: ReadArgs,

    /// Documents per batch and transaction.
    #[arg(long, value_name = "N", default_value_t = BATCH_DOCUMENTS, hide = true)]
    pub batch: usize,

    /// Caps the database at N pages of 4 KB (as if the disk were that full).
    #[arg(long, value_name = "N", hide = true)]
    pub max_pages: Option<i64>,
}

/// What the run records of the dictionaries it coded with.
fn lexicon_description(args: &DictionaryArgs) -> String {
    let mut parts = Vec::new();
    let mut add = |kind: &str, path: &Option<PathBuf>| {
        if let Some(p) = path {
            parts.push(format!("{kind}={}", p.display()));
        }
    };
    add("verbs", &args.verbs);
    add("agents", &args.agents);
    add("discards", &args.discards);
    add("words", &args.words);
    for p in &args.actors {
        parts.push(format!("actors={}", p.display()));
    }
    if parts.is_empty() {
        "built-in".to_string()
    } else {
        format!("built-in, replaced: {}", parts.join(" "))
    }
}

pub fn run(args: IngestArgs) -> anyhow::Result<()> {
    // The dictionaries are read now (a bad file stops the run before it
    // starts); the parser and coder are built only when a document needs
    // coding, so that re-ingesting stored documents costs no model load.
    let lexicon = Mutex::new(Some(load_lexicon(&args.dictionaries)?));
    let budget = args.reading.budget()?;
    let pipeline: OnceLock<Result<Pipeline, String>> = OnceLock::new();
    let code = |doc: &Document| {
        let built = pipeline.get_or_init(|| {
            let lexicon = lexicon.lock().ok().and_then(|mut l| l.take());
            match lexicon {
                Some(lexicon) => Pipeline::new(lexicon)
                    .map(|p| p.with_budget(budget))
                    .map_err(|e| e.to_string()),
                None => Err("the coder could not be built".to_string()),
            }
        });
        match built {
            Ok(pipeline) => pipeline.code_document(doc),
            Err(err) => Err(DocError::new(&doc.id, err.clone())),
        }
    };
    let mut documents = read_documents(&args.reading)?.on_warning(|w| report_doc_error(&w));
    let info = RunInfo {
        dyad_version: env!("CARGO_PKG_VERSION").to_string(),
        model: format!("built-in en_ewt (dyad {})", env!("CARGO_PKG_VERSION")),
        lexicon: lexicon_description(&args.dictionaries),
        inputs: args.reading.inputs.clone(),
    };
    let options = IngestOptions {
        threads: args.reading.threads.unwrap_or_else(default_threads),
        batch: args.batch,
        max_pages: args.max_pages,
        ..IngestOptions::default()
    };
    let progress = Progress::new();
    let shown = Mutex::new(0i64);
    let items = std::iter::from_fn(|| documents.next_article()).map(|item| {
        item.map(|article| Incoming {
            site: article.site.clone(),
            doc: article.into(),
        })
    });
    let counts = dyad_store::ingest(
        &args.db,
        items,
        code,
        &info,
        &options,
        report_doc_error,
        |counts| {
            if let Ok(mut shown) = shown.lock() {
                let delta = (counts.read - *shown).max(0) as u64;
                *shown = counts.read;
                progress.advance(delta, || {
                    format!(
                        "{} documents, {} mentions stored",
                        counts.read, counts.mentions
                    )
                });
            }
        },
    )
    .with_context(|| format!("dyad ingest stopped; {}", args.db.display()))?;
    progress.finish();
    if !args.reading.quiet {
        eprintln!(
            "dyad ingest: {}; {} new, {} replaced, {} unchanged, {} failed; {} mentions stored, {} new events; in {}",
            documents.summary(),
            counts.new,
            counts.replaced,
            counts.unchanged,
            counts.failed,
            counts.mentions,
            counts.events,
            args.db.display()
        );
    }
    Ok(())
}
