//! A mutation loop over the readers, run by `cargo test` (the stand-in for
//! the `cargo fuzz` targets where no nightly toolchain is to be had): our
//! fixture pages, WARC archives (plain and gzipped) and JSON lines get
//! random byte flips, truncations and insertions — a fixed seed, a few
//! hundred cases — and every case must end without a panic, with the
//! summary counting what the stream gave, and without losing more than the
//! damaged record of an archive.

use std::io::Write;
use std::path::Path;
use std::time::Duration;

use dyad_ingest::{read_inputs, read_warc, Documents, Input, Item, ReadOptions};

/// xorshift64: a fixed, dependency-free random stream.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name),
    )
    .unwrap()
}

/// Counts of what a stream gave; checks the summary agrees.
#[derive(Debug, Default)]
struct Outcome {
    docs: usize,
    errors: usize,
}

fn drain(docs: Documents) -> Outcome {
    let mut items = docs
        .threads(1)
        // Generous: what is tested is that nothing is lost, not speed.
        .page_budget(Duration::from_secs(600))
        .items();
    let mut outcome = Outcome::default();
    let mut warnings = 0;
    for item in items.by_ref() {
        match item {
            Item::Document(_) => outcome.docs += 1,
            Item::Warning(w) => {
                assert!(!w.error.is_empty());
                warnings += 1;
            }
            Item::Error(e) => {
                assert!(!e.error.is_empty() && !e.doc.is_empty(), "{e:?}");
                outcome.errors += 1;
            }
        }
    }
    let summary = items.summary();
    assert_eq!(
        (summary.read, summary.failed, summary.warnings),
        (outcome.docs, outcome.errors, warnings)
    );
    outcome
}

fn read_bytes(bytes: Vec<u8>) -> Outcome {
    drain(
        read_inputs(vec![Input::Stdin], ReadOptions::default())
            .unwrap()
            .with_stdin(std::io::Cursor::new(bytes)),
    )
}

fn flip(rng: &mut Rng, bytes: &mut [u8]) {
    if !bytes.is_empty() {
        let at = rng.below(bytes.len());
        bytes[at] ^= 1 << rng.below(8);
    }
}

/// The records of an archive whose records all start `WARC/1.0\r\n`.
fn split_records(archive: &[u8]) -> Vec<Vec<u8>> {
    let marker = b"WARC/1.0\r\n";
    let mut starts: Vec<usize> = (0..archive.len())
        .filter(|&i| archive[i..].starts_with(marker))
        .collect();
    starts.push(archive.len());
    starts
        .windows(2)
        .map(|w| archive[w[0]..w[1]].to_vec())
        .collect()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

#[test]
fn mutated_warc_archives_lose_at_most_the_damaged_record() {
    let records = split_records(&fixture("bad/five.warc"));
    assert_eq!(records.len(), 5);
    let plain = records.concat();
    let members: Vec<Vec<u8>> = records.iter().map(|r| gzip(r)).collect();
    let page = fixture("corpus/sub/c.html");
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for case in 0..120 {
        let gzipped = case % 2 == 1;
        let parts = if gzipped { &members } else { &records };
        let mut bytes = if gzipped {
            members.concat()
        } else {
            plain.clone()
        };
        let (min_docs, what) = match case % 6 / 2 {
            0 => {
                // Each flip costs one record at most.
                let flips = 1 + rng.below(3);
                for _ in 0..flips {
                    flip(&mut rng, &mut bytes);
                }
                (5 - flips, "flips")
            }
            1 => {
                let cut = rng.below(bytes.len());
                bytes.truncate(cut);
                // Records (or members) wholly before the cut survive.
                let mut end = 0;
                let whole = parts
                    .iter()
                    .take_while(|p| {
                        end += p.len();
                        end <= cut
                    })
                    .count();
                (whole, "truncation")
            }
            _ => {
                let at = rng.below(bytes.len());
                let piece = &page[..rng.below(page.len())];
                bytes.splice(at..at, piece.iter().copied());
                (4, "insertion")
            }
        };
        let outcome = drain(read_warc(
            std::io::Cursor::new(bytes),
            "mutated.warc",
            ReadOptions::default(),
        ));
        assert!(
            outcome.docs >= min_docs,
            "case {case} ({what}, gzip {gzipped}): {outcome:?}, at least {min_docs} documents"
        );
        if what == "truncation" {
            assert!(outcome.errors <= 1, "case {case}: {outcome:?}");
        }
    }
}

#[test]
fn an_archive_damaged_in_one_place_keeps_the_other_records() {
    // One flip per case, on every record in turn: four records at least.
    let records = split_records(&fixture("bad/five.warc"));
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    for case in 0..60 {
        let mut bytes = records.concat();
        flip(&mut rng, &mut bytes);
        let outcome = drain(read_warc(
            std::io::Cursor::new(bytes),
            "mutated.warc",
            ReadOptions::default(),
        ));
        assert!(outcome.docs >= 4, "case {case}: {outcome:?}");
        assert!(
            outcome.docs + outcome.errors <= 6,
            "case {case}: {outcome:?}"
        );
    }
}

#[test]
fn mutated_json_lines_give_one_item_per_line() {
    let lines = fixture("bad/fields.jsonl");
    let mut rng = Rng(0x0123_4567_89ab_cdef);
    for case in 0..120 {
        let mut bytes = lines.clone();
        match case % 3 {
            0 => {
                for _ in 0..1 + rng.below(8) {
                    flip(&mut rng, &mut bytes);
                }
            }
            1 => bytes.truncate(rng.below(bytes.len())),
            _ => {
                let at = rng.below(bytes.len());
                let other = &lines[rng.below(lines.len())..];
                let piece = other[..rng.below(other.len())].to_vec();
                bytes.splice(at..at, piece);
            }
        }
        // A flip may make the first byte a gzip or UTF-16 mark; the
        // one-item-per-line count holds for UTF-8 lines.
        if bytes.starts_with(&[0x1f, 0x8b]) || bytes.starts_with(&[0xff, 0xfe]) {
            continue;
        }
        let dir = std::env::temp_dir().join(format!("dyad-mutation-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join(format!("case{case}.jsonl"));
        std::fs::write(&file, &bytes).unwrap();
        let outcome =
            drain(read_inputs(vec![Input::Path(file.clone())], ReadOptions::default()).unwrap());
        std::fs::remove_file(&file).unwrap();
        let lines = bytes
            .split(|&b| b == b'\n')
            .filter(|line| !String::from_utf8_lossy(line).trim().is_empty())
            .count();
        assert_eq!(
            outcome.docs + outcome.errors,
            lines,
            "case {case}: {outcome:?}"
        );
    }
}

#[test]
fn mutated_pages_and_streams_end_as_a_document_or_an_error() {
    let page = fixture("corpus/sub/c.html");
    let warc = fixture("bad/five.warc.gz");
    let mut rng = Rng(0xdead_beef_cafe_f00d);
    for case in 0..90 {
        let base = if case % 3 == 0 { &warc } else { &page };
        let mut bytes = base.clone();
        match rng.below(3) {
            0 => {
                for _ in 0..1 + rng.below(16) {
                    flip(&mut rng, &mut bytes);
                }
            }
            1 => bytes.truncate(rng.below(bytes.len())),
            _ => {
                let at = rng.below(bytes.len());
                let piece = page[..rng.below(page.len())].to_vec();
                bytes.splice(at..at, piece);
            }
        }
        // Standard input: whatever the bytes have become, they are told
        // apart and end as documents or errors, at least one item.
        let outcome = read_bytes(bytes);
        assert!(
            outcome.docs + outcome.errors >= 1,
            "case {case}: {outcome:?}"
        );
    }
}
