//! Links annotations@1 objects (one JSON object per line, as `corroborate annotate`
//! prints them) and prints the dossier as JSON, or an overview with `--overview`.
//!
//! Usage: `cargo run -p corroborate-link --example link_jsonl -- annotations.jsonl [--overview]`

use corroborate_model::Annotations;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let overview = args.iter().any(|a| a == "--overview");
    let Some(path) = args.iter().find(|a| !a.starts_with("--")) else {
        eprintln!("usage: link_jsonl ANNOTATIONS.jsonl [--overview]");
        std::process::exit(1);
    };
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("cannot read {path}");
        std::process::exit(1);
    };
    let mut docs: Vec<Annotations> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Annotations>(line) {
            Ok(a) => docs.push(a),
            Err(e) => eprintln!("line {}: {e}", n + 1),
        }
    }
    let dossier = corroborate_link::link(docs);
    if !overview {
        println!(
            "{}",
            serde_json::to_string_pretty(&dossier).unwrap_or_default()
        );
        return;
    }
    for s in &dossier.sources {
        println!(
            "source {} {} published={:?} flags={:?} copy_of={:?} {:?}",
            s.id,
            s.origin,
            s.published.as_ref().map(|p| (&p.value, p.basis, &p.until)),
            s.flags,
            s.copy_of,
            s.flag_evidence
                .iter()
                .map(|f| &f.detail)
                .collect::<Vec<_>>()
        );
    }
    for st in &dossier.stories {
        println!("== {} {:?} {:?}", st.id, st.title, st.sources);
        for e in &st.entities {
            println!(
                "  E {} {:?} {} {:?} mentions={} notes={:?}",
                e.id,
                e.kind,
                e.name,
                e.aliases,
                e.mentions.len(),
                e.notes
            );
        }
        for e in &st.events {
            let srcs: Vec<&str> = e.evidence.iter().map(|v| v.source.as_str()).collect();
            println!(
                "  EV {} {:?} {:?} {} {:?} {:?}",
                e.id,
                e.date.as_ref().map(|d| &d.value),
                e.role,
                e.text,
                e.entities,
                srcs
            );
        }
        for q in &st.quotes {
            let srcs: Vec<&str> = q.evidence.iter().map(|v| v.source.as_str()).collect();
            println!(
                "  Q {} {:?} {:?} {:?}",
                q.id,
                q.text,
                q.speaker.as_ref().map(|s| (&s.text, &s.entity)),
                srcs
            );
        }
        for c in &st.claims {
            println!(
                "  C {} {} {} {}",
                c.id,
                c.subject,
                c.attribute,
                c.status.as_str()
            );
            for v in &c.values {
                println!(
                    "      {} {:?} as_of={:?} party={:?} indep={:?}",
                    v.value,
                    v.sources,
                    v.as_of.as_ref().map(|d| &d.value),
                    v.party,
                    v.independent_sources
                );
            }
        }
        for m in &st.summary {
            let srcs: Vec<&str> = m.citations.iter().map(|v| v.source.as_str()).collect();
            println!("  S {} {:?}", m.text, srcs);
        }
    }
    let bad = dossier.bad_evidence();
    println!("bad evidence: {}", bad.len());
}
