//! Story clustering on ECB+ topics 1-35 (development split), word features only.
//!
//! Usage: `cargo run --release -p corroborate-link --example eval_ecb [DIR] [--threshold T]
//! [--merge M] [--names W] [--boost B] [--refine ROUNDS] [--consolidate T] [--split R] [--prime] [--sweep]`
//! DIR defaults to /work/shared/data/stories/ecbplus-dev. Gold story = topic + sub-topic
//! (`N_Mecb.xml` vs `N_Mecbplus.xml`). Prints B³ precision/recall/F1 and pairwise F1.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use corroborate_link::stories::{DocFeatures, StoryConfig, StoryIndex};

struct Doc {
    id: String,
    gold: String,
    text: String,
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

fn tokens(xml: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut rest = xml;
    while let Some(p) = rest.find("<token") {
        let Some(after) = rest.get(p..) else { break };
        let Some(gt) = after.find('>') else { break };
        let Some(body) = after.get(gt + 1..) else {
            break;
        };
        let Some(end) = body.find("</token>") else {
            break;
        };
        if let Some(t) = body.get(..end) {
            out.push(unescape(t));
        }
        rest = body.get(end..).unwrap_or("");
    }
    out.join(" ")
}

fn load(dir: &Path) -> Vec<Doc> {
    let mut docs = Vec::new();
    let Ok(topics) = std::fs::read_dir(dir) else {
        return docs;
    };
    let mut paths: Vec<PathBuf> = Vec::new();
    for t in topics.flatten() {
        let tp = t.path();
        let Some(topic) = tp
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.parse::<u32>().ok())
        else {
            continue;
        };
        if !(1..=35).contains(&topic) {
            continue;
        }
        if let Ok(files) = std::fs::read_dir(&tp) {
            paths.extend(
                files
                    .flatten()
                    .map(|f| f.path())
                    .filter(|p| p.extension().is_some_and(|e| e == "xml")),
            );
        }
    }
    paths.sort();
    for p in paths {
        let Some(name) = p.file_name().and_then(|n| n.to_str()).map(String::from) else {
            continue;
        };
        let topic = name.split('_').next().unwrap_or("").to_string();
        let sub = if name.ends_with("ecbplus.xml") {
            "ecbplus"
        } else {
            "ecb"
        };
        let Ok(xml) = std::fs::read_to_string(&p) else {
            continue;
        };
        docs.push(Doc {
            id: name,
            gold: format!("{topic}/{sub}"),
            text: tokens(&xml),
        });
    }
    docs.sort_by(|a, b| a.id.cmp(&b.id));
    docs
}

struct Scores {
    b3_p: f64,
    b3_r: f64,
    b3_f: f64,
    pair_f: f64,
    clusters: usize,
}

fn score(docs: &[Doc], pred: &[usize]) -> Scores {
    let n = docs.len();
    let mut pred_c: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
    let mut gold_c: BTreeMap<&str, BTreeSet<usize>> = BTreeMap::new();
    for (i, d) in docs.iter().enumerate() {
        pred_c
            .entry(pred.get(i).copied().unwrap_or(usize::MAX))
            .or_default()
            .insert(i);
        gold_c.entry(d.gold.as_str()).or_default().insert(i);
    }
    let (mut p, mut r) = (0.0, 0.0);
    let (mut tp, mut pp, mut gp) = (0u64, 0u64, 0u64);
    for (i, d) in docs.iter().enumerate() {
        let pc = pred_c.get(&pred.get(i).copied().unwrap_or(usize::MAX));
        let gc = gold_c.get(d.gold.as_str());
        if let (Some(pc), Some(gc)) = (pc, gc) {
            let inter = pc.intersection(gc).count() as f64;
            p += inter / pc.len() as f64;
            r += inter / gc.len() as f64;
            tp += (inter as u64).saturating_sub(1);
            pp += (pc.len() as u64).saturating_sub(1);
            gp += (gc.len() as u64).saturating_sub(1);
        }
    }
    let (p, r) = (p / n.max(1) as f64, r / n.max(1) as f64);
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    let (pp_, pr_) = (tp as f64 / pp.max(1) as f64, tp as f64 / gp.max(1) as f64);
    let pair_f = if pp_ + pr_ > 0.0 {
        2.0 * pp_ * pr_ / (pp_ + pr_)
    } else {
        0.0
    };
    Scores {
        b3_p: p,
        b3_r: r,
        b3_f: f,
        pair_f,
        clusters: pred_c.len(),
    }
}

fn run(
    docs: &[Doc],
    feats: &[DocFeatures],
    cfg: StoryConfig,
    prime: bool,
    consolidate: f64,
    refine: usize,
    split: f64,
) -> Scores {
    let mut index = StoryIndex::with_config(cfg);
    if prime {
        for f in feats {
            index.observe(f);
        }
    }
    for f in feats {
        index.add_features(f.clone());
    }
    if consolidate > 0.0 {
        index.consolidate(consolidate);
    }
    if refine > 0 {
        index.refine(feats, refine);
    }
    if std::env::var_os("ECB_SPLITS").is_some() {
        let gold: BTreeMap<&str, &str> = docs
            .iter()
            .map(|d| (d.id.as_str(), d.gold.as_str()))
            .collect();
        for c in index.split_candidates(feats) {
            let count = |g: &[String]| {
                let mut m: BTreeMap<&str, usize> = BTreeMap::new();
                for d in g {
                    *m.entry(gold.get(d.as_str()).copied().unwrap_or("?"))
                        .or_default() += 1;
                }
                m
            };
            println!(
                "split {:?} ratio {:.3}: {:?} | {:?}",
                c.story,
                c.ratio,
                count(&c.first),
                count(&c.second)
            );
        }
    }
    // The second-stage split is part of batch clustering only.
    if split > 0.0 && prime && refine > 0 {
        index.split(feats, split);
    }
    if std::env::var_os("ECB_DETAIL").is_some() {
        let mut by: BTreeMap<usize, BTreeMap<&str, usize>> = BTreeMap::new();
        for d in docs {
            let s = index.story_of(&d.id).map(|s| s.0).unwrap_or(usize::MAX);
            *by.entry(s).or_default().entry(d.gold.as_str()).or_default() += 1;
        }
        let mut frag: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for g in by.values() {
            for (gold, c) in g {
                frag.entry(gold).or_default().push(*c);
            }
        }
        for (gold, v) in &frag {
            if v.len() > 1 {
                println!("fragmented {gold}: {v:?}");
            }
        }
        for (s, g) in &by {
            if g.len() > 1 {
                println!(
                    "mixed story {s}: {g:?} top {:?}",
                    index.top_terms(corroborate_link::StoryId(*s), 8)
                );
            }
        }
    }
    let pred: Vec<usize> = docs
        .iter()
        .map(|d| index.story_of(&d.id).map(|s| s.0).unwrap_or(usize::MAX))
        .collect();
    score(docs, &pred)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut dir = PathBuf::from("/work/shared/data/stories/ecbplus-dev");
    let mut cfg = StoryConfig::default();
    let mut sweep = false;
    let mut prime = false;
    let mut consolidate = 0.0;
    let mut full_link = false;
    let mut refine = corroborate_link::stories::REFINE_ROUNDS;
    let mut split = corroborate_link::stories::SPLIT_RATIO;
    let mut i = 0;
    while let Some(a) = args.get(i) {
        match a.as_str() {
            "--threshold" => {
                cfg.threshold = args
                    .get(i + 1)
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(cfg.threshold);
                i += 1;
            }
            "--merge" => {
                cfg.merge_threshold = args
                    .get(i + 1)
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(cfg.merge_threshold);
                i += 1;
            }
            "--names" => {
                cfg.name_weight = args
                    .get(i + 1)
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(cfg.name_weight);
                i += 1;
            }
            "--boost" => {
                cfg.name_boost = args
                    .get(i + 1)
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(cfg.name_boost);
                i += 1;
            }
            "--refine" => {
                refine = args
                    .get(i + 1)
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(refine);
                i += 1;
            }
            "--split" => {
                split = args
                    .get(i + 1)
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(split);
                i += 1;
            }
            "--sweep" => sweep = true,
            "--link" => full_link = true,
            "--prime" => prime = true,
            "--consolidate" => {
                consolidate = args.get(i + 1).and_then(|v| v.parse().ok()).unwrap_or(0.5);
                i += 1;
            }
            other => dir = PathBuf::from(other),
        }
        i += 1;
    }
    if !dir.is_dir() {
        println!(
            "ECB+ development data not found at {}: nothing to evaluate (skipped).",
            dir.display()
        );
        return;
    }
    let docs = load(&dir);
    if docs.is_empty() {
        println!(
            "no ECB+ documents of topics 1-35 under {}: nothing to evaluate (skipped).",
            dir.display()
        );
        return;
    }
    let gold: BTreeSet<&str> = docs.iter().map(|d| d.gold.as_str()).collect();
    println!(
        "{} documents, {} gold stories (topics 1-35, ecb/ecbplus sub-topics)",
        docs.len(),
        gold.len()
    );
    let feats: Vec<DocFeatures> = docs
        .iter()
        .map(|d| DocFeatures::from_text(&d.id, &d.text, None))
        .collect();
    if full_link {
        // The whole linker over plain texts (no annotation layers): a robustness
        // and speed check, not a quality figure.
        let anns: Vec<corroborate_model::Annotations> = docs
            .iter()
            .map(|d| {
                let mut source =
                    corroborate_model::Source::new(d.id.clone(), d.id.clone(), d.text.clone());
                source.language = Some("en".into());
                corroborate_model::Annotations::new(source)
            })
            .collect();
        let start = std::time::Instant::now();
        let dossier = corroborate_link::link(anns);
        let secs = start.elapsed().as_secs_f64();
        let copies = dossier
            .sources
            .iter()
            .filter(|s| s.copy_of.is_some())
            .count();
        println!(
            "link(): {} stories, {} copies flagged, {} bad evidence, {:.2} s ({:.0} docs/s)",
            dossier.stories.len(),
            copies,
            dossier.bad_evidence().len(),
            secs,
            docs.len() as f64 / secs.max(1e-9)
        );
        return;
    }
    if sweep {
        for nw in [0.0, 0.1] {
            for t in [0.2, 0.22, 0.25, 0.28, 0.3] {
                for m in [0.0, 0.6] {
                    let c = StoryConfig {
                        threshold: t,
                        merge_threshold: t + 0.3,
                        name_weight: nw,
                        ..cfg.clone()
                    };
                    let s = run(&docs, &feats, c, prime, m, refine, split);
                    println!(
                        "{:.3} names {nw:.2} threshold {t:.2} consolidate {m:.2}: B3 P {:.3} R {:.3} F1 {:.3} | pairwise F1 {:.3} | {} clusters",
                        s.b3_f, s.b3_p, s.b3_r, s.b3_f, s.pair_f, s.clusters
                    );
                }
            }
        }
        return;
    }
    let modes = [
        ("online, incremental df", prime, 0),
        ("online + refinement", prime, refine),
        ("batch as link() does: primed df + refinement", true, refine),
    ];
    for (label, primed, rounds) in modes {
        let start = std::time::Instant::now();
        let s = run(
            &docs,
            &feats,
            cfg.clone(),
            primed,
            consolidate,
            rounds,
            split,
        );
        let secs = start.elapsed().as_secs_f64();
        println!(
            "{label}: threshold {:.2}: B3 P {:.3} R {:.3} F1 {:.3} | pairwise F1 {:.3} | {} clusters | {:.0} docs/s",
            cfg.threshold,
            s.b3_p,
            s.b3_r,
            s.b3_f,
            s.pair_f,
            s.clusters,
            docs.len() as f64 / secs.max(1e-9)
        );
    }
}
