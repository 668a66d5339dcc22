//! Quantities: numbers in digits or words, with modifiers turned into intervals, the
//! counted noun or unit, and a category from the context ("killed", "injured", ...).
//!
//! Years, dates, times of day, ordinals and anything inside a time expression are not
//! quantities.

use crate::tokens::{Token, TokenKind, tokens_in};
use corroborate_model::{QuantityMention, Sentence, Span, TimeMention};

const UNITS: &[(&str, f64)] = &[
    ("zero", 0.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
    ("dozen", 12.0),
];

const SCALES: &[(&str, f64)] = &[
    ("hundred", 100.0),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
    ("mln", 1e6),
    ("bln", 1e9),
    ("bn", 1e9),
];

/// Vague plurals: value and lower bound.
const VAGUE: &[(&str, f64)] = &[
    ("dozens", 24.0),
    ("hundreds", 200.0),
    ("thousands", 2000.0),
    ("millions", 2e6),
    ("scores", 40.0),
];

const CATEGORIES: &[(&str, &str)] = &[
    ("killed", "killed"),
    ("kills", "killed"),
    ("kill", "killed"),
    ("killing", "killed"),
    ("dead", "killed"),
    ("died", "killed"),
    ("die", "killed"),
    ("deaths", "killed"),
    ("death", "killed"),
    ("fatalities", "killed"),
    ("bodies", "killed"),
    ("lives", "killed"),
    ("toll", "killed"),
    ("victims", "killed"),
    ("victim", "killed"),
    ("injured", "injured"),
    ("injuring", "injured"),
    ("wounded", "injured"),
    ("wounding", "injured"),
    ("hurt", "injured"),
    ("injuries", "injured"),
    ("hospitalised", "injured"),
    ("hospitalized", "injured"),
    ("arrested", "arrested"),
    ("arrests", "arrested"),
    ("detained", "arrested"),
    ("suspects", "arrested"),
    ("detentions", "arrested"),
    ("custody", "arrested"),
    ("hostages", "hostages"),
    ("hostage", "hostages"),
    ("kidnapped", "hostages"),
    ("abducted", "hostages"),
    ("captives", "hostages"),
    ("missing", "missing"),
    ("unaccounted", "missing"),
    ("evacuated", "evacuated"),
    ("displaced", "evacuated"),
    ("fled", "evacuated"),
    ("refugees", "evacuated"),
    ("evacuees", "evacuated"),
    ("attackers", "attackers"),
    ("attacker", "attackers"),
    ("gunmen", "attackers"),
    ("gunman", "attackers"),
    ("assailants", "attackers"),
    ("bombers", "attackers"),
];

/// Counted nouns for people: a number counting them may take its category from the
/// words around it ("23 people ... were killed").
const PEOPLE: &[&str] = &[
    "people",
    "persons",
    "civilians",
    "soldiers",
    "troops",
    "children",
    "men",
    "women",
    "residents",
    "passengers",
    "workers",
    "officers",
    "policemen",
    "police",
    "students",
    "pilgrims",
    "miners",
    "migrants",
    "villagers",
    "fighters",
    "militants",
    "rebels",
    "protesters",
    "demonstrators",
    "members",
    "employees",
    "staff",
    "crew",
    "tourists",
    "patients",
    "journalists",
    "worshippers",
    "guards",
    "inmates",
    "prisoners",
    "officials",
    "firefighters",
    "rescuers",
    "spectators",
    "fans",
    "citizens",
    "nationals",
    "adults",
    "teenagers",
    "boys",
    "girls",
    "babies",
    "infants",
    "guests",
    "visitors",
    "customers",
    "shoppers",
    "commuters",
    "sailors",
    "seafarers",
    "climbers",
    "hikers",
    "foreigners",
    "others",
    "personnel",
    "agents",
    "deputies",
    "bystanders",
    "concertgoers",
    "musicians",
    "performers",
    "players",
    "athletes",
    "doctors",
    "nurses",
    "teachers",
    "family",
    "relatives",
    "hostages",
];

/// Words after "death" that make it a punishment or a record, not a death.
const DEATH_NOT_KILLED: &[&str] = &[
    "penalty",
    "penalties",
    "sentence",
    "sentences",
    "row",
    "warrant",
    "warrants",
    "threat",
    "threats",
    "certificate",
    "certificates",
    "squad",
    "squads",
];

/// Unit words normalised ("per cent" is handled apart).
const UNIT_WORDS: &[(&str, &str)] = &[
    ("percent", "%"),
    ("pct", "%"),
    ("km", "km"),
    ("kilometres", "km"),
    ("kilometers", "km"),
    ("kilometre", "km"),
    ("kilometer", "km"),
    ("miles", "miles"),
    ("mile", "miles"),
    ("metres", "m"),
    ("meters", "m"),
    ("kg", "kg"),
    ("kilograms", "kg"),
    ("tonnes", "t"),
    ("tons", "t"),
    ("dollars", "USD"),
    ("euros", "EUR"),
    ("pounds", "GBP"),
    ("hryvnias", "UAH"),
    ("roubles", "RUB"),
    ("rubles", "RUB"),
];

/// Words that are not counted nouns right after a number.
const NOT_UNIT: &[&str] = &[
    "were", "was", "are", "is", "have", "had", "has", "and", "or", "to", "in", "on", "at", "of",
    "by", "for", "from", "with", "the", "a", "an", "who", "which", "that", "more", "less", "than",
    "people's", "per", "as", "out", "up", "would", "will", "could", "can", "may", "might",
    "should", "be", "been", "this", "those", "these", "it", "they", "he", "she", "we", "said",
    "says", "but", "after", "before", "since", "when", "while", "between", "among", "into", "over",
    "under", "about", "remain", "remained", "remains", "still", "also", "not", "other", "others",
    "times",
];

const MONEY: &[(&str, &str)] = &[("$", "USD"), ("€", "EUR"), ("£", "GBP"), ("¥", "JPY")];

fn lookup(list: &[(&str, f64)], w: &str) -> Option<f64> {
    list.iter().find(|(k, _)| *k == w).map(|(_, v)| *v)
}

fn word_value(w: &str) -> Option<f64> {
    if let Some(v) = lookup(UNITS, w) {
        return Some(v);
    }
    // "forty-two"
    let (a, b) = w.split_once('-')?;
    let tens = lookup(UNITS, a)?;
    let units = lookup(UNITS, b)?;
    (tens >= 20.0 && tens % 10.0 == 0.0 && units < 10.0).then_some(tens + units)
}

fn digits_value(w: &str) -> Option<f64> {
    if w.contains(':') || w.matches('.').count() > 1 {
        return None;
    }
    let cleaned: String = w.chars().filter(|c| *c != ',').collect();
    // "1,200" but not "1,2" (a list)
    if w.contains(',') && w.split(',').skip(1).any(|g| g.len() != 3) {
        return None;
    }
    cleaned.parse::<f64>().ok()
}

struct Ctx<'a> {
    text: &'a str,
    toks: &'a [Token],
}

impl Ctx<'_> {
    fn w(&self, k: usize) -> String {
        self.toks
            .get(k)
            .map(|t| t.text(self.text).to_lowercase())
            .unwrap_or_default()
    }
    fn raw(&self, k: usize) -> &str {
        self.toks.get(k).map(|t| t.text(self.text)).unwrap_or("")
    }
}

/// Finds quantities in `text`; `times` are excluded.
pub fn extract(
    text: &str,
    sentences: &[Sentence],
    tokens: &[Token],
    times: &[TimeMention],
) -> Vec<QuantityMention> {
    // time spans merged into disjoint sorted intervals, for binary search
    let mut spans: Vec<Span> = times.iter().map(|t| Span::new(t.start, t.end)).collect();
    spans.sort();
    let mut merged: Vec<Span> = Vec::with_capacity(spans.len());
    for sp in spans {
        match merged.last_mut() {
            Some(last) if sp.start <= last.end => last.end = last.end.max(sp.end),
            _ => merged.push(sp),
        }
    }
    let mut out = Vec::new();
    for s in sentences {
        let r = tokens_in(tokens, s.span());
        let Some(toks) = tokens.get(r) else { continue };
        sentence_quantities(text, toks, &merged, &mut out);
    }
    out
}

fn sentence_quantities(text: &str, toks: &[Token], times: &[Span], out: &mut Vec<QuantityMention>) {
    let c = Ctx { text, toks };
    let n = toks.len();
    let mut k = 0;
    while k < n {
        let Some(tok) = toks.get(k) else { break };
        let lw = c.w(k);
        // the number itself
        let (mut value, mut last, vague) = if tok.kind == TokenKind::Number {
            match digits_value(tok.text(text)) {
                Some(v) => (v, k, false),
                None => {
                    k += 1;
                    continue;
                }
            }
        } else if let Some(v) = word_value(&lw) {
            (v, k, false)
        } else if let Some(v) = lookup(VAGUE, &lw) {
            (v, k, true)
        } else if (lw == "a" || lw == "an") && lookup(SCALES, &c.w(k + 1)).is_some() {
            (1.0, k, false)
        } else {
            k += 1;
            continue;
        };
        let first = k;
        // "two hundred", "3 million", "a million"
        let mut j = k + 1;
        while let Some(sc) = lookup(SCALES, &c.w(j)) {
            value *= sc;
            last = j;
            j += 1;
        }
        // exclusions: years, dates, times, ages, ordinals
        let is_digits = tok.kind == TokenKind::Number;
        let raw = tok.text(text);
        let prev = first.checked_sub(1).map(|p| c.w(p)).unwrap_or_default();
        let next = c.w(last + 1);
        let in_time = {
            let i = times.partition_point(|t| t.start < tok.end);
            i.checked_sub(1)
                .and_then(|i| times.get(i))
                .is_some_and(|t| t.end > tok.start)
        };
        let month_adjacent = corroborate_time::month_number(&prev).is_some()
            || corroborate_time::month_number(&next).is_some();
        let year_like = is_digits
            && raw.len() == 4
            && !raw.contains([',', '.'])
            && (1800.0..=2100.0).contains(&value);
        let age = next == "-" && c.w(last + 2).starts_with("year");
        let capital_word = !is_digits
            && c.raw(first)
                .chars()
                .next()
                .is_some_and(|ch| ch.is_uppercase())
            && first > 0;
        let one_pronoun = lw == "one"
            && (next == "of"
                || next.is_empty()
                || NOT_UNIT.contains(&next.as_str())
                || prev == "no");
        // "Halyna Petrenko, 67, who ..." (an age); "Hospital No. 2" (a number label)
        let appositive_age =
            prev == "," && next == "," && is_digits && value < 120.0 && value.fract() == 0.0;
        let label = matches!(
            prev.as_str(),
            "no." | "no" | "nr." | "#" | "number" | "room" | "gate" | "line" | "route" | "platform"
        ) && is_digits;
        if in_time
            || month_adjacent
            || age
            || capital_word
            || one_pronoun
            || appositive_age
            || label
        {
            k = last + 1;
            continue;
        }
        // modifiers before
        let (modifier, mod_start) = modifier_before(&c, first);
        // money before the number
        let mut unit: Option<String> = None;
        let mut start_tok = mod_start.unwrap_or(first);
        if let Some(p) = first.checked_sub(1)
            && let Some((_, cur)) = MONEY.iter().find(|(sym, _)| c.raw(p) == *sym)
        {
            unit = Some(cur.to_string());
            if mod_start.is_none() {
                start_tok = p;
            }
        }
        if year_like && modifier.is_none() && unit.is_none() {
            // a year unless a counted noun follows ("2019 people")
            let nx = c.w(last + 1);
            if !matches!(
                nx.as_str(),
                "people"
                    | "dead"
                    | "killed"
                    | "injured"
                    | "troops"
                    | "soldiers"
                    | "residents"
                    | "%"
            ) {
                k = last + 1;
                continue;
            }
        }
        // unit after
        let mut end_tok = last;
        let nx = c.w(last + 1);
        if unit.is_none() {
            if nx == "%" {
                unit = Some("%".to_string());
                end_tok = last + 1;
            } else if nx == "per" && c.w(last + 2) == "cent" {
                unit = Some("%".to_string());
                end_tok = last + 2;
            } else if let Some((_, u)) = UNIT_WORDS.iter().find(|(w, _)| *w == nx) {
                unit = Some(u.to_string());
                end_tok = last + 1;
            } else if vague && nx == "of" && is_noun(&c.w(last + 2)) && is_plural(&c.w(last + 2)) {
                unit = Some(c.w(last + 2));
                end_tok = last + 2;
            } else if is_noun(&nx)
                && c.toks
                    .get(last + 1)
                    .is_some_and(|t| t.kind == TokenKind::Word)
            {
                // "two northern villages", "4 orchestra members": a modifier then a plural noun
                let n2 = c.w(last + 2);
                if !is_plural(&nx) && is_noun(&n2) && is_plural(&n2) && !is_category(&n2) {
                    unit = Some(n2);
                    end_tok = last + 2;
                } else {
                    unit = Some(nx.clone());
                    end_tok = last + 1;
                }
            } else if let Some(adj) = c.toks.get(last + 1).filter(|t| t.kind == TokenKind::Word) {
                // one adjective then a counted noun: "58 more people", "two Doravian soldiers"
                let a = adj.text(text).to_lowercase();
                let n2 = c.w(last + 2);
                if !NOT_UNIT.contains(&a.as_str())
                    && !is_category(&a)
                    && is_noun(&n2)
                    && is_plural(&n2)
                    && !is_category(&n2)
                {
                    unit = Some(n2);
                    end_tok = last + 2;
                }
            }
        } else if lookup(SCALES, &nx).is_none() {
            // "$3 million": scale already folded
        }
        // "one" counts only with a counted noun ("one victim"), not as a pronoun
        if one_pronoun || (lw == "one" && unit.is_none()) {
            k = last + 1;
            continue;
        }
        // "1" followed by 400 zeros parses to infinity: not a number JSON can carry
        if !value.is_finite() {
            k = last + 1;
            continue;
        }
        let (min, max) = interval(modifier.as_deref(), value);
        let (min, max) = (min.filter(|x| x.is_finite()), max.filter(|x| x.is_finite()));
        // People come in whole numbers ("a 6.7-strength quake" counts nobody).
        let category = if value.fract() == 0.0 {
            category(&c, first, end_tok, unit.as_deref())
        } else {
            None
        };
        let (Some(st), Some(et)) = (toks.get(start_tok), toks.get(end_tok)) else {
            k = last + 1;
            continue;
        };
        let Some(qtext) = text.get(st.start..et.end) else {
            k = last + 1;
            continue;
        };
        let (min, max) = if vague && modifier.is_none() {
            (Some(value), None)
        } else {
            (min, max)
        };
        out.push(QuantityMention {
            start: st.start,
            end: et.end,
            text: qtext.to_string(),
            value,
            unit,
            min,
            max,
            modifier,
            category,
        });
        k = end_tok + 1;
    }
}

fn is_plural(w: &str) -> bool {
    w.ends_with('s')
        || matches!(
            w,
            "people" | "children" | "men" | "women" | "police" | "personnel" | "staff"
        )
}

fn is_category(w: &str) -> bool {
    CATEGORIES.iter().any(|(k, _)| *k == w)
}

fn is_noun(w: &str) -> bool {
    !w.is_empty()
        && w.chars().all(|c| c.is_alphabetic() || c == '-')
        && w.chars().next().is_some_and(|c| c.is_lowercase())
        && !NOT_UNIT.contains(&w)
        && !w.ends_with("ed")
        && !w.ends_with("ing")
        && !w.ends_with("ly")
        && corroborate_time::month_number(w).is_none()
        && (!is_category(w)
            || matches!(
                w,
                "deaths"
                    | "hostages"
                    | "suspects"
                    | "bodies"
                    | "victims"
                    | "injuries"
                    | "arrests"
                    | "fatalities"
                    | "captives"
            ))
}

/// The modifier phrase ending right before token `first`, and its first token.
fn modifier_before(c: &Ctx, first: usize) -> (Option<String>, Option<usize>) {
    let w1 = first.checked_sub(1).map(|p| c.w(p)).unwrap_or_default();
    let w2 = first.checked_sub(2).map(|p| c.w(p)).unwrap_or_default();
    let w3 = first.checked_sub(3).map(|p| c.w(p)).unwrap_or_default();
    let three = format!("{w3} {w2} {w1}");
    let two = format!("{w2} {w1}");
    for m in ["no fewer than", "no less than", "as many as"] {
        if three == m {
            return (Some(m.to_string()), first.checked_sub(3));
        }
    }
    for m in [
        "at least",
        "more than",
        "fewer than",
        "less than",
        "up to",
        "at most",
        "close to",
        "an estimated",
        "as many",
    ] {
        if two == m {
            return (Some(m.to_string()), first.checked_sub(2));
        }
    }
    // "more than a million": the "a" belongs to the number; modifiers sit before it
    if w1 == "a" || w1 == "an" {
        return (None, None);
    }
    for m in [
        "about",
        "around",
        "approximately",
        "roughly",
        "some",
        "nearly",
        "almost",
        "over",
        "under",
        "below",
        "above",
        "estimated",
        "exactly",
        "only",
        "just",
    ] {
        if w1 == m {
            return (Some(m.to_string()), first.checked_sub(1));
        }
    }
    (None, None)
}

fn interval(modifier: Option<&str>, v: f64) -> (Option<f64>, Option<f64>) {
    let int = v.fract() == 0.0;
    let step = if int { 1.0 } else { 0.0 };
    match modifier {
        Some("at least" | "no fewer than" | "no less than" | "exactly") => (
            Some(v),
            if modifier == Some("exactly") {
                Some(v)
            } else {
                None
            },
        ),
        Some("more than" | "over" | "above") => (Some(v + step), None),
        Some("fewer than" | "less than" | "under" | "below") => (None, Some(v - step)),
        Some(
            "up to" | "at most" | "as many as" | "nearly" | "almost" | "close to" | "just" | "only",
        ) => (None, Some(v)),
        Some(
            "about" | "around" | "approximately" | "roughly" | "some" | "estimated"
            | "an estimated" | "as many",
        ) => (Some(tidy(v * 0.9)), Some(tidy(v * 1.1))),
        _ => (None, None),
    }
}

/// `x` to nine significant digits: 1.5 million × 1.1 is 1,650,000, not
/// 1,650,000.0000000002.
fn tidy(x: f64) -> f64 {
    format!("{x:.8e}").parse().unwrap_or(x)
}

/// The category from the unit, else the nearest cue after (within six tokens, preferred
/// when within three), else before (within five tokens).
fn category(c: &Ctx, first: usize, end_tok: usize, unit: Option<&str>) -> Option<String> {
    let find = |w: &str| {
        CATEGORIES
            .iter()
            .find(|(k, _)| *k == w)
            .map(|(_, v)| v.to_string())
    };
    if let Some(u) = unit
        && !matches!(u, "victims" | "victim")
        && let Some(cat) = find(u)
    {
        return Some(cat);
    }
    // An age: "aged 91", "died at 91", "Fred Lane, 75, dies".
    let prev = c.w(first.wrapping_sub(1));
    if matches!(prev.as_str(), "aged" | "age" | "ages")
        || (prev == "of" && c.w(first.wrapping_sub(2)) == "age")
        || (prev == "at"
            && (2..=4)
                .map(|j| c.w(first.wrapping_sub(j)))
                .take_while(|w| {
                    // "The death toll stood at 64": a count, not an age
                    !matches!(
                        w.as_str(),
                        "toll"
                            | "number"
                            | "stood"
                            | "stands"
                            | "stand"
                            | "reached"
                            | "rose"
                            | "count"
                            | "tally"
                            | "now"
                    )
                })
                .any(|w| matches!(w.as_str(), "dies" | "died" | "passed" | "away" | "dead")))
        || (prev == ","
            && c.w(first + 1) == ","
            && c.raw(first.wrapping_sub(2))
                .chars()
                .next()
                .is_some_and(char::is_uppercase))
    {
        return None;
    }
    // An age or a decade ("in his early 20's") or a family size ("a mother of 12").
    let next = c.raw(first + 1);
    if next.starts_with(['\'', '’']) && next.trim_start_matches(['\'', '’']).starts_with('s') {
        return None;
    }
    if first >= 2
        && matches!(c.w(first - 1).as_str(), "of" | "to")
        && matches!(
            c.w(first - 2).as_str(),
            "mother"
                | "father"
                | "parent"
                | "parents"
                | "grandmother"
                | "grandfather"
                | "mom"
                | "mum"
                | "dad"
        )
    {
        return None;
    }
    // A frequency ("arrested four times") counts no people.
    if matches!(c.w(end_tok + 1).as_str(), "times" | "time") || unit == Some("times") {
        return None;
    }
    // The size of a group a part is taken from ("two of the three victims died": the
    // three are victims, not dead), unless the group is the count itself ("two of the 12
    // people killed were children").
    let of_at = if c.w(first.wrapping_sub(1)) == "of" {
        Some(first.wrapping_sub(1))
    } else if matches!(
        c.w(first.wrapping_sub(1)).as_str(),
        "the" | "those" | "these"
    ) && c.w(first.wrapping_sub(2)) == "of"
    {
        Some(first.wrapping_sub(2))
    } else {
        None
    };
    let part_before = of_at.is_some_and(|o| {
        let w = c.w(o.wrapping_sub(1));
        c.toks
            .get(o.wrapping_sub(1))
            .is_some_and(|t| t.kind == TokenKind::Number)
            || UNITS.iter().any(|(u, _)| *u == w.as_str())
            || matches!(w.as_str(), "all" | "both" | "most")
    });
    let slot_group = matches!(
        c.w(end_tok + 1).as_str(),
        "killed" | "dead" | "injured" | "wounded" | "arrested"
    ) && matches!(
        c.w(end_tok + 2).as_str(),
        "was" | "were" | "is" | "are" | "included" | "include"
    );
    if part_before && !slot_group {
        return None;
    }
    // A distance ("arrested five buildings away", "two blocks apart") counts no people.
    if matches!(c.w(end_tok + 1).as_str(), "away" | "apart") && unit.is_some() {
        return None;
    }
    // A score or a tally ("lost 30-7", "deadlocked at 9-3") counts no people.
    let num = |k: usize| c.toks.get(k).is_some_and(|t| t.kind == TokenKind::Number);
    if (c.w(first + 1) == "-" && num(first + 2))
        || (first >= 2 && c.w(first - 1) == "-" && num(first - 2))
    {
        return None;
    }
    // A cue right before the number names what it counts: "killed 58 Palestinians",
    // "injured 12 skiers".
    if first >= 1
        && let Some(cat) = find(&c.w(first - 1))
        && !matches!(
            c.w(first - 1).as_str(),
            "victims" | "victim" | "death" | "toll" | "missing"
        )
    {
        return Some(cat);
    }
    // A counted noun that is not people ("54 charges", "two villages", "nine months")
    // takes no category from the words around it.
    if let Some(u) = unit
        && !PEOPLE.contains(&u)
        && !is_category(&c.w(end_tok + 1))
    {
        return None;
    }
    // The cue word at token `k`, except "death" in "death penalty", "death sentence",
    // "death row": punishments, not deaths.
    let find_at = |k: usize| {
        let w = c.w(k);
        if w == "death" && DEATH_NOT_KILLED.contains(&c.w(k + 1).as_str()) {
            return None;
        }
        // "the three victims" may be wounded or dead: a count of the dead only as
        // "murder victims", "fatal victims".
        if matches!(w.as_str(), "victims" | "victim")
            && !matches!(
                c.w(k.wrapping_sub(1)).as_str(),
                "murder" | "homicide" | "fatal" | "dead" | "killing"
            )
        {
            return None;
        }
        // "voting to put him to death", "sentenced to death": an execution asked for or
        // ordered, not a death counted ("stabbed to death" still counts).
        if w == "death"
            && c.w(k.wrapping_sub(1)) == "to"
            && (2..=4).any(|j| {
                matches!(
                    c.w(k.wrapping_sub(j)).as_str(),
                    "put" | "putting" | "sentenced" | "sentence" | "condemned" | "condemn"
                )
            })
        {
            return None;
        }
        find(&w)
    };
    let mut after: Option<(usize, String)> = None;
    for (d, k) in (end_tok + 1..end_tok + 7).enumerate() {
        let w = c.w(k);
        if w.is_empty()
            || matches!(w.as_str(), "," | ";" | "." | "and" | "but")
            || c.toks.get(k).is_some_and(|t| t.kind == TokenKind::Number)
        {
            break;
        }
        // "two men accused of killing a mother": the accused, not the dead
        if matches!(
            w.as_str(),
            "accused" | "charged" | "suspected" | "convicted" | "blamed" | "wanted"
        ) {
            return None;
        }
        if let Some(cat) = find_at(k) {
            after = Some((d, cat));
            break;
        }
    }
    if let Some((d, cat)) = &after
        && *d < 3
    {
        return Some(cat.clone());
    }
    let mut before: Option<(usize, String)> = None;
    let mut d = 0;
    let mut k = first;
    while k > 0 && d < 5 {
        k -= 1;
        let w = c.w(k);
        if matches!(w.as_str(), "," | ";" | "." | "and" | "but")
            || c.toks.get(k).is_some_and(|t| t.kind == TokenKind::Number)
        {
            break;
        }
        // "missing 10 of 16 games", "the missing link between the two": before a
        // number "missing" is a verb or a figure of speech, not people missing.
        if let Some(cat) = find_at(k).filter(|cat| cat != "missing") {
            // "a gunman shot three people": the attacker is the subject, not what is
            // counted
            if cat == "attackers" && d > 0 {
                break;
            }
            before = Some((d, cat));
            break;
        }
        d += 1;
    }
    // "the death toll ... has climbed to 61"
    if after.is_none() && before.is_none() {
        let lead = c.w(first.wrapping_sub(1));
        if matches!(
            lead.as_str(),
            "to" | "at"
                | "reached"
                | "hit"
                | "of"
                | "is"
                | "was"
                | "stands"
                | "stood"
                | "passed"
                | "exceeded"
                | "topped"
        ) {
            let mut k = first;
            let mut steps = 0;
            while k > 0 && steps < 25 {
                k -= 1;
                steps += 1;
                if c.toks.get(k).is_some_and(|t| t.kind == TokenKind::Number)
                    || matches!(c.w(k).as_str(), ";" | ".")
                {
                    break;
                }
                let wk = c.w(k);
                if wk == "toll" {
                    return Some("killed".to_string());
                }
                // "the number of dead has grown to 61", "the number of people killed ... has
                // risen to 64": a cue counted by "number", "count" or "tally" just before,
                // not any cue of the sentence ("deadlocked at 9-3" after "the death
                // penalty").
                let counted = (k.saturating_sub(4)..k)
                    .any(|j| matches!(c.w(j).as_str(), "number" | "count" | "tally"));
                if counted && let Some(cat) = find_at(k) {
                    return Some(cat);
                }
            }
        }
    }
    match (after, before) {
        (Some((da, a)), Some((db, b))) => Some(if da <= db { a } else { b }),
        (Some((_, a)), None) => Some(a),
        (None, Some((_, b))) => Some(b),
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{sentences, tokens};

    fn qs(t: &str) -> Vec<QuantityMention> {
        let s = sentences::split(t);
        let k = tokens::tokenize(t);
        extract(t, &s, &k, &[])
    }

    #[test]
    fn punishments_and_counted_things_are_not_deaths() {
        let q = qs(
            "After days on whether to recommend the death penalty, the jury deadlocked \
                    at 9-3. The judge handed down the maximum sentence on each of 54 charges. \
                    The three jurors who voted against the death penalty would not comment. \
                    Relatives of the four murder victims were outraged. Two of the eight \
                    voting to put him to death spoke. Five men were stabbed to death.",
        );
        let cats: Vec<(f64, Option<&str>)> =
            q.iter().map(|q| (q.value, q.category.as_deref())).collect();
        assert!(cats.contains(&(9.0, None)), "{cats:?}");
        assert!(cats.contains(&(54.0, None)), "{cats:?}");
        assert!(cats.contains(&(3.0, None)), "{cats:?}");
        assert!(cats.contains(&(4.0, Some("killed"))), "{cats:?}");
        assert!(cats.contains(&(8.0, None)), "{cats:?}");
        assert!(cats.contains(&(5.0, Some("killed"))), "{cats:?}");
        let q = qs("The death toll stood at 64 on Sunday. The air strike killed 58 villagers.");
        let cats: Vec<(f64, Option<&str>)> =
            q.iter().map(|q| (q.value, q.category.as_deref())).collect();
        assert_eq!(cats, vec![(64.0, Some("killed")), (58.0, Some("killed"))]);
        let q = qs(
            "Fred Lane, 75, died Thursday at 91 and was buried aged 80 in 2031. She died at \
                    the age of 88. The team will be missing two players.",
        );
        assert!(q.iter().all(|q| q.category.is_none()), "{q:?}");
        let q = qs("The three victims were taken to hospital.");
        assert!(q.iter().all(|q| q.category.is_none()), "{q:?}");
        let q = qs(
            "The safety was injured during the 13-10 loss. A 6.7-strength quake \
                    struck. He was arrested in his early 20's. Gunmen killed a mother of 12. \
                    Ada Moss, the first woman to lead the bureau, dead at 95. The deputy, a \
                    father to two boys, died. He was arrested five buildings away. Two men \
                    accused of killing a guard were in court. A gunman shot three people. He \
                    was arrested four times.",
        );
        assert!(q.iter().all(|q| q.category.is_none()), "{q:?}");
        // a part of a group counts; the group does not, unless it is the count itself
        let q = qs("Two of the three people died. Two of the 12 people killed were children.");
        let cats: Vec<(f64, Option<&str>)> =
            q.iter().map(|q| (q.value, q.category.as_deref())).collect();
        assert!(cats.contains(&(3.0, None)), "{cats:?}");
        assert!(cats.contains(&(12.0, Some("killed"))), "{cats:?}");
    }

    #[test]
    fn at_least_58_killed() {
        let q = qs("At least 58 people were killed and more than 120 injured in the blast.");
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[0].text, "At least 58 people");
        assert_eq!((q[0].value, q[0].min, q[0].max), (58.0, Some(58.0), None));
        assert_eq!(q[0].unit.as_deref(), Some("people"));
        assert_eq!(q[0].category.as_deref(), Some("killed"));
        assert_eq!(q[1].text, "more than 120");
        assert_eq!(q[1].min, Some(121.0));
        assert_eq!(q[1].category.as_deref(), Some("injured"));
    }

    #[test]
    fn older_toll_and_years_are_separate() {
        let q = qs(
            "The 2019 Kharivsk central market bombing killed 23 people. It happened on 3 June 2023 at 21:40.",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].value, 23.0);
        assert_eq!(q[0].category.as_deref(), Some("killed"));
    }

    #[test]
    fn toll_of_23_is_killed_and_2019_is_a_year() {
        let q = qs(
            "The 2019 toll of 23 was the worst until now. The death toll has climbed to 61, officials said.",
        );
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(
            (q[0].value, q[0].category.as_deref()),
            (23.0, Some("killed"))
        );
        assert_eq!(
            (q[1].value, q[1].category.as_deref()),
            (61.0, Some("killed"))
        );
    }

    #[test]
    fn ages_labels_and_two_word_units() {
        let q = qs(
            "Halyna Petrenko, 67, runs a stall near Hospital No. 2. Police raided two northern villages. The number of people killed has risen to 64, officials said.",
        );
        let texts: Vec<&str> = q.iter().map(|x| x.text.as_str()).collect();
        assert_eq!(texts, vec!["two northern villages", "64"], "{q:?}");
        assert_eq!(q[0].unit.as_deref(), Some("villages"));
        assert_eq!(q[1].category.as_deref(), Some("killed"));
    }

    #[test]
    fn words_money_percent_and_vague() {
        let q = qs(
            "Forty-two people were hurt. Officials pledged $3 million, about 60 percent of it. Dozens of residents went missing; nearly 60 were detained. Up to 30 km of road closed.",
        );
        let get = |t: &str| q.iter().find(|x| x.text == t);
        assert_eq!(
            get("Forty-two people").map(|x| (x.value, x.category.clone())),
            Some((42.0, Some("injured".to_string())))
        );
        assert_eq!(
            get("$3 million").map(|x| (x.value, x.unit.clone())),
            Some((3e6, Some("USD".to_string())))
        );
        let about = get("about 60 percent");
        assert_eq!(about.and_then(|x| x.unit.clone()), Some("%".to_string()));
        assert!(
            about
                .and_then(|x| x.min)
                .is_some_and(|m| (m - 54.0).abs() < 1e-9)
        );
        assert_eq!(
            get("Dozens of residents").and_then(|x| x.category.clone()),
            Some("missing".to_string())
        );
        assert_eq!(
            get("nearly 60").map(|x| (x.max, x.category.clone())),
            Some((Some(60.0), Some("arrested".to_string())))
        );
        assert_eq!(
            get("Up to 30 km").map(|x| (x.max, x.unit.clone())),
            Some((Some(30.0), Some("km".to_string())))
        );
    }

    #[test]
    fn more_than_a_million_and_no_dates() {
        let q = qs(
            "More than a million people marched on June 4. One of the victims was 34. No one died.",
        );
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[0].text, "More than a million people");
        assert_eq!(q[0].min, Some(1e6 + 1.0));
        assert_eq!(q[1].value, 34.0);
    }

    #[test]
    fn time_mentions_are_excluded() {
        let t = "Six days later 40 were arrested.";
        let s = sentences::split(t);
        let k = tokens::tokenize(t);
        let times = vec![TimeMention {
            start: 0,
            end: 14,
            text: "Six days later".into(),
            kind: corroborate_model::TimeType::DURATION,
            value: "P6D".into(),
            anchor: None,
            duration: None,
        }];
        let q = extract(t, &s, &k, &times);
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].value, 40.0);
        assert_eq!(q[0].category.as_deref(), Some("arrested"));
    }

    #[test]
    fn huge_numbers_are_not_quantities() {
        let text = format!(
            "The fund lost 1{} dollars, and 5 people left.",
            "0".repeat(400)
        );
        let toks = crate::tokens::tokenize(&text);
        let sents = crate::sentences::split(&text);
        let qs = extract(&text, &sents, &toks, &[]);
        assert!(qs.iter().all(|q| q.value.is_finite()));
        assert!(qs.iter().any(|q| q.value == 5.0));
    }

    #[test]
    fn attackers_and_round_intervals() {
        let text = "Up to 40 attackers took part. About 1.5 million dollars was paid.";
        let toks = crate::tokens::tokenize(text);
        let sents = crate::sentences::split(text);
        let qs = extract(text, &sents, &toks, &[]);
        let att = qs.iter().find(|q| q.value == 40.0);
        assert_eq!(att.and_then(|q| q.category.as_deref()), Some("attackers"));
        let money = qs.iter().find(|q| q.value == 1_500_000.0);
        assert_eq!(money.and_then(|q| q.max), Some(1_650_000.0));
        assert_eq!(money.and_then(|q| q.min), Some(1_350_000.0));
    }
}
