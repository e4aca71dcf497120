//! Unit tests of the coder with tiny dictionaries of our own, one per rule,
//! through the real tagger and parser as in production.

use std::path::Path;
use std::sync::OnceLock;

use dyad_lexicon::{parse_actors, parse_agents, parse_discards, parse_verbs, Lexicon};
use dyad_types::{Document, ParsedSentence};

use crate::Coder;

const ACTORS: &str = "\
ROHAN [ROH]
+ROHIRRIC
GONDOR [GON]
+GONDORIAN
+GONDORIANS
+MINAS_TIRITH
MORDOR [MOR]
ERIADOR [ERI]
THE_UNITED_KINGDOMS_OF_ARNOR [ARN]
KING_THEODEN
    [ROHGOV < 20100101]
    [ROHELI > 20091231]
SAURON
    [MORGOV > 20000101]
    [MORELI]
DENETHOR_ECTHELION
    [GONGOV > 20000101]
    [GONELI]
WHITE_COUNCIL [IGOWHC]
GRISHNAKH [MORREB]
DARK_STATE [MORREB]
ORC_CAMP [MORREB]
ANDORRA [AND]
";

const AGENTS: &str = "\
RIDER [~MIL]
MILITARY {} [~MIL]
POLICE {} [~COP]
MINISTER [~GOV]
AMBASSADOR [~GOV]
LAWMAKER [~LEG]
MEDIA {} [~MED]
GOVERNMENT [~GOV]
LEAGUE_OF_HEALERS {} [NGO~]
PRESIDENT [~GOV]
PRIME_MINISTER [~GOV]
FOREIGN_MINISTER [~GOV]
COUNTERPART [~GOV]
ARMY {ARMIES} [~MIL]
TROOPS {} [~MIL]
";

pub(crate) const VERBS: &str = "\
&GIFT
+HORSE
+SWORD

--- ACCUSE [112] ---
ACCUSE
BLAME

--- ATTACK [190] ---
ATTACK
RAID
- * NOT SPARE [191]
- BORDER * [193]

--- MEET [040:040] ---
MEET {MEETS MET MEETING}
- % * [043]

--- SEND [070] ---
SEND {SENDS SENT SENDING}
- * &GIFT (TO +) [071]

--- WITHDRAW [0874] ---
WITHDRAW {WITHDRAWS WITHDREW WITHDRAWN WITHDRAWING}

--- SAY [010] ---
SAY {SAYS SAID SAYING}

--- PRAISE [051] ---
PRAISE

--- WARN [130] ---
WARN
- * (AT) ^ + [138]

--- ALERT [130] ---
ALERT
- * (OF +) [138]

--- GIVE [070] ---
GIVE {GIVES GAVE GIVEN GIVING}
- * &GIFT [071]
- * {LONG SWORD} [072]

--- URGE [023] ---
URGE

--- SEE [---] ---
SEE {SEES SAW SEEN SEEING}

--- ALLOW [080] ---
ALLOW

--- LEAVE [042] ---
LEAVE {LEAVES LEFT LEAVING}

--- IMPOSE [163] ---
IMPOSE

--- GLARE [111] ---
GLARE
- * (AT +) [111]

--- SHOOT [193] ---
FIRE

--- WORRY [012] ---
WORRY {WORRIES WORRIED WORRYING}
- * (ABOUT) [012]

--- DISCUSS [040] ---
DISCUSS {DISCUSSES DISCUSSED DISCUSSING}

--- EXCHANGE [---] ---
EXCHANGE
- % * INSULTS [111]
- * INSULTS [111]

~ a (a b ATTACK) SAY = a b 015
~ a (b . ATTACK) SAY = a b 112
";

const DISCARDS: &str = "TOURNAMENT\n+CHESS CHAMPIONSHIP\n";

fn coder() -> Coder {
    coder_with_verbs(VERBS)
}

/// A coder with the test actors, agents and discards and the verbs `verbs`.
fn coder_with_verbs(verbs: &str) -> Coder {
    let mut warnings = Vec::new();
    let f = Path::new("test");
    let lexicon = Lexicon {
        actors: parse_actors(f, ACTORS, &mut warnings).unwrap(),
        agents: parse_agents(f, AGENTS, &mut warnings).unwrap(),
        verbs: parse_verbs(f, verbs, &mut warnings).unwrap(),
        discards: parse_discards(f, DISCARDS, &mut warnings).unwrap(),
        words: dyad_lexicon::WordClasses::builtin(),
    };
    assert!(warnings.is_empty(), "{warnings:?}");
    Coder::new(lexicon)
}

/// The built-in language model, loaded once for all tests.
fn model() -> &'static dyad_nlp::Model {
    static MODEL: OnceLock<dyad_nlp::Model> = OnceLock::new();
    MODEL.get_or_init(|| dyad_nlp::Model::embedded().expect("the built-in model loads"))
}

/// A document's sentences and their parses by the built-in model.
fn read(text: &str) -> (Vec<dyad_types::Sentence>, Vec<ParsedSentence>) {
    let sentences = dyad_text::sentences(text);
    let parses = sentences
        .iter()
        .map(|s| {
            let words: Vec<&str> = s.tokens.iter().map(|t| t.text.as_str()).collect();
            model().parse(&words)
        })
        .collect();
    (sentences, parses)
}

/// Codes `text` as one document, parsed, into `SOURCE CODE TARGET` strings.
fn code_on(coder: &Coder, text: &str, date: Option<&str>) -> Vec<String> {
    let mut doc = Document::new("t", text);
    doc.date = date.map(|d| d.parse().unwrap());
    let (sentences, parses) = read(text);
    let mut out: Vec<String> = coder
        .code_document(&doc, &sentences, &parses)
        .iter()
        .map(|e| format!("{} {} {}", e.source.code, e.code, e.target.code))
        .collect();
    out.sort();
    out
}

/// Codes `text` from word order alone (no parse): the fallback for a
/// sentence the parser could not read.
fn code_unparsed(text: &str) -> Vec<String> {
    let doc = Document::new("t", text);
    let sentences = dyad_text::sentences(text);
    let mut out: Vec<String> = coder()
        .code_document(&doc, &sentences, &[])
        .iter()
        .map(|e| format!("{} {} {}", e.source.code, e.code, e.target.code))
        .collect();
    out.sort();
    out
}

fn code(text: &str) -> Vec<String> {
    code_on(&coder(), text, None)
}

#[test]
fn subject_verb_object() {
    assert_eq!(code("Rohan accused Mordor of lying."), ["ROH 112 MOR"]);
}

#[test]
fn actor_names_match_longest_and_in_any_case() {
    assert_eq!(
        code("The United Kingdoms of Arnor blamed MORDOR."),
        ["ARN 112 MOR"]
    );
    // A sentence all in capitals or all in lower case says nothing of names.
    assert_eq!(
        code("THE UNITED KINGDOMS OF ARNOR BLAMED MORDOR."),
        ["ARN 112 MOR"]
    );
    assert_eq!(
        code("the united kingdoms of arnor blamed mordor."),
        ["ARN 112 MOR"]
    );
}

#[test]
fn a_name_in_lower_case_in_mixed_case_text_is_a_common_word() {
    // "rohan" is no name here (as "turkey" the bird is not Turkey).
    assert!(code("The rohan blamed Mordor.").is_empty());
}

#[test]
fn agents_attach_to_their_country() {
    assert_eq!(
        code("Rohirric riders attacked Gondorian police."),
        ["ROHMIL 190 GONCOP"]
    );
    assert_eq!(
        code("The Gondor minister blamed Mordor."),
        ["GONGOV 112 MOR"]
    );
    // An agent placed before the country: [NGO~].
    assert_eq!(
        code("The League of Healers Rohan blamed Mordor."),
        ["NGOROH 112 MOR"]
    );
    // An agent alone has no country.
    assert_eq!(code("Lawmakers blamed Mordor."), ["---LEG 112 MOR"]);
}

#[test]
fn agent_codes_are_not_repeated() {
    assert_eq!(
        code("White Council government ambassadors blamed Mordor."),
        ["IGOWHCGOV 112 MOR"]
    );
}

#[test]
fn compound_actors_give_one_event_each() {
    assert_eq!(
        code("Rohan and Gondor accused Mordor."),
        ["GON 112 MOR", "ROH 112 MOR"]
    );
    assert_eq!(
        code("Rohan accused Mordor, Eriador and Gondor."),
        ["ROH 112 ERI", "ROH 112 GON", "ROH 112 MOR"]
    );
}

#[test]
fn roles_distribute_over_coordinated_countries() {
    assert_eq!(
        code("The ambassadors of Rohan, Eriador and Gondor blamed Mordor."),
        ["ERIGOV 112 MOR", "GONGOV 112 MOR", "ROHGOV 112 MOR"]
    );
    // Coordinated heads share the first one's country.
    assert_eq!(
        code("Rohirric media and government blamed Mordor."),
        ["ROHGOV 112 MOR", "ROHMED 112 MOR"]
    );
}

#[test]
fn reverse_codes_give_the_event_back() {
    assert_eq!(
        code("Rohan met Gondor on Monday."),
        ["GON 040 ROH", "ROH 040 GON"]
    );
}

#[test]
fn compound_slot_pattern_codes_each_member_towards_the_others() {
    assert_eq!(
        code("Rohan and Gondor met in Minas Tirith."),
        ["GON 043 ROH", "ROH 043 GON"]
    );
}

#[test]
fn pattern_places_the_target() {
    assert_eq!(code("Rohan sent horses to Gondor."), ["ROH 071 GON"]);
    assert_eq!(code("Rohan sent envoys to Gondor."), ["ROH 070 GON"]);
}

#[test]
fn date_restricted_codes_follow_the_document_date() {
    let c = coder();
    assert_eq!(
        code_on(&c, "King Theoden blamed Mordor.", Some("2005-03-01")),
        ["ROHGOV 112 MOR"]
    );
    assert_eq!(
        code_on(&c, "King Theoden blamed Mordor.", Some("2012-03-01")),
        ["ROHELI 112 MOR"]
    );
}

#[test]
fn passive_voice_swaps_source_and_target() {
    assert_eq!(code("Gondor was attacked by Mordor."), ["MOR 190 GON"]);
    assert_eq!(
        code("Gondor was heavily attacked by Rohirric riders on Monday."),
        ["ROHMIL 190 GON"]
    );
    // No agent: no source, no event.
    assert!(code("Gondor was attacked on Monday.").is_empty());
}

#[test]
fn negation_cancels_the_event() {
    assert!(code("Mordor did not attack Gondor.").is_empty());
    assert!(code("Mordor didn't attack Gondor.").is_empty());
    assert!(code("Mordor will never attack Gondor.").is_empty());
    // A pattern that spells out the negation still codes.
    assert_eq!(code("Mordor did not spare Gondor."), Vec::<String>::new());
    assert_eq!(
        code("Mordor raided Gondor and did not spare Eriador."),
        ["MOR 190 GON"]
    );
}

#[test]
fn failing_to_act_is_not_acting() {
    assert!(code("Rohan failed to withdraw from Gondor.").is_empty());
    assert_eq!(
        code("Rohan agreed to withdraw from Gondor."),
        ["ROH 0874 GON"]
    );
}

#[test]
fn coordinated_verbs_share_their_subject() {
    assert_eq!(
        code("The Gondor government blamed Mordor on Monday and praised Rohan."),
        ["GONGOV 051 ROH", "GONGOV 112 MOR"]
    );
}

#[test]
fn a_pronoun_subject_refers_to_the_earlier_actor() {
    assert_eq!(
        code("Gondor warned it would attack Mordor."),
        ["GON 190 MOR"]
    );
}

#[test]
fn the_subject_of_a_following_clause_is_not_an_object() {
    assert_eq!(
        code("Rohan accused Mordor, a Gondor minister said."),
        ["ROH 112 MOR"]
    );
}

#[test]
fn one_event_per_distinct_triple() {
    assert_eq!(
        code("Mordor attacked Gondor and raided Gondor."),
        ["MOR 190 GON"]
    );
}

#[test]
fn a_subordinate_clause_ends_the_object() {
    assert!(code("Rohan praised the plan after Gondor attacked.").is_empty());
}

#[test]
fn discards_drop_sentences_and_stories() {
    let c = coder();
    assert!(code_on(&c, "Rohan attacked Gondor in the tournaments.", None).is_empty());
    assert_eq!(
        code_on(&c, "Rohan attacked Gondor. The tournament ended.", None),
        ["ROH 190 GON"]
    );
    assert!(code_on(
        &c,
        "Rohan attacked Gondor. The chess championship ended.",
        None
    )
    .is_empty());
}

#[test]
fn page_furniture_codes_nothing() {
    for line in [
        "Skip to main content",
        "Advertising",
        "Page not found",
        "Share this article",
        "",
    ] {
        assert!(code(line).is_empty(), "{line}");
    }
}

#[test]
fn events_carry_the_contract_fields() {
    let c = coder();
    let mut doc = Document::new("d1", "Rohan met Gondor.");
    doc.date = Some("2015-05-12".parse().unwrap());
    let (sentences, parses) = read(&doc.text);
    let events = c.code_document(&doc, &sentences, &parses);
    let e = events.iter().find(|e| e.source.code == "ROH").unwrap();
    assert_eq!(
        (e.doc.as_str(), e.sentence, e.code.as_str(), e.root.as_str()),
        ("d1", 0, "040", "04")
    );
    assert_eq!(e.quad_class, 1);
    assert_eq!(e.plover.as_deref(), Some("CONSULT"));
    assert_eq!(e.source.country.as_deref(), Some("ROH"));
    assert_eq!(e.source.text, "Rohan");
    assert_eq!(e.date, doc.date);
    assert_eq!((e.span.start, e.span.end), (0, 17));
}

/// Codes with a hand-written parse: (form, lemma, UPOS, XPOS, head (1-based, 0 root), relation) per token.
fn code_parsed(text: &str, rows: &[(&str, &str, &str, usize, &str)]) -> Vec<String> {
    let c = coder();
    let doc = Document::new("t", text);
    let sentence = &dyad_text::sentences(text)[0];
    assert_eq!(sentence.tokens.len(), rows.len(), "one row per token");
    let words = rows
        .iter()
        .map(|&(lemma, upos, xpos, head, rel)| dyad_types::ParsedWord {
            lemma: lemma.to_string(),
            upos: dyad_types::Upos::parse(upos).unwrap(),
            xpos: xpos.to_string(),
            head: head.checked_sub(1),
            deprel: rel.to_string(),
        })
        .collect();
    let parse = ParsedSentence { words };
    let sentence = sentence.clone();
    let mut out: Vec<String> = c
        .code_document(&doc, &[sentence], &[parse])
        .into_iter()
        .map(|e| format!("{} {} {}", e.source.code, e.code, e.target.code))
        .collect();
    out.sort();
    out
}

#[test]
fn a_clause_object_is_not_an_actor_object() {
    // "said" has a clause for its object: no SAY event with Gondor; the
    // transformation gives Rohan's statement a meaning of its own.
    assert_eq!(code("Rohan said Gondor attacked Mordor."), ["GON 190 MOR"]);
    assert_eq!(code("Rohan said Gondor attacked."), ["ROH 112 GON"]);
    assert_eq!(
        code("Rohan said it attacked Mordor."),
        ["ROH 015 MOR", "ROH 190 MOR"]
    );
    // An infinitive complement keeps the object: Rohan urges Gondor.
    assert_eq!(
        code("Rohan urged Gondor to attack Mordor."),
        ["ROH 023 GON"]
    );
}

#[test]
fn skip_slot_passes_over_a_noun_phrase() {
    assert_eq!(
        code("Rohan warned at the Gondor council of the Mordor riders."),
        ["ROH 138 MORMIL"]
    );
}

#[test]
fn a_preposition_joins_roles_to_countries_not_two_actors() {
    // "Gondor of the Mordor riders" would be one actor if "of" joined them.
    assert_eq!(code("Rohan alerted Gondor of Mordor."), ["ROH 138 MOR"]);
    assert_eq!(
        code("Ministers of Gondor blamed Mordor."),
        ["GONGOV 112 MOR"]
    );
}

#[test]
fn the_longest_pattern_wins() {
    assert_eq!(code("Rohan gave a long sword to Gondor."), ["ROH 072 GON"]);
    assert_eq!(code("Rohan gave a sword to Gondor."), ["ROH 071 GON"]);
}

#[test]
fn nouns_that_look_like_verbs_are_nouns_after_a_determiner() {
    // "the raid" is a noun: no ATTACK event, and the clause goes on.
    assert_eq!(code("Rohan praised the raid and Mordor."), ["ROH 051 MOR"]);
}

#[test]
fn tagger_decides_what_is_a_verb() {
    // The same words; the tagger says "attack" is a noun here.
    let rows = [
        ("Rohan", "PROPN", "NNP", 2, "nsubj"),
        ("praise", "VERB", "VBD", 0, "root"),
        ("the", "DET", "DT", 4, "det"),
        ("attack", "NOUN", "NN", 2, "obj"),
        ("by", "ADP", "IN", 6, "case"),
        ("Mordor", "PROPN", "NNP", 4, "nmod"),
        (".", "PUNCT", ".", 2, "punct"),
    ];
    assert_eq!(
        code_parsed("Rohan praised the attack by Mordor.", &rows),
        ["ROH 051 MOR"]
    );
}

#[test]
fn a_verb_tagged_as_adjective_after_a_noun_is_a_verb() {
    let rows = [
        ("the", "DET", "DT", 2, "det"),
        ("minister", "NOUN", "NN", 4, "nsubj"),
        ("leave", "ADJ", "JJ", 4, "amod"),
        ("Gondor", "PROPN", "NNP", 0, "root"),
        (".", "PUNCT", ".", 4, "punct"),
    ];
    assert_eq!(
        code_parsed("The minister left Gondor.", &rows),
        ["---GOV 042 GON"]
    );
    let rows = [
        ("Rohan", "PROPN", "NNP", 2, "compound"),
        ("minister", "NOUN", "NN", 4, "nsubj"),
        ("leave", "ADJ", "JJ", 4, "amod"),
        ("Gondor", "PROPN", "NNP", 0, "root"),
        (".", "PUNCT", ".", 4, "punct"),
    ];
    assert_eq!(
        code_parsed("Rohan minister left Gondor.", &rows),
        ["ROHGOV 042 GON"]
    );
}

#[test]
fn parse_marks_passive_and_negation() {
    let rows = [
        ("Gondor", "PROPN", "NNP", 3, "nsubj:pass"),
        ("be", "AUX", "VBD", 3, "aux:pass"),
        ("attack", "VERB", "VBN", 0, "root"),
        ("by", "ADP", "IN", 5, "case"),
        ("Mordor", "PROPN", "NNP", 3, "obl:agent"),
        (".", "PUNCT", ".", 3, "punct"),
    ];
    assert_eq!(
        code_parsed("Gondor was attacked by Mordor.", &rows),
        ["MOR 190 GON"]
    );
    let rows = [
        ("Mordor", "PROPN", "NNP", 3, "nsubj"),
        ("never", "ADV", "RB", 3, "advmod"),
        ("attack", "VERB", "VBD", 0, "root"),
        ("Gondor", "PROPN", "NNP", 3, "obj"),
        (".", "PUNCT", ".", 3, "punct"),
    ];
    assert!(code_parsed("Mordor never attacked Gondor.", &rows).is_empty());
}

#[test]
fn a_noun_subject_without_actor_is_still_the_subject() {
    // "the envoy" is the subject; Rohan, in a prepositional phrase, is not.
    let rows = [
        ("in", "ADP", "IN", 2, "case"),
        ("Rohan", "PROPN", "NNP", 5, "obl"),
        ("the", "DET", "DT", 4, "det"),
        ("envoy", "NOUN", "NN", 5, "nsubj"),
        ("blame", "VERB", "VBD", 0, "root"),
        ("Mordor", "PROPN", "NNP", 5, "obj"),
        (".", "PUNCT", ".", 5, "punct"),
    ];
    assert!(code_parsed("In Rohan the envoy blamed Mordor.", &rows).is_empty());
    // A possessor names the actor: "Rohan's envoy".
    let rows = [
        ("Rohan", "PROPN", "NNP", 3, "nmod:poss"),
        ("'s", "PART", "POS", 1, "case"),
        ("envoy", "NOUN", "NN", 4, "nsubj"),
        ("blame", "VERB", "VBD", 0, "root"),
        ("Mordor", "PROPN", "NNP", 4, "obj"),
        (".", "PUNCT", ".", 4, "punct"),
    ];
    assert_eq!(
        code_parsed("Rohan's envoy blamed Mordor.", &rows),
        ["ROH 112 MOR"]
    );
}

#[test]
fn infinitives_take_their_subject_from_the_governing_verb() {
    // Purpose: "Rohan rode north to attack Mordor" — Rohan attacks.
    let rows = [
        ("Rohan", "PROPN", "NNP", 2, "nsubj"),
        ("ride", "VERB", "VBD", 0, "root"),
        ("north", "ADV", "RB", 2, "advmod"),
        ("to", "PART", "TO", 5, "mark"),
        ("attack", "VERB", "VB", 2, "advcl"),
        ("Mordor", "PROPN", "NNP", 5, "obj"),
        (".", "PUNCT", ".", 2, "punct"),
    ];
    assert_eq!(
        code_parsed("Rohan rode north to attack Mordor.", &rows),
        ["ROH 190 MOR"]
    );
    // Object control: "Rohan asked Gondor to attack Mordor" — Gondor attacks.
    let rows = [
        ("Rohan", "PROPN", "NNP", 2, "nsubj"),
        ("ask", "VERB", "VBD", 0, "root"),
        ("Gondor", "PROPN", "NNP", 2, "obj"),
        ("to", "PART", "TO", 5, "mark"),
        ("attack", "VERB", "VB", 2, "xcomp"),
        ("Mordor", "PROPN", "NNP", 5, "obj"),
        (".", "PUNCT", ".", 2, "punct"),
    ];
    assert_eq!(
        code_parsed("Rohan asked Gondor to attack Mordor.", &rows),
        ["GON 190 MOR"]
    );
}

#[test]
fn a_coded_verb_governs_its_infinitive() {
    // The appeal is the event; the attack has not happened.
    assert_eq!(
        code("Rohan urged Gondor to attack Mordor."),
        ["ROH 023 GON"]
    );
    // A passive of perception asserts what was seen; a permission does not.
    assert_eq!(code("Mordor was seen to attack Gondor."), ["MOR 190 GON"]);
    assert!(code("Mordor was allowed to attack Gondor.").is_empty());
}

#[test]
fn the_parsed_direct_object_is_the_target() {
    // Word order alone would take Gondor, named first after the verb.
    let rows = [
        ("Rohan", "PROPN", "NNP", 2, "nsubj"),
        ("attack", "VERB", "VBD", 0, "root"),
        (",", "PUNCT", ",", 7, "punct"),
        ("with", "ADP", "IN", 7, "case"),
        ("Gondor", "PROPN", "NNP", 7, "nmod:poss"),
        ("'s", "PART", "POS", 5, "case"),
        ("help", "NOUN", "NN", 2, "obl"),
        (",", "PUNCT", ",", 7, "punct"),
        ("Mordor", "PROPN", "NNP", 2, "obj"),
        (".", "PUNCT", ".", 2, "punct"),
    ];
    assert_eq!(
        code_parsed("Rohan attacked, with Gondor's help, Mordor.", &rows),
        ["ROH 190 MOR"]
    );
}

#[test]
fn bare_pattern_words_are_nouns_not_adverbs() {
    // "- BORDER * [193]": the noun matches, the adverb of the same spelling
    // does not ("border" is no adverb, so a made-up tag shows the rule).
    let rows = |tag: &'static str| {
        [
            ("Mordor", "PROPN", "NNP", 3, "nsubj"),
            ("border", tag, "NN", 3, "advmod"),
            ("attack", "VERB", "VBD", 0, "root"),
            ("Gondor", "PROPN", "NNP", 3, "obj"),
            (".", "PUNCT", ".", 3, "punct"),
        ]
    };
    assert_eq!(
        code_parsed("Mordor border attacked Gondor.", &rows("NOUN")),
        ["MOR 193 GON"]
    );
    assert_eq!(
        code_parsed("Mordor border attacked Gondor.", &rows("ADV")),
        ["MOR 190 GON"]
    );
}

#[test]
fn a_place_a_time_or_a_topic_is_not_a_target() {
    // The venue of an act, not a party to it.
    assert_eq!(
        code("Rohan attacked Mordor in Minas Tirith on Monday."),
        ["ROH 190 MOR"]
    );
    assert!(code("Rohan met in Minas Tirith on Monday.").is_empty());
    assert!(code("Rohan praised the talks in Minas Tirith.").is_empty());
    // A topic.
    assert!(code("Rohan praised the talks on Gondor.").is_empty());
    assert!(code("Rohan praised the plan about Gondor.").is_empty());
    // The object before the place is the target.
    assert_eq!(
        code("Rohan attacked the riders of Mordor in Gondor."),
        ["ROH 190 MORMIL"]
    );
}

#[test]
fn a_place_or_topic_is_not_the_subject() {
    assert!(code("In Gondor, the envoy attacked Mordor.").is_empty());
    assert!(code("Talks about Gondor attacked Mordor.").is_empty());
    // A time is no subject either, even misparsed as one.
    let rows = [
        ("rider", "NOUN", "NNS", 6, "nsubj"),
        ("of", "ADP", "IN", 3, "case"),
        ("Rohan", "PROPN", "NNP", 1, "nmod"),
        ("on", "ADP", "IN", 5, "mark"),
        ("Tuesday", "PROPN", "NNP", 6, "nsubj"),
        ("attack", "VERB", "VBD", 0, "root"),
        ("Mordor", "PROPN", "NNP", 6, "obj"),
        (".", "PUNCT", ".", 6, "punct"),
    ];
    assert_eq!(
        code_parsed("Riders of Rohan on Tuesday attacked Mordor.", &rows),
        ["ROHMIL 190 MOR"]
    );
}

#[test]
fn the_verb_may_take_its_target_with_a_preposition_of_place() {
    // The block's own pattern "- * (AT +)".
    assert_eq!(code("Rohan glared at Gondor."), ["ROH 111 GON"]);
    // A verb of aiming takes its target with "at".
    assert_eq!(code("Rohan fired arrows at Gondor."), ["ROH 193 GON"]);
    // A noun of attack or coercion with "on".
    assert_eq!(code("Rohan imposed sanctions on Mordor."), ["ROH 163 MOR"]);
    // The matched pattern names the preposition: "(ABOUT)".
    assert_eq!(code("Rohan worried about Gondor."), ["ROH 012 GON"]);
}

#[test]
fn the_place_of_what_is_acted_on_is_the_target() {
    assert_eq!(
        code("Rohan imposed a curfew in the old city of Minas Tirith."),
        ["ROH 163 GON"]
    );
    // Not the verb's own place, a time's, a meeting's, nor a topic's.
    assert!(code("Rohan imposed a curfew on Monday in Gondor.").is_empty());
    assert!(code("Rohan imposed the deal in Gondor.").is_empty());
    assert!(code("Rohan imposed rules over the war in Gondor.").is_empty());
    // A discussion's object is a topic, the place part of it.
    assert!(code("Rohan discussed the truce in Gondor.").is_empty());
}

#[test]
fn a_compound_subject_of_a_reciprocal_pattern_acts_on_each_member() {
    assert_eq!(
        code("Rohan and Gondor exchanged insults over the war in Mordor."),
        ["GON 111 ROH", "ROH 111 GON"]
    );
    assert_eq!(
        code("Rohan exchanged insults with Gondor."),
        ["ROH 111 GON"]
    );
    // A target named besides wins over the compound.
    assert_eq!(
        code("Rohan and Gondor exchanged insults with Mordor."),
        ["GON 111 MOR", "ROH 111 MOR"]
    );
}

#[test]
fn a_noun_phrase_pattern_allows_other_modifiers_between_its_words() {
    let rows = [
        ("Rohan", "PROPN", "NNP", 2, "nsubj"),
        ("give", "VERB", "VBD", 0, "root"),
        ("a", "DET", "DT", 6, "det"),
        ("long", "ADJ", "JJ", 6, "amod"),
        ("sharp", "ADJ", "JJ", 6, "amod"),
        ("sword", "NOUN", "NN", 2, "obj"),
        ("to", "ADP", "IN", 8, "case"),
        ("Gondor", "PROPN", "NNP", 2, "obl"),
        (".", "PUNCT", ".", 2, "punct"),
    ];
    assert_eq!(
        code_parsed("Rohan gave a long sharp sword to Gondor.", &rows),
        ["ROH 072 GON"]
    );
}

#[test]
fn of_two_parsed_subjects_the_nearest_before_the_verb() {
    // A dateline misparsed as a second subject.
    let rows = [
        ("Gondor", "PROPN", "NNP", 5, "nsubj"),
        ("-", "PUNCT", ":", 5, "punct"),
        ("Rohan", "PROPN", "NNP", 4, "compound"),
        ("minister", "NOUN", "NN", 5, "nsubj"),
        ("blame", "VERB", "VBD", 0, "root"),
        ("Mordor", "PROPN", "NNP", 5, "obj"),
        (".", "PUNCT", ".", 5, "punct"),
    ];
    assert_eq!(
        code_parsed("Gondor - Rohan minister blamed Mordor.", &rows),
        ["ROHGOV 112 MOR"]
    );
}

#[test]
fn a_parsed_subject_names_the_actor_of_its_noun_phrase_only() {
    // "talks on Gondor": a topic inside the subject is not its actor.
    let rows = [
        ("talk", "NOUN", "NNS", 4, "nsubj"),
        ("on", "ADP", "IN", 3, "case"),
        ("Gondor", "PROPN", "NNP", 1, "nmod"),
        ("blame", "VERB", "VBD", 0, "root"),
        ("Mordor", "PROPN", "NNP", 4, "obj"),
        (".", "PUNCT", ".", 4, "punct"),
    ];
    assert!(code_parsed("Talks on Gondor blamed Mordor.", &rows).is_empty());
    // A complement with another preposition names it: "envoys from Gondor".
    let rows = [
        ("envoy", "NOUN", "NNS", 4, "nsubj"),
        ("from", "ADP", "IN", 3, "case"),
        ("Gondor", "PROPN", "NNP", 1, "nmod"),
        ("blame", "VERB", "VBD", 0, "root"),
        ("Mordor", "PROPN", "NNP", 4, "obj"),
        (".", "PUNCT", ".", 4, "punct"),
    ];
    assert_eq!(
        code_parsed("Envoys from Gondor blamed Mordor.", &rows),
        ["GON 112 MOR"]
    );
}

#[test]
fn modals_of_obligation_and_possibility_are_not_acts() {
    // Required, allowed, possible or preferred: nothing happened yet.
    assert!(code("Mordor must attack Gondor.").is_empty());
    assert!(code("Mordor should attack Gondor.").is_empty());
    assert!(code("Mordor may attack Gondor.").is_empty());
    assert!(code("Mordor could attack Gondor.").is_empty());
    assert!(code("Mordor can attack Gondor.").is_empty());
    assert!(code("Mordor would rather attack Gondor.").is_empty());
    // A modal of another verb does not reach this one; the future codes as
    // the dictionaries direct.
    assert_eq!(code("Mordor will attack Gondor."), ["MOR 190 GON"]);
    assert_eq!(
        code("Rohan may worry, but Mordor attacked Gondor."),
        ["MOR 190 GON"]
    );
}

#[test]
fn a_condition_is_not_an_act() {
    assert!(code("The war may end if Mordor attacks Gondor.").is_empty());
    assert!(code("Unless Mordor attacks Gondor, the pass stays open.").is_empty());
    // The clause the condition is attached to still codes.
    assert_eq!(
        code("Mordor attacked Gondor if the scouts are right."),
        ["MOR 190 GON"]
    );
}

#[test]
fn for_subject_infinitive_is_not_an_act() {
    // "for X to V": what is required or intended of X.
    assert!(code("The pressure must continue for Mordor to allow Gondor to trade.").is_empty());
    assert!(code("It is time for Mordor to attack Gondor.").is_empty());
}

#[test]
fn participle_shares_the_mood_of_its_clause() {
    // ", thus attacking": the participle has the subject of the clause
    // before the comma (not its object), and is no act when that clause is
    // a condition or under a modal.
    assert_eq!(
        code("Mordor withdrew from Rohan, thus attacking Gondor."),
        ["MOR 0874 ROH", "MOR 190 GON"]
    );
    assert!(code("Prices may rise if Mordor leaves Rohan, thus attacking Gondor.").is_empty());
    assert!(code("Mordor may leave Rohan, thus attacking Gondor.").is_empty());
    // A coordinated verb shares an unasserted verb's mood.
    assert!(code("Mordor must leave Rohan and attack Gondor.").is_empty());
}

#[test]
fn bare_roles_on_both_sides_are_no_event() {
    // No party named: "police attacked ministers" says nothing of who.
    assert!(code("Police attacked ministers.").is_empty());
    // A country or named actor on one side is enough.
    assert_eq!(code("Police attacked Gondor."), ["---COP 190 GON"]);
    // (The ministers are Gondor's too: the only country named, and not as
    // the other party of the act but as the police's own, sets the scene.)
    assert_eq!(
        code("Gondorian police attacked ministers."),
        ["GONCOP 190 GONGOV"]
    );
}

#[test]
fn likelihood_and_modal_chains_are_not_acts() {
    // A modal anywhere in the verb's chain of infinitives, or an adjective
    // of likelihood or ability before "to".
    assert!(code("Mordor may decide to attack Gondor.").is_empty());
    assert!(code("Mordor is likely to attack Gondor.").is_empty());
    assert!(code("Mordor was unable to attack Gondor.").is_empty());
    assert!(code("Mordor is able to attack Gondor.").is_empty());
    // Without one, the verb of the chain still codes.
    assert_eq!(code("Mordor decided to attack Gondor."), ["MOR 190 GON"]);
}

#[test]
fn a_modifier_mislabelled_as_the_subject_of_a_noun_stays_in_its_phrase() {
    // "Rohirric" parsed as nsubj of "sides" (a noun with no copula) is still
    // part of the subject; "Eriador", further in, is not its actor.
    for label in ["amod", "nsubj"] {
        let rows = [
            ("the", "DET", "DT", 3, "det"),
            ("Rohirric", "ADJ", "JJ", 3, label),
            ("side", "NOUN", "NNS", 7, "nsubj"),
            ("of", "ADP", "IN", 6, "case"),
            ("the", "DET", "DT", 6, "det"),
            ("Eriador", "PROPN", "NNP", 3, "nmod"),
            ("accuse", "VERB", "VBD", 0, "root"),
            ("Mordor", "PROPN", "NNP", 7, "obj"),
            (".", "PUNCT", ".", 7, "punct"),
        ];
        assert_eq!(
            code_parsed("The Rohirric side of the Eriador accused Mordor.", &rows),
            ["ROH 112 MOR"],
            "{label}"
        );
    }
}

mod moods;
mod resolve;

#[test]
fn a_sentence_without_a_parse_is_coded_from_word_order() {
    assert_eq!(
        code_unparsed("Rohan accused Mordor of lying."),
        ["ROH 112 MOR"]
    );
}

#[test]
fn explain_shows_the_parse_actors_patterns_and_events() {
    let c = coder();
    let text = "Rohan accused Mordor of lying.";
    let doc = Document::new("t", text);
    let (sentences, parses) = read(text);
    let account = c.explain(&doc, &sentences, &parses, None);
    for part in [
        "== sentence 0",
        "accused",
        "\"Rohan\" = ROH (lexicon)",
        "\"Mordor\" = MOR (lexicon)",
        "verb \"accused\" (block ACCUSE",
        "ROH 112 (",
    ] {
        assert!(account.contains(part), "{part:?} missing from:\n{account}");
    }
    // Nothing to explain is said so; a long run-on text is explained too.
    let empty = c.explain(&Document::new("e", ""), &[], &[], None);
    assert!(empty.contains("No sentences"));
    let long = "Rohan accused Mordor ".repeat(400);
    let (sentences, parses) = read(&long);
    let account = c.explain(
        &Document::new("l", long.as_str()),
        &sentences,
        &parses,
        Some(0),
    );
    assert!(account.contains("== sentence 0") && !account.contains("== sentence 1"));
}

#[test]
fn what_the_subject_owns_is_not_the_target() {
    // "its riders" are Rohan's own: the act is aimed further on.
    assert_eq!(
        code("Rohan withdrew its riders from Gondor."),
        ["ROH 0874 GON"]
    );
}

#[test]
fn a_role_adjective_of_another_noun_is_no_actor() {
    // "police" describes the escort; the escort is sent to Gondor.
    let c = coder();
    let text = "Rohan sent military horses to Gondor.";
    let doc = Document::new("t", text);
    let (sentences, parses) = read(text);
    let actors = c.document_actors(&doc, &sentences, &parses);
    assert!(actors.iter().all(|m| !m.code.contains("MIL")), "{actors:?}");
}

#[test]
fn a_people_may_act_on_its_own_state_but_a_state_not_on_itself() {
    // "Gondorian" (a people) and "Gondor" (the state): a domestic event.
    assert_eq!(
        code("Gondorian riders attacked Gondor."),
        ["GONMIL 190 GON"]
    );
    assert_eq!(
        code("Thousands of Gondorians accused Gondor of lying."),
        ["GON 112 GON"]
    );
    // The state itself twice is no event.
    assert!(code("Gondor accused Gondor of lying.").is_empty());
}

#[test]
fn a_subject_of_coordinated_nouns_keeps_its_actor() {
    assert_eq!(
        code("Rohirric horses and wagons attacked Mordor."),
        ["ROH 190 MOR"]
    );
}

#[test]
fn what_an_accusation_is_about_is_not_an_act() {
    // The attack is what Rohan accuses Mordor of, not an event of its own.
    assert_eq!(
        code("Rohan accused Mordor of attacking Gondor."),
        ["ROH 112 MOR"]
    );
}

#[test]
fn another_partys_role_after_a_possessive_is_still_a_party() {
    // "her Gondorian counterpart" is Gondor's minister, not Rohan's own.
    assert_eq!(
        code("The Rohirric minister met her Gondorian counterpart."),
        ["GONGOV 040 ROHGOV", "ROHGOV 040 GONGOV"]
    );
}

#[test]
fn what_an_unasserted_verb_governs_is_unasserted() {
    // Rohan's appeal is the event; Gondor's pressing and the withdrawal
    // are only what Rohan asks for.
    assert_eq!(
        code("Rohan urged Gondor to press the riders to withdraw from Mordor."),
        ["ROH 023 GON"]
    );
}

#[test]
fn a_participle_after_its_noun_in_a_clause_with_a_verb_is_a_passive() {
    // "the truce agreed in Minas Tirith": agreed by no one named here.
    assert!(
        !code("Rohan urged Gondor to respect the truce agreed in Minas Tirith.")
            .iter()
            .any(|e| e.starts_with("GON ") && !e.contains("023"))
    );
}

#[test]
fn a_gerund_right_after_a_verb_that_takes_none_is_a_noun() {
    // "attacking" after "sent" names what is sent; after "began" it is an act.
    assert!(!code("Rohan sent attacking riders to Gondor.")
        .iter()
        .any(|e| e.contains(" 190 ")));
    assert_eq!(code("Rohan began attacking Mordor."), ["ROH 190 MOR"]);
}

#[test]
fn an_event_takes_the_day_the_text_names_for_it() {
    let c = coder();
    let text = "Rohan accused Mordor of lying on Tuesday. Rohan met Gondor yesterday. \
                Gondor blamed Mordor.";
    let mut doc = Document::new("t", text);
    doc.date = Some("2015-05-14".parse().unwrap()); // a Thursday
    let (sentences, parses) = read(text);
    let dates: Vec<(String, String)> = c
        .code_document(&doc, &sentences, &parses)
        .iter()
        .map(|e| {
            (
                e.code.clone(),
                e.date.map(|d| d.to_string()).unwrap_or_default(),
            )
        })
        .collect();
    assert!(
        dates.contains(&("112".into(), "2015-05-12".into())),
        "{dates:?}"
    );
    assert!(
        dates.contains(&("040".into(), "2015-05-13".into())),
        "{dates:?}"
    );
    // A sentence that names no day keeps the publication date.
    assert!(
        dates.contains(&("112".into(), "2015-05-14".into())),
        "{dates:?}"
    );
}

/// The location of each event `c` codes in `text`, a one-document story.
fn locations(c: &Coder, text: &str) -> Vec<Option<dyad_types::Location>> {
    let doc = Document::new("t", text);
    let (sentences, parses) = read(text);
    c.code_document(&doc, &sentences, &parses)
        .into_iter()
        .map(|e| e.location)
        .collect()
}

/// Checks that each text codes one event, located at the place named (or
/// nowhere).
fn assert_located(c: &Coder, cases: &[(&str, Option<&str>)]) {
    for &(text, want) in cases {
        assert_eq!(
            location_names(c, text),
            [want.map(str::to_string)],
            "{text}"
        );
    }
}

/// The name of each event's location in `text`.
fn location_names(c: &Coder, text: &str) -> Vec<Option<String>> {
    locations(c, text)
        .into_iter()
        .map(|l| l.map(|l| l.name))
        .collect()
}

#[test]
fn an_event_takes_the_place_its_verb_names() {
    let c = coder();
    let located = |text: &str| -> Vec<Option<String>> {
        locations(&c, text)
            .into_iter()
            .map(|l| l.map(|l| format!("{} {}", l.name, l.country.unwrap_or_default())))
            .collect()
    };
    // (A meeting is coded each way: two events, one place.)
    assert_eq!(
        located("Rohan met Gondor in Paris on Monday."),
        [Some("Paris FRA".to_string()), Some("Paris FRA".to_string())]
    );
    assert_eq!(
        located("Rohan accused Mordor of lying near the town of Lyon."),
        [Some("Lyon FRA".to_string())]
    );
    // A target is no place ("on"), and a sentence naming no place gives none.
    assert_eq!(located("Rohan accused Mordor of lying."), [None]);
    // A city is where it happened more precisely than the country around
    // it, named before or after it.
    assert_eq!(
        located("Rohan attacked Mordor in Lyon in eastern France."),
        [Some("Lyon FRA".to_string())]
    );
    assert_eq!(
        located("Rohan attacked Mordor in the French city of Lyon."),
        [Some("Lyon FRA".to_string())]
    );
    // The place a physical act is done to is where it happened; not so the
    // one a statement speaks of.
    assert_eq!(
        located("Rohan attacked Lyon, the capital of Mordor."),
        [Some("Lyon FRA".to_string())]
    );
    assert_eq!(located("Rohan accused Mordor of lying about Lyon."), [None]);
    // A place phrase of the verb that governs the event's clause.
    assert_eq!(
        located("In Lyon, officials said Rohan attacked Mordor."),
        [Some("Lyon FRA".to_string())]
    );
    // Named as the point a direction is taken from, a city loses to the
    // place meant.
    assert_eq!(
        located("Rohan attacked Mordor in Dijon, 150 km north of Lyon."),
        [Some("Dijon FRA".to_string())]
    );
}

#[test]
fn a_local_place_the_gazetteer_lacks_is_named_without_coordinates() {
    let c = coder();
    let text = "Rohan attacked Mordor in the village of Qarvesh near Lyon.";
    let located = locations(&c, text);
    let l = located
        .first()
        .cloned()
        .flatten()
        .unwrap_or_else(|| panic!("no located event: {located:?}"));
    assert_eq!(l.name, "Qarvesh");
    assert_eq!((l.lat, l.lon, l.geonameid), (None, None, None));
    let span = l.span.expect("a span");
    let named: String = text.chars().skip(span.start).take(span.len()).collect();
    assert_eq!(named, "Qarvesh");
    // Also when its name starts like a gazetteer name, and over a city
    // named only as the point a direction is taken from.
    let text = "Rohan attacked Mordor, 20 km north of Lyon, in the village of Tal Qarvesh.";
    let named: Vec<_> = locations(&c, text)
        .into_iter()
        .map(|l| l.map(|l| (l.name, l.lat)))
        .collect();
    assert_eq!(named, [Some(("Tal Qarvesh".to_string(), None))]);
    // A district with its own name is where it happened, not the city it
    // is "of"; a town's name is the one it is "of".
    assert_located(
        &c,
        &[
            (
                "Rohan attacked Mordor in the Tulmek district of Lyon.",
                Some("Tulmek"),
            ),
            (
                "Rohan attacked Mordor in the Rhone town of Lyon.",
                Some("Lyon"),
            ),
        ],
    );
}

#[test]
fn what_a_verb_of_taking_places_is_done_to_is_where_it_happened() {
    // Patrolling coded as a threat (not a physical act by its code) still
    // happens in the place patrolled; a share of a place taken is that place.
    let verbs = format!(
        "--- PATROL [130] ---\nPATROL {{PATROLS PATROLLED PATROLLING}}\n\n\
         --- CAPTURE [192] ---\nCAPTURE\n\n--- STORM [190] ---\nSTORM\n\n{VERBS}"
    );
    let c = coder_with_verbs(&verbs);
    assert_located(
        &c,
        &[
            ("Rohan patrolled the Gondor town of Lyon on Monday.", Some("Lyon")),
            ("Rohan captured a third of Lyon from Gondor.", Some("Lyon")),
            // A name the actor dictionary knows as a group's is that group, not an
            // unlisted place.
            ("Rohan stormed Grishnakh in Lyon.", Some("Lyon")),
            // Nor is what a group's name is "of" a place of the act.
            ("Rohan attacked the Dark State of Lyon and Paris in Dijon.", Some("Dijon")),
            // A name that ends in a kind of place is that place, even where the
            // dictionaries know it as a group's.
            ("Rohan stormed the Orc Camp on Monday.", Some("Orc Camp")),
            // A place a distance is measured from lies elsewhere.
            ("Rohan captured the Qarvesh village of Grishnakh 35 kilometers (22 miles) west of Lyon.", Some("Qarvesh")),
            // A district's own name places it more precisely than its city.
            ("Rohan attacked Grishnakh in the Tulmek district in western Lyon.", Some("Tulmek")),
            // A kind of place renames the place before it, whatever the parse
            // hangs it on.
            ("Rohan stormed a Grishnakh depot in the city of Lyon, the regional capital of Catalonia region.", Some("Lyon")),
            // Where the news came from is not where it happened.
            ("According to a source in Dijon, Rohan stormed Grishnakh's depot at Lyon.", Some("Lyon")),
            ("According to a source in Dijon, Rohan stormed Grishnakh's depot.", None),
            // Where someone lives or comes from is not where the act happened.
            ("Rohan stormed the depot of Grishnakh, a native of Lyon.", None),
            // A region reached through other nouns is not what the act was done
            // to more than the town it happened in.
            ("Rohan stormed the depot of Catalonia's riders in Lyon.", Some("Lyon")),
            // A name the text calls a village is a village, whatever else the
            // gazetteer calls so.
            ("Rohan stormed a Grishnakh depot in the village of Catalonia near Lyon.", Some("Catalunya")),
            // Where a verb of going goes to is where it happens.
            ("Rohan sent Gondor riders yesterday to Lyon.", Some("Lyon")),
            // A named division is no more precise than a town.
            ("Rohan attacked Grishnakh in the Tulmek Province near Lyon.", Some("Lyon")),
            ("Rohan attacked the Dark State in the province of Grishnakh.", Some("Grishnakh")),
            // "On" a kind of place locates, as "in" does.
            ("Rohan stormed a Grishnakh depot on the outskirts of Lyon.", Some("Lyon")),
            ("Rohan stormed a Grishnakh depot on the road of Lyon.", Some("Lyon")),
            // A city named inside a site's name places what happens at the site.
            ("Rohan attacked Gondor at the Lyon Airport.", Some("Lyon")),
        ],
    );
}

#[test]
fn a_place_named_right_after_the_verb_is_where_it_happened() {
    let verbs = format!("--- PATROL [130] ---\nPATROL {{PATROLS PATROLLED PATROLLING}}\n\n{VERBS}");
    let c = coder_with_verbs(&verbs);
    assert_located(
        &c,
        &[
            (
                "Rohan is patrolling in central Lyon questioning Gondor farmers.",
                Some("Lyon"),
            ),
            (
                "Rohan is patrolling Lyon streets and Gondor gates have been built.",
                Some("Lyon"),
            ),
            // nor one of the places a space lies between: the border's country is
            (
                "Rohan is patrolling the Gondor border between Lyon and Dijon.",
                Some("Gondor"),
            ),
            // but not what a statement is about
            ("Rohan accused Andorra of lying.", None),
            ("Rohan accused Grishnakh in Lyon of lying.", Some("Lyon")),
            // nor a place that only qualifies what is spoken of
            ("Rohan praised the Lyon treasury officials of Gondor.", None),
        ],
    );
}

#[test]
fn a_country_before_a_noun_places_only_a_kind_of_place() {
    let c = coder();
    assert_located(
        &c,
        &[
            ("Rohan attacked Gondor in US-led raids.", None),
            (
                "Rohan attacked Gondor in the Mali countryside.",
                Some("Mali"),
            ),
            // a town before any noun
            ("Rohan attacked Gondor in a Lyon market.", Some("Lyon")),
        ],
    );
}

#[test]
fn the_purpose_of_an_act_places_it_when_nothing_nearer_does() {
    let c = coder();
    assert_located(
        &c,
        &[
            ("Rohan attacked Mordor to capture Lyon.", Some("Lyon")),
            (
                "Rohan attacked Mordor in Paris to capture Lyon.",
                Some("Paris"),
            ),
        ],
    );
}

#[test]
fn a_clause_saying_when_the_act_happened_places_it() {
    let c = coder();
    assert_located(
        &c,
        &[
            (
                "Rohan attacked Mordor riders when they camped near Lyon.",
                Some("Lyon"),
            ),
            (
                "Rohan attacked Mordor riders as they rode along a track north of Lyon.",
                Some("Lyon"),
            ),
        ],
    );
}

#[test]
fn a_name_its_apposition_calls_a_town_is_a_place_not_a_person() {
    let c = coder();
    let located = |text: &str| location_names(&c, text);
    assert_eq!(
        located("Rohan attacked a Gondor official in Tulmek Varsa, a remote town beyond Mordor."),
        [Some("Tulmek Varsa".to_string())]
    );
}

#[test]
fn an_idiom_with_in_names_no_place() {
    let c = coder();
    assert_located(
        &c,
        &[
            ("Rohan attacked Mordor in support of Lyon's mayor.", None),
            (
                "Rohan attacked Mordor in Dijon in response to Lyon's plans.",
                Some("Dijon"),
            ),
            // but a place of the kind
            (
                "Rohan attacked Mordor in the streets of Lyon.",
                Some("Lyon"),
            ),
        ],
    );
}

#[test]
fn a_country_after_its_own_town_only_qualifies_it() {
    let places = |text: &str| {
        let (sentences, parses) = read(text);
        let places =
            dyad_geo::document_places(dyad_geo::Gazetteer::builtin(), text, &sentences, &parses);
        (sentences, places)
    };
    let qualifies = |text: &str, name: &str| {
        let (sentences, ps) = places(text);
        let p = ps
            .iter()
            .find(|p| p.text == name)
            .expect("the place is found");
        crate::location::qualifies_previous(&ps, p, &sentences[p.sentence].tokens)
    };
    assert!(qualifies(
        "Gunmen killed a writer in Lyon, France, on Monday.",
        "France"
    ));
    assert!(!qualifies(
        "Gunmen killed a writer in Lyon, Spain and Italy.",
        "Spain"
    ));
    assert!(!qualifies(
        "Gunmen killed a writer in France, Spain and Italy.",
        "Spain"
    ));
}

#[test]
fn text_slices_come_out_the_same_in_any_order() {
    use crate::TextSlicer;
    use dyad_types::Span;
    let text = "Zoë met Łukasz in Kraków; ça va, 東京 said.";
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len();
    let naive = |a: usize, b: usize| -> String { chars[a.min(n)..b.min(n)].iter().collect() };
    let mut slicer = TextSlicer::new(text);
    // Forward, back, far back, past the end and back again.
    let spans = [
        (4, 7),
        (0, 3),
        (18, 24),
        (8, 14),
        (30, 38),
        (36, n + 5),
        (26, 28),
        (0, n),
    ];
    for (start, end) in spans {
        let got = slicer.slice(Span { start, end });
        assert_eq!(got, naive(start, end), "{start}..{end}");
    }
}
