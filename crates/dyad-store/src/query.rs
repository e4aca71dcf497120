//! Queries answered from the indexes: a dyad over time, events with their
//! evidence, the top actors and dyads of a period. Each answer is a
//! [`Table`] that prints as an aligned table, JSON lines or CSV.

use std::collections::BTreeMap;
use std::io::Write;

use dyad_types::actor::country_of;
use dyad_types::Date;
use rusqlite::types::Value as SqlValue;
use serde_json::Value;

use crate::export::{csv_line, EventRow, Period, EVENT_FROM};
use crate::util::{date_num, num_date};
use crate::{Store, StoreError};

/// An answer: named columns and rows of JSON values.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub columns: Vec<&'static str>,
    pub rows: Vec<Vec<Value>>,
}

fn text(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

impl Table {
    /// Columns aligned for a terminal (numbers to the right).
    pub fn write_table(&self, out: &mut dyn Write) -> std::io::Result<()> {
        let cells: Vec<Vec<String>> = self
            .rows
            .iter()
            .map(|r| {
                r.iter()
                    .map(|v| text(v).replace(['\n', '\t'], " "))
                    .collect()
            })
            .collect();
        let mut widths: Vec<usize> = self.columns.iter().map(|c| c.chars().count()).collect();
        for row in &cells {
            for (w, c) in widths.iter_mut().zip(row) {
                *w = (*w).max(c.chars().count().min(80));
            }
        }
        let line = |out: &mut dyn Write, row: &[String], numeric: &[bool]| {
            let mut s = String::new();
            for (i, (cell, w)) in row.iter().zip(&widths).enumerate() {
                let cell: String = cell.chars().take(80).collect();
                if i > 0 {
                    s.push_str("  ");
                }
                if numeric[i] {
                    s.push_str(&format!("{cell:>w$}"));
                } else if i + 1 < row.len() {
                    s.push_str(&format!("{cell:<w$}"));
                } else {
                    s.push_str(&cell);
                }
            }
            writeln!(out, "{}", s.trim_end())
        };
        let numeric: Vec<bool> = (0..self.columns.len())
            .map(|i| {
                !self.rows.is_empty()
                    && self.rows.iter().all(|r| r[i].is_number() || r[i].is_null())
            })
            .collect();
        let header: Vec<String> = self.columns.iter().map(|c| c.to_string()).collect();
        line(out, &header, &numeric)?;
        for row in &cells {
            line(out, row, &numeric)?;
        }
        Ok(())
    }

    /// One JSON object per row, keys in column order.
    pub fn write_jsonl(&self, out: &mut dyn Write) -> std::io::Result<()> {
        for row in &self.rows {
            let mut line = String::from("{");
            for (i, (col, v)) in self.columns.iter().zip(row).enumerate() {
                if i > 0 {
                    line.push(',');
                }
                line.push_str(&Value::String(col.to_string()).to_string());
                line.push(':');
                line.push_str(&v.to_string());
            }
            line.push_str("}\n");
            out.write_all(line.as_bytes())?;
        }
        Ok(())
    }

    pub fn write_csv(&self, out: &mut dyn Write) -> std::io::Result<()> {
        out.write_all(csv_line(self.columns.iter().map(|c| c.to_string())).as_bytes())?;
        for row in &self.rows {
            out.write_all(csv_line(row.iter().map(text)).as_bytes())?;
        }
        Ok(())
    }
}

/// An actor as a query names it: a country (`RUS`, any actor of it), a
/// code (`RUSGOV`, exactly), or a code prefix (`RUSGOV*`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActorFilter {
    Country(String),
    Code(String),
    Prefix(String),
}

impl ActorFilter {
    pub fn parse(s: &str) -> Result<ActorFilter, StoreError> {
        let s = s.trim();
        let bad = || {
            StoreError::Invalid(format!(
                "{s:?} is not an actor code; give a country (USA), a code (USAGOV) or a prefix (USAGOV*)"
            ))
        };
        if let Some(prefix) = s.strip_suffix('*') {
            if prefix.is_empty()
                || !prefix
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
            {
                return Err(bad());
            }
            return Ok(ActorFilter::Prefix(prefix.to_ascii_uppercase()));
        }
        if s.is_empty() || !s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
            return Err(bad());
        }
        let upper = s.to_ascii_uppercase();
        if upper.len() == 3 && country_of(&upper).is_some() {
            Ok(ActorFilter::Country(upper))
        } else {
            Ok(ActorFilter::Code(upper))
        }
    }

    /// The SQL condition on the `side` (`source` or `target`) of `events e`,
    /// with its parameters.
    fn condition(&self, side: &str) -> (String, Vec<SqlValue>) {
        match self {
            ActorFilter::Country(c) => (format!("e.{side}_country = ?"), vec![c.clone().into()]),
            ActorFilter::Code(c) => (format!("e.{side}_code = ?"), vec![c.clone().into()]),
            ActorFilter::Prefix(p) => (
                format!("e.{side}_code >= ? AND e.{side}_code < ?"),
                vec![p.clone().into(), prefix_end(p).into()],
            ),
        }
    }
}

/// The smallest string greater than every string that starts with `prefix`.
fn prefix_end(prefix: &str) -> String {
    let mut bytes = prefix.as_bytes().to_vec();
    while let Some(last) = bytes.pop() {
        if last < 0x7f {
            bytes.push(last + 1);
            return String::from_utf8(bytes).unwrap_or_default();
        }
    }
    "\u{7f}".to_string()
}

/// Time buckets of a dyad over time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bucket {
    Day,
    /// ISO weeks, named by their Monday.
    Week,
    Month,
    Year,
}

impl Bucket {
    fn key(self, date: Date) -> String {
        match self {
            Bucket::Day => date.to_string(),
            Bucket::Week => date
                .add_days(-i64::from(date.weekday().index()))
                .to_string(),
            Bucket::Month => format!("{:04}-{:02}", date.year(), date.month()),
            Bucket::Year => format!("{:04}", date.year()),
        }
    }
}

/// Which way a dyad is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// A acting on B.
    Forward,
    /// B acting on A.
    Backward,
    /// Both ways, counted together.
    Both,
}

#[derive(Default)]
struct Agg {
    events: i64,
    quad: [i64; 4],
    goldstein: f64,
}

impl Store {
    /// Events between `a` and `b` per time bucket: counts per QuadClass, the
    /// Goldstein sum and mean. Two countries are read from `dyad_days`
    /// (counts per day kept by triggers); codes and prefixes from the
    /// covering index `events_codes`.
    pub fn dyad(
        &self,
        a: &ActorFilter,
        b: &ActorFilter,
        period: Period,
        bucket: Bucket,
        direction: Direction,
    ) -> Result<Table, StoreError> {
        let pairs: Vec<(&ActorFilter, &ActorFilter)> = match direction {
            Direction::Forward => vec![(a, b)],
            Direction::Backward => vec![(b, a)],
            Direction::Both if a == b => vec![(a, b)],
            Direction::Both => vec![(a, b), (b, a)],
        };
        let mut buckets: BTreeMap<String, Agg> = BTreeMap::new();
        for (source, target) in pairs {
            let (sc, mut params) = source.condition("source");
            let (tc, tp) = target.condition("target");
            params.extend(tp);
            let sql = match (source, target) {
                // Two countries: the per-day counts the triggers keep.
                (ActorFilter::Country(_), ActorFilter::Country(_)) => format!(
                    "SELECT e.date, e.quad_class, e.events, e.goldstein FROM dyad_days e \
                     WHERE {sc} AND {tc} AND {}",
                    period.condition("e.date")
                ),
                // Codes and prefixes: counted per day and QuadClass inside
                // SQLite, along the covering index (no sort, one row per
                // day and class instead of one per event).
                _ => format!(
                    "SELECT e.date, e.quad_class, count(*), total(e.goldstein) FROM events e \
                     WHERE {sc} AND {tc} AND {} AND e.date IS NOT NULL \
                     GROUP BY e.date, e.quad_class",
                    period.condition("e.date")
                ),
            };
            let mut st = self.connection().prepare(&sql).map_err(|e| self.err(e))?;
            let mut rows = st
                .query(rusqlite::params_from_iter(params))
                .map_err(|e| self.err(e))?;
            let mut last: Option<(i64, String)> = None;
            while let Some(r) = rows.next().map_err(|e| self.err(e))? {
                let date: i64 = r.get(0).map_err(|e| self.err(e))?;
                let quad: i64 = r.get(1).map_err(|e| self.err(e))?;
                let count: i64 = r.get(2).map_err(|e| self.err(e))?;
                let goldstein: f64 = r.get(3).map_err(|e| self.err(e))?;
                let key = match &last {
                    Some((d, k)) if *d == date => k.clone(),
                    _ => {
                        let k = num_date(date).map_or_else(String::new, |d| bucket.key(d));
                        last = Some((date, k.clone()));
                        k
                    }
                };
                let agg = buckets.entry(key).or_default();
                agg.events += count;
                if (1..=4).contains(&quad) {
                    agg.quad[(quad - 1) as usize] += count;
                }
                agg.goldstein += goldstein;
            }
        }
        let rows = buckets
            .into_iter()
            .map(|(period, agg)| {
                let mut row = vec![Value::from(period), Value::from(agg.events)];
                row.extend(agg.quad.iter().map(|&n| Value::from(n)));
                row.push(Value::from(round2(agg.goldstein)));
                row.push(Value::from(round2(agg.goldstein / agg.events as f64)));
                row
            })
            .collect();
        Ok(Table {
            columns: vec![
                "period",
                "events",
                "verbal_coop",
                "material_coop",
                "verbal_conflict",
                "material_conflict",
                "goldstein_sum",
                "goldstein_mean",
            ],
            rows,
        })
    }

    /// Events matching the filters, oldest first, each with its evidence
    /// (document, URL, sentence).
    pub fn events(&self, filter: &EventFilter, period: Period) -> Result<Table, StoreError> {
        let mut conditions = vec![period.condition("e.date")];
        let mut params: Vec<SqlValue> = Vec::new();
        for (actor, side) in [(&filter.source, "source"), (&filter.target, "target")] {
            if let Some(actor) = actor {
                let (c, p) = actor.condition(side);
                conditions.push(c);
                params.extend(p);
            }
        }
        if let Some(code) = &filter.code {
            let prefix = code.trim_end_matches('*');
            if prefix.is_empty() || !prefix.bytes().all(|b| b.is_ascii_digit()) {
                return Err(StoreError::Invalid(format!(
                    "--code {code:?}: give a CAMEO code or prefix of digits, e.g. 11 or 11*"
                )));
            }
            if code.ends_with('*') || prefix.len() < 3 {
                conditions.push("e.code >= ? AND e.code < ?".to_string());
                params.push(prefix.to_string().into());
                params.push(prefix_end(prefix).into());
            } else {
                conditions.push("e.code = ?".to_string());
                params.push(prefix.to_string().into());
            }
        }
        if let Some(country) = &filter.country {
            let c = country.to_ascii_uppercase();
            conditions.push(
                "(e.location_country = ? OR e.source_country = ? OR e.target_country = ?)"
                    .to_string(),
            );
            params.extend([c.clone().into(), c.clone().into(), c.into()]);
        }
        if let Some(place) = &filter.place {
            conditions.push("e.location_name = ? COLLATE NOCASE".to_string());
            params.push(place.clone().into());
        }
        params.push(filter.limit.into());
        let sql = format!(
            "SELECT {} {EVENT_FROM} WHERE {} ORDER BY e.date, e.event LIMIT ?",
            EventRow::columns(),
            conditions.join(" AND ")
        );
        let mut st = self.connection().prepare(&sql).map_err(|e| self.err(e))?;
        let rows = st
            .query_map(rusqlite::params_from_iter(params), EventRow::from_row)
            .map_err(|e| self.err(e))?;
        let mut table = Table {
            columns: vec![
                "event", "date", "source", "code", "target", "mentions", "sources", "articles",
                "place", "doc", "url", "sentence",
            ],
            rows: Vec::new(),
        };
        for row in rows {
            let r = row.map_err(|e| self.err(e))?;
            table.rows.push(vec![
                Value::from(r.event),
                r.date.map_or(Value::Null, |d| Value::from(d.to_string())),
                Value::from(r.source.code),
                Value::from(r.code),
                Value::from(r.target.code),
                Value::from(r.mentions),
                Value::from(r.sources),
                Value::from(r.articles),
                r.location_name.map_or(Value::Null, Value::from),
                Value::from(r.doc),
                r.url.map_or(Value::Null, Value::from),
                Value::from(r.sentence_text),
            ]);
        }
        Ok(table)
    }

    /// The actors (as source or target) or the dyads with the most events.
    pub fn top(&self, what: Top, period: Period, limit: i64) -> Result<Table, StoreError> {
        let cond = period.condition("date");
        let sql = match what {
            Top::Actors => format!(
                "SELECT code, sum(n) AS total, sum(s), sum(t) FROM (
                   SELECT source_code AS code, count(*) AS n, count(*) AS s, 0 AS t FROM events WHERE {cond} GROUP BY source_code
                   UNION ALL
                   SELECT target_code, count(*), 0, count(*) FROM events WHERE {cond} GROUP BY target_code)
                 GROUP BY code ORDER BY total DESC, code LIMIT ?1"
            ),
            Top::Dyads => format!(
                "SELECT source_code, target_code, count(*) AS n FROM events WHERE {cond}
                 GROUP BY source_code, target_code ORDER BY n DESC, source_code, target_code LIMIT ?1"
            ),
        };
        let mut st = self.connection().prepare(&sql).map_err(|e| self.err(e))?;
        let mut rows = st.query([limit]).map_err(|e| self.err(e))?;
        let mut table = Table {
            columns: match what {
                Top::Actors => vec!["actor", "events", "as_source", "as_target"],
                Top::Dyads => vec!["source", "target", "events"],
            },
            rows: Vec::new(),
        };
        while let Some(r) = rows.next().map_err(|e| self.err(e))? {
            let row = match what {
                Top::Actors => vec![
                    Value::from(r.get::<_, String>(0).map_err(|e| self.err(e))?),
                    Value::from(r.get::<_, i64>(1).map_err(|e| self.err(e))?),
                    Value::from(r.get::<_, i64>(2).map_err(|e| self.err(e))?),
                    Value::from(r.get::<_, i64>(3).map_err(|e| self.err(e))?),
                ],
                Top::Dyads => vec![
                    Value::from(r.get::<_, String>(0).map_err(|e| self.err(e))?),
                    Value::from(r.get::<_, String>(1).map_err(|e| self.err(e))?),
                    Value::from(r.get::<_, i64>(2).map_err(|e| self.err(e))?),
                ],
            };
            table.rows.push(row);
        }
        Ok(table)
    }
}

/// What `top` ranks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Top {
    Actors,
    Dyads,
}

/// The filters of an events query.
#[derive(Debug, Clone, PartialEq)]
pub struct EventFilter {
    pub source: Option<ActorFilter>,
    pub target: Option<ActorFilter>,
    /// A CAMEO code or prefix (`11*`; a one- or two-digit code is a prefix).
    pub code: Option<String>,
    /// A country the event happened in or one of its actors belongs to.
    pub country: Option<String>,
    /// The name of the place it happened.
    pub place: Option<String>,
    pub limit: i64,
}

impl Default for EventFilter {
    fn default() -> EventFilter {
        EventFilter {
            source: None,
            target: None,
            code: None,
            country: None,
            place: None,
            limit: 100,
        }
    }
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// A date as the tables keep it (for callers building their own SQL).
pub fn date_key(date: Date) -> i64 {
    date_num(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actors_are_countries_codes_or_prefixes() {
        assert_eq!(
            ActorFilter::parse("usa").unwrap(),
            ActorFilter::Country("USA".into())
        );
        assert_eq!(
            ActorFilter::parse("USAGOV").unwrap(),
            ActorFilter::Code("USAGOV".into())
        );
        assert_eq!(
            ActorFilter::parse("GOV").unwrap(),
            ActorFilter::Code("GOV".into())
        );
        assert_eq!(
            ActorFilter::parse("RUS*").unwrap(),
            ActorFilter::Prefix("RUS".into())
        );
        assert!(ActorFilter::parse("U S").is_err());
        assert_eq!(prefix_end("11"), "12");
    }

    #[test]
    fn weeks_are_named_by_their_monday() {
        let d: Date = "2015-05-14".parse().unwrap();
        assert_eq!(Bucket::Week.key(d), "2015-05-11");
        assert_eq!(Bucket::Month.key(d), "2015-05");
    }
}
