//! Evaluates the tagger on the TempEval-3 training data (TimeBank + AQUAINT).
//!
//! Usage: `cargo run --release -p corroborate-time --example eval_tempeval [-- DIR] [--errors]`
//! (default DIR: /work/shared/data/time/tempeval3-train). Reports strict and relaxed span
//! P/R/F1, type accuracy and value P/R/F1 with the TempEval-3 rules (values compared on
//! relaxed matches; P = correct / system, R = correct / gold), and words per second.
//! Mentions are scored as TimeML annotates them (`TimeMention::timeml`): "three days
//! later" is the duration `P3D`, while the dossier uses the date it points to.
//! `--errors` also lists every relaxed match (`OK` when the value is right, `VALUE` when
//! not, with context), false positives (`FP`) and misses (`FN`), one per line.
//! Exits 0 with a note when the folder is absent.

use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::NaiveDate;
use corroborate_model::TimeType;

struct Gold {
    start: usize,
    end: usize,
    kind: String,
    value: String,
}

struct Doc {
    name: String,
    text: String,
    dct: Option<NaiveDate>,
    gold: Vec<Gold>,
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let key = format!("{name}=\"");
    let at = tag.find(&key)? + key.len();
    let rest = tag.get(at..)?;
    let end = rest.find('"')?;
    rest.get(..end).map(str::to_string)
}

fn decode(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

fn parse(name: &str, xml: &str) -> Option<Doc> {
    let mut dct = None;
    let mut pos = 0;
    while let Some(k) = xml.get(pos..).and_then(|r| r.find("<TIMEX3")) {
        let s = pos + k;
        let e = s + xml.get(s..)?.find('>')?;
        let tag = xml.get(s..e)?;
        if tag.contains("CREATION_TIME") {
            dct = attr(tag, "value").and_then(|v| {
                v.get(..10)
                    .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            });
            break;
        }
        pos = e;
    }
    let body_start = xml.find("<TEXT>")? + "<TEXT>".len();
    let body_end = xml.find("</TEXT>")?;
    let body = xml.get(body_start..body_end)?;
    let mut text = String::new();
    let mut gold = Vec::new();
    let mut open: Option<(usize, String, String)> = None;
    let mut rest = body;
    while !rest.is_empty() {
        match rest.find('<') {
            Some(k) => {
                text.push_str(&decode(rest.get(..k)?));
                let close = rest.get(k..)?.find('>')? + k;
                let tag = rest.get(k + 1..close)?;
                if tag.starts_with("TIMEX3") {
                    open = Some((
                        text.len(),
                        attr(tag, "type").unwrap_or_default(),
                        attr(tag, "value").unwrap_or_default(),
                    ));
                } else if tag.starts_with("/TIMEX3")
                    && let Some((s, kind, value)) = open.take()
                {
                    gold.push(Gold {
                        start: s,
                        end: text.len(),
                        kind,
                        value,
                    });
                }
                rest = rest.get(close + 1..)?;
            }
            None => {
                text.push_str(&decode(rest));
                rest = "";
            }
        }
    }
    Some(Doc {
        name: name.to_string(),
        text,
        dct,
        gold,
    })
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            if p.file_name().is_some_and(|n| n == "testpipeline") {
                continue;
            }
            files(&p, out);
        } else if p.extension().is_some_and(|e| e == "tml") {
            out.push(p);
        }
    }
}

fn type_name(t: TimeType) -> &'static str {
    match t {
        TimeType::DATE => "DATE",
        TimeType::TIME => "TIME",
        TimeType::DURATION => "DURATION",
        TimeType::SET => "SET",
    }
}

fn floor(t: &str, mut i: usize) -> usize {
    while i > 0 && !t.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil(t: &str, mut i: usize) -> usize {
    i = i.min(t.len());
    while i < t.len() && !t.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The text around `[start, end)` on one line, for the error listing.
fn context(text: &str, start: usize, end: usize) -> String {
    text.get(floor(text, start.saturating_sub(80))..ceil(text, end + 60))
        .unwrap_or("")
        .replace('\n', " ")
}

fn prf(tp: f64, sys: f64, gold: f64) -> (f64, f64, f64) {
    let p = if sys > 0.0 { tp / sys } else { 0.0 };
    let r = if gold > 0.0 { tp / gold } else { 0.0 };
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let show_errors = args.iter().any(|a| a == "--errors");
    let dir = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .cloned()
        .unwrap_or_else(|| "/work/shared/data/time/tempeval3-train".to_string());
    let dir = PathBuf::from(dir);
    if !dir.is_dir() {
        println!(
            "TempEval-3 data not found at {}: nothing to evaluate (this is not an error).",
            dir.display()
        );
        return;
    }
    let mut paths = Vec::new();
    files(&dir, &mut paths);
    let docs: Vec<Doc> = paths
        .iter()
        .filter_map(|p| {
            let xml = std::fs::read_to_string(p).ok()?;
            parse(&p.file_name()?.to_string_lossy(), &xml)
        })
        .collect();
    if docs.is_empty() {
        println!("no .tml files under {}", dir.display());
        return;
    }
    let (mut n_gold, mut n_sys, mut strict_tp, mut relaxed_tp, mut type_ok, mut value_ok) =
        (0usize, 0usize, 0usize, 0usize, 0usize, 0usize);
    let mut words = 0usize;
    for doc in &docs {
        words += doc.text.split_whitespace().count();
        let sys = corroborate_time::tag(&doc.text, doc.dct);
        n_gold += doc.gold.len();
        n_sys += sys.len();
        let mut used = vec![false; doc.gold.len()];
        for m in &sys {
            // TimeML's reading: an anchored duration ("three days later") is scored as
            // the duration TimeBank annotates, not the date the dossier uses
            let (m_kind, m_value) = m.timeml();
            let hit = doc.gold.iter().enumerate().find(|(k, g)| {
                !used.get(*k).copied().unwrap_or(true) && g.start < m.end && m.start < g.end
            });
            match hit {
                Some((k, g)) => {
                    if let Some(u) = used.get_mut(k) {
                        *u = true;
                    }
                    relaxed_tp += 1;
                    if g.start == m.start && g.end == m.end {
                        strict_tp += 1;
                    }
                    if g.kind == type_name(m_kind) {
                        type_ok += 1;
                    }
                    if g.value == m_value {
                        value_ok += 1;
                        if show_errors {
                            let ctx = context(&doc.text, m.start, m.end);
                            println!(
                                "OK\t{}\t{:?}\tgold {} {}\tsys {} {}\t{}",
                                doc.name,
                                m.text,
                                g.kind,
                                g.value,
                                type_name(m_kind),
                                m_value,
                                ctx
                            );
                        }
                    } else if show_errors {
                        let ctx = context(&doc.text, m.start, m.end);
                        println!(
                            "VALUE\t{}\t{:?}\tgold {} {}\tsys {} {}\t{:?}\t{}",
                            doc.name,
                            m.text,
                            g.kind,
                            g.value,
                            type_name(m_kind),
                            m_value,
                            doc.dct,
                            ctx
                        );
                    }
                }
                None => {
                    if show_errors {
                        let ctx = context(&doc.text, m.start, m.end);
                        println!(
                            "FP\t{}\t{:?}\t{} {}\t{}",
                            doc.name,
                            m.text,
                            type_name(m_kind),
                            m_value,
                            ctx
                        );
                    }
                }
            }
        }
        if show_errors {
            for (k, g) in doc.gold.iter().enumerate() {
                if !used.get(k).copied().unwrap_or(true) {
                    let ctx = context(&doc.text, g.start, g.end);
                    println!(
                        "FN\t{}\t{:?}\t{} {}\t{:?}\t{}",
                        doc.name,
                        doc.text.get(g.start..g.end).unwrap_or(""),
                        g.kind,
                        g.value,
                        doc.dct,
                        ctx
                    );
                }
            }
        }
    }
    // speed: tag the whole set several times
    let reps = 5;
    let t0 = Instant::now();
    let mut count = 0usize;
    for _ in 0..reps {
        for doc in &docs {
            count += corroborate_time::tag(&doc.text, doc.dct).len();
        }
    }
    let secs = t0.elapsed().as_secs_f64().max(1e-9);
    let (sp, sr, sf) = prf(strict_tp as f64, n_sys as f64, n_gold as f64);
    let (rp, rr, rf) = prf(relaxed_tp as f64, n_sys as f64, n_gold as f64);
    let (vp, vr, vf) = prf(value_ok as f64, n_sys as f64, n_gold as f64);
    println!(
        "TempEval-3 train ({} docs, {} words): gold {} TIMEX3, system {}",
        docs.len(),
        words,
        n_gold,
        n_sys
    );
    println!("strict span   P {sp:.3}  R {sr:.3}  F1 {sf:.3}");
    println!("relaxed span  P {rp:.3}  R {rr:.3}  F1 {rf:.3}");
    println!(
        "type accuracy {:.3} (on {} relaxed matches)",
        if relaxed_tp > 0 {
            type_ok as f64 / relaxed_tp as f64
        } else {
            0.0
        },
        relaxed_tp
    );
    println!("value         P {vp:.3}  R {vr:.3}  F1 {vf:.3}  (HeidelTime: F1 0.773)");
    println!(
        "speed         {:.0} words/s on one core ({} mentions in {} passes)",
        (words * reps) as f64 / secs,
        count / reps,
        reps
    );
}
