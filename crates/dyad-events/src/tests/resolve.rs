//! The document pass (who is who): one test per rule, through the real
//! parser, with our own sentences about Middle-earth.

use dyad_types::{Basis, Document};

use super::{code_on, coder, read};

/// `dyad actors` of a text: (mention text, code, basis) in document order.
fn actors(text: &str) -> Vec<(String, String, Basis)> {
    let doc = Document::new("t", text);
    let (sentences, parses) = read(text);
    coder()
        .document_actors(&doc, &sentences, &parses)
        .into_iter()
        .map(|m| (m.text, m.code, m.basis))
        .collect()
}

fn code(text: &str) -> Vec<String> {
    code_on(&coder(), text, Some("2015-06-01"))
}

#[test]
fn a_title_names_a_person_the_lexicon_does_not_know() {
    let text = "Gondorian Foreign Minister Ana Quispe arrived in Rohan on Monday. \
                Quispe accused Mordor of lying.";
    assert_eq!(code(text), ["GONGOV 112 MOR"]);
    let found = actors(text);
    assert!(
        found.contains(&("Quispe".into(), "GONGOV".into(), Basis::Alias)),
        "{found:?}"
    );
}

#[test]
fn an_apposition_after_or_before_the_name_gives_its_code() {
    assert_eq!(
        code("Ana Quispe, Gondor's foreign minister, arrived in Rohan. Quispe accused Mordor of lying."),
        ["GONGOV 112 MOR"]
    );
    assert_eq!(
        code(
            "Rohan's prime minister, Idril Marth, spoke on Monday. Marth accused Mordor of lying."
        ),
        ["ROHGOV 112 MOR"]
    );
}

#[test]
fn a_former_office_holder_is_not_the_government() {
    assert_eq!(
        code("The former Gondorian president Tomas Rova accused Mordor of lying."),
        ["GONELI 112 MOR"]
    );
}

#[test]
fn a_definite_role_refers_to_the_person_last_named_with_it() {
    let text = "Rohirric President Eomund Adan arrived in Gondor on Monday. \
                The president accused Mordor of lying.";
    assert_eq!(code(text), ["ROHGOV 112 MOR"]);
    let found = actors(text);
    assert!(
        found.contains(&("president".into(), "ROHGOV".into(), Basis::Coreference)),
        "{found:?}"
    );
}

#[test]
fn he_and_she_refer_to_the_last_person() {
    assert_eq!(
        code("Rohirric President Eomund Adan arrived in Gondor on Monday. He accused Mordor of lying."),
        ["ROHGOV 112 MOR"]
    );
}

#[test]
fn it_refers_to_the_subject_of_the_reporting_verb() {
    // (The test dictionary makes "X said X attacked Y" an admission, 015.)
    assert_eq!(
        code("Gondor said it attacked Mordor."),
        ["GON 015 MOR", "GON 190 MOR"]
    );
}

#[test]
fn a_bare_role_takes_the_datelines_country() {
    let text = "MINAS TIRITH, June 1 (Wire) -\n\nThe government accused Mordor of lying.";
    assert_eq!(code(text), ["GONGOV 112 MOR"]);
    let found = actors(text);
    assert!(
        found.contains(&("government".into(), "GONGOV".into(), Basis::Context)),
        "{found:?}"
    );
}

#[test]
fn a_bare_role_takes_the_country_the_story_is_about() {
    assert_eq!(
        code("Gondor held elections on Sunday. Voters in Gondor were calm. The army attacked Mordor."),
        ["GONMIL 190 MOR"]
    );
}

#[test]
fn between_two_equally_likely_countries_none_is_chosen() {
    assert_eq!(
        code("Rohan and Gondor held talks on Sunday. The army attacked Mordor."),
        ["---MIL 190 MOR"]
    );
}

#[test]
fn the_other_party_of_the_act_is_not_the_roles_country() {
    // One sentence, one country: it is the place visited, not the
    // minister's own.
    let found = actors("The minister left for Gondor.");
    assert!(
        found.contains(&("minister".into(), "---GOV".into(), Basis::Lexicon)),
        "{found:?}"
    );
    // In a place phrase it is the role's country.
    let found = actors("Police arrested dozens of people in Gondor.");
    assert!(
        found.contains(&("Police".into(), "GONCOP".into(), Basis::Context)),
        "{found:?}"
    );
}

#[test]
fn what_a_person_owns_has_the_persons_country_and_its_own_role() {
    assert_eq!(code("Sauron's troops attacked Gondor."), ["MORMIL 190 GON"]);
}

#[test]
fn a_possessive_pronoun_gives_its_antecedents_country() {
    assert_eq!(
        code(
            "Rohirric President Eomund Adan arrived in Gondor on Monday. His army attacked Mordor."
        ),
        ["ROHMIL 190 MOR"]
    );
}

#[test]
fn names_in_capitals_and_titles_with_no_name_are_safe() {
    // A title with no name is a role; names in capitals are no people.
    assert_eq!(
        code("THE MINISTER SAID ROHAN ACCUSED MORDOR OF LYING."),
        ["ROH 112 MOR"]
    );
    assert_eq!(code("The minister said nothing."), Vec::<String>::new());
}

/// A made-up name for person `i`: two syllables given, three surname.
fn person_name(i: usize) -> (String, String) {
    const SYLLABLES: [&str; 16] = [
        "ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "da", "fe", "go", "hu", "ji", "pa", "re",
        "zu",
    ];
    let syllable = |n: usize| SYLLABLES[n % 16];
    let capital = |s: String| {
        let mut c = s.chars();
        c.next()
            .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
            .unwrap_or_default()
    };
    let given = capital(format!("{}{}", syllable(i), syllable(i / 16)));
    let surname = capital(format!(
        "{}{}{}",
        syllable(i / 256),
        syllable(i),
        syllable(i / 16 + 3)
    ));
    (given, surname)
}

#[test]
fn a_long_document_naming_many_people_resolves_each_of_them() {
    // Bad input of the kind: many sentences, many people the lexicon
    // does not know. Each is named with a title, then by surname alone.
    let people = 600;
    let mut text = String::new();
    for i in 0..people {
        let (given, surname) = person_name(i);
        text.push_str(&format!(
            "Gondorian Minister {given} {surname} arrived on Monday. "
        ));
    }
    for i in 0..people {
        let (_, surname) = person_name(i);
        text.push_str(&format!("{surname} spoke on Tuesday. "));
    }
    let found = actors(&text);
    let aliases = found
        .iter()
        .filter(|(_, code, basis)| code == "GONGOV" && *basis == Basis::Alias)
        .count();
    // Surnames two people share are left alone, never guessed.
    assert!(aliases * 10 >= people * 9, "{aliases} of {people} resolved");
}

#[test]
fn names_in_capitals_are_not_taken_for_people() {
    let found = actors("GONDORIAN MINISTER ANA QUISPE ARRIVED. QUISPE SPOKE.");
    assert!(
        found.iter().all(|(_, _, basis)| *basis != Basis::Alias),
        "{found:?}"
    );
}

#[test]
fn an_office_holder_named_with_more_or_hyphenated_words_is_found() {
    // The lexicon has "Denethor Ecthelion"; the text adds a particle.
    assert_eq!(
        code("Denethor al-Ecthelion accused Mordor of lying."),
        ["GONGOV 112 MOR"]
    );
}

#[test]
fn a_title_says_in_what_capacity_a_known_person_acts() {
    // Denethor is Gondor's; as the White Council's ambassador he acts for it.
    assert_eq!(
        code("White Council ambassador Denethor Ecthelion accused Mordor of lying."),
        ["IGOWHCGOV 112 MOR"]
    );
}

#[test]
fn a_title_with_no_country_takes_the_scene_of_the_sentence() {
    // The judge's country sets the scene for the former president.
    let found = actors("A Gondorian minister ordered former president Tomas Rova to appear.");
    assert!(
        found.contains(&("president Tomas Rova".into(), "GONELI".into(), Basis::Title)),
        "{found:?}"
    );
    // The place one arrives in is not one's country.
    let found = actors("The minister arrived in Gondor on Monday.");
    assert!(
        found.contains(&("minister".into(), "---GOV".into(), Basis::Lexicon)),
        "{found:?}"
    );
}
