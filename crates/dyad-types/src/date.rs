//! Calendar dates (proleptic Gregorian), the only notion of time events carry.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A calendar day. Events are dated to the day, as in CAMEO data sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a date in the form YYYY-MM-DD: {0:?}")]
pub struct DateError(pub String);

/// Day of the week, Monday first (ISO 8601).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl Weekday {
    /// 0 for Monday … 6 for Sunday.
    pub fn index(self) -> u8 {
        self as u8
    }
}

impl Date {
    /// A date, or `None` when the day does not exist.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn month(self) -> u8 {
        self.month
    }

    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before it).
    pub fn to_days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01.
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    pub fn add_days(self, days: i64) -> Date {
        Date::from_days(self.to_days() + days)
    }

    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday.
        const DAYS: [Weekday; 7] = [
            Weekday::Monday,
            Weekday::Tuesday,
            Weekday::Wednesday,
            Weekday::Thursday,
            Weekday::Friday,
            Weekday::Saturday,
            Weekday::Sunday,
        ];
        DAYS[(self.to_days() + 3).rem_euclid(7) as usize]
    }

    /// The date as the number `YYYYMMDD`, the form PETRARCH dictionaries use
    /// for date-restricted actor codes.
    pub fn to_yyyymmdd(self) -> u32 {
        self.year.max(0) as u32 * 10_000 + u32::from(self.month) * 100 + u32::from(self.day)
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl FromStr for Date {
    type Err = DateError;

    fn from_str(s: &str) -> Result<Date, DateError> {
        let err = || DateError(s.to_string());
        let bytes = s.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return Err(err());
        }
        let number = |range: std::ops::Range<usize>| -> Result<u32, DateError> {
            let part = &s[range];
            if !part.bytes().all(|b| b.is_ascii_digit()) {
                return Err(err());
            }
            part.parse().map_err(|_| err())
        };
        let year = number(0..4)? as i32;
        let month = number(5..7)? as u8;
        let day = number(8..10)? as u8;
        Date::new(year, month, day).ok_or_else(err)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints() {
        let date: Date = "2015-05-12".parse().unwrap();
        assert_eq!((date.year(), date.month(), date.day()), (2015, 5, 12));
        assert_eq!(date.to_string(), "2015-05-12");
        assert_eq!(date.to_yyyymmdd(), 20150512);
    }

    #[test]
    fn rejects_impossible_days() {
        for bad in [
            "2015-02-29",
            "2015-13-01",
            "2015-5-12",
            "20150512",
            "2015-05-1x",
            "",
        ] {
            assert!(bad.parse::<Date>().is_err(), "{bad} accepted");
        }
        assert!("2016-02-29".parse::<Date>().is_ok());
    }

    #[test]
    fn day_arithmetic_round_trips() {
        let epoch = Date::new(1970, 1, 1).unwrap();
        assert_eq!(epoch.to_days(), 0);
        for days in [-800_000, -1, 0, 59, 365, 16_567, 20_000, 2_000_000] {
            assert_eq!(Date::from_days(days).to_days(), days);
        }
        let date = Date::new(2015, 5, 13).unwrap();
        assert_eq!(date.add_days(-1), Date::new(2015, 5, 12).unwrap());
        assert_eq!(date.add_days(19), Date::new(2015, 6, 1).unwrap());
    }

    #[test]
    fn knows_the_weekday() {
        assert_eq!(Date::new(2015, 5, 12).unwrap().weekday(), Weekday::Tuesday);
        assert_eq!(Date::new(2000, 1, 1).unwrap().weekday(), Weekday::Saturday);
        assert_eq!(
            Date::new(2026, 11, 26).unwrap().weekday(),
            Weekday::Thursday
        );
    }
}
