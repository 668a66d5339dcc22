//! Quotes merged across sources, with the speaker mapped to a canonical entity.

use std::collections::{BTreeMap, BTreeSet};

use corroborate_model::{Annotations, DossierSpeaker, Evidence, Quote, Span};

use crate::entities::EntityTable;
use crate::text;

/// Word-set Dice similarity from which two quotes are the same quote.
pub const SAME_QUOTE: f64 = 0.8;

/// How many of a quote's longest words are looked up to find candidate matches.
const LOOKUP_WORDS: usize = 5;

/// Dice similarity of the word sets of two texts.
pub fn word_dice(a: &str, b: &str) -> f64 {
    let a: BTreeSet<String> = text::words(a).into_iter().collect();
    let b: BTreeSet<String> = text::words(b).into_iter().collect();
    set_dice(&a, &b)
}

/// Dice similarity of two word sets.
fn set_dice(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    2.0 * a.intersection(b).count() as f64 / (a.len() + b.len()) as f64
}

/// Whether one quote of eight words or more stands word for word inside the other: the
/// same words, cut shorter or run on by one outlet (in order, not just the same words).
/// Takes the quotes' word sequences as [`sequence`] gives them.
fn contained(a: &Sequence, b: &Sequence) -> bool {
    let (small, large) = if a.len <= b.len { (a, b) } else { (b, a) };
    small.len >= 8 && large.text.contains(&small.text)
}

/// A quote's words in order, lower-cased, joined and framed by spaces, with their count.
struct Sequence {
    text: String,
    len: usize,
}

fn sequence(t: &str) -> Sequence {
    let w = text::words(t);
    Sequence {
        text: format!(" {} ", w.join(" ")),
        len: w.len(),
    }
}

struct Item {
    text: String,
    words: BTreeSet<String>,
    sequence: Sequence,
    evidence: Evidence,
    entity: Option<String>,
    speaker_text: Option<String>,
}

/// The speaker's canonical entity id for a quote of `doc`.
pub fn speaker_entity(
    doc: &Annotations,
    q: &corroborate_model::QuoteMention,
    table: &EntityTable,
) -> Option<String> {
    let sp = q.speaker.as_ref()?;
    if let Some(r) = sp.resolved.as_deref()
        && let Some(id) = table.find_by_name(r)
    {
        return Some(id.to_string());
    }
    if let Some(id) = head_entity(doc, table, Span::new(sp.start, sp.end)) {
        return Some(id);
    }
    table.find_by_name(&sp.text).map(String::from)
}

/// The entity that heads a speaker phrase: its mention ends the phrase ("Police chief
/// Anna Kowal") and is not a modifier's complement ("officials in Kharivsk"), a
/// possessor ("Marvania's foreign ministry") or a nationality ("Doravian police").
fn head_entity(doc: &Annotations, table: &EntityTable, span: Span) -> Option<String> {
    let t = &doc.source.text;
    let phrase = span
        .slice(t)
        .trim_end_matches(|c: char| !c.is_alphanumeric());
    let end = span.start + phrase.len();
    let mentions = table.mentions_in(&doc.source.id, Span::new(span.start, span.end));
    let (ms, _, id) = mentions.into_iter().rev().find(|&(_, me, _)| {
        let tail = t.get(me..end).unwrap_or("x");
        tail.chars().all(|c| !c.is_alphanumeric())
    })?;
    let before = t.get(span.start..ms).unwrap_or("");
    let prev = before.split_whitespace().last().map(str::to_lowercase);
    if prev.is_some_and(|p| matches!(p.as_str(), "in" | "of" | "from" | "at" | "for" | "near")) {
        return None;
    }
    let ent = table.get(id)?;
    (ent.kind != corroborate_model::EntityType::MISC).then(|| id.to_string())
}

/// Pronouns that name nobody until resolved.
const BARE_PRONOUNS: &[&str] = &[
    "he", "she", "it", "they", "we", "i", "who", "which", "that", "you",
];

/// Whether an annotated quote belongs in the dossier: direct and partial quotes do;
/// acts (`act`: "denied *any involvement*", the object of a speech act or stance, kept
/// in the annotation layer only: as a quote it would put words in the speaker's mouth)
/// do not; reported speech does when it states at least four words, outside a
/// headline, and names who says it (not a bare pronoun left unresolved).
fn is_statement(doc: &Annotations, q: &corroborate_model::QuoteMention) -> bool {
    match q.kind.as_deref() {
        Some("act") => return false,
        Some("reported") => {}
        _ => return true,
    }
    // reported speech without anyone to report it says nothing
    let named = q.speaker.as_ref().is_some_and(|sp| {
        sp.resolved.is_some() || !BARE_PRONOUNS.contains(&sp.text.trim().to_lowercase().as_str())
    });
    if !named {
        return false;
    }
    let t = &doc.source.text;
    let body = t.get(q.start..q.end).unwrap_or("");
    if text::words(body).len() < 4 {
        return false;
    }
    // a headline ("Militia claims Kharivsk bombing as minister blames Marvania") is
    // the first line of the text with no closing punctuation
    let first_line_end = t.find('\n').unwrap_or(t.len());
    let headline = q.start < first_line_end
        && !t
            .get(..first_line_end)
            .unwrap_or("")
            .trim_end()
            .ends_with(['.', '!', '?', '"', '\u{201d}']);
    !headline
}

/// Merges the quotes of a story's documents; ids are `<prefix>q1`, ... in order of
/// first appearance (documents in the given order).
pub fn merge_quotes(docs: &[&Annotations], table: &EntityTable, prefix: &str) -> Vec<Quote> {
    let mut groups: Vec<Vec<Item>> = Vec::new();
    // word -> groups holding it; an item looks up only its LOOKUP_WORDS longest words
    let mut index: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for doc in docs {
        let mut qs: Vec<&corroborate_model::QuoteMention> = doc.quotes.iter().collect();
        qs.sort_by_key(|q| q.start);
        for q in qs {
            let span = Span::new(q.start, q.end);
            if !span.is_valid_in(&doc.source.text) || span.is_empty() || !is_statement(doc, q) {
                continue;
            }
            let evidence = Evidence::of(&doc.source, span);
            let text = evidence.text.trim().to_string();
            let item = Item {
                words: text::words(&text).into_iter().collect(),
                sequence: sequence(&text),
                text,
                entity: speaker_entity(doc, q, table),
                // a pronoun that stayed unresolved names nobody
                speaker_text: q
                    .speaker
                    .as_ref()
                    .map(|s| s.resolved.clone().unwrap_or_else(|| s.text.clone()))
                    .filter(|s| !BARE_PRONOUNS.contains(&s.trim().to_lowercase().as_str())),
                evidence,
            };
            if item.text.is_empty() {
                continue;
            }
            // Two quotes with Dice >= 0.8 share at least 80% of the smaller one's
            // words, so a match holds one of its longest words unless it has more
            // than 5 / 0.2 = 25 words and misses exactly those.
            let mut keys: Vec<&String> = item.words.iter().collect();
            keys.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
            let mut cands: Vec<usize> = keys
                .iter()
                .take(LOOKUP_WORDS)
                .filter_map(|w| index.get(w.as_str()))
                .flatten()
                .copied()
                .collect();
            cands.sort_unstable();
            cands.dedup();
            let hit = cands.into_iter().find(|&gi| {
                groups.get(gi).is_some_and(|g| {
                    g.iter().any(|o| {
                        (set_dice(&o.words, &item.words) >= SAME_QUOTE
                            || contained(&o.sequence, &item.sequence))
                            && (o.entity.is_none()
                                || item.entity.is_none()
                                || o.entity == item.entity)
                    })
                })
            });
            let gi = match hit {
                Some(gi) => gi,
                None => {
                    groups.push(Vec::new());
                    groups.len() - 1
                }
            };
            for w in &item.words {
                let posting = index.entry(w.clone()).or_default();
                if posting.last() != Some(&gi) {
                    posting.push(gi);
                }
            }
            if let Some(g) = groups.get_mut(gi) {
                g.push(item);
            }
        }
    }
    let mut out = Vec::new();
    for (i, g) in groups.iter().enumerate() {
        let mut forms: BTreeMap<&str, usize> = BTreeMap::new();
        for it in g {
            *forms.entry(it.text.as_str()).or_default() += 1;
        }
        let first = g.first().map(|it| it.text.as_str()).unwrap_or("");
        let text = forms
            .iter()
            .max_by(|a, b| {
                a.1.cmp(b.1)
                    .then_with(|| (*b.0 != first).cmp(&(*a.0 != first)))
            })
            .map(|(t, _)| t.to_string())
            .unwrap_or_default();
        let mut ents: BTreeMap<&str, usize> = BTreeMap::new();
        for it in g {
            if let Some(e) = &it.entity {
                *ents.entry(e.as_str()).or_default() += 1;
            }
        }
        let entity = ents
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
            .map(|(e, _)| e.to_string());
        let speaker = match &entity {
            Some(id) => Some(DossierSpeaker {
                text: table
                    .get(id)
                    .map(|e| e.name.clone())
                    .unwrap_or_else(|| id.clone()),
                entity: Some(id.clone()),
            }),
            None => g
                .iter()
                .find_map(|it| it.speaker_text.clone())
                .map(|t| DossierSpeaker {
                    entity: None,
                    text: t,
                }),
        };
        let mut evidence: Vec<Evidence> = g.iter().map(|it| it.evidence.clone()).collect();
        evidence.sort_by(|a, b| (&a.source, a.start).cmp(&(&b.source, b.start)));
        evidence.dedup();
        out.push(Quote {
            id: format!("{prefix}q{}", i + 1),
            text,
            speaker,
            evidence,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::{AliasKb, canonical_entities};
    use crate::fixtures::demo_docs;

    #[test]
    fn same_quote_merged_with_speaker() {
        let docs = demo_docs();
        let refs: Vec<&Annotations> = docs.iter().filter(|d| d.source.id != "strike").collect();
        let table = canonical_entities(&refs, &AliasKb::default(), "s1-");
        let quotes = merge_quotes(&refs, &table, "s1-");
        let find = quotes
            .iter()
            .find(|q| q.text.starts_with("We will find every person"));
        assert!(find.is_some_and(|q| q.evidence.len() == 3));
        assert_eq!(
            find.and_then(|q| q.speaker.as_ref())
                .map(|s| s.text.as_str()),
            Some("Irina Voloshyna")
        );
        let vague = quotes
            .iter()
            .find(|q| q.text.starts_with("The warning was too vague"));
        assert_eq!(
            vague
                .and_then(|q| q.speaker.as_ref())
                .map(|s| s.text.as_str()),
            Some("Dmytro Hrytsenko")
        );
        assert!(vague.is_some_and(|q| q.speaker.as_ref().is_some_and(|s| s.entity.is_some())));
        assert!(word_dice("the music stopped", "The music stopped!") > 0.99);
        assert!(word_dice("a b c", "x y z") < 0.01);
        let c = |a: &str, b: &str| contained(&sequence(a), &sequence(b));
        assert!(c(
            "it was a bold act to avoid the law",
            "It was a bold act to avoid the law, although it took years to prove."
        ));
        assert!(!c("we will win", "we will win this war"));
        assert!(!c(
            "it is not what we wanted at all",
            "what we wanted is not it at all, and that is all"
        ));
    }
}

#[cfg(test)]
mod statement_tests {
    use super::*;
    use crate::fixtures::Doc;

    fn reported(doc: &mut Annotations, text: &str, cue: &str) {
        let speaker = doc
            .source
            .text
            .find("Officials")
            .map(|s| corroborate_model::SpeakerSpan {
                start: s,
                end: s + "Officials".len(),
                text: "Officials".into(),
                resolved: None,
            });
        if let Some(p) = doc.source.text.find(text) {
            doc.quotes.push(corroborate_model::QuoteMention {
                start: p,
                end: p + text.len(),
                text: text.into(),
                speaker,
                kind: Some("reported".into()),
                cue: Some(cue.into()),
            });
        }
    }

    #[test]
    fn a_speaker_phrase_maps_to_its_head_entity_only() {
        use corroborate_model::EntityType;
        let body = "Police chief Anna Kowal spoke. Officials in Kharivsk spoke. \
                    Doravian police spoke. Marvania's foreign ministry spoke.";
        let d = Doc::new("a", Some("2023-06-05"), "t", body)
            .ent("Anna Kowal", EntityType::PER)
            .ent("Kharivsk", EntityType::LOC)
            .ent("Doravian", EntityType::MISC)
            .ent("Marvania", EntityType::LOC)
            .done();
        let refs = [&d];
        let table = crate::entities::canonical_entities(&refs, &crate::AliasKb::default(), "s1-");
        let head = |phrase: &str| {
            let p = body.find(phrase).unwrap_or(0);
            head_entity(&d, &table, Span::new(p, p + phrase.len()))
                .and_then(|id| table.get(&id).map(|e| e.name.clone()))
        };
        assert_eq!(head("Police chief Anna Kowal"), Some("Anna Kowal".into()));
        assert_eq!(head("Officials in Kharivsk"), None);
        assert_eq!(head("Doravian police"), None);
        assert_eq!(head("Marvania's foreign ministry"), None);
    }

    #[test]
    fn acts_fragments_and_headlines_are_not_dossier_quotes() {
        let body = "Militia claims the bombing as minister blames Marvania\n\
                    Marvania denied any involvement. Officials said the warning had \
                    been far too vague to act on.";
        let mut d = Doc::new("a", Some("2023-06-05"), "t", body).done();
        reported(&mut d, "any involvement", "denied");
        reported(
            &mut d,
            "the warning had been far too vague to act on",
            "said",
        );
        reported(&mut d, "the bombing as minister blames Marvania", "claims");
        let kept: Vec<&str> = d
            .quotes
            .iter()
            .filter(|q| is_statement(&d, q))
            .map(|q| q.text.as_str())
            .collect();
        assert_eq!(kept, vec!["the warning had been far too vague to act on"]);
        // an act is never a quote, whatever its cue
        if let Some(q) = d.quotes.get_mut(1) {
            q.kind = Some("act".into());
        }
        assert!(!d.quotes.iter().any(|q| is_statement(&d, q)));
        // nobody to say it: not a statement
        if let Some(q) = d.quotes.get_mut(1) {
            q.kind = Some("reported".into());
            q.speaker = None;
        }
        assert!(!d.quotes.iter().any(|q| is_statement(&d, q)));
    }
}
