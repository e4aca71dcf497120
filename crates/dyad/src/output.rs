//! Writing JSON lines to standard output and per-document errors to standard error.

use std::io::{self, IsTerminal, Write};

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

/// A spinner with running counts on standard error, shown only when standard
/// error is a terminal (never in pipes, logs or tests).
pub struct Progress {
    bar: Option<indicatif::ProgressBar>,
}

impl Progress {
    pub fn new() -> Progress {
        let bar = io::stderr().is_terminal().then(|| {
            let bar = indicatif::ProgressBar::new_spinner();
            bar.set_style(
                indicatif::ProgressStyle::with_template("{spinner} {elapsed} {msg} ({per_sec})")
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
            );
            bar.enable_steady_tick(std::time::Duration::from_millis(200));
            bar
        });
        Progress { bar }
    }

    /// Counts `done` more documents; `message` (the running summary) is
    /// computed only now and then, and only when a spinner is shown.
    pub fn advance(&self, done: u64, message: impl FnOnce() -> String) {
        if let Some(bar) = &self.bar {
            let before = bar.position();
            bar.inc(done);
            if before / 16 != bar.position() / 16 {
                bar.set_message(message());
            }
        }
    }

    pub fn finish(self) {
        if let Some(bar) = self.bar {
            bar.finish_and_clear();
        }
    }
}
