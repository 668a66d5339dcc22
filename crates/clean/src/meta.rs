//! Date normalisation and small metadata helpers.

use corroborate_model::{DateBasis, DateValue};

fn digits(s: &str, n: usize) -> Option<&str> {
    let d = s.get(..n)?;
    d.bytes().all(|b| b.is_ascii_digit()).then_some(d)
}

/// Normalises an ISO-like date or date-time (`2023-06-04`, `2023-06-04T10:20:00+02:00`,
/// `2023-06-04 10:20`, `2023/06/04`) to a [`DateValue`] at day or time precision.
pub(crate) fn parse_iso_date(raw: &str, basis: DateBasis) -> Option<DateValue> {
    let s = raw.trim();
    let y = digits(s, 4)?;
    let sep = s.get(4..5)?;
    if !matches!(sep, "-" | "/" | ".") {
        return None;
    }
    let m = digits(s.get(5..)?, 2)?;
    let d = s
        .get(7..8)
        .filter(|x| *x == sep)
        .and_then(|_| s.get(8..))
        .and_then(|r| digits(r, 2));
    let (mn, dn): (u32, u32) = (m.parse().ok()?, d.map_or(Some(1), |d| d.parse().ok())?);
    let yn: u32 = y.parse().ok()?;
    if !(1900..=2100).contains(&yn) || !(1..=12).contains(&mn) || !(1..=31).contains(&dn) {
        return None;
    }
    let Some(d) = d else {
        return Some(DateValue::new(format!("{y}-{m}"), basis));
    };
    let day = format!("{y}-{m}-{d}");
    let rest = s.get(10..).unwrap_or("");
    let rest_t = rest.strip_prefix(['T', ' ']).unwrap_or("");
    if let (Some(hh), Some(mm)) = (
        digits(rest_t, 2),
        rest_t.get(3..).and_then(|r| digits(r, 2)),
    ) && rest_t.get(2..3) == Some(":")
    {
        let (h, mi): (u32, u32) = (hh.parse().ok()?, mm.parse().ok()?);
        if h < 24 && mi < 60 {
            let mut v = format!("{day}T{hh}:{mm}");
            let after = rest_t.get(5..).unwrap_or("");
            let after = if let Some(ss) = after.strip_prefix(':').and_then(|r| digits(r, 2)) {
                v.push(':');
                v.push_str(ss);
                after.get(3..).unwrap_or("")
            } else {
                v.push_str(":00");
                after
            };
            // Skip fractional seconds.
            let after = after
                .strip_prefix('.')
                .map(|r| r.trim_start_matches(|c: char| c.is_ascii_digit()))
                .unwrap_or(after);
            if after.starts_with('Z') {
                v.push('Z');
            } else if let Some(sign) = after.get(..1).filter(|c| *c == "+" || *c == "-")
                && let Some(th) = after.get(1..).and_then(|r| digits(r, 2))
            {
                let tail = after.get(3..).unwrap_or("");
                let tm = tail
                    .strip_prefix(':')
                    .and_then(|r| digits(r, 2))
                    .or_else(|| digits(tail, 2))
                    .unwrap_or("00");
                v.push_str(&format!("{sign}{th}:{tm}"));
            }
            return Some(DateValue::new(v, basis));
        }
    }
    Some(DateValue::new(day, basis))
}

const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// Parses a date written in a header line: ISO forms, `4 June 2023`, `June 4, 2023`,
/// `04.06.2023`, `4/6/2023` is refused (ambiguous).
pub(crate) fn parse_text_date(raw: &str) -> Option<DateValue> {
    let s = raw.trim();
    if let Some(v) = parse_iso_date(s, DateBasis::Text) {
        return Some(v);
    }
    let words: Vec<String> = s
        .split(|c: char| c.is_whitespace() || c == ',' || c == '.')
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect();
    // dd.mm.yyyy
    let parts: Vec<&str> = s.split('.').map(str::trim).collect();
    if parts.len() == 3
        && let (Ok(d), Ok(m), Ok(y)) = (
            parts[0].parse::<u32>(),
            parts[1].parse::<u32>(),
            parts[2].get(..4).unwrap_or("").parse::<u32>(),
        )
        && (1..=31).contains(&d)
        && (1..=12).contains(&m)
        && (1900..=2100).contains(&y)
    {
        return Some(DateValue::new(
            format!("{y:04}-{m:02}-{d:02}"),
            DateBasis::Text,
        ));
    }
    let month_of = |w: &str| {
        MONTHS
            .iter()
            .find(|(name, _)| *name == w.trim_end_matches('.'))
            .map(|(_, m)| *m)
    };
    let mut day: Option<u32> = None;
    let mut month: Option<u32> = None;
    let mut year: Option<u32> = None;
    for w in &words {
        let w = w.trim_end_matches(|c: char| c.is_alphabetic() && month_of(w).is_none());
        if let Some(m) = month_of(w) {
            month.get_or_insert(m);
        } else if let Ok(n) = w
            .trim_end_matches(['s', 't', 'n', 'd', 'r', 'h'])
            .parse::<u32>()
        {
            if (1900..=2100).contains(&n) {
                year.get_or_insert(n);
            } else if (1..=31).contains(&n) {
                day.get_or_insert(n);
            }
        }
    }
    match (year, month, day) {
        (Some(y), Some(m), Some(d)) => Some(DateValue::new(
            format!("{y:04}-{m:02}-{d:02}"),
            DateBasis::Text,
        )),
        (Some(y), Some(m), None) => Some(DateValue::new(format!("{y:04}-{m:02}"), DateBasis::Text)),
        _ => None,
    }
}

/// Strips a trailing " | Site" / " - Site" / " – Site" part from a `<title>`.
pub(crate) fn strip_site_suffix(title: &str) -> String {
    let t = title.split_whitespace().collect::<Vec<_>>().join(" ");
    for sep in [" | ", " – ", " — ", " - ", " :: ", " · ", " » "] {
        if let Some(pos) = t.rfind(sep) {
            let (head, tail) = (
                t.get(..pos).unwrap_or(""),
                t.get(pos + sep.len()..).unwrap_or(""),
            );
            if !head.is_empty() && tail.len() <= head.len() && tail.split_whitespace().count() <= 5
            {
                return head.to_string();
            }
        }
    }
    t
}

/// An explicit calendar date with a year written somewhere in `line`: `2013-09-16`,
/// `September 16, 2013`, `Sept. 16 2013`, `16 September 2013`, `Fri, 11 Nov 2011`,
/// `27/09/2013` or `11/27/2005` (a numeric date only when one of its first two parts
/// exceeds 12, so that the day and month cannot be swapped, when both are equal, when
/// the parts are separated by dots (`08.07.2012`, day first) or when the line names a US
/// time zone: `8:13 AM PDT 8/2/2013` is month first). Returns the first such
/// date at day precision, or `None`.
pub(crate) fn explicit_date_in(line: &str) -> Option<DateValue> {
    static RE: std::sync::LazyLock<Option<regex::Regex>> = std::sync::LazyLock::new(|| {
        let month = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?";
        regex::Regex::new(&format!(
            r"(?i)(?-u:\b)(?:(?P<iy>\d{{4}}) ?- ?(?P<im>\d{{2}}) ?- ?(?P<id>\d{{2}})(?:T|(?-u:\b))|(?:(?P<m1>{month})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s+(?P<y1>\d{{4}})|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{month})\s*,?\s+(?P<y2>\d{{4}})|(?P<a>\d{{1,2}}) ?[/.] ?(?P<b>\d{{1,2}}) ?[/.] ?(?P<y3>\d{{4}})|(?P<a2>\d{{1,2}})/(?P<b2>\d{{1,2}})/(?P<y4>\d{{2}}))(?-u:\b))"
        ))
        .ok()
    });
    let re = RE.as_ref()?;
    let us = us_zone(line);
    for c in re.captures_iter(line).take(MAX_DATE_MATCHES) {
        let num = |k: &str| c.name(k).and_then(|m| m.as_str().parse::<u32>().ok());
        let month_num = |k: &str| {
            let w = c.name(k)?.as_str().to_lowercase();
            let w = w.trim_end_matches('.');
            MONTHS
                .iter()
                .find(|(name, _)| w.starts_with(name))
                .map(|(_, m)| *m)
                // "march" vs "mar", "may": a month word must be its abbreviation or
                // spelled out, not another word that starts like one ("marching").
                .filter(|_| MONTHS.iter().any(|(name, _)| *name == w))
        };
        let (y, m, d) = if let (Some(y), Some(m), Some(d)) = (num("iy"), num("im"), num("id")) {
            (y, m, d)
        } else if let (Some(y), Some(m), Some(d)) = (num("y1"), month_num("m1"), num("d1")) {
            (y, m, d)
        } else if let (Some(y), Some(m), Some(d)) = (num("y2"), month_num("m2"), num("d2")) {
            (y, m, d)
        } else if let (Some(a), Some(b), Some(yy)) = (num("a2"), num("b2"), num("y4")) {
            // "10/25/31": a two-digit year, read only when the order is certain
            let y = if yy < 50 { 2000 + yy } else { 1900 + yy };
            match (a > 12, b > 12) {
                (true, false) => (y, b, a),
                (false, true) => (y, a, b),
                (false, false) if a == b || us => (y, a, b),
                _ => continue,
            }
        } else if let (Some(a), Some(b), Some(y)) = (num("a"), num("b"), num("y3")) {
            let dotted = c.get(0).is_some_and(|m| m.as_str().contains('.'));
            match (a > 12, b > 12) {
                (true, false) => (y, b, a),
                (false, true) => (y, a, b),
                // "05/05/2010": either way
                (false, false) if a == b => (y, a, b),
                // "08.07.2012": dotted dates are written day first
                (false, false) if dotted => (y, b, a),
                // Both readings possible: month first only next to a US time zone.
                (false, false) if us => (y, a, b),
                _ => continue,
            }
        } else {
            continue;
        };
        if !(1900..=2100).contains(&y) {
            continue;
        }
        if let Some(v) = DateValue::parse(&format!("{y:04}-{m:02}-{d:02}"), DateBasis::Text) {
            return Some(v);
        }
    }
    None
}

/// Date-shaped matches tried in one line before giving up (hostile input).
const MAX_DATE_MATCHES: usize = 16;

/// Whether a line names a US time zone (`EDT`, `PST`, `ET`, ...): numeric dates beside
/// one are written month first.
fn us_zone(line: &str) -> bool {
    line.split(|c: char| !c.is_ascii_alphabetic()).any(|w| {
        matches!(
            w,
            "EST" | "EDT" | "ET" | "CST" | "CDT" | "CT" | "MST" | "MDT" | "PST" | "PDT" | "PT"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use corroborate_model::Precision;

    #[test]
    fn iso_dates() {
        let v = parse_iso_date("2023-06-04T10:20:00+02:00", DateBasis::Metadata);
        assert_eq!(
            v.as_ref().map(|v| v.value.as_str()),
            Some("2023-06-04T10:20:00+02:00")
        );
        assert_eq!(v.map(|v| v.precision), Some(Precision::Time));
        let v = parse_iso_date("2023-06-04", DateBasis::Metadata);
        assert_eq!(v.map(|v| v.precision), Some(Precision::Day));
        let v = parse_iso_date("2023-06-04T10:20:00.123Z", DateBasis::Metadata);
        assert_eq!(v.map(|v| v.value), Some("2023-06-04T10:20:00Z".to_string()));
        assert!(parse_iso_date("June 4", DateBasis::Metadata).is_none());
        assert!(parse_iso_date("2023-13-04", DateBasis::Metadata).is_none());
    }

    #[test]
    fn text_dates() {
        let d = |s: &str| parse_text_date(s).map(|v| v.value);
        assert_eq!(d("4 June 2023"), Some("2023-06-04".into()));
        assert_eq!(d("June 4, 2023"), Some("2023-06-04".into()));
        assert_eq!(d("Sunday, June 4th, 2023"), Some("2023-06-04".into()));
        assert_eq!(d("04.06.2023"), Some("2023-06-04".into()));
        assert_eq!(d("2023-06-05"), Some("2023-06-05".into()));
        assert_eq!(d("June 2023"), Some("2023-06".into()));
        assert_eq!(d("yesterday"), None);
    }

    #[test]
    fn site_suffix() {
        assert_eq!(
            strip_site_suffix("Bridge reopens | Daily Post"),
            "Bridge reopens"
        );
        assert_eq!(strip_site_suffix("Bridge reopens"), "Bridge reopens");
    }
}
