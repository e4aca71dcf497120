//! A stable-Rust stand-in for the fuzz targets: mutates the pages of a
//! directory (truncations, byte flips, splices) and runs the HTML and WARC
//! readers on each, so a panic shows up without a nightly toolchain.
//!
//! `cargo run --release -p dyad-ingest --example mutate_smoke -- DIR [ROUNDS]`

use std::io::Read;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().unwrap_or_else(|| ".".to_string());
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(3);
    let mut pages = Vec::new();
    for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
        let path = entry.path();
        let mut bytes = Vec::new();
        let read = if path.to_string_lossy().ends_with(".gz") {
            std::fs::File::open(&path)
                .and_then(|f| flate2::read::GzDecoder::new(f).read_to_end(&mut bytes))
        } else {
            std::fs::File::open(&path).and_then(|mut f| f.read_to_end(&mut bytes))
        };
        if read.is_ok() {
            pages.push(bytes);
        }
    }
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut runs = 0;
    for _ in 0..rounds {
        for page in &pages {
            let mut bytes = page.clone();
            match next() % 4 {
                0 => bytes.truncate((next() as usize) % (bytes.len() + 1)),
                1 => {
                    for _ in 0..1 + next() % 64 {
                        if !bytes.is_empty() {
                            let at = (next() as usize) % bytes.len();
                            bytes[at] = next() as u8;
                        }
                    }
                }
                2 => {
                    let other = &pages[(next() as usize) % pages.len()];
                    let cut = (next() as usize) % (other.len() + 1);
                    let at = (next() as usize) % (bytes.len() + 1);
                    bytes.splice(at..at, other[..cut].iter().copied());
                }
                _ => {
                    let wrapped = format!(
                        "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: {}\r\n\r\n",
                        bytes.len() + 19
                    );
                    let mut warc = wrapped.into_bytes();
                    warc.extend_from_slice(b"HTTP/1.1 200 OK\r\n\r\n");
                    warc.extend_from_slice(&bytes);
                    warc.truncate((next() as usize) % (warc.len() + 1));
                    let docs = dyad_ingest::read_warc(
                        std::io::Cursor::new(warc),
                        "smoke.warc",
                        Default::default(),
                    )
                    .threads(1);
                    for _ in docs {}
                }
            }
            let _ =
                dyad_ingest::html::extract(&bytes, Some("https://example.org/2020/01/02/x"), None);
            runs += 1;
        }
    }
    println!("{runs} mutated pages read without a panic");
}
