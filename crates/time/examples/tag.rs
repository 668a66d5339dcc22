//! Tags stdin and prints one temporal expression per line.
//!
//! Usage: `echo "They met on Sunday." | cargo run -p corroborate-time --example tag -- 2023-06-05`
//! Output columns: start, end, type, value, anchor, text.

use std::io::Read;

use chrono::NaiveDate;

fn main() {
    let dct = std::env::args()
        .nth(1)
        .and_then(|a| NaiveDate::parse_from_str(&a, "%Y-%m-%d").ok());
    let mut text = String::new();
    if std::io::stdin().read_to_string(&mut text).is_err() {
        eprintln!("stdin is not UTF-8 text");
        return;
    }
    for m in corroborate_time::tag(&text, dct) {
        println!(
            "{}\t{}\t{:?}\t{}\t{}\t{}",
            m.start,
            m.end,
            m.kind,
            m.value,
            m.anchor.as_deref().unwrap_or("-"),
            m.text
        );
    }
}
