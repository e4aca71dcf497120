//! The closed classes of English words the coder's rules look at
//! (auxiliaries, negation, subordinators, pronouns, ...), as word numbers.
//! The words are lexicon data (`crates/dyad-lexicon/data/words.txt`, which
//! says what each class is for); users may add to them (`--words FILE`).

use dyad_lexicon::WordClasses;

use crate::compile::Vocab;

macro_rules! classes {
    ($($name:ident),* $(,)?) => {
        /// Word numbers of each class.
        pub(crate) struct Closed { $(pub $name: Vec<u32>,)* }
        impl Closed {
            /// The names of the classes the coder uses.
            #[cfg(test)]
            pub const NAMES: &[&str] = &[$(stringify!($name)),*];

            pub fn new(vocab: &mut Vocab, words: &WordClasses) -> Closed {
                Closed {
                    $($name: words
                        .get(stringify!($name))
                        .iter()
                        .map(|w| vocab.intern(w))
                        .collect(),)*
                }
            }
        }
    };
}

classes! {
    be,
    aux,
    negation,
    former,
    irrealis_modal,
    obligation,
    future,
    irrealis_frame,
    intent_frame,
    refusal_frame,
    intent_verb,
    threat_verb,
    refusal_verb,
    appeal_verb,
    demand_verb,
    conditional,
    rather,
    for_subject,
    subordinator,
    conjunction,
    pronoun,
    link,
    determiner,
    infinitive,
    passive_agent,
    adverb,
    that,
    place_prep,
    aim,
    gerund_verb,
    arrive,
    onset,
    locative,
    venue,
    topic_prep,
    time,
    topic_verb,
    of,
    comparative,
    raising,
    negative_implicative,
    common_verbs,
}

impl Closed {
    pub fn is(list: &[u32], id: u32) -> bool {
        id != crate::compile::NONE && list.contains(&id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_word_file_defines_every_class_the_coder_uses_and_no_other() {
        let words = WordClasses::builtin();
        for name in Closed::NAMES {
            assert!(
                !words.get(name).is_empty(),
                "class [{name}] is empty or missing"
            );
        }
        for name in words.classes.keys() {
            assert!(
                Closed::NAMES.contains(&name.as_str()),
                "class [{name}] of words.txt is used by no rule"
            );
        }
    }
}
