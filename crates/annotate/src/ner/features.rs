//! Hashed features of each token of a document, for the tagger in [`super`].
//!
//! Every feature is a 64-bit hash of a template number and one or more strings. The
//! features of a token are: its form, lowercase form, prefixes and suffixes (1 to 4
//! chars), word shape, capitalisation flags, position in the sentence, the words and
//! shapes in a ±2 window, hand-written gazetteer bits of the word and its neighbours
//! (never the corpus-derived counts of `data/names.tsv`, which would leak the training
//! split into the features), and document-level evidence: whether the same word appears
//! lowercase elsewhere in the document, or capitalised away from a sentence start.

use crate::gazetteer::{self, kind};
use crate::tokens::{Token, TokenKind};
use std::collections::{HashMap, HashSet};

/// Seed of the FNV-style hash.
const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// A running hash of one feature.
#[derive(Clone, Copy)]
struct H(u64);

impl H {
    fn new(template: u32) -> Self {
        let mut h = H(FNV_OFFSET);
        h.bytes(&template.to_le_bytes());
        h
    }
    fn bytes(&mut self, b: &[u8]) {
        for &x in b {
            self.0 ^= u64::from(x);
            self.0 = self.0.wrapping_mul(FNV_PRIME);
        }
    }
    fn s(mut self, s: &str) -> Self {
        self.bytes(s.as_bytes());
        self.bytes(&[0xff]);
        self
    }
    fn finish(self) -> u64 {
        // splitmix64 finaliser: well-mixed keys for the identity-hashed table
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

/// What the feature extractor knows about one token before looking at its neighbours.
#[derive(Debug, Clone, Default)]
struct TokInfo {
    form: String,
    lower: String,
    shape: String,
    kinds: u32,
    init_cap: bool,
    all_caps: bool,
    is_word: bool,
    /// This word and the next form a hand-listed place or nationality ("new york").
    place_with_next: bool,
}

/// Typographic quotes, apostrophes and dashes as the ASCII forms of the training
/// text ("“" -> "\"", "’" -> "'", "—" -> "--"), for the features only (offsets are the
/// tokens').
fn normalise(w: &str) -> std::borrow::Cow<'_, str> {
    match w {
        "\u{201C}" | "\u{201D}" | "\u{201E}" | "\u{AB}" | "\u{BB}" => "\"".into(),
        "\u{2014}" | "\u{2013}" => "--".into(),
        _ if w.contains(['\u{2018}', '\u{2019}']) => {
            w.replace(['\u{2018}', '\u{2019}'], "'").into()
        }
        _ => w.into(),
    }
}

fn shape_of(w: &str) -> String {
    let mut s = String::with_capacity(8);
    let mut last = '\0';
    for c in w.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if k != last {
            s.push(k);
            last = k;
        }
        if s.len() > 12 {
            break;
        }
    }
    s
}

use crate::entities::is_all_caps;

fn prefix(w: &str, n: usize) -> Option<&str> {
    let end = w.char_indices().nth(n).map(|(i, _)| i)?;
    w.get(..end)
}

fn suffix(w: &str, n: usize) -> Option<&str> {
    let count = w.chars().count();
    if count <= n {
        return None;
    }
    let start = w.char_indices().nth(count - n).map(|(i, _)| i)?;
    w.get(start..)
}

/// Whether a punctuation token opens a clause (the next word is capitalised by rule).
pub(crate) fn opens_clause(p: &str) -> bool {
    matches!(
        p,
        ":" | "\""
            | "\u{201C}"
            | "\u{2018}"
            | "'"
            | "("
            | "-"
            | "\u{2014}"
            | "\u{2013}"
            | "."
            | "?"
            | "!"
    )
}

/// The feature hashes of every token of a document, flattened.
#[derive(Debug, Clone, Default)]
pub struct DocFeatures {
    /// All feature hashes, token after token.
    pub feats: Vec<u64>,
    /// `offsets[i]..offsets[i + 1]` indexes the features of token `i`.
    pub offsets: Vec<usize>,
}

impl DocFeatures {
    /// The features of token `i` (empty when out of range).
    pub fn of(&self, i: usize) -> &[u64] {
        let (Some(&a), Some(&b)) = (self.offsets.get(i), self.offsets.get(i + 1)) else {
            return &[];
        };
        self.feats.get(a..b).unwrap_or(&[])
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// Whether there is no token.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

const KIND_BITS: [(u32, &str); 13] = [
    (kind::LOC, "loc"),
    (kind::NAT, "nat"),
    (kind::FIRST_M, "fm"),
    (kind::FIRST_F, "ff"),
    (kind::TITLE, "title"),
    (kind::TITLE_MOD, "tmod"),
    (kind::ORG_HEAD, "orgh"),
    (kind::FAC_HEAD, "fach"),
    (kind::LOC_HEAD, "loch"),
    (kind::COMMON, "common"),
    (kind::CALENDAR, "cal"),
    (kind::ROLE, "role"),
    (kind::CONNECTOR, "conn"),
];

/// Computes the features of every token in `sentences`, where each sentence is a
/// slice of the document's tokens (`text` is the document).
///
/// With `prior` (one BIO label index per token, from a first tagging pass over the
/// same tokens), adds stacked features: the token's own first-pass label and its
/// neighbours', and the entity types the first pass gave the same word elsewhere in
/// the document ("Kohl" after "Helmut Kohl").
pub fn extract(text: &str, sentences: &[&[Token]], prior: Option<&[usize]>) -> DocFeatures {
    let p = Prepared::new(text, sentences);
    p.features(prior, true)
}

/// The per-token analysis of a document (forms, shapes, list bits), computed once for
/// both tagging passes.
#[derive(Debug, Clone, Default)]
pub struct Prepared {
    infos: Vec<Vec<TokInfo>>,
    caps_sentence: Vec<bool>,
}

impl Prepared {
    /// Analyses the tokens of `sentences` (each a slice of the document's tokens).
    pub fn new(text: &str, sentences: &[&[Token]]) -> Self {
        let mut infos: Vec<Vec<TokInfo>> = Vec::with_capacity(sentences.len());
        for st in sentences {
            let mut v = Vec::with_capacity(st.len());
            for t in st.iter() {
                let form = normalise(t.text(text));
                let form = form.as_ref();
                let lower = form.to_lowercase();
                let kinds = gazetteer::lookup(&lower).map_or(0, |i| i.kinds);
                v.push(TokInfo {
                    shape: shape_of(form),
                    init_cap: form.chars().next().is_some_and(char::is_uppercase),
                    all_caps: is_all_caps(form),
                    is_word: t.kind == TokenKind::Word,
                    kinds,
                    form: form.to_string(),
                    lower,
                    place_with_next: false,
                });
            }
            for k in 1..v.len() {
                let ph = match (v.get(k - 1), v.get(k)) {
                    (Some(a), Some(b)) if a.is_word && b.is_word => {
                        format!("{} {}", a.lower, b.lower)
                    }
                    _ => continue,
                };
                let hit =
                    gazetteer::lookup(&ph).is_some_and(|i| i.kinds & (kind::LOC | kind::NAT) != 0);
                if let Some(a) = v.get_mut(k - 1) {
                    a.place_with_next = hit;
                }
            }
            infos.push(v);
        }
        let caps_sentence: Vec<bool> = infos
            .iter()
            .map(|s| {
                let words = s
                    .iter()
                    .filter(|t| t.is_word && t.form.chars().count() > 1)
                    .count();
                let caps = s
                    .iter()
                    .filter(|t| t.is_word && t.form.chars().count() > 1 && t.all_caps)
                    .count();
                words >= 3 && caps * 10 >= words * 7
            })
            .collect();
        Prepared {
            infos,
            caps_sentence,
        }
    }

    /// The base features (those of `extract(text, sentences, None)`).
    pub fn base(&self) -> DocFeatures {
        self.features(None, true)
    }

    /// Only the stacked features of [`extract`] (those that need `prior`): with
    /// [`Prepared::base`] they make `extract(text, sentences, Some(prior))`.
    pub fn stacked(&self, prior: &[usize]) -> DocFeatures {
        self.features(Some(prior), false)
    }

    fn features(&self, prior: Option<&[usize]>, base: bool) -> DocFeatures {
        features_of(&self.infos, &self.caps_sentence, prior, base)
    }
}

fn features_of(
    infos: &[Vec<TokInfo>],
    caps_sentence: &[bool],
    prior: Option<&[usize]>,
    base: bool,
) -> DocFeatures {
    // document-level evidence
    let mut lower_seen: HashSet<&str> = HashSet::new();
    let mut cap_seen: HashSet<&str> = HashSet::new();
    for (s, caps) in infos.iter().zip(caps_sentence.iter()).filter(|_| base) {
        for (k, t) in s.iter().enumerate() {
            if !t.is_word {
                continue;
            }
            let initial = k == 0
                || s.get(k - 1)
                    .is_some_and(|p| !p.is_word && opens_clause(&p.form));
            if t.form.chars().next().is_some_and(char::is_lowercase) {
                lower_seen.insert(t.lower.as_str());
            } else if t.init_cap && !initial && !*caps {
                cap_seen.insert(t.lower.as_str());
            }
        }
    }
    // entity types the first pass gave each word across the document
    let mut doc_types: HashMap<&str, [u16; 4]> = HashMap::new();
    if let Some(pr) = prior {
        let mut row = 0;
        for s in infos {
            for t in s {
                let l = pr.get(row).copied().unwrap_or(0);
                if l != 0 && t.is_word {
                    let e = doc_types.entry(t.lower.as_str()).or_default();
                    if let Some(c) = e.get_mut((l - 1) / 2) {
                        *c = c.saturating_add(1);
                    }
                }
                row += 1;
            }
        }
    }
    let mut out = DocFeatures {
        feats: Vec::with_capacity(infos.iter().map(Vec::len).sum::<usize>() * 64),
        offsets: vec![0],
    };
    let empty = TokInfo::default();
    for (s, caps) in infos.iter().zip(caps_sentence.iter()) {
        let n = s.len();
        for i in 0..n {
            let get = |d: isize| -> Option<&TokInfo> {
                let j = i as isize + d;
                if j < 0 { None } else { s.get(j as usize) }
            };
            let t = get(0).unwrap_or(&empty);
            let initial = i == 0 || get(-1).is_some_and(|p| !p.is_word && opens_clause(&p.form));
            let flags = [
                ("cap", t.init_cap),
                ("allcaps", t.all_caps),
                ("initial", initial),
                ("first", i == 0),
                ("capsent", *caps),
                ("digit", t.form.chars().any(|c| c.is_ascii_digit())),
                ("hyphen", t.form.contains('-')),
                ("period", t.form.contains('.')),
                ("word", t.is_word),
            ];
            let mut fl = String::with_capacity(24);
            for (name, on) in flags {
                if on {
                    fl.push_str(name);
                    fl.push(',');
                }
            }
            if base {
                let f = &mut out.feats;
                let mut push = |h: H| f.push(h.finish());
                // word identity first, at fixed positions 1 to 6 (hidden together by the
                // trainer's word dropout): form, lowercase form, 4- and 3-char prefixes,
                // word bigrams with the neighbours
                let pl = get(-1).map_or("<s>", |x| x.lower.as_str());
                let nl = get(1).map_or("</s>", |x| x.lower.as_str());
                push(H::new(0));
                push(H::new(1).s(&t.form));
                push(H::new(2).s(&t.lower));
                push(H::new(14).s(prefix(&t.lower, 4).unwrap_or("<short>")));
                push(H::new(13).s(prefix(&t.lower, 3).unwrap_or("<short>")));
                push(H::new(80).s(pl).s(&t.lower));
                push(H::new(81).s(&t.lower).s(nl));
                push(H::new(3).s(&t.shape));
                for k in 1..=4 {
                    if k <= 2
                        && let Some(p) = prefix(&t.lower, k)
                    {
                        push(H::new(10 + k as u32).s(p));
                    }
                    if let Some(p) = suffix(&t.lower, k) {
                        push(H::new(20 + k as u32).s(p));
                    }
                }
                for (name, on) in flags {
                    if on {
                        push(H::new(30).s(name));
                    }
                }
                push(H::new(31).s(&fl));
                push(H::new(32).s(&fl).s(&t.shape));
                let len = t.form.chars().count().min(8);
                push(H::new(33).s(&len.to_string()));
                // a common lowercase word (data/words.txt) written capitalised
                if t.init_cap && gazetteer::is_lowercase_word(&t.lower) {
                    push(H::new(34).s(&fl));
                }
                // gazetteer bits of the word and its neighbours
                for (bit, name) in KIND_BITS {
                    if t.kinds & bit != 0 {
                        push(H::new(40).s(name));
                        push(H::new(41).s(name).s(&fl));
                    }
                    for (d, tid) in [(-2isize, 42u32), (-1, 43), (1, 44), (2, 45)] {
                        if get(d).is_some_and(|x| x.kinds & bit != 0) {
                            push(H::new(tid).s(name));
                        }
                    }
                }
                // hand-listed multi-word places: "new york", "buenos aires"
                if t.place_with_next {
                    push(H::new(46));
                }
                if get(-1).is_some_and(|pv| pv.place_with_next) {
                    push(H::new(47));
                }
                // window
                for (d, tid) in [(-2isize, 50u32), (-1, 51), (1, 52), (2, 53)] {
                    match get(d) {
                        Some(x) => {
                            push(H::new(tid).s(&x.lower));
                            push(H::new(tid + 10).s(&x.shape));
                        }
                        None => push(H::new(tid + 20).s(if d < 0 { "<s>" } else { "</s>" })),
                    }
                }
                let ps = get(-1).map_or("<s>", |x| x.shape.as_str());
                let ns = get(1).map_or("</s>", |x| x.shape.as_str());
                push(H::new(82).s(ps).s(&t.shape).s(ns));
                push(H::new(83).s(ps).s(&t.shape));
                push(H::new(84).s(&t.shape).s(ns));
                // document-level evidence
                if t.is_word {
                    let lower_elsewhere = lower_seen.contains(t.lower.as_str());
                    let cap_elsewhere = cap_seen.contains(t.lower.as_str());
                    let doc = match (lower_elsewhere, cap_elsewhere) {
                        (true, true) => "both",
                        (true, false) => "lower",
                        (false, true) => "cap",
                        (false, false) => "none",
                    };
                    push(H::new(90).s(doc).s(&fl));
                    if t.init_cap && (initial || *caps) {
                        push(H::new(91).s(doc));
                    }
                }
            }
            if let Some(pr) = prior {
                let row = out.offsets.len() - 1;
                let lab = |r: Option<usize>| {
                    r.and_then(|r| pr.get(r))
                        .map_or("-", |&l| LABELS_SHORT.get(l).copied().unwrap_or("-"))
                };
                let own = lab(Some(row));
                let before = lab(if i > 0 { row.checked_sub(1) } else { None });
                let after = lab(if i + 1 < n { Some(row + 1) } else { None });
                let f = &mut out.feats;
                let mut push = |h: H| f.push(h.finish());
                push(H::new(100).s(own));
                push(H::new(101).s(before).s(own));
                push(H::new(102).s(own).s(after));
                if t.is_word {
                    let mut counts = doc_types.get(t.lower.as_str()).copied().unwrap_or([0; 4]);
                    let own_l = pr.get(row).copied().unwrap_or(0);
                    if own_l != 0
                        && let Some(c) = counts.get_mut((own_l - 1) / 2)
                    {
                        *c = c.saturating_sub(1);
                    }
                    let total: u16 = counts.iter().sum();
                    if total > 0 {
                        let mut best = 0;
                        for (k, c) in counts.iter().enumerate() {
                            if *c > 0 {
                                push(H::new(103).s(TYPES_SHORT[k]));
                            }
                            if *c > counts[best] {
                                best = k;
                            }
                        }
                        push(H::new(104).s(TYPES_SHORT[best]).s(own));
                        push(H::new(105).s(TYPES_SHORT[best]).s(&fl));
                    } else {
                        push(H::new(106).s(own));
                    }
                }
            }
            out.offsets.push(out.feats.len());
        }
    }
    out
}

const LABELS_SHORT: [&str; 9] = ["O", "BP", "IP", "BO", "IO", "BL", "IL", "BM", "IM"];
const TYPES_SHORT: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    #[test]
    fn typographic_forms_are_normalised() {
        assert_eq!(normalise("\u{201C}"), "\"");
        assert_eq!(normalise("\u{2014}"), "--");
        assert_eq!(normalise("I\u{2019}ve"), "I've");
        assert_eq!(normalise("Kharivsk"), "Kharivsk");
    }

    #[test]
    fn shapes_and_affixes() {
        assert_eq!(shape_of("Kharivsk"), "Xx");
        assert_eq!(shape_of("U.S."), "X.X.");
        assert_eq!(shape_of("1990s"), "dx");
        assert_eq!(prefix("été", 2), Some("ét"));
        assert_eq!(suffix("été", 2), Some("té"));
        assert_eq!(suffix("ab", 2), None);
    }

    #[test]
    fn one_feature_slice_per_token_and_deterministic() {
        let text = "BLAST IN KHARIVSK\nThe Kharivsk police said so. Police in kharivsk agreed.";
        let toks = tokenize(text);
        let sents: Vec<&[Token]> = vec![&toks[..3], &toks[3..]];
        let a = extract(text, &sents, None);
        let b = extract(text, &sents, None);
        assert_eq!(a.len(), toks.len());
        assert_eq!(a.feats, b.feats);
        for i in 0..a.len() {
            assert!(a.of(i).len() > 10, "token {i}");
        }
        assert!(a.of(toks.len()).is_empty());
        // the same word in different contexts shares its word feature only
        let k1 = a.of(2);
        let k2 = a.of(4);
        assert!(k1.iter().any(|f| k2.contains(f)));
        assert_ne!(k1, k2);
    }
}
