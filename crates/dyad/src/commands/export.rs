//! `dyad export`: the stored events in the formats people's tools read —
//! GDELT 2.0 events and mentions, PLOVER, CSV, Parquet, JSON lines.

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::{Args, ValueEnum};
use dyad_store::export::{Format, Period};
use dyad_store::Store;
use dyad_types::Date;

#[derive(Args)]
pub struct ExportArgs {
    /// The database file.
    #[arg(long, value_name = "FILE", default_value = dyad_store::DEFAULT_DB)]
    pub db: PathBuf,

    /// Output format.
    #[arg(long, value_enum)]
    pub format: ExportFormat,

    /// First event date (YYYY-MM-DD) to export.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub from: Option<Date>,

    /// Last event date (YYYY-MM-DD) to export.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub to: Option<Date>,

    /// Output file (written whole or not at all); standard output when absent.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// GDELT 2.0 Events: 61 tab-separated columns, no header.
    Gdelt,
    /// GDELT 2.0 Mentions: 16 tab-separated columns, one row per mention.
    GdeltMentions,
    /// PLOVER/POLECAT-style JSON lines (events PLOVER has a type for).
    Plover,
    /// CSV with a header line.
    Csv,
    /// Apache Parquet (needs -o FILE on a terminal).
    Parquet,
    /// `dyad code`'s JSON lines with mentions, sources and articles counts.
    Jsonl,
}

impl ExportFormat {
    fn format(self) -> Format {
        match self {
            ExportFormat::Gdelt => Format::Gdelt,
            ExportFormat::GdeltMentions => Format::GdeltMentions,
            ExportFormat::Plover => Format::Plover,
            ExportFormat::Csv => Format::Csv,
            ExportFormat::Parquet => Format::Parquet,
            ExportFormat::Jsonl => Format::Jsonl,
        }
    }
}

pub fn run(args: ExportArgs) -> anyhow::Result<()> {
    let period = Period::new(args.from, args.to)?;
    let store = Store::open_read(&args.db)?;
    let format = args.format.format();
    match &args.output {
        Some(path) => write_whole(path, |file| store.export(format, period, file))?,
        None => {
            if format == Format::Parquet && io::stdout().is_terminal() {
                anyhow::bail!("Parquet is binary: give -o FILE (or redirect standard output)");
            }
            store.export(format, period, BufWriter::new(io::stdout()))?;
        }
    }
    Ok(())
}

/// Writes to a temporary file beside `path` and renames it into place, so
/// a failed export leaves no half-written file.
fn write_whole(
    path: &Path,
    write: impl FnOnce(BufWriter<&File>) -> Result<u64, dyad_store::StoreError>,
) -> anyhow::Result<()> {
    let name = path
        .file_name()
        .with_context(|| format!("{}: not a file name", path.display()))?;
    let mut partial = name.to_os_string();
    partial.push(format!(".partial-{}", std::process::id()));
    let temp = path.with_file_name(partial);
    let file = File::create(&temp).with_context(|| format!("cannot create {}", temp.display()))?;
    let result = write(BufWriter::new(&file))
        .map_err(anyhow::Error::from)
        .and_then(|_| (&file).flush().map_err(anyhow::Error::from))
        .and_then(|_| file.sync_all().map_err(anyhow::Error::from))
        .and_then(|_| {
            std::fs::rename(&temp, path).with_context(|| format!("cannot write {}", path.display()))
        });
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}
