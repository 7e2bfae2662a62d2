//! The text report: each error or warning rendered like a compiler diagnostic (the article
//! line with the claim underlined, and the table row it disagrees with), notes on one line
//! each, and a summary.

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use super::Summary;
use crate::check::{FileReport, Finding};
use crate::rules::Severity;

/// Renders the report. `sources` gives the text of each file, in the order of `files`.
pub fn render(files: &[FileReport], sources: &[&str], color: bool) -> String {
    let mut out = findings(files, sources, color);
    out.push_str(&summary_line(&Summary::of(files)));
    out.push('\n');
    out
}

/// The report's findings without its summary line, for a caller that writes its own.
pub fn findings(files: &[FileReport], sources: &[&str], color: bool) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for (file, source) in files.iter().zip(sources) {
        for f in &file.findings {
            if f.severity == Severity::Note {
                out.push_str(&format!(
                    "{}:{}:{}: note[{}]: {}\n",
                    f.path, f.line, f.column, f.rule, f.message
                ));
                continue;
            }
            out.push_str(&diagnostic(&renderer, f, source));
            out.push_str("\n\n");
        }
    }
    out
}

/// The closing line of the text report: files, claims, and findings by severity (no newline).
pub fn summary_line(s: &Summary) -> String {
    summary_line_with(s, &[])
}

/// [`summary_line`], with what was left out after each count, as `(label, [errors, warnings,
/// notes])`: `0 errors (10 in baseline, 2 suppressed), 0 warnings, 3 notes`. Labels with
/// nothing left out at a severity are not printed there.
pub fn summary_line_with(s: &Summary, left_out: &[(&str, [usize; 3])]) -> String {
    let part = |n: usize, word: &str, i: usize| {
        let left: Vec<String> = left_out
            .iter()
            .filter(|(_, c)| c[i] > 0)
            .map(|(label, c)| format!("{} {label}", c[i]))
            .collect();
        let mut out = format!("{n} {word}{}", plural(n));
        if !left.is_empty() {
            out.push_str(&format!(" ({})", left.join(", ")));
        }
        out
    };
    format!(
        "{} file{}, {} claim{}: {} checked, {} unverified; {}, {}, {}",
        s.files,
        plural(s.files),
        s.claims,
        plural(s.claims),
        s.checked,
        s.unverified,
        part(s.errors, "error", 0),
        part(s.warnings, "warning", 1),
        part(s.notes, "note", 2),
    )
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// The lines of `source` that hold `start..end`, with the offset of their first byte.
fn lines_around(source: &str, start: usize, end: usize) -> (usize, &str) {
    let start = start.min(source.len());
    let end = end.clamp(start, source.len());
    let first = source[..start].rfind('\n').map_or(0, |n| n + 1);
    let last = source[end..].find('\n').map_or(source.len(), |n| end + n);
    (first, &source[first..last])
}

fn diagnostic(renderer: &Renderer, f: &Finding, source: &str) -> String {
    let level = match f.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Note => Level::NOTE,
    };
    let (base, lines) = lines_around(source, f.start, f.end);
    let label = match (&f.entity, &f.metric, &f.period) {
        (Some(e), Some(m), Some(p)) => format!("{e}, {m}, {p}"),
        _ => String::new(),
    };
    let mut snippet = Snippet::source(lines)
        .line_start(f.line)
        .path(f.path.as_str())
        .annotation(
            AnnotationKind::Primary
                .span(f.start - base..f.end - base)
                .label(label),
        );
    let mut notes: Vec<Group<'_>> = Vec::new();
    let mut related_snippet = None;
    if let Some(r) = &f.related {
        if r.start >= base && r.end <= base + lines.len() {
            snippet = snippet.annotation(
                AnnotationKind::Context
                    .span(r.start - base..r.end - base)
                    .label("stated earlier here"),
            );
        } else {
            let (rbase, rlines) = lines_around(source, r.start, r.end);
            related_snippet = Some(
                Snippet::source(rlines)
                    .line_start(r.line)
                    .path(f.path.as_str())
                    .annotation(
                        AnnotationKind::Context
                            .span(r.start - rbase..r.end - rbase)
                            .label("stated earlier here"),
                    ),
            );
        }
    }
    let mut title = level
        .clone()
        .primary_title(f.message.as_str())
        .id(f.rule)
        .element(snippet);
    if let Some(s) = related_snippet {
        title = title.element(s);
    }
    let mut groups = vec![title];
    if let Some(e) = &f.expected {
        notes.push(Group::with_title(Level::NOTE.secondary_title(format!(
            "table value: {} ({}:{}:{})",
            e.value, e.table, e.line, e.column
        ))));
    }
    groups.extend(notes);
    // The reading behind a verdict, so a table author sees which words the linker used.
    if let Some(e) = f.evidence.as_ref().filter(|_| f.severity != Severity::Note) {
        groups.push(Group::with_title(
            Level::NOTE.secondary_title(format!("read as: {}", e.describe())),
        ));
    }
    // The table value as the article would print it, where it can be printed so.
    if let (Some(s), Some(e)) = (&f.suggestion, &f.expected) {
        groups.push(Group::with_title(Level::HELP.secondary_title(format!(
            "the table says {} ({}:{})",
            s.shown, e.table, e.line
        ))));
    }
    renderer.render(&groups).to_string()
}

/// One line per claim: where it is, what it was read as and how, and the verdict
/// (`check --show-claims`).
pub fn claims(files: &[FileReport]) -> String {
    let mut out = String::new();
    for f in files {
        for c in &f.claims {
            let part = |value: &Option<String>, found: &Option<crate::claim::Found>| match (
                value, found,
            ) {
                (Some(v), Some(f)) => format!("{v} ({} \"{}\")", f.basis.name(), f.words),
                (Some(v), None) => v.clone(),
                (None, _) => "?".to_string(),
            };
            let e = &c.evidence;
            let status = match c.status {
                crate::check::Status::Consistent => "consistent".to_string(),
                crate::check::Status::Inconsistent => "inconsistent".to_string(),
                crate::check::Status::Unverified => match &c.reason {
                    Some(r) => format!("unverified: {r}"),
                    None => "unverified".to_string(),
                },
            };
            out.push_str(&format!(
                "{}:{}:{}: {} \"{}\" -> entity {}; metric {}; period {} => {status}\n",
                c.path,
                c.line,
                c.column,
                c.kind,
                c.text.split_whitespace().collect::<Vec<_>>().join(" "),
                part(&c.entity, &e.entity),
                part(&c.metric, &e.metric),
                part(&c.period, &e.period),
            ));
        }
    }
    out
}
