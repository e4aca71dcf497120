//! Reading calendar dates as pages write them: ISO 8601 timestamps, compact
//! `20150512`, RFC 2822 (`Tue, 12 May 2015`), month names (`May 12, 2015`,
//! `12th May 2015`, `Sept. 5 2019`), numeric `12.05.2015`, and dates in URLs
//! (`/2015/05/12/`).
//!
//! Timestamps keep the day *as written*: converting `2015-05-12T23:30-05:00`
//! to UTC would move the article to the next day, which is not when its
//! readers saw it.

use dyad_types::Date;

/// English month names and abbreviations, with the common forms of a few
/// other languages news pages are written in.
const MONTHS: &[(&str, u8)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
    // German, French, Spanish, Portuguese, Italian, Dutch.
    ("januar", 1),
    ("janvier", 1),
    ("enero", 1),
    ("janeiro", 1),
    ("gennaio", 1),
    ("januari", 1),
    ("februar", 2),
    ("février", 2),
    ("fevrier", 2),
    ("febrero", 2),
    ("fevereiro", 2),
    ("febbraio", 2),
    ("februari", 2),
    ("märz", 3),
    ("maerz", 3),
    ("mars", 3),
    ("marzo", 3),
    ("março", 3),
    ("maart", 3),
    ("avril", 4),
    ("abril", 4),
    ("aprile", 4),
    ("mai", 5),
    ("mayo", 5),
    ("maio", 5),
    ("maggio", 5),
    ("mei", 5),
    ("juni", 6),
    ("juin", 6),
    ("junio", 6),
    ("junho", 6),
    ("giugno", 6),
    ("juli", 7),
    ("juillet", 7),
    ("julio", 7),
    ("julho", 7),
    ("luglio", 7),
    ("août", 8),
    ("aout", 8),
    ("agosto", 8),
    ("augustus", 8),
    ("septembre", 9),
    ("septiembre", 9),
    ("setembro", 9),
    ("settembre", 9),
    ("oktober", 10),
    ("octobre", 10),
    ("octubre", 10),
    ("outubro", 10),
    ("ottobre", 10),
    ("novembre", 11),
    ("noviembre", 11),
    ("novembro", 11),
    ("dezember", 12),
    ("décembre", 12),
    ("decembre", 12),
    ("diciembre", 12),
    ("dezembro", 12),
    ("dicembre", 12),
];

fn month_number(word: &str) -> Option<u8> {
    let word = word.trim_end_matches('.').to_lowercase();
    MONTHS
        .iter()
        .find(|(name, _)| *name == word)
        .map(|&(_, m)| m)
}

/// The earliest and latest years believed for a publication date.
const MIN_YEAR: i32 = 1990;

/// Today's date from the system clock (for rejecting dates in the future).
pub(crate) fn today() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    Date::from_days((secs / 86_400) as i64)
}

/// A date that can be a publication date: not before 1990, not after tomorrow.
pub(crate) fn plausible(date: Date, today: Date) -> bool {
    date.year() >= MIN_YEAR && date <= today.add_days(1)
}

fn digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

fn ymd(y: &str, m: &str, d: &str) -> Option<Date> {
    if y.len() != 4 || !digits(y) || !digits(m) || !digits(d) || m.len() > 2 || d.len() > 2 {
        return None;
    }
    Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// A machine-written date: ISO 8601 (`2015-05-12`, `2015-05-12T10:00:00Z`,
/// `2015/05/12 10:00`), compact `20150512`, RFC 2822, or a Unix timestamp
/// in seconds or milliseconds.
pub fn parse_machine(value: &str) -> Option<Date> {
    let v = value.trim();
    if let Some(head) = v.get(..10) {
        let sep = head.as_bytes().get(4).copied();
        if matches!(sep, Some(b'-' | b'/' | b'.')) && head.as_bytes().get(7).copied() == sep {
            if let Some(date) = ymd(&head[..4], &head[5..7], &head[8..10]) {
                return Some(date);
            }
        }
    }
    // `2015-5-2`: ISO-like with short fields.
    let first = v.split(['T', ' ']).next().unwrap_or("");
    let parts: Vec<&str> = first.split(['-', '/']).collect();
    if parts.len() == 3 && parts[0].len() == 4 {
        if let Some(date) = ymd(parts[0], parts[1], parts[2]) {
            return Some(date);
        }
    }
    let compact = v.split(['T', ' ']).next().unwrap_or("");
    if compact.len() == 8 && digits(compact) {
        if let Some(date) = ymd(&compact[..4], &compact[4..6], &compact[6..8]) {
            return Some(date);
        }
    }
    if (v.len() == 10 || v.len() == 13) && digits(v) {
        let secs: i64 = v.parse().ok()?;
        let secs = if v.len() == 13 { secs / 1000 } else { secs };
        return Some(Date::from_days(secs.div_euclid(86_400)));
    }
    parse_text(v)
}

/// The first date written in words or numbers in running text: `May 12, 2015`,
/// `12 May 2015`, `12th of May, 2015`, `Tuesday 12.05.2015`, `2015-05-12`.
pub fn parse_text(text: &str) -> Option<Date> {
    let words: Vec<&str> = text
        .split(|c: char| {
            c.is_whitespace() || c.is_control() || matches!(c, ',' | '|' | '(' | ')' | '·' | '•')
        })
        .filter(|w| !w.is_empty())
        .collect();
    for i in 0..words.len() {
        if let Some(date) = date_at(&words, i) {
            return Some(date);
        }
    }
    None
}

/// A day number with an optional ordinal suffix (`12`, `12th`, `1st`, `12.`).
fn day_number(word: &str) -> Option<u8> {
    let w = word.trim_end_matches('.');
    let w = ["st", "nd", "rd", "th", "er", "º"]
        .iter()
        .find_map(|s| w.strip_suffix(s))
        .unwrap_or(w);
    if !digits(w) || w.len() > 2 {
        return None;
    }
    let day: u8 = w.parse().ok()?;
    (1..=31).contains(&day).then_some(day)
}

/// A four-digit year, possibly glued to what follows (`2025T10:00`, `2015.`).
fn year_number(word: &str) -> Option<i32> {
    let year = word.get(..4)?;
    if !digits(year) || word.as_bytes().get(4).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    year.parse().ok()
}

/// A date that starts at word `i`.
fn date_at(words: &[&str], i: usize) -> Option<Date> {
    let w = words[i];
    let next = |k: usize| words.get(i + k).copied();
    // Numeric forms in one word.
    if w.len() >= 8 && w.as_bytes()[0].is_ascii_digit() {
        if let Some(date) = numeric(w) {
            return Some(date);
        }
    }
    // `May 12 2015`, `May 12th, 2015`.
    if let Some(month) = month_number(w) {
        if let (Some(day), Some(year)) =
            (next(1).and_then(day_number), next(2).and_then(year_number))
        {
            return Date::new(year, month, day);
        }
        // `May 2015` alone has no day: not a publication day.
        return None;
    }
    // `12 May 2015`, `12th of May 2015`, `12. Mai 2015`, `12 de mayo de 2015`.
    if let Some(day) = day_number(w) {
        let mut k = 1;
        if next(k).is_some_and(|x| matches!(x.to_lowercase().as_str(), "of" | "de")) {
            k += 1;
        }
        if let Some(month) = next(k).and_then(month_number) {
            k += 1;
            if next(k).is_some_and(|x| x.to_lowercase() == "de") {
                k += 1;
            }
            if let Some(year) = next(k).and_then(year_number) {
                return Date::new(year, month, day);
            }
        }
    }
    None
}

/// `2015-05-12`, `2015/05/12`, `12.05.2015`, `12/05/2015` (day first unless
/// the day cannot be a month, as in `05/13/2015`).
fn numeric(word: &str) -> Option<Date> {
    let w = word.trim_matches(|c: char| !c.is_ascii_digit());
    let parts: Vec<&str> = w.split(['-', '/', '.']).collect();
    if parts.len() < 3 {
        return None;
    }
    let (a, b, c) = (parts[0], parts[1], parts[2]);
    let c = c.get(..c.len().min(4))?;
    if a.len() == 4 {
        return ymd(a, b, c);
    }
    if c.len() == 4 && a.len() <= 2 && b.len() <= 2 && digits(a) && digits(b) {
        let (x, y): (u8, u8) = (a.parse().ok()?, b.parse().ok()?);
        let year: i32 = c.parse().ok()?;
        // Slashes are mostly American (month first); dots and dashes European.
        let month_first = w.contains('/') && x <= 12 || y > 12;
        return if month_first {
            Date::new(year, x, y)
        } else {
            Date::new(year, y, x)
        };
    }
    None
}

/// A full date in a URL path: `/2015/05/12/`, `/2015-05-12-title`, `/20150512/`.
pub fn from_url(url: &str) -> Option<Date> {
    let path = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let segments: Vec<&str> = path.split('/').collect();
    for (i, seg) in segments.iter().enumerate() {
        // `/2015/05/12/`
        if seg.len() == 4 && digits(seg) {
            if let (Some(m), Some(d)) = (segments.get(i + 1), segments.get(i + 2)) {
                let d = d.get(..d.len().min(2)).unwrap_or("");
                if m.len() <= 2 && d.len() == 2 {
                    if let Some(date) = ymd(seg, m, d) {
                        return Some(date);
                    }
                }
            }
        }
        // `/2015-05-12-title`, `/news-2015-05-12`, `/20150512-title`
        let bytes = seg.as_bytes();
        for start in 0..bytes.len() {
            if !seg.is_char_boundary(start) || start > 0 && bytes[start - 1].is_ascii_digit() {
                continue;
            }
            let rest = &seg[start..];
            if rest.len() >= 10 && rest.is_char_boundary(10) {
                let head = &rest[..10];
                let b = head.as_bytes();
                if b[4] == b'-'
                    && b[7] == b'-'
                    && rest.as_bytes().get(10).is_none_or(|c| !c.is_ascii_digit())
                {
                    if let Some(date) = ymd(&head[..4], &head[5..7], &head[8..10]) {
                        return Some(date);
                    }
                }
            }
            if rest.len() >= 8
                && rest.is_char_boundary(8)
                && digits(&rest[..8])
                && rest.as_bytes().get(8).is_none_or(|c| !c.is_ascii_digit())
            {
                if let Some(date) = ymd(&rest[..4], &rest[4..6], &rest[6..8]) {
                    if date.year() >= MIN_YEAR {
                        return Some(date);
                    }
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u8, day: u8) -> Option<Date> {
        Date::new(y, m, day)
    }

    #[test]
    fn machine_dates_keep_the_written_day() {
        assert_eq!(parse_machine("2015-05-12T23:30:00-05:00"), d(2015, 5, 12));
        assert_eq!(parse_machine("2015-05-12"), d(2015, 5, 12));
        assert_eq!(parse_machine("2015/05/12 10:00"), d(2015, 5, 12));
        assert_eq!(parse_machine("20150512"), d(2015, 5, 12));
        assert_eq!(parse_machine("2015-5-2"), d(2015, 5, 2));
        assert_eq!(
            parse_machine("Tue, 12 May 2015 10:00:00 GMT"),
            d(2015, 5, 12)
        );
        assert_eq!(parse_machine("1431388800"), d(2015, 5, 12));
        assert_eq!(parse_machine("1431388800000"), d(2015, 5, 12));
        assert_eq!(parse_machine("Oct 01, 2025T10:00:00+03:00"), d(2025, 10, 1));
        assert_eq!(parse_machine("yesterday"), None);
        assert_eq!(parse_machine("2015-13-45"), None);
    }

    #[test]
    fn dates_in_words() {
        assert_eq!(parse_text("Published May 12, 2015 at 9:00"), d(2015, 5, 12));
        assert_eq!(parse_text("Updated: Sept. 5 2019"), d(2019, 9, 5));
        assert_eq!(parse_text("12th of May, 2015"), d(2015, 5, 12));
        assert_eq!(parse_text("Dienstag, 12. Mai 2015"), d(2015, 5, 12));
        assert_eq!(parse_text("12 de mayo de 2015"), d(2015, 5, 12));
        assert_eq!(parse_text("Posted on 12.05.2015"), d(2015, 5, 12));
        assert_eq!(parse_text("05/13/2015"), d(2015, 5, 13));
        assert_eq!(parse_text("May 2015"), None);
        assert_eq!(parse_text("The 12 ministers met in May."), None);
    }

    #[test]
    fn dates_in_urls() {
        assert_eq!(
            from_url("https://x.org/2015/05/12/talks-resume"),
            d(2015, 5, 12)
        );
        assert_eq!(
            from_url("https://x.org/news/2015-05-12-talks"),
            d(2015, 5, 12)
        );
        assert_eq!(
            from_url("https://x.org/a/20150512/talks.html"),
            d(2015, 5, 12)
        );
        assert_eq!(from_url("https://x.org/2015/05/talks"), None);
        assert_eq!(from_url("https://x.org/item/123456789012"), None);
    }

    #[test]
    fn plausibility() {
        let today = Date::new(2026, 11, 26).unwrap();
        assert!(plausible(Date::new(2015, 5, 12).unwrap(), today));
        assert!(!plausible(Date::new(1970, 1, 1).unwrap(), today));
        assert!(!plausible(Date::new(2027, 1, 1).unwrap(), today));
    }
}
