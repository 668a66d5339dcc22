//! Whole-pipeline tests on the built-in demo corpus (`corpus/demo/`), checked against its
//! ground truth (`corpus/demo/expected.json`).

use std::sync::OnceLock;

use corroborate::{Config, analyze, annotate_all, demo, ingest, report};
use corroborate_ingest::{Collect, Limits};
use corroborate_model::{Annotations, Dossier, Source};
use serde_json::Value;

struct Run {
    annotations: Vec<Annotations>,
    dossier: Dossier,
    notices: Vec<String>,
}

fn run() -> &'static Run {
    static RUN: OnceLock<Run> = OnceLock::new();
    RUN.get_or_init(|| {
        let mut c = Collect::default();
        for (name, bytes) in demo::files() {
            ingest::parse_bytes(&format!("demo/{name}"), Some(&name.to_lowercase()), bytes, Limits::default(), &mut c);
        }
        let notices = c.notices.iter().map(|n| n.to_string()).collect();
        let annotations: Vec<Annotations> = annotate_all(&c.docs, &Config::default()).into_iter().map(|(a, _)| a).collect();
        let dossier = analyze(annotations.clone(), Vec::new());
        Run {
            annotations,
            dossier,
            notices,
        }
    })
}

fn expected() -> Value {
    match demo::expected().map(serde_json::from_str::<Value>) {
        Some(Ok(v)) => v,
        other => panic!("expected.json missing or invalid: {other:?}"),
    }
}

/// The source for an expected.json file key (`name` or `feed.jsonl#<id>`).
fn source_for<'a>(d: &'a Dossier, key: &str) -> Option<&'a Source> {
    match key.split_once('#') {
        Some((_, id)) => d.sources.iter().find(|s| s.id == id),
        None => d.sources.iter().find(|s| {
            let want = format!("demo/{key}");
            s.origin == want || s.origin.starts_with(&format!("{want}#"))
        }),
    }
}

#[test]
fn demo_reads_cleanly_in_every_format() {
    let r = run();
    assert!(r.notices.is_empty(), "{:?}", r.notices);
    let exp = expected();
    let files = exp["files"].as_object().map(|o| o.len()).unwrap_or(0);
    assert_eq!(r.dossier.sources.len(), files);
    for (key, want) in exp["files"].as_object().into_iter().flatten() {
        let s = match source_for(&r.dossier, key) {
            Some(s) => s,
            None => panic!("no source for {key}"),
        };
        assert_eq!(s.outlet.as_deref(), want["outlet"].as_str(), "{key} outlet");
        let published = s.published.as_ref().filter(|p| p.basis != corroborate_model::DateBasis::Inferred);
        assert_eq!(
            published.and_then(|p| p.value.get(..10)),
            want["published"].as_str(),
            "{key} published"
        );
        assert_eq!(s.language.as_deref(), Some("en"), "{key} language");
        assert!(s.text.len() > 500, "{key}: cleaned text is only {} bytes", s.text.len());
    }
}

#[test]
fn every_annotation_span_round_trips() {
    for a in &run().annotations {
        assert!(a.bad_spans().is_empty(), "{}: {:?}", a.source.origin, a.bad_spans());
        for s in &a.sentences {
            assert!(s.span().is_valid_in(&a.source.text));
        }
    }
}

#[test]
fn every_dossier_evidence_round_trips() {
    let d = &run().dossier;
    assert!(d.bad_evidence().is_empty(), "{:?}", d.bad_evidence());
    for s in &d.sources {
        for f in &s.flag_evidence {
            for sp in &f.spans {
                assert!(sp.is_valid_in(&s.text), "{} flag {} span", s.origin, f.flag);
            }
        }
    }
}

#[test]
fn boilerplate_is_removed_with_reasons() {
    let d = &run().dossier;
    for s in &d.sources {
        for bad in ["Sign up for our newsletter", "Comments are closed", "Your comment will appear after review", "Share this article"] {
            assert!(!s.text.contains(bad), "{}: {bad:?} left in the text", s.origin);
        }
        for r in &s.removed {
            assert!(!r.reason.is_empty() && !r.text.is_empty());
        }
    }
    let removed: usize = d.sources.iter().map(|s| s.removed.len()).sum();
    assert!(removed >= 20, "only {removed} removals recorded");
}

#[test]
fn expected_flags_are_set() {
    let d = &run().dossier;
    let exp = expected();
    for (key, flags) in exp["flags"].as_object().into_iter().flatten() {
        let s = match source_for(d, key) {
            Some(s) => s,
            None => panic!("no source for {key}"),
        };
        for f in flags.as_array().into_iter().flatten().filter_map(Value::as_str) {
            assert!(s.has_flag(f), "{key} lacks flag {f}: {:?}", s.flags);
        }
    }
}

#[test]
fn html_report_is_self_contained_and_escaped() {
    let html = report::to_html(&run().dossier);
    assert!(html.starts_with("<!DOCTYPE html>") || html.starts_with("<!doctype html>"));
    let lower = html.to_lowercase();
    for bad in ["<script src", "<link rel=\"stylesheet\" href=\"http", "@import", "url(http", "<img src=\"http", "<iframe"] {
        assert!(!lower.contains(bad), "external asset: {bad}");
    }
    assert!(html.contains("Tchaikovsky"));
}

#[test]
fn markdown_and_json_render() {
    let d = &run().dossier;
    let md = report::to_markdown(d);
    assert!(md.starts_with('#'));
    let json = report::to_json(d);
    let back: Dossier = match serde_json::from_str(&json) {
        Ok(b) => b,
        Err(e) => panic!("JSON does not read back: {e}"),
    };
    assert_eq!(&back, d);
}

fn schema_errors(name: &str, instance: &Value) -> Vec<String> {
    let path = format!("{}/../../docs/schema/{name}.schema.json", env!("CARGO_MANIFEST_DIR"));
    let schema: Value = match std::fs::read_to_string(&path).map(|t| serde_json::from_str(&t)) {
        Ok(Ok(v)) => v,
        other => panic!("{path}: {other:?}"),
    };
    let validator = match jsonschema::draft202012::new(&schema) {
        Ok(v) => v,
        Err(e) => panic!("{path} does not compile: {e}"),
    };
    validator.iter_errors(instance).map(|e| format!("{e} at {}", e.instance_path())).collect()
}

#[test]
fn real_output_validates_against_the_schemas() {
    let r = run();
    let dossier: Value = match serde_json::from_str(&report::to_json(&r.dossier)) {
        Ok(v) => v,
        Err(e) => panic!("{e}"),
    };
    let errors = schema_errors("dossier", &dossier);
    assert!(errors.is_empty(), "{errors:#?}");
    assert!(!r.dossier.stories.is_empty());
    for a in &r.annotations {
        let v = match serde_json::to_value(a) {
            Ok(v) => v,
            Err(e) => panic!("{e}"),
        };
        let errors = schema_errors("annotations", &v);
        assert!(errors.is_empty(), "{}: {errors:#?}", a.source.origin);
    }
}
