//! `dyad demo`: the whole pipeline on a built-in example article.

use clap::Args;

#[derive(Args)]
pub struct DemoArgs {}

pub fn run(_args: DemoArgs) -> anyhow::Result<()> {
    anyhow::bail!("`dyad demo` is not built yet")
}
