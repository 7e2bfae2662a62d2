//! `claimcheck check`: the articles against the tables, and the reports.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use super::config::Config;
use super::output::{parse_format, write_atomic, Format, Target};
use super::paths::Anchor;
use super::{
    baseline, git, read_articles, tables, Article, CheckArgs, ColorChoice, FailOn, InputError,
    ReadOptions,
};
use crate::check::FileReport;
use crate::claim::Linker;
use crate::report::{self, Context};
use crate::rules::Severity;
use crate::table::Table;

/// The articles, the tables and what checking found, before any filtering for output.
pub struct Run {
    pub articles: Vec<Article>,
    pub tables: Vec<Table>,
    pub reports: Vec<FileReport>,
    /// Problems with single inputs: the run goes on and exits 2.
    pub errors: Vec<InputError>,
}

/// Reads the inputs the arguments and config name, and checks every article. `Err` is an
/// error that stops the run (a table that does not load, a bad argument, no input at all).
pub fn analyze(args: &CheckArgs, config: &Config) -> Result<Run, InputError> {
    let tables = load_tables(args, config)?;
    let paths: Vec<String> = if !args.paths.is_empty() {
        args.paths.clone()
    } else if let Some(listed) = &config.articles {
        listed.clone()
    } else {
        vec!["claims".to_string()]
    };
    let options = ReadOptions {
        stdin_name: args.stdin_filename.clone(),
        exclude: config.exclude.clone(),
    };
    let read = read_articles(&paths, &options)?;
    for s in &read.skipped {
        eprintln!("note: {s}");
    }
    let (mut articles, errors) = (read.articles, read.errors);
    // Counted before sharding: a share with no files is expected when there are more shares
    // than files. An article that could not be read is an error of its own.
    if articles.is_empty() && errors.is_empty() {
        let message = if paths.is_empty() {
            "no articles found: the config's `articles:` list is empty".to_string()
        } else {
            format!(
                "no articles found: no .md, .markdown or .txt file in {}",
                quoted_list(&paths)
            )
        };
        empty_input(message, args.allow_empty)?;
    }
    if let Some((k, n)) = args.shard {
        // Articles come sorted by path, so the share is the same on every machine.
        articles = articles
            .into_iter()
            .enumerate()
            .filter(|(i, _)| i % n == k - 1)
            .map(|(_, a)| a)
            .collect();
    }
    let linker = Linker::new(&tables);
    let threads = args
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from))
        .max(1);
    let reports = check_all(&articles, &linker, &tables, config, threads);
    Ok(Run {
        articles,
        tables,
        reports,
        errors,
    })
}

/// The tables named by the arguments or the config (default `data/`). Loading none is an
/// input error unless `--allow-empty` is given.
pub fn load_tables(args: &CheckArgs, config: &Config) -> Result<Vec<Table>, InputError> {
    let data: Vec<String> = if !args.data.is_empty() {
        args.data.clone()
    } else if let Some(listed) = &config.tables {
        listed.clone()
    } else {
        vec!["data".to_string()]
    };
    let tables = tables::load(&data, config.allow_csv_outside)?;
    if tables.is_empty() {
        let message = if data.is_empty() {
            "no tables loaded: the config's `tables:` list is empty".to_string()
        } else {
            format!(
                "no tables loaded: no .yaml or .yml file in {}",
                quoted_list(&data)
            )
        };
        empty_input(message, args.allow_empty)?;
    }
    Ok(tables)
}

/// No articles or no tables: an input error, or a note when `--allow-empty` lets it pass.
fn empty_input(message: String, allowed: bool) -> Result<(), InputError> {
    if allowed {
        eprintln!("note: {message}");
        Ok(())
    } else {
        Err(InputError(message))
    }
}

/// Paths for a message: `a`, `b`.
fn quoted_list(paths: &[String]) -> String {
    paths
        .iter()
        .map(|p| format!("`{p}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The folder that baselines name paths from: the configuration file's folder, else the top
/// of the git repository, else the working folder.
pub fn project_root(config: &Config) -> PathBuf {
    config
        .dir
        .clone()
        .or_else(|| git::toplevel().ok())
        .unwrap_or_else(|| PathBuf::from("."))
}

/// Checks the articles on `threads` workers. Each article is checked on its own, and the
/// results are put back in the order of the articles, so the output does not depend on the
/// number of threads.
fn check_all(
    articles: &[Article],
    linker: &Linker<'_>,
    tables: &[Table],
    config: &Config,
    threads: usize,
) -> Vec<FileReport> {
    let progress = Progress::new(articles.len());
    let one = |a: &Article| {
        let mut r = crate::check_source(
            &a.path,
            &a.text,
            a.format,
            linker,
            tables,
            &config.tolerances,
        );
        apply_levels(&mut r, config);
        progress.tick();
        r
    };
    if threads <= 1 || articles.len() <= 1 {
        return articles.iter().map(one).collect();
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut slots: Vec<Option<FileReport>> = vec![None; articles.len()];
    let results = std::sync::Mutex::new(&mut slots);
    std::thread::scope(|s| {
        for _ in 0..threads.min(articles.len()) {
            s.spawn(|| loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some(a) = articles.get(i) else { break };
                let r = one(a);
                if let Ok(mut slots) = results.lock() {
                    slots[i] = Some(r);
                }
            });
        }
    });
    slots.into_iter().flatten().collect()
}

/// A count of checked files on standard error, for long runs on a terminal only: CI logs and
/// pipes stay clean.
struct Progress {
    total: usize,
    done: std::sync::atomic::AtomicUsize,
    shown: bool,
}

impl Progress {
    /// Runs of fewer files than this finish before a counter would help.
    const FROM: usize = 50;

    fn new(total: usize) -> Progress {
        Progress {
            total,
            done: std::sync::atomic::AtomicUsize::new(0),
            shown: total >= Self::FROM && std::io::stderr().is_terminal(),
        }
    }

    fn tick(&self) {
        if !self.shown {
            return;
        }
        let n = self.done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
        if n == self.total || n.is_multiple_of(10) {
            let end = if n == self.total { "\r\x1b[K" } else { "" };
            eprint!("\rchecked {n}/{} files{end}", self.total);
        }
    }
}

/// Applies the config's rule levels: `off` drops a rule's findings, a level changes their
/// severity.
pub fn apply_levels(report: &mut FileReport, config: &Config) {
    if config.levels.is_empty() {
        return;
    }
    report
        .findings
        .retain_mut(|f| match config.severity(f.rule, f.severity) {
            Some(s) => {
                f.severity = s;
                true
            }
            None => false,
        });
}

pub fn run(args: &CheckArgs, config: &Config, color: ColorChoice) -> i32 {
    if args.input.is_some() {
        return super::stream::run(args, config);
    }
    let targets = match targets(args, config) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: {e}");
            return 2;
        }
    };
    let mut run = match analyze(args, config) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: {e}");
            return 2;
        }
    };
    // Terms the linker cannot use well, for the table's author; never a finding.
    for n in crate::claim::lint(&run.tables) {
        eprintln!(
            "note: {}: metric `{}`, term \"{}\": {}",
            n.table, n.metric, n.term, n.message
        );
    }
    if let Some(rev) = &args.changed_since {
        match git::toplevel().and_then(|top| {
            let changed = git::changed_lines(rev, &top)?;
            Ok((top, changed))
        }) {
            Ok((top, changed)) => {
                // git names files from the repository's top folder; the findings name them as
                // they were given. A finding counts as changed when its own lines changed, or
                // when the table row it was checked against did.
                let mut repo = Anchor::new(&top);
                for r in &mut run.reports {
                    r.findings.retain(|f| {
                        git::touches(&changed, &repo.rel(&f.path), f.line, f.end_line)
                            || f.expected.as_ref().is_some_and(|e| {
                                git::touches(&changed, &repo.rel(&e.table), e.line, e.line)
                            })
                    });
                }
            }
            Err(e) => {
                eprintln!("error: --changed-since {rev}: {e}");
                return 2;
            }
        }
    }
    let mut project = (args.write_baseline.is_some() || args.baseline.is_some())
        .then(|| Anchor::new(&project_root(config)));
    let mut baseline_written = false;
    let mut failed_write = false;
    if let (Some(file), Some(anchor)) = (&args.write_baseline, project.as_mut()) {
        if run.errors.is_empty() {
            let (text, n) = baseline::render(&run.reports, anchor);
            match write_atomic(Path::new(file), text.as_bytes()) {
                Ok(()) => {
                    eprintln!(
                        "wrote {n} {} to {file}",
                        if n == 1 { "entry" } else { "entries" }
                    );
                    baseline_written = true;
                }
                Err(e) => {
                    eprintln!("error: {file}: cannot write the baseline: {e}");
                    return 2;
                }
            }
        } else {
            // A baseline of a run that could not read every input would miss their findings.
            eprintln!("error: {file}: baseline not written: some inputs could not be read");
            failed_write = true;
        }
    }
    let mut notes = Vec::new();
    if let (Some(file), Some(anchor)) = (&args.baseline, project.as_mut()) {
        match baseline::read(file) {
            Ok(base) => notes.extend(baseline::filter(&base, &mut run.reports, anchor)),
            Err(e) => {
                eprintln!("error: {e}");
                return 2;
            }
        }
    }
    if args.fix {
        match super::fix::fix(args, config, &mut run) {
            Ok(outcome) => failed_write |= outcome.failed,
            Err(code) => return code,
        }
    }
    let sources: Vec<&str> = run.articles.iter().map(|a| a.text.as_str()).collect();
    let ctx = Context {
        sources: &sources,
        tables: &run.tables,
        version: env!("CARGO_PKG_VERSION"),
    };
    let use_color = match color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
        }
    };
    if args.show_claims {
        // Beside a machine-readable report on standard output, the reading goes to standard
        // error so that the report stays parseable.
        let text = report::text::claims(&run.reports);
        let machine_stdout = args.diff
            || targets
                .iter()
                .any(|t| t.path.is_none() && t.format != Format::Text);
        if machine_stdout {
            let _ = std::io::stderr().lock().write_all(text.as_bytes());
        } else {
            let _ = std::io::stdout().lock().write_all(text.as_bytes());
        }
    }
    let mut written = Vec::new();
    // With `--diff`, standard output holds the diff alone.
    for t in targets.iter().filter(|t| !(args.diff && t.path.is_none())) {
        let text = render(t.format, &run.reports, &ctx, use_color && t.path.is_none());
        match &t.path {
            None => {
                let _ = std::io::stdout().lock().write_all(text.as_bytes());
            }
            Some(p) => match write_atomic(Path::new(p), text.as_bytes()) {
                Ok(()) => written.push(p),
                Err(e) => {
                    eprintln!("error: {p}: cannot write the report: {e}");
                    failed_write = true;
                }
            },
        }
        if t.format == Format::Github {
            if let Some(summary) = std::env::var_os("GITHUB_STEP_SUMMARY") {
                let md = report::github::step_summary(&run.reports, &ctx);
                let appended = std::fs::OpenOptions::new()
                    .append(true)
                    .create(true)
                    .open(&summary)
                    .and_then(|mut f| f.write_all(md.as_bytes()));
                if let Err(e) = appended {
                    eprintln!("warning: GITHUB_STEP_SUMMARY: {e}");
                }
            }
        }
    }
    // With every report in a file, standard output stays empty: say what the run found and
    // where it went.
    if args.diff || targets.iter().all(|t| t.path.is_some()) {
        eprintln!(
            "{}",
            report::text::summary_line(&report::Summary::of(&run.reports))
        );
        for p in &written {
            eprintln!("wrote {p}");
        }
    }
    for n in &notes {
        eprintln!("note: {n}");
    }
    for e in &run.errors {
        eprintln!("error: {e}");
    }
    if !run.errors.is_empty() || failed_write {
        return 2;
    }
    if baseline_written {
        // Recording today's findings is the point of the run, not a failure.
        return 0;
    }
    let fail_on = args.fail_on.or(config.fail_on).unwrap_or(FailOn::Error);
    let threshold = match fail_on {
        FailOn::Never => return 0,
        FailOn::Warning => Severity::Warning,
        FailOn::Error => Severity::Error,
    };
    let failed = run
        .reports
        .iter()
        .flat_map(|r| &r.findings)
        .any(|f| f.severity >= threshold);
    // The process ends here: freeing a million-row table piece by piece only delays the exit.
    std::mem::forget(run);
    i32::from(failed)
}

/// The outputs asked for: flags, else the config, else text on standard output. At most one
/// may go to standard output.
fn targets(args: &CheckArgs, config: &Config) -> Result<Vec<Target>, String> {
    let written: &[String] = if !args.formats.is_empty() {
        &args.formats
    } else {
        &config.formats
    };
    let mut out: Vec<Target> = written
        .iter()
        .map(|f| parse_format(f))
        .collect::<Result<_, _>>()?;
    if out.is_empty() {
        out.push(Target {
            format: Format::Text,
            path: None,
        });
    }
    if out.iter().filter(|t| t.path.is_none()).count() > 1 {
        return Err(
            "only one format can go to standard output; give the others a file (FORMAT=PATH)"
                .into(),
        );
    }
    Ok(out)
}

fn render(format: Format, reports: &[FileReport], ctx: &Context<'_>, color: bool) -> String {
    match format {
        Format::Text => report::text::render(reports, ctx.sources, color),
        Format::Json => report::json::render(reports),
        Format::Jsonl => report::jsonl::render(reports, ctx),
        Format::Sarif => report::sarif::render(reports, ctx),
        Format::Github => report::github::render(reports, ctx),
        Format::Junit => report::junit::render(reports, ctx),
        Format::Markdown => report::markdown::render(reports, ctx),
        Format::Html => report::html::render(reports, ctx),
    }
}
