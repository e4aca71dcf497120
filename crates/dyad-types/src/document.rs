//! Documents, the unit of input, and the per-document error record.

use serde::{Deserialize, Serialize};

use crate::Date;

/// One news article (or any text) as it enters the pipeline.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Document {
    /// Stable identifier: the file stem, the JSON line's `id`, or a WARC record's id.
    pub id: String,
    /// The text every span points into.
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Publication date: the anchor for relative dates in the text.
    #[serde(default)]
    pub date: Option<Date>,
}

impl Document {
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Document {
        Document {
            id: id.into(),
            text: text.into(),
            ..Document::default()
        }
    }
}

/// A problem with one document. Printed as one JSON line on standard error;
/// it never stops a run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocError {
    pub doc: String,
    pub error: String,
}

impl DocError {
    pub fn new(doc: impl Into<String>, error: impl Into<String>) -> DocError {
        DocError {
            doc: doc.into(),
            error: error.into(),
        }
    }
}

impl std::fmt::Display for DocError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.doc, self.error)
    }
}

impl std::error::Error for DocError {}
