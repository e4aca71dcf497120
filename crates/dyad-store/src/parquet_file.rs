//! The Parquet export: one row per event, the CSV columns with Parquet
//! types (dates as `DATE`, strings as UTF-8), uncompressed, in row groups
//! of [`ROW_GROUP`] events. Written with the `parquet` crate's column
//! writers (no Arrow), which pandas, polars, R arrow and DuckDB read.

use std::io::Write;
use std::sync::Arc;

use parquet::data_type::{ByteArray, ByteArrayType, DoubleType, Int32Type, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;

use crate::export::{EventRow, Period};
use crate::{Store, StoreError};

/// Events per row group.
pub const ROW_GROUP: usize = 65_536;

/// The schema, in Parquet's message syntax (documented in `docs/store.md`).
pub const SCHEMA: &str = "
message event {
  required int64 event;
  optional int32 date (DATE);
  required binary code (STRING);
  required binary root (STRING);
  required int32 quad_class;
  required double goldstein;
  optional binary plover (STRING);
  required binary source_code (STRING);
  optional binary source_country (STRING);
  required binary source_name (STRING);
  required binary target_code (STRING);
  optional binary target_country (STRING);
  required binary target_name (STRING);
  optional binary location_name (STRING);
  optional binary location_country (STRING);
  optional double lat;
  optional double lon;
  optional double confidence;
  required int64 mentions;
  required int64 sources;
  required int64 articles;
  required int64 stories;
  required double avg_tone;
  required binary doc (STRING);
  optional binary url (STRING);
  required int32 sentence;
  required binary sentence_text (STRING);
}
";

fn perr(err: parquet::errors::ParquetError) -> StoreError {
    StoreError::Invalid(format!("writing Parquet: {err}"))
}

/// One column's values for a row group.
enum Column {
    I64(Vec<i64>),
    I32(Vec<Option<i32>>),
    F64(Vec<Option<f64>>),
    Str(Vec<Option<String>>),
}

fn columns(rows: &[EventRow]) -> Vec<Column> {
    let s = |f: &dyn Fn(&EventRow) -> Option<String>| Column::Str(rows.iter().map(f).collect());
    let n = |f: &dyn Fn(&EventRow) -> i64| Column::I64(rows.iter().map(f).collect());
    let d = |f: &dyn Fn(&EventRow) -> Option<f64>| Column::F64(rows.iter().map(f).collect());
    vec![
        n(&|r| r.event),
        Column::I32(
            rows.iter()
                .map(|r| r.date.map(|d| d.to_days() as i32))
                .collect(),
        ),
        s(&|r| Some(r.code.clone())),
        s(&|r| Some(r.root.clone())),
        Column::I32(rows.iter().map(|r| Some(r.quad_class as i32)).collect()),
        d(&|r| Some(r.goldstein)),
        s(&|r| r.plover.clone()),
        s(&|r| Some(r.source.code.clone())),
        s(&|r| r.source.country.clone()),
        s(&|r| Some(r.source.text.clone())),
        s(&|r| Some(r.target.code.clone())),
        s(&|r| r.target.country.clone()),
        s(&|r| Some(r.target.text.clone())),
        s(&|r| r.location_name.clone()),
        s(&|r| r.location_country.clone()),
        d(&|r| r.lat),
        d(&|r| r.lon),
        d(&|r| r.confidence),
        n(&|r| r.mentions),
        n(&|r| r.sources),
        n(&|r| r.articles),
        n(&|r| r.stories),
        d(&|r| Some(r.avg_tone)),
        s(&|r| Some(r.doc.clone())),
        s(&|r| r.url.clone()),
        Column::I32(rows.iter().map(|r| Some(r.sentence as i32)).collect()),
        s(&|r| Some(r.sentence_text.clone())),
    ]
}

/// Values and definition levels of an optional column (levels are ignored
/// by the writer for a required one).
fn split<T: Clone>(values: &[Option<T>]) -> (Vec<T>, Vec<i16>) {
    let present = values.iter().flatten().cloned().collect();
    let levels = values.iter().map(|v| i16::from(v.is_some())).collect();
    (present, levels)
}

fn write_group<W: Write + Send>(
    writer: &mut SerializedFileWriter<W>,
    rows: &[EventRow],
) -> Result<(), StoreError> {
    let mut group = writer.next_row_group().map_err(perr)?;
    let mut data = columns(rows).into_iter();
    let mut optional = optional_columns().into_iter();
    while let Some(mut column) = group.next_column().map_err(perr)? {
        let optional = optional.next().unwrap_or(true);
        let levels = |l: Vec<i16>| if optional { Some(l) } else { None };
        match data.next() {
            Some(Column::I64(values)) => {
                column
                    .typed::<Int64Type>()
                    .write_batch(&values, None, None)
                    .map_err(perr)?;
            }
            Some(Column::I32(values)) => {
                let (present, l) = split(&values);
                column
                    .typed::<Int32Type>()
                    .write_batch(&present, levels(l).as_deref(), None)
                    .map_err(perr)?;
            }
            Some(Column::F64(values)) => {
                let (present, l) = split(&values);
                column
                    .typed::<DoubleType>()
                    .write_batch(&present, levels(l).as_deref(), None)
                    .map_err(perr)?;
            }
            Some(Column::Str(values)) => {
                let (present, l) = split(&values);
                let bytes: Vec<ByteArray> = present
                    .into_iter()
                    .map(|s| ByteArray::from(s.into_bytes()))
                    .collect();
                column
                    .typed::<ByteArrayType>()
                    .write_batch(&bytes, levels(l).as_deref(), None)
                    .map_err(perr)?;
            }
            None => {
                return Err(StoreError::Invalid(
                    "Parquet schema and columns differ".into(),
                ))
            }
        }
        column.close().map_err(perr)?;
    }
    group.close().map_err(perr)?;
    Ok(())
}

/// Whether each column of [`SCHEMA`] is optional, in order.
fn optional_columns() -> Vec<bool> {
    SCHEMA
        .lines()
        .map(str::trim_start)
        .filter(|l| l.starts_with("required") || l.starts_with("optional"))
        .map(|l| l.starts_with("optional"))
        .collect()
}

/// Writes the events of `period` as one Parquet file; returns the rows written.
pub fn write<W: Write + Send>(store: &Store, period: Period, out: W) -> Result<u64, StoreError> {
    let schema = Arc::new(parse_message_type(SCHEMA).map_err(perr)?);
    let props = Arc::new(WriterProperties::builder().build());
    let mut writer = SerializedFileWriter::new(out, schema, props).map_err(perr)?;
    let mut rows = Vec::with_capacity(1024);
    let mut failed = None;
    let n = store.for_each_event(period, |row| {
        rows.push(row);
        if rows.len() == ROW_GROUP {
            if let Err(err) = write_group(&mut writer, &rows) {
                failed = Some(err.to_string());
                return Err(err);
            }
            rows.clear();
        }
        Ok(())
    })?;
    if failed.is_none() && !rows.is_empty() {
        write_group(&mut writer, &rows)?;
    }
    writer.close().map_err(perr)?;
    Ok(n)
}
