//! The self-contained HTML report.
//!
//! Every string taken from the dossier goes through [`escape`]; the page loads
//! nothing (no `src=`, no stylesheet links); the only script is a few lines that
//! open `<details>` for printing and for citation targets, and the page works
//! without it.

use std::fmt::Write as _;

use corroborate_model::{
    Claim, ClaimStatus, DateBasis, Dossier, Entity, EntityType, Event, Evidence, Quote, Source,
    Story, flags,
};

use crate::common::{
    Citations, Sources, basis_name, clip, distinct_sources, escape, human_date, label,
    latest_value, linkable, one_line, plural, removed_by_reason, subject_label,
};

/// Longest passage shown, in chars.
const PASSAGE_CHARS: usize = 500;
/// Longest hover preview, in chars.
const PREVIEW_CHARS: usize = 160;

const CSS: &str = r#"
:root{color-scheme:light dark;--bg:#fbfbf9;--fg:#1c1c1f;--muted:#64646b;--line:#dedee3;--card:#ffffff;--accent:#1f56c2;
--green:#17692d;--green-bg:#dcf2e1;--grey:#55585e;--grey-bg:#e9e9ed;--red:#a8231b;--red-bg:#fbe2df;--amber:#7c5100;--amber-bg:#ffedc7;
--note-bg:#fff4cf;--mark:#fff1b8}
@media (prefers-color-scheme:dark){:root{--bg:#141416;--fg:#e6e6ea;--muted:#a0a0a8;--line:#34343a;--card:#1d1d21;--accent:#8ab4ff;
--green:#8fdca2;--green-bg:#173a22;--grey:#c2c4ca;--grey-bg:#2c2d32;--red:#ffaaa3;--red-bg:#4a1d1a;--amber:#ffd27a;--amber-bg:#45340f;
--note-bg:#3d3414;--mark:#4d4210}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0 auto;max-width:76rem;padding:1.5rem clamp(.9rem,3vw,2.5rem) 4rem;background:var(--bg);color:var(--fg);
font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans",sans-serif;font-kerning:normal}
h1,h2,h3,h4{line-height:1.2;margin:1.6em 0 .5em}
h1{font-size:clamp(1.6rem,4vw,2.3rem);margin-top:.2em;letter-spacing:-.01em}
h2{font-size:1.6rem;border-bottom:2px solid var(--line);padding-bottom:.25em}
h3{font-size:1.2rem;text-transform:uppercase;letter-spacing:.06em;color:var(--muted)}
h4{font-size:1rem}
a{color:var(--accent);text-underline-offset:2px}
.muted,.meta{color:var(--muted)}
.meta{font-size:.9rem}
header.top{border-bottom:1px solid var(--line);padding-bottom:1rem}
.kicker{text-transform:uppercase;letter-spacing:.12em;font-size:.75rem;color:var(--muted);margin:0}
.counts{display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;margin:.6rem 0 0;padding:0;list-style:none;color:var(--muted)}
.counts b{color:var(--fg);font-variant-numeric:tabular-nums}
nav.stories ol{margin:.6rem 0 0;padding-left:1.2rem}
.summary p{font-size:1.12rem;line-height:1.7;max-width:46rem;font-family:Charter,"Bitstream Charter","Sitka Text",Cambria,Georgia,serif}
sup.cite{font-size:.66em;line-height:0;margin-left:.18em;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
sup.cite a{text-decoration:none;padding:.05em .32em;border-radius:4px;background:var(--grey-bg);font-weight:600}
sup.cite a:hover,sup.cite a:focus{background:var(--accent);color:var(--bg)}
ol.passages{font-size:.92rem;max-width:52rem;padding-left:1.6rem}
ol.passages li{margin:.3rem 0;padding:.2rem .4rem;border-radius:4px}
:target{background:var(--mark);outline:2px solid var(--amber);outline-offset:1px;scroll-margin-top:1rem}
q{quotes:"\201C" "\201D"}
ol.timeline{list-style:none;margin:0;padding:0 0 0 1.4rem;border-left:2px solid var(--line);max-width:52rem}
ol.timeline>li{position:relative;margin:0 0 1rem;padding-left:.2rem}
ol.timeline>li::before{content:"";position:absolute;left:-1.83rem;top:.45rem;width:.75rem;height:.75rem;border-radius:50%;
background:var(--accent);border:2px solid var(--bg)}
ol.timeline>li.background{opacity:.62}
ol.timeline>li.background::before{background:var(--muted)}
ol.timeline time,.when{font-weight:600;font-variant-numeric:tabular-nums;font-size:.9rem}
.etext{margin-top:.1rem}
.badge{display:inline-block;padding:.05rem .55rem;border-radius:999px;font-size:.74rem;font-weight:650;letter-spacing:.03em;
text-transform:uppercase;white-space:nowrap;vertical-align:.08em;background:var(--grey-bg);color:var(--grey)}
.st-corroborated{background:var(--green-bg);color:var(--green)}
.st-single_source{background:var(--grey-bg);color:var(--grey)}
.st-contested{background:var(--red-bg);color:var(--red)}
.st-evolving{background:var(--amber-bg);color:var(--amber)}
.b-warn{background:var(--amber-bg);color:var(--amber)}
.b-bad{background:var(--red-bg);color:var(--red)}
.b-muted{background:var(--grey-bg);color:var(--grey)}
.inferred{font-style:italic}
.table-wrap{overflow-x:auto;margin:.5rem 0 1rem}
table{border-collapse:collapse;width:100%;font-size:.93rem}
th,td{text-align:left;vertical-align:top;padding:.5rem .6rem;border-bottom:1px solid var(--line)}
th{font-size:.78rem;text-transform:uppercase;letter-spacing:.05em;color:var(--muted);font-weight:650}
tr.contested>td:first-child{box-shadow:inset 3px 0 0 var(--red)}
.cv{margin:0 0 .5rem}
.cv:last-child{margin-bottom:0}
.val{font-weight:700;font-size:1.02rem}
.latest{margin-left:.3rem}
details>summary{cursor:pointer;color:var(--muted);font-size:.86rem}
details[open]>summary{margin-bottom:.25rem}
details ul{margin:.2rem 0 .4rem;padding-left:1.1rem;font-size:.9rem}
.groups{display:grid;grid-template-columns:repeat(auto-fill,minmax(17rem,1fr));gap:.8rem}
.group{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:.2rem .9rem .7rem}
.group h4{margin:.7rem 0 .4rem}
ul.entities{list-style:none;margin:0;padding:0}
ul.entities li{padding:.35rem 0;border-top:1px solid var(--line)}
ul.entities li:first-child{border-top:0}
.ename{font-weight:650}
ul.entities .meta{display:block;font-size:.82rem}
.chips{display:flex;flex-wrap:wrap;gap:.25rem;margin-top:.2rem}
.chip{font-size:.78rem;padding:.02rem .5rem;border-radius:999px;border:1px solid var(--line);background:var(--bg)}
.note{background:var(--note-bg);border-left:3px solid var(--amber);padding:.25rem .5rem;margin:.35rem 0 0;font-size:.86rem;border-radius:0 4px 4px 0}
figure.quote{margin:0 0 1rem;max-width:50rem;padding:.2rem 0 .2rem 1rem;border-left:3px solid var(--line)}
figure.quote blockquote{margin:0;font-family:Charter,"Bitstream Charter","Sitka Text",Cambria,Georgia,serif;font-size:1.06rem}
figure.quote figcaption{color:var(--muted);font-size:.9rem;margin-top:.2rem}
.speaker{color:var(--fg);font-weight:600}
.flag-details{margin:.3rem 0 0;padding-left:1rem;font-size:.82rem;color:var(--muted)}
.reason{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.8rem}
code,.id{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.8rem;color:var(--muted);word-break:break-all}
footer{margin-top:3rem;border-top:1px solid var(--line);padding-top:.8rem;color:var(--muted);font-size:.85rem}
@media (max-width:40rem){th,td{padding:.4rem .35rem}.summary p{font-size:1.04rem}
table.stack thead{display:none}table.stack,table.stack tbody,table.stack tr,table.stack td{display:block;width:100%}
table.stack tr{border-bottom:1px solid var(--line);padding:.5rem 0 .6rem}table.stack td{border:0;padding:.15rem 0}
table.stack td[data-label]::before{content:attr(data-label);display:block;font-size:.7rem;letter-spacing:.05em;text-transform:uppercase;color:var(--muted)}
table.stack td.subject,table.stack td.num{font-weight:650}tr.contested>td:first-child{box-shadow:none}
table.stack tr.contested{box-shadow:inset 3px 0 0 var(--red);padding-left:.7rem}}
@media print{:root{--bg:#fff;--fg:#000;--card:#fff}body{max-width:none;padding:0;font-size:11pt}nav.stories{display:none}
a{color:inherit;text-decoration:none}section{break-inside:auto}tr,figure,li{break-inside:avoid}
ol.timeline>li.background{opacity:1}.table-wrap{overflow:visible}details>summary{color:#000}}
"#;

const JS: &str = r#"(function(){
function openTo(el){for(var e=el;e;e=e.parentElement){if(e.tagName==='DETAILS'){e.open=true;}}}
function reveal(){var h=location.hash.slice(1);if(h){openTo(document.getElementById(h));}}
window.addEventListener('hashchange',reveal);reveal();
window.addEventListener('beforeprint',function(){var d=document.getElementsByTagName('details');for(var i=0;i<d.length;i++){d[i].open=true;}});
})();"#;

/// Renders the page.
pub(crate) fn render(d: &Dossier) -> String {
    let srcs = Sources::new(d);
    let mut o = String::with_capacity(64 * 1024);
    let titles: Vec<String> = d
        .stories
        .iter()
        .map(|s| one_line(&s.title))
        .filter(|t| !t.is_empty())
        .collect();
    let page_title = if titles.is_empty() {
        "Dossier".to_string()
    } else {
        titles.join(" · ")
    };
    o.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    o.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    o.push_str("<meta name=\"color-scheme\" content=\"light dark\">\n");
    o.push_str("<meta name=\"generator\" content=\"corroborate\">\n");
    let _ = writeln!(o, "<title>{}</title>", escape(&page_title));
    let _ = writeln!(o, "<style>{CSS}</style>\n</head>\n<body>");

    // Header.
    o.push_str("<header class=\"top\">\n<p class=\"kicker\">Dossier</p>\n");
    let _ = writeln!(o, "<h1>{}</h1>", escape(&page_title));
    let count = |n: usize, one: &str, many: &str| {
        format!("<li><b>{n}</b> {}</li>", if n == 1 { one } else { many })
    };
    let sum = |f: &dyn Fn(&Story) -> usize| d.stories.iter().map(f).sum::<usize>();
    let contested = sum(&|s: &Story| {
        s.claims
            .iter()
            .filter(|c| c.status == ClaimStatus::Contested)
            .count()
    });
    o.push_str("<ul class=\"counts\">");
    o.push_str(&count(d.sources.len(), "source", "sources"));
    o.push_str(&count(d.stories.len(), "story", "stories"));
    o.push_str(&count(sum(&|s: &Story| s.events.len()), "event", "events"));
    o.push_str(&count(sum(&|s: &Story| s.claims.len()), "claim", "claims"));
    if contested > 0 {
        let _ = write!(
            o,
            "<li><b>{contested}</b> <span class=\"badge st-contested\">contested</span></li>"
        );
    }
    o.push_str(&count(
        sum(&|s: &Story| s.entities.len()),
        "entity",
        "entities",
    ));
    o.push_str(&count(sum(&|s: &Story| s.quotes.len()), "quote", "quotes"));
    if !d.skipped.is_empty() {
        o.push_str(&count(d.skipped.len(), "skipped input", "skipped inputs"));
    }
    o.push_str("</ul>\n");
    if d.stories.len() > 1 {
        o.push_str("<nav class=\"stories\" aria-label=\"Stories\"><ol>");
        for (i, s) in d.stories.iter().enumerate() {
            let _ = write!(
                o,
                "<li><a href=\"#story-{}\">{}</a> <span class=\"muted\">({})</span></li>",
                i + 1,
                escape(&story_title(s, i + 1)),
                plural(s.sources.len(), "source", "sources")
            );
        }
        o.push_str("</ol></nav>\n");
    }
    o.push_str("</header>\n<main>\n");

    for (i, s) in d.stories.iter().enumerate() {
        story_html(&mut o, &srcs, i + 1, s);
    }
    sources_html(&mut o, &srcs, d);
    if !d.skipped.is_empty() {
        o.push_str("<section id=\"skipped\">\n<h2>Skipped inputs</h2>\n<ul>\n");
        for s in &d.skipped {
            let _ = writeln!(o, "<li>{}</li>", escape(&one_line(s)));
        }
        o.push_str("</ul>\n</section>\n");
    }
    o.push_str("</main>\n<footer>Generated by corroborate from a <code>");
    o.push_str(&escape(&d.schema));
    o.push_str(
        "</code> dossier. Every passage quoted here is a byte range of its source text.</footer>\n",
    );
    let _ = writeln!(o, "<script>{JS}</script>\n</body>\n</html>");
    o
}

fn story_title(s: &Story, n: usize) -> String {
    let t = one_line(&s.title);
    if t.is_empty() {
        format!("Story {n}")
    } else {
        t
    }
}

/// A source name linking to its row in the sources table.
fn source_link(srcs: &Sources<'_>, id: &str) -> String {
    match srcs.get(id) {
        Some((idx, s)) => format!(
            "<a class=\"src\" href=\"#src-{}\">{}</a>",
            idx + 1,
            escape(&label(s))
        ),
        None => format!("<span class=\"src\">{}</span>", escape(id)),
    }
}

fn source_links(srcs: &Sources<'_>, ids: &[&str]) -> String {
    ids.iter()
        .map(|id| source_link(srcs, id))
        .collect::<Vec<_>>()
        .join(", ")
}

fn evidence_list(srcs: &Sources<'_>, ev: &[Evidence], what: &str) -> String {
    if ev.is_empty() {
        return String::new();
    }
    let mut o = format!("<details><summary>{what} ({})</summary><ul>", ev.len());
    for e in ev {
        let _ = write!(
            o,
            "<li>{}: <q>{}</q></li>",
            source_link(srcs, &e.source),
            escape(&clip(&e.text, PASSAGE_CHARS))
        );
    }
    o.push_str("</ul></details>");
    o
}

fn date_html(d: Option<&corroborate_model::DateValue>) -> String {
    match d {
        None => "<span class=\"when muted\">undated</span>".to_string(),
        Some(d) => {
            let inferred = d.basis == DateBasis::Inferred;
            let mut s = format!(
                "<time datetime=\"{}\"{}>{}</time>",
                escape(&d.value),
                if inferred { " class=\"inferred\"" } else { "" },
                escape(&human_date(d))
            );
            if inferred {
                s.push_str(" <span class=\"badge b-warn\">inferred</span>");
            }
            s
        }
    }
}

fn story_html(o: &mut String, srcs: &Sources<'_>, n: usize, st: &Story) {
    let _ = writeln!(
        o,
        "<section class=\"story\" id=\"story-{n}\">\n<h2>{}</h2>",
        escape(&story_title(st, n))
    );
    let _ = writeln!(
        o,
        "<p class=\"meta\">{} · {} · {} · {} · {}</p>",
        plural(st.sources.len(), "source", "sources"),
        plural(st.events.len(), "event", "events"),
        plural(st.claims.len(), "claim", "claims"),
        plural(st.entities.len(), "entity", "entities"),
        plural(st.quotes.len(), "quote", "quotes")
    );
    summary_html(o, srcs, n, st);
    if !st.events.is_empty() {
        o.push_str("<section class=\"timeline\">\n<h3>Timeline</h3>\n<ol class=\"timeline\">\n");
        for ev in &st.events {
            event_html(o, srcs, ev);
        }
        o.push_str("</ol>\n</section>\n");
    }
    if !st.claims.is_empty() {
        o.push_str(
            "<section class=\"claims\">\n<h3>Claims</h3>\n<div class=\"table-wrap\"><table class=\"stack\">\n",
        );
        o.push_str("<thead><tr><th>Subject</th><th>Attribute</th><th>Status</th><th>Values</th></tr></thead>\n<tbody>\n");
        for c in &st.claims {
            claim_html(o, srcs, st, c);
        }
        o.push_str("</tbody></table></div>\n</section>\n");
    }
    if !st.entities.is_empty() {
        entities_html(o, srcs, n, &st.entities);
    }
    if !st.quotes.is_empty() {
        o.push_str("<section class=\"quotes\">\n<h3>Quotes</h3>\n");
        for q in &st.quotes {
            quote_html(o, srcs, q);
        }
        o.push_str("</section>\n");
    }
    o.push_str("</section>\n");
}

fn summary_html(o: &mut String, srcs: &Sources<'_>, n: usize, st: &Story) {
    if st.summary.is_empty() {
        return;
    }
    let cites = Citations::of(st);
    o.push_str("<section class=\"summary\">\n<h3>Summary</h3>\n<p>");
    for (k, (s, nums)) in st.summary.iter().zip(&cites.per_sentence).enumerate() {
        if k > 0 {
            o.push(' ');
        }
        let _ = write!(o, "<span class=\"sentence\">{}", escape(&one_line(&s.text)));
        for num in nums {
            let preview = cites
                .passages
                .get(num.saturating_sub(1))
                .map(|e| format!("{}: {}", srcs.name(&e.source), clip(&e.text, PREVIEW_CHARS)))
                .unwrap_or_default();
            let _ = write!(
                o,
                "<sup class=\"cite\"><a href=\"#s{n}-c{num}\" title=\"{}\">{num}</a></sup>",
                escape(&preview)
            );
        }
        o.push_str("</span>");
    }
    o.push_str("</p>\n");
    if !cites.passages.is_empty() {
        o.push_str("<ol class=\"passages\">\n");
        for (k, e) in cites.passages.iter().enumerate() {
            let title = srcs
                .get(&e.source)
                .and_then(|(_, s)| match (&s.outlet, &s.title) {
                    (Some(_), Some(t)) if !t.trim().is_empty() => {
                        Some(format!(", <i>{}</i>", escape(&one_line(t))))
                    }
                    _ => None,
                })
                .unwrap_or_default();
            let _ = writeln!(
                o,
                "<li id=\"s{n}-c{}\">{}{title}: <q>{}</q></li>",
                k + 1,
                source_link(srcs, &e.source),
                escape(&clip(&e.text, PASSAGE_CHARS))
            );
        }
        o.push_str("</ol>\n");
    }
    o.push_str("</section>\n");
}

fn event_html(o: &mut String, srcs: &Sources<'_>, ev: &Event) {
    let background = ev.role.as_deref() == Some("background");
    let _ = write!(
        o,
        "<li class=\"event{}\">{}",
        if background { " background" } else { "" },
        date_html(ev.date.as_ref())
    );
    let _ = write!(o, "<div class=\"etext\">{}", escape(&one_line(&ev.text)));
    if background {
        o.push_str(" <span class=\"badge b-muted\">background</span>");
    }
    if ev.role.as_deref() == Some("scheduled") {
        o.push_str(" <span class=\"badge b-muted\">scheduled</span>");
    }
    o.push_str("</div>");
    let ids = distinct_sources(&ev.evidence);
    if !ids.is_empty() {
        let _ = write!(
            o,
            "<div class=\"meta\">{} source{}: {}</div>",
            ids.len(),
            if ids.len() == 1 { "" } else { "s" },
            source_links(srcs, &ids)
        );
    }
    o.push_str(&evidence_list(srcs, &ev.evidence, "Passages"));
    o.push_str("</li>\n");
}

fn claim_html(o: &mut String, srcs: &Sources<'_>, st: &Story, c: &Claim) {
    let status = c.status.as_str();
    let _ = write!(
        o,
        "<tr class=\"{}\"><td class=\"subject\">{}</td><td data-label=\"Attribute\">{}</td><td><span class=\"badge st-{status}\">{}</span></td><td data-label=\"Values\">",
        escape(status),
        escape(&subject_label(st, &c.subject)),
        escape(&one_line(&c.attribute)),
        status.replace('_', " ")
    );
    // For evolving claims, the value with the latest as-of date is current.
    let latest = latest_value(c);
    for (i, v) in c.values.iter().enumerate() {
        let _ = write!(
            o,
            "<div class=\"cv\"><span class=\"val\">{}</span>",
            escape(&one_line(&v.value))
        );
        if latest == Some(i) {
            o.push_str("<span class=\"badge st-evolving latest\">latest</span>");
        }
        if let Some(p) = &v.party {
            let _ = write!(
                o,
                " <span class=\"party\">per {}</span>",
                escape(&one_line(p))
            );
        }
        let _ = write!(
            o,
            "<div class=\"meta\">{}",
            match &v.as_of {
                Some(d) => {
                    let mut s = if d.open_ended {
                        format!("as of a date {}", escape(&human_date(d)))
                    } else {
                        format!("as of {}", escape(&human_date(d)))
                    };
                    if d.basis == DateBasis::Inferred {
                        s.push_str(" <i>(inferred)</i>");
                    }
                    s
                }
                None => "undated".into(),
            }
        );
        let ids: Vec<&str> = v.sources.iter().map(String::as_str).collect();
        if !ids.is_empty() {
            let _ = write!(o, " · {}", source_links(srcs, &ids));
        }
        if let Some(k) = v.independent_sources {
            let _ = write!(o, " · {k} independent");
        }
        o.push_str("</div>");
        o.push_str(&evidence_list(srcs, &v.evidence, "Evidence"));
        o.push_str("</div>");
    }
    o.push_str("</td></tr>\n");
}

fn type_heading(t: EntityType) -> &'static str {
    match t {
        EntityType::PER => "People",
        EntityType::ORG => "Organisations",
        EntityType::LOC => "Places",
        EntityType::FAC => "Facilities",
        EntityType::MISC => "Other",
    }
}

fn entities_html(o: &mut String, srcs: &Sources<'_>, n: usize, entities: &[Entity]) {
    o.push_str("<section class=\"entities\">\n<h3>Entities</h3>\n<div class=\"groups\">\n");
    for t in [
        EntityType::PER,
        EntityType::ORG,
        EntityType::LOC,
        EntityType::FAC,
        EntityType::MISC,
    ] {
        let mut group: Vec<(usize, &Entity)> = entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == t)
            .collect();
        if group.is_empty() {
            continue;
        }
        group.sort_by_key(|(_, e)| std::cmp::Reverse(e.mentions.len()));
        let _ = write!(
            o,
            "<div class=\"group\"><h4>{} <span class=\"muted\">{}</span></h4><ul class=\"entities\">",
            type_heading(t),
            group.len()
        );
        for (j, e) in group {
            let nsrc = distinct_sources(&e.mentions).len();
            let _ = write!(
                o,
                "<li id=\"s{n}-e{}\"><span class=\"ename\">{}</span> <span class=\"meta\">{} mention{} · {} source{}</span>",
                j + 1,
                escape(&one_line(&e.name)),
                e.mentions.len(),
                if e.mentions.len() == 1 { "" } else { "s" },
                nsrc,
                if nsrc == 1 { "" } else { "s" }
            );
            let aliases: Vec<&String> = e
                .aliases
                .iter()
                .filter(|a| one_line(a) != one_line(&e.name) && !a.trim().is_empty())
                .collect();
            if !aliases.is_empty() {
                o.push_str("<div class=\"chips\">");
                for a in aliases {
                    let _ = write!(o, "<span class=\"chip\">{}</span>", escape(&one_line(a)));
                }
                o.push_str("</div>");
            }
            let elsewhere = srcs.also_in(e.global.as_deref(), n);
            if !elsewhere.is_empty() {
                let links: Vec<String> = elsewhere
                    .iter()
                    .map(|k| format!("<a href=\"#story-{k}\">story {k}</a>"))
                    .collect();
                let _ = write!(o, "<p class=\"meta\">also in {}</p>", links.join(", "));
            }
            for note in &e.notes {
                let _ = write!(o, "<p class=\"note\">⚠ {}</p>", escape(&one_line(note)));
            }
            o.push_str("</li>");
        }
        o.push_str("</ul></div>\n");
    }
    o.push_str("</div>\n</section>\n");
}

fn quote_html(o: &mut String, srcs: &Sources<'_>, q: &Quote) {
    let _ = write!(
        o,
        "<figure class=\"quote\"><blockquote><q>{}</q></blockquote><figcaption>— ",
        escape(&one_line(&q.text))
    );
    match &q.speaker {
        Some(s) if !s.text.trim().is_empty() => {
            let _ = write!(
                o,
                "<span class=\"speaker\">{}</span>",
                escape(&one_line(&s.text))
            );
        }
        _ => o.push_str("<span class=\"muted\">unattributed</span>"),
    }
    let ids = distinct_sources(&q.evidence);
    let _ = write!(
        o,
        " · carried by {} source{}{}{}",
        ids.len(),
        if ids.len() == 1 { "" } else { "s" },
        if ids.is_empty() { "" } else { ": " },
        source_links(srcs, &ids)
    );
    o.push_str("</figcaption></figure>\n");
}

fn flag_badge(srcs: &Sources<'_>, s: &Source, f: &str) -> String {
    let detail: Vec<&str> = s
        .flag_evidence
        .iter()
        .filter(|e| e.flag == f)
        .map(|e| e.detail.as_str())
        .collect();
    let title = clip(&detail.join("; "), PREVIEW_CHARS);
    let title_attr = if title.is_empty() {
        String::new()
    } else {
        format!(" title=\"{}\"", escape(&title))
    };
    match f {
        flags::NEAR_DUPLICATE => match &s.copy_of {
            Some(c) => format!(
                "<span class=\"badge b-muted\"{title_attr}>copy of</span> {}",
                source_link(srcs, c)
            ),
            None => format!("<span class=\"badge b-muted\"{title_attr}>near duplicate</span>"),
        },
        flags::TRUNCATED => format!("<span class=\"badge b-warn\"{title_attr}>truncated</span>"),
        flags::MACHINE_TRANSLATED => {
            format!("<span class=\"badge b-bad\"{title_attr}>machine-translated</span>")
        }
        other => format!(
            "<span class=\"badge b-muted\"{title_attr}>{}</span>",
            escape(&other.replace('_', " "))
        ),
    }
}

fn sources_html(o: &mut String, srcs: &Sources<'_>, d: &Dossier) {
    if d.sources.is_empty() {
        return;
    }
    o.push_str("<section id=\"sources\">\n<h2>Sources</h2>\n<div class=\"table-wrap\"><table class=\"stack\">\n");
    o.push_str("<thead><tr><th>#</th><th>Source</th><th>Lang</th><th>Published</th><th>Flags</th><th>Cleaning</th></tr></thead>\n<tbody>\n");
    for (i, s) in d.sources.iter().enumerate() {
        let _ = write!(
            o,
            "<tr id=\"src-{}\"><td class=\"num\">{}</td><td>",
            i + 1,
            i + 1
        );
        let _ = write!(o, "<b>{}</b>", escape(&label(s)));
        if let (Some(_), Some(t)) = (&s.outlet, &s.title)
            && !t.trim().is_empty()
        {
            let _ = write!(o, "<div>{}</div>", escape(&one_line(t)));
        }
        if let Some(u) = &s.url {
            if linkable(u) {
                let _ = write!(
                    o,
                    "<div><a href=\"{}\" rel=\"noopener noreferrer nofollow\">{}</a></div>",
                    escape(u.trim()),
                    escape(&clip(u, 80))
                );
            } else {
                let _ = write!(o, "<div class=\"id\">{}</div>", escape(&clip(u, 80)));
            }
        }
        let _ = write!(
            o,
            "<div class=\"id\">{} · {}</div></td>",
            escape(&s.id),
            escape(&clip(&s.origin, 80))
        );
        let _ = write!(
            o,
            "<td data-label=\"Language\">{}</td>",
            s.language
                .as_deref()
                .map(escape)
                .unwrap_or_else(|| "<span class=\"muted\">?</span>".into())
        );
        match &s.published {
            Some(p) => {
                let _ = write!(o, "<td data-label=\"Published\">{}", date_html(Some(p)));
                if p.basis != DateBasis::Inferred {
                    let _ = write!(o, "<div class=\"meta\">from {}</div>", basis_name(p.basis));
                }
                o.push_str("</td>");
            }
            None => {
                o.push_str("<td data-label=\"Published\"><span class=\"muted\">unknown</span></td>")
            }
        }
        o.push_str("<td data-label=\"Flags\">");
        let mut badges: Vec<String> = s.flags.iter().map(|f| flag_badge(srcs, s, f)).collect();
        if !s.has_flag(flags::NEAR_DUPLICATE)
            && let Some(c) = &s.copy_of
        {
            badges.push(format!(
                "<span class=\"badge b-muted\">copy of</span> {}",
                source_link(srcs, c)
            ));
        }
        o.push_str(&badges.join(" "));
        let details: Vec<_> = s
            .flag_evidence
            .iter()
            .filter(|e| !e.detail.trim().is_empty())
            .collect();
        if !details.is_empty() {
            o.push_str("<ul class=\"flag-details\">");
            for e in details {
                let _ = write!(
                    o,
                    "<li><span class=\"reason\">{}</span>: {}</li>",
                    escape(&e.flag),
                    escape(&clip(&e.detail, PASSAGE_CHARS))
                );
            }
            o.push_str("</ul>");
        }
        o.push_str("</td><td data-label=\"Cleaning\">");
        let groups = removed_by_reason(&s.removed);
        if groups.is_empty() {
            o.push_str("<span class=\"muted\">nothing removed</span>");
        } else {
            let _ = write!(
                o,
                "<details><summary>{} removed</summary><ul>",
                s.removed.len()
            );
            for (reason, texts) in groups {
                let _ = write!(
                    o,
                    "<li><span class=\"reason\">{}</span> ×{}<ul>",
                    escape(reason),
                    texts.len()
                );
                for t in texts {
                    let _ = write!(o, "<li>{}</li>", escape(&clip(t, 200)));
                }
                o.push_str("</ul></li>");
            }
            o.push_str("</ul></details>");
        }
        o.push_str("</td></tr>\n");
    }
    o.push_str("</tbody></table></div>\n</section>\n");
}
