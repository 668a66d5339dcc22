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
//! - Memory is bounded by [`Limits::max_doc_bytes`] per document, whatever the input:
//!   every single-document read and every decompression goes through `take(limit + 1)`,
//!   containers are streamed record by record, and inside folders only regular files
//!   are opened (pipes, devices and sockets get a notice).
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

impl Limits {
    /// A byte count in words for notices: `32 MB`, or `1500 bytes` under a megabyte.
    pub fn size(bytes: usize) -> String {
        const MB: usize = 1024 * 1024;
        if bytes >= MB && bytes.is_multiple_of(MB) {
            format!("{} MB", bytes / MB)
        } else if bytes >= MB {
            format!("{:.1} MB", bytes as f64 / MB as f64)
        } else {
            format!("{bytes} bytes")
        }
    }
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
            let stdin = std::io::stdin();
            read_input("-", None, stdin.lock(), None, limits, sink);
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
            Ok(e) if e.file_type().is_dir() => {}
            // A FIFO with no writer would block, a device may never end: inside a folder
            // only regular files are opened.
            Ok(e) => sink.notice(Notice::skipped(
                e.path().display().to_string(),
                format!(
                    "not a regular file ({}): not opened inside a folder; name it on the command line to read it",
                    special_kind(&e.file_type())
                ),
            )),
        }
    }
}

/// What a non-regular, non-folder entry is, in words.
fn special_kind(t: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "named pipe";
        }
        if t.is_socket() {
            return "socket";
        }
        if t.is_char_device() {
            return "character device";
        }
        if t.is_block_device() {
            return "block device";
        }
    }
    if t.is_symlink() {
        return "symbolic link";
    }
    "special file"
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
    // Only a regular file's length means anything (pipes and devices say 0).
    let len = file
        .metadata()
        .ok()
        .filter(|m| m.is_file())
        .map(|m| m.len());
    read_input(&origin, Some(&name), file, len, limits, sink);
}

/// How many bytes are read to decide the kind of an input.
const SNIFF_BYTES: u64 = 8192;

/// Reads one input, opened once, whatever it is (a regular file, a pipe, a device,
/// stdin): sniffs its first bytes, streams containers record by record, and reads a
/// single document through `take(limit + 1)`, so an endless input (`/dev/zero`,
/// `<(yes)`) costs at most one document's worth of memory. `len` is the length of a
/// regular file, when known, to refuse a huge one without reading it.
fn read_input(
    origin: &str,
    name: Option<&str>,
    mut input: impl Read,
    len: Option<u64>,
    limits: Limits,
    sink: &mut dyn Sink,
) {
    let mut head = Vec::new();
    if let Err(e) = (&mut input).take(SNIFF_BYTES).read_to_end(&mut head) {
        return sink.notice(Notice::skipped(origin, io_reason(&e)));
    }
    if head.is_empty() {
        return sink.notice(Notice::skipped(origin, "empty file"));
    }
    let kind = sniff::sniff(&head, name);
    match kind {
        Kind::Jsonl | Kind::Warc | Kind::Gzip => {
            let stream = std::io::BufReader::new(std::io::Cursor::new(head).chain(input));
            read_stream(origin, kind, name, stream, limits, sink);
        }
        Kind::Binary(_) => parse_kind(origin, name, kind, &head, limits, sink),
        Kind::Html | Kind::Text => {
            let max = limits.max_doc_bytes;
            if let Some(len) = len.filter(|&l| l > max as u64) {
                return sink.notice(Notice::skipped(
                    origin,
                    format!(
                        "too large for one article: {:.1} MB (limit {} per document; use JSON Lines for many articles)",
                        len as f64 / 1e6,
                        Limits::size(max)
                    ),
                ));
            }
            let mut bytes = head;
            let room = (max as u64)
                .saturating_add(1)
                .saturating_sub(bytes.len() as u64);
            if let Err(e) = input.take(room).read_to_end(&mut bytes) {
                return sink.notice(Notice::skipped(origin, io_reason(&e)));
            }
            if bytes.len() > max {
                return sink.notice(Notice::skipped(
                    origin,
                    format!(
                        "too large for one article: more than {}, the per-document limit; stopped reading (use JSON Lines for many articles)",
                        Limits::size(max)
                    ),
                ));
            }
            parse_kind(origin, name, kind, &bytes, limits, sink);
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
                Kind::Binary(what) => sink.notice(Notice::skipped(
                    origin,
                    format!("binary data ({what}) inside gzip, not text, HTML, JSON Lines or WARC"),
                )),
                _ => {
                    let mut bytes = Vec::new();
                    let mut limited = gz.take(limits.max_doc_bytes as u64 + 1);
                    match limited.read_to_end(&mut bytes) {
                        Ok(_) if bytes.len() > limits.max_doc_bytes => {
                            sink.notice(Notice::skipped(
                                origin,
                                format!(
                                    "too large for one article after decompression (limit {} per document); not decompressed further",
                                    Limits::size(limits.max_doc_bytes)
                                ),
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
    parse_kind(origin, name, sniff::sniff(bytes, name), bytes, limits, sink);
}

/// [`parse_bytes`] once the kind is known.
fn parse_kind(
    origin: &str,
    name: Option<&str>,
    kind: Kind,
    bytes: &[u8],
    limits: Limits,
    sink: &mut dyn Sink,
) {
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

    fn gzip(plain: &[u8]) -> Vec<u8> {
        use std::io::Write;
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        let out = e.write_all(plain).and_then(|_| e.finish());
        match out {
            Ok(v) => v,
            Err(err) => panic!("gzip: {err}"),
        }
    }

    /// A WARC whose first record is an image (NUL bytes in the first 8 KB), then a page.
    fn warc_with_an_image_first() -> Vec<u8> {
        let image = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01";
        let mut data = format!(
            "WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: https://a.example/i.png\r\nContent-Type: image/png\r\nContent-Length: {}\r\n\r\n",
            image.len()
        )
        .into_bytes();
        data.extend_from_slice(image);
        data.extend_from_slice(b"\r\n\r\n");
        let page = b"<html><body><p>The page after the image.</p></body></html>";
        data.extend(
            format!(
                "WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: https://a.example/p\r\nContent-Type: text/html\r\nContent-Length: {}\r\n\r\n",
                page.len()
            )
            .into_bytes(),
        );
        data.extend_from_slice(page);
        data.extend_from_slice(b"\r\n\r\n");
        data
    }

    #[test]
    fn warc_with_binary_records_early_is_read() {
        for name in [None, Some("crawl.warc")] {
            let mut c = Collect::default();
            parse_bytes(
                "crawl.warc",
                name,
                &warc_with_an_image_first(),
                Limits::default(),
                &mut c,
            );
            assert_eq!(c.docs.len(), 1, "{:?}", c.notices);
            assert_eq!(c.docs[0].origin, "crawl.warc#record2");
            assert!(c.notices.is_empty(), "{:?}", c.notices);
        }
        let c = parse("crawl.warc.gz", &gzip(&warc_with_an_image_first()));
        assert_eq!(c.docs.len(), 1, "{:?}", c.notices);
        assert_eq!(c.docs[0].meta.url.as_deref(), Some("https://a.example/p"));
    }

    #[test]
    fn gzip_files_are_decompressed_within_the_limit() {
        let limits = Limits {
            max_doc_bytes: 64 * 1024,
        };
        // A text bomb: a few KB expanding to 8 MB.
        let mut text = b"A story. ".to_vec();
        text.resize(8 * 1024 * 1024, b' ');
        let bomb = gzip(&text);
        assert!(bomb.len() < 64 * 1024);
        let mut c = Collect::default();
        parse_bytes("t.txt.gz", Some("t.txt.gz"), &bomb, limits, &mut c);
        assert!(c.docs.is_empty());
        assert_eq!(c.notices.len(), 1);
        assert!(
            c.notices[0].reason.contains("after decompression"),
            "{:?}",
            c.notices
        );
        // JSON Lines: the bomb line is skipped, the next line is read.
        let mut feed = b"{\"text\":\"".to_vec();
        feed.resize(4 * 1024 * 1024, b'a');
        feed.extend_from_slice(b"\"}\n{\"text\":\"Survivor.\"}\n");
        let mut c = Collect::default();
        parse_bytes(
            "f.jsonl.gz",
            Some("f.jsonl.gz"),
            &gzip(&feed),
            limits,
            &mut c,
        );
        assert_eq!(c.docs.len(), 1, "{:?}", c.notices);
        assert_eq!(c.docs[0].origin, "f.jsonl.gz#2");
        assert_eq!(c.notices.len(), 1);
        assert!(c.notices[0].reason.contains("longer than"));
        // Binary data inside gzip is named without being decompressed whole.
        let c = parse("x.gz", &gzip(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"));
        assert!(c.notices[0].reason.contains("PNG image"), "{:?}", c.notices);
    }

    #[test]
    fn an_endless_input_stops_at_the_limit_with_a_notice() {
        let limits = Limits {
            max_doc_bytes: 1024 * 1024,
        };
        // `yes` on stdin or through `<(yes)`: text that never ends.
        let mut c = Collect::default();
        read_input("-", None, std::io::repeat(b'y'), None, limits, &mut c);
        assert!(c.docs.is_empty());
        assert_eq!(c.notices.len(), 1);
        assert_eq!(c.notices[0].origin, "-");
        assert_eq!(c.notices[0].severity, Severity::Skipped);
        assert!(
            c.notices[0].reason.contains("too large") && c.notices[0].reason.contains("1 MB"),
            "{:?}",
            c.notices
        );
        // `/dev/zero`: binary, known from the first 8 KB.
        let mut c = Collect::default();
        read_input("z", None, std::io::repeat(0), None, limits, &mut c);
        assert!(c.notices[0].reason.contains("binary"), "{:?}", c.notices);
        // A stream exactly at the limit is read whole.
        let text = vec![b'y'; limits.max_doc_bytes];
        let mut c = Collect::default();
        read_input("-", None, &text[..], None, limits, &mut c);
        assert_eq!(c.docs.len(), 1, "{:?}", c.notices);
        assert_eq!(c.docs[0].content.as_str().len(), limits.max_doc_bytes);
    }

    #[test]
    fn a_stream_of_json_lines_is_not_cut_at_a_total_size() {
        // Many small documents on one stream: each is bounded, the stream is not.
        let limits = Limits {
            max_doc_bytes: 1024,
        };
        let line = b"{\"text\":\"A short report from the port.\"}\n";
        let data: Vec<u8> = line
            .iter()
            .copied()
            .cycle()
            .take(line.len() * 500)
            .collect();
        let mut c = Collect::default();
        read_input("-", None, &data[..], None, limits, &mut c);
        assert_eq!(c.docs.len(), 500);
        assert!(c.notices.is_empty());
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn devices_given_by_name_are_read_with_bounds() {
        let mut c = Collect::default();
        read_paths(
            &[PathBuf::from("/dev/zero"), PathBuf::from("/dev/null")],
            Limits::default(),
            &mut c,
        );
        assert!(c.docs.is_empty());
        assert_eq!(c.notices.len(), 2, "{:?}", c.notices);
        assert!(c.notices[0].reason.contains("binary"), "{:?}", c.notices);
        assert_eq!(c.notices[1].reason, "empty file");
    }

    #[cfg(unix)]
    fn mkfifo(path: &Path) {
        let made = std::process::Command::new("mkfifo").arg(path).status();
        assert!(made.as_ref().is_ok_and(|s| s.success()), "mkfifo: {made:?}");
    }

    #[cfg(unix)]
    #[test]
    fn special_files_in_a_folder_are_named_and_not_opened() {
        let dir = match tempfile::tempdir() {
            Ok(d) => d,
            Err(e) => panic!("tempdir: {e}"),
        };
        // A FIFO with no writer: opening it would block forever.
        mkfifo(&dir.path().join("b_pipe.txt"));
        let listener = std::os::unix::net::UnixListener::bind(dir.path().join("c_socket.txt"));
        assert!(listener.is_ok(), "{listener:?}");
        if let Err(e) = std::fs::write(dir.path().join("a.txt"), "An article.\n") {
            panic!("write: {e}");
        }
        if let Err(e) = std::fs::write(dir.path().join("d.txt"), "Another article.\n") {
            panic!("write: {e}");
        }
        let mut c = Collect::default();
        read_paths(&[dir.path().to_path_buf()], Limits::default(), &mut c);
        assert_eq!(c.docs.len(), 2, "{:?}", c.notices);
        assert_eq!(c.notices.len(), 2, "{:?}", c.notices);
        assert!(c.notices[0].origin.ends_with("b_pipe.txt"));
        assert!(
            c.notices[0].reason.contains("named pipe"),
            "{:?}",
            c.notices
        );
        assert!(c.notices[1].origin.ends_with("c_socket.txt"));
        assert!(c.notices[1].reason.contains("socket"), "{:?}", c.notices);
        assert!(c.notices.iter().all(|n| n.severity == Severity::Skipped));
    }

    #[cfg(unix)]
    #[test]
    fn an_endless_pipe_named_on_the_command_line_stops_at_the_limit() {
        use std::io::Write;
        let dir = match tempfile::tempdir() {
            Ok(d) => d,
            Err(e) => panic!("tempdir: {e}"),
        };
        let fifo = dir.path().join("yes.txt");
        mkfifo(&fifo);
        let writer_path = fifo.clone();
        // `yes` into the pipe until the reader closes it.
        let writer = std::thread::spawn(move || {
            let Ok(mut w) = std::fs::OpenOptions::new().write(true).open(&writer_path) else {
                return 0usize;
            };
            let chunk = b"y\n".repeat(4096);
            let mut written = 0;
            while w.write_all(&chunk).is_ok() {
                written += chunk.len();
            }
            written
        });
        let limits = Limits {
            max_doc_bytes: 256 * 1024,
        };
        let mut c = Collect::default();
        read_paths(&[fifo], limits, &mut c);
        let written = writer.join().unwrap_or(0);
        assert!(c.docs.is_empty());
        assert_eq!(c.notices.len(), 1, "{:?}", c.notices);
        assert!(c.notices[0].reason.contains("too large"), "{:?}", c.notices);
        assert!(written >= limits.max_doc_bytes, "{written}");
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
