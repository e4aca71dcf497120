//! Runs the place pass over JSON-lines documents (`{"id", "text"}`) and
//! writes `dyad places` lines, keeping the sentences and parses in a cache
//! file so that tuning the pass does not parse again:
//! `cargo run --release -p dyad-geo --example places_eval -- DOCS.jsonl [CACHE.jsonl]`.
//! With `--time` it also reports resolution speed (toponyms per second).

use std::io::{BufRead, BufReader, BufWriter, Write};

use dyad_types::{ParsedSentence, Sentence};
use serde::{Deserialize, Serialize};

#[derive(Deserialize)]
struct Doc {
    id: String,
    text: String,
}

#[derive(Serialize, Deserialize)]
struct Parsed {
    id: String,
    text: String,
    sentences: Vec<Sentence>,
    parses: Vec<ParsedSentence>,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let time = args.iter().any(|a| a == "--time");
    // --repeat=N: run the pass N times (for profiling), printing once
    let repeat: usize = args
        .iter()
        .find_map(|a| a.strip_prefix("--repeat="))
        .and_then(|n| n.parse().ok())
        .unwrap_or(1);
    let files: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let Some(input) = files.first() else {
        return Err("usage: places_eval DOCS.jsonl [CACHE.jsonl] [--time]".into());
    };
    let cache = files.get(1);
    let docs: Vec<Parsed> = match cache.filter(|c| std::path::Path::new(c).exists()) {
        Some(c) => BufReader::new(std::fs::File::open(c)?)
            .lines()
            .map(|l| Ok(serde_json::from_str(&l?)?))
            .collect::<Result<_, Box<dyn std::error::Error>>>()?,
        None => {
            let model = dyad_nlp::Model::embedded()?;
            let mut out = Vec::new();
            for line in BufReader::new(std::fs::File::open(input)?).lines() {
                let doc: Doc = serde_json::from_str(&line?)?;
                let sentences = dyad_text::sentences(&doc.text);
                let parses = sentences
                    .iter()
                    .map(|s| {
                        let words: Vec<&str> = s.tokens.iter().map(|t| t.text.as_str()).collect();
                        if words.is_empty() {
                            ParsedSentence::default()
                        } else {
                            model.parse(&words)
                        }
                    })
                    .collect();
                out.push(Parsed {
                    id: doc.id,
                    text: doc.text,
                    sentences,
                    parses,
                });
            }
            if let Some(c) = cache {
                let mut f = BufWriter::new(std::fs::File::create(c)?);
                for d in &out {
                    serde_json::to_writer(&mut f, d)?;
                    f.write_all(b"\n")?;
                }
            }
            out
        }
    };
    let g = dyad_geo::Gazetteer::builtin();
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let start = std::time::Instant::now();
    for _ in 1..repeat {
        for d in &docs {
            std::hint::black_box(dyad_geo::document_places(
                g,
                &d.text,
                &d.sentences,
                &d.parses,
            ));
        }
    }
    let mut n = 0usize;
    for d in &docs {
        for m in dyad_geo::document_places(g, &d.text, &d.sentences, &d.parses) {
            n += 1;
            #[derive(Serialize)]
            struct Line<'a> {
                doc: &'a str,
                #[serde(flatten)]
                m: dyad_geo::PlaceMention,
            }
            serde_json::to_writer(&mut out, &Line { doc: &d.id, m })?;
            out.write_all(b"\n")?;
        }
    }
    out.flush()?;
    if time {
        let secs = start.elapsed().as_secs_f64();
        eprintln!(
            "{n} place mentions from {} documents, {repeat} times, in {secs:.3} s: {:.0} toponyms/s",
            docs.len(),
            (n * repeat) as f64 / secs
        );
    }
    Ok(())
}
