//! What users of ruff, Vale and typos expect from a checker's command line: choosing rules,
//! per-file overrides, quiet and verbose runs, statistics, did-you-mean for misspelt keys, a
//! scaffold to start from, subcommands that refuse flags they do not use, and packaging files
//! for pre-commit and GitHub Actions.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{run_in, stderr, stdout};

const TABLE: &str = "metrics:\n  fighters: [fighters]\nrecords:\n  - {entity: Russia, metric: fighters, period: 2017, value: 3417}\n  - {entity: Tunisia, metric: fighters, period: 2017, value: 2926}\n  - {entity: France, metric: fighters, period: 2017, value: 1910}\n";

/// One value mismatch (Tunisia) and one unverified note (Spain is in no table).
const ARTICLE: &str =
    "# Fighters\n\nTunisia sent 2,920 fighters in 2017.\n\nSpain sent 200 fighters in 2017.\n";

/// A scratch project with `claims/a.md`, `data/t.yaml` and `files`.
fn project(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-rules-{name}"));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(dir.join("claims")).unwrap();
    fs::create_dir_all(dir.join("data")).unwrap();
    fs::write(dir.join("claims/a.md"), ARTICLE).unwrap();
    fs::write(dir.join("data/t.yaml"), TABLE).unwrap();
    for (path, text) in files {
        let p = dir.join(path);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, text).unwrap();
    }
    dir
}

fn code(o: &std::process::Output) -> i32 {
    o.status.code().unwrap_or(-1)
}

/// The rules that reported something, from the JSON report.
fn rules_reported(o: &std::process::Output) -> Vec<String> {
    let v: serde_json::Value = serde_json::from_str(&stdout(o)).expect("JSON report");
    let mut rules: Vec<String> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            format!(
                "{}:{}",
                f["rule"].as_str().unwrap(),
                f["severity"].as_str().unwrap()
            )
        })
        .collect();
    rules.dedup();
    rules
}

#[test]
fn select_extend_select_and_ignore() {
    let dir = project("select", &[]);
    let run = |args: &[&str]| {
        let mut all = vec!["check", "--format", "json"];
        all.extend_from_slice(args);
        run_in(&dir, &all, None)
    };
    let out = run(&[]);
    assert_eq!(
        rules_reported(&out),
        ["value-mismatch:error", "unverified:note"]
    );
    // --select replaces the selection.
    let out = run(&["--select", "unverified"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(rules_reported(&out), ["unverified:note"]);
    // Comma-separated and repeatable.
    let out = run(&["--select", "rank,value-mismatch", "--select", "trend"]);
    assert_eq!(code(&out), 1);
    assert_eq!(rules_reported(&out), ["value-mismatch:error"]);
    // --ignore removes, and wins over --select.
    let out = run(&["--select", "value-mismatch", "--ignore", "value-mismatch"]);
    assert_eq!(code(&out), 0);
    assert!(rules_reported(&out).is_empty());
    let out = run(&["--ignore", "unverified"]);
    assert_eq!(rules_reported(&out), ["value-mismatch:error"]);

    // --extend-select adds to the config's choice, turning on a rule the config turned off
    // at its default level; --select replaces the config's choice.
    fs::write(
        dir.join("claimcheck.yaml"),
        "rules:\n  value-mismatch: off\n  unverified: warning\n",
    )
    .unwrap();
    let out = run(&[]);
    assert_eq!(rules_reported(&out), ["unverified:warning"]);
    let out = run(&["--extend-select", "value-mismatch"]);
    assert_eq!(code(&out), 1);
    assert_eq!(
        rules_reported(&out),
        ["value-mismatch:error", "unverified:warning"]
    );
    let out = run(&["--select", "value-mismatch"]);
    assert_eq!(rules_reported(&out), ["value-mismatch:error"]);

    // An unknown name is a usage error with a suggestion.
    let out = run(&["--select", "vlaue-mismatch"]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out)
            .contains("unknown rule `vlaue-mismatch` in --select; did you mean `value-mismatch`?"),
        "{}",
        stderr(&out)
    );
    let out = run(&["--ignore", "nothing-like-it"]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("unknown rule `nothing-like-it` in --ignore (known: "));
}

#[test]
fn per_file_overrides_apply_in_order() {
    let config = "articles: [claims/]\ntables: [data/]\nper-file:\n  \"claims/archive/**\": {rules: {value-mismatch: off}}\n  \"claims/archive/keep.md\":\n    rules: {value-mismatch: warning}\n  \"*.txt\": {rules: {unverified: off}}\n";
    let dir = project(
        "per-file",
        &[
            ("claimcheck.yaml", config),
            ("claims/archive/old.md", ARTICLE),
            ("claims/archive/keep.md", ARTICLE),
            ("claims/notes.txt", ARTICLE),
        ],
    );
    let summary = |o: &std::process::Output| -> Vec<String> {
        let v: serde_json::Value = serde_json::from_str(&stdout(o)).expect("JSON report");
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                format!(
                    "{} {}:{}",
                    f["path"].as_str().unwrap(),
                    f["rule"].as_str().unwrap(),
                    f["severity"].as_str().unwrap()
                )
            })
            .collect()
    };
    let expected = [
        "claims/a.md value-mismatch:error",
        "claims/a.md unverified:note",
        "claims/archive/keep.md value-mismatch:warning",
        "claims/archive/keep.md unverified:note",
        "claims/archive/old.md unverified:note",
        "claims/notes.txt value-mismatch:error",
    ];
    let out = run_in(&dir, &["check", "--format", "json"], None);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert_eq!(summary(&out), expected);
    // Globs are relative to the config's folder, whatever the working folder; paths are
    // printed from the working folder.
    let out = run_in(
        &dir.join("claims/archive"),
        &["check", "--format", "json"],
        None,
    );
    let from_sub: Vec<String> = summary(&out)
        .iter()
        .map(|s| {
            s.strip_prefix("../../")
                .unwrap_or("not relative")
                .to_string()
        })
        .collect();
    assert_eq!(from_sub, expected, "{}", stderr(&out));
    // What the command line turns off, no per-file level turns back on.
    let out = run_in(
        &dir,
        &["check", "--format", "json", "--ignore", "value-mismatch"],
        None,
    );
    assert!(!stdout(&out).contains("value-mismatch"));

    // A misspelt rule under per-file names its place.
    fs::write(
        dir.join("claimcheck.yaml"),
        "per-file:\n  \"claims/**\":\n    rules: {rnak: off}\n",
    )
    .unwrap();
    let out = run_in(&dir, &["check"], None);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains(
            "claimcheck.yaml:3:13: unknown rule `rnak` under `rules`; did you mean `rank`?"
        ),
        "{}",
        stderr(&out)
    );
}

#[test]
fn quiet_verbose_statistics_and_the_summary_of_what_was_left_out() {
    let suppressed = "<!-- claimcheck-ignore -->\nFrance sent 1,500 fighters in 2017.\n";
    let dir = project("talk", &[("claims/b.md", suppressed)]);
    let out = run_in(&dir, &["check"], None);
    assert_eq!(code(&out), 1);
    let last = stdout(&out).lines().last().unwrap_or_default().to_string();
    assert_eq!(
        last,
        "2 files, 3 claims: 2 checked, 1 unverified; 1 error (1 suppressed), 0 warnings, 1 note"
    );

    // A baseline's findings are counted as left out.
    let out = run_in(&dir, &["check", "--write-baseline", "base.json"], None);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    fs::write(
        dir.join("claims/c.md"),
        "Russia sent 3,100 fighters in 2017.\n",
    )
    .unwrap();
    let out = run_in(&dir, &["check", "--baseline", "base.json"], None);
    assert_eq!(code(&out), 1);
    assert!(
        stdout(&out).ends_with("3 files, 4 claims: 3 checked, 1 unverified; 1 error (1 in baseline, 1 suppressed), 0 warnings, 0 notes (1 in baseline)\n"),
        "{}",
        stdout(&out)
    );

    // --quiet: the findings and nothing else.
    let out = run_in(&dir, &["check", "-q"], None);
    assert_eq!(code(&out), 1);
    assert!(stdout(&out).contains("error[value-mismatch]"));
    assert!(!stdout(&out).contains("files,"), "{}", stdout(&out));
    let out = run_in(&dir, &["check", "--quiet", "--format", "json=r.json"], None);
    assert_eq!(stderr(&out), "");

    // --verbose: what was read, and what was left out.
    let out = run_in(&dir, &["check", "-v", "--baseline", "base.json"], None);
    let err = stderr(&out);
    for needle in [
        "info: configuration: none (defaults)",
        "info: table: data/t.yaml (3 records, 1 metric)",
        "info: article: claims/a.md (2 claims)",
        "info: left out: claims/b.md:2:13: error[value-mismatch] (suppressed inline)",
        "info: left out: claims/a.md:3:14: error[value-mismatch] (in baseline)",
    ] {
        assert!(err.contains(needle), "{needle:?} not in {err}");
    }
    let out = run_in(&dir, &["check", "-q", "-v"], None);
    assert_eq!(code(&out), 2);

    // --statistics: a count per rule, most first, ties by id, then the summary.
    let out = run_in(&dir, &["check", "--statistics"], None);
    assert_eq!(code(&out), 1);
    assert_eq!(
        stdout(&out),
        "2  value-mismatch  A number in the article disagrees with the reference table\n\
         1  unverified      A number that no reference table could confirm or refute\n\
         3 files, 4 claims: 3 checked, 1 unverified; 2 errors (1 suppressed), 0 warnings, 1 note\n"
    );
}

#[test]
fn did_you_mean_for_misspelt_keys_and_one_spelling_convention() {
    let dir = project(
        "keys",
        &[(
            "data/t.yaml",
            "metircs:\n  fighters: [fighters]\nrecords: []\n",
        )],
    );
    let out = run_in(&dir, &["check"], None);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("data/t.yaml:1:1: unknown field `metircs`")
            && stderr(&out).contains("did you mean `metrics`?"),
        "{}",
        stderr(&out)
    );
    let dir = project("keys-record", &[(
        "data/t.yaml",
        "metrics:\n  fighters: [fighters]\nrecords:\n  - {entity: Russia, metric: fighters, period: 2017, valeu: 3417}\n",
    )]);
    let out = run_in(&dir, &["check"], None);
    assert!(
        stderr(&out).contains("data/t.yaml:4:54: unknown field `valeu`")
            && stderr(&out).contains("did you mean `value`?"),
        "{}",
        stderr(&out)
    );
    let dir = project("keys-config", &[("claimcheck.yaml", "fial-on: never\n")]);
    let out = run_in(&dir, &["check"], None);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("claimcheck.yaml:1:1: unknown field `fial-on`")
            && stderr(&out).contains("did you mean `fail-on`?"),
        "{}",
        stderr(&out)
    );

    // kebab-case is the spelling of both files; snake_case is read, with a note.
    let csv_table =
        "csv: c.csv\nentity: State\nperiod_column: Year\nmetrics:\n  fighters: [fighters]\n";
    let dir = project(
        "keys-spelling",
        &[
            (
                "claimcheck.yaml",
                "fail_on: never\nallow-csv-outside: false\n",
            ),
            ("data/c.yaml", csv_table),
            ("data/c.csv", "State,Year,fighters\nJordan,2017,3000\n"),
        ],
    );
    let out = run_in(&dir, &["check"], None);
    assert_eq!(code(&out), 0, "fail_on is read: {}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("note: claimcheck.yaml:1:1: `fail_on` is read as `fail-on`"),
        "{err}"
    );
    assert!(
        err.contains("note: data/c.yaml:3:1: `period_column` is read as `period-column`"),
        "{err}"
    );
    fs::write(
        dir.join("data/c.yaml"),
        csv_table.replace("period_column", "period-column"),
    )
    .unwrap();
    let out = run_in(&dir, &["check", "-q"], None);
    assert_eq!(stderr(&out), "");
}

#[test]
fn init_in_an_empty_folder_then_check() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-rules-init");
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    let out = run_in(&dir, &["init"], None);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        stdout(&out).contains("claimcheck check"),
        "{}",
        stdout(&out)
    );
    for f in ["data/example.yaml", "claims/example.md", "claimcheck.yaml"] {
        assert!(dir.join(f).is_file(), "{f}");
    }
    let out = run_in(&dir, &["check"], None);
    assert_eq!(code(&out), 1, "{}{}", stdout(&out), stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("error[value-mismatch]: Kangchenjunga, height: the article says 8,686 metres; the table says 8586"),
        "{text}"
    );
    assert!(text.contains("claims/example.md:11:"), "{text}");
    // The example's facts have no period, and no message invents one.
    assert!(!text.contains("period)"), "{text}");
    assert!(
        text.contains("1 error,"),
        "only the planted mistake: {text}"
    );

    // Twice: nothing is overwritten; each file is skipped with a note.
    fs::write(dir.join("claims/example.md"), "Mine now.\n").unwrap();
    let out = run_in(&dir, &["init"], None);
    assert_eq!(code(&out), 0);
    assert!(stderr(&out).contains("note: claims/example.md already exists; skipped"));
    assert!(stderr(&out).contains("note: claimcheck.yaml already exists; skipped"));
    assert_eq!(
        fs::read_to_string(dir.join("claims/example.md")).unwrap(),
        "Mine now.\n"
    );
}

#[test]
fn a_table_may_leave_out_periods_but_not_only_some() {
    let table = "metrics:\n  height: {terms: [height], unit: m}\nrecords:\n  - {entity: K2, metric: height, value: 8611}\n";
    let dir = project(
        "no-period",
        &[
            ("data/t.yaml", table),
            ("claims/a.md", "In 2020, K2 had a height of 8,511 metres.\n"),
        ],
    );
    let out = run_in(&dir, &["check", "--format", "json"], None);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let f = &v["findings"][0];
    assert_eq!(
        f["message"],
        "K2, height: the article says 8,511 metres; the table says 8611"
    );
    assert_eq!(f["period"], serde_json::Value::Null);

    fs::write(
        dir.join("data/t.yaml"),
        format!("{table}  - {{entity: Everest, metric: height, period: 2020, value: 8849}}\n"),
    )
    .unwrap();
    let out = run_in(&dir, &["check"], None);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains(
            "data/t.yaml:5:5: this record has a `period`, and the records before it have none"
        ),
        "{}",
        stderr(&out)
    );
}

#[test]
fn each_subcommand_takes_only_its_flags() {
    let dir = project("flags", &[]);
    for args in [
        &["snapshot", "--format", "html=x.html"][..],
        &["snapshot", "--select", "rank"],
        &["snapshot", "--baseline", "b.json"],
        &["snapshot", "--color", "never"],
        &["explain", "--config", "claimcheck.yaml"],
        &["extract", "--data", "data"],
        &["extract", "--color", "never"],
        &["init", "--format", "json"],
        &["check", "--accept"],
        &["--color", "never", "check"],
    ] {
        let out = run_in(&dir, args, None);
        assert_eq!(code(&out), 2, "{args:?} should be refused");
        assert!(
            stderr(&out).contains("unexpected argument"),
            "{args:?}: {}",
            stderr(&out)
        );
    }
    // Each flag still works where it belongs.
    let out = run_in(&dir, &["check", "--config", "none.yaml"], None);
    assert_eq!(code(&out), 2, "a missing config is an error");
    let out = run_in(
        &dir,
        &["snapshot", "--check", "--data", "data", "-j", "1"],
        None,
    );
    assert_eq!(code(&out), 1, "no snapshot yet: {}", stderr(&out));
    let out = run_in(
        &dir,
        &["check", "--color", "never", "--select", "rank"],
        None,
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
}

#[test]
fn packaging_files_are_valid_yaml_with_the_expected_keys() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let hooks: serde_json::Value =
        serde_saphyr::from_str(&fs::read_to_string(root.join(".pre-commit-hooks.yaml")).unwrap())
            .expect(".pre-commit-hooks.yaml parses");
    let hook = &hooks[0];
    assert_eq!(hook["id"], "claimcheck");
    assert_eq!(hook["language"], "rust");
    assert_eq!(hook["entry"], "claimcheck check");
    assert_eq!(hook["pass_filenames"], false);
    let files = regex_lite(hook["files"].as_str().unwrap());
    for name in ["a.md", "b.markdown", "c.txt", "t.yaml", "t.yml", "d.csv"] {
        assert!(files(name), "{name}");
    }
    assert!(!files("main.rs"));

    let action: serde_json::Value =
        serde_saphyr::from_str(&fs::read_to_string(root.join("action.yml")).unwrap())
            .expect("action.yml parses");
    assert_eq!(action["runs"]["using"], "composite");
    assert!(action["inputs"]["args"].is_object());
    assert!(action["inputs"]["sarif-file"].is_object());
    let steps = action["runs"]["steps"].as_array().unwrap();
    let text = serde_json::to_string(steps).unwrap();
    assert!(text.contains("cargo install --locked"));
    assert!(text.contains("claimcheck check"));
    assert!(text.contains("--format sarif="));
    assert!(text.contains("github/codeql-action/upload-sarif"));
}

/// The pre-commit `files` pattern, which is `\.(md|markdown|txt|ya?ml|csv)$`: whether it
/// matches `name` (checked by its extension, without a regex engine).
fn regex_lite(pattern: &str) -> impl Fn(&str) -> bool {
    assert_eq!(pattern, r"\.(md|markdown|txt|ya?ml|csv)$");
    |name: &str| {
        let ext = name.rsplit('.').next().unwrap_or_default();
        ["md", "markdown", "txt", "yaml", "yml", "csv"].contains(&ext)
    }
}
