//! Story clustering as the pipeline runs it (annotation layers and publication dates),
//! on annotated ECB+ development pages.
//!
//! Usage:
//! ```sh
//! corroborate annotate -q DIR > ann.jsonl   # DIR: rebuilt ECB+ pages named N_Mecb[plus].txt
//! cargo run --release -p corroborate-link --example eval_stories_annotated -- ann.jsonl
//! ```
//! Gold story = topic + sub-topic, read from the file name in each source's `origin`
//! (`N_Mecb.txt` vs `N_Mecbplus.txt`; topics 36 and above are the test split and are
//! skipped). Prints B³ precision/recall/F1 and pairwise F1 of [`stories::cluster`];
//! `DETAIL=1` also lists the stories that mix sub-topics, with each member's date.

use std::collections::BTreeMap;
use std::io::BufRead;

use corroborate_link::stories;
use corroborate_model::Annotations;

fn gold_of(origin: &str) -> Option<String> {
    let name = origin.rsplit('/').next()?;
    let stem = name.strip_suffix(".txt").unwrap_or(name);
    let (topic, rest) = stem.split_once('_')?;
    let topic_n: u32 = topic.parse().ok()?;
    if topic_n > 35 {
        return None;
    }
    let kind = if rest.ends_with("ecbplus") {
        "ecbplus"
    } else if rest.ends_with("ecb") {
        "ecb"
    } else {
        return None;
    };
    Some(format!("{topic}{kind}"))
}

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        println!("usage: eval_stories_annotated ANNOTATIONS.jsonl (see the file's docs)");
        return;
    };
    let Ok(file) = std::fs::File::open(&path) else {
        println!("{path}: cannot be read: nothing to evaluate (skipped).");
        return;
    };
    let mut docs: Vec<Annotations> = Vec::new();
    let mut gold: Vec<String> = Vec::new();
    for line in std::io::BufReader::new(file).lines().map_while(Result::ok) {
        let Ok(a) = serde_json::from_str::<Annotations>(&line) else {
            continue;
        };
        let Some(g) = gold_of(&a.source.origin) else {
            continue;
        };
        gold.push(g);
        docs.push(a);
    }
    if docs.is_empty() {
        println!("{path}: no annotated ECB+ pages of topics 1-35: nothing to evaluate (skipped).");
        return;
    }
    let groups = stories::cluster(&docs);
    let mut pred = vec![usize::MAX; docs.len()];
    for (g, members) in groups.iter().enumerate() {
        for &i in members {
            if let Some(p) = pred.get_mut(i) {
                *p = g;
            }
        }
    }
    let n = docs.len() as f64;
    let (mut p, mut r) = (0.0, 0.0);
    let (mut tp, mut pp, mut gp) = (0usize, 0usize, 0usize);
    for i in 0..docs.len() {
        let same_pred = (0..docs.len()).filter(|&j| pred[j] == pred[i]).count() as f64;
        let same_gold = (0..docs.len()).filter(|&j| gold[j] == gold[i]).count() as f64;
        let both = (0..docs.len())
            .filter(|&j| pred[j] == pred[i] && gold[j] == gold[i])
            .count() as f64;
        p += both / same_pred;
        r += both / same_gold;
        for j in i + 1..docs.len() {
            let sp = pred[j] == pred[i];
            let sg = gold[j] == gold[i];
            tp += usize::from(sp && sg);
            pp += usize::from(sp);
            gp += usize::from(sg);
        }
    }
    let (p, r) = (p / n, r / n);
    let f = 2.0 * p * r / (p + r).max(f64::MIN_POSITIVE);
    let pw_p = tp as f64 / pp.max(1) as f64;
    let pw_r = tp as f64 / gp.max(1) as f64;
    let pw_f = 2.0 * pw_p * pw_r / (pw_p + pw_r).max(f64::MIN_POSITIVE);
    let n_gold = gold.iter().collect::<std::collections::BTreeSet<_>>().len();
    println!(
        "{} documents, {} gold stories, {} predicted: B3 P {p:.3} R {r:.3} F1 {f:.3} | pairwise F1 {pw_f:.3}",
        docs.len(),
        n_gold,
        groups.len()
    );
    if std::env::var_os("DETAIL").is_some() {
        for (g, members) in groups.iter().enumerate() {
            let mut count: BTreeMap<&str, usize> = BTreeMap::new();
            for &i in members {
                *count.entry(gold[i].as_str()).or_default() += 1;
            }
            if count.len() < 2 {
                continue;
            }
            println!("story {g}: {count:?}");
            for &i in members {
                let d = &docs[i];
                let date = d
                    .source
                    .published
                    .as_ref()
                    .map(|p| p.value.clone())
                    .unwrap_or_else(|| "-".into());
                let title: String = d.source.text.chars().take(60).collect();
                println!(
                    "   {:<10} {:<11} {}",
                    gold[i],
                    date,
                    title.replace('\n', " ")
                );
            }
        }
    }
}
