//! `dyad actors`: every actor mention of the input, in an event or not, with
//! its span, code and the basis that decided it (JSON lines, as the CLI
//! contract states).

use clap::Args;

use crate::commands::code::{for_each_document, load_lexicon, DictionaryArgs, ReadArgs};
use dyad_pipeline::Pipeline;

#[derive(Args)]
pub struct ActorsArgs {
    #[command(flatten)]
    pub dictionaries: DictionaryArgs,

    #[command(flatten)]
    pub reading: ReadArgs,
}

pub fn run(args: ActorsArgs) -> anyhow::Result<()> {
    let pipeline =
        Pipeline::new(load_lexicon(&args.dictionaries)?)?.with_budget(args.reading.budget()?);
    for_each_document(&args.reading, "dyad actors", "actor mention", |doc| {
        pipeline.document_actors(doc)
    })
}
