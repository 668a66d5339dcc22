//! A short cited summary of a story: the main event, the tolls, the disputes and
//! the main quote. Every citation is a span of a source.

use corroborate_model::{
    Annotations, Claim, ClaimStatus, ClaimValue, Evidence, Quote, Span, SummarySentence,
};

use crate::copies::CopyGraph;
use crate::events::Timeline;
use crate::text;

fn attribute_phrase(attr: &str) -> String {
    match attr {
        "killed" => "death toll".to_string(),
        "injured" => "number of injured".to_string(),
        "arrested" => "number of arrests".to_string(),
        "hostages" => "number of hostages".to_string(),
        "missing" => "number of missing".to_string(),
        other => format!("{other} count"),
    }
}

fn date_of(v: &corroborate_model::ClaimValue) -> String {
    v.as_of
        .as_ref()
        .map(|d| text::date_part(&d.value).to_string())
        .unwrap_or_else(|| "undated".to_string())
}

/// One citation per independent group (the original's passage when it has one),
/// in order of first appearance.
fn independent_citations(evidence: &[Evidence], copies: &CopyGraph) -> Vec<Evidence> {
    let mut groups: Vec<String> = Vec::new();
    let mut seen: std::collections::BTreeSet<String> = std::collections::BTreeSet::new();
    for e in evidence {
        let g = copies.independent_group(&e.source).to_string();
        if seen.insert(g.clone()) {
            groups.push(g);
        }
    }
    groups
        .iter()
        .filter_map(|g| {
            evidence
                .iter()
                .find(|e| &e.source == g)
                .or_else(|| {
                    evidence
                        .iter()
                        .find(|e| copies.independent_group(&e.source) == g)
                })
                .cloned()
        })
        .collect()
}

/// The best single citation: the original's passage when there is one.
fn best_citation(evidence: &[Evidence], copies: &CopyGraph) -> Option<Evidence> {
    independent_citations(evidence, copies).into_iter().next()
}

/// Writes 1 to 6 summary sentences for a story (`docs` in story order: published
/// date, then id).
pub fn summarise(
    docs: &[&Annotations],
    tl: &Timeline,
    quotes: &[Quote],
    claims: &[Claim],
    copies: &CopyGraph,
) -> Vec<SummarySentence> {
    let mut out: Vec<SummarySentence> = Vec::new();
    let rank = |source: &str| {
        docs.iter()
            .position(|d| d.source.id == source)
            .unwrap_or(usize::MAX)
    };
    // 1. The main event, from the earliest independent source that tells it in a full
    // sentence of its own (not a headline, not "Because it ...", no first person).
    let main = tl.main_event().and_then(|i| tl.events.get(i));
    // In a story no source dates, relative dates ("on Sunday") stay unresolved, so the
    // timeline holds only what the texts date by year or month: background ("released
    // in 2006"), not the happening. Its lead is then the first sentence that reads on
    // its own.
    let dated_story = docs.iter().any(|d| {
        d.source
            .published
            .as_ref()
            .is_some_and(|p| p.basis != corroborate_model::DateBasis::Inferred)
    });
    let lead_event = main.filter(|e| {
        dated_story
            || e.date
                .as_ref()
                .is_some_and(|d| d.precision != corroborate_model::Precision::Year)
    });
    let lead = lead_event.and_then(|e| {
        e.evidence
            .iter()
            .min_by_key(|v| {
                // A full sentence that reads on its own, from the earliest original.
                let t = v.text.trim_end();
                let full = t.ends_with(['.', '!', '?', '"', '”', '’']);
                (
                    copies.original_of(&v.source).is_some(),
                    !crate::events::stands_alone(&v.text),
                    !full,
                    rank(&v.source),
                    v.start,
                )
            })
            .cloned()
    });
    // Else a source's lede: its first full sentence of six words or more that reads on
    // its own (a headline is short, has no final stop or asks a question, or is the
    // source's title); the first lede that tells a
    // happening (a trigger, or a death), else the first that names someone or
    // something, else the first lede.
    let ledes: Vec<(Evidence, bool)> = docs
        .iter()
        .filter_map(|d| {
            text::sentences(d)
                .into_iter()
                .find(|s| {
                    let t = s.slice(&d.source.text).trim_end();
                    let n = text::words(t).len();
                    // a stop before any closing quote ("... said “it burned.”"), not a
                    // headline's question or quoted phrase; not the title itself
                    let stop = t
                        .trim_end_matches(['"', '”', '’', '\'', ')'])
                        .ends_with(['.', '!']);
                    let title = d
                        .source
                        .title
                        .as_deref()
                        .is_some_and(|h| h.trim() == t.trim());
                    (stop || (n >= 15 && !t.ends_with('?')))
                        && n >= 6
                        && !title
                        && crate::events::stands_alone(t)
                })
                .map(|s| {
                    let named = d
                        .entities
                        .iter()
                        .any(|m| s.start <= m.start && m.end <= s.end);
                    (Evidence::of(&d.source, s), named)
                })
        })
        .collect();
    let happening = |t: &str| {
        crate::events::trigger_class(t).is_some()
            || text::words(t)
                .iter()
                .any(|w| matches!(w.as_str(), "died" | "dies" | "dead" | "death"))
    };
    let lead = lead
        .or_else(|| {
            ledes
                .iter()
                .find(|(e, _)| happening(&e.text))
                .map(|(e, _)| e.clone())
        })
        .or_else(|| {
            ledes
                .iter()
                .find(|(_, named)| *named)
                .map(|(e, _)| e.clone())
        })
        .or_else(|| ledes.first().map(|(e, _)| e.clone()))
        .or_else(|| {
            docs.iter().find_map(|d| {
                text::sentences(d)
                    .into_iter()
                    .find(|s| !s.is_empty())
                    .map(|s| Evidence::of(&d.source, s))
            })
        });
    if let Some(ev) = lead {
        // The citation keeps the whole sentence; the summary drops a wire dateline.
        out.push(SummarySentence {
            text: crate::events::strip_dateline(ev.text.trim()).to_string(),
            citations: vec![ev],
        });
    }
    let main_subject = main.map(|e| e.id.clone());
    // 2. Tolls and counts about the main event.
    for c in claims
        .iter()
        .filter(|c| {
            Some(&c.subject) == main_subject.as_ref()
                && matches!(
                    c.attribute.as_str(),
                    "killed" | "injured" | "missing" | "hostages"
                )
                && c.values.iter().all(|v| v.party.is_none())
        })
        .take(2)
    {
        // Values dated by inference are bounds: report the first and last dated ones.
        let dated: Vec<&corroborate_model::ClaimValue> = c
            .values
            .iter()
            .filter(|v| {
                v.as_of
                    .as_ref()
                    .is_some_and(|d| d.basis != corroborate_model::DateBasis::Inferred)
            })
            .collect();
        let (Some(first), Some(last)) = (
            dated.first().copied().or(c.values.first()),
            dated.last().copied().or(c.values.last()),
        ) else {
            continue;
        };
        let phrase = attribute_phrase(&c.attribute);
        let (sentence, cites) = match c.status {
            // One dated value only: nothing to say about a change.
            ClaimStatus::Evolving if first.value == last.value => (
                format!(
                    "The reported {phrase} is {} ({}).",
                    last.value,
                    date_of(last)
                ),
                best_citation(&last.evidence, copies).into_iter().collect(),
            ),
            ClaimStatus::Evolving => {
                let mut cites: Vec<Evidence> =
                    best_citation(&first.evidence, copies).into_iter().collect();
                cites.extend(independent_citations(&last.evidence, copies));
                let verb = if last.value == first.value {
                    "changed"
                } else {
                    match (number_of(&first.value), number_of(&last.value)) {
                        (Some(a), Some(b)) if b < a => "fell",
                        (Some(a), Some(b)) if b > a => "rose",
                        _ => "changed",
                    }
                };
                (
                    format!(
                        "The reported {phrase} {verb} from {} ({}) to {} ({}).",
                        first.value,
                        date_of(first),
                        last.value,
                        date_of(last)
                    ),
                    cites,
                )
            }
            ClaimStatus::Contested => {
                // One entry per number, with how many sources give it: "10" and "at
                // least 10" are one side of the dispute, shown by the wording most
                // sources use (the claims table keeps every wording); most sources first.
                let by_value = dispute_sides(&c.values);
                let n = by_value.len();
                let vals: Vec<String> = by_value
                    .iter()
                    .take(MAX_LISTED)
                    .map(|(val, srcs)| format!("{val} ({})", count(srcs.len(), "source")))
                    .collect();
                let rest = match n.saturating_sub(MAX_LISTED) {
                    0 => String::new(),
                    1 => ", and one other value".to_string(),
                    k => format!(", and {k} other values"),
                };
                let cites = c
                    .values
                    .iter()
                    .filter_map(|v| best_citation(&v.evidence, copies))
                    .collect();
                (
                    format!(
                        "Sources disagree on the {phrase}: {}{rest}.",
                        vals.join(" vs ")
                    ),
                    cites,
                )
            }
            ClaimStatus::Corroborated => (
                format!(
                    "The {phrase} of {} is reported by {}.",
                    // the wording most sources use ("64", not one outlet's "about 64")
                    c.values
                        .iter()
                        .rev()
                        .max_by_key(|v| v.sources.len())
                        .map_or(last.value.as_str(), |v| v.value.as_str()),
                    count(
                        copies.independent_count(
                            c.values
                                .iter()
                                .flat_map(|v| v.sources.iter().map(String::as_str))
                        ),
                        "independent source"
                    )
                ),
                independent_citations(&last.evidence, copies),
            ),
            ClaimStatus::SingleSource => (
                format!("A single source reports a {phrase} of {}.", last.value),
                best_citation(&last.evidence, copies).into_iter().collect(),
            ),
        };
        if !cites.is_empty() {
            out.push(SummarySentence {
                text: sentence,
                citations: cites,
            });
        }
    }
    // 3. Disputes.
    for c in claims
        .iter()
        .filter(|c| c.values.iter().any(|v| v.party.is_some()))
    {
        if c.status != ClaimStatus::Contested {
            continue;
        }
        let parts: Vec<String> = c.values.iter().take(3).map(|v| v.value.clone()).collect();
        let lead = if c.attribute == "alert" {
            "Accounts of the warning differ"
        } else {
            "Responsibility is disputed"
        };
        let cites: Vec<Evidence> = c
            .values
            .iter()
            .take(3)
            .filter_map(|v| best_citation(&v.evidence, copies))
            .collect();
        if !cites.is_empty() {
            out.push(SummarySentence {
                text: format!("{lead}: {}.", parts.join("; ")),
                citations: cites,
            });
        }
    }
    // 4. The main quote.
    // Words actually spoken: a quote some source gives as a direct quotation, not
    // reported speech ("the militia had acted alone") or a fragment.
    let direct_spans: std::collections::BTreeSet<(&str, usize, usize)> = docs
        .iter()
        .flat_map(|d| {
            d.quotes
                .iter()
                .filter(|m| m.kind.as_deref().is_none_or(|k| k == "direct"))
                .map(move |m| (d.source.id.as_str(), m.start, m.end))
        })
        .collect();
    let direct = |q: &Quote| {
        q.evidence
            .iter()
            .any(|e| direct_spans.contains(&(e.source.as_str(), e.start, e.end)))
    };
    // Who says it: a resolved entity first, then a name, then a role ("the officer");
    // never a vague "one" or "a source".
    let speaker_rank = |q: &Quote| -> Option<u8> {
        let sp = q.speaker.as_ref()?;
        let low = sp.text.to_lowercase();
        if matches!(
            low.as_str(),
            "one" | "a source" | "sources" | "someone" | "another" | "others" | "some"
        ) {
            return None;
        }
        Some(if sp.entity.is_some() {
            2
        } else if sp.text.chars().next().is_some_and(char::is_uppercase) {
            1
        } else {
            0
        })
    };
    // A headline in quotation marks ("Star Dies At Age 91") is no spoken line.
    let title_case = |t: &str| {
        let long: Vec<&str> = t.split_whitespace().filter(|w| w.len() > 3).collect();
        !long.is_empty()
            && long
                .iter()
                .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                .count()
                * 10
                >= long.len() * 7
    };
    let best = quotes
        .iter()
        .filter(|q| {
            // a line of six words or more: "an Oscar hit or miss?" after "Hugh
            // Jackman:" is a headline, not a line someone spoke
            speaker_rank(q).is_some()
                && text::words(&q.text).len() >= 6
                && direct(q)
                && !title_case(&q.text)
        })
        .max_by(|a, b| {
            let indep =
                |q: &Quote| copies.independent_count(q.evidence.iter().map(|e| e.source.as_str()));
            speaker_rank(a)
                .cmp(&speaker_rank(b))
                .then(indep(a).cmp(&indep(b)))
                .then(a.evidence.len().cmp(&b.evidence.len()))
                .then_with(|| b.id.cmp(&a.id))
        });
    if let Some(q) = best {
        let who = q
            .speaker
            .as_ref()
            .map(|s| {
                // "the officer said" opens the sentence: "The officer said".
                let mut c = s.text.chars();
                c.next()
                    .map(|f| f.to_uppercase().chain(c).collect::<String>())
                    .unwrap_or_default()
            })
            .unwrap_or_default();
        let body = q
            .text
            .trim()
            .trim_matches(|c: char| matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’' | '`'))
            .trim_end_matches(',')
            .trim();
        // the sentence ends: a quote that does not end its own sentence takes a full
        // stop after the closing mark (the quoted words stay as written)
        let stop = if body.ends_with(['.', '!', '?', '\u{2026}']) {
            ""
        } else {
            "."
        };
        out.push(SummarySentence {
            text: format!("{who} said: \u{201c}{body}\u{201d}{stop}"),
            citations: independent_citations(&q.evidence, copies),
        });
    }
    out.truncate(6);
    // Every citation must be a real span; drop those that are not.
    for s in &mut out {
        s.citations.retain(|c| {
            docs.iter().any(|d| {
                d.source.id == c.source && Span::new(c.start, c.end).slice(&d.source.text) == c.text
            })
        });
    }
    out.retain(|s| !s.citations.is_empty());
    out
}

/// How a claimed count is bounded by its wording.
#[derive(Clone, Copy, PartialEq)]
enum Bound {
    /// A count, exact or approximate ("64", "about 50").
    Point,
    /// At least (or more than) the number.
    Lower { strict: bool },
    /// At most (or fewer than) the number.
    Upper { strict: bool },
}

fn bound_of(value: &str) -> Bound {
    let v = value.trim().to_lowercase();
    let starts = |ps: &[&str]| ps.iter().any(|p| v.starts_with(p));
    if starts(&["at least", "no fewer than", "no less than"]) {
        Bound::Lower { strict: false }
    } else if starts(&["more than", "over ", "above ", "upwards of", "in excess of"]) {
        Bound::Lower { strict: true }
    } else if starts(&["up to", "as many as", "at most", "no more than"]) {
        Bound::Upper { strict: false }
    } else if starts(&["fewer than", "less than", "under "]) {
        Bound::Upper { strict: true }
    } else {
        Bound::Point
    }
}

/// Whether a bounded value holds for a count of `n`.
fn fits(bound: Bound, x: f64, n: f64) -> bool {
    match bound {
        Bound::Point => n == x,
        Bound::Lower { strict } => n > x || (!strict && n == x),
        Bound::Upper { strict } => n < x || (!strict && n == x),
    }
}

/// The sides of a numeric dispute: counts ("10", "about 50") grouped by their number,
/// each labelled with the wording most of its sources use, with the union of their
/// sources; a bound ("at least 10", "as many as 80") that fits one of those counts
/// disagrees with nobody and is left out, one that fits none is a side of its own; the
/// side with most sources first (stable). With fewer than two sides so, every wording
/// is a side.
fn dispute_sides(values: &[ClaimValue]) -> Vec<(&str, std::collections::BTreeSet<&str>)> {
    struct Side<'a> {
        key: String,
        wordings: Vec<(&'a str, usize)>,
        sources: std::collections::BTreeSet<&'a str>,
    }
    fn add<'a>(sides: &mut Vec<Side<'a>>, key: String, v: &'a ClaimValue) {
        let i = match sides.iter().position(|s| s.key == key) {
            Some(i) => i,
            None => {
                sides.push(Side {
                    key,
                    wordings: Vec::new(),
                    sources: std::collections::BTreeSet::new(),
                });
                sides.len() - 1
            }
        };
        if let Some(side) = sides.get_mut(i) {
            side.sources.extend(v.sources.iter().map(String::as_str));
            match side
                .wordings
                .iter_mut()
                .find(|(w, _)| *w == v.value.as_str())
            {
                Some((_, n)) => *n += v.sources.len(),
                None => side.wordings.push((v.value.as_str(), v.sources.len())),
            }
        }
    }
    let points: Vec<f64> = values
        .iter()
        .filter(|v| bound_of(&v.value) == Bound::Point)
        .filter_map(|v| number_of(&v.value))
        .collect();
    let mut sides: Vec<Side> = Vec::new();
    for v in values {
        let key = match (number_of(&v.value), bound_of(&v.value)) {
            (Some(x), Bound::Point) => format!("#{x}"),
            (Some(x), b) if points.iter().any(|&n| fits(b, x, n)) => continue,
            _ => v.value.clone(),
        };
        add(&mut sides, key, v);
    }
    if sides.len() < 2 {
        sides.clear();
        for v in values {
            add(&mut sides, v.value.clone(), v);
        }
    }
    let mut out: Vec<(&str, std::collections::BTreeSet<&str>)> = sides
        .into_iter()
        .map(|s| {
            let mut label = "";
            let mut best = 0;
            for (w, n) in &s.wordings {
                if label.is_empty() || *n > best {
                    label = w;
                    best = *n;
                }
            }
            (label, s.sources)
        })
        .collect();
    out.sort_by_key(|b| std::cmp::Reverse(b.1.len()));
    out
}

/// Values listed in a "sources disagree" sentence before ", and N other values".
const MAX_LISTED: usize = 4;

/// "1 source", "3 sources".
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// The number in a value label ("at least 58" -> 58), for the direction of a change.
fn number_of(label: &str) -> Option<f64> {
    label
        .split_whitespace()
        .filter_map(|w| w.replace(',', "").parse::<f64>().ok())
        .next_back()
}

#[cfg(test)]
mod tests {
    #[test]
    fn counts_and_numbers_read_for_people() {
        assert_eq!(
            super::count(1, "independent source"),
            "1 independent source"
        );
        assert_eq!(super::count(3, "source"), "3 sources");
        assert_eq!(super::number_of("at least 58"), Some(58.0));
        assert_eq!(super::number_of("more than 1,400"), Some(1400.0));
        assert_eq!(super::number_of("dozens"), None);
    }

    #[test]
    fn dispute_sides_fold_wordings_of_one_number() {
        let v = |value: &str, sources: &[&str]| ClaimValue {
            value: value.into(),
            sources: sources.iter().map(|s| s.to_string()).collect(),
            as_of: None,
            evidence: Vec::new(),
            party: None,
            independent_sources: None,
        };
        let shown = |values: &[ClaimValue]| -> Vec<(String, usize)> {
            super::dispute_sides(values)
                .iter()
                .map(|(l, s)| (l.to_string(), s.len()))
                .collect()
        };
        // "at least 3" and "at least 10" fit the count of 10: nobody disagrees with them
        let values = vec![
            v("3", &["a"]),
            v("10", &["b", "c"]),
            v("at least 10", &["d"]),
            v("at least 3", &["a", "e"]),
            v("about 10", &["f"]),
            v("the militia", &["g"]),
        ];
        assert_eq!(
            shown(&values),
            vec![
                ("10".to_string(), 3),
                ("3".to_string(), 1),
                ("the militia".to_string(), 1)
            ]
        );
        // a bound that fits no count is a side; "at least 10" fits 14 and is left out
        let values = vec![
            v("10", &["a"]),
            v("at least 10", &["b", "c", "d"]),
            v("14", &["e", "f"]),
            v("more than 20", &["g"]),
        ];
        assert_eq!(
            shown(&values),
            vec![
                ("14".to_string(), 2),
                ("10".to_string(), 1),
                ("more than 20".to_string(), 1)
            ]
        );
        // only bounds: every wording is a side
        let values = vec![v("at least 3", &["a"]), v("more than 200", &["b"])];
        assert_eq!(shown(&values).len(), 2);
    }

    use super::*;
    use crate::fixtures::Doc;
    use corroborate_model::EntityType;

    /// The summary of `docs` linked as one story (copies, entities, timeline, quotes,
    /// claims).
    fn summary_of(docs: &[Annotations]) -> Vec<SummarySentence> {
        let refs: Vec<&Annotations> = docs.iter().collect();
        let copies = CopyGraph::build(docs);
        let table = crate::entities::canonical_entities(&refs, &crate::AliasKb::default(), "s1-");
        let tl = crate::events::timeline(&refs, &table, "s1-");
        let quotes = crate::quotes::merge_quotes(&refs, &table, "s1-");
        let claims = crate::claims::claims(&refs, &table, &tl, &copies, "s1-");
        summarise(&refs, &tl, &quotes, &claims, &copies)
    }

    #[test]
    fn an_undated_story_leads_with_a_lede_not_its_background_years() {
        // No source is dated, so only the year of an older happening is on the timeline.
        let body_a = "Portvale Mayor Ada Brenn was arrested on Sunday on charges of fraud. \
                      She was first elected in 2019, when the council was dissolved.";
        let body_b = "Ada Brenn was charged with fraud after her arrest on Sunday, police \
                      said. Brenn had won the mayoralty in 2019.";
        let docs = vec![
            Doc::new("a", None, "t", body_a).time("2019", "2019").done(),
            Doc::new("b", None, "t", body_b).time("2019", "2019").done(),
        ];
        let out = summary_of(&docs);
        let lead = out.first().map(|s| s.text.as_str()).unwrap_or("");
        assert!(
            lead.starts_with("Portvale Mayor Ada Brenn was arrested"),
            "{lead}"
        );
        // With a dated source, the timeline's main event leads as before.
        let dated = vec![
            Doc::new("a", Some("2031-05-05"), "t", body_a)
                .time("2019", "2019")
                .done(),
        ];
        let out = summary_of(&dated);
        assert!(!out.is_empty());
        // the first lede that tells a happening, here a death, though a later source's
        let quiet = "Portvale is a small harbour town on the coast north of Norby.";
        let death = "Olek Varga, 43, is presumed dead after a fall from Mount Norby on Sunday.";
        let docs = vec![
            Doc::new("a", None, "t", quiet).done(),
            Doc::new("b", None, "t", death).done(),
        ];
        let out = summary_of(&docs);
        let lead = out.first().map(|s| s.text.as_str()).unwrap_or("");
        assert!(lead.starts_with("Olek Varga, 43"), "{lead}");
        // a headline that asks, or quotes, is no lede
        let page = "Was the Portvale harbour fire set on purpose?\n\nMayor Brenn calls \
                    the fire \"an act of sabotage\"\n\nA fire destroyed three warehouses \
                    at the Portvale harbour on Sunday night.";
        let docs = vec![Doc::new("a", None, "t", page).done()];
        let out = summary_of(&docs);
        let lead = out.first().map(|s| s.text.as_str()).unwrap_or("");
        assert!(lead.starts_with("A fire destroyed"), "{lead}");
    }

    #[test]
    fn a_corroborated_count_reads_as_most_sources_word_it() {
        let docs: Vec<Annotations> = (0..4)
            .map(|i| {
                let n = if i == 3 {
                    "at least 12 people"
                } else {
                    "12 people"
                };
                let body = format!(
                    "A bomb exploded at the Portvale hall on 3 May 2031. Police said {n} \
                     were injured in the blast."
                );
                Doc::new(&format!("d{i}"), Some("2031-05-04"), "t", &body)
                    .time("3 May 2031", "2031-05-03")
                    .qty(n, 12.0, "injured", (i == 3).then_some("at least"))
                    .done()
            })
            .collect();
        let out = summary_of(&docs);
        let line = out
            .iter()
            .find(|s| s.text.contains("number of injured"))
            .map(|s| s.text.clone())
            .unwrap_or_default();
        assert!(line.contains("injured of 12 is reported"), "{line}");
    }

    #[test]
    fn a_long_dispute_lists_four_values_and_counts_the_others() {
        let docs: Vec<Annotations> = (0..6)
            .map(|i| {
                let n = format!("{} people", 10 + i);
                let body = format!(
                    "A bomb exploded at the Portvale hall on 3 May 2031. Police said {n} \
                     were injured in the blast."
                );
                Doc::new(&format!("d{i}"), Some("2031-05-04"), "t", &body)
                    .time("3 May 2031", "2031-05-03")
                    .qty(&n, f64::from(10 + i), "injured", None)
                    .done()
            })
            .collect();
        let out = summary_of(&docs);
        let dispute = out
            .iter()
            .map(|s| s.text.as_str())
            .find(|t| t.starts_with("Sources disagree"));
        assert!(
            dispute.is_some_and(|t| t.ends_with(", and 2 other values.")
                && t.contains("10 (1 source) vs 11 (1 source)")),
            "{out:?}"
        );
    }

    #[test]
    fn the_main_quote_is_a_direct_one() {
        let body = "Marvania said the militia had acted alone and had no backing at all. \
                    \u{201c}We will find every one of them and bring them to court,\u{201d} \
                    said Irina Voloshyna.";
        let mut docs: Vec<Annotations> = ["a", "b", "c"]
            .iter()
            .map(|id| {
                Doc::new(id, Some("2023-06-05"), "t", body)
                    .ent("Marvania", EntityType::LOC)
                    .ent("Irina Voloshyna", EntityType::PER)
                    .quote(
                        "the militia had acted alone and had no backing at all",
                        Some(("Marvania", Some("Marvania"))),
                    )
                    .quote(
                        "We will find every one of them and bring them to court,",
                        Some(("Irina Voloshyna", Some("Irina Voloshyna"))),
                    )
                    .done()
            })
            .collect();
        // the reported one is in every source, the direct one in only the first
        for (i, d) in docs.iter_mut().enumerate() {
            if let Some(q) = d.quotes.first_mut() {
                q.kind = Some("reported".into());
            }
            if i > 0 {
                d.quotes.truncate(1);
            }
        }
        let out = summary_of(&docs);
        let said: Vec<&str> = out
            .iter()
            .map(|s| s.text.as_str())
            .filter(|t| t.contains(" said: "))
            .collect();
        assert_eq!(said.len(), 1, "{out:?}");
        assert!(
            said.iter().all(|t| t.starts_with("Irina Voloshyna said")),
            "{said:?}"
        );
    }

    #[test]
    fn the_main_quote_has_a_named_speaker_and_is_no_headline() {
        let body = "\u{201c}Harbour Fire Destroys Historic Warehouse Overnight\u{201d} ran the \
                    headline. \u{201c}We lost everything we had built in forty years,\u{201d} one \
                    said. \u{201c}The building could not be saved once the roof caught,\u{201d} said \
                    Ada Brenn.";
        let docs: Vec<Annotations> = ["a", "b"]
            .iter()
            .map(|id| {
                Doc::new(id, Some("2031-05-05"), "t", body)
                    .ent("Ada Brenn", EntityType::PER)
                    .quote(
                        "Harbour Fire Destroys Historic Warehouse Overnight",
                        Some(("headline", None)),
                    )
                    .quote(
                        "We lost everything we had built in forty years,",
                        Some(("one", None)),
                    )
                    .quote(
                        "The building could not be saved once the roof caught,",
                        Some(("Ada Brenn", Some("Ada Brenn"))),
                    )
                    .done()
            })
            .collect();
        let out = summary_of(&docs);
        let said: Vec<&str> = out
            .iter()
            .map(|s| s.text.as_str())
            .filter(|t| t.contains(" said: "))
            .collect();
        assert_eq!(
            said,
            vec![
                "Ada Brenn said: \u{201c}The building could not be saved once the roof caught\u{201d}."
            ],
            "{out:?}"
        );
    }
}
