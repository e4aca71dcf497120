//! Reading inputs into documents: every input kind, the directory walk, and bad input.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use dyad_ingest::{is_warning, read_inputs, Documents, IngestError, Input, ReadOptions};
use dyad_types::{Date, DocError, Document};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// A fresh scratch directory for one test.
fn scratch(name: &str) -> PathBuf {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "dyad-ingest-{}-{}-{name}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn read(inputs: Vec<Input>) -> (Vec<Result<Document, DocError>>, Documents) {
    let mut docs = read_inputs(inputs, ReadOptions::default()).unwrap();
    let items: Vec<_> = docs.by_ref().collect();
    (items, docs)
}

fn path(p: &Path) -> Input {
    Input::Path(p.to_path_buf())
}

#[test]
fn a_text_file_is_one_document_named_after_its_stem() {
    let (items, docs) = read(vec![path(&fixtures().join("corpus/a.txt"))]);
    assert_eq!(items.len(), 1);
    let doc = items[0].as_ref().unwrap();
    assert_eq!(doc.id, "a");
    assert!(doc.text.starts_with("GENEVA (Wire)"));
    assert!(doc.text.contains("meet again next month."));
    assert_eq!(doc.date, None);
    assert_eq!(docs.summary().read, 1);
}

#[test]
fn json_lines_give_one_document_per_line_and_bad_lines_are_errors() {
    let (items, docs) = read(vec![path(&fixtures().join("corpus/b.jsonl"))]);
    let ok: Vec<&Document> = items.iter().filter_map(|i| i.as_ref().ok()).collect();
    let errors: Vec<&DocError> = items.iter().filter_map(|i| i.as_ref().err()).collect();
    assert_eq!(ok.len(), 3, "{items:?}");
    assert_eq!(ok[0].id, "first");
    assert_eq!(ok[0].date, Date::new(2019, 3, 4));
    assert_eq!(ok[0].title.as_deref(), Some("Border row"));
    assert_eq!(ok[0].url.as_deref(), Some("https://example.org/first"));
    // No id: file stem and line number.
    assert_eq!(ok[1].id, "b:2");
    // `html` instead of `text`: the article is extracted from the page.
    assert_eq!(ok[2].id, "paged");
    assert!(ok[2].text.contains("visited Samoa on Monday"));
    assert!(!ok[2].text.contains('<'));
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(
        errors[0].error.contains("b.jsonl line 3"),
        "{}",
        errors[0].error
    );
    assert!(errors[0].error.contains("not JSON"));
    assert_eq!(errors[0].doc, "b:3");
    assert_eq!(errors[1].doc, "nothing");
    let summary = docs.summary();
    assert_eq!((summary.read, summary.failed), (3, 2));
}

#[test]
fn a_directory_is_walked_sorted_and_recursively() {
    let (items, docs) = read(vec![path(&fixtures().join("corpus"))]);
    let ids: Vec<String> = items
        .iter()
        .map(|item| match item {
            Ok(doc) => doc.id.clone(),
            Err(err) => format!("error:{}", err.doc),
        })
        .collect();
    assert_eq!(
        ids,
        [
            "a",
            "first",
            "b:2",
            "error:b:3",
            "paged",
            "error:nothing",
            "error:empty",
            "c"
        ]
    );
    let summary = docs.summary();
    assert_eq!(summary.read, 5);
    assert_eq!(summary.failed, 3);
    assert_eq!(
        summary.skipped.get("unknown file type"),
        Some(&1),
        "notes.md"
    );
    assert_eq!(
        summary.to_string(),
        "5 documents read, 1 skipped (1 unknown file type), 3 failed"
    );
    let page = items.last().unwrap().as_ref().unwrap();
    assert!(page.text.contains("joint naval patrols"));
    assert!(!page.text.contains("All rights reserved"));
}

#[test]
fn an_empty_file_is_an_error_that_names_it() {
    let (items, _) = read(vec![path(&fixtures().join("corpus/empty.txt"))]);
    let err = items[0].as_ref().unwrap_err();
    assert_eq!(err.doc, "empty");
    assert!(err.error.contains("empty document"), "{}", err.error);
}

#[test]
fn a_missing_input_stops_the_run_before_it_starts() {
    let missing = fixtures().join("no-such-file.txt");
    let result = read_inputs(
        vec![path(&fixtures().join("corpus/a.txt")), path(&missing)],
        ReadOptions::default(),
    );
    match result {
        Err(IngestError::NotFound(p)) => assert_eq!(p, missing),
        Err(other) => panic!("wrong error: {other}"),
        Ok(_) => panic!("a missing file was accepted"),
    }
}

#[test]
fn an_unknown_extension_given_explicitly_is_read_as_text() {
    let (items, docs) = read(vec![path(&fixtures().join("corpus/notes.md"))]);
    assert_eq!(items[0].as_ref().unwrap().id, "notes");
    assert_eq!(docs.summary().skipped_total(), 0);
}

#[test]
fn the_default_date_fills_only_missing_dates() {
    let date = Date::new(2015, 5, 13);
    let mut docs = read_inputs(
        vec![path(&fixtures().join("corpus/b.jsonl"))],
        ReadOptions {
            default_date: date,
            ..Default::default()
        },
    )
    .unwrap();
    let dates: Vec<Option<Date>> = docs
        .by_ref()
        .filter_map(Result::ok)
        .map(|d| d.date)
        .collect();
    assert_eq!(dates, [Date::new(2019, 3, 4), date, date]);
}

#[test]
fn stdin_with_json_lines_or_text() {
    let mut docs = read_inputs(vec![], ReadOptions::default())
        .unwrap()
        .with_stdin(&b"\n  {\"id\": \"x\", \"text\": \"Talks.\"}\n{\"text\": \"More.\"}\n"[..]);
    let ids: Vec<String> = docs.by_ref().map(|d| d.unwrap().id).collect();
    // Line numbers count every line, the leading blank one too, as in files.
    assert_eq!(ids, ["x", "stdin:3"]);

    let mut docs = read_inputs(vec![Input::Stdin], ReadOptions::default())
        .unwrap()
        .with_stdin(&b"\n  Peru thanked Bolivia.\n"[..]);
    let doc = docs.next().unwrap().unwrap();
    assert_eq!(doc.id, "stdin");
    assert_eq!(doc.text, "\n  Peru thanked Bolivia.\n", "text kept exactly");
    assert!(docs.next().is_none());
}

#[test]
fn invalid_utf8_is_read_lossily_with_a_warning_before_the_document() {
    let dir = scratch("utf8");
    let file = dir.join("latin.txt");
    std::fs::write(&file, b"Caf\xe9 owners in Lyon protested on Monday.").unwrap();
    let (items, docs) = read(vec![path(&file)]);
    assert_eq!(items.len(), 2);
    let warning = items[0].as_ref().unwrap_err();
    assert!(is_warning(warning));
    assert!(
        warning.error.contains("decoded lossily"),
        "{}",
        warning.error
    );
    let doc = items[1].as_ref().unwrap();
    assert_eq!(doc.text, "Caf\u{fffd} owners in Lyon protested on Monday.");
    let summary = docs.summary();
    assert_eq!((summary.read, summary.failed, summary.warnings), (1, 0, 1));

    // With a handler, warnings leave the stream.
    let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let sink = std::sync::Arc::clone(&seen);
    let docs = read_inputs(vec![path(&file)], ReadOptions::default())
        .unwrap()
        .on_warning(move |w| sink.lock().unwrap().push(w));
    let items: Vec<_> = docs.collect();
    assert_eq!(items.len(), 1);
    assert!(items[0].is_ok());
    assert_eq!(seen.lock().unwrap().len(), 1);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn binary_garbage_is_an_error_and_the_run_continues() {
    let dir = scratch("binary");
    let mut bytes = Vec::new();
    let mut state = 0x9e37_79b9_u32;
    for _ in 0..50_000 {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        bytes.push((state >> 24) as u8);
    }
    std::fs::write(dir.join("a-garbage.txt"), &bytes).unwrap();
    std::fs::write(dir.join("b-fine.txt"), "Chile recalled its ambassador.").unwrap();
    let (items, docs) = read(vec![path(&dir)]);
    assert_eq!(items.len(), 2);
    let err = items[0].as_ref().unwrap_err();
    assert_eq!(err.doc, "a-garbage");
    assert!(err.error.contains("binary"), "{}", err.error);
    assert_eq!(items[1].as_ref().unwrap().id, "b-fine");
    assert_eq!(docs.summary().failed, 1);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_50_mb_text_is_one_document() {
    let dir = scratch("big");
    let file = dir.join("big.txt");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&file).unwrap());
    let paragraph =
        "The ministers met again on Friday and agreed to continue the talks next week.\n";
    let count = 50 * 1024 * 1024 / paragraph.len() + 1;
    for _ in 0..count {
        out.write_all(paragraph.as_bytes()).unwrap();
    }
    out.flush().unwrap();
    drop(out);
    // What is tested is that nothing cuts a 50 MB document short; the
    // line cleaner (tested on its own) would take half a minute on it in
    // a debug build.
    let mut docs = read_inputs(vec![path(&file)], ReadOptions::default())
        .unwrap()
        .clean_text(false);
    let items: Vec<_> = docs.by_ref().collect();
    assert_eq!(items.len(), 1);
    let doc = items[0].as_ref().unwrap();
    assert_eq!(doc.text.len(), count * paragraph.len());
    assert_eq!(docs.summary().read, 1);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn gzip_compressed_inputs_are_read() {
    let dir = scratch("gz");
    let file = dir.join("story.txt.gz");
    let mut encoder = flate2::write::GzEncoder::new(
        std::fs::File::create(&file).unwrap(),
        flate2::Compression::fast(),
    );
    encoder
        .write_all(b"Ghana and Togo opened the border.")
        .unwrap();
    encoder.finish().unwrap();
    let (items, _) = read(vec![path(&file)]);
    let doc = items[0].as_ref().unwrap();
    assert_eq!(
        (doc.id.as_str(), doc.text.as_str()),
        ("story", "Ghana and Togo opened the border.")
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn documents_stream_is_send() {
    fn assert_send<T: Send>(_: &T) {}
    let docs = read_inputs(
        vec![path(&fixtures().join("corpus"))],
        ReadOptions::default(),
    )
    .unwrap();
    assert_send(&docs);
}
