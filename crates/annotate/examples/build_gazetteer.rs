//! Builds `data/names.tsv`, the compact name list the rule recognizer uses, from the
//! CoNLL-2003 English training split (`eng.train` only; never the test splits).
//!
//! Usage: `cargo run -p corroborate-annotate --example build_gazetteer --release [-- path/to/eng.train]`
//!
//! It also writes `data/words.txt`, common lowercase words (seen lowercase at least twice,
//! at most a quarter as often inside a name), one per line.
//!
//! The output holds only lowercased names and tokens with counts per type, never text:
//! - `P<TAB>name<TAB>per<TAB>org<TAB>loc<TAB>misc`: whole entity strings seen at least twice;
//! - `T<TAB>token<TAB>per<TAB>org<TAB>loc<TAB>misc<TAB>o<TAB>o_any`: tokens seen at least
//!   twice inside an entity of each type, or capitalised outside any entity (`o`, not
//!   sentence-initial); `o_any` counts every use outside an entity, in any case.

use std::collections::HashMap;

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "/work/shared/data/entities/conll2003/eng.train".to_string());
    let Ok(data) = std::fs::read_to_string(&path) else {
        eprintln!("{path} is absent: nothing built (the corpus is not part of the repository)");
        return;
    };
    let ty = |t: &str| match t {
        "PER" => 0usize,
        "ORG" => 1,
        "LOC" => 2,
        _ => 3,
    };
    let mut phrases: HashMap<String, [u32; 4]> = HashMap::new();
    let mut toks: HashMap<String, [u32; 6]> = HashMap::new();
    let mut lowercase: HashMap<String, u32> = HashMap::new();
    let mut cur: Vec<String> = Vec::new();
    let mut cur_ty = String::new();
    let mut first_in_sentence = true;
    let flush =
        |cur: &mut Vec<String>, cur_ty: &mut String, phrases: &mut HashMap<String, [u32; 4]>| {
            if !cur.is_empty() {
                let e = phrases.entry(cur.join(" ").to_lowercase()).or_default();
                e[ty(cur_ty)] += 1;
                cur.clear();
            }
        };
    for line in data.lines() {
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols.len() < 4 || cols[0] == "-DOCSTART-" {
            flush(&mut cur, &mut cur_ty, &mut phrases);
            first_in_sentence = true;
            continue;
        }
        let (word, tag) = (cols[0], cols[3]);
        if tag == "O" {
            flush(&mut cur, &mut cur_ty, &mut phrases);
            if word.chars().next().is_some_and(|c| c.is_lowercase()) {
                *lowercase.entry(word.to_string()).or_default() += 1;
            }
            let e = toks.entry(word.to_lowercase()).or_default();
            e[5] += 1;
            if !first_in_sentence && word.chars().next().is_some_and(|c| c.is_uppercase()) {
                e[4] += 1;
            }
        } else {
            let (bi, t) = tag.split_once('-').unwrap_or(("I", tag));
            if bi == "B" || t != cur_ty {
                flush(&mut cur, &mut cur_ty, &mut phrases);
            }
            cur_ty = t.to_string();
            cur.push(word.to_string());
            toks.entry(word.to_lowercase()).or_default()[ty(t)] += 1;
        }
        first_in_sentence = false;
    }
    flush(&mut cur, &mut cur_ty, &mut phrases);
    let mut out = String::new();
    let mut p: Vec<_> = phrases
        .into_iter()
        .filter(|(_, c)| c.iter().sum::<u32>() >= 2)
        .collect();
    p.sort();
    for (name, c) in &p {
        out.push_str(&format!(
            "P\t{name}\t{}\t{}\t{}\t{}\n",
            c[0], c[1], c[2], c[3]
        ));
    }
    let mut t: Vec<_> = toks
        .iter()
        .filter(|(w, c)| {
            c.iter().take(5).sum::<u32>() >= 2 && w.chars().any(|ch| ch.is_alphabetic())
        })
        .collect();
    t.sort();
    for (w, c) in &t {
        out.push_str(&format!(
            "T\t{w}\t{}\t{}\t{}\t{}\t{}\t{}\n",
            c[0], c[1], c[2], c[3], c[4], c[5]
        ));
    }
    // common lowercase words: seen lowercase at least twice, rarely inside a name
    let mut lower_words: Vec<&String> = lowercase
        .iter()
        .filter(|(w, n)| {
            **n >= 2 && w.chars().all(|c| c.is_alphabetic() || c == '-') && w.chars().count() > 2
        })
        .filter(|(w, n)| {
            toks.get(*w)
                .is_none_or(|c| c.iter().take(4).sum::<u32>() * 4 <= **n)
        })
        .map(|(w, _)| w)
        .collect();
    lower_words.sort();
    let mut words_out = String::new();
    for w in &lower_words {
        words_out.push_str(w);
        words_out.push('\n');
    }
    let wdest = concat!(env!("CARGO_MANIFEST_DIR"), "/data/words.txt");
    if let Err(e) = std::fs::write(wdest, words_out) {
        eprintln!("cannot write {wdest}: {e}");
    } else {
        println!(
            "wrote {} common lowercase words to {wdest}",
            lower_words.len()
        );
    }
    let dest = concat!(env!("CARGO_MANIFEST_DIR"), "/data/names.tsv");
    if let Err(e) = std::fs::write(dest, out) {
        eprintln!("cannot write {dest}: {e}");
    } else {
        println!("wrote {} phrases and {} tokens to {dest}", p.len(), t.len());
    }
}
