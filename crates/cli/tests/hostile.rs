//! Bad input never crashes a batch and never loses data: the hostile corpus, a huge
//! file, ten thousand files, missing and dangling paths, stdin.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_corroborate"))
}

fn hostile_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/hostile")
}

fn run(args: &[&str]) -> Output {
    match bin().args(args).stdin(Stdio::null()).output() {
        Ok(o) => o,
        Err(e) => panic!("cannot run corroborate: {e}"),
    }
}

fn stderr_lines(o: &Output) -> Vec<String> {
    String::from_utf8_lossy(&o.stderr)
        .lines()
        .map(str::to_string)
        .collect()
}

/// (file, severity, words the reason must contain)
const EXPECTED: &[(&str, &str, &str)] = &[
    ("empty.txt", "skipped", "empty file"),
    ("whitespace_only.txt", "skipped", "no text"),
    ("random_bytes.bin", "skipped", "binary file"),
    ("image_named_as_article.html", "skipped", "PNG image"),
    ("document.pdf", "skipped", "PDF document"),
    ("zip_named_as_text.txt", "skipped", "ZIP archive"),
    ("latin1_no_charset.txt", "warning", "windows-1252"),
    ("malformed_lines.jsonl#2", "skipped", "malformed JSON"),
    ("malformed_lines.jsonl#3", "skipped", "malformed JSON"),
    ("malformed_lines.jsonl#4", "skipped", "not a JSON object"),
    (
        "malformed_lines.jsonl#5",
        "skipped",
        "no non-empty `text` or `html`",
    ),
    ("malformed_lines.jsonl#7", "skipped", "not valid UTF-8"),
    ("truncated_feed.jsonl.gz#", "skipped", "deflate"),
    (
        "truncated_record.warc#record2",
        "skipped",
        "truncated record",
    ),
    ("truncated.warc.gz#record2", "skipped", "deflate"),
    ("not_gzip_at_all.warc.gz", "skipped", "gzip"),
];

/// Inputs that must be read (origin prefix).
const READ: &[&str] = &[
    "latin1_no_charset.txt",
    "cp1251_declared.html",
    "malformed_lines.jsonl#1",
    "malformed_lines.jsonl#6",
    "truncated_feed.jsonl.gz#1",
    "truncated_record.warc#record1",
    "truncated.warc.gz#record1",
    "deeply_nested.html",
    "broken_markup.html",
    "only_boilerplate.html",
    "control_chars.txt",
    "utf16_bom.txt",
];

#[test]
fn hostile_corpus_gets_one_line_each_and_the_batch_completes() {
    let dir = hostile_dir();
    let o = run(&["clean", "--format", "json", &dir.display().to_string()]);
    assert_eq!(
        o.status.code(),
        Some(2),
        "exit code says something was skipped"
    );
    let lines = stderr_lines(&o);
    for line in &lines {
        assert!(
            line.starts_with("skipped: ") || line.starts_with("warning: "),
            "every stderr line is a notice: {line}"
        );
        assert!(!line.contains("panicked"), "{line}");
    }
    for (file, severity, reason) in EXPECTED {
        let hit = lines.iter().find(|l| {
            l.starts_with(&format!("{severity}: ")) && l.contains(&format!("hostile/{file}"))
        });
        match hit {
            Some(l) => assert!(l.contains(reason), "{file}: expected {reason:?} in {l:?}"),
            None => panic!(
                "no {severity} line for {file}; stderr:\n{}",
                lines.join("\n")
            ),
        }
    }
    let stdout = String::from_utf8_lossy(&o.stdout);
    let origins: Vec<String> = stdout
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["origin"].as_str().map(str::to_string))
        .collect();
    for want in READ {
        assert!(
            origins
                .iter()
                .any(|o| o.contains(&format!("hostile/{want}"))),
            "{want} was not read; got {origins:?}"
        );
    }
    // Data before a break is kept: 87 whole lines precede the cut in the gzip feed.
    let feed = origins
        .iter()
        .filter(|o| o.contains("truncated_feed.jsonl.gz#"))
        .count();
    assert!(
        feed >= 80,
        "only {feed} lines of the truncated feed survived"
    );
}

#[test]
fn decoded_text_is_right() {
    let dir = hostile_dir();
    let o = run(&[
        "clean",
        &dir.join("cp1251_declared.html").display().to_string(),
    ]);
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stdout).contains("Вибух у концертному залі"));
    let o = run(&[
        "clean",
        &dir.join("latin1_no_charset.txt").display().to_string(),
    ]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("Café owners"));
    assert_eq!(o.status.code(), Some(0), "a warning is not a skip");
}

#[test]
fn analyze_over_hostile_inputs_still_writes_a_dossier() {
    let o = run(&["analyze", "--quiet", &hostile_dir().display().to_string()]);
    assert_eq!(o.status.code(), Some(2));
    let v: serde_json::Value = match serde_json::from_slice(&o.stdout) {
        Ok(v) => v,
        Err(e) => panic!("dossier is not JSON: {e}"),
    };
    assert_eq!(v["schema"], "corroborate/dossier@1");
    assert!(v["sources"].as_array().is_some_and(|s| s.len() >= 10));
    assert!(v["skipped"].as_array().is_some_and(|s| s.len() >= 14));
}

#[test]
fn a_huge_file_is_skipped_and_its_neighbour_is_read() {
    let dir = match tempfile::tempdir() {
        Ok(d) => d,
        Err(e) => panic!("tempdir: {e}"),
    };
    let big = dir.path().join("huge.txt");
    let line = "The ministry said the hall would stay closed. ".repeat(20) + "\n";
    let mut data = String::with_capacity(200 * 1024 * 1024 + line.len());
    while data.len() < 200 * 1024 * 1024 {
        data.push_str(&line);
    }
    if let Err(e) = std::fs::write(&big, &data) {
        panic!("write: {e}");
    }
    drop(data);
    let small = dir.path().join("small.txt");
    if let Err(e) = std::fs::write(&small, "A small article that must survive.\n") {
        panic!("write: {e}");
    }
    let o = run(&["clean", &dir.path().display().to_string()]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("huge.txt") && err.contains("too large"),
        "{err}"
    );
    assert!(String::from_utf8_lossy(&o.stdout).contains("A small article that must survive."));
}

#[test]
fn deeply_nested_markup_is_read_with_a_warning() {
    let dir = match tempfile::tempdir() {
        Ok(d) => d,
        Err(e) => panic!("tempdir: {e}"),
    };
    let page = dir.path().join("deep.html");
    let html = format!(
        "<html><body>{}<p>The text at the bottom of the well.</p>{}</body></html>",
        "<div>".repeat(50_000),
        "</div>".repeat(50_000)
    );
    if let Err(e) = std::fs::write(&page, html) {
        panic!("write: {e}");
    }
    let o = run(&["clean", &page.display().to_string()]);
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stdout).contains("The text at the bottom of the well."));
    let err = stderr_lines(&o);
    assert_eq!(err.len(), 1, "{err:?}");
    assert!(
        err.iter()
            .all(|l| l.contains("deep.html") && l.contains("nested")),
        "{err:?}"
    );
}

#[test]
fn ten_thousand_files_are_all_read() {
    let dir = match tempfile::tempdir() {
        Ok(d) => d,
        Err(e) => panic!("tempdir: {e}"),
    };
    for i in 0..10_000 {
        let sub = dir.path().join(format!("d{}", i % 10));
        if i < 10
            && let Err(e) = std::fs::create_dir_all(&sub)
        {
            panic!("mkdir: {e}");
        }
        let text =
            format!("Article number {i} reports on the port strike in Valmora, officials said.\n");
        if let Err(e) = std::fs::write(sub.join(format!("a{i}.txt")), text) {
            panic!("write: {e}");
        }
    }
    let o = run(&[
        "clean",
        "--format",
        "json",
        &dir.path().display().to_string(),
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let n = String::from_utf8_lossy(&o.stdout).lines().count();
    assert_eq!(n, 10_000);
}

#[test]
fn missing_and_dangling_paths_are_named() {
    let dir = match tempfile::tempdir() {
        Ok(d) => d,
        Err(e) => panic!("tempdir: {e}"),
    };
    let good = dir.path().join("good.txt");
    if let Err(e) = std::fs::write(&good, "A readable article next to broken paths.\n") {
        panic!("write: {e}");
    }
    #[cfg(unix)]
    {
        if let Err(e) = std::os::unix::fs::symlink(
            dir.path().join("nowhere.txt"),
            dir.path().join("dangling.txt"),
        ) {
            panic!("symlink: {e}");
        }
    }
    let missing = dir.path().join("missing.html");
    let o = run(&[
        "clean",
        &missing.display().to_string(),
        &dir.path().display().to_string(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("missing.html: no such file"), "{err}");
    #[cfg(unix)]
    assert!(err.contains("dangling.txt"), "{err}");
    assert!(
        String::from_utf8_lossy(&o.stdout).contains("A readable article next to broken paths.")
    );
}

#[test]
fn stdin_is_read_with_a_dash() {
    use std::io::Write;
    let mut child = match bin()
        .args(["clean", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(c) => c,
        Err(e) => panic!("spawn: {e}"),
    };
    if let Some(mut stdin) = child.stdin.take() {
        let page = "<!doctype html><html><body><article><p>Piped page text about the vigil, with enough words to be an article.</p></article></body></html>";
        if let Err(e) = stdin.write_all(page.as_bytes()) {
            panic!("stdin: {e}");
        }
    }
    let o = match child.wait_with_output() {
        Ok(o) => o,
        Err(e) => panic!("wait: {e}"),
    };
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(String::from_utf8_lossy(&o.stdout).contains("Piped page text about the vigil"));
}

#[test]
fn bad_arguments_fail_with_code_1() {
    let o = run(&["analyze", "--dct", "yesterday", "x.txt"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--dct"));
    let o = run(&["analyze", "--format", "pdf", "x.txt"]);
    assert_eq!(o.status.code(), Some(1));
    let o = run(&["--help"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stdout).contains("Examples:"));
}

#[test]
fn raw_annotations_index_the_input_bytes() {
    let dir = match tempfile::tempdir() {
        Ok(d) => d,
        Err(e) => panic!("tempdir: {e}"),
    };
    let input = "date: 2023-06-05\nRelated: Other news\n\nThe SSB spokesman, Dmytro Hrytsenko, said on Sunday that “at least 58 people” were killed in Kharivsk.\n";
    let path = dir.path().join("raw.txt");
    if let Err(e) = std::fs::write(&path, input) {
        panic!("write: {e}");
    }
    let o = run(&[
        "annotate",
        "--raw",
        "--dct",
        "2023-06-05",
        &path.display().to_string(),
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let v: serde_json::Value = match serde_json::from_slice(&o.stdout) {
        Ok(v) => v,
        Err(e) => panic!("annotations are not JSON: {e}"),
    };
    assert_eq!(v["schema"], "corroborate/annotations@1");
    assert_eq!(v["source"]["text"], input);
    let bytes = input.as_bytes();
    for layer in ["entities", "times", "quotes", "quantities"] {
        for item in v[layer].as_array().into_iter().flatten() {
            let (s, e) = (
                item["start"].as_u64().unwrap_or(0) as usize,
                item["end"].as_u64().unwrap_or(0) as usize,
            );
            let slice = bytes.get(s..e).map(String::from_utf8_lossy);
            assert_eq!(
                slice.as_deref(),
                item["text"].as_str(),
                "{layer} span {s}..{e}"
            );
        }
    }
}
