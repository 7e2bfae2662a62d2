//! Value and unit F1 of `extract` on news sentences.
//!
//! `tests/news/sentences.tsv` holds news-style sentences restating real public reporting in
//! several fields; `tests/news/quantities.tsv` every quantity in them, labelled by a reader
//! before claimcheck was run on them (`id, text, kind, value, unit`). Scoring follows the
//! usual convention for news quantity benchmarks: years, dates, ordinals and multiples are
//! left out on both sides, and odds, scores and ratios (kind `ratio`) are not quantities, so
//! a quantity read inside one counts against precision.
//!
//! A predicted quantity matches a labelled one of the same sentence when their values agree
//! (both ends, for a range); it also matches on unit when the units agree once both are read
//! through the unit lexicon. The test fails when value-F1 or unit-F1 falls below
//! `tests/news/ratchet.txt`; every miss is written to `target/news-errors.txt`.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;

use claimcheck::{extract, Kind, Quantity};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[derive(Debug, Clone)]
struct Label {
    text: String,
    kind: String,
    low: f64,
    high: f64,
    unit: Option<String>,
}

fn read_tsv(name: &str) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(root().join("tests/news").join(name)).unwrap();
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect()
}

fn parse_value(v: &str) -> Option<(f64, f64)> {
    if let Some((a, b)) = v.split_once("..") {
        return Some((a.parse().ok()?, b.parse().ok()?));
    }
    let x: f64 = v.parse().ok()?;
    Some((x, x))
}

/// Equal values; shares below one are labelled to three decimals ("one in seven" is 0.143).
fn same(a: f64, b: f64) -> bool {
    let d = (a - b).abs();
    d <= 1e-6 * a.abs().max(b.abs()).max(1.0) || (a.abs().max(b.abs()) < 1.0 && d < 0.0005)
}

/// A unit as the lexicon knows it (its code), so that `p`, `pence` and `GBX` agree; rates
/// compare part by part.
fn unit_code(u: &str) -> String {
    u.split('/')
        .map(|part| {
            claimcheck::units::lexicon()
                .resolve(part)
                .map_or(part.to_string(), |x| x.code.to_string())
        })
        .collect::<Vec<_>>()
        .join("/")
}

fn scored_kind(kind: &str) -> bool {
    !matches!(kind, "year" | "date" | "ordinal" | "multiple" | "ratio")
}

fn predicted_scored(q: &Quantity) -> bool {
    !matches!(
        q.kind,
        Kind::Year | Kind::Date | Kind::Ordinal | Kind::Multiple
    )
}

fn bounds(q: &Quantity) -> (Option<f64>, Option<f64>) {
    match q.value {
        Some(v) => (Some(v), Some(v)),
        None => (q.low, q.high),
    }
}

#[derive(Default)]
struct Score {
    gold: usize,
    predicted: usize,
    value_matches: usize,
    unit_matches: usize,
}

impl Score {
    fn f1(&self, matches: usize) -> (f64, f64, f64) {
        let p = matches as f64 / self.predicted.max(1) as f64;
        let r = matches as f64 / self.gold.max(1) as f64;
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        (p, r, f)
    }
}

#[test]
fn news_value_and_unit_f1() {
    let sentences: BTreeMap<String, (String, String)> = read_tsv("sentences.tsv")
        .into_iter()
        .map(|c| (c[0].clone(), (c[1].clone(), c[3].clone())))
        .collect();
    let mut labels: BTreeMap<String, Vec<Label>> = BTreeMap::new();
    for c in read_tsv("quantities.tsv") {
        let (low, high) = parse_value(&c[3]).unwrap_or((f64::NAN, f64::NAN));
        labels.entry(c[0].clone()).or_default().push(Label {
            text: c[1].clone(),
            kind: c[2].clone(),
            low,
            high,
            unit: (c[4] != "-").then(|| unit_code(&c[4])),
        });
    }
    let mut total = Score::default();
    let mut by_field: BTreeMap<String, Score> = BTreeMap::new();
    let mut errors = String::new();
    for (id, (field, sentence)) in &sentences {
        let gold: Vec<&Label> = labels
            .get(id)
            .map(|v| v.iter().filter(|l| scored_kind(&l.kind)).collect())
            .unwrap_or_default();
        let predicted: Vec<Quantity> = extract(sentence)
            .into_iter()
            .filter(predicted_scored)
            .collect();
        let mut used = vec![false; gold.len()];
        let mut score = Score {
            gold: gold.len(),
            predicted: predicted.len(),
            ..Score::default()
        };
        for q in &predicted {
            let (lo, hi) = bounds(q);
            let hit = gold.iter().enumerate().find(|(i, l)| {
                !used[*i]
                    && lo.is_some_and(|x| same(x, l.low))
                    && hi.is_some_and(|x| same(x, l.high))
            });
            match hit {
                Some((i, l)) => {
                    used[i] = true;
                    score.value_matches += 1;
                    let unit = q.unit.as_deref().map(unit_code);
                    if unit == l.unit {
                        score.unit_matches += 1;
                    } else {
                        writeln!(
                            errors,
                            "{id}\tunit\t{:?}: read {:?}, labelled {:?}",
                            q.text, unit, l.unit
                        )
                        .unwrap();
                    }
                }
                None => writeln!(
                    errors,
                    "{id}\textra\t{:?} ({:?}, {:?}..{:?} {:?})",
                    q.text, q.kind, lo, hi, q.unit
                )
                .unwrap(),
            }
        }
        for (i, l) in gold.iter().enumerate() {
            if !used[i] {
                writeln!(
                    errors,
                    "{id}\tmissed\t{:?} ({} {}..{} {:?})",
                    l.text, l.kind, l.low, l.high, l.unit
                )
                .unwrap();
            }
        }
        let f = by_field.entry(field.clone()).or_default();
        for s in [&mut total, f] {
            s.gold += score.gold;
            s.predicted += score.predicted;
            s.value_matches += score.value_matches;
            s.unit_matches += score.unit_matches;
        }
    }
    let out = root().join("target/news-errors.txt");
    let _ = std::fs::create_dir_all(root().join("target"));
    let _ = std::fs::write(&out, &errors);
    let (vp, vr, vf) = total.f1(total.value_matches);
    let (up, ur, uf) = total.f1(total.unit_matches);
    println!(
        "news: {} sentences, {} labelled quantities scored, {} read",
        sentences.len(),
        total.gold,
        total.predicted
    );
    println!("value: precision {vp:.3} recall {vr:.3} F1 {vf:.3}");
    println!("unit:  precision {up:.3} recall {ur:.3} F1 {uf:.3}");
    for (field, s) in &by_field {
        let (_, _, f) = s.f1(s.value_matches);
        println!("  {field:<11} value-F1 {f:.3} ({} labelled)", s.gold);
    }
    let ratchet = std::fs::read_to_string(root().join("tests/news/ratchet.txt")).unwrap();
    let floor = |key: &str| -> f64 {
        ratchet
            .lines()
            .find_map(|l| l.strip_prefix(key))
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or_else(|| panic!("ratchet.txt has no {key}"))
    };
    assert!(
        vf + 1e-9 >= floor("value_f1"),
        "value-F1 {vf:.3} fell below the ratchet; see {}",
        out.display()
    );
    assert!(
        uf + 1e-9 >= floor("unit_f1"),
        "unit-F1 {uf:.3} fell below the ratchet; see {}",
        out.display()
    );
}
