//! Renders a dossier: JSON, Markdown, self-contained HTML.
//!
//! # Architecture invariants
//! - Reads a finished [`Dossier`]; computes nothing that linking should (only
//!   presentation: numbering of citations, grouping, counting).
//! - The HTML has no external assets and escapes every source string with
//!   [`escape`]; links are made only to `http(s)` source URLs.
//! - Never panics on any dossier: lookups of unknown source ids fall back to the id.

#![warn(missing_docs)]

mod common;
mod html;
mod markdown;

use corroborate_model::Dossier;

pub use common::escape;

/// Pretty JSON of the dossier (the `corroborate/dossier@1` serde output).
pub fn to_json(dossier: &Dossier) -> String {
    serde_json::to_string_pretty(dossier)
        .unwrap_or_else(|e| format!("{{\"error\":{}}}", serde_json::Value::String(e.to_string())))
}

/// Markdown: per story a summary with numbered citations, timeline, claims,
/// entities and quotes; then the sources and any skipped inputs.
pub fn to_markdown(dossier: &Dossier) -> String {
    markdown::render(dossier)
}

/// One self-contained HTML5 page (inline CSS, a few lines of optional inline JS,
/// no external resource of any kind).
pub fn to_html(dossier: &Dossier) -> String {
    html::render(dossier)
}

#[cfg(test)]
mod tests {
    use super::*;
    use corroborate_model::DOSSIER_SCHEMA;

    #[test]
    fn json_round_trips() {
        let d = Dossier {
            schema: DOSSIER_SCHEMA.to_string(),
            sources: Vec::new(),
            stories: Vec::new(),
            skipped: vec!["a.bin: not text".into()],
        };
        let j = to_json(&d);
        let back: Dossier = serde_json::from_str(&j).unwrap_or_else(|_| Dossier {
            schema: String::new(),
            sources: Vec::new(),
            stories: Vec::new(),
            skipped: Vec::new(),
        });
        assert_eq!(back, d);
        assert!(j.contains("\n  \"schema\""));
    }
}
