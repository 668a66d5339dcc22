use super::*;
use proptest::prelude::*;

fn d(y: i32, m: u32, dd: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, dd)
}

/// (text, type, value) of every mention.
fn tv(text: &str, dct: Option<NaiveDate>) -> Vec<(String, TimeType, String)> {
    tag(text, dct)
        .into_iter()
        .map(|m| (m.text, m.kind, m.value))
        .collect()
}

/// The value of the mention whose text is `expr`.
fn val(text: &str, dct: Option<NaiveDate>, expr: &str) -> Option<String> {
    tag(text, dct)
        .into_iter()
        .find(|m| m.text == expr)
        .map(|m| m.value)
}

fn check(text: &str, dct: Option<NaiveDate>, expr: &str, want: &str) {
    let all = tv(text, dct);
    assert_eq!(
        val(text, dct, expr).as_deref(),
        Some(want),
        "{expr:?} in {text:?}: got {all:?}"
    );
}

#[test]
fn absolute_dates() {
    let dct = d(2023, 6, 6);
    check(
        "It happened on June 3, 2023 in the city.",
        dct,
        "June 3, 2023",
        "2023-06-03",
    );
    check(
        "It happened on 3 June 2023 in the city.",
        dct,
        "3 June 2023",
        "2023-06-03",
    );
    check(
        "It happened on June 3 in the city.",
        dct,
        "June 3",
        "2023-06-03",
    );
    check("Filed 2023-06-03.", dct, "2023-06-03", "2023-06-03");
    check("Filed 06/03/2023.", dct, "06/03/2023", "2023-06-03");
    check(
        "It exploded on Saturday, June 3 at night.",
        dct,
        "Saturday, June 3",
        "2023-06-03",
    );
    check("Prices rose in June 2023.", dct, "June 2023", "2023-06");
    check("The market was bombed in 2019.", dct, "2019", "2019");
    check(
        "Trade grew in the early 2000s.",
        dct,
        "the early 2000s",
        "200",
    );
    check("Trade grew in the 1990s.", dct, "the 1990s", "199");
    check(
        "He arrived on Sept. 30.",
        d(1989, 10, 26),
        "Sept. 30",
        "1989-09-30",
    );
    check(
        "It was signed on the 3rd of June.",
        dct,
        "the 3rd of June",
        "2023-06-03",
    );
}

#[test]
fn relative_days_and_units() {
    let dct = d(2023, 6, 6);
    check("Talks resume today.", dct, "today", "2023-06-06");
    check("They met yesterday.", dct, "yesterday", "2023-06-05");
    check("They meet tomorrow.", dct, "tomorrow", "2023-06-07");
    check("A vigil is held tonight.", dct, "tonight", "2023-06-06TNI");
    check(
        "Shots were heard last night.",
        dct,
        "last night",
        "2023-06-05TNI",
    );
    check(
        "The minister spoke this morning.",
        dct,
        "this morning",
        "2023-06-06TMO",
    );
    check(
        "It happened three days ago.",
        dct,
        "three days ago",
        "2023-06-03",
    );
    check(
        "It happened earlier this week.",
        dct,
        "earlier this week",
        "2023-W23",
    );
    check("It happened last week.", dct, "last week", "2023-W22");
    check("It opens next month.", dct, "next month", "2023-07");
    check("It closed last year.", dct, "last year", "2022");
    check("It grew this year.", dct, "this year", "2023");
    check(
        "It fell in the second quarter.",
        dct,
        "the second quarter",
        "2023-Q2",
    );
    check("It was hot this summer.", dct, "this summer", "2023-SU");
    check(
        "Attacks rose over the past decade.",
        dct,
        "the past decade",
        "P10Y",
    );
}

#[test]
fn durations_sets_refs() {
    let dct = d(2023, 6, 6);
    check("The siege lasted two days.", dct, "two days", "P2D");
    check("Within 48 hours they left.", dct, "48 hours", "PT48H");
    check(
        "Rain is expected over the next 48 hours.",
        dct,
        "the next 48 hours",
        "PT48H",
    );
    check("It took three weeks.", dct, "three weeks", "P3W");
    check("It took more than a week.", dct, "more than a week", "P1W");
    check("It took a decade.", dct, "a decade", "P10Y");
    check(
        "It took forty-eight hours.",
        dct,
        "forty-eight hours",
        "PT48H",
    );
    check(
        "They march every Friday.",
        dct,
        "every Friday",
        "XXXX-WXX-5",
    );
    check("The paper appears daily.", dct, "daily", "P1D");
    check("It is published weekly.", dct, "weekly", "P1W");
    check("It is renewed each year.", dct, "each year", "P1Y");
    check("The city is now calm.", dct, "now", "PRESENT_REF");
    check("It is currently closed.", dct, "currently", "PRESENT_REF");
    check("It recently reopened.", dct, "recently", "PAST_REF");
    check(
        "Such attacks happened in the past.",
        dct,
        "the past",
        "PAST_REF",
    );
    check("Nobody knows the future.", dct, "the future", "FUTURE_REF");
    let m = tag("They march every Friday.", dct);
    assert_eq!(m.first().map(|x| x.kind), Some(TimeType::SET));
    let m = tag("The siege lasted two days.", dct);
    assert_eq!(m.first().map(|x| x.kind), Some(TimeType::DURATION));
}

#[test]
fn times_of_day() {
    let dct = d(2023, 6, 6);
    let t = "The bomb exploded on Saturday, June 3. It went off at 21:40 local time.";
    check(t, dct, "21:40 local time", "2023-06-03T21:40");
    let t = "The bomb exploded on June 3 at 9:40 p.m. in the foyer.";
    check(t, dct, "June 3 at 9:40 p.m.", "2023-06-03T21:40");
    check(
        "They gathered on Saturday evening.",
        dct,
        "Saturday evening",
        "2023-06-03TEV",
    );
    check(
        "Crowds gathered around 10 pm.",
        dct,
        "around 10 pm",
        "2023-06-06T22:00",
    );
    check("The talks began at noon.", dct, "noon", "2023-06-06T12:00");
    let m = tag("They gathered on Saturday evening.", dct);
    assert_eq!(m.first().map(|x| x.kind), Some(TimeType::TIME));
}

#[test]
fn weekday_follows_tense() {
    // DCT Monday 5 June 2023
    let dct = d(2023, 6, 5);
    check(
        "The militia claimed the attack on Sunday.",
        dct,
        "Sunday",
        "2023-06-04",
    );
    check(
        "The ministry said on Friday that talks failed.",
        dct,
        "Friday",
        "2023-06-02",
    );
    check(
        "The ministers will meet on Friday.",
        dct,
        "Friday",
        "2023-06-09",
    );
    check(
        "A vigil is expected to take place on Thursday.",
        dct,
        "Thursday",
        "2023-06-08",
    );
    check(
        "A vigil will be held this Friday.",
        d(2023, 6, 6),
        "this Friday",
        "2023-06-09",
    );
    check("They met last Friday.", dct, "last Friday", "2023-06-02");
    check("They meet next Tuesday.", dct, "next Tuesday", "2023-06-06");
    // the month just past would be "last month": "last May" said in June is a year back
    check("The dam failed last May.", dct, "last May", "2022-05");
    check("The dam failed last April.", dct, "last April", "2023-04");
    check("The dam failed last June.", dct, "last June", "2022-06");
    // across the turn of the year too
    check(
        "The dam failed last December.",
        d(2031, 1, 10),
        "last December",
        "2029-12",
    );
    check(
        "The dam failed last November.",
        d(2031, 1, 10),
        "last November",
        "2030-11",
    );
    // without a DCT the value stays underspecified
    check(
        "The militia claimed the attack on Sunday.",
        None,
        "Sunday",
        "XXXX-XX-XX",
    );
    let t = tag_with(
        "On Sunday, the militia claimed the blast.",
        &Context::default(),
    );
    assert_eq!(
        t.first().and_then(|x| x.relative.clone()),
        Some(Relative::Weekday {
            weekday: Weekday::Sun,
            direction: Direction::OnOrBefore
        })
    );
}

#[test]
fn anchored_expressions() {
    let dct = d(2023, 6, 6);
    let t = "Police arrested two men two days after the June 3 blast.";
    check(t, dct, "two days after the June 3 blast", "2023-06-05");
    let m = tag(t, dct);
    assert_eq!(m.first().and_then(|x| x.anchor.as_deref()), Some("event"));
    let t = "The bomb exploded on June 3, 2023. Hours later, the militia posted a statement.";
    check(t, dct, "Hours later", "2023-06-03");
    let m = tag(t, dct);
    assert_eq!(m.get(1).and_then(|x| x.anchor.as_deref()), Some("previous"));
    assert_eq!(
        m.first().and_then(|x| x.anchor.as_deref()),
        Some("absolute")
    );
    let t =
        "The concert took place on June 3. Guards checked the hall the night before the concert.";
    check(t, dct, "the night before the concert", "2023-06-02TNI");
    let t = "The concert took place on June 3. The day before, guards checked the hall.";
    check(t, dct, "The day before", "2023-06-02");
    let t = "The hall was bombed on June 3. Two days later, the toll rose.";
    check(t, dct, "Two days later", "2023-06-05");
    let m = tag("They met yesterday.", dct);
    assert_eq!(m.first().and_then(|x| x.anchor.as_deref()), Some("dct"));
    // not an event noun: no event-anchored span
    let m = tv("Fans celebrated two days after the team won.", dct);
    assert_eq!(
        m,
        vec![(
            "two days".to_string(),
            TimeType::DURATION,
            "P2D".to_string()
        )]
    );
}

#[test]
fn event_noun_keeps_its_own_date() {
    // another date comes between the concert and "the night before the concert"
    let t = "The blast, at about 21:40 on Saturday, came during a concert. \
             A warning was passed on 1 June. Guards swept the hall the night before the concert.";
    check(
        t,
        d(2023, 6, 6),
        "the night before the concert",
        "2023-06-02TNI",
    );
    let m = tag(t, d(2023, 6, 6));
    assert_eq!(m.last().and_then(|x| x.anchor.as_deref()), Some("event"));
}

#[test]
fn event_noun_finds_the_past_verb_that_told_it() {
    let dct = d(2023, 9, 20);
    // the noun first shares a sentence with another date ("the murder inquiry ...
    // Thursday"); the killing itself was told with its day by a past verb
    let t = "Police will brief reporters on the Brenn murder inquiry on Thursday. \
             Ada Brenn was shot to death on the night of June 3 in Portvale. \
             A neighbour saw a car at 6 a.m. near the house ten days before the murder.";
    check(t, dct, "ten days before the murder", "2023-05-24");
    // a bare clock time takes the day named later in its own sentence
    check(t, dct, "6 a.m.", "2023-05-24T06:00");
    // "the shooting" is the happening "was shot" told
    let t = "Ada Brenn was shot on June 3. The rifle was found on August 8 near the site \
             of the shooting. A jogger saw the car two days before the shooting.";
    check(t, dct, "two days before the shooting", "2023-06-01");
    // a bare clock time in a sentence that retells a dated happening takes its day
    let t = "Ada Brenn was killed on June 3. Divers searched the river on August 8. \
             Brenn, 52, was killed at 10 p.m. as she walked home.";
    check(t, dct, "10 p.m.", "2023-06-03T22:00");
    // without a retold happening, a bare clock time keeps the previous date
    let t = "Ada Brenn was killed on June 3. Divers searched the river on August 8. \
             They stopped at 10 p.m. as the light went.";
    check(t, dct, "10 p.m.", "2023-08-08T22:00");
    // a participle used as an adjective tells no happening: "the slain mayor"
    let t = "The slain mayor's office reopened on August 8. A memorial was held on \
             August 20. The office had closed two days before the killing.";
    check(t, dct, "two days before the killing", "2023-08-18");
}

#[test]
fn happenings_are_taken_only_from_verbs_that_govern_their_date() {
    let dct = d(2023, 9, 20);
    // a bare clock time's day is a guess: it notes no happening
    let t = "Divers searched the river on August 8. Tom Ruse was shot at 10 p.m. near \
             the bridge. A jogger saw the car two days before the shooting.";
    check(t, dct, "two days before the shooting", "2023-08-06");
    // a natural death is no murder; a vote no election; a negated or relative-clause
    // verb tells nothing of the date
    let t = "Her father died on May 1. Ada Brenn was found in the river on June 3. \
             Police saw a car two days before the murder.";
    check(t, dct, "two days before the murder", "2023-06-01");
    let t = "The council voted on May 1 on the budget. Ada Brenn won the mayoral \
             election on June 3. Posters went up a week before the election.";
    check(t, dct, "a week before the election", "2023-W21");
    let t = "Tom Ruse was not arrested on June 3. Divers searched the river on August 8. \
             A car left two days before the arrest.";
    check(t, dct, "two days before the arrest", "2023-08-06");
    let t = "Ada Brenn, who was shot years ago, spoke on June 3. Divers searched the \
             river on August 8. A car left two days before the shooting.";
    check(t, dct, "two days before the shooting", "2023-08-06");
    // a clock time retells a happening only of the same persons
    let t = "Tom Ruse was arrested on June 3. Divers searched the river on August 8. \
             Olek Varga was arrested at 10 p.m. near the quay.";
    check(t, dct, "10 p.m.", "2023-08-08T22:00");
    // every clock time of the sentence takes its later day, none across a modal
    let t = "Divers searched the river on August 8. Work stopped at 6 a.m. and will \
             resume on Friday.";
    check(t, dct, "6 a.m.", "2023-08-08T06:00");
    let t = "Ada Brenn was killed on June 3. Divers searched the river on August 8. \
             A car was seen at 6 a.m. and again at 9 p.m. ten days before the murder.";
    check(t, dct, "6 a.m.", "2023-05-24T06:00");
    // (the clock time right before the count is one time with it)
    check(
        t,
        dct,
        "9 p.m. ten days before the murder",
        "2023-05-24T21:00",
    );
}

#[test]
fn a_clock_time_with_a_zone_is_no_year() {
    let dct = d(2008, 12, 6);
    check(
        "The blaze broke out on the roof at about 2045 GMT on Friday.",
        dct,
        "about 2045 GMT on Friday",
        "2008-12-05T20:45",
    );
    check(
        "The meeting ended at 0735 GMT.",
        dct,
        "0735 GMT",
        "2008-12-06T07:35",
    );
    // not a valid clock: nothing of it is a year either
    assert!(tv("The ship left at 2575 GMT.", dct).is_empty());
    // a plain year stays a year
    check("The ship left in 2045.", dct, "2045", "2045");
}

#[test]
fn a_scheduled_present_verb_is_no_noun() {
    let dct = d(2031, 5, 6);
    // "vote" as a noun after a determiner: the past verb decides
    check(
        "Ada Brenn won the Portvale vote on Thursday.",
        dct,
        "Thursday",
        "2031-05-01",
    );
    // "votes" as the scheduled present
    check(
        "The council votes on Thursday.",
        dct,
        "Thursday",
        "2031-05-08",
    );
    check(
        "Vote on Thursday, the mayor said.",
        dct,
        "Thursday",
        "2031-05-08",
    );
}

#[test]
fn story_relative_expressions() {
    let dct5 = d(2023, 6, 5);
    let dct6 = d(2023, 6, 6);
    check(
        "The Northern Liberation Front claimed the attack on Sunday in a post on Telegram.",
        dct5,
        "Sunday",
        "2023-06-04",
    );
    check(
        "Investigators searched the foyer two days after the June 3 blast.",
        dct6,
        "two days after the June 3 blast",
        "2023-06-05",
    );
    check(
        "A bomb exploded in the foyer on Saturday, June 3. Hours later, the militia posted on Telegram.",
        dct6,
        "Hours later",
        "2023-06-03",
    );
    check(
        "The bomb went off on June 3. Guards had swept the foyer the night before the concert.",
        dct6,
        "the night before the concert",
        "2023-06-02TNI",
    );
    check(
        "A vigil will be held this Friday.",
        dct6,
        "this Friday",
        "2023-06-09",
    );
    check(
        "Marvania said it passed a warning on 1 June.",
        dct6,
        "1 June",
        "2023-06-01",
    );
    check(
        "The toll rose to 64 on Tuesday.",
        dct6,
        "Tuesday",
        "2023-06-06",
    );
    check(
        "In 2019, a bombing at the central market killed 23 people.",
        dct6,
        "2019",
        "2019",
    );
}

#[test]
fn quarters_and_year_ago() {
    let dct = d(1989, 10, 26);
    check(
        "Third-quarter profit fell 5%.",
        dct,
        "Third-quarter",
        "1989-Q3",
    );
    let t = "Profit in the third quarter rose to $5 million from $4 million a year earlier.";
    check(t, dct, "a year earlier", "1988-Q3");
    check(t, dct, "the third quarter", "1989-Q3");
    check("Profit rose in the quarter.", dct, "the quarter", "1989-Q3");
    check(
        "Sales fell in the first nine months.",
        dct,
        "the first nine months",
        "P9M",
    );
}

#[test]
fn no_false_positives_on_plain_text() {
    let dct = d(2023, 6, 6);
    assert!(
        tv("May I come in? She may not.", dct).is_empty(),
        "{:?}",
        tv("May I come in? She may not.", dct)
    );
    assert!(tv("The police chief Anna Kowal spoke to reporters.", dct).is_empty());
    assert!(
        tv("He paid $2000 for 1500 tickets.", dct).is_empty(),
        "{:?}",
        tv("He paid $2000 for 1500 tickets.", dct)
    );
}

#[test]
fn non_ascii_text_round_trips() {
    let t = "Vor dem Konzert – am Samstag – «Kharivsk» 3 June 2023 ☃ today… 21:40 Uhr";
    let dct = d(2023, 6, 6);
    let m = tag(t, dct);
    assert!(m.iter().any(|x| x.text == "3 June 2023"));
    for x in &m {
        assert_eq!(t.get(x.start..x.end), Some(x.text.as_str()));
    }
}

fn check_invariants(text: &str, ms: &[TimeMention]) -> Result<(), TestCaseError> {
    let mut last_end = 0;
    let mut last_start = 0;
    for m in ms {
        prop_assert!(m.start < m.end);
        prop_assert_eq!(text.get(m.start..m.end), Some(m.text.as_str()));
        prop_assert!(!m.value.is_empty());
        // the date inside an event anchor ("two days after June 3") is reported after
        // it, nested in it; any other overlap is a bug
        let nested = m.start >= last_start && m.end <= last_end;
        prop_assert!(m.start >= last_end || nested, "overlap at {}", m.start);
        if !nested {
            last_start = m.start;
            last_end = m.end;
        }
    }
    Ok(())
}

proptest! {
    #[test]
    fn never_panics_and_spans_round_trip(s in "\\PC{0,200}") {
        let ms = tag(&s, d(2023, 6, 6));
        check_invariants(&s, &ms)?;
        let ms = tag(&s, None);
        check_invariants(&s, &ms)?;
    }

    #[test]
    fn temporal_soup_round_trips(parts in proptest::collection::vec(prop_oneof![
        Just("June"), Just("3"), Just(","), Just("2023"), Just("the"), Just("day"), Just("before"),
        Just("two"), Just("days"), Just("after"), Just("ago"), Just("last"), Just("Friday"), Just("at"),
        Just("9:40"), Just("p.m."), Just("every"), Just("week"), Just("–"), Just("é"), Just("May"),
        Just("quarter"), Just("third"), Just("-"), Just("1990s"), Just("'"), Just("s"), Just("night"),
        Just("year"), Just("earlier"), Just("hours"), Just("later"), Just("."), Just("Sunday")
    ], 0..40), glue in proptest::collection::vec(any::<bool>(), 40)) {
        let mut s = String::new();
        for (i, p) in parts.iter().enumerate() {
            if glue.get(i).copied().unwrap_or(false) { s.push(' '); }
            s.push_str(p);
        }
        let ms = tag(&s, d(2023, 6, 6));
        check_invariants(&s, &ms)?;
        let ms = tag(&s, None);
        check_invariants(&s, &ms)?;
    }
}

#[test]
fn this_weekday_is_the_current_week() {
    // DCT Tuesday 2023-06-06
    let dct = d(2023, 6, 6);
    check(
        "The city council announced that a candlelight vigil will be held this Friday on Philharmonic Square.",
        dct,
        "this Friday",
        "2023-06-09",
    );
    check(
        "The council spokesman on this Friday's vigil: no change.",
        dct,
        "this Friday",
        "2023-06-09",
    );
    check(
        "The minister resigned this Monday.",
        dct,
        "this Monday",
        "2023-06-05",
    );
    check(
        "Officials will meet this Monday.",
        dct,
        "this Monday",
        "2023-06-12",
    );
    check(
        "The report came out this Sunday.",
        dct,
        "this Sunday",
        "2023-06-04",
    );
    check(
        "Crowds expected for this Sunday's match.",
        dct,
        "this Sunday",
        "2023-06-11",
    );
    check(
        "This Monday's meeting drew crowds.",
        dct,
        "This Monday",
        "2023-06-05",
    );
}

#[test]
fn round_two_rules() {
    let dct = d(1989, 10, 30);
    // "the year" names the current year unless a span follows ("the year ended ...")
    check(
        "For the year, pet food volume was flat.",
        dct,
        "the year",
        "1989",
    );
    check(
        "It earned $5 million in the year ended Sept. 30.",
        dct,
        "the year",
        "P1Y",
    );
    check(
        "Sales for the full year rose 13%.",
        dct,
        "the full year",
        "1989",
    );
    check(
        "It lost money in the fiscal year ended June 30.",
        dct,
        "the fiscal year",
        "P1Y",
    );
    // "a year-earlier loss" compares with the year-ago quarter
    check(
        "It had a year-earlier loss of $6 million.",
        dct,
        "a year-earlier",
        "1988-Q3",
    );
    // ages, fractions and film titles are not temporal expressions
    for text in [
        "Mr. Smith, 52 years old, will succeed him.",
        "Iraq imports about three-quarters of its food.",
        "It was like the film High Noon.",
        "The average daily volume was 133 million shares.",
        "Music for today's youth is different.",
    ] {
        let all = tv(text, dct);
        assert!(all.is_empty(), "{text:?}: got {all:?}");
    }
    check("Dividends are paid daily.", dct, "daily", "P1D");
    check(
        "Quarterly results came out today.",
        dct,
        "today",
        "1989-10-30",
    );
    // a bare month with no future cue looks back, even far back
    check(
        "In January, the company brought in a new chief executive.",
        dct,
        "January",
        "1989-01",
    );
    check(
        "The stock rose from $29.75 in March.",
        dct,
        "March",
        "1989-03",
    );
    // a near date after the DCT stays in the DCT year
    check(
        "The offer, which was extended, expires Nov. 16.",
        dct,
        "Nov. 16",
        "1989-11-16",
    );
    // a plan in the pluperfect is past; "ahead of" and "as early as" look forward
    check(
        "The offer had been scheduled to expire at midnight Friday.",
        dct,
        "midnight Friday",
        "1989-10-27T24:00",
    );
    check(
        "Traders squared positions ahead of the weekend.",
        dct,
        "the weekend",
        "1989-W44-WE",
    );
    check(
        "His father could arrive as early as Thursday.",
        dct,
        "Thursday",
        "1989-11-02",
    );
    // a sentence opening "Until Thursday" looks back with the verb
    check(
        "Until Thursday, they had not called him a suspect.",
        dct,
        "Thursday",
        "1989-10-26",
    );
    check(
        "The vote was postponed until Thursday.",
        dct,
        "Thursday",
        "1989-11-02",
    );
    // "the day before last Tuesday's hearing"
    check(
        "The day before last Tuesday's hearing, he went home.",
        dct,
        "The day before",
        "1989-10-23",
    );
}

#[test]
fn report_dates_do_not_take_the_focus() {
    let dct = d(2023, 6, 6);
    let text = "Saturday's bombing killed 64, the health department said on Tuesday. \
                \"Some of them will carry that night with them,\" she said.";
    check(text, dct, "that night", "2023-06-03TNI");
    // a story date does take it
    let text = "The hall reopened on Monday. That night, crowds gathered.";
    check(text, dct, "That night", "2023-06-05TNI");
    // "not a day before" is an idiom, not a date
    let all = tv(
        "They will return when the hall is ready, and not a day before.",
        dct,
    );
    assert!(all.is_empty(), "got {all:?}");
}

#[test]
fn scheduled_present_ordinal_days_and_second_days() {
    // DCT Friday 1998-05-01
    let dct = d(1998, 5, 1);
    check(
        "He and Arafat meet separately Monday with the secretary of state.",
        dct,
        "Monday",
        "1998-05-04",
    );
    check(
        "The talks, which he wanted to meet on, ended Monday.",
        dct,
        "Monday",
        "1998-04-27",
    );
    check(
        "Today is the eighth day of the operation.",
        dct,
        "the eighth day",
        "1998-05-01",
    );
    // without the copula it is no date
    assert!(
        val(
            "He spoke on the eighth day of the trial.",
            dct,
            "the eighth day"
        )
        .is_none()
    );
    check(
        "Leaders meet at the summit on April 24 and 25.",
        dct,
        "25",
        "1998-04-25",
    );
    check(
        "It ran from June 3 to 5, 1999.",
        dct,
        "5, 1999",
        "1999-06-05",
    );
    // a percentage after a date is no date
    assert!(val("Prices rose on April 24 and 25 percent fell.", dct, "25").is_none());
}

#[test]
fn date_inside_an_event_anchor_is_its_own_mention() {
    let text = "The row began two days after the June 3 blast at the hall.";
    let ms = tag(text, NaiveDate::from_ymd_opt(2023, 6, 5));
    let outer = ms
        .iter()
        .find(|m| m.text == "two days after the June 3 blast");
    assert_eq!(outer.map(|m| m.value.as_str()), Some("2023-06-05"));
    let inner = ms.iter().find(|m| m.text == "June 3");
    assert_eq!(inner.map(|m| m.value.as_str()), Some("2023-06-03"));
    for m in &ms {
        assert_eq!(text.get(m.start..m.end), Some(m.text.as_str()));
    }
}

#[test]
fn shift_finer_than_the_event_date_keeps_its_precision() {
    let ms = tag(
        "Two weeks after the 2019 attack, it reopened.",
        NaiveDate::from_ymd_opt(2023, 6, 5),
    );
    let m = ms.iter().find(|m| m.text.starts_with("Two weeks"));
    assert_eq!(m.map(|m| m.value.as_str()), Some("2019"));
}

#[test]
fn undated_event_anchor_says_what_stood_in() {
    let ms = tag(
        "He rehearsed the night before the concert.",
        NaiveDate::from_ymd_opt(2023, 6, 6),
    );
    let m = ms.iter().find(|m| m.text == "the night before the concert");
    assert_eq!(m.and_then(|m| m.anchor.as_deref()), Some("dct"));
}

#[test]
fn hours_later_follows_the_event_not_the_report() {
    let text = "A bomb went off on Saturday night. The toll was released on Sunday morning. \
                Police sealed the area hours later.";
    let ms = tag(text, NaiveDate::from_ymd_opt(2023, 6, 5));
    let m = ms.iter().find(|m| m.text == "hours later");
    assert_eq!(m.map(|m| m.value.as_str()), Some("2023-06-03"));
}

#[test]
fn an_event_named_after_before_is_not_dated_by_its_sentence() {
    let ms = tag(
        "It sent a warning on June 1, two days before the bombing.",
        NaiveDate::from_ymd_opt(2023, 6, 5),
    );
    let m = ms.iter().find(|m| m.text == "two days before the bombing");
    // the bombing is not dated here: the anchor says the previous date stood in
    assert_eq!(m.and_then(|m| m.anchor.as_deref()), Some("previous"));
}

// ---- round 3: TempEval-3 conventions (hand-written sentences) ----

#[test]
fn weekday_night_and_morning_are_dated_to_the_day() {
    let dct = d(2023, 6, 6);
    let t = "Shots rang out on Friday night and the curfew ended on Saturday morning.";
    check(t, dct, "Friday night", "2023-06-02");
    check(t, dct, "Saturday morning", "2023-06-03");
    let m = tag(t, dct).into_iter().find(|m| m.text == "Friday night");
    assert_eq!(m.map(|m| m.kind), Some(TimeType::DATE));
    // evening and afternoon keep the part of the day
    check(
        "They met on Friday afternoon.",
        dct,
        "Friday afternoon",
        "2023-06-02TAF",
    );
    // a bare part of the day is unchanged
    check(
        "Shots were heard last night.",
        dct,
        "last night",
        "2023-06-05TNI",
    );
}

#[test]
fn year_to_date_period_puts_the_year_in_focus() {
    let dct = d(1989, 10, 26);
    let t = "Profit rose in the third quarter. For the nine months, net was $9 million, \
             up from $7 million a year earlier.";
    check(t, dct, "a year earlier", "1988");
    // without the nine months the quarter stays in focus
    let t = "Profit rose in the third quarter to $9 million from $7 million a year earlier.";
    check(t, dct, "a year earlier", "1988-Q3");
}

#[test]
fn mixed_fractions_in_durations() {
    let dct = d(1998, 8, 17);
    check(
        "She spent about 5 1/2 hours in the capital.",
        dct,
        "about 5 1/2 hours",
        "PT5H30M",
    );
    check(
        "They lived in camps for 2 1/2 years.",
        dct,
        "2 1/2 years",
        "P2Y6M",
    );
    // a score is not a fraction of a unit
    assert!(val("The index rose 3 1/2 points.", dct, "1/2").is_none());
}

#[test]
fn future_tense_keeps_a_month_ahead() {
    let dct = d(1998, 3, 4);
    check(
        "She will be named commander of a mission in December.",
        dct,
        "December",
        "1998-12",
    );
    // "the plan" is a noun: the past "announced" decides
    check(
        "The thrift announced the plan Aug. 21.",
        d(1989, 10, 27),
        "Aug. 21",
        "1989-08-21",
    );
}

#[test]
fn terms_set_ahead_lie_ahead() {
    let dct = d(1989, 10, 26);
    check(
        "The bank created a new office of the chairman, effective Feb. 1.",
        dct,
        "Feb. 1",
        "1990-02-01",
    );
    check(
        "It plans to pay down the loan by February.",
        dct,
        "February",
        "1990-02",
    );
    // "through" is left to the tense
    check(
        "Sales fell this year through August.",
        dct,
        "August",
        "1989-08",
    );
}

#[test]
fn last_year_in_a_comparison_with_a_quarter_in_focus() {
    let dct = d(1989, 10, 30);
    let t = "In the latest quarter, the unit lost $23 million, compared with earnings of \
             $33 million last year.";
    check(t, dct, "last year", "1988-Q3");
    // no comparison: the year
    let t = "In the latest quarter, the unit lost $23 million. Last year the founder retired.";
    check(t, dct, "Last year", "1988");
}

#[test]
fn the_latest_quarter_is_not_a_quarter_still_under_way() {
    let dct = d(1989, 11, 2);
    let t = "The storm will result in a fourth-quarter charge. Profit fell 59% in the \
             latest quarter.";
    check(t, dct, "fourth-quarter", "1989-Q4");
    check(t, dct, "the latest quarter", "1989-Q3");
}

#[test]
fn year_ago_after_a_year_in_focus() {
    let dct = d(1989, 11, 2);
    let t = "Net was $306 million, against a loss in the 1988 period. The year-ago results \
             included a charge.";
    check(t, dct, "The year-ago", "1988");
}

#[test]
fn rates_are_not_times() {
    let dct = d(1989, 10, 30);
    for t in [
        "The cuts should save $500 million a year in costs.",
        "Revenue is expected to grow by 20% annually.",
        "The airline flies four flights a week to Bombay.",
        "The plant would make about 10,000 units annually.",
    ] {
        assert!(tag(t, dct).is_empty(), "{t:?}: {:?}", tv(t, dct));
    }
    // a stretch of time stays
    check("He waited a year for the ruling.", dct, "a year", "P1Y");
}

#[test]
fn an_appositive_restates_the_date() {
    let dct = d(1989, 10, 30);
    let t = "Prices rose after Oct. 12, the day before the market plunge, and fell later.";
    check(t, dct, "the day before", "1989-10-12");
    // not an appositive: a shift from the date
    let t = "The bank failed on Oct. 12. The day before, its shares fell.";
    check(t, dct, "The day before", "1989-10-11");
}

#[test]
fn year_end() {
    let dct = d(1989, 10, 26);
    check(
        "The deal should close by year-end.",
        dct,
        "year-end",
        "1989",
    );
    check(
        "Rules should be in place by year's end.",
        dct,
        "year's end",
        "1989",
    );
    check(
        "The index is up 12% since year end.",
        dct,
        "year end",
        "1988",
    );
    // an adjective: "year-end net"
    assert!(val("In 1988, year-end net was lower.", dct, "year-end").is_none());
}

#[test]
fn compound_adjectives_are_not_times() {
    let dct = d(1989, 11, 1);
    let t = "The quarter-to-quarter comparison was enhanced by charges.";
    assert!(tag(t, dct).is_empty(), "{:?}", tv(t, dct));
}

#[test]
fn the_week_without_a_date_is_a_week_of_the_year() {
    let dct = d(1989, 10, 30);
    let t = "The index fell 1.2% on Friday. For the week, it dropped 3.8%.";
    check(t, dct, "the week", "1989-WXX");
    check(
        "Volume was the week's highest.",
        dct,
        "the week",
        "1989-WXX",
    );
    // a dated week is not this rule's
    let t = "The hearing is set for the week of March 6.";
    assert!(val(t, dct, "the week").is_none(), "{:?}", tv(t, dct));
}

#[test]
fn centuries_hundreds_and_additional_units() {
    let dct = d(1998, 2, 13);
    check("She is a 20th century democrat.", dct, "20th century", "19");
    check(
        "They cleared mines near the fabled 11th century temple.",
        dct,
        "11th century",
        "10",
    );
    check(
        "The crown has ruled for almost a hundred years.",
        dct,
        "almost a hundred years",
        "P100Y",
    );
    check(
        "The loan may be extended for an additional year.",
        dct,
        "an additional year",
        "P1Y",
    );
    assert!(tag("A hundred people came.", dct).is_empty());
}

#[test]
fn an_appositive_after_an_anchored_date() {
    let dct = d(1989, 10, 30);
    let t = "Two days after Oct. 12, the day before the plunge, the index rose.";
    check(t, dct, "Oct. 12", "1989-10-12");
    check(t, dct, "the day before", "1989-10-12");
}

#[test]
fn titles_and_generic_tomorrow_are_not_times() {
    let dct = d(1990, 8, 13);
    for t in [
        "Baker, speaking on ABC News' \"This Week,\" said the request was clear.",
        "This is VOA Today.",
        "\"If I were choosing the people of tomorrow, I would pick them,\" he said.",
    ] {
        assert!(tag(t, dct).is_empty(), "{t:?}: {:?}", tv(t, dct));
    }
    // the same words as times
    check("Talks resume today.", dct, "today", "1990-08-13");
    check("Today, the city mourns.", dct, "Today", "1990-08-13");
    check("They meet this week.", dct, "this week", "1990-W33");
    check("They meet tomorrow.", dct, "tomorrow", "1990-08-14");
}

#[test]
fn the_reporting_quarter_stays_in_focus_after_an_aside() {
    let dct = d(1989, 11, 1);
    let t = "Net rose 20% in the third quarter. After a flat second quarter, sales grew. \
             Charges were taken in the year-earlier period. In the 1989 period, rates were \
             lower than a year ago.";
    check(t, dct, "the year-earlier period", "1988-Q3");
    check(t, dct, "1989", "1989-Q3");
    check(t, dct, "a year ago", "1988-Q3");
    check(t, dct, "second quarter", "1989-Q2");
}

#[test]
fn a_year_naming_a_quarter() {
    let dct = d(1989, 10, 30);
    let t = "Third-quarter earnings will be lower than last year. It earned $376,000 in the \
             1988 quarter.";
    check(t, dct, "1988", "1988-Q3");
    // a plain year stays a year
    check("It was founded in 1988.", dct, "1988", "1988");
}

#[test]
fn last_years_quarter_and_the_corresponding_period() {
    let dct = d(1989, 11, 1);
    let t = "Net sales for this year's third quarter were $14 million, down from $21.4 \
             million last year. Net was $1.8 million for the corresponding period last year. \
             Sales for last year's quarter were about $3 million.";
    check(t, dct, "this year's third quarter", "1989-Q3");
    check(t, dct, "last year's quarter", "1988-Q3");
    let t = "Profit rose in the third quarter. Separately, the unit was sold last year. Net was \
             $1.8 million for the corresponding period last year.";
    check(t, dct, "last year", "1988");
    let m: Vec<_> = tag(t, dct)
        .into_iter()
        .filter(|m| m.text == "last year")
        .map(|m| m.value)
        .collect();
    assert_eq!(m, vec!["1988".to_string(), "1988-Q3".to_string()]);
}

#[test]
fn the_past_year_is_last_year() {
    let dct = d(1998, 3, 3);
    check(
        "Hate groups grew over the past year.",
        dct,
        "the past year",
        "1997",
    );
    // other units stay durations
    check(
        "Prices fell over the past month.",
        dct,
        "the past month",
        "P1M",
    );
}

#[test]
fn a_comparison_needs_a_figure() {
    let dct = d(1989, 11, 2);
    let t = "Sales rose in the third quarter. The company moved from Ohio last year.";
    check(t, dct, "last year", "1988");
    let t = "Sales in the latest period were $1.76 billion, a 13% increase from last year's \
             $1.55 billion.";
    check(t, dct, "last year", "1988-Q3");
    let t = "Prices will rise in the week ahead.";
    assert!(val(t, dct, "the week").is_none(), "{:?}", tv(t, dct));
}

#[test]
fn the_quarter_may_be_one_ahead() {
    let dct = d(1989, 10, 26);
    let t = "Profit should rise in the fourth quarter. The quarter is usually strong.";
    check(t, dct, "The quarter", "1989-Q4");
}

#[test]
fn hyphenated_compounds_are_not_years() {
    let ms = tag(
        "The 1000-member church and a 2000-year-old coin were found in 1998. The 2008-09 season ended.",
        d(2009, 6, 1),
    );
    let texts: Vec<&str> = ms.iter().map(|m| m.text.as_str()).collect();
    assert!(
        !texts
            .iter()
            .any(|t| t.starts_with("1000") || t.starts_with("2000")),
        "{texts:?}"
    );
    assert!(texts.contains(&"1998"), "{texts:?}");
    assert!(texts.iter().any(|t| t.starts_with("2008")), "{texts:?}");
}

#[test]
fn a_past_month_day_takes_the_year_the_text_named_for_that_month() {
    let dct = d(2031, 5, 3);
    let text = "The guard was shot in June 2029. He was killed on June 24, while on patrol.";
    check(text, dct, "June 24", "2029-06-24");
    // without that month named, the usual pick (the June before: a killing told in the
    // past is no date seven weeks ahead); in the future tense, the June ahead
    check(
        "The guard was shot in March 2029. He was killed on June 24.",
        dct,
        "June 24",
        "2030-06-24",
    );
    check(
        "The guard was shot in June 2029. The trial will resume on June 24.",
        dct,
        "June 24",
        "2031-06-24",
    );
}

#[test]
fn a_month_day_right_after_a_full_date_of_that_month_shares_its_year() {
    let dct = d(2031, 3, 20);
    check(
        "The guard was shot on June 24, 2029. Police sought the man for the June 20 robbery.",
        dct,
        "June 20",
        "2029-06-20",
    );
    // a month named with its year is no anchor for a later day of it
    check(
        "Talks followed the August 2029 truce. The invasion on Aug. 2 ended them.",
        d(2031, 8, 15),
        "Aug. 2",
        "2031-08-02",
    );
}

#[test]
fn clock_in_the_morning_parts_of_the_day_and_long_compounds() {
    let dct = d(2031, 4, 5);
    check(
        "He will leave at 4 in the morning.",
        dct,
        "4 in the morning",
        "2031-04-05T04:00",
    );
    check(
        "They met by 6 in the evening.",
        dct,
        "6 in the evening",
        "2031-04-05T18:00",
    );
    check(
        "By mid afternoon, it was over.",
        dct,
        "mid afternoon",
        "2031-04-05TAF",
    );
    check(
        "At mid-afternoon yesterday, shares fell.",
        dct,
        "mid-afternoon yesterday",
        "2031-04-04TAF",
    );
    check(
        "By late afternoon the crowd left.",
        dct,
        "late afternoon",
        "2031-04-05TAF",
    );
    check("It ended a weeks-long strike.", dct, "weeks-long", "PXW");
    // singular units: the compound, never "a week" or "the day" inside it
    check("It ended a week-long strike.", dct, "week-long", "P1W");
    check("After the day-long meeting.", dct, "day-long", "P1D");
    check("An hour-long speech followed.", dct, "hour-long", "PT1H");
    check("Her decade-long career ended.", dct, "decade-long", "P10Y");
    assert!(
        tv("It ended a week-long strike.", dct)
            .iter()
            .all(|(t, _, _)| t == "week-long")
    );
    // a count in a morning raid is no clock time; "the early morning hours" stays out
    let all = tv(
        "Police killed 4 in the morning raid. In the early morning hours it rained.",
        dct,
    );
    assert!(
        all.iter().all(|(t, _, _)| !t.contains("morning")),
        "{all:?}"
    );
}

#[test]
fn without_a_dct_only_a_previous_month_or_day_anchors_a_month_day() {
    check(
        "The film may open in early 2030. The first film was released on November 21st.",
        None,
        "November 21st",
        "XXXX-11-21",
    );
    check(
        "The riot began on March 10, 2029. On March 11 the army moved in.",
        None,
        "March 11",
        "2029-03-11",
    );
}

#[test]
fn a_shift_with_no_time_told_before_stays_unresolved() {
    let dct = d(2031, 6, 26);
    let all = tv(
        "A parolee is found cowering near the house where the deputy had been shot a few \
         hours earlier.",
        dct,
    );
    assert!(
        all.iter().all(|(_, _, v)| !v.starts_with("2031")),
        "{all:?}"
    );
    // after a date, it counts from that date
    check(
        "The deputy was shot on June 24, 2031. Two days later a suspect was held.",
        dct,
        "Two days later",
        "2031-06-26",
    );
}

#[test]
fn a_present_tense_month_day_keeps_the_usual_year() {
    check(
        "Families recall the June 12, 1990 massacre. The memorial service is on June 12.",
        d(2031, 5, 7),
        "June 12",
        "2031-06-12",
    );
}

#[test]
fn without_a_dct_another_month_gives_no_year() {
    check(
        "She posed for the January 2029 issue. She died on December 2 in a hospital.",
        None,
        "December 2",
        "XXXX-12-02",
    );
}

#[test]
fn the_attacks_of_september_11_are_a_day_of_2001() {
    let dct = d(2027, 10, 3);
    let t = "The memorial for the victims of the 9/11 attacks opened on Tuesday. Mayor Ada \
             Brenn said the September 11 attacks changed Portvale. A second ceremony was held \
             on September 11 this year. Since 9/11, the port has been guarded. Two days later \
             the harbour reopened.";
    check(t, dct, "9/11", "2001-09-11");
    check(t, dct, "September 11", "2001-09-11");
    check(t, dct, "September 11 this year", "2027-09-11");
    // the background day takes no focus: "Two days later" counts from this year's
    // ceremony
    check(t, dct, "Two days later", "2027-09-13");
    // a plain day is a day of its year
    check(
        "The vote was held on September 11.",
        dct,
        "September 11",
        "2027-09-11",
    );
    // a numeric date with its year, and "9/11" in a table of scores, are no attacks
    check("Filed 9/11/2027 in Norby.", dct, "9/11/2027", "2027-09-11");
    assert!(val("The team won 9/11 of its games.", dct, "9/11").is_none());
}

#[test]
fn plans_announced_and_a_failed_reach_look_back() {
    // published Wednesday 2029-03-07
    let dct = d(2029, 3, 7);
    check(
        "Mayor Ada Brenn announced plans Tuesday to rebuild the Norby bridge.",
        dct,
        "Tuesday",
        "2029-03-06",
    );
    check(
        "Tom Ruse could not be reached Monday for comment.",
        dct,
        "Monday",
        "2029-03-05",
    );
    // a plan is still ahead
    check(
        "The council plans to vote Tuesday.",
        dct,
        "Tuesday",
        "2029-03-13",
    );
}

#[test]
fn a_sunday_newspaper_is_no_day() {
    let dct = d(2031, 9, 16);
    let t = "The climber was rescued, Chief Tom Ruse told the Herald on Sunday.";
    assert!(val(t, dct, "Sunday").is_none(), "{:?}", tv(t, dct));
    check(
        "The climber was rescued on Sunday.",
        dct,
        "Sunday",
        "2031-09-14",
    );
}

#[test]
fn review_cases_of_plans_newspapers_and_9_11() {
    let dct = d(2029, 3, 7);
    // a future vote on plans stays ahead
    check(
        "The council will vote on revised plans Tuesday.",
        dct,
        "Tuesday",
        "2029-03-13",
    );
    // a newspaper that is no "X on Sunday" title keeps the day
    let dct2 = d(2029, 3, 11);
    check(
        "Ada Brenn told the Washington Post on Sunday.",
        dct2,
        "Sunday",
        "2029-03-11",
    );
    check(
        "Tom Ruse told The Times on Sunday.",
        dct2,
        "Sunday",
        "2029-03-11",
    );
    // one attack on a September 11 of the story's year, and a 9/11 deadline
    let dct3 = d(2031, 9, 20);
    check(
        "The September 11 attack on the Portvale consulate killed two guards.",
        dct3,
        "September 11",
        "2031-09-11",
    );
    assert!(val("The 9/11 deadline for the Norby bids passed.", dct3, "9/11").is_none());
}

#[test]
fn a_past_verb_of_the_happening_keeps_its_date_behind() {
    // written 16 May: "fired on June 8" is last June; a date a verb moves or sets,
    // or one past tense only frames, stays ahead
    let dct = d(2031, 5, 16);
    check(
        "Tom Ruse, fired on June 8, is seeking damages.",
        dct,
        "June 8",
        "2030-06-08",
    );
    check("Ada Brenn died June 8.", dct, "June 8", "2030-06-08");
    check(
        "The vote was postponed until June 8.",
        dct,
        "June 8",
        "2031-06-08",
    );
    check(
        "The council extended the offer to June 8.",
        dct,
        "June 8",
        "2031-06-08",
    );
    check(
        "The mayor invited the envoys to a ceremony in Norby on June 8.",
        dct,
        "June 8",
        "2031-06-08",
    );
}

#[test]
fn a_clause_after_a_comma_does_not_outvote_the_verb_before() {
    let dct = d(2031, 5, 3); // a Saturday
    check(
        "Ada Brenn checked into a Norby clinic on Thursday night, for what is to be a \
         three-month stay.",
        dct,
        "Thursday night",
        "2031-05-01",
    );
    // with no cue on the left, the clause after the comma still counts
    check(
        "On Thursday, the council will vote.",
        dct,
        "Thursday",
        "2031-05-08",
    );
}

#[test]
fn a_hyphenated_event_noun_anchors_like_any_other() {
    let dct = d(2031, 6, 20);
    let text = "The break-in at the Norby office was on June 17, 2031. Two days after the \
                break-in, police arrested Tom Ruse.";
    check(text, dct, "Two days after the break-in", "2031-06-19");
}

#[test]
fn a_verb_that_picks_a_date_or_a_date_before_its_noun_stays_ahead() {
    let dct = d(2031, 5, 16);
    for (text, expr) in [
        ("The union picked June 8 for the strike.", "June 8"),
        ("The club booked June 8 for the final.", "June 8"),
        (
            "Officials confirmed the long-awaited June 8 launch.",
            "June 8",
        ),
    ] {
        check(text, dct, expr, "2031-06-08");
    }
}

#[test]
fn a_coordinated_clause_does_not_outvote_the_near_verb_and_succeed_is_no_past() {
    let dct = d(2031, 11, 7); // a Friday
    check(
        "Protesters planned a rally in Norby on Saturday and were hoping to march.",
        dct,
        "Saturday",
        "2031-11-08",
    );
    check(
        "Tom Ruse will succeed Ada Brenn Feb. 1, soon after she retires.",
        dct,
        "Feb. 1",
        "2032-02-01",
    );
}

#[test]
fn a_clock_before_a_weekday_and_its_date_is_one_time() {
    let dct = d(2031, 1, 6);
    check(
        "Norby will face Portvale at 8 p.m. Saturday, Jan. 18, in the final.",
        dct,
        "8 p.m. Saturday, Jan. 18",
        "2031-01-18T20:00",
    );
}

#[test]
fn a_count_from_the_time_just_told_is_a_duration_in_timeml() {
    let dct = d(2023, 6, 6);
    let t = "The dam failed on June 3. Three days later, the river rose. \
             Ten days before the blast, engineers met. A year earlier, it was inspected.";
    let ms = tag(t, dct);
    let get = |x: &str| ms.iter().find(|m| m.text == x);
    // the dossier keeps the date; TimeML's reading is the duration
    let later = get("Three days later");
    assert_eq!(later.map(|m| m.value.as_str()), Some("2023-06-06"));
    assert_eq!(later.map(|m| m.timeml()), Some((TimeType::DURATION, "P3D")));
    // a count from a named event, and a year back, stay dates
    let before = get("Ten days before the blast").map(|m| m.timeml());
    assert_eq!(before.map(|x| x.0), Some(TimeType::DATE));
    let year = get("A year earlier").map(|m| m.timeml());
    assert_eq!(year.map(|x| x.0), Some(TimeType::DATE));
}

#[test]
fn a_named_day_is_no_weekday() {
    let dct = d(2023, 6, 6);
    for t in [
        "The fix ships ahead of next month's Patch Tuesday.",
        "Turnout was high on Super Tuesday.",
        "Shops expect crowds on Black Friday.",
    ] {
        let all = tv(t, dct);
        assert!(
            all.iter().all(|(x, ..)| !x.ends_with("day")),
            "{t}: {all:?}"
        );
    }
    // a weekday after an ordinal capitalised word still is one
    check(
        "On Tuesday, the vote went ahead.",
        dct,
        "Tuesday",
        "2023-06-06",
    );
}

#[test]
fn an_infinitive_governing_a_weekday_looks_ahead() {
    // Wednesday 7 June 2023
    let dct = d(2023, 6, 7);
    check(
        "Portvale advances to play Saturday in the final.",
        dct,
        "Saturday",
        "2023-06-10",
    );
    // unless a past verb governs it
    check(
        "Ada Brenn went to Norby to meet Tom Ruse Monday.",
        dct,
        "Monday",
        "2023-06-05",
    );
    // "to" before a place is no infinitive
    check(
        "Ada Brenn, taken to hospital Monday, is stable.",
        dct,
        "Monday",
        "2023-06-05",
    );
    check(
        "A fire spread to homes Monday.",
        dct,
        "Monday",
        "2023-06-05",
    );
}

#[test]
fn a_month_day_after_a_month_told_with_in_keeps_its_year() {
    let t = "In November 1973, the band played in Portvale. On Nov. 17, the police raided \
             the hall.";
    check(t, d(2008, 12, 10), "Nov. 17", "1973-11-17");
    let t = "In November 1973, students held the hall, closed since 1967. On Nov. 17, the \
             police raided it.";
    check(t, d(2008, 12, 10), "Nov. 17", "1973-11-17");
    // a month and year as an attribute sets no narrative time, nor one inside a clause
    let t = "The November 1973 tour was cancelled. On Nov. 17, the police raided the hall.";
    check(t, d(2008, 12, 10), "Nov. 17", "2008-11-17");
    let t = "Ada Brenn, who was born in November 1973, leads the union. On Nov. 17, the \
             police raided the hall.";
    check(t, d(2008, 12, 10), "Nov. 17", "2008-11-17");
}

#[test]
fn a_decade_with_an_apostrophe_is_a_decade() {
    let dct = d(2008, 12, 10);
    check(
        "It was founded in the 1930's by Luciano.",
        dct,
        "1930's",
        "193",
    );
    check("The 1960\u{2019}s were wild.", dct, "1960\u{2019}s", "196");
    check("It was founded in 1930 by Luciano.", dct, "1930", "1930");
    // a year's possession is no decade
    check("Norby approved 2030's budget.", dct, "2030", "2030");
}

#[test]
fn a_slashed_date_both_ways_takes_the_reading_nearer_the_dct() {
    check(
        "Posted 11/09/2010.",
        d(2010, 9, 15),
        "11/09/2010",
        "2010-09-11",
    );
    check(
        "Posted 11/09/2010.",
        d(2010, 11, 10),
        "11/09/2010",
        "2010-11-09",
    );
    // without a DCT, month-first
    check("Posted 11/09/2010.", None, "11/09/2010", "2010-11-09");
    // only one reading is a date
    check(
        "Posted 11/25/2010.",
        d(2010, 9, 15),
        "11/25/2010",
        "2010-11-25",
    );
    // neither reading is near the DCT: month-first
    check(
        "Filed 03/04/2010.",
        d(2010, 9, 15),
        "03/04/2010",
        "2010-03-04",
    );
    // both near: the nearer
    check(
        "Posted 05/06/2010.",
        d(2010, 6, 5),
        "05/06/2010",
        "2010-06-05",
    );
    // the reading anchors an event noun like any date
    let t = "The bombing in Norby on 11/09/2010 killed four. Two days after the bombing, \
             police arrested Tom Ruse.";
    check(
        t,
        d(2010, 9, 15),
        "Two days after the bombing",
        "2010-09-13",
    );
}

/// Whether some mention's text is `expr`.
fn has(text: &str, dct: Option<NaiveDate>, expr: &str) -> bool {
    tag(text, dct).iter().any(|m| m.text == expr)
}

#[test]
fn one_day_before_a_verb_is_the_future() {
    let dct = d(2023, 6, 6);
    check(
        "Ada Brenn hopes to one day lead the Portvale council.",
        dct,
        "one day",
        "FUTURE_REF",
    );
    check(
        "Norby will one day be the largest port in the region.",
        dct,
        "one day",
        "FUTURE_REF",
    );
    check(
        "She said she one day return to Norby.",
        dct,
        "one day",
        "FUTURE_REF",
    );
    // a day long, still
    check(
        "The strike in Portvale lasted one day.",
        dct,
        "one day",
        "P1D",
    );
    check(
        "The vote was followed by one day an announcement of new talks.",
        dct,
        "one day",
        "P1D",
    );
}

#[test]
fn a_year_in_a_name_or_a_model_is_no_date() {
    let dct = d(2023, 6, 6);
    let t = "Brenn set up a shipping firm called Norby 1990, based in Portvale.";
    assert!(!has(t, dct, "1990"), "{:?}", tv(t, dct));
    let t = "Police found Brenn's 1987 Chevrolet near the harbour.";
    assert!(!has(t, dct, "1987"), "{:?}", tv(t, dct));
    // a year after a month, a preposition or at the start of a sentence stays
    check("The port opened in May 1990.", dct, "May 1990", "1990-05");
    check("Since 1990, Norby has grown.", dct, "1990", "1990");
    check("For 1988, Portvale earned $3 million.", dct, "1988", "1988");
    check("Brenn's 1987 campaign failed.", dct, "1987", "1987");
}

#[test]
fn a_frequency_of_time_units_is_no_time() {
    let dct = d(2023, 6, 6);
    let t = "Guards watch the Portvale depot 24 hours a day, seven days a week.";
    let all = tv(t, dct);
    assert!(all.is_empty(), "{all:?}");
    // a count of hours alone stays a duration
    check("The search lasted 24 hours.", dct, "24 hours", "PT24H");
}

#[test]
fn a_while_is_an_unsaid_length() {
    let dct = d(2023, 6, 6);
    check(
        "Portvale will have to live without power for a while.",
        dct,
        "a while",
        "PXX",
    );
    check(
        "After a long while, Brenn spoke.",
        dct,
        "a long while",
        "PXX",
    );
    // the conjunction is no time
    let t = "Brenn read a report while Norby slept.";
    assert!(tv(t, dct).is_empty(), "{:?}", tv(t, dct));
}

#[test]
fn trading_days_are_a_length() {
    let dct = d(2023, 6, 6);
    let t = "Eight trading days after May 12, the Portvale index was lower.";
    check(t, dct, "Eight trading days", "P8D");
    check(t, dct, "May 12", "2023-05-12");
    check(
        "Shares will settle within three business days.",
        dct,
        "three business days",
        "P3D",
    );
}

#[test]
fn the_week_of_a_date_is_that_week() {
    let dct = d(2000, 2, 24);
    check(
        "The case may be heard the week of March 6, Ada Brenn said.",
        dct,
        "the week of March 6",
        "2000-W10",
    );
}

#[test]
fn each_month_and_plural_parts_of_days_are_sets() {
    let dct = d(1998, 2, 13);
    check(
        "Fishermen sail from Norby each July to the islands.",
        dct,
        "each July",
        "XXXX-07",
    );
    let t = "Two new ferries will leave Portvale on Monday and Tuesday nights from March 30.";
    check(t, dct, "Monday", "XXXX-WXX-1TNI");
    check(t, dct, "Tuesday nights", "XXXX-WXX-2TNI");
    check(
        "The market opens on Friday mornings.",
        dct,
        "Friday mornings",
        "XXXX-WXX-5TMO",
    );
    // one night is a day
    check(
        "The ferry left Portvale on Tuesday night.",
        dct,
        "Tuesday night",
        "1998-02-10",
    );
}

#[test]
fn the_early_hours_of_a_day_are_no_length() {
    let dct = d(1999, 10, 8);
    let t = "Police arrested Brenn in the early hours of Thursday morning.";
    assert!(!has(t, dct, "the early hours"), "{:?}", tv(t, dct));
    check(t, dct, "Thursday morning", "1999-10-07");
}

#[test]
fn later_in_the_day_before_a_clause_is_no_day_before() {
    let dct = d(1998, 8, 17);
    let t = "Brenn stops in Norby on Tuesday, and then in Portvale later in the day before \
             returning home.";
    assert!(!has(t, dct, "the day before"), "{:?}", tv(t, dct));
    // the day before an event stays
    check(
        "The vote was held on June 4. Brenn arrived the day before the vote.",
        dct,
        "the day before the vote",
        "1998-06-03",
    );
}

#[test]
fn the_days_before_an_event_are_its_month() {
    let dct = d(1999, 5, 6);
    let t = "Norby was charged on Thursday in the slaying. Police have sought him since \
             the Oct. 23 slaying of Dr. Ada Brenn. His car was seen near her house in the \
             weeks before the shooting.";
    check(t, dct, "weeks", "1998-10");
    let t = "Ada Brenn was shot to death on Oct. 23, 1998. Norby's car was seen in \
             Portvale in the days before Brenn was killed.";
    check(t, dct, "days", "1998-10");
    // an event the text does not date: the month is unknown
    let t = "Norby's car was seen in Portvale in the days before the attack.";
    check(t, dct, "days", "XXXX-XX");
}

#[test]
fn some_decades_are_some_years() {
    let dct = d(2000, 1, 15);
    check(
        "The boy became a symbol of a decades-long feud between Norby and Portvale.",
        dct,
        "decades-long",
        "PXY",
    );
    check(
        "Portvale was ruled from Norby for centuries.",
        dct,
        "centuries",
        "PXC",
    );
}

#[test]
fn halves_of_a_year() {
    let dct = d(1989, 10, 26);
    check(
        "Earnings will be lower for the last half of 1989 and for 1990.",
        dct,
        "the last half of 1989",
        "1989-H2",
    );
    let t = "The slump will last through the first two quarters of 1990, analysts said.";
    check(t, dct, "the first two quarters of 1990", "1990-H1");
    assert!(!has(t, dct, "1990"), "{:?}", tv(t, dct));
}

#[test]
fn easter_and_its_days() {
    assert_eq!(easter_sunday(2000), NaiveDate::from_ymd_opt(2000, 4, 23));
    assert_eq!(easter_sunday(2024), NaiveDate::from_ymd_opt(2024, 3, 31));
    assert_eq!(easter_sunday(2019), NaiveDate::from_ymd_opt(2019, 4, 21));
    let dct = d(2000, 4, 17);
    check(
        "Protesters in Portvale prayed as Easter week began.",
        dct,
        "Easter week",
        "2000-W16",
    );
    check(
        "The Norby shop closes on Good Friday.",
        dct,
        "Good Friday",
        "2000-04-21",
    );
    check("Brenn will visit at Easter.", dct, "Easter", "2000-04-23");
    let t = "Norby sailed to Easter Island.";
    assert!(tv(t, dct).is_empty(), "{:?}", tv(t, dct));
}

#[test]
fn a_month_before_the_noun_it_dates() {
    let dct = d(1999, 2, 10);
    check(
        "The March accession will let Norby join the alliance.",
        dct,
        "March",
        "1999-03",
    );
    check("Brenn won the May elections.", dct, "May", "1998-05");
    // a march, a name, a modal
    for t in [
        "Brenn joined the March for Life in Portvale.",
        "Norby may visit Portvale.",
        "Protesters march through Portvale.",
    ] {
        assert!(tv(t, dct).is_empty(), "{t}: {:?}", tv(t, dct));
    }
}

#[test]
fn in_the_morning_is_of_the_day_just_told() {
    let dct = d(1989, 10, 30);
    let t = "Portvale shares fell Friday. Dealers placed orders in the morning.";
    check(t, dct, "the morning", "1989-10-27TMO");
    // a clock time keeps its own reading
    check(
        "The ferry leaves at 4 in the morning on Tuesday.",
        dct,
        "4 in the morning on Tuesday",
        "1989-10-31T04:00",
    );
}

#[test]
fn the_quarter_a_year_ago() {
    let dct = d(1989, 10, 26);
    let t = "Norby Corp. had a loss for the third quarter. For the quarter a year ago, Norby \
             earned $16 million.";
    check(t, dct, "the quarter a year ago", "1988-Q3");
    assert!(!has(t, dct, "a year ago"), "{:?}", tv(t, dct));
}

#[test]
fn stretches_of_years_and_days() {
    let dct = d(1998, 3, 31);
    check(
        "Over the years, Portvale has grown into a port.",
        dct,
        "the years",
        "PXY",
    );
    check(
        "Norby landed in 1956. In the years that followed, the rebels fought on.",
        dct,
        "the years",
        "PXY",
    );
    check("Portvale saw its first gain in years.", dct, "years", "PXY");
    // a name, a number: no stretch
    let t = "Brenn returned to play in Weeks 14-16.";
    assert!(!has(t, dct, "Weeks"), "{:?}", tv(t, dct));
    // the years of a date stay out
    let t = "Over the years of 1990 and 1991, Norby grew.";
    assert!(!has(t, dct, "the years"), "{:?}", tv(t, dct));
}

#[test]
fn pay_counted_in_months_is_no_time() {
    let dct = d(1989, 11, 2);
    let t = "Portvale offers a bonus equal to six months of base pay.";
    assert!(tv(t, dct).is_empty(), "{:?}", tv(t, dct));
    check(
        "The talks follow six months of haggling.",
        dct,
        "six months",
        "P6M",
    );
}

proptest! {
    /// The round-4 rules (event stretches, plural parts of days, Easter, rates, names)
    /// keep spans on char boundaries and never overlap.
    #[test]
    fn round_four_soup_round_trips(parts in proptest::collection::vec(prop_oneof![
        Just("in"), Just("the"), Just("weeks"), Just("days"), Just("before"), Just("shooting"),
        Just("Oct."), Just("23"), Just("slaying"), Just("killed"), Just("Easter"), Just("week"),
        Just("Good"), Just("Friday"), Just("Monday"), Just("and"), Just("nights"), Just("each"),
        Just("July"), Just("one"), Just("day"), Just("will"), Just("24"), Just("hours"), Just("a"),
        Just("for"), Just("while"), Just("eight"), Just("trading"), Just("of"), Just("March"),
        Just("6"), Just("1987"), Just("Chevrolet"), Just("Norby"), Just("over"), Just("years"),
        Just("last"), Just("half"), Just("first"), Just("two"), Just("quarters"), Just("1990"),
        Just("morning"), Just("pay"), Just("é"), Just("–"), Just(","), Just(".")
    ], 0..40), glue in proptest::collection::vec(any::<bool>(), 40)) {
        let mut s = String::new();
        for (i, p) in parts.iter().enumerate() {
            if glue.get(i).copied().unwrap_or(false) { s.push(' '); }
            s.push_str(p);
        }
        let ms = tag(&s, d(1999, 5, 6));
        check_invariants(&s, &ms)?;
        let ms = tag(&s, None);
        check_invariants(&s, &ms)?;
    }
}

#[test]
fn an_understood_unit_after_this_year_as_last() {
    let dct = d(1989, 10, 27);
    check(
        "The gain means twice as high a dividend this year as last.",
        dct,
        "last",
        "1988",
    );
    check(
        "Norby sold more this month than last, Brenn said.",
        dct,
        "last",
        "1989-09",
    );
    // a plain "last" is nothing
    let t = "Brenn came in last.";
    assert!(tv(t, dct).is_empty(), "{:?}", tv(t, dct));
}

#[test]
fn a_date_restating_a_relative_weekday_is_one_mention() {
    let dct = d(1998, 3, 5);
    let t = "Women's Day is this coming Sunday, March 8, in Portvale.";
    check(t, dct, "this coming Sunday, March 8", "1998-03-08");
    assert!(!has(t, dct, "March 8"), "{:?}", tv(t, dct));
}

#[test]
fn the_past_before_a_count_is_no_past_ref() {
    let dct = d(1998, 3, 22);
    let t = "Marches in Norby turned violent in each of the past three summers.";
    assert!(!has(t, dct, "the past"), "{:?}", tv(t, dct));
    check(
        "Brenn looked back on the past.",
        dct,
        "the past",
        "PAST_REF",
    );
}

#[test]
fn later_dates_past_years_and_the_latest_fiscal_year() {
    let dct = d(1989, 10, 26);
    check(
        "Norby will raise more money at a later date.",
        dct,
        "a later date",
        "FUTURE_REF",
    );
    check(
        "There were sell programs in past years, too.",
        dct,
        "past years",
        "PAST_REF",
    );
    check(
        "Portvale had sales of $6 billion in the latest fiscal year.",
        dct,
        "the latest fiscal year",
        "1988",
    );
    // the past years: a stretch, as before
    check(
        "Norby grew over the past years.",
        dct,
        "the past years",
        "PXY",
    );
}

#[test]
fn a_generic_that_day_is_no_time() {
    let dct = d(2029, 10, 30);
    let text = "You get a bad headline, and Norby funds see heavy redemptions that day.";
    assert!(val(text, dct, "that day").is_none(), "{:?}", tv(text, dct));
    // with a day told before, it is that day
    check(
        "The Portvale fire began on Oct. 12. Earlier that day, Ada Brenn left.",
        dct,
        "that day",
        "2029-10-12",
    );
}

#[test]
fn a_term_through_a_month_runs_on() {
    let dct = d(2029, 10, 30);
    // "loans through January": the January ahead
    check(
        "Norby Bank has extended Portvale up to $90 million in loans through January.",
        dct,
        "January",
        "2030-01",
    );
    // "this year through August": the stretch already told
    check(
        "Sales of the fund changed little this year through August.",
        dct,
        "August",
        "2029-08",
    );
}

#[test]
fn a_quarter_ended_on_a_day_is_the_calendar_quarter_of_most_of_it() {
    let dct = d(2029, 10, 30);
    check(
        "Norby Corp. earned $3 million in the quarter ended July 31.",
        dct,
        "the quarter",
        "2029-Q2",
    );
    check(
        "Norby Corp. earned $3 million in the quarter ended Sept. 30.",
        dct,
        "the quarter",
        "2029-Q3",
    );
}

#[test]
fn this_quarters_results_are_the_quarter_reported() {
    // published in the fourth quarter, about the third
    let dct = d(2029, 11, 1);
    check(
        "Portvale Corp. posted a loss for the third quarter. This quarter's loss includes \
         a charge of $4 million.",
        dct,
        "This quarter",
        "2029-Q3",
    );
    // without a quarter reported, the quarter under way
    check(
        "This quarter's sales look strong, Ada Brenn said.",
        dct,
        "This quarter",
        "2029-Q4",
    );
}

#[test]
fn millennia_and_centuries_take_timebank_units() {
    let dct = d(1998, 1, 21);
    check(
        "Glassmakers in Norby have kept their secrets for more than two thousand years.",
        dct,
        "more than two thousand years",
        "P2L",
    );
    check(
        "The abbey of Portvale stood on the hill for three thousand years.",
        dct,
        "three thousand years",
        "P3L",
    );
    // "two thousand" alone, with no unit after it, is still the year
    check(
        "Ada Brenn expects to retire in two thousand and five.",
        dct,
        "two thousand and five",
        "2005",
    );
    check(
        "The old mosque of Portvale dominated the skyline for centuries.",
        dct,
        "centuries",
        "PXC",
    );
}

#[test]
fn a_past_form_after_a_determiner_is_a_noun() {
    // "on the ground" holds no past tense: the schedule looks ahead
    let dct = d(1998, 8, 17);
    check(
        "Ada Brenn is scheduled to spend five hours on the ground in Portvale, her first stop Tuesday morning.",
        dct,
        "Tuesday morning",
        "1998-08-18",
    );
    // the verb itself still looks back
    check(
        "Ada Brenn ground the coffee beans in Portvale on Tuesday morning.",
        dct,
        "Tuesday morning",
        "1998-08-11",
    );
}

#[test]
fn a_period_that_ended_is_over() {
    // written on Oct. 27: the quarter that "ended Oct. 31" is last year's
    let dct = d(1989, 10, 27);
    let t = "Norby Corp. changed its fiscal year. In the comparable year-ago quarter, the second quarter ended Oct. 31, Norby had a loss of $2 million.";
    check(t, dct, "Oct. 31", "1988-10-31");
    check(t, dct, "the second quarter", "1988-Q2");
    // the appositive names the year-ago quarter
    check(t, dct, "the comparable year-ago quarter", "1988-Q2");
    // "that quarter" is the quarter just told
    let t2 = format!("{t} Results for that quarter included a write-down.");
    check(&t2, dct, "that quarter", "1988-Q2");
    // a period that ended before the DCT keeps the DCT's year
    let t = "Portvale Inc. earned $3 million in the quarter ended Sept. 30.";
    check(t, dct, "Sept. 30", "1989-09-30");
    // a day after the DCT that no period ended on stays ahead
    let t = "Portvale Inc. will pay the dividend Oct. 31.";
    check(t, dct, "Oct. 31", "1989-10-31");
}

#[test]
fn a_comparison_after_a_quarter_that_ended_goes_back_to_the_quarter() {
    let dct = d(1989, 10, 26);
    let t = "Norby Textile posted net income of $4 million for the fiscal-first quarter ended Sept. 30. The company had a net loss of $2 million a year ago. Sales were $348 million compared with $307 million a year earlier.";
    check(t, dct, "Sept. 30", "1989-09-30");
    check(t, dct, "a year ago", "1988-Q1");
    check(t, dct, "a year earlier", "1988-Q1");
}

#[test]
fn a_clock_time_right_before_a_count_from_an_event_is_one_time() {
    let dct = d(1999, 4, 19);
    let t = "Ada Brenn was shot to death on Oct. 23. A jogger saw a car near the house at 6 a.m. ten days before the shooting.";
    check(
        t,
        dct,
        "6 a.m. ten days before the shooting",
        "1998-10-13T06:00",
    );
    // the event's own date inside stays a mention of its own
    let t = "A jogger saw the car at 7 p.m. two days after the June 3 blast in Portvale.";
    let all = tv(t, d(2023, 6, 10));
    assert!(
        all.iter()
            .any(|(x, _, v)| x == "7 p.m. two days after the June 3 blast"
                && v == "2023-06-05T19:00"),
        "{all:?}"
    );
    assert!(
        all.iter()
            .any(|(x, _, v)| x == "June 3" && v == "2023-06-03"),
        "{all:?}"
    );
}

#[test]
fn hours_after_an_event_are_its_day() {
    let dct = d(2029, 9, 16);
    let text = "A bomb exploded in Norby on Friday. Hours after the blast, police arrived.";
    check(text, dct, "Hours after the blast", "2029-09-14");
    // a clause is no event noun: left alone
    let text = "He arrived 72 hours after his son was found.";
    assert!(
        val(text, dct, "72 hours after his son").is_none(),
        "{:?}",
        tv(text, dct)
    );
}

#[test]
fn midnight_before_a_noun_is_no_time() {
    let dct = d(2029, 3, 5);
    let text = "Ada Brenn overturns Tom Ruse's midnight rules.";
    assert!(tv(text, dct).is_empty(), "{:?}", tv(text, dct));
    let text = "For Norby, high noon comes today.";
    assert!(val(text, dct, "noon").is_none(), "{:?}", tv(text, dct));
    check(
        "The deadline expires at midnight Friday.",
        dct,
        "midnight Friday",
        "2029-03-09T24:00",
    );
    check(
        "Talks broke off at noon Thursday.",
        dct,
        "noon Thursday",
        "2029-03-01T12:00",
    );
}

#[test]
fn review_cases_of_the_tenth_session() {
    let dct = d(2031, 5, 2);
    // a past verb before "through" is no deadline
    check("Prices climbed through January.", dct, "January", "2031-01");
    // "to one day" needs a verb after it
    check("Visits are limited to one day.", dct, "one day", "P1D");
    check("They one day hired a guide.", dct, "one day", "P1D");
    // a year after a festival or a place after "in" is a year
    check("Sales fell in FY 2030 at Norby.", dct, "2030", "2030");
    check(
        "Ada said that in Portvale 2030 was a hard year.",
        dct,
        "2030",
        "2030",
    );
    // "the midnight deadline" is a time; a name is no Easter
    check(
        "The midnight deadline passed.",
        dct,
        "midnight",
        "2031-05-02T24:00",
    );
    let text = "Coach Tom Easter said the team was ready.";
    assert!(tv(text, dct).is_empty(), "{:?}", tv(text, dct));
    check(
        "During Easter the shops close.",
        dct,
        "Easter",
        "2031-04-13",
    );
    // a forecast of "this quarter" is the quarter under way
    check(
        "Norby Corp. posted a first-quarter loss. This quarter's earnings will be hurt by \
         a strike.",
        dct,
        "This quarter",
        "2031-Q2",
    );
    // "that" before an irregular past is no determiner of a noun
    check(
        "The ferry that sank in August was raised.",
        dct,
        "August",
        "2030-08",
    );
}

#[test]
fn past_forms_for_other_stages() {
    for w in ["died", "arrested", "shot", "fell", "agreed", "said"] {
        assert!(past_form(w), "{w}");
    }
    for w in ["succeed", "need", "warning", "ago", "dies"] {
        assert!(!past_form(w), "{w}");
    }
}
