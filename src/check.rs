//! The checking stage: claims against tables and against each other, producing findings.

use serde::Serialize;

use crate::claim::{Basis, Claim, Linker, Shape};
use crate::rules::{self, tolerance, Interval, Severity, Tolerances, Verdict};
use crate::table::Table;
use crate::text::{Document, Format, LineIndex};

/// What a check found at one place of an article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub entity: Option<String>,
    pub metric: Option<String>,
    pub period: Option<String>,
    pub claimed: Option<Interval>,
    pub expected: Option<Expected>,
    /// For a contradiction: the earlier statement it disagrees with.
    pub related: Option<Related>,
    pub message: String,
    /// How the claim's entity, metric and period were found, when any was.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<crate::claim::Evidence>,
    /// Byte range of the sentence that holds the claim, in the article.
    #[serde(skip)]
    pub sentence: Option<std::ops::Range<usize>>,
    /// For a value mismatch: the table value printed the way the article prints the figure,
    /// and whether `check --fix` may write it in.
    #[serde(skip)]
    pub suggestion: Option<crate::fix::Suggestion>,
}

impl Finding {
    /// A fingerprint that survives edits elsewhere in the file: the rule, the path, the row
    /// (entity, metric, period) and the claim's text with case and spacing normalized — no
    /// line numbers. Baselines and SARIF use it.
    pub fn fingerprint(&self) -> String {
        self.fingerprint_at(&self.path)
    }

    /// The fingerprint with the article named `path` instead of [`Finding::path`]: baselines
    /// name articles relative to the project, however the path was written on the command
    /// line.
    pub fn fingerprint_at(&self, path: &str) -> String {
        let text: String = self
            .text
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        let parts = [
            self.rule,
            path,
            self.entity.as_deref().unwrap_or(""),
            self.metric.as_deref().unwrap_or(""),
            self.period.as_deref().unwrap_or(""),
            text.as_str(),
        ];
        // FNV-1a, 64 bits: stable across platforms and releases, unlike std's hasher.
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for part in parts {
            for b in part.bytes().chain(std::iter::once(0xff)) {
                hash ^= u64::from(b);
                hash = hash.wrapping_mul(0x0100_0000_01b3);
            }
        }
        format!("{hash:016x}")
    }
}

impl Expected {
    /// A table row as checked: its interval under the tolerances, and where it is.
    pub fn of(record: &crate::table::Record, tol: &Tolerances) -> Expected {
        Expected {
            interval: tolerance::of_record(record, tol),
            value: record.value.text.clone(),
            table: record.file.clone(),
            line: record.line,
            column: record.column,
        }
    }
}

/// The table value a claim was checked against, and where it is.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Expected {
    #[serde(flatten)]
    pub interval: Interval,
    /// The value as the table writes it.
    pub value: String,
    pub table: String,
    pub line: usize,
    pub column: usize,
}

/// Another place of the same article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Related {
    pub line: usize,
    pub column: usize,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// Whether a claim agrees with the tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Consistent,
    Inconsistent,
    Unverified,
}

/// A claim as reported: where it is, what it was tied to, and how it fared.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimReport {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// What the claim states: `value`, `rank`, `trend` or `share`.
    pub kind: &'static str,
    pub entity: Option<String>,
    pub metric: Option<String>,
    pub period: Option<String>,
    pub status: Status,
    /// The table row the claim was checked against, when there is one.
    pub expected: Option<Expected>,
    /// How the entity, metric and period were found.
    pub evidence: crate::claim::Evidence,
    /// Why the claim is unverified, when it is.
    pub reason: Option<String>,
    /// Byte range of the sentence that holds the claim, in the article.
    #[serde(skip)]
    pub sentence: Option<std::ops::Range<usize>>,
}

/// The result of checking one article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FileReport {
    pub path: String,
    pub claims: Vec<ClaimReport>,
    pub findings: Vec<Finding>,
}

/// Checks one article against the tables the linker was built with. Pure: the caller reads
/// the files.
pub fn check_source(
    path: &str,
    source: &str,
    format: Format,
    linker: &Linker<'_>,
    tables: &[Table],
    tol: &Tolerances,
) -> FileReport {
    check_source_with_suppressed(path, source, format, linker, tables, tol).0
}

/// [`check_source`], and the findings that inline comments suppressed (for a summary that
/// says what it left out).
pub fn check_source_with_suppressed(
    path: &str,
    source: &str,
    format: Format,
    linker: &Linker<'_>,
    tables: &[Table],
    tol: &Tolerances,
) -> (FileReport, Vec<Finding>) {
    let doc = Document::parse(source, format);
    let quantities = crate::extract(&doc.plain);
    let claims = linker.claims(&doc, &quantities);
    let index = LineIndex::new(source);
    let style = crate::fix::Style::of(source);
    let mut report = FileReport {
        path: path.to_string(),
        ..FileReport::default()
    };
    // (entity, metric, period) → earlier claims with their intervals, for contradictions.
    let mut seen: Vec<(&Claim, Interval)> = Vec::new();
    for claim in &claims {
        let place = Place::of(path, claim, &doc, &index);
        let mut status = Status::Unverified;
        let mut row: Option<Expected> = None;
        let mut findings = Vec::new();
        let claimed = tolerance::claimed(&claim.quantity, tol);
        if claim.shape != Shape::Value {
            let (status, row) = check_shape(claim, &place, tables, tol, &mut findings);
            report
                .claims
                .push(ClaimReport::of(path, claim, &place, status, row, &findings));
            report.findings.extend(findings);
            continue;
        }
        match (claim.is_linked(), claimed) {
            (true, Some(interval)) => {
                let t = claim.table.unwrap_or(0);
                let table = &tables[t];
                let entity = claim.entity.as_deref().unwrap_or_default();
                let metric = claim.metric.as_deref().unwrap_or_default();
                let period = claim.period.as_deref().unwrap_or_default();
                let metric_info = table.metric(metric);
                let fit = tolerance::unit_fit(
                    &claim.quantity,
                    metric_info.and_then(|m| m.unit.as_deref()),
                );
                // A rank metric takes only a number read as a position ("ranked 2").
                let position = claim.quantity.unit.as_deref() == Some("rank");
                let unit_ok =
                    fit.is_some() && (position || !metric_info.is_some_and(|m| m.is_rank()));
                // A claim in another unit of the metric's dimension is converted first:
                // "about 40 years" against a value in days.
                let interval = match fit {
                    Some(Some((from, to))) => tolerance::convert_interval(interval, from, to),
                    _ => interval,
                };
                match (table.lookup(entity, metric, period), unit_ok) {
                    (Some(record), true) => {
                        let expected = Expected::of(record, tol);
                        row = Some(expected.clone());
                        // The figure as printed may be in the table's own units: "195.34
                        // billion" against a metric of no declared scale holding 318.85, or a
                        // bare "900" against a metric in millions holding 900.
                        let rooted = metric_info.and_then(|m| {
                            tolerance::printed_in_root_unit(&claim.quantity, interval, m)
                        });
                        let unscaled = metric_info.and_then(|m| {
                            tolerance::printed_in_table_scale(&claim.quantity, interval, m)
                        });
                        // (A size with no sign meets a change of either sign.)
                        let meets = |e: &Interval| {
                            interval.meets(e)
                                || unscaled.is_some_and(|i| i.meets(e))
                                || rooted.is_some_and(|i| i.meets(e))
                                || (claim.sign_unstated && interval.negated().meets(e))
                        };
                        let agrees = meets(&expected.interval);
                        // Another metric the sentence names is another reading it allows: a
                        // figure that agrees with that one is right under it.
                        let other_reading = (!agrees)
                            .then(|| {
                                claim.other_metrics.iter().find_map(|m| {
                                    table
                                        .lookup(entity, m, period)
                                        .filter(|r| meets(&Expected::of(r, tol).interval))
                                })
                            })
                            .flatten();
                        // The year of the article as a whole (the one it names most, or its
                        // opening's) is one reading of a sentence that names none; the
                        // table's current period is another it allows (the present), and a
                        // figure that agrees with that is not shown wrong. (An older period
                        // is no reading without a word that points back to it.)
                        let article_level = claim.evidence.period.as_ref().is_some_and(|f| {
                            f.basis == Basis::Inherited
                                && crate::claim::ARTICLE_YEARS
                                    .iter()
                                    .any(|w| f.words.ends_with(w))
                        });
                        let current = table
                            .current_period()
                            .filter(|c| article_level && *c != period);
                        let now = current.and_then(|c| {
                            table
                                .lookup(entity, metric, c)
                                .filter(|r| meets(&Expected::of(r, tol).interval))
                                .map(|r| (c, r))
                        });
                        if agrees {
                            status = Status::Consistent;
                        } else if let Some(other) = other_reading {
                            status = Status::Consistent;
                            row = Some(Expected::of(other, tol));
                        } else if let Some((c, now)) = now {
                            findings.push(place.unverified(
                                claim,
                                Some(interval),
                                &format!(
                                    "the table says {} for {row} (the year of the article as a whole) and {} for {c}, the table's current period; the sentence states no year",
                                    record.value.text, now.value.text, row = crate::table::row_name(entity, metric, period)),
                            ));
                        } else if let Some(why) = claim.evidence.why_not_refutable() {
                            // A reading that rests on a default may confirm, never refute.
                            findings.push(place.unverified(
                                claim,
                                Some(interval),
                                &format!(
                                    "the table says {} for {row}, but {why}",
                                    record.value.text,
                                    row = crate::table::row_name(entity, metric, period)
                                ),
                            ));
                        } else {
                            status = Status::Inconsistent;
                            // The table value in the article's style, for a claim in the
                            // metric's own unit (a converted figure has no such style).
                            let suggestion = matches!(fit, Some(None))
                                .then(|| {
                                    crate::fix::suggest(
                                        &claim.quantity,
                                        record,
                                        &expected.interval,
                                        tol,
                                        style,
                                        claim.sign_unstated,
                                    )
                                })
                                .flatten();
                            let mut finding = place.finding(
                                &rules::value_mismatch::RULE,
                                claim,
                                Some(interval),
                                Some(expected),
                                None,
                                format!(
                                    "{row}: the article says {}; the table says {}",
                                    one_line(&claim.quantity.text),
                                    record.value.text,
                                    row = crate::table::row_name(entity, metric, period)
                                ),
                            );
                            finding.suggestion = suggestion;
                            findings.push(finding);
                        }
                    }
                    (None, _) => {
                        findings.push(place.finding(
                            &rules::unverified::RULE,
                            claim,
                            Some(interval),
                            None,
                            None,
                            format!(
                                "{row}: no value in {}",
                                table.path,
                                row = crate::table::row_name(entity, metric, period)
                            ),
                        ));
                    }
                    (Some(_), false) => {
                        findings.push(place.finding(
                            &rules::unverified::RULE,
                            claim,
                            Some(interval),
                            None,
                            None,
                            match (metric_info.and_then(|m| m.unit.as_deref()), &claim.quantity.unit) {
                                // The table says nothing of the unit: say what would let it check.
                                (None, Some(unit)) if !position => format!(
                                    "{} is in {unit}, and {metric} in {} declares no unit (add `unit: {unit}` to check it)",
                                    one_line(&claim.quantity.text),
                                    table.path
                                ),
                                _ => format!(
                                    "{}: its unit does not match the unit of {metric} in {}",
                                    one_line(&claim.quantity.text),
                                    table.path
                                ),
                            },
                        ));
                    }
                }
                // The article against itself, for values in the metric's unit only (a
                // percentage change is no level to compare with), that the table cannot
                // check, and whose readings rest on no default: a claim the table checks has
                // its own finding, and a guessed reading proves no disagreement.
                let unchecked =
                    unit_ok && row.is_none() && claim.evidence.why_not_refutable().is_none();
                let contradicted = if unchecked {
                    seen.iter().find(|(c, i)| {
                        c.entity == claim.entity
                            && c.metric == claim.metric
                            && c.period == claim.period
                            && c.table == claim.table
                            && !i.meets(&interval)
                    })
                } else {
                    None
                };
                if let Some((earlier, _)) = contradicted {
                    status = Status::Inconsistent;
                    let other = Place::of(path, earlier, &doc, &index);
                    findings.push(place.finding(
                        &rules::contradiction::RULE,
                        claim,
                        Some(interval),
                        None,
                        Some(Related {
                            line: other.line,
                            column: other.column,
                            start: earlier.quantity.start,
                            end: earlier.quantity.end,
                            text: earlier.quantity.text.clone(),
                        }),
                        format!(
                            "{row}: the article says {} here but {} on line {}",
                            one_line(&claim.quantity.text),
                            one_line(&earlier.quantity.text),
                            other.line,
                            row = crate::table::row_name(entity, metric, period)
                        ),
                    ));
                }
                if unchecked {
                    seen.push((claim, interval));
                }
            }
            _ => {
                let why = claim
                    .unlinked
                    .as_deref()
                    .unwrap_or("not tied to a table row");
                findings.push(place.unverified(claim, claimed, why));
            }
        }
        report
            .claims
            .push(ClaimReport::of(path, claim, &place, status, row, &findings));
        report.findings.extend(findings);
    }
    let suppressed = crate::suppress::apply(path, &doc, &mut report.findings);
    hide_no_period(&mut report);
    // In order of position; one entry per place and entity (a coordinated claim, "Tunisia
    // and France", stays two).
    report.claims.sort_by(|a, b| {
        (a.start, a.end, a.kind, &a.entity).cmp(&(b.start, b.end, b.kind, &b.entity))
    });
    report.claims.dedup();
    report.findings.sort_by(|a, b| {
        (a.start, a.end, a.rule, &a.entity).cmp(&(b.start, b.end, b.rule, &b.entity))
    });
    (report, suppressed)
}

/// A table whose facts have no period gives them all one implicit period; reports name none.
fn hide_no_period(report: &mut FileReport) {
    let hide = |period: &mut Option<String>, evidence: Option<&mut crate::claim::Evidence>| {
        if period.as_deref() != Some(crate::table::NO_PERIOD) {
            return;
        }
        *period = None;
        if let Some(found) = evidence.and_then(|e| e.period.as_mut()) {
            found.words = "the table's facts have no period".to_string();
        }
    };
    for f in &mut report.findings {
        hide(&mut f.period, f.evidence.as_mut());
    }
    for c in &mut report.claims {
        hide(&mut c.period, Some(&mut c.evidence));
    }
}

impl ClaimReport {
    fn of(
        path: &str,
        claim: &Claim,
        place: &Place<'_>,
        status: Status,
        expected: Option<Expected>,
        findings: &[Finding],
    ) -> ClaimReport {
        // An unverified claim says why: the message of its note.
        let reason = (status == Status::Unverified)
            .then(|| {
                findings
                    .iter()
                    .find(|f| f.rule == rules::unverified::RULE.id)
                    .map(|f| f.message.clone())
            })
            .flatten();
        ClaimReport {
            path: path.to_string(),
            line: place.line,
            column: place.column,
            start: claim.quantity.start,
            end: claim.quantity.end,
            text: claim.quantity.text.clone(),
            kind: match &claim.shape {
                Shape::Value => "value",
                Shape::Rank(_) => "rank",
                Shape::Trend(_) => "trend",
                Shape::Share(_) => "share",
                Shape::Compare(_) => "comparison",
            },
            entity: claim.entity.clone(),
            metric: claim.metric.clone(),
            period: claim.period.clone(),
            status,
            expected,
            evidence: claim.evidence.clone(),
            reason,
            sentence: place.sentence.clone(),
        }
    }
}

/// Checks a rank, trend or share claim; returns its status and adds its finding.
fn check_shape(
    claim: &Claim,
    place: &Place<'_>,
    tables: &[Table],
    tol: &Tolerances,
    findings: &mut Vec<Finding>,
) -> (Status, Option<Expected>) {
    let (rule, verdict) = match (claim.table, &claim.entity, &claim.metric, &claim.period) {
        (Some(t), Some(e), Some(m), Some(p)) if claim.unlinked.is_none() => {
            let table = &tables[t];
            match &claim.shape {
                Shape::Rank(r) => (
                    &rules::rank::RULE,
                    rules::rank::check(r, table, e, m, p, tol),
                ),
                Shape::Trend(tr) => (
                    &rules::trend::RULE,
                    rules::trend::check(tr, table, e, m, p, tol),
                ),
                Shape::Share(s) => (
                    &rules::share::RULE,
                    rules::share::check(s, table, e, m, p, tol),
                ),
                Shape::Compare(c) => (
                    &rules::compare::RULE,
                    rules::compare::check(c, &claim.quantity, table, e, m, p, tol),
                ),
                Shape::Value => return (Status::Unverified, None),
            }
        }
        _ => {
            let why = claim
                .unlinked
                .clone()
                .unwrap_or_else(|| "not tied to a table row".into());
            (&rules::unverified::RULE, Verdict::Undecided(why))
        }
    };
    // A reading that rests on a default may confirm a claim, never refute it.
    let verdict = match (verdict, claim.evidence.why_not_refutable()) {
        (Verdict::Refuted { message, .. }, Some(why)) => {
            Verdict::Undecided(format!("{message}, but {why}"))
        }
        (v, _) => v,
    };
    match verdict {
        Verdict::Holds => (Status::Consistent, None),
        Verdict::Refuted { message, record } => {
            let expected = record.map(|r| Expected::of(r, tol));
            let label = format!(
                "{}, {}, {}",
                claim.entity.as_deref().unwrap_or_default(),
                claim.metric.as_deref().unwrap_or_default(),
                claim.period.as_deref().unwrap_or_default()
            );
            findings.push(place.finding(
                rule,
                claim,
                None,
                expected.clone(),
                None,
                format!("{label}: {message}"),
            ));
            (Status::Inconsistent, expected)
        }
        Verdict::Undecided(why) => {
            findings.push(place.unverified(claim, None, &why));
            (Status::Unverified, None)
        }
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Where a claim sits in its file.
struct Place<'a> {
    path: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    /// The sentence that holds the claim, in the source, without surrounding whitespace.
    sentence: Option<std::ops::Range<usize>>,
}

impl<'a> Place<'a> {
    fn of(path: &'a str, claim: &Claim, doc: &Document<'_>, index: &LineIndex) -> Place<'a> {
        let source = doc.source;
        let (line, column) = index.line_col(source, claim.quantity.start);
        let (end_line, end_column) = index.line_col(source, claim.quantity.end);
        let sentence = doc.sentences.get(claim.sentence).and_then(|s| {
            let start = doc.to_source(s.start);
            let end = doc.to_source_end(s.end).max(start);
            let text = source.get(start..end)?;
            let start = start + (text.len() - text.trim_start().len());
            let end = (start + text.trim().len()).max(start);
            (start <= claim.quantity.start && claim.quantity.end <= end).then_some(start..end)
        });
        Place {
            path,
            line,
            column,
            end_line,
            end_column,
            sentence,
        }
    }

    /// The `unverified` note for a claim, saying why.
    fn unverified(&self, claim: &Claim, claimed: Option<Interval>, why: &str) -> Finding {
        let message = format!("{}: {why}", one_line(&claim.quantity.text));
        self.finding(
            &rules::unverified::RULE,
            claim,
            claimed,
            None,
            None,
            message,
        )
    }

    fn finding(
        &self,
        rule: &rules::Rule,
        claim: &Claim,
        claimed: Option<Interval>,
        expected: Option<Expected>,
        related: Option<Related>,
        message: String,
    ) -> Finding {
        Finding {
            rule: rule.id,
            severity: rule.severity,
            path: self.path.to_string(),
            line: self.line,
            column: self.column,
            end_line: self.end_line,
            end_column: self.end_column,
            start: claim.quantity.start,
            end: claim.quantity.end,
            text: claim.quantity.text.clone(),
            entity: claim.entity.clone(),
            metric: claim.metric.clone(),
            period: claim.period.clone(),
            claimed,
            expected,
            related,
            message,
            evidence: (claim.evidence != crate::claim::Evidence::default())
                .then(|| claim.evidence.clone()),
            sentence: self.sentence.clone(),
            suggestion: None,
        }
    }
}
