//! `claimcheck snapshot`: a reviewable YAML record of every claim and its verdict, kept next
//! to each article under `.snapshots/`, and a readable diff when it would change.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::check::{analyze, Talk};
use super::config::Config;
use super::output::write_atomic;
use super::InputArgs;
use crate::check::{ClaimReport, FileReport, Status};

/// One claim as the snapshot records it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    sentence: String,
    claim: String,
    kind: String,
    entity: Option<String>,
    metric: Option<String>,
    period: Option<String>,
    verdict: String,
    table: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Snapshot {
    /// Read to reject a file that is not a snapshot; the path is known from where it lies.
    #[serde(rename = "article")]
    _article: String,
    claims: Vec<Entry>,
}

/// Where the snapshot of `article` lives: `dir/.snapshots/name.yaml`.
fn snapshot_path(article: &str) -> PathBuf {
    let p = Path::new(article);
    let dir = p.parent().unwrap_or(Path::new(""));
    let name = p
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    dir.join(".snapshots").join(format!("{name}.yaml"))
}

fn status_name(s: Status) -> &'static str {
    match s {
        Status::Consistent => "consistent",
        Status::Inconsistent => "inconsistent",
        Status::Unverified => "unverified",
    }
}

/// The sentence that holds a claim, on one line; the line it starts on, trimmed and cut at
/// 240 characters, when the sentence is not known.
fn sentence_of(source: &str, c: &ClaimReport) -> String {
    if let Some(s) = c.sentence.clone().and_then(|r| source.get(r)) {
        return s.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    let start = c.start.min(source.len());
    let from = source[..start].rfind('\n').map_or(0, |n| n + 1);
    let to = source[start..]
        .find('\n')
        .map_or(source.len(), |n| start + n);
    let line = source.get(from..to).unwrap_or_default().trim();
    let mut s: String = line.chars().take(240).collect();
    if line.chars().count() > 240 {
        s.push('…');
    }
    s
}

fn entries(report: &FileReport, source: &str) -> Vec<Entry> {
    report
        .claims
        .iter()
        .map(|c| Entry {
            sentence: sentence_of(source, c),
            claim: c.text.split_whitespace().collect::<Vec<_>>().join(" "),
            kind: c.kind.to_string(),
            entity: c.entity.clone(),
            metric: c.metric.clone(),
            period: c.period.clone(),
            verdict: status_name(c.status).to_string(),
            table: c
                .expected
                .as_ref()
                .map(|e| format!("{} ({}:{})", e.value, e.table, e.line)),
        })
        .collect()
}

/// A YAML double-quoted scalar.
fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn optional(s: &Option<String>) -> String {
    s.as_deref().map_or_else(|| "null".to_string(), quoted)
}

fn render(article: &str, entries: &[Entry]) -> String {
    let mut out = format!(
        "# claimcheck snapshot: every claim of {article} and its verdict.\n# Review changes, then run `claimcheck snapshot --accept`.\narticle: {}\nclaims:\n",
        quoted(article)
    );
    if entries.is_empty() {
        out = out.trim_end_matches('\n').to_string() + " []\n";
    }
    for e in entries {
        out.push_str(&format!("  - sentence: {}\n", quoted(&e.sentence)));
        out.push_str(&format!("    claim: {}\n", quoted(&e.claim)));
        out.push_str(&format!("    kind: {}\n", e.kind));
        out.push_str(&format!("    entity: {}\n", optional(&e.entity)));
        out.push_str(&format!("    metric: {}\n", optional(&e.metric)));
        out.push_str(&format!("    period: {}\n", optional(&e.period)));
        out.push_str(&format!("    verdict: {}\n", e.verdict));
        out.push_str(&format!("    table: {}\n", optional(&e.table)));
    }
    out
}

fn label(e: &Entry) -> String {
    match (&e.entity, &e.metric, &e.period) {
        (Some(a), Some(b), Some(c)) => format!("{a} {b} {c}"),
        _ => format!("\"{}\"", e.claim),
    }
}

/// What changed between two snapshots, in words a reviewer reads.
fn diff(old: &[Entry], new: &[Entry]) -> Vec<String> {
    // Pair claims by what they are about and how they read; repeats pair in order.
    let key = |e: &Entry| {
        (
            e.kind.clone(),
            e.entity.clone(),
            e.metric.clone(),
            e.period.clone(),
        )
    };
    let mut olds: BTreeMap<_, Vec<&Entry>> = BTreeMap::new();
    for e in old {
        olds.entry(key(e)).or_default().push(e);
    }
    let mut out = Vec::new();
    for n in new {
        let list = olds.entry(key(n)).or_default();
        let pos = list
            .iter()
            .position(|o| o.claim == n.claim)
            .or(if list.is_empty() { None } else { Some(0) });
        match pos {
            Some(i) => {
                let o = list.remove(i);
                if o.verdict != n.verdict || o.claim != n.claim || o.table != n.table {
                    let mut line = format!("{}: {} → {}", label(n), o.verdict, n.verdict);
                    let mut why = Vec::new();
                    if let Some(t) = &n.table {
                        why.push(format!("table {t}"));
                    }
                    if o.claim != n.claim {
                        why.push(format!("article now says {} (was {})", n.claim, o.claim));
                    }
                    if o.table != n.table {
                        why.push(format!(
                            "table was {}",
                            o.table.as_deref().unwrap_or("none")
                        ));
                    }
                    if !why.is_empty() {
                        line.push_str(&format!(" ({})", why.join("; ")));
                    }
                    out.push(line);
                }
            }
            None => out.push(format!("+ {}: \"{}\" {}", label(n), n.claim, n.verdict)),
        }
    }
    for list in olds.values() {
        for o in list {
            out.push(format!(
                "- {}: \"{}\" {} (claim gone)",
                label(o),
                o.claim,
                o.verdict
            ));
        }
    }
    out
}

pub fn run(args: &InputArgs, config: &Config, check_only: bool) -> i32 {
    let run = match analyze(args, None, config, Talk::Normal) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: {e}");
            return 2;
        }
    };
    let mut changed = 0;
    let mut failed = false;
    for (report, article) in run.reports.iter().zip(&run.articles) {
        if article.path == "-" {
            continue;
        }
        let path = snapshot_path(&article.path);
        let new_entries = entries(report, &article.text);
        let text = render(&article.path, &new_entries);
        let old_text = std::fs::read_to_string(&path).ok();
        if old_text.as_deref() == Some(text.as_str()) {
            continue;
        }
        changed += 1;
        let shown = super::display_path(&path);
        if check_only {
            let old_entries = old_text
                .as_deref()
                .and_then(|t| crate::table::read_yaml::<Snapshot>(&shown, t).ok())
                .map(|s| s.claims);
            match old_entries {
                Some(old) => {
                    println!("{shown}: would change");
                    for line in diff(&old, &new_entries) {
                        println!("  {line}");
                    }
                }
                None => println!(
                    "{shown}: missing or unreadable; `claimcheck snapshot --accept` writes it"
                ),
            }
        } else {
            if let Some(dir) = path.parent() {
                if let Err(e) = std::fs::create_dir_all(dir) {
                    eprintln!("error: {}: {e}", dir.display());
                    failed = true;
                    continue;
                }
            }
            match write_atomic(&path, text.as_bytes()) {
                Ok(()) => println!("wrote {shown}"),
                Err(e) => {
                    eprintln!("error: {shown}: {e}");
                    failed = true;
                }
            }
        }
    }
    for e in &run.errors {
        eprintln!("error: {e}");
    }
    if failed || !run.errors.is_empty() {
        2
    } else if check_only && changed > 0 {
        1
    } else {
        0
    }
}
