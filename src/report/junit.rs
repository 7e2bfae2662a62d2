//! The JUnit XML report, for CI systems that show test results: one test suite per article,
//! one test case per claim. A claim with an error or warning fails; an unverified claim is
//! skipped; a claim the tables confirm passes.

use std::fmt::Write as _;

use super::Context;
use crate::check::{ClaimReport, FileReport, Finding, Status};
use crate::rules::Severity;

struct Case<'a> {
    name: String,
    classname: &'a str,
    failures: Vec<&'a Finding>,
    skipped: Option<String>,
}

/// The whole run as one `<testsuites>` document.
pub fn render(files: &[FileReport], _ctx: &Context<'_>) -> String {
    let suites: Vec<(&FileReport, Vec<Case<'_>>)> = files.iter().map(|f| (f, cases(f))).collect();
    let count = |cases: &[Case<'_>]| {
        let failures = cases.iter().filter(|c| !c.failures.is_empty()).count();
        let skipped = cases
            .iter()
            .filter(|c| c.failures.is_empty() && c.skipped.is_some())
            .count();
        (cases.len(), failures, skipped)
    };
    let (mut tests, mut failures, mut skipped) = (0, 0, 0);
    for (_, cases) in &suites {
        let (t, f, s) = count(cases);
        tests += t;
        failures += f;
        skipped += s;
    }
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"claimcheck\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\" skipped=\"{skipped}\">"
    );
    for (file, cases) in &suites {
        let (t, f, s) = count(cases);
        let _ = writeln!(
            out,
            "  <testsuite name=\"{}\" tests=\"{t}\" failures=\"{f}\" errors=\"0\" skipped=\"{s}\">",
            attr(&file.path)
        );
        for case in cases {
            let _ = write!(
                out,
                "    <testcase classname=\"{}\" name=\"{}\"",
                attr(case.classname),
                attr(&case.name)
            );
            if !case.failures.is_empty() {
                let mut types: Vec<&str> = Vec::new();
                for f in &case.failures {
                    if !types.contains(&f.rule) {
                        types.push(f.rule);
                    }
                }
                let message = case
                    .failures
                    .iter()
                    .map(|f| f.message.as_str())
                    .collect::<Vec<_>>()
                    .join("; ");
                let details = case
                    .failures
                    .iter()
                    .map(|f| details(f))
                    .collect::<Vec<_>>()
                    .join("\n");
                let _ = writeln!(
                    out,
                    ">\n      <failure type=\"{}\" message=\"{}\">{}</failure>\n    </testcase>",
                    attr(&types.join(", ")),
                    attr(&message),
                    text(&details)
                );
            } else if let Some(why) = &case.skipped {
                let _ = writeln!(
                    out,
                    ">\n      <skipped message=\"{}\"/>\n    </testcase>",
                    attr(why)
                );
            } else {
                out.push_str("/>\n");
            }
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}

/// The test cases of one file: its claims in order, each with the error and warning findings
/// at its place; then any such finding that no claim holds, as a case of its own.
fn cases(file: &FileReport) -> Vec<Case<'_>> {
    let mut cases: Vec<Case<'_>> = file
        .claims
        .iter()
        .map(|c| Case {
            name: case_name(c.line, c.column, &c.text, [&c.entity, &c.metric, &c.period]),
            classname: &c.path,
            failures: Vec::new(),
            skipped: (c.status == Status::Unverified).then(|| "unverified".to_string()),
        })
        .collect();
    for f in &file.findings {
        let at = owner(&file.claims, f);
        match (at, f.severity) {
            (Some(i), Severity::Error | Severity::Warning) => cases[i].failures.push(f),
            (Some(i), Severity::Note) => {
                if cases[i].skipped.as_deref() == Some("unverified") {
                    cases[i].skipped = Some(one_line(&f.message));
                }
            }
            (None, Severity::Error | Severity::Warning) => cases.push(Case {
                name: case_name(f.line, f.column, &f.text, [&f.entity, &f.metric, &f.period]),
                classname: &f.path,
                failures: vec![f],
                skipped: None,
            }),
            (None, Severity::Note) => {}
        }
    }
    cases
}

/// The claim a finding is about: the one at the same place with the same entity, else the
/// first at the same place.
fn owner(claims: &[ClaimReport], f: &Finding) -> Option<usize> {
    claims
        .iter()
        .position(|c| c.start == f.start && c.end == f.end && c.entity == f.entity)
        .or_else(|| {
            claims
                .iter()
                .position(|c| c.start == f.start && c.end == f.end)
        })
}

fn case_name(line: usize, column: usize, text: &str, row: [&Option<String>; 3]) -> String {
    let mut name = format!("{line}:{column} {}", one_line(text));
    if row.iter().any(|p| p.is_some()) {
        let parts: Vec<&str> = row.iter().map(|p| p.as_deref().unwrap_or("?")).collect();
        let _ = write!(name, " ({})", parts.join(", "));
    }
    name
}

fn details(f: &Finding) -> String {
    let mut s = format!(
        "{}:{}:{}: {}[{}]: {}",
        f.path,
        f.line,
        f.column,
        f.severity.as_str(),
        f.rule,
        f.message
    );
    if let Some(e) = &f.expected {
        let _ = write!(
            s,
            "\ntable value: {} ({}:{}:{})",
            e.value, e.table, e.line, e.column
        );
    }
    if let Some(r) = &f.related {
        let _ = write!(
            s,
            "\nstated earlier: {} ({}:{}:{})",
            one_line(&r.text),
            f.path,
            r.line,
            r.column
        );
    }
    s
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Text content: the five markup characters escaped, characters XML 1.0 forbids dropped.
fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if allowed(c) => out.push(c),
            _ => {}
        }
    }
    out
}

/// An attribute value: on one line (a parser would turn line breaks into spaces anyway),
/// then escaped as text.
fn attr(s: &str) -> String {
    text(&one_line(s))
}

/// Whether XML 1.0 allows the character.
fn allowed(c: char) -> bool {
    matches!(c, '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
}
