//! The claim shapes the linker understands, each with a case it must tie to the right row
//! (positive) and a case it must leave alone or flag (negative). The table is the Soufan
//! Center's (data/soufan-2017.yaml) unless a test says otherwise.

mod common;

use claimcheck::table::Table;
use claimcheck::Status;
use common::{check_text as run, yaml_table as table};

fn soufan() -> Table {
    let yaml = include_str!("../data/soufan-2017.yaml");
    Table::from_yaml("data/soufan-2017.yaml", yaml, &mut |_| Err("no CSV".into())).unwrap()
}

/// (text, entity, metric, period, status) of every claim.
fn claims(article: &str, tables: &[Table]) -> Vec<(String, String, String, String, Status)> {
    run(article, tables)
        .claims
        .into_iter()
        .map(|c| {
            (
                c.text,
                c.entity.unwrap_or_default(),
                c.metric.unwrap_or_default(),
                c.period.unwrap_or_default(),
                c.status,
            )
        })
        .collect()
}

#[track_caller]
fn has(article: &str, text: &str, entity: &str, metric: &str, period: &str, status: Status) {
    let all = claims(article, &[soufan()]);
    let found = all
        .iter()
        .any(|c| c.0 == text && c.1 == entity && c.2 == metric && c.3 == period && c.4 == status);
    assert!(
        found,
        "expected {text} → {entity}/{metric}/{period} {status:?} in {article:?}\ngot {all:#?}"
    );
}

#[track_caller]
fn unverified(article: &str, text: &str) {
    let all = claims(article, &[soufan()]);
    assert!(
        all.iter().all(|c| c.0 != text || c.4 == Status::Unverified),
        "expected {text} unverified in {article:?}\ngot {all:#?}"
    );
}

use Status::{Consistent, Inconsistent};

#[test]
fn subject_demonym_and_preposition() {
    has(
        "Russian nationals who joined now number 3,417.",
        "3,417",
        "Russia",
        "fighters",
        "2017",
        Consistent,
    );
    has(
        "Some 3,244 fighters came from Saudi Arabia.",
        "Some 3,244",
        "Saudi Arabia",
        "fighters",
        "2017",
        Consistent,
    );
    has(
        "Jordan now has approximately 3,000 fighters.",
        "approximately 3,000",
        "Jordan",
        "fighters",
        "2017",
        Consistent,
    );
    has(
        "There were 1,623 Moroccan recruits among the fighters.",
        "1,623",
        "Morocco",
        "fighters",
        "2017",
        Consistent,
    );
    has(
        "Jordan's 250 returnees are watched closely.",
        "250",
        "Jordan",
        "returnees",
        "2017",
        Consistent,
    );
    // negative: a wrong number for the same shape is flagged
    has(
        "Jordan's 350 returnees are watched closely.",
        "350",
        "Jordan",
        "returnees",
        "2017",
        Inconsistent,
    );
}

#[test]
fn coordination() {
    let a = "Tunisia and France has about 1,910 fighters.";
    has(
        a,
        "about 1,910",
        "Tunisia",
        "fighters",
        "2017",
        Inconsistent,
    );
    has(a, "about 1,910", "France", "fighters", "2017", Consistent);
    let b = "Both Saudi Arabia and Tunisia have seen about 800 return.";
    has(
        b,
        "about 800",
        "Saudi Arabia",
        "returnees",
        "2017",
        Consistent,
    );
    has(b, "about 800", "Tunisia", "returnees", "2017", Consistent);
    let c = "The fighters numbered 3,417 from Russia, 1,910 from France and 1,623 from Morocco.";
    has(c, "3,417", "Russia", "fighters", "2017", Consistent);
    has(c, "1,910", "France", "fighters", "2017", Consistent);
    has(c, "1,623", "Morocco", "fighters", "2017", Consistent);
    let d = "Jordan, France and Morocco had 250, 271 and 198 returnees respectively.";
    has(d, "250", "Jordan", "returnees", "2017", Consistent);
    has(d, "271", "France", "returnees", "2017", Consistent);
    has(d, "198", "Morocco", "returnees", "2017", Consistent);
    // negative: swapped figures are caught
    let e = "Jordan, France and Morocco had 271, 250 and 198 returnees respectively.";
    has(e, "271", "Jordan", "returnees", "2017", Inconsistent);
}

#[test]
fn two_ends_of_a_change() {
    let a = "Russian fighters jumped from 2,400 in 2015 to approximately 3,417.";
    has(a, "2,400", "Russia", "fighters", "2015", Consistent);
    has(
        a,
        "approximately 3,417",
        "Russia",
        "fighters",
        "2017",
        Consistent,
    );
    let t = table(
        "metrics:\n  members: [members]\nrecords:\n  - {entity: Canada, metric: members, period: 2015, value: 150}\n  - {entity: Canada, metric: members, period: 2017, value: 320}\n",
    );
    let got = claims(
        "Canada's membership grew from 150 members in 2015 to 320 by 2017.",
        std::slice::from_ref(&t),
    );
    assert!(
        got.iter()
            .any(|c| c.0 == "150" && c.3 == "2015" && c.4 == Consistent),
        "{got:#?}"
    );
    assert!(
        got.iter()
            .any(|c| c.0 == "320" && c.3 == "2017" && c.4 == Consistent),
        "{got:#?}"
    );
    let got = claims("Canada's members grew from 150 to 320 by 2017.", &[t]);
    assert!(
        got.iter()
            .any(|c| c.0 == "320" && c.3 == "2017" && c.4 == Consistent),
        "{got:#?}"
    );
    // negative: the later end, if wrong, is flagged against the current period
    has(
        "Russian fighters jumped from 2,400 in 2015 to 3,100.",
        "3,100",
        "Russia",
        "fighters",
        "2017",
        Inconsistent,
    );
}

#[test]
fn part_and_whole() {
    let a = "Of the fighters, 250 of the 3,000 fighters from Jordan have returned.";
    has(a, "250", "Jordan", "returnees", "2017", Consistent);
    has(a, "3,000", "Jordan", "fighters", "2017", Consistent);
    has(
        "Nearly half of the 800 British nationals who left have returned.",
        "800",
        "United Kingdom",
        "fighters",
        "2017",
        Inconsistent,
    );
}

#[test]
fn lists_under_a_heading() {
    let a = "## Returnees\n\n- Jordan: 250\n- France: 271\n- Russia: 410\n";
    has(a, "250", "Jordan", "returnees", "2017", Consistent);
    has(a, "410", "Russia", "returnees", "2017", Inconsistent);
    let b = "- France: 1,910 went, 271 came back\n";
    has(b, "1,910", "France", "fighters", "2017", Consistent);
    has(b, "271", "France", "returnees", "2017", Consistent);
    // a paragraph that names another metric takes over from the heading
    let c = "## Returnees\n\nMost of the fighters never came home.\n\n- Jordan: 3,000\n";
    has(c, "3,000", "Jordan", "fighters", "2017", Consistent);
    // negative: a number under a heading with no metric at all stays unverified
    unverified("## Jordan\n\n- Jordan: 3,000\n", "3,000");
}

#[test]
fn periods() {
    has(
        "In 2015, Tunisia had 6,000 fighters.",
        "6,000",
        "Tunisia",
        "fighters",
        "2015",
        Consistent,
    );
    has(
        "Tunisia had 6,000 fighters in 2015.",
        "6,000",
        "Tunisia",
        "fighters",
        "2015",
        Consistent,
    );
    has(
        "Tunisia currently has 2,926 fighters.",
        "2,926",
        "Tunisia",
        "fighters",
        "2017",
        Consistent,
    );
    has(
        "Today Tunisia has 2,926 fighters.",
        "2,926",
        "Tunisia",
        "fighters",
        "2017",
        Consistent,
    );
    has(
        "Since 2015, Russia's fighters have risen to 3,417.",
        "3,417",
        "Russia",
        "fighters",
        "2017",
        Consistent,
    );
    has(
        "Two years ago, Russia had 2,400 fighters.",
        "2,400",
        "Russia",
        "fighters",
        "2015",
        Consistent,
    );
    // negative: a year the table has no value for stays unverified
    unverified("In 2016, Russia had 2,900 fighters.", "2,900");
}

#[test]
fn metrics() {
    // the nearest metric word decides
    has(
        "Russia has had 400 return.",
        "400",
        "Russia",
        "returnees",
        "2017",
        Consistent,
    );
    has(
        "Russia sent 3,417 fighters.",
        "3,417",
        "Russia",
        "fighters",
        "2017",
        Consistent,
    );
    // inherited from the preceding sentence of the paragraph
    let a = "Saudi Arabia went from 2,500 fighters in 2015 to 3,244. Jordan now has approximately 3,000.";
    has(
        a,
        "approximately 3,000",
        "Jordan",
        "fighters",
        "2017",
        Consistent,
    );
    // a table with a single metric needs no word
    let t = table("metrics:\n  population: [people]\nrecords:\n  - {entity: Iceland, metric: population, period: 2023, value: 387758}\n");
    let got = claims("Iceland is home to about 390,000.", &[t]);
    assert_eq!(got[0].4, Consistent, "{got:#?}");
    // negative: no metric word anywhere in a two-metric table
    unverified("Jordan now has 3,000.", "3,000");
}

#[test]
fn precision_first() {
    // counts something no table measures
    unverified(
        "The group killed over a dozen security forces in Chechnya.",
        "over a dozen",
    );
    // a place no table has
    unverified("Syria hosted 12,000 fighters.", "12,000");
    // no place at all, and no total for the metric in that sentence
    unverified("The report counted 40 cases.", "40");
    // a percentage against a metric of counts
    unverified("Russia's fighters rose 42 percent.", "42 percent");
    // money against a metric of counts
    unverified(
        "France spent $4.2 million on 1,910 fighters.",
        "$4.2 million",
    );
    // a sentence that is a data dump, not prose
    let dump = "Fighters: ".to_string() + &"Russia 3,417, ".repeat(80);
    unverified(&dump, "3,417");
}

#[test]
fn hedges_and_tolerance() {
    has(
        "Saudi Arabia has seen about 800 return.",
        "about 800",
        "Saudi Arabia",
        "returnees",
        "2017",
        Consistent,
    );
    has(
        "Tunisia has nearly 3,000 fighters.",
        "nearly 3,000",
        "Tunisia",
        "fighters",
        "2017",
        Consistent,
    );
    has(
        "Tunisia has more than 2,900 fighters.",
        "more than 2,900",
        "Tunisia",
        "fighters",
        "2017",
        Consistent,
    );
    has(
        "Tunisia has fewer than 2,900 fighters.",
        "fewer than 2,900",
        "Tunisia",
        "fighters",
        "2017",
        Inconsistent,
    );
    has(
        "Tunisia has 2,920 fighters.",
        "2,920",
        "Tunisia",
        "fighters",
        "2017",
        Inconsistent,
    );
    has(
        "Tunisia has 3,000 fighters.",
        "3,000",
        "Tunisia",
        "fighters",
        "2017",
        Consistent,
    );
    // a bounded table value: at least 5,600 returned worldwide
    has(
        "Worldwide, some 6,000 returnees have come home.",
        "some 6,000",
        "World",
        "returnees",
        "2017",
        Consistent,
    );
    has(
        "Worldwide, 4,000 returnees have come home.",
        "4,000",
        "World",
        "returnees",
        "2017",
        Inconsistent,
    );
}

#[test]
fn contradictions_need_the_same_row() {
    // The table has no 2016 value: the article against itself is all there is to check.
    let t = table(
        "metrics:\n  fighters: {terms: [fighters]}\nrecords:\n  - {entity: Tunisia, metric: fighters, period: 2015, value: 6000}\n  - {entity: Tunisia, metric: fighters, period: 2017, value: 2926}\n",
    );
    let r = run(
        "In 2016, Tunisia had 2,926 fighters. Later in 2016, Tunisia had about 1,910 fighters.",
        std::slice::from_ref(&t),
    );
    let rules: Vec<&str> = r.findings.iter().map(|f| f.rule).collect();
    assert!(rules.contains(&"contradiction"), "{rules:?}");
    // different periods never contradict
    let r = run(
        "Tunisia had 6,000 fighters in 2015. Tunisia has 2,926 fighters.",
        &[soufan()],
    );
    assert!(
        r.findings.iter().all(|f| f.rule != "contradiction"),
        "{:?}",
        r.findings
    );
}

#[test]
fn a_claim_the_table_checks_gets_one_finding() {
    // The second figure is wrong against the table: that is its finding, not also a
    // contradiction with the first.
    let r = run(
        "Tunisia has 2,926 fighters. Later: Tunisia has about 1,910 fighters.",
        &[soufan()],
    );
    let rules: Vec<(&str, &str)> = r
        .findings
        .iter()
        .filter(|f| f.rule != "unverified")
        .map(|f| (f.rule, f.text.as_str()))
        .collect();
    assert_eq!(rules, [("value-mismatch", "about 1,910")]);
}

#[test]
fn a_unit_names_its_metric() {
    // The table says `unit: km` but lists no unit word among its terms.
    let t = table(
        "metrics:\n  length: {terms: [length], unit: km}\n  basin: {terms: [basin], unit: km2}\nrecords:\n  - {entity: Nile, metric: length, period: 2024, value: 6650}\n  - {entity: Nile, metric: basin, period: 2024, value: 3254555}\n",
    );
    let got = claims(
        "The Nile runs for 6,650 km. By another count the Nile stretches 6,900 kilometres.",
        &[t],
    );
    assert!(
        got.iter()
            .any(|c| c.0 == "6,650 km" && c.2 == "length" && c.4 == Consistent),
        "{got:#?}"
    );
    assert!(
        got.iter()
            .any(|c| c.0 == "6,900 kilometres" && c.2 == "length" && c.4 == Inconsistent),
        "{got:#?}"
    );
}

#[test]
fn lists_sums_and_back_references() {
    // A comma with no conjunction joins no list: the subject is the DUP-like name after it.
    has(
        "In Tunisia, France sent about 1,910 fighters.",
        "about 1,910",
        "France",
        "fighters",
        "2017",
        Consistent,
    );
    // Several numbers after several names, with neither "each" nor "respectively": unclear.
    unverified(
        "Jordan, France and Morocco had 250, 271 and 198 returnees.",
        "250",
    );
    // A sum over a group is not any one row.
    unverified("Together Russia and Jordan sent 6,417 fighters.", "6,417");
    // "the three" refers back to things named before.
    unverified(
        "Russia, Jordan and France sent the most; the three sent more than 8,000 fighters.",
        "three",
    );
    // A number for each of several things is not the total's.
    let t = table("total: World\nmetrics:\n  fighters: [fighters]\nrecords:\n  - {entity: World, metric: fighters, period: 2017, value: 40000}\n");
    let got = claims("The two countries sent 2,000 fighters each.", &[t]);
    assert!(got.iter().all(|c| c.4 == Status::Unverified), "{got:#?}");
    // A superlative within a category the table does not define.
    let r = run(
        "Jordan is the largest landlocked country sending fighters.",
        &[soufan()],
    );
    assert!(
        r.findings.iter().all(|f| f.rule != "rank"),
        "{:?}",
        r.findings
    );
}

#[test]
fn changes_limits_and_clauses() {
    // A percentage change is not a level: it is checked as a change between two periods.
    let r = run(
        "Russia's fighters were up about 42 percent on 2015.",
        &[soufan()],
    );
    let kinds: Vec<(&str, &str)> = r.claims.iter().map(|c| (c.text.as_str(), c.kind)).collect();
    assert_eq!(kinds, [("about 42 percent", "trend")]);
    assert_eq!(r.claims[0].status, Consistent);
    // "a year earlier" dates the value one year back.
    let t = table(
        "metrics:\n  rate: {terms: [rate, unemployment], unit: percent}\nrecords:\n  - {entity: Spain, metric: rate, period: 2022, value: 12.9}\n  - {entity: Spain, metric: rate, period: 2023, value: 12.2}\n",
    );
    let got = claims(
        "Spain's unemployment rate fell to 12.2%, down from 12.9% a year earlier.",
        std::slice::from_ref(&t),
    );
    assert!(
        got.iter()
            .any(|c| c.0 == "12.9%" && c.3 == "2022" && c.4 == Consistent),
        "{got:#?}"
    );
    // The object of a verb of ranking is not the subject.
    let got = claims(
        "Spain tops the France table at 12.2%.",
        std::slice::from_ref(&t),
    );
    assert!(got.iter().all(|c| c.4 != Inconsistent), "{got:#?}");
    // "to X from Y": the end, then an undated start.
    has(
        "Russia's fighters rose to 3,417 from 2,400.",
        "3,417",
        "Russia",
        "fighters",
        "2017",
        Consistent,
    );
    // The undated start is the row's only other period (2015 here) …
    has(
        "Russia's fighters rose to 3,417 from 2,400.",
        "2,400",
        "Russia",
        "fighters",
        "2015",
        Consistent,
    );
    // … and with several earlier periods it is only a guess, which never refutes.
    let t3 = table(
        "metrics:\n  fighters: {terms: [fighters]}\nrecords:\n  - {entity: Russia, metric: fighters, period: 2013, value: 800}\n  - {entity: Russia, metric: fighters, period: 2015, value: 2400}\n  - {entity: Russia, metric: fighters, period: 2017, value: 3417}\n",
    );
    let got = claims(
        "Russia's fighters rose to 3,417 from 1,000.",
        std::slice::from_ref(&t3),
    );
    assert!(
        got.iter()
            .any(|c| c.0 == "1,000" && c.3 == "2015" && c.4 == Status::Unverified),
        "{got:#?}"
    );
    // A limit is not a value.
    unverified("Jordan caps its fighters at 1,000.", "1,000");
    // A relative clause speaks of the name it follows.
    has(
        "Russia sent more fighters than France, which sent 1,910.",
        "1,910",
        "France",
        "fighters",
        "2017",
        Consistent,
    );
}

#[test]
fn units_convert_within_a_dimension() {
    // Distances in millions of km; a claim in billions of km or in miles converts first.
    let t = table(
        "metrics:\n  distance: {terms: [from the Sun], unit: million km}\n  day: {terms: [day, rotation], unit: hours}\nrecords:\n  - {entity: Saturn, metric: distance, period: 2024, value: 1433}\n  - {entity: Saturn, metric: day, period: 2024, value: 10.7}\n",
    );
    let got = claims(
        "Saturn orbits about 1.4 billion km from the Sun. Saturn lies 890 million miles from the Sun. Saturn sits 2 billion km from the Sun.",
        std::slice::from_ref(&t),
    );
    let status = |text: &str| got.iter().find(|c| c.0 == text).map(|c| c.4);
    assert_eq!(status("about 1.4 billion km"), Some(Consistent), "{got:#?}");
    assert_eq!(status("890 million miles"), Some(Consistent), "{got:#?}");
    assert_eq!(status("2 billion km"), Some(Inconsistent), "{got:#?}");
    // A claim in another dimension never matches: a day is no distance.
    let got = claims(
        "A day on Saturn lasts about 10.7 hours. Saturn's day is 640 minutes.",
        &[t],
    );
    assert_eq!(
        got.iter().find(|c| c.0 == "about 10.7 hours").map(|c| c.4),
        Some(Consistent),
        "{got:#?}"
    );
    assert_eq!(
        got.iter().find(|c| c.0 == "640 minutes").map(|c| c.4),
        Some(Consistent),
        "{got:#?}"
    );
}

#[test]
fn a_shared_unit_is_ambiguous_and_a_duration_is_a_value_in_days() {
    let t = table(
        "metrics:\n  length: {terms: [long], unit: km}\n  depth: {terms: [deep], unit: km}\n  mission: {terms: [mission], unit: days}\nrecords:\n  - {entity: Baikal, metric: length, period: 2024, value: 636}\n  - {entity: Baikal, metric: depth, period: 2024, value: 1.6}\n  - {entity: Baikal, metric: mission, period: 2024, value: 14610}\n",
    );
    let r = run(
        "Baikal stretches 636 km. Baikal is 636 km long. Baikal's survey took about 40 years. Baikal was mapped 40 years ago.",
        std::slice::from_ref(&t),
    );
    let reason = |text: &str| {
        r.findings
            .iter()
            .find(|f| f.text == text)
            .map(|f| f.message.clone())
            .unwrap_or_default()
    };
    // Nothing in the first sentence says which: length and depth are both in km.
    assert!(
        reason("636 km").contains("ambiguous: km names length and depth"),
        "{:#?}",
        r.findings
    );
    let status = |text: &str, metric: &str| {
        r.claims
            .iter()
            .find(|c| c.text == text && c.metric.as_deref() == Some(metric))
            .map(|c| c.status)
    };
    assert_eq!(
        status("636 km", "length"),
        Some(Consistent),
        "{:#?}",
        r.claims
    );
    // A time unit names its metric like any other, converted to days.
    assert_eq!(
        status("about 40 years", "mission"),
        Some(Consistent),
        "{:#?}",
        r.claims
    );
    // A duration that dates something names no metric.
    assert_eq!(status("40 years", "mission"), None, "{:#?}", r.claims);
}

#[test]
fn a_measure_never_checks_a_count() {
    // "428 weeks" is no count of titles; "$12bn" no count either.
    let t = table(
        "metrics:\n  titles: [titles]\nrecords:\n  - {entity: Serbia, metric: titles, period: 2024, value: 24}\n",
    );
    let got = claims(
        "Serbia has 24 titles. Serbia spent 428 weeks at the top of the titles list.",
        &[t],
    );
    assert!(
        got.iter()
            .all(|c| c.0 != "428 weeks" || c.4 == Status::Unverified),
        "{got:#?}"
    );
}
