//! `check --fix` and `check --fix --diff`: wrong figures rewritten with the table's value, in
//! the files or as a diff, and the articles checked again so that the report and the exit code
//! speak of what remains.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::Path;

use super::check::{apply_levels, Run};
use super::config::Config;
use super::CheckArgs;
use crate::claim::Linker;

/// What `--fix` did.
pub struct Outcome {
    /// A file could not be written (exit code 2).
    pub failed: bool,
}

/// Makes the fixes of every article in `run`, writes them (or, with `--diff`, prints them as
/// one unified diff on standard output) and replaces each fixed article's text and report
/// with the fixed ones. The new report keeps only findings the old one had (those that were
/// not filtered out by a baseline or `--changed-since`), minus the ones fixed. `Err` is an
/// exit code for a run that cannot be fixed at all.
pub fn fix(args: &CheckArgs, config: &Config, run: &mut Run) -> Result<Outcome, i32> {
    if !args.diff && args.inputs.paths.iter().any(|p| p == "-") {
        eprintln!("error: --fix cannot rewrite standard input; add --diff to print the changes");
        return Err(2);
    }
    let linker = Linker::new(&run.tables);
    let mut diff = String::new();
    let mut failed = false;
    for (article, report) in run.articles.iter_mut().zip(run.reports.iter_mut()) {
        let edits = crate::fix::edits(report, &article.text);
        if edits.is_empty() {
            continue;
        }
        let fixed = crate::fix::apply(&article.text, &edits);
        if args.diff {
            diff.push_str(&crate::fix::unified_diff(
                &article.path,
                &article.text,
                &fixed,
            ));
        } else {
            match write_in_place(Path::new(&article.path), fixed.as_bytes()) {
                Ok(()) => eprintln!(
                    "fixed {} {} in {}",
                    edits.len(),
                    if edits.len() == 1 {
                        "figure"
                    } else {
                        "figures"
                    },
                    article.path
                ),
                Err(e) => {
                    eprintln!("error: {}: cannot write the fixes: {e}", article.path);
                    failed = true;
                    continue;
                }
            }
        }
        let kept: BTreeSet<String> = report.findings.iter().map(|f| f.fingerprint()).collect();
        let mut again = crate::check_source(
            &article.path,
            &fixed,
            article.format,
            &linker,
            &run.tables,
            &config.tolerances,
        );
        // The rule levels in force for this article, its `per-file` overrides included.
        let rel = config
            .dir
            .as_ref()
            .map(|dir| super::paths::Anchor::new(dir).rel(&article.path));
        apply_levels(&mut again.findings, &config.levels_for(rel.as_deref()));
        again.findings.retain(|f| kept.contains(&f.fingerprint()));
        *report = again;
        article.text = fixed;
    }
    if !diff.is_empty() {
        let _ = std::io::stdout().lock().write_all(diff.as_bytes());
    }
    Ok(Outcome { failed })
}

/// Replaces the article at `path` atomically, keeping its permissions.
fn write_in_place(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    let permissions = std::fs::metadata(path)?.permissions();
    super::output::write_atomic_as(path, contents, Some(permissions))
}
