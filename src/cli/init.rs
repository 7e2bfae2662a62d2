//! `claimcheck init`: a working example to start from — a table, an article with one planted
//! mistake, and a configuration — so that the first `claimcheck check` shows what a finding
//! looks like.

use std::io::Write;
use std::path::Path;

use super::config::FILE_NAME;

/// The example table: facts with no period (a mountain's height does not change by year).
pub const TABLE: &str = "\
# An example reference table, written by `claimcheck init`. Edit it, or add tables of your own
# next to it: every .yaml file in data/ is loaded. See the README's \"Reference tables\".

title: The five highest mountains          # optional, shown in reports
source:                                    # optional: where the figures come from
  publisher: Example data
  title: Heights of the eight-thousanders

# Each metric, and the words that name it in prose. `unit` lets \"8,849 metres\" or
# \"29,032 feet\" be compared with a value in metres.
metrics:
  height: {terms: [height, high, tall, elevation], unit: m}

# One record per fact. A height has no period, so the records give none; figures that
# change over time add `period: 2024` (a year or a label) to every record.
records:
  - {entity: Mount Everest, metric: height, value: 8849}
  - {entity: K2, metric: height, value: 8611}
  - {entity: Kangchenjunga, metric: height, value: 8586}
  - {entity: Lhotse, metric: height, value: 8516}
  - {entity: Makalu, metric: height, value: 8485}
";

/// The example article, with one deliberate mistake that its text points out.
pub const ARTICLE: &str = "\
# The highest mountains

This example article was written by `claimcheck init`. Its numbers are checked against the
table in `data/example.yaml`, and one of them is wrong on purpose: the table gives
Kangchenjunga 8,586 metres, not the figure below, so `claimcheck check` reports it. Fix the
number (or add `<!-- claimcheck-ignore -->` before the sentence) and the check passes.

Mount Everest is 8,849 metres high, the highest mountain on Earth. K2 stands about 8,600
metres tall.

Kangchenjunga reaches a height of 8,686 metres.
";

/// The configuration written when the folder has none.
pub const CONFIG: &str = "\
# claimcheck configuration, written by `claimcheck init`. Command-line flags override it;
# `claimcheck check --help` lists them, and the README documents every key.

articles: [claims/]          # files, folders or globs
tables: [data/]              # YAML tables, or folders of them

# fail-on: error             # exit 1 at: error | warning | never

# Rule levels: off | note | warning | error (`claimcheck explain` lists the rules).
rules:
  unverified: note

# Other levels for some articles, by glob relative to this file, applied in order:
# per-file:
#   \"claims/archive/**\": {rules: {rank: off}}
";

/// Writes the example files that do not exist yet, and says what to run next.
pub fn run() -> i32 {
    let files = [
        ("data/example.yaml", TABLE),
        ("claims/example.md", ARTICLE),
        (FILE_NAME, CONFIG),
    ];
    let mut out = String::new();
    for (path, text) in files {
        match create(Path::new(path), text) {
            Ok(true) => out.push_str(&format!("wrote {path}\n")),
            Ok(false) => eprintln!("note: {path} already exists; skipped (not overwritten)"),
            Err(e) => {
                eprintln!("error: {path}: {e}");
                return 2;
            }
        }
    }
    out.push_str(
        "\nNext, run:\n\n    claimcheck check\n\nto check claims/ against data/ (the example has one planted mistake).\n",
    );
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    0
}

/// Creates `path` with `text` unless it exists: `Ok(false)` then. The folder is created.
fn create(path: &Path, text: &str) -> std::io::Result<bool> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path);
    match file {
        Ok(mut f) => {
            f.write_all(text.as_bytes())?;
            Ok(true)
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
        Err(e) => Err(e),
    }
}
