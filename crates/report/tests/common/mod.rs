//! Hand-built dossiers shared by the integration tests (the fictional demo story).

#![allow(dead_code)]

use corroborate_model::*;

/// A source with the given text and metadata.
pub fn source(
    id: &str,
    outlet: &str,
    title: &str,
    text: &str,
    published: Option<DateValue>,
) -> Source {
    Source {
        id: id.into(),
        origin: format!("corpus/demo/{id}.html"),
        title: Some(title.into()),
        outlet: Some(outlet.into()),
        language: Some("en".into()),
        published,
        text: text.into(),
        removed: Vec::new(),
        flags: Vec::new(),
        copy_of: None,
        url: None,
        flag_evidence: Vec::new(),
    }
}

/// Evidence for the first occurrence of `needle` in `src` (empty span at 0 when absent).
pub fn ev(src: &Source, needle: &str) -> Evidence {
    let start = src.text.find(needle).unwrap_or(0);
    let end = if src.text.contains(needle) {
        start + needle.len()
    } else {
        0
    };
    Evidence::of(src, Span::new(start, end))
}

fn day(v: &str, basis: DateBasis) -> DateValue {
    DateValue::new(v, basis)
}

/// A small but rich dossier: two stories, a syndicated copy, a machine-translated
/// source, an undated source with an inferred date, every claim status.
pub fn sample() -> Dossier {
    let mut mpa = source(
        "mpa1",
        "Meridian Press Agency",
        "Bomb kills 58 at Kharivsk concert hall",
        "KHARIVSK, June 4 (MPA) - A bomb killed at least 58 people at the Tchaikovsky Concert Hall on Saturday, police chief Anna Kowal said. More than 120 were injured. \"We will find them,\" Kowal said.",
        Some(day("2023-06-04", DateBasis::Metadata)),
    );
    mpa.url = Some("https://mpa.example/2023/06/04/kharivsk".into());
    mpa.removed = vec![
        Removed {
            text: "By Jan Novak".into(),
            reason: "byline".into(),
        },
        Removed {
            text: "Read more: Port strike | Valmora".into(),
            reason: "related_links".into(),
        },
        Removed {
            text: "Sign up for our newsletter".into(),
            reason: "newsletter".into(),
        },
        Removed {
            text: "More: Weather".into(),
            reason: "related_links".into(),
        },
    ];
    let mut herald = source(
        "herald1",
        "Doravia Daily Herald",
        "Bomb kills 58 at Kharivsk concert hall",
        mpa.text.as_str(),
        Some(day("2023-06-04", DateBasis::Url)),
    );
    herald.copy_of = Some("mpa1".into());
    herald.add_flag(
        flags::NEAR_DUPLICATE,
        "98% shingle overlap with mpa1",
        Vec::new(),
    );
    let mut mt = source(
        "mt1",
        "Kharovsk Vestnik",
        "Toll rises to 64",
        "The toll rose to 64 on Tuesday. The State Statistics Bureau investigates the explosion. The NLF claimed the attack on Sunday. Marvania denied any involvement and said the militia acted alone",
        Some(day("2023-06-06T09:30:00+03:00", DateBasis::Metadata)),
    );
    mt.language = Some("en".into());
    mt.add_flag(
        flags::MACHINE_TRANSLATED,
        "glued words: \"theexplosion\"; calque \"State Statistics Bureau\"",
        Vec::new(),
    );
    mt.add_flag(
        flags::TRUNCATED,
        "ends without final punctuation",
        vec![Span::new(150, 150)],
    );
    let mut undated = source(
        "obs1",
        "The Northern Observer",
        "Militia claims Kharivsk attack",
        "On Sunday, the militia claimed the blast. In 2019 a market bombing killed 23 people.",
        None,
    );
    undated.published = Some(DateValue {
        value: "2023-06-04".into(),
        precision: Precision::Day,
        basis: DateBasis::Inferred,
        until: Some("2023-06-06".into()),
        open_ended: false,
    });
    let port = source(
        "port1",
        "Valmora Courier",
        "Port strike enters third day",
        "Dock workers in Valmora extended their strike.",
        Some(day("2023-06", DateBasis::Text)),
    );

    let hall = Entity {
        id: "e1".into(),
        name: "Tchaikovsky Concert Hall".into(),
        kind: EntityType::FAC,
        aliases: vec!["Tchaikovsky Concert Hall".into(), "Chaikovsky Hall".into()],
        mentions: vec![
            ev(&mpa, "Tchaikovsky Concert Hall"),
            ev(&herald, "Tchaikovsky Concert Hall"),
        ],
        notes: Vec::new(),
        global: None,
    };
    let ssb = Entity {
        id: "e2".into(),
        name: "State Security Bureau".into(),
        kind: EntityType::ORG,
        aliases: vec!["State Statistics Bureau".into(), "SSB".into()],
        mentions: vec![ev(&mt, "State Statistics Bureau")],
        notes: vec![
            "\"State Statistics Bureau\" in mt1 is a probable mistranslation of SSB".into(),
        ],
        global: None,
    };
    let kowal = Entity {
        id: "e3".into(),
        name: "Anna Kowal".into(),
        kind: EntityType::PER,
        aliases: vec!["Anna Kowal".into(), "Kowal".into()],
        mentions: vec![ev(&mpa, "Anna Kowal"), ev(&mpa, "Kowal said")],
        notes: Vec::new(),
        global: None,
    };
    let events = vec![
        Event {
            id: "ev0".into(),
            date: Some(day("2019", DateBasis::Text)),
            text: "Market bombing killed 23 people".into(),
            entities: Vec::new(),
            evidence: vec![ev(&undated, "In 2019 a market bombing killed 23 people.")],
            role: Some("background".into()),
        },
        Event {
            id: "ev1".into(),
            date: Some(day("2023-06-03T21:40", DateBasis::Text)),
            text: "Bomb explodes at the Tchaikovsky Concert Hall".into(),
            entities: vec!["e1".into()],
            evidence: vec![
                ev(&mpa, "A bomb killed at least 58 people"),
                ev(&herald, "A bomb killed at least 58 people"),
            ],
            role: Some("main".into()),
        },
        Event {
            id: "ev2".into(),
            date: Some(day("2023-06-04", DateBasis::Inferred)),
            text: "NLF claims the attack".into(),
            entities: Vec::new(),
            evidence: vec![
                ev(&mt, "The NLF claimed the attack on Sunday."),
                ev(&undated, "On Sunday, the militia claimed the blast."),
            ],
            role: None,
        },
        Event {
            id: "ev3".into(),
            date: None,
            text: "Investigation opened".into(),
            entities: vec!["e2".into()],
            evidence: Vec::new(),
            role: None,
        },
    ];
    let killed = Claim {
        id: "c1".into(),
        subject: "Kharivsk concert hall bombing".into(),
        attribute: "killed".into(),
        status: ClaimStatus::Evolving,
        values: vec![
            ClaimValue {
                value: "at least 58".into(),
                sources: vec!["mpa1".into(), "herald1".into()],
                as_of: Some(day("2023-06-04", DateBasis::Metadata)),
                evidence: vec![
                    ev(&mpa, "at least 58 people"),
                    ev(&herald, "at least 58 people"),
                ],
                party: None,
                independent_sources: Some(1),
            },
            ClaimValue {
                value: "64".into(),
                sources: vec!["mt1".into()],
                as_of: Some(day("2023-06-06", DateBasis::Metadata)),
                evidence: vec![ev(&mt, "The toll rose to 64 on Tuesday.")],
                party: None,
                independent_sources: None,
            },
        ],
    };
    let resp = Claim {
        id: "c2".into(),
        subject: "Kharivsk concert hall bombing".into(),
        attribute: "responsibility".into(),
        status: ClaimStatus::Contested,
        values: vec![
            ClaimValue {
                value: "the NLF is responsible".into(),
                sources: vec!["mt1".into(), "obs1".into()],
                as_of: None,
                evidence: vec![ev(&mt, "The NLF claimed the attack on Sunday.")],
                party: Some("NLF".into()),
                independent_sources: Some(2),
            },
            ClaimValue {
                value: "Marvania is not involved".into(),
                sources: vec!["mt1".into()],
                as_of: Some(day("2023-06-06", DateBasis::Metadata)),
                evidence: vec![ev(&mt, "Marvania denied any involvement")],
                party: Some("Marvania".into()),
                independent_sources: None,
            },
        ],
    };
    let injured = Claim {
        id: "c3".into(),
        subject: "Kharivsk concert hall bombing".into(),
        attribute: "injured".into(),
        status: ClaimStatus::SingleSource,
        values: vec![ClaimValue {
            value: "more than 120".into(),
            sources: vec!["mpa1".into()],
            as_of: Some(day("2023-06-04", DateBasis::Metadata)),
            evidence: vec![ev(&mpa, "More than 120 were injured.")],
            party: None,
            independent_sources: None,
        }],
    };
    let venue = Claim {
        id: "c4".into(),
        subject: "Kharivsk concert hall bombing".into(),
        attribute: "venue".into(),
        status: ClaimStatus::Corroborated,
        values: vec![ClaimValue {
            value: "Tchaikovsky Concert Hall".into(),
            sources: vec!["mpa1".into(), "mt1".into()],
            as_of: None,
            evidence: vec![ev(&mpa, "Tchaikovsky Concert Hall")],
            party: None,
            independent_sources: None,
        }],
    };
    let quote = Quote {
        id: "q1".into(),
        text: "We will find them,".into(),
        speaker: Some(DossierSpeaker {
            entity: Some("e3".into()),
            text: "Anna Kowal".into(),
        }),
        evidence: vec![
            ev(&mpa, "We will find them,"),
            ev(&herald, "We will find them,"),
        ],
    };
    let anon = Quote {
        id: "q2".into(),
        text: "acted alone".into(),
        speaker: None,
        evidence: vec![ev(&mt, "acted alone")],
    };
    let summary = vec![
        SummarySentence {
            text: "A bomb killed at least 58 people at the Tchaikovsky Concert Hall in Kharivsk on 3 June 2023; the toll later rose to 64.".into(),
            citations: vec![ev(&mpa, "A bomb killed at least 58 people"), ev(&mt, "The toll rose to 64 on Tuesday.")],
        },
        SummarySentence {
            text: "The NLF claimed the attack, while Marvania denied any involvement.".into(),
            citations: vec![ev(&mt, "The NLF claimed the attack on Sunday."), ev(&mt, "Marvania denied any involvement"), ev(&mpa, "A bomb killed at least 58 people")],
        },
        SummarySentence { text: "The investigation continues.".into(), citations: Vec::new() },
    ];
    let bombing = Story {
        id: "story1".into(),
        title: "Kharivsk concert hall bombing".into(),
        sources: vec!["mpa1".into(), "herald1".into(), "mt1".into(), "obs1".into()],
        entities: vec![hall, ssb, kowal],
        events,
        quotes: vec![quote, anon],
        claims: vec![killed, resp, injured, venue],
        summary,
    };
    let strike = Story {
        id: "story2".into(),
        title: "Valmora port strike".into(),
        sources: vec!["port1".into()],
        entities: Vec::new(),
        events: vec![Event {
            id: "ev4".into(),
            date: Some(day("2023-06", DateBasis::Text)),
            text: "Dock workers extend strike".into(),
            entities: Vec::new(),
            evidence: vec![ev(&port, "Dock workers in Valmora extended their strike.")],
            role: None,
        }],
        quotes: Vec::new(),
        claims: Vec::new(),
        summary: vec![SummarySentence {
            text: "Dock workers in Valmora extended their strike.".into(),
            citations: vec![ev(&port, "Dock workers in Valmora extended their strike.")],
        }],
    };
    Dossier {
        schema: DOSSIER_SCHEMA.into(),
        sources: vec![mpa, herald, mt, undated, port],
        stories: vec![bombing, strike],
        skipped: vec!["corpus/demo/broken.pdf: unsupported format".into()],
    }
}

/// Rich annotations over one source (every optional extension present somewhere).
pub fn sample_annotations() -> Annotations {
    let d = sample();
    let src = d
        .sources
        .into_iter()
        .next()
        .unwrap_or_else(|| source("x", "x", "x", "x", None));
    let find = |needle: &str| -> (usize, usize) {
        let s = src.text.find(needle).unwrap_or(0);
        (
            s,
            s + if src.text.contains(needle) {
                needle.len()
            } else {
                0
            },
        )
    };
    let mut a = Annotations::new(src.clone());
    let (s1, e1) = find(
        "A bomb killed at least 58 people at the Tchaikovsky Concert Hall on Saturday, police chief Anna Kowal said.",
    );
    a.sentences.push(Sentence { start: s1, end: e1 });
    let (s, e) = find("Anna Kowal");
    a.entities.push(EntityMention {
        start: s,
        end: e,
        text: "Anna Kowal".into(),
        kind: EntityType::PER,
        title: Some("police chief".into()),
        canonical: None,
    });
    let (s, e) = find("Tchaikovsky Concert Hall");
    a.entities.push(EntityMention {
        start: s,
        end: e,
        text: "Tchaikovsky Concert Hall".into(),
        kind: EntityType::FAC,
        title: None,
        canonical: Some("Tchaikovsky Concert Hall".into()),
    });
    let (s, e) = find("Saturday");
    a.times.push(TimeMention {
        start: s,
        end: e,
        text: "Saturday".into(),
        kind: TimeType::DATE,
        value: "2023-06-03".into(),
        anchor: Some("dct".into()),
        duration: None,
    });
    let (s, e) = find("June 4");
    a.times.push(TimeMention {
        start: s,
        end: e,
        text: "June 4".into(),
        kind: TimeType::DATE,
        value: "2023-06-04".into(),
        anchor: None,
        duration: None,
    });
    let (qs, qe) = find("We will find them,");
    let (ks, ke) = find("Kowal said");
    a.quotes.push(QuoteMention {
        start: qs,
        end: qe,
        text: "We will find them,".into(),
        speaker: Some(SpeakerSpan {
            start: ks,
            end: ks + 5,
            text: "Kowal".into(),
            resolved: Some("Anna Kowal".into()),
        }),
        kind: Some("direct".into()),
        cue: Some("said".into()),
    });
    let _ = ke;
    a.quotes.push(QuoteMention {
        start: qs,
        end: qe,
        text: "We will find them,".into(),
        speaker: None,
        kind: None,
        cue: None,
    });
    let (s, e) = find("at least 58 people");
    a.quantities.push(QuantityMention {
        start: s,
        end: e,
        text: "at least 58 people".into(),
        value: 58.0,
        unit: Some("people".into()),
        min: Some(58.0),
        max: None,
        modifier: Some("at least".into()),
        category: Some("killed".into()),
    });
    let (s, e) = find("More than 120");
    a.quantities.push(QuantityMention {
        start: s,
        end: e,
        text: "More than 120".into(),
        value: 120.0,
        unit: None,
        min: None,
        max: None,
        modifier: None,
        category: None,
    });
    a
}

/// A dossier whose every string field carries markup and script.
pub fn hostile() -> Dossier {
    let evil = "<script>alert(1)</script>";
    let text = format!(
        "Intro {evil} \"quoted\" & 'single' | pipe\nnew line [x](javascript:alert(2)) <img src=x onerror=alert(3)>"
    );
    let mut s = source(
        "<b>id</b>",
        evil,
        evil,
        &text,
        Some(day("2023-06-04", DateBasis::Metadata)),
    );
    s.origin = format!("{evil}.html");
    s.url = Some("javascript:alert(4)".into());
    s.language = Some(evil.into());
    s.removed = vec![Removed {
        text: evil.into(),
        reason: evil.into(),
    }];
    s.add_flag(evil, evil, Vec::new());
    s.add_flag(flags::MACHINE_TRANSLATED, evil, Vec::new());
    s.copy_of = Some(evil.into());
    let mut t = source(
        "ok",
        "Fine Outlet",
        "Fine <i>title</i>",
        "Plain text.",
        None,
    );
    t.url = Some("https://fine.example/a?b=1&c=\"2\"".into());
    let e = ev(&s, evil);
    let ent = Entity {
        id: evil.into(),
        name: evil.into(),
        kind: EntityType::MISC,
        aliases: vec![evil.into(), "<svg onload=alert(5)>".into()],
        mentions: vec![e.clone()],
        notes: vec![evil.into()],
        global: None,
    };
    let story = Story {
        id: evil.into(),
        title: evil.into(),
        sources: vec![s.id.clone(), "ok".into()],
        entities: vec![ent],
        events: vec![Event {
            id: evil.into(),
            date: Some(DateValue {
                value: evil.into(),
                precision: Precision::Day,
                basis: DateBasis::Inferred,
                until: Some(evil.into()),
                open_ended: false,
            }),
            text: evil.into(),
            entities: vec![evil.into()],
            evidence: vec![e.clone()],
            role: Some(evil.into()),
        }],
        quotes: vec![Quote {
            id: evil.into(),
            text: evil.into(),
            speaker: Some(DossierSpeaker {
                entity: Some(evil.into()),
                text: evil.into(),
            }),
            evidence: vec![
                e.clone(),
                Evidence {
                    source: evil.into(),
                    start: 0,
                    end: 0,
                    text: evil.into(),
                },
            ],
        }],
        claims: vec![Claim {
            id: evil.into(),
            subject: evil.into(),
            attribute: evil.into(),
            status: ClaimStatus::Contested,
            values: vec![ClaimValue {
                value: evil.into(),
                sources: vec![evil.into(), s.id.clone()],
                as_of: Some(DateValue::new(evil, DateBasis::Text)),
                evidence: vec![e.clone()],
                party: Some(evil.into()),
                independent_sources: Some(1),
            }],
        }],
        summary: vec![SummarySentence {
            text: evil.into(),
            citations: vec![e],
        }],
    };
    Dossier {
        schema: evil.into(),
        sources: vec![s, t],
        stories: vec![story],
        skipped: vec![evil.into()],
    }
}
