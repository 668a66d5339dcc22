//! Speed of the tagger on a set of plain-text documents with their creation times: the
//! side of the HeidelTime bench (`tools/bench/time/run.sh`) that runs corroborate-time.
//!
//! Usage: `cargo run --release -p corroborate-time --example bench_docs -- DIR [--reps N]
//! [--out FILE]`. DIR holds `dct.tsv` (`name<TAB>YYYY-MM-DD` per line) and
//! `docs/<name>.txt`. Every document is tagged once (written to FILE as `name, start,
//! end, type, value` with character offsets, when `--out` is given), then the whole set
//! N more times (default 200) for the timing. Prints `key=value` lines: docs, words,
//! seconds (per pass), docs_per_s, words_per_s. Exits 0 with a note when DIR is absent.

use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use chrono::NaiveDate;
use corroborate_model::TimeType;

fn type_name(t: TimeType) -> &'static str {
    match t {
        TimeType::DATE => "DATE",
        TimeType::TIME => "TIME",
        TimeType::DURATION => "DURATION",
        TimeType::SET => "SET",
    }
}

/// Character offset of byte offset `b` in `text` (counts the chars before it).
fn char_at(text: &str, b: usize) -> usize {
    text.char_indices().take_while(|(i, _)| *i < b).count()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut dir: Option<PathBuf> = None;
    let mut reps = 200usize;
    let mut out: Option<PathBuf> = None;
    let mut k = 0;
    while k < args.len() {
        let a = args.get(k).map(String::as_str).unwrap_or("");
        match a {
            "--reps" => {
                reps = args
                    .get(k + 1)
                    .and_then(|x| x.parse().ok())
                    .unwrap_or(reps)
                    .max(1);
                k += 1;
            }
            "--out" => {
                out = args.get(k + 1).map(PathBuf::from);
                k += 1;
            }
            _ => dir = Some(PathBuf::from(a)),
        }
        k += 1;
    }
    let Some(dir) = dir else {
        println!("usage: bench_docs DIR [--reps N] [--out FILE]");
        return;
    };
    let Ok(list) = std::fs::read_to_string(dir.join("dct.tsv")) else {
        println!(
            "no {}: nothing to run (this is not an error)",
            dir.join("dct.tsv").display()
        );
        return;
    };
    let mut docs: Vec<(String, String, Option<NaiveDate>)> = Vec::new();
    for line in list.lines() {
        let mut f = line.split('\t');
        let (Some(name), Some(dct)) = (f.next(), f.next()) else {
            continue;
        };
        let path = dir.join("docs").join(format!("{name}.txt"));
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!("skipping unreadable {}", path.display());
            continue;
        };
        let dct = NaiveDate::parse_from_str(dct.trim(), "%Y-%m-%d").ok();
        docs.push((name.to_string(), text, dct));
    }
    let words: usize = docs.iter().map(|d| d.1.split_whitespace().count()).sum();
    // one pass for the output (and to warm up)
    let mut rows = String::new();
    for (name, text, dct) in &docs {
        for m in corroborate_time::tag(text, *dct) {
            // TimeML's reading, as eval_tempeval scores it
            let (kind, value) = m.timeml();
            rows.push_str(&format!(
                "{}\t{}\t{}\t{}\t{}\n",
                name,
                char_at(text, m.start),
                char_at(text, m.end),
                type_name(kind),
                value
            ));
        }
    }
    if let Some(p) = out {
        match std::fs::File::create(&p).and_then(|mut f| f.write_all(rows.as_bytes())) {
            Ok(()) => {}
            Err(e) => eprintln!("cannot write {}: {e}", p.display()),
        }
    }
    let t0 = Instant::now();
    let mut count = 0usize;
    for _ in 0..reps {
        for (_, text, dct) in &docs {
            count += corroborate_time::tag(text, *dct).len();
        }
    }
    let secs = t0.elapsed().as_secs_f64().max(1e-9) / reps as f64;
    println!("docs={}", docs.len());
    println!("words={words}");
    println!("mentions={}", count / reps);
    println!("seconds={secs:.6}");
    println!("docs_per_s={:.1}", docs.len() as f64 / secs);
    println!("words_per_s={:.0}", words as f64 / secs);
}
