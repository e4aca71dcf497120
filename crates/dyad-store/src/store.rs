//! Opening a database (the checks, the ingest lock, the migrations) and
//! writing one batch of coded documents in one transaction.
//!
//! Everything a batch changes — documents, their near-duplicate bands,
//! mentions, events and their counts, the run's counters — is written in
//! one transaction, so a process killed at any moment leaves the database
//! as it was after some whole batch. A document already stored with the
//! same text is left alone; one whose text changed has its mentions
//! replaced, and the events they belonged to are counted again (an event
//! left without mentions is deleted).

use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use dyad_types::{DocError, Document, Event};
use rusqlite::{params, Connection, ErrorCode, OpenFlags, OptionalExtension, Transaction};
use serde::Serialize;

use crate::dedup::{Signature, THRESHOLD};
use crate::merge::{count, Candidate, MentionOf, MergeRule};
use crate::schema::{self, APPLICATION_ID, VERSION};
use crate::util::{date_num, hash64, now_stamp, num_date, source_name};
use crate::StoreError;

/// An open dyad database.
pub struct Store {
    // Field order matters: the connection closes before the lock file is
    // closed (closing any descriptor of the file would drop SQLite's own
    // POSIX locks while a connection is open).
    conn: Connection,
    path: PathBuf,
    rule: MergeRule,
    _lock: Option<std::fs::File>,
}

/// One document as read and coded, on its way to the store.
#[derive(Debug, Clone)]
pub struct Coded {
    pub doc: Document,
    /// The site name the page gave (the URL's host is preferred).
    pub site: Option<String>,
    /// The document's events, or why it could not be read or coded.
    pub result: Result<Vec<Event>, DocError>,
}

/// What one batch (or a whole run) did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct RunCounts {
    /// Documents read (stored, unchanged or failed).
    pub read: i64,
    /// Documents stored for the first time.
    pub new: i64,
    /// Documents whose text changed: their events were replaced.
    pub replaced: i64,
    /// Documents already stored with the same text.
    pub unchanged: i64,
    /// Documents that could not be read or coded.
    pub failed: i64,
    /// Mentions stored.
    pub mentions: i64,
    /// Events created (mentions that joined no stored event).
    pub events: i64,
}

impl RunCounts {
    pub fn add(&mut self, other: &RunCounts) {
        self.read += other.read;
        self.new += other.new;
        self.replaced += other.replaced;
        self.unchanged += other.unchanged;
        self.failed += other.failed;
        self.mentions += other.mentions;
        self.events += other.events;
    }
}

/// What a run records about itself: versions and inputs.
#[derive(Debug, Clone, Default)]
pub struct RunInfo {
    pub dyad_version: String,
    pub model: String,
    pub lexicon: String,
    pub inputs: Vec<String>,
}

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// Fails unless the file is absent, empty or starts as a SQLite database.
fn check_header(path: &Path) -> Result<bool, StoreError> {
    let mut file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(source) => {
            return Err(StoreError::Io {
                path: path.to_path_buf(),
                source,
            })
        }
    };
    if file.metadata().is_ok_and(|m| m.is_dir()) {
        return Err(StoreError::Invalid(format!(
            "{}: is a directory; give a database file name",
            path.display()
        )));
    }
    let mut head = Vec::with_capacity(16);
    file.by_ref()
        .take(16)
        .read_to_end(&mut head)
        .map_err(|source| StoreError::Io {
            path: path.to_path_buf(),
            source,
        })?;
    if !head.is_empty() && head.as_slice() != SQLITE_MAGIC {
        return Err(StoreError::NotSqlite(path.to_path_buf()));
    }
    Ok(true)
}

/// Turns a SQLite error into the store's error for `path`.
pub(crate) fn sql_err(path: &Path, err: rusqlite::Error) -> StoreError {
    let path = path.to_path_buf();
    match err.sqlite_error_code() {
        Some(ErrorCode::DiskFull) => StoreError::Full(path),
        Some(ErrorCode::ReadOnly) => StoreError::ReadOnly(path),
        Some(ErrorCode::NotADatabase) => StoreError::NotSqlite(path),
        Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked) => StoreError::Locked(path),
        _ => StoreError::Sqlite { path, source: err },
    }
}

/// Takes the ingest lock: an exclusive `flock` on the database file, which
/// the kernel releases when the process ends however it ends.
#[cfg(unix)]
fn lock(path: &Path) -> Result<std::fs::File, StoreError> {
    use std::os::unix::io::AsRawFd;
    let file = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)
        .map_err(|source| match source.kind() {
            std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem => {
                StoreError::ReadOnly(path.to_path_buf())
            }
            _ => StoreError::Io {
                path: path.to_path_buf(),
                source,
            },
        })?;
    // SAFETY: flock on a descriptor we own; no memory is involved.
    let rc = unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) };
    if rc != 0 {
        return Err(StoreError::Locked(path.to_path_buf()));
    }
    Ok(file)
}

#[cfg(not(unix))]
fn lock(_path: &Path) -> Result<std::fs::File, StoreError> {
    Err(StoreError::Invalid(
        "dyad ingest needs a Unix system (file locks)".to_string(),
    ))
}

/// True when the file (or, for a new file, its directory) has no write bit.
fn read_only(path: &Path) -> bool {
    match std::fs::metadata(path) {
        Ok(meta) => meta.permissions().readonly(),
        Err(_) => {
            let dir = match path.parent() {
                Some(dir) if !dir.as_os_str().is_empty() => dir,
                _ => Path::new("."),
            };
            std::fs::metadata(dir).is_ok_and(|m| m.permissions().readonly())
        }
    }
}

impl Store {
    /// Opens (or creates) the database for writing: checks that it is a
    /// dyad database of a version this dyad knows, takes the ingest lock,
    /// sets WAL mode and migrates it to the current schema.
    pub fn open_for_ingest(path: &Path) -> Result<Store, StoreError> {
        check_header(path)?;
        if read_only(path) {
            return Err(StoreError::ReadOnly(path.to_path_buf()));
        }
        let lock = lock(path)?;
        let err = |e| sql_err(path, e);
        let mut conn = Connection::open(path).map_err(err)?;
        conn.busy_timeout(Duration::from_secs(10)).map_err(err)?;
        let (version, app) = schema::version(&conn).map_err(err)?;
        if app != APPLICATION_ID && (app != 0 || schema::object_count(&conn).map_err(err)? > 0) {
            return Err(StoreError::NotDyad(path.to_path_buf()));
        }
        if version > VERSION {
            return Err(StoreError::Newer {
                path: path.to_path_buf(),
                found: version,
                known: VERSION,
            });
        }
        let mode: String = conn
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
            .map_err(err)?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(StoreError::Invalid(format!(
                "{}: cannot use write-ahead logging (journal mode {mode}); put the database on a local disk",
                path.display()
            )));
        }
        conn.execute_batch("PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536;")
            .map_err(err)?;
        schema::migrate(&mut conn, version).map_err(err)?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            rule: MergeRule::default(),
            _lock: Some(lock),
        })
    }

    /// Opens an existing database for reading (exports, queries). Never
    /// creates a file; refuses what is not a dyad database of a known
    /// version, and a database with no events.
    pub fn open_read(path: &Path) -> Result<Store, StoreError> {
        if !check_header(path)? {
            return Err(StoreError::Missing(path.to_path_buf()));
        }
        let err = |e| sql_err(path, e);
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(err)?;
        conn.busy_timeout(Duration::from_secs(10)).map_err(err)?;
        let (version, app) = schema::version(&conn).map_err(err)?;
        if app != APPLICATION_ID {
            if app == 0 && schema::object_count(&conn).map_err(err)? == 0 {
                return Err(StoreError::Empty(path.to_path_buf()));
            }
            return Err(StoreError::NotDyad(path.to_path_buf()));
        }
        if version > VERSION {
            return Err(StoreError::Newer {
                path: path.to_path_buf(),
                found: version,
                known: VERSION,
            });
        }
        if version < VERSION {
            return Err(StoreError::Invalid(format!(
                "{}: schema version {version} is older than this dyad's ({VERSION}); run `dyad ingest --db {}` on any input (it migrates the database first)",
                path.display(),
                path.display()
            )));
        }
        let store = Store {
            conn,
            path: path.to_path_buf(),
            rule: MergeRule::default(),
            _lock: None,
        };
        let any: Option<i64> = store
            .conn
            .query_row("SELECT event FROM events LIMIT 1", [], |r| r.get(0))
            .optional()
            .map_err(err)?;
        if any.is_none() {
            return Err(StoreError::Empty(path.to_path_buf()));
        }
        Ok(store)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    pub(crate) fn connection_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }

    pub fn rule(&self) -> MergeRule {
        self.rule
    }

    pub fn set_rule(&mut self, rule: MergeRule) {
        self.rule = rule;
    }

    /// Caps the database at `pages` pages (SQLite's `max_page_count`): a
    /// write beyond it fails as on a full disk. For tests and quotas.
    pub fn set_max_pages(&self, pages: i64) -> Result<(), StoreError> {
        self.conn
            .query_row(&format!("PRAGMA max_page_count = {pages}"), [], |_| Ok(()))
            .map_err(|e| self.err(e))
    }

    pub(crate) fn err(&self, e: rusqlite::Error) -> StoreError {
        sql_err(&self.path, e)
    }

    /// A second, read-only connection to the same file (the ingest's
    /// "already stored?" look-ups run on it while the writer writes).
    pub fn reader(&self) -> Result<Reader, StoreError> {
        let conn = Connection::open_with_flags(
            &self.path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| self.err(e))?;
        conn.busy_timeout(Duration::from_secs(10))
            .map_err(|e| self.err(e))?;
        Ok(Reader {
            conn,
            path: self.path.clone(),
        })
    }

    /// Records the start of a run; runs left `running` by a process that
    /// died are marked `interrupted` (the lock says none is running now).
    pub fn begin_run(&mut self, info: &RunInfo) -> Result<i64, StoreError> {
        let inputs = serde_json::to_string(&info.inputs).unwrap_or_default();
        let tx = self
            .conn
            .transaction()
            .map_err(|e| sql_err(&self.path, e))?;
        tx.execute(
            "UPDATE runs SET status = 'interrupted' WHERE status = 'running'",
            [],
        )
        .and_then(|_| {
            tx.execute(
                "INSERT INTO runs (started, status, dyad_version, model, lexicon, inputs)
                 VALUES (?1, 'running', ?2, ?3, ?4, ?5)",
                params![
                    now_stamp(),
                    info.dyad_version,
                    info.model,
                    info.lexicon,
                    inputs
                ],
            )
        })
        .map_err(|e| sql_err(&self.path, e))?;
        let run = tx.last_insert_rowid();
        tx.commit().map_err(|e| sql_err(&self.path, e))?;
        Ok(run)
    }

    /// Records the end of a run: `finished` or `failed`.
    pub fn finish_run(&mut self, run: i64, status: &str) -> Result<(), StoreError> {
        self.conn
            .execute(
                "UPDATE runs SET finished = ?1, status = ?2 WHERE run = ?3",
                params![now_stamp(), status, run],
            )
            .map_err(|e| self.err(e))?;
        Ok(())
    }

    /// Stores one batch in one transaction; see the module docs.
    pub fn store_batch(&mut self, run: i64, batch: &[Coded]) -> Result<RunCounts, StoreError> {
        let rule = self.rule;
        let path = self.path.clone();
        let err = |e| sql_err(&path, e);
        let tx = self.conn.transaction().map_err(err)?;
        let mut counts = RunCounts::default();
        let mut touched = BTreeSet::new();
        let added = now_stamp();
        for coded in batch {
            counts.read += 1;
            let events = match &coded.result {
                Ok(events) => events,
                Err(_) => {
                    counts.failed += 1;
                    continue;
                }
            };
            store_document(
                &tx,
                run,
                added,
                rule,
                coded,
                events,
                &mut counts,
                &mut touched,
            )
            .map_err(err)?;
        }
        for &event in &touched {
            recount(&tx, event).map_err(err)?;
        }
        tx.execute(
            "UPDATE runs SET documents_read = documents_read + ?1, documents_new = documents_new + ?2,
               documents_replaced = documents_replaced + ?3, documents_unchanged = documents_unchanged + ?4,
               documents_failed = documents_failed + ?5, mentions_new = mentions_new + ?6,
               events_new = events_new + ?7 WHERE run = ?8",
            params![
                counts.read,
                counts.new,
                counts.replaced,
                counts.unchanged,
                counts.failed,
                counts.mentions,
                counts.events,
                run
            ],
        )
        .map_err(err)?;
        tx.commit().map_err(err)?;
        Ok(counts)
    }
}

/// A read-only connection for look-ups during an ingest.
pub struct Reader {
    conn: Connection,
    path: PathBuf,
}

impl Reader {
    /// True when a document with this id and this text is stored already.
    pub fn is_stored(&self, doc: &Document) -> Result<bool, StoreError> {
        let stored: Option<i64> = self
            .conn
            .prepare_cached("SELECT text_hash FROM documents WHERE id = ?1")
            .and_then(|mut st| st.query_row([&doc.id], |r| r.get(0)).optional())
            .map_err(|e| sql_err(&self.path, e))?;
        Ok(stored == Some(text_hash(&doc.text)))
    }
}

fn text_hash(text: &str) -> i64 {
    hash64(text.as_bytes()) as i64
}

/// Byte offsets of every character boundary of `text` (one more than chars).
fn char_bounds(text: &str) -> Vec<usize> {
    let mut bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    bounds.push(text.len());
    bounds
}

fn slice<'t>(text: &'t str, bounds: &[usize], start: usize, end: usize) -> &'t str {
    let last = bounds.len() - 1;
    let (s, e) = (bounds[start.min(last)], bounds[end.min(last)]);
    text.get(s..e.max(s)).unwrap_or("")
}

/// The near-duplicate group of a document: the group of the most similar
/// stored document that shares a band and passes the threshold, if any.
fn find_cluster(
    tx: &Transaction,
    sig: &Signature,
    bands: &[i64],
    own: Option<i64>,
) -> rusqlite::Result<Option<i64>> {
    let mut candidates = BTreeSet::new();
    {
        let mut st = tx.prepare_cached("SELECT doc FROM doc_bands WHERE band = ?1 LIMIT 64")?;
        for band in bands {
            for doc in st.query_map([band], |r| r.get::<_, i64>(0))? {
                let doc = doc?;
                if Some(doc) != own {
                    candidates.insert(doc);
                }
            }
        }
    }
    let mut best: Option<(f64, i64, i64)> = None;
    let mut st = tx.prepare_cached("SELECT minhash, cluster FROM documents WHERE doc = ?1")?;
    for doc in candidates {
        let (bytes, cluster): (Vec<u8>, i64) =
            st.query_row([doc], |r| Ok((r.get(0)?, r.get(1)?)))?;
        let sim = sig.similarity(&Signature::from_bytes(&bytes));
        if sim >= THRESHOLD && best.is_none_or(|(s, d, _)| sim > s || (sim == s && doc < d)) {
            best = Some((sim, doc, cluster));
        }
    }
    Ok(best.map(|(_, _, cluster)| cluster))
}

#[allow(clippy::too_many_arguments)]
fn store_document(
    tx: &Transaction,
    run: i64,
    added: i64,
    rule: MergeRule,
    coded: &Coded,
    events: &[Event],
    counts: &mut RunCounts,
    touched: &mut BTreeSet<i64>,
) -> rusqlite::Result<()> {
    let doc = &coded.doc;
    let hash = text_hash(&doc.text);
    let existing: Option<(i64, i64)> = tx
        .prepare_cached("SELECT doc, text_hash FROM documents WHERE id = ?1")?
        .query_row([&doc.id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    if let Some((_, stored)) = existing {
        if stored == hash {
            counts.unchanged += 1;
            return Ok(());
        }
    }
    let sig = Signature::of(&doc.text);
    let bands = sig.band_keys();
    let site = source_name(doc.url.as_deref(), coded.site.as_deref());
    let tone = crate::tone::tone(&doc.text);
    let length = doc.text.chars().count() as i64;
    let date = doc.date.map(date_num);
    let key = match existing {
        Some((key, _)) => {
            let mut st = tx.prepare_cached("SELECT DISTINCT event FROM mentions WHERE doc = ?1")?;
            for event in st.query_map([key], |r| r.get::<_, i64>(0))? {
                touched.insert(event?);
            }
            tx.execute("DELETE FROM mentions WHERE doc = ?1", [key])?;
            tx.execute("DELETE FROM doc_bands WHERE doc = ?1", [key])?;
            let cluster = find_cluster(tx, &sig, &bands, Some(key))?.unwrap_or(key);
            tx.execute(
                "UPDATE documents SET url = ?1, title = ?2, site = ?3, date = ?4, text_hash = ?5,
                   length = ?6, tone = ?7, minhash = ?8, cluster = ?9, run = ?10, added = ?11
                 WHERE doc = ?12",
                params![
                    doc.url,
                    doc.title,
                    site,
                    date,
                    hash,
                    length,
                    tone,
                    sig.to_bytes(),
                    cluster,
                    run,
                    added,
                    key
                ],
            )?;
            counts.replaced += 1;
            key
        }
        None => {
            let cluster = find_cluster(tx, &sig, &bands, None)?;
            tx.prepare_cached(
                "INSERT INTO documents (id, url, title, site, date, text_hash, length, tone, minhash, cluster, run, added)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            )?
            .execute(params![
                doc.id,
                doc.url,
                doc.title,
                site,
                date,
                hash,
                length,
                tone,
                sig.to_bytes(),
                cluster.unwrap_or(-1),
                run,
                added
            ])?;
            let key = tx.last_insert_rowid();
            if cluster.is_none() {
                tx.execute("UPDATE documents SET cluster = ?1 WHERE doc = ?1", [key])?;
            }
            counts.new += 1;
            key
        }
    };
    {
        let mut st =
            tx.prepare_cached("INSERT OR IGNORE INTO doc_bands (band, doc) VALUES (?1, ?2)")?;
        for band in &bands {
            st.execute(params![band, key])?;
        }
    }
    if events.is_empty() {
        return Ok(());
    }
    let bounds = char_bounds(&doc.text);
    for event in events {
        let event_key = match find_event(tx, rule, key, event)? {
            Some(found) => found,
            None => {
                insert_event(tx, event, added)?;
                counts.events += 1;
                tx.last_insert_rowid()
            }
        };
        let location = event
            .location
            .as_ref()
            .and_then(|l| serde_json::to_string(l).ok());
        tx.prepare_cached(
            "INSERT INTO mentions (event, doc, sentence, sentence_start, sentence_end, sentence_text,
               trigger_start, trigger_end, source_text, source_start, target_text, target_start,
               date, confidence, location, added)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
        )?
        .execute(params![
            event_key,
            key,
            event.sentence as i64,
            event.span.start as i64,
            event.span.end as i64,
            slice(&doc.text, &bounds, event.span.start, event.span.end),
            event.trigger.map(|t| t.start as i64),
            event.trigger.map(|t| t.end as i64),
            event.source.text,
            event.source.span.start as i64,
            event.target.text,
            event.target.span.start as i64,
            event.date.map(date_num),
            f64::from(event.confidence),
            location,
            added
        ])?;
        let mention = tx.last_insert_rowid();
        tx.execute(
            "UPDATE events SET first_mention = ?1 WHERE event = ?2 AND first_mention IS NULL",
            [mention, event_key],
        )?;
        counts.mentions += 1;
        touched.insert(event_key);
    }
    Ok(())
}

/// The stored event a mention joins, by the merge rule.
fn find_event(
    tx: &Transaction,
    rule: MergeRule,
    doc: i64,
    event: &Event,
) -> rusqlite::Result<Option<i64>> {
    let point = event.location.as_ref().and_then(|l| l.lat.zip(l.lon));
    let day = event.date.map(|d| d.to_days());
    let mut candidates = Vec::new();
    let row = |r: &rusqlite::Row| -> rusqlite::Result<Candidate> {
        let date: Option<i64> = r.get(1)?;
        let lat: Option<f64> = r.get(2)?;
        let lon: Option<f64> = r.get(3)?;
        Ok(Candidate {
            event: r.get(0)?,
            day: date.and_then(num_date).map(|d| d.to_days()),
            point: lat.zip(lon),
        })
    };
    match event.date {
        Some(date) => {
            let from = date_num(date.add_days(-rule.window_days));
            let to = date_num(date.add_days(rule.window_days));
            let mut st = tx.prepare_cached(
                "SELECT event, date, lat, lon FROM events
                 WHERE source_code = ?1 AND target_code = ?2 AND code = ?3 AND date BETWEEN ?4 AND ?5",
            )?;
            for c in st.query_map(
                params![event.source.code, event.target.code, event.code, from, to],
                row,
            )? {
                candidates.push(c?);
            }
        }
        None => {
            let mut st = tx.prepare_cached(
                "SELECT e.event, e.date, e.lat, e.lon FROM events e JOIN mentions m ON m.mention = e.first_mention
                 WHERE e.source_code = ?1 AND e.target_code = ?2 AND e.code = ?3 AND e.date IS NULL AND m.doc = ?4",
            )?;
            for c in st.query_map(
                params![event.source.code, event.target.code, event.code, doc],
                row,
            )? {
                candidates.push(c?);
            }
        }
    }
    Ok(rule.choose(day, point, &candidates))
}

fn insert_event(tx: &Transaction, event: &Event, added: i64) -> rusqlite::Result<()> {
    // The place goes in now (not only when the batch is counted), so that
    // later mentions in the same batch see it.
    let place = event
        .location
        .as_ref()
        .and_then(|l| serde_json::to_value(l).ok())
        .unwrap_or_default();
    tx.prepare_cached(
        "INSERT INTO events (date, code, root, quad_class, goldstein, plover, source_code, source_country,
           source_agents, target_code, target_country, target_agents, confidence, added,
           location_name, location_country, lat, lon, geonameid)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)",
    )?
    .execute(params![
        event.date.map(date_num),
        event.code,
        event.root,
        i64::from(event.quad_class),
        f64::from(event.goldstein),
        event.plover,
        event.source.code,
        event.source.country,
        event.source.agents.join(" "),
        event.target.code,
        event.target.country,
        event.target.agents.join(" "),
        f64::from(event.confidence),
        added,
        place.get("name").and_then(|v| v.as_str()),
        place.get("country").and_then(|v| v.as_str()),
        place.get("lat").and_then(|v| v.as_f64()),
        place.get("lon").and_then(|v| v.as_f64()),
        place.get("geonameid").and_then(|v| v.as_i64()),
    ])?;
    Ok(())
}

/// Counts an event again from its mentions; takes its date from its first
/// mention and its place from its first mention with a place; deletes it
/// when no mention is left.
fn recount(tx: &Transaction, event: i64) -> rusqlite::Result<()> {
    let mut st = tx.prepare_cached(
        "SELECT m.mention, m.doc, d.site, d.cluster, d.tone, m.date, m.confidence, m.location
         FROM mentions m JOIN documents d ON d.doc = m.doc WHERE m.event = ?1 ORDER BY m.mention",
    )?;
    let mut mentions = Vec::new();
    let mut first: Option<(i64, Option<i64>)> = None;
    let mut confidence: Option<f64> = None;
    let mut location: Option<String> = None;
    let rows = st.query_map([event], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            MentionOf {
                doc: r.get(1)?,
                site: r.get(2)?,
                cluster: r.get(3)?,
                tone: r.get(4)?,
            },
            r.get::<_, Option<i64>>(5)?,
            r.get::<_, Option<f64>>(6)?,
            r.get::<_, Option<String>>(7)?,
        ))
    })?;
    for row in rows {
        let (mention, of, date, conf, loc) = row?;
        if first.is_none() {
            first = Some((mention, date));
        }
        if let Some(c) = conf {
            confidence = Some(confidence.map_or(c, |best: f64| best.max(c)));
        }
        if location.is_none() {
            location = loc;
        }
        mentions.push(of);
    }
    let Some((first, date)) = first else {
        tx.execute("DELETE FROM events WHERE event = ?1", [event])?;
        return Ok(());
    };
    let counts = count(&mentions);
    let place: BTreeMap<String, serde_json::Value> = location
        .as_deref()
        .and_then(|l| serde_json::from_str(l).ok())
        .unwrap_or_default();
    let text = |k: &str| place.get(k).and_then(|v| v.as_str()).map(str::to_string);
    let number = |k: &str| place.get(k).and_then(|v| v.as_f64());
    tx.prepare_cached(
        "UPDATE events SET num_mentions = ?1, num_sources = ?2, num_articles = ?3, num_stories = ?4,
           avg_tone = ?5, first_mention = ?6, date = ?7, confidence = ?8, location_name = ?9,
           location_country = ?10, lat = ?11, lon = ?12, geonameid = ?13
         WHERE event = ?14",
    )?
    .execute(params![
        counts.mentions,
        counts.sources,
        counts.articles,
        counts.stories,
        counts.avg_tone,
        first,
        date,
        confidence,
        text("name"),
        text("country"),
        number("lat"),
        number("lon"),
        place.get("geonameid").and_then(|v| v.as_i64()),
        event
    ])?;
    Ok(())
}
