//! `rank`: a superlative, ordinal, top-N, "followed by", "tied with", "ahead of", "more … than"
//! or "only … more than" claim that the table's order refutes.

use super::tolerance::{of_record, Interval, Tolerances};
use super::{Rule, Severity, Verdict};
use crate::claim::Rank;
use crate::gazetteer::{Gazetteer, PlaceKind};
use crate::table::{Record, Table};

pub const RULE: Rule = Rule {
    id: "rank",
    severity: Severity::Error,
    summary: "A rank or comparison that the table's order refutes",
    doc: "\
The article ranks an entity (\"the top exporter\", \"the second-largest source\", \"among the \
top five\", \"followed by Jordan\", \"tied with France\", \"more fighters than France\", \"only \
Russia and Saudi Arabia sent more than Jordan\") and the table's values for that metric and \
period put it elsewhere.

Ranks are taken among entities of the same kind: countries are ranked against countries, not \
against the table's total or against regions. A region is known from the built-in gazetteer; \
a table names its other groups under `groups:` (e.g. `groups: {region: [Middle East, Maghreb]}`), \
and entities the gazetteer does not know (states, species, parties, clubs) are ranked among \
themselves. An entity alone of its kind ranks with both countries and unknown names: a table \
of US states ranks Georgia among the states. A place beyond the number \
of rows ranked (\"the 14th-lowest\" among two) is a place in a longer list: unverified. \
Values that tie, or whose intervals overlap, share the ranks they span: \"the largest\" holds \
for an entity tied for first. A rank the table cannot decide (an entity, metric, period or scope \
it lacks) is unverified, never an error.

Readings: \"the top five\" after \"among\", \"in\", \"of\" or \"capping off\" is membership of \
the top five, not the fifth place (\"Capping off the top five … is Saudi Arabia\" holds for \
a country ranked second). \"Only A and B have more … than X\" holds when exactly A and B rank \
above X.

Fix: correct the rank, or say which scope the rank is in.",
};

/// The kind of an entity for ranking: countries with countries, groups with their kind.
fn kind_of(table: &Table, entity: &str) -> String {
    if table
        .total
        .as_deref()
        .is_some_and(|t| t.eq_ignore_ascii_case(entity))
    {
        return "total".into();
    }
    for (kind, members) in &table.groups {
        if members.iter().any(|m| m.eq_ignore_ascii_case(entity)) {
            return format!("group:{kind}");
        }
    }
    match Gazetteer::builtin().lookup(entity).map(|(p, _)| p.kind) {
        Some(PlaceKind::Country) => "country".into(),
        Some(PlaceKind::Region) => "region".into(),
        Some(PlaceKind::World) => "total".into(),
        None => "other".into(),
    }
}

struct Peer<'t> {
    record: &'t Record,
    interval: Interval,
}

/// A record's interval, turned around for a rank metric (position 1 ranks above 2).
fn interval(r: &Record, tol: &Tolerances, lower_is_better: bool) -> Interval {
    let i = of_record(r, tol);
    if lower_is_better {
        Interval {
            low: -i.high,
            high: -i.low,
            low_open: i.high_open,
            high_open: i.low_open,
        }
    } else {
        i
    }
}

fn definitely_above(a: &Interval, b: &Interval) -> bool {
    a.low > b.high || (a.low == b.high && (a.low_open || b.high_open))
}

/// Checks a rank claim about `entity` against the table.
pub fn check<'t>(
    rank: &Rank,
    table: &'t Table,
    entity: &str,
    metric: &str,
    period: &str,
    tol: &Tolerances,
) -> Verdict<'t> {
    let kind = kind_of(table, entity);
    let lower_is_better = table.metric(metric).is_some_and(|m| m.is_rank());
    if kind == "total" {
        return Verdict::Undecided(format!("{entity} is the table's total, which has no rank"));
    }
    let rows = table.rows(metric, period);
    let same_kind = |k: &str| kind_of(table, k) == kind;
    // An entity alone of its kind ranks with the countries and the names the gazetteer
    // does not know together: Georgia in a table of US states, "England and Wales" in a
    // table of countries.
    let alone = rows.iter().filter(|r| same_kind(&r.entity)).count() == 1;
    let peer_kind = |k: &str| {
        if alone && matches!(kind.as_str(), "country" | "other") {
            matches!(kind_of(table, k).as_str(), "country" | "other")
        } else {
            same_kind(k)
        }
    };
    let peers: Vec<Peer<'_>> = rows
        .into_iter()
        .filter(|r| peer_kind(&r.entity))
        .map(|r| Peer {
            record: r,
            interval: interval(r, tol, lower_is_better),
        })
        .collect();
    let Some(me) = peers
        .iter()
        .find(|p| p.record.entity.eq_ignore_ascii_case(entity))
    else {
        return Verdict::Undecided(format!(
            "no {metric} value for {entity}{period_in}",
            period_in = crate::table::in_period(period)
        ));
    };
    let others = || peers.iter().filter(|p| !std::ptr::eq(p.record, me.record));
    let above = others()
        .filter(|p| definitely_above(&p.interval, &me.interval))
        .count();
    let below = others()
        .filter(|p| definitely_above(&me.interval, &p.interval))
        .count();
    let level = others().count() - above - below;
    let find = |name: &str| {
        peers
            .iter()
            .find(|p| p.record.entity.eq_ignore_ascii_case(name))
    };
    let among = peers.len();
    let (best, worst) = (above + 1, above + 1 + level);
    let place = if best == worst {
        format!("ranks {best} of {among}")
    } else {
        format!("ranks {best} to {worst} of {among}")
    };
    let refuted = |why: String| Verdict::Refuted {
        message: why,
        record: Some(me.record),
    };
    match rank {
        // A rank metric states the place itself, which may count rows the table leaves out
        // ("ranked 14th" in a table of the top ten and ties).
        Rank::Position(n) if lower_is_better => {
            let place = of_record(me.record, tol);
            let n = *n as f64;
            if place.low <= n && n <= place.high {
                Verdict::Holds
            } else {
                refuted(format!(
                    "{entity} is ranked {} by {metric}{period_in}, not {}",
                    me.record.value.text,
                    ordinal(n as usize), period_in = crate::table::in_period(period)))
            }
        }
        // A place beyond the rows the table ranks is a place in a longer list than the
        // table's ("the 14th-lowest in the satellite record" of a table of two oceans).
        Rank::Position(n) | Rank::FromBottom(n) if *n as usize > among => {
            Verdict::Undecided(format!(
                "the table ranks {among} rows by {metric}{period_in}; a {} place is in a longer list",
                ordinal(*n as usize), period_in = crate::table::in_period(period)))
        }
        Rank::Position(n) => {
            let n = *n as usize;
            if n < best || n > worst {
                refuted(format!(
                    "{entity} {place} by {metric}{period_in}, not {}",
                    ordinal(n), period_in = crate::table::in_period(period)))
            } else {
                Verdict::Holds
            }
        }
        Rank::FromBottom(n) => {
            let n = *n as usize;
            let (b, w) = (below + 1, below + 1 + level);
            if n < b || n > w {
                refuted(format!(
                    "{entity} {place} by {metric}{period_in}, not {} from the bottom",
                    ordinal(n), period_in = crate::table::in_period(period)))
            } else {
                Verdict::Holds
            }
        }
        Rank::Top(n) => {
            if best > *n as usize {
                refuted(format!(
                    "{entity} {place} by {metric}{period_in}, outside the top {n}", period_in = crate::table::in_period(period)))
            } else {
                Verdict::Holds
            }
        }
        Rank::Above(other) | Rank::Below(other) | Rank::FollowedBy(other) | Rank::Tied(other) => {
            let Some(o) = find(other) else {
                return Verdict::Undecided(format!(
                    "no {metric} value for {other}{period_in} among entities like {entity}", period_in = crate::table::in_period(period)));
            };
            let me_above = definitely_above(&me.interval, &o.interval);
            let o_above = definitely_above(&o.interval, &me.interval);
            let (mv, ov) = (&me.record.value.text, &o.record.value.text);
            match rank {
                Rank::Tied(_) if me_above || o_above => {
                    refuted(format!("{entity} has {mv} and {other} {ov}: not tied"))
                }
                Rank::Tied(_) => Verdict::Holds,
                Rank::Below(_) if me_above || !o_above && me.interval == o.interval => {
                    refuted(format!("{entity} has {mv} and {other} {ov}: not fewer"))
                }
                Rank::Below(_) if o_above => Verdict::Holds,
                Rank::Below(_) => {
                    Verdict::Undecided(format!("{entity} and {other} cannot be ordered"))
                }
                _ if o_above || (!me_above && me.interval == o.interval) => refuted(format!(
                    "{entity} has {mv} and {other} {ov}: {other} is not below"
                )),
                Rank::FollowedBy(_) if me_above => {
                    let between: Vec<&str> = others()
                        .filter(|p| {
                            definitely_above(&me.interval, &p.interval)
                                && definitely_above(&p.interval, &o.interval)
                        })
                        .map(|p| p.record.entity.as_str())
                        .collect();
                    if between.is_empty() {
                        Verdict::Holds
                    } else {
                        refuted(format!(
                            "{} come between {entity} and {other}",
                            between.join(", ")
                        ))
                    }
                }
                _ if me_above => Verdict::Holds,
                _ => Verdict::Undecided(format!("{entity} and {other} cannot be ordered")),
            }
        }
        Rank::OnlyAbove(list) => {
            // `entity` is X; exactly `list` rank above it.
            let mut wrong = Vec::new();
            for p in others() {
                let listed = list
                    .iter()
                    .any(|l| l.eq_ignore_ascii_case(&p.record.entity));
                let is_above = definitely_above(&p.interval, &me.interval);
                let not_above =
                    definitely_above(&me.interval, &p.interval) || p.interval == me.interval;
                if (is_above && !listed) || (listed && not_above) {
                    wrong.push(p.record.entity.as_str());
                }
            }
            if list.iter().any(|l| find(l).is_none()) {
                return Verdict::Undecided("a named entity is not in the table".into());
            }
            if wrong.is_empty() {
                Verdict::Holds
            } else {
                refuted(format!(
                    "{entity} {place} by {metric}{period_in}; the list above it is wrong about {}",
                    wrong.join(", "), period_in = crate::table::in_period(period)))
            }
        }
    }
}

fn ordinal(n: usize) -> String {
    let suffix = match (n % 100, n % 10) {
        (11..=13, _) => "th",
        (_, 1) => "st",
        (_, 2) => "nd",
        (_, 3) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}
