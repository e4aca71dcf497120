//! `dyad times`: every temporal expression of the input, typed and resolved against its
//! document's publication date (JSON lines, as the CLI contract states).

use clap::Args;
use dyad_types::{DocError, Document, Span};
use serde::Serialize;

use crate::commands::code::{for_each_document, ReadArgs};
use dyad_pipeline::MAX_DOCUMENT_BYTES;

#[derive(Args)]
pub struct TimesArgs {
    #[command(flatten)]
    pub reading: ReadArgs,
}

/// One output line: the contract's fields, then `sentence`, `mod` and
/// `points_to` (the day an anchored duration such as "two weeks later"
/// leads to).
#[derive(Serialize)]
struct TimeLine {
    doc: String,
    sentence: usize,
    span: Span,
    text: String,
    #[serde(rename = "type")]
    kind: &'static str,
    value: String,
    #[serde(rename = "mod", skip_serializing_if = "Option::is_none")]
    modifier: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    points_to: Option<String>,
}

fn document_times(doc: &Document) -> Result<Vec<TimeLine>, DocError> {
    if doc.text.len() > MAX_DOCUMENT_BYTES {
        return Err(DocError::new(
            &doc.id,
            format!(
                "document too large: {:.1} MB of text, dyad reads documents up to {} MB; split it into articles",
                doc.text.len() as f64 / (1 << 20) as f64,
                MAX_DOCUMENT_BYTES >> 20
            ),
        ));
    }
    let times = dyad_time::extract(&doc.text, doc.date);
    Ok(times
        .into_vec()
        .into_iter()
        .map(|t| TimeLine {
            doc: doc.id.clone(),
            sentence: t.sentence,
            span: t.span,
            kind: t.kind().as_str(),
            value: t.value.to_string(),
            modifier: t.modifier.map(|m| m.as_str()),
            points_to: t.points_to.map(|p| p.to_string()),
            text: t.text,
        })
        .collect())
}

pub fn run(args: TimesArgs) -> anyhow::Result<()> {
    for_each_document(
        &args.reading,
        "dyad times",
        "temporal expression",
        document_times,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_the_contract_fields() {
        let mut doc = Document::new("seed", "The presidents met in Astana on Tuesday.");
        doc.date = "2015-05-14".parse().ok();
        let lines = document_times(&doc).unwrap();
        let json = serde_json::to_string(&lines[0]).unwrap();
        assert_eq!(
            json,
            r#"{"doc":"seed","sentence":0,"span":[32,39],"text":"Tuesday","type":"DATE","value":"2015-05-12"}"#
        );
    }

    #[test]
    fn a_document_too_large_is_an_error_line() {
        let doc = Document::new("big", "Tuesday. ".repeat(MAX_DOCUMENT_BYTES / 9 + 1));
        assert!(document_times(&doc).is_err());
    }
}
