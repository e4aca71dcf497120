//! `dyad query`: a dyad over time, events with their evidence, top actors
//! and dyads — answered from the store's indexes.

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

use anyhow::Context;
use clap::{Args, Subcommand, ValueEnum};
use dyad_store::export::Period;
use dyad_store::query::{ActorFilter, Bucket, Direction, EventFilter, Table, Top};
use dyad_store::Store;
use dyad_types::Date;

#[derive(Args)]
pub struct QueryArgs {
    /// The database file.
    #[arg(long, value_name = "FILE", default_value = dyad_store::DEFAULT_DB, global = true)]
    pub db: PathBuf,

    /// Output: an aligned table, JSON lines or CSV.
    #[arg(long, value_enum, default_value_t = TableFormat::Table, global = true)]
    pub format: TableFormat,

    /// First event date (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD", global = true)]
    pub from: Option<Date>,

    /// Last event date (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD", global = true)]
    pub to: Option<Date>,

    #[command(subcommand)]
    pub query: Query,
}

#[derive(Subcommand)]
pub enum Query {
    /// Events between two actors over time: counts per QuadClass, Goldstein sum and mean.
    Dyad {
        /// A country (USA), an actor code (USAGOV) or a code prefix (USAGOV*).
        a: String,
        /// The other actor, in the same forms.
        b: String,
        /// Time buckets.
        #[arg(long, value_enum, default_value_t = By::Month)]
        by: By,
        /// A acting on B (forward), B on A (backward), or both together.
        #[arg(long, value_enum, default_value_t = Way::Both)]
        direction: Way,
    },
    /// Events with their evidence (document, URL, sentence), oldest first.
    Events {
        /// Source actor: a country, a code or a prefix (RUS*).
        #[arg(long, value_name = "A")]
        source: Option<String>,
        /// Target actor: a country, a code or a prefix.
        #[arg(long, value_name = "B")]
        target: Option<String>,
        /// CAMEO code or prefix (11*; one or two digits are a prefix).
        #[arg(long, value_name = "PREFIX")]
        code: Option<String>,
        /// A country the event happened in or one of its actors belongs to.
        #[arg(long, value_name = "C")]
        country: Option<String>,
        /// The name of the place the event happened.
        #[arg(long, value_name = "NAME")]
        place: Option<String>,
        /// At most N events.
        #[arg(long, value_name = "N", default_value_t = 100)]
        limit: i64,
    },
    /// The actors or dyads with the most events.
    Top {
        #[arg(value_enum)]
        what: TopWhat,
        /// At most N rows.
        #[arg(long, value_name = "N", default_value_t = 20)]
        limit: i64,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TableFormat {
    Table,
    Jsonl,
    Csv,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum By {
    Day,
    Week,
    Month,
    Year,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Way {
    Forward,
    Backward,
    Both,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TopWhat {
    Actors,
    Dyads,
}

pub fn run(args: QueryArgs) -> anyhow::Result<()> {
    let period = Period::new(args.from, args.to)?;
    let store = Store::open_read(&args.db)?;
    let table = match args.query {
        Query::Dyad {
            a,
            b,
            by,
            direction,
        } => {
            let bucket = match by {
                By::Day => Bucket::Day,
                By::Week => Bucket::Week,
                By::Month => Bucket::Month,
                By::Year => Bucket::Year,
            };
            let direction = match direction {
                Way::Forward => Direction::Forward,
                Way::Backward => Direction::Backward,
                Way::Both => Direction::Both,
            };
            store.dyad(
                &ActorFilter::parse(&a)?,
                &ActorFilter::parse(&b)?,
                period,
                bucket,
                direction,
            )?
        }
        Query::Events {
            source,
            target,
            code,
            country,
            place,
            limit,
        } => {
            let filter = EventFilter {
                source: source.as_deref().map(ActorFilter::parse).transpose()?,
                target: target.as_deref().map(ActorFilter::parse).transpose()?,
                code,
                country,
                place,
                limit: limit.max(0),
            };
            store.events(&filter, period)?
        }
        Query::Top { what, limit } => {
            let what = match what {
                TopWhat::Actors => Top::Actors,
                TopWhat::Dyads => Top::Dyads,
            };
            store.top(what, period, limit.max(0))?
        }
    };
    write(&table, args.format).context("writing output")
}

fn write(table: &Table, format: TableFormat) -> io::Result<()> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match format {
        TableFormat::Table => table.write_table(&mut out)?,
        TableFormat::Jsonl => table.write_jsonl(&mut out)?,
        TableFormat::Csv => table.write_csv(&mut out)?,
    }
    out.flush()
}
