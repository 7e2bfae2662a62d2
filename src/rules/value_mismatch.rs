//! `value-mismatch`: the article states a value that the table refutes.

use super::{Rule, Severity};

pub const RULE: Rule = Rule {
    id: "value-mismatch",
    severity: Severity::Error,
    summary: "A number in the article disagrees with the reference table",
    doc: "\
The article ties a number to an entity, a metric and a period, and the reference table holds \
a value for that row which the number cannot mean.

A number covers an interval: half its printed precision on each side (`2,920` is 2915 to \
2925, `3,000` is 2500 to 3500), widened by its hedge (`about` ±5 %, `nearly` up to 10 % below, \
`more than` anything above). A table value covers its own interval (`at least 5600`, `500-600`). \
The claim is wrong only when the two intervals do not meet.

Example: the table says Tunisia sent 2,926 fighters; \"Tunisia sent 2,920 fighters\" is flagged, \
\"about 2,900\" and \"nearly 3,000\" are not.

Fix: correct the number, or the table if the table is out of date.",
};
