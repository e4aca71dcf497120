//! TIMEX3 values: calendar points at every granularity, times of day, durations, sets and
//! references, with the calendar arithmetic that resolving needs.

use std::fmt;

use dyad_types::Date;

use crate::lexicon::{PartOfDay, Season, Unit};

/// The years a TIMEX3 value can write (four digits).
const YEARS: std::ops::RangeInclusive<i32> = 1..=9999;

/// A stretch of the calendar named at some granularity: a day, an ISO week,
/// a month, a quarter, a year, a decade …
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Point {
    Day(Date),
    /// ISO 8601 week (`2015-W20`).
    Week {
        year: i32,
        week: u8,
    },
    /// The Saturday and Sunday of an ISO week (`2015-W20-WE`).
    Weekend {
        year: i32,
        week: u8,
    },
    Month {
        year: i32,
        month: u8,
    },
    Quarter {
        year: i32,
        quarter: u8,
    },
    Half {
        year: i32,
        half: u8,
    },
    Season {
        year: i32,
        season: Season,
    },
    Year(i32),
    /// A fiscal year, written `FY2015`.
    FiscalYear(i32),
    /// A decade by its first three digits: 199 is the 1990s.
    Decade(i32),
    /// A century by its first two digits: 19 is the 1900s.
    Century(i32),
}

/// ISO 8601 week-numbering year and week of a day.
pub fn iso_week(date: Date) -> (i32, u8) {
    let thursday = date.add_days(3 - i64::from(date.weekday().index()));
    let year = thursday.year();
    let jan1 = Date::new(year, 1, 1).map_or(thursday.to_days(), Date::to_days);
    let week = (thursday.to_days() - jan1) / 7 + 1;
    (year, week as u8)
}

/// The Monday of an ISO week.
fn iso_monday(year: i32, week: u8) -> Option<Date> {
    let jan4 = Date::new(year, 1, 4)?;
    let week1 = jan4.add_days(-i64::from(jan4.weekday().index()));
    Some(week1.add_days(7 * (i64::from(week) - 1)))
}

fn in_range(year: i32) -> bool {
    YEARS.contains(&year)
}

impl Point {
    /// The point of granularity `unit` that contains `date` ("this week",
    /// "this month" …). Clock units give the day.
    pub fn at(date: Date, unit: Unit) -> Point {
        let year = date.year();
        match unit {
            Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => Point::Day(date),
            Unit::Week | Unit::Fortnight => {
                let (year, week) = iso_week(date);
                Point::Week { year, week }
            }
            Unit::Weekend => {
                let (year, week) = iso_week(date);
                Point::Weekend { year, week }
            }
            Unit::Month => Point::Month {
                year,
                month: date.month(),
            },
            Unit::Quarter => Point::Quarter {
                year,
                quarter: (date.month() - 1) / 3 + 1,
            },
            Unit::Year => Point::Year(year),
            Unit::Decade => Point::Decade(year.div_euclid(10)),
            Unit::Century | Unit::Millennium => Point::Century(year.div_euclid(100)),
        }
    }

    /// The same granularity, `n` steps later (earlier when negative); `None`
    /// when that leaves the years TIMEX3 can write.
    pub fn shift(self, n: i64) -> Option<Point> {
        if n.unsigned_abs() > 100_000 {
            return None;
        }
        let step = |total: i64, per_year: i64| -> Option<(i32, i64)> {
            let year = i32::try_from(total.div_euclid(per_year)).ok()?;
            in_range(year).then_some((year, total.rem_euclid(per_year)))
        };
        let point = match self {
            Point::Day(date) => {
                let moved = date.to_days().checked_add(n)?;
                if moved.abs() > 4_000_000 {
                    return None;
                }
                Point::Day(Date::from_days(moved))
            }
            Point::Week { year, week } | Point::Weekend { year, week } => {
                let monday = iso_monday(year, week)?.add_days(7 * n);
                let (year, week) = iso_week(monday);
                if matches!(self, Point::Week { .. }) {
                    Point::Week { year, week }
                } else {
                    Point::Weekend { year, week }
                }
            }
            Point::Month { year, month } => {
                let (year, m) = step(i64::from(year) * 12 + i64::from(month) - 1 + n, 12)?;
                Point::Month {
                    year,
                    month: m as u8 + 1,
                }
            }
            Point::Quarter { year, quarter } => {
                let (year, q) = step(i64::from(year) * 4 + i64::from(quarter) - 1 + n, 4)?;
                Point::Quarter {
                    year,
                    quarter: q as u8 + 1,
                }
            }
            Point::Half { year, half } => {
                let (year, h) = step(i64::from(year) * 2 + i64::from(half) - 1 + n, 2)?;
                Point::Half {
                    year,
                    half: h as u8 + 1,
                }
            }
            Point::Season { year, season } => {
                let (year, s) = step(i64::from(year) * 4 + i64::from(season.index()) + n, 4)?;
                Point::Season {
                    year,
                    season: Season::from_index(s as u8),
                }
            }
            Point::Year(year) => Point::Year(i32::try_from(i64::from(year) + n).ok()?),
            Point::FiscalYear(year) => Point::FiscalYear(i32::try_from(i64::from(year) + n).ok()?),
            Point::Decade(decade) => Point::Decade(i32::try_from(i64::from(decade) + n).ok()?),
            Point::Century(century) => Point::Century(i32::try_from(i64::from(century) + n).ok()?),
        };
        point.valid().then_some(point)
    }

    /// Whether the point lies in the years TIMEX3 can write.
    pub fn valid(self) -> bool {
        match self {
            Point::Day(date) => in_range(date.year()),
            Point::Week { year, .. }
            | Point::Weekend { year, .. }
            | Point::Month { year, .. }
            | Point::Quarter { year, .. }
            | Point::Half { year, .. }
            | Point::Season { year, .. }
            | Point::Year(year)
            | Point::FiscalYear(year) => in_range(year),
            Point::Decade(decade) => (0..=999).contains(&decade),
            Point::Century(century) => (0..=99).contains(&century),
        }
    }

    /// The first and last day the point covers (a fiscal year is taken as
    /// its calendar year; a winter runs from December to February).
    pub fn days(self) -> Option<(Date, Date)> {
        let month_end = |year: i32, month: u8| -> Option<Date> {
            let next = Point::Month { year, month }.shift(1)?;
            let Point::Month { year, month } = next else {
                return None;
            };
            Some(Date::new(year, month, 1)?.add_days(-1))
        };
        let months = |year: i32, first: u8, count: i64| -> Option<(Date, Date)> {
            let start = Date::new(year, first, 1)?;
            let Point::Month {
                year: end_year,
                month: end_month,
            } = (Point::Month { year, month: first }).shift(count - 1)?
            else {
                return None;
            };
            Some((start, month_end(end_year, end_month)?))
        };
        match self {
            Point::Day(date) => Some((date, date)),
            Point::Week { year, week } => {
                let monday = iso_monday(year, week)?;
                Some((monday, monday.add_days(6)))
            }
            Point::Weekend { year, week } => {
                let monday = iso_monday(year, week)?;
                Some((monday.add_days(5), monday.add_days(6)))
            }
            Point::Month { year, month } => months(year, month, 1),
            Point::Quarter { year, quarter } => months(year, (quarter - 1) * 3 + 1, 3),
            Point::Half { year, half } => months(year, (half - 1) * 6 + 1, 6),
            Point::Season { year, season } => months(year, season.first_month(), 3),
            Point::Year(year) | Point::FiscalYear(year) => months(year, 1, 12),
            Point::Decade(decade) => {
                let first = decade.checked_mul(10)?;
                Some((Date::new(first, 1, 1)?, Date::new(first + 9, 12, 31)?))
            }
            Point::Century(century) => {
                let first = century.checked_mul(100)?;
                Some((Date::new(first, 1, 1)?, Date::new(first + 99, 12, 31)?))
            }
        }
    }
}

impl fmt::Display for Point {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Point::Day(date) => write!(f, "{date}"),
            Point::Week { year, week } => write!(f, "{year:04}-W{week:02}"),
            Point::Weekend { year, week } => write!(f, "{year:04}-W{week:02}-WE"),
            Point::Month { year, month } => write!(f, "{year:04}-{month:02}"),
            Point::Quarter { year, quarter } => write!(f, "{year:04}-Q{quarter}"),
            Point::Half { year, half } => write!(f, "{year:04}-H{half}"),
            Point::Season { year, season } => write!(f, "{year:04}-{}", season.code()),
            Point::Year(year) => write!(f, "{year:04}"),
            Point::FiscalYear(year) => write!(f, "FY{year:04}"),
            Point::Decade(decade) => write!(f, "{decade:03}"),
            Point::Century(century) => write!(f, "{century:02}"),
        }
    }
}

/// A time of day: by the clock, or a part of the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimeOfDay {
    Clock { hour: u8, minute: u8 },
    Part(PartOfDay),
}

impl fmt::Display for TimeOfDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TimeOfDay::Clock { hour, minute } => write!(f, "{hour:02}:{minute:02}"),
            TimeOfDay::Part(part) => f.write_str(part.code()),
        }
    }
}

/// How many units: a number, or an unspecified amount ("several years",
/// written `X`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Amount {
    Number(f64),
    Some,
}

/// A length of time: `P3D`, `PT2H`, `PXY`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Duration {
    pub amount: Amount,
    pub unit: Unit,
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // A fortnight is written as two weeks, a decade as ten years (as
        // TempEval-3 mostly does); only unspecified counts keep `DE`, `CE`.
        let (amount, unit) = match (self.amount, self.unit) {
            (Amount::Number(n), Unit::Fortnight) => (Amount::Number(n * 2.0), Unit::Week),
            (Amount::Number(n), Unit::Decade) => (Amount::Number(n * 10.0), Unit::Year),
            (Amount::Number(n), Unit::Century) => (Amount::Number(n * 100.0), Unit::Year),
            (Amount::Number(n), Unit::Millennium) => (Amount::Number(n * 1000.0), Unit::Year),
            (amount, Unit::Fortnight) => (amount, Unit::Week),
            other => other,
        };
        let code = match unit {
            Unit::Second => "S",
            Unit::Minute => "M",
            Unit::Hour => "H",
            Unit::Day => "D",
            Unit::Week | Unit::Fortnight => "W",
            Unit::Weekend => "WE",
            Unit::Month => "M",
            Unit::Quarter => "Q",
            Unit::Year => "Y",
            Unit::Decade => "DE",
            Unit::Century => "CE",
            Unit::Millennium => "ML",
        };
        f.write_str(if unit.is_clock() { "PT" } else { "P" })?;
        match amount {
            Amount::Some => f.write_str("X")?,
            Amount::Number(n) if n.fract() == 0.0 => write!(f, "{}", n as i64)?,
            Amount::Number(n) => {
                let text = format!("{n:.2}");
                f.write_str(text.trim_end_matches('0'))?;
            }
        }
        f.write_str(code)
    }
}

/// The vague points of TIMEX3: the past, the present, the future.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Reference {
    Past,
    Present,
    Future,
}

/// What a SET recurs on.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Recurrence {
    /// Every so long: `P1W` ("weekly"), `P2Y` ("every two years").
    Every(Duration),
    /// A weekday of every week: `XXXX-WXX-5` ("every Friday").
    Weekday(u8),
    /// Every weekend: `XXXX-WXX-WE`.
    Weekend,
    /// A part of every day: `XXXX-XX-XXTMO` ("every morning").
    PartOfDay(PartOfDay),
    /// A month of every year: `XXXX-03`.
    Month(u8),
}

impl fmt::Display for Recurrence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Recurrence::Every(duration) => write!(f, "{duration}"),
            Recurrence::Weekday(day) => write!(f, "XXXX-WXX-{}", day + 1),
            Recurrence::Weekend => f.write_str("XXXX-WXX-WE"),
            Recurrence::PartOfDay(part) => write!(f, "XXXX-XX-XXT{}", part.code()),
            Recurrence::Month(month) => write!(f, "XXXX-{month:02}"),
        }
    }
}

/// The value of a temporal expression, printed in TIMEX3 form by `Display`.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A calendar point (type DATE).
    Date(Point),
    /// A time of day on a day, or on an unknown day (type TIME).
    Time(Option<Date>, TimeOfDay),
    /// A length of time (type DURATION).
    Duration(Duration),
    /// `PAST_REF`, `PRESENT_REF`, `FUTURE_REF` (type DATE).
    Reference(Reference),
    /// A recurrence (type SET).
    Set(Recurrence),
    /// A date that could not be anchored, written with `X`s: `XXXX-03-03`,
    /// `XXXX-WXX-2`, `XXXX-XX-XX` (type DATE). Used when a document has no
    /// publication date, or the day does not exist in any nearby year.
    Unanchored(String),
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Date(point) => write!(f, "{point}"),
            Value::Time(Some(date), time) => write!(f, "{date}T{time}"),
            Value::Time(None, time) => write!(f, "XXXX-XX-XXT{time}"),
            Value::Duration(duration) => write!(f, "{duration}"),
            Value::Reference(Reference::Past) => f.write_str("PAST_REF"),
            Value::Reference(Reference::Present) => f.write_str("PRESENT_REF"),
            Value::Reference(Reference::Future) => f.write_str("FUTURE_REF"),
            Value::Set(recurrence) => write!(f, "{recurrence}"),
            Value::Unanchored(text) => f.write_str(text),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u8, d: u8) -> Date {
        Date::new(y, m, d).unwrap()
    }

    #[test]
    fn iso_weeks_cross_years() {
        assert_eq!(iso_week(day(2015, 5, 12)), (2015, 20));
        assert_eq!(iso_week(day(2021, 1, 1)), (2020, 53));
        assert_eq!(iso_week(day(2019, 12, 30)), (2020, 1));
        let week = Point::Week {
            year: 2020,
            week: 53,
        };
        assert_eq!(week.shift(1).unwrap().to_string(), "2021-W01");
    }

    #[test]
    fn shifts_keep_granularity() {
        let month = Point::Month {
            year: 2015,
            month: 1,
        };
        assert_eq!(month.shift(-1).unwrap().to_string(), "2014-12");
        let quarter = Point::Quarter {
            year: 2015,
            quarter: 1,
        };
        assert_eq!(quarter.shift(-1).unwrap().to_string(), "2014-Q4");
        assert_eq!(Point::Decade(199).to_string(), "199");
        assert!(Point::Year(9999).shift(1).is_none());
        assert!(Point::Day(day(2015, 1, 1)).shift(i64::MAX).is_none());
    }

    #[test]
    fn durations_print_in_timex_form() {
        let d = |amount, unit| Duration { amount, unit }.to_string();
        assert_eq!(d(Amount::Number(3.0), Unit::Day), "P3D");
        assert_eq!(d(Amount::Number(2.0), Unit::Hour), "PT2H");
        assert_eq!(d(Amount::Number(1.5), Unit::Year), "P1.5Y");
        assert_eq!(d(Amount::Some, Unit::Year), "PXY");
        assert_eq!(d(Amount::Number(1.0), Unit::Fortnight), "P2W");
    }

    #[test]
    fn points_cover_their_days() {
        let q = Point::Quarter {
            year: 2024,
            quarter: 1,
        };
        assert_eq!(q.days(), Some((day(2024, 1, 1), day(2024, 3, 31))));
        let w = Point::Weekend {
            year: 2015,
            week: 20,
        };
        assert_eq!(w.days(), Some((day(2015, 5, 16), day(2015, 5, 17))));
    }
}
