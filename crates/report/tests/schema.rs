//! The JSON Schemas in docs/schema match the serde output of the model types.

mod common;

use corroborate_model::*;
use serde_json::{Value, json};

fn load(name: &str) -> Value {
    let path = format!(
        "{}/../../docs/schema/{name}.schema.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn validator(schema: &Value) -> jsonschema::Validator {
    jsonschema::draft202012::new(schema).unwrap_or_else(|e| panic!("schema does not compile: {e}"))
}

/// Error messages of validating `instance` (empty when valid).
fn errors(schema: &Value, instance: &Value) -> Vec<String> {
    validator(schema)
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

/// The schema with `additionalProperties: false` on every object that lists
/// properties, to catch serialised fields the schema does not declare.
fn strict(schema: &Value) -> Value {
    fn walk(v: &mut Value) {
        match v {
            Value::Object(m) => {
                if m.contains_key("properties") {
                    m.insert("additionalProperties".into(), Value::Bool(false));
                }
                for (_, x) in m.iter_mut() {
                    walk(x);
                }
            }
            Value::Array(a) => a.iter_mut().for_each(walk),
            _ => {}
        }
    }
    let mut s = schema.clone();
    walk(&mut s);
    s
}

fn to_value<T: serde::Serialize>(t: &T) -> Value {
    serde_json::to_value(t).unwrap_or_else(|e| panic!("serialise: {e}"))
}

fn bare_source() -> Source {
    Source {
        id: "s".into(),
        origin: "-".into(),
        title: None,
        outlet: None,
        language: None,
        published: None,
        text: "Hi.".into(),
        removed: Vec::new(),
        flags: Vec::new(),
        copy_of: None,
        url: None,
        flag_evidence: Vec::new(),
    }
}

/// Every optional field absent or null.
fn minimal_dossier() -> Dossier {
    let src = bare_source();
    let e = Evidence::of(&src, Span::new(0, 2));
    Dossier {
        schema: DOSSIER_SCHEMA.into(),
        sources: vec![src],
        stories: vec![Story {
            id: "st".into(),
            title: String::new(),
            sources: vec!["s".into()],
            entities: vec![Entity {
                id: "e".into(),
                name: "Hi".into(),
                kind: EntityType::MISC,
                aliases: Vec::new(),
                mentions: vec![e.clone()],
                notes: Vec::new(),
                global: Some("g1".into()),
            }],
            events: vec![Event {
                id: "ev".into(),
                date: None,
                text: "x".into(),
                entities: Vec::new(),
                evidence: Vec::new(),
                role: None,
            }],
            quotes: vec![Quote {
                id: "q".into(),
                text: "Hi".into(),
                speaker: None,
                evidence: vec![e.clone()],
            }],
            claims: vec![Claim {
                id: "c".into(),
                subject: "x".into(),
                attribute: "y".into(),
                status: ClaimStatus::SingleSource,
                values: vec![ClaimValue {
                    value: "1".into(),
                    sources: vec!["s".into()],
                    as_of: None,
                    evidence: Vec::new(),
                    party: None,
                    independent_sources: None,
                }],
            }],
            summary: vec![SummarySentence {
                text: "Hi.".into(),
                citations: Vec::new(),
            }],
        }],
        skipped: Vec::new(),
    }
}

fn minimal_annotations() -> Annotations {
    let mut a = Annotations::new(bare_source());
    a.sentences.push(Sentence { start: 0, end: 3 });
    a.quotes.push(QuoteMention {
        start: 0,
        end: 2,
        text: "Hi".into(),
        speaker: None,
        kind: None,
        cue: None,
    });
    a.quantities.push(QuantityMention {
        start: 0,
        end: 2,
        text: "Hi".into(),
        value: 1.5,
        unit: None,
        min: None,
        max: None,
        modifier: None,
        category: None,
    });
    a
}

#[test]
fn rich_dossier_validates_strictly() {
    let schema = load("dossier");
    let d = common::sample();
    assert!(d.bad_evidence().is_empty(), "{:?}", d.bad_evidence());
    let v = to_value(&d);
    assert_eq!(errors(&schema, &v), Vec::<String>::new());
    assert_eq!(errors(&strict(&schema), &v), Vec::<String>::new());
    // The strict form does catch an undeclared field; the published form allows it.
    let mut extra = v.clone();
    extra["sources"][0]["paywall"] = json!(true);
    assert!(errors(&schema, &extra).is_empty());
    assert!(!errors(&strict(&schema), &extra).is_empty());
    let mut h = to_value(&common::hostile());
    h["schema"] = json!(DOSSIER_SCHEMA);
    assert_eq!(errors(&strict(&schema), &h), Vec::<String>::new());
}

#[test]
fn minimal_dossier_validates() {
    let schema = load("dossier");
    let v = to_value(&minimal_dossier());
    // The optional extensions really are omitted, the contract's options are null.
    assert!(v.get("skipped").is_none());
    assert_eq!(v["sources"][0]["published"], Value::Null);
    assert!(v["sources"][0].get("url").is_none());
    assert_eq!(v["stories"][0]["quotes"][0]["speaker"], Value::Null);
    assert_eq!(errors(&strict(&schema), &v), Vec::<String>::new());
}

#[test]
fn annotations_validate() {
    let schema = load("annotations");
    let rich = common::sample_annotations();
    assert!(rich.bad_spans().is_empty(), "{:?}", rich.bad_spans());
    for a in [rich, minimal_annotations()] {
        let v = to_value(&a);
        assert_eq!(errors(&strict(&schema), &v), Vec::<String>::new());
    }
}

/// Applies `edit` to the serialised sample dossier and returns the errors.
fn dossier_errors_after(edit: impl FnOnce(&mut Value)) -> Vec<String> {
    let mut v = to_value(&common::sample());
    edit(&mut v);
    errors(&load("dossier"), &v)
}

/// One breaking edit of a serialised dossier.
type Edit = Box<dyn FnOnce(&mut Value)>;

#[test]
fn broken_dossiers_fail() {
    let cases: Vec<(&str, Edit)> = vec![
        (
            "missing schema",
            Box::new(|v| {
                v.as_object_mut().map(|m| m.remove("schema"));
            }),
        ),
        (
            "wrong schema tag",
            Box::new(|v| v["schema"] = json!("corroborate/dossier@2")),
        ),
        (
            "bad status",
            Box::new(|v| v["stories"][0]["claims"][0]["status"] = json!("disputed")),
        ),
        (
            "flags not strings",
            Box::new(|v| v["sources"][1]["flags"] = json!([{"flag": "truncated"}])),
        ),
        (
            "bad precision",
            Box::new(|v| v["sources"][0]["published"]["precision"] = json!("week")),
        ),
        (
            "missing nullable speaker",
            Box::new(|v| {
                v["stories"][0]["quotes"][0]
                    .as_object_mut()
                    .map(|m| m.remove("speaker"));
            }),
        ),
        (
            "negative offset",
            Box::new(|v| v["stories"][0]["summary"][0]["citations"][0]["start"] = json!(-1)),
        ),
        (
            "missing source text",
            Box::new(|v| {
                v["sources"][2].as_object_mut().map(|m| m.remove("text"));
            }),
        ),
        (
            "null extension",
            Box::new(|v| v["sources"][0]["url"] = Value::Null),
        ),
        (
            "bad entity type",
            Box::new(|v| v["stories"][0]["entities"][0]["type"] = json!("PERSON")),
        ),
    ];
    for (what, edit) in cases {
        assert!(!dossier_errors_after(edit).is_empty(), "{what} should fail");
    }
}

#[test]
fn broken_annotations_fail() {
    let schema = load("annotations");
    let good = to_value(&common::sample_annotations());
    let mut v = good.clone();
    v["times"][0]["type"] = json!("date");
    assert!(!errors(&schema, &v).is_empty());
    let mut v = good.clone();
    v["schema"] = json!(DOSSIER_SCHEMA);
    assert!(!errors(&schema, &v).is_empty());
    let mut v = good;
    v["quantities"][0]["value"] = json!("58");
    assert!(!errors(&schema, &v).is_empty());
}

#[test]
fn shared_definitions_agree() {
    let d = load("dossier");
    let a = load("annotations");
    let mut shared = 0;
    if let (Some(dd), Some(ad)) = (d["$defs"].as_object(), a["$defs"].as_object()) {
        for (k, v) in dd {
            if let Some(w) = ad.get(k) {
                assert_eq!(v, w, "$defs/{k} differs between the two schema files");
                shared += 1;
            }
        }
    }
    assert!(shared >= 7, "expected Source and its parts in both files");
}

#[test]
fn required_means_contract_field() {
    // In every object definition, a property is optional exactly when it is a
    // serde-omitted extension (its description starts with "Extension").
    for name in ["dossier", "annotations"] {
        let s = load(name);
        let mut objects: Vec<(String, &Value)> = vec![("(root)".into(), &s)];
        if let Some(defs) = s["$defs"].as_object() {
            objects.extend(defs.iter().map(|(k, v)| (k.clone(), v)));
        }
        for (k, o) in objects {
            let Some(props) = o["properties"].as_object() else {
                continue;
            };
            let required: Vec<&str> = o["required"]
                .as_array()
                .map(|a| a.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            for (p, def) in props {
                let ext = def["description"]
                    .as_str()
                    .is_some_and(|d| d.starts_with("Extension"));
                assert_eq!(required.contains(&p.as_str()), !ext, "{name} {k}.{p}");
            }
        }
    }
}
