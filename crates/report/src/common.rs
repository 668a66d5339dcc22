//! Presentation helpers shared by the Markdown and HTML renderers.

use std::collections::HashMap;

use corroborate_model::{
    Claim, ClaimStatus, DateBasis, DateValue, Dossier, Evidence, Precision, Removed, Source, Story,
};

/// Escapes a string for HTML text and double- or single-quoted attribute values:
/// `&`, `<`, `>`, `"` and `'`.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Collapses every run of whitespace (newlines included) into one space and trims.
pub(crate) fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A readable label for a claim subject: when the subject is the id of one of the
/// story's events, its date and a clipped description; otherwise the subject itself.
pub(crate) fn subject_label(story: &corroborate_model::Story, subject: &str) -> String {
    match story.events.iter().find(|e| e.id == subject) {
        Some(e) => match &e.date {
            Some(d) => format!("{} ({})", clip(&e.text, 70), human_date(d)),
            None => clip(&e.text, 70),
        },
        None => one_line(subject),
    }
}

/// At most `max` chars of `s` (whitespace collapsed), with `…` when cut.
pub(crate) fn clip(s: &str, max: usize) -> String {
    let s = one_line(s);
    match s.char_indices().nth(max) {
        Some((i, _)) => {
            let head = s.get(..i).unwrap_or(&s);
            format!("{}…", head.trim_end())
        }
        None => s,
    }
}

/// Looks sources up by id.
pub(crate) struct Sources<'a> {
    by_id: HashMap<&'a str, (usize, &'a Source)>,
    /// Cross-story entity id -> the stories (1-based, in order) with an entity of it.
    stories_of_global: HashMap<&'a str, Vec<usize>>,
}

impl<'a> Sources<'a> {
    pub(crate) fn new(dossier: &'a Dossier) -> Self {
        let mut by_id = HashMap::new();
        for (i, s) in dossier.sources.iter().enumerate() {
            by_id.entry(s.id.as_str()).or_insert((i, s));
        }
        let mut stories_of_global: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, st) in dossier.stories.iter().enumerate() {
            for e in &st.entities {
                if let Some(g) = e.global.as_deref() {
                    let v = stories_of_global.entry(g).or_default();
                    if v.last() != Some(&(i + 1)) {
                        v.push(i + 1);
                    }
                }
            }
        }
        Sources {
            by_id,
            stories_of_global,
        }
    }

    /// The other stories (1-based numbers) in which an entity with the same
    /// cross-story id appears.
    pub(crate) fn also_in(&self, global: Option<&str>, story: usize) -> Vec<usize> {
        global
            .and_then(|g| self.stories_of_global.get(g))
            .map(|v| v.iter().copied().filter(|&n| n != story).collect())
            .unwrap_or_default()
    }

    /// The source and its index in `dossier.sources`.
    pub(crate) fn get(&self, id: &str) -> Option<(usize, &'a Source)> {
        self.by_id.get(id).copied()
    }

    /// A human name for a source id: outlet, else title, else the id itself.
    pub(crate) fn name(&self, id: &str) -> String {
        match self.get(id) {
            Some((_, s)) => label(s),
            None => id.to_string(),
        }
    }
}

/// A human name for a source: outlet, else title, else origin, else id.
pub(crate) fn label(s: &Source) -> String {
    let pick = [&s.outlet, &s.title]
        .into_iter()
        .flatten()
        .map(|t| one_line(t))
        .find(|t| !t.is_empty());
    match pick {
        Some(t) => t,
        None if !s.origin.trim().is_empty() => one_line(&s.origin),
        None => s.id.clone(),
    }
}

/// The contract's name of a date basis.
pub(crate) fn basis_name(b: DateBasis) -> &'static str {
    match b {
        DateBasis::Metadata => "metadata",
        DateBasis::Text => "text",
        DateBasis::Url => "url",
        DateBasis::Inferred => "inferred",
        DateBasis::Given => "given",
    }
}

/// The ISO value, with the `until` bound as a range when there is one ("on or after"
/// when the date is open-ended).
pub(crate) fn iso_date(d: &DateValue) -> String {
    if d.open_ended {
        return format!("on or after {}", d.value);
    }
    match &d.until {
        Some(u) if *u != d.value => format!("{} – {}", d.value, u),
        _ => d.value.clone(),
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn month_name(mm: &str) -> Option<&'static str> {
    let m: usize = mm.parse().ok()?;
    MONTHS.get(m.checked_sub(1)?).copied()
}

fn human_value(value: &str, precision: Precision) -> String {
    let year = value.get(..4);
    let month = value.get(5..7).and_then(month_name);
    let day = value.get(8..10).and_then(|d| d.parse::<u32>().ok());
    let shaped =
        |sep_ok: bool| sep_ok && year.is_some_and(|y| y.bytes().all(|b| b.is_ascii_digit()));
    match precision {
        Precision::Year if shaped(true) => year.unwrap_or(value).to_string(),
        Precision::Month if shaped(value.get(4..5) == Some("-")) => match (month, year) {
            (Some(m), Some(y)) => format!("{m} {y}"),
            _ => value.to_string(),
        },
        Precision::Day | Precision::Time if shaped(value.get(4..5) == Some("-")) => {
            let base = match (day, month, year) {
                (Some(d), Some(m), Some(y)) => format!("{d} {m} {y}"),
                _ => return value.to_string(),
            };
            if precision == Precision::Day {
                return base;
            }
            match value.get(11..16) {
                Some(hm) if hm.as_bytes().get(2) == Some(&b':') => {
                    let zone = value
                        .get(16..)
                        .map(|rest| {
                            rest.trim_start_matches(|c: char| {
                                c == ':' || c == '.' || c.is_ascii_digit()
                            })
                        })
                        .unwrap_or("");
                    let zone = if zone == "Z" { "UTC" } else { zone };
                    if zone.is_empty() {
                        format!("{base}, {hm}")
                    } else {
                        format!("{base}, {hm} {zone}")
                    }
                }
                _ => base,
            }
        }
        _ => value.to_string(),
    }
}

/// A date for people: `2019`, `June 2023`, `3 June 2023`, `3 June 2023, 21:40`,
/// with the `until` bound as a range. Falls back to the raw value.
pub(crate) fn human_date(d: &DateValue) -> String {
    let start = human_value(&d.value, d.precision);
    if d.open_ended {
        return format!("on or after {start}");
    }
    match &d.until {
        Some(u) if *u != d.value => {
            let p = match u.len() {
                4 => Precision::Year,
                7 => Precision::Month,
                10 => Precision::Day,
                _ => Precision::Time,
            };
            format!("{start} – {}", human_value(u, p))
        }
        _ => start,
    }
}

/// What cleaning removed, grouped by reason in order of first appearance.
pub(crate) fn removed_by_reason(removed: &[Removed]) -> Vec<(&str, Vec<&str>)> {
    let mut out: Vec<(&str, Vec<&str>)> = Vec::new();
    for r in removed {
        match out.iter_mut().find(|(reason, _)| *reason == r.reason) {
            Some((_, texts)) => texts.push(&r.text),
            None => out.push((&r.reason, vec![&r.text])),
        }
    }
    out
}

/// The numbered citations of a story's summary: the unique passages in order of
/// first use, and for each summary sentence the 1-based numbers it cites.
pub(crate) struct Citations<'a> {
    pub(crate) passages: Vec<&'a Evidence>,
    pub(crate) per_sentence: Vec<Vec<usize>>,
}

impl<'a> Citations<'a> {
    pub(crate) fn of(story: &'a Story) -> Self {
        let mut passages: Vec<&Evidence> = Vec::new();
        let mut per_sentence = Vec::with_capacity(story.summary.len());
        for s in &story.summary {
            let mut nums = Vec::new();
            for c in &s.citations {
                let pos = passages
                    .iter()
                    .position(|p| p.source == c.source && p.start == c.start && p.end == c.end);
                let n = match pos {
                    Some(i) => i + 1,
                    None => {
                        passages.push(c);
                        passages.len()
                    }
                };
                if !nums.contains(&n) {
                    nums.push(n);
                }
            }
            per_sentence.push(nums);
        }
        Citations {
            passages,
            per_sentence,
        }
    }
}

/// Distinct source ids of some evidence, in order of first appearance.
pub(crate) fn distinct_sources(evidence: &[Evidence]) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for e in evidence {
        if !out.contains(&e.source.as_str()) {
            out.push(&e.source);
        }
    }
    out
}

/// `1 source`, `2 sources`.
pub(crate) fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// For an evolving claim, the index of the value with the latest as-of date (the
/// current one); `None` for other statuses or when no value is dated.
pub(crate) fn latest_value(c: &Claim) -> Option<usize> {
    if c.status != ClaimStatus::Evolving {
        return None;
    }
    c.values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| v.as_of.as_ref().map(|d| (d.value.as_str(), i)))
        .max()
        .map(|(_, i)| i)
}

/// Whether a URL may become a link (only `http` and `https`).
pub(crate) fn linkable(url: &str) -> bool {
    let u = url.trim_start();
    let lower: String = u.chars().take(8).collect::<String>().to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://"))
        && !u.chars().any(|c| c.is_whitespace() || c.is_control())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_all_five() {
        assert_eq!(
            escape(r#"<a href="x">Tom & 'Jo'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jo&#39;&lt;/a&gt;"
        );
        assert_eq!(escape("Kharkiv – ü"), "Kharkiv – ü");
    }

    #[test]
    fn clip_respects_chars() {
        assert_eq!(clip("ééé ééé", 3), "ééé…");
        assert_eq!(clip("ab\n c", 10), "ab c");
        assert_eq!(clip("", 3), "");
    }

    #[test]
    fn human_dates_at_precision() {
        let d = |v: &str| DateValue::new(v, DateBasis::Text);
        assert_eq!(human_date(&d("2019")), "2019");
        assert_eq!(human_date(&d("2023-06")), "June 2023");
        assert_eq!(human_date(&d("2023-06-03")), "3 June 2023");
        assert_eq!(human_date(&d("2023-06-03T21:40")), "3 June 2023, 21:40");
        assert_eq!(
            human_date(&d("2023-06-03T21:40:00Z")),
            "3 June 2023, 21:40 UTC"
        );
        assert_eq!(
            human_date(&d("2023-06-03T21:40:00+03:00")),
            "3 June 2023, 21:40 +03:00"
        );
        assert_eq!(human_date(&d("XXXX-XX-XX")), "XXXX-XX-XX");
        assert_eq!(human_date(&d("2023-13-01")), "2023-13-01");
        assert_eq!(human_date(&d("é")), "é");
        let mut r = DateValue::new("2023-06-04", DateBasis::Inferred);
        r.until = Some("2023-06-06".into());
        assert_eq!(human_date(&r), "4 June 2023 – 6 June 2023");
        assert_eq!(iso_date(&r), "2023-06-04 – 2023-06-06");
        let mut o = DateValue::new("2005-03-11", DateBasis::Inferred);
        o.open_ended = true;
        assert_eq!(human_date(&o), "on or after 11 March 2005");
        assert_eq!(iso_date(&o), "on or after 2005-03-11");
    }

    #[test]
    fn only_http_links() {
        assert!(linkable("https://example.org/a"));
        assert!(linkable("HTTP://x"));
        assert!(!linkable("javascript:alert(1)"));
        assert!(!linkable("https://x y"));
        assert!(!linkable("data:text/html,hi"));
    }

    #[test]
    fn removed_grouping_keeps_order() {
        let r = |t: &str, why: &str| Removed {
            text: t.into(),
            reason: why.into(),
        };
        let v = vec![r("a", "byline"), r("b", "related_links"), r("c", "byline")];
        let g = removed_by_reason(&v);
        assert_eq!(
            g,
            vec![("byline", vec!["a", "c"]), ("related_links", vec!["b"])]
        );
    }
}
