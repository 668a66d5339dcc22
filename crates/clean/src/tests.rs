//! Crate-level tests on hand-written snippets (no external data).

use super::*;
use corroborate_model::{DateBasis, Precision};
use proptest::prelude::*;

const PAGE: &str = r##"<!DOCTYPE html>
<html lang="en-GB">
<head>
<title>Bridge reopens after repairs | Valley Post</title>
<meta property="og:title" content="Bridge reopens after repairs">
<meta property="og:site_name" content="Valley Post">
<meta property="article:published_time" content="2023-06-05T09:30:00+02:00">
<meta name="author" content="Lena Park">
<link rel="canonical" href="https://valley.example/bridge">
<script>var x = "script text must never appear";</script>
<style>.a { color: red }</style>
</head>
<body>
<header class="site-header"><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
<div class="cookie-banner">We use cookies to improve your experience. Accept all cookies.</div>
<main>
<article>
<h1>Bridge reopens after repairs</h1>
<p class="byline">By Lena Park</p>
<p>The old stone bridge over the river reopened on Monday, three months after a flood damaged two of its arches, the town council said.</p>
<p>Engineers replaced the damaged stones and strengthened the foundations, according to the council, which paid for the work from its reserve fund.</p>
<h2>Traffic returns</h2>
<p>Buses resumed their usual route across the bridge on Monday morning, and the detour through the industrial estate was closed.</p>
<figure><img src="a.jpg"><figcaption>Photo: Valley Post</figcaption></figure>
<ul><li>The speed limit stays at 30 km/h.</li><li>Lorries over 7.5 tonnes are still banned.</li></ul>
<div class="share-buttons"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>
<div class="related-articles"><h3>Related</h3><ul><li><a href="/a">Flood damage assessed</a></li><li><a href="/b">Council approves budget</a></li></ul></div>
</article>
<section id="comments" class="comments-area"><h3>3 Comments</h3><p>Great news, finally I can cycle to work again without the detour!</p></section>
</main>
<aside class="sidebar"><h3>Most read</h3><ul><li><a href="/x">Storm hits the coast</a></li></ul></aside>
<footer class="site-footer"><p>Copyright 2023 Valley Post. All rights reserved.</p></footer>
</body>
</html>"##;

#[test]
fn html_extracts_article_in_order() {
    let c = clean_html(PAGE);
    let t = &c.text;
    let p1 = t.find("The old stone bridge").unwrap_or(usize::MAX);
    let p2 = t.find("Engineers replaced").unwrap_or(usize::MAX);
    let h = t.find("Traffic returns").unwrap_or(usize::MAX);
    let p3 = t.find("Buses resumed").unwrap_or(usize::MAX);
    assert!(p1 < p2 && p2 < h && h < p3 && p3 < t.len(), "{t}");
    assert!(t.contains("The speed limit stays at 30 km/h."), "{t}");
    // Paragraphs are separated by a blank line.
    assert!(t.contains("council said.\n\nEngineers"), "{t}");
    for junk in [
        "script text",
        "color: red",
        "Home",
        "cookies",
        "Share on Facebook",
        "Flood damage assessed",
        "cycle to work",
        "Storm hits",
        "All rights reserved",
        "Photo: Valley Post",
        "By Lena Park",
    ] {
        assert!(!t.contains(junk), "{junk:?} leaked into {t}");
    }
}

#[test]
fn html_records_removals_with_reasons() {
    let c = clean_html(PAGE);
    let reasons: Vec<&str> = c.removed.iter().map(|r| r.reason.as_str()).collect();
    for r in [
        "share_prompt",
        "related_links",
        "byline",
        "repeated_headline",
        "credit",
    ] {
        assert!(reasons.contains(&r), "no {r} in {reasons:?}");
    }
    assert!(c.removed.iter().all(|r| !r.text.trim().is_empty()));
    assert!(c.removed.iter().all(|r| r.text.len() <= 310));
}

#[test]
fn html_keeps_headline_on_request() {
    let c = clean_html_with(
        PAGE,
        HtmlOptions {
            keep_headline: true,
        },
    );
    assert!(
        c.text.starts_with("Bridge reopens after repairs"),
        "{}",
        c.text
    );
}

#[test]
fn html_metadata() {
    let m = clean_html(PAGE).meta;
    assert_eq!(m.title.as_deref(), Some("Bridge reopens after repairs"));
    assert_eq!(m.url.as_deref(), Some("https://valley.example/bridge"));
    assert_eq!(m.outlet.as_deref(), Some("Valley Post"));
    assert_eq!(m.author.as_deref(), Some("Lena Park"));
    assert_eq!(m.language.as_deref(), Some("en"));
    let p = m
        .published
        .unwrap_or_else(|| DateValue::new("0000", DateBasis::Inferred));
    assert_eq!(p.value, "2023-06-05T09:30:00+02:00");
    assert_eq!(p.precision, Precision::Time);
    assert_eq!(p.basis, DateBasis::Metadata);
}

#[test]
fn html_metadata_fallbacks() {
    let html = r#"<html><head><title>Harbour strike ends - The Coast Times</title>
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","headline":"Harbour strike ends","datePublished":"2023-06-07","author":{"@type":"Person","name":"Omar Ruiz"},"publisher":{"@type":"Organization","name":"The Coast Times"}}]}</script>
</head><body><div class="content"><p>Dock workers in the port returned to work on Wednesday after a ten-day strike over pay, the union said in a statement.</p>
<p>The agreement raises wages by six percent over two years and adds a night-shift bonus, according to the port authority.</p></div></body></html>"#;
    let c = clean_html(html);
    assert_eq!(c.meta.title.as_deref(), Some("Harbour strike ends"));
    assert_eq!(c.meta.outlet.as_deref(), Some("The Coast Times"));
    assert_eq!(c.meta.author.as_deref(), Some("Omar Ruiz"));
    let p = c.meta.published.map(|p| (p.value, p.precision));
    assert_eq!(p, Some(("2023-06-07".to_string(), Precision::Day)));
    assert!(c.text.contains("Dock workers"));
    assert!(c.text.contains("night-shift bonus"));

    let html2 = r#"<html><head><title>Quiet day | Town News</title></head><body><article>
<time datetime="2023-06-02T18:00">2 June</time><p>Nothing much happened in the town on Friday, which residents said was a welcome change after a busy week.</p></article></body></html>"#;
    let m = clean_html(html2).meta;
    assert_eq!(m.title.as_deref(), Some("Quiet day"));
    assert_eq!(
        m.published.map(|d| d.value),
        Some("2023-06-02T18:00:00".to_string())
    );
}

#[test]
fn regexes_of_lib_compile() {
    assert!(HEADER.is_some());
    assert!(DATE_LINE.is_some());
}

#[test]
fn html_drops_trailing_link_branches_after_the_article() {
    let html = r#"<html><body><div class="wrap">
<div class="story"><p>The harbour strike ended on Wednesday after ten days, the union said in a statement to reporters.</p>
<p>Workers will return on the night shift, and the port expects ships to dock again by the weekend, officials said.</p></div>
<div class="more"><p>Read the port authority's report on <a href="/r">last year's traffic</a> and the <a href="/s">strike timeline</a> here.</p></div>
</div></body></html>"#;
    let c = clean_html(html);
    assert!(c.text.contains("The harbour strike ended"), "{}", c.text);
    assert!(c.text.contains("dock again by the weekend"), "{}", c.text);
    assert!(!c.text.contains("strike timeline"), "{}", c.text);
}

#[test]
fn html_degenerate_inputs() {
    assert_eq!(clean_html("").text, "");
    assert_eq!(clean_html("<html><body></body></html>").text, "");
    let c = clean_html("just some text without tags, but with a sentence.");
    assert!(c.text.contains("just some text"));
    // A page that is all boilerplate yields little and never panics.
    let c = clean_html("<nav><a href='/'>Home</a></nav><footer>Impressum</footer>");
    assert!(!c.text.contains("Impressum"));
}

#[test]
fn text_header_lines() {
    let raw = "Title: Bridge reopens after repairs\nSource: Valley Post\nDate: 5 June 2023\nURL: https://valley.example/bridge\nAuthor: Lena Park\n\nThe old stone bridge reopened on Monday, the council said.\n";
    let (meta, removed, start) = parse_header_lines(raw);
    assert_eq!(meta.title.as_deref(), Some("Bridge reopens after repairs"));
    assert_eq!(meta.outlet.as_deref(), Some("Valley Post"));
    assert_eq!(meta.url.as_deref(), Some("https://valley.example/bridge"));
    assert_eq!(meta.author.as_deref(), Some("Lena Park"));
    let d = meta
        .published
        .unwrap_or_else(|| DateValue::new("0000", DateBasis::Inferred));
    assert_eq!((d.value.as_str(), d.basis), ("2023-06-05", DateBasis::Text));
    assert_eq!(removed.len(), 5);
    assert!(removed.iter().all(|r| r.reason == "metadata_header"));
    assert!(
        raw.get(start..)
            .is_some_and(|b| b.trim_start().starts_with("The old stone"))
    );

    let c = clean_text(raw, None);
    assert_eq!(
        c.text,
        "The old stone bridge reopened on Monday, the council said."
    );
    assert_eq!(
        c.meta.title.as_deref(),
        Some("Bridge reopens after repairs")
    );
}

#[test]
fn text_header_stops_at_body() {
    let raw = "Published: 2023-06-06\nThe vigil is planned for Friday.\nSource: a police statement said more.\n";
    let c = clean_text(raw, None);
    assert_eq!(
        c.meta.published.map(|d| d.value),
        Some("2023-06-06".to_string())
    );
    assert!(c.text.starts_with("The vigil is planned for Friday."));
    // A bad date ends the header: the line stays in the body.
    let c = clean_text("Date: sometime soon\nBody text here.", None);
    assert!(c.text.starts_with("Date: sometime soon"));
    assert!(c.meta.published.is_none());
}

#[test]
fn text_boilerplate_reasons() {
    let raw = "By Jane Doe\n\n\
The council met on Monday to discuss the bridge and agreed to reopen it next week.\n\n\
Photo: John Smith / AFP\n\n\
Related: Council approves new budget\n\n\
The mayor said the work had cost less than expected, which pleased residents.\n\n\
Share this article\n\n\
Sign up for our daily newsletter\n\n\
Support our journalism\n\n\
Comments are closed.\n\n\
Reporting by Ana Pop; Editing by Tom Lee\n\n\
Source: Valley Wire\n\n\
Jane Doe is a reporter covering local politics for the Valley Post.";
    let c = clean_text(raw, None);
    assert_eq!(
        c.text,
        "The council met on Monday to discuss the bridge and agreed to reopen it next week.\n\n\
The mayor said the work had cost less than expected, which pleased residents."
    );
    let reasons: Vec<&str> = c.removed.iter().map(|r| r.reason.as_str()).collect();
    for r in [
        "byline",
        "credit",
        "related_links",
        "share_prompt",
        "newsletter",
        "membership",
        "comments",
        "source_footer",
        "author_bio",
    ] {
        assert!(reasons.contains(&r), "no {r} in {reasons:?}");
    }
}

#[test]
fn text_headline_list_and_repeated_headline_flag() {
    let raw = "Bridge reopens after repairs\n\nThe bridge reopened on Monday after three months of repairs, officials said.\n\nMost read\nStorm hits the coast\nMayor opens new library\nLocal team wins the cup";
    let c = clean_text(raw, Some("Bridge reopens after repairs"));
    assert_eq!(
        c.text,
        "The bridge reopened on Monday after three months of repairs, officials said."
    );
    assert!(c.has_flag(flags_name::REPEATED_HEADLINE));
    assert!(c.removed.iter().any(|r| r.reason == "headline_list"));
    assert!(c.removed.iter().any(|r| r.reason == "repeated_headline"));
    // No title known, no flag.
    let c = clean_text("Some line\n\nBody sentence here.", None);
    assert!(!c.has_flag(flags_name::REPEATED_HEADLINE));
}

use corroborate_model::flags as flags_name;

#[test]
fn truncated_flag_with_span() {
    let c = clean_text(
        "The council met on Monday.\n\nThe mayor said that the new bridge would",
        None,
    );
    let f = c.flags.iter().find(|f| f.flag == flags_name::TRUNCATED);
    assert!(f.is_some(), "{:?}", c.flags);
    let f = f.map(|f| f.spans.clone()).unwrap_or_default();
    assert!(f.iter().all(|s| s.is_valid_in(&c.text)));
    assert!(
        f.first()
            .is_some_and(|s| s.slice(&c.text).ends_with("bridge would"))
    );
    let c = clean_text("He said: \"We will rebuild.\"", None);
    assert!(!c.has_flag(flags_name::TRUNCATED));
}

#[test]
fn machine_translated_flag() {
    let raw = "The concert hall was attacked on Saturday in June.The police said.Police later said,the investigation continues,with help from the State Statistics Bureau.";
    let c = clean_text(raw, None);
    let f = c
        .flags
        .iter()
        .find(|f| f.flag == flags_name::MACHINE_TRANSLATED);
    assert!(f.is_some(), "{:?}", c.flags);
    let f = f.cloned().unwrap_or(FlagEvidence {
        flag: String::new(),
        detail: String::new(),
        spans: vec![],
    });
    assert!(
        f.detail
            .contains("glued sentences: \"June.The\", \"said.Police\""),
        "{}",
        f.detail
    );
    assert!(f.spans.iter().all(|s| s.is_valid_in(&c.text)));
    // Clean English: no flag.
    let c = clean_text(
        "The U.S. economy grew 3.5 percent in 2023, officials said. The Fed held rates.",
        None,
    );
    assert!(!c.has_flag(flags_name::MACHINE_TRANSLATED));
}

#[test]
fn html_text_gets_line_filter_and_flags() {
    let html = "<html><body><article><p>Related: Council approves new budget</p>\
<p>The council met on Monday to discuss the bridge and agreed to reopen it next week after the repairs.</p>\
<p>Engineers said the stones were replaced and the foundations strengthened, and that the bridge would</p></article></body></html>";
    let c = clean_html(html);
    assert!(!c.text.contains("Related:"), "{}", c.text);
    assert!(c.removed.iter().any(|r| r.reason == "related_links"));
    assert!(c.has_flag(flags_name::TRUNCATED));
    for f in &c.flags {
        assert!(f.spans.iter().all(|s| s.is_valid_in(&c.text)));
    }
}

fn check_invariants(c: &Cleaned) {
    for r in &c.removed {
        assert!(!r.text.trim().is_empty());
        assert!(!r.reason.is_empty());
    }
    for f in &c.flags {
        for s in &f.spans {
            assert!(s.is_valid_in(&c.text), "{s:?} invalid in {:?}", c.text);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn clean_text_never_panics(s in "\\PC{0,400}") {
        let c = clean_text(&s, None);
        check_invariants(&c);
        let c = clean_text(&s, Some("A title"));
        check_invariants(&c);
    }

    #[test]
    fn clean_html_never_panics(s in "\\PC{0,400}") {
        check_invariants(&clean_html(&s));
    }

    #[test]
    fn clean_html_never_panics_on_tag_soup(
        parts in proptest::collection::vec(
            prop_oneof![
                Just("<p>".to_string()),
                Just("</p>".to_string()),
                Just("<div class=\"comments\">".to_string()),
                Just("</div>".to_string()),
                Just("<a href=x>".to_string()),
                Just("</a>".to_string()),
                Just("<br>".to_string()),
                Just("<li>".to_string()),
                Just("<script>".to_string()),
                Just("<noscript>".to_string()),
                Just("</noscript>".to_string()),
                Just("<noscript".to_string()),
                Just("<p class=\"lead\">".to_string()),
                Just("<td>".to_string()),
                Just("<figcaption>".to_string()),
                Just("Photo: é / ".to_string()),
                Just("<meta property=\"article:published_time\" content=\"2023-06-0".to_string()),
                "[a-zé .,!?\u{2014}\u{1F600}]{0,40}",
            ],
            0..40,
        )
    ) {
        let html = parts.concat();
        check_invariants(&clean_html(&html));
    }

    #[test]
    fn header_parser_offsets_on_boundaries(s in "(title|date|by|url): \\PC{0,30}\n\\PC{0,60}") {
        let (_, removed, start) = parse_header_lines(&s);
        prop_assert!(s.is_char_boundary(start));
        prop_assert!(removed.iter().all(|r| !r.text.is_empty()));
    }
}

/// Three body paragraphs of an invented story, for the heuristics tests below.
const BODY: &str = r#"<p>The harbour strike ended on Wednesday after ten days, the union said in a statement to reporters at the gate.</p>
<p>Workers will return on the night shift, and the port expects ships to dock again by the weekend, officials said on Thursday.</p>
<p>The agreement raises night pay by six percent and adds two rest days a month, according to a copy seen by the paper.</p>"#;

fn page(before: &str, after: &str) -> String {
    format!(
        r#"<html><head><title>Harbour strike ends after ten days</title></head><body><article><div class="entry-content">{before}{BODY}{after}</div></article></body></html>"#
    )
}

#[test]
fn html_head_drops_dateline_blocks_and_reading_time() {
    let c = clean_html(&page(
        "<p>2021-10-16 | Port news</p><p>By Ana Pop, Feb 8, 2020</p><p>4 min read</p>",
        "",
    ));
    assert!(c.text.starts_with("The harbour strike ended"), "{}", c.text);
    assert!(!c.text.contains("Port news"), "{}", c.text);
    assert!(!c.text.contains("min read"), "{}", c.text);
}

#[test]
fn html_drops_trailing_credits_in_captions() {
    let c = clean_html(&page(
        "<p>Dock workers at the gate on Monday. Photo: Lena Park</p><p>Cranes idle in the rain (Ana Pop / Valley Images)</p>",
        "",
    ));
    assert!(!c.text.contains("Lena Park"), "{}", c.text);
    assert!(!c.text.contains("Valley Images"), "{}", c.text);
    assert!(c.text.contains("night shift"), "{}", c.text);
    // A sentence that merely contains a slash is kept.
    let r = crate::lines::classify_line("Prices rose by 3 per cent a year / in real terms.", true);
    assert_eq!(r, None);
}

#[test]
fn html_drops_trailing_author_bio_and_calls_to_action() {
    let c = clean_html(&page(
        "",
        "<p>Follow us on Twitter and Instagram for more port news.</p><p>Lena Park is the founder of Valley Port Watch and writes about shipping.</p>",
    ));
    assert!(c.text.contains("rest days a month"), "{}", c.text);
    assert!(!c.text.contains("Valley Port Watch"), "{}", c.text);
    assert!(!c.text.contains("Follow us"), "{}", c.text);
    assert!(c.removed.iter().any(|r| r.reason == "author_bio"));
    let c = clean_html(&page(
        "",
        "<p>Download our app for iOS and Android to get the latest port news.</p>",
    ));
    assert!(!c.text.contains("Download our app"), "{}", c.text);
    // A body sentence about an app far from the end stays.
    let c = clean_html(&page(
        "<p>The union used a messaging app to call the strike off, and members voted within the hour on Wednesday.</p>",
        "",
    ));
    assert!(c.text.contains("messaging app"), "{}", c.text);
}

#[test]
fn html_drops_short_all_link_blocks_but_keeps_linked_list_items() {
    let c = clean_html(&page(
        "",
        r#"<p><a href="/a">Ferry timetable changes this winter</a></p><ul><li><a href="/i">Flour</a> from the mill, 200 g</li><li>Sugar, 100 g</li></ul>"#,
    ));
    assert!(!c.text.contains("Ferry timetable"), "{}", c.text);
    assert!(c.text.contains("Sugar, 100 g"), "{}", c.text);
    assert!(c.text.contains("Flour from the mill, 200 g"), "{}", c.text);
}

#[test]
fn html_drops_related_labels_and_disclosures() {
    let c = clean_html(&page(
        "<p>This post contains affiliate links: we may earn a commission when you click them.</p>",
        "<p>Auch interessant:</p><p>The views expressed are those of the author and do not reflect the views of the paper.</p>",
    ));
    assert!(!c.text.contains("affiliate"), "{}", c.text);
    assert!(!c.text.contains("Auch interessant"), "{}", c.text);
    assert!(!c.text.contains("views expressed"), "{}", c.text);
    assert!(c.text.contains("night shift"), "{}", c.text);
}

#[test]
fn html_keeps_lead_paragraph_before_the_container() {
    let html = format!(
        r#"<html><body><article><header><h1>Harbour strike ends</h1><p class="article-lead">After ten days of stoppage, the port will reopen this weekend, the union and the operator agreed.</p></header><div class="story">{BODY}</div></article><aside class="sidebar"><p>Other news.</p></aside></body></html>"#
    );
    let c = clean_html(&html);
    let lead = c
        .text
        .find("After ten days of stoppage")
        .unwrap_or(usize::MAX);
    let body = c
        .text
        .find("The harbour strike ended")
        .unwrap_or(usize::MAX);
    assert!(lead < body && body < c.text.len(), "{}", c.text);
}

#[test]
fn html_keeps_short_list_items_and_cells_at_the_end() {
    let c = clean_html(&page(
        "",
        "<table><tr><td>Night pay</td><td>+6 %</td></tr><tr><td>Rest days</td><td>2 a month</td></tr></table>",
    ));
    assert!(c.text.contains("Night pay"), "{}", c.text);
    assert!(c.text.contains("2 a month"), "{}", c.text);
    // A short plain paragraph at the end is still trimmed.
    let c = clean_html(&page("", "<p>Port desk</p>"));
    assert!(!c.text.contains("Port desk"), "{}", c.text);
}

#[test]
fn html_reads_noscript_copies_of_the_article() {
    let html = format!(
        r#"<html><body><div class="post-body"><script type="text/template">{BODY}</script><noscript>{BODY}</noscript></div><noscript><img src="a.png"></noscript></body></html>"#
    );
    let c = clean_html(&html);
    assert!(c.text.contains("The harbour strike ended"), "{}", c.text);
    assert_eq!(c.text.matches("The harbour strike ended").count(), 1);
}

#[test]
fn html_banner_in_a_compound_class_does_not_drop_content() {
    let html = format!(
        r#"<html><body><div class="post-content"><div class="banners-in-story-12">{BODY}</div></div><div class="top-banner"><p>Subscribe today and save half.</p></div></body></html>"#
    );
    let c = clean_html(&html);
    assert!(c.text.contains("The harbour strike ended"), "{}", c.text);
    assert!(!c.text.contains("save half"), "{}", c.text);
}

#[test]
fn html_drops_leading_breadcrumb_title() {
    let html = format!(
        r#"<html><head><meta property="og:title" content="Harbour strike ends after ten days"></head><body><article><div class="entry-content"><p>Home News Harbour strike ends after ten days</p>{BODY}</div></article></body></html>"#
    );
    let c = clean_html(&html);
    assert!(c.text.starts_with("The harbour strike ended"), "{}", c.text);
    assert!(c.removed.iter().any(|r| r.reason == "repeated_headline"));
    let c = clean_html_with(
        &html,
        HtmlOptions {
            keep_headline: true,
        },
    );
    assert!(
        c.text.contains("Harbour strike ends after ten days"),
        "{}",
        c.text
    );
}

#[test]
fn line_rules_for_labels_links_and_pagination() {
    use crate::lines::classify_line;
    assert_eq!(
        classify_line("Figure 2: Water levels at the harbour gate", false),
        Some("caption")
    );
    assert_eq!(
        classify_line("Permalink https://valley.example/p/123", false),
        Some("boilerplate")
    );
    assert_eq!(
        classify_line("Showing items 1 to 10 of 19", false),
        Some("boilerplate")
    );
    assert_eq!(
        classify_line("11 minut czytania", false),
        Some("boilerplate")
    );
    assert_eq!(
        classify_line("Ähnliche Beiträge", false),
        Some("related_links")
    );
    assert_eq!(
        classify_line("The figure rose to 10 of 19 members by noon.", false),
        None
    );
}

#[test]
fn html_keeps_trailing_numbered_lines() {
    let c = clean_html(&page(
        "",
        "<p>3. Ana Pop Dock Crew</p><p>2. Lena Park Night Shift</p><p>1. Omar Ruiz Harbour Pilots</p>",
    ));
    // (They may still fall to the short-tail trim, but not as a headline list.)
    assert!(!c.removed.iter().any(|r| r.reason == "headline_list"));
    // Without numbers the same trailing run is a headline list.
    let c = clean_html(&page(
        "",
        "<p>Ana Pop Dock Crew News</p><p>Lena Park Night Shift Story</p><p>Omar Ruiz Harbour Pilots Report</p>",
    ));
    assert!(!c.text.contains("Omar Ruiz"), "{}", c.text);
    assert!(c.removed.iter().any(|r| r.reason == "headline_list"));
}

/// A page whose article sits `depth` `<div>`s deep, with a second paragraph in its own
/// `<div>` further down and a closing paragraph outside the nesting.
fn deep_page(depth: usize) -> String {
    let mut s = String::from("<html><head><title>Deep page</title></head><body>");
    s.push_str(&"<div class=\"wrap\">".repeat(depth));
    s.push_str(
        "<p>The old stone bridge over the river reopened on Monday, three months after a \
         flood damaged two of its arches, the town council said.</p>",
    );
    s.push_str(
        "<div><span>Engineers replaced the damaged stones and strengthened the \
                foundations, according to the council.</span></div>",
    );
    s.push_str(&"</div>".repeat(depth));
    s.push_str(
        "<p>Buses resumed their usual route across the bridge on Monday morning, and the \
         detour was closed.</p></body></html>",
    );
    s
}

#[test]
fn html_deeply_nested_page_is_flattened_and_keeps_its_text() {
    // 20,000 levels: unguarded, html5ever's scope checks make this take seconds.
    let c = clean_html(&deep_page(20_000));
    check_invariants(&c);
    assert!(
        c.text
            .contains("The old stone bridge over the river reopened on Monday"),
        "{}",
        c.text
    );
    assert!(
        c.text.contains("Engineers replaced the damaged stones"),
        "{}",
        c.text
    );
    assert!(
        c.text.contains("Buses resumed their usual route"),
        "{}",
        c.text
    );
    // The deep paragraphs stay separate paragraphs.
    assert!(!c.text.contains("said. Engineers"), "{}", c.text);
    assert_eq!(c.problems.len(), 1);
    let p = &c.problems[0];
    assert_eq!(p.stage, "clean");
    assert!(p.message.contains("nested 20002 levels"), "{}", p.message);
    assert_eq!(c.meta.title.as_deref(), Some("Deep page"));
}

#[test]
fn html_ordinary_nesting_reports_no_problem() {
    let c = clean_html(&deep_page(200));
    assert!(c.problems.is_empty());
    assert!(c.text.contains("Engineers replaced the damaged stones"));
    assert!(clean_html(PAGE).problems.is_empty());
}

#[test]
fn explicit_dates_in_header_lines() {
    let v = |l: &str| crate::meta::explicit_date_in(l).map(|d| d.value);
    assert_eq!(
        v("Published 12:17 am, Monday, September 16, 2013").as_deref(),
        Some("2013-09-16")
    );
    assert_eq!(
        v("Published on: Fri, 11 Nov 2011 at 09:56 IST").as_deref(),
        Some("2011-11-11")
    );
    assert_eq!(
        v("Posted 11/27/2005 7:21 AM").as_deref(),
        Some("2005-11-27")
    );
    assert_eq!(
        v("27/09/2013-Harbour works start").as_deref(),
        Some("2013-09-27")
    );
    assert_eq!(v("Sept. 4 2019").as_deref(), Some("2019-09-04"));
    assert_eq!(v("March 01 , 2008").as_deref(), Some("2008-03-01"));
    // Tokenised text: spaces around the separators.
    assert_eq!(v("27 / 09 / 2013 - Harbour").as_deref(), Some("2013-09-27"));
    assert_eq!(v("2013 - 09 - 26").as_deref(), Some("2013-09-26"));
    assert_eq!(
        v("updated 7 / 28 / 2004 3 : 02 : 00 PM ET").as_deref(),
        Some("2004-07-28")
    );
    assert_eq!(
        v("updated 2021-03-02T10:00Z").as_deref(),
        Some("2021-03-02")
    );
    // Ambiguous day and month, no year, not a month word, impossible day.
    assert_eq!(v("05/02/2013"), None);
    assert_eq!(
        v("First Posted 23:37:00 05/05/2010").as_deref(),
        Some("2010-05-05")
    );
    assert_eq!(
        v("Article posted on 08.07.2012").as_deref(),
        Some("2012-07-08")
    );
    assert_eq!(v("8:13 AM PDT 8/2/2013").as_deref(), Some("2013-08-02"));
    assert_eq!(v("Jul. 7 5:59 PM EDT"), None);
    // two-digit years, only when the order is certain
    assert_eq!(
        v("First Posted: 10/25/31 06:44 PM ET").as_deref(),
        Some("2031-10-25")
    );
    assert_eq!(v("Posted 05/06/11"), None);
    assert_eq!(v("the mayor 5, 2013"), None);
    assert_eq!(v("February 30, 2020"), None);
}

#[test]
fn a_labelled_line_of_numeric_dates_is_metadata_even_when_ambiguous() {
    let text = "Harbour fire closes docks\n\nPosted: 04/9/2031 8:33 am Updated: 04/9/2031 \
                8:33 am\n\nA fire broke out at the harbour and closed the docks for three days, \
                the port authority said.\n";
    let c = clean_text(text, None);
    assert!(!c.text.contains("Posted:"), "{}", c.text);
    assert!(c.text.contains("A fire broke out"), "{}", c.text);
    assert!(
        c.removed
            .iter()
            .any(|r| r.reason == "metadata_header" && r.text.contains("Posted:")),
        "{:?}",
        c.removed
    );
}

#[test]
fn a_byline_ending_with_its_date_dates_the_page_and_is_metadata() {
    let text = "Harbour fire closes docks\n\nOn behalf of Brenn & Ruse, LLP. posted in \
                Harbour News on Friday, September 19, 2031.\n\nA fire broke out at the \
                harbour and closed the docks for three days, the port authority said.\n";
    let c = clean_text(text, None);
    assert_eq!(
        c.meta.published.as_ref().map(|d| d.value.as_str()),
        Some("2031-09-19")
    );
    assert!(!c.text.contains("posted in"), "{}", c.text);
    assert!(c.text.contains("A fire broke out"), "{}", c.text);
    // A sentence of the story that was posted somewhere is no byline.
    let text = "Harbour fire closes docks\n\nThe video of the fire was posted on a \
                harbour forum on Friday, September 19, 2031.\n";
    let c = clean_text(text, None);
    assert!(c.text.contains("The video of the fire"), "{}", c.text);
    // Nor an active one, nor a passive with an adverb.
    for lede in [
        "Mayor Ada Brenn posted on her page a statement announcing her resignation on \
         Friday, September 19, 2031.",
        "The video was later posted on a forum on Friday, September 19, 2031.",
    ] {
        let text =
            format!("Harbour fire closes docks\n\nPublished: September 20, 2031\n\n{lede}\n");
        let c = clean_text(&text, None);
        assert!(c.text.contains(lede), "{}", c.text);
    }
    // "By ..." bylines are.
    let text = "Harbour fire closes docks\n\nBy Tom Ruse | Posted on Friday, September 19, \
                2031\n\nA fire broke out at the harbour.\n";
    let c = clean_text(text, None);
    assert!(!c.text.contains("Tom Ruse"), "{}", c.text);
}

#[test]
fn publication_date_and_url_from_the_first_lines_of_a_text() {
    let text = "https://news.example/2031/harbour-fire\n\nHarbour fire closes docks\n\n\
                Updated 04/18/2031 9:10 PM\nPosted 04/17/2031 7:21 AM\n\n\
                A fire broke out at the harbour on April 2, 2031, and closed the docks for \
                three days, the port authority said on Thursday.\n";
    let c = clean_text(text, None);
    assert_eq!(
        c.meta
            .published
            .as_ref()
            .map(|d| (d.value.as_str(), d.basis)),
        Some(("2031-04-17", DateBasis::Text))
    );
    assert_eq!(
        c.meta.url.as_deref(),
        Some("https://news.example/2031/harbour-fire")
    );
    assert!(!c.text.contains("https://"), "{}", c.text);
    // The date lines are metadata too: removed, with their reason.
    assert!(
        !c.text.contains("Posted") && !c.text.contains("Updated"),
        "{}",
        c.text
    );
    assert!(
        c.removed
            .iter()
            .any(|r| r.reason == "metadata_header" && r.text.starts_with("Posted"))
    );
    // Only an "updated" line: it is used.
    let c = clean_text(
        "Harbour fire closes docks\n\nLast updated on: November 11, 2031 19:04 IST\n\n\
         A fire broke out at the harbour and closed the docks for three days, the port \
         authority said.\n",
        None,
    );
    assert_eq!(
        c.meta.published.map(|d| d.value).as_deref(),
        Some("2031-11-11")
    );
}

#[test]
fn the_first_sentence_of_the_story_never_gives_the_publication_date() {
    let c = clean_text(
        "Harbour fire closes docks\n\nA fire broke out at the harbour on April 2, 2031, and \
         closed the docks for three days, the port authority said.\n",
        None,
    );
    assert_eq!(c.meta.published, None);
    // A short sentence with a date is not a header line either.
    let c = clean_text(
        "Docks shut on May 3, 2031.\n\nThe port said so on Friday.\n",
        None,
    );
    assert_eq!(c.meta.published, None);
}

#[test]
fn a_wire_dateline_gives_the_publication_date() {
    let c = clean_text(
        "PORTVALE, Dec. 7, 2031 (Wire) — A fire broke out at the harbour and closed the \
         docks for three days, the port authority said.\n",
        None,
    );
    assert_eq!(
        c.meta.published.map(|d| d.value).as_deref(),
        Some("2031-12-07")
    );
}

#[test]
fn a_date_line_that_ends_with_a_full_stop_is_still_a_date_line() {
    let c = clean_text(
        "Harbour fire closes docks\n\non Tuesday, 16 December 2031 13:45.\n\nA fire broke out \
         at the harbour and closed the docks for three days, the port authority said.\n",
        None,
    );
    assert_eq!(
        c.meta.published.map(|d| d.value).as_deref(),
        Some("2031-12-16")
    );
    assert!(!super::mostly_date("Docks shut on May 3, 2031."));
    assert!(super::mostly_date("26 September 2031, 10:00 (GMT+05:00)"));
}

#[test]
fn sentences_and_headlines_that_name_a_date_stay_text() {
    for text in [
        "Flood victims remembered\n\nThe city council published its flood report on March 3, \
         2031, and the mayor apologised.\n\nMore rain is expected.\n",
        "Quake of 12 May 2028 remembered in Halden\n\nThousands gathered in the square on \
         Sunday to remember the victims of the quake.\n",
        "Storm hits coast\n\nJohn Smith, born 3 May 1950 - a local fisherman - drowned on \
         Tuesday near the harbour.\n",
    ] {
        let c = clean_text(text, None);
        assert_eq!(c.meta.published, None, "{text}");
        assert!(
            !c.removed.iter().any(|r| r.reason == "metadata_header"),
            "{:?}",
            c.removed
        );
    }
}

#[test]
fn a_long_line_of_date_shapes_is_no_header() {
    let line = "3/4/2005.".repeat(20_000);
    let c = clean_text(&line, None);
    assert_eq!(c.meta.published, None);
    assert_eq!(c.text.len(), line.len());
}

#[test]
fn a_header_clock_in_gmt_is_kept_with_the_day() {
    let text = "Harbour fire closes docks\n\nPUBLISHED: 02:31 GMT, 12 March 2031 | UPDATED: \
                22:19 GMT, 12 March 2031\n\nA fire broke out at the harbour and closed the \
                docks for three days, the port authority said.\n";
    let c = clean_text(text, None);
    let p = c.meta.published.as_ref();
    assert_eq!(p.map(|d| d.value.as_str()), Some("2031-03-12T02:31:00Z"));
    assert_eq!(p.and_then(|d| d.day()), Some("2031-03-12"));
    // a clock in a local zone is not taken for UTC
    let text = "Harbour fire closes docks\n\nPublished: 9:31 PM EDT, March 11, 2031\n\nA fire \
                broke out at the harbour and closed the docks for three days, the port \
                authority said.\n";
    let c = clean_text(text, None);
    assert_eq!(
        c.meta.published.as_ref().map(|d| d.value.as_str()),
        Some("2031-03-11")
    );
}

#[test]
fn a_header_clock_belongs_to_its_own_date() {
    let body = "\n\nA fire broke out at the harbour and closed the docks for three days, the \
                port authority said.\n";
    let published = |header: &str| {
        clean_text(
            &format!("Harbour fire closes docks\n\n{header}{body}"),
            None,
        )
        .meta
        .published
        .map(|d| d.value)
    };
    // the update's clock is not the publication's
    assert_eq!(
        published("Published 14 May 2031 | Updated 01:10 GMT, 15 May 2031").as_deref(),
        Some("2031-05-14")
    );
    // a clock with an offset is no UTC clock
    assert_eq!(
        published("Published: 02:30 UTC+8, 14 May 2031").as_deref(),
        Some("2031-05-14")
    );
}
