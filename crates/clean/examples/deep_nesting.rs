//! Development aid: times `clean_html` on generated deeply nested pages (the cost of
//! html5ever's scope checks grows with the depth of the open-element stack).
//!
//! Usage: `cargo run --release -p corroborate-clean --example deep_nesting -- [SPEC...]`
//! where a SPEC is `nested:DEPTH` (one page with DEPTH nested `<div>`s around a
//! paragraph) or `saw:DEPTH:MB` (MB megabytes of markup climbing to DEPTH nested
//! `<div>`s and back, again and again); prints the time of `clean_html` on each.

use std::time::Instant;

const PARA: &str =
    "<p>The council said on Monday that the bridge would reopen in June, after repairs.</p>";

/// One page: `depth` nested `<div>`s around a paragraph.
fn nested(depth: usize) -> String {
    let mut s = String::from("<html><body>");
    s.push_str(&"<div>".repeat(depth));
    s.push_str(PARA);
    s.push_str(&"</div>".repeat(depth));
    s.push_str("</body></html>");
    s
}

/// About `bytes` of markup that climbs to `depth` nested `<div>`s and back, repeatedly.
fn sawtooth(depth: usize, bytes: usize) -> String {
    let mut s = String::from("<html><body>");
    let tooth = format!("{}{PARA}{}", "<div>".repeat(depth), "</div>".repeat(depth));
    while s.len() < bytes {
        s.push_str(&tooth);
    }
    s.push_str("</body></html>");
    s
}

fn time(label: &str, page: &str) {
    let t = Instant::now();
    let c = corroborate_clean::clean_html(page);
    let secs = t.elapsed().as_secs_f64();
    println!(
        "{label:<18} {:>9} bytes  {secs:>8.3} s  text {} bytes  problems {}",
        page.len(),
        c.text.len(),
        c.problems.len()
    );
    for p in &c.problems {
        println!("    {}", p.message);
    }
}

fn main() {
    let mut specs: Vec<String> = std::env::args().skip(1).collect();
    if specs.is_empty() {
        specs = ["nested:2000", "nested:8000", "saw:2000:8", "saw:8000:8"]
            .map(String::from)
            .to_vec();
    }
    for spec in specs {
        let parts: Vec<usize> = spec
            .split(':')
            .skip(1)
            .filter_map(|p| p.parse().ok())
            .collect();
        match (spec.split(':').next(), parts.as_slice()) {
            (Some("nested"), [d]) => time(&spec, &nested(*d)),
            (Some("saw"), [d, mb]) => time(&spec, &sawtooth(*d, mb << 20)),
            _ => println!("bad spec {spec:?}: use nested:DEPTH or saw:DEPTH:MB"),
        }
    }
}
