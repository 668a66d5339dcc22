//! Publication dates read off real scraped articles, checked against the date in their
//! URL.
//!
//! ECB+ (`../shared/data/stories/ecbplus-dev`) keeps, for its "ecbplus" half, the page as
//! a scraper saw it: the address on the first line, then the headline, bylines and date
//! lines, then the story. This tool rebuilds each text (tokens joined by spaces, one
//! sentence a line, the address line without spaces), cleans it as `corroborate analyze`
//! does with no date given, and compares the publication date found in the text
//! (header, byline, dateline) with the date written in the URL, where there is one: the
//! URL is the silver standard and is hidden from the cleaner (it stays on the first line
//! only when `WITH_URL=1`). `VERBOSE=1` lists every disagreement.
//!
//! Run with `cargo run --release -p corroborate --example eval_dct [-- DIR]`; when the
//! data is absent the tool says so and exits 0.

use std::path::{Path, PathBuf};

use corroborate::Config;
use corroborate::ingest::{Content, Meta, RawDoc};
use corroborate::model::DateBasis;

#[path = "common/ecb.rs"]
mod ecb;

const DEFAULT_DIR: &str = "/work/shared/data/stories/ecbplus-dev";

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(topics) = std::fs::read_dir(dir) else {
        return out;
    };
    for t in topics.flatten() {
        let Ok(entries) = std::fs::read_dir(t.path()) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.to_string_lossy().ends_with("ecbplus.xml") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

fn main() {
    let dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(DEFAULT_DIR));
    let paths = files(&dir);
    if paths.is_empty() {
        println!(
            "ECB+ not found at {} (expected topic folders of *ecbplus.xml): nothing to evaluate.",
            dir.display()
        );
        return;
    }
    let with_url = std::env::var_os("WITH_URL").is_some();
    let verbose = std::env::var_os("VERBOSE").is_some();
    let config = Config::default();
    let (mut n, mut found, mut silver, mut exact, mut near, mut far) = (0, 0, 0, 0, 0, 0);
    for p in &paths {
        let Ok(xml) = std::fs::read_to_string(p) else {
            continue;
        };
        let (mut lines, _) = ecb::rebuild(&xml);
        let url = lines
            .first()
            .filter(|l| l.starts_with("http"))
            .map(|l| l.replace(' ', ""));
        let gold = url
            .as_deref()
            .and_then(corroborate::ingest::url::date_from_url)
            .filter(|d| d.value.len() == 10);
        if url.is_some() {
            if with_url {
                if let (Some(first), Some(u)) = (lines.first_mut(), url.as_ref()) {
                    *first = u.clone();
                }
            } else {
                lines.remove(0);
            }
        }
        n += 1;
        let raw = RawDoc {
            origin: p.display().to_string(),
            content: Content::Text(lines.join("\n")),
            meta: Meta::default(),
        };
        let source = corroborate::prepare(&raw, &config);
        let Some(date) = source.published.filter(|d| d.basis == DateBasis::Text) else {
            continue;
        };
        found += 1;
        let Some(gold) = gold else { continue };
        silver += 1;
        let ours = date.value.get(..10).unwrap_or(&date.value).to_string();
        let days = |v: &str| {
            chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d")
                .ok()
                .map(|d| d.signed_duration_since(chrono::NaiveDate::MIN).num_days())
        };
        match (days(&ours), days(&gold.value)) {
            (Some(a), Some(b)) if a == b => exact += 1,
            (Some(a), Some(b)) if (a - b).abs() <= 1 => near += 1,
            _ => {
                far += 1;
                if verbose {
                    println!("DIFF\t{}\ttext {ours}\turl {}", p.display(), gold.value);
                }
            }
        }
    }
    let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
    println!(
        "ECB+ scraped pages (*ecbplus.xml): {n}; the URL line {}.\n\
         publication date found in the text: {found} ({:.1}%)\n\
         of those with a date in the URL ({silver}): same day {exact} ({:.1}%), one day apart {near} ({:.1}%), further {far} ({:.1}%)",
        if with_url {
            "kept"
        } else {
            "hidden from the cleaner"
        },
        pct(found, n),
        pct(exact, silver),
        pct(near, silver),
        pct(far, silver),
    );
}
