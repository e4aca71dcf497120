//! The store end to end with a fake coder: idempotent ingest, replaced
//! documents, one event per happening, near-duplicates, bad databases.

mod common;

use common::{assert_dyad_days_match_events, doc, fake_code, info, rows, run, temp_db};
use dyad_store::export::{Format, Period};
use dyad_store::{ingest, IngestOptions, Store, StoreError};

const WIRE: &str = include_str!("fixtures/wire_story.txt");
const BOILER_A: &str = include_str!("fixtures/boilerplate_a.txt");
const BOILER_B: &str = include_str!("fixtures/boilerplate_b.txt");
const BOILER_C: &str = include_str!("fixtures/boilerplate_c.txt");
const KABUL: &str = include_str!("fixtures/attack_kabul.txt");
const JALALABAD: &str = include_str!("fixtures/attack_jalalabad.txt");

const WIRE_EVENTS: &str = "EVENTS:\nRUSGOV 040 TURGOV 2015-05-12\nRUSGOV 040 TURGOV 2015-05-12\n";

fn small_docs() -> Vec<dyad_store::Incoming> {
    vec![
        doc(
            "a",
            "One.\nEVENTS:\nUSAGOV 040 RUSGOV 2015-05-12",
            "2015-05-12",
            None,
        ),
        doc(
            "b",
            "Two.\nEVENTS:\nUSAGOV 040 RUSGOV 2015-05-13\nRUSMIL 190 UKRMIL 2015-05-13",
            "2015-05-13",
            None,
        ),
        doc("c", "Nothing happened.", "2015-05-13", None),
        doc(
            "d",
            "Three.\nEVENTS:\nCHNGOV 036 USAGOV 2015-06-01",
            "2015-06-01",
            None,
        ),
    ]
}

#[test]
fn the_same_input_twice_adds_no_rows() {
    let db = temp_db("twice");
    let first = run(&db, small_docs()).unwrap();
    assert_eq!((first.new, first.mentions), (4, 4));
    // USA→RUS consult on the 12th and the 13th is one event.
    assert_eq!(first.events, 3);
    let before = rows(&db);
    let second = run(&db, small_docs()).unwrap();
    assert_eq!((second.new, second.unchanged, second.mentions), (0, 4, 0));
    assert_eq!(rows(&db), before);
}

#[test]
fn a_document_whose_text_changed_replaces_its_events() {
    let db = temp_db("changed");
    run(&db, small_docs()).unwrap();
    let mut docs = small_docs();
    docs[1] = doc(
        "b",
        "Two, corrected.\nEVENTS:\nIRNGOV 111 ISRGOV 2015-05-13",
        "2015-05-13",
        None,
    );
    assert_dyad_days_match_events(&db);
    let counts = run(&db, docs).unwrap();
    assert_eq!((counts.replaced, counts.unchanged), (1, 3));
    // The per-day counts of the dyad query follow deleted and new events.
    assert_dyad_days_match_events(&db);
    let store = Store::open_read(&db).unwrap();
    let mut codes = Vec::new();
    store
        .for_each_event(Period::default(), |row| {
            codes.push((row.source.code.clone(), row.code.clone(), row.mentions));
            Ok(())
        })
        .unwrap();
    // The USA→RUS event keeps its mention from "a"; RUS→UKR is gone.
    assert_eq!(
        codes,
        [
            ("USAGOV".to_string(), "040".to_string(), 1),
            ("CHNGOV".to_string(), "036".to_string(), 1),
            ("IRNGOV".to_string(), "111".to_string(), 1)
        ]
    );
    assert_eq!(rows(&db), (4, 3, 3));
}

#[test]
fn failed_documents_are_counted_and_not_stored() {
    let db = temp_db("failed");
    let mut docs = small_docs();
    docs.push(doc("bad", "UNCODABLE", "2015-05-13", None));
    let options = IngestOptions {
        threads: 2,
        batch: 2,
        ..IngestOptions::default()
    };
    let mut errors = Vec::new();
    let items = docs
        .into_iter()
        .map(Ok)
        .chain([Err(dyad_types::DocError::new("broken", "not JSON"))]);
    let counts = ingest(
        &db,
        items,
        fake_code,
        &info(),
        &options,
        |e| errors.push(e.doc.clone()),
        |_| {},
    )
    .unwrap();
    assert_eq!((counts.read, counts.new, counts.failed), (6, 4, 2));
    assert_eq!(errors, ["bad", "broken"]);
    assert_eq!(rows(&db).0, 4);
}

#[test]
fn one_wire_story_on_three_sites_is_one_event_counted_once_per_source() {
    let db = temp_db("wire");
    let docs = vec![
        doc("a1", &format!("{BOILER_A}{WIRE}{WIRE_EVENTS}"), "2015-05-12", Some("https://www.courier-a.example/world/1")),
        doc("b1", &format!("{WIRE}{BOILER_B}{WIRE_EVENTS}"), "2015-05-12", Some("https://news.b.example/story?id=9")),
        doc("c1", &format!("{WIRE}{WIRE_EVENTS}{BOILER_C}"), "2015-05-13", Some("http://c.example/2015/05/13/talks")),
        // Site c again, the same copy under a second address.
        doc("c2", &format!("{BOILER_C}{WIRE}{WIRE_EVENTS}"), "2015-05-13", Some("http://c.example/amp/talks")),
        // Another story on site a, mentioning the same meeting once.
        doc(
            "a2",
            "Markets in Moscow rose on hopes the talks in Ankara would calm the region; traders in \
             the city said shares of grain exporters gained most, and the rouble firmed against the \
             dollar for a second day as investors weighed the chances of a deal.\n\
             EVENTS:\nRUSGOV 040 TURGOV 2015-05-12",
            "2015-05-13",
            Some("https://courier-a.example/markets/2"),
        ),
    ];
    run(&db, docs).unwrap();
    let conn = rusqlite::Connection::open(&db).unwrap();
    let clusters: Vec<(String, i64)> = conn
        .prepare("SELECT id, cluster FROM documents ORDER BY doc")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    // The four copies are one group; the markets story is its own.
    let group = clusters[0].1;
    assert!(
        clusters[..4].iter().all(|(_, c)| *c == group),
        "{clusters:?}"
    );
    assert_ne!(clusters[4].1, group);
    let events: Vec<(i64, i64, i64, i64)> = conn
        .prepare("SELECT num_mentions, num_sources, num_articles, num_stories FROM events")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    // One event: 2 mentions in each of a1, b1, c1 and 1 in a2 (c2 is c1's
    // copy on the same site: not counted); 3 sites, 4 articles, 2 stories.
    assert_eq!(events, [(7, 3, 4, 2)]);
}

#[test]
fn two_attacks_on_the_same_day_in_different_cities_are_two_events() {
    let db = temp_db("attacks");
    let docs = vec![
        doc("kabul", &format!("{KABUL}EVENTS:\n---REB 180 AFGCOP 2015-05-11 Kabul 34.53 69.17"), "2015-05-11", Some("https://a.example/1")),
        doc("jalalabad", &format!("{JALALABAD}EVENTS:\n---REB 180 AFGCOP 2015-05-11 Jalalabad 34.43 70.45"), "2015-05-11", Some("https://b.example/2")),
        // A second report of the Kabul attack, a day later, from another site.
        doc("kabul2", "Police in the Afghan capital said on Tuesday that the gunmen who stormed a checkpoint in Kabul had not been found.\nEVENTS:\n---REB 180 AFGCOP 2015-05-11 Kabul 34.55 69.2", "2015-05-12", Some("https://c.example/3")),
    ];
    run(&db, docs).unwrap();
    let conn = rusqlite::Connection::open(&db).unwrap();
    let events: Vec<(String, i64, i64)> = conn
        .prepare("SELECT location_name, num_articles, num_sources FROM events ORDER BY event")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(
        events,
        [("Kabul".to_string(), 2, 2), ("Jalalabad".to_string(), 1, 1)]
    );
}

#[test]
fn a_killed_batch_leaves_whole_batches_and_the_rerun_finishes() {
    // What kill -9 leaves is the state after some whole batch: here the
    // first two documents stored by one run, the rest by the next.
    let (partial, whole) = (temp_db("partial"), temp_db("whole"));
    run(&partial, small_docs()[..2].to_vec()).unwrap();
    run(&partial, small_docs()).unwrap();
    run(&whole, small_docs()).unwrap();
    assert_eq!(rows(&partial), rows(&whole));
    let export = |p: &std::path::Path| {
        let mut out = Vec::new();
        Store::open_read(p)
            .unwrap()
            .export(Format::Csv, Period::default(), &mut out)
            .unwrap();
        String::from_utf8(out).unwrap()
    };
    assert_eq!(export(&partial), export(&whole));
}

// ---- Bad databases ----

#[test]
fn a_file_that_is_not_sqlite_is_refused_and_left_alone() {
    let db = temp_db("notsqlite");
    std::fs::write(&db, "id,text\n1,hello\n").unwrap();
    let err = run(&db, small_docs()).unwrap_err();
    assert!(matches!(err, StoreError::NotSqlite(_)), "{err}");
    assert!(err.to_string().contains("not a SQLite database"));
    assert_eq!(std::fs::read_to_string(&db).unwrap(), "id,text\n1,hello\n");
    assert!(matches!(
        Store::open_read(&db),
        Err(StoreError::NotSqlite(_))
    ));
}

#[test]
fn a_sqlite_database_of_another_program_is_refused() {
    let db = temp_db("other");
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    assert!(matches!(
        run(&db, small_docs()),
        Err(StoreError::NotDyad(_))
    ));
    assert!(matches!(Store::open_read(&db), Err(StoreError::NotDyad(_))));
}

#[test]
fn a_database_from_a_newer_dyad_is_refused() {
    let db = temp_db("newer");
    run(&db, small_docs()).unwrap();
    let newer = dyad_store::schema::VERSION + 1;
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute_batch(&format!("PRAGMA user_version = {newer}"))
        .unwrap();
    let before = rows(&db);
    let err = run(&db, small_docs()).unwrap_err();
    assert!(
        matches!(err, StoreError::Newer { found, .. } if found == newer),
        "{err}"
    );
    assert!(err.to_string().contains("upgrade dyad"));
    assert!(matches!(
        Store::open_read(&db),
        Err(StoreError::Newer { .. })
    ));
    assert_eq!(rows(&db), before);
}

#[test]
fn a_fresh_database_is_migrated_from_version_zero() {
    let db = temp_db("fresh");
    std::fs::write(&db, "").unwrap();
    run(&db, small_docs()).unwrap();
    let conn = rusqlite::Connection::open(&db).unwrap();
    let (version, app) = dyad_store::schema::version(&conn).unwrap();
    assert_eq!(version, dyad_store::schema::VERSION);
    assert_eq!(app, dyad_store::schema::APPLICATION_ID);
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

#[test]
fn a_read_only_database_is_refused_before_anything_is_written() {
    use std::os::unix::fs::PermissionsExt;
    let db = temp_db("readonly");
    run(&db, small_docs()).unwrap();
    let before = rows(&db);
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o444)).unwrap();
    let err = run(&db, small_docs()).unwrap_err();
    assert!(matches!(err, StoreError::ReadOnly(_)), "{err}");
    // Reading still works.
    assert!(Store::open_read(&db).is_ok());
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o644)).unwrap();
    assert_eq!(rows(&db), before);
}

#[test]
fn a_full_disk_stops_the_run_with_whole_batches_stored() {
    let db = temp_db("full");
    let many: Vec<_> = (0..60)
        .map(|i| {
            let filler = "word ".repeat(400);
            doc(
                &format!("d{i}"),
                &format!("{filler} {i}\nEVENTS:\nUSAGOV 040 RUSGOV 2015-05-12"),
                "2015-05-12",
                None,
            )
        })
        .collect();
    let options = IngestOptions {
        threads: 2,
        batch: 5,
        max_pages: Some(24),
        ..IngestOptions::default()
    };
    let err = ingest(
        &db,
        many.clone().into_iter().map(Ok),
        fake_code,
        &info(),
        &options,
        |_| {},
        |_| {},
    )
    .unwrap_err();
    assert!(matches!(err, StoreError::Full(_)), "{err}");
    assert!(err.to_string().contains("disk is full"));
    let conn = rusqlite::Connection::open(&db).unwrap();
    let ok: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    let (docs, _, mentions) = rows(&db);
    assert_eq!(docs % 5, 0, "whole batches only");
    assert_eq!(docs, mentions);
    // With room again, the same command finishes the work.
    run(&db, many).unwrap();
    assert_eq!(rows(&db).0, 60);
}

#[test]
fn a_second_ingest_on_the_same_database_is_refused_while_the_first_runs() {
    let db = temp_db("locked");
    let first = Store::open_for_ingest(&db).unwrap();
    let err = run(&db, small_docs()).unwrap_err();
    assert!(matches!(err, StoreError::Locked(_)), "{err}");
    assert!(err.to_string().contains("another `dyad ingest`"));
    drop(first);
    run(&db, small_docs()).unwrap();
}

#[test]
fn reading_a_missing_or_empty_database_says_so() {
    let db = temp_db("missing");
    assert!(matches!(Store::open_read(&db), Err(StoreError::Missing(_))));
    assert!(!db.exists(), "reading never creates the file");
    std::fs::write(&db, "").unwrap();
    let err = Store::open_read(&db).err().unwrap();
    assert!(matches!(err, StoreError::Empty(_)), "{err}");
    run(
        &db,
        vec![doc("quiet", "Nothing happened.", "2015-05-13", None)],
    )
    .unwrap();
    assert!(matches!(Store::open_read(&db), Err(StoreError::Empty(_))));
}
