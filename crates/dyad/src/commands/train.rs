//! `dyad train`: Train the tagger, lemmatizer and parser from UD treebank files.

use std::path::PathBuf;

use anyhow::Context;
use clap::Args;
use dyad_nlp::conllu::read_treebank;
use dyad_nlp::train::{evaluate, train, NeuralConfig, NeuralDims, TrainConfig};

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

    /// Transition parser: maximum epochs (the best on the dev set is kept).
    #[arg(long, default_value_t = TrainConfig::default().parser_epochs)]
    pub epochs: usize,

    /// Maximum tagger epochs (the best on the dev set is kept).
    #[arg(long, default_value_t = TrainConfig::default().tagger_epochs)]
    pub tagger_epochs: usize,

    /// Transition parser: also train a supertagger whose guesses the parser
    /// uses (about half a point more LAS, a third slower).
    #[arg(long)]
    pub supertags: bool,

    /// Drop tagger weights smaller than this (model size against accuracy).
    #[arg(long, default_value_t = TrainConfig::default().tagger_prune)]
    pub tagger_prune: f64,

    /// Drop supertagger weights smaller than this.
    #[arg(long, default_value_t = TrainConfig::default().supertagger_prune)]
    pub supertagger_prune: f64,

    /// Transition parser: drop weights smaller than this.
    #[arg(long, default_value_t = TrainConfig::default().parser_prune)]
    pub parser_prune: f64,

    /// Tag in one pass (the second pass, on the words the first was least sure
    /// of, is left out: faster, slightly less accurate).
    #[arg(long)]
    pub single_pass_tagger: bool,

    /// Which dependency parser to train: `neural` (BiLSTM + biaffine arc
    /// scorer, the built-in one) or `transition` (greedy arc-eager perceptron:
    /// less accurate; the `--supertags` and `--parser-prune` options are its).
    #[arg(long, value_enum, default_value = "neural")]
    pub parser: ParserKind,

    /// Neural parser: maximum epochs (the best on the dev set is kept).
    #[arg(long, default_value_t = NeuralConfig::default().epochs)]
    pub neural_epochs: usize,

    /// Neural parser: LSTM state size of each direction.
    #[arg(long, default_value_t = NeuralDims::default().hidden)]
    pub lstm_hidden: usize,

    /// Neural parser: stacked BiLSTM layers.
    #[arg(long, default_value_t = NeuralDims::default().layers)]
    pub lstm_layers: usize,

    /// Neural parser: size of the arc scorer's layers.
    #[arg(long, default_value_t = NeuralDims::default().arc)]
    pub arc_dim: usize,

    /// Neural parser: size of the relation scorer's layers.
    #[arg(long, default_value_t = NeuralDims::default().rel)]
    pub rel_dim: usize,

    /// Neural parser: word embedding size.
    #[arg(long, default_value_t = NeuralDims::default().word)]
    pub word_dim: usize,

    /// Neural parser: dropout of inputs and LSTM outputs.
    #[arg(long, default_value_t = NeuralConfig::default().dropout)]
    pub dropout: f32,

    /// Neural parser: Adam learning rate.
    #[arg(long, default_value_t = NeuralConfig::default().lr)]
    pub lr: f32,

    /// Neural parser: decay of the moving average of the weights that is kept (0: none).
    #[arg(long, default_value_t = NeuralConfig::default().average)]
    pub average: f32,

    /// Neural parser: sentences per update.
    #[arg(long, default_value_t = NeuralConfig::default().batch)]
    pub batch: usize,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ParserKind {
    Neural,
    Transition,
}

pub fn run(args: TrainArgs) -> anyhow::Result<()> {
    let read = |p: &PathBuf| -> anyhow::Result<_> {
        let text = std::fs::read_to_string(p)
            .with_context(|| format!("cannot read treebank {}", p.display()))?;
        Ok(read_treebank(&text))
    };
    if args.supertags && args.parser == ParserKind::Neural {
        anyhow::bail!("--supertags is an option of the transition parser: add --parser transition");
    }
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
        two_pass: !args.single_pass_tagger,
        neural: (args.parser == ParserKind::Neural).then(|| NeuralConfig {
            dims: NeuralDims {
                hidden: args.lstm_hidden,
                layers: args.lstm_layers,
                arc: args.arc_dim,
                rel: args.rel_dim,
                word: args.word_dim,
                ..NeuralDims::default()
            },
            epochs: args.neural_epochs,
            dropout: args.dropout,
            lr: args.lr,
            batch: args.batch,
            average: args.average,
            ..NeuralConfig::default()
        }),
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
