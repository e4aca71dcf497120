//! Table-driven resolution: sentences of our own, fixed publication dates, and the
//! expression text, type and TIMEX3 value each must give.

use dyad_time::{extract, TimexType};
use dyad_types::Date;

/// (publication date, sentence, expression text, type, value).
const CASES: &[(&str, &str, &str, &str, &str)] = &[
    // Weekdays around the publication date (2015-05-14 is a Thursday).
    (
        "2015-05-14",
        "The ministers met on Tuesday in Astana.",
        "Tuesday",
        "DATE",
        "2015-05-12",
    ),
    (
        "2015-05-14",
        "The ministers will meet on Tuesday.",
        "Tuesday",
        "DATE",
        "2015-05-19",
    ),
    (
        "2015-05-14",
        "Police said on Thursday that two men were held.",
        "Thursday",
        "DATE",
        "2015-05-14",
    ),
    (
        "2015-05-14",
        "The vote is scheduled for Saturday.",
        "Saturday",
        "DATE",
        "2015-05-16",
    ),
    (
        "2015-05-14",
        "Rebels attacked the town last Friday.",
        "last Friday",
        "DATE",
        "2015-05-08",
    ),
    (
        "2015-05-14",
        "Talks resume next Monday.",
        "next Monday",
        "DATE",
        "2015-05-18",
    ),
    (
        "2015-05-14",
        "The summit ends Friday.",
        "Friday",
        "DATE",
        "2015-05-15",
    ),
    (
        "2015-05-14",
        "Voting has been postponed until Sunday.",
        "Sunday",
        "DATE",
        "2015-05-17",
    ),
    (
        "2015-05-14",
        "Fighting has gone on since Monday.",
        "Monday",
        "DATE",
        "2015-05-11",
    ),
    (
        "2015-05-14",
        "Troops left the city Tuesday night.",
        "Tuesday night",
        "TIME",
        "2015-05-12TNI",
    ),
    (
        "2015-05-14",
        "The council met early Wednesday.",
        "early Wednesday",
        "DATE",
        "2015-05-13",
    ),
    (
        "2015-05-18",
        "The president flew home on Sunday.",
        "Sunday",
        "DATE",
        "2015-05-17",
    ),
    // Deictic words.
    (
        "2015-05-14",
        "Yesterday the army shelled the port.",
        "Yesterday",
        "DATE",
        "2015-05-13",
    ),
    (
        "2015-05-14",
        "The court rules today.",
        "today",
        "DATE",
        "2015-05-14",
    ),
    (
        "2015-05-14",
        "Envoys arrive tomorrow morning.",
        "tomorrow morning",
        "TIME",
        "2015-05-15TMO",
    ),
    (
        "2015-05-14",
        "Shots were heard last night.",
        "last night",
        "TIME",
        "2015-05-13TNI",
    ),
    (
        "2015-05-14",
        "Protesters gathered this morning.",
        "this morning",
        "TIME",
        "2015-05-14TMO",
    ),
    (
        "2015-05-14",
        "He met the envoy the day before yesterday.",
        "the day before yesterday",
        "DATE",
        "2015-05-12",
    ),
    (
        "2015-05-14",
        "The economy is now weaker.",
        "now",
        "DATE",
        "PRESENT_REF",
    ),
    (
        "2015-05-14",
        "It had been calm in the past.",
        "the past",
        "DATE",
        "PAST_REF",
    ),
    (
        "2015-05-14",
        "Elections are expected in the near future.",
        "the near future",
        "DATE",
        "FUTURE_REF",
    ),
    // Relative units, year boundaries included.
    (
        "2015-05-14",
        "Exports fell last month.",
        "last month",
        "DATE",
        "2015-04",
    ),
    (
        "2016-01-02",
        "Exports fell last month.",
        "last month",
        "DATE",
        "2015-12",
    ),
    (
        "2015-12-31",
        "Parliament meets next week.",
        "next week",
        "DATE",
        "2016-W01",
    ),
    (
        "2015-12-31",
        "Turnout rose this year.",
        "this year",
        "DATE",
        "2015",
    ),
    (
        "2016-01-01",
        "Turnout rose last year.",
        "last year",
        "DATE",
        "2015",
    ),
    (
        "2015-05-14",
        "Shelling eased this week.",
        "this week",
        "DATE",
        "2015-W20",
    ),
    (
        "2021-01-01",
        "Prices rose last week.",
        "last week",
        "DATE",
        "2020-W52",
    ),
    (
        "2015-05-14",
        "The party won in June of last year.",
        "June of last year",
        "DATE",
        "2014-06",
    ),
    (
        "2015-05-14",
        "The accord expires next year.",
        "next year",
        "DATE",
        "2016",
    ),
    (
        "2015-05-14",
        "Inflation slowed last quarter.",
        "last quarter",
        "DATE",
        "2015-Q1",
    ),
    (
        "2015-05-14",
        "The ceasefire held over the weekend.",
        "the weekend",
        "DATE",
        "2015-W19-WE",
    ),
    (
        "2015-05-14",
        "The rally was held three years ago.",
        "three years ago",
        "DATE",
        "2012",
    ),
    (
        "2015-05-14",
        "The rally was held two days ago.",
        "two days ago",
        "DATE",
        "2015-05-12",
    ),
    (
        "2015-05-14",
        "He was arrested several years ago.",
        "several years ago",
        "DATE",
        "PAST_REF",
    ),
    (
        "2015-05-14",
        "Earlier this year the army withdrew.",
        "Earlier this year",
        "DATE",
        "2015",
    ),
    (
        "2015-05-14",
        "The plant closed late last year.",
        "late last year",
        "DATE",
        "2014",
    ),
    (
        "2015-05-14",
        "The talks collapsed at the end of the year.",
        "the end of the year",
        "DATE",
        "2015",
    ),
    // Months and days without a year.
    (
        "2015-05-14",
        "The attack took place in March.",
        "March",
        "DATE",
        "2015-03",
    ),
    (
        "2015-05-14",
        "Elections will be held in November.",
        "November",
        "DATE",
        "2015-11",
    ),
    (
        "2015-05-14",
        "The strike began in December.",
        "December",
        "DATE",
        "2014-12",
    ),
    (
        "2015-01-05",
        "The report was published on December 28.",
        "December 28",
        "DATE",
        "2014-12-28",
    ),
    (
        "2015-12-30",
        "The law takes effect on January 3.",
        "January 3",
        "DATE",
        "2016-01-03",
    ),
    (
        "2015-05-14",
        "The summit opened on Tuesday, May 12.",
        "Tuesday, May 12",
        "DATE",
        "2015-05-12",
    ),
    (
        "2015-05-14",
        "Prices peaked in mid-March.",
        "mid-March",
        "DATE",
        "2015-03",
    ),
    (
        "2015-05-14",
        "Fighting resumed last March.",
        "last March",
        "DATE",
        "2015-03",
    ),
    (
        "2015-03-20",
        "Fighting resumed last March.",
        "last March",
        "DATE",
        "2014-03",
    ),
    (
        "2015-05-14",
        "Fighting resumed on the 3rd.",
        "the 3rd",
        "DATE",
        "2015-05-03",
    ),
    // Explicit dates in the common formats.
    (
        "2015-05-14",
        "The treaty was signed on March 3, 2019.",
        "March 3, 2019",
        "DATE",
        "2019-03-03",
    ),
    (
        "2015-05-14",
        "The treaty was signed on 3 March 2019.",
        "3 March 2019",
        "DATE",
        "2019-03-03",
    ),
    (
        "2015-05-14",
        "The treaty was signed on 2019-03-03.",
        "2019-03-03",
        "DATE",
        "2019-03-03",
    ),
    (
        "2015-05-14",
        "The treaty was signed on 03/04/2019.",
        "03/04/2019",
        "DATE",
        "2019-03-04",
    ),
    (
        "2015-05-14",
        "The treaty was signed on 23/04/2019.",
        "23/04/2019",
        "DATE",
        "2019-04-23",
    ),
    (
        "2015-05-14",
        "The treaty was signed on Jan. 5, 1998.",
        "Jan. 5, 1998",
        "DATE",
        "1998-01-05",
    ),
    (
        "2015-05-14",
        "The treaty was signed on the 3rd of March 2019.",
        "the 3rd of March 2019",
        "DATE",
        "2019-03-03",
    ),
    (
        "2015-05-14",
        "The war ended in May 1945.",
        "May 1945",
        "DATE",
        "1945-05",
    ),
    (
        "2015-05-14",
        "Unrest has grown since October 2019.",
        "October 2019",
        "DATE",
        "2019-10",
    ),
    (
        "2015-05-14",
        "The state was founded in 1991.",
        "1991",
        "DATE",
        "1991",
    ),
    (
        "2015-05-14",
        "The region was calm in the 1990s.",
        "the 1990s",
        "DATE",
        "199",
    ),
    (
        "2015-05-14",
        "It was a port in the 19th century.",
        "19th century",
        "DATE",
        "18",
    ),
    (
        "2015-05-14",
        "Profits rose in the first quarter of 2014.",
        "the first quarter of 2014",
        "DATE",
        "2014-Q1",
    ),
    (
        "2015-05-14",
        "Losses widened in fiscal 2014.",
        "fiscal 2014",
        "DATE",
        "FY2014",
    ),
    (
        "2015-05-14",
        "Output grew in the summer of 2012.",
        "the summer of 2012",
        "DATE",
        "2012-SU",
    ),
    (
        "2015-05-14",
        "Rain fell on Christmas Day 2013.",
        "Christmas Day 2013",
        "DATE",
        "2013-12-25",
    ),
    // Leap days and days that do not exist.
    (
        "2024-03-05",
        "The law passed on February 29.",
        "February 29",
        "DATE",
        "2024-02-29",
    ),
    (
        "2024-03-05",
        "The law passed on Feb. 29, 2024.",
        "Feb. 29, 2024",
        "DATE",
        "2024-02-29",
    ),
    (
        "2015-12-31",
        "The decree takes effect on February 29.",
        "February 29",
        "DATE",
        "2016-02-29",
    ),
    (
        "2015-05-14",
        "It was signed on February 29 and annulled.",
        "February 29",
        "DATE",
        "2012-02-29",
    ),
    // Times of day.
    (
        "2015-05-14",
        "The blast hit at 3 p.m. on Tuesday.",
        "3 p.m.",
        "TIME",
        "2015-05-12T15:00",
    ),
    (
        "2015-05-14",
        "The polls close at 8:30 p.m. today.",
        "8:30 p.m. today",
        "TIME",
        "2015-05-14T20:30",
    ),
    (
        "2015-05-14",
        "The raid began at 0330 GMT.",
        "0330 GMT",
        "TIME",
        "2015-05-14T03:30",
    ),
    (
        "2015-05-14",
        "The curfew starts at midnight.",
        "midnight",
        "TIME",
        "2015-05-14T24:00",
    ),
    // Durations.
    (
        "2015-05-14",
        "The siege lasted for three days.",
        "three days",
        "DURATION",
        "P3D",
    ),
    (
        "2015-05-14",
        "It was the worst drought in a decade.",
        "a decade",
        "DURATION",
        "P10Y",
    ),
    (
        "2015-05-14",
        "Talks went on for two hours.",
        "two hours",
        "DURATION",
        "PT2H",
    ),
    (
        "2015-05-14",
        "The mission will take 18 months.",
        "18 months",
        "DURATION",
        "P18M",
    ),
    (
        "2015-05-14",
        "He served a 10-year sentence.",
        "10-year",
        "DURATION",
        "P10Y",
    ),
    (
        "2015-05-14",
        "Prices doubled over the past three years.",
        "the past three years",
        "DURATION",
        "P3Y",
    ),
    (
        "2015-05-14",
        "Aid will flow over the next five years.",
        "the next five years",
        "DURATION",
        "P5Y",
    ),
    (
        "2015-05-14",
        "The war has lasted for years.",
        "years",
        "DURATION",
        "PXY",
    ),
    (
        "2015-05-14",
        "Troops stayed for a few weeks.",
        "a few weeks",
        "DURATION",
        "PXW",
    ),
    (
        "2015-05-14",
        "It took one and a half years.",
        "one and a half years",
        "DURATION",
        "P1.5Y",
    ),
    (
        "2015-05-14",
        "The visit took a fortnight.",
        "a fortnight",
        "DURATION",
        "P2W",
    ),
    (
        "2015-05-14",
        "Two weeks earlier the rebels had fled.",
        "Two weeks",
        "DURATION",
        "P2W",
    ),
    (
        "2015-05-14",
        "The strike lasted more than three months.",
        "more than three months",
        "DURATION",
        "P3M",
    ),
    // Sets.
    (
        "2015-05-14",
        "The council meets every Friday.",
        "every Friday",
        "SET",
        "XXXX-WXX-5",
    ),
    (
        "2015-05-14",
        "The council publishes weekly reports.",
        "weekly",
        "SET",
        "P1W",
    ),
    (
        "2015-05-14",
        "Elections are held every four years.",
        "every four years",
        "SET",
        "P4Y",
    ),
    (
        "2015-05-14",
        "Envoys meet twice a year.",
        "twice a year",
        "SET",
        "P1Y",
    ),
    (
        "2015-05-14",
        "The market is closed on Sundays.",
        "Sundays",
        "SET",
        "XXXX-WXX-7",
    ),
    (
        "2015-05-14",
        "Patrols run each morning.",
        "each morning",
        "SET",
        "XXXX-XX-XXTMO",
    ),
];

#[test]
fn resolves_the_table() {
    let mut failures = Vec::new();
    for &(date, sentence, text, kind, value) in CASES {
        let published: Date = date.parse().expect("a date in the table");
        let times = extract(sentence, Some(published));
        let found = times.all().iter().find(|t| t.text == text);
        match found {
            Some(t) if t.kind().as_str() == kind && t.value.to_string() == value => {}
            Some(t) => failures.push(format!(
                "{date} {sentence:?}: {text:?} gave {} {}, expected {kind} {value}",
                t.kind().as_str(),
                t.value
            )),
            None => failures.push(format!(
                "{date} {sentence:?}: no {text:?} among {:?}",
                times
                    .all()
                    .iter()
                    .map(|t| (t.text.as_str(), t.value.to_string()))
                    .collect::<Vec<_>>()
            )),
        }
    }
    assert!(CASES.len() >= 60, "the table keeps at least 60 expressions");
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

#[test]
fn a_day_that_does_not_exist_gives_nothing() {
    let published: Date = "2015-05-14".parse().unwrap();
    for text in [
        "The deal was signed on 31 February 2015.",
        "The deal was signed on February 31.",
        "The deal was signed on 2015-02-30.",
        "The deal was signed on 31/02/2015.",
    ] {
        let times = extract(text, Some(published));
        assert!(
            times
                .all()
                .iter()
                .all(|t| !t.value.to_string().contains("-02-3")),
            "{text}: {:?}",
            times.all()
        );
    }
}

#[test]
fn a_year_after_a_leap_day() {
    let published: Date = "2025-06-01".parse().unwrap();
    let times = extract(
        "A year after February 29, 2024, the law lapsed.",
        Some(published),
    );
    let all = times.all();
    assert_eq!(all[0].text, "A year");
    assert_eq!(all[0].value.to_string(), "P1Y");
    assert_eq!(all[0].day(), Some("2025-02-28".parse().unwrap()));
    assert_eq!(all[1].value.to_string(), "2024-02-29");
}

#[test]
fn anchored_durations_point_from_the_last_date() {
    let published: Date = "2015-05-14".parse().unwrap();
    let text = "The siege began on April 3. Two weeks later, the town fell.";
    let times = extract(text, Some(published));
    let later = &times.all()[1];
    assert_eq!(later.kind(), TimexType::Duration);
    assert_eq!(later.day(), Some("2015-04-17".parse().unwrap()));
}

#[test]
fn without_a_publication_date_values_are_underspecified() {
    let times = extract("They met on Tuesday, March 3, and again yesterday.", None);
    let values: Vec<String> = times.all().iter().map(|t| t.value.to_string()).collect();
    assert_eq!(values, ["XXXX-03-03", "XXXX-XX-XX"]);
}

#[test]
fn finds_expressions_by_sentence_and_tokens() {
    let published: Date = "2015-05-14".parse().unwrap();
    let text = "Talks ended on Monday. Rebels attacked the town on Tuesday and left on Wednesday.";
    let sentences = dyad_text::sentences(text);
    let times = dyad_time::DocumentTimes::from_sentences(text, &sentences, Some(published));
    assert_eq!(times.in_sentence(0).len(), 1);
    assert_eq!(times.in_sentence(1).len(), 2);
    assert!(times.in_sentence(7).is_empty());
    // "Rebels attacked the town on Tuesday": tokens 0..6 of sentence 1.
    let first_clause: Vec<&str> = times.in_tokens(1, 0..6).map(|t| t.text.as_str()).collect();
    assert_eq!(first_clause, ["Tuesday"]);
    let tuesday = &times.in_sentence(1)[0];
    assert_eq!(&text[tuesday.span.start..tuesday.span.end], "Tuesday");
    assert_eq!(tuesday.tokens, 5..6);
}
