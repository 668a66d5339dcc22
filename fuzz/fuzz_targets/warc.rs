#![no_main]
use corroborate_ingest::{Collect, Limits, warc};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut c = Collect::default();
    warc::read("fuzz", data, Limits::default(), &mut c);
});
