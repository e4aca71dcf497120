//! Where an event happened: the place phrase attached to its verb, else the
//! nearest place its sentence names after a preposition of place, else the
//! document's dateline — never the place in an actor's name or title ("the
//! Malian president", "Kansas Highway Patrol").

use dyad_geo::{Form, Gazetteer, PlaceMention};
use dyad_types::{Event, Location, Upos};

use crate::sentence::Analysis;

/// Prepositions that say where something happened.
/// ("on" is left out: "war on Gondor", "sanctions on Mordor" name a target.)
const PLACE_PREPS: &[&str] = &[
    "in",
    "at",
    "near",
    "outside",
    "inside",
    "across",
    "throughout",
    "around",
    "into",
    "within",
    "through",
    "along",
    "off",
];

/// The location of `event` (of sentence `sentence`), or `None` when the text
/// says nothing of where it happened.
pub(crate) fn event_location(
    places: &[PlaceMention],
    dateline: Option<&PlaceMention>,
    sentence: usize,
    event: &Event,
    analysis: &Analysis,
) -> Option<Location> {
    in_sentence(places, sentence, event, analysis).or_else(|| dateline.and_then(location_of))
}

/// The place of a dateline ("SOCHI, Russia (AFP) -"): the first resolved
/// place of a first sentence that is short and has no verb.
pub(crate) fn dateline<'p>(
    places: &'p [PlaceMention],
    first: Option<&Analysis>,
) -> Option<&'p PlaceMention> {
    let first = first?;
    let verbless = (0..first.len()).all(|k| first.upos(k) != Some(Upos::VERB));
    if first.len() > 12 || !verbless {
        return None;
    }
    places
        .iter()
        .find(|p| p.sentence == 0 && p.lat.is_some() && matches!(p.form, Form::Name))
}

/// The place the event's own sentence gives it.
fn in_sentence(
    places: &[PlaceMention],
    sentence: usize,
    event: &Event,
    analysis: &Analysis,
) -> Option<Location> {
    let trigger = event.trigger?;
    let at = analysis
        .tokens
        .iter()
        .position(|t| t.span.start >= trigger.start)?;
    let parse = analysis.parse?;
    // Only a place in a place phrase counts: a place that is an actor of
    // the event by itself ("Syria attacked …") is none; one under a
    // preposition of place is, even where the coder took it for an actor
    // ("destroyed a depot in southern Gondor").
    let mut best: Option<(usize, &PlaceMention)> = None;
    let mut attached: Option<(u8, &PlaceMention)> = None;
    for p in places.iter().filter(|p| p.sentence == sentence) {
        if !matches!(p.form, Form::Name | Form::Abbreviation) || p.lat.is_none() {
            continue;
        }
        let Some(phrase) = place_phrase(parse, p) else {
            continue;
        };
        // 1. The phrase hangs on the verb (over nouns: "an assault on the
        // town of Tarija", "a roadblock near Sucre"). Of two places in one
        // phrase the one nearer its head wins ("in Lima's Miraflores
        // district": Miraflores).
        // A town or city is where it happened more precisely than the
        // region or country around it ("in the Gondor town of Osgiliath",
        // "in Osgiliath in western Gondor"): settlements first.
        if reaches(parse, phrase, at) {
            let attachment = if p.tokens.contains(&phrase) {
                0
            } else {
                let head = parse.head_of(p.tokens.clone()).unwrap_or(p.tokens.start);
                match parse.words[head].deprel.as_str() {
                    "compound" | "flat" | "amod" | "appos" => 1,
                    _ => 2,
                }
            };
            let settlement = p
                .place
                .and_then(|id| Gazetteer::builtin().place(id))
                .is_some_and(|place| place.kind.is_settlement());
            let rank = if settlement {
                attachment
            } else {
                3 + attachment
            };
            if attached.is_none_or(|(r, _)| rank < r) {
                attached = Some((rank, p));
            }
            continue;
        }
        // 2. Else the nearest place phrase of the verb's clause: no other
        // finite verb between them.
        let (from, to) = if p.tokens.start > at {
            (at + 1, p.tokens.start)
        } else {
            (p.tokens.end, at)
        };
        let other_clause =
            (from..to).any(|k| matches!(analysis.xpos(k), Some("VBD" | "VBZ" | "VBP" | "MD")));
        let distance = p.tokens.start.abs_diff(at);
        if !other_clause && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, p));
        }
    }
    attached
        .or(best.map(|(_, p)| (u8::MAX, p)))
        .and_then(|(_, p)| p.location())
}

/// The head of the place phrase a place mention stands in: the mention's
/// own head when a preposition of place governs it ("in Gao"), or a noun it
/// names ("in the town of Gao", "in this Ivory Coast city").
fn place_phrase(parse: &dyad_types::ParsedSentence, p: &PlaceMention) -> Option<usize> {
    let mut h = parse.head_of(p.tokens.clone())?;
    for _ in 0..3 {
        let located = parse.children(h).any(|c| {
            parse.words[c].deprel == "case"
                && PLACE_PREPS.contains(&parse.words[c].lemma.to_lowercase().as_str())
        });
        if located {
            return Some(h);
        }
        let rel = parse.words[h].deprel.as_str();
        let up = parse.words[h].head?;
        let over = rel.starts_with("nmod") || matches!(rel, "compound" | "appos" | "flat" | "amod");
        if !over || !matches!(parse.words[up].upos, Upos::NOUN | Upos::PROPN) {
            return None;
        }
        h = up;
    }
    None
}

/// Whether the phrase headed by `h` hangs on token `at` (directly or
/// through the nouns it modifies).
fn reaches(parse: &dyad_types::ParsedSentence, mut h: usize, at: usize) -> bool {
    for _ in 0..4 {
        let Some(up) = parse.words[h].head else {
            return false;
        };
        if up == at {
            return true;
        }
        if !matches!(parse.words[up].upos, Upos::NOUN | Upos::PROPN | Upos::NUM) {
            return false;
        }
        h = up;
    }
    false
}

fn location_of(p: &PlaceMention) -> Option<Location> {
    p.location()
}
