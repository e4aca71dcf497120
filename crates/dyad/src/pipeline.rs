//! The coding pipeline: text → sentences → parses → the document coder.

use dyad_events::Coder;
use dyad_lexicon::Lexicon;
use dyad_nlp::Model;
use dyad_types::{ActorMention, DocError, Document, Event, ParsedSentence, Sentence};

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
        let (sentences, parses) = self.read(doc)?;
        Ok(self.coder.code_document(doc, &sentences, &parses))
    }

    /// Every actor mention of one document, with its code and basis.
    pub fn document_actors(&self, doc: &Document) -> Result<Vec<ActorMention>, DocError> {
        let (sentences, parses) = self.read(doc)?;
        Ok(self.coder.document_actors(doc, &sentences, &parses))
    }

    /// Why the document (or its sentence `only`) codes as it does, for people.
    pub fn explain(&self, doc: &Document, only: Option<usize>) -> Result<String, DocError> {
        let (sentences, parses) = self.read(doc)?;
        Ok(self.coder.explain(doc, &sentences, &parses, only))
    }

    /// The document's sentences and their parses.
    pub fn read(&self, doc: &Document) -> Result<(Vec<Sentence>, Vec<ParsedSentence>), DocError> {
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
        let sentences = dyad_text::sentences(&doc.text);
        let mut words: Vec<&str> = Vec::new();
        let parses = sentences
            .iter()
            .map(|sentence| {
                words.clear();
                words.extend(sentence.tokens.iter().map(|t| t.text.as_str()));
                if words.is_empty() {
                    ParsedSentence::default()
                } else {
                    self.model.parse(&words)
                }
            })
            .collect();
        Ok((sentences, parses))
    }
}
