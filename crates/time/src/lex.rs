//! Tokenizer and word tables.

/// Kind of a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters only.
    Word,
    /// Digits only.
    Num,
    /// Letters and digits mixed ("3rd", "1990s").
    Alnum,
    /// One other character.
    Punct,
}

/// A token with its byte span.
#[derive(Debug, Clone)]
pub(crate) struct Tok {
    /// First byte.
    pub s: usize,
    /// One past the last byte.
    pub e: usize,
    /// Lowercase form.
    pub low: String,
    /// Kind.
    pub kind: Kind,
    /// Whitespace precedes the token.
    pub sp: bool,
    /// First char is uppercase.
    pub cap: bool,
    /// Whitespace before holds a newline.
    pub nl: bool,
}

/// Splits `text` into tokens: runs of alphanumerics, and single other characters.
pub(crate) fn tokenize(text: &str) -> Vec<Tok> {
    let mut out: Vec<Tok> = Vec::with_capacity(text.len() / 5 + 4);
    let mut sp = true;
    let mut nl = true;
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            sp = true;
            if c == '\n' {
                nl = true;
            }
            continue;
        }
        if c.is_alphanumeric() {
            let mut end = i + c.len_utf8();
            let mut has_digit = c.is_ascii_digit();
            let mut has_alpha = !c.is_ascii_digit();
            while let Some(&(j, d)) = it.peek() {
                if d.is_alphanumeric() {
                    if d.is_ascii_digit() {
                        has_digit = true;
                    } else {
                        has_alpha = true;
                    }
                    end = j + d.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
            let raw = text.get(i..end).unwrap_or("");
            let kind = match (has_digit, has_alpha) {
                (true, false) => Kind::Num,
                (false, _) => Kind::Word,
                _ => Kind::Alnum,
            };
            let low = if raw.is_ascii() {
                raw.to_ascii_lowercase()
            } else {
                raw.to_lowercase()
            };
            out.push(Tok {
                s: i,
                e: end,
                low,
                kind,
                sp,
                cap: c.is_uppercase(),
                nl,
            });
        } else {
            let end = i + c.len_utf8();
            let low = match c {
                '’' | '‘' => "'".to_string(),
                '–' | '—' => "-".to_string(),
                _ => c.to_string(),
            };
            out.push(Tok {
                s: i,
                e: end,
                low,
                kind: Kind::Punct,
                sp,
                cap: false,
                nl,
            });
        }
        sp = false;
        nl = false;
    }
    out
}

/// Month number (1-12) of a month name or abbreviation.
pub(crate) fn month(w: &str) -> Option<u32> {
    Some(match w {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

/// Whether a month word is an abbreviation (which may take a dot).
pub(crate) fn month_is_abbrev(w: &str) -> bool {
    w.len() <= 4 && w != "june" && w != "july" && w != "may"
}

/// Weekday number (1 = Monday ... 7 = Sunday).
pub(crate) fn weekday(w: &str) -> Option<u32> {
    Some(match w {
        "monday" => 1,
        "tuesday" => 2,
        "wednesday" => 3,
        "thursday" => 4,
        "friday" => 5,
        "saturday" => 6,
        "sunday" => 7,
        _ => return None,
    })
}

/// Weekday number of a plural weekday ("Fridays").
pub(crate) fn weekday_plural(w: &str) -> Option<u32> {
    weekday(w.strip_suffix('s')?)
}

/// Value of a number word below twenty, or a tens word.
pub(crate) fn small_number(w: &str) -> Option<i64> {
    Some(match w {
        "zero" => 0,
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
        "dozen" => 12,
        _ => return None,
    })
}

/// Value of an ordinal word or "3rd"-style token.
pub(crate) fn ordinal(w: &str) -> Option<i64> {
    let v = match w {
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
            let digits: &str = w
                .strip_suffix("st")
                .or_else(|| w.strip_suffix("nd"))
                .or_else(|| w.strip_suffix("rd"))
                .or_else(|| w.strip_suffix("th"))?;
            if digits.is_empty() || digits.len() > 3 || !digits.bytes().all(|b| b.is_ascii_digit())
            {
                return None;
            }
            return digits.parse().ok();
        }
    };
    Some(v)
}

/// Calendar units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    /// Second.
    Second,
    /// Minute.
    Minute,
    /// Hour.
    Hour,
    /// Day.
    Day,
    /// Weekend.
    Weekend,
    /// Week.
    Week,
    /// Month.
    Month,
    /// Quarter of a year.
    Quarter,
    /// Half a year.
    Half,
    /// Season.
    Season,
    /// Year.
    Year,
    /// Ten years.
    Decade,
    /// A hundred years.
    Century,
}

impl Unit {
    /// Whether the unit is below a day (its duration takes the `T` designator).
    pub fn is_clock(self) -> bool {
        matches!(self, Unit::Second | Unit::Minute | Unit::Hour)
    }

    /// A fractional amount written with the next smaller unit (`P2Y6M`), when that
    /// makes it whole.
    fn mixed(self, x: f64) -> Option<String> {
        let (per, big, small, clock) = match self {
            Unit::Year => (12.0, "Y", "M", false),
            Unit::Hour => (60.0, "H", "M", true),
            Unit::Minute => (60.0, "M", "S", true),
            _ => return None,
        };
        if !(0.0..1e6).contains(&x) {
            return None;
        }
        let whole = x.trunc();
        let rest = (x - whole) * per;
        if (rest - rest.round()).abs() > 1e-6 || rest.round() < 1.0 {
            return None;
        }
        let (whole, rest) = (whole as i64, rest.round() as i64);
        let t = if clock { "T" } else { "" };
        Some(if whole == 0 {
            format!("P{t}{rest}{small}")
        } else {
            format!("P{t}{whole}{big}{rest}{small}")
        })
    }

    /// The TIMEX3 duration of `n` such units (`P2D`, `PT48H`, `P10Y`); `None` for an
    /// unknown amount gives `PXD`.
    pub fn duration(self, n: Option<f64>) -> String {
        let (mult, letter) = match self {
            Unit::Second => (1.0, "S"),
            Unit::Minute => (1.0, "M"),
            Unit::Hour => (1.0, "H"),
            Unit::Day => (1.0, "D"),
            Unit::Weekend => (1.0, "WE"),
            Unit::Week => (1.0, "W"),
            Unit::Month => (1.0, "M"),
            Unit::Quarter => (3.0, "M"),
            Unit::Half => (6.0, "M"),
            Unit::Season => (3.0, "M"),
            Unit::Year => (1.0, "Y"),
            Unit::Decade => (10.0, "Y"),
            Unit::Century => (100.0, "Y"),
        };
        let amount = match n {
            // "decades": some years, as TimeBank writes it (`PXY`); "centuries": some
            // centuries, with TimeBank's century unit (`PXC`, as `P1E` is a decade and
            // `P2L` two millennia)
            None => "X".to_string(),
            // "two thousand years": millennia, TimeBank's `L` (`P2L`)
            Some(v)
                if self == Unit::Year && v >= 1000.0 && (v % 1000.0).abs() < 1e-9 && v < 1e9 =>
            {
                return format!("P{}L", (v / 1000.0).round() as i64);
            }
            Some(v) => {
                let x = v * mult;
                if (x - x.round()).abs() < 1e-9 {
                    format!("{}", x.round() as i64)
                } else if let Some(mixed) = self.mixed(x) {
                    // "2 1/2 years" is P2Y6M, "5 1/2 hours" PT5H30M
                    return mixed;
                } else {
                    format!("{x}")
                }
            }
        };
        let letter = match (n, self) {
            (None, Unit::Quarter) => "Q",
            (None, Unit::Decade) => "Y",
            (None, Unit::Century) => "C",
            _ => letter,
        };
        if self.is_clock() {
            format!("PT{amount}{letter}")
        } else {
            format!("P{amount}{letter}")
        }
    }
}

/// A unit word, with whether it is plural.
pub(crate) fn unit(w: &str) -> Option<(Unit, bool)> {
    Some(match w {
        "second" => (Unit::Second, false),
        "seconds" => (Unit::Second, true),
        "minute" | "min" => (Unit::Minute, false),
        "minutes" | "mins" => (Unit::Minute, true),
        "hour" | "hr" => (Unit::Hour, false),
        "hours" | "hrs" => (Unit::Hour, true),
        "day" => (Unit::Day, false),
        "days" => (Unit::Day, true),
        "weekend" => (Unit::Weekend, false),
        "weekends" => (Unit::Weekend, true),
        "week" => (Unit::Week, false),
        "weeks" => (Unit::Week, true),
        "month" => (Unit::Month, false),
        "months" => (Unit::Month, true),
        "quarter" => (Unit::Quarter, false),
        "quarters" => (Unit::Quarter, true),
        "year" => (Unit::Year, false),
        "years" => (Unit::Year, true),
        "decade" => (Unit::Decade, false),
        "decades" => (Unit::Decade, true),
        "century" => (Unit::Century, false),
        "centuries" => (Unit::Century, true),
        _ => return None,
    })
}

/// Season code of a season word.
pub(crate) fn season(w: &str) -> Option<&'static str> {
    Some(match w {
        "spring" => "SP",
        "summer" => "SU",
        "fall" | "autumn" => "FA",
        "winter" => "WI",
        _ => return None,
    })
}

/// Part-of-day code.
pub(crate) fn part_of_day(w: &str) -> Option<&'static str> {
    Some(match w {
        "morning" => "TMO",
        "afternoon" => "TAF",
        "evening" => "TEV",
        "night" => "TNI",
        "overnight" => "TNI",
        _ => return None,
    })
}

/// Words that may open a temporal expression (besides numbers, months and weekdays).
pub(crate) fn is_trigger(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "this"
            | "last"
            | "next"
            | "past"
            | "coming"
            | "previous"
            | "following"
            | "current"
            | "currently"
            | "recent"
            | "recently"
            | "now"
            | "today"
            | "tonight"
            | "yesterday"
            | "tomorrow"
            | "early"
            | "earlier"
            | "late"
            | "later"
            | "mid"
            | "every"
            | "each"
            | "daily"
            | "weekly"
            | "monthly"
            | "yearly"
            | "annually"
            | "hourly"
            | "nightly"
            | "quarterly"
            | "about"
            | "around"
            | "nearly"
            | "almost"
            | "roughly"
            | "approximately"
            | "some"
            | "more"
            | "less"
            | "fewer"
            | "at"
            | "up"
            | "over"
            | "several"
            | "few"
            | "many"
            | "half"
            | "fiscal"
            | "soon"
            | "future"
            | "nowadays"
            | "presently"
            | "lately"
            | "these"
            | "that"
            | "noon"
            | "midnight"
            | "midday"
            | "q1"
            | "q2"
            | "q3"
            | "q4"
            | "h1"
            | "h2"
            | "within"
            | "year"
            | "years"
            | "minute"
            | "hour"
            | "day"
            | "week"
            | "month"
            | "decade"
            | "century"
            | "months"
            | "weeks"
            | "days"
            | "hours"
            | "decades"
            | "minutes"
            | "centuries"
            | "formerly"
            | "nineties"
            | "eighties"
            | "seventies"
            | "sixties"
            | "fifties"
            | "end"
            | "beginning"
            | "start"
            | "middle"
            | "in"
            | "for"
            | "during"
            | "throughout"
            | "one"
            | "spring"
            | "christmas"
            | "easter"
            | "palm"
            | "good"
            | "new"
            | "independence"
            | "halloween"
            | "thanksgiving"
            | "election"
            | "summer"
            | "fall"
            | "autumn"
            | "winter"
    ) || small_number(w).is_some()
        || ordinal(w).is_some()
        || season(w).is_some()
        || month(w).is_some()
        || weekday(w).is_some()
        || weekday_plural(w).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_have_spans() {
        let t = "On Sunday, 21:40 – Kharivsk’s 3rd";
        let toks = tokenize(t);
        for k in &toks {
            assert!(t.get(k.s..k.e).is_some());
        }
        assert_eq!(toks[1].low, "sunday");
        assert!(toks[1].cap);
        assert_eq!(toks[3].kind, Kind::Num);
        assert_eq!(toks.last().map(|k| k.kind), Some(Kind::Alnum));
    }

    #[test]
    fn durations_format() {
        assert_eq!(Unit::Day.duration(Some(2.0)), "P2D");
        assert_eq!(Unit::Hour.duration(Some(48.0)), "PT48H");
        assert_eq!(Unit::Decade.duration(Some(1.0)), "P10Y");
        assert_eq!(Unit::Day.duration(None), "PXD");
        assert_eq!(Unit::Year.duration(Some(1.5)), "P1Y6M");
        assert_eq!(Unit::Hour.duration(Some(5.5)), "PT5H30M");
        assert_eq!(Unit::Day.duration(Some(1.5)), "P1.5D");
        assert_eq!(ordinal("3rd"), Some(3));
        assert_eq!(ordinal("third"), Some(3));
        assert_eq!(ordinal("rd"), None);
    }
}
