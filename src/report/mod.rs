//! Writers of findings and quantities; one per format, over the same values.

pub mod github;
pub mod html;
pub mod json;
pub mod jsonl;
pub mod junit;
pub mod markdown;
pub mod sarif;
pub mod text;

use serde::Serialize;

use crate::check::{FileReport, Status};
use crate::rules::Severity;

/// A number as people write it in a report: integers without a fraction, others with up to
/// six significant decimals and no trailing zeros.
pub fn number(v: f64) -> String {
    if !v.is_finite() {
        return if v > 0.0 { "∞".into() } else { "-∞".into() };
    }
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        let s = format!("{v:.6}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// Text with each number of four or more digits grouped in thousands by `sep` ("2926" →
/// "2,926", "about 1500" → "about 1,500"); decimals and numbers already grouped are left as
/// they are, and so is everything when `sep` is `None`.
pub fn group_numbers(text: &str, sep: Option<char>) -> String {
    let Some(sep) = sep else {
        return text.to_string();
    };
    let mut out = String::with_capacity(text.len() + 4);
    let mut rest = text;
    let mut prev: Option<char> = None;
    while let Some(i) = rest.find(|c: char| c.is_ascii_digit()) {
        out.push_str(&rest[..i]);
        prev = rest[..i].chars().next_back().or(prev);
        let run_len = rest[i..]
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len() - i);
        let run = &rest[i..i + run_len];
        let after = rest[i + run_len..].chars().next();
        // A decimal part, or a run glued to a separator, is not a whole number to group.
        let part_of_other = matches!(prev, Some('.' | ',')) || matches!(after, Some(','));
        if run.len() >= 4 && !part_of_other {
            out.push_str(&crate::fix::group_digits(run, sep));
        } else {
            out.push_str(run);
        }
        prev = run.chars().next_back();
        rest = &rest[i + run_len..];
    }
    out.push_str(rest);
    out
}

/// Counts over a whole run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub files: usize,
    pub claims: usize,
    pub checked: usize,
    pub unverified: usize,
    pub errors: usize,
    pub warnings: usize,
    pub notes: usize,
}

impl Summary {
    pub fn of(files: &[FileReport]) -> Summary {
        let mut s = Summary {
            files: files.len(),
            ..Summary::default()
        };
        for f in files {
            s.claims += f.claims.len();
            for c in &f.claims {
                match c.status {
                    Status::Unverified => s.unverified += 1,
                    _ => s.checked += 1,
                }
            }
            for finding in &f.findings {
                match finding.severity {
                    Severity::Error => s.errors += 1,
                    Severity::Warning => s.warnings += 1,
                    Severity::Note => s.notes += 1,
                }
            }
        }
        s
    }
}

/// What every writer may need besides the findings: the text of each article (in the order
/// of the file reports) and the tables checked against.
pub struct Context<'a> {
    /// The source text of each article, in the order of the `FileReport`s.
    pub sources: &'a [&'a str],
    pub tables: &'a [crate::table::Table],
    /// claimcheck's version, for formats that record the tool.
    pub version: &'a str,
}
