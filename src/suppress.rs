//! Inline suppressions, written as HTML comments in Markdown articles:
//!
//! - `<!-- claimcheck-ignore -->` — the findings of the next sentence;
//! - `<!-- claimcheck-ignore value-mismatch rank -->` — only those rules, in the next sentence;
//! - `<!-- claimcheck-disable -->` … `<!-- claimcheck-enable -->` — a region (rules may be
//!   named on `disable` as well); a `disable` with no `enable` runs to the end of the file.
//!
//! A suppression that suppresses nothing is reported as an `unused-suppression` note, so stale
//! ones do not pile up.

use crate::check::Finding;
use crate::rules::{self, Severity};
use crate::text::{Document, LineIndex};

/// One suppression read from a comment.
#[derive(Debug, Clone)]
struct Suppression {
    /// Byte range of the comment in the source.
    comment: (usize, usize),
    /// Byte range of the source it covers.
    covers: (usize, usize),
    /// The rules it names; empty for all.
    rules: Vec<String>,
    used: bool,
}

fn parse(doc: &Document<'_>) -> Vec<Suppression> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize, Vec<String>)> = None;
    for c in doc.comments() {
        let mut words = c.text.split_whitespace();
        let Some(directive) = words.next() else {
            continue;
        };
        let rules: Vec<String> = words.map(str::to_string).collect();
        match directive {
            "claimcheck-ignore" => {
                // The first sentence that starts at or after the comment.
                let next = doc.sentences.iter().find(|s| s.start >= c.plain_offset);
                let covers = match next {
                    Some(s) => (doc.to_source(s.start), doc.to_source_end(s.end)),
                    None => (c.end, c.end),
                };
                out.push(Suppression {
                    comment: (c.start, c.end),
                    covers,
                    rules,
                    used: false,
                });
            }
            "claimcheck-disable" if open.is_none() => {
                open = Some((c.start, c.end, rules));
            }
            "claimcheck-enable" => {
                if let Some((start, end, rules)) = open.take() {
                    out.push(Suppression {
                        comment: (start, end),
                        covers: (end, c.start),
                        rules,
                        used: false,
                    });
                }
            }
            _ => {}
        }
    }
    if let Some((start, end, rules)) = open {
        out.push(Suppression {
            comment: (start, end),
            covers: (end, doc.source.len()),
            rules,
            used: false,
        });
    }
    out
}

/// Removes the findings that inline comments suppress, and adds a note for each suppression
/// that suppressed nothing. Returns the findings removed, so a summary can count them.
pub fn apply(path: &str, doc: &Document<'_>, findings: &mut Vec<Finding>) -> Vec<Finding> {
    let mut sups = parse(doc);
    let mut removed = Vec::new();
    if sups.is_empty() {
        return removed;
    }
    findings.retain(|f| {
        let hit = sups.iter_mut().find(|s| {
            f.start >= s.covers.0
                && f.start < s.covers.1.max(s.covers.0 + 1)
                && (s.rules.is_empty() || s.rules.iter().any(|r| r == f.rule))
        });
        match hit {
            Some(s) => {
                s.used = true;
                removed.push(f.clone());
                false
            }
            None => true,
        }
    });
    let index = LineIndex::new(doc.source);
    for s in sups.iter().filter(|s| !s.used) {
        let (line, column) = index.line_col(doc.source, s.comment.0);
        let (end_line, end_column) = index.line_col(doc.source, s.comment.1);
        let text = doc.source[s.comment.0..s.comment.1].to_string();
        findings.push(Finding {
            rule: rules::unused_suppression::RULE.id,
            severity: Severity::Note,
            path: path.to_string(),
            line,
            column,
            end_line,
            end_column,
            start: s.comment.0,
            end: s.comment.1,
            message: format!(
                "{}: suppresses nothing",
                text.split_whitespace().collect::<Vec<_>>().join(" ")
            ),
            text,
            entity: None,
            metric: None,
            period: None,
            claimed: None,
            expected: None,
            related: None,
            evidence: None,
            sentence: None,
            suggestion: None,
        });
    }
    findings.sort_by(|a, b| {
        (a.start, a.end, a.rule, &a.entity).cmp(&(b.start, b.end, b.rule, &b.entity))
    });
    removed
}
