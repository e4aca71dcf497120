//! Document tone from dyad's own lexicon (`data/tone.txt`): 100 × (positive
//! words − negative words) / all words — GDELT's tone, "positive score minus
//! negative score", on its −100..+100 scale.

use std::collections::HashMap;
use std::sync::OnceLock;

const LEXICON: &str = include_str!("../data/tone.txt");

fn lexicon() -> &'static HashMap<&'static str, i32> {
    static WORDS: OnceLock<HashMap<&'static str, i32>> = OnceLock::new();
    WORDS.get_or_init(|| {
        LEXICON
            .lines()
            .filter_map(|line| {
                let (sign, word) = line.split_once(' ')?;
                let polarity = match sign {
                    "+" => 1,
                    "-" => -1,
                    _ => return None,
                };
                Some((word.trim(), polarity))
            })
            .collect()
    })
}

/// The tone of a text; 0 for a text without words.
pub fn tone(text: &str) -> f64 {
    let words = lexicon();
    let (mut all, mut score) = (0i64, 0i64);
    let mut lower = String::new();
    for word in text
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
    {
        all += 1;
        lower.clear();
        lower.extend(word.chars().flat_map(char::to_lowercase));
        score += i64::from(words.get(lower.as_str()).copied().unwrap_or(0));
    }
    if all == 0 {
        0.0
    } else {
        100.0 * score as f64 / all as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tone_counts_positive_and_negative_words() {
        assert_eq!(tone(""), 0.0);
        assert_eq!(tone("The leaders agreed a peace deal."), 300.0 / 6.0);
        assert!(tone("Militants attacked the town, killing ten.") < 0.0);
        assert_eq!(tone("Attack and peace."), 0.0);
    }

    #[test]
    fn every_lexicon_line_is_read() {
        let entries = LEXICON
            .lines()
            .filter(|l| l.starts_with("+ ") || l.starts_with("- "))
            .count();
        assert_eq!(lexicon().len(), entries);
    }
}
