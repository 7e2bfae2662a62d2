//! `--changed-since REV`: the lines of each file that changed since a git revision.

use std::collections::BTreeMap;
use std::process::Command;

/// Changed line ranges (1-based, inclusive) by path relative to the working folder.
pub type Changed = BTreeMap<String, Vec<(usize, usize)>>;

/// Asks git for the lines changed between `rev` and the working tree (staged or not).
pub fn changed_lines(rev: &str) -> Result<Changed, String> {
    if rev.starts_with('-') {
        return Err("a revision cannot start with '-'".into());
    }
    let out = Command::new("git")
        .args([
            "diff",
            "--no-color",
            "--no-ext-diff",
            "--relative",
            "--unified=0",
            rev,
            "--",
        ])
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).trim().to_string());
    }
    Ok(parse(&String::from_utf8_lossy(&out.stdout)))
}

/// Reads a unified diff with no context: `+++ b/path` then `@@ -a,b +c,d @@` hunks.
pub fn parse(diff: &str) -> Changed {
    let mut out = Changed::new();
    let mut current: Option<String> = None;
    for line in diff.lines() {
        if let Some(p) = line.strip_prefix("+++ ") {
            current = p.strip_prefix("b/").map(str::to_string);
            if let Some(c) = &current {
                out.entry(c.clone()).or_default();
            }
        } else if let Some(h) = line.strip_prefix("@@ ") {
            let Some(path) = &current else { continue };
            let Some(new) = h.split_whitespace().find(|p| p.starts_with('+')) else {
                continue;
            };
            let mut parts = new[1..].splitn(2, ',');
            let start: usize = parts.next().and_then(|s| s.parse().ok()).unwrap_or(0);
            let len: usize = parts.next().and_then(|s| s.parse().ok()).unwrap_or(1);
            if len > 0 {
                out.entry(path.clone())
                    .or_default()
                    .push((start, start + len - 1));
            }
        }
    }
    out
}

/// Whether lines `first..=last` of `path` touch a changed line. A file git does not track
/// (no diff) counts as unchanged, unless it is new: then git lists it as added.
pub fn touches(changed: &Changed, path: &str, first: usize, last: usize) -> bool {
    let key = path.strip_prefix("./").unwrap_or(path);
    changed
        .get(key)
        .is_some_and(|ranges| ranges.iter().any(|(a, b)| *a <= last && first <= *b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_hunks() {
        let diff = "diff --git a/claims/a.md b/claims/a.md\n--- a/claims/a.md\n+++ b/claims/a.md\n@@ -3 +3 @@\n-x\n+y\n@@ -10,0 +11,2 @@\n+a\n+b\n@@ -20,2 +22,0 @@\n-c\n-d\n";
        let c = parse(diff);
        assert_eq!(c["claims/a.md"], vec![(3, 3), (11, 12)]);
        assert!(touches(&c, "claims/a.md", 12, 12));
        assert!(!touches(&c, "claims/a.md", 13, 20));
        assert!(!touches(&c, "claims/b.md", 3, 3));
    }
}
