//! `contradiction`: the article gives two disagreeing values for one row.

use super::{Rule, Severity};

pub const RULE: Rule = Rule {
    id: "contradiction",
    severity: Severity::Error,
    summary: "The article states two values for the same thing that cannot both hold",
    doc: "\
Two numbers in one article are tied to the same entity, metric and period, the table has no \
value for that row, and their intervals do not meet: the article disagrees with itself. \
Where the table has a value, each number is checked against it instead, so a wrong figure \
gets one finding, not two. Both readings must rest on stated or inherited words, never on a \
default.

Example: \"In 2016 Tunisia counted 2,920 fighters\" early in an article and \"Tunisia had \
about 1,910 in 2016\" later, against a table with no 2016 figures. The finding points at the \
later number and names the earlier.

Fix: make the two agree; one of them is usually a slip.",
};
