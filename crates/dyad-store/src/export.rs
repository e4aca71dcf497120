//! Exports: GDELT 2.0 Events and Mentions rows, PLOVER/POLECAT-style JSON,
//! CSV, JSON lines (`dyad code`'s events with their counts) and Parquet.
//!
//! Each event is written with the evidence of its first mention (document,
//! sentence, actor words). `docs/store.md` documents every column.

use std::collections::HashMap;
use std::io::Write;
use std::str::FromStr;
use std::sync::OnceLock;

use dyad_types::{Actor, Date, Span};
use rusqlite::Row;
use serde::Serialize;

use crate::util::num_date;
use crate::{Store, StoreError};

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Gdelt,
    GdeltMentions,
    Plover,
    Csv,
    Parquet,
    Jsonl,
}

impl Format {
    pub const NAMES: &'static [&'static str] = &[
        "gdelt",
        "gdelt-mentions",
        "plover",
        "csv",
        "parquet",
        "jsonl",
    ];
}

impl FromStr for Format {
    type Err = StoreError;

    fn from_str(s: &str) -> Result<Format, StoreError> {
        Ok(match s {
            "gdelt" => Format::Gdelt,
            "gdelt-mentions" => Format::GdeltMentions,
            "plover" => Format::Plover,
            "csv" => Format::Csv,
            "parquet" => Format::Parquet,
            "jsonl" => Format::Jsonl,
            other => {
                return Err(StoreError::Invalid(format!(
                    "unknown format {other:?}; use one of {}",
                    Format::NAMES.join(", ")
                )))
            }
        })
    }
}

/// A range of event dates; either end may be open. Events without a date
/// are only in the unbounded range.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Period {
    pub from: Option<Date>,
    pub to: Option<Date>,
}

impl Period {
    pub fn new(from: Option<Date>, to: Option<Date>) -> Result<Period, StoreError> {
        if let (Some(f), Some(t)) = (from, to) {
            if f > t {
                return Err(StoreError::Invalid(format!(
                    "--from {f} is after --to {t}; give the earlier date first"
                )));
            }
        }
        Ok(Period { from, to })
    }

    /// An SQL condition on `column` (a `YYYYMMDD` number).
    pub fn condition(&self, column: &str) -> String {
        match (self.from, self.to) {
            (None, None) => "1".to_string(),
            (from, to) => format!(
                "{column} BETWEEN {} AND {}",
                from.map_or(0, crate::util::date_num),
                to.map_or(99_999_999, crate::util::date_num)
            ),
        }
    }
}

/// One event with its first mention's evidence, as exports write it.
#[derive(Debug, Clone, PartialEq)]
pub struct EventRow {
    pub event: i64,
    pub date: Option<Date>,
    pub code: String,
    pub root: String,
    pub quad_class: i64,
    pub goldstein: f64,
    pub plover: Option<String>,
    pub source: Actor,
    pub target: Actor,
    pub location_name: Option<String>,
    pub location_country: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub geonameid: Option<i64>,
    pub confidence: Option<f64>,
    pub mentions: i64,
    pub sources: i64,
    pub articles: i64,
    pub stories: i64,
    pub avg_tone: f64,
    pub added: i64,
    pub sentence: i64,
    pub span: Span,
    pub sentence_text: String,
    pub trigger: Option<Span>,
    /// The first mention's place as the coder wrote it (JSON), if any.
    pub location: Option<String>,
    pub doc: String,
    pub url: Option<String>,
    pub site: String,
}

const EVENT_COLUMNS: &str = "e.event, e.date, e.code, e.root, e.quad_class, e.goldstein, e.plover,
    e.source_code, e.source_country, e.source_agents, e.target_code, e.target_country, e.target_agents,
    e.location_name, e.location_country, e.lat, e.lon, e.geonameid, e.confidence,
    e.num_mentions, e.num_sources, e.num_articles, e.num_stories, e.avg_tone, e.added,
    m.sentence, m.sentence_start, m.sentence_end, m.sentence_text, m.trigger_start, m.trigger_end,
    m.source_text, m.target_text, m.location, d.id, d.url, d.site";

/// The `FROM` clause that goes with the event columns.
pub(crate) const EVENT_FROM: &str =
    "FROM events e JOIN mentions m ON m.mention = e.first_mention JOIN documents d ON d.doc = m.doc";

fn actor(code: String, country: Option<String>, agents: String, text: String) -> Actor {
    Actor {
        code,
        country,
        agents: agents.split_whitespace().map(str::to_string).collect(),
        text,
        span: Span::default(),
    }
}

impl EventRow {
    pub(crate) fn columns() -> &'static str {
        EVENT_COLUMNS
    }

    pub(crate) fn from_row(r: &Row) -> rusqlite::Result<EventRow> {
        let trigger_start: Option<i64> = r.get(29)?;
        let trigger_end: Option<i64> = r.get(30)?;
        Ok(EventRow {
            event: r.get(0)?,
            date: r.get::<_, Option<i64>>(1)?.and_then(num_date),
            code: r.get(2)?,
            root: r.get(3)?,
            quad_class: r.get(4)?,
            goldstein: r.get(5)?,
            plover: r.get(6)?,
            source: actor(r.get(7)?, r.get(8)?, r.get(9)?, r.get(31)?),
            target: actor(r.get(10)?, r.get(11)?, r.get(12)?, r.get(32)?),
            location_name: r.get(13)?,
            location_country: r.get(14)?,
            lat: r.get(15)?,
            lon: r.get(16)?,
            geonameid: r.get(17)?,
            confidence: r.get(18)?,
            mentions: r.get(19)?,
            sources: r.get(20)?,
            articles: r.get(21)?,
            stories: r.get(22)?,
            avg_tone: r.get(23)?,
            added: r.get(24)?,
            sentence: r.get(25)?,
            span: Span::new(r.get::<_, i64>(26)? as usize, r.get::<_, i64>(27)? as usize),
            sentence_text: r.get(28)?,
            trigger: trigger_start
                .zip(trigger_end)
                .map(|(s, e)| Span::new(s as usize, e as usize)),
            location: r.get(33)?,
            doc: r.get(34)?,
            url: r.get(35)?,
            site: r.get(36)?,
        })
    }
}

impl Store {
    /// Every event in `period`, in event order, with its first mention.
    pub fn for_each_event(
        &self,
        period: Period,
        mut f: impl FnMut(EventRow) -> Result<(), StoreError>,
    ) -> Result<u64, StoreError> {
        let sql = format!(
            "SELECT {EVENT_COLUMNS} {EVENT_FROM} WHERE {} ORDER BY e.event",
            period.condition("e.date")
        );
        let mut st = self.connection().prepare(&sql).map_err(|e| self.err(e))?;
        let mut rows = st.query([]).map_err(|e| self.err(e))?;
        let mut n = 0;
        while let Some(row) = rows.next().map_err(|e| self.err(e))? {
            f(EventRow::from_row(row).map_err(|e| self.err(e))?)?;
            n += 1;
        }
        Ok(n)
    }

    /// Writes the events of `period` in `format`; returns the rows written.
    pub fn export<W: Write + Send>(
        &self,
        format: Format,
        period: Period,
        out: W,
    ) -> Result<u64, StoreError> {
        let io = |source| StoreError::Io {
            path: "output".into(),
            source,
        };
        match format {
            Format::Gdelt => {
                let mut out = out;
                let n = self.for_each_event(period, |row| {
                    out.write_all(gdelt_row(&row).join("\t").as_bytes())
                        .and_then(|_| out.write_all(b"\n"))
                        .map_err(io)
                })?;
                out.flush().map_err(io)?;
                Ok(n)
            }
            Format::GdeltMentions => self.export_mentions(period, out),
            Format::Jsonl => {
                let mut out = out;
                let n = self.for_each_event(period, |row| {
                    write_json_line(&mut out, &JsonEvent::of(&row)).map_err(io)
                })?;
                out.flush().map_err(io)?;
                Ok(n)
            }
            Format::Plover => {
                let mut out = out;
                let mut n = 0;
                self.for_each_event(period, |row| {
                    let Some(record) = PloverRecord::of(&row) else {
                        return Ok(());
                    };
                    n += 1;
                    write_json_line(&mut out, &record).map_err(io)
                })?;
                out.flush().map_err(io)?;
                Ok(n)
            }
            Format::Csv => {
                let mut out = out;
                out.write_all(csv_line(CSV_COLUMNS.iter().map(|c| c.to_string())).as_bytes())
                    .map_err(io)?;
                let n = self.for_each_event(period, |row| {
                    out.write_all(csv_line(csv_fields(&row)).as_bytes())
                        .map_err(io)
                })?;
                out.flush().map_err(io)?;
                Ok(n)
            }
            Format::Parquet => self.export_parquet(period, out),
        }
    }

    #[cfg(feature = "parquet")]
    fn export_parquet<W: Write + Send>(&self, period: Period, out: W) -> Result<u64, StoreError> {
        crate::parquet_file::write(self, period, out)
    }

    #[cfg(not(feature = "parquet"))]
    fn export_parquet<W: Write + Send>(&self, _: Period, _: W) -> Result<u64, StoreError> {
        Err(StoreError::Invalid(
            "this dyad was built without Parquet (cargo feature `parquet`); use --format csv or jsonl"
                .to_string(),
        ))
    }

    /// GDELT 2.0 Mentions rows: one per mention of the events in `period`.
    fn export_mentions<W: Write>(&self, period: Period, mut out: W) -> Result<u64, StoreError> {
        let io = |source| StoreError::Io {
            path: "output".into(),
            source,
        };
        let sql = format!(
            "SELECT m.event, e.added, m.added, d.site, d.url, d.id, m.sentence, m.source_text,
               m.source_start, m.target_text, m.target_start, m.trigger_start, m.confidence,
               d.length, d.tone
             FROM mentions m JOIN events e ON e.event = m.event JOIN documents d ON d.doc = m.doc
             WHERE {} ORDER BY m.mention",
            period.condition("e.date")
        );
        let mut st = self.connection().prepare(&sql).map_err(|e| self.err(e))?;
        let mut rows = st.query([]).map_err(|e| self.err(e))?;
        let mut n = 0;
        while let Some(r) = rows.next().map_err(|e| self.err(e))? {
            let get = |r: &Row| -> rusqlite::Result<Vec<String>> {
                let url: Option<String> = r.get(4)?;
                let offset = |text: String, start: i64| {
                    if text.is_empty() {
                        -1
                    } else {
                        start
                    }
                };
                Ok(vec![
                    r.get::<_, i64>(0)?.to_string(),
                    r.get::<_, i64>(1)?.to_string(),
                    r.get::<_, i64>(2)?.to_string(),
                    if url.is_some() { "1" } else { "2" }.to_string(),
                    clean(&r.get::<_, String>(3)?),
                    clean(&url.unwrap_or(r.get::<_, String>(5)?)),
                    (r.get::<_, i64>(6)? + 1).to_string(),
                    offset(r.get(7)?, r.get(8)?).to_string(),
                    offset(r.get(9)?, r.get(10)?).to_string(),
                    r.get::<_, Option<i64>>(11)?.unwrap_or(-1).to_string(),
                    "1".to_string(),
                    format!("{:.0}", 100.0 * r.get::<_, Option<f64>>(12)?.unwrap_or(1.0)),
                    r.get::<_, i64>(13)?.to_string(),
                    number(r.get(14)?),
                    String::new(),
                    String::new(),
                ])
            };
            let fields = get(r).map_err(|e| self.err(e))?;
            out.write_all(fields.join("\t").as_bytes())
                .and_then(|_| out.write_all(b"\n"))
                .map_err(io)?;
            n += 1;
        }
        out.flush().map_err(io)?;
        Ok(n)
    }
}

/// A field without tabs or line breaks (GDELT files are tab-separated lines).
fn clean(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c == '\t' || c == '\n' || c == '\r' {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// A number as GDELT writes it: no trailing `.0`, no exponent.
fn number(x: f64) -> String {
    if x.is_finite() {
        format!("{x}")
    } else {
        "0".to_string()
    }
}

/// A coordinate rounded to 4 decimals, as GDELT writes it (`-41`, `25.2971`).
fn coordinate(x: f64) -> String {
    number((x * 1e4).round() / 1e4)
}

/// CAMEO type (role) codes, as GDELT separates them from known-group codes.
const TYPE_CODES: &[&str] = &[
    "COP", "GOV", "INS", "JUD", "MIL", "OPP", "REB", "SEP", "SPY", "UAF", "AGR", "BUS", "CRM",
    "CVL", "DEV", "EDU", "ELI", "ENV", "HLH", "HRI", "LAB", "LEG", "MED", "REF", "MOD", "RAD",
    "AMN", "IRC", "GRP", "UNO", "PKO", "UIS", "IGO", "IMG", "INT", "MNC", "NGM", "NGO", "SET",
];

/// ISO 3166 alpha-3 → FIPS 10-4 (`data/fips.tsv`, from GeoNames).
fn fips(country: &str) -> Option<&'static str> {
    static TABLE: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    TABLE
        .get_or_init(|| {
            include_str!("../data/fips.tsv")
                .lines()
                .filter(|l| !l.starts_with('#'))
                .filter_map(|l| l.split_once('\t'))
                .collect()
        })
        .get(country)
        .copied()
}

/// The ten actor columns of a GDELT event row.
fn gdelt_actor(actor: &Actor) -> Vec<String> {
    let mut fields = vec![String::new(); 10];
    // `---` alone is "someone unknown": GDELT leaves such an actor blank.
    if actor.code.is_empty() || actor.code == "---" {
        return fields;
    }
    fields[0] = actor.code.clone();
    fields[1] = clean(&actor.text.to_uppercase());
    fields[2] = actor.country.clone().unwrap_or_default();
    let mut types = Vec::new();
    for agent in &actor.agents {
        if TYPE_CODES.contains(&agent.as_str()) {
            types.push(agent.clone());
        } else if fields[3].is_empty() {
            fields[3] = agent.clone();
        }
    }
    for (i, t) in types.into_iter().take(3).enumerate() {
        fields[7 + i] = t;
    }
    fields
}

/// The 61 columns of a GDELT 2.0 Events row.
pub fn gdelt_row(row: &EventRow) -> Vec<String> {
    let added_date = num_date(row.added / 1_000_000);
    let date = row.date.or(added_date);
    let mut f = Vec::with_capacity(61);
    f.push(row.event.to_string());
    match date {
        Some(d) => {
            f.push(format!("{:04}{:02}{:02}", d.year(), d.month(), d.day()));
            f.push(format!("{:04}{:02}", d.year(), d.month()));
            f.push(format!("{:04}", d.year()));
            let fraction = f64::from(u32::from(d.month() - 1) * 30 + u32::from(d.day())) / 365.0;
            f.push(format!("{:.4}", f64::from(d.year()) + fraction));
        }
        None => f.extend(std::iter::repeat_n(String::new(), 4)),
    }
    f.extend(gdelt_actor(&row.source));
    f.extend(gdelt_actor(&row.target));
    f.push(if row.sentence < 3 { "1" } else { "0" }.to_string());
    f.push(row.code.clone());
    f.push(row.code.get(..3).unwrap_or(&row.code).to_string());
    f.push(row.root.clone());
    f.push(row.quad_class.to_string());
    f.push(format!("{:.1}", row.goldstein));
    f.push(row.mentions.to_string());
    f.push(row.sources.to_string());
    f.push(row.articles.to_string());
    f.push(number(row.avg_tone));
    // Actor1Geo and Actor2Geo: dyad does not place actors.
    for _ in 0..2 {
        f.push("0".to_string());
        f.extend(std::iter::repeat_n(String::new(), 7));
    }
    match (row.lat, row.lon) {
        (Some(lat), Some(lon)) => {
            let country = row.location_country.as_deref().and_then(fips).unwrap_or("");
            let city = row.geonameid.is_some();
            f.push(if city { "4" } else { "1" }.to_string());
            f.push(clean(row.location_name.as_deref().unwrap_or("")));
            f.push(country.to_string());
            f.push(country.to_string());
            f.push(String::new());
            f.push(coordinate(lat));
            f.push(coordinate(lon));
            f.push(match row.geonameid {
                Some(id) => id.to_string(),
                None => country.to_string(),
            });
        }
        _ => {
            f.push("0".to_string());
            f.extend(std::iter::repeat_n(String::new(), 7));
        }
    }
    f.push(row.added.to_string());
    f.push(clean(row.url.as_deref().unwrap_or(&row.doc)));
    f
}

/// An event as `dyad code` writes it, with the store's counts added.
#[derive(Serialize)]
struct JsonEvent<'a> {
    doc: &'a str,
    sentence: i64,
    span: Span,
    code: &'a str,
    root: &'a str,
    quad_class: i64,
    goldstein: f64,
    plover: Option<&'a str>,
    source: &'a Actor,
    target: &'a Actor,
    trigger: Option<Span>,
    #[serde(skip_serializing_if = "Option::is_none")]
    confidence: Option<f64>,
    date: Option<Date>,
    location: Option<serde_json::Value>,
    event: i64,
    mentions: i64,
    sources: i64,
    articles: i64,
    stories: i64,
    tone: f64,
    url: Option<&'a str>,
}

impl<'a> JsonEvent<'a> {
    fn of(row: &'a EventRow) -> JsonEvent<'a> {
        JsonEvent {
            doc: &row.doc,
            sentence: row.sentence,
            span: row.span,
            code: &row.code,
            root: &row.root,
            quad_class: row.quad_class,
            goldstein: row.goldstein,
            plover: row.plover.as_deref(),
            source: &row.source,
            target: &row.target,
            trigger: row.trigger,
            confidence: row.confidence,
            date: row.date,
            location: row
                .location
                .as_deref()
                .and_then(|l| serde_json::from_str(l).ok()),
            event: row.event,
            mentions: row.mentions,
            sources: row.sources,
            articles: row.articles,
            stories: row.stories,
            tone: row.avg_tone,
            url: row.url.as_deref(),
        }
    }
}

/// A PLOVER/POLECAT-style event record.
#[derive(Serialize)]
struct PloverRecord<'a> {
    id: String,
    event_type: &'a str,
    /// PLOVER's mode; dyad does not code modes yet.
    mode: Option<&'a str>,
    cameo: &'a str,
    quad_class: i64,
    goldstein: f64,
    date: Option<Date>,
    actor: PloverActor<'a>,
    recipient: PloverActor<'a>,
    location: Option<serde_json::Value>,
    source_sentence: &'a str,
    doc: &'a str,
    url: Option<&'a str>,
    num_mentions: i64,
    num_sources: i64,
    num_articles: i64,
}

#[derive(Serialize)]
struct PloverActor<'a> {
    name: &'a str,
    code: &'a str,
    country: Option<&'a str>,
    agents: &'a [String],
}

impl<'a> PloverActor<'a> {
    fn of(actor: &'a Actor) -> PloverActor<'a> {
        PloverActor {
            name: &actor.text,
            code: &actor.code,
            country: actor.country.as_deref(),
            agents: &actor.agents,
        }
    }
}

impl<'a> PloverRecord<'a> {
    /// The record of an event; `None` for the CAMEO categories PLOVER has
    /// no type for (statements and appeals).
    fn of(row: &'a EventRow) -> Option<PloverRecord<'a>> {
        Some(PloverRecord {
            id: format!("dyad-{}", row.event),
            event_type: row.plover.as_deref()?,
            mode: None,
            cameo: &row.code,
            quad_class: row.quad_class,
            goldstein: row.goldstein,
            date: row.date,
            actor: PloverActor::of(&row.source),
            recipient: PloverActor::of(&row.target),
            location: row
                .location
                .as_deref()
                .and_then(|l| serde_json::from_str(l).ok()),
            source_sentence: &row.sentence_text,
            doc: &row.doc,
            url: row.url.as_deref(),
            num_mentions: row.mentions,
            num_sources: row.sources,
            num_articles: row.articles,
        })
    }
}

/// The CSV (and Parquet) columns, in order.
pub const CSV_COLUMNS: &[&str] = &[
    "event",
    "date",
    "code",
    "root",
    "quad_class",
    "goldstein",
    "plover",
    "source_code",
    "source_country",
    "source_name",
    "target_code",
    "target_country",
    "target_name",
    "location_name",
    "location_country",
    "lat",
    "lon",
    "confidence",
    "mentions",
    "sources",
    "articles",
    "stories",
    "avg_tone",
    "doc",
    "url",
    "sentence",
    "sentence_text",
];

fn csv_fields(row: &EventRow) -> impl Iterator<Item = String> {
    let opt = |s: &Option<String>| s.clone().unwrap_or_default();
    let optf = |x: Option<f64>| x.map(number).unwrap_or_default();
    vec![
        row.event.to_string(),
        row.date.map(|d| d.to_string()).unwrap_or_default(),
        row.code.clone(),
        row.root.clone(),
        row.quad_class.to_string(),
        number(row.goldstein),
        opt(&row.plover),
        row.source.code.clone(),
        opt(&row.source.country),
        row.source.text.clone(),
        row.target.code.clone(),
        opt(&row.target.country),
        row.target.text.clone(),
        opt(&row.location_name),
        opt(&row.location_country),
        optf(row.lat),
        optf(row.lon),
        optf(row.confidence),
        row.mentions.to_string(),
        row.sources.to_string(),
        row.articles.to_string(),
        row.stories.to_string(),
        number(row.avg_tone),
        row.doc.clone(),
        opt(&row.url),
        row.sentence.to_string(),
        row.sentence_text.clone(),
    ]
    .into_iter()
}

/// One CSV line (RFC 4180 quoting).
pub fn csv_line(fields: impl Iterator<Item = String>) -> String {
    let mut line = String::new();
    for (i, field) in fields.enumerate() {
        if i > 0 {
            line.push(',');
        }
        if field.contains([',', '"', '\n', '\r']) {
            line.push('"');
            line.push_str(&field.replace('"', "\"\""));
            line.push('"');
        } else {
            line.push_str(&field);
        }
    }
    line.push('\n');
    line
}

/// One JSON object and a line end.
fn write_json_line(out: &mut impl Write, value: &impl Serialize) -> std::io::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    out.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_what_needs_it() {
        let line = csv_line(["a", "b,c", "say \"hi\""].iter().map(|s| s.to_string()));
        assert_eq!(line, "a,\"b,c\",\"say \"\"hi\"\"\"\n");
    }

    #[test]
    fn numbers_are_written_as_gdelt_does() {
        assert_eq!(number(-41.0), "-41");
        assert_eq!(coordinate(25.297_14), "25.2971");
        assert_eq!(fips("DEU"), Some("GM"));
    }

    #[test]
    fn unknown_formats_are_named() {
        let err = "xml".parse::<Format>().unwrap_err().to_string();
        assert!(err.contains("gdelt, gdelt-mentions"), "{err}");
        assert_eq!(
            "gdelt-mentions".parse::<Format>().unwrap(),
            Format::GdeltMentions
        );
    }
}
