//! Place mentions of our own sentences, through the real sentence splitter
//! and parser: spellings (capitals, diacritics, hyphens, apostrophes),
//! ambiguity settled by the document, people and unknown names left alone,
//! and large or broken input.

use std::sync::OnceLock;

use dyad_geo::{document_places, Form, Gazetteer, PlaceMention};
use dyad_types::ParsedSentence;

fn model() -> &'static dyad_nlp::Model {
    static MODEL: OnceLock<dyad_nlp::Model> = OnceLock::new();
    MODEL.get_or_init(|| dyad_nlp::Model::embedded().expect("the built-in model loads"))
}

fn places(text: &str) -> Vec<PlaceMention> {
    let sentences = dyad_text::sentences(text);
    let parses: Vec<ParsedSentence> = sentences
        .iter()
        .map(|s| {
            let words: Vec<&str> = s.tokens.iter().map(|t| t.text.as_str()).collect();
            if words.is_empty() {
                ParsedSentence::default()
            } else {
                model().parse(&words)
            }
        })
        .collect();
    document_places(Gazetteer::builtin(), text, &sentences, &parses)
}

/// The mention whose text is `text`.
fn find<'a>(ms: &'a [PlaceMention], text: &str) -> &'a PlaceMention {
    ms.iter()
        .find(|m| m.text == text)
        .unwrap_or_else(|| panic!("no mention {text:?} in {ms:#?}"))
}

fn country<'a>(ms: &'a [PlaceMention], text: &str) -> Option<&'a str> {
    find(ms, text).country.as_deref()
}

fn near(m: &PlaceMention, lat: f64, lon: f64) -> bool {
    match (m.lat, m.lon) {
        (Some(a), Some(b)) => dyad_geo::distance_km((a, b), (lat, lon)) < 50.0,
        _ => false,
    }
}

#[test]
fn places_in_capitals() {
    let text = "ALEPPO, Syria (Reuters) - Shelling hit the old city on Monday. \
                Residents fled toward IDLIB as the army advanced.";
    let ms = places(text);
    assert!(near(find(&ms, "ALEPPO"), 36.2, 37.16), "{ms:#?}");
    assert_eq!(country(&ms, "Syria"), Some("SYR"));
    assert_eq!(country(&ms, "IDLIB"), Some("SYR"));
    // spans are character offsets into the text
    let m = find(&ms, "IDLIB");
    let slice: String = text.chars().skip(m.span.start).take(m.span.len()).collect();
    assert_eq!(slice, "IDLIB");
}

#[test]
fn places_with_diacritics() {
    let ms = places(
        "The delegation flew from Kyïv to São Paulo, then on to Łódź. \
         Talks in Zürich ended without a deal.",
    );
    assert!(near(find(&ms, "Kyïv"), 50.45, 30.52), "{ms:#?}");
    assert_eq!(country(&ms, "São Paulo"), Some("BRA"));
    assert_eq!(country(&ms, "Łódź"), Some("POL"));
    assert_eq!(country(&ms, "Zürich"), Some("CHE"));
}

#[test]
fn places_with_hyphens_and_apostrophes() {
    let ms = places(
        "Fighting continued near Al-Hudaydah and in Ma'rib on Sunday, while the \
         government of Côte d'Ivoire called for calm. Officials in Winston-Salem \
         said nothing.",
    );
    assert!(near(find(&ms, "Al-Hudaydah"), 14.8, 42.95), "{ms:#?}");
    assert_eq!(country(&ms, "Ma'rib"), Some("YEM"));
    assert_eq!(country(&ms, "Côte d'Ivoire"), Some("CIV"));
    assert_eq!(country(&ms, "Winston-Salem"), Some("USA"));
}

#[test]
fn transliterations_meet() {
    let a = places("Rebels shelled Hodeidah on Monday.");
    let b = places("Rebels shelled al-Hudaydah on Monday.");
    assert_eq!(
        find(&a, "Hodeidah").geonameid,
        find(&b, "al-Hudaydah").geonameid
    );
    let c = places("Officials in Kiev denied it.");
    let d = places("Officials in Kyiv denied it.");
    assert_eq!(find(&c, "Kiev").geonameid, find(&d, "Kyiv").geonameid);
}

#[test]
fn the_story_decides_between_places_of_one_name() {
    let texas = places(
        "A storm moved across north Texas on Monday, downing power lines in Dallas \
         and Sherman. In Paris, firefighters rescued two families.",
    );
    assert!(near(find(&texas, "Paris"), 33.66, -95.56), "{texas:#?}");
    let france = places(
        "Farmers blocked roads near Lyon and Marseille on Monday. In Paris, the \
         French government promised talks.",
    );
    assert!(near(find(&france, "Paris"), 48.85, 2.35), "{france:#?}");
    // a qualifier settles it outright
    let qualified = places("He grew up in Paris, Tenn., and moved away at 18.");
    assert!(
        near(find(&qualified, "Paris"), 36.3, -88.33),
        "{qualified:#?}"
    );
    assert_eq!(country(&qualified, "Tenn."), Some("USA"));
}

#[test]
fn a_sentence_may_begin_with_its_place() {
    // "In X," opening a sentence is as sure a cue as "in X" inside
    // one, when another country named nearby pulls the name elsewhere.
    let ms = places("In Athens, farmers protested outside the US embassy.");
    assert_eq!(country(&ms, "Athens"), Some("GRC"), "{ms:#?}");
}

#[test]
fn georgia_the_state_and_georgia_the_country() {
    let caucasus = places(
        "Russian troops moved deeper into Georgia on Saturday. Tbilisi accused Moscow \
         of aggression.",
    );
    assert_eq!(country(&caucasus, "Georgia"), Some("GEO"), "{caucasus:#?}");
    let south = places(
        "Heavy rain flooded roads across Georgia on Saturday. Officials in Atlanta \
         and Savannah opened shelters.",
    );
    assert_eq!(country(&south, "Georgia"), Some("USA"), "{south:#?}");
}

#[test]
fn regions_and_directions() {
    let ms = places(
        "French troops advanced in northern Mali, and the army said the Kidal \
         region was calm.",
    );
    assert_eq!(country(&ms, "Mali"), Some("MLI"));
    assert_eq!(find(&ms, "French").form, Form::Adjective);
}

#[test]
fn a_country_adjective_names_no_other_place() {
    // (GeoNames lists "Australian" among the names of the Australian
    // Capital Territory.)
    let ms = places("An Australian held there for a year was flown to Perth.");
    assert!(
        ms.iter()
            .all(|m| m.text != "Australian" || m.form == Form::Adjective),
        "{ms:#?}"
    );
}

#[test]
fn a_people_s_name_is_no_place_but_may_name_a_feature() {
    // A "Turk" or a "Dane" is a person, read as the country's people; a
    // people's name before a feature word is the feature's own name.
    let ms =
        places("A Turk and two Danes were held in a camp in the Kurdish Mountains near Mosul.");
    for people in ["Turk", "Danes"] {
        assert!(
            ms.iter()
                .all(|m| m.text != people || m.form == Form::Adjective),
            "{ms:#?}"
        );
    }
    assert!(
        ms.iter()
            .any(|m| m.text == "Kurdish Mountains" && m.form == Form::Name),
        "{ms:#?}"
    );
}

#[test]
fn people_and_organisations_are_no_places() {
    let ms = places(
        "Jordan Spieth won the tournament on Sunday. Spieth said he was tired. \
         Mr. Lincoln spoke to John Kerry.",
    );
    assert!(ms.iter().all(|m| m.text != "Jordan"), "{ms:#?}");
    assert!(ms.iter().all(|m| m.text != "Lincoln"), "{ms:#?}");
    assert!(ms.iter().all(|m| m.text != "Kerry"), "{ms:#?}");
    // a name with an age after it is a person's
    let ms = places("Police said gunmen shot Jordan, 23, near his home in Leeds.");
    assert!(ms.iter().all(|m| m.text != "Jordan"), "{ms:#?}");
    assert!(ms.iter().any(|m| m.text == "Leeds"), "{ms:#?}");
}

#[test]
fn unknown_names_give_nothing() {
    let ms = places("Officials of Zxqvland and Blorptown said the Frobnicator Council met.");
    assert!(ms.is_empty(), "{ms:#?}");
    for m in places("It rained in Springfield.") {
        // the name is a place, but which Springfield is not said: no
        // coordinates rather than a guess
        if m.text == "Springfield" {
            assert!(m.lat.is_none() && m.geonameid.is_none(), "{m:#?}");
        }
    }
}

#[test]
fn local_places_the_gazetteer_lacks_are_named_without_coordinates() {
    let ms = places(
        "Gunmen stormed the villages of Qarvesh, Tulmek and Dorvan before dawn. \
         Jets later hit the Zarbeki airbase and the Kelmora Vashti District on Monday.",
    );
    for name in [
        "Qarvesh",
        "Tulmek",
        "Dorvan",
        "Zarbeki",
        "Kelmora Vashti District",
    ] {
        let m = find(&ms, name);
        assert!(m.unlisted && m.form == Form::Name, "{m:#?}");
        assert!(
            m.lat.is_none() && m.lon.is_none() && m.geonameid.is_none(),
            "{m:#?}"
        );
        // as an event's location: the name as written, no coordinates
        let l = m.location();
        assert_eq!(l.name, name);
        assert!(l.lat.is_none() && l.span == Some(m.span));
    }
    // the story's country, when its other places agree on one
    let ms = places(
        "Fighting spread from Aleppo to Idlib and Hama. Rebels held the village of Qarvesh.",
    );
    assert_eq!(country(&ms, "Qarvesh"), Some("SYR"), "{ms:#?}");
    // nor what a verb of taking or striking places is done to
    let ms = places("Rebels stormed Qarvesh on Monday.");
    assert!(find(&ms, "Qarvesh").unlisted, "{ms:#?}");
    // but not a person taken, named so by a word before the name
    for text in [
        "Rebels captured air force navigator Qarvesh after his plane fell.",
        "Rebels captured American Qarvesh after his plane fell.",
    ] {
        let ms = places(text);
        assert!(ms.iter().all(|m| !m.text.contains("Qarvesh")), "{ms:#?}");
    }
    // a name that starts like an Arabic place name, a site's name, and a
    // name after a place preposition that starts the sentence
    let ms = places(
        "Shelling from the hills hit Jabal Dorvan and the Kelmora Hospital during the night.",
    );
    assert!(find(&ms, "Jabal Dorvan").unlisted, "{ms:#?}");
    assert!(find(&ms, "Kelmora Hospital").unlisted, "{ms:#?}");
    let ms = places("In Zarbeki, riders fired at a convoy.");
    assert!(find(&ms, "Zarbeki").unlisted, "{ms:#?}");
    // names begun by an Arabic article, in either case; after a
    // preposition and a direction; begun by an ʿayn written as a quote
    let ms = places(
        "Rebels shelled the village of Al-Qarvesh and the town of al-Tulmek, \
         then fought in southern Dorvan near the town of \u{2018}Zarbeki.",
    );
    for name in ["Al-Qarvesh", "al-Tulmek", "Dorvan", "Zarbeki"] {
        assert!(find(&ms, name).unlisted, "{name}: {ms:#?}");
    }
    // a gazetteer name carried on by an Arabic article begins a longer one
    let ms = places(
        "Rebels fought for a week in the hills of Wadi al-Qarvesh and then in the marshes \
         of the Shatt al-Tulmek.",
    );
    for name in ["Wadi al-Qarvesh", "Shatt al-Tulmek"] {
        assert!(find(&ms, name).unlisted, "{name}: {ms:#?}");
    }
    // the places a kind of place is exemplified by
    let ms = places("Militias burned houses in villages such as Qarvesh and Tulmek.");
    for name in ["Qarvesh", "Tulmek"] {
        assert!(find(&ms, name).unlisted, "{name}: {ms:#?}");
    }
    // a name an apposition calls a kind of place, but not a person an
    // apposition gives a village office to
    let ms = places("Gunmen burned the offices of Qarvesh, a small village near Gao.");
    let m = find(&ms, "Qarvesh");
    assert!(m.unlisted && m.named, "{ms:#?}");
    let ms = places("Gunmen shot Qarvesh, a village elder, on Monday.");
    assert!(ms.iter().all(|m| m.text != "Qarvesh"), "{ms:#?}");
    let ms = places("Leaders like Qarvesh spoke.");
    assert!(ms.iter().all(|m| m.text != "Qarvesh"), "{ms:#?}");
    // a capitalized word is no place without such words around it
    let ms = places("Qarvesh said the talks would resume.");
    assert!(ms.iter().all(|m| m.text != "Qarvesh"), "{ms:#?}");
}

#[test]
fn an_article_naming_500_places() {
    let g = Gazetteer::builtin();
    // the 500 most populous towns with one-word ASCII names
    let mut towns: Vec<&str> = Vec::new();
    for name in [
        "Tokyo", "Delhi", "Shanghai", "Cairo", "Mumbai", "Beijing", "Dhaka", "Osaka",
    ] {
        assert!(!g.lookup(name).is_empty(), "{name}");
    }
    let mut all: Vec<&dyad_geo::Place> = (0..g.len() as u32)
        .filter_map(|id| g.place(id))
        .filter(|p| p.kind.is_settlement())
        .filter(|p| p.name.chars().all(|c| c.is_ascii_alphabetic()))
        .collect();
    all.sort_by_key(|p| std::cmp::Reverse(p.population));
    towns.extend(all.iter().take(500).map(|p| &*p.name));
    let text: String = towns
        .chunks(5)
        .map(|c| {
            format!(
                "Protests were reported in {}, {}, {}, {} and {}. ",
                c[0], c[1], c[2], c[3], c[4]
            )
        })
        .collect();
    let start = std::time::Instant::now();
    let ms = places(&text);
    assert!(ms.len() >= 400, "{} mentions", ms.len());
    for m in &ms {
        if let (Some(lat), Some(lon)) = (m.lat, m.lon) {
            assert!((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon));
        }
    }
    // parsing is most of it; the place pass itself is far below this
    assert!(start.elapsed().as_secs() < 60);
}

#[test]
fn broken_input_does_not_panic() {
    let g = Gazetteer::builtin();
    let text = "In PARIS, \u{0301}Texas\u{200b} and K\u{0308}yiv - - ' ' .";
    let sentences = dyad_text::sentences(text);
    // no parses at all, and parses that do not fit
    assert!(!document_places(g, text, &sentences, &[]).is_empty());
    let wrong = vec![ParsedSentence::default(); sentences.len() + 3];
    let _ = document_places(g, text, &sentences, &wrong);
    assert!(document_places(g, "", &[], &[]).is_empty());
    // spans past the text are tolerated
    let other = dyad_text::sentences("In Paris and Lyon, farmers protested.");
    for m in document_places(g, "short", &other, &[]) {
        assert!(m.text.len() <= 5);
    }
}
