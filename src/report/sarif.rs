//! The SARIF 2.1.0 report, for GitHub code scanning and other SARIF viewers.
//!
//! One run; the driver lists every rule of [`RULES`]; one result per finding, in the order
//! given. Columns are 1-based and count Unicode code points (`run.columnKind` says so), like
//! the columns of the other reports; `charOffset` and `charLength` count code points too.
//! Each result carries `partialFingerprints["claimcheck/v1"]`, a hash of what the finding is
//! about (rule, file, entity, metric, period and the claim's words) and not of where it is,
//! so that an alert survives lines being added or removed above it.

use serde_json::{json, Map, Value};

use super::Context;
use crate::check::{FileReport, Finding};
use crate::rules::{Severity, RULES};

/// The schema the document declares.
pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
/// Where the tool's home is.
pub const INFORMATION_URI: &str = "https://github.com/claimcheck/claimcheck";
/// Where the rules are documented.
pub const HELP_URI: &str = "https://github.com/claimcheck/claimcheck/blob/main/README.md#rules";
/// The key of the fingerprint in `partialFingerprints`.
pub const FINGERPRINT_KEY: &str = "claimcheck/v1";

/// The whole run as one SARIF log, pretty-printed and newline-terminated.
pub fn render(files: &[FileReport], ctx: &Context<'_>) -> String {
    let rules: Vec<Value> = RULES
        .iter()
        .map(|r| {
            json!({
                "id": r.id,
                "name": camel_case(r.id),
                "shortDescription": { "text": r.summary },
                "fullDescription": { "text": first_paragraph(r.doc) },
                "help": { "text": r.doc, "markdown": r.doc },
                "helpUri": HELP_URI,
                "defaultConfiguration": { "level": level(r.severity) },
            })
        })
        .collect();
    let mut results = Vec::new();
    for (i, file) in files.iter().enumerate() {
        let source = ctx.sources.get(i).copied();
        // Identical findings (same rule, row and words) in one file are told apart by their
        // order, like GitHub's own `primaryLocationLineHash`.
        let mut seen: Vec<(String, usize)> = Vec::new();
        for f in &file.findings {
            let base = fingerprint(f);
            let n = match seen.iter_mut().find(|(h, _)| *h == base) {
                Some((_, n)) => {
                    *n += 1;
                    *n
                }
                None => {
                    seen.push((base.clone(), 1));
                    1
                }
            };
            results.push(result(f, source, format!("{base}:{n}")));
        }
    }
    let doc = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "claimcheck",
                    "version": ctx.version,
                    "semanticVersion": ctx.version,
                    "informationUri": INFORMATION_URI,
                    "rules": rules,
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_else(|_| "{}".to_string());
    s.push('\n');
    s
}

fn result(f: &Finding, source: Option<&str>, fingerprint: String) -> Value {
    let mut r = Map::new();
    r.insert("ruleId".into(), json!(f.rule));
    if let Some(i) = RULES.iter().position(|r| r.id == f.rule) {
        r.insert("ruleIndex".into(), json!(i));
    }
    r.insert("level".into(), json!(level(f.severity)));
    r.insert("message".into(), json!({ "text": f.message }));
    let (offset, length) = char_span(source, f.start, f.end);
    r.insert(
        "locations".into(),
        json!([{
            "physicalLocation": {
                "artifactLocation": { "uri": uri(&f.path) },
                "region": {
                    "startLine": f.line.max(1),
                    "startColumn": f.column.max(1),
                    "endLine": f.end_line.max(f.line).max(1),
                    "endColumn": f.end_column.max(1),
                    "charOffset": offset,
                    "charLength": length,
                    "snippet": { "text": f.text },
                }
            }
        }]),
    );
    let mut related = Vec::new();
    if let Some(e) = &f.expected {
        related.push(json!({
            "id": related.len() + 1,
            "physicalLocation": {
                "artifactLocation": { "uri": uri(&e.table) },
                "region": { "startLine": e.line.max(1), "startColumn": e.column.max(1) },
            },
            "message": { "text": format!("table value: {}", e.value) },
        }));
    }
    if let Some(o) = &f.related {
        let (offset, length) = char_span(source, o.start, o.end);
        related.push(json!({
            "id": related.len() + 1,
            "physicalLocation": {
                "artifactLocation": { "uri": uri(&f.path) },
                "region": {
                    "startLine": o.line.max(1),
                    "startColumn": o.column.max(1),
                    "charOffset": offset,
                    "charLength": length,
                    "snippet": { "text": o.text },
                },
            },
            "message": { "text": "stated earlier here" },
        }));
    }
    if !related.is_empty() {
        r.insert("relatedLocations".into(), Value::Array(related));
    }
    if let Some(fix) = fix(f, source) {
        r.insert("fixes".into(), json!([fix]));
    }
    r.insert(
        "partialFingerprints".into(),
        json!({ FINGERPRINT_KEY: fingerprint }),
    );
    let mut props = Map::new();
    for (k, v) in [
        ("entity", &f.entity),
        ("metric", &f.metric),
        ("period", &f.period),
    ] {
        if let Some(v) = v {
            props.insert(k.into(), json!(v));
        }
    }
    if let Some(c) = &f.claimed {
        props.insert("claimed".into(), json!(c));
    }
    if let Some(e) = &f.expected {
        props.insert("expected".into(), json!(e));
    }
    if !props.is_empty() {
        r.insert("properties".into(), Value::Object(props));
    }
    Value::Object(r)
}

/// The fix `check --fix` would make for a finding, as a SARIF `fix`: the printed number
/// replaced by the table's value. Only for a finding `--fix` acts on, and only when the source
/// is known and still reads the number where the finding says.
fn fix(f: &Finding, source: Option<&str>) -> Option<Value> {
    let s = f.suggestion.as_ref().filter(|s| s.fixable)?;
    let source = source?;
    if f.rule != crate::rules::value_mismatch::RULE.id
        || source.get(s.start..s.end) != Some(s.old.as_str())
    {
        return None;
    }
    let (offset, length) = char_span(Some(source), s.start, s.end);
    let (line, column) = line_col(source, s.start);
    let (end_line, end_column) = line_col(source, s.end);
    Some(json!({
        "description": { "text": format!("Replace {} with {}, the table's value", s.old, s.new) },
        "artifactChanges": [{
            "artifactLocation": { "uri": uri(&f.path) },
            "replacements": [{
                "deletedRegion": {
                    "startLine": line,
                    "startColumn": column,
                    "endLine": end_line,
                    "endColumn": end_column,
                    "charOffset": offset,
                    "charLength": length,
                },
                "insertedContent": { "text": s.new },
            }],
        }],
    }))
}

/// The 1-based line and column (in code points) of byte `at` of `source`, a char boundary.
fn line_col(source: &str, at: usize) -> (usize, usize) {
    let before = &source[..at.min(source.len())];
    let line_start = before.rfind('\n').map_or(0, |n| n + 1);
    (
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}

/// The SARIF level of a severity.
pub fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

/// The fingerprint SARIF reports: the one baselines use (see `Finding::fingerprint`), so a
/// finding is the same finding to both.
pub fn fingerprint(f: &Finding) -> String {
    f.fingerprint()
}

/// `value-mismatch` → `ValueMismatch`.
fn camel_case(id: &str) -> String {
    id.split(['-', '_'])
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(first) => first.to_uppercase().chain(c).collect::<String>(),
                None => String::new(),
            }
        })
        .collect()
}

fn first_paragraph(doc: &str) -> String {
    doc.split("\n\n")
        .find(|p| !p.trim().is_empty())
        .unwrap_or("")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The code-point offset and length of the bytes `start..end` of `source`; the byte values
/// when the source is not known or the offsets are not character boundaries.
fn char_span(source: Option<&str>, start: usize, end: usize) -> (usize, usize) {
    let bytes = (start, end.saturating_sub(start));
    let Some(s) = source else { return bytes };
    if start > end || end > s.len() || !s.is_char_boundary(start) || !s.is_char_boundary(end) {
        return bytes;
    }
    let offset = s[..start].chars().count();
    (offset, s[start..end].chars().count())
}

/// A path as a URI reference: forward slashes, relative paths kept relative (to the folder
/// claimcheck ran in), absolute ones as `file://` URIs; characters outside the unreserved set
/// are percent-encoded.
pub fn uri(path: &str) -> String {
    let p = path.replace('\\', "/");
    let p = p.strip_prefix("./").unwrap_or(&p);
    let (prefix, rest) = if p.starts_with('/') {
        ("file://", p.to_string())
    } else if p.len() >= 3 && p.as_bytes()[0].is_ascii_alphabetic() && &p[1..3] == ":/" {
        ("file:///", p.to_string())
    } else {
        ("", p.to_string())
    };
    let mut out = String::from(prefix);
    for (i, b) in rest.bytes().enumerate() {
        let keep = b.is_ascii_alphanumeric()
            || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/')
            || (b == b':' && !prefix.is_empty() && i == 1);
        if keep {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
