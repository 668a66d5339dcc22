//! Entity guesses inside title-case lines.
//!
//! A headline written in title case ("Texas Lifer Escapes Prison Van Near Houston")
//! capitalises every word, so capitalisation says nothing there about names, and
//! recognisers return runs such as "Pulls Gun On And Handcuffs Guards" or "On The Lam".
//! In such a line a mention that holds a common word of the document (a function word,
//! or a word the story also writes in lower case: "prison", "gun") is dropped unless the
//! ordinary sentences make the same mention; names alone ("Houston") stay.

use std::collections::BTreeSet;

use corroborate_model::{EntityMention, Sentence};

/// Short words that title case capitalises and names rarely hold.
const FUNCTION_WORDS: &[&str] = &[
    "on", "and", "the", "of", "in", "at", "for", "with", "near", "after", "to", "as", "into",
    "from", "over", "by", "out", "off", "up", "is", "are", "was", "his", "her", "its", "their",
];

/// Words of the line (letters and apostrophes).
fn words(line: &str) -> impl Iterator<Item = &str> {
    line.split(|c: char| !c.is_alphabetic() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
}

/// Whether a word is common in this document: a function word, or written in lower
/// case somewhere in the document's text.
fn common(w: &str, lower_words: &BTreeSet<String>) -> bool {
    let low = w.to_lowercase();
    FUNCTION_WORDS.contains(&low.as_str()) || lower_words.contains(&low)
}

/// Whether a line is written in title case: seven in ten of its words of four or more
/// letters are capitalised, and at least two of its capitalised words after the first
/// are common words of the document ("Escapes", "Prison", "Near" when the story writes
/// "prison" and "near"), a third of them at least. A list of names ("Jan Ullrich (
/// Germany )") is not, nor a sentence naming "the Tchaikovsky Concert Hall".
pub fn is_title_case(line: &str, lower_words: &BTreeSet<String>) -> bool {
    // Most words of four or more letters are capitalised ...
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let long: Vec<&str> = words(line).filter(|w| w.chars().count() >= 4).collect();
    if long.len() < 3 || long.iter().filter(|w| capitalised(w)).count() * 10 < long.len() * 7 {
        return false;
    }
    // ... and not only names: common words among them.
    let caps: Vec<&str> = words(line)
        .skip(1)
        .filter(|w| capitalised(w))
        .filter(|w| w.chars().any(char::is_lowercase))
        .collect();
    let n = caps.iter().filter(|w| common(w, lower_words)).count();
    n >= 2 && n * 3 >= caps.len()
}

/// Head nouns of institution names, which hold common words by nature ("Board of
/// Agriculture and Conservation", "Federal Highway Administration").
const INSTITUTION_HEADS: &[&str] = &[
    "agency",
    "association",
    "authority",
    "administration",
    "board",
    "service",
    "services",
    "department",
    "institute",
    "commission",
    "council",
    "committee",
    "bureau",
    "center",
    "centre",
    "hospital",
    "university",
    "college",
    "festival",
    "company",
    "corporation",
    "party",
    "court",
    "ministry",
    "office",
    "foundation",
    "conservation",
    "union",
    "league",
    "organization",
    "organisation",
    "force",
    "police",
    "army",
    "navy",
];

/// Whether a mention ends with an institution's head noun, or reads "X of Y" with one.
fn institution(mention: &str) -> bool {
    let ws: Vec<String> = words(mention).map(str::to_lowercase).collect();
    let head_at = |i: usize| {
        ws.get(i)
            .is_some_and(|w| INSTITUTION_HEADS.contains(&w.as_str()))
    };
    // no verb-like word or preposition of a headline ("Charged", "Shooting", "In")
    let verbish = ws.iter().any(|w| {
        w.ends_with("ed") || w.ends_with("ing") || matches!(w.as_str(), "on" | "in" | "at")
    });
    !verbish
        && (ws.len().checked_sub(1).is_some_and(head_at)
            || ws
                .iter()
                .position(|w| w == "of")
                .is_some_and(|k| k > 0 && head_at(k - 1)))
}

/// Drops, in title-case sentences, the mentions that hold a common word of the document
/// (see the module doc). Mentions elsewhere are untouched.
pub fn drop_unbacked(text: &str, sentences: &[Sentence], ents: &mut Vec<EntityMention>) {
    let lower_words: BTreeSet<String> = words(text)
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .map(str::to_string)
        .collect();
    let title: Vec<(usize, usize)> = sentences
        .iter()
        .filter(|s| {
            text.get(s.start..s.end)
                .is_some_and(|l| is_title_case(l, &lower_words))
        })
        .map(|s| (s.start, s.end))
        .collect();
    if title.is_empty() {
        return;
    }
    let in_title = |start: usize| title.iter().any(|&(a, b)| a <= start && start < b);
    // Mentions the ordinary sentences make back the same text in a title line.
    let backed: BTreeSet<String> = ents
        .iter()
        .filter(|e| !in_title(e.start))
        .map(|e| e.text.to_lowercase())
        .collect();
    ents.retain(|e| {
        !in_title(e.start)
            || backed.contains(&e.text.to_lowercase())
            || institution(&e.text)
            || !words(&e.text).any(|w| common(w, &lower_words))
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use corroborate_model::EntityType;

    fn mention(text: &str, whole: &str) -> EntityMention {
        let start = whole.find(text).unwrap_or(0);
        EntityMention {
            start,
            end: start + text.len(),
            text: text.to_string(),
            kind: EntityType::ORG,
            title: None,
            canonical: None,
        }
    }

    #[test]
    fn title_case_lines() {
        let lower: BTreeSet<String> = ["prison", "van", "escapes"]
            .iter()
            .map(|w| w.to_string())
            .collect();
        assert!(is_title_case(
            "Texas Lifer Escapes Prison Van Near Houston",
            &lower
        ));
        assert!(!is_title_case(
            "A prisoner escaped from a van near Houston on Monday.",
            &lower
        ));
        assert!(!is_title_case(
            "Jan Ullrich ( Germany ) Telekom , Bjarne Riis ( Denmark )",
            &lower
        ));
        assert!(!is_title_case("Ada Brenn", &lower));
        let lower: BTreeSet<String> = ["concert", "hall", "philharmonic"]
            .iter()
            .map(|w| w.to_string())
            .collect();
        assert!(!is_title_case(
            "The blast hit the Tchaikovsky Concert Hall during a show by the Kharivsk Philharmonic.",
            &lower
        ));
        assert!(institution("Federal Highway Administration"));
        assert!(institution("Board of Agriculture and Conservation"));
        assert!(!institution("Philadelphia Killer Held For Trial"));
        assert!(!institution("Kraft Foods Rampage In NE Philadelphia"));
    }

    #[test]
    fn headline_guesses_need_backing_from_the_story() {
        let text = "Portvale Lifer Escapes Prison Van Near Halden\nA prisoner escaped from a \
                    van near Halden, Portvale police said.";
        let cut = text.find('\n').unwrap_or(0);
        let sentences = vec![
            Sentence { start: 0, end: cut },
            Sentence {
                start: cut + 1,
                end: text.len(),
            },
        ];
        let mut ents = vec![
            mention("Portvale Lifer Escapes Prison Van", text),
            mention("Halden", text),
        ];
        // the body's own mention of Halden
        let body_start = text.rfind("Halden").unwrap_or(0);
        ents.push(EntityMention {
            start: body_start,
            end: body_start + "Halden".len(),
            text: "Halden".into(),
            kind: EntityType::LOC,
            title: None,
            canonical: None,
        });
        drop_unbacked(text, &sentences, &mut ents);
        let kept: Vec<&str> = ents.iter().map(|e| e.text.as_str()).collect();
        assert_eq!(kept, vec!["Halden", "Halden"]);
    }
}
