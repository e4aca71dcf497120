//! Data-driven tests: every `fixtures/NAME.txt` is split and tokenized and the
//! result compared with `fixtures/NAME.expected` (one sentence per line, tokens
//! separated by single spaces). The passages are invented for these tests.
//!
//! To rewrite the expected files after a deliberate change, run with
//! `DYAD_BLESS=1` and review the diff.

use std::fs;
use std::path::{Path, PathBuf};

fn render(text: &str) -> String {
    let mut out = String::new();
    for sentence in dyad_text::sentences(text) {
        let words: Vec<&str> = sentence.tokens.iter().map(|t| t.text.as_str()).collect();
        out.push_str(&words.join(" "));
        out.push('\n');
    }
    out
}

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut inputs: Vec<PathBuf> = fs::read_dir(&dir)
        .expect("fixtures directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    inputs.sort();
    inputs
}

#[test]
fn fixtures_split_and_tokenize_as_expected() {
    let bless = std::env::var_os("DYAD_BLESS").is_some();
    let inputs = fixtures();
    assert!(inputs.len() >= 10, "fixtures missing");
    let mut failures = Vec::new();
    for input in inputs {
        let text = fs::read_to_string(&input).expect("fixture text");
        let got = render(&text);
        let expected_path = input.with_extension("expected");
        if bless {
            fs::write(&expected_path, &got).expect("write expected");
            continue;
        }
        let expected = fs::read_to_string(&expected_path)
            .unwrap_or_else(|_| panic!("{} has no .expected file", input.display()));
        if got != expected {
            failures.push(format!(
                "{}\n--- expected\n{expected}--- got\n{got}",
                input.display()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
