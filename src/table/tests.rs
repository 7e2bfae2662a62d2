use super::*;

fn no_csv(p: &str) -> Result<String, String> {
    Err(format!("no file {p}"))
}

fn load(yaml: &str) -> Result<Table, TableError> {
    Table::from_yaml("data/t.yaml", yaml, &mut no_csv)
}

fn ok(yaml: &str) -> Table {
    match load(yaml) {
        Ok(t) => t,
        Err(e) => panic!("unexpected error: {e}"),
    }
}

fn err(yaml: &str) -> TableError {
    match load(yaml) {
        Ok(_) => panic!("expected an error"),
        Err(e) => e,
    }
}

fn with_csv(yaml: &str, csv: &str) -> Result<Table, TableError> {
    let csv = csv.to_string();
    let mut read = |p: &str| {
        if p == "data/x.csv" {
            Ok(csv.clone())
        } else {
            Err(format!("no file {p}"))
        }
    };
    Table::from_yaml("data/t.yaml", yaml, &mut read)
}

fn csv_ok(yaml: &str, csv: &str) -> Table {
    match with_csv(yaml, csv) {
        Ok(t) => t,
        Err(e) => panic!("unexpected error: {e}"),
    }
}

fn csv_err(yaml: &str, csv: &str) -> TableError {
    match with_csv(yaml, csv) {
        Ok(_) => panic!("expected an error"),
        Err(e) => e,
    }
}

const FIGHTERS: &str = r#"title: Foreign fighters by country of origin
source: {publisher: The Soufan Center, title: "Beyond the Caliphate", date: 2017-10-24, url: "https://example.org/x"}
total: World
entities:
  United Kingdom: [Britain, British, Britons, UK]
groups:
  region: [Middle East, Maghreb, Western Europe]
metrics:
  fighters: [fighters, militants, jihadists, travelled, joined]
  returnees: {terms: [returned, Returnees, came back], unit: people, scale: 1}
records:
  - {entity: Russia, metric: fighters, period: 2017, value: 3417}
  - {entity: World, metric: returnees, period: 2017, value: at least 5600}
  - {entity: Germany, metric: fighters, period: 2015, value: 500-600}
  - entity: United Kingdom
    metric: fighters
    period: 2017
    value: "850"
  - {entity: Germany, metric: fighters, period: 2017, value: 915}
  - {entity: Middle East, metric: fighters, period: 2017, value: 7054}
"#;

#[test]
fn long_form_yaml() {
    let t = ok(FIGHTERS);
    assert_eq!(t.path, "data/t.yaml");
    assert_eq!(
        t.title.as_deref(),
        Some("Foreign fighters by country of origin")
    );
    let src = t.source.as_ref().expect("source");
    assert_eq!(src.date.as_deref(), Some("2017-10-24"));
    assert_eq!(src.publisher.as_deref(), Some("The Soufan Center"));
    assert_eq!(t.total.as_deref(), Some("World"));
    assert_eq!(t.records.len(), 6);

    // List form and map form; the name is always a term; terms lowercase.
    let f = t.metric("fighters").expect("fighters");
    assert_eq!(f.terms[0], "fighters");
    assert_eq!(f.terms.len(), 5);
    assert_eq!(f.scale, 1.0);
    let r = t.metric("returnees").expect("returnees");
    assert_eq!(r.terms, vec!["returnees", "returned", "came back"]);
    // "people" is a count: it needs no unit.
    assert_eq!(r.unit.as_deref(), None);

    let russia = t.lookup("Russia", "fighters", "2017").expect("russia");
    assert_eq!(russia.value.low, Some(3417.0));
    assert_eq!(russia.value.high, Some(3417.0));
    assert_eq!(russia.value.text, "3417");
    assert_eq!(
        (russia.file.as_str(), russia.line, russia.column),
        ("data/t.yaml", 12, 5)
    );

    let world = t.lookup("world", "returnees", "2017").expect("world");
    assert_eq!(world.value.text, "at least 5600");

    let de = t.lookup("GERMANY", "fighters", "2015").expect("germany");
    assert_eq!((de.value.low, de.value.high), (Some(500.0), Some(600.0)));

    // Block-style record: the line/column of its mapping.
    let uk = t.lookup("United Kingdom", "fighters", "2017").expect("uk");
    assert_eq!((uk.line, uk.column), (15, 5));
    assert_eq!(uk.value.low, Some(850.0));
    // Aliases resolve too.
    assert_eq!(
        t.lookup("britons", "fighters", "2017").map(|r| r.line),
        Some(15)
    );
    assert_eq!(t.canonical("uk"), Some("United Kingdom"));
    assert!(t.lookup("Russia", "fighters", "2015").is_none());
    assert!(t.lookup("Russia", "nope", "2017").is_none());
    assert!(t.lookup("Narnia", "fighters", "2017").is_none());

    assert_eq!(t.current_period(), Some("2017"));
    assert_eq!(t.periods("Germany", "fighters"), vec!["2015", "2017"]);
    let rows: Vec<&str> = t
        .rows("fighters", "2017")
        .iter()
        .map(|r| r.entity.as_str())
        .collect();
    assert_eq!(
        rows,
        vec!["Russia", "United Kingdom", "Germany", "Middle East"]
    );

    let names: Vec<(&str, &str)> = t.names().collect();
    assert!(names.contains(&("Russia", "Russia")));
    assert!(names.contains(&("Britain", "United Kingdom")));
    assert!(names.contains(&("UK", "United Kingdom")));
    assert!(names.contains(&("United Kingdom", "United Kingdom")));

    assert_eq!(
        t.groups.get("region").map(Vec::len),
        Some(3),
        "groups: {:?}",
        t.groups
    );
}

#[test]
fn periods_and_current() {
    let t = ok("metrics: {m: []}\nrecords:\n  - {entity: A, metric: m, period: 2019, value: 1}\n  - {entity: A, metric: m, period: 2009, value: 2}\n  - {entity: A, metric: m, period: 2010, value: 3}\n");
    assert_eq!(t.current_period(), Some("2019"));
    assert_eq!(t.periods("a", "m"), vec!["2009", "2010", "2019"]);

    let t = ok("metrics: {m: []}\nrecords:\n  - {entity: A, metric: m, period: Q4 2019, value: 1}\n  - {entity: A, metric: m, period: Q1 2019, value: 2}\n");
    assert_eq!(t.current_period(), Some("Q1 2019"));
    assert_eq!(t.periods("A", "m"), vec!["Q4 2019", "Q1 2019"]);
    assert!(t.lookup("A", "m", "Q4 2019").is_some());

    let t = ok("current: 2015\nmetrics: {m: []}\nrecords:\n  - {entity: A, metric: m, period: 2019, value: 1}\n");
    assert_eq!(t.current_period(), Some("2015"));
}

#[test]
fn metrics_list_form() {
    let t = ok("metrics:\n  - fighters\n  - {name: gdp, terms: [GDP, output], unit: USD millions}\nrecords:\n  - {entity: A, metric: gdp, period: 2020, value: 3.5}\n");
    assert_eq!(t.metrics.len(), 2);
    assert_eq!(t.metrics[0].terms, vec!["fighters"]);
    let gdp = t.metric("gdp").expect("gdp");
    assert_eq!(gdp.terms, vec!["gdp", "output"]);
    assert_eq!(gdp.unit.as_deref(), Some("USD"));
    assert_eq!(gdp.scale, 1e6);
    let r = t.lookup("A", "gdp", "2020").expect("a");
    assert_eq!(r.value.low, Some(3.5));
    assert_eq!(r.value.scaled_low, Some(3_500_000.0));
    assert_eq!(t.scaled(r), (Some(3_500_000.0), Some(3_500_000.0)));
}

#[test]
fn units_and_scale() {
    let t = ok("metrics:\n  a: {unit: thousands}\n  b: {unit: percent}\n  c: {unit: USD billions, scale: 1000}\n  d: {unit: \"USD (millions)\"}\n");
    assert_eq!(
        (t.metrics[0].unit.as_deref(), t.metrics[0].scale),
        (None, 1e3)
    );
    assert_eq!(
        (t.metrics[1].unit.as_deref(), t.metrics[1].scale),
        (Some("%"), 1.0)
    );
    assert_eq!(
        (t.metrics[2].unit.as_deref(), t.metrics[2].scale),
        (Some("USD"), 1e3)
    );
    assert_eq!(
        (t.metrics[3].unit.as_deref(), t.metrics[3].scale),
        (Some("USD"), 1e6)
    );
    let e = err("metrics:\n  a: {scale: -1}\n");
    assert_eq!((e.line, e.column), (2, 14));
    assert!(e.message.contains("positive"), "{}", e.message);
}

#[test]
fn text_values() {
    let t = ok("metrics: [m]\nrecords:\n  - {entity: A, metric: m, period: 1, value: \"1,234\"}\n  - {entity: B, metric: m, period: 1, value: 12.5%}\n  - {entity: C, metric: m, period: 1, value: -3}\n  - {entity: D, metric: m, period: 1, value: ~}\n");
    assert_eq!(
        t.lookup("A", "m", "1").and_then(|r| r.value.low),
        Some(1234.0)
    );
    assert_eq!(
        t.lookup("B", "m", "1").and_then(|r| r.value.low),
        Some(12.5)
    );
    assert_eq!(
        t.lookup("C", "m", "1").and_then(|r| r.value.low),
        Some(-3.0)
    );
    assert!(
        t.lookup("D", "m", "1").is_none(),
        "a null value is no record"
    );
    let e = err("metrics: [m]\nrecords:\n  - {entity: A, metric: m, period: 1, value: lots}\n");
    assert_eq!((e.line, e.column), (3, 46));
    assert!(e.message.contains("`lots`"), "{}", e.message);
}

#[test]
fn duplicate_record() {
    let e = err("metrics: [m]\nrecords:\n  - {entity: A, metric: m, period: 1, value: 1}\n  - {entity: a, metric: m, period: 1, value: 2}\n");
    assert_eq!((e.line, e.column), (4, 5));
    assert!(
        e.message.contains("first at data/t.yaml:3:5"),
        "{}",
        e.message
    );
}

#[test]
fn alias_conflict() {
    let e = err("entities:\n  A: [X]\n  B: [x]\nmetrics: [m]\n");
    assert_eq!((e.line, e.column), (3, 3));
    assert!(e.message.contains("names both"), "{}", e.message);
}

// ---------------------------------------------------------------------------------------------
// YAML errors

#[test]
fn yaml_syntax_error() {
    let e = err("metrics: [m\nrecords: []\n");
    assert_eq!(e.file, "data/t.yaml");
    assert!(e.line >= 1 && e.column >= 1);
    assert!(!e.message.is_empty());
    let e = err("metrics: {m: [a, b}\n");
    assert_eq!((e.line, e.column), (1, 14), "{e}");
}

#[test]
fn tab_indentation() {
    let e = err("metrics:\n\tm: [a]\n");
    assert_eq!(e.line, 2, "{e}");
    assert!(e.message.contains("tab"), "{}", e.message);
}

#[test]
fn wrong_types() {
    let e = err(
        "metrics: [m]\nrecords:\n  - entity: A\n    metric: m\n    period: 1\n    value: [1, 2]\n",
    );
    assert_eq!((e.line, e.column), (6, 12), "{e}");
    assert!(e.message.contains("not a sequence"), "{}", e.message);
    let e = err("metrics: 5\n");
    assert_eq!((e.line, e.column), (1, 10), "{e}");
}

#[test]
fn duplicate_key() {
    let e = err("metrics: [m]\ntitle: a\ntitle: b\n");
    assert_eq!((e.line, e.column), (3, 1), "{e}");
    assert!(e.message.contains("duplicate"), "{}", e.message);
    let e = err("metrics:\n  m: []\n  m: [x]\n");
    assert_eq!(e.line, 3, "{e}");
    assert!(e.message.contains("duplicate"), "{}", e.message);
}

#[test]
fn unknown_key() {
    let e = err("metrics: [m]\ntitel: x\n");
    assert_eq!((e.line, e.column), (2, 1), "{e}");
    assert!(e.message.contains("unknown field `titel`"), "{}", e.message);
    let e = err("metrics:\n  m: {terms: [a], units: x}\n");
    assert_eq!(e.line, 2, "{e}");
    assert!(e.message.contains("units"), "{}", e.message);
}

#[test]
fn unknown_metric() {
    let e = err("metrics: [m]\nrecords:\n  - {entity: A, metric: m, period: 1, value: 1}\n  - {entity: A, metric: q, period: 1, value: 1}\n");
    assert_eq!((e.line, e.column), (4, 5), "{e}");
    assert!(e.message.contains("unknown metric `q`"), "{}", e.message);
}

#[test]
fn empty_and_missing_metrics() {
    let e = err("");
    assert_eq!((e.line, e.column), (1, 1));
    assert!(e.message.contains("empty"), "{}", e.message);
    let e = err("# nothing\n\n");
    assert_eq!((e.line, e.column), (1, 1));
    let e = err("title: x\n");
    assert_eq!((e.line, e.column), (1, 1), "{e}");
    assert!(
        e.message.contains("missing field `metrics`"),
        "{}",
        e.message
    );
    let e = err("title: x\nmetrics: {}\n");
    assert_eq!((e.line, e.column), (2, 10), "{e}");
}

#[test]
fn alias_bomb_is_bounded() {
    let mut y = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..30 {
        y.push_str(&format!(
            "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n",
            p = i - 1
        ));
    }
    y.push_str("metrics: [m]\n");
    let started = std::time::Instant::now();
    let e = err(&y);
    assert!(started.elapsed().as_secs() < 2);
    assert!(e.line >= 1, "{e}");
    // Aliases used in the table itself: bounded, so rejected too.
    let mut y = String::from("metrics:\n  m: &t0 [a, a, a, a, a, a, a, a]\n");
    for i in 1..20 {
        y.push_str(&format!(
            "  m{i}: &t{i} [*t{p}, *t{p}, *t{p}, *t{p}, *t{p}, *t{p}, *t{p}, *t{p}]\n",
            p = i - 1
        ));
    }
    let started = std::time::Instant::now();
    let _ = err(&y);
    assert!(started.elapsed().as_secs() < 2);
}

#[test]
fn deep_nesting_errors() {
    let y = format!(
        "metrics: [m]\nrecords: {}{}\n",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let e = err(&y);
    assert_eq!(e.line, 2, "{e}");
    let mut y = String::from("metrics: [m]\nrecords:\n");
    for i in 0..10_000 {
        y.push_str(&" ".repeat(i + 1));
        y.push_str("- \n");
    }
    let _ = err(&y);
    let y = format!("metrics: [m]\ntitle: {}x\n", "- ".repeat(10_000));
    let _ = err(&y);
    let mut y = String::from("metrics: [m]\nsource:\n");
    for i in 0..10_000 {
        y.push_str(&" ".repeat(i + 1));
        y.push_str("k:\n");
    }
    let _ = err(&y);
}

#[test]
fn garbage_does_not_panic() {
    let samples = [
        "metrics",
        "[]",
        "- a\n- b\n",
        "metrics: [m]\nrecords: 5\n",
        "metrics: [m]\nrecords: [5]\n",
        "metrics: [m]\nrecords:\n  - {}\n",
        "metrics: [{terms: [a]}]\n",
        "metrics: [m]\ncurrent: [1]\n",
        "metrics: [m]\nentities: {A: {x: 1}}\n",
        "metrics: [m]\nrecords:\n  - {entity: A, metric: m, period: 1, value: .nan}\n",
        "metrics: [m]\nrecords:\n  - {entity: A, metric: m, period: 1, value: 1e400}\n",
        "metrics: [m]\nrecords:\n  - {entity: '', metric: m, period: 1, value: 1}\n",
        "metrics: [m]\nperiod: 2012\n",
        "metrics: [m]\n---\nmetrics: [n]\n",
        "\u{feff}metrics: [m]\n",
        "metrics: [m]\nrecords: [{entity: *x}]\n",
    ];
    for s in samples {
        let _ = load(s);
    }
}

// ---------------------------------------------------------------------------------------------
// CSV

const WIDE_YAML: &str = r#"csv: x.csv
entity: State
period: 2012
entities: {District of Columbia: [DC, D.C.]}
metrics:
  speeding: {column: "Percentage Who Were Speeding", terms: [speeding], unit: percent}
  premiums: {column: "Car Insurance Premiums ($)", terms: [premiums]}
"#;

#[test]
fn csv_wide_form() {
    let csv = "\u{feff}State,\"Percentage Who Were Speeding\",\"Car Insurance Premiums ($)\"\r\nAlabama,39,\"1,234.50\"\r\n\"District\nof Columbia\",12%,\r\n\"Texas\",,\"2,000\"\r\n";
    let t = csv_ok(WIDE_YAML, csv);
    assert_eq!(t.records.len(), 4);
    let al = t.lookup("alabama", "speeding", "2012").expect("alabama");
    assert_eq!(al.value.low, Some(39.0));
    assert_eq!((al.file.as_str(), al.line, al.column), ("data/x.csv", 2, 9));
    let prem = t.lookup("Alabama", "premiums", "2012").expect("premiums");
    assert_eq!(prem.value.low, Some(1234.5));
    assert_eq!(prem.value.text, "1,234.50");
    assert_eq!(prem.column, 12);
    let dc = t
        .lookup("District\nof Columbia", "speeding", "2012")
        .expect("dc");
    assert_eq!(dc.value.low, Some(12.0));
    assert_eq!((dc.line, dc.column), (4, 14));
    assert!(
        t.lookup("Texas", "speeding", "2012").is_none(),
        "empty cell"
    );
    assert_eq!(
        t.lookup("TEXAS", "premiums", "2012").map(|r| r.line),
        Some(5)
    );
    assert_eq!(
        t.metric("speeding").and_then(|m| m.unit.as_deref()),
        Some("%")
    );
    assert_eq!(t.current_period(), Some("2012"));
    assert_eq!(t.rows("premiums", "2012").len(), 2);
}

#[test]
fn csv_long_form() {
    let yaml = "csv: x.csv\nentity: Country\nmetric_column: Metric\nperiod_column: Year\nvalue_column: Value\nmetrics:\n  gdp: {column: GDP (current US$), unit: USD billions}\n  population: [people, inhabitants]\n";
    let csv = "Country,Metric,Year,Value\nFrance,GDP (current US$),2020,2630\nFrance,population,2020,\"67,390,000\"\nFrance,Population,2021,67500000\n";
    let t = csv_ok(yaml, csv);
    assert_eq!(t.records.len(), 3);
    let g = t.lookup("France", "gdp", "2020").expect("gdp");
    assert_eq!(g.value.scaled_low, Some(2.63e12));
    assert_eq!((g.line, g.column), (2, 31));
    assert_eq!(t.periods("France", "population"), vec!["2020", "2021"]);
    assert_eq!(t.current_period(), Some("2021"));

    let bad = "Country,Metric,Year,Value\nFrance,GNP,2020,1\n";
    let e = csv_err(yaml, bad);
    assert_eq!((e.file.as_str(), e.line, e.column), ("data/x.csv", 2, 8));
    assert!(e.message.contains("unknown metric `GNP`"), "{}", e.message);
}

#[test]
fn csv_missing_column() {
    let yaml = "csv: x.csv\nentity: State\nperiod: 2012\nmetrics:\n  speeding: {column: Speeding}\n  other: {column: \"Nope\"}\n";
    let e = csv_err(yaml, "State,Speeding\nA,1\n");
    assert_eq!(
        (e.file.as_str(), e.line, e.column),
        ("data/t.yaml", 6, 19),
        "{e}"
    );
    assert!(
        e.message.contains("column `Nope` not found"),
        "{}",
        e.message
    );
    let yaml = "csv: x.csv\nentity: Name\nperiod: 2012\nmetrics: [Speeding]\n";
    let e = csv_err(yaml, "State,Speeding\nA,1\n");
    assert_eq!(
        (e.file.as_str(), e.line, e.column),
        ("data/t.yaml", 2, 9),
        "{e}"
    );
}

#[test]
fn csv_non_numeric_cell() {
    let yaml = "csv: x.csv\nentity: State\nperiod_column: Year\nmetrics: [a, b]\n";
    let e = csv_err(yaml, "State,Year,a,b\nX,2001,1,2\n\"Y\nZ\",2002,3,n/a\n");
    assert_eq!(
        (e.file.as_str(), e.line, e.column),
        ("data/x.csv", 4, 11),
        "{e}"
    );
    assert!(e.message.contains("`n/a`"), "{}", e.message);
    assert!(e.message.contains("column `b`"), "{}", e.message);
}

#[test]
fn csv_ragged_row() {
    let yaml = "csv: x.csv\nentity: State\nperiod: 1\nmetrics: [a]\n";
    let e = csv_err(yaml, "State,a\nX,1\nY,2,3\n");
    assert_eq!(
        (e.file.as_str(), e.line, e.column),
        ("data/x.csv", 3, 1),
        "{e}"
    );
    assert!(e.message.contains("3 fields"), "{}", e.message);
}

#[test]
fn csv_missing_file() {
    let yaml = "title: x\ncsv: y.csv\nentity: State\nperiod: 1\nmetrics: [a]\n";
    let e = csv_err(yaml, "");
    assert_eq!(
        (e.file.as_str(), e.line, e.column),
        ("data/t.yaml", 2, 6),
        "{e}"
    );
    assert!(e.message.contains("data/y.csv"), "{}", e.message);
    assert!(e.message.contains("no file"), "{}", e.message);
}

#[test]
fn csv_config_errors() {
    let e = err("csv: x.csv\nperiod: 1\nmetrics: [a]\n");
    assert_eq!((e.line, e.column), (1, 6), "{e}");
    let e = err("entity: State\nmetrics: [a]\n");
    assert_eq!((e.line, e.column), (1, 9), "{e}");
    let e = csv_err("csv: x.csv\nentity: State\nperiod: 1\nmetrics: [a]\n", "");
    assert_eq!((e.file.as_str(), e.line), ("data/x.csv", 1), "{e}");
}

#[test]
fn big_csv_loads() {
    let n = if cfg!(debug_assertions) {
        20_000
    } else {
        1_000_000
    };
    let mut csv = String::from("Entity,Year,v\n");
    for i in 0..n {
        csv.push_str(&format!("E{},{},{}\n", i / 10, 2000 + i % 10, i));
    }
    let yaml = "csv: x.csv\nentity: Entity\nperiod_column: Year\nmetrics: [v]\n";
    let started = std::time::Instant::now();
    let t = csv_ok(yaml, &csv);
    let took = started.elapsed();
    assert_eq!(t.records.len(), n);
    assert!(
        cfg!(debug_assertions) || took.as_secs_f64() < 2.0,
        "took {took:?}"
    );
    let last = n - 1;
    let r = t
        .lookup(
            &format!("e{}", last / 10),
            "v",
            &format!("{}", 2000 + last % 10),
        )
        .expect("last");
    assert_eq!(r.value.low, Some(last as f64));
    assert_eq!(t.rows("v", "2003").len(), n / 10);
}

#[test]
fn big_yaml_loads() {
    let n = if cfg!(debug_assertions) {
        5_000
    } else {
        200_000
    };
    let mut y = String::from("metrics: [v]\nrecords:\n");
    for i in 0..n {
        y.push_str(&format!(
            "  - {{entity: E{}, metric: v, period: {}, value: {}}}\n",
            i / 10,
            2000 + i % 10,
            i
        ));
    }
    let started = std::time::Instant::now();
    let t = ok(&y);
    let took = started.elapsed();
    assert_eq!(t.records.len(), n);
    assert!(
        cfg!(debug_assertions) || took.as_secs_f64() < 3.0,
        "took {took:?}"
    );
    assert_eq!(t.lookup("E0", "v", "2003").map(|r| r.line), Some(6));
}

#[test]
fn metric_list_item_without_name() {
    let e = err("metrics:\n  - fighters\n  - {terms: [a]}\n");
    assert_eq!((e.line, e.column), (3, 5), "{e}");
    assert!(e.message.contains("`name`"), "{}", e.message);
}

#[test]
fn hedged_values() {
    let t = ok("metrics: [m]\nrecords:\n  - {entity: A, metric: m, period: 1, value: about 1200}\n  - {entity: B, metric: m, period: 1, value: '2,000+'}\n  - {entity: C, metric: m, period: 1, value: '27,000–31,000'}\n  - {entity: D, metric: m, period: 1, value: 'more than 40,000'}\n");
    let a = t.lookup("A", "m", "1").expect("a");
    assert_eq!((a.value.low, a.value.high), (Some(1200.0), Some(1200.0)));
    assert_eq!(a.value.hedge.as_deref(), Some("about"));
    let b = t.lookup("B", "m", "1").expect("b");
    assert_eq!((b.value.low, b.value.high), (Some(2000.0), None));
    let c = t.lookup("C", "m", "1").expect("c");
    assert_eq!((c.value.low, c.value.high), (Some(27000.0), Some(31000.0)));
    let d = t.lookup("D", "m", "1").expect("d");
    assert_eq!((d.value.low, d.value.high), (Some(40000.0), None));
    assert_eq!(d.value.hedge.as_deref(), Some("more than"));
}

#[test]
fn units_are_read_through_the_lexicon() {
    let t = ok("metrics:\n  a: {unit: kilometres}\n  b: {unit: US dollars millions}\n  c: {unit: people}\n  d: {unit: rank}\n  e: {unit: °C}\n  f: {unit: seats}\n  g: {unit: wins}\n  h: {unit: goals}\n");
    // "seats" names what a count counts: no unit of measure.
    let units: Vec<Option<&str>> = t.metrics.iter().map(|m| m.unit.as_deref()).collect();
    assert_eq!(
        units,
        [
            Some("km"),
            Some("USD"),
            None,
            Some("rank"),
            Some("C"),
            None,
            None,
            None
        ]
    );
    assert_eq!(t.metrics[1].scale, 1e6);
}

#[test]
fn an_unknown_unit_names_its_place_and_the_closest_units() {
    let e = err("metrics:\n  length: {terms: [long], unit: kilometrs}\n");
    assert_eq!((e.line, e.column), (2, 33), "{e:?}");
    assert!(
        e.message.contains("unknown unit `kilometrs`"),
        "{}",
        e.message
    );
    assert!(e.message.contains("did you mean km"), "{}", e.message);
    let e = err("metrics:\n  area: {unit: hectars}\n");
    assert!(e.message.contains("did you mean ha"), "{}", e.message);
}
