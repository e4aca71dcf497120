//! Times the stages of page extraction (decode, parse, metadata, whole) over a directory of pages.
use std::time::Instant;
fn main() {
    let dir = std::env::args().nth(1).unwrap_or_default();
    let mut pages = Vec::new();
    for e in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
        if e.path().extension().is_some_and(|x| x == "html") {
            pages.push(std::fs::read(e.path()).unwrap_or_default());
        }
    }
    let t = Instant::now();
    let texts: Vec<String> = pages
        .iter()
        .filter_map(|p| dyad_ingest::decode::decode_html(p, None).ok())
        .map(|d| d.text)
        .collect();
    let decode = t.elapsed();
    let t = Instant::now();
    for text in &texts {
        let _ = dom_query::Document::from(text.as_str());
    }
    let parse = t.elapsed();
    let t = Instant::now();
    for text in &texts {
        let doc = dom_query::Document::from(text.as_str());
        let _ = dyad_ingest::html::meta::read(&doc, None);
    }
    let meta = t.elapsed();
    let t = Instant::now();
    for p in &pages {
        let _ = dyad_ingest::html::extract(p, None, None);
    }
    let all = t.elapsed();
    let n = pages.len() as f64;
    println!(
        "{} pages: decode {:.2} ms/page, parse {:.2}, parse+meta {:.2}, whole {:.2}",
        n,
        decode.as_secs_f64() * 1e3 / n,
        parse.as_secs_f64() * 1e3 / n,
        meta.as_secs_f64() * 1e3 / n,
        all.as_secs_f64() * 1e3 / n
    );
}
