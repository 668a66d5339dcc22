//! Hand-built annotated sources about the demo story, for tests.

use corroborate_model::{
    Annotations, DateBasis, DateValue, EntityMention, EntityType, QuantityMention, QuoteMention,
    Sentence, Source, SpeakerSpan, TimeMention, TimeType,
};

use crate::text;

/// Builds one annotated source; offsets are found by searching the text.
pub struct Doc {
    /// The annotations being built.
    pub a: Annotations,
}

impl Doc {
    /// A source with sentences split on punctuation.
    pub fn new(id: &str, published: Option<&str>, title: &str, body: &str) -> Self {
        let mut source = Source::new(id, format!("{id}.txt"), body);
        source.title = Some(title.into());
        source.language = Some("en".into());
        source.published = published.map(|p| DateValue::new(p, DateBasis::Metadata));
        let mut a = Annotations::new(source);
        let tmp = a.clone();
        a.sentences = text::sentences(&tmp)
            .into_iter()
            .map(|s| Sentence {
                start: s.start,
                end: s.end,
            })
            .collect();
        Doc { a }
    }

    fn find(&self, needle: &str, nth: usize) -> (usize, usize) {
        let t = &self.a.source.text;
        let mut from = 0;
        let mut hit = None;
        for _ in 0..=nth {
            match t.get(from..).and_then(|rest| rest.find(needle)) {
                Some(p) => {
                    hit = Some(from + p);
                    from = from + p + needle.len();
                }
                None => {
                    hit = None;
                    break;
                }
            }
        }
        match hit {
            Some(s) => (s, s + needle.len()),
            None => panic!("fixture text lacks {needle:?}"),
        }
    }

    /// Every occurrence of `name` as an entity of type `kind`.
    pub fn ent(mut self, name: &str, kind: EntityType) -> Self {
        let count = self.a.source.text.matches(name).count();
        for n in 0..count {
            let (start, end) = self.find(name, n);
            if self
                .a
                .entities
                .iter()
                .any(|e| e.start < end && start < e.end)
            {
                continue;
            }
            self.a.entities.push(EntityMention {
                start,
                end,
                text: name.into(),
                kind,
                title: None,
                canonical: None,
            });
        }
        self.a.entities.sort_by_key(|e| e.start);
        self
    }

    /// A DATE time mention.
    pub fn time(mut self, t: &str, value: &str) -> Self {
        let (start, end) = self.find(t, 0);
        self.a.times.push(TimeMention {
            start,
            end,
            text: t.into(),
            kind: TimeType::DATE,
            value: value.into(),
            anchor: None,
            duration: None,
        });
        self
    }

    /// A direct quote with an optional speaker (`speaker`, `resolved`).
    pub fn quote(mut self, q: &str, speaker: Option<(&str, Option<&str>)>) -> Self {
        let (start, end) = self.find(q, 0);
        let speaker = speaker.map(|(s, r)| {
            let t = &self.a.source.text;
            let sp = t
                .get(end..)
                .and_then(|rest| rest.find(s))
                .map(|p| (end + p, end + p + s.len()))
                .unwrap_or_else(|| self.find(s, 0));
            SpeakerSpan {
                start: sp.0,
                end: sp.1,
                text: s.into(),
                resolved: r.map(String::from),
            }
        });
        self.a.quotes.push(QuoteMention {
            start,
            end,
            text: q.into(),
            speaker,
            kind: Some("direct".into()),
            cue: Some("said".into()),
        });
        self
    }

    /// A quantity with a category and optional modifier.
    pub fn qty(mut self, t: &str, value: f64, category: &str, modifier: Option<&str>) -> Self {
        let (start, end) = self.find(t, 0);
        let (min, max) = match modifier {
            Some("at least") => (Some(value), None),
            Some("more than") => (Some(value + 1.0), None),
            _ => (None, None),
        };
        self.a.quantities.push(QuantityMention {
            start,
            end,
            text: t.into(),
            value,
            unit: Some("people".into()),
            min,
            max,
            modifier: modifier.map(String::from),
            category: Some(category.into()),
        });
        self
    }

    /// The finished annotations.
    pub fn done(self) -> Annotations {
        self.a
    }
}

use EntityType::*;

const MPA: &str = "A bomb exploded in the foyer of the Tchaikovsky Concert Hall in Kharivsk on Saturday, June 3, killing at least 58 people, officials said. More than 120 people were injured. The Northern Liberation Front (NLF) claimed responsibility for the attack on Sunday in a post on Telegram. Interior Minister Irina Voloshyna blamed Marvania for the attack. \"We will find every person behind this crime,\" Voloshyna said. Police chief Anna Kowal said the bomb had been hidden in a bag. The 2019 Kharivsk central market bombing killed 23 people.";

fn wire(id: &str, published: &str, text: &str) -> Annotations {
    Doc::new(
        id,
        Some(published),
        "Bomb kills 58 at Kharivsk concert hall",
        text,
    )
    .ent("Tchaikovsky Concert Hall", FAC)
    .ent("Kharivsk", LOC)
    .ent("Northern Liberation Front", ORG)
    .ent("NLF", ORG)
    .ent("Irina Voloshyna", PER)
    .ent("Voloshyna", PER)
    .ent("Marvania", LOC)
    .ent("Anna Kowal", PER)
    .time("Saturday, June 3", "2023-06-03")
    .time("Sunday", "2023-06-04")
    .time("2019", "2019")
    .qty("at least 58 people", 58.0, "killed", Some("at least"))
    .qty("More than 120 people", 120.0, "injured", Some("more than"))
    .qty("23 people", 23.0, "killed", None)
    .quote(
        "We will find every person behind this crime,",
        Some(("Voloshyna", None)),
    )
    .done()
}

/// The demo story's sources plus one unrelated article.
pub fn demo_docs() -> Vec<Annotations> {
    let mpa = wire("mpa", "2023-06-04T08:00", MPA);
    let herald_text = format!("{MPA} This story was republished from a wire service.");
    let herald = wire("herald", "2023-06-04T12:00", &herald_text);
    let observer = Doc::new(
        "observer",
        Some("2023-06-04T15:00"),
        "Concert hall attack leaves 58 dead",
        "On Saturday, June 3, a bomb tore through the foyer of Kharivsk's Tchaikovsky Concert Hall and killed at least 58 people, officials said. More than 120 people were hurt. The Northern Liberation Front (NLF) claimed responsibility for the attack on Sunday on Telegram. Interior Minister Irina Voloshyna blamed Marvania. \"We will find every person behind this crime,\" Voloshyna said. The 2019 Kharivsk central market bombing killed 23 people.",
    )
    .ent("Tchaikovsky Concert Hall", FAC)
    .ent("Kharivsk", LOC)
    .ent("Northern Liberation Front", ORG)
    .ent("NLF", ORG)
    .ent("Irina Voloshyna", PER)
    .ent("Voloshyna", PER)
    .ent("Marvania", LOC)
    .time("Saturday, June 3", "2023-06-03")
    .time("Sunday", "2023-06-04")
    .time("2019", "2019")
    .qty("at least 58 people", 58.0, "killed", Some("at least"))
    .qty("More than 120 people", 120.0, "injured", Some("more than"))
    .qty("23 people", 23.0, "killed", None)
    .quote("We will find every person behind this crime,", Some(("Voloshyna", None)))
    .done();
    let gazette = Doc::new(
        "gazette",
        Some("2023-06-05"),
        "Kharovsk toll rises to 61",
        "Two days after the June 3 blast at the Chaikovsky Hall in Kharovsk, the death toll rose to 61 people. Marvania's foreign ministry denied any involvement and said the militia \"acted alone\". Conductor Marek Kowal, who led the Kharivsk Philharmonic that night, said: \"The music stopped and the ceiling came down.\" SSB spokesman Dmytro Hrytsenko said the investigation was progressing. The agency has questioned dozens of witnesses. \"The warning was too vague to act on,\" he said. Kowal cancelled the next concert.",
    )
    .ent("Chaikovsky Hall", FAC)
    .ent("Kharovsk", LOC)
    .ent("Marvania", LOC)
    .ent("Marek Kowal", PER)
    .ent("Kharivsk Philharmonic", ORG)
    .ent("SSB", ORG)
    .ent("Dmytro Hrytsenko", PER)
    .ent("Kowal", PER)
    .time("Two days after the June 3 blast", "2023-06-05")
    .qty("61 people", 61.0, "killed", None)
    .quote("acted alone", Some(("Marvania's foreign ministry", None)))
    .quote(
        "The music stopped and the ceiling came down.",
        Some(("Conductor Marek Kowal", Some("Marek Kowal"))),
    )
    .quote("The warning was too vague to act on,", Some(("he", Some("Dmytro Hrytsenko"))))
    .done();
    let tribune = Doc::new(
        "tribune",
        Some("2023-06-06"),
        "Tschaikowsky concert hall toll at 64",
        "The death toll from the Tschaikowsky concert hall bombing rose to 64 people on Tuesday, June 6. At least 130 people were injured. Dmitry Gritsenko of the State Security Bureau (SSB) said Marvania's warning was too vague to act on. Marvania's intelligence service said it passed a detailed warning to Doravia on June 1. Interior Minister Irina Volosina blamed Marvania for the bombing. A vigil will be held this Friday in Kharivsk.",
    )
    .ent("Tschaikowsky concert hall", FAC)
    .ent("Dmitry Gritsenko", PER)
    .ent("State Security Bureau", ORG)
    .ent("SSB", ORG)
    .ent("Marvania", LOC)
    .ent("Doravia", LOC)
    .ent("Irina Volosina", PER)
    .ent("Kharivsk", LOC)
    .time("Tuesday, June 6", "2023-06-06")
    .time("June 1", "2023-06-01")
    .time("this Friday", "2023-06-09")
    .qty("64 people", 64.0, "killed", None)
    .qty("At least 130 people", 130.0, "injured", Some("at least"))
    .done();
    let bulletin = Doc::new(
        "bulletin",
        Some("2023-06-05"),
        "Investigation opened into Kharivsk bombing",
        "The State Statistics Bureau opened an investigation into the Kharivsk concert hall bombing, security sources said. Police arrested two suspects in Kharivsk on Monday, June 5, after the attack.",
    )
    .ent("State Statistics Bureau", ORG)
    .ent("Kharivsk", LOC)
    .time("Monday, June 5", "2023-06-05")
    .qty("two suspects", 2.0, "arrested", None)
    .done();
    let undated = Doc::new(
        "undated",
        None,
        "Militia claims Kharivsk blast",
        "On Sunday, the militia claimed the blast at the Kharivsk concert hall in a Telegram post. The Northern Liberation Front said more attacks would follow.",
    )
    .ent("Kharivsk", LOC)
    .ent("Northern Liberation Front", ORG)
    .time("Sunday", "XXXX-WXX-7")
    .done();
    let strike = Doc::new(
        "strike",
        Some("2023-06-05"),
        "Valmora dock workers strike",
        "Dock workers in the port city of Valmora began a strike on Monday, June 5, demanding higher wages. The Valmora Port Authority said ships were being diverted to other harbours. Union leader Pavel Brandt said the strike would last a week.",
    )
    .ent("Valmora Port Authority", ORG)
    .ent("Valmora", LOC)
    .ent("Pavel Brandt", PER)
    .time("Monday, June 5", "2023-06-05")
    .done();
    vec![
        gazette, mpa, herald, observer, tribune, bulletin, undated, strike,
    ]
}
