use super::*;

#[test]
fn every_line_is_read() {
    let lines = include_str!("lexicon.tsv")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .count();
    assert_eq!(
        lexicon().units().len(),
        lines,
        "a line of lexicon.tsv did not parse"
    );
}

#[test]
fn codes_are_unique_and_bases_exist() {
    let lex = lexicon();
    let mut codes: Vec<&str> = lex.units().iter().map(|u| u.code).collect();
    codes.sort_unstable();
    let n = codes.len();
    codes.dedup();
    assert_eq!(codes.len(), n, "duplicate codes");
    for u in lex.units() {
        assert!(u.factor > 0.0 && u.factor.is_finite(), "{}", u.code);
        // The base is a unit of the same dimension whose factor is 1 (or, for temperature,
        // the absolute scale).
        let base = lex.get(u.base).unwrap_or_else(|| {
            lex.units()
                .iter()
                .find(|b| b.base == u.base && b.factor == 1.0 && b.offset == 0.0)
                .unwrap_or_else(|| panic!("{}: no base unit {}", u.code, u.base))
        });
        assert_eq!(base.dimension, u.dimension, "{}", u.code);
    }
}

/// Every symbol, glued symbol and name reads back as its own unit, in every way it may be
/// joined to a number.
#[test]
fn every_form_reads_back() {
    let lex = lexicon();
    for u in lex.units() {
        for s in &u.symbols {
            for join in [Join::Glued, Join::Hyphen, Join::Spaced] {
                let text = format!("{s} later");
                let got = lex.read(&text, join).map(|(n, x)| (n, x.code));
                assert_eq!(got, Some((s.len(), u.code)), "symbol {s:?} ({join:?})");
            }
        }
        for s in &u.glued {
            let text = format!("{s} later");
            let got = lex.read(&text, Join::Glued).map(|(n, x)| (n, x.code));
            assert_eq!(got, Some((s.len(), u.code)), "glued symbol {s:?}");
            assert_ne!(
                lex.read(&text, Join::Spaced).map(|(_, x)| x.code),
                Some(u.code),
                "glued-only symbol {s:?} read spaced"
            );
        }
        for n in &u.names {
            let text = format!("{n}, later");
            let got = lex.read(&text, Join::Spaced).map(|(len, x)| (len, x.code));
            assert_eq!(got, Some((n.len(), u.code)), "name {n:?}");
            let upper = format!("{}, later", n.to_uppercase());
            assert_eq!(
                lex.read(&upper, Join::Spaced).map(|(_, x)| x.code),
                Some(u.code),
                "name {n:?} in capitals"
            );
        }
        assert_eq!(
            lex.resolve(u.code).map(|x| x.code),
            Some(u.code),
            "code {}",
            u.code
        );
    }
}

#[test]
fn a_unit_ends_at_a_word_boundary() {
    let lex = lexicon();
    assert!(lex.read("kmx", Join::Glued).is_none());
    assert!(lex.read("kilometresque", Join::Spaced).is_none());
    assert_eq!(
        lex.read("km/h and", Join::Glued).map(|(n, u)| (n, u.code)),
        Some((4, "km/h"))
    );
    assert_eq!(
        lex.read("km/day", Join::Glued).map(|(n, u)| (n, u.code)),
        Some((2, "km"))
    );
    assert_eq!(
        lex.read("miles per hour.", Join::Spaced)
            .map(|(n, u)| (n, u.code)),
        Some((14, "mph"))
    );
    assert_eq!(
        lex.read("miles per", Join::Spaced)
            .map(|(n, u)| (n, u.code)),
        Some((5, "mi"))
    );
    assert_eq!(
        lex.read("kilowatt-hours of", Join::Spaced)
            .map(|(n, u)| (n, u.code)),
        Some((14, "kWh"))
    );
}

#[test]
fn conversion_within_a_base_only() {
    let lex = lexicon();
    let u = |c| lex.get(c).unwrap();
    let close = |a: Option<f64>, b: f64| a.is_some_and(|a| (a - b).abs() < 1e-6 * b.abs().max(1.0));
    assert!(close(lex.convert(1.0, u("mi"), u("km")), 1.609344));
    assert!(close(lex.convert(40.0, u("year"), u("day")), 14609.7));
    assert!(close(lex.convert(100.0, u("C"), u("F")), 212.0));
    assert!(close(lex.convert(85.0, u("GBX"), u("GBP")), 0.85));
    assert!(close(lex.convert(1.0, u("GB"), u("MB")), 1000.0));
    assert_eq!(lex.convert(1.0, u("USD"), u("EUR")), None);
    assert_eq!(lex.convert(1.0, u("%"), u("pp")), None);
    assert_eq!(lex.convert(1.0, u("km"), u("kg")), None);
}

#[test]
fn tables_name_units_loosely_and_unknown_units_get_suggestions() {
    let lex = lexicon();
    for (written, code) in [
        ("km", "km"),
        ("KM", "km"),
        ("kilometres", "km"),
        ("Kilometers", "km"),
        ("days", "day"),
        ("percent", "%"),
        ("US dollars", "USD"),
        ("$", "USD"),
        ("°C", "C"),
        ("kwh", "kWh"),
        ("square miles", "mi2"),
    ] {
        assert_eq!(
            lex.resolve(written).map(|u| u.code),
            Some(code),
            "{written}"
        );
    }
    assert_eq!(lex.resolve("furlongs"), None);
    assert!(
        lex.closest("kilometre2").contains(&"km"),
        "{:?}",
        lex.closest("kilometre2")
    );
    assert!(
        lex.closest("mpg").contains(&"mph"),
        "{:?}",
        lex.closest("mpg")
    );
    assert!(lex.closest("zzzzzzzzzz").is_empty());
}
