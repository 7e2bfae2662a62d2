//! Reference tables: YAML files (long form), or CSV files described by YAML. Every value keeps
//! the file, line and column it came from, so a finding can point at its row.

use std::collections::BTreeMap;

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
}

/// A table value: the interval it states, and the text it was written as.
#[derive(Debug, Clone, PartialEq)]
pub struct Value {
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub text: String,
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
    /// Group name → member entities (`groups: {region: [...]}` names the kind of each group).
    pub groups: BTreeMap<String, Vec<String>>,
    pub metrics: Vec<Metric>,
    pub records: Vec<Record>,
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
