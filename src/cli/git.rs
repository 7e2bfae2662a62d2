//! `--changed-since REV`: the lines of each file that changed since a git revision.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Changed line ranges (1-based, inclusive) by path relative to the repository's top folder.
pub type Changed = BTreeMap<String, Vec<(usize, usize)>>;

/// The top folder of the git repository holding the working folder.
pub fn toplevel() -> Result<PathBuf, String> {
    let out = Command::new("git")
        .args(["rev-parse", "--show-toplevel"])
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).trim().to_string());
    }
    let top = String::from_utf8_lossy(&out.stdout)
        .trim_end_matches(['\n', '\r'])
        .to_string();
    if top.is_empty() {
        return Err("not inside a git working tree".into());
    }
    Ok(PathBuf::from(top))
}

/// Asks git for the lines changed between `rev` and the working tree (staged or not), by
/// repository-relative path, whatever the working folder. A file git does not track yet (and
/// does not ignore) is new: every line of it counts as changed.
pub fn changed_lines(rev: &str, top: &Path) -> Result<Changed, String> {
    let mut changed = diff(rev)?;
    for path in untracked(top)? {
        changed.insert(path, vec![(1, usize::MAX)]);
    }
    Ok(changed)
}

/// The files under `top` that git neither tracks nor ignores, repository-relative.
fn untracked(top: &Path) -> Result<Vec<String>, String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(top)
        .args(["ls-files", "--others", "--exclude-standard", "-z"])
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).trim().to_string());
    }
    Ok(out
        .stdout
        .split(|b| *b == 0)
        .filter(|p| !p.is_empty())
        .map(|p| String::from_utf8_lossy(p).into_owned())
        .collect())
}

/// The changed lines of tracked files, from `git diff REV`.
fn diff(rev: &str) -> Result<Changed, String> {
    if rev.starts_with('-') {
        return Err("a revision cannot start with '-'".into());
    }
    let out = Command::new("git")
        .args([
            "-c",
            "core.quotePath=off",
            // A `diff.relative` setting would limit the diff to the working folder.
            "-c",
            "diff.relative=false",
            "diff",
            "--no-color",
            "--no-ext-diff",
            "--src-prefix=a/",
            "--dst-prefix=b/",
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
            current = unquote(p).and_then(|p| p.strip_prefix("b/").map(str::to_string));
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

/// A path as git prints it in a diff header: as is, or in double quotes with C escapes (octal
/// bytes, `\"`, `\\`, `\t`, `\n`) when it holds characters git will not print plainly. `None`
/// for a malformed quoted name.
fn unquote(p: &str) -> Option<String> {
    let Some(inner) = p.strip_prefix('"').and_then(|q| q.strip_suffix('"')) else {
        return Some(p.to_string());
    };
    let mut bytes = Vec::with_capacity(inner.len());
    let mut it = inner.bytes().peekable();
    while let Some(b) = it.next() {
        if b != b'\\' {
            bytes.push(b);
            continue;
        }
        match it.next()? {
            b'n' => bytes.push(b'\n'),
            b't' => bytes.push(b'\t'),
            b'r' => bytes.push(b'\r'),
            b'a' => bytes.push(7),
            b'b' => bytes.push(8),
            b'f' => bytes.push(12),
            b'v' => bytes.push(11),
            d @ b'0'..=b'7' => {
                let mut v = u32::from(d - b'0');
                for _ in 0..2 {
                    match it.peek() {
                        Some(&o @ b'0'..=b'7') => {
                            v = v * 8 + u32::from(o - b'0');
                            it.next();
                        }
                        _ => break,
                    }
                }
                bytes.push(u8::try_from(v).ok()?);
            }
            other => bytes.push(other),
        }
    }
    String::from_utf8(bytes).ok()
}

/// Whether lines `first..=last` of `path` (repository-relative) touch a changed line. A file
/// with no diff counts as unchanged.
pub fn touches(changed: &Changed, path: &str, first: usize, last: usize) -> bool {
    changed
        .get(path)
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

    #[test]
    fn reads_quoted_names() {
        let diff = "+++ \"b/claims/caf\\303\\251 \\\"x\\\".md\"\n@@ -1 +1 @@\n";
        let c = parse(diff);
        assert_eq!(c["claims/café \"x\".md"], vec![(1, 1)]);
    }
}
