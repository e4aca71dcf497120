//! The grammar: token patterns that find temporal expressions and say what they mean, before
//! anything is resolved against a date.
//!
//! Patterns run over one sentence's lowercased tokens. At each token every
//! pattern is tried, with and without a modifier in front ("early", "about",
//! "the end of"), and the longest match wins; matching then goes on after it.
//! Extents follow TimeML: determiners and modifiers that belong to the
//! expression are in it ("the past three years", "early next year"),
//! prepositions are not ("on Tuesday" gives "Tuesday", "since 2019" gives
//! "2019").

use crate::lexicon::{self, PartOfDay, Season, Unit};
use crate::value::{Amount, Duration, Point, Recurrence, Reference, TimeOfDay};
use crate::Mod;

/// Which occurrence of a cyclic name ("Tuesday", "March", "summer") is meant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dir {
    /// No word says: the tense decides, else the nearest.
    Nearest,
    /// "last Tuesday": the latest one strictly before the anchor.
    Before,
    /// "next Tuesday": the first one strictly after the anchor.
    After,
    /// "this Tuesday": the one of the current cycle.
    This,
}

/// The year of a name that may not say it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearSpec {
    Given(i32),
    /// Relative to the publication year: "of last year" is -1.
    Relative(i64),
    Infer(Dir),
}

/// What a relative expression counts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// The publication date ("yesterday", "last month", "two years ago").
    Now,
    /// The last date the text named ("the next day", "two weeks later").
    Reference,
}

/// Holidays by rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holiday {
    Fixed(u8, u8),
    /// The `n`th `weekday` (0 = Monday) of `month`; negative counts from the end.
    Nth {
        month: u8,
        weekday: u8,
        n: i8,
    },
    Easter,
}

/// What an expression means, unresolved.
#[derive(Debug, Clone, PartialEq)]
pub enum Sem {
    /// A month, or a day of a month, written out; the year may be missing.
    Calendar {
        year: YearSpec,
        month: u8,
        day: Option<u8>,
        weekday: Option<u8>,
    },
    /// A point that needs no anchor: "2019", "the 1990s", "2019-03-03".
    Point(Point),
    Quarter {
        quarter: u8,
        year: YearSpec,
    },
    Half {
        half: u8,
        year: YearSpec,
    },
    Season {
        season: Season,
        year: YearSpec,
    },
    Weekday {
        day: u8,
        dir: Dir,
    },
    Weekend {
        dir: Dir,
    },
    /// `n` units from the anchor, at the unit's granularity: "yesterday"
    /// (day, -1), "last month" (month, -1), "this week" (week, 0).
    Shift {
        unit: Unit,
        n: f64,
        anchor: Anchor,
    },
    /// "on the 15th": a day of the anchor's month.
    DayOfMonth(u8),
    Holiday {
        holiday: Holiday,
        year: YearSpec,
    },
    Duration(Duration),
    Reference(Reference),
    Set(Recurrence),
    /// A duration that points from an anchor: "two weeks later" (`n` = 2),
    /// "three days earlier" (-3). Its value is the duration, as TimeML has
    /// it; the day it points to is kept beside.
    Anchored {
        duration: Duration,
        n: f64,
        anchor: Anchor,
    },
    /// A time of day whose day the sentence or the anchor gives.
    Clock(TimeOfDay),
    /// A day with a time of day: "Tuesday morning", "yesterday at 3 p.m.".
    WithTime(Box<Sem>, TimeOfDay),
}

impl Sem {
    /// Whether resolving it asks which way the sentence points in time.
    pub fn needs_tense(&self) -> bool {
        match self {
            Sem::Calendar { year, .. }
            | Sem::Quarter { year, .. }
            | Sem::Half { year, .. }
            | Sem::Season { year, .. }
            | Sem::Holiday { year, .. } => matches!(year, YearSpec::Infer(_)),
            Sem::Weekday { .. } | Sem::Weekend { .. } | Sem::DayOfMonth(_) => true,
            Sem::WithTime(inner, _) => inner.needs_tense(),
            _ => false,
        }
    }
}

/// A match: tokens `start..end` of the sentence, and what they mean.
#[derive(Debug, Clone, PartialEq)]
pub struct Cand {
    pub start: usize,
    pub end: usize,
    pub sem: Sem,
    pub modifier: Option<Mod>,
}

/// A pattern: from a token, the end of its match and what it means.
type Pattern<'a> = fn(&Words<'a>, usize) -> Option<(usize, Sem)>;

/// One sentence's tokens: lowercased, and as written (for capitals).
pub struct Words<'a> {
    lower: &'a [&'a str],
    raw: &'a [&'a str],
}

/// Prepositions and words after which a bare month name is a month.
const BEFORE_MONTH: &[&str] = &[
    "in", "since", "by", "until", "till", "of", "from", "to", "through", "during", "before",
    "after", "early", "late", "mid", "last", "next", "this", "between", "and", "or", "around",
    "on", "for", "into", "as", "-",
];

/// Words before a number that make it a quantity, not a year.
/// Nouns after a number that make it a count, not a year.
fn counted_noun(word: &str) -> bool {
    matches!(
        word,
        "%" | "percent"
            | "people"
            | "km"
            | "kilometers"
            | "kilometres"
            | "miles"
            | "meters"
            | "metres"
            | "feet"
            | "tons"
            | "tonnes"
            | "troops"
            | "soldiers"
            | "dollars"
            | "euros"
            | "times"
            | "barrels"
            | "members"
            | "children"
            | "cases"
            | "deaths"
            | "votes"
            | "points"
            | "units"
            | "jobs"
            | "workers"
            | "homes"
            | "acres"
            | "pounds"
            | "calories"
            | "residents"
            | "protesters"
            | "refugees"
            | "students"
            | "police"
            | "officers"
            | "hectares"
            | "lb"
            | "kg"
            | "mph"
            | "kph"
    )
}

/// Words before a 4-digit number that make it a year.
const BEFORE_YEAR: &[&str] = &[
    "in",
    "since",
    "by",
    "until",
    "till",
    "of",
    "from",
    "through",
    "during",
    "before",
    "after",
    "early",
    "late",
    "mid",
    "between",
    "and",
    "or",
    "year",
    "fiscal",
    "the",
    "circa",
    "c.",
    "for",
    "to",
    "-",
    "(",
    ",",
    "spring",
    "summer",
    "fall",
    "autumn",
    "winter",
    "around",
    "about",
    "throughout",
    "into",
    "ending",
    "beginning",
    "starting",
    "against",
    "'s",
    "than",
    "at",
    "as",
    "on",
    "over",
    "within",
    "when",
    "where",
    "/",
    "a",
    "an",
];

/// Time zones and the like that may follow a clock time.
const ZONES: &[&str] = &[
    "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "gmt", "utc", "et", "ct", "pt", "bst",
    "cet", "cest", "ist", "jst", "msk", "aest", "eastern", "pacific", "central",
];

fn is_digits(word: &str, len: std::ops::RangeInclusive<usize>) -> bool {
    len.contains(&word.len()) && word.bytes().all(|b| b.is_ascii_digit())
}

/// A year written with four digits (1000–2199).
fn four_digit_year(word: &str) -> Option<i32> {
    if !is_digits(word, 4..=4) {
        return None;
    }
    let year: i32 = word.parse().ok()?;
    (1000..=2199).contains(&year).then_some(year)
}

/// A two-digit year ("'98", "05/03/19"): the century that puts it at most
/// ten years after 2030-ish, as news mostly speaks of the recent past.
fn two_digit_year(n: u32) -> i32 {
    let n = n as i32;
    if n <= 30 {
        2000 + n
    } else {
        1900 + n
    }
}

/// A decade token: "1990s", "90s", "1800s" (a century when it ends in "00s"
/// before 1900 — "the 1800s" are the nineteenth century).
fn decade_token(word: &str, short_ok: bool) -> Option<Point> {
    let digits = word.strip_suffix('s')?;
    if is_digits(digits, 4..=4) && digits.ends_with('0') {
        let year: i32 = digits.parse().ok()?;
        if !(1000..=2190).contains(&year) {
            return None;
        }
        if digits.ends_with("00") && year < 2000 {
            return Some(Point::Century(year / 100));
        }
        return Some(Point::Decade(year / 10));
    }
    if short_ok && is_digits(digits, 2..=2) && digits.ends_with('0') {
        let n: u32 = digits.parse().ok()?;
        return Some(Point::Decade(two_digit_year(n) / 10));
    }
    None
}

/// "the nineties" → 9 (a decade of the 1900s).
fn decade_word(word: &str) -> Option<i32> {
    let d = match word {
        "twenties" => 2,
        "thirties" => 3,
        "forties" => 4,
        "fifties" => 5,
        "sixties" => 6,
        "seventies" => 7,
        "eighties" => 8,
        "nineties" => 9,
        _ => return None,
    };
    Some(d)
}

/// The part of a 24-hour clock "3 p.m." names.
fn meridiem(word: &str) -> Option<bool> {
    match word {
        "a.m." | "am" | "a.m" => Some(false),
        "p.m." | "pm" | "p.m" => Some(true),
        _ => None,
    }
}

fn clock_hour(hour: u32, pm: bool) -> Option<u8> {
    if !(1..=12).contains(&hour) {
        return None;
    }
    let h = match (hour, pm) {
        (12, false) => 0,
        (12, true) => 12,
        (h, true) => h + 12,
        (h, false) => h,
    };
    Some(h as u8)
}

/// "10:30" → (10, 30).
fn hour_minute(word: &str) -> Option<(u32, u32)> {
    let (h, m) = word.split_once(':')?;
    if !is_digits(h, 1..=2) || !is_digits(m, 2..=2) {
        return None;
    }
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && m < 60 || (h, m) == (24, 0)).then_some((h, m))
}

/// A day of a month: "3", "03", "3rd", "third".
fn day_number(word: &str) -> Option<u8> {
    let n = if is_digits(word, 1..=2) {
        word.parse().ok()?
    } else {
        lexicon::ordinal(word)?
    };
    (1..=31).contains(&n).then_some(n as u8)
}

/// A numeric date in one token: 2019-03-03, 2019/03/03, 3/3/2019, 03/03/19,
/// 3.3.2019. Slashes read month first (as US news writes) unless the first
/// number cannot be a month; dots read day first.
fn numeric_date(word: &str) -> Option<Option<(i32, u8, u8)>> {
    let sep = if word.contains('/') {
        '/'
    } else if word.contains('-') {
        '-'
    } else if word.contains('.') {
        '.'
    } else {
        return None;
    };
    let parts: Vec<&str> = word.split(sep).collect();
    if parts.len() != 3 || parts.iter().any(|p| !is_digits(p, 1..=4)) {
        return None;
    }
    let n = |i: usize| -> u32 { parts[i].parse().unwrap_or(0) };
    let (year, month, day) = if parts[0].len() == 4 {
        if parts[1].len() > 2 || parts[2].len() > 2 {
            return None;
        }
        (n(0) as i32, n(1), n(2))
    } else if sep == '-' {
        return None;
    } else {
        let year = match parts[2].len() {
            4 => n(2) as i32,
            2 => two_digit_year(n(2)),
            _ => return None,
        };
        if parts[0].len() > 2 || parts[1].len() > 2 {
            return None;
        }
        let (a, b) = (n(0), n(1));
        if sep == '.' || a > 12 {
            (year, b, a)
        } else {
            (year, a, b)
        }
    };
    if !(1000..=2199).contains(&year) || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        // Shaped like a date but no date: the caller drops it.
        return Some(None);
    }
    Some(Some((year, month as u8, day as u8)))
}

fn holiday(word: &str) -> Option<Holiday> {
    let h = match word {
        "christmas" | "xmas" => Holiday::Fixed(12, 25),
        "halloween" => Holiday::Fixed(10, 31),
        "thanksgiving" => Holiday::Nth {
            month: 11,
            weekday: 3,
            n: 4,
        },
        "easter" => Holiday::Easter,
        _ => return None,
    };
    Some(h)
}

impl<'a> Words<'a> {
    pub fn new(lower: &'a [&'a str], raw: &'a [&'a str]) -> Words<'a> {
        Words { lower, raw }
    }

    fn get(&self, i: usize) -> Option<&'a str> {
        self.lower.get(i).copied()
    }

    fn is(&self, i: usize, word: &str) -> bool {
        self.get(i) == Some(word)
    }

    fn is_any(&self, i: usize, words: &[&str]) -> bool {
        self.get(i).is_some_and(|w| words.contains(&w))
    }

    fn prev(&self, i: usize) -> Option<&'a str> {
        i.checked_sub(1).and_then(|p| self.get(p))
    }

    fn capitalized(&self, i: usize) -> bool {
        self.raw
            .get(i)
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_uppercase)
    }

    /// Whether token `i` ends a phrase: punctuation, a conjunction, the end.
    fn phrase_end(&self, i: usize) -> bool {
        match self.get(i) {
            None => true,
            Some(w) => {
                matches!(
                    w,
                    "." | ","
                        | ";"
                        | ":"
                        | "!"
                        | "?"
                        | ")"
                        | "\""
                        | "'"
                        | "-"
                        | "--"
                        | "and"
                        | "or"
                        | "but"
                        | "when"
                        | "that"
                        | "because"
                        | "as"
                        | "after"
                        | "before"
                        | "since"
                        | "in"
                        | "on"
                        | "at"
                        | "to"
                        | "for"
                        | "with"
                        | "than"
                ) || w.ends_with('.')
            }
        }
    }

    // ---------------------------------------------------------------- pieces

    /// A count: digits, number words, "a", "a few", "several", "one and a half".
    fn amount(&self, i: usize) -> Option<(Amount, usize)> {
        let w = self.get(i)?;
        let number = lexicon::digits(w)
            .filter(|&n| n < 1_000_000)
            .map(|n| n as f64)
            .or_else(|| lexicon::decimal(w))
            .or_else(|| lexicon::number_word(w).map(f64::from));
        if let Some(mut n) = number {
            let mut end = i + 1;
            if (20.0..100.0).contains(&n) && n % 10.0 == 0.0 && self.is(end, "-") {
                if let Some(ones) = self.get(end + 1).and_then(lexicon::number_word) {
                    if ones < 10 {
                        n += f64::from(ones);
                        end += 2;
                    }
                }
            }
            if self.is(end, "and") && self.is(end + 1, "a") && self.is(end + 2, "half") {
                n += 0.5;
                end += 3;
            }
            return Some((Amount::Number(n), end));
        }
        match w {
            "a" | "an" => {
                if self.is(i + 1, "few") {
                    Some((Amount::Some, i + 2))
                } else if self.is(i + 1, "couple") && self.is(i + 2, "of") {
                    Some((Amount::Number(2.0), i + 3))
                } else if self.is(i + 1, "couple") {
                    Some((Amount::Number(2.0), i + 2))
                } else if self.is(i + 1, "dozen") {
                    Some((Amount::Number(12.0), i + 2))
                } else if self.is_any(i + 1, &["number", "handful"]) && self.is(i + 2, "of") {
                    Some((Amount::Some, i + 3))
                } else {
                    Some((Amount::Number(1.0), i + 1))
                }
            }
            "several" | "few" | "many" | "some" | "numerous" => Some((Amount::Some, i + 1)),
            "half" if self.is_any(i + 1, &["a", "an"]) => Some((Amount::Number(0.5), i + 2)),
            "dozens" | "hundreds" | "thousands" | "tens" if self.is(i + 1, "of") => {
                Some((Amount::Some, i + 2))
            }
            _ => None,
        }
    }

    /// A month name at `i` that really is one here.
    fn month(&self, i: usize) -> Option<u8> {
        let w = self.get(i)?;
        let m = lexicon::month(w)?;
        let ambiguous = matches!(w, "may" | "march" | "mar." | "jan" | "sept" | "sep" | "dec");
        if ambiguous || w.len() <= 4 {
            if !self.capitalized(i) {
                return None;
            }
            // "Jan" without its period is a month only before a day or a
            // year ("Jan 5"), not in "Jan stated".
            if w.len() <= 4 && !w.ends_with('.') && !matches!(w, "may" | "june" | "july") {
                let dated = self
                    .get(i + 1)
                    .is_some_and(|n| day_number(n).is_some() || four_digit_year(n).is_some());
                if !dated {
                    return None;
                }
            }
            if w == "may" || w == "march" {
                // "May" and "March" are months after a preposition, before a
                // day or a year, or after a weekday.
                let next_is_number = self
                    .get(i + 1)
                    .is_some_and(|n| day_number(n).is_some() || four_digit_year(n).is_some())
                    || (self.is(i + 1, "of")
                        && self
                            .get(i + 2)
                            .is_some_and(|n| four_digit_year(n).is_some()));
                let after_prep = self.prev(i).is_some_and(|p| {
                    BEFORE_MONTH.contains(&p)
                        || lexicon::weekday(p).is_some()
                        || (p == ","
                            && self
                                .prev(i - 1)
                                .is_some_and(|pp| lexicon::weekday(pp).is_some()))
                });
                if !next_is_number && !after_prep {
                    return None;
                }
                if w == "may"
                    && !next_is_number
                    && self.get(i + 1).is_some_and(|n| {
                        // "as it may be": a modal before a verb or adverb.
                        matches!(
                            n,
                            "be" | "have" | "not" | "also" | "well" | "still" | "never"
                        )
                    })
                {
                    return None;
                }
            }
        }
        Some(m)
    }

    /// A four-digit year after a month or day ("March 3, 2019", "March 2019").
    fn year_after(&self, i: usize) -> Option<(i32, usize)> {
        let mut j = i;
        if self.is(j, ",") || self.is(j, "of") {
            j += 1;
        }
        let year = four_digit_year(self.get(j)?)?;
        // "March 3, 2019 people" is rare; "the March 3, 2019 attack" fine.
        Some((year, j + 1))
    }

    /// "of this year", "last year" after a month: the year, relative.
    fn relative_year_after(&self, i: usize) -> Option<(i64, usize)> {
        let j = if self.is(i, "of") { i + 1 } else { i };
        let n = match self.get(j)? {
            "this" => 0,
            "last" | "previous" => -1,
            "next" | "coming" => 1,
            _ => return None,
        };
        self.is(j + 1, "year").then_some((n, j + 2))
    }

    // -------------------------------------------------------------- patterns

    /// "March 3, 2019", "Tuesday, March 3", "3 March 2019", "the 3rd of
    /// March", "March 2019", "June of last year", "March".
    fn calendar(&self, i: usize) -> Option<(usize, Sem)> {
        let mut j = i;
        let mut weekday = None;
        if let Some(d) = self.get(i).and_then(lexicon::weekday) {
            weekday = Some(d);
            j += 1;
            if self.is(j, ",") {
                j += 1;
            }
        }
        // Month first.
        if let Some(month) = self.month(j) {
            let mut k = j + 1;
            let mut day = None;
            if let Some(d) = self.get(k).and_then(day_number) {
                // Not "March 3 percent", not "May 10:30".
                if !self.get(k + 1).is_some_and(|n| {
                    lexicon::unit(n).is_some() || matches!(n, "%" | "percent" | ":")
                }) {
                    day = Some(d);
                    k += 1;
                }
            }
            let year = if let Some((y, end)) = self.year_after(k).filter(|_| {
                // "March 2019", "March 3, 2019"; "May, 2019" only with a day.
                day.is_some() || !self.is(k, ",")
            }) {
                k = end;
                YearSpec::Given(y)
            } else if let Some((n, end)) = self.relative_year_after(k) {
                k = end;
                YearSpec::Relative(n)
            } else {
                YearSpec::Infer(Dir::Nearest)
            };
            if weekday.is_some() && day.is_none() {
                return None;
            }
            return Some((
                k,
                Sem::Calendar {
                    year,
                    month,
                    day,
                    weekday,
                },
            ));
        }
        // Day first: "3 March", "the 3rd of March".
        let mut k = j;
        if self.is(k, "the") {
            k += 1;
        }
        let day = self.get(k).and_then(day_number)?;
        k += 1;
        if self.is(k, "of") {
            k += 1;
        }
        let month = self.month(k)?;
        k += 1;
        let year = if let Some((y, end)) = self.year_after(k) {
            k = end;
            YearSpec::Given(y)
        } else {
            YearSpec::Infer(Dir::Nearest)
        };
        Some((
            k,
            Sem::Calendar {
                year,
                month,
                day: Some(day),
                weekday,
            },
        ))
    }

    /// Numeric dates in one token.
    fn numeric(&self, i: usize) -> Option<(usize, Sem)> {
        let w = self
            .get(i)
            .filter(|w| w.starts_with(|c: char| c.is_ascii_digit()))?;
        let (year, month, day) = numeric_date(w)??;
        let date = dyad_types::Date::new(year, month, day)?;
        Some((i + 1, Sem::Point(Point::Day(date))))
    }

    /// A year alone, a decade, a century, a fiscal year.
    fn year(&self, i: usize) -> Option<(usize, Sem)> {
        let w = self.get(i)?;
        // "the 1990s", "the '90s", "1990s".
        let the = usize::from(w == "the");
        let k = i + the;
        let apostrophe = self.is(k, "'");
        let token = self.get(k + usize::from(apostrophe))?;
        if let Some(point) = decade_token(token, apostrophe || the == 1)
            .or_else(|| token.strip_prefix('\'').and_then(|t| decade_token(t, true)))
        {
            return Some((k + usize::from(apostrophe) + 1, Sem::Point(point)));
        }
        if the == 1 {
            // "the year 2000"
            if self.is(k, "year") {
                let year = four_digit_year(self.get(k + 1)?)?;
                return Some((k + 2, Sem::Point(Point::Year(year))));
            }
            return None;
        }
        if w == "fiscal" {
            let mut k = i + 1;
            if self.is(k, "year") {
                k += 1;
            }
            let year = four_digit_year(self.get(k)?)?;
            return Some((k + 1, Sem::Point(Point::FiscalYear(year))));
        }
        if let Some(rest) = w.strip_prefix("fy") {
            let year = four_digit_year(rest).or_else(|| {
                is_digits(rest, 2..=2).then(|| two_digit_year(rest.parse().unwrap_or(0)))
            })?;
            return Some((i + 1, Sem::Point(Point::FiscalYear(year))));
        }
        let year = four_digit_year(w)?;
        let prev = self.prev(i);
        let next = self.get(i + 1);
        // "$2000", "No. 1984", "Flight 1549": numbers.
        if prev.is_some_and(|p| matches!(p, "$" | "€" | "£" | "¥" | "#" | "no." | "number"))
            || (i > 0 && self.name_word(i - 1))
        {
            return None;
        }
        // "2000 people", "1500 km": counts; "1530 GMT": a time.
        if next.is_some_and(|n| counted_noun(n) || lexicon::unit(n).is_some() || ZONES.contains(&n))
        {
            return None;
        }
        // "more than 2000", "about 2000 protesters"; but "no later than 2015".
        let comparative = prev.is_some_and(|p| {
            matches!(
                p,
                "than"
                    | "nearly"
                    | "almost"
                    | "approximately"
                    | "roughly"
                    | "some"
                    | "over"
                    | "under"
                    | "least"
                    | "only"
                    | "just"
                    | "about"
                    | "around"
            )
        });
        let after_comparative_time = i >= 2
            && self.get(i - 2).is_some_and(|pp| {
                matches!(pp, "later" | "earlier" | "sooner" | "before" | "after")
            });
        let plural_next = next.is_some_and(|n| {
            n.len() > 3
                && n.ends_with('s')
                && !n.ends_with("ss")
                && !n.ends_with("is")
                && !n.ends_with("us")
                && n.chars().all(|c| c.is_ascii_lowercase())
        });
        if comparative
            && !after_comparative_time
            && (plural_next
                || matches!(
                    prev,
                    Some("than" | "over" | "under" | "least" | "only" | "just")
                ))
        {
            return None;
        }
        // "1100 others"; but "the 2012 elections", "in 2012 elections".
        if plural_next
            && !prev.is_some_and(|p| {
                matches!(
                    p,
                    "the"
                        | "in"
                        | "since"
                        | "of"
                        | "by"
                        | "from"
                        | "until"
                        | "during"
                        | "through"
                        | "before"
                        | "after"
                        | "'s"
                        | "a"
                        | "an"
                        | "early"
                        | "late"
                        | "mid"
                        | "fiscal"
                        | "year"
                        | "for"
                )
            })
        {
            return None;
        }
        // Old years only after a preposition or before punctuation: "the
        // 1070 Housing Project" is a name.
        if year < 1800
            && !prev.is_some_and(|p| {
                matches!(
                    p,
                    "in" | "since"
                        | "by"
                        | "until"
                        | "of"
                        | "from"
                        | "to"
                        | "during"
                        | "before"
                        | "after"
                        | "circa"
                        | "c."
                        | "between"
                        | "and"
                        | "around"
                        | "about"
                )
            })
            && !self.phrase_end(i + 1)
        {
            return None;
        }
        Some((i + 1, Sem::Point(Point::Year(year))))
    }

    /// "20th century", "twenty-first century", "21st-century";
    /// TempEval-3 leaves the article out of centuries ("the [20th century]").
    fn century(&self, k: usize) -> Option<(usize, Sem)> {
        let w = self.get(k)?;
        if let Some(ord) = w.strip_suffix("-century").and_then(lexicon::ordinal) {
            return (1..=30)
                .contains(&ord)
                .then_some((k + 1, Sem::Point(Point::Century(ord as i32 - 1))));
        }
        let ord = lexicon::ordinal(w)?;
        if !(1..=30).contains(&ord) {
            return None;
        }
        let mut end = k + 1;
        if self.is(end, "-") {
            end += 1;
        }
        self.is(end, "century")
            .then_some((end + 1, Sem::Point(Point::Century(ord as i32 - 1))))
    }

    /// "the first quarter (of 2019)", "Q1 2019", "third-quarter", "the
    /// second half of last year".
    fn quarter(&self, i: usize) -> Option<(usize, Sem)> {
        let k = i + usize::from(self.is(i, "the"));
        let w = self.get(k)?;
        let (ord, is_quarter, mut end) = if let Some(q) = w
            .strip_prefix('q')
            .filter(|q| q.len() == 1)
            .and_then(|q| q.parse::<u32>().ok())
        {
            (q, true, k + 1)
        } else if let Some(ord) = w.strip_suffix("-quarter").and_then(lexicon::ordinal) {
            (ord, true, k + 1)
        } else if let Some(ord) = w.strip_suffix("-half").and_then(lexicon::ordinal) {
            (ord, false, k + 1)
        } else {
            let ord = match w {
                "last" | "final" => 4,
                w => lexicon::ordinal(w)?,
            };
            let mut end = k + 1;
            if self.is(end, "-") {
                end += 1;
            }
            let is_quarter = match self.get(end)? {
                "quarter" => true,
                "half" => false,
                _ => return None,
            };
            // "the last quarter" alone is the latest quarter, not the fourth.
            if matches!(w, "last" | "final") && !self.is(end + 1, "of") {
                return None;
            }
            (ord, is_quarter, end + 1)
        };
        if (is_quarter && !(1..=4).contains(&ord)) || (!is_quarter && !(1..=2).contains(&ord)) {
            return None;
        }
        let year = if let Some((y, e)) = self.year_after(end) {
            end = e;
            YearSpec::Given(y)
        } else if let Some((n, e)) = self.relative_year_after(end) {
            end = e;
            YearSpec::Relative(n)
        } else if self.is(end, "of") && self.is(end + 1, "the") && self.is(end + 2, "year") {
            end += 3;
            YearSpec::Relative(0)
        } else {
            YearSpec::Infer(Dir::Nearest)
        };
        let ord = ord as u8;
        // "the second half" of a match is no date: halves need their year.
        if !is_quarter && matches!(year, YearSpec::Infer(_)) {
            return None;
        }
        let sem = if is_quarter {
            Sem::Quarter { quarter: ord, year }
        } else {
            Sem::Half { half: ord, year }
        };
        Some((end, sem))
    }

    /// "summer 2019", "the summer of 2019", "the spring".
    fn season(&self, i: usize) -> Option<(usize, Sem)> {
        let the = self.is(i, "the");
        let k = i + usize::from(the);
        let season = lexicon::season(self.get(k)?)?;
        if let Some((y, end)) = self.year_after(k + 1) {
            return Some((
                end,
                Sem::Season {
                    season,
                    year: YearSpec::Given(y),
                },
            ));
        }
        if let Some((n, end)) = self.relative_year_after(k + 1) {
            return Some((
                end,
                Sem::Season {
                    season,
                    year: YearSpec::Relative(n),
                },
            ));
        }
        // "the spring", but not "the fall" (of prices, of a regime).
        if the && season != Season::Fall && !self.is(k + 1, "of") {
            return Some((
                k + 1,
                Sem::Season {
                    season,
                    year: YearSpec::Infer(Dir::Nearest),
                },
            ));
        }
        None
    }

    /// "Tuesday", "Tuesday night", "Mondays".
    fn weekday(&self, i: usize) -> Option<(usize, Sem)> {
        let w = self.get(i)?;
        if let Some(day) = lexicon::weekday_plural(w) {
            return Some((i + 1, Sem::Set(Recurrence::Weekday(day))));
        }
        let day = lexicon::weekday(w)?;
        // "Black Friday", "Super Tuesday": names, not days.
        if i > 0 && self.name_word(i - 1) {
            return None;
        }
        let sem = Sem::Weekday {
            day,
            dir: Dir::Nearest,
        };
        Some(self.with_part_of_day(i + 1, sem))
    }

    /// Whether token `i` is a capitalized word inside a sentence that is no
    /// time word or preposition: part of a name ("Flight 1549").
    fn name_word(&self, i: usize) -> bool {
        let Some(w) = self.get(i) else {
            return false;
        };
        i > 0
            && self.capitalized(i)
            && w.chars().all(char::is_alphabetic)
            && lexicon::month(w).is_none()
            && lexicon::weekday(w).is_none()
            && !BEFORE_YEAR.contains(&w)
            && !ZONES.contains(&w)
            && !matches!(w, "on" | "last" | "next" | "this" | "since" | "until")
    }

    /// A part of the day right after a day: "Tuesday night".
    fn with_part_of_day(&self, i: usize, sem: Sem) -> (usize, Sem) {
        match self.get(i).and_then(lexicon::part_of_day) {
            Some(part) if !self.get(i).is_some_and(|w| w.ends_with('s')) => {
                (i + 1, Sem::WithTime(Box::new(sem), TimeOfDay::Part(part)))
            }
            _ => (i, sem),
        }
    }

    /// today, yesterday, tomorrow, tonight, now, recently, the past, …
    fn deictic(&self, i: usize) -> Option<(usize, Sem)> {
        let shift = |n: f64| Sem::Shift {
            unit: Unit::Day,
            n,
            anchor: Anchor::Now,
        };
        let w = self.get(i)?;
        let sem = match w {
            "today" => shift(0.0),
            "yesterday" => shift(-1.0),
            "tomorrow" => shift(1.0),
            "tonight" => {
                return Some((
                    i + 1,
                    Sem::WithTime(Box::new(shift(0.0)), TimeOfDay::Part(PartOfDay::Night)),
                ))
            }
            "now" => {
                // "now that" is a conjunction.
                if self.is(i + 1, "that") {
                    return None;
                }
                return Some((i + 1, Sem::Reference(Reference::Present)));
            }
            "currently" | "nowadays" => return Some((i + 1, Sem::Reference(Reference::Present))),
            "present" if self.prev(i) == Some("at") => {
                return Some((i + 1, Sem::Reference(Reference::Present)))
            }
            "these" if self.is(i + 1, "days") => {
                return Some((i + 2, Sem::Reference(Reference::Present)))
            }
            _ if w.starts_with('\'') && w.len() <= 3 => {
                // "in '98" (one token or two)
                let (n, end) = if w == "'" {
                    (self.get(i + 1)?, i + 2)
                } else {
                    (&w[1..], i + 1)
                };
                if !is_digits(n, 2..=2) || !self.prev(i).is_some_and(|p| BEFORE_YEAR.contains(&p)) {
                    return None;
                }
                let year = two_digit_year(n.parse().ok()?);
                return Some((end, Sem::Point(Point::Year(year))));
            }
            "the" => {
                return match self.get(i + 1)? {
                    "past"
                        if !self.get(i + 2).is_some_and(|n| {
                            lexicon::unit(n).is_some() || self.amount(i + 2).is_some()
                        }) =>
                    {
                        Some((i + 2, Sem::Reference(Reference::Past)))
                    }
                    "future" => Some((i + 2, Sem::Reference(Reference::Future))),
                    "weekend" => Some((i + 2, Sem::Weekend { dir: Dir::Nearest })),
                    "near" | "distant" | "foreseeable" | "immediate"
                        if self.is(i + 2, "future") =>
                    {
                        Some((i + 3, Sem::Reference(Reference::Future)))
                    }
                    "day" if self.is(i + 2, "before") && self.is(i + 3, "yesterday") => {
                        Some((i + 4, shift(-2.0)))
                    }
                    "day" if self.is_any(i + 2, &["before", "after"]) && self.phrase_end(i + 3) => {
                        let n = if self.is(i + 2, "before") { -1.0 } else { 1.0 };
                        Some((
                            i + 3,
                            Sem::Shift {
                                unit: Unit::Day,
                                n,
                                anchor: Anchor::Reference,
                            },
                        ))
                    }
                    decade if decade_word(decade).is_some() => {
                        let d = decade_word(decade)?;
                        Some((i + 2, Sem::Point(Point::Decade(190 + d))))
                    }
                    "day" if self.is(i + 2, "after") && self.is(i + 3, "tomorrow") => {
                        Some((i + 4, shift(2.0)))
                    }
                    "moment" if self.prev(i) == Some("at") => {
                        Some((i + 2, Sem::Reference(Reference::Present)))
                    }
                    _ => None,
                };
            }
            _ => return None,
        };
        Some(self.with_part_of_day(i + 1, sem))
    }

    /// this/last/next/past/coming/previous/following + unit, weekday,
    /// month, season or part of day; and "the past three years".
    fn relative(&self, i: usize) -> Option<(usize, Sem)> {
        let the = self.is(i, "the");
        let mut k = i + usize::from(the);
        let word = self.get(k)?;
        // (offset, anchor, kind) of the relative word.
        #[derive(PartialEq, Clone, Copy)]
        enum Kind {
            This,
            Last,
            Past,
            Next,
            Coming,
            Previous,
            Following,
            Same,
            First,
            Recent,
        }
        let kind = match word {
            "this" if !the => {
                if self.is(k + 1, "past") {
                    k += 1;
                    Kind::Last
                } else if self.is(k + 1, "coming") {
                    k += 1;
                    Kind::Coming
                } else {
                    Kind::This
                }
            }
            "last" => Kind::Last,
            "past" => Kind::Past,
            "next" => Kind::Next,
            "coming" | "upcoming" => Kind::Coming,
            "previous" | "preceding" | "prior" if the => Kind::Previous,
            "following" | "subsequent" if the => Kind::Following,
            "same" if the => Kind::Same,
            "first" if the => Kind::First,
            "recent" => Kind::Recent,
            _ => return None,
        };
        k += 1;
        let after_prep = self.prev(i).is_some_and(|p| {
            matches!(
                p,
                "over" | "in" | "within" | "during" | "for" | "through" | "throughout"
            )
        });

        // Counted units: "the past three years", "the next few days",
        // "recent years", "the coming months".
        let counted = self.amount(k).and_then(|(amount, j)| {
            let (unit, plural) = lexicon::unit(self.get(j)?)?;
            let one = amount == Amount::Number(1.0);
            (plural != one || (matches!(amount, Amount::Some) && plural)).then_some((
                amount,
                unit,
                j + 1,
            ))
        });
        let counted = counted.or_else(|| {
            let (unit, plural) = lexicon::unit(self.get(k)?)?;
            plural.then_some((Amount::Some, unit, k + 1))
        });
        if let Some((amount, unit, end)) = counted {
            let ok = match kind {
                Kind::Last
                | Kind::Past
                | Kind::Next
                | Kind::Coming
                | Kind::Previous
                | Kind::Following
                | Kind::First
                | Kind::Recent => true,
                Kind::This | Kind::Same => false,
            };
            if ok && (the || kind != Kind::First) {
                // "last three years" with or without "the".
                return Some((end, Sem::Duration(Duration { amount, unit })));
            }
            return None;
        }

        let w = self.get(k)?;
        let dir = match kind {
            Kind::This => Dir::This,
            Kind::Last | Kind::Past | Kind::Previous => Dir::Before,
            Kind::Next | Kind::Coming | Kind::Following => Dir::After,
            _ => return None,
        };
        if the
            && !matches!(
                kind,
                Kind::Previous
                    | Kind::Following
                    | Kind::Same
                    | Kind::Next
                    | Kind::Past
                    | Kind::Last
                    | Kind::Coming
            )
        {
            return None;
        }
        // Weekdays, months, seasons.
        if !the {
            if let Some(day) = lexicon::weekday(w) {
                return Some(self.with_part_of_day(k + 1, Sem::Weekday { day, dir }));
            }
            if let Some(month) = self.month(k) {
                return Some((
                    k + 1,
                    Sem::Calendar {
                        year: YearSpec::Infer(dir),
                        month,
                        day: None,
                        weekday: None,
                    },
                ));
            }
            if let Some(season) = lexicon::season(w) {
                return Some((
                    k + 1,
                    Sem::Season {
                        season,
                        year: YearSpec::Infer(dir),
                    },
                ));
            }
        }
        // Parts of the day: "this morning", "last night", "the next morning".
        if let Some(part) = lexicon::part_of_day(w).filter(|_| !w.ends_with('s')) {
            let (n, anchor) = match (kind, the) {
                (Kind::This, false) => (0.0, Anchor::Now),
                (Kind::Last, false) if matches!(part, PartOfDay::Night | PartOfDay::Evening) => {
                    (-1.0, Anchor::Now)
                }
                (Kind::Next | Kind::Following, true) => (1.0, Anchor::Reference),
                (Kind::Previous, true) => (-1.0, Anchor::Reference),
                (Kind::Same, true) => (0.0, Anchor::Reference),
                _ => return None,
            };
            let day = Sem::Shift {
                unit: Unit::Day,
                n,
                anchor,
            };
            return Some((k + 1, Sem::WithTime(Box::new(day), TimeOfDay::Part(part))));
        }
        // "this fiscal year": the year (TimeML writes it as the year).
        let (fiscal, w) = if w == "fiscal" && self.is(k + 1, "year") {
            (true, "year")
        } else {
            (false, w)
        };
        let (unit, plural) = lexicon::unit(w)?;
        if plural {
            return None;
        }
        let end = k + 1 + usize::from(fiscal);
        if unit == Unit::Weekend {
            if the && !matches!(kind, Kind::Previous | Kind::Following | Kind::Same) {
                return None;
            }
            return Some((end, Sem::Weekend { dir }));
        }
        let shift = |n: f64, anchor| Some((end, Sem::Shift { unit, n, anchor }));
        let duration = Some((
            end,
            Sem::Duration(Duration {
                amount: Amount::Number(1.0),
                unit,
            }),
        ));
        if unit.is_clock() {
            // "the past hour", "the next 24 hours" (counted, above).
            // Not "at the last minute".
            return if the && matches!(kind, Kind::Past | Kind::Next) {
                duration
            } else {
                None
            };
        }
        // "over the next decade", "during the following year": a length.
        let over = after_prep && the && unit != Unit::Day;
        match (kind, the) {
            (Kind::Same, true) => shift(0.0, Anchor::Reference),
            (Kind::Next | Kind::Following | Kind::Previous | Kind::Coming, true) if over => {
                duration
            }
            (Kind::Previous, true) => shift(-1.0, Anchor::Reference),
            (Kind::Following, true) => shift(1.0, Anchor::Reference),
            (_, _) if unit == Unit::Day => {
                if the && kind == Kind::Next {
                    shift(1.0, Anchor::Reference)
                } else {
                    None
                }
            }
            (Kind::Past | Kind::Last, true) => duration,
            (Kind::Past, false) => duration,
            (Kind::Next, true) => shift(1.0, Anchor::Reference),
            (Kind::Coming, _) => shift(1.0, Anchor::Now),
            (Kind::This, false) => shift(0.0, Anchor::Now),
            (Kind::Last, false) => shift(-1.0, Anchor::Now),
            (Kind::Next, false) => shift(1.0, Anchor::Now),
            _ => None,
        }
    }

    /// "the current year" and the like: "current" takes "the".
    fn current(&self, i: usize) -> Option<(usize, Sem)> {
        if !(self.is(i, "the") && self.is(i + 1, "current")) {
            return None;
        }
        let (unit, plural) = lexicon::unit(self.get(i + 2)?)?;
        if plural || unit.is_clock() || unit == Unit::Day {
            return None;
        }
        Some((
            i + 3,
            Sem::Shift {
                unit,
                n: 0.0,
                anchor: Anchor::Now,
            },
        ))
    }

    /// "three days", "a decade", "10-year", "two years ago"; "a week later"
    /// and "three days from now" are durations (TimeML leaves the signal
    /// word out) that point somewhere. Ages ("65-year-old", "aged 6
    /// months") are no temporal expressions.
    fn amount_unit(&self, i: usize) -> Option<(usize, Sem)> {
        if self
            .prev(i)
            .is_some_and(|p| matches!(p, "aged" | "ages" | "age"))
        {
            return None;
        }
        // One token with hyphens: "10-year", "three-day", "two-year-long".
        let w = self.get(i)?;
        if w.contains('-') && !w.starts_with('-') {
            let parts: Vec<&str> = w.split('-').collect();
            let amount = lexicon::digits(parts[0])
                .map(|n| n as f64)
                .or_else(|| lexicon::number_word(parts[0]).map(f64::from))
                .or_else(|| (parts[0] == "half").then_some(0.5));
            if let (Some(n), Some((unit, false))) =
                (amount, parts.get(1).and_then(|u| lexicon::unit(u)))
            {
                return match &parts[2..] {
                    [] | ["long"] if !self.is(i + 1, "-") => Some((
                        i + 1,
                        Sem::Duration(Duration {
                            amount: Amount::Number(n),
                            unit,
                        }),
                    )),
                    _ => None,
                };
            }
        }
        let (amount, j) = self.amount(i)?;
        let hyphen = self.is(j, "-");
        let j = j + usize::from(hyphen);
        let u = self.get(j)?;
        if u.ends_with("-old") {
            return None;
        }
        let (unit, plural) = match u.strip_suffix("-long") {
            Some(rest) => (lexicon::unit(rest)?.0, false),
            None => lexicon::unit(u)?,
        };
        let one = matches!(amount, Amount::Number(n) if n <= 1.0);
        if hyphen && plural {
            return None;
        }
        if !hyphen && plural == one {
            // "three day" and "one days" are not durations.
            return None;
        }
        if matches!(amount, Amount::Number(n) if n == 0.0) {
            return None;
        }
        // "a quarter of the highway" is a fraction; "a weekend clash" a date.
        if (unit == Unit::Quarter && self.is(j + 1, "of")) || (unit == Unit::Weekend && one) {
            return None;
        }
        let mut end = j + 1;
        let duration = Duration { amount, unit };
        if hyphen {
            if self.is(end, "-") && self.is(end + 1, "old") {
                return None;
            }
            if self.is(end, "-") && self.is(end + 1, "long") {
                end += 2;
            }
            return Some((end, Sem::Duration(duration)));
        }
        if self.is(end, "-") && self.is(end + 1, "old") || self.is_any(end, &["old", "olds"]) {
            return None;
        }
        // "One day, he left": no length.
        if unit == Unit::Day
            && self.is(i, "one")
            && !self.prev(i).is_some_and(|p| {
                matches!(
                    p,
                    "for"
                        | "in"
                        | "within"
                        | "after"
                        | "than"
                        | "about"
                        | "only"
                        | "just"
                        | "least"
                        | "a"
                )
            })
        {
            return None;
        }
        // "a second term": an ordinal.
        if unit == Unit::Second
            && one
            && self.get(end).is_some_and(|n| {
                n.chars().all(char::is_alphabetic)
                    && !matches!(
                        n,
                        "later" | "earlier" | "ago" | "before" | "after" | "or" | "and"
                    )
            })
        {
            return None;
        }
        // "$5 a day", "3 percent a year": a rate.
        if self.is_any(i, &["a", "an"])
            && one
            && self.prev(i).is_some_and(|p| {
                lexicon::digits(p).is_some()
                    || lexicon::decimal(p).is_some()
                    || matches!(
                        p,
                        "%" | "percent"
                            | "dollars"
                            | "euros"
                            | "cents"
                            | "pounds"
                            | "million"
                            | "billion"
                    )
            })
        {
            return Some((end, Sem::Set(Recurrence::Every(duration))));
        }
        let count = match amount {
            Amount::Number(n) => Some(n),
            Amount::Some => None,
        };
        let anchored = |sign: f64, anchor| match count {
            Some(n) => Sem::Anchored {
                duration,
                n: n * sign,
                anchor,
            },
            None => Sem::Duration(duration),
        };
        match self.get(end) {
            Some("ago") => {
                // "a decade ago" is a year ten years back, not the 2000s.
                let (unit, count) = match (unit, count) {
                    (Unit::Decade, Some(n)) => (Unit::Year, Some(n * 10.0)),
                    (Unit::Century, Some(n)) => (Unit::Year, Some(n * 100.0)),
                    (Unit::Millennium, Some(n)) => (Unit::Year, Some(n * 1000.0)),
                    other => other,
                };
                let sem = match count {
                    Some(n) => Sem::Shift {
                        unit,
                        n: -n,
                        anchor: Anchor::Now,
                    },
                    None => Sem::Reference(Reference::Past),
                };
                Some((end + 1, sem))
            }
            Some("earlier" | "later" | "before" | "after" | "previously")
                if !self.is_any(end, &["before", "after"]) || self.phrase_end(end + 1) =>
            {
                let sign = if self.is_any(end, &["later", "after"]) {
                    1.0
                } else {
                    -1.0
                };
                Some((end, anchored(sign, Anchor::Reference)))
            }
            Some("from") if self.is(end + 1, "now") => Some((end, anchored(1.0, Anchor::Now))),
            Some("hence") => Some((end, anchored(1.0, Anchor::Now))),
            _ => Some((end, Sem::Duration(duration))),
        }
    }

    /// "years", "days", "minutes" as lengths: after "for", "in", "take" and
    /// the like, or before "ago", "before", "later".
    fn bare_units(&self, i: usize) -> Option<(usize, Sem)> {
        let (unit, plural) = lexicon::unit(self.get(i)?)?;
        if !plural || unit == Unit::Weekend {
            return None;
        }
        if self.is(i + 1, "ago") {
            return Some((i + 2, Sem::Reference(Reference::Past)));
        }
        let before = self.prev(i).is_some_and(|p| {
            matches!(
                p,
                "for"
                    | "in"
                    | "within"
                    | "take"
                    | "takes"
                    | "took"
                    | "taking"
                    | "taken"
                    | "last"
                    | "lasts"
                    | "lasted"
                    | "lasting"
                    | "spent"
                    | "spend"
                    | "spends"
                    | "spending"
                    | "after"
                    | "waited"
                    | "wait"
                    | "only"
                    | "just"
                    | "than"
                    | "into"
            )
        });
        let after = self.is_any(i + 1, &["before", "after", "later", "earlier", "long"]);
        if !(before || after) || self.is_any(i + 1, &["of", "-"]) {
            return None;
        }
        Some((
            i + 1,
            Sem::Duration(Duration {
                amount: Amount::Some,
                unit,
            }),
        ))
    }

    /// "every Friday", "each year", "every two weeks", "weekly", "per day".
    fn set(&self, i: usize) -> Option<(usize, Sem)> {
        let w = self.get(i)?;
        let every = |amount: f64, unit| {
            Sem::Set(Recurrence::Every(Duration {
                amount: Amount::Number(amount),
                unit,
            }))
        };
        let single = match w {
            "daily" => Some(every(1.0, Unit::Day)),
            "weekly" => Some(every(1.0, Unit::Week)),
            "biweekly" | "fortnightly" => Some(every(2.0, Unit::Week)),
            "monthly" => Some(every(1.0, Unit::Month)),
            "quarterly" => Some(every(1.0, Unit::Quarter)),
            "annually" | "yearly" => Some(every(1.0, Unit::Year)),
            "hourly" => Some(every(1.0, Unit::Hour)),
            "nightly" => Some(Sem::Set(Recurrence::PartOfDay(PartOfDay::Night))),
            _ => None,
        };
        if let Some(sem) = single {
            return Some((i + 1, sem));
        }
        if w == "per" {
            let (unit, plural) = lexicon::unit(self.get(i + 1)?)?;
            return (!plural).then_some((i + 2, every(1.0, unit)));
        }
        // "twice a week", "three times a year", "once every two months".
        let after_count = match w {
            "once" | "twice" | "thrice" => Some(i + 1),
            _ => self
                .amount(i)
                .filter(|(a, end)| matches!(a, Amount::Number(_)) && self.is(*end, "times"))
                .map(|(_, end)| end + 1),
        };
        if let Some(k) = after_count {
            if self.is_any(k, &["a", "an", "per"]) {
                let (unit, plural) = lexicon::unit(self.get(k + 1)?)?;
                return (!plural).then_some((k + 2, every(1.0, unit)));
            }
            if self.is_any(k, &["every", "each"]) {
                return self.set(k);
            }
            return None;
        }
        if !matches!(w, "every" | "each") {
            return None;
        }
        let mut k = i + 1;
        let mut n = 1.0;
        if self.is(k, "other") {
            n = 2.0;
            k += 1;
        } else if let Some((Amount::Number(count), end)) = self.amount(k) {
            if lexicon::unit(self.get(end)?).is_some_and(|(_, plural)| plural) {
                n = count;
                k = end;
            }
        }
        let next = self.get(k)?;
        if let Some(day) = lexicon::weekday(next) {
            return Some((k + 1, Sem::Set(Recurrence::Weekday(day))));
        }
        if let Some(part) = lexicon::part_of_day(next) {
            return Some((k + 1, Sem::Set(Recurrence::PartOfDay(part))));
        }
        if let Some(month) = self.month(k) {
            return Some((k + 1, Sem::Set(Recurrence::Month(month))));
        }
        let (unit, _) = lexicon::unit(next)?;
        if unit == Unit::Weekend {
            return Some((k + 1, Sem::Set(Recurrence::Weekend)));
        }
        Some((k + 1, every(n, unit)))
    }

    /// "3 p.m.", "10:30 a.m. EST", "15:00 GMT", "noon", "3 p.m. Tuesday".
    fn clock(&self, i: usize) -> Option<(usize, Sem)> {
        let w = self.get(i)?;
        // Whether the hour already says which half of the day it is.
        let meridiem_given = self.get(i + 1).and_then(meridiem).is_some()
            || is_digits(w, 4..=4)
            || matches!(w, "noon" | "midday" | "midnight");
        let (time, mut end) = if let Some((h, m)) = hour_minute(w) {
            match self.get(i + 1).and_then(meridiem) {
                Some(pm) => (
                    TimeOfDay::Clock {
                        hour: clock_hour(h, pm)?,
                        minute: m as u8,
                    },
                    i + 2,
                ),
                None => {
                    // A bare 24-hour time needs a cue: "at 15:30", "15:30 GMT".
                    let cue = self.prev(i).is_some_and(|p| {
                        matches!(
                            p,
                            "at" | "by"
                                | "until"
                                | "from"
                                | "around"
                                | "about"
                                | "before"
                                | "after"
                                | "till"
                        )
                    }) || self.is_any(i + 1, ZONES)
                        || self.is(i + 1, "local")
                        || self.is(i + 1, "hours")
                        || self.is(i + 1, "hrs");
                    if !cue {
                        return None;
                    }
                    (
                        TimeOfDay::Clock {
                            hour: h as u8,
                            minute: m as u8,
                        },
                        i + 1,
                    )
                }
            }
        } else if is_digits(w, 1..=2) {
            let pm = self.get(i + 1).and_then(meridiem)?;
            (
                TimeOfDay::Clock {
                    hour: clock_hour(w.parse().ok()?, pm)?,
                    minute: 0,
                },
                i + 2,
            )
        } else if is_digits(w, 4..=4)
            && (self.is_any(i + 1, &["gmt", "utc", "hours", "hrs", "local"]) || self.is(i + 1, "z"))
        {
            // "1530 GMT", "0600 hours": military style.
            let (h, m): (u32, u32) = (w[..2].parse().ok()?, w[2..].parse().ok()?);
            if h > 24 || m > 59 {
                return None;
            }
            let end = i + 1 + usize::from(self.is_any(i + 1, &["hours", "hrs"]));
            (
                TimeOfDay::Clock {
                    hour: h as u8,
                    minute: m as u8,
                },
                end,
            )
        } else if w == "noon" || w == "midday" {
            (
                TimeOfDay::Clock {
                    hour: 12,
                    minute: 0,
                },
                i + 1,
            )
        } else if w == "midnight" {
            (
                TimeOfDay::Clock {
                    hour: 24,
                    minute: 0,
                },
                i + 1,
            )
        } else if let (Some(h), true) = (
            lexicon::digits(w)
                .map(|n| n as u32)
                .or_else(|| lexicon::number_word(w)),
            self.is(i + 1, "o'clock"),
        ) {
            (
                TimeOfDay::Clock {
                    hour: clock_hour(h, false)?,
                    minute: 0,
                },
                i + 2,
            )
        } else {
            return None;
        };
        if self.is_any(end, ZONES) {
            end += 1;
            if self.is(end, "time") {
                end += 1;
            }
        } else if self.is(end, "local") && self.is(end + 1, "time") {
            end += 2;
        }
        // "3 p.m. Tuesday", "10 a.m. today", "three o'clock this afternoon":
        // one expression; a part of the day says which half a bare hour is.
        let day = self
            .weekday(end)
            .or_else(|| self.deictic(end))
            .or_else(|| self.relative(end));
        if let Some((day_end, day)) = day {
            match day {
                Sem::Weekday { .. } | Sem::Shift { .. } => {
                    return Some((day_end, Sem::WithTime(Box::new(day), time)));
                }
                Sem::WithTime(day, TimeOfDay::Part(part))
                    if matches!(*day, Sem::Shift { .. } | Sem::Weekday { .. }) =>
                {
                    let time = match (time, part) {
                        (
                            TimeOfDay::Clock { hour, minute },
                            PartOfDay::Afternoon | PartOfDay::Evening | PartOfDay::Night,
                        ) if (1..12).contains(&hour) && !meridiem_given => TimeOfDay::Clock {
                            hour: hour + 12,
                            minute,
                        },
                        (time, _) => time,
                    };
                    return Some((day_end, Sem::WithTime(day, time)));
                }
                _ => {}
            }
        }
        Some((end, Sem::Clock(time)))
    }

    /// "Christmas", "Christmas Day 2019", "New Year's Day", "Thanksgiving".
    fn holiday(&self, i: usize) -> Option<(usize, Sem)> {
        if !self.capitalized(i) {
            return None;
        }
        let w = self.get(i)?;
        let (holiday, mut end) = if w == "new" && self.is(i + 1, "year") && self.is(i + 2, "'s") {
            match self.get(i + 3) {
                Some("day") => (Holiday::Fixed(1, 1), i + 4),
                Some("eve") => (Holiday::Fixed(12, 31), i + 4),
                _ => return None,
            }
        } else if w == "independence" && self.is(i + 1, "day") && self.capitalized(i + 1) {
            (Holiday::Fixed(7, 4), i + 2)
        } else if w == "labor" && self.is(i + 1, "day") {
            (
                Holiday::Nth {
                    month: 9,
                    weekday: 0,
                    n: 1,
                },
                i + 2,
            )
        } else if w == "memorial" && self.is(i + 1, "day") {
            (
                Holiday::Nth {
                    month: 5,
                    weekday: 0,
                    n: -1,
                },
                i + 2,
            )
        } else if w == "valentine" && self.is(i + 1, "'s") && self.is(i + 2, "day") {
            (Holiday::Fixed(2, 14), i + 3)
        } else {
            let holiday = holiday(w)?;
            let mut end = i + 1;
            match (holiday, self.get(end)) {
                (Holiday::Fixed(12, 25), Some("eve")) => {
                    return Some((
                        end + 1,
                        Sem::Holiday {
                            holiday: Holiday::Fixed(12, 24),
                            year: YearSpec::Infer(Dir::Nearest),
                        },
                    ))
                }
                (Holiday::Fixed(12, 25) | Holiday::Nth { .. }, Some("day")) => end += 1,
                (Holiday::Easter, Some("sunday")) => end += 1,
                _ => {}
            }
            (holiday, end)
        };
        let year = if let Some((y, e)) = self.year_after(end) {
            end = e;
            YearSpec::Given(y)
        } else {
            YearSpec::Infer(Dir::Nearest)
        };
        Some((end, Sem::Holiday { holiday, year }))
    }

    /// "on the 15th": a day of the current month.
    fn day_of_month(&self, i: usize) -> Option<(usize, Sem)> {
        if !(self.is(i, "the")
            && self
                .prev(i)
                .is_some_and(|p| matches!(p, "on" | "by" | "until" | "since")))
        {
            return None;
        }
        let w = self.get(i + 1)?;
        if is_digits(w, 1..=2) || !w.bytes().next().is_some_and(|b| b.is_ascii_digit()) {
            return None;
        }
        let day = day_number(w)?;
        if !self.phrase_end(i + 2) {
            return None;
        }
        Some((i + 2, Sem::DayOfMonth(day)))
    }

    /// "the end of the year", "the beginning of March", "the turn of the
    /// century": the inner expression with its modifier.
    fn part_of(&self, i: usize) -> Option<(usize, Sem, Mod)> {
        if !self.is(i, "the") {
            return None;
        }
        let modifier = match self.get(i + 1)? {
            "end" | "close" => Mod::End,
            "beginning" | "start" | "dawn" | "turn" => Mod::Start,
            "middle" => Mod::Mid,
            _ => return None,
        };
        if !self.is(i + 2, "of") {
            return None;
        }
        let k = i + 3;
        // "the end of the year/month/week/decade/century" (or "of year"):
        // the current one.
        let article = usize::from(self.is(k, "the"));
        {
            if let Some((unit, false)) = self.get(k + article).and_then(lexicon::unit) {
                if matches!(
                    unit,
                    Unit::Week
                        | Unit::Month
                        | Unit::Year
                        | Unit::Decade
                        | Unit::Century
                        | Unit::Quarter
                ) {
                    let sem = Sem::Shift {
                        unit,
                        n: 0.0,
                        anchor: Anchor::Now,
                    };
                    return Some((k + article + 1, sem, modifier));
                }
            }
        }
        let (end, sem) = self.core(k)?;
        match sem {
            Sem::Duration(_)
            | Sem::Anchored { .. }
            | Sem::Set(_)
            | Sem::Clock(_)
            | Sem::Reference(_) => None,
            sem => Some((end, sem, modifier)),
        }
    }

    // ---------------------------------------------------------------- driver

    /// The longest core expression starting at `i`.
    fn core(&self, i: usize) -> Option<(usize, Sem)> {
        let patterns: [Pattern<'a>; 16] = [
            Self::numeric,
            Self::calendar,
            Self::holiday,
            Self::century,
            Self::quarter,
            Self::year,
            Self::season,
            Self::relative,
            Self::current,
            Self::deictic,
            Self::weekday,
            Self::clock,
            Self::amount_unit,
            Self::bare_units,
            Self::set,
            Self::day_of_month,
        ];
        let mut best: Option<(usize, Sem)> = None;
        for pattern in patterns {
            if let Some((end, sem)) = pattern(self, i) {
                if end > i && best.as_ref().is_none_or(|(b, _)| end > *b) {
                    best = Some((end, sem));
                }
            }
        }
        best
    }

    /// A modifier before an expression, with how many tokens it takes.
    fn modifier(&self, i: usize) -> Option<(usize, Mod, bool)> {
        let w = self.get(i)?;
        let two = |m| Some((2, m, false));
        match w {
            "early" | "earlier" => Some((1, Mod::Start, true)),
            "late" | "later" => Some((1, Mod::End, true)),
            "mid" => Some((1 + usize::from(self.is(i + 1, "-")), Mod::Mid, true)),
            "about" | "around" | "approximately" | "roughly" | "some" | "nearly" | "almost" => {
                Some((1, Mod::Approx, false))
            }
            "more" | "fewer" | "less" if self.is(i + 1, "than") => two(if w == "more" {
                Mod::MoreThan
            } else {
                Mod::LessThan
            }),
            "at" if self.is(i + 1, "least") => two(Mod::EqualOrMore),
            "at" if self.is(i + 1, "most") => two(Mod::EqualOrLess),
            "up" if self.is(i + 1, "to") => two(Mod::EqualOrLess),
            "no" if self.is_any(i + 1, &["more", "less"]) && self.is(i + 2, "than") => {
                Some((3, Mod::EqualOrLess, false))
            }
            "the" if self.is_any(i + 1, &["early", "late", "mid"]) => Some((
                2 + usize::from(self.is(i + 2, "-")),
                if self.is(i + 1, "early") {
                    Mod::Start
                } else if self.is(i + 1, "late") {
                    Mod::End
                } else {
                    Mod::Mid
                },
                true,
            )),
            _ => None,
        }
    }

    /// The expression starting at `i` without a modifier word before it.
    fn unmodified(&self, i: usize) -> Option<Cand> {
        let mut best = self.core(i).map(|(end, sem)| Cand {
            start: i,
            end,
            sem,
            modifier: None,
        });
        if let Some((end, sem, modifier)) = self.part_of(i) {
            if best.as_ref().is_none_or(|b| end > b.end) {
                best = Some(Cand {
                    start: i,
                    end,
                    sem,
                    modifier: Some(modifier),
                });
            }
        }
        // A "mid-" prefix inside the token: "mid-March", "mid-1990s".
        if let Some(inner) = self.get(i).and_then(|w| w.strip_prefix("mid-")) {
            if let Some(sem) = mid_token(inner) {
                let mut end = i + 1;
                let sem = match sem {
                    Sem::Calendar { month, .. } => {
                        let year = if let Some((y, e)) = self.year_after(end) {
                            end = e;
                            YearSpec::Given(y)
                        } else {
                            YearSpec::Infer(Dir::Nearest)
                        };
                        Sem::Calendar {
                            year,
                            month,
                            day: None,
                            weekday: None,
                        }
                    }
                    sem => sem,
                };
                if best.as_ref().is_none_or(|b| end > b.end) {
                    best = Some(Cand {
                        start: i,
                        end,
                        sem,
                        modifier: Some(Mod::Mid),
                    });
                }
            }
        }
        best
    }

    /// The expression starting at `i`, if any, with its modifier.
    fn at(&self, i: usize) -> Option<Cand> {
        let mut best = self.unmodified(i);
        if let Some((skip, modifier, positional)) = self.modifier(i) {
            let inner = self.unmodified(i + skip);
            if let Some(inner) = inner.filter(|c| c.modifier.is_none()) {
                let fits = if positional {
                    positional_fits(self, i, &inner.sem)
                } else {
                    matches!(
                        inner.sem,
                        Sem::Duration(_)
                            | Sem::Anchored { .. }
                            | Sem::Shift { .. }
                            | Sem::Clock(_)
                            | Sem::WithTime(..)
                    )
                };
                if fits && best.as_ref().is_none_or(|b| inner.end > b.end) {
                    best = Some(Cand {
                        start: i,
                        end: inner.end,
                        sem: inner.sem,
                        modifier: Some(modifier),
                    });
                }
            }
        }
        best
    }
}

/// What may stand after "early", "late", "earlier", "later", "mid".
fn positional_fits(words: &Words<'_>, i: usize, sem: &Sem) -> bool {
    let w = words.get(i).unwrap_or("");
    match sem {
        Sem::Calendar { .. }
        | Sem::Point(
            Point::Year(_) | Point::Decade(_) | Point::Century(_) | Point::FiscalYear(_),
        )
        | Sem::Season { .. }
        | Sem::Quarter { .. }
        | Sem::Half { .. } => !matches!(w, "earlier" | "later"),
        Sem::Shift {
            anchor: Anchor::Now,
            unit,
            ..
        } => !unit.is_clock(),
        Sem::Weekday { .. } | Sem::WithTime(..) => true,
        _ => false,
    }
}

/// The meaning of what follows "mid-" in one token.
fn mid_token(inner: &str) -> Option<Sem> {
    if let Some(month) = lexicon::month(inner).filter(|_| inner.len() > 3) {
        return Some(Sem::Calendar {
            year: YearSpec::Infer(Dir::Nearest),
            month,
            day: None,
            weekday: None,
        });
    }
    if let Some(year) = four_digit_year(inner) {
        return Some(Sem::Point(Point::Year(year)));
    }
    if let Some(point) = decade_token(inner, true).or_else(|| {
        inner
            .strip_prefix('\'')
            .and_then(|rest| decade_token(rest, true))
    }) {
        return Some(Sem::Point(point));
    }
    None
}

/// Whether an expression can begin with this word: a cheap test that spares
/// the patterns most tokens.
fn may_start(word: &str) -> bool {
    let Some(first) = word.chars().next() else {
        return false;
    };
    if first.is_ascii_digit() || first == '\'' || word.contains('-') {
        return true;
    }
    if !first.is_alphabetic() {
        return false;
    }
    matches!(
        word,
        "the"
            | "a"
            | "an"
            | "this"
            | "last"
            | "next"
            | "past"
            | "coming"
            | "upcoming"
            | "previous"
            | "preceding"
            | "prior"
            | "following"
            | "subsequent"
            | "same"
            | "first"
            | "final"
            | "recent"
            | "current"
            | "every"
            | "each"
            | "per"
            | "once"
            | "twice"
            | "thrice"
            | "several"
            | "few"
            | "many"
            | "some"
            | "numerous"
            | "half"
            | "dozens"
            | "hundreds"
            | "thousands"
            | "tens"
            | "today"
            | "yesterday"
            | "tomorrow"
            | "tonight"
            | "now"
            | "currently"
            | "nowadays"
            | "these"
            | "present"
            | "early"
            | "earlier"
            | "late"
            | "later"
            | "mid"
            | "about"
            | "around"
            | "approximately"
            | "roughly"
            | "nearly"
            | "almost"
            | "more"
            | "fewer"
            | "less"
            | "at"
            | "up"
            | "no"
            | "fiscal"
            | "daily"
            | "weekly"
            | "biweekly"
            | "fortnightly"
            | "monthly"
            | "quarterly"
            | "annually"
            | "yearly"
            | "hourly"
            | "nightly"
            | "noon"
            | "midday"
            | "midnight"
            | "new"
            | "independence"
            | "labor"
            | "memorial"
            | "valentine"
    ) || lexicon::month(word).is_some()
        || lexicon::weekday(word).is_some()
        || lexicon::weekday_plural(word).is_some()
        || lexicon::number_word(word).is_some()
        || lexicon::ordinal(word).is_some()
        || lexicon::unit(word).is_some()
        || lexicon::season(word).is_some()
        || holiday(word).is_some()
        || word.starts_with("fy")
        || (word.len() == 2 && word.starts_with('q'))
}

/// Every expression of a sentence, left to right, none overlapping.
pub fn recognize(words: &Words<'_>) -> Vec<Cand> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.lower.len() {
        if !may_start(words.lower[i]) {
            i += 1;
            continue;
        }
        match words.at(i) {
            Some(cand) if cand.end > i => {
                i = cand.end;
                out.push(cand);
            }
            _ => i += 1,
        }
    }
    out
}
