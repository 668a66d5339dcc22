//! corroborate: the pipeline facade.
//!
//! ingest → clean → annotate (per document) → link (across documents) → report.
//!
//! # Architecture invariants
//! - This crate wires the stages; it holds no linguistic logic of its own beyond merging
//!   metadata from the places it can come from and identifying the language.
//! - Per-document work ([`prepare`], [`annotate_doc`]) is a pure function of one raw
//!   document and the [`Config`]: it can run on any worker, in any order.
//! - Only the binary prints; this library returns data and notices.
#![warn(missing_docs)]

use corroborate_annotate::Options;
use corroborate_ingest::{Content, RawDoc};
use corroborate_model::{Annotations, DateBasis, DateValue, Dossier, Problem, Removed, Source};

pub mod demo;

pub use corroborate_ingest as ingest;
pub use corroborate_link as link;
pub use corroborate_model as model;
pub use corroborate_report as report;

/// The project's curated alias knowledge base (`crates/cli/data/aliases.tsv`).
pub const BUILTIN_ALIASES: &str = include_str!("../data/aliases.tsv");

/// Linking options with the built-in alias knowledge base, extended by a user's file in
/// the same format (`canonical<TAB>type<TAB>alias|alias|...`); the user's lines win
/// (they are read first, and the first line naming a name wins).
/// Returns the options and the user file's malformed lines.
pub fn link_options(user_aliases: Option<&str>) -> (corroborate_link::LinkOptions, Vec<String>) {
    let builtin = corroborate_link::AliasKb::parse(BUILTIN_ALIASES);
    let mut problems = Vec::new();
    let kb = match user_aliases {
        None => builtin,
        Some(user) => {
            let checked = corroborate_link::AliasKb::parse(user);
            problems.extend(checked.problems().iter().cloned());
            corroborate_link::AliasKb::parse(&format!("{user}\n{BUILTIN_ALIASES}"))
        }
    };
    (corroborate_link::LinkOptions { kb }, problems)
}

/// Settings shared by every document of a run.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The publication date to use when a source has none of its own (`--dct`).
    pub dct: Option<DateValue>,
    /// No cleaning: the text is the decoded input (UTF-8, byte-order mark removed), so
    /// offsets index the input itself when it is UTF-8 without a BOM.
    pub raw: bool,
}

/// Parses a `--dct` value (`YYYY-MM-DD`, also `YYYY-MM` or an ISO date-time).
pub fn parse_dct(s: &str) -> Option<DateValue> {
    DateValue::parse(s, DateBasis::Given)
}

/// Cleans one raw document into a [`Source`]: main text, what was removed, flags,
/// metadata merged from the container, the page, the URL and the run's `--dct`, the
/// language, and a stable id.
pub fn prepare(doc: &RawDoc, config: &Config) -> Source {
    prepare_with_problems(doc, config).0
}

/// [`prepare`], also returning what cleaning met (e.g. markup nested too deep to parse
/// as it was, flattened first).
pub fn prepare_with_problems(doc: &RawDoc, config: &Config) -> (Source, Vec<Problem>) {
    let cleaned = match &doc.content {
        Content::Html(h) => corroborate_clean::clean_html(h),
        Content::Text(t) => corroborate_clean::clean_text(t, doc.meta.title.as_deref()),
    };
    let meta = &cleaned.meta;
    let url = doc.meta.url.clone().or_else(|| meta.url.clone());
    let url_date = url
        .as_deref()
        .and_then(corroborate_ingest::url::date_from_url);
    let published = doc
        .meta
        .published
        .clone()
        .or_else(|| meta.published.clone())
        .or(url_date)
        .or_else(|| config.dct.clone());
    let outlet = doc
        .meta
        .outlet
        .clone()
        .or_else(|| meta.outlet.clone())
        .or_else(|| url.as_deref().and_then(corroborate_ingest::url::host));
    let title = doc.meta.title.clone().or_else(|| meta.title.clone());
    let (text, removed, flag_evidence) = if config.raw {
        (
            doc.content.as_str().to_string(),
            Vec::<Removed>::new(),
            Vec::new(),
        )
    } else {
        (cleaned.text, cleaned.removed, cleaned.flags)
    };
    let language = detect_language(&text).or_else(|| meta.language.clone());
    let mut source = Source {
        id: doc.stable_id(),
        origin: doc.origin.clone(),
        title: title
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty()),
        outlet: outlet
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty()),
        language,
        published,
        text,
        removed,
        flags: Vec::new(),
        copy_of: None,
        url,
        flag_evidence: Vec::new(),
    };
    for f in flag_evidence {
        source.add_flag(&f.flag, f.detail, f.spans);
    }
    let problems = if config.raw {
        Vec::new()
    } else {
        cleaned.problems
    };
    (source, problems)
}

/// Cleans (unless raw) and annotates one raw document.
pub fn annotate_doc(doc: &RawDoc, config: &Config) -> (Annotations, Vec<Problem>) {
    let (source, mut problems) = prepare_with_problems(doc, config);
    let options = Options {
        default_dct: config.dct.clone(),
    };
    let (a, more) = corroborate_annotate::annotate(source, &options);
    problems.extend(more);
    (a, problems)
}

/// Annotates many documents on all cores, keeping their order.
pub fn annotate_all(docs: &[RawDoc], config: &Config) -> Vec<(Annotations, Vec<Problem>)> {
    use rayon::prelude::*;
    docs.par_iter().map(|d| annotate_doc(d, config)).collect()
}

/// Makes source ids unique within a run: a second source with the same id (the same
/// content read twice) gets `-2`, `-3`, ... so evidence stays unambiguous.
pub fn dedupe_ids(docs: &mut [Annotations]) {
    let mut ids = UniqueIds::default();
    for d in docs.iter_mut() {
        d.source.id = ids.unique(&d.source.id);
    }
}

/// Hands out source ids unique within a run, across batches: an id already used gets
/// the first free suffix `-2`, `-3`, ... (`a`, `a`, `a-2` become `a`, `a-2`, `a-2-2`).
#[derive(Debug, Default)]
pub struct UniqueIds {
    used: std::collections::HashSet<String>,
}

impl UniqueIds {
    /// `id` itself when unused so far, else the first free `id-N`.
    pub fn unique(&mut self, id: &str) -> String {
        if self.used.insert(id.to_string()) {
            return id.to_string();
        }
        let mut n = 2usize;
        loop {
            let candidate = format!("{id}-{n}");
            if self.used.insert(candidate.clone()) {
                return candidate;
            }
            n += 1;
        }
    }
}

/// Links annotated documents into a dossier and records skipped inputs.
///
/// Sources without a publication date of their own get one inferred by linking (from
/// the events the story dates); those sources are then annotated again with the
/// inferred date as their creation time, so their relative expressions ("on Sunday")
/// resolve, and the story is linked once more. Annotation stays per document: the story
/// only supplies a better creation time.
pub fn analyze(docs: Vec<Annotations>, skipped: Vec<String>) -> Dossier {
    analyze_full(docs, skipped, &link_options(None).0).0
}

/// [`analyze`], also returning the final annotations (after re-annotating the sources
/// whose publication date was inferred).
pub fn analyze_full(
    mut docs: Vec<Annotations>,
    skipped: Vec<String>,
    options: &corroborate_link::LinkOptions,
) -> (Dossier, Vec<Annotations>) {
    dedupe_ids(&mut docs);
    let plan = corroborate_link::plan(&docs);
    let mut dossier = corroborate_link::link_planned(docs.clone(), options, &plan);
    let inferred: std::collections::HashMap<String, DateValue> = dossier
        .sources
        .iter()
        .filter_map(|s| match &s.published {
            // An open-ended date ("on or after") would resolve "Saturday" in an article
            // that may be years younger: relative dates stay unresolved.
            Some(p) if p.basis == DateBasis::Inferred && !p.open_ended => {
                Some((s.id.clone(), p.clone()))
            }
            _ => None,
        })
        .collect();
    // The days of each story's events, by source id: what a relative date that the
    // range leaves open may resolve to.
    let story_days: std::collections::HashMap<&str, std::collections::BTreeSet<&str>> = dossier
        .stories
        .iter()
        .flat_map(|st| {
            let days: std::collections::BTreeSet<&str> = st
                .events
                .iter()
                .filter_map(|e| e.date.as_ref().and_then(|d| d.day()))
                .collect();
            st.sources.iter().map(move |id| (id.as_str(), days.clone()))
        })
        .collect();
    let mut changed = false;
    for a in docs.iter_mut() {
        if a.source.published.is_some() {
            continue;
        }
        if let Some(date) = inferred.get(&a.source.id) {
            let mut source = a.source.clone();
            source.published = Some(date.clone());
            let mut at_start = corroborate_annotate::annotate(source, &Options::default()).0;
            // A date known to a range ("between 27 November and 3 December"): a
            // relative date that resolves differently at the two ends ("Monday") takes
            // the end that is a day of the story's events (the day other articles
            // give the happening), else it is left unresolved rather than guessed.
            if let Some(until) = date.until.as_deref().filter(|u| *u != date.value) {
                let mut source = a.source.clone();
                source.published = Some(DateValue::new(until, DateBasis::Inferred));
                let at_end = corroborate_annotate::annotate(source, &Options::default()).0;
                let empty = std::collections::BTreeSet::new();
                let days = story_days.get(a.source.id.as_str()).unwrap_or(&empty);
                unresolve_disagreeing(&mut at_start.times, &at_end.times, days);
            }
            *a = at_start;
            changed = true;
        }
    }
    // "two days before the bombing" where only other sources date the bombing
    let story_of: std::collections::HashMap<&str, &corroborate_model::Story> = dossier
        .stories
        .iter()
        .flat_map(|st| st.sources.iter().map(move |id| (id.as_str(), st)))
        .collect();
    for a in docs.iter_mut() {
        if let Some(st) = story_of.get(a.source.id.as_str()) {
            changed |= corroborate_link::events::anchor_on_story(a, &st.events);
        }
    }
    if changed {
        // same texts, same order: copies and stories stand
        dossier = corroborate_link::link_planned(docs.clone(), options, &plan);
    }
    dossier.skipped = skipped;
    (dossier, docs)
}

/// For every time value of `times` that `other` (the same text resolved against
/// another DCT) gives differently: the one of the two that is one of `days` (and the
/// other is not), else unresolved (`XXXX-XX-XX`, `XXXX-WXX`, ...).
fn unresolve_disagreeing(
    times: &mut [corroborate_model::TimeMention],
    other: &[corroborate_model::TimeMention],
    days: &std::collections::BTreeSet<&str>,
) {
    let is_day = |v: &str| v.get(..10).is_some_and(|d| days.contains(d));
    for m in times.iter_mut() {
        let Some(o) = other.iter().find(|o| o.start == m.start && o.end == m.end) else {
            continue;
        };
        if o.value == m.value {
            continue;
        }
        match (is_day(&m.value), is_day(&o.value)) {
            (true, false) => continue,
            (false, true) => {
                m.value = o.value.clone();
                continue;
            }
            _ => {}
        }
        // keep the shape: digits become X up to the first letter ("2005-11-21" ->
        // "XXXX-XX-XX", "2005-W47" -> "XXXX-WXX"); durations and references stay
        if m.value
            .get(..4)
            .is_some_and(|y| y.bytes().all(|b| b.is_ascii_digit()))
        {
            m.value = m
                .value
                .chars()
                .map(|c| if c.is_ascii_digit() { 'X' } else { c })
                .collect();
            m.anchor = None;
        }
    }
}

/// ISO 639-1 code of the text's language (ISO 639-3 when there is no two-letter code),
/// or `None` when the text is too short or the guess unreliable.
pub fn detect_language(text: &str) -> Option<String> {
    let sample = match text.char_indices().nth(4000) {
        Some((i, _)) => &text[..i],
        None => text,
    };
    if sample.split_whitespace().count() < 5 {
        return None;
    }
    let info = whatlang::detect(sample)?;
    if !info.is_reliable() && info.confidence() < 0.5 {
        return None;
    }
    let code = info.lang().code();
    let two = match code {
        "eng" => "en",
        "deu" => "de",
        "fra" => "fr",
        "spa" => "es",
        "ita" => "it",
        "por" => "pt",
        "nld" => "nl",
        "pol" => "pl",
        "rus" => "ru",
        "ukr" => "uk",
        "ces" => "cs",
        "slk" => "sk",
        "swe" => "sv",
        "dan" => "da",
        "nob" => "nb",
        "fin" => "fi",
        "hun" => "hu",
        "ron" => "ro",
        "bul" => "bg",
        "hrv" => "hr",
        "srp" => "sr",
        "slv" => "sl",
        "ell" => "el",
        "tur" => "tr",
        "ara" => "ar",
        "heb" => "he",
        "pes" => "fa",
        "hin" => "hi",
        "ben" => "bn",
        "urd" => "ur",
        "cmn" => "zh",
        "jpn" => "ja",
        "kor" => "ko",
        "vie" => "vi",
        "tha" => "th",
        "ind" => "id",
        "lit" => "lt",
        "lav" => "lv",
        "est" => "et",
        "kat" => "ka",
        "bel" => "be",
        "cat" => "ca",
        other => other,
    };
    Some(two.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use corroborate_ingest::Meta;

    fn text_doc(origin: &str, text: &str) -> RawDoc {
        RawDoc {
            origin: origin.into(),
            content: Content::Text(text.into()),
            meta: Meta::default(),
        }
    }

    #[test]
    fn relative_dates_that_differ_across_a_date_range_stay_unresolved() {
        let tm = |start: usize, value: &str| corroborate_model::TimeMention {
            start,
            end: start + 6,
            text: "Monday".into(),
            kind: corroborate_model::TimeType::DATE,
            value: value.into(),
            anchor: Some("dct".into()),
            duration: None,
        };
        let mut at_start = vec![
            tm(0, "2031-05-26"),
            tm(10, "2031-06-01"),
            tm(20, "P2D"),
            tm(30, "2031-W22"),
        ];
        let at_end = vec![
            tm(0, "2031-06-02"),
            tm(10, "2031-06-01"),
            tm(20, "P2D"),
            tm(30, "2031-W23"),
        ];
        let mut at_start2 = at_start.clone();
        unresolve_disagreeing(&mut at_start, &at_end, &Default::default());
        let values: Vec<&str> = at_start.iter().map(|t| t.value.as_str()).collect();
        assert_eq!(values, ["XXXX-XX-XX", "2031-06-01", "P2D", "XXXX-WXX"]);
        assert_eq!(at_start.first().and_then(|t| t.anchor.clone()), None);
        // the end that is a day of the story's events wins
        let days: std::collections::BTreeSet<&str> = ["2031-06-02"].into_iter().collect();
        unresolve_disagreeing(&mut at_start2, &at_end, &days);
        assert_eq!(
            at_start2.first().map(|t| t.value.as_str()),
            Some("2031-06-02")
        );
    }

    #[test]
    fn a_date_that_is_only_a_lower_bound_resolves_no_weekday() {
        let docs = [
            text_doc(
                "a.txt",
                "date: 2031-06-04\n\nA bomb exploded at the Portvale concert hall on \
                 Saturday, killing 12 people, police said.\n",
            ),
            text_doc(
                "b.txt",
                "A judge on Saturday sentenced the man who bombed the Portvale concert hall \
                 in March 2029 to life in prison, court officials said.\n",
            ),
        ];
        let cfg = Config::default();
        let annotated: Vec<Annotations> = annotate_all(&docs, &cfg)
            .into_iter()
            .map(|(a, _)| a)
            .collect();
        let (dossier, final_docs) = analyze_full(annotated, vec![], &link_options(None).0);
        let b = dossier.sources.iter().find(|s| s.origin == "b.txt");
        let published = b.and_then(|s| s.published.as_ref());
        assert!(
            published.is_some_and(|p| p.open_ended && p.value == "2029-03-01"),
            "{published:?}"
        );
        // "Saturday" in b.txt stays unresolved: it is not the Saturday of a.txt's blast.
        let b_times = final_docs
            .iter()
            .find(|d| d.source.origin == "b.txt")
            .map(|d| d.times.clone())
            .unwrap_or_default();
        assert!(
            b_times
                .iter()
                .filter(|t| t.text.contains("Saturday"))
                .all(|t| !t.value.starts_with("20")),
            "{b_times:?}"
        );
    }

    #[test]
    fn raw_mode_keeps_input_byte_for_byte() {
        let input = "date: 2023-06-05\nRelated: other story\n\nThe hall was evacuated on Sunday.";
        let cfg = Config {
            raw: true,
            ..Config::default()
        };
        let s = prepare(&text_doc("a.txt", input), &cfg);
        assert_eq!(s.text, input);
        assert!(s.removed.is_empty());
    }

    #[test]
    fn dct_is_used_only_when_the_source_has_no_date() {
        let cfg = Config {
            dct: parse_dct("2023-06-06"),
            raw: false,
        };
        let mut doc = text_doc(
            "a.txt",
            "The blast shook the city on Saturday evening, officials said.",
        );
        let s = prepare(&doc, &cfg);
        assert_eq!(
            s.published.as_ref().map(|d| (d.value.as_str(), d.basis)),
            Some(("2023-06-06", DateBasis::Given))
        );
        doc.meta.published = DateValue::parse("2023-06-04", DateBasis::Metadata);
        let s = prepare(&doc, &cfg);
        assert_eq!(s.published.map(|d| d.basis), Some(DateBasis::Metadata));
    }

    #[test]
    fn url_date_and_host_fill_gaps() {
        let mut doc = text_doc(
            "a.txt",
            "A story about the port strike that went on for days.",
        );
        doc.meta.url = Some("https://www.harbour.example/2023/06/05/strike".into());
        let s = prepare(&doc, &Config::default());
        assert_eq!(
            s.published.map(|d| (d.value, d.basis)),
            Some(("2023-06-05".to_string(), DateBasis::Url))
        );
        assert_eq!(s.outlet.as_deref(), Some("harbour.example"));
    }

    #[test]
    fn duplicate_ids_get_suffixes() {
        let cfg = Config::default();
        let a = annotate_doc(&text_doc("a.txt", "Same text here, twice over."), &cfg).0;
        let b = annotate_doc(&text_doc("b.txt", "Same text here, twice over."), &cfg).0;
        let mut v = vec![a, b];
        dedupe_ids(&mut v);
        assert_ne!(v[0].source.id, v[1].source.id);
        assert!(v[1].source.id.ends_with("-2"));
    }

    #[test]
    fn builtin_aliases_parse_cleanly_and_user_lines_are_checked() {
        let kb = corroborate_link::AliasKb::parse(BUILTIN_ALIASES);
        assert!(kb.problems().is_empty(), "{:?}", kb.problems());
        assert!(kb.entries().len() > 40);
        assert_eq!(
            kb.lookup("Kharkov").map(|e| e.canonical.as_str()),
            Some("Kharkiv")
        );
        let (opts, problems) = link_options(Some("Valmora Port\tORG\tVPA\nbroken line\n"));
        assert_eq!(problems.len(), 1);
        assert_eq!(
            opts.kb.lookup("VPA").map(|e| e.canonical.as_str()),
            Some("Valmora Port")
        );
        // a user's line wins over the built-in one, canonical names included
        let (opts, _) = link_options(Some(
            "ISIL	ORG	Islamic State
",
        ));
        assert_eq!(
            opts.kb
                .lookup("Islamic State")
                .map(|e| e.canonical.as_str()),
            Some("ISIL")
        );
    }

    #[test]
    fn ids_stay_unique_whatever_the_input() {
        let mut ids = UniqueIds::default();
        let got: Vec<String> = ["a", "a", "a-2", "b", "a"]
            .iter()
            .map(|i| ids.unique(i))
            .collect();
        let mut sorted = got.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), got.len(), "{got:?}");
        assert_eq!(got.first().map(String::as_str), Some("a"));
    }

    #[test]
    fn language_of_english_and_german() {
        assert_eq!(
            detect_language(
                "The ministry said the hall would stay closed for the rest of the week."
            )
            .as_deref(),
            Some("en")
        );
        assert_eq!(
            detect_language(
                "Das Ministerium sagte, die Halle bleibe für den Rest der Woche geschlossen."
            )
            .as_deref(),
            Some("de")
        );
        assert_eq!(detect_language("Hi"), None);
    }
}
