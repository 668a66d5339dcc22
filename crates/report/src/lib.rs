//! Renders a dossier: JSON, Markdown, self-contained HTML.
//!
//! # Architecture invariants
//! - Reads a finished [`Dossier`]; computes nothing that linking should.
//! - The HTML has no external assets and escapes every source string.

use corroborate_model::Dossier;

/// Pretty JSON.
pub fn to_json(dossier: &Dossier) -> String {
    serde_json::to_string_pretty(dossier).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}

/// Markdown.
pub fn to_markdown(dossier: &Dossier) -> String {
    let _ = dossier;
    String::new()
}

/// Self-contained HTML.
pub fn to_html(dossier: &Dossier) -> String {
    let _ = dossier;
    String::new()
}
