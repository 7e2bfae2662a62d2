//! How each part of a claim's reading was found, and what that lets a check decide.
//!
//! A claim is a hypothesis about one row: an entity, a metric and a period. Each part is
//! *stated* by the words of the number's own sentence, *inherited* from the text around it
//! (the paragraph's metric, the year in force, the start of a change), the *only* choice the
//! table offers, or *defaulted* (the table's total, the current period, the table's only
//! metric when no word names it). A reading may confirm a claim whatever its evidence; it may
//! refute one only when no part of it is a default.

use serde::Serialize;

/// How one part of a reading was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Basis {
    /// Named by words of the number's own sentence.
    Stated,
    /// Carried from the text around it: the paragraph, the year in force, a change's start.
    Inherited,
    /// The only one the table has: no other reading exists.
    Only,
    /// A guess with nothing in the text for it.
    Defaulted,
}

impl Basis {
    pub fn name(self) -> &'static str {
        match self {
            Basis::Stated => "stated",
            Basis::Inherited => "inherited",
            Basis::Only => "only",
            Basis::Defaulted => "defaulted",
        }
    }
}

/// One part of a reading, with the words that gave it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Found {
    pub basis: Basis,
    /// The words of the article that gave it, or what the default was ("the table's total").
    pub words: String,
}

impl Found {
    pub fn stated(words: impl Into<String>) -> Found {
        Found {
            basis: Basis::Stated,
            words: words.into(),
        }
    }

    pub fn inherited(words: impl Into<String>) -> Found {
        Found {
            basis: Basis::Inherited,
            words: words.into(),
        }
    }

    pub fn only(words: impl Into<String>) -> Found {
        Found {
            basis: Basis::Only,
            words: words.into(),
        }
    }

    pub fn defaulted(words: impl Into<String>) -> Found {
        Found {
            basis: Basis::Defaulted,
            words: words.into(),
        }
    }
}

/// How the entity, the metric and the period of a claim were found; `None` for a part not
/// found at all.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Evidence {
    pub entity: Option<Found>,
    pub metric: Option<Found>,
    pub period: Option<Found>,
}

impl Evidence {
    /// Why a reading with this evidence may not refute a claim, if it may not: a part that was
    /// defaulted or not found leaves a disagreement with the table unproven.
    pub fn why_not_refutable(&self) -> Option<String> {
        let parts = [
            ("entity", &self.entity),
            ("metric", &self.metric),
            ("period", &self.period),
        ];
        for (part, found) in parts {
            match found {
                None => return Some(format!("the {part} is not stated")),
                Some(f) if f.basis == Basis::Defaulted => {
                    return Some(format!("the {part} is not stated ({} assumed)", f.words))
                }
                Some(_) => {}
            }
        }
        None
    }

    /// The reading in words, for `--show-claims` and the `read as:` note:
    /// "entity France (stated), metric returnees (inherited from 'returnees'), …".
    pub fn describe(&self) -> String {
        let part = |name: &str, f: &Option<Found>| match f {
            Some(f) => format!("{name} {}: \"{}\"", f.basis.name(), f.words),
            None => format!("{name} not found"),
        };
        [
            part("entity", &self.entity),
            part("metric", &self.metric),
            part("period", &self.period),
        ]
        .join("; ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(basis: Basis) -> Evidence {
        let f = Found {
            basis,
            words: "w".into(),
        };
        Evidence {
            entity: Some(f.clone()),
            metric: Some(f.clone()),
            period: Some(f),
        }
    }

    #[test]
    fn stated_inherited_and_only_readings_may_refute() {
        for b in [Basis::Stated, Basis::Inherited, Basis::Only] {
            assert_eq!(all(b).why_not_refutable(), None, "{b:?}");
        }
    }

    #[test]
    fn a_default_or_a_missing_part_may_not_refute() {
        let mut e = all(Basis::Stated);
        e.period = Some(Found::defaulted("the current period, 2017"));
        assert_eq!(
            e.why_not_refutable().as_deref(),
            Some("the period is not stated (the current period, 2017 assumed)")
        );
        let mut e = all(Basis::Stated);
        e.entity = None;
        assert_eq!(
            e.why_not_refutable().as_deref(),
            Some("the entity is not stated")
        );
    }

    #[test]
    fn the_reading_names_each_part_and_its_basis() {
        let e = Evidence {
            entity: Some(Found::stated("France")),
            metric: Some(Found::inherited("returnees")),
            period: None,
        };
        assert_eq!(
            e.describe(),
            "entity stated: \"France\"; metric inherited: \"returnees\"; period not found"
        );
    }
}
