//! Evaluates the whole pipeline (ingest → clean → annotate → link) on the English
//! MEANTIME corpus (120 Wikinews articles in 4 topics): cross-document entity
//! coreference, event time anchors on the timeline, and speed.
//!
//! Run with `cargo run --release -p corroborate --example eval_meantime [-- DIR]`.
//! `DIR` defaults to `/work/shared/data/entities/meantime`; when it is absent the tool
//! says so and exits 0.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::Instant;

use corroborate::Config;
use corroborate::ingest::{Content, Meta, RawDoc};
use corroborate::model::{DateBasis, DateValue, Dossier, Precision, TimeType};

const DEFAULT_DIR: &str = "/work/shared/data/entities/meantime";
const TOPICS: [&str; 4] = ["corpus_airbus", "corpus_apple", "corpus_gm", "corpus_stock"];

// ---------------------------------------------------------------------------
// A minimal XML scanner (MEANTIME files are flat and regular).

#[derive(Debug)]
enum Item {
    Open {
        name: String,
        attrs: HashMap<String, String>,
        closed: bool,
    },
    Close(String),
    Text(String),
}

fn decode(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

fn parse_attrs(s: &str) -> HashMap<String, String> {
    let mut out = HashMap::new();
    let mut rest = s;
    while let Some(eq) = rest.find('=') {
        let name = rest.get(..eq).unwrap_or("").trim().to_string();
        let after = rest.get(eq + 1..).unwrap_or("").trim_start();
        let Some(q) = after.chars().next().filter(|c| *c == '"' || *c == '\'') else {
            break;
        };
        let body = after.get(1..).unwrap_or("");
        let Some(close) = body.find(q) else { break };
        out.insert(name, decode(body.get(..close).unwrap_or("")));
        rest = body.get(close + 1..).unwrap_or("");
    }
    out
}

fn scan(xml: &str) -> Vec<Item> {
    let mut items = Vec::new();
    let mut rest = xml;
    while let Some(lt) = rest.find('<') {
        let text = rest.get(..lt).unwrap_or("");
        if !text.trim().is_empty() {
            items.push(Item::Text(decode(text)));
        }
        let after = rest.get(lt + 1..).unwrap_or("");
        let Some(gt) = after.find('>') else { break };
        let tag = after.get(..gt).unwrap_or("");
        rest = after.get(gt + 1..).unwrap_or("");
        if tag.starts_with('?') || tag.starts_with('!') {
            continue;
        }
        if let Some(name) = tag.strip_prefix('/') {
            items.push(Item::Close(name.trim().to_string()));
            continue;
        }
        let closed = tag.ends_with('/');
        let tag = tag.trim_end_matches('/');
        let (name, attrs) = match tag.find(char::is_whitespace) {
            Some(i) => (
                tag.get(..i).unwrap_or(""),
                parse_attrs(tag.get(i..).unwrap_or("")),
            ),
            None => (tag, HashMap::new()),
        };
        items.push(Item::Open {
            name: name.to_string(),
            attrs,
            closed,
        });
    }
    items
}

// ---------------------------------------------------------------------------
// Gold documents.

#[derive(Debug, Clone)]
struct Tok {
    sent: usize,
    start: usize,
    end: usize,
}

#[derive(Debug, Clone)]
struct GoldMention {
    /// Sorted token indices into `Doc::toks`.
    toks: Vec<usize>,
    /// Head token (from the `head` attribute, else approximated).
    head: Option<usize>,
    /// NAM / PRE.NAM, or an untyped capitalised cross-document mention.
    named: bool,
    /// PER, ORG, LOC, PRO, FIN, MIX (from the entity it refers to).
    ent_type: Option<String>,
    /// Cross-document instance id, else a document-local cluster key.
    cluster: String,
}

#[derive(Debug, Clone)]
struct Anchor {
    value: String,
    precision: Precision,
    dct: bool,
}

#[derive(Debug, Clone)]
struct GoldEvent {
    sent: usize,
    /// Anchors from TLINKs to TIMEX3s.
    anchors: Vec<Anchor>,
    /// Anchor from the cross-document event instance (`TIME` of list_instances.csv).
    instance: Option<Anchor>,
}

#[derive(Debug, Clone)]
struct Doc {
    topic: String,
    name: String,
    doc_id: String,
    text: String,
    toks: Vec<Tok>,
    sents: Vec<(usize, usize)>,
    dct: Option<String>,
    mentions: Vec<GoldMention>,
    events: Vec<GoldEvent>,
}

/// Reads `YYYY`, `YYYY-MM`, `YYYY-MM-DD` (and date-times, cut to the day).
fn anchor_of(value: &str, dct: bool) -> Option<Anchor> {
    let digits = |r: std::ops::Range<usize>| {
        value
            .get(r)
            .is_some_and(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    };
    let b = value.as_bytes();
    if !digits(0..4) {
        return None;
    }
    let (v, precision) = if digits(5..7) && b.get(4) == Some(&b'-') {
        if digits(8..10) && b.get(7) == Some(&b'-') {
            (value.get(..10)?, Precision::Day)
        } else if b.len() == 7 {
            (value.get(..7)?, Precision::Month)
        } else {
            return None;
        }
    } else if b.len() == 4 {
        (value.get(..4)?, Precision::Year)
    } else {
        return None;
    };
    Some(Anchor {
        value: v.to_string(),
        precision,
        dct,
    })
}

const FUNCTION_WORDS: [&str; 23] = [
    "the", "a", "an", "it", "its", "this", "that", "these", "those", "they", "their", "he", "she",
    "his", "her", "which", "we", "i", "you", "our", "my", "me", "them",
];

/// The gold mention's head token: the last word of its `head` attribute found in the
/// mention (searching from the end), else an approximation when the attribute is
/// empty: the last token before the first post-modifier (`of`, `,`, relative pronoun,
/// preposition), skipping a trailing possessive.
fn head_token(text: &str, toks: &[Tok], mtoks: &[usize], head_attr: &str) -> Option<usize> {
    const STOP: [&str; 12] = [
        "of", ",", "which", "who", "that", "in", "at", "for", "from", "with", "on", "(",
    ];
    let word = |i: usize| {
        toks.get(i)
            .and_then(|t| text.get(t.start..t.end))
            .unwrap_or("")
    };
    if let Some(last) = head_attr.split_whitespace().last()
        && let Some(&i) = mtoks.iter().rev().find(|&&i| word(i) == last)
    {
        return Some(i);
    }
    let mut end = mtoks.len();
    for (k, &i) in mtoks.iter().enumerate().skip(1) {
        if STOP.contains(&word(i).to_lowercase().as_str()) {
            end = k;
            break;
        }
    }
    while end > 1 {
        let w = mtoks.get(end - 1).map(|&i| word(i)).unwrap_or("");
        if w == "'s" || w == "'" || w == "’s" {
            end -= 1;
        } else {
            break;
        }
    }
    mtoks.get(end.checked_sub(1)?).copied()
}

fn parse_doc(topic: &str, name: &str, xml: &str, instance_time: &HashMap<String, String>) -> Doc {
    let items = scan(xml);
    let mut doc_id = name.to_string();
    // Tokens.
    let mut raw_toks: Vec<(String, usize, String)> = Vec::new(); // (t_id, sentence, text)
    // Markables.
    #[derive(Default)]
    struct Mark {
        kind: String,
        attrs: HashMap<String, String>,
        toks: Vec<String>,
    }
    let mut marks: HashMap<String, Mark> = HashMap::new();
    let mut mention_order: Vec<String> = Vec::new();
    let mut cur: Option<(String, Mark)> = None;
    // Relations: (kind, reltype, sources, targets).
    let mut rels: Vec<(String, String, Vec<String>, Vec<String>)> = Vec::new();
    let mut cur_rel: Option<(String, String, Vec<String>, Vec<String>)> = None;
    let mut in_token: Option<(String, usize)> = None;
    for it in &items {
        match it {
            Item::Open {
                name: n,
                attrs,
                closed,
            } => match n.as_str() {
                "Document" => {
                    if let Some(d) = attrs.get("doc_id") {
                        doc_id = d.clone();
                    }
                }
                "token" => {
                    let id = attrs.get("t_id").cloned().unwrap_or_default();
                    let s = attrs
                        .get("sentence")
                        .and_then(|s| s.parse().ok())
                        .unwrap_or(0);
                    if *closed {
                        raw_toks.push((id, s, String::new()));
                    } else {
                        in_token = Some((id, s));
                    }
                }
                "ENTITY_MENTION" | "EVENT_MENTION" | "TIMEX3" | "ENTITY" | "EVENT" | "VALUE"
                | "SIGNAL" => {
                    let id = attrs.get("m_id").cloned().unwrap_or_default();
                    let m = Mark {
                        kind: n.clone(),
                        attrs: attrs.clone(),
                        toks: Vec::new(),
                    };
                    if *closed {
                        merge_mark(&mut marks, &mut mention_order, id, m);
                    } else {
                        cur = Some((id, m));
                    }
                }
                "token_anchor" => {
                    if let (Some((_, m)), Some(t)) = (cur.as_mut(), attrs.get("t_id")) {
                        m.toks.push(t.clone());
                    }
                }
                "TLINK" | "REFERS_TO" | "HAS_PARTICIPANT" | "SLINK" | "GLINK" | "CLINK" => {
                    let r = (
                        n.clone(),
                        attrs.get("reltype").cloned().unwrap_or_default(),
                        Vec::new(),
                        Vec::new(),
                    );
                    if *closed {
                        rels.push(r);
                    } else {
                        cur_rel = Some(r);
                    }
                }
                "source" | "target" => {
                    if let (Some(r), Some(m)) = (cur_rel.as_mut(), attrs.get("m_id")) {
                        if n == "source" {
                            r.2.push(m.clone());
                        } else {
                            r.3.push(m.clone());
                        }
                    }
                }
                _ => {}
            },
            Item::Text(t) => {
                if let Some((id, s)) = in_token.take() {
                    raw_toks.push((id, s, t.trim().to_string()));
                }
            }
            Item::Close(n) => match n.as_str() {
                "token" => {
                    if let Some((id, s)) = in_token.take() {
                        raw_toks.push((id, s, String::new()));
                    }
                }
                "ENTITY_MENTION" | "EVENT_MENTION" | "TIMEX3" | "ENTITY" | "EVENT" | "VALUE"
                | "SIGNAL" => {
                    if let Some((id, m)) = cur.take() {
                        merge_mark(&mut marks, &mut mention_order, id, m);
                    }
                }
                "TLINK" | "REFERS_TO" | "HAS_PARTICIPANT" | "SLINK" | "GLINK" | "CLINK" => {
                    if let Some(r) = cur_rel.take() {
                        rels.push(r);
                    }
                }
                _ => {}
            },
        }
    }

    // Text: tokens joined by spaces, one sentence a line.
    let mut text = String::new();
    let mut toks = Vec::new();
    let mut tok_index: HashMap<String, usize> = HashMap::new();
    let mut sents: Vec<(usize, usize)> = Vec::new();
    let mut last_sent: Option<usize> = None;
    for (id, s, t) in &raw_toks {
        if t.is_empty() {
            continue;
        }
        if last_sent != Some(*s) {
            if last_sent.is_some() {
                text.push('\n');
            }
            sents.push((text.len(), text.len()));
            last_sent = Some(*s);
        } else {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(t);
        if let Some(last) = sents.last_mut() {
            last.1 = text.len();
        }
        tok_index.insert(id.clone(), toks.len());
        toks.push(Tok {
            sent: sents.len().saturating_sub(1),
            start,
            end: text.len(),
        });
    }
    let tok_ids = |m: &Mark| -> Vec<usize> {
        let mut v: Vec<usize> = m
            .toks
            .iter()
            .filter_map(|t| tok_index.get(t).copied())
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    };

    let dct = marks
        .values()
        .find(|m| {
            m.kind == "TIMEX3"
                && m.attrs.get("functionInDocument").map(String::as_str) == Some("CREATION_TIME")
        })
        .and_then(|m| m.attrs.get("value").cloned());

    // Coreference: mention -> target (ENTITY or EVENT).
    let mut refers: HashMap<String, String> = HashMap::new();
    for (kind, _, sources, targets) in &rels {
        if kind == "REFERS_TO"
            && let Some(t) = targets.first()
        {
            for s in sources {
                refers.insert(s.clone(), t.clone());
            }
        }
    }

    // Entity mentions, deduplicated by token span (the cross-document layer re-adds
    // some mentions with new ids and no attributes).
    let mut mentions: Vec<GoldMention> = Vec::new();
    let mut by_span: HashMap<Vec<usize>, usize> = HashMap::new();
    for id in &mention_order {
        let Some(m) = marks.get(id) else { continue };
        if m.kind != "ENTITY_MENTION" {
            continue;
        }
        let t = tok_ids(m);
        if t.is_empty() {
            continue;
        }
        let target = refers.get(id).and_then(|t| marks.get(t).map(|m| (t, m)));
        let ent_type = target.and_then(|(_, e)| e.attrs.get("ent_type").cloned());
        let cluster = match target {
            Some((tid, e)) => match e.attrs.get("instance_id").filter(|s| !s.is_empty()) {
                Some(inst) => inst.clone(),
                None => format!("{doc_id}#{tid}"),
            },
            None => format!("{doc_id}#m{id}"),
        };
        let named = match m.attrs.get("syntactic_type").map(String::as_str) {
            Some("NAM") | Some("PRE.NAM") => true,
            Some(_) => false,
            None => {
                // Untyped (cross-document layer): named when the first token is
                // capitalised and not a function word.
                let first = t
                    .first()
                    .and_then(|i| toks.get(*i))
                    .and_then(|k: &Tok| text.get(k.start..k.end))
                    .unwrap_or("");
                first.chars().next().is_some_and(char::is_uppercase)
                    && !FUNCTION_WORDS.contains(&first.to_lowercase().as_str())
            }
        };
        let head = head_token(
            &text,
            &toks,
            &t,
            m.attrs.get("head").map(String::as_str).unwrap_or(""),
        );
        let gm = GoldMention {
            head,
            toks: t.clone(),
            named,
            ent_type,
            cluster,
        };
        match by_span.get(&t) {
            Some(&k) => {
                // Keep the typed mention's syntactic class; take any missing type.
                if let Some(prev) = mentions.get_mut(k) {
                    if prev.head.is_none() {
                        prev.head = gm.head;
                    }
                    if prev.ent_type.is_none() {
                        prev.ent_type = gm.ent_type;
                    }
                    if prev.cluster.contains('#') && !gm.cluster.contains('#') {
                        prev.cluster = gm.cluster;
                    }
                }
            }
            None => {
                by_span.insert(t, mentions.len());
                mentions.push(gm);
            }
        }
    }

    // Event anchors: TLINKs that put an event inside (or at) a dated TIMEX3.
    let mut anchors: HashMap<String, Vec<Anchor>> = HashMap::new();
    for (kind, reltype, sources, targets) in &rels {
        if kind != "TLINK" {
            continue;
        }
        let (Some(s), Some(t)) = (sources.first(), targets.first()) else {
            continue;
        };
        let (Some(sm), Some(tm)) = (marks.get(s), marks.get(t)) else {
            continue;
        };
        let (ev, tx) = match (sm.kind.as_str(), tm.kind.as_str(), reltype.as_str()) {
            ("EVENT_MENTION", "TIMEX3", "SIMULTANEOUS" | "IS_INCLUDED") => (s, tm),
            ("TIMEX3", "EVENT_MENTION", "SIMULTANEOUS" | "INCLUDES") => (t, sm),
            _ => continue,
        };
        if !matches!(
            tx.attrs.get("type").map(String::as_str),
            Some("DATE") | Some("TIME")
        ) {
            continue;
        }
        let is_dct =
            tx.attrs.get("functionInDocument").map(String::as_str) == Some("CREATION_TIME");
        if let Some(a) = tx.attrs.get("value").and_then(|v| anchor_of(v, is_dct)) {
            anchors.entry(ev.clone()).or_default().push(a);
        }
    }
    let mut events = Vec::new();
    for id in &mention_order {
        let Some(m) = marks.get(id) else { continue };
        if m.kind != "EVENT_MENTION" {
            continue;
        }
        let t = tok_ids(m);
        let Some(sent) = t.first().and_then(|i| toks.get(*i)).map(|k| k.sent) else {
            continue;
        };
        let instance = refers
            .get(id)
            .and_then(|e| marks.get(e))
            .and_then(|e| e.attrs.get("instance_id"))
            .and_then(|i| instance_time.get(i))
            .and_then(|v| anchor_of(v, false));
        events.push(GoldEvent {
            sent,
            anchors: anchors.remove(id).unwrap_or_default(),
            instance,
        });
    }

    Doc {
        topic: topic.to_string(),
        name: name.to_string(),
        doc_id,
        text,
        toks,
        sents,
        dct,
        mentions,
        events,
    }
}

/// Keeps the first full definition of a markable; the cross-document layer repeats
/// some ids as empty elements.
fn merge_mark<M>(marks: &mut HashMap<String, M>, order: &mut Vec<String>, id: String, m: M) {
    if id.is_empty() || marks.contains_key(&id) {
        return;
    }
    order.push(id.clone());
    marks.insert(id, m);
}

fn load_instance_times(dir: &Path) -> HashMap<String, String> {
    let mut out = HashMap::new();
    let Ok(s) = std::fs::read_to_string(dir.join("list_instances.csv")) else {
        return out;
    };
    for line in s.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        if let (Some(id), Some(kind), Some(time)) = (cols.first(), cols.get(1), cols.get(7))
            && *kind == "EVENT"
            && !time.trim().is_empty()
        {
            out.insert(id.trim().to_string(), time.trim().to_string());
        }
    }
    out
}

fn load(dir: &Path) -> Vec<Doc> {
    let times = load_instance_times(dir);
    let root = dir.join("intra_cross-doc_annotation");
    let mut docs = Vec::new();
    for topic in TOPICS {
        let mut files: Vec<PathBuf> = match std::fs::read_dir(root.join(topic)) {
            Ok(rd) => rd
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "xml"))
                .collect(),
            Err(_) => continue,
        };
        files.sort();
        for f in files {
            let Ok(xml) = std::fs::read_to_string(&f) else {
                continue;
            };
            let name = f
                .file_stem()
                .map(|s| s.to_string_lossy().to_string())
                .unwrap_or_default();
            docs.push(parse_doc(topic, &name, &xml, &times));
        }
    }
    docs
}

// ---------------------------------------------------------------------------
// Aligning the pipeline's source text (cleaned) back to our input text.

/// `(clean_start, clean_end, input_start)` of one aligned line.
type Segment = (usize, usize, usize);

/// Segments `(clean_start, clean_end, input_start)`: each non-empty line of the
/// cleaned text found, in order, in the input.
fn align(clean: &str, input: &str) -> (Vec<Segment>, usize) {
    let mut segs = Vec::new();
    let mut missed = 0;
    let mut cursor = 0;
    let mut pos = 0;
    for line in clean.split('\n') {
        let start = pos;
        pos += line.len() + 1;
        if line.trim().is_empty() {
            continue;
        }
        match input.get(cursor..).and_then(|r| r.find(line)) {
            Some(k) => {
                segs.push((start, start + line.len(), cursor + k));
                cursor += k + line.len();
            }
            None => missed += 1,
        }
    }
    (segs, missed)
}

fn map_span(segs: &[Segment], s: usize, e: usize) -> Option<(usize, usize)> {
    let seg = segs.iter().find(|(a, b, _)| *a <= s && s < *b)?;
    let end = e.min(seg.1);
    Some((seg.2 + (s - seg.0), seg.2 + (end - seg.0)))
}

fn tokens_in(doc: &Doc, s: usize, e: usize) -> Vec<usize> {
    doc.toks
        .iter()
        .enumerate()
        .filter(|(_, t)| t.start < e && s < t.end)
        .map(|(i, _)| i)
        .collect()
}

// ---------------------------------------------------------------------------
// Running the pipeline on a pile.

struct PredMention {
    doc: usize,
    toks: Vec<usize>,
    entity: String,
    /// The cross-story id (`Entity::global`), else the entity id.
    global: String,
    story: usize,
    kind: &'static str,
    surface: String,
}

struct PredDated {
    doc: usize,
    start: usize,
    end: usize,
    date: DateValue,
}

struct Run {
    /// Each document's publication date in the dossier (for `HIDE_DCT=1`).
    published: Vec<(usize, Option<DateValue>)>,
    mentions: Vec<PredMention>,
    dated: Vec<PredDated>,
    /// Our DATE/TIME mentions with a calendar value (annotation layer).
    times: Vec<PredDated>,
    unaligned_lines: usize,
    unmapped_evidence: usize,
    seconds: f64,
    stories: usize,
    entities: usize,
    events: usize,
}

/// Whether `HIDE_DCT=1` (or `2`) hides this document's creation time (every second
/// document): `1` hides the metadata date, `2` also the date line under the headline.
fn hidden(i: usize) -> bool {
    std::env::var_os("HIDE_DCT").is_some() && i % 2 == 1
}

fn raw_doc(i: usize, d: &Doc) -> RawDoc {
    // HIDE_DCT=2: the date line under the headline goes too, so the date must be inferred.
    let text = if hidden(i) && std::env::var("HIDE_DCT").is_ok_and(|v| v == "2") {
        let year = d.dct.as_deref().and_then(|v| v.get(..4)).unwrap_or("????");
        let mut lines: Vec<&str> = d.text.lines().collect();
        if lines
            .get(1)
            .is_some_and(|l| l.contains(year) && l.split_whitespace().count() <= 6)
        {
            lines.remove(1);
        }
        lines.join("\n")
    } else {
        d.text.clone()
    };
    RawDoc {
        origin: d.name.clone(),
        content: Content::Text(text),
        meta: Meta {
            id: Some(format!("mt{}", d.doc_id)),
            published: d
                .dct
                .as_deref()
                .filter(|_| !hidden(i))
                .and_then(|v| DateValue::parse(v, DateBasis::Metadata)),
            ..Meta::default()
        },
    }
}

fn run_pile(docs: &[Doc], idx: &[usize], config: &Config) -> Run {
    let raws: Vec<RawDoc> = idx
        .iter()
        .filter_map(|&i| docs.get(i).map(|d| raw_doc(i, d)))
        .collect();
    let t0 = Instant::now();
    let annotations: Vec<_> = corroborate::annotate_all(&raws, config)
        .into_iter()
        .map(|(a, _)| a)
        .collect();
    let (dossier, final_annotations): (Dossier, _) =
        corroborate::analyze_full(annotations, vec![], &corroborate::link_options(None).0);
    let seconds = t0.elapsed().as_secs_f64();

    // Source id -> (doc index, alignment).
    let by_origin: HashMap<&str, usize> = idx
        .iter()
        .filter_map(|&i| docs.get(i).map(|d| (d.name.as_str(), i)))
        .collect();
    let mut unaligned_lines = 0;
    let mut src: HashMap<String, (usize, Vec<Segment>)> = HashMap::new();
    for s in &dossier.sources {
        let Some(&di) = by_origin.get(s.origin.as_str()) else {
            continue;
        };
        let Some(d) = docs.get(di) else { continue };
        let (segs, missed) = align(&s.text, &d.text);
        unaligned_lines += missed;
        src.insert(s.id.clone(), (di, segs));
    }
    let mut unmapped_evidence = 0;
    let mut times = Vec::new();
    for a in &final_annotations {
        let Some((di, segs)) = src.get(&a.source.id) else {
            continue;
        };
        for t in &a.times {
            if !matches!(t.kind, TimeType::DATE | TimeType::TIME) {
                continue;
            }
            let Some(date) = DateValue::parse(&t.value, DateBasis::Text) else {
                continue;
            };
            if let Some((s, e)) = map_span(segs, t.start, t.end) {
                times.push(PredDated {
                    doc: *di,
                    start: s,
                    end: e,
                    date,
                });
            }
        }
    }
    let mut mentions = Vec::new();
    let mut dated = Vec::new();
    let (mut entities, mut events) = (0, 0);
    for (si, story) in dossier.stories.iter().enumerate() {
        entities += story.entities.len();
        events += story.events.len();
        for ent in &story.entities {
            for ev in &ent.mentions {
                let mapped = src
                    .get(&ev.source)
                    .and_then(|(di, segs)| Some((*di, map_span(segs, ev.start, ev.end)?)));
                let Some((di, (s, e))) = mapped else {
                    unmapped_evidence += 1;
                    continue;
                };
                let Some(d) = docs.get(di) else { continue };
                let toks = tokens_in(d, s, e);
                if toks.is_empty() {
                    unmapped_evidence += 1;
                    continue;
                }
                mentions.push(PredMention {
                    doc: di,
                    toks,
                    entity: ent.id.clone(),
                    global: ent.global.clone().unwrap_or_else(|| ent.id.clone()),
                    story: si,
                    kind: ent.kind.as_str(),
                    surface: ev.text.to_lowercase(),
                });
            }
        }
        for event in &story.events {
            let Some(date) = &event.date else { continue };
            for ev in &event.evidence {
                let mapped = src
                    .get(&ev.source)
                    .and_then(|(di, segs)| Some((*di, map_span(segs, ev.start, ev.end)?)));
                match mapped {
                    Some((di, (s, e))) => dated.push(PredDated {
                        doc: di,
                        start: s,
                        end: e,
                        date: date.clone(),
                    }),
                    None => unmapped_evidence += 1,
                }
            }
        }
    }
    let published = dossier
        .sources
        .iter()
        .filter_map(|s| Some((*by_origin.get(s.origin.as_str())?, s.published.clone())))
        .collect();
    Run {
        published,
        mentions,
        dated,
        times,
        unaligned_lines,
        unmapped_evidence,
        seconds,
        stories: dossier.stories.len(),
        entities,
        events,
    }
}

// ---------------------------------------------------------------------------
// Scoring.

const CORE_TYPES: [&str; 3] = ["PER", "ORG", "LOC"];

/// One-to-one alignment of predicted to gold mentions: a pair is a candidate when
/// the token spans overlap and either the Jaccard overlap is >= 0.5 or the predicted
/// span contains the gold mention's approximate head; best pairs first (exact, then
/// Jaccard).
fn match_mentions(docs: &[Doc], run: &Run) -> Vec<(usize, usize, usize)> {
    let mut cands: Vec<(bool, f64, usize, usize, usize)> = Vec::new();
    for (pi, p) in run.mentions.iter().enumerate() {
        let Some(d) = docs.get(p.doc) else { continue };
        let ps: HashSet<usize> = p.toks.iter().copied().collect();
        for (gi, g) in d.mentions.iter().enumerate() {
            let inter = g.toks.iter().filter(|t| ps.contains(t)).count();
            if inter == 0 {
                continue;
            }
            let union = ps.len() + g.toks.len() - inter;
            let jac = inter as f64 / union as f64;
            let head_ok = g.head.is_some_and(|h| ps.contains(&h));
            if jac >= 0.5 || head_ok {
                cands.push((p.toks == g.toks, jac, pi, p.doc, gi));
            }
        }
    }
    cands.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.total_cmp(&a.1)));
    let mut used_p = HashSet::new();
    let mut used_g = HashSet::new();
    let mut out = Vec::new();
    for (_, _, pi, di, gi) in cands {
        if used_p.contains(&pi) || used_g.contains(&(di, gi)) {
            continue;
        }
        used_p.insert(pi);
        used_g.insert((di, gi));
        out.push((pi, di, gi));
    }
    out
}

/// B³ precision, recall, F1 of `pred` clusters against `gold` clusters over the same
/// items.
fn b_cubed(pred: &[String], gold: &[String]) -> (f64, f64, f64) {
    let n = pred.len().min(gold.len());
    if n == 0 {
        return (0.0, 0.0, 0.0);
    }
    let mut pc: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut gc: HashMap<&str, Vec<usize>> = HashMap::new();
    for i in 0..n {
        if let (Some(p), Some(g)) = (pred.get(i), gold.get(i)) {
            pc.entry(p).or_default().push(i);
            gc.entry(g).or_default().push(i);
        }
    }
    let (mut p_sum, mut r_sum) = (0.0, 0.0);
    for i in 0..n {
        let (Some(p), Some(g)) = (pred.get(i), gold.get(i)) else {
            continue;
        };
        let pm = pc.get(p.as_str()).map(Vec::as_slice).unwrap_or(&[]);
        let gm: HashSet<usize> = gc
            .get(g.as_str())
            .map(|v| v.iter().copied().collect())
            .unwrap_or_default();
        let both = pm.iter().filter(|j| gm.contains(j)).count() as f64;
        p_sum += both / pm.len().max(1) as f64;
        r_sum += both / gm.len().max(1) as f64;
    }
    let p = p_sum / n as f64;
    let r = r_sum / n as f64;
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

fn top<'a>(it: impl Iterator<Item = (&'a str, usize)>) -> String {
    let mut v: Vec<(&str, usize)> = it.collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    v.iter()
        .take(10)
        .map(|(k, n)| format!("{k:?} {n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn pct(a: usize, b: usize) -> String {
    if b == 0 {
        "n/a".to_string()
    } else {
        format!("{:.1}% ({a}/{b})", 100.0 * a as f64 / b as f64)
    }
}

fn prec_len(p: Precision) -> usize {
    match p {
        Precision::Year => 4,
        Precision::Month => 7,
        Precision::Day | Precision::Time => 10,
    }
}

/// Strict: our date is at least as precise as the gold anchor and agrees with it at
/// the gold precision. Lenient: they agree at the coarser precision of the two.
fn date_agrees(ours: &DateValue, gold: &Anchor, lenient: bool) -> bool {
    let gl = prec_len(gold.precision);
    let ol = prec_len(ours.precision);
    if !lenient && ol < gl {
        return false;
    }
    let k = gl.min(ol);
    match (ours.value.get(..k), gold.value.get(..k)) {
        (Some(a), Some(b)) => a == b,
        _ => false,
    }
}

#[derive(Default)]
struct TimeScore {
    gold: usize,
    strict: usize,
    lenient: usize,
    sentence_dated: usize,
    tagged: usize,
    /// Our event dates on gold-anchored sentences, and how many agree (strict).
    ours_total: usize,
    ours_right: usize,
}

type Pick = fn(&GoldEvent) -> Vec<&Anchor>;

fn score_anchors(docs: &[Doc], idx: &[usize], run: &Run, pick: Pick) -> TimeScore {
    let mut sc = TimeScore::default();
    for &di in idx {
        let Some(d) = docs.get(di) else { continue };
        for ev in &d.events {
            let anchors = pick(ev);
            if anchors.is_empty() {
                continue;
            }
            sc.gold += 1;
            let Some(&(ss, se)) = d.sents.get(ev.sent) else {
                continue;
            };
            let ours: Vec<&DateValue> = run
                .dated
                .iter()
                .filter(|p| p.doc == di && p.start < se && ss < p.end)
                .map(|p| &p.date)
                .collect();
            if !ours.is_empty() {
                sc.sentence_dated += 1;
            }
            if std::env::var_os("UNDATED").is_some()
                && ours.is_empty()
                && !anchors.iter().all(|a| a.dct)
            {
                let gv: Vec<&str> = anchors.iter().map(|a| a.value.as_str()).collect();
                println!(
                    "UNDATED\t{}\tgold {gv:?}\t{}",
                    d.name,
                    d.text.get(ss..se).unwrap_or("").replace('\n', " ")
                );
            }
            if std::env::var_os("MISSES").is_some()
                && ours
                    .iter()
                    .any(|o| !anchors.iter().any(|a| date_agrees(o, a, false)))
            {
                let ov: Vec<&str> = ours.iter().map(|o| o.value.as_str()).collect();
                let gv: Vec<&str> = anchors.iter().map(|a| a.value.as_str()).collect();
                println!(
                    "MISS\t{}\tdct {:?}\tours {ov:?}\tgold {gv:?}\t{}",
                    d.name,
                    d.dct,
                    d.text.get(ss..se).unwrap_or("").replace('\n', " ")
                );
            }
            sc.ours_total += ours.len();
            sc.ours_right += ours
                .iter()
                .filter(|o| anchors.iter().any(|a| date_agrees(o, a, false)))
                .count();
            if run.times.iter().any(|p| {
                p.doc == di
                    && p.start < se
                    && ss < p.end
                    && anchors.iter().any(|a| date_agrees(&p.date, a, false))
            }) {
                sc.tagged += 1;
            }
            if ours
                .iter()
                .any(|o| anchors.iter().any(|a| date_agrees(o, a, false)))
            {
                sc.strict += 1;
            }
            if ours
                .iter()
                .any(|o| anchors.iter().any(|a| date_agrees(o, a, true)))
            {
                sc.lenient += 1;
            }
        }
    }
    sc
}

/// `HIDE_DCT=1`: how the publication dates of the documents whose DCT was hidden were
/// recovered (from the text, or inferred from the story) and how often they hold the
/// gold DCT.
fn dct_report(docs: &[Doc], run: &Run) {
    let (mut n, mut text, mut text_right, mut bounded, mut bounded_right) = (0, 0, 0, 0, 0);
    let (mut open, mut open_right, mut none, mut day_hits) = (0, 0, 0, 0);
    let mut spans = Vec::new();
    for (i, p) in &run.published {
        if !hidden(*i) {
            continue;
        }
        let Some(gold) = docs
            .get(*i)
            .and_then(|d| d.dct.as_deref())
            .and_then(|g| g.get(..10))
        else {
            continue;
        };
        n += 1;
        let Some(p) = p else {
            none += 1;
            continue;
        };
        let v = p.value.get(..10).unwrap_or(&p.value);
        if p.basis != DateBasis::Inferred {
            text += 1;
            text_right += usize::from(v == gold);
            day_hits += usize::from(v == gold);
        } else if p.open_ended {
            open += 1;
            open_right += usize::from(v <= gold);
        } else {
            bounded += 1;
            let until = p.until.as_deref().unwrap_or(v);
            bounded_right += usize::from(v <= gold && gold <= until);
            day_hits += usize::from(v == gold && p.until.is_none());
            if let (Some(a), Some(b)) = (day_of(v), day_of(until)) {
                spans.push(b - a + 1);
            }
        }
        if std::env::var_os("VERBOSE").is_some() {
            println!(
                "DCT	{}	gold {gold}	ours {} {:?}{}{}",
                docs.get(*i).map_or("", |d| d.name.as_str()),
                p.value,
                p.basis,
                p.until
                    .as_deref()
                    .map(|u| format!(" until {u}"))
                    .unwrap_or_default(),
                if p.open_ended { " open-ended" } else { "" }
            );
        }
    }
    let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
    let mean_span = spans.iter().sum::<i64>() as f64 / spans.len().max(1) as f64;
    println!(
        "\nHidden DCTs (HIDE_DCT={}, every second document, all 120 as one pile): {n} documents.\n  \
         from the text (header, byline, dateline): {text}, right day {text_right} ({:.1}%)\n  \
         inferred range: {bounded}, holding the gold DCT {bounded_right} ({:.1}%), mean width {mean_span:.1} days\n  \
         inferred 'on or after': {open}, bound right (not after the gold DCT) {open_right} ({:.1}%)\n  \
         no date: {none}\n  exact day overall: {day_hits}/{n} ({:.1}%)",
        std::env::var("HIDE_DCT").unwrap_or_default(),
        pct(text_right, text),
        pct(bounded_right, bounded),
        pct(open_right, open),
        pct(day_hits, n),
    );
}

/// Days since 0000-03-01 of a `YYYY-MM-DD` string (for range widths).
fn day_of(v: &str) -> Option<i64> {
    let y: i64 = v.get(..4)?.parse().ok()?;
    let m: i64 = v.get(5..7)?.parse().ok()?;
    let d: i64 = v.get(8..10)?.parse().ok()?;
    let (y, m) = if m <= 2 { (y - 1, m + 9) } else { (y, m - 3) };
    Some(365 * y + y / 4 - y / 100 + y / 400 + (153 * m + 2) / 5 + d - 1)
}

fn report(label: &str, docs: &[Doc], idx: &[usize], run: &Run) {
    println!(
        "\n== {label}: {} documents, {:.2} s ({:.1} docs/s), {} stories, {} entities, {} events",
        idx.len(),
        run.seconds,
        idx.len() as f64 / run.seconds.max(1e-9),
        run.stories,
        run.entities,
        run.events
    );
    if run.unaligned_lines > 0 || run.unmapped_evidence > 0 {
        println!(
            "   (alignment: {} cleaned lines not found in the input, {} evidence spans unmapped)",
            run.unaligned_lines, run.unmapped_evidence
        );
    }
    let matches = match_mentions(docs, run);
    let gold_of = |di: usize, gi: usize| docs.get(di).and_then(|d| d.mentions.get(gi));

    // Mention recall and precision.
    let is_core = |g: &GoldMention| {
        g.ent_type
            .as_deref()
            .is_some_and(|t| CORE_TYPES.contains(&t))
    };
    let matched_g: HashSet<(usize, usize)> = matches.iter().map(|&(_, d, g)| (d, g)).collect();
    let (mut core_named, mut core_named_hit, mut named, mut named_hit) = (0, 0, 0, 0);
    let (mut all_g, mut all_hit) = (0, 0);
    for &di in idx {
        let Some(d) = docs.get(di) else { continue };
        for (gi, g) in d.mentions.iter().enumerate() {
            let hit = matched_g.contains(&(di, gi));
            all_g += 1;
            all_hit += usize::from(hit);
            if g.named {
                named += 1;
                named_hit += usize::from(hit);
                if is_core(g) {
                    core_named += 1;
                    core_named_hit += usize::from(hit);
                }
            }
        }
    }
    println!(
        "   mention recall, named gold PER/ORG/LOC: {}",
        pct(core_named_hit, core_named)
    );
    println!(
        "   mention recall, named gold of all types (incl. PRO, FIN): {}",
        pct(named_hit, named)
    );
    println!(
        "   mention recall, all gold entity mentions (incl. NOM, PRO): {}",
        pct(all_hit, all_g)
    );
    println!(
        "   mention precision (ours matching any gold entity mention): {}",
        pct(matches.len(), run.mentions.len())
    );
    let overlapping = run
        .mentions
        .iter()
        .filter(|p| {
            docs.get(p.doc).is_some_and(|d| {
                d.mentions
                    .iter()
                    .any(|g| g.toks.iter().any(|t| p.toks.contains(t)))
            })
        })
        .count();
    println!(
        "   mention precision, lenient (ours overlapping any gold entity mention, e.g. nested in a larger one): {}",
        pct(overlapping, run.mentions.len())
    );

    // B³ on the intersection.
    let mut pred_c = Vec::new();
    let mut gold_c = Vec::new();
    let mut base_c = Vec::new();
    let mut story_gold_c = Vec::new();
    let mut core_pred = Vec::new();
    let mut core_gold = Vec::new();
    let mut global_c = Vec::new();
    for &(pi, di, gi) in &matches {
        let (Some(p), Some(g)) = (run.mentions.get(pi), gold_of(di, gi)) else {
            continue;
        };
        pred_c.push(p.entity.clone());
        global_c.push(p.global.clone());
        gold_c.push(g.cluster.clone());
        base_c.push(p.surface.clone());
        story_gold_c.push(format!("{}|{}", p.story, g.cluster));
        if g.named && is_core(g) {
            core_pred.push(p.entity.clone());
            core_gold.push(g.cluster.clone());
        }
    }
    let (p, r, f) = b_cubed(&pred_c, &gold_c);
    println!(
        "   cross-doc B3 over the {} matched mentions: P {:.3} R {:.3} F1 {:.3}",
        pred_c.len(),
        p,
        r,
        f
    );
    let (p, r, f) = b_cubed(&core_pred, &core_gold);
    println!(
        "   cross-doc B3 over the {} matched named PER/ORG/LOC mentions: P {:.3} R {:.3} F1 {:.3}",
        core_pred.len(),
        p,
        r,
        f
    );
    let (p, r, f) = b_cubed(&global_c, &gold_c);
    println!(
        "   cross-doc B3 with cross-story ids (Entity::global), same mentions: P {:.3} R {:.3} F1 {:.3}",
        p, r, f
    );
    let (p, r, f) = b_cubed(&base_c, &gold_c);
    println!(
        "   baseline (same lowercased surface = same entity), same mentions: P {:.3} R {:.3} F1 {:.3}",
        p, r, f
    );
    let (p, r, f) = b_cubed(&pred_c, &story_gold_c);
    println!(
        "   B3 within our stories (gold clusters cut by our story partition), same mentions: P {:.3} R {:.3} F1 {:.3}",
        p, r, f
    );

    // Diagnostics: what we find that gold has no mention for, and named gold we miss.
    let matched_p: HashSet<usize> = matches.iter().map(|&(p, _, _)| p).collect();
    let mut by_kind: HashMap<&str, (usize, usize)> = HashMap::new();
    let mut extra: HashMap<&str, usize> = HashMap::new();
    for (pi, p) in run.mentions.iter().enumerate() {
        let e = by_kind.entry(p.kind).or_default();
        e.0 += 1;
        if matched_p.contains(&pi) {
            e.1 += 1;
        } else {
            *extra.entry(p.surface.as_str()).or_default() += 1;
        }
    }
    let mut kinds: Vec<_> = by_kind.into_iter().collect();
    kinds.sort();
    let kinds: Vec<String> = kinds
        .iter()
        .map(|(k, (n, m))| format!("{k} {}", pct(*m, *n)))
        .collect();
    println!("   precision by our type: {}", kinds.join(", "));
    let mut missed: HashMap<String, usize> = HashMap::new();
    for &di in idx {
        let Some(d) = docs.get(di) else { continue };
        for (gi, g) in d.mentions.iter().enumerate() {
            if g.named && is_core(g) && !matched_g.contains(&(di, gi)) {
                let words: Vec<&str> = g
                    .toks
                    .iter()
                    .filter_map(|&i| d.toks.get(i))
                    .filter_map(|t| d.text.get(t.start..t.end))
                    .collect();
                *missed.entry(words.join(" ")).or_default() += 1;
            }
        }
    }
    println!(
        "   most frequent of ours without gold: {}",
        top(extra.into_iter())
    );
    println!(
        "   most frequent named PER/ORG/LOC gold we miss: {}",
        top(missed.iter().map(|(k, v)| (k.as_str(), *v)))
    );

    // Time anchors.
    let all_sents: usize = idx
        .iter()
        .filter_map(|&i| docs.get(i))
        .map(|d| d.sents.len())
        .sum();
    let mut dated_sents: HashSet<(usize, usize)> = HashSet::new();
    for p in &run.dated {
        if let Some(d) = docs.get(p.doc) {
            for (k, &(s, e)) in d.sents.iter().enumerate() {
                if p.start < e && s < p.end {
                    dated_sents.insert((p.doc, k));
                }
            }
        }
    }
    println!(
        "   sentences on our timeline (evidence of a dated event): {}",
        pct(dated_sents.len(), all_sents)
    );
    let variants: [(&str, Pick); 3] = [
        ("TLINK to any dated TIMEX3 (incl. DCT)", |e| {
            e.anchors.iter().collect()
        }),
        ("TLINK to an in-text TIMEX3 (DCT excluded)", |e| {
            e.anchors.iter().filter(|a| !a.dct).collect()
        }),
        ("cross-doc instance TIME (list_instances.csv)", |e| {
            e.instance.iter().collect()
        }),
    ];
    for (name, pick) in variants {
        let sc = score_anchors(docs, idx, run, pick);
        println!(
            "   anchors by {name}: {} gold anchored events; sentence on timeline {}; date strict {}; lenient {}; (annotation layer: a time mention of ours in the sentence agrees strictly: {}); timeline precision (our event dates on those sentences that agree strictly): {}",
            sc.gold,
            pct(sc.sentence_dated, sc.gold),
            pct(sc.strict, sc.gold),
            pct(sc.lenient, sc.gold),
            pct(sc.tagged, sc.gold),
            pct(sc.ours_right, sc.ours_total)
        );
    }
}

fn main() {
    let dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(DEFAULT_DIR));
    if !dir.join("intra_cross-doc_annotation").is_dir() {
        println!(
            "MEANTIME not found at {} (expected intra_cross-doc_annotation/ there): nothing to evaluate.",
            dir.display()
        );
        return;
    }
    let docs = load(&dir);
    if docs.is_empty() {
        println!("No MEANTIME documents read under {}.", dir.display());
        return;
    }
    let n_mentions: usize = docs.iter().map(|d| d.mentions.len()).sum();
    let n_events: usize = docs.iter().map(|d| d.events.len()).sum();
    println!(
        "MEANTIME English, intra_cross-doc_annotation: {} documents, {} gold entity mentions, {} gold event mentions",
        docs.len(),
        n_mentions,
        n_events
    );
    println!(
        "Input: tokens joined by spaces, one sentence a line; DCT = the CREATION_TIME TIMEX3 (basis metadata); full pipeline with Config::default() (cleaning on; cleaned lines aligned back to the input)."
    );
    println!(
        "Mention match: token spans overlap and (Jaccard >= 0.5 or ours contains the gold mention's head token = last word of its head attribute, or, when that is empty (about two thirds of mentions), the last token before the first of/,/which/who/that/preposition, skipping a trailing 's); one-to-one, exact spans first, then by Jaccard."
    );
    println!(
        "Named gold = syntactic_type NAM or PRE.NAM, plus untyped mentions of the cross-document layer whose first token is capitalised and not a function word. Gold clusters = cross-document instance_id (REFERS_TO target), else the document-local entity."
    );
    println!(
        "Event anchors: TLINK event SIMULTANEOUS/IS_INCLUDED timex, or timex SIMULTANEOUS/INCLUDES event, timex of type DATE/TIME with a YYYY, YYYY-MM or YYYY-MM-DD value. Hit = a dated event of our dossier whose evidence overlaps the gold event's sentence and whose date equals one of its anchors at the gold precision (strict: ours at least as precise) or at the coarser of the two (lenient)."
    );
    let config = Config::default();
    let mut total_secs = 0.0;
    for topic in TOPICS {
        let idx: Vec<usize> = docs
            .iter()
            .enumerate()
            .filter(|(_, d)| d.topic == topic)
            .map(|(i, _)| i)
            .collect();
        if idx.is_empty() {
            continue;
        }
        let run = run_pile(&docs, &idx, &config);
        total_secs += run.seconds;
        report(topic, &docs, &idx, &run);
    }
    let all: Vec<usize> = (0..docs.len()).collect();
    let run = run_pile(&docs, &all, &config);
    report("all 120 documents as one pile", &docs, &all, &run);
    if std::env::var_os("HIDE_DCT").is_some() {
        dct_report(&docs, &run);
    }
    println!(
        "\nSpeed: whole pipeline (annotate_all + analyze) {:.1} docs/s as one pile of {}, {:.1} docs/s over the four topic piles ({} threads available).",
        docs.len() as f64 / run.seconds.max(1e-9),
        docs.len(),
        docs.len() as f64 / total_secs.max(1e-9),
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_parse_at_their_precision() {
        assert_eq!(
            anchor_of("2005-06-13", false).map(|a| a.precision),
            Some(Precision::Day)
        );
        assert_eq!(
            anchor_of("2009-01", false).map(|a| a.precision),
            Some(Precision::Month)
        );
        assert_eq!(
            anchor_of("2009", false).map(|a| a.precision),
            Some(Precision::Year)
        );
        assert!(anchor_of("2009-Q1", false).is_none());
        assert!(anchor_of("PRESENT_REF", false).is_none());
    }

    #[test]
    fn b_cubed_perfect_and_merged() {
        let g = vec!["a".to_string(), "a".into(), "b".into()];
        assert_eq!(b_cubed(&g, &g), (1.0, 1.0, 1.0));
        let one = vec!["x".to_string(), "x".into(), "x".into()];
        let (p, r, _) = b_cubed(&one, &g);
        assert!((r - 1.0).abs() < 1e-9);
        assert!((p - 5.0 / 9.0).abs() < 1e-9);
    }

    #[test]
    fn alignment_skips_removed_lines() {
        let input = "Title line\nJune 13 , 2005\nFirst sentence .\nSecond one .";
        let clean = "First sentence .\n\nSecond one .";
        let (segs, missed) = align(clean, input);
        assert_eq!(missed, 0);
        let s = clean.find("Second").unwrap_or(0);
        let (a, b) = map_span(&segs, s, s + 6).unwrap_or((0, 0));
        assert_eq!(input.get(a..b), Some("Second"));
    }

    #[test]
    fn parses_a_small_document() {
        let xml = r#"<?xml version="1.0" ?><Document doc_id="7" doc_name="x">
<token number="0" sentence="0" t_id="1">Acme</token>
<token number="1" sentence="0" t_id="2">buys</token>
<token number="2" sentence="1" t_id="3">On</token>
<token number="3" sentence="1" t_id="4">Monday</token>
<token number="4" sentence="1" t_id="5">,</token>
<token number="5" sentence="1" t_id="6">Acme</token>
<token number="6" sentence="1" t_id="7">Corp</token>
<token number="7" sentence="1" t_id="8">bought</token>
<Markables>
<ENTITY_MENTION head="" m_id="1" syntactic_type="NAM"><token_anchor t_id="1"/></ENTITY_MENTION>
<ENTITY_MENTION head="Corp" m_id="2" syntactic_type="NAM"><token_anchor t_id="6"/><token_anchor t_id="7"/></ENTITY_MENTION>
<EVENT_MENTION m_id="3" pred="buy"><token_anchor t_id="8"/></EVENT_MENTION>
<TIMEX3 functionInDocument="NONE" m_id="4" type="DATE" value="2010-03-01"><token_anchor t_id="4"/></TIMEX3>
<TIMEX3 functionInDocument="CREATION_TIME" m_id="5" type="DATE" value="2010-03-02"></TIMEX3>
<ENTITY ent_type="ORG" instance_id="ORG1" m_id="9"/>
<EVENT instance_id="EV1" m_id="10"/>
</Markables>
<Relations>
<REFERS_TO r_id="1"><source m_id="1"/><source m_id="2"/><target m_id="9"/></REFERS_TO>
<REFERS_TO r_id="2"><source m_id="3"/><target m_id="10"/></REFERS_TO>
<TLINK r_id="3" reltype="IS_INCLUDED"><source m_id="3"/><target m_id="4"/></TLINK>
</Relations></Document>"#;
        let mut times = HashMap::new();
        times.insert("EV1".to_string(), "2010-03".to_string());
        let d = parse_doc("t", "x", xml, &times);
        assert_eq!(d.text, "Acme buys\nOn Monday , Acme Corp bought");
        assert_eq!(d.dct.as_deref(), Some("2010-03-02"));
        assert_eq!(d.sents.len(), 2);
        assert_eq!(d.mentions.len(), 2);
        assert!(d.mentions.iter().all(|m| m.cluster == "ORG1" && m.named));
        assert_eq!(d.mentions.get(1).and_then(|m| m.head), Some(6));
        assert_eq!(
            d.mentions.first().and_then(|m| m.ent_type.as_deref()),
            Some("ORG")
        );
        let ev = d.events.first();
        assert_eq!(ev.map(|e| e.sent), Some(1));
        assert_eq!(
            ev.and_then(|e| e.anchors.first()).map(|a| a.value.as_str()),
            Some("2010-03-01")
        );
        assert_eq!(
            ev.and_then(|e| e.instance.as_ref()).map(|a| a.precision),
            Some(Precision::Month)
        );
    }

    #[test]
    fn date_agreement_strict_and_lenient() {
        let gold = anchor_of("2010-03", false);
        let day = DateValue::new("2010-03-01", DateBasis::Text);
        let year = DateValue::new("2010", DateBasis::Text);
        assert!(gold.as_ref().is_some_and(|g| date_agrees(&day, g, false)));
        assert!(gold.as_ref().is_some_and(|g| !date_agrees(&year, g, false)));
        assert!(gold.as_ref().is_some_and(|g| date_agrees(&year, g, true)));
    }
}
