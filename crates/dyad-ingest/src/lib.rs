//! Ingestion: reads text, JSON lines, HTML pages and WARC archives into documents.
//!
//! The entry points are [`read_items`] and [`read_inputs`]: they check that
//! every input exists (a missing file is an [`IngestError`], which the CLI
//! turns into exit status 2) and then return a lazy stream that reads one
//! document at a time, so that memory does not grow with the size of a
//! `.jsonl` file, a WARC archive or a directory tree.
//!
//! Problems with single documents never stop the stream. [`read_items`]
//! yields one typed [`Item`] per thing read: [`Item::Document`],
//! [`Item::Warning`] (a note about the document that comes right after it:
//! invalid UTF-8 decoded lossily, a JSON field of the wrong type dropped) or
//! [`Item::Error`] (a document, record or line that could not be read).
//! [`read_inputs`] yields the same as `Result<Document, DocError>`: errors and
//! warnings are both `Err`, a warning's message starting with
//! [`WARNING_PREFIX`], so that a caller that prints every error and codes
//! every document does the right thing without knowing about warnings.
//! [`Documents::on_warning`] routes warnings to a callback instead.
//! [`Documents::summary`] counts documents read, skipped (by kind) and
//! failed, and warnings.
//!
//! Input kinds, chosen by file name:
//! - `.txt` — one document, id = file stem;
//! - `.jsonl`/`.ndjson` — one document per line (`{"id","text"|"html","date","title","url"}`);
//! - `.html`/`.htm` — one page, main content extracted ([`html`]);
//! - `.warc`/`.warc.gz` — response records with HTML payloads ([`warc`]);
//! - any of these with `.gz` appended — gzip-compressed;
//! - a directory — every such file inside, sorted, recursively (other files
//!   are skipped and counted; `urls.tsv` gives page URLs);
//! - `-` or no input — standard input, told by its first bytes ([`sniff`]):
//!   gzip (decompressed and told again), a WARC archive (`WARC/1.x`), JSON
//!   lines (`{`), an HTML page (`<` and a letter, `!` or `?`), else one text
//!   document; a single document from standard input has id `stdin`.
//!
//! A file given explicitly whose kind its name does not tell is told by its
//! first bytes, as standard input is.
//!
//! Plain text is cleaned of scraping debris ([`clean`]; `Documents::clean_text`
//! turns it off). HTML pages (files, WARC records, JSON lines with `html`)
//! are extracted on a pool of worker threads ([`html::Extractor`];
//! `Documents::threads`) while the stream reads ahead; documents still come
//! out in input order. See `docs/extraction.md` for the rules and figures.

pub mod clean;
pub mod decode;
pub mod gzip;
pub mod html;
mod jsonl;
pub mod names;
mod sniff;
mod source;
pub mod warc;

use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;

use dyad_types::{Date, DocError, Document};
use serde::Serialize;

pub use source::Documents;

/// One input named on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// Standard input (`-`).
    Stdin,
    /// A file or a directory.
    Path(PathBuf),
}

impl Input {
    /// `-` is standard input; anything else is a path.
    pub fn from_arg(arg: &str) -> Input {
        if arg == "-" {
            Input::Stdin
        } else {
            Input::Path(PathBuf::from(arg))
        }
    }
}

/// Settings for reading documents.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// The publication date of documents that carry none (`--date`).
    pub default_date: Option<Date>,
    /// The longest text document the caller will use, in bytes: a longer
    /// text file (or standard input) is an error, read no further than
    /// this, so that memory stays bounded. `None`: up to
    /// [`source::MAX_TEXT_BYTES`], the rest cut with a warning.
    pub max_text_bytes: Option<u64>,
}

/// An input that cannot be used at all: the run should not start.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("{}: no such file or directory; check the path", .0.display())]
    NotFound(PathBuf),
    #[error("{}: cannot be read ({source}); check its permissions", path.display())]
    Unreadable {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// Checks every input exists and is readable (a missing file is an
/// [`IngestError`]; the CLI exits 2), then streams documents one at a time.
/// No inputs means standard input.
pub fn read_inputs(inputs: Vec<Input>, options: ReadOptions) -> Result<Documents, IngestError> {
    let inputs = if inputs.is_empty() {
        vec![Input::Stdin]
    } else {
        inputs
    };
    for input in &inputs {
        if let Input::Path(path) = input {
            source::check_readable(path)?;
        }
    }
    Ok(Documents::new(inputs, options))
}

/// Like [`read_inputs`], but the stream yields typed [`Item`]s: documents,
/// warnings and errors told apart by their type, not by a message prefix.
pub fn read_items(inputs: Vec<Input>, options: ReadOptions) -> Result<Items, IngestError> {
    read_inputs(inputs, options).map(Documents::items)
}

/// One thing the stream read.
#[derive(Debug, Clone, PartialEq)]
pub enum Item<D = Document> {
    /// A document (or, from [`Items::next_article`], an article).
    Document(D),
    /// A note about the document that comes next (it was read all the
    /// same), or about an input (a `urls.tsv` that cannot be read).
    Warning(DocError),
    /// A document, record or line that could not be read; the stream goes on.
    Error(DocError),
}

impl<D> Item<D> {
    /// The same item with its document turned into something else.
    pub fn map<E>(self, f: impl FnOnce(D) -> E) -> Item<E> {
        match self {
            Item::Document(doc) => Item::Document(f(doc)),
            Item::Warning(warning) => Item::Warning(warning),
            Item::Error(err) => Item::Error(err),
        }
    }

    /// The document, if this is one.
    pub fn document(self) -> Option<D> {
        match self {
            Item::Document(doc) => Some(doc),
            _ => None,
        }
    }
}

/// The typed stream of [`read_items`]: an iterator of [`Item`]s.
pub struct Items {
    documents: Documents,
}

impl Items {
    pub(crate) fn new(documents: Documents) -> Items {
        Items { documents }
    }

    /// Counts so far (see [`Documents::summary`]).
    pub fn summary(&self) -> Summary {
        self.documents.summary()
    }

    /// The next item with the article's metadata (what `dyad extract` writes).
    pub fn next_article(&mut self) -> Option<Item<Article>> {
        self.documents.next_article_item()
    }

    /// The underlying stream, for its settings.
    pub fn into_documents(self) -> Documents {
        self.documents
    }
}

impl Iterator for Items {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        self.documents.next_item()
    }
}

/// Streams the documents of one WARC archive (plain or gzip-compressed,
/// told by its first bytes) from any reader — a network stream, a pipe.
/// `name` names the archive in error messages.
pub fn read_warc(
    reader: impl std::io::Read + Send + 'static,
    name: &str,
    options: ReadOptions,
) -> Documents {
    Documents::from_warc(Box::new(reader), name, options)
}

/// An article as `dyad extract` writes it: the document plus the page's
/// metadata that the pipeline's [`Document`] does not carry.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Article {
    pub id: String,
    pub url: Option<String>,
    pub title: Option<String>,
    pub date: Option<Date>,
    pub author: Option<String>,
    pub site: Option<String>,
    /// Language of the page as it declares it (`<html lang>`), e.g. `en`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The URL the page names as its own (`<link rel=canonical>`, `og:url`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub canonical: Option<String>,
    /// Where `date` came from: `json-ld`, `meta`, `time`, `url`, `byline`,
    /// `modified` (pages); `warc` (the fetch date); `input` (given with the
    /// document); `default` (`--date`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_source: Option<&'static str>,
    pub text: String,
}

impl Article {
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Article {
        Article {
            id: id.into(),
            text: text.into(),
            ..Article::default()
        }
    }
}

impl From<Article> for Document {
    fn from(article: Article) -> Document {
        Document {
            id: article.id,
            text: article.text,
            title: article.title,
            url: article.url,
            date: article.date,
        }
    }
}

/// What a run read: the figures of the summary line on standard error.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Documents yielded.
    pub read: usize,
    /// Inputs passed over on purpose, by kind (e.g. `"unknown file type"`,
    /// `"WARC request record"`).
    pub skipped: BTreeMap<String, usize>,
    /// Documents that could not be read (each one an `Err(DocError)`).
    pub failed: usize,
    /// Documents read with a note (e.g. invalid UTF-8 decoded lossily).
    pub warnings: usize,
}

impl Summary {
    /// All skipped inputs, whatever their kind.
    pub fn skipped_total(&self) -> usize {
        self.skipped.values().sum()
    }

    pub(crate) fn skip(&mut self, kind: &str) {
        *self.skipped.entry(kind.to_string()).or_insert(0) += 1;
    }
}

impl fmt::Display for Summary {
    /// `12 documents read, 3 skipped (2 unknown file type, 1 WARC request record), 1 failed, 1 warning`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} document{} read, {} skipped",
            self.read,
            if self.read == 1 { "" } else { "s" },
            self.skipped_total()
        )?;
        if !self.skipped.is_empty() {
            let kinds: Vec<String> = self
                .skipped
                .iter()
                .map(|(kind, n)| format!("{n} {kind}"))
                .collect();
            write!(f, " ({})", kinds.join(", "))?;
        }
        write!(f, ", {} failed", self.failed)?;
        if self.warnings > 0 {
            write!(
                f,
                ", {} warning{}",
                self.warnings,
                if self.warnings == 1 { "" } else { "s" }
            )?;
        }
        Ok(())
    }
}

/// The prefix of a warning's message when it travels as an `Err(DocError)`
/// (the [`read_inputs`] form; [`read_items`] gives [`Item::Warning`]).
pub const WARNING_PREFIX: &str = "warning: ";

/// True when this error is a warning: its document was read all the same.
pub fn is_warning(err: &DocError) -> bool {
    err.error.starts_with(WARNING_PREFIX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dash_is_stdin() {
        assert_eq!(Input::from_arg("-"), Input::Stdin);
        assert_eq!(Input::from_arg("a.txt"), Input::Path("a.txt".into()));
    }

    #[test]
    fn summary_line_names_every_kind() {
        let mut summary = Summary {
            read: 1,
            failed: 2,
            ..Summary::default()
        };
        summary.skip("unknown file type");
        summary.skip("unknown file type");
        summary.skip("WARC request record");
        assert_eq!(
            summary.to_string(),
            "1 document read, 3 skipped (1 WARC request record, 2 unknown file type), 2 failed"
        );
    }
}
