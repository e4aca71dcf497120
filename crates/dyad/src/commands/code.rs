//! `dyad code`: documents in, events out.

use clap::Args;

#[derive(Args)]
pub struct CodeArgs {}

pub fn run(_args: CodeArgs) -> anyhow::Result<()> {
    anyhow::bail!("`dyad code` is not built yet")
}
