//! `dyad train`: Train the tagger, lemmatizer and parser from UD treebank files.

use std::path::PathBuf;

use anyhow::Context;
use clap::Args;
use dyad_nlp::conllu::read_treebank;
use dyad_nlp::train::{evaluate, train, TrainConfig};

#[derive(Args)]
pub struct TrainArgs {
    /// Training treebank (CoNLL-U), e.g. ../shared/data/ud-ewt/en_ewt-ud-train.conllu.
    #[arg(long, value_name = "FILE")]
    pub train: PathBuf,

    /// Development treebank (CoNLL-U) for choosing the number of epochs.
    #[arg(long, value_name = "FILE")]
    pub dev: PathBuf,

    /// Directory for the model file (en_ewt.bin) and its dev scores (dev_scores.txt).
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,

    /// Random seed (shuffling, exploration); the same seed gives the same model.
    #[arg(long, default_value_t = TrainConfig::default().seed)]
    pub seed: u64,

    /// Maximum parser epochs (the best on the dev set is kept).
    #[arg(long, default_value_t = TrainConfig::default().parser_epochs)]
    pub epochs: usize,

    /// Maximum tagger epochs (the best on the dev set is kept).
    #[arg(long, default_value_t = TrainConfig::default().tagger_epochs)]
    pub tagger_epochs: usize,

    /// Also train a supertagger whose guesses the parser uses: about half a
    /// point more LAS, tag + parse a third slower.
    #[arg(long)]
    pub supertags: bool,

    /// Drop tagger weights smaller than this (model size against accuracy).
    #[arg(long, default_value_t = TrainConfig::default().tagger_prune)]
    pub tagger_prune: f64,

    /// Drop supertagger weights smaller than this.
    #[arg(long, default_value_t = TrainConfig::default().supertagger_prune)]
    pub supertagger_prune: f64,

    /// Drop parser weights smaller than this.
    #[arg(long, default_value_t = TrainConfig::default().parser_prune)]
    pub parser_prune: f64,
}

pub fn run(args: TrainArgs) -> anyhow::Result<()> {
    let read = |p: &PathBuf| -> anyhow::Result<_> {
        let text = std::fs::read_to_string(p)
            .with_context(|| format!("cannot read treebank {}", p.display()))?;
        Ok(read_treebank(&text))
    };
    let train_set = read(&args.train)?;
    let dev_set = read(&args.dev)?;
    let cfg = TrainConfig {
        seed: args.seed,
        parser_epochs: args.epochs,
        tagger_epochs: args.tagger_epochs,
        supertags: args.supertags,
        tagger_prune: args.tagger_prune,
        tagger2_prune: args.tagger_prune,
        supertagger_prune: args.supertagger_prune,
        parser_prune: args.parser_prune,
        ..TrainConfig::default()
    };
    let (model, scores) = train(&train_set, &dev_set, &cfg, |line| eprintln!("{line}"))?;
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("cannot create {}", args.out.display()))?;
    let bytes = model.to_bytes();
    let path = args.out.join("en_ewt.bin");
    std::fs::write(&path, &bytes).with_context(|| format!("cannot write {}", path.display()))?;
    // Re-read the written file so the printed scores are those of what was saved.
    let saved = dyad_nlp::Model::from_bytes(&bytes)?;
    let check = evaluate(&saved, &dev_set);
    let scores_path = args.out.join("dev_scores.txt");
    std::fs::write(
        &scores_path,
        format!("upos {:.2}\nlas {:.2}\n", check.upos, check.las),
    )
    .with_context(|| format!("cannot write {}", scores_path.display()))?;
    println!("model: {} ({} bytes)", path.display(), bytes.len());
    for (part, size) in saved.component_bytes() {
        if size > 0 {
            println!("  {part}: {:.1} MB", size as f64 / 1e6);
        }
    }
    println!("dev: {scores}");
    if check != scores {
        println!("dev (saved model): {check}");
    }
    Ok(())
}
