//! JSON Lines: one article per line, with `text` or `html` and optional `id`, `url`,
//! `title`, `outlet`, `published`. A malformed line is skipped with its line number; the
//! rest of the file goes on.

use std::io::BufRead;

use corroborate_model::{DateBasis, DateValue};
use serde_json::Value;

use crate::{Content, Limits, Meta, Notice, RawDoc, Sink};

/// Reads JSON Lines from `reader` into `sink`.
pub fn read(origin: &str, mut reader: impl BufRead, limits: Limits, sink: &mut dyn Sink) {
    let mut line_no = 0usize;
    let mut buf = Vec::new();
    loop {
        buf.clear();
        line_no += 1;
        let read = read_line_limited(&mut reader, &mut buf, limits.max_doc_bytes);
        match read {
            Err(e) => {
                sink.notice(Notice::skipped(
                    format!("{origin}#{line_no}"),
                    format!("read error, rest of the file skipped: {e}"),
                ));
                return;
            }
            Ok(LineRead::Eof) => return,
            Ok(LineRead::TooLong) => {
                sink.notice(Notice::skipped(
                    format!("{origin}#{line_no}"),
                    format!(
                        "line longer than {}, the per-document limit",
                        crate::Limits::size(limits.max_doc_bytes)
                    ),
                ));
            }
            Ok(LineRead::Line) => {
                if let Some(item) = parse_line(origin, line_no, &buf) {
                    match item {
                        Ok(doc) => sink.doc(doc),
                        Err(n) => sink.notice(n),
                    }
                }
            }
        }
    }
}

enum LineRead {
    Line,
    TooLong,
    Eof,
}

fn read_line_limited(
    reader: &mut impl BufRead,
    buf: &mut Vec<u8>,
    max: usize,
) -> std::io::Result<LineRead> {
    let mut too_long = false;
    let mut any = false;
    loop {
        let available = match reader.fill_buf() {
            Ok(a) => a,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok(if !any {
                LineRead::Eof
            } else if too_long {
                LineRead::TooLong
            } else {
                LineRead::Line
            });
        }
        any = true;
        let (chunk, done) = match available.iter().position(|&b| b == b'\n') {
            Some(i) => (&available[..i], Some(i + 1)),
            None => (available, None),
        };
        if !too_long {
            if buf.len() + chunk.len() > max {
                too_long = true;
                buf.clear();
            } else {
                buf.extend_from_slice(chunk);
            }
        }
        let consumed = done.unwrap_or(available.len());
        reader.consume(consumed);
        if done.is_some() {
            return Ok(if too_long {
                LineRead::TooLong
            } else {
                LineRead::Line
            });
        }
    }
}

/// Parses one line. `None` for a blank line. A leading UTF-8 byte order mark is dropped
/// (line 1 of a file saved with one, or of each file in a concatenation).
pub fn parse_line(origin: &str, line_no: usize, bytes: &[u8]) -> Option<Result<RawDoc, Notice>> {
    let here = format!("{origin}#{line_no}");
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t.trim(),
        Err(e) => {
            return Some(Err(Notice::skipped(
                here,
                format!(
                    "not valid UTF-8 at byte {} (JSON Lines must be UTF-8)",
                    e.valid_up_to()
                ),
            )));
        }
    };
    if text.is_empty() {
        return None;
    }
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => return Some(Err(Notice::skipped(here, format!("malformed JSON: {e}")))),
    };
    let Some(obj) = value.as_object() else {
        return Some(Err(Notice::skipped(here, "not a JSON object")));
    };
    let field = |k: &str| -> Option<String> {
        match obj.get(k)? {
            Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        }
    };
    let content = if let Some(t) = field("text") {
        Content::Text(t)
    } else if let Some(h) = field("html") {
        Content::Html(h)
    } else {
        return Some(Err(Notice::skipped(
            here,
            "no non-empty `text` or `html` field",
        )));
    };
    let published = field("published")
        .or_else(|| field("date"))
        .and_then(|d| DateValue::parse(&d, DateBasis::Metadata));
    let meta = Meta {
        id: field("id"),
        url: field("url"),
        title: field("title"),
        outlet: field("outlet").or_else(|| field("source")),
        published,
    };
    Some(Ok(RawDoc {
        origin: here,
        content,
        meta,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Collect;

    #[test]
    fn good_bad_and_blank_lines() {
        let data = b"{\"id\":\"a1\",\"text\":\"One.\",\"published\":\"2023-06-04\",\"outlet\":\"X\"}\n\n{broken\n[1,2]\n{\"title\":\"no body\"}\n{\"html\":\"<p>Two</p>\"}";
        let mut c = Collect::default();
        read("f.jsonl", &data[..], Limits::default(), &mut c);
        assert_eq!(c.docs.len(), 2);
        assert_eq!(c.docs[0].meta.id.as_deref(), Some("a1"));
        assert_eq!(c.docs[0].origin, "f.jsonl#1");
        assert_eq!(
            c.docs[0].meta.published.as_ref().map(|d| d.value.as_str()),
            Some("2023-06-04")
        );
        assert!(matches!(c.docs[1].content, Content::Html(_)));
        let origins: Vec<_> = c.notices.iter().map(|n| n.origin.as_str()).collect();
        assert_eq!(origins, ["f.jsonl#3", "f.jsonl#4", "f.jsonl#5"]);
        assert!(c.notices[0].reason.starts_with("malformed JSON"));
    }

    #[test]
    fn a_byte_order_mark_does_not_lose_the_first_record() {
        let data = b"\xef\xbb\xbf{\"id\":\"first\",\"text\":\"One.\"}\r\n{\"text\":\"Two.\"}\r\n";
        let mut c = Collect::default();
        read("bom.jsonl", &data[..], Limits::default(), &mut c);
        assert!(c.notices.is_empty(), "{:?}", c.notices);
        assert_eq!(c.docs.len(), 2);
        assert_eq!(c.docs[0].meta.id.as_deref(), Some("first"));
        assert_eq!(c.docs[0].content, Content::Text("One.".into()));
        // Two files saved with a BOM, concatenated.
        let data = b"\xef\xbb\xbf{\"text\":\"a\"}\n\xef\xbb\xbf{\"text\":\"b\"}\n";
        let mut c = Collect::default();
        read("cat.jsonl", &data[..], Limits::default(), &mut c);
        assert_eq!(c.docs.len(), 2, "{:?}", c.notices);
    }

    #[test]
    fn overlong_line_is_skipped_and_reading_goes_on() {
        let data = b"{\"text\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"}\n{\"text\":\"ok\"}\n";
        let mut c = Collect::default();
        read("f.jsonl", &data[..], Limits { max_doc_bytes: 20 }, &mut c);
        assert_eq!(c.docs.len(), 1);
        assert_eq!(c.notices.len(), 1);
        assert!(c.notices[0].reason.contains("longer than"));
    }
}
