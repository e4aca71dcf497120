//! Actors: the "who" and "whom" of an event, and every actor mention of a
//! document with the reason it got its code.

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
    /// The words of the document that name the actor (sliced from its text).
    pub text: String,
    /// Where those words stand in the document.
    #[serde(skip)]
    pub span: Span,
}

/// What decided an actor mention's code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Basis {
    /// A name or role in the lexicon ("Russia", "Russian police").
    Lexicon,
    /// A person named with a title or an apposition that says who they are
    /// ("Peruvian Foreign Minister Ana Quispe", "Quispe, Peru's foreign minister").
    Title,
    /// A later mention of such a person, or of a lexicon person, by part of
    /// their name ("Quispe").
    Alias,
    /// A pronoun or a definite role that refers back to an actor ("he",
    /// "the minister").
    Coreference,
    /// A role whose country comes from the story: the dateline, the sentence,
    /// or the country the document is most about ("the government").
    Context,
}

impl Basis {
    pub fn as_str(self) -> &'static str {
        match self {
            Basis::Lexicon => "lexicon",
            Basis::Title => "title",
            Basis::Alias => "alias",
            Basis::Coreference => "coreference",
            Basis::Context => "context",
        }
    }
}

/// One actor mention of a document, in an event or not: what `dyad actors`
/// writes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorMention {
    pub doc: String,
    /// 0-based index of the sentence in its document.
    pub sentence: usize,
    /// Where the mention stands in the document text.
    pub span: Span,
    /// The words of the mention, sliced from the document text.
    pub text: String,
    pub code: String,
    pub country: Option<String>,
    pub agents: Vec<String>,
    pub basis: Basis,
}

/// Three-letter prefixes of actor codes that are not countries: the
/// organisation kinds and the CAMEO agent (sector) codes.
pub const NON_COUNTRY_PREFIXES: &[&str] = &[
    "IGO", "NGO", "NGM", "IMG", "MNC", "UIS", "REB", "GOV", "MIL", "COP", "OPP", "BUS", "EDU",
    "MED", "LEG", "JUD", "REL", "LAB", "HRI", "ELI", "SPY", "UAF", "AGR", "ENV", "HLH", "REF",
    "CVL", "INS", "CRM", "DEV", "MOD", "RAD", "SEP", "PTY", "PPL", "PKO", "AMN",
];

/// The country of an actor code: its first three letters when they are an
/// upper-case code that is neither `---` nor an organisation or agent code.
pub fn country_of(code: &str) -> Option<&str> {
    let head = code.get(..3)?;
    if !head.bytes().all(|b| b.is_ascii_uppercase()) || NON_COUNTRY_PREFIXES.contains(&head) {
        return None;
    }
    Some(head)
}

/// The agent codes of an actor code: its three-letter parts after the
/// country (or after `---`); an organisation code keeps all its parts.
pub fn agents_of(code: &str) -> Vec<String> {
    let skip = if country_of(code).is_some() || code.starts_with("---") {
        3
    } else {
        0
    };
    code.get(skip..)
        .unwrap_or("")
        .as_bytes()
        .chunks(3)
        .filter(|c| c.len() == 3 && c.iter().all(u8::is_ascii_uppercase))
        .filter_map(|c| std::str::from_utf8(c).ok().map(str::to_string))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn country_and_agents_of_codes() {
        assert_eq!(country_of("RUSGOV"), Some("RUS"));
        assert_eq!(agents_of("RUSGOVMIL"), ["GOV", "MIL"]);
        assert_eq!(country_of("---GOV"), None);
        assert_eq!(agents_of("---GOV"), ["GOV"]);
        assert_eq!(country_of("IGOUNO"), None);
        assert_eq!(agents_of("IGOUNO"), ["IGO", "UNO"]);
        assert_eq!(country_of("GOV"), None);
        assert_eq!(country_of("PSE"), Some("PSE"));
        // CIV is Côte d'Ivoire; civilians are CVL.
        assert_eq!(country_of("CIVCOP"), Some("CIV"));
    }

    #[test]
    fn basis_serializes_lowercase() {
        assert_eq!(
            serde_json::to_string(&Basis::Coreference).unwrap(),
            "\"coreference\""
        );
    }
}
