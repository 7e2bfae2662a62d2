//! The command line: arguments, reading files, choosing writers. The only module that does I/O.

use std::io::Read;
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};

use crate::text::Format as SourceFormat;

/// claimcheck finds the numbers in articles and checks them against reference tables.
///
/// Start with `claimcheck init` in an empty folder: it writes an example table, an example
/// article with one planted mistake and a `claimcheck.yaml`; then `claimcheck check` shows
/// the finding. In a repository with articles in `claims/` and tables in `data/`,
/// `claimcheck check` needs no setup at all.
#[derive(Debug, Parser)]
#[command(name = "claimcheck", version, about, long_about = None)]
pub struct Args {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check the numbers in the articles against the reference tables.
    ///
    /// Each number is tied to an entity, a metric and a period of a table and compared with
    /// the table's value, allowing for its hedge ("about", "nearly", "more than") and its
    /// printed precision; ranks, trends and shares are checked against the table's order
    /// and values. Exit code 0 when nothing at the `--fail-on` level was found, 1 when
    /// something was, 2 on a usage or input error (no article or no table found is one,
    /// unless `--allow-empty`).
    ///
    /// Examples:
    ///   claimcheck check
    ///   claimcheck check claims/soufan-2017.md --data data/soufan-2017.yaml
    ///   claimcheck check --select value-mismatch,rank
    ///   claimcheck check --ignore unverified --statistics
    ///   claimcheck check --format text --format sarif=claimcheck.sarif
    ///   claimcheck check --baseline .claimcheck-baseline.json
    ///   claimcheck check --changed-since origin/main
    #[command(verbatim_doc_comment)]
    Check(CheckArgs),
    /// List every quantity found in the articles (numbers, percentages, money, ranges,
    /// ordinals, fractions, years and dates), with its hedge and exact position.
    ///
    /// Examples:
    ///   claimcheck extract claims/
    ///   echo "about 1,910 fighters" | claimcheck extract - --format json
    #[command(verbatim_doc_comment)]
    Extract {
        /// Files or folders to read (`.md`, `.markdown`, `.txt`); `-` reads standard input.
        #[arg(default_value = "claims")]
        paths: Vec<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
        /// Let a run that finds no article pass (exit 0); without it, that is an input
        /// error (exit code 2).
        #[arg(long)]
        allow_empty: bool,
    },
    /// Print the documentation of a rule (`claimcheck explain value-mismatch`), or list the
    /// rules when none is named.
    Explain {
        /// A rule id: value-mismatch, contradiction, rank, trend, share, compare, unverified,
        /// unused-suppression.
        rule: Option<String>,
    },
    /// Start a project in the current folder: an example table in `data/`, an example
    /// article in `claims/` with one deliberate mistake, and a commented `claimcheck.yaml`.
    ///
    /// A file that already exists is never overwritten: it is skipped with a note. Then run
    /// `claimcheck check` to see the example's finding.
    ///
    /// Example:
    ///   claimcheck init && claimcheck check
    #[command(verbatim_doc_comment)]
    Init,
    /// Keep a reviewable YAML snapshot of every claim and its verdict next to each article,
    /// under `.snapshots/`; `--check` fails when one would change and shows what changed.
    ///
    /// Examples:
    ///   claimcheck snapshot            # write or update the snapshots
    ///   claimcheck snapshot --check    # in CI: exit 1 and explain any change
    #[command(verbatim_doc_comment)]
    Snapshot(SnapshotArgs),
}

/// What `check` and `snapshot` read: the configuration, the articles and the tables.
#[derive(Debug, Clone, clap::Args)]
pub struct InputArgs {
    /// Configuration file (default: `claimcheck.yaml` in this folder or the nearest parent).
    #[arg(long, value_name = "FILE")]
    pub config: Option<String>,
    /// Files, folders or globs to check (`.md`, `.markdown`, `.txt`). Default: the config's
    /// `articles`, else `claims/`.
    pub paths: Vec<String>,
    /// A reference table (`.yaml`/`.yml`) or a folder of them; repeatable. Default: the
    /// config's `tables`, else `data/`.
    #[arg(long = "data", value_name = "PATH")]
    pub data: Vec<String>,
    /// Worker threads (default: one per core). Output is the same whatever the number.
    #[arg(short = 'j', long, value_name = "N")]
    pub threads: Option<usize>,
    /// Check only the K-th of N shares of the files (1-based, by sorted path), to spread an
    /// archive over machines: `--shard 1/4` … `--shard 4/4`.
    #[arg(long, value_name = "K/N", value_parser = parse_shard)]
    pub shard: Option<(usize, usize)>,
    /// Let a run with no articles or no tables pass: without it, finding no article (an
    /// empty folder, a glob that matches nothing) or loading no table is an input error
    /// (exit code 2), since a run that checked nothing proves nothing.
    #[arg(long)]
    pub allow_empty: bool,
}

/// The arguments of `snapshot`.
#[derive(Debug, Clone, clap::Args)]
pub struct SnapshotArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Compare with the snapshots on disk and fail (exit 1) if any would change.
    #[arg(long = "check", conflicts_with = "accept")]
    pub check_only: bool,
    /// Write the new snapshots (the default when neither flag is given).
    #[arg(long)]
    pub accept: bool,
}

/// The arguments of `check`.
#[derive(Debug, Clone, clap::Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub inputs: InputArgs,
    /// Output format, optionally to a file: text, json, jsonl, sarif, github, junit,
    /// markdown, html. Repeatable: `--format text --format sarif=out.sarif`. A missing
    /// folder for the file is created.
    #[arg(long = "format", value_name = "FORMAT[=PATH]")]
    pub formats: Vec<String>,
    /// When to color the text report (`NO_COLOR` turns `auto` off).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Exit with 1 when a finding at this level or above is reported.
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,
    /// Report only these rules, replacing the config's choice (comma-separated, repeatable):
    /// `--select value-mismatch,rank`. A rule the config turns off is reported at its
    /// default level. `claimcheck explain` lists the rules.
    #[arg(long, value_name = "RULE,…", value_delimiter = ',')]
    pub select: Vec<String>,
    /// Also report these rules, on top of the config's choice or `--select`.
    #[arg(long, value_name = "RULE,…", value_delimiter = ',')]
    pub extend_select: Vec<String>,
    /// Never report these rules; wins over `--select`, `--extend-select` and `per-file`.
    #[arg(long, value_name = "RULE,…", value_delimiter = ',')]
    pub ignore: Vec<String>,
    /// Print the findings and nothing else: no summary line, no `wrote` lines, no notes on
    /// standard error (errors are still printed).
    #[arg(short, long, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Also say on standard error which configuration file is in force, each table loaded
    /// (with its records and metrics), each article read (with its claims) and each finding
    /// hidden by a baseline, an inline suppression or `--changed-since`.
    #[arg(short, long)]
    pub verbose: bool,
    /// Instead of each finding, print how many findings each rule reported, most first
    /// (ties by rule id), then the summary line.
    #[arg(long)]
    pub statistics: bool,
    /// Report only findings that are not in this baseline file.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<String>,
    /// Record the findings of this run in a baseline file (paths relative to the project's
    /// folder) and exit 0 once it is written.
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<String>,
    /// Rewrite each wrong figure in place with the table's value, printed the way the
    /// article prints it. Only an exact figure (no hedge) of a plain value against an exact
    /// table value is rewritten; the exit code then reflects the findings that remain.
    #[arg(long, conflicts_with_all = ["input", "write_baseline"])]
    pub fix: bool,
    /// With --fix: print the changes as a unified diff on standard output instead of
    /// writing them.
    #[arg(long, requires = "fix")]
    pub diff: bool,
    /// Report only findings on lines changed since this git revision, or checked against a
    /// table row that changed since it.
    #[arg(long, value_name = "REV")]
    pub changed_since: Option<String>,
    /// The name to report for an article read from standard input (`-`).
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<String>,
    /// Read articles as JSON Lines from the paths (or `-`): one `{"id": …, "text": …}` per
    /// line, answered by one result line each, in order (with `--format jsonl`).
    #[arg(long, value_enum)]
    pub input: Option<InputFormat>,
    /// Print how every number was read before the report: one line per claim with its
    /// entity, metric and period, how each was found (stated, inherited, only, defaulted) and
    /// the words that gave it, then the verdict and, when unverified, why.
    #[arg(long)]
    pub show_claims: bool,
}

/// How `--input` reads articles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    /// One JSON document per line: `{"id": "…", "text": "…"}`.
    Jsonl,
}

fn parse_shard(s: &str) -> Result<(usize, usize), String> {
    let (k, n) = s.split_once('/').ok_or("expected K/N, e.g. 2/8")?;
    let k: usize = k
        .trim()
        .parse()
        .map_err(|_| format!("`{k}` is not a number"))?;
    let n: usize = n
        .trim()
        .parse()
        .map_err(|_| format!("`{n}` is not a number"))?;
    if n == 0 || k == 0 || k > n {
        return Err(format!("shard {k}/{n}: K must be between 1 and N"));
    }
    Ok((k, n))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FailOn {
    Never,
    Warning,
    Error,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Text,
    Json,
}

/// Runs the command line and returns the process exit code.
pub fn run() -> i32 {
    let args = match Args::try_parse() {
        Ok(a) => a,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return code;
        }
    };
    let load = |input: &InputArgs| {
        config::load(input.config.as_deref()).map_err(|e| {
            eprintln!("error: {e}");
        })
    };
    match args.command {
        Command::Extract {
            paths,
            format,
            allow_empty,
        } => extract::run(&paths, format, allow_empty),
        Command::Check(check) => match load(&check.inputs) {
            Ok(config) => check::run(&check, &config),
            Err(()) => 2,
        },
        Command::Explain { rule } => explain::explain(rule.as_deref()),
        Command::Init => init::run(),
        Command::Snapshot(snap) => match load(&snap.input) {
            Ok(config) => snapshot::run(&snap.input, &config, snap.check_only),
            Err(()) => 2,
        },
    }
}

/// An article read from disk or standard input.
pub struct Article {
    /// The path as shown in output (relative as given, `-` for standard input).
    pub path: String,
    pub text: String,
    pub format: SourceFormat,
}

/// A problem with one input; the run goes on with the others and exits 2.
#[derive(Debug)]
pub struct InputError(pub String);

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

const ARTICLE_EXTENSIONS: &[&str] = &["md", "markdown", "txt"];

/// How articles are found and named.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// The name reported for standard input (`--stdin-filename`); `-` when unset.
    pub stdin_name: Option<String>,
    /// Globs of paths never to read (`exclude:` in the config).
    pub exclude: Vec<String>,
}

/// What reading the articles gave.
#[derive(Default)]
pub struct Articles {
    /// The articles that could be read, sorted by path.
    pub articles: Vec<Article>,
    /// One error for each article that could not be read.
    pub errors: Vec<InputError>,
    /// Files given by name but not read, and why (a table given as an article).
    pub skipped: Vec<String>,
}

/// Expands the paths given (files, folders, or globs such as `claims/**/*.md`) into article
/// files, sorted, and reads them. `Err` only for a malformed glob.
pub fn read_articles(paths: &[String], options: &ReadOptions) -> Result<Articles, InputError> {
    let mut files: Vec<PathBuf> = Vec::new();
    let mut errors = Vec::new();
    let mut articles = Vec::new();
    let mut skipped = Vec::new();
    let exclude = globs(&options.exclude)?;
    for p in paths {
        if p == "-" {
            let name = options
                .stdin_name
                .clone()
                .unwrap_or_else(|| "-".to_string());
            let mut buf = Vec::new();
            match std::io::stdin().read_to_end(&mut buf) {
                Ok(_) => match decode(&name, buf) {
                    Ok(text) => articles.push(Article {
                        format: if name == "-" {
                            SourceFormat::Markdown
                        } else {
                            SourceFormat::from_path(&name)
                        },
                        path: name,
                        text,
                    }),
                    Err(e) => errors.push(e),
                },
                Err(e) => errors.push(InputError(format!(
                    "{name}: cannot read standard input: {e}"
                ))),
            }
            continue;
        }
        if p.contains(['*', '?', '[', '{']) {
            let matcher = globs(std::slice::from_ref(p))?;
            let root = glob_root(p);
            let mut found = Vec::new();
            walk(Path::new(&root), &mut found, &mut errors);
            files.extend(
                found
                    .into_iter()
                    .filter(|f| matcher.is_match(display_path(f))),
            );
            continue;
        }
        let path = Path::new(p);
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => walk(path, &mut files, &mut errors),
            Ok(_) if is_table_file(path) => skipped.push(format!(
                "{}: a table, not an article; skipped (tables go after --data)",
                display_path(path)
            )),
            Ok(_) => files.push(path.to_path_buf()),
            Err(e) => errors.push(InputError(format!("{p}: {e}"))),
        }
    }
    files.retain(|f| !exclude.is_match(display_path(f)));
    files.sort();
    files.dedup();
    for f in files {
        let shown = display_path(&f);
        match std::fs::read(&f) {
            Ok(bytes) => match decode(&shown, bytes) {
                Ok(text) => articles.push(Article {
                    format: SourceFormat::from_path(&shown),
                    path: shown,
                    text,
                }),
                Err(e) => errors.push(e),
            },
            Err(e) => errors.push(InputError(format!("{shown}: cannot read: {e}"))),
        }
    }
    Ok(Articles {
        articles,
        errors,
        skipped,
    })
}

/// Whether a file named as an article is a YAML table (`.yaml`, `.yml`).
fn is_table_file(path: &Path) -> bool {
    path.extension()
        .and_then(|x| x.to_str())
        .is_some_and(|x| matches!(x.to_ascii_lowercase().as_str(), "yaml" | "yml"))
}

/// A set of globs; `**` crosses folders.
fn globs(patterns: &[String]) -> Result<globset::GlobSet, InputError> {
    let mut b = globset::GlobSetBuilder::new();
    for p in patterns {
        let g = globset::GlobBuilder::new(p)
            .literal_separator(true)
            .build()
            .map_err(|e| InputError(format!("bad glob `{p}`: {e}")))?;
        b.add(g);
    }
    b.build().map_err(|e| InputError(format!("bad globs: {e}")))
}

/// The folder a glob starts from: its components before the first one with a wildcard.
fn glob_root(pattern: &str) -> String {
    let parts: Vec<&str> = pattern
        .split('/')
        .take_while(|c| !c.contains(['*', '?', '[', '{']))
        .collect();
    if parts.is_empty() {
        ".".to_string()
    } else {
        parts.join("/")
    }
}

/// Walks a folder for articles, honoring `.gitignore` and skipping hidden files.
fn walk(dir: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<InputError>) {
    let walker = ignore::WalkBuilder::new(dir)
        .follow_links(false)
        .require_git(false)
        .build();
    for entry in walker {
        match entry {
            Ok(e) => {
                let p = e.path();
                let wanted = p
                    .extension()
                    .and_then(|x| x.to_str())
                    .is_some_and(|x| ARTICLE_EXTENSIONS.contains(&x.to_ascii_lowercase().as_str()));
                if wanted && e.file_type().is_some_and(|t| t.is_file()) {
                    files.push(p.to_path_buf());
                }
            }
            Err(e) => errors.push(InputError(format!("{}: {e}", dir.display()))),
        }
    }
}

fn display_path(p: &Path) -> String {
    let s = p.to_string_lossy().replace('\\', "/");
    s.strip_prefix("./").unwrap_or(&s).to_string()
}

/// Articles must be UTF-8: a file that is not is an error naming the byte offset, since a
/// lossy reading would move every offset after it. A leading byte-order mark is kept in the
/// text (offsets stay true to the file) and the text module skips it.
fn decode(path: &str, bytes: Vec<u8>) -> Result<String, InputError> {
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        InputError(format!("{path}: not UTF-8: invalid byte at offset {at}"))
    })
}

mod baseline;
mod check;
mod config;
mod explain;
mod extract;
mod fix;
mod git;
mod init;
mod output;
mod paths;
mod snapshot;
mod stream;
mod tables;
