#![no_main]
use corroborate_ingest::{Collect, Limits, parse_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for name in ["a.txt", "a.html", "a.jsonl", "a.warc", "a.warc.gz"] {
        let mut c = Collect::default();
        parse_bytes("fuzz", Some(name), data, Limits { max_doc_bytes: 1 << 20 }, &mut c);
    }
});
