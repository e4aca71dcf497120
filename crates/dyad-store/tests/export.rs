//! Exports and queries on a small database made with the fake coder:
//! GDELT rows checked against the shapes of real GDELT rows, Parquet read
//! back, the queries' answers.

mod common;

use std::path::{Path, PathBuf};

use common::{doc, run, temp_db};
use dyad_store::export::{gdelt_row, Format, Period};
use dyad_store::query::{ActorFilter, Bucket, Direction, EventFilter, Top};
use dyad_store::Store;
use serde_json::Value;

fn database() -> PathBuf {
    let db = temp_db("export");
    let story = "Officials met in the capital on Tuesday and talked for hours about the border, \
        the refugees and the trade that has stopped since the spring; both sides said they \
        hoped for a deal and promised to meet again.";
    run(
        &db,
        vec![
            doc("a", &format!("{story}\nEVENTS:\nUSAGOV 040 RUSGOV 2015-05-12 Sochi 43.6 39.73\nRUSGOV 040 USAGOV 2015-05-12"), "2015-05-12", Some("https://a.example/1")),
            doc("b", "Tanks shelled the town.\nEVENTS:\nRUSMIL 190 UKRMIL 2015-05-20\nUSA 112 RUS 2015-05-21", "2015-05-21", Some("https://b.example/2")),
            doc("c", "A statement.\nEVENTS:\nUSAGOV 010 RUSGOV 2015-06-02", "2015-06-02", None),
        ],
    )
    .unwrap();
    db
}

fn export(db: &Path, format: Format, period: Period) -> Vec<u8> {
    let mut out = Vec::new();
    Store::open_read(db)
        .unwrap()
        .export(format, period, &mut out)
        .unwrap();
    out
}

/// The shape of a GDELT field: what kind of characters it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Shape {
    Empty,
    Integer,
    Decimal,
    Word,
}

fn shape(field: &str) -> Shape {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let unsigned = field.strip_prefix('-').unwrap_or(field);
    if field.is_empty() {
        Shape::Empty
    } else if digits(unsigned) {
        Shape::Integer
    } else if unsigned
        .split_once('.')
        .is_some_and(|(a, b)| digits(a) && digits(b))
    {
        Shape::Decimal
    } else {
        Shape::Word
    }
}

/// GDELT's own format rules for the columns whose form is fixed.
fn check_fixed(row: &[String]) {
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    assert!(digits(&row[1], 8), "SQLDATE {}", row[1]);
    assert!(digits(&row[2], 6), "MonthYear {}", row[2]);
    assert!(digits(&row[3], 4), "Year {}", row[3]);
    assert!(
        row[4].len() == 9 && row[4].as_bytes()[4] == b'.',
        "FractionDate {}",
        row[4]
    );
    assert!(
        row[26].len() >= 2 && digits(&row[26], row[26].len()),
        "EventCode {}",
        row[26]
    );
    assert!(row[26].starts_with(&row[27]) && row[27].starts_with(&row[28]));
    assert!(digits(&row[28], 2), "EventRootCode {}", row[28]);
    assert!(["1", "2", "3", "4"].contains(&row[29].as_str()));
    assert_eq!(shape(&row[30]), Shape::Decimal, "Goldstein {}", row[30]);
    for count in &row[31..34] {
        assert_eq!(shape(count), Shape::Integer);
    }
    assert!(["0", "1"].contains(&row[25].as_str()));
    assert!(digits(&row[59], 14), "DATEADDED {}", row[59]);
    assert!(!row[60].is_empty());
    for i in [7usize, 17, 53] {
        assert!(
            row[i].is_empty() || row[i].len() == if i == 53 { 2 } else { 3 },
            "{i}: {}",
            row[i]
        );
    }
}

#[test]
fn gdelt_rows_have_61_fields_shaped_as_real_gdelt_rows() {
    let db = database();
    let text = String::from_utf8(export(&db, Format::Gdelt, Period::default())).unwrap();
    let rows: Vec<Vec<String>> = text
        .lines()
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect();
    assert_eq!(rows.len(), 5);
    for row in &rows {
        assert_eq!(row.len(), 61, "{row:?}");
        check_fixed(row);
    }
    // The first event: USA→RUS consult, placed in Sochi (the consult the
    // other way is another event).
    assert_eq!(&rows[0][5..8], ["USAGOV", "THE USAGOV SIDE", "USA"]);
    assert_eq!(rows[0][12], "GOV");
    assert_eq!(
        (&rows[0][26][..], &rows[0][29][..], &rows[0][30][..]),
        ("040", "1", "1.0")
    );
    assert_eq!(
        &rows[0][51..59],
        ["4", "Sochi", "AF", "AF", "", "43.6", "39.73", "1"]
    );
    assert_eq!(rows[0][60], "https://a.example/1");
    assert_eq!(rows[4][60], "c", "no URL: the document id");

    // Against the real rows, when ../shared is there: every field of ours
    // has a shape that the same column has somewhere in the sample.
    let sample = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/cameo/gdelt2_events_sample.tsv");
    let Ok(sample) = std::fs::read_to_string(sample) else {
        eprintln!("GDELT sample not found: shapes checked against the fixed rules only");
        return;
    };
    let mut shapes = vec![std::collections::HashSet::new(); 61];
    for line in sample.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        assert_eq!(fields.len(), 61);
        for (i, f) in fields.iter().enumerate() {
            shapes[i].insert(shape(f));
        }
    }
    for row in &rows {
        for (i, f) in row.iter().enumerate() {
            assert!(
                shapes[i].contains(&shape(f)),
                "column {}: {f:?} is {:?}, sample has {:?}",
                i + 1,
                shape(f),
                shapes[i]
            );
        }
    }
}

#[test]
fn a_place_without_coordinates_is_named_but_not_located() {
    let db = temp_db("unlocated");
    run(
        &db,
        vec![doc(
            "v",
            "Rebels shelled a village.\nEVENTS:\nSYRREB 195 SYRMIL 2016-03-02 Qarvesh - -",
            "2016-03-02",
            None,
        )],
    )
    .unwrap();
    let all = Period::new(None, None).unwrap();
    let text = String::from_utf8(export(&db, Format::Jsonl, all)).unwrap();
    let e: Value = serde_json::from_str(text.lines().next().expect("one event")).unwrap();
    assert_eq!(e["location"]["name"], "Qarvesh");
    assert!(
        e["location"]["lat"].is_null() && e["location"]["lon"].is_null(),
        "{e}"
    );
    // GDELT: no geo type and no coordinates, the row still well formed
    let gdelt = String::from_utf8(export(&db, Format::Gdelt, all)).unwrap();
    let row: Vec<String> = gdelt
        .lines()
        .next()
        .expect("one row")
        .split('\t')
        .map(str::to_string)
        .collect();
    check_fixed(&row);
    assert_eq!(row[51], "0", "{row:?}");
    assert!(row[56].is_empty() && row[57].is_empty(), "{row:?}");
}

#[test]
fn gdelt_mentions_rows_have_16_fields() {
    let db = database();
    let text = String::from_utf8(export(&db, Format::GdeltMentions, Period::default())).unwrap();
    let rows: Vec<Vec<&str>> = text.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), 5);
    for row in &rows {
        assert_eq!(row.len(), 16);
        assert_eq!(shape(row[0]), Shape::Integer);
        assert_eq!(row[1].len(), 14);
    }
    assert_eq!(
        (rows[0][6], rows[1][6]),
        ("1", "2"),
        "SentenceID is 1-based"
    );
    assert_eq!(
        (rows[0][3], rows[0][4], rows[0][5]),
        ("1", "a.example", "https://a.example/1")
    );
    assert_eq!((rows[4][3], rows[4][5]), ("2", "c"));
}

#[test]
fn jsonl_is_dyad_code_events_with_counts_and_periods_filter() {
    let db = database();
    let from: dyad_types::Date = "2015-05-20".parse().unwrap();
    let to: dyad_types::Date = "2015-05-31".parse().unwrap();
    let text = String::from_utf8(export(
        &db,
        Format::Jsonl,
        Period::new(Some(from), Some(to)).unwrap(),
    ))
    .unwrap();
    let events: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(events.len(), 2);
    let e = &events[0];
    assert_eq!(e["code"], "190");
    assert_eq!(e["source"]["code"], "RUSMIL");
    assert_eq!(e["source"]["agents"], serde_json::json!(["MIL"]));
    assert_eq!(e["date"], "2015-05-20");
    assert_eq!(
        (
            e["mentions"].as_i64(),
            e["sources"].as_i64(),
            e["articles"].as_i64()
        ),
        (Some(1), Some(1), Some(1))
    );
    assert_eq!(e["doc"], "b");
    assert!(Period::new(Some(to), Some(from)).is_err());
}

#[test]
fn plover_csv_and_parquet_carry_the_same_events() {
    let db = database();
    let plover = String::from_utf8(export(&db, Format::Plover, Period::default())).unwrap();
    let records: Vec<Value> = plover
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    // The statement (010) has no PLOVER type.
    assert_eq!(records.len(), 4);
    assert_eq!(records[0]["event_type"], "CONSULT");
    assert_eq!(records[0]["actor"]["country"], "USA");
    assert_eq!(records[0]["location"]["name"], "Sochi");

    let csv = String::from_utf8(export(&db, Format::Csv, Period::default())).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 6);
    assert_eq!(
        lines[0].split(',').count(),
        dyad_store::export::CSV_COLUMNS.len()
    );
}

#[cfg(feature = "parquet")]
#[test]
fn parquet_reads_back_with_the_parquet_crate() {
    let db = database();
    let bytes = export(&db, Format::Parquet, Period::default());
    assert_eq!(&bytes[..4], b"PAR1");
    use parquet::file::reader::{FileReader, SerializedFileReader};
    let reader = SerializedFileReader::new(bytes::Bytes::from(bytes)).unwrap();
    assert_eq!(reader.metadata().file_metadata().num_rows(), 5);
    let rows: Vec<parquet::record::Row> = reader
        .get_row_iter(None)
        .unwrap()
        .map(Result::unwrap)
        .collect();
    use parquet::record::Field;
    let field = |row: &parquet::record::Row, name: &str| -> Field {
        row.get_column_iter()
            .find(|(n, _)| n.as_str() == name)
            .map(|(_, f)| f.clone())
            .unwrap_or_else(|| panic!("no column {name}"))
    };
    let text = |row: &parquet::record::Row, name: &str| match field(row, name) {
        Field::Str(s) => s,
        other => panic!("{name}: {other:?}"),
    };
    assert_eq!(text(&rows[0], "code"), "040");
    assert_eq!(text(&rows[0], "source_code"), "USAGOV");
    assert_eq!(text(&rows[0], "location_name"), "Sochi");
    assert_eq!(text(&rows[0], "url"), "https://a.example/1");
    assert_eq!(field(&rows[0], "mentions"), Field::Long(1));
    assert!(
        matches!(field(&rows[0], "date"), Field::Date(d) if d == 16567),
        "{:?}",
        field(&rows[0], "date")
    );
    assert_eq!(field(&rows[4], "url"), Field::Null);
}

#[test]
fn queries_answer_dyads_events_and_tops() {
    let db = database();
    let store = Store::open_read(&db).unwrap();
    let usa = ActorFilter::parse("USA").unwrap();
    let rus = ActorFilter::parse("RUS").unwrap();
    let both = store
        .dyad(
            &usa,
            &rus,
            Period::default(),
            Bucket::Month,
            Direction::Both,
        )
        .unwrap();
    let cells: Vec<(String, i64, i64, i64)> = both
        .rows
        .iter()
        .map(|r| {
            (
                r[0].as_str().unwrap().to_string(),
                r[1].as_i64().unwrap(),
                r[2].as_i64().unwrap(),
                r[4].as_i64().unwrap(),
            )
        })
        .collect();
    // May: two consults (both ways) and an accusation; June: the statement.
    assert_eq!(
        cells,
        [
            ("2015-05".to_string(), 3, 2, 1),
            ("2015-06".to_string(), 1, 1, 0)
        ]
    );
    let forward = store
        .dyad(
            &usa,
            &rus,
            Period::default(),
            Bucket::Week,
            Direction::Forward,
        )
        .unwrap();
    assert_eq!(forward.rows[0][0], "2015-05-11");
    assert_eq!(
        forward
            .rows
            .iter()
            .map(|r| r[1].as_i64().unwrap())
            .sum::<i64>(),
        3
    );
    let backward = store
        .dyad(
            &usa,
            &rus,
            Period::default(),
            Bucket::Day,
            Direction::Backward,
        )
        .unwrap();
    assert_eq!(backward.rows.len(), 1);
    assert_eq!(backward.rows[0][7], 1.0, "Goldstein mean of one consult");

    let filter = EventFilter {
        code: Some("1*".into()),
        ..EventFilter::default()
    };
    let events = store.events(&filter, Period::default()).unwrap();
    let codes: Vec<&str> = events.rows.iter().map(|r| r[3].as_str().unwrap()).collect();
    assert_eq!(codes, ["190", "112"]);
    assert_eq!(events.rows[0][9], "b", "evidence: the document");
    let filter = EventFilter {
        source: Some(ActorFilter::parse("RUS*").unwrap()),
        ..EventFilter::default()
    };
    assert_eq!(
        store.events(&filter, Period::default()).unwrap().rows.len(),
        2
    );
    let filter = EventFilter {
        place: Some("sochi".into()),
        ..EventFilter::default()
    };
    assert_eq!(
        store.events(&filter, Period::default()).unwrap().rows.len(),
        1
    );

    let top = store.top(Top::Actors, Period::default(), 2).unwrap();
    assert_eq!(top.rows[0][0], "RUSGOV");
    assert_eq!(top.rows[0][1], 3);
    let dyads = store.top(Top::Dyads, Period::default(), 10).unwrap();
    assert_eq!(dyads.rows.len(), 4);

    let mut out = Vec::new();
    both.write_jsonl(&mut out).unwrap();
    let first: Value =
        serde_json::from_str(String::from_utf8(out).unwrap().lines().next().unwrap()).unwrap();
    assert_eq!(first["period"], "2015-05");
    let mut out = Vec::new();
    both.write_table(&mut out).unwrap();
    assert!(String::from_utf8(out).unwrap().starts_with("period "));
    let _ = gdelt_row;
}
