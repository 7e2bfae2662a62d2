//! The command line: arguments, reading files, choosing writers. The only module that does I/O.

use std::io::Read;
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};

use crate::text::Format as SourceFormat;

/// claimcheck finds the numbers in articles and checks them against reference tables.
#[derive(Debug, Parser)]
#[command(name = "claimcheck", version, about, long_about = None)]
pub struct Args {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List every quantity found in the articles (numbers, percentages, money, ranges,
    /// ordinals, fractions, years and dates), with its hedge and exact position.
    ///
    /// Examples:
    ///   claimcheck extract claims/
    ///   echo "about 1,910 fighters" | claimcheck extract - --format json
    Extract {
        /// Files or folders to read (`.md`, `.markdown`, `.txt`); `-` reads standard input.
        #[arg(default_value = "claims")]
        paths: Vec<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
    },
    /// Check the numbers in the articles against the reference tables.
    ///
    /// Each number is tied to an entity, a metric and a period of a table and compared with
    /// the table's value, allowing for its hedge ("about", "nearly", "more than") and its
    /// printed precision. Exit code 0 when nothing at error level was found, 1 when something
    /// was, 2 on a usage or input error.
    ///
    /// Examples:
    ///   claimcheck check
    ///   claimcheck check claims/soufan-2017.md --data data/soufan-2017.yaml
    ///   claimcheck check --format json > report.json
    Check {
        /// Files or folders to check (`.md`, `.markdown`, `.txt`); `-` reads standard input.
        #[arg(default_value = "claims")]
        paths: Vec<String>,
        /// A reference table (`.yaml`/`.yml`) or a folder of them; repeatable.
        #[arg(long = "data", value_name = "PATH", default_value = "data")]
        data: Vec<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
    },
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
    match args.command {
        Command::Extract { paths, format } => extract::run(&paths, format),
        Command::Check {
            paths,
            data,
            format,
        } => check::run(&paths, &data, format),
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

/// Expands the paths given on the command line into article files, sorted, and reads them.
/// Returns the articles that could be read and an error for each that could not.
pub fn read_articles(paths: &[String]) -> (Vec<Article>, Vec<InputError>) {
    let mut files: Vec<PathBuf> = Vec::new();
    let mut errors = Vec::new();
    let mut articles = Vec::new();
    for p in paths {
        if p == "-" {
            let mut buf = Vec::new();
            match std::io::stdin().read_to_end(&mut buf) {
                Ok(_) => match decode("-", buf) {
                    Ok(text) => articles.push(Article {
                        path: "-".to_string(),
                        text,
                        format: SourceFormat::Markdown,
                    }),
                    Err(e) => errors.push(e),
                },
                Err(e) => errors.push(InputError(format!("-: cannot read standard input: {e}"))),
            }
            continue;
        }
        let path = Path::new(p);
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => walk(path, &mut files, &mut errors),
            Ok(_) => files.push(path.to_path_buf()),
            Err(e) => errors.push(InputError(format!("{p}: {e}"))),
        }
    }
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
    (articles, errors)
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

mod check;
mod extract;
mod tables;
