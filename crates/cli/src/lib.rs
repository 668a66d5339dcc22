//! corroborate: the pipeline facade (ingest, clean, annotate, link, report).
