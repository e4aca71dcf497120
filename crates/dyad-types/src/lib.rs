//! Shared data model of dyad: every pipeline stage speaks in these types.
//!
//! Offsets are always counted in Unicode scalar values (Rust `char`s) of the
//! document's original text, so that an event can point back to the exact
//! sentence it came from whatever normalization happened on the way.

pub mod actor;
pub mod cameo;
pub mod date;
pub mod document;
pub mod event;
pub mod span;
pub mod syntax;
pub mod text;

pub use actor::Actor;
pub use actor::{ActorMention, Basis};
pub use date::Date;
pub use document::{DocError, Document};
pub use event::{Event, Location};
pub use span::Span;
pub use syntax::{ParsedSentence, ParsedWord, Upos};
pub use text::{Sentence, Token};
