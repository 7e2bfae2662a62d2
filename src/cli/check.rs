//! `claimcheck check`: the articles against the tables.

use std::io::{IsTerminal, Write};

use super::{read_articles, tables, OutputFormat};
use crate::claim::Linker;
use crate::report;
use crate::rules::{Severity, Tolerances};

pub fn run(paths: &[String], data: &[String], format: OutputFormat) -> i32 {
    let tables = match tables::load(data) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: {e}");
            return 2;
        }
    };
    let (articles, errors) = read_articles(paths);
    let linker = Linker::new(&tables);
    let tol = Tolerances::default();
    let reports: Vec<_> = articles
        .iter()
        .map(|a| crate::check_source(&a.path, &a.text, a.format, &linker, &tables, &tol))
        .collect();
    let out = match format {
        OutputFormat::Text => {
            let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            let sources: Vec<&str> = articles.iter().map(|a| a.text.as_str()).collect();
            report::text::render(&reports, &sources, color)
        }
        OutputFormat::Json => report::json::render(&reports),
    };
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    for e in &errors {
        eprintln!("error: {e}");
    }
    if !errors.is_empty() {
        return 2;
    }
    let failed = reports
        .iter()
        .flat_map(|r| &r.findings)
        .any(|f| f.severity >= Severity::Error);
    i32::from(failed)
}
