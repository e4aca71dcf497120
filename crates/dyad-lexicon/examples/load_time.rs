//! Times `Lexicon::builtin()`: how long the compiled-in lexicon takes to
//! parse. Given actor files, also times reading each of them alone (to weigh
//! a candidate file before it is built in). Run in release mode:
//!
//! ```text
//! cargo run --release -p dyad-lexicon --example load_time [-- ACTORS_FILE ...]
//! ```

use std::path::Path;
use std::time::{Duration, Instant};

use dyad_lexicon::{parse_actors, Lexicon};

const RUNS: usize = 7;

/// Runs `f` RUNS times and returns (min, median, max) in milliseconds.
fn time<T>(mut f: impl FnMut() -> T) -> (f64, f64, f64) {
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(f());
            start.elapsed()
        })
        .collect();
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    (ms(times[0]), ms(times[RUNS / 2]), ms(times[RUNS - 1]))
}

fn main() {
    let lexicon = Lexicon::builtin().expect("the built-in lexicon loads");
    println!("{}", lexicon.stats());
    let (min, median, max) = time(|| Lexicon::builtin().expect("loads"));
    println!(
        "Lexicon::builtin(): min {min:.1} ms, median {median:.1} ms, max {max:.1} ms over {RUNS} runs"
    );
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).expect("a readable UTF-8 actor file");
        let mut warnings = Vec::new();
        let entries = parse_actors(Path::new(&path), &text, &mut warnings).expect("an actor file");
        let (min, median, max) = time(|| {
            let mut warnings = Vec::new();
            parse_actors(Path::new(&path), &text, &mut warnings)
        });
        println!(
            "{path}: {} entries, {} warnings, {} bytes: min {min:.1} ms, median {median:.1} ms, max {max:.1} ms",
            entries.len(),
            warnings.len(),
            text.len()
        );
    }
}
