//! Bad input: random and odd strings never panic, and what comes out is well formed.

use dyad_time::extract;
use dyad_types::Date;

/// Pieces that time patterns look at, mixed with noise.
const PIECES: &[&str] = &[
    "Tuesday",
    "March",
    "May",
    "31",
    "29",
    "February",
    "2019",
    "1990s",
    "'",
    "'90s",
    "-",
    "/",
    "03/03/2019",
    "2019-02-30",
    "13/13/13",
    "9999",
    "0000",
    "the",
    "last",
    "next",
    "past",
    "this",
    "early",
    "late",
    "mid-",
    "mid-March",
    "about",
    "more",
    "than",
    "ago",
    "later",
    "earlier",
    "a",
    "an",
    "year",
    "years",
    "day",
    "days",
    "week",
    "weekend",
    "quarter",
    "Q4",
    "fiscal",
    "every",
    "each",
    "other",
    "twice",
    "times",
    "per",
    "p.m.",
    "a.m.",
    "12:60",
    "24:00",
    "noon",
    "GMT",
    "o'clock",
    "1,000,000,000",
    "1.5",
    "half",
    "and",
    "of",
    "on",
    "since",
    "until",
    ",",
    ".",
    "\n",
    "\n\n",
    " ",
    "  ",
    "\t",
    "é",
    "ß",
    "日本",
    "🙂",
    "\u{301}",
    "\u{200b}",
    "”",
    "“",
    "’",
    "—",
    "…",
    "ﬁ",
    "Ⅻ",
    "٣",
    "३",
    "-year-old",
    "twenty",
    "first",
    "21st-century",
    "FY",
    "Christmas",
    "Easter",
    "New",
    "Year",
    "'s",
    "Day",
    "tonight",
    "yesterday",
    "now",
    "that",
    "99999999999999999999",
    "0.0",
    "1e9",
    "-5",
    "+3",
    "%",
    "$",
];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn check(text: &str, published: Option<Date>) {
    let times = extract(text, published);
    let chars: Vec<char> = text.chars().collect();
    let mut last_end = 0;
    for t in times.all() {
        assert!(
            t.span.start < t.span.end,
            "{text:?}: empty span {:?}",
            t.span
        );
        assert!(t.span.end <= chars.len(), "{text:?}: span out of range");
        assert!(t.span.start >= last_end, "{text:?}: spans overlap");
        last_end = t.span.end;
        let under: String = chars[t.span.start..t.span.end].iter().collect();
        assert_eq!(under, t.text, "{text:?}: text does not match span");
        let value = t.value.to_string();
        assert!(
            !value.is_empty() && value.is_ascii(),
            "{text:?}: odd value {value:?}"
        );
        assert!(t.day().is_none_or(|d| (1..=9999).contains(&d.year())));
    }
}

#[test]
fn random_strings_never_panic() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let dates: Vec<Option<Date>> = vec![
        None,
        "2015-05-14".parse().ok(),
        "2016-02-29".parse().ok(),
        "0001-01-01".parse().ok(),
        "9999-12-31".parse().ok(),
        "2020-12-31".parse().ok(),
    ];
    for _ in 0..3_000 {
        let len = rng.below(40);
        let mut text = String::new();
        for _ in 0..len {
            text.push_str(PIECES[rng.below(PIECES.len())]);
            if rng.below(3) > 0 {
                text.push(' ');
            }
        }
        let published = dates[rng.below(dates.len())];
        check(&text, published);
    }
}

#[test]
fn random_bytes_never_panic() {
    let mut rng = Rng(42);
    for _ in 0..500 {
        let len = rng.below(200);
        let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        let text = String::from_utf8_lossy(&bytes);
        check(&text, "2015-05-14".parse().ok());
    }
}

#[test]
fn odd_dates_and_extremes() {
    for published in ["0001-01-01", "9999-12-31", "2000-02-29"] {
        let published: Date = published.parse().unwrap();
        for text in [
            "It happened 100000 years ago and will last 99999999 centuries.",
            "last year, next year, next century, last millennium, 9999 years from now",
            "On 31 February and on February 30, 2015 and 2015-02-29 and 29/02/2015.",
            "the 99th century, the 0th century, the 1000s, Q9 2019, the fifth quarter",
            "at 25:00, at 12:61, 13 p.m., 0 a.m., midnight Tuesday",
            "every 0 days, 0 years ago, 1.999 years ago, half a year later",
        ] {
            check(text, Some(published));
        }
    }
}

#[test]
fn long_runs_stay_linear() {
    let started = std::time::Instant::now();
    for word in [
        "early ", "the ", "every ", "last ", "about ", "2019 ", "- ", "' ", "Tuesday ",
    ] {
        let text = word.repeat(20_000);
        check(&text, "2015-05-14".parse().ok());
    }
    let one_token = "9".repeat(100_000);
    check(&one_token, "2015-05-14".parse().ok());
    assert!(
        started.elapsed().as_secs() < 30,
        "pathological runs took {:?}",
        started.elapsed()
    );
}
