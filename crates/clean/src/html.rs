//! Main-text extraction from HTML: one parse, one flat arena, container scoring.
//!
//! Steps: the scraper tree is flattened into a pre-order arena (skipping scripts,
//! styles and other non-text elements) while metadata is collected; subtree
//! statistics (characters, link characters, punctuation) are summed bottom-up;
//! boilerplate subtrees are dropped from their tag and class/id tokens (unless they
//! hold most of the page's paragraph text); every block's own text counts as good
//! (sentence-like, few links) or bad (links, short fragments) mass; the element
//! maximising `good - LAMBDA * bad` wins, and the selection descends into a child
//! holding nearly all of its good mass; the chosen subtree is walked in order to
//! emit blocks (skipping dropped subtrees, link lists, linked headings and short
//! all-link blocks), preceded by lead paragraphs (standfirst, abstract) that the
//! page keeps in a header next to the container. `<noscript>` copies of an article
//! are read as markup. Each block records whether it is a list item or table cell
//! with few links, so that the text-level trims keep short spec lines and
//! ingredients.

use corroborate_model::{DateBasis, Removed};
use ego_tree::NodeRef;
use scraper::{Html, Node};
use serde_json::Value;

use crate::PageMeta;
use crate::lines::push_removed;
use crate::meta::{parse_iso_date, strip_site_suffix};

const NONE: u32 = u32::MAX;

/// Boilerplate reasons attached to arena nodes (index into [`REASONS`]).
const REASONS: &[&str] = &[
    "",
    "navigation",
    "comments",
    "share_prompt",
    "related_links",
    "newsletter",
    "boilerplate",
    "byline",
    "author_bio",
    "credit",
    "membership",
];
const R_NAV: u8 = 1;
const R_COMMENTS: u8 = 2;
const R_SHARE: u8 = 3;
const R_RELATED: u8 = 4;
const R_NEWSLETTER: u8 = 5;
const R_BOILER: u8 = 6;
const R_BYLINE: u8 = 7;
const R_BIO: u8 = 8;
const R_CREDIT: u8 = 9;
const R_MEMBER: u8 = 10;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Elem,
}

struct N<'a> {
    kind: Kind,
    name: &'a str,
    text: &'a str,
    /// Class and id, for diagnostics.
    class: &'a str,
    /// Block-level element.
    block: bool,
    parent: u32,
    end: u32,
    /// Boilerplate reason from tag/class/id (0 = none).
    hint: u8,
    /// Positive (+1) / negative (-1) content class hint.
    class_weight: i8,
    /// Whether the node is dropped (hint confirmed).
    dropped: bool,
    /// Whether the subtree holds a content-marked element with real text.
    content_desc: bool,
    chars: u32,
    link_chars: u32,
    punct: u32,
    own_chars: u32,
    own_link: u32,
    own_punct: u32,
}

impl<'a> N<'a> {
    /// A node before counting: not dropped, no counts yet.
    fn new(kind: Kind, name: &'a str, text: &'a str, parent: u32, end: u32) -> Self {
        N {
            kind,
            name,
            text,
            class: "",
            block: false,
            parent,
            end,
            hint: 0,
            class_weight: 0,
            dropped: false,
            content_desc: false,
            chars: 0,
            link_chars: 0,
            punct: 0,
            own_chars: 0,
            own_link: 0,
            own_punct: 0,
        }
    }
}

/// Block-level element (lower-case name).
pub(crate) fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "td"
            | "th"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dd"
            | "dt"
            | "blockquote"
            | "pre"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "table"
            | "tr"
            | "tbody"
            | "thead"
            | "tfoot"
            | "caption"
            | "form"
            | "header"
            | "footer"
            | "nav"
            | "aside"
            | "figure"
            | "figcaption"
            | "hr"
            | "center"
            | "address"
            | "details"
            | "summary"
            | "body"
            | "html"
            | "fieldset"
            | "legend"
            | "menu"
    )
}

fn skipped_tag(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "math"
            | "iframe"
            | "select"
            | "option"
            | "button"
            | "input"
            | "textarea"
            | "canvas"
            | "object"
            | "embed"
            | "video"
            | "audio"
            | "map"
            | "link"
            | "meta"
            | "title"
            | "base"
            | "img"
            | "picture"
            | "source"
            | "label"
            | "dialog"
    )
}

/// Boilerplate reason from one class/id token (lower-case ASCII). `whole` is false
/// for a part of a compound token (`post-share-buttons` -> `share`): only strong
/// hints count there.
fn token_hint(t: &str, whole: bool) -> u8 {
    if t.is_empty() {
        return 0;
    }
    if (t.contains("comment") && !t.contains("commentary"))
        || t.contains("disqus")
        || (whole && (t == "respond" || t == "replies"))
    {
        return R_COMMENTS;
    }
    if t.contains("share") || t.contains("sharing") || t.contains("social") || t == "sociable" {
        return R_SHARE;
    }
    if t.contains("related")
        || t.contains("recommend")
        || t.contains("outbrain")
        || t.contains("taboola")
        || (whole
            && (t == "more"
                || t == "teaser"
                || t == "teasers"
                || t == "read-more"
                || t == "readmore"))
    {
        return R_RELATED;
    }
    if t.contains("newsletter") || t.contains("subscribe") || (whole && t == "signup") {
        return R_NEWSLETTER;
    }
    if t == "nav"
        || t == "navbar"
        || t == "navigation"
        || t.contains("breadcrumb")
        || t == "menu"
        || t == "mainmenu"
        || t == "submenu"
        || t == "pagination"
        || t == "pager"
        || (whole && (t == "toc" || t == "skip" || t.starts_with("menu")))
    {
        return R_NAV;
    }
    if t.contains("byline")
        || (whole
            && (t == "author"
                || t == "meta"
                || t == "postmeta"
                || t == "post-meta"
                || t == "entry-meta"
                || t == "dateline"))
    {
        return R_BYLINE;
    }
    if (t.contains("bio") && t.contains("author"))
        || t == "about-author"
        || t == "authorbox"
        || (whole && t == "bio")
    {
        return R_BIO;
    }
    if whole && (t.contains("credit") || t.contains("copyright")) {
        return R_CREDIT;
    }
    if whole
        && matches!(
            t,
            "caption"
                | "wp-caption-text"
                | "image-caption"
                | "img-caption"
                | "photo-caption"
                | "figure-caption"
                | "caption-text"
                | "media-caption"
                | "bildunterschrift"
        )
    {
        return R_CREDIT;
    }
    if t.contains("paywall") || t.contains("membership") || (whole && t.contains("donat")) {
        return R_MEMBER;
    }
    if t.contains("cookie")
        || t.contains("consent")
        || t.contains("gdpr")
        || t.contains("sidebar")
        || t.contains("footer")
        || (whole && t == "widget")
        || t == "advert"
        || t == "advertisement"
        || t == "adsense"
        || t.contains("sponsor")
        || t.contains("promo")
        || (whole
            && (t.starts_with("widget")
                || t == "textwidget"
                || t == "ad"
                || t == "ads"
                || t.starts_with("ad-")
                || t.starts_with("ads-")
                || t.starts_with("advert")
                || t.starts_with("banner-")
                || t.starts_with("banner_")
                || t.ends_with("banner")
                || t == "banners"
                || t == "tags"
                || t == "tag-list"
                || t == "taglist"
                || t == "tagcloud"
                || t.contains("popup")
                || t.contains("modal")
                || t == "print"
                || t == "d-none"
                || t == "sr-only"
                || t == "visually-hidden"
                || t == "masthead"
                || t.contains("overlay")))
    {
        return R_BOILER;
    }
    0
}

fn strong_token(t: &str) -> bool {
    matches!(
        t,
        "articlebody"
            | "article-body"
            | "article_body"
            | "article-content"
            | "article__body"
            | "article__content"
            | "articletext"
            | "article-text"
            | "entry-content"
            | "entry-body"
            | "post-content"
            | "post-body"
            | "post-entry"
            | "postbody"
            | "post-text"
            | "story-body"
            | "story-content"
            | "storycontent"
            | "main-content"
            | "maincontent"
            | "content-body"
            | "body-text"
            | "bodytext"
            | "text-content"
            | "hentry"
            | "single-post"
            | "the-content"
            | "the_content"
            | "article-body-text"
            | "articlecontent"
            | "post_content"
            | "entry_content"
    )
}

fn positive_token(t: &str) -> bool {
    strong_token(t)
        || matches!(
            t,
            "article"
                | "body"
                | "content"
                | "entry"
                | "main"
                | "page"
                | "post"
                | "text"
                | "blog"
                | "story"
        )
        || (!t.contains("widget")
            && (t.contains("article")
                || t.contains("content")
                || t.contains("entry")
                || t.contains("story")))
}

/// Class/id hints of an element: (boilerplate reason, class weight).
/// The attributes the extractor looks at, read in one pass.
#[derive(Default)]
struct Attrs<'a> {
    class: Option<&'a str>,
    id: Option<&'a str>,
    role: Option<&'a str>,
    hidden: bool,
    style: Option<&'a str>,
    itemprop: Option<&'a str>,
}

fn read_attrs(el: &scraper::node::Element) -> Attrs<'_> {
    let mut a = Attrs::default();
    for (name, value) in el.attrs() {
        match name {
            "class" => a.class = Some(value),
            "id" => a.id = Some(value),
            "role" => a.role = Some(value),
            "hidden" => a.hidden = true,
            "aria-hidden" => a.hidden |= value == "true",
            "style" => a.style = Some(value),
            "itemprop" => a.itemprop = Some(value),
            _ => {}
        }
    }
    a
}

/// Memo of class/id hints within one page (class strings repeat a lot).
type HintCache<'a> = std::collections::HashMap<(&'a str, &'a str), (u8, i8)>;

fn attr_hints<'a>(el: &Attrs<'a>, buf: &mut String, cache: &mut HintCache<'a>) -> (u8, i8) {
    if let Some(r) = el.role {
        match r {
            "navigation" | "menu" | "menubar" => return (R_NAV, -1),
            "complementary" | "banner" | "contentinfo" | "dialog" | "alertdialog" => {
                return (R_BOILER, -1);
            }
            "main" | "article" => return (0, 1),
            _ => {}
        }
    }
    if el.hidden {
        return (R_BOILER, -1);
    }
    if el
        .itemprop
        .is_some_and(|v| v.eq_ignore_ascii_case("articleBody"))
    {
        return (0, 2);
    }
    if let Some(style) = el.style
        && (style.contains("none") || style.contains("hidden"))
    {
        let s = style.replace(' ', "");
        if s.contains("display:none") || s.contains("visibility:hidden") {
            return (R_BOILER, -1);
        }
    }
    let key = (el.class.unwrap_or(""), el.id.unwrap_or(""));
    if key.0.is_empty() && key.1.is_empty() {
        return (0, 0);
    }
    if let Some(&h) = cache.get(&key) {
        return h;
    }
    let h = class_hints(key.0, key.1, buf);
    cache.insert(key, h);
    h
}

/// Hints from the class and id tokens.
fn class_hints(class: &str, id: &str, buf: &mut String) -> (u8, i8) {
    buf.clear();
    buf.push_str(class);
    buf.push(' ');
    buf.push_str(id);
    buf.make_ascii_lowercase();
    let mut hint = 0u8;
    let mut weight = 0i8;
    // Whole attribute first, then tokens split on separators.
    for tok in buf.split(|c: char| c.is_whitespace()) {
        if tok.is_empty() {
            continue;
        }
        let h = token_hint(tok, true);
        let h = if h == 0 {
            tok.split(['-', '_', ':'])
                .map(|p| token_hint(p, false))
                .find(|&h| h != 0)
                .unwrap_or(0)
        } else {
            h
        };
        if h != 0 && hint == 0 {
            hint = h;
        }
        if strong_token(tok) {
            weight = 2;
        } else if positive_token(tok) {
            weight = weight.max(1);
        }
    }
    if hint == R_BOILER && weight > 1 {
        // "post-content elementor-widget": the content marker wins over a weak hint.
        return (0, 1);
    }
    if hint != 0 {
        weight = -1;
    }
    (hint, weight)
}

/// Metadata gathered during the walk.
#[derive(Default)]
struct MetaAcc {
    og_title: Option<String>,
    title_tag: Option<String>,
    h1: Option<String>,
    canonical: Option<String>,
    og_url: Option<String>,
    site_name: Option<String>,
    ld_publisher: Option<String>,
    published_meta: Option<String>,
    ld_date: Option<String>,
    time_dt: Option<String>,
    itemprop_date: Option<String>,
    author_meta: Option<String>,
    ld_author: Option<String>,
    lang: Option<String>,
    ld_headline: Option<String>,
}

fn set_once(slot: &mut Option<String>, v: &str) {
    let v = v.trim();
    if slot.is_none() && !v.is_empty() {
        *slot = Some(v.split_whitespace().collect::<Vec<_>>().join(" "));
    }
}

fn node_text(node: NodeRef<'_, Node>, cap: usize) -> String {
    let mut s = String::new();
    for d in node.descendants() {
        if let Node::Text(t) = d.value() {
            s.push_str(t);
            if s.len() > cap {
                break;
            }
        }
    }
    s
}

fn ld_name(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Object(o) => o.get("name").and_then(|n| n.as_str()).map(str::to_string),
        Value::Array(a) => {
            let names: Vec<String> = a.iter().filter_map(ld_name).collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        _ => None,
    }
}

fn scan_ld(v: &Value, acc: &mut MetaAcc, depth: usize) {
    if depth > 6 {
        return;
    }
    match v {
        Value::Array(a) => a.iter().for_each(|x| scan_ld(x, acc, depth + 1)),
        Value::Object(o) => {
            if let Some(d) = o.get("datePublished").and_then(|d| d.as_str()) {
                set_once(&mut acc.ld_date, d);
            }
            if let Some(p) = o.get("publisher").and_then(ld_name) {
                set_once(&mut acc.ld_publisher, &p);
            }
            if o.contains_key("datePublished")
                && let Some(a) = o.get("author").and_then(ld_name)
            {
                set_once(&mut acc.ld_author, &a);
            }
            if let Some(h) = o.get("headline").and_then(|h| h.as_str()) {
                set_once(&mut acc.ld_headline, h);
            }
            if let Some(g) = o.get("@graph") {
                scan_ld(g, acc, depth + 1);
            }
        }
        _ => {}
    }
}

fn collect_meta(
    el: &scraper::node::Element,
    itemprop: Option<&str>,
    node: NodeRef<'_, Node>,
    acc: &mut MetaAcc,
) {
    match el.name() {
        "html" => {
            if let Some(l) = el.attr("lang").or_else(|| el.attr("xml:lang")) {
                set_once(&mut acc.lang, l);
            }
        }
        "meta" => {
            let key = el
                .attr("property")
                .or_else(|| el.attr("name"))
                .or_else(|| el.attr("itemprop"))
                .unwrap_or("");
            let Some(content) = el.attr("content") else {
                return;
            };
            match key.to_ascii_lowercase().as_str() {
                "og:title" => set_once(&mut acc.og_title, content),
                "og:url" => set_once(&mut acc.og_url, content),
                "og:site_name" => set_once(&mut acc.site_name, content),
                "article:published_time"
                | "og:published_time"
                | "datepublished"
                | "date"
                | "pubdate"
                | "publishdate"
                | "dc.date.issued"
                | "dc.date"
                | "dcterms.date"
                | "parsely-pub-date"
                | "sailthru.date"
                | "publication_date"
                | "article.published" => set_once(&mut acc.published_meta, content),
                "author" | "article:author" | "dc.creator" | "parsely-author"
                | "sailthru.author"
                    if !content.starts_with("http") =>
                {
                    set_once(&mut acc.author_meta, content)
                }
                _ => {}
            }
        }
        "link" => {
            if el
                .attr("rel")
                .is_some_and(|r| r.eq_ignore_ascii_case("canonical"))
                && let Some(h) = el.attr("href")
            {
                set_once(&mut acc.canonical, h);
            }
        }
        "title" if acc.title_tag.is_none() => {
            let t = node_text(node, 400);
            set_once(&mut acc.title_tag, &t);
        }
        "script"
            if el
                .attr("type")
                .is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json")) =>
        {
            let t = node_text(node, 200_000);
            if let Ok(v) = serde_json::from_str::<Value>(t.trim()) {
                scan_ld(&v, acc, 0);
            }
        }
        _ => {}
    }
    if itemprop == Some("datePublished")
        && acc.itemprop_date.is_none()
        && let Some(v) = el.attr("content").or_else(|| el.attr("datetime"))
    {
        set_once(&mut acc.itemprop_date, v);
    }
    if el.name() == "time"
        && let Some(dt) = el.attr("datetime")
    {
        set_once(&mut acc.time_dt, dt);
    }
    if el.name() == "h1" && acc.h1.is_none() {
        let t = node_text(node, 400);
        set_once(&mut acc.h1, &t);
    }
}

fn finish_meta(acc: MetaAcc) -> PageMeta {
    let title = acc
        .og_title
        .or(acc.h1)
        .or(acc.ld_headline)
        .or_else(|| acc.title_tag.as_deref().map(strip_site_suffix));
    let published = [
        &acc.published_meta,
        &acc.ld_date,
        &acc.itemprop_date,
        &acc.time_dt,
    ]
    .into_iter()
    .flatten()
    .find_map(|d| parse_iso_date(d, DateBasis::Metadata));
    PageMeta {
        title,
        url: acc.canonical.or(acc.og_url),
        outlet: acc.site_name.or(acc.ld_publisher),
        published,
        author: acc.author_meta.or(acc.ld_author),
        language: acc.lang.map(|l| {
            l.split(['-', '_'])
                .next()
                .unwrap_or("")
                .to_ascii_lowercase()
        }),
    }
}

struct Arena<'a> {
    nodes: Vec<N<'a>>,
}

fn build<'a>(doc: &'a Html, acc: &mut MetaAcc) -> Arena<'a> {
    let mut nodes: Vec<N<'a>> = Vec::with_capacity(2048);
    let mut buf = String::new();
    let mut hint_cache: HintCache<'a> = HintCache::new();
    // Stack of (node, arena parent index). Children pushed in reverse for pre-order.
    let mut stack: Vec<(NodeRef<'a, Node>, u32, bool)> = Vec::with_capacity(256);
    // `open` tracks arena indices whose subtree end must be set when we pop back.
    let mut open: Vec<u32> = Vec::with_capacity(64);
    stack.push((doc.tree.root(), NONE, false));
    while let Some((node, parent, is_close)) = stack.pop() {
        if is_close {
            let len = nodes.len() as u32;
            if let Some(idx) = open.pop()
                && let Some(n) = nodes.get_mut(idx as usize)
            {
                n.end = len;
            }
            continue;
        }
        match node.value() {
            Node::Text(t) if parent != NONE => {
                let end = nodes.len() as u32 + 1;
                nodes.push(N::new(Kind::Text, "", t, parent, end));
            }
            Node::Element(el) => {
                let name = el.name();
                let attrs = read_attrs(el);
                collect_meta(el, attrs.itemprop, node, acc);
                if name == "head" {
                    let mut children: Vec<NodeRef<'a, Node>> = node.children().collect();
                    children.reverse();
                    for c in children {
                        stack.push((c, parent, false));
                    }
                    continue;
                }
                if skipped_tag(name) {
                    continue;
                }
                let (mut hint, weight) = attr_hints(&attrs, &mut buf, &mut hint_cache);
                hint = match name {
                    "nav" | "menu" => R_NAV,
                    "footer" | "aside" => {
                        if hint == 0 {
                            R_BOILER
                        } else {
                            hint
                        }
                    }
                    "form" => {
                        if hint == 0 {
                            R_BOILER
                        } else {
                            hint
                        }
                    }
                    "figcaption" => R_CREDIT,
                    "html" | "body" => 0,
                    _ => hint,
                };
                let idx = nodes.len() as u32;
                nodes.push(N {
                    class: attrs.class.or(attrs.id).unwrap_or(""),
                    block: is_block(name),
                    hint,
                    class_weight: weight,
                    ..N::new(Kind::Elem, name, "", parent, idx + 1)
                });
                open.push(idx);
                stack.push((node, parent, true));
                let mut children: Vec<NodeRef<'a, Node>> = node.children().collect();
                children.reverse();
                for c in children {
                    stack.push((c, idx, false));
                }
            }
            Node::Document | Node::Fragment => {
                let mut children: Vec<NodeRef<'a, Node>> = node.children().collect();
                children.reverse();
                for c in children {
                    stack.push((c, parent, false));
                }
            }
            _ => {}
        }
    }
    Arena { nodes }
}

fn count_text(t: &str) -> (u32, u32) {
    let mut chars = 0u32;
    let mut punct = 0u32;
    for c in t.chars() {
        if !c.is_whitespace() {
            chars += 1;
            if matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | '，' | '。' | '、') {
                punct += 1;
            }
        }
    }
    (chars, punct)
}

impl Arena<'_> {
    fn get(&self, i: u32) -> Option<&N<'_>> {
        self.nodes.get(i as usize)
    }

    /// Sums subtree statistics; dropped subtrees do not count towards ancestors.
    fn stats(&mut self) {
        let n = self.nodes.len();
        for i in 0..n {
            let (c, p) = if self.nodes[i].kind == Kind::Text {
                count_text(self.nodes[i].text)
            } else {
                (0, 0)
            };
            let node = &mut self.nodes[i];
            node.chars = c;
            node.punct = p;
            node.link_chars = 0;
            node.own_chars = 0;
            node.own_link = 0;
            node.own_punct = 0;
        }
        for i in (0..n).rev() {
            let (kind, name, chars, punct, parent, dropped) = {
                let x = &self.nodes[i];
                (x.kind, x.name, x.chars, x.punct, x.parent, x.dropped)
            };
            if kind == Kind::Elem && name == "a" {
                self.nodes[i].link_chars = chars;
            }
            if kind == Kind::Text && chars > 0 && !dropped {
                // Own text of the nearest block ancestor.
                let mut in_link = false;
                let mut j = parent;
                while let Some(a) = self.nodes.get(j as usize) {
                    if a.name == "a" {
                        in_link = true;
                    }
                    if a.block {
                        break;
                    }
                    j = a.parent;
                }
                if let Some(b) = self.nodes.get_mut(j as usize) {
                    b.own_chars += chars;
                    b.own_punct += punct;
                    if in_link {
                        b.own_link += chars;
                    }
                }
            }
            if dropped || parent == NONE {
                continue;
            }
            let link = self.nodes[i].link_chars;
            if let Some(p) = self.nodes.get_mut(parent as usize) {
                p.chars += chars;
                p.punct += punct;
                p.link_chars += link;
            }
        }
    }

    /// Marks hinted subtrees as dropped unless they hold most of the page's text.
    fn mark_dropped(&mut self) {
        let total = self.nodes.first().map_or(0, |n| n.chars).max(1);
        let n = self.nodes.len();
        // Sentence-like paragraph text per subtree (before any drop).
        let mut good = vec![0u32; n];
        for i in (0..n).rev() {
            let node = &self.nodes[i];
            if node.kind == Kind::Elem
                && node.own_chars >= 60
                && node.own_punct > 0
                && node.own_link * 2 < node.own_chars
            {
                good[i] += node.own_chars - node.own_link;
            }
            let p = node.parent as usize;
            if p < n {
                good[p] += good[i];
            }
        }
        let good_total = good.first().copied().unwrap_or(0).max(1);
        for i in (0..n).rev() {
            let node = &self.nodes[i];
            let marked = node.kind == Kind::Elem
                && node.chars >= 200
                && (node.class_weight > 1 || matches!(node.name, "article" | "main"));
            let c = node.content_desc || marked;
            let parent = node.parent;
            if c && let Some(p) = self.nodes.get_mut(parent as usize) {
                p.content_desc = true;
            }
            self.nodes[i].content_desc = c;
        }
        let mut i = 0;
        while i < n {
            let node = &self.nodes[i];
            if node.kind == Kind::Elem && node.hint != 0 {
                let big = node.chars as f32 > 0.45 * total as f32;
                let keep_big = big
                    && node.hint != R_COMMENTS
                    && !matches!(node.name, "nav" | "footer" | "aside")
                    && (node.link_chars as f32) < 0.4 * node.chars as f32;
                let most_text = good[i] as f32 >= 0.5 * good_total as f32
                    && node.hint != R_COMMENTS
                    && !matches!(node.name, "nav" | "footer" | "aside");
                let keep_content = most_text
                    || node.content_desc
                        && node.hint != R_COMMENTS
                        && !matches!(node.name, "nav" | "footer" | "aside" | "form");
                if !keep_big && !keep_content {
                    let end = (node.end as usize).min(n);
                    for x in &mut self.nodes[i..end] {
                        x.dropped = true;
                    }
                    i = end;
                    continue;
                }
            }
            i += 1;
        }
    }

    fn link_density(&self, i: u32) -> f32 {
        self.get(i).map_or(1.0, |n| {
            if n.chars == 0 {
                1.0
            } else {
                n.link_chars as f32 / n.chars as f32
            }
        })
    }

    /// Text-mass selection: every block's own text counts as good (sentence-like,
    /// few links) or bad (links, short fragments); the element maximising
    /// `good - LAMBDA * bad` over its subtree wins.
    fn select_mass(&mut self) -> Option<u32> {
        let n = self.nodes.len();
        let lambda = LAMBDA;
        let mut good = vec![0f32; n];
        let mut bad = vec![0f32; n];
        for i in (0..n).rev() {
            let node = &self.nodes[i];
            if node.kind != Kind::Elem || node.dropped {
                continue;
            }
            if node.own_chars > 0 {
                let oc = node.own_chars as f32;
                let ol = node.own_link as f32;
                if ol > 0.5 * oc {
                    bad[i] += oc;
                } else if node.own_chars >= 40 || (node.own_punct > 0 && node.own_chars >= 25) {
                    good[i] += oc - ol;
                    bad[i] += ol;
                } else {
                    bad[i] += (oc - ol) * SHORT_WEIGHT + ol;
                }
            }
            let p = node.parent as usize;
            if p < n {
                good[p] += good[i];
                bad[p] += bad[i];
            }
        }
        let mut best: Option<(u32, f32)> = None;
        for i in 0..n {
            let node = &self.nodes[i];
            if node.kind != Kind::Elem || node.dropped || good[i] <= 0.0 {
                continue;
            }
            let bonus = if node.class_weight > 0 || matches!(node.name, "article" | "main") {
                1.0 + BONUS
            } else {
                1.0
            };
            let s = good[i] * bonus - lambda * bad[i];
            // Prefer the deeper node on ties (strictly greater replaces).
            if best.is_none_or(|(_, b)| s >= b) {
                best = Some((i as u32, s));
            }
        }
        let (mut cur, _) = best?;
        let tau = TAU;
        // Descend while one child keeps most of the good text.
        loop {
            let g = good[cur as usize];
            let Some(node) = self.get(cur) else { break };
            let end = node.end;
            let mut c = cur + 1;
            let mut next = None;
            let mut sibling_paragraph = false;
            while c < end {
                let Some(ch) = self.get(c) else { break };
                if ch.kind == Kind::Elem && !ch.dropped {
                    if good[c as usize] >= tau * g {
                        next = Some(c);
                    } else if matches!(ch.name, "p" | "blockquote") && good[c as usize] >= 60.0 {
                        sibling_paragraph = true;
                    }
                }
                c = ch.end.max(c + 1);
            }
            if sibling_paragraph {
                break;
            }
            match next {
                Some(nx) => cur = nx,
                None => break,
            }
        }
        Some(cur)
    }
}

/// Emits blocks of lines from a subtree walk.
struct Emitter {
    blocks: Vec<Vec<String>>,
    /// For each block, the arena index of its first text node.
    block_ids: Vec<u32>,
    line: String,
    block: Vec<String>,
    space: bool,
    first: u32,
}

impl Emitter {
    fn text(&mut self, t: &str) {
        for c in t.chars() {
            if c.is_whitespace() {
                self.space = true;
            } else {
                if self.space && !self.line.is_empty() {
                    self.line.push(' ');
                }
                self.space = false;
                self.line.push(c);
            }
        }
    }
    fn end_line(&mut self) {
        if !self.line.is_empty() {
            self.block.push(std::mem::take(&mut self.line));
        }
        self.space = false;
    }
    fn end_block(&mut self) {
        self.end_line();
        if !self.block.is_empty() {
            self.blocks.push(std::mem::take(&mut self.block));
            self.block_ids.push(self.first);
        }
        self.first = NONE;
    }
}

fn subtree_text(ar: &Arena<'_>, i: u32, cap: usize) -> String {
    let Some(n) = ar.get(i) else {
        return String::new();
    };
    let mut s = String::new();
    for x in &ar.nodes[(i as usize)..(n.end as usize).min(ar.nodes.len())] {
        if x.kind == Kind::Text {
            s.push_str(x.text);
            s.push(' ');
            if s.len() > cap {
                break;
            }
        }
    }
    s
}

fn emit(ar: &Arena<'_>, root: u32, em: &mut Emitter, removed: &mut Vec<Removed>) {
    let Some(r) = ar.get(root) else { return };
    let end = (r.end as usize).min(ar.nodes.len());
    // Stack of (node index, end) for closing blocks.
    let mut closers: Vec<(u32, &str, bool)> = Vec::new();
    let mut i = root as usize;
    while i < end {
        while let Some(&(e, name, block)) = closers.last() {
            if (i as u32) >= e {
                closers.pop();
                if block {
                    em.end_block();
                }
                if matches!(name, "td" | "th") {
                    em.space = true;
                }
            } else {
                break;
            }
        }
        let node = &ar.nodes[i];
        if node.dropped {
            if node.kind == Kind::Elem && removed.len() < 200 {
                let reason = REASONS
                    .get(node.hint as usize)
                    .copied()
                    .unwrap_or("boilerplate");
                let t = subtree_text(ar, i as u32, 400);
                let caption_like = node.name == "figcaption"
                    || (node.hint == R_CREDIT
                        && !node.class.to_ascii_lowercase().contains("credit")
                        && !node.class.to_ascii_lowercase().contains("copyright"));
                let reason = if caption_like {
                    if crate::lines::classify_line(t.trim(), false) == Some("credit") {
                        "credit"
                    } else {
                        "caption"
                    }
                } else if reason.is_empty() {
                    "boilerplate"
                } else {
                    reason
                };
                push_removed(removed, &t, reason);
            }
            i = (node.end as usize).max(i + 1);
            continue;
        }
        match node.kind {
            Kind::Text => {
                if em.first == NONE && node.chars > 0 {
                    em.first = i as u32;
                }
                em.text(node.text)
            }
            Kind::Elem => {
                let name = node.name;
                // Link lists inside the content: drop as related links / navigation.
                if matches!(name, "ul" | "ol" | "div" | "table" | "section" | "dl")
                    && i as u32 != root
                    && node.chars > 0
                    && ar.link_density(i as u32) > 0.6
                    && node.chars < 1500
                    && (node.chars as f32) < 0.5 * r.chars as f32
                {
                    let t = subtree_text(ar, i as u32, 400);
                    if removed.len() < 200 {
                        push_removed(removed, &t, "related_links");
                    }
                    i = (node.end as usize).max(i + 1);
                    continue;
                }
                // Linked headings are teasers of other articles; so are short
                // blocks that are all link.
                let linked_heading = matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
                    && node.chars > 0
                    && node.link_chars * 5 >= node.chars * 4;
                let linked_block = node.block
                    && !matches!(
                        name,
                        "li" | "td" | "th" | "dd" | "dt" | "ul" | "ol" | "table" | "tr" | "tbody"
                    )
                    && i as u32 != root
                    && node.chars > 0
                    && node.chars <= SHORT_LINK_BLOCK
                    && node.link_chars * 10 >= node.chars * 9;
                if linked_heading || linked_block {
                    let t = subtree_text(ar, i as u32, 400);
                    if removed.len() < 200 {
                        push_removed(removed, &t, "related_links");
                    }
                    i = (node.end as usize).max(i + 1);
                    continue;
                }
                if name == "br" {
                    em.end_line();
                } else if node.block {
                    em.end_block();
                } else if matches!(name, "td" | "th") {
                    em.space = true;
                }
                if node.end as usize > i + 1 {
                    closers.push((node.end, name, node.block));
                }
            }
        }
        i += 1;
    }
    em.end_block();
}

/// Longest block (non-space characters) dropped when it is (nearly) all link text.
const SHORT_LINK_BLOCK: u32 = 200;
/// Weight of short fragments (labels, table cells) in the "bad" mass.
const SHORT_WEIGHT: f32 = 0.3;
/// Bonus on the good mass of semantically marked containers (article, main, content classes).
const BONUS: f32 = 0.1;
/// Penalty per character of bad mass (links, fragments) when choosing the container.
const LAMBDA: f32 = 0.5;
/// Trailing blocks outside the main paragraphs' parent are dropped when their branch
/// has at least this link density.
const TAIL_BRANCH_LINK_DENSITY: f32 = 0.1;
/// Share of the container's good mass a child must hold for the selection to descend into it.
const TAU: f32 = 0.98;

/// Extraction result before line filtering.
pub(crate) struct Extracted {
    pub blocks: Vec<Vec<String>>,
    /// For each block, whether it is a list item or table cell without links (kept
    /// by the short-tail trim: spec lists, ingredients, addresses).
    pub list_items: Vec<bool>,
    pub removed: Vec<Removed>,
    pub meta: PageMeta,
    /// Set when the markup was nested too deeply and was flattened before parsing.
    pub flattened: Option<crate::depth::Flattened>,
}

/// Parses and extracts.
pub(crate) fn extract(html: &str) -> Extracted {
    let html = unwrap_text_noscript(html);
    let (html, flattened) = crate::depth::guard(&html);
    let doc = Html::parse_document(&html);
    let mut acc = MetaAcc::default();
    let mut ar = build(&doc, &mut acc);
    let meta = finish_meta(acc);
    let mut removed = Vec::new();
    if ar.nodes.is_empty() {
        return Extracted {
            blocks: vec![],
            list_items: vec![],
            removed,
            meta,
            flattened,
        };
    }
    ar.stats();
    ar.mark_dropped();
    ar.stats();
    let mut em = Emitter {
        blocks: Vec::new(),
        block_ids: Vec::new(),
        line: String::new(),
        block: Vec::new(),
        space: false,
        first: NONE,
    };
    let sel: Vec<u32> = ar.select_mass().into_iter().collect();
    let sel_chars: u32 = sel.iter().filter_map(|&i| ar.get(i)).map(|n| n.chars).sum();
    if sel.is_empty() || sel_chars < 200 {
        // Fallback: the whole body minus boilerplate.
        let body = ar.nodes.iter().position(|n| n.name == "body").unwrap_or(0) as u32;
        emit(&ar, body, &mut em, &mut removed);
    } else {
        for s in sel {
            for l in lead_blocks(&ar, s) {
                emit(&ar, l, &mut em, &mut removed);
            }
            emit(&ar, s, &mut em, &mut removed);
        }
    }
    let mut list_items: Vec<bool> = em.block_ids.iter().map(|&t| list_item(&ar, t)).collect();
    dom_tail_trim(
        &ar,
        &mut em.blocks,
        &em.block_ids,
        &mut list_items,
        &mut removed,
    );
    Extracted {
        list_items,
        blocks: em.blocks,
        removed,
        meta,
        flattened,
    }
}

/// Fewest characters of text (outside tags) for a `<noscript>` element to be read as
/// page content.
const NOSCRIPT_TEXT: usize = 200;

/// Rewrites `<noscript>` elements that hold paragraphs of text (pages that render
/// their article from a script template and keep a no-script copy) into `<div>`s, so
/// the parser reads their markup instead of one raw text node. Other pages are
/// returned unchanged.
fn unwrap_text_noscript(html: &str) -> std::borrow::Cow<'_, str> {
    const OPEN: &str = "<noscript";
    const CLOSE: &str = "</noscript>";
    if !html.contains(OPEN) {
        return std::borrow::Cow::Borrowed(html);
    }
    let mut out = String::new();
    let mut copied = 0usize;
    let mut pos = 0usize;
    while let Some(off) = html.get(pos..).and_then(|r| r.find(OPEN)) {
        let start = pos + off;
        let Some(gt) = html.get(start..).and_then(|r| r.find('>')) else {
            break;
        };
        let inner_start = start + gt + 1;
        let Some(close_off) = html.get(inner_start..).and_then(|r| r.find(CLOSE)) else {
            break;
        };
        let inner_end = inner_start + close_off;
        let inner = html.get(inner_start..inner_end).unwrap_or("");
        pos = inner_end + CLOSE.len();
        if !inner.contains("<p") {
            continue;
        }
        let mut in_tag = false;
        let mut text = 0usize;
        for c in inner.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag && !c.is_whitespace() => text += 1,
                _ => {}
            }
        }
        if text < NOSCRIPT_TEXT {
            continue;
        }
        out.push_str(html.get(copied..start).unwrap_or(""));
        out.push_str("<div>");
        out.push_str(inner);
        out.push_str("</div>");
        copied = pos;
    }
    if copied == 0 {
        return std::borrow::Cow::Borrowed(html);
    }
    out.push_str(html.get(copied..).unwrap_or(""));
    std::borrow::Cow::Owned(out)
}

/// Class fragments of lead paragraphs (standfirst, abstract, intro) that pages often
/// place in the article header, outside the main text container.
const LEAD_CLASSES: &[&str] = &[
    "lead",
    "intro",
    "abstract",
    "summary",
    "standfirst",
    "teaser",
    "excerpt",
    "subtitle",
    "subline",
    "deck",
    "vorspann",
    "chapeau",
    "chapo",
    "entradilla",
    "bajada",
];
/// Levels above the selected container searched for a lead paragraph.
const LEAD_LEVELS: usize = 4;
/// Fewest non-space characters of a lead paragraph.
const LEAD_MIN_CHARS: u32 = 60;

/// Lead paragraphs preceding the selected container `sel` inside one of its near
/// ancestors: elements with a lead-like class holding sentence text with few links.
fn lead_blocks(ar: &Arena<'_>, sel: u32) -> Vec<u32> {
    let mut anc = sel;
    for _ in 0..LEAD_LEVELS {
        let Some(p) = ar.get(anc).map(|n| n.parent) else {
            break;
        };
        match ar.get(p) {
            Some(pn) if !matches!(pn.name, "body" | "html") => anc = p,
            _ => break,
        }
    }
    let mut out = Vec::new();
    let mut i = anc + 1;
    while i < sel {
        let Some(n) = ar.get(i) else { break };
        let is_ancestor_of_sel = n.end > sel;
        if n.kind == Kind::Elem && !n.dropped && !is_ancestor_of_sel {
            let class = n.class.to_ascii_lowercase();
            let lead = LEAD_CLASSES.iter().any(|c| class.contains(c));
            if lead && n.chars >= LEAD_MIN_CHARS && n.punct > 0 && ar.link_density(i) < 0.3 {
                out.push(i);
                i = n.end.max(i + 1);
                continue;
            }
        }
        i += 1;
    }
    out
}

/// Drops blocks that follow the main paragraph run and lie outside the subtree of
/// its parent (after-article material: disclaimers, teasers, bios).
fn dom_tail_trim(
    ar: &Arena<'_>,
    blocks: &mut Vec<Vec<String>>,
    ids: &[u32],
    flags: &mut Vec<bool>,
    removed: &mut Vec<Removed>,
) {
    if blocks.len() != ids.len() || blocks.len() < 2 {
        return;
    }
    // Block element and its parent for each block.
    let parents: Vec<u32> = ids
        .iter()
        .map(|&t| {
            let mut j = ar.get(t).map_or(NONE, |n| n.parent);
            while let Some(a) = ar.get(j) {
                if a.block {
                    return a.parent;
                }
                j = a.parent;
            }
            NONE
        })
        .collect();
    let mut mass: std::collections::HashMap<u32, usize> = std::collections::HashMap::new();
    for (b, &p) in blocks.iter().zip(&parents) {
        if p != NONE {
            *mass.entry(p).or_default() += b.iter().map(|l| l.len()).sum::<usize>();
        }
    }
    let Some((&dom, _)) = mass
        .iter()
        .max_by_key(|(k, v)| (**v, std::cmp::Reverse(**k)))
    else {
        return;
    };
    let Some(dn) = ar.get(dom) else { return };
    let (lo, hi) = (dom, dn.end);
    let inside = |t: u32| t >= lo && t < hi;
    let Some(last) = ids.iter().rposition(|&t| inside(t)) else {
        return;
    };
    let ld_min = TAIL_BRANCH_LINK_DENSITY;
    // Link density of the branch (child of the lowest common ancestor) holding `t`.
    let branch_ld = |t: u32| {
        let mut j = t;
        while let Some(a) = ar.get(j) {
            let Some(p) = ar.get(a.parent) else { break };
            if a.parent <= lo && p.end >= hi {
                return ar.link_density(j);
            }
            j = a.parent;
        }
        0.0
    };
    let keep: Vec<bool> = ids
        .iter()
        .enumerate()
        .map(|(k, &t)| k <= last || inside(t) || branch_ld(t) < ld_min)
        .collect();
    let mut k = 0usize;
    blocks.retain(|b| {
        let kept = keep.get(k).copied().unwrap_or(true);
        if !kept {
            push_removed(removed, &b.join(" "), "boilerplate");
        }
        k += 1;
        kept
    });
    if flags.len() == keep.len() {
        let mut k = 0usize;
        flags.retain(|_| {
            k += 1;
            keep.get(k - 1).copied().unwrap_or(true)
        });
    }
}

/// Whether the block starting at text node `t` is a list item or table cell (or
/// preformatted text) with few links.
fn list_item(ar: &Arena<'_>, t: u32) -> bool {
    let mut j = ar.get(t).map_or(NONE, |n| n.parent);
    while let Some(a) = ar.get(j) {
        if a.block {
            return matches!(a.name, "li" | "td" | "th" | "dd" | "dt" | "pre")
                && a.link_chars * 2 < a.chars.max(1);
        }
        j = a.parent;
    }
    false
}

/// Debug dump: top candidates and large dropped nodes (development aid).
pub(crate) fn debug(html: &str) -> String {
    use std::fmt::Write;
    let (html, _) = crate::depth::guard(html);
    let doc = Html::parse_document(&html);
    let mut acc = MetaAcc::default();
    let mut ar = build(&doc, &mut acc);
    let mut out = String::new();
    if ar.nodes.is_empty() {
        return out;
    }
    ar.stats();
    let total = ar.nodes[0].chars;
    ar.mark_dropped();
    ar.stats();
    let _ = writeln!(out, "total chars {total}");
    if let Some(m) = ar.select_mass() {
        let n = &ar.nodes[m as usize];
        let _ = writeln!(
            out,
            "mass selection {m} <{} {}> chars {}",
            n.name, n.class, n.chars
        );
        let mut p = n.parent;
        while let Some(a) = ar.get(p) {
            let _ = writeln!(
                out,
                "   parent {p} <{} {}> chars {} link {}",
                a.name, a.class, a.chars, a.link_chars
            );
            p = a.parent;
        }
    }
    let mut i = 0;
    while i < ar.nodes.len() {
        let n = &ar.nodes[i];
        if n.dropped && n.kind == Kind::Elem {
            let t = subtree_text(&ar, i as u32, 80);
            let (c, _) = count_text(&subtree_text(&ar, i as u32, 1_000_000));
            if c > 200 {
                let _ = writeln!(
                    out,
                    "dropped {i} <{} {}> hint {} chars {c}: {}",
                    n.name,
                    n.class,
                    REASONS.get(n.hint as usize).copied().unwrap_or(""),
                    t.split_whitespace().collect::<Vec<_>>().join(" ")
                );
            }
            i = n.end as usize;
            continue;
        }
        i += 1;
    }
    out
}

/// Development aid: the ancestor chain (`tag.class`) of the first text node holding
/// `needle`'s first words.
pub(crate) fn debug_ancestors(html: &str, needle: &str) -> Option<String> {
    let (html, _) = crate::depth::guard(html);
    let doc = Html::parse_document(&html);
    let mut acc = MetaAcc::default();
    let ar = build(&doc, &mut acc);
    let key: String = needle
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ");
    if key.len() < 4 {
        return None;
    }
    let idx = ar.nodes.iter().position(|n| {
        n.kind == Kind::Text
            && n.text
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .contains(&key)
    })?;
    let mut chain = Vec::new();
    let mut p = ar.nodes[idx].parent;
    while let Some(n) = ar.get(p) {
        chain.push(format!(
            "{}.{}",
            n.name,
            n.class.split_whitespace().collect::<Vec<_>>().join(".")
        ));
        p = n.parent;
    }
    Some(chain.join(" < "))
}
