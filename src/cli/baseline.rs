//! Baselines for gradual adoption: today's findings recorded by fingerprint, so that a later
//! run reports only what is new. Fingerprints hold no line numbers (see
//! `Finding::fingerprint`), so edits elsewhere in a file keep them valid. Paths are stored
//! relative to the project's folder (see [`super::check::project_root`]), so a baseline
//! matches however the articles were named on the command line and from whichever folder
//! claimcheck runs.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::paths::Anchor;
use super::InputError;
use crate::check::FileReport;

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub version: u32,
    pub findings: Vec<Entry>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub fingerprint: String,
    pub rule: String,
    pub path: String,
    pub entity: Option<String>,
    pub metric: Option<String>,
    pub period: Option<String>,
    pub text: String,
}

/// The baseline file for these reports, sorted, one entry per finding, with paths relative to
/// `anchor`; and the number of entries.
pub fn render(reports: &[FileReport], anchor: &mut Anchor) -> (String, usize) {
    let mut findings: Vec<Entry> = reports
        .iter()
        .flat_map(|r| &r.findings)
        .map(|f| {
            let path = anchor.rel(&f.path);
            Entry {
                fingerprint: f.fingerprint_at(&path),
                rule: f.rule.to_string(),
                path,
                entity: f.entity.clone(),
                metric: f.metric.clone(),
                period: f.period.clone(),
                text: f.text.clone(),
            }
        })
        .collect();
    findings.sort();
    let n = findings.len();
    let b = Baseline {
        version: 1,
        findings,
    };
    let mut s = serde_json::to_string_pretty(&b).unwrap_or_default();
    s.push('\n');
    (s, n)
}

pub fn read(path: &str) -> Result<Baseline, InputError> {
    let text = std::fs::read_to_string(path).map_err(|e| InputError(format!("{path}: {e}")))?;
    let b: Baseline = serde_json::from_str(&text).map_err(|e| {
        InputError(format!(
            "{path}:{}:{}: not a claimcheck baseline: {e}",
            e.line(),
            e.column()
        ))
    })?;
    if b.version != 1 {
        return Err(InputError(format!(
            "{path}: baseline version {} is not supported (expected 1)",
            b.version
        )));
    }
    Ok(b)
}

/// Drops the findings the baseline knows (as many of each fingerprint as it records) and
/// returns a note for each baseline entry that no longer occurs. Findings are fingerprinted
/// with their paths relative to `anchor`, as [`render`] stores them.
pub fn filter(base: &Baseline, reports: &mut [FileReport], anchor: &mut Anchor) -> Vec<String> {
    let mut left: BTreeMap<&str, usize> = BTreeMap::new();
    for e in &base.findings {
        *left.entry(e.fingerprint.as_str()).or_default() += 1;
    }
    for r in reports.iter_mut() {
        r.findings.retain(|f| {
            let fp = f.fingerprint_at(&anchor.rel(&f.path));
            match left.get_mut(fp.as_str()) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    false
                }
                _ => true,
            }
        });
    }
    let mut notes = Vec::new();
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for e in &base.findings {
        let n = seen.entry(e.fingerprint.as_str()).or_default();
        *n += 1;
        if left.get(e.fingerprint.as_str()).is_some_and(|l| *n <= *l) {
            notes.push(format!(
                "baseline entry gone: {} {} \"{}\" ({}, {}, {})",
                e.rule,
                e.path,
                e.text,
                e.entity.as_deref().unwrap_or("-"),
                e.metric.as_deref().unwrap_or("-"),
                e.period.as_deref().unwrap_or("-")
            ));
        }
    }
    notes
}
