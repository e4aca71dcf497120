//! Where an event happened: the place phrase attached to its verb, else the
//! nearest place its sentence names after a preposition of place, else the
//! document's dateline — never the place in an actor's name or title ("the
//! Malian president", "Kansas Highway Patrol").

use std::ops::Range;

use dyad_geo::{Form, Gazetteer, Kind, PlaceMention};
use dyad_types::{Event, Location, ParsedSentence, Token, Upos};

use crate::sentence::{Analysis, Mention};

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
/// says nothing of where it happened. `names_group` tells the actor mentions
/// that name a group, an organisation or a person (not a place).
pub(crate) fn event_location(
    places: &[PlaceMention],
    dateline: Option<&PlaceMention>,
    sentence: usize,
    event: &Event,
    analysis: &Analysis,
    names_group: &dyn Fn(&Mention) -> bool,
) -> Option<Location> {
    in_sentence(places, sentence, event, analysis, names_group)
        .or_else(|| dateline.map(PlaceMention::location))
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

/// The place the event's own sentence gives it. Each place named in the
/// sentence is ranked by how it hangs on the event's word; the best wins.
fn in_sentence(
    places: &[PlaceMention],
    sentence: usize,
    event: &Event,
    analysis: &Analysis,
    names_group: &dyn Fn(&Mention) -> bool,
) -> Option<Location> {
    let trigger = event.trigger?;
    let at = analysis
        .tokens
        .iter()
        .position(|t| t.span.start >= trigger.start)?;
    let parse = analysis.parse?;
    let preps = Preps {
        material: acts_on_places(event)
            || parse
                .words
                .get(at)
                .is_some_and(|w| dyad_geo::is_place_taking_verb(&w.lemma)),
        goal: is_protest(event),
        destination: parse
            .words
            .get(at)
            .is_some_and(|w| is_motion_verb(&w.lemma)),
        assault: matches!(event.root.as_str(), "18" | "19" | "20"),
    };
    let governors = governors(parse, at);
    let purposes = purposes(parse, at);
    let moments = moments(parse, at);
    // Only a place in a place phrase counts: a place that is an actor of
    // the event by itself ("Syria accused …") is none; one under a
    // preposition of place is, even where the coder took it for an actor
    // ("destroyed a depot in southern Gondor"), and so is the place a
    // physical act is done to ("shelled Osgiliath").
    let mut best: Option<(Rank, &PlaceMention)> = None;
    // Whether token k is in a country's name.
    let country_at = |k: usize| {
        places.iter().any(|q| {
            q.sentence == sentence && q.tokens.contains(&k) && kind(q) == Some(Kind::Country)
        })
    };
    // A dateline the sentence begins with ("OSGILIATH, Gondor (AP) -- …")
    // places the story, not the act: only when nothing else does.
    let body = dateline_end(analysis.tokens, places, sentence);
    let mut datelined: Option<&PlaceMention> = None;
    for p in places.iter().filter(|p| p.sentence == sentence) {
        if body.is_some_and(|b| p.tokens.end <= b) {
            if datelined.is_none() && matches!(p.form, Form::Name) {
                datelined = Some(p);
            }
            continue;
        }
        // (A name inside another name counts where that is a site's: "the
        // Osgiliath Airport", but not "the Osgiliath Police".)
        let site = p.form == Form::Part
            && analysis
                .tokens
                .get(p.tokens.end)
                .is_some_and(|t| dyad_geo::is_site_noun(&t.text));
        if !matches!(p.form, Form::Name | Form::Abbreviation) && !site {
            continue;
        }
        // A name dyad cannot locate that names an actor proper is that
        // actor: a person ("in Sauron's hands", "captured Sauron"), a group
        // or an organisation — but not a place the dictionaries know as an
        // actor for its country ("shelled Osgiliath").
        // (A name its own words call a place is that place whatever else it
        // names: "the Gondor Refugee Camp", "the province of Gondor", "the
        // Gondor suburbs".)
        if p.lat.is_none()
            && !p.named
            && analysis.mentions.iter().any(|m| {
                (m.person && m.start < p.tokens.end && p.tokens.start < m.end)
                    || (m.start == p.tokens.start && m.end == p.tokens.end && names_group(m))
            })
        {
            continue;
        }
        // Nor is what a group's name is "of" ("the Liberation Front of
        // Gondor and Arnor").
        if of_group(analysis, p.tokens.start, p.tokens.end, names_group) {
            continue;
        }
        // Nor is where the news came from ("according to a source in
        // Osgiliath, …").
        if in_attribution(analysis, p.tokens.start) {
            continue;
        }
        // Nor is where someone lives or comes from ("a native of Gondor",
        // "fighters based in Osgiliath").
        if names_a_home(analysis, p.tokens.start) {
            continue;
        }
        // Nor is a country or division that only says where the place
        // named before it lies ("in Osgiliath, Gondor").
        if qualifies_previous(places, p, analysis.tokens) {
            continue;
        }
        // Nor is a bound of the space between two places ("the road
        // between Osgiliath and Minas Tirith").
        if between(analysis, p.tokens.start) {
            continue;
        }
        let Some(head) = parse.head_of(p.tokens.clone()) else {
            continue;
        };
        let kind = kind(p);
        // A named local place dyad cannot locate ("the village of Qarvesh")
        // is as precise as a town.
        // (But not a division named so: "the Tulmek Local Government Area".)
        // (And a name the text calls a town is one, whatever else the
        // gazetteer calls so: "the village of Tulmek".)
        let settlement = called_a_settlement(analysis, p.tokens.clone())
            || match kind {
                Some(k) => k.is_settlement(),
                None => !dyad_geo::is_division_noun(&analysis.tokens[p.tokens.end - 1].text),
            };
        let phrase = place_phrase(
            parse,
            head,
            p.tokens.start,
            kind == Some(Kind::Country),
            preps,
        );
        // (What a protest is against is no place: "protested Gondor's
        // plans".)
        let acts = |verb: usize| {
            preps.material && !preps.goal && acted_on(parse, head, verb, settlement, preps.assault)
        };
        // How the place hangs, and on which verb.
        let hang = if acts(at) {
            // 1. The place the act is done to: "captured Osgiliath",
            // "patrolled the streets of Osgiliath", "Osgiliath was shelled".
            Some((Hang::Object, at))
        } else if phrase.is_some_and(|ph| reaches(parse, &ph, at)) {
            // 2. A place phrase that hangs on the verb (directly or through
            // nouns: "a roadblock near the town of Tarija").
            Some((Hang::Phrase, at))
        } else if let Some(&verb) = purposes.iter().find(|&&v| acts(v)) {
            // 3. The place acted on by the act's purpose or means
            // ("sent riders to seize Osgiliath", "opened the battle by
            // shelling Osgiliath").
            Some((Hang::Purpose, verb))
        } else {
            // 4. One that hangs on a verb governing the event's clause ("In
            // Osgiliath, officials said soldiers shot …"), or that such a
            // verb's act is done to ("struck an Osgiliath cafe, killing …").
            governors
                .iter()
                .enumerate()
                .find(|&(_, &g)| phrase.is_some_and(|ph| reaches(parse, &ph, g)) || acts(g))
                .map(|(steps, &g)| (Hang::Governor(steps as u8), g))
                .or_else(|| {
                    // 5. One that hangs on a clause saying when the act
                    // happened ("killed five when they came under fire near
                    // Osgiliath").
                    moments
                        .iter()
                        .find(|&&v| phrase.is_some_and(|ph| reaches(parse, &ph, v)))
                        .map(|&v| (Hang::Near, v))
                })
        };
        let (hang, verb) = match hang {
            // (A region or country reached through other nouns is no more
            // what the act was done to than a town a phrase names:
            // "captured the palace in Osgiliath, the capital of Gondor".)
            Some((Hang::Object, v)) if !settlement && parse.words[head].head != Some(v) => {
                (Hang::Phrase, v)
            }
            Some(hang) => hang,
            None => {
                // 6. Else the nearest place phrase of the verb's clause: no
                // other finite verb between them.
                if phrase.is_none_or(|ph| ph.goal) {
                    // 7. Else a place named right after the verb, where the
                    // parse went astray ("patrolled downtown Osgiliath").
                    let rank = Rank::beside(p.tokens.start.abs_diff(at));
                    // (Of a statement, only after a preposition: the place
                    // spoken of is none, "accused Gondor".)
                    if beside_verb(
                        analysis.tokens,
                        parse,
                        at,
                        p.tokens.clone(),
                        !preps.material,
                    ) && best.as_ref().is_none_or(|(r, _)| rank < *r)
                    {
                        best = Some((rank, p));
                    }
                    continue;
                }
                if clause_between(parse, at, p.tokens.clone()) {
                    continue;
                }
                (Hang::Near, at)
            }
        };
        let in_phrase = matches!(hang, Hang::Phrase | Hang::Governor(_) | Hang::Near);
        let rank = Rank {
            hang,
            relative: ((phrase.is_some_and(|ph| ph.relative)
                || after_direction(parse, p.tokens.start))
                && hang != Hang::Object)
                || after_distance(parse, p.tokens.start),
            // A town or city is where it happened more precisely than the
            // region or country around it ("in the Gondor town of
            // Osgiliath", "in Osgiliath in western Gondor").
            area: !settlement,
            attachment: match phrase {
                Some(ph) if in_phrase => attachment(parse, &p.tokens, head, ph.head, &country_at),
                // what an act is done to: the name itself before a name
                // modifying it ("captured the Gondor town of Osgiliath")
                _ => match parse.words[head].deprel.as_str() {
                    "compound" | "amod" | "nmod:poss" => 1,
                    _ => 0,
                },
            },
            distance: p.tokens.start.abs_diff(verb),
        };
        if best.as_ref().is_none_or(|(r, _)| rank < *r) {
            best = Some((rank, p));
        }
    }
    best.map(|(_, p)| p)
        .or(datelined)
        .map(PlaceMention::location)
}

/// Where the body of a document's first sentence begins after a dateline
/// run into it: places, commas and a bracket ("OSGILIATH, Gondor (AP)"),
/// then a dash.
fn dateline_end(tokens: &[Token], places: &[PlaceMention], sentence: usize) -> Option<usize> {
    if sentence != 0 {
        return None;
    }
    let (mut k, mut named, mut bracket) = (0, false, false);
    while k < tokens.len().min(16) {
        let text = tokens[k].text.as_str();
        if let Some(p) = places
            .iter()
            .find(|p| p.sentence == 0 && p.tokens.start == k)
        {
            named = true;
            k = p.tokens.end;
            continue;
        }
        match text {
            "," => {}
            "(" => bracket = true,
            ")" => bracket = false,
            // (a dash set off by spaces, not a hyphen: "GONDOR-RIDER")
            "--" | "__" | "_" | "-" | "–" | "—"
                if named && !bracket && tokens[k].span.start > tokens[k - 1].span.end =>
            {
                return Some(k + 1)
            }
            _ if bracket => {}
            _ => return None,
        }
        k += 1;
    }
    None
}

/// The kind of place a mention was resolved to (by the built-in gazetteer,
/// which the coder's places come from).
fn kind(m: &PlaceMention) -> Option<Kind> {
    m.place
        .and_then(|id| Gazetteer::builtin().place(id))
        .map(|place| place.kind)
}

/// Whether `p` is a country or first-level division set off by a comma
/// after a place of its own ("Osgiliath, Gondor"): it qualifies that place.
pub(crate) fn qualifies_previous(
    places: &[PlaceMention],
    p: &PlaceMention,
    tokens: &[Token],
) -> bool {
    let Some(comma) = p.tokens.start.checked_sub(1) else {
        return false;
    };
    matches!(kind(p), Some(Kind::Country | Kind::Admin1))
        && tokens[comma].text == ","
        && places.iter().any(|q| {
            q.sentence == p.sentence
                && q.tokens.end == comma
                && q.country.is_some()
                && q.country == p.country
                && !matches!(kind(q), Some(Kind::Country))
        })
}

/// Whether the words around a name call it a town, city or village: such a
/// word right after it or before it with "of" ("Tulmek town", "the village
/// of Tulmek").
fn called_a_settlement(analysis: &Analysis, tokens: Range<usize>) -> bool {
    let word = |k: usize| analysis.tokens.get(k).map_or("", |t| t.text.as_str());
    let kind =
        |k: usize| word(k).starts_with(char::is_lowercase) && dyad_geo::is_settlement_noun(word(k));
    kind(tokens.end)
        || (tokens.start >= 2 && word(tokens.start - 1) == "of" && kind(tokens.start - 2))
}

/// Whether the name beginning at token `start` says where someone lives,
/// works or comes from: after "based in", "settled in", "born in", "living
/// in", "a native of", "residents of", "nationals of" and the like.
fn names_a_home(analysis: &Analysis, start: usize) -> bool {
    let word = |k: usize| analysis.tokens[k].text.to_lowercase();
    let mut k = start;
    if k > 0 && word(k - 1) == "the" {
        k -= 1;
    }
    if k < 2 {
        return false;
    }
    match word(k - 1).as_str() {
        "in" | "at" => matches!(
            word(k - 2).as_str(),
            "based" | "headquartered" | "settled" | "born" | "living" | "lives" | "lived" | "exile"
        ),
        "of" => matches!(
            word(k - 2).as_str(),
            "native"
                | "natives"
                | "resident"
                | "residents"
                | "citizen"
                | "citizens"
                | "national"
                | "nationals"
        ),
        _ => false,
    }
}

/// Whether the name beginning at token `start` stands in an "according
/// to" phrase (up to its comma): it places the source, not the event.
fn in_attribution(analysis: &Analysis, start: usize) -> bool {
    let text = |k: usize| analysis.tokens[k].text.as_str();
    (1..start)
        .rev()
        .take_while(|&k| !matches!(text(k), "," | ";" | ":" | "." | "–" | "—"))
        .any(|k| text(k) == "to" && text(k - 1).eq_ignore_ascii_case("according"))
}

/// Whether the name beginning at token `start` is one of the places
/// something lies "between" ("between Osgiliath and the Gondor border").
fn between(analysis: &Analysis, start: usize) -> bool {
    let mut k = start;
    while let Some(before) = k.checked_sub(1) {
        let t = analysis.tokens[before].text.as_str();
        if t == "between" {
            return true;
        }
        let in_list = matches!(t, "and" | "," | "the")
            || t.starts_with(|c: char| c.is_uppercase())
            || analysis.upos(before) == Some(Upos::ADJ);
        if !in_list || start - before > 8 {
            return false;
        }
        k = before;
    }
    false
}

/// Whether the name at tokens `start..end` completes a group's name: the
/// group's name is "of" it ("the Liberation Front of Gondor"), or it
/// follows such a name after "and" ("… of Gondor and Arnor").
fn of_group(
    analysis: &Analysis,
    start: usize,
    end: usize,
    names_group: &dyn Fn(&Mention) -> bool,
) -> bool {
    let text = |k: usize| analysis.tokens[k].text.as_str();
    let has_of = |from: usize, to: usize| (from..to).any(|k| text(k) == "of");
    // (a name, not a common noun the dictionaries code: "the village of
    // Qarvesh" is no group's name)
    let group = |m: &&Mention| {
        names_group(m)
            && analysis.tokens[m.start]
                .text
                .starts_with(char::is_uppercase)
    };
    if analysis
        .mentions
        .iter()
        .filter(group)
        .any(|m| m.start < start && end <= m.end && has_of(m.start, start))
    {
        return true;
    }
    let Some(before) = start.checked_sub(1) else {
        return false;
    };
    match text(before) {
        "of" => analysis
            .mentions
            .iter()
            .filter(group)
            .any(|m| m.end == before),
        "and" => {
            // back over the name before "and"
            let mut k = before;
            while k > 0
                && analysis.tokens[k - 1]
                    .text
                    .starts_with(|c: char| c.is_uppercase())
            {
                k -= 1;
            }
            k < before
                && analysis.mentions.iter().filter(group).any(|m| {
                    (m.end + 1 == k && text(k - 1) == "of")
                        || (m.end == before && has_of(m.start, before))
                })
        }
        _ => false,
    }
}

/// How a place hangs on an event's word, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Hang {
    /// The place the act is done to.
    Object,
    /// In a place phrase of the event's word.
    Phrase,
    /// Acted on by the verb of the act's purpose or means.
    Purpose,
    /// In a place phrase of a verb governing the event's clause, so many
    /// steps up.
    Governor(u8),
    /// In the nearest place phrase of the same clause.
    Near,
    /// Named right after the event's verb, the parse hanging it elsewhere.
    Beside,
}

/// A place's rank for an event, compared field by field (lower is better).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Rank {
    hang: Hang,
    /// Named only as the point a direction is taken from ("20 km north of
    /// Osgiliath"): the place meant lies elsewhere.
    relative: bool,
    /// An area (country, region), not a town or city.
    area: bool,
    /// How near the phrase's head the name stands (see [`attachment`]).
    attachment: u8,
    /// Tokens from the verb it hangs on.
    distance: usize,
}

impl Rank {
    /// The rank of a place named right after the verb.
    fn beside(distance: usize) -> Self {
        Rank {
            hang: Hang::Beside,
            relative: false,
            area: false,
            attachment: 0,
            distance,
        }
    }
}

/// Whether the place at `tokens` (of the sentence's `words`) is named right
/// after the verb at `at`: only articles, adjectives, adverbs, words of
/// direction, kinds of place and one preposition of place (which
/// `needs_preposition` requires) between, and "of" only after a kind of
/// place ("patrolled downtown Osgiliath", "marched through central
/// Osgiliath", "patrolled the walled city of Osgiliath"; not "captured
/// another of Gondor's officers"), and no common noun after it but a kind of
/// place ("patrolled Osgiliath streets", not "sued the Osgiliath
/// government").
fn beside_verb(
    words: &[Token],
    parse: &ParsedSentence,
    at: usize,
    tokens: Range<usize>,
    needs_preposition: bool,
) -> bool {
    let upos = |k: usize| parse.words.get(k).map(|w| w.upos);
    if upos(at) != Some(Upos::VERB) || tokens.start <= at || tokens.start - at > 6 {
        return false;
    }
    let text = |k: usize| words[k].text.to_lowercase();
    let mut preposition = false;
    for k in at + 1..tokens.start {
        let w = text(k);
        if PLACE_PREPS.contains(&w.as_str()) && !preposition {
            preposition = true;
        } else if !(matches!(upos(k), Some(Upos::DET | Upos::ADV | Upos::ADJ))
            || dyad_geo::is_direction_word(&w)
            || (upos(k) == Some(Upos::NOUN) && dyad_geo::is_place_noun(&w))
            || (w == "of"
                && k + 1 == tokens.start
                && upos(k - 1) == Some(Upos::NOUN)
                && dyad_geo::is_place_noun(&text(k - 1))))
        {
            return false;
        }
    }
    if needs_preposition && !preposition {
        return false;
    }
    let mut k = tokens.end;
    if words
        .get(k)
        .is_some_and(|t| matches!(t.text.as_str(), "'s" | "’s"))
    {
        k += 1;
    }
    // the run of common nouns after the name ends in a kind of place
    let nouns = (k..words.len())
        .take_while(|&j| upos(j) == Some(Upos::NOUN))
        .last();
    nouns.is_none_or(|j| dyad_geo::is_place_noun(&words[j].text))
}

/// Which prepositions locate an event besides [`PLACE_PREPS`].
#[derive(Debug, Clone, Copy)]
struct Preps {
    /// A physical act: "over", "above" and "between" too ("jets over Gao",
    /// "positions between Gao and Kidal").
    material: bool,
    /// A protest, which goes to its place: "on", "to", "toward(s)", when
    /// they hang on the verb itself ("marched on the capital").
    goal: bool,
    /// An assault, fight or mass violence: what it is "on" or "against" is
    /// what it is done to ("mounted an offensive against Osgiliath").
    assault: bool,
    /// A verb of going somewhere: where it goes "to" is where it happens,
    /// when that hangs on the verb itself ("sent riders to Osgiliath").
    destination: bool,
}

/// A place phrase: the word it hangs from the sentence by.
#[derive(Debug, Clone, Copy)]
struct Phrase {
    head: usize,
    /// The place is where a direction is taken from ("north of Gao").
    relative: bool,
    /// Introduced by a preposition of a protest's goal: counts only on the
    /// verb itself.
    goal: bool,
}

/// Whether the event is a physical act on a place, or a visit to one:
/// material cooperation and conflict, protests, visits. Of these the place
/// acted on is where it happened ("shelled Osgiliath", "patrolled
/// Osgiliath", "visited Osgiliath"); of a statement it is the one spoken
/// of ("accused Gondor").
fn acts_on_places(event: &Event) -> bool {
    matches!(event.quad_class, 2 | 4) || event.root == "14" || event.code == "042"
}

/// Whether `lemma` is a verb of going somewhere, whose destination is where
/// the act takes place ("sent riders to Osgiliath", "marched to the square").
fn is_motion_verb(lemma: &str) -> bool {
    matches!(
        lemma.to_lowercase().as_str(),
        "go" | "come"
            | "send"
            | "deploy"
            | "march"
            | "move"
            | "advance"
            | "travel"
            | "return"
            | "head"
            | "fly"
            | "drive"
            | "walk"
            | "dispatch"
            | "rush"
    )
}

/// Whether the event is a protest, which goes to places as well as being
/// in them ("marched on the capital", "marched to the square").
fn is_protest(event: &Event) -> bool {
    event.root == "14"
}

/// Whether the place headed by `h` is what the act of word `at` is done
/// to: its object, its passive subject, or a noun of theirs that the place
/// names or owns ("the streets of Osgiliath", "Osgiliath's suburbs", "an
/// Osgiliath hotel" — but only a town before a noun, or a region before
/// a kind of place: "the Gondor towns" are in Gondor, "two Gondor
/// helicopters" are Gondor's). For an event noun, what it
/// is done to ("the shelling of Osgiliath").
fn acted_on(
    parse: &ParsedSentence,
    mut h: usize,
    at: usize,
    settlement: bool,
    assault: bool,
) -> bool {
    for step in 0..4 {
        let word = &parse.words[h];
        let Some(up) = word.head else {
            return false;
        };
        let rel = word.deprel.as_str();
        if up == at {
            return match parse.words[at].upos {
                // (A bare name after the verb is its object however the parse
                // labels it: "captured Osgiliath, the second city".)
                Upos::VERB => {
                    matches!(rel, "obj" | "dobj" | "nsubj:pass" | "nsubjpass")
                        || (rel == "xcomp" && word.upos == Upos::PROPN)
                }
                Upos::NOUN => {
                    rel == "nmod" && matches!(parse.preposition(h).as_deref(), Some("of" | "on"))
                }
                _ => false,
            };
        }
        let over = match rel {
            // ("the Gondor towns" are in Gondor; "Gondor-held lands" are not
            // Gondor.)
            "compound" | "amod" => {
                settlement || step > 0 || dyad_geo::is_local_place_noun(&parse.words[up].lemma)
            }
            "flat" | "conj" | "nmod:poss" => true,
            // (A kind of place names the place before it, not a thing the
            // parse hung it on: "the palace in Osgiliath, the capital of
            // Gondor".)
            "appos" => {
                word.upos != Upos::NOUN
                    || !dyad_geo::is_place_noun(&word.lemma)
                    || parse.words[up].upos == Upos::PROPN
                    || dyad_geo::is_place_noun(&parse.words[up].lemma)
            }
            // (An assault's target: "mounted an offensive against the town
            // of Osgiliath".)
            // (Not into the name of anything but a place: "the Union of
            // Gondor" is no place, "the Gulf of Gondor" is.)
            "nmod" => {
                (parse.words[up].upos != Upos::PROPN
                    || dyad_geo::is_place_noun(&parse.words[up].lemma)
                    // (A kind of place the parse hung on the name before
                    // it: "the Gondor Army-held town of Osgiliath".)
                    || (word.upos == Upos::NOUN && dyad_geo::is_settlement_noun(&word.lemma)))
                    && parse.preposition(h).is_none_or(|p| {
                        p == "of" || (assault && matches!(p.as_str(), "on" | "against"))
                    })
            }
            _ => false,
        };
        // (Not through a direction: "soldiers 20 km north of Osgiliath".)
        // (A share is a word of quantity: "captured a third of Gondor".)
        if !over
            || !matches!(
                parse.words[up].upos,
                Upos::NOUN | Upos::PROPN | Upos::NUM | Upos::ADJ
            )
            || dyad_geo::is_direction_noun(&parse.words[up].lemma)
        {
            return false;
        }
        h = up;
    }
    false
}

/// The verbs that govern the clause of word `at`, nearest first: the
/// clause it is an adverbial, complement, conjunct or aside of ("In
/// Osgiliath, officials said soldiers shot …", "opened fire, killing …").
fn governors(parse: &ParsedSentence, mut at: usize) -> Vec<usize> {
    let mut out = Vec::new();
    for _ in 0..3 {
        let word = &parse.words[at];
        let Some(up) = word.head else {
            break;
        };
        let rel = word.deprel.split(':').next().unwrap_or("");
        if !matches!(rel, "advcl" | "xcomp" | "ccomp" | "conj" | "parataxis") {
            break;
        }
        out.push(up);
        at = up;
    }
    out
}

/// The verbs that say what an act was for or how it was done: its
/// infinitive or adverbial clauses, and those of its object ("sent riders
/// to seize …", "opened the battle by shelling …").
fn purposes(parse: &ParsedSentence, at: usize) -> Vec<usize> {
    let clauses = |w: usize| {
        parse.children(w).filter(|&c| {
            parse.words[c].upos == Upos::VERB
                && matches!(
                    parse.words[c].deprel.split(':').next(),
                    Some("xcomp" | "advcl" | "acl")
                )
        })
    };
    let mut out: Vec<usize> = clauses(at).collect();
    if let Some(object) = parse.object(at) {
        out.extend(clauses(object));
    }
    out
}

/// Whether a finite verb of another clause stands between the act's word
/// `at` and the name at `name` (the act's own auxiliary does not: "in
/// Osgiliath, a rider, 28, was shot").
fn clause_between(parse: &ParsedSentence, at: usize, name: Range<usize>) -> bool {
    let (from, to) = if name.start > at {
        (at + 1, name.start)
    } else {
        (name.end, at)
    };
    parse.words[from..to].iter().any(|w| {
        matches!(w.xpos.as_str(), "VBD" | "VBZ" | "VBP" | "MD")
            && !(w.head == Some(at) && w.deprel.starts_with("aux"))
    })
}

/// The verbs of the clauses that say when the act at `at` happened ("…
/// when they were attacked", "as they travelled").
fn moments(parse: &ParsedSentence, at: usize) -> Vec<usize> {
    parse
        .children_with(at, "advcl")
        .filter(|&c| {
            parse.children(c).any(|m| {
                matches!(parse.words[m].deprel.as_str(), "mark" | "advmod")
                    && matches!(
                        parse.words[m].lemma.to_lowercase().as_str(),
                        "when" | "as" | "while" | "after"
                    )
            })
        })
        .collect()
}

/// Of two places in one phrase the one nearer its head wins ("in Lima's
/// Miraflores district": Miraflores): 0 for the phrase's own head or the
/// name it is "of" ("in the town of Gao near Kidal": Gao; but "in the Tulmek
/// district of Gao": Tulmek), 1 for a name
/// modifying it, 2 for one further down.
fn attachment(
    parse: &ParsedSentence,
    name: &Range<usize>,
    head: usize,
    phrase: usize,
    country_at: &dyn Fn(usize) -> bool,
) -> u8 {
    // ("the Tulmek district of Gao": the district has its own name, Gao is
    // only where it lies; but "the Gondor town of Osgiliath" is Osgiliath.)
    let named_by = parse.words[head].head == Some(phrase)
        && parse.words[head].deprel.starts_with("nmod")
        && parse.preposition(head).as_deref() == Some("of")
        && (dyad_geo::is_settlement_noun(&parse.words[phrase].lemma)
            || !parse.children(phrase).any(|c| {
                parse.words[c].deprel == "compound"
                    && parse.words[c].upos == Upos::PROPN
                    && !country_at(c)
            }));
    // ("in the Tulmek district in western Gao", "near the Tulmek area of
    // Gao": the district's own name; but not "the Gondor town of
    // Osgiliath", whose name is the one it is "of".)
    // (A country names no place inside it: "the Gondor state of
    // Osgiliath" is Osgiliath.)
    let names_local_place = parse.words[head].head == Some(phrase)
        && !country_at(head)
        && parse.words[head].deprel == "compound"
        && dyad_geo::is_local_place_noun(&parse.words[phrase].lemma)
        && !(dyad_geo::is_settlement_noun(&parse.words[phrase].lemma)
            && parse.children(phrase).any(|c| {
                parse.words[c].deprel.starts_with("nmod")
                    && parse.preposition(c).as_deref() == Some("of")
            }));
    if name.contains(&phrase) || named_by || names_local_place {
        return 0;
    }
    match parse.words[head].deprel.as_str() {
        "compound" | "flat" | "amod" | "appos" => 1,
        _ => 2,
    }
}

/// Whether the name at token `k` is where a distance is measured from
/// ("a village 20 km north of Osgiliath", "30 miles from Osgiliath").
fn after_distance(parse: &ParsedSentence, k: usize) -> bool {
    let lemma = |j: usize| parse.words[j].lemma.to_lowercase();
    let window = k.saturating_sub(5)..k;
    let Some(from) = window
        .clone()
        .rev()
        .find(|&j| matches!(lemma(j).as_str(), "of" | "from"))
    else {
        return false;
    };
    (window.start..from).any(|j| {
        matches!(
            lemma(j).as_str(),
            "km" | "kms"
                | "kilometer"
                | "kilometre"
                | "kilometers"
                | "kilometres"
                | "mile"
                | "miles"
        )
    })
}

/// Whether the words before token `k` take a direction from it ("240 km
/// northeast of", "to the north-west of"), however the parse attaches them.
fn after_direction(parse: &ParsedSentence, k: usize) -> bool {
    k >= 2
        && parse.words[k - 1].lemma.eq_ignore_ascii_case("of")
        && dyad_geo::is_direction_noun(&parse.words[k - 2].lemma)
}

/// The place phrase a place mention (headed by `h`) stands in: the
/// mention's own head when a preposition of place governs it ("in Gao"), or
/// a noun it names ("in the town of Gao", "in this Ivory Coast city"), or a
/// direction from it ("north of Gao").
fn place_phrase(
    parse: &ParsedSentence,
    mut h: usize,
    start: usize,
    country: bool,
    preps: Preps,
) -> Option<Phrase> {
    for step in 0..3 {
        let prep = parse.preposition(h).or_else(|| {
            (step == 0)
                .then(|| {
                    stray_preposition(parse, start, h).or_else(|| modifier_preposition(parse, h))
                })
                .flatten()
        });
        if let Some(p) = prep.as_deref() {
            // (A destination, as a protest's goal, only on the verb itself.)
            let goal = (preps.goal && matches!(p, "on" | "to" | "toward" | "towards"))
                || (preps.destination && matches!(p, "to" | "toward" | "towards"));
            // ("on" a kind of place or a side of one locates: "on the
            // outskirts of Gao", "on the border"; else it names a target.)
            let lemma = parse.words[h].lemma.as_str();
            let on_place = p == "on"
                && parse.words[h].upos == Upos::NOUN
                && (dyad_geo::is_direction_noun(lemma) || dyad_geo::is_place_noun(lemma));
            // ("in support of Gondor", "in protest at Gondor's plans":
            // an idiom, not a place.)
            if step > 0 && p == "in" && is_in_idiom(lemma) {
                return None;
            }
            if PLACE_PREPS.contains(&p)
                || (preps.material && matches!(p, "over" | "above"))
                || goal
                || on_place
            {
                return Some(Phrase {
                    head: h,
                    relative: false,
                    goal,
                });
            }
        }
        let rel = parse.words[h].deprel.as_str();
        let up = parse.words[h].head?;
        if prep.as_deref() == Some("of") && dyad_geo::is_direction_noun(&parse.words[up].lemma) {
            return Some(Phrase {
                head: up,
                relative: true,
                goal: false,
            });
        }
        // (A country before a common noun places it only when that is a
        // kind of place: "in the Gondor countryside", but not "in
        // Gondor-led raids" or "outside the Gondor embassy"; a town or
        // region before any noun does: "in an Osgiliath market".)
        let modifier = matches!(rel, "compound" | "amod")
            && (!country
                || parse.words[up].upos == Upos::PROPN
                || dyad_geo::is_place_noun(&parse.words[up].lemma));
        // (A conjunct is in its first conjunct's phrase: "in Gao and
        // Kidal", "in the second city, rebel-held Kidal".)
        let over = rel.starts_with("nmod") || matches!(rel, "appos" | "flat" | "conj") || modifier;
        if !over || !matches!(parse.words[up].upos, Upos::NOUN | Upos::PROPN) {
            return None;
        }
        h = up;
    }
    None
}

/// The preposition just before a name (its first word at `start`, its head
/// `h`) that the parse hung on a later word instead ("in Osgiliath Monday"
/// parsed as "in … Monday"): a name with no preposition of its own takes it,
/// unless that later word is what the name modifies ("in Gondor-led raids").
fn stray_preposition(parse: &ParsedSentence, start: usize, h: usize) -> Option<String> {
    let k = start.checked_sub(1)?;
    let word = &parse.words[k];
    let c = word.head.filter(|&c| c > h)?;
    let above_name = std::iter::successors(parse.words[h].head, |&u| parse.words[u].head)
        .take(parse.words.len())
        .any(|u| u == c);
    (word.upos == Upos::ADP
        && word.deprel == "case"
        && !above_name
        && matches!(parse.words[h].deprel.as_str(), "obl" | "nmod"))
    .then(|| word.lemma.to_lowercase())
}

/// Whether "in" + `lemma` + a preposition is an idiom that says why or for
/// whom, not where ("in support of", "in response to", "in retaliation
/// for").
fn is_in_idiom(lemma: &str) -> bool {
    matches!(
        lemma.to_lowercase().as_str(),
        "support"
            | "favor"
            | "favour"
            | "solidarity"
            | "protest"
            | "response"
            | "retaliation"
            | "revenge"
            | "memory"
            | "honor"
            | "honour"
            | "defiance"
            | "violation"
            | "breach"
            | "pursuit"
            | "search"
            | "spite"
            | "name"
            | "exchange"
            | "return"
            | "place"
            | "charge"
    )
}

/// The preposition the parse hung on a word before the name that modifies
/// it ("in" of "in rural west Lyon" put under "rural"): the name's
/// own, when it has none.
fn modifier_preposition(parse: &ParsedSentence, h: usize) -> Option<String> {
    parse
        .children_with(h, "compound")
        .chain(parse.children_with(h, "amod"))
        .filter(|&m| m < h)
        .min()
        .and_then(|m| parse.preposition(m))
}

/// Whether `phrase` hangs on token `at` (directly or through the nouns it
/// modifies; a protest's goal only directly).
fn reaches(parse: &ParsedSentence, phrase: &Phrase, at: usize) -> bool {
    let mut h = phrase.head;
    for _ in 0..4 {
        let Some(up) = parse.words[h].head else {
            return false;
        };
        if up == at {
            return true;
        }
        if phrase.goal || !matches!(parse.words[up].upos, Upos::NOUN | Upos::PROPN | Upos::NUM) {
            return false;
        }
        h = up;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_types::ParsedWord;

    /// The prepositions of a physical act that is neither a protest, nor a
    /// going somewhere, nor an assault.
    const MATERIAL: Preps = Preps {
        material: true,
        goal: false,
        assault: false,
        destination: false,
    };

    /// The head of the place phrase of the name at token `name`, which must
    /// hang on the verb at token `verb`.
    fn phrase_on(p: &ParsedSentence, name: usize, verb: usize) -> usize {
        let phrase = place_phrase(p, name, name, false, MATERIAL).expect("a place phrase");
        assert!(reaches(p, &phrase, verb));
        phrase.head
    }

    /// A parse from (lemma, part of speech, head counted from 1 with 0 for
    /// the root, relation) per word.
    fn parse(words: &[(&str, Upos, usize, &str)]) -> ParsedSentence {
        ParsedSentence {
            words: words
                .iter()
                .map(|&(lemma, upos, head, deprel)| ParsedWord {
                    lemma: lemma.into(),
                    upos,
                    xpos: String::new(),
                    head: head.checked_sub(1),
                    deprel: deprel.into(),
                })
                .collect(),
        }
    }

    #[test]
    fn a_dateline_run_into_the_first_sentence_ends_at_its_dash() {
        let end = |text: &str| {
            let sentences = dyad_text::sentences(text);
            let places = dyad_geo::document_places(Gazetteer::builtin(), text, &sentences, &[]);
            let end = dateline_end(&sentences[0].tokens, &places, 0)?;
            Some(
                sentences[0]
                    .tokens
                    .get(end)
                    .map_or("(end)".to_string(), |t| t.text.clone()),
            )
        };
        assert_eq!(
            end("LYON, France (AP) __ Riders raided a depot in Dijon.").as_deref(),
            Some("Riders")
        );
        assert_eq!(
            end("LYON \u{2013} Riders raided a depot in Dijon.").as_deref(),
            Some("Riders")
        );
        // (a hyphen is no dash, nor is a sentence a dateline)
        assert_eq!(end("LYON-DIJON TALKS -- Riders raided a depot."), None);
        assert_eq!(end("Lyon riders raided a depot - in Dijon."), None);
    }

    #[test]
    fn a_name_takes_the_preposition_the_parse_hung_on_a_later_word() {
        // "Riders patrolled streets in Lyon as talks stalled", with "in"
        // parsed as the case of "talks".
        let p = parse(&[
            ("rider", Upos::NOUN, 2, "nsubj"),
            ("patrol", Upos::VERB, 0, "root"),
            ("street", Upos::NOUN, 2, "obj"),
            ("in", Upos::ADP, 7, "case"),
            ("Lyon", Upos::PROPN, 2, "obl"),
            ("as", Upos::ADP, 7, "mark"),
            ("talk", Upos::NOUN, 2, "obl"),
            ("stall", Upos::VERB, 2, "advcl"),
        ]);
        assert_eq!(phrase_on(&p, 4, 1), 4);
        // (not a preposition that is the name's own word's)
        assert_eq!(stray_preposition(&p, 6, 6), None);
    }

    #[test]
    fn a_name_takes_the_preposition_the_parse_hung_on_its_modifier() {
        // "Riders shot a man in rural west Lyon", with "in" parsed as the
        // case of "rural"
        let p = parse(&[
            ("rider", Upos::NOUN, 2, "nsubj"),
            ("shoot", Upos::VERB, 0, "root"),
            ("a", Upos::DET, 4, "det"),
            ("man", Upos::NOUN, 2, "obj"),
            ("in", Upos::ADP, 6, "case"),
            ("rural", Upos::ADJ, 8, "amod"),
            ("west", Upos::PROPN, 8, "compound"),
            ("Lyon", Upos::PROPN, 2, "obl"),
        ]);
        assert_eq!(phrase_on(&p, 7, 1), 7);
    }

    #[test]
    fn a_conjunct_shares_the_place_phrase_of_the_noun_it_is_joined_to() {
        // "Riders attacked in the second city, rebel-held Lyon", with "Lyon"
        // parsed as a conjunct of "city"
        let p = parse(&[
            ("rider", Upos::NOUN, 2, "nsubj"),
            ("attack", Upos::VERB, 0, "root"),
            ("in", Upos::ADP, 6, "case"),
            ("the", Upos::DET, 6, "det"),
            ("second", Upos::ADJ, 6, "amod"),
            ("city", Upos::NOUN, 2, "obl"),
            (",", Upos::PUNCT, 8, "punct"),
            ("Lyon", Upos::PROPN, 6, "conj"),
        ]);
        assert_eq!(phrase_on(&p, 7, 1), 5);
    }

    #[test]
    fn a_town_the_parse_hung_on_a_name_is_still_what_was_struck() {
        // "Riders attacked the Grishnakh town of Lyon", with "town" parsed
        // as a modifier of "Grishnakh"; not "the Union of Lyon"
        let p = |noun: &str, upos: Upos| {
            parse(&[
                ("rider", Upos::NOUN, 2, "nsubj"),
                ("attack", Upos::VERB, 0, "root"),
                ("the", Upos::DET, 4, "det"),
                ("Grishnakh", Upos::PROPN, 2, "obj"),
                (noun, upos, 4, "nmod"),
                ("of", Upos::ADP, 7, "case"),
                ("Lyon", Upos::PROPN, 5, "nmod"),
            ])
        };
        assert!(acted_on(&p("town", Upos::NOUN), 6, 1, true, true));
        assert!(!acted_on(&p("Union", Upos::PROPN), 6, 1, true, true));
    }

    #[test]
    fn a_place_beside_the_verb_may_follow_the_kind_of_place_it_is() {
        let sentence = |words: &[(&str, Upos)]| {
            let tokens: Vec<Token> = words
                .iter()
                .map(|&(w, _)| Token {
                    text: w.into(),
                    span: dyad_types::Span::default(),
                })
                .collect();
            let p = parse(
                &words
                    .iter()
                    .map(|&(w, u)| (w, u, 0, "dep"))
                    .collect::<Vec<_>>(),
            );
            (tokens, p)
        };
        // "patrolled the walled city of Lyon"
        let (tokens, p) = sentence(&[
            ("patrolled", Upos::VERB),
            ("the", Upos::DET),
            ("walled", Upos::ADJ),
            ("city", Upos::NOUN),
            ("of", Upos::ADP),
            ("Lyon", Upos::PROPN),
        ]);
        assert!(beside_verb(&tokens, &p, 0, 5..6, false));
        // "captured another of Lyon's officers"
        let (tokens, p) = sentence(&[
            ("captured", Upos::VERB),
            ("another", Upos::DET),
            ("of", Upos::ADP),
            ("Lyon", Upos::PROPN),
            ("'s", Upos::PART),
            ("officers", Upos::NOUN),
        ]);
        assert!(!beside_verb(&tokens, &p, 0, 3..4, false));
    }

    #[test]
    fn the_act_s_own_auxiliary_is_no_other_clause() {
        // "in Lyon, a rider was shot" / "in Lyon, a rider said he was shot"
        let p = |aux_head: usize, deprel: &str| {
            let mut p = parse(&[
                ("in", Upos::ADP, 2, "case"),
                ("Lyon", Upos::PROPN, 5, "obl"),
                ("rider", Upos::NOUN, 5, "nsubj:pass"),
                ("be", Upos::AUX, aux_head, deprel),
                ("shoot", Upos::VERB, 0, "root"),
            ]);
            p.words[3].xpos = "VBD".into();
            p
        };
        assert!(!clause_between(&p(5, "aux:pass"), 4, 1..2));
        assert!(clause_between(&p(3, "cop"), 4, 1..2));
    }

    #[test]
    fn an_area_s_own_name_is_nearer_than_the_town_it_is_of() {
        // "near the NAME NOUN of Lyon"
        let near_the = |name: &str, noun: &str| {
            parse(&[
                ("near", Upos::ADP, 4, "case"),
                ("the", Upos::DET, 4, "det"),
                (name, Upos::PROPN, 4, "compound"),
                (noun, Upos::NOUN, 0, "root"),
                ("of", Upos::ADP, 6, "case"),
                ("Lyon", Upos::PROPN, 4, "nmod"),
            ])
        };
        // "near the Tulmek area of Lyon": Tulmek names the area
        let p = near_the("Tulmek", "area");
        assert_eq!(attachment(&p, &(2..3), 2, 3, &|_| false), 0);
        // "near the Gondor town of Lyon": Lyon names the town
        let p = near_the("Gondor", "town");
        assert_eq!(attachment(&p, &(2..3), 2, 3, &|_| false), 1);
        assert_eq!(attachment(&p, &(5..6), 5, 3, &|_| false), 0);
        // "near the Gondor state of Lyon", Gondor a country: Lyon names the
        // state
        let p = near_the("Gondor", "state");
        let gondor = |k: usize| k == 2;
        assert_eq!(attachment(&p, &(2..3), 2, 3, &gondor), 1);
        assert_eq!(attachment(&p, &(5..6), 5, 3, &gondor), 0);
    }

    #[test]
    fn a_place_a_distance_is_measured_from_is_relative() {
        // "the village 20 kilometers north of Lyon", "20 miles from Lyon";
        // not "the village of Lyon"
        let lemmas = |ws: &[&str]| {
            parse(
                &ws.iter()
                    .map(|&w| (w, Upos::NOUN, 0, "dep"))
                    .collect::<Vec<_>>(),
            )
        };
        let p = lemmas(&["the", "village", "20", "kilometer", "north", "of", "Lyon"]);
        assert!(after_distance(&p, 6));
        let p = lemmas(&["20", "mile", "from", "Lyon"]);
        assert!(after_distance(&p, 3));
        let p = lemmas(&["the", "village", "of", "Lyon"]);
        assert!(!after_distance(&p, 3));
    }
}
