//! Notes for a table's author on metric terms the linker cannot use well: a generic word names
//! nothing in particular, a trend verb makes a change of the value read as the value, and a
//! place's name or demonym belongs in `entities:`.

use crate::gazetteer::{Gazetteer, NameForm};
use crate::table::Table;

/// Words too general to name one metric: any sentence with a count says them.
const GENERIC: [&str; 17] = [
    "people", "persons", "number", "numbers", "found", "count", "counts", "figure", "figures",
    "amount", "total", "times", "value", "values", "level", "data", "some",
];

/// A term as a name is written: "french" → "French" (the gazetteer reads single capitalised
/// words only with their capital).
fn capitalised(term: &str) -> String {
    let mut chars = term.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// One note about one term of one metric.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermNote {
    /// The table's path, as loaded.
    pub table: String,
    pub metric: String,
    pub term: String,
    pub message: String,
}

/// Notes on every table's metric terms, in table, metric and term order.
pub fn lint(tables: &[Table]) -> Vec<TermNote> {
    let gazetteer = Gazetteer::builtin();
    let mut out = Vec::new();
    for table in tables {
        let names: Vec<String> = table.names().map(|(n, _)| n.to_lowercase()).collect();
        for m in &table.metrics {
            for term in &m.terms {
                // The metric's own name is always a term; only the written terms are notes.
                if *term == m.name.to_lowercase() {
                    continue;
                }
                let note = |message: String| TermNote {
                    table: table.path.clone(),
                    metric: m.name.clone(),
                    term: term.clone(),
                    message,
                };
                if GENERIC.contains(&term.as_str()) {
                    out.push(note(format!(
                        "\"{term}\" is a generic word: nearly any count in a sentence names it, \
                         so it ties numbers to `{}` that speak of something else",
                        m.name
                    )));
                } else if super::types::change_verb(term).is_some() {
                    out.push(note(format!(
                        "\"{term}\" is a verb of change: as a term it reads \"{term} 3\" as a \
                         value of `{}` even where the sentence states a change",
                        m.name
                    )));
                } else if names.contains(term) {
                    out.push(note(format!(
                        "\"{term}\" is the name of an entity of this table; a name belongs in \
                         `entities:`, not among a metric's terms"
                    )));
                } else if let Some((place, form)) = gazetteer.lookup(&capitalised(term)) {
                    let what = if form == NameForm::Demonym {
                        "a demonym"
                    } else {
                        "a place's name"
                    };
                    out.push(note(format!(
                        "\"{term}\" is {what} ({}); list it under `entities:` for that place \
                         instead of among a metric's terms",
                        place.name
                    )));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(yaml: &str) -> Table {
        Table::from_yaml("t.yaml", yaml, &mut |_| Err("no CSV".into())).expect("table")
    }

    #[test]
    fn notes_generic_words_trend_verbs_names_and_demonyms() {
        let t = table(
            "metrics:\n  fighters: [fighters, people, went, rose, Tunisia, French]\nrecords:\n  - {entity: Tunisia, metric: fighters, period: 2017, value: 2926}\n",
        );
        let notes = lint(&[t]);
        let terms: Vec<&str> = notes.iter().map(|n| n.term.as_str()).collect();
        assert_eq!(terms, ["people", "rose", "tunisia", "french"]);
        assert!(notes[3].message.contains("demonym"), "{:?}", notes[3]);
    }

    #[test]
    fn a_plain_table_gets_no_notes() {
        let t = table(
            "metrics:\n  fighters: [fighters, militants]\nrecords:\n  - {entity: Tunisia, metric: fighters, period: 2017, value: 2926}\n",
        );
        assert!(lint(&[t]).is_empty());
    }
}
