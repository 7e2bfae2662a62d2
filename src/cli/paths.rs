//! Paths compared across runs and tools. An article may be named `claims/a.md`, `./claims/a.md`,
//! `../claims/a.md` from a subfolder, or by its absolute path; git names it relative to the
//! repository, and a baseline relative to the project. These helpers turn any of them into
//! one spelling relative to a chosen folder.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

/// The working folder, or an empty path when it cannot be read.
fn cwd() -> PathBuf {
    std::env::current_dir().unwrap_or_default()
}

/// `path` made absolute against the working folder, with `.` and `..` removed by reading the
/// path alone (no file system access).
fn absolute(path: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        cwd().join(path)
    };
    let mut out = PathBuf::new();
    for c in joined.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                // At the root, `..` stays at the root, as the file system has it.
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// A folder as an absolute path with symbolic links resolved, when it exists; else the
/// absolute path as written.
pub fn resolve(dir: &Path) -> PathBuf {
    let abs = absolute(dir);
    std::fs::canonicalize(&abs).unwrap_or(abs)
}

/// A file as an absolute path whose folder has symbolic links resolved. The file name itself
/// is kept, so a link is named as the link (as git names it), and a name that does not exist
/// on disk (an article read from standard input) still resolves through its folder.
fn resolve_file(path: &Path) -> PathBuf {
    let abs = absolute(path);
    match (abs.parent(), abs.file_name()) {
        (Some(parent), Some(name)) => resolve(parent).join(name),
        _ => abs,
    }
}

/// `path` relative to `base` (an absolute, resolved folder), with `/` between components and
/// `..` steps when the file lies outside `base`. A path on another root (another drive) stays
/// absolute.
pub fn relative(base: &Path, path: &Path) -> String {
    let target = resolve_file(path);
    let b: Vec<Component<'_>> = base.components().collect();
    let t: Vec<Component<'_>> = target.components().collect();
    let common = b.iter().zip(&t).take_while(|(x, y)| x == y).count();
    if common == 0 {
        return target.to_string_lossy().replace('\\', "/");
    }
    let mut parts: Vec<String> = vec!["..".to_string(); b.len() - common];
    parts.extend(
        t[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    parts.join("/")
}

/// Paths as reported, re-spelled relative to one folder, each looked up on disk once.
pub struct Anchor {
    base: PathBuf,
    seen: BTreeMap<String, String>,
}

impl Anchor {
    /// Paths relative to `base`, which is resolved here.
    pub fn new(base: &Path) -> Anchor {
        Anchor {
            base: resolve(base),
            seen: BTreeMap::new(),
        }
    }

    /// `path` (as reported: relative to the working folder, or absolute) relative to the
    /// anchor's folder. Standard input with no name (`-`) stays `-`.
    pub fn rel(&mut self, path: &str) -> String {
        if path == "-" {
            return path.to_string();
        }
        if let Some(r) = self.seen.get(path) {
            return r.clone();
        }
        let r = relative(&self.base, Path::new(path));
        self.seen.insert(path.to_string(), r.clone());
        r
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_step_out_and_in() {
        let base = Path::new("/r/p");
        assert_eq!(relative(base, Path::new("/r/p/claims/a.md")), "claims/a.md");
        assert_eq!(
            relative(base, Path::new("/r/p/x/../claims/./a.md")),
            "claims/a.md"
        );
        assert_eq!(relative(base, Path::new("/r/q/a.md")), "../q/a.md");
    }
}
