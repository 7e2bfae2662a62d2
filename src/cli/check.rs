//! `claimcheck check`: the articles against the tables, and the reports.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use std::collections::BTreeMap;

use super::config::{severity, Config, Level};
use super::output::{parse_format, write_atomic, Format, Target};
use super::paths::Anchor;
use super::{
    baseline, git, read_articles, tables, Article, CheckArgs, ColorChoice, FailOn, InputArgs,
    InputError, ReadOptions,
};
use crate::check::{FileReport, Finding};
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
    /// The findings inline comments suppressed, per article, at the levels in force.
    pub suppressed: Vec<Vec<Finding>>,
}

/// What to say on standard error besides errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Talk {
    /// Errors only (`--quiet`).
    Quiet,
    /// Errors and notes.
    Normal,
    /// Also what was read and what was left out (`--verbose`).
    Verbose,
}

/// Reads the inputs the arguments and config name, and checks every article. `Err` is an
/// error that stops the run (a table that does not load, a bad argument, no input at all).
/// `stdin_name` names an article read from standard input.
pub fn analyze(
    args: &InputArgs,
    stdin_name: Option<&str>,
    config: &Config,
    talk: Talk,
) -> Result<Run, InputError> {
    if talk != Talk::Quiet {
        for n in &config.notes {
            eprintln!("note: {n}");
        }
    }
    if talk == Talk::Verbose {
        match &config.file {
            Some(f) => eprintln!("info: configuration: {f}"),
            None => eprintln!("info: configuration: none (defaults)"),
        }
    }
    let tables = load_tables(args, config, talk)?;
    let paths: Vec<String> = if !args.paths.is_empty() {
        args.paths.clone()
    } else if let Some(listed) = &config.articles {
        listed.clone()
    } else {
        vec!["claims".to_string()]
    };
    let options = ReadOptions {
        stdin_name: stdin_name.map(str::to_string),
        exclude: config.exclude.clone(),
    };
    let read = read_articles(&paths, &options)?;
    if talk != Talk::Quiet {
        for s in &read.skipped {
            eprintln!("note: {s}");
        }
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
    let (reports, suppressed): (Vec<FileReport>, Vec<Vec<Finding>>) =
        check_all(&articles, &linker, &tables, config, threads)
            .into_iter()
            .unzip();
    if talk == Talk::Verbose {
        for r in &reports {
            eprintln!(
                "info: article: {} ({} claim{})",
                r.path,
                r.claims.len(),
                if r.claims.len() == 1 { "" } else { "s" }
            );
        }
    }
    Ok(Run {
        articles,
        tables,
        reports,
        errors,
        suppressed,
    })
}

/// The tables named by the arguments or the config (default `data/`). Loading none is an
/// input error unless `--allow-empty` is given.
pub fn load_tables(
    args: &InputArgs,
    config: &Config,
    talk: Talk,
) -> Result<Vec<Table>, InputError> {
    let data: Vec<String> = if !args.data.is_empty() {
        args.data.clone()
    } else if let Some(listed) = &config.tables {
        listed.clone()
    } else {
        vec!["data".to_string()]
    };
    let (tables, notes) = tables::load(&data, config.allow_csv_outside)?;
    if talk != Talk::Quiet {
        for n in &notes {
            eprintln!("note: {n}");
        }
    }
    if talk == Talk::Verbose {
        for t in &tables {
            eprintln!(
                "info: table: {} ({} record{}, {} metric{})",
                t.path,
                t.records.len(),
                if t.records.len() == 1 { "" } else { "s" },
                t.metrics.len(),
                if t.metrics.len() == 1 { "" } else { "s" }
            );
        }
    }
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
pub(super) fn empty_input(message: String, allowed: bool) -> Result<(), InputError> {
    if allowed {
        eprintln!("note: {message}");
        Ok(())
    } else {
        Err(InputError(message))
    }
}

/// Paths for a message: `a`, `b`.
pub(super) fn quoted_list(paths: &[String]) -> String {
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
) -> Vec<(FileReport, Vec<Finding>)> {
    let progress = Progress::new(articles.len());
    // `per-file` globs match paths relative to the configuration file's folder.
    let relative: Vec<Option<String>> = match (&config.dir, config.per_file.is_empty()) {
        (Some(dir), false) => {
            let mut anchor = Anchor::new(dir);
            articles.iter().map(|a| Some(anchor.rel(&a.path))).collect()
        }
        _ => vec![None; articles.len()],
    };
    let one = |(a, rel): (&Article, &Option<String>)| {
        let (mut r, mut suppressed) = crate::check::check_source_with_suppressed(
            &a.path,
            &a.text,
            a.format,
            linker,
            tables,
            &config.tolerances,
        );
        let levels = config.levels_for(rel.as_deref());
        apply_levels(&mut r.findings, &levels);
        apply_levels(&mut suppressed, &levels);
        progress.tick();
        (r, suppressed)
    };
    if threads <= 1 || articles.len() <= 1 {
        return articles.iter().zip(&relative).map(one).collect();
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut slots: Vec<Option<(FileReport, Vec<Finding>)>> = vec![None; articles.len()];
    let results = std::sync::Mutex::new(&mut slots);
    std::thread::scope(|s| {
        for _ in 0..threads.min(articles.len()) {
            s.spawn(|| loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let (Some(a), Some(rel)) = (articles.get(i), relative.get(i)) else {
                    break;
                };
                let r = one((a, rel));
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

/// Applies rule levels: `off` drops a rule's findings, a level changes their severity.
pub fn apply_levels(findings: &mut Vec<Finding>, levels: &BTreeMap<String, Level>) {
    if levels.is_empty() {
        return;
    }
    findings.retain_mut(|f| match severity(levels, f.rule, f.severity) {
        Some(s) => {
            f.severity = s;
            true
        }
        None => false,
    });
}

/// Findings by severity: errors, warnings, notes.
type Counts = [usize; 3];

fn counts<'a>(findings: impl IntoIterator<Item = &'a Finding>) -> Counts {
    let mut c = [0; 3];
    for f in findings {
        c[match f.severity {
            Severity::Error => 0,
            Severity::Warning => 1,
            Severity::Note => 2,
        }] += 1;
    }
    c
}

fn all_counts(reports: &[FileReport]) -> Counts {
    counts(reports.iter().flat_map(|r| &r.findings))
}

fn minus(a: Counts, b: Counts) -> Counts {
    [0, 1, 2].map(|i| a[i].saturating_sub(b[i]))
}

/// What was left out of the report, by why: (label, counts by severity).
type Filtered = Vec<(&'static str, Counts)>;

/// `--statistics`: one line per rule with findings, most first, ties by rule id.
fn statistics(reports: &[FileReport]) -> String {
    let mut by_rule: BTreeMap<&str, usize> = BTreeMap::new();
    for f in reports.iter().flat_map(|r| &r.findings) {
        *by_rule.entry(f.rule).or_default() += 1;
    }
    let mut rows: Vec<(&str, usize)> = by_rule.into_iter().collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let width = rows
        .iter()
        .map(|(_, n)| n.to_string().len())
        .max()
        .unwrap_or(1);
    let id_width = rows.iter().map(|(r, _)| r.len()).max().unwrap_or(0);
    let mut out = String::new();
    for (rule, n) in rows {
        let summary = crate::rules::rule(rule).map_or("", |r| r.summary);
        out.push_str(&format!("{n:>width$}  {rule:<id_width$}  {summary}\n"));
    }
    out
}

pub fn run(args: &CheckArgs, config: &Config) -> i32 {
    let talk = if args.quiet {
        Talk::Quiet
    } else if args.verbose {
        Talk::Verbose
    } else {
        Talk::Normal
    };
    let mut config = config.clone();
    if let Err(e) = config.select(&args.select, &args.extend_select, &args.ignore) {
        eprintln!("error: {e}");
        return 2;
    }
    let config = &config;
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
    let mut run = match analyze(&args.inputs, args.stdin_filename.as_deref(), config, talk) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: {e}");
            return 2;
        }
    };
    // Terms the linker cannot use well, for the table's author; never a finding.
    if talk != Talk::Quiet {
        for n in crate::claim::lint(&run.tables) {
            eprintln!(
                "note: {}: metric `{}`, term \"{}\": {}",
                n.table, n.metric, n.term, n.message
            );
        }
    }
    let mut filtered: Filtered = Vec::new();
    let suppressed = counts(run.suppressed.iter().flatten());
    if talk == Talk::Verbose {
        for f in run.suppressed.iter().flatten() {
            eprintln!(
                "info: left out: {}:{}:{}: {}[{}] (suppressed inline)",
                f.path,
                f.line,
                f.column,
                f.severity.as_str(),
                f.rule
            );
        }
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
                let before = all_counts(&run.reports);
                for r in &mut run.reports {
                    r.findings.retain(|f| {
                        let keep = git::touches(&changed, &repo.rel(&f.path), f.line, f.end_line)
                            || f.expected.as_ref().is_some_and(|e| {
                                git::touches(&changed, &repo.rel(&e.table), e.line, e.line)
                            });
                        if !keep && talk == Talk::Verbose {
                            eprintln!(
                                "info: left out: {}:{}:{}: {}[{}] (unchanged since {rev})",
                                f.path,
                                f.line,
                                f.column,
                                f.severity.as_str(),
                                f.rule
                            );
                        }
                        keep
                    });
                }
                filtered.push(("unchanged", minus(before, all_counts(&run.reports))));
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
                    if talk != Talk::Quiet {
                        eprintln!(
                            "wrote {n} {} to {file}",
                            if n == 1 { "entry" } else { "entries" }
                        );
                    }
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
            Ok(base) => {
                let before: Vec<Vec<Finding>> =
                    run.reports.iter().map(|r| r.findings.clone()).collect();
                notes.extend(baseline::filter(&base, &mut run.reports, anchor));
                let left_out: Vec<&Finding> = before
                    .iter()
                    .zip(&run.reports)
                    .flat_map(|(b, r)| b.iter().filter(|f| !r.findings.contains(f)))
                    .collect();
                if talk == Talk::Verbose {
                    for f in &left_out {
                        eprintln!(
                            "info: left out: {}:{}:{}: {}[{}] (in baseline)",
                            f.path,
                            f.line,
                            f.column,
                            f.severity.as_str(),
                            f.rule
                        );
                    }
                }
                filtered.insert(0, ("in baseline", counts(left_out)));
            }
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
    filtered.push(("suppressed", suppressed));
    filtered.retain(|(_, c)| c.iter().any(|n| *n > 0));
    let summary = report::text::summary_line_with(&report::Summary::of(&run.reports), &filtered);
    let sources: Vec<&str> = run.articles.iter().map(|a| a.text.as_str()).collect();
    let ctx = Context {
        sources: &sources,
        tables: &run.tables,
        version: env!("CARGO_PKG_VERSION"),
    };
    let use_color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
        }
    };
    // With `--diff`, standard output holds the diff alone.
    let machine_stdout = args.diff
        || targets
            .iter()
            .any(|t| t.path.is_none() && t.format != Format::Text);
    if args.show_claims {
        // Beside a machine-readable report on standard output, the reading goes to standard
        // error so that the report stays parseable.
        let text = report::text::claims(&run.reports);
        if machine_stdout {
            let _ = std::io::stderr().lock().write_all(text.as_bytes());
        } else {
            let _ = std::io::stdout().lock().write_all(text.as_bytes());
        }
    }
    let mut written = Vec::new();
    for t in targets.iter().filter(|t| !(args.diff && t.path.is_none())) {
        let text = if t.format == Format::Text {
            let color = use_color && t.path.is_none();
            // With `--statistics`, the counts take the place of the findings on the console.
            let mut text = if t.path.is_none() && args.statistics {
                statistics(&run.reports)
            } else {
                report::text::findings(&run.reports, ctx.sources, color)
            };
            if talk != Talk::Quiet {
                text.push_str(&summary);
                text.push('\n');
            }
            text
        } else {
            render(t.format, &run.reports, &ctx, use_color && t.path.is_none())
        };
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
    // `--statistics` beside a machine-readable report on standard output: on standard error.
    if args.statistics && machine_stdout {
        eprint!("{}", statistics(&run.reports));
    }
    // With every report in a file, standard output stays empty: say what the run found and
    // where it went.
    if (args.diff || targets.iter().all(|t| t.path.is_some())) && talk != Talk::Quiet {
        if args.statistics && !machine_stdout {
            eprint!("{}", statistics(&run.reports));
        }
        eprintln!("{summary}");
        for p in &written {
            eprintln!("wrote {p}");
        }
    }
    if talk != Talk::Quiet {
        for n in &notes {
            eprintln!("note: {n}");
        }
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
