//! JSON Lines: one finding per line, as in the `findings` of the JSON report, in order.

use super::Context;
use crate::check::FileReport;

/// Each finding as one line of JSON, newline-terminated; nothing else.
pub fn render(files: &[FileReport], _ctx: &Context<'_>) -> String {
    let mut out = String::new();
    for f in files.iter().flat_map(|f| &f.findings) {
        if let Ok(line) = serde_json::to_string(f) {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}
