//! Golden test: a readable digest of the demo dossier, snapshotted with insta.
//!
//! When the pipeline changes, `INSTA_UPDATE=always cargo test -p corroborate --test golden`
//! rewrites `tests/snapshots/golden__demo_digest.snap`; review its diff before committing.

use std::fmt::Write;

use corroborate_model::Dossier;

fn demo_dossier() -> Dossier {
    corroborate::demo::analyze_demo().dossier
}

fn short(s: &str, n: usize) -> String {
    let one: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    match one.char_indices().nth(n) {
        Some((i, _)) => format!("{}…", &one[..i]),
        None => one,
    }
}

fn digest(d: &Dossier) -> String {
    let name = |id: &str| {
        d.sources
            .iter()
            .find(|s| s.id == id)
            .map(|s| s.origin.trim_start_matches("demo/").to_string())
            .unwrap_or_else(|| id.to_string())
    };
    let mut out = String::new();
    let _ = writeln!(out, "sources:");
    for s in &d.sources {
        let _ = writeln!(
            out,
            "  {} | {} | {} | flags {:?} | copy_of {} | removed {}",
            s.origin.trim_start_matches("demo/"),
            s.outlet.as_deref().unwrap_or("-"),
            s.published
                .as_ref()
                .map(|p| format!("{} ({:?})", p.value, p.basis))
                .unwrap_or_else(|| "-".into()),
            s.flags,
            s.copy_of.as_deref().map(name).unwrap_or_else(|| "-".into()),
            s.removed.len()
        );
    }
    for st in &d.stories {
        let _ = writeln!(
            out,
            "\nstory: {} ({} sources)",
            short(&st.title, 80),
            st.sources.len()
        );
        let _ = writeln!(out, "  entities:");
        for e in &st.entities {
            let mut aliases = e.aliases.clone();
            aliases.sort();
            let _ = writeln!(
                out,
                "    {:?} {} = {:?} ({} mentions)",
                e.kind,
                e.name,
                aliases,
                e.mentions.len()
            );
        }
        let _ = writeln!(out, "  timeline:");
        for ev in &st.events {
            let _ = writeln!(
                out,
                "    {} [{}] {} ({} sources)",
                ev.date.as_ref().map(|d| d.value.as_str()).unwrap_or("-"),
                ev.role.as_deref().unwrap_or("-"),
                short(&ev.text, 70),
                ev.evidence
                    .iter()
                    .map(|e| &e.source)
                    .collect::<std::collections::BTreeSet<_>>()
                    .len()
            );
        }
        let _ = writeln!(out, "  claims:");
        for c in &st.claims {
            let values: Vec<String> = c
                .values
                .iter()
                .map(|v| {
                    format!(
                        "{}@{} x{}",
                        short(&v.value, 40),
                        v.as_of.as_ref().map(|d| d.value.as_str()).unwrap_or("-"),
                        v.sources.len()
                    )
                })
                .collect();
            let _ = writeln!(
                out,
                "    {} / {} : {} {:?}",
                short(&c.subject, 40),
                c.attribute,
                c.status.as_str(),
                values
            );
        }
        let _ = writeln!(out, "  quotes:");
        for q in &st.quotes {
            let _ = writeln!(
                out,
                "    {} — {} ({} sources)",
                short(&q.text, 60),
                q.speaker.as_ref().map(|s| s.text.as_str()).unwrap_or("?"),
                q.evidence
                    .iter()
                    .map(|e| &e.source)
                    .collect::<std::collections::BTreeSet<_>>()
                    .len()
            );
        }
        let _ = writeln!(out, "  summary:");
        for s in &st.summary {
            let _ = writeln!(
                out,
                "    {} [{} citations]",
                short(&s.text, 100),
                s.citations.len()
            );
        }
    }
    out
}

#[test]
fn demo_digest() {
    let d = demo_dossier();
    insta::assert_snapshot!("demo_digest", digest(&d));
}

#[test]
fn analysis_is_deterministic() {
    assert_eq!(demo_dossier(), demo_dossier());
}
