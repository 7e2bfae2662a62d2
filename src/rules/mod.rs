//! The rules: each one a module with a stable id, a default severity and its documentation,
//! which is the single source for `claimcheck explain`, the README and SARIF.

pub mod compare;
pub mod contradiction;
pub mod rank;
pub mod share;
pub mod tolerance;
pub mod trend;
pub mod unused_suppression;
pub mod unverified;
pub mod value_mismatch;

use serde::Serialize;

pub use tolerance::{Interval, Tolerances};

/// How serious a finding is. `error` fails a run by default; `note` never does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Note,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// What a rule is: its id, default severity, one-line summary and full documentation.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    pub id: &'static str,
    pub severity: Severity,
    pub summary: &'static str,
    pub doc: &'static str,
}

/// Every rule, in the order the documentation lists them.
pub const RULES: &[Rule] = &[
    value_mismatch::RULE,
    contradiction::RULE,
    rank::RULE,
    trend::RULE,
    share::RULE,
    compare::RULE,
    unverified::RULE,
    unused_suppression::RULE,
];

/// What a rule decides about one claim.
#[derive(Debug, Clone)]
pub enum Verdict<'t> {
    /// The table agrees.
    Holds,
    /// The table refutes the claim: why, and the row that shows it.
    Refuted {
        message: String,
        record: Option<&'t crate::table::Record>,
    },
    /// The table cannot decide: why.
    Undecided(String),
}

/// The rule with this id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.id == id)
}
