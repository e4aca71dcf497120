//! Synthetic events for measuring queries on large databases: actors drawn
//! from a skewed list of countries and roles, CAMEO codes from the table,
//! dates over ten years, one mention and a document per ten events. Made
//! from a seed, so the same call makes the same database.

use std::path::Path;

use dyad_types::{cameo, Date};
use rusqlite::params;

use crate::util::{date_num, mix64};
use crate::{schema, Store, StoreError};

/// Countries in rough order of how often news names them (a Zipf draw
/// picks among them: the first is ~15% of actors).
const COUNTRIES: &[&str] = &[
    "USA", "RUS", "CHN", "GBR", "FRA", "DEU", "IND", "ISR", "IRN", "UKR", "TUR", "SYR", "PAK",
    "AFG", "IRQ", "JPN", "KOR", "PRK", "SAU", "EGY", "NGA", "BRA", "MEX", "CAN", "AUS", "ITA",
    "ESP", "POL", "ZAF", "KEN", "ETH", "SDN", "YEM", "LBY", "VEN", "COL", "IDN", "PHL", "VNM",
    "THA", "MMR", "BGD", "LKA", "NPL", "QAT", "ARE", "JOR", "LBN", "PSE", "GRC",
];

const ROLES: &[&str] = &[
    "GOV", "MIL", "COP", "BUS", "CVL", "OPP", "REB", "MED", "", "",
];

/// A small deterministic generator.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        mix64(self.0)
    }

    fn below(&mut self, n: usize) -> usize {
        ((self.next() >> 11) as f64 / (1u64 << 53) as f64 * n as f64) as usize
    }

    /// Index in 0..n with probability ∝ 1/(i+1).
    fn zipf(&mut self, n: usize, harmonic: f64) -> usize {
        let mut u = (self.next() >> 11) as f64 / (1u64 << 53) as f64 * harmonic;
        for i in 0..n {
            u -= 1.0 / (i + 1) as f64;
            if u <= 0.0 {
                return i;
            }
        }
        n - 1
    }
}

/// Fills the database at `path` (which must not hold events) with `events`
/// synthetic events; calls `progress` with the count now and then.
pub fn generate(
    path: &Path,
    events: u64,
    seed: u64,
    progress: impl Fn(u64),
) -> Result<(), StoreError> {
    let mut store = Store::open_for_ingest(path)?;
    let err = |e| crate::store::sql_err(path, e);
    let existing: i64 = store
        .connection()
        .query_row("SELECT count(*) FROM events", [], |r| r.get(0))
        .map_err(err)?;
    if existing > 0 {
        return Err(StoreError::Invalid(format!(
            "{}: holds events already; generate into a new file",
            path.display()
        )));
    }
    let run = store.begin_run(&crate::RunInfo {
        dyad_version: env!("CARGO_PKG_VERSION").to_string(),
        model: "synthetic".to_string(),
        lexicon: "synthetic".to_string(),
        inputs: vec![format!("synth events={events} seed={seed}")],
    })?;
    let conn = store.connection_mut();
    for name in schema::index_names() {
        conn.execute_batch(&format!("DROP INDEX IF EXISTS {name}"))
            .map_err(err)?;
    }
    let codes: Vec<&cameo::CameoCode> = cameo::all().iter().collect();
    let harmonic: f64 = (1..=COUNTRIES.len()).map(|i| 1.0 / i as f64).sum();
    let start = Date::new(2015, 1, 1).map_or(0, |d| d.to_days());
    let days = 3653;
    let mut rng = Rng(seed);
    let added = crate::util::now_stamp();
    let mut done = 0u64;
    while done < events {
        let chunk = (events - done).min(200_000);
        let tx = conn.transaction().map_err(err)?;
        {
            let mut doc_st = tx
                .prepare("INSERT INTO documents (doc, id, url, site, date, text_hash, length, tone, minhash, cluster, run, added)
                          VALUES (?1, ?2, ?3, ?4, ?5, 0, 2000, ?6, x'', ?1, ?7, ?8)")
                .map_err(err)?;
            let mut ev_st = tx
                .prepare("INSERT INTO events (event, date, code, root, quad_class, goldstein, plover, source_code,
                            source_country, source_agents, target_code, target_country, target_agents,
                            num_mentions, num_sources, num_articles, num_stories, avg_tone, first_mention, added)
                          VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, 1, 1, 1, 1, ?14, ?1, ?15)")
                .map_err(err)?;
            let mut m_st = tx
                .prepare("INSERT INTO mentions (mention, event, doc, sentence, sentence_start, sentence_end, sentence_text,
                            source_text, source_start, target_text, target_start, date, added)
                          VALUES (?1, ?1, ?2, 0, 0, 40, 'A synthetic sentence for a synthetic event.', ?3, 0, ?4, 20, ?5, ?6)")
                .map_err(err)?;
            for i in done..done + chunk {
                let id = i as i64 + 1;
                let doc = i as i64 / 10 + 1;
                let date = date_num(Date::from_days(start + rng.below(days) as i64));
                let tone = (rng.below(2000) as f64 - 1000.0) / 100.0;
                if i % 10 == 0 {
                    let site = format!("site{}.example", rng.below(500));
                    doc_st
                        .execute(params![
                            doc,
                            format!("synth-{doc}"),
                            format!("https://{site}/{doc}"),
                            site,
                            date,
                            tone,
                            run,
                            added
                        ])
                        .map_err(err)?;
                }
                let actor = |rng: &mut Rng| {
                    let country = COUNTRIES[rng.zipf(COUNTRIES.len(), harmonic)];
                    let role = ROLES[rng.below(ROLES.len())];
                    (format!("{country}{role}"), country, role)
                };
                let (source, sc, sr) = actor(&mut rng);
                let (mut target, mut tc, mut tr) = actor(&mut rng);
                if target == source {
                    (target, tc, tr) = (COUNTRIES[0].to_string(), COUNTRIES[0], "");
                }
                let code = codes[rng.below(codes.len())];
                ev_st
                    .execute(params![
                        id,
                        date,
                        code.code,
                        code.root,
                        i64::from(code.quad_class),
                        f64::from(code.goldstein),
                        code.plover,
                        source,
                        sc,
                        sr,
                        target,
                        tc,
                        tr,
                        tone,
                        added
                    ])
                    .map_err(err)?;
                m_st.execute(params![id, doc, sc, tc, date, added])
                    .map_err(err)?;
            }
        }
        tx.commit().map_err(err)?;
        done += chunk;
        progress(done);
    }
    for sql in schema::index_statements() {
        conn.execute_batch(&sql).map_err(err)?;
    }
    conn.execute_batch("ANALYZE").map_err(err)?;
    store.finish_run(run, "finished")?;
    Ok(())
}
