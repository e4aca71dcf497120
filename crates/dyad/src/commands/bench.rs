//! `dyad bench`: Measure sentences per second of the language layer and the whole coder.

use clap::Args;

#[derive(Args)]
pub struct BenchArgs {}

pub fn run(_args: BenchArgs) -> anyhow::Result<()> {
    anyhow::bail!("`dyad bench` is not built yet")
}
