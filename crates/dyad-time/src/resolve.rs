//! Resolution: what a recognized expression comes to, given the publication date, the tense
//! of its sentence and the dates the text named before it.
//!
//! Names that recur (weekdays, months, seasons, quarters, holidays) take the
//! occurrence their direction word asks for ("last March"), else the one the
//! tense points to (past: on or before the publication date; future: on or
//! after), else the nearest. "Tuesday" in a past-tense sentence is the last
//! Tuesday on or before publication. Relative expressions count from the
//! publication date, except the anchored ones ("the next day", "two weeks
//! later"), which count from the last date the text named.

use dyad_types::Date;

use crate::lexicon::{Season, Unit};
use crate::recognize::{Anchor, Dir, Holiday, Sem, YearSpec};
use crate::tense::Tense;
use crate::value::{Point, TimeOfDay, Value};

/// Resolves a document's expressions in order, keeping the reference time.
pub struct Resolver {
    dct: Option<Date>,
    reference: Option<Point>,
}

/// A candidate occurrence: its year and its position on a common scale
/// (days, months, quarters …) to compare with the anchor's.
type Candidate = (i32, i64);

/// Picks among the occurrences in the years around the anchor.
fn choose(candidates: &[Candidate], now: i64, dir: Dir, tense: Tense) -> Option<i32> {
    let before = |strict: bool| {
        candidates
            .iter()
            .filter(|c| if strict { c.1 < now } else { c.1 <= now })
            .max_by_key(|c| c.1)
    };
    let after = |strict: bool| {
        candidates
            .iter()
            .filter(|c| if strict { c.1 > now } else { c.1 >= now })
            .min_by_key(|c| c.1)
    };
    let nearest = || {
        candidates
            .iter()
            .min_by_key(|c| ((c.1 - now).abs(), c.1 > now))
    };
    let pick = match dir {
        Dir::Before => before(true),
        Dir::After => after(true),
        Dir::This => candidates.get(candidates.len() / 2),
        Dir::Nearest => match tense {
            Tense::Past => before(false).or_else(nearest),
            Tense::Future => after(false).or_else(nearest),
            Tense::Present | Tense::Unknown => nearest(),
        },
    };
    pick.map(|c| c.0)
}

/// The date of a holiday in a year.
fn holiday_date(holiday: Holiday, year: i32) -> Option<Date> {
    match holiday {
        Holiday::Fixed(month, day) => Date::new(year, month, day),
        Holiday::Nth { month, weekday, n } => {
            if n > 0 {
                let first = Date::new(year, month, 1)?;
                let offset =
                    (i64::from(weekday) - i64::from(first.weekday().index())).rem_euclid(7);
                let date = first.add_days(offset + 7 * (i64::from(n) - 1));
                (date.month() == month).then_some(date)
            } else {
                let next = if month == 12 {
                    Date::new(year + 1, 1, 1)?
                } else {
                    Date::new(year, month + 1, 1)?
                };
                let last = next.add_days(-1);
                let offset = (i64::from(last.weekday().index()) - i64::from(weekday)).rem_euclid(7);
                let date = last.add_days(-offset - 7 * (i64::from(-n) - 1));
                (date.month() == month).then_some(date)
            }
        }
        Holiday::Easter => {
            // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
            let y = year;
            let a = y % 19;
            let b = y / 100;
            let c = y % 100;
            let d = b / 4;
            let e = b % 4;
            let f = (b + 8) / 25;
            let g = (b - f + 1) / 3;
            let h = (19 * a + b - d - g + 15) % 30;
            let i = c / 4;
            let k = c % 4;
            let l = (32 + 2 * e + 2 * i - h - k) % 7;
            let m = (a + 11 * h + 22 * l) / 451;
            let month = (h + l - 7 * m + 114) / 31;
            let day = (h + l - 7 * m + 114) % 31 + 1;
            Date::new(y, month as u8, day as u8)
        }
    }
}

/// The day `n` units after `date` (before it when negative), to the day: a
/// month after January 31 is the last day of February, a year after
/// February 29 is February 28.
pub fn add_to_day(date: Date, unit: Unit, n: f64) -> Option<Date> {
    if !n.is_finite() || n.abs() > 100_000.0 {
        return None;
    }
    let months = |m: f64| -> Option<Date> {
        if m.fract() != 0.0 {
            return Some(date.add_days((m * 30.44).round() as i64));
        }
        let Point::Month { year, month } = (Point::Month {
            year: date.year(),
            month: date.month(),
        })
        .shift(m as i64)?
        else {
            return None;
        };
        (1..=date.day())
            .rev()
            .find_map(|day| Date::new(year, month, day))
    };
    let days = |d: f64| Some(date.add_days(d.round() as i64));
    let moved = match unit {
        Unit::Second => days((n / 86_400.0).floor())?,
        Unit::Minute => days((n / 1_440.0).floor())?,
        Unit::Hour => days((n / 24.0).floor())?,
        Unit::Day => days(n)?,
        Unit::Week | Unit::Weekend => days(n * 7.0)?,
        Unit::Fortnight => days(n * 14.0)?,
        Unit::Month => months(n)?,
        Unit::Quarter => months(n * 3.0)?,
        Unit::Year => months(n * 12.0)?,
        Unit::Decade => months(n * 120.0)?,
        Unit::Century => months(n * 1200.0)?,
        Unit::Millennium => months(n * 12_000.0)?,
    };
    Point::Day(moved).valid().then_some(moved)
}

/// Where a duration counted from `from` leads: to the day from a day, else
/// at the coarser of the two granularities ("two years after 2010" is 2012).
pub fn lead(from: Point, unit: Unit, n: f64) -> Option<Point> {
    if let Point::Day(date) = from {
        return add_to_day(date, unit, n).map(Point::Day);
    }
    let (first, _) = from.days()?;
    let moved = add_to_day(first, unit, n)?;
    let granularity = if rank(from) > unit_rank(unit) {
        match rank(from) {
            1 => Unit::Week,
            2 => Unit::Month,
            3 => Unit::Quarter,
            4 => Unit::Year,
            5 => Unit::Decade,
            _ => Unit::Century,
        }
    } else {
        unit
    };
    let point = Point::at(moved, granularity);
    point.valid().then_some(point)
}

/// How coarse a point is (a day 0 … a century 6).
fn rank(point: Point) -> u8 {
    match point {
        Point::Day(_) => 0,
        Point::Week { .. } | Point::Weekend { .. } => 1,
        Point::Month { .. } => 2,
        Point::Quarter { .. } | Point::Season { .. } | Point::Half { .. } => 3,
        Point::Year(_) | Point::FiscalYear(_) => 4,
        Point::Decade(_) => 5,
        Point::Century(_) => 6,
    }
}

fn unit_rank(unit: Unit) -> u8 {
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => 0,
        Unit::Week | Unit::Weekend | Unit::Fortnight => 1,
        Unit::Month => 2,
        Unit::Quarter => 3,
        Unit::Year => 4,
        Unit::Decade => 5,
        Unit::Century | Unit::Millennium => 6,
    }
}

/// Months since year 0 of a month.
fn month_index(year: i32, month: u8) -> i64 {
    i64::from(year) * 12 + i64::from(month) - 1
}

impl Resolver {
    pub fn new(dct: Option<Date>) -> Resolver {
        Resolver {
            dct,
            reference: None,
        }
    }

    /// The value of `sem` in a sentence of tense `tense`, and for an
    /// anchored duration ("two weeks later") the point it leads to; the
    /// reference time moves to the dates it names. `None` when it names
    /// nothing that exists ("31 February").
    pub fn resolve(&mut self, sem: &Sem, tense: Tense) -> Option<(Value, Option<Point>)> {
        if let Sem::Anchored {
            duration,
            n,
            anchor,
        } = sem
        {
            let from = match anchor {
                Anchor::Reference => self.reference.or(self.dct.map(Point::Day)),
                Anchor::Now => self.dct.map(Point::Day),
            };
            let point = from
                .and_then(|from| lead(from, duration.unit, *n))
                .filter(|p| p.valid());
            return Some((Value::Duration(*duration), point));
        }
        let value = self.value(sem, tense)?;
        // Nothing outside the years TIMEX3 can write.
        match value {
            Value::Date(point) if !point.valid() => return None,
            Value::Time(Some(day), _) if !Point::Day(day).valid() => return None,
            _ => {}
        }
        match value {
            Value::Date(point) => self.reference = Some(point),
            Value::Time(Some(day), _) => self.reference = Some(Point::Day(day)),
            _ => {}
        }
        Some((value, None))
    }

    /// A clock time on `day` (the sentence's date), else on the publication date.
    pub fn clock(&self, time: TimeOfDay, day: Option<Date>) -> Value {
        let day = day.or(self.dct).filter(|d| Point::Day(*d).valid());
        Value::Time(day, time)
    }

    fn value(&self, sem: &Sem, tense: Tense) -> Option<Value> {
        match sem {
            Sem::Point(point) => point.valid().then_some(Value::Date(*point)),
            Sem::Calendar {
                year,
                month,
                day,
                weekday,
            } => self.calendar(*year, *month, *day, *weekday, tense),
            Sem::Quarter { quarter, year } => {
                let q = i64::from(*quarter) - 1;
                let at = |y: i32| Point::Quarter {
                    year: y,
                    quarter: *quarter,
                };
                self.cyclic(*year, tense, 4, q, at, |d| {
                    i64::from(d.year()) * 4 + i64::from((d.month() - 1) / 3)
                })
                .or_else(|| Some(Value::Unanchored(format!("XXXX-Q{quarter}"))))
            }
            Sem::Half { half, year } => {
                let h = i64::from(*half) - 1;
                let at = |y: i32| Point::Half {
                    year: y,
                    half: *half,
                };
                self.cyclic(*year, tense, 2, h, at, |d| {
                    i64::from(d.year()) * 2 + i64::from((d.month() - 1) / 6)
                })
                .or_else(|| Some(Value::Unanchored(format!("XXXX-H{half}"))))
            }
            Sem::Season { season, year } => {
                let s = i64::from(season.index());
                let at = |y: i32| Point::Season {
                    year: y,
                    season: *season,
                };
                self.cyclic(*year, tense, 4, s, at, |d| {
                    let (now, offset) = Season::of_month(d.month());
                    i64::from(d.year() + offset) * 4 + i64::from(now.index())
                })
                .or_else(|| Some(Value::Unanchored(format!("XXXX-{}", season.code()))))
            }
            Sem::Weekday { day, dir } => Some(self.weekday(*day, *dir, tense)),
            Sem::Weekend { dir } => Some(self.weekend(*dir, tense)),
            Sem::Shift { unit, n, anchor } => self.shift(*unit, *n, *anchor),
            Sem::DayOfMonth(day) => self.day_of_month(*day, tense),
            Sem::Holiday { holiday, year } => self.holiday(*holiday, *year, tense),
            Sem::Duration(duration) | Sem::Anchored { duration, .. } => {
                Some(Value::Duration(*duration))
            }
            Sem::Reference(reference) => Some(Value::Reference(*reference)),
            Sem::Set(recurrence) => Some(Value::Set(*recurrence)),
            Sem::Clock(time) => Some(self.clock(*time, None)),
            Sem::WithTime(day, time) => match self.value(day, tense)? {
                Value::Date(Point::Day(date)) => Some(Value::Time(Some(date), *time)),
                Value::Unanchored(text) => Some(Value::Unanchored(format!("{text}T{time}"))),
                other => Some(other),
            },
        }
    }

    /// The year a spec names, given where each year's occurrence falls.
    fn year(
        &self,
        spec: YearSpec,
        tense: Tense,
        position: impl Fn(i32) -> Option<i64>,
        now: impl Fn(Date) -> i64,
    ) -> Option<i32> {
        self.year_within(spec, tense, 1, position, now)
    }

    /// As [`Resolver::year`], looking `reach` years either side.
    fn year_within(
        &self,
        spec: YearSpec,
        tense: Tense,
        reach: i32,
        position: impl Fn(i32) -> Option<i64>,
        now: impl Fn(Date) -> i64,
    ) -> Option<i32> {
        let dct = self.dct?;
        match spec {
            YearSpec::Given(year) => Some(year),
            YearSpec::Relative(n) => i32::try_from(i64::from(dct.year()) + n).ok(),
            YearSpec::Infer(dir) => {
                let y0 = dct.year();
                let candidates: Vec<Candidate> = (y0 - reach..=y0 + reach)
                    .filter_map(|y| position(y).map(|p| (y, p)))
                    .collect();
                choose(&candidates, now(dct), dir, tense)
            }
        }
    }

    /// Quarters, halves, seasons: `per_year` of them, this one the `index`th.
    fn cyclic(
        &self,
        spec: YearSpec,
        tense: Tense,
        per_year: i64,
        index: i64,
        at: impl Fn(i32) -> Point,
        now: impl Fn(Date) -> i64,
    ) -> Option<Value> {
        if let YearSpec::Given(year) = spec {
            let point = at(year);
            return point.valid().then_some(Value::Date(point));
        }
        let year = self.year(spec, tense, |y| Some(i64::from(y) * per_year + index), now)?;
        let point = at(year);
        point.valid().then_some(Value::Date(point))
    }

    fn calendar(
        &self,
        year: YearSpec,
        month: u8,
        day: Option<u8>,
        weekday: Option<u8>,
        tense: Tense,
    ) -> Option<Value> {
        // A day that exists in no year ("31 February") names nothing.
        if let Some(d) = day {
            Date::new(2000, month, d)?;
        }
        let Some(dct) = self.dct else {
            return Some(match (year, day) {
                (YearSpec::Given(y), Some(d)) => Value::Date(Point::Day(Date::new(y, month, d)?)),
                (YearSpec::Given(y), None) => Value::Date(Point::Month { year: y, month }),
                (_, Some(d)) => Value::Unanchored(format!("XXXX-{month:02}-{d:02}")),
                (_, None) => Value::Unanchored(format!("XXXX-{month:02}")),
            });
        };
        let Some(d) = day else {
            let year = self.year(
                year,
                tense,
                |y| Some(month_index(y, month)),
                |now| month_index(now.year(), now.month()),
            )?;
            let point = Point::Month { year, month };
            return point.valid().then_some(Value::Date(point));
        };
        if let YearSpec::Given(y) = year {
            return Some(Value::Date(Point::Day(Date::new(y, month, d)?)));
        }
        // A weekday written with the date picks the year it fits.
        let fits = |y: i32| {
            Date::new(y, month, d)
                .filter(|date| weekday.is_none_or(|w| date.weekday().index() == w))
        };
        let y0 = dct.year();
        // February 29 looks four years around for its leap year.
        let reach = if (month, d) == (2, 29) { 4 } else { 1 };
        let any_fits = (y0 - reach..=y0 + reach).any(|y| fits(y).is_some());
        let position = |y: i32| {
            let date = if any_fits {
                fits(y)
            } else {
                Date::new(y, month, d)
            };
            date.map(Date::to_days)
        };
        match self.year_within(year, tense, reach, position, Date::to_days) {
            Some(y) => Some(Value::Date(Point::Day(Date::new(y, month, d)?))),
            // February 29 with no leap year near: say the day, not the year.
            None => Some(Value::Unanchored(format!("XXXX-{month:02}-{d:02}"))),
        }
    }

    fn weekday(&self, day: u8, dir: Dir, tense: Tense) -> Value {
        let Some(dct) = self.dct else {
            return Value::Unanchored(format!("XXXX-WXX-{}", day + 1));
        };
        let today = i64::from(dct.weekday().index());
        let back = (today - i64::from(day)).rem_euclid(7);
        let ahead = (i64::from(day) - today).rem_euclid(7);
        let offset = match dir {
            Dir::Before => -(if back == 0 { 7 } else { back }),
            Dir::After => {
                if ahead == 0 {
                    7
                } else {
                    ahead
                }
            }
            Dir::This => match tense {
                Tense::Past => -back,
                Tense::Future => ahead,
                _ => i64::from(day) - today,
            },
            Dir::Nearest => match tense {
                Tense::Future | Tense::Present => ahead,
                Tense::Past | Tense::Unknown => -back,
            },
        };
        Value::Date(Point::Day(dct.add_days(offset)))
    }

    fn weekend(&self, dir: Dir, tense: Tense) -> Value {
        let Some(dct) = self.dct else {
            return Value::Unanchored("XXXX-WXX-WE".to_string());
        };
        let this = Point::at(dct, Unit::Weekend);
        let on_weekend = dct.weekday().index() >= 5;
        let shift = match dir {
            Dir::Before => -1,
            Dir::After => 1,
            Dir::This => 0,
            Dir::Nearest => match tense {
                Tense::Past | Tense::Unknown if !on_weekend => -1,
                _ => 0,
            },
        };
        Value::Date(this.shift(shift).unwrap_or(this))
    }

    /// The point `n` units from the anchor.
    fn shift(&self, unit: Unit, n: f64, anchor: Anchor) -> Option<Value> {
        // Fractions and odd units in the units that count them whole.
        let (unit, n) = match unit {
            _ if !n.is_finite() => return None,
            Unit::Fortnight => (Unit::Week, n * 2.0),
            Unit::Millennium => (Unit::Century, n * 10.0),
            Unit::Second | Unit::Minute | Unit::Hour => {
                let per_day = match unit {
                    Unit::Second => 86_400.0,
                    Unit::Minute => 1_440.0,
                    _ => 24.0,
                };
                (Unit::Day, (n / per_day).floor())
            }
            Unit::Year if n.fract() != 0.0 => (Unit::Month, n * 12.0),
            Unit::Decade if n.fract() != 0.0 => (Unit::Year, n * 10.0),
            Unit::Month if n.fract() != 0.0 => (Unit::Day, n * 30.0),
            Unit::Week if n.fract() != 0.0 => (Unit::Day, n * 7.0),
            _ => (unit, n),
        };
        let n = n.round() as i64;
        let from = match anchor {
            Anchor::Reference => self
                .reference
                .filter(|r| rank(*r) <= unit_rank(unit))
                .and_then(|r| r.days())
                .map(|(first, _)| Point::at(first, unit))
                .or_else(|| self.dct.map(|d| Point::at(d, unit))),
            Anchor::Now => self.dct.map(|d| Point::at(d, unit)),
        };
        let Some(from) = from else {
            let text = match unit {
                Unit::Week | Unit::Weekend | Unit::Fortnight => "XXXX-WXX",
                Unit::Month => "XXXX-XX",
                Unit::Quarter => "XXXX-QX",
                Unit::Year => "XXXX",
                Unit::Decade => "XXX",
                Unit::Century | Unit::Millennium => "XX",
                _ => "XXXX-XX-XX",
            };
            return Some(Value::Unanchored(text.to_string()));
        };
        from.shift(n).map(Value::Date)
    }

    fn day_of_month(&self, day: u8, tense: Tense) -> Option<Value> {
        let Some(dct) = self.dct else {
            return Some(Value::Unanchored(format!("XXXX-XX-{day:02}")));
        };
        let candidates: Vec<(i32, i64)> = (-1..=1)
            .filter_map(|k| {
                let Point::Month { year, month } = Point::Month {
                    year: dct.year(),
                    month: dct.month(),
                }
                .shift(k)?
                else {
                    return None;
                };
                let date = Date::new(year, month, day)?;
                Some((k as i32, date.to_days()))
            })
            .collect();
        let k = choose(&candidates, dct.to_days(), Dir::Nearest, tense)?;
        let Point::Month { year, month } = Point::Month {
            year: dct.year(),
            month: dct.month(),
        }
        .shift(i64::from(k))?
        else {
            return None;
        };
        Some(Value::Date(Point::Day(Date::new(year, month, day)?)))
    }

    fn holiday(&self, holiday: Holiday, year: YearSpec, tense: Tense) -> Option<Value> {
        if self.dct.is_none() && !matches!(year, YearSpec::Given(_)) {
            return Some(match holiday {
                Holiday::Fixed(month, day) => {
                    Value::Unanchored(format!("XXXX-{month:02}-{day:02}"))
                }
                _ => Value::Unanchored("XXXX-XX-XX".to_string()),
            });
        }
        let year = if let YearSpec::Given(y) = year {
            y
        } else {
            self.year(
                year,
                tense,
                |y| holiday_date(holiday, y).map(Date::to_days),
                Date::to_days,
            )?
        };
        Some(Value::Date(Point::Day(holiday_date(holiday, year)?)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holidays_by_rule() {
        let d = |y, m, d| Date::new(y, m, d).unwrap();
        let thanksgiving = Holiday::Nth {
            month: 11,
            weekday: 3,
            n: 4,
        };
        assert_eq!(holiday_date(thanksgiving, 2015), Some(d(2015, 11, 26)));
        let memorial = Holiday::Nth {
            month: 5,
            weekday: 0,
            n: -1,
        };
        assert_eq!(holiday_date(memorial, 2015), Some(d(2015, 5, 25)));
        assert_eq!(holiday_date(Holiday::Easter, 2024), Some(d(2024, 3, 31)));
        assert_eq!(holiday_date(Holiday::Easter, 2019), Some(d(2019, 4, 21)));
    }
}
