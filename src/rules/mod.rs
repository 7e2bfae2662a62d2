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

/// The candidate closest to `word` when it is close enough to be a slip of the keyboard (at
/// most two edits, a swap of neighbours counting as one, and fewer edits than half the word);
/// `_` and `-` are read alike. Ties go to the candidate listed first.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let norm = |s: &str| -> Vec<char> {
        s.chars()
            .map(|c| {
                if c == '_' {
                    '-'
                } else {
                    c.to_ascii_lowercase()
                }
            })
            .collect()
    };
    let w = norm(word);
    let limit = 2.min(w.len().div_ceil(2).saturating_sub(1)).max(1);
    let mut best: Option<(usize, &str)> = None;
    for c in candidates {
        let d = edit_distance(&w, &norm(c));
        if d <= limit && best.is_none_or(|(b, _)| d < b) {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c)
}

/// Edits from `a` to `b`: insertions, deletions, substitutions and swaps of neighbours.
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut rows = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in rows.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in rows[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (rows[i - 1][j] + 1)
                .min(rows[i][j - 1] + 1)
                .min(rows[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = d;
        }
    }
    rows[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::closest;

    #[test]
    fn suggests_near_misses_only() {
        let keys = ["metrics", "records", "period-column"];
        assert_eq!(closest("metircs", keys), Some("metrics"));
        assert_eq!(closest("metric", keys), Some("metrics"));
        assert_eq!(closest("period_colum", keys), Some("period-column"));
        assert_eq!(closest("colour", keys), None);
        assert_eq!(closest("x", keys), None);
    }
}
