//! Direct, partial and reported quotes with their speakers.
//!
//! - Direct quotes (`kind` `direct`): text between straight `"..."`, doubled apostrophes
//!   `''...''` (newspaper archives), curly `“...”` or guillemets, also across sentences and
//!   across paragraphs when the next paragraph reopens the quote (news style). Quotes of
//!   fewer than four words are kept only when a speech cue sits in the same sentence
//!   (scare quotes are not quotes). A quote with no cue right after a quote of the same
//!   paragraph keeps that quote's speaker.
//! - Partial quotes (`partial`): a quoted fragment embedded in a sentence ("called the
//!   attack “a cowardly act”"); when the sentence is reported speech ("X said the alert
//!   was “too vague”") the reported clause absorbs the fragment.
//! - Reported speech (`reported`): "X said (that) ...", "X told reporters ...",
//!   "..., X said.", "..., said X.", "A, X said, B." (the whole sentence), "according to
//!   X, ...", "X said A, adding that B" (two attributions); verbs of thinking and showing
//!   ("believes", "polls show") only before a clause, and verbs that also take a plain
//!   object ("claimed the attack") only before a clause too. Cue lists come from the most
//!   frequent Cue words of PolNeAR's training split (`CUES=1` mode of
//!   `examples/eval_polnear.rs`).
//! - Interview transcripts (`direct`, cue `:`): "PENCE: ..." paragraphs.
//! - Speakers: a PER/ORG mention (also across an appositive, "Derek Mitchell, who served
//!   ..., said", or a party label, "Jim Jordan (R-Ohio) said"), a pronoun, a nominal
//!   ("the spokesman", "Union officials") or a whole subject noun phrase ("Experts on
//!   North Korea said") next to a cue, after or before the quote in the same sentence,
//!   else in a sentence that introduces the quote with a colon. Pronouns (and "who") stay
//!   the speaker span and are resolved to the most recent compatible mention within the
//!   last three sentences; when that is ambiguous `resolved` is left out (precision
//!   first).
//!
//! Measured on PolNeAR dev (`cargo run -p corroborate-annotate --release --example
//! eval_polnear`): quote P 0.83 R 0.38 F1 0.52, quote+speaker P 0.70 R 0.32 F1 0.44;
//! a matched quote's speaker is right 0.96 of the time. PolNeAR marks every attribution
//! (beliefs, polls, actions, headlines), so recall stays low for a speech extractor.

use crate::gazetteer::{self, kind};
use crate::tokens::{Token, TokenKind, tokens_in};
use corroborate_model::{EntityMention, EntityType, QuoteMention, Sentence, Span, SpeakerSpan};

/// Speech cue verbs.
const CUES: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "repeated",
    "reiterated",
    "conceded",
    "continued",
    "told",
    "tells",
    "added",
    "adds",
    "stated",
    "states",
    "wrote",
    "writes",
    "posted",
    "posts",
    "tweeted",
    "announced",
    "announces",
    "warned",
    "warns",
    "claimed",
    "claims",
    "denied",
    "denies",
    "insisted",
    "insists",
    "explained",
    "noted",
    "asked",
    "replied",
    "responded",
    "declared",
    "argued",
    "stressed",
    "acknowledged",
    "admitted",
    "confirmed",
    "reads",
    "read",
    "according",
    "recalled",
    "urged",
    "vowed",
    "blamed",
];

/// Cues that may introduce reported speech without quote marks: verbs of saying,
/// writing, arguing and reporting (the most frequent Cue words of PolNeAR's training
/// split, inflected).
const REPORTED_CUES: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tells",
    "telling",
    "added",
    "adds",
    "adding",
    "stated",
    "announced",
    "announces",
    "warned",
    "warns",
    "warning",
    "claimed",
    "claims",
    "claiming",
    "insisted",
    "insists",
    "insisting",
    "denied",
    "confirmed",
    "confirms",
    "argued",
    "argues",
    "arguing",
    "stressed",
    "stresses",
    "acknowledged",
    "acknowledges",
    "admitted",
    "admits",
    "declared",
    "declares",
    "wrote",
    "writes",
    "posted",
    "tweeted",
    "explained",
    "explains",
    "noted",
    "notes",
    "noting",
    "reported",
    "reports",
    "suggested",
    "suggests",
    "suggesting",
    "predicted",
    "predicts",
    "promised",
    "promises",
    "pledged",
    "vowed",
    "revealed",
    "alleged",
    "alleges",
    "contends",
    "contended",
    "maintained",
    "maintains",
    "testified",
    "recalled",
    "recalls",
    "replied",
    "responded",
    "countered",
    "conceded",
    "concedes",
    "complained",
    "complains",
    "asserted",
    "asserts",
    "emphasized",
    "emphasised",
    "reiterated",
    "repeated",
    "charged",
    "charges",
    "cautioned",
    "observed",
    "boasted",
    "joked",
    "lamented",
    "speculated",
    "concluded",
    "concludes",
    "estimated",
    "estimates",
    "indicated",
    "indicates",
];

/// Reporting verbs that also take a plain object ("claimed the attack", "announced a
/// curfew", "wrote a letter"): a cue only before a clause.
const OBJECT_CUES: &[&str] = &[
    "claimed",
    "claims",
    "claiming",
    "denied",
    "announced",
    "announces",
    "confirmed",
    "confirms",
    "revealed",
    "promised",
    "promises",
    "pledged",
    "vowed",
    "reported",
    "reports",
    "acknowledged",
    "acknowledges",
    "admitted",
    "admits",
    "predicted",
    "predicts",
    "charged",
    "charges",
    "estimated",
    "estimates",
    "indicated",
    "indicates",
    "repeated",
    "reiterated",
    "posted",
    "tweeted",
    "wrote",
    "writes",
    "stressed",
    "stresses",
    "noted",
    "notes",
    "noting",
    "recalled",
    "recalls",
    "observed",
    "maintained",
    "maintains",
    "alleged",
    "alleges",
    "conceded",
    "concedes",
    "emphasized",
    "emphasised",
    "concluded",
    "concludes",
    "declared",
    "declares",
    "explained",
    "explains",
    "complained",
    "complains",
    "asserted",
    "asserts",
    "testified",
    "boasted",
    "lamented",
    "cautioned",
    "replied",
    "responded",
    "countered",
    "speculated",
    "joked",
];

/// Whether a clause starts right after the cue `c`: "that", a subject pronoun, or an
/// auxiliary within the next few words ("noted the bomb had been planted").
fn clause_follows(ctx: &Ctx, c: usize) -> bool {
    let next = ctx.lower(c + 1);
    if matches!(
        next.as_str(),
        "that" | "he" | "she" | "it" | "they" | "we" | "i" | "there" | "this" | "you"
    ) {
        return true;
    }
    for k in c + 2..c + 8 {
        let w = ctx.lower(k);
        if matches!(
            w.as_str(),
            "is" | "was"
                | "are"
                | "were"
                | "had"
                | "has"
                | "have"
                | "would"
                | "will"
                | "could"
                | "should"
                | "must"
                | "may"
                | "might"
                | "can"
                | "did"
                | "does"
                | "do"
        ) {
            return true;
        }
        if ctx.tokens.get(k).is_none_or(|t| t.kind == TokenKind::Punct) {
            return false;
        }
    }
    false
}

/// Verbs of thinking and showing: a cue only before a `that` clause or a pronoun subject
/// ("polls show that ...", "he believes it is ...").
const WEAK_CUES: &[&str] = &[
    "believes",
    "believe",
    "believed",
    "thinks",
    "think",
    "thought",
    "feels",
    "feel",
    "felt",
    "knows",
    "know",
    "knew",
    "hopes",
    "hope",
    "hoped",
    "fears",
    "fear",
    "feared",
    "expects",
    "expect",
    "expected",
    "shows",
    "show",
    "showed",
    "found",
    "finds",
    "learned",
    "agreed",
    "agrees",
    "worries",
    "worried",
    "understands",
    "recognized",
    "recognizes",
    "realized",
    "decided",
    "hinted",
    "implied",
    "signaled",
    "signalled",
    "demanded",
    "proposed",
];

/// Nouns that can name a speaker, and whether they stand for a person (true) or a body.
const SPEAKER_NOUNS: &[(&str, bool)] = &[
    ("spokesman", true),
    ("spokeswoman", true),
    ("spokesperson", true),
    ("minister", true),
    ("president", true),
    ("chief", true),
    ("mayor", true),
    ("governor", true),
    ("prosecutor", true),
    ("official", true),
    ("witness", true),
    ("survivor", true),
    ("conductor", true),
    ("director", true),
    ("commander", true),
    ("secretary", true),
    ("ambassador", true),
    ("analyst", true),
    ("expert", true),
    ("leader", true),
    ("ministry", false),
    ("police", false),
    ("government", false),
    ("militia", false),
    ("group", false),
    ("bureau", false),
    ("agency", false),
    ("army", false),
    ("military", false),
    ("service", false),
    ("office", false),
    ("embassy", false),
    ("authorities", false),
    ("officials", false),
    ("statement", false),
    ("company", false),
    ("hospital", false),
    ("investigators", false),
    ("prosecutors", false),
    ("organisers", false),
    ("organizers", false),
    ("witnesses", false),
    ("residents", false),
    ("sources", false),
    ("source", false),
    ("council", false),
    ("party", false),
    ("front", false),
    ("campaign", false),
    ("poll", false),
    ("polls", false),
    ("survey", false),
    ("study", false),
    ("report", false),
    ("data", false),
    ("analysis", false),
    ("research", false),
    ("aides", false),
    ("advisers", false),
    ("advisors", false),
    ("critics", false),
    ("supporters", false),
    ("experts", false),
    ("analysts", false),
    ("economists", false),
    ("lawmakers", false),
    ("democrats", false),
    ("republicans", false),
    ("voters", false),
    ("candidate", true),
    ("nominee", true),
    ("senator", true),
    ("spokesmen", false),
    ("administration", false),
    ("committee", false),
    ("department", false),
    ("court", false),
    ("judge", true),
    ("lawyer", true),
    ("lawyers", false),
    ("attorney", true),
    ("attorneys", false),
    ("activists", false),
    ("observers", false),
    ("officers", false),
    ("members", false),
    ("leaders", false),
    ("scholars", false),
    ("researchers", false),
    ("historians", false),
    ("strategists", false),
    ("operatives", false),
    ("protesters", false),
    ("workers", false),
    ("employees", false),
    ("executives", false),
    ("scientists", false),
    ("doctors", false),
    ("staffers", false),
    ("allies", false),
    ("opponents", false),
    ("donors", false),
    ("delegates", false),
    ("insiders", false),
    ("pollsters", false),
    ("respondents", false),
    ("people", false),
];

const PRONOUNS: &[&str] = &["he", "she", "it", "they", "we", "i"];

const ADVERBS: &[&str] = &[
    "also",
    "later",
    "then",
    "has",
    "had",
    "have",
    "earlier",
    "previously",
    "once",
    "again",
    "reportedly",
    "repeatedly",
    "publicly",
    "had",
    "would",
    "later",
    "further",
    "separately",
    "first",
    "simply",
    "only",
    "flatly",
    "firmly",
    "is",
    "are",
    "was",
    "were",
    "will",
    "did",
    "does",
    "recently",
    "privately",
    "just",
    "now",
    "often",
    "even",
    "still",
    "already",
    "frequently",
    "initially",
    "openly",
    "quickly",
    "falsely",
    "wrongly",
    "correctly",
    "rightly",
    "explicitly",
    "essentially",
    "basically",
    "has",
    "have",
];

fn is_quote_open(c: char) -> bool {
    matches!(c, '\u{201C}' | '\u{201E}' | '\u{00AB}')
}

fn is_quote_close(c: char) -> bool {
    matches!(c, '\u{201D}' | '\u{00BB}')
}

/// A span of quoted content, between the marks.
#[derive(Debug, Clone, Copy)]
struct Run {
    /// Byte of the opening mark.
    open: usize,
    /// Byte after the closing mark.
    close_end: usize,
    /// Content start (after the opening mark).
    start: usize,
    /// Content end (before the closing mark).
    end: usize,
}

/// Finds quoted runs; a run left open at a paragraph end continues when the next paragraph
/// reopens the quote, else it is dropped.
fn quote_runs(text: &str) -> Vec<Run> {
    let mut runs = Vec::new();
    let mut open: Option<(usize, usize)> = None; // (mark byte, content start)
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        let Some(&(i, c)) = chars.get(k) else { break };
        let prev = k.checked_sub(1).and_then(|p| chars.get(p)).map(|&(_, c)| c);
        let mut next = chars.get(k + 1).map(|&(_, c)| c);
        // two apostrophes stand for a double quote mark (''like this'', newspaper archives)
        let pair = c == '\'' && next == Some('\'');
        let mark_len = if pair { 2 } else { c.len_utf8() };
        if pair {
            next = chars.get(k + 2).map(|&(_, c)| c);
        }
        let c = if pair { '"' } else { c };
        let straight_opens = c == '"'
            && prev.is_none_or(|p| {
                p.is_whitespace()
                    || matches!(p, '(' | '[' | '\u{2014}' | '\u{2013}' | '-' | ':' | '/')
            })
            && next.is_some_and(|n| !n.is_whitespace());
        if c == '\n' {
            if let Some((_, _)) = open {
                // paragraph end while open: continue only when the next paragraph reopens
                let rest = text.get(i..).unwrap_or("");
                let trimmed = rest.trim_start();
                let reopens = trimmed.starts_with(['"', '\u{201C}', '\u{201E}', '\u{00AB}'])
                    || trimmed.starts_with("''");
                let blank = rest
                    .get(1..)
                    .is_some_and(|r| r.trim_start_matches([' ', '\t']).starts_with('\n'));
                if !reopens
                    && (blank
                        || !rest.get(1..).is_some_and(|r| {
                            r.trim_start().starts_with(|c: char| c.is_lowercase())
                        }))
                {
                    open = None;
                } else if reopens {
                    // skip to the reopening mark so it is not taken as a new opening
                    let skip = rest.len() - trimmed.len();
                    let target = i + skip;
                    while chars.get(k).is_some_and(|&(b, _)| b <= target) {
                        k += 1;
                    }
                    continue;
                }
            }
            k += 1;
            continue;
        }
        match open {
            None => {
                if is_quote_open(c) || straight_opens {
                    open = Some((i, i + mark_len));
                }
            }
            Some((mark, cstart)) => {
                let closes = is_quote_close(c) || (c == '"' && !straight_opens);
                if closes {
                    runs.push(Run {
                        open: mark,
                        close_end: i + mark_len,
                        start: cstart,
                        end: i,
                    });
                    open = None;
                } else if straight_opens || is_quote_open(c) {
                    // an unbalanced mark: restart here
                    open = Some((i, i + mark_len));
                }
            }
        }
        k += if pair { 2 } else { 1 };
    }
    runs
}

/// Trims whitespace and a trailing comma off a content span.
fn trim_content(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let seg = text.get(start..end)?;
    let lead = seg.len() - seg.trim_start().len();
    let mut t = seg.trim();
    t = t
        .trim_end_matches([',', ' ', '\u{2014}', '\u{2013}', '-'])
        .trim_end();
    if t.is_empty() {
        return None;
    }
    Some((start + lead, start + lead + t.len()))
}

/// Whether `w` can head a speaker phrase, and whether it names a person (true) or a body:
/// the built-in speaker nouns, then role nouns ("senator") and organisation heads
/// ("committee") of the gazetteer.
fn speaker_noun(w: &str) -> Option<bool> {
    if let Some((_, p)) = SPEAKER_NOUNS.iter().find(|(n, _)| *n == w) {
        return Some(*p);
    }
    let info = gazetteer::lookup(w)?;
    if info.is(kind::ROLE) || info.is(kind::TITLE) && !info.is(kind::COMMON) {
        return Some(true);
    }
    if info.is(kind::ORG_HEAD) && !info.is(kind::COMMON) {
        return Some(false);
    }
    None
}

/// Full person names (with their titles) by surname.
type SurnameMap = std::collections::HashMap<String, Vec<(String, Option<String>)>>;

/// Context shared by the extraction steps.
struct Ctx<'a> {
    text: &'a str,
    sentences: &'a [Sentence],
    tokens: &'a [Token],
    entities: &'a [EntityMention],
    /// Speakers named so far: (byte, name), for "he said" after a quote by the same person.
    last_speakers: std::cell::RefCell<Vec<(usize, String)>>,
    /// Full person names by surname, with their titles (built on first use).
    by_surname: std::cell::OnceCell<SurnameMap>,
    /// Every person name of the document (built on first use).
    people: std::cell::OnceCell<std::collections::HashSet<String>>,
}

/// A found speaker: span, optional resolution.
#[derive(Debug, Clone)]
struct Found {
    start: usize,
    end: usize,
    resolved: Option<String>,
}

impl<'a> Ctx<'a> {
    fn word(&self, k: usize) -> &'a str {
        self.tokens.get(k).map(|t| t.text(self.text)).unwrap_or("")
    }

    fn lower(&self, k: usize) -> String {
        self.word(k).to_lowercase()
    }

    /// Index of the token starting at byte `start`.
    fn token_at(&self, start: usize) -> Option<usize> {
        let i = self.tokens.partition_point(|t| t.start < start);
        self.tokens.get(i).filter(|t| t.start == start).map(|_| i)
    }

    /// Entities ending at or before byte `at` (sorted by start, so a prefix is a bound).
    fn entities_before(&self, at: usize) -> &'a [EntityMention] {
        let i = self.entities.partition_point(|e| e.start < at);
        self.entities.get(..i).unwrap_or(&[])
    }

    fn sentence_of(&self, byte: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= byte);
        self.sentences.get(i).filter(|s| s.start <= byte).map(|_| i)
    }

    fn entity_ending_at(&self, end: usize) -> Option<&'a EntityMention> {
        let i = self.entities.partition_point(|e| e.end < end);
        self.entities.get(i).filter(|e| e.end == end)
    }

    fn entity_starting_at(&self, start: usize) -> Option<&'a EntityMention> {
        let i = self.entities.partition_point(|e| e.start < start);
        self.entities.get(i).filter(|e| e.start == start)
    }

    fn name_of(e: &EntityMention) -> String {
        e.canonical.clone().unwrap_or_else(|| e.text.clone())
    }

    /// Resolves a pronoun or nominal at byte `at` to a PER (person) or ORG mention
    /// within the last three sentences; None when ambiguous.
    fn resolve(&self, at: usize, word: &str, person: Option<bool>) -> Option<String> {
        let si = self.sentence_of(at)?;
        let from = self.sentences.get(si.saturating_sub(3))?.start;
        let lo = self.entities.partition_point(|e| e.start < from);
        let window: Vec<&EntityMention> = self
            .entities_before(at)
            .get(lo..)
            .unwrap_or(&[])
            .iter()
            .filter(|e| e.end <= at)
            .collect();
        let want_per = match person {
            Some(p) => p,
            None => matches!(word, "he" | "she"),
        };
        if matches!(word, "he" | "she") {
            let female = word == "she";
            let mut names: Vec<(String, Option<bool>)> = Vec::new();
            for e in window.iter().filter(|e| e.kind == EntityType::PER) {
                // an unresolved surname stands for every full name of the document with it
                let mut options: Vec<(String, Option<String>)> = Vec::new();
                if e.canonical.is_none() && !e.text.contains(' ') {
                    let by_surname = self.by_surname.get_or_init(|| {
                        let mut m = SurnameMap::new();
                        for f in self
                            .entities
                            .iter()
                            .filter(|f| f.kind == EntityType::PER && f.text.contains(' '))
                        {
                            if let Some(last) = f.text.rsplit(' ').next() {
                                let v = m.entry(last.to_string()).or_default();
                                if !v.iter().any(|o| o.0 == f.text) {
                                    v.push((f.text.clone(), f.title.clone()));
                                }
                            }
                        }
                        m
                    });
                    if let Some(v) = by_surname.get(&e.text) {
                        options.extend(v.iter().cloned());
                    }
                }
                if options.is_empty() {
                    options.push((Self::name_of(e), e.title.clone()));
                }
                for (n, title) in options {
                    let g = gender_of(&n, title.as_deref());
                    if let Some(x) = names.iter_mut().find(|x| x.0 == n) {
                        x.1 = x.1.or(g);
                    } else {
                        names.push((n, g));
                    }
                }
            }
            let matching: Vec<&(String, Option<bool>)> =
                names.iter().filter(|x| x.1 == Some(female)).collect();
            let unknown: Vec<&(String, Option<bool>)> =
                names.iter().filter(|x| x.1.is_none()).collect();
            if matching.len() == 1 && unknown.is_empty() {
                return matching.first().map(|x| x.0.clone());
            }
            if matching.is_empty() && unknown.len() == 1 {
                return unknown.first().map(|x| x.0.clone());
            }
            // quote continuity: the last named speaker, when still a compatible candidate
            let last_speaker = self
                .last_speakers
                .borrow()
                .iter()
                .rev()
                .skip_while(|(b, _)| *b >= at)
                .take_while(|(b, _)| *b >= from)
                .find(|(b, _)| *b >= from && *b < at)
                .map(|(_, n)| n.clone());
            if let Some(ls) = last_speaker
                && names.iter().any(|x| x.0 == ls && x.1 != Some(!female))
            {
                return Some(ls);
            }
            if matching.len() == 1 {
                // the matching one is also the most recent person: safe enough
                let last = window
                    .iter()
                    .rev()
                    .find(|e| e.kind == EntityType::PER)
                    .map(|e| Self::name_of(e));
                if last.as_ref() == matching.first().map(|x| &x.0) {
                    return last;
                }
            }
            return None;
        }
        if want_per {
            // "the spokesman": a person whose title has the noun, most recent in the document
            let hit = self
                .entities_before(at)
                .iter()
                .rev()
                .take(300)
                .filter(|e| e.end <= at && e.kind == EntityType::PER)
                .find(|e| {
                    e.title
                        .as_deref()
                        .is_some_and(|t| t.to_lowercase().contains(word))
                });
            if let Some(h) = hit {
                return Some(Self::name_of(h));
            }
            // "the conductor said" with one person in sight
            if matches!(
                word,
                "official" | "witness" | "survivor" | "expert" | "analyst" | "leader"
            ) {
                return None;
            }
            let mut people: Vec<String> = window
                .iter()
                .filter(|e| e.kind == EntityType::PER)
                .map(|e| Self::name_of(e))
                .collect();
            people.sort();
            people.dedup();
            return if people.len() == 1 {
                people.pop()
            } else {
                None
            };
        }
        // bodies: "the ministry" -> an ORG whose name has the noun; "it" -> the only ORG around
        if word == "it" {
            let mut orgs: Vec<String> = window
                .iter()
                .filter(|e| e.kind == EntityType::ORG)
                .map(|e| Self::name_of(e))
                .collect();
            orgs.dedup();
            orgs.sort();
            orgs.dedup();
            if orgs.len() == 1 {
                return orgs.pop();
            }
            if !orgs.is_empty() {
                return None;
            }
            // "Marvania's foreign ministry denied it. In a statement, it said ...": a body
            // named as the subject of one of the two sentences before
            for back in 1..=2 {
                let Some(ps) = si.checked_sub(back).and_then(|i| self.sentences.get(i)) else {
                    break;
                };
                let first = self.tokens.partition_point(|t| t.start < ps.start);
                if let Some(f) = self.sentence_subject(first, ps.start) {
                    let head = self
                        .text
                        .get(f.start..f.end)
                        .unwrap_or("")
                        .rsplit(' ')
                        .next()
                        .unwrap_or("")
                        .to_lowercase();
                    if SPEAKER_NOUNS
                        .iter()
                        .any(|(n, person)| *n == head && !person)
                    {
                        return self.text.get(f.start..f.end).map(str::to_string);
                    }
                }
            }
            return None;
        }
        let hit = self
            .entities_before(at)
            .iter()
            .rev()
            .take(300)
            .filter(|e| e.end <= at && e.kind == EntityType::ORG)
            .find(|e| {
                Self::name_of(e)
                    .to_lowercase()
                    .split(' ')
                    .any(|w| w == word)
            });
        hit.map(Self::name_of)
    }

    /// The speaker right before token `c` (a cue), not before byte `floor`.
    fn speaker_before(&self, c: usize, floor: usize) -> Option<Found> {
        let mut k = c.checked_sub(1)?;
        // adverbs: "he also said", "Hrytsenko later told"
        let mut skipped = 0;
        while skipped < 2 && ADVERBS.contains(&self.lower(k).as_str()) {
            k = k.checked_sub(1)?;
            skipped += 1;
        }
        let t = self.tokens.get(k)?;
        if t.start < floor {
            return None;
        }
        // "Rep. Jim Jordan (R-Ohio) said": skip the parenthesis
        if self.word(k) == ")" {
            let mut b = k;
            let mut m = 0;
            while self.word(b) != "(" && m < 10 {
                b = b.checked_sub(1)?;
                m += 1;
            }
            let before = self.tokens.get(b.checked_sub(1)?)?;
            if before.start >= floor
                && let Some(e) = self.entity_ending_at(before.end)
                && matches!(e.kind, EntityType::PER | EntityType::ORG)
                && e.start >= floor
            {
                return Some(Found {
                    start: e.start,
                    end: e.end,
                    resolved: e.canonical.clone(),
                });
            }
            return None;
        }
        // "Derek Mitchell, who ..., said" is handled below; "X, who said": the relative
        // pronoun is the span, resolved to the name before it
        if self.lower(k) == "who" {
            let comma = k.checked_sub(1)?;
            if self.word(comma) != "," {
                return None;
            }
            let before = self.tokens.get(comma.checked_sub(1)?)?;
            let e = self.entity_ending_at(before.end)?;
            if e.kind != EntityType::PER || e.start < floor {
                return None;
            }
            return Some(Found {
                start: t.start,
                end: t.end,
                resolved: Some(Self::name_of(e)),
            });
        }
        // "X denied the claim, saying ...": the subject of the sentence
        if self.word(k) == "," && self.lower(c).ends_with("ing") {
            return self.sentence_subject(c, floor);
        }
        // appositive: "Hrytsenko, the SSB spokesman, said"
        if self.word(k) == "," {
            let mut j = k.checked_sub(1)?;
            let mut n = 0;
            while n < 12
                && self.word(j) != ","
                && self.tokens.get(j).is_some_and(|t| t.start >= floor)
            {
                if matches!(self.word(j), "." | "\"" | "\u{201D}" | "\u{201C}") {
                    return None;
                }
                j = j.checked_sub(1)?;
                n += 1;
            }
            // "The orchestra's conductor, Marek Kowal, said": the name between the commas
            if self.word(j) == ","
                && let Some(e) = self.entity_starting_at(self.tokens.get(j + 1)?.start)
                && e.kind == EntityType::PER
                && self
                    .tokens
                    .get(k.checked_sub(1)?)
                    .is_some_and(|t| t.end == e.end)
            {
                return Some(Found {
                    start: e.start,
                    end: e.end,
                    resolved: e.canonical.clone(),
                });
            }
            // a longer appositive, possibly with commas of its own: "Derek Mitchell, who
            // served as ambassador from 2012 until this year, said", "Rep. Jim Jordan
            // (R-Ohio), an oversight panel member, said"
            let mut j = k;
            for _ in 0..40 {
                j = j.checked_sub(1)?;
                if self.tokens.get(j).is_none_or(|t| t.start < floor) {
                    return None;
                }
                let w = self.word(j);
                if matches!(w, "." | "\"" | "\u{201D}" | "\u{201C}" | ";" | ":") {
                    return None;
                }
                if w != "," {
                    continue;
                }
                let next = self.word(j + 1);
                let opens_apposition = next.starts_with(char::is_lowercase)
                    || matches!(next, "A" | "An" | "The" | "Who")
                    || self.tokens.get(j + 1).is_some_and(|t| {
                        self.entity_starting_at(t.start)
                            .is_some_and(|e| e.kind != EntityType::PER)
                    });
                if !opens_apposition {
                    continue;
                }
                let mut b = j.checked_sub(1)?;
                if self.word(b) == ")" {
                    // "(R-Ohio)": skip the parenthesis
                    let mut m = 0;
                    while self.word(b) != "(" && m < 10 {
                        b = b.checked_sub(1)?;
                        m += 1;
                    }
                    b = b.checked_sub(1)?;
                }
                let before = self.tokens.get(b)?;
                if let Some(e) = self.entity_ending_at(before.end)
                    && matches!(e.kind, EntityType::PER | EntityType::ORG)
                    && e.start >= floor
                {
                    return Some(Found {
                        start: e.start,
                        end: e.end,
                        resolved: e.canonical.clone(),
                    });
                }
            }
            return None;
        }
        if let Some(e) = self.entity_ending_at(t.end)
            && matches!(e.kind, EntityType::PER | EntityType::ORG | EntityType::LOC)
            && e.start >= floor
        {
            return Some(Found {
                start: e.start,
                end: e.end,
                resolved: e.canonical.clone(),
            });
        }
        let lw = self.lower(k);
        if PRONOUNS.contains(&lw.as_str()) {
            // the pronoun is the speaker span; its resolution only when unambiguous
            let resolved = if matches!(lw.as_str(), "i" | "we" | "they") {
                None
            } else {
                self.resolve(t.start, &lw, None)
            };
            return Some(Found {
                start: t.start,
                end: t.end,
                resolved,
            });
        }
        // nominal: "the spokesman", "Marvania's foreign ministry", "the SSB spokesman"
        let person = speaker_noun(&lw)?;
        let mut j = k;
        let mut steps = 0;
        let mut start_tok = k;
        while steps < 4 {
            let Some(p) = j.checked_sub(1) else { break };
            let pw = self.word(p);
            let pl = pw.to_lowercase();
            if self.tokens.get(p).is_none_or(|t| t.start < floor) {
                break;
            }
            if matches!(
                pl.as_str(),
                "the" | "a" | "an" | "its" | "his" | "her" | "their"
            ) {
                start_tok = p;
                break;
            }
            if pw.starts_with(['\'', '\u{2019}']) {
                // possessive: take the owner
                let owner = self.tokens.get(p.checked_sub(1)?)?;
                if let Some(e) = self.entity_ending_at(owner.end)
                    && let Some(i) = self.token_at(e.start)
                {
                    start_tok = i;
                }
                break;
            }
            let tok = self.tokens.get(p)?;
            if tok.kind != TokenKind::Word {
                break;
            }
            if let Some(e) = self.entity_ending_at(tok.end)
                && let Some(i) = self.token_at(e.start)
            {
                j = i;
                start_tok = i;
                steps += 1;
                continue;
            }
            // a lower-case modifier, or a capitalised one opening the sentence ("Union
            // officials say")
            let opens_sentence = self
                .sentence_of(tok.start)
                .and_then(|i| self.sentences.get(i))
                .is_some_and(|s| s.start == tok.start);
            if pw.chars().next().is_some_and(|c| c.is_lowercase()) || opens_sentence {
                j = p;
                start_tok = p;
                steps += 1;
                continue;
            }
            break;
        }
        let s = self.tokens.get(start_tok)?.start;
        let mut resolved = self.resolve(t.start, &lw, Some(person));
        // "Its foreign ministry": the owner is the nearest country or organisation named
        // in this or the previous sentence ("Marvania rejected ... Its foreign ministry").
        if resolved.is_none() && matches!(self.lower(start_tok).as_str(), "its" | "their") {
            let from = self
                .sentence_of(s)
                .and_then(|i| self.sentences.get(i.saturating_sub(1)))
                .map_or(0, |x| x.start);
            let owner = self
                .entities_before(s)
                .iter()
                .rev()
                .take_while(|e| e.start >= from)
                .find(|e| e.end <= s && matches!(e.kind, EntityType::LOC | EntityType::ORG));
            let rest = self
                .tokens
                .get(start_tok + 1)
                .and_then(|n| self.text.get(n.start..t.end));
            if let (Some(owner), Some(rest)) = (owner, rest) {
                resolved = Some(format!("{}\u{2019}s {rest}", Self::name_of(owner)));
            }
        }
        Some(Found {
            start: s,
            end: t.end,
            resolved,
        })
    }

    /// A whole subject noun phrase from `floor` (a sentence start or a comma) to the cue `c`
    /// ("Experts on North Korea and nuclear nonproliferation said"): only words, no verb or
    /// clause word, headed by a speaker noun or a PER/ORG mention (before any preposition).
    fn subject_np(&self, c: usize, floor: usize) -> Option<Found> {
        let mut first = self.tokens.partition_point(|t| t.start < floor);
        if matches!(
            self.lower(first).as_str(),
            "but" | "and" | "so" | "yet" | "still"
        ) {
            first += 1;
        }
        let mut last = c.checked_sub(1)?;
        let mut skipped = 0;
        while skipped < 3 && last > first && ADVERBS.contains(&self.lower(last).as_str()) {
            last -= 1;
            skipped += 1;
        }
        if last < first || last - first > 9 {
            return None;
        }
        let mut head_ok = false;
        let mut in_pp = false;
        for k in first..=last {
            let t = self.tokens.get(k)?;
            let w = self.lower(k);
            let possessive = w.starts_with(['\'', '\u{2019}']);
            if t.kind == TokenKind::Punct && !possessive && !matches!(w.as_str(), "-" | "." | "&") {
                return None;
            }
            if matches!(
                w.as_str(),
                "that"
                    | "which"
                    | "who"
                    | "when"
                    | "if"
                    | "because"
                    | "as"
                    | "is"
                    | "was"
                    | "are"
                    | "were"
                    | "be"
                    | "been"
                    | "has"
                    | "have"
                    | "had"
                    | "to"
                    | "would"
                    | "will"
                    | "can"
                    | "could"
                    | "should"
                    | "may"
                    | "might"
                    | "do"
                    | "does"
                    | "did"
                    | "not"
                    | "it"
                    | "he"
                    | "she"
                    | "they"
                    | "we"
                    | "i"
                    | "you"
                    | "there"
                    | "this"
                    | "percent"
            ) {
                return None;
            }
            if matches!(
                w.as_str(),
                "of" | "on" | "in" | "at" | "for" | "from" | "with" | "close"
            ) {
                in_pp = true;
                continue;
            }
            if !in_pp
                && (speaker_noun(&w).is_some()
                    || self
                        .entity_ending_at(t.end)
                        .is_some_and(|e| matches!(e.kind, EntityType::PER | EntityType::ORG)))
            {
                head_ok = true;
            }
        }
        if !head_ok {
            return None;
        }
        Some(Found {
            start: self.tokens.get(first)?.start,
            end: self.tokens.get(last)?.end,
            resolved: None,
        })
    }

    /// The subject at the start of the sentence holding token `c`: a PER/ORG mention,
    /// "Marvania's foreign ministry" or "the ministry".
    fn sentence_subject(&self, c: usize, floor: usize) -> Option<Found> {
        let si = self.sentence_of(self.tokens.get(c)?.start)?;
        let s = self.sentences.get(si)?;
        let mut k = self
            .tokens
            .partition_point(|t| t.start < s.start.max(floor));
        if matches!(self.lower(k).as_str(), "the" | "a" | "an") {
            k += 1;
        }
        let first = self.tokens.get(k)?;
        let det_start = if k > 0
            && self
                .tokens
                .get(k - 1)
                .is_some_and(|t| t.start >= s.start && t.start >= floor)
            && matches!(self.lower(k - 1).as_str(), "the" | "a" | "an")
        {
            self.tokens.get(k - 1)?.start
        } else {
            first.start
        };
        if let Some(e) = self.entity_starting_at(first.start) {
            let after = self.tokens.partition_point(|t| t.start < e.end);
            if self.word(after).starts_with(['\'', '\u{2019}']) {
                // "Marvania's foreign ministry"
                for j in after + 1..after + 5 {
                    let w = self.lower(j);
                    if let Some(person) = speaker_noun(&w) {
                        let end = self.tokens.get(j)?.end;
                        let resolved = if person {
                            self.resolve(e.start, &w, Some(true))
                        } else {
                            None
                        };
                        return Some(Found {
                            start: e.start,
                            end,
                            resolved,
                        });
                    }
                    if !self.word(j).chars().next().is_some_and(char::is_lowercase) {
                        break;
                    }
                }
                return None;
            }
            if matches!(e.kind, EntityType::PER | EntityType::ORG) {
                return Some(Found {
                    start: e.start,
                    end: e.end,
                    resolved: e.canonical.clone(),
                });
            }
            return None;
        }
        for j in k..k + 4 {
            let w = self.lower(j);
            if let Some(person) = speaker_noun(&w) {
                let end = self.tokens.get(j)?.end;
                let resolved = self.resolve(det_start, &w, Some(person));
                return Some(Found {
                    start: det_start,
                    end,
                    resolved,
                });
            }
            if !self.word(j).chars().next().is_some_and(char::is_lowercase) {
                break;
            }
        }
        None
    }

    /// The speaker right after token `c` ("said Hrytsenko", "said the spokesman").
    fn speaker_after(&self, c: usize, ceiling: usize) -> Option<Found> {
        if !matches!(
            self.lower(c).as_str(),
            "said"
                | "says"
                | "added"
                | "adds"
                | "wrote"
                | "writes"
                | "asked"
                | "replied"
                | "explained"
                | "warned"
                | "stated"
                | "insisted"
                | "noted"
                | "continued"
                | "recalled"
                | "declared"
        ) {
            return None;
        }
        let t = self.tokens.get(c + 1)?;
        if t.end > ceiling {
            return None;
        }
        if let Some(e) = self.entity_starting_at(t.start)
            && matches!(e.kind, EntityType::PER | EntityType::ORG)
            && e.end <= ceiling
        {
            return Some(Found {
                start: e.start,
                end: e.end,
                resolved: e.canonical.clone(),
            });
        }
        let lw = self.lower(c + 1);
        if matches!(lw.as_str(), "he" | "she") {
            let resolved = self.resolve(t.start, &lw, None)?;
            return Some(Found {
                start: t.start,
                end: t.end,
                resolved: Some(resolved),
            });
        }
        if matches!(lw.as_str(), "the" | "a" | "an") {
            for k in c + 2..c + 6 {
                let tk = self.tokens.get(k)?;
                if tk.end > ceiling || tk.kind != TokenKind::Word {
                    return None;
                }
                if let Some(e) = self.entity_starting_at(tk.start)
                    && e.kind == EntityType::ORG
                    && e.end <= ceiling
                {
                    return Some(Found {
                        start: e.start,
                        end: e.end,
                        resolved: e.canonical.clone(),
                    });
                }
                let kw = self.lower(k);
                if let Some(person) = speaker_noun(&kw) {
                    let resolved = self.resolve(t.start, &kw, Some(person));
                    return Some(Found {
                        start: t.start,
                        end: tk.end,
                        resolved,
                    });
                }
            }
        }
        None
    }

    fn is_cue(&self, k: usize) -> bool {
        let w = self.lower(k);
        if w == "according" {
            return self.lower(k + 1) == "to";
        }
        CUES.contains(&w.as_str())
    }

    fn speaker_span(&self, f: &Found) -> Option<SpeakerSpan> {
        let text = self.text.get(f.start..f.end)?.to_string();
        let name = f.resolved.clone().unwrap_or_else(|| text.clone());
        let people = self.people.get_or_init(|| {
            self.entities
                .iter()
                .filter(|e| e.kind == EntityType::PER)
                .map(Self::name_of)
                .collect()
        });
        if people.contains(&name) {
            self.last_speakers.borrow_mut().push((f.start, name));
        }
        let resolved = f.resolved.clone().filter(|r| *r != text);
        Some(SpeakerSpan {
            start: f.start,
            end: f.end,
            text,
            resolved,
        })
    }

    /// "according to X": X up to the next comma or the end of `limit`.
    fn according_to(&self, k: usize, limit: usize) -> Option<Found> {
        let first = self.tokens.get(k + 2)?;
        let mut last = first;
        let mut j = k + 2;
        while let Some(t) = self.tokens.get(j) {
            if t.end > limit
                || matches!(
                    self.word(j),
                    "," | "." | ";" | "\"" | "\u{201C}" | "\u{201D}"
                )
            {
                break;
            }
            last = t;
            j += 1;
            if j > k + 10 {
                break;
            }
        }
        if last.end <= first.start {
            return None;
        }
        let span_text = self.text.get(first.start..last.end)?;
        let resolved = self
            .entities
            .iter()
            .find(|e| {
                e.start >= first.start
                    && e.end <= last.end
                    && matches!(e.kind, EntityType::PER | EntityType::ORG)
            })
            .and_then(|e| {
                e.canonical
                    .clone()
                    .or_else(|| (e.text != span_text).then(|| e.text.clone()))
            });
        Some(Found {
            start: first.start,
            end: last.end,
            resolved,
        })
    }
}

fn gender_of(name: &str, title: Option<&str>) -> Option<bool> {
    if let Some(t) = title {
        let t = t.to_lowercase();
        if t.starts_with("mr.")
            || t == "mr"
            || t.contains("spokesman")
            || t.contains("king")
            || t.contains("prince") && !t.contains("princess")
        {
            return Some(false);
        }
        if t.starts_with("mrs")
            || t.starts_with("ms")
            || t.contains("spokeswoman")
            || t.contains("queen")
            || t.contains("princess")
        {
            return Some(true);
        }
    }
    let first = name.split(' ').next()?.to_lowercase();
    let info = gazetteer::lookup(&first)?;
    match (info.is(kind::FIRST_M), info.is(kind::FIRST_F)) {
        (true, false) => Some(false),
        (false, true) => Some(true),
        _ => None,
    }
}

/// Finds direct and reported quotes with speakers.
pub fn extract(
    text: &str,
    sentences: &[Sentence],
    tokens: &[Token],
    entities: &[EntityMention],
) -> Vec<QuoteMention> {
    let ctx = Ctx {
        text,
        sentences,
        tokens,
        entities,
        last_speakers: std::cell::RefCell::new(Vec::new()),
        by_surname: std::cell::OnceCell::new(),
        people: std::cell::OnceCell::new(),
    };
    let mut out: Vec<QuoteMention> = Vec::new();
    let runs = quote_runs(text);
    for run in &runs {
        if let Some(mut q) = direct(&ctx, run) {
            // a quote with no cue right after another quote of the same paragraph continues it
            if q.speaker.is_none()
                && q.cue.is_none()
                && let Some(prev) = out.last()
                && prev.text.split_whitespace().count() >= 4
                && let Some(sp) = &prev.speaker
                && text
                    .get(prev.end..q.start)
                    .is_some_and(|gap| gap.len() < 300 && !gap.contains('\n'))
            {
                q.speaker = Some(sp.clone());
            }
            out.push(q);
        }
    }
    let covered: Vec<Span> = runs
        .iter()
        .map(|r| Span::new(r.open, r.close_end))
        .collect();
    let mut found: Vec<QuoteMention> = Vec::new();
    for (si, s) in sentences.iter().enumerate() {
        if let Some(q) = reported(&ctx, si, s) {
            found.extend(split_second_cue(&ctx, q, s));
        }
    }
    for q in found {
        let Some(s) = ctx.sentence_of(q.start).and_then(|i| sentences.get(i)) else {
            continue;
        };
        let qs = Span::new(q.start, q.end);
        // quote marks in the sentence: only partial quotes inside the reported content
        // ("X said the alert was “too vague”") leave it standing; they are absorbed
        let lo = covered.partition_point(|c| c.end <= s.start);
        let hi = covered.partition_point(|c| c.start < s.end);
        let runs_here = covered.get(lo..hi.max(lo)).unwrap_or(&[]);
        let clash = out.iter().any(|d| {
            let ds = Span::new(d.start, d.end);
            if d.kind.as_deref() == Some("reported") {
                return ds.overlaps(&qs);
            }
            (ds.overlaps(&s.span()) || runs_here.iter().any(|r| r.contains(&ds)))
                && !(d.kind.as_deref() == Some("partial") && qs.contains(&ds))
        }) || runs_here.iter().any(|r| r.overlaps(&qs) && !qs.contains(r));
        if clash {
            continue;
        }
        out.retain(|d| {
            !(d.kind.as_deref() == Some("partial") && qs.contains(&Span::new(d.start, d.end)))
        });
        out.push(q);
    }
    for t in transcript_turns(text) {
        let ts = Span::new(t.start, t.end);
        out.retain(|d| !ts.overlaps(&Span::new(d.start, d.end)));
        out.push(t);
    }
    out.sort_by_key(|q| (q.start, q.end));
    out
}

/// Capitalised labels that head a paragraph without naming a speaker.
const NOT_SPEAKER_LABELS: &[&str] = &[
    "UPDATE",
    "UPDATED",
    "NOTE",
    "EDITOR'S NOTE",
    "CORRECTION",
    "BREAKING",
    "BREAKING NEWS",
    "WATCH",
    "READ",
    "READ MORE",
    "RELATED",
    "ALSO",
    "VIDEO",
    "PHOTOS",
    "PHOTO",
    "LIVE",
    "FACT CHECK",
    "SOURCE",
    "SOURCES",
    "WARNING",
    "TOPICS",
    "TAGS",
    "CONTACT",
    "DISCLAIMER",
    "FILE",
    "AUDIO",
    "GRAPHIC",
    "MAP",
    "TIMELINE",
    "ANALYSIS",
    "OPINION",
    "COMMENT",
    "EXCLUSIVE",
];

/// Interview transcripts: a paragraph opening with a speaker label in capitals and a
/// colon ("PENCE: Well, look, ...", "MR. TRUMP: ..."); the turn is the rest of the
/// paragraph.
fn transcript_turns(text: &str) -> Vec<QuoteMention> {
    let mut out = Vec::new();
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let line_start = pos;
        pos += line.len();
        let body = line.trim_end();
        let lead = body.len() - body.trim_start_matches([' ', '\t', '"', '\u{201C}']).len();
        let rest = body.get(lead..).unwrap_or("");
        let Some(colon) = rest.find(": ") else {
            continue;
        };
        let label = rest.get(..colon).unwrap_or("");
        let letters = label.chars().filter(|c| c.is_alphabetic()).count();
        let label_ok = (2..=30).contains(&label.len())
            && letters >= 2
            && label.split(' ').count() <= 3
            && label
                .chars()
                .all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '-' | '\''))
            && label.chars().next().is_some_and(char::is_alphabetic);
        if !label_ok || NOT_SPEAKER_LABELS.contains(&label) {
            continue;
        }
        let cs = line_start + lead + colon + 2;
        let ce = line_start + body.len();
        let Some((start, end)) = trim_content(text, cs, ce) else {
            continue;
        };
        let Some(content) = text.get(start..end) else {
            continue;
        };
        if content.split_whitespace().count() < 3 {
            continue;
        }
        let (ls, le) = (line_start + lead, line_start + lead + colon);
        out.push(QuoteMention {
            start,
            end,
            text: content.to_string(),
            speaker: text.get(ls..le).map(|t| SpeakerSpan {
                start: ls,
                end: le,
                text: t.to_string(),
                resolved: None,
            }),
            kind: Some("direct".to_string()),
            cue: Some(":".to_string()),
        });
    }
    out
}

fn direct(ctx: &Ctx, run: &Run) -> Option<QuoteMention> {
    let text = ctx.text;
    let (start, end) = trim_content(text, run.start, run.end)?;
    let content = text.get(start..end)?;
    let n_words = content.split_whitespace().count();
    let s_open = ctx.sentence_of(run.open);
    let s_close = ctx.sentence_of(run.close_end.saturating_sub(1));
    let sent_start = s_open
        .and_then(|i| ctx.sentences.get(i))
        .map(|s| s.start)
        .unwrap_or(run.open);
    let sent_end = s_close
        .and_then(|i| ctx.sentences.get(i))
        .map(|s| s.end)
        .unwrap_or(run.close_end);
    // tail: after the closing mark, up to 4 tokens to the cue
    let mut found: Option<(Found, String)> = None;
    let tail = tokens_in(ctx.tokens, Span::new(run.close_end, sent_end));
    let mut adjacent_cue = false;
    for (pos, c) in tail.clone().take(14).enumerate() {
        if !ctx.is_cue(c) {
            if matches!(ctx.word(c), "." | "!" | "?" | "\"" | "\u{201C}" | ";" | ":") {
                break;
            }
            continue;
        }
        let f = ctx
            .speaker_before(c, run.close_end)
            .or_else(|| ctx.speaker_after(c, sent_end));
        if f.is_none()
            && (pos > 3
                || matches!(
                    ctx.lower(c.wrapping_sub(1)).as_str(),
                    "and" | "but" | "while" | "or"
                ))
        {
            // a later clause ("... and said ..."): look before the quote instead
            break;
        }
        adjacent_cue = pos <= 3;
        if let Some(f) = f {
            found = Some((f, ctx.word(c).to_string()));
        } else {
            found = Some((
                Found {
                    start: 0,
                    end: 0,
                    resolved: None,
                },
                ctx.word(c).to_string(),
            ));
        }
        break;
    }
    // head: before the opening mark, the last cue of the sentence
    if found.is_none() {
        let head = tokens_in(ctx.tokens, Span::new(sent_start, run.open));
        let mut hf = None;
        for (pos, c) in head.clone().rev().enumerate() {
            if ctx.is_cue(c) {
                adjacent_cue = adjacent_cue || pos < 5;
                let f = if ctx.lower(c) == "according" {
                    ctx.according_to(c, run.open)
                } else {
                    ctx.speaker_before(c, sent_start).or_else(|| {
                        // "said the spokesman: “...”" but not "said the militia had “...”"
                        ctx.speaker_after(c, run.open).filter(|f| {
                            text.get(f.end..run.open).is_some_and(|g| {
                                g.trim().is_empty() || matches!(g.trim(), ":" | ",")
                            })
                        })
                    })
                };
                let cue = if ctx.lower(c) == "according" {
                    "according to".to_string()
                } else {
                    ctx.word(c).to_string()
                };
                hf = Some((
                    f.unwrap_or(Found {
                        start: 0,
                        end: 0,
                        resolved: None,
                    }),
                    cue,
                ));
                break;
            }
        }
        // a colon-ended sentence before the quote: "Hrytsenko said:"
        if hf.is_none()
            && head.is_empty()
            && let Some(prev) = s_open
                .and_then(|i| i.checked_sub(1))
                .and_then(|i| ctx.sentences.get(i))
            && text
                .get(prev.start..prev.end)
                .is_some_and(|t| t.trim_end().ends_with(':'))
        {
            let ph = tokens_in(ctx.tokens, prev.span());
            for c in ph.rev() {
                if ctx.is_cue(c) {
                    let f = ctx
                        .speaker_before(c, prev.start)
                        .or_else(|| ctx.speaker_after(c, prev.end));
                    hf = Some((
                        f.unwrap_or(Found {
                            start: 0,
                            end: 0,
                            resolved: None,
                        }),
                        ctx.word(c).to_string(),
                    ));
                    break;
                }
            }
        }
        found = hf;
    }
    if n_words < 4 && !adjacent_cue {
        return None;
    }
    // titles of works or outlets in quotes: every word capitalised
    if n_words < 6
        && content.split_whitespace().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
        })
        && !content.ends_with(['.', '!', '?'])
    {
        return None;
    }
    let (speaker, cue) = match found {
        Some((f, cue)) if f.end > f.start => (ctx.speaker_span(&f), Some(cue)),
        Some((_, cue)) => (None, Some(cue)),
        None => (None, None),
    };
    // embedded in a sentence: a word (not a cue) right before the opening mark
    let before = tokens_in(ctx.tokens, Span::new(sent_start, run.open));
    let partial = before.end > before.start
        && ctx
            .tokens
            .get(before.end - 1)
            .is_some_and(|t| t.kind != TokenKind::Punct)
        && !ctx.is_cue(before.end - 1);
    let kind = if partial { "partial" } else { "direct" };
    Some(QuoteMention {
        start,
        end,
        text: content.to_string(),
        speaker,
        kind: Some(kind.to_string()),
        cue,
    })
}

/// Words after a cue that are skipped before the reported content ("that", "reporters").
fn content_start_after_cue(ctx: &Ctx, c: usize, sent_end: usize) -> Option<usize> {
    let mut k = c + 1;
    let cue = ctx.lower(c);
    if matches!(cue.as_str(), "told" | "tells" | "telling") {
        // object: a pronoun, a noun or a name
        let w = ctx.lower(k);
        if matches!(
            w.as_str(),
            "reporters"
                | "journalists"
                | "parliament"
                | "lawmakers"
                | "him"
                | "her"
                | "them"
                | "us"
                | "me"
                | "police"
        ) {
            k += 1;
        } else if let Some(e) = ctx
            .tokens
            .get(k)
            .and_then(|t| ctx.entity_starting_at(t.start))
        {
            k = ctx.tokens.partition_point(|t| t.start < e.end);
        } else if let Some(j) = (k..k + 6).find(|&j| ctx.lower(j) == "that")
            && (k..j).all(|i| ctx.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word))
        {
            // "told the crowd at the gate that"
            k = j;
        } else {
            return None;
        }
    }
    // a time filler: "said Thursday night that", "said last week"
    while matches!(
        ctx.lower(k).as_str(),
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "today"
            | "yesterday"
            | "tonight"
            | "night"
            | "morning"
            | "evening"
            | "afternoon"
            | "last"
            | "this"
            | "week"
            | "month"
            | "year"
            | "recently"
            | "earlier"
            | "later"
            | "privately"
            | "publicly"
    ) && k < c + 4
    {
        // "this" may open the content itself: "said this is wrong"
        if ctx.lower(k) == "this"
            && !matches!(
                ctx.lower(k + 1).as_str(),
                "week" | "month" | "year" | "morning"
            )
        {
            break;
        }
        k += 1;
    }
    // a short prepositional phrase before a comma or "that": "in a statement that", "on Sunday,"
    let lk = ctx.lower(k);
    if matches!(
        lk.as_str(),
        "in" | "on" | "at" | "late" | "earlier" | "during" | "after" | "via"
    ) {
        let mut j = k;
        while j < k + 10 {
            let w = ctx.lower(j);
            if w == "that" || w == "," {
                k = j + 1;
                break;
            }
            if ctx.tokens.get(j).is_none_or(|t| t.end >= sent_end) || w == "." {
                return None;
            }
            j += 1;
        }
    }
    if ctx.lower(k) == "that" {
        k += 1;
    }
    if ctx.lower(k) == "," {
        k += 1;
    }
    ctx.tokens
        .get(k)
        .filter(|t| t.start < sent_end)
        .map(|t| t.start)
}

/// "X said A, adding that B": two attributions of one speaker.
fn split_second_cue(ctx: &Ctx, q: QuoteMention, s: &Sentence) -> Vec<QuoteMention> {
    let r = tokens_in(ctx.tokens, Span::new(q.start, q.end));
    let ing_after = |k: usize| {
        if matches!(
            ctx.lower(k + 1).as_str(),
            "even" | "also" | "again" | "later"
        ) {
            k + 2
        } else {
            k + 1
        }
    };
    let split = r.clone().find(|&k| {
        ctx.word(k) == ","
            && matches!(
                ctx.lower(ing_after(k)).as_str(),
                "adding"
                    | "saying"
                    | "noting"
                    | "arguing"
                    | "insisting"
                    | "warning"
                    | "claiming"
                    | "suggesting"
                    | "explaining"
                    | "stressing"
                    | "acknowledging"
                    | "asserting"
                    | "calling"
            )
    });
    let (Some(k), Some(sp)) = (split, q.speaker.as_ref()) else {
        return vec![q];
    };
    let ing = ing_after(k);
    let f = Found {
        start: sp.start,
        end: sp.end,
        resolved: sp.resolved.clone(),
    };
    let cue = q.cue.clone().unwrap_or_default();
    let first = ctx
        .tokens
        .get(k)
        .and_then(|t| make_reported(ctx, q.start, t.start, Some(&f), &cue));
    let second = content_start_after_cue(ctx, ing, s.end)
        .and_then(|cs| make_reported(ctx, cs, q.end, Some(&f), ctx.word(ing)));
    match (first, second) {
        (Some(a), Some(b)) => vec![a, b],
        _ => vec![q],
    }
}

/// Reported speech in sentence `s`: "X said (that) CONTENT", "CONTENT, X said.",
/// "CONTENT, X said, CONTENT." (the whole sentence), "according to X, CONTENT".
fn reported(ctx: &Ctx, _si: usize, s: &Sentence) -> Option<QuoteMention> {
    let r = tokens_in(ctx.tokens, s.span());
    let (lo, hi) = (r.start, r.end);
    for c in lo..hi {
        let w = ctx.lower(c);
        if w == "according" && ctx.lower(c + 1) == "to" {
            let Some(f) = ctx.according_to(c, s.end) else {
                continue;
            };
            let (cs, ce) = if c == lo || (c == lo + 1 && !matches!(ctx.word(lo), "," | ".")) {
                // "According to X, CONTENT."
                let after = ctx.tokens.partition_point(|t| t.start < f.end);
                let after = if ctx.word(after) == "," {
                    after + 1
                } else {
                    after
                };
                (ctx.tokens.get(after)?.start, s.end)
            } else {
                // "CONTENT, according to X."
                (s.start, ctx.tokens.get(c.checked_sub(1)?)?.end)
            };
            if let Some(q) = make_reported(ctx, cs, ce, Some(&f), "according to") {
                return Some(q);
            }
            continue;
        }
        // a cue is a lower-case verb ("United States" is no cue)
        if !ctx.word(c).starts_with(|ch: char| ch.is_lowercase()) {
            continue;
        }
        let strong = REPORTED_CUES.contains(&w.as_str());
        let weak = !strong && WEAK_CUES.contains(&w.as_str());
        if !strong && !weak {
            continue;
        }
        if weak
            && !matches!(
                ctx.lower(c + 1).as_str(),
                "that" | "he" | "she" | "it" | "they" | "we" | "i" | "there" | "this"
            )
        {
            continue;
        }
        // "claimed the attack": an object, not speech (but "..., X claimed." stands)
        let object_cue = OBJECT_CUES.contains(&w.as_str());
        let clause_after = !object_cue || clause_follows(ctx, c);
        // "CONTENT, X said." / "CONTENT, said X." / "CONTENT, X said, CONTENT."
        let comma_before = (lo..c).rev().take(8).find(|&k| ctx.word(k) == ",");
        // after the cue: only a short filler ("on Monday", "in a statement") up to the end
        // of the sentence or a comma; Some(true) when a comma and more words follow
        let mut rest_is_end = true;
        let mut parenthetical = false;
        for k in c + 1..hi {
            let t = ctx.lower(k);
            if matches!(t.as_str(), "." | "!" | "?" | ";") {
                break;
            }
            if t == "," {
                parenthetical = hi.saturating_sub(k) > 3;
                break;
            }
            if !matches!(
                t.as_str(),
                "on" | "in"
                    | "a"
                    | "an"
                    | "the"
                    | "statement"
                    | "late"
                    | "early"
                    | "earlier"
                    | "later"
                    | "monday"
                    | "tuesday"
                    | "wednesday"
                    | "thursday"
                    | "friday"
                    | "saturday"
                    | "sunday"
                    | "today"
                    | "yesterday"
                    | "night"
                    | "morning"
                    | "evening"
                    | "afternoon"
                    | "post"
                    | "interview"
                    | "briefing"
                    | "conference"
                    | "news"
                    | "press"
                    | "last"
                    | "this"
                    | "week"
                    | "month"
                    | "year"
                    | "recently"
                    | "also"
                    | "then"
                    | "again"
                    | "too"
            ) {
                rest_is_end = false;
                break;
            }
        }
        if strong
            && let Some(comma) = comma_before
            && let Some(comma_tok) = ctx.tokens.get(comma)
            && let Some(cue_tok) = ctx.tokens.get(c)
        {
            let f = ctx
                .speaker_before(c, comma_tok.end)
                .or_else(|| ctx.speaker_after(c, s.end))
                .or_else(|| ctx.subject_np(c, comma_tok.end));
            // inverted "CONTENT, said X.": nothing but a comma or the end after X
            let inverted_ok = |f: &Found| {
                f.start > cue_tok.start
                    && ctx.text.get(f.end..s.end).is_some_and(|r| {
                        let r = r.trim_start();
                        r.is_empty() || r.starts_with([',', '.', '!', '?', ';'])
                    })
            };
            if let Some(f) = f
                && ((rest_is_end && f.start < cue_tok.start) || inverted_ok(&f))
            {
                let ce = if parenthetical && rest_is_end {
                    s.end
                } else {
                    comma_tok.start
                };
                if let Some(q) = make_reported(ctx, s.start, ce, Some(&f), ctx.word(c)) {
                    return Some(q);
                }
            }
        }
        // "X said (that) CONTENT"
        if clause_after
            && let Some(f) = ctx
                .speaker_before(c, s.start)
                .or_else(|| ctx.subject_np(c, s.start))
            && let Some(cs) = content_start_after_cue(ctx, c, s.end)
            && let Some(q) = make_reported(ctx, cs, s.end, Some(&f), ctx.word(c))
        {
            return Some(q);
        }
    }
    None
}

/// Skips a dateline ("KHARIVSK, Doravia (MPA) - ") at the start of `[cs, ce)`.
fn skip_dateline(text: &str, cs: usize, ce: usize) -> usize {
    let Some(seg) = text.get(cs..ce) else {
        return cs;
    };
    let head: String = seg.chars().take(80).collect();
    let first_word: String = head.chars().take_while(|c| c.is_alphabetic()).collect();
    if first_word.chars().count() < 2 || !first_word.chars().all(char::is_uppercase) {
        return cs;
    }
    for dash in [
        " - ",
        " \u{2014} ",
        " \u{2013} ",
        " \u{2015} ",
        " \u{2014}",
        " \u{2013}",
    ] {
        if let Some(p) = head.find(dash) {
            return cs + p + dash.len();
        }
    }
    cs
}

fn make_reported(
    ctx: &Ctx,
    cs: usize,
    ce: usize,
    f: Option<&Found>,
    cue: &str,
) -> Option<QuoteMention> {
    let cs = skip_dateline(ctx.text, cs, ce);
    let (start, end) = trim_content(ctx.text, cs, ce)?;
    let seg = ctx.text.get(start..end)?;
    let seg_trim = seg.trim_end_matches(['.', '!', '?', ' ']);
    let end = start + seg_trim.len();
    let content = ctx.text.get(start..end)?;
    if content.split_whitespace().count() < 3 {
        return None;
    }
    let speaker = f.and_then(|f| ctx.speaker_span(f));
    speaker.as_ref()?;
    Some(QuoteMention {
        start,
        end,
        text: content.to_string(),
        speaker,
        kind: Some("reported".to_string()),
        cue: Some(cue.to_string()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{entities, sentences, tokens};

    fn quotes(t: &str) -> Vec<QuoteMention> {
        let s = sentences::split(t);
        let k = tokens::tokenize(t);
        let e = entities::recognize(t, &s, &k);
        extract(t, &s, &k, &e)
    }

    #[test]
    fn possessive_its_takes_the_nearest_country_or_body() {
        let t = "Marvania rejected the accusation. Its foreign ministry insisted the militia had \u{201c}acted alone\u{201d} and said Marvania condemned any attack.";
        let q = quotes(t);
        let found = q.iter().find(|q| q.text.contains("acted alone"));
        let speaker = found.and_then(|q| q.speaker.as_ref());
        assert_eq!(
            speaker.map(|s| s.text.as_str()),
            Some("Its foreign ministry"),
            "{q:?}"
        );
        assert_eq!(
            speaker.and_then(|s| s.resolved.as_deref()),
            Some("Marvania\u{2019}s foreign ministry")
        );
    }

    #[test]
    fn direct_quote_with_speaker_after() {
        let t = "“We will find those responsible and punish them,” Interior Minister Irina Voloshyna said on Sunday.";
        let q = quotes(t);
        assert_eq!(q.len(), 1);
        let q0 = &q[0];
        assert_eq!(q0.text, "We will find those responsible and punish them");
        assert_eq!(
            q0.speaker.as_ref().map(|s| s.text.as_str()),
            Some("Irina Voloshyna")
        );
        assert_eq!(q0.kind.as_deref(), Some("direct"));
        assert_eq!(q0.cue.as_deref(), Some("said"));
    }

    #[test]
    fn speaker_two_sentences_away_resolved() {
        let t = "SSB spokesman Dmytro Hrytsenko spoke to reporters in Kharivsk. The bureau had received a warning on June 1. \"The alert was too vague to act on,\" he said.";
        let q = quotes(t);
        assert_eq!(q.len(), 1);
        let sp = q[0].speaker.as_ref();
        assert_eq!(sp.map(|s| s.text.as_str()), Some("he"));
        assert_eq!(
            sp.and_then(|s| s.resolved.as_deref()),
            Some("Dmytro Hrytsenko")
        );
        let s = sp.map(|s| (s.start, s.end)).unwrap_or((0, 0));
        assert_eq!(t.get(s.0..s.1), Some("he"));
    }

    #[test]
    fn ambiguous_pronoun_gives_no_speaker() {
        let t = "Marek Kowal met Dmytro Hrytsenko. \"We talked for a long time,\" he said.";
        let q = quotes(t);
        assert_eq!(q.len(), 1);
        // the pronoun is the speaker span, left unresolved
        let sp = q[0].speaker.as_ref();
        assert_eq!(sp.map(|s| s.text.as_str()), Some("he"));
        assert!(sp.is_some_and(|s| s.resolved.is_none()));
    }

    #[test]
    fn scare_quotes_are_not_quotes() {
        let t = "The so-called \"peace plan\" was dropped. The ministry said the alert was “too vague”.";
        let q = quotes(t);
        assert!(q.iter().all(|q| q.text != "peace plan"));
        // the partial quote is absorbed by the reported clause around it
        assert!(q.iter().any(|q| q.text == "the alert was “too vague”"
            && q.kind.as_deref() == Some("reported")
            && q.speaker.as_ref().is_some_and(|s| s.text == "The ministry")));
        assert!(q.iter().all(|q| q.text != "too vague"));
    }

    #[test]
    fn partial_quote_without_reported_clause() {
        let t = "Voloshyna called the attack “a cowardly act of terror” on Sunday.";
        let q = quotes(t);
        let p = q.iter().find(|q| q.text == "a cowardly act of terror");
        assert_eq!(p.and_then(|q| q.kind.as_deref()), Some("partial"), "{q:?}");
    }

    #[test]
    fn double_apostrophe_quotes() {
        let t = "''This isn't tax reform,'' said Douglas Holtz-Eakin, an economist.";
        let q = quotes(t);
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].text, "This isn't tax reform");
        assert_eq!(q[0].kind.as_deref(), Some("direct"));
    }

    #[test]
    fn reported_speech_variants() {
        let t = "Hrytsenko argued that the warning had come far too late. But to prevent attacks, he said, the police must guard every hall. Polls show that most residents trust the bureau. The weather was cold all week.";
        let q = quotes(t);
        let texts: Vec<&str> = q.iter().map(|q| q.text.as_str()).collect();
        assert!(
            texts.contains(&"the warning had come far too late"),
            "{texts:?}"
        );
        assert!(
            texts.contains(&"But to prevent attacks, he said, the police must guard every hall"),
            "{texts:?}"
        );
        assert!(
            texts.contains(&"most residents trust the bureau"),
            "{texts:?}"
        );
        assert!(texts.iter().all(|t| !t.contains("weather")));
        let polls = q.iter().find(|q| q.text.starts_with("most residents"));
        assert_eq!(
            polls
                .and_then(|q| q.speaker.as_ref())
                .map(|s| s.text.as_str()),
            Some("Polls")
        );
        assert!(q.iter().all(|q| q.kind.as_deref() == Some("reported")));
    }

    #[test]
    fn transcript_turns_have_speakers() {
        let t = "WALLACE: Do you see the two as equivalent in any way?\nPENCE: Well, look, the question is a different one.\nUPDATE: The toll rose to 64 on Tuesday.";
        let q = quotes(t);
        let spk: Vec<(&str, Option<&str>)> = q
            .iter()
            .map(|q| (q.text.as_str(), q.speaker.as_ref().map(|s| s.text.as_str())))
            .collect();
        assert!(
            spk.contains(&(
                "Do you see the two as equivalent in any way?",
                Some("WALLACE")
            )),
            "{spk:?}"
        );
        assert!(
            spk.contains(&(
                "Well, look, the question is a different one.",
                Some("PENCE")
            )),
            "{spk:?}"
        );
        assert!(
            q.iter()
                .all(|q| q.speaker.as_ref().is_none_or(|s| s.text != "UPDATE"))
        );
    }

    #[test]
    fn adding_gives_a_second_attribution() {
        let t = "Voloshyna said the bomb had been planted on Friday, adding that the police had found the detonator.";
        let q = quotes(t);
        let texts: Vec<&str> = q.iter().map(|q| q.text.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                "the bomb had been planted on Friday",
                "the police had found the detonator"
            ]
        );
        assert!(
            q.iter()
                .all(|q| q.speaker.as_ref().is_some_and(|s| s.text == "Voloshyna"))
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]
        #[test]
        fn spans_round_trip_on_cue_soup(words in proptest::collection::vec(proptest::prop_oneof![
            proptest::strategy::Just("said"), proptest::strategy::Just("''"), proptest::strategy::Just("\""),
            proptest::strategy::Just("“"), proptest::strategy::Just("”"), proptest::strategy::Just("who"),
            proptest::strategy::Just(","), proptest::strategy::Just("("), proptest::strategy::Just(")"),
            proptest::strategy::Just("PENCE:"), proptest::strategy::Just("adding"), proptest::strategy::Just("that"),
            proptest::strategy::Just("Irina Voloshyna"), proptest::strategy::Just("he"), proptest::strategy::Just("told"),
            proptest::strategy::Just("officials"), proptest::strategy::Just("Thursday"), proptest::strategy::Just("."),
            proptest::strategy::Just("\n"), proptest::strategy::Just("according to"), proptest::strategy::Just("é"),
            proptest::strategy::Just("claimed"), proptest::strategy::Just("the"), proptest::strategy::Just("had"),
        ], 0..50)) {
            let t = words.join(" ");
            for q in quotes(&t) {
                proptest::prop_assert_eq!(t.get(q.start..q.end), Some(q.text.as_str()));
                if let Some(sp) = &q.speaker {
                    proptest::prop_assert_eq!(t.get(sp.start..sp.end), Some(sp.text.as_str()));
                }
            }
        }
    }

    #[test]
    fn thinking_verb_needs_a_clause() {
        let t = "Hrytsenko knew the building well from his childhood.";
        assert!(quotes(t).is_empty());
    }

    #[test]
    fn multi_paragraph_quote() {
        let t = "Hrytsenko said: “The bomb was hidden in the foyer.\n\n“We are checking every camera in the building.”\n\nNothing else.";
        let q = quotes(t);
        assert_eq!(q.len(), 1);
        assert!(q[0].text.starts_with("The bomb"));
        assert!(q[0].text.ends_with("building."));
        assert_eq!(
            q[0].speaker.as_ref().map(|s| s.text.as_str()),
            Some("Hrytsenko")
        );
    }

    #[test]
    fn continued_quote_keeps_speaker() {
        let t = "\"My daughter was in the second row,\" said Oksana Melnyk, a teacher. \"Ten minutes later I heard the news.\"\n\n\"Nobody knows why it happened.\"";
        let q = quotes(t);
        assert_eq!(q.len(), 3);
        assert_eq!(
            q[1].speaker.as_ref().map(|s| s.text.as_str()),
            Some("Oksana Melnyk")
        );
        assert!(q[2].speaker.is_none());
    }

    #[test]
    fn reported_speech() {
        let t = "Voloshyna said that Marvania had trained the bombers. The toll rose to 64 overnight, the ministry said. According to the State Security Bureau, the warning came too late.";
        let q = quotes(t);
        let texts: Vec<&str> = q.iter().map(|q| q.text.as_str()).collect();
        assert!(
            texts.contains(&"Marvania had trained the bombers"),
            "{texts:?}"
        );
        assert!(
            texts.contains(&"The toll rose to 64 overnight"),
            "{texts:?}"
        );
        assert!(texts.contains(&"the warning came too late"), "{texts:?}");
        assert!(q.iter().all(|q| q.kind.as_deref() == Some("reported")));
        let acc = q.iter().find(|q| q.cue.as_deref() == Some("according to"));
        assert_eq!(
            acc.and_then(|q| q.speaker.as_ref())
                .map(|s| s.text.as_str()),
            Some("the State Security Bureau")
        );
    }

    #[test]
    fn quote_before_cue_with_colon() {
        let t = "In a post on Telegram, the Northern Liberation Front wrote: \"We struck the hall and we will strike again.\"";
        let q = quotes(t);
        assert_eq!(q.len(), 1);
        assert_eq!(
            q[0].speaker.as_ref().map(|s| s.text.as_str()),
            Some("Northern Liberation Front")
        );
        assert_eq!(q[0].cue.as_deref(), Some("wrote"));
    }
}
