//! Fuzz target: any bytes as an HTML page must give an article or an error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = dyad_ingest::html::extract(data, Some("https://example.org/2015/05/12/x"), None);
});
