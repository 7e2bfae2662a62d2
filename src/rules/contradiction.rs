//! `contradiction`: the article gives two disagreeing values for one row.

use super::{Rule, Severity};

pub const RULE: Rule = Rule {
    id: "contradiction",
    severity: Severity::Error,
    summary: "The article states two values for the same thing that cannot both hold",
    doc: "\
Two numbers in one article are tied to the same entity, metric and period, and their \
intervals do not meet: the article disagrees with itself, whatever the table says.

Example: \"Tunisia now counts 2,920 fighters\" early in an article and \"Tunisia and France \
have about 1,910 each\" later. The finding points at the later number and names the earlier.

Fix: make the two agree; one of them is usually a slip.",
};
