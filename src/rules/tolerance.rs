//! How far a stated number reaches: the interval a claim covers, from its hedge and its printed
//! precision, and the interval a table value covers. A claim agrees with a table value when
//! their intervals meet.

use serde::Serialize;

use crate::quantity::{hedge_meaning, HedgeMeaning, Kind, Quantity};
use crate::units::{Dimension, Unit};

/// The relative tolerances of hedge words, kept in one place.
#[derive(Debug, Clone, PartialEq)]
pub struct Tolerances {
    /// "about", "approximately", "around", "roughly", "some", "an estimated", "circa", "~",
    /// "close to": the number, give or take this share of it.
    pub approximate: f64,
    /// "nearly", "almost", "just under" (and "just over"): at most (at least) the number and
    /// within this share of it.
    pub near: f64,
    /// Tolerances for single hedge words, overriding the two above ("about" → 0.1); keys
    /// are lowercase with single spaces.
    pub words: std::collections::BTreeMap<String, f64>,
}

impl Tolerances {
    /// The tolerance set for one hedge word, if any.
    pub fn word(&self, hedge: &str) -> Option<f64> {
        let key = hedge
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        self.words.get(&key).copied()
    }
}

impl Default for Tolerances {
    fn default() -> Self {
        Tolerances {
            approximate: 0.05,
            near: 0.10,
            words: std::collections::BTreeMap::new(),
        }
    }
}

/// An interval of the number line; an open end is written as `None` in JSON.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Interval {
    #[serde(serialize_with = "finite_or_null")]
    pub low: f64,
    #[serde(serialize_with = "finite_or_null")]
    pub high: f64,
    #[serde(skip)]
    pub low_open: bool,
    #[serde(skip)]
    pub high_open: bool,
}

fn finite_or_null<S: serde::Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    if v.is_finite() {
        s.serialize_f64(*v)
    } else {
        s.serialize_none()
    }
}

impl Interval {
    pub fn closed(low: f64, high: f64) -> Interval {
        Interval {
            low,
            high,
            low_open: false,
            high_open: false,
        }
    }

    /// Whether two intervals share a point.
    pub fn meets(&self, other: &Interval) -> bool {
        let (lo, lo_open) = if self.low > other.low {
            (self.low, self.low_open)
        } else if other.low > self.low {
            (other.low, other.low_open)
        } else {
            (self.low, self.low_open || other.low_open)
        };
        let (hi, hi_open) = if self.high < other.high {
            (self.high, self.high_open)
        } else if other.high < self.high {
            (other.high, other.high_open)
        } else {
            (self.high, self.high_open || other.high_open)
        };
        lo < hi || (lo == hi && !lo_open && !hi_open)
    }

    pub fn scaled(&self, factor: f64) -> Interval {
        Interval {
            low: self.low * factor,
            high: self.high * factor,
            ..*self
        }
    }

    /// The interval of the opposite sign.
    pub fn negated(&self) -> Interval {
        Interval {
            low: -self.high,
            high: -self.low,
            low_open: self.high_open,
            high_open: self.low_open,
        }
    }
}

/// The interval a quantity claims, in its own unit.
///
/// | written                   | interval                                   |
/// |---------------------------|--------------------------------------------|
/// | `2,920` (precise to 10)   | [2915, 2925): half the precision each side |
/// | `3,000` (precise to 1000) | [2500, 3500)                               |
/// | `about 1,910`             | 1910 ± max(5 %, half the precision)        |
/// | `nearly 800`              | [800 − max(10 %, half the precision), 800] |
/// | `just over 800`           | [800, 800 + max(10 %, half the precision)] |
/// | `more than 800`           | (800, ∞)                                    |
/// | `at least 800`            | [800, ∞)                                    |
/// | `fewer than 800`          | (−∞, 800)                                   |
/// | `up to 800`               | (−∞, 800]                                   |
/// | `500-600`                 | [500, 600] widened by half the precision   |
pub fn claimed(q: &Quantity, tol: &Tolerances) -> Option<Interval> {
    let half = q.precision.unwrap_or(0.0) / 2.0;
    let meaning = q.hedge.as_deref().and_then(hedge_meaning);
    let Some(v) = q.value else {
        let (lo, hi) = (q.low?, q.high?);
        return Some(Interval {
            low: lo - half,
            high: hi + half,
            low_open: false,
            high_open: half > 0.0,
        });
    };
    // A tolerance set for this very hedge word wins over the one for its meaning.
    let word = q.hedge.as_deref().and_then(|h| tol.word(h));
    let near = (word.unwrap_or(tol.near) * v.abs()).max(half);
    Some(match meaning {
        None => Interval {
            low: v - half,
            high: v + half,
            low_open: false,
            high_open: half > 0.0,
        },
        Some(HedgeMeaning::Approximate) => {
            let w = (word.unwrap_or(tol.approximate) * v.abs()).max(half);
            Interval::closed(v - w, v + w)
        }
        Some(HedgeMeaning::JustBelow) => Interval::closed(v - near, v),
        Some(HedgeMeaning::JustAbove) => Interval::closed(v, v + near),
        Some(HedgeMeaning::Above) => Interval {
            low: v,
            high: f64::INFINITY,
            low_open: true,
            high_open: true,
        },
        Some(HedgeMeaning::AtLeast) => Interval {
            low: v,
            high: f64::INFINITY,
            low_open: false,
            high_open: true,
        },
        Some(HedgeMeaning::Below) => Interval {
            low: f64::NEG_INFINITY,
            high: v,
            low_open: true,
            high_open: true,
        },
        Some(HedgeMeaning::AtMost) => Interval {
            low: f64::NEG_INFINITY,
            high: v,
            low_open: true,
            high_open: false,
        },
    })
}

/// The interval a table value covers. A plain number is exact; a value written with a hedge
/// or as a range covers what the same words would cover in prose, except that a table's plain
/// round number is taken as exact (tables state what they mean).
pub fn stated(
    low: Option<f64>,
    high: Option<f64>,
    hedge: Option<&str>,
    tol: &Tolerances,
) -> Interval {
    let meaning = hedge.and_then(hedge_meaning);
    match (low, high) {
        (Some(l), Some(h)) if l == h => match meaning {
            Some(HedgeMeaning::Approximate) => {
                let w = tol.approximate * l.abs();
                Interval::closed(l - w, l + w)
            }
            Some(HedgeMeaning::JustBelow) => Interval::closed(l - tol.near * l.abs(), l),
            Some(HedgeMeaning::JustAbove) => Interval::closed(l, l + tol.near * l.abs()),
            _ => Interval::closed(l, h),
        },
        (Some(l), Some(h)) => Interval::closed(l, h),
        (Some(l), None) => Interval {
            low: l,
            high: f64::INFINITY,
            low_open: matches!(meaning, Some(HedgeMeaning::Above)),
            high_open: true,
        },
        (None, Some(h)) => Interval {
            low: f64::NEG_INFINITY,
            high: h,
            low_open: true,
            high_open: matches!(meaning, Some(HedgeMeaning::Below)),
        },
        (None, None) => Interval {
            low: f64::NEG_INFINITY,
            high: f64::INFINITY,
            low_open: true,
            high_open: true,
        },
    }
}

/// The interval a table record covers, in plain units (its value times the metric's scale).
pub fn of_record(r: &crate::table::Record, tol: &Tolerances) -> Interval {
    stated(
        r.value.scaled_low,
        r.value.scaled_high,
        r.value.hedge.as_deref(),
        tol,
    )
}

/// A record's interval widened by the rounding of its printed decimals ("72.6" covers 72.55
/// to 72.65; a whole number is a count, exact as printed): a change or a ratio computed from
/// two printed figures is only as exact as they are.
pub fn of_printed_record(r: &crate::table::Record, tol: &Tolerances) -> Interval {
    let i = of_record(r, tol);
    let v = &r.value;
    let exact = v.hedge.is_none() && v.low.is_some() && v.low == v.high;
    let (Some(low), Some(scaled)) = (v.low, v.scaled_low) else {
        return i;
    };
    if !exact || low == 0.0 {
        return i;
    }
    let digits = v.text.trim().split_once('.').map_or(0, |(_, d)| {
        d.chars().take_while(char::is_ascii_digit).count()
    });
    // A whole number is a count, exact as printed.
    if digits == 0 {
        return i;
    }
    let half = 0.5 * 10f64.powi(-(digits as i32)) * (scaled / low).abs();
    Interval::closed(i.low - half, i.high + half)
}

/// The factor of the scale word a figure is printed with ("195.34 billion", "$2.5bn",
/// "40k"), if it has one.
pub fn scale_word(text: &str) -> Option<f64> {
    let last = text
        .trim_end()
        .rsplit(|c: char| !c.is_ascii_alphabetic())
        .next()?
        .to_ascii_lowercase();
    // A glued scale follows a digit: "2.5bn", "40k".
    let glued = text
        .trim_end()
        .strip_suffix(last.as_str())
        .or_else(|| text.trim_end().strip_suffix(&last.to_ascii_uppercase()))
        .is_some_and(|rest| rest.ends_with(|c: char| c.is_ascii_digit()));
    match last.as_str() {
        "thousand" => Some(1e3),
        "million" | "millions" | "mn" => Some(1e6),
        "billion" | "billions" | "bn" => Some(1e9),
        "trillion" | "trillions" | "tn" => Some(1e12),
        "k" if glued => Some(1e3),
        "m" if glued => Some(1e6),
        "b" if glued => Some(1e9),
        _ => None,
    }
}

/// A factor's interval ("doubled", "twice", "five times"): a bare factor is read within 10 %,
/// a hedged one as any number.
pub fn factor(q: &Quantity, tol: &Tolerances) -> Option<Interval> {
    let v = q.value?;
    if q.hedge.as_deref().and_then(hedge_meaning).is_none() {
        return Some(Interval::closed(v * 0.9, v * 1.1));
    }
    claimed(q, tol)
}

/// The figure as printed may be in the table's own units: "195.34 billion" against a metric of
/// no declared unit or scale holding 318.85, or a bare "87.0" against a metric in millions of
/// tonnes holding 87.0. The interval in plain units for that reading, if it applies.
pub fn printed_in_table_scale(
    q: &Quantity,
    interval: Interval,
    metric: &crate::table::Metric,
) -> Option<Interval> {
    match (scale_word(&q.text), metric.scale) {
        (Some(f), 1.0) if metric.unit.is_none() => Some(interval.scaled(1.0 / f)),
        (None, s) if s != 1.0 && q.unit.is_none() => Some(interval.scaled(s)),
        _ => None,
    }
}

/// A bare figure against a metric kept in a prefixed unit may be in the unit the prefix
/// scales: "exports of 6.2 million" or "Mexico's 750,000" against a metric in `Mt` or `kt`
/// read as tonnes. The interval in the metric's unit for that reading, if it applies.
pub fn printed_in_root_unit(
    q: &Quantity,
    interval: Interval,
    metric: &crate::table::Metric,
) -> Option<Interval> {
    if q.unit.is_some() || !matches!(q.kind, Kind::Number) {
        return None;
    }
    let lexicon = crate::units::lexicon();
    let unit = lexicon.get(metric.unit.as_deref()?)?;
    let root = ["k", "M", "G"]
        .iter()
        .find_map(|p| unit.code.strip_prefix(p))
        .and_then(|r| lexicon.get(r))
        .filter(|r| r.dimension == unit.dimension)?;
    Some(convert_interval(interval, root, unit))
}

/// Whether a claim's unit fits its metric's, and the conversion when it is another unit of
/// the same dimension: `None` when they do not fit, `Some(None)` when the value compares as it
/// is, `Some(Some((from, to)))` when it converts first.
///
/// Percentages check percent metrics only, percentage points nothing but points, money only
/// metrics in that currency (pence convert to pounds), and a measure only metrics of its
/// dimension ("3.2 billion km" against a table in km; "40 years" against one in days). A
/// plain number, with no unit of its own, compares with a metric of any unit but percent; a
/// metric that declares no unit is a count, and takes plain numbers only.
pub fn unit_fit(
    q: &Quantity,
    metric_unit: Option<&str>,
) -> Option<Option<(&'static Unit, &'static Unit)>> {
    let lexicon = crate::units::lexicon();
    let metric = metric_unit.and_then(|u| lexicon.get(u));
    let claim = q.unit.as_deref().and_then(|u| lexicon.get(u));
    let metric_dim = metric.map(|u| u.dimension);
    match q.kind {
        Kind::Percent => (metric.map(|u| u.code) == Some("%")).then_some(None),
        Kind::PercentagePoints => (metric.map(|u| u.code) == Some("pp")).then_some(None),
        _ if q.dimension == Some(Dimension::Rate) => None,
        _ => match (claim, metric) {
            // A plain number: any metric but percentages.
            (None, _) => (metric_dim != Some(Dimension::Percent)).then_some(None),
            // A measure against a metric that declares no unit: "428 weeks" is no count.
            (Some(_), None) => None,
            (Some(c), Some(m)) if c.code == m.code => Some(None),
            (Some(c), Some(m)) => lexicon.convert(1.0, c, m).map(|_| Some((c, m))),
        },
    }
}

/// An interval converted between two units of one dimension.
pub fn convert_interval(i: Interval, from: &Unit, to: &Unit) -> Interval {
    let lexicon = crate::units::lexicon();
    let conv = |v: f64| {
        if v.is_finite() {
            lexicon.convert(v, from, to).unwrap_or(v)
        } else {
            v
        }
    };
    Interval {
        low: conv(i.low),
        high: conv(i.high),
        ..i
    }
}
