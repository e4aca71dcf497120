//! Runs the plain-text cleaner over text files and reports the lines it
//! drops: on clean article text every dropped line is a false positive.
//!
//! `cargo run --release -p dyad-ingest --example clean_lines -- FILE... [--show]`

use std::collections::HashSet;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let show = args.iter().any(|a| a == "--show");
    let (mut total, mut dropped) = (0usize, 0usize);
    for path in args.iter().filter(|a| *a != "--show") {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        let cleaned = dyad_ingest::clean::clean_text(&text);
        let kept: HashSet<&str> = cleaned.lines().collect();
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            total += 1;
            if !kept.contains(line) {
                dropped += 1;
                if show {
                    println!("dropped: {}", line.chars().take(120).collect::<String>());
                }
            }
        }
    }
    let share = 100.0 * dropped as f64 / total.max(1) as f64;
    println!("{dropped} of {total} lines dropped ({share:.1}%)");
}
