//! What mood does to an act (a dictionary marked `#% dyad: moods`): one
//! test per rule, through the real parser.

use super::{code_on, coder_with_verbs, VERBS};
use crate::Coder;

/// The test verbs with the moods directive and a few more acts.
fn coder() -> Coder {
    let verbs = format!(
        "#% dyad: moods\n{VERBS}\n\
         --- RELEASE [0841] ---\nRELEASE\n\n\
         --- DEMAND [100] ---\nDEMAND\n\n\
         --- THREATEN [130] ---\nTHREATEN\n"
    );
    coder_with_verbs(&verbs)
}

fn code(text: &str) -> Vec<String> {
    code_on(&coder(), text, None)
}

#[test]
fn the_future_is_an_intent_or_a_threat() {
    assert_eq!(code("Gondor will withdraw from Rohan."), ["GON 0356 ROH"]);
    assert_eq!(code("Gondor will attack Mordor."), ["GON 138 MOR"]);
    assert_eq!(code("Gondor said it would attack Mordor."), ["GON 138 MOR"]);
    assert_eq!(
        code("Gondor is going to withdraw from Rohan."),
        ["GON 0356 ROH"]
    );
}

#[test]
fn volition_and_readiness_are_intents() {
    assert_eq!(
        code("Gondor plans to withdraw from Rohan."),
        ["GON 0356 ROH"]
    );
    assert_eq!(
        code("Gondor is ready to send horses to Rohan."),
        ["GON 0331 ROH"]
    );
    assert_eq!(
        code("Gondor is willing to withdraw from Rohan."),
        ["GON 0356 ROH"]
    );
}

#[test]
fn a_threat_of_an_act_is_coded_as_the_threat_of_it() {
    assert_eq!(
        code("Gondor threatened to impose sanctions on Mordor."),
        ["GON 1312 MOR"]
    );
    assert_eq!(code("Gondor threatened to attack Mordor."), ["GON 138 MOR"]);
}

#[test]
fn a_refusal_of_an_act_is_coded_and_a_negated_act_is_not() {
    assert_eq!(
        code("Gondor refused to withdraw from Rohan."),
        ["GON 1246 ROH"]
    );
    assert_eq!(
        code("Gondor will not withdraw from Rohan."),
        ["GON 1246 ROH"]
    );
    assert!(code("Gondor did not withdraw from Rohan.").is_empty());
    // A refusal to use force is no event.
    assert!(code("Gondor refused to attack Mordor.").is_empty());
}

#[test]
fn an_appeal_goes_from_the_one_who_urges_to_the_one_urged() {
    assert_eq!(
        code("Rohan urged Gondor to withdraw from Mordor."),
        ["ROH 0256 GON"]
    );
}

#[test]
fn an_obligation_said_by_an_actor_is_its_demand() {
    assert_eq!(
        code("Rohan said Gondor must withdraw from Mordor."),
        ["ROH 1056 GON"]
    );
    assert_eq!(
        code("Rohan demanded that Gondor withdraw from Mordor."),
        ["ROH 1056 GON"]
    );
    // No one says it: nothing.
    assert!(code("Gondor must withdraw from Mordor.").is_empty());
    // An act the dictionary does not know: the demand itself.
    assert_eq!(
        code("Rohan said Gondor must rethink its policy."),
        ["ROH 100 GON"]
    );
}

#[test]
fn saying_is_no_event_of_its_own() {
    assert!(code("Rohan said Gondor was calm.").is_empty());
    assert!(code("The Rohan envoy spoke to Gondor on Monday.").is_empty());
}

#[test]
fn possibility_and_conditions_stay_uncoded() {
    assert!(code("Gondor may attack Mordor.").is_empty());
    assert!(code("Gondor could withdraw from Rohan.").is_empty());
    assert!(code("If Gondor attacks Mordor, the pass will close.").is_empty());
}
