//! Unit tests of the grammar: every form the README lists, read and not read.

use super::*;

/// One quantity as (text, kind, value, low, high, hedge).
type Row = (
    String,
    Kind,
    Option<f64>,
    Option<f64>,
    Option<f64>,
    Option<String>,
);

/// All quantities in `text`, as (text, kind, value, low, high, hedge).
fn all(text: &str) -> Vec<Row> {
    extract(text)
        .into_iter()
        .map(|q| (q.text, q.kind, q.value, q.low, q.high, q.hedge))
        .collect()
}

/// The single quantity in `text`; fails if there is not exactly one.
#[track_caller]
fn one(text: &str) -> Quantity {
    let qs = extract(text);
    assert_eq!(
        qs.len(),
        1,
        "expected one quantity in {text:?}, got {qs:#?}"
    );
    let q = qs.into_iter().next().unwrap();
    assert_eq!(&text[q.start..q.end], q.text, "span and text disagree");
    q
}

#[track_caller]
fn reads(text: &str, span: &str, kind: Kind, value: f64) {
    let q = one(text);
    assert_eq!(q.text, span, "span of {text:?}");
    assert_eq!(q.kind, kind, "kind of {text:?}");
    let v = q.value.expect("a value");
    assert!(
        (v - value).abs() <= 1e-9 * value.abs().max(1.0),
        "value of {text:?}: {v} != {value}"
    );
}

#[track_caller]
fn reads_nothing(text: &str) {
    let qs = all(text);
    assert!(qs.is_empty(), "expected nothing in {text:?}, got {qs:?}");
}

#[test]
fn digits() {
    reads("The count is 2,920 now.", "2,920", Kind::Number, 2920.0);
    reads("It rose to 3,417.", "3,417", Kind::Number, 3417.0);
    reads("a ratio of 1.5 here", "1.5", Kind::Number, 1.5);
    reads("only .5 of it", ".5", Kind::Number, 0.5);
    reads("weighs 0.25 each", "0.25", Kind::Number, 0.25);
    reads("about the 10 000 runners", "10 000", Kind::Number, 10000.0);
    reads(
        "some 10\u{202f}000 runners",
        "some 10\u{202f}000",
        Kind::Number,
        10000.0,
    );
    reads(
        "the 10\u{a0}000 runners",
        "10\u{a0}000",
        Kind::Number,
        10000.0,
    );
    reads("exactly 1.3e6 cells", "1.3e6", Kind::Number, 1.3e6);
    reads("fell to -7 overnight", "-7", Kind::Number, -7.0);
    reads("fell to −7 overnight", "−7", Kind::Number, -7.0);
}

#[test]
fn precision_follows_the_printed_digits() {
    assert_eq!(one("2,920 fighters").precision, Some(10.0));
    assert_eq!(one("3,000 fighters").precision, Some(1000.0));
    assert_eq!(one("3,417 fighters").precision, Some(1.0));
    assert_eq!(one("a ratio of 1.5").precision, Some(0.1));
    assert_eq!(one("3.5 million people").precision, Some(100_000.0));
    assert_eq!(one("40% of voters").precision, Some(1.0));
}

#[test]
fn scales() {
    reads("3.5 million people", "3.5 million", Kind::Number, 3.5e6);
    reads("a 1.2bn deal", "1.2bn", Kind::Number, 1.2e9);
    reads("raised $4m last year", "$4m", Kind::Money, 4e6);
    reads("about 20k visitors", "about 20k", Kind::Number, 20e3);
    reads(
        "2 trillion dollars",
        "2 trillion dollars",
        Kind::Money,
        2e12,
    );
    reads("a million reasons", "a million", Kind::Number, 1e6);
    let q = one("tens of thousands of people");
    assert_eq!(q.kind, Kind::Range);
    assert_eq!((q.low, q.high), (Some(10_000.0), Some(100_000.0)));
}

#[test]
fn spelled_out_numbers() {
    reads("four hundred troops", "four hundred", Kind::Number, 400.0);
    reads(
        "twenty-one thousand three hundred votes",
        "twenty-one thousand three hundred",
        Kind::Number,
        21_300.0,
    );
    reads("a dozen eggs", "a dozen", Kind::Number, 12.0);
    reads("half a dozen eggs", "half a dozen", Kind::Number, 6.0);
    reads("a couple of days", "a couple of days", Kind::Number, 2.0);
    reads("a hundred days", "a hundred days", Kind::Number, 100.0);
    reads("zero deaths", "zero", Kind::Number, 0.0);
    reads(
        "one hundred and six",
        "one hundred and six",
        Kind::Number,
        106.0,
    );
    reads("Seven ships sank.", "Seven", Kind::Number, 7.0);
}

#[test]
fn one_as_a_pronoun_is_not_a_number() {
    reads_nothing("It is one of the most popular songs.");
    reads_nothing("The one you mentioned is gone.");
    reads_nothing("Which one do you prefer?");
    reads("Only one ship returned.", "one", Kind::Number, 1.0);
}

#[test]
fn two_numbers_stay_two() {
    let qs = all("3 hundred and 2 hundred are two valid numbers.");
    let texts: Vec<&str> = qs.iter().map(|q| q.0.as_str()).collect();
    assert_eq!(texts, ["3 hundred", "2 hundred", "two"]);
}

#[test]
fn fractions_and_multiples() {
    reads("nearly half of them", "nearly half", Kind::Fraction, 0.5);
    reads("a third of voters", "a third", Kind::Fraction, 1.0 / 3.0);
    reads(
        "two-thirds of voters",
        "two-thirds",
        Kind::Fraction,
        2.0 / 3.0,
    );
    reads(
        "three quarters of voters",
        "three quarters",
        Kind::Fraction,
        0.75,
    );
    reads("a quarter of voters", "a quarter", Kind::Fraction, 0.25);
    reads("¾ of voters", "¾", Kind::Fraction, 0.75);
    reads("1/3 of voters", "1/3", Kind::Fraction, 1.0 / 3.0);
    reads("it grew twice as fast", "twice", Kind::Multiple, 2.0);
    reads("sales will double", "double", Kind::Multiple, 2.0);
    reads("sales tripled", "tripled", Kind::Multiple, 3.0);
    reads("the budget was halved", "halved", Kind::Multiple, 0.5);
}

#[test]
fn percentages() {
    for (text, span) in [
        ("won 40% of the vote", "40%"),
        ("won 40 percent of the vote", "40 percent"),
        ("won 40 per cent of the vote", "40 per cent"),
        ("won forty percent of the vote", "forty percent"),
    ] {
        let q = one(text);
        assert_eq!(
            (q.text.as_str(), q.kind, q.value, q.unit.as_deref()),
            (span, Kind::Percent, Some(40.0), Some("%"))
        );
    }
    reads(
        "up 40 percentage points",
        "40 percentage points",
        Kind::PercentagePoints,
        40.0,
    );
}

#[test]
fn ordinals() {
    reads("came third in the race", "third", Kind::Ordinal, 3.0);
    reads("came 3rd in the race", "3rd", Kind::Ordinal, 3.0);
    reads(
        "the twenty-first century",
        "twenty-first",
        Kind::Ordinal,
        21.0,
    );
    reads("the No. 1 source", "No. 1", Kind::Ordinal, 1.0);
    reads("the first to go", "first", Kind::Ordinal, 1.0);
    reads(
        "the second-largest source",
        "second-largest",
        Kind::Ordinal,
        2.0,
    );
    reads("among the top five", "top five", Kind::Ordinal, 5.0);
    reads_nothing("wait a second please");
    reads_nothing("the 3th of it"); // a suffix that does not fit the number is not an ordinal
}

#[test]
fn a_span_of_places_is_one_ordinal_without_a_single_value() {
    let q = one("ranked between the tenth and the fifteenth.");
    assert_eq!(q.text, "between the tenth and the fifteenth");
    assert_eq!(
        (q.kind, q.value, q.low, q.high),
        (Kind::Ordinal, None, Some(10.0), Some(15.0))
    );
    assert_eq!(one("between 3rd and 8th").low, Some(3.0));
    // A move from one place to another is two places, and so is a falling pair.
    assert_eq!(all("slipped from third to fifth").len(), 2);
    assert_eq!(all("between fifth and third").len(), 2);
}

#[test]
fn ranges() {
    for text in [
        "between 5,000 and 6,000",
        "5,000-6,000",
        "5,000–6,000",
        "5,000 to 6,000",
    ] {
        let q = one(&format!("There were {text} people."));
        assert_eq!(q.text, text);
        assert_eq!(q.kind, Kind::Range);
        assert_eq!((q.value, q.low, q.high), (None, Some(5000.0), Some(6000.0)));
    }
    let q = one("from 20 to 30 people");
    assert_eq!(
        (q.text.as_str(), q.low, q.high),
        ("from 20 to 30", Some(20.0), Some(30.0))
    );
    let q = one("between 5 and 6 million people");
    assert_eq!((q.low, q.high), (Some(5e6), Some(6e6)));
    let q = one("20-30% of them");
    assert_eq!(
        (q.kind, q.low, q.high),
        (Kind::Percent, Some(20.0), Some(30.0))
    );
}

#[test]
fn a_falling_pair_is_no_range() {
    let qs = all("went from 6,000 in 2015 to 2,920");
    let kinds: Vec<Kind> = qs.iter().map(|q| q.1).collect();
    assert_eq!(kinds, [Kind::Number, Kind::Year, Kind::Number]);
}

#[test]
fn hedges_are_part_of_the_quantity() {
    let cases: &[(&str, &str, Option<f64>, Option<f64>)] = &[
        ("about", "about", Some(800.0), Some(800.0)),
        ("approximately", "approximately", Some(800.0), Some(800.0)),
        ("around", "around", Some(800.0), Some(800.0)),
        ("roughly", "roughly", Some(800.0), Some(800.0)),
        ("some", "some", Some(800.0), Some(800.0)),
        ("an estimated", "an estimated", Some(800.0), Some(800.0)),
        ("circa", "circa", Some(800.0), Some(800.0)),
        ("c.", "c.", Some(800.0), Some(800.0)),
        ("~", "~", Some(800.0), Some(800.0)),
        ("nearly", "nearly", None, Some(800.0)),
        ("almost", "almost", None, Some(800.0)),
        ("just under", "just under", None, Some(800.0)),
        ("more than", "more than", Some(800.0), None),
        ("over", "over", Some(800.0), None),
        ("above", "above", Some(800.0), None),
        ("at least", "at least", Some(800.0), None),
        ("upwards of", "upwards of", Some(800.0), None),
        ("up to", "up to", None, Some(800.0)),
        ("as many as", "as many as", None, Some(800.0)),
        ("fewer than", "fewer than", None, Some(800.0)),
        ("less than", "less than", None, Some(800.0)),
        ("under", "under", None, Some(800.0)),
        ("below", "below", None, Some(800.0)),
        ("no more than", "no more than", None, Some(800.0)),
        ("close to", "close to", Some(800.0), Some(800.0)),
    ];
    for (hedge, written, low, high) in cases {
        let text = format!("They counted {hedge} 800 people.");
        let q = one(&text);
        assert_eq!(q.text, format!("{hedge} 800"), "span for {hedge}");
        assert_eq!(q.hedge.as_deref(), Some(*written), "hedge for {hedge}");
        assert_eq!((q.low, q.high), (*low, *high), "bounds for {hedge}");
        assert!(hedge_meaning(written).is_some(), "meaning of {hedge}");
    }
}

#[test]
fn money() {
    reads("paid $110,000 in fees", "$110,000", Kind::Money, 110_000.0);
    reads("a €4.2bn plan", "€4.2bn", Kind::Money, 4.2e9);
    reads("costs £300 a month", "£300 a month", Kind::Money, 300.0);
    assert_eq!(one("costs £300 a month").unit.as_deref(), Some("GBP/month"));
    reads("won US$5 million", "US$5 million", Kind::Money, 5e6);
    reads(
        "earned $$62,000 last year",
        "$$62,000",
        Kind::Money,
        62_000.0,
    );
    assert_eq!(one("a €4.2bn plan").unit.as_deref(), Some("EUR"));
}

#[test]
fn years_and_dates_are_not_counts() {
    let kinds = |t: &str| all(t).into_iter().map(|q| (q.0, q.1)).collect::<Vec<_>>();
    assert_eq!(kinds("in 2015 it fell"), [("2015".to_string(), Kind::Year)]);
    assert_eq!(
        kinds("since 2015 it fell"),
        [("2015".to_string(), Kind::Year)]
    );
    assert_eq!(
        kinds("the 2015 report said"),
        [("2015".to_string(), Kind::Year)]
    );
    assert_eq!(
        kinds("the 2014-15 season"),
        [("2014-15".to_string(), Kind::Year)]
    );
    assert_eq!(
        kinds("in October 2017 it said"),
        [("October 2017".to_string(), Kind::Date)]
    );
    assert_eq!(
        kinds("on Oct. 24, 2017 it said"),
        [("Oct. 24, 2017".to_string(), Kind::Date)]
    );
    assert_eq!(
        kinds("2000 fighters joined"),
        [("2000".to_string(), Kind::Number)]
    );
}

#[test]
fn things_that_are_not_quantities() {
    reads_nothing("Ping 192.168.1.2 now.");
    reads_nothing("Call +1-222-2222/2222 today.");
    reads_nothing("Call 555-123-4567 today.");
    reads_nothing("during COVID-19 times");
    reads_nothing("the F-16 jets");
    reads_nothing("under Article 5 of the treaty");
    reads_nothing("as shown before[3] here");
    reads_nothing("1. Apples\n2. Pears");
    reads_nothing("the meeting at 10:30 began");
}

#[test]
fn spans_are_exact_and_in_order() {
    let text = "From 2,400 in 2015 to approximately 3,417; nearly half of the 800 left.";
    let qs = extract(text);
    let mut last = 0;
    for q in &qs {
        assert!(q.start >= last);
        assert_eq!(&text[q.start..q.end], q.text);
        last = q.end;
    }
    let texts: Vec<&str> = qs.iter().map(|q| q.text.as_str()).collect();
    assert_eq!(
        texts,
        ["2,400", "2015", "approximately 3,417", "nearly half", "800"]
    );
}

#[test]
fn lines_and_columns() {
    let text = "Opening line.\nThe café had 40 seats.";
    let q = one(text);
    assert_eq!((q.line, q.column), (2, 14));
}

#[test]
fn table_values() {
    let q = parse_value("at least 5600").unwrap();
    assert_eq!(
        (q.low, q.high, q.hedge.as_deref()),
        (Some(5600.0), None, Some("at least"))
    );
    let q = parse_value("more than 40,000").unwrap();
    assert_eq!((q.low, q.high), (Some(40_000.0), None));
    let q = parse_value("500-600").unwrap();
    assert_eq!((q.low, q.high), (Some(500.0), Some(600.0)));
    let q = parse_value("27,000–31,000").unwrap();
    assert_eq!((q.low, q.high), (Some(27_000.0), Some(31_000.0)));
    let q = parse_value("2,000+").unwrap();
    assert_eq!((q.low, q.high), (Some(2000.0), None));
    let q = parse_value("2015").unwrap();
    assert_eq!(q.value, Some(2015.0));
    assert!(parse_value("abc").is_none());
    assert!(parse_value("12 monkeys").is_none());
}

#[test]
fn change_ends() {
    // After a verb of change the two ends are two quantities; without one, "from A to B" is
    // a range whose ends can still be taken apart.
    let both = extract("It grew from 150 to 320 by then.");
    assert_eq!(
        both.iter().map(|q| q.text.as_str()).collect::<Vec<_>>(),
        ["150", "320"]
    );
    let q = one("It was from 150 to 320 by then.");
    let (a, b) = range_ends(&q).unwrap();
    assert_eq!((a.text.as_str(), a.value), ("150", Some(150.0)));
    assert_eq!((b.text.as_str(), b.value), ("320", Some(320.0)));
    let text = "It was from 150 to 320 by then.";
    assert_eq!(&text[a.start..a.end], "150");
    assert_eq!(&text[b.start..b.end], "320");
}

#[test]
fn bad_input_never_panics() {
    for text in [
        "",
        "\u{feff}",
        "\0\0\0",
        "$",
        "-",
        "1,",
        ",1",
        "1.",
        "..5",
        "1e",
        "1e999999",
        "¾¾¾",
        "No.",
        "between",
        "from 5 to",
        "𝟙𝟚𝟛",
        "٣٤٥",
    ] {
        let _ = extract(text);
        let _ = parse_value(text);
    }
    let long = "9".repeat(100_000);
    let qs = extract(&long);
    assert_eq!(qs.len(), 1);
}

#[test]
fn two_bounds_make_one_range() {
    let q = one("sales greater than 100 and smaller than 300 units");
    assert_eq!(q.text, "greater than 100 and smaller than 300");
    assert_eq!(
        (q.kind, q.low, q.high),
        (Kind::Range, Some(100.0), Some(300.0))
    );
    let q = one("at most 100 and at least 20 apples");
    assert_eq!((q.low, q.high), (Some(20.0), Some(100.0)));
    // Bounds that contradict each other stay two quantities.
    assert_eq!(all("more than 40 and less than 10").len(), 2);
}

#[test]
fn or_equal_hedges() {
    let q = one("scores less than or equal to 100");
    assert_eq!((q.low, q.high), (None, Some(100.0)));
    assert_eq!(q.hedge.as_deref(), Some("less than or equal to"));
    let q = one("when >= 30");
    assert_eq!((q.low, q.high), (Some(30.0), None));
    let q = one("x>10");
    assert_eq!(q.text, ">10");
    let q = one("the total equals 20.");
    assert_eq!(q.text, "equals 20");
    assert_eq!((q.low, q.high), (Some(20.0), Some(20.0)));
    assert_eq!(hedge_meaning("equals"), None);
    let q = one("His score is 200 or greater than");
    assert_eq!(q.text, "200 or greater than");
    // "200 or greater than 190": the comparison belongs to 190.
    let qs = extract("His score is 200 or greater than 190");
    assert_eq!(qs.last().map(|q| q.text.as_str()), Some("greater than 190"));
    // So does a fraction or a number word after "than": "up 18.9% and more than a quarter".
    let qs = extract("up 18.9% and more than a quarter of the total");
    let texts: Vec<&str> = qs.iter().map(|q| q.text.as_str()).collect();
    assert_eq!(texts, ["18.9%", "more than a quarter"]);
    let qs = extract("5 or more than nearly half");
    assert_eq!(qs.first().map(|q| q.text.as_str()), Some("5"));
    for text in ["<>30", "=>30", "=<30"] {
        assert!(
            extract(text).iter().all(|q| q.hedge.is_none()),
            "{text:?}: {:?}",
            extract(text)
        );
    }
}

#[test]
fn digit_forms() {
    reads("1.3x10^6 cells", "1.3x10^6", Kind::Number, 1.3e6);
    reads("about 1.1^2", "about 1.1^2", Kind::Number, 1.21);
    reads(
        "Rs 12,34,567 in all",
        "12,34,567",
        Kind::Number,
        1_234_567.0,
    );
    reads("1,674.5 G", "1,674.5 G", Kind::Number, 1.6745e12);
    let q = one("The number range is 1000 - 5000");
    assert_eq!(
        (q.kind, q.low, q.high),
        (Kind::Range, Some(1000.0), Some(5000.0))
    );
    // A year span is still a year span, and the dash between years is no minus sign.
    assert_eq!(one("in 2014-15").kind, Kind::Year);
    assert!(extract("from 1995 - 2000")
        .iter()
        .all(|q| q.value != Some(-2000.0)));
    assert_eq!(all("Exercises 22,24,26,31.").len(), 4);
    reads_nothing("see https://example.com/search?q=30%25%2020%");
}

#[test]
fn spelled_fractions_and_mixed_numbers() {
    reads(
        "They have two million and one half",
        "two million and one half",
        Kind::Number,
        2.5e6,
    );
    reads(
        "one billion and a half million",
        "one billion and a half million",
        Kind::Number,
        1_000_500_000.0,
    );
    reads(
        "one hundred and three quarters",
        "one hundred and three quarters",
        Kind::Number,
        100.75,
    );
    reads(
        "twenty-three fifths",
        "twenty-three fifths",
        Kind::Fraction,
        4.6,
    );
    reads("one twenty-fifth", "one twenty-fifth", Kind::Fraction, 0.04);
    reads("five - eighths", "five - eighths", Kind::Fraction, 0.625);
    reads("a trillionth", "a trillionth", Kind::Fraction, 1e-12);
    reads(
        "three hundred and two dozens",
        "three hundred and two dozens",
        Kind::Number,
        324.0,
    );
    reads(
        "hundred thousand dollars",
        "hundred thousand dollars",
        Kind::Money,
        1e5,
    );
    // A compound ordinal after "a" is a rank; "second" is no denominator.
    assert_eq!(one("a twenty-first century idea").kind, Kind::Ordinal);
    assert!(extract("two seconds later")
        .iter()
        .all(|q| q.kind != Kind::Fraction));
    assert_eq!(all("4 thousand 3 hundred and 0 are two").len(), 3);
}

#[test]
fn indian_scales() {
    reads("I can give you 13 lakh", "13 lakh", Kind::Number, 1.3e6);
    reads("three lakh crore", "three lakh crore", Kind::Number, 3e12);
    reads(
        "6 crore and two hundred",
        "6 crore and two hundred",
        Kind::Number,
        60_000_200.0,
    );
    reads_nothing("Lakhs of");
}

#[test]
fn quotients() {
    reads(
        "one over three",
        "one over three",
        Kind::Fraction,
        1.0 / 3.0,
    );
    reads(
        "two out of five hundred tvs",
        "two out of five hundred",
        Kind::Fraction,
        0.004,
    );
    reads("- 1 4/5", "- 1 4/5", Kind::Fraction, -1.8);
    // "over" before a noun is a span of time, and money is no quotient.
    let qs = extract("I want to earn $2000 over 3 years");
    assert_eq!(qs.len(), 2);
    assert!(qs.iter().all(|q| q.kind != Kind::Fraction));
}

#[test]
fn long_inputs_stay_fast() {
    // Doubling the input may not much more than double the time: no quadratic rescans.
    for unit in [
        "one hundred and ",
        "- 1 ",
        "a ",
        "twenty ",
        "1 over ",
        "more than 5 and ",
        "%25",
    ] {
        let time = |n: usize| {
            let text = unit.repeat(n);
            let t = std::time::Instant::now();
            let _ = extract(&text);
            t.elapsed().as_secs_f64()
        };
        let (small, large) = (time(500), time(2_000));
        assert!(
            large < small * 8.0 + 0.05,
            "{unit:?}: {small}s then {large}s"
        );
    }
}

/// The unit code and dimension of the single quantity in `text`.
#[track_caller]
fn unit_of(text: &str) -> (String, Option<f64>, Option<String>, Option<&'static str>) {
    let q = one(text);
    (q.text, q.value, q.unit, q.dimension.map(|d| d.name()))
}

#[track_caller]
fn has_unit(text: &str, span: &str, value: f64, unit: &str, dimension: &str) {
    let (t, v, u, d) = unit_of(text);
    assert_eq!(t, span, "span of {text:?}");
    assert!(
        v.is_some_and(|v| (v - value).abs() <= 1e-9 * value.abs().max(1.0)),
        "value of {text:?}: {v:?}"
    );
    assert_eq!(u.as_deref(), Some(unit), "unit of {text:?}");
    assert_eq!(d, Some(dimension), "dimension of {text:?}");
}

#[test]
fn units_glued_hyphenated_spaced_and_spelled() {
    has_unit("a 512GB model", "512GB", 512.0, "GB", "data");
    has_unit("doing 70mph there", "70mph", 70.0, "mph", "speed");
    has_unit("a 4kW heater", "4kW", 4.0, "kW", "power");
    has_unit("at 100Mbps now", "100Mbps", 100.0, "Mbps", "data-rate");
    has_unit("only 2.5mm thick", "2.5mm", 2.5, "mm", "length");
    has_unit("weighs ~30g in all", "~30g", 30.0, "g", "mass");
    has_unit("shares at 85p each", "85p", 85.0, "GBX", "currency");
    has_unit("up to 20kHz here", "up to 20kHz", 20.0, "kHz", "frequency");
    has_unit("the 29km road", "29km", 29.0, "km", "length");
    has_unit("a 12-km race", "12-km", 12.0, "km", "length");
    has_unit("a three-year deal", "three-year", 3.0, "year", "time");
    has_unit("it is 12 km long", "12 km", 12.0, "km", "length");
    has_unit(
        "about 40 kilometres away",
        "about 40 kilometres",
        40.0,
        "km",
        "length",
    );
    has_unit(
        "some 40 kilometers away",
        "some 40 kilometers",
        40.0,
        "km",
        "length",
    );
    has_unit("it lasted 14 days", "14 days", 14.0, "day", "time");
    has_unit("a record 1.5C of warming", "1.5C", 1.5, "C", "temperature");
    has_unit("reaching 40 °C today", "40 °C", 40.0, "C", "temperature");
    has_unit("an 8 gigawatts plant", "8 gigawatts", 8.0, "GW", "power");
    has_unit(
        "3.2 billion km from Earth",
        "3.2 billion km",
        3.2e9,
        "km",
        "length",
    );
    has_unit("a 120-pound capsule", "120-pound", 120.0, "lb", "mass");
    has_unit(
        "it covers 10 square miles",
        "10 square miles",
        10.0,
        "mi2",
        "area",
    );
    has_unit("a 5,000mAh battery", "5,000mAh", 5000.0, "mAh", "charge");
    // "m" glued is metres, unless a plural noun or a unit makes it millions.
    has_unit("won the 100m final", "100m", 100.0, "m", "length");
    reads("some 1.5m people", "some 1.5m", Kind::Number, 1.5e6);
    has_unit("7m tonnes of grain", "7m tonnes", 7e6, "t", "mass");
    // A money amount keeps its currency.
    has_unit("paid £4.5bn last", "£4.5bn", 4.5e9, "GBP", "currency");
    has_unit(
        "5 million dollars",
        "5 million dollars",
        5e6,
        "USD",
        "currency",
    );
}

#[test]
fn rates() {
    has_unit(
        "at 50 miles per hour",
        "50 miles per hour",
        50.0,
        "mph",
        "speed",
    );
    has_unit("at 90 km/h there", "90 km/h", 90.0, "km/h", "speed");
    has_unit("costs $5 a gallon", "$5 a gallon", 5.0, "USD/gal", "rate");
    has_unit(
        "3 million barrels a day",
        "3 million barrels a day",
        3e6,
        "bbl/day",
        "rate",
    );
    has_unit(
        "a $85bn-a-month programme",
        "$85bn-a-month",
        85e9,
        "USD/month",
        "rate",
    );
    // Money per year is an annual amount, the way tables hold it.
    has_unit("earns $5bn a year", "$5bn", 5e9, "USD", "currency");
    // "per cent" is no rate.
    reads("up 5 per cent", "5 per cent", Kind::Percent, 5.0);
}

#[test]
fn units_not_read() {
    // Letters that are no unit leave a glued number out, as before.
    reads_nothing("the 3D model");
    reads_nothing("a 4G network");
    // A spaced single letter is no unit: "5 m" could be anything.
    assert_eq!(one("grew 5 m").unit, None);
    // A unit must end its word.
    assert_eq!(all("the 12kmx run").len(), 0);
    // "in" is an inch only glued to its number.
    assert_eq!(one("rose 12 in the year").unit, None);
    has_unit("a 6in gap", "6in", 6.0, "in", "length");
}

#[test]
fn a_change_and_its_end_point_are_two_quantities() {
    let texts = |t: &str| -> Vec<String> { extract(t).into_iter().map(|q| q.text).collect() };
    assert_eq!(texts("shares rose 4.2% to 310p"), ["4.2%", "310p"]);
    assert_eq!(
        texts("the index fell 0.7 per cent to 7,412"),
        ["0.7 per cent", "7,412"]
    );
    assert_eq!(texts("it lost 4.2p to 393.6p"), ["4.2p", "393.6p"]);
    assert_eq!(
        texts("speeds rising from 23Mbps to 28Mbps"),
        ["23Mbps", "28Mbps"]
    );
    // Without a change verb, "from A to B" is still one range.
    assert_eq!(
        texts("anywhere from 5,000 to 6,000 fighters"),
        ["from 5,000 to 6,000"]
    );
}

#[test]
fn ranges_of_like_units() {
    let q = one("tones between 20kHz and 22kHz");
    assert_eq!(
        (q.low, q.high, q.unit.as_deref()),
        (Some(20.0), Some(22.0), Some("kHz"))
    );
    let q = one("bulbs of 3-5W each");
    assert_eq!(
        (q.kind, q.low, q.high, q.unit.as_deref()),
        (Kind::Range, Some(3.0), Some(5.0), Some("W"))
    );
    let q = one("some 5,000 to 6,000 people");
    assert_eq!(
        (q.kind, q.low, q.high),
        (Kind::Range, Some(5000.0), Some(6000.0))
    );
    // After a change verb, a range that reads as one stays one.
    let q = one("profits rose 5 to 10 percent");
    assert_eq!(
        (q.kind, q.low, q.high),
        (Kind::Percent, Some(5.0), Some(10.0))
    );
    // Two units never make one range.
    assert_eq!(extract("from 4.2% to 310p").len(), 2);
}

#[test]
fn numbers_inside_names_are_not_quantities() {
    for text in [
        "Game 5 of the finals",
        "in Seat 14 again",
        "under Section 230 of the act",
        "the Pac-12 schools",
        "the FTSE 100 closed",
        "the Nasdaq 100 fell",
        "the new iPhone 15 launched",
        "the Galaxy S24 launched",
        "a 4G phone",
        "on Windows 11 machines",
        "a Boeing 737 jet",
        "the Apollo 11 crew",
        "the S&P 500 gained",
        "from lane 4 again",
        "before pick 100 overall",
        "in episode 12 of the show",
    ] {
        reads_nothing(text);
    }
    // Capitalised words that open sentences, possessives and grouped figures are no names.
    reads("The 300 workers left.", "300", Kind::Number, 300.0);
    reads("Only 40 came.", "40", Kind::Number, 40.0);
    reads("About 40 came.", "About 40", Kind::Number, 40.0);
    reads("the Bank's 2% target", "2%", Kind::Percent, 2.0);
    reads("Russia 3,417 fighters", "3,417", Kind::Number, 3417.0);
}

#[test]
fn multiplicative_comparisons_are_multiples() {
    reads(
        "about 9 times that of Norway",
        "about 9 times",
        Kind::Multiple,
        9.0,
    );
    reads("three times as many", "three times", Kind::Multiple, 3.0);
    reads("a 40-fold rise", "40-fold", Kind::Multiple, 40.0);
    reads("5 times more", "5 times", Kind::Multiple, 5.0);
    reads("ten times higher", "ten times", Kind::Multiple, 10.0);
    reads("32 times Earth's gravity", "32 times", Kind::Multiple, 32.0);
    reads("a six-fold increase", "six-fold", Kind::Multiple, 6.0);
    // Occasions are counted, not multiplied.
    reads("she won it three times.", "three", Kind::Number, 3.0);
}

#[test]
fn odds_scores_and_ratios_are_not_quantities() {
    for text in [
        "at odds of 250 to 1",
        "they won 3-1 at home",
        "a 3:1 ratio",
        "a 1-1 draw",
        "a 24-17 win",
        "a 17-24 defeat",
        "a 5-4 vote",
        "trailed 44-51 early",
        "a 100/1 outsider",
        "open 24/7 now",
    ] {
        reads_nothing(text);
    }
    // A dash between a smaller and a larger number is still a range.
    let q = one("people aged 18-24 said");
    assert_eq!(
        (q.kind, q.low, q.high),
        (Kind::Range, Some(18.0), Some(24.0))
    );
    // "one in seven" is a share.
    reads(
        "one in seven adults",
        "one in seven",
        Kind::Fraction,
        1.0 / 7.0,
    );
    assert_eq!(one("born in 2020").kind, Kind::Year);
}

#[test]
fn figurative_numbers_are_not_values() {
    for text in [
        "flags at half-mast",
        "a third-party audit",
        "for the third time",
        "one of the finest",
        "a first for the club",
        "in the first half",
        "a first-class seat",
        "half-year profits",
        "finished second to last",
        "led the industry for a quarter of a century",
        "half of an hour later",
        "third from the bottom of the table",
        "the second-to-last game",
    ] {
        reads_nothing(text);
    }
    reads(
        "the second-largest city",
        "second-largest",
        Kind::Ordinal,
        2.0,
    );
    reads("the second to arrive", "second", Kind::Ordinal, 2.0);
    reads(
        "the fourth-placed side",
        "fourth-placed",
        Kind::Ordinal,
        4.0,
    );
    reads("finished third overall", "third", Kind::Ordinal, 3.0);
}

#[test]
fn a_unit_carries_back_over_and() {
    let qs = extract("in sizes of 6.1 and 6.7 inches");
    let units: Vec<_> = qs.iter().map(|q| q.unit.as_deref()).collect();
    assert_eq!(units, [Some("in"), Some("in")]);
    let qs = extract("between 2 or 3 per cent");
    assert!(qs.iter().all(|q| q.kind == Kind::Percent), "{qs:#?}");
    // A count in millions before a percentage is no percentage.
    let qs = extract("the caseload was 10.8 million, 26% of the total");
    let kinds: Vec<Kind> = qs.iter().map(|q| q.kind).collect();
    assert_eq!(kinds, [Kind::Number, Kind::Percent]);
}

#[test]
fn a_year_or_decade_after_mid_early_or_late_is_a_date() {
    reads("a peak in the mid-1990s", "1990s", Kind::Date, 1990.0);
    reads("by late-2022 it had eased", "2022", Kind::Year, 2022.0);
    // A hyphen after any other word still makes a name: "F-16", "COVID-19".
    reads_nothing("the F-16 and the Su-1990");
}
