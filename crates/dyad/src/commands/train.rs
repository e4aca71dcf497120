//! `dyad train`: Train the tagger, lemmatizer and parser from UD treebank files.

use clap::Args;

#[derive(Args)]
pub struct TrainArgs {}

pub fn run(_args: TrainArgs) -> anyhow::Result<()> {
    anyhow::bail!("`dyad train` is not built yet")
}
