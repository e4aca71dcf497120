//! `cargo run --release -p dyad-time --example timex -- FILE.jsonl`: the expressions of
//! JSON-lines documents (`{"id", "text", "date"}`) as `dyad times` writes them, without
//! building the whole `dyad` binary; `-` or a plain sentence argument reads text.

use std::io::{self, BufRead, Write};

use dyad_types::Date;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let started = std::time::Instant::now();
    let (mut docs, mut found) = (0usize, 0usize);
    let Some(path) = args.first() else {
        eprintln!("usage: timex FILE.jsonl | timex --text YYYY-MM-DD \"A sentence.\"");
        return;
    };
    let emit = |id: &str, text: &str, date: Option<Date>, out: &mut dyn Write| {
        let times = dyad_time::extract(text, date);
        for t in times.all() {
            let line = serde_json::json!({
                "doc": id, "span": [t.span.start, t.span.end], "text": t.text,
                "type": t.kind().as_str(), "value": t.value.to_string(),
                "mod": t.modifier.map(|m| m.as_str()),
                "points_to": t.points_to.map(|p| p.to_string()),
            });
            let _ = writeln!(out, "{line}");
        }
        times.all().len()
    };
    if path == "--text" {
        let date = args.get(1).and_then(|d| d.parse().ok());
        let text = args[2..].join(" ");
        emit("text", &text, date, &mut out);
        return;
    }
    let file = std::fs::File::open(path).expect("input file");
    for line in io::BufReader::new(file).lines() {
        let Ok(line) = line else { break };
        let Ok(doc) = serde_json::from_str::<serde_json::Value>(&line) else {
            continue;
        };
        let id = doc["id"].as_str().unwrap_or("");
        let text = doc["text"].as_str().unwrap_or("");
        let date = doc["date"].as_str().and_then(|d| d.parse().ok());
        found += emit(id, text, date, &mut out);
        docs += 1;
    }
    let secs = started.elapsed().as_secs_f64();
    eprintln!(
        "{docs} documents, {found} expressions in {secs:.3}s ({:.0} documents/s)",
        docs as f64 / secs
    );
}
