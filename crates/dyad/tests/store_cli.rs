//! `dyad ingest`, `dyad export` and `dyad query` end to end: idempotence,
//! kill -9 and resume, one event per happening, the exports, bad input.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use serde_json::Value;

fn dyad() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dyad"))
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/store")
        .join(name)
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dyad-store-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(args: &[&str]) -> Output {
    dyad().args(args).output().expect("dyad runs")
}

fn run_ok(args: &[&str]) -> Output {
    let out = run(args);
    assert!(
        out.status.success(),
        "dyad {args:?}: exit {:?}: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// Runs dyad expecting failure; returns standard error.
fn run_err(args: &[&str]) -> String {
    let out = run(args);
    assert!(!out.status.success(), "dyad {args:?} should fail");
    String::from_utf8_lossy(&out.stderr).to_string()
}

fn count(db: &Path, table: &str) -> i64 {
    let conn =
        rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap();
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap_or(0)
}

fn json_lines(bytes: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(bytes)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn one_wire_story_on_three_sites_is_stored_once_per_happening_and_twice_is_a_no_op() {
    let dir = temp_dir("wire");
    let db = dir.join("events.db");
    let db = db.to_str().unwrap();
    let wire = fixture("wire.jsonl");
    let attacks = fixture("attacks.jsonl");
    let first = run_ok(&[
        "ingest",
        "--db",
        db,
        wire.to_str().unwrap(),
        attacks.to_str().unwrap(),
    ]);
    let summary = String::from_utf8_lossy(&first.stderr);
    assert!(summary.contains("6 new"), "{summary}");
    let rows = |t| count(Path::new(db), t);
    let before = (rows("documents"), rows("events"), rows("mentions"));
    assert_eq!(before.0, 6);

    let out = run_ok(&["export", "--db", db, "--format", "jsonl"]);
    let events = json_lines(&out.stdout);
    let consult: Vec<&Value> = events.iter().filter(|e| e["code"] == "040").collect();
    assert_eq!(consult.len(), 1, "the meeting is one event: {events:?}");
    let e = consult[0];
    assert_eq!(e["source"]["code"], "RUSGOV");
    assert_eq!(e["target"]["code"], "TURGOV");
    // Four copies on three sites (site c twice): 3 articles, 3 sources, 1 story.
    assert_eq!(
        (&e["mentions"], &e["sources"], &e["articles"], &e["stories"]),
        (
            &Value::from(3),
            &Value::from(3),
            &Value::from(3),
            &Value::from(1)
        )
    );
    // Two attacks on the same day in different cities stay two events.
    assert_eq!(events.iter().filter(|e| e["code"] == "190").count(), 2);

    // The same input again: no new rows.
    let again = run_ok(&[
        "ingest",
        "--db",
        db,
        wire.to_str().unwrap(),
        attacks.to_str().unwrap(),
    ]);
    assert!(String::from_utf8_lossy(&again.stderr).contains("6 unchanged"));
    assert_eq!(
        (rows("documents"), rows("events"), rows("mentions")),
        before
    );

    // Queries and exports read it.
    let out = run_ok(&[
        "query", "--db", db, "dyad", "RUS", "TUR", "--by", "week", "--format", "jsonl",
    ]);
    let weeks = json_lines(&out.stdout);
    assert_eq!(weeks[0]["period"], "2015-05-11");
    assert!(weeks[0]["verbal_coop"].as_i64().unwrap() >= 1);
    let out = run_ok(&[
        "query", "--db", db, "events", "--code", "19*", "--format", "csv",
    ]);
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 3);
    let out = run_ok(&["query", "--db", db, "top", "actors", "--limit", "3"]);
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("actor"));
    let out = run_ok(&[
        "export",
        "--db",
        db,
        "--format",
        "gdelt",
        "--from",
        "2015-05-12",
        "--to",
        "2015-05-12",
    ]);
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        assert_eq!(line.split('\t').count(), 61);
        assert!(line.split('\t').nth(1) == Some("20150512"));
    }
    let parquet = dir.join("events.parquet");
    run_ok(&[
        "export",
        "--db",
        db,
        "--format",
        "parquet",
        "-o",
        parquet.to_str().unwrap(),
    ]);
    assert!(std::fs::read(&parquet).unwrap().starts_with(b"PAR1"));
}

/// Documents of our own, different enough not to be near-duplicates.
fn many_documents(dir: &Path, n: usize) -> PathBuf {
    let pairs = [
        ("Russian", "Turkish"),
        ("French", "German"),
        ("Chinese", "Japanese"),
        ("Indian", "Pakistani"),
        ("Iranian", "Iraqi"),
        ("Egyptian", "Israeli"),
    ];
    let mut lines = String::new();
    for i in 0..n {
        let (a, b) = pairs[i % pairs.len()];
        let text = format!(
            "The {a} foreign minister met his {b} counterpart on Tuesday for talks on trade number {i}. \
             The {b} government later accused the {a} government of blocking aid convoys. \
             Officials said the talks would resume after {i} days."
        );
        let doc = serde_json::json!({"id": format!("doc{i}"), "date": format!("2015-05-{:02}", 1 + i % 28),
                                     "url": format!("https://site{}.example/{i}", i % 5), "text": text});
        lines.push_str(&doc.to_string());
        lines.push('\n');
    }
    let path = dir.join("docs.jsonl");
    std::fs::write(&path, lines).unwrap();
    path
}

#[test]
#[cfg(unix)]
fn kill_9_mid_run_leaves_a_consistent_database_and_the_rerun_finishes_without_duplicates() {
    let dir = temp_dir("kill");
    let input = many_documents(&dir, 20);
    let input = input.to_str().unwrap();
    let (killed, whole) = (dir.join("killed.db"), dir.join("whole.db"));
    let args = |db: &Path| -> Vec<String> {
        [
            "ingest",
            "--db",
            db.to_str().unwrap(),
            "--batch",
            "1",
            "--threads",
            "1",
            "--quiet",
            input,
        ]
        .iter()
        .map(|s| s.to_string())
        .collect()
    };
    let mut kills = 0;
    // Kill the run as soon as it has stored more than last time, a few times.
    for round in 0..4 {
        let stored = if killed.exists() {
            count(&killed, "documents")
        } else {
            0
        };
        let mut child = dyad()
            .args(args(&killed))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        loop {
            if child.try_wait().unwrap().is_some() {
                break;
            }
            if killed.exists() && count(&killed, "documents") > stored + round {
                child.kill().unwrap(); // SIGKILL
                                       // The run may have finished just before the signal: only a
                                       // run the signal ended counts as interrupted.
                let status = child.wait().unwrap();
                if std::os::unix::process::ExitStatusExt::signal(&status).is_some() {
                    kills += 1;
                }
                break;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let conn = rusqlite::Connection::open(&killed).unwrap();
        let ok: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(ok, "ok");
        let orphans: i64 = conn
            .query_row(
                "SELECT count(*) FROM mentions m LEFT JOIN events e ON e.event = m.event WHERE e.event IS NULL",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(orphans, 0);
    }
    assert!(kills > 0, "the run was never caught before it finished");
    run_ok(&args(&killed).iter().map(String::as_str).collect::<Vec<_>>());
    run_ok(&args(&whole).iter().map(String::as_str).collect::<Vec<_>>());
    for table in ["documents", "events", "mentions"] {
        assert_eq!(count(&killed, table), count(&whole, table), "{table}");
    }
    assert_eq!(count(&killed, "documents"), 20);
    let export =
        |db: &Path| run_ok(&["export", "--db", db.to_str().unwrap(), "--format", "csv"]).stdout;
    assert_eq!(
        export(&killed),
        export(&whole),
        "the same events as an uninterrupted run"
    );
    let conn = rusqlite::Connection::open(&killed).unwrap();
    let status_count = |status: &str| -> i64 {
        conn.query_row(
            "SELECT count(*) FROM runs WHERE status = ?1",
            [status],
            |r| r.get(0),
        )
        .unwrap()
    };
    // A signal that lands after the run recorded its end (while the process
    // exits) leaves a finished run: killed runs are interrupted or finished,
    // never left "running".
    let interrupted = status_count("interrupted");
    assert!(
        interrupted >= 1 && interrupted <= kills,
        "{interrupted} of {kills}"
    );
    assert_eq!(status_count("running"), 0);
    let runs: i64 = conn
        .query_row("SELECT count(*) FROM runs", [], |r| r.get(0))
        .unwrap();
    assert_eq!(runs, status_count("interrupted") + status_count("finished"));
}

// ---- Bad input ----

#[test]
fn a_file_that_is_not_sqlite_is_refused_and_left_as_it_was() {
    let dir = temp_dir("notsqlite");
    let db = dir.join("notes.txt");
    std::fs::write(&db, "my notes\n").unwrap();
    let err = run_err(&[
        "ingest",
        "--db",
        db.to_str().unwrap(),
        fixture("attacks.jsonl").to_str().unwrap(),
    ]);
    assert!(err.contains("not a SQLite database"), "{err}");
    assert_eq!(std::fs::read_to_string(&db).unwrap(), "my notes\n");
    let err = run_err(&["query", "--db", db.to_str().unwrap(), "top", "dyads"]);
    assert!(err.contains("not a SQLite database"), "{err}");
}

fn ingested(name: &str) -> (PathBuf, String) {
    let dir = temp_dir(name);
    let db = dir.join("events.db");
    let input = fixture("attacks.jsonl").to_str().unwrap().to_string();
    run_ok(&["ingest", "--db", db.to_str().unwrap(), &input]);
    (db, input)
}

#[test]
fn a_database_of_a_newer_schema_is_refused() {
    let (db, input) = ingested("newer");
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute_batch("PRAGMA user_version = 99")
        .unwrap();
    let err = run_err(&["ingest", "--db", db.to_str().unwrap(), &input]);
    assert!(err.contains("newer dyad") && err.contains("99"), "{err}");
    let err = run_err(&["export", "--db", db.to_str().unwrap(), "--format", "csv"]);
    assert!(err.contains("newer dyad"), "{err}");
}

#[test]
fn a_read_only_database_is_refused_and_unchanged() {
    use std::os::unix::fs::PermissionsExt;
    let (db, _) = ingested("readonly");
    let docs = count(&db, "documents");
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o444)).unwrap();
    let wire = fixture("wire.jsonl");
    let err = run_err(&[
        "ingest",
        "--db",
        db.to_str().unwrap(),
        wire.to_str().unwrap(),
    ]);
    assert!(err.contains("read-only"), "{err}");
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o644)).unwrap();
    assert_eq!(count(&db, "documents"), docs);
}

#[test]
fn a_full_disk_stops_with_a_message_and_whole_batches() {
    let dir = temp_dir("full");
    let db = dir.join("events.db");
    let input = many_documents(&dir, 16);
    let err = run_err(&[
        "ingest",
        "--db",
        db.to_str().unwrap(),
        "--batch",
        "2",
        "--max-pages",
        "23",
        input.to_str().unwrap(),
    ]);
    assert!(err.contains("disk is full"), "{err}");
    let conn = rusqlite::Connection::open(&db).unwrap();
    let ok: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    assert_eq!(count(&db, "documents") % 2, 0);
    assert!(count(&db, "documents") < 16);
    run_ok(&[
        "ingest",
        "--db",
        db.to_str().unwrap(),
        input.to_str().unwrap(),
    ]);
    assert_eq!(count(&db, "documents"), 16);
}

#[test]
fn a_second_ingest_on_a_locked_database_is_refused() {
    let (db, input) = ingested("locked");
    // The test holds the ingest lock, as a running `dyad ingest` does.
    let holder = dyad_store::Store::open_for_ingest(&db).unwrap();
    let err = run_err(&["ingest", "--db", db.to_str().unwrap(), &input]);
    assert!(err.contains("another `dyad ingest` is writing"), "{err}");
    // Reading goes on meanwhile.
    run_ok(&["query", "--db", db.to_str().unwrap(), "top", "dyads"]);
    drop(holder);
}

#[test]
fn unknown_formats_impossible_dates_and_empty_databases_are_named() {
    let (db, _) = ingested("args");
    let db = db.to_str().unwrap();
    let err = run_err(&["export", "--db", db, "--format", "xml"]);
    assert!(err.contains("xml") && err.contains("gdelt"), "{err}");
    let err = run_err(&[
        "export",
        "--db",
        db,
        "--format",
        "csv",
        "--from",
        "2015-02-30",
    ]);
    assert!(err.contains("2015-02-30"), "{err}");
    let err = run_err(&[
        "query",
        "--db",
        db,
        "top",
        "dyads",
        "--from",
        "2015-06-01",
        "--to",
        "2015-05-01",
    ]);
    assert!(err.contains("after --to"), "{err}");
    let dir = temp_dir("empty");
    let missing = dir.join("missing.db");
    let err = run_err(&[
        "export",
        "--db",
        missing.to_str().unwrap(),
        "--format",
        "csv",
    ]);
    assert!(err.contains("no such database"), "{err}");
    assert!(!missing.exists());
    let empty = dir.join("empty.db");
    std::fs::write(&empty, "").unwrap();
    let err = run_err(&[
        "query",
        "--db",
        empty.to_str().unwrap(),
        "dyad",
        "USA",
        "RUS",
    ]);
    assert!(err.contains("holds no events"), "{err}");
    let out = dir.join("out.csv");
    let err = run_err(&[
        "export",
        "--db",
        empty.to_str().unwrap(),
        "--format",
        "csv",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(err.contains("holds no events"), "{err}");
    assert!(!out.exists(), "nothing half-written");
}
