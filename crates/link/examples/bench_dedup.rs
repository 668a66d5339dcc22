//! Near-duplicate detection bench: speed, and precision/recall against the exact
//! Jaccard of word 5-shingle sets.
//!
//! Usage:
//! - `bench_dedup --generate OUT.jsonl [--n 20000] [--seed 1] [--data DIR]` writes a
//!   corpus of `{"id","text"}` lines: articles mixed from real sentences (ECB+
//!   development topics 1-35 under DIR, default /work/shared/data/stories/ecbplus-dev;
//!   a synthetic Zipf vocabulary when absent), about a fifth of them planted
//!   near-copies of an earlier article with 0-10% of the words edited (replaced,
//!   deleted or inserted), so true pairs sit at several Jaccard levels.
//! - `bench_dedup --input F.jsonl [--truth-out T.tsv] [--estimate]` computes the
//!   ground truth (every pair with exact Jaccard >= 0.8 of the 5-shingle sets, by
//!   an exact all-pairs similarity join: prefix filtering over 64-bit shingle
//!   hashes, then full verification), runs `corroborate_link::copies::DupIndex` over
//!   all documents (timed: shingling, signatures, LSH, verification; texts already in
//!   memory), and prints docs/s, precision and recall. With `--estimate` the index
//!   verifies by the signature estimate instead of the exact shingle sets.
//!
//! Shingling (both here and in the datasketch peer): words are runs of alphanumeric
//! characters after lowercasing (and diacritics folding), apostrophes dropped; a
//! shingle is 5 consecutive words.

use std::collections::{BTreeSet, HashMap};
use std::io::{BufRead, Write};
use std::path::PathBuf;

use corroborate_link::copies::{DupConfig, DupIndex, shingle_hashes};

#[path = "common/rng.rs"]
mod rng;
use rng::Rng;

/// Sentences of the ECB+ development topics (1-35 only).
fn real_sentences(dir: &std::path::Path) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let Ok(topics) = std::fs::read_dir(dir) else {
        return out;
    };
    let mut paths = Vec::new();
    for t in topics.flatten() {
        let ok = t
            .file_name()
            .to_str()
            .and_then(|n| n.parse::<u32>().ok())
            .is_some_and(|n| (1..=35).contains(&n));
        if !ok {
            continue;
        }
        if let Ok(files) = std::fs::read_dir(t.path()) {
            paths.extend(files.flatten().map(|f| f.path()));
        }
    }
    paths.sort();
    for p in paths {
        let Ok(xml) = std::fs::read_to_string(&p) else {
            continue;
        };
        let mut cur_sent = String::new();
        let mut words: Vec<String> = Vec::new();
        let mut rest = xml.as_str();
        while let Some(pos) = rest.find("<token") {
            let Some(after) = rest.get(pos..) else { break };
            let Some(gt) = after.find('>') else { break };
            let head = after.get(..gt).unwrap_or("");
            let sent = head
                .split("sentence=\"")
                .nth(1)
                .and_then(|s| s.split('"').next())
                .unwrap_or("")
                .to_string();
            let Some(body) = after.get(gt + 1..) else {
                break;
            };
            let Some(end) = body.find("</token>") else {
                break;
            };
            if sent != cur_sent && !words.is_empty() {
                out.push(std::mem::take(&mut words));
            }
            cur_sent = sent;
            let tok = body
                .get(..end)
                .unwrap_or("")
                .replace("&amp;", "&")
                .replace("&quot;", "\"");
            words.push(tok);
            rest = body.get(end..).unwrap_or("");
        }
        if !words.is_empty() {
            out.push(words);
        }
    }
    out.retain(|s| s.len() >= 4);
    out
}

/// Synthetic sentences over a Zipf-distributed vocabulary of pseudo-words.
fn synthetic_sentences(rng: &mut Rng, n: usize) -> Vec<Vec<String>> {
    const SYL: &[&str] = &[
        "ka", "ro", "mi", "ten", "sa", "lu", "ver", "do", "an", "pi", "gor", "el", "tu", "mar",
        "shi", "no", "bel", "ca", "dri", "os",
    ];
    let vocab: Vec<String> = (0..30_000)
        .map(|i| {
            let mut w = String::new();
            let mut x = i + 1;
            while x > 0 {
                w.push_str(SYL.get(x % SYL.len()).copied().unwrap_or("a"));
                x /= SYL.len();
            }
            w
        })
        .collect();
    (0..n)
        .map(|_| {
            let len = 8 + rng.below(18);
            (0..len)
                .map(|_| {
                    // Zipf-like: rank ~ exp(u * ln V).
                    let r =
                        ((rng.unit() * (vocab.len() as f64).ln()).exp() as usize).saturating_sub(1);
                    vocab.get(r).cloned().unwrap_or_default()
                })
                .collect()
        })
        .collect()
}

fn edit(rng: &mut Rng, words: &[String], rate: f64, pool: &[Vec<String>]) -> Vec<String> {
    let mut out = Vec::with_capacity(words.len() + 8);
    let random_word = |rng: &mut Rng| {
        let s = pool.get(rng.below(pool.len()));
        s.and_then(|s| s.get(rng.below(s.len())).cloned())
            .unwrap_or_else(|| "edit".into())
    };
    for w in words {
        if rng.unit() < rate {
            match rng.below(4) {
                0 | 1 => out.push(random_word(rng)),
                2 => {}
                _ => {
                    out.push(w.clone());
                    out.push(random_word(rng));
                }
            }
        } else {
            out.push(w.clone());
        }
    }
    out
}

fn generate(out: &PathBuf, n: usize, seed: u64, data: &std::path::Path) -> std::io::Result<()> {
    let mut rng = Rng(seed);
    let mut pool = real_sentences(data);
    let real = !pool.is_empty();
    if !real {
        pool = synthetic_sentences(&mut rng, 40_000);
    }
    eprintln!(
        "generating {n} articles from {} {} sentences",
        pool.len(),
        if real { "real (ECB+ dev)" } else { "synthetic" }
    );
    let rates = [0.0, 0.005, 0.01, 0.015, 0.02, 0.03, 0.05, 0.07, 0.1];
    let mut docs: Vec<Vec<String>> = Vec::with_capacity(n);
    let mut f = std::io::BufWriter::new(std::fs::File::create(out)?);
    for i in 0..n {
        let words = if i > 10 && rng.unit() < 0.2 {
            let base = docs.get(rng.below(docs.len())).cloned().unwrap_or_default();
            let rate = rates.get(rng.below(rates.len())).copied().unwrap_or(0.0);
            edit(&mut rng, &base, rate, &pool)
        } else {
            let k = 12 + rng.below(30);
            let mut w = Vec::new();
            for _ in 0..k {
                if let Some(s) = pool.get(rng.below(pool.len())) {
                    w.extend(s.iter().cloned());
                }
            }
            w
        };
        let text = words.join(" ");
        let line = serde_json::json!({"id": format!("a{i}"), "text": text});
        writeln!(f, "{line}")?;
        docs.push(words);
    }
    Ok(())
}

/// Every pair (i < j) with exact Jaccard >= t of the shingle sets: prefix
/// filtering (tokens ordered by ascending document frequency; two sets with
/// Jaccard >= t share a token among their first |x| - ceil(t|x|) + 1), size
/// filtering, then full verification.
fn exact_pairs(sets: &[Vec<u64>], t: f64) -> BTreeSet<(usize, usize)> {
    let mut df: HashMap<u64, u32> = HashMap::new();
    for s in sets {
        for &h in s {
            *df.entry(h).or_default() += 1;
        }
    }
    let ordered: Vec<Vec<u64>> = sets
        .iter()
        .map(|s| {
            let mut v = s.clone();
            v.sort_by_key(|h| (df.get(h).copied().unwrap_or(0), *h));
            v
        })
        .collect();
    let mut index: HashMap<u64, Vec<usize>> = HashMap::new();
    let mut out = BTreeSet::new();
    for (j, x) in ordered.iter().enumerate() {
        let n = x.len();
        if n == 0 {
            continue;
        }
        let prefix = n - (t * n as f64).ceil() as usize + 1;
        let mut cands: Vec<usize> = Vec::new();
        for h in x.iter().take(prefix) {
            if let Some(v) = index.get(h) {
                cands.extend(v);
            }
        }
        cands.sort_unstable();
        cands.dedup();
        for i in cands {
            let (Some(a), Some(b)) = (sets.get(i), sets.get(j)) else {
                continue;
            };
            let (la, lb) = (a.len() as f64, b.len() as f64);
            if la.min(lb) < t * la.max(lb) {
                continue;
            }
            if jaccard_u64(a, b) >= t {
                out.insert((i, j));
            }
        }
        for h in x.iter().take(prefix) {
            index.entry(*h).or_default().push(j);
        }
    }
    out
}

fn jaccard_u64(a: &[u64], b: &[u64]) -> f64 {
    let (mut i, mut j, mut inter) = (0, 0, 0usize);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                inter += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let uni = a.len() + b.len() - inter;
    if uni == 0 {
        0.0
    } else {
        inter as f64 / uni as f64
    }
}

/// CPU time of this process in seconds (/proc/self/schedstat: time on a CPU, in
/// ns), so that the rate does not depend on other processes sharing the core.
fn cpu_secs() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let get = |k: &str| {
        args.iter()
            .position(|a| a == k)
            .and_then(|p| args.get(p + 1))
            .cloned()
    };
    if let Some(out) = get("--generate") {
        let n = get("--n").and_then(|v| v.parse().ok()).unwrap_or(20_000);
        let seed = get("--seed").and_then(|v| v.parse().ok()).unwrap_or(1);
        let data = get("--data").unwrap_or_else(|| "/work/shared/data/stories/ecbplus-dev".into());
        return generate(&PathBuf::from(out), n, seed, std::path::Path::new(&data));
    }
    let Some(input) = get("--input") else {
        eprintln!(
            "usage: bench_dedup --generate OUT.jsonl [--n N] | --input F.jsonl [--truth-out T]"
        );
        std::process::exit(2);
    };
    let mut ids = Vec::new();
    let mut texts = Vec::new();
    for line in std::io::BufReader::new(std::fs::File::open(&input)?).lines() {
        let line = line?;
        let Ok(v) = serde_json::from_str::<serde_json::Value>(&line) else {
            continue;
        };
        ids.push(v["id"].as_str().unwrap_or("").to_string());
        texts.push(v["text"].as_str().unwrap_or("").to_string());
    }
    let t0 = std::time::Instant::now();
    let sets: Vec<Vec<u64>> = texts
        .iter()
        .map(|t| {
            let mut v = shingle_hashes(t);
            v.sort_unstable();
            v.dedup();
            v
        })
        .collect();
    // BENCH_NO_TRUTH=1: speed only (for profiling).
    let truth = if std::env::var_os("BENCH_NO_TRUTH").is_some() {
        BTreeSet::new()
    } else {
        exact_pairs(&sets, 0.8)
    };
    let truth_secs = t0.elapsed().as_secs_f64();
    if let Some(p) = get("--truth-out") {
        let mut f = std::io::BufWriter::new(std::fs::File::create(p)?);
        for &(i, j) in &truth {
            writeln!(
                f,
                "{}\t{}",
                ids.get(i).map(String::as_str).unwrap_or(""),
                ids.get(j).map(String::as_str).unwrap_or("")
            )?;
        }
    }
    let exact = !args.iter().any(|a| a == "--estimate");
    let mb = texts.iter().map(String::len).sum::<usize>() as f64 / 1e6;
    // Best of 3 runs (the machine is shared).
    let mut best = f64::MAX;
    let mut best_cpu = f64::MAX;
    let mut found: BTreeSet<(usize, usize)> = BTreeSet::new();
    let runs = std::env::var("BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3);
    for _ in 0..runs {
        let start = std::time::Instant::now();
        let cpu0 = cpu_secs();
        let mut idx = DupIndex::new(DupConfig {
            exact,
            ..DupConfig::default()
        });
        let mut pairs = BTreeSet::new();
        for (j, t) in texts.iter().enumerate() {
            let (_, m) = idx.insert(t, None);
            for x in m {
                pairs.insert((x.slot.min(j), x.slot.max(j)));
            }
        }
        let secs = start.elapsed().as_secs_f64();
        if let (Some(a), Some(b)) = (cpu0, cpu_secs()) {
            best_cpu = best_cpu.min(b - a);
        }
        if secs < best {
            best = secs;
        }
        found = pairs;
    }
    let tp = found.intersection(&truth).count();
    let precision = if found.is_empty() {
        1.0
    } else {
        tp as f64 / found.len() as f64
    };
    let recall = if truth.is_empty() {
        1.0
    } else {
        tp as f64 / truth.len() as f64
    };
    let dps = texts.len() as f64 / best.max(1e-9);
    let cpu_dps = if best_cpu < f64::MAX {
        texts.len() as f64 / best_cpu.max(1e-9)
    } else {
        dps
    };
    println!(
        "{{\"tool\":\"corroborate\",\"docs\":{},\"mb\":{mb:.1},\"secs\":{best:.3},\"docs_per_s\":{dps:.0},\"cpu_docs_per_s\":{cpu_dps:.0},\"truth_pairs\":{},\"found\":{},\"tp\":{tp},\"precision\":{precision:.4},\"recall\":{recall:.4},\"verify\":\"{}\",\"truth_secs\":{truth_secs:.2}}}",
        texts.len(),
        truth.len(),
        found.len(),
        if exact { "exact" } else { "estimate" }
    );
    Ok(())
}
