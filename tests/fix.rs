//! `check --fix`, `check --fix --diff`, the `help:` line of the text report and the SARIF
//! `fixes`: a wrong exact figure is rewritten with the table's value in the article's own
//! style, and nothing else in the file moves.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{run_in, stderr, stdout};
use serde_json::Value;

const TABLE: &str = "title: Test
metrics:
  fighters: [fighters]
  population: [residents]
  budget: {terms: [budget], unit: USD}
  turnout: {terms: [turnout], unit: \"%\"}
records:
  - {entity: Russia, metric: fighters, period: 2017, value: 3417}
  - {entity: Tunisia, metric: fighters, period: 2017, value: 2926}
  - {entity: France, metric: fighters, period: 2017, value: 1910}
  - {entity: Chad, metric: fighters, period: 2017, value: 1050}
  - {entity: Morocco, metric: fighters, period: 2017, value: 1623}
  - {entity: Mali, metric: fighters, period: 2017, value: about 400}
  - {entity: Wales, metric: population, period: 2017, value: 3449112}
  - {entity: Wales, metric: budget, period: 2017, value: 4500000000}
  - {entity: Wales, metric: turnout, period: 2017, value: 45.2}
";

/// Four exact figures to fix (two on one line), and hedged ones, a range and a figure
/// against a hedged table value that must stay as they are.
const ARTICLE: &str = "# Fighters in 2017

Russia sent 3,417 fighters in 2017. Tunisia sent 2,920 fighters in 2017.

France sent about 1,500 fighters in 2017, and Chad sent 800 fighters in 2017.

Morocco sent between 1,000 and 1,200 fighters in 2017. Tunisia sent more than 3,000 fighters in 2017.

Mali sent 600 fighters in 2017. Chad sent nearly 800 fighters in 2017.

Wales had 2.9 million residents in 2017. The Welsh budget was $4.2bn in 2017.
";

/// `ARTICLE` as `--fix` leaves it.
const FIXED: &str = "# Fighters in 2017

Russia sent 3,417 fighters in 2017. Tunisia sent 2,926 fighters in 2017.

France sent about 1,500 fighters in 2017, and Chad sent 1,050 fighters in 2017.

Morocco sent between 1,000 and 1,200 fighters in 2017. Tunisia sent more than 3,000 fighters in 2017.

Mali sent 600 fighters in 2017. Chad sent nearly 800 fighters in 2017.

Wales had 3.4 million residents in 2017. The Welsh budget was $4.5bn in 2017.
";

fn project(name: &str, article: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("fix-{name}"));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(dir.join("claims")).unwrap();
    fs::create_dir_all(dir.join("data")).unwrap();
    fs::write(dir.join("claims/a.md"), article).unwrap();
    fs::write(dir.join("data/t.yaml"), TABLE).unwrap();
    dir
}

fn code(o: &std::process::Output) -> i32 {
    o.status.code().unwrap_or(-1)
}

fn article(dir: &Path) -> String {
    fs::read_to_string(dir.join("claims/a.md")).unwrap()
}

/// Every file in the project, for spotting a stray temporary file.
fn listing(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for sub in ["", "claims", "data"] {
        let mut names: Vec<String> = fs::read_dir(dir.join(sub))
            .unwrap()
            .map(|e| format!("{sub}/{}", e.unwrap().file_name().to_string_lossy()))
            .collect();
        names.sort();
        out.extend(names);
    }
    out
}

#[test]
fn help_line_gives_the_table_value_in_the_article_style() {
    let dir = project("help", ARTICLE);
    let out = run_in(&dir, &["check", "--color", "never"], None);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let text = stdout(&out);
    for help in [
        "help: the table says 2,926 (data/t.yaml:9)",
        "help: the table says 1,050 (data/t.yaml:11)",
        // Millions stay millions, to the article's one decimal.
        "help: the table says 3.4 million (data/t.yaml:14)",
        // The currency sign and the scale word are kept.
        "help: the table says $4.5bn (data/t.yaml:15)",
        // A hedged figure gets a suggestion (without its hedge) but no fix.
        "help: the table says 1,910 (data/t.yaml:10)",
        "help: the table says 2,926 (data/t.yaml:9)",
    ] {
        assert!(text.contains(help), "missing {help:?} in:\n{text}");
    }
    // No suggestion for a range, nor against a table value that is itself approximate.
    let after = |needle: &str| {
        let i = text.find(needle).expect(needle);
        let rest = &text[i..];
        rest[..rest.find("\n\n").unwrap_or(rest.len())].to_string()
    };
    assert!(!after("between 1,000 and 1,200").contains("help:"));
    assert!(!after("the article says 600").contains("help:"));
}

#[test]
fn fix_rewrites_exact_figures_and_nothing_else() {
    let dir = project("rewrite", ARTICLE);
    let out = run_in(&dir, &["check", "--fix", "--color", "never"], None);
    assert_eq!(article(&dir), FIXED, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("fixed 4 figures in claims/a.md"),
        "{}",
        stderr(&out)
    );
    // The report speaks of what remains: the hedged figures, the range and the figure
    // against an approximate table value are still errors, the fixed ones are gone.
    assert_eq!(code(&out), 1);
    let report = stdout(&out);
    assert!(!report.contains("the article says 2,920"), "{report}");
    assert!(!report.contains("the article says 2.9 million"), "{report}");
    assert!(report.contains("the article says about 1,500"), "{report}");
    assert!(
        report.contains("the article says more than 3,000"),
        "{report}"
    );
    assert!(report.contains("the article says nearly 800"), "{report}");
    assert!(
        report.contains("the article says between 1,000 and 1,200"),
        "{report}"
    );
    assert!(report.contains("; 5 errors,"), "{report}");
}

#[test]
fn fixes_change_only_the_bytes_of_the_figures() {
    let dir = project("bytes", ARTICLE);
    run_in(&dir, &["check", "--fix"], None);
    let after = article(&dir);
    // Undo the four replacements by hand: what is left is the original, byte for byte.
    let undone = after
        .replacen("2,926 fighters", "2,920 fighters", 1)
        .replacen("1,050 fighters", "800 fighters", 1)
        .replacen("3.4 million", "2.9 million", 1)
        .replacen("$4.5bn", "$4.2bn", 1);
    assert_eq!(undone, ARTICLE);
    // A file with CRLF line ends, a BOM and no final newline keeps all three.
    let crlf = format!("\u{feff}{}", ARTICLE.trim_end().replace('\n', "\r\n"));
    let dir = project("crlf", &crlf);
    run_in(&dir, &["check", "--fix"], None);
    let fixed = format!("\u{feff}{}", FIXED.trim_end().replace('\n', "\r\n"));
    assert_eq!(article(&dir), fixed);
}

#[test]
fn fix_diff_prints_a_unified_diff_and_writes_nothing() {
    let dir = project("diff", ARTICLE);
    let out = run_in(&dir, &["check", "--fix", "--diff"], None);
    assert_eq!(article(&dir), ARTICLE, "--diff writes nothing");
    let diff = stdout(&out);
    assert_eq!(
        diff,
        "--- claims/a.md
+++ claims/a.md
@@ -1,11 +1,11 @@
 # Fighters in 2017
 
-Russia sent 3,417 fighters in 2017. Tunisia sent 2,920 fighters in 2017.
+Russia sent 3,417 fighters in 2017. Tunisia sent 2,926 fighters in 2017.
 
-France sent about 1,500 fighters in 2017, and Chad sent 800 fighters in 2017.
+France sent about 1,500 fighters in 2017, and Chad sent 1,050 fighters in 2017.
 
 Morocco sent between 1,000 and 1,200 fighters in 2017. Tunisia sent more than 3,000 fighters in 2017.
 
 Mali sent 600 fighters in 2017. Chad sent nearly 800 fighters in 2017.
 
-Wales had 2.9 million residents in 2017. The Welsh budget was $4.2bn in 2017.
+Wales had 3.4 million residents in 2017. The Welsh budget was $4.5bn in 2017.
"
    );
    // The report is not mixed into the diff; its summary goes to standard error.
    assert!(stderr(&out).contains("5 errors"), "{}", stderr(&out));
    assert_eq!(code(&out), 1);
    // The diff is the change --fix makes.
    let patched = dir.join("patched.md");
    fs::write(&patched, ARTICLE).unwrap();
    let applied = std::process::Command::new("patch")
        .arg(&patched)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child
                .stdin
                .take()
                .expect("stdin")
                .write_all(diff.as_bytes())?;
            child.wait()
        });
    match applied {
        Ok(status) => {
            assert!(status.success());
            assert_eq!(fs::read_to_string(&patched).unwrap(), FIXED);
        }
        Err(e) => eprintln!("skipped applying the diff: `patch` is not available ({e})"),
    }
}

#[test]
fn a_second_run_has_nothing_left_to_fix() {
    let dir = project("twice", ARTICLE);
    run_in(&dir, &["check", "--fix"], None);
    assert_eq!(article(&dir), FIXED);
    let out = run_in(&dir, &["check", "--fix", "--diff"], None);
    assert_eq!(stdout(&out), "", "nothing left to fix");
    let out = run_in(&dir, &["check", "--fix"], None);
    assert_eq!(article(&dir), FIXED);
    assert!(!stderr(&out).contains("fixed"), "{}", stderr(&out));
}

#[test]
fn hedged_figures_ranges_and_approximate_table_values_are_left_alone() {
    let text = "Tunisia sent about 2,920 fighters in 2017. Chad sent nearly 800 fighters in 2017. \
                Morocco sent between 1,000 and 1,200 fighters in 2017. Tunisia sent more than \
                3,000 fighters in 2017. Mali sent 600 fighters in 2017. Chad sent up to 800 \
                fighters in 2017.\n";
    let dir = project("hedged", text);
    let out = run_in(&dir, &["check", "--fix"], None);
    assert_eq!(article(&dir), text);
    assert_eq!(code(&out), 1, "the errors remain");
    let out = run_in(&dir, &["check", "--fix", "--diff"], None);
    assert_eq!(stdout(&out), "");
}

#[test]
fn exit_code_after_fix_reflects_the_findings_that_remain() {
    let text = "Tunisia sent 2,920 fighters in 2017. Chad sent 800 fighters in 2017.\n";
    let dir = project("exit", text);
    assert_eq!(code(&run_in(&dir, &["check"], None)), 1);
    let out = run_in(&dir, &["check", "--fix"], None);
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
    assert_eq!(
        article(&dir),
        "Tunisia sent 2,926 fighters in 2017. Chad sent 1,050 fighters in 2017.\n"
    );
    assert!(stdout(&out).contains("0 errors"), "{}", stdout(&out));
    // --diff alone exits as the run after the fix would.
    let dir = project("exit-diff", text);
    let out = run_in(&dir, &["check", "--fix", "--diff"], None);
    assert_eq!(code(&out), 0);
    assert_eq!(article(&dir), text);
}

#[test]
fn fix_writes_atomically_and_leaves_no_temporary_file() {
    let dir = project("atomic", ARTICLE);
    let before = listing(&dir);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let p = dir.join("claims/a.md");
        fs::set_permissions(&p, fs::Permissions::from_mode(0o640)).unwrap();
    }
    run_in(&dir, &["check", "--fix"], None);
    assert_eq!(article(&dir), FIXED);
    assert_eq!(listing(&dir), before, "no stray file");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(dir.join("claims/a.md"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o640, "permissions are kept");
    }
    // A folder that cannot be written: the article is left whole, the run exits 2, and no
    // temporary file is left behind.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let dir = project("readonly", ARTICLE);
        let claims = dir.join("claims");
        fs::set_permissions(&claims, fs::Permissions::from_mode(0o555)).unwrap();
        let probe = claims.join(".probe");
        // Running as root ignores permissions: nothing to test then.
        if fs::write(&probe, "").is_err() {
            let out = run_in(&dir, &["check", "--fix"], None);
            assert_eq!(code(&out), 2, "{}", stderr(&out));
            assert!(stderr(&out).contains("cannot write the fixes"));
            assert_eq!(article(&dir), ARTICLE);
        } else {
            let _ = fs::remove_file(&probe);
        }
        fs::set_permissions(&claims, fs::Permissions::from_mode(0o755)).unwrap();
        let names: Vec<_> = fs::read_dir(&claims).unwrap().collect();
        assert_eq!(names.len(), 1, "no temporary file");
    }
}

#[test]
fn fix_refuses_standard_input_unless_diff() {
    let dir = project("stdin", ARTICLE);
    let out = run_in(&dir, &["check", "-", "--fix"], Some(ARTICLE));
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("standard input"), "{}", stderr(&out));
    let out = run_in(
        &dir,
        &[
            "check",
            "-",
            "--stdin-filename",
            "claims/a.md",
            "--fix",
            "--diff",
        ],
        Some(ARTICLE),
    );
    assert!(
        stdout(&out).contains("+Russia sent 3,417 fighters in 2017. Tunisia sent 2,926"),
        "{}",
        stdout(&out)
    );
    assert_eq!(article(&dir), ARTICLE);
    // --diff needs --fix.
    let out = run_in(&dir, &["check", "--diff"], None);
    assert_eq!(code(&out), 2);
}

/// Applies the SARIF `fixes` of a run to the article, by character offset.
fn apply_sarif_fixes(sarif: &Value, source: &str) -> String {
    let mut edits: Vec<(usize, usize, String)> = Vec::new();
    for r in sarif["runs"][0]["results"].as_array().unwrap() {
        for fix in r["fixes"].as_array().into_iter().flatten() {
            for change in fix["artifactChanges"].as_array().unwrap() {
                assert_eq!(change["artifactLocation"]["uri"], "claims/a.md");
                for rep in change["replacements"].as_array().unwrap() {
                    let region = &rep["deletedRegion"];
                    let offset = region["charOffset"].as_u64().unwrap() as usize;
                    let len = region["charLength"].as_u64().unwrap() as usize;
                    let text = rep["insertedContent"]["text"].as_str().unwrap();
                    edits.push((offset, len, text.to_string()));
                }
            }
        }
    }
    edits.sort();
    let mut chars: Vec<char> = source.chars().collect();
    for (offset, len, text) in edits.into_iter().rev() {
        chars.splice(offset..offset + len, text.chars());
    }
    chars.into_iter().collect()
}

#[test]
fn sarif_fixes_are_the_fixes_of_fix() {
    let dir = project("sarif", ARTICLE);
    let out = run_in(&dir, &["check", "--format", "sarif"], None);
    let sarif: Value = serde_json::from_str(&stdout(&out)).expect("SARIF is JSON");
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let with_fix: Vec<&Value> = results
        .iter()
        .filter(|r| r.get("fixes").is_some())
        .collect();
    assert_eq!(with_fix.len(), 4, "one fix per figure --fix rewrites");
    for r in &with_fix {
        assert_eq!(r["ruleId"], "value-mismatch");
        let fix = &r["fixes"][0];
        assert!(fix["description"]["text"]
            .as_str()
            .unwrap()
            .starts_with("Replace "));
        // The deleted region lies inside the result's own region, on the same line.
        let region = &fix["artifactChanges"][0]["replacements"][0]["deletedRegion"];
        let at = &r["locations"][0]["physicalLocation"]["region"];
        assert_eq!(region["startLine"], at["startLine"]);
        assert!(region["startColumn"].as_u64() >= at["startColumn"].as_u64());
        assert!(region["endColumn"].as_u64() <= at["endColumn"].as_u64());
    }
    // Hedged figures and the range get none.
    for r in results {
        let text = r["locations"][0]["physicalLocation"]["region"]["snippet"]["text"]
            .as_str()
            .unwrap_or_default();
        if ["about", "nearly", "more than", "between"]
            .iter()
            .any(|h| text.starts_with(h))
        {
            assert!(r.get("fixes").is_none(), "no fix for {text}");
        }
    }
    assert_eq!(apply_sarif_fixes(&sarif, ARTICLE), FIXED);
}
