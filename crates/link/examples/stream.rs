//! A stream of synthetic articles through the online story index and copy
//! detection, with a time window that retires old stories.
//!
//! Usage: `cargo run --release -p corroborate-link --example stream -- [--n 1000000]
//! [--stories 20000] [--days 365] [--window 7] [--seed 42]`
//!
//! The generator (deterministic for a seed) draws `--stories` stories, each with a
//! start day in `0..days`, a life of 1 to 8 days, its own topic words, names and
//! numbers; every article belongs to one story (popularity: a heavy tail), is
//! published on a day of its story's life, and mixes the story's words with common
//! words of a Zipf vocabulary. About 10% of the articles are planted near-copies
//! (0.5% of the words replaced) of their story's lead text. Articles arrive in
//! publication-day order; at each new day both indexes retire what is older than
//! `--window` days (`StoryIndex::retire_before`, `DupIndex::retire_before`).
//!
//! Reports articles/s (generation included), peak RSS (VmHWM of
//! /proc/self/status), the live stories, the copies flagged, and B³ of the
//! stories against the planted ones.
//!
//! Memory bound (what is kept while the stream runs):
//! - per live story: its centroid (at most `StoryConfig::top_k` = 300 weighted
//!   terms), at most 300 name and 300 rare-content counts, its first and last day,
//!   and the ids of its live documents (one id and one `doc -> story` entry per
//!   document still in the window);
//! - per live document of the copy index: a 128 x u64 signature (1 KiB), 25 LSH
//!   bucket keys and postings, and (exact verification) 4 bytes per distinct
//!   shingle;
//! - global: the document frequencies (one counter per distinct term ever seen:
//!   bounded by the vocabulary, not by the stream length) and the candidate index
//!   (at most 16 story ids per term, stale ids swept when stories retire);
//! - this example's own bookkeeping: the stream schedule and the gold/predicted
//!   labels for scoring (about 20 bytes per article), which a real deployment would
//!   not keep.
//!
//! So live memory is O(live stories x 900 terms + live documents x (1 KiB + 4
//! bytes x shingles)) plus the vocabulary, independent of how many articles went by.

use std::collections::HashMap;

use corroborate_link::copies::{DupConfig, DupIndex};
use corroborate_link::stories::{DocFeatures, StoryConfig, StoryIndex};

#[path = "common/rng.rs"]
mod rng;
use rng::Rng;

const SYL: &[&str] = &[
    "ka", "ro", "mi", "ten", "sa", "lu", "ver", "do", "an", "pi", "gor", "el", "tu", "mar", "shi",
    "no", "bel", "ca", "dri", "os", "vak", "um", "ze", "li",
];

fn pseudo_word(mut x: usize) -> String {
    let mut w = String::new();
    x += 1;
    while x > 0 {
        w.push_str(SYL.get(x % SYL.len()).copied().unwrap_or("a"));
        x /= SYL.len();
    }
    w
}

struct StorySpec {
    start: i64,
    life: i64,
    topic: Vec<String>,
    names: Vec<String>,
    numbers: Vec<String>,
}

struct Gen {
    common: Vec<String>,
    stories: Vec<StorySpec>,
}

impl Gen {
    fn new(rng: &mut Rng, n_stories: usize, days: i64) -> Self {
        let common: Vec<String> = (0..5000).map(pseudo_word).collect();
        let stories = (0..n_stories)
            .map(|_| {
                let topic = (0..8)
                    .map(|_| pseudo_word(5000 + rng.below(400_000)))
                    .collect();
                let names = (0..4)
                    .map(|_| {
                        let w = pseudo_word(5000 + rng.below(400_000));
                        let mut c = w.chars();
                        match c.next() {
                            Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
                            None => w,
                        }
                    })
                    .collect();
                let numbers = (0..2)
                    .map(|_| format!("{}", 40 + rng.below(100_000)))
                    .collect();
                StorySpec {
                    start: rng.below(days.max(1) as usize) as i64,
                    life: 1 + rng.below(8) as i64,
                    topic,
                    names,
                    numbers,
                }
            })
            .collect();
        Gen { common, stories }
    }

    /// The text of one article of story `s` drawn from `seed`.
    fn text(&self, s: usize, seed: u64) -> String {
        let mut rng = Rng(seed);
        let Some(st) = self.stories.get(s) else {
            return String::new();
        };
        let len = 150 + rng.below(150);
        let mut out = String::with_capacity(len * 7);
        let mut in_sentence = 0;
        for _ in 0..len {
            let r = rng.unit();
            let w: &str = if r < 0.14 {
                st.topic.get(rng.below(st.topic.len())).map_or("x", |s| s)
            } else if r < 0.2 {
                st.names.get(rng.below(st.names.len())).map_or("X", |s| s)
            } else if r < 0.22 {
                st.numbers
                    .get(rng.below(st.numbers.len()))
                    .map_or("1", |s| s)
            } else {
                let k = ((rng.unit() * (self.common.len() as f64).ln()).exp() as usize)
                    .saturating_sub(1);
                self.common.get(k).map_or("y", |s| s)
            };
            if !out.is_empty() {
                out.push(' ');
            }
            if in_sentence == 0 {
                let mut c = w.chars();
                if let Some(f) = c.next() {
                    out.extend(f.to_uppercase());
                    out.push_str(c.as_str());
                }
            } else {
                out.push_str(w);
            }
            in_sentence += 1;
            if in_sentence > 12 && rng.unit() < 0.15 {
                out.push('.');
                in_sentence = 0;
            }
        }
        out.push('.');
        out
    }
}

/// A near-copy: about 0.5% of the words replaced.
fn edit(text: &str, seed: u64) -> String {
    let mut rng = Rng(seed);
    text.split(' ')
        .map(|w| {
            if rng.unit() < 0.005 {
                pseudo_word(rng.below(5000))
            } else {
                w.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn vm_hwm_kib() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// B³ precision, recall and F1 from (predicted, gold) pairs.
fn b3(labels: &[(u32, u32)]) -> (f64, f64, f64) {
    let mut cell: HashMap<(u32, u32), u64> = HashMap::new();
    let mut pred: HashMap<u32, u64> = HashMap::new();
    let mut gold: HashMap<u32, u64> = HashMap::new();
    for &(p, g) in labels {
        *cell.entry((p, g)).or_default() += 1;
        *pred.entry(p).or_default() += 1;
        *gold.entry(g).or_default() += 1;
    }
    let n = labels.len().max(1) as f64;
    let (mut p, mut r) = (0.0, 0.0);
    for (&(pc, gc), &c) in &cell {
        let c = c as f64;
        p += c * c / pred.get(&pc).copied().unwrap_or(1) as f64;
        r += c * c / gold.get(&gc).copied().unwrap_or(1) as f64;
    }
    let (p, r) = (p / n, r / n);
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let get = |k: &str, d: u64| -> u64 {
        args.iter()
            .position(|a| a == k)
            .and_then(|p| args.get(p + 1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(d)
    };
    let n = get("--n", 1_000_000) as usize;
    let n_stories = get("--stories", 20_000) as usize;
    let days = get("--days", 365) as i64;
    let window = get("--window", 7) as i64;
    let seed = get("--seed", 42);

    let start = std::time::Instant::now();
    let mut rng = Rng(seed);
    let generator = Gen::new(&mut rng, n_stories, days);
    // Schedule: (day, story, article seed, is a copy); story popularity ~ 1/rank.
    let mut schedule: Vec<(i64, u32, u64, bool)> = Vec::with_capacity(n);
    let ln_s = (n_stories.max(1) as f64).ln();
    for _ in 0..n {
        let s = (((rng.unit() * ln_s).exp() as usize).saturating_sub(1)).min(n_stories - 1);
        let spec = generator.stories.get(s);
        let day = spec.map_or(0, |sp| sp.start + rng.below(sp.life as usize) as i64);
        let copy = rng.unit() < 0.1;
        schedule.push((day, s as u32, rng.next(), copy));
    }
    schedule.sort_by_key(|&(d, _, k, _)| (d, k));
    let gen_secs = start.elapsed().as_secs_f64();

    // Streams keep thousands of live stories: look candidates up in the index
    // instead of scanning every live story (`scan_limit: 0`).
    let mut stories = StoryIndex::with_config(StoryConfig {
        scan_limit: 0,
        ..StoryConfig::default()
    });
    // Planted copies with an earlier copy of the same lead still in the window
    // (those should be flagged), by story: day of the last copy.
    let mut last_copy: HashMap<u32, i64> = HashMap::new();
    let mut expected = 0usize;
    let mut flagged_expected = 0usize;
    let mut dups = DupIndex::new(DupConfig::default());
    let mut labels: Vec<(u32, u32)> = Vec::with_capacity(n);
    let mut next_label = 0u32;
    let mut flagged = 0usize;
    let mut planted = 0usize;
    let mut max_live = 0usize;
    let mut max_live_docs = 0usize;
    let mut current_day = i64::MIN;
    let mut retire = |stories: &mut StoryIndex, day: i64, labels: &mut Vec<(u32, u32)>| {
        for (_, docs) in stories.retire_before(day) {
            for d in docs {
                if let Some(g) = d.rsplit('s').next().and_then(|g| g.parse::<u32>().ok()) {
                    labels.push((next_label, g));
                }
            }
            next_label += 1;
        }
    };
    let t0 = std::time::Instant::now();
    for (i, &(day, s, k, copy)) in schedule.iter().enumerate() {
        if day != current_day {
            current_day = day;
            retire(&mut stories, day - window, &mut labels);
            dups.retire_before(day - window);
        }
        let text = if copy {
            planted += 1;
            edit(&generator.text(s as usize, u64::from(s) ^ 0xabcdef), k)
        } else {
            generator.text(s as usize, k)
        };
        let (_, found) = dups.insert(&text, Some(day));
        if !found.is_empty() {
            flagged += 1;
        }
        if copy {
            if last_copy.get(&s).is_some_and(|&d| d >= day - window) {
                expected += 1;
                if !found.is_empty() {
                    flagged_expected += 1;
                }
            }
            last_copy.insert(s, day);
        }
        // Document id: running number and gold story ("d17s42").
        let id = format!("d{i}s{s}");
        stories.add_features(DocFeatures::from_text(&id, &text, Some(day)));
        max_live = max_live.max(stories.live_stories());
        max_live_docs = max_live_docs.max(dups.live());
        if (i + 1) % 200_000 == 0 {
            eprintln!(
                "{} articles, day {day}, {:.0} articles/s, {} live stories, VmHWM {} MiB",
                i + 1,
                (i + 1) as f64 / t0.elapsed().as_secs_f64(),
                stories.live_stories(),
                vm_hwm_kib().unwrap_or(0) / 1024
            );
        }
    }
    retire(&mut stories, i64::MAX, &mut labels);
    let secs = t0.elapsed().as_secs_f64();
    let (p, r, f) = b3(&labels);
    println!("{n} articles, {n_stories} planted stories over {days} days, window {window} days");
    println!(
        "{:.1} s ({:.0} articles/s on one thread, generation of the texts included; schedule {gen_secs:.1} s)",
        secs,
        n as f64 / secs.max(1e-9)
    );
    println!(
        "peak RSS (VmHWM) {} MiB; at most {max_live} live stories and {max_live_docs} live documents in the copy index",
        vm_hwm_kib().unwrap_or(0) / 1024
    );
    println!(
        "copies: {flagged} articles flagged as near-duplicates; {planted} planted near-copies, {expected} of them with an earlier copy in the window, {flagged_expected} of those flagged"
    );
    println!(
        "stories: B3 P {p:.3} R {r:.3} F1 {f:.3} against the planted stories ({} scored articles, {next_label} predicted stories)",
        labels.len()
    );
}
