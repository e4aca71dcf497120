//! Writing JSON lines to standard output and per-document errors to standard error.

use std::io::{self, Write};

use serde::Serialize;

/// True when the error chain ends in a closed pipe (`dyad code … | head -1`):
/// the reader has gone, which is a normal way for a run to end.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// Writes one value as a JSON line.
pub fn write_json_line<W: Write, T: Serialize>(out: &mut W, value: &T) -> io::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    out.write_all(b"\n")
}

/// Reports a per-document problem as one JSON line on standard error.
pub fn report_doc_error(err: &dyad_types::DocError) {
    let stderr = io::stderr();
    let mut lock = stderr.lock();
    let _ = write_json_line(&mut lock, err);
}
