//! Temporal expressions in English news: found, typed and resolved against the publication
//! date, in TimeML TIMEX3 form (TempEval-3 conventions).
//!
//! The stages, in order:
//! 1. [`recognize`]: token patterns over each sentence (from `dyad_text`) find
//!    the expressions and what they mean, unresolved — "last month" is "the
//!    month one before the anchor".
//! 2. [`tense`]: the nearest verb group says whether a bare "Tuesday" or
//!    "March" lies before or after publication.
//! 3. [`resolve`]: the meaning against the publication date (and, for "the
//!    next day" or "two weeks later", the last date named) gives a [`Value`].
//!
//! ```
//! use dyad_time::{extract, TimexType};
//! use dyad_types::Date;
//!
//! let text = "The ministers met on Tuesday and will meet again in three weeks.";
//! let published: Date = "2015-05-14".parse().unwrap();
//! let times = extract(text, Some(published));
//! let first = &times.all()[0];
//! assert_eq!((first.text.as_str(), first.kind()), ("Tuesday", TimexType::Date));
//! assert_eq!(first.value.to_string(), "2015-05-12");
//! assert_eq!(times.all()[1].value.to_string(), "P3W");
//! ```
//!
//! Attaching dates to events: build a [`DocumentTimes`] once per document
//! from the same sentences the coder reads
//! ([`DocumentTimes::from_sentences`], so sentence and token indices agree),
//! then ask [`DocumentTimes::in_tokens`] for the expressions inside a
//! clause's token range (or [`DocumentTimes::in_sentence`] for the whole
//! sentence). [`Timex::day`] gives the calendar day an expression names,
//! [`Timex::days`] the first and last day of a longer stretch ("last
//! month"); [`DocumentTimes::day_in`] does both steps for the common case.
//!
//! ```
//! use dyad_time::DocumentTimes;
//! use dyad_types::Date;
//!
//! let text = "Talks ended on Monday. Rebels attacked the town on Tuesday and left.";
//! let sentences = dyad_text::sentences(text);
//! let times = DocumentTimes::from_sentences(text, &sentences, "2015-05-14".parse().ok());
//! // The clause "Rebels attacked the town on Tuesday" is tokens 0..6 of sentence 1.
//! let day: Option<Date> = times.day_in(1, 0..6);
//! assert_eq!(day, "2015-05-12".parse().ok());
//! ```
//!
//! Conventions (TempEval-3): extents take the determiners and modifiers
//! TimeML includes ("the past three years", "early next year", "Tuesday
//! morning") and leave prepositions out ("on Tuesday" gives "Tuesday",
//! "since 2019" gives "2019"). "Two weeks later", "a year after X" and "five
//! years from now" are DURATIONs (`P2W`) with the signal word outside;
//! where they lead is kept in [`Timex::points_to`]. "N units ago" is a DATE.
//!
//! Nothing here fails or panics on any text, so there is no error type:
//! what cannot be resolved is left out ("31 February") or written with `X`s
//! (no publication date: "Tuesday" is `XXXX-WXX-2`).

pub mod lexicon;
pub mod recognize;
pub mod resolve;
pub mod tense;
pub mod value;

use std::ops::Range;

use dyad_types::{Date, Sentence, Span};

pub use value::{Amount, Duration, Point, Recurrence, Reference, TimeOfDay, Value};

use recognize::{Sem, Words};
use resolve::Resolver;

/// The four TIMEX3 types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

impl TimexType {
    /// `DATE`, `TIME`, `DURATION` or `SET`.
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// A TIMEX3 `mod`: what a modifier word does to the value ("early 2019",
/// "more than three years").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mod {
    Start,
    Mid,
    End,
    Approx,
    LessThan,
    MoreThan,
    EqualOrLess,
    EqualOrMore,
}

impl Mod {
    /// The TIMEX3 spelling: `START`, `MID`, `END`, `APPROX`, …
    pub fn as_str(self) -> &'static str {
        match self {
            Mod::Start => "START",
            Mod::Mid => "MID",
            Mod::End => "END",
            Mod::Approx => "APPROX",
            Mod::LessThan => "LESS_THAN",
            Mod::MoreThan => "MORE_THAN",
            Mod::EqualOrLess => "EQUAL_OR_LESS",
            Mod::EqualOrMore => "EQUAL_OR_MORE",
        }
    }
}

/// One temporal expression of a document.
#[derive(Debug, Clone, PartialEq)]
pub struct Timex {
    /// Character offsets (Unicode scalar values) in the document text.
    pub span: Span,
    /// The original text under `span`.
    pub text: String,
    pub value: Value,
    pub modifier: Option<Mod>,
    /// For a duration counted from a date ("two weeks later", "three days
    /// earlier", "five years from now"): the point it leads to, counted from
    /// the last date named before it (or from publication for "from now").
    pub points_to: Option<Point>,
    /// 0-based index of its sentence (`Sentence::index`).
    pub sentence: usize,
    /// Its tokens: indices into that sentence's `tokens`.
    pub tokens: Range<usize>,
}

impl Timex {
    pub fn kind(&self) -> TimexType {
        match &self.value {
            Value::Date(_) | Value::Reference(_) => TimexType::Date,
            Value::Time(..) => TimexType::Time,
            Value::Duration(_) => TimexType::Duration,
            Value::Set(_) => TimexType::Set,
            Value::Unanchored(text) if text.contains('T') => TimexType::Time,
            Value::Unanchored(_) => TimexType::Date,
        }
    }

    /// The calendar day the expression names ("yesterday", "March 3, 2019",
    /// "Tuesday at 3 p.m.", "two days later"), if it names exactly one.
    pub fn day(&self) -> Option<Date> {
        match (&self.value, self.points_to) {
            (Value::Date(Point::Day(date)) | Value::Time(Some(date), _), _) => Some(*date),
            (_, Some(Point::Day(date))) => Some(date),
            _ => None,
        }
    }

    /// The first and last day of the stretch the expression names ("last
    /// month" → its first and last day), for DATE and TIME values.
    pub fn days(&self) -> Option<(Date, Date)> {
        match (&self.value, self.points_to) {
            (Value::Date(point), _) => point.days(),
            (Value::Time(Some(date), _), _) => Some((*date, *date)),
            (_, Some(point)) => point.days(),
            _ => None,
        }
    }
}

/// The temporal expressions of one document, in text order, with lookups
/// by sentence and token range.
#[derive(Debug, Clone, Default)]
pub struct DocumentTimes {
    timexes: Vec<Timex>,
    /// For sentence `s`, its expressions are `timexes[by_sentence[s]..by_sentence[s + 1]]`.
    by_sentence: Vec<usize>,
}

impl DocumentTimes {
    /// Finds and resolves the expressions of `text`, already split into
    /// `sentences` (as `dyad_text::sentences` gives them), against the
    /// publication date `published` (without one, relative expressions get
    /// values with `X`s).
    pub fn from_sentences(
        text: &str,
        sentences: &[Sentence],
        published: Option<Date>,
    ) -> DocumentTimes {
        let mut resolver = Resolver::new(published);
        let mut timexes: Vec<Timex> = Vec::new();
        let mut by_sentence = Vec::with_capacity(sentences.len() + 1);
        let mut lower: Vec<String> = Vec::new();
        for (position, sentence) in sentences.iter().enumerate() {
            while by_sentence.len() <= sentence.index.max(position) {
                by_sentence.push(timexes.len());
            }
            lower.clear();
            lower.extend(sentence.tokens.iter().map(|t| t.text.to_lowercase()));
            let lower_refs: Vec<&str> = lower.iter().map(String::as_str).collect();
            let raw: Vec<&str> = sentence.tokens.iter().map(|t| t.text.as_str()).collect();
            let words = Words::new(&lower_refs, &raw);
            let cands = recognize::recognize(&words);

            // Days first, then clock times, which take the nearest day.
            let mut values: Vec<Option<(Value, Option<Point>)>> = vec![None; cands.len()];
            for (k, cand) in cands.iter().enumerate() {
                if !matches!(cand.sem, Sem::Clock(_)) {
                    let tense = if cand.sem.needs_tense() {
                        tense::tense_at(&lower_refs, cand.start, cand.end)
                    } else {
                        tense::Tense::Unknown
                    };
                    values[k] = resolver.resolve(&cand.sem, tense);
                }
            }
            for (k, cand) in cands.iter().enumerate() {
                if let Sem::Clock(time) = cand.sem {
                    let day = cands
                        .iter()
                        .zip(&values)
                        .filter_map(|(other, value)| match value {
                            Some((Value::Date(Point::Day(d)), _))
                            | Some((Value::Time(Some(d), _), _)) => {
                                Some((other.start.abs_diff(cand.start), *d))
                            }
                            _ => None,
                        })
                        .min_by_key(|(distance, _)| *distance)
                        .map(|(_, d)| d);
                    values[k] = Some((resolver.clock(time, day), None));
                }
            }
            // "a year after February 29, 2024": a duration before a date
            // leads from it.
            for k in 0..cands.len().saturating_sub(1) {
                let (Sem::Duration(duration), Some(next)) = (&cands[k].sem, cands.get(k + 1))
                else {
                    continue;
                };
                let Amount::Number(n) = duration.amount else {
                    continue;
                };
                let sign = match lower_refs.get(cands[k].end) {
                    Some(&"after") => 1.0,
                    Some(&"before") => -1.0,
                    _ => continue,
                };
                if next.start != cands[k].end + 1 {
                    continue;
                }
                if let Some((Value::Date(from), _)) = values[k + 1] {
                    if let Some((_, points_to)) = values[k].as_mut() {
                        *points_to = resolve::lead(from, duration.unit, n * sign);
                    }
                }
            }
            for (cand, value) in cands.into_iter().zip(values) {
                let Some((value, points_to)) = value else {
                    continue;
                };
                let (Some(first), Some(last)) = (
                    sentence.tokens.get(cand.start),
                    sentence.tokens.get(cand.end.saturating_sub(1)),
                ) else {
                    continue;
                };
                if first.span.start > last.span.end {
                    continue;
                }
                timexes.push(Timex {
                    span: Span::new(first.span.start, last.span.end),
                    text: String::new(),
                    value,
                    modifier: cand.modifier,
                    points_to,
                    sentence: sentence.index,
                    tokens: cand.start..cand.end,
                });
            }
        }
        by_sentence.push(timexes.len());
        fill_texts(text, &mut timexes);
        DocumentTimes {
            timexes,
            by_sentence,
        }
    }

    /// Every expression, in text order.
    pub fn all(&self) -> &[Timex] {
        &self.timexes
    }

    /// Takes the expressions out.
    pub fn into_vec(self) -> Vec<Timex> {
        self.timexes
    }

    /// The expressions of sentence `sentence` (its `Sentence::index`).
    pub fn in_sentence(&self, sentence: usize) -> &[Timex] {
        match (
            self.by_sentence.get(sentence),
            self.by_sentence.get(sentence + 1),
        ) {
            (Some(&start), Some(&end)) if start <= end => &self.timexes[start..end],
            _ => &[],
        }
    }

    /// The expressions that lie wholly inside tokens `tokens` of sentence
    /// `sentence` — for instance a clause's token range, to date the event
    /// its verb names.
    pub fn in_tokens(
        &self,
        sentence: usize,
        tokens: Range<usize>,
    ) -> impl Iterator<Item = &Timex> + '_ {
        self.in_sentence(sentence)
            .iter()
            .filter(move |t| t.tokens.start >= tokens.start && t.tokens.end <= tokens.end)
    }

    /// The first day named inside tokens `tokens` of sentence `sentence`
    /// ("on Tuesday", "two days later"), if any: the date to give an event
    /// whose clause spans those tokens.
    pub fn day_in(&self, sentence: usize, tokens: Range<usize>) -> Option<Date> {
        self.in_tokens(sentence, tokens).find_map(Timex::day)
    }

    /// The expressions whose span overlaps `span` (character offsets).
    pub fn overlapping(&self, span: Span) -> impl Iterator<Item = &Timex> + '_ {
        self.timexes
            .iter()
            .filter(move |t| t.span.start < span.end && span.start < t.span.end)
    }
}

/// Finds and resolves the temporal expressions of a document text against
/// its publication date; splits the text into sentences itself.
pub fn extract(text: &str, published: Option<Date>) -> DocumentTimes {
    let sentences = dyad_text::sentences(text);
    DocumentTimes::from_sentences(text, &sentences, published)
}

/// Sets each expression's text from its character span, in one pass over
/// the document (spans are in order).
fn fill_texts(text: &str, timexes: &mut [Timex]) {
    // Byte offsets of the wanted character offsets, found walking once.
    let mut wanted: Vec<usize> = timexes
        .iter()
        .flat_map(|t| [t.span.start, t.span.end])
        .collect();
    wanted.sort_unstable();
    wanted.dedup();
    let mut bytes = Vec::with_capacity(wanted.len());
    let mut chars = text.char_indices().map(|(b, _)| b).chain([text.len()]);
    let mut at_char = 0usize;
    let mut current = chars.next();
    for &w in &wanted {
        while at_char < w {
            current = chars.next();
            at_char += 1;
            if current.is_none() {
                break;
            }
        }
        bytes.push(if at_char == w { current } else { None });
    }
    let byte_of = |c: usize| -> Option<usize> {
        let k = wanted.binary_search(&c).ok()?;
        bytes.get(k).copied().flatten()
    };
    for t in timexes.iter_mut() {
        if let (Some(a), Some(b)) = (byte_of(t.span.start), byte_of(t.span.end)) {
            if let Some(slice) = text.get(a..b) {
                t.text = slice.to_string();
            }
        }
    }
}
