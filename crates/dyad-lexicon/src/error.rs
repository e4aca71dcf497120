//! Errors and warnings of the dictionary readers, each naming its file and line.

use std::fmt;
use std::path::{Path, PathBuf};

/// A dictionary that cannot be used at all: the caller should stop (the CLI
/// exits 2) and tell the user which file and line to look at.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    // The cause is the error's source: printers of error chains show it.
    #[error("{}: cannot read the dictionary", file.display())]
    Io {
        file: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}:{line}: not UTF-8 text; save the dictionary as UTF-8", file.display())]
    NotUtf8 { file: PathBuf, line: usize },
    #[error("{}:{line}: the dictionary is empty (no entries)", file.display())]
    Empty { file: PathBuf, line: usize },
    #[error("{}:{line}: not a {kind} dictionary in the PETRARCH2 format: {reason}", file.display())]
    WrongFormat {
        file: PathBuf,
        line: usize,
        kind: &'static str,
        reason: String,
    },
}

impl LexiconError {
    /// The file the error is about.
    pub fn file(&self) -> &Path {
        match self {
            LexiconError::Io { file, .. }
            | LexiconError::NotUtf8 { file, .. }
            | LexiconError::Empty { file, .. }
            | LexiconError::WrongFormat { file, .. } => file,
        }
    }
}

/// A line that could not be read; it was skipped and the rest of the file loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexiconWarning {
    pub file: PathBuf,
    /// 1-based line number.
    pub line: usize,
    pub message: String,
}

impl fmt::Display for LexiconWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file.display(), self.line, self.message)
    }
}
