//! claimcheck finds the numeric claims in articles and checks them against reference tables.
//!
//! The library is pure: it takes text and tables that the caller has already read, and returns
//! values. Data flows one way:
//!
//! ```text
//! source ─▶ text::Document ─▶ quantity::Quantity ─▶ claim::Claim ─▶ rules ─▶ Finding ─▶ report
//! ```
//!
//! Only the binary (`src/main.rs` and `src/cli/`) reads files, parses flags and prints.

pub mod quantity;
pub mod text;
pub mod units;

pub use quantity::{extract, parse_value, range_ends, Kind, Quantity};
pub use text::{Document, Format};
pub mod table;

/// Finds every quantity in a source file, read as `format`; spans, lines and columns point into
/// `source`.
pub fn extract_source(source: &str, format: Format) -> Vec<Quantity> {
    let doc = Document::parse(source, format);
    quantities_of(&doc)
}

/// The quantities of a parsed document, placed in its source.
pub fn quantities_of(doc: &Document<'_>) -> Vec<Quantity> {
    let index = text::LineIndex::new(doc.source);
    let mut out = extract(&doc.plain);
    for q in &mut out {
        let start = doc.to_source(q.start);
        let end = doc.to_source_end(q.end).max(start);
        let (line, column) = index.line_col(doc.source, start);
        q.start = start;
        q.end = end;
        q.line = line;
        q.column = column;
        if doc.source.get(start..end) != Some(q.text.as_str()) {
            q.text = doc.source.get(start..end).unwrap_or_default().to_string();
        }
    }
    out
}
pub mod check;
pub mod claim;
pub mod cli;
pub mod fix;
pub mod gazetteer;
pub mod report;
pub mod rules;
pub mod suppress;
pub use check::{check_source, ClaimReport, FileReport, Finding, Status};
