//! Main-text extraction from HTML and boilerplate removal from scraped text.
//!
//! # Architecture invariants
//! - Pure functions over strings: no files, no network, no store, no other documents.
//! - Cleaning never fails: whatever the input, it returns a [`Cleaned`] (possibly with
//!   empty text) and records every removal with its reason.
//! - One HTML parse per page; regexes are compiled once per process.
//!
//! # Pipeline
//! [`clean_html`] parses the page once, flattens it into an arena, drops boilerplate
//! subtrees (tag and class/id hints), scores containers by paragraph text, punctuation
//! and link density, and emits the chosen container's blocks in order. Both
//! [`clean_html`] and [`clean_text`] then run the same line-level boilerplate filter
//! (related links, bylines, credits, share prompts, newsletters, comments, headline
//! lists, ...) and compute quality flags (`truncated`, `repeated_headline`,
//! `machine_translated`) whose spans index the cleaned text.
//!
//! # Removal reasons
//! `metadata_header`, `repeated_headline`, `related_links`, `source_footer`, `byline`,
//! `author_bio`, `credit`, `caption`, `share_prompt`, `newsletter`, `membership`,
//! `comments`, `headline_list`, `navigation`, `dateline`, `tags`, `boilerplate`
//! (cookie notices, copyright lines, ads, and short blocks trimmed around the article).
//!
//! # Measured (trafilatura evaluation set, 990 pages, `tools/bench/clean/run.sh`)
//! Snippet metric P 0.912, R 0.942, F1 0.927 at 300 to 450 pages/s on one core
//! (trafilatura 2.3.1 default: F1 0.921 at 36 to 59 pages/s on the same machine).
#![warn(missing_docs)]

mod flags;
mod html;
mod lines;
mod meta;

use std::sync::LazyLock;

use corroborate_model::{DateValue, FlagEvidence, Removed, flags as flag_names};
use regex::Regex;

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

impl Cleaned {
    /// Whether the result carries `flag`.
    pub fn has_flag(&self, flag: &str) -> bool {
        self.flags.iter().any(|f| f.flag == flag)
    }
}

/// Options for [`clean_html_with`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HtmlOptions {
    /// Keep the page headline when it opens the extracted text (default `false`: it is
    /// removed with reason `repeated_headline`, since it is kept in [`PageMeta::title`]).
    pub keep_headline: bool,
}

/// Extracts the main text of an HTML page.
///
/// The headline, when it opens the text, is removed (reason `repeated_headline`) but
/// not flagged: in HTML the headline at the top is the page's normal layout.
pub fn clean_html(html: &str) -> Cleaned {
    clean_html_with(html, HtmlOptions::default())
}

/// [`clean_html`] with options.
pub fn clean_html_with(html: &str, opts: HtmlOptions) -> Cleaned {
    let ex = html::extract(html);
    let mut removed = ex.removed;
    let title = if opts.keep_headline {
        None
    } else {
        ex.meta.title.as_deref()
    };
    let (mut blocks, _repeated) = lines::filter_blocks(ex.blocks, title, &mut removed);
    trim_tail(&mut blocks, &mut removed);
    trim_head(&mut blocks, ex.meta.title.as_deref(), &mut removed);
    let text = join_blocks(&blocks);
    let mut out = Cleaned {
        text,
        removed,
        flags: Vec::new(),
        meta: ex.meta,
    };
    add_text_flags(&mut out);
    out
}

static HEADER: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(title|headline|source|outlet|publisher|publication|date|published|dateline|url|link|author|authors|by|byline)\s*:\s*(.*?)\s*$").ok()
});

/// Parses leading header lines (`title:`, `source:`, `date:`, `url:`, `author:`, ...).
///
/// Returns the metadata, the removed header lines and the byte offset where the body
/// starts.
pub fn parse_header_lines(text: &str) -> (PageMeta, Vec<Removed>, usize) {
    let mut meta = PageMeta::default();
    let mut removed = Vec::new();
    let mut body_start = 0usize;
    let mut pos = 0usize;
    let Some(re) = HEADER.as_ref() else {
        return (meta, removed, 0);
    };
    for line in text.split_inclusive('\n') {
        let next = pos + line.len();
        let t = line.trim();
        if t.is_empty() {
            pos = next;
            continue;
        }
        let Some(c) = re.captures(t) else { break };
        let key = c.get(1).map_or("", |m| m.as_str()).to_ascii_lowercase();
        let val = c.get(2).map_or("", |m| m.as_str()).trim();
        if val.is_empty() {
            break;
        }
        let val_s = val.to_string();
        match key.as_str() {
            "title" | "headline" => meta.title = Some(val_s),
            "source" | "outlet" | "publisher" | "publication" => meta.outlet = Some(val_s),
            "date" | "published" | "dateline" => {
                meta.published = meta::parse_text_date(val);
                if meta.published.is_none() {
                    break;
                }
            }
            "url" | "link" => meta.url = Some(val_s),
            _ => meta.author = Some(val_s),
        }
        lines::push_removed(&mut removed, t, "metadata_header");
        pos = next;
        body_start = next;
    }
    (meta, removed, body_start)
}

/// Removes boilerplate from scraped plain text. `title` is the known headline, if any.
pub fn clean_text(text: &str, title: Option<&str>) -> Cleaned {
    let (mut meta, mut removed, body_start) = parse_header_lines(text);
    if meta.title.is_none() {
        meta.title = title.map(str::to_string);
    }
    let body = text.get(body_start..).unwrap_or("");
    let mut blocks: Vec<Vec<String>> = Vec::new();
    let mut cur: Vec<String> = Vec::new();
    for line in body.lines() {
        let t = line.trim();
        if t.is_empty() {
            if !cur.is_empty() {
                blocks.push(std::mem::take(&mut cur));
            }
        } else {
            cur.push(t.split_whitespace().collect::<Vec<_>>().join(" "));
        }
    }
    if !cur.is_empty() {
        blocks.push(cur);
    }
    let known_title = title.or(meta.title.as_deref()).map(str::to_string);
    let (kept, repeated) = lines::filter_blocks(blocks, known_title.as_deref(), &mut removed);
    let mut out = Cleaned {
        text: join_blocks(&kept),
        removed,
        flags: Vec::new(),
        meta,
    };
    if repeated {
        out.flags.push(FlagEvidence {
            flag: flag_names::REPEATED_HEADLINE.to_string(),
            detail: format!(
                "first body line repeats the headline: \"{}\"",
                known_title.unwrap_or_default()
            ),
            spans: Vec::new(),
        });
    }
    add_text_flags(&mut out);
    out
}

/// Words that make a sentence-final line "body text" for the head and tail trims.
const BODY_WORDS: usize = 12;
/// Trailing blocks of full sentences with at least this many words survive the tail trim.
const TAIL_SENTENCE_WORDS: usize = 5;
/// Leading blocks with fewer words than this are trimmed before the first body paragraph.
const HEAD_WORDS: usize = 3;

/// Drops short blocks after the last paragraph that reads like body text (trailing
/// boilerplate: teasers, contact lines, credits).
fn trim_tail(blocks: &mut Vec<Vec<String>>, removed: &mut Vec<Removed>) {
    let k = BODY_WORDS;
    let body_like = |b: &Vec<String>| {
        b.iter()
            .any(|l| lines::ends_sentence(l) && l.split_whitespace().count() >= k)
    };
    let Some(last) = blocks.iter().rposition(body_like) else {
        return;
    };
    let tail: Vec<Vec<String>> = blocks.drain(last + 1..).collect();
    for b in tail {
        let t = b.join(" ");
        let words = t.split_whitespace().count();
        let sentences = b
            .iter()
            .all(|l| lines::ends_sentence(l) && !l.ends_with(':'));
        if words >= k || (words >= TAIL_SENTENCE_WORDS && sentences) {
            blocks.push(b);
            continue;
        }
        lines::push_removed(removed, &t, "boilerplate");
    }
}

static DATE_LINE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)^[\p{L}., ]{0,20}\d{1,4}[./ -]+(\d{1,2}|\p{L}{3,10})[./ -]+\d{2,4}([ ,|-]+\d{1,2}[:.]\d{2}( ?(uhr|am|pm|h))?)?$|^\d{1,2}:\d{2}( ?(uhr|am|pm|h))?$").ok()
});

/// Drops very short blocks (dates, names, labels) before the first paragraph that
/// reads like body text; the headline is kept.
fn trim_head(blocks: &mut Vec<Vec<String>>, title: Option<&str>, removed: &mut Vec<Removed>) {
    let k = HEAD_WORDS;
    let Some(first) = blocks.iter().position(|b| {
        b.iter()
            .any(|l| lines::ends_sentence(l) && l.split_whitespace().count() >= BODY_WORDS)
    }) else {
        return;
    };
    let nt = title.map(lines::norm_title);
    let mut keep: Vec<Vec<String>> = Vec::with_capacity(blocks.len());
    for (i, b) in std::mem::take(blocks).into_iter().enumerate() {
        if i < first {
            let t = b.join(" ");
            let is_title = nt.as_deref().is_some_and(|nt| lines::norm_title(&t) == nt);
            let date = DATE_LINE.as_ref().is_some_and(|r| r.is_match(&t));
            if !is_title && (date || t.split_whitespace().count() < k) {
                lines::push_removed(
                    removed,
                    &t,
                    if date {
                        "metadata_header"
                    } else {
                        "boilerplate"
                    },
                );
                continue;
            }
        }
        keep.push(b);
    }
    *blocks = keep;
}

fn join_blocks(blocks: &[Vec<String>]) -> String {
    let mut s = String::new();
    for b in blocks {
        if b.is_empty() {
            continue;
        }
        if !s.is_empty() {
            s.push_str("\n\n");
        }
        for (k, l) in b.iter().enumerate() {
            if k > 0 {
                s.push('\n');
            }
            s.push_str(l);
        }
    }
    s
}

fn add_text_flags(out: &mut Cleaned) {
    if let Some(f) = flags::truncated(&out.text) {
        out.flags.push(f);
    }
    if let Some(f) = flags::machine_translated(&out.text) {
        out.flags.push(f);
    }
}

#[cfg(test)]
mod tests;

/// Development aid: a dump of the container scoring of a page.
#[doc(hidden)]
pub fn debug_html(html: &str) -> String {
    html::debug(html)
}

/// Development aid: the ancestor chain of the text node holding `needle`.
#[doc(hidden)]
pub fn debug_ancestors(html: &str, needle: &str) -> Option<String> {
    html::debug_ancestors(html, needle)
}
