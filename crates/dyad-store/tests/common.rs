//! Helpers shared by the store tests: temporary databases, events made from
//! JSON, a fake coder.

#![allow(dead_code)]

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use dyad_store::{ingest, Incoming, IngestOptions, RunCounts, RunInfo};
use dyad_types::{DocError, Document, Event};
use serde_json::json;

/// A fresh path for a database in the temporary directory.
pub fn temp_db(name: &str) -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "dyad-store-{}-{}-{name}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir.join("events.db")
}

/// An event as the coder would give it (JSON, so that fields added to
/// `Event` later with defaults do not break the tests).
pub fn event(
    doc: &str,
    sentence: usize,
    source: &str,
    code: &str,
    target: &str,
    date: &str,
    place: Option<(&str, f64, f64)>,
) -> Event {
    let entry = dyad_types::cameo::lookup(code).expect("a CAMEO code");
    let actor = |c: &str| {
        json!({"code": c, "country": dyad_types::actor::country_of(c),
               "agents": dyad_types::actor::agents_of(c), "text": format!("the {c} side")})
    };
    let location = place.map(|(name, lat, lon)| {
        json!({"name": name, "country": "AFG", "lat": lat, "lon": lon, "geonameid": 1, "span": null})
    });
    serde_json::from_value(json!({
        "doc": doc, "sentence": sentence, "span": [0, 10],
        "code": code, "root": entry.root, "quad_class": entry.quad_class,
        "goldstein": entry.goldstein, "plover": entry.plover,
        "source": actor(source), "target": actor(target),
        "trigger": [2, 5], "confidence": 0.7, "date": date, "location": location
    }))
    .expect("an event")
}

pub fn doc(id: &str, text: &str, date: &str, url: Option<&str>) -> Incoming {
    let mut doc = Document::new(id, text);
    doc.date = date.parse().ok();
    doc.url = url.map(str::to_string);
    Incoming { doc, site: None }
}

pub fn info() -> RunInfo {
    RunInfo {
        dyad_version: "test".into(),
        model: "test".into(),
        lexicon: "test".into(),
        inputs: vec!["test".into()],
    }
}

/// A coder that reads lines `SOURCE CODE TARGET DATE [PLACE LAT LON]` after
/// a line `EVENTS:` in the text (`PLACE - -`: a place without coordinates).
pub fn fake_code(doc: &Document) -> Result<Vec<Event>, DocError> {
    if doc.text.contains("UNCODABLE") {
        return Err(DocError::new(&doc.id, "cannot code this"));
    }
    let Some((_, lines)) = doc.text.split_once("EVENTS:") else {
        return Ok(Vec::new());
    };
    Ok(lines
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<&str>>())
        .filter(|f| (f.len() == 4 || f.len() == 7) && f[3].parse::<dyad_types::Date>().is_ok())
        .enumerate()
        .map(|(i, f)| {
            if f.len() >= 7 && f[5] == "-" {
                // a place named without coordinates
                let mut e = event(&doc.id, i, f[0], f[1], f[2], f[3], Some((f[4], 0.0, 0.0)));
                if let Some(l) = e.location.as_mut() {
                    (l.lat, l.lon, l.geonameid) = (None, None, None);
                }
                return e;
            }
            let place =
                (f.len() >= 7).then(|| (f[4], f[5].parse().unwrap(), f[6].parse().unwrap()));
            event(&doc.id, i, f[0], f[1], f[2], f[3], place)
        })
        .collect())
}

pub fn run(
    path: &std::path::Path,
    docs: Vec<Incoming>,
) -> Result<RunCounts, dyad_store::StoreError> {
    let options = IngestOptions {
        threads: 2,
        batch: 3,
        ..IngestOptions::default()
    };
    ingest(
        path,
        docs.into_iter().map(Ok),
        fake_code,
        &info(),
        &options,
        |_| {},
        |_| {},
    )
}

/// Row counts of the data tables.
pub fn rows(path: &std::path::Path) -> (i64, i64, i64) {
    let conn = rusqlite::Connection::open(path).unwrap();
    let n = |t: &str| -> i64 {
        conn.query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))
            .unwrap()
    };
    (n("documents"), n("events"), n("mentions"))
}

/// Whether `dyad_days` (kept by triggers) holds exactly the per-day counts
/// of the events table; panics with both when not.
pub fn assert_dyad_days_match_events(path: &std::path::Path) {
    let conn = rusqlite::Connection::open(path).unwrap();
    let read = |sql: &str| -> Vec<(String, String, i64, i64, i64, i64)> {
        let mut st = conn.prepare(sql).unwrap();
        st.query_map([], |r| {
            let goldstein: f64 = r.get(5)?;
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                (goldstein * 100.0).round() as i64,
            ))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect()
    };
    let kept = read(
        "SELECT source_country, target_country, date, quad_class, events, goldstein
         FROM dyad_days ORDER BY 1, 2, 3, 4",
    );
    let counted = read(
        "SELECT source_country, target_country, date, quad_class, count(*), total(goldstein)
         FROM events
         WHERE source_country IS NOT NULL AND target_country IS NOT NULL AND date IS NOT NULL
         GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4",
    );
    assert_eq!(kept, counted, "dyad_days against the events");
}
