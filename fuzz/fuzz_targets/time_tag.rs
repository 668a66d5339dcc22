#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let dct = chrono::NaiveDate::from_ymd_opt(2023, 6, 5);
    for t in corroborate_time::tag(&text, dct) {
        assert_eq!(text.get(t.start..t.end), Some(t.text.as_str()));
    }
});
