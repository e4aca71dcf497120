//! A whole ingest run: documents read a batch at a time, those not stored
//! yet coded on all cores, and every batch stored by one writer thread in
//! one transaction while the next batch is coded.
//!
//! Resuming is re-running: a document already stored with the same text is
//! neither coded nor written again, so after a crash the same command
//! finishes the work without duplicates, and a second run over the same
//! input adds no rows (it records itself in `runs`).

use std::path::Path;
use std::sync::mpsc::sync_channel;
use std::sync::Mutex;

use dyad_pipeline::{map_in_order, Batches, BATCH_DOCUMENTS};
use dyad_types::{DocError, Document, Event};

use crate::store::{Coded, RunCounts, RunInfo, Store};
use crate::{MergeRule, StoreError};

/// A document as read, with the site name its page gave.
#[derive(Debug, Clone)]
pub struct Incoming {
    pub doc: Document,
    pub site: Option<String>,
}

/// How to run an ingest.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// Coding threads.
    pub threads: usize,
    /// Documents per batch (and per transaction).
    pub batch: usize,
    pub rule: MergeRule,
    /// Caps the database size in pages (see [`Store::set_max_pages`]).
    pub max_pages: Option<i64>,
}

impl Default for IngestOptions {
    fn default() -> IngestOptions {
        IngestOptions {
            threads: dyad_pipeline::default_threads(),
            batch: BATCH_DOCUMENTS,
            rule: MergeRule::default(),
            max_pages: None,
        }
    }
}

/// Ingests `items` into the database at `path` (created when missing),
/// coding each new or changed document with `code`. `on_error` sees every
/// document that could not be read or coded (the run goes on);
/// `on_progress` sees the running counts after each stored batch.
pub fn ingest<It, F>(
    path: &Path,
    items: It,
    code: F,
    info: &RunInfo,
    options: &IngestOptions,
    mut on_error: impl FnMut(&DocError),
    on_progress: impl Fn(&RunCounts) + Sync,
) -> Result<RunCounts, StoreError>
where
    It: Iterator<Item = Result<Incoming, DocError>>,
    F: Fn(&Document) -> Result<Vec<Event>, DocError> + Sync,
{
    let mut store = Store::open_for_ingest(path)?;
    store.set_rule(options.rule);
    if let Some(pages) = options.max_pages {
        store.set_max_pages(pages)?;
    }
    let run = store.begin_run(info)?;
    let reader = store.reader()?;
    let totals = Mutex::new(RunCounts::default());
    let threads = options.threads.max(1);
    let (send, receive) = sync_channel::<Vec<Coded>>(2);

    let result = std::thread::scope(|scope| {
        let totals = &totals;
        let on_progress = &on_progress;
        let writer = scope.spawn(move || -> Result<(), StoreError> {
            for batch in receive {
                let counts = store.store_batch(run, &batch)?;
                if let Ok(mut totals) = totals.lock() {
                    totals.add(&counts);
                    on_progress(&totals);
                }
            }
            store.finish_run(run, "finished")
        });
        let mut batches = Batches::new(items, threads).with_size(options.batch);
        let mut read_error = None;
        while let Some(items) = batches.next_items() {
            // Documents stored with the same text are not coded again.
            let mut stored = Vec::with_capacity(items.len());
            for item in &items {
                stored.push(match item {
                    Ok(incoming) => match reader.is_stored(&incoming.doc) {
                        Ok(known) => known,
                        Err(err) => {
                            read_error = Some(err);
                            break;
                        }
                    },
                    Err(_) => false,
                });
            }
            if read_error.is_some() {
                break;
            }
            let work: Vec<(&Result<Incoming, DocError>, bool)> =
                items.iter().zip(stored.iter().copied()).collect();
            let results = map_in_order(&work, threads, |(item, stored)| match item {
                Ok(_) if *stored => Ok(Vec::new()),
                Ok(incoming) => code(&incoming.doc),
                Err(err) => Err(err.clone()),
            });
            let mut batch = Vec::with_capacity(items.len());
            for (item, result) in items.into_iter().zip(results) {
                if let Err(err) = &result {
                    on_error(err);
                }
                batch.push(match item {
                    Ok(incoming) => Coded {
                        doc: incoming.doc,
                        site: incoming.site,
                        result,
                    },
                    Err(err) => Coded {
                        doc: Document::new(err.doc.clone(), ""),
                        site: None,
                        result: Err(err),
                    },
                });
            }
            if send.send(batch).is_err() {
                // The writer stopped on an error: it says which below.
                break;
            }
        }
        drop(send);
        drop(reader);
        let written = writer
            .join()
            .unwrap_or_else(|_| Err(StoreError::Invalid("the writer thread panicked".into())));
        match (written, read_error) {
            (Err(err), _) | (Ok(()), Some(err)) => Err(err),
            (Ok(()), None) => Ok(()),
        }
    });
    result?;
    Ok(totals.into_inner().unwrap_or_else(|p| p.into_inner()))
}
