//! The `dyad` command line: glue between the pipeline stages, nothing more.

mod commands;
mod output;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// dyad turns news into event data: who did what to whom, where and when,
/// coded in CAMEO with Goldstein scores, QuadClass and PLOVER types.
#[derive(Parser)]
#[command(name = "dyad", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Code documents into events (JSON lines on standard output).
    Code(commands::code::CodeArgs),
    /// List every actor mention with its code and what decided it (JSON lines).
    Actors(commands::actors::ActorsArgs),
    /// List every place mention, resolved to a GeoNames place (JSON lines).
    Places(commands::places::PlacesArgs),
    /// List every temporal expression, resolved against the publication date (JSON lines).
    Times(commands::times::TimesArgs),
    /// Code documents and store their events in a database (one event per happening).
    Ingest(commands::ingest::IngestArgs),
    /// Write the stored events as GDELT, PLOVER, CSV, Parquet or JSON lines.
    Export(commands::export::ExportArgs),
    /// Ask the database: a dyad over time, events with evidence, top actors and dyads.
    Query(commands::query::QueryArgs),
    /// Show why a sentence codes as it does: tokens, parse, actors, verbs, patterns, events.
    Explain(commands::explain::ExplainArgs),
    /// Run the whole pipeline on a built-in example article and print its events.
    Demo(commands::demo::DemoArgs),
    /// Parse text or CoNLL-U into CoNLL-U (tags, lemmas, dependencies).
    Parse(commands::parse::ParseArgs),
    /// Extract articles (text, title, date, ...) from web pages and WARC archives.
    Extract(commands::extract::ExtractArgs),
    /// Train the tagger, lemmatizer and parser from UD treebank files.
    Train(commands::train::TrainArgs),
    /// Measure sentences per second of the language layer and the whole coder.
    Bench(commands::bench::BenchArgs),
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            // clap prints help and version on stdout with exit 0, usage errors
            // with exit 2; a closed pipe while printing help is not an error.
            let _ = err.print();
            return ExitCode::from(if err.use_stderr() { 2 } else { 0 });
        }
    };
    let result = match cli.command {
        Command::Code(args) => commands::code::run(args),
        Command::Actors(args) => commands::actors::run(args),
        Command::Places(args) => commands::places::run(args),
        Command::Times(args) => commands::times::run(args),
        Command::Ingest(args) => commands::ingest::run(args),
        Command::Export(args) => commands::export::run(args),
        Command::Query(args) => commands::query::run(args),
        Command::Demo(args) => commands::demo::run(args),
        Command::Explain(args) => commands::explain::run(args),
        Command::Parse(args) => commands::parse::run(args),
        Command::Extract(args) => commands::extract::run(args),
        Command::Train(args) => commands::train::run(args),
        Command::Bench(args) => commands::bench::run(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) if output::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("dyad: {err:#}");
            ExitCode::from(2)
        }
    }
}
