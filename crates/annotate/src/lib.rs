//! Per-document annotation: sentences, entities, times, quotes, quantities.
//!
//! # Architecture invariants
//! - Annotating never fails: it returns the annotations and a list of problems.
//! - Knows nothing of files, stores or other documents.
//! - Every span is a byte range of `source.text`, on char boundaries.
//! - Each layer is a pure function of the text and the earlier layers:
//!   sentences -> tokens -> entities -> times (`corroborate-time`) -> quotes -> quantities.
//!
//! # Measured (development splits only; commands in `examples/`)
//! - Entities, CoNLL-2003 eng.testa, typed span F1 (FAC counted as LOC):
//!   `cargo run -p corroborate-annotate --release --example eval_conll`. The default
//!   recognizer, [`ner::PerceptronRecognizer`] (averaged perceptron trained on eng.train by
//!   `examples/train_ner.rs`): 0.927 (P 0.925, R 0.929; PER 0.95, LOC 0.96, MISC 0.90,
//!   ORG 0.88), 230,000 to 640,000 words/s on one core (40x to 50x spaCy
//!   `en_core_web_sm` side by side: `tools/bench/ner/run.sh`; details in
//!   `docs/MODELS.md`). The rule recognizer ([`RuleRecognizer`]): 0.844 (P 0.852,
//!   R 0.836; PER 0.90, LOC 0.89, MISC 0.81, ORG 0.72), several million words/s; its
//!   name counts in `data/names.tsv` come from eng.train, so that figure will not
//!   transfer fully to unseen names.
//! - Quotes, PolNeAR dev: `cargo run -p corroborate-annotate --release --example eval_polnear`
//!   -> quote F1 0.62 (P 0.81, R 0.51: PolNeAR marks every attribution, we speech, thought,
//!   speech acts and stances with a cue), quote+speaker F1 0.56 (P 0.72, R 0.45), speaker
//!   precision on matched quotes that name one 0.94 (split quotes closed over as PolNeAR
//!   does). `docs/EVALUATION.md` keeps the full table.
//! - Whole `annotate()`: `cargo run -p corroborate-annotate --release --example bench_annotate`
//!   -> about 2.5 MB/s on one core with the trained recognizer (PolNeAR train texts).
#![warn(missing_docs)]

pub mod entities;
pub mod gazetteer;
pub mod headlines;
pub mod ner;
pub mod quantities;
pub mod quotes;
pub mod retype;
pub mod sentences;
pub mod tokens;

use chrono::NaiveDate;
use corroborate_model::{Annotations, DateValue, Problem, Source};
pub use entities::{Recognizer, RuleRecognizer};
pub use tokens::{Token, TokenKind};

/// The stage name used in [`Problem`]s.
pub const STAGE: &str = "annotate";

/// Options for [`annotate`].
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The publication date to use when the source has none of its own.
    pub default_dct: Option<DateValue>,
}

/// The document creation day: the source's publication day, else the default.
fn dct_of(source: &Source, options: &Options, problems: &mut Vec<Problem>) -> Option<NaiveDate> {
    let parse = |d: &DateValue| {
        d.day()
            .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
    };
    if let Some(p) = &source.published {
        if let Some(d) = parse(p) {
            // stamped after midnight GMT, written "tonight": the evening before, west
            // of Greenwich
            if evening_before(p, &source.text) {
                return d.pred_opt().or(Some(d));
            }
            return Some(d);
        }
        problems.push(Problem {
            stage: STAGE.to_string(),
            message: format!(
                "publication date {:?} is coarser than a day: not used as DCT",
                p.value
            ),
        });
    }
    if let Some(d) = options.default_dct.as_ref().and_then(parse) {
        return Some(d);
    }
    problems.push(Problem {
        stage: STAGE.to_string(),
        message: "no DCT: relative dates left unresolved".to_string(),
    });
    None
}

/// Whether a publication time between midnight and four in the morning UTC belongs to
/// the evening before where the text was written: the text says "tonight" or "this
/// evening" (a page stamped 02:31 GMT on 12 March about a riot in Brooklyn "tonight";
/// in the Americas that is the evening before; in Europe, a page posted at one or two in
/// the morning that says "tonight" still means the evening it was written). A morning
/// stamp east of Greenwich ("04:30 UTC", 06:30 in Paris, "the strike begins tonight")
/// is not moved.
fn evening_before(p: &DateValue, text: &str) -> bool {
    let v = p.value.as_str();
    let utc = v.ends_with('Z') || v.ends_with("+00:00");
    let early = v
        .get(11..13)
        .and_then(|h| h.parse::<u32>().ok())
        .is_some_and(|h| h < 4);
    if !(utc && early) {
        return false;
    }
    let low = text.to_lowercase();
    ["tonight", "this evening"].iter().any(|w| {
        low.match_indices(w).any(|(at, _)| {
            let before = low.get(..at).and_then(|b| b.chars().next_back());
            let after = low.get(at + w.len()..).and_then(|a| a.chars().next());
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
    })
}

/// Adds every annotation layer to one source, with the default recognizer
/// ([`ner::PerceptronRecognizer`]; the rule recognizer when its model is unreadable).
pub fn annotate(source: Source, options: &Options) -> (Annotations, Vec<Problem>) {
    annotate_with(source, options, &ner::PerceptronRecognizer)
}

/// Adds every annotation layer to one source, with the given entity recognizer.
pub fn annotate_with(
    source: Source,
    options: &Options,
    recognizer: &dyn Recognizer,
) -> (Annotations, Vec<Problem>) {
    let mut problems = Vec::new();
    let dct = dct_of(&source, options, &mut problems);
    let mut ann = Annotations::new(source);
    let text = ann.source.text.as_str();
    let sentences = sentences::split(text);
    let toks = tokens::tokenize(text);
    let mut ents = recognizer.recognize(text, &sentences, &toks);
    ents.retain(|e| e.start < e.end && text.get(e.start..e.end) == Some(e.text.as_str()));
    ents.sort_by_key(|e| (e.start, e.end));
    headlines::drop_unbacked(text, &sentences, &mut ents);
    retype::retype(text, &mut ents);
    retype::drop_portfolios(text, &mut ents);
    // a publication month, when only that is known, picks between the readings of an
    // ambiguous date ("11/09/2010" on a page of September 2010)
    let around = ann
        .source
        .published
        .as_ref()
        .filter(|_| dct.is_none())
        .filter(|p| p.value.len() == 7)
        .and_then(|p| NaiveDate::parse_from_str(&format!("{}-15", p.value), "%Y-%m-%d").ok());
    let mut times: Vec<corroborate_model::TimeMention> =
        corroborate_time::tag_with(text, &corroborate_time::Context { dct, around })
            .into_iter()
            .map(|t| t.mention)
            .collect();
    let before = times.len();
    times.retain(|t| t.start <= t.end && text.get(t.start..t.end) == Some(t.text.as_str()));
    if times.len() < before {
        problems.push(Problem {
            stage: STAGE.to_string(),
            message: format!(
                "{} time mentions with bad spans dropped",
                before - times.len()
            ),
        });
    }
    let quotes = quotes::extract(text, &sentences, &toks, &ents);
    let quantities = quantities::extract(text, &sentences, &toks, &times);
    ann.sentences = sentences;
    ann.entities = ents;
    ann.times = times;
    ann.quotes = quotes;
    ann.quantities = quantities;
    (ann, problems)
}

#[cfg(test)]
mod tests {
    use super::*;
    use corroborate_model::{DateBasis, EntityType};
    use proptest::prelude::*;

    fn source(text: &str, published: Option<&str>) -> Source {
        let mut s = Source::new("s1", "-", text);
        s.language = Some("en".into());
        s.published = published.map(|p| DateValue::new(p, DateBasis::Metadata));
        s
    }

    const DEMO: &str = "Bomb kills 58 at Kharivsk concert hall\n\nKHARIVSK, Doravia (MPA) - At least 58 people were killed and more than 120 injured when a bomb exploded in the foyer of the Tchaikovsky Concert Hall on Saturday night, officials said.The blast came during a concert of the Kharivsk Philharmonic.\n\nThe Northern Liberation Front (NLF) claimed the attack in a post on Telegram. Doravia's Interior Minister Irina Voloshyna blamed neighbouring Marvania, which denied any involvement.\n\nSSB spokesman Dmytro Hrytsenko said the State Security Bureau (SSB) had received a warning from the U.S. and from Marvania on 1 June. The warning named no target. “The alert was too vague to act on,” he said.\n\nThe attack was the deadliest since the 2019 Kharivsk central market bombing, which killed 23 people.";

    #[test]
    fn a_publication_month_picks_the_reading_of_an_ambiguous_date() {
        let value = |published: Option<&str>| {
            let (ann, _) = annotate(
                source("Posted 11/09/2031. The strike began in Norby.", published),
                &Options::default(),
            );
            ann.times.first().map(|t| t.value.clone())
        };
        assert_eq!(value(Some("2031-09")).as_deref(), Some("2031-09-11"));
        assert_eq!(value(Some("2031-11")).as_deref(), Some("2031-11-09"));
        assert_eq!(value(None).as_deref(), Some("2031-11-09"));
    }

    #[test]
    fn a_night_stamp_in_gmt_with_tonight_is_the_evening_before() {
        let value_of = |text: &str, stamp: &str, w: &str| {
            let (ann, _) = annotate(source(text, Some(stamp)), &Options::default());
            ann.times
                .iter()
                .find(|t| t.text == w)
                .map(|t| t.value.clone())
        };
        let t = "Protesters clashed with police in Norby tonight. On Monday a vigil was held.";
        let u = "Protesters clashed with police in Norby on Monday night.";
        // (text, stamp, expression, value): stamped after midnight GMT, the evening
        // before; in the afternoon or early morning in Europe, in a zone of its own, or
        // with no evening word, the stamp's day
        let cases = [
            (t, "2031-03-12T02:31:00Z", "tonight", "2031-03-11TNI"),
            (t, "2031-03-12T02:31:00Z", "Monday", "2031-03-10"),
            (t, "2031-03-12T14:31:00Z", "tonight", "2031-03-12TNI"),
            (t, "2031-03-12T04:30:00Z", "tonight", "2031-03-12TNI"),
            (t, "2031-03-12T02:31:00+02:00", "tonight", "2031-03-12TNI"),
            (u, "2031-03-12T02:31:00Z", "Monday night", "2031-03-10"),
        ];
        for (text, stamp, w, want) in cases {
            assert_eq!(
                value_of(text, stamp, w).as_deref(),
                Some(want),
                "{w} in {text:?} at {stamp}"
            );
        }
    }

    #[test]
    fn demo_passage() {
        let (ann, problems) = annotate(source(DEMO, Some("2023-06-04")), &Options::default());
        assert!(ann.bad_spans().is_empty(), "{:?}", ann.bad_spans());
        assert!(problems.is_empty(), "{problems:?}");
        let sents: Vec<&str> = ann
            .sentences
            .iter()
            .map(|s| &DEMO[s.start..s.end])
            .collect();
        assert!(
            sents.contains(&"The blast came during a concert of the Kharivsk Philharmonic."),
            "{sents:?}"
        );
        assert!(
            sents
                .iter()
                .any(|s| s.contains("the U.S. and from Marvania on 1 June.")),
            "{sents:?}"
        );
        let ent = |t: &str| ann.entities.iter().find(|e| e.text == t);
        assert_eq!(
            ent("Tchaikovsky Concert Hall").map(|e| e.kind),
            Some(EntityType::FAC)
        );
        assert_eq!(
            ent("Irina Voloshyna").and_then(|e| e.title.as_deref()),
            Some("Interior Minister")
        );
        assert_eq!(
            ent("Northern Liberation Front").map(|e| e.kind),
            Some(EntityType::ORG)
        );
        assert_eq!(
            ent("NLF").and_then(|e| e.canonical.as_deref()),
            Some("Northern Liberation Front")
        );
        assert_eq!(
            ent("SSB").and_then(|e| e.canonical.as_deref()),
            Some("State Security Bureau")
        );
        let q = ann
            .quotes
            .iter()
            .find(|q| q.text == "The alert was too vague to act on");
        let sp = q.and_then(|q| q.speaker.as_ref());
        assert_eq!(sp.map(|s| s.text.as_str()), Some("he"));
        assert_eq!(
            sp.and_then(|s| s.resolved.as_deref()),
            Some("Dmytro Hrytsenko")
        );
        let killed: Vec<f64> = ann
            .quantities
            .iter()
            .filter(|q| q.category.as_deref() == Some("killed"))
            .map(|q| q.value)
            .collect();
        assert!(
            killed.contains(&58.0) && killed.contains(&23.0),
            "{:?}",
            ann.quantities
        );
        assert!(
            ann.quantities
                .iter()
                .all(|q| q.value != 2019.0 && q.value != 1.0)
        );
        let injured = ann
            .quantities
            .iter()
            .find(|q| q.category.as_deref() == Some("injured"));
        assert_eq!(injured.and_then(|q| q.min), Some(121.0));
    }

    #[test]
    fn missing_dct_is_a_problem() {
        let (_, problems) = annotate(
            source("On Sunday, the militia claimed the blast.", None),
            &Options::default(),
        );
        assert!(problems.iter().any(|p| p.message.contains("no DCT")));
        let opts = Options {
            default_dct: Some(DateValue::new("2023-06-05", DateBasis::Given)),
        };
        let (_, problems) = annotate(
            source("On Sunday, the militia claimed the blast.", None),
            &opts,
        );
        assert!(problems.is_empty());
    }

    #[test]
    fn empty_and_odd_texts() {
        for t in [
            "",
            " ",
            "\n\n\n",
            "\"",
            "“",
            "”",
            "$",
            "a.",
            "U.S.",
            "... ?!",
            "1,",
            "at least",
            "Mr.",
            "é\u{301}",
        ] {
            let (ann, _) = annotate(source(t, None), &Options::default());
            assert!(ann.bad_spans().is_empty(), "{t:?}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]
        #[test]
        fn never_panics_and_spans_round_trip(text in "(?s)[A-Za-z0-9 .,;:!?\"'“”‘’()\\-–—$%€\n\tÉéüßКиївЖ]{0,300}") {
            let (ann, _) = annotate(source(&text, Some("2023-06-04")), &Options::default());
            prop_assert!(ann.bad_spans().is_empty(), "{:?}", ann.bad_spans());
            for w in ann.sentences.windows(2) {
                prop_assert!(w[0].end <= w[1].start);
            }
        }

        #[test]
        fn arbitrary_unicode_never_panics(text in "\\PC{0,200}") {
            let (ann, _) = annotate(source(&text, None), &Options::default());
            prop_assert!(ann.bad_spans().is_empty(), "{:?}", ann.bad_spans());
        }

        #[test]
        fn word_soup_round_trips(words in proptest::collection::vec(prop_oneof![
            Just("The"), Just("said"), Just("he"), Just("\""), Just("“"), Just("”"), Just("at least"), Just("58"),
            Just("people"), Just("killed"), Just("Irina Voloshyna"), Just("(SSB)"), Just("State Security Bureau"),
            Just("U.S."), Just("."), Just(","), Just("\n\n"), Just("according to"), Just("million"), Just("$"),
            Just("June"), Just("2019"), Just("Gen."), Just("of"), Just("Hall"), Just("Kharivsk"), Just("she"),
        ], 0..60)) {
            let text = words.join(" ");
            let (ann, _) = annotate(source(&text, Some("2023-06-04")), &Options::default());
            prop_assert!(ann.bad_spans().is_empty(), "{:?}", ann.bad_spans());
        }
    }
}
