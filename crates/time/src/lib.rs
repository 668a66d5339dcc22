//! Temporal expressions: recognition and TIMEX3 normalisation.
//!
//! A rule-based tagger for English news in the spirit of HeidelTime and SUTime: one
//! tokenizer pass, then a hand-written grammar tried only at trigger tokens (numbers,
//! month and weekday names, a few dozen temporal words), leftmost-longest, no overlaps.
//! Values follow TIMEX3 (`2023-06-06`, `2023-W23`, `P2D`, `PRESENT_REF`, `XXXX-WXX-5`).
//!
//! Resolution, in text order:
//! - explicit dates are `absolute`;
//! - DCT-relative expressions ("yesterday", "last week", "on Sunday") resolve against the
//!   DCT (`dct`); a bare weekday goes back or forward by the tense of the nearest verb
//!   ("said" and other reporting verbs count as past; "meets Monday" as future), and
//!   "this Friday" without a tense cue is the Friday of the DCT's week (a clause after a
//!   comma does not outvote the verb before the mention);
//! - a bare month or month-day takes the year that puts it nearest the DCT, a later date
//!   paying extra unless a future tense governs it or it lies within two months (within
//!   a week when a past verb of the happening governs it: "fired on June 8" on a page of
//!   16 May is the June before);
//! - "the day before", "hours later", "a year earlier" resolve against the most recently
//!   mentioned date (`previous`), where a weekday dating a report ("said on Tuesday")
//!   does not count;
//! - "two days after the June 3 blast", "the night before the concert" resolve against the
//!   event's date, given in the expression or else the previous date (`event`);
//! - in a results story, comparisons ("a year earlier", "up from $2 million last year",
//!   "the year-ago period", "the 1988 quarter") go back to the reporting period: the
//!   latest quarter named that is over by the DCT, not an aside about an earlier quarter
//!   nor a quarter still under way; "the first nine months" puts the year in focus.
//!
//! # Conventions taken from TimeBank (TempEval-3 training data)
//! Where the annotation could go either way, the tagger follows what the TimeBank and
//! AQUAINT annotators did in most cases: "Friday night" and "Tuesday morning" are the
//! day (evening and afternoon keep `TEV`/`TAF`); "the past year" is last calendar year;
//! "the week" with no date is a week of the DCT's year (`1989-WXX`); "by year-end" is
//! the year; rates ("$5 million a year", "20% annually") and titles ("This Week",
//! "VOA Today") are not times; an appositive ("Oct. 12, the day before the plunge")
//! restates the date. Also (round 4, each checked against every occurrence in the
//! training data): "will one day be" is the future (`FUTURE_REF`), not a day; a year in
//! a name or a model ("Norby 1990", "a 1987 Chevrolet") and a frequency ("24 hours a
//! day") are not times; "on Monday and Tuesday nights", "each July" are sets; "in the
//! weeks before the shooting" is the month of the event; "the week of March 6" is that
//! week; "for a while", "over the years", "in years" are unsaid lengths; "eight trading
//! days" is a length only (trading days shift no calendar date); "the last half of
//! 1989" is `1989-H2`; Easter and the days around it follow the Gregorian computus.
//! Round 5: "centuries" is `PXC` and "two thousand years" `P2L` (TimeBank's century and
//! millennium units, as `P1E` is a decade); a past form after a determiner is a noun ("on
//! the ground" is no past tense); "the second quarter ended Oct. 31" written on Oct. 27
//! ended a year before, and a year-ago quarter it stands in apposition to is that
//! quarter; a comparison after "the first quarter ended Sept. 30" goes back to the
//! quarter, not the day; "that quarter" is the quarter just told; "at 6 a.m. ten days
//! before the shooting" is one time.
//!
//! # Architecture invariants
//! - Pure: text in, spans out; offsets are byte offsets into the given text.
//! - Never fails: an expression that cannot be resolved keeps an underspecified value
//!   (`XXXX-XX-XX`), it is not dropped.

#![warn(missing_docs)]

mod grammar;
mod lex;
mod value;

use chrono::{Datelike, NaiveDate, Weekday};
use corroborate_model::{TimeMention, TimeType};

use grammar::{G, M, Sem, Tense};
pub use lex::Unit;
pub use value::{Direction, Point, Relative, parse_point, resolve_relative, weekday_from};

/// The month (1-12) a lower-case word names, full or abbreviated ("march", "sept"), for
/// the other stages' word lists (one place knows the month names).
pub fn month_number(word: &str) -> Option<u32> {
    lex::month(word)
}

/// The value of a number word below twenty, a tens word or "dozen" ("eleven" -> 11), for
/// the other stages' word lists (one place knows the number words).
pub fn number_word(word: &str) -> Option<i64> {
    lex::small_number(word)
}

/// Whether `word` (lowercase) is the past form of a verb ("died", "arrested", "shot",
/// "fell"), by the tagger's own tense cues (one place knows the irregular verbs).
pub fn past_form(word: &str) -> bool {
    grammar::IRREGULAR_PAST.contains(&word) || grammar::regular_past(word)
}

/// What a tagging run knows besides the text.
#[derive(Debug, Clone, Default)]
pub struct Context {
    /// Document creation time.
    pub dct: Option<NaiveDate>,
    /// When the DCT is unknown, a coarse hint of when the text was written (the middle
    /// of a publication month known only to the month): it resolves nothing, it only
    /// picks between two readings of an ambiguous date ("11/09/2010").
    pub around: Option<NaiveDate>,
}

/// A temporal expression with how it was resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct Timex {
    /// The mention (contract type).
    pub mention: TimeMention,
    /// The expression as a relative one, when it is relative to the DCT, to a previous
    /// date or to an event: lets a later stage re-resolve it with [`resolve_relative`]
    /// against a better anchor (an inferred DCT, an event's date).
    pub relative: Option<Relative>,
}

/// Of the two readings of a slashed date ("11/09/2010": month-first, day-first), the one
/// within a month of `anchor` (the DCT, or the publication month), the nearer if both
/// are; month-first otherwise.
fn pick_reading(first: NaiveDate, second: NaiveDate, anchor: Option<NaiveDate>) -> NaiveDate {
    let Some(d) = anchor else {
        return first;
    };
    let gap = |x: NaiveDate| (x - d).num_days().abs();
    if gap(second) <= 31 && gap(second) < gap(first) {
        second
    } else {
        first
    }
}

/// Finds and normalises temporal expressions in `text`, resolving relative ones against
/// `dct` (the document creation time) when given.
pub fn tag(text: &str, dct: Option<NaiveDate>) -> Vec<TimeMention> {
    tag_with(text, &Context { dct, around: None })
        .into_iter()
        .map(|t| t.mention)
        .collect()
}

/// As [`tag`], with the resolution details of every expression.
pub fn tag_with(text: &str, ctx: &Context) -> Vec<Timex> {
    let toks = lex::tokenize(text);
    let g = G { t: &toks };
    let mut matches: Vec<M> = Vec::new();
    let mut cands: Vec<M> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        cands.clear();
        g.candidates(i, &mut cands);
        let best = cands
            .drain(..)
            .filter(|m| m.end > m.start && m.start == i && m.end <= toks.len())
            .max_by_key(|m| m.end);
        match best {
            Some(m) => {
                i = m.end;
                matches.push(m);
            }
            None => i += 1,
        }
    }
    let mut r = Resolver {
        dct: ctx.dct,
        events: std::collections::HashMap::new(),
        happened: std::collections::HashMap::new(),
        prev: None,
        prev_day: None,
        prev_event_day: None,
        month_years: std::collections::HashMap::new(),
        after_in: false,
        month_in: None,
        inner: None,
        comparison: false,
        period_of_year: None,
        period_before: false,
        focus_q: None,
        done: false,
        ended: false,
    };
    let mut out: Vec<Timex> = Vec::with_capacity(matches.len());
    // the end token and day value of the last mention that named a day
    let mut last_day: Option<(usize, NaiveDate)> = None;
    // the index in `out`, end token and clock of the bare clock times that a day named
    // later in their sentence may still date
    let mut pending_clock: Vec<(usize, usize, (u32, u32))> = Vec::new();
    // the index in `out` and end token of the last quarter named without a year ("the
    // second quarter"), which a following "ended Oct. 31" dates
    // (and the index of a year-ago quarter it stands in apposition to: "the year-ago
    // quarter, the second quarter ended Oct. 31")
    let mut open_quarter: Option<(usize, usize, Option<usize>)> = None;
    // the index in `out` and end token of the last year-ago quarter
    let mut year_ago_quarter: Option<(usize, usize)> = None;
    for mut m in matches {
        // an ambiguous slashed date is the reading the DCT (or publication month) picks,
        // before anything looks at it as a date
        if let Sem::EitherDay(a, b) = m.sem {
            m.sem = Sem::Abs(Point::Day(pick_reading(a, b, ctx.dct.or(ctx.around))));
        }
        let (Some(first), Some(last)) = (toks.get(m.start), toks.get(m.end - 1)) else {
            continue;
        };
        // "Oct. 12, the day before the plunge": an appositive restates the date just
        // named, it does not shift from it
        let appositive = match (&m.sem, last_day) {
            (
                Sem::Event {
                    n: -1 | 1,
                    unit: Unit::Day,
                    ..
                }
                | Sem::Prev {
                    n: -1 | 1,
                    unit: Unit::Day,
                    ..
                },
                Some((end, day)),
            ) if end + 1 == m.start
                && toks.get(end).is_some_and(|t| t.low == ",")
                && toks.get(m.start).is_some_and(|t| t.low == "the") =>
            {
                Some(day)
            }
            _ => None,
        };
        let (s, e) = (first.s, last.e);
        let Some(span_text) = text.get(s..e) else {
            continue;
        };
        let mut tense = grammar::tense_near(&toks, m.start, m.end);
        if let Sem::PartDate { d, .. } = m.sem
            && grammar::is_deadline(&toks, m.start, d.is_none())
        {
            tense = Tense::Future;
        }
        let focus = (r.prev, r.prev_day);
        let hours_later = matches!(
            m.sem,
            Sem::Prev {
                n: 0,
                unit: Unit::Day,
                ..
            }
        ) && toks.get(m.start..m.end).is_some_and(|ts| {
            ts.iter()
                .any(|t| t.low.starts_with("hour") || t.low.starts_with("minute"))
        });
        if hours_later && r.prev_event_day.is_some() {
            // "hours later" follows the events told, not the time of a report
            r.prev_day = r.prev_event_day;
        }
        r.comparison = grammar::is_comparison(&toks, m.start, m.end);
        r.done = tense == Tense::Past && grammar::past_verb_governs(&toks, m.start, m.end);
        r.ended = tense != Tense::Future && grammar::period_ended_on(&toks, m.start);
        r.period_before = m.start > 0 && toks.get(m.start - 1).is_some_and(|t| t.low == "period");
        r.period_of_year = match toks.get(m.end).map(|t| t.low.as_str()) {
            Some(w @ ("quarter" | "period"))
                if m.end == m.start + 1
                    && m.start > 0
                    && toks.get(m.start - 1).is_some_and(|t| t.low == "the") =>
            {
                Some(w == "quarter")
            }
            _ => None,
        };
        // (a clause-initial "In": "In November 1973, ...", not "who was born in
        // November 1973")
        r.after_in = m.start > 0
            && toks.get(m.start - 1).is_some_and(|t| t.low == "in")
            && (m.start == 1
                || toks.get(m.start - 1).is_some_and(|t| t.cap || t.nl)
                || toks
                    .get(m.start - 2)
                    .is_some_and(|t| t.kind == lex::Kind::Punct));
        let mut res = r.resolve(&m.sem, tense);
        // "the second quarter ended Oct. 31": the quarter is the one that ended on
        // that day, in that day's year
        // (the day only tells which quarter: the quarter stays the period a later "a
        // year ago" compares with)
        if r.ended
            && let Some((idx, end, head)) = open_quarter.take()
            && end + 1 == m.start
            && let Some(Point::Day(day)) = parse_point(&res.value)
            && let Some(t) = out.get_mut(idx)
            && let Some(Point::Quarter(y, q)) = parse_point(&t.mention.value)
        {
            let mut quarter = Point::Quarter(y, q);
            if y == day.year() + 1 {
                quarter = Point::Quarter(day.year(), q);
                t.mention.value = quarter.to_string();
                t.mention.anchor = Some("previous".to_string());
                // the year-ago quarter the appositive restates is that quarter
                if let Some(t) = head.and_then(|h| out.get_mut(h))
                    && parse_point(&t.mention.value)
                        .is_some_and(|p| matches!(p, Point::Quarter(hy, _) if hy == day.year()))
                {
                    t.mention.value = quarter.to_string();
                }
            }
            r.note(quarter);
        }
        // "This quarter's loss includes ..." in a results report: the quarter reported
        // on (over, in focus), not the one under way at publication
        // (not a forecast: "This quarter's earnings will be hurt by a strike")
        if matches!(
            m.sem,
            Sem::Dct {
                n: 0,
                unit: Unit::Quarter
            }
        ) && tense != Tense::Future
            && first.low == "this"
            && toks.get(m.end).is_some_and(|t| t.low == "'")
            && toks.get(m.end + 1).is_some_and(|t| t.low == "s")
            && toks.get(m.end + 2).is_some_and(|t| {
                matches!(
                    t.low.as_str(),
                    "loss"
                        | "profit"
                        | "earnings"
                        | "results"
                        | "net"
                        | "income"
                        | "sales"
                        | "revenue"
                        | "revenues"
                        | "charge"
                        | "charges"
                )
            })
            && let Some(q) = r.focus_q
        {
            res.value = q.to_string();
            res.anchor = Some("previous");
            r.note(q);
        }
        // "strong redemptions that day": with no day told before, "that day" is any
        // day (a generic case), no time of the text
        if first.low == "that"
            && m.end == m.start + 2
            && matches!(
                m.sem,
                Sem::Prev {
                    n: 0,
                    unit: Unit::Day,
                    ..
                }
            )
            && res.value.starts_with("XXXX")
        {
            continue;
        }
        // "the September 11 attacks", "since 9/11": the day of 2001, background that
        // takes no focus from the story's own dates
        let attacks_name = span_text == "9/11"
            || (matches!(m.sem, Sem::PartDate { m: 9, d: Some(11) })
                && grammar::names_the_attacks(&toks, m.end)
                && r.dct.is_none_or(|d| d.year() > 2001));
        if attacks_name {
            res.value = "2001-09-11".to_string();
            res.relative = None;
            res.anchor = Some("absolute");
            (r.prev, r.prev_day) = focus;
        }
        if m.kind == TimeType::DURATION
            && let (Some(d), Some(ts)) = (r.dct, toks.get(m.start..m.end))
            && year_to_date(ts)
        {
            // "the first nine months": the current year is in focus, so a following
            // "a year earlier" means last year, not a year before the last date named
            r.prev = Some(Point::Year(d.year()));
        }
        if grammar::is_report_date(&toks, m.start) && matches!(m.sem, Sem::Weekday { .. }) {
            // "said on Tuesday" dates the report, not the story: "that night" later on
            // still means the night of the events told before
            (r.prev, r.prev_day) = focus;
        }
        let direct = matches!(
            m.sem,
            Sem::Abs(_)
                | Sem::PartDate { .. }
                | Sem::RelYearDate { .. }
                | Sem::Weekday { .. }
                | Sem::Dct { .. }
                | Sem::Holiday(_)
        ) || (matches!(m.sem, Sem::Unknown) && m.clock.is_some());
        if direct && !attacks_name {
            let day = match m.sem {
                Sem::Unknown => r.prev_day,
                _ => res
                    .value
                    .get(..10)
                    .and_then(parse_point)
                    .and_then(|p| match p {
                        Point::Day(d) => Some(d),
                        _ => None,
                    }),
            };
            if let Some(day) = day {
                let own = !matches!(m.sem, Sem::Unknown);
                r.note_sentence_nouns(&toks, (m.start, m.end), day, own);
                if !grammar::in_report_clause(&toks, m.start) {
                    r.prev_event_day = Some(day);
                }
            }
        }
        let mut value = res.value;
        if let Some(day) = appositive {
            value = Point::Day(day).to_string();
            r.note(Point::Day(day));
        }
        last_day = parse_point(value.get(..10).unwrap_or("")).and_then(|p| match p {
            Point::Day(d) if value.len() == 10 => Some((m.end, d)),
            _ => None,
        });
        // "spotted the car at 6 a.m. near the house ten days before the shooting": a
        // bare clock time takes the day named later in its own sentence
        // (not across a modal: "stopped at 6 a.m. and will resume on Friday")
        for (idx, end, (h, mi)) in std::mem::take(&mut pending_clock) {
            let between = toks.get(end..m.start).unwrap_or(&[]);
            let same_sentence = (end..m.start).all(|k| !grammar::is_boundary(&toks, k))
                && !between.iter().any(|t| {
                    matches!(
                        t.low.as_str(),
                        "will" | "would" | "shall" | "can" | "could" | "may" | "might" | "must"
                    )
                });
            match last_day {
                Some((_, d)) if same_sentence && !grammar::is_report_date(&toks, m.start) => {
                    if let Some(t) = out.get_mut(idx) {
                        t.mention.value = format!("{}T{h:02}:{mi:02}", Point::Day(d));
                        t.mention.anchor = res.anchor.map(str::to_string);
                    }
                }
                _ if same_sentence && last_day.is_none() => {
                    pending_clock.push((idx, end, (h, mi)));
                }
                _ => {}
            }
        }
        let mut kind = m.kind;
        let mut relative = res.relative;
        if appositive.is_some() {
            relative = Some(Relative::Same {
                suffix: String::new(),
            });
        }
        if let Some((h, mi)) = m.clock {
            value = with_suffix(&value, &format!("T{h:02}:{mi:02}"));
            kind = TimeType::TIME;
            if matches!(m.sem, Sem::Unknown) {
                // a bare clock time: the day of the happening its sentence retells,
                // else the previous date (or a day named later in the sentence, see
                // `pending_clock`), else the DCT
                let retold = r.retold_day(&toks, m.start);
                let (v, anchor) = match (retold, r.prev_day, r.dct) {
                    (Some(d), ..) => (Point::Day(d).to_string(), "event"),
                    (None, Some(d), _) => (Point::Day(d).to_string(), "previous"),
                    (None, None, Some(d)) => (Point::Day(d).to_string(), "dct"),
                    _ => ("XXXX-XX-XX".to_string(), ""),
                };
                if retold.is_none() {
                    pending_clock.push((out.len(), m.end, (h, mi)));
                }
                value = format!("{v}T{h:02}:{mi:02}");
                let anchor = (!anchor.is_empty()).then(|| anchor.to_string());
                out.push(Timex {
                    mention: TimeMention {
                        start: s,
                        end: e,
                        text: span_text.to_string(),
                        kind,
                        value,
                        anchor,
                        duration: m.duration.clone(),
                    },
                    relative: Some(Relative::Same {
                        suffix: format!("T{h:02}:{mi:02}"),
                    }),
                });
                continue;
            }
        } else if let Some(p) = m.pod {
            value = with_suffix(&value, p);
            kind = TimeType::TIME;
        }
        if let (Some(Relative::Same { suffix }), Some(sfx)) = (
            &mut relative,
            m.clock
                .map(|(h, mi)| format!("T{h:02}:{mi:02}"))
                .or(m.pod.map(str::to_string)),
        ) && suffix.is_empty()
        {
            *suffix = sfx;
        }
        let head = year_ago_quarter
            .filter(|&(_, end)| end + 1 == m.start && toks.get(end).is_some_and(|t| t.low == ","))
            .map(|(h, _)| h);
        open_quarter = matches!(
            m.sem,
            Sem::Quarter {
                y: None,
                yoff: None,
                ..
            }
        )
        .then_some((out.len(), m.end, head));
        year_ago_quarter =
            matches!(m.sem, Sem::YearAgoQuarter { quarter: true }).then_some((out.len(), m.end));
        out.push(Timex {
            mention: TimeMention {
                start: s,
                end: e,
                text: span_text.to_string(),
                kind,
                value,
                anchor: res.anchor.map(str::to_string),
                duration: m.duration.clone(),
            },
            relative,
        });
        // the date inside "two days after the June 3 blast" is a mention of its own
        if let (Some((a, b)), Some((v, anchor))) = (m.nested, r.inner.take())
            && let (Some(first), Some(last)) =
                (toks.get(a), b.checked_sub(1).and_then(|k| toks.get(k)))
            && let Some(t) = text.get(first.s..last.e)
        {
            if b == m.end
                && v.len() == 10
                && let Some(Point::Day(day)) = parse_point(&v)
            {
                // "eight days after Oct. 12, the day before the plunge": the appositive
                // restates the date named last
                last_day = Some((b, day));
            }
            out.push(Timex {
                mention: TimeMention {
                    start: first.s,
                    end: last.e,
                    text: t.to_string(),
                    kind: TimeType::DATE,
                    value: v,
                    anchor: anchor.map(str::to_string),
                    duration: None,
                },
                relative: None,
            });
        }
    }
    out
}

/// "the first nine months", "the latest six months", "the nine months": a stretch of
/// the current year up to now (a year-to-date period in a results report).
fn year_to_date(ts: &[lex::Tok]) -> bool {
    let w = |k: usize| ts.get(k).map_or("", |t| t.low.as_str());
    let k = if matches!(w(1), "first" | "latest" | "past") {
        2
    } else {
        1
    };
    w(0) == "the"
        && ts.len() == k + 2
        && match w(k + 1) {
            "months" => lex::small_number(w(k)).is_some_and(|n| (2..=11).contains(&n)),
            "quarters" => matches!(w(k), "two" | "three"),
            _ => false,
        }
}

/// Extra cost of a later date when no tense cue decides (see [`pick_year`]).
const PICK_FUTURE_BIAS: i64 = 150;
/// Extra cost of a later date in a past-tense sentence.
const PICK_PAST_BIAS: i64 = 400;
/// Days ahead within which a later date pays no extra cost.
const PICK_NEAR: i64 = 60;
/// Days ahead within which a later date pays only a small extra cost when a past verb
/// of the happening governs it (slop in the publication date): "O'Brien, fired on
/// June 8," on a page of 16 May is the June before.
const PICK_DONE_NEAR: i64 = 7;

/// The year (DCT year, one before or one after) that puts a month-day nearest the DCT,
/// with a tense bias: a past-tense sentence prefers dates before the DCT, a future one
/// dates after it.
fn pick_year(
    dct: NaiveDate,
    tense: Tense,
    done: bool,
    mk: impl Fn(i32) -> Option<NaiveDate>,
) -> i32 {
    // News mostly looks back: without a cue a later date must be much nearer to win,
    // and a past tense all but rules it out.
    let mut best = (i64::MAX, dct.year());
    for y in [dct.year(), dct.year() - 1, dct.year() + 1] {
        let Some(c) = mk(y) else { continue };
        let diff = (c - dct).num_days();
        let mut cost = diff.abs();
        if diff > 0 {
            cost += match tense {
                Tense::Past if diff > PICK_NEAR || (done && diff > PICK_DONE_NEAR) => {
                    PICK_PAST_BIAS
                }
                Tense::Past => 120,
                Tense::Reported => 120,
                Tense::None if diff > PICK_NEAR => PICK_FUTURE_BIAS,
                _ => 0,
            };
        }
        if diff < 0 && tense == Tense::Future {
            cost += if -diff > PICK_NEAR {
                PICK_PAST_BIAS
            } else {
                120
            };
        }
        if cost < best.0 {
            best = (cost, y);
        }
    }
    best.1
}

/// The date of a holiday in year `y`.
fn holiday_date(h: grammar::Holiday, y: i32) -> Option<NaiveDate> {
    match h {
        grammar::Holiday::Fixed(m, d) => NaiveDate::from_ymd_opt(y, m, d),
        grammar::Holiday::Thanksgiving => {
            NaiveDate::from_weekday_of_month_opt(y, 11, Weekday::Thu, 4)
        }
        grammar::Holiday::ElectionDay => {
            let mon = NaiveDate::from_weekday_of_month_opt(y, 11, Weekday::Mon, 1)?;
            mon.succ_opt()
        }
        grammar::Holiday::Easter(offset) => {
            easter_sunday(y)?.checked_add_signed(chrono::Duration::days(offset))
        }
    }
}

/// Western Easter Sunday of year `y` (the anonymous Gregorian computus).
fn easter_sunday(y: i32) -> Option<NaiveDate> {
    let a = y.rem_euclid(19);
    let (b, c) = (y.div_euclid(100), y.rem_euclid(100));
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let n = h + l - 7 * m + 114;
    NaiveDate::from_ymd_opt(
        y,
        u32::try_from(n / 31).ok()?,
        u32::try_from(n % 31 + 1).ok()?,
    )
}

/// Appends a time suffix to a day value; other values are left alone.
fn with_suffix(v: &str, suffix: &str) -> String {
    let is_day = v.len() == 10
        && (v.as_bytes().get(4) == Some(&b'-'))
        && (v.as_bytes().get(7) == Some(&b'-'));
    if is_day {
        format!("{v}{suffix}")
    } else {
        v.to_string()
    }
}

struct Resolved {
    value: String,
    anchor: Option<&'static str>,
    relative: Option<Relative>,
}

struct Resolver {
    dct: Option<NaiveDate>,
    /// Event nouns seen in a sentence with a day date ("concert" -> 2023-06-03).
    events: std::collections::HashMap<String, NaiveDate>,
    /// Kinds of happening ([`grammar::happening_kind`]) told by a past verb in a
    /// sentence with a day date outside a report clause ("Slepian was shot to death on
    /// Oct. 23" -> killing, shooting): what "ten days before the murder" and a later
    /// retelling ("was shot to death at 10 p.m.") go back to, before any noun that only
    /// shared a sentence with a date ("the murder investigation ... Thursday").
    happened: std::collections::HashMap<&'static str, (NaiveDate, Vec<String>)>,
    prev: Option<Point>,
    prev_day: Option<NaiveDate>,
    /// Month -> year of the months the text has named with their year so far ("June
    /// 2005", "24 June 2005"): the year of a later past "June 24" that would otherwise
    /// fall after the DCT.
    month_years: std::collections::HashMap<u32, i32>,
    /// Whether the mention being resolved follows "in" ("In November 1973"): a month
    /// and year so told sets the time of the narrative, not a name's attribute.
    after_in: bool,
    /// The month and year last told with "in" ("In November 1973, ..."): the year of
    /// a past month-day of that month right after it ("On Nov. 17, ...").
    month_in: Option<(i32, u32)>,
    /// The last day date given outside a report clause: what "hours later" follows.
    prev_event_day: Option<NaiveDate>,
    /// The value and anchor of the date inside the last event-anchored expression.
    inner: Option<(String, Option<&'static str>)>,
    /// The latest quarter the text names that is over by the DCT: the reporting period
    /// of a results story, which later comparisons go back to even after an aside about
    /// an earlier quarter ("after a flat second quarter").
    focus_q: Option<Point>,
    /// The mention being resolved follows "period": "the corresponding period last
    /// year".
    period_before: bool,
    /// The mention being resolved is a year naming a reporting period: "the 1988
    /// quarter" (`Some(true)`), "the 1989 period" (`Some(false)`).
    period_of_year: Option<bool>,
    /// The mention being resolved is the second term of a comparison ("up from $3
    /// million last year", "the corresponding period last year").
    comparison: bool,
    /// A past verb of the happening governs the mention ("fired on June 8"): a later
    /// date is all but ruled out, not just dearer.
    done: bool,
    /// The mention is the day a period ended ("the quarter ended Oct. 31"): over by the
    /// DCT, so never a later date.
    ended: bool,
}

fn unknown_of(unit: Unit) -> &'static str {
    match unit {
        Unit::Year => "XXXX",
        Unit::Month => "XXXX-XX",
        Unit::Week => "XXXX-WXX",
        Unit::Weekend => "XXXX-WXX-WE",
        Unit::Quarter => "XXXX-QX",
        Unit::Decade => "XXX",
        Unit::Century => "XX",
        _ => "XXXX-XX-XX",
    }
}

/// How coarse a unit is: larger is coarser.
fn unit_rank(u: Unit) -> u8 {
    match u {
        Unit::Second | Unit::Minute | Unit::Hour => 0,
        Unit::Day => 1,
        Unit::Week | Unit::Weekend => 2,
        Unit::Month => 3,
        Unit::Quarter | Unit::Season => 4,
        Unit::Half => 5,
        Unit::Year => 6,
        Unit::Decade => 7,
        Unit::Century => 8,
    }
}

/// How coarse a point is, on the scale of [`unit_rank`].
fn point_rank(p: &Point) -> u8 {
    match p {
        Point::Day(_) => 1,
        Point::Week(..) | Point::Weekend(..) => 2,
        Point::Month(..) => 3,
        Point::Quarter(..) | Point::Season(..) => 4,
        Point::Half(..) => 5,
        Point::Year(_) => 6,
        Point::Decade(_) => 7,
        Point::Century(_) => 8,
    }
}

fn wd_of(n: u32) -> Weekday {
    match n {
        1 => Weekday::Mon,
        2 => Weekday::Tue,
        3 => Weekday::Wed,
        4 => Weekday::Thu,
        5 => Weekday::Fri,
        6 => Weekday::Sat,
        _ => Weekday::Sun,
    }
}

impl Resolver {
    /// Remembers the nouns of the sentence around token `k` as events of `day`, for
    /// "the night before the concert".
    fn note_sentence_nouns(
        &mut self,
        toks: &[lex::Tok],
        (k, end): (usize, usize),
        day: NaiveDate,
        own: bool,
    ) {
        let (s, e) = grammar::sentence_around(toks, k);
        for (j, t) in toks.get(s..e).unwrap_or(&[]).iter().enumerate() {
            // "on June 1, two days before the bombing": the bombing is not of June 1
            let w = |b: usize| {
                (s + j)
                    .checked_sub(b)
                    .and_then(|x| toks.get(x))
                    .map_or("", |x| x.low.as_str())
            };
            if matches!(w(1), "before" | "after")
                || (matches!(w(2), "before" | "after") && !matches!(w(1), "," | "."))
            {
                continue;
            }
            if t.kind == lex::Kind::Word
                && !t.cap
                && t.low.len() >= 4
                && !grammar::is_function_word(&t.low)
                && lex::unit(&t.low).is_none()
            {
                // "the Oct. 23 slaying", "the June 3 sniper shooting": the date names
                // the day of the noun it modifies, whatever the sentence told before
                let at = s + j;
                let attributive = own
                    && k > 0
                    && toks
                        .get(k - 1)
                        .is_some_and(|p| matches!(p.low.as_str(), "the" | "a" | "an"))
                    && at >= end
                    && at < end + 3
                    && toks
                        .get(end..at)
                        .is_some_and(|ts| ts.iter().all(|x| x.kind == lex::Kind::Word && !x.cap))
                    && grammar::is_event_noun(&t.low);
                if attributive {
                    self.events.insert(t.low.clone(), day);
                } else {
                    self.events.entry(t.low.clone()).or_insert(day);
                }
            }
        }
        // the happenings a past verb near the date tells, when the sentence names the
        // day itself (a bare clock time's day is only the previous date)
        if !own {
            return;
        }
        let kinds: Vec<&'static str> = (k.saturating_sub(8).max(s)..(end + 4).min(e))
            .flat_map(|j| {
                let kinds = grammar::happening_verb(toks, j);
                let governs = kinds[0].is_some() && grammar::verb_governs(toks, j, k, end);
                kinds.into_iter().flatten().filter(move |_| governs)
            })
            .filter(|kind| !self.happened.contains_key(kind))
            .collect();
        if !kinds.is_empty() && !grammar::in_report_clause(toks, k) {
            let names = grammar::names_in(toks, s, e);
            for kind in kinds {
                self.happened
                    .entry(kind)
                    .or_insert_with(|| (day, names.clone()));
            }
        }
    }

    /// The day of the happening an event noun names: one a past verb told with a day
    /// date first, else the day of a sentence that named the noun.
    fn event_day(&self, noun: &str) -> Option<NaiveDate> {
        grammar::happening_kind(noun)
            .and_then(|k| self.happened.get(k).map(|(d, _)| *d))
            .or_else(|| self.events.get(noun).copied())
    }

    /// The day of a happening the sentence around token `k` retells with a past verb
    /// ("Slepian ... was shot to death at 10 p.m."), when a dated sentence told it.
    fn retold_day(&self, toks: &[lex::Tok], k: usize) -> Option<NaiveDate> {
        let (s, e) = grammar::sentence_around(toks, k);
        // the same happening of the same persons: a name of the dated sentence comes
        // back ("Slepian was shot to death on Oct. 23" ... "Slepian, 52, was shot to
        // death at 10 p.m."), not another person's arrest at 10 p.m.
        if self.happened.is_empty() {
            return None;
        }
        let names = grammar::names_in(toks, s, e);
        (s..e).find_map(|j| {
            grammar::happening_verb(toks, j)
                .into_iter()
                .flatten()
                .find_map(|kind| {
                    self.happened
                        .get(kind)
                        .filter(|(_, told)| told.iter().any(|n| names.contains(n)))
                        .map(|(d, _)| *d)
                })
        })
    }

    /// Whether `p` ends after the DCT: "will result in a fourth-quarter charge" names a
    /// quarter still under way, which "the latest quarter" does not refer back to.
    fn not_over(&self, p: Point) -> bool {
        let (Some(d), Some(first)) = (self.dct, p.first_day()) else {
            return false;
        };
        Point::of(d, Unit::Quarter)
            .first_day()
            .is_some_and(|cur| first >= cur)
    }

    /// The quarter a comparison goes back to, when a quarter is in focus: the
    /// reporting period ([`Resolver::focus_q`]) rather than the last quarter named.
    fn quarter_in_focus(&self) -> Option<Point> {
        match self.prev {
            Some(p @ Point::Quarter(..)) => Some(self.focus_q.unwrap_or(p)),
            _ => None,
        }
    }

    fn note(&mut self, p: Point) {
        self.prev = Some(p);
        if let Point::Day(d) = p {
            self.prev_day = Some(d);
        }
    }

    fn done(&mut self, p: Point, anchor: &'static str, relative: Option<Relative>) -> Resolved {
        self.note(p);
        Resolved {
            value: p.to_string(),
            anchor: Some(anchor),
            relative,
        }
    }

    fn lit(
        v: impl Into<String>,
        anchor: Option<&'static str>,
        relative: Option<Relative>,
    ) -> Resolved {
        Resolved {
            value: v.into(),
            anchor,
            relative,
        }
    }

    fn resolve(&mut self, sem: &Sem, tense: Tense) -> Resolved {
        match sem {
            Sem::Lit(v) => Self::lit(v.clone(), None, None),
            Sem::Unknown => Self::lit("XXXX-XX-XX", None, None),
            Sem::AroundEvent { noun } => {
                let rel = Relative::Shift {
                    amount: 0,
                    unit: Unit::Month,
                };
                // a violent death goes by several names in one story: "the Oct. 23
                // slaying" ... "in the weeks before the shooting"
                const DEATH: &[&str] = &["shooting", "killing", "slaying", "murder"];
                let day = self.event_day(noun).or_else(|| {
                    DEATH
                        .contains(&noun.as_str())
                        .then(|| DEATH.iter().find_map(|w| self.event_day(w)))
                        .flatten()
                });
                match day {
                    Some(d) => self.done(Point::of(d, Unit::Month), "event", Some(rel)),
                    None => Self::lit(unknown_of(Unit::Month), None, Some(rel)),
                }
            }
            Sem::RelYearDate { m, d, yoff } => {
                let Some(dct) = self.dct else {
                    let v = match d {
                        Some(d) => format!("XXXX-{m:02}-{d:02}"),
                        None => format!("XXXX-{m:02}"),
                    };
                    return Self::lit(v, None, None);
                };
                let y = dct.year() + yoff;
                let p = match d {
                    Some(d) => match NaiveDate::from_ymd_opt(y, *m, *d) {
                        Some(x) => Point::Day(x),
                        None => return Self::lit("XXXX-XX-XX", None, None),
                    },
                    None => Point::Month(y, *m),
                };
                self.done(p, "dct", None)
            }
            Sem::TheWeek => match self.dct {
                Some(d) => Self::lit(format!("{:04}-WXX", d.year()), Some("dct"), None),
                None => Self::lit("XXXX-WXX", None, None),
            },
            Sem::TheWeekend => {
                let Some(d) = self.dct else {
                    return Self::lit("XXXX-WXX-WE", None, None);
                };
                let dir = if tense == Tense::Future {
                    Direction::OnOrAfter
                } else {
                    Direction::OnOrBefore
                };
                match value::weekday_from(d, Weekday::Sat, dir) {
                    Some(sat) => self.done(Point::of(sat, Unit::Weekend), "dct", None),
                    None => Self::lit("XXXX-WXX-WE", None, None),
                }
            }
            Sem::Holiday(h) => {
                let h = *h;
                let mk = |y: i32| holiday_date(h, y);
                match self.dct {
                    Some(d) => {
                        let y = pick_year(d, tense, self.done, mk);
                        match holiday_date(h, y) {
                            Some(day) => self.done(Point::Day(day), "dct", None),
                            None => Self::lit("XXXX-XX-XX", None, None),
                        }
                    }
                    None => match h {
                        grammar::Holiday::Fixed(m, dd) => {
                            Self::lit(format!("XXXX-{m:02}-{dd:02}"), None, None)
                        }
                        _ => Self::lit("XXXX-XX-XX", None, None),
                    },
                }
            }
            // (`tag_with` has turned it into the reading the DCT picks already)
            Sem::EitherDay(first, _) => self.resolve(&Sem::Abs(Point::Day(*first)), tense),
            Sem::Abs(p) => {
                let p = *p;
                let focus = match self.period_of_year {
                    Some(true) => self.quarter_in_focus().or(self.focus_q),
                    Some(false) => self.quarter_in_focus(),
                    None => None,
                };
                if let (Point::Year(y), Some(Point::Quarter(_, q))) = (p, focus) {
                    // "profit fell from the 1988 quarter", "in the 1989 period": the
                    // quarter in focus, in that year
                    return self.done(Point::Quarter(y, q), "previous", None);
                }
                match p {
                    Point::Month(y, m) => {
                        self.month_years.insert(m, y);
                        self.month_in = self.after_in.then_some((y, m));
                    }
                    Point::Day(d) => {
                        self.month_years.insert(d.month(), d.year());
                        self.month_in = None;
                    }
                    _ => {}
                }
                self.done(p, "absolute", None)
            }
            Sem::PartDate { m, d } => {
                let (m, d) = (*m, *d);
                // Without a DCT, the previous date anchors only when it names a month or
                // a day ("On March 10, 2005 ... on March 11"); a year alone ("plans for
                // early 2010 ... released on November 21st") is no narrative time.
                // (and only one of the same month: "the January 1955 issue ... died on
                // December 2" says nothing of the year of December 2)
                let base = self.dct.map(|x| (x, "dct")).or_else(|| {
                    self.prev
                        .filter(|p| match p {
                            Point::Day(d) => d.month() == m,
                            Point::Month(_, pm) => *pm == m,
                            _ => false,
                        })
                        .and_then(|p| p.first_day())
                        .map(|x| (x, "previous"))
                });
                let Some((dct, anchor)) = base else {
                    let v = match d {
                        Some(d) => format!("XXXX-{m:02}-{d:02}"),
                        None => format!("XXXX-{m:02}"),
                    };
                    return Self::lit(v, None, None);
                };
                let mk = |y: i32| match d {
                    Some(d) => NaiveDate::from_ymd_opt(y, m, d),
                    None => NaiveDate::from_ymd_opt(y, m, 1),
                };
                let mut y = if anchor != "dct" {
                    dct.year()
                } else {
                    pick_year(dct, tense, self.done, mk)
                };
                // "killed in June 2005 ... was killed on June 24" (written in May 2007):
                // a past date the pick puts after the DCT takes the year the text gave
                // that month, when that year is over.
                // "in June 2029 ... June 24, 2029 ... the June 20 robbery": a month-day
                // right after a date of the same month with its year is in that year
                // (a day: "the August 1988 cease-fire ... the invasion on Aug. 2" is 1990)
                // (or a month told with "in": "In November 1973, ... On Nov. 17, police
                // raided the hall")
                // (a bare year between does not end the flashback: "In November 1973,
                // ... since 1967 ... On Nov. 17"; any other month or day told since
                // has reset `month_in`)
                if self.month_in.is_some_and(|(_, pm)| pm != m) {
                    self.month_in = None;
                }
                let prev_same_month = match self.prev {
                    Some(Point::Day(p)) if p.month() == m => Some(p.year()),
                    Some(Point::Month(..) | Point::Year(_)) => {
                        self.month_in.filter(|&(_, pm)| pm == m).map(|(py, _)| py)
                    }
                    _ => None,
                };
                if anchor == "dct"
                    && tense == Tense::Past
                    && let Some(named) = prev_same_month
                    && named < y
                {
                    y = named;
                } else if anchor == "dct"
                    && tense == Tense::Past
                    && mk(pick_year(dct, tense, false, mk)).is_some_and(|c| c > dct)
                    && let Some(&named) = self.month_years.get(&m)
                    && named < dct.year()
                {
                    y = named;
                }
                // "the second quarter ended Oct. 31", written Oct. 27: the quarter is
                // over, so it ended a year before
                if self.ended && anchor == "dct" && mk(y).is_some_and(|c| c > dct) {
                    y -= 1;
                }
                let p = match (d, mk(y)) {
                    (Some(_), Some(date)) => Point::Day(date),
                    (None, _) => Point::Month(y, m),
                    (Some(d), None) => {
                        return Self::lit(format!("{y:04}-{m:02}-{d:02}"), Some(anchor), None);
                    }
                };
                self.done(p, anchor, None)
            }
            Sem::Weekday { wd, dir, this } => {
                // "this <weekday>" without a tense cue: the one of the current week
                // (Monday to Sunday); a future tense looks forward, a past one back
                let this_week = |d: NaiveDate| {
                    if d.weekday().number_from_monday() <= *wd {
                        Direction::OnOrAfter
                    } else {
                        Direction::OnOrBefore
                    }
                };
                let direction = match (dir, tense) {
                    (Some(d), _) => *d,
                    (None, Tense::Future) => Direction::OnOrAfter,
                    (None, Tense::Past | Tense::Reported) => Direction::OnOrBefore,
                    (None, Tense::None) if *this => {
                        self.dct.map_or(Direction::OnOrAfter, this_week)
                    }
                    (None, Tense::None) => Direction::OnOrBefore,
                };
                let rel = Relative::Weekday {
                    weekday: wd_of(*wd),
                    direction,
                };
                match self
                    .dct
                    .and_then(|d| value::weekday_from(d, wd_of(*wd), direction))
                {
                    Some(day) => self.done(Point::Day(day), "dct", Some(rel)),
                    None => Self::lit("XXXX-XX-XX", None, Some(rel)),
                }
            }
            Sem::PrevWeekday { wd, dir } => {
                let rel = Relative::Weekday {
                    weekday: wd_of(*wd),
                    direction: *dir,
                };
                match self
                    .prev_day
                    .map(|d| (d, "previous"))
                    .or(self.dct.map(|d| (d, "dct")))
                {
                    Some((a, anchor)) => match value::weekday_from(a, wd_of(*wd), *dir) {
                        Some(day) => self.done(Point::Day(day), anchor, Some(rel)),
                        None => Self::lit("XXXX-XX-XX", None, Some(rel)),
                    },
                    None => Self::lit("XXXX-XX-XX", None, Some(rel)),
                }
            }
            Sem::Dct { n, unit } => {
                let rel = Relative::Shift {
                    amount: *n,
                    unit: *unit,
                };
                if *n == -1
                    && *unit == Unit::Year
                    && self.comparison
                    && let Some(p) = self.quarter_in_focus().or(self.focus_q.filter(|_| {
                        // "for the corresponding period last year"
                        self.period_before
                    }))
                    && let Some(q) = p.shift(-1, Unit::Year)
                {
                    // "profit of $3 million, up from $2 million last year" with a quarter
                    // in focus: the same quarter of last year
                    return Self::lit(q.to_string(), Some("previous"), Some(rel));
                }
                match self.dct.and_then(|d| Point::of(d, *unit).shift(*n, *unit)) {
                    Some(p) => self.done(p, "dct", Some(rel)),
                    None => Self::lit(unknown_of(*unit), None, Some(rel)),
                }
            }
            Sem::Ago { n, unit } => {
                let rel = Relative::Shift {
                    amount: *n,
                    unit: *unit,
                };
                if *unit == Unit::Year
                    && let Some(p) = self.quarter_in_focus().or(match self.prev {
                        Some(h @ Point::Half(..)) => Some(h),
                        _ => None,
                    })
                    && let Some(q) = p.shift(*n, Unit::Year)
                {
                    // keep prev: "a year ago" compares with the quarter in focus
                    return Self::lit(q.to_string(), Some("previous"), Some(rel));
                }
                match self.dct.and_then(|d| Point::of(d, *unit).shift(*n, *unit)) {
                    Some(p) => self.done(p, "dct", Some(rel)),
                    None => Self::lit(unknown_of(*unit), None, Some(rel)),
                }
            }
            Sem::Prev { n, unit, keep } => {
                let rel = if *n == 0 && *unit == Unit::Day {
                    Relative::Same {
                        suffix: String::new(),
                    }
                } else {
                    Relative::Shift {
                        amount: *n,
                        unit: *unit,
                    }
                };
                if *keep
                    && let Some(p) = self.prev
                    && let Some(q) = p.shift(*n, *unit)
                {
                    return Self::lit(q.to_string(), Some("previous"), Some(rel));
                }
                let base = match unit {
                    Unit::Day
                    | Unit::Hour
                    | Unit::Minute
                    | Unit::Second
                    | Unit::Week
                    | Unit::Weekend => self.prev_day,
                    _ => self.prev.and_then(|p| p.first_day()).or(self.prev_day),
                };
                // "a few hours earlier", "two days later" count from the time told
                // before; with none told, the DCT is no better a guess (a caption
                // "found ... where he had been shot a few hours earlier", posted two
                // days on): unresolved
                match base.map(|b| (b, "previous")) {
                    Some((b, anchor)) => match Point::of(b, *unit).shift(*n, *unit) {
                        Some(p) => self.done(p, anchor, Some(rel)),
                        None => Self::lit(unknown_of(*unit), None, Some(rel)),
                    },
                    None => Self::lit(unknown_of(*unit), None, Some(rel)),
                }
            }
            Sem::Event {
                n,
                unit,
                inner,
                noun,
            } => {
                let rel = Relative::Shift {
                    amount: *n,
                    unit: *unit,
                };
                let (base, anchor) = match inner {
                    Some(s) => {
                        let r = self.resolve(s, tense);
                        self.inner = Some((r.value.clone(), r.anchor));
                        let point = parse_point(&r.value);
                        if let Some(p) = point
                            && !matches!(p, Point::Day(_))
                            && unit_rank(*unit) < point_rank(&p)
                        {
                            // "two weeks after the 2019 attack": no finer than the year
                            return self.done(p, "event", Some(rel));
                        }
                        let day = point.and_then(|p| p.first_day());
                        if let (Some(w), Some(d)) = (noun, day) {
                            self.events.entry(w.clone()).or_insert(d);
                            if let Some(k) = grammar::happening_kind(w) {
                                self.happened.entry(k).or_insert((d, Vec::new()));
                            }
                        }
                        (day, "event")
                    }
                    // an event not dated in this text: the previous date or the DCT
                    // stand in, and the anchor says so, so that a later stage can
                    // re-resolve it once the event is dated elsewhere
                    None => match noun.as_ref().and_then(|w| self.event_day(w)) {
                        Some(d) => (Some(d), "event"),
                        None => match (self.prev_day, self.dct) {
                            (Some(d), _) => (Some(d), "previous"),
                            (None, Some(d)) => (Some(d), "dct"),
                            (None, None) => (None, "event"),
                        },
                    },
                };
                match base.and_then(|b| Point::of(b, *unit).shift(*n, *unit)) {
                    Some(p) => self.done(p, anchor, Some(rel)),
                    None => Self::lit(unknown_of(*unit), None, Some(rel)),
                }
            }
            Sem::Quarter { q, y, yoff } => {
                if let Some(y) = y {
                    return self.done(Point::Quarter(*y, *q), "absolute", None);
                }
                let Some(d) = self.dct else {
                    return Self::lit(format!("XXXX-Q{q}"), None, None);
                };
                let mut year = d.year() + yoff.unwrap_or(0);
                let cur = (d.month() - 1) / 3 + 1;
                if yoff.is_none() && *q > cur && matches!(tense, Tense::Past | Tense::Reported) {
                    year -= 1;
                }
                let p = Point::Quarter(year, *q);
                if yoff.is_none()
                    && !self.not_over(p)
                    && self
                        .focus_q
                        .and_then(|f| f.first_day())
                        .is_none_or(|f| p.first_day().is_some_and(|x| x > f))
                {
                    self.focus_q = Some(p);
                }
                self.done(p, "dct", None)
            }
            Sem::QuarterOf(inner) => {
                let r = self.resolve(inner, tense);
                // (a quarter that ended on a day spans the three months before it: the
                // calendar quarter holding most of them, "ended July 31" the second)
                let mid = |d: NaiveDate| d.checked_sub_days(chrono::Days::new(45)).unwrap_or(d);
                match parse_point(&r.value).and_then(|p| p.first_day()) {
                    Some(d) => self.done(
                        Point::of(mid(d), Unit::Quarter),
                        r.anchor.unwrap_or("dct"),
                        None,
                    ),
                    None => Self::lit("XXXX-QX", None, None),
                }
            }
            Sem::TheQuarter { latest } => {
                // "the latest quarter" is over; "the quarter" may be one still ahead
                if let Some(p @ Point::Quarter(..)) = self.prev
                    && !(*latest && self.not_over(p))
                {
                    return Self::lit(p.to_string(), Some("previous"), None);
                }
                match self
                    .dct
                    .and_then(|d| Point::of(d, Unit::Quarter).shift(-1, Unit::Quarter))
                {
                    Some(p) => self.done(p, "dct", None),
                    None => Self::lit("XXXX-QX", None, None),
                }
            }
            Sem::YearAgoQuarter { quarter } => {
                if let (Some(Point::Year(y)), Some(d), false) = (self.prev, self.dct, *quarter) {
                    // "net was $3 million, against a loss in the 1988 period; the
                    // year-ago results included ...": the year in focus, a year back
                    let y = if y < d.year() { y } else { y - 1 };
                    return Self::lit(Point::Year(y).to_string(), Some("previous"), None);
                }
                let focus = if *quarter {
                    self.quarter_in_focus().or(self.focus_q)
                } else {
                    self.quarter_in_focus()
                };
                let base = match focus {
                    Some(p) if !self.not_over(p) => Some(p),
                    _ => self
                        .dct
                        .and_then(|d| Point::of(d, Unit::Quarter).shift(-1, Unit::Quarter)),
                };
                match base.and_then(|p| p.shift(-1, Unit::Year)) {
                    Some(p) => Self::lit(p.to_string(), Some("previous"), None),
                    None => Self::lit("XXXX-QX", None, None),
                }
            }
            Sem::Half { h, y } => match (y, self.dct) {
                (Some(y), _) => self.done(Point::Half(*y, *h), "absolute", None),
                (None, Some(d)) => self.done(Point::Half(d.year(), *h), "dct", None),
                _ => Self::lit(format!("XXXX-H{h}"), None, None),
            },
            Sem::Season { s, y, rel } => {
                if let Some(y) = y {
                    return self.done(Point::Season(*y, s), "absolute", None);
                }
                let Some(d) = self.dct else {
                    return Self::lit(format!("XXXX-{s}"), None, None);
                };
                let (cy, cs) = value::season_of(d);
                let idx = |x: &str| {
                    ["WI", "SP", "SU", "FA"]
                        .iter()
                        .position(|k| *k == x)
                        .unwrap_or(0)
                };
                let year = match rel {
                    Some(r) if *r >= 9 => d.year() + (*r - 10) as i32,
                    Some(-1) => {
                        if idx(s) < idx(cs) {
                            cy
                        } else {
                            cy - 1
                        }
                    }
                    Some(1) => {
                        if idx(s) > idx(cs) {
                            cy
                        } else {
                            cy + 1
                        }
                    }
                    _ => d.year(),
                };
                self.done(Point::Season(year, s), "dct", None)
            }
            Sem::MonthRel { m, rel } => {
                let Some(d) = self.dct else {
                    return Self::lit(format!("XXXX-{m:02}"), None, None);
                };
                let year = match rel {
                    // the last such month before the DCT's, a year further back when
                    // that is the month just past, which would be "last month" ("last
                    // February" said in March, "last December" said in January)
                    -1 => {
                        let last = if *m < d.month() {
                            d.year()
                        } else {
                            d.year() - 1
                        };
                        let back = (d.month() + 12 - *m) % 12;
                        if back == 1 { last - 1 } else { last }
                    }
                    1 => {
                        if *m > d.month() {
                            d.year()
                        } else {
                            d.year() + 1
                        }
                    }
                    _ => d.year(),
                };
                self.done(Point::Month(year, *m), "dct", None)
            }
        }
    }
}

#[cfg(test)]
mod tests;
