//! `dyad places`: every place mention of the input, resolved to a GeoNames
//! place with its country and coordinates (JSON lines, as the CLI contract
//! states).

use clap::Args;
use dyad_geo::{Gazetteer, PlaceMention};
use dyad_lexicon::Lexicon;
use serde::Serialize;

use crate::commands::code::{for_each_document, ReadArgs};
use dyad_pipeline::Pipeline;

#[derive(Args)]
pub struct PlacesArgs {
    #[command(flatten)]
    pub reading: ReadArgs,
    /// Also report local places the gazetteer does not hold, named as
    /// places by the words around them ("the village of Qarvesh", "the Zarbeki
    /// airbase"), without coordinates. The event coder always uses them.
    #[arg(long)]
    pub unlisted: bool,
}

/// One output line: the mention with its document's id.
#[derive(Serialize)]
struct Line {
    doc: String,
    #[serde(flatten)]
    mention: PlaceMention,
}

pub fn run(args: PlacesArgs) -> anyhow::Result<()> {
    let pipeline = Pipeline::new(Lexicon::builtin()?)?.with_budget(args.reading.budget()?);
    let gazetteer = Gazetteer::builtin();
    for_each_document(&args.reading, "dyad places", "place mention", |doc| {
        let (sentences, parses) = pipeline.read(doc)?;
        Ok(
            dyad_geo::document_places(gazetteer, &doc.text, &sentences, &parses)
                .into_iter()
                .filter(|mention| args.unlisted || !mention.unlisted)
                .map(|mention| Line {
                    doc: doc.id.clone(),
                    mention,
                })
                .collect(),
        )
    })
}
