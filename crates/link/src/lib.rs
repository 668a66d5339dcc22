//! Cross-document linking: copies, stories, canonical entities, timeline, quotes,
//! claims and the summary.
//!
//! # Architecture invariants
//! - Reads annotation layers; never re-parses text beyond slicing spans.
//! - Every evidence item it emits is a span of its source's text.
//! - Pure functions over data, no I/O; output is deterministic for a given input
//!   (stories ordered by their earliest source, ids `s1`, `s1-e1`, `s1-ev1`,
//!   `s1-q1`, `s1-c1`).
//!
//! The stages: [`copies`] (near-duplicates and spun rewrites) -> [`stories`]
//! (incremental clustering) -> per story: [`entities`] -> [`events`] (timeline and
//! inferred publication dates) -> [`quotes`] -> [`claims`] -> [`summary`].

#![warn(missing_docs)]

pub mod claims;
pub mod copies;
pub mod entities;
pub mod events;
pub mod quotes;
pub mod stories;
pub mod summary;
pub mod text;

#[cfg(test)]
mod fixtures;

use corroborate_model::{Annotations, DOSSIER_SCHEMA, Dossier, Story};

pub use copies::CopyGraph;
pub use entities::AliasKb;
pub use stories::{StoryConfig, StoryId, StoryIndex};

/// Options of the linker.
#[derive(Debug, Clone, Default)]
pub struct LinkOptions {
    /// Curated aliases consulted when merging entities.
    pub kb: AliasKb,
}

/// Links annotated sources into a dossier.
pub fn link(docs: Vec<Annotations>) -> Dossier {
    link_with(docs, &LinkOptions::default())
}

/// What linking decides from the texts alone: the copy graph and the story groups.
///
/// Annotating a source again with an inferred publication date, or re-resolving its
/// event-anchored dates, changes neither, so a second [`link_planned`] over the same
/// documents (same order) reuses the plan instead of clustering again.
#[derive(Debug, Clone)]
pub struct Plan {
    copies: CopyGraph,
    groups: Vec<Vec<usize>>,
    /// The source ids the plan was made for, in order.
    ids: Vec<String>,
}

/// Finds copies and clusters `docs` into stories.
pub fn plan(docs: &[Annotations]) -> Plan {
    Plan {
        copies: CopyGraph::build(docs),
        groups: stories::cluster(docs),
        ids: docs.iter().map(|d| d.source.id.clone()).collect(),
    }
}

/// Links annotated sources into a dossier, with options.
pub fn link_with(docs: Vec<Annotations>, opts: &LinkOptions) -> Dossier {
    let p = plan(&docs);
    link_planned(docs, opts, &p)
}

/// Links annotated sources into a dossier with a [`Plan`] made for the same
/// documents in the same order; a plan made for other sources (ids or order differ)
/// is ignored and made afresh.
pub fn link_planned(mut docs: Vec<Annotations>, opts: &LinkOptions, plan_in: &Plan) -> Dossier {
    let fresh;
    let same = plan_in.ids.len() == docs.len()
        && plan_in
            .ids
            .iter()
            .zip(&docs)
            .all(|(id, d)| *id == d.source.id);
    let plan_ref = if same {
        plan_in
    } else {
        fresh = plan(&docs);
        &fresh
    };
    let copies = &plan_ref.copies;
    {
        let mut sources: Vec<corroborate_model::Source> =
            docs.iter().map(|d| d.source.clone()).collect();
        copies.apply(&mut sources);
        for (d, s) in docs.iter_mut().zip(sources) {
            d.source = s;
        }
    }
    let groups = &plan_ref.groups;
    let mut stories_out = Vec::new();
    for (si, group) in groups.iter().enumerate() {
        let story_id = format!("s{}", si + 1);
        let prefix = format!("{story_id}-");
        let mut members: Vec<usize> = group.clone();
        members.sort_by(|&a, &b| story_order(&docs, a, b));
        // Entities and the timeline, then dates for undated sources.
        let (table, mut tl) = {
            let refs: Vec<&Annotations> = members.iter().filter_map(|&i| docs.get(i)).collect();
            let table = entities::canonical_entities(&refs, &opts.kb, &prefix);
            let tl = events::timeline(&refs, &table, &prefix);
            (table, tl)
        };
        let mut inferred_any = false;
        for &i in &members {
            if let Some(d) = docs.get_mut(i)
                && d.source.published.is_none()
            {
                d.source.published = events::infer_published(d, &tl);
                inferred_any |= d.source.published.is_some();
            }
        }
        // A story no source dates: its inferred dates (mostly "on or after" bounds) tell
        // which of its events are background, so the timeline is built again with them.
        let dated = members.iter().filter_map(|&i| docs.get(i)).any(|d| {
            d.source
                .published
                .as_ref()
                .is_some_and(|p| p.basis != corroborate_model::DateBasis::Inferred)
        });
        if inferred_any && !dated {
            let refs: Vec<&Annotations> = members.iter().filter_map(|&i| docs.get(i)).collect();
            tl = events::timeline(&refs, &table, &prefix);
        }
        members.sort_by(|&a, &b| story_order(&docs, a, b));
        let refs: Vec<&Annotations> = members.iter().filter_map(|&i| docs.get(i)).collect();
        let quotes = quotes::merge_quotes(&refs, &table, &prefix);
        let claims = claims::claims(&refs, &table, &tl, copies, &prefix);
        let summary = summary::summarise(&refs, &tl, &quotes, &claims, copies);
        let title = refs
            .iter()
            .filter(|d| {
                copies.original_of(&d.source.id).is_none()
                    && d.source
                        .published
                        .as_ref()
                        .is_some_and(|p| p.basis != corroborate_model::DateBasis::Inferred)
            })
            .chain(refs.iter())
            .find_map(|d| d.source.title.clone().filter(|t| !t.trim().is_empty()))
            .unwrap_or_else(|| {
                let names: Vec<&str> = table
                    .entities
                    .iter()
                    .take(3)
                    .map(|e| e.name.as_str())
                    .collect();
                if names.is_empty() {
                    format!("Story {}", si + 1)
                } else {
                    names.join(", ")
                }
            });
        stories_out.push(Story {
            id: story_id,
            title,
            sources: refs.iter().map(|d| d.source.id.clone()).collect(),
            entities: table.entities,
            events: tl.events,
            quotes,
            claims,
            summary,
        });
    }
    entities::assign_global_ids(&mut stories_out);
    Dossier {
        schema: DOSSIER_SCHEMA.to_string(),
        sources: docs.into_iter().map(|a| a.source).collect(),
        stories: stories_out,
        skipped: Vec::new(),
    }
}

/// Story order of sources: published (undated and inferred dates last), then id.
fn story_order(docs: &[Annotations], a: usize, b: usize) -> std::cmp::Ordering {
    let key = |i: usize| {
        docs.get(i).map(|d| {
            (
                d.source
                    .published
                    .as_ref()
                    .is_none_or(|p| p.basis == corroborate_model::DateBasis::Inferred),
                d.source.published.as_ref().map(|p| p.value.clone()),
                d.source.id.clone(),
            )
        })
    };
    key(a).cmp(&key(b))
}

/// Incremental linking: documents arrive one at a time and join stories at once;
/// the full dossier is built on demand.
#[derive(Debug, Clone, Default)]
pub struct Linker {
    index: StoryIndex,
    docs: Vec<Annotations>,
    opts: LinkOptions,
}

impl Linker {
    /// An empty linker.
    pub fn new(opts: LinkOptions) -> Self {
        Linker {
            index: StoryIndex::new(),
            docs: Vec::new(),
            opts,
        }
    }

    /// Adds a document; returns the live story it joined (ids of the incremental
    /// index, not the dossier's `s1`, `s2`).
    pub fn add(&mut self, doc: Annotations) -> StoryId {
        let id = self.index.add(&doc);
        self.docs.push(doc);
        id
    }

    /// Retires the stories whose latest dated document is older than `day` (days
    /// since 1970-01-01, as [`text::day_number`] counts): their documents leave the
    /// linker, so a long-running feed keeps only its live stories in memory. Returns
    /// the retired stories with their document ids.
    pub fn retire_before(&mut self, day: i64) -> Vec<(StoryId, Vec<String>)> {
        let out = self.index.retire_before(day);
        if !out.is_empty() {
            let gone: std::collections::BTreeSet<&str> = out
                .iter()
                .flat_map(|(_, ids)| ids.iter().map(String::as_str))
                .collect();
            self.docs.retain(|d| !gone.contains(d.source.id.as_str()));
        }
        out
    }

    /// The live story of a document.
    pub fn story_of(&self, doc_id: &str) -> Option<StoryId> {
        self.index.story_of(doc_id)
    }

    /// Number of documents added.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// Whether no document was added.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// The dossier of everything added so far (batch linking of the documents).
    pub fn dossier(&self) -> Dossier {
        link_with(self.docs.clone(), &self.opts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use corroborate_model::{ClaimStatus, DateBasis, flags};

    fn dossier() -> Dossier {
        link(fixtures::demo_docs())
    }

    #[test]
    fn every_evidence_round_trips() {
        let d = dossier();
        assert!(d.bad_evidence().is_empty(), "{:?}", d.bad_evidence());
        assert!(!d.all_evidence().is_empty());
        for s in &d.stories {
            assert!(!s.summary.is_empty());
            for m in &s.summary {
                assert!(!m.citations.is_empty());
            }
        }
    }

    #[test]
    fn demo_dossier_shape() {
        let d = dossier();
        assert_eq!(d.stories.len(), 2);
        let main = d.stories.iter().find(|s| s.sources.len() > 1);
        let Some(main) = main else {
            panic!("no main story");
        };
        assert_eq!(main.title, "Bomb kills 58 at Kharivsk concert hall");
        assert!(main.sources.contains(&"undated".to_string()));
        let undated = d.sources.iter().find(|s| s.id == "undated");
        let p = undated.and_then(|s| s.published.as_ref());
        assert!(
            p.is_some_and(|p| p.basis == DateBasis::Inferred && p.value.as_str() >= "2023-06-04")
        );
        let herald = d.sources.iter().find(|s| s.id == "herald");
        assert!(herald.is_some_and(|h| h.has_flag(flags::NEAR_DUPLICATE)));
        assert!(
            main.claims
                .iter()
                .any(|c| c.attribute == "killed" && c.status == ClaimStatus::Evolving)
        );
        assert!(
            main.claims
                .iter()
                .any(|c| c.attribute == "responsibility" && c.status == ClaimStatus::Contested)
        );
        assert!(
            main.summary.len() >= 3 && main.summary.len() <= 6,
            "{:?}",
            main.summary
        );
        // Ids are unique across the dossier.
        let mut ids: Vec<&str> = d
            .stories
            .iter()
            .flat_map(|s| {
                s.entities
                    .iter()
                    .map(|e| e.id.as_str())
                    .chain(s.events.iter().map(|e| e.id.as_str()))
            })
            .collect();
        let n = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), n);
    }

    #[test]
    fn entities_carry_cross_story_ids() {
        let d = dossier();
        let all: Vec<&corroborate_model::Entity> =
            d.stories.iter().flat_map(|s| s.entities.iter()).collect();
        assert!(all.iter().all(|e| e.global.is_some()));
        // within a story every entity has its own global id
        for s in &d.stories {
            let mut g: Vec<&str> = s
                .entities
                .iter()
                .filter_map(|e| e.global.as_deref())
                .collect();
            let n = g.len();
            g.sort();
            g.dedup();
            assert_eq!(g.len(), n);
        }
    }

    #[test]
    fn global_ids_join_shared_names_but_not_lone_surnames() {
        use corroborate_model::{Entity, EntityType, Story};
        let ent = |name: &str, kind: EntityType, aliases: &[&str]| Entity {
            id: String::new(),
            name: name.into(),
            kind,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            mentions: vec![],
            notes: vec![],
            global: None,
        };
        let story = |ents: Vec<Entity>| Story {
            id: String::new(),
            title: String::new(),
            sources: vec![],
            entities: ents,
            events: vec![],
            quotes: vec![],
            claims: vec![],
            summary: vec![],
        };
        let mut stories = vec![
            story(vec![
                ent("United States", EntityType::LOC, &["U.S."]),
                ent("Kowal", EntityType::PER, &[]),
            ]),
            story(vec![
                ent("U.S.", EntityType::LOC, &[]),
                ent("Kowal", EntityType::PER, &[]),
                ent("United States", EntityType::ORG, &[]),
            ]),
        ];
        entities::assign_global_ids(&mut stories);
        let g = |s: usize, e: usize| {
            stories
                .get(s)
                .and_then(|st| st.entities.get(e))
                .and_then(|x| x.global.clone())
        };
        assert_eq!(g(0, 0), g(1, 0)); // the United States, by its alias
        assert_ne!(g(0, 1), g(1, 1)); // two Kowals stay apart
        assert_ne!(g(0, 0), g(1, 2)); // another type stays apart
    }

    #[test]
    fn deterministic_whatever_the_input_order() {
        let a = dossier();
        let mut docs = fixtures::demo_docs();
        docs.reverse();
        let mut b = link(docs);
        b.sources.reverse();
        assert_eq!(a.stories, b.stories);
        assert_eq!(a.sources, b.sources);
    }

    #[test]
    fn incremental_linker() {
        let mut l = Linker::new(LinkOptions::default());
        for d in fixtures::demo_docs() {
            l.add(d);
        }
        assert_eq!(l.len(), 8);
        assert_ne!(l.story_of("strike"), l.story_of("mpa"));
        assert_eq!(l.story_of("herald"), l.story_of("mpa"));
        assert_eq!(l.dossier().stories.len(), 2);
        // nothing is older than 2023-01-01; everything is older than 2024-01-01
        let early = text::day_number("2023-01-01").unwrap_or(0);
        assert!(l.retire_before(early).is_empty());
        assert_eq!(l.len(), 8);
        let late = text::day_number("2024-01-01").unwrap_or(0);
        let retired = l.retire_before(late);
        assert_eq!(retired.len(), 2, "{retired:?}");
        assert!(l.is_empty());
        assert!(l.story_of("mpa").is_none());
    }

    use proptest::prelude::*;

    const WORDS: &[&str] = &[
        "Kharivsk",
        "Łódź",
        "bomb",
        "killed",
        "58",
        "people",
        "on",
        "Saturday",
        "—",
        "said",
        "\u{201c}blast\u{201d}",
        "Marvania",
        "denied",
        "claimed",
        "responsibility",
        "SSB",
        "warning",
        "too",
        "vague",
        "Anna",
        "Kowal",
        ".",
        "2019",
        "ü",
    ];

    fn random_doc(id: usize, words: &[usize], picks: &[usize]) -> Annotations {
        let body: Vec<&str> = words
            .iter()
            .map(|&w| WORDS.get(w % WORDS.len()).copied().unwrap_or("x"))
            .collect();
        let text = body.join(" ");
        let mut d = fixtures::Doc::new(&format!("d{id}"), Some("2023-06-05"), "t", &text).done();
        let spans = text::word_spans(&text);
        for (k, &p) in picks.iter().enumerate() {
            let Some(&(a, b)) = spans.get(p % spans.len().max(1)) else {
                continue;
            };
            let slice = text.get(a..b).unwrap_or("").to_string();
            match k % 4 {
                0 => d.entities.push(corroborate_model::EntityMention {
                    start: a,
                    end: b,
                    text: slice,
                    kind: corroborate_model::EntityType::PER,
                    title: None,
                    canonical: None,
                }),
                1 => d.times.push(corroborate_model::TimeMention {
                    start: a,
                    end: b,
                    text: slice,
                    kind: corroborate_model::TimeType::DATE,
                    value: "2023-06-03".into(),
                    anchor: None,
                    duration: None,
                }),
                2 => d.quotes.push(corroborate_model::QuoteMention {
                    start: a,
                    end: b,
                    text: slice,
                    speaker: None,
                    kind: None,
                    cue: None,
                }),
                _ => d.quantities.push(corroborate_model::QuantityMention {
                    start: a,
                    end: b,
                    text: slice,
                    value: 5.0,
                    unit: None,
                    min: None,
                    max: None,
                    modifier: None,
                    category: Some("killed".into()),
                }),
            }
        }
        d
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]
        #[test]
        fn random_inputs_round_trip(
            docs in proptest::collection::vec(
                (proptest::collection::vec(0usize..64, 1..40), proptest::collection::vec(0usize..64, 0..12)),
                1..5,
            )
        ) {
            let docs: Vec<Annotations> = docs
                .iter()
                .enumerate()
                .map(|(i, (w, p))| random_doc(i, w, p))
                .collect();
            let d = link(docs);
            prop_assert!(d.bad_evidence().is_empty(), "{:?}", d.bad_evidence());
        }
    }

    #[test]
    fn empty_input() {
        let d = link(Vec::new());
        assert!(d.stories.is_empty() && d.sources.is_empty());
    }
}
