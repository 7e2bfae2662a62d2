//! Bad input: every case gives a clear message naming the file (and line and column where
//! there is one) and exit code 2, or a warning while the other files are still read. Never a
//! panic.

mod common;

use std::fs;
use std::path::Path;

use common::{run_in, stderr, stdout};

/// A scratch folder under the target directory, emptied first.
fn scratch(name: &str) -> std::path::PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

const ARTICLE: &str = "Russia sent 3,417 fighters.\n";
const METRICS: &str = "metrics:\n  fighters: [fighters]\n";

/// Runs `check` on an article against one table written from `yaml`; returns (code, stderr).
fn check_with_table(name: &str, yaml: &str, extra: &[(&str, &[u8])]) -> (i32, String) {
    let dir = scratch(name);
    fs::write(dir.join("a.md"), ARTICLE).unwrap();
    fs::write(dir.join("t.yaml"), yaml).unwrap();
    for (file, bytes) in extra {
        fs::write(dir.join(file), bytes).unwrap();
    }
    let out = run_in(&dir, &["check", "a.md", "--data", "t.yaml"], None);
    (out.status.code().unwrap_or(-1), stderr(&out))
}

#[test]
fn malformed_tables_name_file_line_and_column() {
    let cases: &[(&str, String, &str)] = &[
        ("yaml-syntax", format!("{METRICS}records:\n  - {{entity: Russia, metric: fighters, period: 2017, value: 1\n"), "t.yaml:"),
        ("wrong-type", format!("{METRICS}records:\n  - {{entity: Russia, metric: fighters, period: 2017, value: [1, 2]}}\n"), "t.yaml:4:"),
        ("duplicate-key", format!("{METRICS}metrics:\n  other: [x]\n"), "t.yaml:3:"),
        ("unknown-key", format!("{METRICS}colour: blue\n"), "t.yaml:3:"),
        ("unknown-metric", format!("{METRICS}records:\n  - {{entity: Russia, metric: returnees, period: 2017, value: 400}}\n"), "t.yaml:4:"),
        ("bad-value", format!("{METRICS}records:\n  - {{entity: Russia, metric: fighters, period: 2017, value: lots}}\n"), "t.yaml:4:"),
        ("empty", String::new(), "t.yaml"),
    ];
    for (name, yaml, needle) in cases {
        let (code, err) = check_with_table(name, yaml, &[]);
        assert_eq!(code, 2, "{name}: exit code, stderr: {err}");
        assert!(err.contains(needle), "{name}: {err:?} should name {needle}");
        assert!(!err.contains("panicked"), "{name}: {err}");
    }
}

#[test]
fn malformed_csv_tables() {
    let yaml = "csv: t.csv\nentity: Country\nperiod: 2017\nmetrics:\n  fighters: {column: Fighters, terms: [fighters]}\n";
    let missing_column = "csv: t.csv\nentity: Country\nperiod: 2017\nmetrics:\n  fighters: {column: Nope, terms: [fighters]}\n";
    let cases: &[(&str, &str, &[u8], &str)] = &[
        (
            "csv-missing-column",
            missing_column,
            b"Country,Fighters\nRussia,3417\n",
            "Nope",
        ),
        (
            "csv-bad-cell",
            yaml,
            b"Country,Fighters\nRussia,many\n",
            "t.csv:2",
        ),
        (
            "csv-ragged",
            yaml,
            b"Country,Fighters\nRussia,3417,9\n",
            "t.csv:2",
        ),
    ];
    for (name, yaml, csv, needle) in cases {
        let (code, err) = check_with_table(name, yaml, &[("t.csv", csv)]);
        assert_eq!(code, 2, "{name}: {err}");
        assert!(
            err.contains(needle),
            "{name}: {err:?} should contain {needle}"
        );
    }
    // A CSV that does not exist, and one outside the table's folder.
    let (code, err) = check_with_table("csv-missing", yaml, &[]);
    assert_eq!(code, 2);
    assert!(err.contains("t.csv"), "{err}");
    let outside =
        "csv: ../t.csv\nentity: Country\nperiod: 2017\nmetrics:\n  fighters: {column: Fighters}\n";
    let (code, err) = check_with_table("csv-outside", outside, &[]);
    assert_eq!(code, 2);
    assert!(err.contains("inside the table's folder"), "{err}");
}

#[test]
fn csv_with_bom_and_crlf_loads() {
    let yaml = "csv: t.csv\nentity: Country\nperiod: 2017\nmetrics:\n  fighters: {column: Fighters, terms: [fighters]}\n";
    let (code, err) = check_with_table(
        "csv-bom-crlf",
        yaml,
        &[(
            "t.csv",
            "\u{feff}Country,Fighters\r\nRussia,\"3,417\"\r\n".as_bytes(),
        )],
    );
    assert_eq!(code, 0, "{err}");
}

#[test]
fn bad_articles() {
    let dir = scratch("bad-articles");
    fs::write(dir.join("t.yaml"), format!("{METRICS}records:\n  - {{entity: Russia, metric: fighters, period: 2017, value: 3417}}\n")).unwrap();
    fs::create_dir_all(dir.join("a")).unwrap();
    fs::write(dir.join("a/empty.md"), "").unwrap();
    fs::write(
        dir.join("a/bom-crlf.md"),
        "\u{feff}Russia sent 3,417 fighters.\r\nMore text.\r\n",
    )
    .unwrap();
    fs::write(dir.join("a/nul.txt"), "Russia\0 sent 3,417\0 fighters.").unwrap();
    fs::write(
        dir.join("a/latin1.md"),
        b"Russia sent 3,417 fighters caf\xe9.",
    )
    .unwrap();
    let out = run_in(
        &dir,
        &["check", "a", "--data", "t.yaml", "--format", "json"],
        None,
    );
    assert_eq!(
        out.status.code(),
        Some(2),
        "a non-UTF-8 file makes the run exit 2"
    );
    let err = stderr(&out);
    assert!(
        err.contains("a/latin1.md") && err.contains("offset 30"),
        "{err}"
    );
    // The other files were still checked.
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["summary"]["files"], 3);
    assert_eq!(json["summary"]["checked"], 2);
}

#[test]
fn a_long_single_line_is_read_in_linear_time() {
    let dir = scratch("long-line");
    let unit = "Russia sent about 3,417 fighters, and ";
    let text = unit.repeat(4 * 1024 * 1024 / unit.len()); // 4 MB, no newline
    fs::write(dir.join("long.txt"), &text).unwrap();
    let start = std::time::Instant::now();
    let out = run_in(&dir, &["extract", "long.txt", "--format", "json"], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(start.elapsed().as_secs() < 60, "took {:?}", start.elapsed());
}

#[test]
fn binary_and_missing_files() {
    let dir = scratch("binary");
    let bytes: Vec<u8> = (0..=255u8).cycle().take(4096).collect();
    fs::write(dir.join("blob.txt"), &bytes).unwrap();
    let out = run_in(&dir, &["extract", "blob.txt", "missing.md"], None);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("blob.txt") && err.contains("missing.md"),
        "{err}"
    );
    assert!(!err.contains("panicked"));
}

#[cfg(unix)]
#[test]
fn unreadable_files_do_not_stop_the_others() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch("unreadable");
    fs::write(dir.join("ok.md"), "It had 40 seats.").unwrap();
    fs::write(dir.join("secret.md"), "It had 50 seats.").unwrap();
    fs::set_permissions(dir.join("secret.md"), fs::Permissions::from_mode(0o000)).unwrap();
    // Root reads anything; the test still checks that the readable file is reported.
    let out = run_in(&dir, &["extract", ".", "--format", "json"], None);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let paths: Vec<&str> = json["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert!(paths.contains(&"ok.md"), "{paths:?}");
    let readable = fs::read(dir.join("secret.md")).is_ok();
    if !readable {
        assert_eq!(out.status.code(), Some(2));
        assert!(stderr(&out).contains("secret.md"));
    }
    fs::set_permissions(dir.join("secret.md"), fs::Permissions::from_mode(0o644)).unwrap();
}

#[test]
fn usage_errors_exit_2() {
    let out = common::run(&["check", "--format", "nope"], None);
    assert_eq!(out.status.code(), Some(2));
    let out = common::run(&["frobnicate"], None);
    assert_eq!(out.status.code(), Some(2));
    let out = common::run(&["check", "claims", "--data", "no-such-folder"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no-such-folder"));
}

#[test]
fn stdin_is_read_with_a_dash() {
    let out = common::run(
        &["extract", "-", "--format", "json"],
        Some("about 1,910 fighters"),
    );
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let q = &json["files"][0]["quantities"][0];
    assert_eq!(q["text"], "about 1,910");
    assert_eq!(q["hedge"], "about");
    assert_eq!(q["precision"], 10.0);
}
