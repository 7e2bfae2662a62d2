//! What a sentence asserts of its figures: a figure under a denial ("no nation won more
//! than 2", "none of the drivers had a grid larger than 30") or a figure that is an average
//! of rows ("the average crowd … is 10,000") states no value of one row, so it can never be
//! refuted by one.

use super::SentenceContext;
use crate::quantity::Quantity;

impl SentenceContext<'_> {
    /// Why `q` is not asserted as a row's value, if the sentence around it says so.
    pub(super) fn not_asserted(&self, q: &Quantity) -> Option<String> {
        if let Some(word) = self.denial(q) {
            return Some(format!(
                "stands under a denial ({word}), not a statement of value"
            ));
        }
        if let Some(word) = self.aggregate_word(q) {
            return Some(format!("states an {word} over rows, not one row's value"));
        }
        None
    }

    /// A word that denies what its sentence (or, for "not", its clause) says of `q`: "no",
    /// "none", "never", "neither", "nor", "nobody", "zero", "not", "-n't". A denial inside the
    /// figure's own hedge ("no more than 5", "not quite 50%") bounds the figure instead.
    fn denial(&self, q: &Quantity) -> Option<&'static str> {
        let (clause_start, clause_end) = self.clause_around(q);
        let part_start = self.part_start(q);
        for (k, t) in self.tokens.iter().enumerate() {
            // Inside the figure, a metric's term ("no votes") or a name ("Enka no Joou").
            let named = self.is_named(k);
            // A denial before the figure in its part of the sentence, or anywhere in its
            // clause: "no nation won more than 2", not "seven wins, a run no other has matched".
            let in_scope = (part_start..q.start).contains(&t.start)
                || (clause_start..clause_end).contains(&t.start);
            if (t.start < q.end && q.start < t.end) || named || !in_scope {
                continue;
            }
            let lower = &self.lower[t.start..t.end];
            let next = self
                .tokens
                .get(k + 1)
                .map_or("", |n| &self.lower[n.start..n.end]);
            let word = match lower {
                "none" => "none",
                "never" => "never",
                "neither" => "neither",
                "nor" => "nor",
                "nobody" => "nobody",
                "zero" => "zero",
                // "There are 0 times in which …": a count of no rows, in digits ("0 drawn" is a
                // figure, not a denial).
                "0" if next == "times"
                    || (k >= 2
                        && &self.lower[self.tokens[k - 2].start..self.tokens[k - 2].end]
                            == "there") =>
                {
                    "zero"
                }
                // "No. 4" is a number sign; "no more than", "no longer", "no fewer than"
                // bound or qualify, they deny nothing.
                "no" if !self.text[t.end..].starts_with('.')
                    && !matches!(
                        next,
                        "more" | "less" | "fewer" | "longer" | "later" | "earlier" | "sooner"
                    ) =>
                {
                    "no"
                }
                "not" | "cannot"
                    if (clause_start..clause_end).contains(&t.start)
                        && !matches!(next, "only" | "least" | "just" | "quite") =>
                {
                    "not"
                }
                _ if lower.ends_with("n't") || lower.ends_with("n’t") => {
                    if (clause_start..clause_end).contains(&t.start) {
                        "not"
                    } else {
                        continue;
                    }
                }
                _ => continue,
            };
            return Some(word);
        }
        None
    }

    /// "average", "median" before the figure in its clause, with no other figure between
    /// them and naming no metric of the tables: the figure is a statistic over several rows.
    /// A metric whose own term is "average points" is read as that metric.
    fn aggregate_word(&self, q: &Quantity) -> Option<&'static str> {
        let (clause_start, _) = self.clause_around(q);
        let upto = self.token_at(q.start);
        (0..upto)
            .rev()
            .find_map(|k| {
                let t = self.tokens[k];
                if t.start < clause_start || t.text.starts_with(|c: char| c.is_ascii_digit()) {
                    return Some(None);
                }
                if self.term_spans.iter().any(|(a, b)| *a <= k && k < *b) {
                    return None;
                }
                match &self.lower[t.start..t.end] {
                    "average" => Some(Some("average")),
                    // "Unemployment averaged 6.1% in 2023" is one row's figure over time; over
                    // several named rows it is a statistic of them.
                    "averages" | "averaged" | "averaging" => {
                        let named = self
                            .mentions
                            .iter()
                            .filter(|m| (clause_start..q.start).contains(&m.start))
                            .count();
                        (named > 1).then_some(Some("average"))
                    }
                    "median" => Some(Some("median")),
                    _ => None,
                }
            })
            .flatten()
    }

    /// Where the part of the sentence `q` stands in begins: after the last `;`, `:`, bracket
    /// or conjunction that sets one statement against another ("but", "while", "yet").
    fn part_start(&self, q: &Quantity) -> usize {
        const MARKS: [char; 4] = [';', ':', '(', ')'];
        let opposes = |t: &super::Token<'_>| {
            matches!(
                &self.lower[t.start..t.end],
                "but" | "while" | "whereas" | "although" | "though" | "yet"
            )
        };
        let marked = self.text[..q.start].rfind(MARKS).map_or(0, |i| i + 1);
        self.tokens
            .iter()
            .filter(|t| t.end <= q.start && opposes(t))
            .map(|t| t.end)
            .fold(marked, usize::max)
    }

    /// The byte range of the clause `q` stands in: from the last `,`, `;`, `:` or bracket
    /// before it to the next one after it.
    fn clause_around(&self, q: &Quantity) -> (usize, usize) {
        const MARKS: [char; 5] = [',', ';', ':', '(', ')'];
        let start = self.text[..q.start].rfind(MARKS).map_or(0, |i| i + 1);
        let end = self.text[q.end..]
            .find(MARKS)
            .map_or(self.text.len(), |i| q.end + i);
        (start, end)
    }
}
