//! One module per subcommand; each holds its arguments and its `run`.

pub mod actors;
pub mod bench;
pub mod code;
pub mod demo;
pub mod explain;
pub mod export;
pub mod extract;
pub mod ingest;
pub mod parse;
pub mod places;
pub mod query;
pub mod times;
pub mod train;
