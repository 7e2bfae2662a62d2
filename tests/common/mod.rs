//! Helpers shared by the integration tests: running the binary and finding shared material.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The crate's root folder.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `../shared`, when it exists (it does on the project's machines, not on a fresh clone
/// elsewhere).
pub fn shared() -> Option<PathBuf> {
    let p = root().join("..").join("shared");
    p.is_dir().then_some(p)
}

/// Runs claimcheck in the crate's root with `args`, feeding `stdin`.
pub fn run(args: &[&str], stdin: Option<&str>) -> Output {
    run_in(&root(), args, stdin)
}

pub fn run_in(dir: &Path, args: &[&str], stdin: Option<&str>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_claimcheck"));
    cmd.args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("claimcheck runs");
    if let Some(input) = stdin {
        use std::io::Write;
        let mut pipe = child.stdin.take().expect("stdin");
        pipe.write_all(input.as_bytes()).expect("write stdin");
    }
    child.wait_with_output().expect("claimcheck finishes")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The article files in `claims/`, sorted.
pub fn articles() -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(root().join("claims"))
        .expect("claims/ exists")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".md") || n.ends_with(".txt"))
        .collect();
    v.sort();
    v
}

/// A finding of `check --format json`, as the harnesses over the labelled sets read it.
#[derive(Debug, Clone)]
pub struct Finding {
    pub rule: String,
    pub severity: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub text: String,
    pub message: String,
}

impl Finding {
    /// Whether the finding covers any character of columns `[start, end)` of `line`.
    pub fn overlaps(&self, line: usize, (start, end): (usize, usize)) -> bool {
        if line < self.line || line > self.end_line {
            return false;
        }
        let from = if line == self.line { self.column } else { 1 };
        let to = if line == self.end_line {
            self.end_column
        } else {
            usize::MAX
        };
        from < end && start < to
    }

    pub fn is_error(&self) -> bool {
        self.severity == "error"
    }
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{} {} {} {:?}: {}",
            self.line, self.column, self.severity, self.rule, self.text, self.message
        )
    }
}

/// Every finding of `check` on `article` against `table` (paths from the crate's root).
pub fn check_findings(article: &str, table: &str) -> Vec<Finding> {
    use serde_json::Value;
    let out = run(
        &["check", article, "--data", table, "--format", "json"],
        None,
    );
    let out_text = stdout(&out);
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "claimcheck check {article} exited with {:?}\nstdout:\n{out_text}\nstderr:\n{}",
        out.status.code(),
        stderr(&out)
    );
    let json: Value = serde_json::from_str(&out_text)
        .unwrap_or_else(|e| panic!("{article}: output is not JSON ({e}):\n{out_text}"));
    let findings = json["findings"]
        .as_array()
        .unwrap_or_else(|| panic!("{article}: no findings array"));
    let num = |f: &Value, key: &str| -> usize {
        f[key]
            .as_u64()
            .unwrap_or_else(|| panic!("{article}: finding without {key}: {f}")) as usize
    };
    let string = |f: &Value, key: &str| f[key].as_str().unwrap_or_default().to_owned();
    findings
        .iter()
        .map(|f| Finding {
            rule: string(f, "rule"),
            severity: string(f, "severity"),
            line: num(f, "line"),
            column: num(f, "column"),
            end_line: num(f, "end_line"),
            end_column: num(f, "end_column"),
            text: string(f, "text"),
            message: string(f, "message"),
        })
        .collect()
}

/// The names of the `.md` articles in `dir`, without the extension, sorted.
pub fn article_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.strip_suffix(".md").map(str::to_owned)
        })
        .collect();
    names.sort();
    names
}

/// The figures `a` and `b` of a ratchet file of `key value` lines.
pub fn ratchet(path: &Path, (a, b): (&str, &str)) -> (f64, f64) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut figures = std::collections::BTreeMap::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let mut words = line.split_whitespace();
        let (Some(key), Some(value), None) = (words.next(), words.next(), words.next()) else {
            panic!("{}: bad line {line:?}", path.display());
        };
        let value: f64 = value
            .parse()
            .unwrap_or_else(|_| panic!("{}: bad figure {value:?}", path.display()));
        figures.insert(key.to_owned(), value);
    }
    let get = |k: &str| {
        *figures
            .get(k)
            .unwrap_or_else(|| panic!("{}: no {k} line", path.display()))
    };
    (get(a), get(b))
}

/// A table from YAML text, with no CSV behind it.
pub fn yaml_table(yaml: &str) -> claimcheck::table::Table {
    claimcheck::table::Table::from_yaml("t.yaml", yaml, &mut |_| Err("no CSV".into()))
        .expect("table")
}

/// `check` through the library, on one Markdown article against `tables`.
pub fn check_text(article: &str, tables: &[claimcheck::table::Table]) -> claimcheck::FileReport {
    let linker = claimcheck::claim::Linker::new(tables);
    claimcheck::check_source(
        "a.md",
        article,
        claimcheck::text::Format::Markdown,
        &linker,
        tables,
        &claimcheck::rules::Tolerances::default(),
    )
}

/// (rule, text) of every finding that is not a note of an unverified claim.
pub fn errors(r: &claimcheck::FileReport) -> Vec<(&str, &str)> {
    r.findings
        .iter()
        .filter(|f| f.rule != "unverified")
        .map(|f| (f.rule, f.text.as_str()))
        .collect()
}
