//! `share`: a part-of-whole, fraction or percentage claim that the values refute.

use super::tolerance::{claimed, of_record, Interval, Tolerances};
use super::{Rule, Severity, Verdict};
use crate::claim::Share;
use crate::quantity::{hedge_meaning, HedgeMeaning, Kind};
use crate::table::Table;

pub const RULE: Rule = Rule {
    id: "share",
    severity: Severity::Error,
    summary: "A fraction or percentage of a whole that the table's values refute",
    doc: "\
The article states a part of a whole (\"nearly half of the 800 … have returned\", \"a quarter \
of the 850 Britons\", \"30 percent of those who left\") and the table's values give another \
share.

The part is the metric the sentence's verb names (\"returned\"), the whole the metric named \
with the base (\"who left\"), for the same entity and period; when the sentence names a single \
metric, the whole is the table's total. The base printed in the sentence is checked as a value \
of its own; the share is computed from the table. A fraction word with no hedge is read within \
2.5 percentage points (\"a quarter\" covers 22.5 % to 27.5 %), except when bounded (\"more \
than a third\" is above 33.3 %); a percentage to its printed precision; hedges as for any \
number (\"nearly half\" is 45 % to 50 %).

Fix: correct the fraction, or the base it is taken of.",
};

/// Slack around a fraction word, which is never exact in prose.
const FRACTION_SLACK: f64 = 0.025;

pub fn check<'t>(
    share: &Share,
    table: &'t Table,
    entity: &str,
    metric: &str,
    period: &str,
    tol: &Tolerances,
) -> Verdict<'t> {
    // A share of a row in itself says nothing ("three-quarters of a year" read as a share of
    // the row's own value).
    if entity == share.whole_entity && metric == share.whole_metric {
        return Verdict::Undecided("the part and the whole are the same row".into());
    }
    let (Some(part), Some(whole)) = (
        table.lookup(entity, metric, period),
        table.lookup(&share.whole_entity, &share.whole_metric, period),
    ) else {
        return Verdict::Undecided(format!(
            "no values for {entity} {metric} and {} {}{period_in}",
            share.whole_entity,
            share.whole_metric,
            period_in = crate::table::in_period(period)
        ));
    };
    let (p, w) = (of_record(part, tol), of_record(whole, tol));
    if w.low <= 0.0 || !p.low.is_finite() || !p.high.is_finite() {
        return Verdict::Undecided("the whole or the part is unbounded".into());
    }
    let actual = Interval::closed(p.low / w.high, (p.high / w.low).min(f64::MAX));
    let q = &share.fraction;
    let Some(mut c) = claimed(q, tol) else {
        return Verdict::Undecided("the share is not a number".into());
    };
    if q.kind == Kind::Percent {
        c = c.scaled(0.01);
    } else {
        // A fraction word is loose; a bound on it ("more than a third") is not.
        let bound = matches!(
            q.hedge.as_deref().and_then(hedge_meaning),
            Some(
                HedgeMeaning::Above
                    | HedgeMeaning::AtLeast
                    | HedgeMeaning::Below
                    | HedgeMeaning::AtMost
            )
        );
        if !bound {
            if c.low.is_finite() {
                c.low -= FRACTION_SLACK;
            }
            if c.high.is_finite() {
                c.high += FRACTION_SLACK;
            }
        }
    }
    if c.meets(&actual) {
        Verdict::Holds
    } else {
        Verdict::Refuted {
            message: format!(
                "{entity}: {} of {} {} is {:.0} %, not {}",
                part.value.text,
                whole.value.text,
                share.whole_metric,
                (actual.low + actual.high) / 2.0 * 100.0,
                q.text
            ),
            record: Some(part),
        }
    }
}
