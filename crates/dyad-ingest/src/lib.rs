//! Ingestion: reads text, JSON lines, HTML pages and WARC archives into documents.
//!
//! The entry point is [`read_inputs`]: it checks that every input exists (a
//! missing file is an [`IngestError`], which the CLI turns into exit status 2)
//! and then returns [`Documents`], a lazy stream that reads one document at a
//! time, so that memory does not grow with the size of a `.jsonl` file, a WARC
//! archive or a directory tree.
//!
//! Problems with single documents never stop the stream: they come out as
//! `Err(DocError)` items and the stream goes on. Some documents are usable but
//! deserve a note (invalid UTF-8 that was decoded lossily): by default such a
//! *warning* is also yielded as an `Err(DocError)` whose message starts with
//! `"warning: "`, right before the document itself (`Ok(Document)`), so a
//! caller that prints every error and codes every document does the right
//! thing without knowing about warnings. [`Documents::on_warning`] routes
//! warnings to a callback instead. [`Documents::summary`] counts documents
//! read, skipped (by kind) and failed, and warnings.
//!
//! Input kinds, chosen by file name:
//! - `.txt` — one document, id = file stem;
//! - `.jsonl`/`.ndjson` — one document per line (`{"id","text"|"html","date","title","url"}`);
//! - `.html`/`.htm` — one page, main content extracted ([`html`]);
//! - `.warc`/`.warc.gz` — response records with HTML payloads ([`warc`]);
//! - any of these with `.gz` appended — gzip-compressed;
//! - a directory — every such file inside, sorted, recursively (other files
//!   are skipped and counted; `urls.tsv` gives page URLs);
//! - `-` or no input — standard input: JSON lines when its first non-blank
//!   character is `{`, else one text document with id `stdin`.
//!
//! A file given explicitly whose kind is unknown is read as text.
//!
//! Plain text is cleaned of scraping debris ([`clean`]; `Documents::clean_text`
//! turns it off). HTML pages (files, WARC records, JSON lines with `html`)
//! are extracted on a pool of worker threads ([`html::Extractor`];
//! `Documents::threads`) while the stream reads ahead; documents still come
//! out in input order. See `docs/extraction.md` for the rules and figures.

pub mod clean;
pub mod decode;
pub mod html;
mod jsonl;
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

/// The prefix of a warning's message when it travels as an `Err(DocError)`.
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
