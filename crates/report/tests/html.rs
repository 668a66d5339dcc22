//! The HTML report: escaping, no external resources, well-formed, complete.

mod common;

use corroborate_report::{escape, to_html};
use proptest::prelude::*;

/// Tags the renderer itself writes; anything else means unescaped input leaked.
const OUR_TAGS: &[&str] = &[
    "!doctype",
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "header",
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "ul",
    "ol",
    "li",
    "b",
    "i",
    "nav",
    "a",
    "span",
    "main",
    "section",
    "sup",
    "q",
    "time",
    "div",
    "details",
    "summary",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "figure",
    "blockquote",
    "figcaption",
    "code",
    "footer",
    "script",
];
const VOID: &[&str] = &["!doctype", "meta"];

/// Every tag in `html` outside `<style>` and `<script>` bodies: (closing?, name, attributes).
fn tags(html: &str) -> Vec<(bool, String, String)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        let end = rest.find('>').unwrap_or(rest.len());
        let inner = &rest[..end];
        let closing = inner.starts_with('/');
        let inner = inner.trim_start_matches('/');
        let name_len = inner
            .find(|c: char| c.is_whitespace())
            .unwrap_or(inner.len());
        let name = inner[..name_len].to_ascii_lowercase();
        let attrs = inner[name_len..].to_string();
        rest = &rest[end.min(rest.len())..];
        if !closing && (name == "style" || name == "script") {
            let close = format!("</{name}>");
            let j = rest.find(&close).unwrap_or(rest.len());
            rest = &rest[j..];
        }
        out.push((closing, name, attrs));
    }
    out
}

/// Attributes as (name, value); `None` when they are not all `name="value"` or bare names.
fn parse_attrs(attrs: &str) -> Option<Vec<(String, String)>> {
    let mut out = Vec::new();
    let mut rest = attrs.trim_start();
    while !rest.is_empty() {
        let n = rest
            .find(|c: char| c == '=' || c.is_whitespace())
            .unwrap_or(rest.len());
        let key = rest[..n].to_ascii_lowercase();
        if key.is_empty() || !key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
            return None;
        }
        rest = &rest[n..];
        if let Some(r) = rest.strip_prefix("=\"") {
            let end = r.find('"')?;
            out.push((key, r[..end].to_string()));
            rest = &r[end + 1..];
        } else if rest.starts_with('=') {
            return None;
        } else {
            out.push((key, String::new()));
        }
        rest = rest.trim_start();
    }
    Some(out)
}

/// Checks the tag structure; returns the problems found.
fn check_structure(html: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let mut stack: Vec<String> = Vec::new();
    for (closing, name, attrs) in tags(html) {
        if !OUR_TAGS.contains(&name.as_str()) {
            problems.push(format!("foreign tag <{name}{attrs}>"));
            continue;
        }
        match parse_attrs(&attrs) {
            None => problems.push(format!("unparsable attributes in <{name}{attrs}>")),
            Some(list) => {
                for (k, _) in list {
                    if k == "src"
                        || k.starts_with("on")
                        || k == "style"
                        || k == "srcset"
                        || k == "rel" && name == "link"
                    {
                        problems.push(format!(
                            "resource or handler attribute {k} in <{name}{attrs}>"
                        ));
                    }
                }
            }
        }
        if closing {
            match stack.pop() {
                Some(open) if open == name => {}
                other => problems.push(format!("</{name}> closes {other:?}")),
            }
        } else if !VOID.contains(&name.as_str()) {
            stack.push(name);
        }
    }
    if !stack.is_empty() {
        problems.push(format!("unclosed: {stack:?}"));
    }
    problems
}

/// Values of one attribute across all tags.
fn attr_values(html: &str, attr: &str) -> Vec<String> {
    let key = format!("{attr}=\"");
    let mut out = Vec::new();
    for (_, _, attrs) in tags(html) {
        let mut rest = attrs.as_str();
        while let Some(i) = rest.find(&key) {
            let before = rest[..i].chars().last();
            rest = &rest[i + key.len()..];
            let end = rest.find('"').unwrap_or(rest.len());
            if before.is_none_or(char::is_whitespace) {
                out.push(rest[..end].to_string());
            }
            rest = &rest[end..];
        }
    }
    out
}

#[test]
fn hostile_strings_are_escaped() {
    let html = to_html(&common::hostile());
    assert_eq!(
        html.matches("<script").count(),
        1,
        "only the renderer's own script"
    );
    assert!(html.contains("<script>(function(){"));
    assert!(!html.contains("<script>alert"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!html.contains("<img"));
    assert!(!html.contains("<svg"));
    assert!(!html.contains("<b>id</b>"));
    assert!(!html.to_ascii_lowercase().contains("href=\"javascript"));
    assert_eq!(check_structure(&html), Vec::<String>::new());
    // The safe URL is a link, escaped.
    assert!(html.contains("href=\"https://fine.example/a?b=1&amp;c=&quot;2&quot;\""));
}

#[test]
fn hostile_title_is_escaped_in_every_place() {
    let html = to_html(&common::hostile());
    let escaped = escape("<script>alert(1)</script>");
    // title, h1, story h2, nav absent (one story), entity, quote, event, claim, source...
    assert!(html.matches(&escaped).count() >= 10);
}

#[test]
fn no_remote_references_except_source_urls() {
    let d = common::sample();
    let mut html = to_html(&d);
    for s in &d.sources {
        if let Some(u) = &s.url {
            html = html.replace(&escape(u), "");
        }
    }
    assert!(!html.contains("http://"), "stray http:// reference");
    assert!(!html.contains("https://"), "stray https:// reference");
    assert!(!html.contains("src="));
    assert!(!html.contains("<link"));
    assert!(!html.contains("@import"));
    assert!(!html.contains("url("));
}

#[test]
fn sample_is_well_formed_and_links_resolve() {
    let html = to_html(&common::sample());
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert_eq!(check_structure(&html), Vec::<String>::new());
    let ids = attr_values(&html, "id");
    let mut seen = std::collections::HashSet::new();
    for id in &ids {
        assert!(seen.insert(id.clone()), "duplicate id {id}");
    }
    let hrefs = attr_values(&html, "href");
    assert!(!hrefs.is_empty());
    for h in hrefs {
        if let Some(target) = h.strip_prefix('#') {
            assert!(ids.iter().any(|i| i == target), "dangling link #{target}");
        } else {
            assert!(
                h.starts_with("https://") || h.starts_with("http://"),
                "odd href {h}"
            );
        }
    }
}

#[test]
fn sample_shows_what_a_reporter_needs() {
    let html = to_html(&common::sample());
    // Header with titles and counts.
    assert!(html.contains("<h1>Kharivsk concert hall bombing · Valmora port strike</h1>"));
    assert!(html.contains("<li><b>5</b> sources</li>"));
    // Citations: superscripts jump to passages that name the source.
    assert!(html.contains(
        "<a href=\"#s1-c1\" title=\"Meridian Press Agency: A bomb killed at least 58 people\">1</a>"
    ));
    assert!(html.contains("<li id=\"s1-c2\"><a class=\"src\" href=\"#src-3\">Kharovsk Vestnik</a>, <i>Toll rises to 64</i>: <q>The toll rose to 64 on Tuesday.</q></li>"));
    // Three distinct passages in story 1 (the repeated one is numbered once).
    assert!(html.contains("id=\"s1-c4\""));
    assert!(!html.contains("id=\"s1-c5\""));
    // Timeline: dates at their precision, background muted and labelled, inferred marked.
    assert!(html.contains("<li class=\"event background\"><time datetime=\"2019\">2019</time>"));
    assert!(html.contains("badge b-muted\">background</span>"));
    assert!(html.contains(">3 June 2023, 21:40</time>"));
    assert!(html.contains("<time datetime=\"2023-06-04\" class=\"inferred\">4 June 2023</time> <span class=\"badge b-warn\">inferred</span>"));
    assert!(html.contains(">June 2023</time>"));
    assert!(html.contains("undated"));
    // Claims: colour-coded statuses, sources by name, evidence expandable.
    for st in ["corroborated", "single_source", "contested", "evolving"] {
        assert!(html.contains(&format!("class=\"badge st-{st}\"")), "{st}");
    }
    assert!(html.contains("<span class=\"badge st-contested\">contested</span>"));
    assert!(html.contains("<span class=\"badge st-single_source\">single source</span>"));
    assert!(html.contains(
        "<span class=\"val\">64</span><span class=\"badge st-evolving latest\">latest</span>"
    ));
    assert!(!html.contains(
        "<span class=\"val\">at least 58</span><span class=\"badge st-evolving latest\">"
    ));
    assert!(html.contains("<a class=\"src\" href=\"#src-1\">Meridian Press Agency</a>, <a class=\"src\" href=\"#src-2\">Doravia Daily Herald</a> · 1 independent"));
    assert!(html.contains("<details><summary>Evidence (2)</summary>"));
    assert!(html.contains("per Marvania"));
    // Entities grouped by type, aliases as chips, notes highlighted.
    assert!(html.contains("<h4>Organisations <span class=\"muted\">1</span></h4>"));
    assert!(html.contains("<span class=\"chip\">Chaikovsky Hall</span>"));
    assert!(html.contains("<p class=\"note\">⚠ &quot;State Statistics Bureau&quot; in mt1 is a probable mistranslation of SSB</p>"));
    assert!(html.contains("2 mentions · 2 sources"));
    // Quotes with speakers and source counts.
    assert!(html.contains("<span class=\"speaker\">Anna Kowal</span> · carried by 2 sources"));
    assert!(html.contains("<span class=\"muted\">unattributed</span> · carried by 1 source: "));
    // Sources: flags as badges, copy of, machine translation evidence, date basis, removed.
    assert!(html.contains("<span class=\"badge b-muted\" title=\"98% shingle overlap with mpa1\">copy of</span> <a class=\"src\" href=\"#src-1\">Meridian Press Agency</a>"));
    assert!(html.contains(">machine-translated</span>"));
    assert!(html.contains("calque &quot;State Statistics Bureau&quot;"));
    assert!(html.contains(">truncated</span>"));
    assert!(html.contains("<div class=\"meta\">from url</div>"));
    assert!(html.contains("<details><summary>4 removed</summary>"));
    assert!(html.contains("<li><span class=\"reason\">related_links</span> ×2<ul><li>Read more: Port strike | Valmora</li><li>More: Weather</li></ul></li>"));
    assert!(html.contains(
        "<a href=\"https://mpa.example/2023/06/04/kharivsk\" rel=\"noopener noreferrer nofollow\">"
    ));
    // Skipped inputs, light/dark, print, responsive.
    assert!(html.contains("corpus/demo/broken.pdf: unsupported format"));
    assert!(html.contains("prefers-color-scheme:dark"));
    assert!(html.contains("@media print"));
    assert!(html.contains("name=\"viewport\""));
}

#[test]
fn empty_dossier_renders() {
    let d = corroborate_model::Dossier {
        schema: corroborate_model::DOSSIER_SCHEMA.into(),
        sources: Vec::new(),
        stories: Vec::new(),
        skipped: Vec::new(),
    };
    let html = to_html(&d);
    assert!(html.contains("<h1>Dossier</h1>"));
    assert_eq!(check_structure(&html), Vec::<String>::new());
}

proptest! {
    #[test]
    fn escape_round_trips(s in any::<String>()) {
        let e = escape(&s);
        prop_assert!(!e.contains(['<', '>', '"', '\'']));
        let back = e.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
        prop_assert_eq!(back, s);
    }

    #[test]
    fn any_strings_stay_inert(title in any::<String>(), text in "[<>&\"' a-z\\n]{0,40}", name in any::<String>()) {
        let mut d = common::sample();
        if let Some(s) = d.sources.get_mut(0) {
            s.title = Some(title.clone());
            s.outlet = Some(name.clone());
            s.text = text.clone();
            s.removed.push(corroborate_model::Removed { text: text.clone(), reason: title.clone() });
        }
        if let Some(st) = d.stories.get_mut(0) {
            st.title = title.clone();
            if let Some(e) = st.entities.get_mut(0) {
                e.name = name.clone();
                e.aliases.push(text.clone());
            }
        }
        let html = to_html(&d);
        prop_assert_eq!(check_structure(&html), Vec::<String>::new());
        prop_assert_eq!(html.matches("<script").count(), 1);
    }
}

/// Writes the sample reports to `$REPORT_DUMP_DIR` when set, to look at them.
#[test]
fn dump_sample_when_asked() {
    if let Ok(dir) = std::env::var("REPORT_DUMP_DIR") {
        let d = common::sample();
        let w = |name: &str, body: String| {
            let path = std::path::Path::new(&dir).join(name);
            assert!(
                std::fs::write(&path, body).is_ok(),
                "cannot write {}",
                path.display()
            );
        };
        w("sample.html", to_html(&d));
        w("sample.md", corroborate_report::to_markdown(&d));
        w("sample.json", corroborate_report::to_json(&d));
        w("hostile.html", to_html(&common::hostile()));
    }
}
