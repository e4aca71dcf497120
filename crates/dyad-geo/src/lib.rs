//! Places in the news: a gazetteer compiled into dyad, and the document pass
//! that finds place names in a document's sentences and resolves them to
//! coordinates.
//!
//! The stages, in order:
//! 1. [`gazetteer`]: the places (GeoNames: countries, continents, first-level
//!    divisions, counties and the like, and every populated place of at
//!    least 1,000 people) and the index from their folded names ([`fold`])
//!    to them. [`Gazetteer::builtin`] parses the embedded file once.
//! 2. [`recognize`]: spans that are gazetteer names written as names, told
//!    apart from people's and things' names by the words around them, with
//!    the clues they give ("in", "northern", "the X province", "Paris,
//!    Texas", a dateline); and capitalized names the gazetteer lacks that
//!    the words around them make local places ("the village of X", "the X
//!    airbase"): unlisted, never located.
//! 3. [`resolve`]: each span's place, by size and kind, by the countries and
//!    divisions the rest of the document names (names, demonyms, capitals,
//!    towns), and by the nearest earlier resolved place.
//!
//! Use, for example to attach a place to an event:
//! ```no_run
//! # fn demo(text: &str, sentences: &[dyad_types::Sentence], parses: &[dyad_types::ParsedSentence]) {
//! let gazetteer = dyad_geo::Gazetteer::builtin();
//! for m in dyad_geo::document_places(gazetteer, text, sentences, parses) {
//!     // m.sentence, m.tokens (token indices in that sentence), m.span,
//!     // m.place (the gazetteer entry), m.location() for an event
//!     println!("{} {:?} {:?}", m.text, m.lat, m.lon);
//! }
//! # }
//! ```
//! Every mention comes with its sentence and token range, so an event coder
//! can ask whether the place phrase hangs on the event's verb.
//!
//! Invariants: offsets are character offsets into the document text; the
//! pass never panics on input (a parse that does not match its sentence is
//! ignored); it runs in time linear in the document (names are at most
//! seven tokens, the context is kept in hash maps); coordinates come only
//! from the gazetteer: an unlisted place, or a name the document does not
//! settle, has none.
//!
//! The data are GeoNames' (CC BY 4.0), see the crate's README.

pub mod fold;
pub mod gazetteer;
pub mod recognize;
pub mod resolve;
mod words;

use std::collections::HashSet;
use std::ops::Range;

use dyad_types::{Location, ParsedSentence, Sentence, Span, Upos};
use serde::Serialize;

pub use gazetteer::{Gazetteer, Kind, Place, PlaceId};
pub use recognize::Form;
pub use resolve::distance_km;

use recognize::{Candidate, Word};
use resolve::{Choice, Context, Support};

/// Errors of this crate.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GeoError {
    /// A gazetteer line that does not follow the format.
    #[error("gazetteer line {line}: not `geonameid kind country population lat lon admin1 name names`: {text}")]
    BadLine { line: usize, text: String },
}

/// A place named in a document, resolved.
///
/// When the document does not settle which place a name means, the mention
/// is still reported, with `name`, `lat`, `lon` and `geonameid` `None`
/// (`country` is kept when every likely reading is in one country).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlaceMention {
    /// 0-based index of the sentence in the document.
    pub sentence: usize,
    /// Where the name stands in the document text (characters).
    pub span: Span,
    /// The words of the document.
    pub text: String,
    /// The place's GeoNames name.
    pub name: Option<String>,
    /// Three-letter country code (`None` for a continent).
    pub country: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub geonameid: Option<u32>,
    /// How the words name the place: `name`, `part` (of the name of
    /// something there: "Kansas Highway Patrol"), `adjective` ("Russian"),
    /// `abbreviation` ("Ky.").
    pub form: Form,
    /// Token indices of the name in its sentence.
    #[serde(skip)]
    pub tokens: Range<usize>,
    /// The gazetteer entry, when resolved.
    #[serde(skip)]
    pub place: Option<PlaceId>,
    /// A local place the gazetteer does not hold, known as a place by the
    /// words around it ("the village of Qarvesh"): never located.
    #[serde(skip)]
    pub unlisted: bool,
    /// The words of the name or around it call it a place ("the village of
    /// Qarvesh", "the Kelmora Refugee Camp", "Qarvesh, a town near …").
    #[serde(skip)]
    pub named: bool,
}

impl PlaceMention {
    /// The mention as an event's location: the place, or for a name the
    /// document does not settle or the gazetteer does not hold, the name as
    /// written, without coordinates.
    pub fn location(&self) -> Location {
        Location {
            name: self.name.clone().unwrap_or_else(|| self.text.clone()),
            country: self.country.clone(),
            lat: self.lat,
            lon: self.lon,
            geonameid: self.geonameid,
            span: Some(self.span),
        }
    }
}

/// Every place mention of a document, in text order.
///
/// `sentences` are the document's sentences (`dyad_text::sentences`) and
/// `parses` their parses, one per sentence (a missing or mismatched parse
/// is tolerated: recognition then goes by capitals alone); `text` is the
/// document text the spans point into.
pub fn document_places(
    g: &Gazetteer,
    text: &str,
    sentences: &[Sentence],
    parses: &[ParsedSentence],
) -> Vec<PlaceMention> {
    let mut arena = String::with_capacity(text.len());
    let keys: Vec<_> = sentences
        .iter()
        .map(|s| recognize::fold_keys(s, &mut arena))
        .collect();
    let all: Vec<Vec<Word>> = sentences
        .iter()
        .enumerate()
        .map(|(i, s)| recognize::words(s, parses.get(i), &arena, &keys[i]))
        .collect();
    let people = person_words(g, &all);

    let mut candidates = Vec::new();
    for (i, w) in all.iter().enumerate() {
        recognize::sentence_candidates(g, sentences[i].index, w, &people, &mut candidates);
    }

    // First pass: what the confident mentions say about the document.
    let empty = Context::default();
    let mut context = Context::default();
    for c in &candidates {
        if let Some(ch) = resolve::choose(g, c, &empty, &[]) {
            if ch.margin >= 2.0 {
                context.add(g, c.key, ch.place, 1.0);
            }
        }
    }
    // Second pass: every mention with that context; what they say then.
    let mut second = Context::default();
    for c in &candidates {
        if let Some(ch) = resolve::choose(g, c, &context, &[]) {
            let weight = if ch.margin >= 1.0 { 1.0 } else { 0.5 };
            second.add(g, c.key, ch.place, weight);
        }
    }
    // Final pass, in text order, with the nearest earlier places.
    let mut recent: Vec<(f64, f64)> = Vec::new();
    let mut out = Vec::with_capacity(candidates.len());
    let mut cursor = CharCursor::new(text);
    let story_country = second.story_country();
    for c in &candidates {
        let unlisted = c.options.is_empty();
        let choice = resolve::choose(g, c, &second, &recent);
        if choice.is_none() && !unlisted {
            continue;
        }
        let mut m = PlaceMention {
            sentence: c.sentence,
            span: c.span,
            text: cursor.slice(c.span),
            name: None,
            country: None,
            lat: None,
            lon: None,
            geonameid: None,
            form: c.form,
            tokens: c.tokens.clone(),
            place: None,
            unlisted,
            named: c.clues.named,
        };
        let Some(choice) = choice else {
            // A name the gazetteer does not hold ("the village of Qarvesh"):
            // no coordinates; the story's country, when it has one.
            m.country = story_country.map(|cc| String::from_utf8_lossy(&cc).into_owned());
            out.push(m);
            continue;
        };
        match keep(g, c, &choice) {
            Keep::Resolved => {
                let p = g.at(choice.place);
                if recent.len() == RECENT {
                    recent.remove(0);
                }
                recent.push((p.lat, p.lon));
                m.name = Some(p.name.to_string());
                m.country = p.country().map(str::to_string);
                m.lat = Some(p.lat);
                m.lon = Some(p.lon);
                m.geonameid = Some(p.geonameid);
                m.place = Some(choice.place);
            }
            Keep::Unresolved => {
                m.country = choice
                    .country
                    .map(|cc| String::from_utf8_lossy(&cc).into_owned());
            }
            Keep::Drop => continue,
        }
        out.push(m);
    }
    out
}

/// Whether `word` (any case) names a kind of local place: "village",
/// "towns", "district", "camp", "airbase" … — so that a place name before
/// it names where that place is ("the Gondor towns").
pub fn is_local_place_noun(word: &str) -> bool {
    words::is_local_place_word(&word.to_ascii_uppercase())
}

/// Whether `word` (any case) names a kind of settlement: "town", "cities",
/// "village" … — so that the name it is "of" is the settlement's own ("the
/// Gondor town of Osgiliath").
pub fn is_settlement_noun(word: &str) -> bool {
    words::is_settlement_word(words::singular(&word.to_ascii_uppercase()))
}

/// Whether `word` (any case) is a noun of direction that locates what it is
/// "of" ("north of Osgiliath", "the outskirts of Osgiliath").
pub fn is_direction_noun(word: &str) -> bool {
    words::is_direction_noun(&word.to_ascii_uppercase())
}

/// Whether `word` (any case) names a division wider than a town:
/// "province", "region", "state", "area" (but not a town's "district").
pub fn is_division_noun(word: &str) -> bool {
    words::is_division_word(&word.to_ascii_uppercase())
}

/// Whether `word` (any case) is a word of direction or part before a place
/// name ("northern", "central", "downtown", "rural").
pub fn is_direction_word(word: &str) -> bool {
    words::is_direction(&word.to_ascii_uppercase())
}

/// Whether `word` (any case) names a site: a building or ground a place
/// name may stand before ("the Osgiliath Airport", "the Osgiliath
/// Hospital"), so that the name still locates what happens there.
pub fn is_site_noun(word: &str) -> bool {
    let w = word.to_ascii_uppercase();
    words::is_site_word(&w) || words::is_local_place_word(&w)
}

/// Whether `word` (any case) is a noun of any kind of place: a settlement,
/// an area, a local place, a site or a natural feature ("town", "region",
/// "airport", "gulf").
pub fn is_place_noun(word: &str) -> bool {
    let w = word.to_ascii_uppercase();
    let w = words::singular(&w);
    words::is_settlement_word(w)
        || words::is_area_word(w)
        || words::is_local_place_word(w)
        || words::is_site_word(w)
        || words::is_feature_word(w)
}

/// Whether `lemma` (any case) is a verb whose object is often a place:
/// taking, striking, patrolling or visiting it ("captured Osgiliath",
/// "patrolled Osgiliath").
pub fn is_place_taking_verb(lemma: &str) -> bool {
    words::is_place_taking_verb(&lemma.to_ascii_uppercase())
}

/// How many earlier places count as "nearby" evidence.
const RECENT: usize = 3;

/// What to report of a candidate.
enum Keep {
    /// The place and its coordinates.
    Resolved,
    /// A place name whose place the document does not settle.
    Unresolved,
    /// Nothing: most likely no place at all.
    Drop,
}

/// Whether a resolved candidate is sure enough to report.
fn keep(g: &Gazetteer, c: &Candidate, choice: &Choice) -> Keep {
    let p = g.at(choice.place);
    if matches!(p.kind, Kind::Country | Kind::Continent | Kind::Admin1)
        || choice.support == Support::Local
    {
        return Keep::Resolved;
    }
    let big = p.population >= 100_000 || p.kind == Kind::Capital;
    let medium = p.population >= 15_000;
    let sure = choice.margin >= 1.0;
    let resolved = match (c.clues.strong, choice.support) {
        // "in X": a place; how sure the reading is decides
        (true, Support::Country) => true,
        (true, _) => (big || medium) && sure || p.kind == Kind::Capital,
        // a bare name: a place large enough to be what the name means, or
        // one in the story's country
        (false, Support::Country) => medium || p.kind == Kind::Admin2,
        (false, _) => big && sure,
    };
    if resolved {
        Keep::Resolved
    } else if c.clues.strong || choice.support != Support::None || c.form == Form::Part {
        Keep::Unresolved
    } else {
        Keep::Drop
    }
}

/// Words the document uses in people's names: the words after a title
/// ("Gov. Steve Beshear", "President Obama"), and the words of a run of two
/// to four capitalized names that is no place and does not start with a
/// well-known place ("Chiquita Raquel Henry", "Jordan Spieth" gives
/// "Spieth"). A bare mention of one of them later is the person, not a
/// place.
fn person_words<'s>(g: &Gazetteer, all: &[Vec<Word<'s>>]) -> HashSet<&'s str> {
    let mut people = HashSet::new();
    for w in all {
        let mut i = 0;
        while i < w.len() {
            if !is_name_word(&w[i]) {
                i += 1;
                continue;
            }
            let start = i;
            while i < w.len() && is_name_word(&w[i]) {
                i += 1;
            }
            let run = &w[start..i];
            // after the last title in the run
            let after_title = run
                .iter()
                .rposition(|x| words::is_person_title(x.key))
                .map(|t| t + 1);
            let titled_before = start
                .checked_sub(1)
                .is_some_and(|p| words::is_person_title(w[p].key));
            let name: &[Word] = match after_title {
                Some(t) => &run[t..],
                None if titled_before => run,
                None if (2..=4).contains(&run.len()) && looks_like_person(g, run) => run,
                None => &[],
            };
            for x in name {
                people.insert(x.key);
            }
        }
    }
    people
}

/// A run of capitalized names that may be a person's: none of its words is
/// an institution, feature or direction word, the whole is no place name,
/// and it neither starts nor ends with a well-known place ("Paris Hilton"
/// is left alone: "Paris" stays a place).
fn looks_like_person(g: &Gazetteer, run: &[Word]) -> bool {
    if run.iter().any(|x| {
        words::is_institution_word(x.key)
            || words::is_feature_word(x.key)
            || words::is_local_place_word(x.key)
            || words::is_direction(x.key)
            || x.key.len() < 2
    }) {
        return false;
    }
    let hash = |ws: &[Word]| {
        let mut h = fold::KeyHash::default();
        for x in ws {
            for part in x.key.split(' ') {
                h.push_word(part, false);
            }
        }
        h.value()
    };
    if g.has_hash(hash(run)) {
        return false;
    }
    let well_known = |x: &[Word]| {
        g.by_hash(hash(x)).any(|(id, kind)| {
            let p = g.at(id);
            kind == gazetteer::NameKind::Primary
                && (matches!(
                    p.kind,
                    Kind::Country | Kind::Admin1 | Kind::Capital | Kind::Continent
                ) || p.population >= 100_000)
        })
    };
    // "Paris Hilton" keeps Paris; "Historic Dublin" is no one
    !well_known(&run[..1]) && !well_known(&run[run.len() - 1..])
}

fn is_name_word(x: &Word) -> bool {
    x.cap
        && x.alpha
        && !x.upper
        && x.upos.is_none_or(|u| u == Upos::PROPN)
        && !words::is_day_or_month(x.key)
        && !words::is_never_place(x.key)
}

/// Slices a text by character spans given in increasing order, in linear
/// time overall.
struct CharCursor<'t> {
    text: &'t str,
    char_pos: usize,
    byte_pos: usize,
}

impl<'t> CharCursor<'t> {
    fn new(text: &'t str) -> CharCursor<'t> {
        CharCursor {
            text,
            char_pos: 0,
            byte_pos: 0,
        }
    }

    fn byte_of(&mut self, ch: usize) -> usize {
        if ch < self.char_pos {
            self.char_pos = 0;
            self.byte_pos = 0;
        }
        let rest = &self.text[self.byte_pos..];
        let mut it = rest.char_indices();
        while self.char_pos < ch {
            match it.next() {
                Some((_, c)) => {
                    self.byte_pos += c.len_utf8();
                    self.char_pos += 1;
                }
                None => break,
            }
        }
        self.byte_pos
    }

    fn slice(&mut self, span: Span) -> String {
        let a = self.byte_of(span.start);
        let b = self.byte_of(span.end).max(a);
        self.text.get(a..b).unwrap_or_default().to_string()
    }
}
