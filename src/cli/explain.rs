//! `claimcheck explain`.

use std::io::Write;

use crate::rules::{rule, RULES};

/// Prints a rule's documentation, or the list of rules.
pub fn explain(id: Option<&str>) -> i32 {
    let mut out = String::new();
    match id {
        None => {
            for r in RULES {
                out.push_str(&format!(
                    "{:<20} {:<8} {}\n",
                    r.id,
                    r.severity.as_str(),
                    r.summary
                ));
            }
            out.push_str("\nclaimcheck explain RULE prints a rule's documentation.\n");
        }
        Some(id) => match rule(id) {
            Some(r) => {
                out.push_str(&format!(
                    "{} ({})\n\n{}\n\n{}\n",
                    r.id,
                    r.severity.as_str(),
                    r.summary,
                    r.doc
                ));
            }
            None => {
                eprintln!("error: {}", super::config::unknown_rule(id, ""));
                return 2;
            }
        },
    }
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    0
}
