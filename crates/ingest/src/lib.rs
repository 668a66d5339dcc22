//! Reading inputs into raw documents.
//!
//! Files and folders (recursive, in name order), `-` for standard input. The kind of
//! each input is found by its content first and its extension second: plain text,
//! HTML, JSON Lines (one article per line), WARC and WARC.gz (response records with
//! HTML); any other gzip stream is opened and sniffed again.
//!
//! # Architecture invariants
//! - The only library crate that touches the file system; everything after it works on
//!   strings.
//! - Bad input never stops a batch: every input yields documents, or one [`Notice`] per
//!   problem that names the input and the reason in one line. A container that breaks
//!   half-way (a truncated gzip, a malformed JSON line) keeps what was read before.
//! - Parsers ([`parse_bytes`], [`jsonl`], [`warc`], [`decode`]) never panic; they are
//!   fuzzed (see `fuzz/`).
#![warn(missing_docs)]

pub mod decode;
pub mod jsonl;
pub mod sniff;
pub mod url;
pub mod warc;

use std::io::Read;
use std::path::{Path, PathBuf};

use corroborate_model::DateValue;
use sha2::{Digest, Sha256};

pub use sniff::Kind;

/// What a raw document holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Content {
    /// An HTML page (decoded to UTF-8).
    Html(String),
    /// Plain text (decoded to UTF-8).
    Text(String),
}

impl Content {
    /// The decoded string, whatever the kind.
    pub fn as_str(&self) -> &str {
        match self {
            Content::Html(s) | Content::Text(s) => s,
        }
    }
}

/// Metadata given by the container (JSONL fields, WARC headers).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Meta {
    /// A given id.
    pub id: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// Title.
    pub title: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Publication date.
    pub published: Option<DateValue>,
}

/// One document as read.
#[derive(Debug, Clone, PartialEq)]
pub struct RawDoc {
    /// Where it came from: a path, `path#line`, `path#record`, or `-`.
    pub origin: String,
    /// The content.
    pub content: Content,
    /// Container metadata.
    pub meta: Meta,
}

impl RawDoc {
    /// A stable id: the given id when the container has one, else `s` + the first
    /// 16 hex digits of the SHA-256 of the decoded content.
    pub fn stable_id(&self) -> String {
        if let Some(id) = self
            .meta
            .id
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            let clean: String = id
                .chars()
                .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':'))
                .take(64)
                .collect();
            if !clean.is_empty() {
                return clean;
            }
        }
        content_id(self.content.as_str())
    }
}

/// `s` + the first 16 hex digits of the SHA-256 of `text`.
pub fn content_id(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    let mut out = String::with_capacity(17);
    out.push('s');
    for b in digest.iter().take(8) {
        out.push_str(&format!("{b:02x}"));
    }
    out
}

/// How serious a notice is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// The input (or part of it) was skipped: the exit code says so.
    Skipped,
    /// The input was read, with a caveat (e.g. a guessed encoding).
    Warning,
}

/// A problem with one input, in one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// The input: a path, `path#line`, `path#record`, or `-`.
    pub origin: String,
    /// Why, in one line.
    pub reason: String,
    /// Skipped or warning.
    pub severity: Severity,
}

impl Notice {
    /// A skip.
    pub fn skipped(origin: impl Into<String>, reason: impl Into<String>) -> Self {
        Notice {
            origin: origin.into(),
            reason: one_line(&reason.into()),
            severity: Severity::Skipped,
        }
    }

    /// A warning.
    pub fn warning(origin: impl Into<String>, reason: impl Into<String>) -> Self {
        Notice {
            origin: origin.into(),
            reason: one_line(&reason.into()),
            severity: Severity::Warning,
        }
    }
}

impl std::fmt::Display for Notice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let what = match self.severity {
            Severity::Skipped => "skipped",
            Severity::Warning => "warning",
        };
        write!(f, "{what}: {}: {}", self.origin, self.reason)
    }
}

fn one_line(s: &str) -> String {
    let mut out: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if out.len() > 300 {
        let mut cut = 300;
        while !out.is_char_boundary(cut) {
            cut -= 1;
        }
        out.truncate(cut);
        out.push('…');
    }
    out
}

/// Limits that keep one bad input from exhausting memory.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Largest single document (an HTML or text file, one JSONL line, one WARC record).
    pub max_doc_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_doc_bytes: 32 * 1024 * 1024,
        }
    }
}

/// Receives what reading produces, in input order.
pub trait Sink {
    /// One document.
    fn doc(&mut self, doc: RawDoc);
    /// One notice.
    fn notice(&mut self, notice: Notice);
}

/// Collects everything in memory (tests, small runs).
#[derive(Debug, Default)]
pub struct Collect {
    /// Documents read.
    pub docs: Vec<RawDoc>,
    /// Notices.
    pub notices: Vec<Notice>,
}

impl Sink for Collect {
    fn doc(&mut self, doc: RawDoc) {
        self.docs.push(doc);
    }
    fn notice(&mut self, notice: Notice) {
        self.notices.push(notice);
    }
}

/// Reads every path (files, folders recursively in name order, `-` for stdin) into `sink`.
pub fn read_paths(paths: &[PathBuf], limits: Limits, sink: &mut dyn Sink) {
    for path in paths {
        if path.as_os_str() == "-" {
            read_stdin(limits, sink);
            continue;
        }
        match std::fs::metadata(path) {
            Err(e) => sink.notice(Notice::skipped(path.display().to_string(), io_reason(&e))),
            Ok(m) if m.is_dir() => read_dir(path, limits, sink),
            Ok(_) => read_file(path, limits, sink),
        }
    }
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => format!("cannot read: {e}"),
    }
}

fn read_dir(dir: &Path, limits: Limits, sink: &mut dyn Sink) {
    let walker = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        match entry {
            Err(e) => {
                let origin = e
                    .path()
                    .map(|p| p.display().to_string())
                    .unwrap_or_else(|| dir.display().to_string());
                let reason = match e.io_error() {
                    Some(io) => io_reason(io),
                    None => format!("cannot walk: {e}"),
                };
                sink.notice(Notice::skipped(origin, reason));
            }
            Ok(e) if e.file_type().is_file() => read_file(e.path(), limits, sink),
            Ok(_) => {}
        }
    }
}

fn read_stdin(limits: Limits, sink: &mut dyn Sink) {
    let mut buf = Vec::new();
    let stdin = std::io::stdin();
    let mut handle = stdin.lock().take(limits.max_doc_bytes as u64 * 8 + 1);
    if let Err(e) = handle.read_to_end(&mut buf) {
        sink.notice(Notice::skipped("-", io_reason(&e)));
        return;
    }
    parse_bytes("-", None, &buf, limits, sink);
}

fn read_file(path: &Path, limits: Limits, sink: &mut dyn Sink) {
    let origin = path.display().to_string();
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => return sink.notice(Notice::skipped(origin, io_reason(&e))),
    };
    let len = file.metadata().map(|m| m.len()).unwrap_or(0);
    let mut head = Vec::new();
    if let Err(e) = file.take(8192).read_to_end(&mut head) {
        return sink.notice(Notice::skipped(origin, io_reason(&e)));
    }
    if head.is_empty() {
        return sink.notice(Notice::skipped(origin, "empty file"));
    }
    let kind = sniff::sniff(&head, Some(&name));
    // Streaming containers are read as streams; single documents are size-checked first.
    match kind {
        Kind::Jsonl | Kind::Warc | Kind::Gzip => match std::fs::File::open(path) {
            Ok(f) => read_stream(
                &origin,
                kind,
                Some(&name),
                std::io::BufReader::new(f),
                limits,
                sink,
            ),
            Err(e) => sink.notice(Notice::skipped(origin, io_reason(&e))),
        },
        _ => {
            if len as usize > limits.max_doc_bytes {
                return sink.notice(Notice::skipped(
                    origin,
                    format!(
                        "too large for one article: {:.1} MB (limit {} MB per document; use JSON Lines for many articles)",
                        len as f64 / 1e6,
                        limits.max_doc_bytes / (1024 * 1024)
                    ),
                ));
            }
            match std::fs::read(path) {
                Ok(bytes) => parse_bytes(&origin, Some(&name), &bytes, limits, sink),
                Err(e) => sink.notice(Notice::skipped(origin, io_reason(&e))),
            }
        }
    }
}

fn read_stream(
    origin: &str,
    kind: Kind,
    name: Option<&str>,
    reader: impl std::io::BufRead,
    limits: Limits,
    sink: &mut dyn Sink,
) {
    match kind {
        Kind::Jsonl => jsonl::read(origin, reader, limits, sink),
        Kind::Warc => warc::read(origin, reader, limits, sink),
        Kind::Gzip => {
            let inner_name = name.map(|n| n.trim_end_matches(".gz").to_string());
            let mut gz = std::io::BufReader::new(flate2::bufread::MultiGzDecoder::new(reader));
            let head = match std::io::BufRead::fill_buf(&mut gz) {
                Ok(h) => h.to_vec(),
                Err(e) => {
                    return sink
                        .notice(Notice::skipped(origin, format!("broken gzip stream: {e}")));
                }
            };
            if head.is_empty() {
                return sink.notice(Notice::skipped(origin, "empty gzip stream"));
            }
            match sniff::sniff(&head, inner_name.as_deref()) {
                Kind::Jsonl => jsonl::read(origin, gz, limits, sink),
                Kind::Warc => warc::read(origin, gz, limits, sink),
                Kind::Gzip => sink.notice(Notice::skipped(origin, "nested gzip is not supported")),
                _ => {
                    let mut bytes = Vec::new();
                    let mut limited = gz.take(limits.max_doc_bytes as u64 + 1);
                    match limited.read_to_end(&mut bytes) {
                        Ok(_) if bytes.len() > limits.max_doc_bytes => {
                            sink.notice(Notice::skipped(
                                origin,
                                "too large for one article after decompression",
                            ))
                        }
                        Ok(_) => parse_bytes(origin, inner_name.as_deref(), &bytes, limits, sink),
                        Err(e) => sink.notice(Notice::skipped(
                            origin,
                            format!("truncated or corrupt gzip: {e}"),
                        )),
                    }
                }
            }
        }
        _ => {}
    }
}

/// Parses one input given as bytes (a whole file, or stdin). `name` is the lowercased
/// file name, used as an extension hint.
pub fn parse_bytes(
    origin: &str,
    name: Option<&str>,
    bytes: &[u8],
    limits: Limits,
    sink: &mut dyn Sink,
) {
    if bytes.is_empty() {
        return sink.notice(Notice::skipped(origin, "empty file"));
    }
    let kind = sniff::sniff(bytes, name);
    match kind {
        Kind::Binary(what) => sink.notice(Notice::skipped(
            origin,
            format!("binary file ({what}), not text, HTML, JSON Lines or WARC"),
        )),
        Kind::Jsonl | Kind::Warc | Kind::Gzip => {
            read_stream(origin, kind, name, bytes, limits, sink)
        }
        Kind::Html | Kind::Text => {
            if bytes.len() > limits.max_doc_bytes {
                return sink.notice(Notice::skipped(origin, "too large for one article"));
            }
            let decoded = if kind == Kind::Html {
                decode::decode_html(bytes, None)
            } else {
                decode::decode_text(bytes)
            };
            if let Some(w) = decoded.warning {
                sink.notice(Notice::warning(origin, w));
            }
            if decoded.text.trim().is_empty() {
                return sink.notice(Notice::skipped(origin, "no text (only whitespace)"));
            }
            let content = if kind == Kind::Html {
                Content::Html(decoded.text)
            } else {
                Content::Text(decoded.text)
            };
            sink.doc(RawDoc {
                origin: origin.to_string(),
                content,
                meta: Meta::default(),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(name: &str, bytes: &[u8]) -> Collect {
        let mut c = Collect::default();
        parse_bytes(name, Some(name), bytes, Limits::default(), &mut c);
        c
    }

    #[test]
    fn text_and_html_are_read() {
        let c = parse("a.txt", b"A plain article.\n");
        assert_eq!(c.docs.len(), 1);
        assert!(matches!(c.docs[0].content, Content::Text(_)));
        let c = parse("b", b"<!doctype html><html><body><p>Hi</p></body></html>");
        assert!(matches!(c.docs[0].content, Content::Html(_)));
    }

    #[test]
    fn empty_and_binary_are_skipped_with_a_reason() {
        let c = parse("e.txt", b"");
        assert_eq!(c.notices[0].reason, "empty file");
        let c = parse("x.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
        assert!(c.docs.is_empty());
        assert!(
            c.notices[0].reason.contains("binary file (PNG image)"),
            "{:?}",
            c.notices
        );
        let c = parse("w.txt", b"   \n\t ");
        assert!(c.notices[0].reason.contains("only whitespace"));
    }

    #[test]
    fn ids_are_content_hashes_or_given() {
        let a = RawDoc {
            origin: "a".into(),
            content: Content::Text("same".into()),
            meta: Meta::default(),
        };
        let mut b = a.clone();
        b.origin = "b".into();
        assert_eq!(a.stable_id(), b.stable_id());
        assert_eq!(a.stable_id().len(), 17);
        b.meta.id = Some("wire/42 x".into());
        assert_eq!(b.stable_id(), "wire42x");
    }

    #[test]
    fn notices_are_one_line() {
        let n = Notice::skipped("f", "line one\nline two");
        assert_eq!(n.to_string(), "skipped: f: line one line two");
    }

    #[test]
    fn missing_path_is_a_notice() {
        let mut c = Collect::default();
        read_paths(
            &[PathBuf::from("/nonexistent/zz")],
            Limits::default(),
            &mut c,
        );
        assert_eq!(c.notices.len(), 1);
        assert!(c.notices[0].reason.contains("no such file"));
    }

    #[test]
    fn oversized_document_is_skipped() {
        let mut c = Collect::default();
        let limits = Limits { max_doc_bytes: 10 };
        parse_bytes(
            "big.txt",
            Some("big.txt"),
            b"0123456789 0123456789",
            limits,
            &mut c,
        );
        assert!(c.docs.is_empty());
        assert!(c.notices[0].reason.contains("too large"));
    }
}
