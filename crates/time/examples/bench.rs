//! Speed of the tagger on a synthetic news text (no data needed).
//!
//! Usage: `cargo run --release -p corroborate-time --example bench [-- WORDS]`
//! (default: about 2,000,000 words). Prints words per second on one core.

use std::time::Instant;

use chrono::NaiveDate;

const SENTENCES: &[&str] = &[
    "A bomb exploded in the foyer of the concert hall on Saturday, June 3, 2023, at about 21:40 local time.",
    "The militia claimed the attack on Sunday in a post on Telegram, two days after the June 3 blast.",
    "The interior minister said the death toll rose to 64 on Tuesday and that more than 120 people were injured.",
    "Officials will hold a vigil this Friday evening, and the investigation is expected to last three weeks.",
    "Hours later, police sealed the district; the night before the concert, guards had checked the hall.",
    "Prices fell in the third quarter from a year earlier, the company said in its annual report.",
    "The market was bombed in 2019, and attacks rose over the past decade according to the ministry.",
    "Protesters gather every Friday in the square, and the newspaper publishes a daily count of arrests.",
    "Negotiators met for 48 hours last week without reaching an agreement on the ceasefire terms.",
    "Residents said the city had not seen such violence since the early 2000s, when the conflict began.",
];

fn main() {
    let target: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(2_000_000);
    let mut text = String::new();
    let mut words = 0usize;
    let mut k = 0usize;
    while words < target {
        let s = SENTENCES.get(k % SENTENCES.len()).copied().unwrap_or("");
        text.push_str(s);
        text.push(if k % 5 == 4 { '\n' } else { ' ' });
        words += s.split_whitespace().count();
        k += 1;
    }
    let dct = NaiveDate::from_ymd_opt(2023, 6, 6);
    // one warm-up pass over a slice, then the timed pass
    let _ = corroborate_time::tag(text.get(..10_000.min(text.len())).unwrap_or(""), dct);
    let t0 = Instant::now();
    let mentions = corroborate_time::tag(&text, dct);
    let secs = t0.elapsed().as_secs_f64().max(1e-9);
    println!(
        "{} words, {} bytes, {} mentions in {:.3} s: {:.0} words/s on one core",
        words,
        text.len(),
        mentions.len(),
        secs,
        words as f64 / secs
    );
}
