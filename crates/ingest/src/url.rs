//! Metadata read off a URL: a publication date in the path, the outlet's host.

use corroborate_model::{DateBasis, DateValue};

/// A date written in a URL path: `/2023/06/04/`, `/2023-06-04/`, `/20230604/`, or
/// `/2023/06/` (month precision).
pub fn date_from_url(url: &str) -> Option<DateValue> {
    let path = url.split(['?', '#']).next().unwrap_or("");
    let path = path.split_once("://").map(|(_, r)| r).unwrap_or(path);
    let parts: Vec<&str> = path.split('/').skip(1).collect();
    let num = |s: &str, len: usize| s.len() == len && s.bytes().all(|b| b.is_ascii_digit());
    for (i, p) in parts.iter().enumerate() {
        if num(p, 4) {
            let (m, d) = (parts.get(i + 1), parts.get(i + 2));
            // /2007/apr/04/
            if let Some(mn) = m.and_then(|m| month_abbrev(m))
                && let Some(d) = d.filter(|d| (1..=2).contains(&d.len()) && num(d, d.len()))
                && let Some(v) = DateValue::parse(&format!("{p}-{mn:02}-{d:0>2}"), DateBasis::Url)
            {
                return Some(v);
            }
            if let Some(m) = m.filter(|m| num(m, 2)) {
                if let Some(d) = d.filter(|d| num(d, 2))
                    && let Some(v) = DateValue::parse(&format!("{p}-{m}-{d}"), DateBasis::Url)
                {
                    return Some(v);
                }
                if let Some(v) = DateValue::parse(&format!("{p}-{m}"), DateBasis::Url) {
                    return Some(v);
                }
            }
        }
        // 2023-06-04 or 20230604 inside a segment.
        for word in p.split(|c: char| !c.is_ascii_alphanumeric() && c != '-') {
            if word.len() >= 10 {
                for start in 0..=word.len() - 10 {
                    if let Some(cand) = word.get(start..start + 10)
                        && cand.as_bytes()[4] == b'-'
                        && let Some(v) = DateValue::parse(cand, DateBasis::Url)
                    {
                        return Some(v);
                    }
                }
            }
        }
        let digits: String = p.chars().filter(|c| c.is_ascii_digit()).collect();
        let lead: String = p.chars().take_while(char::is_ascii_digit).collect();
        let digits = if lead.len() == 8 { lead } else { digits };
        if num(p, 8) || (digits.len() == 8 && p.len() > 8 && p.starts_with(&digits)) {
            let cand = format!("{}-{}-{}", &digits[..4], &digits[4..6], &digits[6..8]);
            if let Some(v) = DateValue::parse(&cand, DateBasis::Url) {
                return Some(v);
            }
        }
    }
    // A query value of eight digits that reads as a date (`?ymd=20231216`).
    let query = url.split_once('?').map(|(_, q)| q).unwrap_or("");
    query
        .split(['&', '#'])
        .filter_map(|kv| kv.split_once('=').map(|(_, v)| v))
        .filter(|v| num(v, 8) && (v.starts_with("19") || v.starts_with("20")))
        .find_map(|v| {
            DateValue::parse(
                &format!("{}-{}-{}", &v[..4], &v[4..6], &v[6..8]),
                DateBasis::Url,
            )
        })
}

/// The month of a three-letter English month abbreviation as written in URL paths
/// (`apr`, `Jun`; also `sept`).
fn month_abbrev(seg: &str) -> Option<u32> {
    const M: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let low = seg.to_ascii_lowercase();
    let low = if low == "sept" {
        "sep".to_string()
    } else {
        low
    };
    let i = M.iter().position(|m| *m == low)?;
    u32::try_from(i + 1).ok()
}

/// The host of a URL without `www.`, as a fallback outlet name.
pub fn host(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest
        .split(['/', '?', '#', ':'])
        .next()?
        .trim_start_matches("www.");
    (!host.is_empty() && host.contains('.')).then(|| host.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_urls() {
        let v = |u| date_from_url(u).map(|d| d.value);
        assert_eq!(
            v("https://x.example/2007/apr/04/local/story").as_deref(),
            Some("2007-04-04")
        );
        assert_eq!(v("https://x.example/2007/apr/story"), None);
        assert_eq!(
            v("https://x.example/view/20100505-268325/story").as_deref(),
            Some("2010-05-05")
        );
        assert_eq!(
            v("https://x.example/article.jsp?ymd=20081216&id=3718580").as_deref(),
            Some("2008-12-16")
        );
        assert_eq!(v("https://x.example/article.jsp?id=37185801"), None);
        assert_eq!(
            v("https://x.example/news/2023/06/04/blast").as_deref(),
            Some("2023-06-04")
        );
        assert_eq!(
            v("https://x.example/2023/06/story").as_deref(),
            Some("2023-06")
        );
        assert_eq!(
            v("https://x.example/world/blast-2023-06-05-update").as_deref(),
            Some("2023-06-05")
        );
        assert_eq!(
            v("https://x.example/a/20230606/b").as_deref(),
            Some("2023-06-06")
        );
        assert_eq!(v("https://x.example/a/12345/b"), None);
        assert_eq!(v("https://x.example/2023/13/40/"), None);
        assert_eq!(
            date_from_url("https://x.example/2023/06/04/").map(|d| d.basis),
            Some(DateBasis::Url)
        );
    }

    #[test]
    fn hosts() {
        assert_eq!(
            host("https://www.herald.example/a").as_deref(),
            Some("herald.example")
        );
        assert_eq!(host("not a url"), None);
    }
}
