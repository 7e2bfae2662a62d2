//! Reference tables: YAML files (long form), or CSV files described by YAML. Every value keeps
//! the file, line and column it came from, so a finding can point at its row.
//!
//! # Format
//!
//! ```yaml
//! title: Foreign fighters by country of origin        # optional
//! source: {publisher: The Soufan Center, title: "Beyond the Caliphate", date: 2017-10-24, url: "https://…"}
//! current: 2017            # optional: the period meant by "now" (default: the latest period)
//! total: World             # optional: the entity meant when a claim names none
//! entities:                # optional: extra names (one name or a list)
//!   United Kingdom: [Britain, British, Britons, UK]
//! groups:                  # optional: group kind → the group entities of that kind
//!   region: [Middle East, Maghreb, Western Europe]
//! metrics:                 # required
//!   fighters: [fighters, militants, jihadists]                  # list form: the terms
//!   returnees: {terms: [returned, returnees], unit: people, scale: 1}  # map form
//! records:                 # long form
//!   - {entity: Russia, metric: fighters, period: 2017, value: 3417}
//!   - {entity: World, metric: returnees, period: 2017, value: at least 5600}
//! ```
//!
//! `metrics:` may also be a list whose items are metric names or mappings with a `name` key
//! (`- {name: fighters, terms: [militants]}`). In every form the metric's own name is one of
//! its terms; terms are stored lowercase, without repeats.
//!
//! A metric's `unit` may carry a scale word: `USD millions` → unit `USD`, scale 1,000,000;
//! `thousands` → no unit, scale 1,000 (also `million`, `mn`, `billion(s)`, `bn`,
//! `trillion(s)`). `percent`, `per cent`, `percentage`, `pct` and `%` become `%`. An explicit
//! `scale:` wins over the scale implied by the unit.
//!
//! A record's `period` is a year or a label, stored as a string. A table whose facts have no
//! period leaves it out of every record (or, for CSV, gives neither `period:` nor
//! `period-column:`): its records share the one implicit period [`NO_PERIOD`]. A `value` is a YAML number or a
//! string in the prose grammar of [`crate::quantity::parse_value`] (`at least 5600`,
//! `500-600`, `about 1200`, a trailing `%` is allowed); a null value is no record.
//!
//! ## CSV
//!
//! Instead of (or besides) `records:`, a table may describe a CSV file. Its path is relative to
//! the YAML file's folder. Wide form, one column per metric:
//!
//! ```yaml
//! csv: bad-drivers.csv
//! entity: State            # the column naming the entity
//! period: 2012             # a constant period for every row, or `period-column: Year`
//! metrics:
//!   speeding: {column: "Percentage Who Were Speeding", terms: [speeding], unit: percent}
//! ```
//!
//! A metric without `column:` is read from the column named like the metric.
//!
//! Long form, one row per value: give `metric-column:` and `value-column:` (with `entity:` and
//! `period:`/`period_column:` as above). The metric column holds, for each row, a metric's
//! `column:` label or, when it has none, its name (matched exactly, else ignoring case); a row
//! naming a metric that `metrics:` does not declare is an error.
//!
//! Cells are trimmed; empty value cells give no record; thousands separators (`1,234`) and a
//! trailing `%` are allowed; other cells must read as quantities. A UTF-8 BOM, CRLF line ends
//! and quoted fields with newlines are handled; a row with more or fewer fields than the header
//! is an error. A CSV record's `line` is the line its row starts on (the header is line 1) and
//! its `column` is the character column of the value's cell.
//!
//! ## Errors and limits
//!
//! Every error carries a file, line and column: the YAML's for YAML problems (syntax, tabs,
//! wrong types, duplicate or unknown keys, an undeclared metric, a CSV column that does not
//! exist), the CSV's for problems in its cells. Two values for the same entity, metric and
//! period are an error. Parsing is bounded: nesting deeper than 32 levels, alias expansion
//! beyond a fixed budget, and node counts far beyond the input's size are rejected.

use std::collections::{BTreeMap, HashMap};

mod csv_source;
mod load;
mod raw;
#[cfg(test)]
mod tests;

/// Where a table came from, as shown in reports.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct Source {
    pub publisher: Option<String>,
    pub title: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
}

/// A metric and the words that name it in prose.
#[derive(Debug, Clone, PartialEq)]
pub struct Metric {
    pub name: String,
    /// Words and phrases that name the metric in prose (lowercase).
    pub terms: Vec<String>,
    pub unit: Option<String>,
    /// Multiply a stated table value by this to get the value in plain units (default 1).
    pub scale: f64,
    /// What the metric's values are: levels, changes, rates or ranks.
    pub kind: MetricKind,
}

/// What a metric's values state. A change in the text is checked only against a change metric,
/// and a level only against a level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MetricKind {
    /// A amount at a time: seats held, population, visitors.
    Level,
    /// The change of an amount over a period: seats gained (+2, -4), growth in percent.
    Change,
    /// An amount per unit of something: per capita, per 100,000, a share.
    Rate,
    /// A place in an order: 1st, 2nd.
    Rank,
}

impl MetricKind {
    pub fn parse(s: &str) -> Option<MetricKind> {
        match s.trim().to_ascii_lowercase().as_str() {
            "level" => Some(MetricKind::Level),
            "change" => Some(MetricKind::Change),
            "rate" => Some(MetricKind::Rate),
            "rank" => Some(MetricKind::Rank),
            _ => None,
        }
    }
}

/// A table value: the interval it states, and the text it was written as.
///
/// `low`/`high` are the value as stated, in the metric's unit (`3.2` for 3.2 USD millions);
/// `scaled_low`/`scaled_high` are the same bounds multiplied by the metric's scale (3,200,000).
/// A hedged value (`about 1200`) keeps low = high = 1200 and its hedge words in `hedge`.
#[derive(Debug, Clone, PartialEq)]
pub struct Value {
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub text: String,
    /// The hedge words as written (`about`, `at least`), if any.
    pub hedge: Option<String>,
    /// `low` times the metric's scale.
    pub scaled_low: Option<f64>,
    /// `high` times the metric's scale.
    pub scaled_high: Option<f64>,
}

impl Metric {
    /// Whether the metric's values are places in an order ("position", "rank"): such values
    /// are compared with ordinals, never with counts, and a lower value ranks higher.
    pub fn is_rank(&self) -> bool {
        let n = self.name.to_ascii_lowercase();
        matches!(
            n.as_str(),
            "position" | "rank" | "ranking" | "place" | "standing" | "pos"
        ) || matches!(
            self.unit.as_deref().map(str::to_ascii_lowercase).as_deref(),
            Some("rank" | "position" | "place")
        )
    }

    /// Whether the metric's values are percentages (`unit: percent`, `%`, `pct`).
    pub fn in_percent(&self) -> bool {
        self.unit.as_deref().is_some_and(|u| {
            crate::units::lexicon()
                .get(u)
                .is_some_and(|x| x.dimension == crate::units::Dimension::Percent)
        })
    }
}

impl Value {
    /// The stated bounds multiplied by `scale`.
    pub fn scaled(&self, scale: f64) -> (Option<f64>, Option<f64>) {
        (self.low.map(|v| v * scale), self.high.map(|v| v * scale))
    }
}

/// One value of the table, with its provenance.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// The table's own name for the entity.
    pub entity: String,
    pub metric: String,
    pub period: String,
    pub value: Value,
    /// File the value was read from (the YAML file, or the CSV it describes).
    pub file: String,
    pub line: usize,
    pub column: usize,
}

impl Record {
    /// The stated bounds multiplied by `scale` (see also [`Value::scaled_low`]).
    pub fn scaled(&self, scale: f64) -> (Option<f64>, Option<f64>) {
        self.value.scaled(scale)
    }
}

/// A loaded reference table.
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub path: String,
    pub title: Option<String>,
    pub source: Option<Source>,
    pub current: Option<String>,
    pub total: Option<String>,
    /// Canonical entity name → extra names.
    pub entities: BTreeMap<String, Vec<String>>,
    /// Group kind → the group entities of that kind (`groups: {region: [Middle East, ...]}`).
    pub groups: BTreeMap<String, Vec<String>>,
    pub metrics: Vec<Metric>,
    /// In file order: YAML records first, then CSV rows.
    pub records: Vec<Record>,
    /// Built at load; rebuild with [`Table::reindex`] after changing the public fields.
    index: Index,
}

/// A hasher for keys made of small interned ids: a multiply-and-rotate mix, much cheaper than
/// the default SipHash, which guards against adversarial keys that ids cannot be.
#[derive(Debug, Clone, Copy, Default)]
struct IdHasher;

impl std::hash::BuildHasher for IdHasher {
    type Hasher = IdHash;
    fn build_hasher(&self) -> IdHash {
        IdHash(0)
    }
}

#[derive(Debug, Clone, Copy)]
struct IdHash(u64);

impl std::hash::Hasher for IdHash {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.write_u64(u64::from(*b));
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

/// Lookup structures over `Table::records`, all hash-based.
#[derive(Debug, Clone, Default)]
struct Index {
    /// Lowercase entity name or alias → entity id.
    entity_ids: HashMap<String, u32>,
    /// Entity id → canonical spelling (the first seen).
    entity_names: Vec<String>,
    /// Metric name → position in `Table::metrics`.
    metric_pos: HashMap<String, usize>,
    period_ids: HashMap<String, u32>,
    /// (entity, metric, period) → record index.
    cells: HashMap<(u32, u32, u32), u32, IdHasher>,
    /// (entity, metric) → record indices, sorted by period.
    by_entity_metric: HashMap<(u32, u32), Vec<u32>, IdHasher>,
    /// (metric, period) → record indices, in record order.
    by_metric_period: HashMap<(u32, u32), Vec<u32>, IdHasher>,
    /// (name or alias, canonical).
    names: Vec<(String, String)>,
    /// The latest period of all records.
    latest: Option<String>,
}

impl Table {
    /// Reads a table from its YAML text. `path` is used for messages and provenance; `read` is
    /// called with the path of a CSV file resolved relative to the YAML's folder (the caller
    /// does the I/O and may refuse paths outside the folder; its error message is reported at
    /// the `csv:` key).
    pub fn from_yaml(
        path: &str,
        yaml: &str,
        read: &mut dyn FnMut(&str) -> Result<String, String>,
    ) -> Result<Table, TableError> {
        load::load(path, yaml, read)
    }

    /// The period meant by "now": `current` if given, else the latest period of the records
    /// (the numeric maximum if every period is a number, else the last one seen).
    pub fn current_period(&self) -> Option<&str> {
        self.current.as_deref().or(self.index.latest.as_deref())
    }

    /// How many periods the records have.
    pub fn period_count(&self) -> usize {
        self.index.period_ids.len()
    }

    /// Whether some record is of this period.
    pub fn has_period(&self, period: &str) -> bool {
        self.index.period_ids.contains_key(period)
    }

    /// The metric of that name (exact, else ignoring case).
    pub fn metric(&self, name: &str) -> Option<&Metric> {
        let pos = match self.index.metric_pos.get(name) {
            Some(pos) => *pos,
            None => *self.index.metric_pos.get(&name.to_lowercase())?,
        };
        self.metrics.get(pos)
    }

    /// Every entity of the records and of `entities:`, as `(name, canonical)`, and every alias,
    /// as `(alias, canonical)`.
    pub fn names(&self) -> impl Iterator<Item = (&str, &str)> {
        self.index
            .names
            .iter()
            .map(|(name, canonical)| (name.as_str(), canonical.as_str()))
    }

    /// The canonical spelling of an entity name or alias (ignoring case).
    pub fn canonical(&self, name: &str) -> Option<&str> {
        let id = self.entity_id(name)?;
        self.index.entity_names.get(id as usize).map(String::as_str)
    }

    /// The record for an entity (a name or alias, ignoring case), a metric and a period.
    /// O(1): hash look-ups only.
    pub fn lookup(&self, entity: &str, metric: &str, period: &str) -> Option<&Record> {
        let e = self.entity_id(entity)?;
        let m = self.metric_id(metric)?;
        let p = *self.index.period_ids.get(period)?;
        let i = *self.index.cells.get(&(e, m, p))?;
        self.records.get(i as usize)
    }

    /// The periods with a value for an entity and a metric: ascending if all are numbers, else
    /// in record order.
    pub fn periods(&self, entity: &str, metric: &str) -> Vec<&str> {
        self.entity_metric_records(entity, metric)
            .map(|r| r.period.as_str())
            .collect()
    }

    /// The records of an entity and a metric, ordered as [`Table::periods`].
    pub fn series(&self, entity: &str, metric: &str) -> Vec<&Record> {
        self.entity_metric_records(entity, metric).collect()
    }

    /// Every record of a metric in a period (all entities, in record order), for ranking.
    pub fn rows(&self, metric: &str, period: &str) -> Vec<&Record> {
        let (Some(m), Some(p)) = (self.metric_id(metric), self.index.period_ids.get(period)) else {
            return Vec::new();
        };
        self.index
            .by_metric_period
            .get(&(m, *p))
            .map(|ids| {
                ids.iter()
                    .filter_map(|i| self.records.get(*i as usize))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The value of a record in plain units: its bounds times its metric's scale.
    pub fn scaled(&self, record: &Record) -> (Option<f64>, Option<f64>) {
        let scale = self.metric(&record.metric).map_or(1.0, |m| m.scale);
        record.scaled(scale)
    }

    /// Rebuilds the look-up index (and `Value::scaled_*`) after the public fields changed.
    /// Fails on two records for one entity, metric and period.
    pub fn reindex(&mut self) -> Result<(), TableError> {
        let scales: HashMap<&str, f64> = self
            .metrics
            .iter()
            .map(|m| (m.name.as_str(), m.scale))
            .collect();
        for r in &mut self.records {
            let scale = scales.get(r.metric.as_str()).copied().unwrap_or(1.0);
            (r.value.scaled_low, r.value.scaled_high) = r.value.scaled(scale);
        }
        self.index = load::build_index(self)?;
        Ok(())
    }

    fn entity_id(&self, name: &str) -> Option<u32> {
        match self.index.entity_ids.get(name) {
            Some(id) => Some(*id),
            None => self.index.entity_ids.get(&name.to_lowercase()).copied(),
        }
    }

    fn metric_id(&self, name: &str) -> Option<u32> {
        let pos = match self.index.metric_pos.get(name) {
            Some(pos) => *pos,
            None => *self.index.metric_pos.get(&name.to_lowercase())?,
        };
        u32::try_from(pos).ok()
    }

    fn entity_metric_records(
        &self,
        entity: &str,
        metric: &str,
    ) -> impl Iterator<Item = &Record> + '_ {
        let ids = match (self.entity_id(entity), self.metric_id(metric)) {
            (Some(e), Some(m)) => self.index.by_entity_metric.get(&(e, m)),
            _ => None,
        };
        ids.into_iter()
            .flatten()
            .filter_map(|i| self.records.get(*i as usize))
    }
}

/// A table that could not be read: where and why.
#[derive(Debug, Clone, PartialEq)]
pub struct TableError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl std::fmt::Display for TableError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

impl std::error::Error for TableError {}

/// Reads a YAML document that is not a table (claimcheck's configuration) with the same
/// limits against hostile input and the same `file:line:column` errors.
pub fn read_yaml<T: serde::de::DeserializeOwned>(path: &str, yaml: &str) -> Result<T, TableError> {
    load::read_yaml(path, yaml)
}

/// The period of every record of a table whose facts have none (records without `period:`,
/// a CSV table without `period:` or `period-column:`). It has no digit, so a year in the text
/// reads as it (the table is undated), and messages leave it out: see [`row_name`].
pub const NO_PERIOD: &str = "(no period)";

/// A row as messages name it: `entity, metric, period`, or `entity, metric` when the table's
/// facts have no period.
pub fn row_name(entity: &str, metric: &str, period: &str) -> String {
    if period == NO_PERIOD {
        format!("{entity}, {metric}")
    } else {
        format!("{entity}, {metric}, {period}")
    }
}

/// ` in PERIOD`, or nothing for a table whose facts have no period.
pub fn in_period(period: &str) -> String {
    if period == NO_PERIOD {
        String::new()
    } else {
        format!(" in {period}")
    }
}

/// A location in a YAML file as 1-based line and column.
pub fn line_col(loc: serde_saphyr::Location) -> (usize, usize) {
    (load::line_of(loc), load::col_of(loc))
}

/// The top-level keys of a table that have a second spelling: (canonical, other). Keys are
/// kebab-case in tables and in `claimcheck.yaml` alike; the snake_case spelling is read too.
pub const SPELLINGS: &[(&str, &str)] = &[
    ("period-column", "period_column"),
    ("metric-column", "metric_column"),
    ("value-column", "value_column"),
];

/// A note for each top-level key of `yaml` written in its other spelling (`spellings` pairs
/// the canonical name with the other): `file:line:column: `period_column` is read as
/// `period-column`, the spelling claimcheck documents`. Nothing when the document does not
/// parse (the loader reports that).
pub fn spelling_notes(path: &str, yaml: &str, spellings: &[(&str, &str)]) -> Vec<String> {
    // A key in the other spelling appears in the text as written: most files skip the parse.
    if !spellings.iter().any(|(_, other)| yaml.contains(other)) {
        return Vec::new();
    }
    let Ok(keys) = load::read_yaml::<raw::TopKeys>(path, yaml) else {
        return Vec::new();
    };
    keys.0
        .iter()
        .filter_map(|k| {
            let (canonical, other) = spellings.iter().find(|(_, o)| *o == k.value)?;
            let (line, column) = line_col(k.referenced);
            Some(format!(
                "{path}:{line}:{column}: `{other}` is read as `{canonical}`, the spelling claimcheck documents"
            ))
        })
        .collect()
}
