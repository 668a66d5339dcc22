//! Quote and quote+speaker P/R/F1 on the PolNeAR development split.
//!
//! Usage: `cargo run -p corroborate-annotate --release --example eval_polnear [-- dir]`
//! (default `/work/shared/data/quotes/polnear/dev`, with `text/*.txt` and brat
//! `attributions/*.ann`; when a text has several annotators, the first file in name order
//! is gold).
//!
//! Gold quote = the `Content` span of an attribution (discontinuous spans are closed over),
//! gold speaker = its `Source` span. Matching rule: a predicted quote matches a gold one
//! when their character overlap covers at least 50% of the gold span and at least 50% of
//! the predicted span (quote marks ignored); each gold matches once. Quote+speaker also
//! needs the predicted speaker span to overlap the gold Source span. Gold Content spans
//! that are discontinuous ("“A,” she said. “B.”") are closed over, so two predicted direct
//! quotes with their speaker between them are closed over too (`NO_MERGE=1` turns that
//! off). A second quote+speaker line also counts as right a speakerless match of a gold
//! attribution that has no Source ("when asked whether ..."), for information; the first
//! line keeps the rule above; a third counts only the predictions that name a speaker (a
//! quote with no speaker claims none), also for information. `VERBOSE=1` prints false positives (with kind, cue, speaker
//! and the text before), speaker errors and misses (`FN~`: some
//! predicted quote overlaps the miss). `CUES=1` prints the most frequent Cue strings of
//! the split instead (`-- /work/shared/data/quotes/polnear/train`). `MISSES=1` prints an
//! error analysis of the misses (run it on `train`): every missed gold attribution with its
//! Cue, grouped by structure (cue before/after/inside the content, "according to", no
//! Source, short content, a prediction overlapping it by less than 50%, cue word not in our
//! lists) and by cue word, plus matched quotes whose speaker is missing or wrong
//! (`MISSES=2` also lists every miss). `CUE_STATS=1` prints, per cue word, how many
//! predicted quotes matched and how many of those have the right speaker (the 120 most
//! frequent; `CUE_STATS=all`: every cue). `BOUNDS=1` lists every unmatched prediction next
//! to the unmatched gold attribution it overlaps most, with where their bounds differ (the
//! round 8 analysis of content bounds); `DUMP=FILE` writes each document's text, gold
//! spans and predictions (after the split-quote join) as JSON Lines, for offline
//! experiments with bounds. `DIRECT=1` scores direct quotations only, as a
//! direct-quotation extractor (textacy's) is meant to be scored: gold keeps the
//! attributions whose Content is mostly inside quotation marks (see `is_direct_span`),
//! and predictions the same way (whatever their kind); `DIRECT=2` also prints the gold
//! attributions a prediction matches that the rule leaves out (`EXCLUDED`), to check it;
//! `DIRECT_SHARE=0.8` asks for a larger share inside the marks.

use corroborate_annotate::quotes::cue_class;
use corroborate_annotate::{Options, annotate};
use corroborate_model::{DateBasis, DateValue, QuoteMention, Source};
use std::collections::HashMap;

struct Gold {
    start: usize,
    end: usize,
    source: Option<(usize, usize)>,
    cue: Option<(usize, usize)>,
}

/// Char offsets -> byte offsets.
fn char_to_byte(text: &str) -> Vec<usize> {
    let mut v: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    v.push(text.len());
    v
}

fn parse_ann(ann: &str, c2b: &[usize]) -> Vec<Gold> {
    let mut spans: HashMap<String, (String, usize, usize)> = HashMap::new();
    let mut events = Vec::new();
    for line in ann.lines() {
        let mut cols = line.split('\t');
        let (Some(id), Some(mid)) = (cols.next(), cols.next()) else {
            continue;
        };
        if id.starts_with('T') {
            let mut parts = mid.split(' ');
            let kind = parts.next().unwrap_or("").to_string();
            let rest: Vec<usize> = parts
                .flat_map(|p| p.split(';'))
                .filter_map(|x| x.parse().ok())
                .collect();
            if let (Some(s), Some(e)) = (rest.iter().min(), rest.iter().max()) {
                let (s, e) = (
                    c2b.get(*s).copied().unwrap_or(0),
                    c2b.get(*e).copied().unwrap_or(0),
                );
                spans.insert(id.to_string(), (kind, s, e));
            }
        } else if id.starts_with('E') {
            events.push(mid.to_string());
        }
    }
    let mut out = Vec::new();
    for ev in events {
        let mut content = None;
        let mut source = None;
        let mut cue = None;
        for arg in ev.split(' ') {
            let Some((role, t)) = arg.split_once(':') else {
                continue;
            };
            match role {
                "Content" => content = spans.get(t).map(|x| (x.1, x.2)),
                "Source" => source = spans.get(t).map(|x| (x.1, x.2)),
                "Cue" => cue = spans.get(t).map(|x| (x.1, x.2)),
                _ => {}
            }
        }
        if let Some((s, e)) = content {
            out.push(Gold {
                start: s,
                end: e,
                source,
                cue,
            });
        }
    }
    out
}

/// PolNeAR annotates a quote split by its attribution ("“A,” she said. “B.”") as one
/// discontinuous Content, which the gold side closes over: two consecutive direct quotes
/// with the speaker between them, in one paragraph, are closed over the same way (also
/// when a second cue, "adding:", stands between them: limiting the merge to a short
/// attribution lost matches on train), when less than 300 bytes apart (a long appositive
/// speaker, "“A,” said X, a former ... who ... . “B.”", is common; 120 bytes until round 5).
/// Reported clauses and acts of the frame between the two ("“A,” X said, referring to B.
/// “C.”") are skipped over and kept (round 8: +12 quote+speaker matches on train).
fn merge_split_quotes(text: &str, quotes: Vec<QuoteMention>) -> Vec<QuoteMention> {
    let mut out: Vec<QuoteMention> = Vec::new();
    for q in quotes {
        // the last direct quote, past the reported clauses and acts of its frame ("“A,” X
        // said, referring to B. “C.”": PolNeAR closes over the participle too)
        let last = out
            .iter()
            .rposition(|p| !matches!(p.kind.as_deref(), Some("reported" | "act")));
        let prev = last.and_then(|i| {
            let end = out.get(i)?.end;
            let rest = out.get(i + 1..)?;
            if rest.iter().all(|r| r.start >= end) {
                out.get_mut(i)
            } else {
                None
            }
        });
        if let Some(prev) = prev
            && !matches!(prev.kind.as_deref(), Some("reported" | "act"))
            && !matches!(q.kind.as_deref(), Some("reported" | "act"))
            && q.start >= prev.end
            && q.start - prev.end < 300
            && text
                .get(prev.end..q.start)
                .is_some_and(|g| !g.contains('\n'))
            && q.speaker.as_ref().is_none_or(|sp| sp.start < q.end)
            && [&prev.speaker, &q.speaker].iter().any(|sp| {
                sp.as_ref()
                    .is_some_and(|sp| sp.start >= prev.end && sp.end <= q.start)
            })
        {
            if prev.speaker.is_none() {
                prev.speaker = q.speaker.clone();
            }
            prev.end = q.end;
            prev.text = text.get(prev.start..prev.end).unwrap_or("").to_string();
            continue;
        }
        out.push(q);
    }
    out
}

/// Prints the most frequent Cue strings (lower-cased) of every annotation file of the
/// split: the source of the cue lists in `quotes.rs` (run it on `train`).
fn print_cue_counts(dir: &str, anns: &[std::path::PathBuf]) {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for path in anns {
        let Ok(ann) = std::fs::read_to_string(path) else {
            continue;
        };
        for line in ann.lines() {
            let mut cols = line.split('\t');
            let (Some(id), Some(mid), Some(t)) = (cols.next(), cols.next(), cols.next()) else {
                continue;
            };
            if id.starts_with('T') && mid.starts_with("Cue ") {
                *counts.entry(t.trim().to_lowercase()).or_default() += 1;
            }
        }
    }
    let mut v: Vec<(String, usize)> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    println!("most frequent Cue strings in {dir} ({} files):", anns.len());
    for (cue, n) in v.iter().take(150) {
        println!("{n:6} {cue}");
    }
}

/// Counts for the `MISSES=1` error analysis.
#[derive(Default)]
struct Misses {
    by_group: HashMap<String, usize>,
    by_cue: HashMap<String, usize>,
    examples: HashMap<String, Vec<String>>,
    no_speaker_by_cue: HashMap<String, usize>,
    wrong_speaker: Vec<String>,
    list_all: bool,
}

impl Misses {
    fn add(&mut self, group: &str, cue: &str, line: String) {
        *self.by_group.entry(group.to_string()).or_default() += 1;
        *self.by_cue.entry(cue.to_string()).or_default() += 1;
        let ex = self.examples.entry(group.to_string()).or_default();
        if ex.len() < 12 {
            ex.push(line.clone());
        }
        if self.list_all {
            println!("MISS [{group}] {line}");
        }
    }

    fn print(&self) {
        let sorted = |m: &HashMap<String, usize>| {
            let mut v: Vec<(String, usize)> = m.iter().map(|(k, v)| (k.clone(), *v)).collect();
            v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            v
        };
        println!("== misses by structure ==");
        for (g, n) in sorted(&self.by_group) {
            println!("{n:6} {g}");
            for ex in self.examples.get(&g).into_iter().flatten() {
                println!("         {ex}");
            }
        }
        println!("== misses by cue (top 80) ==");
        for (c, n) in sorted(&self.by_cue).iter().take(80) {
            println!(
                "{n:6} {c:?} {}",
                cue_class(c.rsplit(' ').next().unwrap_or("")).unwrap_or("-")
            );
        }
        println!("== matched quotes without a speaker, by gold cue (top 30) ==");
        for (c, n) in sorted(&self.no_speaker_by_cue).iter().take(30) {
            println!("{n:6} {c:?}");
        }
        println!("== wrong speakers ({}) ==", self.wrong_speaker.len());
        for w in &self.wrong_speaker {
            println!("   {w}");
        }
    }
}

/// The structural group of a missed gold attribution.
fn miss_group(text: &str, g: &Gold, quotes: &[QuoteMention], matched: &[bool]) -> String {
    let words = text
        .get(g.start..g.end)
        .map_or(0, |c| c.split_whitespace().count());
    let cue = g
        .cue
        .and_then(|(s, e)| text.get(s..e))
        .unwrap_or("")
        .to_lowercase();
    let near = quotes
        .iter()
        .zip(matched)
        .filter(|(q, _)| overlap((q.start, q.end), (g.start, g.end)) > 0)
        .map(|(q, m)| {
            let o = overlap((q.start, q.end), (g.start, g.end));
            match (o * 2 < q.end - q.start, m) {
                (_, true) => "pred matched another gold",
                (true, false) => "pred longer",
                (false, false) => "pred shorter",
            }
        })
        .next();
    if let Some(n) = near {
        return format!("overlap <50% ({n})");
    }
    if g.source.is_none() {
        return "no Source".to_string();
    }
    if words < 4 {
        return "content < 4 words".to_string();
    }
    if cue.starts_with("according") {
        return "according to".to_string();
    }
    let last = cue.rsplit(' ').next().unwrap_or("");
    let class = cue_class(last);
    let pos = match g.cue {
        Some((cs, _)) if cs >= g.end => "cue after content",
        Some((_, ce)) if ce <= g.start => "cue before content",
        Some(_) => "cue inside content",
        None => "no cue",
    };
    let src_pos = match (g.source, g.cue) {
        (Some((ss, _)), Some((cs, _))) if ss > cs => ", source after cue",
        _ => "",
    };
    match class {
        Some(c) => format!("{pos}{src_pos} (cue {c})"),
        None => format!("{pos}{src_pos} (cue not in lists)"),
    }
}

/// `BOUNDS=1`: every unmatched prediction next to the unmatched gold attribution it
/// overlaps most, with where their bounds differ: `S<`/`S>` the prediction starts
/// before/after the gold content, `E<`/`E>` it ends before/after it (`=` within 3 bytes),
/// and the text between the two ends (what the prediction has too much or too little).
fn print_bounds(
    text: &str,
    gold: &[Gold],
    used: &[bool],
    quotes: &[QuoteMention],
    pred_matched: &[bool],
) {
    let rel = |p: usize, g: usize| {
        if p + 3 < g {
            "<"
        } else if p > g + 3 {
            ">"
        } else {
            "="
        }
    };
    let snip = |a: usize, b: usize| {
        text.get(a.min(b)..b.max(a))
            .unwrap_or("")
            .replace('\n', " / ")
            .chars()
            .take(140)
            .collect::<String>()
    };
    for (q, m) in quotes.iter().zip(pred_matched) {
        if *m {
            continue;
        }
        let best = gold
            .iter()
            .zip(used)
            .filter(|(_, u)| !**u)
            .map(|(g, _)| (overlap((q.start, q.end), (g.start, g.end)), g))
            .filter(|(o, _)| *o > 0)
            .max_by_key(|x| x.0);
        let Some((_, g)) = best else {
            continue;
        };
        let (sr, er) = (rel(q.start, g.start), rel(q.end, g.end));
        let lead = if sr == "=" {
            String::new()
        } else {
            format!(" head={:?}", snip(q.start, g.start))
        };
        let tail = if er == "=" {
            String::new()
        } else {
            format!(" tail={:?}", snip(q.end, g.end))
        };
        println!(
            "BOUND S{sr}E{er} kind={} cue={:?} gold={:?}{lead}{tail}",
            q.kind.as_deref().unwrap_or("-"),
            q.cue.as_deref().unwrap_or(""),
            snip(g.start, g.end)
        );
    }
}

/// One line of the `DUMP=FILE` output: the document's text, its gold attributions
/// (content and source byte spans) and our predictions (span, kind, cue, speaker span).
fn dump_doc(
    out: &mut impl std::io::Write,
    stem: &str,
    text: &str,
    gold: &[Gold],
    quotes: &[QuoteMention],
) {
    let gold: Vec<serde_json::Value> = gold
        .iter()
        .map(|g| serde_json::json!([g.start, g.end, g.source, g.cue]))
        .collect();
    let preds: Vec<serde_json::Value> = quotes
        .iter()
        .map(|q| {
            serde_json::json!({
                "s": q.start,
                "e": q.end,
                "kind": q.kind,
                "cue": q.cue,
                "sp": q.speaker.as_ref().map(|s| [s.start, s.end]),
            })
        })
        .collect();
    let line = serde_json::json!({"doc": stem, "text": text, "gold": gold, "preds": preds});
    if writeln!(out, "{line}").is_err() {
        eprintln!("cannot write the dump");
    }
}

/// A span (gold Content or prediction) that is a direct quotation: at least half of its non-space characters
/// lie between quotation marks (straight or curly double quotes, or PolNeAR's doubled
/// backquotes and apostrophes), counting a mark that opens just before the span.
fn is_direct_span(text: &str, g: &Gold) -> bool {
    // quote state at the span's start: the parity of double-quote marks since the start
    // of the paragraph
    let para_start = text
        .get(..g.start)
        .and_then(|t| t.rfind("\n\n").map(|i| i + 2))
        .unwrap_or(0);
    let marks = |t: &str| -> Vec<(usize, bool)> {
        // (byte offset, is an opening mark)
        let mut v = Vec::new();
        let b = t.as_bytes();
        let mut i = 0;
        while i < t.len() {
            let rest = t.get(i..).unwrap_or("");
            if rest.starts_with('\u{201c}') {
                v.push((i, true));
            } else if rest.starts_with('\u{201d}') {
                v.push((i, false));
            } else if rest.starts_with("``") {
                v.push((i, true));
                i += 1;
            } else if rest.starts_with("''") || b.get(i) == Some(&b'"') {
                // straight marks and doubled apostrophes open after a space, a bracket or
                // a dash, or at the start; they close elsewhere
                let open = t
                    .get(..i)
                    .and_then(|h| h.chars().next_back())
                    .is_none_or(|c| {
                        c.is_whitespace() || matches!(c, '(' | '[' | '-' | '\u{2014}' | '\u{2013}')
                    });
                v.push((i, open));
                if rest.starts_with("''") {
                    i += 1;
                }
            }
            i += rest.chars().next().map_or(1, char::len_utf8);
        }
        v
    };
    let Some(region) = text.get(para_start..g.end) else {
        return false;
    };
    let mut inside = false;
    let mut quoted = 0usize;
    let mut total = 0usize;
    let ms = marks(region);
    let mut mi = 0;
    for (off, ch) in region.char_indices() {
        while ms.get(mi).is_some_and(|m| m.0 <= off) {
            inside = ms.get(mi).is_some_and(|m| m.1);
            mi += 1;
        }
        if para_start + off >= g.start
            && !ch.is_whitespace()
            && !matches!(ch, '"' | '`' | '\'' | '\u{201c}' | '\u{201d}')
        {
            total += 1;
            quoted += usize::from(inside);
        }
    }
    // `DIRECT_SHARE=0.8` asks for a larger share inside the marks (a sensitivity check)
    let share: f64 = std::env::var("DIRECT_SHARE")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.5);
    total > 0 && quoted as f64 >= share * total as f64
}

fn overlap(a: (usize, usize), b: (usize, usize)) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

/// One document's quotes from a peer: character offsets of the content and of the
/// speaker, if any.
type PeerQuotes = Vec<((usize, usize), Option<(usize, usize)>)>;

/// Reads a peer's predictions: one JSON object a line, `{"doc": STEM, "quotes":
/// [{"start": C, "end": C, "speaker": [C, C] | null}]}` with character offsets into
/// `text/STEM.txt` (what `tools/bench/quotes/peer.py` writes). Unreadable lines are
/// skipped with a note.
fn read_peer(path: &str) -> HashMap<String, PeerQuotes> {
    let mut out = HashMap::new();
    let Ok(body) = std::fs::read_to_string(path) else {
        eprintln!("cannot read {path}: no peer predictions");
        return out;
    };
    for line in body.lines().filter(|l| !l.trim().is_empty()) {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            eprintln!("skipping an unreadable line of {path}");
            continue;
        };
        let Some(doc) = v.get("doc").and_then(|d| d.as_str()) else {
            continue;
        };
        let num = |x: Option<&serde_json::Value>| {
            x.and_then(serde_json::Value::as_u64)
                .and_then(|n| usize::try_from(n).ok())
        };
        let qs = v
            .get("quotes")
            .and_then(|q| q.as_array())
            .map(|arr| {
                arr.iter()
                    .filter_map(|q| {
                        let content = (num(q.get("start"))?, num(q.get("end"))?);
                        let speaker = q
                            .get("speaker")
                            .and_then(|sp| Some((num(sp.get(0))?, num(sp.get(1))?)));
                        Some((content, speaker))
                    })
                    .collect()
            })
            .unwrap_or_default();
        out.insert(doc.to_string(), qs);
    }
    out
}

/// A peer's quotes as [`QuoteMention`]s (direct quotes, byte offsets).
fn peer_quotes(text: &str, c2b: &[usize], qs: &PeerQuotes) -> Vec<QuoteMention> {
    let b = |c: usize| c2b.get(c).copied();
    let mut out: Vec<QuoteMention> = qs
        .iter()
        .filter_map(|((s, e), sp)| {
            let (start, end) = (b(*s)?, b(*e)?);
            let speaker = sp.and_then(|(a, z)| {
                let (a, z) = (b(a)?, b(z)?);
                Some(corroborate_model::SpeakerSpan {
                    start: a,
                    end: z,
                    text: text.get(a..z)?.to_string(),
                    resolved: None,
                })
            });
            Some(QuoteMention {
                start,
                end,
                text: text.get(start..end)?.to_string(),
                speaker,
                kind: Some("direct".to_string()),
                cue: None,
            })
        })
        .collect();
    out.sort_by_key(|q| (q.start, q.end));
    out
}

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "/work/shared/data/quotes/polnear/dev".to_string());
    let Ok(rd) = std::fs::read_dir(format!("{dir}/attributions")) else {
        eprintln!(
            "{dir} is absent: no PolNeAR evaluation (the corpus is not part of the repository)"
        );
        return;
    };
    let mut anns: Vec<_> = rd.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    anns.sort();
    if std::env::var("CUES").is_ok() {
        print_cue_counts(&dir, &anns);
        return;
    }
    let mut seen = std::collections::HashSet::new();
    let (mut tp, mut fp, mut fnn, mut tps, mut pred_n, mut gold_n) =
        (0usize, 0usize, 0usize, 0usize, 0usize, 0usize);
    let (mut direct_tp, mut direct_n) = (0usize, 0usize);
    let mut with_speaker = 0usize;
    // predictions that name a speaker
    let mut named_n = 0usize;
    // matched quotes with no speaker whose gold attribution has no Source either
    let mut both_sourceless = 0usize;
    // kind/has-cue -> (predicted, matched)
    let mut by_kind: HashMap<String, (usize, usize, usize)> = HashMap::new();
    // cue -> (predicted, matched, matched with the right speaker), for `CUE_STATS=1`
    let mut by_cue: HashMap<String, (usize, usize, usize)> = HashMap::new();
    let verbose = std::env::var("VERBOSE").is_ok();
    let misses_mode = std::env::var("MISSES").ok();
    let mut misses = Misses {
        list_all: misses_mode.as_deref() == Some("2"),
        ..Misses::default()
    };
    // PRED=FILE scores a peer's predictions (JSON Lines, see `read_peer`) instead of ours.
    let peer = std::env::var("PRED").ok().map(|f| read_peer(&f));
    let strict = std::env::var("LENIENT").is_err();
    let merge_split = std::env::var("NO_MERGE").is_err();
    let bounds_mode = std::env::var("BOUNDS").is_ok();
    let direct_only = std::env::var("DIRECT").is_ok();
    // DUMP=FILE writes every document's gold and predicted spans (JSON Lines) for offline
    // experiments with bounds
    let mut dump = std::env::var("DUMP")
        .ok()
        .and_then(|f| std::fs::File::create(f).ok())
        .map(std::io::BufWriter::new);
    for ann_path in anns {
        let name = ann_path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_string();
        let Some(stem) = name
            .strip_suffix(".ann")
            .and_then(|s| s.rsplit_once('_'))
            .map(|(a, _)| a.to_string())
        else {
            continue;
        };
        if !seen.insert(stem.clone()) {
            continue;
        }
        let (Ok(text), Ok(ann)) = (
            std::fs::read_to_string(format!("{dir}/text/{stem}.txt")),
            std::fs::read_to_string(&ann_path),
        ) else {
            continue;
        };
        let c2b = char_to_byte(&text);
        let mut gold = parse_ann(&ann, &c2b);
        let mut src = Source::new(stem.clone(), "-", text.clone());
        src.published = Some(DateValue::new("2016-10-01", DateBasis::Given));
        let found = match &peer {
            Some(p) => p
                .get(&stem)
                .map(|qs| peer_quotes(&text, &c2b, qs))
                .unwrap_or_default(),
            None => annotate(src, &Options::default()).0.quotes,
        };
        if direct_only {
            if std::env::var("DIRECT").as_deref() == Ok("2") {
                for g in gold.iter().filter(|g| !is_direct_span(&text, g)) {
                    if found.iter().any(|q| {
                        let o = overlap((q.start, q.end), (g.start, g.end));
                        o * 2 >= q.end - q.start && o * 2 >= g.end - g.start
                    }) {
                        println!(
                            "EXCLUDED {:?}",
                            text.get(g.start.saturating_sub(20)..(g.end + 5).min(text.len()))
                                .unwrap_or("")
                        );
                    }
                }
            }
            gold.retain(|g| is_direct_span(&text, g));
        }
        let mut quotes = if merge_split {
            merge_split_quotes(&text, found)
        } else {
            found
        };
        if direct_only {
            quotes.retain(|q| {
                let span = Gold {
                    start: q.start,
                    end: q.end,
                    source: None,
                    cue: None,
                };
                is_direct_span(&text, &span)
            });
        }
        let mut used = vec![false; gold.len()];
        gold_n += gold.len();
        let mut pred_matched = vec![false; quotes.len()];
        for (qi, q) in quotes.iter().enumerate() {
            pred_n += 1;
            named_n += usize::from(q.speaker.is_some());
            let p = (q.start, q.end);
            let best = gold
                .iter()
                .enumerate()
                .filter(|(i, _)| !used.get(*i).copied().unwrap_or(true))
                .map(|(i, g)| (i, overlap(p, (g.start, g.end)), g))
                .filter(|(_, o, g)| {
                    *o * 2 >= (p.1 - p.0)
                        && (!strict || *o * 2 >= (g.end - g.start).saturating_sub(2))
                })
                .max_by_key(|x| x.1);
            let is_direct = q.kind.as_deref() == Some("direct");
            let kind_key = format!("{}/{}", q.kind.as_deref().unwrap_or("-"), q.cue.is_some());
            let ke = by_kind.entry(kind_key).or_insert((0usize, 0usize, 0usize));
            ke.0 += 1;
            ke.1 += usize::from(best.is_some());
            let sp_right = best.is_some_and(|(_, _, g)| match (&q.speaker, g.source) {
                (Some(s), Some(gs)) => overlap((s.start, s.end), gs) > 0,
                _ => false,
            });
            let ce = by_cue
                .entry(q.cue.as_deref().unwrap_or("-").to_lowercase())
                .or_insert((0usize, 0usize, 0usize));
            ce.0 += 1;
            ce.1 += usize::from(best.is_some());
            ce.2 += usize::from(sp_right);
            if is_direct {
                direct_n += 1;
            }
            match best {
                Some((i, _, g)) => {
                    tp += 1;
                    if let Some(m) = pred_matched.get_mut(qi) {
                        *m = true;
                    }
                    if is_direct {
                        direct_tp += 1;
                    }
                    if let Some(u) = used.get_mut(i) {
                        *u = true;
                    }
                    let sp_ok = match (&q.speaker, g.source) {
                        (Some(s), Some(gs)) => overlap((s.start, s.end), gs) > 0,
                        _ => false,
                    };
                    if q.speaker.is_some() {
                        with_speaker += 1;
                    }
                    let gcue = g
                        .cue
                        .and_then(|(s, e)| text.get(s..e))
                        .unwrap_or("")
                        .to_lowercase();
                    if !sp_ok && misses_mode.is_some() {
                        if q.speaker.is_none() {
                            if misses.list_all {
                                println!(
                                    "NOSPEAKER gold={:?} cue={:?} {:?}",
                                    g.source.and_then(|s| text.get(s.0..s.1)),
                                    gcue,
                                    text.get(q.start.saturating_sub(80)..q.end.min(text.len()))
                                        .unwrap_or("")
                                        .chars()
                                        .take(200)
                                        .collect::<String>()
                                );
                            }
                            *misses.no_speaker_by_cue.entry(gcue).or_default() += 1;
                        } else {
                            misses.wrong_speaker.push(format!(
                                "pred={:?} gold={:?} cue={:?} {:?}",
                                q.speaker.as_ref().map(|s| s.text.as_str()),
                                g.source.and_then(|s| text.get(s.0..s.1)),
                                q.cue,
                                q.text.chars().take(60).collect::<String>()
                            ));
                        }
                    }
                    if q.speaker.is_none() && g.source.is_none() {
                        both_sourceless += 1;
                    }
                    if sp_ok {
                        tps += 1;
                    } else if verbose {
                        // the text from the quote to the gold source, shortened in the middle
                        let (lo, hi) = match g.source {
                            Some((a, b)) => (a.min(q.start), b.max(q.end)),
                            None => (q.start, q.end),
                        };
                        let span: Vec<char> = text.get(lo..hi).unwrap_or("").chars().collect();
                        let ctx: String = if span.len() > 220 {
                            let head: String = span.iter().take(100).collect();
                            let tail: String = span.iter().skip(span.len() - 100).collect();
                            format!("{head} [...] {tail}")
                        } else {
                            span.iter().collect()
                        };
                        println!(
                            "SPK {:?} pred={:?} gold={:?} | {}",
                            q.text.chars().take(50).collect::<String>(),
                            q.speaker.as_ref().map(|s| s.text.as_str()),
                            g.source.and_then(|s| text.get(s.0..s.1)),
                            ctx.replace('\n', " / ")
                        );
                    }
                }
                None => {
                    fp += 1;
                    if verbose {
                        println!(
                            "FP {} cue={:?} spk={:?} {:?} | {:?}",
                            q.kind.as_deref().unwrap_or(""),
                            q.cue.as_deref().unwrap_or(""),
                            q.speaker.as_ref().map(|s| s.text.as_str()),
                            q.text.chars().take(80).collect::<String>(),
                            text.get(q.start.saturating_sub(60)..q.start)
                                .unwrap_or("")
                                .replace('\n', " / ")
                        );
                    }
                }
            }
        }
        fnn += used.iter().filter(|u| !**u).count();
        if let Some(f) = dump.as_mut() {
            dump_doc(f, &stem, &text, &gold, &quotes);
        }
        if bounds_mode {
            print_bounds(&text, &gold, &used, &quotes, &pred_matched);
        }
        if misses_mode.is_some() {
            for (g, u) in gold.iter().zip(&used) {
                if *u {
                    continue;
                }
                let snip = |sp: Option<(usize, usize)>| {
                    sp.and_then(|(s, e)| text.get(s..e))
                        .unwrap_or("")
                        .replace('\n', " ")
                };
                let group = miss_group(&text, g, &quotes, &pred_matched);
                // the sentence-ish context: from the earliest to the latest of the spans
                let lo = [Some((g.start, g.end)), g.cue, g.source]
                    .iter()
                    .flatten()
                    .map(|x| x.0)
                    .min()
                    .unwrap_or(g.start);
                let hi = [Some((g.start, g.end)), g.cue, g.source]
                    .iter()
                    .flatten()
                    .map(|x| x.1)
                    .max()
                    .unwrap_or(g.end);
                let ctx: String = snip(Some((lo, hi))).chars().take(160).collect();
                let pred = quotes
                    .iter()
                    .find(|q| overlap((q.start, q.end), (g.start, g.end)) > 0)
                    .map(|q| {
                        format!(
                            " || PRED {:?}",
                            q.text.chars().take(200).collect::<String>()
                        )
                    })
                    .unwrap_or_default();
                let line = format!(
                    "cue={:?} src={:?} content={:?} | {ctx}{pred}",
                    snip(g.cue),
                    snip(g.source),
                    snip(Some((g.start, g.end)))
                        .chars()
                        .take(60)
                        .collect::<String>()
                );
                misses.add(&group, &snip(g.cue).to_lowercase(), line);
            }
        }
        if verbose {
            for (g, u) in gold.iter().zip(&used) {
                if !*u {
                    let snip = |sp: Option<(usize, usize)>| {
                        sp.and_then(|(s, e)| text.get(s..e)).unwrap_or("")
                    };
                    let near = quotes
                        .iter()
                        .any(|q| overlap((q.start, q.end), (g.start, g.end)) > 0);
                    println!(
                        "FN{} cue={:?} src={:?} {:?}",
                        if near { "~" } else { "" },
                        snip(g.cue),
                        snip(g.source),
                        snip(Some((g.start, g.end)))
                            .chars()
                            .take(100)
                            .collect::<String>()
                    );
                }
            }
        }
    }
    if misses_mode.is_some() {
        misses.print();
    }
    let prf = |tp: usize, pred: usize, gold: usize| {
        let p = if pred == 0 {
            0.0
        } else {
            tp as f64 / pred as f64
        };
        let r = if gold == 0 {
            0.0
        } else {
            tp as f64 / gold as f64
        };
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        (p, r, f)
    };
    let (p, r, f) = prf(tp, pred_n, gold_n);
    println!(
        "matching: {}",
        if strict {
            "strict (mutual 50% overlap)"
        } else {
            "lenient (50% of predicted inside gold)"
        }
    );
    if direct_only {
        println!("direct quotations only (DIRECT=1)");
    }
    if merge_split {
        println!("split direct quotes around their attribution closed over (NO_MERGE=1: off)");
    }
    println!(
        "{} documents, {gold_n} gold attributions, {pred_n} predicted ({direct_n} direct)",
        seen.len()
    );
    println!("quote          P {p:.3} R {r:.3} F1 {f:.3} (tp {tp} fp {fp} fn {fnn})");
    let (p, r, f) = prf(tps, pred_n, gold_n);
    println!("quote+speaker  P {p:.3} R {r:.3} F1 {f:.3} (tp {tps})");
    let (p2, r2, f2) = prf(tps + both_sourceless, pred_n, gold_n);
    println!(
        "  (counting a speakerless match of a gold attribution without Source as right: \
         P {p2:.3} R {r2:.3} F1 {f2:.3}, +{both_sourceless})"
    );
    let (p3, r3, f3) = prf(tps, named_n, gold_n);
    println!("  (only predictions that name a speaker, {named_n}: P {p3:.3} R {r3:.3} F1 {f3:.3})");
    let sp = if with_speaker == 0 {
        0.0
    } else {
        tps as f64 / with_speaker as f64
    };
    println!("speaker precision on matched quotes that name one: {sp:.3} ({tps}/{with_speaker})");
    let dp = if direct_n == 0 {
        0.0
    } else {
        direct_tp as f64 / direct_n as f64
    };
    println!("direct quotes: precision {dp:.3} ({direct_tp}/{direct_n})");
    if let Ok(mode) = std::env::var("CUE_STATS") {
        let limit = if mode == "all" { usize::MAX } else { 120 };
        let mut v: Vec<_> = by_cue.into_iter().collect();
        v.sort_by(|a, b| b.1.0.cmp(&a.1.0).then_with(|| a.0.cmp(&b.0)));
        println!("cue: predicted, matched, matched with the right speaker");
        for (c, (n, m, r)) in v.iter().take(limit) {
            println!("  {c:?}: {n} {m} {r}");
        }
    }
    let mut kinds: Vec<_> = by_kind.into_iter().collect();
    kinds.sort();
    for (k, (n, m, _)) in kinds {
        println!("  kind/has-cue {k}: {m}/{n} matched");
    }
}
