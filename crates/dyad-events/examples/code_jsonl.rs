//! Codes a JSON-lines file of documents (`{"id","text","date"}`) with given
//! dictionaries and prints events as JSON lines, like `dyad code`; for testing
//! the coder on its own. Without `--parse` (or without a model) it codes from
//! word order alone.
//!
//! `cargo run -p dyad-events --release --example code_jsonl -- --verbs V --actors A --agents G --discards D [--parse] FILE`

use std::io::Write;
use std::path::PathBuf;

use dyad_events::Coder;
use dyad_lexicon::{Lexicon, LexiconFiles};
use dyad_types::{Document, ParsedSentence};

fn main() {
    let mut files = LexiconFiles::default();
    let mut inputs = Vec::new();
    let mut use_parse = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            flag if files.take_flag(flag, &mut args) => {}
            "--parse" => use_parse = true,
            other => inputs.push(PathBuf::from(other)),
        }
    }
    let lexicon = match Lexicon::load(&files) {
        Ok((lexicon, _)) => lexicon,
        Err(err) => {
            eprintln!("error: {err}");
            std::process::exit(2);
        }
    };
    let model = match use_parse.then(dyad_nlp::Model::embedded) {
        Some(Ok(model)) => Some(model),
        Some(Err(err)) => {
            eprintln!("no parser model ({err}); coding from word order");
            None
        }
        None => None,
    };
    let coder = Coder::new(lexicon);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let empty = ParsedSentence::default();
    let started = std::time::Instant::now();
    let mut sentences = 0usize;
    let mut parsing = std::time::Duration::ZERO;
    let mut coding = std::time::Duration::ZERO;
    for input in inputs {
        let text = std::fs::read_to_string(&input).unwrap_or_default();
        for line in text.lines() {
            let Ok(value) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            let mut doc = Document::new(
                value["id"].as_str().unwrap_or("").to_string(),
                value["text"].as_str().unwrap_or("").to_string(),
            );
            doc.date = value["date"].as_str().and_then(|d| d.parse().ok());
            let document = dyad_text::sentences(&doc.text);
            sentences += document.len();
            let t0 = std::time::Instant::now();
            let parses: Vec<ParsedSentence> = document
                .iter()
                .map(|sentence| {
                    let words: Vec<&str> =
                        sentence.tokens.iter().map(|t| t.text.as_str()).collect();
                    match &model {
                        Some(m) => m.parse(&words),
                        None => empty.clone(),
                    }
                })
                .collect();
            let t1 = std::time::Instant::now();
            let events = coder.code_document(&doc, &document, &parses);
            parsing += t1 - t0;
            coding += t1.elapsed();
            for event in events {
                let _ = writeln!(out, "{}", serde_json::to_string(&event).unwrap_or_default());
            }
        }
    }
    eprintln!(
        "parsing {:.3}s, coding {:.3}s = {:.0} sentences/s for the coder alone",
        parsing.as_secs_f64(),
        coding.as_secs_f64(),
        sentences as f64 / coding.as_secs_f64().max(1e-9)
    );
    let seconds = started.elapsed().as_secs_f64();
    eprintln!(
        "{sentences} sentences in {seconds:.3}s = {:.0} sentences/s",
        sentences as f64 / seconds.max(1e-9)
    );
}
