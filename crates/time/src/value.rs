//! TIMEX3 calendar values: parsing, formatting and shifting.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use crate::lex::Unit;

/// A calendar point or period at its own granularity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Point {
    /// `YYYY-MM-DD`
    Day(NaiveDate),
    /// `YYYY-Www` (ISO week)
    Week(i32, u32),
    /// `YYYY-Www-WE`
    Weekend(i32, u32),
    /// `YYYY-MM`
    Month(i32, u32),
    /// `YYYY-Qn`
    Quarter(i32, u32),
    /// `YYYY-Hn`
    Half(i32, u32),
    /// `YYYY-SU` (season code)
    Season(i32, &'static str),
    /// `YYYY`
    Year(i32),
    /// `YYY` (decade: the year divided by ten)
    Decade(i32),
    /// `YY` (century: the year divided by a hundred)
    Century(i32),
}

const SEASONS: [&str; 4] = ["WI", "SP", "SU", "FA"];

fn season_index(s: &str) -> i32 {
    SEASONS
        .iter()
        .position(|x| *x == s)
        .map(|p| p as i32)
        .unwrap_or(0)
}

impl Point {
    /// The point holding `d` at the granularity of `unit`.
    pub fn of(d: NaiveDate, unit: Unit) -> Point {
        match unit {
            Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => Point::Day(d),
            Unit::Week => {
                let w = d.iso_week();
                Point::Week(w.year(), w.week())
            }
            Unit::Weekend => {
                let w = d.iso_week();
                Point::Weekend(w.year(), w.week())
            }
            Unit::Month => Point::Month(d.year(), d.month()),
            Unit::Quarter => Point::Quarter(d.year(), (d.month() - 1) / 3 + 1),
            Unit::Half => Point::Half(d.year(), (d.month() - 1) / 6 + 1),
            Unit::Season => {
                let (y, s) = season_of(d);
                Point::Season(y, s)
            }
            Unit::Year => Point::Year(d.year()),
            Unit::Decade => Point::Decade(d.year().div_euclid(10)),
            Unit::Century => Point::Century(d.year().div_euclid(100)),
        }
    }

    /// A representative day (the first day of the period).
    pub fn first_day(&self) -> Option<NaiveDate> {
        match *self {
            Point::Day(d) => Some(d),
            Point::Week(y, w) | Point::Weekend(y, w) => {
                NaiveDate::from_isoywd_opt(y, w, Weekday::Mon)
            }
            Point::Month(y, m) => NaiveDate::from_ymd_opt(y, m, 1),
            Point::Quarter(y, q) => NaiveDate::from_ymd_opt(y, (q.clamp(1, 4) - 1) * 3 + 1, 1),
            Point::Half(y, h) => NaiveDate::from_ymd_opt(y, (h.clamp(1, 2) - 1) * 6 + 1, 1),
            Point::Season(y, s) => {
                let m = match s {
                    "SP" => 3,
                    "SU" => 6,
                    "FA" => 9,
                    _ => 12,
                };
                NaiveDate::from_ymd_opt(y, m, 1)
            }
            Point::Year(y) => NaiveDate::from_ymd_opt(y, 1, 1),
            Point::Decade(d) => NaiveDate::from_ymd_opt(d * 10, 1, 1),
            Point::Century(c) => NaiveDate::from_ymd_opt(c * 100, 1, 1),
        }
    }

    /// The year the point lies in.
    pub fn year(&self) -> Option<i32> {
        match *self {
            Point::Day(d) => Some(d.year()),
            Point::Week(y, _)
            | Point::Weekend(y, _)
            | Point::Month(y, _)
            | Point::Quarter(y, _)
            | Point::Half(y, _)
            | Point::Season(y, _)
            | Point::Year(y) => Some(y),
            Point::Decade(_) | Point::Century(_) => None,
        }
    }

    /// The point `n` units away, keeping this point's granularity when it can; a
    /// coarser unit than the point moves the point, a finer one (days from a month)
    /// moves its first day and takes the unit's granularity.
    pub fn shift(&self, n: i64, unit: Unit) -> Option<Point> {
        let n32 = i32::try_from(n).ok()?;
        match (*self, unit) {
            (_, Unit::Year) => Some(match *self {
                Point::Day(d) => Point::Day(add_months(d, n.checked_mul(12)?)?),
                Point::Week(y, w) => Point::Week(y.checked_add(n32)?, w),
                Point::Weekend(y, w) => Point::Weekend(y.checked_add(n32)?, w),
                Point::Month(y, m) => Point::Month(y.checked_add(n32)?, m),
                Point::Quarter(y, q) => Point::Quarter(y.checked_add(n32)?, q),
                Point::Half(y, h) => Point::Half(y.checked_add(n32)?, h),
                Point::Season(y, s) => Point::Season(y.checked_add(n32)?, s),
                Point::Year(y) => Point::Year(y.checked_add(n32)?),
                Point::Decade(_) | Point::Century(_) => return None,
            }),
            (Point::Decade(d), Unit::Decade) => Some(Point::Decade(d.checked_add(n32)?)),
            (Point::Century(c), Unit::Century) => Some(Point::Century(c.checked_add(n32)?)),
            (Point::Year(y), Unit::Decade) => {
                Some(Point::Year(y.checked_add(n32.checked_mul(10)?)?))
            }
            (Point::Year(y), Unit::Century) => {
                Some(Point::Year(y.checked_add(n32.checked_mul(100)?)?))
            }
            (Point::Quarter(y, q), Unit::Quarter) => {
                let idx = (y as i64) * 4 + (q as i64 - 1) + n;
                Some(Point::Quarter(
                    i32::try_from(idx.div_euclid(4)).ok()?,
                    (idx.rem_euclid(4) + 1) as u32,
                ))
            }
            (Point::Half(y, h), Unit::Half) => {
                let idx = (y as i64) * 2 + (h as i64 - 1) + n;
                Some(Point::Half(
                    i32::try_from(idx.div_euclid(2)).ok()?,
                    (idx.rem_euclid(2) + 1) as u32,
                ))
            }
            (Point::Season(y, s), Unit::Season) => {
                let idx = (y as i64) * 4 + season_index(s) as i64 + n;
                let s2 = SEASONS
                    .get(idx.rem_euclid(4) as usize)
                    .copied()
                    .unwrap_or("WI");
                Some(Point::Season(i32::try_from(idx.div_euclid(4)).ok()?, s2))
            }
            (Point::Month(y, m), Unit::Month) => {
                let d = NaiveDate::from_ymd_opt(y, m, 1)?;
                let d = add_months(d, n)?;
                Some(Point::Month(d.year(), d.month()))
            }
            (Point::Quarter(y, q), Unit::Month) if n % 3 == 0 => {
                Point::Quarter(y, q).shift(n / 3, Unit::Quarter)
            }
            (Point::Day(d), Unit::Month) => Some(Point::Day(add_months(d, n)?)),
            (Point::Day(d), Unit::Quarter) => Some(Point::Day(add_months(d, n.checked_mul(3)?)?)),
            (Point::Day(d), Unit::Week) => Some(Point::Day(add_days(d, n.checked_mul(7)?)?)),
            (Point::Day(d), Unit::Day | Unit::Hour | Unit::Minute | Unit::Second) => {
                let days = match unit {
                    Unit::Day => n,
                    Unit::Hour => n.div_euclid(24),
                    _ => 0,
                };
                Some(Point::Day(add_days(d, days)?))
            }
            (Point::Week(_, _) | Point::Weekend(_, _), Unit::Week | Unit::Weekend) => {
                let d = add_days(self.first_day()?, n.checked_mul(7)?)?;
                Some(Point::of(
                    d,
                    if matches!(self, Point::Weekend(..)) {
                        Unit::Weekend
                    } else {
                        Unit::Week
                    },
                ))
            }
            _ => {
                let d = self.first_day()?;
                let moved = Point::Day(d).shift(n, unit)?.first_day()?;
                Some(Point::of(moved, unit))
            }
        }
    }
}

impl std::fmt::Display for Point {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {
            Point::Day(d) => write!(f, "{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
            Point::Week(y, w) => write!(f, "{y:04}-W{w:02}"),
            Point::Weekend(y, w) => write!(f, "{y:04}-W{w:02}-WE"),
            Point::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            Point::Quarter(y, q) => write!(f, "{y:04}-Q{q}"),
            Point::Half(y, h) => write!(f, "{y:04}-H{h}"),
            Point::Season(y, s) => write!(f, "{y:04}-{s}"),
            Point::Year(y) => write!(f, "{y:04}"),
            Point::Decade(d) => write!(f, "{d:03}"),
            Point::Century(c) => write!(f, "{c:02}"),
        }
    }
}

/// Parses a TIMEX3 calendar value (`2023-06-03`, `2023-06`, `2023`, `2023-W23`,
/// `2023-Q2`, `2023-SU`, `199`, `2023-06-03T21:40` at day granularity).
pub fn parse_point(v: &str) -> Option<Point> {
    let b = v.as_bytes();
    let num = |r: std::ops::Range<usize>| -> Option<i32> {
        let s = v.get(r)?;
        if s.bytes().all(|c| c.is_ascii_digit()) && !s.is_empty() {
            s.parse().ok()
        } else {
            None
        }
    };
    match b.len() {
        2 => return Some(Point::Century(num(0..2)?)),
        3 => return Some(Point::Decade(num(0..3)?)),
        4 => return Some(Point::Year(num(0..4)?)),
        _ => {}
    }
    let y = num(0..4)?;
    if b.get(4) != Some(&b'-') {
        return None;
    }
    let rest = v.get(5..)?;
    if let Some(q) = rest.strip_prefix('Q') {
        let q: u32 = q.parse().ok()?;
        return (1..=4).contains(&q).then_some(Point::Quarter(y, q));
    }
    if let Some(h) = rest.strip_prefix('H') {
        let h: u32 = h.parse().ok()?;
        return (1..=2).contains(&h).then_some(Point::Half(y, h));
    }
    if let Some(w) = rest.strip_prefix('W') {
        if let Some(w) = w.strip_suffix("-WE") {
            return Some(Point::Weekend(y, w.parse().ok()?));
        }
        return Some(Point::Week(y, w.parse().ok()?));
    }
    for s in SEASONS {
        if rest == s {
            return Some(Point::Season(y, s));
        }
    }
    let m = num(5..7)? as u32;
    if b.len() == 7 {
        return (1..=12).contains(&m).then_some(Point::Month(y, m));
    }
    if b.get(7) != Some(&b'-') {
        return None;
    }
    let d = num(8..10)? as u32;
    NaiveDate::from_ymd_opt(y, m, d).map(Point::Day)
}

fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n as u64))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

fn add_months(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    let m = u32::try_from(n.unsigned_abs()).ok()?;
    if n >= 0 {
        d.checked_add_months(Months::new(m))
    } else {
        d.checked_sub_months(Months::new(m))
    }
}

/// Season (year, code) of a day; December counts to the next year's winter.
pub(crate) fn season_of(d: NaiveDate) -> (i32, &'static str) {
    match d.month() {
        3..=5 => (d.year(), "SP"),
        6..=8 => (d.year(), "SU"),
        9..=11 => (d.year(), "FA"),
        12 => (d.year() + 1, "WI"),
        _ => (d.year(), "WI"),
    }
}

/// Which occurrence of a weekday a bare weekday name means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// The most recent one on or before the anchor ("said on Sunday").
    OnOrBefore,
    /// The most recent one strictly before the anchor ("last Sunday").
    Before,
    /// The next one on or after the anchor ("will meet on Sunday", "this Sunday").
    OnOrAfter,
    /// The next one strictly after the anchor ("next Sunday").
    After,
}

/// A relative temporal expression, to be resolved against an anchor day.
#[derive(Debug, Clone, PartialEq)]
pub enum Relative {
    /// `amount` units from the anchor ("two days after" = +2 days, "the day before" =
    /// -1 day, "last week" = -1 week), given at the granularity of `unit`.
    Shift {
        /// Signed amount.
        amount: i64,
        /// The unit.
        unit: Unit,
    },
    /// A weekday seen from the anchor.
    Weekday {
        /// The weekday.
        weekday: Weekday,
        /// Which occurrence.
        direction: Direction,
    },
    /// The anchor's own day, with an optional part of day or clock time suffix
    /// (`TEV`, `TNI`, `T21:40`), e.g. "hours later", "that night".
    Same {
        /// Suffix appended to the day (`""` for none).
        suffix: String,
    },
}

/// Resolves a [`Relative`] expression against `anchor`, returning a TIMEX3 value
/// (`2023-06-05`, `2023-W22`, `2023-06-02TNI`), or `None` when out of range.
///
/// This is the helper the link stage uses once it has dated an event: e.g. the
/// `relative` of "two days after the blast" resolved with the blast's date.
pub fn resolve_relative(rel: &Relative, anchor: NaiveDate) -> Option<String> {
    match rel {
        Relative::Shift { amount, unit } => {
            let p = Point::of(anchor, *unit).shift(*amount, *unit)?;
            Some(p.to_string())
        }
        Relative::Weekday { weekday, direction } => {
            Some(Point::Day(weekday_from(anchor, *weekday, *direction)?).to_string())
        }
        Relative::Same { suffix } => Some(format!("{}{}", Point::Day(anchor), suffix)),
    }
}

/// The occurrence of `wd` relative to `anchor` in the given direction.
pub fn weekday_from(anchor: NaiveDate, wd: Weekday, dir: Direction) -> Option<NaiveDate> {
    let a = anchor.weekday().num_days_from_monday() as i64;
    let w = wd.num_days_from_monday() as i64;
    let back = (a - w).rem_euclid(7);
    let fwd = (w - a).rem_euclid(7);
    let off = match dir {
        Direction::OnOrBefore => -back,
        Direction::Before => -(if back == 0 { 7 } else { back }),
        Direction::OnOrAfter => fwd,
        Direction::After => {
            if fwd == 0 {
                7
            } else {
                fwd
            }
        }
    };
    add_days(anchor, off)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap_or_default()
    }

    #[test]
    fn points_round_trip() {
        for v in [
            "2023-06-03",
            "2023-06",
            "2023",
            "2023-W23",
            "2023-Q2",
            "2023-SU",
            "199",
            "20",
            "2023-W05-WE",
            "1989-H1",
        ] {
            assert_eq!(parse_point(v).map(|p| p.to_string()).as_deref(), Some(v));
        }
        assert_eq!(parse_point("2023-02-30"), None);
        assert_eq!(parse_point("PXD"), None);
    }

    #[test]
    fn shifts() {
        assert_eq!(
            Point::Quarter(1989, 3).shift(-1, Unit::Year),
            Some(Point::Quarter(1988, 3))
        );
        assert_eq!(
            Point::Quarter(1989, 1).shift(-1, Unit::Quarter),
            Some(Point::Quarter(1988, 4))
        );
        assert_eq!(
            Point::Day(d(2023, 6, 3)).shift(2, Unit::Day),
            Some(Point::Day(d(2023, 6, 5)))
        );
        assert_eq!(
            Point::Month(2023, 1).shift(-1, Unit::Month),
            Some(Point::Month(2022, 12))
        );
        assert_eq!(Point::of(d(2023, 6, 6), Unit::Week).to_string(), "2023-W23");
    }

    #[test]
    fn relative_helper() {
        let anchor = d(2023, 6, 3);
        let r = Relative::Shift {
            amount: 2,
            unit: Unit::Day,
        };
        assert_eq!(resolve_relative(&r, anchor).as_deref(), Some("2023-06-05"));
        let r = Relative::Weekday {
            weekday: Weekday::Fri,
            direction: Direction::OnOrAfter,
        };
        assert_eq!(
            resolve_relative(&r, d(2023, 6, 6)).as_deref(),
            Some("2023-06-09")
        );
        let r = Relative::Same {
            suffix: "TNI".into(),
        };
        assert_eq!(
            resolve_relative(&r, anchor).as_deref(),
            Some("2023-06-03TNI")
        );
        assert_eq!(
            weekday_from(d(2023, 6, 5), Weekday::Sun, Direction::OnOrBefore),
            Some(d(2023, 6, 4))
        );
        assert_eq!(
            weekday_from(d(2023, 6, 4), Weekday::Sun, Direction::Before),
            Some(d(2023, 5, 28))
        );
        assert_eq!(
            weekday_from(d(2023, 6, 4), Weekday::Sun, Direction::After),
            Some(d(2023, 6, 11))
        );
    }
}
