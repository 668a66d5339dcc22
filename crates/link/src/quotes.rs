//! Quotes merged across sources, with the speaker mapped to a canonical entity.

use std::collections::{BTreeMap, BTreeSet};

use corroborate_model::{Annotations, DossierSpeaker, Evidence, Quote, Span};

use crate::entities::EntityTable;
use crate::text;

/// Word-set Dice similarity from which two quotes are the same quote.
pub const SAME_QUOTE: f64 = 0.8;

/// Dice similarity of the word sets of two texts.
pub fn word_dice(a: &str, b: &str) -> f64 {
    let a: BTreeSet<String> = text::words(a).into_iter().collect();
    let b: BTreeSet<String> = text::words(b).into_iter().collect();
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    2.0 * a.intersection(&b).count() as f64 / (a.len() + b.len()) as f64
}

struct Item {
    text: String,
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
    if let Some(id) = table.entity_at(&doc.source.id, Span::new(sp.start, sp.end)) {
        return Some(id.to_string());
    }
    table.find_by_name(&sp.text).map(String::from)
}

/// Merges the quotes of a story's documents; ids are `<prefix>q1`, ... in order of
/// first appearance (documents in the given order).
pub fn merge_quotes(docs: &[&Annotations], table: &EntityTable, prefix: &str) -> Vec<Quote> {
    let mut groups: Vec<Vec<Item>> = Vec::new();
    for doc in docs {
        let mut qs: Vec<&corroborate_model::QuoteMention> = doc.quotes.iter().collect();
        qs.sort_by_key(|q| q.start);
        for q in qs {
            let span = Span::new(q.start, q.end);
            if !span.is_valid_in(&doc.source.text) || span.is_empty() {
                continue;
            }
            let evidence = Evidence::of(&doc.source, span);
            let item = Item {
                text: evidence.text.trim().to_string(),
                entity: speaker_entity(doc, q, table),
                speaker_text: q
                    .speaker
                    .as_ref()
                    .map(|s| s.resolved.clone().unwrap_or_else(|| s.text.clone())),
                evidence,
            };
            if item.text.is_empty() {
                continue;
            }
            let hit = groups.iter_mut().find(|g| {
                g.iter().any(|o| {
                    word_dice(&o.text, &item.text) >= SAME_QUOTE
                        && (o.entity.is_none() || item.entity.is_none() || o.entity == item.entity)
                })
            });
            match hit {
                Some(g) => g.push(item),
                None => groups.push(vec![item]),
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
    }
}
