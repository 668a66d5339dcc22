//! Throughput of the whole `annotate()` on real news text, one core.
//!
//! Usage: `cargo run -p corroborate-annotate --release --example bench_annotate [-- dir]`
//! Reads the `.txt` files of `dir` (default: the PolNeAR train texts under
//! `/work/shared/data/quotes/polnear/train/text`); when absent, says so and falls back to
//! a built-in synthetic passage repeated to about 1 MB.

use corroborate_annotate::{Options, annotate};
use corroborate_model::{DateBasis, DateValue, Source};
use std::time::Instant;

const FALLBACK: &str = "KHARIVSK, Doravia (MPA) - At least 58 people were killed and more than 120 injured when a bomb exploded in the foyer of the Tchaikovsky Concert Hall on Saturday night, officials said. Doravia's Interior Minister Irina Voloshyna blamed Marvania. SSB spokesman Dmytro Hrytsenko said the State Security Bureau (SSB) had received a warning. “The alert was too vague to act on,” he said.\n\n";

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "/work/shared/data/quotes/polnear/train/text".to_string());
    let mut texts: Vec<String> = Vec::new();
    if let Ok(rd) = std::fs::read_dir(&dir) {
        let mut paths: Vec<_> = rd.filter_map(|e| e.ok()).map(|e| e.path()).collect();
        paths.sort();
        for p in paths {
            if p.extension().is_some_and(|e| e == "txt")
                && let Ok(t) = std::fs::read_to_string(&p)
            {
                texts.push(t);
            }
        }
    }
    if texts.is_empty() {
        eprintln!(
            "{dir} is absent or empty: using a synthetic passage (figures are not representative)"
        );
        texts = vec![FALLBACK.repeat(1_000_000 / FALLBACK.len() + 1)];
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let opts = Options::default();
    let _ = corroborate_annotate::gazetteer::table();
    let t0 = Instant::now();
    let (mut ents, mut quotes, mut quants, mut times, mut bad) = (0, 0, 0, 0, 0);
    for (i, t) in texts.iter().enumerate() {
        let mut src = Source::new(format!("d{i}"), "-", t.clone());
        src.published = Some(DateValue::new("2016-10-01", DateBasis::Given));
        let (a, _) = annotate(src, &opts);
        bad += a.bad_spans().len();
        ents += a.entities.len();
        quotes += a.quotes.len();
        quants += a.quantities.len();
        times += a.times.len();
    }
    let secs = t0.elapsed().as_secs_f64();
    println!(
        "{} documents, {:.2} MB in {secs:.2} s: {:.2} MB/s; {ents} entities, {times} times, {quotes} quotes, {quants} quantities",
        texts.len(),
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / secs
    );
    println!("spans that do not round-trip: {bad}");
    // per stage, on the largest document
    if let Some(big) = texts.iter().max_by_key(|t| t.len()) {
        use corroborate_annotate::{entities, quantities, quotes, sentences, tokens};
        let t = Instant::now();
        let s = sentences::split(big);
        let t_s = t.elapsed();
        let t = Instant::now();
        let k = tokens::tokenize(big);
        let t_k = t.elapsed();
        let t = Instant::now();
        let e = entities::recognize(big, &s, &k);
        let t_e = t.elapsed();
        let t = Instant::now();
        let tm = corroborate_time::tag(big, None);
        let t_t = t.elapsed();
        let t = Instant::now();
        let q = quotes::extract(big, &s, &k, &e);
        let t_q = t.elapsed();
        let t = Instant::now();
        let n = quantities::extract(big, &s, &k, &tm);
        let t_n = t.elapsed();
        println!(
            "largest document ({} bytes): sentences {t_s:?}, tokens {t_k:?}, entities {t_e:?}, times {t_t:?}, quotes {t_q:?}, quantities {t_n:?} ({} quotes, {} quantities)",
            big.len(),
            q.len(),
            n.len()
        );
    }
}
