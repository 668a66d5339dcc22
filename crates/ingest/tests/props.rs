//! Property tests: the parsers never panic, whatever the bytes, and every notice is one line.

use corroborate_ingest::{Collect, Limits, decode, jsonl, parse_bytes, sniff, warc};
use proptest::prelude::*;

fn check_notices(c: &Collect) {
    for n in &c.notices {
        assert!(!n.reason.contains('\n'));
        assert!(!n.reason.is_empty());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn parse_bytes_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..2048), name in "[a-z]{1,6}\\.(txt|html|jsonl|warc|gz|bin)") {
        let mut c = Collect::default();
        parse_bytes("p", Some(&name), &bytes, Limits { max_doc_bytes: 1024 }, &mut c);
        check_notices(&c);
    }

    #[test]
    fn warc_like_input_never_panics(body in proptest::collection::vec(any::<u8>(), 0..512), len in 0usize..600) {
        let mut data = format!("WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http\r\nContent-Length: {len}\r\n\r\n").into_bytes();
        data.extend_from_slice(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
        data.extend_from_slice(&body);
        let mut c = Collect::default();
        warc::read("w", &data[..], Limits::default(), &mut c);
        check_notices(&c);
    }

    #[test]
    fn jsonl_lines_never_panic(lines in proptest::collection::vec("[{}\\[\\]\":,a-z0-9 \\\\]{0,40}", 0..20)) {
        let data = lines.join("\n");
        let mut c = Collect::default();
        jsonl::read("j", data.as_bytes(), Limits::default(), &mut c);
        check_notices(&c);
        // Every non-blank line is either a document or a notice, exactly once.
        let non_blank = lines.iter().filter(|l| !l.trim().is_empty()).count();
        prop_assert_eq!(c.docs.len() + c.notices.len(), non_blank);
    }

    #[test]
    fn decoding_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..1024)) {
        let d = decode::decode_html(&bytes, None);
        prop_assert!(d.text.len() <= bytes.len() * 3 + 3);
        let _ = decode::decode_text(&bytes);
        let _ = decode::meta_charset(&bytes);
        let _ = sniff::sniff(&bytes, None);
    }
}
