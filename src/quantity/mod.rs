//! The numeral grammar: finds every quantity an English news text states, with its hedge.

use serde::Serialize;

/// What a quantity measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Number,
    Percent,
    PercentagePoints,
    Ordinal,
    Range,
    Money,
    Fraction,
    Multiple,
    Year,
    Date,
}

/// One quantity found in a text, with its exact span.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quantity {
    /// Byte offset of the first byte (hedge included).
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    pub kind: Kind,
    /// The number as stated in its own unit; `None` for a range.
    pub value: Option<f64>,
    /// Lower bound as stated (before any tolerance); `None` when open.
    pub low: Option<f64>,
    /// Upper bound as stated (before any tolerance); `None` when open.
    pub high: Option<f64>,
    /// The hedge words as written ("about", "more than"), if any.
    pub hedge: Option<String>,
    /// Currency code, `%`, or `None`.
    pub unit: Option<String>,
    /// The place value of the last printed significant digit (`2,920` → 10, `1.5` → 0.1).
    pub precision: Option<f64>,
}

/// Finds every quantity in `text`, in order of position. Pure: no I/O.
pub fn extract(text: &str) -> Vec<Quantity> {
    let _ = text;
    Vec::new()
}

/// Reads a whole string as one quantity, as tables state values: `3417`, `at least 5600`,
/// `more than 40,000`, `500-600`, `about 1200`. `None` when the text is not exactly one quantity.
pub fn parse_value(text: &str) -> Option<Quantity> {
    let trimmed = text.trim();
    if let Some((a, b)) = trimmed.split_once('-') {
        let (a, b) = (parse_plain(a)?, parse_plain(b)?);
        return Some(Quantity {
            start: 0,
            end: text.len(),
            kind: Kind::Range,
            value: None,
            low: Some(a),
            high: Some(b),
            hedge: None,
            unit: None,
            precision: None,
        });
    }
    let v = parse_plain(trimmed)?;
    Some(Quantity {
        start: 0,
        end: text.len(),
        kind: Kind::Number,
        value: Some(v),
        low: Some(v),
        high: Some(v),
        hedge: None,
        unit: None,
        precision: None,
    })
}

fn parse_plain(s: &str) -> Option<f64> {
    s.trim().replace(',', "").parse().ok()
}
