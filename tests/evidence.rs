//! The evidence model: a claim is refuted only by a reading whose entity, metric and period the
//! text states or carries, never by a default; a change is checked only against a change.
//! Each failure class has a case that must stay unverified (negative) and one that must still
//! be checked (positive).

mod common;

use claimcheck::claim::Basis;
use claimcheck::table::Table;
use claimcheck::{ClaimReport, FileReport, Status};
use common::{check_text, errors, yaml_table as table};

fn run(article: &str, t: &Table) -> FileReport {
    check_text(article, std::slice::from_ref(t))
}

/// The claim whose text is `text` (and entity `entity`, when given).
fn claim<'r>(r: &'r FileReport, text: &str, entity: Option<&str>) -> &'r ClaimReport {
    r.claims
        .iter()
        .find(|c| c.text == text && entity.is_none_or(|e| c.entity.as_deref() == Some(e)))
        .unwrap_or_else(|| panic!("no claim {text:?} in {:#?}", r.claims))
}

const SEATS: &str = "\
current: 2024
total: Canada
metrics:
  seats: {terms: [seats, seat]}
  seat_change: {terms: [net change]}
records:
  - {entity: Ontario, metric: seats, period: 2024, value: 122}
  - {entity: Ontario, metric: seats, period: 2020, value: 121}
  - {entity: Ontario, metric: seat_change, period: 2024, value: 1}
  - {entity: Quebec, metric: seats, period: 2024, value: 78}
  - {entity: Quebec, metric: seats, period: 2020, value: 78}
  - {entity: Quebec, metric: seat_change, period: 2024, value: -3}
  - {entity: Canada, metric: seats, period: 2024, value: 343}
  - {entity: Canada, metric: seats, period: 2020, value: 338}
";

#[test]
fn a_change_is_never_checked_against_a_level() {
    let t = table(SEATS);
    let r = run("In 2024 Ontario gained one seat.", &t);
    // "one seat" is the size of a change: not Ontario's 122 seats.
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
}

#[test]
fn a_change_is_checked_against_a_change_metric_with_its_sign() {
    let t = table(
        "metrics:\n  seat_change: {terms: [seats, seat]}\nrecords:\n  - {entity: Ontario, metric: seat_change, period: 2024, value: 1}\n  - {entity: Quebec, metric: seat_change, period: 2024, value: -3}\n",
    );
    let kind = t.metric("seat_change").map(|m| m.kind);
    assert_eq!(kind, Some(claimcheck::table::MetricKind::Change));
    let r = run("Ontario gained one seat and Quebec lost 3 seats.", &t);
    assert_eq!(claim(&r, "one", None).status, Status::Consistent);
    assert_eq!(claim(&r, "3", None).status, Status::Consistent);
    let r = run("Quebec lost 5 seats.", &t);
    assert_eq!(claim(&r, "5", None).status, Status::Inconsistent);
    // A level metric declared as such keeps a change away from it.
    let t = table(
        "metrics:\n  seat_change: {terms: [seats], kind: level}\nrecords:\n  - {entity: Quebec, metric: seat_change, period: 2024, value: -3}\n",
    );
    let r = run("Quebec lost 5 seats.", &t);
    assert_eq!(claim(&r, "5", None).status, Status::Unverified);
}

#[test]
fn a_decrease_noun_signs_the_change() {
    let t = table(
        "metrics:\n  growth: {terms: [sales], unit: percent}\nrecords:\n  - {entity: Japan, metric: growth, period: 2023, value: -4.1}\n",
    );
    let r = run("Japan's sales saw a 4.1% decrease.", &t);
    assert_eq!(claim(&r, "4.1%", None).status, Status::Consistent);
    let r = run("Japan's sales saw a 6.1% decrease.", &t);
    assert_eq!(claim(&r, "6.1%", None).status, Status::Inconsistent);
}

#[test]
fn a_trend_on_a_change_metric_is_read_as_its_sign() {
    let t = table(
        "metrics:\n  growth: {terms: [economy], unit: percent}\nrecords:\n  - {entity: Japan, metric: growth, period: 2022, value: 1.0}\n  - {entity: Japan, metric: growth, period: 2023, value: 1.9}\n",
    );
    // 1.9% growth in 2023: "grew by 1.9 percent" is right, whatever 2022's growth was.
    let r = run("In 2023 Japan's economy grew by 1.9 percent.", &t);
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    let r = run("In 2023 Japan's economy shrank.", &t);
    assert_eq!(errors(&r), [("trend", "shrank")]);
}

#[test]
fn a_count_is_no_change_of_a_percentage() {
    let t = table(
        "metrics:\n  unemployment: {terms: [unemployment], unit: percent}\nrecords:\n  - {entity: Spain, metric: unemployment, period: 2022, value: 12.9}\n  - {entity: Spain, metric: unemployment, period: 2023, value: 12.2}\n",
    );
    let r = run("In 2023 unemployment in Spain fell by 31,000.", &t);
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
}

#[test]
fn a_default_total_may_confirm_but_never_refute() {
    let t = table(SEATS);
    // No place named: the total is a guess.
    let r = run("The party took 250 seats in 2024.", &t);
    let c = claim(&r, "250", None);
    assert_eq!(c.status, Status::Unverified, "{c:#?}");
    assert_eq!(
        c.evidence.entity.as_ref().map(|f| f.basis),
        Some(Basis::Defaulted)
    );
    let r = run("The party took 343 seats in 2024.", &t);
    assert_eq!(claim(&r, "343", None).status, Status::Consistent);
    // Said to be the total: checked.
    let r = run("In total, 250 seats were filled in 2024.", &t);
    assert_eq!(claim(&r, "250", None).status, Status::Inconsistent);
}

#[test]
fn the_year_in_force_dates_the_sentences_after_it() {
    let t = table(SEATS);
    let article = "# Results\n\nIn 2020, the count was final in October. Ontario had 121 seats and Quebec 78.\n\nOntario has 122 seats.\n";
    let r = run(article, &t);
    let c = claim(&r, "121", None);
    assert_eq!(c.period.as_deref(), Some("2020"));
    assert_eq!(c.status, Status::Consistent);
    assert_eq!(
        c.evidence.period.as_ref().map(|f| f.basis),
        Some(Basis::Inherited)
    );
}

#[test]
fn a_year_the_table_lacks_makes_the_current_period_a_guess() {
    let t = table(SEATS);
    // The article is about 2011; the table has 2020 and 2024 only.
    let article = "# The 2011 election\n\nIn 2011, the count was final in May. Ontario had 106 seats.\n\nQuebec had 75 seats.\n";
    let r = run(article, &t);
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    let c = claim(&r, "75", None);
    assert_eq!(c.status, Status::Unverified);
    assert!(
        c.reason.as_deref().is_some_and(|r| r.contains("period")),
        "{c:#?}"
    );
}

#[test]
fn with_no_year_in_force_the_present_is_checked() {
    let t = table(SEATS);
    let r = run("Quebec has 80 seats.", &t);
    assert_eq!(errors(&r), [("value-mismatch", "80")]);
}

#[test]
fn the_show_claims_reading_names_each_part() {
    let t = table(SEATS);
    let r = run("Quebec has 80 seats.", &t);
    let c = claim(&r, "80", None);
    let e = &c.evidence;
    assert_eq!(e.entity.as_ref().map(|f| f.words.as_str()), Some("Quebec"));
    assert_eq!(e.metric.as_ref().map(|f| f.words.as_str()), Some("seats"));
    assert_eq!(e.period.as_ref().map(|f| f.basis), Some(Basis::Inherited));
}

const MEDALS: &str = "\
metrics:
  gold: {terms: [gold, golds]}
  rank: {terms: [rank, ranked], unit: rank}
records:
  - {entity: Norway, metric: gold, period: 2022, value: 16}
  - {entity: Norway, metric: rank, period: 2022, value: 1}
  - {entity: Germany, metric: gold, period: 2022, value: 12}
  - {entity: Germany, metric: rank, period: 2022, value: 2}
";

#[test]
fn a_possessive_owns_the_number_after_it() {
    let t = table(MEDALS);
    let r = run("Germany won 12 golds, fewer than Norway's 16.", &t);
    assert_eq!(claim(&r, "16", None).entity.as_deref(), Some("Norway"));
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
}

#[test]
fn a_number_for_a_name_belongs_to_that_name() {
    let t = table(MEDALS);
    let r = run("The tally was 12 for Germany.", &t);
    assert_eq!(claim(&r, "12", None).entity.as_deref(), Some("Germany"));
}

#[test]
fn a_position_is_checked_against_the_rank_metric_only() {
    let t = table(MEDALS);
    let r = run("Germany was ranked 2 with 12 golds.", &t);
    let c = claim(&r, "2", None);
    assert_eq!(c.metric.as_deref(), Some("rank"));
    assert_eq!(c.status, Status::Consistent);
    let r = run("Germany was ranked 3 with 12 golds.", &t);
    assert_eq!(claim(&r, "3", None).status, Status::Inconsistent);
    // With no rank metric, a position is unverified, never a count of golds.
    let t = table(
        "metrics:\n  gold: {terms: [gold, golds]}\nrecords:\n  - {entity: Germany, metric: gold, period: 2022, value: 12}\n",
    );
    let r = run("Germany, in position 3, won 12 golds.", &t);
    assert_eq!(claim(&r, "3", None).status, Status::Unverified);
}

#[test]
fn a_distance_from_another_row_is_no_value() {
    let t = table(MEDALS);
    let r = run("Germany finished four golds behind Norway.", &t);
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    let r = run("Germany was 10 golds prior to Norway.", &t);
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
}

#[test]
fn a_hyphenated_modifier_counts_nothing() {
    let t = table(MEDALS);
    let r = run("Germany's 3-gold day lifted it to 12 golds.", &t);
    assert_eq!(claim(&r, "3", None).status, Status::Unverified);
    assert_eq!(claim(&r, "12", None).status, Status::Consistent);
}

#[test]
fn a_rank_within_a_part_the_table_does_not_define_is_unverified() {
    let t = table(MEDALS);
    for article in [
        "Among the Nordic nations, Germany has the most golds.",
        "Germany has the most golds of any Alpine nation.",
        "When the games were held in Asia, Germany won the most golds.",
        "Germany has the most golds in the biathlon category.",
    ] {
        let r = run(article, &t);
        assert!(errors(&r).is_empty(), "{article}: {:?}", r.findings);
    }
    // The whole table's order is checked.
    let r = run("Germany has the most golds.", &t);
    assert_eq!(errors(&r), [("rank", "the most")]);
    let r = run("Germany is among the top two for golds.", &t);
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    // An idiom is no place in an order.
    let r = run("For the most part, Germany won golds.", &t);
    assert!(r.claims.iter().all(|c| c.kind != "rank"), "{:?}", r.claims);
}

#[test]
fn a_difference_between_two_rows_is_checked() {
    let t = table(MEDALS);
    // Norway 16, Germany 12.
    let r = run("Norway won four more golds than Germany.", &t);
    assert_eq!(claim(&r, "four", None).status, Status::Consistent);
    let r = run("Norway won six more golds than Germany.", &t);
    assert_eq!(errors(&r), [("compare", "six")]);
    let r = run("Germany finished four golds behind Norway.", &t);
    assert_eq!(claim(&r, "four", None).status, Status::Consistent);
    // The wrong way round is wrong whatever the size.
    let r = run("Germany won four more golds than Norway.", &t);
    assert_eq!(errors(&r), [("compare", "four")]);
    // With no second row named, the difference stays unverified.
    let r = run("Norway won four more golds than its rival.", &t);
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
}

#[test]
fn a_ratio_between_two_rows_is_checked() {
    let t = table(
        "metrics:\n  length: {terms: [length, long], unit: km}\nrecords:\n  - {entity: Volga, metric: length, period: 2024, value: 3531}\n  - {entity: Danube, metric: length, period: 2024, value: 2850}\n  - {entity: Thames, metric: length, period: 2024, value: 346}\n",
    );
    let r = run("The Volga is more than twice the length of the Danube.", &t);
    assert_eq!(errors(&r), [("compare", "more than twice")]);
    let r = run("The Danube is about eight times as long as the Thames.", &t);
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
}

#[test]
fn a_clause_with_a_name_of_its_own_borrows_none() {
    let t = table(MEDALS);
    // "Team Alpha" is no row of the table: 8 is its figure, not Norway's.
    let r = run("Norway won 16 golds, while Team Alpha won 8 golds.", &t);
    assert_eq!(claim(&r, "8", None).status, Status::Unverified);
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    // A pronoun carries the subject on.
    let r = run("Norway won 16 golds, and its skiers won 11 golds.", &t);
    assert_eq!(claim(&r, "11", None).entity.as_deref(), Some("Norway"));
}

#[test]
fn respectively_pairs_the_last_values_and_shares_the_ones_before() {
    let t = table(
        "metrics:\n  uninsured: {terms: [uninsured], unit: percent}\nrecords:\n  - {entity: North Carolina, metric: uninsured, period: 2022, value: 9.3}\n  - {entity: North Carolina, metric: uninsured, period: 2021, value: 10.4}\n  - {entity: Tennessee, metric: uninsured, period: 2022, value: 9.3}\n  - {entity: Tennessee, metric: uninsured, period: 2021, value: 10.0}\n",
    );
    let r = run(
        "North Carolina and Tennessee were both at 9.3% uninsured, down from 10.4% and 10.0% respectively.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    assert_eq!(
        claim(&r, "10.4%", None).entity.as_deref(),
        Some("North Carolina")
    );
    assert_eq!(
        claim(&r, "10.0%", None).entity.as_deref(),
        Some("Tennessee")
    );
    assert_eq!(claim(&r, "10.0%", None).period.as_deref(), Some("2021"));
}

#[test]
fn a_change_of_a_level_is_checked_between_two_periods() {
    let t = table(SEATS);
    // Ontario 121 (2020) → 122 (2024); Quebec 78 → 78.
    let r = run("In 2024 Ontario gained one seat.", &t);
    assert_eq!(claim(&r, "one", None).kind, "trend");
    assert_eq!(claim(&r, "one", None).status, Status::Consistent);
    let r = run("In 2024 Ontario gained three seats.", &t);
    assert_eq!(errors(&r), [("trend", "three")]);
}

#[test]
fn a_move_in_the_order_is_no_trend_of_the_value() {
    let t = table(SEATS);
    // Quebec's seats did not fall, but its place did.
    for article in [
        "In 2024 Quebec slid from second to third.",
        "In 2024 Quebec fell two places.",
    ] {
        let r = run(article, &t);
        assert!(
            r.claims.iter().all(|c| c.kind != "trend"),
            "{article}: {:?}",
            r.claims
        );
    }
}

#[test]
fn years_ago_dates_only_its_own_clause() {
    let t = table(SEATS);
    // "two years ago" dates the base of the difference, not the 78.
    let r = run("Quebec kept 78 seats, as many as four years ago.", &t);
    assert_eq!(claim(&r, "78", None).period.as_deref(), Some("2024"));
    let r = run("Four years ago, Quebec had 78 seats.", &t);
    assert_eq!(claim(&r, "78", None).period.as_deref(), Some("2020"));
}

#[test]
fn by_after_an_elided_verb_is_still_a_change() {
    let t = table(
        "metrics:\n  life: {terms: [life expectancy], unit: years}\nrecords:\n  - {entity: Latvia, metric: life, period: 2023, value: 75.9}\n  - {entity: Latvia, metric: life, period: 2022, value: 74.5}\n  - {entity: Lithuania, metric: life, period: 2023, value: 77.3}\n  - {entity: Lithuania, metric: life, period: 2022, value: 75.8}\n",
    );
    let r = run(
        "Lithuania's life expectancy rose by 1.5 years, and Latvia's by 1.4 years.",
        &t,
    );
    assert_eq!(claim(&r, "1.4 years", None).kind, "trend");
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
}

#[test]
fn a_number_in_a_place_or_in_brackets_after_a_term_is_read_by_phrase() {
    let t = table(
        "metrics:\n  reading: {terms: [reading]}\n  science: {terms: [science]}\nrecords:\n  - {entity: United States, metric: reading, period: 2022, value: 504}\n  - {entity: United States, metric: science, period: 2022, value: 499}\n  - {entity: Germany, metric: reading, period: 2022, value: 480}\n  - {entity: France, metric: reading, period: 2022, value: 474}\n",
    );
    let r = run(
        "American teenagers did better in reading (504) and science (499).",
        &t,
    );
    assert_eq!(claim(&r, "504", None).metric.as_deref(), Some("reading"));
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    // The run of values right before "respectively" pairs with the names before it.
    let r = run(
        "The United States scored 504 in reading, ahead of Germany and France, at 480 and 474 in reading respectively.",
        &t,
    );
    assert_eq!(claim(&r, "480", None).entity.as_deref(), Some("Germany"));
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    // "N in X" ties N to X.
    let r = run("Reading scores were 480 in Germany and 474 in France.", &t);
    assert_eq!(claim(&r, "474", None).entity.as_deref(), Some("France"));
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
}

#[test]
fn a_rank_takes_no_subject_across_a_semicolon() {
    let t = table(MEDALS);
    // The clause after ";" names no one of the table: Germany is not its subject.
    let r = run(
        "Germany won 12 golds; the most golds went to its skiers.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    // A clause that names its own subject keeps it.
    let r = run("Germany won 12 golds; Norway won the most golds.", &t);
    let rank = r.claims.iter().find(|c| c.kind == "rank");
    assert_eq!(
        rank.and_then(|c| c.entity.as_deref()),
        Some("Norway"),
        "{:?}",
        r.claims
    );
    assert_eq!(rank.map(|c| c.status), Some(Status::Consistent));
}
