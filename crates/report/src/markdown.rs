//! The Markdown report.

use std::fmt::Write as _;

use corroborate_model::{ClaimStatus, Dossier, EntityType, Evidence, Source, Story};

use crate::common::{
    Citations, Sources, basis_name, clip, distinct_sources, iso_date, label, latest_value,
    one_line, plural, removed_by_reason, subject_label,
};

/// Longest passage quoted in the report, in chars.
const PASSAGE_CHARS: usize = 400;
/// Removed texts shown per reason.
const REMOVED_SHOWN: usize = 3;

/// Escapes a source string for inline Markdown: one line, and the characters that
/// CommonMark/GFM would read as markup (pipes included, for tables).
pub(crate) fn md(s: &str) -> String {
    let s = one_line(s);
    let mut out = String::with_capacity(s.len() + 8);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '&' if chars
                .peek()
                .is_some_and(|n| n.is_ascii_alphanumeric() || *n == '#') =>
            {
                out.push_str("\\&");
            }
            _ => out.push(c),
        }
    }
    // A leading `#`, `-`, `+`, `=` or `1.` would start a block.
    if out.starts_with(['#', '-', '+', '=']) {
        out.insert(0, '\\');
    } else if let Some(at) = ordered_marker(&out) {
        out.insert(at, '\\');
    }
    out
}

/// Where the `.` or `)` of a leading ordered-list marker sits, if there is one.
fn ordered_marker(s: &str) -> Option<usize> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    (digits > 0 && matches!(s.as_bytes().get(digits), Some(b'.') | Some(b')'))).then_some(digits)
}

/// An inline code span that survives backticks inside `s`.
fn code(s: &str) -> String {
    let s = one_line(s);
    let mut longest = 0;
    let mut run = 0;
    for c in s.chars() {
        if c == '`' {
            run += 1;
            longest = longest.max(run);
        } else {
            run = 0;
        }
    }
    let fence = "`".repeat(longest + 1);
    let pad = if s.starts_with('`') || s.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{s}{pad}{fence}")
}

fn status_badge(s: ClaimStatus) -> &'static str {
    match s {
        ClaimStatus::Corroborated => "**CORROBORATED**",
        ClaimStatus::SingleSource => "**SINGLE SOURCE**",
        ClaimStatus::Contested => "**CONTESTED**",
        ClaimStatus::Evolving => "**EVOLVING**",
    }
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

fn names(srcs: &Sources<'_>, ids: &[&str]) -> String {
    ids.iter()
        .map(|id| md(&srcs.name(id)))
        .collect::<Vec<_>>()
        .join(", ")
}

fn passage_line(srcs: &Sources<'_>, e: &Evidence) -> String {
    let mut who = format!("**{}**", md(&srcs.name(&e.source)));
    if let Some((_, s)) = srcs.get(&e.source)
        && let (Some(t), Some(_)) = (&s.title, &s.outlet)
        && !t.trim().is_empty()
    {
        let _ = write!(who, ", *{}*", md(t));
    }
    format!("{who}: “{}”", md(&clip(&e.text, PASSAGE_CHARS)))
}

pub(crate) fn render(d: &Dossier) -> String {
    let srcs = Sources::new(d);
    let mut o = String::new();
    let _ = writeln!(o, "# Dossier\n");
    let _ = writeln!(
        o,
        "{}, {}.\n",
        plural(d.sources.len(), "source", "sources"),
        plural(d.stories.len(), "story", "stories")
    );
    for (i, story) in d.stories.iter().enumerate() {
        story_md(&mut o, &srcs, i + 1, story);
    }
    sources_md(&mut o, &srcs, d);
    if !d.skipped.is_empty() {
        let _ = writeln!(o, "## Skipped inputs\n");
        for s in &d.skipped {
            let _ = writeln!(o, "- {}", md(s));
        }
        o.push('\n');
    }
    while o.ends_with("\n\n") {
        o.pop();
    }
    o
}

fn story_md(o: &mut String, srcs: &Sources<'_>, n: usize, st: &Story) {
    let story_no = n;
    let title = one_line(&st.title);
    let title = if title.is_empty() {
        format!("Story {n}")
    } else {
        md(&title)
    };
    let _ = writeln!(o, "## {title}\n");
    let _ = writeln!(
        o,
        "{} · {} · {} · {} · {}\n",
        plural(st.sources.len(), "source", "sources"),
        plural(st.events.len(), "event", "events"),
        plural(st.claims.len(), "claim", "claims"),
        plural(st.entities.len(), "entity", "entities"),
        plural(st.quotes.len(), "quote", "quotes")
    );

    // Summary.
    if !st.summary.is_empty() {
        let cites = Citations::of(st);
        let _ = writeln!(o, "### Summary\n");
        let mut para = Vec::new();
        for (s, nums) in st.summary.iter().zip(&cites.per_sentence) {
            // Plain `[n]`: the escaped text can define no link reference, so these stay literal.
            let marks: String = nums.iter().map(|k| format!("[{k}]")).collect();
            para.push(format!("{}{}", md(&s.text), marks));
        }
        let _ = writeln!(o, "{}\n", para.join(" "));
        if !cites.passages.is_empty() {
            let _ = writeln!(o, "Cited passages:\n");
            for (k, e) in cites.passages.iter().enumerate() {
                let _ = writeln!(o, "{}. {}", k + 1, passage_line(srcs, e));
            }
            o.push('\n');
        }
    }

    // Timeline.
    if !st.events.is_empty() {
        let _ = writeln!(o, "### Timeline\n");
        let _ = writeln!(o, "| Date | Event | Sources |\n|---|---|---|");
        for ev in &st.events {
            let date = match &ev.date {
                Some(d) if d.basis == corroborate_model::DateBasis::Inferred => {
                    format!("{} (inferred)", md(&iso_date(d)))
                }
                Some(d) => md(&iso_date(d)),
                None => "undated".to_string(),
            };
            let bg = match ev.role.as_deref() {
                Some("background") => "*(background)* ",
                Some("scheduled") => "*(scheduled)* ",
                _ => "",
            };
            let _ = writeln!(
                o,
                "| {date} | {bg}{} | {} |",
                md(&ev.text),
                distinct_sources(&ev.evidence).len()
            );
        }
        o.push('\n');
    }

    // Claims.
    if !st.claims.is_empty() {
        let _ = writeln!(o, "### Claims\n");
        let _ = writeln!(
            o,
            "| Subject | Attribute | Status | Values |\n|---|---|---|---|"
        );
        for c in &st.claims {
            let latest = latest_value(c);
            let values: Vec<String> = c
                .values
                .iter()
                .enumerate()
                .map(|(i, v)| {
                    let mut parts = Vec::new();
                    if let Some(p) = &v.party {
                        parts.push(format!("per {}", md(p)));
                    }
                    parts.push(match &v.as_of {
                        Some(d) => {
                            if d.open_ended {
                                format!("as of a date {}", md(&iso_date(d)))
                            } else {
                                format!("as of {}", md(&iso_date(d)))
                            }
                        }
                        None => "undated".to_string(),
                    });
                    let ids: Vec<&str> = v.sources.iter().map(String::as_str).collect();
                    let mut who = names(srcs, &ids);
                    if let Some(k) = v.independent_sources
                        && k != ids.len()
                    {
                        let _ = write!(who, " ({k} independent)");
                    }
                    parts.push(who);
                    let mark = if latest == Some(i) { " — latest" } else { "" };
                    format!("**{}** ({}){mark}", md(&v.value), parts.join("; "))
                })
                .collect();
            let _ = writeln!(
                o,
                "| {} | {} | {} | {} |",
                md(&subject_label(st, &c.subject)),
                md(&c.attribute),
                status_badge(c.status),
                values.join("<br>")
            );
        }
        o.push('\n');
    }

    // Entities, grouped by type.
    if !st.entities.is_empty() {
        let _ = writeln!(o, "### Entities\n");
        for t in [
            EntityType::PER,
            EntityType::ORG,
            EntityType::LOC,
            EntityType::FAC,
            EntityType::MISC,
        ] {
            let group: Vec<_> = st.entities.iter().filter(|e| e.kind == t).collect();
            if group.is_empty() {
                continue;
            }
            let _ = writeln!(o, "#### {}\n", type_heading(t));
            for e in group {
                let others: Vec<String> = e
                    .aliases
                    .iter()
                    .filter(|a| one_line(a) != one_line(&e.name))
                    .map(|a| md(a))
                    .collect();
                let n = e.mentions.len();
                let _ = write!(
                    o,
                    "- **{}** ({} mention{}, {} source{})",
                    md(&e.name),
                    n,
                    if n == 1 { "" } else { "s" },
                    distinct_sources(&e.mentions).len(),
                    if distinct_sources(&e.mentions).len() == 1 {
                        ""
                    } else {
                        "s"
                    }
                );
                if !others.is_empty() {
                    let _ = write!(o, " — also: {}", others.join(", "));
                }
                let elsewhere = srcs.also_in(e.global.as_deref(), story_no);
                if !elsewhere.is_empty() {
                    let list: Vec<String> =
                        elsewhere.iter().map(|k| format!("story {k}")).collect();
                    let _ = write!(o, " — also in {}", list.join(", "));
                }
                o.push('\n');
                for note in &e.notes {
                    let _ = writeln!(o, "  - ⚠ {}", md(note));
                }
            }
            o.push('\n');
        }
    }

    // Quotes.
    if !st.quotes.is_empty() {
        let _ = writeln!(o, "### Quotes\n");
        for q in &st.quotes {
            let who = match &q.speaker {
                Some(s) if !s.text.trim().is_empty() => md(&s.text),
                _ => "unattributed".to_string(),
            };
            let ids = distinct_sources(&q.evidence);
            let _ = writeln!(
                o,
                "- “{}” — {} ({} source{}: {})",
                md(&clip(&q.text, PASSAGE_CHARS)),
                who,
                ids.len(),
                if ids.len() == 1 { "" } else { "s" },
                names(srcs, &ids)
            );
        }
        o.push('\n');
    }
}

fn sources_md(o: &mut String, srcs: &Sources<'_>, d: &Dossier) {
    if d.sources.is_empty() {
        return;
    }
    let _ = writeln!(o, "## Sources\n");
    for (i, s) in d.sources.iter().enumerate() {
        source_md(o, srcs, i + 1, s);
    }
}

fn source_md(o: &mut String, srcs: &Sources<'_>, n: usize, s: &Source) {
    let name = md(&label(s));
    match (&s.outlet, &s.title) {
        (Some(_), Some(t)) if !t.trim().is_empty() => {
            let _ = writeln!(o, "### {n}. {name} — {}\n", md(t));
        }
        _ => {
            let _ = writeln!(o, "### {n}. {name}\n");
        }
    }
    let _ = writeln!(o, "- id: {}", code(&s.id));
    let _ = writeln!(o, "- origin: {}", code(&s.origin));
    if let Some(u) = &s.url {
        let _ = writeln!(o, "- url: {}", code(u));
    }
    let _ = match &s.published {
        Some(p) => writeln!(
            o,
            "- published: {} ({})",
            md(&iso_date(p)),
            basis_name(p.basis)
        ),
        None => writeln!(o, "- published: unknown"),
    };
    let _ = writeln!(
        o,
        "- language: {}",
        s.language
            .as_deref()
            .map(md)
            .unwrap_or_else(|| "unknown".into())
    );
    if s.flags.is_empty() {
        let _ = writeln!(o, "- flags: none");
    } else {
        let _ = writeln!(o, "- flags:");
        for f in &s.flags {
            let details: Vec<String> = s
                .flag_evidence
                .iter()
                .filter(|e| e.flag == *f && !e.detail.trim().is_empty())
                .map(|e| md(&clip(&e.detail, PASSAGE_CHARS)))
                .collect();
            if details.is_empty() {
                let _ = writeln!(o, "  - **{}**", md(f));
            } else {
                let _ = writeln!(o, "  - **{}**: {}", md(f), details.join("; "));
            }
        }
    }
    if let Some(c) = &s.copy_of {
        let _ = writeln!(o, "- copy of: {} ({})", md(&srcs.name(c)), code(c));
    }
    let groups = removed_by_reason(&s.removed);
    if groups.is_empty() {
        let _ = writeln!(o, "- cleaning removed: nothing");
    } else {
        let _ = writeln!(
            o,
            "- cleaning removed {} item{}:",
            s.removed.len(),
            if s.removed.len() == 1 { "" } else { "s" }
        );
        for (reason, texts) in groups {
            let shown: Vec<String> = texts
                .iter()
                .take(REMOVED_SHOWN)
                .map(|t| format!("“{}”", md(&clip(t, 120))))
                .collect();
            let more = texts.len().saturating_sub(REMOVED_SHOWN);
            let tail = if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            };
            let _ = writeln!(
                o,
                "  - {} ×{}: {}{}",
                md(reason),
                texts.len(),
                shown.join(", "),
                tail
            );
        }
    }
    o.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn md_escapes_markup_and_newlines() {
        assert_eq!(md("a|b\nc"), "a\\|b c");
        assert_eq!(md("*x* [y](z) <b>"), "\\*x\\* \\[y\\](z) \\<b\\>");
        assert_eq!(md("# not a heading"), "\\# not a heading");
        assert_eq!(md("1. not a list"), "1\\. not a list");
        assert_eq!(md("AT&T &amp; & x"), "AT\\&T \\&amp; & x");
    }

    #[test]
    fn code_spans_survive_backticks() {
        assert_eq!(code("abc"), "`abc`");
        assert_eq!(code("a`b"), "``a`b``");
        assert_eq!(code("`a"), "`` `a ``");
    }
}
