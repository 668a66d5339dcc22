//! The timeline: dated sentence-level events, merged across documents.
//!
//! A sentence is an event when it holds a trigger word and a DATE time mention
//! with a concrete value (the source's publication date is never used as an event
//! date). Events of different documents with the same day, the same trigger class
//! and overlapping entities are one event.

use std::collections::{BTreeMap, BTreeSet};

use corroborate_model::{Annotations, DateBasis, DateValue, Event, Span, TimeType};

use crate::entities::EntityTable;
use crate::text;

/// Trigger classes in priority order, with their trigger words (folded, lowercase).
pub const TRIGGERS: &[(&str, &[&str])] = &[
    ("claim", &["claimed", "claims", "claim"]),
    (
        "denial",
        &["denied", "denies", "deny", "rejected", "rejects"],
    ),
    (
        "blame",
        &["blamed", "blames", "blame", "accused", "accuses"],
    ),
    (
        "arrest",
        &["arrested", "arrests", "arrest", "detained", "detains"],
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
            "sentenced", "convicted", "charged", "indicted", "sued", "lawsuit", "verdict",
            "acquitted", "ruled", "ruling",
        ],
    ),
    (
        "politics",
        &[
            "election", "elected", "vote", "voted", "referendum", "resigned", "resignation",
            "appointed", "sworn",
        ],
    ),
    (
        "business",
        &[
            "bankruptcy", "bankrupt", "acquired", "acquisition", "merger", "merged",
            "launched", "unveiled", "recalled", "recall", "layoffs", "laid", "closed",
            "closing", "bought", "sold", "takeover",
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
        ],
    ),
];

/// The trigger class of a sentence and the byte offset (in `sentence`) of its
/// trigger word, by class priority.
pub fn trigger_class(sentence: &str) -> Option<(&'static str, usize)> {
    let spans = text::word_spans(sentence);
    let words: Vec<(String, usize)> = spans
        .iter()
        .filter_map(|&(s, e)| {
            sentence
                .get(s..e)
                .map(|w| (w.chars().map(text::fold_char).collect::<String>(), s))
        })
        .collect();
    for (class, triggers) in TRIGGERS {
        if let Some((_, at)) = words.iter().find(|(w, _)| triggers.contains(&w.as_str())) {
            return Some((class, *at));
        }
    }
    None
}

/// The story's timeline plus lookups used by later stages.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Timeline {
    /// Events sorted by date.
    pub events: Vec<Event>,
    /// Trigger class of each event (parallel to `events`).
    pub classes: Vec<String>,
    /// `(source id, sentence start)` -> index into `events`.
    pub by_sentence: BTreeMap<(String, usize), usize>,
    /// The story's reference day (median publication day of its dated sources,
    /// else median event day), as a day number; events more than 60 days before
    /// it are background.
    pub main_day: Option<i64>,
}

impl Timeline {
    /// The event reported by the sentence of `source` starting at `start`.
    pub fn event_of_sentence(&self, source: &str, start: usize) -> Option<usize> {
        self.by_sentence.get(&(source.to_string(), start)).copied()
    }

    /// The main event: the `main` attack-like event with the most sources (ties:
    /// earliest).
    pub fn main_event(&self) -> Option<usize> {
        if !self
            .events
            .iter()
            .any(|e| e.role.as_deref() == Some("main"))
        {
            return None;
        }
        let score = |i: usize| {
            let e = self.events.get(i)?;
            let class = self.classes.get(i)?;
            let sources: BTreeSet<&str> = e.evidence.iter().map(|v| v.source.as_str()).collect();
            Some((
                e.role.as_deref() == Some("main"),
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
}

/// Builds the timeline of a story; event ids are `<prefix>ev1`, ... in date order.
pub fn timeline(docs: &[&Annotations], table: &EntityTable, prefix: &str) -> Timeline {
    // The story's reference day: the median publication day of its sources (not
    // inferred ones); without any, the median event day.
    let mut pub_days: Vec<i64> = docs
        .iter()
        .filter_map(|d| d.source.published.as_ref())
        .filter(|p| p.basis != DateBasis::Inferred)
        .filter_map(|p| p.day().and_then(text::day_number))
        .collect();
    pub_days.sort_unstable();
    let pub_day = pub_days.get(pub_days.len() / 2).copied();
    let mut raws: Vec<Raw> = Vec::new();
    for (di, doc) in docs.iter().enumerate() {
        let t = &doc.source.text;
        for s in text::sentences(doc) {
            let Some((class, trig_at)) = trigger_class(s.slice(t)) else {
                continue;
            };
            let trig = s.start + trig_at;
            // The concrete DATE mention nearest the trigger.
            let date = doc
                .times
                .iter()
                .filter(|m| {
                    matches!(m.kind, TimeType::DATE | TimeType::TIME)
                        && s.contains(&Span::new(m.start, m.end))
                        && text::is_concrete_date(&m.value)
                })
                .min_by_key(|m| {
                    if m.end <= trig {
                        trig - m.end
                    } else {
                        m.start.saturating_sub(trig)
                    }
                })
                .map(|m| text::date_part(&m.value).to_string());
            let Some(date) = date else { continue };
            let entities: BTreeSet<String> =
                table.entities_in(&doc.source.id, s).into_iter().collect();
            raws.push(Raw {
                doc: di,
                sentence: s,
                class,
                date,
                entities,
            });
        }
    }
    // Cross-document coreference: same date and class, overlapping entities.
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (ri, r) in raws.iter().enumerate() {
        let found = groups.iter_mut().find(|g| {
            g.first().and_then(|&f| raws.get(f)).is_some_and(|f| {
                f.date == r.date && f.class == r.class && {
                    let ents: BTreeSet<&String> = g
                        .iter()
                        .filter_map(|&x| raws.get(x))
                        .flat_map(|x| x.entities.iter())
                        .collect();
                    ents.is_empty()
                        || r.entities.is_empty()
                        || r.entities.iter().any(|e| ents.contains(e))
                }
            })
        });
        match found {
            Some(g) => g.push(ri),
            None => groups.push(vec![ri]),
        }
    }
    let mut days: Vec<i64> = groups
        .iter()
        .filter_map(|g| g.first().and_then(|&f| raws.get(f)))
        .filter_map(|r| text::day_number(&r.date))
        .collect();
    days.sort_unstable();
    let main_day = pub_day.or_else(|| days.get(days.len() / 2).copied());
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
        let sentences: Vec<&str> = g
            .iter()
            .filter_map(|&x| raws.get(x))
            .filter_map(|r| docs.get(r.doc).map(|d| r.sentence.slice(&d.source.text)))
            .collect();
        let word_sets: Vec<std::collections::BTreeSet<String>> = sentences
            .iter()
            .map(|t| {
                text::words(t)
                    .into_iter()
                    .filter(|w| w.len() > 3)
                    .collect()
            })
            .collect();
        let centrality = |i: usize| -> usize {
            word_sets
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != i)
                .map(|(_, other)| word_sets[i].intersection(other).count())
                .sum()
        };
        let best: Option<&str> = (0..sentences.len())
            .max_by(|&a, &b| {
                let key = |i: usize| {
                    let t = sentences[i];
                    (t.len() >= 40, centrality(i), std::cmp::Reverse(t.len()))
                };
                key(a).cmp(&key(b)).then(b.cmp(&a))
            })
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
        let role = match (text::day_number(&first.date), main_day) {
            (Some(d), Some(m)) if d < m - 60 => "background",
            _ => "main",
        };
        built.push((
            Event {
                id: String::new(),
                date: Some(DateValue::new(first.date.clone(), DateBasis::Text)),
                text: text::shorten(best.unwrap_or(""), 160),
                entities,
                evidence,
                role: Some(role.to_string()),
            },
            first.class.to_string(),
            keys,
        ));
    }
    built.sort_by(|a, b| {
        let da = a.0.date.as_ref().map(|d| d.value.clone());
        let db = b.0.date.as_ref().map(|d| d.value.clone());
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

const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Infers the publication date of an undated source from the story's timeline:
/// an underspecified weekday that refers to a dated event of the same kind gives
/// "on or after that day" (until six days later); otherwise the latest dated event
/// or concrete date it mentions gives "not before".
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
                if let Some(d) = text::day_number(text::date_part(&m.value)) {
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
                    WEEKDAYS
                        .iter()
                        .position(|w| low.contains(w))
                        .map(|p| p as i64)
                });
            let Some(wd) = wd else { continue };
            let Some((class, _)) = trig else { continue };
            let mut days: Vec<i64> = tl
                .events
                .iter()
                .zip(&tl.classes)
                .filter(|(_, c)| c.as_str() == class)
                .filter_map(|(e, _)| {
                    e.date
                        .as_ref()
                        .and_then(|d| d.day())
                        .and_then(text::day_number)
                })
                .filter(|&d| text::weekday(d) == wd)
                .collect();
            days.sort_unstable();
            if let Some(&d) = days.first() {
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
                let shares = e.evidence.iter().any(|ev| {
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
    Some(dv)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::{AliasKb, canonical_entities};
    use crate::fixtures::demo_docs;

    fn build() -> (Vec<Annotations>, Timeline) {
        let docs: Vec<Annotations> = demo_docs()
            .into_iter()
            .filter(|d| d.source.id != "strike")
            .collect();
        let refs: Vec<&Annotations> = docs.iter().collect();
        let table = canonical_entities(&refs, &AliasKb::default(), "s1-");
        let tl = timeline(&refs, &table, "s1-");
        (docs, tl)
    }

    #[test]
    fn triggers_by_priority() {
        assert_eq!(
            trigger_class("The militia claimed the attack on Sunday.").map(|x| x.0),
            Some("claim")
        );
        assert_eq!(
            trigger_class("A bomb exploded.").map(|x| x.0),
            Some("attack")
        );
        assert_eq!(trigger_class("The weather was fine."), None);
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
