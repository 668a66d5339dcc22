//! Prints the sentences, person/organisation mentions and quotes found in a text, one a line:
//! a debugging aid for `quotes.rs`.
//!
//! Usage: `echo 'Sanders said the plan works.' | cargo run -p corroborate-annotate --release --example quotes_debug`

use corroborate_annotate::{Options, annotate};
use corroborate_model::{DateBasis, DateValue, Source};
use std::io::Read;

fn main() {
    let mut text = String::new();
    if let Err(e) = std::io::stdin().read_to_string(&mut text) {
        eprintln!("cannot read stdin: {e}");
        return;
    }
    let mut source = Source::new("doc", "-", text.clone());
    source.published = Some(DateValue::new("2016-10-01", DateBasis::Given));
    let (a, _) = annotate(source, &Options::default());
    for s in &a.sentences {
        println!("S {:?}", text.get(s.start..s.end).unwrap_or(""));
    }
    for e in &a.entities {
        println!("E {} {:?}", e.kind.as_str(), e.text);
    }
    for q in &a.quotes {
        println!(
            "Q {} cue={:?} speaker={:?} {:?}",
            q.kind.as_deref().unwrap_or("-"),
            q.cue.as_deref().unwrap_or("-"),
            q.speaker.as_ref().map(|s| s.text.as_str()),
            q.text
        );
    }
}
