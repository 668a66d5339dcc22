//! Word and punctuation tokens as byte spans.
//!
//! The tokenizer is deliberately simple and fast: a word is a run of letters and digits
//! with inner apostrophes, hyphens and (for abbreviations such as "U.S." or "a.m.")
//! inner periods; a number is a run of digits with inner `.`, `,` or `:` between digits;
//! every other non-space character is a one-character punctuation token.

use corroborate_model::Span;

/// The kind of a [`Token`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters (possibly with digits, inner hyphens, apostrophes or abbreviation dots).
    Word,
    /// Digits with optional inner separators (`1,200`, `3.5`, `21:40`).
    Number,
    /// Any other single character.
    Punct,
}

/// A token: a byte span of the text and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Token {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Kind.
    pub kind: TokenKind,
}

impl Token {
    /// The token's text in `text` (empty when the span does not index it).
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// The span.
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

fn is_hyphen(c: char) -> bool {
    c == '-' || c == '\u{2010}' || c == '\u{2011}'
}

/// Abbreviations that keep their period as part of the token.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Col", "Lt", "Sgt", "Capt", "Maj", "Adm", "Gov", "Sen",
    "Rep", "Rev", "St", "Mt", "Jr", "Sr", "Brig", "Cmdr", "Supt", "Insp", "Det", "Pres", "No",
    "Nos", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    "Inc", "Ltd", "Corp", "Co", "Bros", "vs", "etc", "approx", "Ave", "Blvd", "Fr", "Hon", "Amb",
];

/// Whether `w` is an abbreviation that keeps its period ("Gen", "Inc").
pub fn is_abbreviation(w: &str) -> bool {
    ABBREVIATIONS.contains(&w)
}

/// Splits `text` into tokens, in order, with byte offsets on char boundaries.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let end_of = |i: usize| -> usize { chars.get(i).map(|&(b, _)| b).unwrap_or(text.len()) };
    let ch = |i: usize| -> Option<char> { chars.get(i).map(|&(_, c)| c) };
    let mut i = 0;
    while i < n {
        let Some(c) = ch(i) else { break };
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let start = end_of(i);
        if c.is_ascii_digit() {
            // number: digits with inner separators followed by a digit
            let mut j = i + 1;
            while j < n {
                let Some(d) = ch(j) else { break };
                if d.is_ascii_digit() {
                    j += 1;
                } else if matches!(d, '.' | ',' | ':')
                    && ch(j + 1).is_some_and(|e| e.is_ascii_digit())
                {
                    j += 2;
                } else {
                    break;
                }
            }
            // digits glued to letters ("3rd", "10km", "COVID19") become a word
            let mut kind = TokenKind::Number;
            if ch(j).is_some_and(|d| d.is_alphabetic()) {
                kind = TokenKind::Word;
                while ch(j).is_some_and(is_word_char) {
                    j += 1;
                }
            }
            out.push(Token {
                start,
                end: end_of(j),
                kind,
            });
            i = j;
            continue;
        }
        if is_word_char(c) {
            let mut j = i + 1;
            loop {
                match ch(j) {
                    Some(d) if is_word_char(d) => j += 1,
                    Some(d)
                        if (is_apostrophe(d) || is_hyphen(d) || d == '&')
                            && ch(j + 1).is_some_and(|e| e.is_alphabetic()) =>
                    {
                        // "don't", "al-Assad", "AT&T"; but keep the possessive "'s" apart
                        if is_apostrophe(d)
                            && matches!(ch(j + 1), Some('s') | Some('S'))
                            && !ch(j + 2).is_some_and(is_word_char)
                        {
                            break;
                        }
                        if d == '&' && !(ch(j - 1).is_some_and(|p| p.is_uppercase())) {
                            break;
                        }
                        j += 2;
                    }
                    Some('.') => {
                        // abbreviation dots: "U.S.", "a.m.", "e.g." — a single letter before the dot
                        // followed by a single letter and a dot
                        let seg_len = {
                            let mut k = j;
                            while k > i && ch(k - 1).is_some_and(|p| p.is_alphabetic()) {
                                k -= 1;
                            }
                            j - k
                        };
                        if seg_len == 1
                            && ch(j + 1).is_some_and(|e| e.is_alphabetic())
                            && !ch(j + 2).is_some_and(is_word_char)
                            && ch(j + 2) == Some('.')
                        {
                            j += 2;
                        } else {
                            break;
                        }
                    }
                    _ => break,
                }
            }
            // a trailing dot after a dotted abbreviation ("U.S" + ".") or a known
            // abbreviation followed by space ("Gen. Petrov", "Inc.")
            let tok_text = text.get(start..end_of(j)).unwrap_or("");
            let initial = tok_text.chars().count() == 1
                && tok_text.chars().all(char::is_uppercase)
                && ch(j + 1) == Some(' ')
                && ch(j + 2).is_some_and(char::is_uppercase);
            if ch(j) == Some('.')
                && (tok_text.contains('.')
                    || initial
                    || (is_abbreviation(tok_text) && ch(j + 1).is_none_or(char::is_whitespace)))
            {
                j += 1;
            }
            out.push(Token {
                start,
                end: end_of(j),
                kind: TokenKind::Word,
            });
            i = j;
            continue;
        }
        // possessive "'s" as its own word token
        if is_apostrophe(c)
            && matches!(ch(i + 1), Some('s') | Some('S'))
            && !ch(i + 2).is_some_and(is_word_char)
            && out.last().is_some_and(|t: &Token| t.end == start)
        {
            out.push(Token {
                start,
                end: end_of(i + 2),
                kind: TokenKind::Word,
            });
            i += 2;
            continue;
        }
        out.push(Token {
            start,
            end: end_of(i + 1),
            kind: TokenKind::Punct,
        });
        i += 1;
    }
    out
}

/// Index range `[lo, hi)` of the tokens lying inside `span` (tokens are sorted).
pub fn tokens_in(tokens: &[Token], span: Span) -> std::ops::Range<usize> {
    let lo = tokens.partition_point(|t| t.start < span.start);
    let hi = tokens.partition_point(|t| t.start < span.end);
    let hi = hi.max(lo);
    // drop a last token that sticks out of the span
    let hi = if hi > lo && tokens.get(hi - 1).is_some_and(|t| t.end > span.end) {
        hi - 1
    } else {
        hi
    };
    lo..hi
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(t: &str) -> Vec<&str> {
        tokenize(t).iter().map(|k| k.text(t)).collect()
    }

    #[test]
    fn basic_words_numbers_punct() {
        assert_eq!(
            words("At least 1,200 people, 3.5 km. Don't!"),
            vec![
                "At", "least", "1,200", "people", ",", "3.5", "km", ".", "Don't", "!"
            ]
        );
    }

    #[test]
    fn abbreviations_and_possessives() {
        assert_eq!(
            words("the U.S. army's chief"),
            vec!["the", "U.S.", "army", "'s", "chief"]
        );
        assert_eq!(words("at 9 a.m. today"), vec!["at", "9", "a.m.", "today"]);
        assert_eq!(
            words("Gen. Petrov of Acme Inc."),
            vec!["Gen.", "Petrov", "of", "Acme", "Inc."]
        );
        assert_eq!(
            words("Marvania’s al-Bashir"),
            vec!["Marvania", "’s", "al-Bashir"]
        );
        assert_eq!(words("AT&T and R&D"), vec!["AT&T", "and", "R&D"]);
    }

    #[test]
    fn initials_keep_their_dot() {
        assert_eq!(words("J. K. Rowling"), vec!["J.", "K.", "Rowling"]);
        assert_eq!(words("Plan B. then"), vec!["Plan", "B", ".", "then"]);
    }

    #[test]
    fn glued_sentence_is_two_words() {
        assert_eq!(words("June.The"), vec!["June", ".", "The"]);
        assert_eq!(words("21:40 3rd"), vec!["21:40", "3rd"]);
    }

    #[test]
    fn non_ascii_offsets() {
        let t = "Kharkiv – “Tak” ünd";
        for tok in tokenize(t) {
            assert!(t.get(tok.start..tok.end).is_some());
        }
        assert_eq!(words(t), vec!["Kharkiv", "–", "“", "Tak", "”", "ünd"]);
    }
}
