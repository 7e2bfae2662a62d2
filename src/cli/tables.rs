//! Reading reference tables from disk.

use std::path::{Component, Path, PathBuf};

use super::InputError;
use crate::table::Table;

/// Reads every table named by `--data`: files as given, folders for their `.yaml`/`.yml`
/// files (sorted, not recursive into hidden folders). Any error stops the run: checking
/// against half the tables would report wrong answers as right. Returns the tables and notes
/// for their authors (a key in its other spelling).
pub fn load(
    paths: &[String],
    allow_csv_outside: bool,
) -> Result<(Vec<Table>, Vec<String>), InputError> {
    let mut files: Vec<PathBuf> = Vec::new();
    for p in paths {
        let path = Path::new(p);
        let meta = std::fs::metadata(path).map_err(|e| InputError(format!("{p}: {e}")))?;
        if meta.is_dir() {
            let walker = ignore::WalkBuilder::new(path)
                .follow_links(false)
                .require_git(false)
                .build();
            for entry in walker {
                let entry = entry.map_err(|e| InputError(format!("{p}: {e}")))?;
                let is_yaml = entry
                    .path()
                    .extension()
                    .and_then(|x| x.to_str())
                    .is_some_and(|x| matches!(x, "yaml" | "yml"));
                if is_yaml && entry.file_type().is_some_and(|t| t.is_file()) {
                    files.push(entry.path().to_path_buf());
                }
            }
        } else if path
            .extension()
            .and_then(|x| x.to_str())
            .is_some_and(|x| x.eq_ignore_ascii_case("csv"))
        {
            return Err(InputError(format!(
                "{}: a CSV table needs a YAML descriptor (see README: csv:)",
                super::display_path(path)
            )));
        } else {
            files.push(path.to_path_buf());
        }
    }
    files.sort();
    files.dedup();
    let mut notes = Vec::new();
    let tables = files
        .iter()
        .map(|f| load_one(f, allow_csv_outside, &mut notes))
        .collect::<Result<_, _>>()?;
    Ok((tables, notes))
}

fn load_one(
    file: &Path,
    allow_csv_outside: bool,
    notes: &mut Vec<String>,
) -> Result<Table, InputError> {
    let shown = super::display_path(file);
    let bytes =
        std::fs::read(file).map_err(|e| InputError(format!("{shown}: cannot read: {e}")))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        InputError(format!(
            "{shown}: not UTF-8: invalid byte at offset {}",
            e.utf8_error().valid_up_to()
        ))
    })?;
    // The table names its CSV file relative to its own folder, and the loader joins that to the
    // folder of the path it was given (`shown`). The folder here must be that same one, spelled
    // the same way, or a path written `./dir/t.yaml` would be joined twice (`./dir/dir/x.csv`).
    let folder = Path::new(&shown)
        .parent()
        .unwrap_or(Path::new(""))
        .to_path_buf();
    let mut read =
        |csv: &str| -> Result<String, String> { read_csv(&folder, csv, allow_csv_outside) };
    let table =
        Table::from_yaml(&shown, &text, &mut read).map_err(|e| InputError(e.to_string()))?;
    notes.extend(crate::table::spelling_notes(
        &shown,
        &text,
        crate::table::SPELLINGS,
    ));
    Ok(table)
}

/// Reads a CSV file that a table describes. The path is taken relative to the table's folder
/// and may not leave it: a table from an untrusted repository must not read other files.
fn read_csv(folder: &Path, csv: &str, allow_outside: bool) -> Result<String, String> {
    let rel = Path::new(csv);
    let relative_to_folder = rel
        .strip_prefix(folder)
        .map(Path::to_path_buf)
        .unwrap_or_else(|_| rel.to_path_buf());
    let leaves = relative_to_folder.is_absolute()
        || relative_to_folder.components().any(|c| {
            matches!(
                c,
                Component::ParentDir | Component::RootDir | Component::Prefix(_)
            )
        });
    if leaves && !allow_outside {
        return Err(format!(
            "{csv}: a CSV path must stay inside the table's folder (set `allow-csv-outside: true` in claimcheck.yaml to allow it)"
        ));
    }
    let full = folder.join(&relative_to_folder);
    let meta = std::fs::metadata(&full).map_err(|e| format!("{}: {e}", full.display()))?;
    // A symbolic link inside the folder may point out of it: compare the resolved paths.
    if !allow_outside {
        let resolved =
            std::fs::canonicalize(&full).map_err(|e| format!("{}: {e}", full.display()))?;
        let base = if folder.as_os_str().is_empty() {
            Path::new(".")
        } else {
            folder
        };
        let root = std::fs::canonicalize(base).map_err(|e| format!("{}: {e}", base.display()))?;
        if !resolved.starts_with(&root) {
            return Err(format!(
                "{csv}: a CSV path must stay inside the table's folder, and this one links out of it (set `allow-csv-outside: true` in claimcheck.yaml to allow it)"
            ));
        }
    }
    if meta.is_dir() {
        return Err(format!("{}: is a folder, not a CSV file", full.display()));
    }
    let bytes = std::fs::read(&full).map_err(|e| format!("{}: {e}", full.display()))?;
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{}: not UTF-8: invalid byte at offset {}",
            full.display(),
            e.utf8_error().valid_up_to()
        )
    })
}
