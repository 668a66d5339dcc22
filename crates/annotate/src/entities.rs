//! Named-entity recognition behind the [`Recognizer`] trait, with a rule and gazetteer
//! implementation ([`RuleRecognizer`]) and document-level canonical forms.
//!
//! The rule recognizer finds runs of capitalised tokens (joining connectors such as
//! "of", "de", "al" inside names), handles sentence-initial words and ALL CAPS lines,
//! strips titles into [`EntityMention::title`], types each name from the gazetteers
//! (see [`crate::gazetteer`]), head words ("Hall" -> FAC, "Bureau" -> ORG), given names
//! and context cues, then links short forms and acronyms to their full form within
//! the document ([`EntityMention::canonical`]).

use crate::gazetteer::{self, Info, kind};
use crate::tokens::{Token, TokenKind, tokens_in};
use corroborate_model::{EntityMention, EntityType, Sentence};
use std::collections::HashMap;

/// Something that finds entity mentions in a text, given its sentences and tokens.
pub trait Recognizer {
    /// Entity mentions, sorted by start, non-overlapping, with spans on char boundaries.
    fn recognize(&self, text: &str, sentences: &[Sentence], tokens: &[Token])
    -> Vec<EntityMention>;
}

/// The v1 recognizer: capitalisation, gazetteers, head words and cues.
#[derive(Debug, Clone, Copy, Default)]
pub struct RuleRecognizer;

impl Recognizer for RuleRecognizer {
    fn recognize(
        &self,
        text: &str,
        sentences: &[Sentence],
        tokens: &[Token],
    ) -> Vec<EntityMention> {
        let mut cands = Vec::new();
        for s in sentences {
            let r = tokens_in(tokens, s.span());
            if let Some(st) = tokens.get(r) {
                sentence_candidates(text, st, &mut cands);
            }
        }
        resolve_document(text, &mut cands);
        cands.into_iter().map(|c| c.mention).collect()
    }
}

/// Runs the default recognizer ([`RuleRecognizer`]).
pub fn recognize(text: &str, sentences: &[Sentence], tokens: &[Token]) -> Vec<EntityMention> {
    RuleRecognizer.recognize(text, sentences, tokens)
}

/// A mention with how sure the typing is (0 = default guess, 3 = gazetteer name).
#[derive(Debug, Clone)]
struct Cand {
    mention: EntityMention,
    conf: u8,
}

const SPEECH_CUES: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "stated",
    "wrote",
    "announced",
    "warned",
    "claimed",
    "denied",
    "insisted",
    "tweeted",
    "posted",
    "explained",
    "noted",
    "argued",
    "replied",
    "asked",
    "confirmed",
    "reported",
];

const LOC_PREPS: &[&str] = &[
    "in",
    "near",
    "outside",
    "across",
    "to",
    "into",
    "from",
    "at",
    "around",
    "throughout",
];

fn lower(w: &str) -> String {
    w.to_lowercase()
}

fn first_upper(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}

/// Whether every letter of `w` is upper case (and it has at least one).
pub(crate) fn is_all_caps(w: &str) -> bool {
    let mut letters = 0;
    for c in w.chars() {
        if c.is_alphabetic() {
            if !c.is_uppercase() {
                return false;
            }
            letters += 1;
        }
    }
    letters > 0
}

fn is_acronym(w: &str) -> bool {
    let n = w.chars().filter(|c| c.is_alphabetic()).count();
    (2..=6).contains(&n)
        && is_all_caps(w)
        && w.chars().all(|c| c.is_alphabetic() || c == '&' || c == '.')
}

/// Whether the CoNLL-derived counts make this word or phrase a name rather than a word:
/// seen as a whole name at least as often as capitalised outside names, and (for hand-listed
/// common or calendar words) clearly so.
fn phrase_known(i: &Info) -> bool {
    let p: u32 = i.phrase.iter().sum();
    if p == 0 || p < i.token[4] {
        return false;
    }
    if i.is(kind::COMMON) || i.is(kind::CALENDAR) {
        return p >= 5 && p > 2 * i.token[4];
    }
    true
}

fn entity_evidence(info: &Info) -> bool {
    let p: u32 = if phrase_known(info) {
        info.phrase.iter().sum()
    } else {
        0
    };
    let t: u32 = info.token.iter().take(4).sum();
    p > 0 || t > info.token[4] || info.is(kind::LOC) || info.is(kind::NAT)
}

/// Whether a token can be part of a name. In ALL CAPS mode only known names qualify.
fn is_name_token(w: &str, tok: &Token, caps_mode: bool) -> bool {
    if tok.kind != TokenKind::Word || matches!(w, "No." | "Nos." | "NO.") {
        return false;
    }
    if caps_mode {
        if !is_all_caps(w) {
            return false;
        }
        let l = lower(w);
        return gazetteer::lookup(&l).is_some_and(|i| {
            let p: u32 = if phrase_known(i) {
                i.phrase.iter().sum()
            } else {
                0
            };
            let t: u32 = i.token.iter().take(4).sum();
            let strong = (p > 0 && p * 2 > i.token[5])
                || i.is(kind::LOC)
                || i.is(kind::NAT)
                || (t >= 2 && t > i.token[5]);
            let generic = i.is(kind::FAC_HEAD)
                || i.is(kind::ORG_HEAD)
                || i.is(kind::TITLE)
                || i.is(kind::ROLE);
            strong && (p > 0 || !generic) && !i.is(kind::COMMON) && !i.is(kind::CALENDAR)
        });
    }
    if first_upper(w) {
        return w != "I" && !w.starts_with(['\'', '\u{2019}']);
    }
    // "al-Assad", "bin Laden" handled as connectors; "eBay", "iPhone"
    let mut cs = w.chars();
    let _ = cs.next();
    if cs.next().is_some_and(|c| c.is_uppercase()) {
        return true;
    }
    for p in [
        "al-", "el-", "ad-", "as-", "ash-", "ar-", "an-", "at-", "az-",
    ] {
        if w.starts_with(p) && w.get(p.len()..).is_some_and(first_upper) {
            return true;
        }
    }
    false
}

/// Whether the gap between two tokens allows them in one name (spaces only, no line break).
pub(crate) fn joinable(text: &str, a: &Token, b: &Token) -> bool {
    text.get(a.end..b.start)
        .is_some_and(|g| g.len() <= 2 && g.chars().all(|c| c == ' ' || c == '\u{a0}'))
}

fn is_caps_sentence(text: &str, st: &[Token]) -> bool {
    let mut words = 0;
    let mut caps = 0;
    for t in st {
        if t.kind != TokenKind::Word {
            continue;
        }
        let w = t.text(text);
        if w.chars().filter(|c| c.is_alphabetic()).count() < 2 {
            continue;
        }
        words += 1;
        if is_all_caps(w) {
            caps += 1;
        }
    }
    words >= 3 && caps * 10 >= words * 7
}

/// Index of the first word token of the clause that `i` belongs to when `i` is
/// sentence- or clause-initial (after an opening quote, dash or colon).
fn is_clause_initial(text: &str, st: &[Token], i: usize) -> bool {
    let mut k = i;
    while k > 0 {
        k -= 1;
        let Some(t) = st.get(k) else { return true };
        if t.kind == TokenKind::Word || t.kind == TokenKind::Number {
            return false;
        }
        let p = t.text(text);
        // Clause openers (as the tagger's features see them), bullets and separators.
        if crate::ner::features::opens_clause(p) || matches!(p, "\u{2022}" | "*" | "|") {
            return true;
        }
    }
    true
}

fn sentence_candidates(text: &str, st: &[Token], out: &mut Vec<Cand>) {
    let caps_mode = is_caps_sentence(text, st);
    let words: Vec<&str> = st.iter().map(|t| t.text(text)).collect();
    let n = st.len();
    let mut i = 0;
    while i < n {
        let (Some(t), Some(w)) = (st.get(i), words.get(i)) else {
            break;
        };
        if !is_name_token(w, t, caps_mode) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while let (Some(prev), Some(next)) = (st.get(j - 1), st.get(j)) {
            let nw = words.get(j).copied().unwrap_or("");
            // "the State Security Bureau Dmitry Gritsenko": a head word then a given name
            let pw = lower(words.get(j - 1).copied().unwrap_or(""));
            let head_then_first = gazetteer::lookup(&pw)
                .is_some_and(|i| i.is(kind::ORG_HEAD) || i.is(kind::FAC_HEAD))
                && gazetteer::lookup(&lower(nw))
                    .is_some_and(|i| i.is(kind::FIRST_M) || i.is(kind::FIRST_F));
            if head_then_first {
                break;
            }
            if is_name_token(nw, next, caps_mode) && joinable(text, prev, next) {
                j += 1;
                continue;
            }
            // connectors: "of", "of the", "de la", "van der", "bin"
            if !caps_mode && let Some(k) = connector_run(text, st, &words, j, i).filter(|&k| k > j)
            {
                j = k;
                continue;
            }
            // plural possessive inside a name: "Valmora Dockers' Union"
            if !caps_mode
                && matches!(nw, "'" | "\u{2019}")
                && next.start == prev.end
                && prev.text(text).ends_with('s')
                && let (Some(after), Some(aw)) = (st.get(j + 1), words.get(j + 1))
                && is_name_token(aw, after, false)
                && text.get(next.end..after.start) == Some(" ")
            {
                j += 2;
                continue;
            }
            break;
        }
        process_candidate(text, st, &words, i, j, caps_mode, out);
        i = j;
    }
}

/// When connectors start at `j` and a name token follows, the index of that name token.
fn connector_run(
    text: &str,
    st: &[Token],
    words: &[&str],
    j: usize,
    start: usize,
) -> Option<usize> {
    let mut k = j;
    while k < j + 2 {
        let w = words.get(k)?;
        let l = lower(w);
        let Some(info) = gazetteer::lookup(&l) else {
            break;
        };
        if !info.is(kind::CONNECTOR) || first_upper(w) && l != "st." {
            break;
        }
        let prev = st.get(k.checked_sub(1)?)?;
        let cur = st.get(k)?;
        if !joinable(text, prev, cur) {
            return None;
        }
        k += 1;
    }
    if k == j {
        return None;
    }
    let next = st.get(k)?;
    let nw = words.get(k)?;
    if !is_name_token(nw, next, false) || !joinable(text, st.get(k - 1)?, next) {
        return None;
    }
    let first_conn = lower(words.get(j)?);
    let head = lower(words.get(j.checked_sub(1)?)?);
    let head_info = gazetteer::lookup(&head);
    let is_head = head_info
        .is_some_and(|h| h.is(kind::ORG_HEAD) || h.is(kind::FAC_HEAD) || h.is(kind::LOC_HEAD));
    if gazetteer::lookup(&lower(nw)).is_some_and(|i| {
        i.is(kind::CALENDAR) || i.is(kind::COMMON) && i.token.iter().take(4).sum::<u32>() == 0
    }) {
        return None;
    }
    let is_org_head = head_info.is_some_and(|h| h.is(kind::ORG_HEAD));
    // "Ministry of Trade and Industry", "Organisation for Security and Cooperation in Europe"
    let span_has_org_head = words.get(start..j).is_some_and(|ws| {
        ws.iter()
            .any(|w| gazetteer::lookup(&lower(w)).is_some_and(|i| i.is(kind::ORG_HEAD)))
    });
    let ok = match first_conn.as_str() {
        "and" | "in" => span_has_org_head && j - start >= 2 && k - j == 1,
        "of" => is_head && k > start,
        "for" | "on" => is_org_head && nw.chars().count() > 1,
        "the" => false,
        "&" => true,
        "y" | "la" | "le" => k - j == 1 && j > start,
        _ => true,
    };
    ok.then_some(k)
}

fn phrase_of(words: &[&str]) -> String {
    let mut s = String::new();
    for (k, w) in words.iter().enumerate() {
        if k > 0 {
            s.push(' ');
        }
        s.push_str(&lower(w));
    }
    s
}

#[allow(clippy::too_many_arguments)]
fn process_candidate(
    text: &str,
    st: &[Token],
    words: &[&str],
    mut a: usize,
    mut b: usize,
    caps_mode: bool,
    out: &mut Vec<Cand>,
) {
    let get = |k: usize| words.get(k).copied().unwrap_or("");
    let full_known = |a: usize, b: usize| -> bool {
        let ph = phrase_of(words.get(a..b).unwrap_or(&[]));
        gazetteer::lookup(&ph).is_some_and(|i| phrase_known(i) || i.is(kind::LOC))
    };
    // "Palestinian President Yasser Arafat", "U.S. President Bill Clinton": the nationality
    // or country apart
    if b - a >= 2 && !full_known(a, b) {
        let nat =
            gazetteer::lookup(&lower(get(a))).is_some_and(|i| i.is(kind::NAT) || i.is(kind::LOC));
        let next_is_person = gazetteer::lookup(&lower(get(a + 1))).is_some_and(|i| {
            i.is(kind::TITLE) || i.is(kind::TITLE_MOD) || i.is(kind::FIRST_M) || i.is(kind::FIRST_F)
        });
        if nat && next_is_person {
            process_candidate(text, st, words, a, a + 1, caps_mode, out);
            process_candidate(text, st, words, a + 1, b, caps_mode, out);
            return;
        }
    }
    // sentence- or clause-initial word
    if !caps_mode && b > a && is_clause_initial(text, st, a) && !full_known(a, b) {
        let l = lower(get(a));
        let info = gazetteer::lookup(&l);
        let common = info.is_some_and(|i| {
            i.is(kind::COMMON)
                || i.is(kind::CALENDAR) && b - a == 1
                || (!entity_evidence(i) && i.token[4] > 0)
                || i.token[5] > 2 * i.token.iter().take(4).sum::<u32>()
        }) || (info.is_none() && is_common_shape(&l));
        let known = info.is_some_and(|i| entity_evidence(i) && !i.is(kind::COMMON));
        let next_is_possessive = words
            .get(b)
            .is_some_and(|w| w.starts_with(['\'', '\u{2019}']));
        // "Kowal said" keeps a name; "Musicians said" does not
        let next_is_cue = words.get(b).is_some_and(|w| SPEECH_CUES.contains(w))
            && (!l.ends_with('s')
                || known
                || !(gazetteer::is_lowercase_word(l.trim_end_matches('s'))
                    || gazetteer::lookup(l.trim_end_matches('s'))
                        .is_some_and(|i| i.is(kind::ROLE))))
            && !gazetteer::is_lowercase_word(&l);
        if common && !(b - a == 1 && (next_is_possessive)) && !known
            || (b - a == 1
                && !known
                && !next_is_possessive
                && !next_is_cue
                && !looks_like_name(&l)
                && !is_acronym(get(a)))
        {
            a += 1;
        }
    }
    // leading determiners
    while b > a && matches!(get(a), "The" | "A" | "An" | "THE") && !full_known(a, b) {
        a += 1;
    }
    // trailing connectors (defensive)
    while b > a
        && gazetteer::lookup(&lower(get(b - 1))).is_some_and(|i| i.is(kind::CONNECTOR))
        && !first_upper(get(b - 1))
    {
        b -= 1;
    }
    if b <= a {
        return;
    }
    // single common or calendar words
    let all_calendar =
        (a..b).all(|k| gazetteer::lookup(&lower(get(k))).is_some_and(|i| i.is(kind::CALENDAR)));
    if all_calendar && !full_known(a, b) {
        return;
    }
    if b - a == 1 {
        let l = lower(get(a));
        if let Some(i) = gazetteer::lookup(&l)
            && (i.is(kind::COMMON) || i.is(kind::TITLE) || i.is(kind::ROLE))
            && !phrase_known(i)
        {
            return;
        }
        // lone letters ("N") are not names
        if get(a).chars().count() == 1 {
            return;
        }
        // a capitalised common noun ("the Explosion") with no name evidence
        if gazetteer::is_lowercase_word(&l)
            && !is_acronym(get(a))
            && gazetteer::lookup(&l)
                .is_none_or(|i| !entity_evidence(i) && !i.is(kind::FIRST_M) && !i.is(kind::FIRST_F))
        {
            return;
        }
    }
    // titles
    let mut title: Option<(usize, usize)> = None;
    if !full_known(a, b) {
        let mut k = a;
        let mut last_title = None;
        while k + 1 < b {
            let l = lower(get(k));
            let Some(i) = gazetteer::lookup(&l) else {
                break;
            };
            if i.is(kind::TITLE) {
                last_title = Some(k);
            } else if !i.is(kind::TITLE_MOD) {
                break;
            }
            k += 1;
        }
        if let Some(lt) = last_title {
            let rest_first = lower(get(lt + 1));
            let rest_is_conn =
                gazetteer::lookup(&rest_first).is_some_and(|i| i.is(kind::CONNECTOR));
            if !rest_is_conn && lt + 1 < b {
                title = Some((a, lt + 1));
                a = lt + 1;
            }
        }
    }
    let (Some(ta), Some(tb)) = (st.get(a), st.get(b - 1)) else {
        return;
    };
    let (start, end) = (ta.start, tb.end);
    let name_words = words.get(a..b).unwrap_or(&[]);
    let prev = a
        .checked_sub(1)
        .and_then(|k| words.get(k))
        .map(|w| lower(w));
    let prev2 = a
        .checked_sub(2)
        .and_then(|k| words.get(k))
        .map(|w| lower(w));
    let next = words.get(b).map(|w| lower(w));
    let (mut kind, mut conf) = type_of(
        name_words,
        title.is_some(),
        prev.as_deref(),
        prev2.as_deref(),
        next.as_deref(),
    );
    // an unknown name before a lowercase venue word: "Tschaikowsky concert hall"
    let mut end = end;
    if conf == 0 && title.is_none() {
        for k in b..b + 2 {
            let Some(w) = words.get(k) else { break };
            if !w.chars().all(char::is_lowercase) {
                break;
            }
            if matches!(
                *w,
                "hall"
                    | "theatre"
                    | "theater"
                    | "stadium"
                    | "airport"
                    | "bridge"
                    | "cathedral"
                    | "arena"
                    | "square"
            ) && (b..=k).all(|x| {
                st.get(x)
                    .zip(st.get(x.wrapping_sub(1)))
                    .is_some_and(|(c, p)| joinable(text, p, c))
            }) {
                if let Some(t) = st.get(k) {
                    end = t.end;
                    kind = EntityType::FAC;
                    conf = 1;
                }
                break;
            }
        }
    }
    let Some(mtext) = text.get(start..end) else {
        return;
    };
    let mut title_text = title.and_then(|(x, y)| {
        let (s, e) = (st.get(x)?.start, st.get(y - 1)?.end);
        text.get(s..e).map(str::to_string)
    });
    if title_text.is_none() && kind == EntityType::PER {
        title_text = role_before(text, st, words, a);
    }
    out.push(Cand {
        mention: EntityMention {
            start,
            end,
            text: mtext.to_string(),
            kind,
            title: title_text,
            canonical: None,
        },
        conf,
    });
}

/// A lowercase role noun (with one modifier) right before a name: "police chief".
pub(crate) fn role_before(text: &str, st: &[Token], words: &[&str], a: usize) -> Option<String> {
    let mut k = a.checked_sub(1)?;
    let e = st.get(k)?.end;
    // "minister of internal affairs Irina Volosina": a role, "of", up to three lowercase words
    if !gazetteer::lookup(&lower(words.get(k)?)).is_some_and(|i| i.is(kind::ROLE)) {
        let mut j = k;
        let mut found = None;
        for _ in 0..4 {
            let w = words.get(j)?;
            if !w.chars().next().is_some_and(char::is_lowercase) {
                return None;
            }
            if *w == "of" {
                found = j.checked_sub(1);
                break;
            }
            j = j.checked_sub(1)?;
        }
        k = found?;
    }
    let w = words.get(k)?;
    let info = gazetteer::lookup(&lower(w))?;
    if !info.is(kind::ROLE) || !w.chars().next().is_some_and(char::is_lowercase) && k + 1 < a {
        return None;
    }
    let mut s = st.get(k)?.start;
    if let Some(k2) = k.checked_sub(1) {
        let w2 = words.get(k2)?;
        let mod_ok = gazetteer::lookup(&lower(w2)).is_some_and(|i| i.is(kind::TITLE_MOD));
        if mod_ok && st.get(k2).is_some_and(|t| t.kind == TokenKind::Word) {
            s = st.get(k2)?.start;
        }
    }
    text.get(s..e).map(str::to_string)
}

/// Endings of place names ("Doravia", "Kharivsk", "Kazakhstan").
const LOC_SUFFIXES: &[&str] = &[
    "ia", "stan", "land", "sk", "grad", "burg", "ville", "abad", "pur", "ovo", "evo",
];

fn is_common_shape(l: &str) -> bool {
    // adverbs and gerunds are rarely names
    l.ends_with("ly") || l.ends_with("ing") || l.ends_with("ed")
}

fn looks_like_name(l: &str) -> bool {
    [
        "ia", "stan", "land", "sk", "grad", "burg", "ville", "abad", "ian", "ese",
    ]
    .iter()
    .any(|s| l.ends_with(s) && l.len() > 4)
}

fn argmax4(c: &[u32; 4]) -> EntityType {
    let mut best = 0;
    for k in 1..4 {
        if c[k] > c[best] {
            best = k;
        }
    }
    match best {
        0 => EntityType::PER,
        1 => EntityType::ORG,
        2 => EntityType::LOC,
        _ => EntityType::MISC,
    }
}

/// Types a name from its words and context; returns the type and a confidence (0-3).
fn type_of(
    words: &[&str],
    titled: bool,
    prev: Option<&str>,
    prev2: Option<&str>,
    next: Option<&str>,
) -> (EntityType, u8) {
    let n = words.len();
    let phrase = phrase_of(words);
    let info = gazetteer::lookup(&phrase);
    if let Some(i) = info {
        if i.is(kind::LOC) {
            return (EntityType::LOC, 3);
        }
        if i.is(kind::NAT) {
            return (EntityType::MISC, 3);
        }
        if phrase_known(i) {
            return (argmax4(&i.phrase), 3);
        }
    }
    if titled {
        return (EntityType::PER, 2);
    }
    // "Douglas & Lomason", "Procter & Gamble"
    if words.contains(&"&") {
        return (EntityType::ORG, 2);
    }
    let lw: Vec<String> = words.iter().map(|w| lower(w)).collect();
    let li = |k: usize| lw.get(k).and_then(|w| gazetteer::lookup(w));
    let last = li(n.saturating_sub(1));
    if n >= 2 {
        if last.is_some_and(|i| i.is(kind::FAC_HEAD))
            && !last.is_some_and(|i| i.is(kind::ORG_HEAD) && i.token[1] > i.token[2])
        {
            return (EntityType::FAC, 2);
        }
        if (0..n).any(|k| li(k).is_some_and(|i| i.is(kind::ORG_HEAD))) {
            return (EntityType::ORG, 2);
        }
        if last.is_some_and(|i| i.is(kind::LOC_HEAD)) {
            return (EntityType::LOC, 2);
        }
        if li(0).is_some_and(|i| i.is(kind::FIRST_M) || i.is(kind::FIRST_F)) {
            return (EntityType::PER, 2);
        }
    }
    if n == 1 {
        let w = words.first().copied().unwrap_or("");
        if let Some(i) = last
            && (i.is(kind::FIRST_M) || i.is(kind::FIRST_F))
        {
            return (EntityType::PER, 1);
        }
        // dateline: "VERANO — ...", "KHARIVSK, Doravia (MPA) - ..."
        if prev.is_none()
            && is_all_caps(w)
            && w.chars().count() > 3
            && next.is_some_and(|x| matches!(x, "," | "-" | "\u{2014}" | "\u{2013}"))
        {
            return (EntityType::LOC, 1);
        }
        if is_acronym(w) {
            if let Some(i) = last {
                let t = [i.token[0], i.token[1], i.token[2], i.token[3]];
                if t.iter().sum::<u32>() > 0 {
                    return (argmax4(&t), 1);
                }
            }
            return (EntityType::ORG, 1);
        }
    }
    // token votes
    let mut votes = [0u32; 4];
    let mut o = 0u32;
    for (k, w) in lw.iter().enumerate() {
        if let Some(i) = gazetteer::lookup(w) {
            let weight = if k + 1 == n { 2 } else { 1 };
            for (v, c) in votes.iter_mut().zip(i.token.iter()) {
                *v += c * weight;
            }
            o += i.token[4];
        }
    }
    let total: u32 = votes.iter().sum();
    if total > 0 && total * 2 >= o {
        return (argmax4(&votes), 1);
    }
    // place-name shapes beat the speech cue ("Marvania says")
    let l0 = lw.first().map(String::as_str).unwrap_or("");
    if n == 1 && LOC_SUFFIXES.iter().any(|s| l0.ends_with(s) && l0.len() > 4) {
        return (EntityType::LOC, 1);
    }
    // context cues
    if next.is_some_and(|w| SPEECH_CUES.contains(&w)) && n <= 3 {
        return (EntityType::PER, 1);
    }
    if n <= 2
        && (matches!(
            prev2,
            Some("city") | Some("town") | Some("village") | Some("capital")
        ) && prev == Some("of"))
    {
        return (EntityType::LOC, 1);
    }
    if n == 1 {
        if ["ian", "ean", "ese", "ish", "ans"]
            .iter()
            .any(|s| l0.ends_with(s))
            && next.is_some_and(|w| w.chars().next().is_some_and(|c| c.is_lowercase()))
        {
            return (EntityType::MISC, 0);
        }
        if prev.is_some_and(|p| LOC_PREPS.contains(&p)) {
            return (EntityType::LOC, 1);
        }
        // "Kowal said"
        if next.is_some_and(|w| SPEECH_CUES.contains(&w)) {
            return (EntityType::PER, 0);
        }
        return (EntityType::ORG, 0);
    }
    if prev.is_some_and(|p| LOC_PREPS.contains(&p))
        && n <= 2
        && l0.len() > 3
        && li(0).is_none_or(|i| i.token[0] == 0)
    {
        return (EntityType::LOC, 0);
    }
    if n <= 3 {
        return (EntityType::PER, 0);
    }
    (EntityType::ORG, 0)
}

fn initials(name: &str) -> String {
    name.split(' ')
        .filter(|w| first_upper(w))
        .filter_map(|w| w.chars().next())
        .collect()
}

/// The document-level pass of [`RuleRecognizer`] (acronym expansions, short forms of
/// person names, one type per surface form) over mentions found by another recognizer;
/// every mention counts as moderately sure of its type.
pub(crate) fn resolve_mentions(text: &str, mentions: Vec<EntityMention>) -> Vec<EntityMention> {
    let mut cands: Vec<Cand> = mentions
        .into_iter()
        .map(|mention| Cand { mention, conf: 2 })
        .collect();
    resolve_document(text, &mut cands);
    cands.into_iter().map(|c| c.mention).collect()
}

/// Document-level pass: acronym expansions, short forms of names, consistent types.
fn resolve_document(text: &str, cands: &mut [Cand]) {
    // 1. "Full Name (ACR)": the acronym takes the expansion
    let mut acr: HashMap<String, (String, EntityType)> = HashMap::new();
    for k in 0..cands.len() {
        let (Some(c), Some(d)) = (cands.get(k), cands.get(k + 1)) else {
            continue;
        };
        let between = text.get(c.mention.end..d.mention.start).unwrap_or("");
        let after = text.get(d.mention.end..).unwrap_or("");
        let ini = initials(&c.mention.text);
        let letters: String = d
            .mention
            .text
            .chars()
            .filter(|ch| ch.is_alphabetic())
            .collect();
        let plausible = ini == letters
            || (c.mention.text.contains(' ')
                && c.mention.kind != EntityType::PER
                && c.mention.kind != EntityType::LOC)
            || (c.mention.text.contains(' ') && ini.chars().next() == letters.chars().next())
            || (!c.mention.text.contains(' ')
                && c.mention.text.starts_with(letters.get(..1).unwrap_or(""))
                && c.mention.kind == EntityType::ORG);
        if between.trim() == "("
            && after.starts_with(')')
            && is_acronym(&d.mention.text)
            && plausible
        {
            acr.insert(
                d.mention.text.clone(),
                (c.mention.text.clone(), c.mention.kind),
            );
        }
    }
    // 2. acronyms from initials of multi-word ORG names
    let mut by_initials: HashMap<String, (String, EntityType)> = HashMap::new();
    for c in cands.iter() {
        if c.mention.text.contains(' ')
            && matches!(
                c.mention.kind,
                EntityType::ORG | EntityType::FAC | EntityType::MISC
            )
        {
            let ini = initials(&c.mention.text);
            if ini.chars().count() >= 2 {
                by_initials
                    .entry(ini)
                    .or_insert((c.mention.text.clone(), c.mention.kind));
            }
        }
    }
    for c in cands.iter_mut() {
        if !is_acronym(&c.mention.text) {
            continue;
        }
        let key: String = c
            .mention
            .text
            .chars()
            .filter(|ch| ch.is_alphabetic())
            .collect();
        if let Some((full, k)) = acr.get(&c.mention.text).or_else(|| by_initials.get(&key)) {
            c.mention.canonical = Some(full.clone());
            c.mention.kind = *k;
            c.conf = c.conf.max(2);
        }
    }
    // 3. short forms of person names: the full name when the document has one with this
    // surname
    let mut by_surname: HashMap<String, Vec<String>> = HashMap::new();
    for c in cands.iter() {
        if c.mention.kind == EntityType::PER
            && c.mention.text.contains(' ')
            && let Some(last) = c.mention.text.rsplit(' ').next()
        {
            let v = by_surname.entry(last.to_string()).or_default();
            if !v.contains(&c.mention.text) {
                v.push(c.mention.text.clone());
            }
        }
    }
    for c in cands.iter_mut() {
        if c.mention.text.contains(' ') || c.conf >= 3 && c.mention.kind != EntityType::PER {
            continue;
        }
        // the full name only when the document has exactly one with this surname
        // ("Anna Kowal" and "Marek Kowal" leave "Kowal" unresolved)
        let list = by_surname
            .get(&c.mention.text)
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        let mut names = list.iter().map(String::as_str);
        let first = names.next();
        let unique = names.all(|x| Some(x) == first);
        let chosen = if unique {
            first.map(str::to_string)
        } else {
            None
        };
        if first.is_some() && !unique {
            c.mention.kind = EntityType::PER;
            c.conf = c.conf.max(2);
        }
        if let Some(full) = chosen {
            c.mention.kind = EntityType::PER;
            c.mention.canonical = Some(full);
            c.conf = c.conf.max(2);
        }
    }
    // 4. one type per surface form: the most confident mention wins
    let mut best: HashMap<String, (u8, EntityType)> = HashMap::new();
    for c in cands.iter() {
        let e = best
            .entry(c.mention.text.clone())
            .or_insert((c.conf, c.mention.kind));
        if c.conf > e.0 {
            *e = (c.conf, c.mention.kind);
        }
    }
    for c in cands.iter_mut() {
        if let Some((conf, k)) = best.get(&c.mention.text)
            && *conf > c.conf
        {
            c.mention.kind = *k;
        }
    }
    // 5. "the BKA" later: canonical from the acronym map already applied; drop self-canonicals
    for c in cands.iter_mut() {
        if c.mention.canonical.as_deref() == Some(c.mention.text.as_str()) {
            c.mention.canonical = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{sentences, tokens};

    fn ents(t: &str) -> Vec<EntityMention> {
        let s = sentences::split(t);
        let k = tokens::tokenize(t);
        recognize(t, &s, &k)
    }

    fn find<'a>(es: &'a [EntityMention], text: &str) -> Option<&'a EntityMention> {
        es.iter().find(|e| e.text == text)
    }

    #[test]
    fn names_with_connectors_and_heads() {
        let t = "A bomb exploded at the Tchaikovsky Concert Hall in Kharivsk. The Northern Liberation Front (NLF) claimed it. The State Security Bureau said the Bank of England was fine.";
        let es = ents(t);
        assert_eq!(
            find(&es, "Tchaikovsky Concert Hall").map(|e| e.kind),
            Some(EntityType::FAC)
        );
        assert_eq!(find(&es, "Kharivsk").map(|e| e.kind), Some(EntityType::LOC));
        assert_eq!(
            find(&es, "Northern Liberation Front").map(|e| e.kind),
            Some(EntityType::ORG)
        );
        let nlf = find(&es, "NLF");
        assert_eq!(
            nlf.and_then(|e| e.canonical.as_deref()),
            Some("Northern Liberation Front")
        );
        assert_eq!(
            find(&es, "State Security Bureau").map(|e| e.kind),
            Some(EntityType::ORG)
        );
        assert_eq!(
            find(&es, "Bank of England").map(|e| e.kind),
            Some(EntityType::ORG)
        );
        for e in &es {
            assert_eq!(t.get(e.start..e.end), Some(e.text.as_str()));
        }
    }

    #[test]
    fn lowercase_venue_plural_possessive_and_labels() {
        let t = "The bomb went off in the Tschaikowsky concert hall of Kharovsk. The Valmora Dockers' Union struck at Kharivsk City Hospital No. 2 today.";
        let es = ents(t);
        assert_eq!(
            find(&es, "Tschaikowsky concert hall").map(|e| e.kind),
            Some(EntityType::FAC)
        );
        assert_eq!(
            find(&es, "Valmora Dockers' Union").map(|e| e.kind),
            Some(EntityType::ORG)
        );
        assert!(find(&es, "Kharivsk City Hospital").is_some(), "{es:?}");
    }

    #[test]
    fn nationality_before_a_title_is_split_off() {
        let t = "Talks with Palestinian President Yasser Arafat and Douglas & Lomason ended. The Ministry of Trade and Industry agreed.";
        let es = ents(t);
        assert_eq!(
            find(&es, "Palestinian").map(|e| e.kind),
            Some(EntityType::MISC)
        );
        let ya = find(&es, "Yasser Arafat");
        assert_eq!(ya.map(|e| e.kind), Some(EntityType::PER));
        assert_eq!(ya.and_then(|e| e.title.as_deref()), Some("President"));
        assert_eq!(
            find(&es, "Douglas & Lomason").map(|e| e.kind),
            Some(EntityType::ORG)
        );
        assert_eq!(
            find(&es, "Ministry of Trade and Industry").map(|e| e.kind),
            Some(EntityType::ORG)
        );
    }

    #[test]
    fn titles_are_stripped() {
        let t = "Doravia's Interior Minister Irina Voloshyna blamed Marvania. Gen. Petrov agreed, and Dr. Lee left.";
        let es = ents(t);
        let iv = find(&es, "Irina Voloshyna");
        assert_eq!(iv.map(|e| e.kind), Some(EntityType::PER));
        assert_eq!(
            iv.and_then(|e| e.title.as_deref()),
            Some("Interior Minister")
        );
        assert_eq!(
            find(&es, "Petrov").and_then(|e| e.title.as_deref()),
            Some("Gen.")
        );
        assert_eq!(find(&es, "Lee").map(|e| e.kind), Some(EntityType::PER));
        assert_eq!(find(&es, "Doravia").map(|e| e.kind), Some(EntityType::LOC));
        assert_eq!(find(&es, "Marvania").map(|e| e.kind), Some(EntityType::LOC));
    }

    #[test]
    fn acronym_expansion_and_short_forms() {
        let t = "Officers of the Federal Criminal Police Office (BKA) arrived. Maria Lopez said the BKA was ready. Lopez left.";
        let es = ents(t);
        assert_eq!(
            es.iter()
                .filter(|e| e.text == "BKA")
                .filter_map(|e| e.canonical.as_deref())
                .collect::<Vec<_>>(),
            vec![
                "Federal Criminal Police Office",
                "Federal Criminal Police Office"
            ]
        );
        let lopez = find(&es, "Lopez");
        assert_eq!(
            lopez.and_then(|e| e.canonical.as_deref()),
            Some("Maria Lopez")
        );
        assert_eq!(lopez.map(|e| e.kind), Some(EntityType::PER));
    }

    #[test]
    fn sentence_initial_common_words_and_caps_lines() {
        let t = "However, Police said nothing. Yesterday was calm.\n\nBLAST HITS CONCERT HALL IN GERMANY AS CROWDS GATHER\n\nthe lowercase line has no names.";
        let es = ents(t);
        assert!(find(&es, "However").is_none());
        assert!(find(&es, "Yesterday").is_none());
        assert!(find(&es, "BLAST").is_none());
        assert!(find(&es, "HALL").is_none());
        assert_eq!(find(&es, "GERMANY").map(|e| e.kind), Some(EntityType::LOC));
    }

    #[test]
    fn nationality_is_misc_and_role_title() {
        let t = "Doravian officials met police chief Anna Kowal and conductor Marek Kowal. Kowal said it.";
        let es = ents(t);
        assert_eq!(
            find(&es, "Doravian").map(|e| e.kind),
            Some(EntityType::MISC)
        );
        assert_eq!(
            find(&es, "Anna Kowal").and_then(|e| e.title.as_deref()),
            Some("police chief")
        );
        // two people share the surname: the short form stays unresolved, but a person
        let kowal = find(&es, "Kowal");
        assert_eq!(kowal.map(|e| e.kind), Some(EntityType::PER));
        assert_eq!(kowal.and_then(|e| e.canonical.as_deref()), None);
    }
}
