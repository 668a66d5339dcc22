//! The contract types of corroborate.
//!
//! Everything that crosses a stage boundary lives here: the [`Source`] (one cleaned
//! document), the per-document [`Annotations`] (`corroborate/annotations@1`) and the
//! cross-document [`Dossier`] (`corroborate/dossier@1`).
//!
//! # Architecture invariants
//! - Every span (`start`, `end`) is a UTF-8 byte range of its source's `text`, end
//!   exclusive, and lies on `char` boundaries. [`Span::slice`] is the only way the
//!   rest of the code reads a span's text.
//! - This crate knows nothing of files, HTML, stores or models: it is data plus
//!   small helpers. Serialisation field names are the public contract; extend, never
//!   rename.

use serde::{Deserialize, Serialize};

/// Schema tag of one annotations object.
pub const ANNOTATIONS_SCHEMA: &str = "corroborate/annotations@1";
/// Schema tag of a dossier.
pub const DOSSIER_SCHEMA: &str = "corroborate/dossier@1";

/// A byte range `[start, end)` over a source text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A new span; `start` must not exceed `end`.
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }

    /// Text of the span, or `""` when it does not index `text` on char boundaries.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// Whether the span indexes `text` on char boundaries.
    pub fn is_valid_in(&self, text: &str) -> bool {
        self.start <= self.end && text.get(self.start..self.end).is_some()
    }

    /// Number of bytes.
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether the span covers no byte.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether `other` lies inside this span.
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two spans share at least one byte.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// Precision of a [`DateValue`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// `YYYY`
    Year,
    /// `YYYY-MM`
    Month,
    /// `YYYY-MM-DD`
    Day,
    /// ISO date-time
    Time,
}

/// Where a [`DateValue`] came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateBasis {
    /// HTML meta tags, JSON-LD, JSONL fields, WARC headers.
    Metadata,
    /// A header line or byline in the text, or a date written in the text.
    Text,
    /// A date in the URL.
    Url,
    /// Inferred from content or from other sources of the story.
    Inferred,
    /// Given by the user (`--dct`).
    Given,
}

/// A date at its real precision, with where it came from.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DateValue {
    /// `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or an ISO date-time.
    pub value: String,
    /// Precision of `value`.
    pub precision: Precision,
    /// Provenance.
    pub basis: DateBasis,
    /// For inferred dates: the latest possible day, when the inference gives a range
    /// (extension of the contract).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<String>,
    /// For inferred dates: `value` is only the earliest possible day and nothing bounds
    /// the date above ("on or after", from the latest date the text mentions); such a
    /// date is never used to resolve the text's relative dates (extension of the
    /// contract).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub open_ended: bool,
}

impl DateValue {
    /// A date with the precision read off the shape of `value`.
    pub fn new(value: impl Into<String>, basis: DateBasis) -> Self {
        let value = value.into();
        let precision = match value.len() {
            4 => Precision::Year,
            7 => Precision::Month,
            10 => Precision::Day,
            _ => Precision::Time,
        };
        DateValue {
            value,
            precision,
            basis,
            until: None,
            open_ended: false,
        }
    }

    /// Parses a date as found in metadata: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`,
    /// `YYYY/MM/DD`, or an ISO date-time (`2023-06-04T10:00:00Z`, `2023-06-04 10:00`).
    /// Returns `None` for anything else or an impossible month or day.
    pub fn parse(raw: &str, basis: DateBasis) -> Option<Self> {
        let s = raw.trim();
        let b = s.as_bytes();
        let digits = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = s.get(r)?;
            if part.bytes().all(|c| c.is_ascii_digit()) {
                part.parse().ok()
            } else {
                None
            }
        };
        let year = digits(0..4)?;
        if !(1000..=2999).contains(&year) {
            return None;
        }
        if b.len() == 4 {
            return Some(DateValue::new(s, basis));
        }
        let sep = *b.get(4)?;
        if sep != b'-' && sep != b'/' {
            return None;
        }
        let month = digits(5..7)?;
        if !(1..=12).contains(&month) {
            return None;
        }
        if b.len() == 7 {
            return Some(DateValue::new(format!("{year:04}-{month:02}"), basis));
        }
        if *b.get(7)? != sep {
            return None;
        }
        let day = digits(8..10)?;
        let max_day = match month {
            2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        if !(1..=max_day).contains(&day) {
            return None;
        }
        let date = format!("{year:04}-{month:02}-{day:02}");
        if b.len() == 10 {
            return Some(DateValue::new(date, basis));
        }
        let t = *b.get(10)?;
        if t != b'T' && t != b' ' {
            return None;
        }
        let hour = digits(11..13)?;
        let minute = digits(14..16)?;
        if hour > 23 || minute > 59 || b.get(13) != Some(&b':') {
            return None;
        }
        // Keep seconds and zone as written (validated loosely): ISO date-time.
        let rest = s.get(16..).unwrap_or("");
        let rest_ok = rest
            .bytes()
            .all(|c| c.is_ascii_digit() || matches!(c, b':' | b'.' | b'+' | b'-' | b'Z' | b'z'));
        let value = if rest_ok {
            format!("{date}T{hour:02}:{minute:02}{rest}")
        } else {
            format!("{date}T{hour:02}:{minute:02}")
        };
        Some(DateValue::new(value, basis))
    }

    /// The `YYYY-MM-DD` prefix, when the precision is day or finer.
    pub fn day(&self) -> Option<&str> {
        match self.precision {
            Precision::Day | Precision::Time => self.value.get(..10),
            _ => None,
        }
    }
}

/// A piece of text that cleaning removed, with the reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removed {
    /// The removed text (as it stood, whitespace normalised).
    pub text: String,
    /// Why: `related_links`, `byline`, `author_bio`, `credit`, `share_prompt`,
    /// `newsletter`, `membership`, `comments`, `headline_list`, `repeated_headline`,
    /// `source_footer`, `navigation`, `boilerplate`, `metadata_header`, ...
    pub reason: String,
}

/// Evidence for a source flag (extension of the contract: `flags` holds the names).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlagEvidence {
    /// The flag name, as in [`Source::flags`].
    pub flag: String,
    /// A human-readable reason, e.g. the glued words found.
    pub detail: String,
    /// Spans of the source text that show it, when there are any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub spans: Vec<Span>,
}

/// Names of the source flags.
pub mod flags {
    /// The text ends mid-sentence.
    pub const TRUNCATED: &str = "truncated";
    /// The headline is repeated at the top of the body.
    pub const REPEATED_HEADLINE: &str = "repeated_headline";
    /// Suspected machine translation.
    pub const MACHINE_TRANSLATED: &str = "machine_translated";
    /// A near-duplicate of another source (see `copy_of`).
    pub const NEAR_DUPLICATE: &str = "near_duplicate";
}

/// One cleaned document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// Stable id, derived from the content hash (or given by a JSONL `id`).
    pub id: String,
    /// Where it came from: a path, `path#line`, `path#record`, or `-`.
    pub origin: String,
    /// Title, when known.
    pub title: Option<String>,
    /// Outlet (publisher), when known.
    pub outlet: Option<String>,
    /// ISO 639-1 code, when identified.
    pub language: Option<String>,
    /// Publication date (document creation time).
    pub published: Option<DateValue>,
    /// The main text; every span of every layer indexes it.
    pub text: String,
    /// What cleaning removed.
    pub removed: Vec<Removed>,
    /// Quality flags (names from [`flags`]).
    pub flags: Vec<String>,
    /// The id of the source this one is a copy of, if any.
    pub copy_of: Option<String>,
    /// URL, when known (extension).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Evidence for each flag (extension).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub flag_evidence: Vec<FlagEvidence>,
}

impl Source {
    /// A source of `text` with only an id and an origin: no title, outlet, language,
    /// date, removals, flags or copy link (set the fields that are known afterwards).
    pub fn new(id: impl Into<String>, origin: impl Into<String>, text: impl Into<String>) -> Self {
        Source {
            id: id.into(),
            origin: origin.into(),
            title: None,
            outlet: None,
            language: None,
            published: None,
            text: text.into(),
            removed: Vec::new(),
            flags: Vec::new(),
            copy_of: None,
            url: None,
            flag_evidence: Vec::new(),
        }
    }

    /// Adds a flag once, with its evidence.
    pub fn add_flag(&mut self, flag: &str, detail: impl Into<String>, spans: Vec<Span>) {
        if !self.flags.iter().any(|f| f == flag) {
            self.flags.push(flag.to_string());
        }
        self.flag_evidence.push(FlagEvidence {
            flag: flag.to_string(),
            detail: detail.into(),
            spans,
        });
    }

    /// Whether the source carries `flag`.
    pub fn has_flag(&self, flag: &str) -> bool {
        self.flags.iter().any(|f| f == flag)
    }
}

/// Entity types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityType {
    /// Person.
    PER,
    /// Organisation.
    ORG,
    /// Location (geo-political or natural).
    LOC,
    /// Facility (building, venue, airport, bridge).
    FAC,
    /// Anything else named (events, nationalities, products).
    MISC,
}

impl EntityType {
    /// The contract's name.
    pub fn as_str(&self) -> &'static str {
        match self {
            EntityType::PER => "PER",
            EntityType::ORG => "ORG",
            EntityType::LOC => "LOC",
            EntityType::FAC => "FAC",
            EntityType::MISC => "MISC",
        }
    }
}

/// A sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Sentence {
    /// The span.
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// A named-entity mention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityMention {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The mention's text (equals `text[start..end]`).
    pub text: String,
    /// Type.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Title or role stripped off the name ("Chancellor", "Gen."), as an attribute (extension).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Document-level canonical form ("Lopez" -> "Maria Lopez"; "BKA" -> expansion) (extension).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub canonical: Option<String>,
}

/// TIMEX3 types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TimeType {
    /// A calendar date or period.
    DATE,
    /// A time of day.
    TIME,
    /// A duration.
    DURATION,
    /// A recurring time.
    SET,
}

/// A temporal expression.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimeMention {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The expression's text.
    pub text: String,
    /// TIMEX3 type.
    #[serde(rename = "type")]
    pub kind: TimeType,
    /// TIMEX3 value (`2023-06-06`, `P2D`, `PRESENT_REF`, `XXXX-XX-XX` when unresolved).
    pub value: String,
    /// What the value was resolved against: `dct`, `event`, `absolute`, `previous` (extension).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchor: Option<String>,
    /// For a span of time counted from the time just told ("three days later", "a few
    /// days earlier"), its length (`P3D`, `PXD`); `value` holds the date it points to.
    /// TimeML annotates such an expression as this duration (extension).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<String>,
}

impl TimeMention {
    /// The TIMEX3 type and value as TimeML annotates them: an anchored duration is a
    /// `DURATION` of its length, anything else its own type and value.
    pub fn timeml(&self) -> (TimeType, &str) {
        match &self.duration {
            Some(d) => (TimeType::DURATION, d.as_str()),
            None => (self.kind, self.value.as_str()),
        }
    }
}

/// The speaker of a quote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SpeakerSpan {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The speaker mention's text.
    pub text: String,
    /// The name the mention resolves to within the document, when it is a pronoun
    /// or nominal ("he" -> "Maria Lopez") (extension).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolved: Option<String>,
}

/// A quote (direct or reported speech).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteMention {
    /// First byte of the quoted content.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// The quoted content.
    pub text: String,
    /// Who said it, when known.
    pub speaker: Option<SpeakerSpan>,
    /// The kind of attribution (extension): `direct` (words in quotation marks),
    /// `partial` (a quoted fragment inside a sentence), `reported` (a clause after a
    /// saying or believing verb: "said that ...") or `act` (the object of a speech act
    /// or a stance, not words said: "denied *any involvement*", "backs *the bill*").
    /// The dossier shows `direct`, `partial` and `reported` statements as quotes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The cue ("said", "according to") (extension).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<String>,
}

/// A quantity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuantityMention {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The quantity's text ("at least 58 people").
    pub text: String,
    /// The number (point value).
    pub value: f64,
    /// Unit or counted noun ("people", "km", "USD", "%"), when any.
    pub unit: Option<String>,
    /// Lower bound implied by the modifier (extension).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    /// Upper bound implied by the modifier (extension).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// The modifier ("at least", "about") (extension).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modifier: Option<String>,
    /// Category ("killed", "injured", "hostages", "arrested") (extension).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
}

/// A problem met while processing one document: never fatal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    /// The stage that met it.
    pub stage: String,
    /// What happened.
    pub message: String,
}

/// One annotated source: `corroborate/annotations@1`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Annotations {
    /// Always [`ANNOTATIONS_SCHEMA`].
    pub schema: String,
    /// The source.
    pub source: Source,
    /// Sentences.
    pub sentences: Vec<Sentence>,
    /// Entity mentions.
    pub entities: Vec<EntityMention>,
    /// Temporal expressions.
    pub times: Vec<TimeMention>,
    /// Quotes.
    pub quotes: Vec<QuoteMention>,
    /// Quantities.
    pub quantities: Vec<QuantityMention>,
}

impl Annotations {
    /// Empty layers over a source.
    pub fn new(source: Source) -> Self {
        Annotations {
            schema: ANNOTATIONS_SCHEMA.to_string(),
            source,
            sentences: Vec::new(),
            entities: Vec::new(),
            times: Vec::new(),
            quotes: Vec::new(),
            quantities: Vec::new(),
        }
    }

    /// Every span of every layer, with the text it claims, for round-trip checks.
    pub fn claimed_spans(&self) -> Vec<(Span, Option<&str>)> {
        let mut out: Vec<(Span, Option<&str>)> = Vec::new();
        out.extend(self.sentences.iter().map(|s| (s.span(), None)));
        out.extend(
            self.entities
                .iter()
                .map(|e| (Span::new(e.start, e.end), Some(e.text.as_str()))),
        );
        out.extend(
            self.times
                .iter()
                .map(|e| (Span::new(e.start, e.end), Some(e.text.as_str()))),
        );
        for q in &self.quotes {
            out.push((Span::new(q.start, q.end), Some(q.text.as_str())));
            if let Some(s) = &q.speaker {
                out.push((Span::new(s.start, s.end), Some(s.text.as_str())));
            }
        }
        out.extend(
            self.quantities
                .iter()
                .map(|e| (Span::new(e.start, e.end), Some(e.text.as_str()))),
        );
        out
    }

    /// Spans that do not index the text or whose text differs from the claimed text.
    pub fn bad_spans(&self) -> Vec<String> {
        let text = &self.source.text;
        self.claimed_spans()
            .into_iter()
            .filter_map(|(span, claimed)| {
                if !span.is_valid_in(text) {
                    return Some(format!(
                        "{}..{} out of range or off a char boundary",
                        span.start, span.end
                    ));
                }
                match claimed {
                    Some(c) if c != span.slice(text) => Some(format!(
                        "{}..{} claims {:?} but text has {:?}",
                        span.start,
                        span.end,
                        c,
                        span.slice(text)
                    )),
                    _ => None,
                }
            })
            .collect()
    }
}

/// A passage of a source that supports a dossier item.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Evidence {
    /// Source id.
    pub source: String,
    /// First byte in the source's text.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// `text[start..end]` of that source.
    pub text: String,
}

impl Evidence {
    /// Evidence for `span` of `source`.
    pub fn of(source: &Source, span: Span) -> Self {
        Evidence {
            source: source.id.clone(),
            start: span.start,
            end: span.end,
            text: span.slice(&source.text).to_string(),
        }
    }
}

/// A canonical entity of a story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Id, unique in the dossier.
    pub id: String,
    /// Best full form.
    pub name: String,
    /// Type.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Every surface form seen.
    pub aliases: Vec<String>,
    /// Every mention.
    pub mentions: Vec<Evidence>,
    /// Mentions flagged as probable mistranslations, with why (extension).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// The same id on the entities of every story of the dossier that name the same
    /// thing: same type and a shared name or alias (one-word person names excepted),
    /// so that an entity can be followed across stories (extension).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub global: Option<String>,
}

/// A timeline entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Id.
    pub id: String,
    /// When, at its real precision.
    pub date: Option<DateValue>,
    /// A short description.
    pub text: String,
    /// Entity ids involved.
    pub entities: Vec<String>,
    /// Every source passage that reports it.
    pub evidence: Vec<Evidence>,
    /// `main`, `background` (older events mentioned for context) or `scheduled` (dated
    /// after every source that tells it: a plan, not yet a happening) (extension).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
}

/// A quote's speaker in the dossier.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DossierSpeaker {
    /// Canonical entity id, when resolved.
    pub entity: Option<String>,
    /// The speaker as written (or its canonical name).
    pub text: String,
}

/// A quote in the dossier, with every source that carries it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// Id.
    pub id: String,
    /// The quote.
    pub text: String,
    /// The speaker.
    pub speaker: Option<DossierSpeaker>,
    /// Every source passage.
    pub evidence: Vec<Evidence>,
}

/// Claim status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimStatus {
    /// At least two independent sources agree.
    Corroborated,
    /// One independent source (copies count once).
    SingleSource,
    /// Incompatible values for the same time, or parties that assert and deny.
    Contested,
    /// Values change monotonically over time; the latest is current.
    Evolving,
}

impl ClaimStatus {
    /// The contract's name.
    pub fn as_str(&self) -> &'static str {
        match self {
            ClaimStatus::Corroborated => "corroborated",
            ClaimStatus::SingleSource => "single_source",
            ClaimStatus::Contested => "contested",
            ClaimStatus::Evolving => "evolving",
        }
    }
}

/// One value of a claim slot.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimValue {
    /// The value as text ("64", "at least 58", "the militia is responsible").
    pub value: String,
    /// Source ids that give it.
    pub sources: Vec<String>,
    /// As-of date.
    pub as_of: Option<DateValue>,
    /// The passages.
    pub evidence: Vec<Evidence>,
    /// The party asserting this value, for disputed propositions (extension).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party: Option<String>,
    /// Number of independent sources after collapsing copies (extension).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub independent_sources: Option<usize>,
}

/// A claim slot with the values the sources give.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// Id.
    pub id: String,
    /// The subject (event or entity).
    pub subject: String,
    /// The attribute ("killed", "injured", "responsibility").
    pub attribute: String,
    /// Status.
    pub status: ClaimStatus,
    /// Values.
    pub values: Vec<ClaimValue>,
}

/// A summary sentence with its citations.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SummarySentence {
    /// The sentence.
    pub text: String,
    /// The passages it rests on.
    pub citations: Vec<Evidence>,
}

/// One story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Story {
    /// Id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Source ids.
    pub sources: Vec<String>,
    /// Canonical entities.
    pub entities: Vec<Entity>,
    /// The timeline, in date order.
    pub events: Vec<Event>,
    /// Quotes.
    pub quotes: Vec<Quote>,
    /// Claims.
    pub claims: Vec<Claim>,
    /// Summary.
    pub summary: Vec<SummarySentence>,
}

/// `corroborate/dossier@1`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dossier {
    /// Always [`DOSSIER_SCHEMA`].
    pub schema: String,
    /// Every source.
    pub sources: Vec<Source>,
    /// Stories.
    pub stories: Vec<Story>,
    /// Inputs that were skipped, one line each (extension).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skipped: Vec<String>,
}

impl Dossier {
    /// Every evidence item of the dossier, for round-trip checks.
    pub fn all_evidence(&self) -> Vec<&Evidence> {
        let mut out = Vec::new();
        for s in &self.stories {
            for e in &s.entities {
                out.extend(e.mentions.iter());
            }
            for e in &s.events {
                out.extend(e.evidence.iter());
            }
            for q in &s.quotes {
                out.extend(q.evidence.iter());
            }
            for c in &s.claims {
                for v in &c.values {
                    out.extend(v.evidence.iter());
                }
            }
            for m in &s.summary {
                out.extend(m.citations.iter());
            }
        }
        out
    }

    /// Evidence items whose offsets do not round-trip to their text.
    pub fn bad_evidence(&self) -> Vec<String> {
        let by_id: std::collections::HashMap<&str, &Source> =
            self.sources.iter().map(|s| (s.id.as_str(), s)).collect();
        self.all_evidence()
            .into_iter()
            .filter_map(|e| match by_id.get(e.source.as_str()) {
                None => Some(format!("evidence names unknown source {}", e.source)),
                Some(src) => match src.text.get(e.start..e.end) {
                    Some(t) if t == e.text => None,
                    Some(t) => Some(format!(
                        "{}:{}..{} claims {:?}, text has {:?}",
                        e.source, e.start, e.end, e.text, t
                    )),
                    None => Some(format!("{}:{}..{} out of range", e.source, e.start, e.end)),
                },
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_dates() {
        let d = |s| DateValue::parse(s, DateBasis::Metadata).map(|d| d.value);
        assert_eq!(d("2023-06-04").as_deref(), Some("2023-06-04"));
        assert_eq!(d("2023/06/04").as_deref(), Some("2023-06-04"));
        assert_eq!(d(" 2023-06 ").as_deref(), Some("2023-06"));
        assert_eq!(
            d("2023-06-04T10:05:00Z").as_deref(),
            Some("2023-06-04T10:05:00Z")
        );
        assert_eq!(d("2023-06-04 10:05").as_deref(), Some("2023-06-04T10:05"));
        assert_eq!(d("2023-02-29"), None);
        assert_eq!(d("2023-13-01"), None);
        assert_eq!(d("June 4"), None);
        assert_eq!(d("2023-06-04T25:00"), None);
        assert_eq!(
            DateValue::parse("2023-06-04T10:05:00+02:00", DateBasis::Url).map(|d| d.precision),
            Some(Precision::Time)
        );
    }

    #[test]
    fn date_precision_from_shape() {
        assert_eq!(
            DateValue::new("2023", DateBasis::Text).precision,
            Precision::Year
        );
        assert_eq!(
            DateValue::new("2023-06", DateBasis::Text).precision,
            Precision::Month
        );
        assert_eq!(
            DateValue::new("2023-06-02", DateBasis::Text).precision,
            Precision::Day
        );
        assert_eq!(
            DateValue::new("2023-06-02T10:00:00Z", DateBasis::Text).precision,
            Precision::Time
        );
        assert_eq!(
            DateValue::new("2023-06-02T10:00", DateBasis::Url).day(),
            Some("2023-06-02")
        );
    }

    #[test]
    fn span_slice_guards_char_boundaries() {
        let t = "Kharkiv – city";
        assert_eq!(Span::new(0, 7).slice(t), "Kharkiv");
        assert_eq!(Span::new(9, 10).slice(t), "");
        assert!(!Span::new(9, 10).is_valid_in(t));
    }

    #[test]
    fn contract_field_names() {
        let v = serde_json::to_value(ClaimStatus::SingleSource).unwrap_or_default();
        assert_eq!(v, "single_source");
        let m = EntityMention {
            start: 0,
            end: 1,
            text: "A".into(),
            kind: EntityType::ORG,
            title: None,
            canonical: None,
        };
        let v = serde_json::to_value(&m).unwrap_or_default();
        assert_eq!(v["type"], "ORG");
        assert!(v.get("title").is_none());
    }
}
