//! Writes the ECB+ development documents (topics 1-35) as plain-text pages, one file a
//! document (`<topic>_<n>ecb.txt`, `<topic>_<n>ecbplus.txt`), each sentence line of the
//! corpus a paragraph. The "ecbplus" pages keep what the scraper saw (address, headline,
//! date lines); the "ecb" ones are bare article text. These pages are the real
//! multi-outlet stories the hand audits and `eval_stories_annotated` run on.
//!
//! Usage: `cargo run --release -p corroborate --example ecb_pages -- OUT_DIR [ECB_DIR]`
//! (ECB_DIR defaults to `/work/shared/data/stories/ecbplus-dev`; topics 36-45, the test
//! split, are never written). When the data is absent the tool says so and exits 0.

use std::path::PathBuf;

#[path = "common/ecb.rs"]
mod ecb;

const DEFAULT_DIR: &str = "/work/shared/data/stories/ecbplus-dev";

/// Closes up the corpus's tokenisation the way a page prints it: no space before
/// closing punctuation or after an opening bracket, hyphenated words joined, clock times
/// and thousands in one piece ("7:30", "2,000"), `` and '' as curly quotes, web addresses
/// in one piece.
fn detokenize(line: &str) -> String {
    if line.starts_with("http") || line.starts_with("www") {
        return line.split_whitespace().collect();
    }
    let toks: Vec<&str> = line.split_whitespace().collect();
    let digits = |t: Option<&&str>| t.is_some_and(|t| t.chars().all(|c| c.is_ascii_digit()));
    let mut out = String::with_capacity(line.len());
    let mut glue_next = false;
    for (i, &tok) in toks.iter().enumerate() {
        let tok = match tok {
            "``" => "“",
            "''" => "”",
            t => t,
        };
        // "7 : 30", "2 , 000": a separator between two numbers
        let inner = matches!(tok, ":" | "," | ".")
            && i > 0
            && digits(toks.get(i - 1))
            && digits(toks.get(i + 1));
        let closes = matches!(tok, "," | "." | ":" | ";" | "?" | "!" | ")" | "%" | "”")
            || matches!(tok, "'s" | "n't" | "'re" | "'ve" | "'ll" | "'d" | "'m");
        let joins = matches!(tok, "-" | "/");
        if !out.is_empty() && !closes && !joins && !glue_next {
            out.push(' ');
        }
        out.push_str(tok);
        glue_next = joins || inner || matches!(tok, "(" | "$" | "“");
    }
    out
}

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(out) = args.next().map(PathBuf::from) else {
        println!("usage: ecb_pages OUT_DIR [ECB_DIR]");
        return;
    };
    let dir = args
        .next()
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(DEFAULT_DIR));
    let docs: Vec<PathBuf> = ecb::dev_topics(&dir).into_values().flatten().collect();
    if docs.is_empty() {
        println!(
            "ECB+ not found at {} (expected topic folders 1-35): nothing written.",
            dir.display()
        );
        return;
    }
    if let Err(e) = std::fs::create_dir_all(&out) {
        eprintln!("{}: cannot create: {e}", out.display());
        std::process::exit(1);
    }
    let mut written = 0usize;
    for p in &docs {
        let Ok(xml) = std::fs::read_to_string(p) else {
            eprintln!("{}: unreadable, skipped", p.display());
            continue;
        };
        let Some(stem) = p.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        let (lines, _) = ecb::rebuild(&xml);
        let lines: Vec<String> = lines.iter().map(|l| detokenize(l)).collect();
        let target = out.join(format!("{stem}.txt"));
        match std::fs::write(&target, lines.join("\n\n")) {
            Ok(()) => written += 1,
            Err(e) => eprintln!("{}: cannot write: {e}", target.display()),
        }
    }
    println!("{written} pages written to {}", out.display());
}
