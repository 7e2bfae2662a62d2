//! `compare`: a difference or ratio between two rows that the table's values refute.

use super::tolerance::{
    claimed, convert_interval, factor, of_record, printed_in_table_scale, unit_fit, Interval,
    Tolerances,
};
use super::{Rule, Severity, Verdict};
use crate::claim::Comparison;
use crate::quantity::Kind;
use crate::table::Table;

pub const RULE: Rule = Rule {
    id: "compare",
    severity: Severity::Error,
    summary: "A difference or ratio between two rows that the table's values refute",
    doc: "\
The article sets one row against another: a difference (\"six points clear of Arsenal\", \
\"$40 billion more than Toyota\", \"four golds behind Norway\") or a ratio (\"five times the \
size of Wales\", \"more than twice as long as the Thames\"), and the table's values for the \
two rows, in the same metric and period, give another.

The subject is the name the sentence speaks of; the other row is the name right after \
\"than\", \"of\", \"as\", \"behind\" or \"to\". The difference is the subject's value less the \
other's (the other's less the subject's for \"fewer\", \"behind\", \"lower\"), compared as \
any number with its hedge and printed precision. A percentage is a share of the other row's \
value (\"40% fewer hours than Mexico\" is 1 − 1,343 / 2,207); on a metric in percent it may \
also be a difference in points, and either reading holds. A bare factor is read within 10 % \
(\"twice\" covers ×1.8 to ×2.2); a hedged one as for any number (\"more than twice\" is \
above ×2). A comparison whose direction the values contradict (\"more\" where the subject \
has less) is refuted whatever its size.

Fix: correct the difference or the factor, or the row it is measured against.",
};

pub fn check<'t>(
    c: &Comparison,
    claim: &crate::quantity::Quantity,
    table: &'t Table,
    entity: &str,
    metric: &str,
    period: &str,
    tol: &Tolerances,
) -> Verdict<'t> {
    let (Some(a), Some(b)) = (
        table.lookup(entity, metric, period),
        table.lookup(&c.other, metric, period),
    ) else {
        return Verdict::Undecided(format!(
            "no {metric} values for both {entity} and {}{period_in}",
            c.other,
            period_in = crate::table::in_period(period)
        ));
    };
    let (x, y) = (of_record(a, tol), of_record(b, tol));
    if !(x.low.is_finite() && x.high.is_finite() && y.low.is_finite() && y.high.is_finite()) {
        return Verdict::Undecided("a value of the two rows is unbounded".into());
    }
    let (av, bv) = (&a.value.text, &b.value.text);
    let other = &c.other;
    let refuted = |m: String| Verdict::Refuted {
        message: m,
        record: Some(a),
    };
    // The direction first: "more" where the subject has less is wrong whatever the size.
    let wrong_way = if c.more {
        x.high < y.low
    } else {
        x.low > y.high
    };
    if wrong_way {
        let word = if c.more { "more" } else { "less" };
        return refuted(format!("{entity} has {av} and {other} {bv}: not {word}"));
    }
    let percent_metric = table
        .metric(metric)
        .and_then(|m| m.unit.as_deref())
        .and_then(|u| crate::units::lexicon().resolve(u))
        .is_some_and(|u| u.dimension == crate::units::Dimension::Percent);
    // "40% fewer than Mexico", "a third more than France": a percentage of the other row,
    // not a difference in the metric's unit. On a metric of percentages it may be either
    // (points or a relative change), so both readings are tried.
    let relative = !c.ratio && claim.kind == Kind::Percent;
    if relative && y.low > 0.0 {
        let change = if c.more {
            Interval::closed(
                (x.low / y.high - 1.0) * 100.0,
                (x.high / y.low - 1.0) * 100.0,
            )
        } else {
            Interval::closed(
                (1.0 - x.high / y.low) * 100.0,
                (1.0 - x.low / y.high) * 100.0,
            )
        };
        let Some(size) = claimed(claim, tol) else {
            return Verdict::Undecided("the size of the comparison is not a number".into());
        };
        if size.meets(&change) {
            return Verdict::Holds;
        }
        if !percent_metric {
            let mid = (change.low + change.high) / 2.0;
            let word = if c.more { "more" } else { "less" };
            return refuted(format!(
                "{entity} has {av} and {other} {bv}: {}% {word}, not {}",
                crate::report::number((mid * 10.0).round() / 10.0),
                claim.text.split_whitespace().collect::<Vec<_>>().join(" ")
            ));
        }
    }
    let (actual, stated_size) = if c.ratio {
        if y.low <= 0.0 {
            return Verdict::Undecided(format!("{other}'s value is zero"));
        }
        let ratio = Interval::closed(x.low / y.high, x.high / y.low);
        (ratio, factor(claim, tol))
    } else {
        let diff = if c.more {
            Interval::closed(x.low - y.high, x.high - y.low)
        } else {
            Interval::closed(y.low - x.high, y.high - x.low)
        };
        (diff, claimed(claim, tol))
    };
    let Some(size) = stated_size else {
        return Verdict::Undecided("the size of the comparison is not a number".into());
    };
    // A difference is in the metric's unit once converted ("0.8 Mt" against tonnes), or,
    // printed bare, maybe in the table's own scale ("0.8" against millions of tonnes).
    // (Bare figures, points and percentages keep their own reading: "4 points ahead" on a
    // rate.)
    let mut sizes = vec![size];
    let measure =
        claim.unit.is_some() && !matches!(claim.kind, Kind::Percent | Kind::PercentagePoints);
    let info = table.metric(metric);
    if !c.ratio && measure {
        match unit_fit(claim, info.and_then(|m| m.unit.as_deref())) {
            None => {
                return Verdict::Undecided(format!("{} is not in a unit of {metric}", claim.text))
            }
            Some(Some((from, to))) => sizes = vec![convert_interval(size, from, to)],
            Some(None) => {}
        }
    }
    if !c.ratio {
        sizes.extend(info.and_then(|m| printed_in_table_scale(claim, size, m)));
    }
    if sizes.iter().any(|s| s.meets(&actual)) {
        return Verdict::Holds;
    }
    let mid = (actual.low + actual.high) / 2.0;
    let actual_text = if c.ratio {
        format!("×{mid:.2}")
    } else {
        format!("a difference of {}", crate::report::number(mid))
    };
    refuted(format!(
        "{entity} has {av} and {other} {bv}: {actual_text}, not {}",
        claim.text.split_whitespace().collect::<Vec<_>>().join(" ")
    ))
}
