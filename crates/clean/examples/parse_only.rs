//! Development aid: times html5ever parsing alone, then the whole `clean_html`, over
//! the evaluation pages (both single thread).
fn main() {
    let dir = std::path::PathBuf::from("/work/shared/data/cleaning/trafilatura-eval");
    let mut pages = Vec::new();
    for sub in ["cache", "eval"] {
        if let Ok(rd) = std::fs::read_dir(dir.join(sub)) {
            for e in rd.flatten() {
                if let Ok(b) = std::fs::read(e.path()) {
                    pages.push(String::from_utf8_lossy(&b).into_owned());
                }
            }
        }
    }
    if pages.is_empty() {
        println!("parse_only: data absent ({} has no pages)", dir.display());
        return;
    }
    let t = std::time::Instant::now();
    let mut n = 0usize;
    for p in &pages {
        let d = scraper::Html::parse_document(p);
        n += d.tree.values().count();
    }
    let parse = t.elapsed().as_secs_f64();
    let t = std::time::Instant::now();
    let mut m = 0usize;
    for p in &pages {
        m += corroborate_clean::clean_html(p).text.len();
    }
    let full = t.elapsed().as_secs_f64();
    println!(
        "{} pages, parse {parse:.2}s, full {full:.2}s ({n} nodes, {m} bytes)",
        pages.len()
    );
}
