//! The tables, the schema version and the migrations.
//!
//! The version is SQLite's `PRAGMA user_version`; `PRAGMA application_id`
//! marks the file as dyad's. [`MIGRATIONS`]`[i]` takes a database from
//! version `i` to `i + 1`, in one transaction with the version bump, so a
//! database is always at exactly one version. A new release adds a
//! migration at the end and never edits the ones before it.

use rusqlite::Connection;

/// `PRAGMA application_id` of a dyad database: "DYAD" in ASCII.
pub const APPLICATION_ID: i64 = 0x4459_4144;

/// The schema version this dyad writes and reads.
pub const VERSION: i64 = MIGRATIONS.len() as i64;

/// Dates are numbers `YYYYMMDD` (GDELT's SQLDATE form), times `YYYYMMDDHHMMSS`
/// in UTC. See `docs/store.md` for every column.
pub const MIGRATIONS: &[&str] = &[
    // Version 1: the first release.
    "
    CREATE TABLE runs (
        run INTEGER PRIMARY KEY,
        started INTEGER NOT NULL,
        finished INTEGER,
        status TEXT NOT NULL,
        dyad_version TEXT NOT NULL,
        model TEXT NOT NULL,
        lexicon TEXT NOT NULL,
        inputs TEXT NOT NULL,
        documents_read INTEGER NOT NULL DEFAULT 0,
        documents_new INTEGER NOT NULL DEFAULT 0,
        documents_replaced INTEGER NOT NULL DEFAULT 0,
        documents_unchanged INTEGER NOT NULL DEFAULT 0,
        documents_failed INTEGER NOT NULL DEFAULT 0,
        mentions_new INTEGER NOT NULL DEFAULT 0,
        events_new INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE documents (
        doc INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        url TEXT,
        title TEXT,
        site TEXT NOT NULL,
        date INTEGER,
        text_hash INTEGER NOT NULL,
        length INTEGER NOT NULL,
        tone REAL NOT NULL,
        minhash BLOB NOT NULL,
        cluster INTEGER NOT NULL,
        run INTEGER NOT NULL REFERENCES runs(run),
        added INTEGER NOT NULL
    );
    CREATE INDEX documents_cluster ON documents(cluster);
    CREATE TABLE doc_bands (
        band INTEGER NOT NULL,
        doc INTEGER NOT NULL REFERENCES documents(doc),
        PRIMARY KEY (band, doc)
    ) WITHOUT ROWID;
    CREATE INDEX doc_bands_doc ON doc_bands(doc);
    CREATE TABLE events (
        event INTEGER PRIMARY KEY,
        date INTEGER,
        code TEXT NOT NULL,
        root TEXT NOT NULL,
        quad_class INTEGER NOT NULL,
        goldstein REAL NOT NULL,
        plover TEXT,
        source_code TEXT NOT NULL,
        source_country TEXT,
        source_agents TEXT NOT NULL,
        target_code TEXT NOT NULL,
        target_country TEXT,
        target_agents TEXT NOT NULL,
        location_name TEXT,
        location_country TEXT,
        lat REAL,
        lon REAL,
        geonameid INTEGER,
        confidence REAL,
        num_mentions INTEGER NOT NULL DEFAULT 0,
        num_sources INTEGER NOT NULL DEFAULT 0,
        num_articles INTEGER NOT NULL DEFAULT 0,
        num_stories INTEGER NOT NULL DEFAULT 0,
        avg_tone REAL NOT NULL DEFAULT 0,
        first_mention INTEGER,
        added INTEGER NOT NULL
    );
    CREATE INDEX events_merge ON events(source_code, target_code, code, date);
    CREATE INDEX events_countries ON events(source_country, target_country, date, quad_class, goldstein);
    CREATE INDEX events_codes ON events(source_code, target_code, date, quad_class, goldstein);
    CREATE INDEX events_target ON events(target_code, date);
    CREATE INDEX events_target_country ON events(target_country, date);
    CREATE INDEX events_location ON events(location_country, date);
    CREATE INDEX events_code ON events(code, date);
    CREATE INDEX events_date ON events(date, source_code, target_code);
    CREATE TABLE mentions (
        mention INTEGER PRIMARY KEY,
        event INTEGER NOT NULL REFERENCES events(event),
        doc INTEGER NOT NULL REFERENCES documents(doc),
        sentence INTEGER NOT NULL,
        sentence_start INTEGER NOT NULL,
        sentence_end INTEGER NOT NULL,
        sentence_text TEXT NOT NULL,
        trigger_start INTEGER,
        trigger_end INTEGER,
        source_text TEXT NOT NULL,
        source_start INTEGER NOT NULL,
        target_text TEXT NOT NULL,
        target_start INTEGER NOT NULL,
        date INTEGER,
        confidence REAL,
        location TEXT,
        added INTEGER NOT NULL
    );
    CREATE INDEX mentions_event ON mentions(event);
    CREATE INDEX mentions_doc ON mentions(doc);
    ",
    // Version 2: events per country pair, day and QuadClass, kept by
    // triggers, so that a dyad over time reads a few thousand rows, not
    // every event of the pair.
    "
    CREATE TABLE dyad_days (
        source_country TEXT NOT NULL,
        target_country TEXT NOT NULL,
        date INTEGER NOT NULL,
        quad_class INTEGER NOT NULL,
        events INTEGER NOT NULL,
        goldstein REAL NOT NULL,
        PRIMARY KEY (source_country, target_country, date, quad_class)
    ) WITHOUT ROWID;
    INSERT INTO dyad_days
        SELECT source_country, target_country, date, quad_class, count(*), total(goldstein)
        FROM events
        WHERE source_country IS NOT NULL AND target_country IS NOT NULL AND date IS NOT NULL
        GROUP BY source_country, target_country, date, quad_class;
    CREATE TRIGGER dyad_days_insert AFTER INSERT ON events
    WHEN NEW.source_country IS NOT NULL AND NEW.target_country IS NOT NULL AND NEW.date IS NOT NULL
    BEGIN
        INSERT INTO dyad_days VALUES
            (NEW.source_country, NEW.target_country, NEW.date, NEW.quad_class, 1, NEW.goldstein)
        ON CONFLICT (source_country, target_country, date, quad_class) DO UPDATE
            SET events = events + 1, goldstein = goldstein + excluded.goldstein;
    END;
    CREATE TRIGGER dyad_days_delete AFTER DELETE ON events
    WHEN OLD.source_country IS NOT NULL AND OLD.target_country IS NOT NULL AND OLD.date IS NOT NULL
    BEGIN
        UPDATE dyad_days SET events = events - 1, goldstein = goldstein - OLD.goldstein
        WHERE source_country = OLD.source_country AND target_country = OLD.target_country
          AND date = OLD.date AND quad_class = OLD.quad_class;
        DELETE FROM dyad_days
        WHERE source_country = OLD.source_country AND target_country = OLD.target_country
          AND date = OLD.date AND quad_class = OLD.quad_class AND events <= 0;
    END;
    CREATE TRIGGER dyad_days_update
    AFTER UPDATE OF source_country, target_country, date, quad_class, goldstein ON events
    BEGIN
        UPDATE dyad_days SET events = events - 1, goldstein = goldstein - OLD.goldstein
        WHERE source_country = OLD.source_country AND target_country = OLD.target_country
          AND date = OLD.date AND quad_class = OLD.quad_class;
        DELETE FROM dyad_days
        WHERE source_country = OLD.source_country AND target_country = OLD.target_country
          AND date = OLD.date AND quad_class = OLD.quad_class AND events <= 0;
        INSERT INTO dyad_days
            SELECT NEW.source_country, NEW.target_country, NEW.date, NEW.quad_class, 1, NEW.goldstein
            WHERE NEW.source_country IS NOT NULL AND NEW.target_country IS NOT NULL
              AND NEW.date IS NOT NULL
        ON CONFLICT (source_country, target_country, date, quad_class) DO UPDATE
            SET events = events + 1, goldstein = goldstein + excluded.goldstein;
    END;
    ",
];

/// The secondary indexes of the current schema, for bulk loads that drop
/// them first ([`crate::synth`]).
pub fn index_statements() -> Vec<String> {
    MIGRATIONS
        .iter()
        .flat_map(|m| m.split(';'))
        .map(str::trim)
        .filter(|s| s.starts_with("CREATE INDEX"))
        .map(str::to_string)
        .collect()
}

/// The index names of [`index_statements`].
pub fn index_names() -> Vec<String> {
    index_statements()
        .iter()
        .filter_map(|s| s.split_whitespace().nth(2).map(str::to_string))
        .collect()
}

/// The database's schema version and whether it carries dyad's application id.
pub fn version(conn: &Connection) -> rusqlite::Result<(i64, i64)> {
    let version = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let app = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    Ok((version, app))
}

/// Number of tables, views and indexes in the database.
pub fn object_count(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
}

/// Brings the database from `from` to [`VERSION`], one transaction per step.
pub fn migrate(conn: &mut Connection, from: i64) -> rusqlite::Result<()> {
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(from.max(0) as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.execute_batch(&format!(
            "PRAGMA application_id = {APPLICATION_ID}; PRAGMA user_version = {};",
            i + 1
        ))?;
        tx.commit()?;
    }
    Ok(())
}
