//! `dyad demo`: the whole pipeline on a built-in example article of our own writing.

use std::io::{self, BufWriter, Write};

use anyhow::Context;
use clap::Args;
use dyad_lexicon::Lexicon;
use dyad_types::{Date, Document};

use crate::output::write_json_line;
use dyad_pipeline::Pipeline;

/// A wire story written for dyad: a diplomatic visit, sanctions, an accusation.
const ARTICLE: &str = include_str!("../demo/article.txt");

#[derive(Args)]
pub struct DemoArgs {
    /// Print the article before its events.
    #[arg(long)]
    pub show_text: bool,
}

pub fn run(args: DemoArgs) -> anyhow::Result<()> {
    let pipeline = Pipeline::new(Lexicon::builtin()?)?;
    let mut doc = Document::new("demo", ARTICLE);
    doc.title = Some("Kerry meets Putin in Sochi as West weighs new sanctions".to_string());
    doc.date = Date::new(2015, 5, 13);

    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    if args.show_text {
        writeln!(out, "{ARTICLE}")?;
    }
    let events = pipeline
        .code_document(&doc)
        .map_err(|err| anyhow::anyhow!("{err}"))?;
    for event in &events {
        write_json_line(&mut out, event).context("writing events")?;
    }
    out.flush()?;
    Ok(())
}
