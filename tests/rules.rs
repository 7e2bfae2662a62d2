//! Each rule on fixtures of its own: every line of `tests/fixtures/rules/*.md` is one case,
//! expected consistent, inconsistent or unverified, and the rendered findings are kept as
//! snapshots. The table (`golds.yaml`) holds real Olympic gold counts with a tie for first
//! (United States and China, 40 each in 2024), a group (`Europe combined`) and a total.

mod common;

use common::{run, stdout};

/// (line, kind, status) of every claim that is not a plain value.
fn shapes(article: &str) -> Vec<(u64, String, String, String)> {
    let path = format!("tests/fixtures/rules/{article}");
    let out = run(
        &[
            "check",
            &path,
            "--data",
            "tests/fixtures/rules/golds.yaml",
            "--format",
            "json",
        ],
        None,
    );
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    json["claims"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["kind"] != "value")
        .map(|c| {
            (
                c["line"].as_u64().unwrap(),
                c["kind"].as_str().unwrap().to_string(),
                c["text"].as_str().unwrap().to_string(),
                c["status"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[track_caller]
fn expect(article: &str, cases: &[(u64, &str, &str)]) {
    let got = shapes(article);
    for (line, kind, status) in cases {
        let hit = got.iter().find(|c| c.0 == *line && c.1 == *kind);
        assert!(
            hit.is_some_and(|c| c.3 == *status),
            "{article}:{line}: expected a {kind} claim {status}, got {hit:?}\nall: {got:#?}"
        );
    }
}

fn rendered(article: &str) -> String {
    let path = format!("tests/fixtures/rules/{article}");
    let out = run(
        &["check", &path, "--data", "tests/fixtures/rules/golds.yaml"],
        None,
    );
    stdout(&out)
}

#[test]
fn rank() {
    expect(
        "rank.md",
        &[
            (3, "rank", "consistent"),    // tied for first counts as first
            (5, "rank", "consistent"),    // the other one tied for first
            (7, "rank", "consistent"),    // third behind the two tied
            (9, "rank", "inconsistent"),  // fourth, not third
            (11, "rank", "consistent"),   // followed by the next one
            (13, "rank", "inconsistent"), // someone comes between
            (15, "rank", "consistent"),   // more than
            (17, "rank", "inconsistent"), // not more than
            (19, "rank", "consistent"),   // only these two above
            (21, "rank", "inconsistent"), // the list leaves one out
            (23, "rank", "inconsistent"), // outside the top three
            (25, "rank", "consistent"),   // inside the top three
            (27, "rank", "consistent"),   // a tie in 2020
            (29, "rank", "inconsistent"), // no tie in 2024
            (31, "rank", "unverified"),   // a regional scope the table does not define
        ],
    );
    insta::assert_snapshot!(rendered("rank.md"));
}

#[test]
fn trend() {
    expect(
        "trend.md",
        &[
            (3, "trend", "consistent"),    // fell, with both ends stated
            (5, "trend", "consistent"),    // rose against the period before
            (7, "trend", "inconsistent"),  // it fell
            (9, "trend", "inconsistent"),  // ×1.6 is not nearly doubled
            (11, "trend", "consistent"),   // by the right amount
            (13, "trend", "inconsistent"), // by the wrong amount
            (15, "trend", "consistent"),   // by about the right percentage
            (17, "trend", "inconsistent"), // by a wrong percentage
        ],
    );
    // A prediction is not checked.
    assert!(
        shapes("trend.md").iter().all(|c| c.0 != 19),
        "{:?}",
        shapes("trend.md")
    );
    insta::assert_snapshot!(rendered("trend.md"));
}

#[test]
fn share() {
    expect(
        "share.md",
        &[
            (3, "share", "consistent"),   // 40 of 329 is about 12 percent
            (5, "share", "inconsistent"), // not a quarter
            (7, "share", "consistent"),   // nearly an eighth
        ],
    );
    insta::assert_snapshot!(rendered("share.md"));
}
