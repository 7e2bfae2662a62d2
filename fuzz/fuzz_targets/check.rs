//! `check_source` on arbitrary article text against the Soufan table: never panics, and every
//! finding and claim points inside the file.
#![no_main]

use std::sync::OnceLock;

use claimcheck::claim::Linker;
use claimcheck::rules::Tolerances;
use claimcheck::table::Table;
use claimcheck::Format;
use libfuzzer_sys::fuzz_target;

const SOUFAN: &str = include_str!("../../data/soufan-2017.yaml");

fn tables() -> &'static [Table] {
    static TABLES: OnceLock<Vec<Table>> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut no_csv = |p: &str| -> Result<String, String> { Err(format!("{p}: no CSV")) };
        vec![Table::from_yaml("data/soufan-2017.yaml", SOUFAN, &mut no_csv).expect("table loads")]
    })
}

fuzz_target!(|text: &str| {
    let tables = tables();
    let linker = Linker::new(tables);
    let tol = Tolerances::default();
    for format in [Format::Markdown, Format::Plain] {
        let report = claimcheck::check_source("a.md", text, format, &linker, tables, &tol);
        let lines = text.split('\n').count();
        for f in &report.findings {
            assert!(f.start <= f.end && f.end <= text.len(), "{f:?}");
            assert!(
                f.line >= 1 && f.line <= lines && f.end_line <= lines,
                "{f:?}"
            );
        }
    }
});
