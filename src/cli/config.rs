//! `claimcheck.yaml`: the project's settings. Command-line flags override them.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::{FailOn, InputError};
use crate::rules::{Severity, Tolerances, RULES};

/// The configuration file's name, looked for in the working folder and its parents.
pub const FILE_NAME: &str = "claimcheck.yaml";

/// A rule's level as the config sets it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Off,
    Note,
    Warning,
    Error,
}

/// The file as written. Unknown keys are errors.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Raw {
    articles: Option<Vec<String>>,
    tables: Option<Vec<String>>,
    exclude: Option<Vec<String>>,
    fail_on: Option<FailOn>,
    rules: Option<BTreeMap<String, Level>>,
    tolerance: Option<RawTolerance>,
    format: Option<Vec<String>>,
    /// Let a table's `csv:` path leave the table's folder.
    allow_csv_outside: Option<bool>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawTolerance {
    approximate: Option<f64>,
    near: Option<f64>,
    /// Per hedge word: `about: 0.1`.
    words: Option<BTreeMap<String, f64>>,
}

/// The settings in force, with paths resolved against the config file's folder.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// `articles:` as written (resolved); `None` when the key is absent.
    pub articles: Option<Vec<String>>,
    /// `tables:` as written (resolved); `None` when the key is absent.
    pub tables: Option<Vec<String>>,
    pub exclude: Vec<String>,
    pub fail_on: Option<FailOn>,
    pub levels: BTreeMap<String, Level>,
    pub tolerances: Tolerances,
    pub formats: Vec<String>,
    pub allow_csv_outside: bool,
    /// The folder of the configuration file in force, made absolute; `None` without one.
    pub dir: Option<PathBuf>,
}

impl Config {
    /// The severity a finding of `rule` is reported at, or `None` when the rule is off.
    pub fn severity(&self, rule: &str, default: Severity) -> Option<Severity> {
        match self.levels.get(rule) {
            None => Some(default),
            Some(Level::Off) => None,
            Some(Level::Note) => Some(Severity::Note),
            Some(Level::Warning) => Some(Severity::Warning),
            Some(Level::Error) => Some(Severity::Error),
        }
    }
}

/// Finds and reads the configuration: `explicit` if given (it must exist), else the nearest
/// `claimcheck.yaml` from the working folder up; none at all is the defaults.
pub fn load(explicit: Option<&str>) -> Result<Config, InputError> {
    let file = match explicit {
        Some(p) => Some(PathBuf::from(p)),
        None => discover(),
    };
    let Some(file) = file else {
        return Ok(Config::default());
    };
    let shown = super::display_path(&file);
    let text = std::fs::read_to_string(&file).map_err(|e| InputError(format!("{shown}: {e}")))?;
    let base = file.parent().map(Path::to_path_buf).unwrap_or_default();
    if text.trim().is_empty() {
        return Ok(Config {
            dir: Some(super::paths::resolve(&base)),
            ..Config::default()
        });
    }
    let raw: Raw = crate::table::read_yaml(&shown, &text).map_err(|e| InputError(e.to_string()))?;
    let resolve = |list: Option<Vec<String>>| -> Option<Vec<String>> {
        list.map(|l| l.into_iter().map(|p| relative_to(&base, &p)).collect())
    };
    let levels = raw.rules.unwrap_or_default();
    for rule in levels.keys() {
        if !RULES.iter().any(|r| r.id == rule) {
            let known: Vec<&str> = RULES.iter().map(|r| r.id).collect();
            return Err(InputError(format!(
                "{shown}:{}: unknown rule `{rule}` under `rules` (known: {})",
                line_of_key(&text, rule),
                known.join(", ")
            )));
        }
    }
    let mut tolerances = Tolerances::default();
    if let Some(t) = raw.tolerance {
        for (name, v) in [("approximate", t.approximate), ("near", t.near)] {
            if let Some(v) = v {
                check_tolerance(&shown, &text, name, v)?;
            }
        }
        tolerances.approximate = t.approximate.unwrap_or(tolerances.approximate);
        tolerances.near = t.near.unwrap_or(tolerances.near);
        for (word, v) in t.words.unwrap_or_default() {
            check_tolerance(&shown, &text, &word, v)?;
            let key = word
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase();
            tolerances.words.insert(key, v);
        }
    }
    let formats = raw.format.unwrap_or_default();
    for f in &formats {
        if let Err(e) = super::output::parse_format(f) {
            return Err(InputError(format!(
                "{shown}:{}: {e}",
                line_of_key(&text, f)
            )));
        }
    }
    Ok(Config {
        articles: resolve(raw.articles),
        tables: resolve(raw.tables),
        exclude: raw.exclude.unwrap_or_default(),
        fail_on: raw.fail_on,
        levels,
        tolerances,
        formats,
        allow_csv_outside: raw.allow_csv_outside.unwrap_or(false),
        dir: Some(super::paths::resolve(&base)),
    })
}

fn check_tolerance(shown: &str, text: &str, name: &str, v: f64) -> Result<(), InputError> {
    if (0.0..=1.0).contains(&v) {
        Ok(())
    } else {
        Err(InputError(format!(
            "{shown}:{}: tolerance `{name}` must be a share between 0 and 1, not {v}",
            line_of_key(text, name)
        )))
    }
}

/// The 1-based line where `key` first appears, for messages about values serde accepted but
/// claimcheck does not.
fn line_of_key(text: &str, key: &str) -> usize {
    text.lines()
        .position(|l| l.contains(key))
        .map_or(1, |n| n + 1)
}

fn discover() -> Option<PathBuf> {
    let mut dir = std::env::current_dir().ok()?;
    loop {
        let candidate = dir.join(FILE_NAME);
        if candidate.is_file() {
            // Shown relative to the working folder when it is there.
            return Some(if dir == std::env::current_dir().ok()? {
                PathBuf::from(FILE_NAME)
            } else {
                candidate
            });
        }
        if !dir.pop() {
            return None;
        }
    }
}

fn relative_to(base: &Path, p: &str) -> String {
    if base.as_os_str().is_empty() || Path::new(p).is_absolute() {
        p.to_string()
    } else {
        super::display_path(&base.join(p))
    }
}
