//! Main-text extraction from HTML and boilerplate removal from scraped text.
//!
//! # Architecture invariants
//! - Pure functions over strings: no files, no network, no store, no other documents.
//! - Cleaning never fails: whatever the input, it returns a [`Cleaned`] (possibly with
//!   empty text) and records every removal with its reason.

use corroborate_model::{DateValue, FlagEvidence, Removed};

/// Metadata found in the page or in header lines of scraped text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageMeta {
    /// Title (og:title, `<title>`, h1, or a `title:` header line).
    pub title: Option<String>,
    /// Canonical URL (link rel=canonical, og:url, or a `url:` header line).
    pub url: Option<String>,
    /// Outlet (og:site_name, JSON-LD publisher, or a `source:`/`outlet:` header line).
    pub outlet: Option<String>,
    /// Publication date (article:published_time, JSON-LD datePublished, `<time>`, `date:` line).
    pub published: Option<DateValue>,
    /// Author(s), when stated.
    pub author: Option<String>,
    /// Declared language (`<html lang>`), when any.
    pub language: Option<String>,
}

/// The result of cleaning one document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cleaned {
    /// The main text: paragraphs separated by a blank line.
    pub text: String,
    /// What was removed, with why.
    pub removed: Vec<Removed>,
    /// Quality flags with evidence (spans index `text`).
    pub flags: Vec<FlagEvidence>,
    /// Metadata found.
    pub meta: PageMeta,
}

/// Extracts the main text of an HTML page.
pub fn clean_html(html: &str) -> Cleaned {
    let _ = html;
    Cleaned::default()
}

/// Removes boilerplate from scraped plain text. `title` is the known headline, if any.
pub fn clean_text(text: &str, title: Option<&str>) -> Cleaned {
    let _ = title;
    Cleaned {
        text: text.to_string(),
        ..Cleaned::default()
    }
}
