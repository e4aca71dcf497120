//! Which way a sentence points in time, from simple cues around an expression.
//!
//! "The ministers met on Tuesday" is an earlier Tuesday; "they will meet on
//! Tuesday" a later one. Without a parse we read the verb group nearest the
//! expression (before it, else after it): modals and "be going to" point
//! forward, past forms back, "is scheduled/expected/set" and "is meeting"
//! forward.

use crate::lexicon;

/// How many words before and after an expression are searched for its verb.
const BACK: usize = 40;
const AHEAD: usize = 25;

/// The direction of the verb group nearest an expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Present,
    Future,
    Unknown,
}

/// Words that put the verb group that follows them in the future.
fn future_aux(word: &str) -> bool {
    matches!(word, "will" | "'ll" | "shall" | "wo" | "would" | "'d")
}

/// Present forms of "be" ("'s" is left out: mostly a possessive; "am"
/// too: mostly "8 am").
fn be_present(word: &str) -> bool {
    matches!(word, "is" | "are" | "'re" | "'m")
}

/// Present forms of verbs of schedules: "the summit ends Friday" speaks of a
/// coming Friday.
fn scheduled_present(word: &str) -> bool {
    matches!(
        word,
        "begins"
            | "starts"
            | "opens"
            | "ends"
            | "closes"
            | "meets"
            | "resumes"
            | "arrives"
            | "departs"
            | "visits"
            | "travels"
            | "expires"
            | "convenes"
            | "kicks"
            | "heads"
            | "faces"
            | "hosts"
            | "votes"
            | "goes"
            | "returns"
    )
}

fn auxiliary(word: &str) -> bool {
    matches!(
        word,
        "be" | "been" | "being" | "have" | "has" | "had" | "not" | "n't" | "also" | "still"
    ) || be_present(word)
}

/// Participles that after a present "be" point forward ("is scheduled for").
fn future_participle(word: &str) -> bool {
    matches!(
        word,
        "scheduled" | "expected" | "set" | "slated" | "due" | "planned" | "poised" | "likely"
    )
}

/// Verbs that with "to" point forward ("plans to", "is going to"); past
/// forms ("agreed to sell in October") do not: the agreeing is the anchor.
fn future_verb(word: &str) -> bool {
    matches!(
        word,
        "plans"
            | "plan"
            | "going"
            | "intends"
            | "intend"
            | "expects"
            | "expect"
            | "hopes"
            | "hope"
            | "aims"
            | "wants"
            | "want"
            | "expected"
            | "scheduled"
            | "set"
            | "due"
            | "slated"
            | "poised"
    )
}

fn reporting_present(word: &str) -> bool {
    matches!(
        word,
        "says" | "say" | "reports" | "announces" | "confirms" | "tells" | "admits"
    )
}

fn past_form(words: &[&str], at: usize) -> bool {
    let word = words[at];
    if lexicon::irregular_past(word) {
        return true;
    }
    if word.len() > 4 && word.ends_with("ed") && !lexicon::ed_but_not_past(word) {
        // "the armed men", "a detailed plan": adjectives.
        let prev = at.checked_sub(1).map(|p| words[p]);
        return !matches!(
            prev,
            Some("the" | "a" | "an" | "its" | "their" | "his" | "her")
        );
    }
    false
}

/// Classifies the verb group whose last word is `words[at]`, if it is one.
fn verb_group(words: &[&str], at: usize) -> Option<Tense> {
    let word = words[at];
    if future_aux(word) {
        return Some(Tense::Future);
    }
    let before = |k: usize| at.checked_sub(k).map(|p| words[p]);
    // Auxiliaries before the word decide its group: "will be held" is
    // future, "has been held" past, "is expected" forward.
    if past_form(words, at) || word.ends_with("ing") || word == "be" {
        let mut k = 1;
        while let Some(prev) = before(k) {
            if future_aux(prev) {
                return Some(Tense::Future);
            }
            if prev == "to" {
                // "to be held": forward when the verb before it plans.
                return match before(k + 1) {
                    Some(w) if future_verb(w) || future_participle(w) => Some(Tense::Future),
                    _ => None,
                };
            }
            if be_present(prev) {
                return Some(if future_participle(word) || word.ends_with("ing") {
                    Tense::Future
                } else {
                    Tense::Present
                });
            }
            if matches!(prev, "was" | "were" | "had" | "has" | "have" | "did") {
                return Some(Tense::Past);
            }
            if !auxiliary(prev) || k >= 3 {
                break;
            }
            k += 1;
        }
        if word.ends_with("ing") || word == "be" {
            return None;
        }
        return Some(Tense::Past);
    }
    if word == "to" {
        if let Some(prev) = before(1) {
            if future_verb(prev) || future_participle(prev) {
                return Some(Tense::Future);
            }
        }
        return None;
    }
    if scheduled_present(word) {
        return Some(Tense::Present);
    }
    if be_present(word) || reporting_present(word) {
        return Some(if reporting_present(word) {
            Tense::Past
        } else {
            Tense::Present
        });
    }
    None
}

/// The tense that governs the expression over tokens `start..end` of a
/// sentence of lowercased `words`.
pub fn tense_at(words: &[&str], start: usize, end: usize) -> Tense {
    // "since Tuesday" looks back, "until/through Tuesday" forward, whatever
    // the verb ("postponed until Saturday"); "by Tuesday" when the sentence
    // speaks of the future.
    if let Some(prev) = start.checked_sub(1).map(|p| words[p]) {
        match prev {
            "since" => return Tense::Past,
            "until" | "till" | "through" | "til" => return Tense::Future,
            "by" | "before" if says_future(&words[..start]) => return Tense::Future,
            _ => {}
        }
    }
    // The verb that governs an expression stands near it; looking no
    // further keeps long sentences linear.
    for at in (start.saturating_sub(BACK)..start).rev() {
        if matches!(words[at], ";" | ":") {
            break;
        }
        if let Some(tense) = verb_group(words, at) {
            return tense;
        }
    }
    for at in end..words.len().min(end + AHEAD) {
        if matches!(words[at], ";" | ":" | "." | "?" | "!") {
            break;
        }
        if let Some(tense) = verb_group(words, at) {
            return tense;
        }
    }
    Tense::Unknown
}

/// Whether a future auxiliary stands among `words`.
fn says_future(words: &[&str]) -> bool {
    words.iter().any(|w| future_aux(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tense(sentence: &str, expr: &str) -> Tense {
        let lower = sentence.to_lowercase();
        let words: Vec<&str> = lower.split_whitespace().collect();
        let at = words.iter().position(|w| *w == expr).unwrap();
        tense_at(&words, at, at + 1)
    }

    #[test]
    fn reads_the_nearest_verb_group() {
        assert_eq!(
            tense("the ministers met on tuesday", "tuesday"),
            Tense::Past
        );
        assert_eq!(tense("they will meet on tuesday", "tuesday"), Tense::Future);
        assert_eq!(
            tense("the vote will be held on tuesday", "tuesday"),
            Tense::Future
        );
        assert_eq!(
            tense("the vote was held on tuesday", "tuesday"),
            Tense::Past
        );
        assert_eq!(
            tense("the vote is scheduled for tuesday", "tuesday"),
            Tense::Future
        );
        assert_eq!(
            tense("the talks resume tuesday , officials said", "tuesday"),
            Tense::Past
        );
        assert_eq!(tense("tuesday", "tuesday"), Tense::Unknown);
        assert_eq!(
            tense("he plans to travel on tuesday", "tuesday"),
            Tense::Future
        );
    }
}
