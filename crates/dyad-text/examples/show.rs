//! Prints the sentences and tokens of the text on standard input, one sentence
//! per line with its span, tokens separated by spaces.
//!
//! Usage: `echo 'Text.' | cargo run -p dyad-text --example show`

use std::io::Read;

fn main() {
    let mut text = String::new();
    if let Err(e) = std::io::stdin().read_to_string(&mut text) {
        eprintln!("cannot read standard input: {e}");
        std::process::exit(1);
    }
    for s in dyad_text::sentences(&text) {
        let words: Vec<&str> = s.tokens.iter().map(|t| t.text.as_str()).collect();
        println!(
            "{} [{},{}) {}",
            s.index,
            s.span.start,
            s.span.end,
            words.join(" ")
        );
    }
}
