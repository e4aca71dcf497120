//! Actors: the "who" and "whom" of an event.

use serde::{Deserialize, Serialize};

use crate::Span;

/// An actor as coded in an event record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    /// Full CAMEO actor code as PETRARCH writes it: country then agents
    /// (`USAGOV`), `---` for an unknown country (`---EDU`), or an IGO/NGO code.
    pub code: String,
    /// Three-letter country code, when the actor belongs to a country.
    pub country: Option<String>,
    /// Agent (role) codes, e.g. `["GOV"]`.
    pub agents: Vec<String>,
    /// The words in the text that name the actor.
    pub text: String,
    /// Where those words stand in the document.
    #[serde(skip)]
    pub span: Span,
}
