//! Throughput on pathological input: a text of the given size (MB, default 50)
//! with no punctuation and no line break, then one with no whitespace at all.
//!
//! Usage: `cargo run --release -p dyad-text --example stress -- [MB]`

use std::time::Instant;

fn run(label: &str, text: &str) {
    let started = Instant::now();
    let sentences = dyad_text::sentences(text);
    let secs = started.elapsed().as_secs_f64();
    let tokens: usize = sentences.iter().map(|s| s.tokens.len()).sum();
    let longest = sentences.iter().map(|s| s.tokens.len()).max().unwrap_or(0);
    println!(
        "{label}: {:.1} MB in {secs:.2} s ({:.1} MB/s), {} sentences, {tokens} tokens, longest {longest}",
        text.len() as f64 / 1e6,
        text.len() as f64 / 1e6 / secs,
        sentences.len()
    );
}

fn main() {
    let mb: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(50);
    let words = [
        "the", "minister", "said", "talks", "would", "resume", "in", "Geneva",
    ];
    let mut text = String::with_capacity(mb << 20);
    let mut i = 0;
    while text.len() < mb << 20 {
        text.push_str(words[i % words.len()]);
        text.push(' ');
        i += 1;
    }
    run("words, no punctuation", &text);
    drop(text);
    let blob = "x".repeat(mb << 20);
    run("one chunk, no whitespace", &blob);
}
