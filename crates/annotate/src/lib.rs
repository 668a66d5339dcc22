//! Per-document annotation: sentences, entities, times, quotes, quantities.
//!
//! # Architecture invariants
//! - Annotating never fails: it returns the annotations and a list of problems.
//! - Knows nothing of files, stores or other documents.
//! - Every span is a byte range of `source.text`.

use corroborate_model::{Annotations, DateValue, Problem, Source};

/// Options for [`annotate`].
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The publication date to use when the source has none of its own.
    pub default_dct: Option<DateValue>,
}

/// Adds every annotation layer to one source.
pub fn annotate(source: Source, options: &Options) -> (Annotations, Vec<Problem>) {
    let _ = options;
    (Annotations::new(source), Vec::new())
}
