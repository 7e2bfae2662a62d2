//! `unused-suppression`: an inline suppression comment that suppresses nothing.

use super::{Rule, Severity};

pub const RULE: Rule = Rule {
    id: "unused-suppression",
    severity: Severity::Note,
    summary: "A claimcheck-ignore or claimcheck-disable comment that suppresses nothing",
    doc: "\
An inline comment (`<!-- claimcheck-ignore -->`, `<!-- claimcheck-ignore RULE -->`, or a \
`<!-- claimcheck-disable -->` … `<!-- claimcheck-enable -->` region) covers no finding: the \
claim it was written for has been fixed or reworded, or the rule name is misspelt.

Fix: remove the comment.",
};
