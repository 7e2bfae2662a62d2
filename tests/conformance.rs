//! Conformance of the numeral grammar against two public test suites kept in
//! `../shared/corpus` (next to the crate root):
//!
//! * Microsoft Recognizers-Text English number specs (`recognizers-text/`): NumberModel,
//!   PercentModel, NumberRangeModel and OrdinalModel. Cases where claimcheck deliberately reads
//!   the text differently are listed in `tests/conformance/deviations.tsv` and counted apart;
//!   the number of passing cases may not fall below `tests/conformance/ratchet.txt`.
//! * quantulum3's `quantities.json`: only the cases whose expected quantities are all bare
//!   numbers, percentages or money; every expected value must be among our quantities.
//!
//! Failing cases are written to `target/conformance-failures.txt` and
//! `target/quantulum-failures.txt`. When the corpus is absent both tests skip.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use claimcheck::quantity::{hedge_meaning, HedgeMeaning};
use claimcheck::{extract, Kind, Quantity};
use serde_json::Value;

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn corpus_dir() -> PathBuf {
    manifest_dir().join("..").join("shared").join("corpus")
}

fn write_report(name: &str, body: &str) -> PathBuf {
    let dir = manifest_dir().join("target");
    fs::create_dir_all(&dir).expect("create target/");
    let path = dir.join(name);
    fs::write(&path, body).expect("write report");
    path
}

fn describe(q: &Quantity) -> String {
    format!(
        "{:?} kind={:?} value={:?} low={:?} high={:?} hedge={:?} unit={:?}",
        q.text, q.kind, q.value, q.low, q.high, q.hedge, q.unit
    )
}

fn describe_all(qs: &[Quantity]) -> String {
    if qs.is_empty() {
        return "    (nothing)\n".to_string();
    }
    qs.iter()
        .map(|q| format!("    {}\n", describe(q)))
        .collect()
}

/// `a` and `b` agree within the relative tolerance `tol` (exact zero compares absolutely).
fn close(a: f64, b: f64, tol: f64) -> bool {
    let scale = a.abs().max(b.abs());
    (a - b).abs() <= tol * scale || (a - b).abs() < 1e-12
}

// ---------------------------------------------------------------------------------------------
// Recognizers-Text
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Model {
    Number,
    Percent,
    Range,
    Ordinal,
}

const MODELS: &[(&str, Model)] = &[
    ("NumberModel.json", Model::Number),
    ("PercentModel.json", Model::Percent),
    ("NumberRangeModel.json", Model::Range),
    ("OrdinalModel.json", Model::Ordinal),
];

struct Expected {
    text: String,
    /// Character offsets, `end` inclusive.
    start: usize,
    end: usize,
    value: String,
}

struct Case {
    input: String,
    results: Vec<Expected>,
    not_supported: Option<String>,
}

fn load_cases(path: &Path) -> Vec<Case> {
    let raw = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let json: Value =
        serde_json::from_str(&raw).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let as_usize = |v: &Value| v.as_u64().map(|n| n as usize).unwrap_or(0);
    json.as_array()
        .expect("top-level array")
        .iter()
        .map(|case| Case {
            input: case["Input"].as_str().expect("Input").to_string(),
            results: case["Results"]
                .as_array()
                .map(|rs| {
                    rs.iter()
                        .map(|r| Expected {
                            text: r["Text"].as_str().unwrap_or_default().to_string(),
                            start: as_usize(&r["Start"]),
                            end: as_usize(&r["End"]),
                            value: match &r["Resolution"]["value"] {
                                Value::String(s) => s.clone(),
                                Value::Null => "null".to_string(),
                                other => other.to_string(),
                            },
                        })
                        .collect()
                })
                .unwrap_or_default(),
            not_supported: case["NotSupported"]
                .as_str()
                .or(case["NotSupportedByDesign"].as_str())
                .map(str::to_string),
        })
        .collect()
}

/// Whether a quantity is one the model reports.
fn relevant(model: Model, q: &Quantity) -> bool {
    match model {
        // A bare year ("5/17/2018" read as a date, "in 2009") is a number to Recognizers; we
        // deliberately keep years and dates apart, so they are not compared here.
        Model::Number => matches!(q.kind, Kind::Number | Kind::Money | Kind::Fraction),
        Model::Percent => q.kind == Kind::Percent,
        // A bound: a range, or a quantity whose bounds differ from each other ("more than 30"
        // has low 30 and no high). A quantity with a non-approximate hedge is a bound phrase
        // too, even when its bounds coincide ("equal to 20").
        Model::Range => {
            q.kind == Kind::Range
                || q.low != q.high
                || q.hedge
                    .as_deref()
                    .is_some_and(|h| hedge_meaning(h) != Some(HedgeMeaning::Approximate))
        }
        Model::Ordinal => q.kind == Kind::Ordinal,
    }
}

/// The tolerance for an expected number printed by .NET: its 15 significant digits round a
/// repeating decimal ("0.666666666666667"), so long mantissas compare more loosely.
fn tolerance(printed: &str) -> f64 {
    let mantissa = printed.split(['E', 'e']).next().unwrap_or(printed);
    let decimals = mantissa.split('.').nth(1).map_or(0, str::len);
    if decimals >= 10 {
        1e-6
    } else {
        1e-9
    }
}

fn parse_number(s: &str) -> Option<f64> {
    s.trim().parse::<f64>().ok()
}

/// Parses interval notation: "[20,30)", "(30,)", "(,100]", "[20,20]".
fn parse_interval(s: &str) -> Option<(Option<f64>, Option<f64>)> {
    let s = s.trim();
    let inner = s.strip_prefix(['[', '('])?.strip_suffix([']', ')'])?;
    let (lo, hi) = inner.split_once(',')?;
    let bound = |b: &str| -> Option<Option<f64>> {
        if b.trim().is_empty() {
            Some(None)
        } else {
            parse_number(b).map(Some)
        }
    };
    Some((bound(lo)?, bound(hi)?))
}

fn bound_matches(ours: Option<f64>, expected: Option<f64>, tol: f64) -> bool {
    match (ours, expected) {
        (None, None) => true,
        (Some(a), Some(b)) => close(a, b, tol),
        _ => false,
    }
}

fn text_matches(model: Model, input: &str, expected: &Expected, q: &Quantity) -> bool {
    let slice: String = input
        .chars()
        .skip(expected.start)
        .take((expected.end + 1).saturating_sub(expected.start))
        .collect();
    let ours = q.text.to_lowercase();
    if ours == slice.to_lowercase() || ours.trim() == expected.text.trim().to_lowercase() {
        return true;
    }
    // Our span deliberately includes the hedge ("about 2", "equals 0.11"); the number and
    // percent models report the bare number, so there the hedge is stripped before comparing.
    // The range model keeps it: there the hedge is the bound.
    if matches!(model, Model::Number | Model::Percent) {
        if let Some(h) = &q.hedge {
            let bare = ours.get(h.len()..).unwrap_or("").trim_start();
            if !bare.is_empty()
                && (bare == slice.to_lowercase() || bare == expected.text.trim().to_lowercase())
            {
                return true;
            }
        }
    }
    // The number model reports the number of an amount of money without its currency
    // ("$20" → "20", "3 hundred and 21 yuan" → "3 hundred and 21"): our span holds the
    // currency too, so the expected number only has to lie inside it.
    // Likewise a quantity with a unit of measure ("3 years", "more than thirty years"): the
    // models report the number, or the bound, without the unit.
    let expected_text = slice.trim().to_lowercase();
    (model == Model::Number
        && (q.kind == Kind::Money || q.unit.is_some())
        && !expected_text.is_empty()
        && ours.contains(&expected_text))
        || (model == Model::Range
            && q.unit.is_some()
            && !expected_text.is_empty()
            && ours.starts_with(&expected_text))
}

fn value_matches(model: Model, expected: &Expected, q: &Quantity) -> bool {
    let printed = expected.value.as_str();
    match model {
        Model::Number | Model::Ordinal => match (parse_number(printed), q.value) {
            (Some(e), Some(v)) => close(v, e, tolerance(printed)),
            // Relative ordinals ("end-1", "current+1") have no number to compare.
            _ => false,
        },
        Model::Percent => {
            if printed == "null" {
                return true;
            }
            match (parse_number(printed.trim_end_matches('%')), q.value) {
                (Some(e), Some(v)) => close(v, e, tolerance(printed)),
                _ => false,
            }
        }
        // Open and closed brackets are not compared: claimcheck keeps "more than 30" and
        // "at least 30" apart through the hedge, not through an open or closed bound, so both
        // have low 30. Only the bound values are compared; "[20,20]" wants low = high = 20.
        Model::Range => match parse_interval(printed) {
            Some((lo, hi)) => {
                let tol = tolerance(printed);
                bound_matches(q.low, lo, tol) && bound_matches(q.high, hi, tol)
            }
            None => false,
        },
    }
}

fn case_passes(model: Model, case: &Case, kept: &[&Quantity]) -> bool {
    kept.len() == case.results.len()
        && case
            .results
            .iter()
            .zip(kept)
            .all(|(e, q)| text_matches(model, &case.input, e, q) && value_matches(model, e, q))
}

/// `file<TAB>input<TAB>reason`; `#` starts a comment line. The input is taken verbatim
/// (leading and trailing spaces included).
fn load_deviations(path: &Path) -> HashMap<(String, String), String> {
    let raw = fs::read_to_string(path).unwrap_or_default();
    let mut out = HashMap::new();
    for (n, line) in raw.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let mut parts = line.splitn(3, '\t');
        let (Some(file), Some(input), Some(reason)) = (parts.next(), parts.next(), parts.next())
        else {
            panic!(
                "{}:{}: want file<TAB>input<TAB>reason",
                path.display(),
                n + 1
            );
        };
        let previous = out.insert((file.to_string(), input.to_string()), reason.to_string());
        assert!(
            previous.is_none(),
            "{}:{}: duplicate deviation",
            path.display(),
            n + 1
        );
    }
    out
}

#[test]
fn recognizers_text_conformance() {
    let dir = corpus_dir().join("recognizers-text");
    if !dir.is_dir() {
        println!("conformance: ../shared/corpus not found, skipped");
        return;
    }
    let data = manifest_dir().join("tests").join("conformance");
    let deviations = load_deviations(&data.join("deviations.tsv"));
    let ratchet: usize = fs::read_to_string(data.join("ratchet.txt"))
        .expect("tests/conformance/ratchet.txt")
        .trim()
        .parse()
        .expect("ratchet.txt holds one number");

    let mut report = String::new();
    let mut deviation_report = String::new();
    let mut used_deviations = HashSet::new();
    let (mut total, mut total_passed, mut total_deviations) = (0, 0, 0);
    let mut stale = Vec::new();

    for &(file, model) in MODELS {
        let cases = load_cases(&dir.join(file));
        let (mut passed, mut deviated) = (0, 0);
        for case in &cases {
            let found = extract(&case.input);
            let kept: Vec<&Quantity> = found.iter().filter(|q| relevant(model, q)).collect();
            let ok = case_passes(model, case, &kept);
            let key = (file.to_string(), case.input.clone());
            let mut entry = format!("[{file}] {:?}\n  expected:\n", case.input);
            if case.results.is_empty() {
                entry.push_str("    (nothing)\n");
            }
            for e in &case.results {
                let _ = writeln!(entry, "    {:?} = {}", e.text, e.value);
            }
            if let Some(ns) = &case.not_supported {
                let _ = writeln!(entry, "  (Recognizers: not supported on {ns})");
            }
            let _ = write!(entry, "  kept:\n{}", {
                let kept: Vec<Quantity> = kept.iter().map(|q| (*q).clone()).collect();
                describe_all(&kept)
            });
            if kept.len() != found.len() {
                let _ = write!(entry, "  all extracted:\n{}", describe_all(&found));
            }
            if let Some(reason) = deviations.get(&key) {
                used_deviations.insert(key);
                deviated += 1;
                if ok {
                    stale.push(format!("{file}\t{}", case.input));
                }
                let _ = writeln!(deviation_report, "{entry}  deviation: {reason}\n");
            } else if ok {
                passed += 1;
            } else {
                let _ = writeln!(report, "{entry}");
            }
        }
        let name = file.trim_end_matches(".json");
        println!(
            "{name}: passed {passed}/{} (deviations {deviated})",
            cases.len()
        );
        total += cases.len();
        total_passed += passed;
        total_deviations += deviated;
    }

    let failures = total - total_passed - total_deviations;
    println!(
        "total: passed {total_passed}/{total} (deviations {total_deviations}, failures {failures})"
    );
    let header = format!(
        "Recognizers-Text conformance: passed {total_passed}/{total}, deviations \
         {total_deviations}, failures {failures}\n\n== failures ==\n\n"
    );
    let path = write_report(
        "conformance-failures.txt",
        &format!("{header}{report}\n== deviations (for review) ==\n\n{deviation_report}"),
    );
    println!("conformance: failures written to {}", path.display());

    for s in &stale {
        println!("conformance: deviation now passes, consider removing it: {s}");
    }
    let unknown: Vec<_> = deviations
        .keys()
        .filter(|k| !used_deviations.contains(*k))
        .collect();
    assert!(
        unknown.is_empty(),
        "deviations.tsv lists inputs that are no case: {unknown:?}"
    );
    if total_passed > ratchet {
        println!("conformance: {total_passed} passes > ratchet {ratchet}; raise ratchet.txt");
    }
    assert!(
        total_passed >= ratchet,
        "conformance regressed: {total_passed} cases pass, ratchet.txt wants at least {ratchet} \
         (see {})",
        path.display()
    );
}

// ---------------------------------------------------------------------------------------------
// quantulum3
// ---------------------------------------------------------------------------------------------

/// quantulum3 unit names kept: bare numbers, percentages and currencies. Physical units,
/// rates ("dollar per hour") and counting units ("dozen", "gross") are skipped.
const QUANTULUM_UNITS: &[&str] = &[
    "dimensionless",
    "percentage",
    "dollar",
    "euro",
    "pound sterling",
    "penny",
    "cent",
    "dime",
];

/// Whether `q` states `value` (a range "7 to 10" is value 8.5 with uncertainty 1.5).
fn quantulum_match(q: &Quantity, value: f64, uncertainty: Option<f64>) -> bool {
    const TOL: f64 = 1e-6;
    if q.value.is_some_and(|v| close(v, value, TOL)) {
        return true;
    }
    if let (Some(lo), Some(hi)) = (q.low, q.high) {
        if let Some(u) = uncertainty {
            if close(lo, value - u, TOL) && close(hi, value + u, TOL) {
                return true;
            }
        }
        if q.value.is_none() && close((lo + hi) / 2.0, value, TOL) {
            return true;
        }
    }
    false
}

#[test]
fn quantulum3_conformance() {
    let path = corpus_dir().join("quantulum3").join("quantities.json");
    if !path.is_file() {
        println!("conformance: ../shared/corpus/quantulum3 not found, skipped");
        return;
    }
    let raw = fs::read_to_string(&path).expect("read quantities.json");
    let json: Value = serde_json::from_str(&raw).expect("quantities.json");
    let mut report = String::new();
    let (mut cases, mut passed, mut expected_total, mut expected_found) = (0, 0, 0, 0);
    for case in json.as_array().expect("top-level array") {
        let input = case["req"].as_str().expect("req");
        let Some(res) = case["res"].as_array() else {
            continue;
        };
        let wanted = !res.is_empty()
            && res.iter().all(|r| {
                r["unit"]
                    .as_str()
                    .is_some_and(|u| QUANTULUM_UNITS.contains(&u))
            });
        if !wanted {
            continue;
        }
        cases += 1;
        let found = extract(input);
        let mut missing = Vec::new();
        for r in res {
            let value = r["value"].as_f64().expect("value");
            let uncertainty = r["uncertainty"].as_f64();
            expected_total += 1;
            if found.iter().any(|q| quantulum_match(q, value, uncertainty)) {
                expected_found += 1;
            } else {
                missing.push(format!(
                    "{:?} = {value}{} ({})",
                    r["surface"].as_str().unwrap_or_default(),
                    uncertainty.map_or(String::new(), |u| format!(" ± {u}")),
                    r["unit"].as_str().unwrap_or_default()
                ));
            }
        }
        if missing.is_empty() {
            passed += 1;
        } else {
            let _ = write!(report, "{input:?}\n  missing:\n");
            for m in &missing {
                let _ = writeln!(report, "    {m}");
            }
            let _ = writeln!(report, "  extracted:\n{}", describe_all(&found));
        }
    }
    println!(
        "quantulum3: passed {passed}/{cases} cases ({expected_found}/{expected_total} expected \
         values found)"
    );
    let out = write_report(
        "quantulum-failures.txt",
        &format!(
            "quantulum3 (numbers, percentages, money): passed {passed}/{cases} cases, \
             {expected_found}/{expected_total} values\n\n{report}"
        ),
    );
    println!("quantulum3: failures written to {}", out.display());
}
