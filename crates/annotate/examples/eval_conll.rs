//! Typed span P/R/F1 (conlleval style) per type and overall, and words/s, of the rule
//! recognizer and the trained perceptron recognizer on CoNLL-2003 English.
//!
//! Usage: `cargo run -p corroborate-annotate --release --example eval_conll [-- path/to/eng.testa [rule|perceptron]]`
//! (default: `/work/shared/data/entities/conll2003/eng.testa`, the development split, both
//! recognizers; never run it on `eng.testb`).
//!
//! Text is rebuilt from the tokens: space-joined, one sentence per line, one document per
//! `-DOCSTART-`. The recognizer gets the gold sentence lines and our own tokens; a CoNLL
//! token belongs to a predicted entity when its byte span lies inside the entity's span.
//! FAC counts as LOC. Exact typed span match, micro-averaged.

use corroborate_annotate::entities::{Recognizer, RuleRecognizer};
use corroborate_annotate::ner::PerceptronRecognizer;
use corroborate_annotate::tokens::tokenize;
use corroborate_model::{EntityType, Sentence};
use std::collections::{BTreeMap, HashSet};
use std::time::Instant;

struct Doc {
    text: String,
    sentences: Vec<Sentence>,
    /// (start, end) byte span of each CoNLL token
    toks: Vec<(usize, usize)>,
    gold: HashSet<(usize, usize, String)>,
}

fn gold_spans(tags: &[String], offset: usize, out: &mut HashSet<(usize, usize, String)>) {
    let mut cur: Option<(usize, String)> = None;
    for (k, tag) in tags.iter().enumerate() {
        let (bi, ty) = tag
            .split_once('-')
            .map(|(a, b)| (a, b.to_string()))
            .unwrap_or(("O", String::new()));
        let cont = bi == "I" && cur.as_ref().is_some_and(|(_, t)| *t == ty);
        if !cont {
            if let Some((s, t)) = cur.take() {
                out.insert((offset + s, offset + k, t));
            }
            if bi != "O" {
                cur = Some((k, ty));
            }
        }
    }
    if let Some((s, t)) = cur {
        out.insert((offset + s, offset + tags.len(), t));
    }
}

fn load(path: &str) -> Option<Vec<Doc>> {
    let data = std::fs::read_to_string(path).ok()?;
    let mut docs = Vec::new();
    let mut doc = Doc {
        text: String::new(),
        sentences: Vec::new(),
        toks: Vec::new(),
        gold: HashSet::new(),
    };
    let mut sent_words: Vec<String> = Vec::new();
    let mut sent_tags: Vec<String> = Vec::new();
    let flush_sent = |doc: &mut Doc, w: &mut Vec<String>, t: &mut Vec<String>| {
        if w.is_empty() {
            return;
        }
        let start = doc.text.len();
        let offset = doc.toks.len();
        for (k, word) in w.iter().enumerate() {
            if k > 0 {
                doc.text.push(' ');
            }
            let s = doc.text.len();
            doc.text.push_str(word);
            doc.toks.push((s, doc.text.len()));
        }
        doc.sentences.push(Sentence {
            start,
            end: doc.text.len(),
        });
        doc.text.push('\n');
        gold_spans(t, offset, &mut doc.gold);
        w.clear();
        t.clear();
    };
    for line in data.lines() {
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols.first() == Some(&"-DOCSTART-") {
            flush_sent(&mut doc, &mut sent_words, &mut sent_tags);
            if !doc.toks.is_empty() {
                docs.push(std::mem::replace(
                    &mut doc,
                    Doc {
                        text: String::new(),
                        sentences: Vec::new(),
                        toks: Vec::new(),
                        gold: HashSet::new(),
                    },
                ));
            }
            continue;
        }
        if cols.len() < 4 {
            flush_sent(&mut doc, &mut sent_words, &mut sent_tags);
            continue;
        }
        sent_words.push(cols[0].to_string());
        sent_tags.push(cols[3].to_string());
    }
    flush_sent(&mut doc, &mut sent_words, &mut sent_tags);
    if !doc.toks.is_empty() {
        docs.push(doc);
    }
    Some(docs)
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "/work/shared/data/entities/conll2003/eng.testa".to_string());
    if path.contains("testb") {
        eprintln!("refusing to evaluate on the CoNLL test split (eng.testb)");
        return;
    }
    let Some(docs) = load(&path) else {
        eprintln!(
            "{path} is absent: no CoNLL evaluation (the corpus is not part of the repository)"
        );
        return;
    };
    let only = std::env::args().nth(2);
    let recs: [(&str, &dyn Recognizer); 2] = [
        ("rule", &RuleRecognizer),
        ("perceptron", &PerceptronRecognizer),
    ];
    for (name, rec) in recs {
        if only.as_deref().is_some_and(|o| o != name) {
            continue;
        }
        evaluate(&path, name, rec, &docs);
    }
}

fn evaluate(path: &str, name: &str, rec: &dyn Recognizer, docs: &[Doc]) {
    let verbose = std::env::var("VERBOSE").is_ok();
    let words: usize = docs.iter().map(|d| d.toks.len()).sum();
    // warm the gazetteer and the model
    let _ = corroborate_annotate::gazetteer::table();
    let _ = corroborate_annotate::ner::shipped_model();
    // timed 5 times (tokenize + recognize); the median run gives words/s
    let mut runs = Vec::new();
    let mut preds = Vec::new();
    for _ in 0..5 {
        let t0 = Instant::now();
        preds = docs
            .iter()
            .map(|d| {
                let toks = tokenize(&d.text);
                let mut ms = rec.recognize(&d.text, &d.sentences, &toks);
                // As `annotate` does: guesses in title-case lines need backing
                // (`HEADLINES=0` turns it off, to see its effect).
                if std::env::var("HEADLINES").map_or(true, |v| v != "0") {
                    corroborate_annotate::headlines::drop_unbacked(&d.text, &d.sentences, &mut ms);
                }
                ms
            })
            .collect();
        runs.push(t0.elapsed().as_secs_f64());
    }
    runs.sort_by(f64::total_cmp);
    let secs = runs.get(runs.len() / 2).copied().unwrap_or(f64::NAN);
    let mut stats: BTreeMap<String, [usize; 3]> = BTreeMap::new(); // tp, fp, fn
    for (d, ms) in docs.iter().zip(preds.iter()) {
        let mut pred = HashSet::new();
        for m in ms {
            let lo = d.toks.partition_point(|t| t.0 < m.start);
            let mut hi = lo;
            while d.toks.get(hi).is_some_and(|t| t.1 <= m.end) {
                hi += 1;
            }
            if hi > lo {
                let ty = match m.kind {
                    EntityType::FAC => "LOC",
                    k => k.as_str(),
                };
                pred.insert((lo, hi, ty.to_string()));
            }
        }
        for p in &pred {
            let e = stats.entry(p.2.clone()).or_default();
            if d.gold.contains(p) {
                e[0] += 1;
            } else {
                e[1] += 1;
                if verbose {
                    let s = d.toks.get(p.0).map(|t| t.0).unwrap_or(0);
                    let en = d.toks.get(p.1 - 1).map(|t| t.1).unwrap_or(0);
                    let g = d
                        .gold
                        .iter()
                        .find(|g| g.0 == p.0 && g.1 == p.1)
                        .map(|g| g.2.as_str())
                        .unwrap_or("-");
                    println!(
                        "FP {} {:?} gold={}",
                        p.2,
                        d.text.get(s..en).unwrap_or(""),
                        g
                    );
                }
            }
        }
        for g in &d.gold {
            if !pred.contains(g) {
                stats.entry(g.2.clone()).or_default()[2] += 1;
                if verbose {
                    let s = d.toks.get(g.0).map(|t| t.0).unwrap_or(0);
                    let en = d.toks.get(g.1 - 1).map(|t| t.1).unwrap_or(0);
                    println!("FN {} {:?}", g.2, d.text.get(s..en).unwrap_or(""));
                }
            }
        }
    }
    let f = |tp: usize, fp: usize, fnn: usize| {
        let p = if tp + fp == 0 {
            0.0
        } else {
            tp as f64 / (tp + fp) as f64
        };
        let r = if tp + fnn == 0 {
            0.0
        } else {
            tp as f64 / (tp + fnn) as f64
        };
        let f1 = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        (p, r, f1)
    };
    let mut all = [0usize; 3];
    println!(
        "== {name} recognizer: {path}: {} documents, {words} tokens",
        docs.len()
    );
    for (ty, s) in &stats {
        let (p, r, f1) = f(s[0], s[1], s[2]);
        println!(
            "{ty:5} P {p:.3} R {r:.3} F1 {f1:.3}  (tp {} fp {} fn {})",
            s[0], s[1], s[2]
        );
        for k in 0..3 {
            all[k] += s[k];
        }
    }
    let (p, r, f1) = f(all[0], all[1], all[2]);
    println!(
        "ALL   P {p:.3} R {r:.3} F1 {f1:.3}  (tp {} fp {} fn {})",
        all[0], all[1], all[2]
    );
    println!(
        "speed: {:.0} words/s ({secs:.3} s median of 5 runs, tokenize + recognize, one thread)",
        words as f64 / secs
    );
}
