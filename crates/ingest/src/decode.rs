//! Charset decoding: BOM, declared charset (HTTP header, `<meta>`), UTF-8, then a
//! windows-1252 fallback with a warning. Never fails, never panics.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// A decoded text and, when the encoding was guessed or the bytes were damaged, a
/// one-line warning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// UTF-8 text.
    pub text: String,
    /// The encoding used.
    pub encoding: &'static str,
    /// Set when decoding was not clean.
    pub warning: Option<String>,
}

/// Decodes an HTML page: BOM, then `header_charset` (from an HTTP Content-Type), then a
/// `<meta charset>` or `http-equiv` declaration in the first 2 KB, then UTF-8.
pub fn decode_html(bytes: &[u8], header_charset: Option<&str>) -> Decoded {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        return run(enc, &bytes[bom_len..], "byte order mark");
    }
    if let Some(enc) = header_charset.and_then(|l| Encoding::for_label(l.trim().as_bytes())) {
        return run(enc, bytes, "declared");
    }
    if let Some(enc) = meta_charset(&bytes[..bytes.len().min(2048)]) {
        return run(enc, bytes, "declared");
    }
    decode_text(bytes)
}

/// Decodes plain text: BOM, then UTF-8, then windows-1252 with a warning.
pub fn decode_text(bytes: &[u8]) -> Decoded {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        return run(enc, &bytes[bom_len..], "byte order mark");
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Decoded {
            text: s.to_string(),
            encoding: "UTF-8",
            warning: None,
        },
        Err(e) => {
            let (text, _, _) = WINDOWS_1252.decode(bytes);
            Decoded {
                text: text.into_owned(),
                encoding: "windows-1252",
                warning: Some(format!(
                    "not valid UTF-8 (first bad byte at {}) and no charset declared: decoded as windows-1252",
                    e.valid_up_to()
                )),
            }
        }
    }
}

fn run(enc: &'static Encoding, bytes: &[u8], how: &str) -> Decoded {
    // A declared UTF-16 label in a <meta> of an ASCII-compatible page is a lie (HTML spec).
    let enc = if enc.is_single_byte() || enc == UTF_8 || how == "byte order mark" {
        enc
    } else if enc.name().starts_with("UTF-16") {
        UTF_8
    } else {
        enc
    };
    let (text, used, had_errors) = enc.decode(bytes);
    Decoded {
        text: text.into_owned(),
        encoding: used.name(),
        warning: had_errors.then(|| {
            format!(
                "{} text ({how}) has invalid byte sequences: replaced with U+FFFD",
                used.name()
            )
        }),
    }
}

/// The charset declared in a `<meta charset=...>` or `<meta http-equiv content="...charset=...">`.
pub fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"charset") {
        let mut i = from + pos + b"charset".len();
        while i < lower.len() && matches!(lower[i], b' ' | b'\t') {
            i += 1;
        }
        if i < lower.len() && lower[i] == b'=' {
            i += 1;
            while i < lower.len() && matches!(lower[i], b' ' | b'"' | b'\'') {
                i += 1;
            }
            let start = i;
            while i < lower.len()
                && (lower[i].is_ascii_alphanumeric()
                    || matches!(lower[i], b'-' | b'_' | b':' | b'.'))
            {
                i += 1;
            }
            if let Some(enc) = Encoding::for_label(&lower[start..i]) {
                return Some(enc);
            }
        }
        from = i.max(from + pos + 1);
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// The `charset=` parameter of an HTTP Content-Type value.
pub fn header_charset(content_type: &str) -> Option<String> {
    let lower = content_type.to_ascii_lowercase();
    let pos = lower.find("charset=")?;
    let rest = &content_type[pos + "charset=".len()..];
    let value: String = rest
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    (!value.is_empty()).then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_windows_1252() {
        let page = b"<html><head><meta charset=\"windows-1252\"></head><body>caf\xe9 \x93quoted\x94</body></html>";
        let d = decode_html(page, None);
        assert!(d.text.contains("café “quoted”"), "{}", d.text);
        assert!(d.warning.is_none());
    }

    #[test]
    fn http_equiv_latin1() {
        let page = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"><p>Z\xfcrich</p>";
        assert!(decode_html(page, None).text.contains("Zürich"));
    }

    #[test]
    fn header_wins_over_meta_and_bom_wins_over_all() {
        let page = b"<meta charset=utf-8><p>\xe9</p>";
        assert!(decode_html(page, Some("latin1")).text.contains('é'));
        let bom = b"\xef\xbb\xbf<meta charset=latin1><p>\xc3\xa9</p>";
        assert!(decode_html(bom, None).text.contains('é'));
    }

    #[test]
    fn invalid_utf8_falls_back_with_warning() {
        let d = decode_text(b"Caf\xe9 society");
        assert_eq!(d.text, "Café society");
        assert!(d.warning.is_some_and(|w| w.contains("not valid UTF-8")));
    }

    #[test]
    fn utf16_with_bom() {
        let d = decode_text(b"\xff\xfeH\0i\0");
        assert_eq!(d.text, "Hi");
    }

    #[test]
    fn content_type_charset() {
        assert_eq!(
            header_charset("text/html; charset=\"UTF-8\"").as_deref(),
            Some("UTF-8")
        );
        assert_eq!(header_charset("text/html"), None);
    }
}
