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
    // Words before a title that say its holder no longer holds it.
    former: ["FORMER", "EX", "EX-", "OUSTED", "EXILED", "DEPOSED", "TOPPLED", "LATE", "DEFEATED",
             "RETIRED"];
    // Modals of obligation, permission, possibility and ability: "must
    // allow", "may attack", "can worsen" say what is required or possible,
    // not what happened.
    irrealis_modal: ["MUST", "SHOULD", "MAY", "MIGHT", "COULD", "CAN", "CANNOT", "CA", "OUGHT"];
    // Modals of obligation: "X said Gondor must withdraw" is X's demand.
    obligation: ["MUST", "SHOULD", "OUGHT"];
    // Auxiliaries of the future: "will release" states an intent.
    future: ["WILL", "WOULD", "'LL", "SHALL", "WO"];
    // Adjectives of likelihood and ability taking a "to" infinitive: "is
    // likely to deploy", "is able to end".
    irrealis_frame: ["LIKELY", "UNLIKELY", "ABLE", "UNABLE", "POSSIBLE", "IMPOSSIBLE", "NEED",
                     "NEEDS", "NEEDED", "SUPPOSED"];
    // Adjectives of readiness: "is ready to send" states an intent.
    intent_frame: ["READY", "WILLING", "PREPARED", "SET", "POISED", "DETERMINED", "EAGER", "KEEN",
                   "COMMITTED", "RESOLVED", "GOING"];
    // Adjectives of unwillingness: "is unwilling to release" is a refusal.
    refusal_frame: ["UNWILLING", "RELUCTANT"];
    // Verbs (lemmas) whose "to" infinitive is an intent: "plans to meet".
    intent_verb: ["PLAN", "INTEND", "AIM", "WANT", "WISH", "HOPE", "SEEK", "DECIDE", "PREPARE",
                  "PLEDGE", "PROMISE", "VOW", "OFFER", "AGREE", "COMMIT", "UNDERTAKE", "RESOLVE",
                  "PROPOSE", "SWEAR", "VOTE", "EXPECT", "MOVE"];
    // Verbs whose infinitive is a threat: "threatened to impose".
    threat_verb: ["THREATEN", "WARN"];
    // Verbs whose infinitive is refused: "refused to release".
    refusal_verb: ["REFUSE", "DECLINE", "REJECT"];
    // Verbs whose object is asked to act: "urged Gondor to release".
    appeal_verb: ["URGE", "ASK", "CALL", "APPEAL", "ENCOURAGE", "INVITE", "PRESS", "REQUEST",
                  "IMPLORE", "BEG", "PLEAD", "PERSUADE", "EXHORT", "PUSH", "LOBBY", "ADVISE"];
    // Verbs whose object is required to act: "demanded that Gondor release".
    demand_verb: ["DEMAND", "ORDER", "INSIST", "REQUIRE", "INSTRUCT", "TELL", "DIRECT",
                  "COMMAND"];
    // Words opening a condition: "if Gondor attacks" is no attack.
    conditional: ["IF", "UNLESS", "WHETHER"];
    // "would rather take": a preference.
    rather: ["RATHER"];
    // "for Gondor to allow": the subject of an infinitive of requirement or purpose.
    for_subject: ["FOR"];
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
             "YET", "SOON", "FINALLY", "THEN", "MOST", "CERTAINLY", "FIRST", "LATER", "THUS",
             "THEREBY", "HENCE"];
    that: ["THAT"];
    // Prepositions whose object is a place, a time or a topic, not a party
    // to the event: "signed a deal in Vienna", "met on Thursday", "talks on
    // Ukraine", "accusations over the war". (A verb whose pattern takes its
    // target with one of them, "- * (AT +)", says otherwise.)
    place_prep: ["IN", "AT", "NEAR", "ON", "UPON", "ABOUT", "OVER", "DURING", "ACROSS",
                 "THROUGHOUT", "INSIDE", "OUTSIDE", "WITHIN", "AROUND", "ALONG", "ALONGSIDE",
                 "BEYOND", "BEHIND", "ABOVE", "BELOW", "BENEATH", "UNDER", "AMID", "AMIDST",
                 "DESPITE", "REGARDING", "CONCERNING", "VIA", "THROUGH", "OFF", "AS",
                 "LIKE", "SINCE", "UNTIL", "AFTER", "BEFORE", "BESIDE", "OPPOSITE",
                 "PAST", "ONTO", "PER", "WITHOUT", "EXCEPT", "UNLIKE"];
    // Verbs of throwing and aiming take their target with "at": "fired
    // shells at Gondor", "hurled stones at police".
    aim: ["FIRE", "FIRES", "FIRED", "FIRING", "SHOOT", "SHOOTS", "SHOT", "SHOOTING", "LAUNCH",
          "LAUNCHES", "LAUNCHED", "LAUNCHING", "THROW", "THROWS", "THREW", "THROWN", "THROWING",
          "HURL", "HURLS", "HURLED", "HURLING", "LOB", "LOBS", "LOBBED", "LOBBING", "AIM", "AIMS",
          "AIMED", "AIMING", "SNIPE", "SNIPES", "SNIPED", "SNIPING", "LASH", "LASHES", "LASHED",
          "LASHING", "STRIKE", "STRIKES", "STRUCK", "STRIKING"];
    // Verbs of arrival take their goal with "in" or "at": "arrived in Gondor".
    arrive: ["ARRIVE", "ARRIVES", "ARRIVED", "ARRIVING", "LAND", "LANDS", "LANDED", "LANDING"];
    // Nouns of attack and coercion take their target with "on": "war on
    // Gondor", "sanctions on Mordor", "pressure on Rohan".
    onset: ["WAR", "WARS", "ATTACK", "ATTACKS", "ASSAULT", "ASSAULTS", "RAID", "RAIDS", "STRIKE",
            "STRIKES", "AIRSTRIKE", "AIRSTRIKES", "SANCTIONS", "SANCTION", "EMBARGO", "BLOCKADE",
            "CRACKDOWN", "OFFENSIVE", "FIRE", "BAN", "BANS", "TARIFFS", "TARIFF", "PRESSURE",
            "BOMBARDMENT", "BOMBING", "BOMBINGS", "SHELLING", "ONSLAUGHT", "DEMANDS", "RESTRICTIONS",
            "CURBS", "LIMITS", "INCURSION", "INCURSIONS", "AGGRESSION", "SIEGE"];
    // Prepositions of place proper: "a curfew in Gondor".
    locative: ["IN", "AT", "NEAR", "ACROSS", "THROUGHOUT", "INSIDE", "OUTSIDE", "WITHIN", "AROUND",
               "ALONG"];
    // Nouns of meeting and agreement: what is "in Vienna" is their venue, not
    // a party ("talks in Geneva", "a deal in Vienna").
    venue: ["TALKS", "TALK", "MEETING", "MEETINGS", "SUMMIT", "SUMMITS", "CONFERENCE",
            "NEGOTIATIONS", "DEAL", "DEALS", "AGREEMENT", "AGREEMENTS", "ACCORD", "ACCORDS", "TREATY",
            "PACT", "MEMORANDUM", "STATEMENT", "SPEECH", "VISIT", "VISITS", "INTERVIEW", "CEREMONY",
            "SESSION", "DIALOGUE", "CONSULTATIONS", "ROUND", "FORUM", "DECLARATION", "NEWS",
            "BRIEFING", "REMARKS", "ADDRESS", "GATHERING", "EVENT", "CONVENTION",
            "PROTOCOL", "CONTRACT", "ARRANGEMENT", "UNDERSTANDING", "COMPROMISE", "DEBATE", "VOTE"];
    // Prepositions of topic and time: what follows is not where an act applies.
    topic_prep: ["ON", "UPON", "ABOUT", "OVER", "REGARDING", "CONCERNING", "DURING", "AFTER",
                 "BEFORE", "SINCE", "UNTIL", "DESPITE", "AMID", "AMIDST", "AS", "LIKE", "UNLIKE"];
    // Words of time: "on Monday in Rohan" is the time, not a noun located there.
    time: ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY", "TODAY",
           "YESTERDAY", "TOMORROW", "TONIGHT", "WEEK", "WEEKS", "MONTH", "MONTHS", "YEAR", "YEARS",
           "DAY", "DAYS", "MORNING", "AFTERNOON", "EVENING", "NIGHT", "WEEKEND", "JANUARY",
           "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST", "SEPTEMBER", "OCTOBER",
           "NOVEMBER", "DECEMBER", "TIME", "HOURS", "HOUR", "EARLIER", "LATER", "AGO"];
    // Verbs of discussion: their object is a topic, and a place in it part
    // of the topic ("discussed the ceasefire in Rohan").
    topic_verb: ["DISCUSS", "DISCUSSES", "DISCUSSED", "DISCUSSING", "DEBATE", "DEBATES", "DEBATED",
                 "DEBATING", "CONSIDER", "CONSIDERS", "CONSIDERED", "CONSIDERING", "MENTION",
                 "MENTIONS", "MENTIONED", "MENTIONING", "RAISE", "RAISES", "RAISED", "RAISING",
                 "ADDRESS", "ADDRESSES", "ADDRESSED", "ADDRESSING", "REVIEW", "REVIEWS", "REVIEWED",
                 "REVIEWING", "EXPLORE", "EXPLORES", "EXPLORED", "EXPLORING", "WEIGH", "WEIGHS",
                 "WEIGHED", "WEIGHING", "STUDY", "STUDIES", "STUDIED", "STUDYING", "REPORT",
                 "REPORTS", "REPORTED", "REPORTING", "DESCRIBE", "DESCRIBES", "DESCRIBED",
                 "DESCRIBING", "EXPLAIN", "EXPLAINS", "EXPLAINED", "EXPLAINING"];
    // "of" links a noun to its complement inside one noun phrase ("the
    // release of", "the city of").
    of: ["OF"];
    // "more than", "fewer than": a number's modifier, not a preposition.
    comparative: ["MORE", "LESS", "FEWER", "RATHER"];
    // Passive verbs of perception and report that assert their infinitive:
    // "was seen to break", "is said to have attacked".
    raising: ["SEEN", "HEARD", "KNOWN", "SAID", "REPORTED", "BELIEVED", "THOUGHT", "EXPECTED",
              "ALLEGED", "RUMORED", "RUMOURED", "SUPPOSED", "CONSIDERED", "UNDERSTOOD",
              "ESTIMATED", "CLAIMED", "FOUND", "SHOWN", "OBSERVED", "WITNESSED"];
    // Verbs whose "to" infinitive did not happen: "failed to withdraw".
    negative_implicative: ["FAIL", "FAILS", "FAILED", "FAILING", "NEGLECT", "NEGLECTS",
                           "NEGLECTED", "NEGLECTING"];
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
