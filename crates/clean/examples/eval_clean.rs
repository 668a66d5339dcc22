//! Evaluates `clean_html` on the trafilatura evaluation set (snippet metric).
//!
//! Usage: `cargo run --release -p corroborate-clean --example eval_clean -- [DATA_DIR] [--verbose] [--errors] [--keep-headline] [--flags]`
//!
//! `--flags` prints every quality flag and problem with its page, detail and the text
//! its spans cover.
//!
//! `--verbose` lists per page the missed `with` snippets (with the removal reason when
//! the snippet was removed) and the leaked `without` snippets (with their relative
//! position). `--errors` does the same with more context: for a leaked snippet, the
//! index of the block holding it, the number of blocks and the block's start; for a
//! missed one, the class chain of its text node in the page.
//!
//! DATA_DIR defaults to /work/shared/data/cleaning/trafilatura-eval (or `$CLEAN_EVAL_DIR`).
//! For each page: every `with` snippet found in the extracted text is a true positive,
//! else a false negative; every `without` snippet found is a false positive, else a true
//! negative (whitespace normalised on both sides). Prints P, R, F1 and pages/s
//! (extraction only, single thread). Exits 0 with a message when the data is absent.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use corroborate_clean::{HtmlOptions, clean_html_with};

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Decodes page bytes: BOM, then a declared meta charset in the first 4 KiB, else UTF-8
/// (lossy).
fn decode(bytes: &[u8]) -> String {
    if let Some((enc, _)) = encoding_rs::Encoding::for_bom(bytes) {
        return enc.decode_with_bom_removal(bytes).0.into_owned();
    }
    let head = &bytes[..bytes.len().min(4096)];
    let head_s = String::from_utf8_lossy(head).to_ascii_lowercase();
    if let Some(pos) = head_s.find("charset=") {
        let rest = &head_s[pos + 8..];
        let label: String = rest
            .trim_start_matches(['"', '\''])
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect();
        if let Some(enc) = encoding_rs::Encoding::for_label(label.as_bytes())
            && enc != encoding_rs::UTF_8
        {
            // Pages that declare a legacy charset but are valid UTF-8 stay UTF-8.
            if std::str::from_utf8(bytes).is_err() {
                return enc.decode_without_bom_handling(bytes).0.into_owned();
            }
        }
    }
    String::from_utf8_lossy(bytes).into_owned()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let errors = args.iter().any(|a| a == "--errors");
    let verbose = errors || args.iter().any(|a| a == "--verbose");
    let keep_headline = args.iter().any(|a| a == "--keep-headline");
    let show_flags = args.iter().any(|a| a == "--flags");
    let dir: PathBuf = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("CLEAN_EVAL_DIR").map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from("/work/shared/data/cleaning/trafilatura-eval"));
    let json_path = dir.join("evaldata.json");
    let Ok(raw) = std::fs::read_to_string(&json_path) else {
        println!(
            "eval_clean: data absent ({} not found); nothing to evaluate.",
            json_path.display()
        );
        return;
    };
    let Ok(serde_json::Value::Object(data)) = serde_json::from_str::<serde_json::Value>(&raw)
    else {
        println!(
            "eval_clean: {} is not a JSON object; nothing to evaluate.",
            json_path.display()
        );
        return;
    };
    let opts = HtmlOptions { keep_headline };
    let (mut tp, mut fn_, mut fp, mut tn) = (0usize, 0usize, 0usize, 0usize);
    let mut pages = 0usize;
    let mut missing = 0usize;
    let mut elapsed = Duration::ZERO;
    let mut flag_counts: std::collections::BTreeMap<String, usize> =
        std::collections::BTreeMap::new();
    let mut keys: Vec<&String> = data.keys().collect();
    keys.sort();
    for url in keys {
        let entry = &data[url.as_str()];
        let Some(file) = entry.get("file").and_then(|f| f.as_str()) else {
            continue;
        };
        let path = ["cache", "eval"]
            .iter()
            .map(|d| dir.join(d).join(file))
            .find(|p| Path::exists(p));
        let Some(bytes) = path.and_then(|p| std::fs::read(p).ok()) else {
            missing += 1;
            continue;
        };
        let html = decode(&bytes);
        let t0 = Instant::now();
        let cleaned = clean_html_with(&html, opts);
        elapsed += t0.elapsed();
        pages += 1;
        for f in &cleaned.flags {
            *flag_counts.entry(f.flag.clone()).or_insert(0usize) += 1;
            if show_flags {
                let covered: Vec<&str> = f
                    .spans
                    .iter()
                    .map(|s| {
                        cleaned
                            .text
                            .get(s.start..s.end)
                            .unwrap_or("<off a char boundary>")
                    })
                    .collect();
                println!("FLAG {file} {}: {} | spans {covered:?}", f.flag, f.detail);
            }
        }
        for p in &cleaned.problems {
            *flag_counts
                .entry(format!("problem:{}", p.stage))
                .or_insert(0usize) += 1;
            if show_flags {
                println!("PROBLEM {file} {}: {}", p.stage, p.message);
            }
        }
        let text = norm(&cleaned.text);
        let list = |k: &str| -> Vec<String> {
            entry
                .get(k)
                .and_then(|v| v.as_array())
                .map(|a| {
                    a.iter()
                        .filter_map(|s| s.as_str())
                        .map(norm)
                        .filter(|s| !s.is_empty())
                        .collect()
                })
                .unwrap_or_default()
        };
        let mut misses = Vec::new();
        for s in list("with") {
            if text.contains(&s) {
                tp += 1;
            } else {
                fn_ += 1;
                let why = cleaned
                    .removed
                    .iter()
                    .find(|r| norm(&r.text).contains(&s))
                    .map_or("-", |r| r.reason.as_str());
                misses.push(format!("  FN[{why}] {s:?}"));
                if errors {
                    let chain = corroborate_clean::debug_ancestors(&html, &s).unwrap_or_default();
                    misses.push(format!("      in {chain}"));
                }
            }
        }
        for s in list("without") {
            if text.contains(&s) {
                fp += 1;
                let pos = text.find(&s).unwrap_or(0) as f64 / text.len().max(1) as f64;
                misses.push(format!("  FP@{pos:.2} {s:?}"));
                if errors {
                    let blocks: Vec<String> = cleaned.text.split("\n\n").map(norm).collect();
                    if let Some(k) = blocks.iter().position(|b| b.contains(&s)) {
                        let b = &blocks[k];
                        let head: String = b.chars().take(160).collect();
                        misses.push(format!(
                            "      block {k}/{} ({} chars): {head:?}",
                            blocks.len(),
                            b.len()
                        ));
                    }
                }
            } else {
                tn += 1;
            }
        }
        if verbose && !misses.is_empty() {
            println!("{file} ({} chars)", text.len());
            for m in misses {
                println!("{m}");
            }
        }
    }
    let p = tp as f64 / (tp + fp).max(1) as f64;
    let r = tp as f64 / (tp + fn_).max(1) as f64;
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    let secs = elapsed.as_secs_f64().max(1e-9);
    println!("pages: {pages} (missing files: {missing})");
    println!("tp {tp} fn {fn_} fp {fp} tn {tn}");
    println!("flags: {flag_counts:?}");
    println!("precision {p:.4} recall {r:.4} f1 {f1:.4}");
    println!(
        "extraction time {secs:.3} s, pages/s {:.1}",
        pages as f64 / secs
    );
}
