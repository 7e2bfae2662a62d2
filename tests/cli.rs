//! The command line as CI users meet it: configuration, formats and files, exit codes,
//! suppressions, baselines, `--changed-since` and claim snapshots.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::{run_in, stderr, stdout};

const TABLE: &str = "metrics:\n  fighters: [fighters]\n  returnees: [returnees, returned]\nrecords:\n  - {entity: Russia, metric: fighters, period: 2017, value: 3417}\n  - {entity: Tunisia, metric: fighters, period: 2017, value: 2926}\n  - {entity: France, metric: fighters, period: 2017, value: 1910}\n";

/// A scratch project: `claims/a.md` with `article`, `data/t.yaml`, and `files`.
fn project(name: &str, article: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-{name}"));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(dir.join("claims")).unwrap();
    fs::create_dir_all(dir.join("data")).unwrap();
    fs::write(dir.join("claims/a.md"), article).unwrap();
    fs::write(dir.join("data/t.yaml"), TABLE).unwrap();
    for (path, text) in files {
        fs::write(dir.join(path), text).unwrap();
    }
    dir
}

const TWO_ERRORS: &str = "# Fighters\n\nRussia sent 3,417 fighters.\n\nTunisia sent 2,920 fighters.\n\nFrance sent 1,500 fighters.\n";

fn code(o: &std::process::Output) -> i32 {
    o.status.code().unwrap_or(-1)
}

#[test]
fn config_is_found_and_validated() {
    let dir = project(
        "config",
        TWO_ERRORS,
        &[("claimcheck.yaml", "fail-on: never\n")],
    );
    let out = run_in(&dir, &["check"], None);
    assert_eq!(
        code(&out),
        0,
        "fail-on: never from the config: {}",
        stderr(&out)
    );
    // Found from a subfolder too.
    let out = run_in(
        &dir.join("claims"),
        &["check", "a.md", "--data", "../data"],
        None,
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    // The flag wins over the config.
    let out = run_in(&dir, &["check", "--fail-on", "error"], None);
    assert_eq!(code(&out), 1);

    let bad: &[(&str, &str, &str)] = &[
        (
            "unknown-key",
            "fail-on: error\ncolour: red\n",
            "claimcheck.yaml:2:",
        ),
        ("wrong-type", "fail-on: [1, 2]\n", "claimcheck.yaml:1:"),
        (
            "unknown-rule",
            "rules:\n  value-mismatches: off\n",
            "claimcheck.yaml:2:3: unknown rule",
        ),
        (
            "unknown-format",
            "format: [text, pdf]\n",
            "unknown format `pdf`",
        ),
        (
            "bad-tolerance",
            "tolerance:\n  approximate: 5\n",
            "between 0 and 1",
        ),
    ];
    for (name, yaml, needle) in bad {
        let dir = project(name, TWO_ERRORS, &[("claimcheck.yaml", yaml)]);
        let out = run_in(&dir, &["check"], None);
        assert_eq!(code(&out), 2, "{name}: {}", stderr(&out));
        assert!(
            stderr(&out).contains(needle),
            "{name}: {:?} lacks {needle:?}",
            stderr(&out)
        );
    }
}

#[test]
fn rule_levels_and_fail_on() {
    let dir = project(
        "levels",
        TWO_ERRORS,
        &[("claimcheck.yaml", "rules:\n  value-mismatch: warning\n")],
    );
    let out = run_in(&dir, &["check"], None);
    assert_eq!(code(&out), 0, "warnings do not fail by default");
    let out = run_in(&dir, &["check", "--fail-on", "warning"], None);
    assert_eq!(code(&out), 1);
    let dir = project(
        "off",
        TWO_ERRORS,
        &[("claimcheck.yaml", "rules:\n  value-mismatch: off\n")],
    );
    let out = run_in(&dir, &["check", "--format", "json"], None);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert!(json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f["rule"] != "value-mismatch"));
}

#[test]
fn init_and_explain() {
    let dir = project("init", TWO_ERRORS, &[]);
    let out = run_in(&dir, &["init"], None);
    assert_eq!(code(&out), 0);
    let written = fs::read_to_string(dir.join("claimcheck.yaml")).unwrap();
    assert!(written.contains("fail-on: error"));
    // The starter config is valid.
    let out = run_in(&dir, &["check"], None);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    // Never overwrites: a file that exists is skipped with a note.
    let out = run_in(&dir, &["init"], None);
    assert_eq!(code(&out), 0);
    assert!(stderr(&out).contains("claimcheck.yaml already exists; skipped"));
    assert_eq!(
        fs::read_to_string(dir.join("claimcheck.yaml")).unwrap(),
        written
    );

    let out = run_in(&dir, &["explain", "value-mismatch"], None);
    assert_eq!(code(&out), 0);
    assert!(stdout(&out).contains(claimcheck::rules::value_mismatch::RULE.doc));
    let out = run_in(&dir, &["explain", "nope"], None);
    assert_eq!(code(&out), 2);
}

#[test]
fn several_formats_in_one_run() {
    let dir = project("formats", TWO_ERRORS, &[]);
    let out = run_in(
        &dir,
        &[
            "check",
            "--format",
            "text",
            "--format",
            "json=out/r.json",
            "--format",
            "sarif=r.sarif",
            "--format",
            "junit=r.xml",
            "--format",
            "markdown=r.md",
            "--format",
            "html=r.html",
            "--format",
            "jsonl=r.jsonl",
        ],
        None,
    );
    // out/ does not exist: it is created.
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(stdout(&out).contains("error[value-mismatch]"));
    for f in [
        "out/r.json",
        "r.sarif",
        "r.xml",
        "r.md",
        "r.html",
        "r.jsonl",
    ] {
        assert!(dir.join(f).is_file(), "{f} written");
    }
    let out = run_in(&dir, &["check", "--format", "json=out/r.json"], None);
    assert_eq!(code(&out), 1);
    let json: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(dir.join("out/r.json")).unwrap()).unwrap();
    assert_eq!(json["summary"]["errors"], 2);
    // Two formats on standard output is a usage error.
    let out = run_in(
        &dir,
        &["check", "--format", "text", "--format", "json"],
        None,
    );
    assert_eq!(code(&out), 2);
}

#[cfg(unix)]
#[test]
fn a_failed_write_keeps_the_previous_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = project("atomic", TWO_ERRORS, &[]);
    fs::create_dir_all(dir.join("reports")).unwrap();
    fs::write(dir.join("reports/r.json"), "previous").unwrap();
    fs::set_permissions(dir.join("reports"), fs::Permissions::from_mode(0o555)).unwrap();
    let out = run_in(&dir, &["check", "--format", "json=reports/r.json"], None);
    let writable = fs::write(dir.join("reports/probe"), "x").is_ok();
    fs::set_permissions(dir.join("reports"), fs::Permissions::from_mode(0o755)).unwrap();
    if writable {
        // Root ignores permissions: nothing to observe here beyond a complete file.
        let json: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(dir.join("reports/r.json")).unwrap()).unwrap();
        assert_eq!(json["version"], 1);
        return;
    }
    assert_eq!(code(&out), 2);
    assert_eq!(
        fs::read_to_string(dir.join("reports/r.json")).unwrap(),
        "previous"
    );
    let leftovers: Vec<_> = fs::read_dir(dir.join("reports")).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "no temporary file left behind");
}

#[test]
fn a_failed_rename_leaves_nothing_behind() {
    // The target is a folder: the report is written to a temporary file, and the rename over
    // the target fails. Whatever was there stays, and no temporary file is left.
    let dir = project("rename", TWO_ERRORS, &[]);
    fs::create_dir_all(dir.join("r.json")).unwrap();
    fs::write(dir.join("r.json/keep"), "kept").unwrap();
    let out = run_in(&dir, &["check", "--format", "json=r.json"], None);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(stderr(&out).contains("r.json"));
    assert_eq!(fs::read_to_string(dir.join("r.json/keep")).unwrap(), "kept");
    let temps: Vec<String> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("claimcheck-"))
        .collect();
    assert!(temps.is_empty(), "{temps:?}");
}

#[test]
fn inline_suppressions() {
    let article = "Russia sent 3,417 fighters.\n\n<!-- claimcheck-ignore -->\nTunisia sent 2,920 fighters.\n\n<!-- claimcheck-ignore rank -->\nFrance sent 1,500 fighters.\n\n<!-- claimcheck-disable -->\nFrance sent 1,400 fighters.\n\nTunisia sent 2,000 fighters.\n<!-- claimcheck-enable -->\n\n<!-- claimcheck-ignore value-mismatch -->\nRussia sent 3,417 fighters.\n";
    let dir = project("suppress", article, &[]);
    let out = run_in(&dir, &["check", "--format", "json"], None);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let found: Vec<(u64, String)> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["line"].as_u64().unwrap(),
                f["rule"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let expected: Vec<(u64, String)> = [
        (6, "unused-suppression"), // names a rule that has nothing to suppress there
        (7, "value-mismatch"),     // ... so the value mismatch stays
        (15, "unused-suppression"), // the claim below it is right
    ]
    .iter()
    .map(|(l, r)| (*l, r.to_string()))
    .collect();
    assert_eq!(found, expected);
}

#[test]
fn text_after_a_suppression_comment_on_its_line_is_read() {
    // The comment silences its own line's first sentence; the next one is still checked,
    // and so is the paragraph after it.
    let article = "<!-- claimcheck-ignore --> Tunisia sent 2,920 fighters. France sent 1,400 fighters.\n\nRussia sent 2,000 fighters.\n";
    let dir = project("suppress-inline", article, &[]);
    let out = run_in(&dir, &["check", "--format", "json"], None);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let found: Vec<(u64, u64)> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["line"].as_u64().unwrap(), f["column"].as_u64().unwrap()))
        .collect();
    assert_eq!(found, vec![(1, 69), (3, 13)], "{}", stdout(&out));
}

#[test]
fn baselines() {
    let dir = project("baseline", TWO_ERRORS, &[]);
    // Writing a baseline succeeds whatever it records.
    let out = run_in(&dir, &["check", "--write-baseline", "base.json"], None);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let out = run_in(&dir, &["check", "--baseline", "base.json"], None);
    assert_eq!(code(&out), 0, "nothing new: {}", stdout(&out));
    // Editing an unrelated line (and moving everything down) keeps the fingerprints valid.
    let moved = TWO_ERRORS.replace(
        "# Fighters\n",
        "# Fighters by country\n\nA new opening paragraph.\n",
    );
    fs::write(dir.join("claims/a.md"), &moved).unwrap();
    let out = run_in(&dir, &["check", "--baseline", "base.json"], None);
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    // A new error is reported; a fixed one is noted as gone.
    let changed = moved
        .replace("2,920", "2,926")
        .replace("3,417", "3,000 or so 3,100");
    fs::write(dir.join("claims/a.md"), changed).unwrap();
    let out = run_in(
        &dir,
        &["check", "--baseline", "base.json", "--format", "json"],
        None,
    );
    assert_eq!(code(&out), 1);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let texts: Vec<&str> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["severity"] == "error")
        .map(|f| f["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts, ["3,100"]);
    assert!(
        stderr(&out).contains("baseline entry gone") && stderr(&out).contains("2,920"),
        "{}",
        stderr(&out)
    );
    // A broken baseline is an input error.
    fs::write(dir.join("bad.json"), "{").unwrap();
    let out = run_in(&dir, &["check", "--baseline", "bad.json"], None);
    assert_eq!(code(&out), 2);
}

fn git(dir: &Path, args: &[&str]) {
    let ok = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.invalid")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.invalid")
        .output()
        .expect("git runs")
        .status
        .success();
    assert!(ok, "git {args:?}");
}

#[test]
fn changed_since_reports_only_changed_lines() {
    let dir = project("changed", TWO_ERRORS, &[]);
    git(&dir, &["init", "-q"]);
    git(&dir, &["add", "."]);
    git(&dir, &["commit", "-q", "-m", "start"]);
    let edited = TWO_ERRORS.replace("France sent 1,500 fighters.", "France sent 1,400 fighters.");
    fs::write(dir.join("claims/a.md"), edited).unwrap();
    let out = run_in(
        &dir,
        &["check", "--changed-since", "HEAD", "--format", "json"],
        None,
    );
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let texts: Vec<&str> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts, ["1,400"], "{}", stderr(&out));
    let out = run_in(&dir, &["check", "--changed-since", "no-such-rev"], None);
    assert_eq!(code(&out), 2);
}

#[test]
fn snapshots_check_and_accept() {
    let dir = project("snapshot", TWO_ERRORS, &[]);
    let out = run_in(&dir, &["snapshot"], None);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let snap = dir.join("claims/.snapshots/a.md.yaml");
    let first = fs::read_to_string(&snap).unwrap();
    assert!(first.contains("verdict: inconsistent"));
    let out = run_in(&dir, &["snapshot", "--check"], None);
    assert_eq!(code(&out), 0, "unchanged: {}", stdout(&out));
    fs::write(
        dir.join("claims/a.md"),
        TWO_ERRORS.replace("2,920", "2,926"),
    )
    .unwrap();
    let out = run_in(&dir, &["snapshot", "--check"], None);
    assert_eq!(code(&out), 1);
    let said = stdout(&out);
    assert!(
        said.contains("Tunisia fighters 2017: inconsistent → consistent")
            && said.contains("article now says 2,926 (was 2,920)"),
        "{said}"
    );
    assert_eq!(
        fs::read_to_string(&snap).unwrap(),
        first,
        "--check writes nothing"
    );
    let out = run_in(&dir, &["snapshot", "--accept"], None);
    assert_eq!(code(&out), 0);
    let out = run_in(&dir, &["snapshot", "--check"], None);
    assert_eq!(code(&out), 0);
}

#[test]
fn stdin_filename_and_step_summary() {
    let dir = project("stdin", TWO_ERRORS, &[]);
    let out = run_in(
        &dir,
        &[
            "check",
            "-",
            "--stdin-filename",
            "claims/piped.md",
            "--format",
            "github",
        ],
        Some("Tunisia sent 2,920 fighters.\n"),
    );
    assert_eq!(code(&out), 1);
    assert!(
        stdout(&out).starts_with("::error file=claims/piped.md,line=1,col=14,"),
        "{}",
        stdout(&out)
    );
    let summary = dir.join("summary.md");
    let out = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(["check", "--format", "github"])
        .current_dir(&dir)
        .env("GITHUB_STEP_SUMMARY", &summary)
        .output()
        .unwrap();
    assert_eq!(code(&out), 1);
    assert!(fs::read_to_string(&summary).unwrap().contains("2,920"));
}

#[test]
fn json_lines_in_and_out() {
    let dir = project("stream", TWO_ERRORS, &[]);
    let input = "{\"id\": \"a\", \"text\": \"Tunisia sent 2,920 fighters.\"}\n\n{\"id\": 7, \"text\": \"Russia sent 3,417 fighters.\"}\n";
    let out = run_in(&dir, &["check", "--input", "jsonl", "-"], Some(input));
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let lines: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(
        lines.len(),
        2,
        "one result per document, blank lines skipped"
    );
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[0]["summary"]["errors"], 1);
    assert_eq!(lines[1]["id"], 7);
    assert_eq!(lines[1]["summary"]["errors"], 0);
    // A bad line gets an error line and the stream goes on; the exit code says so.
    let out = run_in(
        &dir,
        &["check", "--input", "jsonl", "-"],
        Some("oops\n{\"id\": 1, \"text\": \"x\"}\n"),
    );
    assert_eq!(code(&out), 2);
    let said = stdout(&out);
    assert_eq!(said.lines().count(), 2);
    assert!(said.lines().next().unwrap().contains("\"error\""));
}

#[test]
fn shards_split_the_files_between_runs() {
    let dir = project(
        "shard",
        TWO_ERRORS,
        &[
            ("claims/b.md", "Russia sent 3,417 fighters.\n"),
            ("claims/c.md", "France sent 1,910 fighters.\n"),
        ],
    );
    let mut seen = Vec::new();
    for k in 1..=2 {
        let shard = format!("{k}/2");
        let out = run_in(
            &dir,
            &["check", "--shard", &shard, "--format", "json"],
            None,
        );
        let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
        let mut paths: Vec<String> = json["claims"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["path"].as_str().unwrap().to_string())
            .collect();
        paths.dedup();
        seen.extend(paths);
    }
    seen.sort();
    assert_eq!(
        seen,
        ["claims/a.md", "claims/b.md", "claims/c.md"],
        "every file once across the shards"
    );
    let out = run_in(&dir, &["check", "--shard", "3/2"], None);
    assert_eq!(code(&out), 2);
}

#[test]
fn a_failed_snapshot_write_leaves_the_old_one() {
    let dir = project("snapshot-fail", TWO_ERRORS, &[]);
    let out = run_in(&dir, &["snapshot"], None);
    assert_eq!(code(&out), 0);
    let snap = dir.join("claims/.snapshots/a.md.yaml");
    let first = fs::read_to_string(&snap).unwrap();
    // A second article whose snapshot cannot be written (a folder stands in its place).
    fs::write(dir.join("claims/b.md"), "Russia sent 3,417 fighters.\n").unwrap();
    fs::create_dir_all(dir.join("claims/.snapshots/b.md.yaml/x")).unwrap();
    fs::write(
        dir.join("claims/a.md"),
        TWO_ERRORS.replace("2,920", "2,926"),
    )
    .unwrap();
    let out = run_in(&dir, &["snapshot", "--accept"], None);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    // The other snapshot was still updated, whole; the failed one left nothing behind.
    let updated = fs::read_to_string(&snap).unwrap();
    assert_ne!(updated, first);
    assert!(updated.ends_with("\n") && updated.contains("2,926"));
    let temps: Vec<String> = fs::read_dir(dir.join("claims/.snapshots"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("claimcheck-"))
        .collect();
    assert!(temps.is_empty(), "{temps:?}");
}
