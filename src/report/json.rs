//! The JSON report, a stable contract (version 1).

use serde::Serialize;

use super::Summary;
use crate::check::{ClaimReport, FileReport, Finding};

#[derive(Serialize)]
struct Json<'a> {
    version: u32,
    summary: Summary,
    findings: Vec<&'a Finding>,
    claims: Vec<&'a ClaimReport>,
}

/// The whole run as one JSON document, findings and claims in file order then position.
pub fn render(files: &[FileReport]) -> String {
    let doc = Json {
        version: 1,
        summary: Summary::of(files),
        findings: files.iter().flat_map(|f| f.findings.iter()).collect(),
        claims: files.iter().flat_map(|f| f.claims.iter()).collect(),
    };
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_else(|_| "{}".to_string());
    s.push('\n');
    s
}
