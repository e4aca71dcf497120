//! The closed word classes of time expressions: months, weekdays, numbers, units, parts of day.
//!
//! Every lookup takes a lowercased token as the tokenizer gives it (so "jan."
//! with its period) and answers `None` for anything else.

/// A calendar or clock unit, as durations and shifts count them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Fortnight,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
    Millennium,
}

impl Unit {
    /// Units of the clock (written after `T` in a TIMEX3 duration).
    pub fn is_clock(self) -> bool {
        matches!(self, Unit::Second | Unit::Minute | Unit::Hour)
    }
}

/// A part of the day, with its TIMEX3 code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PartOfDay {
    Morning,
    Afternoon,
    Evening,
    Night,
    Daytime,
}

impl PartOfDay {
    pub fn code(self) -> &'static str {
        match self {
            PartOfDay::Morning => "MO",
            PartOfDay::Afternoon => "AF",
            PartOfDay::Evening => "EV",
            PartOfDay::Night => "NI",
            PartOfDay::Daytime => "DT",
        }
    }
}

/// A season, with its TIMEX3 code; `index` orders them within a year
/// (winter last: December belongs to the winter of its year).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Season {
    Spring,
    Summer,
    Fall,
    Winter,
}

impl Season {
    pub fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }

    pub fn index(self) -> u8 {
        self as u8
    }

    pub fn from_index(index: u8) -> Season {
        match index % 4 {
            0 => Season::Spring,
            1 => Season::Summer,
            2 => Season::Fall,
            _ => Season::Winter,
        }
    }

    /// The season a month falls in (January and February count as the
    /// winter of the year before, whose December opened it).
    pub fn of_month(month: u8) -> (Season, i32) {
        match month {
            3..=5 => (Season::Spring, 0),
            6..=8 => (Season::Summer, 0),
            9..=11 => (Season::Fall, 0),
            12 => (Season::Winter, 0),
            _ => (Season::Winter, -1),
        }
    }

    /// The first month of the season.
    pub fn first_month(self) -> u8 {
        match self {
            Season::Spring => 3,
            Season::Summer => 6,
            Season::Fall => 9,
            Season::Winter => 12,
        }
    }
}

/// Strips one trailing period ("jan." → "jan").
fn bare(word: &str) -> &str {
    word.strip_suffix('.').unwrap_or(word)
}

/// 1 for January … 12 for December. Abbreviations must carry their period or
/// be one of the unambiguous short forms; "may" and "march" are months only
/// where the caller has checked the context.
pub fn month(word: &str) -> Option<u8> {
    let m = match word {
        "january" | "jan." | "jan" => 1,
        "february" | "feb." | "feb" => 2,
        "march" | "mar." => 3,
        "april" | "apr." | "apr" => 4,
        "may" => 5,
        "june" | "jun." | "jun" => 6,
        "july" | "jul." | "jul" => 7,
        "august" | "aug." | "aug" => 8,
        "september" | "sept." | "sep." | "sept" | "sep" => 9,
        "october" | "oct." | "oct" => 10,
        "november" | "nov." | "nov" => 11,
        "december" | "dec." | "dec" => 12,
        _ => return None,
    };
    Some(m)
}

/// 0 for Monday … 6 for Sunday.
pub fn weekday(word: &str) -> Option<u8> {
    let d = match bare(word) {
        "monday" | "mon" => 0,
        "tuesday" | "tues" | "tue" => 1,
        "wednesday" | "wed" => 2,
        "thursday" | "thurs" | "thu" => 3,
        "friday" | "fri" => 4,
        "saturday" | "sat" => 5,
        "sunday" | "sun" => 6,
        _ => return None,
    };
    // Short forms only with their period: "sat" and "sun" are words.
    if word.len() <= 6 && !word.ends_with('.') && !word.ends_with("day") {
        return None;
    }
    Some(d)
}

/// "Mondays" → 0: a weekday recurring.
pub fn weekday_plural(word: &str) -> Option<u8> {
    let singular = word.strip_suffix('s')?;
    if !singular.ends_with("day") {
        return None;
    }
    weekday(singular)
}

/// Cardinal number words up to ninety-nine, hyphenated compounds included.
pub fn number_word(word: &str) -> Option<u32> {
    let n = match word {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "hundred" => 100,
        "dozen" => 12,
        _ => {
            let (tens, ones) = word.split_once('-')?;
            let tens = number_word(tens)?;
            let ones = number_word(ones)?;
            if tens % 10 != 0 || !(20..=90).contains(&tens) || !(1..=9).contains(&ones) {
                return None;
            }
            tens + ones
        }
    };
    Some(n)
}

/// Ordinals as words ("third", "twenty-first") or digits ("3rd", "21st").
pub fn ordinal(word: &str) -> Option<u32> {
    let n = match word {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "thirteenth" => 13,
        "fourteenth" => 14,
        "fifteenth" => 15,
        "sixteenth" => 16,
        "seventeenth" => 17,
        "eighteenth" => 18,
        "nineteenth" => 19,
        "twentieth" => 20,
        "thirtieth" => 30,
        _ => {
            if let Some((tens, ones)) = word.split_once('-') {
                let tens = number_word(tens)?;
                let ones = ordinal(ones)?;
                if !(20..=30).contains(&tens) || tens % 10 != 0 || ones > 9 {
                    return None;
                }
                return Some(tens + ones);
            }
            let digits = word
                .strip_suffix("st")
                .or_else(|| word.strip_suffix("nd"))
                .or_else(|| word.strip_suffix("rd"))
                .or_else(|| word.strip_suffix("th"))?;
            if digits.is_empty() || digits.len() > 3 || !digits.bytes().all(|b| b.is_ascii_digit())
            {
                return None;
            }
            let n: u32 = digits.parse().ok()?;
            let suffix = &word[digits.len()..];
            let expected = match (n % 100, n % 10) {
                (11..=13, _) => "th",
                (_, 1) => "st",
                (_, 2) => "nd",
                (_, 3) => "rd",
                _ => "th",
            };
            if suffix != expected {
                return None;
            }
            n
        }
    };
    Some(n)
}

/// A unit word, and whether it is plural.
pub fn unit(word: &str) -> Option<(Unit, bool)> {
    let u = match word {
        "second" | "sec" | "sec." => (Unit::Second, false),
        "seconds" | "secs" | "secs." => (Unit::Second, true),
        "minute" | "min" | "min." => (Unit::Minute, false),
        "minutes" | "mins" | "mins." => (Unit::Minute, true),
        "hour" | "hr" | "hr." => (Unit::Hour, false),
        "hours" | "hrs" | "hrs." => (Unit::Hour, true),
        "day" => (Unit::Day, false),
        "days" => (Unit::Day, true),
        "week" => (Unit::Week, false),
        "weeks" => (Unit::Week, true),
        "weekend" => (Unit::Weekend, false),
        "weekends" => (Unit::Weekend, true),
        "fortnight" => (Unit::Fortnight, false),
        "fortnights" => (Unit::Fortnight, true),
        "month" => (Unit::Month, false),
        "months" => (Unit::Month, true),
        "quarter" => (Unit::Quarter, false),
        "quarters" => (Unit::Quarter, true),
        "year" | "yr" | "yr." => (Unit::Year, false),
        "years" | "yrs" | "yrs." => (Unit::Year, true),
        "decade" => (Unit::Decade, false),
        "decades" => (Unit::Decade, true),
        "century" => (Unit::Century, false),
        "centuries" => (Unit::Century, true),
        "millennium" => (Unit::Millennium, false),
        "millennia" | "millenniums" => (Unit::Millennium, true),
        _ => return None,
    };
    Some(u)
}

pub fn part_of_day(word: &str) -> Option<PartOfDay> {
    let p = match word {
        "morning" | "mornings" => PartOfDay::Morning,
        "afternoon" | "afternoons" => PartOfDay::Afternoon,
        "evening" | "evenings" => PartOfDay::Evening,
        "night" | "nights" => PartOfDay::Night,
        "daytime" => PartOfDay::Daytime,
        _ => return None,
    };
    Some(p)
}

pub fn season(word: &str) -> Option<Season> {
    let s = match word {
        "spring" => Season::Spring,
        "summer" => Season::Summer,
        "fall" | "autumn" => Season::Fall,
        "winter" => Season::Winter,
        _ => return None,
    };
    Some(s)
}

/// A whole number written in digits, with thousands separators allowed.
pub fn digits(word: &str) -> Option<u64> {
    if word.is_empty() || word.len() > 12 {
        return None;
    }
    let mut n: u64 = 0;
    let mut since_comma = 0;
    let mut seen_comma = false;
    for (i, b) in word.bytes().enumerate() {
        match b {
            b'0'..=b'9' => {
                n = n * 10 + u64::from(b - b'0');
                since_comma += 1;
            }
            b',' if i > 0 && (!seen_comma || since_comma == 3) && since_comma <= 3 => {
                seen_comma = true;
                since_comma = 0;
            }
            _ => return None,
        }
    }
    if seen_comma && since_comma != 3 {
        return None;
    }
    Some(n)
}

/// A number with a decimal point ("1.5").
pub fn decimal(word: &str) -> Option<f64> {
    let (whole, frac) = word.split_once('.')?;
    if whole.is_empty() || frac.is_empty() || whole.len() > 6 || frac.len() > 3 {
        return None;
    }
    if !whole
        .bytes()
        .chain(frac.bytes())
        .all(|b| b.is_ascii_digit())
    {
        return None;
    }
    word.parse().ok()
}

/// Irregular past-tense forms common in news (regular ones end in "-ed").
pub fn irregular_past(word: &str) -> bool {
    matches!(
        word,
        "said"
            | "told"
            | "met"
            | "made"
            | "took"
            | "gave"
            | "went"
            | "came"
            | "saw"
            | "found"
            | "left"
            | "held"
            | "began"
            | "won"
            | "lost"
            | "fell"
            | "rose"
            | "sold"
            | "bought"
            | "paid"
            | "sent"
            | "spent"
            | "led"
            | "brought"
            | "thought"
            | "got"
            | "became"
            | "kept"
            | "ran"
            | "wrote"
            | "spoke"
            | "struck"
            | "shot"
            | "fought"
            | "flew"
            | "fled"
            | "knew"
            | "grew"
            | "drew"
            | "threw"
            | "chose"
            | "broke"
            | "stood"
            | "sat"
            | "felt"
            | "heard"
            | "meant"
            | "built"
            | "caught"
            | "taught"
            | "sought"
            | "killed"
            | "did"
            | "had"
            | "was"
            | "were"
            | "wounded"
            | "ate"
            | "drove"
            | "rode"
            | "swore"
            | "wore"
            | "tore"
            | "froze"
            | "stole"
            | "woke"
            | "forgot"
            | "understood"
            | "withdrew"
            | "overtook"
            | "undertook"
            | "oversaw"
            | "forbade"
            | "laid"
            | "lent"
            | "slid"
            | "sank"
            | "sprang"
            | "stuck"
            | "swept"
            | "swung"
            | "wept"
            | "upheld"
            | "withheld"
            | "dealt"
            | "dug"
            | "hung"
            | "hid"
            | "rang"
            | "sang"
            | "shook"
            | "slept"
            | "spun"
            | "arose"
            | "awoke"
            | "bled"
            | "bred"
            | "burnt"
            | "clung"
            | "crept"
            | "knelt"
            | "leapt"
            | "mistook"
            | "shone"
            | "shrank"
            | "sped"
            | "strove"
            | "wove"
            | "wrung"
    )
}

/// Words ending in "-ed" that are no past tense.
pub fn ed_but_not_past(word: &str) -> bool {
    matches!(
        word,
        "need"
            | "speed"
            | "indeed"
            | "bed"
            | "red"
            | "hundred"
            | "seed"
            | "feed"
            | "shed"
            | "embed"
            | "proceed"
            | "succeed"
            | "exceed"
            | "breed"
            | "greed"
            | "deed"
            | "creed"
            | "weed"
            | "steed"
            | "reed"
            | "bleed"
            | "heed"
            | "ted"
            | "fred"
            | "ned"
            | "ahmed"
            | "mohammed"
            | "muhammad"
            | "mohamed"
            | "ahmad"
            | "united"
            | "limited"
            | "based"
            | "red."
            | "ped"
            | "med"
            | "fed"
            | "wed"
            | "sled"
    )
}
