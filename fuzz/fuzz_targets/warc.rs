//! Fuzz target: any bytes as a WARC archive must give documents and errors, never a panic,
//! and the summary must count every item the stream gave.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut docs = dyad_ingest::read_warc(
        std::io::Cursor::new(data.to_vec()),
        "fuzz.warc",
        Default::default(),
    )
    .threads(1);
    let mut ok = 0;
    let mut errors = 0;
    for item in docs.by_ref() {
        match item {
            Ok(_) => ok += 1,
            Err(_) => errors += 1,
        }
    }
    let summary = docs.summary();
    assert_eq!(summary.read, ok);
    assert_eq!(summary.failed + summary.warnings, errors);
});
