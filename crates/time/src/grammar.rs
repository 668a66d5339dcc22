//! Recognition: a hand-written grammar over tokens producing uninterpreted meanings.

use corroborate_model::TimeType;

use crate::lex::{self, Kind, Tok, Unit};
use crate::value::{Direction, Point};

/// What a matched expression means, before resolution.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Sem {
    /// A literal value (durations, sets, refs).
    Lit(String),
    /// A fully explicit calendar point.
    Abs(Point),
    /// "11/09/2010": month-first or day-first, as `pick_reading` (in lib.rs) decides
    /// from the DCT; turned into `Abs` before resolution.
    EitherDay(chrono::NaiveDate, chrono::NaiveDate),
    /// Month and maybe day, year from context.
    PartDate { m: u32, d: Option<u32> },
    /// Month and maybe day in "last year" / "this year".
    RelYearDate { m: u32, d: Option<u32>, yoff: i32 },
    /// A weekday; `dir` None means by tense.
    Weekday {
        wd: u32,
        dir: Option<Direction>,
        this: bool,
    },
    /// A weekday relative to the previous mention ("the previous Friday").
    PrevWeekday { wd: u32, dir: Direction },
    /// Shift from the DCT.
    Dct { n: i64, unit: Unit },
    /// "N units ago".
    Ago { n: i64, unit: Unit },
    /// Shift from the previous mention (`keep`: keep its granularity).
    Prev { n: i64, unit: Unit, keep: bool },
    /// Shift from an event, whose date may be given.
    Event {
        n: i64,
        unit: Unit,
        inner: Option<Box<Sem>>,
        /// The event's noun ("blast", "concert"), when named.
        noun: Option<String>,
    },
    /// "in the weeks before the shooting": the month of an event, named by its noun or
    /// by the kind of happening its verb tells; unknown when the text does not date it.
    AroundEvent { noun: String },
    /// An ordinal quarter with maybe a year; `yoff` a year offset from the DCT.
    Quarter {
        q: u32,
        y: Option<i32>,
        yoff: Option<i32>,
    },
    /// "the quarter", "the latest quarter" (`latest`: the last one over).
    TheQuarter { latest: bool },
    /// The quarter holding a date ("the quarter ended Sept. 30").
    QuarterOf(Box<Sem>),
    /// "the year-earlier quarter", "the year-ago results"; `quarter`: a quarter is
    /// named ("the year-earlier quarter", "last year's quarter").
    YearAgoQuarter { quarter: bool },
    /// A half year with maybe a year.
    Half { h: u32, y: Option<i32> },
    /// A season; `rel` -1 last, 0 this, 1 next, None bare.
    Season {
        s: &'static str,
        y: Option<i32>,
        rel: Option<i64>,
    },
    /// "last May", "this September".
    MonthRel { m: u32, rel: i64 },
    /// Unknown date ("days later").
    Unknown,
    /// "the weekend": the one before or after the DCT by tense.
    TheWeekend,
    /// "the week" with no date: a week of the DCT's year, which one unsaid.
    TheWeek,
    /// A holiday: (month, day) or a rule, with the year from context.
    Holiday(Holiday),
}

/// Holidays with a date rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Holiday {
    /// A fixed month and day.
    Fixed(u32, u32),
    /// US Thanksgiving: fourth Thursday of November.
    Thanksgiving,
    /// US Election Day: the Tuesday after the first Monday of November.
    ElectionDay,
    /// A day this many days from Easter Sunday (Western): 0 Easter, -2 Good Friday.
    Easter(i64),
}

/// A match: tokens `[start, end)`.
#[derive(Debug, Clone)]
pub(crate) struct M {
    pub start: usize,
    pub end: usize,
    pub kind: TimeType,
    pub sem: Sem,
    pub pod: Option<&'static str>,
    pub clock: Option<(u32, u32)>,
    /// Token span of a date inside an event-anchored expression ("June 3" in "two
    /// days after the June 3 blast"): it is also reported as a mention of its own.
    pub nested: Option<(usize, usize)>,
    /// The length of an anchored duration ("three days later"): TimeML's reading.
    pub duration: Option<String>,
}

pub(crate) struct G<'a> {
    pub t: &'a [Tok],
}

const MODS1: &[&str] = &[
    "about",
    "around",
    "nearly",
    "almost",
    "roughly",
    "approximately",
    "some",
    "just",
    "barely",
    "only",
];

/// TimeML's reading of a count of units from the time just told ("three days later", "an
/// hour earlier"): a duration of that length. Years and longer stay dates, as TimeBank's
/// annotators read "a year earlier" (the year-ago period), and so does a count from a
/// named event ("ten days before the murder").
fn counted(unit: Unit, n: Option<f64>) -> Option<String> {
    match unit {
        Unit::Year
        | Unit::Decade
        | Unit::Century
        | Unit::Quarter
        | Unit::Half
        | Unit::Season
        | Unit::Weekend => None,
        _ => Some(unit.duration(n)),
    }
}

/// The value of "the 1990s" named by its first year: the decade's first three digits
/// (`199`), or a century's two for a round hundred ("the 1900s": `19`; not 2000).
fn decade_of_year(y: i32) -> String {
    if y % 100 == 0 && y != 2000 {
        format!("{:02}", y / 100)
    } else {
        decade_value(y / 10)
    }
}

/// A named decade ("the 1990s"): the first three digits (`199`).
fn decade_value(d: i32) -> String {
    format!("{d:03}")
}

fn dur_kind() -> TimeType {
    TimeType::DURATION
}

impl<'a> G<'a> {
    fn w(&self, i: usize) -> &str {
        self.t.get(i).map(|t| t.low.as_str()).unwrap_or("")
    }

    fn is(&self, i: usize, s: &str) -> bool {
        self.w(i) == s
    }

    fn any(&self, i: usize, ss: &[&str]) -> bool {
        let w = self.w(i);
        ss.contains(&w)
    }

    fn kind(&self, i: usize) -> Option<Kind> {
        self.t.get(i).map(|t| t.kind)
    }

    fn cap(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.cap)
    }

    /// Token `i` follows token `i-1` without whitespace.
    fn glued(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| !t.sp)
    }

    fn numval(&self, i: usize) -> Option<i64> {
        let t = self.t.get(i)?;
        if t.kind == Kind::Num && t.low.len() <= 9 {
            t.low.parse().ok()
        } else {
            None
        }
    }

    fn ndigits(&self, i: usize) -> usize {
        match self.t.get(i) {
            Some(t) if t.kind == Kind::Num => t.low.len(),
            _ => 0,
        }
    }

    /// A number: digits or words. Returns (value or None for fuzzy, next index).
    fn number(&self, i: usize, allow_a: bool) -> Option<(Option<f64>, usize)> {
        let w = self.w(i);
        if let Some(v) = self.numval(i) {
            // decimal
            if self.is(i + 1, ".")
                && self.glued(i + 1)
                && self.glued(i + 2)
                && let Some(frac) = self.t.get(i + 2).filter(|t| t.kind == Kind::Num)
            {
                let s = format!("{v}.{}", frac.low);
                return Some((s.parse().ok(), i + 3));
            }
            // thousands "1,000"
            if self.is(i + 1, ",")
                && self.glued(i + 1)
                && self.glued(i + 2)
                && self.ndigits(i + 2) == 3
            {
                let w2 = self.numval(i + 2)?;
                return Some((Some((v * 1000 + w2) as f64), i + 3));
            }
            // a mixed fraction: "2 1/2"
            if self.kind(i + 1) == Some(Kind::Num)
                && self.is(i + 2, "/")
                && self.glued(i + 2)
                && self.glued(i + 3)
                && let (Some(a), Some(b)) = (self.numval(i + 1), self.numval(i + 3))
                && (2..=4).contains(&b)
                && (1..b).contains(&a)
            {
                return Some((Some(v as f64 + a as f64 / b as f64), i + 4));
            }
            return Some((Some(v as f64), i + 1));
        }
        if let Some(v) = lex::small_number(w) {
            let mut v = v;
            let mut j = i + 1;
            if v >= 20 && v % 10 == 0 {
                if self.is(j, "-") && self.glued(j) && self.glued(j + 1) {
                    if let Some(u) = lex::small_number(self.w(j + 1)).filter(|u| *u < 10) {
                        v += u;
                        j += 2;
                    }
                } else if let Some(u) = lex::small_number(self.w(j)).filter(|u| *u < 10 && *u > 0) {
                    v += u;
                    j += 1;
                }
            }
            if self.is(j, "hundred") {
                v *= 100;
                j += 1;
            }
            // "two thousand years": a count, when a unit follows (else "two thousand"
            // may be the year)
            if self.is(j, "thousand") && lex::unit(self.w(j + 1)).is_some() {
                v *= 1000;
                j += 1;
            }
            if w == "dozen" {
                return None;
            }
            return Some((Some(v as f64), j));
        }
        match w {
            "a" | "an" if allow_a => {
                if self.is(i + 1, "couple") && self.is(i + 2, "of") {
                    return Some((Some(2.0), i + 3));
                }
                if self.is(i + 1, "few") {
                    return Some((None, i + 2));
                }
                if self.is(i + 1, "dozen") {
                    return Some((Some(12.0), i + 2));
                }
                // "almost a hundred years"
                if self.is(i + 1, "hundred") {
                    return Some((Some(100.0), i + 2));
                }
                if self.is(i + 1, "thousand") {
                    return Some((Some(1000.0), i + 2));
                }
                if self.is(i + 1, "number") && self.is(i + 2, "of") {
                    return Some((None, i + 3));
                }
                Some((Some(1.0), i + 1))
            }
            "couple" if self.is(i + 1, "of") => Some((Some(2.0), i + 2)),
            "few" | "several" | "many" | "numerous" => Some((None, i + 1)),
            "dozens" | "hundreds" | "thousands" if self.is(i + 1, "of") => Some((None, i + 2)),
            _ => None,
        }
    }

    /// A unit after a number, allowing "five-year" and "and a half".
    fn unit_at(&self, i: usize) -> Option<(Unit, bool, usize)> {
        let mut j = i;
        if self.any(
            j,
            &[
                "more",
                "additional",
                "straight",
                "consecutive",
                "full",
                "long",
            ],
        ) && lex::unit(self.w(j + 1)).is_some_and(|(_, pl)| pl)
        {
            j += 1;
        } else if self.any(j, &["additional", "extra", "further"])
            && lex::unit(self.w(j + 1)).is_some()
        {
            // "an additional year"
            j += 1;
        }
        if self.is(j, "-") && self.glued(j) && self.glued(j + 1) {
            j += 1;
        }
        let (u, pl) = lex::unit(self.w(j))?;
        // "a week-long strike": the compound is the duration (`extras`), not "a week"
        if self.is(j + 1, "-") && self.glued(j + 1) && self.is(j + 2, "long") && self.glued(j + 2) {
            return None;
        }
        Some((u, pl, j + 1))
    }

    /// A four-digit year token at `i`, with guards against quantities.
    fn year(&self, i: usize, loose: bool) -> Option<i32> {
        if self.ndigits(i) != 4 {
            return None;
        }
        let y = self.numval(i)? as i32;
        if !(1000..=2199).contains(&y) {
            return None;
        }
        if i > 0
            && self.any(
                i - 1,
                &[
                    "$", "£", "€", "#", "no", "number", "route", "flight", "room",
                ],
            )
        {
            return None;
        }
        if self.any(
            i + 1,
            &[
                "%", "percent", "people", "troops", "workers", "men", "feet", "meters", "km",
                "miles",
            ],
        ) || self.any(i + 1, ZONES)
        {
            return None;
        }
        if self.is(i + 1, ",") && self.glued(i + 1) && self.ndigits(i + 2) == 3 {
            return None;
        }
        if self.is(i + 1, ".") && self.glued(i + 1) && self.glued(i + 2) && self.ndigits(i + 2) > 0
        {
            return None;
        }
        if self.is(i + 1, ":") && self.glued(i + 1) {
            return None;
        }
        // "the 1000-member church", "a 2000-year-old coin": a compound modifier, not a
        // year ("the 2008-09 season" still is one).
        if self.is(i + 1, "-")
            && self.glued(i + 1)
            && self.glued(i + 2)
            && self
                .w(i + 2)
                .chars()
                .next()
                .is_some_and(|c| c.is_alphabetic())
        {
            return None;
        }
        if !loose && y < 1900 {
            let ok = i > 0
                && self.any(
                    i - 1,
                    &[
                        "in", "since", "of", "from", "until", "by", "to", "before", "after",
                        "year", "the", "during", "through",
                    ],
                );
            if !ok {
                return None;
            }
        }
        Some(y)
    }

    /// An event noun at `i`, possibly after up to two lowercase modifiers ("the deadly
    /// blast"): returns its index.
    fn event_noun(&self, i: usize) -> Option<usize> {
        for k in i..i + 3 {
            let t = self.t.get(k)?;
            if t.kind != Kind::Word
                || t.cap
                || is_function_word(&t.low)
                || lex::unit(&t.low).is_some()
            {
                return None;
            }
            if is_event_noun(&t.low) {
                return Some(k);
            }
            // a hyphenated compound: "the break-in", "the sit-in", "the shoot-out"
            if self.is(k + 1, "-")
                && self.glued(k + 1)
                && self.glued(k + 2)
                && matches!(
                    (t.low.as_str(), self.w(k + 2)),
                    ("break" | "sit", "in")
                        | ("shoot" | "walk", "out")
                        | ("stand" | "face", "off")
                        | ("cease", "fire")
                        | ("run" | "play", "off")
                        | ("take" | "hand", "over")
                )
            {
                return Some(k + 2);
            }
        }
        None
    }

    /// The event noun ending at `end` as written, a compound whole ("break-in").
    fn noun_text(&self, end: usize) -> String {
        if end >= 2 && self.is(end - 1, "-") && self.glued(end - 1) && self.glued(end) {
            format!("{}-{}", self.w(end - 2), self.w(end))
        } else {
            self.w(end).to_string()
        }
    }

    /// A spelled year: "nineteen ninety-six", "two thousand".
    fn spelled_year(&self, i: usize) -> Option<(i32, usize)> {
        let w = self.w(i);
        if w == "two" && self.is(i + 1, "thousand") {
            let mut y = 2000;
            let mut end = i + 2;
            let mut k = end;
            if self.is(k, "and") {
                k += 1;
            }
            if let Some(u) = lex::small_number(self.w(k)).filter(|u| *u < 20) {
                y += u as i32;
                end = k + 1;
            }
            return Some((y, end));
        }
        if !matches!(w, "nineteen" | "twenty") {
            return None;
        }
        let century = if w == "nineteen" { 1900 } else { 2000 };
        let t = lex::small_number(self.w(i + 1)).filter(|t| *t >= 20 && *t % 10 == 0)?;
        let mut y = century + t;
        let mut end = i + 2;
        if self.is(end, "-")
            && self.glued(end)
            && let Some(u) = lex::small_number(self.w(end + 1)).filter(|u| *u < 10)
        {
            y += u;
            end += 2;
        }
        if lex::unit(self.w(end)).is_some() {
            return None;
        }
        Some((y as i32, end))
    }

    /// A year after a month or season: digits, spelled, or "last year".
    fn year_after(&self, i: usize) -> Option<(Result<i32, i32>, usize)> {
        let mut k = i;
        if self.is(k, ",") || self.is(k, "of") {
            k += 1;
        }
        if let Some(y) = self.year(k, true) {
            return Some((Ok(y), k + 1));
        }
        if let Some((y, e)) = self.spelled_year(k) {
            return Some((Ok(y), e));
        }
        if self.any(i, &["last", "this", "next"]) && self.is(i + 1, "year") && !self.is(i + 2, "'")
        {
            let off = match self.w(i) {
                "last" => -1,
                "next" => 1,
                _ => 0,
            };
            return Some((Err(off), i + 2));
        }
        None
    }

    /// Day-of-month number at `i` (1..31, digits or ordinal).
    fn day(&self, i: usize) -> Option<u32> {
        let t = self.t.get(i)?;
        let v = match t.kind {
            Kind::Num if t.low.len() <= 2 => t.low.parse::<u32>().ok()?,
            Kind::Alnum | Kind::Word => u32::try_from(lex::ordinal(&t.low)?).ok()?,
            _ => return None,
        };
        if !(1..=31).contains(&v) {
            return None;
        }
        // not a clock time or a decimal
        if (self.is(i + 1, ":") || self.is(i + 1, "."))
            && self.glued(i + 1)
            && self.kind(i + 2) == Some(Kind::Num)
            && self.glued(i + 2)
        {
            return None;
        }
        Some(v)
    }

    /// A month name at `i` (with an optional dot), returns (month, next).
    fn month(&self, i: usize, strict: bool) -> Option<(u32, usize)> {
        let w = self.w(i);
        let m = lex::month(w)?;
        if !self.cap(i) {
            return None;
        }
        let mut j = i + 1;
        if lex::month_is_abbrev(w) {
            if self.is(j, ".") && self.glued(j) {
                j += 1;
            } else if w == "mar"
                || w == "jun"
                || w == "jul"
                || w == "dec"
                || w == "jan"
                || w == "aug"
                || w == "oct"
                || w == "nov"
                || w == "feb"
                || w == "apr"
                || w == "sep"
                || w == "sept"
            {
                // a bare abbreviation needs a day or year after it
                if self.day(j).is_none() && self.year(j, true).is_none() {
                    return None;
                }
            }
        }
        if strict && (w == "may" || w == "march") {
            // must have a day, a year, or a temporal preposition before
            let before = i > 0
                && self.any(
                    i - 1,
                    &[
                        "in", "of", "since", "until", "early", "late", "mid", "last", "next",
                        "this", "by", "before", "after", "during", "through", "from", "to", "-",
                    ],
                );
            // "the March accession", "the May elections": a month before the noun it
            // dates (not "the March for Life", "the May of her youth")
            let attributive = i > 0
                && self.is(i - 1, "the")
                && self.kind(j) == Some(Kind::Word)
                && !self.cap(j)
                && !is_function_word(self.w(j))
                && lex::unit(self.w(j)).is_none();
            if !before && !attributive && self.day(j).is_none() && self.year(j, true).is_none() {
                return None;
            }
        }
        Some((m, j))
    }

    /// Optional "early|mid|late|the end of|..." prefix; returns next index.
    fn edge_prefix(&self, i: usize) -> usize {
        let mut j = i;
        if self.any(j, &["early", "late", "mid"]) {
            j += 1;
            if self.is(j, "-") && self.glued(j) {
                j += 1;
            }
            return j;
        }
        if self.is(j, "the")
            && self.any(j + 1, &["end", "beginning", "start", "middle", "close"])
            && self.is(j + 2, "of")
        {
            return j + 3;
        }
        if self.any(j, &["end", "beginning", "start", "middle"]) && self.is(j + 1, "of") {
            return j + 2;
        }
        j
    }

    /// Month-first dates: "June 3", "June 3, 2023", "June 2023", "June".
    fn month_date(&self, i: usize) -> Option<(Sem, usize)> {
        let (m, j) = self.month(i, true)?;
        if let Some(d) = self.day(j) {
            let k = j + 1;
            match self.year_after(k) {
                Some((Ok(y), e)) => {
                    return chrono::NaiveDate::from_ymd_opt(y, m, d)
                        .map(|dd| (Sem::Abs(Point::Day(dd)), e));
                }
                Some((Err(off), e)) => {
                    return Some((
                        Sem::RelYearDate {
                            m,
                            d: Some(d),
                            yoff: off,
                        },
                        e,
                    ));
                }
                None => {}
            }
            if self.kind(j) == Some(Kind::Num) && self.any(k, &["%", "percent"]) {
                return None;
            }
            return Some((Sem::PartDate { m, d: Some(d) }, k));
        }
        match self.year_after(j) {
            Some((Ok(y), e)) => return Some((Sem::Abs(Point::Month(y, m)), e)),
            Some((Err(off), e)) => {
                return Some((
                    Sem::RelYearDate {
                        m,
                        d: None,
                        yoff: off,
                    },
                    e,
                ));
            }
            None => {}
        }
        Some((Sem::PartDate { m, d: None }, j))
    }

    /// Day-first dates: "3 June 2023", "the 3rd of June".
    fn day_month(&self, i: usize) -> Option<(Sem, usize)> {
        let mut j = i;
        if self.is(j, "the") {
            j += 1;
        }
        let d = self.day(j)?;
        j += 1;
        if self.is(j, "of") {
            j += 1;
        } else if j == i + 2 {
            return None;
        }
        let (m, mut k) = self.month(j, false)?;
        let mut kk = k;
        if self.is(kk, ",") {
            kk += 1;
        }
        if let Some(y) = self.year(kk, true) {
            k = kk + 1;
            return chrono::NaiveDate::from_ymd_opt(y, m, d)
                .map(|dd| (Sem::Abs(Point::Day(dd)), k));
        }
        Some((Sem::PartDate { m, d: Some(d) }, k))
    }

    fn numeric_date(&self, i: usize) -> Option<(Sem, usize)> {
        let a = self.numval(i)?;
        let sep = self.w(i + 1).to_string();
        if !(sep == "-" || sep == "/" || sep == ".") || !self.glued(i + 1) || !self.glued(i + 2) {
            return None;
        }
        let b = self.numval(i + 2)?;
        if !(self.is(i + 3, &sep) && self.glued(i + 3) && self.glued(i + 4)) {
            // "the 9/11 attacks", "since 9/11": the day of the 2001 attacks, a name
            // more than a date
            let w = |k: usize| self.t.get(k).map_or("", |t| t.low.as_str());
            if sep == "/"
                && (a, b) == (9, 11)
                && self.ndigits(i) == 1
                && (names_the_attacks(self.t, i + 3)
                    || i.checked_sub(1).is_some_and(|p| {
                        matches!(w(p), "since" | "after" | "before" | "post" | "pre")
                    }))
            {
                return chrono::NaiveDate::from_ymd_opt(2001, 9, 11)
                    .map(|d| (Sem::Abs(Point::Day(d)), i + 3));
            }
            return None;
        }
        let c = self.numval(i + 4)?;
        let (y, m, d) = if self.ndigits(i) == 4 && sep == "-" {
            (a, b, c)
        } else if self.ndigits(i + 4) == 4 {
            if sep == "/" && a <= 12 {
                (c, a, b)
            } else {
                (c, b, a)
            }
        } else {
            return None;
        };
        let date = chrono::NaiveDate::from_ymd_opt(
            i32::try_from(y).ok()?,
            u32::try_from(m).ok()?,
            u32::try_from(d).ok()?,
        )?;
        if sep == "/" && m != d && d <= 12 && self.ndigits(i + 4) == 4 {
            // both readings are dates: the DCT decides
            let other = chrono::NaiveDate::from_ymd_opt(
                i32::try_from(y).ok()?,
                u32::try_from(d).ok()?,
                u32::try_from(m).ok()?,
            )?;
            return Some((Sem::EitherDay(date, other), i + 5));
        }
        Some((Sem::Abs(Point::Day(date)), i + 5))
    }

    /// An ISO date-time "2023-06-03T21:40" (the "03T21" part is one token).
    fn iso_datetime(&self, i: usize) -> Option<(chrono::NaiveDate, (u32, u32), usize)> {
        if self.ndigits(i) != 4
            || !self.is(i + 1, "-")
            || self.ndigits(i + 2) != 2
            || !self.is(i + 3, "-")
        {
            return None;
        }
        if !(1..=4).all(|k| self.glued(i + k)) {
            return None;
        }
        let t = self.t.get(i + 4)?;
        let (d, h) = t.low.split_once('t')?;
        if d.len() != 2 || h.len() != 2 {
            return None;
        }
        let (d, h): (u32, u32) = (d.parse().ok()?, h.parse().ok()?);
        if !(self.is(i + 5, ":") && self.glued(i + 5) && self.ndigits(i + 6) == 2) {
            return None;
        }
        let mi = u32::try_from(self.numval(i + 6)?).ok()?;
        let mut end = i + 7;
        if self.is(end, ":") && self.glued(end) && self.ndigits(end + 1) == 2 {
            end += 2;
        }
        if self.is(end, "z") && self.glued(end) {
            end += 1;
        }
        let y = i32::try_from(self.numval(i)?).ok()?;
        let m = u32::try_from(self.numval(i + 2)?).ok()?;
        let date = chrono::NaiveDate::from_ymd_opt(y, m, d)?;
        (h <= 24 && mi <= 59).then_some((date, (h, mi), end))
    }

    /// Any explicit date expression (used after a weekday, or as an event's date).
    fn any_date(&self, i: usize) -> Option<(Sem, usize)> {
        self.numeric_date(i)
            .or_else(|| self.month_date(i))
            .or_else(|| self.day_month(i))
            .or_else(|| {
                self.year(i, false)
                    .map(|y| (Sem::Abs(Point::Year(y)), i + 1))
            })
    }

    /// A clock time at `i`: returns ((h, m), next).
    fn clock(&self, i: usize) -> Option<((u32, u32), usize)> {
        let w = self.w(i);
        // "midnight rules", "high noon", "a midday meal": idioms, no time; "at noon",
        // "midnight Friday", "noon today", "the midnight deadline" are times
        let attribute = || match w {
            "midnight" => self.any(
                i + 1,
                &[
                    "rules",
                    "regulations",
                    "regulation",
                    "oil",
                    "snack",
                    "sun",
                    "madness",
                    "mass",
                    "express",
                ],
            ),
            "midday" => self.any(i + 1, &["meal", "sun", "heat"]),
            _ => i > 0 && self.is(i - 1, "high"),
        };
        match w {
            "noon" | "midday" | "midnight" if attribute() => {
                return None;
            }
            "noon" | "midday" => return Some(((12, 0), i + 1)),
            "midnight" => return Some(((24, 0), i + 1)),
            _ => {}
        }
        let h = u32::try_from(self.numval(i)?).ok()?;
        if self.ndigits(i) == 4 && self.any(i + 1, ZONES) {
            // "at about 2045 GMT": a 24-hour clock time, not a year
            let (h, m) = (h / 100, h % 100);
            return (h <= 23 && m <= 59).then_some(((h, m), i + 2));
        }
        if self.ndigits(i) > 2 {
            return None;
        }
        let mut j = i + 1;
        let mut m = 0;
        let mut has_min = false;
        if self.is(j, ":") && self.glued(j) && self.glued(j + 1) && self.ndigits(j + 1) == 2 {
            m = u32::try_from(self.numval(j + 1)?).ok()?;
            j += 2;
            has_min = true;
            if self.is(j, ":") && self.glued(j) && self.ndigits(j + 1) == 2 {
                j += 2;
            }
        } else if self.is(j, ".")
            && self.glued(j)
            && self.glued(j + 1)
            && self.ndigits(j + 1) == 2
            && self.ampm(j + 2).is_some()
        {
            m = u32::try_from(self.numval(j + 1)?).ok()?;
            j += 2;
            has_min = true;
        }
        let mut h = h;
        if let Some((pm, k)) = self.ampm(j) {
            if !(1..=12).contains(&h) {
                return None;
            }
            if pm && h < 12 {
                h += 12;
            } else if !pm && h == 12 {
                h = 0;
            }
            j = k;
        } else if self.is(j, "o") && self.is(j + 1, "'") && self.is(j + 2, "clock") {
            j += 3;
        } else if (1..=12).contains(&h)
            && i > 0
            && self.any(
                i - 1,
                &["at", "by", "around", "about", "until", "before", "after"],
            )
            && self.is(j, "in")
            && self.is(j + 1, "the")
            && self.any(j + 2, &["morning", "afternoon", "evening"])
        {
            // "at 4 in the morning", "by 6 in the evening"
            let pm = !self.is(j + 2, "morning");
            if pm && h < 12 {
                h += 12;
            } else if !pm && h == 12 {
                h = 0;
            }
            j += 3;
        } else if !has_min {
            return None;
        }
        if h > 24 || m > 59 {
            return None;
        }
        // time zone
        if self.any(
            j,
            &[
                "gmt", "utc", "edt", "est", "cdt", "cst", "pdt", "pst", "bst", "cet", "cest",
                "eet", "eest", "msk",
            ],
        ) && self.t.get(j).is_some_and(|t| t.low.len() >= 3 && t.s > 0)
        {
            j += 1;
        } else if self.is(j, "local") && self.is(j + 1, "time") {
            j += 2;
        }
        Some(((h, m), j))
    }

    /// "am", "pm", "a.m.", "p.m." at `i`: (is_pm, next).
    fn ampm(&self, i: usize) -> Option<(bool, usize)> {
        match self.w(i) {
            "am" => return Some((false, i + 1)),
            "pm" => return Some((true, i + 1)),
            "a" | "p" => {}
            _ => return None,
        }
        let pm = self.is(i, "p");
        if self.is(i + 1, ".") && self.glued(i + 1) && self.is(i + 2, "m") && self.glued(i + 2) {
            let mut j = i + 3;
            if self.is(j, ".") && self.glued(j) {
                j += 1;
            }
            return Some((pm, j));
        }
        None
    }

    /// "at 9:40 p.m." / ", 9:40 p.m." after a day expression.
    fn clock_after(&self, i: usize) -> Option<((u32, u32), usize)> {
        let mut j = i;
        if self.is(j, ",") {
            j += 1;
        }
        if self.any(j, &["at", "around", "about"]) {
            j += 1;
            if self.is(j, "about") || self.is(j, "around") {
                j += 1;
            }
        }
        self.clock(j)
    }

    /// A day expression that a clock time may attach to: weekdays, relative days, dates.
    fn day_expr(&self, i: usize) -> Option<(Sem, Option<&'static str>, usize)> {
        if let Some(wd) = lex::weekday(self.w(i)).filter(|_| self.cap(i)) {
            // "Saturday, Jan. 15": the date the weekday names
            if self.is(i + 1, ",")
                && let Some((date, k)) = self.month_date(i + 2).or_else(|| self.day_month(i + 2))
            {
                return Some((date, None, k));
            }
            return Some((
                Sem::Weekday {
                    wd,
                    dir: None,
                    this: false,
                },
                None,
                i + 1,
            ));
        }
        match self.w(i) {
            "today" => {
                return Some((
                    Sem::Dct {
                        n: 0,
                        unit: Unit::Day,
                    },
                    None,
                    i + 1,
                ));
            }
            "yesterday" => {
                return Some((
                    Sem::Dct {
                        n: -1,
                        unit: Unit::Day,
                    },
                    None,
                    i + 1,
                ));
            }
            "tomorrow" => {
                return Some((
                    Sem::Dct {
                        n: 1,
                        unit: Unit::Day,
                    },
                    None,
                    i + 1,
                ));
            }
            "tonight" => {
                return Some((
                    Sem::Dct {
                        n: 0,
                        unit: Unit::Day,
                    },
                    Some("TNI"),
                    i + 1,
                ));
            }
            _ => {}
        }
        let (s, j) = self
            .numeric_date(i)
            .or_else(|| self.month_date(i))
            .or_else(|| self.day_month(i))?;
        match s {
            Sem::Abs(Point::Day(_)) | Sem::EitherDay(..) | Sem::PartDate { d: Some(_), .. } => {
                Some((s, None, j))
            }
            _ => None,
        }
    }

    fn mk(&self, start: usize, end: usize, kind: TimeType, sem: Sem) -> M {
        M {
            start,
            end,
            kind,
            sem,
            pod: None,
            clock: None,
            nested: None,
            duration: None,
        }
    }

    /// All candidate matches starting at `i`; the caller keeps the longest.
    pub(crate) fn candidates(&self, i: usize, out: &mut Vec<M>) {
        let Some(tok) = self.t.get(i) else { return };
        let w = tok.low.as_str();
        let trigger = match tok.kind {
            Kind::Num | Kind::Alnum => true,
            Kind::Word => lex::is_trigger(w),
            Kind::Punct => w == "'",
        };
        if !trigger {
            return;
        }
        // modifiers before numbers and clocks
        let mut j = i;
        if self.any(j, MODS1) {
            j += 1;
        } else if (self.any(j, &["more", "less", "fewer"]) && self.is(j + 1, "than"))
            || (self.is(j, "at") && self.any(j + 1, &["least", "most"]))
            || (self.is(j, "up") && self.is(j + 1, "to"))
        {
            j += 2;
        }
        if j > i {
            let mut inner = Vec::new();
            self.numeric_rules(j, &mut inner);
            if let Some(((h, m), k)) = self.clock(j) {
                inner.push(self.clock_match(j, (h, m), k));
            }
            for mut m in inner {
                m.start = i;
                out.push(m);
            }
            if self.is(i, "some") && self.is(i + 1, "time") {
                out.push(self.mk(i, i + 2, dur_kind(), Sem::Lit("PXX".into())));
            }
        }
        self.numeric_rules(i, out);
        self.word_rules(i, out);
        self.second_day(i, out);
        self.drop_non_times(i, out);
        // "he hopes to one day lead", "Portvale will one day be": an indefinite future,
        // not a stretch of one day
        if self.one_day_ahead(i) {
            for m in out.iter_mut().filter(|m| m.end == i + 2) {
                m.kind = TimeType::DATE;
                m.sem = Sem::Lit("FUTURE_REF".into());
                m.duration = None;
            }
        }
        // "the quarter ended Sept. 30": the quarter of that date
        for m in out.iter_mut() {
            if matches!(m.sem, Sem::TheQuarter { .. }) && self.any(m.end, &["ended", "ending"]) {
                // the date stays a mention of its own; it only tells which quarter
                if let Some((s, _)) = self.month_date(m.end + 1) {
                    m.sem = Sem::QuarterOf(Box::new(s));
                }
            }
        }
    }

    /// Whether "one day" at `i` means some day in the future: after a modal or "to"
    /// ("will one day be", "hopes to one day lead"), or between a subject pronoun and a
    /// verb ("he one day follow").
    fn one_day_ahead(&self, i: usize) -> bool {
        if !(self.is(i, "one") && self.is(i + 1, "day")) {
            return false;
        }
        let Some(p) = i.checked_sub(1) else {
            return false;
        };
        // (a bare verb after "day": "to one day lead", "he one day follow"; not "limited
        // to one day", "they one day hired a guide")
        let verb_next = self.kind(i + 2) == Some(Kind::Word)
            && !self.cap(i + 2)
            && !is_function_word(self.w(i + 2))
            && lex::unit(self.w(i + 2)).is_none()
            && !self.w(i + 2).ends_with("ed");
        let modal = self.any(
            p,
            &[
                "will", "would", "could", "can", "may", "might", "shall", "should", "must",
            ],
        );
        let to = self.is(p, "to") && verb_next;
        let subject = self.any(p, &["he", "she", "they", "we", "i", "you"]) && verb_next;
        modal || to || subject
    }

    /// The second day of "April 24 and 25", "June 3-4": a date in the month just named.
    fn second_day(&self, i: usize, out: &mut Vec<M>) {
        if self.kind(i) != Some(Kind::Num) || i < 3 {
            return;
        }
        let Some(d) = self.day(i) else { return };
        if !self.any(i - 1, &["and", "to", "through", "-", "or"]) || self.day(i - 2).is_none() {
            return;
        }
        let Some((m, j)) = self.month(i - 3, false) else {
            return;
        };
        if j != i - 2
            || lex::month(self.w(i + 1)).is_some()
            || lex::unit(self.w(i + 1)).is_some()
            || self.any(i + 1, &["%", "percent"])
        {
            return;
        }
        let (sem, end) = match self.year_after(i + 1) {
            Some((Ok(y), e)) => match chrono::NaiveDate::from_ymd_opt(y, m, d) {
                Some(dd) => (Sem::Abs(Point::Day(dd)), e),
                None => return,
            },
            _ => (Sem::PartDate { m, d: Some(d) }, i + 1),
        };
        out.push(self.mk(i, end, TimeType::DATE, sem));
    }

    /// Removes candidates that look temporal but are not, in TimeBank's reading: ages
    /// ("52 years old"), fractions ("three-quarters of its food"), "High Noon", "today's
    /// youth", "average daily volume".
    fn drop_non_times(&self, i: usize, out: &mut Vec<M>) {
        let prev = if i > 0 { self.w(i - 1) } else { "" };
        out.retain(|m| {
            let first = self.w(m.start);
            let last = self.w(m.end.saturating_sub(1));
            let next = self.w(m.end);
            if m.kind == TimeType::DURATION && matches!(next, "old" | "older" | "younger") {
                return false;
            }
            if last == "quarters" && next == "of" && self.is(m.end.saturating_sub(2), "-") {
                return false;
            }
            // "the quarter-to-quarter comparison", "day-to-day": a compound adjective
            if lex::unit(last).is_some() && next == "-" && self.is(m.end + 1, "to") {
                return false;
            }
            // "the people of tomorrow": the future in general, not the day after the DCT
            if first == "tomorrow" && prev == "of" {
                return false;
            }
            // newspapers: "told the Herald on Sunday", "the Mail on Sunday"
            if m.end == m.start + 1
                && first == "sunday"
                && prev == "on"
                && i >= 2
                && self.cap(i - 2)
                && matches!(
                    self.w(i - 2),
                    "herald" | "mail" | "independent" | "scotland" | "wales"
                )
                && !(i >= 3 && self.cap(i - 3) && self.w(i - 3) != "the")
            {
                return false;
            }
            // titles: ABC's "This Week", "VOA Today", "USA Today"
            if m.end == m.start + 2
                && first == "this"
                && last == "week"
                && self.cap(m.start)
                && self.cap(m.start + 1)
                && matches!(prev, "\"" | "`" | "'" | "``")
            {
                return false;
            }
            if m.end == m.start + 1
                && first == "today"
                && self.cap(m.start)
                && m.start > 0
                && self.kind(m.start - 1) == Some(Kind::Word)
                && self.cap(m.start - 1)
                && !self.t.get(m.start).is_some_and(|t| t.nl)
                && self.t.get(m.start - 1).is_some_and(|t| {
                    t.low.len() >= 2 && !matches!(t.low.as_str(), "on" | "by" | "until" | "and")
                })
            {
                return false;
            }
            // "not a day before": an idiom
            if first == "a" && prev == "not" {
                return false;
            }
            if first == "noon" && prev == "high" {
                return false;
            }
            if first == "today"
                && m.end == m.start + 1
                && next == "'"
                && self.is(m.end + 1, "s")
                && self.any(
                    m.end + 2,
                    &[
                        "youth",
                        "world",
                        "society",
                        "generation",
                        "children",
                        "kids",
                        "young",
                        "personal",
                        "standards",
                        "economy",
                        "market",
                        "markets",
                    ],
                )
            {
                return false;
            }
            if first == "daily" && m.end == m.start + 1 && prev == "average" {
                return false;
            }
            // a rate, "$500 million a year", "four flights a week", "10,000 units
            // annually": a quantity per unit of time, not a time
            let rate = (m.end == m.start + 2
                && first == "a"
                && matches!(last, "year" | "week" | "day" | "month"))
                || (m.end == m.start + 1 && first == "annually");
            if rate && (self.after_quantity(m.start) || self.after_time_count(m.start)) {
                return false;
            }
            // "24 hours a day", "seven days a week": a frequency, not a stretch of time
            if m.kind == TimeType::DURATION
                && m.end >= m.start + 2
                && lex::unit(last).is_some_and(|(_, plural)| plural)
                && next == "a"
                && lex::unit(self.w(m.end + 1)).is_some_and(|(_, plural)| !plural)
            {
                return false;
            }
            // an amount of money measured in time: "a bonus of six months of base pay"
            let pay = |k: usize| self.any(k, &["pay", "salary", "wages", "severance", "rent"]);
            if m.kind == TimeType::DURATION && next == "of" && (pay(m.end + 1) || pay(m.end + 2)) {
                return false;
            }
            // a year in a name or a model: "a venture called Norby 1990", "her 1987
            // Chevrolet"
            if m.end == m.start + 1 && self.name_year(m.start) {
                return false;
            }
            true
        });
    }

    /// Whether a count of time units ends just before token `i`: "24 hours" in "24 hours
    /// a day".
    fn after_time_count(&self, i: usize) -> bool {
        let Some(p) = i.checked_sub(1) else {
            return false;
        };
        lex::unit(self.w(p)).is_some_and(|(_, plural)| plural)
            && p > 0
            && (self.kind(p - 1) == Some(Kind::Num) || lex::small_number(self.w(p - 1)).is_some())
    }

    /// Whether the four-digit year at `i` is part of a name or a model designation: right
    /// after a capitalised word inside a sentence ("called Norby 1990", not "In 1990",
    /// "May 1990", "Christmas 1990"), or right before a car maker ("a 1987 Chevrolet").
    fn name_year(&self, i: usize) -> bool {
        if self.kind(i) != Some(Kind::Num) || self.ndigits(i) != 4 {
            return false;
        }
        const MAKERS: &[&str] = &[
            "chevrolet",
            "chevy",
            "ford",
            "buick",
            "cadillac",
            "pontiac",
            "oldsmobile",
            "dodge",
            "chrysler",
            "plymouth",
            "toyota",
            "honda",
            "nissan",
            "datsun",
            "mazda",
            "subaru",
            "volkswagen",
            "volvo",
            "saab",
            "bmw",
            "porsche",
            "audi",
            "hyundai",
        ];
        if self.cap(i + 1) && self.any(i + 1, MAKERS) {
            return true;
        }
        let Some(p) = i.checked_sub(1) else {
            return false;
        };
        let w = self.w(p);
        let inside = p > 0
            && self
                .t
                .get(p - 1)
                .is_some_and(|t| t.kind == Kind::Word && !t.cap && !t.nl)
            && !self.t.get(p).is_some_and(|t| t.nl);
        self.kind(p) == Some(Kind::Word)
            && self.cap(p)
            && inside
            && !is_function_word(w)
            && lex::month(w).is_none()
            && lex::season(w).is_none()
            && lex::weekday(w).is_none()
            && !matches!(
                w,
                "fiscal"
                    | "calendar"
                    | "christmas"
                    | "easter"
                    | "thanksgiving"
                    | "spring"
                    | "early"
                    | "late"
                    | "mid"
                    | "since"
                    | "until"
                    | "during"
                    | "through"
                    | "year"
                    | "model"
                    | "class"
                    | "fy"
                    | "ramadan"
                    | "diwali"
                    | "hanukkah"
                    | "passover"
                    | "eid"
                    | "lent"
                    | "advent"
                    | "summer"
                    | "autumn"
                    | "fall"
                    | "winter"
            )
            // (a place after a preposition, then the year as subject: "in Portvale 2030
            // was a hard year")
            && !(p > 0 && self.any(p - 1, &["in", "during", "at", "for", "since", "by", "of"]))
    }

    /// Whether the word at `i` follows a capitalised word inside a sentence, as part of a
    /// name ("Coach Tom Easter"; not "During Easter" opening a sentence).
    fn name_part(&self, i: usize) -> bool {
        i > 1
            && self.cap(i - 1)
            && !self.t.get(i).is_some_and(|t| t.nl)
            && self.kind(i - 1) == Some(Kind::Word)
            && self.kind(i - 2) == Some(Kind::Word)
    }

    /// Whether a quantity ends just before token `i`: "$2 million", "20%", "358,000",
    /// "four flights".
    fn after_quantity(&self, i: usize) -> bool {
        let Some(p) = i.checked_sub(1) else {
            return false;
        };
        let quantity = |k: usize| {
            self.kind(k) == Some(Kind::Num)
                || self.any(
                    k,
                    &[
                        "%", "percent", "million", "billion", "thousand", "hundred", "cents",
                    ],
                )
                || lex::small_number(self.w(k)).is_some()
        };
        if quantity(p) {
            return true;
        }
        // a counted plural noun: "four flights a week", "fifty thousand CDs a year"
        let w = self.w(p);
        p > 0
            && self.kind(p) == Some(Kind::Word)
            && w.len() > 3
            && w.ends_with('s')
            && lex::unit(w).is_none()
            && quantity(p - 1)
    }

    fn clock_match(&self, i: usize, clock: (u32, u32), k: usize) -> M {
        // "9 a.m. Tuesday", "4 in the morning"
        let mut end = k;
        let mut sem = Sem::Unknown;
        let mut clock = clock;
        if self.is(end, "in")
            && self.is(end + 1, "the")
            && let Some(p) = lex::part_of_day(self.w(end + 2))
        {
            if (p == "TAF" || p == "TEV" || p == "TNI") && clock.0 < 12 {
                clock.0 += 12;
                if clock.0 == 24 && p == "TNI" {
                    clock.0 = 0;
                }
            }
            end += 3;
        }
        let mut j = end;
        if self.is(j, ",") {
            j += 1;
        }
        if self.is(j, "on") {
            j += 1;
        }
        let mut nested = None;
        if let Some((s, _p, k2)) = self.day_expr(j) {
            sem = s;
            end = k2;
        } else if j == end
            && (self.kind(j) == Some(Kind::Num) || lex::small_number(self.w(j)).is_some())
        {
            // "at 6 a.m. ten days before the shooting": one time, the clock on the day
            // the count from the event gives
            let mut after = Vec::new();
            self.numeric_rules(j, &mut after);
            if let Some(m) = after
                .into_iter()
                .filter(|m| m.start == j && matches!(m.sem, Sem::Event { .. }))
                .max_by_key(|m| m.end)
            {
                sem = m.sem;
                end = m.end;
                nested = m.nested;
            }
        }
        M {
            start: i,
            end,
            kind: TimeType::TIME,
            sem,
            pod: None,
            clock: Some(clock),
            nested,
            duration: None,
        }
    }

    /// Rules that start with a number (or "a"): durations, ago, later, clocks, dates.
    fn numeric_rules(&self, i: usize, out: &mut Vec<M>) {
        if let Some((date, clock, end)) = self.iso_datetime(i) {
            let mut m = self.mk(i, end, TimeType::TIME, Sem::Abs(Point::Day(date)));
            m.clock = Some(clock);
            out.push(m);
        }
        if let Some(((h, m), k)) = self.clock(i) {
            out.push(self.clock_match(i, (h, m), k));
        }
        if let Some((s, k)) = self.numeric_date(i) {
            let mut m = self.mk(i, k, TimeType::DATE, s);
            if let Some((c, k2)) = self.clock_after(k) {
                m.clock = Some(c);
                m.end = k2;
            } else if self.is(k, "t") && self.glued(k) {
                // ISO "2023-06-03T21:40" tokenizes as ... "03T21" only when glued: handled loosely
            }
            out.push(m);
        }
        if let Some((s, k)) = self.day_month(i) {
            let mut m = self.mk(i, k, TimeType::DATE, s);
            if let Some((c, k2)) = self.clock_after(k) {
                m.clock = Some(c);
                m.end = k2;
            }
            out.push(m);
        }
        // years and decades
        if let Some(y) = self.year(i, false) {
            // "the 1930's": a decade (not "2029's flood")
            if y % 10 == 0
                && i.checked_sub(1)
                    .is_some_and(|p| self.any(p, &["the", "early", "mid", "late", "-"]))
                && self.any(i + 1, &["'", "\u{2019}"])
                && self.glued(i + 1)
                && self.is(i + 2, "s")
                && self.glued(i + 2)
            {
                out.push(self.mk(i, i + 3, TimeType::DATE, Sem::Lit(decade_of_year(y))));
                return;
            }
            out.push(self.mk(i, i + 1, TimeType::DATE, Sem::Abs(Point::Year(y))));
        }
        if let Some(t) = self.t.get(i)
            && t.kind == Kind::Alnum
            && let Some(d) = t
                .low
                .strip_suffix('s')
                .filter(|d| d.len() == 4 && d.bytes().all(|b| b.is_ascii_digit()))
            && let Ok(y) = d.parse::<i32>()
        {
            out.push(self.mk(i, i + 1, TimeType::DATE, Sem::Lit(decade_of_year(y))));
        }
        // number + unit
        let Some((n, j)) = self.number(i, true) else {
            return;
        };
        let is_a = self.any(i, &["a", "an"]);
        // "eight trading days", "five business days": a count of working days, which
        // spans more calendar days than it counts, so it is a length and shifts no date
        if self.any(j, &["trading", "business", "working"])
            && let Some((Unit::Day, _, k)) = self.unit_at(j + 1)
            && !self.any(i, &["a", "an"])
        {
            out.push(self.mk(i, k, dur_kind(), Sem::Lit(Unit::Day.duration(n))));
            return;
        }
        let Some((unit, plural, mut k)) = self.unit_at(j) else {
            // "two to three weeks", "12 to 18 months"
            if (self.is(j, "to") || self.is(j, "or") || (self.is(j, "-") && self.glued(j)))
                && let Some((_, j2)) = self.number(j + 1, false)
                && let Some((unit, _, k)) = self.unit_at(j2)
            {
                out.push(self.mk(i, k, dur_kind(), Sem::Lit(unit.duration(None))));
            }
            return;
        };
        if is_a && plural && j == i + 1 {
            return;
        }
        // "a second attempt", "a quarter of the vote", "one day he will"
        let follow = self.w(k);
        let anchored = matches!(follow, "ago" | "later" | "earlier" | "before" | "after");
        if is_a
            && j == i + 1
            && !anchored
            && (unit == Unit::Second || (unit == Unit::Quarter && follow == "of"))
        {
            return;
        }
        // "60 Minutes" (a title)
        if self.cap(j) && !self.cap(i) && !self.t.get(j).is_some_and(|t| t.nl) {
            return;
        }
        // ages: "the 6-year-old"
        if self.is(k, "-") && self.any(k + 1, &["old", "olds"]) {
            return;
        }
        let mut n = n;
        if self.is(k, "and") && self.is(k + 1, "a") && self.is(k + 2, "half") {
            n = n.map(|v| v + 0.5);
            k += 3;
        }
        let hyphen_adj = self.is(j, "-");
        let int_n = n.filter(|v| v.fract() == 0.0).map(|v| v as i64);
        // ago / later / before ...
        let w = self.w(k);
        let signed = |sign: i64| int_n.map(|v| v * sign);
        if !hyphen_adj {
            match w {
                "ago" | "back" if w == "ago" || self.is(k + 1, ".") => {
                    let sem = match signed(-1) {
                        Some(v) => Sem::Ago { n: v, unit },
                        None => Sem::Lit("PAST_REF".into()),
                    };
                    out.push(self.mk(i, k + 1, TimeType::DATE, sem));
                    return;
                }
                "earlier" | "later" | "afterwards" | "afterward" | "previously" | "before"
                | "after" | "prior" | "on" | "beforehand" => {
                    let sign = if matches!(
                        w,
                        "earlier" | "previously" | "before" | "prior" | "beforehand"
                    ) {
                        -1
                    } else {
                        1
                    };
                    if w == "on"
                        && self.kind(k + 1) == Some(Kind::Word)
                        && !self.any(k + 1, &[",", "."])
                        && !self.t.get(k + 1).is_none_or(|t| t.kind == Kind::Punct)
                    {
                        // "two days on Friday": not "on" as "later"
                    } else {
                        // event anchored: "two days after the June 3 blast", "two days before the vote"
                        if matches!(w, "after" | "before" | "prior") {
                            let mut e = k + 1;
                            if w == "prior" {
                                if !self.is(e, "to") {
                                    return;
                                }
                                e += 1;
                            }
                            let mut e2 = e;
                            if self.any(e2, &["the", "a", "an", "its", "their", "his", "her"]) {
                                e2 += 1;
                            }
                            if let Some((inner, e3)) = self.any_date(e2) {
                                let noun_at = self.event_noun(e3);
                                let end = noun_at.map_or(e3, |x| x + 1);
                                if let Some(v) = signed(sign) {
                                    let nested = Some((e2, e3));
                                    let mut m = self.mk(
                                        i,
                                        end,
                                        TimeType::DATE,
                                        Sem::Event {
                                            n: v,
                                            unit,
                                            inner: Some(Box::new(inner)),
                                            noun: noun_at.map(|x| self.noun_text(x)),
                                        },
                                    );
                                    m.nested = nested;
                                    out.push(m);
                                }
                                return;
                            }
                            if e2 > e
                                && self.is(e, "the")
                                && let Some(nk) = self.event_noun(e2)
                            {
                                if let Some(v) = signed(sign) {
                                    out.push(self.mk(
                                        i,
                                        nk + 1,
                                        TimeType::DATE,
                                        Sem::Event {
                                            n: v,
                                            unit,
                                            inner: None,
                                            noun: Some(self.noun_text(nk)),
                                        },
                                    ));
                                }
                                return;
                            }
                            if self.t.get(e).is_some_and(|t| t.kind != Kind::Punct) {
                                // "two days after they met": leave as a duration
                                out.push(self.mk(
                                    i,
                                    j.max(k),
                                    dur_kind(),
                                    Sem::Lit(unit.duration(n)),
                                ));
                                return;
                            }
                        }
                        let sem = match signed(sign) {
                            Some(_) if unit.is_clock() => Sem::Prev {
                                n: 0,
                                unit: Unit::Day,
                                keep: false,
                            },
                            Some(v) => Sem::Prev {
                                n: v,
                                unit,
                                keep: is_a && unit == Unit::Year,
                            },
                            None if unit.is_clock() => Sem::Prev {
                                n: 0,
                                unit: Unit::Day,
                                keep: false,
                            },
                            None => Sem::Unknown,
                        };
                        let mut m = self.mk(i, k + 1, TimeType::DATE, sem);
                        m.duration = counted(unit, n);
                        out.push(m);
                        return;
                    }
                }
                "from" if self.is(k + 1, "now") => {
                    if let Some(v) = signed(1) {
                        out.push(self.mk(i, k + 2, TimeType::DATE, Sem::Dct { n: v, unit }));
                    }
                    return;
                }
                _ => {}
            }
        }
        // SET: "twice a week", "5 dollars a year" are not handled; "a week" is a duration
        let prev_word = if i > 0 { self.w(i - 1) } else { "" };
        if is_a && matches!(prev_word, "once" | "twice" | "times" | "thrice") {
            out.push(self.mk(i - 1, k, TimeType::SET, Sem::Lit(unit.duration(Some(1.0)))));
            return;
        }
        if unit == Unit::Quarter && n.is_some() && !plural && !is_a {
            return; // "third quarter" handled by quarter rules
        }
        out.push(self.mk(i, k, dur_kind(), Sem::Lit(unit.duration(n))));
    }

    fn word_rules(&self, i: usize, out: &mut Vec<M>) {
        let w = self.w(i);
        let cap = self.cap(i);
        // refs
        let lit = |v: &str| Sem::Lit(v.to_string());
        match w {
            "now" | "currently" | "presently" | "nowadays" => {
                out.push(self.mk(i, i + 1, TimeType::DATE, lit("PRESENT_REF")))
            }
            "current"
                if !self.any(
                    i + 1,
                    &[
                        "account",
                        "accounts",
                        "affairs",
                        "events",
                        "president",
                        "chairman",
                        "members",
                        "and",
                        "-",
                        "law",
                        "laws",
                        "system",
                        "rules",
                        "crisis",
                        "leadership",
                        "government",
                        "administration",
                        "policy",
                        "flow",
                        "flows",
                    ],
                ) =>
            {
                out.push(self.mk(i, i + 1, TimeType::DATE, lit("PRESENT_REF")))
            }
            "recently" | "lately" | "previously" => {
                out.push(self.mk(i, i + 1, TimeType::DATE, lit("PAST_REF")))
            }
            "future"
                if i > 0 && self.any(i - 1, &["in", "for", "near", "distant", "foreseeable"]) =>
            {
                out.push(self.mk(i, i + 1, TimeType::DATE, lit("FUTURE_REF")))
            }
            "at" if self.is(i + 1, "present") => {
                out.push(self.mk(i, i + 2, TimeType::DATE, lit("PRESENT_REF")))
            }
            "these" if self.is(i + 1, "days") => {
                out.push(self.mk(i, i + 2, TimeType::DATE, lit("PRESENT_REF")))
            }
            "the" => {
                let mut j = i + 1;
                if self.any(j, &["near", "distant", "foreseeable"]) {
                    j += 1;
                }
                match self.w(j) {
                    "future" => out.push(self.mk(i, j + 1, TimeType::DATE, lit("FUTURE_REF"))),
                    // (not "the past three summers", "the past few seasons": a stretch)
                    "past" if j == i + 1 && self.number(j + 1, false).is_none() => {
                        out.push(self.mk(i, j + 1, TimeType::DATE, lit("PAST_REF")))
                    }
                    "present" if j == i + 1 => {
                        out.push(self.mk(i, j + 1, TimeType::DATE, lit("PRESENT_REF")))
                    }
                    _ => {}
                }
            }
            _ => {}
        }
        // "twice as high this year as last": the unit of "this year" is understood
        if w == "last"
            && i >= 4
            && self.any(i - 1, &["as", "than"])
            && self.t.get(i + 1).is_none_or(|t| t.kind == Kind::Punct)
            && let Some(unit) = (i.saturating_sub(6)..i - 1).find_map(|k| {
                (self.is(k, "this") && !self.is(k + 2, "'"))
                    .then(|| lex::unit(self.w(k + 1)))
                    .flatten()
                    .filter(|(u, plural)| {
                        !plural
                            && matches!(u, Unit::Year | Unit::Month | Unit::Week | Unit::Quarter)
                    })
                    .map(|(u, _)| u)
            })
        {
            out.push(self.mk(i, i + 1, TimeType::DATE, Sem::Dct { n: -1, unit }));
        }
        // "at a later date": some time ahead
        if w == "a" && self.is(i + 1, "later") && self.any(i + 2, &["date", "time", "stage"]) {
            out.push(self.mk(i, i + 3, TimeType::DATE, lit("FUTURE_REF")));
        }
        // "sell programs in past years": some time before now, as "recent years"
        if w == "past"
            && !(i > 0 && self.any(i - 1, &["the", "this", "these", "its", "their"]))
            && self.any(i + 1, &["years", "decades"])
        {
            out.push(self.mk(i, i + 2, TimeType::DATE, lit("PAST_REF")));
        }
        // "sales in the latest fiscal year": the last year over
        if w == "the"
            && self.any(i + 1, &["latest", "last"])
            && self.is(i + 2, "fiscal")
            && self.is(i + 3, "year")
            && !self.any(i + 4, &["'", "ended", "ending", "ends", "to"])
        {
            let sem = Sem::Dct {
                n: -1,
                unit: Unit::Year,
            };
            out.push(self.mk(i, i + 4, TimeType::DATE, sem));
        }
        // "for a while", "after a long while": an unsaid length of time
        if w == "a" && i > 0 && self.any(i - 1, &["for", "after", "quite", "in"]) {
            let j = if self.is(i + 1, "long") { i + 2 } else { i + 1 };
            if self.is(j, "while") {
                out.push(self.mk(i, j + 1, dur_kind(), lit("PXX")));
            }
        }
        // sets
        match w {
            "daily" | "nightly" => out.push(self.mk(i, i + 1, TimeType::SET, lit("P1D"))),
            "weekly" => out.push(self.mk(i, i + 1, TimeType::SET, lit("P1W"))),
            "monthly" => out.push(self.mk(i, i + 1, TimeType::SET, lit("P1M"))),
            "yearly" | "annually" | "annual" if w != "annual" => {
                out.push(self.mk(i, i + 1, TimeType::SET, lit("P1Y")))
            }
            "hourly" => out.push(self.mk(i, i + 1, TimeType::SET, lit("PT1H"))),
            "every" | "each" => {
                let mut j = i + 1;
                if self.is(j, "other") {
                    j += 1;
                }
                let (n, j2) = match self.number(j, false) {
                    Some((Some(v), k)) => (if self.is(i + 1, "other") { v * 2.0 } else { v }, k),
                    _ => (if self.is(i + 1, "other") { 2.0 } else { 1.0 }, j),
                };
                if let Some((u, _)) = lex::unit(self.w(j2)) {
                    out.push(self.mk(i, j2 + 1, TimeType::SET, Sem::Lit(u.duration(Some(n)))));
                } else if let Some(wd) = lex::weekday(self.w(j)) {
                    let mut end = j + 1;
                    let mut v = format!("XXXX-WXX-{wd}");
                    if let Some(p) = lex::part_of_day(self.w(end)) {
                        v.push_str(p);
                        end += 1;
                    }
                    out.push(self.mk(i, end, TimeType::SET, Sem::Lit(v)));
                } else if let Some(p) = lex::part_of_day(self.w(j)) {
                    out.push(self.mk(i, j + 1, TimeType::SET, Sem::Lit(format!("XXXX-XX-XX{p}"))));
                } else if let Some(s) = lex::season(self.w(j)) {
                    out.push(self.mk(i, j + 1, TimeType::SET, Sem::Lit(format!("XXXX-{s}"))));
                } else if let Some(mo) = lex::month(self.w(j)).filter(|_| self.cap(j)) {
                    // "each July", "every March": that month of every year
                    out.push(self.mk(i, j + 1, TimeType::SET, Sem::Lit(format!("XXXX-{mo:02}"))));
                }
            }
            _ => {}
        }
        if cap && let Some(wd) = lex::weekday_plural(w) {
            out.push(self.mk(i, i + 1, TimeType::SET, Sem::Lit(format!("XXXX-WXX-{wd}"))));
        }
        self.extras(i, out);
        // "a 20th century democrat", "the 11th century temple" (with "the": `decades`)
        if let Some(o) = lex::ordinal(w)
            && self.is(i + 1, "century")
            && (1..=30).contains(&o)
        {
            out.push(self.mk(i, i + 2, TimeType::DATE, Sem::Lit(format!("{:02}", o - 1))));
        }
        // "mid-2023", "early 2019", "the end of 2019"
        let j = self.edge_prefix(i);
        if j > i
            && let Some(y) = self.year(j, true)
        {
            out.push(self.mk(i, j + 1, TimeType::DATE, Sem::Abs(Point::Year(y))));
        }
        self.reldays(i, out);
        self.unitrel(i, out);
        self.weekdays(i, out);
        self.months(i, out);
        self.seasons(i, out);
        self.quarters(i, out);
        self.theday(i, out);
        self.fuzzy_durations(i, out);
        self.decades(i, out);
    }

    fn extras(&self, i: usize, out: &mut Vec<M>) {
        let w = self.w(i);
        // "a day-long meeting", "a decades-long battle": a duration of one or of some
        if let Some((unit, plural)) = lex::unit(w)
            && self.is(i + 1, "-")
            && self.glued(i + 1)
            && self.is(i + 2, "long")
            && self.glued(i + 2)
            && !(i > 0 && self.is(i - 1, "-"))
        {
            let n = if plural { None } else { Some(1.0) };
            out.push(self.mk(i, i + 3, dur_kind(), Sem::Lit(unit.duration(n))));
        }
        let lit = |v: &str| Sem::Lit(v.to_string());
        // "today is the eighth day of the operation", "it's the second day of": the DCT
        if w == "the"
            && i > 0
            && self.any(i - 1, &["is", "s"])
            && self.any(
                i + 1,
                &[
                    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                    "ninth", "tenth", "eleventh", "twelfth",
                ],
            )
            && self.is(i + 2, "day")
            && self.is(i + 3, "of")
        {
            out.push(self.mk(
                i,
                i + 3,
                TimeType::DATE,
                Sem::Dct {
                    n: 0,
                    unit: Unit::Day,
                },
            ));
        }
        // "the full year", "the fiscal year" (the current one), "the fiscal year ended
        // June 30" (a span of a year)
        if w == "the" && self.any(i + 1, &["full", "fiscal"]) && self.is(i + 2, "year") {
            let n = self.w(i + 3);
            if !matches!(
                n,
                "-" | "'" | "before" | "after" | "earlier" | "later" | "ago"
            ) && self.year(i + 3, true).is_none()
            {
                let sem = if matches!(n, "ended" | "ending" | "end" | "through" | "to") {
                    Sem::Lit("P1Y".to_string())
                } else {
                    Sem::Dct {
                        n: 0,
                        unit: Unit::Year,
                    }
                };
                let kind = if matches!(sem, Sem::Lit(_)) {
                    dur_kind()
                } else {
                    TimeType::DATE
                };
                out.push(self.mk(i, i + 3, kind, sem));
            }
        }
        if w == "the" {
            match (self.w(i + 1), self.w(i + 2)) {
                ("weekend", _) => out.push(self.mk(i, i + 2, TimeType::DATE, Sem::TheWeekend)),
                // "for the week, the index fell 3.8%", "the week's most active session"
                ("week", n)
                    if !matches!(
                        n,
                        "of" | "ended"
                            | "ahead"
                            | "ending"
                            | "before"
                            | "after"
                            | "earlier"
                            | "later"
                            | "ago"
                            | "-"
                            | "end"
                            | "to"
                            | "through"
                            | "following"
                            | "prior"
                            | "beginning"
                            | "starting"
                    ) =>
                {
                    out.push(self.mk(i, i + 2, TimeType::DATE, Sem::TheWeek))
                }
                ("year", n)
                    if !matches!(
                        n,
                        "-" | "'" | "before" | "after" | "earlier" | "later" | "ago"
                    ) && self.year(i + 2, true).is_none() =>
                {
                    // "the year ended Sept. 30" is a span of a year; otherwise "for the
                    // year", "earlier in the year" name the current one (TimeBank)
                    if matches!(n, "ended" | "ending" | "end" | "through" | "to") {
                        out.push(self.mk(i, i + 2, dur_kind(), lit("P1Y")))
                    } else {
                        out.push(self.mk(
                            i,
                            i + 2,
                            TimeType::DATE,
                            Sem::Dct {
                                n: 0,
                                unit: Unit::Year,
                            },
                        ))
                    }
                }
                ("near" | "short", "term") => {
                    out.push(self.mk(i, i + 3, TimeType::DATE, lit("FUTURE_REF")))
                }
                ("weeks" | "months" | "years" | "days", "ahead") => {
                    if let Some((u, _)) = lex::unit(self.w(i + 1)) {
                        out.push(self.mk(i, i + 3, dur_kind(), Sem::Lit(u.duration(None))));
                    }
                }
                ("end" | "close", "of")
                    if self.is(i + 3, "the")
                        && self.any(i + 4, &["year", "month", "week", "quarter"]) =>
                {
                    if let Some((u, _)) = lex::unit(self.w(i + 4)) {
                        out.push(self.mk(i, i + 5, TimeType::DATE, Sem::Dct { n: 0, unit: u }));
                    }
                }
                ("latest" | "recent", "period") => {
                    out.push(self.mk(i, i + 3, TimeType::DATE, Sem::TheQuarter { latest: true }))
                }
                _ => {}
            }
        }
        // "by year-end", "by year's end", "since year end": the end of the current year
        // (or of the last one, looking back with "since"), at year precision
        if w == "year" {
            let k = if self.is(i + 1, "-") && self.glued(i + 1) {
                i + 2
            } else if self.is(i + 1, "'") && self.is(i + 2, "s") {
                i + 3
            } else {
                i + 1
            };
            let next = self.w(k + 1);
            if self.is(k, "end")
                && (self.kind(k + 1) == Some(Kind::Punct) || next.is_empty())
                && !matches!(
                    self.w(i.wrapping_sub(1)),
                    "the" | "a" | "this" | "last" | "next"
                )
            {
                let n = if self.is(i.wrapping_sub(1), "since") {
                    -1
                } else {
                    0
                };
                out.push(self.mk(
                    i,
                    k + 1,
                    TimeType::DATE,
                    Sem::Dct {
                        n,
                        unit: Unit::Year,
                    },
                ));
            }
        }
        // spelled years: "nineteen ninety-six", "the year two thousand"
        if let Some((y, end)) = self.spelled_year(i) {
            out.push(self.mk(i, end, TimeType::DATE, Sem::Abs(Point::Year(y))));
        }
        if w == "the"
            && self.is(i + 1, "year")
            && let Some((y, end)) = self
                .spelled_year(i + 2)
                .or_else(|| self.year(i + 2, true).map(|y| (y, i + 3)))
        {
            out.push(self.mk(i, end, TimeType::DATE, Sem::Abs(Point::Year(y))));
        }
        // holidays
        if self.cap(i) {
            let (h, len) = match (w, self.w(i + 1), self.w(i + 2), self.w(i + 3)) {
                ("christmas", "eve", _, _) => (Some(Holiday::Fixed(12, 24)), 2),
                ("christmas", "day", _, _) => (Some(Holiday::Fixed(12, 25)), 2),
                ("christmas", _, _, _) => (Some(Holiday::Fixed(12, 25)), 1),
                ("new", "year", "'", "s") if self.any(i + 4, &["day", "eve"]) => {
                    let md = if self.is(i + 4, "eve") {
                        (12, 31)
                    } else {
                        (1, 1)
                    };
                    (Some(Holiday::Fixed(md.0, md.1)), 5)
                }
                ("independence", "day", _, _) => (Some(Holiday::Fixed(7, 4)), 2),
                ("halloween", _, _, _) => (Some(Holiday::Fixed(10, 31)), 1),
                ("thanksgiving", "day", _, _) => (Some(Holiday::Thanksgiving), 2),
                ("thanksgiving", _, _, _) => (Some(Holiday::Thanksgiving), 1),
                ("election", "day", _, _) => (Some(Holiday::ElectionDay), 2),
                ("good", "friday", _, _) if self.cap(i + 1) => (Some(Holiday::Easter(-2)), 2),
                ("palm", "sunday", _, _) if self.cap(i + 1) => (Some(Holiday::Easter(-7)), 2),
                ("easter", "sunday", _, _) => (Some(Holiday::Easter(0)), 2),
                ("easter", "monday", _, _) => (Some(Holiday::Easter(1)), 2),
                ("easter", "week", _, _) => {
                    // "as Easter week began": the week that ends on Easter Sunday
                    out.push(self.mk(
                        i,
                        i + 2,
                        TimeType::DATE,
                        Sem::Event {
                            n: 0,
                            unit: Unit::Week,
                            inner: Some(Box::new(Sem::Holiday(Holiday::Easter(0)))),
                            noun: None,
                        },
                    ));
                    (None, 0)
                }
                // not "Easter Island", "Easter eggs", "the Easter Rising"
                // (nor a name: "Coach Tom Easter", "Easter Road", "the Easter Seals")
                ("easter", next, _, _)
                    if !matches!(next, "island" | "egg" | "eggs" | "bunny" | "rising")
                        && !self.cap(i + 1)
                        && !self.name_part(i) =>
                {
                    (Some(Holiday::Easter(0)), 1)
                }
                _ => (None, 0),
            };
            if let Some(h) = h {
                out.push(self.mk(i, i + len, TimeType::DATE, Sem::Holiday(h)));
            }
        }
    }

    fn reldays(&self, i: usize, out: &mut Vec<M>) {
        let mut j = i;
        if self.any(j, &["early", "late", "earlier", "later"]) {
            j += 1;
        }
        // "mid-afternoon", "mid morning", "midafternoon", "late afternoon", "early
        // morning": that part of the day of the DCT
        let part = |w: &str| matches!(w, "morning" | "afternoon" | "evening");
        let mid_part = match self.w(j) {
            "midmorning" => Some(("morning", j + 1)),
            "midafternoon" => Some(("afternoon", j + 1)),
            "mid" if self.is(j + 1, "-") && part(self.w(j + 2)) => Some((self.w(j + 2), j + 3)),
            "mid" if part(self.w(j + 1)) => Some((self.w(j + 1), j + 2)),
            w if j > i && part(w) && !self.is(i.wrapping_sub(1), "the") => Some((w, j + 1)),
            _ => None,
        };
        if let Some((w, e)) = mid_part {
            // "mid-afternoon yesterday"
            let (n, e) = match self.w(e) {
                "yesterday" => (-1, e + 1),
                "today" => (0, e + 1),
                "tomorrow" => (1, e + 1),
                _ => (0, e),
            };
            let sem = Sem::Dct { n, unit: Unit::Day };
            let mut m = self.mk(i, e, TimeType::DATE, sem);
            m.pod = lex::part_of_day(w);
            out.push(m);
            return;
        }
        let (sem, mut pod, mut end) = match self.w(j) {
            "today" => (
                Sem::Dct {
                    n: 0,
                    unit: Unit::Day,
                },
                None,
                j + 1,
            ),
            "tonight" => (
                Sem::Dct {
                    n: 0,
                    unit: Unit::Day,
                },
                Some("TNI"),
                j + 1,
            ),
            "yesterday" => (
                Sem::Dct {
                    n: -1,
                    unit: Unit::Day,
                },
                None,
                j + 1,
            ),
            "tomorrow" => (
                Sem::Dct {
                    n: 1,
                    unit: Unit::Day,
                },
                None,
                j + 1,
            ),
            "last" if self.any(j + 1, &["night", "evening"]) => (
                Sem::Dct {
                    n: -1,
                    unit: Unit::Day,
                },
                lex::part_of_day(self.w(j + 1)),
                j + 2,
            ),
            "this" if self.any(j + 1, &["morning", "afternoon", "evening"]) => (
                Sem::Dct {
                    n: 0,
                    unit: Unit::Day,
                },
                lex::part_of_day(self.w(j + 1)),
                j + 2,
            ),
            "the"
                if self.is(j + 1, "day")
                    && self.any(j + 2, &["before", "after"])
                    && self.any(j + 3, &["yesterday", "tomorrow"]) =>
            {
                let n = if self.is(j + 3, "yesterday") { -2 } else { 2 };
                (Sem::Dct { n, unit: Unit::Day }, None, j + 4)
            }
            _ => return,
        };
        if j > i && !matches!(self.w(i), "early" | "late") && !matches!(sem, Sem::Dct { n: 0, .. })
        {
            // "earlier yesterday" is odd; accept anyway
        }
        if pod.is_none()
            && let Some(p) = lex::part_of_day(self.w(end))
        {
            pod = Some(p);
            end += 1;
        }
        let mut m = self.mk(i, end, TimeType::DATE, sem);
        m.pod = pod;
        if let Some((c, k)) = self.clock_after(end) {
            m.clock = Some(c);
            m.end = k;
        }
        out.push(m);
    }

    fn unitrel(&self, i: usize, out: &mut Vec<M>) {
        let mut j = self.edge_prefix(i);
        if j == i && self.any(i, &["earlier", "later"]) {
            j = i + 1;
        }
        let the = self.is(j, "the");
        if the {
            j += 1;
        }
        let (rel, k): (i64, usize) = match (self.w(j), self.w(j + 1)) {
            ("this", "past") => (-1, j + 2),
            ("this", "coming") => (1, j + 2),
            ("last" | "past", _) => (-1, j + 1),
            ("previous" | "preceding", _) => (-100, j + 1),
            ("following" | "subsequent", _) => (100, j + 1),
            ("this" | "current" | "present", _) => (0, j + 1),
            ("same", _) if the => (1000, j + 1),
            ("next" | "coming", _) => (1, j + 1),
            _ => return,
        };
        let mut k = k;
        if self.is(k, "fiscal") {
            k += 1;
        }
        let Some((unit, plural)) = lex::unit(self.w(k)) else {
            return;
        };
        if plural || unit.is_clock() || unit == Unit::Day {
            return;
        }
        let end = k + 1;
        let sem = match rel {
            -100 => Sem::Prev {
                n: -1,
                unit,
                keep: false,
            },
            100 => Sem::Prev {
                n: 1,
                unit,
                keep: false,
            },
            1000 => Sem::Prev {
                n: 0,
                unit,
                keep: false,
            },
            // "growth over the past year", "in the last year": TimeBank dates it to the
            // last calendar year
            -1 if the && j == i + 1 && unit == Unit::Year => Sem::Dct { n: -1, unit },
            _ if the && rel != 0 && j == i + 1 => {
                // "the next week", "the past month": durations
                out.push(self.mk(i, end, dur_kind(), Sem::Lit(unit.duration(Some(1.0)))));
                return;
            }
            _ if unit == Unit::Quarter && rel == -1 && the => Sem::TheQuarter { latest: true },
            _ => Sem::Dct { n: rel, unit },
        };
        let kind = TimeType::DATE;
        out.push(self.mk(i, end, kind, sem));
    }

    fn weekdays(&self, i: usize, out: &mut Vec<M>) {
        // a named day is no weekday of the calendar: "next month's Patch Tuesday",
        // "on Super Tuesday", "Black Friday sales", "Bloody Sunday"
        let named = |w: &str| -> &[&str] {
            match w {
                "patch" | "super" | "fat" | "shrove" | "giving" => &["tuesday"],
                "black" | "good" => &["friday"],
                "cyber" => &["monday"],
                "bloody" | "palm" => &["sunday"],
                "ash" => &["wednesday"],
                "holy" | "maundy" => &["thursday"],
                "easter" | "whit" => &["sunday", "monday"],
                _ => &[],
            }
        };
        if i.checked_sub(1)
            .is_some_and(|p| self.cap(p) && self.cap(i) && named(self.w(p)).contains(&self.w(i)))
        {
            return;
        }
        let mut j = i;
        let mut dir: Option<Direction> = None;
        let mut this = false;
        let mut prev_rel = false;
        match (self.w(j), self.w(j + 1)) {
            ("this", "past") => {
                dir = Some(Direction::Before);
                j += 2;
            }
            ("this", "coming") => {
                dir = Some(Direction::OnOrAfter);
                j += 2;
            }
            ("last" | "past", _) => {
                dir = Some(Direction::Before);
                j += 1;
            }
            ("next" | "coming", _) => {
                dir = Some(Direction::After);
                j += 1;
            }
            ("this", _) => {
                this = true;
                j += 1;
            }
            ("the", "previous" | "preceding") => {
                prev_rel = true;
                dir = Some(Direction::Before);
                j += 2;
            }
            ("the", "following" | "next") => {
                prev_rel = true;
                dir = Some(Direction::After);
                j += 2;
            }
            ("early" | "late", _) => j += 1,
            _ => {}
        }
        let Some(wd) = lex::weekday(self.w(j)).filter(|_| self.cap(j)) else {
            return;
        };
        let mut end = j + 1;
        if self.is(end, ".") && self.glued(end) && self.t.get(j).is_some_and(|t| t.low.len() <= 4) {
            end += 1;
        }
        // "Saturday, June 3, 2023"
        let mut k = end;
        if self.is(k, ",") {
            k += 1;
        }
        // (also "this coming Sunday, March 8": the date restates the weekday)
        if !prev_rel
            && let Some((s, e)) = self.month_date(k).or_else(|| self.day_month(k))
            && matches!(
                s,
                Sem::PartDate { d: Some(_), .. } | Sem::Abs(Point::Day(_)) | Sem::EitherDay(..)
            )
        {
            let mut m = self.mk(i, e, TimeType::DATE, s);
            if let Some((c, k2)) = self.clock_after(e) {
                m.clock = Some(c);
                m.end = k2;
            }
            out.push(m);
            return;
        }
        // "on Friday nights", "on Monday and Tuesday nights": every such day, a set
        if dir.is_none() && !this && !prev_rel {
            let plural_pod = |k: usize| match self.w(k) {
                "mornings" => Some("TMO"),
                "afternoons" => Some("TAF"),
                "evenings" => Some("TEV"),
                "nights" => Some("TNI"),
                _ => None,
            };
            let (pod, e) = match plural_pod(end) {
                Some(p) => (Some(p), end + 1),
                None if self.any(end, &["and", "or"])
                    && lex::weekday(self.w(end + 1)).is_some()
                    && self.cap(end + 1) =>
                {
                    (plural_pod(end + 2), end)
                }
                None => (None, end),
            };
            if let Some(p) = pod {
                let v = format!("XXXX-WXX-{wd}{p}");
                out.push(self.mk(i, e, TimeType::SET, Sem::Lit(v)));
                return;
            }
        }
        let sem = if prev_rel {
            Sem::PrevWeekday {
                wd,
                dir: dir.unwrap_or(Direction::Before),
            }
        } else {
            // "Wednesday's ruling": a possessive weekday names a known, past event
            let possessive = self.is(end, "'") && self.is(end + 1, "s") && self.glued(end);
            let dir = if dir.is_none() && !this && possessive {
                Some(Direction::OnOrBefore)
            } else {
                dir
            };
            Sem::Weekday { wd, dir, this }
        };
        let mut m = self.mk(i, end, TimeType::DATE, sem);
        if let Some(p) = lex::part_of_day(self.w(end)) {
            // "Friday night", "Tuesday morning" are dated to the day, as TimeBank
            // mostly does; "Friday evening" and "Friday afternoon" keep the part of day
            if !matches!(p, "TNI" | "TMO") {
                m.pod = Some(p);
            }
            m.end = end + 1;
        }
        if let Some((c, k2)) = self.clock_after(m.end) {
            m.clock = Some(c);
            m.end = k2;
        }
        out.push(m);
    }

    fn months(&self, i: usize, out: &mut Vec<M>) {
        // "last May", "this September", "next March"
        if self.any(i, &["last", "this", "next"])
            && let Some((m, k)) = self.month(i + 1, false)
            && self.day(k).is_none()
            && self.year(k, true).is_none()
        {
            let rel = match self.w(i) {
                "last" => -1,
                "next" => 1,
                _ => 0,
            };
            out.push(self.mk(i, k, TimeType::DATE, Sem::MonthRel { m, rel }));
            return;
        }
        let j = self.edge_prefix(i);
        let Some((s, k)) = self.month_date(j) else {
            return;
        };
        let mut m = self.mk(i, k, TimeType::DATE, s);
        if let Some((c, k2)) = self.clock_after(k)
            && matches!(
                m.sem,
                Sem::PartDate { d: Some(_), .. } | Sem::Abs(Point::Day(_)) | Sem::EitherDay(..)
            )
        {
            m.clock = Some(c);
            m.end = k2;
        }
        out.push(m);
    }

    fn seasons(&self, i: usize, out: &mut Vec<M>) {
        let mut j = self.edge_prefix(i);
        let mut rel: Option<i64> = None;
        let mut determined = j > i;
        match (self.w(j), self.w(j + 1)) {
            ("this", "past") => {
                rel = Some(-1);
                j += 2;
            }
            ("last" | "past", _) => {
                rel = Some(-1);
                j += 1;
            }
            ("next" | "coming", _) => {
                rel = Some(1);
                j += 1;
            }
            ("this", _) => {
                rel = Some(0);
                j += 1;
            }
            ("the", _) => {
                determined = true;
                j += 1;
                if self.any(j, &["early", "late"]) {
                    j += 1;
                }
            }
            _ => {}
        }
        let Some(s) = lex::season(self.w(j)) else {
            return;
        };
        let mut k = j + 1;
        let mut y = None;
        match self.year_after(k) {
            Some((Ok(yy), e)) => {
                y = Some(yy);
                k = e;
            }
            Some((Err(off), e)) if rel.is_none() => {
                rel = Some(i64::from(off) + 10);
                k = e;
            }
            _ => {}
        }
        if rel.is_none() && y.is_none() && !determined {
            // bare season word: only after "in", "during", "this"-less contexts
            let ok = i > 0 && self.any(i - 1, &["in", "during", "by", "until", "since", "through"]);
            if !ok || self.is(i, "fall") {
                return;
            }
        }
        if self.is(j, "fall")
            && rel.is_none()
            && y.is_none()
            && !self.any(
                j.saturating_sub(1),
                &["the", "in", "last", "this", "next", "early", "late"],
            )
        {
            return;
        }
        out.push(self.mk(i, k, TimeType::DATE, Sem::Season { s, y, rel }));
    }

    fn quarters(&self, i: usize, out: &mut Vec<M>) {
        let mut j = i;
        let mut year: Option<i32> = None;
        let mut yoff: Option<i32> = None;
        if self.is(j, "the") {
            j += 1;
        } else if self.is(j, "a") && self.is(j + 1, "year") && self.is(j + 2, "-") {
            // "a year-earlier loss"
            j += 1;
        }
        // "this year's third quarter", "last year's"
        if self.any(j, &["this", "last", "next"])
            && self.is(j + 1, "year")
            && self.is(j + 2, "'")
            && self.is(j + 3, "s")
        {
            yoff = Some(match self.w(j) {
                "last" => -1,
                "next" => 1,
                _ => 0,
            });
            j += 4;
        } else if let Some(y) = self.year(j, true) {
            if self.is(j + 1, "'") && self.is(j + 2, "s") {
                year = Some(y);
                j += 3;
            } else if self.any(j + 1, &["first", "second", "third", "fourth", "fiscal"]) {
                year = Some(y);
                j += 1;
            }
        }
        if self.is(j, "fiscal") {
            j += 1;
        }
        // year-earlier / year-ago
        if self.any(j, &["comparable", "same", "corresponding"]) {
            j += 1;
        }
        if self.is(j, "year") && self.is(j + 1, "-") && self.any(j + 2, &["earlier", "ago"]) {
            let mut k = j + 3;
            if self.any(k, &["first", "second", "third", "fourth"]) {
                k += 1;
            }
            let quarter = self.is(k, "quarter");
            if self.any(k, &["quarter", "period"]) {
                k += 1;
            }
            out.push(self.mk(i, k, TimeType::DATE, Sem::YearAgoQuarter { quarter }));
            return;
        }
        // "the last half of 1989", "the first two quarters of 1990": a half year
        let half = match (self.w(j), self.w(j + 1), self.w(j + 2)) {
            ("last", "half", _) => Some((2, j + 2)),
            ("first", "two", "quarters") => Some((1, j + 3)),
            ("last", "two", "quarters") => Some((2, j + 3)),
            _ => None,
        };
        if let Some((h, end)) = half
            && self.is(end, "of")
            && let Some(y) = self.year(end + 1, true)
        {
            out.push(self.mk(i, end + 2, TimeType::DATE, Sem::Half { h, y: Some(y) }));
            return;
        }
        let q = match self.w(j) {
            "first" | "1st" => Some(1),
            "second" | "2nd" => Some(2),
            "third" | "3rd" => Some(3),
            "fourth" | "4th" => Some(4),
            "q1" => Some(11),
            "q2" => Some(12),
            "q3" => Some(13),
            "q4" => Some(14),
            "latest" | "recent" | "just" => None,
            "quarter" if j > i => None,
            _ => return,
        };
        let mut k = j + 1;
        let q = match q {
            Some(v) if v > 10 => v - 10,
            Some(v) => {
                if self.is(k, "-") {
                    k += 1;
                }
                if self.is(k, "fiscal") {
                    k += 1;
                }
                if self.is(k, "half") && v <= 2 {
                    let mut end = k + 1;
                    let mut y = year;
                    if self.is(end, "of")
                        && let Some(yy) = self.year(end + 1, true)
                    {
                        y = Some(yy);
                        end += 2;
                    }
                    out.push(self.mk(i, end, TimeType::DATE, Sem::Half { h: v, y }));
                    return;
                }
                if !self.is(k, "quarter") {
                    return;
                }
                k += 1;
                v
            }
            None => {
                if self.w(j) == "quarter" {
                    // "for the quarter a year ago": the quarter in focus, a year back
                    if self.is(j + 1, "a")
                        && self.is(j + 2, "year")
                        && self.any(j + 3, &["ago", "earlier"])
                    {
                        let sem = Sem::YearAgoQuarter { quarter: true };
                        out.push(self.mk(i, j + 4, TimeType::DATE, sem));
                        return;
                    }
                    // "last year's quarter": the quarter in focus, a year back
                    let sem = if yoff == Some(-1) {
                        Sem::YearAgoQuarter { quarter: true }
                    } else {
                        Sem::TheQuarter { latest: false }
                    };
                    out.push(self.mk(i, j + 1, TimeType::DATE, sem));
                    return;
                }
                // "the latest quarter", "the just-ended quarter"
                let mut k = j + 1;
                if self.is(k, "-") || self.is(k, "ended") {
                    k += 1;
                    if self.is(k, "ended") {
                        k += 1;
                    }
                }
                if self.is(k, "quarter") {
                    out.push(self.mk(i, k + 1, TimeType::DATE, Sem::TheQuarter { latest: true }));
                }
                return;
            }
        };
        if year.is_none() {
            let mut kk = k;
            if self.is(kk, "of") || self.is(kk, ",") {
                kk += 1;
            }
            if let Some(y) = self.year(kk, true) {
                year = Some(y);
                k = kk + 1;
            }
        }
        out.push(self.mk(i, k, TimeType::DATE, Sem::Quarter { q, y: year, yoff }));
    }

    fn theday(&self, i: usize, out: &mut Vec<M>) {
        let (j, that) = match self.w(i) {
            "the" => (i + 1, false),
            "that" => (i + 1, true),
            _ => return,
        };
        // "the next day", "the following morning", "the previous day", "the same day"
        let (mut n, mut j2) = (None::<i64>, j);
        if !that {
            match self.w(j) {
                "next" | "following" | "subsequent" => {
                    n = Some(1);
                    j2 = j + 1;
                }
                "previous" | "preceding" | "prior" => {
                    n = Some(-1);
                    j2 = j + 1;
                }
                "same" => {
                    n = Some(0);
                    j2 = j + 1;
                }
                _ => {}
            }
        } else {
            n = Some(0);
        }
        let w = self.w(j2);
        let (unit, pod) = match w {
            "day" => (Unit::Day, None),
            "morning" | "afternoon" | "evening" | "night" => (Unit::Day, lex::part_of_day(w)),
            "week" => (Unit::Week, None),
            "month" => (Unit::Month, None),
            "year" => (Unit::Year, None),
            "weekend" => (Unit::Weekend, None),
            // "Results for that quarter": the quarter just told
            "quarter" if that => (Unit::Quarter, None),
            _ => return,
        };
        let mut end = j2 + 1;
        // "the week of March 6": the week holding that day
        if unit == Unit::Week
            && n.is_none()
            && !that
            && self.is(end, "of")
            && let Some((inner, e3)) = self.any_date(end + 1)
            && matches!(
                inner,
                Sem::PartDate { d: Some(_), .. } | Sem::Abs(Point::Day(_)) | Sem::EitherDay(..)
            )
        {
            out.push(self.mk(
                i,
                e3,
                TimeType::DATE,
                Sem::Event {
                    n: 0,
                    unit,
                    inner: Some(Box::new(inner)),
                    noun: None,
                },
            ));
            return;
        }
        // "later in the day before returning home": "the day" of the idiom, then a
        // clause, not the day before
        if n.is_none() && i >= 2 && self.is(i - 1, "in") && self.any(i - 2, &["later", "earlier"]) {
            return;
        }
        // "Dealers placed orders in the morning": that part of the day just told
        if n.is_none()
            && pod.is_some()
            && i > 0
            && self.is(i - 1, "in")
            && !self.any(end, &["of", "before", "after", "earlier", "later"])
            // not "in the morning raid"
            && !(self.kind(end) == Some(Kind::Word)
                && !self.cap(end)
                && !is_function_word(self.w(end))
                && !self.any(end, &["to", "when", "while", "as", "until"]))
        {
            let mut m = self.mk(
                i,
                end,
                TimeType::TIME,
                Sem::Prev {
                    n: 0,
                    unit,
                    keep: false,
                },
            );
            m.pod = pod;
            out.push(m);
            return;
        }
        if n.is_none() {
            // "the day before", "the night after the concert", "the day before the June 3 blast"
            let sign = match self.w(end) {
                "before" | "earlier" => -1,
                "after" | "later" => 1,
                _ => return,
            };
            let before_after = self.any(end, &["before", "after"]);
            end += 1;
            if before_after {
                let mut e2 = end;
                if self.any(e2, &["the", "a", "its", "their"]) {
                    e2 += 1;
                }
                if let Some((inner, e3)) = self.any_date(e2) {
                    let noun_at = self.event_noun(e3);
                    let e = noun_at.map_or(e3, |x| x + 1);
                    let nested = Some((e2, e3));
                    let mut m = self.mk(
                        i,
                        e,
                        TimeType::DATE,
                        Sem::Event {
                            n: sign,
                            unit,
                            inner: Some(Box::new(inner)),
                            noun: noun_at.map(|x| self.noun_text(x)),
                        },
                    );
                    m.pod = pod;
                    m.nested = nested;
                    out.push(m);
                    return;
                }
                // "the day before last Tuesday's hearing": anchored on the weekday, which
                // stays a mention of its own
                let mut wds = Vec::new();
                self.weekdays(end, &mut wds);
                if let Some(wm) = wds.into_iter().find(|m| {
                    m.start == end
                        && m.pod.is_none()
                        && m.clock.is_none()
                        && matches!(m.sem, Sem::Weekday { dir: Some(_), .. })
                }) {
                    let mut m = self.mk(
                        i,
                        end,
                        TimeType::DATE,
                        Sem::Event {
                            n: sign,
                            unit,
                            inner: Some(Box::new(wm.sem)),
                            noun: None,
                        },
                    );
                    m.pod = pod;
                    out.push(m);
                    return;
                }
                if e2 > end
                    && let Some(nk) = self.event_noun(e2)
                {
                    let mut m = self.mk(
                        i,
                        nk + 1,
                        TimeType::DATE,
                        Sem::Event {
                            n: sign,
                            unit,
                            inner: None,
                            noun: Some(self.noun_text(nk)),
                        },
                    );
                    m.pod = pod;
                    out.push(m);
                    return;
                }
            }
            n = Some(sign);
        }
        let n = n.unwrap_or(0);
        if that && unit != Unit::Day {
            let mut m = self.mk(
                i,
                end,
                TimeType::DATE,
                Sem::Prev {
                    n,
                    unit,
                    keep: false,
                },
            );
            m.pod = pod;
            out.push(m);
            return;
        }
        let mut m = self.mk(
            i,
            end,
            TimeType::DATE,
            Sem::Prev {
                n,
                unit,
                keep: false,
            },
        );
        m.pod = pod;
        out.push(m);
    }

    fn fuzzy_durations(&self, i: usize, out: &mut Vec<M>) {
        let w = self.w(i);
        // "the past two months", "the next 48 hours", "the first nine months", "the nine months"
        if w == "the" {
            let mut j = i + 1;
            let lead = self.any(
                j,
                &[
                    "past",
                    "last",
                    "next",
                    "coming",
                    "first",
                    "final",
                    "previous",
                    "following",
                    "latest",
                    "remaining",
                    "initial",
                    "preceding",
                    "ensuing",
                    "early",
                ],
            );
            if lead {
                j += 1;
            }
            // "over the years", "through the decades", "in the years that followed":
            // some stretch of them
            let stretch = i > 0
                && (self.any(i - 1, &["over", "through", "throughout"])
                    && !self.any(j + 1, &["of", "before", "after", "since", "-"])
                    || self.is(i - 1, "in")
                        && self.is(j + 1, "that")
                        && self.any(j + 2, &["followed", "follow", "passed"]));
            if !lead
                && stretch
                && let Some((unit, true)) = lex::unit(self.w(j))
            {
                out.push(self.mk(i, j + 1, dur_kind(), Sem::Lit(unit.duration(None))));
                return;
            }
            let (n, k) = match self.number(j, false) {
                Some((n, k)) => (n, k),
                None if lead => (None, j),
                None => return,
            };
            let Some((unit, plural, e)) = self.unit_at(k) else {
                return;
            };
            if self.is(e, "-") && self.any(e + 1, &["old", "olds"]) {
                return;
            }
            if !plural && k == j {
                return;
            }
            if unit == Unit::Quarter && n.is_some() && !plural {
                return;
            }
            if n.is_none() && !plural {
                return;
            }
            // "the early hours of Thursday": a part of that day, not a stretch of hours
            if n.is_none() && self.is(i + 1, "early") && self.is(e, "of") {
                return;
            }
            let mut e = e;
            if self.is(e, "or") && self.is(e + 1, "so") {
                e += 2;
            }
            out.push(self.mk(i, e, dur_kind(), Sem::Lit(unit.duration(n))));
            return;
        }
        if matches!(w, "past" | "last" | "next" | "coming" | "first") {
            if let Some((n, k)) = self.number(i + 1, false) {
                if let Some((unit, true, e)) = self.unit_at(k) {
                    out.push(self.mk(i, e, dur_kind(), Sem::Lit(unit.duration(n))));
                }
            } else if w == "coming"
                && let Some((unit, true)) = lex::unit(self.w(i + 1))
            {
                out.push(self.mk(i, i + 2, dur_kind(), Sem::Lit(unit.duration(None))));
            }
        }
        if w == "recent"
            && let Some((unit, true)) = lex::unit(self.w(i + 1))
        {
            if unit == Unit::Year {
                out.push(self.mk(i, i + 2, TimeType::DATE, Sem::Lit("PAST_REF".into())));
            } else {
                out.push(self.mk(i, i + 2, dur_kind(), Sem::Lit(unit.duration(None))));
            }
        }
        if w == "half" && self.any(i + 1, &["an", "a"]) {
            let v = match self.w(i + 2) {
                "hour" => "PT30M",
                "day" => "PT12H",
                "year" => "P6M",
                "century" => "P50Y",
                "decade" => "P5Y",
                _ => return,
            };
            out.push(self.mk(i, i + 3, dur_kind(), Sem::Lit(v.into())));
        }
        // bare plurals after duration prepositions: "for years", "in decades"
        if let Some((unit, true)) = lex::unit(w) {
            let prev = if i > 0 { self.w(i - 1) } else { "" };
            if let Some(noun) = self.stretch_around_event(i, unit) {
                // "in the weeks before the shooting": the time of the event, to its month
                out.push(self.mk(i, i + 1, TimeType::DATE, Sem::AroundEvent { noun }));
                return;
            }
            // "hours after the crash", "minutes before the blast": the day of that
            // event, as "hours later" is the day of the event just told
            if unit.is_clock()
                && self.any(i + 1, &["after", "before"])
                && self.any(i + 2, &["the", "a", "an", "its", "their", "his", "her"])
                && let Some(nk) = self.event_noun(i + 3)
            {
                out.push(self.mk(
                    i,
                    nk + 1,
                    TimeType::DATE,
                    Sem::Event {
                        n: 0,
                        unit: Unit::Day,
                        inner: None,
                        noun: Some(self.noun_text(nk)),
                    },
                ));
                return;
            }
            if matches!(
                prev,
                "for"
                    | "within"
                    | "over"
                    | "took"
                    | "take"
                    | "takes"
                    | "spent"
                    | "lasted"
                    | "after"
            ) && !self.is(i + 1, "of")
                // "the first gain in years", "ready in days"
                || (prev == "in"
                    && !self.cap(i)
                    && self.kind(i + 1) != Some(Kind::Num)
                    && !self.any(i + 1, &["of", "past", "gone", "to", "-", "'"])
                    && i >= 2
                    && self.kind(i - 2) == Some(Kind::Word))
            {
                out.push(self.mk(i, i + 1, dur_kind(), Sem::Lit(unit.duration(None))));
            }
            if self.any(i + 1, &["later", "afterwards", "afterward"]) {
                let sem = if unit.is_clock() {
                    Sem::Prev {
                        n: 0,
                        unit: Unit::Day,
                        keep: false,
                    }
                } else {
                    Sem::Unknown
                };
                out.push(self.mk(i, i + 2, TimeType::DATE, sem));
            }
            if self.is(i + 1, "ago") {
                out.push(self.mk(i, i + 2, TimeType::DATE, Sem::Lit("PAST_REF".into())));
            }
        }
    }

    /// "in the days before the slaying", "in the weeks after Norby was shot": the unit at
    /// `i` (days or weeks) names the time around a happening, whose noun (or the kind of
    /// happening its verb tells) is returned.
    fn stretch_around_event(&self, i: usize, unit: Unit) -> Option<String> {
        if !matches!(unit, Unit::Day | Unit::Week)
            || i < 2
            || !self.is(i - 1, "the")
            || !self.is(i - 2, "in")
            || !self.any(i + 1, &["before", "after", "following", "preceding"])
        {
            return None;
        }
        let e = i + 2;
        if self.any(e, &["the", "his", "her", "their", "its"])
            && let Some(nk) = self.event_noun(e + 1)
        {
            return Some(self.noun_text(nk));
        }
        // a clause: "before Norby was killed"
        (e..e + 4)
            .take_while(|&k| !is_boundary(self.t, k) && !self.is(k, ","))
            .find_map(|k| happening_verb(self.t, k)[0])
            .map(str::to_string)
    }

    fn decades(&self, i: usize, out: &mut Vec<M>) {
        // "the 1990s", "the early 2000s", "the '90s", "the nineties", "the 20th century"
        if !self.is(i, "the") {
            return;
        }
        let mut j = i + 1;
        if self.any(j, &["early", "late", "mid"]) {
            j += 1;
            if self.is(j, "-") {
                j += 1;
            }
        }
        let w = self.w(j);
        let dec = match w {
            "twenties" => Some(192),
            "thirties" => Some(193),
            "forties" => Some(194),
            "fifties" => Some(195),
            "sixties" => Some(196),
            "seventies" => Some(197),
            "eighties" => Some(198),
            "nineties" => Some(199),
            _ => None,
        };
        if let Some(d) = dec {
            out.push(self.mk(i, j + 1, TimeType::DATE, Sem::Lit(decade_value(d))));
            return;
        }
        if w == "'" {
            if let Some(t) = self.t.get(j + 1)
                && let Some(d) = t
                    .low
                    .strip_suffix('s')
                    .filter(|d| d.len() == 2 && d.bytes().all(|b| b.is_ascii_digit()))
                && let Ok(v) = d.parse::<i32>()
            {
                let y = if v <= 20 { 2000 + v } else { 1900 + v };
                out.push(self.mk(i, j + 2, TimeType::DATE, Sem::Lit(decade_value(y / 10))));
            }
            return;
        }
        if let Some(t) = self.t.get(j) {
            if let Some(d) = t
                .low
                .strip_suffix('s')
                .filter(|d| (d.len() == 4 || d.len() == 2) && d.bytes().all(|b| b.is_ascii_digit()))
                && let Ok(v) = d.parse::<i32>()
            {
                let y = if d.len() == 2 {
                    if v <= 20 { 2000 + v } else { 1900 + v }
                } else {
                    v
                };
                out.push(self.mk(i, j + 1, TimeType::DATE, Sem::Lit(decade_of_year(y))));
                return;
            }
            if let Some(o) = lex::ordinal(&t.low)
                && self.is(j + 1, "century")
                && (1..=30).contains(&o)
            {
                out.push(self.mk(i, j + 2, TimeType::DATE, Sem::Lit(format!("{:02}", o - 1))));
            }
        }
    }
}

/// Whether a noun names an event ("blast", "concert", "election", "shooting").
pub(crate) fn is_event_noun(w: &str) -> bool {
    const EVENTS: &[&str] = &[
        "attack",
        "attacks",
        "blast",
        "blasts",
        "bombing",
        "explosion",
        "concert",
        "election",
        "elections",
        "vote",
        "referendum",
        "meeting",
        "summit",
        "shooting",
        "murder",
        "killing",
        "killings",
        "slaying",
        "slayings",
        "assassination",
        "crash",
        "earthquake",
        "quake",
        "fire",
        "storm",
        "hurricane",
        "typhoon",
        "flood",
        "floods",
        "strike",
        "protest",
        "protests",
        "rally",
        "match",
        "game",
        "race",
        "ceremony",
        "funeral",
        "wedding",
        "trial",
        "hearing",
        "verdict",
        "ruling",
        "speech",
        "visit",
        "arrival",
        "launch",
        "opening",
        "incident",
        "accident",
        "raid",
        "assault",
        "invasion",
        "coup",
        "riot",
        "riots",
        "clash",
        "clashes",
        "war",
        "massacre",
        "siege",
        "kidnapping",
        "arrest",
        "collapse",
        "derailment",
        "landslide",
        "eruption",
        "tsunami",
        "deadline",
        "deal",
        "agreement",
        "ceasefire",
        "truce",
        "talks",
        "conference",
        "festival",
        "tournament",
        "final",
        "show",
        "performance",
        "event",
        "disaster",
        "tragedy",
        "robbery",
        "heist",
        "death",
        "surgery",
        "takeover",
        "merger",
        "crisis",
        "fighting",
        "battle",
        "offensive",
        "uprising",
        "revolution",
        "inauguration",
        "debate",
        "announcement",
        "outbreak",
        "hijacking",
        "evacuation",
        "rescue",
        "vigil",
        "parade",
        "march",
        "bombings",
        "shootings",
        "explosions",
        "massacres",
        "election's",
        "poll",
        "polls",
        "primary",
    ];
    EVENTS.contains(&w)
}

/// Function words that do not name an event after "the June 3 ...".
pub(crate) fn is_function_word(w: &str) -> bool {
    matches!(
        w,
        "and"
            | "or"
            | "but"
            | "the"
            | "a"
            | "an"
            | "of"
            | "in"
            | "on"
            | "at"
            | "to"
            | "for"
            | "by"
            | "with"
            | "from"
            | "that"
            | "this"
            | "which"
            | "who"
            | "when"
            | "was"
            | "were"
            | "is"
            | "are"
            | "had"
            | "has"
            | "have"
            | "it"
            | "he"
            | "she"
            | "they"
            | "we"
            | "i"
            | "you"
            | "said"
            | "as"
            | "than"
            | "its"
            | "their"
            | "his"
            | "her"
            | "be"
            | "been"
            | "will"
            | "would"
            | "could"
            | "not"
            | "no"
            | "after"
            | "before"
    )
}

/// Cue of a verb's tense near a mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tense {
    /// Past.
    Past,
    /// A past reporting verb ("said", "announced"): the reported content may lie ahead.
    Reported,
    /// Future.
    Future,
    /// No cue.
    None,
}

/// Time-zone abbreviations after a 24-hour clock time ("2045 GMT").
const ZONES: &[&str] = &[
    "gmt", "utc", "bst", "cet", "cest", "eet", "est", "edt", "cst", "cdt", "mst", "mdt", "pst",
    "pdt",
];

/// A determiner or possessive before a noun ("the vote", "his visit").
fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "the" | "a" | "an" | "this" | "that" | "its" | "their" | "his" | "her" | "our" | "'s"
    )
}

/// Irregular past forms of verbs (the tense cues of [`cue`], and what other stages ask
/// through `corroborate_time::past_form`).
pub(crate) const IRREGULAR_PAST: &[&str] = &[
    "said",
    "told",
    "was",
    "were",
    "had",
    "did",
    "came",
    "went",
    "took",
    "made",
    "met",
    "began",
    "fell",
    "rose",
    "held",
    "left",
    "won",
    "lost",
    "gave",
    "got",
    "saw",
    "found",
    "struck",
    "hit",
    "shot",
    "sent",
    "led",
    "spoke",
    "wrote",
    "brought",
    "bought",
    "sold",
    "paid",
    "kept",
    "felt",
    "thought",
    "knew",
    "became",
    "ran",
    "stood",
    "broke",
    "chose",
    "drew",
    "flew",
    "grew",
    "threw",
    "wore",
    "arose",
    "fought",
    "caught",
    "taught",
    "sought",
    "quit",
    "put",
    "cut",
    "set",
    "let",
    "tore",
    "bore",
    "swore",
    "dove",
    "drove",
    "rode",
    "stole",
    "woke",
    "froze",
    "blew",
    "slew",
    "fled",
    "bled",
    "fed",
    "sped",
    "shed",
    "spent",
    "lent",
    "bent",
    "built",
    "dealt",
    "meant",
    "slept",
    "swept",
    "wept",
    "crept",
    "knelt",
    "sat",
    "ate",
    "forgot",
    "hid",
    "slid",
    "bit",
    "lit",
    "sank",
    "sang",
    "rang",
    "shrank",
    "drank",
    "swam",
    "overcame",
    "forgave",
    "laid",
    "understood",
    "withdrew",
    "spun",
    "hung",
    "stuck",
    "strung",
    "swung",
    "dug",
    "ground",
    "bound",
    "heard",
    "shook",
    "mistook",
    "arrived",
    "died",
];

/// A regular past form: "-ed", not "succeed", "proceed", "need" ("agreed" is one).
pub(crate) fn regular_past(w: &str) -> bool {
    w.len() >= 5
        && w.ends_with("ed")
        && (!w.ends_with("eed")
            || matches!(
                w,
                "agreed" | "freed" | "decreed" | "guaranteed" | "disagreed"
            ))
}

fn cue(t: &[Tok], k: usize) -> Tense {
    let Some(tok) = t.get(k) else {
        return Tense::None;
    };
    let w = tok.low.as_str();
    let prev = |d: usize| {
        k.checked_sub(d)
            .and_then(|x| t.get(x))
            .map(|x| x.low.as_str())
            .unwrap_or("")
    };
    let next = |d: usize| t.get(k + d).map(|x| x.low.as_str()).unwrap_or("");
    // a plan in the pluperfect lies in the past: "it had been due to expire Friday"
    if matches!(
        w,
        "scheduled" | "due" | "expected" | "slated" | "planned" | "set"
    ) && (prev(1) == "had" || (prev(1) == "been" && prev(2) == "had"))
    {
        return Tense::Past;
    }
    // "announced the plan Aug. 21", "Obama announced plans Tuesday": a noun, not a verb
    // of intent (after a determiner, or as the object of a past-tense verb)
    if matches!(w, "plan" | "plans")
        && (is_determiner(prev(1))
            || (matches!(
                prev(1),
                "announced"
                    | "unveiled"
                    | "outlined"
                    | "released"
                    | "presented"
                    | "revealed"
                    | "submitted"
                    | "approved"
                    | "scrapped"
                    | "dropped"
                    | "shelved"
                    | "rejected"
                    | "filed"
                    | "disclosed"
            ) && !matches!(prev(2), "will" | "would" | "to" | "could" | "may" | "might")))
    {
        return Tense::None;
    }
    match w {
        // "ahead of the weekend", "as early as Tuesday"
        "ahead" => return Tense::Future,
        // the scheduled present: "Arafat meets Albright Monday", "the talks resume Friday"
        "meet" | "meets" | "visit" | "visits" | "resume" | "resumes" | "begin" | "begins"
        | "start" | "starts" | "travel" | "travels" | "leave" | "leaves" | "arrive" | "arrives"
        | "return" | "returns" | "convene" | "convenes" | "vote" | "votes" | "open" | "opens"
        | "expire" | "expires" | "face" | "faces" | "host" | "hosts"
            if !(matches!(prev(1), "to" | "did" | "didn" | "would" | "could")
                // a noun, not a verb: "won the Portvale vote on Thursday", "his visit"
                || is_determiner(prev(1))
                || (k
                    .checked_sub(1)
                    .and_then(|j| t.get(j))
                    .is_some_and(|p| p.cap)
                    && is_determiner(prev(2)))) =>
        {
            return Tense::Future;
        }
        "early" if prev(1) == "as" && next(1) == "as" => return Tense::Future,
        "will" | "shall" | "upcoming" | "expected" | "expects" | "expect" | "scheduled"
        | "slated" | "plans" | "plan" | "planned" | "planning" | "intends" | "intend" | "due"
        | "tomorrow" | "forthcoming" | "would" | "soon" => {
            return Tense::Future;
        }
        // "postponed until Tuesday"; a sentence opening "Until Thursday, they had not"
        // looks back
        "until" | "till" => {
            let opens = k == 0 || tok.nl || t.get(k - 1).is_some_and(|p| p.kind == Kind::Punct);
            return if opens { Tense::None } else { Tense::Future };
        }
        "ll" if prev(1) == "'" => return Tense::Future,
        "to" if matches!(prev(1), "is" | "are") => return Tense::Future,
        "won" if next(1) == "'" && next(2) == "t" => return Tense::Future,
        "going" | "set" | "aims" | "hopes" if next(1) == "to" => return Tense::Future,
        _ if IRREGULAR_PAST.contains(&w)
            || matches!(w, "ago" | "last" | "yesterday" | "earlier") =>
        {
            // a past form that is also a noun, after a determiner: "on the ground", "a
            // cut in rates", "the set"
            if is_determiner(prev(1)) && prev(1) != "that" {
                return Tense::None;
            }
        }
        _ => {
            if !(regular_past(w) && tok.kind == Kind::Word) {
                return Tense::None;
            }
        }
    }
    // "-ed" adjectives after a determiner or adverb: "a still unspecified date"
    if w.ends_with("ed")
        && matches!(
            prev(1),
            "a" | "an"
                | "the"
                | "this"
                | "that"
                | "its"
                | "their"
                | "his"
                | "her"
                | "still"
                | "very"
                | "more"
                | "most"
                | "well"
                | "so"
                | "too"
                | "as"
                | "fully"
                | "newly"
        )
    {
        return Tense::None;
    }
    // a participle after "be" or "to be" belongs to a future or infinitive group
    // ("could not be reached Wednesday")
    let modal = |w: &str| matches!(w, "could" | "might" | "can" | "may" | "cannot");
    if prev(1) == "be" && (modal(prev(2)) || (prev(2) == "not" && modal(prev(3)))) {
        return Tense::None;
    }
    if prev(1) == "be" || (prev(1) == "to" && !prev(2).is_empty() && w != "said") {
        return Tense::Future;
    }
    if matches!(prev(1), "is" | "are") && w.ends_with("ed") {
        return Tense::None;
    }
    if matches!(
        w,
        "said" | "told" | "announced" | "reported" | "added" | "noted" | "stated" | "declared"
    ) {
        return Tense::Reported;
    }
    Tense::Past
}

/// Whether the date starting at token `s` is the day a period ended: "the quarter ended
/// Oct. 31", "the fiscal year ended Sept. 30", "the nine months ended June 30".
pub(crate) fn period_ended_on(t: &[Tok], s: usize) -> bool {
    s >= 2
        && t.get(s - 1).is_some_and(|x| x.low == "ended")
        && t.get(s - 2).is_some_and(|x| {
            matches!(
                x.low.as_str(),
                "quarter" | "period" | "year" | "months" | "weeks" | "half" | "term"
            )
        })
}

/// Whether the date starting at token `s` is a term set ahead: "effective Feb. 1", and
/// for a bare month "by February", "until March" (a deadline, which lies ahead; "through
/// August" is left to the tense: "this year through August" looks back).
pub(crate) fn is_deadline(t: &[Tok], s: usize, month_only: bool) -> bool {
    let Some(p) = s.checked_sub(1).and_then(|k| t.get(k)) else {
        return false;
    };
    match p.low.as_str() {
        "effective" => true,
        "by" | "until" | "till" => month_only,
        // "loans through January": a term running on; not "sales this year through
        // August", "from May through August" (a stretch already told)
        "through" | "thru" => {
            month_only
                && s.checked_sub(2).and_then(|k| t.get(k)).is_some_and(|q| {
                    q.kind == Kind::Word
                        && lex::unit(&q.low).is_none()
                        && lex::month(&q.low).is_none()
                        && !is_function_word(&q.low)
                        // (not a verb in the past: "prices climbed through January")
                        && !q.low.ends_with("ed")
                        && cue(t, s - 2) != Tense::Past
                })
        }
        _ => false,
    }
}

/// Whether the mention starting at token `s` is the second term of a comparison of
/// figures: "up from $2 million last year", "compared with a loss last year", "for the
/// corresponding period last year".
pub(crate) fn is_comparison(t: &[Tok], s: usize, e: usize) -> bool {
    let w = |k: usize| t.get(k).map_or("", |x| x.low.as_str());
    let Some(p) = s.checked_sub(1) else {
        return false;
    };
    if w(p) == "period" {
        return true;
    }
    // "from" must introduce a figure: "up from $2 million last year", "up from last
    // year's $2 million", not "moved from Ohio last year"
    let is_figure = |k: usize| t.get(k).is_some_and(|x| x.kind == Kind::Num) || w(k) == "$";
    let mut figure = (e..e + 4).any(is_figure);
    let mut k = s;
    while k > 0 && s - k < 12 {
        k -= 1;
        if is_boundary(t, k) || w(k) == ";" {
            return false;
        }
        if is_figure(k) || w(k) == "%" {
            figure = true;
        }
        if matches!(w(k), "compared" | "versus" | "against") || (w(k) == "from" && figure) {
            return true;
        }
    }
    false
}

/// Whether the words from token `k` name the attacks of 11 September 2001 rather than a
/// day: "(September 11 | 9/11) attacks", "... hijackers", "... commission".
pub(crate) fn names_the_attacks(t: &[Tok], k: usize) -> bool {
    let w = |k: usize| t.get(k).map_or("", |x| x.low.as_str());
    matches!(
        w(k),
        "attacks"
            | "terrorist"
            | "terror"
            | "hijackers"
            | "hijacking"
            | "hijackings"
            | "commission"
            | "era"
            | "plot"
            | "plotters"
            | "responders"
    ) || (w(k) == "," && w(k + 1) == "2001")
}

/// Whether the mention starting at token `s` dates a report: "said on Tuesday",
/// "told reporters Tuesday", "repeated on Tuesday".
pub(crate) fn is_report_date(t: &[Tok], s: usize) -> bool {
    let w = |k: usize| t.get(k).map(|x| x.low.as_str()).unwrap_or("");
    let Some(mut k) = s.checked_sub(1) else {
        return false;
    };
    if w(k) == "on" {
        let Some(k2) = k.checked_sub(1) else {
            return false;
        };
        k = k2;
    }
    matches!(
        w(k),
        "said"
            | "says"
            | "told"
            | "announced"
            | "reported"
            | "added"
            | "stated"
            | "confirmed"
            | "repeated"
            | "declared"
            | "insisted"
    )
}

/// Whether the clause before token `k` (back to the sentence start) is a report or a
/// publication ("said", "was released", "announced"): a date there dates the report
/// ("the toll was released on Sunday morning"), not the events the story tells.
pub(crate) fn in_report_clause(t: &[Tok], k: usize) -> bool {
    let mut j = k;
    while j > 0 && !is_boundary(t, j - 1) && k - j < 40 {
        j -= 1;
        let w = t.get(j).map(|x| x.low.as_str()).unwrap_or("");
        if matches!(
            w,
            "said"
                | "says"
                | "told"
                | "announced"
                | "reported"
                | "released"
                | "published"
                | "posted"
                | "confirmed"
                | "stated"
                | "declared"
                | "revealed"
                | "disclosed"
        ) {
            return true;
        }
    }
    false
}

/// The tokens `s..e` of the sentence around token `k`, at most 60 tokens either side.
pub(crate) fn sentence_around(t: &[Tok], k: usize) -> (usize, usize) {
    let mut s = k;
    while s > 0 && !is_boundary(t, s - 1) && k - s < 60 {
        s -= 1;
    }
    let mut e = k;
    while e < t.len() && !is_boundary(t, e) && e - k < 60 {
        e += 1;
    }
    (s, e)
}

/// The kind of happening an event noun names, shared with the past verbs that tell it
/// ([`happening_verb`]): "the murder" and "the slaying" are the killing "was shot to
/// death" or "was killed" told; "his death" what "died" told; "the shooting" what "was
/// shot" told.
pub(crate) fn happening_kind(w: &str) -> Option<&'static str> {
    Some(match w {
        "shooting" | "shootings" => "shooting",
        "killing" | "killings" | "murder" | "murders" | "slaying" | "slayings" | "homicide"
        | "assassination" => "killing",
        "death" => "death",
        "bombing" | "bombings" | "blast" | "blasts" | "explosion" | "explosions" => "bombing",
        "attack" | "attacks" | "assault" | "raid" => "attack",
        "arrest" | "capture" => "arrest",
        "crash" | "collision" => "crash",
        "election" => "election",
        "robbery" | "heist" | "theft" => "robbery",
        "kidnapping" | "abduction" => "kidnapping",
        "resignation" => "resignation",
        "conviction" => "conviction",
        "invasion" => "invasion",
        _ => return None,
    })
}

/// The kinds of happening a past verb at `k` tells ("killed" -> killing and death; "shot
/// to death" -> shooting, killing and death; "died" -> death): none for a participle
/// used as an adjective ("the slain doctor", "a shot").
pub(crate) fn happening_verb(t: &[Tok], k: usize) -> [Option<&'static str>; 3] {
    let w = |j: usize| t.get(j).map_or("", |x| x.low.as_str());
    let (kind, death) = match w(k) {
        "shot" => ("shooting", false),
        "killed" | "murdered" | "slain" | "assassinated" => ("killing", true),
        "died" => ("death", false),
        "bombed" | "exploded" => ("bombing", false),
        "attacked" | "raided" | "assaulted" => ("attack", false),
        "arrested" | "captured" => ("arrest", false),
        "crashed" | "collided" => ("crash", false),
        "elected" => ("election", false),
        "robbed" => ("robbery", false),
        "kidnapped" | "abducted" => ("kidnapping", false),
        "resigned" => ("resignation", false),
        "convicted" => ("conviction", false),
        "invaded" => ("invasion", false),
        _ => return [None; 3],
    };
    if k > 0 && is_determiner(w(k - 1)) {
        return [None; 3];
    }
    let dead =
        kind == "shooting" && (w(k + 1) == "dead" || (w(k + 1) == "to" && w(k + 2) == "death"));
    [
        Some(kind),
        dead.then_some("killing"),
        (death || dead).then_some("death"),
    ]
}

/// Whether the verb at `v` governs the date at `s..e` of its sentence: no negation just
/// before the verb ("was not arrested on June 3"), and no relative pronoun, comma or
/// conjunction between the two that would start another clause ("who was shot years
/// ago, spoke on June 3").
pub(crate) fn verb_governs(t: &[Tok], v: usize, s: usize, e: usize) -> bool {
    let w = |j: usize| t.get(j).map_or("", |x| x.low.as_str());
    let negated = (v.saturating_sub(3)..v).any(|j| {
        matches!(
            w(j),
            "not" | "never" | "n't" | "no" | "didn't" | "wasn't" | "weren't" | "hasn't"
        )
    });
    let (a, b) = if v < s { (v + 1, s) } else { (e, v) };
    !negated
        && (a..b).all(|j| {
            !matches!(
                w(j),
                "who" | "which" | "whom" | "whose" | "that" | "," | ";" | "but" | "while"
            )
        })
}

/// The capitalised words of the sentence `s..e` that can name someone (not its function
/// words, months or weekdays): what tells that two sentences are about the same persons.
pub(crate) fn names_in(t: &[Tok], s: usize, e: usize) -> Vec<String> {
    t.get(s..e)
        .unwrap_or(&[])
        .iter()
        .filter(|x| {
            x.kind == Kind::Word
                && x.cap
                && x.low.len() >= 3
                && !is_function_word(&x.low)
                && crate::month_number(&x.low).is_none()
                && crate::lex::weekday(&x.low).is_none()
                && !matches!(x.low.as_str(), "the" | "police")
        })
        .map(|x| x.low.clone())
        .collect()
}

pub(crate) fn is_boundary(t: &[Tok], k: usize) -> bool {
    let Some(tok) = t.get(k) else { return true };
    if tok.kind != Kind::Punct {
        return false;
    }
    match tok.low.as_str() {
        "!" | "?" | ";" => true,
        "." => {
            let prev_short = k > 0
                && t.get(k - 1)
                    .is_some_and(|p| p.low.len() <= 2 && p.kind == Kind::Word);
            let next_ok = t
                .get(k + 1)
                .is_none_or(|n| n.sp && (n.cap || n.nl || n.kind == Kind::Punct));
            !prev_short && next_ok
        }
        _ => false,
    }
}

/// Whether a past verb of a happening governs the mention at `s..e`: "<verb> on <date>"
/// ("fired on June 8") or "<verb> <date>" closing its clause ("died June 8."), not a
/// verb that moves, sets or picks a date ("postponed to", "extended to", "invited ...
/// on", "picked June 8 for the strike"), nor a date that modifies a noun after it ("the
/// long-awaited June 8 launch").
pub(crate) fn past_verb_governs(t: &[Tok], s: usize, e: usize) -> bool {
    let Some(mut k) = s.checked_sub(1) else {
        return false;
    };
    if t.get(k).is_some_and(|x| x.low == "on") {
        let Some(j) = k.checked_sub(1) else {
            return false;
        };
        k = j;
    } else if t.get(e).is_some_and(|x| x.kind == Kind::Word) {
        return false;
    }
    let Some(w) = t.get(k).map(|x| x.low.as_str()) else {
        return false;
    };
    !matches!(
        w,
        "extended"
            | "postponed"
            | "delayed"
            | "moved"
            | "pushed"
            | "rescheduled"
            | "adjourned"
            | "deferred"
            | "set"
            | "called"
            | "invited"
            | "asked"
            | "ordered"
            | "summoned"
            | "subpoenaed"
            | "announced"
            | "scheduled"
            | "planned"
            | "expected"
            | "said"
            | "told"
            | "agreed"
            | "decided"
            | "voted"
            | "approved"
            | "authorized"
            | "designated"
            | "declared"
            | "proclaimed"
            | "fixed"
            | "picked"
            | "chose"
            | "booked"
            | "reserved"
            | "named"
            | "earmarked"
            | "confirmed"
            | "awaited"
            | "was"
            | "were"
            | "had"
            | "did"
            | "last"
            | "earlier"
            | "ago"
    ) && cue(t, k) == Tense::Past
}

/// The tense cue nearest to tokens `[s, e)` within their sentence (cues to the right
/// count double, and a clause after a comma does not outvote a cue on the left).
pub(crate) fn tense_near(t: &[Tok], s: usize, e: usize) -> Tense {
    const WINDOW: usize = 30;
    let mut left: Option<(usize, Tense)> = None;
    // "advances to play Saturday": an infinitive governing the date looks ahead unless
    // a past verb governs it ("went to Norby to meet him Tuesday"); only after a head
    // that takes one ("taken to hospital Monday", "spread to homes Monday" are places)
    let infinitive = s >= 3
        && t.get(s - 2).is_some_and(|x| x.low == "to")
        && t.get(s - 1)
            .is_some_and(|x| x.kind == Kind::Word && !x.cap && !x.low.ends_with("ed"))
        && t.get(s - 3).is_some_and(|x| {
            matches!(
                x.low.as_str(),
                "advances"
                    | "advance"
                    | "due"
                    | "expected"
                    | "plans"
                    | "plan"
                    | "scheduled"
                    | "slated"
                    | "set"
                    | "agrees"
                    | "vows"
                    | "promises"
                    | "hopes"
                    | "wants"
                    | "going"
                    | "aims"
                    | "intends"
                    | "prepares"
                    | "poised"
                    | "likely"
                    | "ready"
                    | "seeks"
                    | "returns"
                    | "heads"
                    | "travels"
            )
        });
    let mut k = s;
    let mut d = 0;
    while k > 0 && d < WINDOW {
        k -= 1;
        d += 1;
        if is_boundary(t, k) {
            break;
        }
        let c = cue(t, k);
        if c != Tense::None {
            left = Some((d, c));
            break;
        }
        if t.get(k).is_some_and(|x| x.nl) {
            break;
        }
    }
    if infinitive && left.is_none() {
        return Tense::Future;
    }
    let mut right: Option<(usize, Tense)> = None;
    let mut k = e;
    let mut d = 0;
    while k < t.len() && d < WINDOW {
        if is_boundary(t, k) || (k > e && t.get(k).is_some_and(|x| x.nl)) {
            break;
        }
        // a clause after a comma does not outvote the verb before the mention ("checked
        // into the clinic on Thursday night, for what is to be a three-month stay")
        // (nor does one after "and" when the verb before is near: "planned a large
        // demonstration in Little Havana on Saturday and were planning to drive")
        let near_left = left.is_some_and(|(dl, _)| dl <= 8);
        if left.is_some()
            && t.get(k)
                .is_some_and(|x| x.low == "," || (near_left && x.low == "and"))
        {
            break;
        }
        // cues to the right count double: the governing verb usually comes first
        d += 2;
        let c = cue(t, k);
        if c != Tense::None {
            right = Some((d, c));
            break;
        }
        k += 1;
    }
    match (left, right) {
        (Some((dl, cl)), Some((dr, cr))) => {
            if dl <= dr {
                cl
            } else {
                cr
            }
        }
        (Some((_, c)), None) | (None, Some((_, c))) => c,
        // "In January, a week after the anniversary of the ruling, a clinic bombing in
        // Birmingham killed a guard": the sentence's verb further right (at most 40
        // tokens on from where the right-hand scan stopped; the left is not searched again)
        (None, None) => (k..t.len().min(k + 40))
            .take_while(|&j| !(is_boundary(t, j) || (j > e && t.get(j).is_some_and(|x| x.nl))))
            .map(|j| cue(t, j))
            .find(|&c| c != Tense::None)
            .unwrap_or(Tense::None),
    }
}
