//! Finding the speaker of a quote: the shared context, speaker noun phrases around a
//! cue, and pronoun resolution.

use super::*;

/// Whether `w` can head a speaker phrase, and whether it names a person (true) or a body:
/// the built-in speaker nouns, then role nouns ("senator") and organisation heads
/// ("committee") of the gazetteer.
pub(super) fn speaker_noun(w: &str) -> Option<bool> {
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
pub(super) type SurnameMap = std::collections::HashMap<String, Vec<(String, Option<String>)>>;

/// Context shared by the extraction steps.
pub(super) struct Ctx<'a> {
    pub(super) text: &'a str,
    pub(super) sentences: &'a [Sentence],
    pub(super) tokens: &'a [Token],
    pub(super) entities: &'a [EntityMention],
    /// Speakers named so far: (byte, name), for "he said" after a quote by the same person.
    pub(super) last_speakers: std::cell::RefCell<Vec<(usize, String)>>,
    /// Full person names by surname, with their titles (built on first use).
    pub(super) by_surname: std::cell::OnceCell<SurnameMap>,
    /// Every person name of the document (built on first use).
    pub(super) people: std::cell::OnceCell<std::collections::HashSet<String>>,
    /// Quoted runs, marks included, in text order.
    pub(super) runs: Vec<Span>,
}

impl<'a> Ctx<'a> {
    pub(super) fn word(&self, k: usize) -> &'a str {
        self.tokens.get(k).map(|t| t.text(self.text)).unwrap_or("")
    }

    pub(super) fn lower(&self, k: usize) -> String {
        self.word(k).to_lowercase()
    }

    /// Index of the token starting at byte `start`.
    pub(super) fn token_at(&self, start: usize) -> Option<usize> {
        let i = self.tokens.partition_point(|t| t.start < start);
        self.tokens.get(i).filter(|t| t.start == start).map(|_| i)
    }

    /// Entities ending at or before byte `at` (sorted by start, so a prefix is a bound).
    pub(super) fn entities_before(&self, at: usize) -> &'a [EntityMention] {
        let i = self.entities.partition_point(|e| e.start < at);
        self.entities.get(..i).unwrap_or(&[])
    }

    pub(super) fn sentence_of(&self, byte: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= byte);
        self.sentences.get(i).filter(|s| s.start <= byte).map(|_| i)
    }

    pub(super) fn entity_ending_at(&self, end: usize) -> Option<&'a EntityMention> {
        let i = self.entities.partition_point(|e| e.end < end);
        self.entities.get(i).filter(|e| e.end == end)
    }

    pub(super) fn entity_starting_at(&self, start: usize) -> Option<&'a EntityMention> {
        let i = self.entities.partition_point(|e| e.start < start);
        self.entities.get(i).filter(|e| e.start == start)
    }

    pub(super) fn name_of(e: &EntityMention) -> String {
        e.canonical.clone().unwrap_or_else(|| e.text.clone())
    }

    /// Resolves a pronoun or nominal at byte `at` to a PER (person) or ORG mention
    /// within the last three sentences; None when ambiguous.
    pub(super) fn resolve(&self, at: usize, word: &str, person: Option<bool>) -> Option<String> {
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

    /// Whether token `j` is the period of an abbreviation: attached to a short capitalised
    /// word ("Ala.", "Calif.").
    pub(super) fn abbreviation_period(&self, j: usize) -> bool {
        self.word(j) == "."
            && j.checked_sub(1).is_some_and(|p| {
                let a = self.word(p);
                a.len() <= 5
                    && a.starts_with(char::is_uppercase)
                    && self
                        .tokens
                        .get(p)
                        .zip(self.tokens.get(j))
                        .is_some_and(|(x, y)| x.end == y.start)
            })
    }

    /// The speaker right before token `c` (a cue), not before byte `floor`.
    pub(super) fn speaker_before(&self, c: usize, floor: usize) -> Option<Found> {
        // "X issued a statement saying ...": a gerund after a noun phrase that is no name
        // belongs to the subject of the clause
        if self.lower(c).ends_with("ing")
            && self.word(c).starts_with(char::is_lowercase)
            && let Some(p) = c.checked_sub(1)
            && self
                .tokens
                .get(p)
                .is_some_and(|t| t.kind == TokenKind::Word)
            && !PRONOUNS.contains(&self.lower(p).as_str())
            && !self
                .tokens
                .get(p)
                .is_some_and(|t| self.entity_ending_at(t.end).is_some_and(speaks))
        {
            // "..., but they could not resist pointing out that": a nearer pronoun subject
            // and its verbs, with no comma or clause word between
            let near = (c.saturating_sub(6)..c).rev().find(|&j| {
                matches!(self.lower(j).as_str(), "he" | "she" | "they" | "we" | "i")
                    && self.word(j + 1).starts_with(char::is_lowercase)
                    && (self.verb_like(j + 1) || self.adverb(j + 1))
                    && (j + 1..c).all(|i| {
                        self.tokens
                            .get(i)
                            .is_some_and(|t| t.kind == TokenKind::Word)
                            && !CLAUSE_WORDS.contains(&self.lower(i).as_str())
                    })
            });
            if let Some(j) = near
                && let Some(t) = self.tokens.get(j)
                && t.start >= floor
            {
                let w = self.lower(j);
                let resolved = if matches!(w.as_str(), "he" | "she") {
                    self.resolve(t.start, &w, None)
                } else {
                    None
                };
                return Some(Found {
                    start: t.start,
                    end: t.end,
                    resolved,
                });
            }
            return self.clause_subject(c).filter(|f| {
                self.tokens
                    .get(floor_token(self, floor))
                    .is_some_and(|t| f.start >= t.start)
            });
        }
        let mut k = c.checked_sub(1)?;
        // adverbs: "he also said", "Hrytsenko later told"
        let mut skipped = 0;
        while skipped < 2 && self.adverb(k) {
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
                && speaks(e)
                && e.start >= floor
            {
                return Some(Found::of(e));
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
                if matches!(self.word(j), "." | "\"" | "\u{201D}" | "\u{201C}")
                    && !self.abbreviation_period(j)
                {
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
                return Some(Found::of(e));
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
                // ("Huntsville, Ala., says": the period of an abbreviation stays)
                if matches!(w, "." | "\"" | "\u{201D}" | "\u{201C}" | ";" | ":")
                    && !self.abbreviation_period(j)
                {
                    return None;
                }
                if w != "," {
                    continue;
                }
                let next = self.word(j + 1);
                let opens_apposition = next.starts_with(char::is_lowercase)
                    || next.starts_with(|c: char| c.is_ascii_digit())
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
                    && speaks(e)
                    && e.start >= floor
                    // (not a place in the appositive: "Lena Park, 41, of Tulsa, Okla., says")
                    && !self.token_at(e.start).and_then(|i| i.checked_sub(1)).is_some_and(|p| {
                        matches!(self.lower(p).as_str(), "of" | "from" | "in")
                    })
                {
                    return Some(Found::of(e));
                }
            }
            return None;
        }
        if let Some(e) = self.entity_ending_at(t.end)
            && matches!(e.kind, EntityType::PER | EntityType::ORG | EntityType::LOC)
            && e.start >= floor
        {
            // "Officials in Kharivsk say": the place ends a longer noun phrase
            let before = self.token_at(e.start).and_then(|i| i.checked_sub(1));
            if before.is_some_and(|b| {
                matches!(self.lower(b).as_str(), "in" | "of" | "from" | "at" | "for")
                    && self.tokens.get(b).is_some_and(|t| t.start >= floor)
            }) {
                return self
                    .any_subject(c, floor)
                    .filter(|f| f.start < e.start)
                    .or_else(|| (e.kind != EntityType::LOC).then(|| Found::of(e)));
            }
            return Some(Found::of(e));
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
        // "a spokesperson" is someone new: no resolution
        let indefinite = matches!(self.lower(start_tok).as_str(), "a" | "an");
        let mut resolved = if indefinite {
            None
        } else {
            self.resolve(t.start, &lw, Some(person))
        };
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
    pub(super) fn subject_np(&self, c: usize, floor: usize) -> Option<Found> {
        let mut first = self.tokens.partition_point(|t| t.start < floor);
        if matches!(
            self.lower(first).as_str(),
            "but" | "and" | "so" | "yet" | "still"
        ) {
            first += 1;
        }
        let mut last = c.checked_sub(1)?;
        let mut skipped = 0;
        while skipped < 3 && last > first && self.adverb(last) {
            last -= 1;
            skipped += 1;
        }
        if last < first
            || last - first > 9
            || matches!(self.lower(last).as_str(), "and" | "but")
            || matches!(
                self.lower(first).as_str(),
                "of" | "in" | "on" | "at" | "for" | "from" | "with" | "by" | "to"
            )
        {
            return None;
        }
        // a verb inside: a clause, not a noun phrase ("Lopez thanked the rescuers and")
        if (first..last).any(|k| self.verb_with_object(k) && !self.reduced_participle(k)) {
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
                && (speaker_noun(&w).is_some() || self.entity_ending_at(t.end).is_some_and(speaks))
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

    /// Whether token `k` is an adverb: a listed one ("also", "later") or a lower-case
    /// word in "-ly" ("traditionally", "repeatedly"; not "only", "rally", "family").
    pub(super) fn adverb(&self, k: usize) -> bool {
        let w = self.word(k);
        let lw = w.to_lowercase();
        ADVERBS.contains(&lw.as_str())
            || (w.starts_with(char::is_lowercase)
                && lw.len() > 5
                && lw.ends_with("ly")
                && !matches!(
                    lw.as_str(),
                    "family"
                        | "rally"
                        | "supply"
                        | "reply"
                        | "assembly"
                        | "italy"
                        | "july"
                        | "anomaly"
                        | "monopoly"
                        | "ally"
                        | "early"
                        | "elderly"
                        | "weekly"
                        | "monthly"
                        | "daily"
                        | "friendly"
                        | "likely"
                        | "unlikely"
                        | "lonely"
                        | "costly"
                        | "holy"
                ))
    }

    /// Whether token `k` looks like a finite verb or an auxiliary (a word of the cue lists,
    /// an auxiliary, or a lower-case word ending in "ed").
    pub(super) fn verb_like(&self, k: usize) -> bool {
        let w = self.word(k);
        if !w.starts_with(char::is_lowercase) {
            return false;
        }
        let lw = w.to_lowercase();
        (lw.len() > 4 && lw.ends_with("ed"))
            || AUXILIARIES.contains(&lw.as_str())
            || cue_class(&lw).is_some()
            || IRREGULAR_PAST.contains(&lw.as_str())
    }

    /// Whether token `k` is a participle that opens a reduced relative clause in a subject
    /// ("People briefed on the move said", "officials involved in the talks said"): one of
    /// a few such participles, before a preposition.
    pub(super) fn reduced_participle(&self, k: usize) -> bool {
        matches!(
            self.lower(k).as_str(),
            "briefed"
                | "involved"
                | "quoted"
                | "cited"
                | "interviewed"
                | "polled"
                | "surveyed"
                | "questioned"
                | "contacted"
                | "based"
                | "employed"
                | "connected"
                | "linked"
                | "allied"
                | "aligned"
                | "affiliated"
                | "associated"
                | "assigned"
                | "stationed"
        ) && matches!(
            self.lower(k + 1).as_str(),
            "on" | "in" | "by" | "with" | "about" | "at" | "for" | "from" | "to"
        )
    }

    /// Whether token `k` is a verb with an object right after it ("thanked the rescuers",
    /// "seems to"), as opposed to a participle used as an adjective ("unnamed officials").
    pub(super) fn verb_with_object(&self, k: usize) -> bool {
        self.verb_like(k)
            && matches!(
                self.lower(k + 1).as_str(),
                "the"
                    | "a"
                    | "an"
                    | "his"
                    | "her"
                    | "their"
                    | "its"
                    | "our"
                    | "my"
                    | "him"
                    | "them"
                    | "it"
                    | "to"
                    | "that"
                    | "this"
                    | "these"
                    | "those"
                    | "on"
                    | "in"
                    | "at"
                    | "by"
                    | "with"
                    | "for"
                    | "from"
                    | "about"
                    | "as"
            )
    }

    /// Any subject noun phrase right before the cue `c` (after adverbs and auxiliaries),
    /// back to `floor`, a comma, a clause word or a quote mark: "Thirty percent said",
    /// "A person familiar with the plans says", "Fields said". For verb-phrase
    /// coordination ("X thanked Miami and said", "X imposed a sentence, saying") the
    /// subject of the sentence. Precision comes from the cue: only core speech verbs
    /// before a clause use it.
    pub(super) fn any_subject(&self, c: usize, floor: usize) -> Option<Found> {
        let mut k = c.checked_sub(1)?;
        let mut skipped = 0;
        while skipped < 6
            && (self.adverb(k)
                || AUXILIARIES.contains(&self.lower(k).as_str())
                || self.lower(k) == "not"
                // "is continuing to insist", "went on to say": a catenative verb and "to"
                || (self.lower(k) == "to"
                    && k.checked_sub(1).is_some_and(|p| {
                        matches!(
                            self.lower(p).as_str(),
                            "continuing" | "continued" | "continues" | "continue" | "began"
                                | "begins" | "begin" | "tried" | "tries" | "try" | "trying"
                                | "went" | "go" | "goes" | "going" | "used" | "chose" | "seemed"
                                | "seems" | "appeared" | "appears" | "wanted" | "wants"
                        ) || (self.lower(p) == "on"
                            && matches!(self.lower(p.saturating_sub(1)).as_str(), "went" | "goes" | "go"))
                    })))
        {
            if self.lower(k) == "to" {
                k = k.checked_sub(1)?;
                if self.lower(k) == "on" {
                    k = k.checked_sub(1)?;
                }
            }
            k = k.checked_sub(1)?;
            skipped += 1;
        }
        if self.tokens.get(k).is_none_or(|t| t.start < floor) {
            return None;
        }
        let lk = self.lower(k);
        let gerund = self.lower(c).ends_with("ing");
        if matches!(lk.as_str(), "and" | "but")
            || (gerund && matches!(lk.as_str(), "," | "\u{2013}" | "\u{2014}" | "-" | "--"))
        {
            return self.clause_subject(c);
        }
        // "declined to say", "by arguing": no subject here
        if gerund {
            return None;
        }
        // "who said", "which argued": the relative pronoun is the span (as in PolNeAR)
        if matches!(lk.as_str(), "who" | "which") {
            let t = self.tokens.get(k)?;
            // ("Actor Who Endorsed X Called Y": a title-case headline's relative pronoun
            // is no speaker)
            if self.word(k).starts_with(char::is_uppercase)
                && self
                    .sentence_of(t.start)
                    .and_then(|i| self.sentences.get(i))
                    .is_some_and(|s| s.start < t.start)
            {
                return None;
            }
            return Some(Found {
                start: t.start,
                end: t.end,
                resolved: None,
            });
        }
        // an appositive closed by a comma: "Rep. Tom Cole of Oklahoma, an ally of the
        // leadership, said": the noun phrase before the first comma of the clause
        if lk == "," {
            // a participle after a comma ("The bombing, blamed on ...") is no speech
            if !SPEECH_CORE.contains(&self.lower(c).as_str()) {
                return None;
            }
            let lo = self.tokens.partition_point(|t| t.start < floor);
            let mut start = lo;
            // a fronted phrase first: "On Monday, ..."
            if matches!(
                self.lower(start).as_str(),
                "on" | "in"
                    | "at"
                    | "after"
                    | "before"
                    | "during"
                    | "earlier"
                    | "later"
                    | "last"
                    | "today"
                    | "yesterday"
                    | "still"
                    | "but"
                    | "and"
                    | "meanwhile"
            ) && let Some(cm) = (start + 1..k).take(8).find(|&j| self.word(j) == ",")
            {
                start = cm + 1;
            }
            let comma = (start..k).find(|&j| self.word(j) == ",")?;
            if comma == start || comma - start > 10 {
                return None;
            }
            if (start..comma).any(|j| {
                let w = self.lower(j);
                self.verb_like(j)
                    || CLAUSE_WORDS.contains(&w.as_str())
                    || w == "to"
                    || matches!(
                        self.word(j),
                        "." | "\"" | "\u{201C}" | "\u{201D}" | ":" | ";"
                    )
            }) || (comma..k).any(|j| {
                matches!(
                    self.word(j),
                    "." | "\"" | "\u{201C}" | "\u{201D}" | ":" | ";"
                ) && !self.abbreviation_period(j)
            }) {
                return None;
            }
            let fw = self.word(start);
            if !fw.starts_with(char::is_uppercase) && !fw.starts_with(|c: char| c.is_ascii_digit())
            {
                return None;
            }
            return Some(Found {
                start: self.tokens.get(start)?.start,
                end: self.tokens.get(comma - 1)?.end,
                resolved: None,
            });
        }
        // "were more likely to say", "declined to say": the subject of the main verb
        if lk == "to" {
            k = k.checked_sub(1)?;
            let mut n = 0;
            while n < 3
                && self.word(k).starts_with(char::is_lowercase)
                && self
                    .tokens
                    .get(k)
                    .is_some_and(|t| t.kind == TokenKind::Word)
                && !CLAUSE_WORDS.contains(&self.lower(k).as_str())
                && !PRONOUNS.contains(&self.lower(k).as_str())
                && (self.verb_like(k)
                    || matches!(
                        self.lower(k).as_str(),
                        "likely"
                            | "more"
                            | "less"
                            | "most"
                            | "least"
                            | "willing"
                            | "able"
                            | "unable"
                            | "eager"
                            | "quick"
                            | "ready"
                            | "unlikely"
                            | "going"
                    ))
            {
                let verb = self.verb_like(k) && !AUXILIARIES.contains(&self.lower(k).as_str());
                k = k.checked_sub(1)?;
                n += 1;
                if verb {
                    break;
                }
            }
            while AUXILIARIES.contains(&self.lower(k).as_str())
                || self.adverb(k)
                || self.lower(k) == "not"
            {
                k = k.checked_sub(1)?;
            }
            if self
                .tokens
                .get(k)
                .is_none_or(|t| t.start < floor || t.kind != TokenKind::Word)
            {
                return None;
            }
            if PRONOUNS.contains(&self.lower(k).as_str()) {
                let t = self.tokens.get(k)?;
                return Some(Found {
                    start: t.start,
                    end: t.end,
                    resolved: None,
                });
            }
        }
        let last = k;
        let mut first = k;
        loop {
            let t = self.tokens.get(first)?;
            let w = self.word(first);
            let lw = w.to_lowercase();
            let possessive = w.starts_with(['\'', '\u{2019}']);
            if t.kind == TokenKind::Punct && !possessive && !matches!(w, "-" | "." | "&" | "%") {
                first += 1;
                break;
            }
            // "More than 4 in 10 said": "than" after a comparative stays in the phrase
            let comparative = lw == "than"
                && first
                    .checked_sub(1)
                    .is_some_and(|p| matches!(self.lower(p).as_str(), "more" | "less" | "fewer"));
            if (CLAUSE_WORDS.contains(&lw.as_str()) && !comparative)
                || AUXILIARIES.contains(&lw.as_str())
                || matches!(lw.as_str(), "and" | "or")
            {
                first += 1;
                break;
            }
            // a verb inside: not a plain noun phrase ("Clinton seems to", "endorsed him");
            // "close to the talks", "briefed on the move" stay in the phrase
            let adjective_to = lw == "to"
                && first.checked_sub(1).is_some_and(|p| {
                    matches!(
                        self.lower(p).as_str(),
                        "close"
                            | "closest"
                            | "loyal"
                            | "near"
                            | "opposed"
                            | "friendly"
                            | "sympathetic"
                    ) || self.reduced_participle(p)
                });
            if last - first > 10
                || (lw == "to" && !adjective_to)
                || (self.verb_with_object(first) && !self.reduced_participle(first))
            {
                return None;
            }
            match first.checked_sub(1) {
                Some(p) if self.tokens.get(p).is_some_and(|t| t.start >= floor) => first = p,
                _ => break,
            }
        }
        if first > last {
            return None;
        }
        let fw = self.lower(first);
        if matches!(
            fw.as_str(),
            "of" | "in" | "on" | "at" | "for" | "from" | "with" | "by" | "to"
        ) || PRONOUN_OBJECTS.contains(&fw.as_str())
        {
            return None;
        }
        // a trailing time phrase is no part of the speaker: "the ministry on Monday said"
        let mut last = last;
        while last > first
            && is_time_word(&self.lower(last))
            && (self.word(last).starts_with(char::is_uppercase)
                || matches!(
                    self.lower(last).as_str(),
                    "week" | "month" | "year" | "night"
                ))
        {
            last -= 1;
            while last > first
                && matches!(
                    self.lower(last).as_str(),
                    "on" | "last" | "this" | "in" | "the"
                )
            {
                last -= 1;
            }
        }
        // a lone lower-case word is no subject ("it said" is handled elsewhere), nor a
        // time phrase ("last week said")
        if first == last && self.word(first).starts_with(char::is_lowercase)
            || (first..=last).all(|j| is_time_word(&self.lower(j)))
            || !self.plain_np(first, last)
        {
            return None;
        }
        Some(Found {
            start: self.tokens.get(first)?.start,
            end: self.tokens.get(last)?.end,
            resolved: None,
        })
    }

    /// Whether tokens `first..=last` can be a plain noun phrase: no gerund or participle
    /// ("taking pains", "Making the rounds"), not opened by "it"/"there"/"this", not
    /// closed by a preposition or determiner ("full of").
    pub(super) fn plain_np(&self, first: usize, last: usize) -> bool {
        let fw = self.lower(first);
        let lw = self.lower(last);
        // a noun in "-ing" after a determiner ("Another ranking", "the ruling") or before a
        // plural noun it modifies ("Hacking specialists", "polling firms") is no gerund
        let noun_ing = |j: usize| {
            (first..j).any(|i| {
                matches!(
                    self.lower(i).as_str(),
                    "a" | "an"
                        | "the"
                        | "another"
                        | "this"
                        | "his"
                        | "her"
                        | "its"
                        | "their"
                        | "our"
                        | "each"
                        | "every"
                )
            }) || (j < last && {
                let n = self.lower(j + 1);
                n.len() > 3
                    && n.ends_with('s')
                    && !n.ends_with("ss")
                    && self.word(j + 1).starts_with(char::is_lowercase)
                    && self
                        .tokens
                        .get(j + 1)
                        .is_some_and(|t| t.kind == TokenKind::Word)
            })
        };
        !(first..=last).any(|j| {
            let w = self.lower(j);
            w.len() > 4
                && w.ends_with("ing")
                && !matches!(w.as_str(), "king" | "viking")
                && !noun_ing(j)
        }) && !matches!(
            fw.as_str(),
            "it" | "there" | "this" | "that" | "what" | "it’s" | "it's" | "-" | "—"
        ) && !matches!(
            lw.as_str(),
            "of" | "in"
                | "on"
                | "at"
                | "for"
                | "from"
                | "with"
                | "by"
                | "to"
                | "the"
                | "a"
                | "an"
                | "about"
                | "and"
                | "or"
        )
    }

    /// The subject of the clause holding token `c`: after "But", "And" and a fronted
    /// phrase closed by a comma ("On Monday, ..."), up to the first verb; a PER/ORG
    /// mention or pronoun opening it is enough.
    pub(super) fn clause_subject(&self, c: usize) -> Option<Found> {
        let si = self.sentence_of(self.tokens.get(c)?.start)?;
        let s = self.sentences.get(si)?;
        let mut k = self.tokens.partition_point(|t| t.start < s.start);
        // "For that she drew his ire - he called her “weak” and said ...": the clause after
        // the last dash, semicolon or colon
        // (not a participle right after the dash: "X changed course – saying ...")
        if let Some(d) = (k..c.saturating_sub(1)).rev().find(|&j| {
            matches!(
                self.word(j),
                "-" | "\u{2014}" | "\u{2013}" | "--" | ";" | ":"
            ) && !self.in_run(j)
                && self
                    .tokens
                    .get(j)
                    .zip(self.tokens.get(j + 1))
                    .is_some_and(|(t, n)| n.start > t.end)
        }) {
            k = d + 1;
        }
        if matches!(
            self.lower(k).as_str(),
            "but" | "and" | "so" | "yet" | "still" | "however" | "meanwhile"
        ) {
            k += 1;
            if self.word(k) == "," {
                k += 1;
            }
        }
        // a fronted phrase: "On Monday, ...", "In a statement, ..."
        let lk = self.lower(k);
        if matches!(
            lk.as_str(),
            "on" | "in"
                | "at"
                | "after"
                | "before"
                | "during"
                | "earlier"
                | "later"
                | "last"
                | "today"
                | "yesterday"
                | "now"
                | "then"
                | "since"
                | "for"
                | "as"
        ) && let Some(comma) = (k + 1..k + 8)
            .take_while(|&j| j < c)
            .find(|&j| self.word(j) == ",")
        {
            k = comma + 1;
        }
        // a fronted clause or phrase of another kind ("When asked whom she supported,
        // Ruiz smiled and said", "Back on American soil, he returned to ..."): the
        // subject after its first comma, a name or a pronoun
        let after_comma = (k + 1..(k + 15).min(c))
            .find(|&j| self.word(j) == "," && !self.in_run(j))
            .filter(|&j| {
                // (not a comma closing a person's name, "Rep. Ed Markey, D-Mass., said":
                // an appositive; nor a possessor, "Orozco's attorneys", nor a name
                // opening an appositive)
                let after_name = self
                    .tokens
                    .get(j.wrapping_sub(1))
                    .and_then(|t| self.entity_ending_at(t.end))
                    .is_some_and(|e| e.kind == EntityType::PER);
                let w = self.lower(j + 1);
                !after_name
                    && (matches!(w.as_str(), "he" | "she" | "they")
                        || self
                            .tokens
                            .get(j + 1)
                            .and_then(|t| self.entity_starting_at(t.start))
                            .filter(|e| {
                                let next = self.tokens.partition_point(|t| t.start < e.end);
                                !matches!(self.word(next), "'s" | "’s" | "'" | "’" | ",")
                            })
                            .is_some_and(speaks))
            });
        self.subject_from(k, c)
            .or_else(|| self.subject_from(after_comma? + 1, c))
    }

    /// The subject noun phrase opening at token `k` of a clause whose verb comes before
    /// the cue `c` (`clause_subject`).
    fn subject_from(&self, k: usize, c: usize) -> Option<Found> {
        if k >= c
            || matches!(
                self.lower(k).as_str(),
                "in" | "on"
                    | "at"
                    | "after"
                    | "before"
                    | "during"
                    | "for"
                    | "as"
                    | "amid"
                    | "with"
                    | "to"
                    | "by"
                    | "from"
                    | "of"
                    | "about"
                    | "while"
                    | "when"
                    | "if"
            )
        {
            return None;
        }
        let first = self.tokens.get(k)?;
        if let Some(e) = self.entity_starting_at(first.start)
            && speaks(e)
        {
            return Some(Found::of(e));
        }
        let lw = self.lower(k);
        if PRONOUNS.contains(&lw.as_str()) {
            let resolved = if matches!(lw.as_str(), "he" | "she") {
                self.resolve(first.start, &lw, None)
            } else {
                None
            };
            return Some(Found {
                start: first.start,
                end: first.end,
                resolved,
            });
        }
        let mut last = k;
        let mut j = k + 1;
        // "The senator quickly took": an adverb before the verb
        let verb_at =
            |j: usize| self.verb_like(j) || (j + 1 < c && self.adverb(j) && self.verb_like(j + 1));
        while j < c && j < k + 8 {
            let t = self.tokens.get(j)?;
            if verb_at(j) {
                break;
            }
            let lj = self.lower(j);
            if lj == "to" || CLAUSE_WORDS.contains(&lj.as_str()) {
                return None;
            }
            if t.kind == TokenKind::Punct
                && !matches!(self.word(j), "-" | "." | "&")
                && !self.word(j).starts_with(['\'', '\u{2019}'])
            {
                return None;
            }
            last = j;
            j += 1;
        }
        if j >= c || !verb_at(j) {
            return None;
        }
        if CLAUSE_WORDS.contains(&lw.as_str())
            || self.word(k).starts_with(char::is_lowercase) && last == k
            || !self.plain_np(k, last)
        {
            return None;
        }
        // headed by a speaker noun or a name: "The Vermont congressman", "Some senators"
        let head_ok = speaker_noun(&self.lower(last)).is_some()
            || self
                .tokens
                .get(last)
                .is_some_and(|t| self.entity_ending_at(t.end).is_some_and(speaks))
            || self.word(last).starts_with(char::is_uppercase);
        if !head_ok {
            return None;
        }
        Some(Found {
            start: first.start,
            end: self.tokens.get(last)?.end,
            resolved: None,
        })
    }

    /// The subject at the start of the sentence holding token `c`: a PER/ORG mention,
    /// "Marvania's foreign ministry" or "the ministry".
    pub(super) fn sentence_subject(&self, c: usize, floor: usize) -> Option<Found> {
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
            if speaks(e) {
                return Some(Found::of(e));
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

    /// A noun phrase right after the cue `c` up to a comma or the end of the sentence
    /// (`ceiling`), for inverted attributions ("..., said the company's chief executive,
    /// John Doe."): opens with a determiner, a possessor or a capital, holds no verb.
    pub(super) fn np_after(&self, c: usize, ceiling: usize) -> Option<Found> {
        self.np_after_cue(c, ceiling, false)
    }

    /// `np_after` right after a direct quote's closing mark ("“...,” tweeted another",
    /// "“...,” reads a Wednesday editorial", "“...,” said his best friend"): more verbs
    /// and possessive determiners, which after a reported clause would open its object
    /// ("..., observed the townhouse", "..., said his grandfather died").
    pub(super) fn np_after_quote(&self, c: usize, ceiling: usize) -> Option<Found> {
        self.np_after_cue(c, ceiling, true)
    }

    fn np_after_cue(&self, c: usize, ceiling: usize, quote: bool) -> Option<Found> {
        let lc = self.lower(c);
        let quote_verb = matches!(
            lc.as_str(),
            "tweeted"
                | "read"
                | "reads"
                | "posted"
                | "quipped"
                | "joked"
                | "countered"
                | "responded"
                | "remarked"
                | "concluded"
                | "observed"
                | "cautioned"
                | "admitted"
                | "acknowledged"
                | "predicted"
                | "complained"
                | "exclaimed"
                | "asked"
                | "replied"
                | "continued"
                | "declared"
        );
        let core = matches!(
            lc.as_str(),
            "said"
                | "says"
                | "added"
                | "adds"
                | "wrote"
                | "writes"
                | "explained"
                | "noted"
                | "argued"
                | "argues"
                | "warned"
                | "insisted"
                | "stated"
                | "recalled"
        );
        if !(core || (quote && quote_verb)) {
            return None;
        }
        let first = c + 1;
        let fw = self.word(first);
        // "said retired neurosurgeon Ben Carson": lower-case titles before a name
        // (also with capitalised title words between: "said retired Army Lt. Gen. Mick
        // Bednarek")
        let titled_name_at = (first + 1..first + 7).find(|&j| {
            self.tokens.get(j).is_some_and(|t| {
                self.entity_starting_at(t.start)
                    .is_some_and(|e| e.kind == EntityType::PER)
            }) && self.word(first).starts_with(char::is_lowercase)
                && (first..j).all(|i| {
                    self.tokens
                        .get(i)
                        .is_some_and(|t| t.kind == TokenKind::Word)
                        && !AUXILIARIES.contains(&self.lower(i).as_str())
                        && !self.is_cue(i)
                        && !CLAUSE_WORDS.contains(&self.lower(i).as_str())
                        && (i < first + 3 || self.word(i).starts_with(char::is_uppercase))
                })
        });
        if !(fw.starts_with(char::is_uppercase)
            || matches!(fw, "a" | "an" | "the" | "one" | "another")
            || (quote && matches!(fw, "his" | "her" | "their"))
            || titled_name_at.is_some())
            || PRONOUNS.contains(&fw.to_lowercase().as_str())
        {
            return None;
        }
        // a participle used as an adjective before more of the noun phrase ("one
        // unaligned Florida Republican strategist"), not before its own complement ("the
        // man arrested in Paris")
        let adjective = |j: usize| {
            let next = self.lower(j + 1);
            // right after the determiner ("a retired general", "one unaligned ...")
            j == first + 1
                && self.word(j).ends_with("ed")
                && self
                    .tokens
                    .get(j + 1)
                    .is_some_and(|t| t.kind == TokenKind::Word)
                && !matches!(
                    next.as_str(),
                    "in" | "on"
                        | "at"
                        | "by"
                        | "to"
                        | "for"
                        | "with"
                        | "from"
                        | "as"
                        | "after"
                        | "of"
                        | "the"
                        | "a"
                        | "an"
                        | "and"
                        | "or"
                        | "that"
                        | "this"
                        | "his"
                        | "her"
                        | "their"
                        | "its"
                        | "last"
                        | "earlier"
                        | "during"
                        | "over"
                )
                && !AUXILIARIES.contains(&next.as_str())
                && !self.verb_like(j + 1)
        };
        let mut last = first;
        let mut j = first;
        while let Some(t) = self.tokens.get(j) {
            if t.end > ceiling || j > first + 12 {
                return None;
            }
            let w = self.word(j);
            if matches!(w, "," | "." | ";" | "!" | "?") {
                break;
            }
            let title_word = titled_name_at.is_some_and(|n| j < n);
            // "said one of two witnesses who relayed ...": the noun phrase ends before its
            // relative clause
            if quote && matches!(w, "who" | "whose") && j > first {
                break;
            }
            if (self.verb_like(j) && !title_word && !adjective(j))
                || CLAUSE_WORDS.contains(&w.to_lowercase().as_str())
            {
                return None;
            }
            last = j;
            j += 1;
        }
        Some(Found {
            start: self.tokens.get(first)?.start,
            end: self.tokens.get(last)?.end,
            resolved: None,
        })
    }

    /// The speaker right after token `c` ("said Hrytsenko", "said the spokesman").
    pub(super) fn speaker_after(&self, c: usize, ceiling: usize) -> Option<Found> {
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
            && speaks(e)
            && e.end <= ceiling
        {
            return Some(Found::of(e));
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
                    return Some(Found::of(e));
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

    /// A subject noun phrase with a relative clause and no commas before the cue `c`
    /// ("Officials who spoke on condition of anonymity said", "Democrats in Iowa who
    /// watched the debate said"): the noun phrase before "who", never "who" itself. The
    /// relative clause holds only words (no clause word, quote mark or punctuation) and at
    /// most twelve of them; the noun phrase runs back to `floor`, a comma or a clause word
    /// and is plain (only core speech verbs use it, as `any_subject`).
    pub(super) fn relative_subject(&self, c: usize, floor: usize) -> Option<Found> {
        let lo = floor_token(self, floor);
        // adverbs and auxiliaries before the cue: "who ... have repeatedly said"
        let mut k = c.checked_sub(1)?;
        while k > lo && (self.adverb(k) || AUXILIARIES.contains(&self.lower(k).as_str())) {
            k -= 1;
        }
        let who = (lo..=k).rev().take(13).find(|&j| self.lower(j) == "who")?;
        if who <= lo || who >= k {
            return None;
        }
        let clean = |i: usize| {
            self.tokens.get(i).is_some_and(|t| {
                t.kind != TokenKind::Punct
                    || matches!(self.word(i), "-" | "'s" | "\u{2019}s" | "." | "&")
            }) && !CLAUSE_WORDS.contains(&self.lower(i).as_str())
                && !PRONOUNS.contains(&self.lower(i).as_str())
                && !self.in_run(i)
        };
        // the relative clause opens on a verb ("who spoke", "who have listened")
        if !(who + 1..=k).all(clean)
            || !self.verb_like(who + 1) && !self.lower(who + 1).ends_with('s')
        {
            return None;
        }
        let last = who - 1;
        if !clean(last) {
            return None;
        }
        let mut first = last;
        while first > lo {
            let p = first - 1;
            let lp = self.lower(p);
            if !clean(p)
                || self.verb_like(p)
                || matches!(lp.as_str(), "but" | "and" | "so" | "yet" | "still") && p == lo
                || last - p > 8
            {
                break;
            }
            first = p;
        }
        let fw = self.lower(first);
        if matches!(
            fw.as_str(),
            "of" | "in" | "on" | "at" | "for" | "from" | "with" | "by" | "to" | "and" | "or"
        ) || PRONOUN_OBJECTS.contains(&fw.as_str())
            || !self.plain_np(first, last)
        {
            return None;
        }
        // the head: before any preposition ("Democrats in Iowa"), else the last word
        let head = (first..=last)
            .find(|&j| {
                matches!(
                    self.lower(j + 1).as_str(),
                    "of" | "in" | "on" | "at" | "for" | "from" | "with"
                ) && j < last
            })
            .unwrap_or(last);
        // (a lone lower-case word is no subject: "since those who ...")
        if first == last && self.word(first).starts_with(char::is_lowercase)
            || self
                .tokens
                .get(head)
                .is_none_or(|t| t.kind != TokenKind::Word)
        {
            return None;
        }
        Some(Found {
            start: self.tokens.get(first)?.start,
            end: self.tokens.get(last)?.end,
            resolved: None,
        })
    }

    /// Whether token `k` lies inside quote marks.
    pub(super) fn in_run(&self, k: usize) -> bool {
        let Some(t) = self.tokens.get(k) else {
            return false;
        };
        let i = self.runs.partition_point(|r| r.end <= t.start);
        self.runs.get(i).is_some_and(|r| r.start <= t.start)
    }

    pub(super) fn is_cue(&self, k: usize) -> bool {
        let w = self.lower(k);
        if w == "according" {
            return self.lower(k + 1) == "to";
        }
        CUES.contains(&w.as_str())
    }

    pub(super) fn speaker_span(&self, f: &Found) -> Option<SpeakerSpan> {
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
    pub(super) fn according_to(&self, k: usize, limit: usize) -> Option<Found> {
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
            .find(|e| e.start >= first.start && e.end <= last.end && speaks(e))
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

/// A found speaker: span, optional resolution.
#[derive(Debug, Clone)]
pub(super) struct Found {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) resolved: Option<String>,
}

impl Found {
    /// A speaker that is an entity mention, resolved to the mention's canonical form.
    pub(super) fn of(e: &EntityMention) -> Found {
        Found {
            start: e.start,
            end: e.end,
            resolved: e.canonical.clone(),
        }
    }
}

/// Whether an entity mention can speak on its own: a person or an organisation.
pub(super) fn speaks(e: &EntityMention) -> bool {
    matches!(e.kind, EntityType::PER | EntityType::ORG)
}

pub(super) fn gender_of(name: &str, title: Option<&str>) -> Option<bool> {
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

/// Index of the first token at or after byte `floor`.
pub(super) fn floor_token(ctx: &Ctx, floor: usize) -> usize {
    ctx.tokens.partition_point(|t| t.start < floor)
}
