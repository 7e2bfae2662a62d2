//! Records from a CSV file described by the table's YAML: wide form (one column per metric) or
//! long form (a metric column and a value column).

use std::collections::HashMap;

use serde_saphyr::Location;

use super::load::{not_a_quantity, text_value, yaml_at};
use super::{Metric, Record, TableError};

pub(super) enum PeriodSpec {
    /// The same period for every row.
    Constant(String),
    /// The column holding each row's period, and where the YAML names it.
    Column(String, Location),
}

/// A wide-form metric: its position in the metrics, its column, and where the YAML names it.
pub(super) struct MetricColumn {
    pub metric: usize,
    pub column: String,
    pub loc: Location,
}

pub(super) enum CsvForm {
    Wide(Vec<MetricColumn>),
    Long {
        metric_column: (String, Location),
        value_column: (String, Location),
        /// Label in the metric column → position in the metrics.
        labels: Vec<(String, usize)>,
    },
}

pub(super) struct CsvSpec<'a> {
    pub yaml_path: &'a str,
    /// The CSV's path as reported (the YAML's folder joined with `csv:`).
    pub file: &'a str,
    pub entity: (String, Location),
    pub period: PeriodSpec,
    pub form: CsvForm,
    pub metrics: &'a [Metric],
}

/// How each row's cells become records, with header positions resolved.
enum Plan {
    Wide(Vec<(usize, usize)>),
    Long {
        metric_col: usize,
        value_col: usize,
        labels: HashMap<String, usize>,
    },
}

/// Reads the CSV `text` and appends its records.
pub(super) fn read_csv(
    spec: &CsvSpec<'_>,
    text: &str,
    records: &mut Vec<Record>,
) -> Result<(), TableError> {
    let file = spec.file;
    let at = |line: usize, column: usize, message: String| TableError {
        file: file.to_string(),
        line,
        column,
        message,
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut row = csv::StringRecord::new();
    let csv_error = |e: csv::Error| {
        let line = e
            .position()
            .map_or(1, |p| usize::try_from(p.line()).unwrap_or(usize::MAX));
        at(line.max(1), 1, format!("cannot read CSV: {e}"))
    };
    if !rdr.read_record(&mut row).map_err(csv_error)? {
        return Err(at(
            1,
            1,
            "the CSV file is empty: expected a header row".to_string(),
        ));
    }
    let header: Vec<String> = row.iter().map(|h| h.trim().to_string()).collect();
    let find = |name: &str, loc: Location| -> Result<usize, TableError> {
        let name = name.trim();
        header
            .iter()
            .position(|h| h == name)
            .or_else(|| {
                let lower = name.to_lowercase();
                header.iter().position(|h| h.to_lowercase() == lower)
            })
            .ok_or_else(|| {
                yaml_at(
                    spec.yaml_path,
                    loc,
                    format!(
                        "column `{name}` not found in CSV file `{file}` (its columns: {})",
                        header.join(", ")
                    ),
                )
            })
    };
    let entity_col = find(&spec.entity.0, spec.entity.1)?;
    let period_col = match &spec.period {
        PeriodSpec::Constant(_) => None,
        PeriodSpec::Column(name, loc) => Some(find(name, *loc)?),
    };
    let plan = match &spec.form {
        CsvForm::Wide(columns) => {
            let mut cols = Vec::with_capacity(columns.len());
            for c in columns {
                cols.push((find(&c.column, c.loc)?, c.metric));
            }
            Plan::Wide(cols)
        }
        CsvForm::Long {
            metric_column,
            value_column,
            labels,
        } => {
            let mut map = HashMap::new();
            for (label, metric) in labels {
                map.entry(label.trim().to_string()).or_insert(*metric);
            }
            for (label, metric) in labels {
                map.entry(label.trim().to_lowercase()).or_insert(*metric);
            }
            Plan::Long {
                metric_col: find(&metric_column.0, metric_column.1)?,
                value_col: find(&value_column.0, value_column.1)?,
                labels: map,
            }
        }
    };

    let mut starts: Vec<(usize, usize)> = Vec::new();
    let mut cells: Vec<(usize, usize)> = Vec::new();
    loop {
        if !rdr.read_record(&mut row).map_err(csv_error)? {
            break;
        }
        let (line, byte) = match row.position() {
            Some(p) => (
                usize::try_from(p.line()).unwrap_or(usize::MAX),
                usize::try_from(p.byte()).unwrap_or(usize::MAX),
            ),
            None => (0, usize::MAX),
        };
        // After a CRLF row the reader stops between `\r` and `\n`: the row starts after any
        // line ends (blank lines are skipped too).
        let (mut line, mut byte) = (line, byte);
        while let Some(b) = text.as_bytes().get(byte) {
            match b {
                b'\n' => line = line.saturating_add(1),
                b'\r' => {}
                _ => break,
            }
            byte += 1;
        }
        field_starts(text, byte, row.len(), &mut starts);
        // (line, column) of field `i`.
        let pos = |i: usize| -> (usize, usize) {
            match starts.get(i) {
                Some((dl, col)) => (line.saturating_add(*dl), *col),
                None => (line, i + 1),
            }
        };
        if row.len() != header.len() {
            return Err(at(
                line,
                1,
                format!(
                    "this row has {} fields but the header has {}",
                    row.len(),
                    header.len()
                ),
            ));
        }
        let cell = |i: usize| row.get(i).unwrap_or("").trim();

        // (metric, value column) pairs of this row that hold a value.
        cells.clear();
        match &plan {
            Plan::Wide(cols) => {
                for &(col, metric) in cols {
                    if !cell(col).is_empty() {
                        cells.push((metric, col));
                    }
                }
            }
            Plan::Long {
                metric_col,
                value_col,
                labels,
            } => {
                if !cell(*value_col).is_empty() {
                    let label = cell(*metric_col);
                    let metric = labels
                        .get(label)
                        .or_else(|| labels.get(&label.to_lowercase()));
                    match metric {
                        Some(&m) => cells.push((m, *value_col)),
                        None => {
                            let (l, c) = pos(*metric_col);
                            let declared: Vec<&str> =
                                spec.metrics.iter().map(|m| m.name.as_str()).collect();
                            return Err(at(
                                l,
                                c,
                                format!(
                                    "unknown metric `{label}` in column `{}` (declared metrics: {})",
                                    header[*metric_col],
                                    declared.join(", ")
                                ),
                            ));
                        }
                    }
                }
            }
        }
        if cells.is_empty() {
            continue;
        }
        let entity = cell(entity_col);
        if entity.is_empty() {
            let (l, c) = pos(entity_col);
            return Err(at(
                l,
                c,
                "this row has values but no entity name".to_string(),
            ));
        }
        let period = match (&spec.period, period_col) {
            (PeriodSpec::Constant(p), _) => p.as_str(),
            (_, Some(col)) => {
                let p = cell(col);
                if p.is_empty() {
                    let (l, c) = pos(col);
                    return Err(at(l, c, "this row has values but no period".to_string()));
                }
                p
            }
            (PeriodSpec::Column(..), None) => "",
        };
        for &(metric, col) in &cells {
            let Some(m) = spec.metrics.get(metric) else {
                continue;
            };
            let text = cell(col);
            let (l, c) = pos(col);
            let Some(value) = text_value(text, m.scale) else {
                return Err(at(
                    l,
                    c,
                    format!(
                        "cell `{text}` in column `{}` is not a number: {}",
                        header[col],
                        not_a_quantity(text)
                    ),
                ));
            };
            records.push(Record {
                entity: entity.to_string(),
                metric: m.name.clone(),
                period: period.to_string(),
                value,
                file: file.to_string(),
                line: l,
                column: c,
            });
        }
    }
    Ok(())
}

/// The (lines after the row's first line, 1-based character column) where each of the first `n`
/// fields of the row starting at byte `start` begins.
fn field_starts(text: &str, start: usize, n: usize, out: &mut Vec<(usize, usize)>) {
    out.clear();
    let bytes = text.as_bytes();
    let len = bytes.len();
    if start > len {
        return;
    }
    let (mut i, mut line, mut col) = (start, 0usize, 1usize);
    let is_char_start = |b: u8| (b & 0xC0) != 0x80;
    loop {
        out.push((line, col));
        if out.len() >= n {
            return;
        }
        if i < len && bytes[i] == b'"' {
            i += 1;
            col += 1;
            while i < len {
                let b = bytes[i];
                if b == b'"' {
                    if bytes.get(i + 1) == Some(&b'"') {
                        i += 2;
                        col += 2;
                        continue;
                    }
                    i += 1;
                    col += 1;
                    break;
                }
                if b == b'\n' {
                    line += 1;
                    col = 1;
                } else if is_char_start(b) {
                    col += 1;
                }
                i += 1;
            }
        }
        while i < len && !matches!(bytes[i], b',' | b'\n' | b'\r') {
            if is_char_start(bytes[i]) {
                col += 1;
            }
            i += 1;
        }
        if i >= len || bytes[i] != b',' {
            return;
        }
        i += 1;
        col += 1;
    }
}
