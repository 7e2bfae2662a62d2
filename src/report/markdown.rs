//! The Markdown audit report, for an editor: a summary, the coverage of each article, each
//! error and warning with the sentence it is in and the table value it disagrees with, and
//! the claims that could not be checked.

use std::fmt::Write as _;

use super::{Context, Summary};
use crate::check::{FileReport, Finding, Status};
use crate::rules::Severity;
use crate::table::Table;

/// The report as GitHub-flavoured Markdown.
pub fn render(files: &[FileReport], ctx: &Context<'_>) -> String {
    let s = Summary::of(files);
    let mut out = String::from("# claimcheck report\n\n");
    let _ = writeln!(
        out,
        "{} {}, {} {}: {} checked, {} unverified; {} {}, {} {}, {} {}\n",
        s.files,
        plural(s.files, "file", "files"),
        s.claims,
        plural(s.claims, "claim", "claims"),
        s.checked,
        s.unverified,
        s.errors,
        plural(s.errors, "error", "errors"),
        s.warnings,
        plural(s.warnings, "warning", "warnings"),
        s.notes,
        plural(s.notes, "note", "notes"),
    );

    out.push_str("## Coverage\n\n");
    out.push_str("| File | Claims | Consistent | Inconsistent | Unverified | Coverage |\n");
    out.push_str("| --- | ---: | ---: | ---: | ---: | ---: |\n");
    let mut total = [0usize; 4];
    for f in files {
        let row = counts(f);
        for (t, n) in total.iter_mut().zip(row) {
            *t += n;
        }
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} |",
            cell(&f.path),
            row[0],
            row[1],
            row[2],
            row[3],
            coverage(row)
        );
    }
    if files.len() > 1 {
        let _ = writeln!(
            out,
            "| **Total** | {} | {} | {} | {} | {} |",
            total[0],
            total[1],
            total[2],
            total[3],
            coverage(total)
        );
    }
    out.push('\n');

    // One group per claim (file and span), in the order of the findings: a claim tied to
    // two rows ("Tunisia and France each have…") has its findings under one heading.
    let mut claims: Vec<(usize, Vec<&Finding>)> = Vec::new();
    for (i, file) in files.iter().enumerate() {
        for f in file
            .findings
            .iter()
            .filter(|f| f.severity >= Severity::Warning)
        {
            match claims
                .iter_mut()
                .find(|(j, group)| *j == i && group[0].start == f.start && group[0].end == f.end)
            {
                Some((_, group)) => group.push(f),
                None => claims.push((i, vec![f])),
            }
        }
    }
    out.push_str("## Findings\n\n");
    if claims.is_empty() {
        out.push_str("No errors or warnings.\n\n");
    }
    for (i, group) in claims {
        claim(&mut out, &group, ctx.sources.get(i).copied(), ctx.tables);
    }

    let unverified: Vec<_> = files
        .iter()
        .flat_map(|f| f.claims.iter().map(move |c| (f, c)))
        .filter(|(_, c)| c.status == Status::Unverified)
        .collect();
    if !unverified.is_empty() {
        out.push_str("## Unverified claims\n\n<details>\n");
        let _ = writeln!(
            out,
            "<summary>{} {} could not be checked</summary>\n",
            unverified.len(),
            plural(unverified.len(), "claim", "claims")
        );
        for (file, c) in unverified {
            let why = file
                .findings
                .iter()
                .find(|x| {
                    x.start == c.start
                        && x.end == c.end
                        && x.rule == crate::rules::unverified::RULE.id
                })
                .map(|x| x.message.as_str());
            let _ = write!(
                out,
                "- {}:{}:{}: **{}**",
                inline(&c.path),
                c.line,
                c.column,
                inline(&one_line(&c.text))
            );
            if let Some(why) = why {
                let _ = write!(out, " — {}", inline(&one_line(why)));
            }
            out.push('\n');
        }
        out.push_str("\n</details>\n");
    }
    out
}

/// One claim: a heading, the sentence that holds it, and each finding about it with the
/// table value in the article's number style.
fn claim(out: &mut String, findings: &[&Finding], source: Option<&str>, tables: &[Table]) {
    let Some(first) = findings.first() else {
        return;
    };
    let _ = writeln!(
        out,
        "### {}:{}:{} — {}\n",
        inline(&first.path),
        first.line,
        first.column,
        inline(&one_line(&first.text))
    );
    if let Some(quote) = source.and_then(|s| quoted_sentence(s, first)) {
        let _ = writeln!(out, "> {quote}\n");
    }
    let style = source.map(crate::fix::Style::of);
    for f in findings {
        let _ = writeln!(
            out,
            "- **{}** `{}` — {}",
            f.severity.as_str(),
            f.rule,
            inline(&one_line(&f.message))
        );
        if let Some(e) = &f.expected {
            let exact = super::group_numbers(&e.value, style.and_then(|s| s.group));
            // The value as the article would print it; the table's own figure beside it when
            // that is a rounding.
            let value = match &f.suggestion {
                Some(s) if s.exact => format!("**{}**", inline(&s.shown)),
                Some(s) => format!("**{}** ({})", inline(&s.shown), inline(&exact)),
                None => format!("**{}**", inline(&exact)),
            };
            let _ = write!(
                out,
                "  - Table: {value} from `{}:{}`",
                code(&e.table),
                e.line
            );
            if let Some(src) = table_of(tables, &e.table).and_then(source_of) {
                let _ = write!(out, " — source: {src}");
            }
            out.push('\n');
        }
        if let Some(s) = f.suggestion.as_ref().filter(|s| s.fixable) {
            let _ = writeln!(
                out,
                "  - Fix: {} → **{}** (`claimcheck check --fix`)",
                inline(&one_line(&f.text)),
                inline(&s.shown)
            );
        }
        if let Some(r) = &f.related {
            let _ = writeln!(
                out,
                "  - Stated earlier: **{}** at line {}, column {}",
                inline(&one_line(&r.text)),
                r.line,
                r.column
            );
        }
    }
    out.push('\n');
}

/// The sentence that holds the claim, on one line, with the claim in bold; the source line
/// the claim starts on when its sentence is not known.
fn quoted_sentence(source: &str, f: &Finding) -> Option<String> {
    let Some(range) = f.sentence.clone() else {
        return quoted_line(source, f);
    };
    let (start, end) = (f.start, f.end);
    let inside = range.start <= start
        && start <= end
        && end <= range.end
        && range.end <= source.len()
        && [range.start, start, end, range.end]
            .iter()
            .all(|&i| source.is_char_boundary(i));
    if !inside {
        return quoted_line(source, f);
    }
    let quoted = if end > start {
        format!(
            "{}**{}**{}",
            &source[range.start..start],
            &source[start..end],
            &source[end..range.end]
        )
    } else {
        source[range].to_string()
    };
    let quoted = one_line(&quoted);
    (!quoted.is_empty()).then_some(quoted)
}

/// The source line the claim starts on, trimmed, with the claim in bold when it lies on
/// that line.
fn quoted_line(source: &str, f: &Finding) -> Option<String> {
    let start = f.start.min(source.len());
    if !source.is_char_boundary(start) {
        return None;
    }
    let first = source[..start].rfind('\n').map_or(0, |n| n + 1);
    let last = source[start..]
        .find('\n')
        .map_or(source.len(), |n| start + n);
    let line = &source[first..last];
    let end = f.end.clamp(start, last);
    let quoted = if source.is_char_boundary(end) && end > start {
        format!(
            "{}**{}**{}",
            &source[first..start],
            &source[start..end],
            &source[end..last]
        )
    } else {
        line.to_string()
    };
    let quoted = quoted.trim();
    (!quoted.is_empty()).then(|| one_line(quoted))
}

/// The table a record file belongs to: the table itself, or the table whose records were
/// read from that CSV.
fn table_of<'t>(tables: &'t [Table], file: &str) -> Option<&'t Table> {
    tables.iter().find(|t| t.path == file).or_else(|| {
        tables
            .iter()
            .find(|t| t.records.iter().any(|r| r.file == file))
    })
}

fn source_of(t: &Table) -> Option<String> {
    let s = t.source.as_ref()?;
    let mut parts = Vec::new();
    if let Some(p) = &s.publisher {
        parts.push(inline(p));
    }
    if let Some(title) = &s.title {
        parts.push(format!("*{}*", inline(title)));
    }
    if let Some(d) = &s.date {
        parts.push(inline(d));
    }
    if let Some(u) = &s.url {
        parts.push(format!("<{}>", u.replace(['<', '>', ' '], "")));
    }
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// Claims, consistent, inconsistent, unverified.
fn counts(f: &FileReport) -> [usize; 4] {
    let mut row = [f.claims.len(), 0, 0, 0];
    for c in &f.claims {
        match c.status {
            Status::Consistent => row[1] += 1,
            Status::Inconsistent => row[2] += 1,
            Status::Unverified => row[3] += 1,
        }
    }
    row
}

/// The share of claims checked against a table, in whole percent.
fn coverage(row: [usize; 4]) -> String {
    if row[0] == 0 {
        return "–".to_string();
    }
    format!("{} %", ((row[1] + row[2]) * 100 + row[0] / 2) / row[0])
}

fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 {
        one
    } else {
        many
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Text as inline Markdown: the characters that would start markup are escaped.
fn inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '|' | '#' | '~' | '!'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A table cell: inline text with `|` escaped (so it does not end the cell).
fn cell(s: &str) -> String {
    inline(&one_line(s))
}

/// Text inside a code span: backticks cannot be escaped there, so they are replaced.
fn code(s: &str) -> String {
    one_line(s).replace('`', "'")
}
