#![no_main]
use corroborate_model::{DateBasis, DateValue, Source};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let mut source = Source::new("f", "fuzz", text);
    source.published = DateValue::parse("2023-06-05", DateBasis::Given);
    let (ann, _) = corroborate_annotate::annotate(source, &corroborate_annotate::Options::default());
    assert!(ann.bad_spans().is_empty(), "{:?}", ann.bad_spans());
});
