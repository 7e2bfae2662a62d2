//! Two rows set against each other: a difference ("six points clear of Arsenal", "$40 billion
//! more than Toyota", "four golds behind Norway") or a ratio ("five times the size of Wales",
//! "more than twice as long as the Thames"). The subject is the name the sentence speaks of,
//! the other row the name after the comparison; both are read with the same metric and period.

use super::{words, Claim, Found, Linker, Period, Role, SentenceContext, Shape};
use crate::quantity::{Kind, Quantity};

/// How the subject's value stands against the other row's.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// The other row's entity (the table's name).
    pub other: String,
    /// The other row as the article names it, for messages.
    pub other_written: String,
    /// Whether the subject is said to have more (`true`) or less (`false`).
    pub more: bool,
    /// A ratio ("five times") rather than a difference ("five more").
    pub ratio: bool,
}

/// Words that say the subject has more than the other row.
fn more_word(w: &str) -> Option<bool> {
    match w {
        "more" | "higher" | "larger" | "bigger" | "greater" | "longer" | "taller" | "ahead"
        | "clear" | "above" | "heavier" | "older" | "wider" | "deeper" | "richer" => Some(true),
        "fewer" | "less" | "lower" | "smaller" | "shorter" | "behind" | "below" | "lighter"
        | "younger" | "narrower" | "poorer" => Some(false),
        _ => None,
    }
}

impl SentenceContext<'_> {
    /// Whether the noun a difference counts, from token `first` on past the comparative
    /// ("one less seat", "two positions ahead"), is a plain noun that no metric's term names.
    pub(super) fn counts_an_unmeasured_noun(&self, first: usize) -> bool {
        let mut k = first;
        if self
            .tokens
            .get(k)
            .is_some_and(|_| more_word(&self.lower_token(k)).is_some())
        {
            k += 1;
        }
        let Some(t) = self.tokens.get(k) else {
            return false;
        };
        let w = self.lower_token(k);
        // A term right before the comparative ("spent less money") or within the noun's own
        // phrase ("fewer initial bits") names the metric.
        let stop = (k..(k + 3).min(self.tokens.len()))
            .find(|&i| self.lower_token(i) == "than")
            .unwrap_or((k + 3).min(self.tokens.len()));
        let named = self
            .metric_terms
            .iter()
            .any(|(i, _, _)| (k..stop).contains(i) || *i + 1 == first)
            || self.term_spans.iter().any(|(a, b)| *a <= k && k < *b)
            || self.mentions.iter().any(|m| m.tok_start == k);
        !named
            && t.text.chars().all(|c| c.is_ascii_lowercase())
            && w.len() >= 3
            && more_word(&w).is_none()
            && !matches!(
                w.as_str(),
                "than" | "as" | "of" | "times" | "the" | "that" | "those"
            )
            && !words::is_function_word(&w)
            && !words::counted_noun_is_generic(&w)
            && !words::is_unit_noun(&w)
    }

    /// Reads `q` as a difference or a ratio between two named rows, when the words say so:
    /// "N [noun] more/fewer … than X", "N [noun] ahead of/behind/clear of X", "N times (the
    /// size of | as many as | more than) X". `None` when the comparison names no other row or
    /// no metric; the caller then leaves the number unverified.
    pub(super) fn comparison(
        &self,
        linker: &Linker<'_>,
        sentence: usize,
        q: &Quantity,
        inherited: Option<&[(usize, String)]>,
        period: Period,
    ) -> Option<Claim> {
        let ratio = q.kind == Kind::Multiple;
        let n = self.tokens.len();
        let first = self.token_at(q.end);
        let mut more = if ratio { Some(true) } else { None };
        let mut other_at = None;
        for k in first..(first + 6).min(n) {
            // Not past a comma: "stayed at 3.0, less than a quarter of the German figure"
            // compares the quarter, not the 3.0.
            let gap_start = q.end.min(self.tokens[k].start);
            if self.text[gap_start..self.tokens[k].start].contains([';', '.', '(', ')', ',']) {
                break;
            }
            let w = self.lower_token(k);
            if let Some(m) = more_word(&w) {
                more = Some(m);
            }
            // "three times Spain's": a ratio to the possessive right after it.
            if ratio && k == first {
                let owned = self
                    .mentions
                    .iter()
                    .find(|m| m.tok_start == k && self.is_possessive(m));
                if let Some(m) = owned {
                    other_at = Some(m);
                    break;
                }
            }
            // The other row comes right after "than", "of" ("ahead of", "the size of",
            // "that of"), "as" ("as many as"), "behind" or "to"; for a ratio, also after "in"
            // ("three times the rate in Spain").
            let in_after_noun =
                ratio && w == "in" && k > first + 1 && self.lower_token(first) == "the";
            if matches!(w.as_str(), "than" | "of" | "as" | "behind" | "to") || in_after_noun {
                // The name may hold its "the" ("the Danube") or not.
                let skip = usize::from(self.lower_token(k + 1) == "the");
                let at = |m: &&super::Mention| m.tok_start == k + 1 || m.tok_start == k + 1 + skip;
                if let Some(m) = self.mentions.iter().find(at) {
                    if w == "behind" {
                        more = Some(false);
                    }
                    other_at = Some(m);
                    break;
                }
            }
        }
        let (other, more) = (other_at?, more?);
        let subject = self.subject(self.token_at(q.start))?;

        if subject.tok_start == other.tok_start {
            return None;
        }
        // "one less seat than SPD", "two positions ahead of Kato": the noun the difference
        // counts names its metric; a noun no metric's term names leaves it unread.
        if !ratio && self.counts_an_unmeasured_noun(first) {
            return None;
        }
        // The other row's own figure shares the compared metric ("one behind Froome, who
        // won four times"), so its term is not held back for that figure.
        let ((t, metric), metric_found) =
            self.metric_for(q, Role::Value, &[], inherited, linker)?;
        let (_, subject_entity) = subject.entities.iter().find(|(ti, _)| *ti == t)?;
        let (_, other_entity) = other.entities.iter().find(|(ti, _)| *ti == t)?;
        // Two names of one row ("the Bundestag … the chamber") compare nothing.
        if subject_entity == other_entity {
            return None;
        }
        let shape = Shape::Compare(Comparison {
            other: other_entity.clone(),
            other_written: other.written.clone(),
            more,
            ratio,
        });
        let claim = Claim::new(self.placed(q), sentence, Role::Value, shape);
        let entity = (
            subject_entity.clone(),
            Found::stated(subject.written.clone()),
        );
        Some(self.finish(linker, claim, entity, ((t, metric), metric_found), period))
    }
}
