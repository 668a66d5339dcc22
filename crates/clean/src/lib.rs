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
//! lists, disclosures, figure labels, ...) and compute quality flags (`truncated`,
//! `repeated_headline`, `machine_translated`) whose spans index the cleaned text.
//! For HTML, the text is then trimmed at both ends: short blocks after the last
//! body paragraph (list items and table cells excepted), author bios and calls to
//! action (apps, social accounts, newsletters, donations) among the last blocks,
//! and, before the first body paragraph, very short blocks, datelines and blocks
//! that nearly repeat the title (breadcrumb + headline).
//!
//! Before the parse, a byte scan measures the tag nesting; markup nested deeper than
//! 2,000 levels (or deep structure repeated so often that the parser's scope checks,
//! linear in the depth, would add up to seconds) is flattened first and a problem is
//! reported in [`Cleaned::problems`].
//!
//! # Removal reasons
//! `metadata_header`, `repeated_headline`, `related_links`, `source_footer`, `byline`,
//! `author_bio`, `credit`, `caption`, `share_prompt`, `newsletter`, `membership`,
//! `comments`, `headline_list`, `navigation`, `dateline`, `tags`, `boilerplate`
//! (cookie notices, copyright lines, ads, and short blocks trimmed around the article).
//!
//! # Measured (trafilatura evaluation set, 990 pages, `tools/bench/clean/run.sh`)
//! Snippet metric P 0.940, R 0.947, F1 0.943 at about 300 pages/s on one core
//! (trafilatura 2.3.1 default: F1 0.921 at 42 to 52 pages/s on the same machine).
//! Per-page errors: `cargo run --release -p corroborate-clean --example eval_clean --
//! --errors`.
#![warn(missing_docs)]

mod depth;
mod flags;
mod html;
mod lines;
mod meta;

use std::sync::LazyLock;

use corroborate_model::{DateValue, FlagEvidence, Problem, Removed, flags as flag_names};
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
    /// Problems met (stage `clean`), e.g. markup nested so deeply that it was flattened
    /// before parsing; never fatal.
    pub problems: Vec<Problem>,
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
    let mut ex = html::extract(html);
    if ex.meta.published.is_none() {
        ex.meta.published = head_date(ex.blocks.iter().flatten().map(String::as_str));
    }
    let mut removed = ex.removed;
    let title = if opts.keep_headline {
        None
    } else {
        ex.meta.title.as_deref()
    };
    let (mut blocks, src, _repeated) =
        lines::filter_blocks_src(ex.blocks, title, &ex.list_items, &mut removed);
    let protect: Vec<bool> = src
        .iter()
        .map(|&i| ex.list_items.get(i).copied().unwrap_or(false))
        .collect();
    trim_tail(&mut blocks, &protect, &mut removed);
    trim_tail_promo(&mut blocks, &mut removed);
    trim_head(
        &mut blocks,
        ex.meta.title.as_deref(),
        !opts.keep_headline,
        &mut removed,
    );
    let text = join_blocks(&blocks);
    let problems = ex
        .flattened
        .map(|f| Problem {
            stage: "clean".to_string(),
            message: format!(
                "markup nested {} levels deep: {} start and end tags deeper than level {} \
                 were removed before parsing (block tags became paragraph breaks), so that \
                 part of the page lost its structure",
                f.max_depth, f.tags, f.limit
            ),
        })
        .into_iter()
        .collect();
    let mut out = Cleaned {
        text,
        removed,
        flags: Vec::new(),
        meta: ex.meta,
        problems,
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
                meta.published = meta::parse_text_date(val).map(|d| {
                    if d.value.len() == 10 {
                        with_utc_clock(val, d)
                    } else {
                        d
                    }
                });
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
    let url_line = head_url(body);
    if meta.url.is_none() {
        meta.url = url_line.clone();
    }
    // Date lines above the story are metadata: the first (not "updated") gives the
    // publication date unless the header gave one, and none stays in the text.
    let (head_published, mut date_lines) = head_dates(body.lines());
    if meta.published.is_none() {
        meta.published = head_published;
    }
    let mut blocks: Vec<Vec<String>> = Vec::new();
    let mut cur: Vec<String> = Vec::new();
    let mut url_dropped = false;
    for line in body.lines() {
        let t = line.trim();
        // The page address a scraper wrote above the article is metadata, not text.
        if !url_dropped && url_line.as_deref() == Some(t) {
            url_dropped = true;
            lines::push_removed(&mut removed, t, "metadata_header");
            continue;
        }
        if let Some(k) = date_lines.iter().position(|l| *l == t) {
            date_lines.remove(k);
            lines::push_removed(&mut removed, t, "metadata_header");
            continue;
        }
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
        problems: Vec::new(),
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

/// Leading lines examined for a publication date or a URL.
const HEAD_LINES: usize = 8;
/// Longest header line (in words) that may give the publication date.
const HEAD_LINE_WORDS: usize = 25;
/// Longest header line (in bytes) examined for a date: header lines are short, and a
/// long unbroken line is never one.
const HEAD_LINE_BYTES: usize = 400;

static PUB_WORD: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(published|posted|updated|modified|date|dated|first published|last updated|created)(?-u:\b)").ok()
});
/// A byline that ends with its date: "By Ada Brenn, posted in Courts on Friday,
/// September 20, 2031.", "Posted by the desk on 3 May 2031".
static BYLINE_TAIL: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(posted|published|filed)\s+(in|by|on)(?-u:\b).*(?-u:\b)(19|20)\d\d\.?$",
    )
    .ok()
});
static UPDATED_WORD: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"(?i)(?-u:\b)(updated|modified|edited)(?-u:\b)").ok());
static DATELINE_HEAD: LazyLock<Option<Regex>> = LazyLock::new(|| {
    // A wire dateline: a place in capitals ("PORTVALE", "NEW YORK, N.Y."), the date,
    // an optional agency in brackets, then a dash.
    Regex::new(r"^\p{Lu}[\p{Lu}.\- ]{2,40}(, ?[\p{L}. ]{1,30})?, (?P<date>[^—–(]{6,30}?)\s*(\([\p{L} ]{1,30}\)\s*)?[—–-]{1,2}\s").ok()
});

/// The publication date written in the first lines of a plain-text article: a header
/// or byline line ("Published: April 10, 2007", "Posted 11/27/2005 7:21 AM",
/// "May 2, 2013 | 5:03pm", "First Published: June 13, 2013 4:59 PM EDT") or a wire
/// dateline opening the first paragraph ("WASHINGTON, Dec. 7, 2009 — ..."). Only dates
/// with a year count. A line with a publishing word (published, posted, updated, ...)
/// may be a sentence of up to 25 words; a line without one must be short (at most 12
/// words) and not end like a sentence, so the first sentence of the story, which may
/// well hold a date, is never taken. "Updated" dates are used only when no other date
/// is found. The scan stops at the first line that reads like body text.
pub(crate) fn head_date<'a>(lines: impl Iterator<Item = &'a str>) -> Option<DateValue> {
    head_dates(lines).0
}

/// [`head_date`], also returning the header lines that hold a date (trimmed), which are
/// metadata rather than text.
pub(crate) fn head_dates<'a>(
    lines: impl Iterator<Item = &'a str>,
) -> (Option<DateValue>, Vec<&'a str>) {
    let mut dated_lines: Vec<&'a str> = Vec::new();
    let mut found: Option<DateValue> = None;
    let mut updated: Option<DateValue> = None;
    for line in lines
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(HEAD_LINES)
    {
        let words = line.split_whitespace().count();
        // A publishing word that opens the line or its label ("Published: ...", "Posted
        // 11/27/2005", "Last updated on: ..."), not one inside a sentence ("the council
        // published its report on March 3").
        let pub_word = line.len() <= HEAD_LINE_BYTES
            && PUB_WORD.as_ref().is_some_and(|r| {
                r.find(line).is_some_and(|m| {
                    line.get(..m.start())
                        .is_some_and(|b| b.split_whitespace().count() <= 2 && !b.contains(','))
                })
            });
        // A short line that is mostly a date ("May 2, 2013 | 5:03pm", "Washington D.C.,
        // Jul 13, 2009/02:00 pm (CNA)"), not a headline that names one ("Quake of 12 May
        // 2008 remembered").
        let date_line = line.len() <= HEAD_LINE_BYTES
            && words <= HEAD_DATE_WORDS
            && date_share(line).is_some_and(|(hits, n)| {
                hits * 10 >= n * 6 && (!lines::ends_sentence(line) || hits * 4 >= n * 3)
            });
        // The publishing word opens the line or follows a short label or a name closed
        // by punctuation ("By Ada Brenn | Posted on ...", "On behalf of X, LLP. posted
        // in ..."): "Mayor Brenn posted on Facebook on ..." and "the video was later
        // posted on ..." are sentences of the story.
        let byline = line.len() <= HEAD_LINE_BYTES
            && words <= HEAD_LINE_WORDS
            && BYLINE_TAIL
                .as_ref()
                .and_then(|r| r.find(line))
                .is_some_and(|m| {
                    let before = line.get(..m.start()).unwrap_or("").trim_end();
                    let low = before.to_lowercase();
                    before.split_whitespace().count() <= 2
                        || low.starts_with("by ")
                        || low.starts_with("on behalf of ")
                        || before.ends_with([',', '.', '|', '-', '–', '—'])
                });
        let header_like = date_line || byline || (pub_word && words <= HEAD_LINE_WORDS);
        // "Posted: 04/9/2031 8:33 am Updated: ...": a labelled line of numeric dates is
        // metadata even when the order of day and month cannot be told
        if pub_word && words <= HEAD_LINE_WORDS && meta::explicit_date_in(line).is_none() {
            static NUMERIC: std::sync::LazyLock<Option<regex::Regex>> =
                std::sync::LazyLock::new(|| regex::Regex::new(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b").ok());
            if NUMERIC.as_ref().is_some_and(|r| r.is_match(line)) {
                dated_lines.push(line);
                continue;
            }
        }
        if header_like && let Some(d) = meta::explicit_date_in(line) {
            dated_lines.push(line);
            if UPDATED_WORD.as_ref().is_some_and(|r| r.is_match(line))
                && !line.to_lowercase().contains("published")
                && !line.to_lowercase().contains("posted")
            {
                updated.get_or_insert(d);
            } else {
                found.get_or_insert(with_utc_clock(line, d));
            }
            continue;
        }
        if found.is_none()
            && let Some(c) = line
                .get(..line.len().min(120))
                .and_then(|head| DATELINE_HEAD.as_ref().and_then(|r| r.captures(head)))
            && let Some(d) = c
                .name("date")
                .filter(|m| mostly_date(m.as_str()))
                .and_then(|m| meta::explicit_date_in(m.as_str()))
        {
            // A dateline opens the story: the date is kept, the paragraph too.
            found = Some(d);
            break;
        }
        if words >= BODY_WORDS && lines::ends_sentence(line) && !pub_word {
            break;
        }
    }
    (found.or(updated), dated_lines)
}

/// A day read off a header line, with the line's first clock time when it is given in
/// GMT or UTC ("PUBLISHED: 02:31 GMT, 12 March 2013" is `2013-03-12T02:31:00Z`): a
/// later stage may need the hour (a page stamped after midnight GMT that says "tonight"
/// was written the evening before, west of Greenwich).
fn with_utc_clock(line: &str, d: DateValue) -> DateValue {
    static CLOCK: LazyLock<Option<Regex>> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(\d{1,2}) ?: ?(\d{2})(?: ?: ?\d{2})?\s*(?:GMT|UTC)(?-u:\b)(\s*[+-]\s*\d)?")
            .ok()
    });
    let Some(day) = d.day().map(str::to_string) else {
        return d;
    };
    // the clock of the part of the line that holds this date ("Published 14 May 2031 |
    // Updated 01:10 GMT, 15 May 2031" has none for the 14th)
    let part = line
        .split('|')
        .flat_map(|p| {
            let low = p.to_ascii_lowercase();
            match low.find("updated") {
                Some(at) => vec![p.get(..at).unwrap_or(""), p.get(at..).unwrap_or("")],
                None => vec![p],
            }
        })
        .find(|p| {
            meta::explicit_date_in(p).and_then(|x| x.day().map(str::to_string)) == Some(day.clone())
        });
    let Some(c) = part.and_then(|p| CLOCK.as_ref().and_then(|r| r.captures(p))) else {
        return d;
    };
    // "02:30 UTC+8" is no UTC clock
    if c.get(3).is_some() {
        return d;
    }
    let num = |k: usize| c.get(k).and_then(|m| m.as_str().parse::<u32>().ok());
    match (num(1), num(2)) {
        (Some(h), Some(m)) if h < 24 && m < 60 => {
            DateValue::new(format!("{day}T{h:02}:{m:02}:00Z"), d.basis)
        }
        _ => d,
    }
}

/// Whether at least 75% of a line's words (besides "on" and "at") are date, weekday,
/// clock or zone words
/// ("on Tuesday, 16 December 2031 13:45."), so that it is a date line even though it
/// ends like a sentence.
fn mostly_date(line: &str) -> bool {
    date_share(line).is_some_and(|(hits, n)| hits * 4 >= n * 3)
}

/// How many of a line's words (besides "on" and "at") are date, weekday, clock or zone
/// words, out of how many: `(hits, words)`, or `None` for a line of no words.
fn date_share(line: &str) -> Option<(usize, usize)> {
    const WORDS: &[&str] = &[
        "am", "pm", "a.m.", "p.m.", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
        "sept", "oct", "nov", "dec", "mon", "tue", "wed", "thu", "fri", "sat", "sun",
    ];
    let mut n = 0usize;
    let mut hits = 0usize;
    for w in line.split_whitespace() {
        let t = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.');
        let low = t.trim_end_matches('.').to_lowercase();
        if matches!(low.as_str(), "on" | "at" | "" | "|" | "-") {
            continue;
        }
        n += 1;
        let word = low.get(..3).is_some_and(|p| WORDS.contains(&p)) && low.len() <= 9
            || WORDS.contains(&low.as_str())
            || low.ends_with("day") && low.len() <= 9;
        let clock = t.chars().any(|c| c.is_ascii_digit());
        let zone = (2..=4).contains(&t.len()) && t.chars().all(|c| c.is_ascii_uppercase());
        if word || clock || zone {
            hits += 1;
        }
    }
    (n > 0).then_some((hits, n))
}

/// A bare `http(s)://` address on one of the first lines of a plain-text article (how
/// many scrapers save a page), with no other words on its line.
pub(crate) fn head_url(body: &str) -> Option<String> {
    body.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(3)
        .find(|l| {
            (l.starts_with("http://") || l.starts_with("https://"))
                && !l.contains(char::is_whitespace)
                && l.len() <= 2048
        })
        .map(str::to_string)
}

/// Words that make a sentence-final line "body text" for the head and tail trims.
const BODY_WORDS: usize = 12;
/// Trailing blocks of full sentences with at least this many words survive the tail trim.
const TAIL_SENTENCE_WORDS: usize = 5;
/// Leading blocks with fewer words than this are trimmed before the first body paragraph.
const HEAD_WORDS: usize = 3;

/// Drops short blocks after the last paragraph that reads like body text (trailing
/// boilerplate: teasers, contact lines, credits).
/// `protect` (aligned with `blocks`, may be shorter) marks blocks that are kept
/// whatever their length (list items and table cells of the article).
fn trim_tail(blocks: &mut Vec<Vec<String>>, protect: &[bool], removed: &mut Vec<Removed>) {
    let k = BODY_WORDS;
    let body_like = |b: &Vec<String>| {
        b.iter()
            .any(|l| lines::ends_sentence(l) && l.split_whitespace().count() >= k)
    };
    let Some(last) = blocks.iter().rposition(body_like) else {
        return;
    };
    let tail: Vec<Vec<String>> = blocks.drain(last + 1..).collect();
    for (j, b) in tail.into_iter().enumerate() {
        if protect.get(last + 1 + j).copied().unwrap_or(false) {
            blocks.push(b);
            continue;
        }
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

static TAIL_BIO: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)^((hallo|hi|hey|hej|servus|moin|hello)(?-u:\b).{0,40}(?-u:\b)(ich bin|i'm|i am|my name is|mein name ist|je suis|soy)(?-u:\b)|(ich bin|i'm|i am|my name is|mein name ist)\s+\p{Lu})|^\p{Lu}\p{Ll}+(\s+(\p{Lu}[\p{L}.-]+|von|van|de|der)){1,3}(,|\s[—–-])?\s*(\([^)]{0,40}\),?\s*)?((ist|is|war|was)\s.{0,80}(?-u:\b)(founder|gründer\w*|professor\w*|autor\w*|author|journalist\w*|redakteur\w*|editor|expert\w*|consultant|berater\w*|fotograf\w*|photographer|writer|reporter\w*|correspondent|korrespondent\w*|blogger\w*|inhaber\w*|owner|ceo|geschäftsführer\w*|rechtsanwalt|rechtsanwältin|lawyer|partner\w*|director|direktor\w*|leiter\w*|head|doktorand\w*|researcher|wissenschaftler\w*|historiker\w*|dozent\w*|lecturer|coach|trainer\w*)(?-u:\b)|(studierte|studied|leitet|lehrt|arbeitet als|works as|schreibt für|writes for|lebt in|lives in)\s)").ok()
});

static TAIL_CTA: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(follow|folgen sie|folge|síguenos|suivez)(?-u:\b).{0,60}(?-u:\b)(twitter|facebook|instagram|linkedin|youtube|telegram|tiktok|whatsapp)|(?-u:\b)(download|herunterladen|lade|descarga)(?-u:\b).{0,60}(?-u:\b)apps?(?-u:\b)|(?-u:\b)apps?(?-u:\b).{0,40}(?-u:\b)(ios|android|google play|app store|itunes)(?-u:\b)|(?-u:\b)(stay up[- ]to[- ]date|never miss|stay informed|be informed|keep up with|bleiben sie informiert|immer informiert)(?-u:\b)|(?-u:\b)(canal|kanal|channel)(?-u:\b).{0,30}(?-u:\b)(youtube|telegram|whatsapp)(?-u:\b)|(?-u:\b)(youtube|telegram|whatsapp)[- ]?(canal|kanal|channel)|(?-u:\b)(sign up|subscribe|abonnieren|suscr[ií]b\w*|inscr[ií]b\w*)(?-u:\b)|(?-u:\b)(wertschätzung|apóyanos|support us|unterstützen sie uns|spenden sie)(?-u:\b)|(?-u:\b)(escr[ií]b\w+|write to us|email us|schreiben sie uns)(?-u:\b).{0,60}(@|(?-u:\b)email(?-u:\b)|(?-u:\b)e-mail(?-u:\b))|(?-u:\b)(to your phone|aufs handy|auf dein smartphone|hier klicken|click here|nichts (mehr )?(verpassen|versäumen)|we need your help|wir brauchen (deine|ihre) (hilfe|unterstützung)|donate|in kontakt treten|kontaktieren sie uns|zapraszamy|subskrypcj\w*)(?-u:\b)|(?-u:\b)jetzt(?-u:\b).{0,40}(?-u:\b)(anmelden|registrieren|abonnieren|bestellen)(?-u:\b)|^(suggested citation|zitiervorschlag|zitierweise|cite this|pour citer)").ok()
});

/// Trailing blocks examined by the promotion / author-bio rule.
const TAIL_PROMO_BLOCKS: usize = 4;
/// Longest trailing block (bytes) the call-to-action rule may drop.
const TAIL_CTA_LEN: usize = 250;
/// Longest trailing block (bytes) the author-bio rule may drop.
const TAIL_BIO_LEN: usize = 1200;

/// Drops author bios and calls to action (apps, social accounts, newsletters,
/// donations) among the last blocks.
fn trim_tail_promo(blocks: &mut Vec<Vec<String>>, removed: &mut Vec<Removed>) {
    let n = blocks.len();
    if n < 2 {
        return;
    }
    let from = n.saturating_sub(TAIL_PROMO_BLOCKS).max(1);
    let mut k = 0usize;
    blocks.retain(|b| {
        let i = k;
        k += 1;
        if i < from {
            return true;
        }
        let t = b.join(" ");
        let bio = t.len() <= TAIL_BIO_LEN && TAIL_BIO.as_ref().is_some_and(|r| r.is_match(&t));
        let cta = t.len() <= TAIL_CTA_LEN && TAIL_CTA.as_ref().is_some_and(|r| r.is_match(&t));
        if bio || cta {
            lines::push_removed(removed, &t, if bio { "author_bio" } else { "share_prompt" });
            return false;
        }
        true
    });
}

static DATE_LINE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)^[\p{L}., ]{0,20}\d{1,4}[./ -]+(\d{1,2}|\p{L}{3,10})[./ -]+\d{2,4}([ ,|-]+\d{1,2}[:.]\d{2}( ?(uhr|am|pm|h))?)?$|^\d{1,2}:\d{2}( ?(uhr|am|pm|h))?$").ok()
});

static DATE_IN: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\d{4}-\d{2}-\d{2}|(^|[^\d])\d{1,2}\.\s?\d{1,2}\.\s?(\d{4}|\d{2}($|[^\d]))|\d{1,2}\.?\s+\p{L}{3,10}\.?,?\s+\d{4}|\p{L}{3,10}\.?\s+\d{1,2}(st|nd|rd|th)?,\s+\d{4}|(^|\s)\d{1,2}:\d{2}($|\s)").ok()
});

/// Most words in a leading block that is dropped for holding a date (datelines,
/// "by X, date, reading time" lines).
const HEAD_DATE_WORDS: usize = 12;

/// Drops very short blocks (dates, names, labels) before the first paragraph that
/// reads like body text; the headline is kept.
///
/// With `drop_title`, a leading block that nearly repeats the title (the title behind
/// a breadcrumb, a shortened or lengthened headline) is removed as `repeated_headline`.
fn trim_head(
    blocks: &mut Vec<Vec<String>>,
    title: Option<&str>,
    drop_title: bool,
    removed: &mut Vec<Removed>,
) {
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
            let date = DATE_LINE.as_ref().is_some_and(|r| r.is_match(&t))
                || (t.split_whitespace().count() <= HEAD_DATE_WORDS
                    && DATE_IN.as_ref().is_some_and(|r| r.is_match(&t)));
            if drop_title
                && !is_title
                && nt
                    .as_deref()
                    .is_some_and(|nt| near_title(&lines::norm_title(&t), nt))
            {
                lines::push_removed(removed, &t, "repeated_headline");
                continue;
            }
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

/// Share of a block's words that must occur in the title for [`near_title`].
const NEAR_TITLE_SHARE: f32 = 0.8;

/// Whether normalised block `b` nearly repeats normalised title `t`: one holds the
/// other (breadcrumb + title, title + site name), or most of the block's words are
/// title words and the block is not much longer than the title. Blocks under three
/// words never match.
fn near_title(b: &str, t: &str) -> bool {
    let bw: Vec<&str> = b.split_whitespace().collect();
    let tw: Vec<&str> = t.split_whitespace().collect();
    if bw.len() < 3 || tw.len() < 3 {
        return false;
    }
    if b.ends_with(t) || b.starts_with(t) || t.contains(b) {
        return bw.len() <= tw.len() + 6;
    }
    let strip = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
    let tset: std::collections::HashSet<String> = tw.iter().map(|w| strip(w)).collect();
    let hits = bw.iter().filter(|w| tset.contains(&strip(w))).count();
    hits as f32 >= NEAR_TITLE_SHARE * bw.len() as f32 && bw.len() <= tw.len() + 3
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
