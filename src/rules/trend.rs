//! `trend`: a direction or size of change that the values refute.

use super::tolerance::{claimed, stated, Interval, Tolerances};
use super::{Rule, Severity, Verdict};
use crate::claim::{ChangeSize, Direction, Trend};
use crate::quantity::{hedge_meaning, Quantity};
use crate::table::{Record, Table};

pub const RULE: Rule = Rule {
    id: "trend",
    severity: Severity::Error,
    summary: "A rise, fall or size of change that the table's values refute",
    doc: "\
The article says a value rose or fell (\"jumped\", \"increased\", \"declined\", \"doubled\", \
\"nearly tripled\", \"halved\", \"grew by about 500\", \"rose 30 percent\", \"200 more than in \
2015\") and the table's values for the two periods say otherwise.

The later period is the claim's (a year in the sentence, else the table's current period); the \
earlier is the one the sentence names (\"since 2015\", \"from … in 2015\", \"than in 2015\"), \
else the table's period just before. A factor with no hedge is read within 10 % (\"doubled\" \
covers ×1.8 to ×2.2); a hedge narrows or bounds it as for any number (\"nearly doubled\" is \
×1.8 to ×2). Predictions and negations (\"will not increase\") are not checked. Where the \
intervals of the two values overlap, the direction is undecided and the claim unverified.

Fix: correct the direction or the size, or name the periods compared.",
};

fn interval(r: &Record, tol: &Tolerances) -> Interval {
    stated(
        r.value.scaled_low,
        r.value.scaled_high,
        r.value.hedge.as_deref(),
        tol,
    )
}

/// The period before `period` among the entity's periods, when they are years.
fn previous(table: &Table, entity: &str, metric: &str, period: &str) -> Option<String> {
    let p: i64 = period.parse().ok()?;
    table
        .periods(entity, metric)
        .into_iter()
        .filter_map(|x| x.parse::<i64>().ok())
        .filter(|x| *x < p)
        .max()
        .map(|x| x.to_string())
}

/// A factor claim's interval: a bare factor is read within 10 %.
fn factor_interval(q: &Quantity, tol: &Tolerances) -> Option<Interval> {
    let v = q.value?;
    if q.hedge.as_deref().and_then(hedge_meaning).is_none() {
        return Some(Interval::closed(v * 0.9, v * 1.1));
    }
    claimed(q, tol)
}

pub fn check<'t>(
    trend: &Trend,
    table: &'t Table,
    entity: &str,
    metric: &str,
    period: &str,
    tol: &Tolerances,
) -> Verdict<'t> {
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
    let (Some(a), Some(b)) = (
        table.lookup(entity, metric, &from),
        table.lookup(entity, metric, period),
    ) else {
        return Verdict::Undecided(format!(
            "no {metric} values for {entity} in both {from} and {period}"
        ));
    };
    let (f, t) = (interval(a, tol), interval(b, tol));
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
    let (actual, claimed_size) = match &trend.size {
        None => return Verdict::Holds,
        Some(ChangeSize::Factor(q)) => {
            if f.low <= 0.0 {
                return Verdict::Undecided("the earlier value is zero".into());
            }
            let actual = Interval::closed(t.low / f.high, t.high / f.low);
            (actual, factor_interval(q, tol))
        }
        Some(ChangeSize::Absolute(q)) => {
            let diff = match trend.direction {
                Direction::Up => Interval::closed(t.low - f.high, t.high - f.low),
                Direction::Down => Interval::closed(f.low - t.high, f.high - t.low),
            };
            (diff, claimed(q, tol))
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
