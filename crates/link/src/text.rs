//! Small text helpers shared by the linking modules: word tokens, folding,
//! sentence lookup, dates as day numbers.

use corroborate_model::{Annotations, Span};

/// English function words ignored by the similarity measures.
pub const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "me",
    "more",
    "most",
    "my",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "out",
    "over",
    "own",
    "said",
    "same",
    "says",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "yours",
    "s",
    "t",
    "told",
    "say",
    "new",
    "one",
    "two",
    "according",
    "since",
    "last",
    "first",
    "year",
    "years",
    "week",
    "day",
    "people",
    "time",
    "like",
    "get",
    "got",
    "may",
    "might",
    "must",
    "yet",
    "still",
    "even",
    "well",
    "back",
    "made",
    "make",
];

/// Whether `w` (lowercase) is a stop word.
pub fn is_stopword(w: &str) -> bool {
    // Stop words are at most 10 bytes: longer words skip the lookup.
    if w.len() > 10 {
        return false;
    }
    static SET: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    let set = SET.get_or_init(|| {
        let mut v: Vec<&'static str> = STOPWORDS.to_vec();
        v.sort_unstable();
        v.dedup();
        v
    });
    set.binary_search(&w).is_ok()
}

/// Folds one character: lowercase, common Latin diacritics stripped.
pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return if c == '`' {
            '\''
        } else {
            c.to_ascii_lowercase()
        };
    }
    let c = c.to_lowercase().next().unwrap_or(c);
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'ĉ' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ğ' | 'ģ' => 'g',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => 'i',
        'ķ' => 'k',
        'ĺ' | 'ļ' | 'ľ' | 'ł' => 'l',
        'ñ' | 'ń' | 'ņ' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ŕ' | 'ř' => 'r',
        'ś' | 'ş' | 'š' | 'ș' => 's',
        'ţ' | 'ť' | 'ț' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        '’' | '‘' | '`' => '\'',
        _ => c,
    }
}

/// Lowercased, diacritic-free word tokens (alphanumeric runs; apostrophes inside
/// words are dropped).
pub fn words(text: &str) -> Vec<String> {
    split_words(text, false)
}

/// [`words`], with a possessive split off when `possessive` ("Norby's" -> "norby").
fn split_words(text: &str, possessive: bool) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let f = fold_char(c);
        if f.is_alphanumeric() {
            cur.push(f);
        } else if f == '\'' && !cur.is_empty() {
            // a possessive is its noun ("Norby's" -> "norby"); other apostrophes inside
            // words are skipped ("don't" -> "dont")
            let mut ahead = chars.clone();
            if possessive
                && ahead.next().is_some_and(|n| n == 's' || n == 'S')
                && ahead.next().is_none_or(|n| !fold_char(n).is_alphanumeric())
            {
                chars.next();
                out.push(std::mem::take(&mut cur));
            }
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Content words: [`words`] without stop words and one-letter tokens, possessives
/// split off ("Norby's" -> "norby").
pub fn content_words(text: &str) -> Vec<String> {
    split_words(text, true)
        .into_iter()
        .filter(|w| w.chars().count() > 1 && !is_stopword(w))
        .collect()
}

/// The English Snowball stem of a folded word ("rejected", "rejects" -> "reject";
/// "denied", "denies" -> "deni"), so that inflections of one word match.
pub fn stem(word: &str) -> String {
    thread_local! {
        static STEMMER: rust_stemmers::Stemmer =
            rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
    }
    STEMMER.with(|s| s.stem(word).into_owned())
}

/// A count written as digits or a word ("12", "twelve", "dozens", "hundred").
pub(crate) fn is_number_word(w: &str) -> bool {
    (!w.is_empty() && w.chars().all(|c| c.is_ascii_digit()))
        || corroborate_time::number_word(w).is_some_and(|n| n > 0)
        || matches!(w, "dozens" | "hundred" | "hundreds")
}

/// Word tokens with byte offsets (original text, not folded).
pub fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            if start.is_none() {
                start = Some(i);
            }
        } else if let Some(s) = start.take() {
            out.push((s, i));
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

/// Whether the document's sentence layer looks usable: its spans index the text
/// and most of them start at a word boundary (a layer shifted by a few bytes is
/// ignored in favour of a punctuation split).
pub fn sentence_layer_ok(doc: &Annotations) -> bool {
    let t = &doc.source.text;
    if doc.sentences.is_empty() {
        return false;
    }
    let mut bad = 0;
    for s in &doc.sentences {
        if !s.span().is_valid_in(t) {
            return false;
        }
        let prev = t.get(..s.start).and_then(|b| b.chars().next_back());
        let first = t.get(s.start..).and_then(|r| r.chars().next());
        if prev.is_some_and(char::is_alphanumeric) && first.is_some_and(char::is_alphanumeric) {
            bad += 1;
        }
    }
    bad * 5 <= doc.sentences.len()
}

/// The sentence span of `doc` containing byte `offset`. Computes the sentence layer:
/// for many lookups in one document, use [`sentence_in`] over [`sentences`].
pub fn sentence_at(doc: &Annotations, offset: usize) -> Span {
    sentence_in(&sentences(doc), offset)
}

/// The span of `sents` (sorted, not overlapping) containing byte `offset`; between
/// sentences (whitespace), the next one, else the last. Binary search.
pub fn sentence_in(sents: &[Span], offset: usize) -> Span {
    let i = sents.partition_point(|s| s.end <= offset);
    sents
        .get(i)
        .or_else(|| sents.last())
        .copied()
        .unwrap_or_else(|| Span::new(0, 0))
}

/// Weekday names, lowercase.
pub const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "gen", "dr", "mr", "mrs", "ms", "st", "no", "col", "lt", "sgt", "capt", "prof", "gov", "sen",
    "rep", "jr", "sr", "vs", "inc", "corp", "ltd", "co", "mt", "ft", "jan", "feb", "aug", "sept",
    "oct", "nov", "dec", "u.s", "u.k", "e.g", "i.e",
];

/// Every sentence span of `doc`: the sentence layer when usable, else a split on
/// sentence punctuation followed by a capital (abbreviations aside) and on line breaks.
pub fn sentences(doc: &Annotations) -> Vec<Span> {
    if sentence_layer_ok(doc) {
        let mut v: Vec<Span> = doc.sentences.iter().map(|s| s.span()).collect();
        if !v.is_sorted_by_key(|s| s.start) {
            v.sort_by_key(|s| s.start);
        }
        return v;
    }
    split_sentences(&doc.source.text)
}

/// Splits a text into sentence spans (trimmed, non-empty, on char boundaries).
pub fn split_sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut start = 0;
    let push = |a: usize, b: usize, out: &mut Vec<Span>| {
        let s = trim_span(text, Span::new(a, b));
        if !s.is_empty() {
            out.push(s);
        }
    };
    for (k, &(i, c)) in chars.iter().enumerate() {
        let end = i + c.len_utf8();
        if c == '\n' {
            push(start, end, &mut out);
            start = end;
            continue;
        }
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        // Closing quotes and brackets stay with the sentence.
        let mut j = k + 1;
        let mut cut = end;
        while let Some(&(pi, pc)) = chars.get(j) {
            if matches!(pc, '"' | '\'' | '\u{201d}' | '\u{2019}' | ')' | ']') {
                cut = pi + pc.len_utf8();
                j += 1;
            } else {
                break;
            }
        }
        let Some(&(_, next)) = chars.get(j) else {
            continue;
        };
        if !next.is_whitespace() {
            continue;
        }
        let following = chars
            .iter()
            .skip(j)
            .map(|&(_, ch)| ch)
            .find(|ch| !ch.is_whitespace());
        let starts_new = following.is_none_or(|f| {
            f.is_uppercase()
                || f.is_ascii_digit()
                || matches!(f, '"' | '\u{201c}' | '\'' | '\u{2018}' | '(')
        });
        if !starts_new {
            continue;
        }
        if c == '.' {
            let word: String = text
                .get(start..i)
                .unwrap_or("")
                .rsplit(|ch: char| ch.is_whitespace() || ch == '(')
                .next()
                .unwrap_or("")
                .to_lowercase();
            if ABBREVIATIONS.contains(&word.as_str())
                || (word.chars().count() == 1 && word.chars().all(char::is_alphabetic))
            {
                continue;
            }
        }
        push(start, cut, &mut out);
        start = cut;
    }
    push(start, text.len(), &mut out);
    out
}

/// Shrinks a span so it starts and ends on non-whitespace (stays on char boundaries).
pub fn trim_span(text: &str, span: Span) -> Span {
    let Some(slice) = text.get(span.start..span.end) else {
        return Span::new(span.start.min(text.len()), span.start.min(text.len()));
    };
    let lead = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    Span::new(span.start + lead, span.start + lead + trimmed.len())
}

/// Days since 1970-01-01 of a `YYYY[-MM[-DD]]...` value (missing parts = 1).
pub fn day_number(value: &str) -> Option<i64> {
    let y: i64 = value.get(..4)?.parse().ok()?;
    let m: i64 = match value.get(5..7) {
        Some(m) => m.parse().ok()?,
        None => 1,
    };
    let d: i64 = match value.get(8..10) {
        Some(d) => d.parse().ok()?,
        None => 1,
    };
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146097 + doe - 719468)
}

/// `YYYY-MM-DD` of a day number.
pub fn day_string(z: i64) -> String {
    let z = z + 719468;
    let era = if z >= 0 { z } else { z - 146096 } / 146097;
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = if m <= 2 { y + 1 } else { y };
    format!("{y:04}-{m:02}-{d:02}")
}

/// Weekday of a day number, 0 = Monday.
pub fn weekday(z: i64) -> i64 {
    (z + 3).rem_euclid(7)
}

/// Whether a TIMEX value is a concrete calendar date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`,
/// or a date-time), with no unresolved `X`.
pub fn is_concrete_date(value: &str) -> bool {
    let v = value.get(..value.len().min(10)).unwrap_or("");
    if v.len() < 4 || v.contains('X') {
        return false;
    }
    let b = v.as_bytes();
    b.iter().take(4).all(|c| c.is_ascii_digit())
        && (v.len() == 4
            || (v.len() >= 7
                && b.get(4) == Some(&b'-')
                && b.get(5..7)
                    .is_some_and(|m| m.iter().all(|c| c.is_ascii_digit()))))
}

/// The date part of a concrete TIMEX value, at day precision at most.
pub fn date_part(value: &str) -> &str {
    let len = if value.len() >= 10 && value.get(7..8) == Some("-") {
        10
    } else if value.len() >= 7 && value.get(4..5) == Some("-") {
        7
    } else {
        4
    };
    value.get(..len).unwrap_or(value)
}

/// Trims `s` to at most `max` bytes at a word boundary, adding an ellipsis.
pub fn shorten(s: &str, max: usize) -> String {
    let s = s.trim();
    if s.len() <= max {
        return s.to_string();
    }
    let mut cut = 0;
    for (i, c) in s.char_indices() {
        if i > max {
            break;
        }
        if c.is_whitespace() {
            cut = i;
        }
    }
    if cut == 0 {
        cut = s
            .char_indices()
            .map(|(i, _)| i)
            .take_while(|&i| i <= max)
            .last()
            .unwrap_or(0);
    }
    format!("{}…", s.get(..cut).unwrap_or("").trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_lookup_by_binary_search() {
        let sents = [Span::new(0, 10), Span::new(12, 20), Span::new(25, 30)];
        assert_eq!(sentence_in(&sents, 0), Span::new(0, 10));
        assert_eq!(sentence_in(&sents, 9), Span::new(0, 10));
        assert_eq!(sentence_in(&sents, 10), Span::new(12, 20)); // between: the next one
        assert_eq!(sentence_in(&sents, 22), Span::new(25, 30));
        assert_eq!(sentence_in(&sents, 99), Span::new(25, 30)); // past the end: the last
        assert_eq!(sentence_in(&[], 3), Span::new(0, 0));
    }
    use proptest::prelude::*;

    #[test]
    fn days_round_trip() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(
            day_string(day_number("2023-06-04").unwrap_or(0)),
            "2023-06-04"
        );
        // 2023-06-04 was a Sunday.
        assert_eq!(weekday(day_number("2023-06-04").unwrap_or(0)), 6);
        assert_eq!(day_number("2023-13-01"), None);
    }

    #[test]
    fn concrete_dates() {
        assert!(is_concrete_date("2023-06-04"));
        assert!(is_concrete_date("2019"));
        assert!(!is_concrete_date("XXXX-WXX-7"));
        assert!(!is_concrete_date("PRESENT_REF"));
        assert!(!is_concrete_date("P2D"));
        assert_eq!(date_part("2023-06-04T21:40"), "2023-06-04");
    }

    #[test]
    fn splits_sentences_around_abbreviations() {
        let t = "Gen. Taras Bondar spoke. He said \"no.\" Then U.S. officials left!\nNext line";
        let got: Vec<&str> = split_sentences(t).iter().map(|s| s.slice(t)).collect();
        assert_eq!(
            got,
            vec![
                "Gen. Taras Bondar spoke.",
                "He said \"no.\"",
                "Then U.S. officials left!",
                "Next line"
            ]
        );
    }

    #[test]
    fn words_fold() {
        assert_eq!(
            words("Tschaikowsky-Saal, Łódź!"),
            vec!["tschaikowsky", "saal", "lodz"]
        );
        assert_eq!(
            content_words("The blast in the hall"),
            vec!["blast", "hall"]
        );
        // a possessive is its noun in content words; other apostrophes join the word
        assert_eq!(
            content_words("Norby's mayor didn't go, Norby’s said"),
            vec!["norby", "mayor", "didnt", "go", "norby"]
        );
        assert_eq!(words("Norby's"), vec!["norbys"]);
    }

    proptest! {
        #[test]
        fn sentence_spans_on_boundaries(s in "[a-zé .!\n]{0,60}", off in 0usize..80) {
            let src = corroborate_model::Source::new("x", "-", s.clone());
            let doc = Annotations::new(src);
            let sp = sentence_at(&doc, off);
            prop_assert!(sp.is_valid_in(&s));
            for sp in split_sentences(&s) {
                prop_assert!(sp.is_valid_in(&s) && !sp.is_empty());
            }
            for sp in sentences(&doc) {
                prop_assert!(sp.is_valid_in(&s));
            }
            let short = shorten(&s, 10);
            prop_assert!(short.len() <= 10 + '…'.len_utf8());
        }
    }
}
