#![no_main]
//! Several fuzzed texts, annotated and linked: every evidence span of the dossier
//! must round-trip to its source's text, whatever the input.
use corroborate_model::{DateBasis, DateValue, Source};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let docs: Vec<_> = text
        .split('\u{1}')
        .take(8)
        .enumerate()
        .map(|(i, t)| {
            let mut source = Source::new(format!("f{i}"), format!("fuzz#{i}"), t);
            source.title = t.lines().next().map(str::to_string);
            // every other source undated, so date inference and re-linking run
            source.published = (i % 2 == 0)
                .then(|| DateValue::parse("2023-06-05", DateBasis::Given))
                .flatten();
            corroborate_annotate::annotate(source, &corroborate_annotate::Options::default()).0
        })
        .collect();
    let dossier = corroborate_link::link(docs);
    assert!(dossier.bad_evidence().is_empty(), "{:?}", dossier.bad_evidence());
});
