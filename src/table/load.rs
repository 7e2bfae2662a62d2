//! From YAML text to a checked, indexed [`Table`].

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use serde_saphyr::{Location, Spanned};

use super::csv_source::{self, CsvForm, CsvSpec, MetricColumn, PeriodSpec};
use super::raw::{RawMetrics, RawTable, RawValue};
use super::{Index, Metric, MetricKind, Record, Source, Table, TableError, Value};

/// Structural nesting allowed in a table file (tables need about 4 levels).
const MAX_DEPTH: usize = 32;
/// Events that aliases may replay in total: bounds "billion laughs" documents.
const MAX_REPLAYED_EVENTS: usize = 100_000;

pub(super) fn load(
    path: &str,
    yaml: &str,
    read: &mut dyn FnMut(&str) -> Result<String, String>,
) -> Result<Table, TableError> {
    let err = |line: usize, column: usize, message: String| TableError {
        file: path.to_string(),
        line,
        column,
        message,
    };
    if is_blank(yaml) {
        return Err(err(
            1,
            1,
            "empty table file: expected a mapping with `metrics:`".to_string(),
        ));
    }
    let raw: RawTable = serde_saphyr::from_str_with_options(yaml, options(yaml.len()))
        .map_err(|e| yaml_error(path, &e))?;
    let at = |loc: Location, message: String| err(line_of(loc), col_of(loc), message);

    // Metrics.
    let metrics_loc = raw.metrics.referenced;
    if let Some(what) = raw.metrics.value.1 {
        return Err(at(
            metrics_loc,
            format!("`metrics` must be a mapping of metric names to terms, or a list, not {what}"),
        ));
    }
    let (metrics, metric_columns) = build_metrics(raw.metrics.value, path)?;
    if metrics.is_empty() {
        return Err(at(metrics_loc, "`metrics` is empty".to_string()));
    }
    let metric_pos: HashMap<&str, usize> = metrics
        .iter()
        .enumerate()
        .map(|(i, m)| (m.name.as_str(), i))
        .collect();

    // Entities and groups.
    let mut entities: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut alias_owner: HashMap<String, (String, Location)> = HashMap::new();
    for (key, names) in raw.entities.map(|m| m.0).unwrap_or_default() {
        let canonical = key.value.0.trim().to_string();
        for alias in names.0 {
            let alias = alias.trim().to_string();
            if alias.is_empty() {
                continue;
            }
            let lower = alias.to_lowercase();
            match alias_owner.get(&lower) {
                Some((owner, first)) if !owner.eq_ignore_ascii_case(&canonical) => {
                    return Err(at(
                        key.referenced,
                        format!(
                            "`{alias}` names both `{owner}` (line {}) and `{canonical}`",
                            line_of(*first)
                        ),
                    ));
                }
                _ => {
                    alias_owner.insert(lower, (canonical.clone(), key.referenced));
                }
            }
            let list = entities.entry(canonical.clone()).or_default();
            if !list.contains(&alias) {
                list.push(alias);
            }
        }
        entities.entry(canonical).or_default();
    }
    let mut groups: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (kind, names) in raw.groups.map(|m| m.0).unwrap_or_default() {
        let list = groups.entry(kind.value.0).or_default();
        for name in names.0 {
            let name = name.trim().to_string();
            if !name.is_empty() && !list.contains(&name) {
                list.push(name);
            }
        }
    }

    // YAML records.
    let mut records = Vec::new();
    let mut undated: Option<bool> = None;
    for rec in raw.records.unwrap_or_default() {
        let loc = rec.referenced;
        let r = rec.value;
        let Some(&pos) = metric_pos.get(r.metric.as_str()) else {
            return Err(at(loc, unknown_metric(&r.metric, &metrics)));
        };
        let metric = &metrics[pos];
        let entity = r.entity.0.trim().to_string();
        let period = match &r.period {
            Some(p) => p.0.trim().to_string(),
            None => super::NO_PERIOD.to_string(),
        };
        // A table's facts are all dated or all undated: one record without a period among
        // dated ones is far more likely a slip than a fact that has none.
        match undated {
            None => undated = Some(r.period.is_none()),
            Some(u) if u != r.period.is_none() => {
                return Err(at(
                    loc,
                    if u {
                        "this record has a `period`, and the records before it have none: give every record a period, or none".to_string()
                    } else {
                        "this record has no `period`, and the records before it have one: give every record a period, or none".to_string()
                    },
                ));
            }
            Some(_) => {}
        }
        if entity.is_empty() {
            return Err(at(loc, "the record's `entity` is empty".to_string()));
        }
        if period.is_empty() {
            return Err(at(loc, "the record's `period` is empty".to_string()));
        }
        let vloc = r.value.referenced;
        let value = match r.value.value {
            RawValue::Null => continue,
            RawValue::Invalid(what) => {
                return Err(at(
                    vloc,
                    format!(
                        "`value` must be a number or a quantity such as `at least 5600`, not {what}"
                    ),
                ))
            }
            RawValue::Number(n, text) => number_value(n, text, metric.scale),
            RawValue::Text(text) => match text_value(&text, metric.scale) {
                Some(v) => v,
                None => return Err(at(vloc, not_a_quantity(&text))),
            },
        };
        records.push(Record {
            entity,
            metric: metric.name.clone(),
            period,
            value,
            file: path.to_string(),
            line: line_of(loc),
            column: col_of(loc),
        });
    }

    // CSV.
    let csv_keys = [
        ("entity", raw.entity.as_ref().map(|s| s.referenced)),
        ("period", raw.period.as_ref().map(|s| s.referenced)),
        (
            "period-column",
            raw.period_column.as_ref().map(|s| s.referenced),
        ),
        (
            "metric-column",
            raw.metric_column.as_ref().map(|s| s.referenced),
        ),
        (
            "value-column",
            raw.value_column.as_ref().map(|s| s.referenced),
        ),
    ];
    match raw.csv {
        None => {
            if let Some((key, Some(loc))) = csv_keys.iter().find(|(_, loc)| loc.is_some()) {
                return Err(at(*loc, format!("`{key}` is only meaningful with `csv:`")));
            }
        }
        Some(csv) => {
            let csv_loc = csv.referenced;
            let Some(entity) = raw.entity else {
                return Err(at(
                    csv_loc,
                    "a CSV table needs `entity:`, the column naming the entity".to_string(),
                ));
            };
            let period = match (raw.period, raw.period_column) {
                (Some(_), Some(col)) => {
                    return Err(at(
                        col.referenced,
                        "give either `period` or `period-column`, not both".to_string(),
                    ))
                }
                (Some(p), None) => PeriodSpec::Constant(p.value.0.trim().to_string()),
                (None, Some(col)) => PeriodSpec::Column(col.value, col.referenced),
                // Facts with no period: every row has the table's one implicit period.
                (None, None) => PeriodSpec::Constant(super::NO_PERIOD.to_string()),
            };
            let form = match (raw.metric_column, raw.value_column) {
                (None, None) => CsvForm::Wide(
                    metrics
                        .iter()
                        .zip(&metric_columns)
                        .enumerate()
                        .map(|(i, (m, (col, loc)))| MetricColumn {
                            metric: i,
                            column: col.clone().unwrap_or_else(|| m.name.clone()),
                            loc: *loc,
                        })
                        .collect(),
                ),
                (Some(metric_col), Some(value_col)) => CsvForm::Long {
                    metric_column: (metric_col.value, metric_col.referenced),
                    value_column: (value_col.value, value_col.referenced),
                    labels: metrics
                        .iter()
                        .zip(&metric_columns)
                        .enumerate()
                        .map(|(i, (m, (col, _)))| {
                            (col.clone().unwrap_or_else(|| m.name.clone()), i)
                        })
                        .collect(),
                },
                (Some(c), None) | (None, Some(c)) => {
                    return Err(at(
                        c.referenced,
                        "a long-form CSV table needs both `metric-column` and `value-column`"
                            .to_string(),
                    ))
                }
            };
            let file = csv_path(path, &csv.value);
            let text = read(&file)
                .map_err(|e| at(csv_loc, format!("cannot read CSV file `{file}`: {e}")))?;
            let spec = CsvSpec {
                yaml_path: path,
                file: &file,
                entity: (entity.value, entity.referenced),
                period,
                form,
                metrics: &metrics,
            };
            csv_source::read_csv(&spec, &text, &mut records)?;
        }
    }

    let source = raw.source.map(|s| Source {
        publisher: s.publisher,
        title: s.title,
        date: s.date.map(|d| d.0),
        url: s.url,
    });
    let mut table = Table {
        path: path.to_string(),
        title: raw.title,
        source,
        current: raw.current.map(|c| c.0.trim().to_string()),
        total: raw.total.map(|t| t.0.trim().to_string()),
        entities,
        groups,
        metrics,
        records,
        index: Index::default(),
    };
    table.index = build_index(&table)?;
    Ok(table)
}

/// Options for untrusted input: duplicate keys are errors, nesting, aliases and node counts
/// are bounded (node counts in proportion to the input, so large tables still load).
fn options(len: usize) -> serde_saphyr::Options {
    let budget = serde_saphyr::budget! {
        max_depth: MAX_DEPTH,
        max_events: len.saturating_mul(2).max(1_000_000),
        max_nodes: len.max(250_000),
        max_aliases: 10_000,
    };
    let mut alias_limits = serde_saphyr::options::AliasLimits::default();
    alias_limits.max_total_replayed_events = MAX_REPLAYED_EVENTS;
    alias_limits.max_replay_stack_depth = MAX_DEPTH;
    serde_saphyr::options! {
        budget: budget,
        alias_limits: alias_limits,
        duplicate_keys: serde_saphyr::DuplicateKeyPolicy::Error,
        with_snippet: false,
    }
}

fn is_blank(yaml: &str) -> bool {
    yaml.trim_start_matches('\u{feff}').lines().all(|l| {
        let l = l.trim();
        l.is_empty() || l.starts_with('#') || l == "---" || l == "..."
    })
}

pub(super) fn line_of(loc: Location) -> usize {
    usize::try_from(loc.line()).unwrap_or(usize::MAX).max(1)
}

pub(super) fn col_of(loc: Location) -> usize {
    usize::try_from(loc.column()).unwrap_or(usize::MAX).max(1)
}

pub(super) fn yaml_at(path: &str, loc: Location, message: String) -> TableError {
    TableError {
        file: path.to_string(),
        line: line_of(loc),
        column: col_of(loc),
        message,
    }
}

/// A serde-saphyr error as a [`TableError`]: its location, and its message without the
/// trailing "at line L, column C".
fn yaml_error(path: &str, e: &serde_saphyr::Error) -> TableError {
    let mut message = e.to_string();
    let (line, column) = match e.location() {
        Some(loc) if loc != Location::UNKNOWN => {
            let suffix = format!(" at line {}, column {}", loc.line(), loc.column());
            if let Some(stripped) = message.strip_suffix(&suffix) {
                message = stripped.to_string();
            }
            (line_of(loc), col_of(loc))
        }
        _ => (1, 1),
    };
    if let Some(hint) = did_you_mean(&message) {
        message.push_str(&hint);
    }
    TableError {
        file: path.to_string(),
        line,
        column,
        message,
    }
}

/// For serde's "unknown field `x`, expected one of …": "; did you mean `y`?" when one of the
/// expected keys is a near miss.
fn did_you_mean(message: &str) -> Option<String> {
    let rest = message.strip_prefix("unknown field `")?;
    let (word, rest) = rest.split_once('`')?;
    let expected = rest.split_once("expected ")?.1;
    let expected = expected.strip_prefix("one of ").unwrap_or(expected);
    let names: Vec<&str> = expected
        .split(", ")
        .flat_map(|p| p.split(" or "))
        .map(|p| p.trim().trim_matches('`'))
        .filter(|p| !p.is_empty())
        .collect();
    crate::rules::closest(word, names.iter().copied()).map(|c| format!("; did you mean `{c}`?"))
}

fn unknown_metric(name: &str, metrics: &[Metric]) -> String {
    let known: Vec<&str> = metrics.iter().map(|m| m.name.as_str()).collect();
    format!(
        "unknown metric `{name}` (declared metrics: {})",
        known.join(", ")
    )
}

pub(super) fn not_a_quantity(text: &str) -> String {
    format!("cannot read `{text}` as a number or a quantity such as `at least 5600`")
}

/// `Path(yaml_dir).join(csv)`, as a string.
fn csv_path(yaml_path: &str, csv: &str) -> String {
    let dir = Path::new(yaml_path).parent().unwrap_or(Path::new(""));
    dir.join(csv).to_string_lossy().into_owned()
}

// ---------------------------------------------------------------------------------------------
// Metrics

/// The metrics, and for each its `column:` (if given) with the location to blame when that
/// column is missing (the `column:` value, else the metric's name).
type MetricColumns = Vec<(Option<String>, Location)>;

fn build_metrics(raw: RawMetrics, path: &str) -> Result<(Vec<Metric>, MetricColumns), TableError> {
    let mut metrics: Vec<Metric> = Vec::new();
    let mut columns = Vec::new();
    let mut seen: HashMap<String, Location> = HashMap::new();
    for (name, spec) in raw.0 {
        let loc = name.referenced;
        let name = name.value.trim().to_string();
        if name.is_empty() {
            return Err(yaml_at(
                path,
                loc,
                "a metric needs a `name` (it is empty or missing)".to_string(),
            ));
        }
        if let Some(first) = seen.insert(name.clone(), loc) {
            return Err(yaml_at(
                path,
                loc,
                format!(
                    "metric `{name}` is declared twice (first at line {})",
                    line_of(first)
                ),
            ));
        }
        let mut terms: Vec<String> = Vec::new();
        for term in std::iter::once(name.as_str()).chain(spec.terms.iter().map(String::as_str)) {
            let term = term.trim().to_lowercase();
            if !term.is_empty() && !terms.contains(&term) {
                terms.push(term);
            }
        }
        let (unit, implied) = match &spec.unit {
            Some(u) => {
                let (unit, scale) = normalize_unit(&u.value);
                let unit = match unit {
                    Some(written) => {
                        table_unit(&written).map_err(|m| yaml_at(path, u.referenced, m))?
                    }
                    None => None,
                };
                (unit, scale)
            }
            None => (None, 1.0),
        };
        let scale = match spec.scale {
            Some(Spanned {
                value, referenced, ..
            }) => {
                if !(value.is_finite() && value > 0.0) {
                    return Err(yaml_at(
                        path,
                        referenced,
                        format!("`scale` must be a positive number, not {value}"),
                    ));
                }
                value
            }
            None => implied,
        };
        match spec.column {
            Some(col) => columns.push((Some(col.value), col.referenced)),
            None => columns.push((None, loc)),
        }
        let kind = match &spec.kind {
            Some(k) => MetricKind::parse(&k.value).ok_or_else(|| {
                yaml_at(
                    path,
                    k.referenced,
                    format!(
                        "unknown metric kind `{}` (expected level, change, rate or rank)",
                        k.value
                    ),
                )
            })?,
            // Named as a change ("seat change", "growth"), or measured in ranks.
            None if names_a_change(&name) => MetricKind::Change,
            None if unit.as_deref() == Some("rank") => MetricKind::Rank,
            None => MetricKind::Level,
        };
        metrics.push(Metric {
            name,
            terms,
            unit,
            scale,
            kind,
        });
    }
    Ok((metrics, columns))
}

/// Whether a metric's name says it is a change: "change", "seat_change", "growth", "net gain".
fn names_a_change(name: &str) -> bool {
    name.to_ascii_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|w| {
            matches!(
                w,
                "change" | "changes" | "growth" | "gain" | "gains" | "swing" | "delta" | "diff"
            )
        })
}

/// Splits a unit into the unit proper and the scale its words imply:
/// `USD millions` → (`USD`, 1e6), `thousands` → (none, 1e3), `percent` → (`%`, 1).
pub(super) fn normalize_unit(unit: &str) -> (Option<String>, f64) {
    fn factor(word: &str) -> Option<f64> {
        match word.to_lowercase().as_str() {
            "thousand" | "thousands" => Some(1e3),
            "million" | "millions" | "mn" | "mln" => Some(1e6),
            "billion" | "billions" | "bn" => Some(1e9),
            "trillion" | "trillions" | "tn" => Some(1e12),
            _ => None,
        }
    }
    let words: Vec<&str> = unit
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| matches!(c, '(' | ')' | ',' | '[' | ']')))
        .filter(|w| !w.is_empty())
        .collect();
    let mut scale = 1.0;
    let mut rest: Vec<&str> = Vec::new();
    for (i, word) in words.iter().enumerate() {
        if let Some(f) = factor(word) {
            scale *= f;
        } else if word.eq_ignore_ascii_case("in")
            && words.get(i + 1).is_some_and(|next| factor(next).is_some())
        {
            // "USD in millions"
        } else {
            rest.push(word);
        }
    }
    let joined = rest.join(" ");
    let unit = match joined.to_lowercase().as_str() {
        "" => None,
        "percent" | "per cent" | "percentage" | "percentages" | "pct" | "%" => {
            Some("%".to_string())
        }
        _ => Some(joined),
    };
    (unit, scale)
}

/// The unit a metric's `unit:` names, as a code of the unit lexicon (`km`, `day`, `USD`,
/// `%`), `rank` for places in an order, or `None` for a count ("people", "count"). An unknown
/// unit is an error that names the closest known ones.
fn table_unit(written: &str) -> Result<Option<String>, String> {
    let lower = written.trim().to_lowercase();
    if matches!(
        lower.as_str(),
        "count" | "counts" | "number" | "people" | "persons" | "items" | "units" | "each"
    ) {
        return Ok(None);
    }
    if matches!(lower.as_str(), "rank" | "position" | "place") {
        return Ok(Some("rank".to_string()));
    }
    let lexicon = crate::units::lexicon();
    if let Some(u) = lexicon.resolve(written) {
        return Ok(Some(u.code.to_string()));
    }
    // "seats", "passengers", "cars": the things a count counts, unless the word is a near
    // miss of a unit of measure ("kilometrs").
    let word = written.trim();
    let max_edits = (word.chars().count() / 5).max(1);
    if word.len() > 2
        && word.chars().all(|c| c.is_alphabetic() || c == ' ')
        && !lexicon.near_miss(word, max_edits)
    {
        return Ok(None);
    }
    let close = lexicon.closest(written);
    let hint = if close.is_empty() {
        String::new()
    } else {
        format!("; did you mean {}?", close.join(", "))
    };
    Err(format!(
        "unknown unit `{}`{hint} (a count needs no unit, or the noun it counts; the README lists the units under \"Units\")",
        written.trim()
    ))
}

// ---------------------------------------------------------------------------------------------
// Values

pub(super) fn number_value(n: f64, text: String, scale: f64) -> Value {
    Value {
        low: Some(n),
        high: Some(n),
        text,
        hedge: None,
        scaled_low: Some(n * scale),
        scaled_high: Some(n * scale),
    }
}

/// A plain number as tables write it: `3417`, `-2.5`, `1,234`, `12%`.
pub(super) fn plain_number(text: &str) -> Option<f64> {
    let t = text.trim();
    let t = t.strip_suffix('%').unwrap_or(t).trim_end();
    if t.is_empty()
        || !t
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b',' | b'-' | b'+'))
    {
        return None;
    }
    let n: f64 = if t.contains(',') {
        // Thousands separators only: groups of three digits after the first comma.
        let (int, frac) = t.split_once('.').unwrap_or((t, ""));
        let mut groups = int.split(',');
        let head = groups.next().unwrap_or("");
        let digits = head.trim_start_matches(['-', '+']);
        if digits.is_empty() || digits.len() > 3 {
            return None;
        }
        if !groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit())) {
            return None;
        }
        let joined: String = int.chars().filter(|c| *c != ',').collect();
        if frac.is_empty() {
            joined.parse().ok()?
        } else {
            format!("{joined}.{frac}").parse().ok()?
        }
    } else {
        t.parse().ok()?
    };
    n.is_finite().then_some(n)
}

/// A text value: a plain number, else anything [`crate::quantity::parse_value`] reads (a
/// trailing `%` allowed). `None` when it is not one quantity.
pub(super) fn text_value(text: &str, scale: f64) -> Option<Value> {
    if let Some(n) = plain_number(text) {
        return Some(number_value(n, text.trim().to_string(), scale));
    }
    let t = text.trim();
    let q = crate::quantity::parse_value(t).or_else(|| {
        let bare = t.strip_suffix('%')?.trim_end();
        crate::quantity::parse_value(bare)
    })?;
    let ok = |v: Option<f64>| v.is_none_or(f64::is_finite);
    if (q.low.is_none() && q.high.is_none()) || !ok(q.low) || !ok(q.high) {
        return None;
    }
    Some(Value {
        low: q.low,
        high: q.high,
        text: t.to_string(),
        hedge: q.hedge,
        scaled_low: q.low.map(|v| v * scale),
        scaled_high: q.high.map(|v| v * scale),
    })
}

// ---------------------------------------------------------------------------------------------
// Index

/// Builds the hash index of a table; fails on two records for one entity, metric and period.
pub(super) fn build_index(table: &Table) -> Result<Index, TableError> {
    let mut ix = Index::default();
    for (i, m) in table.metrics.iter().enumerate() {
        ix.metric_pos.entry(m.name.clone()).or_insert(i);
        ix.metric_pos.entry(m.name.to_lowercase()).or_insert(i);
    }
    let metric_of: HashMap<&str, u32> = table
        .metrics
        .iter()
        .enumerate()
        .filter_map(|(i, m)| Some((m.name.as_str(), u32::try_from(i).ok()?)))
        .collect();

    let entity_id = |ix: &mut Index, name: &str| -> u32 {
        let plain = !name
            .bytes()
            .any(|b| b.is_ascii_uppercase() || !b.is_ascii());
        if plain {
            if let Some(id) = ix.entity_ids.get(name) {
                return *id;
            }
        }
        // Most names are short ASCII: lowercase them on the stack before the lookup.
        let mut buf = [0u8; 64];
        if name.len() <= buf.len() && name.is_ascii() {
            buf[..name.len()].copy_from_slice(name.as_bytes());
            buf[..name.len()].make_ascii_lowercase();
            if let Some(id) = std::str::from_utf8(&buf[..name.len()])
                .ok()
                .and_then(|l| ix.entity_ids.get(l))
            {
                return *id;
            }
        }
        let lower = name.to_lowercase();
        if let Some(id) = ix.entity_ids.get(&lower) {
            return *id;
        }
        let id = ix.entity_names.len() as u32;
        ix.entity_names.push(name.to_string());
        ix.names.push((name.to_string(), name.to_string()));
        ix.entity_ids.insert(lower, id);
        id
    };

    let mut all_numeric = true;
    let mut max_numeric: Option<(f64, &str)> = None;
    let mut last: Option<&str> = None;
    let mut period_numbers: Vec<Option<f64>> = Vec::new();
    let mut last_entity: Option<(&str, u32)> = None;
    let mut last_period: Option<(&str, u32)> = None;
    ix.cells.reserve(table.records.len());
    for (i, r) in table.records.iter().enumerate() {
        let idx = u32::try_from(i).map_err(|_| TableError {
            file: r.file.clone(),
            line: r.line,
            column: r.column,
            message: "too many records (more than 4,294,967,295)".to_string(),
        })?;
        // Rows of one entity or period usually come together: skip the hashing then.
        let e = match last_entity {
            Some((name, id)) if name == r.entity => id,
            _ => {
                let id = entity_id(&mut ix, &r.entity);
                last_entity = Some((&r.entity, id));
                id
            }
        };
        let Some(&m) = metric_of.get(r.metric.as_str()) else {
            return Err(TableError {
                file: r.file.clone(),
                line: r.line,
                column: r.column,
                message: unknown_metric(&r.metric, &table.metrics),
            });
        };
        let p = match last_period {
            Some((name, id)) if name == r.period => id,
            _ => {
                let id = match ix.period_ids.get(&r.period) {
                    Some(id) => *id,
                    None => {
                        let id = ix.period_ids.len() as u32;
                        ix.period_ids.insert(r.period.clone(), id);
                        period_numbers.push(r.period.parse::<f64>().ok().filter(|v| v.is_finite()));
                        id
                    }
                };
                last_period = Some((&r.period, id));
                id
            }
        };
        if let Some(first) = ix.cells.insert((e, m, p), idx) {
            let first = &table.records[first as usize];
            return Err(TableError {
                file: r.file.clone(),
                line: r.line,
                column: r.column,
                message: format!(
                    "second value for {} / {} / {} (first at {}:{}:{})",
                    r.entity, r.metric, r.period, first.file, first.line, first.column
                ),
            });
        }
        ix.by_entity_metric.entry((e, m)).or_default().push(idx);
        ix.by_metric_period.entry((m, p)).or_default().push(idx);
        match period_numbers.get(p as usize).copied().flatten() {
            Some(v) => {
                if max_numeric.is_none_or(|(best, _)| v > best) {
                    max_numeric = Some((v, r.period.as_str()));
                }
            }
            None => all_numeric = false,
        }
        last = Some(r.period.as_str());
    }
    ix.latest = if all_numeric {
        max_numeric.map(|(_, p)| p.to_string())
    } else {
        last.map(str::to_string)
    };

    // Periods of a series: ascending when all are numbers, else record order (already).
    let records = &table.records;
    for ids in ix.by_entity_metric.values_mut() {
        let nums: Option<Vec<f64>> = ids
            .iter()
            .map(|i| records[*i as usize].period.parse::<f64>().ok())
            .collect();
        if let Some(nums) = nums {
            if nums.windows(2).any(|w| w[0] > w[1]) {
                let mut pairs: Vec<(f64, u32)> =
                    nums.into_iter().zip(ids.iter().copied()).collect();
                pairs.sort_by(|a, b| a.0.total_cmp(&b.0));
                *ids = pairs.into_iter().map(|(_, i)| i).collect();
            }
        }
    }

    // Entities named only in `entities:`, then aliases.
    for canonical in table.entities.keys() {
        entity_id(&mut ix, canonical);
    }
    for (canonical, aliases) in &table.entities {
        let id = entity_id(&mut ix, canonical);
        let name = ix.entity_names[id as usize].clone();
        for alias in aliases {
            let lower = alias.to_lowercase();
            if ix.entity_ids.contains_key(&lower) {
                // A canonical name (or an earlier alias) keeps its meaning.
                continue;
            }
            ix.entity_ids.insert(lower, id);
            ix.names.push((alias.clone(), name.clone()));
        }
    }
    Ok(ix)
}

/// Reads any YAML document with the loader's limits and located errors (the configuration
/// file uses it).
pub(super) fn read_yaml<T: serde::de::DeserializeOwned>(
    path: &str,
    yaml: &str,
) -> Result<T, TableError> {
    serde_saphyr::from_str_with_options(yaml, options(yaml.len())).map_err(|e| yaml_error(path, &e))
}
