//! Reported speech: "X said (that) ...", "..., X said", "according to X", speech acts,
//! and where their content starts and ends.

use super::*;

/// Whether a clause starts right after the cue `c`: "that", a subject pronoun, or an
/// auxiliary within the next few words ("noted the bomb had been planted").
pub(super) fn clause_follows(ctx: &Ctx, c: usize) -> bool {
    let next = ctx.lower(c + 1);
    if matches!(
        next.as_str(),
        "that" | "he" | "she" | "it" | "they" | "we" | "i" | "there" | "this" | "you"
    ) {
        return true;
    }
    // an indirect question: "explained how ...", "knew what ...", "wondered whether ..."
    if matches!(next.as_str(), "how" | "why" | "what" | "whether" | "where") {
        return true;
    }
    // "found in 2014 that", "told reporters on Monday that"
    if let Some(j) = (c + 2..c + 8).find(|&j| ctx.lower(j) == "that")
        && (c + 1..j).all(|i| {
            ctx.tokens
                .get(i)
                .is_some_and(|t| t.kind == TokenKind::Word || ctx.word(i) == ",")
        })
    {
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

/// Whether token `c` opens "made (it) clear that" (any form of "make").
pub(super) fn made_clear(ctx: &Ctx, c: usize) -> bool {
    if !matches!(ctx.word(c), "made" | "makes" | "make" | "making") {
        return false;
    }
    let j = if ctx.lower(c + 1) == "it" {
        c + 2
    } else {
        c + 1
    };
    ctx.lower(j) == "clear" && ctx.lower(j + 1) == "that"
}

/// When token `c` is a participle in "-ing" after a progressive auxiliary ("is
/// defending", "are now demanding", "has been saying"), the index of that auxiliary (not
/// before token `lo`).
pub(super) fn progressive_aux(ctx: &Ctx, c: usize, lo: usize) -> Option<usize> {
    let w = ctx.word(c);
    if !w.starts_with(char::is_lowercase) || !w.ends_with("ing") || w.len() < 6 {
        return None;
    }
    let mut k = c.checked_sub(1)?;
    // one adverb between: "is now calling", "are also demanding"
    if k > lo && ctx.adverb(k) && !AUXILIARIES.contains(&ctx.lower(k).as_str()) {
        k -= 1;
    }
    if k < lo {
        return None;
    }
    matches!(
        ctx.lower(k).as_str(),
        "is" | "are" | "was" | "were" | "been"
    )
    .then_some(k)
}

/// Whether the colon at token `k` opens a content ("At the same time, X: CONTENT, Y
/// said."): not one inside parentheses ("(NYSE: PVL)") or between numbers ("6: 40"),
/// counting parentheses from token `lo`.
pub(super) fn opens_content(ctx: &Ctx, k: usize, lo: usize) -> bool {
    if ctx.word(k) != ":" || ctx.in_run(k) {
        return false;
    }
    let num = |i: usize| {
        ctx.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Number)
    };
    if k > 0 && num(k - 1) && num(k + 1) {
        return false;
    }
    let depth = (lo..k).fold(0i32, |d, i| match ctx.word(i) {
        "(" => d + 1,
        ")" => d - 1,
        _ => d,
    });
    depth <= 0
}

/// Words after a cue that are skipped before the reported content ("that", "reporters").
pub(super) fn content_start_after_cue(ctx: &Ctx, c: usize, sent_end: usize) -> Option<usize> {
    let mut k = c + 1;
    let cue = ctx.lower(c);
    if made_clear(ctx, c) {
        k = if ctx.lower(k) == "it" { k + 2 } else { k + 1 };
    }
    // "spoke out against", "talked about": the content follows the preposition
    if TALK_VERBS.contains(&cue.as_str())
        && let Some(about) = talk_partner_about(ctx, c)
    {
        k = about;
    }
    if TALK_VERBS.contains(&cue.as_str()) || ADVOCACY_VERBS.contains(&cue.as_str()) {
        if ctx.lower(k) == "out" {
            k += 1;
        }
        if matches!(
            ctx.lower(k).as_str(),
            "about" | "of" | "on" | "against" | "at"
        ) || (ADVOCACY_VERBS.contains(&cue.as_str()) && ctx.lower(k) == "for")
        {
            k += 1;
        }
    }
    if prep_verb(&cue, &ctx.lower(k)) {
        k += 1;
        // "weighed in on", "fired back at", "took aim at", "opened up about"
        if matches!(ctx.lower(k).as_str(), "on" | "at" | "about" | "against") {
            k += 1;
        }
        return ctx
            .tokens
            .get(k)
            .filter(|t| t.start < sent_end)
            .map(|t| t.start);
    }
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
            .or_else(|| {
                // "told the AP his firm ...": a name after "the"
                (ctx.lower(k) == "the")
                    .then(|| {
                        ctx.tokens
                            .get(k + 1)
                            .and_then(|t| ctx.entity_starting_at(t.start))
                    })
                    .flatten()
            })
        {
            k = ctx.tokens.partition_point(|t| t.start < e.end);
            // "told the Norby Wire news agency two bridges ...": the rest of the object
            while matches!(
                ctx.lower(k).as_str(),
                "news"
                    | "agency"
                    | "newspaper"
                    | "network"
                    | "channel"
                    | "television"
                    | "tv"
                    | "radio"
                    | "station"
                    | "magazine"
                    | "website"
                    | "daily"
                    | "wire"
                    | "service"
            ) {
                k += 1;
            }
        } else if let Some(j) = (k..k + 16).find(|&j| ctx.lower(j) == "that")
            && (k..j).all(|i| {
                ctx.tokens.get(i).is_some_and(|t| {
                    t.kind == TokenKind::Word || matches!(ctx.word(i), "," | "-" | "'s" | "’s")
                })
            })
        {
            // "told the crowd at the gate that"
            k = j;
        } else if matches!(ctx.lower(k).as_str(), "a" | "an" | "the")
            && let Some(j) = (k + 1..k + 6).find(|&j| {
                matches!(
                    ctx.lower(j).as_str(),
                    "he" | "she" | "they" | "it" | "we" | "i"
                )
            })
            && (k..j).all(|i| {
                ctx.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word)
                    && !ctx.verb_like(i)
                    && !CLAUSE_WORDS.contains(&ctx.lower(i).as_str())
            })
        {
            // "told a news conference they are ..."
            k = j;
        } else {
            return None;
        }
    }
    // a time filler: "said Thursday night that", "said last week", "told the Daily News
    // Tuesday that"
    let filler_from = k;
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
    ) && k < filler_from + 3
        // "said Thursday's rules were ...": a possessive opens the content
        && !matches!(ctx.word(k + 1), "'s" | "’s" | "'" | "’")
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
    // ("said to reporters on Monday that", "said on ABC's This Week that"); after a speech
    // act or a promise the preposition belongs to the content ("called for", "vowed to")
    let lk = ctx.lower(k);
    let verb_of_saying = !SPEECH_ACTS.contains(&cue.as_str()) && !TO_CUES.contains(&cue.as_str());
    // "said about 1,400 members ...": "about" before a number is no preposition
    let about_number = lk == "about"
        && (ctx.word(k + 1).starts_with(|c: char| c.is_ascii_digit())
            || matches!(
                ctx.lower(k + 1).as_str(),
                "half" | "a" | "an" | "one" | "two" | "three" | "four" | "five" | "ten"
            ));
    let wide = verb_of_saying
        && !about_number
        && matches!(
            lk.as_str(),
            "to" | "with" | "about" | "before" | "for" | "from" | "of" | "outside" | "inside"
        );
    if wide
        || matches!(
            lk.as_str(),
            "in" | "on" | "at" | "late" | "earlier" | "during" | "after" | "via"
        )
    {
        let mut j = k;
        let mut found = false;
        while j < k + 20 {
            let w = ctx.lower(j);
            if w == "that" || (w == "," && j < k + 10 && !wide) {
                k = j + 1;
                found = true;
                break;
            }
            // "said after the convention he would not accept ...": a clause with a pronoun
            // subject right after the adjunct
            if j > k + 1
                && j < k + 10
                && matches!(w.as_str(), "he" | "she" | "they" | "we" | "i")
                && (ctx.verb_like(j + 1) || ctx.word(j + 1).starts_with(['\'', '\u{2019}']))
                && (k..j).all(|i| {
                    ctx.tokens
                        .get(i)
                        .is_some_and(|t| t.kind != TokenKind::Punct)
                })
            {
                k = j;
                found = true;
                break;
            }
            if ctx.tokens.get(j).is_none_or(|t| t.end >= sent_end) || w == "." {
                return None;
            }
            j += 1;
        }
        if !found && wide {
            return None;
        }
    }
    // "pointed out that"
    if ctx.lower(k) == "out" && matches!(cue.as_str(), "pointed" | "points" | "point") {
        k += 1;
    }
    if ctx.lower(k) == "that" {
        k += 1;
    }
    if matches!(ctx.lower(k).as_str(), "," | ":") {
        k += 1;
    }
    ctx.tokens
        .get(k)
        .filter(|t| t.start < sent_end)
        .map(|t| t.start)
}

/// "spoke to reporters about X", "talked with CNN on Y": the index of the "about"/"on"
/// after a verb of talking and its partner (two to five words).
pub(super) fn talk_partner_about(ctx: &Ctx, c: usize) -> Option<usize> {
    if !matches!(ctx.lower(c + 1).as_str(), "to" | "with") {
        return None;
    }
    (c + 3..c + 8)
        .find(|&j| matches!(ctx.lower(j).as_str(), "about" | "on"))
        .filter(|&j| {
            (c + 2..j).all(|i| {
                ctx.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word)
                    || matches!(ctx.word(i), "’s" | "'s")
            })
        })
}

/// After the comma at token `k`, the index of a finite cue verb of the same subject
/// (", proposed that ...", ", then says ...", ", and later praised ..."): a lower-case word
/// of the cue lists in a past or third-person form, after an optional "then", "and" or
/// "but" and an optional "also", "later" or "again".
fn finite_cue_after_comma(ctx: &Ctx, k: usize) -> Option<usize> {
    let mut v = k + 1;
    if matches!(ctx.lower(v).as_str(), "then" | "and" | "but") {
        v += 1;
    }
    if ctx.lower(v) == "then" {
        v += 1;
    }
    if matches!(ctx.lower(v).as_str(), "also" | "later" | "again") {
        v += 1;
    }
    let w = ctx.word(v);
    let lw = w.to_lowercase();
    let finite = lw.ends_with("ed")
        || (lw.ends_with('s') && !lw.ends_with("ss"))
        || matches!(
            lw.as_str(),
            "said" | "told" | "wrote" | "swore" | "spoke" | "sought"
        );
    // (not a verb of the particle list only, "opened", nor an inverted frame, ", said
    // Sgt. X", ", wrote X")
    let listed = REPORTED_CUES.contains(&lw.as_str())
        || OBJECT_CUES.contains(&lw.as_str())
        || SPEECH_ACTS.contains(&lw.as_str())
        || TO_CUES.contains(&lw.as_str())
        || WEAK_CUES.contains(&lw.as_str())
        || STANCE_VERBS.contains(&lw.as_str());
    let inverted = matches!(
        lw.as_str(),
        "said" | "says" | "told" | "wrote" | "writes" | "added" | "adds" | "asked"
    );
    (w.starts_with(char::is_lowercase) && finite && listed && !inverted && !ctx.in_run(v))
        .then_some(v)
}

/// "X said A, adding that B": two attributions of one speaker.
pub(super) fn split_second_cue(ctx: &Ctx, q: QuoteMention, s: &Sentence) -> Vec<QuoteMention> {
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
    // (the comma is needed before every participle: "could not resist pointing out" is
    // no second attribution)
    let split = r.clone().find(|&k| {
        matches!(
            ctx.word(k),
            "," | "and"
                | "while"
                | "before"
                | "after"
                | "by"
                | "\u{2014}"
                | "--"
                | "-"
                | "\u{2013}"
        ) && (matches!(
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
        ) || matches!(
            // (each kept when at least half of its new attributions matched on train)
            ctx.lower(ing_after(k)).as_str(),
            "citing"
                    | "slamming"
                    | "alluding"
                    | "vowing"
                    | "promising"
                    | "telling"
                    | "pointing"
                    | "recalling"
                    | "dismissing"
                    | "conceding"
                    | "declaring"
                    | "blaming"
                    // (round 7)
                    | "accusing"
                    | "urging"
                    | "crediting"
                    | "remarking"
        ))
    });
    // "urged X to Y, proposed that Z": an act content running into a finite cue verb of
    // the same subject after a comma (kept for acts: on reported clauses it lost matches)
    let finite = || {
        if q.kind.as_deref() != Some(ACT) {
            return None;
        }
        // the first comma of the content only ("Kirkpatrick, 61, opened fire": an
        // appositive before the verb; "the government, which ..., hopes": a new subject)
        let first = r.start;
        r.clone()
            .find(|&k| ctx.word(k) == "," && !ctx.in_run(k))
            .filter(|&k| k >= first + 2)
            .and_then(|k| finite_cue_after_comma(ctx, k).map(|v| (k, v)))
    };
    let (k, ing, finite_split) = match split {
        Some(k) => (k, ing_after(k), false),
        None => match finite() {
            Some((k, v)) => (k, v, true),
            None => return vec![q],
        },
    };
    let Some(sp) = q.speaker.as_ref() else {
        return vec![q];
    };
    let f = Found {
        start: sp.start,
        end: sp.end,
        resolved: sp.resolved.clone(),
    };
    let cue = q.cue.clone().unwrap_or_default();
    let first_kind = if q.kind.as_deref() == Some(ACT) {
        ACT
    } else {
        REPORTED
    };
    let first = ctx
        .tokens
        .get(k)
        .and_then(|t| make_reported(ctx, q.start, t.start, Some(&f), &cue, first_kind));
    let second = content_start_after_cue(ctx, ing, s.end).and_then(|cs| {
        // (after a finite cue, not a bare prepositional phrase: "noted that, with X:")
        let opens = ctx.tokens.partition_point(|t| t.start < cs);
        if finite_split && PREPOSITIONS.contains(&ctx.lower(opens).as_str()) {
            return None;
        }
        let object = SPEECH_ACTS.contains(&ctx.lower(ing).as_str());
        let end = content_end(ctx, cs, q.end, object, false);
        let kind = if object { ACT } else { REPORTED };
        make_reported(ctx, cs, end, Some(&f), ctx.word(ing), kind)
    });
    match (first, second) {
        (Some(a), Some(b)) => vec![a, b],
        _ => vec![q],
    }
}

/// Reported speech in sentence `s`: "X said (that) CONTENT", "CONTENT, X said.",
/// "CONTENT, X said, CONTENT." (the whole sentence), "according to X, CONTENT".
pub(super) fn reported(ctx: &Ctx, from: usize, s: &Sentence) -> Option<(QuoteMention, usize)> {
    let r = tokens_in(ctx.tokens, s.span());
    let (lo, hi) = (r.start, r.end);
    // a title-case headline: most words capitalised, no final period
    let headline = {
        let words: Vec<&str> = (lo..hi)
            .filter(|&k| ctx.tokens.get(k).is_some_and(|t| t.kind == TokenKind::Word))
            .map(|k| ctx.word(k))
            .collect();
        let caps = words
            .iter()
            .filter(|w| w.starts_with(char::is_uppercase))
            .count();
        // (the first line of a text is its title, even with a final period)
        let title_line = ctx
            .text
            .get(..s.start)
            .is_some_and(|before| !before.trim().contains('\n'));
        words.len() >= 4
            && caps * 10 >= words.len() * 7
            && (title_line
                || !ctx
                    .text
                    .get(s.start..s.end)
                    .is_some_and(|t| t.trim_end().ends_with('.')))
    };
    for c in lo.max(from)..hi {
        let w = ctx.lower(c);
        // "is defending his tweets", "are now demanding": a progressive works like the
        // finite form of its verb ("defended"); its subject stands before the auxiliary
        let progressive = progressive_aux(ctx, c, lo);
        // ("is challenging X" is running against X: no speech act)
        // ("is finding this difficult", "are seeing more cases": perception, no report)
        let progressive = progressive.filter(|_| {
            !matches!(
                w.as_str(),
                "challenging" | "finding" | "seeing" | "knowing" | "feeling" | "watching"
            )
        });
        let (w, sc) = match progressive {
            Some(aux) => (finite_of_participle(&w).unwrap_or(w), aux),
            None => (w, c),
        };
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
                // "CONTENT, according to X." or "A, according to X, B." (the whole sentence,
                // as PolNeAR closes over the two parts)
                let after = ctx.tokens.partition_point(|t| t.start < f.end);
                let words_after = (after..hi)
                    .filter(|&k| ctx.tokens.get(k).is_some_and(|t| t.kind == TokenKind::Word))
                    .count();
                // (after a colon, or a fronted clause of concession or time: "Though he
                // has no shot, X appears ..., according to Y")
                let from = (lo..c)
                    .rev()
                    .find(|&k| opens_content(ctx, k, lo))
                    .map(|k| k + 1)
                    .or_else(|| {
                        matches!(
                            ctx.lower(lo).as_str(),
                            // (not "if", "unless", "even", "because": the condition or
                            // reason is part of what the source says)
                            "though"
                                | "although"
                                | "while"
                                | "as"
                                | "when"
                                | "after"
                                | "before"
                                | "since"
                                | "despite"
                        )
                        .then(|| (lo + 2..c.saturating_sub(3)).find(|&k| ctx.word(k) == ","))
                        .flatten()
                        .map(|k| k + 1)
                    })
                    .and_then(|k| ctx.tokens.get(k))
                    .map_or(s.start, |t| t.start);
                if ctx.word(after) == "," && words_after >= 3 {
                    (from, s.end)
                } else {
                    (from, ctx.tokens.get(c.checked_sub(1)?)?.end)
                }
            };
            if let Some(q) = make_reported(ctx, cs, ce, Some(&f), "according to", REPORTED) {
                return Some((q, c));
            }
            continue;
        }
        // a cue is a lower-case verb ("United States" is no cue), or a capitalised one in
        // a title-case headline ("Trump Says His Plan Will Not Allow ...")
        let lower_case = ctx.word(c).starts_with(char::is_lowercase);
        let headline_cue = c > lo && headline && ctx.word(c).starts_with(char::is_uppercase);
        if !(lower_case || headline_cue) {
            continue;
        }
        // "made it clear that", "makes clear that"
        let strong = REPORTED_CUES.contains(&w.as_str()) || made_clear(ctx, c);
        let weak = !strong && WEAK_CUES.contains(&w.as_str());
        // "is expected to": passive, no source
        let passive = progressive.is_none()
            && c > lo
            && matches!(
                ctx.lower(c - 1).as_str(),
                "is" | "are" | "was" | "were" | "be" | "been" | "being"
            );
        let to_cue = !passive && TO_CUES.contains(&w.as_str()) && ctx.lower(c + 1) == "to";
        // "talked about X", "spoke out against Y", "commented on Z": a verb of talking and
        // its preposition
        // ("spoke on condition of anonymity" is no topic)
        let on_condition = TALK_VERBS.contains(&w.as_str())
            && ctx.word(c + 1) == "on"
            && (ctx.word(c + 2) == "condition" || ctx.word(c + 3) == "condition");
        let prep_cue = !passive
            && !on_condition
            && ((TALK_VERBS.contains(&w.as_str())
                && matches!(
                    ctx.lower(c + 1).as_str(),
                    "about" | "of" | "on" | "against" | "out"
                ))
                || (ADVOCACY_VERBS.contains(&w.as_str())
                    && matches!(ctx.lower(c + 1).as_str(), "for" | "against"))
                || (TALK_VERBS.contains(&w.as_str()) && talk_partner_about(ctx, c).is_some()));
        // "supports the wall", "endorsed Clinton": a stance and its plain object
        // (not in the progressive: "is backing X", "who is supporting Y" matched less
        // than half of the time on train)
        let stance = !strong
            && !passive
            && progressive.is_none()
            && STANCE_VERBS.contains(&w.as_str())
            && ctx
                .tokens
                .get(c + 1)
                .is_some_and(|t| t.kind == TokenKind::Word)
            && !matches!(
                ctx.lower(c + 1).as_str(),
                "by" | "to" | "as" | "with" | "in" | "on" | "at" | "up" | "out" | "off" | "away"
            );
        // "referring to X", "called on X to Y", "responded to X": the content follows
        let pair_cue = !passive
            && PREP_VERBS.iter().any(|(v, _)| *v == w)
            && prep_verb(&w, &ctx.lower(c + 1))
            && !(c > lo && {
                // "Lopez’s call for", "his calls for": a noun
                let p = ctx.lower(c - 1);
                matches!(
                    p.as_str(),
                    "his"
                        | "her"
                        | "their"
                        | "its"
                        | "the"
                        | "a"
                        | "an"
                        | "'s"
                        | "’s"
                        | "our"
                        | "my"
                ) || p.ends_with("'s")
                    || p.ends_with("’s")
            });
        let act =
            (!strong && !passive && (SPEECH_ACTS.contains(&w.as_str()) || prep_cue || stance))
                || pair_cue;
        if !strong && !weak && !to_cue && !act {
            continue;
        }
        // "would show up", "saw off": a phrasal verb, no cue
        if matches!(ctx.lower(c + 1).as_str(), "up" | "off")
            && matches!(
                w.as_str(),
                "show" | "shows" | "showed" | "showing" | "see" | "sees" | "saw"
            )
        {
            continue;
        }
        // "polls show Clinton leading": a thinking or showing verb with a plain object
        let weak_object =
            weak && !to_cue && !clause_follows(ctx, c) && WEAK_OBJECT_CUES.contains(&w.as_str());
        if weak && !to_cue && !weak_object && !clause_follows(ctx, c) {
            continue;
        }
        // "claimed the attack": an object, not speech (but "..., X claimed." stands)
        let object_cue = OBJECT_CUES.contains(&w.as_str());
        let clause_after = !weak_object && (to_cue || act || !object_cue || clause_follows(ctx, c));
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
        // "CONTENT, a spokesman told the news agency.": the object of "told" closes it too
        if !rest_is_end && matches!(w.as_str(), "told" | "tells") {
            let end = (c + 1..hi)
                .find(|&k| matches!(ctx.word(k), "." | "!" | "?" | ";" | ","))
                .unwrap_or(hi);
            rest_is_end = end > c + 1
                && end - c <= 8
                && ctx.word(end) != ","
                && (c + 1..end).all(|k| {
                    ctx.tokens
                        .get(k)
                        .is_some_and(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
                        && !ctx.verb_like(k)
                        && !CLAUSE_WORDS.contains(&ctx.lower(k).as_str())
                        && !PRONOUNS.contains(&ctx.lower(k).as_str())
                });
        }
        // "CONTENT, the poll found.": a thinking or showing verb closing the sentence
        if (strong || (weak && rest_is_end))
            && let Some(comma) = comma_before
            && let Some(comma_tok) = ctx.tokens.get(comma)
            && let Some(cue_tok) = ctx.tokens.get(c)
        {
            let f = ctx
                .speaker_before(c, comma_tok.end)
                .or_else(|| ctx.speaker_after(c, s.end))
                .or_else(|| ctx.subject_np(c, comma_tok.end))
                .or_else(|| {
                    SPEECH_CORE
                        .contains(&w.as_str())
                        .then(|| ctx.any_subject(c, comma_tok.end))
                        .flatten()
                })
                .or_else(|| ctx.np_after(c, s.end));
            // inverted "CONTENT, said X.": nothing but a comma or the end after X
            let inverted_ok = |f: &Found| {
                f.start > cue_tok.start
                    && ctx.text.get(f.end..s.end).is_some_and(|r| {
                        let r = r.trim_start();
                        r.is_empty() || r.starts_with([',', '.', '!', '?', ';'])
                    })
            };
            // "said the deputy director of the philharmonic.": the whole noun phrase
            let f = match f {
                Some(f) if f.start > cue_tok.start && !inverted_ok(&f) => {
                    ctx.np_after(c, s.end).or(Some(f))
                }
                other => other,
            };
            if let Some(f) = f
                && ((rest_is_end && f.start < cue_tok.start) || inverted_ok(&f))
            {
                let ce = if parenthetical && rest_is_end {
                    s.end
                } else {
                    comma_tok.start
                };
                // (after a colon: "At the same time, X: CONTENT, Y said.")
                let from = (lo..comma)
                    .rev()
                    .find(|&k| opens_content(ctx, k, lo))
                    .map(|k| k + 1)
                    .and_then(|k| ctx.tokens.get(k))
                    .map_or(s.start, |t| t.start);
                if let Some(q) = make_reported(ctx, from, ce, Some(&f), ctx.word(c), REPORTED) {
                    return Some((q, c));
                }
            }
        }
        // "X said (that) CONTENT"; a reporting verb with a plain object ("Trump denied any
        // role", "the poll shows Clinton leading") only after a named or nominal speaker
        let np_object = !clause_after
            && (object_cue || weak_object)
            && !matches!(
                w.as_str(),
                "charged" | "charges" | "read" | "reads" | "posted"
            )
            && ctx
                .tokens
                .get(c + 1)
                .is_some_and(|t| t.kind == TokenKind::Word)
            && !matches!(ctx.lower(c + 1).as_str(), "to" | "by" | "as" | "for");
        if np_object
            && let Some(f) = ctx
                .speaker_before(sc, s.start)
                .or_else(|| ctx.subject_np(sc, s.start))
            && let Some(q) = {
                let cs = ctx.tokens.get(c + 1).map_or(s.end, |t| t.start);
                let end = content_end(ctx, cs, s.end, true, false);
                make_reported(ctx, cs, end, Some(&f), ctx.word(c), ACT)
            }
        {
            return Some((q, c));
        }
        if clause_after
            && let Some(f) = ctx
                .speaker_before(sc, s.start)
                .or_else(|| ctx.subject_np(sc, s.start))
                .or_else(|| {
                    (SPEECH_CORE.contains(&w.as_str()) || to_cue || (act && !stance))
                        .then(|| ctx.any_subject(sc, s.start))
                        .flatten()
                })
                .or_else(|| {
                    // "Officials who spoke on condition of anonymity said"
                    SPEECH_CORE
                        .contains(&w.as_str())
                        .then(|| ctx.relative_subject(sc, s.start))
                        .flatten()
                })
                .or_else(|| {
                    // "who endorsed Clinton", "which has backed the bill": a relative pronoun
                    stance
                        .then(|| ctx.any_subject(sc, s.start))
                        .flatten()
                        .filter(|f| {
                            matches!(
                                ctx.text
                                    .get(f.start..f.end)
                                    .map(str::to_lowercase)
                                    .as_deref(),
                                Some("who" | "which")
                            )
                        })
                })
            && let Some(cs) = content_start_after_cue(ctx, c, s.end)
            && let Some(q) = {
                let relative = matches!(
                    ctx.text
                        .get(f.start..f.end)
                        .map(str::to_lowercase)
                        .as_deref(),
                    Some("who" | "which")
                );
                let object = act || to_cue || ((object_cue || weak) && !clause_follows(ctx, c));
                let colon = ctx.word(c + 1) == ":";
                let end = if colon {
                    // "X said: CONTENT" without quote marks runs to the paragraph end
                    let rest = ctx.text.get(cs..).unwrap_or("");
                    let para = rest.find('\n').unwrap_or(rest.len()).min(2000);
                    let mut e = cs + para;
                    while !ctx.text.is_char_boundary(e) {
                        e -= 1;
                    }
                    e
                } else if stance && !to_cue {
                    stance_object_end(ctx, cs, s.end)
                } else {
                    content_end(ctx, cs, s.end, object, relative)
                };
                // "which officials said will take effect", "what analysts said was a sign":
                // the clause lacks its subject, the relative word before the speaker; the
                // content runs from that word
                let gap = (!object && !colon)
                    .then(|| subject_gap_start(ctx, c, &f, s.start))
                    .flatten();
                let (cs, end, f) = match gap {
                    Some((g, speaker)) => (g, content_end(ctx, cs, s.end, false, true), speaker),
                    None => (cs, end, f),
                };
                let kind = if object && !colon { ACT } else { REPORTED };
                make_reported(ctx, cs, end, Some(&f), ctx.word(c), kind)
            }
        {
            return Some((q, c));
        }
    }
    None
}

/// Where reported content that runs from byte `cs` to `ce` (after its cue) really ends: at
/// "; ", at "and"/"but" opening a second reporting verb of the speaker ("X said A and
/// insisted B"), at ", and"/", but"/", while" opening a second attribution with a subject
/// of its own ("A, and others said B"), and at ", compared with", outside quote marks and
/// brackets. (Cutting clause contents at every ", but" or ", while", at "and has ..." or
/// at "before"/"after" + a gerund was tried: PolNeAR's Content spans usually run on, so
/// those cuts lost matches on train.)
///
/// An `object` content (the object of a speech act or a "to" infinitive: "accused X of
/// Y", "vowed to Z") also ends at "and"/"but" + any verb ("... and refused ..."); the
/// content of a relative clause ("who said A, ...") at a comma. (Cutting object contents
/// at a comma or before a time or venue adjunct, "... Thursday", "... in an interview",
/// lost matches on train: PolNeAR keeps those adjuncts.)
pub(super) fn content_end(ctx: &Ctx, cs: usize, ce: usize, object: bool, relative: bool) -> usize {
    if cs >= ce {
        return ce;
    }
    let r = tokens_in(ctx.tokens, Span::new(cs, ce));
    let first = r.start;
    let mut depth = 0usize;
    for k in r {
        let w = ctx.word(k);
        let lw = w.to_lowercase();
        match w {
            "(" | "[" => depth += 1,
            ")" | "]" => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth > 0 || ctx.in_run(k) || k == first {
            continue;
        }
        let next_is_verb = || {
            let next = ctx.lower(k + 1);
            ctx.tokens
                .get(k + 1)
                .is_some_and(|t| t.kind == TokenKind::Word)
                && ctx.word(k + 1).starts_with(char::is_lowercase)
                && (cue_class(&next).is_some()
                    || SPEECH_ACTS.contains(&next.as_str())
                    || matches!(next.as_str(), "vowed"))
        };
        // ", and others said B", ", compared with 64 percent who say B": a second
        // attribution, with a subject of its own, starts
        let second_attribution = || {
            (k + 2..k + 9).any(|j| {
                ctx.word(j).starts_with(char::is_lowercase)
                    && SPEECH_CORE.contains(&ctx.lower(j).as_str())
                    && !ctx.in_run(j)
                    && (k + 1..j).all(|i| {
                        ctx.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word)
                            && !CLAUSE_WORDS.contains(&ctx.lower(i).as_str())
                            || ctx.lower(i) == "who"
                            // "and more than 4 in 10 said"
                            || (ctx.lower(i) == "than"
                                && matches!(
                                    ctx.lower(i.wrapping_sub(1)).as_str(),
                                    "more" | "less" | "fewer"
                                ))
                            // ", while other voters said", "and 55 percent say"
                            || i == k + 1
                            || ctx
                                .tokens
                                .get(i)
                                .is_some_and(|t| t.kind == TokenKind::Number)
                            || ctx.word(i) == "%"
                    })
            })
        };
        // a share or a count opening a subject: "48 percent", "one in four", "most"
        let quantity = |j: usize| {
            ctx.tokens
                .get(j)
                .is_some_and(|t| t.kind == TokenKind::Number)
                || matches!(
                    ctx.lower(j).as_str(),
                    "one"
                        | "two"
                        | "three"
                        | "four"
                        | "five"
                        | "half"
                        | "most"
                        | "many"
                        | "some"
                        | "others"
                        | "nearly"
                        | "about"
                        | "almost"
                        | "only"
                        | "few"
                        | "more"
                        | "fewer"
                        | "less"
                )
        };
        let last_tok = ctx.tokens.partition_point(|t| t.start < ce);
        let no_comma_after = |k: usize| {
            !(k + 1..last_tok).any(|j| matches!(ctx.word(j), "," | "—" | "--") && !ctx.in_run(j))
        };
        // ", a plan the billionaire has modified": an appositive on the last noun
        let appositive_tail = |k: usize| {
            matches!(ctx.lower(k + 1).as_str(), "a" | "an")
                && k + 4 < last_tok
                && no_comma_after(k + 1)
        };
        // (not "we"/"I": the speaker's own voice, "... and we should ...")
        let pronoun_clause = |j: usize| {
            matches!(ctx.lower(j).as_str(), "he" | "she" | "they")
                && (ctx.verb_like(j + 1)
                    || (ADVERBS.contains(&ctx.lower(j + 1).as_str()) && ctx.verb_like(j + 2)))
        };
        // "..., and he reiterated ...", "... and she accused ...", "..., he clarified ...": a
        // new clause of the writer whose subject is a pronoun
        // (not after a fronted phrase with no verb of its own: "on a trip to Kosovo next
        // week, he would ...")
        let pronoun_turn = k >= first + 3
            && ((matches!(lw.as_str(), "and" | "but") && pronoun_clause(k + 1))
                || (lw == ","
                    && (pronoun_clause(k + 1)
                        || (matches!(ctx.lower(k + 1).as_str(), "and" | "but")
                            && pronoun_clause(k + 2)))
                    && (first..k).any(|i| ctx.verb_like(i))));
        // " — a controversial proposal ...": a dash appositive on the last noun
        let dash_appositive = k >= first + 3
            && matches!(w, "—" | "--" | "–")
            && matches!(ctx.lower(k + 1).as_str(), "a" | "an")
            && !(k + 1..last_tok).any(|j| matches!(ctx.word(j), "—" | "--" | "–"));
        // an object content ends before a trailing adjunct: ", whose ...", ", despite ..."
        let nx = ctx.lower(k + 1);
        let object_adjunct = object
            && k >= first + 3
            && lw == ","
            && matches!(
                nx.as_str(),
                "whose"
                    | "when"
                    | "despite"
                    | "without"
                    | "however"
                    | "although"
                    | "though"
                    | "even"
                    | "especially"
                    | "particularly"
                    | "unlike"
                    | "amid"
            );
        // "..., according to X": a second source; the content ends before it
        let according = k > first
            && ((lw == "," && nx == "according" && ctx.lower(k + 2) == "to")
                || (lw == "according" && nx == "to"));
        // "yes, but 55 percent of all voters say ...": a second attribution right after a
        // short content
        let early_second = lw == ","
            && k > first
            && matches!(ctx.lower(k + 1).as_str(), "and" | "but" | "while" | "after")
            && second_attribution();
        // "yes while 48 percent agreed", "... and one in four said ...", "..., 32% call
        // themselves ...": a second attribution of a share
        let second_share = k > first
            && matches!(lw.as_str(), "and" | "but" | "while" | ",")
            && quantity(k + 1)
            && second_attribution();
        // "X told the Times there was nothing ... while John Cera, a former commander,
        // said ...": a contrast clause with its own attribution
        let while_other = k > first
            && matches!(lw.as_str(), "while" | "whereas")
            && ctx.word(k + 1).starts_with(char::is_uppercase)
            && (k + 2..last_tok)
                .find(|&j| {
                    SPEECH_CORE.contains(&ctx.lower(j).as_str())
                        && ctx.word(j).starts_with(char::is_lowercase)
                        && !ctx.in_run(j)
                })
                // the speech verb is the contrast clause's own verb: no other verb or
                // "that" before it ("while Tom Ruse was asleep and that nobody told")
                .is_some_and(|j| !(k + 1..j).any(|i| ctx.verb_like(i) || ctx.lower(i) == "that"));
        // '..., he would not do it again, " said Olek Varga': the close of a direct
        // quote with its own attribution ends a reported clause inside it
        let quote_close = k > first
            && matches!(w, "\"" | "”" | "''")
            && (k + 1..k + 3).any(|j| {
                SPEECH_CORE.contains(&ctx.lower(j).as_str())
                    && ctx.word(j).starts_with(char::is_lowercase)
            });
        let cut = pronoun_turn
            || quote_close
            || while_other
            || second_share
            || according
            || early_second
            || dash_appositive
            || object_adjunct
            || (k >= first + 3 || object && k > first)
                && match lw.as_str() {
                    ";" => true,
                    "and" | "but" => {
                        next_is_verb()

                        || (object && ctx.verb_like(k + 1))
                        // "... but did not say", "... and declined to": the speaker's next act
                        || (matches!(
                            ctx.lower(k + 1).as_str(),
                            "did" | "does" | "didn't" | "doesn't" | "didn’t" | "doesn’t"
                        ) && matches!(ctx.lower(k + 2).as_str(), "not" | "say" | "n't" | "n’t"))
                        || matches!(
                            ctx.lower(k + 1).as_str(),
                            "declined" | "refused" | "stopped" | "urged" | "called"
                        )
                    }
                    "," => {
                        relative
                        || (matches!(ctx.lower(k + 1).as_str(), "and" | "but" | "while")
                            && second_attribution())
                        // "..., which is spread by mosquitoes": a relative clause on
                        // the last noun is the writer's gloss
                        // (not a parenthetical one, "the Front, which claimed the
                        // attack, acted alone")
                        || (matches!(ctx.lower(k + 1).as_str(), "which" | "who")
                            && k + 1 < ctx.tokens.partition_point(|t| t.start < ce).saturating_sub(3)
                            && !(k + 2..ctx.tokens.partition_point(|t| t.start < ce))
                                .any(|j| ctx.word(j) == "," && !ctx.in_run(j)))
                        || (ctx.lower(k + 1) == "compared"
                            && matches!(ctx.lower(k + 2).as_str(), "with" | "to"))
                        // ", a plan the billionaire has modified": an appositive on
                        // the last noun is the writer's gloss (also after an object,
                        // "dismissed labels, a sentiment ...")
                        || appositive_tail(k)
                    }
                    _ => false,
                };
        if cut && let Some(t) = ctx.tokens.get(k) {
            return t.start;
        }
    }
    ce
}

/// Where the plain object of a stance verb ("endorsed *Cruz* last week", "supports *the
/// wall*, which ...") that starts at byte `cs` ends: before a comma, a clause word, a time
/// or venue adjunct ("last week", "in December", "at a rally") or "and"/"but" + a verb,
/// outside quote marks and brackets; at `ce` at the latest.
pub(super) fn stance_object_end(ctx: &Ctx, cs: usize, ce: usize) -> usize {
    let r = tokens_in(ctx.tokens, Span::new(cs, ce));
    let first = r.start;
    let mut depth = 0usize;
    for k in r {
        let w = ctx.word(k);
        match w {
            "(" | "[" => depth += 1,
            ")" | "]" => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth > 0 || ctx.in_run(k) || k == first {
            continue;
        }
        let lw = w.to_lowercase();
        let cut = matches!(lw.as_str(), "," | ";" | ":" | "." | "—" | "–")
            || CLAUSE_WORDS.contains(&lw.as_str())
            || (AUXILIARIES.contains(&lw.as_str())
                && !matches!(lw.as_str(), "to" | "be" | "being" | "been"))
            || (is_time_word(&lw) && !matches!(lw.as_str(), "the" | "this"))
            || (matches!(
                lw.as_str(),
                "in" | "at" | "during" | "last" | "next" | "by" | "because"
            ) && w.starts_with(char::is_lowercase))
            || (matches!(lw.as_str(), "and" | "but") && ctx.verb_like(k + 1));
        if cut && let Some(t) = ctx.tokens.get(k) {
            return t.start;
        }
    }
    ce
}

/// Where an act content `[cs, ce)` ends before the occasion it was done at ("praised
/// the plan *at a rally in Ames*", "defended his record *during the debate*", "*in an
/// interview*"): "at", "during" or "in", a determiner and, within four words, an event noun
/// (`EVENT_NOUNS`), outside quote marks; `ce` when there is none. (Round 8: +8
/// quote+speaker matches on train; time adjuncts, "on Thursday", and reported clauses lost
/// matches.)
pub(super) fn venue_end(ctx: &Ctx, cs: usize, ce: usize) -> usize {
    let r = tokens_in(ctx.tokens, Span::new(cs, ce.max(cs)));
    let first = r.start;
    let last = r.end;
    for k in r {
        if k == first || ctx.in_run(k) {
            continue;
        }
        if !matches!(ctx.word(k), "at" | "during" | "in")
            || !matches!(
                ctx.lower(k + 1).as_str(),
                "a" | "an" | "the" | "his" | "her" | "their"
            )
        {
            continue;
        }
        let event = (k + 2..(k + 6).min(last))
            .take_while(|&j| {
                ctx.tokens
                    .get(j)
                    .is_some_and(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
            })
            .any(|j| EVENT_NOUNS.contains(&ctx.lower(j).as_str()));
        if event && let Some(t) = ctx.tokens.get(k) {
            return t.start;
        }
    }
    ce
}

/// Skips a dateline ("KHARIVSK, Doravia (MPA) - ") at the start of `[cs, ce)`.
pub(super) fn skip_dateline(text: &str, cs: usize, ce: usize) -> usize {
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

/// Kind of a clause after a saying or believing verb.
pub(super) const REPORTED: &str = "reported";
/// Kind of the object of a speech act or a stance ("denied *any role*").
pub(super) const ACT: &str = "act";

pub(super) fn make_reported(
    ctx: &Ctx,
    cs: usize,
    ce: usize,
    f: Option<&Found>,
    cue: &str,
    kind: &str,
) -> Option<QuoteMention> {
    let cs = skip_dateline(ctx.text, cs, ce);
    let ce = if kind == ACT {
        venue_end(ctx, cs, ce)
    } else {
        ce
    };
    let (start, end) = trim_content(ctx.text, cs, ce)?;
    let seg = ctx.text.get(start..end)?;
    let seg_trim = seg.trim_end_matches(['.', '!', '?', ' ']);
    let end = start + seg_trim.len();
    let content = ctx.text.get(start..end)?;
    // two words at least: "denied any role", "said the same" (one-word contents, "it",
    // "yes", are of no use as quotes)
    let n_words = content.split_whitespace().count();
    // ("said so", "said yes": a one-word answer PolNeAR marks too)
    let answer = matches!(content.to_lowercase().as_str(), "so" | "yes" | "no");
    let min_words = if kind == ACT || answer { 1 } else { 2 };
    if n_words < min_words
        || (n_words == 1
            && !answer
            && (CLAUSE_WORDS.contains(&content.to_lowercase().as_str())
                || !content.starts_with(char::is_alphanumeric)))
    {
        return None;
    }
    // a bare time or venue phrase is no content ("in September", "on his blog")
    let first = content
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_lowercase();
    if n_words <= 6
        && matches!(
            first.as_str(),
            "in" | "on" | "at" | "during" | "via" | "over" | "after" | "before" | "since"
        )
        && !content.contains(['"', '\u{201C}'])
    {
        return None;
    }
    let speaker = f.and_then(|f| ctx.speaker_span(f));
    speaker.as_ref()?;
    Some(QuoteMention {
        start,
        end,
        text: content.to_string(),
        speaker,
        kind: Some(kind.to_string()),
        cue: Some(cue.to_string()),
    })
}

/// Nominal cues with a possessive speaker in sentence `s`: "his call for a recount",
/// "Kerry’s announcement of new measures", "their support for the bill" (kind `act`; the
/// content is the object after the preposition; "promise to X" keeps the "to").
pub(super) fn nominal(ctx: &Ctx, s: &Sentence) -> Vec<QuoteMention> {
    let r = tokens_in(ctx.tokens, s.span());
    let mut out = Vec::new();
    for k in r.clone() {
        let raw = ctx.word(k);
        if !NOMINAL_CUES.iter().any(|n| n.eq_ignore_ascii_case(raw)) || ctx.in_run(k) {
            continue;
        }
        let w = raw.to_lowercase();
        let prep = ctx.lower(k + 1);
        if !NOMINAL_PREPS.contains(&prep.as_str()) {
            continue;
        }
        // the possessor: right before the noun, or before one lower-case modifier
        let Some(mut p) = k.checked_sub(1) else {
            continue;
        };
        let modifier = |i: usize| {
            ctx.word(i).starts_with(char::is_lowercase)
                && ctx.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word)
                && !matches!(
                    ctx.lower(i).as_str(),
                    "his" | "her" | "their" | "its" | "the" | "a" | "an" | "of" | "to" | "for"
                )
                && !CLAUSE_WORDS.contains(&ctx.lower(i).as_str())
        };
        if p > r.start && modifier(p) {
            p -= 1;
        }
        if p < r.start {
            continue;
        }
        let Some(pt) = ctx.tokens.get(p) else {
            continue;
        };
        let pw = ctx.lower(p);
        let found = if matches!(pw.as_str(), "his" | "her" | "their") {
            let subject = match pw.as_str() {
                "his" => "he",
                "her" => "she",
                _ => "they",
            };
            Some(Found {
                start: pt.start,
                end: pt.end,
                resolved: ctx.resolve(pt.start, subject, None),
            })
        } else {
            // "Kerry’s", "Kerry ’s": a PER or ORG mention with a possessive
            let (owner_end, owner_tok) = if matches!(ctx.word(p), "'s" | "’s") {
                let Some(o) = p.checked_sub(1).and_then(|o| ctx.tokens.get(o)) else {
                    continue;
                };
                (o.end, o)
            } else if pw.ends_with("'s") || pw.ends_with("’s") {
                let cut = pt.end - if pw.ends_with("'s") { 2 } else { 4 };
                (cut, pt)
            } else {
                continue;
            };
            ctx.entities
                .iter()
                .find(|e| {
                    e.start <= owner_tok.start
                        && e.end >= owner_end
                        && e.start >= s.start
                        && speaks(e)
                })
                .map(|e| Found {
                    start: e.start,
                    end: e.end.min(owner_end).max(e.start),
                    resolved: e.canonical.clone(),
                })
        };
        let Some(f) = found else {
            continue;
        };
        // "promise to rebuild", "plan to": the infinitive is the content, "to" included
        let from = if prep == "to" && w.starts_with("call") {
            k + 1
        } else {
            k + 2
        };
        let Some(cs) = ctx.tokens.get(from).map(|t| t.start) else {
            continue;
        };
        if cs >= s.end {
            continue;
        }
        let ce = stance_object_end(ctx, cs, s.end);
        let cue = format!("{} {}", ctx.word(k), ctx.word(k + 1));
        if let Some(q) = make_reported(ctx, cs, ce, Some(&f), &cue, ACT) {
            out.push(q);
        }
    }
    out
}

/// "When asked whether ...", "asked by a reporter if ...": a question put to the
/// speaker, whose content is the question (kind `act`); the asker, when "by X" names
/// one, is the speaker, else there is none (PolNeAR marks these without a Source).
pub(super) fn asked_question(ctx: &Ctx, s: &Sentence) -> Vec<QuoteMention> {
    let r = tokens_in(ctx.tokens, s.span());
    let mut out = Vec::new();
    for c in r.clone() {
        if !ctx.word(c).eq_ignore_ascii_case("asked") || ctx.in_run(c) {
            continue;
        }
        let before = c.checked_sub(1).map(|p| ctx.lower(p)).unwrap_or_default();
        if !matches!(
            before.as_str(),
            "when" | "after" | "before" | "if" | "was" | "were" | "being" | "," | "once"
        ) {
            continue;
        }
        let mut k = c + 1;
        let mut by: Option<Found> = None;
        if ctx.lower(k) == "by" {
            // "asked by a reporter", "asked by Fox News": a short noun phrase
            let Some(first) = ctx.tokens.get(k + 1) else {
                continue;
            };
            let mut j = k + 1;
            while j < k + 6
                && ctx.tokens.get(j).is_some_and(|t| t.kind == TokenKind::Word)
                && !matches!(
                    ctx.lower(j).as_str(),
                    "whether" | "if" | "about" | "what" | "why" | "how" | "who" | "which" | "to"
                )
            {
                j += 1;
            }
            let Some(last) = ctx.tokens.get(j - 1) else {
                continue;
            };
            if j == k + 1 {
                continue;
            }
            by = Some(Found {
                start: first.start,
                end: last.end,
                resolved: None,
            });
            k = j;
        }
        let w = ctx.lower(k);
        // ("when asked about X": PolNeAR rarely marks the topic)
        if !matches!(
            w.as_str(),
            "whether" | "if" | "what" | "why" | "how" | "who" | "which" | "whom"
        ) {
            continue;
        }
        let Some(cs) = ctx.tokens.get(k).map(|t| t.start) else {
            continue;
        };
        if cs >= s.end {
            continue;
        }
        let ce = content_end(ctx, cs, s.end, true, true);
        let Some((start, end)) = trim_content(ctx.text, cs, ce) else {
            continue;
        };
        let Some(content) = ctx.text.get(start..end) else {
            continue;
        };
        let content = content.trim_end_matches(['.', '!', '?', ' ']);
        if content.split_whitespace().count() < 2 {
            continue;
        }
        let speaker = by.as_ref().and_then(|f| ctx.speaker_span(f));
        out.push(QuoteMention {
            start,
            end: start + content.len(),
            text: content.to_string(),
            speaker,
            kind: Some(ACT.to_string()),
            cue: Some("asked".to_string()),
        });
    }
    out
}

/// "“A,” X said, adding that B" / "“A,” X said, referring to B": a second attribution of
/// the speaker of a direct quote, in a participle clause after the quote's frame (kind
/// `reported` after a verb of saying, `act` after a speech act). The content runs from
/// after the participle (and its "that" or preposition) to the end of the sentence.
pub(super) fn trailing_participle(ctx: &Ctx, q: &QuoteMention) -> Option<QuoteMention> {
    if q.kind.as_deref() != Some("direct") {
        return None;
    }
    let sp = q.speaker.as_ref()?;
    // the frame follows the quote: "“A,” X said, ..." or "“A,” said X, ..."
    if sp.start < q.end || sp.start - q.end > 40 {
        return None;
    }
    let s = ctx.sentences.get(ctx.sentence_of(sp.start)?)?;
    let from = ctx.tokens.partition_point(|t| t.start < sp.end);
    let hi = ctx.tokens.partition_point(|t| t.start < s.end);
    // the first comma after the speaker, within a short frame ("said in a statement,")
    let comma = (from..hi.min(from + 10)).find(|&k| matches!(ctx.word(k), "," | "." | ";"))?;
    if ctx.word(comma) != "," || (from..comma).any(|k| ctx.in_run(k)) {
        return None;
    }
    let ing = if matches!(ctx.lower(comma + 1).as_str(), "also" | "again" | "even") {
        comma + 2
    } else {
        comma + 1
    };
    let g = ctx.lower(ing);
    if !TRAILING_PARTICIPLES.contains(&g.as_str()) || ctx.in_run(ing) {
        return None;
    }
    let cs = content_start_after_cue(ctx, ing, s.end)?;
    let object = SPEECH_ACTS.contains(&g.as_str()) || prep_verb(&g, &ctx.lower(ing + 1));
    let ce = content_end(ctx, cs, s.end, object, false);
    let f = Found {
        start: sp.start,
        end: sp.end,
        resolved: sp.resolved.clone(),
    };
    let kind = if object { ACT } else { REPORTED };
    make_reported(ctx, cs, ce, Some(&f), ctx.word(ing), kind)
}

/// Adjectives of stance after a copula in sentence `s`: "X is critical of Y", "X was
/// confident that Y", "X remains opposed to Z" (kind `act`, or
/// `reported` before a "that" clause); the speaker is the subject before the copula.
pub(super) fn adjectival(ctx: &Ctx, s: &Sentence) -> Vec<QuoteMention> {
    let r = tokens_in(ctx.tokens, s.span());
    let mut out = Vec::new();
    for c in r.clone() {
        // the list is lower case, and so must the word be: no allocation per token
        let w = ctx.word(c);
        let Some((_, preps)) = STANCE_ADJECTIVES.iter().find(|(a, _)| *a == w) else {
            continue;
        };
        if ctx.in_run(c) {
            continue;
        }
        let prep = ctx.lower(c + 1);
        if !preps.contains(&prep.as_str()) {
            continue;
        }
        // a copula before the adjective, after adverbs ("was deeply concerned")
        let mut k = c;
        let mut copula = None;
        while let Some(p) = k.checked_sub(1) {
            if p < r.start {
                break;
            }
            let lp = ctx.lower(p);
            if matches!(
                lp.as_str(),
                "is" | "was"
                    | "are"
                    | "were"
                    | "be"
                    | "been"
                    | "being"
                    | "remain"
                    | "remains"
                    | "remained"
                    | "seemed"
                    | "seems"
                    | "appeared"
                    | "appears"
                    | "became"
                    | "'s"
                    | "’s"
                    | "'re"
                    | "’re"
            ) {
                copula = Some(p);
                break;
            }
            if !(ctx.adverb(p)
                || matches!(lp.as_str(), "not" | "more" | "less" | "so" | "too" | "very"))
                || c - p > 3
            {
                break;
            }
            k = p;
        }
        let Some(cop) = copula else {
            continue;
        };
        let f = ctx
            .speaker_before(cop, s.start)
            .or_else(|| ctx.subject_np(cop, s.start));
        let Some(f) = f else {
            continue;
        };
        let clause = matches!(prep.as_str(), "that" | "whether" | "if");
        let from = if matches!(prep.as_str(), "whether" | "if") {
            c + 1
        } else {
            c + 2
        };
        let Some(cs) = ctx.tokens.get(from).map(|t| t.start) else {
            continue;
        };
        if cs >= s.end {
            continue;
        }
        let ce = content_end(ctx, cs, s.end, !clause, false);
        let kind = if clause { REPORTED } else { ACT };
        let cue = format!("{} {}", ctx.word(c), ctx.word(c + 1));
        if let Some(q) = make_reported(ctx, cs, ce, Some(&f), &cue, kind) {
            out.push(q);
        }
    }
    out
}

/// "The plans are “profoundly irresponsible,” said X.": where the claim of a partial quote
/// that closes on its frame (the speaker right after it, then the end of the sentence)
/// starts: at the start of its sentence, when the words before the quote hold no quote
/// marks and no cue of their own; the claim ends after the closing quote mark.
pub(super) fn lead_in(ctx: &Ctx, q: &QuoteMention) -> Option<(usize, usize)> {
    if q.kind.as_deref() != Some("partial") {
        return None;
    }
    let sp = q.speaker.as_ref()?;
    if sp.start < q.end || sp.start - q.end > 30 {
        return None;
    }
    let s = ctx.sentences.get(ctx.sentence_of(q.start)?)?;
    if s.end < sp.end {
        return None;
    }
    // the quote closes on a comma: "... “irresponsible,” said"
    let gap = ctx.text.get(q.end..sp.start)?;
    if !gap
        .trim_start_matches(['\u{201D}', '"', '\''])
        .starts_with(',')
        && !ctx.text.get(q.start..q.end)?.ends_with(',')
    {
        return None;
    }
    let first = ctx.tokens.partition_point(|t| t.start < s.start);
    let open = ctx.tokens.partition_point(|t| t.start < q.start);
    let words = (first..open)
        .filter(|&k| ctx.tokens.get(k).is_some_and(|t| t.kind == TokenKind::Word))
        .count();
    if words < 2
        || (first..open).any(|k| {
            ctx.in_run(k)
                && ctx
                    .tokens
                    .get(k)
                    .is_some_and(|t| t.end <= q.start.saturating_sub(1))
                || ctx.is_cue(k)
                || ctx.lower(k) == "according"
        })
    {
        return None;
    }
    let start = skip_dateline(ctx.text, s.start, q.start);
    // "irresponsible,”": the comma and the closing mark
    let tail = ctx.text.get(q.end..sp.start)?;
    let kept = tail.trim_start_matches([',', ' ']);
    let mark = ["\u{201D}", "''", "\"", "\u{2019}"]
        .iter()
        .find(|m| kept.starts_with(**m))
        .map_or(0, |m| m.len());
    let end = q.end + (tail.len() - kept.len()) + mark;
    let end = if mark == 0 { q.end } else { end };
    (start < q.start).then_some((start, end))
}

/// "which officials said will take effect", "what many analysts said was a sign of ...":
/// when the clause after cue `c` starts on a verb (its subject is the relative word before
/// the speaker `f`), the start of that relative word, and the speaker without it.
pub(super) fn subject_gap_start(
    ctx: &Ctx,
    c: usize,
    f: &Found,
    floor: usize,
) -> Option<(usize, Found)> {
    let next = ctx.lower(c + 1);
    let verb_first = matches!(
        next.as_str(),
        "is" | "was"
            | "are"
            | "were"
            | "will"
            | "would"
            | "could"
            | "can"
            | "should"
            | "might"
            | "may"
            | "had"
            | "has"
            | "have"
            | "did"
            | "does"
    );
    if !verb_first {
        return None;
    }
    let relative = |k: usize| matches!(ctx.lower(k).as_str(), "which" | "what" | "that");
    let first = ctx.tokens.partition_point(|t| t.start < f.start);
    let last = ctx.tokens.partition_point(|t| t.start < f.end);
    // the relative word inside the speaker span ("which officials") or right before it
    let rel = (first..last.saturating_sub(1))
        .rev()
        .find(|&k| relative(k))
        .or_else(|| first.checked_sub(1).filter(|&k| relative(k)))?;
    let rt = ctx.tokens.get(rel)?;
    let st = ctx.tokens.get(rel + 1)?;
    if rt.start < floor {
        return None;
    }
    let speaker = Found {
        start: st.start.max(f.start),
        end: f.end,
        resolved: f.resolved.clone(),
    };
    Some((rt.start, speaker))
}
