//! The coding pipeline: text → sentences → parses → events, for one document at a time.

use dyad_events::Coder;
use dyad_lexicon::Lexicon;
use dyad_nlp::Model;
use dyad_types::{DocError, Document, Event};

/// The largest document text coded, in bytes. A news article is a few
/// kilobytes; anything this large is a concatenation or a mistake, and is
/// reported rather than coded for minutes in one piece.
pub const MAX_DOCUMENT_BYTES: usize = 8 << 20;

/// Everything needed to code documents, loaded once and shared by all threads.
pub struct Pipeline {
    model: Model,
    coder: Coder,
}

impl Pipeline {
    pub fn new(lexicon: Lexicon) -> anyhow::Result<Pipeline> {
        let model = Model::embedded()?;
        Ok(Pipeline {
            model,
            coder: Coder::new(lexicon),
        })
    }

    /// All events of one document, in sentence order.
    pub fn code_document(&self, doc: &Document) -> Result<Vec<Event>, DocError> {
        if doc.text.len() > MAX_DOCUMENT_BYTES {
            return Err(DocError::new(
                &doc.id,
                format!(
                    "document too large: {:.1} MB of text, dyad codes documents up to {} MB; split it into articles",
                    doc.text.len() as f64 / (1 << 20) as f64,
                    MAX_DOCUMENT_BYTES >> 20
                ),
            ));
        }
        let mut events = Vec::new();
        let mut words: Vec<&str> = Vec::new();
        for sentence in &dyad_text::sentences(&doc.text) {
            words.clear();
            words.extend(sentence.tokens.iter().map(|t| t.text.as_str()));
            if words.is_empty() {
                continue;
            }
            let parse = self.model.parse(&words);
            events.extend(self.coder.code_sentence(doc, sentence, &parse));
        }
        Ok(events)
    }
}
