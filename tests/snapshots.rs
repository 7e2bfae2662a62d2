//! Snapshots of `extract` and `check` on every article in `claims/`.
//! Review changes with `cargo insta review`.

mod common;

use common::{articles, run, stdout};

#[test]
fn extract_snapshots() {
    for name in articles() {
        let path = format!("claims/{name}");
        let out = run(&["extract", &path, "--format", "json"], None);
        assert!(out.status.success(), "extract {path} failed");
        let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("valid JSON");
        insta::assert_yaml_snapshot!(format!("extract-{name}"), json);
    }
}

#[test]
fn check_text_snapshots() {
    for name in articles() {
        let path = format!("claims/{name}");
        let out = run(&["check", &path], None);
        assert!(
            out.status.code().is_some_and(|c| c == 0 || c == 1),
            "check {path}"
        );
        insta::assert_snapshot!(format!("check-text-{name}"), stdout(&out));
    }
}

#[test]
fn check_json_snapshots() {
    for name in articles() {
        let path = format!("claims/{name}");
        let out = run(&["check", &path, "--format", "json"], None);
        let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("valid JSON");
        insta::assert_json_snapshot!(format!("check-json-{name}"), json);
    }
}
