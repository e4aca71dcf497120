//! `dyad extract`: Extract articles (text, title, date, …) from web pages and WARC archives.

use clap::Args;

#[derive(Args)]
pub struct ExtractArgs {}

pub fn run(_args: ExtractArgs) -> anyhow::Result<()> {
    anyhow::bail!("`dyad extract` is not built yet")
}
