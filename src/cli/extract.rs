//! `claimcheck extract`: every quantity in the articles.

use std::io::Write;

use serde::Serialize;

use super::{read_articles, OutputFormat, ReadOptions};
use crate::Quantity;

#[derive(Serialize)]
struct JsonFile<'a> {
    path: &'a str,
    quantities: &'a [Quantity],
}

#[derive(Serialize)]
struct JsonOut<'a> {
    version: u32,
    files: Vec<JsonFile<'a>>,
}

pub fn run(paths: &[String], format: OutputFormat, allow_empty: bool) -> i32 {
    let read = match read_articles(paths, &ReadOptions::default()) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: {e}");
            return 2;
        }
    };
    for s in &read.skipped {
        eprintln!("note: {s}");
    }
    let (articles, errors) = (read.articles, read.errors);
    if articles.is_empty() && errors.is_empty() {
        let message = format!(
            "no articles found: no .md, .markdown or .txt file in {}",
            super::check::quoted_list(paths)
        );
        if let Err(e) = super::check::empty_input(message, allow_empty) {
            eprintln!("error: {e}");
            return 2;
        }
    }
    let results: Vec<(String, Vec<Quantity>)> = articles
        .iter()
        .map(|a| (a.path.clone(), crate::extract_source(&a.text, a.format)))
        .collect();
    let mut out = String::new();
    match format {
        OutputFormat::Text => {
            for (path, qs) in &results {
                for q in qs {
                    let value = match (q.value, q.low, q.high) {
                        (Some(v), _, _) => crate::report::number(v),
                        (None, lo, hi) => format!(
                            "{}..{}",
                            lo.map(crate::report::number).unwrap_or_default(),
                            hi.map(crate::report::number).unwrap_or_default()
                        ),
                    };
                    // The unit after the value, with its dimension: "→ 29 km (length)".
                    let unit = match (&q.unit, q.dimension) {
                        (Some(u), Some(d)) if !matches!(q.kind, crate::Kind::Percent) => {
                            format!(" {u} ({})", d.name())
                        }
                        _ => String::new(),
                    };
                    out.push_str(&format!(
                        "{path}:{}:{}  {}  {}  → {value}{unit}\n",
                        q.line,
                        q.column,
                        kind_name(q),
                        q.text.replace('\n', " ")
                    ));
                }
            }
        }
        OutputFormat::Json => {
            let json = JsonOut {
                version: 1,
                files: results
                    .iter()
                    .map(|(p, q)| JsonFile {
                        path: p,
                        quantities: q,
                    })
                    .collect(),
            };
            out = serde_json::to_string_pretty(&json).unwrap_or_default();
            out.push('\n');
        }
    }
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    for e in &errors {
        eprintln!("error: {e}");
    }
    if errors.is_empty() {
        0
    } else {
        2
    }
}

fn kind_name(q: &Quantity) -> String {
    serde_json::to_value(q.kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}
