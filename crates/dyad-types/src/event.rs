//! The event record: who did what to whom, where and when.

use serde::{Deserialize, Serialize};

use crate::{Actor, Date, Span};

/// One coded event, serialized exactly as the CLI contract's JSON line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub doc: String,
    /// 0-based index of the sentence in its document.
    pub sentence: usize,
    /// The sentence's character offsets in the document text.
    pub span: Span,
    /// CAMEO event code, e.g. `"040"`.
    pub code: String,
    /// CAMEO root, the first two digits.
    pub root: String,
    pub quad_class: u8,
    pub goldstein: f32,
    /// PLOVER event type (current names), e.g. `"CONSULT"`.
    pub plover: Option<String>,
    pub source: Actor,
    pub target: Actor,
    /// Character offsets of the word or phrase that made the event (the
    /// verb, or the event noun).
    pub trigger: Option<Span>,
    /// How sure the coder is, in [0, 1] (`docs/coding.md` says how it is
    /// reckoned): for trading recall against precision.
    pub confidence: f32,
    pub date: Option<Date>,
    pub location: Option<Location>,
}

/// Where an event happened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Location {
    pub name: String,
    pub country: Option<String>,
    /// Coordinates; `None` for a place the text names but dyad cannot
    /// locate (a village its gazetteer does not hold).
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// The GeoNames id of the place, when it has one.
    pub geonameid: Option<u32>,
    /// The place mention in the document text it came from; `None` when
    /// the place was inferred rather than named.
    pub span: Option<Span>,
}
