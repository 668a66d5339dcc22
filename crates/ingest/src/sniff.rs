//! Content sniffing: what kind of input a byte buffer is.

/// The kind of an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Plain text.
    Text,
    /// HTML.
    Html,
    /// JSON Lines.
    Jsonl,
    /// WARC (uncompressed).
    Warc,
    /// A gzip stream (WARC.gz, or anything gzipped): opened and sniffed again.
    Gzip,
    /// Not text: the name of what it looks like.
    Binary(&'static str),
}

/// Decides the kind from the first bytes (content first) and the lowercased file name.
pub fn sniff(head: &[u8], name: Option<&str>) -> Kind {
    let name = name.unwrap_or("");
    if head.starts_with(&[0x1f, 0x8b]) {
        return Kind::Gzip;
    }
    for (magic, what) in MAGIC {
        if head.starts_with(magic) {
            return Kind::Binary(what);
        }
    }
    let body = strip_bom(head);
    let trimmed = trim_start(body);
    // Containers before the binary heuristic: a WARC holds images and gzip payloads
    // (NUL bytes in its first kilobytes), and one bad JSON line must not hide the others.
    if trimmed.starts_with(b"WARC/") {
        return Kind::Warc;
    }
    if first_line_is_json_object(trimmed) {
        return Kind::Jsonl;
    }
    if looks_binary(body) {
        return Kind::Binary("unknown binary data");
    }
    let lower: Vec<u8> = trimmed
        .iter()
        .take(1024)
        .map(|b| b.to_ascii_lowercase())
        .collect();
    let html_start = lower.starts_with(b"<!doctype html")
        || lower.starts_with(b"<html")
        || lower.starts_with(b"<head")
        || lower.starts_with(b"<body")
        || (lower.starts_with(b"<!--") && contains(&lower, b"<html"))
        || (lower.starts_with(b"<?xml") && contains(&lower, b"<html"));
    if html_start {
        return Kind::Html;
    }
    if trimmed.starts_with(b"{")
        && (name.ends_with(".jsonl")
            || name.ends_with(".ndjson")
            || name.ends_with(".json")
            || first_line_is_object(trimmed))
    {
        return Kind::Jsonl;
    }
    if name.ends_with(".jsonl") || name.ends_with(".ndjson") {
        return Kind::Jsonl;
    }
    if name.ends_with(".warc") {
        return Kind::Warc;
    }
    if name.ends_with(".html") || name.ends_with(".htm") || name.ends_with(".xhtml") {
        return Kind::Html;
    }
    if lower.starts_with(b"<")
        && (contains(&lower, b"<p>") || contains(&lower, b"<div") || contains(&lower, b"<article"))
    {
        return Kind::Html;
    }
    Kind::Text
}

const MAGIC: &[(&[u8], &str)] = &[
    (b"%PDF", "PDF document"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"PK\x03\x04", "ZIP archive or office document"),
    (b"\x7fELF", "executable"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ", "xz archive"),
    (b"7z\xbc\xaf", "7z archive"),
    (b"\x28\xb5\x2f\xfd", "zstd archive"),
    (b"RIFF", "RIFF media"),
    (b"\xd0\xcf\x11\xe0", "legacy office document"),
    (b"SQLite format 3", "SQLite database"),
];

fn strip_bom(b: &[u8]) -> &[u8] {
    if let Some(rest) = b.strip_prefix(b"\xef\xbb\xbf") {
        return rest;
    }
    b
}

fn trim_start(b: &[u8]) -> &[u8] {
    let n = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
    &b[n..]
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

fn first_line_is_object(b: &[u8]) -> bool {
    let line = b.split(|c| *c == b'\n').next().unwrap_or(b"");
    let line = std::str::from_utf8(line).unwrap_or("").trim_end();
    line.ends_with('}')
}

/// Whether the first line lies whole in the first 8 KB and parses as a JSON object.
fn first_line_is_json_object(b: &[u8]) -> bool {
    if !b.starts_with(b"{") {
        return false;
    }
    let sample = b.get(..b.len().min(8192)).unwrap_or(b);
    let Some(end) = sample.iter().position(|&c| c == b'\n') else {
        return false;
    };
    sample
        .get(..end)
        .and_then(|line| serde_json::from_slice::<serde_json::Value>(line).ok())
        .is_some_and(|v| v.is_object())
}

/// Whether bytes look like binary data rather than text in some encoding: NUL bytes
/// (unless UTF-16 with a BOM) or many C0 control characters.
pub fn looks_binary(b: &[u8]) -> bool {
    if b.starts_with(b"\xff\xfe") || b.starts_with(b"\xfe\xff") {
        return false;
    }
    let sample = &b[..b.len().min(8192)];
    if sample.contains(&0) {
        return true;
    }
    let controls = sample
        .iter()
        .filter(|&&c| c < 0x20 && !matches!(c, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b))
        .count();
    controls * 20 > sample.len().max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds() {
        assert_eq!(sniff(b"WARC/1.0\r\n", None), Kind::Warc);
        assert_eq!(
            sniff(b"\n  <!DOCTYPE html><html>", Some("x.txt")),
            Kind::Html
        );
        assert_eq!(sniff(b"{\"text\":\"a\"}\n", None), Kind::Jsonl);
        assert_eq!(sniff(b"{not json at all", Some("a.jsonl")), Kind::Jsonl);
        assert_eq!(sniff(b"Plain words.", Some("a.txt")), Kind::Text);
        assert_eq!(sniff(b"Plain words.", Some("a.html")), Kind::Html);
        assert_eq!(sniff(b"\x1f\x8b\x08", Some("a.warc.gz")), Kind::Gzip);
        assert_eq!(
            sniff(b"%PDF-1.4", Some("a.txt")),
            Kind::Binary("PDF document")
        );
        assert_eq!(sniff(b"ab\0cd", None), Kind::Binary("unknown binary data"));
        assert_eq!(sniff(b"\xff\xfea\0b\0", None), Kind::Text);
    }

    #[test]
    fn warc_with_nul_bytes_early_is_still_warc() {
        let mut head = b"WARC/1.0\r\nWARC-Type: resource\r\nContent-Type: image/png\r\nContent-Length: 12\r\n\r\n".to_vec();
        head.extend_from_slice(b"\x89PNG\r\n\x1a\n\0\0\0\r");
        assert_eq!(sniff(&head, None), Kind::Warc);
        assert_eq!(sniff(&head, Some("crawl.warc")), Kind::Warc);
        let mut bom = b"\xef\xbb\xbf\r\n".to_vec();
        bom.extend_from_slice(&head);
        assert_eq!(sniff(&bom, None), Kind::Warc);
    }

    #[test]
    fn jsonl_with_a_nul_in_a_later_line_is_still_jsonl() {
        let data = b"{\"text\":\"one\"}\n{\"text\":\"t\0wo\"}\n{\"text\":\"three\"}\n";
        assert_eq!(sniff(data, None), Kind::Jsonl);
        // A brace followed by binary junk is still binary.
        assert_eq!(
            sniff(b"{\0\0\x01\x02\n\0", None),
            Kind::Binary("unknown binary data")
        );
        assert_eq!(
            sniff(b"{\"a\":1\0}\n", Some("x.txt")),
            Kind::Binary("unknown binary data")
        );
    }
}
