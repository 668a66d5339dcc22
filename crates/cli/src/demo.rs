//! The built-in demo corpus: a fictional story told by many outlets in several formats,
//! embedded in the binary (see `corpus/demo/STORY.md`).

use corroborate_ingest::{Collect, Limits, Notice};
use corroborate_model::{Annotations, Dossier};
use include_dir::{Dir, include_dir};

use crate::{Config, analyze_full, annotate_all, link_options};

static DEMO: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/../../corpus/demo");

/// Files that describe the corpus rather than belong to it.
const NOT_INPUT: &[&str] = &["STORY.md", "expected.json"];

/// The demo's input files, in name order: (file name, bytes).
pub fn files() -> Vec<(&'static str, &'static [u8])> {
    let mut out: Vec<(&'static str, &'static [u8])> = DEMO
        .files()
        .filter_map(|f| {
            let name = f.path().file_name()?.to_str()?;
            (!NOT_INPUT.contains(&name)).then_some((name, f.contents()))
        })
        .collect();
    out.sort_by_key(|(n, _)| *n);
    out
}

/// The demo run through the whole pipeline.
#[derive(Debug, Clone)]
pub struct DemoRun {
    /// The dossier.
    pub dossier: Dossier,
    /// The final annotations of every source.
    pub annotations: Vec<Annotations>,
    /// Notices from reading (none expected).
    pub notices: Vec<Notice>,
}

/// Reads, annotates and links the demo corpus (origins are `demo/<file name>`).
pub fn analyze_demo() -> DemoRun {
    let mut c = Collect::default();
    for (name, bytes) in files() {
        corroborate_ingest::parse_bytes(
            &format!("demo/{name}"),
            Some(&name.to_lowercase()),
            bytes,
            Limits::default(),
            &mut c,
        );
    }
    let annotations: Vec<Annotations> = annotate_all(&c.docs, &Config::default())
        .into_iter()
        .map(|(a, _)| a)
        .collect();
    let (dossier, annotations) = analyze_full(annotations, Vec::new(), &link_options(None).0);
    DemoRun {
        dossier,
        annotations,
        notices: c.notices,
    }
}

/// The ground truth of the demo (`expected.json`), when embedded.
pub fn expected() -> Option<&'static str> {
    DEMO.get_file("expected.json")
        .and_then(|f| f.contents_utf8())
}

/// The story bible (`STORY.md`).
pub fn story() -> Option<&'static str> {
    DEMO.get_file("STORY.md").and_then(|f| f.contents_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_has_many_outlets_and_formats() {
        let files = files();
        assert!(files.len() >= 8, "{} files", files.len());
        let exts: std::collections::BTreeSet<_> = files
            .iter()
            .filter_map(|(n, _)| n.rsplit('.').next())
            .collect();
        assert!(exts.len() >= 3, "{exts:?}");
        assert!(story().is_some());
    }
}
