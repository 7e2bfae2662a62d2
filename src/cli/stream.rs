//! `check --input jsonl`: articles streamed as JSON Lines, one result line per article, in
//! order — so an archive can be fanned out over machines with GNU parallel, a CI matrix, or a
//! Spark job (`RDD.pipe`), with the tables shipped alongside. Memory stays flat: each line is
//! checked and written before the next is read.

use std::io::{BufRead, BufWriter, Write};

use serde::{Deserialize, Serialize};

use super::check::{apply_levels, load_tables, Talk};
use super::config::Config;
use super::CheckArgs;
use crate::check::{ClaimReport, Finding};
use crate::claim::Linker;
use crate::report::Summary;
use crate::text::Format;

#[derive(Deserialize)]
struct Document {
    id: serde_json::Value,
    text: String,
    /// Optional: "markdown" (default) or "plain".
    #[serde(default)]
    format: Option<String>,
}

#[derive(Serialize)]
struct Result<'a> {
    id: &'a serde_json::Value,
    summary: Summary,
    findings: &'a [Finding],
    claims: &'a [ClaimReport],
}

#[derive(Serialize)]
struct Failure<'a> {
    id: serde_json::Value,
    error: &'a str,
}

pub fn run(args: &CheckArgs, config: &Config) -> i32 {
    let talk = if args.quiet {
        Talk::Quiet
    } else {
        Talk::Normal
    };
    let tables = match load_tables(&args.inputs, config, talk) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: {e}");
            return 2;
        }
    };
    let linker = Linker::new(&tables);
    let paths: Vec<String> = if args.inputs.paths.is_empty() {
        vec!["-".into()]
    } else {
        args.inputs.paths.clone()
    };
    // Documents have ids, not paths: `per-file` does not apply.
    let levels = config.levels_for(None);
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut failed = false;
    let mut bad_input = false;
    let mut documents = 0usize;
    for p in &paths {
        let reader: Box<dyn BufRead> = if p == "-" {
            Box::new(std::io::stdin().lock())
        } else {
            match std::fs::File::open(p) {
                Ok(f) => Box::new(std::io::BufReader::new(f)),
                Err(e) => {
                    eprintln!("error: {p}: {e}");
                    bad_input = true;
                    continue;
                }
            }
        };
        for (n, line) in reader.lines().enumerate() {
            let line = match line {
                Ok(l) => l,
                Err(e) => {
                    eprintln!("error: {p}:{}: {e}", n + 1);
                    bad_input = true;
                    break;
                }
            };
            if line.trim().is_empty() {
                continue;
            }
            documents += 1;
            let written = match serde_json::from_str::<Document>(&line) {
                Ok(doc) => {
                    let format = match doc.format.as_deref() {
                        Some("plain") | Some("text") => Format::Plain,
                        _ => Format::Markdown,
                    };
                    let name = match &doc.id {
                        serde_json::Value::String(s) => s.clone(),
                        other => other.to_string(),
                    };
                    let mut report = crate::check_source(
                        &name,
                        &doc.text,
                        format,
                        &linker,
                        &tables,
                        &config.tolerances,
                    );
                    apply_levels(&mut report.findings, &levels);
                    failed |= report
                        .findings
                        .iter()
                        .any(|f| f.severity >= crate::rules::Severity::Error);
                    let summary = Summary::of(std::slice::from_ref(&report));
                    serde_json::to_string(&Result {
                        id: &doc.id,
                        summary,
                        findings: &report.findings,
                        claims: &report.claims,
                    })
                }
                Err(e) => {
                    // One bad line does not stop the stream: it gets an error line of its own.
                    bad_input = true;
                    let message =
                        format!("line {}: not a {{\"id\", \"text\"}} document: {e}", n + 1);
                    serde_json::to_string(&Failure {
                        id: serde_json::Value::Null,
                        error: &message,
                    })
                }
            };
            let ok = written
                .map_err(std::io::Error::other)
                .and_then(|s| writeln!(out, "{s}"));
            if let Err(e) = ok {
                eprintln!("error: writing the results: {e}");
                return 2;
            }
        }
    }
    if out.flush().is_err() {
        return 2;
    }
    // A stream with no document checked nothing: as with articles, that is no success.
    if documents == 0 && !bad_input {
        let message = format!(
            "no documents found: no JSON line in {}",
            super::check::quoted_list(&paths)
        );
        if let Err(e) = super::check::empty_input(message, args.inputs.allow_empty) {
            eprintln!("error: {e}");
            return 2;
        }
    }
    if bad_input {
        2
    } else {
        i32::from(failed)
    }
}
