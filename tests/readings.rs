//! Readings a sentence allows and readings it does not: denials, averages, scopes, names
//! inside names, periods set by clauses, and the figure as the table prints it. Each case
//! pairs a sentence that must stay unverified (or tie elsewhere) with one that is still
//! checked, so a rule cannot pass by reading nothing.

mod common;

use claimcheck::table::Table;
use claimcheck::{extract, ClaimReport, FileReport, Kind, Status};
use common::{check_text, errors, yaml_table as table};

fn run(article: &str, t: &Table) -> FileReport {
    check_text(article, std::slice::from_ref(t))
}

/// Checks each text against `t` and asserts that none raises an error.
fn assert_clean(texts: &[&str], t: &Table) {
    for text in texts {
        let r = run(text, t);
        assert!(errors(&r).is_empty(), "{text}: {:?}", r.findings);
    }
}

/// Checks each text against `t` and asserts the status of its claim `span`.
fn assert_status(texts: &[&str], span: &str, status: Status, t: &Table) {
    for text in texts {
        let r = run(text, t);
        assert_eq!(claim(&r, span).status, status, "{text}");
    }
}

fn claim<'r>(r: &'r FileReport, text: &str) -> &'r ClaimReport {
    r.claims
        .iter()
        .find(|c| c.text == text)
        .unwrap_or_else(|| panic!("no claim {text:?} in {:#?}", r.claims))
}

const MEDALS: &str = "\
metrics:
  gold: {terms: [gold, golds]}
  silver: {terms: [silver, silvers]}
records:
  - {entity: France, metric: gold, period: 2024, value: 3}
  - {entity: France, metric: silver, period: 2024, value: 2}
  - {entity: Spain, metric: gold, period: 2024, value: 9}
  - {entity: Spain, metric: silver, period: 2024, value: 4}
";

#[test]
fn a_figure_under_a_denial_states_no_value() {
    let t = table(MEDALS);
    let r = run("No nation won more than 2 golds.", &t);
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    let r = run("France won more than 5 golds.", &t);
    assert_eq!(claim(&r, "more than 5").status, Status::Inconsistent);
    // A denial in another clause, after the figure, leaves it a statement.
    let r = run(
        "France won 7 golds, a haul no other nation has matched.",
        &t,
    );
    assert_eq!(claim(&r, "7").status, Status::Inconsistent);
    // A count of no rows in digits denies too; "0 golds" is a figure.
    let r = run(
        "There are 0 times in which France won more than 2 golds.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    let r = run("France won 0 silvers and 5 golds.", &t);
    assert_eq!(claim(&r, "5").status, Status::Inconsistent);
    // "no more than" bounds the figure instead of denying it.
    let r = run("France won no more than 3 golds.", &t);
    assert_eq!(claim(&r, "no more than 3").status, Status::Consistent);
}

#[test]
fn an_average_over_rows_states_no_row_value() {
    let t = table(MEDALS);
    let r = run("France and Spain won an average of 5 golds.", &t);
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    // A verb of averaging with one row named is that row's figure over time.
    let r = run("France averaged 8 golds.", &t);
    assert_eq!(claim(&r, "8").status, Status::Inconsistent);
}

#[test]
fn lowercase_dates_need_their_year() {
    let kinds = |s: &str| -> Vec<(String, Kind)> {
        extract(s).into_iter().map(|q| (q.text, q.kind)).collect()
    };
    assert_eq!(
        kinds("It aired on march 28, 2010."),
        vec![("march 28, 2010".to_string(), Kind::Date)]
    );
    // Without a year, "may 2" is a verb and a number.
    assert_eq!(
        kinds("They may 2 ok."),
        vec![("2".to_string(), Kind::Number)]
    );
}

#[test]
fn a_flattened_superscript_squares_a_length() {
    let q = extract("It covers 12,245.9 km 2 of land.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].unit.as_deref(), Some("km2"));
    // "km 2.5" is a length and another number.
    let q = extract("It is 12 km 2.5 further.");
    assert_eq!(q[0].unit.as_deref(), Some("km"));
    // "area (km 2)" alone: the 2 is the unit's power, no value.
    let t = table("metrics:\n  area: [area]\nrecords:\n  - {entity: Kilifi, metric: area, period: all, value: 12245.9}\n");
    let r = run("Kilifi has an area (km 2) of 12,245.9.", &t);
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    assert_eq!(claim(&r, "12,245.9").status, Status::Consistent);
}

const DRAFT: &str = "\
metrics:
  round: {terms: [round]}
  pick: {terms: [pick]}
records:
  - {entity: Ron Hallstrom, metric: round, period: all, value: 1}
  - {entity: Ron Hallstrom, metric: pick, period: all, value: 22}
";

#[test]
fn a_term_past_a_comma_or_with_belongs_to_another_phrase() {
    let t = table(DRAFT);
    let r = run(
        "Ron Hallstrom had a round smaller than 11, a pick smaller than 152.",
        &t,
    );
    assert_eq!(claim(&r, "smaller than 11").status, Status::Consistent);
    assert_eq!(claim(&r, "smaller than 152").status, Status::Consistent);
    let r = run(
        "Ron Hallstrom had a round smaller than 11, a pick smaller than 15.",
        &t,
    );
    assert_eq!(errors(&r), vec![("value-mismatch", "smaller than 15")]);
}

#[test]
fn two_metrics_in_one_compound_name_neither() {
    let t = table("metrics:\n  population: [population]\n  density: [density]\nrecords:\n  - {entity: Chile, metric: population, period: all, value: 16928873}\n  - {entity: Chile, metric: density, period: all, value: 22}\n");
    let r = run("Chile has a population density of 23.", &t);
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    let r = run("Chile has a density of 23.", &t);
    assert_eq!(claim(&r, "23").status, Status::Inconsistent);
}

#[test]
fn a_figure_may_be_printed_in_the_tables_own_scale() {
    // No scale declared: "195.34 billion" may be the 318.85 the table holds in billions.
    let t = table("metrics:\n  sales: [sales]\nrecords:\n  - {entity: Shell, metric: sales, period: all, value: 318.85}\n");
    let r = run("Shell had more than 195.34 billion in sales.", &t);
    assert_eq!(
        claim(&r, "more than 195.34 billion").status,
        Status::Consistent
    );
    let r = run("Shell had more than 400 billion in sales.", &t);
    assert_eq!(
        claim(&r, "more than 400 billion").status,
        Status::Inconsistent
    );
    // A metric in millions: a bare "900" may be written in millions.
    let t = table("metrics:\n  budget: {terms: [budget], scale: 1000000}\nrecords:\n  - {entity: Ilea, metric: budget, period: all, value: 900}\n");
    let r = run("Ilea set its budget at 900.", &t);
    assert_eq!(claim(&r, "900").status, Status::Consistent);
    let r = run("Ilea set its budget at 700.", &t);
    assert_eq!(claim(&r, "700").status, Status::Inconsistent);
}

#[test]
fn a_place_against_a_rank_metric_is_the_rank_the_table_states() {
    // The table lists four of fourteen places: "14th" is read from the rank itself.
    let t = table("metrics:\n  rank: {terms: [rank, ranked], unit: rank}\n  bronze: [bronze]\nrecords:\n  - {entity: Norway, metric: rank, period: all, value: 1}\n  - {entity: Spain, metric: rank, period: all, value: 2}\n  - {entity: Cameroon, metric: rank, period: all, value: 14}\n  - {entity: Madagascar, metric: rank, period: all, value: 14}\n");
    let r = run("Cameroon ranked 14th with one bronze.", &t);
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    let r = run("Cameroon ranked 12th with one bronze.", &t);
    assert_eq!(errors(&r), vec![("rank", "12th")]);
}

const WINS: &str = "\
metrics:
  wins: {terms: [wins]}
records:
  - {entity: Celta, metric: wins, period: all, value: 24}
  - {entity: Sevilla, metric: wins, period: all, value: 22}
";

#[test]
fn a_name_before_with_has_the_number() {
    let t = table(WINS);
    let r = run("Celta had 24 wins, two more than Sevilla with 22 wins.", &t);
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    let r = run("Celta had 24 wins, two more than Sevilla with 20 wins.", &t);
    assert_eq!(errors(&r), vec![("value-mismatch", "20")]);
}

#[test]
fn an_order_between_two_stated_figures_adds_no_claim() {
    let t = table(WINS);
    // Each side's figure is checked; the order they imply is not a finding of its own.
    let r = run("Sevilla had 22 wins, followed by Celta with 24.", &t);
    assert!(
        !r.findings.iter().any(|f| f.rule == "rank"),
        "{:?}",
        r.findings
    );
    // Without figures, the order is checked.
    let r = run("Sevilla had more wins than Celta.", &t);
    assert_eq!(errors(&r).len(), 1, "{:?}", r.findings);
}

#[test]
fn a_margin_or_a_distance_is_no_value() {
    let t = table(WINS);
    for s in [
        "Sevilla trailed Celta by 2 wins.",
        "Celta had more wins than Sevilla by 2.",
        "Sevilla was two wins before Celta.",
    ] {
        let r = run(s, &t);
        let c = r
            .claims
            .iter()
            .find(|c| c.text.contains('2') || c.text == "two");
        assert!(
            c.is_some_and(|c| c.status != Status::Inconsistent),
            "{s}: {:?}",
            r.claims
        );
    }
}

const DEBT: &str = "\
total: European Union
entities:
  European Union: [EU, bloc]
metrics:
  deficit: {terms: [deficit], unit: percent}
records:
  - {entity: Belgium, metric: deficit, period: 2023, value: 4.4}
  - {entity: European Union, metric: deficit, period: 2023, value: 3.5}
  - {entity: Italy, metric: deficit, period: 2023, value: 7.4}
  - {entity: Italy, metric: deficit, period: 2022, value: 8.6}
";

#[test]
fn a_name_after_a_superlative_is_its_scope() {
    let t = table(DEBT);
    let r = run(
        "Belgium, the fourth-most indebted country in the bloc, ran a deficit of 4.4%.",
        &t,
    );
    let c = claim(&r, "4.4%");
    assert_eq!(c.entity.as_deref(), Some("Belgium"));
    assert_eq!(c.status, Status::Consistent);
    let r = run(
        "Belgium, the fourth-most indebted country in the bloc, ran a deficit of 3.5%.",
        &t,
    );
    assert_eq!(claim(&r, "3.5%").status, Status::Inconsistent);
    // The table's whole as scope leaves a rank checkable; a set it lacks does not.
    let r = run("Italy had the largest deficit in the EU.", &t);
    assert_eq!(claim(&r, "the largest").status, Status::Consistent);
    let r = run("Belgium had the largest deficit in Europe.", &t);
    assert_eq!(claim(&r, "the largest").status, Status::Unverified);
    let r = run("Belgium had the largest deficit outside Italy.", &t);
    assert_eq!(claim(&r, "the largest").status, Status::Unverified);
}

#[test]
fn a_superlative_since_a_year_is_a_record_over_time() {
    let t = table(DEBT);
    let r = run("Belgium had the largest deficit since 1993.", &t);
    assert_eq!(claim(&r, "the largest").status, Status::Unverified);
    let r = run("Belgium had the largest deficit.", &t);
    assert_eq!(claim(&r, "the largest").status, Status::Inconsistent);
}

#[test]
fn a_name_that_ends_a_longer_name_is_part_of_it() {
    let t = table("metrics:\n  journeys: {terms: [journeys]}\nrecords:\n  - {entity: Northern, metric: journeys, period: 2023, value: 22.5}\n");
    let r = run("Trains of Great Northern carried 20 journeys.", &t);
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    let r = run("Trains run by Northern carried 20 journeys.", &t);
    assert_eq!(claim(&r, "20").status, Status::Inconsistent);
}

#[test]
fn a_ceiling_is_a_threshold() {
    let t = table(DEBT);
    let r = run("Belgium stayed below the 3% ceiling.", &t);
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    let r = run("Belgium ran a deficit of 3%.", &t);
    assert_eq!(claim(&r, "3%").status, Status::Inconsistent);
}

const ARRIVALS: &str = "\
current: 2023
metrics:
  arrivals: {terms: [arrivals, visitors]}
records:
  - {entity: France, metric: arrivals, period: 2023, value: 100}
  - {entity: France, metric: arrivals, period: 2022, value: 93}
  - {entity: France, metric: arrivals, period: 2021, value: 48.4}
  - {entity: France, metric: arrivals, period: 2019, value: 89.4}
";

#[test]
fn clauses_and_owners_date_their_figures() {
    let t = table(ARRIVALS);
    for (s, text) in [
        (
            "Arrivals were up on 2019, when France recorded 89.4 arrivals.",
            "89.4",
        ),
        ("France beat 2021's 48.4 arrivals.", "48.4"),
        ("As recently as 2021 France had just 48.4 arrivals.", "48.4"),
        ("France had 93 arrivals in the same quarter of 2022.", "93"),
    ] {
        let r = run(s, &t);
        assert_eq!(claim(&r, text).status, Status::Consistent, "{s}");
    }
    // Before an event the text does not date: the period is not stated.
    // Before an event the text does not date: the period is a guess, which may confirm
    // ("93", the row's year before 2023) but never refute.
    let r = run("France had 89.4 arrivals before the pandemic.", &t);
    assert_eq!(claim(&r, "89.4").status, Status::Unverified);
}

#[test]
fn a_year_inside_a_relative_clause_or_appositive_dates_only_it() {
    let t = table(ARRIVALS);
    let r = run(
        "France, whose traffic was held back for much of 2021, drew 100 arrivals.",
        &t,
    );
    assert_eq!(claim(&r, "100").status, Status::Consistent);
    let r = run(
        "France, the top destination in 2021, drew 100 arrivals.",
        &t,
    );
    assert_eq!(claim(&r, "100").status, Status::Consistent);
    // A year that opens the sentence dates it.
    let r = run("In 2021, France drew 100 arrivals.", &t);
    assert_eq!(claim(&r, "100").status, Status::Inconsistent);
}

#[test]
fn the_object_of_matched_does_not_take_the_figure() {
    let t = table("metrics:\n  tfr: {terms: [fertility, rate]}\nrecords:\n  - {entity: Italy, metric: tfr, period: 2023, value: 1.2}\n  - {entity: Japan, metric: tfr, period: 2023, value: 1.2}\n  - {entity: Italy, metric: tfr, period: 2022, value: 1.24}\n  - {entity: Japan, metric: tfr, period: 2022, value: 1.26}\n");
    let r = run("Italy matched Japan at a rate of 1.20, down from 1.24.", &t);
    assert_eq!(claim(&r, "1.24").status, Status::Consistent);
    let r = run("Italy matched Japan at a rate of 1.20, down from 1.26.", &t);
    assert_eq!(claim(&r, "1.26").status, Status::Inconsistent);
}

#[test]
fn a_product_name_narrows_what_is_counted() {
    let t = table("metrics:\n  launches: {terms: [launches, flights]}\nrecords:\n  - {entity: SpaceX, metric: launches, period: 2023, value: 98}\n");
    let r = run("SpaceX flew 91 Falcon 9 flights.", &t);
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    let r = run("SpaceX flew 91 flights.", &t);
    assert_eq!(claim(&r, "91").status, Status::Inconsistent);
}

#[test]
fn an_unsigned_size_meets_a_change_of_either_sign() {
    let t = table("metrics:\n  annual_change: {terms: [prices], kind: change, unit: percent}\nrecords:\n  - {entity: Germany, metric: annual_change, period: 2023, value: -10.2}\n");
    let r = run("In Germany the fall in prices was 10.2% in 2023.", &t);
    assert_eq!(claim(&r, "10.2%").status, Status::Consistent);
    // A direction word gives the sign, and a wrong one is found.
    let r = run("In Germany prices rose 10.2% in 2023.", &t);
    assert_eq!(errors(&r), vec![("trend", "rose 10.2")]);
}

#[test]
fn a_spread_over_rows_is_no_change() {
    let t = table("metrics:\n  uninsured: {terms: [uninsured, rates]}\nrecords:\n  - {entity: Massachusetts, metric: uninsured, period: 2022, value: 2.4}\n  - {entity: Texas, metric: uninsured, period: 2022, value: 16.6}\n");
    let r = run(
        "Uninsured rates ranged from 2.4% in Massachusetts to 16.6% in Texas.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    assert_eq!(claim(&r, "16.6%").entity.as_deref(), Some("Texas"));
}

#[test]
fn size_words_on_a_rank_itself_are_ambiguous() {
    let t = table("metrics:\n  rank: {terms: [rank, ranked], unit: rank}\nrecords:\n  - {entity: Sweden, metric: rank, period: all, value: 6}\n  - {entity: France, metric: rank, period: all, value: 7}\n");
    let r = run("Sweden had a lower rank than France.", &t);
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    // "ranked higher" speaks of the place: the better one.
    let r = run("France was ranked higher than Sweden.", &t);
    assert_eq!(errors(&r).len(), 1, "{:?}", r.findings);
}

const QUARTERS: &str = "\
current: 2023-Q4
metrics:
  annual_change: {terms: [prices, a year earlier], unit: percent, kind: change}
records:
  - {entity: Spain, metric: annual_change, period: 2023-Q4, value: 0.2}
  - {entity: Spain, metric: annual_change, period: 2023-Q3, value: -1.1}
";

#[test]
fn a_period_within_the_year_stated_is_the_tables_current_one() {
    let t = table(QUARTERS);
    // The year in force is 2023; the table's current quarter lies within it.
    let r = run("In 2023 prices in Spain rose 0.9% on a year earlier.", &t);
    assert_eq!(errors(&r).len(), 1, "{:?}", r.findings);
    let r = run(
        "In the fourth quarter of 2023 prices in Spain rose 0.2%.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    // "three months earlier" steps back to the row's other period, not to the year's.
    let r = run(
        "Prices in Spain had been 1.1% down three months earlier.",
        &t,
    );
    assert_eq!(claim(&r, "1.1%").status, Status::Consistent);
    let r = run(
        "Prices in Spain had been 1.5% down three months earlier.",
        &t,
    );
    assert_eq!(claim(&r, "1.5%").status, Status::Inconsistent);
}

#[test]
fn a_verb_of_small_movement_takes_its_direction_from_its_particle() {
    let t = table(QUARTERS);
    let r = run(
        "In the fourth quarter of 2023 prices in Spain edged down 0.2%.",
        &t,
    );
    assert_eq!(errors(&r).len(), 1, "{:?}", r.findings);
    let r = run(
        "In the fourth quarter of 2023 prices in Spain edged up 0.2%.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
}

const PHONES: &str = "\
metrics:
  shipments: {terms: [shipments], scale: 1000000}
records:
  - {entity: Transsion, metric: shipments, period: 2023, value: 94.9}
  - {entity: Transsion, metric: shipments, period: 2022, value: 72.6}
  - {entity: Xiaomi, metric: shipments, period: 2023, value: 145.9}
  - {entity: Xiaomi, metric: shipments, period: 2022, value: 153.1}
";

#[test]
fn a_pronoun_opening_a_sentence_speaks_of_the_row_named_before() {
    let t = table(PHONES);
    let r = run(
        "The fastest grower was Transsion. Its shipments rose to 94.9 million.",
        &t,
    );
    let c = claim(&r, "94.9 million");
    assert_eq!(c.entity.as_deref(), Some("Transsion"));
    assert_eq!(c.status, Status::Consistent);
    let r = run(
        "The fastest grower was Transsion. Its shipments rose to 99 million.",
        &t,
    );
    assert_eq!(claim(&r, "99 million").status, Status::Inconsistent);
    // Two rows named before: which one the pronoun means is not for the linker to guess.
    let r = run(
        "Transsion beat Xiaomi. Its shipments rose to 99 million.",
        &t,
    );
    assert_eq!(claim(&r, "99 million").status, Status::Unverified);
}

#[test]
fn a_change_computed_from_printed_figures_allows_their_rounding() {
    let t = table(PHONES);
    // 72.6 to 94.9 is 30.7% as printed, and anything from 30.6% to 30.9% before rounding.
    let r = run("Transsion's shipments jumped 30.8% in 2023.", &t);
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    let r = run("Transsion's shipments jumped 33% in 2023.", &t);
    assert_eq!(errors(&r).len(), 1, "{:?}", r.findings);
}

const VOTES: &str = "\
current: 2023
entities:
  CDU/CSU: [Union]
metrics:
  seats: {terms: [seats]}
  vote_share: {terms: [vote], unit: percent}
records:
  - {entity: BBB, metric: seats, period: 2023, value: 7}
  - {entity: BBB, metric: seats, period: 2021, value: 1}
  - {entity: CDA, metric: seats, period: 2023, value: 5}
  - {entity: CDA, metric: seats, period: 2021, value: 15}
  - {entity: SPD, metric: vote_share, period: 2023, value: 25.7}
  - {entity: CDU/CSU, metric: vote_share, period: 2023, value: 24.1}
";

#[test]
fn the_end_of_a_change_takes_its_start_only_within_its_clause() {
    let t = table(VOTES);
    let r = run(
        "BBB won seven seats, up from one, while CDA shrank to five from 15.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    assert_eq!(claim(&r, "five").entity.as_deref(), Some("CDA"));
}

#[test]
fn names_with_a_slash_and_titles_before_a_name_are_read() {
    let t = table(VOTES);
    let r = run(
        "The SPD won 25.7% of the vote against 24.1% for Chancellor Angela Merkel's CDU/CSU bloc.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    assert_eq!(claim(&r, "24.1%").entity.as_deref(), Some("CDU/CSU"));
    let r = run("The vote for the CDU/CSU was 22.1%.", &t);
    assert_eq!(claim(&r, "22.1%").status, Status::Inconsistent);
}

#[test]
fn a_participle_after_a_determiner_is_no_trend() {
    let t = table(VOTES);
    let r = run(
        "Squeezed by the rising cost of living, BBB won seven seats.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    // A participle that is the verb is still a trend, and a wrong one is found.
    let r = run("BBB's seats kept falling, to seven.", &t);
    assert_eq!(errors(&r).len(), 1, "{:?}", r.findings);
}

#[test]
fn a_decade_ago_dates_the_figure() {
    let t = table("metrics:\n  share: {terms: [share], unit: percent}\nrecords:\n  - {entity: Diesel, metric: share, period: 2023, value: 4}\n  - {entity: Diesel, metric: share, period: 2022, value: 5}\n");
    // 2013 is not in the table: unverified, not refuted against 2023.
    let r = run("Diesel had a share of 50% a decade ago.", &t);
    assert_eq!(claim(&r, "50%").status, Status::Unverified);
    let r = run("Diesel had a share of 50%.", &t);
    assert_eq!(claim(&r, "50%").status, Status::Inconsistent);
}

#[test]
fn a_superlative_before_a_category_noun_ranks_within_the_category() {
    let t = table("metrics:\n  registrations: {terms: [registrations, best-selling]}\nrecords:\n  - {entity: Tesla Model Y, metric: registrations, period: 2023, value: 35899}\n  - {entity: Ford Puma, metric: registrations, period: 2023, value: 48340}\n");
    let r = run("The Tesla Model Y was the best-selling electric car.", &t);
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    let r = run("The Tesla Model Y was the best-selling car.", &t);
    assert_eq!(claim(&r, "the best-selling").status, Status::Inconsistent);
}

const DRAFT_ROUNDS: &str = "\
metrics:
  round: {terms: [round]}
  pick: {terms: [pick]}
records:
  - {entity: Cody Ceci, metric: round, period: all, value: 1}
  - {entity: Cody Ceci, metric: pick, period: all, value: 15}
  - {entity: Chris Driedger, metric: round, period: all, value: 3}
";

#[test]
fn a_number_labelled_by_a_metrics_term_is_that_metrics_figure() {
    let t = table(DRAFT_ROUNDS);
    let r = run("Cody Ceci was taken in round 1.", &t);
    assert_eq!(claim(&r, "1").status, Status::Consistent);
    let r = run("Cody Ceci was taken in round 2.", &t);
    assert_eq!(claim(&r, "2").status, Status::Inconsistent);
    // A threshold is not a figure: "after round 5".
    let r = run("Chris Driedger was taken after round 2.", &t);
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    // A figure before a comma is not the next clause's subject's.
    let r = run(
        "Cody Ceci was the player for round 1, Chris Driedger was next.",
        &t,
    );
    assert_eq!(claim(&r, "1").entity.as_deref(), Some("Cody Ceci"));
}

#[test]
fn a_total_of_sums_and_names_no_total_row() {
    let t = table("metrics:\n  medals: {terms: [medals]}\nrecords:\n  - {entity: USSR, metric: medals, period: all, value: 25}\n  - {entity: Total, metric: medals, period: all, value: 90}\n");
    let r = run("The USSR had the most medals, at a total of 25.", &t);
    assert_eq!(claim(&r, "25").entity.as_deref(), Some("USSR"));
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    let r = run("The Total row shows 80 medals.", &t);
    assert_eq!(claim(&r, "80").status, Status::Inconsistent);
}

#[test]
fn a_share_of_a_group_the_table_lacks_is_no_rows_value() {
    let t = table("total: European Union\nentities:\n  European Union: [EU, bloc]\nmetrics:\n  tertiary: {terms: [tertiary], unit: percent}\nrecords:\n  - {entity: European Union, metric: tertiary, period: 2023, value: 43}\n");
    let r = run(
        "Across the bloc, 49% of young women hold a tertiary degree.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    let r = run(
        "Across the bloc, 49% of young people hold a tertiary degree.",
        &t,
    );
    assert_eq!(claim(&r, "49%").status, Status::Inconsistent);
}

#[test]
fn more_of_something_no_metric_names_is_no_rank() {
    let t = table("metrics:\n  unemployment: {terms: [unemployment, rate], unit: percent}\nrecords:\n  - {entity: Texas, metric: unemployment, period: 2023, value: 4.1}\n  - {entity: Ohio, metric: unemployment, period: 2023, value: 3.6}\n  - {entity: Utah, metric: unemployment, period: 2023, value: 2.8}\n");
    let r = run(
        "Texas, which added more jobs than any other state, held its rate at 4.1%.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    let r = run("Ohio had more unemployment than any other state.", &t);
    assert_eq!(errors(&r).len(), 1, "{:?}", r.findings);
}

#[test]
fn a_destination_is_not_the_subject() {
    let t = table("total: European Union\nentities:\n  European Union: [EU, bloc]\nmetrics:\n  share: {terms: [renewables, share], unit: percent}\nrecords:\n  - {entity: Greece, metric: share, period: 2022, value: 22.7}\n  - {entity: Greece, metric: share, period: 2021, value: 22.0}\n  - {entity: European Union, metric: share, period: 2021, value: 21.9}\n");
    let r = run(
        "Greece came close to the bloc's renewables share, up from 22.0% in 2021.",
        &t,
    );
    assert_eq!(claim(&r, "22.0%").entity.as_deref(), Some("Greece"));
    // A relative clause speaks of its name, with or without a comma.
    let r = run(
        "Greece trailed the EU which had a renewables share of 21.9% in 2021.",
        &t,
    );
    assert_eq!(claim(&r, "21.9%").status, Status::Consistent);
}

#[test]
fn the_only_place_an_article_names_is_inherited_by_sentences_that_name_none() {
    let t = table("total: Germany\nmetrics:\n  rainfall: {terms: [rain, rainfall], unit: mm}\nrecords:\n  - {entity: Germany, metric: rainfall, period: 2023, value: 958}\n");
    let r = run(
        "Germany had a wet year in 2023.\n\nThe year brought 985 mm of rain.",
        &t,
    );
    assert_eq!(claim(&r, "985 mm").status, Status::Inconsistent);
    // With no place named at all, the total is a default and refutes nothing.
    let r = run(
        "It was a wet year in 2023.\n\nThe year brought 985 mm of rain.",
        &t,
    );
    assert_eq!(claim(&r, "985 mm").status, Status::Unverified);
}

#[test]
fn an_opening_phrase_that_names_a_metric_frames_the_sentence() {
    let t = table("metrics:\n  annual_change: {terms: [prices, annual], unit: percent, kind: change}\n  quarterly_change: {terms: [previous quarter, quarterly], unit: percent, kind: change}\nrecords:\n  - {entity: Spain, metric: annual_change, period: 2023, value: 4.2}\n  - {entity: Spain, metric: quarterly_change, period: 2023, value: -0.7}\n");
    let r = run(
        "Compared with the previous quarter, prices in Spain fell 0.7%.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    let r = run(
        "Compared with the previous quarter, prices in Spain fell 0.9%.",
        &t,
    );
    assert_eq!(errors(&r).len(), 1, "{:?}", r.findings);
    // A clause with a subject of its own frames nothing.
    let r = run("Spain led on quarterly figures, and prices rose 4.2%.", &t);
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
}

#[test]
fn a_query_like_subject_gives_its_figure_the_head_metric() {
    let t = table(MEDALS);
    // The figure the subject is equated with speaks of the head ("silver"), not of the
    // condition's metric ("gold"): Spain's silver is 4.
    let r = run("The silver for Spain with more than 5 gold is 4.", &t);
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    assert_eq!(claim(&r, "4").metric.as_deref(), Some("silver"));
    let r = run("The silver for Spain with more than 5 gold is 7.", &t);
    assert_eq!(claim(&r, "7").status, Status::Inconsistent);
    // A head that names no metric leaves the figure without one.
    let r = run("The difference for Spain with 9 gold is 3.", &t);
    assert_ne!(claim(&r, "3").status, Status::Inconsistent);
    // A figure that is not the sentence's last is a condition's own.
    let r = run(
        "The record of Spain when the gold is higher than 12 is one.",
        &t,
    );
    assert_eq!(claim(&r, "higher than 12").status, Status::Inconsistent);
    assert_eq!(claim(&r, "one").status, Status::Unverified);
}

#[test]
fn the_fastest_time_is_the_lowest() {
    let t = table(
        "metrics:
  time: {terms: [time, times]}
  speed: {terms: [speed, top speed]}
records:
  - {entity: Jones, metric: time, period: 2024, value: 10.9}
  - {entity: Smith, metric: time, period: 2024, value: 11.2}
  - {entity: Brown, metric: time, period: 2024, value: 11.4}
  - {entity: Jones, metric: speed, period: 2024, value: 36}
  - {entity: Smith, metric: speed, period: 2024, value: 38}
  - {entity: Brown, metric: speed, period: 2024, value: 35}
",
    );
    for ok in [
        "Jones ran the fastest time.",
        "Smith ran the second fastest time.",
        "Brown ran the slowest time.",
        "Smith had the fastest top speed.",
    ] {
        let r = run(ok, &t);
        assert!(errors(&r).is_empty(), "{ok}: {:?}", r.findings);
    }
    for wrong in [
        "Brown ran the fastest time.",
        "Jones had the fastest top speed.",
    ] {
        let r = run(wrong, &t);
        assert_eq!(errors(&r).len(), 1, "{wrong}: {:?}", r.findings);
    }
}

#[test]
fn the_base_of_a_change_measures_what_its_level_measures() {
    let t = table(
        "metrics:
  units: {terms: [sold, consoles], scale: 1000000}
  annual: {terms: [annual, shipments], scale: 1000000}
records:
  - {entity: Switch, metric: units, period: 2024, value: 141.3}
  - {entity: Switch, metric: units, period: 2023, value: 125.6}
  - {entity: Switch, metric: annual, period: 2023, value: 18.0}
current: 2024
",
    );
    let r = run(
        "The Switch had sold 141.3 million consoles, the company said in its annual report, up from 125.6 million a year earlier.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    assert_eq!(claim(&r, "125.6 million").metric.as_deref(), Some("units"));
    let r = run(
        "The Switch had sold 141.3 million consoles, the company said in its annual report, up from 120 million a year earlier.",
        &t,
    );
    assert_eq!(claim(&r, "120 million").status, Status::Inconsistent);
}

#[test]
fn a_term_in_another_phrase_with_its_own_figure_is_that_figures() {
    let t = table(
        "metrics:
  worldwide: {terms: [worldwide, gross], unit: USD, scale: 1000000}
  opening: {terms: [opening], unit: USD, scale: 1000000}
  domestic: {terms: [domestic], unit: USD, scale: 1000000}
records:
  - {entity: Elemental, metric: worldwide, period: 2023, value: 496.4}
  - {entity: Elemental, metric: opening, period: 2023, value: 29.6}
  - {entity: Elemental, metric: domestic, period: 2023, value: 154.4}
",
    );
    let r = run(
        "Elemental: $496.4 million, after an opening of just $29.6 million.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    let r = run(
        "Elemental: $496.4 million, with $154.4 million of it domestic.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    // A term in another phrase with no figure of its own still names the figure.
    let r = run("Elemental took $35 million, its opening.", &t);
    assert_eq!(claim(&r, "$35 million").status, Status::Inconsistent);
}

#[test]
fn the_noun_a_figure_is_of_names_what_it_measures() {
    let t = table(
        "metrics:
  worldwide: {terms: [worldwide, gross], unit: USD, scale: 1000000}
records:
  - {entity: Indiana Jones, metric: worldwide, period: 2023, value: 384}
",
    );
    let r = run(
        "Indiana Jones took $384 million worldwide against a reported budget of nearly $300 million.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    assert_eq!(claim(&r, "nearly $300 million").status, Status::Unverified);
    // A generic measure word leaves the figure to the metric the sentence names.
    let r = run("Indiana Jones took a worldwide total of $300 million.", &t);
    assert_eq!(claim(&r, "$300 million").status, Status::Inconsistent);
}

const HOSTS: &str = "\
metrics:
  hosted: {terms: [host, hosted, sheltering, refugees], scale: 1000000}
records:
  - {entity: Iran, metric: hosted, period: 2023, value: 3.8}
  - {entity: Turkey, metric: hosted, period: 2023, value: 3.3}
  - {entity: Syria, metric: hosted, period: 2023, value: 0.6}
current: 2023
";

#[test]
fn one_standing_for_a_noun_counts_nothing() {
    let t = table(HOSTS);
    let r = run(
        "Iran hosted 3.8 million refugees, while the Syrian one hosted far fewer.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    let r = run(
        "Iran hosted 3.8 million refugees, while Turkey hosted one million.",
        &t,
    );
    assert_eq!(claim(&r, "one million").status, Status::Inconsistent);
}

#[test]
fn a_design_or_a_forecast_is_no_measured_value() {
    let t = table(HOSTS);
    let r = run("Iran is expected to host 5 million refugees.", &t);
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    let r = run("Iran hosted 5 million refugees.", &t);
    assert_eq!(claim(&r, "5 million").status, Status::Inconsistent);
}

#[test]
fn a_rank_held_for_a_span_of_years_is_a_record_over_time() {
    let t = table(HOSTS);
    let r = run(
        "Turkey, which had been the biggest host for nine years, slipped to second.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    let r = run("Turkey had been the biggest host in 2023.", &t);
    assert_eq!(errors(&r).len(), 1, "{:?}", r.findings);
}

#[test]
fn the_biggest_increase_ranks_a_change_not_a_level() {
    let t = table(HOSTS);
    let r = run(
        "Syria recorded the biggest increase in refugees hosted.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    let r = run("Syria recorded the biggest number of refugees hosted.", &t);
    assert_eq!(errors(&r).len(), 1, "{:?}", r.findings);
}

const CONSOLES: &str = "\
metrics:
  units: {terms: [sold, units], scale: 1000000}
records:
  - {entity: 3DS, metric: units, period: 2024, value: 75.94}
  - {entity: Switch, metric: units, period: 2024, value: 141.32}
  - {entity: Wii U, metric: units, period: 2024, value: 13.56}
";

#[test]
fn a_name_inside_a_closed_relative_clause_is_not_the_subject() {
    let t = table(CONSOLES);
    let r = run(
        "The 3DS, which the Switch effectively replaced, sold 75.94 million.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    assert_eq!(claim(&r, "75.94 million").entity.as_deref(), Some("3DS"));
    // An open relative clause still speaks of its own name.
    let r = run("The 3DS trails the Switch, which sold 75.94 million.", &t);
    assert_eq!(claim(&r, "75.94 million").status, Status::Inconsistent);
}

#[test]
fn the_object_of_as_much_as_is_not_the_subject_of_the_next_comparison() {
    let t = table(CONSOLES);
    let r = run(
        "The Switch sold almost twice as much as the 3DS, and more than ten times as much as the Wii U.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    let r = run(
        "The Switch sold almost twice as much as the 3DS, and more than twenty times as much as the Wii U.",
        &t,
    );
    assert_eq!(errors(&r).len(), 1, "{:?}", r.findings);
}

const STUDENTS: &str = "\
metrics:
  students: {terms: [students, sends]}
total: World
records:
  - {entity: World, metric: students, period: 2024, value: 1126690}
  - {entity: India, metric: students, period: 2024, value: 331602}
  - {entity: China, metric: students, period: 2024, value: 277398}
";

#[test]
fn a_share_held_together_is_no_single_rows_share() {
    let t = table(STUDENTS);
    let r = run(
        "India sends the most students, and the two countries together account for more than half of all students.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    let r = run("India accounts for more than half of all students.", &t);
    assert_eq!(errors(&r).len(), 1, "{:?}", r.findings);
}

#[test]
fn within_a_figure_of_another_row_is_a_gap() {
    let t = table(STUDENTS);
    let r = run("China closed to within 54,000 students of India.", &t);
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    let r = run("China sent 54,000 students, fewer than India.", &t);
    assert_eq!(claim(&r, "54,000").status, Status::Inconsistent);
}

const SEASONS: &str = "\
metrics:
  students: {terms: [students]}
current: \"2023/24\"
records:
  - {entity: Brazil, metric: students, period: \"2023/24\", value: 16877}
  - {entity: Brazil, metric: students, period: \"2022/23\", value: 16025}
  - {entity: Brazil, metric: students, period: \"2020/21\", value: 14000}
";

#[test]
fn a_season_is_a_period_written_either_way() {
    let t = table(SEASONS);
    for ok in [
        "Brazil had 14,000 students in 2020/21.",
        "Brazil had 14,000 students in 2020-21.",
        "Brazil now has 16,877 students, up from 16,025 a year earlier.",
        "Brazil's students now number 16,877; it had a year earlier sent 16,025 students.",
    ] {
        let r = run(ok, &t);
        assert!(errors(&r).is_empty(), "{ok}: {:?}", r.findings);
    }
    let r = run("Brazil had 16,025 students in 2020-21.", &t);
    assert_eq!(claim(&r, "16,025").status, Status::Inconsistent);
}

#[test]
fn the_row_a_subject_displaced_is_not_the_subject() {
    let t = table(STUDENTS);
    let r = run(
        "India sent 331,602 students and displaced China as the leading country of origin.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    let r = run(
        "China sent 277,398 students and displaced India as the leading country of origin.",
        &t,
    );
    assert_eq!(errors(&r).len(), 1, "{:?}", r.findings);
}

#[test]
fn a_rank_within_the_history_of_a_series_is_a_record_over_time() {
    let t = table(CONSOLES);
    let r = run(
        "The Wii U sold 13.56 million, the lowest in the long history of Nintendo home consoles.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    let r = run("The 3DS sold the fewest units of the three.", &t);
    assert_eq!(errors(&r).len(), 1, "{:?}", r.findings);
}

#[test]
fn a_superlative_that_qualifies_its_figure_is_checked_by_the_figure() {
    let t = table(CONSOLES);
    // "the lowest units of 75.94 million" states the 3DS's figure; the figure is right, and
    // the order it implies is not read on its own.
    let r = run("The 3DS had the lowest units of 75.94 million.", &t);
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    let r = run("The 3DS had the lowest units of 70 million.", &t);
    assert_eq!(claim(&r, "70 million").status, Status::Inconsistent);
    // Without a figure, the superlative still ranks.
    let r = run("The 3DS had the lowest units.", &t);
    assert_eq!(errors(&r).len(), 1, "{:?}", r.findings);
}

#[test]
fn a_bracketed_figure_belongs_to_the_words_before_its_bracket() {
    let t = table(MEDALS);
    let r = run(
        "France, where coach Dupont (7) led the team, won 3 golds.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    assert_eq!(claim(&r, "7").status, Status::Unverified);
    // After a name the tables know, or a metric's term, the figure is theirs.
    let r = run("France (7) led the gold table.", &t);
    assert_eq!(claim(&r, "7").status, Status::Inconsistent);
    let r = run("France won gold (7).", &t);
    assert_eq!(claim(&r, "7").status, Status::Inconsistent);
}

#[test]
fn a_place_inside_the_object_of_a_comparison_is_the_other_rows() {
    let t = table(CONSOLES);
    let r = run(
        "The Wii U sold far fewer units than the console ranked first.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    let r = run("The Wii U ranked first by units sold.", &t);
    assert_eq!(errors(&r).len(), 1, "{:?}", r.findings);
}

#[test]
fn an_exception_states_no_value() {
    let t = table(MEDALS);
    let r = run("France won silver in every event except one.", &t);
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    let r = run("France won one silver.", &t);
    assert_eq!(claim(&r, "one").status, Status::Inconsistent);
}

#[test]
fn than_misspelt_then_still_bounds() {
    let t = table(MEDALS);
    let r = run("France won less then 4 golds.", &t);
    assert_eq!(claim(&r, "less then 4").status, Status::Consistent);
    let r = run("France won more then 4 golds.", &t);
    assert_eq!(claim(&r, "more then 4").status, Status::Inconsistent);
}

#[test]
fn an_undated_table_holds_for_any_year_the_text_gives() {
    let t = table(
        "metrics:
  points: {terms: [points]}
records:
  - {entity: Gama, metric: points, period: all, value: 51}
  - {entity: Barueri, metric: points, period: all, value: 51}
",
    );
    let r = run("In 2007, Gama scored 51 points.", &t);
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    assert_eq!(claim(&r, "51").status, Status::Consistent);
    let r = run("In 2007, Gama scored 63 points.", &t);
    assert_eq!(claim(&r, "63").status, Status::Inconsistent);
    // A dated table without that year leaves the claim unverified.
    let t = table(
        "metrics:
  points: {terms: [points]}
records:
  - {entity: Gama, metric: points, period: 2008, value: 51}
",
    );
    let r = run("In 2007, Gama scored 63 points.", &t);
    assert_eq!(claim(&r, "63").status, Status::Unverified);
}

#[test]
fn a_difference_counted_in_a_noun_no_metric_names_is_unread() {
    let t = table(MEDALS);
    let r = run("France won 3 golds and had one less coach than Spain.", &t);
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    let r = run("France had one less gold than Spain.", &t);
    assert_eq!(errors(&r).len(), 1, "{:?}", r.findings);
}

#[test]
fn an_order_of_a_noun_no_metric_names_is_unread_and_never_a_row_against_itself() {
    let t = table(MEDALS);
    let r = run(
        "Spain earned two fewer coaches than France, yet won more gold than France.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    // A term right before the comparative, or inside the noun's phrase, names the metric.
    let r = run("France won more gold than Spain.", &t);
    assert_eq!(errors(&r).len(), 1, "{:?}", r.findings);
    let r = run("France has more shiny golds than Spain.", &t);
    assert_eq!(errors(&r).len(), 1, "{:?}", r.findings);
}

#[test]
fn a_share_dated_back_from_an_unstated_present_is_unread() {
    let t = table(STUDENTS);
    let r = run(
        "India, which sent more than half of all students a decade ago, now sends fewer.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    let r = run("India sends more than half of all students.", &t);
    assert_eq!(errors(&r).len(), 1, "{:?}", r.findings);
}

#[test]
fn the_plural_of_a_products_name_counts_that_product() {
    let t = table(
        "metrics:
  launches: {terms: [launches, rockets]}
records:
  - {entity: Europe, metric: launches, period: 2023, value: 3}
",
    );
    let r = run("Europe flew three rockets, two Ariane 5s and a Vega.", &t);
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    let r = run("Europe flew two rockets.", &t);
    assert_eq!(claim(&r, "two").status, Status::Inconsistent);
}

#[test]
fn a_year_of_a_closed_relative_clause_does_not_date_the_rank_after_it() {
    let t = table(
        "metrics:
  rate: {terms: [deaths per million, rate]}
current: 2023
records:
  - {entity: Bulgaria, metric: rate, period: 2023, value: 82}
  - {entity: Romania, metric: rate, period: 2023, value: 81}
  - {entity: Romania, metric: rate, period: 2022, value: 86}
  - {entity: Bulgaria, metric: rate, period: 2022, value: 80}
",
    );
    let r = run(
        "Romania, which had topped the table in 2022 with 86 deaths per million, improved to 81 and slipped to second place.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    let r = run(
        "Romania, which had topped the table in 2022 with 86 deaths per million, improved to 81 and slipped to first place.",
        &t,
    );
    // First was Romania's place in 2022, not in 2023.
    assert_eq!(errors(&r).len(), 1, "{:?}", r.findings);
}

const FOREST: &str = "\
metrics:
  forest_area: {terms: [forest, forests], unit: hectares}
  annual_net_gain: {terms: [net gain, added], kind: rate, unit: hectares}
current: 2020
total: World
records:
  - {entity: World, metric: forest_area, period: 2020, value: 4058900000}
  - {entity: World, metric: forest_area, period: 1990, value: 4236400000}
  - {entity: China, metric: forest_area, period: 2020, value: 220000000}
  - {entity: China, metric: annual_net_gain, period: 2020, value: 1937000}
  - {entity: Russia, metric: forest_area, period: 2020, value: 815300000}
";

#[test]
fn a_verb_of_loss_after_the_figure_makes_it_a_change() {
    let t = table(FOREST);
    let r = run(
        "Since 1990 some 178 million hectares of the world's forest have disappeared.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    let r = run("The world had 178 million hectares of forest in 1990.", &t);
    assert_eq!(errors(&r).len(), 1, "{:?}", r.findings);
}

#[test]
fn the_verb_a_figure_is_the_object_of_names_its_metric_before_an_of_phrase() {
    let t = table(FOREST);
    let r = run(
        "China added about 1.9 million hectares of forest a year.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    assert_eq!(
        claim(&r, "about 1.9 million hectares").metric.as_deref(),
        Some("annual_net_gain")
    );
    let r = run(
        "China added about 2.9 million hectares of forest a year.",
        &t,
    );
    assert_eq!(errors(&r).len(), 1, "{:?}", r.findings);
}

#[test]
fn a_share_of_another_rows_figure_is_no_share_of_a_whole() {
    let t = table(FOREST);
    let r = run("China's forest is about 27% of Russia's forest.", &t);
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    // The world's figure is the whole.
    let r = run("China holds about 27% of the world's forest.", &t);
    assert_eq!(errors(&r).len(), 1, "{:?}", r.findings);
}

#[test]
fn the_rest_of_a_population_is_a_group_the_table_does_not_list() {
    let t = table(
        "metrics:
  online: {terms: [online], unit: percent}
records:
  - {entity: Young people, metric: online, period: 2023, value: 79}
",
    );
    let r = run(
        "Young people lead the way: 79% of them were online, against 65% of the rest of the population.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    let r = run(
        "Young people lead the way: 79% of them were online, against 65% of the young.",
        &t,
    );
    assert_eq!(errors(&r).len(), 1, "{:?}", r.findings);
}

#[test]
fn a_where_clause_speaks_of_the_name_it_follows_and_of_heads_x_of_y() {
    let t = table(STUDENTS);
    let r = run(
        "India sent more students than China, where 277,398 students applied.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    let r = run(
        "India sent more students than China, where 331,602 students applied.",
        &t,
    );
    assert_eq!(errors(&r).len(), 1, "{:?}", r.findings);
    let t = table(
        "metrics:
  applications: {terms: [applications, filings]}
records:
  - {entity: Qualcomm, metric: applications, period: 2023, value: 3410}
  - {entity: United States, metric: applications, period: 2023, value: 55678}
",
    );
    let r = run(
        "Samsung filed more, ahead of Qualcomm of the United States, which was third with 3,410 applications.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
}

#[test]
fn a_when_clause_after_a_year_earlier_is_dated_by_it() {
    let t = table(
        "metrics:
  applications: {terms: [applications]}
current: 2023
records:
  - {entity: United States, metric: applications, period: 2023, value: 55678}
  - {entity: United States, metric: applications, period: 2022, value: 59056}
",
    );
    let r = run(
        "The United States total was 5.7% lower than a year earlier, when American applicants filed 59,056 applications.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    let r = run(
        "The United States total was 5.7% lower than a year earlier, when American applicants filed 55,678 applications.",
        &t,
    );
    assert_eq!(errors(&r).len(), 1, "{:?}", r.findings);
}

#[test]
fn the_whole_of_a_share_is_not_the_subject_of_what_follows() {
    let t = table(
        "metrics:
  production: {terms: [output, production, producer]}
current: 2023
total: World
records:
  - {entity: World, metric: production, period: 2023, value: 237}
  - {entity: World, metric: production, period: 2022, value: 262}
  - {entity: France, metric: production, period: 2023, value: 48}
  - {entity: France, metric: production, period: 2022, value: 45.6}
",
    );
    let r = run(
        "France made roughly a fifth of the global total, and its output rose from a year earlier.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    let r = run("World output rose from a year earlier.", &t);
    assert_eq!(errors(&r).len(), 1, "{:?}", r.findings);
}

#[test]
fn a_figure_coordinated_with_a_dated_one_shares_its_year() {
    let t = table(
        "metrics:
  applications: {terms: [applications]}
current: 2023
records:
  - {entity: Japan, metric: applications, period: 2022, value: 50345}
  - {entity: Japan, metric: applications, period: 2023, value: 48879}
  - {entity: South Korea, metric: applications, period: 2022, value: 22012}
  - {entity: South Korea, metric: applications, period: 2023, value: 22288}
",
    );
    let r = run(
        "Japan had filed 50,345 applications in 2022 and South Korea 22,012.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    let r = run(
        "Japan had filed 50,345 applications in 2022 and South Korea 22,288.",
        &t,
    );
    assert_eq!(errors(&r).len(), 1, "{:?}", r.findings);
    // A figure in its own clause after a comma is not dated by it.
    let r = run(
        "Japan had filed 50,345 applications in 2022, and South Korea now files 22,288.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
}

#[test]
fn the_predicate_of_a_part_names_its_metric() {
    let t = table(
        "metrics:
  forest_area: {terms: [forests, forest], unit: hectares}
  primary_forest: {terms: [primary forest], unit: hectares}
total: World
records:
  - {entity: World, metric: forest_area, period: 2020, value: 4058900000}
  - {entity: World, metric: primary_forest, period: 2020, value: 1110000000}
",
    );
    let r = run(
        "About 1.11 billion hectares of the world's forests are primary forest.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    let r = run(
        "About 1.5 billion hectares of the world's forests are primary forest.",
        &t,
    );
    assert_eq!(errors(&r).len(), 1, "{:?}", r.findings);
}

#[test]
fn a_sentence_that_opens_with_a_superlative_and_equates_it_with_a_figure_is_checked_by_it() {
    let t = table(MEDALS);
    let r = run("The highest silver for France with 3 gold is 2.", &t);
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    let r = run("The highest silver for France with 3 gold is 5.", &t);
    assert_eq!(claim(&r, "5").status, Status::Inconsistent);
}

const BUDGETS: &str = "\
metrics:
  spending: {terms: [military spending, spending, budget], unit: USD millions}
current: 2023
records:
  - {entity: Ukraine, metric: spending, period: 2023, value: 64800}
  - {entity: United States, metric: spending, period: 2023, value: 916000}
";

#[test]
fn a_sum_in_a_noun_no_table_holds_measures_that_noun() {
    let t = table(BUDGETS);
    let r = run(
        "On top of its own budget, Kyiv received $35 billion in military aid, \
         including $25.4 billion from the United States.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    assert!(claim(&r, "$25.4 billion")
        .reason
        .as_deref()
        .is_some_and(|w| w.contains("military aid")));
    // A sum "in" a year, a place or "in total" is still the metric's.
    let r = run(
        "Military spending in the United States came to $816 billion in 2023.",
        &t,
    );
    assert_eq!(claim(&r, "$816 billion").status, Status::Inconsistent);
    let r = run("The United States spent $816 billion in total.", &t);
    assert_eq!(claim(&r, "$816 billion").status, Status::Inconsistent);
}

const SEATS: &str = "\
metrics:
  seats: {terms: [seats]}
records:
  - {entity: D66, metric: seats, period: 2017, value: 19}
  - {entity: D66, metric: seats, period: 2021, value: 24}
  - {entity: D66, metric: seats, period: 2023, value: 9}
";

#[test]
fn a_change_with_both_ends_stated_is_checked_against_its_ends() {
    let t = table(SEATS);
    // The year in the apposition does not make the change one into 2021.
    let r = run(
        "D66, the second-biggest party in 2021, slumped from 24 seats to nine.",
        &t,
    );
    assert!(
        !r.findings.iter().any(|f| f.rule == "trend"),
        "{:?}",
        r.findings
    );
    // A word that contradicts its own ends is wrong whatever the table says.
    let r = run("D66 rose from 24 seats to nine in 2023.", &t);
    assert!(
        r.findings.iter().any(|f| f.rule == "trend"),
        "{:?}",
        r.findings
    );
}

#[test]
fn a_change_of_a_noun_no_table_holds_is_not_the_rows() {
    let t = table(
        "metrics:
  debt: {terms: [debt], unit: percent}
records:
  - {entity: Portugal, metric: debt, period: 2022, value: 112.4}
  - {entity: Portugal, metric: debt, period: 2023, value: 99.1}
",
    );
    let r = run("Portugal cut its debt in 2023, as tax receipts surged.", &t);
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    // The row's own change is still checked, and so is a subject with a relative clause.
    let r = run("Portugal's debt surged in 2023.", &t);
    assert!(!errors(&r).is_empty(), "{:?}", r.findings);
    let r = run("The debt that Portugal owes surged in 2023.", &t);
    assert!(!errors(&r).is_empty(), "{:?}", r.findings);
}

const STEEL: &str = "\
source: {publisher: worldsteel, date: 2024-01-24}
current: 2023
metrics:
  production: {terms: [production, produced, made], unit: tonnes, scale: 1000000}
records:
  - {entity: Brazil, metric: production, period: 2023, value: 31.9}
  - {entity: Iran, metric: production, period: 2023, value: 31.1}
  - {entity: Vietnam, metric: production, period: 2023, value: 19.0}
  - {entity: Brazil, metric: production, period: 2022, value: 34.1}
";

#[test]
fn a_figure_in_megatonnes_or_in_the_tables_own_scale_meets_a_table_in_millions_of_tonnes() {
    let t = table(STEEL);
    for (text, figure) in [
        ("Brazil produced 31.9 Mt in 2023.", "31.9 Mt"),
        (
            "Brazil produced 31.9 million tonnes in 2023.",
            "31.9 million tonnes",
        ),
        ("Brazil produced 31.9 in 2023.", "31.9"),
        ("Brazil produced 31,900 kt in 2023.", "31,900 kt"),
    ] {
        let r = run(text, &t);
        assert_eq!(claim(&r, figure).status, Status::Consistent, "{text}");
    }
    let r = run("Iran made 31.1 Mt, just 0.8 Mt behind Brazil.", &t);
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    for text in [
        "Brazil produced 35.9 Mt in 2023.",
        "Iran made 31.1 Mt, just 1.8 Mt behind Brazil.",
    ] {
        let r = run(text, &t);
        assert_eq!(errors(&r).len(), 1, "{text}: {:?}", r.findings);
    }
}

#[test]
fn a_decade_ago_before_the_figure_in_its_clause_dates_it() {
    let t = table(STEEL);
    let r = run(
        "Vietnam, which a decade ago produced less than 6 Mt, turned out 19.0 Mt.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    let r = run("Vietnam produced less than 6 Mt.", &t);
    assert_eq!(errors(&r).len(), 1, "{:?}", r.findings);
}

#[test]
fn this_year_and_last_year_count_from_the_year_the_source_was_published() {
    let t = table(STEEL);
    // Published in 2024: "last year" is 2023, whatever year the article names most.
    let r = run(
        "In 2022 Brazil produced 34.1 Mt. Brazil produced 31.9 Mt last year.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    let r = run(
        "In 2022 Brazil produced 34.1 Mt. Brazil produced 34.1 Mt last year.",
        &t,
    );
    assert_eq!(errors(&r).len(), 1, "{:?}", r.findings);
    let shown = claim(&r, "34.1 Mt");
    assert_eq!(shown.period.as_deref(), Some("2022"));
}

const GROWTH: &str = "\
current: 2024
metrics:
  growth: {terms: [growth, grow, grew, expand], unit: percent, kind: change}
records:
  - {entity: Saudi Arabia, metric: growth, period: 2023, value: -0.8}
  - {entity: Saudi Arabia, metric: growth, period: 2024, value: 2.6}
  - {entity: Mexico, metric: growth, period: 2023, value: 3.2}
  - {entity: Mexico, metric: growth, period: 2024, value: 2.4}
";

#[test]
fn a_year_right_after_a_changes_own_size_dates_the_change() {
    let t = table(GROWTH);
    let r = run(
        "In 2023 output fell. Saudi Arabia grew 2.6% in 2024 and Mexico 2.4%.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    let r = run("In 2023 output fell. Saudi Arabia grew 3.6% in 2024.", &t);
    assert_eq!(errors(&r).len(), 1, "{:?}", r.findings);
}

#[test]
fn a_decimal_point_does_not_end_the_clause_of_a_forecast() {
    let t = table(GROWTH);
    let r = run(
        "In 2023, Saudi Arabia shrank, while Saudi Arabia is expected to expand 2.2% and Mexico 2.9%.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    let r = run("In 2023, Saudi Arabia shrank, and Mexico grew 2.9%.", &t);
    assert_eq!(errors(&r).len(), 1, "{:?}", r.findings);
}

const PRISONS: &str = "\
source: {publisher: World Prison Brief, date: 2021-12-01}
current: 2021
total: World
entities:
  World: [world]
metrics:
  prisoners: {terms: [prisoners, prison population], unit: people}
  rate: {terms: [rate, per 100,000], kind: rate}
records:
  - {entity: World, metric: prisoners, period: 2018, value: 10350000}
  - {entity: World, metric: prisoners, period: 2021, value: 10770000}
  - {entity: World, metric: rate, period: 2018, value: 145}
  - {entity: World, metric: rate, period: 2021, value: 140}
  - {entity: United States, metric: prisoners, period: 2018, value: 2121600}
  - {entity: United States, metric: prisoners, period: 2021, value: 2068800}
  - {entity: China, metric: prisoners, period: 2021, value: 1690000}
";

#[test]
fn a_lede_that_speaks_of_the_present_does_not_date_the_article_by_its_other_years() {
    let t = table(PRISONS);
    let article = "More than 10.77 million people are now held in prison, up from 10.35 million \
         in the previous edition, published in 2018.\n\nThe United States holds 2,068,800 prisoners.";
    let r = run(article, &t);
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    // A lede that dates itself still dates the article: a figure of 2018 agrees, one of
    // no period is wrong. (One of the table's current period, 2021, is a reading the
    // undated sentence allows too, and is left unverified.)
    let lede = "In 2018 the world held 10.35 million prisoners.\n\n";
    let r = run(
        &format!("{lede}The United States held 2,121,600 prisoners."),
        &t,
    );
    assert_eq!(claim(&r, "2,121,600").status, Status::Consistent);
    let r = run(
        &format!("{lede}The United States held 2,500,000 prisoners."),
        &t,
    );
    assert_eq!(errors(&r).len(), 1, "{:?}", r.findings);
    let r = run(
        &format!("{lede}The United States holds 2,068,800 prisoners."),
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
}

#[test]
fn the_denominator_of_a_rate_does_not_stand_between_a_figure_and_its_year() {
    let t = table(PRISONS);
    let r = run(
        "In 2018, the world rate was 145. It stood at 140 per 100,000 people in 2021.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    let r = run(
        "In 2018, the world rate was 145. It stood at 145 per 100,000 people in 2021.",
        &t,
    );
    assert_eq!(errors(&r).len(), 1, "{:?}", r.findings);
}

#[test]
fn with_a_pronoun_for_subject_the_owner_of_a_whole_is_not_the_row() {
    let t = table(PRISONS);
    let r = run(
        "The United States and China lead. It holds about a fifth of the world's prisoners, \
         although its total has fallen from 2,121,600 since 2018.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    // Named as the subject, the world is the row.
    let r = run("The world's prisoners numbered 2,121,600 in 2018.", &t);
    assert_eq!(errors(&r).len(), 1, "{:?}", r.findings);
}

const BATTERS: &str = "\
metrics:
  runs: {terms: [runs, scored]}
  wickets: {terms: [wickets]}
records:
  - {entity: Rachin Ravindra, metric: runs, period: 2023, value: 578}
  - {entity: Quinton de Kock, metric: runs, period: 2023, value: 594}
  - {entity: Australia, metric: runs, period: 2023, value: 241}
  - {entity: Mohammed Shami, metric: wickets, period: 2023, value: 24}
";

#[test]
fn an_age_after_a_name_and_the_object_of_outscored_are_not_the_figures_row() {
    let t = table(BATTERS);
    let r = run(
        "Rachin Ravindra, 23, outscored Quinton de Kock on his debut, with 578 runs.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    let r = run("Rachin Ravindra finished with 587 runs.", &t);
    assert_eq!(errors(&r).len(), 1, "{:?}", r.findings);
    let r = run("Rachin Ravindra, 23, scored 578 runs.", &t);
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    // A place's figure between commas is a value: "the largest were Germany, 329, and …".
    let r = run("The most runs came from Australia, 214, in the final.", &t);
    assert_eq!(errors(&r).len(), 1, "{:?}", r.findings);
}

#[test]
fn a_score_written_n_for_m_is_not_one_value() {
    let t = table(BATTERS);
    let r = run(
        "Australia finished on 241 for four, and Mohammed Shami took seven for 57 wickets.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    // "for" before a year, or after a figure with a unit, makes no score.
    let r = run("Australia made 214 runs for 2023.", &t);
    assert_eq!(errors(&r).len(), 1, "{:?}", r.findings);
}

const PER_PERSON: &str = "\
current: 2022
metrics:
  per_capita: {terms: [per person, each person], unit: tonnes}
  emissions: {terms: [emissions], unit: tonnes, scale: 1000000}
  land_use: {terms: [deforestation, land-use change], unit: tonnes, scale: 1000000}
total: World
records:
  - {entity: United States, metric: per_capita, period: 2022, value: 14.9}
  - {entity: China, metric: per_capita, period: 2022, value: 8.0}
  - {entity: World, metric: land_use, period: 2022, value: 4100}
  - {entity: World, metric: emissions, period: 2022, value: 36800}
";

#[test]
fn a_name_after_for_each_person_in_is_the_figures_row() {
    let t = table(PER_PERSON);
    let r = run(
        "The average American emitted 14.9 tonnes, compared with 8.0 tonnes for each person in China.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    let r = run(
        "The average American emitted 14.9 tonnes, compared with 9.0 tonnes for each person in China.",
        &t,
    );
    assert_eq!(errors(&r).len(), 1, "{:?}", r.findings);
}

#[test]
fn a_term_whose_figure_in_the_same_unit_stands_between_is_that_figures() {
    let t = table(PER_PERSON);
    let r = run(
        "Adding emissions from deforestation, estimated at 4.1 billion tonnes, brings the \
         world total to 40.9 billion tonnes.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    // Figures in a run of one unit with no comma share the term.
    let r = run(
        "The world's deforestation came to 4.1 billion tonnes and then 5.1 billion tonnes.",
        &t,
    );
    assert_eq!(errors(&r).len(), 1, "{:?}", r.findings);
}

#[test]
fn a_figure_in_apposition_to_a_dated_one_shares_its_period() {
    let t = table(GROWTH);
    let r = run(
        "In 2023 growth slowed. Saudi Arabia is expanding at 2.6% this year, a full 0.2 points ahead of Mexico.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    let r = run(
        "In 2023 growth slowed. Saudi Arabia is expanding at 2.6% this year, a full 4.0 points ahead of Mexico.",
        &t,
    );
    assert_eq!(errors(&r).len(), 1, "{:?}", r.findings);
}

#[test]
fn a_change_after_while_takes_the_subject_of_its_own_clause() {
    let t = table(
        "metrics:
  generation: {terms: [generation, generated], unit: TWh}
records:
  - {entity: Spain, metric: generation, period: 2022, value: 55.9}
  - {entity: Spain, metric: generation, period: 2023, value: 54.4}
  - {entity: Finland, metric: generation, period: 2022, value: 24.2}
  - {entity: Finland, metric: generation, period: 2023, value: 32.8}
",
    );
    let r = run(
        "Spain generated 54.4 TWh in 2023, while in Finland generation rose to 32.8 TWh.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    let r = run(
        "Finland generated 32.8 TWh in 2023, while neighbouring Spain rose to 54.4 TWh.",
        &t,
    );
    assert_eq!(errors(&r).len(), 1, "{:?}", r.findings);
}

const RICE: &str = "\
current: 2022
metrics:
  production: {terms: [production, output, harvested, grows, rice, producer], unit: tonnes}
records:
  - {entity: Bangladesh, metric: production, period: 2021, value: 56900000}
  - {entity: Bangladesh, metric: production, period: 2022, value: 57200000}
  - {entity: Pakistan, metric: production, period: 2022, value: 11000000}
  - {entity: Pakistan, metric: production, period: 2021, value: 13000000}
  - {entity: United States, metric: production, period: 2021, value: 8700000}
  - {entity: United States, metric: production, period: 2022, value: 7300000}
  - {entity: India, metric: production, period: 2021, value: 195000000}
  - {entity: India, metric: production, period: 2022, value: 196200000}
";

#[test]
fn a_factor_that_compares_two_rows_is_no_change_and_a_verbs_unknown_object_is_not_the_rows() {
    let t = table(RICE);
    let r = run(
        "Bangladesh now grows more than five times as much rice as Pakistan.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    let r = run(
        "The United States halved plantings in 2022 and harvested 7.3 million tonnes.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    // The row's own output halving is still a change of the row.
    let r = run("In the United States output halved in 2022.", &t);
    assert_eq!(errors(&r).len(), 1, "{:?}", r.findings);
}

#[test]
fn slipping_out_of_the_top_n_is_no_membership() {
    let t = table(RICE);
    let r = run("Pakistan slipped out of the top two producers in 2022.", &t);
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    let r = run("Pakistan is among the top two producers in 2022.", &t);
    assert_eq!(errors(&r).len(), 1, "{:?}", r.findings);
}

#[test]
fn the_row_passed_is_not_the_subject_of_what_follows() {
    let t = table(RICE);
    let r = run(
        "India moved further ahead of Bangladesh as its output rose to 196.2 million tonnes in 2022.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    // With a figure of its own, the row passed keeps it.
    let r = run(
        "India stayed ahead of Bangladesh, whose output rose to 57.9 million tonnes in 2022.",
        &t,
    );
    assert_eq!(errors(&r).len(), 1, "{:?}", r.findings);
}

#[test]
fn the_base_of_a_change_does_not_date_a_figure_coordinated_after_it() {
    let t = table(RICE);
    let r = run(
        "India harvested 196.2 million tonnes, up from 195 million in 2021 and more than \
         17 times as much as Pakistan.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
}

#[test]
fn up_to_after_a_verb_of_movement_is_the_level_reached_not_a_ceiling() {
    let t = table(
        "metrics:
  premiums: {terms: [premiums], unit: USD millions}
records:
  - {entity: World, metric: premiums, period: 2023, value: 2818000}
",
    );
    let r = run("World premiums inched up to $2.8 trillion in 2023.", &t);
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    // Read as a level, a wrong figure is wrong; "up to" alone stays a ceiling.
    let r = run("World premiums inched up to $3.1 trillion in 2023.", &t);
    assert_eq!(errors(&r).len(), 1, "{:?}", r.findings);
    let r = run("World premiums came to up to $2.8 trillion in 2023.", &t);
    assert_eq!(errors(&r).len(), 1, "{:?}", r.findings);
}

#[test]
fn a_clause_whose_subject_names_another_measure_takes_no_metric_from_the_paragraph() {
    let t = table(
        "metrics:
  inflows: {terms: [inflows, FDI], unit: USD millions}
entities:
  Developing economies: [developing countries]
records:
  - {entity: Developing economies, metric: inflows, period: 2023, value: 866700}
",
    );
    let para = "Developing economies drew FDI inflows of $867 billion in 2023.";
    let r = run(
        &format!("{para} The report warned that the investment gap in developing countries has widened to $4 trillion."),
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    // A subject that refers back to the figure, or stands for the row, keeps the metric.
    for subject in [
        "the total for developing countries",
        "the group of developing countries",
    ] {
        let r = run(
            &format!("{para} The report said that {subject} has widened to $4 trillion."),
            &t,
        );
        assert_eq!(
            claim(&r, "$4 trillion").status,
            Status::Inconsistent,
            "{subject}"
        );
    }
}

#[test]
fn a_dateline_names_where_the_story_was_filed_not_its_subject() {
    let t = table(
        "total: United States
metrics:
  homeless: {terms: [homeless, homelessness], unit: people}
records:
  - {entity: United States, metric: homeless, period: 2023, value: 653104}
  - {entity: Washington, metric: homeless, period: 2023, value: 28036}
",
    );
    let r = run(
        "WASHINGTON, Dec. 15, 2023 — Roughly 653,100 people experienced homelessness in 2023.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    // The same name in prose is the subject.
    let r = run(
        "In Washington, roughly 653,100 people experienced homelessness in 2023.",
        &t,
    );
    assert_eq!(errors(&r).len(), 1, "{:?}", r.findings);
}

#[test]
fn a_name_set_apart_by_outside_or_except_is_not_the_subject() {
    let t = table(
        "metrics:
  pm25: {terms: [PM2.5, polluted]}
records:
  - {entity: India, metric: pm25, period: 2023, value: 54.4}
  - {entity: Lahore, metric: pm25, period: 2023, value: 99.5}
",
    );
    for apart in ["outside India", "except India", "other than India"] {
        let r = run(
            &format!("Lahore, the most polluted city {apart}, registered a PM2.5 of 99.5 in 2023."),
            &t,
        );
        assert!(errors(&r).is_empty(), "{apart}: {:?}", r.findings);
    }
    // The name is the subject when nothing sets it apart.
    let r = run("Air in India registered a PM2.5 of 99.5 in 2023.", &t);
    assert_eq!(claim(&r, "99.5").status, Status::Inconsistent);
}

#[test]
fn a_paragraph_of_several_metrics_carries_none_into_the_next() {
    let t = table(
        "metrics:
  homeless: {terms: [homeless population], unit: people}
  unsheltered: {terms: [unsheltered], unit: people}
records:
  - {entity: California, metric: homeless, period: 2023, value: 181399}
  - {entity: California, metric: unsheltered, period: 2023, value: 123423}
  - {entity: New York, metric: homeless, period: 2023, value: 103200}
  - {entity: New York, metric: unsheltered, period: 2023, value: 4258}
",
    );
    let two = "California had the largest homeless population in 2023, 181,399. Of them, 123,423 were unsheltered.";
    let r = run(
        &format!("{two}\n\nNew York came next in 2023 with 103,200."),
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    // A paragraph that keeps to one metric still carries it.
    let one = "California had the largest homeless population in 2023, 181,399.";
    let r = run(
        &format!("{one}\n\nNew York came next in 2023 with 4,258."),
        &t,
    );
    assert_eq!(claim(&r, "4,258").status, Status::Inconsistent);
}

#[test]
fn the_whole_of_a_part_is_not_the_row_of_the_part() {
    let t = table(
        "metrics:
  laureates: {terms: [laureates], unit: people}
  prizes: {terms: [award, prizes]}
records:
  - {entity: United States, metric: laureates, period: 2024, value: 411}
  - {entity: Sweden, metric: laureates, period: 2024, value: 12}
",
    );
    let r = run(
        "After the award, the United States took seven of the 12 laureates in 2024.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    // A whole with its own row after the part is that row's.
    let r = run(
        "After the award, the United States took seven of the 13 laureates of Sweden in 2024.",
        &t,
    );
    assert_eq!(claim(&r, "13").status, Status::Inconsistent);
}

#[test]
fn a_forecast_or_a_condition_states_no_level_and_no_change() {
    let t = table(
        "metrics:
  sales: {terms: [sales], unit: USD millions}
records:
  - {entity: World, metric: sales, period: 2022, value: 574000}
  - {entity: World, metric: sales, period: 2023, value: 526800}
",
    );
    for said in [
        "World sales will reach $588.4 billion in 2023.",
        "The forecaster expects that world sales rise 13.1% in 2023.",
        "World sales would have to grow by 16.4% in 2023 to meet the goal.",
    ] {
        let r = run(said, &t);
        assert!(errors(&r).is_empty(), "{said}: {:?}", r.findings);
    }
    for said in [
        "World sales reached $588.4 billion in 2023.",
        "World sales grew by 16.4% in 2023.",
        // "Will" that opens a sentence is a name.
        "Will Smith said world sales reached $588.4 billion in 2023.",
    ] {
        let r = run(said, &t);
        assert_eq!(errors(&r).len(), 1, "{said}: {:?}", r.findings);
    }
}

#[test]
fn a_relative_clause_speaks_of_the_name_it_follows_and_a_year_after_than_dates_the_base() {
    let t = table(
        "metrics:
  exports: {terms: [exports, shipped]}
records:
  - {entity: India, metric: exports, period: 2021, value: 196}
  - {entity: India, metric: exports, period: 2022, value: 231}
  - {entity: Sri Lanka, metric: exports, period: 2021, value: 286}
  - {entity: Sri Lanka, metric: exports, period: 2022, value: 250}
",
    );
    let r = run(
        "In 2022 Sri Lanka shipped more than India, whose exports rose 18%.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    // Without the relative clause the rise is Sri Lanka's, which fell.
    let r = run(
        "In 2022 Sri Lanka shipped more than India, and its exports rose 18%.",
        &t,
    );
    assert_eq!(errors(&r).len(), 1, "{:?}", r.findings);
    // "than it did in 2021" dates what the order is compared with, not the order.
    let t = table(
        "metrics:
  exports: {terms: [exports, shipped]}
records:
  - {entity: India, metric: exports, period: 2021, value: 300}
  - {entity: India, metric: exports, period: 2022, value: 231}
  - {entity: Sri Lanka, metric: exports, period: 2021, value: 286}
  - {entity: Sri Lanka, metric: exports, period: 2022, value: 250}
",
    );
    let r = run(
        "Sri Lanka's exports came first, above what it shipped in 2021.",
        &t,
    );
    assert_eq!(errors(&r).len(), 1, "{:?}", r.findings);
    let r = run(
        "Sri Lanka's exports came first though it shipped less than it did in 2021.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
}

#[test]
fn a_superlative_on_a_noun_no_metric_names_or_on_a_narrower_kind_of_row_is_unread() {
    let t = table(
        "groups:
  city: [Lahore, New Delhi, Dhaka]
metrics:
  pm25: {terms: [PM2.5, polluted, production]}
records:
  - {entity: Lahore, metric: pm25, period: 2023, value: 99.5}
  - {entity: New Delhi, metric: pm25, period: 2023, value: 92.7}
  - {entity: Dhaka, metric: pm25, period: 2023, value: 80.2}
",
    );
    for said in [
        "In 2023 the PM2.5 of New Delhi made it the most polluted capital city.",
        "In 2023 New Delhi, with its PM2.5, had the highest per-capita consumption.",
        "New Delhi's production in 2023 made it the world's second-biggest exporter.",
    ] {
        let r = run(said, &t);
        assert!(errors(&r).is_empty(), "{said}: {:?}", r.findings);
    }
    for said in [
        "In 2023 New Delhi was the most polluted city.",
        "New Delhi had the highest PM2.5 in 2023.",
        "New Delhi was the third-most polluted city in 2023.",
    ] {
        let r = run(said, &t);
        assert!(!errors(&r).is_empty(), "{said}: {:?}", r.findings);
    }
}

#[test]
fn a_share_of_a_rows_own_figure_with_an_unnamed_part_is_unread() {
    let t = table(
        "total: All
metrics:
  laureates: {terms: [laureates]}
  gold: {terms: [gold]}
records:
  - {entity: All, metric: laureates, period: 2024, value: 1012}
  - {entity: United States, metric: laureates, period: 2024, value: 411}
  - {entity: United States, metric: gold, period: 2024, value: 40}
",
    );
    let r = run(
        "In 2024 about a third of US laureates were born abroad.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    // A row's share of the whole is still read.
    let r = run("In 2024 the US had about a third of all laureates.", &t);
    assert_eq!(errors(&r).len(), 1, "{:?}", r.findings);
}

#[test]
fn a_figure_with_its_own_noun_takes_no_term_that_belongs_to_another_figure() {
    let t = table(
        "metrics:
  prizes: {terms: [awarded, times]}
records:
  - {entity: Peace, metric: prizes, period: 2024, value: 105}
entities:
  Peace: [peace prize]
",
    );
    let r = run(
        "The peace prize has been awarded 105 times, to 111 individuals and 31 organisations.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    assert_eq!(claim(&r, "105").status, Status::Consistent);
    // A figure after the term with no noun of its own is still the term's.
    let r = run("By 2024 the peace prize had been awarded 111 times.", &t);
    assert_eq!(claim(&r, "111").status, Status::Inconsistent);
}

#[test]
fn a_part_of_the_top_of_an_order_counts_rows_not_the_orders_measure() {
    let t = table(
        "metrics:
  pm25: {terms: [PM2.5, polluted]}
records:
  - {entity: India, metric: pm25, period: 2023, value: 54.4}
",
    );
    let r = run(
        "In 2023 Indian cities filled 83 of the 100 most polluted spots.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    // The superlative's metric is still the figure's when no order is its whole.
    let r = run("In 2023 India was polluted at 83.", &t);
    assert_eq!(claim(&r, "83").status, Status::Inconsistent);
}

#[test]
fn a_clause_with_an_unknown_name_of_its_own_has_another_subject_for_its_change() {
    let t = table(
        "metrics:
  homeless: {terms: [homelessness, homeless]}
records:
  - {entity: United States, metric: homeless, period: 2022, value: 582462}
  - {entity: United States, metric: homeless, period: 2023, value: 653104}
entities:
  United States: [Americans, US]
",
    );
    let r = run(
        "In 2023 Americans saw homelessness climb, and the number of Hispanic people experiencing homelessness rose 28%.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    // A clause with no name of its own carries the subject on.
    let r = run(
        "In 2023 Americans saw homelessness climb, and the number experiencing homelessness rose 28%.",
        &t,
    );
    assert_eq!(errors(&r).len(), 1, "{:?}", r.findings);
}

#[test]
fn a_name_inside_an_apposition_after_the_subject_is_not_the_subject() {
    let t = table(
        "metrics:
  population: {terms: [population, residents]}
records:
  - {entity: California, metric: population, period: 2023, value: 38965193}
  - {entity: United States, metric: population, period: 2023, value: 334914895}
entities:
  United States: [Americans]
",
    );
    let r = run(
        "California, still home to nearly one in six Americans, had a population of just under 39 million in 2023.",
        &t,
    );
    assert_eq!(
        claim(&r, "just under 39 million").status,
        Status::Consistent
    );
    // A list of names is no apposition: the last name before the figure is its subject.
    let r = run(
        "California, Texas, Americans had a population of just under 39 million in 2023.",
        &t,
    );
    assert_ne!(
        claim(&r, "just under 39 million").status,
        Status::Consistent
    );
}

#[test]
fn a_figure_after_or_restates_the_figure_before_it() {
    let t = table(
        "metrics:
  population: {terms: [population, residents, people]}
records:
  - {entity: Ohio, metric: population, period: 2023, value: 11785935}
",
    );
    let r = run(
        "Ohio's population grew by 0.5% in 2023, or about 60,000 people, to 11.8 million.",
        &t,
    );
    assert_ne!(claim(&r, "about 60,000").status, Status::Inconsistent);
    assert_eq!(claim(&r, "11.8 million").status, Status::Consistent);
    // Without a figure before ", or" the figure is a level again.
    let r = run(
        "Ohio, or its cities and farms, had about 60,000 people in 2023.",
        &t,
    );
    assert_eq!(claim(&r, "about 60,000").status, Status::Inconsistent);
}

const STATES: &str = "\
metrics:
  population: {terms: [population, populous, residents]}
  population_rank: {terms: [population rank], unit: rank}
records:
  - {entity: Texas, metric: population, period: 2023, value: 30503301}
  - {entity: Ohio, metric: population, period: 2023, value: 11785935}
  - {entity: Georgia, metric: population, period: 2023, value: 11029227}
  - {entity: Utah, metric: population, period: 2023, value: 3417734}
";

#[test]
fn an_entity_alone_of_its_kind_ranks_with_the_rest_of_the_table() {
    // Georgia is a country to the gazetteer; among US states it is a state.
    let t = table(STATES);
    let r = run("Georgia is the second-most populous of these states.", &t);
    assert_eq!(claim(&r, "second-most").status, Status::Inconsistent);
    let r = run("Georgia is the third-most populous of these states.", &t);
    assert_eq!(claim(&r, "third-most").status, Status::Consistent);
}

#[test]
fn a_place_beyond_the_rows_ranked_is_in_a_longer_list() {
    let t = table(STATES);
    // Four rows cannot refute a ninth place: the list it counts is longer.
    let r = run("Utah ranked as the ninth-most populous state.", &t);
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    let r = run("Utah ranked as the second-most populous state.", &t);
    assert_eq!(claim(&r, "second-most").status, Status::Inconsistent);
    // A place in a record over time is not a place among the rows.
    let r = run(
        "Ohio's population was the third-largest in the 50-year census record.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
}

#[test]
fn a_percentage_more_or_fewer_than_another_row_is_relative_to_it() {
    let t = table(
        "metrics:
  hours: {terms: [hours, worked]}
  rate: {terms: [employment rate], unit: percent}
records:
  - {entity: Germany, metric: hours, period: 2023, value: 1343}
  - {entity: Mexico, metric: hours, period: 2023, value: 2207}
  - {entity: Germany, metric: rate, period: 2023, value: 77.4}
  - {entity: Mexico, metric: rate, period: 2023, value: 61.4}
",
    );
    // 1 - 1,343 / 2,207 = 39.1%; 2,207 / 1,343 - 1 = 64.3%.
    let r = run("Germany worked roughly 40% fewer hours than Mexico.", &t);
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    let r = run("Mexico worked about 64% more hours than Germany.", &t);
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    let r = run("Germany worked roughly 20% fewer hours than Mexico.", &t);
    assert_eq!(claim(&r, "roughly 20%").status, Status::Inconsistent);
    // On a metric in percent the figure may be points: 77.4 - 61.4 = 16.0.
    let r = run(
        "Germany's employment rate was 16% higher than Mexico's.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    // or a relative difference: 77.4 / 61.4 - 1 = 26.1%.
    let r = run(
        "Germany's employment rate was 26% higher than Mexico's.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    let r = run(
        "Germany's employment rate was 40% higher than Mexico's.",
        &t,
    );
    assert_eq!(claim(&r, "40%").status, Status::Inconsistent);
}

#[test]
fn a_share_of_a_whole_no_metric_names_is_not_read() {
    let t = table(
        "total: World
metrics:
  orders: {terms: [orders, ordered]}
records:
  - {entity: World, metric: orders, period: 2023, value: 42}
  - {entity: South Korea, metric: orders, period: 2023, value: 10}
  - {entity: China, metric: orders, period: 2023, value: 25}
",
    );
    // The whole is a kind of ship the table does not count, or the workers of a country.
    assert_clean(
        &[
            "South Korea took about 70% of the large gas carriers ordered.",
            "South Korea took about 70% of global tanker trade.",
            "About 70% of Korean shipyard workers are contractors.",
        ],
        &t,
    );
    // The whole the table holds: 10 / 42 = 24%.
    assert_status(
        &[
            "South Korea took about 70% of global orders.",
            "South Korea took about 70% of the world's orders.",
            "South Korea took about 70% of the orders market.",
        ],
        "about 70%",
        Status::Inconsistent,
        &t,
    );
}

#[test]
fn the_end_of_a_change_in_another_clause_keeps_its_own_metric() {
    let t = table(
        "metrics:
  cases: {terms: [cases, caseload]}
  notified: {terms: [notified, notifications]}
records:
  - {entity: India, metric: cases, period: 2022, value: 2820000}
  - {entity: India, metric: cases, period: 2023, value: 2800000}
  - {entity: India, metric: notified, period: 2022, value: 2420000}
  - {entity: India, metric: notified, period: 2023, value: 2520000}
",
    );
    let r = run(
        "India's caseload fell from 2.82 million, while the number of patients notified rose to 2.52 million.",
        &t,
    );
    assert_eq!(claim(&r, "2.52 million").status, Status::Consistent);
    // In the start's own clause the end measures what the start measures.
    let r = run(
        "India's caseload fell from 2.82 million to 2.52 million.",
        &t,
    );
    assert_eq!(claim(&r, "2.52 million").status, Status::Inconsistent);
}

const TB: &str = "\
total: World
entities:
  World: [global, world, worldwide]
metrics:
  cases: {terms: [cases, burden, caseload]}
  exports: {terms: [exports, exporting], unit: tonnes}
records:
  - {entity: World, metric: cases, period: 2023, value: 10800000}
  - {entity: India, metric: cases, period: 2023, value: 2800000}
  - {entity: World, metric: exports, period: 2023, value: 401000000}
";

#[test]
fn the_world_that_owns_the_whole_of_a_share_is_not_the_subject_of_other_figures() {
    let t = table(TB);
    let r = run(
        "India alone carried 26% of the global burden, with an estimated 2.8 million cases.",
        &t,
    );
    assert_eq!(
        claim(&r, "an estimated 2.8 million").status,
        Status::Consistent
    );
    // With no other name in the sentence the world is still its subject.
    let r = run(
        "The world's caseload was 10.8 million cases, 26% of the global burden of lung disease.",
        &t,
    );
    assert_eq!(claim(&r, "10.8 million").status, Status::Consistent);
    let r = run(
        "India alone carried 26% of the global burden, with an estimated 3.9 million cases.",
        &t,
    );
    assert_eq!(
        claim(&r, "an estimated 3.9 million").status,
        Status::Inconsistent
    );
}

#[test]
fn a_count_of_the_kind_of_thing_the_rows_are_is_no_rows_value() {
    let t = table(TB);
    // An acronym after "Global" is the noun it qualifies, not a longer name.
    let r = run(
        "Global LNG exports rose to 401 million tonnes, linking 20 exporting countries.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    assert_eq!(claim(&r, "401 million tonnes").status, Status::Consistent);
    assert_ne!(claim(&r, "20").status, Status::Inconsistent);
    let r = run("Global LNG exports rose to 20 million tonnes.", &t);
    assert_eq!(claim(&r, "20 million tonnes").status, Status::Inconsistent);
}

#[test]
fn a_duration_set_before_a_noun_describes_it() {
    let t = table(
        "metrics:
  hours: {terms: [hours, worked], unit: hours}
records:
  - {entity: Greece, metric: hours, period: 2023, value: 1897}
",
    );
    assert_clean(
        &[
            "Greece introduced a six-day week for some workers.",
            "Greek workers put in a 48-hour week at some plants.",
            "Hours in Greece hit a 30-year low.",
        ],
        &t,
    );
    let r = run("Greeks worked 1,700 hours in 2023.", &t);
    assert_eq!(claim(&r, "1,700 hours").status, Status::Inconsistent);
}

#[test]
fn an_aim_states_no_value() {
    let t = table(MEDALS);
    assert_clean(
        &[
            "France wants to win more than 5 golds.",
            "France aims for 12 golds.",
            "France has pledged to win 12 golds.",
        ],
        &t,
    );
    let r = run("France won 12 golds.", &t);
    assert_eq!(claim(&r, "12").status, Status::Inconsistent);
}

const RND: &str = "\
metrics:
  intensity: {terms: [spending, spender, research spending], unit: percent}
records:
  - {entity: Israel, metric: intensity, period: 2021, value: 5.56}
  - {entity: Israel, metric: intensity, period: 2022, value: 6.02}
  - {entity: United States, metric: intensity, period: 2021, value: 3.48}
  - {entity: United States, metric: intensity, period: 2022, value: 3.59}
  - {entity: Japan, metric: intensity, period: 2022, value: 3.41}
";

#[test]
fn a_figure_measured_another_way_is_not_the_tables() {
    let t = table(RND);
    assert_clean(
        &[
            "The United States remained the biggest spender in cash terms in 2022.",
            "US research spending grew 9% in real terms in 2022.",
            "US research spending grew 9% after inflation in 2022.",
            "Japan was the largest spender per capita in 2022.",
        ],
        &t,
    );
    let r = run(
        "The United States remained the biggest spender in 2022.",
        &t,
    );
    assert_eq!(claim(&r, "the biggest").status, Status::Inconsistent);
}

#[test]
fn a_place_once_held_or_contended_for_is_not_held_now() {
    let t = table(RND);
    assert_clean(
        &[
            "Japan, once the biggest spender, reported 3.41% in 2022.",
            "Japan was formerly the biggest spender in 2022.",
            "Japan, which vied with Israel for the top spot in research spending, reported 3.41% in 2022.",
            "Japan is battling Israel for the top spot in research spending in 2022.",
        ],
        &t,
    );
    let r = run("Japan, the biggest spender, reported 3.41% in 2022.", &t);
    assert_eq!(claim(&r, "the biggest").status, Status::Inconsistent);
    let r = run("Japan took the top spot in research spending in 2022.", &t);
    assert_eq!(claim(&r, "the top").status, Status::Inconsistent);
}

#[test]
fn the_year_an_article_names_most_does_not_rule_out_the_current_period() {
    let t = table(
        "current: 2024
metrics:
  maximum: {terms: [maximum, winter maximum], unit: km2}
records:
  - {entity: Arctic, metric: maximum, period: 2023, value: 14620000}
  - {entity: Arctic, metric: maximum, period: 2024, value: 15010000}
",
    );
    // 2023 is named in two sentences, so it is the article's year; the last sentence names
    // none, and its figure is the current period's.
    let article = "The 2023 peak was low.\n\nIn 2023 the ice was thin.\n\n\
         The Arctic winter maximum of 15.01 million square kilometres was reached on 14 March.";
    let r = run(article, &t);
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    assert_ne!(
        claim(&r, "15.01 million square kilometres").status,
        Status::Consistent
    );
    // A figure that agrees with neither reading is still wrong.
    let article = "The 2023 peak was low.\n\nIn 2023 the ice was thin.\n\n\
         The Arctic winter maximum of 15.51 million square kilometres was reached on 14 March.";
    let r = run(article, &t);
    assert_eq!(errors(&r).len(), 1, "{:?}", r.findings);
}

#[test]
fn the_year_of_the_noun_a_figure_is_of_dates_it() {
    let t = table(
        "current: 2023
metrics:
  admissions: {terms: [admissions, attendance]}
records:
  - {entity: France, metric: admissions, period: 2019, value: 213300000}
  - {entity: France, metric: admissions, period: 2023, value: 180800000}
",
    );
    let r = run(
        "French attendance was some 15% short of its 2019 level of 213.3 million.",
        &t,
    );
    assert_eq!(claim(&r, "213.3 million").status, Status::Consistent);
    let r = run(
        "French attendance was some 15% short of its 2019 level of 180.8 million.",
        &t,
    );
    assert_eq!(claim(&r, "180.8 million").status, Status::Inconsistent);
}

#[test]
fn a_change_whose_subject_is_a_part_of_it_is_not_the_rows_change() {
    let t = table(
        "current: 2023
metrics:
  population: {terms: [population, residents, people]}
records:
  - {entity: Florida, metric: population, period: 2022, value: 22245521}
  - {entity: Florida, metric: population, period: 2023, value: 22610726}
",
    );
    let r = run(
        "In Florida, net domestic migration added about 194,000 residents in 2023.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    // The row's own change: 22,610,726 - 22,245,521 = 365,205.
    let r = run("Florida added about 194,000 residents in 2023.", &t);
    assert_eq!(claim(&r, "about 194,000").status, Status::Inconsistent);
}

#[test]
fn a_decade_dates_a_figure_as_a_decade() {
    let t = table(
        "metrics:
  consumption: {terms: [consumption]}
records:
  - {entity: Japan, metric: consumption, period: 1990, value: 6500000}
  - {entity: Japan, metric: consumption, period: 2022, value: 4230000}
",
    );
    for text in [
        "Japan's consumption peaked at roughly 7 million in the mid-1990s.",
        "Japan's consumption was roughly 7 million in the 1990s.",
    ] {
        let r = run(text, &t);
        assert!(errors(&r).is_empty(), "{text}: {:?}", r.findings);
        assert_eq!(
            claim(&r, "roughly 7 million").period.as_deref(),
            Some("1990s")
        );
    }
    let r = run("Japan's consumption was roughly 7 million in 2022.", &t);
    assert_eq!(claim(&r, "roughly 7 million").status, Status::Inconsistent);
}

#[test]
fn a_share_held_by_a_noun_no_table_holds_is_not_a_rows() {
    let t = table(
        "metrics:
  intensity: {terms: [research, research spending], unit: percent}
records:
  - {entity: OECD, metric: intensity, period: 2022, value: 2.73}
  - {entity: Japan, metric: intensity, period: 2022, value: 3.41}
",
    );
    let r = run(
        "Across the OECD, businesses performed about 73% of all research in 2022.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    let r = run("Japan performed about 73% of all research in 2022.", &t);
    assert_eq!(claim(&r, "about 73%").status, Status::Inconsistent);
}

#[test]
fn a_capitalised_word_before_a_noun_does_not_hide_what_a_number_counts() {
    let t = table(
        "metrics:
  numeric_change: {terms: [gained, lost, added], kind: change}
records:
  - {entity: Texas, metric: numeric_change, period: 2023, value: 473453}
",
    );
    let r = run("Texas gained two House seats after the 2020 count.", &t);
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    assert_ne!(claim(&r, "two").status, Status::Consistent);
    let r = run("Texas gained about 470,000 in 2023.", &t);
    assert_eq!(claim(&r, "about 470,000").status, Status::Consistent);
}

#[test]
fn a_place_given_with_a_figure_ranks_by_that_figures_metric() {
    let t = table(
        "metrics:
  spending: {terms: [spending, spent], unit: USD millions}
  real_change: {terms: [increase], kind: change, unit: percent}
records:
  - {entity: United States, metric: spending, period: 2023, value: 916000}
  - {entity: China, metric: spending, period: 2023, value: 296000}
  - {entity: India, metric: spending, period: 2023, value: 83600}
  - {entity: United States, metric: real_change, period: 2023, value: 2.3}
  - {entity: China, metric: real_change, period: 2023, value: 6.0}
  - {entity: India, metric: real_change, period: 2023, value: 4.2}
",
    );
    // Third by spending, second by the increase.
    let r = run("India came third at $83.6 billion, a 4.2% increase.", &t);
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    assert_eq!(claim(&r, "third").status, Status::Consistent);
    let r = run("India came second at $83.6 billion, a 4.2% increase.", &t);
    assert_eq!(claim(&r, "second").status, Status::Inconsistent);
}

const COCOA: &str = "\
current: 2023/24
total: World
metrics:
  production: {terms: [production, harvest, grew, producer], unit: tonnes}
records:
  - {entity: World, metric: production, period: 2022/23, value: 5044000}
  - {entity: World, metric: production, period: 2023/24, value: 4382000}
  - {entity: Nigeria, metric: production, period: 2022/23, value: 285000}
  - {entity: Nigeria, metric: production, period: 2023/24, value: 340000}
  - {entity: Ghana, metric: production, period: 2022/23, value: 654000}
  - {entity: Ghana, metric: production, period: 2023/24, value: 531000}
";

#[test]
fn a_change_between_seasons_is_checked_against_the_season_before() {
    let t = table(COCOA);
    // "harvest" ends in "-est" but is no superlative: Nigeria is the subject.
    let r = run("Nigeria's harvest slipped to 340,000 tonnes.", &t);
    assert_eq!(claim(&r, "slipped").status, Status::Inconsistent);
    let r = run("Nigeria's harvest rose to 340,000 tonnes.", &t);
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    assert_eq!(claim(&r, "rose").status, Status::Consistent);
}

#[test]
fn a_percentage_of_a_whole_after_a_verb_of_change_is_a_share() {
    let t = table(COCOA);
    // 531,000 / 4,382,000 = 12.1%; Ghana's harvest fell, which "grew" does not say here.
    let r = run("Ghana grew about 12% of the world's cocoa.", &t);
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    let r = run("Ghana grew about 30% of the world's cocoa.", &t);
    assert_eq!(claim(&r, "about 30%").status, Status::Inconsistent);
    // A vague count counts the noun after "of".
    let r = run(
        "Ghana's harvest shrank after drought destroyed thousands of farms.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
}

#[test]
fn a_bare_figure_after_a_figure_of_something_no_table_holds_leaves_its_noun_unsaid() {
    let t = table(
        "current: 2023
metrics:
  population: {terms: [population, residents, people]}
records:
  - {entity: Florida, metric: population, period: 2022, value: 22245521}
  - {entity: Florida, metric: population, period: 2023, value: 22610726}
  - {entity: Texas, metric: population, period: 2023, value: 30503301}
",
    );
    let r = run(
        "In Florida, net domestic migration added about 194,000 residents, while Texas drew about 187,000.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    // After a figure the table holds, a bare figure is read again.
    let r = run(
        "Florida had about 22.6 million residents, while Texas had about 187,000.",
        &t,
    );
    assert_eq!(claim(&r, "about 187,000").status, Status::Inconsistent);
}

#[test]
fn a_count_of_the_names_listed_after_it_is_no_table_value() {
    let t = table(
        "metrics:
  laureates: {terms: [laureates], unit: people}
records:
  - {entity: United Kingdom, metric: laureates, period: 2024, value: 138}
  - {entity: Germany, metric: laureates, period: 2024, value: 115}
",
    );
    assert_clean(
        &[
            "Britain's two laureates, Hassabis and Jumper, work in London.",
            "Germany's three laureates (Hahn, Born and Planck) are famous.",
            "Germany has four laureates: Hahn, Born, Mann and Planck.",
        ],
        &t,
    );
    // A list of another length, or none, leaves the figure a value.
    let r = run(
        "Britain's two laureates, Hassabis, Jumper and Hinton, work in London.",
        &t,
    );
    assert_eq!(claim(&r, "two").status, Status::Inconsistent);
    let r = run("Britain has two laureates, the society says.", &t);
    assert_eq!(claim(&r, "two").status, Status::Inconsistent);
}

#[test]
fn a_name_that_narrows_another_figure_is_not_the_subject_after_the_verb() {
    let t = table(
        "metrics:
  laureates: {terms: [laureates], unit: people}
  prizes: {terms: [prizes]}
records:
  - {entity: Economics, metric: laureates, period: 2024, value: 96}
  - {entity: Economics, metric: prizes, period: 2024, value: 56}
  - {entity: Physics, metric: laureates, period: 2024, value: 227}
",
    );
    // The subject is the 627 prizes; "in economics" only narrows them.
    let r = run(
        "Since 1901, 627 Nobel Prizes and prizes in economics have gone to 1,012 laureates.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    // With the name as the subject, the figure after the verb is its own.
    let r = run("Since 1901, economics has honoured 1,012 laureates.", &t);
    assert_eq!(claim(&r, "1,012").status, Status::Inconsistent);
    // And the two ends of a change after a name keep it.
    let r = run("Laureates rose from 90 in economics to 1,012 by 2024.", &t);
    assert_eq!(claim(&r, "1,012").status, Status::Inconsistent);
}

#[test]
fn a_name_that_opens_a_longer_proper_name_is_part_of_it() {
    let t = table(
        "entities:
  European Union: [EU]
metrics:
  applicants: {terms: [applications, applicants], unit: people}
records:
  - {entity: European Union, metric: applicants, period: 2023, value: 1049020}
  - {entity: Germany, metric: applicants, period: 2023, value: 329035}
",
    );
    // An agency named after a country is not the country.
    let r = run(
        "The Germany Trade Agency recorded about 400,000 applications in 2023.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    let r = run("Germany recorded about 400,000 applications in 2023.", &t);
    assert_eq!(claim(&r, "about 400,000").status, Status::Inconsistent);
    // An agency named after the bloc is not the bloc.
    let r = run(
        "The EU Agency for Asylum recorded about 1.14 million applications in 2023.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    let r = run(
        "The EU recorded about 1.14 million applications in 2023.",
        &t,
    );
    assert_eq!(claim(&r, "about 1.14 million").status, Status::Inconsistent);
    // A name of several words opens a longer name too.
    let r = run(
        "The European Union Agency for Asylum recorded about 1.14 million applications in 2023.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
}

#[test]
fn the_year_of_an_article_opening_does_not_refute_a_figure_of_the_current_period() {
    let t = table(
        "current: 2023
total: World
metrics:
  production: {terms: [production, output], unit: t}
records:
  - {entity: World, metric: production, period: 2022, value: 146000}
  - {entity: World, metric: production, period: 2023, value: 180000}
  - {entity: Chile, metric: production, period: 2022, value: 38000}
  - {entity: Chile, metric: production, period: 2023, value: 44000}
",
    );
    let opening = "# Lithium output rises again\n\nThe survey put the 2022 world total at 146,000 tonnes of production.\n\n";
    // The opening dates its figure 2022, and no year stands in the later sentence: the
    // current period is a reading it allows, and the start of a change cannot be later
    // than its end.
    let r = run(
        &format!("{opening}Chile lifted production to 44,000 tonnes from 38,000."),
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    // A figure that agrees with no period is still wrong.
    let r = run(
        &format!("{opening}Chile lifted production to 51,000 tonnes."),
        &t,
    );
    assert_eq!(claim(&r, "51,000 tonnes").status, Status::Inconsistent);
}

#[test]
fn the_base_of_a_rate_and_an_age_band_are_no_values() {
    let t = table(
        "metrics:
  beds: {terms: [beds, bed]}
  diabetics: {terms: [adults, diabetes], unit: people}
records:
  - {entity: Mexico, metric: beds, period: 2021, value: 1.0}
  - {entity: Mexico, metric: diabetics, period: 2021, value: 14.1}
",
    );
    assert_clean(
        &[
            "Mexico had 1.0 bed per 1,000 people. It had 2.9 nurses per 1,000 people.",
            "Mexico had 1.0 bed per 1,000 people. It had one doctor for every 1,000 people.",
            "In Mexico, adults aged 20 to 79 are counted for diabetes.",
            "In Mexico, diabetes is counted over the age of 20.",
        ],
        &t,
    );
    // The rate's own figure is still a value.
    let r = run("Mexico had 2.5 beds per 1,000 people.", &t);
    assert_eq!(claim(&r, "2.5").status, Status::Inconsistent);
}

#[test]
fn a_name_followed_by_on_and_a_figure_owns_it() {
    let t = table(
        "metrics:
  score: {terms: [score, scored]}
records:
  - {entity: Caltech, metric: score, period: 2025, value: 90.9}
  - {entity: UCL, metric: score, period: 2025, value: 91.6}
  - {entity: Harvard, metric: score, period: 2025, value: 96.8}
",
    );
    // The figure after "behind UCL on" is UCL's, not the subject's.
    let r = run(
        "Caltech's overall score of 90.9 left it just behind UCL on 91.6.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    let r = run("Caltech's score left it just behind UCL on 92.6.", &t);
    assert_eq!(claim(&r, "92.6").status, Status::Inconsistent);
    assert_eq!(claim(&r, "92.6").entity.as_deref(), Some("UCL"));
    // And in a list: "with Harvard on 96.8".
    let r = run("Caltech scored 90.9, with Harvard on 95.8.", &t);
    assert_eq!(claim(&r, "95.8").entity.as_deref(), Some("Harvard"));
}

#[test]
fn percentage_points_change_only_a_percentage() {
    let t = table(
        "metrics:
  capacity: {terms: [capacity, fleet]}
  share: {terms: [share], unit: percent}
records:
  - {entity: MSC, metric: capacity, period: 2022, value: 4640000}
  - {entity: MSC, metric: capacity, period: 2023, value: 5710000}
  - {entity: MSC, metric: share, period: 2022, value: 17.6}
  - {entity: MSC, metric: share, period: 2023, value: 20.1}
",
    );
    let r = run(
        "In 2023, MSC's fleet capacity rose by about 2.5 percentage points.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    // On a percentage, the points are checked.
    let r = run(
        "In 2023, MSC's share rose by about 6 percentage points.",
        &t,
    );
    assert!(!errors(&r).is_empty(), "{:?}", r.claims);
}

#[test]
fn an_as_that_opens_a_clause_gives_it_its_own_subject() {
    let t = table(
        "current: 2023
total: World
entities:
  World: [world]
metrics:
  capacity: {terms: [capacity, fleet]}
records:
  - {entity: World, metric: capacity, period: 2022, value: 26300000}
  - {entity: World, metric: capacity, period: 2023, value: 28400000}
  - {entity: MSC, metric: capacity, period: 2022, value: 4640000}
  - {entity: MSC, metric: capacity, period: 2023, value: 5710000}
",
    );
    // The world's fleet grew 8%; MSC's grew 23%.
    let r = run(
        "MSC widened its lead as the world's container fleet grew 8%.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    let r = run(
        "MSC widened its lead as the world's container fleet grew 23%.",
        &t,
    );
    assert!(!errors(&r).is_empty(), "{:?}", r.claims);
    // An "as" that compares or names a role opens no clause.
    let r = run(
        "MSC's fleet grew 8%, cementing its place as the largest carrier.",
        &t,
    );
    assert!(!errors(&r).is_empty(), "{:?}", r.claims);
}

#[test]
fn a_share_held_by_a_group_a_demonym_qualifies_is_not_the_place() {
    let t = table(
        "total: European Union
metrics:
  admissions: {terms: [admissions, tickets]}
records:
  - {entity: European Union, metric: admissions, period: 2023, value: 647000000}
  - {entity: France, metric: admissions, period: 2023, value: 180800000}
",
    );
    assert_clean(
        &[
            "French films took about 40% of admissions.",
            "French distributors earned about 40% of admissions.",
        ],
        &t,
    );
    // The place itself, or its own noun of trade, holds the share.
    assert_status(
        &[
            "France took about 40% of admissions.",
            "French exporters took about 40% of admissions.",
        ],
        "about 40%",
        Status::Inconsistent,
        &t,
    );
}

#[test]
fn a_figure_a_noun_of_difference_is_or_that_separates_two_rows_is_no_level() {
    let t = table(
        "metrics:
  score: {terms: [score, scored, points]}
  capacity: {terms: [capacity, fleet]}
records:
  - {entity: Imperial, metric: score, period: 2025, value: 98.5}
  - {entity: Cambridge, metric: score, period: 2025, value: 96.7}
  - {entity: MSC, metric: capacity, period: 2023, value: 5710000}
  - {entity: Maersk, metric: capacity, period: 2023, value: 4130000}
",
    );
    assert_clean(
        &[
            "Cambridge scored 96.7, so fewer than two points separated Imperial from Cambridge.",
            "MSC's fleet is larger than Maersk's, a gap that was only about 400,000 a year earlier.",
            "MSC's fleet leads Maersk's; the margin stood at 1.2 million.",
        ],
        &t,
    );
    // With no noun of difference, the figure is a level.
    let r = run("In 2023, MSC's fleet was only about 400,000.", &t);
    assert_eq!(claim(&r, "about 400,000").status, Status::Inconsistent);
}

#[test]
fn a_ratio_to_a_possessive_or_to_the_rate_in_a_place_is_checked() {
    let t = table(
        "metrics:
  beds: {terms: [beds, rate]}
records:
  - {entity: Germany, metric: beds, period: 2021, value: 7.8}
  - {entity: Spain, metric: beds, period: 2021, value: 3.0}
",
    );
    // 7.8 / 3.0 = 2.6.
    assert_status(
        &[
            "Germany had 7.8 beds, more than three times the rate in Spain.",
            "Germany had 7.8 beds, more than three times Spain's.",
        ],
        "more than three times",
        Status::Inconsistent,
        &t,
    );
    let r = run("Germany had 7.8 beds, more than twice Spain's.", &t);
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    // A comparison after a comma belongs to its own figure: the 3.0 stays a level.
    let r = run(
        "Germany had 7.8 beds, while Spain stayed at 3.0, less than half of the German figure.",
        &t,
    );
    assert_eq!(claim(&r, "3.0").status, Status::Consistent);
    // "double-digit growth in India" is no ratio.
    let r = run("Germany had double-digit growth in Spain.", &t);
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
}

#[test]
fn a_year_after_before_or_after_dates_that_event_not_the_figure() {
    let t = table(
        "current: 2023
metrics:
  holdings: {terms: [holdings, reserves], unit: t}
records:
  - {entity: Russia, metric: holdings, period: 2022, value: 2298.5}
  - {entity: Russia, metric: holdings, period: 2023, value: 2332.7}
",
    );
    let r = run(
        "Russia's holdings reached 2,333 tonnes after sanctions imposed in 2022.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    // The figure's own year still dates it.
    let r = run("Russia's holdings reached 2,333 tonnes in 2022.", &t);
    assert_eq!(claim(&r, "2,333 tonnes").status, Status::Inconsistent);
}

#[test]
fn a_year_in_a_later_clause_of_its_own_does_not_date_a_trend() {
    let t = table(
        "current: 2023
metrics:
  holdings: {terms: [holdings, reserves], unit: t}
records:
  - {entity: Russia, metric: holdings, period: 2022, value: 2298.5}
  - {entity: Russia, metric: holdings, period: 2023, value: 2332.7}
",
    );
    // Holdings rose in 2023; the 2022 of the "although" clause dates the freeze.
    let r = run(
        "Russia's holdings slipped to 2,333 tonnes, although analysts are cautious because its reserves were frozen in 2022.",
        &t,
    );
    assert!(
        r.findings
            .iter()
            .any(|f| f.rule == "trend" && f.text == "slipped"),
        "{:?}",
        r.findings
    );
    let r = run(
        "Russia's holdings rose to 2,333 tonnes, although its reserves were frozen in 2022.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
}

#[test]
fn another_metric_the_sentence_names_is_another_reading() {
    let t = table(
        "metrics:
  renewable_share: {terms: [renewables, renewable share], unit: percent}
  heating_share: {terms: [heating and cooling], unit: percent}
records:
  - {entity: Estonia, metric: renewable_share, period: 2022, value: 38.5}
  - {entity: Estonia, metric: heating_share, period: 2022, value: 65.4}
",
    );
    // The sentence is about heating and cooling; "renewables" is nearer the figure.
    let r = run(
        "Heating and cooling is where the Baltic states shine: renewables covered 69.4% of demand in Sweden and 65.4% in Estonia.",
        &t,
    );
    assert_eq!(claim(&r, "65.4%").status, Status::Consistent);
    // A figure neither reading allows is still wrong.
    let r = run(
        "Heating and cooling is where the Baltic states shine: renewables covered 69.4% of demand in Sweden and 55.4% in Estonia.",
        &t,
    );
    assert_eq!(claim(&r, "55.4%").status, Status::Inconsistent);
    // A term that is the figure's own noun names the one reading.
    let r = run(
        "In Estonia, heating and cooling drew on a renewable share of 65.4%.",
        &t,
    );
    assert_eq!(claim(&r, "65.4%").status, Status::Inconsistent);
}

#[test]
fn a_bare_count_after_a_change_of_an_unmeasured_noun_elides_it_even_after_a_term() {
    let t = table(
        "current: 2023
metrics:
  numeric_change: {terms: [gained, lost, grew], kind: change, unit: people}
records:
  - {entity: Texas, metric: numeric_change, period: 2023, value: 473453}
  - {entity: Florida, metric: numeric_change, period: 2023, value: 365205}
  - {entity: California, metric: numeric_change, period: 2023, value: -75423}
",
    );
    let r = run(
        "Texas gained two House seats and Florida one, while California lost one.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    let r = run("In 2023, California lost 90,500.", &t);
    assert_eq!(claim(&r, "90,500").status, Status::Inconsistent);
}

#[test]
fn a_clause_about_a_name_is_no_scope_and_a_when_clause_takes_its_year() {
    let t = table(
        "current: 2023
metrics:
  production: {terms: [production, producer, output], unit: t}
records:
  - {entity: Australia, metric: production, period: 2023, value: 86000}
  - {entity: Chile, metric: production, period: 2023, value: 44000}
  - {entity: Zimbabwe, metric: production, period: 2023, value: 3400}
  - {entity: Australia, metric: production, period: 2022, value: 74700}
  - {entity: Chile, metric: production, period: 2022, value: 38000}
  - {entity: Zimbabwe, metric: production, period: 2022, value: 39000}
",
    );
    // A clause set off by a comma after a name ("Zimbabwe, where …,") scopes no rank.
    let r = run(
        "Zimbabwe, where new plants have opened, became the second-largest producer in 2023.",
        &t,
    );
    assert_eq!(claim(&r, "second-largest").status, Status::Inconsistent);
    // "in 2022, when Zimbabwe ranked second": the clause speaks of 2022.
    let r = run(
        "Output was up from 38,000 tonnes in 2022, when Zimbabwe ranked second.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
}

#[test]
fn the_size_of_a_change_is_converted_to_the_metrics_unit() {
    let t = table(
        "current: 2023
metrics:
  production: {terms: [production, output], unit: kt}
records:
  - {entity: United States, metric: production, period: 2022, value: 1230}
  - {entity: United States, metric: production, period: 2023, value: 1100}
",
    );
    // 1,230 - 1,100 thousand tonnes = 130,000 tonnes.
    let r = run(
        "In 2023, production in the United States dropped by 130,000 tonnes.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    let r = run(
        "In 2023, production in the United States dropped by 230,000 tonnes.",
        &t,
    );
    assert!(!errors(&r).is_empty(), "{:?}", r.claims);
}

#[test]
fn a_bare_figure_against_a_prefixed_unit_may_be_in_the_unit_it_scales() {
    let t = table(
        "metrics:
  production: {terms: [production, output], unit: kt}
records:
  - {entity: Mexico, metric: production, period: 2023, value: 750}
",
    );
    // 750 kt is 750,000 tonnes, or 750 as the table keeps it.
    assert_clean(
        &[
            "Mexico's output was 750,000 in 2023.",
            "Mexico's output was 750 in 2023.",
        ],
        &t,
    );
    let r = run("Mexico's output was 850,000 in 2023.", &t);
    assert_eq!(claim(&r, "850,000").status, Status::Inconsistent);
}

#[test]
fn a_year_compared_with_after_as_sets_no_year_for_the_sentence() {
    let t = table(
        "current: 2023
metrics:
  passengers: {terms: [passengers]}
records:
  - {entity: Air China, metric: passengers, period: 2022, value: 38600000}
  - {entity: Air China, metric: passengers, period: 2023, value: 109200000}
",
    );
    let r = run(
        "Air China carried nearly three times as many passengers as in 2022, reaching 109.2 million.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    let r = run(
        "Air China carried passengers in 2022, reaching 109.2 million.",
        &t,
    );
    assert_eq!(claim(&r, "109.2 million").status, Status::Inconsistent);
}

const VISITORS: &str = "\
current: 2023
total: World
entities:
  World: [world, global]
  France: [French]
  Spain: [Spanish]
metrics:
  visitors: {terms: [visitors, attracted, drew, visits]}
  growth: {terms: [growth], unit: percent}
records:
  - {entity: World, metric: visitors, period: 2023, value: 1200}
  - {entity: France, metric: visitors, period: 2023, value: 100}
  - {entity: Spain, metric: visitors, period: 2023, value: 85}
  - {entity: World, metric: visitors, period: 2022, value: 1000}
  - {entity: France, metric: visitors, period: 2022, value: 80}
  - {entity: Spain, metric: visitors, period: 2022, value: 75}
";

#[test]
fn a_relative_clause_speaks_of_the_phrase_it_follows() {
    let t = table(VISITORS);
    // A thing no row is: the figure is the exhibition's, not France's.
    let r = run(
        "France drew 100 visitors, helped by an exhibition that alone attracted 7 visitors.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    assert_eq!(
        claim(&r, "7").reason.as_deref(),
        Some("7: said of the exhibition, which no table names")
    );
    // A row's name in the phrase: the figure is that row's, right or wrong.
    let says = |n: &str| {
        format!("France drew 100 visitors, a share of the world's visitors, whose number rose to {n} visitors.")
    };
    assert_status(&[&says("1,200")], "1,200", Status::Consistent, &t);
    assert_status(&[&says("1,500")], "1,500", Status::Inconsistent, &t);
    // What the subject is said to be ("France is the country that drew …") and a "that"
    // after a verb of saying leave the figure to the subject.
    assert_status(
        &[
            "France is the destination that drew 130 visitors.",
            "France said that it drew 130 visitors.",
        ],
        "130",
        Status::Inconsistent,
        &t,
    );
}

#[test]
fn a_change_noun_before_in_names_whose_change_it_is() {
    let t = table(VISITORS);
    // Spain went from 75 to 85 (+13.3%); the world from 1,000 to 1,200 (+20%).
    let says =
        |n: &str| format!("World visitors rose to 1,200, as a {n}% jump in Spain lifted visits.");
    assert_status(&[&says("13")], "13%", Status::Consistent, &t);
    assert_status(&[&says("20")], "20%", Status::Inconsistent, &t);
}

#[test]
fn a_year_that_dates_a_figure_compared_with_sets_no_year_for_the_paragraph() {
    let t = table(VISITORS);
    // France 2023 = 100, 2022 = 80; Spain 2023 = 85, 2022 = 75.
    assert_clean(
        &[
            "France drew 100 visitors, more than its 2022 total. Spain drew 85 visitors.",
            "France drew 100 visitors, well above its 2022 level. Spain drew 85 visitors.",
        ],
        &t,
    );
    // A year that names the time of what follows still dates the paragraph.
    assert_status(
        &["The 2022 season was quiet: France drew 80 visitors. Spain drew 85 visitors."],
        "85",
        Status::Inconsistent,
        &t,
    );
}

#[test]
fn the_end_of_a_change_after_a_new_name_is_that_names() {
    let t = table(VISITORS);
    // Spain went from 75 to 85, France from 80 to 100.
    let says = |n: &str| format!("Spain's visitors rose to 85 from 75, France's climbed to {n}.");
    let r = run(&says("100"), &t);
    assert_eq!(claim(&r, "100").entity.as_deref(), Some("France"));
    assert_eq!(claim(&r, "100").status, Status::Consistent);
    assert_status(&[&says("90")], "90", Status::Inconsistent, &t);
}

#[test]
fn the_name_compared_with_in_as_many_as_is_not_the_subject() {
    let t = table(VISITORS);
    // France 100, Spain 85 in 2023.
    let says = |n: &str| {
        format!("France drew 1.1 times as many visitors as Spain, its closest rival, and attracted {n} visitors.")
    };
    assert_status(&[&says("100")], "100", Status::Consistent, &t);
    assert_status(&[&says("85")], "85", Status::Inconsistent, &t);
}

#[test]
fn a_place_is_ranked_by_a_metric_of_its_own_clause() {
    let t = table(
        "current: 2023
metrics:
  cases: {terms: [cases]}
  coverage: {terms: [coverage], unit: percent}
records:
  - {entity: Nigeria, metric: cases, period: 2023, value: 2100}
  - {entity: India, metric: cases, period: 2023, value: 1600}
  - {entity: Nigeria, metric: coverage, period: 2023, value: 62}
  - {entity: India, metric: coverage, period: 2023, value: 93}
",
    );
    // India is second by cases and first by coverage.
    assert_clean(
        &["India came second with 1,600, even though its coverage held at 93%."],
        &t,
    );
    assert_status(
        &["India came second in coverage, at 93%."],
        "second",
        Status::Inconsistent,
        &t,
    );
}

#[test]
fn a_clause_with_a_subject_of_its_own_takes_no_metric_across_its_turn() {
    let t = table(VISITORS);
    // The relay's cost is no count of visitors.
    assert_clean(
        &["France drew 100 visitors, even as its Olympic torch relay cost about 7."],
        &t,
    );
    // A clause with no noun of its own carries the metric on.
    assert_status(
        &["France drew 100 visitors, while Spain's reached 80."],
        "80",
        Status::Inconsistent,
        &t,
    );
}

#[test]
fn compared_names_bases_and_appositions_are_read_as_such() {
    let t = table(VISITORS);
    // France 2023 = 100, 2022 = 80; Spain 2023 = 85, 2022 = 75; World 2023 = 1,200.
    assert_clean(
        &[
            // The base a row's own figure is multiplied from is the row's earlier period.
            "France drew 100 visitors, nearly 1.25 times its earlier tally of 80.",
            // The name tied with, or multiplied, is not the subject.
            "France drew 100 visitors to tie with Spain on paper, 100 against Spain's 85.",
            "France drew 100 visitors, nearly 1.2 times Spain's total and almost a tenth of the world total.",
            // A place in an apposition is its name's.
            "France drew more than 1.1 times as many visitors as Spain, the second-largest.",
            // A year in a clause opened by "after" dates its event only.
            "Spain drew 85 visitors after new rules took effect at the end of 2022. France drew 100 visitors.",
        ],
        &t,
    );
    // A rank over a span of years is a record over time, not a place among rows.
    assert_clean(
        &["Spain's 85 visitors were the lowest in more than 50 years."],
        &t,
    );
    let r = run(
        "France drew 100 visitors, more than double its earlier tally of 70.",
        &t,
    );
    assert_eq!(claim(&r, "70").status, Status::Inconsistent);
}

#[test]
fn a_phrase_after_a_forecasts_object_is_forecast_too() {
    let t = table(VISITORS);
    assert_clean(
        &["Officials expect 1,300 visitors worldwide, with France drawing 130 visitors."],
        &t,
    );
    assert_status(
        &["France drew 100 visitors, with Spain drawing 90 visitors."],
        "90",
        Status::Inconsistent,
        &t,
    );
}

#[test]
fn a_figure_per_unit_of_something_is_a_rate() {
    let t = table(
        "current: 2023
metrics:
  output: {terms: [output, produced, releases], unit: t}
records:
  - {entity: China, metric: output, period: 2023, value: 2000}
",
    );
    assert_clean(
        &["In China each tonne of cement releases roughly 0.6 tonnes."],
        &t,
    );
    // "each year" is the table's own period, and "per cent" a percentage.
    assert_status(
        &["Each year China produced 3,000 tonnes."],
        "3,000 tonnes",
        Status::Inconsistent,
        &t,
    );
}

#[test]
fn that_year_points_back_to_the_last_year_named() {
    let t = table(VISITORS);
    // The paragraph named 2022 before: "that year" is 2022, right or wrong.
    let two =
        |n: &str| format!("France drew 80 visitors in 2022. That year Spain drew {n} visitors.");
    assert_status(&[&two("75")], "75", Status::Consistent, &t);
    assert_status(&[&two("85")], "85", Status::Inconsistent, &t);
    // In one sentence, the year before the figure in another clause.
    let one = |n: &str| {
        format!(
            "Spain fell from 9% in 2022 to 7%; in that record season it had drawn {n} visitors."
        )
    };
    assert_status(&[&one("75")], "75", Status::Consistent, &t);
    assert_status(&[&one("85")], "85", Status::Inconsistent, &t);
    // Nothing to point back to: never the present by default.
    let r = run("In that record season France had drawn 95 visitors.", &t);
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    assert_eq!(
        claim(&r, "95").reason.as_deref(),
        Some("95: \"that record season\" points back to a period the text does not give")
    );
}

#[test]
fn an_opening_phrase_with_its_year_dates_the_sentence() {
    let t = table(VISITORS);
    for lead in [
        "Over its 2022 season",
        "In its 2022 season",
        "Throughout the 2022 season",
    ] {
        assert_status(
            &[&format!("{lead}, France drew 80 visitors.")],
            "80",
            Status::Consistent,
            &t,
        );
        assert_status(
            &[&format!("{lead}, France drew 95 visitors.")],
            "95",
            Status::Inconsistent,
            &t,
        );
    }
}

#[test]
fn a_change_of_a_share_is_not_a_change_of_the_level() {
    let t = table(VISITORS);
    // Spain's visitors rose from 75 to 85; its share of them may still fall.
    for (text, word) in [
        ("Spain's share fell sharply; it drew 85 visitors.", "share"),
        ("Spain's share of visitors fell to 7%.", "share"),
        (
            "The proportion of visitors who went to Spain fell.",
            "proportion",
        ),
    ] {
        let r = run(text, &t);
        assert!(errors(&r).is_empty(), "{text}: {:?}", r.findings);
        assert_eq!(
            claim(&r, "fell").reason.as_deref(),
            Some(format!("fell: the change is of a {word}, which no table names").as_str()),
            "{text}"
        );
    }
    // A metric kept in percent is what a share word names: its fall is checked.
    let share = table(
        "current: 2023\nentities:\n  Spain: [Spanish]\nmetrics:\n  share: {terms: [share of visitors], unit: percent}\nrecords:\n  - {entity: Spain, metric: share, period: 2022, value: 9}\n  - {entity: Spain, metric: share, period: 2023, value: 7}\n",
    );
    assert_status(
        &["Spain's share rose to 7%."],
        "rose",
        Status::Inconsistent,
        &share,
    );
}

#[test]
fn a_difference_with_the_rows_it_sets_apart_is_no_level() {
    let t = table(VISITORS);
    // The lead is France's visitors less Spain's: neither row's level, nor the start of the
    // change of it.
    let r = run(
        "France's lead over Spain widened to 95 visitors, from about 69 a year earlier.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    for span in ["95", "about 69"] {
        assert_eq!(
            claim(&r, span).reason.as_deref(),
            Some(format!("{span}: states a difference (the lead), not a value").as_str())
        );
    }
}

#[test]
fn a_name_that_ends_in_a_plus_is_one_name() {
    let t = table(
        "current: 2023\nentities:\n  Canal+: []\n  Canal: []\nmetrics:\n  subscribers: {terms: [subscribers]}\nrecords:\n  - {entity: Canal+, metric: subscribers, period: 2023, value: 26}\n  - {entity: Canal, metric: subscribers, period: 2023, value: 3}\n",
    );
    assert_status(
        &["Canal+ had 26 subscribers."],
        "26",
        Status::Consistent,
        &t,
    );
    assert_status(
        &["Canal+ had 3 subscribers."],
        "3",
        Status::Inconsistent,
        &t,
    );
}

#[test]
fn a_year_back_may_follow_a_short_clause_of_the_figure() {
    let t = table(VISITORS);
    let says = |n: &str| {
        format!(
            "Spain drew 85 visitors, ten more than the {n} visitors it had drawn a year earlier."
        )
    };
    assert_status(&[&says("75")], "75", Status::Consistent, &t);
    assert_status(&[&says("70")], "70", Status::Inconsistent, &t);
    // A pronoun after the figure opens its clause; it is not what the figure counts.
    let r = run(
        "Spain drew 85 visitors, ten more than the 75 it had drawn a year earlier.",
        &t,
    );
    let reason = claim(&r, "75").reason.clone().unwrap_or_default();
    assert!(!reason.contains("counts it"), "{reason}");
    let season = |n: &str| {
        format!("Spain drew 85 visitors after the previous season's total of {n} visitors.")
    };
    assert_status(&[&season("75")], "75", Status::Consistent, &t);
    // (The figure before "after the previous season's" is of the season it follows.)
    assert_status(&[&season("75")], "85", Status::Consistent, &t);
    assert_status(&[&season("70")], "70", Status::Inconsistent, &t);
}

#[test]
fn a_change_may_start_from_a_described_figure() {
    let t = table(VISITORS);
    for lead in [
        "from",
        "from a low of",
        "from a record",
        "from its previous record of",
    ] {
        let says = |n: &str| format!("Spain drew 85 visitors, up {lead} {n}.");
        assert_status(&[&says("75")], "75", Status::Consistent, &t);
        assert_status(&[&says("70")], "70", Status::Inconsistent, &t);
    }
}

#[test]
fn a_figure_set_against_another_is_the_passed_rows() {
    let t = table(VISITORS);
    let says = |n: &str| format!("France had overtaken Spain, with 100 visitors against {n}.");
    assert_status(&[&says("85")], "85", Status::Consistent, &t);
    assert_status(&[&says("90")], "90", Status::Inconsistent, &t);
    assert_status(&[&says("85")], "100", Status::Consistent, &t);
}

#[test]
fn a_possessor_in_the_object_is_not_the_subject() {
    let t = table(VISITORS);
    let says =
        |n: &str| format!("France ended Spain's long run of growth, finishing with {n} visitors.");
    assert_status(&[&says("100")], "100", Status::Consistent, &t);
    assert_status(&[&says("85")], "85", Status::Inconsistent, &t);
}

#[test]
fn a_pronoun_does_not_point_to_a_row_compared_with() {
    let t = table(VISITORS);
    // "Its" in the second sentence cannot be Spain, which the first only compares with.
    let r = run(
        "The capital drew 100 visitors, 15 more than Spain. Its total rose from 70 visitors.",
        &t,
    );
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
}

const LEAGUE: &str = "\
current: 2023-24
entities:
  Freiburg: []
  Union: []
metrics:
  points: {terms: [points]}
  position: {terms: [finished, place], unit: rank}
records:
  - {entity: Freiburg, metric: points, period: 2023-24, value: 42}
  - {entity: Freiburg, metric: points, period: 2022-23, value: 59}
  - {entity: Union, metric: points, period: 2023-24, value: 33}
  - {entity: Union, metric: points, period: 2022-23, value: 62}
  - {entity: Freiburg, metric: position, period: 2023-24, value: 10}
  - {entity: Freiburg, metric: position, period: 2022-23, value: 5}
  - {entity: Union, metric: position, period: 2023-24, value: 15}
  - {entity: Union, metric: position, period: 2022-23, value: 4}
";

#[test]
fn a_season_dates_a_place_and_only_that_place() {
    let t = table(LEAGUE);
    assert_status(
        &["Freiburg collected 42 points, having finished fifth in 2022-23."],
        "fifth",
        Status::Consistent,
        &t,
    );
    assert_status(
        &["Freiburg collected 42 points, having finished tenth in 2022-23."],
        "tenth",
        Status::Inconsistent,
        &t,
    );
    // The season of a place does not date the next sentence's figures.
    let r = run(
        "Freiburg finished fifth in 2022-23. Union survived with 33 points.",
        &t,
    );
    assert_eq!(claim(&r, "33").status, Status::Consistent, "{:?}", r.claims);
}

#[test]
fn so_many_years_earlier_counts_back() {
    let t2 = table(
        "current: 2023\nentities:\n  Italy: []\nmetrics:\n  arrivals: {terms: [arrivals]}\nrecords:\n  - {entity: Italy, metric: arrivals, period: 2023, value: 57.2}\n  - {entity: Italy, metric: arrivals, period: 2019, value: 64.5}\n",
    );
    let four = |n: &str| {
        format!("Italy drew 57.2 arrivals, still below the {n} arrivals it recorded four years earlier.")
    };
    assert_status(&[&four("64.5")], "64.5", Status::Consistent, &t2);
    assert_status(&[&four("60.5")], "60.5", Status::Inconsistent, &t2);
}

#[test]
fn most_before_an_adjective_ranks_by_that_quality() {
    let t = table(VISITORS);
    let r = run("Spain was the most generous host of visitors.", &t);
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    assert_eq!(
        claim(&r, "the most").reason.as_deref(),
        Some("the most: ranks by \"generous\", which no metric names")
    );
    // A plain superlative of the metric's own noun still ranks.
    assert_status(
        &["Spain drew the most visitors."],
        "the most",
        Status::Inconsistent,
        &t,
    );
}

#[test]
fn a_verb_of_the_other_side_names_no_value_of_the_metric() {
    let t = table(
        "current: 2024\nentities:\n  Darmstadt: []\nmetrics:\n  goals: {terms: [goals, scored]}\nrecords:\n  - {entity: Darmstadt, metric: goals, period: 2024, value: 30}\n",
    );
    let r = run("Darmstadt scored 30 goals and conceded 86 goals.", &t);
    assert!(errors(&r).is_empty(), "{:?}", r.findings);
    assert_eq!(claim(&r, "30").status, Status::Consistent);
    assert_eq!(
        claim(&r, "86").reason.as_deref(),
        Some("86: \"conceded\" is the other side of \"scored\", a term of goals")
    );
    // The metric's own verb still ties a figure to it.
    assert_status(
        &["Darmstadt scored 31 goals."],
        "31",
        Status::Inconsistent,
        &t,
    );
}

#[test]
fn a_year_after_a_clause_break_dates_what_follows_it() {
    let t = table(VISITORS);
    let says = |n: &str| {
        format!("Spain's visitors rose to 85, after a 2022 season in which the drought had cut them to {n}.")
    };
    assert_status(&[&says("75")], "75", Status::Consistent, &t);
    assert_status(&[&says("70")], "70", Status::Inconsistent, &t);
}
