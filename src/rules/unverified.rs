//! `unverified`: a claim that no table row speaks of.

use super::{Rule, Severity};

pub const RULE: Rule = Rule {
    id: "unverified",
    severity: Severity::Note,
    summary: "A number that no reference table could confirm or refute",
    doc: "\
claimcheck found a number but could not tie it to one row of a table without guessing: the \
sentence names no entity or metric the tables know, the number counts something else \
(\"a dozen security forces\", \"three years\"), or the table has no value for that entity, \
metric and period.

An unverified claim is not wrong. It counts toward coverage (how much of the article the \
tables check) and never fails a run.

Fix: nothing, or add the row to a table if the number should be checked.",
};
