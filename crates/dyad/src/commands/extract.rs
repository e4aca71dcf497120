//! `dyad extract`: web pages and WARC archives in, articles (text, title, date, …) out.

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::Args;
use dyad_ingest::names::UniqueNames;
use dyad_ingest::{Documents, Input, Item, ReadOptions};
use dyad_types::{Date, DocError};

use crate::output::{report_doc_error, write_json_line, Progress};

#[derive(Args)]
pub struct ExtractArgs {
    /// Write OUT/<id>.txt with the article text of each page of IN_DIR
    /// (IN_DIR/<id>.html[.gz], with URLs from IN_DIR/urls.tsv) instead of JSON lines.
    /// Ids that are not safe file names are percent-encoded; a second
    /// document with the same name is written to <id>~2.txt (see docs/extraction.md).
    #[arg(long, value_name = "OUT")]
    pub to_dir: Option<PathBuf>,

    /// Publication date (YYYY-MM-DD) of documents that carry none.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<Date>,

    /// Threads that extract pages (default: one per core, at most four).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,

    /// Inputs: .html, .warc(.gz), .jsonl, .txt files or directories; `-` or
    /// nothing reads standard input. With --to-dir: the one input directory.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<String>,
}

pub fn run(args: ExtractArgs) -> anyhow::Result<()> {
    let inputs: Vec<Input> = args.inputs.iter().map(|arg| Input::from_arg(arg)).collect();
    if args.to_dir.is_some() {
        let [Input::Path(in_dir)] = inputs.as_slice() else {
            anyhow::bail!(
                "--to-dir OUT takes exactly one input directory: dyad extract --to-dir OUT IN_DIR"
            );
        };
        if !in_dir.is_dir() {
            anyhow::bail!(
                "{} is not a directory; --to-dir reads a directory of pages: dyad extract --to-dir OUT IN_DIR",
                in_dir.display()
            );
        }
    }
    let options = ReadOptions {
        default_date: args.date,
        max_text_bytes: None,
    };
    let mut documents = dyad_ingest::read_inputs(inputs, options)?
        // Pages are what this command is for; plain text passes as it is.
        .clean_text(false);
    if let Some(threads) = args.threads {
        documents = documents.threads(threads);
    }
    let progress = Progress::new();
    let result = match &args.to_dir {
        Some(out_dir) => to_dir(&mut documents, out_dir, &progress),
        None => to_stdout(&mut documents, &progress),
    };
    progress.finish();
    eprintln!("dyad extract: {}", documents.summary());
    result
}

/// JSON lines on standard output, one article each.
fn to_stdout(documents: &mut Documents, progress: &Progress) -> anyhow::Result<()> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    while let Some(item) = documents.next_article_item() {
        match item {
            Item::Document(article) => {
                write_json_line(&mut out, &article).context("writing articles")?
            }
            Item::Warning(warning) => report_warning(warning),
            Item::Error(err) => report_doc_error(&err),
        }
        progress.advance(1, || documents.summary().to_string());
    }
    out.flush().context("writing articles")?;
    Ok(())
}

/// A warning on standard error, as the other per-document lines: a JSON
/// line whose `error` starts with `warning: `.
fn report_warning(mut warning: DocError) {
    warning.error = format!("{}{}", dyad_ingest::WARNING_PREFIX, warning.error);
    report_doc_error(&warning);
}

/// OUT/<name>.txt per article, `<name>` the id made a safe, unique file
/// name (`dyad_ingest::names`: unsafe characters percent-encoded, long ids
/// cut and hashed, a second document with the same name numbered `~2`, …,
/// with a warning). Each file is written under a temporary name and renamed
/// when complete, so that a killed run leaves no file that looks finished.
fn to_dir(documents: &mut Documents, out_dir: &Path, progress: &Progress) -> anyhow::Result<()> {
    std::fs::create_dir_all(out_dir)
        .with_context(|| format!("cannot create the output directory {}", out_dir.display()))?;
    let mut names = UniqueNames::new();
    while let Some(item) = documents.next_article_item() {
        match item {
            Item::Document(article) => {
                let named = names.name(&article.id, "txt");
                if let Some(plain) = &named.collided_with {
                    report_warning(DocError::new(
                        article.id.as_str(),
                        format!(
                            "another document of this run has the file name {plain} (the same \
                             id, or one that differs only in case); written to {}",
                            named.file_name
                        ),
                    ));
                }
                let path = out_dir.join(&named.file_name);
                if let Err(err) = write_atomically(&path, article.text.as_bytes()) {
                    report_doc_error(&DocError::new(
                        article.id.as_str(),
                        format!("cannot write {}: {err}", path.display()),
                    ));
                }
            }
            Item::Warning(warning) => report_warning(warning),
            Item::Error(err) => report_doc_error(&err),
        }
        progress.advance(1, || documents.summary().to_string());
    }
    Ok(())
}

/// Writes `bytes` to `path` through a temporary file in the same directory
/// (`.<name>.<pid>.tmp`), renamed over `path` once complete.
fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    let written = std::fs::File::create(&temp).and_then(|mut file| {
        file.write_all(bytes)?;
        file.flush()
    });
    let renamed = written.and_then(|()| std::fs::rename(&temp, path));
    if renamed.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    renamed
}
