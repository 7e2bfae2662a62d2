//! Output formats, where they go, and writing files so that a failure never leaves half of one.

use std::io::Write;
use std::path::Path;

/// A report format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    Jsonl,
    Sarif,
    Github,
    Junit,
    Markdown,
    Html,
}

/// `FORMAT` or `FORMAT=PATH`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub format: Format,
    pub path: Option<String>,
}

/// Reads `FORMAT[=PATH]`.
pub fn parse_format(s: &str) -> Result<Target, String> {
    let (name, path) = match s.split_once('=') {
        Some((n, p)) if !p.is_empty() => (n, Some(p.to_string())),
        Some((n, _)) => return Err(format!("`{n}=`: a file name must follow `=`")),
        None => (s, None),
    };
    let format = match name.trim().to_ascii_lowercase().as_str() {
        "text" => Format::Text,
        "json" => Format::Json,
        "jsonl" => Format::Jsonl,
        "sarif" => Format::Sarif,
        "github" => Format::Github,
        "junit" => Format::Junit,
        "markdown" | "md" => Format::Markdown,
        "html" => Format::Html,
        other => {
            return Err(format!(
                "unknown format `{other}` (one of: text, json, jsonl, sarif, github, junit, markdown, html)"
            ))
        }
    };
    Ok(Target { format, path })
}

/// Writes `contents` to `path` atomically: a temporary file in the same folder, flushed to
/// disk, then renamed over the target. The folder is created first when it does not exist. A
/// failure at any point leaves the previous file as it was and removes the temporary one.
pub fn write_atomic(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    write_atomic_as(path, contents, None)
}

/// [`write_atomic`], giving the new file `permissions` (those of the file it replaces, when an
/// article is rewritten in place) before it takes the target's name.
pub fn write_atomic_as(
    path: &Path,
    contents: &[u8],
    permissions: Option<std::fs::Permissions>,
) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    std::fs::create_dir_all(&dir)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "out".into());
    let tmp = dir.join(format!(".{name}.claimcheck-{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)?;
        f.write_all(contents)?;
        if let Some(p) = permissions {
            f.set_permissions(p)?;
        }
        f.sync_all()?;
        drop(f);
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}
