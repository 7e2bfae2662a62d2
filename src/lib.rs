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

pub use quantity::{extract, Kind, Quantity};
pub use text::{Document, Format};
pub mod table;
