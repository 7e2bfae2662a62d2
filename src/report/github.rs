//! GitHub Actions workflow commands: one `::error`, `::warning` or `::notice` line per
//! finding, which GitHub shows as an annotation on the article's line; and the Markdown
//! summary for `$GITHUB_STEP_SUMMARY`.

use super::Context;
use crate::check::FileReport;
use crate::rules::Severity;

/// One workflow command per finding, in order, each on its own line.
pub fn render(files: &[FileReport], _ctx: &Context<'_>) -> String {
    let mut out = String::new();
    for f in files.iter().flat_map(|f| &f.findings) {
        let command = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "notice",
        };
        let path = f.path.replace('\\', "/");
        let path = path.strip_prefix("./").unwrap_or(&path);
        out.push_str(&format!(
            "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
            property(path),
            f.line,
            f.column,
            f.end_line,
            f.end_column,
            property(&format!("claimcheck ({})", f.rule)),
            data(&f.message)
        ));
    }
    out
}

/// The Markdown report, for appending to the file named by `$GITHUB_STEP_SUMMARY`.
pub fn step_summary(files: &[FileReport], ctx: &Context<'_>) -> String {
    super::markdown::render(files, ctx)
}

/// A command's message.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A command's property value.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}
