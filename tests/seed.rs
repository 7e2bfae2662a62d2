//! The seed article: the published story this project started from, checked against the
//! Soufan Center's table. It must give exactly three places of error and nothing else wrong.

mod common;

use common::{run, shared, stdout};

#[test]
fn seed_gives_exactly_the_three_known_errors() {
    let Some(shared) = shared() else {
        eprintln!("seed: ../shared not found, skipped");
        return;
    };
    let seed = shared.join("seeds").join("000_656cc266ffc997e9.txt");
    let seed = seed.to_string_lossy().into_owned();
    let out = run(
        &[
            "check",
            &seed,
            "--data",
            "data/soufan-2017.yaml",
            "--format",
            "json",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1), "errors found, exit 1");
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let errors: Vec<(String, String, String)> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["severity"] == "error")
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["text"].as_str().unwrap().to_string(),
                f["entity"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    let expected = [
        ("value-mismatch", "2,920", "Tunisia"),
        ("value-mismatch", "about 1,910", "Tunisia"),
        ("value-mismatch", "800", "United Kingdom"),
    ];
    let expected: Vec<(String, String, String)> = expected
        .iter()
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
        .collect();
    assert_eq!(errors, expected);

    // Everything else the article states is consistent or honestly unverified.
    let status = |text: &str, entity: &str| -> String {
        json["claims"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["text"] == text && c["entity"].as_str().unwrap_or("") == entity)
            .map(|c| c["status"].as_str().unwrap().to_string())
            .unwrap_or_else(|| panic!("no claim {text} for {entity}"))
    };
    assert_eq!(status("2,400", "Russia"), "consistent");
    assert_eq!(status("approximately 3,417", "Russia"), "consistent");
    assert_eq!(status("2,500", "Saudi Arabia"), "consistent");
    assert_eq!(status("3,244", "Saudi Arabia"), "consistent");
    assert_eq!(status("approximately 3,000", "Jordan"), "consistent");
    assert_eq!(status("about 1,910", "France"), "consistent");
    assert_eq!(status("400", "Russia"), "consistent");
    assert_eq!(status("about 800", "Tunisia"), "consistent");
    // Borderline by design: "about 800" is printed to the hundred, so it covers 750 to 850
    // and agrees with the table's 760.
    assert_eq!(status("about 800", "Saudi Arabia"), "consistent");
    assert_eq!(status("over a dozen", ""), "unverified");
}

#[test]
fn example_article_gives_its_findings_on_a_fresh_clone() {
    let out = run(&["check", "--format", "json"], None);
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let soufan: Vec<(String, String)> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["path"] == "claims/soufan-2017.md" && f["severity"] == "error")
        .map(|f| {
            (
                f["rule"].as_str().unwrap().into(),
                f["text"].as_str().unwrap().into(),
            )
        })
        .collect();
    let expected: Vec<(String, String)> = [
        ("value-mismatch", "2,920"),
        ("value-mismatch", "about 1,910"),
        ("value-mismatch", "800"),
    ]
    .iter()
    .map(|(a, b)| (a.to_string(), b.to_string()))
    .collect();
    assert_eq!(soufan, expected);
}
