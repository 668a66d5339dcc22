//! The timeline: dated sentence-level events, merged across documents.
//!
//! A sentence is an event when it holds a trigger word and a DATE time mention
//! with a concrete value, or, for a past-tense sentence without any time mention,
//! when the previous sentence of its paragraph holds exactly one concrete date
//! resolved against the publication date. The publication date alone never dates
//! an event.
//!
//! Coreference (the timeline is built per story): sentences of the same date and
//! class family are one event (a death toll and the attack that caused it are one
//! family). A possessive date ("Saturday's bombing") dates the noun it modifies; a
//! date attached to a reporting verb ("officials said on Monday") dates the report,
//! so attack-family reports and tolls become evidence of the best-attested attack
//! of the week before. Background events (more than 60 days before the story's
//! reference day: the median publication day of its sources, else the latest day at
//! least two of their inferred dates reach, else the median event day) of one date are
//! one event; an event dated after the publication day of every page that tells it is
//! `scheduled` (a plan, not yet a happening).
//!
//! What dates a sentence: the date mention nearest its trigger, not one in a side
//! clause the trigger is outside (a quotation, a relative clause, a reduced relative,
//! an appositive: `relative_clauses`), not a bound or baseline ("by 2012", "since
//! riots in 2008"), not a plan's date after a past trigger ("announced that she will
//! host the ceremony on Sunday").
//!
//! An undated sentence that tells a happening joins the event of its kind that other
//! articles date ([`join_undated`]); those left that two or more articles tell alike are
//! one event with no date, after the dated ones ([`cluster_undated`]).

use std::collections::{BTreeMap, BTreeSet};

use corroborate_model::{Annotations, DateBasis, DateValue, Event, Span, TimeType};

use crate::entities::EntityTable;
use crate::text;

/// Present-tense forms of trigger verbs, by class: headlines tell past happenings in the
/// present tense ("Gunman kills 1"). They count only as verbs: the same words are
/// plural nouns too ("recent hosts", see `trigger_in`).
const HEADLINE_VERBS: &[(&str, &[&str])] = &[
    ("arrest", &["captures", "nabs"]),
    ("legal", &["sues", "convicts", "indicts", "acquits"]),
    ("politics", &["elects", "resigns", "appoints"]),
    (
        "business",
        &["acquires", "merges", "launches", "unveils", "buys", "sells"],
    ),
    ("attack", &["kills", "shoots", "stabs", "crashes"]),
    ("life", &["escapes", "marries"]),
    (
        "economy",
        &[
            "rises",
            "climbs",
            "plunges",
            "slumps",
            "surges",
            "tumbles",
            "declines",
            "soars",
            "loses",
            "agrees",
            "wins",
            "introduces",
            "approves",
            "lowers",
        ],
    ),
    (
        "action",
        &[
            "nominates",
            "hires",
            "ousts",
            "begins",
            "postpones",
            "cancels",
            "suspends",
            "halts",
            "resumes",
            "completes",
            "upholds",
            "overturns",
            "replaces",
            "defeats",
            "clinches",
            "retains",
            "hosts",
        ],
    ),
];

/// The headline verbs of a trigger class.
fn headline_verbs(class: &str) -> &'static [&'static str] {
    HEADLINE_VERBS
        .iter()
        .find(|(c, _)| *c == class)
        .map_or(&[], |(_, ws)| *ws)
}

/// Whether `w` is a trigger word of any class.
fn is_trigger_word(w: &str) -> bool {
    TRIGGERS
        .iter()
        .chain(HEADLINE_VERBS)
        .any(|(_, ws)| ws.contains(&w))
}

/// Trigger classes in priority order, with their trigger words (folded, lowercase).
pub const TRIGGERS: &[(&str, &[&str])] = &[
    ("claim", &["claimed", "claims", "claim", "responsibility"]),
    (
        "denial",
        &["denied", "denies", "deny", "rejected", "rejects"],
    ),
    (
        "blame",
        &[
            "blamed",
            "blames",
            "blame",
            "accused",
            "accuses",
            "accusation",
            "accusations",
        ],
    ),
    (
        "arrest",
        &[
            "arrested",
            "arrests",
            "arrest",
            "detained",
            "detains",
            "captured",
            "apprehended",
            "nabbed",
            "raided",
        ],
    ),
    (
        "warning",
        &["warning", "warnings", "alert", "warned", "warns"],
    ),
    (
        "vigil",
        &[
            "vigil", "vigils", "funeral", "funerals", "memorial", "mourners", "mourning",
        ],
    ),
    ("toll", &["toll"]),
    (
        "legal",
        &[
            "sentenced",
            "convicted",
            "charged",
            "indicted",
            "sued",
            "lawsuit",
            "verdict",
            "acquitted",
            "ruled",
            "ruling",
            "guilty",
        ],
    ),
    (
        "politics",
        &[
            "election",
            "elected",
            "elections",
            "vote",
            "voted",
            "referendum",
            "resigned",
            "resignation",
            "appointed",
            "sworn",
        ],
    ),
    (
        "business",
        &[
            "bankruptcy",
            "bankrupt",
            "acquired",
            "acquisition",
            "merger",
            "merged",
            "launched",
            "unveiled",
            "recalled",
            "recall",
            "layoffs",
            "laid",
            "closed",
            "closing",
            "bought",
            "sold",
            "takeover",
        ],
    ),
    (
        "strike",
        &["strike", "strikes", "walkout", "protest", "protests"],
    ),
    (
        "attack",
        &[
            "explosion",
            "explosions",
            "exploded",
            "explodes",
            "blast",
            "blasts",
            "bomb",
            "bombing",
            "bombings",
            "bombed",
            "attack",
            "attacks",
            "attacked",
            "killed",
            "killing",
            "detonated",
            "shooting",
            "shot",
            "stabbing",
            "earthquake",
            "quake",
            "crash",
            "crashed",
            "fire",
            "robbery",
            "robbed",
            "heist",
            "stole",
            "stolen",
            "burglary",
            "looted",
            "murdered",
            "slain",
            "stabbed",
            "wounded",
            "damaged",
            "destroyed",
            "riots",
            "rioting",
            "clashes",
            "hijacked",
            "fired",
            "rammed",
            "arson",
            "struck",
        ],
    ),
    // a service down is no attack, and merges with none the same day
    ("disruption", &["outage", "outages", "downtime"]),
    (
        "life",
        &[
            "died",
            "dies",
            "drowned",
            "checked",
            "hospitalized",
            "hospitalised",
            "rescued",
            "escaped",
            "kidnapped",
            "abducted",
            "married",
            "divorced",
            "overdosed",
            "rehab",
            "found",
            // only "fell to their deaths" (see `trigger_in`)
            "fell",
            "fallen",
            // only "passed away" (see `trigger_in`)
            "passed",
            "succumbed",
            // a death told as a state or a noun: "is presumed dead", "her death"
            // (not "dead end", "death penalty"; see `trigger_in`)
            "dead",
            "death",
            // only "fall to his death" (see `trigger_in`)
            "fall",
            "falls",
            "falling",
        ],
    ),
    (
        "economy",
        &[
            "rose",
            "fell",
            "dropped",
            "gained",
            "climbed",
            "plunged",
            "slumped",
            "surged",
            "tumbled",
            "declined",
            "jumped",
            "soared",
            "slipped",
            "rallied",
            "lost",
            "announced",
            "announces",
            "reported",
            "posted",
            "delivered",
            "ordered",
            "signed",
            "agreed",
            "cut",
            "filed",
            "won",
            "awarded",
            "introduced",
            "released",
            "approved",
            "raised",
            "lowered",
            "invested",
            "fallen",
            "risen",
            "gave",
        ],
    ),
    (
        "action",
        &[
            "named",
            "nominated",
            "hired",
            "fired",
            "ousted",
            "called",
            "met",
            "visited",
            "held",
            "began",
            "started",
            "ended",
            "opened",
            "delayed",
            "postponed",
            "cancelled",
            "canceled",
            "suspended",
            "halted",
            "resumed",
            "completed",
            "pushed",
            "upheld",
            "overturned",
            "passed",
            "blocked",
            "requested",
            "replaced",
            "spoke",
            "flight",
            "flew",
            "landed",
            "increased",
            "decreased",
            "finished",
            "reached",
            "saw",
            "defeated",
            "clinched",
            "beat",
            "knocked",
            "retained",
            "hosted",
            "placed",
        ],
    ),
];

/// Whether the words before a date make it a bound or a baseline rather than the
/// time of the happening: "lowest since 2003", "cut jobs by 2012", "until March",
/// "up from 14% a year ago", "higher than a year earlier". "Since" with a day
/// ("detained since Monday") dates the start of what is told, so it stays.
fn bounds_or_compares(before: &str, value: &str) -> bool {
    let last = before.split_whitespace().last().map(|w| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    });
    match last.as_deref() {
        Some("since") => text::date_part(value).len() < 10,
        Some("until" | "till" | "by" | "from" | "than" | "through") => true,
        // a comparison a few words before: "in contrast with the February 2007
        // election", "similar to that seen in the December 2008 riots"
        _ => {
            let words = text::words(before);
            let near: Vec<&str> = words.iter().rev().take(6).map(String::as_str).collect();
            // the start of a span counted off: "less than two years after that day in
            // October", "three weeks before the 2029 vote"
            let counted_from = near
                .iter()
                .take(4)
                .position(|w| matches!(*w, "after" | "before"))
                .is_some_and(|k| {
                    // a count of units, not "the day after his arrest" (nor hours: "a
                    // few hours after the shooting on Monday" is that day)
                    let back: Vec<&str> = words
                        .iter()
                        .rev()
                        .skip(k + 1)
                        .take(4)
                        .map(String::as_str)
                        .collect();
                    back.iter().enumerate().any(|(j, w)| {
                        matches!(*w, "years" | "months" | "weeks" | "days" | "decades")
                            || (matches!(*w, "year" | "month" | "week" | "day" | "decade")
                                && back
                                    .get(j + 1)
                                    .is_some_and(|a| matches!(*a, "a" | "an" | "one")))
                    })
                });
            counted_from
                || near.windows(2).any(|w| {
                    matches!(
                        (w[1], w[0]),
                        ("in", "contrast")
                            | ("similar", "to")
                            | ("compared", "with")
                            | ("compared", "to")
                            | ("reminiscent", "of")
                    )
                })
                || near.contains(&"unlike")
        }
    }
}

/// Whether a date at `ds` of `sent` lies in a "since" phrase whose happening is not the
/// trigger's (at `trig`): the start of a period the sentence measures, "the worst
/// violence since riots in 2008", "its first losing year since Del Rio's initial season
/// in 2003", "10-5-2 since knocking out Lewis in 2001", "arrested 12 people since the
/// riots began in March". Not a date right after "since" (`bounds_or_compares` decides
/// those), nor one after the phrase has closed ("The worst riots since 2029 broke out in
/// Norby on Thursday", "The first arrests since the unrest began were made on Friday"),
/// nor one the trigger inside the phrase takes ("held since his arrest on Monday" is the
/// arrest's day).
fn since_baseline(sent: &str, ds: usize, trig: usize) -> bool {
    let before = sent.get(..ds).unwrap_or("");
    let Some(at) = since_at(before) else {
        return false;
    };
    let from = at + "since ".len();
    // the trigger inside the phrase is the happening the phrase names, unless a
    // superlative before "since" makes it the baseline of another one ("the worst
    // violence since riots in 2008")
    let superlative = superlative_before(before, at);
    if (at..ds).contains(&trig) && !superlative {
        return false;
    }
    let tail = before.get(from..).unwrap_or("");
    let words = text::words(tail);
    if words.is_empty() || words.len() > 12 || tail.contains([',', ';']) {
        return false;
    }
    // "since 2029 broke out": the phrase was that date
    if words
        .first()
        .is_some_and(|w| w.chars().next().is_some_and(|c| c.is_ascii_digit()))
    {
        return false;
    }
    !words.iter().any(|w| finite_aux(w))
}

/// Where the last "since" before a date starts (byte offset in `before`, the text up to
/// the date).
fn since_at(before: &str) -> Option<usize> {
    let low = before.to_ascii_lowercase();
    match (low.rfind(" since "), low.starts_with("since ")) {
        (Some(a), _) => Some(a + 1),
        (None, true) => Some(0),
        _ => None,
    }
}

/// Whether a superlative or "first" comes within six words before `at` ("the worst
/// violence since", "the first coach since").
fn superlative_before(text: &str, at: usize) -> bool {
    text::words(text.get(..at).unwrap_or(""))
        .iter()
        .rev()
        .take(6)
        .any(|w| {
            matches!(
                w.as_str(),
                "first"
                    | "worst"
                    | "best"
                    | "most"
                    | "biggest"
                    | "largest"
                    | "deadliest"
                    | "bloodiest"
                    | "costliest"
                    | "highest"
                    | "lowest"
                    | "heaviest"
                    | "strongest"
                    | "greatest"
                    | "fiercest"
                    | "longest"
                    | "sharpest"
                    | "steepest"
                    | "busiest"
            )
        })
}

/// A finite auxiliary: the main verb of a clause a side clause runs up to.
fn finite_aux(w: &str) -> bool {
    matches!(
        w,
        "has" | "have" | "had" | "was" | "were" | "is" | "are" | "will" | "would"
    )
}

/// Whether the words right after a date, up to five before a function word, hold a
/// trigger or happening noun of `class`'s family: "2019 Kharivsk central market
/// bombing" in an attack's sentence.
fn names_happening(after: &str, class: &str) -> bool {
    let fam = family(class);
    text::words(after)
        .iter()
        .take(5)
        .take_while(|w| !matches!(w.as_str(), "in" | "on" | "at" | "of" | "and" | "the" | "a"))
        .any(|w| {
            TRIGGERS
                .iter()
                .chain(HEADLINE_VERBS)
                .any(|(c, ws)| family(c) == fam && ws.contains(&w.as_str()))
                || HAPPENING_NOUNS
                    .iter()
                    .any(|(n, c)| n == w && family(c) == fam)
        })
}

/// Happening nouns that are no trigger words but name what a date before them dates.
const HAPPENING_NOUNS: &[(&str, &str)] = &[
    ("slayings", "attack"),
    ("slaying", "attack"),
    ("murder", "attack"),
    ("murders", "attack"),
    ("massacre", "attack"),
    ("rampage", "attack"),
    ("conviction", "legal"),
    ("convictions", "legal"),
    ("indictment", "legal"),
    ("sentencing", "legal"),
    ("acquittal", "legal"),
    ("riots", "attack"),
    ("riot", "attack"),
    ("elections", "politics"),
    ("race", "politics"),
    ("campaign", "politics"),
];

/// The class of the happening noun an attributive date names ("the 1967 slayings", "an
/// April 2007 shooting", "the 2019 Kharivsk market bombing"): the date at `ds..de` of
/// `sent` stands after a determiner, and a trigger word or happening noun follows within
/// three words, with no preposition or verb between. `None` when the date is not so.
fn attributive_class(sent: &str, ds: usize, de: usize) -> Option<&'static str> {
    let head = sent.get(..ds).unwrap_or("");
    let mut before = text::words(head);
    // up to two adjectives between the determiner and the year: "his deadly 2005
    // rampage", "the brutal, senseless 1967 slayings"
    let spans = text::word_spans(head);
    for back in 1..=2 {
        let lower = spans
            .len()
            .checked_sub(back)
            .and_then(|k| spans.get(k))
            .and_then(|&(a, _)| head.get(a..))
            .is_some_and(|r| r.starts_with(char::is_lowercase));
        let adjective = before.last().is_some_and(|w| {
            !text::is_stopword(w)
                && !matches!(
                    w.as_str(),
                    "the" | "a" | "an" | "its" | "his" | "her" | "their" | "this" | "that"
                )
        });
        if !(lower && adjective && before.len() >= 2) {
            break;
        }
        before.pop();
    }
    let det = before.last().map(String::as_str)?;
    if !matches!(
        det,
        "the" | "a" | "an" | "its" | "his" | "her" | "their" | "this" | "that"
    ) {
        return None;
    }
    // the sentence's subject names the happening it tells ("The 2019 bombing of the
    // market was blamed on militants"), and a happening that frames the sentence in time
    // dates it ("After the 2019 market bombing, Doravia accused ...")
    if before.len() == 1 {
        return None;
    }
    let prep = before.iter().rev().nth(1).map(String::as_str);
    if matches!(
        prep,
        Some("after" | "before" | "since" | "following" | "until" | "during" | "amid")
    ) {
        return None;
    }
    let after = text::words(sent.get(de..).unwrap_or(""));
    for w in after.iter().take(3) {
        if let Some((_, c)) = HAPPENING_NOUNS.iter().find(|(n, _)| n == w) {
            return Some(c);
        }
        if let Some((c, _)) = trigger_class(w) {
            return Some(c);
        }
        if text::is_stopword(w) {
            return None;
        }
    }
    None
}

/// Whether the date at `ds..de` of `sent` (offsets into the sentence) lies in a part of
/// the sentence that the trigger at `trig` is outside: a quotation ("chanted, 'how many
/// kids will you kill today,' witnesses reported") or a relative clause, from "who",
/// "which", "where" or "whose" to the next comma, dash or semicolon, or, without a comma
/// before the pronoun, to the main verb's auxiliary ("The woman who shot two people
/// Thursday night has been charged", "the vigil where Gray was shot on Saturday",
/// "Rahman, who beat Lewis in 2001, barely landed a punch"). Such a date tells another
/// happening than the trigger's.
#[cfg(test)]
fn subordinate(sent: &str, ds: usize, de: usize, trig: usize) -> bool {
    subordinate_in(sent, &relative_clauses(sent), ds, de, trig)
}

/// [`subordinate`] with the sentence's relative clauses computed once
/// ([`relative_clauses`]).
fn subordinate_in(
    sent: &str,
    clauses: &[(usize, usize)],
    ds: usize,
    de: usize,
    trig: usize,
) -> bool {
    let before = sent.get(..ds).unwrap_or("");
    // a quotation open at the date: the last opening mark before it
    let curly_open = before.rfind('\u{201c}');
    let curly_close = before.rfind('\u{201d}');
    let open = match (curly_open, curly_close) {
        (Some(o), c) if c.is_none_or(|c| c < o) => Some(o),
        _ => (before.matches('"').count() % 2 == 1)
            .then(|| before.rfind('"'))
            .flatten(),
    };
    if let Some(o) = open {
        let after = sent.get(de..).unwrap_or("");
        let close = after.find(['\u{201d}', '"']).map_or(sent.len(), |p| de + p);
        return trig < o || trig > close;
    }
    // the relative clause the date is in: the nearest pronoun before it (a clause that
    // dates a period named before it, "the last quarter, which ended December 30", is
    // none; see `relative_clauses`)
    let Some((ws, end)) = clauses
        .iter()
        .copied()
        .filter(|&(a, e)| a < ds && de <= e)
        .max_by_key(|&(a, _)| a)
    else {
        return false;
    };
    let spans = text::word_spans(sent);
    let word = |(a, b): (usize, usize)| sent.get(a..b).unwrap_or("").to_lowercase();
    let pronoun = spans
        .iter()
        .find(|&&(a, _)| a == ws)
        .map(|&sp| word(sp))
        .unwrap_or_default();
    let antecedent = spans
        .iter()
        .rev()
        .find(|&&(_, b)| b <= ws)
        .map(|&sp| word(sp))
        .unwrap_or_default();
    // the antecedent names a happening ("The fire, which broke out on Tuesday,
    // destroyed ..."): the clause dates it
    if is_trigger_word(&antecedent) {
        return false;
    }
    if (ws..end).contains(&trig) {
        return false;
    }
    if trig >= end {
        // the trigger after the clause: the clause describes who or what the sentence
        // is about ("The woman who shot ... Thursday night has been charged")
        return true;
    }
    // the trigger before the clause: a clause set off by a comma, or one of place or
    // possession, tells another happening ("the vigil where Gray was shot on
    // Saturday"); a restrictive one may carry the trigger's date ("arrested a man who
    // carried a can of petrol near the warehouse on Tuesday")
    let comma_before = sent.get(..ws).is_some_and(|h| h.trim_end().ends_with(','));
    comma_before || matches!(pronoun.as_str(), "where" | "whose")
}

/// Whether a word of intent or of the future stands between the trigger at `trig` and
/// a date after it at `ds` (offsets into `sent`): the date belongs to what is planned
/// ("it was announced that Jackman will host the ceremony, televised live on Sunday,
/// February 22"; "was arrested and will appear in court on Monday").
fn plan_between(sent: &str, trig: usize, ds: usize) -> bool {
    let words = text::words(sent.get(trig..ds).unwrap_or(""));
    words.iter().enumerate().any(|(i, w)| {
        matches!(
            w.as_str(),
            "will"
                | "would"
                | "shall"
                | "scheduled"
                | "slated"
                | "due"
                | "pending"
                | "awaiting"
                | "upcoming"
        ) || (w == "to"
            && words.get(i + 1).is_some_and(|n| n == "be")
            && i > 0
            && matches!(
                words.get(i - 1).map(String::as_str),
                Some("is" | "are" | "was" | "were")
            ))
    })
}

/// A gerund of another kind of happening after the trigger at `trig` of `sent`, after
/// "of", "with", "for" or "in" ("was charged with murdering the deputy", "convicted of
/// killing"): its class and offset in the sentence.
fn gerund_after(sent: &str, trig: usize, class: &str) -> Option<(&'static str, usize)> {
    let spans = text::word_spans(sent);
    let words: Vec<(String, usize)> = spans
        .iter()
        .filter(|&&(a, _)| a > trig)
        .filter_map(|&(a, b)| sent.get(a..b).map(|w| (w.to_lowercase(), a)))
        .take(6)
        .collect();
    words.windows(2).find_map(|p| {
        let [(prep, _), (verb, at)] = p else {
            return None;
        };
        if !matches!(prep.as_str(), "of" | "with" | "for" | "in") || !verb.ends_with("ing") {
            return None;
        }
        let kind = match verb.as_str() {
            "murdering" | "killing" | "shooting" | "stabbing" | "slaying" | "robbing"
            | "assaulting" | "attacking" | "bombing" | "beating" | "strangling" | "stealing" => {
                "attack"
            }
            "kidnapping" => "life",
            _ => trigger_class(verb).map(|(c, _)| c)?,
        };
        (family(kind) != family(class)).then_some((kind, *at))
    })
}

/// Whether the year at `start..end` of `t` modifies a name or a season rather than
/// dating anything: "his 2030 Falcon", "the 2031 League Draft", "the 2029-30 season"
/// (after a determiner or possessive, before a capitalised word or a second year);
/// "in 2005 Nichols escaped" keeps its year.
fn names_a_thing(t: &str, start: usize, end: usize) -> bool {
    let before = t.get(..start).unwrap_or("");
    let prev = before
        .split_whitespace()
        .last()
        .map(|w| w.to_lowercase())
        .unwrap_or_default();
    let determiner = matches!(
        prev.as_str(),
        "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our" | "my" | "your"
    ) || prev.ends_with("'s")
        || prev.ends_with("’s");
    let after = t.get(end..).unwrap_or("");
    let season = after.starts_with('-') && after.chars().nth(1).is_some_and(|c| c.is_ascii_digit());
    let name = after
        .strip_prefix(' ')
        .and_then(|r| r.chars().next())
        .is_some_and(char::is_uppercase);
    // "at 2088 Philip Street": a house number
    let street = text::words(after).iter().take(3).any(|w| {
        matches!(
            w.as_str(),
            "street"
                | "st"
                | "avenue"
                | "ave"
                | "road"
                | "rd"
                | "boulevard"
                | "blvd"
                | "lane"
                | "drive"
                | "way"
                | "place"
                | "court"
                | "highway"
        )
    });
    // "the Regulatory Reform (Fire Safety) Order 2005": a year in a law's name
    let law = before
        .split_whitespace()
        .last()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .is_some_and(|w| {
            matches!(
                w,
                "Order" | "Act" | "Regulations" | "Law" | "Bill" | "Directive" | "Code" | "Rules"
            )
        });
    // "the Miami Dolphins of 2008", "the Class of 2010": which one of a named thing
    let named_of = {
        let mut ws = before.split_whitespace().rev();
        ws.next() == Some("of")
            && ws.next().is_some_and(|w| {
                let low = w.to_lowercase();
                w.chars().next().is_some_and(char::is_uppercase)
                    && corroborate_time::month_number(&low).is_none()
                    // (not a happening's name, "the Market Bombing of 2019", nor a
                    // season or a share of the year, "the Spring of 2029", "Most of")
                    && trigger_class(&low).is_none()
                    && !HAPPENING_NOUNS.iter().any(|(n, _)| *n == low)
                    && !matches!(
                        low.as_str(),
                        "spring" | "summer" | "fall" | "autumn" | "winter" | "most"
                            | "much" | "all" | "end" | "part" | "rest" | "start"
                            | "beginning" | "middle" | "half"
                    )
            })
    };
    law || street || named_of || (determiner && (season || name))
}

/// Whether the year at `start..end` of `t` names which one of a thing that is no
/// happening: "the 2010 slate", "a 1970 police-bribery case". Not a happening ("the 2019
/// market bombing", "the 1967 slayings": the sentence may well be about it), nor a
/// period or contest the sentence's happening falls in ("suspended for the 2003 season",
/// "won the 2008 election").
fn year_names_other(t: &str, start: usize, end: usize) -> bool {
    let prev = t
        .get(..start)
        .unwrap_or("")
        .split_whitespace()
        .last()
        .map(|w| w.to_lowercase())
        .unwrap_or_default();
    if !matches!(
        prev.as_str(),
        "the" | "a" | "an" | "his" | "her" | "their" | "its"
    ) {
        return false;
    }
    // the noun phrase after the year: up to three lower-case words
    let words: Vec<&str> = t
        .get(end..)
        .unwrap_or("")
        .split_whitespace()
        .take(3)
        .map(|w| w.trim_end_matches(|c: char| !c.is_alphanumeric()))
        .take_while(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase() || c == '-'))
        .collect();
    let Some(first) = words.first() else {
        return false;
    };
    let function = |w: &str| {
        matches!(
            w,
            "and"
                | "or"
                | "to"
                | "when"
                | "where"
                | "after"
                | "before"
                | "the"
                | "that"
                | "which"
                | "was"
                | "were"
                | "is"
                | "are"
                | "had"
                | "has"
                | "for"
                | "but"
                | "with"
                | "from"
                | "until"
                | "through"
                | "of"
                | "in"
                | "on"
                | "at"
        )
    };
    let period = |w: &str| {
        matches!(
            w,
            "season"
                | "seasons"
                | "election"
                | "elections"
                | "campaign"
                | "games"
                | "olympics"
                | "championship"
                | "championships"
                | "final"
                | "finals"
                | "tournament"
                | "race"
                | "series"
                | "term"
                | "session"
                | "vote"
                | "budget"
                | "census"
                | "primary"
                | "primaries"
                | "poll"
                | "polls"
                | "runoff"
                | "playoffs"
                | "year"
        )
    };
    // happenings the trigger lists leave to other words of their sentences (a plural
    // folded: "shootings")
    let happening = |w: &str| {
        let singular = w.strip_suffix('s').filter(|x| x.len() >= 3).unwrap_or(w);
        [w, singular].iter().any(|x| {
            trigger_class(x).is_some()
                || matches!(
                    *x,
                    "murder"
                        | "slaying"
                        | "killings"
                        | "homicide"
                        | "massacre"
                        | "rampage"
                        | "riot"
                        | "robbery"
                        | "heist"
                        | "assault"
                        | "kidnapping"
                        | "abduction"
                        | "arson"
                        | "crash"
                        | "collapse"
                        | "flood"
                        | "storm"
                        | "hurricane"
                        | "war"
                        | "invasion"
                        | "coup"
                        | "uprising"
                        | "revolution"
                        | "merger"
                        | "death"
                        | "accident"
                        | "incident"
                        | "disaster"
                        | "tragedy"
                        | "burglary"
                        | "raid"
                        | "siege"
                        | "ambush"
                        | "shootout"
                        | "hijacking"
                        | "blaze"
                        | "wildfire"
                        | "tsunami"
                        | "eruption"
                        | "outbreak"
                        | "clashes"
                        | "violence"
                        | "trial"
                        | "conviction"
                        | "execution"
                        | "assassination"
                        | "bankruptcy"
                        | "scandal"
                        | "strike"
                        | "protest"
                        | "resignation"
                )
        })
    };
    let phrase: Vec<&str> = words.iter().copied().take_while(|w| !function(w)).collect();
    first.len() >= 3 && !function(first) && !phrase.iter().any(|w| period(w) || happening(w))
}

/// Whether the words from byte `end` to the trigger at `trig` are one noun phrase's
/// modifiers ("2019| Kharivsk central market |bombing"): at most five words, none a
/// function word.
fn modifies_trigger(t: &str, end: usize, trig: usize) -> bool {
    if trig < end {
        return false;
    }
    let words = text::words(t.get(end..trig).unwrap_or(""));
    words.len() <= 5
        && !words.iter().any(|w| {
            matches!(
                w.as_str(),
                "after"
                    | "before"
                    | "in"
                    | "on"
                    | "at"
                    | "of"
                    | "for"
                    | "with"
                    | "the"
                    | "a"
                    | "an"
                    | "to"
                    | "by"
                    | "from"
                    | "and"
                    | "was"
                    | "were"
                    | "is"
                    | "that"
            )
        })
}

/// The trigger class of a sentence and the byte offset (in `sentence`) of its
/// trigger word: by class priority, a trigger outside relative clauses first; idioms
/// ("under fire over", "the ruling party", "declined to comment", "checked the
/// accounts") are none.
pub fn trigger_class(sentence: &str) -> Option<(&'static str, usize)> {
    trigger_in(sentence).map(|(class, at, _)| (class, at))
}

/// [`trigger_class`], also telling whether the trigger stands in the sentence's main
/// clause (outside its side clauses).
fn trigger_in(sentence: &str) -> Option<(&'static str, usize, bool)> {
    let spans = text::word_spans(sentence);
    let words: Vec<(String, usize)> = spans
        .iter()
        .filter_map(|&(s, e)| {
            sentence
                .get(s..e)
                .map(|w| (w.chars().map(text::fold_char).collect::<String>(), s))
        })
        .collect();
    // most sentences hold no trigger word at all: no clause analysis for them
    if !words.iter().any(|(w, _)| is_trigger_word(w)) {
        return None;
    }
    // idioms and adjectives that look like triggers: "under fire over ..." (criticised),
    // "the ruling party" (governing), "declined to comment", "checked the accounts"
    let idiom = |i: usize| {
        let w = |k: usize| words.get(k).map_or("", |x| x.0.as_str());
        let prev = i.checked_sub(1).map_or("", w);
        let next = w(i + 1);
        // a participle as an adjective: "the slain lawman's family", "the two wounded
        // men", "the defeated candidate"
        let word = w(i);
        let det = |k: usize| matches!(w(k), "the" | "a" | "an" | "his" | "their" | "its");
        // no comma, semicolon or colon between word `k` and the trigger word
        let clause_free = |k: usize| {
            let from = words.get(k).map_or(0, |x| x.1);
            let to = words.get(i).map_or(0, |x| x.1);
            !sentence
                .get(from..to)
                .unwrap_or(",")
                .contains([',', ';', ':'])
        };
        let joined = i.checked_sub(1).is_some_and(clause_free);
        // a headline's present-tense verb, not the plural noun it can also be: "recent
        // hosts", "the Colts' wins"; "hosts, are", "wins have come"
        if HEADLINE_VERBS.iter().any(|(_, ws)| ws.contains(&word)) {
            let after = spans
                .get(i)
                .and_then(|&(_, e)| sentence.get(e..))
                .unwrap_or("")
                .trim_start();
            let noun_before = i.checked_sub(1).is_some_and(det)
                || matches!(
                    prev,
                    "her"
                        | "our"
                        | "my"
                        | "your"
                        | "these"
                        | "those"
                        | "recent"
                        | "former"
                        | "past"
                        | "many"
                        | "some"
                        | "all"
                        | "both"
                        | "other"
                        | "new"
                        | "several"
                )
                || text::is_number_word(prev)
                || (!prev.is_empty() && prev.chars().all(|c| c.is_ascii_digit()));
            let noun_after = after.starts_with([',', ';', ':', '.'])
                || matches!(
                    next,
                    "are" | "were" | "have" | "had" | "and" | "or" | "of" | "who"
                );
            if noun_before || noun_after {
                return true;
            }
        }
        // a death only waited for: "until he died", "till his death" (not a dated one,
        // "until his death in 2020")
        if matches!(word, "died" | "dies" | "death" | "dead")
            && (1..=3).any(|back| {
                i.checked_sub(back)
                    .is_some_and(|k| matches!(w(k), "until" | "till" | "unless"))
            })
            && !(i + 1..i + 5).any(|k| w(k).chars().any(|c| c.is_ascii_digit()))
        {
            return true;
        }
        // a figure of speech: "bored to death", "scared to death"
        if word == "death"
            && prev == "to"
            && matches!(
                i.checked_sub(2).map_or("", w),
                "bored" | "scared" | "worried" | "sick" | "tired" | "frightened" | "terrified"
            )
        {
            return true;
        }
        // a fall that may come: "he could fall to his death"
        let may_come = |k: usize| {
            matches!(w(k), "fall" | "falls" | "falling")
                && k.checked_sub(1).is_some_and(|p| {
                    matches!(
                        w(p),
                        "could" | "would" | "might" | "may" | "can" | "will" | "to" | "not"
                    )
                })
        };
        if may_come(i) || (word == "death" && i.checked_sub(3).is_some_and(may_come)) {
            return true;
        }
        // an older happening the sentence only refers to: "on probation for a previous
        // DUI arrest", "his prior conviction"
        if (1..=2).any(|back| {
            i.checked_sub(back).is_some_and(|k| {
                matches!(w(k), "previous" | "prior" | "earlier" | "past" | "former")
            })
        }) {
            return true;
        }
        if (word.ends_with("ed") || word == "slain")
            && joined
            && (i.checked_sub(1).is_some_and(det)
                || (matches!(
                    prev,
                    "two" | "three" | "four" | "several" | "many" | "other" | "both"
                ) && i.checked_sub(2).is_some_and(det)))
        {
            return true;
        }
        match w(i) {
            // "checked into rehab", not "checked the accounts"
            "checked" => !matches!(next, "into" | "in" | "herself" | "himself" | "themselves"),
            // "stole the show"; "captured on video", "captured the imagination"
            "stole" => matches!(w(i + 2), "show" | "spotlight" | "limelight" | "headlines"),
            "captured" => [w(i + 1), w(i + 2), w(i + 3)].iter().any(|x| {
                matches!(
                    *x,
                    "imagination"
                        | "hearts"
                        | "attention"
                        | "title"
                        | "mood"
                        | "moment"
                        | "video"
                        | "camera"
                        | "film"
                        | "cctv"
                        | "tape"
                        | "footage"
                )
            }),
            // a verdict or a plea, not a feeling: "found guilty", "pleaded not guilty",
            // "guilty of murder"; not "felt guilty about the delays"
            "guilty" => {
                !(matches!(
                    prev,
                    "found" | "pleaded" | "plead" | "pleads" | "pleading" | "not" | "guilty"
                ) || matches!(next, "of" | "verdict" | "verdicts" | "plea" | "pleas"))
            }
            // "placed on injured reserve", "placed second"; not "the expectations placed
            // upon him", "placed an order"
            "placed" => {
                let back = [prev, i.checked_sub(2).map_or("", w)];
                let ahead = [next, w(i + 2)];
                back.iter().any(|x| {
                    matches!(
                        *x,
                        "expectations"
                            | "expectation"
                            | "pressure"
                            | "emphasis"
                            | "importance"
                            | "faith"
                            | "trust"
                            | "hope"
                            | "hopes"
                            | "blame"
                            | "burden"
                            | "premium"
                            | "bet"
                            | "bets"
                            | "order"
                            | "orders"
                    )
                }) || ahead.iter().any(|x| {
                    matches!(
                        *x,
                        "order"
                            | "orders"
                            | "bet"
                            | "bets"
                            | "call"
                            | "calls"
                            | "ad"
                            | "ads"
                            | "emphasis"
                            | "blame"
                            | "pressure"
                            | "faith"
                            | "trust"
                            | "importance"
                            | "premium"
                            | "priority"
                    )
                })
            }
            // a win, not "beat writer", "beat expectations", nor "if the Saints beat
            // Seattle"
            "beat" => {
                matches!(
                    next,
                    "writer"
                        | "writers"
                        | "reporter"
                        | "reporters"
                        | "cop"
                        | "cops"
                        | "odds"
                        | "expectations"
                        | "estimates"
                        | "forecasts"
                        | "rap"
                        | "raps"
                ) || [
                    prev,
                    i.checked_sub(2).map_or("", w),
                    i.checked_sub(3).map_or("", w),
                ]
                .iter()
                .any(|x| {
                    matches!(
                        *x,
                        "if" | "can" | "could" | "would" | "will" | "might" | "should" | "to"
                    )
                })
            }
            // "retained the title"; not "retained a lawyer"
            "retained" => [next, w(i + 2)].iter().any(|x| {
                matches!(
                    *x,
                    "lawyer"
                        | "lawyers"
                        | "attorney"
                        | "counsel"
                        | "services"
                        | "sense"
                        | "memory"
                        | "ability"
                        | "zest"
                )
            }),
            // an occasion, not a career ("has hosted the show twice") nor "hosted by"
            "hosted" => {
                matches!(prev, "has" | "have" | "had")
                    || (matches!(prev, "also" | "previously")
                        && matches!(i.checked_sub(2).map_or("", w), "has" | "have" | "had"))
                    || next == "by"
            }
            // "knocked out", "knocked down"; not "knocked on doors"
            "knocked" => !matches!(next, "out" | "down" | "over" | "unconscious"),
            // "found dead", "found hanged"; not "found a device", "found that"
            "found" => !matches!(
                next,
                "dead" | "hanged" | "unconscious" | "murdered" | "stabbed" | "shot" | "slain"
            ),
            // an appeal's hoped-for outcome: "a reward for information leading to an
            // arrest and conviction"
            // (the reward in the same clause: not "After a reward was offered, police
            // made an arrest"; not "a tip led to an arrest")
            "arrest" | "arrests" | "capture" | "conviction" | "convictions" => {
                (1..=8).any(|back| {
                    i.checked_sub(back)
                        .is_some_and(|k| matches!(w(k), "reward" | "rewards") && clause_free(k))
                }) || (matches!(i.checked_sub(3).map_or("", w), "leading" | "lead")
                    && i.checked_sub(2).map_or("", w) == "to")
            }
            // a claim of responsibility, not an assertion ("Magruder claimed Nixon
            // approved the plan", "claims it received reports") nor an insurance claim;
            // and not the object of a denial ("denied the claim")
            "claim" | "claims" | "claimed" | "responsibility" => {
                // a denial earlier in the clause: "denied the claim", "denied that it
                // had claimed responsibility"
                let denied = (1..=10).any(|back| {
                    i.checked_sub(back).is_some_and(|k| {
                        matches!(
                            w(k),
                            "denied" | "denies" | "deny" | "rejected" | "rejects" | "dismissed"
                        ) && clause_free(k)
                    })
                });
                if word == "responsibility" {
                    return denied;
                }
                let responsibility = (i + 1..=i + 5).any(|k| {
                    matches!(
                        w(k),
                        "responsibility"
                            | "credit"
                            | "attack"
                            | "attacks"
                            | "bombing"
                            | "bombings"
                            | "blast"
                            | "blasts"
                            | "explosion"
                            | "killing"
                            | "killings"
                            | "shooting"
                            | "assassination"
                            | "kidnapping"
                            | "hijacking"
                            | "raid"
                            | "strike"
                    )
                }) || (1..=4).any(|back| {
                    i.checked_sub(back)
                        .is_some_and(|k| matches!(w(k), "responsibility" | "credit"))
                });
                denied || !responsibility
            }
            // a blow or a disaster: "was struck by a car", "a quake struck the coast";
            // not "struck a deal", "struck down the law", "struck out"
            "struck" => {
                let striker = [w(i + 2), w(i + 3)].iter().any(|x| {
                    matches!(
                        *x,
                        "car"
                            | "truck"
                            | "vehicle"
                            | "bus"
                            | "train"
                            | "van"
                            | "suv"
                            | "taxi"
                            | "motorist"
                            | "driver"
                            | "bullet"
                            | "bullets"
                            | "lightning"
                            | "bomb"
                            | "missile"
                            | "rocket"
                            | "shell"
                            | "drone"
                    )
                });
                next == "twice"
                    || (next == "by" && !striker)
                    || (next != "by"
                        && !(1..=3).any(|back| {
                            i.checked_sub(back).is_some_and(|k| {
                                matches!(
                                    w(k),
                                    "quake"
                                        | "earthquake"
                                        | "tremor"
                                        | "aftershock"
                                        | "storm"
                                        | "hurricane"
                                        | "typhoon"
                                        | "tornado"
                                        | "cyclone"
                                        | "lightning"
                                        | "tsunami"
                                        | "car"
                                        | "truck"
                                        | "vehicle"
                                        | "bus"
                                        | "train"
                                        | "van"
                                        | "suv"
                                        | "bomb"
                                        | "missile"
                                        | "missiles"
                                        | "rocket"
                                        | "rockets"
                                )
                            })
                        }))
            }
            // naming, not calling a meeting, a strike or the police, nor calling for
            // something: "called him a traditional boss", "called it a tragedy",
            // "so-called"
            "called" => {
                prev == "so"
                    || (w(i + 2) != "off"
                        && matches!(
                            next,
                            "him"
                                | "her"
                                | "them"
                                | "it"
                                | "this"
                                | "that"
                                | "himself"
                                | "herself"
                                | "itself"
                                | "themselves"
                        ))
            }
            // an illness: "a heart attack"
            "attack" | "attacks" => matches!(prev, "heart" | "panic" | "asthma" | "anxiety"),
            // a death, not "a dead end", "the death penalty", "death threats"
            "dead" => {
                matches!(
                    next,
                    "end"
                        | "ends"
                        | "heat"
                        | "set"
                        | "last"
                        | "weight"
                        | "wood"
                        | "zone"
                        | "ball"
                        | "air"
                        | "even"
                        | "center"
                        | "centre"
                        | "serious"
                        | "wrong"
                        | "right"
                        | "silence"
                        | "calm"
                        | "battery"
                ) || matches!(prev, "brain" | "braindead")
            }
            "death" => {
                matches!(
                    next,
                    "penalty"
                        | "row"
                        | "toll"
                        | "tolls"
                        | "threat"
                        | "threats"
                        | "sentence"
                        | "sentences"
                        | "squad"
                        | "squads"
                        | "certificate"
                        | "wish"
                        | "knell"
                        | "metal"
                        | "trap"
                        | "traps"
                        | "rate"
                        | "rates"
                        | "benefit"
                        | "benefits"
                        | "spiral"
                        | "blow"
                        | "grip"
                ) || matches!(prev, "near" | "sudden" | "brain")
            }
            // not "an aid convoy came under fire near Norby"
            "fire" => prev == "under" && matches!(next, "" | "over" | "from" | "for" | "after"),
            // not "shares declined to 40 pence"
            "declined" => {
                matches!(next, "comment" | "comments")
                    || (next == "to"
                        && matches!(
                            w(i + 2),
                            "say"
                                | "comment"
                                | "discuss"
                                | "elaborate"
                                | "speak"
                                | "answer"
                                | "reveal"
                                | "give"
                                | "provide"
                                | "name"
                                | "be"
                                | "confirm"
                                | "specify"
                                | "disclose"
                                | "identify"
                        ))
            }
            // governing: "ruled Turkmenistan for two decades", "ruled the country";
            // not "ruled that", "ruled on", "ruled in favour", "ruled against"
            "ruled" => {
                let up = words
                    .get(i + 1)
                    .and_then(|x| sentence.get(x.1..))
                    .is_some_and(|r| r.starts_with(char::is_uppercase))
                    && !text::WEEKDAYS.iter().any(|d| next.starts_with(d))
                    && corroborate_time::month_number(next).is_none();
                up || (next == "the"
                    && matches!(
                        w(i + 2),
                        "country" | "nation" | "kingdom" | "island" | "empire" | "state"
                    ))
                    || (next == "for"
                        && words.get(i + 2).is_some_and(|x| {
                            x.0.chars().all(|c| c.is_ascii_digit())
                                || matches!(
                                    x.0.as_str(),
                                    "two"
                                        | "three"
                                        | "four"
                                        | "five"
                                        | "decades"
                                        | "years"
                                        | "nearly"
                                        | "more"
                                        | "almost"
                                        | "over"
                                        | "a"
                                )
                        }))
            }
            // "the ruling party", "the ruling Harbour Party"; not "a ruling Monday"
            "ruling" => {
                matches!(prev, "the" | "a" | "its" | "their")
                    && (matches!(
                        next,
                        "party"
                            | "parties"
                            | "coalition"
                            | "junta"
                            | "government"
                            | "elite"
                            | "class"
                            | "family"
                            | "military"
                            | "council"
                    ) || (words
                        .get(i + 1)
                        .and_then(|x| sentence.get(x.1..))
                        .is_some_and(|r| r.starts_with(char::is_uppercase))
                        && !text::WEEKDAYS.iter().any(|d| next.starts_with(d))
                        && corroborate_time::month_number(next).is_none()))
            }
            _ => false,
        }
    };
    // A trigger inside a relative clause tells a happening the sentence only mentions:
    // one outside comes first ("The man who killed four people was sentenced on
    // Saturday": the sentencing is the event), else the clause's ("Police seek the man
    // who shot two people on Friday").
    let clauses = relative_clauses(sentence);
    let in_clause = |at: usize| clauses.iter().any(|&(a, b)| (a..b).contains(&at));
    // A noun a year before it dates ("a sentence for a 2012 car crash case") names an
    // older happening: like a clause's, it comes second.
    let dated_noun = |i: usize| {
        (1..=3).any(|back| {
            i.checked_sub(back).is_some_and(|y| {
                let year = words.get(y).map_or("", |x| x.0.as_str());
                year.len() == 4
                    && year.bytes().all(|b| b.is_ascii_digit())
                    && matches!(year.get(..2), Some("19" | "20"))
                    && y.checked_sub(1)
                        .and_then(|d| words.get(d))
                        .is_some_and(|d| {
                            matches!(
                                d.0.as_str(),
                                "a" | "an" | "the" | "its" | "his" | "her" | "their"
                            )
                        })
            })
        })
    };
    // "fired at the crowd", "fired shots": a shooting; "fired the coach": a dismissal
    // (a passive, "was fired at a board meeting", is a dismissal, unless "upon")
    let shots_fired = |i: usize| {
        let w = |k: usize| words.get(k).map_or("", |x| x.0.as_str());
        let passive = i
            .checked_sub(1)
            .is_some_and(|p| matches!(w(p), "was" | "were" | "been" | "being" | "be"));
        if passive {
            return w(i + 1) == "upon";
        }
        // past a count: "fired 11 shots", "fired a total of 11 rounds", "fired several
        // rounds"
        let mut j = i + 1;
        while j < i + 6
            && (text::is_number_word(w(j))
                || matches!(
                    w(j),
                    "a" | "total"
                        | "of"
                        | "several"
                        | "many"
                        | "multiple"
                        | "more"
                        | "than"
                        | "at"
                        | "least"
                        | "about"
                        | "some"
                ))
        {
            j += 1;
        }
        if j > i + 1 && matches!(w(j), "shots" | "shot" | "rounds" | "bullets") {
            return true;
        }
        matches!(
            w(i + 1),
            "at" | "upon"
                | "into"
                | "shots"
                | "shot"
                | "rounds"
                | "bullets"
                | "warning"
                | "tear"
                | "live"
                | "indiscriminately"
                | "randomly"
                | "repeatedly"
        ) || (w(i + 1) == "on"
            && matches!(
                w(i + 2),
                "protesters" | "police" | "officers" | "demonstrators" | "them" | "crowds"
            ))
    };
    // "fell to their deaths", "had fallen to his death": a death, not a price
    let fell_to_death = |i: usize| {
        let w = |k: usize| words.get(k).map_or("", |x| x.0.as_str());
        w(i + 1) == "to"
            && matches!(w(i + 2), "his" | "her" | "their" | "a" | "its")
            && matches!(w(i + 3), "death" | "deaths")
    };
    // a headline (no closing full stop) tells a past happening in the present tense;
    // body text so tells habits and schedules ("Malaria kills 200 people each year")
    let headline = !sentence
        .trim_end()
        .trim_end_matches(['"', '\'', '\u{201d}', '\u{2019}', ')'])
        .ends_with(['.', '!', '?', ':', ';']);
    for outside in [true, false] {
        for (class, triggers) in TRIGGERS {
            if let Some((_, at)) = words
                .iter()
                .enumerate()
                .find(|(i, (w, at))| {
                    (triggers.contains(&w.as_str())
                        || (headline && headline_verbs(class).contains(&w.as_str())))
                        && !idiom(*i)
                        && (w != "fired" || shots_fired(*i) == (*class == "attack"))
                        && (!matches!(w.as_str(), "fell" | "fallen")
                            || fell_to_death(*i) == (*class == "life"))
                        && (!matches!(w.as_str(), "fall" | "falls" | "falling")
                            || fell_to_death(*i))
                        // "passed away" is a death; "passed the bill" an act
                        && (w != "passed"
                            || (words.get(*i + 1).is_some_and(|n| n.0 == "away"))
                                == (*class == "life"))
                        && (!outside || (!in_clause(*at) && !dated_noun(*i)))
                })
                .map(|(_, x)| x)
            {
                return Some((class, *at, outside));
            }
        }
    }
    None
}

/// The relative clauses of a sentence, as byte ranges: from "who", "which", "where" or
/// "whose" (not opening the sentence, not after a noun of time: "the quarter, which
/// ended ...") to the next comma, dash or semicolon, or, without a comma before the
/// pronoun, to the first auxiliary after the pronoun's verb ("The man who killed four
/// people was sentenced"); then the reduced relatives ([`reduced_relatives`]) and the
/// appositives after a name ([`appositives`]).
fn relative_clauses(sent: &str) -> Vec<(usize, usize)> {
    let spans = text::word_spans(sent);
    let word = |(a, b): (usize, usize)| sent.get(a..b).unwrap_or("").to_lowercase();
    let mut out = Vec::new();
    for (k, &(ws, we)) in spans.iter().enumerate() {
        if ws == 0 || !matches!(word((ws, we)).as_str(), "who" | "which" | "where" | "whose") {
            continue;
        }
        let antecedent = k
            .checked_sub(1)
            .and_then(|p| spans.get(p))
            .map(|&sp| word(sp));
        if antecedent.as_deref().is_some_and(time_noun) {
            continue;
        }
        let rest = sent.get(we..).unwrap_or("");
        let mut end = rest
            .find([',', ';', '\u{2014}', '\u{2013}'])
            .map_or(sent.len(), |p| we + p);
        // a restrictive clause runs on through a dashed aside to its auxiliary ("The
        // woman who shot three co-workers \u{2014} killing two \u{2013} at the plant
        // Thursday night has been charged")
        let hard_end = rest.find([',', ';']).map_or(sent.len(), |p| we + p);
        let comma_before = sent.get(..ws).is_some_and(|h| h.trim_end().ends_with(','));
        // (a "where" or "whose" clause has a subject and verb of its own: "where Tom Ruse
        // was shot on Saturday" runs on past its "was")
        let own_subject = matches!(word((ws, we)).as_str(), "where" | "whose");
        if !comma_before
            && !own_subject
            && let Some(&(aux, _)) = spans
                .iter()
                .skip(k + 2)
                .find(|&&(a, b)| a < hard_end && finite_aux(&word((a, b))))
        {
            end = aux;
        }
        out.push((ws, end));
    }
    out.extend(reduced_relatives(sent));
    out.extend(appositives(sent));
    out
}

/// Appositives, as byte ranges: a phrase set off by commas after a name, opening with a
/// determiner and holding no finite verb ("Pierre Thomas, the Saints' leading rusher in
/// 2009, was put on injured reserve"); not after a name a preposition governs ("In
/// Norby, the police arrested ...").
fn appositives(sent: &str) -> Vec<(usize, usize)> {
    let spans = text::word_spans(sent);
    let word = |k: usize| {
        spans
            .get(k)
            .and_then(|&(a, b)| sent.get(a..b))
            .unwrap_or("")
    };
    let mut out = Vec::new();
    for (k, &(_, we)) in spans.iter().enumerate() {
        let Some(&(ns, _)) = spans.get(k + 1) else {
            break;
        };
        // "Name, the ..." with only a comma and space between
        if sent.get(we..ns).map(str::trim) != Some(",")
            || !word(k).starts_with(char::is_uppercase)
            || !matches!(
                word(k + 1).to_ascii_lowercase().as_str(),
                "the" | "a" | "an" | "his" | "her" | "its" | "their"
            )
        {
            continue;
        }
        // the name's first word, and what governs it
        let mut first = k;
        while first > 0 && word(first - 1).starts_with(char::is_uppercase) {
            let (_, pe) = spans.get(first - 1).copied().unwrap_or((0, 0));
            let (cs, _) = spans.get(first).copied().unwrap_or((0, 0));
            if sent.get(pe..cs).map(str::trim) != Some("") {
                break;
            }
            first -= 1;
        }
        let governed = first.checked_sub(1).is_some_and(|p| {
            matches!(
                word(p).to_ascii_lowercase().as_str(),
                "in" | "at"
                    | "on"
                    | "from"
                    | "for"
                    | "by"
                    | "with"
                    | "after"
                    | "before"
                    | "during"
                    | "near"
                    | "to"
                    | "of"
            )
        }) || (first == 0
            && matches!(word(0).to_ascii_lowercase().as_str(), "in" | "at" | "on"));
        // the comma closing an opening phrase ("On sighting the helicopter and the
        // Mysore, the pirates ...", "Tonight, a large crowd gathered")
        let opening = !sent.get(..we).unwrap_or("").contains(',')
            && matches!(
                word(0).to_ascii_lowercase().as_str(),
                "on" | "in"
                    | "at"
                    | "after"
                    | "before"
                    | "while"
                    | "when"
                    | "as"
                    | "since"
                    | "although"
                    | "though"
                    | "if"
                    | "tonight"
                    | "today"
                    | "yesterday"
                    | "meanwhile"
                    | "however"
                    | "earlier"
                    | "later"
                    | "now"
                    | "still"
                    | "also"
                    | "separately"
                    | "elsewhere"
                    | "instead"
            );
        if governed || opening {
            continue;
        }
        // the closing comma, not one inside a number ("up to 1,000")
        let Some(close) = sent
            .get(ns..)
            .and_then(|r| {
                r.match_indices(',').map(|(p, _)| p).find(|&p| {
                    r.get(p + 1..)
                        .is_none_or(|t| !t.starts_with(|c: char| c.is_ascii_digit()))
                })
            })
            .map(|p| ns + p)
        else {
            continue;
        };
        let inner = text::words(sent.get(ns..close).unwrap_or(""));
        if inner.len() > 12
            || inner.iter().any(|w| {
                finite_aux(w)
                    || matches!(
                        w.as_str(),
                        "said" | "says" | "told" | "reported" | "announced" | "added"
                    )
            })
        {
            continue;
        }
        out.push((ns, close));
    }
    out
}

/// Reduced relative clauses, as byte ranges: a participle right after a noun (no comma
/// between) that an agent, a place, a time or a state follows, up to the auxiliary of
/// the sentence's main verb ("The brother of a woman found dead in Norby on Saturday
/// has been charged"), or, with an agent ("a review ordered by the mayor last month,
/// ..."), to the next comma. "Police arrested a man on Saturday" has none: an object
/// follows its verb.
fn reduced_relatives(sent: &str) -> Vec<(usize, usize)> {
    let spans = text::word_spans(sent);
    let low: Vec<String> = spans
        .iter()
        .map(|&(a, b)| sent.get(a..b).unwrap_or("").to_lowercase())
        .collect();
    let word = |k: usize| low.get(k).map_or("", String::as_str);
    let capital = |k: usize| {
        spans
            .get(k)
            .and_then(|&(a, b)| sent.get(a..b))
            .is_some_and(|w| w.starts_with(char::is_uppercase))
    };
    let mut out = Vec::new();
    for (k, &(ws, _)) in spans.iter().enumerate().skip(1) {
        let w = word(k);
        let participle = (w.len() > 4 && w.ends_with("ed"))
            || matches!(
                w,
                "found" | "shot" | "held" | "seen" | "taken" | "hit" | "set"
            );
        if !participle {
            continue;
        }
        let prev = word(k - 1);
        let prev_end = spans.get(k - 1).map_or(0, |&(_, b)| b);
        let gap = sent.get(prev_end..ws).unwrap_or(",");
        // a passive or perfect with a word between ("was badly damaged by fire", "has
        // since checked in to", "got spooked by")
        let aux_before = k.checked_sub(2).is_some_and(|j| {
            matches!(
                word(j),
                "has" | "have" | "had" | "was" | "were" | "is" | "are" | "be" | "been" | "being"
            )
        });
        // a name that opens the sentence is its subject: "Ada Brenn resigned on Monday"
        let name_subject = (0..k).all(capital) && k <= 3;
        if !gap.trim().is_empty()
            || aux_before
            || name_subject
            || prev.is_empty()
            || prev.chars().any(|c| c.is_ascii_digit())
            || matches!(
                prev,
                "has"
                    | "have"
                    | "had"
                    | "was"
                    | "were"
                    | "is"
                    | "are"
                    | "be"
                    | "been"
                    | "being"
                    | "will"
                    | "would"
                    | "could"
                    | "should"
                    | "may"
                    | "might"
                    | "must"
                    | "to"
                    | "not"
                    | "never"
                    | "also"
                    | "who"
                    | "which"
                    | "that"
                    | "he"
                    | "she"
                    | "they"
                    | "we"
                    | "i"
                    | "it"
                    | "you"
                    | "and"
                    | "or"
                    | "but"
                    | "then"
                    | "police"
                    | "officials"
                    | "authorities"
                    | "got"
                    | "get"
                    | "gets"
                    | "getting"
                    | "first"
                    | "all"
                    | "since"
                    | "just"
                    | "already"
                    | "still"
            )
        {
            continue;
        }
        let next = word(k + 1);
        let agent =
            next == "by" || (matches!(w, "accused" | "suspected") && matches!(next, "of" | "in"));
        // a plan: "films slated for release in 2009", "the trial set for June"
        let planned = matches!(
            w,
            "slated" | "scheduled" | "planned" | "set" | "earmarked" | "expected" | "due"
        ) && matches!(next, "for" | "to");
        let modifier = agent
            || planned
            || matches!(
                next,
                "in" | "on"
                    | "at"
                    | "near"
                    | "outside"
                    | "inside"
                    | "dead"
                    | "alive"
                    | "last"
                    | "earlier"
                    | "during"
                    | "after"
                    | "following"
            );
        if !modifier {
            continue;
        }
        let hard_end = sent
            .get(ws..)
            .and_then(|r| r.find([',', ';']))
            .map_or(sent.len(), |p| ws + p);
        // the main verb's auxiliary, unless a conjunction or another subject comes
        // first: then the participle was the main verb ("surrendered on Tuesday and was
        // charged", "resigned on Monday after the council had voted", "announced on
        // Monday that it had signed")
        let mut aux = None;
        for (j, &(a, _)) in spans.iter().enumerate().skip(k + 2) {
            if a >= hard_end {
                break;
            }
            match word(j) {
                w if finite_aux(w) => {
                    aux = Some(a);
                    break;
                }
                "and" | "or" | "but" | "after" | "before" | "when" | "as" | "while" | "because"
                | "until" | "that" | "it" | "he" | "she" | "they" | "we" | "i" | "you" | "who"
                | "which" | "where" => break,
                _ => {}
            }
        }
        match aux {
            Some(a) => out.push((ws, a)),
            None if agent || planned => out.push((ws, hard_end)),
            None => {}
        }
    }
    out
}

/// Nouns of time a relative clause may date ("the last quarter, which ended December 30").
fn time_noun(w: &str) -> bool {
    matches!(
        w,
        "quarter"
            | "year"
            | "years"
            | "month"
            | "months"
            | "week"
            | "weeks"
            | "period"
            | "season"
            | "day"
            | "days"
            | "night"
            | "term"
            | "session"
            | "half"
            | "time"
    )
}

/// The story's timeline plus lookups used by later stages.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Timeline {
    /// Events sorted by date, the undated ones last.
    pub events: Vec<Event>,
    /// Trigger class of each event (parallel to `events`).
    pub classes: Vec<String>,
    /// `(source id, sentence start)` -> index into `events`.
    pub by_sentence: BTreeMap<(String, usize), usize>,
    /// The story's reference day (median publication day of its dated sources, else
    /// the latest day at least two of its inferred publication dates reach, else the
    /// median event day), as a day number; events more than 60 days before it are
    /// background.
    pub main_day: Option<i64>,
}

impl Timeline {
    /// The event reported by the sentence of `source` starting at `start`.
    pub fn event_of_sentence(&self, source: &str, start: usize) -> Option<usize> {
        self.by_sentence.get(&(source.to_string(), start)).copied()
    }

    /// The main event: among `main` events, a dated one first, then an attack-like one
    /// among those most sources tell, then the one most sources tell (ties: earliest).
    pub fn main_event(&self) -> Option<usize> {
        if !self
            .events
            .iter()
            .any(|e| e.role.as_deref() == Some("main"))
        {
            return None;
        }
        let max_sources = self
            .events
            .iter()
            .filter(|e| e.role.as_deref() == Some("main"))
            .map(|e| {
                e.evidence
                    .iter()
                    .map(|v| v.source.as_str())
                    .collect::<BTreeSet<&str>>()
                    .len()
            })
            .max()
            .unwrap_or(0);
        let score = |i: usize| {
            let e = self.events.get(i)?;
            let class = self.classes.get(i)?;
            let sources: BTreeSet<&str> = e.evidence.iter().map(|v| v.source.as_str()).collect();
            Some((
                e.role.as_deref() == Some("main"),
                // a dated event leads: an undated one may retell it in other words
                e.date.is_some(),
                // an attack-like event leads among those most sources tell, not over a
                // happening many more sources tell ("the September 11 attacks" in one
                // piece about an awards host)
                sources.len() * 2 > max_sources,
                class == "attack",
                sources.len(),
                std::cmp::Reverse(i),
            ))
        };
        (0..self.events.len()).max_by_key(|&i| score(i))
    }

    /// The representative of background event `i`: the attack-like background
    /// event of the same date when there is one (several sentences about an old
    /// event fall into different trigger classes).
    pub fn background_representative(&self, i: usize) -> usize {
        let Some(date) = self
            .events
            .get(i)
            .and_then(|e| e.date.as_ref())
            .map(|d| d.value.clone())
        else {
            return i;
        };
        (0..self.events.len())
            .filter(|&j| {
                self.is_background(j)
                    && self
                        .events
                        .get(j)
                        .and_then(|e| e.date.as_ref())
                        .map(|d| &d.value)
                        == Some(&date)
            })
            .max_by_key(|&j| {
                (
                    self.classes.get(j).map(String::as_str) == Some("attack"),
                    self.events.get(j).map(|e| e.evidence.len()).unwrap_or(0),
                    std::cmp::Reverse(j),
                )
            })
            .unwrap_or(i)
    }

    /// Whether the event is background.
    pub fn is_background(&self, i: usize) -> bool {
        self.events
            .get(i)
            .is_some_and(|e| e.role.as_deref() == Some("background"))
    }
}

/// `(source id, sentence start)`.
type SentenceKey = (String, usize);

struct Raw {
    doc: usize,
    sentence: Span,
    class: &'static str,
    date: String,
    entities: BTreeSet<String>,
    /// A report about an earlier happening: every date of the sentence belongs to
    /// a reporting verb ("officials said on Monday"), or the class is `toll`.
    report: bool,
    /// The family of the events a report joins (`attack` for a toll or unnamed
    /// deaths; its own family otherwise).
    joins: &'static str,
    /// Dated by the previous sentence of the paragraph, not by a mention of its own.
    inherited: bool,
}

/// Past-tense markers for [`neighbour_date`].
const PAST: &[&str] = &["was", "were", "had", "did"];

/// The date of a past-tense event sentence without any time mention, taken from
/// the previous sentence of the same paragraph (no blank line between) when that sentence holds exactly
/// one concrete date and it was resolved against the publication date ("on
/// Monday", "yesterday"): news prose anchors a follow-up sentence on the time
/// expression just before it. The publication date alone never dates an event.
fn neighbour_date(
    doc: &Annotations,
    prev: Option<Span>,
    s: Span,
    trig_at: usize,
) -> Option<String> {
    let t = &doc.source.text;
    let prev = prev?;
    if doc
        .times
        .iter()
        .any(|m| s.overlaps(&Span::new(m.start, m.end)))
    {
        return None;
    }
    let gap = t.get(prev.end..s.start)?;
    if gap.contains("\n\n") {
        return None;
    }
    let sent = s.slice(t);
    let words = text::words(sent);
    let trigger = sent
        .get(trig_at..)
        .map(text::words)
        .and_then(|w| w.into_iter().next())
        .unwrap_or_default();
    let past = trigger.ends_with("ed") || words.iter().any(|w| PAST.contains(&w.as_str()));
    if !past || words.iter().any(|w| w == "will") {
        return None;
    }
    // A trigger in a relative clause ("the militia, which claimed the bombing") or
    // in the present perfect ("has denied") is background to the sentence, not
    // anchored by the previous one.
    let before = sent.get(..trig_at).map(text::words).unwrap_or_default();
    if before
        .last()
        .is_some_and(|w| matches!(w.as_str(), "which" | "who" | "that" | "has" | "have"))
    {
        return None;
    }
    let dct = doc
        .source
        .published
        .as_ref()
        .filter(|p| p.basis != DateBasis::Inferred)
        .and_then(|p| p.day())
        .and_then(text::day_number)?;
    let dates: BTreeSet<(&str, bool)> = doc
        .times
        .iter()
        .filter(|m| {
            matches!(m.kind, TimeType::DATE | TimeType::TIME)
                && prev.contains(&Span::new(m.start, m.end))
                && text::is_concrete_date(&m.value)
        })
        .map(|m| {
            (
                text::date_part(&m.value),
                m.anchor.as_deref() == Some("dct"),
            )
        })
        .collect();
    match dates.into_iter().collect::<Vec<_>>().as_slice() {
        // A past event cannot follow the publication day.
        [(d, true)] if d.len() == 10 && text::day_number(d).is_some_and(|x| x <= dct) => {
            Some((*d).to_string())
        }
        _ => None,
    }
}

/// Whether a date counted from the publication day ("this morning", "today") stands right
/// beside a date the text spells out ("this morning, 16th August"): the spelled-out date
/// is the authority (a page posted days later keeps the statement's own words).
fn spelled_out_beside(doc: &Annotations, m: &corroborate_model::TimeMention) -> bool {
    if m.anchor.as_deref() != Some("dct") || m.text.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let t = &doc.source.text;
    // in apposition after it ("this morning 16th August", "today (16 August)"), not a
    // date closing the clause before ("began on 2 August, today workers voted")
    doc.times.iter().any(|o| {
        matches!(o.kind, TimeType::DATE | TimeType::TIME)
            && text::is_concrete_date(&o.value)
            && o.text.chars().any(|c| c.is_ascii_digit())
            && o.value.len() >= 10
            && o.value.get(..10) != m.value.get(..10)
            && o.start >= m.end
            && o.start - m.end <= 3
            && t.get(m.end..o.start)
                .is_some_and(|g| g.chars().all(|c| matches!(c, ' ' | ',' | '(')))
    })
}

/// The family of a trigger class: a death toll and the attack that caused it are
/// one happening.
fn family(class: &str) -> &str {
    match class {
        "toll" => "attack",
        c => c,
    }
}

/// Reporting verbs: a date attached to one of them dates the report, not the
/// happening reported.
const REPORT_VERBS: &[&str] = &[
    "said",
    "says",
    "reported",
    "reports",
    "announced",
    "announces",
    "told",
    "confirmed",
    "confirms",
    "stated",
    "added",
    "released",
    "published",
    "explained",
    "revealed",
    "acknowledged",
    "admitted",
    "testified",
];

/// Whether a reporting verb lies in `sentence[a..b]` (byte offsets in the sentence).
/// Whether the time word at byte `at` of `sentence` belongs to an earlier happening
/// that an "after"/"following" phrase after the trigger (at `trig`) tells: "has died
/// after suffering a heart attack earlier this month", "died Thursday after lingering
/// in a coma for a week". Such a time is not the trigger's own, so it does not make
/// the sentence another occasion. (Not "died last year after a long illness": there
/// the time comes before "after".)
fn later_happening_time(sentence: &str, trig: usize, at: usize) -> bool {
    at > trig
        && sentence.get(trig..at).is_some_and(|gap| {
            let words = text::words(gap);
            // (the happening's own clause: no full stop of a second sentence between)
            words
                .iter()
                .skip(1)
                .any(|w| matches!(w.as_str(), "after" | "following"))
                && !gap.contains([';', ':'])
        })
}

/// Whether the word at byte `at` of `sentence` is a verb in the past ("died",
/// "arrested", "shot"; the tagger knows the past forms, `corroborate_time::past_form`,
/// and a few participles are added): what a report verb before it reports is then a
/// happening, not a statement about one ("said the warning had been too vague", "said
/// the quake measured 5.9").
fn past_verb_at(sentence: &str, at: usize) -> bool {
    let word: String = sentence
        .get(at..)
        .unwrap_or("")
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    corroborate_time::past_form(&word)
        || matches!(word.as_str(), "slain" | "stolen" | "fallen" | "risen")
}

fn report_verb_between(sentence: &str, a: usize, b: usize) -> bool {
    let (a, b) = if a <= b { (a, b) } else { (b, a) };
    text::word_spans(sentence)
        .into_iter()
        .filter(|&(s, e)| s >= a && e <= b)
        .filter_map(|(s, e)| sentence.get(s..e))
        .any(|w| REPORT_VERBS.contains(&w.to_lowercase().as_str()))
}

/// For a possessive date ("Saturday's bombing"), the trigger class of the noun it
/// modifies (`None` when the mention is not possessive or the noun no trigger).
/// `end` is the mention's end in `sentence`.
fn possessive_class(sentence: &str, end: usize) -> Option<Option<&'static str>> {
    let rest = sentence.get(end..)?;
    let rest = rest
        .strip_prefix("'s")
        .or_else(|| rest.strip_prefix("\u{2019}s"))?;
    let noun: String = rest
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .collect();
    Some(trigger_class(&noun).map(|(c, _)| c))
}

/// Builds the timeline of a story; event ids are `<prefix>ev1`, ... in date order.
pub fn timeline(docs: &[&Annotations], table: &EntityTable, prefix: &str) -> Timeline {
    // The story's reference day: the median publication day of its sources (not
    // inferred ones); without any, an inferred one (below), else the median event day.
    let mut pub_days: Vec<i64> = docs
        .iter()
        .filter_map(|d| d.source.published.as_ref())
        .filter(|p| p.basis != DateBasis::Inferred)
        .filter_map(|p| p.day().and_then(text::day_number))
        .collect();
    pub_days.sort_unstable();
    let pub_day = pub_days.get(pub_days.len() / 2).copied();
    let mut raws: Vec<Raw> = Vec::new();
    // Sentences that tell a happening but give no date: they may join the event other
    // articles date (below).
    let mut undated: Vec<(usize, Span, &'static str)> = Vec::new();
    for (di, doc) in docs.iter().enumerate() {
        let t = &doc.source.text;
        let sents = text::sentences(doc);
        for (si, &s) in sents.iter().enumerate() {
            let Some((class, trig_at)) = trigger_class(s.slice(t)) else {
                continue;
            };
            // "was charged with murdering the deputy on June 24": when the sentence's
            // only dates follow a gerund of another kind, they are that happening's,
            // which the sentence then tells (not "was charged on Monday with murdering
            // ... on June 24")
            let (class, trig_at) = gerund_after(s.slice(t), trig_at, class)
                .filter(|&(_, at)| {
                    let inside: Vec<&corroborate_model::TimeMention> = doc
                        .times
                        .iter()
                        .filter(|m| s.contains(&Span::new(m.start, m.end)))
                        .collect();
                    // (a named day: "on June 24"; "charged with murdering ... on
                    // Thursday" dates the charge, the main verb's date put last)
                    !inside.is_empty()
                        && inside.iter().all(|m| {
                            m.start > s.start + at && m.text.chars().any(|c| c.is_ascii_digit())
                        })
                })
                .unwrap_or((class, trig_at));
            let trig = s.start + trig_at;
            let sent = s.slice(t);
            // "A year ago, the Sixers fired ...": a relative date before the trigger
            // that could not be resolved is the happening's time; a bare year elsewhere
            // in the sentence ("the 2008-09 season") is not.
            let unresolved_lead = doc.times.iter().any(|m| {
                m.kind == TimeType::DATE
                    && s.contains(&Span::new(m.start, m.end))
                    && m.end <= trig
                    && m.value.starts_with("XXXX")
            });
            // Concrete DATE mentions; a possessive date dates the noun it modifies
            // and only counts when that noun is of the sentence's family.
            let cands: Vec<(&corroborate_model::TimeMention, bool)> = doc
                .times
                .iter()
                .filter(|m| {
                    matches!(m.kind, TimeType::DATE | TimeType::TIME)
                        && s.contains(&Span::new(m.start, m.end))
                        && text::is_concrete_date(&m.value)
                        // "two days after the blast" with the blast dated nowhere: the
                        // publication date (or the previous date) only stands in
                        && undated_event_noun(m).is_none()
                        && !spelled_out_beside(doc, m)
                        && !bounds_or_compares(t.get(s.start..m.start).unwrap_or(""), &m.value)
                        // (unless it modifies the trigger's own phrase: "the 2019
                        // Kharivsk market bombing")
                        && !(m.value.len() == 4
                            && (unresolved_lead
                                || names_a_thing(t, m.start, m.end)
                                || year_names_other(t, m.start, m.end))
                            && !modifies_trigger(t, m.end, trig))
                })
                .filter(
                    |m| match possessive_class(sent, m.end.saturating_sub(s.start)) {
                        Some(noun) => noun.is_some_and(|n| family(n) == family(class)),
                        None => true,
                    },
                )
                // an attributive date names its noun's happening: it dates the sentence
                // only when that is of the sentence's kind ("charged in the 1967
                // slayings" is no charge of 1967)
                // ("the worst violence since riots in 2008", "the biggest protest since
                // the premier took office last October": a baseline, unless it names a
                // happening of the sentence's kind, "the deadliest attack since the 2019
                // market bombing", which the sentence also tells)
                .filter(|m| {
                    let (ds, de) = (
                        m.start.saturating_sub(s.start),
                        m.end.saturating_sub(s.start),
                    );
                    // the only trigger inside a "since" phrase after a superlative
                    // names the baseline, not the sentence's happening ("the first
                    // coach since the 1970 merger to take his team ...")
                    let superlative_phrase = sent.get(..ds).and_then(since_at).is_some_and(|at| {
                        trig_at > at
                            && !sent.get(at..trig_at).unwrap_or(",").contains([',', ';'])
                            && superlative_before(sent, at)
                    });
                    !superlative_phrase
                        && match attributive_class(sent, ds, de) {
                            Some(n) => family(n) == family(class),
                            None => {
                                !since_baseline(sent, ds, trig_at)
                                    || names_happening(sent.get(de..).unwrap_or(""), class)
                            }
                        }
                })
                .map(|m| {
                    let (a, b) = (
                        trig.saturating_sub(s.start),
                        if m.end <= trig { m.end } else { m.start }.saturating_sub(s.start),
                    );
                    // A reporting verb between trigger and date, or just before a
                    // date that precedes the trigger ("said on Sunday that it had
                    // carried out the bombing").
                    let ms = m.start.saturating_sub(s.start);
                    let before = m.end <= trig && {
                        let from = text::word_spans(sent)
                            .into_iter()
                            .filter(|&(_, e)| e <= ms)
                            .rev()
                            .nth(7)
                            .map_or(0, |(st, _)| st);
                        report_verb_between(sent, from, ms)
                    };
                    (m, before || report_verb_between(sent, a, b))
                })
                .collect();
            // A date in a quotation or a relative clause the trigger is outside tells
            // another happening ("has been charged" in "The woman who shot two people
            // Thursday night has been charged"): it dates nothing here, nor does the
            // sentence before.
            let any_cand = !cands.is_empty();
            // a trigger in the past ("announced", "arrested") is no plan itself: a future
            // word after it opens one
            let past_trigger = sent
                .get(trig_at..)
                .and_then(|r| r.split(|c: char| !c.is_alphanumeric()).next())
                .is_some_and(|w| w.to_lowercase().ends_with("ed"));
            let clauses = if cands.is_empty() {
                Vec::new()
            } else {
                relative_clauses(sent)
            };
            let cands: Vec<(&corroborate_model::TimeMention, bool)> = cands
                .into_iter()
                .filter(|(m, _)| {
                    let ds = m.start.saturating_sub(s.start);
                    !(subordinate_in(sent, &clauses, ds, m.end.saturating_sub(s.start), trig_at)
                        || (ds > trig_at && past_trigger && plan_between(sent, trig_at, ds)))
                })
                .collect();
            // The mention nearest the trigger, preferring one not attached to a
            // reporting verb.
            let dist = |m: &corroborate_model::TimeMention| {
                if m.end <= trig {
                    trig - m.end
                } else {
                    m.start.saturating_sub(trig)
                }
            };
            let best = cands
                .iter()
                .min_by_key(|(m, rep)| (*rep, dist(m)))
                // an unresolved date nearer the trigger, in its own clause, is the
                // happening's own time ("sentenced Saturday ... for the crimes he
                // committed on March 11, 2005" on a page with no date): the far one
                // tells another happening
                .filter(|(b, rep)| {
                    *rep || !doc.times.iter().any(|u| {
                        // (a day or a month: a weekday or "in January" on a page with
                        // no date, not "coach of the year" nor "last week")
                        u.value.starts_with("XXXX-")
                            && !u.value.starts_with("XXXX-W")
                            && matches!(u.kind, TimeType::DATE | TimeType::TIME)
                            && s.contains(&Span::new(u.start, u.end))
                            // (nearer, or right after the trigger: "will be
                            // announced in January")
                            && (dist(u) < dist(b)
                                || (u.start >= trig
                                    && t.get(trig..u.start).is_some_and(|gap| {
                                        let w = text::words(gap);
                                        w.len() <= 3
                                            && w.iter().skip(1).all(|x| {
                                                matches!(
                                                    x.as_str(),
                                                    "in" | "on" | "at" | "early" | "late"
                                                )
                                            })
                                    })))
                            // (not a date that restates it: "on Saturday (March 10,
                            // 2029)", "late Saturday, on March 10")
                            && !(u.end <= b.start
                                && t.get(u.end..b.start).is_some_and(|gap| {
                                    text::words(gap).iter().all(|w| w == "on")
                                        && gap.len() <= 6
                                }))
                            && {
                                // (after the trigger word itself: "will be announced
                                // in January")
                                let trig_end = t
                                    .get(trig..)
                                    .and_then(|r| r.find(|c: char| !c.is_alphanumeric()))
                                    .map_or(trig, |n| trig + n);
                                let (a, z) = if u.end <= trig {
                                    (u.end, trig)
                                } else {
                                    (trig_end, u.start)
                                };
                                let (a, z) = (a.saturating_sub(s.start), z.saturating_sub(s.start));
                                !sent.get(a..z).unwrap_or(",").contains([',', ';', ':'])
                                    && !report_verb_between(sent, a, z)
                            }
                    })
                });
            // a negated happening is none, whatever its date: "the violence on Monday
            // did not constitute a riot", "no bomb exploded"
            // (within the trigger's own clause: not "Police would not say how it
            // exploded", "It is not known who killed ..."; nor "not only")
            let clause = sent.get(..trig_at).unwrap_or("");
            let clause = clause.rsplit([',', ';', ':']).next().unwrap_or(clause);
            let near: Vec<String> = text::words(clause)
                .into_iter()
                .rev()
                .take_while(|w| {
                    !matches!(
                        w.as_str(),
                        "who"
                            | "what"
                            | "why"
                            | "how"
                            | "where"
                            | "when"
                            | "which"
                            | "that"
                            | "if"
                            | "whether"
                    )
                })
                .take(4)
                .collect();
            let negated = near.iter().enumerate().any(|(k, w)| {
                NEGATIONS.contains(&w.as_str())
                    && !(k > 0 && near.get(k - 1).is_some_and(|n| n == "only"))
            });
            if negated {
                continue;
            }
            let (date, reported, inherited) = match best {
                Some(&(m, rep)) => (text::date_part(&m.value).to_string(), rep, false),
                None => {
                    let prev = si.checked_sub(1).and_then(|p| sents.get(p)).copied();
                    let from_prev = if any_cand {
                        None
                    } else {
                        neighbour_date(doc, prev, s, trig_at)
                    };
                    match from_prev {
                        Some(d) => (d, false, true),
                        None => {
                            // A statement about the happening ("the bureau said that the
                            // warning had been too vague") is no report that it happened.
                            // Nor a plan, a fear or a denial ("another bomb will
                            // explode", "no bomb exploded"), nor a sentence whose own
                            // time words ("last year") say it is another occasion.
                            // (the few words before the trigger: "another bomb will
                            // explode", "no bomb exploded", "could not confirm")
                            let near = text::words(sent.get(..trig_at).unwrap_or(""));
                            let hedged = near
                                .iter()
                                .rev()
                                .take(4)
                                .any(|w| HEDGES.contains(&w.as_str()));
                            // (a bare weekday may well be the event's own day; a time
                            // after the trigger behind "after"/"following" dates the
                            // earlier happening: "has died after suffering a heart
                            // attack earlier this month")
                            let own_time = doc.times.iter().any(|m| {
                                s.contains(&Span::new(m.start, m.end))
                                    && !later_happening_time(
                                        sent,
                                        trig_at,
                                        m.start.saturating_sub(s.start),
                                    )
                                    && {
                                        let low = m.text.to_lowercase();
                                        ["year", "month", "week", "ago", "last", "next", "decade"]
                                            .iter()
                                            .any(|w| low.contains(w))
                                    }
                            });
                            // (a report that it happened is one: "Police said two men
                            // died", "the navy said it arrested 23 pirates")
                            let statement = report_verb_between(sent, 0, trig_at)
                                && !past_verb_at(sent, trig_at);
                            if !statement && !hedged && !own_time {
                                undated.push((di, s, class));
                            }
                            continue;
                        }
                    }
                }
            };
            let entities: BTreeSet<String> =
                table.entities_in(&doc.source.id, s).into_iter().collect();
            // deaths of people no one names ("Three people died when an Athens bank went
            // up in flames") count the toll of an attack, like a toll report
            let unnamed_deaths = class == "life"
                && sent
                    .get(trig_at..)
                    .is_some_and(|r| r.starts_with("died") || r.starts_with("dies"))
                && !entities.iter().any(|id| {
                    table
                        .get(id)
                        .is_some_and(|e| e.kind == corroborate_model::EntityType::PER)
                });
            // a report of another kind of happening ("X was found dead, it was reported
            // Wednesday") joins a happening of its own family that shares a name
            let (report, joins) =
                if family(class) == "attack" && (reported || class == "toll") || unnamed_deaths {
                    (true, "attack")
                } else {
                    (reported, family(class))
                };
            raws.push(Raw {
                doc: di,
                sentence: s,
                class,
                date,
                entities,
                report,
                joins,
                inherited,
            });
        }
    }
    // Cross-document coreference. First the sentences that report a happening
    // directly: one event per date and class family (the timeline is built per
    // story, so same day and same kind of happening is the same event).
    let mut groups: Vec<Vec<usize>> = Vec::new();
    // (what happens to one person on a day is not what happens to another: a death and
    // a wedding the same Monday are two events, and so are a coach's firing and a
    // striker's signing; the broad "action" family counts persons as "life" does)
    fn persons<'r>(table: &EntityTable, r: &'r Raw) -> BTreeSet<&'r str> {
        r.entities
            .iter()
            .filter(|id| {
                table
                    .get(id)
                    .is_some_and(|e| e.kind == corroborate_model::EntityType::PER)
            })
            .map(String::as_str)
            .collect()
    }
    let same = |g: &Vec<usize>, r: &Raw| {
        g.first().and_then(|&f| raws.get(f)).is_some_and(|f| {
            f.date == r.date
                && family(f.class) == family(r.class)
                && (!matches!(family(r.class), "life" | "action") || {
                    let (a, b) = (persons(table, f), persons(table, r));
                    a.is_empty() || b.is_empty() || !a.is_disjoint(&b)
                })
        })
    };
    for (ri, r) in raws.iter().enumerate().filter(|(_, r)| !r.report) {
        match groups.iter_mut().find(|g| same(g, r)) {
            Some(g) => g.push(ri),
            None => groups.push(vec![ri]),
        }
    }
    // Then reports about a happening (a toll, "64 people killed, officials said on
    // Tuesday"): evidence of the best-attested event of their family of the week
    // before (for other than attacks, one that shares a name with the report).
    let direct = groups.len();
    for (ri, r) in raws.iter().enumerate().filter(|(_, r)| r.report) {
        let day = text::day_number(&r.date);
        // outside the attack family, the report must tell the same happening (a firing
        // is no hiring, a death no hospital stay) and name someone (for a person's life
        // or act) or something its sentences name
        let (kind, theirs) = if r.joins == "attack" {
            (None, BTreeSet::new())
        } else {
            (happening_of(docs, r), persons(table, r))
        };
        let people = matches!(r.joins, "life" | "action");
        let target = groups
            .iter()
            .take(direct)
            .enumerate()
            .filter_map(|(gi, g)| {
                let f = g.first().and_then(|&f| raws.get(f))?;
                if family(f.class) != r.joins || f.date.len() != 10 {
                    return None;
                }
                let d = text::day_number(&f.date)?;
                let rd = day?;
                if !(d <= rd && rd - d <= 7) {
                    return None;
                }
                if r.joins != "attack"
                    && !g.iter().filter_map(|&x| raws.get(x)).any(|x| {
                        happening_of(docs, x) == kind
                            && if people {
                                !theirs.is_disjoint(&persons(table, x))
                            } else {
                                !x.entities.is_disjoint(&r.entities)
                            }
                    })
                {
                    return None;
                }
                let sources: BTreeSet<usize> = g
                    .iter()
                    .filter_map(|&x| raws.get(x))
                    .map(|x| x.doc)
                    .collect();
                Some((sources.len(), d, gi))
            })
            .max_by_key(|&(n, d, gi)| (n, d, std::cmp::Reverse(gi)))
            .map(|(_, _, gi)| gi);
        match target.or_else(|| groups.iter().position(|g| same(g, r))) {
            Some(gi) => {
                if let Some(g) = groups.get_mut(gi) {
                    g.push(ri);
                }
            }
            None => groups.push(vec![ri]),
        }
    }
    // A coarser date of the same family ("early in June") joins the finer event
    // it can be: the only one, or a clearly best-attested one.
    let mut gi = 0;
    while gi < groups.len() {
        let coarse = groups
            .get(gi)
            .and_then(|g| g.first())
            .and_then(|&f| raws.get(f));
        let target = coarse.and_then(|c| {
            let finer: Vec<usize> = (0..groups.len())
                .filter(|&j| j != gi)
                .filter(|&j| {
                    groups
                        .get(j)
                        .and_then(|g| g.first())
                        .and_then(|&f| raws.get(f))
                        .is_some_and(|f| {
                            family(f.class) == family(c.class)
                                && f.date.len() > c.date.len()
                                && f.date.starts_with(&c.date)
                        })
                })
                .collect();
            // Several candidates: the one attested by more than twice as many
            // sources as any other.
            let count = |j: usize| {
                groups
                    .get(j)
                    .map(|g| {
                        g.iter()
                            .filter_map(|&x| raws.get(x))
                            .map(|x| x.doc)
                            .collect::<BTreeSet<usize>>()
                            .len()
                    })
                    .unwrap_or(0)
            };
            let mut ranked: Vec<(usize, usize)> = finer.iter().map(|&j| (count(j), j)).collect();
            ranked.sort_unstable_by(|a, b| b.cmp(a));
            match ranked.as_slice() {
                [(_, j)] => Some(*j),
                [(n, j), (m, _), ..] if *n > 2 * *m => Some(*j),
                _ => None,
            }
        });
        match target {
            Some(j) => {
                let moved = groups.get_mut(gi).map(std::mem::take).unwrap_or_default();
                if let Some(g) = groups.get_mut(j) {
                    g.extend(moved);
                }
                groups.remove(gi);
            }
            None => gi += 1,
        }
    }
    let left = join_undated(docs, table, &undated, pub_day, &mut raws, &mut groups);
    // What no article dates and several articles tell: events with no date (empty
    // `date`), after the dated ones.
    let dated_groups = groups.len();
    // each dated event's words, once (not again for every undated group)
    let mut dated_words: Vec<BTreeSet<String>> = groups
        .iter()
        .map(|g| {
            g.iter()
                .filter_map(|&x| raws.get(x))
                .flat_map(|r| undated_words(docs, r.doc, r.sentence))
                .collect()
        })
        .collect();
    for members in cluster_undated(docs, table, &left) {
        // A group several articles tell alike may retell an event another article
        // dates, in other words than any one sentence shares with it: the words two or
        // more of its articles use (its core) join the dated event of its kind that
        // holds half of them or half of its own words, when exactly one does.
        let core: BTreeSet<String> = {
            let mut seen: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
            for &(di, s, _) in &members {
                for w in undated_words(docs, di, s) {
                    seen.entry(w).or_default().insert(di);
                }
            }
            seen.into_iter()
                .filter(|(_, ds)| ds.len() >= 2)
                .map(|(w, _)| w)
                .collect()
        };
        let fam = members.first().map(|m| family(m.2)).unwrap_or("");
        let member_weekdays: Vec<Vec<usize>> = members
            .iter()
            .map(|&(di, s, _)| trigger_weekdays(docs, di, s))
            .collect();
        let into: Vec<usize> = (0..dated_groups)
            .filter(|&gi| {
                let Some(g) = groups.get(gi) else {
                    return false;
                };
                let Some(first) = g.first().and_then(|&f| raws.get(f)) else {
                    return false;
                };
                if family(first.class) != fam
                    || matches!((text::day_number(&first.date), pub_day), (Some(d), Some(m)) if d < m - 60)
                {
                    return false;
                }
                let Some(words) = dated_words.get(gi) else {
                    return false;
                };
                let shared = core.iter().filter(|w| words.contains(*w)).count();
                // (an article cannot report what happened after it was published)
                let day = text::day_number(&first.date);
                let in_time = members.iter().all(|&(di, _, _)| {
                    let published = docs
                        .get(di)
                        .and_then(|d| d.source.published.as_ref())
                        .filter(|p| !p.open_ended)
                        .and_then(|p| p.until.as_deref().or(p.day()))
                        .and_then(text::day_number);
                    match (published, day) {
                        (Some(p), Some(d)) => d <= p,
                        _ => true,
                    }
                });
                // (a weekday beside a member's trigger is the group's own day)
                let weekday_fits = date_weekday(&first.date).is_none_or(|wd| {
                    member_weekdays
                        .iter()
                        .all(|named| named.is_empty() || named.contains(&wd))
                });
                in_time
                    && weekday_fits
                    && shared >= JOIN_SHARED
                    && (shared * 2 >= core.len() || shared * 2 >= words.len())
            })
            .collect();
        // the join, else a group of its own with no date
        let (date, inherited) = match into.as_slice() {
            [gi] => (
                groups
                    .get(*gi)
                    .and_then(|g| g.first())
                    .and_then(|&f| raws.get(f))
                    .map(|f| f.date.clone())
                    .unwrap_or_default(),
                true,
            ),
            _ => (String::new(), false),
        };
        let mut added = Vec::new();
        let mut added_words = BTreeSet::new();
        for (di, s, class) in members {
            if inherited {
                added_words.extend(undated_words(docs, di, s));
            }
            let entities: BTreeSet<String> = docs
                .get(di)
                .map(|d| table.entities_in(&d.source.id, s).into_iter().collect())
                .unwrap_or_default();
            raws.push(Raw {
                doc: di,
                sentence: s,
                class,
                date: date.clone(),
                entities,
                report: false,
                joins: "",
                inherited,
            });
            added.push(raws.len() - 1);
        }
        match into.as_slice() {
            [gi] => {
                if let Some(words) = dated_words.get_mut(*gi) {
                    words.extend(added_words);
                }
                if let Some(g) = groups.get_mut(*gi) {
                    g.extend(added);
                }
            }
            _ => groups.push(added),
        }
    }
    let mut days: Vec<i64> = groups
        .iter()
        .filter_map(|g| g.first().and_then(|&f| raws.get(f)))
        .filter_map(|r| text::day_number(&r.date))
        .collect();
    days.sort_unstable();
    // Without a publication day, inferred ones (mostly "on or after" bounds) say the
    // story is at least that late, so older years are background ("became president in
    // 2006" in an undated story of the 2008 election): the latest day at least two
    // sources reach (one late follow-up does not make the story's happening background),
    // the only one when a single source has one.
    let mut inferred_days: Vec<i64> = docs
        .iter()
        .filter_map(|d| d.source.published.as_ref())
        .filter(|p| p.basis == DateBasis::Inferred)
        .filter_map(|p| p.day().and_then(text::day_number))
        .collect();
    inferred_days.sort_unstable();
    let inferred_day = match inferred_days.len() {
        0 => None,
        1 => inferred_days.first().copied(),
        n => inferred_days.get(n - 2).copied(),
    };
    // An "on or after" bound only says the story is at least that late: a happening two
    // or more articles date later is nearer its day (a 2008 story whose undated pages
    // mention 2005 at the latest).
    let told_twice = groups
        .iter()
        .filter(|g| {
            g.iter()
                .filter_map(|&x| raws.get(x))
                .map(|r| r.doc)
                .collect::<BTreeSet<usize>>()
                .len()
                >= 2
        })
        .filter_map(|g| g.first().and_then(|&f| raws.get(f)))
        .filter_map(|r| text::day_number(&r.date))
        .max();
    let only_bounds = docs
        .iter()
        .filter_map(|d| d.source.published.as_ref())
        .filter(|p| p.basis == DateBasis::Inferred)
        .all(|p| p.open_ended);
    let inferred_day = match (inferred_day, told_twice) {
        (Some(b), Some(t)) if only_bounds => Some(b.max(t)),
        (b, _) => b,
    };
    let main_day = pub_day
        .or(inferred_day)
        .or_else(|| days.get(days.len() / 2).copied());
    // Background happenings are context: all sentences of one background date are
    // one event, led by an attack-like sentence when there is one.
    let is_bg =
        |date: &str| matches!((text::day_number(date), main_day), (Some(d), Some(m)) if d < m - 60);
    let mut merged: Vec<Vec<usize>> = Vec::new();
    for g in groups {
        let date = g.first().and_then(|&f| raws.get(f)).map(|f| f.date.clone());
        let into = date.as_deref().filter(|d| is_bg(d)).and_then(|d| {
            merged.iter().position(|m| {
                m.first()
                    .and_then(|&f| raws.get(f))
                    .is_some_and(|f| f.date == d)
            })
        });
        match into.and_then(|i| merged.get_mut(i)) {
            Some(m) => m.extend(g),
            None => merged.push(g),
        }
    }
    for g in &mut merged {
        if let Some(p) = g
            .iter()
            .position(|&x| raws.get(x).is_some_and(|r| r.class == "attack"))
        {
            g.swap(0, p);
        }
    }
    let groups = merged;
    let mut built: Vec<(Event, String, Vec<SentenceKey>)> = Vec::new();
    for g in &groups {
        let Some(first) = g.first().and_then(|&f| raws.get(f)) else {
            continue;
        };
        let mut evidence = Vec::new();
        let mut keys = Vec::new();
        let mut entities: Vec<String> = Vec::new();
        // The description is the group's most central sentence (largest word overlap
        // with the others), preferring clear (>= 40 bytes) and then shorter sentences.
        let (sentences, reports): (Vec<&str>, Vec<bool>) = g
            .iter()
            .filter_map(|&x| raws.get(x))
            .filter_map(|r| {
                docs.get(r.doc)
                    .map(|d| (r.sentence.slice(&d.source.text), r.report || r.inherited))
            })
            .unzip();
        let word_sets: Vec<std::collections::BTreeSet<String>> = sentences
            .iter()
            .map(|t| text::words(t).into_iter().filter(|w| w.len() > 3).collect())
            .collect();
        // Words shared with the other sentences of the event: the sum over a
        // sentence's words of how many other sentences hold them (linear, not pairwise).
        let mut df: BTreeMap<&str, usize> = BTreeMap::new();
        for set in &word_sets {
            for w in set {
                *df.entry(w.as_str()).or_default() += 1;
            }
        }
        let central: Vec<usize> = word_sets
            .iter()
            .map(|set| {
                set.iter()
                    .map(|w| df.get(w.as_str()).copied().unwrap_or(1).saturating_sub(1))
                    .sum()
            })
            .collect();
        let centrality = |i: usize| -> usize { central.get(i).copied().unwrap_or(0) };
        // the sentence that tells the happening best: not a report of it, its trigger in
        // the main clause ("Three groups filed suit in San Francisco", not "Defenders of
        // Wildlife, who have filed suit, are similarly disgusted"), long enough, standing
        // alone, central, then the shorter
        let keys_of: Vec<_> = sentences
            .iter()
            .enumerate()
            .map(|(i, &t)| {
                let direct = !reports.get(i).copied().unwrap_or(true);
                let main_clause = trigger_in(t).is_some_and(|(_, _, main)| main);
                (
                    direct,
                    main_clause,
                    t.len() >= 40,
                    stands_alone(t),
                    centrality(i),
                    std::cmp::Reverse(t.len()),
                )
            })
            .collect();
        let best: Option<&str> = (0..sentences.len())
            .max_by(|&a, &b| keys_of.get(a).cmp(&keys_of.get(b)).then(b.cmp(&a)))
            .and_then(|i| sentences.get(i).copied());
        for r in g.iter().filter_map(|&x| raws.get(x)) {
            let Some(doc) = docs.get(r.doc) else { continue };
            let ev = corroborate_model::Evidence::of(&doc.source, r.sentence);
            keys.push((doc.source.id.clone(), r.sentence.start));
            evidence.push(ev);
            for e in &r.entities {
                if !entities.contains(e) {
                    entities.push(e.clone());
                }
            }
        }
        evidence.sort_by(|a, b| (&a.source, a.start).cmp(&(&b.source, b.start)));
        evidence.dedup();
        // ahead of every source that tells it: a plan or a schedule ("the vigil on
        // Friday" in pages of Monday), not a happening yet
        // (a page whose day is unknown or only inferred says nothing either way when it
        // tells the date as a plan, "a previously announced November 2013 release date":
        // an inferred day may come from this very date; one that tells it otherwise may
        // be from after it, so nothing is scheduled)
        let mut unknown_past = false;
        let latest_pub = g
            .iter()
            .filter_map(|&x| raws.get(x))
            .filter_map(|r| {
                let d = docs.get(r.doc)?;
                // an inferred date says too little of when a page was written
                let day = d
                    .source
                    .published
                    .as_ref()
                    .filter(|p| p.basis != DateBasis::Inferred)
                    .and_then(|p| p.day())
                    .and_then(text::day_number);
                if day.is_none() && !told_as_plan(r.sentence.slice(&d.source.text)) {
                    unknown_past = true;
                }
                day
            })
            .max()
            .filter(|_| !unknown_past);
        let role = match (text::day_number(&first.date), main_day, latest_pub) {
            (Some(d), _, Some(p)) if d > p => "scheduled",
            (Some(d), Some(m), _) if d < m - 60 => "background",
            _ => "main",
        };
        built.push((
            Event {
                id: String::new(),
                date: (!first.date.is_empty())
                    .then(|| DateValue::new(first.date.clone(), DateBasis::Text)),
                text: text::shorten(strip_dateline(best.unwrap_or("")), 160),
                entities,
                evidence,
                role: Some(role.to_string()),
            },
            first.class.to_string(),
            keys,
        ));
    }
    // A happening of the same kind as the story's best-attested event, before it, that
    // one page tells as another one and of other names than it, is context, not the
    // story ("Paris also witnessed another robbery on Sunday night"): background. (A
    // lead-up of another kind, "Marvania said it passed a warning on June 1", stays, and
    // so does the story's own first happening that fewer pages tell.)
    let named = |e: &Event| -> BTreeSet<String> {
        e.entities
            .iter()
            .filter(|id| {
                table
                    .get(id)
                    .is_some_and(|x| x.kind != corroborate_model::EntityType::MISC)
            })
            .cloned()
            .collect()
    };
    let sources_of = |e: &Event| -> usize {
        e.evidence
            .iter()
            .map(|v| v.source.as_str())
            .collect::<BTreeSet<&str>>()
            .len()
    };
    let anchor = built
        .iter()
        .filter(|(e, _, _)| e.role.as_deref() == Some("main") && e.date.is_some())
        .max_by_key(|(e, _, _)| sources_of(e))
        .filter(|(e, _, _)| sources_of(e) >= 3)
        .map(|(e, c, _)| {
            (
                e.date.as_ref().map(|d| d.value.clone()),
                named(e),
                family(c).to_string(),
            )
        });
    if let Some((Some(anchor_day), anchor_names, anchor_family)) = anchor
        && !anchor_names.is_empty()
    {
        for (e, c, _) in built.iter_mut() {
            let before = e.date.as_ref().is_some_and(|d| d.value < anchor_day);
            let names = named(e);
            // (told as another one: "another", "also", "separate", "earlier"; not "the
            // same gang first struck")
            let another = e.evidence.iter().any(|v| {
                let ws = text::words(&v.text);
                ws.iter().any(|w| {
                    matches!(
                        w.as_str(),
                        "another" | "also" | "separate" | "similar" | "previous" | "earlier"
                    )
                }) && !ws.iter().any(|w| matches!(w.as_str(), "same" | "first"))
            });
            if e.role.as_deref() == Some("main")
                && before
                && another
                && family(c) == anchor_family
                && sources_of(e) == 1
                && !names.is_empty()
                && names.is_disjoint(&anchor_names)
            {
                e.role = Some("background".to_string());
            }
        }
    }
    built.sort_by(|a, b| {
        // undated events last
        let da = (
            a.0.date.is_none(),
            a.0.date.as_ref().map(|d| d.value.clone()),
        );
        let db = (
            b.0.date.is_none(),
            b.0.date.as_ref().map(|d| d.value.clone()),
        );
        da.cmp(&db)
            .then_with(|| class_rank(&a.1).cmp(&class_rank(&b.1)))
            .then_with(|| a.2.cmp(&b.2))
    });
    let mut tl = Timeline {
        main_day,
        ..Default::default()
    };
    for (i, (mut e, class, keys)) in built.into_iter().enumerate() {
        e.id = format!("{prefix}ev{}", i + 1);
        for k in keys {
            tl.by_sentence.insert(k, i);
        }
        tl.events.push(e);
        tl.classes.push(class);
    }
    tl
}

/// Whether a sentence reads on its own as an event's description: it opens with a
/// capital, not with a conjunction or a pronoun that needs the sentence before ("Because
/// it didn't ...", "It killed ..."), and speaks in no first person ("I", "we").
pub(crate) fn stands_alone(sentence: &str) -> bool {
    let body = strip_dateline(sentence.trim());
    let words = text::words(body);
    let Some(first) = words.first() else {
        return false;
    };
    let capital = body.chars().next().is_some_and(char::is_uppercase);
    let dependent = matches!(
        first.as_str(),
        "because"
            | "but"
            | "and"
            | "or"
            | "so"
            | "it"
            | "this"
            | "that"
            | "these"
            | "those"
            | "he"
            | "she"
            | "they"
            | "his"
            | "her"
            | "its"
            | "their"
            | "then"
            | "also"
            | "still"
            | "yet"
    );
    // on the words as written: "US drones" is no "us"
    let first_person = text::word_spans(body)
        .into_iter()
        .filter_map(|(a, b)| body.get(a..b))
        .any(|w| {
            matches!(
                w,
                "I" | "we"
                    | "We"
                    | "me"
                    | "my"
                    | "My"
                    | "our"
                    | "Our"
                    | "us"
                    | "you"
                    | "You"
                    | "your"
                    | "Your"
            )
        });
    capital && !dependent && !first_person
}

/// Words that make a sentence near its trigger a plan, a possibility, a fear or a
/// denial rather than a report that something happened ("another bomb will explode", "no
/// bomb exploded", "could not be verified"; contractions as `text::words` folds them).
const HEDGES: &[&str] = &[
    "will", "would", "could", "might", "may", "shall", "should", "can", "cannot", "must", "no",
    "not", "never", "if", "fear", "feared", "dont", "doesnt", "didnt", "isnt", "wasnt", "werent",
    "arent", "cant", "couldnt", "wouldnt", "wont", "hasnt", "havent", "hadnt",
];

/// Negations of the verb before a trigger: the sentence tells that the happening did
/// not happen. ("no" is left out: "No attack has been as deadly since the 2019
/// bombing" compares, and tells the bombing.)
const NEGATIONS: &[&str] = &[
    "not", "never", "cannot", "dont", "doesnt", "didnt", "isnt", "wasnt", "werent", "arent",
    "cant", "couldnt", "wouldnt", "wont", "hasnt", "havent", "hadnt",
];

/// Content words shared with an event's sentences for an undated sentence to join it.
const JOIN_SHARED: usize = 3;

/// Prepositions that put a name in a frame, not in subject position ("In Portvale,").
const PREPOSITIONS: &[&str] = &[
    "in", "at", "on", "from", "near", "of", "for", "with", "by", "to", "after", "before", "during",
    "under", "over", "across", "within", "outside", "inside", "into", "since",
];

/// Families whose happening is an act of one actor: undated sentences of one of them
/// that name the same actor first join on fewer shared words ([`cluster_undated`]), as
/// do those of the "life" family that name the same person first (a death, a rehab
/// stay: what befalls one person).
const SPEECH_ACTS: &[&str] = &["claim", "denial", "blame"];

/// A word that more groups of undated sentences than this hold does not count towards
/// their shared words ([`cluster_undated`]).
const UNDATED_COMMON_WORD: usize = 64;

/// Cross-document coreference of undated sentences: a sentence that tells a happening
/// but gives no date ("the man who killed four people was sentenced on Saturday" in an
/// article with no publication date) joins the event of the same kind that other
/// articles date, when it shares at least [`JOIN_SHARED`] content words (dates and
/// numbers aside) and at least a third of its own with that event's sentences from other
/// articles, and no other event of that kind comes as close. Statements about a
/// happening ("the bureau said the warning had been too vague") do not join, nor do
/// sentences of an article published before the event's day; no sentence joins a
/// background event (two months before the story's publication days). Its date is the event's,
/// marked as not its own (`inherited`).
fn join_undated(
    docs: &[&Annotations],
    table: &EntityTable,
    undated: &[(usize, Span, &'static str)],
    pub_day: Option<i64>,
    raws: &mut Vec<Raw>,
    groups: &mut [Vec<usize>],
) -> Vec<(usize, Span, &'static str)> {
    if undated.is_empty() || groups.is_empty() {
        return undated.to_vec();
    }
    let mut left = Vec::new();
    let words_of = |doc: usize, s: Span| undated_words(docs, doc, s);
    // Per group: its family, the documents it has, and word -> documents holding it.
    struct G {
        family: String,
        day: Option<i64>,
        /// The weekday of a day-precision date (index in `text::WEEKDAYS`).
        weekday: Option<usize>,
        docs: BTreeSet<usize>,
        words: BTreeMap<String, BTreeSet<usize>>,
    }
    let gs: Vec<G> = groups
        .iter()
        .map(|g| {
            let mut words: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
            let mut gdocs = BTreeSet::new();
            for r in g.iter().filter_map(|&x| raws.get(x)) {
                gdocs.insert(r.doc);
                for w in words_of(r.doc, r.sentence) {
                    words.entry(w).or_default().insert(r.doc);
                }
            }
            let first = g.first().and_then(|&f| raws.get(f));
            let family = first
                .map(|f| family(f.class).to_string())
                .unwrap_or_default();
            // The first day the event can be (a month-precision date: its first day).
            let day = first.and_then(|f| {
                text::day_number(&f.date).or_else(|| text::day_number(&format!("{}-01", f.date)))
            });
            let weekday = first.and_then(|f| date_weekday(&f.date));
            G {
                family,
                day,
                weekday,
                docs: gdocs,
                words,
            }
        })
        .collect();
    for &(di, s, class) in undated {
        let mine = words_of(di, s);
        // "It killed 612 people": what "it" is, the sentence before says, and it may be
        // another happening (an older quake) than the words suggest
        let pronoun = docs.get(di).is_some_and(|d| {
            text::words(s.slice(&d.source.text))
                .first()
                .is_some_and(|w| w == "it")
        });
        if mine.len() < JOIN_SHARED || pronoun {
            left.push((di, s, class));
            continue;
        }
        let fam = family(class);
        // An article cannot report what happened after it was published.
        let published = docs
            .get(di)
            .and_then(|d| d.source.published.as_ref())
            .filter(|p| !p.open_ended)
            .and_then(|p| p.until.as_deref().or(p.day()))
            .and_then(text::day_number);
        let weekdays = trigger_weekdays(docs, di, s);
        let mut scored: Vec<(usize, usize)> = gs
            .iter()
            .enumerate()
            .filter(|(_, g)| g.family == fam && g.docs.iter().any(|&d| d != di))
            .filter(|(_, g)| match g.weekday {
                Some(wd) => weekdays.is_empty() || weekdays.contains(&wd),
                None => true,
            })
            .filter(|(_, g)| match (published, g.day) {
                (Some(p), Some(d)) => d <= p,
                _ => true,
            })
            .map(|(gi, g)| {
                let shared = mine
                    .iter()
                    .filter(|w| {
                        g.words
                            .get(*w)
                            .is_some_and(|ds| ds.iter().any(|&d| d != di))
                    })
                    .count();
                (shared, gi, g)
            })
            // Undated sentences tell the story, not its background (an earlier bout of
            // the same two boxers, an older quake on the same island), unless the
            // sentence is one of the event's own told again (a copy, a page with no date
            // to resolve "at the end of July" against).
            .filter(|&(n, _, g)| match (pub_day, g.day) {
                (Some(m), Some(d)) => d >= m - 60 || retold(n, mine.len()),
                _ => true,
            })
            .map(|(n, gi, _)| (n, gi))
            .filter(|&(n, _)| n >= JOIN_SHARED && n * 3 >= mine.len())
            .collect();
        scored.sort_unstable_by(|a, b| b.cmp(a));
        let target = match scored.as_slice() {
            [(_, gi)] => Some(*gi),
            [(a, gi), (b, _), ..] if a > b => Some(*gi),
            _ => None,
        };
        let Some(gi) = target else {
            left.push((di, s, class));
            continue;
        };
        let Some(date) = groups
            .get(gi)
            .and_then(|g| g.first())
            .and_then(|&f| raws.get(f))
            .map(|f| f.date.clone())
        else {
            left.push((di, s, class));
            continue;
        };
        let entities: BTreeSet<String> = docs
            .get(di)
            .map(|d| table.entities_in(&d.source.id, s).into_iter().collect())
            .unwrap_or_default();
        raws.push(Raw {
            doc: di,
            sentence: s,
            class,
            date,
            entities,
            report: false,
            joins: "",
            inherited: true,
        });
        if let Some(g) = groups.get_mut(gi) {
            g.push(raws.len() - 1);
        }
    }
    left
}

/// Whether a sentence tells its date as a plan: a word of intent ([`plan_between`]: "will
/// be held", "is scheduled for"), or "planned", "expected to", "set to", "a release date".
fn told_as_plan(sentence: &str) -> bool {
    plan_between(sentence, 0, sentence.len()) || {
        let w = text::words(sentence);
        w.iter().enumerate().any(|(i, x)| {
            let next = w.get(i + 1).map_or("", String::as_str);
            x == "planned"
                || (matches!(x.as_str(), "expected" | "set" | "plans") && next == "to")
                || (x == "release" && next == "date")
        })
    }
}

/// What a sentence tells, finer than its class: its trigger word's stem, with a few
/// words of one happening taken together (a death: "died", "dead", "found"; a dismissal:
/// "fired", "ousted", "sacked"; a hiring: "named", "hired", "appointed").
fn happening_of(docs: &[&Annotations], r: &Raw) -> Option<String> {
    let d = docs.get(r.doc)?;
    let sent = r.sentence.slice(&d.source.text);
    let (_, at) = trigger_class(sent)?;
    let word: String = sent
        .get(at..)?
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .collect::<String>()
        .to_lowercase();
    let kind = match word.as_str() {
        "died" | "dies" | "dead" | "death" | "found" | "drowned" | "overdosed" | "fell"
        | "passed" | "succumbed" | "fallen" => "death".to_string(),
        "fired" | "ousted" | "sacked" | "dismissed" => "dismissal".to_string(),
        "named" | "hired" | "appointed" | "nominated" => "hiring".to_string(),
        w => text::stem(w),
    };
    Some(kind)
}

/// The weekdays (indices in `text::WEEKDAYS`) an undated sentence names within three
/// words of its trigger ("Cheeks was fired Saturday"): it tells no happening of another
/// weekday. (A weekday further off may date another part of the sentence: "went on
/// trial Wednesday for killing a mother".)
fn trigger_weekdays(docs: &[&Annotations], doc: usize, s: Span) -> Vec<usize> {
    docs.get(doc)
        .map(|d| {
            let sent = s.slice(&d.source.text);
            let trig = trigger_class(sent).map_or(0, |(_, at)| at);
            let spans = text::word_spans(sent);
            let k = spans.iter().position(|&(a, _)| a >= trig).unwrap_or(0);
            let word = |j: usize| {
                spans
                    .get(j)
                    .and_then(|&(a, b)| sent.get(a..b))
                    .map(str::to_lowercase)
                    .unwrap_or_default()
            };
            spans
                .iter()
                .enumerate()
                .filter(|(j, _)| j.abs_diff(k) <= 3)
                // not the report's day: "officials said Saturday", "said on Saturday"
                .filter(|(j, _)| {
                    !(1..=2).any(|back| {
                        j.checked_sub(back)
                            .is_some_and(|p| REPORT_VERBS.contains(&word(p).as_str()))
                    })
                })
                .filter_map(|(_, &(a, b))| sent.get(a..b))
                .filter_map(|w| {
                    text::WEEKDAYS
                        .iter()
                        .position(|x| x.eq_ignore_ascii_case(w))
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The weekday (index in `text::WEEKDAYS`) of a day-precision date.
fn date_weekday(date: &str) -> Option<usize> {
    chrono::NaiveDate::parse_from_str(date.get(..10)?, "%Y-%m-%d")
        .ok()
        .filter(|_| date.len() == 10)
        .map(|d| chrono::Datelike::weekday(&d).num_days_from_monday() as usize)
}

/// Whether an undated sentence with `words` content words, `shared` of them in an
/// event's sentences, is one of them told again: eight or more shared, nine in ten.
fn retold(shared: usize, words: usize) -> bool {
    shared >= 8 && shared * 10 >= words * 9
}

/// The content words of an undated sentence that count for coreference: dates, numbers
/// and weekdays aside.
fn undated_words(docs: &[&Annotations], doc: usize, s: Span) -> BTreeSet<String> {
    docs.get(doc)
        .map(|d| {
            text::content_words(s.slice(&d.source.text))
                .into_iter()
                .filter(|w| {
                    !w.chars().any(|c| c.is_ascii_digit())
                        && !text::WEEKDAYS.iter().any(|d| w.starts_with(d))
                })
                .map(|w| text::stem(&w))
                .collect()
        })
        .unwrap_or_default()
}

/// Undated events: the sentences that tell a happening, give no date and joined no dated
/// event, grouped across articles as [`join_undated`] joins them (one family, at least
/// [`JOIN_SHARED`] content words and a third of the sentence's own shared with another
/// article's sentences of the group, the group that shares most; or, for a claim,
/// denial, blame or "life" happening, the same actor in subject position before the
/// trigger, two shared words and one of them besides the actor's name and the trigger,
/// see [`SPEECH_ACTS`]). A group told by at least two articles is an event with no date (a pile that no source dates still shows
/// the happening every article tells, with all its evidence); a sentence only one article
/// has is left out. Returns the groups, as (document, sentence, class).
fn cluster_undated(
    docs: &[&Annotations],
    table: &EntityTable,
    left: &[(usize, Span, &'static str)],
) -> Vec<Vec<(usize, Span, &'static str)>> {
    struct G {
        family: String,
        members: Vec<(usize, Span, &'static str)>,
        words: BTreeMap<String, BTreeSet<usize>>,
        persons: BTreeSet<String>,
        actors: BTreeSet<String>,
        trig_stems: BTreeSet<String>,
    }
    let mut gs: Vec<G> = Vec::new();
    // word -> groups holding it (only groups that share a word are scored)
    let mut index: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for &(di, s, class) in left {
        let sentence = docs.get(di).map(|d| s.slice(&d.source.text)).unwrap_or("");
        let mine: BTreeSet<String> = undated_words(docs, di, s).into_iter().collect();
        if mine.len() < JOIN_SHARED {
            continue;
        }
        // A quoted or first-person sentence tells no happening of its own ("I honestly
        // thought she was shot"), nor one negated, modal or planned near its trigger
        // ("The claim could not be independently verified", "a vigil is planned for
        // Sunday"; not "a can of petrol" far from it).
        if sentence
            .trim_start()
            .starts_with(['"', '\u{201c}', '`', '\'', '\u{2018}'])
        {
            continue;
        }
        let words = text::words(sentence);
        // (nor one whose subject is "it": what it is, the sentence before says)
        if words
            .iter()
            .any(|w| matches!(w.as_str(), "i" | "we" | "my" | "our" | "me"))
            || words.first().is_some_and(|w| w == "it")
        {
            continue;
        }
        // the trigger's byte offset in the sentence and its word index
        let trig_at = trigger_class(sentence).map_or(0, |(_, at)| at);
        let trig_word = text::words(sentence.get(..trig_at).unwrap_or("")).len();
        let hedged = words
            .iter()
            .enumerate()
            .filter(|(k, _)| *k + 5 >= trig_word && *k <= trig_word + 3)
            .any(|(_, w)| HEDGES.contains(&w.as_str()));
        // plans are no happenings yet ("a vigil for the crews is planned for Sunday")
        let planned = words.iter().skip(trig_word).take(14).any(|w| {
            matches!(
                w.as_str(),
                "planned" | "planning" | "plans" | "scheduled" | "expected" | "due"
            )
        });
        if hedged || planned {
            continue;
        }
        let fam = family(class);
        // the persons it names: a group naming only other persons tells another
        // happening ("Hansbrough finished with 20 points" / "Daye finished with 20
        // points"; places are named in too many ways to tell apart so)
        let ents = |kinds: &[corroborate_model::EntityType]| -> BTreeSet<String> {
            docs.get(di)
                .map(|d| {
                    table
                        .entities_in(&d.source.id, s)
                        .into_iter()
                        .filter(|id| table.get(id).is_some_and(|e| kinds.contains(&e.kind)))
                        .collect()
                })
                .unwrap_or_default()
        };
        let persons = ents(&[corroborate_model::EntityType::PER]);
        // a claim, denial or blame is one act of one actor: the entity named first
        // before its trigger ("Marvania has denied any role" / "Marvania's foreign
        // ministry denied any involvement")
        // (not a legal status: "Hiller, accused in the shooting", "is accused of")
        let life = fam == "life";
        let actor = (SPEECH_ACTS.contains(&fam) || life)
            .then(|| {
                let at = trig_at;
                let before = text::words(sentence.get(..at).unwrap_or(""));
                let after = text::words(sentence.get(at..).unwrap_or(""));
                let status = after.first().is_some_and(|w| w == "accused")
                    && (after
                        .get(1)
                        .is_some_and(|w| matches!(w.as_str(), "of" | "in"))
                        || before.last().is_some_and(|w| {
                            matches!(
                                w.as_str(),
                                "the"
                                    | "a"
                                    | "an"
                                    | "is"
                                    | "was"
                                    | "are"
                                    | "were"
                                    | "been"
                                    | "being"
                            )
                        })
                        || sentence
                            .get(..at)
                            .is_some_and(|b| b.trim_end().ends_with(',')));
                if status {
                    return None;
                }
                let trig = s.start + at;
                let t = docs.get(di).map_or("", |d| d.source.text.as_str());
                docs.get(di).and_then(|d| {
                    table
                        .mentions_in(&d.source.id, s)
                        .into_iter()
                        .filter(|&(a, b, id)| {
                            use corroborate_model::EntityType as T;
                            let kind = table.get(id).map(|e| e.kind);
                            // in subject position: not a frame ("In Portvale, ..."),
                            // nor, for what befalls a person, a possessive's owner
                            // ("Ada Brenn's driver died")
                            let framed = text::words(t.get(s.start..a).unwrap_or(""))
                                .last()
                                .is_some_and(|w| PREPOSITIONS.contains(&w.as_str()));
                            let owner = t
                                .get(b..)
                                .is_some_and(|r| r.starts_with("'s") || r.starts_with("\u{2019}s"));
                            !framed
                                && if life {
                                    kind == Some(T::PER) && !owner
                                } else {
                                    matches!(kind, Some(T::PER | T::ORG | T::LOC))
                                }
                        })
                        .find(|&(a, _, _)| a < trig)
                        .map(|(a, b, id)| {
                            // the actor's own words and the trigger's stem, which do
                            // not count as shared words of the act
                            let mut core: BTreeSet<String> =
                                text::content_words(t.get(a..b).unwrap_or(""))
                                    .iter()
                                    .map(|w| text::stem(w))
                                    .collect();
                            let trig_stem = text::words(sentence.get(at..).unwrap_or(""))
                                .first()
                                .map(|w| text::stem(w))
                                .unwrap_or_default();
                            core.insert(trig_stem.clone());
                            (id.to_string(), core, trig_stem)
                        })
                })
            })
            .flatten();
        let compatible = |a: &BTreeSet<String>, b: &BTreeSet<String>| {
            a.is_empty() || b.is_empty() || !a.is_disjoint(b)
        };
        // shared words with each group that holds any of them, from other articles (a
        // word that many groups hold tells none apart, and scoring it would make the
        // pass quadratic on a big story)
        let mut shared: BTreeMap<usize, usize> = BTreeMap::new();
        // (and those besides the actor's name and the trigger)
        let mut beyond: BTreeMap<usize, usize> = BTreeMap::new();
        for w in &mine {
            let holders = index.get(w).map(Vec::as_slice).unwrap_or(&[]);
            if holders.len() > UNDATED_COMMON_WORD {
                continue;
            }
            for &gi in holders {
                if gs
                    .get(gi)
                    .and_then(|g| g.words.get(w))
                    .is_some_and(|ds| ds.iter().any(|&d| d != di))
                {
                    *shared.entry(gi).or_default() += 1;
                    if actor.as_ref().is_some_and(|(_, core, _)| !core.contains(w)) {
                        *beyond.entry(gi).or_default() += 1;
                    }
                }
            }
        }
        let mut scored: Vec<(usize, usize)> = shared
            .into_iter()
            .filter(|&(gi, n)| {
                gs.get(gi).is_some_and(|g| {
                    // the same actor's act, told in other words than its name and
                    // trigger; for "life", the same happening (a death is no hospital
                    // stay)
                    let same_actor = actor.as_ref().is_some_and(|(a, _, stem)| {
                        g.actors.contains(a) && (!life || g.trig_stems.contains(stem))
                    }) && beyond.get(&gi).copied().unwrap_or(0) >= 1;
                    ((n >= JOIN_SHARED && n * 3 >= mine.len()) || (same_actor && n >= 2))
                        && g.family == fam
                        && compatible(&persons, &g.persons)
                })
            })
            .map(|(gi, n)| (n, gi))
            .collect();
        scored.sort_unstable_by(|a, b| b.cmp(a));
        let target = match scored.as_slice() {
            [(_, gi)] => Some(*gi),
            [(a, gi), (b, _), ..] if a > b => Some(*gi),
            // none, or a tie: a group of its own rather than a guess
            _ => None,
        };
        let gi = match target {
            Some(gi) => gi,
            None => {
                gs.push(G {
                    family: fam.to_string(),
                    members: Vec::new(),
                    words: BTreeMap::new(),
                    persons: BTreeSet::new(),
                    actors: BTreeSet::new(),
                    trig_stems: BTreeSet::new(),
                });
                gs.len() - 1
            }
        };
        let Some(g) = gs.get_mut(gi) else { continue };
        g.members.push((di, s, class));
        g.persons.extend(persons);
        if let Some((a, _, stem)) = actor {
            g.actors.insert(a);
            g.trig_stems.insert(stem);
        }
        for w in mine {
            let holders = g.words.entry(w.clone()).or_default();
            if holders.is_empty() {
                index.entry(w).or_default().push(gi);
            }
            holders.insert(di);
        }
    }
    gs.into_iter()
        .filter(|g| {
            g.members
                .iter()
                .map(|m| m.0)
                .collect::<BTreeSet<usize>>()
                .len()
                >= 2
        })
        .map(|g| g.members)
        .collect()
}

/// The sentence without a leading wire dateline ("KHARIVSK, Doravia (MPA) — "):
/// an upper-case place name, optional region and agency, then a dash.
pub fn strip_dateline(sentence: &str) -> &str {
    let head_end = sentence
        .char_indices()
        .take_while(|&(i, _)| i < 80)
        .find(|&(i, c)| {
            matches!(c, '—' | '–' | '-')
                && sentence.get(..i).is_some_and(|h| h.ends_with(' '))
                && sentence
                    .get(i + c.len_utf8()..)
                    .is_some_and(|r| r.starts_with(' '))
        })
        .map(|(i, c)| (i, i + c.len_utf8()));
    let Some((dash, after)) = head_end else {
        return sentence;
    };
    let head = sentence.get(..dash).unwrap_or("");
    let first: String = head.chars().take_while(|c| c.is_alphabetic()).collect();
    let upper = first.chars().count() >= 3 && first.chars().all(|c| c.is_uppercase());
    let short = head.split_whitespace().count() <= 6;
    match sentence.get(after..) {
        Some(rest) if upper && short && !rest.trim().is_empty() => rest.trim_start(),
        _ => sentence,
    }
}

fn class_rank(class: &str) -> usize {
    // Chronological habit: the attack first, then its aftermath.
    const ORDER: &[&str] = &[
        "warning", "attack", "toll", "claim", "blame", "denial", "arrest", "vigil", "strike",
    ];
    ORDER
        .iter()
        .position(|c| *c == class)
        .unwrap_or(ORDER.len())
}

/// Infers the publication date of an undated source from the story's timeline:
/// an underspecified weekday that refers to a dated event of the same kind gives
/// "on or after that day" (until six days later) when the sentence also shares words
/// with a report of that event; otherwise the latest dated event or concrete date it
/// mentions gives "on or after" with no upper bound (`open_ended`: the article may be
/// years younger than the latest date it names).
pub fn infer_published(doc: &Annotations, tl: &Timeline) -> Option<DateValue> {
    let t = &doc.source.text;
    let mut best: Option<(i64, Option<i64>)> = None;
    let mut floor: Option<i64> = None;
    for s in text::sentences(doc) {
        let sent = s.slice(t);
        let trig = trigger_class(sent);
        for m in doc
            .times
            .iter()
            .filter(|m| s.contains(&Span::new(m.start, m.end)))
        {
            if text::is_concrete_date(&m.value) {
                // Only dates the text places in the past bound the publication date
                // from below: not "deliveries will begin in 2013", "by 2016", "the June 1
                // deadline".
                let before = t.get(s.start..m.start).unwrap_or("");
                // Only dates written out with their year: without a publication date,
                // "in November" or "on Friday" took a guessed year.
                if m.anchor.as_deref() == Some("absolute")
                    && !looks_ahead(sent, before)
                    && let Some(d) = text::day_number(text::date_part(&m.value))
                {
                    floor = Some(floor.map_or(d, |f: i64| f.max(d)));
                }
                continue;
            }
            // Weekday: from the TIMEX value (XXXX-WXX-N) or the text.
            let wd = m
                .value
                .rsplit('-')
                .next()
                .and_then(|x| x.parse::<i64>().ok())
                .filter(|n| (1..=7).contains(n) && m.value.contains('W'))
                .map(|n| n - 1)
                .or_else(|| {
                    let low = m.text.to_lowercase();
                    text::WEEKDAYS
                        .iter()
                        .position(|w| low.contains(w))
                        .map(|p| p as i64)
                });
            let Some(wd) = wd else { continue };
            let Some((class, _)) = trig else { continue };
            // The same happening, not only the same kind: the sentence shares at least
            // two common content words (not names, weekdays or reporting verbs) with
            // another article's report of the event, so "sentenced Saturday the man who
            // killed four" is not anchored on a killing that fell on a Saturday; and the
            // weekday must point at one day only.
            // Common words only: names ("General Motors announced on Wednesday") are
            // shared by every report of the company, not of the happening.
            let lower_in_text: BTreeSet<String> = text::word_spans(sent)
                .into_iter()
                .filter_map(|(a, b)| sent.get(a..b))
                .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
                .map(str::to_string)
                .collect();
            let mine: BTreeSet<String> = text::content_words(sent)
                .into_iter()
                .filter(|w| !text::WEEKDAYS.iter().any(|d| w.starts_with(d)))
                .filter(|w| lower_in_text.contains(w) && !REPORT_VERBS.contains(&w.as_str()))
                .collect();
            let same_happening = |e: &Event| {
                e.evidence.iter().any(|ev| {
                    ev.source != doc.source.id
                        && text::content_words(&ev.text)
                            .into_iter()
                            .collect::<BTreeSet<String>>()
                            .intersection(&mine)
                            .count()
                            >= 2
                })
            };
            let mut days: Vec<i64> = tl
                .events
                .iter()
                .zip(&tl.classes)
                .filter(|(e, c)| c.as_str() == class && same_happening(e))
                .filter_map(|(e, _)| {
                    e.date
                        .as_ref()
                        .and_then(|d| d.day())
                        .and_then(text::day_number)
                })
                .filter(|&d| text::weekday(d) == wd)
                .collect();
            days.sort_unstable();
            days.dedup();
            // Two happenings of the kind on that weekday in different weeks: ambiguous.
            if let [d] = days.as_slice() {
                let d = *d;
                let cand = (d, Some(d + 6));
                best = Some(match best {
                    Some(b) if b.0 >= cand.0 => b,
                    _ => cand,
                });
            }
        }
        // Events of the story this sentence reports (same class, similar wording).
        if let Some((class, _)) = trig {
            let b: BTreeSet<String> = text::content_words(sent).into_iter().collect();
            for (e, c) in tl.events.iter().zip(&tl.classes) {
                if c != class {
                    continue;
                }
                // Reported by another source: the article's own events took their
                // dates from its text, which has no publication date to anchor them.
                let shares = e.evidence.iter().any(|ev| {
                    if ev.source == doc.source.id {
                        return false;
                    }
                    let a: BTreeSet<String> = text::content_words(&ev.text).into_iter().collect();
                    let inter = a.intersection(&b).count();
                    let union = a.union(&b).count();
                    union > 0 && inter * 10 >= union * 4
                });
                if shares
                    && let Some(d) = e
                        .date
                        .as_ref()
                        .and_then(|d| d.day())
                        .and_then(text::day_number)
                {
                    floor = Some(floor.map_or(d, |f: i64| f.max(d)));
                }
            }
        }
    }
    let open_ended = best.is_none();
    let (value, until) = match (best, floor) {
        // A weekday anchored on a dated event is the strongest cue; other
        // events only raise the floor when they do not contradict it.
        (Some((d, u)), Some(f)) => {
            let v = if u.is_some_and(|u| f > u) {
                d
            } else {
                d.max(f)
            };
            (v, u.filter(|&u| u >= v))
        }
        (Some((d, u)), None) => (d, u),
        (None, Some(f)) => (f, None),
        (None, None) => return None,
    };
    let mut dv = DateValue::new(text::day_string(value), DateBasis::Inferred);
    dv.until = until.map(text::day_string);
    dv.open_ended = open_ended;
    Some(dv)
}

/// Whether a date in `sentence` (whose text before the date is `before`) may lie in the
/// future of the writer: the sentence speaks of plans, expectations, schedules or
/// deadlines ("will", "expected", "plans", "scheduled", "deadline", "next"), or the date
/// follows "by", "until", "before" or "through".
fn looks_ahead(sentence: &str, before: &str) -> bool {
    const FUTURE: &[&str] = &[
        "will",
        "would",
        "shall",
        "ll",
        "expected",
        "expects",
        "expect",
        "expecting",
        "plans",
        "plan",
        "planned",
        "planning",
        "scheduled",
        "schedule",
        "due",
        "forecast",
        "forecasts",
        "projected",
        "projects",
        "aims",
        "aim",
        "hopes",
        "intends",
        "deadline",
        "next",
        "coming",
        "upcoming",
        "future",
        "target",
        "targets",
        "should",
        "could",
        "might",
        "until",
        "till",
        "preparing",
        "prepares",
        "intend",
        "intended",
        "intending",
    ];
    let words = text::words(sentence);
    if words.iter().any(|w| FUTURE.contains(&w.as_str())) {
        return true;
    }
    let prev = text::words(before);
    prev.last().is_some_and(|w| {
        matches!(
            w.as_str(),
            "by" | "until" | "till" | "before" | "through" | "from" | "starting"
        )
    }) || prev
        .iter()
        .rev()
        .nth(1)
        .is_some_and(|w| matches!(w.as_str(), "by" | "until" | "before"))
}

/// The event noun of an event-anchored expression whose event the text itself does
/// not date ("two days before the bombing" -> `bombing`, "the night before the concert"
/// -> `concert`): `None` for other expressions and for ones already anchored on an
/// event (`anchor == "event"`).
fn undated_event_noun(m: &corroborate_model::TimeMention) -> Option<String> {
    if m.anchor.as_deref() == Some("event") {
        return None;
    }
    let words: Vec<String> = m
        .text
        .split_whitespace()
        .map(|w| w.to_lowercase())
        .collect();
    let at = words
        .iter()
        .position(|w| matches!(w.as_str(), "before" | "after" | "prior"))?;
    let det = words.get(at + 1 + usize::from(words.get(at) == Some(&"prior".to_string())))?;
    if !matches!(
        det.as_str(),
        "the" | "its" | "their" | "a" | "an" | "his" | "her"
    ) {
        return None;
    }
    let noun = words.last()?;
    // "the break-in": inner hyphens are part of the noun
    (noun.len() >= 3
        && noun.chars().all(|c| c.is_alphabetic() || c == '-')
        && !noun.starts_with('-')
        && !noun.ends_with('-'))
    .then(|| noun.clone())
}

/// Re-resolves `doc`'s event-anchored time expressions whose event the article does
/// not date itself ("two days before the bombing", "the night before the concert")
/// against the story's timeline: the dated event whose evidence names the noun, or
/// reports a happening of the same trigger class, most often (evidence from the
/// expression's own sentence does not count). Returns whether anything changed.
pub fn anchor_on_story(doc: &mut Annotations, events: &[Event]) -> bool {
    let mut changed = false;
    let id = doc.source.id.clone();
    for m in doc.times.iter_mut() {
        let Some(noun) = undated_event_noun(m) else {
            continue;
        };
        let noun_class = trigger_class(&noun).map(|(c, _)| c);
        let best = events
            .iter()
            .filter_map(|e| {
                let day = e.date.as_ref().and_then(|d| {
                    chrono::NaiveDate::parse_from_str(d.value.get(..10)?, "%Y-%m-%d").ok()
                })?;
                let hits = e
                    .evidence
                    .iter()
                    .filter(|v| !(v.source == id && v.start <= m.start && m.end <= v.end))
                    .filter(|v| {
                        let folded = v.text.to_lowercase();
                        text::word_spans(&folded)
                            .iter()
                            .any(|&(a, b)| folded.get(a..b) == Some(noun.as_str()))
                            || (noun_class.is_some()
                                && trigger_class(&v.text).map(|(c, _)| c) == noun_class)
                    })
                    .count();
                (hits > 0).then_some((hits, e.role.as_deref() == Some("main"), day))
            })
            .max_by_key(|&(hits, main, day)| (hits, main, std::cmp::Reverse(day)));
        let Some((_, _, day)) = best else { continue };
        let whole = corroborate_time::tag(&m.text, Some(day))
            .into_iter()
            .find(|t| t.start == 0 && t.end == m.text.len());
        if let Some(t) = whole
            && (t.value != m.value || m.anchor.as_deref() != Some("event"))
        {
            m.value = t.value;
            m.anchor = Some("event".to_string());
            changed = true;
        }
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The timeline of `docs` as one story.
    fn timeline_of(docs: &[Annotations]) -> Timeline {
        let refs: Vec<&Annotations> = docs.iter().collect();
        let table = canonical_entities(&refs, &AliasKb::default(), "s1-");
        timeline(&refs, &table, "s1-")
    }

    /// A one-sentence page with one entity and one dated mention.
    fn one_page(
        id: &str,
        published: &str,
        text: &str,
        ent: (&str, corroborate_model::EntityType),
        time: (&str, &str),
    ) -> Annotations {
        crate::fixtures::Doc::new(id, Some(published), "t", text)
            .ent(ent.0, ent.1)
            .time(time.0, time.1)
            .done()
    }

    /// The position of the event that cites source `src`.
    fn event_of(tl: &Timeline, src: &str) -> Option<usize> {
        tl.events
            .iter()
            .position(|e| e.evidence.iter().any(|v| v.source == src))
    }

    /// An undated page with the named entities marked wherever they occur.
    fn undated_page(
        id: &str,
        text: &str,
        ents: &[(&str, corroborate_model::EntityType)],
    ) -> Annotations {
        ents.iter()
            .fold(
                crate::fixtures::Doc::new(id, None, "t", text),
                |d, (n, k)| d.ent(n, *k),
            )
            .done()
    }

    /// The role of the event dated `date`.
    fn role_on(tl: &Timeline, date: &str) -> Option<String> {
        tl.events
            .iter()
            .find(|e| e.date.as_ref().is_some_and(|d| d.value == date))
            .and_then(|e| e.role.clone())
    }
    use crate::entities::{AliasKb, canonical_entities};
    use crate::fixtures::demo_docs;

    fn build() -> (Vec<Annotations>, Timeline) {
        let docs: Vec<Annotations> = demo_docs()
            .into_iter()
            .filter(|d| d.source.id != "strike")
            .collect();
        let tl = timeline_of(&docs);
        (docs, tl)
    }

    #[test]
    fn a_time_behind_after_dates_the_earlier_happening() {
        let at = |s: &str, w: &str| s.find(w).unwrap_or(0);
        let s = "Ada Brenn has died after suffering a heart attack earlier this month.";
        assert!(later_happening_time(
            s,
            at(s, "died"),
            at(s, "earlier this")
        ));
        // the time before "after" is the death's own
        let s = "Ada Brenn died last year after a long illness.";
        assert!(!later_happening_time(s, at(s, "died"), at(s, "last year")));
        // a time before the trigger is never another happening's
        let s = "Last week, after the vote, Ada Brenn resigned.";
        assert!(!later_happening_time(s, at(s, "resigned"), 0));
        // nor one past a semicolon
        let s = "Ada Brenn died after a fall; her son had died last year.";
        assert!(!later_happening_time(s, at(s, "died"), at(s, "last year")));
    }

    #[test]
    fn a_report_of_a_past_verb_reports_a_happening() {
        let at = |s: &str, w: &str| s.find(w).unwrap_or(0);
        let s = "Police said two men died in the Norby fire.";
        assert!(past_verb_at(s, at(s, "died")));
        let s = "The navy said it arrested 23 pirates.";
        assert!(past_verb_at(s, at(s, "arrested")));
        let s = "Witnesses said Tom Ruse shot the guard.";
        assert!(past_verb_at(s, at(s, "shot")));
        // a statement about a happening's noun is none
        let s = "The bureau said the warning had been too vague.";
        assert!(!past_verb_at(s, at(s, "warning")));
        let s = "The institute said the quake measured 5.9.";
        assert!(!past_verb_at(s, at(s, "quake")));
    }

    #[test]
    fn datelines_are_stripped() {
        assert_eq!(
            strip_dateline("PARIS, France (AFP) — A bomb exploded."),
            "A bomb exploded."
        );
        assert_eq!(strip_dateline("VERANO — It rained."), "It rained.");
        assert_eq!(
            strip_dateline("The vote - a close one - passed."),
            "The vote - a close one - passed."
        );
        assert_eq!(strip_dateline("NATO — "), "NATO — ");
    }

    #[test]
    fn reports_and_possessive_dates() {
        // A possessive date dates the noun it modifies.
        assert_eq!(
            possessive_class("Saturday's bombing", 8),
            Some(Some("attack"))
        );
        assert_eq!(
            possessive_class("Saturday\u{2019}s vote", 8),
            Some(Some("politics"))
        );
        assert_eq!(possessive_class("Saturday night", 8), None);
        let s = "Four were among the 64 people killed, the theatre said on Tuesday.";
        let killed = s.find("killed").unwrap_or(0);
        let tuesday = s.find("Tuesday").unwrap_or(0);
        assert!(report_verb_between(s, killed, tuesday));
        assert!(!report_verb_between(s, 0, killed));
    }

    #[test]
    fn toll_reports_join_the_blast() {
        let (_, tl) = build();
        // Every toll sentence is evidence of the one main blast, not of the
        // reporting day, and there is one attack-like main event per day.
        for (i, c) in tl.classes.iter().enumerate() {
            if c == "toll" {
                assert!(
                    tl.is_background(i) || Some(i) == tl.main_event(),
                    "{:?}",
                    tl.events.get(i)
                );
            }
        }
        let mut days = BTreeSet::new();
        for (e, c) in tl.events.iter().zip(&tl.classes) {
            if family(c) == "attack" && e.role.as_deref() == Some("main") {
                assert!(
                    days.insert(e.date.as_ref().map(|d| d.value.clone())),
                    "{e:?}"
                );
            }
        }
        let backgrounds = tl
            .events
            .iter()
            .filter(|e| e.role.as_deref() == Some("background"))
            .count();
        assert_eq!(backgrounds, 1);
        let main = tl.main_event().and_then(|i| tl.events.get(i));
        assert_eq!(
            main.and_then(|e| e.date.as_ref()).map(|d| d.value.as_str()),
            Some("2023-06-03")
        );
    }

    #[test]
    fn a_plan_after_the_trigger_keeps_its_date() {
        let at = |sent: &str, w: &str| sent.find(w).unwrap_or(0);
        let s = "It was announced that Ada Brenn will host the gala, held on Sunday.";
        assert!(plan_between(s, at(s, "announced"), at(s, "Sunday")));
        let s = "Tom Ruse was arrested and will appear in court on Monday.";
        assert!(plan_between(s, at(s, "arrested"), at(s, "Monday")));
        let s = "Tom Ruse was arrested in Norby on Monday.";
        assert!(!plan_between(s, at(s, "arrested"), at(s, "Monday")));
        let s = "Portvale Shipping unveiled plans on Monday to cut 200 jobs.";
        assert!(!plan_between(s, at(s, "unveiled"), at(s, "Monday")));
    }

    #[test]
    fn bounds_and_baselines_do_not_date_the_event() {
        assert!(bounds_or_compares("its lowest level since", "2003"));
        // (sentence, date, trigger): a date in a "since" phrase of another happening
        let since = |sent: &str, date: &str, trig: &str| {
            since_baseline(
                sent,
                sent.find(date).unwrap_or(0),
                sent.find(trig).unwrap_or(0),
            )
        };
        for (sent, date, trig, want) in [
            (
                "The worst violence in Norby since riots in 2029 hit the port.",
                "2029",
                "violence",
                true,
            ),
            // the only trigger inside the phrase: a baseline after a superlative, else
            // the happening the phrase names
            (
                "The worst violence in Norby since riots in 2029 hit the port.",
                "2029",
                "riots",
                true,
            ),
            (
                "Norby has been calm since riots in 2029.",
                "2029",
                "riots",
                false,
            ),
            (
                "The protest was the biggest since the premier took office last October.",
                "last October",
                "protest",
                true,
            ),
            (
                "Varga is 10-5-2 since knocking out Larsen in 2029.",
                "2029",
                "is",
                true,
            ),
            (
                "Police arrested 12 people since the riots began in March.",
                "March",
                "arrested",
                true,
            ),
            (
                "Since the worst storm in years, the dam was rebuilt in 2030.",
                "2030",
                "rebuilt",
                false,
            ),
            (
                "The worst riots since 2029 broke out in Norby on Thursday.",
                "Thursday",
                "riots",
                false,
            ),
            (
                "The first arrests since the unrest began were made in Portvale on Friday.",
                "Friday",
                "arrests",
                false,
            ),
            (
                "Tom Ruse has been held since his arrest on Monday.",
                "Monday",
                "arrest",
                false,
            ),
        ] {
            assert_eq!(since(sent, date, trig), want, "{sent}");
        }
        assert!(bounds_or_compares("seeking to cut 31,500 jobs by", "2012"));
        assert!(bounds_or_compares("sales were up from", "2009"));
        assert!(!bounds_or_compares(
            "six suspects detained since",
            "2023-06-05"
        ));
        assert!(!bounds_or_compares("the bomb went off on", "2023-06-03"));
        assert!(!bounds_or_compares("", "2023-06-03"));
        // the start of a span counted off dates nothing of the sentence
        assert!(bounds_or_compares(
            "Varga resigned less than two years after that day in",
            "2029-10"
        ));
        assert!(!bounds_or_compares(
            "Varga resigned the day after his arrest in",
            "2029-10"
        ));
    }

    #[test]
    fn a_year_naming_a_thing_dates_no_event() {
        // the first four-digit number of the sentence is the year looked at
        let names = |t: &str| {
            let at = t
                .char_indices()
                .find(|(i, _)| {
                    t.get(*i..i + 4)
                        .is_some_and(|y| y.bytes().all(|b| b.is_ascii_digit()))
                })
                .map_or(0, |(i, _)| i);
            names_a_thing(t, at, at + 4)
        };
        assert!(names("Police stopped his 2029 Falcon after the crash."));
        assert!(names(
            "The Chiefs lost and kept the first pick in the 2031 League Draft."
        ));
        assert!(names("It was their worst loss of the 2029-30 season."));
        assert!(names(
            "The loss let the Portvale Rovers join the Norby Lions of 2028 as a winless side."
        ));
        assert!(!names(
            "The harbour was closed in March of 2028 after the fire."
        ));
        assert!(!names(
            "The Portvale Market Bombing of 2028 killed 23 people."
        ));
        assert!(!names(
            "By the Spring of 2028, Olek Varga had robbed three banks."
        ));
        assert!(names(
            "The bodies were found at 2088 Harbour Street on Tuesday."
        ));
        assert!(!names("In 2029 Nichols escaped from the courthouse."));
        assert!(names(
            "Owners have duties under the Regulatory Reform (Fire Safety) Order 2025."
        ));
        // an attributive date names its noun's happening; a framing or subject one
        // dates the sentence
        let attr = |t: &str, y: &str| {
            t.find(y)
                .and_then(|at| attributive_class(t, at, at + y.len()))
        };
        assert_eq!(
            attr(
                "A co-worker has been charged in the 1997 slayings in Norby.",
                "1997"
            ),
            Some("attack")
        );
        assert_eq!(
            attr(
                "A jury convicted a man charged in an April 2027 shooting.",
                "April 2027"
            ),
            Some("attack")
        );
        assert_eq!(
            attr(
                "The attack is the worst since the 2019 Portvale market bombing.",
                "2019"
            ),
            None
        );
        assert_eq!(
            attr(
                "After the 2019 market bombing, Doravia accused Marvania.",
                "2019"
            ),
            None
        );
        assert_eq!(
            attr(
                "The 2019 bombing of the market was blamed on militants.",
                "2019"
            ),
            None
        );
        // a comparison is a baseline, not the happening's time
        assert!(bounds_or_compares(
            "The campaign was quiet, in contrast with the",
            "2027-02"
        ));
        assert!(bounds_or_compares(
            "The violence was similar to that seen in the",
            "2028-12"
        ));
        // a year naming a thing that is no happening
        let other = |t: &str| {
            t.find(|c: char| c.is_ascii_digit())
                .is_some_and(|at| year_names_other(t, at, at + 4))
        };
        assert!(other("Films are shot, so the 2030 slate will suffer."));
        assert!(other(
            "He feigned illness to escape a 1997 police-bribery case."
        ));
        // a happening, or a period or contest the happening falls in, dates it
        assert!(!other("Police charged Olek Varga in the 1997 slayings."));
        assert!(!other(
            "After the 2019 market bombing, Doravia accused Marvania."
        ));
        assert!(!other("Larsen was suspended for the 2029 season."));
        assert!(!other("Ada Brenn won the 2030 election by far."));
        assert!(!other(
            "Her husband was killed in a 2029 accident at the port."
        ));
        assert!(!other("Varga was arrested in a 2027 raid on the depot."));
        assert!(!other(
            "The feud began with the 2029 shootings at the market."
        ));
        assert!(!other(
            "Brenn was elected in the 2030 primary and took office."
        ));
        // on the timeline: the crash sentence is not dated 2029
        let body = "A year ago, police stopped his 2029 Bentley after the crash. \
                    The 2019 Portvale market bombing killed 23 people.";
        let a = crate::fixtures::Doc::new("a", None, "t", body)
            .time("A year ago", "XXXX")
            .time("2029", "2029")
            .time("2019", "2019")
            .done();
        let refs = vec![&a];
        let table = crate::entities::canonical_entities(&refs, &crate::AliasKb::default(), "s-");
        let tl = timeline(&refs, &table, "s-");
        let dates: Vec<String> = tl
            .events
            .iter()
            .filter_map(|e| e.date.as_ref().map(|d| d.value.clone()))
            .collect();
        assert!(!dates.contains(&"2029".to_string()), "{dates:?}");
        assert!(dates.contains(&"2019".to_string()), "{dates:?}");
    }

    #[test]
    fn event_anchor_resolved_on_the_story_timeline() {
        let body = "A warning came on June 1, two days before the bombing. It named no target.";
        let mut a = crate::fixtures::Doc::new("w", Some("2023-06-05"), "t", body)
            .time("two days before the bombing", "2023-05-30")
            .done();
        for m in &mut a.times {
            m.anchor = Some("previous".to_string());
        }
        let blast = Event {
            id: "e1".into(),
            date: Some(DateValue::new("2023-06-03", DateBasis::Text)),
            text: "bomb exploded".into(),
            entities: vec![],
            evidence: vec![corroborate_model::Evidence {
                source: "other".into(),
                start: 0,
                end: 40,
                text: "A bomb exploded in the concert hall foyer.".into(),
            }],
            role: Some("main".into()),
        };
        assert!(anchor_on_story(&mut a, std::slice::from_ref(&blast)));
        let m = a.times.first();
        assert_eq!(m.map(|m| m.value.as_str()), Some("2023-06-01"));
        assert_eq!(m.and_then(|m| m.anchor.as_deref()), Some("event"));
        // already on its event: left alone
        assert!(!anchor_on_story(&mut a, &[blast]));
    }

    #[test]
    fn only_before_after_a_noun_is_an_undated_event_anchor() {
        let mk = |text: &str, anchor: &str| corroborate_model::TimeMention {
            start: 0,
            end: text.len(),
            text: text.into(),
            kind: TimeType::DATE,
            value: "2023-06-01".into(),
            anchor: Some(anchor.into()),
            duration: None,
        };
        let noun = |t: &str, a: &str| undated_event_noun(&mk(t, a));
        assert_eq!(
            noun("the night before the concert", "dct"),
            Some("concert".into())
        );
        assert_eq!(noun("a week prior to the vote", "dct"), Some("vote".into()));
        assert_eq!(noun("the night before the concert", "event"), None);
        assert_eq!(noun("two days later", "previous"), None);
        assert_eq!(noun("the day before June 3", "dct"), None);
        assert_eq!(
            noun("the month before the break-in", "previous"),
            Some("break-in".into())
        );
    }

    fn neighbour_doc(body: &str, anchor: &str) -> Annotations {
        let mut a = crate::fixtures::Doc::new("n", Some("2024-03-06"), "t", body)
            .time("on Monday", "2024-03-04")
            .done();
        for m in &mut a.times {
            m.anchor = Some(anchor.to_string());
        }
        a
    }

    #[test]
    fn previous_sentence_dates_a_bare_past_event() {
        let body =
            "Shares of Acme fell on Monday. The company closed two plants. Acme will hire later.";
        let doc = neighbour_doc(body, "dct");
        let sents = text::sentences(&doc);
        let (prev, second) = (sents.first().copied(), sents.get(1).copied());
        let second = second.unwrap_or(Span::new(0, 0));
        let trig = second.slice(body).find("closed").unwrap_or(0);
        assert_eq!(
            neighbour_date(&doc, prev, second, trig).as_deref(),
            Some("2024-03-04")
        );
        // Only dates resolved against the publication date, only within a paragraph.
        let abs = neighbour_doc(body, "absolute");
        assert_eq!(neighbour_date(&abs, prev, second, trig), None);
        let split = neighbour_doc(&body.replacen(". The", ".\n\nThe", 1), "dct");
        let ss = text::sentences(&split);
        let (p2, s2) = (
            ss.first().copied(),
            ss.get(1).copied().unwrap_or(Span::new(0, 0)),
        );
        let t2 = s2.slice(&split.source.text).find("closed").unwrap_or(0);
        assert_eq!(neighbour_date(&split, p2, s2, t2), None);
        // In the timeline the bare sentence is evidence of the dated event.
        let refs = vec![&doc];
        let table = crate::entities::canonical_entities(&refs, &AliasKb::default(), "s1-");
        let tl = timeline(&refs, &table, "s1-");
        assert!(tl.event_of_sentence("n", second.start).is_some());
        let ev = tl
            .event_of_sentence("n", second.start)
            .and_then(|i| tl.events.get(i));
        assert_eq!(
            ev.and_then(|e| e.date.as_ref()).map(|d| d.value.as_str()),
            Some("2024-03-04")
        );
        // No sentence is dated by the publication day alone.
        assert!(
            tl.events
                .iter()
                .all(|e| e.date.as_ref().map(|d| d.value.as_str()) != Some("2024-03-06"))
        );
    }

    #[test]
    fn triggers_by_priority() {
        // (sentence, class)
        let cases: &[(&str, Option<&str>)] = &[
            ("The militia claimed the attack on Sunday.", Some("claim")),
            ("A bomb exploded.", Some("attack")),
            ("The weather was fine.", None),
            // happenings of a life: a death, a stay in hospital or rehab
            (
                "Ada Brenn checked into a Norby rehab clinic on Thursday.",
                Some("life"),
            ),
            ("Tom Ruse died on Tuesday.", Some("life")),
            // an attack that killed comes first; "the injured" is no trigger
            (
                "The bomb killed three people and a fourth died in hospital.",
                Some("attack"),
            ),
            ("Dozens of the injured were in a critical condition.", None),
            // idioms, and the same words meant literally
            (
                "Norby government under fire over its handling of the crisis",
                None,
            ),
            (
                "The ruling Harbour Party will contest the vote.",
                Some("politics"),
            ),
            ("The court issued its ruling on Friday.", Some("legal")),
            ("Judge Tom Ruse issued a ruling Monday.", Some("legal")),
            (
                "An aid convoy came under fire near Norby on Monday.",
                Some("attack"),
            ),
            (
                "Shares in Portvale Shipping declined to 40 pence.",
                Some("economy"),
            ),
            (
                "Auditors checked the Portvale harbour accounts on Monday.",
                None,
            ),
            // thefts, violence and captures are happenings; their idioms are not
            (
                "Four robbers stole watches from a Norby jeweller on Monday.",
                Some("attack"),
            ),
            (
                "The Portvale heist netted two million euros.",
                Some("attack"),
            ),
            (
                "Riot police were hurt in clashes on Friday.",
                Some("attack"),
            ),
            (
                "Navy commandos captured the pirates on Tuesday.",
                Some("arrest"),
            ),
            ("The fight was captured on video by a passer-by.", None),
            (
                "Tom Ruse was captured on Monday in a Norby flat.",
                Some("arrest"),
            ),
            (
                "Olek Varga was fired at a board meeting on Thursday.",
                Some("action"),
            ),
            (
                "Portvale Shipping fired several dock workers on Wednesday.",
                Some("action"),
            ),
            ("Ada Brenn felt guilty about the delays.", None),
            ("Tom Ruse pleaded not guilty on Monday.", Some("legal")),
            ("Ada Brenn stole the show at the Norby gala.", None),
            // blows, disasters, outages; "struck" only after what strikes or before "by"
            (
                "A van rammed the Portvale police station on Friday.",
                Some("attack"),
            ),
            ("Ada Brenn was struck by a car on Monday.", Some("attack")),
            (
                "A strong quake struck the Norby coast on Sunday.",
                Some("attack"),
            ),
            ("Portvale struck a deal with the union on Monday.", None),
            (
                "A power outage halted Norby trams on Tuesday.",
                Some("disruption"),
            ),
            ("Ada Brenn was struck by the silence in the hall.", None),
            ("Lightning struck twice for Tom Ruse at the polls.", None),
            ("A tip led to an arrest in Norby on Friday.", Some("arrest")),
            (
                "After a reward was offered, police made an arrest in Norby.",
                Some("arrest"),
            ),
            (
                "Police raided a Portvale flat on Wednesday.",
                Some("arrest"),
            ),
            // a denial of responsibility is no claim of it
            (
                "The Norby Front denied responsibility for the attack on Saturday.",
                Some("denial"),
            ),
            ("Police called it off on Monday.", Some("action")),
            // naming is no happening; calling off or calling a strike is
            ("Mob experts called him a traditional boss.", None),
            (
                "The union called a strike at the Norby docks.",
                Some("strike"),
            ),
            ("Portvale called off the match on Monday.", Some("action")),
            // a claim is one of responsibility, not an assertion
            (
                "The militia claimed responsibility for the Norby blast on Sunday.",
                Some("claim"),
            ),
            ("The NLF claimed the attack on Sunday.", Some("claim")),
            ("Tom Ruse claimed that the mayor knew of the plan.", None),
            // governing is no ruling; shots counted are still shots
            ("Olek Varga ruled Norby for two decades.", None),
            (
                "The court ruled on Monday that Tom Ruse must pay.",
                Some("legal"),
            ),
            (
                "Officers fired a total of 11 rounds at the car on Saturday.",
                Some("attack"),
            ),
            // an illness is no attack
            ("Ada Brenn suffered a heart attack in Portvale.", None),
            // a fall to one's death is a death, not a price
            (
                "Two climbers fell to their deaths near Norby on Sunday.",
                Some("life"),
            ),
            ("Norby shares fell 4% on Monday.", Some("economy")),
            // a headline tells a past happening in the present tense
            ("Gunman kills two at Norby office", Some("attack")),
            ("Portvale defeats Norby 65-53 in cup final", Some("action")),
            ("Norby Navy captures 26 pirates", Some("arrest")),
            // a plural noun is no headline verb; a death waited for is none
            (
                "Ada Brenn and Tom Ruse, recent hosts, are both famous.",
                None,
            ),
            ("He kept the secret until he died.", None),
            ("Ada Brenn ran Norby until her death in 2020.", Some("life")),
            ("Larsen was pronounced dead on Tuesday.", Some("life")),
            ("The crowd was bored to death.", None),
            ("He could fall to his death on that ridge.", None),
            // in body text the present tense tells habits and schedules
            ("Malaria kills 200 people in Norby each year.", None),
            ("The Norby clinic sells vaccines at cost.", None),
            ("A climber fell to his death near Norby.", Some("life")),
            (
                "Ada Brenn watched her brother fall to his death.",
                Some("life"),
            ),
            ("Norby shares could fall to 40 pence.", None),
            // a death told by a state, a noun or "passed away"; not "passed the bill"
            (
                "Ada Brenn passed away in Portvale on Thursday.",
                Some("life"),
            ),
            (
                "The Norby council passed the budget on Thursday.",
                Some("action"),
            ),
            ("Tom Ruse succumbed to his injuries.", Some("life")),
            (
                "A Portvale climber is presumed dead after a fall.",
                Some("life"),
            ),
            ("Her death was confirmed by her agent.", Some("life")),
            ("Tom Ruse faces the death penalty.", None),
            ("The talks hit a dead end.", None),
            ("Olek Varga received death threats.", None),
            // an appeal's hoped-for arrest is none
            (
                "A bomb killed two officers, police said, offering a reward for \
                 information leading to an arrest.",
                Some("attack"),
            ),
            ("Police made an arrest in Norby on Friday.", Some("arrest")),
            // the claim a denial rejects is no claim; an accusation is a blame
            (
                "Norby's foreign ministry again denied the claim on Monday.",
                Some("denial"),
            ),
            (
                "Ada Brenn repeated her accusation that Norby was behind the fire.",
                Some("blame"),
            ),
            // an older happening a year dates comes after the sentence's own
            (
                "Ada Brenn checked into a Norby clinic as part of a sentence for a 2029 car \
                 crash case.",
                Some("life"),
            ),
            ("Tom Ruse was found guilty of the killings.", Some("legal")),
            // participles as adjectives are no triggers; "fired" is a shooting or a
            // dismissal by what follows
            ("The slain guard's family thanked the town.", None),
            ("The two wounded men are in hospital.", None),
            ("Officers fired at the car on Saturday.", Some("attack")),
            ("Portvale fired its coach on Monday.", Some("action")),
            // an older happening referred to
            ("Tom Ruse was on probation for a previous DUI arrest.", None),
            (
                "Tom Ruse was found dead in his cell on Tuesday.",
                Some("life"),
            ),
            ("Police found a device near the Norby bank.", None),
            // sports and ceremonies are happenings too
            (
                "Varga knocked out Larsen in the sixth round on Saturday.",
                Some("action"),
            ),
            ("Volunteers knocked on doors in Norby on Saturday.", None),
            ("Portvale beat Norby 3-1 on Sunday.", Some("action")),
            (
                "If Portvale beat Norby on Sunday, the club will top the table.",
                None,
            ),
            ("The expectations placed upon Tom Ruse seemed unfair.", None),
            ("The Norby family retained a lawyer.", None),
            ("Ada Brenn has hosted the Norby gala twice.", None),
        ];
        for &(t, class) in cases {
            assert_eq!(trigger_class(t).map(|x| x.0), class, "{t}");
        }
        // a trigger outside a relative clause comes first, else the clause's
        let s = "The man who killed four people in Norby was sentenced on Saturday.";
        assert_eq!(
            trigger_class(s).map(|(c, at)| (c, s.get(at..at + 9))),
            Some(("legal", Some("sentenced")))
        );
        let s = "Police seek the man who shot two people on Friday.";
        assert_eq!(trigger_class(s).map(|x| x.0), Some("attack"));
        let s = "She declined to say whether the men belonged to the group, which claimed \
                 the bombing.";
        assert_eq!(trigger_class(s).map(|x| x.0), Some("claim"));
    }

    #[test]
    fn an_event_anchored_date_standing_in_for_an_undated_event_dates_nothing() {
        // "two days after the quake", no quake dated anywhere: the tagger resolved it
        // against the publication date only as a stand-in (anchor "dct").
        let text = "Rescuers reached the flooded village two days after the quake.";
        let with_anchor = |anchor: &str| {
            let mut d = crate::fixtures::Doc::new("a", Some("2031-05-10"), "t", text)
                .time("two days after the quake", "2031-05-12")
                .done();
            for m in &mut d.times {
                m.anchor = Some(anchor.to_string());
            }
            d
        };
        let dated_days = |d: Annotations| -> Vec<String> {
            let refs = vec![&d];
            let table =
                crate::entities::canonical_entities(&refs, &crate::AliasKb::default(), "s1-");
            timeline(&refs, &table, "s1-")
                .events
                .iter()
                .filter_map(|e| e.date.as_ref().map(|x| x.value.clone()))
                .collect()
        };
        assert!(!dated_days(with_anchor("dct")).contains(&"2031-05-12".to_string()));
        // Once the quake is dated on the story's timeline, the date counts.
        assert!(dated_days(with_anchor("event")).contains(&"2031-05-12".to_string()));
    }

    #[test]
    fn a_spelled_out_date_beside_this_morning_wins() {
        // posted two days later, quoting a statement: "this morning, 16 August"
        let text = "The cable operator said the line was cut this morning 16th August \
                    near Portvale.";
        let d = crate::fixtures::Doc::new("a", Some("2031-08-18"), "t", text)
            .time("this morning", "2031-08-18")
            .time("16th August", "2031-08-16")
            .done();
        let mut d = d;
        for m in &mut d.times {
            m.anchor = Some("dct".to_string());
        }
        let refs = vec![&d];
        let table = crate::entities::canonical_entities(&refs, &crate::AliasKb::default(), "s1-");
        let days: Vec<String> = timeline(&refs, &table, "s1-")
            .events
            .iter()
            .filter_map(|e| e.date.as_ref().map(|x| x.value.clone()))
            .collect();
        assert_eq!(days, vec!["2031-08-16".to_string()]);
        // a date closing the clause before "today" is another time
        let text = "The strike began on 2 August, today workers voted to end it.";
        let mut d = crate::fixtures::Doc::new("a", Some("2031-08-18"), "t", text)
            .time("2 August", "2031-08-02")
            .time("today", "2031-08-18")
            .done();
        for m in &mut d.times {
            m.anchor = Some("dct".to_string());
        }
        let today = d.times.iter().find(|m| m.text == "today").cloned();
        assert!(today.is_some_and(|m| !spelled_out_beside(&d, &m)));
    }

    #[test]
    fn in_a_story_dated_only_by_inference_old_years_are_background() {
        let text = "A bomb exploded at the Portvale market in 2027, killing nine. \
                    A fire destroyed the Norby depot in 2029.";
        let make = |published: Option<DateValue>| {
            let mut d = crate::fixtures::Doc::new("a", None, "t", text)
                .time("2027", "2027")
                .time("2029", "2029")
                .done();
            d.source.published = published;
            d
        };
        let roles = |d: Annotations| -> Vec<Option<String>> {
            let refs = vec![&d];
            let table =
                crate::entities::canonical_entities(&refs, &crate::AliasKb::default(), "s1-");
            timeline(&refs, &table, "s1-")
                .events
                .iter()
                .map(|e| e.role.clone())
                .collect()
        };
        // no date at all: the events' own median is the reference, one is the story
        assert!(
            roles(make(None))
                .iter()
                .any(|r| r.as_deref() == Some("main"))
        );
        // inferred "on or after 2031-02-01": both years are background
        let mut inferred = DateValue::new("2031-02-01", DateBasis::Inferred);
        inferred.open_ended = true;
        let r = roles(make(Some(inferred)));
        assert!(!r.is_empty());
        assert!(
            r.iter().all(|r| r.as_deref() == Some("background")),
            "{r:?}"
        );
        // one late follow-up does not make the story's happening background: the day
        // at least two sources reach is the reference
        let page = |id: &str, text: &str, day: &str| {
            let mut d = crate::fixtures::Doc::new(id, None, "t", text)
                .time("3 May 2031", "2031-05-03")
                .done();
            let mut p = DateValue::new(day, DateBasis::Inferred);
            p.open_ended = true;
            d.source.published = Some(p);
            d
        };
        let bomb = "A bomb exploded at the Portvale market on 3 May 2031, killing nine.";
        let later = "Varga was sentenced for the bomb of 3 May 2031 at the Portvale market.";
        let docs = [
            page("a", bomb, "2031-05-04"),
            page("b", bomb, "2031-05-05"),
            page("c", later, "2033-03-02"),
        ];
        let tl = timeline_of(&docs);
        let blast = tl
            .events
            .iter()
            .find(|e| e.date.as_ref().is_some_and(|d| d.value == "2031-05-03"));
        assert_eq!(blast.and_then(|e| e.role.as_deref()), Some("main"));
    }

    #[test]
    fn the_main_event_is_what_most_sources_tell() {
        let strike = "Dock workers in Portvale went on strike on 3 May 2031.";
        let mut docs: Vec<Annotations> = (0..3)
            .map(|i| {
                crate::fixtures::Doc::new(&format!("d{i}"), Some("2031-05-04"), "t", strike)
                    .time("3 May 2031", "2031-05-03")
                    .done()
            })
            .collect();
        docs.push(
            crate::fixtures::Doc::new(
                "x",
                Some("2031-05-04"),
                "t",
                "A bomb exploded at a Norby depot on 2 May 2031.",
            )
            .time("2 May 2031", "2031-05-02")
            .done(),
        );
        let tl = timeline_of(&docs);
        let main = tl.main_event().and_then(|i| tl.events.get(i));
        assert_eq!(
            main.and_then(|e| e.date.as_ref()).map(|d| d.value.as_str()),
            Some("2031-05-03")
        );
    }

    #[test]
    fn blast_merged_across_sources_and_background_apart() {
        let (_, tl) = build();
        let blast = tl
            .events
            .iter()
            .zip(&tl.classes)
            .find(|(e, c)| {
                c.as_str() == "attack"
                    && e.date.as_ref().map(|d| d.value.as_str()) == Some("2023-06-03")
            })
            .map(|(e, _)| e);
        let sources: BTreeSet<&str> = blast
            .map(|e| e.evidence.iter().map(|v| v.source.as_str()).collect())
            .unwrap_or_default();
        assert!(
            sources.contains("mpa") && sources.contains("herald") && sources.contains("observer")
        );
        assert_eq!(blast.and_then(|e| e.role.as_deref()), Some("main"));
        assert!(blast.is_some_and(|e| e.text.len() <= 170 && !e.entities.is_empty()));
        let old = tl
            .events
            .iter()
            .find(|e| e.date.as_ref().map(|d| d.value.as_str()) == Some("2019"));
        assert_eq!(old.and_then(|e| e.role.as_deref()), Some("background"));
        // Sorted by date, ids in order.
        let dates: Vec<String> = tl
            .events
            .iter()
            .filter_map(|e| e.date.as_ref().map(|d| d.value.clone()))
            .collect();
        let mut sorted = dates.clone();
        sorted.sort();
        assert_eq!(dates, sorted);
        assert_eq!(tl.events.first().map(|e| e.id.as_str()), Some("s1-ev1"));
        assert!(
            tl.main_event()
                .is_some_and(|i| tl.classes.get(i).map(String::as_str) == Some("attack")
                    && !tl.is_background(i))
        );
        // The claim on Sunday 4 June is an event.
        assert!(
            tl.events
                .iter()
                .zip(&tl.classes)
                .any(|(e, c)| c.as_str() == "claim"
                    && e.date.as_ref().map(|d| d.value.as_str()) == Some("2023-06-04"))
        );
    }

    #[test]
    fn an_undated_report_joins_the_event_other_articles_date() {
        use crate::fixtures::Doc;
        use corroborate_model::EntityType;
        let dated = Doc::new(
            "a",
            Some("2031-05-04"),
            "t",
            "A bomb exploded at the Portvale concert hall on 3 May 2031, killing twelve \
             people and wounding forty.",
        )
        .ent("Portvale", EntityType::LOC)
        .time("3 May 2031", "2031-05-03")
        .done();
        let undated = Doc::new(
            "b",
            None,
            "t",
            "The bomb that exploded at the Portvale concert hall killed twelve people. \
             Police said that the bomb at the Portvale concert hall had been large. \
             Residents fear another bomb will explode at the Portvale concert hall. \
             It killed twelve people at the Portvale concert hall.",
        )
        .ent("Portvale", EntityType::LOC)
        .done();
        // Published before the blast: it cannot report it.
        let older = Doc::new(
            "c",
            Some("2031-04-20"),
            "t",
            "A bomb exploded at the Portvale concert hall, killing twelve people.",
        )
        .ent("Portvale", EntityType::LOC)
        .done();
        let docs = [dated, undated, older];
        let tl = timeline_of(&docs);
        let blast = tl
            .events
            .iter()
            .find(|e| e.date.as_ref().is_some_and(|d| d.value == "2031-05-03"));
        let sources: Vec<(&str, &str)> = blast
            .map(|e| {
                e.evidence
                    .iter()
                    .map(|ev| (ev.source.as_str(), ev.text.as_str()))
                    .collect()
            })
            .unwrap_or_default();
        assert!(
            sources
                .iter()
                .any(|(s, t)| *s == "b" && t.starts_with("The bomb that exploded")),
            "{sources:?}"
        );
        assert!(
            !sources.iter().any(|(s, t)| *s == "c"
                || t.starts_with("Police said")
                || t.starts_with("Residents fear")
                // what "it" is, the sentence before says
                || t.starts_with("It killed")),
            "{sources:?}"
        );
    }

    #[test]
    fn a_happening_no_article_dates_is_one_undated_event_with_all_its_evidence() {
        use crate::fixtures::Doc;
        use corroborate_model::EntityType;
        let a = Doc::new(
            "a",
            None,
            "t",
            "A fire destroyed the old Norby river warehouse and its boats. \
             The driver was arrested at the Norby depot. \
             A vigil for the crews of the Norby river boats is planned at the old quay.",
        )
        .ent("Norby", EntityType::LOC)
        .done();
        let b = Doc::new(
            "b",
            None,
            "t",
            "The old Norby river warehouse was gutted by a fire that spread to its boats. \
             The fire could not be explained. \
             A vigil for the crews of the Norby river boats is planned at the old quay.",
        )
        .ent("Norby", EntityType::LOC)
        .done();
        let c = Doc::new(
            "c",
            None,
            "t",
            "Engineers said a fire destroyed the old Norby river warehouse and its boats. \
             I saw the fire at the old Norby river warehouse and its boats.",
        )
        .ent("Norby", EntityType::LOC)
        .done();
        let docs = [a, b, c];
        let tl = timeline_of(&docs);
        let undated: Vec<&Event> = tl.events.iter().filter(|e| e.date.is_none()).collect();
        assert_eq!(undated.len(), 1, "{:?}", tl.events);
        let sources: BTreeSet<&str> = undated
            .iter()
            .flat_map(|e| e.evidence.iter().map(|v| v.source.as_str()))
            .collect();
        assert_eq!(sources, BTreeSet::from(["a", "b"]), "{undated:?}");
        let texts: Vec<&str> = undated
            .iter()
            .flat_map(|e| e.evidence.iter().map(|v| v.text.as_str()))
            .collect();
        // a report ("Engineers said ..."), a negated sentence and a first-person one
        // are no evidence; a happening one article tells (the arrest) is no event
        assert!(
            !texts.iter().any(|t| t.starts_with("Engineers")
                || t.contains("could not")
                || t.starts_with("I saw")
                || t.contains("arrested")),
            "{texts:?}"
        );
        assert_eq!(
            undated.first().and_then(|e| e.role.as_deref()),
            Some("main")
        );
    }

    #[test]
    fn undated_denials_of_one_actor_are_one_event() {
        use corroborate_model::EntityType;
        let ents = [("Norby", EntityType::LOC), ("Portvale", EntityType::LOC)];
        let page = |id: &str, text: &str| undated_page(id, text, &ents);
        let docs = [
            page(
                "a",
                "Norby has denied any role and says the gang acted alone. \
                 Portvale denied any role in the fire.",
            ),
            page(
                "b",
                "Norby's foreign ministry in the capital denied any role, calling the \
                 charges baseless lies spread by rivals.",
            ),
        ];
        let tl = timeline_of(&docs);
        let with = |src: &str, start: &str| {
            tl.events.iter().position(|e| {
                e.evidence
                    .iter()
                    .any(|v| v.source == src && v.text.starts_with(start))
            })
        };
        // the same actor's denial in two articles, on a few shared words (the name,
        // the trigger and one more)
        assert!(with("a", "Norby has").is_some(), "{:?}", tl.events);
        assert_eq!(
            with("a", "Norby has"),
            with("b", "Norby's"),
            "{:?}",
            tl.events
        );
        // another actor's denial is another act
        assert_ne!(
            with("a", "Portvale"),
            with("b", "Norby's"),
            "{:?}",
            tl.events
        );
        // "accused in" is a legal status, no act of blaming: no actor to join on
        let page = |id: &str, text: &str| undated_page(id, text, &[("Ruse", EntityType::PER)]);
        let docs = [
            page("a", "Ruse, accused in the harbour fire, cooks."),
            page("b", "Ruse accused colleagues of spraying him."),
            page("c", "Ruse accused the colleagues of spraying."),
        ];
        let tl = timeline_of(&docs);
        let with = |src: &str| event_of(&tl, src);
        assert!(with("b").is_some(), "{:?}", tl.events);
        assert_eq!(with("b"), with("c"), "{:?}", tl.events);
        assert_ne!(with("a"), with("b"), "{:?}", tl.events);
    }

    #[test]
    fn a_charge_with_a_gerund_tells_the_gerunds_date() {
        use crate::fixtures::Doc;
        use corroborate_model::EntityType;
        let page = |id: &str, text: &str, times: &[(&str, &str)]| {
            let mut d = Doc::new(id, Some("2031-07-29"), "t", text)
                .ent("Ada Brenn", EntityType::PER)
                .ent("Tom Ruse", EntityType::PER);
            for (x, v) in times {
                d = d.time(x, v);
            }
            d.done()
        };
        let docs = [
            page(
                "a",
                "Tom Ruse was charged with murdering Ada Brenn on June 24.",
                &[("on June 24", "2031-06-24")],
            ),
            page(
                "b",
                "Ada Brenn was killed in her Portvale home on June 24.",
                &[("on June 24", "2031-06-24")],
            ),
            page(
                "c",
                "Tom Ruse was charged on Monday with murdering Ada Brenn on June 24.",
                &[("on Monday", "2031-07-28"), ("on June 24", "2031-06-24")],
            ),
        ];
        let tl = timeline_of(&docs);
        let on = |src: &str| {
            tl.events
                .iter()
                .find(|e| e.evidence.iter().any(|v| v.source == src))
                .and_then(|e| e.date.as_ref().map(|d| d.value.clone()))
        };
        // the killing's date, with the killing's reports
        let at = |src: &str| event_of(&tl, src);
        assert_eq!(on("a").as_deref(), Some("2031-06-24"), "{:?}", tl.events);
        assert_eq!(at("a"), at("b"), "{:?}", tl.events);
        // a charge dated itself stays the charge
        assert_eq!(on("c").as_deref(), Some("2031-07-28"), "{:?}", tl.events);
        // and so does one whose weekday comes last: the main verb's date
        let docs = [page(
            "d",
            "Tom Ruse was charged with murdering Ada Brenn on Monday.",
            &[("on Monday", "2031-07-28")],
        )];
        let tl = timeline_of(&docs);
        assert_eq!(
            tl.classes.first().map(String::as_str),
            Some("legal"),
            "{:?}",
            tl.events
        );
    }

    #[test]
    fn another_happening_of_the_kind_one_page_tells_is_background() {
        use corroborate_model::EntityType;
        let robbery = |id: &str| {
            one_page(
                id,
                "2031-05-06",
                "Robbers stole jewels from the Portvale museum on Monday.",
                ("Portvale", EntityType::LOC),
                ("on Monday", "2031-05-05"),
            )
        };
        let docs = [
            robbery("a"),
            robbery("b"),
            robbery("c"),
            one_page(
                "d",
                "2031-05-06",
                "Robbers also stole paintings from a Norby gallery on Saturday.",
                ("Norby", EntityType::LOC),
                ("on Saturday", "2031-05-03"),
            ),
            one_page(
                "e",
                "2031-05-06",
                "Insurers warned Norby galleries on Saturday.",
                ("Norby", EntityType::LOC),
                ("on Saturday", "2031-05-03"),
            ),
        ];
        let tl = timeline_of(&docs);
        let role = |src: &str| {
            event_of(&tl, src)
                .and_then(|i| tl.events.get(i))
                .and_then(|e| e.role.clone())
        };
        assert_eq!(role("a").as_deref(), Some("main"), "{:?}", tl.events);
        // another robbery, elsewhere, the days before: context
        assert_eq!(role("d").as_deref(), Some("background"), "{:?}", tl.events);
        // a lead-up of another kind stays the story's
        assert_eq!(role("e").as_deref(), Some("main"), "{:?}", tl.events);
    }

    #[test]
    fn an_explanation_dates_the_report_not_the_shooting() {
        use corroborate_model::EntityType;
        let shot = |id: &str| {
            one_page(
                id,
                "2031-03-10",
                "Officers shot and killed Tom Ruse in Portvale on Saturday.",
                ("Tom Ruse", EntityType::PER),
                ("on Saturday", "2031-03-08"),
            )
        };
        let docs = [
            shot("a"),
            shot("b"),
            one_page(
                "c",
                "2031-03-10",
                "On Sunday, police explained that officers shot and killed Tom Ruse.",
                ("Tom Ruse", EntityType::PER),
                ("On Sunday", "2031-03-09"),
            ),
        ];
        let tl = timeline_of(&docs);
        assert_eq!(event_of(&tl, "c"), event_of(&tl, "a"), "{:?}", tl.events);
    }

    #[test]
    fn a_report_of_a_death_joins_the_death_of_the_same_person() {
        use corroborate_model::EntityType;
        let died = |id: &str| {
            one_page(
                id,
                "2031-03-12",
                "Ada Brenn died in a Portvale hospital on Monday.",
                ("Ada Brenn", EntityType::PER),
                ("on Monday", "2031-03-10"),
            )
        };
        let report = |id: &str, who: &str| {
            one_page(
                id,
                "2031-03-12",
                &format!("{who} was found dead at her home, it was reported on Wednesday."),
                (who, EntityType::PER),
                ("on Wednesday", "2031-03-12"),
            )
        };
        let docs = [
            died("a"),
            died("b"),
            report("c", "Ada Brenn"),
            // the report of another person's death is not evidence of hers
            report("d", "Olek Varga"),
        ];
        let tl = timeline_of(&docs);
        assert_eq!(event_of(&tl, "c"), event_of(&tl, "a"), "{:?}", tl.events);
        assert_ne!(event_of(&tl, "d"), event_of(&tl, "a"), "{:?}", tl.events);
    }

    #[test]
    fn an_unresolved_day_by_the_trigger_keeps_a_far_date_off_the_happening() {
        use corroborate_model::EntityType;
        let docs = [crate::fixtures::Doc::new(
            "a",
            None,
            "t",
            "A judge sentenced Tom Ruse on Saturday for the killings he committed on \
             March 11, 2029.",
        )
        .ent("Tom Ruse", EntityType::PER)
        .time("on Saturday", "XXXX-XX-XX")
        .time("March 11, 2029", "2029-03-11")
        .done()];
        let tl = timeline_of(&docs);
        assert!(
            tl.events
                .iter()
                .all(|e| e.date.as_ref().is_none_or(|d| d.value != "2029-03-11")),
            "{:?}",
            tl.events
        );
    }

    #[test]
    fn a_weekday_beside_the_trigger_keeps_an_undated_sentence_off_another_day() {
        use corroborate_model::EntityType;
        let named = |id: &str| {
            one_page(
                id,
                "2029-05-24",
                "Tom Ruse was named head coach of the Portvale Pirates on May 23.",
                ("Tom Ruse", EntityType::PER),
                ("May 23", "2029-05-23"),
            )
        };
        let fired = |id: &str| {
            undated_page(
                id,
                "Tom Ruse was fired Saturday as head coach of the Portvale Pirates.",
                &[("Tom Ruse", EntityType::PER)],
            )
        };
        let docs = [named("a"), named("b"), fired("c"), fired("d")];
        let tl = timeline_of(&docs);
        // May 23, 2029 is a Wednesday: the firing of a Saturday is another happening
        assert_ne!(event_of(&tl, "c"), event_of(&tl, "a"), "{:?}", tl.events);
        assert_eq!(event_of(&tl, "c"), event_of(&tl, "d"), "{:?}", tl.events);
    }

    #[test]
    fn a_page_with_no_date_does_not_hide_a_schedule() {
        use corroborate_model::EntityType;
        let text = "Portvale will hold its election on November 22, 2029.";
        let docs = [
            one_page(
                "a",
                "2029-04-10",
                text,
                ("Portvale", EntityType::LOC),
                ("on November 22, 2029", "2029-11-22"),
            ),
            crate::fixtures::Doc::new("b", None, "t", text)
                .ent("Portvale", EntityType::LOC)
                .time("on November 22, 2029", "2029-11-22")
                .done(),
        ];
        let tl = timeline_of(&docs);
        let ev = event_of(&tl, "a").and_then(|i| tl.events.get(i));
        assert_eq!(
            ev.and_then(|e| e.role.as_deref()),
            Some("scheduled"),
            "{ev:?}"
        );
    }

    #[test]
    fn review_cases_of_reports_weekdays_and_schedules() {
        use corroborate_model::EntityType;
        let ruse = ("Tom Ruse", EntityType::PER);
        // a firing reported on Saturday is no evidence of the hiring of Monday
        let named = |id: &str| {
            one_page(
                id,
                "2029-03-06",
                "Tom Ruse was named head coach of the Portvale Pirates on Monday.",
                ruse,
                ("on Monday", "2029-03-05"),
            )
        };
        let fired = one_page(
            "c",
            "2029-03-10",
            "Tom Ruse was fired as head coach, the club said on Saturday.",
            ruse,
            ("on Saturday", "2029-03-10"),
        );
        let tl = timeline_of(&[named("a"), named("b"), fired]);
        assert_ne!(event_of(&tl, "c"), event_of(&tl, "a"), "{:?}", tl.events);

        // the report's weekday is no weekday of the happening
        let fired_thursday = |id: &str| {
            one_page(
                id,
                "2029-03-09",
                "Tom Ruse was fired as head coach of the Portvale Pirates on Thursday.",
                ruse,
                ("on Thursday", "2029-03-08"),
            )
        };
        let said = |id: &str| {
            undated_page(
                id,
                "Tom Ruse was fired, officials said Saturday, as head coach of the Portvale \
                 Pirates.",
                &[ruse],
            )
        };
        let tl = timeline_of(&[
            fired_thursday("a"),
            fired_thursday("b"),
            said("c"),
            said("d"),
        ]);
        assert_eq!(event_of(&tl, "c"), event_of(&tl, "a"), "{:?}", tl.events);

        // a date that restates an unresolved weekday dates the sentence
        let docs = [crate::fixtures::Doc::new(
            "a",
            None,
            "t",
            "Police arrested Tom Ruse in Portvale on Saturday (March 10, 2029).",
        )
        .ent("Tom Ruse", EntityType::PER)
        .time("on Saturday", "XXXX-XX-XX")
        .time("March 10, 2029", "2029-03-10")
        .done()];
        let tl = timeline_of(&docs);
        let ev = event_of(&tl, "a").and_then(|i| tl.events.get(i));
        assert_eq!(
            ev.and_then(|e| e.date.as_ref()).map(|d| d.value.as_str()),
            Some("2029-03-10"),
            "{ev:?}"
        );

        // pages with no date that tell the vote as done: it is no plan
        let text = "Portvale will hold its election on November 22, 2029.";
        let held = |id: &str| {
            crate::fixtures::Doc::new(
                id,
                None,
                "t",
                "Portvale held its election on November 22, 2029, and Ada Brenn won.",
            )
            .ent("Portvale", EntityType::LOC)
            .time("on November 22, 2029", "2029-11-22")
            .done()
        };
        let docs = [
            one_page(
                "a",
                "2029-04-10",
                text,
                ("Portvale", EntityType::LOC),
                ("on November 22, 2029", "2029-11-22"),
            ),
            held("b"),
            held("c"),
        ];
        let tl = timeline_of(&docs);
        let ev = event_of(&tl, "a").and_then(|i| tl.events.get(i));
        assert_eq!(ev.and_then(|e| e.role.as_deref()), Some("main"), "{ev:?}");
    }

    #[test]
    fn baselines_and_unresolved_months_date_nothing() {
        use corroborate_model::EntityType;
        let no_date = |tl: &Timeline, v: &str| {
            tl.events
                .iter()
                .all(|e| e.date.as_ref().is_none_or(|d| d.value != v))
        };
        // the only trigger inside a "since" phrase after a superlative
        let docs = [one_page(
            "a",
            "2031-01-04",
            "Tom Ruse became the first coach since the 2019 merger to win the cup twice.",
            ("Tom Ruse", EntityType::PER),
            ("2019", "2019"),
        )];
        let tl = timeline_of(&docs);
        assert!(no_date(&tl, "2019"), "{:?}", tl.events);
        // an unresolved month right after the trigger is the happening's time
        let docs = [crate::fixtures::Doc::new(
            "a",
            None,
            "t",
            "Portvale awards for the films of 2030 will be announced in January.",
        )
        .ent("Portvale", EntityType::LOC)
        .time("2030", "2030")
        .time("January", "XXXX-01")
        .done()];
        let tl = timeline_of(&docs);
        assert!(no_date(&tl, "2030"), "{:?}", tl.events);
    }

    #[test]
    fn a_negated_happening_is_no_event() {
        use corroborate_model::EntityType;
        let docs = [
            one_page(
                "a",
                "2031-05-06",
                "Portvale police said on Monday that the march had not turned into riots.",
                ("Portvale", EntityType::LOC),
                ("on Monday", "2031-05-05"),
            ),
            one_page(
                "b",
                "2031-05-06",
                "Portvale police said the march turned into riots on Monday.",
                ("Portvale", EntityType::LOC),
                ("on Monday", "2031-05-05"),
            ),
            // a negation of another clause negates nothing of the happening
            one_page(
                "c",
                "2031-05-06",
                "Portvale police would not say how the march turned into riots on Monday.",
                ("Portvale", EntityType::LOC),
                ("on Monday", "2031-05-05"),
            ),
        ];
        let tl = timeline_of(&docs);
        let sources: BTreeSet<&str> = tl
            .events
            .iter()
            .flat_map(|e| e.evidence.iter().map(|v| v.source.as_str()))
            .collect();
        assert_eq!(sources, BTreeSet::from(["b", "c"]), "{:?}", tl.events);
    }

    #[test]
    fn undated_deaths_of_one_person_are_one_event() {
        use corroborate_model::EntityType;
        let ents = [
            ("Ada Brenn", EntityType::PER),
            ("Olek Varga", EntityType::PER),
        ];
        let page = |id: &str, text: &str| undated_page(id, text, &ents);
        let docs = [
            page(
                "a",
                "Ada Brenn, the singer whose ballads filled the halls of three continents, \
                 died on Thursday in a Portvale hospital.",
            ),
            page(
                "b",
                "Ada Brenn died in hospital at the age of 85 after a long illness in Norby \
                 where she had lived for years, her agent said.",
            ),
            page(
                "c",
                "Olek Varga died in hospital at the age of 85 after a long illness in Norby \
                 where he had lived for years, his agent said.",
            ),
        ];
        let tl = timeline_of(&docs);
        let with = |src: &str| event_of(&tl, src);
        // two shared words besides the name would not do; the same person does
        assert!(with("a").is_some(), "{:?}", tl.events);
        assert_eq!(with("a"), with("b"), "{:?}", tl.events);
        // another person's death is another happening
        assert_ne!(with("b"), with("c"), "{:?}", tl.events);
    }

    #[test]
    fn one_actor_is_not_enough_for_one_act() {
        use corroborate_model::EntityType;
        let apart = |a: &str, b: &str| {
            let ents = [
                ("Norby", EntityType::LOC),
                ("Portvale", EntityType::LOC),
                ("Ada Brenn", EntityType::PER),
                ("Tom Ruse", EntityType::PER),
            ];
            let page = |id: &str, text: &str| undated_page(id, text, &ents);
            let docs = [page("a", a), page("b", b)];
            let tl = timeline_of(&docs);
            !tl.events.iter().any(|e| {
                e.evidence.iter().any(|v| v.source == "a")
                    && e.evidence.iter().any(|v| v.source == "b")
            })
        };
        // two denials of one actor about different things: the name and the trigger
        // are all they share
        assert!(apart(
            "Norby denied any role in the harbour fire at the old quay last winter.",
            "Norby denies that its tanker spilled oil near the northern beaches.",
        ));
        // two things that befell one person; a person's driver is not that person
        assert!(apart(
            "Ada Brenn was hospitalized at the Norby clinic after a fall in the hills.",
            "Ada Brenn died at the clinic, surrounded by her family, friends, three dogs \
             and the nurses who had cared for her through years of work on the coast.",
        ));
        assert!(apart(
            "Ada Brenn's driver died in hospital after the crash on the coast road.",
            "Ada Brenn died in hospital after a long illness at her home above the bay, \
             friends and neighbours told the island radio station late in the evening.",
        ));
        // a place that frames the sentence is no actor
        assert!(apart(
            "In Portvale, Tom Ruse denied any role in the strike at the docks.",
            "In Portvale, the port authority denied any role in the collapse of the wage \
             talks with the dockers' union last spring.",
        ));
    }

    #[test]
    fn undated_sentences_about_other_persons_are_other_happenings() {
        use crate::fixtures::Doc;
        use corroborate_model::EntityType;
        // the same sentence about two persons
        let finished = |id: &str, who: &str| {
            Doc::new(
                id,
                None,
                "t",
                &format!(
                    "{who} finished the Norby harbour race with forty points and a broken arm."
                ),
            )
            .ent(who, EntityType::PER)
            .ent("Norby", EntityType::LOC)
            .done()
        };
        let docs = [finished("a", "Ada Brenn"), finished("b", "Tom Ruse")];
        let tl = timeline_of(&docs);
        assert!(tl.events.is_empty(), "{:?}", tl.events);
    }

    #[test]
    fn an_on_or_after_bound_yields_to_a_later_happening_two_articles_date() {
        use crate::fixtures::Doc;
        use corroborate_model::EntityType;
        // undated pages whose inferred dates are only "on or after 2026" (the latest
        // year they mention), about a vote both date to May 2028
        let page = |id: &str, body: &str| {
            let mut a = Doc::new(id, None, "t", body)
                .ent("Ada Brenn", EntityType::PER)
                .time("2026", "2026")
                .time("May 2028", "2028-05")
                .done();
            let mut p = DateValue::new("2026-01-01", DateBasis::Inferred);
            p.open_ended = true;
            a.source.published = Some(p);
            a
        };
        let docs = [
            page(
                "a",
                "Ada Brenn won the Norby vote in May 2028. Ada Brenn was elected mayor in 2026.",
            ),
            page(
                "b",
                "Voters chose Ada Brenn in the Norby vote in May 2028. Ada Brenn was elected \
                 mayor in 2026.",
            ),
        ];
        let tl = timeline_of(&docs);
        for (date, role) in [("2028-05", "main"), ("2026", "background")] {
            assert_eq!(role_on(&tl, date).as_deref(), Some(role), "{:?}", tl.events);
        }
    }

    #[test]
    fn same_day_actions_of_other_persons_are_other_events() {
        use corroborate_model::EntityType;
        // pages of 6 May about 5 May
        let page = |id: &str, text: &str, who: (&str, EntityType)| {
            one_page(id, "2031-05-06", text, who, ("5 May 2031", "2031-05-05"))
        };
        let docs = [
            page(
                "a",
                "Portvale fired coach Tom Ruse on 5 May 2031.",
                ("Tom Ruse", EntityType::PER),
            ),
            page(
                "b",
                "Portvale hired striker Olek Varga on 5 May 2031.",
                ("Olek Varga", EntityType::PER),
            ),
            page(
                "c",
                "The club fired Tom Ruse on 5 May 2031 after a run of defeats.",
                ("Tom Ruse", EntityType::PER),
            ),
        ];
        let tl = timeline_of(&docs);
        let sources: Vec<usize> = tl
            .events
            .iter()
            .map(|e| {
                e.evidence
                    .iter()
                    .map(|v| v.source.as_str())
                    .collect::<BTreeSet<_>>()
                    .len()
            })
            .collect();
        assert_eq!(sources.len(), 2, "{:?}", tl.events);
        assert!(sources.contains(&2), "{:?}", tl.events);
    }

    #[test]
    fn an_event_ahead_of_every_source_is_scheduled() {
        use crate::fixtures::Doc;
        let docs = [Doc::new(
            "a",
            Some("2031-05-05"),
            "t",
            "A bomb exploded at the Norby hall on 3 May 2031. A vigil for the victims \
                 will be held in Norby on 9 May 2031.",
        )
        .time("3 May 2031", "2031-05-03")
        .time("9 May 2031", "2031-05-09")
        .done()];
        let tl = timeline_of(&docs);
        for (date, role) in [("2031-05-03", "main"), ("2031-05-09", "scheduled")] {
            assert_eq!(role_on(&tl, date).as_deref(), Some(role), "{:?}", tl.events);
        }
    }

    #[test]
    fn deaths_no_one_names_count_the_toll_of_the_attack() {
        use corroborate_model::EntityType;
        // pages of 4 May about 3 May
        let page = |id: &str, text: &str, what: (&str, EntityType)| {
            one_page(id, "2031-05-04", text, what, ("3 May 2031", "2031-05-03"))
        };
        let a = page(
            "a",
            "A bomb exploded at the Portvale harbour bank on 3 May 2031, killing three people.",
            ("Portvale", EntityType::LOC),
        );
        let b = page(
            "b",
            "Three people died when the Portvale harbour bank went up in flames on 3 May 2031.",
            ("Portvale", EntityType::LOC),
        );
        let c = page(
            "c",
            "Ada Brenn, the harbour master, died in Norby on 3 May 2031.",
            ("Ada Brenn", EntityType::PER),
        );
        let docs = [a, b, c];
        let tl = timeline_of(&docs);
        let sources: Vec<BTreeSet<&str>> = tl
            .events
            .iter()
            .map(|e| e.evidence.iter().map(|v| v.source.as_str()).collect())
            .collect();
        // the unnamed deaths join the bombing; a named person's death is her own event
        assert!(
            sources.contains(&BTreeSet::from(["a", "b"])),
            "{:?}",
            tl.events
        );
        assert!(sources.contains(&BTreeSet::from(["c"])), "{:?}", tl.events);
    }

    #[test]
    fn undated_events_follow_the_dated_ones() {
        use crate::fixtures::Doc;
        use corroborate_model::EntityType;
        let a = Doc::new(
            "a",
            Some("2031-05-04"),
            "t",
            "A bomb exploded at the Portvale concert hall on 3 May 2031. \
             The mayor of Portvale condemned the bombing and offered help to the victims.",
        )
        .ent("Portvale", EntityType::LOC)
        .time("3 May 2031", "2031-05-03")
        .done();
        let b = Doc::new(
            "b",
            Some("2031-05-04"),
            "t",
            "The mayor of Portvale condemned the bombing and offered help to the families.",
        )
        .ent("Portvale", EntityType::LOC)
        .done();
        let docs = [a, b];
        let tl = timeline_of(&docs);
        let dated: Vec<bool> = tl.events.iter().map(|e| e.date.is_some()).collect();
        assert_eq!(dated, vec![true, false], "{:?}", tl.events);
    }

    #[test]
    fn a_date_in_a_clause_the_trigger_is_outside_tells_another_happening() {
        // (date, trigger) as substrings of the sentence
        let sub = |sent: &str, date: &str, trig: &str| {
            let ds = sent.find(date).unwrap_or(0);
            let t = sent.find(trig).unwrap_or(0);
            subordinate(sent, ds, ds + date.len(), t)
        };
        let s = "The woman who shot two people Thursday night has been charged with murder.";
        assert!(sub(s, "Thursday night", "charged"));
        let s = "The woman who shot three co-workers \u{2014} killing two \u{2013} at the Norby \
                 plant Thursday night has been charged.";
        assert!(sub(s, "Thursday night", "charged"));
        // appositives after a name
        let s = "Tom Ruse, the port's leading scorer in 2029, was put on the injured list, \
                 the club announced Wednesday.";
        assert!(sub(s, "2029", "announced"));
        for s in [
            "In Norby, the police arrested Tom Ruse on Monday, officials said.",
            "Tonight, a large crowd gathered in Norby to remember Ruse, police said.",
            "Ada Brenn, her husband and up to 1,000 parishioners met on Sunday.",
        ] {
            assert!(appositives(s).is_empty(), "{s}");
        }
        // reduced relatives: a participle after a noun, with a place, time, state or
        // agent after it
        let s = "The brother of a woman found dead in Norby on Saturday has been charged \
                 with her murder.";
        assert!(sub(s, "Saturday", "charged"));
        let s = "After a review ordered by the mayor last month, officials said they had \
                 reached a decision.";
        assert!(sub(s, "last month", "reached"));
        for s in [
            "Portvale Shipping stated on Thursday that it had signed a contract.",
            "Police arrested a man on Saturday.",
            "The hall was badly damaged by fire on Friday night.",
            "The actress has since checked in to a clinic in Norby but will not be charged.",
            // a main verb with a conjunction or a name subject before the auxiliary
            "Ada Brenn resigned on Monday after the council had voted to cut her budget.",
            "Tom Ruse surrendered at a police station on Tuesday and was charged.",
            "Protesters rallied in Norby on Saturday and were dispersed by police.",
        ] {
            assert!(reduced_relatives(s).is_empty(), "{s}");
        }
        let s = "Mourners held a vigil at the corner where Tom Ruse was shot on Saturday.";
        assert!(sub(s, "Saturday", "vigil"));
        let s = "Varga, who beat Larsen in 2029, barely landed a punch against Brenn.";
        assert!(sub(s, "2029", "landed"));
        let s = "Marchers chanted \u{201c}not one more death today\u{201d} as police watched.";
        assert!(sub(s, "today", "chanted"));
        // the trigger inside the clause, a clause dating a period, a main-clause date
        let s = "Varga, who was shot on Saturday, died in Norby.";
        assert!(!sub(s, "Saturday", "shot"));
        let s = "Profits rose in the last quarter, which ended December 30, 2030.";
        assert!(!sub(s, "December 30, 2030", "rose"));
        let s = "Police arrested Ada Brenn, who lives in Norby, on Tuesday.";
        assert!(!sub(s, "Tuesday", "arrested"));
        // a clause about the happening itself dates it; a restrictive clause after the
        // trigger may carry its date
        let s = "The fire, which broke out at the Norby warehouse on Tuesday, destroyed forty \
                 boats.";
        assert!(!sub(s, "Tuesday", "destroyed"));
        let s = "Police arrested a man who carried a can of petrol near the warehouse on Tuesday.";
        assert!(!sub(s, "Tuesday", "arrested"));
    }

    #[test]
    fn a_description_reads_on_its_own() {
        assert!(stands_alone("A bomb exploded at the hall on Saturday."));
        assert!(stands_alone(
            "PORTVALE (Wire) — A bomb exploded at the hall."
        ));
        assert!(!stands_alone("Because it didn't, we felt a tremor today."));
        assert!(!stands_alone("It killed 612 people."));
        assert!(!stands_alone(
            "\u{201c}The warning was ignored,\u{201d} he said."
        ));
        assert!(!stands_alone("fast-moving fire destroyed the warehouse."));
        assert!(stands_alone("US drones killed 12 militants on Sunday."));
        assert!(!stands_alone("Her death sparked outrage in the town."));
        assert!(!stands_alone(
            "If you go to rehab, get your ego stroked too."
        ));
    }

    #[test]
    fn plans_and_deadlines_do_not_bound_the_publication_date() {
        assert!(looks_ahead(
            "Deliveries will begin in 2031.",
            "Deliveries will begin in "
        ));
        assert!(looks_ahead(
            "It aims to cut 500 jobs by 2031.",
            "It aims to cut 500 jobs by "
        ));
        assert!(looks_ahead(
            "The firm cut jobs by 2031.",
            "The firm cut jobs by "
        ));
        assert!(!looks_ahead(
            "The plant opened in 2019.",
            "The plant opened in "
        ));
        assert!(!looks_ahead(
            "The bridge collapsed on 3 May 2031.",
            "The bridge collapsed on "
        ));
        assert!(!looks_ahead(
            "The hall was bombed on 3 June 2023.",
            "The hall was bombed on "
        ));
    }

    #[test]
    fn undated_source_gets_inferred_date() {
        let (docs, tl) = build();
        let undated = docs.iter().find(|d| d.source.id == "undated");
        let inferred = undated.and_then(|d| infer_published(d, &tl));
        assert!(
            inferred
                .as_ref()
                .is_some_and(|d| d.basis == DateBasis::Inferred
                    && d.value.as_str() >= "2023-06-04"
                    && d.until.as_deref() == Some("2023-06-10")),
            "{inferred:?}"
        );
    }
}

#[cfg(test)]
mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn dateline_strip_is_a_suffix(s in "[A-Zé ,()a-z—–-]{0,60}") {
            let out = strip_dateline(&s);
            prop_assert!(s.ends_with(out));
        }

        #[test]
        fn helpers_never_panic(s in "\\PC{0,80}", a in 0usize..100, b in 0usize..100) {
            let _ = report_verb_between(&s, a, b);
            let _ = possessive_class(&s, a);
            let _ = trigger_class(&s);
        }
    }
}
