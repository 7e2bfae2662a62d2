//! The same inputs give byte-identical output in every format, whatever the number of
//! threads, the order in which files were created on disk and their mtimes, and the locale.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const FORMATS: &[&str] = &[
    "text", "json", "jsonl", "sarif", "github", "junit", "markdown", "html",
];

/// Copies `claims/` and `data/` into `dest`, creating the files in `order` (sorted or
/// reversed) and giving them distinct mtimes in that order.
fn copy_tree(dest: &Path, reverse: bool) {
    let _ = fs::remove_dir_all(dest);
    let mut files: Vec<PathBuf> = Vec::new();
    for folder in ["claims", "data"] {
        collect(&common::root(), Path::new(folder), &mut files);
    }
    files.sort();
    if reverse {
        files.reverse();
    }
    let base = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for (i, rel) in files.iter().enumerate() {
        let to = dest.join(rel);
        fs::create_dir_all(to.parent().unwrap()).unwrap();
        fs::copy(common::root().join(rel), &to).unwrap();
        let f = fs::File::options().write(true).open(&to).unwrap();
        f.set_modified(base + std::time::Duration::from_secs(60 * i as u64))
            .unwrap();
    }
}

/// Files under `root/rel`, relative to `root`; the snapshots folder is left out.
fn collect(root: &Path, rel: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(root.join(rel)).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name();
        let path = rel.join(&name);
        if entry.file_type().unwrap().is_dir() {
            if !name.to_string_lossy().starts_with('.') {
                collect(root, &path, out);
            }
        } else {
            out.push(path);
        }
    }
}

/// Runs `check` in `dir` with `format`, `threads` and `locale`; returns (exit code, stdout).
fn check(dir: &Path, format: &str, threads: &str, locale: &str) -> (Option<i32>, Vec<u8>) {
    let out = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args([
            "check", "claims", "--data", "data", "--format", format, "-j", threads,
        ])
        .current_dir(dir)
        .env("LC_ALL", locale)
        .env("LANG", locale)
        .env(
            "TZ",
            if locale == "C" {
                "UTC"
            } else {
                "Europe/Istanbul"
            },
        )
        .env_remove("NO_COLOR")
        .env_remove("GITHUB_STEP_SUMMARY")
        .stdin(Stdio::null())
        .output()
        .expect("claimcheck runs");
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("panicked"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code(), out.stdout)
}

#[test]
fn output_is_byte_identical_across_runs_threads_orderings_and_locales() {
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR")).join("determinism");
    let sorted = tmp.join("sorted");
    let reversed = tmp.join("reversed");
    copy_tree(&sorted, false);
    copy_tree(&reversed, true);
    let mut mismatches = Vec::new();
    for format in FORMATS {
        let reference = check(&sorted, format, "1", "C");
        assert!(
            !reference.1.is_empty(),
            "{format}: no output on standard output"
        );
        let variants = [
            (&sorted, "1", "C"),
            (&sorted, "2", "C"),
            (&sorted, "8", "C"),
            (&reversed, "8", "C"),
            (&reversed, "2", "tr_TR.UTF-8"),
            (&sorted, "8", "de_DE.UTF-8"),
            (&reversed, "1", "de_DE.UTF-8"),
        ];
        for (dir, threads, locale) in variants {
            let got = check(dir, format, threads, locale);
            if got != reference {
                let name = dir.file_name().unwrap().to_string_lossy();
                mismatches.push(format!(
                    "{format}: {name} -j {threads} LC_ALL={locale} differs (exit {:?} vs {:?})",
                    got.0, reference.0
                ));
            }
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}

/// `extract` is deterministic too, and does not depend on the folder's creation order.
#[test]
fn extract_is_byte_identical_across_orderings() {
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR")).join("determinism-extract");
    let sorted = tmp.join("sorted");
    let reversed = tmp.join("reversed");
    copy_tree(&sorted, false);
    copy_tree(&reversed, true);
    let run = |dir: &Path| {
        Command::new(env!("CARGO_BIN_EXE_claimcheck"))
            .args(["extract", "claims", "--format", "json"])
            .current_dir(dir)
            .stdin(Stdio::null())
            .output()
            .unwrap()
            .stdout
    };
    let a = run(&sorted);
    assert!(!a.is_empty());
    assert_eq!(a, run(&sorted));
    assert_eq!(a, run(&reversed));
}
