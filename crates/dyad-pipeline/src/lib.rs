//! The coding pipeline as a library: documents → sentences → parses → the
//! document coder, and the batching that spreads documents over threads.
//!
//! [`Pipeline`] holds what is loaded once (the parser model and the coder with
//! its lexicon) and is shared by all threads. [`Batches`] reads documents a
//! bounded batch at a time and works on each batch over threads with work
//! stealing ([`map_in_order`]): results come back in input order, and a
//! document that cannot be coded is an `Err(DocError)` item — data, never a
//! stopped run. `dyad code`, `dyad actors`, `dyad ingest` and `dyad bench`
//! all go through here; the command line only reads arguments and writes.

mod batch;
mod budget;

use std::time::Duration;

use dyad_events::Coder;
use dyad_lexicon::Lexicon;
use dyad_nlp::Model;
use dyad_types::{ActorMention, DocError, Document, Event, ParsedSentence, Sentence};

pub use batch::{default_threads, map_in_order, Batches, BATCH_DOCUMENTS};
pub use budget::DEFAULT_DOCUMENT_BUDGET;

use budget::Clock;

/// The largest document text coded, in bytes. A news article is a few
/// kilobytes; anything this large is a concatenation or a mistake, and is
/// reported rather than coded for minutes in one piece.
pub const MAX_DOCUMENT_BYTES: usize = 8 << 20;

/// Why a pipeline could not be built.
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    #[error("cannot load the built-in parser model: {0}")]
    Model(#[from] dyad_nlp::NlpError),
}

/// Everything needed to code documents, loaded once and shared by all threads.
pub struct Pipeline {
    model: Model,
    coder: Coder,
    /// CPU time one document may take ([`DEFAULT_DOCUMENT_BUDGET`]); `None`
    /// is no limit.
    budget: Option<Duration>,
}

impl Pipeline {
    /// The pipeline with the built-in parser model and `lexicon`.
    pub fn new(lexicon: Lexicon) -> Result<Pipeline, PipelineError> {
        let model = Model::embedded()?;
        // The gazetteer is read now, not inside the first document's budget.
        dyad_geo::Gazetteer::builtin();
        Ok(Pipeline {
            model,
            coder: Coder::new(lexicon),
            budget: Some(DEFAULT_DOCUMENT_BUDGET),
        })
    }

    /// The same pipeline with another time budget per document (`None`: no
    /// limit). A document over it is an error item, not a slow run.
    pub fn with_budget(mut self, budget: Option<Duration>) -> Pipeline {
        self.budget = budget;
        self
    }

    /// The coder (and through it the lexicon) this pipeline codes with.
    pub fn coder(&self) -> &Coder {
        &self.coder
    }

    /// All events of one document, in sentence order.
    pub fn code_document(&self, doc: &Document) -> Result<Vec<Event>, DocError> {
        let clock = Clock::start(self.budget);
        let (sentences, parses) = self.read_within(doc, &clock)?;
        self.coder
            .code_document_until(doc, &sentences, &parses, &|| clock.over())
            .ok_or_else(|| clock.error(&doc.id, "coding events"))
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

    /// Codes a batch of documents on `threads` threads: one result per item,
    /// in the items' order; an `Err` item stays an error.
    pub fn code_batch(
        &self,
        docs: &[Result<Document, DocError>],
        threads: usize,
    ) -> Vec<Result<Vec<Event>, DocError>> {
        map_in_order(docs, threads, |item| match item {
            Ok(doc) => self.code_document(doc),
            Err(err) => Err(err.clone()),
        })
    }

    /// The document's sentences and their parses.
    pub fn read(&self, doc: &Document) -> Result<(Vec<Sentence>, Vec<ParsedSentence>), DocError> {
        self.read_within(doc, &Clock::start(self.budget))
    }

    /// [`Pipeline::read`] on `clock`: an error once the budget is spent.
    fn read_within(
        &self,
        doc: &Document,
        clock: &Clock,
    ) -> Result<(Vec<Sentence>, Vec<ParsedSentence>), DocError> {
        check_size(doc)?;
        let sentences = dyad_text::sentences(&doc.text);
        let mut words: Vec<&str> = Vec::new();
        let mut parses = Vec::with_capacity(sentences.len());
        for (i, sentence) in sentences.iter().enumerate() {
            if clock.over() {
                let stage = format!("parsing sentence {} of {}", i + 1, sentences.len());
                return Err(clock.error(&doc.id, &stage));
            }
            words.clear();
            words.extend(sentence.tokens.iter().map(|t| t.text.as_str()));
            parses.push(if words.is_empty() {
                ParsedSentence::default()
            } else {
                self.model.parse(&words)
            });
        }
        Ok((sentences, parses))
    }
}

/// An error when the document is larger than [`MAX_DOCUMENT_BYTES`]: such
/// a document is reported, not coded.
pub fn check_size(doc: &Document) -> Result<(), DocError> {
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
    Ok(())
}
