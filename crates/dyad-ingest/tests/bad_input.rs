//! Bad input, one fixture each (`tests/fixtures/bad/`, written by `make.py`
//! there): damaged WARC archives keep their good records, JSON-lines field
//! errors cost the field and not the document, standard input is told by
//! its first bytes, and a page over its time budget is an error.

use std::path::{Path, PathBuf};
use std::time::Duration;

use dyad_ingest::{read_inputs, read_items, Documents, Input, Item, ReadOptions, Summary};
use dyad_types::{DocError, Document};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/bad")
        .join(name)
}

fn bytes(name: &str) -> Vec<u8> {
    std::fs::read(fixture(name)).unwrap()
}

/// Every item of a stream, typed, and the summary.
fn items_of(docs: Documents) -> (Vec<Item>, Summary) {
    let mut items = docs.items();
    let all: Vec<Item> = items.by_ref().collect();
    let summary = items.summary();
    // The summary counts what the stream gave.
    let count = |f: fn(&Item) -> bool| all.iter().filter(|i| f(i)).count();
    assert_eq!(summary.read, count(|i| matches!(i, Item::Document(_))));
    assert_eq!(summary.failed, count(|i| matches!(i, Item::Error(_))));
    assert_eq!(summary.warnings, count(|i| matches!(i, Item::Warning(_))));
    (all, summary)
}

fn read_file(name: &str) -> (Vec<Item>, Summary) {
    items_of(read_inputs(vec![Input::Path(fixture(name))], ReadOptions::default()).unwrap())
}

fn read_stdin(data: Vec<u8>) -> (Vec<Item>, Summary) {
    items_of(
        read_inputs(vec![Input::Stdin], ReadOptions::default())
            .unwrap()
            .with_stdin(std::io::Cursor::new(data)),
    )
}

fn documents(items: &[Item]) -> Vec<&Document> {
    items
        .iter()
        .filter_map(|i| match i {
            Item::Document(d) => Some(d),
            _ => None,
        })
        .collect()
}

fn errors(items: &[Item]) -> Vec<&DocError> {
    items
        .iter()
        .filter_map(|i| match i {
            Item::Error(e) => Some(e),
            _ => None,
        })
        .collect()
}

fn warnings(items: &[Item]) -> Vec<&DocError> {
    items
        .iter()
        .filter_map(|i| match i {
            Item::Warning(w) => Some(w),
            _ => None,
        })
        .collect()
}

fn ids(items: &[Item]) -> Vec<String> {
    documents(items).iter().map(|d| d.id.clone()).collect()
}

fn record_ids(numbers: &[usize]) -> Vec<String> {
    numbers
        .iter()
        .map(|n| format!("urn:uuid:rec-{n}"))
        .collect()
}

#[test]
fn an_intact_archive_gives_five_documents() {
    for name in ["five.warc", "five.warc.gz"] {
        let (items, _) = read_file(name);
        assert_eq!(ids(&items), record_ids(&[1, 2, 3, 4, 5]), "{name}");
        assert!(errors(&items).is_empty(), "{name}: {items:?}");
    }
}

/// One damaged record of five: four documents and one error naming it.
fn four_and_one(name: &str, error_has: &[&str]) {
    let (items, summary) = read_file(name);
    assert_eq!(ids(&items), record_ids(&[1, 2, 4, 5]), "{name}: {items:?}");
    let errs = errors(&items);
    assert_eq!(errs.len(), 1, "{name}: {errs:?}");
    for part in error_has {
        assert!(errs[0].error.contains(part), "{name}: {}", errs[0].error);
    }
    assert_eq!((summary.read, summary.failed), (4, 1), "{name}");
    // The error comes where the record was, between records 2 and 4.
    let at = items.iter().position(|i| matches!(i, Item::Error(_)));
    assert_eq!(at, Some(2), "{name}: {items:?}");
}

#[test]
fn a_content_length_too_long_costs_only_its_record() {
    four_and_one(
        "long-length.warc",
        &[
            "record at byte",
            "https://news.example/3",
            "Content-Length",
            "does not match",
            "resumed",
        ],
    );
    let (items, _) = read_file("long-length.warc");
    assert_eq!(errors(&items)[0].doc, "urn:uuid:rec-3");
}

#[test]
fn a_content_length_too_short_is_reported_not_cut_silently() {
    four_and_one("short-length.warc", &["Content-Length", "does not match"]);
    // No document holds the cut page (record 3's).
    let (items, _) = read_file("short-length.warc");
    assert!(documents(&items)
        .iter()
        .all(|d| !d.text.contains("naval patrols")));
}

#[test]
fn a_content_length_past_the_end_of_the_archive() {
    four_and_one("huge-length.warc", &["runs past the end"]);
}

#[test]
fn a_record_without_a_content_length() {
    four_and_one("no-length.warc", &["no valid Content-Length"]);
}

#[test]
fn a_damaged_version_line_is_garbage_and_the_next_record_is_read() {
    four_and_one("damaged-header.warc", &["not a WARC record", "next record"]);
}

#[test]
fn garbage_between_records_keeps_every_record() {
    let (items, _) = read_file("garbage-between.warc");
    assert_eq!(ids(&items), record_ids(&[1, 2, 3, 4, 5]));
    let errs = errors(&items);
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert!(
        errs[0].error.contains("not a WARC record"),
        "{}",
        errs[0].error
    );
    assert!(errs[0].error.contains("bytes"), "{}", errs[0].error);
}

#[test]
fn garbage_glued_to_a_version_line_keeps_every_record() {
    let (items, _) = read_file("glued-garbage.warc");
    assert_eq!(ids(&items), record_ids(&[1, 2, 3, 4, 5]));
    let errs = errors(&items);
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert!(errs[0].error.contains("(26 bytes)"), "{}", errs[0].error);
}

#[test]
fn bytes_after_the_last_gzip_member_are_a_warning() {
    let (items, _) = read_file("trailing-garbage.txt.gz");
    let docs = documents(&items);
    assert_eq!(docs.len(), 1, "{items:?}");
    assert_eq!(docs[0].text, "Ghana and Togo opened the border on Friday.");
    let warned = warnings(&items);
    assert_eq!(warned.len(), 1);
    assert!(
        warned[0].error.contains("not gzip data"),
        "{}",
        warned[0].error
    );
}

#[test]
fn a_corrupt_gzip_member_costs_only_its_record() {
    four_and_one(
        "corrupt-member.warc.gz",
        &["corrupt gzip member", "next member"],
    );
}

#[test]
fn garbage_between_gzip_members_keeps_every_record() {
    let (items, _) = read_file("garbage-members.warc.gz");
    assert_eq!(ids(&items), record_ids(&[1, 2, 3, 4, 5]));
    let errs = errors(&items);
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert!(errs[0].error.contains("not gzip data"), "{}", errs[0].error);
}

#[test]
fn a_truncated_gzip_archive_keeps_its_whole_records() {
    let (items, _) = read_file("truncated.warc.gz");
    assert_eq!(ids(&items), record_ids(&[1, 2, 3]));
    assert_eq!(errors(&items).len(), 1, "{items:?}");
}

#[test]
fn json_fields_of_the_wrong_type_cost_the_field_not_the_document() {
    let (items, summary) = read_file("fields.jsonl");
    let docs = documents(&items);
    let got: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(
        got,
        [
            "title-number",
            "url-object",
            "date-number",
            "lone-surrogate",
            "12345678901234567890123456789",
            "text-number-html",
            "fields:9",
            "fine",
        ]
    );
    assert_eq!(docs[0].title, None);
    assert_eq!(docs[1].url, None);
    assert_eq!(docs[2].date, None);
    assert_eq!(docs[3].text, "Peru thanked Bolivia \u{fffd} on Monday.");
    assert!(docs[5].text.contains("Envoys from Ethiopia"));
    assert_eq!(docs[7].title.as_deref(), Some("Thanks"));
    let warned: Vec<(&str, &str)> = warnings(&items)
        .iter()
        .map(|w| (w.doc.as_str(), w.error.as_str()))
        .collect();
    let expect = [
        (
            "title-number",
            "\"title\" should be a string but is a number",
        ),
        ("url-object", "\"url\" should be a string but is an object"),
        ("date-number", "date 20150512 is not YYYY-MM-DD"),
        ("lone-surrogate", "lone surrogate escape"),
        (
            "text-number-html",
            "\"text\" should be a string but is a number",
        ),
        (
            "fields:9",
            "\"id\" should be a string or a number but is an object",
        ),
    ];
    assert_eq!(warned.len(), expect.len(), "{warned:?}");
    for ((doc, message), (want_doc, want)) in warned.iter().zip(expect) {
        assert_eq!(*doc, want_doc);
        assert!(message.contains(want), "{message}");
        assert!(message.contains("fields.jsonl line"), "{message}");
    }
    let errs = errors(&items);
    let messages: Vec<&str> = errs.iter().map(|e| e.error.as_str()).collect();
    assert_eq!(errs.len(), 3, "{messages:?}");
    assert!(messages[0].ends_with(
        "line 6: the line is an array, not a JSON object such as {\"id\": \"…\", \"text\": \"…\"}"
    ));
    assert_eq!(errs[1].doc, "text-number");
    assert!(messages[1].contains("\"text\" should be a string but is a number"));
    assert!(messages[2].contains("the field \"text\" is given twice"));
    for message in messages {
        assert!(!message.contains("struct"), "{message}");
    }
    assert_eq!((summary.read, summary.failed), (8, 3));
}

#[test]
fn utf16_and_bom_json_lines_are_decoded() {
    for name in ["utf16le.jsonl", "utf16be.jsonl", "utf8-bom.jsonl"] {
        let (items, _) = read_file(name);
        let docs = documents(&items);
        assert_eq!(ids(&items), ["u1", "u2"], "{name}: {items:?}");
        assert!(docs[1].text.ends_with("é, 北京."), "{name}");
        assert!(warnings(&items).is_empty(), "{name}: {items:?}");
    }
}

#[test]
fn standard_input_is_told_by_its_first_bytes() {
    // `cat x.warc | dyad code`, `cat x.warc.gz | dyad code`
    for name in ["five.warc", "five.warc.gz", "corrupt-member.warc.gz"] {
        let (items, _) = read_stdin(bytes(name));
        let want: &[usize] = if name.starts_with("corrupt") {
            &[1, 2, 4, 5]
        } else {
            &[1, 2, 3, 4, 5]
        };
        assert_eq!(ids(&items), record_ids(want), "{name}");
    }
    // `zcat page.html.gz | dyad extract`, and the page still gzipped.
    let mut page = Vec::new();
    std::io::Read::read_to_end(
        &mut flate2::read::GzDecoder::new(bytes("page.html.gz").as_slice()),
        &mut page,
    )
    .unwrap();
    for data in [page, bytes("page.html.gz")] {
        let (items, _) = read_stdin(data);
        let docs = documents(&items);
        assert_eq!(docs.len(), 1, "{items:?}");
        assert_eq!(docs[0].id, "stdin");
        assert!(docs[0].text.starts_with("Chile recalled its ambassador"));
        assert!(!docs[0].text.contains('<'), "markup is not the article");
        assert_eq!(docs[0].title.as_deref(), Some("Chile recalls ambassador"));
    }
    // JSON lines: plain, gzipped, UTF-16.
    for name in ["lines.jsonl.gz", "utf16le.jsonl", "utf8-bom.jsonl"] {
        let (items, _) = read_stdin(bytes(name));
        assert_eq!(ids(&items), ["u1", "u2"], "{name}");
    }
    // Text stays text, exactly.
    let (items, _) = read_stdin(b"  WARSAW - Poland and Lithuania met.\n".to_vec());
    assert_eq!(
        documents(&items)[0].text,
        "  WARSAW - Poland and Lithuania met.\n"
    );
}

#[test]
fn a_file_whose_name_says_nothing_is_told_by_its_content() {
    let dir = std::env::temp_dir().join(format!("dyad-bad-input-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("crawl-000");
    std::fs::write(&file, bytes("five.warc.gz")).unwrap();
    let (items, _) =
        items_of(read_inputs(vec![Input::Path(file)], ReadOptions::default()).unwrap());
    assert_eq!(ids(&items), record_ids(&[1, 2, 3, 4, 5]));
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn typed_items_and_results_say_the_same() {
    let path = fixture("fields.jsonl");
    let items: Vec<Item> = read_items(vec![Input::Path(path.clone())], ReadOptions::default())
        .unwrap()
        .collect();
    let results: Vec<Result<Document, DocError>> =
        read_inputs(vec![Input::Path(path)], ReadOptions::default())
            .unwrap()
            .collect();
    assert_eq!(items.len(), results.len());
    for (item, result) in items.iter().zip(&results) {
        match (item, result) {
            (Item::Document(a), Ok(b)) => assert_eq!(a, b),
            (Item::Error(a), Err(b)) => assert_eq!(a, b),
            (Item::Warning(a), Err(b)) => {
                assert!(dyad_ingest::is_warning(b));
                assert_eq!(
                    format!("{}{}", dyad_ingest::WARNING_PREFIX, a.error),
                    b.error
                );
            }
            other => panic!("items and results differ: {other:?}"),
        }
    }
}

#[test]
fn a_page_over_its_time_budget_is_an_error_and_the_stream_goes_on() {
    // A nanosecond budget: the first check inside the extraction fails,
    // whatever the machine's speed.
    let docs = read_inputs(
        vec![Input::Path(fixture("five.warc"))],
        ReadOptions::default(),
    )
    .unwrap()
    .threads(1)
    .page_budget(Duration::from_nanos(1));
    let (items, summary) = items_of(docs);
    assert_eq!(summary.failed, 5);
    for err in errors(&items) {
        assert!(err.error.contains("took longer than"), "{}", err.error);
    }
    // A generous budget: every page is read.
    let docs = read_inputs(
        vec![Input::Path(fixture("five.warc"))],
        ReadOptions::default(),
    )
    .unwrap()
    .page_budget(Duration::from_secs(600));
    let (items, _) = items_of(docs);
    assert_eq!(documents(&items).len(), 5);
}
