//! Closed classes of English words the coder's rules look at (auxiliaries,
//! negation, subordinators, pronouns), as word numbers.

use crate::compile::Vocab;

macro_rules! classes {
    ($($name:ident: [$($w:literal),* $(,)?];)*) => {
        /// Word numbers of each class.
        pub(crate) struct Closed { $(pub $name: Vec<u32>,)* }
        impl Closed {
            pub fn new(vocab: &mut Vocab) -> Closed {
                Closed { $($name: vec![$(vocab.intern($w)),*],)* }
            }
        }
    };
}

classes! {
    // Forms of "be": with a past participle they make the passive.
    be: ["IS", "ARE", "WAS", "WERE", "BE", "BEEN", "BEING", "AM", "'S", "'RE", "'M"];
    // Auxiliaries and modals that may stand between a subject and its verb.
    aux: ["HAS", "HAVE", "HAD", "'VE", "'D", "DO", "DOES", "DID", "WILL", "WOULD", "SHALL",
          "SHOULD", "CAN", "COULD", "MAY", "MIGHT", "MUST", "WO", "CA", "'LL", "CANNOT", "GOING"];
    negation: ["NOT", "N'T", "NEVER"];
    // Words that open a subordinate or relative clause: a verb's object
    // does not reach past them.
    subordinator: ["AFTER", "BEFORE", "WHEN", "WHILE", "BECAUSE", "ALTHOUGH", "THOUGH", "SINCE",
                   "UNTIL", "UNLESS", "WHEREAS", "IF", "WHO", "WHICH", "WHOM", "WHOSE", "WHERE",
                   "WHETHER", "ACCORDING"];
    conjunction: ["AND", "OR", "NOR", "BUT", "&"];
    // Subject pronouns that refer back to an actor named earlier.
    pronoun: ["HE", "SHE", "IT", "THEY"];
    // Prepositions that link a role to its country: "ambassadors of X",
    // "activists in X", "soldiers from X".
    link: ["OF", "IN", "FROM", "AT"];
    determiner: ["THE", "A", "AN", "THIS", "THAT", "THESE", "THOSE", "ITS", "HIS", "HER", "THEIR",
                 "OUR", "NEITHER", "EITHER", "BOTH", "EACH", "ALL", "SOME", "'S", "'"];
    // "to" of an infinitive and "about" of "is about to".
    infinitive: ["TO", "ABOUT"];
    passive_agent: ["BY"];
    // Adverbs that stand between an auxiliary and its verb ("did not even
    // ever", "has again", "will now").
    adverb: ["EVEN", "EVER", "ALSO", "NOW", "AGAIN", "JUST", "STILL", "ALREADY", "REALLY", "ONLY",
             "YET", "SOON", "FINALLY", "THEN", "MOST", "CERTAINLY", "FIRST", "LATER"];
    that: ["THAT"];
    // Passive verbs of perception and report that assert their infinitive:
    // "was seen to break", "is said to have attacked".
    raising: ["SEEN", "HEARD", "KNOWN", "SAID", "REPORTED", "BELIEVED", "THOUGHT", "EXPECTED",
              "ALLEGED", "RUMORED", "RUMOURED", "SUPPOSED", "CONSIDERED", "UNDERSTOOD",
              "ESTIMATED", "CLAIMED", "FOUND", "SHOWN", "OBSERVED", "WITNESSED"];
    // Verbs whose "to" infinitive did not happen: "failed to withdraw".
    negative_implicative: ["FAIL", "FAILS", "FAILED", "FAILING", "REFUSE", "REFUSES", "REFUSED",
                           "REFUSING", "DECLINE", "DECLINES", "DECLINED", "DECLINING", "NEGLECT",
                           "NEGLECTS", "NEGLECTED", "NEGLECTING"];
    // Verbs that end a clause when there is no parse to say so.
    common_verbs: ["SAID", "SAYS", "SAY", "TOLD", "ADDED", "REPORTED", "IS", "ARE", "WAS", "WERE",
                   "HAS", "HAVE", "HAD", "WILL", "WOULD", "CAN", "COULD", "SHOULD", "MAY", "MIGHT",
                   "MUST", "DID", "DOES"];
}

impl Closed {
    pub fn is(list: &[u32], id: u32) -> bool {
        id != crate::compile::NONE && list.contains(&id)
    }
}
