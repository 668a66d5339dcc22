//! Guard against pathologically deep markup, applied before the one HTML parse.
//!
//! html5ever checks element scopes by walking the stack of open elements, so each start
//! tag costs time proportional to the current nesting depth: a page of 120,000 nested
//! `<div>`s (600 KB) took 33 s, and at the 32 MB document limit such a page is a hang.
//! [`guard`] measures the nesting with a byte scan (no parse: tags, comments and
//! raw-text elements are recognised, attribute values may hold `>`), and when the page
//! is too deep, or deep structure is repeated so often that the scope walks add up,
//! rewrites it so that the parser sees a shallow tree: start and end tags below the
//! chosen depth are removed, block-level ones replaced by `<p>` so that their text
//! stays in separate paragraphs. Ordinary pages (depth well under 100) are returned
//! unchanged.
//!
//! The depth model follows the parser loosely: void elements, elements whose end tag
//! the parser implies (`p`, `li`, `td`, `option`, ...), `html`/`head`/`body` and
//! raw-text elements (`script`, `style`, `textarea`, ...) do not nest; `/>` closes an
//! element only inside `<svg>`/`<math>`.

use std::borrow::Cow;

/// Deepest nesting kept. Timing (`examples/deep_nesting.rs`, release build): a page
/// climbing to 2,000 levels and back costs html5ever about 0.5 s per MB of such markup,
/// while one 2,000-level page parses in about 10 ms; beyond a few thousand levels the
/// cost per start tag alone is tens of microseconds. Browsers stop nesting earlier still
/// (Chromium's parser at 512 levels), so no real page loses structure at 2,000.
pub(crate) const MAX_DEPTH: usize = 2000;

/// Most scope-walk work (sum over start tags of the depth they open at) allowed before
/// the page is flattened to a lower depth; about 0.5 s of html5ever time. The 1,033
/// pages of the trafilatura evaluation set reach at most depth 42 and work 55,000
/// (test `evaluation_pages_are_not_flattened`).
const WORK_BUDGET: u64 = 100_000_000;

/// Lowest depth the work budget may flatten to.
const MIN_DEPTH: usize = 64;

/// What [`guard`] did to a page that was too deep.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Flattened {
    /// Deepest nesting found by the scan.
    pub max_depth: usize,
    /// Depth kept.
    pub limit: usize,
    /// Start and end tags removed or replaced.
    pub tags: usize,
}

/// Returns the page unchanged when its nesting is harmless, or a flattened copy and
/// what was done.
pub(crate) fn guard(html: &str) -> (Cow<'_, str>, Option<Flattened>) {
    let scan = scan(html);
    let Some(limit) = scan.limit() else {
        return (Cow::Borrowed(html), None);
    };
    let (out, tags) = flatten(html, limit);
    let info = Flattened {
        max_depth: scan.max_depth,
        limit,
        tags,
    };
    (Cow::Owned(out), Some(info))
}

/// Kind of a markup token found by [`Tags`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TagKind {
    /// `<name ...>`.
    Open,
    /// `<name .../>`.
    SelfClosing,
    /// `</name ...>`.
    Close,
    /// Comment, doctype, processing instruction, CDATA.
    Other,
}

/// One token of markup: bytes `start..end` of the input, with the tag name.
#[derive(Debug, Clone, Copy)]
struct Tag<'a> {
    start: usize,
    end: usize,
    name: &'a str,
    kind: TagKind,
    class: Class,
}

/// Iterator over the tags of a page, skipping the contents of raw-text elements.
struct Tags<'a> {
    html: &'a str,
    pos: usize,
    /// Set after the start tag of a raw-text element: its name, so that the next token
    /// is its end tag.
    raw: Option<&'a str>,
}

impl<'a> Tags<'a> {
    fn new(html: &'a str) -> Self {
        Tags {
            html,
            pos: 0,
            raw: None,
        }
    }

    /// Byte offset after the first `needle` (ASCII) at or after `from`, or the end.
    fn after(&self, from: usize, needle: &str) -> usize {
        self.html
            .get(from..)
            .and_then(|r| r.find(needle))
            .map_or(self.html.len(), |i| from + i + needle.len())
    }

    /// Offset of the end tag `</name` (ASCII case-insensitive) at or after `from`.
    fn raw_end(&self, from: usize, name: &str) -> Option<usize> {
        let b = self.html.as_bytes();
        let mut i = from;
        while let Some(off) = self.html.get(i..).and_then(|r| r.find("</")) {
            let at = i + off;
            let n = b.get(at + 2..at + 2 + name.len())?;
            let next = b.get(at + 2 + name.len()).copied();
            if n.eq_ignore_ascii_case(name.as_bytes())
                && next.is_none_or(|c| c.is_ascii_whitespace() || c == b'>' || c == b'/')
            {
                return Some(at);
            }
            i = at + 2;
        }
        None
    }
}

impl<'a> Iterator for Tags<'a> {
    type Item = Tag<'a>;

    fn next(&mut self) -> Option<Tag<'a>> {
        let b = self.html.as_bytes();
        if let Some(name) = self.raw.take() {
            match self.raw_end(self.pos, name) {
                Some(at) => self.pos = at,
                None => {
                    self.pos = b.len();
                    return None;
                }
            }
        }
        loop {
            let start = self.pos + self.html.get(self.pos..)?.find('<')?;
            let first = b.get(start + 1).copied();
            match first {
                Some(b'!') => {
                    let end = if b.get(start + 2..start + 4) == Some(b"--") {
                        self.after(start + 4, "-->")
                    } else {
                        self.after(start + 2, ">")
                    };
                    self.pos = end;
                    return Some(Tag {
                        start,
                        end,
                        name: "",
                        kind: TagKind::Other,
                        class: Class::Flat,
                    });
                }
                Some(b'?') => {
                    let end = self.after(start + 2, ">");
                    self.pos = end;
                    return Some(Tag {
                        start,
                        end,
                        name: "",
                        kind: TagKind::Other,
                        class: Class::Flat,
                    });
                }
                Some(b'/') if b.get(start + 2).is_some_and(u8::is_ascii_alphabetic) => {
                    let (name, end, _) = self.tag_rest(start + 2);
                    self.pos = end;
                    return Some(Tag {
                        start,
                        end,
                        name,
                        kind: TagKind::Close,
                        class: classify(name),
                    });
                }
                Some(c) if c.is_ascii_alphabetic() => {
                    let (name, end, self_closing) = self.tag_rest(start + 1);
                    self.pos = end;
                    let class = classify(name);
                    if class == Class::RawText {
                        self.raw = Some(name);
                    }
                    let kind = if self_closing {
                        TagKind::SelfClosing
                    } else {
                        TagKind::Open
                    };
                    return Some(Tag {
                        start,
                        end,
                        name,
                        kind,
                        class,
                    });
                }
                // A lone '<' in text.
                _ => self.pos = start + 1,
            }
        }
    }
}

impl<'a> Tags<'a> {
    /// From the first byte of a tag name: the name, the offset after the closing `>`
    /// (quoted attribute values may hold `>`), and whether the tag ends with `/>`.
    fn tag_rest(&self, from: usize) -> (&'a str, usize, bool) {
        let b = self.html.as_bytes();
        let mut i = from;
        while b
            .get(i)
            .is_some_and(|&c| !c.is_ascii_whitespace() && c != b'/' && c != b'>')
        {
            i += 1;
        }
        // Tag names are ASCII up to here, or end before a multi-byte character's
        // first byte; `get` keeps this safe either way.
        let name = self.html.get(from..i).unwrap_or("");
        let mut last = 0u8;
        while let Some(&c) = b.get(i) {
            match c {
                b'>' => return (name, i + 1, last == b'/'),
                b'"' | b'\'' if last == b'=' => {
                    // A quoted attribute value: jump to its closing quote.
                    let quote = if c == b'"' { "\"" } else { "'" };
                    match self.html.get(i + 1..).and_then(|r| r.find(quote)) {
                        Some(off) => i += 1 + off,
                        None => return (name, b.len(), false),
                    }
                }
                _ => {}
            }
            if !c.is_ascii_whitespace() {
                last = c;
            }
            i += 1;
        }
        (name, b.len(), false)
    }
}

/// How an element takes part in the nesting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Holds other elements.
    Nests,
    /// Never holds others on the parser's stack for long: void elements, elements
    /// whose end tag is implied by the next sibling, the document skeleton.
    Flat,
    /// Raw text up to its end tag (html5ever with scripting on); flat as well.
    RawText,
    /// `<svg>`/`<math>`: opens foreign content, where `/>` closes elements.
    Foreign,
}

/// The class of a tag name (ASCII case-insensitive).
fn classify(name: &str) -> Class {
    let mut buf = [0u8; 10];
    let Some(dst) = buf.get_mut(..name.len()) else {
        return Class::Nests;
    };
    dst.copy_from_slice(name.as_bytes());
    dst.make_ascii_lowercase();
    match &*dst {
        b"script" | b"style" | b"textarea" | b"title" | b"xmp" | b"iframe" | b"noembed"
        | b"noframes" | b"noscript" | b"plaintext" => Class::RawText,
        b"area" | b"base" | b"br" | b"col" | b"embed" | b"hr" | b"img" | b"input" | b"link"
        | b"meta" | b"param" | b"source" | b"track" | b"wbr" | b"keygen" | b"basefont"
        | b"bgsound" | b"frame" | b"image" | b"p" | b"li" | b"dt" | b"dd" | b"option"
        | b"optgroup" | b"tr" | b"td" | b"th" | b"thead" | b"tbody" | b"tfoot" | b"rb" | b"rt"
        | b"rtc" | b"rp" | b"colgroup" | b"html" | b"head" | b"body" => Class::Flat,
        b"svg" | b"math" => Class::Foreign,
        _ => Class::Nests,
    }
}

/// What a tag does to the nesting depth.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Effect {
    None,
    Push,
    Pop,
}

/// Nesting state while walking the tags.
#[derive(Debug, Default)]
struct Nesting {
    depth: usize,
    /// Open `<svg>`/`<math>` elements.
    foreign: usize,
}

impl Nesting {
    /// Applies one tag; returns its effect.
    fn apply(&mut self, tag: &Tag<'_>) -> Effect {
        let effect = match tag.kind {
            TagKind::Other => Effect::None,
            _ if matches!(tag.class, Class::Flat | Class::RawText) => Effect::None,
            TagKind::SelfClosing if self.foreign > 0 => Effect::None,
            TagKind::Open | TagKind::SelfClosing => Effect::Push,
            TagKind::Close if self.depth > 0 => Effect::Pop,
            TagKind::Close => Effect::None,
        };
        let foreign = tag.class == Class::Foreign;
        match effect {
            Effect::Push => {
                self.depth += 1;
                if foreign {
                    self.foreign += 1;
                }
            }
            Effect::Pop => {
                self.depth -= 1;
                if foreign {
                    self.foreign = self.foreign.saturating_sub(1);
                }
            }
            Effect::None => {}
        }
        effect
    }
}

/// Result of the depth scan.
#[derive(Debug, Default)]
struct Scan {
    max_depth: usize,
    /// `pushes_at[d]`: start tags that opened at depth `d` (1-based; the last slot
    /// counts every depth beyond [`MAX_DEPTH`]).
    pushes_at: Vec<u64>,
    /// Sum over start tags of the depth they opened at.
    work: u64,
}

impl Scan {
    /// The depth to flatten to, or `None` when the page can be parsed as it is.
    fn limit(&self) -> Option<usize> {
        if self.max_depth <= MAX_DEPTH && self.work <= WORK_BUDGET {
            return None;
        }
        // work(L) = sum over start tags of min(depth, L) = sum for l in 1..=L of the
        // start tags opened at depth l or deeper; the deepest L within the budget. An
        // upper bound of the work left after flattening: a removed tag is counted at
        // depth L, as the `<p>` replacing a block tag walks at most L levels.
        let mut deeper: u64 = self.pushes_at.iter().sum();
        let mut work = 0u64;
        let mut limit = 0usize;
        for l in 1..=MAX_DEPTH {
            let shallower = self.pushes_at.get(l - 1).copied().unwrap_or(0);
            deeper = deeper.saturating_sub(shallower);
            work = work.saturating_add(deeper);
            if work > WORK_BUDGET {
                break;
            }
            limit = l;
        }
        Some(limit.clamp(MIN_DEPTH, MAX_DEPTH))
    }
}

/// Measures the nesting of a page.
fn scan(html: &str) -> Scan {
    let mut nesting = Nesting::default();
    let mut s = Scan {
        pushes_at: vec![0; MAX_DEPTH + 2],
        ..Scan::default()
    };
    for tag in Tags::new(html) {
        if nesting.apply(&tag) == Effect::Push {
            let d = nesting.depth;
            s.max_depth = s.max_depth.max(d);
            s.work = s.work.saturating_add(d as u64);
            let slot = d.min(MAX_DEPTH + 1);
            if let Some(c) = s.pushes_at.get_mut(slot) {
                *c += 1;
            }
        }
    }
    s
}

/// Copies the page without the start and end tags nested deeper than `limit`:
/// block-level ones become `<p>`, others vanish, and `<svg>`/`<math>` elements opened
/// beyond the limit are dropped whole. Returns the markup and how many tags changed.
fn flatten(html: &str, limit: usize) -> (String, usize) {
    let mut out = String::with_capacity(html.len());
    let mut nesting = Nesting::default();
    let mut copied = 0usize;
    let mut changed = 0usize;
    // While dropping a deep foreign subtree: the foreign level it was opened at.
    let mut skip_foreign: Option<usize> = None;
    for tag in Tags::new(html) {
        let depth_before = nesting.depth;
        let foreign_before = nesting.foreign;
        let effect = nesting.apply(&tag);
        if let Some(level) = skip_foreign {
            // Inside a dropped `<svg>`/`<math>`: drop everything up to its end tag.
            copied = tag.end;
            if nesting.foreign < level {
                skip_foreign = None;
            }
            continue;
        }
        let deep = match effect {
            Effect::Push => nesting.depth > limit,
            Effect::Pop => depth_before > limit,
            Effect::None => false,
        };
        if !deep {
            continue;
        }
        out.push_str(html.get(copied..tag.start).unwrap_or(""));
        copied = tag.end;
        changed += 1;
        if effect == Effect::Push && nesting.foreign > foreign_before {
            skip_foreign = Some(nesting.foreign);
            continue;
        }
        if foreign_before == 0 && crate::html::is_block(&tag.name.to_ascii_lowercase()) {
            out.push_str("<p>");
        }
    }
    out.push_str(html.get(copied..).unwrap_or(""));
    (out, changed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn depth(html: &str) -> usize {
        scan(html).max_depth
    }

    #[test]
    fn depth_follows_the_parser_loosely() {
        assert_eq!(depth("<html><body><p>a<p>b</body></html>"), 0);
        assert_eq!(depth("<div><div><span>x</span></div></div>"), 3);
        // Void elements, implied ends, comments, raw text and quoted '>' do not nest.
        assert_eq!(
            depth("<div><br><img src=x><li>a<li>b<!-- <div><div> --></div>"),
            1
        );
        assert_eq!(depth("<div title=\"a>b<div>\">x</div>"), 1);
        assert_eq!(
            depth("<script>var s = '<div><div><div>';</script><div></div>"),
            1
        );
        assert_eq!(depth("<SCRIPT>'<div>'</Script ><DIV><Div></div></DIV>"), 2);
        // `/>` closes only in foreign content.
        assert_eq!(depth("<svg><path/><path/><g><path/></g></svg>"), 2);
        assert_eq!(depth("<div/><div/><div/>"), 3);
        // Stray end tags never go below zero; a lone '<' is text.
        assert_eq!(depth("</div></div><div>a < b</div>"), 1);
        // Unterminated constructs end the scan without panicking.
        assert_eq!(depth("<div><!-- never closed"), 1);
        assert_eq!(depth("<div><script>never closed"), 1);
        assert_eq!(depth("<div class=\"x"), 1);
        assert_eq!(depth("<é><</"), 0);
    }

    #[test]
    fn shallow_pages_are_untouched() {
        let page = "<html><body><div><p>One.</p><div><p>Two.</p></div></div></body></html>";
        let (out, info) = guard(page);
        assert!(matches!(out, Cow::Borrowed(_)));
        assert!(info.is_none());
    }

    #[test]
    fn deep_pages_are_flattened_to_the_limit() {
        let n = MAX_DEPTH * 3;
        let page = format!(
            "<body>{}<p>Deep text.</p>{}<p>After.</p></body>",
            "<div>".repeat(n),
            "</div>".repeat(n)
        );
        let (out, info) = guard(&page);
        let Some(info) = info else {
            panic!("not flattened")
        };
        assert_eq!(info.max_depth, n);
        assert!(info.limit <= MAX_DEPTH);
        assert_eq!(depth(&out), info.limit);
        assert!(out.contains("<p>Deep text.</p>"));
        assert!(out.contains("<p>After.</p>"));
    }

    #[test]
    fn repeated_deep_structure_is_flattened_by_the_work_budget() {
        let tooth = format!(
            "{}<p>Text.</p>{}",
            "<div>".repeat(1000),
            "</div>".repeat(1000)
        );
        let page = tooth.repeat(250);
        let s = scan(&page);
        assert_eq!(s.max_depth, 1000);
        assert!(s.work > WORK_BUDGET);
        let Some(limit) = s.limit() else {
            panic!("no limit")
        };
        assert!((MIN_DEPTH..1000).contains(&limit), "{limit}");
        let (out, _) = flatten(&page, limit);
        let after = scan(&out);
        assert!(after.work <= WORK_BUDGET || limit == MIN_DEPTH);
        assert_eq!(out.matches("<p>Text.</p>").count(), 250);
    }

    #[test]
    fn deep_foreign_content_is_dropped_whole() {
        let page = format!(
            "<div>{}<svg><g><path/><text>label</text></g></svg>kept{}</div>",
            "<span>".repeat(10),
            "</span>".repeat(10)
        );
        let (out, n) = flatten(&page, 5);
        assert!(!out.contains("svg") && !out.contains("label"), "{out}");
        assert!(out.contains("kept"));
        assert!(n > 0);
        assert_eq!(depth(&out), 5);
    }

    #[test]
    fn evaluation_pages_are_not_flattened() {
        // Real pages, when the shared data is present (a fresh clone has none).
        let dir = std::path::Path::new("/work/shared/data/cleaning/trafilatura-eval");
        let mut pages = 0usize;
        let (mut deepest, mut most_work) = (0usize, 0u64);
        let (mut scan_time, mut bytes) = (std::time::Duration::ZERO, 0usize);
        for sub in ["cache", "eval"] {
            let Ok(rd) = std::fs::read_dir(dir.join(sub)) else {
                continue;
            };
            for e in rd.flatten() {
                let Ok(b) = std::fs::read(e.path()) else {
                    continue;
                };
                let page = String::from_utf8_lossy(&b);
                let t = std::time::Instant::now();
                let s = scan(&page);
                scan_time += t.elapsed();
                bytes += page.len();
                assert_eq!(s.limit(), None, "{:?}", e.path());
                deepest = deepest.max(s.max_depth);
                most_work = most_work.max(s.work);
                pages += 1;
            }
        }
        if pages == 0 {
            eprintln!("evaluation pages absent ({}): skipped", dir.display());
        } else {
            eprintln!(
                "{pages} pages ({bytes} bytes): deepest {deepest}, most work {most_work}, \
                 scan time {scan_time:?}"
            );
        }
    }

    /// The page's text outside tags (raw-text contents included).
    fn text_of(html: &str) -> String {
        let mut out = String::new();
        let mut pos = 0;
        for t in Tags::new(html) {
            out.push_str(html.get(pos..t.start).unwrap_or(""));
            pos = t.end;
        }
        out.push_str(html.get(pos..).unwrap_or(""));
        out
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]

        #[test]
        fn flattening_bounds_depth_and_keeps_text(
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::strategy::Just("<div>"),
                    proptest::strategy::Just("</div>"),
                    proptest::strategy::Just("<span class='a>b'>"),
                    proptest::strategy::Just("</span>"),
                    proptest::strategy::Just("<DIV id=x>"),
                    proptest::strategy::Just("<p>"),
                    proptest::strategy::Just("<br/>"),
                    proptest::strategy::Just("<li>"),
                    proptest::strategy::Just("<section/>"),
                    proptest::strategy::Just("<!-- <div> -->"),
                    proptest::strategy::Just("<script>'<div>'</script>"),
                    proptest::strategy::Just("Straße — “x” "),
                    proptest::strategy::Just("a < b "),
                    proptest::strategy::Just("é"),
                ],
                0..80,
            ),
            limit in 1usize..6,
        ) {
            let html = parts.concat();
            let (out, _) = flatten(&html, limit);
            proptest::prop_assert!(scan(&out).max_depth <= limit, "{out}");
            // Only tags change: the text is kept whole, in order.
            proptest::prop_assert_eq!(text_of(&out), text_of(&html));
            if scan(&html).max_depth <= limit {
                proptest::prop_assert_eq!(out, html);
            }
        }
    }
}
