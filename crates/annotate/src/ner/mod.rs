//! A trained named-entity tagger: an averaged structured perceptron over hashed
//! features ([`features`]) with BIO labels and first-order Viterbi decoding
//! ([`model`]), trained in the project on CoNLL-2003 `eng.train` by
//! `examples/train_ner.rs`. The weights ship in `models/ner.bin` (deflate-compressed,
//! i16-quantised) and are loaded once through `include_bytes!`.
//!
//! [`PerceptronRecognizer`] tags PER, ORG, LOC and MISC, re-types locations and
//! organisations ending in a facility head word ("Hall", "Airport") as FAC, strips
//! titles into [`EntityMention::title`] and runs the document-level pass of the rule
//! recognizer for [`EntityMention::canonical`]. When the shipped model cannot be read it
//! falls back to [`RuleRecognizer`].

pub mod features;
pub mod model;

use crate::entities::{Recognizer, RuleRecognizer, joinable, resolve_mentions, role_before};
use crate::gazetteer::{self, kind};
use crate::tokens::{Token, TokenKind, tokens_in};
use corroborate_model::{EntityMention, EntityType, Sentence};
use features::DocFeatures;
use model::Model;
use std::ops::Range;
use std::sync::LazyLock;

static MODEL_BYTES: &[u8] = include_bytes!("../../models/ner.bin");
static MODEL: LazyLock<Option<Model>> = LazyLock::new(|| Model::from_bytes(MODEL_BYTES));
static DOC_MODEL_BYTES: &[u8] = include_bytes!("../../models/ner_doc.bin");
static DOC_MODEL: LazyLock<Option<Model>> = LazyLock::new(|| Model::from_bytes(DOC_MODEL_BYTES));

/// The shipped first-pass model, or `None` when `models/ner.bin` is not a readable
/// model.
pub fn shipped_model() -> Option<&'static Model> {
    MODEL.as_ref()
}

/// The shipped second-pass model (stacked on the first pass's labels, see
/// [`features::extract`]), or `None` when `models/ner_doc.bin` is not a readable model.
pub fn shipped_doc_model() -> Option<&'static Model> {
    DOC_MODEL.as_ref()
}

/// Labels of every token in `ranges` (concatenated) by `model` over `feats`.
pub fn tag_all(model: &Model, feats: &DocFeatures, ranges: &[Range<usize>]) -> Vec<usize> {
    let mut out = Vec::with_capacity(feats.len());
    let mut row = 0;
    for r in ranges {
        out.extend(model.tag(feats, row..row + r.len()));
        row += r.len();
    }
    out
}

/// Labels of every token in `ranges` (concatenated) by the shipped models: the first
/// pass, then the second pass on its output when that model is present. `None` when
/// no model is readable.
pub fn tag_document(text: &str, tokens: &[Token], ranges: &[Range<usize>]) -> Option<Vec<usize>> {
    let m1 = shipped_model()?;
    let slices: Vec<&[Token]> = ranges
        .iter()
        .filter_map(|r| tokens.get(r.clone()))
        .collect();
    let prepared = features::Prepared::new(text, &slices);
    let feats = prepared.base();
    let first = tag_all(m1, &feats, ranges);
    let Some(m2) = shipped_doc_model() else {
        return Some(first);
    };
    let stacked = prepared.stacked(&first);
    let mut out = Vec::with_capacity(first.len());
    let mut row = 0;
    for r in ranges {
        out.extend(m2.tag_parts(&[&feats, &stacked], row..row + r.len()));
        row += r.len();
    }
    Some(out)
}

/// The tokens of each sentence, as ranges of `tokens`, in order and non-overlapping.
pub fn sentence_ranges(tokens: &[Token], sentences: &[Sentence]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::with_capacity(sentences.len());
    let mut last_end = 0;
    for s in sentences {
        let r = tokens_in(tokens, s.span());
        if r.start < last_end || r.is_empty() {
            continue;
        }
        last_end = r.end;
        out.push(r);
    }
    out
}

/// Features of the tokens inside `ranges`; the `k`-th token of the concatenated ranges
/// is feature row `k`. `prior`: first-pass labels for the stacked second pass.
pub fn document_features(
    text: &str,
    tokens: &[Token],
    ranges: &[Range<usize>],
    prior: Option<&[usize]>,
) -> DocFeatures {
    let slices: Vec<&[Token]> = ranges
        .iter()
        .filter_map(|r| tokens.get(r.clone()))
        .collect();
    features::extract(text, &slices, prior)
}

/// The entity type of a BIO label index (`None` for `O`).
pub fn label_type(label: usize) -> Option<EntityType> {
    match label {
        1 | 2 => Some(EntityType::PER),
        3 | 4 => Some(EntityType::ORG),
        5 | 6 => Some(EntityType::LOC),
        7 | 8 => Some(EntityType::MISC),
        _ => None,
    }
}

/// Spans `(first, end, type)` (token indexes, end exclusive) of a BIO label sequence;
/// an `I-` label that does not continue its type starts a new span.
pub fn bio_spans(labels: &[usize]) -> Vec<(usize, usize, EntityType)> {
    let mut out = Vec::new();
    let mut cur: Option<(usize, EntityType)> = None;
    for (i, &l) in labels.iter().enumerate() {
        let ty = label_type(l);
        let cont = l != 0 && l % 2 == 0 && cur.is_some_and(|(_, t)| Some(t) == ty);
        if !cont {
            if let Some((s, t)) = cur.take() {
                out.push((s, i, t));
            }
            if let Some(t) = ty {
                cur = Some((i, t));
            }
        }
    }
    if let Some((s, t)) = cur {
        out.push((s, labels.len(), t));
    }
    out
}

/// The trained tagger (see the module documentation).
#[derive(Debug, Clone, Copy, Default)]
pub struct PerceptronRecognizer;

impl PerceptronRecognizer {
    /// Whether the shipped model is readable (otherwise the rule recognizer is used).
    pub fn is_available() -> bool {
        shipped_model().is_some()
    }
}

const VENUE_WORDS: &[&str] = &[
    "hall",
    "theatre",
    "theater",
    "stadium",
    "airport",
    "bridge",
    "cathedral",
    "arena",
    "square",
];

/// Endings of place names, as in the rule recognizer.
const PLACE_SUFFIXES: &[&str] = &["ia", "stan", "land", "sk", "grad", "burg", "ville", "abad"];

fn is_all_caps(w: &str) -> bool {
    w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase)
}

fn lower(w: &str) -> String {
    w.to_lowercase()
}

fn is_title_word(w: &str) -> bool {
    let first_up = w.chars().next().is_some_and(char::is_uppercase);
    first_up
        && gazetteer::lookup(&lower(w)).is_some_and(|i| i.is(kind::TITLE) || i.is(kind::TITLE_MOD))
}

fn is_strict_title(w: &str) -> bool {
    gazetteer::lookup(&lower(w)).is_some_and(|i| i.is(kind::TITLE))
}

/// Turns the tagged spans of one sentence into mentions: titles, FAC, venues.
fn sentence_mentions(
    text: &str,
    st: &[Token],
    spans: &[(usize, usize, EntityType)],
    out: &mut Vec<(EntityMention, bool)>,
) {
    let words: Vec<&str> = st.iter().map(|t| t.text(text)).collect();
    let word = |k: usize| words.get(k).copied().unwrap_or("");
    // "the State Security Bureau Dmitry Gritsenko": a head word then a given name and
    // a surname are two names
    let mut split: Vec<(usize, usize, EntityType)> = Vec::with_capacity(spans.len());
    for &(a, b, ty) in spans {
        let has = |k: usize, bits: &[u32]| {
            gazetteer::lookup(&lower(word(k))).is_some_and(|i| bits.iter().any(|&x| i.is(x)))
        };
        let cut = (a + 1..b.saturating_sub(1)).find(|&k| {
            ty != EntityType::PER
                && has(k - 1, &[kind::ORG_HEAD, kind::FAC_HEAD])
                && has(k, &[kind::FIRST_M, kind::FIRST_F])
        });
        match cut {
            Some(k) => {
                split.push((a, k, ty));
                split.push((k, b, EntityType::PER));
            }
            None => split.push((a, b, ty)),
        }
    }
    for &(a0, b0, ty) in &split {
        let (mut a, mut b, mut kind) = (a0, b0, ty);
        let mut weak = false;
        // one word the training split never showed inside or outside a name
        if b - a == 1 {
            let w = word(a);
            let l = lower(w);
            let info = gazetteer::lookup(&l);
            let unseen = info.is_none_or(|i| {
                i.phrase.iter().sum::<u32>() == 0 && i.token.iter().take(5).sum::<u32>() == 0
            });
            let listed = info.is_some_and(|i| {
                i.is(kind::LOC) || i.is(kind::NAT) || i.is(kind::FIRST_M) || i.is(kind::FIRST_F)
            });
            // "I’ve", "It's": a pronoun with a contraction, one token here, two in CoNLL
            if let Some((head, tail)) = l.split_once(['\'', '\u{2019}'])
                && matches!(tail, "ve" | "m" | "ll" | "d" | "re" | "s")
                && matches!(
                    head,
                    "i" | "you"
                        | "we"
                        | "they"
                        | "he"
                        | "she"
                        | "it"
                        | "that"
                        | "there"
                        | "what"
                        | "who"
                        | "here"
                        | "let"
                )
            {
                continue;
            }
            if unseen && !listed {
                // a capitalised common noun ("the Explosion", "Houses")
                // (kept after a title, "Governor Pence", and, in `recognize`, when the
                // word is part of a longer name of the document, "Mike Pence")
                let titled = a > 0 && is_title_word(word(a - 1));
                weak = !is_all_caps(w) && gazetteer::is_lowercase_word(&l) && !titled;
                // a place-name shape ("Marvania", "Kharivsk")
                if matches!(kind, EntityType::PER | EntityType::ORG)
                    && l.chars().count() > 4
                    && PLACE_SUFFIXES.iter().any(|s| l.ends_with(s))
                {
                    kind = EntityType::LOC;
                }
            }
        }
        // titles inside a person span: "Gen. Petrov" -> title "Gen."
        let mut title: Option<(usize, usize)> = None;
        if kind == EntityType::PER {
            let mut k = a;
            let mut last_title = None;
            while k + 1 < b && is_title_word(word(k)) {
                if is_strict_title(word(k)) {
                    last_title = Some(k);
                }
                k += 1;
            }
            if let Some(lt) = last_title {
                title = Some((a, lt + 1));
                a = lt + 1;
            }
            // titles right before it: "Interior Minister Irina Voloshyna"
            if title.is_none() {
                let mut k = a;
                let mut first = None;
                let mut has_title = false;
                while k > 0 {
                    let (Some(p), Some(c)) = (st.get(k - 1), st.get(k)) else {
                        break;
                    };
                    if !joinable(text, p, c) || !is_title_word(word(k - 1)) {
                        break;
                    }
                    has_title |= is_strict_title(word(k - 1));
                    k -= 1;
                    first = Some(k);
                }
                if let (Some(f), true) = (first, has_title) {
                    // a leading modifier that is not part of the title ("State")
                    title = Some((f, a));
                }
            }
        }
        // an unknown name before a lowercase venue word: "Tschaikowsky concert hall"
        // (a known place stays one: "Belgrade airport")
        let name_end = b;
        let phrase = words
            .get(a..b)
            .unwrap_or(&[])
            .iter()
            .map(|w| lower(w))
            .collect::<Vec<_>>()
            .join(" ");
        let known = gazetteer::lookup(&phrase).is_some_and(|i| {
            i.is(kind::LOC)
                || i.phrase.iter().sum::<u32>() > 0
                || i.token.iter().take(4).sum::<u32>() > 0
        });
        let venue_range = if known { 0..0 } else { name_end..name_end + 2 };
        for k in venue_range {
            let w = word(k);
            if w.is_empty() || !w.chars().all(char::is_lowercase) {
                break;
            }
            let glued = (name_end..=k).all(|x| {
                x > 0
                    && st
                        .get(x)
                        .zip(st.get(x - 1))
                        .is_some_and(|(c, p)| joinable(text, p, c))
            });
            if !glued {
                break;
            }
            if VENUE_WORDS.contains(&w) {
                b = k + 1;
                kind = EntityType::FAC;
                break;
            }
        }
        // facility head words: "Tchaikovsky Concert Hall", "Heathrow Airport"
        if matches!(kind, EntityType::LOC | EntityType::ORG) && b - a >= 2 {
            let last = lower(word(b - 1));
            if gazetteer::lookup(&last).is_some_and(|i| i.is(kind::FAC_HEAD))
                && VENUE_WORDS
                    .iter()
                    .chain(
                        [
                            "hospital", "station", "palace", "museum", "tower", "embassy",
                        ]
                        .iter(),
                    )
                    .any(|v| *v == last)
            {
                kind = EntityType::FAC;
            }
        }
        let (Some(ta), Some(tb)) = (st.get(a), st.get(b.saturating_sub(1))) else {
            continue;
        };
        if b <= a || ta.start >= tb.end {
            continue;
        }
        let Some(mtext) = text.get(ta.start..tb.end) else {
            continue;
        };
        let mut title_text = title.and_then(|(x, y)| {
            let (s, e) = (st.get(x)?.start, st.get(y.checked_sub(1)?)?.end);
            text.get(s..e).map(str::to_string)
        });
        if title_text.is_none() && kind == EntityType::PER {
            title_text = role_before(text, st, &words, a);
        }
        out.push((
            EntityMention {
                start: ta.start,
                end: tb.end,
                text: mtext.to_string(),
                kind,
                title: title_text,
                canonical: None,
            },
            weak,
        ));
    }
}

impl Recognizer for PerceptronRecognizer {
    fn recognize(
        &self,
        text: &str,
        sentences: &[Sentence],
        tokens: &[Token],
    ) -> Vec<EntityMention> {
        let ranges = sentence_ranges(tokens, sentences);
        let Some(all_labels) = tag_document(text, tokens, &ranges) else {
            return RuleRecognizer.recognize(text, sentences, tokens);
        };
        let mut out = Vec::new();
        let mut row = 0;
        for r in &ranges {
            let n = r.len();
            let labels = all_labels.get(row..row + n).unwrap_or(&[]);
            row += n;
            let Some(st) = tokens.get(r.clone()) else {
                continue;
            };
            // a span never starts or ends on punctuation
            let spans: Vec<(usize, usize, EntityType)> = bio_spans(labels)
                .into_iter()
                .filter_map(|(mut a, mut b, t)| {
                    while a < b && st.get(a).is_some_and(|x| x.kind == TokenKind::Punct) {
                        a += 1;
                    }
                    // (a currency sign glued to a word stays: "C$", "US$")
                    while b > a
                        && st.get(b - 1).is_some_and(|x| {
                            x.kind == TokenKind::Punct
                                && !(x.text(text) == "$"
                                    && b - 1 > a
                                    && st.get(b - 2).is_some_and(|p| p.end == x.start))
                        })
                    {
                        b -= 1;
                    }
                    (b > a).then_some((a, b, t))
                })
                .collect();
            sentence_mentions(text, st, &spans, &mut out);
        }
        out.sort_by_key(|m| (m.0.start, m.0.end));
        // A possessive ending is not part of the name: "SSB’s spokesman" names "SSB".
        for (m, _) in out.iter_mut() {
            for suffix in ["’s", "'s"] {
                if m.text.len() > suffix.len() + 1
                    && let Some(stem) = m.text.strip_suffix(suffix)
                {
                    m.end -= suffix.len();
                    m.text = stem.to_string();
                    break;
                }
            }
        }
        // words of the document's multi-word names
        let in_names: std::collections::HashSet<&str> = out
            .iter()
            .filter(|m| m.0.text.contains(' '))
            .flat_map(|m| m.0.text.split(' '))
            .collect();
        let mut kept: Vec<EntityMention> = Vec::with_capacity(out.len());
        for (m, weak) in &out {
            if kept.last().is_some_and(|l| l.end > m.start)
                || *weak && !in_names.contains(m.text.as_str())
            {
                continue;
            }
            kept.push(m.clone());
        }
        resolve_mentions(text, kept)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{sentences, tokens};
    use proptest::prelude::*;

    fn ents(t: &str) -> Vec<EntityMention> {
        let s = sentences::split(t);
        let k = tokens::tokenize(t);
        PerceptronRecognizer.recognize(t, &s, &k)
    }

    #[test]
    fn possessive_is_not_part_of_the_name() {
        let t = "Dmytro Hrytsenko, the SSB’s spokesman, spoke to reporters in Kharivsk on Tuesday.";
        for m in ents(t) {
            assert!(!m.text.ends_with("’s"), "{m:?}");
            assert_eq!(t.get(m.start..m.end), Some(m.text.as_str()));
        }
    }

    #[test]
    fn bio_spans_of_labels() {
        assert_eq!(
            bio_spans(&[1, 2, 0, 5, 6, 6, 2, 7]),
            vec![
                (0, 2, EntityType::PER),
                (3, 6, EntityType::LOC),
                (6, 7, EntityType::PER),
                (7, 8, EntityType::MISC)
            ]
        );
        assert!(bio_spans(&[]).is_empty());
    }

    #[test]
    fn shipped_model_loads() {
        assert!(PerceptronRecognizer::is_available());
        assert!(shipped_model().is_some_and(|m| m.n_features() > 1000));
    }

    #[test]
    fn finds_typed_names() {
        let t = "German Chancellor Helmut Kohl met officials of the European Union in Brussels on Monday. Kohl said the talks went well.";
        let es = ents(t);
        let find = |s: &str| es.iter().find(|e| e.text == s);
        assert_eq!(find("Helmut Kohl").map(|e| e.kind), Some(EntityType::PER));
        assert_eq!(
            find("Helmut Kohl").and_then(|e| e.title.as_deref()),
            Some("Chancellor")
        );
        assert_eq!(find("Brussels").map(|e| e.kind), Some(EntityType::LOC));
        assert_eq!(find("German").map(|e| e.kind), Some(EntityType::MISC));
        assert_eq!(
            find("Kohl").and_then(|e| e.canonical.as_deref()),
            Some("Helmut Kohl")
        );
        for e in &es {
            assert_eq!(t.get(e.start..e.end), Some(e.text.as_str()));
        }
    }

    #[test]
    fn head_word_then_person_is_split() {
        let t =
            "Officials of the State Statistics Bureau Dmitry Gritsenko and Maria Lopez said so.";
        let es = ents(t);
        assert!(
            es.iter().all(|e| !e.text.contains("Bureau Dmitry")),
            "{es:?}"
        );
    }

    #[test]
    fn common_words_as_names_need_evidence() {
        let es = ents(
            "But, Governor Pence, I’ve heard it cost 50 pence. The Explosion hit Houses nearby.",
        );
        let find = |s: &str| es.iter().find(|e| e.text == s);
        assert_eq!(
            find("Pence").map(|e| e.kind),
            Some(EntityType::PER),
            "{es:?}"
        );
        assert!(find("Explosion").is_none(), "{es:?}");
        assert!(find("Houses").is_none(), "{es:?}");
        assert!(find("I’ve").is_none(), "{es:?}");
    }

    #[test]
    fn facility_heads() {
        let t = "A bomb exploded at the Tchaikovsky Concert Hall in Kharivsk on Saturday.";
        let es = ents(t);
        assert!(
            es.iter()
                .any(|e| e.text.ends_with("Concert Hall") && e.kind == EntityType::FAC),
            "{es:?}"
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]
        #[test]
        fn spans_round_trip(text in "(?s)[A-Za-z .,;:\"'“”()\\-ÉéКив]{0,200}") {
            let es = ents(&text);
            let mut last = 0;
            for e in &es {
                prop_assert_eq!(text.get(e.start..e.end), Some(e.text.as_str()));
                prop_assert!(e.start >= last && e.start < e.end);
                last = e.end;
            }
        }
    }
}
