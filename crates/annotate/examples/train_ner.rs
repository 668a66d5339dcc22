//! Trains the perceptron tagger of `corroborate_annotate::ner` on CoNLL-2003 English and
//! writes `models/ner.bin`.
//!
//! Usage: `cargo run -p corroborate-annotate --release --example train_ner [-- EPOCHS [TRAIN [DEV]]]`
//! (defaults: 20 epochs, `/work/shared/data/entities/conll2003/eng.train`, and
//! `eng.testa` as the development split used only to pick the epoch; never `eng.testb`).
//!
//! Text is rebuilt from the CoNLL tokens (space-joined, one sentence per line, one
//! document per `-DOCSTART-`) and tokenized with the project's tokenizer, so training
//! sees what `annotate()` sees; each of our tokens takes the label of the CoNLL token it
//! lies in (IOB1 converted to BIO). Deterministic: sentences are shuffled with a fixed
//! seed. Prints token errors and development span F1 per epoch and keeps the best epoch.
//!
//! Two models are written: `models/ner.bin` (first pass) and `models/ner_doc.bin`
//! (second pass, stacked on first-pass labels). The first-pass labels of the training
//! documents come from 5-fold jackknifing (each fold tagged by a first-pass model trained
//! on the other four), so the second pass learns from realistic, not memorised, labels.

use corroborate_annotate::ner::features::DocFeatures;
use corroborate_annotate::ner::model::{LABELS, Model, TrainSentence, Trainer, label_index};
use corroborate_annotate::ner::{bio_spans, document_features, sentence_ranges, tag_all};
use corroborate_annotate::tokens::{Token, tokenize};
use corroborate_model::Sentence;
use std::collections::HashSet;
use std::time::Instant;

/// A document with our tokens' gold labels, sentence by sentence.
struct Doc {
    text: String,
    toks: Vec<Token>,
    ranges: Vec<std::ops::Range<usize>>,
    feats: DocFeatures,
    /// (first feature row, gold labels) of each sentence
    sents: Vec<(usize, Vec<usize>)>,
}

/// IOB1 tags of one sentence to BIO label names.
fn to_bio(tags: &[String]) -> Vec<String> {
    let mut out = Vec::with_capacity(tags.len());
    let mut prev = "O".to_string();
    for t in tags {
        let ty = t.split_once('-').map(|(_, b)| b).unwrap_or("");
        let prev_ty = prev.split_once('-').map(|(_, b)| b).unwrap_or("");
        let bio = if t == "O" {
            "O".to_string()
        } else if t.starts_with("B-") || prev_ty != ty {
            format!("B-{ty}")
        } else {
            format!("I-{ty}")
        };
        prev = t.clone();
        out.push(bio);
    }
    out
}

fn build_doc(sents: &[(Vec<String>, Vec<String>)]) -> Doc {
    let mut text = String::new();
    let mut sentences = Vec::new();
    // (start, end, bio) of each CoNLL token
    let mut ctoks: Vec<(usize, usize, String)> = Vec::new();
    for (words, tags) in sents {
        let start = text.len();
        let bio = to_bio(tags);
        for (k, (w, b)) in words.iter().zip(bio.iter()).enumerate() {
            if k > 0 {
                text.push(' ');
            }
            let s = text.len();
            text.push_str(w);
            ctoks.push((s, text.len(), b.clone()));
        }
        sentences.push(Sentence {
            start,
            end: text.len(),
        });
        text.push('\n');
    }
    let toks = tokenize(&text);
    let ranges = sentence_ranges(&toks, &sentences);
    let feats = document_features(&text, &toks, &ranges, None);
    let mut out = Vec::new();
    let mut row = 0;
    for r in &ranges {
        let mut gold = Vec::with_capacity(r.len());
        for t in toks.get(r.clone()).unwrap_or(&[]) {
            let k = ctoks.partition_point(|c| c.1 <= t.start);
            let (label, first) = match ctoks.get(k) {
                Some(c) if c.0 <= t.start => (c.2.as_str(), c.0 == t.start),
                _ => ("O", true),
            };
            let l = if !first && label.starts_with("B-") {
                format!("I-{}", label.get(2..).unwrap_or(""))
            } else {
                label.to_string()
            };
            gold.push(label_index(&l));
        }
        out.push((row, gold));
        row += r.len();
    }
    Doc {
        text,
        toks,
        ranges,
        feats,
        sents: out,
    }
}

fn load(path: &str) -> Option<Vec<Doc>> {
    let data = std::fs::read_to_string(path).ok()?;
    let mut docs = Vec::new();
    let mut cur: Vec<(Vec<String>, Vec<String>)> = Vec::new();
    let mut words = Vec::new();
    let mut tags = Vec::new();
    for line in data.lines() {
        let cols: Vec<&str> = line.split_whitespace().collect();
        let docstart = cols.first() == Some(&"-DOCSTART-");
        if docstart || cols.len() < 4 {
            if !words.is_empty() {
                cur.push((std::mem::take(&mut words), std::mem::take(&mut tags)));
            }
            if docstart && !cur.is_empty() {
                docs.push(build_doc(&cur));
                cur.clear();
            }
            continue;
        }
        words.push(cols[0].to_string());
        tags.push(cols[3].to_string());
    }
    if !words.is_empty() {
        cur.push((words, tags));
    }
    if !cur.is_empty() {
        docs.push(build_doc(&cur));
    }
    Some(docs)
}

/// Span P/R/F1 of the model on documents (over our tokens).
fn evaluate(model: &Model, docs: &[Doc], feats: &[DocFeatures]) -> (f64, f64, f64) {
    let (mut tp, mut np, mut ng) = (0usize, 0usize, 0usize);
    for (d, f) in docs.iter().zip(feats.iter()) {
        for (row, gold) in &d.sents {
            let pred = model.tag(f, *row..*row + gold.len());
            let g: HashSet<_> = bio_spans(gold).into_iter().collect();
            let p: HashSet<_> = bio_spans(&pred).into_iter().collect();
            tp += p.intersection(&g).count();
            np += p.len();
            ng += g.len();
        }
    }
    let p = tp as f64 / np.max(1) as f64;
    let r = tp as f64 / ng.max(1) as f64;
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

/// Default word-dropout probability (see `Trainer::set_dropout`).
const DROPOUT: f64 = 0.0;

/// Trains on the documents `train` (with features `feats`, one per document) for
/// `epochs`; with a development set, prints its F1 per epoch and returns the best epoch.
fn train(
    train: &[&Doc],
    feats: &[&DocFeatures],
    epochs: usize,
    dev: Option<(&[Doc], &[DocFeatures])>,
) -> Option<(Model, usize, f64)> {
    let t0 = Instant::now();
    let mut sentences = Vec::new();
    for (k, d) in train.iter().enumerate() {
        for (row, gold) in &d.sents {
            sentences.push(TrainSentence {
                doc: k,
                start: *row,
                gold: gold.clone(),
            });
        }
    }
    let mut trainer = Trainer::new(feats);
    let dropout: f64 = std::env::var("NER_DROPOUT")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(DROPOUT);
    trainer.set_dropout(dropout, 0xd0_d0);
    if dev.is_some() {
        println!(
            "{} training sentences, {} features, labels {:?}",
            sentences.len(),
            trainer.n_features(),
            LABELS,
        );
    }
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    let mut seed: u64 = 0x5eed_2003;
    let mut best: Option<(Model, usize, f64)> = None;
    for epoch in 1..=epochs {
        // Fisher-Yates with a fixed-seed xorshift
        for i in (1..order.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let j = (seed % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        let errors = trainer.epoch(&sentences, &order);
        let Some((dd, df)) = dev else {
            if epoch == epochs {
                best = Some((trainer.averaged(), epoch, f64::NAN));
            }
            continue;
        };
        let model = trainer.averaged();
        let (p, r, f) = evaluate(&model, dd, df);
        println!(
            "epoch {epoch:2}: {errors} token errors; dev P {p:.4} R {r:.4} F1 {f:.4}; {} features kept ({:.1} s)",
            model.n_features(),
            t0.elapsed().as_secs_f64()
        );
        if best.as_ref().is_none_or(|b| f > b.2) {
            best = Some((model, epoch, f));
        }
    }
    best
}

fn write(model: &Model, name: &str) {
    let dest = format!("{}/models/{name}", env!("CARGO_MANIFEST_DIR"));
    match model.to_bytes() {
        Ok(bytes) => match std::fs::write(&dest, &bytes) {
            Ok(()) => println!(
                "wrote {} bytes, {} features to {dest}",
                bytes.len(),
                model.n_features()
            ),
            Err(e) => eprintln!("cannot write {dest}: {e}"),
        },
        Err(e) => eprintln!("cannot encode the model: {e}"),
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let epochs: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(20);
    let train_path = args
        .next()
        .unwrap_or_else(|| "/work/shared/data/entities/conll2003/eng.train".to_string());
    let dev_path = args
        .next()
        .unwrap_or_else(|| "/work/shared/data/entities/conll2003/eng.testa".to_string());
    if train_path.contains("testb") || dev_path.contains("testb") {
        eprintln!("refusing to use the CoNLL test split (eng.testb)");
        return;
    }
    let t0 = Instant::now();
    let (Some(mut train_docs), Some(mut dev)) = (load(&train_path), load(&dev_path)) else {
        eprintln!(
            "{train_path} or {dev_path} is absent: nothing trained (the corpus is not part of the repository)"
        );
        return;
    };
    println!("loaded in {:.1} s", t0.elapsed().as_secs_f64());
    // pass 1
    let dev_feats1: Vec<DocFeatures> = dev
        .iter_mut()
        .map(|d| std::mem::take(&mut d.feats))
        .collect();
    let train_feats1: Vec<DocFeatures> = train_docs
        .iter_mut()
        .map(|d| std::mem::take(&mut d.feats))
        .collect();
    let all: Vec<&Doc> = train_docs.iter().collect();
    let all_f: Vec<&DocFeatures> = train_feats1.iter().collect();
    println!("== pass 1");
    let Some((m1, e1, f1)) = train(&all, &all_f, epochs, Some((&dev, &dev_feats1))) else {
        return;
    };
    println!("pass 1: best epoch {e1}, dev F1 {f1:.4}");
    write(&m1, "ner.bin");
    // jackknifed first-pass labels of the training documents
    const FOLDS: usize = 5;
    let mut priors: Vec<Vec<usize>> = vec![Vec::new(); train_docs.len()];
    for k in 0..FOLDS {
        let idx: Vec<usize> = (0..train_docs.len()).filter(|i| i % FOLDS != k).collect();
        let docs: Vec<&Doc> = idx.iter().filter_map(|&i| train_docs.get(i)).collect();
        let feats: Vec<&DocFeatures> = idx.iter().filter_map(|&i| train_feats1.get(i)).collect();
        let Some((mk, _, _)) = train(&docs, &feats, e1, None) else {
            return;
        };
        for i in (0..train_docs.len()).filter(|i| i % FOLDS == k) {
            if let (Some(d), Some(f), Some(p)) =
                (train_docs.get(i), train_feats1.get(i), priors.get_mut(i))
            {
                *p = tag_all(&mk, f, &d.ranges);
            }
        }
        println!("fold {k} tagged ({:.1} s)", t0.elapsed().as_secs_f64());
    }
    // pass 2
    let train_feats2: Vec<DocFeatures> = train_docs
        .iter()
        .zip(priors.iter())
        .map(|(d, p)| document_features(&d.text, &d.toks, &d.ranges, Some(p)))
        .collect();
    let dev_feats2: Vec<DocFeatures> = dev
        .iter()
        .zip(dev_feats1.iter())
        .map(|(d, f)| {
            let p = tag_all(&m1, f, &d.ranges);
            document_features(&d.text, &d.toks, &d.ranges, Some(&p))
        })
        .collect();
    let all_f2: Vec<&DocFeatures> = train_feats2.iter().collect();
    println!("== pass 2 (stacked on jackknifed first-pass labels)");
    let Some((m2, e2, f2)) = train(&all, &all_f2, epochs, Some((&dev, &dev_feats2))) else {
        return;
    };
    println!("pass 2: best epoch {e2}, dev F1 {f2:.4}");
    write(&m2, "ner_doc.bin");
}
