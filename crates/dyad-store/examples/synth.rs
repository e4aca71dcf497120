//! Makes a database of synthetic events for measuring queries:
//! `cargo run --release -p dyad-store --example synth -- FILE [EVENTS] [SEED]`
//! (default 10,000,000 events, seed 1). `eval/store_bench.sh` uses it.

use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next().map(PathBuf::from) else {
        eprintln!("usage: synth FILE [EVENTS] [SEED]");
        std::process::exit(2);
    };
    let events = args
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000_000);
    let seed = args.next().and_then(|n| n.parse().ok()).unwrap_or(1);
    let start = Instant::now();
    let result = dyad_store::synth::generate(&path, events, seed, |done| {
        eprintln!("{done} events ({:.0} s)", start.elapsed().as_secs_f64());
    });
    if let Err(err) = result {
        eprintln!("synth: {err}");
        std::process::exit(1);
    }
    eprintln!(
        "{} events in {} ({:.0} s, indexes included)",
        events,
        path.display(),
        start.elapsed().as_secs_f64()
    );
}
