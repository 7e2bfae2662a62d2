//! `claimcheck.yaml`: the project's settings. Command-line flags override them.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};

use serde::de::{Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use serde_saphyr::Spanned;

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

/// The file as written. Unknown keys are errors. Keys are kebab-case, as in tables; the
/// snake_case spelling is read too, with a note (see [`SPELLINGS`]).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Raw {
    articles: Option<Vec<String>>,
    tables: Option<Vec<String>>,
    exclude: Option<Vec<String>>,
    #[serde(alias = "fail_on")]
    fail_on: Option<FailOn>,
    rules: Option<Ordered<Spanned<String>, Level>>,
    tolerance: Option<RawTolerance>,
    format: Option<Vec<String>>,
    /// Let a table's `csv:` path leave the table's folder.
    #[serde(alias = "allow_csv_outside")]
    allow_csv_outside: Option<bool>,
    /// Glob → settings for the articles it matches, applied in the order written.
    #[serde(alias = "per_file")]
    per_file: Option<Ordered<Spanned<String>, RawOverride>>,
}

/// The top-level keys of `claimcheck.yaml` that have a second spelling: (canonical, other).
pub const SPELLINGS: &[(&str, &str)] = &[
    ("fail-on", "fail_on"),
    ("allow-csv-outside", "allow_csv_outside"),
    ("per-file", "per_file"),
];

/// What a `per-file` entry may set.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOverride {
    rules: Option<Ordered<Spanned<String>, Level>>,
}

/// A mapping read in the order it is written.
#[derive(Debug)]
struct Ordered<K, V>(Vec<(K, V)>);

impl<'de, K: Deserialize<'de>, V: Deserialize<'de>> Deserialize<'de> for Ordered<K, V> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Vis<K, V>(std::marker::PhantomData<(K, V)>);
        impl<'de, K: Deserialize<'de>, V: Deserialize<'de>> Visitor<'de> for Vis<K, V> {
            type Value = Ordered<K, V>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a mapping")
            }
            fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
                Ok(Ordered(Vec::new()))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut out = Vec::new();
                while let Some((k, v)) = map.next_entry()? {
                    out.push((k, v));
                }
                Ok(Ordered(out))
            }
        }
        d.deserialize_map(Vis(std::marker::PhantomData))
    }
}

/// Settings for the articles that a glob of `per-file` matches.
#[derive(Debug, Clone)]
pub struct PerFile {
    matcher: globset::GlobMatcher,
    /// Whether the glob names a file anywhere (no `/` in it), matched against its name.
    by_name: bool,
    pub levels: BTreeMap<String, Level>,
}

impl PerFile {
    /// Whether `path` (relative to the configuration file's folder, with `/`) is matched.
    pub fn matches(&self, path: &str) -> bool {
        if self.by_name {
            let name = path.rsplit('/').next().unwrap_or(path);
            self.matcher.is_match(name) || self.matcher.is_match(path)
        } else {
            self.matcher.is_match(path)
        }
    }
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
    /// The configuration file in force, as shown in messages.
    pub file: Option<String>,
    /// `per-file` overrides, in the order written.
    pub per_file: Vec<PerFile>,
    /// Rules the command line turned off (`--select`, `--ignore`): no `per-file` level turns
    /// them back on.
    pub forced_off: BTreeSet<String>,
    /// Notes about the file (a key in its other spelling), for standard error.
    pub notes: Vec<String>,
}

/// The severity a finding of `rule` is reported at under `levels`, or `None` when the rule is
/// off.
pub fn severity(
    levels: &BTreeMap<String, Level>,
    rule: &str,
    default: Severity,
) -> Option<Severity> {
    match levels.get(rule) {
        None => Some(default),
        Some(Level::Off) => None,
        Some(Level::Note) => Some(Severity::Note),
        Some(Level::Warning) => Some(Severity::Warning),
        Some(Level::Error) => Some(Severity::Error),
    }
}

/// An unknown rule name (`where` it was written, e.g. " under `rules`"), with the closest
/// known one.
pub fn unknown_rule(name: &str, place: &str) -> String {
    let known: Vec<&str> = RULES.iter().map(|r| r.id).collect();
    let hint = crate::rules::closest(name, known.iter().copied())
        .map(|c| format!("; did you mean `{c}`?"))
        .unwrap_or_default();
    format!(
        "unknown rule `{name}`{place}{hint} (known: {})",
        known.join(", ")
    )
}

impl Config {
    /// The rule levels for an article: the config's `rules:`, then each `per-file` entry
    /// whose glob matches `path` (relative to the config's folder), in order. Rules the
    /// command line turned off stay off.
    pub fn levels_for(&self, path: Option<&str>) -> BTreeMap<String, Level> {
        let mut levels = self.levels.clone();
        if let Some(path) = path {
            for p in self.per_file.iter().filter(|p| p.matches(path)) {
                for (rule, level) in &p.levels {
                    if !self.forced_off.contains(rule) {
                        levels.insert(rule.clone(), *level);
                    }
                }
            }
        }
        levels
    }

    /// Applies `--select`, `--extend-select` and `--ignore`, as ruff does: `select` replaces
    /// the set of rules the config reports (every rule not turned `off`), `extend-select` adds
    /// to it, `ignore` removes from it. A rule selected that the config turned off is reported
    /// at its default level. Unknown names are an error.
    pub fn select(
        &mut self,
        select: &[String],
        extend: &[String],
        ignore: &[String],
    ) -> Result<(), String> {
        let clean = |list: &[String], flag: &str| -> Result<Vec<String>, String> {
            let mut out = Vec::new();
            for name in list.iter().map(|n| n.trim()).filter(|n| !n.is_empty()) {
                if crate::rules::rule(name).is_none() {
                    return Err(unknown_rule(name, &format!(" in {flag}")));
                }
                out.push(name.to_string());
            }
            Ok(out)
        };
        let select = clean(select, "--select")?;
        let extend = clean(extend, "--extend-select")?;
        let ignore = clean(ignore, "--ignore")?;
        if select.is_empty() && extend.is_empty() && ignore.is_empty() {
            return Ok(());
        }
        let mut on: BTreeSet<String> = if select.is_empty() {
            RULES
                .iter()
                .filter(|r| self.levels.get(r.id) != Some(&Level::Off))
                .map(|r| r.id.to_string())
                .collect()
        } else {
            select.into_iter().collect()
        };
        on.extend(extend);
        for r in &ignore {
            on.remove(r);
        }
        for r in RULES {
            if on.contains(r.id) {
                if self.levels.get(r.id) == Some(&Level::Off) {
                    self.levels.remove(r.id);
                }
            } else {
                self.levels.insert(r.id.to_string(), Level::Off);
                self.forced_off.insert(r.id.to_string());
            }
        }
        Ok(())
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
            file: Some(shown),
            ..Config::default()
        });
    }
    let raw: Raw = crate::table::read_yaml(&shown, &text).map_err(|e| InputError(e.to_string()))?;
    let notes = crate::table::spelling_notes(&shown, &text, SPELLINGS);
    let resolve = |list: Option<Vec<String>>| -> Option<Vec<String>> {
        list.map(|l| l.into_iter().map(|p| relative_to(&base, &p)).collect())
    };
    let levels = rule_levels(&shown, raw.rules)?;
    let mut per_file = Vec::new();
    for (pattern, o) in raw.per_file.map(|m| m.0).unwrap_or_default() {
        let (line, column) = crate::table::line_col(pattern.referenced);
        let matcher = globset::GlobBuilder::new(&pattern.value)
            .literal_separator(true)
            .build()
            .map_err(|e| {
                InputError(format!(
                    "{shown}:{line}:{column}: bad glob `{}` under `per-file`: {e}",
                    pattern.value
                ))
            })?
            .compile_matcher();
        per_file.push(PerFile {
            by_name: !pattern.value.contains('/'),
            matcher,
            levels: rule_levels(&shown, o.rules)?,
        });
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
        file: Some(shown),
        per_file,
        forced_off: BTreeSet::new(),
        notes,
    })
}

/// A `rules:` mapping, each name checked against the rules there are.
fn rule_levels(
    shown: &str,
    rules: Option<Ordered<Spanned<String>, Level>>,
) -> Result<BTreeMap<String, Level>, InputError> {
    let mut levels = BTreeMap::new();
    for (name, level) in rules.map(|m| m.0).unwrap_or_default() {
        if crate::rules::rule(&name.value).is_none() {
            let (line, column) = crate::table::line_col(name.referenced);
            return Err(InputError(format!(
                "{shown}:{line}:{column}: {}",
                unknown_rule(&name.value, " under `rules`")
            )));
        }
        levels.insert(name.value, level);
    }
    Ok(levels)
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
            // Named from the working folder ("../claimcheck.yaml"), so that the paths it
            // lists are printed relative to the working folder too, as typed paths are.
            let cwd = super::paths::resolve(&std::env::current_dir().ok()?);
            return Some(PathBuf::from(super::paths::relative(&cwd, &candidate)));
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
