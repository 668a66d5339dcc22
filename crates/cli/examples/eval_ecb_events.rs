//! Cross-document event coreference of the timeline, on ECB+ topics 1-35 (development).
//!
//! Each topic (two real events of one kind, e.g. two earthquakes, 20-40 articles) is
//! analysed as one pile by the whole pipeline (clean, annotate, link; publication dates
//! from the texts themselves). A timeline event is one happening with evidence sentences
//! from several articles. ECB+ marks event mentions (`ACTION_OCCURRENCE`) and links the
//! ones that refer to the same real event across documents (`CROSS_DOC_COREF`).
//!
//! Scoring, over pairs of sentences from different articles of a topic, each holding at
//! least one gold occurrence mention that has a cross-document instance:
//! - gold pair: the two sentences mention one and the same instance;
//! - our pair: both sentences are evidence of one timeline event.
//!
//! Precision = our pairs that are gold pairs / our pairs (among annotated sentences);
//! recall = gold pairs we make / gold pairs. Also printed: the share of annotated
//! sentences on the timeline at all (the timeline keeps dated happenings, and undated ones
//! that two or more articles tell alike). `FP=1`
//! prints the pairs we make that the gold does not.
//!
//! The sentence-pair recall is capped by design: an article tells its main event in many
//! sentences, a timeline entry cites one or two of them. So the same is also scored over
//! pairs of articles, which is what "one event reported by five outlets is one entry with
//! five pieces of evidence" asks: a gold link is two articles and an instance both mention
//! (in annotated sentences); we make it when one timeline event cites both articles with
//! sentences that mention the instance. Our pair (two articles cited by one event, both
//! with annotated evidence) is right when their evidence shares an instance.
//!
//! Run with `cargo run --release -p corroborate --example eval_ecb_events [-- DIR]`;
//! when the data is absent the tool says so and exits 0.

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;

use corroborate::Config;
use corroborate::ingest::{Content, Meta, RawDoc};

#[path = "common/ecb.rs"]
mod ecb;
use ecb::attr;

const DEFAULT_DIR: &str = "/work/shared/data/stories/ecbplus-dev";

/// One ECB+ document: its lines (one sentence each) and, per line, the cross-document
/// instances of the occurrence mentions on it.
struct Doc {
    name: String,
    lines: Vec<String>,
    instances: Vec<BTreeSet<String>>,
    /// Per line, the words of its occurrence mentions that a cross-document instance
    /// holds (lowercase), for `MISSED=1`.
    words: Vec<Vec<String>>,
}

fn parse(name: &str, xml: &str) -> Doc {
    let (lines, line_of_token) = ecb::rebuild(xml);
    let word_of_token: HashMap<&str, String> = xml
        .split("<token ")
        .skip(1)
        .filter_map(|part| {
            let word = part
                .split_once('>')
                .and_then(|(_, r)| r.split_once("</token>"))
                .map(|(w, _)| ecb::decode(w).to_lowercase())?;
            Some((attr(part, "t_id")?, word))
        })
        .collect();
    let mut mention_words: HashMap<String, String> = HashMap::new();
    // Occurrence mentions: m_id -> lines of their tokens.
    let mut mention_lines: HashMap<String, BTreeSet<usize>> = HashMap::new();
    for tag in ["<ACTION_OCCURRENCE ", "<NEG_ACTION_OCCURRENCE "] {
        for part in xml.split(tag).skip(1) {
            let Some(m_id) = attr(part, "m_id") else {
                continue;
            };
            let body = part.split("</").next().unwrap_or("");
            let set: BTreeSet<usize> = body
                .split("<token_anchor ")
                .skip(1)
                .filter_map(|a| attr(a, "t_id"))
                .filter_map(|t| line_of_token.get(t).copied())
                .collect();
            if !set.is_empty() {
                mention_lines.insert(m_id.to_string(), set);
            }
            let words: Vec<&str> = body
                .split("<token_anchor ")
                .skip(1)
                .filter_map(|a| attr(a, "t_id"))
                .filter_map(|t| word_of_token.get(t).map(String::as_str))
                .collect();
            mention_words.insert(m_id.to_string(), words.join(" "));
        }
    }
    let mut instances: Vec<BTreeSet<String>> = vec![BTreeSet::new(); lines.len()];
    let mut words: Vec<Vec<String>> = vec![Vec::new(); lines.len()];
    for part in xml.split("<CROSS_DOC_COREF ").skip(1) {
        let Some(note) = attr(part, "note") else {
            continue;
        };
        let body = part.split("</CROSS_DOC_COREF>").next().unwrap_or("");
        for src in body.split("<source ").skip(1) {
            let m_id = attr(src, "m_id");
            if let Some(ls) = m_id.and_then(|m| mention_lines.get(m)) {
                for &l in ls {
                    if let Some(set) = instances.get_mut(l) {
                        set.insert(note.to_string());
                    }
                    if let (Some(ws), Some(w)) =
                        (words.get_mut(l), m_id.and_then(|m| mention_words.get(m)))
                    {
                        ws.push(w.clone());
                    }
                }
            }
        }
    }
    Doc {
        name: name.to_string(),
        lines,
        instances,
        words,
    }
}

/// Precision (`right` of `ours`), recall (`found` of `gold`) and their F1.
fn prf(right: usize, ours: usize, found: usize, gold: usize) -> (f64, f64, f64) {
    let p = right as f64 / ours.max(1) as f64;
    let r = found as f64 / gold.max(1) as f64;
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn main() {
    let dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(DEFAULT_DIR));
    let all = ecb::dev_topics(&dir);
    if all.is_empty() {
        println!(
            "ECB+ not found at {} (expected topic folders 1-35): nothing to evaluate.",
            dir.display()
        );
        return;
    }
    let config = Config::default();
    let (mut gold_pairs, mut our_pairs, mut hits) = (0usize, 0usize, 0usize);
    let (mut annotated, mut on_timeline, mut docs_total) = (0usize, 0usize, 0usize);
    let mut events_multi = 0usize;
    let mut events_total = 0usize;
    // article level: gold (a, b, instance) links, those we make, our article pairs and
    // the right ones
    let (mut art_gold, mut art_made, mut art_ours, mut art_right) =
        (0usize, 0usize, 0usize, 0usize);
    for (topic, paths) in &all {
        let docs: Vec<Doc> = paths
            .iter()
            .filter_map(|p| {
                let xml = std::fs::read_to_string(p).ok()?;
                let name = p.file_name()?.to_string_lossy().to_string();
                Some(parse(&name, &xml))
            })
            .collect();
        docs_total += docs.len();
        let raws: Vec<RawDoc> = docs
            .iter()
            .map(|d| {
                let mut lines = d.lines.clone();
                if let Some(first) = lines.first_mut().filter(|l| l.starts_with("http")) {
                    *first = first.replace(' ', "");
                }
                RawDoc {
                    origin: d.name.clone(),
                    content: Content::Text(lines.join("\n")),
                    meta: Meta::default(),
                }
            })
            .collect();
        let annotations: Vec<_> = corroborate::annotate_all(&raws, &config)
            .into_iter()
            .map(|(a, _)| a)
            .collect();
        let (dossier, _) =
            corroborate::analyze_full(annotations, vec![], &corroborate::link_options(None).0);
        let doc_of_source: HashMap<&str, usize> = dossier
            .sources
            .iter()
            .filter_map(|s| {
                let i = docs.iter().position(|d| d.name == s.origin)?;
                Some((s.id.as_str(), i))
            })
            .collect();
        // Normalised lines, to find each evidence sentence in its document.
        let normed: Vec<Vec<String>> = docs
            .iter()
            .map(|d| d.lines.iter().map(|l| norm(l)).collect())
            .collect();
        // (doc, line) -> our event ids.
        let mut ours: HashMap<(usize, usize), BTreeSet<String>> = HashMap::new();
        for st in &dossier.stories {
            for e in &st.events {
                events_total += 1;
                let mut docs_of_event = BTreeSet::new();
                for ev in &e.evidence {
                    let Some(&di) = doc_of_source.get(ev.source.as_str()) else {
                        continue;
                    };
                    let key = norm(&ev.text);
                    let probe: String = key.chars().take(40).collect();
                    if probe.is_empty() {
                        continue;
                    }
                    let Some(lines) = normed.get(di) else {
                        continue;
                    };
                    for (li, l) in lines.iter().enumerate() {
                        if l.contains(&probe) || (l.len() >= 20 && key.contains(l.as_str())) {
                            ours.entry((di, li)).or_default().insert(e.id.clone());
                            docs_of_event.insert(di);
                        }
                    }
                }
                if docs_of_event.len() >= 2 {
                    events_multi += 1;
                }
            }
        }
        // Annotated sentences.
        let items: Vec<(usize, usize)> = docs
            .iter()
            .enumerate()
            .flat_map(|(di, d)| {
                d.instances
                    .iter()
                    .enumerate()
                    .filter(|(_, s)| !s.is_empty())
                    .map(move |(li, _)| (di, li))
            })
            .collect();
        annotated += items.len();
        on_timeline += items.iter().filter(|k| ours.contains_key(k)).count();
        if std::env::var_os("MISSED").is_some() {
            // the event words of annotated sentences on no timeline
            for &(di, li) in items.iter().filter(|k| !ours.contains_key(k)) {
                for w in docs
                    .get(di)
                    .and_then(|d| d.words.get(li))
                    .into_iter()
                    .flatten()
                {
                    let line = docs
                        .get(di)
                        .and_then(|d| d.lines.get(li))
                        .map_or("", String::as_str);
                    let name = docs.get(di).map_or("", |d| d.name.as_str());
                    println!("MISSED\t{w}\t{name}\t{line}");
                }
            }
        }
        for (a, &(da, la)) in items.iter().enumerate() {
            for &(db, lb) in items.iter().skip(a + 1) {
                if da == db {
                    continue;
                }
                let ga = docs.get(da).and_then(|d| d.instances.get(la));
                let gb = docs.get(db).and_then(|d| d.instances.get(lb));
                let gold = matches!((ga, gb), (Some(x), Some(y)) if !x.is_disjoint(y));
                let mine = match (ours.get(&(da, la)), ours.get(&(db, lb))) {
                    (Some(x), Some(y)) => !x.is_disjoint(y),
                    _ => false,
                };
                if mine && !gold && std::env::var_os("FP").is_some() {
                    let line = |d: usize, l: usize| {
                        docs.get(d)
                            .and_then(|x| x.lines.get(l))
                            .map(|t| t.chars().take(110).collect::<String>())
                            .unwrap_or_default()
                    };
                    println!("FP\t{}\t{}", line(da, la), line(db, lb));
                }
                gold_pairs += usize::from(gold);
                our_pairs += usize::from(mine);
                hits += usize::from(gold && mine);
            }
        }
        // Article level. Instance -> articles that mention it in annotated sentences.
        let mut arts_of: HashMap<&str, BTreeSet<usize>> = HashMap::new();
        for (di, d) in docs.iter().enumerate() {
            for set in &d.instances {
                for i in set {
                    arts_of.entry(i.as_str()).or_default().insert(di);
                }
            }
        }
        // Event -> article -> instances on its evidence lines.
        let mut ev_arts: HashMap<&str, HashMap<usize, BTreeSet<&str>>> = HashMap::new();
        for (&(di, li), evs) in &ours {
            let Some(set) = docs.get(di).and_then(|d| d.instances.get(li)) else {
                continue;
            };
            for e in evs {
                let slot = ev_arts
                    .entry(e.as_str())
                    .or_default()
                    .entry(di)
                    .or_default();
                slot.extend(set.iter().map(String::as_str));
            }
        }
        let mut made: BTreeSet<(usize, usize, &str)> = BTreeSet::new();
        for arts in ev_arts.values() {
            let v: Vec<(&usize, &BTreeSet<&str>)> = arts.iter().collect();
            for (k, (a, sa)) in v.iter().enumerate() {
                for (b, sb) in v.iter().skip(k + 1) {
                    if sa.is_empty() || sb.is_empty() {
                        continue;
                    }
                    art_ours += 1;
                    let shared: Vec<&&str> = sa.intersection(sb).collect();
                    art_right += usize::from(!shared.is_empty());
                    for i in shared {
                        made.insert(((**a).min(**b), (**a).max(**b), *i));
                    }
                }
            }
        }
        if std::env::var_os("ARTICLES").is_some() {
            // per instance told by 4+ articles: how many one event of ours brings together
            for (i, arts) in &arts_of {
                if arts.len() < 4 {
                    continue;
                }
                let best = ev_arts
                    .values()
                    .map(|m| m.values().filter(|set| set.contains(i)).count())
                    .max()
                    .unwrap_or(0);
                // the most of its articles one story holds
                let story = dossier
                    .stories
                    .iter()
                    .map(|st| {
                        st.sources
                            .iter()
                            .filter_map(|id| doc_of_source.get(id.as_str()))
                            .filter(|d| arts.contains(d))
                            .count()
                    })
                    .max()
                    .unwrap_or(0);
                // articles with a sentence of the instance on the timeline, and the
                // events those sentences are in
                let mut on = BTreeSet::new();
                let mut evs = BTreeSet::new();
                for ((d, l), set) in &ours {
                    if docs
                        .get(*d)
                        .and_then(|x| x.instances.get(*l))
                        .is_some_and(|x| x.contains(*i))
                    {
                        on.insert(*d);
                        evs.extend(set.iter().cloned());
                    }
                }
                if std::env::var("INST").is_ok_and(|x| x == *i) {
                    let date_of = |id: &str| {
                        dossier
                            .stories
                            .iter()
                            .flat_map(|st| st.events.iter())
                            .find(|e| e.id == id)
                            .map(|e| {
                                e.date
                                    .as_ref()
                                    .map_or("undated".to_string(), |d| d.value.clone())
                            })
                            .unwrap_or_default()
                    };
                    for (di, d) in docs.iter().enumerate() {
                        for (li, set) in d.instances.iter().enumerate() {
                            if set.contains(*i) {
                                let evs: Vec<String> = ours
                                    .get(&(di, li))
                                    .map(|x| {
                                        x.iter().map(|e| format!("{e}@{}", date_of(e))).collect()
                                    })
                                    .unwrap_or_default();
                                let line: String = d
                                    .lines
                                    .get(li)
                                    .map(|l| l.chars().take(150).collect())
                                    .unwrap_or_default();
                                println!("INST\t{}\t{:?}\t{line}", d.name, evs);
                            }
                        }
                    }
                }
                println!(
                    "ART\ttopic {topic}\t{i}\t{} articles\tbest event {best}\tbest story {story}\ton timeline {}\tevents {}",
                    arts.len(),
                    on.len(),
                    evs.len()
                );
            }
        }
        for (i, arts) in &arts_of {
            let n = arts.len();
            art_gold += n * n.saturating_sub(1) / 2;
            art_made += made.iter().filter(|(_, _, x)| x == i).count();
        }
        if std::env::var_os("VERBOSE").is_some() {
            println!(
                "topic {topic}: {} documents, {} stories, {} events",
                docs.len(),
                dossier.stories.len(),
                dossier
                    .stories
                    .iter()
                    .map(|s| s.events.len())
                    .sum::<usize>()
            );
        }
    }
    let (p, r, f) = prf(hits, our_pairs, hits, gold_pairs);
    println!(
        "ECB+ topics 1-35: {docs_total} documents. Annotated sentences (with a cross-document occurrence mention): {annotated}; on our timeline: {on_timeline} ({:.1}%).\n\
         Timeline events: {events_total}, with evidence from two or more articles: {events_multi}.\n\
         Cross-article sentence pairs: gold {gold_pairs}, ours {our_pairs}, both {hits}.\n\
         Cross-document event coreference (pairwise, annotated sentences): P {p:.3} R {r:.3} F1 {f:.3}",
        100.0 * on_timeline as f64 / annotated.max(1) as f64
    );
    let (ap, ar, af) = prf(art_right, art_ours, art_made, art_gold);
    println!(
        "Article pairs: gold links (two articles, one instance) {art_gold}, made {art_made}; \
         our pairs {art_ours}, right {art_right}.\n\
         Cross-document event coreference (article pairs): P {ap:.3} R {ar:.3} F1 {af:.3}"
    );
}
