//! `dyad extract`: web pages and WARC archives in, articles (text, title, date, …) out.

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::Args;
use dyad_ingest::{Article, Documents, Input, ReadOptions};
use dyad_types::Date;

use crate::output::{report_doc_error, write_json_line, Progress};

#[derive(Args)]
pub struct ExtractArgs {
    /// Write OUT/<id>.txt with the article text of each page of IN_DIR
    /// (IN_DIR/<id>.html[.gz], with URLs from IN_DIR/urls.tsv) instead of JSON lines.
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
    while let Some(item) = documents.next_article() {
        match item {
            Ok(article) => write_json_line(&mut out, &article).context("writing articles")?,
            Err(err) => report_doc_error(&err),
        }
        progress.advance(1, || documents.summary().to_string());
    }
    out.flush().context("writing articles")?;
    Ok(())
}

/// OUT/<id>.txt per article.
fn to_dir(documents: &mut Documents, out_dir: &Path, progress: &Progress) -> anyhow::Result<()> {
    std::fs::create_dir_all(out_dir)
        .with_context(|| format!("cannot create the output directory {}", out_dir.display()))?;
    while let Some(item) = documents.next_article() {
        match item {
            Ok(article) => write_text(out_dir, &article)?,
            Err(err) => report_doc_error(&err),
        }
        progress.advance(1, || documents.summary().to_string());
    }
    Ok(())
}

fn write_text(out_dir: &Path, article: &Article) -> anyhow::Result<()> {
    // Ids from WARC records look like `urn:uuid:…`; keep file names portable.
    let name: String = article
        .id
        .chars()
        .map(|c| {
            if c == '/' || c == '\\' || c == ':' {
                '_'
            } else {
                c
            }
        })
        .collect();
    let path = out_dir.join(format!("{name}.txt"));
    std::fs::write(&path, &article.text).with_context(|| format!("cannot write {}", path.display()))
}
