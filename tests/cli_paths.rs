//! The command line when paths are written in different ways and inputs are missing: a run
//! must give the same answer from a subfolder, with absolute paths or with `../`, and a run
//! that checked nothing must not pass as green.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::{run_in, stderr, stdout};

const TABLE: &str = "metrics:\n  fighters: [fighters]\nrecords:\n  - {entity: Russia, metric: fighters, period: 2017, value: 3417}\n  - {entity: Tunisia, metric: fighters, period: 2017, value: 2926}\n  - {entity: France, metric: fighters, period: 2017, value: 1910}\n";

/// Line 3 is right, lines 5 and 7 are wrong.
const ARTICLE: &str = "# Fighters\n\nRussia sent 3,417 fighters.\n\nTunisia sent 2,920 fighters.\n\nFrance sent 1,500 fighters.\n";

/// A scratch project: `claims/a.md`, `data/t.yaml`, an empty `sub/`, and `files`.
fn project(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-paths-{name}"));
    let _ = fs::remove_dir_all(&dir);
    for sub in ["claims", "data", "sub"] {
        fs::create_dir_all(dir.join(sub)).unwrap();
    }
    fs::write(dir.join("claims/a.md"), ARTICLE).unwrap();
    fs::write(dir.join("data/t.yaml"), TABLE).unwrap();
    for (path, text) in files {
        if let Some(parent) = dir.join(path).parent() {
            fs::create_dir_all(parent).unwrap();
        }
        fs::write(dir.join(path), text).unwrap();
    }
    // Resolved, so that the absolute paths the tests pass are the ones git reports.
    dir.canonicalize().unwrap()
}

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Makes `dir` a git repository with everything in it committed. The identity is set in the
/// repository's own config, so the commit works on a machine with no global git identity.
fn commit_all(dir: &Path) {
    git(dir, &["init", "-q"]);
    git(dir, &["config", "user.name", "claimcheck tests"]);
    git(dir, &["config", "user.email", "tests@example.invalid"]);
    git(dir, &["config", "commit.gpgsign", "false"]);
    git(dir, &["add", "."]);
    git(dir, &["commit", "-q", "-m", "start"]);
}

fn code(o: &Output) -> i32 {
    o.status.code().unwrap_or(-1)
}

/// The text of each finding of a `--format json` run.
fn finding_texts(out: &Output) -> Vec<String> {
    let json: serde_json::Value = serde_json::from_str(&stdout(out))
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}\n{}", stdout(out), stderr(out)));
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["text"].as_str().unwrap().to_string())
        .collect()
}

fn abs(dir: &Path, rel: &str) -> String {
    dir.join(rel).to_string_lossy().into_owned()
}

#[test]
fn a_tables_csv_is_found_however_the_table_is_named() {
    let dir = project(
        "csv-paths",
        &[
            (
                "dir/table.yaml",
                "csv: x.csv\nentity: Country\nperiod: 2017\nmetrics:\n  fighters: {column: Fighters, terms: [fighters]}\n",
            ),
            ("dir/x.csv", "Country,Fighters\nTunisia,2926\n"),
            ("dir/article.md", "Tunisia sent 2,920 fighters.\n"),
        ],
    );
    let (article, table) = (abs(&dir, "dir/article.md"), abs(&dir, "dir/table.yaml"));
    let runs: Vec<(PathBuf, Vec<&str>)> = vec![
        (
            dir.clone(),
            vec!["dir/article.md", "--data", "dir/table.yaml"],
        ),
        (
            dir.clone(),
            vec!["./dir/article.md", "--data", "./dir/table.yaml"],
        ),
        (dir.clone(), vec!["./dir/article.md", "--data", "./dir"]),
        (dir.clone(), vec![&article, "--data", &table]),
        (
            dir.join("sub"),
            vec!["../dir/article.md", "--data", "../dir/table.yaml"],
        ),
        (
            dir.join("dir"),
            vec!["article.md", "--data", "./table.yaml"],
        ),
        (dir.join("dir"), vec!["article.md", "--data", "table.yaml"]),
    ];
    for (cwd, paths) in runs {
        let mut args = vec!["check", "--format", "json"];
        args.extend(paths.iter().copied());
        let out = run_in(&cwd, &args, None);
        assert_eq!(
            code(&out),
            1,
            "from {} with {paths:?}: {}",
            cwd.display(),
            stderr(&out)
        );
        assert_eq!(finding_texts(&out), ["2,920"]);
    }
}

#[test]
fn a_csv_file_is_not_a_table() {
    let dir = project(
        "csv-yaml",
        &[("data/raw.csv", "Country,Fighters\nRussia,3417\n")],
    );
    let out = run_in(&dir, &["check", "claims", "--data", "data/raw.csv"], None);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out)
            .contains("data/raw.csv: a CSV table needs a YAML descriptor (see README: csv:)"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn report_folders_are_created_and_files_named() {
    let dir = project("report-folders", &[]);
    let out = run_in(
        &dir,
        &[
            "check",
            "--format",
            "sarif=reports/x.sarif",
            "--format",
            "json=reports/deep/er/r.json",
        ],
        None,
    );
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(dir.join("reports/x.sarif").is_file());
    assert!(dir.join("reports/deep/er/r.json").is_file());
    assert_eq!(stdout(&out), "", "every report went to a file");
    let err = stderr(&out);
    assert!(
        err.contains("1 file, 3 claims: 3 checked, 0 unverified; 2 errors, 0 warnings, 0 notes\n"),
        "{err}"
    );
    assert!(
        err.contains("wrote reports/x.sarif\nwrote reports/deep/er/r.json\n"),
        "{err}"
    );
    let leftovers: Vec<String> = fs::read_dir(dir.join("reports"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("claimcheck-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    // With one report on standard output, standard error stays quiet.
    let out = run_in(
        &dir,
        &[
            "check",
            "--format",
            "text",
            "--format",
            "json=reports/r.json",
        ],
        None,
    );
    assert!(!stderr(&out).contains("wrote"), "{}", stderr(&out));
}

#[test]
fn changed_since_matches_from_any_folder() {
    let dir = project("changed", &[]);
    commit_all(&dir);
    fs::write(
        dir.join("claims/a.md"),
        ARTICLE.replace("France sent 1,500", "France sent 1,400"),
    )
    .unwrap();
    let (article, data) = (abs(&dir, "claims/a.md"), abs(&dir, "data"));
    let runs: Vec<(PathBuf, Vec<&str>)> = vec![
        (dir.clone(), vec!["claims/a.md", "--data", "data"]),
        (dir.clone(), vec!["./claims/a.md", "--data", "./data"]),
        (dir.clone(), vec![&article, "--data", &data]),
        (dir.join("sub"), vec!["../claims/a.md", "--data", "../data"]),
        (dir.join("sub"), vec![&article, "--data", &data]),
        (dir.join("claims"), vec!["a.md", "--data", "../data"]),
        (dir.join("claims"), vec!["../claims", "--data", "../data"]),
    ];
    for (cwd, paths) in runs {
        let mut args = vec!["check", "--changed-since", "HEAD", "--format", "json"];
        args.extend(paths.iter().copied());
        let out = run_in(&cwd, &args, None);
        assert_eq!(
            finding_texts(&out),
            ["1,400"],
            "from {} with {paths:?}: {}",
            cwd.display(),
            stderr(&out)
        );
        assert_eq!(code(&out), 1, "{}", stderr(&out));
    }
}

#[test]
fn changed_since_counts_table_edits() {
    // A table row changes so that a sentence nobody touched now disagrees with it; the run
    // must report that sentence. The same for a row of a CSV file behind a table.
    let dir = project(
        "changed-table",
        &[
            ("claims/b.md", "Germany sent 960 fighters.\n"),
            (
                "data/csv.yaml",
                "csv: c.csv\nentity: Country\nperiod: 2017\nmetrics:\n  fighters: {column: Fighters, terms: [fighters]}\n",
            ),
            ("data/c.csv", "Country,Fighters\nBelgium,528\nGermany,960\n"),
        ],
    );
    commit_all(&dir);
    fs::write(
        dir.join("data/t.yaml"),
        TABLE.replace("value: 3417", "value: 3500"),
    )
    .unwrap();
    fs::write(
        dir.join("data/c.csv"),
        "Country,Fighters\nBelgium,528\nGermany,915\n",
    )
    .unwrap();
    let runs: Vec<(PathBuf, Vec<String>)> = vec![
        (
            dir.clone(),
            vec!["claims".into(), "--data".into(), "data".into()],
        ),
        (
            dir.join("sub"),
            vec!["../claims".into(), "--data".into(), "../data".into()],
        ),
        (
            dir.join("sub"),
            vec![abs(&dir, "claims"), "--data".into(), abs(&dir, "data")],
        ),
    ];
    for (cwd, paths) in runs {
        let mut args = vec!["check", "--changed-since", "HEAD", "--format", "json"];
        args.extend(paths.iter().map(String::as_str));
        let out = run_in(&cwd, &args, None);
        assert_eq!(
            finding_texts(&out),
            ["3,417", "960"],
            "from {} with {paths:?}: {}",
            cwd.display(),
            stderr(&out)
        );
        assert_eq!(code(&out), 1);
    }
}

#[test]
fn changed_since_counts_new_files() {
    let dir = project("changed-new", &[]);
    commit_all(&dir);
    fs::write(dir.join("claims/new.md"), "Tunisia sent 2,600 fighters.\n").unwrap();
    let out = run_in(
        &dir.join("sub"),
        &[
            "check",
            "../claims",
            "--data",
            "../data",
            "--changed-since",
            "HEAD",
            "--format",
            "json",
        ],
        None,
    );
    assert_eq!(finding_texts(&out), ["2,600"], "{}", stderr(&out));
}

#[test]
fn no_input_is_not_success() {
    let dir = project(
        "empty",
        &[
            ("empty/.keep", ""),
            ("none.jsonl", "\n"),
            ("drafts/notes.csv", "not an article\n"),
            ("config-none/claimcheck.yaml", "articles: [drafts]\n"),
            ("config-empty/claimcheck.yaml", "articles: []\n"),
            ("config-notables/claimcheck.yaml", "tables: []\n"),
        ],
    );
    fs::create_dir_all(dir.join("config-none/drafts")).unwrap();
    for sub in ["config-none", "config-empty", "config-notables"] {
        fs::create_dir_all(dir.join(sub).join("claims")).unwrap();
        fs::create_dir_all(dir.join(sub).join("data")).unwrap();
        fs::write(dir.join(sub).join("claims/a.md"), ARTICLE).unwrap();
        fs::write(dir.join(sub).join("data/t.yaml"), TABLE).unwrap();
    }
    let cases: &[(&str, &[&str], &str)] = &[
        (
            "",
            &["check", "empty", "--data", "data"],
            "no articles found: ",
        ),
        (
            "",
            &["check", "drafts", "--data", "data"],
            "no articles found: ",
        ),
        (
            "",
            &["check", "claims/**/*.txt", "--data", "data"],
            "no articles found: ",
        ),
        ("config-none", &["check"], "no articles found: "),
        ("config-empty", &["check"], "no articles found: "),
        (
            "",
            &["check", "claims", "--data", "empty"],
            "no tables loaded: ",
        ),
        ("config-notables", &["check"], "no tables loaded: "),
        ("", &["extract", "empty"], "no articles found: "),
        (
            "",
            &["check", "--input", "jsonl", "none.jsonl", "--data", "data"],
            "no documents found: ",
        ),
    ];
    for (sub, args, needle) in cases {
        let cwd = dir.join(sub);
        let out = run_in(&cwd, args, None);
        let err = stderr(&out);
        assert_eq!(code(&out), 2, "{sub} {args:?}: {err}");
        assert!(
            err.contains(needle),
            "{sub} {args:?}: {err:?} lacks {needle:?}"
        );
        let mut allowed = args.to_vec();
        allowed.push("--allow-empty");
        let out = run_in(&cwd, &allowed, None);
        let err = stderr(&out);
        assert_eq!(code(&out), 0, "{sub} {allowed:?}: {err}");
        assert!(
            err.contains(needle),
            "{sub} {allowed:?}: {err:?} lacks {needle:?}"
        );
    }
    // A table given as the only article is skipped with a note, which leaves no article.
    let out = run_in(&dir, &["check", "data/t.yaml", "--data", "data"], None);
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(
        err.contains("data/t.yaml") && err.contains("skipped") && err.contains("no articles found"),
        "{err}"
    );
}

#[test]
fn a_table_given_as_an_article_is_skipped() {
    let dir = project("yaml-article", &[]);
    // A YAML file among the articles is skipped with a note; the others are checked.
    let out = run_in(
        &dir,
        &[
            "check",
            "claims/a.md",
            "data/t.yaml",
            "--data",
            "data",
            "--format",
            "json",
        ],
        None,
    );
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("note: data/t.yaml:") && stderr(&out).contains("skipped"),
        "{}",
        stderr(&out)
    );
    assert_eq!(finding_texts(&out), ["2,920", "1,500"]);
}

/// Runs with the same articles named in different ways, against a baseline written at the
/// project's root: nothing is new and nothing is gone.
fn assert_baseline_holds(dir: &Path, base: &str) {
    let (article, data) = (abs(dir, "claims/a.md"), abs(dir, "data"));
    let base_abs = abs(dir, base);
    let runs: Vec<(PathBuf, Vec<&str>)> = vec![
        (dir.to_path_buf(), vec!["claims/a.md", "--data", "data"]),
        (dir.to_path_buf(), vec![&article, "--data", &data]),
        (dir.join("claims"), vec!["a.md", "--data", "../data"]),
        (dir.join("sub"), vec!["../claims/a.md", "--data", "../data"]),
        (dir.join("sub"), vec![&article, "--data", &data]),
    ];
    for (cwd, paths) in runs {
        let mut args = vec!["check", "--baseline", &base_abs, "--format", "json"];
        args.extend(paths.iter().copied());
        let out = run_in(&cwd, &args, None);
        let err = stderr(&out);
        assert_eq!(
            finding_texts(&out),
            Vec::<String>::new(),
            "from {} with {paths:?}: {err}",
            cwd.display()
        );
        assert!(!err.contains("baseline entry gone"), "{paths:?}: {err}");
        assert_eq!(code(&out), 0, "{err}");
    }
}

fn baseline_paths(file: &Path) -> Vec<String> {
    let json: serde_json::Value = serde_json::from_str(&fs::read_to_string(file).unwrap()).unwrap();
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn baselines_do_not_depend_on_how_paths_are_written() {
    // In a git repository with no config: paths from the repository's top folder.
    let dir = project("baseline-git", &[]);
    commit_all(&dir);
    let out = run_in(&dir, &["check", "--write-baseline", "base.json"], None);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(
        baseline_paths(&dir.join("base.json")),
        ["claims/a.md", "claims/a.md"]
    );
    assert_baseline_holds(&dir, "base.json");

    // Written from a subfolder with `../` paths, the baseline is the same file.
    let out = run_in(
        &dir.join("sub"),
        &[
            "check",
            "../claims",
            "--data",
            "../data",
            "--write-baseline",
            "../again.json",
        ],
        None,
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(
        fs::read(dir.join("again.json")).unwrap(),
        fs::read(dir.join("base.json")).unwrap()
    );

    // With a claimcheck.yaml: paths from its folder, which is found from any subfolder.
    let dir = project(
        "baseline-config",
        &[("claimcheck.yaml", "articles: [claims]\ntables: [data]\n")],
    );
    let out = run_in(&dir, &["check", "--write-baseline", "base.json"], None);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(
        baseline_paths(&dir.join("base.json")),
        ["claims/a.md", "claims/a.md"]
    );
    assert_baseline_holds(&dir, "base.json");
    // The config's own lists, read from a subfolder, resolve to the same files.
    let out = run_in(
        &dir.join("sub"),
        &["check", "--baseline", "../base.json"],
        None,
    );
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
}

#[test]
fn writing_a_baseline_succeeds_and_says_so() {
    let dir = project("write-baseline", &[]);
    let out = run_in(
        &dir,
        &["check", "--write-baseline", "baselines/base.json"],
        None,
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("wrote 2 entries to baselines/base.json"),
        "{}",
        stderr(&out)
    );
    assert!(dir.join("baselines/base.json").is_file());
}
