//! `trend`: a direction or size of change that the values refute.

use super::tolerance::{claimed, factor, of_printed_record, of_record, Interval, Tolerances};
use super::{Rule, Severity, Verdict};
use crate::claim::{ChangeSize, Direction, Trend};
use crate::table::{MetricKind, Table};

pub const RULE: Rule = Rule {
    id: "trend",
    severity: Severity::Error,
    summary: "A rise, fall or size of change that the table's values refute",
    doc: "\
The article says a value rose or fell (\"jumped\", \"increased\", \"declined\", \"doubled\", \
\"nearly tripled\", \"halved\", \"grew by about 500\", \"rose 30 percent\", \"200 more than in \
2015\") and the table's values for the two periods say otherwise.

The later period is the claim's (a year in the sentence, else the year in force, else the \
table's current period); the earlier is the one the sentence names (\"since 2015\", \"from … in 2015\", \"than in 2015\"), \
else the table's period just before. A factor with no hedge is read within 10 % (\"doubled\" \
covers ×1.8 to ×2.2); a hedge narrows or bounds it as for any number (\"nearly doubled\" is \
×1.8 to ×2). Predictions and negations (\"will not increase\") are not checked. Where the \
intervals of the two values overlap, the direction is undecided and the claim unverified. On a \
metric whose values are changes (`kind: change`), the direction is the sign of the period's \
value and a size is that value itself; an amount (\"fell by 31,000\") is no change of a \
percentage.

Fix: correct the direction or the size, or name the periods compared.",
};

/// The period before `period` among the entity's periods, when they are years.
fn previous(table: &Table, entity: &str, metric: &str, period: &str) -> Option<String> {
    let p = order_key(period)?;
    table
        .periods(entity, metric)
        .into_iter()
        .filter_map(|x| order_key(x).map(|k| (k, x)))
        .filter(|(k, _)| k.0 == p.0 && k.1 < p.1)
        .max()
        .map(|(_, x)| x.to_string())
}

/// Where a period stands in time, for periods of one form: a year ("2023") or a season
/// whose label starts with its first year ("2023/24", "2023-24"). The first part says the
/// form, so a season is never put before or after a year.
fn order_key(period: &str) -> Option<(bool, i64)> {
    let p = period.trim();
    if let Ok(y) = p.parse::<i64>() {
        return Some((false, y));
    }
    let (a, b) = p.split_once(['/', '-', '–'])?;
    let first: i64 = a.parse().ok().filter(|_| a.len() == 4)?;
    b.chars()
        .all(|c| c.is_ascii_digit())
        .then_some((true, first))
}

pub fn check<'t>(
    trend: &Trend,
    table: &'t Table,
    entity: &str,
    metric: &str,
    period: &str,
    tol: &Tolerances,
) -> Verdict<'t> {
    // "slumped from 24 seats to nine": the text states both ends, which are checked as
    // values; the word is checked against them.
    if let Some((a, b)) = trend.ends.as_deref() {
        // Only ends of one kind and unit compare ("more than half to 43%" does not).
        let comparable = a.kind == b.kind && a.unit == b.unit;
        if let (Some(x), Some(y), true) = (a.value, b.value, comparable) {
            let agrees = match trend.direction {
                Direction::Up => y > x,
                Direction::Down => y < x,
            };
            if !agrees {
                let word = match trend.direction {
                    Direction::Up => "rise",
                    Direction::Down => "fall",
                };
                return Verdict::Refuted {
                    message: format!("from {} to {} is no {word}", a.text, b.text),
                    record: None,
                };
            }
        }
        return Verdict::Undecided(format!(
            "the change is stated by its ends, {} and {}, which are checked as values",
            a.text, b.text
        ));
    }
    let percent_metric = table
        .metric(metric)
        .is_some_and(|m| m.unit.as_deref() == Some("%"));
    // A count of people is no change of a percentage: "unemployment fell by 31,000"; and
    // percentage points change only a percentage: "its share of capacity rose by 2.5
    // points" says nothing of the capacity.
    if let Some(ChangeSize::Absolute(q)) = &trend.size {
        let points = q.kind == crate::quantity::Kind::PercentagePoints;
        if percent_metric && !points {
            return Verdict::Undecided(format!(
                "{} is an amount, and {metric} is a percentage",
                q.text
            ));
        }
        if points && !percent_metric {
            return Verdict::Undecided(format!(
                "{} changes a percentage, and {metric} is not one",
                q.text
            ));
        }
    }
    if table
        .metric(metric)
        .is_some_and(|m| m.kind == MetricKind::Change)
    {
        // A percentage size is a share only of a change measured in percent.
        if let Some(ChangeSize::Percent(q)) = &trend.size {
            if !percent_metric {
                return Verdict::Undecided(format!(
                    "{} is a percentage, and {metric} is not",
                    q.text
                ));
            }
        }
        return check_change(trend, table, entity, metric, period, tol);
    }
    let from = match &trend.from {
        Some(f) => f.clone(),
        None => match previous(table, entity, metric, period) {
            Some(p) => p,
            None => {
                return Verdict::Undecided(format!(
                    "no period before {period} for {entity}, {metric}"
                ))
            }
        },
    };
    // A change within one period says nothing the values can check.
    if from == period {
        return Verdict::Undecided(format!("the change is read within one period, {period}"));
    }
    let (Some(a), Some(b)) = (
        table.lookup(entity, metric, &from),
        table.lookup(entity, metric, period),
    ) else {
        return Verdict::Undecided(format!(
            "no {metric} values for {entity} in both {from} and {period}"
        ));
    };
    let (f, t) = (of_record(a, tol), of_record(b, tol));
    let rose = t.low > f.high;
    let fell = t.high < f.low;
    let (fv, tv) = (&a.value.text, &b.value.text);
    let refuted = |m: String| Verdict::Refuted {
        message: m,
        record: Some(b),
    };
    match trend.direction {
        Direction::Up if fell || (t.high <= f.low && t.low >= f.high) => {
            return refuted(format!(
                "{entity}, {metric}: {fv} in {from} to {tv} in {period} is no rise"
            ));
        }
        Direction::Down if rose || (t.high <= f.low && t.low >= f.high) => {
            return refuted(format!(
                "{entity}, {metric}: {fv} in {from} to {tv} in {period} is no fall"
            ));
        }
        _ => {}
    }
    if !(rose || fell) {
        return Verdict::Undecided(format!("{entity}, {metric}: {fv} and {tv} overlap"));
    }
    // The size is computed from the figures as printed, each only as exact as its rounding.
    let (f, t) = (of_printed_record(a, tol), of_printed_record(b, tol));
    let (actual, claimed_size) = match &trend.size {
        None => return Verdict::Holds,
        Some(ChangeSize::Factor(q)) => {
            if f.low <= 0.0 {
                return Verdict::Undecided("the earlier value is zero".into());
            }
            let actual = Interval::closed(t.low / f.high, t.high / f.low);
            (actual, factor(q, tol))
        }
        Some(ChangeSize::Absolute(q)) => {
            let diff = match trend.direction {
                Direction::Up => Interval::closed(t.low - f.high, t.high - f.low),
                Direction::Down => Interval::closed(f.low - t.high, f.high - t.low),
            };
            // "dropped by 130,000 tonnes" against a metric kept in thousand tonnes.
            let unit = table.metric(metric).and_then(|m| m.unit.as_deref());
            let size = match (claimed(q, tol), super::tolerance::unit_fit(q, unit)) {
                (Some(i), Some(Some((from, to)))) => {
                    Some(super::tolerance::convert_interval(i, from, to))
                }
                (size, _) => size,
            };
            (diff, size)
        }
        Some(ChangeSize::Percent(q)) => {
            if f.low <= 0.0 {
                return Verdict::Undecided("the earlier value is zero".into());
            }
            let rel = match trend.direction {
                Direction::Up => Interval::closed(
                    (t.low / f.high - 1.0) * 100.0,
                    (t.high / f.low - 1.0) * 100.0,
                ),
                Direction::Down => Interval::closed(
                    (1.0 - t.high / f.low) * 100.0,
                    (1.0 - t.low / f.high) * 100.0,
                ),
            };
            (rel, claimed(q, tol))
        }
    };
    let stated = match &trend.size {
        Some(ChangeSize::Factor(q) | ChangeSize::Absolute(q) | ChangeSize::Percent(q)) => &q.text,
        None => return Verdict::Holds,
    };
    // What the values give, as the claim states it: a factor, a difference or a percentage.
    let mid = |i: &Interval| (i.low + i.high) / 2.0;
    let actual_text = match &trend.size {
        Some(ChangeSize::Factor(_)) => format!("×{:.2}", mid(&actual)),
        Some(ChangeSize::Percent(_)) => format!("{:.1} %", mid(&actual)),
        _ => format!("a change of {}", crate::report::number(mid(&actual))),
    };
    match claimed_size {
        Some(c) if !c.meets(&actual) => refuted(format!(
            "{entity}, {metric}: {fv} in {from} to {tv} in {period} is {actual_text}, not {stated}"
        )),
        Some(_) => Verdict::Holds,
        None => Verdict::Undecided("the size of the change is not a number".into()),
    }
}

/// A trend on a metric whose values are themselves changes ("seat change", "growth"): the
/// direction is the sign of the period's value, and a size ("grew by 12 percent", "lost 4
/// seats") is that value, not a change of it.
fn check_change<'t>(
    trend: &Trend,
    table: &'t Table,
    entity: &str,
    metric: &str,
    period: &str,
    tol: &Tolerances,
) -> Verdict<'t> {
    let Some(record) = table.lookup(entity, metric, period) else {
        return Verdict::Undecided(format!(
            "no {metric} value for {entity}{period_in}",
            period_in = crate::table::in_period(period)
        ));
    };
    let value = of_record(record, tol);
    let text = &record.value.text;
    let refuted = |m: String| Verdict::Refuted {
        message: m,
        record: Some(record),
    };
    match trend.direction {
        Direction::Up if value.high < 0.0 => {
            return refuted(format!(
                "{entity}, {metric}: the change{period_in} is {text}, no rise",
                period_in = crate::table::in_period(period)
            ))
        }
        Direction::Down if value.low > 0.0 => {
            return refuted(format!(
                "{entity}, {metric}: the change{period_in} is {text}, no fall",
                period_in = crate::table::in_period(period)
            ))
        }
        _ => {}
    }
    let size = match &trend.size {
        Some(ChangeSize::Absolute(q) | ChangeSize::Percent(q)) => q,
        // A factor of a change ("doubled") says nothing about the change's own value.
        Some(ChangeSize::Factor(_)) | None => return Verdict::Holds,
    };
    let Some(claimed) = claimed(size, tol) else {
        return Verdict::Undecided("the size of the change is not a number".into());
    };
    // The table signs a change; the text gives its direction in words.
    let signed = match trend.direction {
        Direction::Up => claimed,
        Direction::Down => Interval {
            low: -claimed.high,
            high: -claimed.low,
            ..claimed
        },
    };
    if signed.meets(&value) {
        Verdict::Holds
    } else {
        refuted(format!(
            "{entity}, {metric}: the change{period_in} is {text}, not {}",
            size.text,
            period_in = crate::table::in_period(period)
        ))
    }
}
