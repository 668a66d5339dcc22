//! Prints the entity mentions of the rule recognizer and of the trained perceptron
//! recognizer for a plain-text file (or stdin), marking those found by only one.
//!
//! Usage: `cargo run -p corroborate-annotate --release --example ner_compare -- [file]`
//! (with `NER_PASS1=1` in the environment it also prints the raw spans of the tagger's
//! first and second pass, before the clean-ups).

use corroborate_annotate::entities::{Recognizer, RuleRecognizer};
use corroborate_annotate::ner::PerceptronRecognizer;
use corroborate_annotate::{sentences, tokens};
use std::collections::BTreeSet;
use std::io::Read;

fn main() {
    let mut text = String::new();
    match std::env::args().nth(1).filter(|a| a != "-") {
        Some(path) => match std::fs::read_to_string(&path) {
            Ok(t) => text = t,
            Err(e) => {
                eprintln!("cannot read {path}: {e}");
                return;
            }
        },
        None => {
            if let Err(e) = std::io::stdin().read_to_string(&mut text) {
                eprintln!("cannot read stdin: {e}");
                return;
            }
        }
    }
    let s = sentences::split(&text);
    let t = tokens::tokenize(&text);
    let show = |rec: &dyn Recognizer| -> BTreeSet<(usize, usize, String)> {
        rec.recognize(&text, &s, &t)
            .into_iter()
            .map(|m| {
                let mut d = format!("{} {:?}", m.kind.as_str(), m.text);
                if let Some(ti) = &m.title {
                    d.push_str(&format!(" title={ti:?}"));
                }
                if let Some(c) = &m.canonical {
                    d.push_str(&format!(" canonical={c:?}"));
                }
                (m.start, m.end, d)
            })
            .collect()
    };
    if std::env::var("NER_PASS1").is_ok() {
        use corroborate_annotate::ner::{
            bio_spans, document_features, sentence_ranges, shipped_model, tag_all,
        };
        let ranges = sentence_ranges(&t, &s);
        let f = document_features(&text, &t, &ranges, None);
        let passes = [
            ("pass1", shipped_model().map(|m| tag_all(m, &f, &ranges))),
            (
                "pass2",
                corroborate_annotate::ner::tag_document(&text, &t, &ranges),
            ),
        ];
        for (pass, labels) in passes {
            let Some(labels) = labels else { continue };
            let flat: Vec<_> = ranges.iter().flat_map(|r| r.clone()).collect();
            for (a, b, ty) in bio_spans(&labels) {
                let (Some(x), Some(y)) = (flat.get(a), flat.get(b - 1)) else {
                    continue;
                };
                let (Some(tx), Some(ty2)) = (t.get(*x), t.get(*y)) else {
                    continue;
                };
                println!(
                    "{pass} {:>6} {} {:?}",
                    tx.start,
                    ty.as_str(),
                    text.get(tx.start..ty2.end).unwrap_or("")
                );
            }
        }
    }
    let rule = show(&RuleRecognizer);
    let perc = show(&PerceptronRecognizer);
    for m in rule.union(&perc) {
        let mark = match (rule.contains(m), perc.contains(m)) {
            (true, true) => "both      ",
            (true, false) => "rule only ",
            _ => "perc only ",
        };
        println!("{mark} {:>6} {}", m.0, m.2);
    }
}
