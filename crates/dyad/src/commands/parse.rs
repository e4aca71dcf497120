//! `dyad parse`: Parse text or CoNLL-U into CoNLL-U (tags, lemmas, dependencies).

use clap::Args;

#[derive(Args)]
pub struct ParseArgs {}

pub fn run(_args: ParseArgs) -> anyhow::Result<()> {
    anyhow::bail!("`dyad parse` is not built yet")
}
