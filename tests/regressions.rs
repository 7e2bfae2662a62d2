//! Inputs the fuzzers (`fuzz/`) once broke, kept so they stay fixed: every file under
//! `tests/regressions/<target>/` runs through the same function as the fuzz target of that
//! name, with the same assertions. Add a crash from `fuzz/artifacts/<target>/` by copying it
//! there.

use std::fs;
use std::path::{Path, PathBuf};

use claimcheck::claim::Linker;
use claimcheck::rules::Tolerances;
use claimcheck::table::Table;
use claimcheck::{check_source, extract, quantities_of, Document, Format};

fn inputs(target: &str) -> Vec<(PathBuf, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/regressions")
        .join(target);
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no inputs in {}", dir.display());
    files
        .into_iter()
        .map(|p| {
            // libFuzzer hands the target only valid UTF-8 (`&str`); so do we.
            let bytes = fs::read(&p).unwrap();
            let text = String::from_utf8_lossy(&bytes).into_owned();
            (p, text)
        })
        .collect()
}

/// The `grammar` target.
#[test]
fn grammar() {
    for (path, text) in inputs("grammar") {
        let qs = extract(&text);
        let mut last_end = 0;
        for q in &qs {
            assert!(q.start <= q.end && q.end <= text.len(), "{path:?}: {q:?}");
            assert!(text.is_char_boundary(q.start) && text.is_char_boundary(q.end));
            assert_eq!(q.text, &text[q.start..q.end], "{path:?}");
            assert!(q.start >= last_end, "{path:?}: overlapping spans: {q:?}");
            last_end = q.end;
        }
        let doc = Document::parse(&text, Format::Markdown);
        for q in quantities_of(&doc) {
            assert!(q.start <= q.end && q.end <= text.len(), "{path:?}: {q:?}");
            assert!(text.is_char_boundary(q.start) && text.is_char_boundary(q.end));
        }
    }
}

/// The `table` target.
#[test]
fn table() {
    const CSV: &str = "Country,Fighters,Year\nRussia,3417,2017\nTunisia,\"2,926\",2017\n";
    for (path, text) in inputs("table") {
        let mut as_input = |_: &str| -> Result<String, String> { Ok(text.clone()) };
        let _ = Table::from_yaml("fuzz.yaml", &text, &mut as_input);
        let mut fixed = |p: &str| -> Result<String, String> {
            if p.ends_with(".csv") {
                Ok(CSV.to_string())
            } else {
                Err(format!("{p}: no such file"))
            }
        };
        if let Err(e) = Table::from_yaml("fuzz.yaml", &text, &mut fixed) {
            assert!(!e.message.is_empty(), "{path:?}");
        }
    }
}

/// The `check` target.
#[test]
fn check() {
    let yaml = fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/soufan-2017.yaml"
    ))
    .unwrap();
    let mut no_csv = |p: &str| -> Result<String, String> { Err(format!("{p}: no CSV")) };
    let tables = vec![Table::from_yaml("data/soufan-2017.yaml", &yaml, &mut no_csv).unwrap()];
    let linker = Linker::new(&tables);
    let tol = Tolerances::default();
    for (path, text) in inputs("check") {
        for format in [Format::Markdown, Format::Plain] {
            let report = check_source("a.md", &text, format, &linker, &tables, &tol);
            let lines = text.split('\n').count();
            for f in &report.findings {
                assert!(f.start <= f.end && f.end <= text.len(), "{path:?}: {f:?}");
                assert!(
                    f.line >= 1 && f.line <= lines && f.end_line <= lines,
                    "{path:?}: {f:?}"
                );
            }
        }
    }
}
