//! Claims: numeric slots (tolls and counts) and disputed propositions
//! (responsibility, alerts), with a status computed from independent sources.

use std::collections::{BTreeMap, BTreeSet};

use corroborate_model::{Annotations, Claim, ClaimStatus, ClaimValue, DateValue, Evidence, Span};

use crate::copies::CopyGraph;
use crate::entities::EntityTable;
use crate::events::Timeline;
use crate::text;

/// Modifiers that make a number a lower bound.
const LOWER_BOUND: &[&str] = &[
    "at least",
    "more than",
    "over",
    "above",
    "upwards of",
    "in excess of",
];
/// Modifiers that make a number an upper bound.
const UPPER_BOUND: &[&str] = &[
    "at most",
    "up to",
    "fewer than",
    "less than",
    "under",
    "below",
    "nearly",
    "almost",
];

/// The interval a quantity allows.
pub fn interval(q: &corroborate_model::QuantityMention) -> (f64, f64) {
    let m = q
        .modifier
        .as_deref()
        .map(str::to_lowercase)
        .unwrap_or_default();
    let lower = LOWER_BOUND.iter().any(|x| m == *x);
    let upper = UPPER_BOUND.iter().any(|x| m == *x);
    let approx = matches!(
        m.as_str(),
        "about" | "around" | "approximately" | "some" | "roughly"
    );
    let min = q.min.unwrap_or(if upper {
        0.0
    } else if approx {
        q.value * 0.9
    } else {
        q.value
    });
    let max = q.max.unwrap_or(if lower {
        f64::INFINITY
    } else if approx {
        q.value * 1.1
    } else {
        q.value
    });
    (min, max)
}

fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// The value label of a quantity ("at least 58").
pub fn label(q: &corroborate_model::QuantityMention) -> String {
    match q.modifier.as_deref().filter(|m| !m.trim().is_empty()) {
        Some(m) => format!("{} {}", m.trim().to_lowercase(), number(q.value)),
        None => number(q.value),
    }
}

#[derive(Debug, Clone)]
struct NumVal {
    label: String,
    point: f64,
    lo: f64,
    hi: f64,
    day: Option<i64>,
    as_of: Option<DateValue>,
    source: String,
    evidence: Evidence,
}

/// Builds a story's claims; ids are `<prefix>c1`, ...
pub fn claims(
    docs: &[&Annotations],
    table: &EntityTable,
    tl: &Timeline,
    copies: &CopyGraph,
    prefix: &str,
) -> Vec<Claim> {
    let main_event = tl.main_event();
    let main_subject = main_event
        .and_then(|i| tl.events.get(i))
        .map(|e| e.id.clone())
        .unwrap_or_else(|| "story".to_string());
    let main_year = tl
        .main_day
        .map(text::day_string)
        .and_then(|d| d.get(..4).and_then(|y| y.parse::<i64>().ok()));
    // The main event's first day: an article published before it cannot count its toll.
    let main_day = main_event
        .and_then(|i| tl.events.get(i))
        .and_then(|e| e.date.as_ref())
        .and_then(|d| {
            text::day_number(&d.value).or_else(|| text::day_number(&format!("{}-01", d.value)))
        });
    // Numeric slots.
    let mut slots: BTreeMap<(String, String), Vec<NumVal>> = BTreeMap::new();
    for doc in docs {
        let t = &doc.source.text;
        let sents = text::sentences(doc);
        let published_before_main = doc
            .source
            .published
            .as_ref()
            .filter(|p| p.basis != corroborate_model::DateBasis::Inferred)
            .and_then(|p| p.day())
            .and_then(text::day_number)
            .zip(main_day)
            .is_some_and(|(p, m)| p < m);
        for q in &doc.quantities {
            let Some(cat) = q.category.as_deref().filter(|c| !c.is_empty()) else {
                continue;
            };
            let sent = text::sentence_in(&sents, q.start);
            if is_partial_count(t, sent, q)
                || is_vague(q)
                || in_superseded_report(t, sent, q)
                || is_speculative(t, sent, q)
            {
                continue;
            }
            let subject = subject_of(doc, sent, tl, main_year, main_day)
                .or_else(|| continued_background(doc, &sents, sent, tl, main_year, main_day))
                .unwrap_or_else(|| main_subject.clone());
            // An older article in the same story (an earlier riot, last year's quake)
            // counts something else.
            if subject == main_subject && published_before_main {
                continue;
            }
            let (lo, hi) = interval(q);
            let as_of = doc.source.published.clone();
            slots
                .entry((subject, cat.to_string()))
                .or_default()
                .push(NumVal {
                    label: label(q),
                    point: q.value,
                    lo,
                    hi,
                    // Inferred dates are bounds, not report days: they do not order values.
                    day: as_of
                        .as_ref()
                        .filter(|d| d.basis != corroborate_model::DateBasis::Inferred)
                        .and_then(|d| d.day())
                        .and_then(text::day_number),
                    as_of,
                    source: doc.source.id.clone(),
                    evidence: Evidence::of(
                        &doc.source,
                        if sent.is_valid_in(t) {
                            sent
                        } else {
                            Span::new(q.start, q.end)
                        },
                    ),
                });
        }
    }
    let mut out: Vec<Claim> = Vec::new();
    let mut ordered: Vec<((String, String), Vec<NumVal>)> = slots.into_iter().collect();
    ordered.sort_by_key(|((subj, cat), _)| {
        (
            subj != &main_subject,
            category_rank(cat),
            cat.clone(),
            subj.clone(),
        )
    });
    for ((subject, attribute), vals) in ordered {
        let status = numeric_status(&vals, copies);
        // Group by (label, day).
        let mut groups: BTreeMap<(Option<i64>, String), Vec<&NumVal>> = BTreeMap::new();
        for v in &vals {
            groups.entry((v.day, v.label.clone())).or_default().push(v);
        }
        let mut values: Vec<ClaimValue> = groups
            .into_values()
            .map(|g| {
                claim_value(
                    g.first().map(|v| v.label.clone()).unwrap_or_default(),
                    None,
                    g.iter().map(|v| (&v.source, &v.evidence, v.as_of.as_ref())),
                    copies,
                )
            })
            .collect();
        values.sort_by(|a, b| {
            let da = a.as_of.as_ref().map(|d| d.value.clone());
            let db = b.as_of.as_ref().map(|d| d.value.clone());
            da.is_none()
                .cmp(&db.is_none())
                .then(da.cmp(&db))
                .then_with(|| a.value.cmp(&b.value))
        });
        out.push(Claim {
            id: String::new(),
            subject,
            attribute,
            status,
            values,
        });
    }
    out.extend(disputes(docs, table, tl, copies, &main_subject));
    for (i, c) in out.iter_mut().enumerate() {
        c.id = format!("{prefix}c{}", i + 1);
    }
    out
}

/// Whether a quantity is a vague amount ("dozens", "hundreds of people"), not a count.
pub fn is_vague(q: &corroborate_model::QuantityMention) -> bool {
    let w = text::words(&q.text);
    !w.iter().any(|x| x.chars().any(|c| c.is_ascii_digit()))
        && w.iter().any(|x| {
            matches!(
                x.as_str(),
                "dozens"
                    | "hundreds"
                    | "thousands"
                    | "scores"
                    | "several"
                    | "many"
                    | "some"
                    | "few"
                    | "numerous"
                    | "dozen"
            )
        })
}

/// Nouns for one person that, with "a", "an" or "one", make a count of a group ("a man
/// and two women died", "killed two women and a man").
const ONE_PERSON: &[&str] = &[
    "man",
    "woman",
    "boy",
    "girl",
    "child",
    "person",
    "officer",
    "policeman",
    "soldier",
    "worker",
    "teenager",
    "student",
];

/// Whether a quantity counts only part of a toll or an increment ("four members
/// of the orchestra were among the dead", "three more died", "19 are still in
/// intensive care"): such numbers are not values of the toll slot.
pub fn is_partial_count(t: &str, sent: Span, q: &corroborate_model::QuantityMention) -> bool {
    let before: String = t
        .get(sent.start.min(q.start)..q.start)
        .unwrap_or("")
        .to_lowercase();
    let after_all = text::words(t.get(q.end..sent.end.max(q.end)).unwrap_or(""));
    let after_words = after_all.get(..after_all.len().min(3)).unwrap_or(&[]);
    let own = text::words(&q.text);
    let before_words = text::words(&before);
    let is_num = text::is_number_word;
    let seq: Vec<&String> = own.iter().chain(after_words.iter().take(1)).collect();
    let increment = seq.windows(2).any(|w| match w {
        [a, b] => is_num(a) && matches!(b.as_str(), "more" | "other" | "additional" | "further"),
        _ => false,
    });
    if increment
        || before_words
            .last()
            .is_some_and(|w| matches!(w.as_str(), "another" | "further" | "additional"))
    {
        return true;
    }
    // Counts by group: "two women and one man died", "12 Somali and 11 Yemeni suspects",
    // "out of 23 arrested pirates, 12 are ...".
    // Not "killing 58 and injuring more than 120", "12 dead and 40 injured", "killed 58
    // and 120 were wounded": no verb or category word at either count.
    const OTHER_ATTRIBUTE: &[&str] = &[
        "dead", "killed", "injured", "wounded", "hurt", "missing", "died", "were", "was", "are",
        "is", "has", "have", "arrested", "detained", "held", "hostages",
    ];
    let verb = |w: &String| {
        w.ends_with("ing") || w.ends_with("ed") || OTHER_ATTRIBUTE.contains(&w.as_str())
    };
    let own_unit_other = q
        .unit
        .as_deref()
        .is_some_and(|u| OTHER_ATTRIBUTE.contains(&u));
    let after_second: Vec<&String> = after_all
        .iter()
        .skip_while(|w| *w != "and")
        .skip(2)
        // "... and a woman who were trapped": a relative clause is not the part's verb
        .take_while(|w| !matches!(w.as_str(), "who" | "that" | "which"))
        .take(3)
        .collect();
    // "a man", "an officer": one person named with an article is a count too.
    let one_person = |art: Option<&String>, noun: Option<&String>| {
        art.is_some_and(|a| matches!(a.as_str(), "a" | "an" | "one"))
            && noun.is_some_and(|n| ONE_PERSON.contains(&n.as_str()))
    };
    let coordinated_after = after_words
        .iter()
        .take(2)
        .position(|w| w == "and")
        .is_some_and(|k| {
            !after_words.iter().take(k).any(verb)
                && (after_all.get(k + 1).is_some_and(|w| is_num(w))
                    || one_person(after_all.get(k + 1), after_all.get(k + 2)))
        });
    let coordinated_before = before_words.last().is_some_and(|w| w == "and") && {
        let n = before_words.len();
        let group: Vec<&String> = before_words
            .iter()
            .take(n.saturating_sub(1))
            .rev()
            .take(2)
            .collect();
        // "a man and two women died"
        let named_one = one_person(group.get(1).copied(), group.first().copied());
        (named_one || group.iter().any(|w| is_num(w))) && !group.iter().any(|w| verb(w))
    };
    // "It killed 58 and 120 were wounded": each count has its own verb; "two women and
    // one man died", "held 12 Somali and 11 Yemeni suspects": one verb for the parts.
    let own_verbs = before_words.last().is_some_and(|w| verb(w) || w == "left")
        && after_second.iter().any(|w| verb(w));
    if !own_unit_other && ((coordinated_after && !own_verbs) || coordinated_before) {
        return true;
    }
    let whole = sent.slice(t).to_lowercase();
    const CUES: &[&str] = &[
        "among the",
        "among them",
        "including",
        "of them",
        "of whom",
        "intensive care",
        "critical condition",
        "still in hospital",
        "members of",
        "remain",
        "still in",
    ];
    if CUES.iter().any(|c| whole.contains(c)) {
        // The total right after "among the" is the real toll.
        let total =
            before.trim_end().ends_with("among the") || before.trim_end().ends_with("among");
        return !total;
    }
    false
}

fn category_rank(cat: &str) -> usize {
    const ORDER: &[&str] = &["killed", "injured", "missing", "hostages", "arrested"];
    ORDER.iter().position(|c| *c == cat).unwrap_or(ORDER.len())
}

/// The subject of a quantity's sentence when it is about an older event.
/// The background event a sentence opening with "It", "This" or "That" goes on about:
/// the subject of the sentence right before, when that is a background event ("... an
/// earthquake hit Zarand in February 2005. It killed 612 people" tells the older
/// quake's toll).
fn continued_background(
    doc: &Annotations,
    sents: &[Span],
    sent: Span,
    tl: &Timeline,
    main_year: Option<i64>,
    main_day: Option<i64>,
) -> Option<String> {
    let first = sent
        .slice(&doc.source.text)
        .split_whitespace()
        .next()?
        .to_lowercase();
    if !matches!(first.as_str(), "it" | "this" | "that") {
        return None;
    }
    let k = sents.partition_point(|s| s.start < sent.start);
    let prev = sents.get(k.checked_sub(1)?).copied()?;
    let id = subject_of(doc, prev, tl, main_year, main_day)?;
    // Only an older event; the main event's sentences give None above.
    Some(id)
}

fn subject_of(
    doc: &Annotations,
    sent: Span,
    tl: &Timeline,
    main_year: Option<i64>,
    main_day: Option<i64>,
) -> Option<String> {
    if let Some(i) = tl.event_of_sentence(&doc.source.id, sent.start) {
        if tl.is_background(i) {
            return tl
                .events
                .get(tl.background_representative(i))
                .map(|e| e.id.clone());
        }
        // An event of the story's weeks that ended before the main day (a shooting
        // "in early March" in an April story) counts its own toll.
        let e = tl.events.get(i)?;
        let end = e
            .date
            .as_ref()
            .and_then(|d| period_end(text::date_part(&d.value)))?;
        // a day must lie a week before: a weekday resolved into the wrong week is
        // the commonest date error
        let margin = if e.date.as_ref().is_some_and(|d| d.value.len() >= 10) {
            7
        } else {
            0
        };
        return (end < main_day? - margin).then(|| e.id.clone());
    }
    let main_year = main_year?;
    // Years in time mentions of the sentence, or bare years in its words.
    let mut years: Vec<i64> = doc
        .times
        .iter()
        .filter(|m| sent.contains(&Span::new(m.start, m.end)) && text::is_concrete_date(&m.value))
        .filter_map(|m| m.value.get(..4).and_then(|y| y.parse().ok()))
        .collect();
    let words = text::words(sent.slice(&doc.source.text));
    for (i, w) in words.iter().enumerate() {
        if w.len() == 4
            && w.chars().all(|c| c.is_ascii_digit())
            && i > 0
            && let (Ok(y), Some(prev)) = (w.parse::<i64>(), words.get(i - 1))
            && (1900..2100).contains(&y)
            && matches!(prev.as_str(), "in" | "the" | "of" | "since")
        {
            years.push(y);
        }
    }
    let Some(old) = years.into_iter().filter(|&y| y < main_year).min() else {
        return earlier_period(doc, sent, main_day);
    };
    let ev = tl.events.iter().enumerate().find(|(i, e)| {
        tl.is_background(*i)
            && e.date
                .as_ref()
                .is_some_and(|d| d.value.starts_with(&old.to_string()))
    });
    Some(match ev {
        Some((_, e)) => e.id.clone(),
        None => format!("events of {old}"),
    })
}

/// A sentence dated only to a period that ended before the story's main day ("In early
/// March, a gunman wounded three people at a printing plant" in an April story) tells
/// an earlier happening: its counts belong to "events of <period>". `main_day` is the
/// main event's first day. A day must lie at
/// least a week before the main day (a weekday resolved into the wrong week is the
/// commonest date error); a sentence that also names a day after that is about the
/// story.
fn earlier_period(doc: &Annotations, sent: Span, main_day: Option<i64>) -> Option<String> {
    let main = main_day?;
    let mut earliest: Option<(&str, i64)> = None;
    for m in doc
        .times
        .iter()
        .filter(|m| sent.contains(&Span::new(m.start, m.end)) && text::is_concrete_date(&m.value))
    {
        let v = text::date_part(&m.value);
        let end = period_end(v)?;
        let margin = if v.len() == 10 { 7 } else { 0 };
        if end >= main - margin {
            return None;
        }
        if earliest.is_none_or(|(_, e)| end < e) {
            earliest = Some((v, end));
        }
    }
    earliest.map(|(v, _)| format!("events of {v}"))
}

/// The last day (day number) of a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` value.
fn period_end(v: &str) -> Option<i64> {
    match v.len() {
        10 => text::day_number(v),
        7 => {
            let y: i64 = v.get(..4)?.parse().ok()?;
            let m: i64 = v.get(5..7)?.parse().ok()?;
            let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
            text::day_number(&format!("{ny:04}-{nm:02}-01")).map(|d| d - 1)
        }
        4 => {
            let y: i64 = v.parse().ok()?;
            text::day_number(&format!("{:04}-01-01", y + 1)).map(|d| d - 1)
        }
        _ => None,
    }
}

/// Words that mark a report as superseded: "Local news originally reported that two
/// died", "initial reports said five were killed".
const SUPERSEDED: &[&str] = &[
    "originally reported",
    "initially reported",
    "earlier reported",
    "wrongly reported",
    "mistakenly reported",
    "erroneously reported",
    "incorrectly reported",
    "initial reports",
    "early reports",
    "earlier reports",
    "had earlier said",
    "had initially said",
    "had originally said",
];

/// Whether the quantity stands in the clause of a superseded report (up to the next
/// ";", ", but", " but " or " later").
pub fn in_superseded_report(t: &str, sent: Span, q: &corroborate_model::QuantityMention) -> bool {
    let s = sent.slice(t);
    let low = s.to_lowercase();
    if low.len() != s.len() || q.start < sent.start {
        return false;
    }
    let at = q.start - sent.start;
    SUPERSEDED.iter().any(|cue| {
        low.match_indices(cue).any(|(p, _)| {
            // a whole phrase, not "yearly reports"
            if low
                .get(..p)
                .and_then(|b| b.chars().next_back())
                .is_some_and(char::is_alphanumeric)
            {
                return false;
            }
            let from = p + cue.len();
            let end = [";", " but ", " later", " now "]
                .iter()
                .filter_map(|b| low.get(from..).and_then(|r| r.find(b)).map(|k| from + k))
                .min()
                .unwrap_or(low.len());
            p <= at && at < end
        })
    })
}

/// Whether a count is a guess: a modal and "have been" or "be" right before it
/// ("There might have been two people killed", "as many as 80 could be dead").
pub fn is_speculative(t: &str, sent: Span, q: &corroborate_model::QuantityMention) -> bool {
    // the words of the count's own clause: after the last comma or semicolon before it
    let raw = t.get(sent.start.min(q.start)..q.start).unwrap_or("");
    let clause = raw.rsplit([',', ';']).next().unwrap_or(raw);
    let before = text::words(clause);
    let tail = before.get(before.len().saturating_sub(5)..).unwrap_or(&[]);
    tail.windows(2).any(|w| match w {
        [m, next] => {
            matches!(m.as_str(), "might" | "may" | "could")
                && matches!(next.as_str(), "have" | "be")
                // "may have to wait": an obligation, not a guess about the count
                && !tail.iter().any(|x| x == "to")
        }
        _ => false,
    })
}

fn numeric_status(vals: &[NumVal], copies: &CopyGraph) -> ClaimStatus {
    let compatible = |a: &NumVal, b: &NumVal| a.lo <= b.hi && b.lo <= a.hi;
    // Same-day conflicts between independent sources.
    for (i, a) in vals.iter().enumerate() {
        for b in vals.iter().skip(i + 1) {
            if a.day.is_some()
                && a.day == b.day
                && !compatible(a, b)
                && copies.independent_group(&a.source) != copies.independent_group(&b.source)
            {
                return ClaimStatus::Contested;
            }
        }
    }
    let points: BTreeSet<u64> = vals.iter().map(|v| v.point.to_bits()).collect();
    let mut by_day: BTreeMap<i64, (f64, f64)> = BTreeMap::new();
    for v in vals {
        if let Some(d) = v.day {
            let e = by_day
                .entry(d)
                .or_insert((f64::INFINITY, f64::NEG_INFINITY));
            e.0 = e.0.min(v.point);
            e.1 = e.1.max(v.point);
        }
    }
    if points.len() >= 2 && by_day.len() >= 2 {
        // The latest figure of each day (its maximum for tolls that rise, its
        // minimum for ones that fall); stale repeats of older figures do not count.
        let days: Vec<(f64, f64)> = by_day.values().copied().collect();
        let monotone_up = days.windows(2).all(|w| match w {
            [a, b] => b.1 >= a.1,
            _ => true,
        });
        let monotone_down = days.windows(2).all(|w| match w {
            [a, b] => b.0 <= a.0,
            _ => true,
        });
        let changes = days.windows(2).any(|w| match w {
            [a, b] => a.1 != b.1,
            _ => false,
        });
        if (monotone_up || monotone_down) && changes {
            return ClaimStatus::Evolving;
        }
    }
    let all_compatible = vals
        .iter()
        .enumerate()
        .all(|(i, a)| vals.iter().skip(i + 1).all(|b| compatible(a, b)));
    if all_compatible {
        if copies.independent_count(vals.iter().map(|v| v.source.as_str())) >= 2 {
            ClaimStatus::Corroborated
        } else {
            ClaimStatus::SingleSource
        }
    } else {
        ClaimStatus::Contested
    }
}

/// A stance a party takes in a sentence.
struct Stance {
    attribute: &'static str,
    stance: String,
    party: String,
    source: String,
    as_of: Option<DateValue>,
    evidence: Evidence,
}

/// A stance cue: attribute, stance label, phrases (lowercase).
type Cue = (&'static str, &'static str, &'static [&'static str]);

/// Cue phrases, checked on the lowercase sentence.
const CUES: &[Cue] = &[
    (
        "alert",
        "says the warning was too vague",
        &[
            "too vague",
            "not specific enough",
            "named no target",
            "vague",
        ],
    ),
    (
        "alert",
        "says it passed a detailed warning",
        &[
            "detailed",
            "specific warning",
            "precise warning",
            "clear warning",
        ],
    ),
    (
        "responsibility",
        "claims responsibility",
        &[
            "claimed responsibility",
            "claims responsibility",
            "claim responsibility",
            "claimed the attack",
            "claimed the blast",
            "claimed the bombing",
            "claimed credit",
            "responsibility for the attack was taken",
            "took responsibility",
        ],
    ),
    (
        "responsibility",
        "denies involvement",
        &[
            "denied",
            "denies",
            "deny",
            "rejected",
            "rejects",
            "acted alone",
            "nothing to do with",
        ],
    ),
    (
        "responsibility",
        "blames",
        &[
            "blamed",
            "blames",
            "accused",
            "accuses",
            "directed from",
            "behind the attack stands",
        ],
    ),
];

/// One value of a claim: its label and party, the distinct sources that give it
/// (sorted) and how many are independent, the earliest as-of date, and the evidence
/// (by source and offset, without repeats).
fn claim_value<'a>(
    value: String,
    party: Option<String>,
    items: impl Iterator<Item = (&'a String, &'a Evidence, Option<&'a DateValue>)>,
    copies: &CopyGraph,
) -> ClaimValue {
    let mut sources: BTreeSet<String> = BTreeSet::new();
    let mut evidence: Vec<Evidence> = Vec::new();
    let mut as_of: Option<&DateValue> = None;
    for (s, e, d) in items {
        sources.insert(s.clone());
        evidence.push(e.clone());
        if let Some(d) = d
            && as_of.is_none_or(|a| d.value < a.value)
        {
            as_of = Some(d);
        }
    }
    evidence.sort_by(|a, b| (&a.source, a.start).cmp(&(&b.source, b.start)));
    evidence.dedup();
    let sources: Vec<String> = sources.into_iter().collect();
    ClaimValue {
        value,
        independent_sources: Some(copies.independent_count(sources.iter().map(String::as_str))),
        sources,
        as_of: as_of.cloned(),
        evidence,
        party,
    }
}

/// Nouns for the happening a responsibility claim is about.
const ATTACK_NOUNS: &[&str] = &[
    "attack",
    "attacks",
    "bombing",
    "blast",
    "explosion",
    "killing",
    "killings",
    "shooting",
    "assault",
    "strike",
];

/// Verbs of handing a warning over ("passed", "gave ... a warning").
const WARN_VERBS: &[&str] = &[
    "passed",
    "gave",
    "sent",
    "handed",
    "delivered",
    "shared",
    "issued",
];

/// Byte offset of the first active-voice `verbs` word followed within `gap` words by
/// one of `nouns`: "claimed Saturday's attack",
/// "gave its neighbour a warning". A passive ("was passed") does not count.
fn verb_then_noun(low: &str, verbs: &[&str], nouns: &[&str], gap: usize) -> Option<usize> {
    let words: Vec<(usize, &str)> = text::word_spans(low)
        .into_iter()
        .filter_map(|(a, b)| low.get(a..b).map(|w| (a, w)))
        .collect();
    words.iter().enumerate().find_map(|(k, &(at, w))| {
        if !verbs.contains(&w) {
            return None;
        }
        let passive = k
            .checked_sub(1)
            .and_then(|p| words.get(p))
            .is_some_and(|&(_, p)| matches!(p, "was" | "were" | "been" | "be" | "is" | "are"));
        if passive {
            return None;
        }
        words
            .iter()
            .skip(k + 1)
            .take(gap)
            .any(|&(_, n)| nouns.contains(&n.trim_end_matches("'s")))
            .then_some(at)
    })
}

/// What a denial must deny to be about responsibility ("denied any role", "denies
/// the accusations", "denied involvement", "denies arson"), not "denied both motions";
/// the happenings of [`ATTACK_NOUNS`] count too.
const DENIED_OBJECTS: &[&str] = &[
    "involvement",
    "involved",
    "responsibility",
    "responsible",
    "role",
    "link",
    "links",
    "linked",
    "part",
    "connection",
    "connections",
    "ties",
    "allegation",
    "allegations",
    "accusation",
    "accusations",
    "claim",
    "claims",
    "charge",
    "charges",
    "blame",
    "guilt",
    "wrongdoing",
    "knowledge",
    "it",
    "this",
    "that",
    "any",
    "having",
    "being",
    "arson",
    "murder",
    "murders",
    "report",
    "reports",
    "carrying",
    "ordering",
];

/// A word a responsibility denial may deny: [`DENIED_OBJECTS`] and [`ATTACK_NOUNS`].
fn denied_object(w: &str) -> bool {
    DENIED_OBJECTS.contains(&w) || ATTACK_NOUNS.contains(&w)
}

/// Whether the stance verb found at byte `at` of the lower-case sentence `low` asserts
/// the stance: not negated ("did not deny"), not passive ("was denied a witness"); a
/// denial or rejection must bear on responsibility (its object within eight words is
/// one of [`DENIED_OBJECTS`]); "accused" must have an object ("accused Marvania of"),
/// not be a participle ("a man accused of arson", "a teen accused in the shooting").
fn stance_verb_holds(low: &str, at: usize, stance: &str) -> bool {
    let before = text::words(low.get(..at).unwrap_or(""));
    let after = text::words(low.get(at..).unwrap_or(""));
    let Some(verb) = after.first() else {
        return true;
    };
    let prev: Vec<&str> = before.iter().rev().take(2).map(String::as_str).collect();
    if prev
        .iter()
        .any(|w| matches!(*w, "not" | "t" | "never" | "no" | "nor"))
    {
        return false;
    }
    let deny = matches!(
        verb.as_str(),
        "denied" | "denies" | "deny" | "denying" | "rejected" | "rejects" | "rejecting"
    );
    if deny {
        if prev
            .first()
            .is_some_and(|w| matches!(*w, "was" | "were" | "been" | "being" | "is" | "are" | "be"))
        {
            return false;
        }
        // "deny it the funds", "voted to deny it more credit": to withhold
        if after
            .get(1)
            .is_some_and(|w| matches!(w.as_str(), "it" | "them" | "him" | "her" | "us" | "me"))
            && after.get(2).is_some_and(|w| {
                matches!(
                    w.as_str(),
                    "the"
                        | "a"
                        | "an"
                        | "any"
                        | "further"
                        | "more"
                        | "its"
                        | "their"
                        | "his"
                        | "access"
                        | "entry"
                        | "bail"
                        | "permission"
                )
            })
            // "denied it the next day": a time, not a thing withheld
            && !after.get(3).is_some_and(|w| {
                matches!(
                    w.as_str(),
                    "next" | "following" | "same" | "day" | "week" | "previous" | "night"
                )
            })
        {
            return false;
        }
        // "denied any role"; "a charge Marvania denies." (the object before it)
        return after.iter().skip(1).take(8).any(|w| denied_object(w))
            || (after.len() == 1 && before.iter().rev().take(6).any(|w| denied_object(w)));
    }
    // "it has nothing to do with the attack": said of the party itself, a pronoun
    // right before the auxiliary; "the decision has nothing to do with ..." is no denial
    if verb == "nothing" {
        // (an adverb may stand between: "he had absolutely nothing to do with it")
        let words: Vec<&str> = before
            .iter()
            .rev()
            .map(String::as_str)
            .filter(|w| !w.ends_with("ly"))
            .take(2)
            .collect();
        return words
            .first()
            .is_some_and(|w| matches!(*w, "has" | "had" | "have" | "s"))
            && words
                .get(1)
                .is_some_and(|w| matches!(*w, "it" | "we" | "i" | "he" | "she" | "they"));
    }
    if stance == "blames" && matches!(verb.as_str(), "accused" | "accuses") {
        // "the accused thugs": an adjective
        let adjective = prev
            .first()
            .is_some_and(|w| matches!(*w, "the" | "a" | "an" | "two" | "three" | "both"));
        return !adjective
            && !after
                .get(1)
                .is_some_and(|w| matches!(w.as_str(), "of" | "in" | "over" | "by"));
    }
    true
}

/// Every stance cue of a sentence: (attribute, stance, byte offset in the sentence).
fn stance_cues(low: &str) -> Vec<(&'static str, &'static str, usize)> {
    let mut out: Vec<(&'static str, &'static str, usize)> = Vec::new();
    let warning = ["warning", "alert", "warned"]
        .iter()
        .any(|w| low.contains(w));
    for (attribute, stance, phrases) in CUES {
        if *attribute == "alert" && !warning {
            continue;
        }
        let pattern = match *stance {
            // "claimed Saturday's attack", "claims the bombing"
            "claims responsibility" => verb_then_noun(low, &["claimed", "claims"], ATTACK_NOUNS, 3),
            // "passed a detailed warning", "gave its neighbour a warning"
            "says it passed a detailed warning" => {
                verb_then_noun(low, WARN_VERBS, &["warning", "alert"], 5)
            }
            _ => None,
        };
        let hit = phrases
            .iter()
            .filter_map(|p| low.find(p))
            .chain(pattern)
            .min();
        if let Some(at) = hit {
            if !stance_verb_holds(low, at, stance) {
                continue;
            }
            // "was blamed on" and the like: passive, no party asserts it here.
            let before = low.get(..at).unwrap_or("").trim_end();
            if *stance == "blames"
                && (before.ends_with(" was")
                    || before.ends_with(" been")
                    || before.ends_with(" were"))
            {
                continue;
            }
            out.push((attribute, stance, at));
        }
    }
    // One alert stance per sentence: "too vague" wins over the mention of a warning.
    if out.iter().any(|c| c.1 == "says the warning was too vague") {
        out.retain(|c| c.1 != "says it passed a detailed warning");
    }
    out
}

/// Whether the word right after a name makes the name a modifier ("Albany teen",
/// "Kharivsk police"): a lower-case word that is not a verb form, an auxiliary, an
/// adverb or a clause word, and does not open an appositive.
fn is_modified_noun(next: &str) -> bool {
    let w = next.trim_matches(|c: char| !c.is_alphanumeric());
    // "Marvania’s foreign ministry": the possessor speaks through its organ.
    if w.is_empty()
        || w.len() <= 1
        || next.starts_with(['\'', '’'])
        || !w.chars().all(|c| c.is_lowercase() || c == '-')
    {
        return false;
    }
    if next.ends_with(',') || w.ends_with("ed") || w.ends_with("ly") || w.ends_with("es") {
        return false;
    }
    !matches!(
        w,
        "has"
            | "have"
            | "had"
            | "was"
            | "is"
            | "are"
            | "were"
            | "will"
            | "would"
            | "also"
            | "again"
            | "then"
            | "said"
            | "says"
            | "told"
            | "denies"
            | "deny"
            | "blames"
            | "claims"
            | "accuses"
            | "rejects"
            | "insists"
            | "which"
            | "who"
            | "that"
            | "and"
            | "on"
            | "in"
            | "at"
            | "of"
            | "to"
            | "for"
            | "did"
            | "does"
            | "do"
            | "still"
            | "never"
            | "not"
            | "now"
            | "itself"
            | "himself"
            | "herself"
            | "themselves"
            | "quickly"
            | "swiftly"
            | "officially"
            | "publicly"
            | "later"
            | "earlier"
    )
}

/// Verbs that introduce a party's statement ("X said the warning was too vague").
const SPEECH_VERBS: &[&str] = &[
    " said",
    " says",
    " told",
    " insists",
    " insisted",
    " added",
    " affirms",
    " affirmed",
    " maintains",
    " maintained",
    " stated",
    " states",
    " argues",
    " argued",
    " asserts",
    " asserted",
];

/// Prepositions before a name that make it a recipient or a place, not the agent.
const RECIPIENT_PREPS: &[&str] = &[
    "to", "from", "in", "at", "on", "into", "for", "with", "against", "of", "near",
];

/// Role nouns that stand for a titled person ("the minister blames ...").
const TITLE_HEADS: &[&str] = &[
    "minister",
    "president",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "mayor",
    "governor",
    "commander",
    "chancellor",
    "ambassador",
    "premier",
    "chief",
];

/// The one entity of the story whose mentions carry a title with this role noun
/// (`minister` -> "Interior Minister Irina Voloshyna"), if exactly one does.
fn titled_entity(docs: &[&Annotations], table: &EntityTable, role: &str) -> Option<String> {
    let mut found: BTreeSet<String> = BTreeSet::new();
    for d in docs {
        for m in &d.entities {
            let titled = m
                .title
                .as_deref()
                .is_some_and(|t| t.split_whitespace().any(|w| w.eq_ignore_ascii_case(role)));
            if titled && let Some(id) = table.entity_at(&d.source.id, Span::new(m.start, m.end)) {
                found.insert(id.to_string());
            }
        }
    }
    match found.len() {
        1 => found.into_iter().next(),
        _ => None,
    }
}

/// Records `party_id`'s stance found at `cue` in sentence `s` of `doc`; a blame
/// needs its target, the first other party after the cue.
#[allow(clippy::too_many_arguments)]
fn push_stance(
    stances: &mut Vec<Stance>,
    doc: &Annotations,
    table: &EntityTable,
    s: Span,
    attribute: &'static str,
    stance: &str,
    cue: usize,
    party_id: &str,
) {
    use corroborate_model::EntityType;
    let mut label = stance.to_string();
    if stance == "blames" {
        let target = table
            .entities_in(&doc.source.id, Span::new(cue, s.end))
            .into_iter()
            .find(|id| {
                id != party_id
                    && table.get(id).is_some_and(|e| {
                        matches!(e.kind, EntityType::PER | EntityType::ORG | EntityType::LOC)
                    })
            })
            .and_then(|id| table.get(&id).map(|e| e.name.clone()));
        match target {
            Some(tg) => label = format!("blames {tg}"),
            None => return,
        }
    }
    let party = table
        .get(party_id)
        .map_or_else(|| party_id.to_string(), |e| e.name.clone());
    stances.push(Stance {
        attribute,
        stance: label,
        party,
        source: doc.source.id.clone(),
        as_of: doc.source.published.clone(),
        evidence: Evidence::of(&doc.source, s),
    });
}

/// Finds the disputed propositions: who claims, blames, denies; whether an alert
/// was detailed or too vague. One value per party (its best supported stance).
fn disputes(
    docs: &[&Annotations],
    table: &EntityTable,
    tl: &Timeline,
    copies: &CopyGraph,
    main_subject: &str,
) -> Vec<Claim> {
    use corroborate_model::EntityType;
    let party_ok = |id: &str| {
        table
            .get(id)
            .is_some_and(|e| matches!(e.kind, EntityType::PER | EntityType::ORG | EntityType::LOC))
    };
    let mut stances: Vec<Stance> = Vec::new();
    for doc in docs {
        let t = &doc.source.text;
        for s in text::sentences(doc) {
            // a stance about an older event ("after the 2019 bombing, Doravia accused
            // Marvania of ...") is not a stance on this story's proposition
            if tl
                .event_of_sentence(&doc.source.id, s.start)
                .is_some_and(|i| tl.is_background(i))
            {
                continue;
            }
            let sent = s.slice(t);
            let low = sent.to_lowercase();
            // Offsets in the lowercase text are sentence offsets only when
            // lowercasing kept the length.
            let same_len = low.len() == sent.len();
            for (attribute, stance, at) in stance_cues(&low) {
                let cue = if same_len { s.start + at } else { s.start };
                // "the NLF, which claimed the bombing": the relative clause has its
                // own subject, the antecedent, whoever reports the sentence
                let relative_to = t.get(s.start..cue).and_then(|b| {
                    let words: Vec<&str> = b.split_whitespace().rev().take(3).collect();
                    let k = words.iter().position(|w| {
                        matches!(w.to_lowercase().as_str(), "which" | "who" | "that")
                    })?;
                    let aux_only = words.iter().take(k).all(|w| {
                        matches!(
                            w.to_lowercase().as_str(),
                            "has" | "had" | "have" | "then" | "also"
                        )
                    });
                    aux_only.then(|| b.rfind(words.get(k).copied().unwrap_or("")))?
                });
                if let Some(p) = relative_to {
                    let antecedent = table
                        .mentions_in(&doc.source.id, Span::new(s.start, s.start + p))
                        .into_iter()
                        .next_back()
                        .map(|(_, _, id)| id.to_string())
                        .filter(|id| party_ok(id));
                    if let Some(party_id) = antecedent {
                        push_stance(
                            &mut stances,
                            doc,
                            table,
                            s,
                            attribute,
                            stance,
                            cue,
                            &party_id,
                        );
                    }
                    continue;
                }
                // Inside a quote (or a denial sentence carrying one): its speaker.
                let speaker = doc
                    .quotes
                    .iter()
                    .filter(|q| {
                        (q.start <= cue && cue < q.end)
                            || (stance == "denies involvement"
                                && s.contains(&Span::new(q.start, q.end)))
                    })
                    .find_map(|q| crate::quotes::speaker_entity(doc, q, table))
                    .filter(|id| party_ok(id));
                // Else the nearest entity before the speech verb that introduces
                // the cue ("X said the warning was too vague"), or before the cue.
                let verb = if same_len {
                    SPEECH_VERBS
                        .iter()
                        .filter_map(|v| low.get(..cue - s.start).and_then(|b| b.rfind(v)))
                        .max()
                        .map(|p| s.start + p)
                } else {
                    None
                };
                let head = verb.unwrap_or(cue);
                // "minister blames Marvania": the agent is the nominal right before
                // the verb; it names a party only through a title the story gives
                // one entity ("Interior Minister Irina Voloshyna")
                let nominal = t
                    .get(s.start..head)
                    .and_then(|b| b.split_whitespace().last())
                    .filter(|w| w.chars().all(|c| c.is_lowercase()) && TITLE_HEADS.contains(w));
                let before = match nominal {
                    Some(w) => titled_entity(docs, table, w).filter(|id| party_ok(id)),
                    None => table
                        .mentions_in(&doc.source.id, Span::new(s.start, head))
                        .into_iter()
                        .rev()
                        // "passed to Doravia a detailed warning": a recipient is no party
                        .filter(|(ms, _, _)| {
                            let prev = t
                                .get(s.start..*ms)
                                .and_then(|b| b.split_whitespace().last());
                            !prev.is_some_and(|p| {
                                RECIPIENT_PREPS.contains(&p.to_lowercase().as_str())
                            })
                        })
                        // The subject of the cue's clause: no colon between them
                        // ("Wellington fire: Man denies arson"), and not a modifier of
                        // a common noun ("an Albany teen accused ...").
                        // Nor a name before another subject ("... the Democratic
                        // National Committee, he steadfastly denied"): the pronoun's
                        // referent is unknown here, so no party.
                        .filter(|(_, me, _)| {
                            let between = t.get(*me..head).unwrap_or("");
                            let next = between.split_whitespace().next().unwrap_or("");
                            let pronoun = text::words(between)
                                .iter()
                                .any(|w| matches!(w.as_str(), "he" | "she" | "they" | "we" | "i"));
                            !between.contains(':') && !is_modified_noun(next) && !pronoun
                        })
                        .map(|(_, _, id)| id.to_string())
                        .find(|id| party_ok(id)),
                };
                let Some(party_id) = speaker.or(before) else {
                    continue;
                };
                push_stance(
                    &mut stances,
                    doc,
                    table,
                    s,
                    attribute,
                    stance,
                    cue,
                    &party_id,
                );
            }
        }
    }
    let mut out = Vec::new();
    for attribute in ["responsibility", "alert"] {
        // Party -> stance -> stances.
        let mut by_party: BTreeMap<String, BTreeMap<String, Vec<&Stance>>> = BTreeMap::new();
        for st in stances.iter().filter(|s| s.attribute == attribute) {
            by_party
                .entry(st.party.clone())
                .or_default()
                .entry(st.stance.clone())
                .or_default()
                .push(st);
        }
        if by_party.is_empty() {
            continue;
        }
        let indep =
            |g: &Vec<&Stance>| copies.independent_count(g.iter().map(|s| s.source.as_str()));
        let mut values: Vec<ClaimValue> = Vec::new();
        let mut stance_kinds: BTreeSet<String> = BTreeSet::new();
        for (party, by_stance) in &by_party {
            let Some((stance, g)) = by_stance.iter().max_by(|a, b| {
                indep(a.1)
                    .cmp(&indep(b.1))
                    .then(a.1.len().cmp(&b.1.len()))
                    .then_with(|| b.0.cmp(a.0))
            }) else {
                continue;
            };
            // "blames X" and "blames Y" are one kind of stance.
            stance_kinds.insert(if stance.starts_with("blames") {
                "blames".to_string()
            } else {
                stance.clone()
            });
            values.push(claim_value(
                format!("{party} {stance}"),
                Some(party.clone()),
                g.iter().map(|s| (&s.source, &s.evidence, s.as_of.as_ref())),
                copies,
            ));
        }
        // Strongest sides first.
        values.sort_by(|a, b| {
            b.independent_sources
                .cmp(&a.independent_sources)
                .then(b.sources.len().cmp(&a.sources.len()))
                .then_with(|| a.value.cmp(&b.value))
        });
        let status = if values.len() >= 2 && stance_kinds.len() >= 2 {
            ClaimStatus::Contested
        } else {
            let all: Vec<&str> = values
                .iter()
                .flat_map(|v| v.sources.iter().map(String::as_str))
                .collect();
            if copies.independent_count(all) >= 2 {
                ClaimStatus::Corroborated
            } else {
                ClaimStatus::SingleSource
            }
        };
        out.push(Claim {
            id: String::new(),
            subject: if attribute == "alert" {
                "warning".to_string()
            } else {
                main_subject.to_string()
            },
            attribute: attribute.to_string(),
            status,
            values,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::{AliasKb, canonical_entities};
    use crate::events::timeline;
    use crate::fixtures::{Doc, demo_docs};

    fn build(ids: &[&str]) -> Vec<Claim> {
        let docs: Vec<Annotations> = demo_docs()
            .into_iter()
            .filter(|d| ids.contains(&d.source.id.as_str()))
            .collect();
        let copies = CopyGraph::build(&docs);
        let refs: Vec<&Annotations> = docs.iter().collect();
        let table = canonical_entities(&refs, &AliasKb::default(), "s1-");
        let tl = timeline(&refs, &table, "s1-");
        claims(&refs, &table, &tl, &copies, "s1-")
    }

    fn parties_of(docs: Vec<Annotations>) -> Vec<String> {
        let copies = CopyGraph::build(&docs);
        let refs: Vec<&Annotations> = docs.iter().collect();
        let table = canonical_entities(&refs, &AliasKb::default(), "s1-");
        let tl = timeline(&refs, &table, "s1-");
        claims(&refs, &table, &tl, &copies, "s1-")
            .into_iter()
            .flat_map(|c| c.values)
            .map(|v| v.value)
            .collect()
    }

    #[test]
    fn a_recipient_is_no_party_and_a_title_names_one() {
        use corroborate_model::EntityType;
        let a = Doc::new(
            "a",
            Some("2023-06-05"),
            "t",
            "Interior Minister Irina Voloshyna spoke in Kharivsk. \
             Also Marvania affirms that it passed to Doravia a detailed warning.",
        )
        .ent("Irina Voloshyna", EntityType::PER)
        .ent("Kharivsk", EntityType::LOC)
        .ent("Marvania", EntityType::LOC)
        .ent("Doravia", EntityType::LOC);
        let mut a = a.done();
        for m in &mut a.entities {
            if m.text == "Irina Voloshyna" {
                m.title = Some("Interior Minister".into());
            }
        }
        let b = Doc::new(
            "b",
            Some("2023-06-05"),
            "Militia claims Kharivsk bombing as minister blames Marvania",
            "Militia claims Kharivsk bombing as minister blames Marvania. Nothing else.",
        )
        .ent("Kharivsk", EntityType::LOC)
        .ent("Marvania", EntityType::LOC)
        .done();
        let values = parties_of(vec![a, b]);
        assert!(
            values.contains(&"Marvania says it passed a detailed warning".to_string()),
            "{values:?}"
        );
        assert!(
            !values.iter().any(|v| v.starts_with("Doravia")),
            "{values:?}"
        );
        assert!(
            values.contains(&"Irina Voloshyna blames Marvania".to_string()),
            "{values:?}"
        );
        assert!(
            !values.iter().any(|v| v.starts_with("Kharivsk")),
            "{values:?}"
        );
    }

    #[test]
    fn an_article_older_than_the_event_counts_something_else() {
        let blast = || {
            Doc::new(
                "a",
                Some("2031-05-04"),
                "t",
                "A bomb exploded at the Portvale hall on 3 May 2031, killing 12 people. \
                 Police said 40 people were injured.",
            )
            .time("3 May 2031", "2031-05-03")
            .qty("12 people", 12.0, "killed", None)
            .qty("40 people", 40.0, "injured", None)
        };
        let b = Doc::new(
            "b",
            Some("2031-05-05"),
            "t",
            "The bomb at the Portvale hall on 3 May 2031 killed 12 people. Police said 40 \
             people were injured.",
        )
        .time("3 May 2031", "2031-05-03")
        .qty("12 people", 12.0, "killed", None)
        .qty("40 people", 40.0, "injured", None)
        .done();
        // Written in March about riots in the same city: not this blast.
        let older = Doc::new(
            "c",
            Some("2031-03-02"),
            "t",
            "Police said 300 people were injured in the riots in Portvale.",
        )
        .qty("300 people", 300.0, "injured", None)
        .done();
        let docs = vec![blast().done(), b, older];
        let copies = CopyGraph::build(&docs);
        let refs: Vec<&Annotations> = docs.iter().collect();
        let table = canonical_entities(&refs, &AliasKb::default(), "s1-");
        let tl = timeline(&refs, &table, "s1-");
        let cs = claims(&refs, &table, &tl, &copies, "s1-");
        let injured: Vec<&str> = cs
            .iter()
            .filter(|c| c.attribute == "injured")
            .flat_map(|c| c.values.iter().map(|v| v.value.as_str()))
            .collect();
        assert!(injured.contains(&"40"), "{injured:?}");
        assert!(!injured.contains(&"300"), "{injured:?}");
    }

    #[test]
    fn superseded_reports_guesses_groups_and_earlier_months_are_no_toll() {
        let a = Doc::new(
            "a",
            Some("2031-05-04"),
            "t",
            "A gunman killed 1 person and wounded 2 at the Portvale depot on 3 May 2031. \
             Local radio originally reported that two of the four guards died. \
             The suspect had been arrested four times. \
             \"There might have been two people killed,\" he said. \
             In early March, a gunman wounded three people at a plant in Norby. \
             At the depot a man and two women died, a nurse said.",
        )
        .time("3 May 2031", "2031-05-03")
        .time("early March", "2031-03")
        .qty("1 person", 1.0, "killed", None)
        .qty("2", 2.0, "injured", None)
        .qty("two", 2.0, "killed", None)
        .qty("two people", 2.0, "killed", None)
        .qty("three people", 3.0, "injured", None)
        .qty("two women", 2.0, "killed", None)
        .done();
        let b = Doc::new(
            "b",
            Some("2031-05-04"),
            "t",
            "The shooting at the Portvale depot on 3 May 2031 killed 1 person.",
        )
        .time("3 May 2031", "2031-05-03")
        .qty("1 person", 1.0, "killed", None)
        .done();
        let docs = vec![a, b];
        let copies = CopyGraph::build(&docs);
        let refs: Vec<&Annotations> = docs.iter().collect();
        let table = canonical_entities(&refs, &AliasKb::default(), "s1-");
        let tl = timeline(&refs, &table, "s1-");
        let cs = claims(&refs, &table, &tl, &copies, "s1-");
        let of = |attr: &str| -> Vec<(String, String)> {
            cs.iter()
                .filter(|c| c.attribute == attr)
                .flat_map(|c| {
                    c.values
                        .iter()
                        .map(|v| (c.subject.clone(), v.value.clone()))
                })
                .collect()
        };
        let killed = of("killed");
        assert!(killed.iter().all(|(_, v)| v == "1"), "{killed:?}");
        assert!(
            !of("arrested").iter().any(|(_, v)| v == "4"),
            "{:?}",
            of("arrested")
        );
        // the earlier month's count is the March shooting's, not the depot's
        let injured = of("injured");
        let march = tl
            .events
            .iter()
            .find(|e| e.date.as_ref().is_some_and(|d| d.value == "2031-03"))
            .map(|e| e.id.clone())
            .unwrap_or_else(|| "events of 2031-03".into());
        assert!(injured.contains(&(march, "3".into())), "{injured:?}");
        assert!(
            !injured.contains(&("s1-ev2".into(), "3".into())),
            "{injured:?}"
        );
        assert!(
            cs.iter()
                .filter(|c| c.attribute == "killed")
                .all(|c| c.status == ClaimStatus::Corroborated),
            "{cs:?}"
        );
    }

    #[test]
    fn guards_stay_in_the_counts_own_clause() {
        let q_of = |t: &str, n: &str| corroborate_model::QuantityMention {
            start: t.find(n).unwrap_or(0),
            end: t.find(n).unwrap_or(0) + n.len(),
            text: n.into(),
            value: 12.0,
            unit: None,
            min: None,
            max: None,
            modifier: None,
            category: Some("killed".into()),
        };
        let all = |t: &str| Span::new(0, t.len());
        let t = "The blast, which could have been worse, killed 12 people.";
        assert!(!is_speculative(t, all(t), &q_of(t, "12")));
        let t = "Officials may have to wait, but 12 people died.";
        assert!(!is_speculative(t, all(t), &q_of(t, "12")));
        let t = "There might have been 12 people killed.";
        assert!(is_speculative(t, all(t), &q_of(t, "12")));
        let t = "Reuters first reported that 12 people were killed in the blast.";
        assert!(!in_superseded_report(t, all(t), &q_of(t, "12")));
        let t = "The yearly reports show 12 people died.";
        assert!(!in_superseded_report(t, all(t), &q_of(t, "12")));
    }

    #[test]
    fn procedural_denials_participles_and_modifiers_are_no_stances() {
        use corroborate_model::EntityType;
        let a = Doc::new(
            "a",
            Some("2031-05-02"),
            "Portvale warehouse fire: Man denies arson",
            "Portvale warehouse fire: Man denies arson. Judge Ada Brenn agreed and denied \
             both motions. The defence was denied a key witness, lawyer Tom Ruse said. \
             A Portvale teen accused in the shooting of Lena Hart appeared in court. \
             Prosecutor Omar Vell did not deny that the witness was paid. \
             The Portvale Council voted to deny it more credit. \
             Ada Brenn said the ruling has nothing to do with the fire. \
             After the fire at the Portvale Council depot, he steadfastly denied the charges.",
        )
        .ent("Portvale", EntityType::LOC)
        .ent("Ada Brenn", EntityType::PER)
        .ent("Tom Ruse", EntityType::PER)
        .ent("Lena Hart", EntityType::PER)
        .ent("Omar Vell", EntityType::PER)
        .ent("Portvale Council", EntityType::ORG)
        .done();
        let values = parties_of(vec![a]);
        assert!(values.is_empty(), "{values:?}");
        // The same cues asserting a stance still count.
        let b = Doc::new(
            "b",
            Some("2031-05-02"),
            "t",
            "Tom Ruse denied any role in the fire. Ada Brenn accused Tom Ruse of arson. \
             Lena Hart said she had absolutely nothing to do with it. Omar Vell denied it \
             the next day.",
        )
        .ent("Omar Vell", EntityType::PER)
        .ent("Lena Hart", EntityType::PER)
        .ent("Ada Brenn", EntityType::PER)
        .ent("Tom Ruse", EntityType::PER)
        .done();
        let values = parties_of(vec![b]);
        assert!(
            values.contains(&"Tom Ruse denies involvement".to_string()),
            "{values:?}"
        );
        assert!(
            values.contains(&"Ada Brenn blames Tom Ruse".to_string()),
            "{values:?}"
        );
        assert!(
            values.contains(&"Lena Hart denies involvement".to_string()),
            "{values:?}"
        );
        assert!(
            values.contains(&"Omar Vell denies involvement".to_string()),
            "{values:?}"
        );
    }

    #[test]
    fn stance_patterns_are_general() {
        let cues = |t: &str| -> Vec<&str> {
            stance_cues(&t.to_lowercase())
                .into_iter()
                .map(|c| c.1)
                .collect()
        };
        assert!(
            cues("The group claimed Sunday's attack on the depot.")
                .contains(&"claims responsibility")
        );
        assert!(
            !cues("The group claimed the minister was lying.").contains(&"claims responsibility")
        );
        assert!(
            cues("Its spy agency gave the embassy a warning in May.")
                .contains(&"says it passed a detailed warning")
        );
        assert!(
            !cues("A warning was passed to the embassy in May.")
                .contains(&"says it passed a detailed warning")
        );
    }

    #[test]
    fn a_relative_clause_speaks_for_its_antecedent() {
        use corroborate_model::EntityType;
        let body = "Police chief Anna Kowal spoke in the city. She declined to say whether they belonged to the Northern Liberation Front, \
                    which claimed the bombing on Sunday.";
        let a = Doc::new("a", Some("2023-06-06"), "t", body)
            .ent("Anna Kowal", EntityType::PER)
            .ent("Northern Liberation Front", EntityType::ORG)
            .quote(
                "whether they belonged to the Northern Liberation Front, which claimed the bombing on Sunday",
                Some(("She", Some("Anna Kowal"))),
            )
            .done();
        let values = parties_of(vec![a]);
        assert!(
            values.contains(&"Northern Liberation Front claims responsibility".to_string()),
            "{values:?}"
        );
        assert!(!values.iter().any(|v| v.starts_with("Anna")), "{values:?}");
    }

    fn slot<'a>(cs: &'a [Claim], attr: &str, value: &str) -> Option<&'a Claim> {
        cs.iter()
            .find(|c| c.attribute == attr && c.values.iter().any(|v| v.value == value))
    }

    #[test]
    fn toll_evolves_and_old_toll_stays_apart() {
        let cs = build(&[
            "mpa", "herald", "observer", "gazette", "tribune", "bulletin",
        ]);
        let toll = slot(&cs, "killed", "61");
        assert_eq!(toll.map(|c| c.status), Some(ClaimStatus::Evolving));
        let vals: Vec<&str> = toll
            .map(|c| c.values.iter().map(|v| v.value.as_str()).collect())
            .unwrap_or_default();
        assert_eq!(vals, vec!["at least 58", "61", "64"]);
        assert!(toll.is_some_and(|c| !c.values.iter().any(|v| v.value == "23")));
        let old = slot(&cs, "killed", "23");
        assert!(
            old.is_some_and(|c| c.subject != toll.map(|t| t.subject.clone()).unwrap_or_default())
        );
        // Three outlets carry the 2019 toll, but they are copies of one wire story.
        assert_eq!(old.map(|c| c.status), Some(ClaimStatus::SingleSource));
        assert_eq!(
            old.and_then(|c| c.values.first())
                .and_then(|v| v.independent_sources),
            Some(1)
        );
        let injured = slot(&cs, "injured", "at least 130");
        assert_eq!(injured.map(|c| c.status), Some(ClaimStatus::Evolving));
    }

    #[test]
    fn syndicated_copy_does_not_corroborate() {
        let cs = build(&["mpa", "herald"]);
        let toll = slot(&cs, "killed", "at least 58");
        assert_eq!(toll.map(|c| c.status), Some(ClaimStatus::SingleSource));
        let v = toll.and_then(|c| c.values.first());
        assert_eq!(v.map(|v| v.sources.len()), Some(2));
        assert_eq!(v.and_then(|v| v.independent_sources), Some(1));
    }

    #[test]
    fn responsibility_and_alert_contested() {
        let cs = build(&["mpa", "gazette", "tribune"]);
        let resp = cs.iter().find(|c| c.attribute == "responsibility");
        assert_eq!(resp.map(|c| c.status), Some(ClaimStatus::Contested));
        let parties: BTreeSet<&str> = resp
            .map(|c| c.values.iter().filter_map(|v| v.party.as_deref()).collect())
            .unwrap_or_default();
        assert!(parties.contains("Northern Liberation Front"), "{parties:?}");
        assert!(parties.contains("Marvania"), "{parties:?}");
        assert!(parties.contains("Irina Voloshyna"), "{parties:?}");
        let alert = cs.iter().find(|c| c.attribute == "alert");
        assert_eq!(alert.map(|c| c.status), Some(ClaimStatus::Contested));
        let stances: Vec<&str> = alert
            .map(|c| c.values.iter().map(|v| v.value.as_str()).collect())
            .unwrap_or_default();
        assert!(
            stances.iter().any(|s| s.contains("too vague"))
                && stances.iter().any(|s| s.contains("detailed")),
            "{stances:?}"
        );
    }

    #[test]
    fn partial_counts_are_not_tolls() {
        let t = "Four members of the orchestra were among the 64 people killed. Three more of the injured died. 19 patients were still in intensive care. At least 58 people died. Two women and one man died. Police held 12 Somali and 11 Yemeni suspects. A bomb went off, killing 58 and injuring more than 120. A firebomb killed two clerks and a woman who were trapped inside. A shell killed two soldiers and a man was hurt. The storm killed five people and a woman is still missing.";
        let q = |s: &str| {
            let start = t.find(s).unwrap_or(0);
            corroborate_model::QuantityMention {
                start,
                end: start + s.len(),
                text: s.into(),
                value: 1.0,
                unit: None,
                min: None,
                max: None,
                modifier: None,
                category: Some("killed".into()),
            }
        };
        let sent = |s: &str| {
            let start = t.find(s).unwrap_or(0);
            let end = t
                .get(start..)
                .and_then(|r| r.find('.'))
                .map(|e| start + e + 1)
                .unwrap_or(t.len());
            Span::new(
                t.get(..start)
                    .and_then(|b| b.rfind(". "))
                    .map(|p| p + 2)
                    .unwrap_or(0),
                end,
            )
        };
        assert!(is_partial_count(
            t,
            sent("Four members"),
            &q("Four members")
        ));
        assert!(!is_partial_count(t, sent("64 people"), &q("64 people")));
        assert!(is_partial_count(t, sent("Three more"), &q("Three")));
        assert!(is_partial_count(t, sent("19 patients"), &q("19 patients")));
        assert!(!is_partial_count(
            t,
            sent("At least 58"),
            &q("At least 58 people")
        ));
        assert!(is_partial_count(t, sent("Two women"), &q("Two women")));
        assert!(is_partial_count(t, sent("Two women"), &q("one man")));
        assert!(is_partial_count(t, sent("Police held"), &q("12")));
        assert!(is_partial_count(t, sent("Police held"), &q("11")));
        assert!(is_partial_count(t, sent("A firebomb"), &q("two clerks")));
        assert!(!is_partial_count(t, sent("A shell"), &q("two soldiers")));
        assert!(!is_partial_count(t, sent("The storm"), &q("five people")));
        assert!(!is_partial_count(t, sent("A bomb"), &q("58")));
        assert!(!is_partial_count(t, sent("A bomb"), &q("more than 120")));
        let t2 = "The bomb left 12 dead and 40 injured. It killed 58 and 120 were wounded.";
        let q2 = |s: &str, unit: Option<&str>| {
            let start = t2.find(s).unwrap_or(0);
            corroborate_model::QuantityMention {
                start,
                end: start + s.len(),
                text: s.into(),
                value: 1.0,
                unit: unit.map(str::to_string),
                min: None,
                max: None,
                modifier: None,
                category: Some("killed".into()),
            }
        };
        let s1 = Span::new(0, t2.find(" It").unwrap_or(0));
        let s2 = Span::new(t2.find("It").unwrap_or(0), t2.len());
        assert!(!is_partial_count(t2, s1, &q2("12 dead", Some("dead"))));
        assert!(!is_partial_count(
            t2,
            s1,
            &q2("40 injured", Some("injured"))
        ));
        assert!(!is_partial_count(t2, s2, &q2("58", None)));
    }

    #[test]
    fn intervals_and_labels() {
        let q = corroborate_model::QuantityMention {
            start: 0,
            end: 1,
            text: "x".into(),
            value: 58.0,
            unit: None,
            min: None,
            max: None,
            modifier: Some("at least".into()),
            category: Some("killed".into()),
        };
        assert_eq!(label(&q), "at least 58");
        assert_eq!(interval(&q), (58.0, f64::INFINITY));
    }
}
