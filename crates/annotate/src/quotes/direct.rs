//! Direct and partial quotes between quote marks, and transcript or headline labels.

use super::*;

pub(super) fn is_quote_open(c: char) -> bool {
    matches!(c, '\u{201C}' | '\u{201E}' | '\u{00AB}')
}

pub(super) fn is_quote_close(c: char) -> bool {
    matches!(c, '\u{201D}' | '\u{00BB}')
}

/// A span of quoted content, between the marks.
#[derive(Debug, Clone, Copy)]
pub(super) struct Run {
    /// Byte of the opening mark.
    pub(super) open: usize,
    /// Byte after the closing mark.
    pub(super) close_end: usize,
    /// Content start (after the opening mark).
    pub(super) start: usize,
    /// Content end (before the closing mark).
    pub(super) end: usize,
}

/// Finds quoted runs; a run left open at a paragraph end continues when the next paragraph
/// reopens the quote, else it is dropped.
pub(super) fn quote_runs(text: &str) -> Vec<Run> {
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
pub(super) fn trim_content(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
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

/// Interview transcripts: a paragraph opening with a speaker label in capitals and a
/// colon ("PENCE: Well, look, ...", "MR. TRUMP: ..."); the turn is the rest of the
/// paragraph.
pub(super) fn transcript_turns(ctx: &Ctx) -> Vec<QuoteMention> {
    let text = ctx.text;
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
        // a banner in capitals, not a name: "ON DEADLINE", "CHARGED WITH MURDER",
        // "LIKELY FOE" (a preposition, or a common word in "-ed" or "-ly")
        let banner = !label.chars().any(char::is_lowercase)
            && label.split(' ').any(|w| {
                let lw = w.to_lowercase();
                PREPOSITIONS.contains(&lw.as_str())
                    || (lw.len() > 4
                        && (lw.ends_with("ed") || lw.ends_with("ly"))
                        && gazetteer::is_lowercase_word(&lw))
            });
        // a headline or interview line in title case: "Carly Fiorina: ...", "Q: ...",
        // "Clinton camp: ..."
        let title_ok = !label_ok
            && (1..=30).contains(&label.len())
            && label.split(' ').count() <= 4
            && label.split(' ').all(|w| {
                w.starts_with(char::is_uppercase)
                    || matches!(
                        w,
                        "of" | "on" | "at" | "camp" | "campaign" | "aide" | "aides"
                    )
            })
            && label
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '-' | '\'' | '\u{2019}'))
            && label.chars().next().is_some_and(char::is_alphabetic)
            && {
                // "Q", a speaker noun ("Poll"), or a person or organisation named in it
                let ls = line_start + lead;
                let le = ls + label.len();
                let lo = ctx.entities.partition_point(|e| e.end <= ls);
                matches!(label, "Q" | "A")
                    || label
                        .rsplit(' ')
                        .next()
                        .is_some_and(|w| speaker_noun(&w.to_lowercase()).is_some())
                    || ctx
                        .entities
                        .get(lo..)
                        .unwrap_or(&[])
                        .iter()
                        .take_while(|e| e.start < le)
                        .any(|e| speaks(e) && e.end <= le)
            };
        let upper = label.to_uppercase();
        if !(label_ok || title_ok)
            || banner
            || NOT_SPEAKER_LABELS.contains(&label)
            || NOT_SPEAKER_LABELS.contains(&upper.as_str())
            || NOT_SPEAKER_TITLE_WORDS
                .iter()
                .any(|w| upper.split(' ').any(|x| x == *w))
        {
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

/// "“...,” Trump barked", "“...?” she wondered": right after a quote that closes on a
/// comma, a question or an exclamation mark, a PER/ORG mention or a subject pronoun and a
/// lower-case verb (a word of the cue lists, or one ending in "ed" or "s") give the
/// speaker and the cue; so do such a verb and a person's name ending the sentence ("“...,”
/// mused Sam Berg.").
pub(super) fn name_and_verb_after(ctx: &Ctx, run: &Run) -> Option<(Found, String)> {
    let inside = ctx.text.get(run.start..run.end)?.trim_end();
    if !inside.ends_with([',', '?', '!']) {
        return None;
    }
    let k = ctx.tokens.partition_point(|t| t.start < run.close_end);
    let t = ctx.tokens.get(k)?;
    // in the same paragraph: "“... you!”\n\nThe President released ..." is no frame
    if ctx
        .text
        .get(run.close_end.min(t.start)..t.start)
        .is_none_or(|g| g.contains('\n'))
    {
        return None;
    }
    // "“...,” mused Sam Berg.": an inverted verb and a person's name closing the sentence
    // (or followed by a comma: "mused Sam Berg, a host")
    // (also after title words: "mused Blaze co-host Stu Burguiere.")
    if t.kind == TokenKind::Word
        && ctx.verb_like(k)
        && !AUXILIARIES.contains(&ctx.lower(k).as_str())
        && let Some((j, e)) = (k + 1..k + 5)
            .take_while(|&j| {
                ctx.tokens.get(j).is_some_and(|t| t.kind == TokenKind::Word)
                    && !ctx.verb_like(j)
                    && !CLAUSE_WORDS.contains(&ctx.lower(j).as_str())
                    && !PRONOUNS.contains(&ctx.lower(j).as_str())
            })
            .find_map(|j| {
                let e = ctx
                    .tokens
                    .get(j)
                    .and_then(|n| ctx.entity_starting_at(n.start))?;
                (e.kind == EntityType::PER).then_some((j, e))
            })
    {
        let after = ctx.tokens.partition_point(|t| t.start < e.end);
        let closes = ctx.tokens.get(after).is_none_or(|t| {
            matches!(
                ctx.text.get(t.start..t.end),
                Some("." | "," | "!" | "?" | ";")
            )
        });
        let start = ctx.tokens.get(k + 1).map_or(e.start, |t| t.start);
        let f = if j == k + 1 {
            Found::of(e)
        } else {
            Found {
                start,
                end: e.end,
                resolved: e.canonical.clone(),
            }
        };
        return closes.then(|| (f, ctx.word(k).to_string()));
    }
    let (f, next) = if let Some(e) = ctx.entity_starting_at(t.start)
        && speaks(e)
    {
        let next = ctx.tokens.partition_point(|t| t.start < e.end);
        (Found::of(e), next)
    } else if matches!(
        ctx.lower(k).as_str(),
        "the" | "a" | "an" | "one" | "another" | "this" | "that"
    ) {
        // "“...,” the 43-year-old wrote", "“...,” one employee told": a short noun phrase
        let mut j = k + 1;
        while j < k + 6
            && ctx
                .tokens
                .get(j)
                .is_some_and(|t| t.kind != TokenKind::Punct)
            && !(ctx.word(j).starts_with(char::is_lowercase) && (ctx.verb_like(j) || ctx.is_cue(j)))
        {
            j += 1;
        }
        let last = ctx.tokens.get(j.checked_sub(1)?)?;
        if j == k + 1 || j >= k + 6 {
            return None;
        }
        (
            Found {
                start: t.start,
                end: last.end,
                resolved: None,
            },
            j,
        )
    } else {
        let lw = ctx.lower(k);
        if !matches!(lw.as_str(), "he" | "she" | "they" | "i" | "we") {
            return None;
        }
        let resolved = if matches!(lw.as_str(), "he" | "she") {
            ctx.resolve(t.start, &lw, None)
        } else {
            None
        };
        (
            Found {
                start: t.start,
                end: t.end,
                resolved,
            },
            k + 1,
        )
    };
    let v = ctx.word(next);
    let lv = v.to_lowercase();
    let verb = v.starts_with(char::is_lowercase)
        && ctx.tokens.get(next)?.kind == TokenKind::Word
        && (ctx.verb_like(next) || (lv.len() > 3 && lv.ends_with('s')));
    verb.then(|| (f, v.to_string()))
}

/// "“... are missing.” Trump said.": the speaker and cue of a short sentence that follows
/// the quote (sentence `s_close`) in the same paragraph and holds only the frame: a speaker
/// and a cue, then only filler ("on Monday", "in a statement", "told CNN") up to its final
/// period, no clause word and no quote marks.
pub(super) fn frame_sentence_after(
    ctx: &Ctx,
    run: &Run,
    s_close: Option<usize>,
) -> Option<(Found, String)> {
    let next = ctx.sentences.get(s_close? + 1)?;
    let gap = ctx.text.get(run.close_end..next.start)?;
    if gap.contains('\n') || gap.trim().len() > 1 {
        return None;
    }
    let r = tokens_in(ctx.tokens, next.span());
    if r.end < r.start + 3 || r.end - r.start > 12 || ctx.word(r.end - 1) != "." {
        return None;
    }
    if (r.start..r.end - 1).any(|k| {
        ctx.in_run(k)
            || CLAUSE_WORDS.contains(&ctx.lower(k).as_str())
            || ctx.tokens.get(k).is_some_and(|t| {
                t.kind == TokenKind::Punct
                    && !matches!(ctx.word(k), "’s" | "'s" | "-" | "." | "," | "(" | ")")
            })
    }) {
        return None;
    }
    let c = (r.start + 1..(r.start + 7).min(r.end - 1))
        .find(|&c| ctx.word(c).starts_with(char::is_lowercase) && ctx.is_cue(c))?;
    // after the cue only filler: "said on Monday", "told CNN", "said in a statement"
    let filler = (c + 1..r.end - 1).all(|k| {
        let w = ctx.word(k);
        !w.starts_with(char::is_lowercase)
            || is_time_word(&w.to_lowercase())
            || matches!(
                w,
                "at" | "a" | "an" | "statement" | "interview" | "also" | "again" | "reporters"
            )
    });
    if !filler {
        return None;
    }
    let f = ctx
        .speaker_before(c, next.start)
        .or_else(|| ctx.any_subject(c, next.start))
        .or_else(|| ctx.speaker_after(c, next.end))?;
    Some((f, ctx.word(c).to_string()))
}

pub(super) fn direct(ctx: &Ctx, run: &Run, continues: bool) -> Option<QuoteMention> {
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
    // a party label in brackets ("Sen. Marco Rubio (R-Fla.) said") is skipped
    let mut depth = 0usize;
    for (pos, c) in tail.clone().take(18).enumerate() {
        match ctx.word(c) {
            "(" => depth += 1,
            ")" => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth > 0 || ctx.word(c) == ")" {
            continue;
        }
        if !ctx.is_cue(c) {
            if matches!(ctx.word(c), "." | "!" | "?" | "\"" | "\u{201C}" | ";" | ":") {
                break;
            }
            continue;
        }
        let f = ctx
            .speaker_before(c, run.close_end)
            .or_else(|| ctx.speaker_after(c, sent_end))
            .or_else(|| {
                (pos == 0)
                    .then(|| ctx.np_after_quote(c, sent_end))
                    .flatten()
            });
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
    // "“...,” Trump barked": a name or pronoun and any verb right after the closing mark
    // (also when a cue there found no speaker: "“...,” the insider said")
    if found.as_ref().is_none_or(|(f, _)| f.end <= f.start)
        && let Some((f, verb)) = name_and_verb_after(ctx, run)
    {
        adjacent_cue = true;
        found = Some((f, verb));
    }
    // "“... missing.” Trump said.": a short sentence of its own right after the quote, in
    // the same paragraph, holding only the frame
    if found.is_none()
        && let Some(f) = frame_sentence_after(ctx, run, s_close)
    {
        adjacent_cue = true;
        found = Some(f);
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
                    ctx.speaker_before(c, sent_start)
                        .or_else(|| ctx.any_subject(c, sent_start))
                        .or_else(|| {
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
                // a cue word with no speaker ("familiar with Cruz’s thinking said") may
                // be a noun: an earlier cue of the head with a speaker wins
                if f.is_none() {
                    if hf.is_none() {
                        hf = Some((
                            Found {
                                start: 0,
                                end: 0,
                                resolved: None,
                            },
                            cue,
                        ));
                    }
                    continue;
                }
                if let Some(f) = f {
                    hf = Some((f, cue));
                }
                break;
            }
        }
        // a colon-ended sentence before the quote: "Hrytsenko said:"
        let prev_sentence = s_open
            .and_then(|i| i.checked_sub(1))
            .and_then(|i| ctx.sentences.get(i));
        let prev_colon = prev_sentence.filter(|prev| {
            text.get(prev.start..prev.end)
                .is_some_and(|t| t.trim_end().ends_with(':'))
        });
        if hf.is_none()
            && head.is_empty()
            && let Some(prev) = prev_colon
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
        // "Sanders delivered a snappy retort: “...”": a clause ending on a colon before the
        // quote speaks through its subject, a name or a pronoun
        // ("Silverman interjected, “...”": a verb and a comma right before the quote too)
        // ("X continues, “...”", "X issued a statement, “...”": a present-tense cue or a
        // noun of speech before the comma)
        let verb_comma = head.end >= head.start + 2
            && ctx.word(head.end - 1) == ","
            && ctx.word(head.end - 2).starts_with(char::is_lowercase)
            && {
                let v = ctx.lower(head.end - 2);
                (v.len() > 4 && v.ends_with("ed"))
                    || REPORTED_CUES.contains(&v.as_str())
                    || matches!(
                        v.as_str(),
                        "continues" | "statement" | "tweet" | "remarks" | "message" | "post"
                    )
                    || cue_class(&v).is_some()
                    // "Ruiz jokes, “...”": a present-tense verb right after a name or a
                    // pronoun
                    || (v.len() > 3
                        && v.ends_with('s')
                        && !v.ends_with("ss")
                        && head.end >= head.start + 3
                        && (matches!(ctx.lower(head.end - 3).as_str(), "he" | "she")
                            || ctx
                                .tokens
                                .get(head.end - 3)
                                .and_then(|t| ctx.entity_ending_at(t.end))
                                .is_some_and(|e| e.kind == EntityType::PER)))
            };
        // the verb before the colon or comma, for a subject the clause does not open
        // with ("As Jon Pell, a former mayor, put it: “...”", "The crowd cheers, and then
        // Berg continues: “...”")
        let frame_verb = || {
            let mut v = head.end.checked_sub(2)?;
            if ctx.lower(v) == "it" && ctx.lower(v.checked_sub(1)?) == "put" {
                v -= 1;
            }
            (v > head.start
                && ctx.word(v).starts_with(char::is_lowercase)
                && (ctx.verb_like(v) || ctx.lower(v) == "put" || ctx.lower(v).ends_with('s')))
            .then_some(v)
        };
        // "X praised the plan, telling reporters, “...”", "..., asking, “...”": a
        // participle of speech close before the comma speaks for the clause's subject
        let participle = (head.end >= head.start + 2 && ctx.word(head.end - 1) == ",")
            .then(|| {
                (head.end.saturating_sub(4).max(head.start)..head.end - 1)
                    .rev()
                    .find(|&j| {
                        TRAILING_PARTICIPLES.contains(&ctx.word(j))
                            && (j + 1..head.end - 1).all(|i| {
                                ctx.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word)
                            })
                    })
            })
            .flatten();
        if hf.as_ref().is_none_or(|(f, _)| f.end <= f.start)
            && let Some(v) = participle
            && let Some(t) = ctx.tokens.get(head.start)
            && let Some(f) = ctx
                .speaker_before(v, t.start)
                .or_else(|| ctx.clause_subject(v))
        {
            hf = Some((f, ctx.word(v).to_string()));
        }
        if hf.as_ref().is_none_or(|(f, _)| f.end <= f.start)
            && head.end > head.start
            && (ctx.word(head.end - 1) == ":" || verb_comma)
            && let Some(f) = ctx
                .clause_subject(head.end - 1)
                .or_else(|| colon_label(ctx, head.start, head.end - 1))
                .or_else(|| {
                    let v = frame_verb()?;
                    let t = ctx.tokens.get(head.start)?;
                    ctx.speaker_before(v, t.start)
                })
        {
            hf = Some((f, ":".to_string()));
        }
        // "Sanders asks at Western High School, “...”", "He concluded so eloquently, “...”",
        // "the supporter retorted: “...”": a verb a few words before the colon or comma
        // (past an adverb, an object or a place) speaks through its subject
        let late_verb = || {
            let end = head.end.checked_sub(1)?;
            if !matches!(ctx.word(end), ":" | ",") {
                return None;
            }
            let lo = end.saturating_sub(7).max(head.start + 1);
            let v = (lo..end)
                .rev()
                .take_while(|&j| {
                    ctx.tokens.get(j).is_some_and(|t| t.kind == TokenKind::Word)
                        && !CLAUSE_WORDS.contains(&ctx.lower(j).as_str())
                })
                .find(|&j| {
                    let lw = ctx.lower(j);
                    ctx.word(j).starts_with(char::is_lowercase)
                        && !AUXILIARIES.contains(&lw.as_str())
                        // a verb of speaking or its manner, not any verb ("received a
                        // letter from Tom Ruse, “I am sorry”" is Ruse's words)
                        && (MANNER_OF_SPEAKING.contains(&lw.trim_end_matches('s'))
                            || cue_class(&lw).is_some())
                        && (ctx.verb_like(j)
                            || (lw.len() > 3
                                && lw.ends_with('s')
                                && !lw.ends_with("ss")
                                && ctx
                                    .tokens
                                    .get(j - 1)
                                    .and_then(|t| ctx.entity_ending_at(t.end))
                                    .is_some_and(|e| e.kind == EntityType::PER)))
                })?;
            // (not a passive, "She was also featured in a Times article, “...”")
            let mut b = v.checked_sub(1)?;
            if ctx.adverb(b) {
                b = b.checked_sub(1)?;
            }
            if matches!(
                ctx.lower(b).as_str(),
                "was" | "were" | "is" | "are" | "be" | "been" | "being"
            ) {
                return None;
            }
            let t = ctx.tokens.get(head.start)?;
            ctx.speaker_before(v, t.start)
        };
        if hf.as_ref().is_none_or(|(f, _)| f.end <= f.start)
            && content.starts_with(char::is_uppercase)
            && let Some(f) = late_verb()
        {
            hf = Some((f, ":".to_string()));
        }
        // "Lopez said in a statement. “...”": a sentence that ends on a cue with no content
        // of its own introduces the quote that opens the next one
        if hf.is_none()
            && head.is_empty()
            && let Some(prev) = prev_sentence
            && text
                .get(prev.end..run.open)
                .is_some_and(|g| g.trim().is_empty() && g.len() < 8)
        {
            let ph = tokens_in(ctx.tokens, prev.span());
            let last = ph.end.saturating_sub(1);
            let cue = (ph.start..last).rev().take(9).find(|&c| {
                ctx.word(c).starts_with(char::is_lowercase)
                    && (ctx.is_cue(c)
                            // "X agreed. “...”": any verb of the cue lists closing it
                            || (c + 1 == last && in_cue_lists(&ctx.lower(c))))
            });
            if let Some(c) = cue
                && ctx.word(last) == "."
                && (c + 1..last).all(|k| {
                    ctx.tokens.get(k).is_some_and(|t| {
                        t.kind != TokenKind::Punct || matches!(ctx.word(k), "’s" | "'s" | "-")
                    }) && !ctx.in_run(k)
                        && ctx.lower(k) != "that"
                        && !CLAUSE_WORDS.contains(&ctx.lower(k).as_str())
                })
                && let Some(f) = ctx
                    .speaker_before(c, prev.start)
                    .or_else(|| ctx.any_subject(c, prev.start))
                    .or_else(|| ctx.speaker_after(c, prev.end))
            {
                hf = Some((f, ctx.word(c).to_string()));
            }
        }
        // "President Clinton released the following statement:" or "Carl Bialik:" closing
        // the sentence (or paragraph) before the quote
        if hf.is_none()
            && head.is_empty()
            && let Some(prev) = prev_colon
            && text.get(prev.end..run.open).is_some_and(|g| g.len() < 8)
        {
            let ph = tokens_in(ctx.tokens, prev.span());
            if ph.end > ph.start
                && let Some(f) = ctx
                    .clause_subject(ph.end - 1)
                    .or_else(|| colon_label(ctx, ph.start, ph.end - 1))
            {
                hf = Some((f, ":".to_string()));
            }
        }
        // "Hillary shot back, “...”", "Beck joked, again using an accent, “...”": a
        // sentence quoted after a comma or colon that closes a clause whose subject is a
        // name or "he"/"she", with a verb of speaking or its manner right after the
        // subject (an adverb may stand between), is the subject's words; not any verb
        // ("received a letter from Tom Ruse, “I am sorry ...”", "pointed to the sign,
        // “No entry”"). (Not a
        // fragment inside the predicate: "was indicted ... for his own “personal
        // use”", "a nomination for “Outstanding Performance in a Variety Program”" are
        // a text's or a title's words, not the subject's.)
        if hf.as_ref().is_none_or(|(f, _)| f.end <= f.start)
            && n_words >= 3
            && head.end > head.start
            && matches!(ctx.word(head.end - 1), "," | ":")
            && content.starts_with(char::is_uppercase)
            && !content.split_whitespace().all(|w| {
                w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
            })
            && !(head.start..head.end).any(|j| ctx.in_run(j))
            && let Some(f) = ctx.clause_subject(head.end - 1)
            && {
                let sw = text.get(f.start..f.end).unwrap_or("").to_lowercase();
                matches!(sw.as_str(), "he" | "she")
                    || ctx
                        .entity_starting_at(f.start)
                        .is_some_and(|e| matches!(e.kind, EntityType::PER | EntityType::ORG))
            }
            && let Some(mut v) = (head.start..head.end)
                .find(|&j| ctx.tokens.get(j).is_some_and(|t| t.start >= f.end))
            && {
                if ctx.adverb(v) {
                    v += 1;
                }
                let lv = ctx.lower(v);
                v < head.end
                    && ctx.word(v).starts_with(char::is_lowercase)
                    && !AUXILIARIES.contains(&lv.as_str())
                    && !matches!(
                        lv.as_str(),
                        "is" | "was" | "are" | "were" | "has" | "had" | "have"
                    )
                    && MANNER_OF_SPEAKING.contains(&lv.trim_end_matches('s'))
            }
        {
            hf = Some((f, ctx.word(v).to_string()));
        }
        found = hf;
    }
    if n_words < 4 && !adjacent_cue && !continues {
        return None;
    }
    // titles of works or outlets in quotes: every word capitalised (not a quote closing
    // on a comma before its frame with a verb of saying, "“Safety,” said Grimm, a
    // supporter."; "identified as “Deep Throat,” the character believed ..." is no frame)
    let framed = adjacent_cue
        && found
            .as_ref()
            .is_some_and(|(f, cue)| f.end > f.start && CUES.contains(&cue.to_lowercase().as_str()))
        && text
            .get(run.start..run.end)
            .is_some_and(|t| t.trim_end().ends_with([',', '!', '?']));
    if !continues
        && !framed
        && n_words < 6
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
    // a fragment carried by the sentence: it opens in lower case after words of the
    // sentence ("argued the pipeline, which ..., “wouldn't go far”"), or the sentence goes
    // on in lower case after it ("said “it gets me mad” every time ...")
    let words_before = before
        .clone()
        .filter(|&k| ctx.tokens.get(k).is_some_and(|t| t.kind == TokenKind::Word))
        .count();
    let opens_lower = content.starts_with(char::is_lowercase) && words_before >= 2;
    let after = ctx.tokens.partition_point(|t| t.start < run.close_end);
    let goes_on = words_before >= 2
        && ctx
            .tokens
            .get(after)
            .is_some_and(|t| t.kind == TokenKind::Word && t.end <= sent_end)
        && ctx.word(after).starts_with(char::is_lowercase)
        && !ctx.is_cue(after)
        && !PRONOUNS.contains(&ctx.lower(after).as_str());
    let partial = partial || opens_lower || goes_on;
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

/// A short label before a colon at token `colon`, from token `first`: "Carl Bialik:",
/// "Pew Research:" (one to five capitalised words, or a PER/ORG mention).
pub(super) fn colon_label(ctx: &Ctx, first: usize, colon: usize) -> Option<Found> {
    if colon <= first || colon - first > 5 || ctx.word(colon) != ":" {
        return None;
    }
    let all_caps = (first..colon).all(|k| {
        ctx.tokens.get(k).is_some_and(|t| t.kind == TokenKind::Word)
            && ctx.word(k).starts_with(char::is_uppercase)
    });
    if !all_caps {
        return None;
    }
    let (a, b) = (ctx.tokens.get(first)?, ctx.tokens.get(colon - 1)?);
    let words = ctx.text.get(a.start..b.end)?;
    if NOT_SPEAKER_LABELS
        .iter()
        .any(|l| l.eq_ignore_ascii_case(words))
    {
        return None;
    }
    let resolved = ctx
        .entities
        .iter()
        .find(|e| e.start == a.start && e.end == b.end)
        .and_then(|e| e.canonical.clone());
    Some(Found {
        start: a.start,
        end: b.end,
        resolved,
    })
}

/// "“...”\n\n— Maria Lopez", "“...” - Maria Lopez (@handle)": a dash and a PER/ORG
/// mention right after the quote that ends at byte `end` (its closing mark, end
/// punctuation and at most two line breaks between): a signature, the speaker.
pub(super) fn signature_after(ctx: &Ctx, end: usize) -> Option<Found> {
    let rest = ctx.text.get(end..)?;
    let head: String = rest.chars().take(12).collect();
    let gap = head.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '\u{201D}' | '"' | '\'' | '.' | '!' | '?' | '\u{2019}')
    });
    let skipped = head.len() - gap.len();
    if head.get(..skipped)?.matches('\n').count() > 2 {
        return None;
    }
    let dash = ['-', '\u{2014}', '\u{2013}']
        .into_iter()
        .find(|d| gap.starts_with(*d))?;
    let after = end + skipped + dash.len_utf8();
    let name_start =
        after + ctx.text.get(after..)?.len() - ctx.text.get(after..)?.trim_start().len();
    let e = ctx.entity_starting_at(name_start)?;
    if !speaks(e) {
        return None;
    }
    // the name ends its line or is followed by a handle or a date
    let tail = ctx.text.get(e.end..)?;
    let line = tail.split('\n').next().unwrap_or("");
    if line.trim().len() > 40 {
        return None;
    }
    Some(Found::of(e))
}
