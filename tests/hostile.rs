//! Hostile input, one case per row: each gives a clear error naming the file (and line:column
//! where there is one) and exit code 2, or a per-file warning while every other file is still
//! checked. Never a panic, and always within a time bound: every run is killed after 60 s.
//!
//! Cases already in `tests/errors.rs` (YAML syntax, a list for a value, duplicate metrics, an
//! unknown key, an unknown metric, an empty table, ragged or missing CSV columns, a missing
//! CSV, `../` CSV paths, BOM/CRLF/NUL/Latin-1 articles, a 4 MB line, unreadable files) are not
//! repeated here.
//!
//! Sizes: the test profile compiles claimcheck itself at opt-level 0, which reads prose at
//! roughly 0.5–1 MB/s on the project's 2-core machine. The 100 MB cases that would take minutes
//! there are run at the largest size that stays near 20 s, and at full size against
//! `target/release/claimcheck` when it exists (never built from here).

mod common;

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Every run is killed after this long.
const TIME_BOUND: Duration = Duration::from_secs(60);

/// A scratch folder under the target directory, emptied first.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("hostile")
        .join(name);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

struct Outcome {
    code: Option<i32>,
    stdout: String,
    stderr: String,
    elapsed: Duration,
}

/// Runs `binary` in `dir` with output to files (no pipe can fill up), killing it after
/// [`TIME_BOUND`]; panics on a timeout.
fn run_bounded(binary: &Path, dir: &Path, args: &[&str]) -> Outcome {
    let out_path = dir.join(".stdout");
    let err_path = dir.join(".stderr");
    let start = Instant::now();
    let mut child = Command::new(binary)
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .stdin(Stdio::null())
        .stdout(fs::File::create(&out_path).unwrap())
        .stderr(fs::File::create(&err_path).unwrap())
        .spawn()
        .expect("claimcheck runs");
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > TIME_BOUND {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "claimcheck {args:?} in {} ran longer than {TIME_BOUND:?}",
                dir.display()
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let read = |p: &Path| String::from_utf8_lossy(&fs::read(p).unwrap_or_default()).into_owned();
    Outcome {
        code: status.code(),
        stdout: read(&out_path),
        stderr: read(&err_path),
        elapsed: start.elapsed(),
    }
}

fn debug_binary() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_claimcheck"))
}

/// `target/release/claimcheck`, when someone built it and it is not older than the binary
/// under test (a stale one would test old code).
fn release_binary() -> Option<PathBuf> {
    let p = common::root().join("target/release/claimcheck");
    let modified = |p: &Path| fs::metadata(p).and_then(|m| m.modified()).ok();
    (modified(&p)? >= modified(&debug_binary())?).then_some(p)
}

/// What a case must produce.
enum Expect {
    /// Exit code 2, and each needle in stderr.
    Error(&'static [&'static str]),
    /// This exit code, and each needle in stderr (a warning, or `&[]`).
    Exit(i32, &'static [&'static str]),
}

/// One row: the files to write into a fresh folder, and the arguments to run with there.
struct Case {
    name: &'static str,
    files: fn(&Path),
    args: &'static [&'static str],
    expect: Expect,
}

const ARTICLE: &str = "Russia sent 3,417 fighters.\n";
const METRICS: &str = "metrics:\n  fighters: [fighters]\n";
const RECORD: &str =
    "records:\n  - {entity: Russia, metric: fighters, period: 2017, value: 3417}\n";
const CSV_TABLE: &str = "csv: t.csv\nentity: Country\nperiod: 2017\nmetrics:\n  fighters: {column: Fighters, terms: [fighters]}\n";
const CHECK: &[&str] = &["check", "a.md", "--data", "t.yaml"];

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(path, bytes).unwrap();
}

/// `a.md` and a table `t.yaml` with `yaml`.
fn table(dir: &Path, yaml: &str) {
    write(dir, "a.md", ARTICLE);
    write(dir, "t.yaml", yaml);
}

/// `a.md`, the CSV table `t.yaml` and `t.csv` with `csv`.
fn csv_table(dir: &Path, csv: &str) {
    table(dir, CSV_TABLE);
    write(dir, "t.csv", csv);
}

/// `a.md`, a good table, and `claimcheck.yaml` with `config`.
fn config(dir: &Path, config: &str) {
    table(dir, &format!("{METRICS}{RECORD}"));
    write(dir, "claimcheck.yaml", config);
}

/// A "billion laughs" of nine levels, nine wide (9^9 strings if expanded), where a table
/// takes a list of names.
fn alias_bomb() -> String {
    let mut s =
        format!("{METRICS}entities:\n  A: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (prev, name) in ["a", "b", "c", "d", "e", "f", "g", "h"]
        .iter()
        .zip(["b", "c", "d", "e", "f", "g", "h", "i"])
    {
        let refs = vec![format!("*{prev}"); 9].join(", ");
        writeln!(s, "  {}: &{name} [{refs}]", name.to_uppercase()).unwrap();
    }
    s
}

fn run_cases(cases: &[Case]) {
    let mut failures = Vec::new();
    for case in cases {
        let dir = scratch(case.name);
        (case.files)(&dir);
        let out = run_bounded(&debug_binary(), &dir, case.args);
        let mut problems = Vec::new();
        if out.stderr.contains("panicked") {
            problems.push("panicked".to_string());
        }
        let (code, needles) = match case.expect {
            Expect::Error(needles) => (2, needles),
            Expect::Exit(code, needles) => (code, needles),
        };
        if out.code != Some(code) {
            problems.push(format!("exit code {:?}, wanted {code}", out.code));
        }
        for needle in needles {
            if !out.stderr.contains(needle) {
                problems.push(format!("stderr lacks {needle:?}"));
            }
        }
        if !problems.is_empty() {
            failures.push(format!(
                "{}: {}\n  stderr: {}\n  stdout: {}",
                case.name,
                problems.join("; "),
                out.stderr.trim(),
                out.stdout.chars().take(300).collect::<String>()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn hostile_tables() {
    run_cases(&[
        Case {
            name: "yaml-tabs",
            files: |d| table(d, "metrics:\n\tfighters: [fighters]\n"),
            args: CHECK,
            expect: Expect::Error(&["t.yaml:2:", "tab"]),
        },
        Case {
            name: "yaml-value-abc",
            files: |d| {
                table(d, &format!("{METRICS}records:\n  - {{entity: Russia, metric: fighters, period: 2017, value: abc}}\n"))
            },
            args: CHECK,
            expect: Expect::Error(&["t.yaml:4:61:", "`abc`"]),
        },
        Case {
            name: "yaml-metrics-a-number",
            files: |d| table(d, "metrics: 5\n"),
            args: CHECK,
            expect: Expect::Error(&["t.yaml:1:10:", "metrics"]),
        },
        Case {
            name: "yaml-period-a-list",
            files: |d| {
                table(d, &format!("{METRICS}records:\n  - {{entity: Russia, metric: fighters, period: [2017], value: 1}}\n"))
            },
            args: CHECK,
            expect: Expect::Error(&["t.yaml:4:"]),
        },
        Case {
            name: "yaml-duplicate-record-key",
            files: |d| {
                table(d, &format!("{METRICS}records:\n  - {{entity: Russia, entity: France, metric: fighters, period: 2017, value: 1}}\n"))
            },
            args: CHECK,
            expect: Expect::Error(&["t.yaml:4:", "duplicate"]),
        },
        Case {
            name: "yaml-duplicate-row",
            files: |d| {
                table(d, &format!("{METRICS}{RECORD}  - {{entity: Russia, metric: fighters, period: 2017, value: 1}}\n"))
            },
            args: CHECK,
            expect: Expect::Error(&["t.yaml:"]),
        },
        Case {
            name: "yaml-unknown-top-level-key",
            files: |d| table(d, &format!("{METRICS}{RECORD}sources: x\n")),
            args: CHECK,
            expect: Expect::Error(&["t.yaml:5:1:", "sources"]),
        },
        Case {
            name: "yaml-unknown-record-key",
            files: |d| {
                table(d, &format!("{METRICS}records:\n  - {{entity: Russia, metric: fighters, period: 2017, value: 1, note: x}}\n"))
            },
            args: CHECK,
            expect: Expect::Error(&["t.yaml:4:", "note"]),
        },
        Case {
            name: "yaml-alias-bomb",
            files: |d| table(d, &alias_bomb()),
            args: CHECK,
            expect: Expect::Error(&["t.yaml:"]),
        },
        Case {
            name: "yaml-alias-bomb-whole-document",
            files: |d| {
                table(
                    d,
                    &alias_bomb()
                        .replace(METRICS, "")
                        .replace("entities:\n", "x:\n"),
                )
            },
            args: CHECK,
            expect: Expect::Error(&["t.yaml:"]),
        },
        Case {
            name: "yaml-10000-deep-flow",
            files: |d| {
                table(
                    d,
                    &format!(
                        "{METRICS}title: {}{}\n",
                        "[".repeat(10_000),
                        "]".repeat(10_000)
                    ),
                )
            },
            args: CHECK,
            expect: Expect::Error(&["t.yaml:3:"]),
        },
        Case {
            name: "yaml-10000-deep-maps",
            files: |d| {
                table(
                    d,
                    &format!(
                        "{METRICS}records:\n  - {}1{}\n",
                        "{a: ".repeat(10_000),
                        "}".repeat(10_000)
                    ),
                )
            },
            args: CHECK,
            expect: Expect::Error(&["t.yaml:"]),
        },
        Case {
            name: "yaml-10000-deep-block",
            files: |d| {
                let mut s = format!("{METRICS}entities:\n  A:\n");
                for i in 0..10_000 {
                    s.push_str(&" ".repeat(4 + i));
                    s.push_str("-\n");
                }
                table(d, &s)
            },
            args: CHECK,
            expect: Expect::Error(&["t.yaml:"]),
        },
        Case {
            name: "yaml-only-a-comment",
            files: |d| table(d, "# nothing here\n"),
            args: CHECK,
            expect: Expect::Error(&["t.yaml"]),
        },
    ]);
}

#[test]
fn hostile_table_bytes() {
    // Raw bytes that are not UTF-8, which `table()` cannot write.
    let dir = scratch("yaml-latin1");
    write(&dir, "a.md", ARTICLE);
    write(&dir, "t.yaml", b"metrics:\n  fighters: [fight\xe9rs]\n");
    let out = run_bounded(&debug_binary(), &dir, CHECK);
    assert_eq!(out.code, Some(2), "{}", out.stderr);
    assert!(
        out.stderr.contains("t.yaml") && out.stderr.contains("offset 27"),
        "{}",
        out.stderr
    );
}

#[test]
fn hostile_csv() {
    run_cases(&[
        Case {
            name: "csv-missing-entity-column",
            files: |d| {
                table(d, &CSV_TABLE.replace("entity: Country", "entity: Nation"));
                write(d, "t.csv", "Country,Fighters\nRussia,3417\n");
            },
            args: CHECK,
            expect: Expect::Error(&["t.yaml:2:9:", "`Nation`", "Country, Fighters"]),
        },
        Case {
            name: "csv-metric-column-missing",
            files: |d| {
                table(
                    d,
                    &format!("{CSV_TABLE}  returnees: {{column: Returnees}}\n"),
                );
                write(d, "t.csv", "Country,Fighters\nRussia,3417\n");
            },
            args: CHECK,
            expect: Expect::Error(&["t.yaml:6:", "`Returnees`"]),
        },
        Case {
            name: "csv-non-numeric-cell",
            files: |d| csv_table(d, "Country,Fighters\nRussia,3417\nFrance,lots\n"),
            args: CHECK,
            expect: Expect::Error(&["t.csv:3:8:", "`lots`", "`Fighters`"]),
        },
        Case {
            name: "csv-short-row",
            files: |d| csv_table(d, "Country,Fighters\nRussia\n"),
            args: CHECK,
            expect: Expect::Error(&["t.csv:2:", "fields"]),
        },
        Case {
            name: "csv-bom",
            files: |d| csv_table(d, "\u{feff}Country,Fighters\nRussia,3417\n"),
            args: CHECK,
            expect: Expect::Exit(0, &[]),
        },
        Case {
            name: "csv-crlf",
            files: |d| csv_table(d, "Country,Fighters\r\nRussia,3417\r\n"),
            args: CHECK,
            expect: Expect::Exit(0, &[]),
        },
        Case {
            name: "csv-crlf-wrong-value",
            files: |d| csv_table(d, "Country,Fighters\r\nFrance,1\r\nRussia,9999\r\n"),
            args: CHECK,
            expect: Expect::Exit(1, &[]),
        },
        Case {
            name: "csv-quoted-newlines",
            files: |d| {
                csv_table(
                    d,
                    "Country,Fighters\n\"Fr\nance\",1910\n\"Russia\",\"3,417\"\n",
                )
            },
            args: CHECK,
            expect: Expect::Exit(0, &[]),
        },
        Case {
            // The bad cell is on the row that starts on line 4, after a two-line field.
            name: "csv-quoted-newline-bad-cell",
            files: |d| {
                csv_table(
                    d,
                    "Country,Fighters\n\"Fr\nance\",1910\nRussia,\"34\n17\"\n",
                )
            },
            args: CHECK,
            expect: Expect::Error(&["t.csv:4:8:", "`Fighters`"]),
        },
        Case {
            name: "csv-not-utf8",
            files: |d| {
                table(d, CSV_TABLE);
                write(d, "t.csv", b"Country,Fighters\nR\xfcssia,3417\n");
            },
            args: CHECK,
            expect: Expect::Error(&["t.yaml:1:", "t.csv", "offset 18"]),
        },
        Case {
            name: "csv-path-is-a-folder",
            files: |d| {
                table(d, CSV_TABLE);
                fs::create_dir_all(d.join("t.csv")).unwrap();
            },
            args: CHECK,
            expect: Expect::Error(&["t.yaml:1:6:", "t.csv", "folder"]),
        },
        Case {
            name: "csv-absolute-path",
            files: |d| table(d, &CSV_TABLE.replace("csv: t.csv", "csv: /etc/passwd")),
            args: CHECK,
            expect: Expect::Error(&["t.yaml:1:6:", "inside the table's folder"]),
        },
        Case {
            name: "csv-outside-refused",
            files: |d| {
                write(d, "a.md", ARTICLE);
                write(d, "t.csv", "Country,Fighters\nRussia,3417\n");
                write(
                    d,
                    "sub/t.yaml",
                    CSV_TABLE.replace("csv: t.csv", "csv: ../t.csv"),
                );
            },
            args: &["check", "a.md", "--data", "sub/t.yaml"],
            expect: Expect::Error(&["sub/t.yaml:1:6:", "allow-csv-outside"]),
        },
        Case {
            name: "csv-outside-allowed",
            files: |d| {
                write(d, "a.md", ARTICLE);
                write(d, "t.csv", "Country,Fighters\nRussia,3417\n");
                write(
                    d,
                    "sub/t.yaml",
                    CSV_TABLE.replace("csv: t.csv", "csv: ../t.csv"),
                );
                write(d, "claimcheck.yaml", "allow-csv-outside: true\n");
            },
            args: &["check", "a.md", "--data", "sub/t.yaml"],
            expect: Expect::Exit(0, &[]),
        },
        #[cfg(unix)]
        Case {
            // A symbolic link inside the folder that points out of it is refused too.
            name: "csv-symlink-out-of-folder",
            files: |d| {
                write(d, "a.md", ARTICLE);
                write(d, "secret.csv", "Country,Fighters\nRussia,3417\n");
                write(d, "sub/t.yaml", CSV_TABLE);
                std::os::unix::fs::symlink("../secret.csv", d.join("sub/t.csv")).unwrap();
            },
            args: &["check", "a.md", "--data", "sub/t.yaml"],
            expect: Expect::Error(&["sub/t.yaml:1:6:", "links out of it"]),
        },
    ]);
}

#[test]
fn hostile_config() {
    run_cases(&[
        Case {
            name: "config-unknown-key",
            files: |d| config(d, "colour: blue\n"),
            args: CHECK,
            expect: Expect::Error(&["claimcheck.yaml:1:1:", "colour"]),
        },
        Case {
            name: "config-wrong-type-list",
            files: |d| config(d, "articles: claims\n"),
            args: CHECK,
            expect: Expect::Error(&["claimcheck.yaml:1:"]),
        },
        Case {
            name: "config-wrong-type-number",
            files: |d| config(d, "tolerance:\n  approximate: lots\n"),
            args: CHECK,
            expect: Expect::Error(&["claimcheck.yaml:2:"]),
        },
        Case {
            name: "config-wrong-type-bool",
            files: |d| config(d, "allow-csv-outside: [yes]\n"),
            args: CHECK,
            expect: Expect::Error(&["claimcheck.yaml:1:"]),
        },
        Case {
            name: "config-unknown-rule",
            files: |d| config(d, "rules:\n  no-such-rule: error\n"),
            args: CHECK,
            expect: Expect::Error(&["claimcheck.yaml:2", "no-such-rule"]),
        },
        Case {
            name: "config-unknown-level",
            files: |d| config(d, "rules:\n  value-mismatch: loud\n"),
            args: CHECK,
            expect: Expect::Error(&["claimcheck.yaml:2:", "loud"]),
        },
        Case {
            name: "config-unknown-format",
            files: |d| config(d, "format: [xml]\n"),
            args: CHECK,
            expect: Expect::Error(&["claimcheck.yaml:1", "`xml`"]),
        },
        Case {
            name: "config-syntax",
            files: |d| config(d, "rules: [\n"),
            args: CHECK,
            expect: Expect::Error(&["claimcheck.yaml:1:"]),
        },
        Case {
            name: "config-alias-bomb",
            files: |d| {
                config(
                    d,
                    &alias_bomb()
                        .replace(METRICS, "")
                        .replace("entities:", "rules:"),
                )
            },
            args: CHECK,
            expect: Expect::Error(&["claimcheck.yaml:"]),
        },
        Case {
            name: "config-empty",
            files: |d| config(d, ""),
            args: CHECK,
            expect: Expect::Exit(0, &[]),
        },
    ]);
}

#[test]
fn hostile_articles() {
    run_cases(&[
        Case {
            name: "article-empty",
            files: |d| {
                table(d, &format!("{METRICS}{RECORD}"));
                write(d, "a.md", "");
            },
            args: CHECK,
            expect: Expect::Exit(0, &[]),
        },
        Case {
            name: "article-only-bom",
            files: |d| {
                table(d, &format!("{METRICS}{RECORD}"));
                write(d, "a.md", "\u{feff}");
            },
            args: CHECK,
            expect: Expect::Exit(0, &[]),
        },
        Case {
            name: "article-bom-wrong-value",
            files: |d| {
                table(d, &format!("{METRICS}{RECORD}"));
                write(d, "a.md", "\u{feff}Russia sent 9,999 fighters.\r\n");
            },
            args: CHECK,
            expect: Expect::Exit(1, &[]),
        },
        Case {
            name: "article-crlf-only",
            files: |d| {
                table(d, &format!("{METRICS}{RECORD}"));
                write(d, "a.md", "\r\n".repeat(10_000));
            },
            args: CHECK,
            expect: Expect::Exit(0, &[]),
        },
        Case {
            name: "article-lone-cr",
            files: |d| {
                table(d, &format!("{METRICS}{RECORD}"));
                write(d, "a.md", "Intro.\rRussia sent 3,417\r fighters.\r");
            },
            args: CHECK,
            expect: Expect::Exit(0, &[]),
        },
        Case {
            name: "article-nul-bytes",
            files: |d| {
                table(d, &format!("{METRICS}{RECORD}"));
                write(d, "a.md", "\0".repeat(100_000));
            },
            args: CHECK,
            expect: Expect::Exit(0, &[]),
        },
        Case {
            // A bad file is a per-file error; the good one is still checked (and its wrong
            // value reported in the JSON on stdout, which `checked_files` verifies below).
            name: "article-not-utf8-among-others",
            files: |d| {
                table(d, &format!("{METRICS}{RECORD}"));
                write(d, "docs/a.md", ARTICLE);
                write(d, "docs/b.md", b"Russia sent 3,417 fighters \xc3\x28.");
                write(d, "docs/c.txt", b"\xff\xfeR\x00u\x00");
            },
            args: &["check", "docs", "--data", "t.yaml"],
            expect: Expect::Error(&[
                "docs/b.md: not UTF-8",
                "offset 27",
                "docs/c.txt",
                "offset 0",
            ]),
        },
        Case {
            name: "article-missing-among-others",
            files: |d| table(d, &format!("{METRICS}{RECORD}")),
            args: &["check", "a.md", "nope.md", "--data", "t.yaml"],
            expect: Expect::Error(&["nope.md"]),
        },
        Case {
            name: "article-deep-blockquote-100000",
            files: |d| {
                table(d, &format!("{METRICS}{RECORD}"));
                write(
                    d,
                    "a.md",
                    format!("{} Russia sent 3,417 fighters.\n", ">".repeat(100_000)),
                );
            },
            args: CHECK,
            expect: Expect::Exit(0, &[]),
        },
        Case {
            name: "article-deep-spaced-blockquote-50000",
            files: |d| {
                table(d, &format!("{METRICS}{RECORD}"));
                write(
                    d,
                    "a.md",
                    format!("{} Russia sent 9,999 fighters.\n", "> ".repeat(50_000)),
                );
            },
            args: CHECK,
            expect: Expect::Exit(1, &[]),
        },
        Case {
            // Each level is indented two more spaces: the file grows with the square of the
            // depth, so 2,000 levels is already 4 MB.
            name: "article-deep-list-2000",
            files: |d| {
                table(d, &format!("{METRICS}{RECORD}"));
                let mut s = String::new();
                for i in 0..2_000 {
                    s.push_str(&"  ".repeat(i));
                    s.push_str("- Russia sent 3,417 fighters.\n");
                }
                write(d, "a.md", s);
            },
            args: CHECK,
            expect: Expect::Exit(0, &[]),
        },
        Case {
            name: "article-deep-emphasis-and-brackets",
            files: |d| {
                table(d, &format!("{METRICS}{RECORD}"));
                let s = format!(
                    "{}Russia sent 3,417 fighters.{}\n\n{}1{}\n",
                    "*_".repeat(20_000),
                    "_*".repeat(20_000),
                    "[".repeat(50_000),
                    "](x)".repeat(50_000)
                );
                write(d, "a.md", s);
            },
            args: CHECK,
            expect: Expect::Exit(0, &[]),
        },
        #[cfg(unix)]
        Case {
            // Symbolic links are not followed: loops cannot trap the walk.
            name: "article-symlink-loop",
            files: |d| {
                table(d, &format!("{METRICS}{RECORD}"));
                write(d, "docs/a.md", ARTICLE);
                std::os::unix::fs::symlink(".", d.join("docs/loop")).unwrap();
                std::os::unix::fs::symlink("self.md", d.join("docs/self.md")).unwrap();
                std::os::unix::fs::symlink("..", d.join("docs/up")).unwrap();
            },
            args: &["check", "docs", "--data", "t.yaml"],
            expect: Expect::Exit(0, &[]),
        },
        #[cfg(unix)]
        Case {
            // A dangling or looping link named directly is an error for that path only.
            name: "article-symlink-loop-named",
            files: |d| {
                table(d, &format!("{METRICS}{RECORD}"));
                std::os::unix::fs::symlink("self.md", d.join("self.md")).unwrap();
            },
            args: &["check", "a.md", "self.md", "--data", "t.yaml"],
            expect: Expect::Error(&["self.md"]),
        },
    ]);
    // The good file among the bad ones was checked.
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("hostile/article-not-utf8-among-others");
    let out = run_bounded(
        &debug_binary(),
        &dir,
        &["check", "docs", "--data", "t.yaml", "--format", "json"],
    );
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(json["summary"]["files"], 1, "{}", out.stdout);
    assert_eq!(json["summary"]["checked"], 1, "{}", out.stdout);
}

#[cfg(unix)]
#[test]
fn unreadable_folder_is_a_warning_for_that_folder_only() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch("unreadable-folder");
    table(&dir, &format!("{METRICS}{RECORD}"));
    write(&dir, "docs/a.md", ARTICLE);
    write(&dir, "docs/locked/b.md", ARTICLE);
    fs::set_permissions(dir.join("docs/locked"), fs::Permissions::from_mode(0o000)).unwrap();
    let out = run_bounded(
        &debug_binary(),
        &dir,
        &["check", "docs", "--data", "t.yaml", "--format", "json"],
    );
    // Root reads anything: then both files are checked. Otherwise the locked folder is an
    // error naming it, and the other file is still checked.
    let root_reads = fs::read_dir(dir.join("docs/locked")).is_ok();
    fs::set_permissions(dir.join("docs/locked"), fs::Permissions::from_mode(0o755)).unwrap();
    assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    if root_reads {
        assert_eq!(out.code, Some(0), "{}", out.stderr);
        assert_eq!(json["summary"]["checked"], 2);
    } else {
        assert_eq!(out.code, Some(2), "{}", out.stderr);
        assert!(out.stderr.contains("docs"), "{}", out.stderr);
        assert_eq!(json["summary"]["checked"], 1);
    }
}

/// Large tables: a 100 MB scalar fails at once on the loader's budget (64 MiB of scalars).
/// Records parse at about 0.75 s/MB in the debug build and, since the YAML parser is
/// optimized in both profiles, not much faster in release: 100 MB of records fails on the
/// scalar budget after ~45 s on a busy 2-core machine, too close to the bound, so the debug
/// build loads 8 MB of records and a release binary 30 MB.
#[test]
fn huge_tables_fail_or_load_within_the_bound() {
    let dir = scratch("huge-yaml");
    write(&dir, "a.md", ARTICLE);
    let mut s = String::with_capacity(100_000_100);
    s.push_str(METRICS);
    s.push_str("title: \"");
    s.push_str(&"x".repeat(100_000_000));
    s.push_str("\"\n");
    write(&dir, "string.yaml", &s);
    let out = run_bounded(
        &debug_binary(),
        &dir,
        &["check", "a.md", "--data", "string.yaml"],
    );
    assert_eq!(out.code, Some(2), "{}", out.stderr);
    assert!(out.stderr.contains("string.yaml:3:8:"), "{}", out.stderr);
    drop(s);

    let records = |bytes: usize| {
        let mut s = format!("{METRICS}records:\n");
        let mut i = 0;
        while s.len() < bytes {
            writeln!(
                s,
                "  - {{entity: Country {i}, metric: fighters, period: 2017, value: {i}}}"
            )
            .unwrap();
            i += 1;
        }
        s
    };
    write(&dir, "records.yaml", records(8_000_000));
    let out = run_bounded(
        &debug_binary(),
        &dir,
        &["check", "a.md", "--data", "records.yaml"],
    );
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    eprintln!("8 MB of records (debug): {:?}", out.elapsed);

    if let Some(release) = release_binary() {
        write(&dir, "records.yaml", records(30_000_000));
        let out = run_bounded(&release, &dir, &["check", "a.md", "--data", "records.yaml"]);
        assert!(matches!(out.code, Some(0 | 2)), "{}", out.stderr);
        assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
        eprintln!(
            "30 MB of records (release): {:?}: {}",
            out.elapsed,
            out.stderr.trim()
        );
    }
    let _ = fs::remove_dir_all(&dir);
}

/// One line without a newline: 8 MB of prose with a number every few words in the debug build
/// (about 10 s there; 100 MB would take two minutes), 100 MB with the release binary when it exists.
#[test]
fn huge_article_without_newline() {
    let dir = scratch("huge-article");
    table(&dir, &format!("{METRICS}{RECORD}"));
    let unit = "and the quick brown fox saw 3,417 lazy dogs, ";
    let text = |bytes: usize| unit.repeat(bytes / unit.len());
    write(&dir, "big.txt", text(8_000_000));
    let out = run_bounded(
        &debug_binary(),
        &dir,
        &["check", "big.txt", "--data", "t.yaml"],
    );
    assert!(matches!(out.code, Some(0 | 1)), "{}", out.stderr);
    assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
    eprintln!("8 MB line (debug): {:?}", out.elapsed);
    if let Some(release) = release_binary() {
        write(&dir, "big.txt", text(100_000_000));
        let out = run_bounded(&release, &dir, &["check", "big.txt", "--data", "t.yaml"]);
        assert!(matches!(out.code, Some(0 | 1)), "{}", out.stderr);
        eprintln!("100 MB line (release): {:?}", out.elapsed);
    }
    let _ = fs::remove_dir_all(&dir);
}

/// One sentence of numbers and place names: 100,000 numbers in the debug build (a few seconds
/// there), 1,000,000 with the release binary when it exists. (This found a cubic loop in the
/// linker: 2,500 numbers took 250 s.)
#[test]
fn one_sentence_of_many_numbers() {
    let dir = scratch("many-numbers");
    table(&dir, &format!("{METRICS}{RECORD}"));
    let sentence = |n: usize| {
        let mut s = String::from("Russia, France and Tunisia sent ");
        for i in 0..n {
            write!(s, "{i}, ").unwrap();
        }
        s.push_str("and 3,417 fighters.\n");
        s
    };
    write(&dir, "n.txt", sentence(100_000));
    let out = run_bounded(
        &debug_binary(),
        &dir,
        &["check", "n.txt", "--data", "t.yaml"],
    );
    assert!(matches!(out.code, Some(0 | 1)), "{}", out.stderr);
    assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
    eprintln!("100,000 numbers (debug): {:?}", out.elapsed);
    if let Some(release) = release_binary() {
        write(&dir, "n.txt", sentence(1_000_000));
        let out = run_bounded(&release, &dir, &["check", "n.txt", "--data", "t.yaml"]);
        assert!(matches!(out.code, Some(0 | 1)), "{}", out.stderr);
        eprintln!("1,000,000 numbers (release): {:?}", out.elapsed);
    }
    let _ = fs::remove_dir_all(&dir);
}

/// Extraction time grows linearly: N and 2N of three shapes, through the library; the ratio
/// of the best of two runs stays under 3.
#[test]
fn extraction_is_linear() {
    use claimcheck::{extract_source, Format};
    fn best_of_two(text: &str, format: Format) -> Duration {
        (0..2)
            .map(|_| {
                let start = Instant::now();
                std::hint::black_box(extract_source(text, format));
                start.elapsed()
            })
            .min()
            .unwrap()
    }
    let prose = |n: usize| {
        "In 2015, Russia sent about 3,417 fighters; France had 1,910.\nNearly half of the 800 British nationals came back.\n\n".repeat(n)
    };
    let sentence = |n: usize| {
        let mut s = String::from("Russia, France and Tunisia sent ");
        for i in 0..n {
            write!(s, "{} from Morocco, ", 1000 + i % 9000).unwrap();
        }
        s.push_str("and 3,417 fighters.");
        s
    };
    let nested = |n: usize| {
        let mut s = ">".repeat(n);
        s.push_str(" Russia sent 3,417 fighters.\n");
        for _ in 0..n / 20 {
            s.push_str("> - about 1,910 in 2015 and *40%* of [200](x).\n");
        }
        s
    };
    type Shape<'a> = (&'a str, &'a dyn Fn(usize) -> String, usize, Format);
    let shapes: [Shape; 3] = [
        ("prose", &prose, 1_200, Format::Markdown),
        ("one sentence", &sentence, 5_000, Format::Plain),
        ("nested markdown", &nested, 40_000, Format::Markdown),
    ];
    let mut report = Vec::new();
    for (name, make, n, format) in shapes {
        let small = best_of_two(&make(n), format);
        let large = best_of_two(&make(2 * n), format);
        let ratio = large.as_secs_f64() / small.as_secs_f64().max(1e-3);
        report.push(format!(
            "{name}: N={n} {small:?}, 2N {large:?}, ratio {ratio:.2}"
        ));
        assert!(ratio < 3.0, "{}", report.join("\n"));
    }
    eprintln!("{}", report.join("\n"));
}
