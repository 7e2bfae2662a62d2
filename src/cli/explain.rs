//! `claimcheck explain` and `claimcheck init`.

use std::io::Write;
use std::path::Path;

use super::config::FILE_NAME;
use crate::rules::{rule, RULES};

/// Prints a rule's documentation, or the list of rules.
pub fn explain(id: Option<&str>) -> i32 {
    let mut out = String::new();
    match id {
        None => {
            for r in RULES {
                out.push_str(&format!(
                    "{:<20} {:<8} {}\n",
                    r.id,
                    r.severity.as_str(),
                    r.summary
                ));
            }
            out.push_str("\nclaimcheck explain RULE prints a rule's documentation.\n");
        }
        Some(id) => match rule(id) {
            Some(r) => {
                out.push_str(&format!(
                    "{} ({})\n\n{}\n\n{}\n",
                    r.id,
                    r.severity.as_str(),
                    r.summary,
                    r.doc
                ));
            }
            None => {
                let known: Vec<&str> = RULES.iter().map(|r| r.id).collect();
                eprintln!("error: unknown rule `{id}` (known: {})", known.join(", "));
                return 2;
            }
        },
    }
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    0
}

/// The starter configuration `init` writes.
pub const STARTER: &str = "\
# claimcheck configuration. Command-line flags override every setting here.

# Articles to check: files, folders (walked, honoring .gitignore) or globs.
articles:
  - claims/

# Reference tables: YAML files, or folders of them (a table may describe a CSV file).
tables:
  - data/

# Paths never to check (globs).
exclude: []

# When the exit code is 1: error, warning or never.
fail-on: error

# Rule levels: off, note, warning or error (see `claimcheck explain`).
rules:
  unverified: note

# How far a hedged number reaches, as a share of it.
tolerance:
  approximate: 0.05   # about, around, roughly, some, an estimated, ~
  near: 0.10          # nearly, almost, just under, just over
  words: {}           # per hedge word, e.g. {about: 0.1}

# Reports: FORMAT or FORMAT=PATH (text, json, jsonl, sarif, github, junit, markdown, html).
format:
  - text
";

/// Writes the starter configuration; never overwrites one.
pub fn init() -> i32 {
    let path = Path::new(FILE_NAME);
    let created = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .and_then(|mut f| f.write_all(STARTER.as_bytes()));
    match created {
        Ok(()) => {
            println!("wrote {FILE_NAME}");
            0
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            eprintln!("error: {FILE_NAME} already exists; not overwriting it");
            2
        }
        Err(e) => {
            eprintln!("error: {FILE_NAME}: {e}");
            2
        }
    }
}
