//! WARC archives: response records with HTML become documents, the rest is
//! skipped and counted, and a truncated archive keeps its complete records.

use std::io::Write;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use dyad_ingest::{read_inputs, Input, ReadOptions};
use dyad_types::{Date, DocError, Document};

fn scratch(name: &str) -> PathBuf {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "dyad-warc-{}-{}-{name}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn record(kind: &str, id: usize, uri: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:0000-{id}>\r\n\
         WARC-Date: 2021-06-0{id}T23:10:00Z\r\nWARC-Target-URI: {uri}\r\n\
         Content-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

fn http(status: &str, content_type: &str, body: &str) -> Vec<u8> {
    format!("HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nServer: test\r\n\r\n{body}")
        .into_bytes()
}

const PAGE: &str = "<html><head><title>Talks in Nairobi</title>\
<meta property=\"article:published_time\" content=\"2021-05-30T08:00:00+03:00\"></head>\
<body><nav>Home World Sport</nav><article>\
<p>Envoys from Ethiopia and Sudan met in Nairobi on Sunday to discuss the disputed border region, the Kenyan foreign ministry said in a statement.</p>\
<p>The talks, the first in more than a year, ended without an agreement, but both delegations said they would return next month.</p>\
</article></body></html>";

const UNDATED: &str = "<html><head><title>Port reopens</title></head><body><article>\
<p>The port of Mombasa reopened on Monday after a two-day strike by dock workers ended with an agreement on pay, the port authority said.</p>\
<p>Shipping lines said the backlog of containers would take at least a week to clear, and that some vessels had been diverted to other ports.</p>\
</article></body></html>";

/// An archive of six records: info, request, an HTML page, an image, a 404, an undated page.
fn archive() -> Vec<Vec<u8>> {
    vec![
        record(
            "warcinfo",
            1,
            "",
            "application/warc-fields",
            b"software: test\r\n",
        ),
        record(
            "request",
            2,
            "https://news.example/a",
            "application/http; msgtype=request",
            b"GET /a HTTP/1.1\r\n\r\n",
        ),
        record(
            "response",
            3,
            "https://news.example/a",
            "application/http; msgtype=response",
            &http("200 OK", "text/html; charset=utf-8", PAGE),
        ),
        record(
            "response",
            4,
            "https://news.example/logo.png",
            "application/http; msgtype=response",
            &http("200 OK", "image/png", "\u{89}PNG"),
        ),
        record(
            "response",
            5,
            "https://news.example/gone",
            "application/http; msgtype=response",
            &http("404 Not Found", "text/html", "<p>Page not found</p>"),
        ),
        record(
            "response",
            6,
            "https://news.example/b",
            "application/http; msgtype=response",
            &http("200 OK", "text/html", UNDATED),
        ),
    ]
}

fn read_all(path: PathBuf) -> (Vec<Result<Document, DocError>>, dyad_ingest::Summary) {
    let mut docs = read_inputs(vec![Input::Path(path)], ReadOptions::default()).unwrap();
    let items: Vec<_> = docs.by_ref().collect();
    (items, docs.summary())
}

fn check_complete(items: &[Result<Document, DocError>], summary: &dyad_ingest::Summary) {
    assert_eq!(items.len(), 2, "{items:?}");
    let page = items[0].as_ref().unwrap();
    assert_eq!(page.id, "urn:uuid:0000-3");
    assert_eq!(page.url.as_deref(), Some("https://news.example/a"));
    assert_eq!(page.title.as_deref(), Some("Talks in Nairobi"));
    assert_eq!(
        page.date,
        Date::new(2021, 5, 30),
        "the page's own date wins"
    );
    assert!(page.text.contains("Envoys from Ethiopia and Sudan"));
    let undated = items[1].as_ref().unwrap();
    assert_eq!(
        undated.date,
        Date::new(2021, 6, 6),
        "fetch date as fallback"
    );
    assert_eq!(summary.read, 2);
    assert_eq!(summary.failed, 0);
    assert_eq!(summary.skipped_total(), 4, "{summary:?}");
    assert_eq!(summary.skipped.get("WARC request record"), Some(&1));
    assert_eq!(summary.skipped.get("WARC warcinfo record"), Some(&1));
    assert_eq!(
        summary.skipped.get("WARC response that is not HTML"),
        Some(&1)
    );
    assert_eq!(
        summary.skipped.get("WARC response with a non-2xx status"),
        Some(&1)
    );
}

#[test]
fn plain_warc() {
    let dir = scratch("plain");
    let file = dir.join("crawl.warc");
    std::fs::write(&file, archive().concat()).unwrap();
    let (items, summary) = read_all(file);
    check_complete(&items, &summary);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn gzip_warc_with_one_member_per_record() {
    let dir = scratch("gz");
    let file = dir.join("crawl.warc.gz");
    let mut bytes = Vec::new();
    for record in archive() {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder.write_all(&record).unwrap();
        bytes.extend(encoder.finish().unwrap());
    }
    std::fs::write(&file, bytes).unwrap();
    let (items, summary) = read_all(file);
    check_complete(&items, &summary);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_truncated_archive_keeps_every_complete_record_then_one_error() {
    let dir = scratch("cut");
    let file = dir.join("cut.warc");
    let mut bytes = archive()[..3].concat();
    let last = record(
        "response",
        7,
        "https://news.example/c",
        "application/http",
        &http("200 OK", "text/html", PAGE),
    );
    bytes.extend_from_slice(&last[..last.len() / 2]);
    std::fs::write(&file, bytes).unwrap();
    let (items, summary) = read_all(file);
    assert_eq!(items.len(), 2, "{items:?}");
    assert_eq!(items[0].as_ref().unwrap().id, "urn:uuid:0000-3");
    let err = items[1].as_ref().unwrap_err();
    assert!(err.error.contains("truncated"), "{}", err.error);
    assert!(
        err.error.contains("after 3 complete records"),
        "{}",
        err.error
    );
    assert_eq!(
        (summary.read, summary.failed, summary.skipped_total()),
        (1, 1, 2)
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn garbage_where_a_record_should_be_is_one_error() {
    let dir = scratch("garbage");
    let file = dir.join("bad.warc");
    let mut bytes = archive()[2].clone();
    bytes.extend_from_slice(b"this is not a record\r\n\r\n");
    std::fs::write(&file, bytes).unwrap();
    let (items, summary) = read_all(file);
    assert_eq!(items.len(), 2);
    assert!(items[0].is_ok());
    assert!(items[1]
        .as_ref()
        .unwrap_err()
        .error
        .contains("not a WARC record"));
    assert_eq!((summary.read, summary.failed), (1, 1));
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn an_oversized_record_is_an_error_and_the_next_record_is_read() {
    let dir = scratch("big");
    let file = dir.join("big.warc");
    let filler = "x".repeat(dyad_ingest::warc::MAX_RECORD_BYTES as usize + 10);
    let mut bytes = record(
        "response",
        1,
        "https://news.example/huge",
        "application/http",
        &http("200 OK", "text/html", &filler),
    );
    bytes.extend(archive()[2].clone());
    std::fs::write(&file, bytes).unwrap();
    let (items, summary) = read_all(file);
    assert_eq!(items.len(), 2);
    assert!(items[0].as_ref().unwrap_err().error.contains("larger than"));
    assert_eq!(items[1].as_ref().unwrap().id, "urn:uuid:0000-3");
    assert_eq!((summary.read, summary.failed), (1, 1));
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn any_reader_can_be_a_warc_archive() {
    let mut bytes = Vec::new();
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(&archive().concat()).unwrap();
    bytes.extend(encoder.finish().unwrap());
    let mut docs = dyad_ingest::read_warc(
        std::io::Cursor::new(bytes),
        "stream.warc.gz",
        ReadOptions::default(),
    );
    let items: Vec<_> = docs.by_ref().collect();
    check_complete(&items, &docs.summary());
}

#[test]
fn the_fuzz_corpus_archive_is_read() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/corpus/warc/one.warc");
    let (items, summary) = read_all(path);
    assert_eq!(summary.read, 1, "{items:?}");
    assert!(items[0]
        .as_ref()
        .unwrap()
        .text
        .contains("Envoys met in Nairobi"));
}
