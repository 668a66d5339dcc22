//! Annotates a plain-text file (or stdin) and prints the annotations as JSON.
//!
//! Usage: `cargo run -p corroborate-annotate --example annotate_text -- [file] [YYYY-MM-DD]`

use corroborate_annotate::{Options, annotate};
use corroborate_model::{DateBasis, DateValue, Source};
use std::io::Read;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut text = String::new();
    match args.first().filter(|a| a.as_str() != "-") {
        Some(path) => match std::fs::read_to_string(path) {
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
    let mut source = Source::new(
        "doc",
        args.first().cloned().unwrap_or_else(|| "-".into()),
        text,
    );
    source.published = args
        .get(1)
        .map(|d| DateValue::new(d.clone(), DateBasis::Given));
    let (ann, problems) = annotate(source, &Options::default());
    for p in &problems {
        eprintln!("problem: {}", p.message);
    }
    match serde_json::to_string_pretty(&serde_json::json!({
        "entities": ann.entities, "quotes": ann.quotes, "quantities": ann.quantities, "times": ann.times,
        "sentences": ann.sentences.iter().map(|s| ann.source.text.get(s.start..s.end).unwrap_or("")).collect::<Vec<_>>(),
    })) {
        Ok(j) => println!("{j}"),
        Err(e) => eprintln!("{e}"),
    }
}
