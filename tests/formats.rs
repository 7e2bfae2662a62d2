//! The machine and CI formats: SARIF, JUnit XML, Markdown, GitHub workflow commands and JSON
//! Lines. Each writer is run through the library on the articles in `claims/` and its output
//! is both snapshotted and checked for structure (SARIF against the required shape of the
//! 2.1.0 schema, JUnit for XML well-formedness, JSON Lines line by line).
//! Review snapshot changes with `cargo insta review`.

mod common;

use std::path::Path;

use claimcheck::claim::Linker;
use claimcheck::report::{github, jsonl, junit, markdown, sarif, Context};
use claimcheck::rules::{Severity, Tolerances, RULES};
use claimcheck::table::Table;
use claimcheck::{check_source, FileReport, Format, Status};
use serde_json::Value;

const VERSION: &str = "1.2.3-test";

/// Every table in `data/`, as `claimcheck check` loads them (sorted, paths as `data/…`).
fn tables() -> Vec<Table> {
    let root = common::root();
    let mut names: Vec<String> = std::fs::read_dir(root.join("data"))
        .expect("data/ exists")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".yaml"))
        .collect();
    names.sort();
    names
        .iter()
        .map(|n| {
            let path = format!("data/{n}");
            let text = std::fs::read_to_string(root.join(&path)).expect("table readable");
            // The loader passes the CSV's path already resolved against the YAML's folder.
            let mut read =
                |csv: &str| std::fs::read_to_string(root.join(csv)).map_err(|e| e.to_string());
            Table::from_yaml(&path, &text, &mut read).expect("table loads")
        })
        .collect()
}

fn source(name: &str) -> String {
    std::fs::read_to_string(common::root().join("claims").join(name)).expect("article readable")
}

fn check(tables: &[Table], path: &str, text: &str) -> FileReport {
    let format = if Path::new(path).extension().is_some_and(|x| x == "md") {
        Format::Markdown
    } else {
        Format::Plain
    };
    check_source(
        path,
        text,
        format,
        &Linker::new(tables),
        tables,
        &Tolerances::default(),
    )
}

/// The reports and sources of the named articles.
fn run(tables: &[Table], names: &[&str]) -> (Vec<FileReport>, Vec<String>) {
    let sources: Vec<String> = names.iter().map(|n| source(n)).collect();
    let reports = names
        .iter()
        .zip(&sources)
        .map(|(n, s)| check(tables, &format!("claims/{n}"), s))
        .collect();
    (reports, sources)
}

fn all_articles() -> Vec<String> {
    common::articles()
}

/// Renders with every writer on `reports`, twice, and checks that the two renderings agree.
fn render_all(reports: &[FileReport], sources: &[String], tables: &[Table]) -> [String; 5] {
    let srcs: Vec<&str> = sources.iter().map(String::as_str).collect();
    let ctx = Context {
        sources: &srcs,
        tables,
        version: VERSION,
    };
    let once = || {
        [
            sarif::render(reports, &ctx),
            junit::render(reports, &ctx),
            markdown::render(reports, &ctx),
            github::render(reports, &ctx),
            jsonl::render(reports, &ctx),
        ]
    };
    let a = once();
    assert_eq!(a, once(), "every writer is deterministic");
    a
}

const SOUFAN: &str = "soufan-2017.md";

// ---------------------------------------------------------------------------------------
// SARIF

#[test]
fn sarif_soufan() {
    let tables = tables();
    let (reports, sources) = run(&tables, &[SOUFAN]);
    let [out, ..] = render_all(&reports, &sources, &tables);
    let doc: Value = serde_json::from_str(&out).expect("SARIF is JSON");
    let errors = validate_sarif(&doc);
    assert!(errors.is_empty(), "SARIF invalid:\n{}", errors.join("\n"));
    let results = doc["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), reports[0].findings.len());
    let rules = doc["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    assert_eq!(rules.len(), RULES.len());
    assert_eq!(rules[0]["id"], "value-mismatch");
    assert_eq!(rules[0]["name"], "ValueMismatch");
    assert_eq!(doc["runs"][0]["tool"]["driver"]["version"], VERSION);
    // The table row of a value mismatch is a related location.
    let mismatch = results
        .iter()
        .find(|r| r["ruleId"] == "value-mismatch")
        .expect("a value mismatch");
    let rel = &mismatch["relatedLocations"][0]["physicalLocation"];
    assert_eq!(rel["artifactLocation"]["uri"], "data/soufan-2017.yaml");
    assert!(rel["region"]["startLine"].as_u64().unwrap() >= 1);
    assert_eq!(mismatch["properties"]["expected"]["value"], "2926");
    assert!(out.ends_with("}\n"));
    // The rules' documentation comes from RULES; it is checked here and left out of the
    // snapshot, so that editing a rule's text does not churn this file.
    let mut redacted = doc.clone();
    let rules = redacted["runs"][0]["tool"]["driver"]["rules"]
        .as_array_mut()
        .unwrap();
    for (rule, r) in rules.iter_mut().zip(RULES) {
        assert_eq!(rule["id"], r.id);
        assert_eq!(rule["shortDescription"]["text"], r.summary);
        assert_eq!(rule["help"]["text"], r.doc);
        assert_eq!(rule["help"]["markdown"], r.doc);
        let first = r.doc.split("\n\n").next().unwrap();
        assert_eq!(
            rule["fullDescription"]["text"],
            first.split_whitespace().collect::<Vec<_>>().join(" ")
        );
        for k in ["shortDescription", "fullDescription", "help"] {
            rule[k] = serde_json::json!(format!("[RULES[{}] {k}]", r.id));
        }
    }
    insta::assert_snapshot!(
        "sarif-soufan-2017",
        serde_json::to_string_pretty(&redacted).unwrap()
    );
}

#[test]
fn sarif_every_article_validates() {
    let tables = tables();
    let names = all_articles();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let (reports, sources) = run(&tables, &names);
    let [out, ..] = render_all(&reports, &sources, &tables);
    let doc: Value = serde_json::from_str(&out).expect("SARIF is JSON");
    let errors = validate_sarif(&doc);
    assert!(errors.is_empty(), "SARIF invalid:\n{}", errors.join("\n"));
    let findings: usize = reports.iter().map(|r| r.findings.len()).sum();
    assert_eq!(
        doc["runs"][0]["results"].as_array().unwrap().len(),
        findings
    );
    // Fingerprints are unique within the run.
    let mut prints: Vec<String> = doc["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["partialFingerprints"]["claimcheck/v1"].to_string())
        .collect();
    prints.sort();
    let n = prints.len();
    prints.dedup();
    assert_eq!(prints.len(), n, "fingerprints are unique");
}

/// The fingerprints of a SARIF log's results, with their start lines, in order.
fn fingerprints(doc: &Value) -> Vec<(String, u64)> {
    doc["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|r| {
            (
                r["partialFingerprints"]["claimcheck/v1"]
                    .as_str()
                    .expect("fingerprint")
                    .to_string(),
                r["locations"][0]["physicalLocation"]["region"]["startLine"]
                    .as_u64()
                    .expect("startLine"),
            )
        })
        .collect()
}

#[test]
fn sarif_fingerprint_survives_a_line_inserted_above() {
    let tables = tables();
    let path = format!("claims/{SOUFAN}");
    let original = source(SOUFAN);
    let edited = format!("Editor's note: this summary was revised.\n{original}");
    let render = |text: &str| {
        let report = check(&tables, &path, text);
        let ctx = Context {
            sources: &[text],
            tables: &tables,
            version: VERSION,
        };
        let doc: Value = serde_json::from_str(&sarif::render(&[report], &ctx)).unwrap();
        fingerprints(&doc)
    };
    let before = render(&original);
    let after = render(&edited);
    assert!(!before.is_empty());
    assert_eq!(before.len(), after.len());
    for ((fa, la), (fb, lb)) in before.iter().zip(&after) {
        assert_eq!(fa, fb, "fingerprint changed when a line was inserted above");
        assert_eq!(la + 1, *lb, "the finding moved down one line");
    }
}

/// The same through the binary, once it can write SARIF (`--format sarif`): two copies of the
/// article at the same relative path, the second with an extra first line.
#[test]
fn sarif_fingerprint_survives_a_line_inserted_above_via_cli() {
    let base = Path::new(env!("CARGO_TARGET_TMPDIR")).join("formats-fingerprint");
    let _ = std::fs::remove_dir_all(&base);
    let original = source(SOUFAN);
    let mut docs = Vec::new();
    for (dir, text) in [
        ("before", original.clone()),
        (
            "after",
            format!("Editor's note: this summary was revised.\n{original}"),
        ),
    ] {
        let d = base.join(dir);
        std::fs::create_dir_all(d.join("claims")).unwrap();
        std::fs::create_dir_all(d.join("data")).unwrap();
        std::fs::write(d.join("claims").join(SOUFAN), text).unwrap();
        std::fs::copy(
            common::root().join("data/soufan-2017.yaml"),
            d.join("data/soufan-2017.yaml"),
        )
        .unwrap();
        let out = common::run_in(
            &d,
            &[
                "check",
                "claims/soufan-2017.md",
                "--data",
                "data/soufan-2017.yaml",
                "--format",
                "sarif",
            ],
            None,
        );
        if out.status.code() == Some(2) {
            eprintln!(
                "skipped: `check --format sarif` is not available yet: {}",
                common::stderr(&out)
            );
            return;
        }
        let doc: Value = serde_json::from_str(&common::stdout(&out)).expect("SARIF is JSON");
        let errors = validate_sarif(&doc);
        assert!(errors.is_empty(), "SARIF invalid:\n{}", errors.join("\n"));
        docs.push(fingerprints(&doc));
    }
    let _ = std::fs::remove_dir_all(&base);
    let (before, after) = (&docs[0], &docs[1]);
    assert!(!before.is_empty());
    assert_eq!(before.len(), after.len());
    for ((fa, la), (fb, lb)) in before.iter().zip(after) {
        assert_eq!(fa, fb);
        assert_eq!(la + 1, *lb);
    }
}

#[test]
fn sarif_uris_are_relative_with_forward_slashes() {
    assert_eq!(sarif::uri("claims/a.md"), "claims/a.md");
    assert_eq!(sarif::uri("./claims\\a.md"), "claims/a.md");
    assert_eq!(sarif::uri("claims/my article.md"), "claims/my%20article.md");
    assert_eq!(sarif::uri("/abs/a.md"), "file:///abs/a.md");
    assert_eq!(sarif::uri("C:\\x\\a.md"), "file:///C:/x/a.md");
    // A colon in a relative path would read as a scheme.
    assert_eq!(sarif::uri("a:b.md"), "a%3Ab.md");
}

#[test]
fn sarif_fingerprint_ignores_place_and_spacing_but_not_the_row() {
    let tables = tables();
    let (reports, _) = run(&tables, &[SOUFAN]);
    let f = reports[0].findings[0].clone();
    let mut moved = f.clone();
    moved.line += 10;
    moved.column += 3;
    moved.start += 100;
    moved.end += 100;
    moved.message = "another wording".into();
    assert_eq!(sarif::fingerprint(&f), sarif::fingerprint(&moved));
    let mut respaced = f.clone();
    respaced.text = format!("  {}\n", f.text.to_uppercase().replace(' ', "\n  "));
    assert_eq!(sarif::fingerprint(&f), sarif::fingerprint(&respaced));
    let mut other = f.clone();
    other.entity = Some("Elsewhere".into());
    assert_ne!(sarif::fingerprint(&f), sarif::fingerprint(&other));
    let fp = sarif::fingerprint(&f);
    assert_eq!(fp.len(), 16);
    assert!(fp.chars().all(|c| c.is_ascii_hexdigit()));
    // The same value the baselines use.
    assert_eq!(fp, f.fingerprint());
    assert_eq!(sarif::fingerprint(&respaced), respaced.fingerprint());
}

/// The required structure of a SARIF 2.1.0 log, as far as claimcheck writes it: required
/// properties and their types, enumerations and minimums, and no property the schema does
/// not allow (its objects are `additionalProperties: false`, except property bags).
/// Returns what is wrong, empty when nothing is.
fn validate_sarif(doc: &Value) -> Vec<String> {
    let mut v = Validator::default();
    v.object(
        doc,
        "$",
        &[
            "$schema",
            "version",
            "runs",
            "inlineExternalProperties",
            "properties",
        ],
        &["version", "runs"],
    );
    if doc["version"] != "2.1.0" {
        v.err("$.version", "must be \"2.1.0\"");
    }
    v.string_opt(doc, "$", "$schema");
    let Some(runs) = doc["runs"].as_array() else {
        v.err("$.runs", "must be an array");
        return v.errors;
    };
    for (ri, run) in runs.iter().enumerate() {
        let at = format!("$.runs[{ri}]");
        v.object(run, &at, RUN_KEYS, &["tool"]);
        if let Some(k) = run.get("columnKind") {
            v.one_of(
                k,
                &format!("{at}.columnKind"),
                &["utf16CodeUnits", "unicodeCodePoints"],
            );
        }
        let tool = &run["tool"];
        v.object(
            tool,
            &format!("{at}.tool"),
            &["driver", "extensions", "properties"],
            &["driver"],
        );
        let driver = &tool["driver"];
        let dat = format!("{at}.tool.driver");
        v.object(driver, &dat, TOOL_COMPONENT_KEYS, &["name"]);
        v.string(driver, &dat, "name");
        for k in ["version", "semanticVersion", "informationUri"] {
            v.string_opt(driver, &dat, k);
        }
        let rules = driver["rules"].as_array().cloned().unwrap_or_default();
        let mut ids = Vec::new();
        for (i, rule) in rules.iter().enumerate() {
            let rat = format!("{dat}.rules[{i}]");
            v.object(rule, &rat, REPORTING_DESCRIPTOR_KEYS, &["id"]);
            v.string(rule, &rat, "id");
            v.string_opt(rule, &rat, "name");
            v.string_opt(rule, &rat, "helpUri");
            for k in ["shortDescription", "fullDescription", "help"] {
                if let Some(m) = rule.get(k) {
                    let mat = format!("{rat}.{k}");
                    v.object(m, &mat, &["text", "markdown", "properties"], &["text"]);
                    v.string(m, &mat, "text");
                    v.string_opt(m, &mat, "markdown");
                }
            }
            if let Some(c) = rule.get("defaultConfiguration") {
                let cat = format!("{rat}.defaultConfiguration");
                v.object(
                    c,
                    &cat,
                    &["enabled", "level", "rank", "parameters", "properties"],
                    &[],
                );
                if let Some(l) = c.get("level") {
                    v.one_of(l, &format!("{cat}.level"), LEVELS);
                }
            }
            let id = rule["id"].as_str().unwrap_or_default().to_string();
            if ids.contains(&id) {
                v.err(&rat, "duplicate rule id");
            }
            ids.push(id);
        }
        let Some(results) = run.get("results") else {
            continue;
        };
        let Some(results) = results.as_array() else {
            v.err(&format!("{at}.results"), "must be an array");
            continue;
        };
        for (i, r) in results.iter().enumerate() {
            let rat = format!("{at}.results[{i}]");
            v.object(r, &rat, RESULT_KEYS, &["message"]);
            let m = &r["message"];
            v.object(
                m,
                &format!("{rat}.message"),
                &["text", "markdown", "id", "arguments", "properties"],
                &[],
            );
            v.string(m, &format!("{rat}.message"), "text");
            v.string_opt(r, &rat, "ruleId");
            if let Some(l) = r.get("level") {
                v.one_of(l, &format!("{rat}.level"), LEVELS);
            }
            if let Some(ix) = r.get("ruleIndex") {
                match ix.as_i64() {
                    Some(n) if n >= 0 => {
                        let id = rules.get(n as usize).and_then(|x| x["id"].as_str());
                        if id.is_none() || id != r["ruleId"].as_str() {
                            v.err(&format!("{rat}.ruleIndex"), "rules[ruleIndex].id != ruleId");
                        }
                    }
                    Some(-1) => {}
                    _ => v.err(&format!("{rat}.ruleIndex"), "must be an integer ≥ -1"),
                }
            }
            match r.get("locations").map(|l| l.as_array()) {
                None => {}
                Some(None) => v.err(&format!("{rat}.locations"), "must be an array"),
                Some(Some(locs)) => {
                    for (li, loc) in locs.iter().enumerate() {
                        v.location(loc, &format!("{rat}.locations[{li}]"));
                    }
                }
            }
            if let Some(rel) = r.get("relatedLocations") {
                for (li, loc) in rel.as_array().into_iter().flatten().enumerate() {
                    v.location(loc, &format!("{rat}.relatedLocations[{li}]"));
                }
            }
            if let Some(fp) = r.get("partialFingerprints") {
                match fp.as_object() {
                    Some(o) if o.values().all(Value::is_string) => {}
                    _ => v.err(&format!("{rat}.partialFingerprints"), "must map to strings"),
                }
            }
            if let Some(p) = r.get("properties") {
                if !p.is_object() {
                    v.err(&format!("{rat}.properties"), "must be an object");
                }
            }
        }
    }
    v.errors
}

const LEVELS: &[&str] = &["none", "note", "warning", "error"];
const RUN_KEYS: &[&str] = &[
    "tool",
    "invocations",
    "conversion",
    "language",
    "versionControlProvenance",
    "originalUriBaseIds",
    "artifacts",
    "logicalLocations",
    "graphs",
    "results",
    "automationDetails",
    "runAggregates",
    "baselineGuid",
    "redactionReleases",
    "defaultEncoding",
    "defaultSourceLanguage",
    "newlineSequences",
    "columnKind",
    "externalPropertyFileReferences",
    "threadFlowLocations",
    "taxonomies",
    "addresses",
    "translations",
    "policies",
    "webRequests",
    "webResponses",
    "specialLocations",
    "properties",
];
const TOOL_COMPONENT_KEYS: &[&str] = &[
    "guid",
    "name",
    "organization",
    "product",
    "productSuite",
    "shortDescription",
    "fullDescription",
    "fullName",
    "version",
    "semanticVersion",
    "dottedQuadFileVersion",
    "releaseDateUtc",
    "downloadUri",
    "informationUri",
    "globalMessageStrings",
    "notifications",
    "rules",
    "taxa",
    "locations",
    "language",
    "contents",
    "isComprehensive",
    "localizedDataSemanticVersion",
    "minimumRequiredLocalizedDataSemanticVersion",
    "associatedComponent",
    "translationMetadata",
    "supportedTaxonomies",
    "properties",
];
const REPORTING_DESCRIPTOR_KEYS: &[&str] = &[
    "id",
    "deprecatedIds",
    "guid",
    "deprecatedGuids",
    "name",
    "deprecatedNames",
    "shortDescription",
    "fullDescription",
    "messageStrings",
    "defaultConfiguration",
    "helpUri",
    "help",
    "relationships",
    "properties",
];
const RESULT_KEYS: &[&str] = &[
    "ruleId",
    "ruleIndex",
    "rule",
    "kind",
    "level",
    "message",
    "analysisTarget",
    "locations",
    "guid",
    "correlationGuid",
    "occurrenceCount",
    "partialFingerprints",
    "fingerprints",
    "stacks",
    "codeFlows",
    "graphs",
    "graphTraversals",
    "relatedLocations",
    "suppressions",
    "baselineState",
    "rank",
    "attachments",
    "hostedViewerUri",
    "workItemUris",
    "provenance",
    "fixes",
    "taxa",
    "webRequest",
    "webResponse",
    "properties",
];
const REGION_KEYS: &[&str] = &[
    "startLine",
    "startColumn",
    "endLine",
    "endColumn",
    "charOffset",
    "charLength",
    "byteOffset",
    "byteLength",
    "snippet",
    "message",
    "sourceLanguage",
    "properties",
];

#[derive(Default)]
struct Validator {
    errors: Vec<String>,
}

impl Validator {
    fn err(&mut self, at: &str, what: &str) {
        self.errors.push(format!("{at}: {what}"));
    }

    /// `value` is an object with the `required` keys and no keys outside `allowed`.
    fn object(&mut self, value: &Value, at: &str, allowed: &[&str], required: &[&str]) {
        let Some(o) = value.as_object() else {
            self.err(at, "must be an object");
            return;
        };
        for k in required {
            if !o.contains_key(*k) {
                self.err(at, &format!("missing required `{k}`"));
            }
        }
        for k in o.keys() {
            if !allowed.contains(&k.as_str()) {
                self.err(at, &format!("`{k}` is not allowed here"));
            }
        }
    }

    fn string(&mut self, o: &Value, at: &str, key: &str) {
        if !o[key].is_string() {
            self.err(&format!("{at}.{key}"), "must be a string");
        }
    }

    fn string_opt(&mut self, o: &Value, at: &str, key: &str) {
        if o.get(key).is_some_and(|v| !v.is_string()) {
            self.err(&format!("{at}.{key}"), "must be a string");
        }
    }

    fn one_of(&mut self, v: &Value, at: &str, options: &[&str]) {
        if !v.as_str().is_some_and(|s| options.contains(&s)) {
            self.err(at, &format!("must be one of {options:?}, is {v}"));
        }
    }

    fn integer_min(&mut self, o: &Value, at: &str, key: &str, min: i64) {
        if let Some(v) = o.get(key) {
            if v.as_i64().is_none_or(|n| n < min) {
                self.err(
                    &format!("{at}.{key}"),
                    &format!("must be an integer ≥ {min}"),
                );
            }
        }
    }

    fn location(&mut self, loc: &Value, at: &str) {
        self.object(
            loc,
            at,
            &[
                "id",
                "physicalLocation",
                "logicalLocations",
                "message",
                "annotations",
                "relationships",
                "properties",
            ],
            &[],
        );
        self.integer_min(loc, at, "id", -1);
        if let Some(m) = loc.get("message") {
            self.string(m, &format!("{at}.message"), "text");
        }
        let Some(p) = loc.get("physicalLocation") else {
            return;
        };
        let pat = format!("{at}.physicalLocation");
        self.object(
            p,
            &pat,
            &[
                "address",
                "artifactLocation",
                "region",
                "contextRegion",
                "properties",
            ],
            &[],
        );
        if p.get("artifactLocation").is_none() && p.get("address").is_none() {
            self.err(&pat, "needs `artifactLocation` or `address`");
        }
        if let Some(a) = p.get("artifactLocation") {
            let aat = format!("{pat}.artifactLocation");
            self.object(
                a,
                &aat,
                &["uri", "uriBaseId", "index", "description", "properties"],
                &[],
            );
            self.string(a, &aat, "uri");
            let uri = a["uri"].as_str().unwrap_or_default();
            if uri.is_empty() || uri.contains(['\\', ' ']) || uri.starts_with("./") {
                self.err(
                    &format!("{aat}.uri"),
                    &format!("not a clean URI reference: {uri:?}"),
                );
            }
        }
        if let Some(r) = p.get("region") {
            let rat = format!("{pat}.region");
            self.object(r, &rat, REGION_KEYS, &[]);
            for k in ["startLine", "startColumn", "endLine", "endColumn"] {
                self.integer_min(r, &rat, k, 1);
            }
            self.integer_min(r, &rat, "charOffset", -1);
            self.integer_min(r, &rat, "charLength", 0);
            if r.get("startLine").is_none() && r.get("charOffset").is_none() {
                self.err(&rat, "needs `startLine` or `charOffset`");
            }
            let n = |k: &str| r[k].as_u64();
            if let (Some(sl), Some(el)) = (n("startLine"), n("endLine")) {
                if el < sl {
                    self.err(&rat, "endLine < startLine");
                }
                if let (true, Some(sc), Some(ec)) = (el == sl, n("startColumn"), n("endColumn")) {
                    if ec < sc {
                        self.err(&rat, "endColumn < startColumn on one line");
                    }
                }
            }
            if let Some(s) = r.get("snippet") {
                self.string(s, &format!("{rat}.snippet"), "text");
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// JUnit XML

#[test]
fn junit_soufan() {
    let tables = tables();
    let (reports, sources) = run(&tables, &[SOUFAN]);
    let [_, out, ..] = render_all(&reports, &sources, &tables);
    let events = parse_xml(&out).unwrap_or_else(|e| panic!("JUnit is not well-formed: {e}\n{out}"));
    check_junit(&events, &reports);
    insta::assert_snapshot!("junit-soufan-2017", out);
}

#[test]
fn junit_every_article_is_well_formed() {
    let tables = tables();
    let names = all_articles();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let (reports, sources) = run(&tables, &names);
    let [_, out, ..] = render_all(&reports, &sources, &tables);
    let events = parse_xml(&out).unwrap_or_else(|e| panic!("JUnit is not well-formed: {e}\n{out}"));
    check_junit(&events, &reports);
}

#[test]
fn junit_escapes_markup_in_paths_claims_and_messages() {
    let tables = tables();
    let (mut reports, sources) = run(&tables, &[SOUFAN]);
    let nasty = "a&b<c>\"d\"'e'\u{1}";
    let path = format!("claims/{nasty}.md");
    reports[0].path = path.clone();
    for c in &mut reports[0].claims {
        c.path = path.clone();
        c.text = format!("{} {nasty}\nnext line", c.text);
        c.entity = c.entity.as_ref().map(|e| format!("{e} {nasty}"));
    }
    for f in &mut reports[0].findings {
        f.path = path.clone();
        f.message = format!("{}\n{nasty} ]]> &amp;", f.message);
    }
    let srcs: Vec<&str> = sources.iter().map(String::as_str).collect();
    let ctx = Context {
        sources: &srcs,
        tables: &tables,
        version: VERSION,
    };
    let out = junit::render(&reports, &ctx);
    let events = parse_xml(&out).unwrap_or_else(|e| panic!("JUnit is not well-formed: {e}\n{out}"));
    check_junit(&events, &reports);
    assert!(out.contains("a&amp;b&lt;c&gt;&quot;d&quot;&apos;e&apos;"));
    assert!(out.contains("&amp;amp;"));
    assert!(
        !out.contains('\u{1}'),
        "control characters XML forbids are dropped"
    );
    // Attribute values have no raw line breaks (parsers would turn them into spaces).
    let attrs: Vec<&String> = events
        .iter()
        .filter_map(|e| match e {
            Xml::Start(_, attrs) => Some(attrs),
            _ => None,
        })
        .flat_map(|a| a.iter().map(|(_, v)| v))
        .collect();
    assert!(attrs.iter().all(|v| !v.contains('\n')));
}

/// The test counts agree with the claims: one test case per claim, failures for error or
/// warning findings, skips for unverified claims, and the counts in the attributes add up.
fn check_junit(events: &[Xml], reports: &[FileReport]) {
    let starts: Vec<(&str, &Vec<(String, String)>)> = events
        .iter()
        .filter_map(|e| match e {
            Xml::Start(n, a) => Some((n.as_str(), a)),
            _ => None,
        })
        .collect();
    let get = |a: &Vec<(String, String)>, k: &str| -> String {
        a.iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_else(|| panic!("attribute {k}"))
    };
    let count = |n: &str| starts.iter().filter(|(x, _)| *x == n).count();
    assert_eq!(starts[0].0, "testsuites");
    assert_eq!(get(starts[0].1, "name"), "claimcheck");
    let claims: usize = reports.iter().map(|r| r.claims.len()).sum();
    assert!(count("testcase") >= claims);
    assert_eq!(get(starts[0].1, "tests"), count("testcase").to_string());
    assert_eq!(get(starts[0].1, "failures"), count("failure").to_string());
    assert_eq!(get(starts[0].1, "skipped"), count("skipped").to_string());
    assert_eq!(count("testsuite"), reports.len());
    let failing = reports
        .iter()
        .flat_map(|r| &r.claims)
        .filter(|c| {
            reports.iter().flat_map(|r| &r.findings).any(|f| {
                f.start == c.start
                    && f.end == c.end
                    && f.path == c.path
                    && f.entity == c.entity
                    && f.severity >= Severity::Warning
            })
        })
        .count();
    assert!(count("failure") >= failing);
    let unverified = reports
        .iter()
        .flat_map(|r| &r.claims)
        .filter(|c| c.status == Status::Unverified)
        .count();
    assert!(count("skipped") <= unverified);
    let suites: Vec<_> = starts.iter().filter(|(n, _)| *n == "testsuite").collect();
    let total: usize = suites
        .iter()
        .map(|(_, a)| get(a, "tests").parse::<usize>().unwrap())
        .sum();
    assert_eq!(total, count("testcase"));
}

#[derive(Debug, PartialEq)]
enum Xml {
    Start(String, Vec<(String, String)>),
    End(String),
    Text(String),
}

/// A small well-formedness checker: an optional XML declaration, one root element, tags
/// balanced and properly nested, attributes quoted and unique, and `&` only in the five
/// predefined entity references. Returns the elements and text, entities decoded.
fn parse_xml(s: &str) -> Result<Vec<Xml>, String> {
    let mut rest = s;
    if let Some(r) = rest.strip_prefix("<?xml") {
        let end = r.find("?>").ok_or("unterminated XML declaration")?;
        rest = &r[end + 2..];
    }
    let mut events = Vec::new();
    let mut stack: Vec<String> = Vec::new();
    let mut roots = 0;
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix("</") {
            let end = r.find('>').ok_or("unterminated end tag")?;
            let name = r[..end].trim_end();
            check_name(name)?;
            match stack.pop() {
                Some(open) if open == name => {}
                Some(open) => return Err(format!("</{name}> closes <{open}>")),
                None => return Err(format!("</{name}> without a start tag")),
            }
            events.push(Xml::End(name.to_string()));
            rest = &r[end + 1..];
        } else if let Some(r) = rest.strip_prefix('<') {
            if r.starts_with('!') || r.starts_with('?') {
                return Err("comments, CDATA and processing instructions are not expected".into());
            }
            if stack.is_empty() {
                roots += 1;
                if roots > 1 {
                    return Err("more than one root element".into());
                }
            }
            let name_end = r
                .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
                .ok_or("unterminated start tag")?;
            let name = &r[..name_end];
            check_name(name)?;
            let mut r = &r[name_end..];
            let mut attrs: Vec<(String, String)> = Vec::new();
            let empty = loop {
                let t = r.trim_start();
                let had_space = t.len() < r.len();
                r = t;
                if let Some(t) = r.strip_prefix("/>") {
                    r = t;
                    break true;
                }
                if let Some(t) = r.strip_prefix('>') {
                    r = t;
                    break false;
                }
                if !had_space {
                    return Err(format!("<{name}>: attributes must be separated by space"));
                }
                let eq = r
                    .find('=')
                    .ok_or(format!("<{name}>: attribute without value"))?;
                let an = r[..eq].trim_end();
                check_name(an)?;
                let after = r[eq + 1..].trim_start();
                let quote = after
                    .chars()
                    .next()
                    .filter(|c| *c == '"' || *c == '\'')
                    .ok_or(format!("<{name} {an}>: unquoted attribute value"))?;
                let body = &after[1..];
                let close = body
                    .find(quote)
                    .ok_or(format!("<{name} {an}>: unterminated attribute value"))?;
                let raw = &body[..close];
                if raw.contains('<') {
                    return Err(format!("<{name} {an}>: `<` in attribute value"));
                }
                if attrs.iter().any(|(n, _)| n == an) {
                    return Err(format!("<{name}>: duplicate attribute {an}"));
                }
                attrs.push((an.to_string(), unescape(raw)?));
                r = &body[close + 1..];
            };
            events.push(Xml::Start(name.to_string(), attrs));
            if empty {
                events.push(Xml::End(name.to_string()));
            } else {
                stack.push(name.to_string());
            }
            rest = r;
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            let raw = &rest[..end];
            if stack.is_empty() {
                if !raw.trim().is_empty() {
                    return Err(format!("text outside the root element: {raw:?}"));
                }
            } else {
                if raw.contains("]]>") {
                    return Err("`]]>` in text".into());
                }
                events.push(Xml::Text(unescape(raw)?));
            }
            rest = &rest[end..];
        }
    }
    if let Some(open) = stack.pop() {
        return Err(format!("<{open}> is not closed"));
    }
    if roots != 1 {
        return Err("no root element".into());
    }
    Ok(events)
}

fn check_name(name: &str) -> Result<(), String> {
    let mut chars = name.chars();
    let ok = chars
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_' || c == ':')
        && chars.all(|c| c.is_alphanumeric() || matches!(c, '-' | '.' | '_' | ':'));
    if ok {
        Ok(())
    } else {
        Err(format!("bad name {name:?}"))
    }
}

fn unescape(raw: &str) -> Result<String, String> {
    let mut out = String::new();
    let mut rest = raw;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let r = &rest[i..];
        let end = r.find(';').ok_or(format!("bare `&` in {raw:?}"))?;
        out.push(match &r[..=end] {
            "&amp;" => '&',
            "&lt;" => '<',
            "&gt;" => '>',
            "&quot;" => '"',
            "&apos;" => '\'',
            other => return Err(format!("unknown entity {other}")),
        });
        rest = &r[end + 1..];
    }
    out.push_str(rest);
    for c in out.chars() {
        let allowed = matches!(c, '\t' | '\n' | '\r')
            || matches!(c, '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..);
        if !allowed {
            return Err(format!("character {c:?} is not allowed in XML"));
        }
    }
    Ok(out)
}

#[test]
fn xml_checker_rejects_what_is_not_well_formed() {
    for bad in [
        "<a><b></a></b>",
        "<a>",
        "<a x=1/>",
        "<a x=\"1\" x=\"2\"/>",
        "<a>&nbsp;</a>",
        "<a>a & b</a>",
        "<a/><b/>",
        "text<a/>",
        "<a x=\"<\"/>",
        "</a>",
    ] {
        assert!(parse_xml(bad).is_err(), "accepted {bad:?}");
    }
    let ok =
        parse_xml("<?xml version=\"1.0\"?>\n<a x='1' y=\"&lt;&amp;\"><b/>t&apos;</a>\n").unwrap();
    assert_eq!(
        ok[0],
        Xml::Start(
            "a".into(),
            vec![("x".into(), "1".into()), ("y".into(), "<&".into())]
        )
    );
}

// ---------------------------------------------------------------------------------------
// Markdown

#[test]
fn markdown_soufan() {
    let tables = tables();
    let (reports, sources) = run(&tables, &[SOUFAN]);
    let [_, _, out, ..] = render_all(&reports, &sources, &tables);
    assert!(out.starts_with("# claimcheck report\n"));
    assert!(out.contains("| claims/soufan-2017.md | 20 |"), "{out}");
    let serious = reports[0]
        .findings
        .iter()
        .filter(|f| f.severity >= Severity::Warning)
        .count();
    assert_eq!(out.matches("\n### ").count(), serious);
    // The sentence, the claim in bold, the table value and its source.
    assert!(
        out.contains("from 6,000 militants in 2015 to **2,920** today"),
        "{out}"
    );
    assert!(out.contains("The Soufan Center"));
    assert!(out.contains("<https://thesoufancenter.org/research/beyond-caliphate/>"));
    assert!(out.contains("<details>") && out.contains("</details>"));
    insta::assert_snapshot!("markdown-soufan-2017", out);
}

#[test]
fn markdown_every_article_with_a_total_row_and_csv_sources() {
    let tables = tables();
    let names = all_articles();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let (reports, sources) = run(&tables, &names);
    let [_, _, out, ..] = render_all(&reports, &sources, &tables);
    assert!(out.contains("| **Total** |"));
    for r in &reports {
        assert!(out.contains(&format!("| {} |", r.path)));
    }
    // Every table row of a finding found its table, CSV-backed ones included.
    for f in reports.iter().flat_map(|r| &r.findings) {
        if let (Some(e), true) = (&f.expected, f.severity >= Severity::Warning) {
            let t = tables
                .iter()
                .find(|t| t.path == e.table || t.records.iter().any(|r| r.file == e.table))
                .expect("the table of a finding");
            if let Some(p) = t.source.as_ref().and_then(|s| s.publisher.as_ref()) {
                assert!(out.contains(p.as_str()));
            }
        }
    }
}

#[test]
fn markdown_escapes_pipes_in_table_cells() {
    let tables = tables();
    let (mut reports, sources) = run(&tables, &[SOUFAN]);
    reports[0].path = "claims/a|b.md".into();
    let srcs: Vec<&str> = sources.iter().map(String::as_str).collect();
    let ctx = Context {
        sources: &srcs,
        tables: &tables,
        version: VERSION,
    };
    let out = markdown::render(&reports, &ctx);
    let row = out
        .lines()
        .find(|l| l.starts_with("| claims/"))
        .expect("a coverage row");
    assert!(row.starts_with("| claims/a\\|b.md |"), "{row}");
    // Seven unescaped pipes: six columns.
    let bars = row.replace("\\|", "").matches('|').count();
    assert_eq!(bars, 7, "{row}");
}

// ---------------------------------------------------------------------------------------
// GitHub workflow commands

#[test]
fn github_soufan() {
    let tables = tables();
    let (reports, sources) = run(&tables, &[SOUFAN]);
    let [_, _, md, out, _] = render_all(&reports, &sources, &tables);
    assert_eq!(out.lines().count(), reports[0].findings.len());
    for (line, f) in out.lines().zip(&reports[0].findings) {
        let cmd = match f.severity {
            Severity::Error => "::error ",
            Severity::Warning => "::warning ",
            Severity::Note => "::notice ",
        };
        assert!(line.starts_with(cmd), "{line}");
        assert!(line.contains(&format!(
            "file=claims/soufan-2017.md,line={},col={},endLine={},endColumn={},title=claimcheck ({})::",
            f.line, f.column, f.end_line, f.end_column, f.rule
        )));
    }
    let srcs: Vec<&str> = sources.iter().map(String::as_str).collect();
    let ctx = Context {
        sources: &srcs,
        tables: &tables,
        version: VERSION,
    };
    assert_eq!(github::step_summary(&reports, &ctx), md);
    insta::assert_snapshot!("github-soufan-2017", out);
}

#[test]
fn github_escapes_data_and_properties() {
    let tables = tables();
    let (mut reports, sources) = run(&tables, &[SOUFAN]);
    reports[0].findings.truncate(1);
    let f = &mut reports[0].findings[0];
    f.path = "claims\\50%, a:b.md".into();
    f.message = "100% wrong\r\nsee: a, b".into();
    let srcs: Vec<&str> = sources.iter().map(String::as_str).collect();
    let ctx = Context {
        sources: &srcs,
        tables: &tables,
        version: VERSION,
    };
    let out = github::render(&reports, &ctx);
    assert_eq!(out.lines().count(), 1);
    assert!(
        out.starts_with("::error file=claims/50%25%2C a%3Ab.md,line="),
        "{out}"
    );
    assert!(out.ends_with("::100%25 wrong%0D%0Asee: a, b\n"), "{out}");
}

// ---------------------------------------------------------------------------------------
// JSON Lines

#[test]
fn jsonl_soufan() {
    let tables = tables();
    let (reports, sources) = run(&tables, &[SOUFAN]);
    let [.., out] = render_all(&reports, &sources, &tables);
    check_jsonl(&out, &reports);
    insta::assert_snapshot!("jsonl-soufan-2017", out);
}

#[test]
fn jsonl_every_article() {
    let tables = tables();
    let names = all_articles();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let (reports, sources) = run(&tables, &names);
    let [.., out] = render_all(&reports, &sources, &tables);
    check_jsonl(&out, &reports);
    let ctx = Context {
        sources: &[],
        tables: &tables,
        version: VERSION,
    };
    assert_eq!(jsonl::render(&[], &ctx), "", "no findings, no output");
}

fn check_jsonl(out: &str, reports: &[FileReport]) {
    let findings: Vec<_> = reports.iter().flat_map(|r| &r.findings).collect();
    assert!(out.is_empty() || out.ends_with('\n'));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), findings.len());
    for (line, f) in lines.iter().zip(findings) {
        let v: Value = serde_json::from_str(line).expect("each line is JSON");
        assert!(v.is_object());
        assert_eq!(
            v,
            serde_json::to_value(f).unwrap(),
            "the finding as in the JSON report"
        );
    }
}

#[test]
fn markdown_groups_findings_by_claim_and_quotes_only_its_sentence() {
    let tables = tables();
    let text = "# Fighters\n\nThe report says the total number of foreign fighters has grown \
                since its previous count in 2015, and that many have gone home since, which \
                officials in several capitals have long feared would happen once the group \
                lost its territory in Syria and Iraq. Tunisia and Jordan each have 2,000 \
                fighters. Russia has 3,417.\n";
    let report = check(&tables, "claims/a.md", text);
    let ctx = Context {
        sources: &[text],
        tables: &tables,
        version: VERSION,
    };
    let out = markdown::render(std::slice::from_ref(&report), &ctx);
    // One heading for the claim, two findings (one per country) under it.
    assert_eq!(out.matches("\n### ").count(), 1, "{out}");
    assert!(out.contains("\n### claims/a.md:3:"), "{out}");
    assert_eq!(
        out.matches("\n- **error** `value-mismatch`").count(),
        2,
        "{out}"
    );
    // The quote is the claim's sentence, whole, and nothing of the sentences around it.
    assert!(
        out.contains("\n> Tunisia and Jordan each have **2,000** fighters.\n"),
        "{out}"
    );
    // Table values in the article's style: grouped in thousands, like its figures.
    assert!(out.contains("Table: **2,926**"), "{out}");
    assert!(out.contains("Table: **3,000**"), "{out}");
}

#[test]
fn snapshot_entries_quote_the_sentence_of_the_claim() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("formats-snapshot-sentence");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("claims")).unwrap();
    std::fs::create_dir_all(dir.join("data")).unwrap();
    let table = std::fs::read_to_string(common::root().join("data/soufan-2017.yaml")).unwrap();
    std::fs::write(dir.join("data/soufan-2017.yaml"), table).unwrap();
    let long = "The report says the total number of foreign fighters has grown since its \
                previous count in 2015, and that many have gone home since, which officials in \
                several capitals have long feared would happen once the group lost its \
                territory in Syria and Iraq and its fighters scattered across the region. \
                Tunisia has 2,926 fighters.\n";
    std::fs::write(dir.join("claims/a.md"), format!("# Fighters\n\n{long}")).unwrap();
    let out = common::run_in(&dir, &["snapshot", "--accept"], None);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let snap = std::fs::read_to_string(dir.join("claims/.snapshots/a.md.yaml")).unwrap();
    assert!(
        snap.contains("  - sentence: \"Tunisia has 2,926 fighters.\"\n    claim: \"2,926\""),
        "{snap}"
    );
    assert!(!snap.contains('…'), "{snap}");
}
