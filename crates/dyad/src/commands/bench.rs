//! `dyad bench`: Measure sentences per second of the language layer and the whole coder.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::Context;
use clap::Args;
use dyad_nlp::conllu::read_blocks;

#[derive(Args)]
pub struct BenchArgs {
    /// Corpus: a CoNLL-U file (its word lines are used) or a text file. Default:
    /// the UD English EWT dev sentences when ../shared is present, else a
    /// built-in text of our own.
    #[arg(long, value_name = "FILE")]
    pub corpus: Option<PathBuf>,

    /// Minimum seconds per measurement.
    #[arg(long, default_value_t = 2.0)]
    pub seconds: f64,

    /// Threads for the "all cores" runs (default: one per core).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,

    /// A model file written by `dyad train` instead of the built-in model
    /// (tag and tag+parse only: `dyad code` always uses the built-in model).
    #[arg(long, value_name = "FILE")]
    pub model: Option<PathBuf>,
}

/// The EWT dev set, relative to the repository root (where `.ci/run` runs).
const SHARED_DEV: &str = "../shared/data/ud-ewt/en_ewt-ud-dev.conllu";

pub fn run(args: BenchArgs) -> anyhow::Result<()> {
    let load_start = Instant::now();
    let model = super::parse::load_model(args.model.as_deref())?;
    let load = load_start.elapsed();
    let (name, text, conllu) = corpus(args.corpus.as_deref())?;
    let sentences: Vec<Vec<String>> = if conllu {
        read_blocks(&text)
            .iter()
            .map(|b| b.words().iter().map(|w| w.to_string()).collect())
            .collect()
    } else {
        dyad_text::sentences(&text)
            .into_iter()
            .map(|s| s.tokens.into_iter().map(|t| t.text).collect())
            .collect()
    };
    let sentences: Vec<Vec<&str>> = sentences
        .iter()
        .map(|s| s.iter().map(String::as_str).collect())
        .filter(|s: &Vec<&str>| !s.is_empty())
        .collect();
    if sentences.is_empty() {
        anyhow::bail!("the corpus {name} has no sentences");
    }
    let words: usize = sentences.iter().map(Vec::len).sum();
    let threads = args
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);
    let min = Duration::from_secs_f64(args.seconds.max(0.01));
    println!(
        "corpus: {name}: {} sentences, {words} words; model load {:.1} ms; {threads} threads for the all-cores runs",
        sentences.len(),
        load.as_secs_f64() * 1e3
    );
    println!(
        "{:<12} {:>16} {:>16}",
        "stage",
        "1 thread",
        format!("{threads} threads")
    );
    let tag = |s: &Vec<&str>| {
        std::hint::black_box(model.tag(s));
    };
    let parse = |s: &Vec<&str>| {
        std::hint::black_box(model.parse(s));
    };
    type Stage<'a> = &'a (dyn Fn(&Vec<&str>) + Sync);
    for (stage, f) in [("tag", &tag as Stage), ("tag+parse", &parse as Stage)] {
        let one = measure(&sentences, 1, min, f);
        let all = measure(&sentences, threads, min, f);
        println!("{stage:<12} {:>12.0} s/s {:>12.0} s/s", one, all);
    }
    if args.model.is_some() {
        // The coding pipeline parses with the built-in model.
        println!("code         (not measured with --model)");
    } else {
        match pipeline_bench(&sentences, threads, min)? {
            Some((one, all)) => println!("{:<12} {:>12.0} s/s {:>12.0} s/s", "code", one, all),
            None => println!("code         (not measured)"),
        }
    }
    println!("(s/s = sentences per second)");
    Ok(())
}

/// Hook for the whole `dyad code` pipeline: codes each corpus sentence as a
/// one-sentence document with the built-in lexicon.
fn pipeline_bench(
    sentences: &[Vec<&str>],
    threads: usize,
    min: Duration,
) -> anyhow::Result<Option<(f64, f64)>> {
    let lexicon = match dyad_lexicon::Lexicon::load(&dyad_lexicon::LexiconFiles::default()) {
        Ok((lexicon, _)) => lexicon,
        Err(_) => return Ok(None),
    };
    let pipeline = dyad_pipeline::Pipeline::new(lexicon)?;
    let docs: Vec<dyad_types::Document> = sentences
        .iter()
        .enumerate()
        .map(|(i, s)| dyad_types::Document::new(i.to_string(), s.join(" ")))
        .collect();
    let code = |d: &dyad_types::Document| {
        let _ = std::hint::black_box(pipeline.code_document(d));
    };
    let one = measure(&docs, 1, min, &code);
    let all = measure(&docs, threads, min, &code);
    Ok(Some((one, all)))
}

/// Items per second: every thread runs through the whole list, again and
/// again, until `min` has passed.
fn measure<T: Sync>(items: &[T], threads: usize, min: Duration, f: &(dyn Fn(&T) + Sync)) -> f64 {
    // Warm-up: page in the model and fill the caches.
    for item in items.iter().take(200) {
        f(item);
    }
    let start = Instant::now();
    let done: usize = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut n = 0;
                    while start.elapsed() < min {
                        for item in items {
                            f(item);
                        }
                        n += items.len();
                    }
                    n
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap_or(0)).sum()
    });
    done as f64 / start.elapsed().as_secs_f64()
}

/// The corpus text, its name, and whether it is CoNLL-U.
fn corpus(path: Option<&Path>) -> anyhow::Result<(String, String, bool)> {
    let path = match path {
        Some(p) => Some(p.to_path_buf()),
        None => Some(PathBuf::from(SHARED_DEV)).filter(|p| p.exists()),
    };
    match path {
        Some(p) => {
            let text = std::fs::read_to_string(&p)
                .with_context(|| format!("cannot read corpus {}", p.display()))?;
            let conllu = p.extension().is_some_and(|e| e == "conllu");
            Ok((p.display().to_string(), text, conllu))
        }
        None => Ok((
            "built-in text".to_string(),
            dyad_nlp::BENCH_TEXT.to_string(),
            false,
        )),
    }
}
