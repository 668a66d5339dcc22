//! Sentence splitting robust to scraped news text.
//!
//! Rules, in order:
//! - a blank line (paragraph break) always ends a sentence; a single line break ends one
//!   when the line before ends in terminal punctuation or looks like a headline;
//! - `.`, `!`, `?`, `…` (and runs of them) end a sentence when followed by space and a
//!   sentence opener (capital, digit, opening quote), with any closing quotes or brackets
//!   kept in the sentence;
//! - glued sentences ("in June.The ministry") split after the `.` when a lowercase word of
//!   two or more letters precedes and a capitalised word follows;
//! - abbreviations ("Gen.", "Dr.", "U.S.", "Jan.", "No.", "a.m."), initials ("J. K."),
//!   decimals, URLs and e-mail addresses do not split.
//!
//! Sentence spans are trimmed of surrounding whitespace.

use corroborate_model::Sentence;

/// Abbreviations that never end a sentence when followed by a name or number.
const TITLE_ABBREVS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "cpt", "maj", "adm", "gov",
    "sen", "rep", "rev", "fr", "st", "mt", "sr", "jr", "hon", "pres", "cmdr", "cdr", "brig",
    "supt", "insp", "det", "amb", "atty", "messrs", "mme", "mlle", "ft",
];

/// Abbreviations that usually do not end a sentence (unless a clear sentence opener follows).
const OTHER_ABBREVS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no",
    "nos", "vs", "v", "etc", "approx", "est", "dept", "corp", "inc", "ltd", "co", "bros", "fig",
    "vol", "p", "pp", "ch", "art", "para", "cf", "al", "e.g", "i.e", "a.m", "p.m", "u.s", "u.k",
    "u.n", "e.u", "d.c", "no", "tel", "ave", "blvd", "rd",
];

/// Words that typically open a sentence: after an ambiguous abbreviation ("U.S.", "a.m.",
/// "Inc.") one of these means the sentence did end.
const OPENERS: &[&str] = &[
    "The",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "But",
    "In",
    "On",
    "At",
    "A",
    "An",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "His",
    "Her",
    "Their",
    "Its",
    "Our",
    "After",
    "Before",
    "When",
    "While",
    "As",
    "If",
    "And",
    "Meanwhile",
    "However",
    "Police",
    "Officials",
    "Authorities",
    "According",
    "Some",
    "Many",
    "No",
    "One",
    "Two",
    "For",
    "Since",
    "By",
    "From",
    "Later",
    "Earlier",
    "Yesterday",
    "Today",
    "Then",
    "So",
    "Yet",
    "Also",
    "Still",
];

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '\u{201D}' | '\u{2019}' | ')' | ']' | '\u{00BB}' | '\u{203A}'
    )
}

fn is_opener_char(c: char) -> bool {
    c.is_uppercase()
        || c.is_ascii_digit()
        || matches!(
            c,
            '"' | '\''
                | '\u{201C}'
                | '\u{2018}'
                | '('
                | '['
                | '\u{00AB}'
                | '\u{2039}'
                | '-'
                | '\u{2014}'
                | '\u{2013}'
        )
}

/// The word (letters, digits, dots) that ends right before byte `pos`.
fn word_before(text: &str, pos: usize) -> &str {
    let head = text.get(..pos).unwrap_or("");
    let start = head
        .char_indices()
        .rev()
        .take_while(|&(_, c)| {
            c.is_alphanumeric() || c == '.' || c == '-' || c == '/' || c == '@' || c == ':'
        })
        .last()
        .map(|(i, _)| i)
        .unwrap_or(pos);
    head.get(start..).unwrap_or("")
}

/// The word that starts at byte `pos`.
fn word_at(text: &str, pos: usize) -> &str {
    let tail = text.get(pos..).unwrap_or("");
    let end = tail
        .char_indices()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '\''))
        .map(|(i, _)| i)
        .unwrap_or(tail.len());
    tail.get(..end).unwrap_or("")
}

fn is_abbrev(list: &[&str], w: &str) -> bool {
    let lw = w.to_ascii_lowercase();
    list.iter().any(|a| *a == lw)
}

/// Decides whether the terminal punctuation run `text[p..q]` (with closers up to `q`)
/// ends a sentence, given what follows.
fn ends_sentence(text: &str, p: usize, q: usize) -> bool {
    let punct = text.get(p..q).unwrap_or("");
    let after = text.get(q..).unwrap_or("");
    let mut after_chars = after.chars();
    let Some(next) = after_chars.next() else {
        return true;
    };
    let only_dot =
        punct.starts_with('.') && !punct.starts_with("...") && !punct.contains(['!', '?']);
    let before = word_before(text, p);
    if !next.is_whitespace() {
        // glued: "June.The" ; never for URLs, e-mails, decimals, abbreviations
        if !only_dot && !punct.starts_with(['!', '?']) {
            return false;
        }
        if !next.is_uppercase() {
            return false;
        }
        let second = after_chars.next();
        if !second.is_some_and(|c| c.is_lowercase()) {
            return false;
        }
        if before.contains(['.', '/', '@', ':']) || before.chars().count() < 2 {
            return false;
        }
        // "www.Example.com": the following word continues with a dot
        let nw = word_at(text, q);
        if text.get(q + nw.len()..).is_some_and(|r| {
            r.starts_with('.') && r.chars().nth(1).is_some_and(|c| c.is_alphanumeric())
        }) {
            return false;
        }
        let last = before.chars().last();
        return last.is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
            || punct.starts_with(['!', '?']);
    }
    // whitespace follows: find the next non-space char
    let rest = after.trim_start();
    let Some(first) = rest.chars().next() else {
        return true;
    };
    if !only_dot {
        return is_opener_char(first);
    }
    let next_word = word_at(rest, 0);
    // single-letter initial: "J. K. Rowling"
    let bw = before.trim_end_matches('.');
    if bw.chars().count() == 1 && bw.chars().all(|c| c.is_uppercase()) {
        return false;
    }
    if is_abbrev(TITLE_ABBREVS, bw) && before.len() == bw.len() {
        return false;
    }
    let dotted = bw.contains('.') || is_abbrev(OTHER_ABBREVS, bw);
    if dotted {
        if first.is_ascii_digit() || first.is_lowercase() {
            return false;
        }
        return OPENERS.contains(&next_word);
    }
    is_opener_char(first)
}

/// Splits `text` into trimmed sentence spans.
pub fn split(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut start = 0usize;
    let bytes = text.as_bytes();
    let push = |s: usize, e: usize, out: &mut Vec<Sentence>| {
        if let Some(seg) = text.get(s..e) {
            let lead = seg.len() - seg.trim_start().len();
            let trimmed = seg.trim();
            if !trimmed.is_empty() {
                out.push(Sentence {
                    start: s + lead,
                    end: s + lead + trimmed.len(),
                });
            }
        }
    };
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        match c {
            '\n' => {
                // blank line or headline-like line break
                let line_start = text
                    .get(..i)
                    .and_then(|h| h.rfind('\n'))
                    .map(|x| x + 1)
                    .unwrap_or(0);
                let line = text.get(line_start..i).unwrap_or("").trim();
                let next_blank = {
                    let rest = text.get(i + 1..).unwrap_or("");
                    let nl = rest.find('\n').unwrap_or(rest.len());
                    rest.get(..nl).unwrap_or("").trim().is_empty()
                };
                let ends_term = line
                    .chars()
                    .last()
                    .is_some_and(|c| matches!(c, '.' | '!' | '?' | ':' | '…') || is_closer(c));
                let headline = !line.is_empty() && line.len() < 120 && !line.ends_with(',');
                let next_starts_upper = text
                    .get(i + 1..)
                    .and_then(|r| r.trim_start().chars().next())
                    .is_some_and(is_opener_char);
                if next_blank || ends_term || (headline && next_starts_upper) {
                    push(start, i, &mut out);
                    start = i + 1;
                }
            }
            '.' | '!' | '?' | '…' => {
                if i < start {
                    continue;
                }
                // extend over the punctuation run and closers
                let mut q = i + c.len_utf8();
                while let Some(&(j, d)) = iter.peek() {
                    if matches!(d, '.' | '!' | '?' | '…') || is_closer(d) {
                        q = j + d.len_utf8();
                        iter.next();
                    } else {
                        break;
                    }
                }
                // decimals: "3.5"
                if c == '.'
                    && i > 0
                    && bytes.get(i - 1).is_some_and(|b| b.is_ascii_digit())
                    && bytes.get(i + 1).is_some_and(|b| b.is_ascii_digit())
                {
                    continue;
                }
                if ends_sentence(text, i, q) {
                    push(start, q, &mut out);
                    start = q;
                }
            }
            _ => {}
        }
    }
    push(start, text.len(), &mut out);
    cap_length(text, out)
}

/// Longest sentence span, in bytes. Real sentences are far shorter; a run-on
/// "sentence" of scraped text without punctuation is cut at whitespace so that the
/// per-sentence stages (quotes, events) never see an unbounded span.
pub const MAX_SENTENCE: usize = 4_000;

/// Cuts sentences longer than [`MAX_SENTENCE`] at the last whitespace before the
/// limit (or at the limit's char boundary when there is none).
fn cap_length(text: &str, sents: Vec<Sentence>) -> Vec<Sentence> {
    if sents.iter().all(|s| s.end - s.start <= MAX_SENTENCE) {
        return sents;
    }
    let mut out = Vec::with_capacity(sents.len());
    for s in sents {
        let mut a = s.start;
        while s.end - a > MAX_SENTENCE {
            let mut cut = a + MAX_SENTENCE;
            while cut > a && !text.is_char_boundary(cut) {
                cut -= 1;
            }
            let ws = text
                .get(a..cut)
                .and_then(|w| w.rfind(char::is_whitespace))
                .filter(|&p| p > 0)
                .map(|p| a + p);
            let cut = ws.unwrap_or(cut);
            if cut <= a {
                break;
            }
            if let Some(seg) = text.get(a..cut) {
                let t = seg.trim_end();
                if !t.is_empty() {
                    out.push(Sentence {
                        start: a,
                        end: a + t.len(),
                    });
                }
            }
            a = cut;
            // the next piece starts at its first non-space character
            let rest = text.get(a..s.end).unwrap_or("");
            a += rest.len() - rest.trim_start().len();
        }
        if a < s.end {
            out.push(Sentence {
                start: a,
                end: s.end,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn run_on_text_is_cut_into_bounded_sentences() {
        let text = format!(
            "Intro here. {} End.",
            "word \u{201c}q\u{201d} said Smith, ".repeat(2_000)
        );
        let ss = split(&text);
        assert!(ss.len() > 10);
        for s in &ss {
            assert!(s.end - s.start <= MAX_SENTENCE);
            let piece = text.get(s.start..s.end);
            assert!(piece.is_some_and(|p| !p.is_empty() && p.trim() == p));
        }
    }

    fn sents(t: &str) -> Vec<&str> {
        split(t)
            .iter()
            .map(|s| t.get(s.start..s.end).unwrap_or(""))
            .collect()
    }

    #[test]
    fn glued_sentences_split() {
        assert_eq!(
            sents("The blast happened in June.The ministry said nothing."),
            vec!["The blast happened in June.", "The ministry said nothing."]
        );
    }

    #[test]
    fn abbreviations_do_not_split() {
        assert_eq!(
            sents(
                "Gen. Petrov met Dr. Lee and Mr. Smith at St. Mary's on Jan. 5 at 9 a.m. in the U.S. embassy."
            ),
            vec![
                "Gen. Petrov met Dr. Lee and Mr. Smith at St. Mary's on Jan. 5 at 9 a.m. in the U.S. embassy."
            ]
        );
        assert_eq!(
            sents("Resolution No. 5 passed. J. K. Rowling wrote."),
            vec!["Resolution No. 5 passed.", "J. K. Rowling wrote."]
        );
    }

    #[test]
    fn abbreviation_at_sentence_end_before_opener() {
        assert_eq!(
            sents("He moved to the U.S. The move was quiet."),
            vec!["He moved to the U.S.", "The move was quiet."]
        );
    }

    #[test]
    fn decimals_urls_emails() {
        assert_eq!(
            sents(
                "Inflation hit 3.5 percent, see www.example.com or mail press@example.org for more. Next one."
            ),
            vec![
                "Inflation hit 3.5 percent, see www.example.com or mail press@example.org for more.",
                "Next one."
            ]
        );
    }

    #[test]
    fn closing_quote_stays_with_sentence() {
        assert_eq!(
            sents(
                "“We will find them.” The minister left. He said: \"Never again.\" Then silence."
            ),
            vec![
                "“We will find them.”",
                "The minister left.",
                "He said: \"Never again.\"",
                "Then silence."
            ]
        );
    }

    #[test]
    fn paragraphs_and_headlines() {
        assert_eq!(
            sents("Blast at concert hall\nKHARIVSK - A bomb exploded\n\non Saturday. Police came"),
            vec![
                "Blast at concert hall",
                "KHARIVSK - A bomb exploded",
                "on Saturday.",
                "Police came"
            ]
        );
    }

    #[test]
    fn question_in_quote_before_speech_tag() {
        assert_eq!(
            sents("\"Why now?\" he asks. \"Because!\" she said."),
            vec!["\"Why now?\" he asks.", "\"Because!\" she said."]
        );
    }

    #[test]
    fn question_and_exclamation() {
        assert_eq!(
            sents("Why? Nobody knows! Really."),
            vec!["Why?", "Nobody knows!", "Really."]
        );
    }
}
