//! The HTML report: a snapshot of the page for every article in `claims/`, checks that it is
//! self-contained and well nested, and (where Chromium is installed) that a headless browser
//! parses and renders it.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use claimcheck::check::{ClaimReport, FileReport};
use claimcheck::claim::Linker;
use claimcheck::report::{html, Context};
use claimcheck::rules::Tolerances;
use claimcheck::table::Table;
use claimcheck::text::Format;
use claimcheck::Status;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The `.md` files of a folder under the crate root, sorted, as (path shown, text).
fn files_in(dir: &str, ext: &str) -> Vec<(String, String)> {
    let mut names: Vec<String> = std::fs::read_dir(root().join(dir))
        .expect("folder exists")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(ext))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|n| {
            let text = std::fs::read_to_string(root().join(dir).join(&n)).expect("readable");
            (format!("{dir}/{n}"), text)
        })
        .collect()
}

fn load_tables() -> Vec<Table> {
    files_in("data", ".yaml")
        .into_iter()
        .map(|(path, text)| {
            // The loader passes the CSV's path already joined to the YAML file's folder.
            Table::from_yaml(&path, &text, &mut |csv| {
                std::fs::read_to_string(root().join(csv)).map_err(|e| e.to_string())
            })
            .unwrap_or_else(|e| panic!("{e}"))
        })
        .collect()
}

/// The report page for every article in `claims/` against every table in `data/`.
fn report() -> (String, usize) {
    let tables = load_tables();
    let articles = files_in("claims", ".md");
    let linker = Linker::new(&tables);
    let tol = Tolerances::default();
    let reports: Vec<FileReport> = articles
        .iter()
        .map(|(path, text)| {
            claimcheck::check_source(path, text, Format::Markdown, &linker, &tables, &tol)
        })
        .collect();
    let claims = reports.iter().map(|r| r.claims.len()).sum();
    let sources: Vec<&str> = articles.iter().map(|(_, t)| t.as_str()).collect();
    let ctx = Context {
        sources: &sources,
        tables: &tables,
        version: "test",
    };
    let page = html::render(&reports, &ctx);
    assert_eq!(
        page,
        html::render(&reports, &ctx),
        "rendering is deterministic"
    );
    (page, claims)
}

/// Every `<mark` is closed before the next one opens (marks never nest or overlap).
fn assert_marks_closed(page: &str) -> usize {
    let mut open = false;
    let mut count = 0;
    let mut rest = page;
    while let Some(i) = rest.find('<') {
        rest = &rest[i..];
        if rest.starts_with("<mark") {
            assert!(!open, "a <mark> opens inside another: {}", &rest[..80]);
            open = true;
            count += 1;
        } else if rest.starts_with("</mark>") {
            assert!(open, "a </mark> closes nothing: {}", &rest[..40]);
            open = false;
        }
        rest = &rest[1..];
    }
    assert!(!open, "the last <mark> is never closed");
    count
}

/// Nothing on the page loads from the network: no `src=`, `<link>`, CSS `url(…)` or
/// `@import`; the only `http(s)://` inside a tag is the `href` of an `<a>` link.
fn assert_no_network_loads(page: &str) {
    let lower = page.to_ascii_lowercase();
    for bad in [
        " src=", "<link", "url(", "@import", "<iframe", "<object", "<embed",
    ] {
        assert!(!lower.contains(bad), "the page contains {bad:?}");
    }
    for scheme in ["http://", "https://", "//"] {
        for (i, _) in lower.match_indices(scheme) {
            let before = &lower[..i];
            let (lt, gt) = (before.rfind('<'), before.rfind('>'));
            let in_tag = match (lt, gt) {
                (Some(l), Some(g)) => l > g,
                (Some(_), None) => true,
                _ => false,
            };
            if !in_tag || scheme == "//" && !before.ends_with('"') {
                continue;
            }
            let tag = &lower[lt.unwrap_or(0)..i];
            assert!(
                tag.starts_with("<a ") && tag.ends_with("href=\""),
                "a network URL inside a tag other than an <a href>: {}",
                &page[lt.unwrap_or(0)..(i + 40).min(page.len())]
            );
        }
    }
}

/// How many claims the marks of a page hold: one each, or their `data-claims`.
fn claims_marked(page: &str) -> usize {
    page.split("<mark class=\"claim ")
        .skip(1)
        .filter(|m| m.contains(" id=\"m-"))
        .map(|m| {
            let tag = &m[..m.find('>').expect("tag ends")];
            tag.split_once(" data-claims=\"")
                .and_then(|(_, n)| n.split('"').next()?.parse().ok())
                .unwrap_or(1)
        })
        .sum()
}

#[test]
fn html_report_snapshot() {
    let (page, claims) = report();
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains("<meta charset=\"utf-8\">"));
    assert!(page.contains(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;none&#39;; \
         style-src &#39;unsafe-inline&#39;; script-src &#39;unsafe-inline&#39;; img-src data:\">"
    ));
    assert_no_network_loads(&page);
    // Three in the legend, and one per claim, except that claims on the same or overlapping
    // spans share one mark (soufan-2017 has two such pairs) that says how many it holds.
    let marks = assert_marks_closed(&page);
    assert_eq!(claims_marked(&page), claims);
    assert!(marks < claims + 3);
    for class in ["consistent", "inconsistent", "unverified"] {
        assert!(page.contains(&format!("<mark class=\"claim {class}\" id=")));
    }
    // Provenance: as text, never fetched.
    assert!(page.contains("The Soufan Center"));
    assert!(page.contains("https://thesoufancenter.org/research/beyond-caliphate/"));
    insta::assert_snapshot!("report", page);
}

fn claim(start: usize, end: usize, status: Status) -> ClaimReport {
    ClaimReport {
        path: "a.md".into(),
        line: 1,
        column: start + 1,
        start,
        end,
        text: "x".into(),
        kind: "value",
        entity: Some("O'Brien & <Co>".into()),
        metric: None,
        period: None,
        status,
        expected: None,
        evidence: Default::default(),
        reason: None,
        sentence: None,
    }
}

#[test]
fn escapes_and_never_breaks_nesting() {
    // "é" is two bytes: a span cut inside it widens to the whole character.
    let source = "<script>alert(\"x\")</script> café 12 and 34 & 56\n'quoted'";
    let at = |s: &str| source.find(s).expect("in source");
    let e = at("é");
    let file = FileReport {
        path: "a<b>.md".into(),
        claims: vec![
            claim(e + 1, e + 2, Status::Consistent),
            claim(at("12"), at("12") + 2, Status::Consistent),
            // Overlaps the claim on 12: merged into one mark, which shows the worse status.
            claim(at("12") + 1, at("34") + 2, Status::Inconsistent),
            claim(at("56"), at("56") + 2, Status::Unverified),
            // Past the end of the text: cut at its end.
            claim(source.len() - 2, source.len() + 10, Status::Unverified),
            // Empty: no mark.
            claim(3, 3, Status::Consistent),
        ],
        findings: vec![],
    };
    let sources = [source];
    let ctx = Context {
        sources: &sources,
        tables: &[],
        version: "<v>",
    };
    let page = html::render(std::slice::from_ref(&file), &ctx);
    assert!(!page.contains("<script>alert"));
    assert!(page.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"));
    assert!(page.contains("a&lt;b&gt;.md"));
    assert!(page.contains("data-entity=\"O&#39;Brien &amp; &lt;Co&gt;\""));
    assert!(page.contains("claimcheck &lt;v&gt;"));
    assert!(page.contains(">é</mark>"));
    assert!(page.contains("<mark class=\"claim inconsistent\" id=\"m-0-1\""));
    assert!(page.contains(" data-claims=\"2\""));
    assert!(page.contains(">12 and 34</mark>"));
    // The raw HTML block is shown as text; the line after it is a paragraph.
    assert!(page.contains("<pre class=\"html\">&lt;script&gt;"));
    assert!(page.contains("<p>&#39;quote<mark"));
    assert!(page.contains(">d&#39;</mark></p>"));
    // Legend (3) + é, 12–34, 56, "d'" = 7.
    assert_eq!(assert_marks_closed(&page), 7);
    assert_no_network_loads(&page);

    // Without the source text the article is still listed.
    let ctx = Context {
        sources: &[],
        tables: &[],
        version: "v",
    };
    let page = html::render(&[file], &ctx);
    assert!(page.contains("not available"));
    assert_eq!(assert_marks_closed(&page), 3);
}

/// Chromium's binary, if installed.
fn chromium() -> Option<PathBuf> {
    let fixed = Path::new("/usr/bin/chromium");
    if fixed.is_file() {
        return Some(fixed.to_path_buf());
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join("chromium"))
        .find(|p| p.is_file())
}

/// A fresh folder for this test run.
fn scratch(name: &str) -> PathBuf {
    let dir =
        Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("html-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

/// Runs headless Chromium on `page` with `extra` flags, killing it after 60 s; returns its
/// standard output.
fn headless(chromium: &Path, dir: &Path, page: &Path, extra: &[String]) -> Vec<u8> {
    let profile = dir.join(format!("profile-{}", extra.len()));
    std::fs::create_dir_all(&profile).expect("profile folder");
    let out_path = dir.join("stdout");
    let err_path = dir.join("stderr");
    let mut child = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&out_path).expect("stdout file"))
        .stderr(std::fs::File::create(&err_path).expect("stderr file"))
        .spawn()
        .expect("chromium starts");
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if started.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "chromium did not finish within 60 s; stderr:\n{}",
                std::fs::read_to_string(&err_path).unwrap_or_default()
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(
        status.success(),
        "chromium failed ({status}); stderr:\n{}",
        std::fs::read_to_string(&err_path).unwrap_or_default()
    );
    std::fs::read(&out_path).expect("stdout")
}

#[test]
fn html_report_renders_in_headless_chromium() {
    let Some(chromium) = chromium() else {
        if std::env::var_os("CI").is_some() {
            panic!("chromium is not installed; CI must install it (see .ci/run)");
        }
        eprintln!("note: chromium not found; skipping the headless-browser test");
        return;
    };
    let (page, claims) = report();
    let dir = scratch("chromium");
    let file = dir.join("report.html");
    std::fs::write(&file, &page).expect("page written");

    let started = Instant::now();
    let shot = dir.join("shot.png");
    headless(
        &chromium,
        &dir,
        &file,
        &[
            format!("--screenshot={}", shot.display()),
            "--window-size=1200,1600".to_string(),
            "--hide-scrollbars".to_string(),
        ],
    );
    let png = std::fs::read(&shot).expect("chromium wrote the screenshot");
    assert!(
        png.starts_with(b"\x89PNG\r\n\x1a\n"),
        "the screenshot is not a PNG"
    );
    assert!(
        png.len() > 10 * 1024,
        "the screenshot is only {} bytes: a blank page?",
        png.len()
    );

    let dom = headless(&chromium, &dir, &file, &["--dump-dom".to_string()]);
    let dom = String::from_utf8(dom).expect("UTF-8 DOM");
    assert!(dom.contains("<h1>claimcheck report</h1>"), "DOM:\n{dom}");
    for class in ["consistent", "inconsistent", "unverified"] {
        assert!(
            dom.contains(&format!("<mark class=\"claim {class}\" id=\"m-")),
            "no {class} mark in the DOM"
        );
    }
    // The script ran: it copies each mark's details for the panel.
    assert_eq!(
        claims_marked(&dom),
        claims,
        "every claim is marked in the DOM"
    );
    assert_eq!(
        dom.matches(" data-details=\"").count(),
        page.matches(" id=\"m-").count()
    );
    eprintln!(
        "headless chromium: screenshot and DOM in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn articles_are_rendered_from_their_markdown_with_claims_marked() {
    let source =
        "# Fighters abroad\n\nTunisia sent *2,920* fighters, and **Jordan** sent 3,000.\n\n\
                  - Russia: 3,417\n- France: 1,910\n\n1. first\n2. second\n\n\
                  A [link](https://example.org/x) and a [local one](notes.md), \\*not emphasis\\*, \
                  ![a chart](chart.png).\n";
    let at = |s: &str| source.find(s).expect("in source");
    // "2,920* fighters": the claim runs past the end of the emphasis.
    let mut c = claim(at("2,920"), at("* fighters") + 10, Status::Inconsistent);
    c.expected = Some(claimcheck::check::Expected {
        interval: claimcheck::rules::Interval::closed(2926.0, 2926.0),
        value: "2926".into(),
        table: "data/t.yaml".into(),
        line: 3,
        column: 5,
    });
    let file = FileReport {
        path: "claims/a.md".into(),
        claims: vec![c, claim(at("3,417"), at("3,417") + 5, Status::Consistent)],
        findings: vec![],
    };
    let sources = [source];
    let ctx = Context {
        sources: &sources,
        tables: &[],
        version: "v",
    };
    let page = html::render(&[file], &ctx);
    let body = &page[page
        .find("<div class=\"source rendered\">")
        .expect("rendered")..];
    let body = &body[..body.find("</article>").expect("article ends")];
    // Headings sit below the report's own; paragraphs, emphasis and lists are elements.
    assert!(body.contains("<h4>Fighters abroad</h4>"), "{body}");
    assert!(body.contains("<p>Tunisia sent "), "{body}");
    assert!(body.contains("<strong>Jordan</strong>"), "{body}");
    assert!(body.contains("<ul>\n<li>Russia: "), "{body}");
    assert!(body.contains("<ol>\n<li>first</li>"), "{body}");
    // A claim cut by the emphasis around it is marked in pieces: the first with its id.
    assert!(
        body.contains("<mark class=\"claim inconsistent\" id=\"m-0-0\""),
        "{body}"
    );
    assert!(
        body.contains("</mark></em><mark class=\"claim inconsistent more\"> fighters</mark>,"),
        "{body}"
    );
    assert!(body.contains(">3,417</mark></li>"), "{body}");
    // Web links are links; others are text; images are their description, never loaded.
    assert!(body.contains("<a href=\"https://example.org/x\" rel=\"noreferrer noopener\">link</a>"));
    assert!(
        body.contains("<span class=\"link\">local one</span>"),
        "{body}"
    );
    assert!(body.contains("*not emphasis*"), "{body}");
    assert!(
        body.contains("<span class=\"image\">a chart</span>"),
        "{body}"
    );
    assert_marks_closed(&page);
    assert_no_network_loads(&page);
    // Numbers in the details are grouped in thousands.
    assert!(
        page.contains("table value: 2,926 (data/t.yaml:3:5)"),
        "{page}"
    );
}
