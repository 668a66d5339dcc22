//! Reading inputs into raw documents.
//!
//! # Architecture invariants
//! - The only crate (with the binary) that touches the file system.
//! - Bad input never stops a batch: every input yields documents or a [`Skip`] line.

use corroborate_model::DateValue;

/// What a raw document holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Content {
    /// An HTML page (decoded to UTF-8).
    Html(String),
    /// Plain text (decoded to UTF-8).
    Text(String),
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

/// An input that was skipped, with a one-line reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skip {
    /// The input.
    pub origin: String,
    /// Why.
    pub reason: String,
}
