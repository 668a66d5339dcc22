//! WARC (ISO 28500) reading: `response` records with an HTTP payload of HTML, and
//! `resource` records of HTML. Streaming, record by record; a broken record or a
//! truncated stream keeps every record read before it.
//!
//! Hand-written rather than taken from the `warc` crate: we need per-record recovery
//! (resynchronise on the next `WARC/` line), a size limit per record, HTTP de-chunking
//! and content decoding, and a parser small enough to fuzz.

use std::io::{BufRead, Read};

use crate::decode;
use crate::{Content, Limits, Meta, Notice, RawDoc, Sink};

/// Reads WARC records from `reader` into `sink`.
pub fn read(origin: &str, mut reader: impl BufRead, limits: Limits, sink: &mut dyn Sink) {
    let mut record_no = 0usize;
    let mut line = Vec::new();
    loop {
        // Find the next version line.
        line.clear();
        match read_line(&mut reader, &mut line, 4096) {
            Err(e) => {
                sink.notice(Notice::skipped(
                    origin,
                    format!("truncated or corrupt stream after {record_no} records: {e}"),
                ));
                return;
            }
            Ok(0) => return,
            Ok(_) => {}
        }
        let trimmed = trim(&line);
        if trimmed.is_empty() {
            continue;
        }
        if !trimmed.starts_with(b"WARC/") {
            // Resynchronise: skip junk until the next version line.
            continue;
        }
        record_no += 1;
        let here = format!("{origin}#record{record_no}");
        let headers = match read_headers(&mut reader) {
            Ok(h) => h,
            Err(e) => {
                sink.notice(Notice::skipped(
                    here,
                    format!("truncated or corrupt record header: {e}"),
                ));
                return;
            }
        };
        let get = |name: &str| {
            headers
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.as_str())
        };
        let Some(len) = get("Content-Length").and_then(|v| v.trim().parse::<u64>().ok()) else {
            sink.notice(Notice::skipped(
                here,
                "record without a valid Content-Length",
            ));
            continue;
        };
        let wtype = get("WARC-Type").unwrap_or("").to_ascii_lowercase();
        let wanted = wtype == "response" || wtype == "resource";
        if !wanted || len as usize > limits.max_doc_bytes {
            if wanted {
                sink.notice(Notice::skipped(
                    here.clone(),
                    "record larger than the per-document limit",
                ));
            }
            let skipped = std::io::copy(&mut (&mut reader).take(len), &mut std::io::sink());
            if let Err(reason) = check_block(skipped, len) {
                sink.notice(Notice::skipped(here, reason));
                return;
            }
            continue;
        }
        let mut block = Vec::with_capacity(len as usize);
        let read = (&mut reader)
            .take(len)
            .read_to_end(&mut block)
            .map(|n| n as u64);
        if let Err(reason) = check_block(read, len) {
            sink.notice(Notice::skipped(here, reason));
            return;
        }
        let url = get("WARC-Target-URI").map(|u| u.trim().trim_matches(['<', '>']).to_string());
        let content_type = get("Content-Type").unwrap_or("").to_ascii_lowercase();
        let is_http = content_type.contains("application/http")
            || (content_type.is_empty() && block.starts_with(b"HTTP/"));
        let result = if wtype == "response" && is_http {
            http_payload(&block, limits)
        } else {
            Ok((content_type.clone(), block))
        };
        match result {
            Err(reason) => sink.notice(Notice::skipped(here, reason)),
            Ok((ctype, body)) => {
                if !(ctype.is_empty() || ctype.contains("html") || ctype.contains("text/plain")) {
                    // Images, scripts and other payloads of a crawl are not articles: skip quietly.
                    continue;
                }
                if body.iter().all(|b| b.is_ascii_whitespace()) {
                    sink.notice(Notice::skipped(here, "empty payload"));
                    continue;
                }
                let is_text = ctype.contains("text/plain");
                let charset = decode::header_charset(&ctype);
                let decoded = if is_text {
                    decode::decode_text(&body)
                } else {
                    decode::decode_html(&body, charset.as_deref())
                };
                if let Some(w) = decoded.warning {
                    sink.notice(Notice::warning(here.clone(), w));
                }
                let content = if is_text {
                    Content::Text(decoded.text)
                } else {
                    Content::Html(decoded.text)
                };
                sink.doc(RawDoc {
                    origin: here,
                    content,
                    meta: Meta {
                        url,
                        ..Meta::default()
                    },
                });
            }
        }
    }
}

/// Whether a record block of `len` bytes was read whole; the reason when not.
fn check_block(read: std::io::Result<u64>, len: u64) -> Result<(), String> {
    match read {
        Ok(n) if n == len => Ok(()),
        Ok(_) => Err("truncated record (stream ended inside it)".to_string()),
        Err(e) => Err(format!("truncated or corrupt stream: {e}")),
    }
}

fn trim(b: &[u8]) -> &[u8] {
    let start = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
    let end = b.len()
        - b[start..]
            .iter()
            .rev()
            .take_while(|c| c.is_ascii_whitespace())
            .count();
    &b[start..end]
}

/// Reads one line (up to `max` bytes kept) including its `\n`; returns bytes consumed.
fn read_line(reader: &mut impl BufRead, buf: &mut Vec<u8>, max: usize) -> std::io::Result<usize> {
    let mut total = 0;
    loop {
        let available = match reader.fill_buf() {
            Ok(a) => a,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok(total);
        }
        let (chunk_len, done) = match available.iter().position(|&b| b == b'\n') {
            Some(i) => (i + 1, true),
            None => (available.len(), false),
        };
        let room = max.saturating_sub(buf.len());
        buf.extend_from_slice(&available[..chunk_len.min(room)]);
        reader.consume(chunk_len);
        total += chunk_len;
        if done {
            return Ok(total);
        }
    }
}

fn read_headers(reader: &mut impl BufRead) -> Result<Vec<(String, String)>, String> {
    let mut headers: Vec<(String, String)> = Vec::new();
    let mut line = Vec::new();
    for _ in 0..1000 {
        line.clear();
        let n = read_line(reader, &mut line, 64 * 1024).map_err(|e| e.to_string())?;
        if n == 0 {
            return Err("stream ended in the header".into());
        }
        let t = trim(&line);
        if t.is_empty() {
            return Ok(headers);
        }
        let s = String::from_utf8_lossy(t);
        if (line.first() == Some(&b' ') || line.first() == Some(&b'\t')) && !headers.is_empty() {
            if let Some(last) = headers.last_mut() {
                last.1.push(' ');
                last.1.push_str(s.trim());
            }
            continue;
        }
        match s.split_once(':') {
            Some((k, v)) => headers.push((k.trim().to_string(), v.trim().to_string())),
            None => {
                return Err(format!(
                    "malformed header line {:?}",
                    s.chars().take(60).collect::<String>()
                ));
            }
        }
    }
    Err("more than 1000 header lines".into())
}

/// Splits an HTTP response into (content type, decoded body). A body whose
/// Content-Encoding expands past the per-document limit is refused, not decoded whole.
fn http_payload(block: &[u8], limits: Limits) -> Result<(String, Vec<u8>), String> {
    let split = find(block, b"\r\n\r\n")
        .map(|i| (i, i + 4))
        .or_else(|| find(block, b"\n\n").map(|i| (i, i + 2)));
    let Some((head_end, body_start)) = split else {
        return Err("HTTP payload without a header end".into());
    };
    let head = String::from_utf8_lossy(&block[..head_end]);
    let mut lines = head.lines();
    let status = lines.next().unwrap_or("");
    let code: u16 = status
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    if !(200..300).contains(&code) {
        return Err(format!("HTTP status {code}, not a page"));
    }
    let mut ctype = String::new();
    let mut chunked = false;
    let mut encoding = String::new();
    for l in lines {
        if let Some((k, v)) = l.split_once(':') {
            let k = k.trim().to_ascii_lowercase();
            let v = v.trim().to_ascii_lowercase();
            match k.as_str() {
                "content-type" => ctype = v,
                "transfer-encoding" => chunked = v.contains("chunked"),
                "content-encoding" => encoding = v,
                _ => {}
            }
        }
    }
    let mut body = block[body_start..].to_vec();
    if chunked {
        body = dechunk(&body).ok_or("malformed chunked transfer encoding")?;
    }
    if encoding.contains("gzip") || encoding.contains("deflate") {
        let max = limits.max_doc_bytes;
        let decoded = if encoding.contains("gzip") {
            inflate(flate2::read::MultiGzDecoder::new(&body[..]), max)
        } else {
            // "deflate" is zlib by the RFC; some servers send raw deflate instead.
            inflate(flate2::read::ZlibDecoder::new(&body[..]), max)
                .or_else(|_| inflate(flate2::read::DeflateDecoder::new(&body[..]), max))
        };
        body = match decoded {
            Ok(out) if out.len() > max => {
                return Err(format!(
                    "payload with Content-Encoding {encoding} expands past the per-document limit ({}); not decoded further",
                    Limits::size(max)
                ));
            }
            Ok(out) => out,
            Err(_) => {
                return Err(format!(
                    "payload with Content-Encoding {encoding} could not be decoded"
                ));
            }
        };
    }
    Ok((ctype, body))
}

/// Reads a decoder to its end, or to `max + 1` bytes (which the caller reports as too
/// large), so a small compressed payload cannot expand without bound.
fn inflate(decoder: impl Read, max: usize) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    decoder
        .take((max as u64).saturating_add(1))
        .read_to_end(&mut out)?;
    Ok(out)
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn dechunk(mut b: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let nl = find(b, b"\n")?;
        let size_line = String::from_utf8_lossy(&b[..nl]);
        let size = usize::from_str_radix(size_line.trim().split(';').next()?.trim(), 16).ok()?;
        b = &b[nl + 1..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(b.get(..size)?);
        b = b.get(size..)?;
        b = b
            .strip_prefix(b"\r\n")
            .or_else(|| b.strip_prefix(b"\n"))
            .unwrap_or(b);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Collect;

    fn record(wtype: &str, uri: &str, ctype: &str, block: &[u8]) -> Vec<u8> {
        let mut r = format!(
            "WARC/1.0\r\nWARC-Type: {wtype}\r\nWARC-Target-URI: {uri}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        r.extend_from_slice(block);
        r.extend_from_slice(b"\r\n\r\n");
        r
    }

    fn http(body: &str) -> Vec<u8> {
        format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{body}")
            .into_bytes()
    }

    #[test]
    fn response_records_become_docs() {
        let mut data = record(
            "warcinfo",
            "",
            "application/warc-fields",
            b"software: test\r\n",
        );
        data.extend(record(
            "response",
            "https://a.example/2023/06/04/x",
            "application/http; msgtype=response",
            &http("<html><p>One</p></html>"),
        ));
        data.extend(record(
            "request",
            "https://a.example/",
            "application/http; msgtype=request",
            b"GET / HTTP/1.1\r\n\r\n",
        ));
        data.extend(record(
            "response",
            "https://b.example/",
            "application/http; msgtype=response",
            &http("<p>Two</p>"),
        ));
        let mut c = Collect::default();
        read("c.warc", &data[..], Limits::default(), &mut c);
        assert_eq!(c.docs.len(), 2, "{:?}", c.notices);
        assert_eq!(
            c.docs[0].meta.url.as_deref(),
            Some("https://a.example/2023/06/04/x")
        );
        assert_eq!(c.docs[0].origin, "c.warc#record2");
        assert!(c.notices.is_empty());
    }

    #[test]
    fn truncated_record_keeps_earlier_ones() {
        let mut data = record(
            "response",
            "https://a.example/",
            "application/http; msgtype=response",
            &http("<p>One</p>"),
        );
        let second = record(
            "response",
            "https://b.example/",
            "application/http; msgtype=response",
            &http("<p>Two two two</p>"),
        );
        data.extend_from_slice(&second[..second.len() - 12]);
        let mut c = Collect::default();
        read("t.warc", &data[..], Limits::default(), &mut c);
        assert_eq!(c.docs.len(), 1);
        assert_eq!(c.notices.len(), 1);
        assert!(c.notices[0].reason.contains("truncated record"));
    }

    #[test]
    fn chunked_and_non_200() {
        let body = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/html\r\n\r\n5\r\n<p>He\r\n7\r\nllo</p>\r\n0\r\n\r\n";
        let data = record("response", "u", "application/http", body);
        let mut c = Collect::default();
        read("k.warc", &data[..], Limits::default(), &mut c);
        assert_eq!(
            c.docs.first().map(|d| &d.content),
            Some(&Content::Html("<p>Hello</p>".into())),
            "{:?}",
            c.notices
        );
        let data = record(
            "response",
            "u",
            "application/http",
            b"HTTP/1.1 404 Not Found\r\n\r\nnope",
        );
        let mut c = Collect::default();
        read("k.warc", &data[..], Limits::default(), &mut c);
        assert!(c.docs.is_empty());
        assert!(c.notices[0].reason.contains("404"));
    }

    fn compressed(encoding: &str, plain: &[u8]) -> Vec<u8> {
        use std::io::Write;
        let mut out = Vec::new();
        let written = match encoding {
            "gzip" => {
                let mut e = flate2::write::GzEncoder::new(&mut out, flate2::Compression::default());
                e.write_all(plain).and_then(|_| e.finish().map(|_| ()))
            }
            "deflate" => {
                let mut e =
                    flate2::write::ZlibEncoder::new(&mut out, flate2::Compression::default());
                e.write_all(plain).and_then(|_| e.finish().map(|_| ()))
            }
            _ => {
                let mut e =
                    flate2::write::DeflateEncoder::new(&mut out, flate2::Compression::default());
                e.write_all(plain).and_then(|_| e.finish().map(|_| ()))
            }
        };
        assert!(written.is_ok(), "{written:?}");
        out
    }

    fn encoded_response(encoding: &str, payload: &[u8]) -> Vec<u8> {
        let mut block = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: {encoding}\r\n\r\n"
        )
        .into_bytes();
        block.extend_from_slice(payload);
        record("response", "u", "application/http", &block)
    }

    #[test]
    fn compression_bomb_in_a_payload_is_skipped_and_reading_goes_on() {
        let limits = Limits {
            max_doc_bytes: 64 * 1024,
        };
        // 4 MB of spaces compresses to a few KB: well under the limit before decoding.
        let bomb_plain = vec![b' '; 4 * 1024 * 1024];
        for encoding in ["gzip", "deflate"] {
            let bomb = compressed(encoding, &bomb_plain);
            assert!(bomb.len() < limits.max_doc_bytes / 4);
            let mut data = encoded_response(encoding, &bomb);
            data.extend(encoded_response(
                encoding,
                &compressed(encoding, b"<p>Small page</p>"),
            ));
            let mut c = Collect::default();
            read("b.warc", &data[..], limits, &mut c);
            assert_eq!(c.docs.len(), 1, "{encoding}: {:?}", c.notices);
            assert_eq!(c.docs[0].content, Content::Html("<p>Small page</p>".into()));
            assert_eq!(c.docs[0].origin, "b.warc#record2");
            assert_eq!(c.notices.len(), 1, "{:?}", c.notices);
            assert_eq!(c.notices[0].origin, "b.warc#record1");
            assert!(
                c.notices[0].reason.contains("per-document limit"),
                "{:?}",
                c.notices
            );
        }
    }

    #[test]
    fn payload_exactly_at_the_limit_is_kept() {
        // Compressible enough that the record itself is well under the limit.
        let plain = format!("<p>{}</p>", "a".repeat(2000)).into_bytes();
        let plain = &plain[..];
        let limits = Limits {
            max_doc_bytes: plain.len(),
        };
        let data = encoded_response("gzip", &compressed("gzip", plain));
        let mut c = Collect::default();
        read("e.warc", &data[..], limits, &mut c);
        assert_eq!(c.docs.len(), 1, "{:?}", c.notices);
        let limits = Limits {
            max_doc_bytes: plain.len() - 1,
        };
        let data = encoded_response("gzip", &compressed("gzip", plain));
        let mut c = Collect::default();
        read("e.warc", &data[..], limits, &mut c);
        assert!(c.docs.is_empty());
        assert!(c.notices[0].reason.contains("limit"), "{:?}", c.notices);
    }

    #[test]
    fn raw_deflate_and_corrupt_payloads() {
        let data = encoded_response("deflate", &compressed("raw", b"<p>Raw</p>"));
        let mut c = Collect::default();
        read("d.warc", &data[..], Limits::default(), &mut c);
        assert_eq!(
            c.docs.first().map(|d| &d.content),
            Some(&Content::Html("<p>Raw</p>".into())),
            "{:?}",
            c.notices
        );
        let data = encoded_response("gzip", b"\x1f\x8bnot really gzip");
        let mut c = Collect::default();
        read("d.warc", &data[..], Limits::default(), &mut c);
        assert!(c.docs.is_empty());
        assert!(
            c.notices[0].reason.contains("could not be decoded"),
            "{:?}",
            c.notices
        );
    }

    #[test]
    fn bad_content_length_is_reported_and_reading_resyncs() {
        let mut data =
            b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: x\r\n\r\njunk\r\n\r\n".to_vec();
        data.extend(record("resource", "u", "text/html", b"<p>ok</p>"));
        let mut c = Collect::default();
        read("r.warc", &data[..], Limits::default(), &mut c);
        assert_eq!(c.docs.len(), 1);
        assert!(c.notices[0].reason.contains("Content-Length"));
    }
}
