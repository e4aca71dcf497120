//! English language layer: part-of-speech tagger, lemmatizer and dependency parser trained on UD English EWT.
//!
//! The stages run in order on a sentence's words: the [tagger](tagger)
//! predicts the (Penn XPOS, UPOS) pair of every word, the [parser](biaffine)
//! (a BiLSTM with a biaffine arc scorer) builds a labeled dependency tree (UD
//! relations) and revises the part of speech, and the [lemmatizer](lemma)
//! maps (form, tag) to a lemma. A model may carry the older greedy
//! [transition parser](parser) (with an optional [supertagger](supertagger))
//! instead. The tagger and the transition parser are linear models over hashed
//! features; the network's matrices are in [`dense`]. The trained model is
//! embedded in the binary ([`Model::embedded`]).
//!
//! Invariant: [`Model::parse`] never fails and never panics on any input; its
//! result has one word per input word, exactly one root, every head in range
//! and no cycles.

mod biaffine;
mod codec;
pub mod conllu;
mod dense;
mod eisner;
mod hash;
mod lemma;
mod linear;
mod parser;
mod supertagger;
mod tagger;
pub mod train;

use std::cell::RefCell;
use std::sync::OnceLock;

use dyad_types::{ParsedSentence, ParsedWord, Upos};

use crate::biaffine::{Activations, Biaffine};
use crate::codec::{Reader, Writer};
use crate::lemma::Lemmatizer;
use crate::parser::{Parser, State};
use crate::tagger::{Scratch, Tagger, Tok};

/// Errors of the language layer.
#[derive(Debug, Clone, thiserror::Error)]
pub enum NlpError {
    /// The model data is missing, truncated or inconsistent.
    #[error("bad model data: {0}")]
    Model(String),
    /// Training could not run (no data, bad treebank).
    #[error("training failed: {0}")]
    Training(String),
}

/// The model file embedded in the binary (derived from UD English EWT, CC BY-SA 4.0).
static EMBEDDED: &[u8] = include_bytes!("../models/en_ewt.bin");

const MAGIC: &[u8] = b"DYADNLP2";

/// A few paragraphs of news-like English (written for dyad) for benchmarks
/// and tests that must run without the treebank.
pub const BENCH_TEXT: &str = include_str!("../fixtures/bench.txt");

/// The tagger, lemmatizer and parser together. Cheap to share by reference
/// across threads (`Send + Sync`); each thread keeps its own scratch buffers.
#[derive(Debug, Clone)]
pub struct Model {
    /// Tag id → (UPOS, Penn XPOS).
    tags: Vec<(Upos, String)>,
    tagger: Tagger,
    lemmatizer: Lemmatizer,
    parser: Syntax,
    /// Free text describing how the model was trained (and its dev scores).
    info: String,
}

/// The dependency parser of a model: the transition parser over hashed
/// features, or the neural graph-based one.
#[derive(Debug, Clone)]
enum Syntax {
    Transition(Parser),
    Biaffine(Box<Biaffine>),
}

impl Syntax {
    fn labels(&self) -> &[String] {
        match self {
            Syntax::Transition(p) => &p.labels,
            Syntax::Biaffine(p) => &p.labels,
        }
    }
}

/// A word's part of speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tag<'a> {
    pub upos: Upos,
    /// Penn Treebank tag.
    pub xpos: &'a str,
}

#[derive(Default)]
struct Workspace {
    chars: Vec<char>,
    toks: Vec<Tok>,
    tags: Vec<u16>,
    words: Vec<[u64; 2]>,
    scratch: Scratch,
    state: State,
    activations: Activations,
    head_tags: Vec<u16>,
}

thread_local! {
    static WORKSPACE: RefCell<Workspace> = RefCell::new(Workspace::default());
}

impl Model {
    /// Loads the model embedded in the binary.
    pub fn embedded() -> Result<Model, NlpError> {
        Model::from_bytes(EMBEDDED)
    }

    /// The embedded model, loaded once per process on first use.
    pub fn shared() -> Result<&'static Model, NlpError> {
        static SHARED: OnceLock<Result<Model, NlpError>> = OnceLock::new();
        SHARED
            .get_or_init(Model::embedded)
            .as_ref()
            .map_err(Clone::clone)
    }

    /// Reads a model written by [`Model::to_bytes`].
    pub fn from_bytes(data: &[u8]) -> Result<Model, NlpError> {
        let mut r = Reader::new(data);
        r.expect_tag(MAGIC)?;
        let info = r.str()?;
        let n = r.len()?;
        let mut tags = Vec::with_capacity(n);
        for _ in 0..n {
            let upos = r.str()?;
            let upos = Upos::parse(&upos)
                .ok_or_else(|| NlpError::Model(format!("unknown UPOS {upos:?}")))?;
            tags.push((upos, r.str()?));
        }
        r.expect_tag(b"TAGGER")?;
        let tagger = Tagger::read(&mut r)?;
        r.expect_tag(b"LEMMAS")?;
        let lemmatizer = Lemmatizer::read(&mut r)?;
        let parser = if r.next_is(b"BIAFFINE") {
            Syntax::Biaffine(Box::new(Biaffine::read(&mut r)?))
        } else {
            r.expect_tag(b"PARSER")?;
            Syntax::Transition(Parser::read(&mut r)?)
        };
        let parser_tags = match &parser {
            Syntax::Biaffine(p) => p.n_tags(),
            Syntax::Transition(_) => tags.len(),
        };
        if tagger.model.n_classes() != tags.len()
            || parser_tags != tags.len()
            || tags.len() >= usize::from(u16::MAX)
        {
            return Err(NlpError::Model(
                "tagger classes do not match the tag set".into(),
            ));
        }
        Ok(Model {
            tags,
            tagger,
            lemmatizer,
            parser,
            info,
        })
    }

    /// Serializes the model (the format [`Model::from_bytes`] reads).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::default();
        w.buf.extend_from_slice(MAGIC);
        w.str(&self.info);
        w.len(self.tags.len());
        for (u, x) in &self.tags {
            w.str(u.as_str());
            w.str(x);
        }
        w.buf.extend_from_slice(b"TAGGER");
        self.tagger.write(&mut w);
        w.buf.extend_from_slice(b"LEMMAS");
        self.lemmatizer.write(&mut w);
        match &self.parser {
            Syntax::Transition(p) => {
                w.buf.extend_from_slice(b"PARSER");
                p.write(&mut w);
            }
            Syntax::Biaffine(p) => {
                w.buf.extend_from_slice(b"BIAFFINE");
                p.write(&mut w);
            }
        }
        w.buf
    }

    /// How the model was trained, with its development-set scores.
    pub fn info(&self) -> &str {
        &self.info
    }

    /// In-memory size of each linear model, for reports.
    pub fn component_bytes(&self) -> Vec<(&'static str, usize)> {
        let (supertagger, parser) = match &self.parser {
            Syntax::Transition(p) => (
                p.supertagger.as_ref().map_or(0, |s| s.model.bytes()),
                p.model.bytes(),
            ),
            Syntax::Biaffine(p) => (0, p.bytes()),
        };
        vec![
            ("tagger, first pass", self.tagger.model.bytes()),
            (
                "tagger, second pass",
                self.tagger.model2.as_ref().map_or(0, |m| m.bytes()),
            ),
            ("supertagger", supertagger),
            ("parser", parser),
        ]
    }

    /// A copy that tags in one pass only (faster, slightly less accurate).
    pub fn single_pass(&self) -> Model {
        let mut m = self.clone();
        m.tagger.model2 = None;
        m
    }

    /// The dependency labels the parser can produce.
    pub fn labels(&self) -> &[String] {
        self.parser.labels()
    }

    fn tag_ids(&self, ws: &mut Workspace, words: &[&str]) {
        let Workspace {
            chars,
            toks,
            tags,
            scratch,
            ..
        } = ws;
        toks.clear();
        toks.extend(words.iter().map(|w| tagger::tok(w, chars)));
        self.tagger.prepare(toks);
        self.tagger.tag(toks, tags, scratch);
    }

    fn tag_of(&self, id: u16) -> (Upos, &str) {
        match self.tags.get(usize::from(id)) {
            Some((u, x)) => (*u, x.as_str()),
            None => (Upos::X, "XX"),
        }
    }

    /// Part-of-speech tags of a sentence's words.
    pub fn tag(&self, words: &[&str]) -> Vec<Tag<'_>> {
        WORKSPACE.with(|ws| {
            let mut ws = ws.borrow_mut();
            self.tag_ids(&mut ws, words);
            ws.tags
                .iter()
                .map(|&t| {
                    let (upos, xpos) = self.tag_of(t);
                    Tag { upos, xpos }
                })
                .collect()
        })
    }

    /// Tags, lemmatizes and parses a sentence's words: one [`ParsedWord`] per
    /// word, heads 0-based (`None` for the single root).
    pub fn parse(&self, words: &[&str]) -> ParsedSentence {
        if words.is_empty() {
            return ParsedSentence::default();
        }
        WORKSPACE.with(|ws| {
            let mut ws = ws.borrow_mut();
            self.tag_ids(&mut ws, words);
            let Workspace {
                toks,
                tags,
                words: hashes,
                scratch,
                state,
                activations,
                head_tags,
                ..
            } = &mut *ws;
            let (heads, labels) = match &self.parser {
                Syntax::Transition(p) => {
                    hashes.clear();
                    hashes.extend(toks.iter().map(|t| [t.lower, t.amb]));
                    p.parse(toks, hashes, tags, state, scratch)
                }
                Syntax::Biaffine(p) => {
                    let parsed = p.parse(toks, tags, head_tags, activations);
                    // The tagging head decides the part of speech; where it
                    // agrees with the tagger on it, the tagger's Penn tag is
                    // kept (the head, for one, takes the subjunctive in
                    // "demanded that Hamas renounce" for a present tense).
                    for (t, &h) in tags.iter_mut().zip(head_tags.iter()) {
                        if self.tag_of(h).0 != self.tag_of(*t).0 {
                            *t = h;
                        }
                    }
                    parsed
                }
            };
            let words = words
                .iter()
                .zip(tags.iter())
                .zip(heads.into_iter().zip(labels))
                .map(|((w, &t), (head, l))| {
                    let (upos, xpos) = self.tag_of(t);
                    ParsedWord {
                        lemma: self.lemmatizer.lemma(w, t),
                        upos,
                        xpos: xpos.to_string(),
                        head,
                        deprel: self
                            .parser
                            .labels()
                            .get(usize::from(l))
                            .cloned()
                            .unwrap_or_else(|| "dep".to_string()),
                    }
                })
                .collect();
            ParsedSentence { words }
        })
    }
}
