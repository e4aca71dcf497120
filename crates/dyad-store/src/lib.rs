//! The event store: coded documents kept in an embedded SQLite database, one
//! event per happening, exported to the formats people's tools read, and
//! queried from indexes.
//!
//! - [`schema`]: the tables, the schema version and the migrations.
//! - [`store`]: opening a database (checks, the ingest lock) and writing one
//!   batch of coded documents in one transaction.
//! - [`ingest`]: the whole run — documents read a batch at a time, coded on
//!   all cores, stored by one writer thread, resumable after a crash.
//! - [`merge`]: the rule that makes mentions in many articles one event.
//! - [`dedup`]: near-duplicate articles (MinHash over word shingles).
//! - [`tone`]: document tone from dyad's own lexicon (GDELT's AvgTone).
//! - [`export`]: GDELT 2.0 events and mentions, PLOVER, CSV, JSON lines, Parquet.
//! - `parquet_file`: the Parquet export (cargo feature `parquet`, on by default).
//! - [`query`]: a dyad over time, events with their evidence, top actors and dyads.
//! - [`synth`]: synthetic events, for measuring queries on large databases.
//!
//! `docs/store.md` documents the tables, the rules and the figures.

pub mod dedup;
pub mod export;
pub mod ingest;
pub mod merge;
#[cfg(feature = "parquet")]
pub mod parquet_file;
pub mod query;
pub mod schema;
pub mod store;
pub mod synth;
pub mod tone;
mod util;

use std::path::PathBuf;

pub use ingest::{ingest, Incoming, IngestOptions};
pub use merge::MergeRule;
pub use store::{Coded, Reader, RunCounts, RunInfo, Store};

/// The database file `dyad ingest`, `dyad export` and `dyad query` use when
/// no `--db` is given.
pub const DEFAULT_DB: &str = "events.db";

/// Why the store could not do what was asked. Every message says what to do.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{}: no such database; create it with `dyad ingest --db {} INPUT...`", .0.display(), .0.display())]
    Missing(PathBuf),
    #[error("{}: not a SQLite database (the file starts with other bytes); give the path of a dyad database, or a new file name", .0.display())]
    NotSqlite(PathBuf),
    #[error("{}: a SQLite database, but not one dyad wrote; give another file name", .0.display())]
    NotDyad(PathBuf),
    #[error("{}: written by a newer dyad (schema version {found}; this dyad knows up to {known}); upgrade dyad", path.display())]
    Newer {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    #[error("{}: is read-only; make it writable or give another --db", .0.display())]
    ReadOnly(PathBuf),
    #[error("{}: the disk is full (or the database reached its size limit); the last batch was not stored, nothing is half-written — free space and run the same command again to finish", .0.display())]
    Full(PathBuf),
    #[error("{}: another `dyad ingest` is writing to this database; wait for it to finish (queries and exports may run meanwhile)", .0.display())]
    Locked(PathBuf),
    #[error("{}: holds no events yet; store some with `dyad ingest --db {} INPUT...`", .0.display(), .0.display())]
    Empty(PathBuf),
    #[error("{}: {source}", path.display())]
    Sqlite {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{0}")]
    Invalid(String),
}
