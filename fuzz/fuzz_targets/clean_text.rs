#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let c = corroborate_clean::clean_text(&text, Some("A headline"));
    for f in &c.flags {
        for s in &f.spans {
            assert!(s.is_valid_in(&c.text));
        }
    }
});
