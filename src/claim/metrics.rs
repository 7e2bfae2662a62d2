//! What a figure measures: the metric term next to it, the unit it is written in, a figure
//! it is set against, the paragraph's metric, or a rank; and whether a number with no place
//! speaks of the table's total.

use super::words;
use super::{Found, Linker, Picked, Role, SentenceContext};
use crate::quantity::{Kind, Quantity};

impl SentenceContext<'_> {
    /// Whether a number with no place is about the table's total: the metric names what it
    /// counts ("40,000 fighters", "5,600 returnees") or the sentence says it is a total
    /// ("overall", "worldwide", "in all").
    pub(super) fn speaks_of_total(&self, q: &Quantity) -> bool {
        // "17 titles each": a number for each of some things, not for the whole.
        let after = self.after(q.end);
        if after
            .split(|c: char| !c.is_alphabetic())
            .take(4)
            .any(|w| matches!(w, "each" | "apiece"))
        {
            return false;
        }
        let after = self.token_at(q.end);
        let head_noun = self
            .metric_terms
            .iter()
            .any(|(k, _, _)| *k >= after && *k < after + 3);
        head_noun || self.has_total_word()
    }

    /// Whether the sentence says it speaks of a total ("overall", "worldwide", "in all").
    pub(super) fn has_total_word(&self) -> bool {
        self.total_word().is_some()
    }

    /// Whether "total" is said of the whole ("the total", "in total"), not of a sum of what
    /// the sentence names ("a total of 25").
    pub(super) fn names_the_total(&self) -> bool {
        self.lower.contains("the total") || self.lower.contains("in total")
    }

    /// The word by which the sentence says it speaks of a total, if it does.
    pub(super) fn total_word(&self) -> Option<&'static str> {
        let lower = &self.lower;
        const WORDS: [&str; 6] = [
            "total",
            "overall",
            "worldwide",
            "globally",
            "altogether",
            "combined",
        ];
        let word = lower
            .split(|c: char| !c.is_alphabetic())
            .find_map(|w| WORDS.iter().find(|x| **x == w).copied());
        word.or_else(|| {
            ["in all", "all countries"]
                .into_iter()
                .find(|p| lower.contains(p))
        })
    }

    pub(super) fn mentions_any_place(&self) -> bool {
        !self.mentions.is_empty()
    }

    /// The word that makes a number a place in an order, if one does: "ranked 2", "rank 7",
    /// "a rank of 6", "position 1", "in 1 position", "seeded 3", "ranked number one".
    pub(super) fn position_word(&self, q: &Quantity) -> Option<String> {
        const BEFORE: [&str; 9] = [
            "rank", "ranked", "ranking", "position", "place", "placed", "seed", "seeded", "no",
        ];
        let before: Vec<&str> = self
            .before(q.start)
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .rev()
            .take(3)
            .collect();
        let word = match before.as_slice() {
            [w, ..] if BEFORE.contains(w) => Some(*w),
            ["of", w, ..] if BEFORE[..5].contains(w) => Some(*w),
            ["number", "ranked", ..] => Some("ranked number"),
            _ => None,
        };
        if let Some(w) = word {
            // "No." needs its dot: "no 4" in prose is rare, "No. 4" is a rank.
            if w == "no" && !self.text[..q.start].trim_end().ends_with('.') {
                return None;
            }
            return Some(w.to_string());
        }
        // "in 1 position", "in 3rd place".
        if before.first() != Some(&"in") {
            return None;
        }
        let next = self
            .after(q.end)
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        ["position", "place", "spot"]
            .into_iter()
            .find(|w| *w == next)
            .map(str::to_string)
    }

    /// The one rank metric among the tables that know the sentence's places (else all tables).
    pub(super) fn rank_metric(&self, linker: &Linker<'_>) -> Option<(usize, String)> {
        let known: Vec<usize> = self
            .mentions
            .iter()
            .flat_map(|m| m.entities.iter().map(|(t, _)| *t))
            .collect();
        let mut found = linker.tables.iter().enumerate().flat_map(|(t, table)| {
            table
                .metrics
                .iter()
                .filter(|m| m.is_rank())
                .map(move |m| (t, m.name.clone()))
        });
        let mut found: Vec<(usize, String)> = found
            .by_ref()
            .filter(|(t, _)| known.is_empty() || known.contains(t))
            .collect();
        (found.len() == 1).then(|| found.remove(0))
    }

    /// Whether the word right before a quantity is a metric term ("lost 4", "gained 120").
    pub(super) fn follows_a_term(&self, q: &Quantity) -> bool {
        let k = self.token_at(q.start);
        k > 0 && self.metric_terms.iter().any(|(i, _, _)| *i == k - 1)
    }

    /// The metric of a number set against an earlier one that names it: "304 electoral votes
    /// to Clinton's 227", "250 returnees and France's 271". Only when `q` has no noun of its own.
    fn parallel_metric(&self, q: &Quantity, values: &[(usize, usize)]) -> Option<(usize, String)> {
        let qe = self.token_at(q.end);
        if self
            .metric_terms
            .iter()
            .any(|(k, _, _)| *k >= qe && *k < qe + 2)
        {
            return None;
        }
        // "105 times, to 111 individuals": a figure with a noun of its own is not the
        // figure before it over again.
        if self.own_noun(q).is_some() {
            return None;
        }
        let (_, pe) = values.iter().rev().find(|(_, e)| *e <= q.start)?;
        let p_tok = self.token_at(*pe);
        let (t, m) = self
            .metric_terms
            .iter()
            .find(|(k, _, _)| *k >= p_tok && *k < p_tok + 2)
            .map(|(_, t, m)| (*t, m.clone()))?;
        // Between the head noun and `q`: only joining words and names.
        let term_end = self
            .term_spans
            .iter()
            .find(|(a, _)| *a >= p_tok)
            .map_or(p_tok, |(_, b)| *b);
        let q_tok = self.token_at(q.start);
        let joined = (term_end..q_tok).all(|k| {
            self.mentions
                .iter()
                .any(|m| m.tok_start <= k && k < m.tok_end)
                || matches!(
                    self.lower_token(k).as_str(),
                    "to" | "and"
                        | "versus"
                        | "vs"
                        | "against"
                        | "compared"
                        | "with"
                        | "or"
                        | "while"
                )
        });
        let gap = &self.text[*pe..q.start];
        (joined && !gap.contains(['.', ';'])).then_some((t, m))
    }

    /// Whether a figure between byte `from` (a term's end) and `q`, in the same unit of
    /// measure as `q` (not a bare scale like "million") and followed by a comma before `q`,
    /// takes the term for itself.
    fn figure_between_owns_term(
        &self,
        from: usize,
        q: &Quantity,
        values: &[(usize, usize)],
    ) -> bool {
        // (Percentages and money run in lists under one term: "Austria at 5.7%, up from
        // 4.9%, followed by Croatia at 4.5%".)
        let Some(own) = q.unit.as_deref() else {
            return false;
        };
        if matches!(q.kind, Kind::Percent | Kind::PercentagePoints | Kind::Money)
            || q.dimension == Some(crate::units::Dimension::Currency)
        {
            return false;
        }
        values.iter().any(|&(s, e)| {
            s >= from
                && e <= q.start
                && self.text[e..q.start].contains(',')
                && crate::extract(&self.text[s..e])
                    .first()
                    .is_some_and(|v| v.unit.as_deref() == Some(own))
        })
    }

    /// Whether the metric term starting at token `k`, after `q`, heads a figure of its own:
    /// one between `q` and the term ("$569.6 million, with $298.2 million of it domestic")
    /// or one right after the term ("an opening of just $29.6 million").
    fn term_has_own_figure(&self, k: usize, q: &Quantity, values: &[(usize, usize)]) -> bool {
        let term_end = self
            .term_spans
            .iter()
            .find(|(a, _)| *a == k)
            .map_or(k + 1, |(_, b)| *b);
        let near_end = self
            .tokens
            .get(term_end + 3)
            .map_or(self.text.len(), |t| t.start);
        // "250, 271 and 198 returnees": figures listed together share the noun after them.
        let term_start = self.tokens[k].start;
        let mut gap = self.text[q.end.min(term_start)..term_start].to_string();
        for (s, e) in values.iter().rev() {
            if q.end <= *s && *e <= term_start {
                gap.replace_range(s - q.end..e - q.end, " ");
            }
        }
        let listed = gap
            .split(|c: char| c.is_whitespace() || c == ',')
            .all(|w| matches!(w, "" | "and" | "or"));
        !listed && values.iter().any(|(s, _)| (q.end..near_end).contains(s))
    }

    /// The figure `q` is the base of, when `q` is the starting point of a change ("up from
    /// 125 million", "down from 4.2%", "compared with 310"): the nearest figure before it in
    /// the same statement.
    fn level_of_base(&self, q: &Quantity, values: &[(usize, usize)]) -> Option<Quantity> {
        let qs = self.token_at(q.start);
        if qs < 2 || self.tokens.get(qs).is_none_or(|t| t.start != q.start) {
            return None;
        }
        let lead = self.lower_token(qs - 1);
        let verb = self.lower_token(qs - 2);
        let base = (lead == "from" && super::types::change_verb(&verb).is_some())
            || (matches!(lead.as_str(), "with" | "to") && verb == "compared");
        if !base {
            return None;
        }
        let (s, e) = *values.iter().rev().find(|(_, e)| *e <= q.start)?;
        if self.text[e..q.start].contains(['.', ';', ':']) {
            return None;
        }
        let mut level = q.clone();
        level.start = s;
        level.end = e;
        Some(level)
    }

    /// The metric a quantity's unit names: the one metric, among the tables that know the
    /// sentence's places (else all tables), measured in the unit's dimension. Several such
    /// metrics make the claim ambiguous (`Err` with the reason); none leaves it to the words.
    /// A duration that dates something ("two years ago", "a decade earlier") names nothing.
    /// The verb right before `q` (within three words of its clause) whose opposite, and not
    /// itself, is a term of `metric`: the verb, that term and the metric.
    pub(super) fn opposite_verb_before(
        &self,
        q: &Quantity,
        t: &crate::table::Table,
        metric: &str,
    ) -> Option<(String, String, String)> {
        let terms = &t.metric(metric)?.terms;
        let has = |w: &str| terms.iter().any(|term| term.split(' ').any(|x| x == w));
        let k = self.token_at(q.start);
        (k.saturating_sub(3)..k).rev().find_map(|i| {
            let gap = &self.text[self.tokens[i].end..self.tokens[i + 1].start];
            if gap.contains([',', ';', ':', '(', ')']) {
                return None;
            }
            let w = self.lower_token(i);
            let other = words::opposite_verb(&w)?;
            let term = other.iter().find(|o| has(o))?;
            (!has(&w)).then(|| (w.clone(), (*term).to_string(), metric.to_string()))
        })
    }

    pub(super) fn unit_named_metric(
        &self,
        q: &Quantity,
        linker: &Linker<'_>,
    ) -> Result<Option<(usize, String)>, String> {
        use crate::units::Dimension;
        let Some(dim) = q.dimension else {
            return Ok(None);
        };
        if matches!(
            dim,
            Dimension::Currency | Dimension::Percent | Dimension::Rate
        ) {
            return Ok(None);
        }
        if dim == Dimension::Time {
            let next = self
                .after(q.end)
                .split(|c: char| !c.is_alphabetic())
                .find(|w| !w.is_empty())
                .unwrap_or("")
                .to_ascii_lowercase();
            if matches!(
                next.as_str(),
                "ago" | "earlier" | "later" | "before" | "after" | "old" | "since" | "from"
            ) {
                return Ok(None);
            }
        }
        let known: Vec<usize> = self
            .mentions
            .iter()
            .flat_map(|m| m.entities.iter().map(|(t, _)| *t))
            .collect();
        let lexicon = crate::units::lexicon();
        let mut found: Vec<(usize, String)> = Vec::new();
        for (t, table) in linker.tables.iter().enumerate() {
            if !known.is_empty() && !known.contains(&t) {
                continue;
            }
            for m in &table.metrics {
                let same = m
                    .unit
                    .as_deref()
                    .and_then(|u| lexicon.get(u))
                    .is_some_and(|u| u.dimension == dim);
                if same {
                    found.push((t, m.name.clone()));
                }
            }
        }
        match found.len() {
            0 => Ok(None),
            1 => Ok(found.pop()),
            n => {
                let names: Vec<&str> = found.iter().map(|(_, m)| m.as_str()).collect();
                Err(format!(
                    "ambiguous: {} names {} and {}",
                    q.unit.as_deref().unwrap_or(dim.name()),
                    names[..n - 1].join(", "),
                    names[n - 1]
                ))
            }
        }
    }

    /// The metric of a claim: the nearest metric term in the sentence, or the one its
    /// paragraph named last, or the only metric of a table.
    pub(super) fn metric_for(
        &self,
        q: &Quantity,
        role: Role,
        values: &[(usize, usize)],
        inherited: Option<&[(usize, String)]>,
        linker: &Linker<'_>,
    ) -> Option<Picked> {
        let qs = self.token_at(q.start);
        let qe = self.token_at(q.end);
        // "The average height for Hewitt class with prom less than 86 is 627": the figure a
        // query-like subject is equated with is the head's metric, never a condition's.
        if let Some((a, b)) = self.query_head(q) {
            let mut named = self
                .metric_terms
                .iter()
                .filter(|(k, _, _)| (a..b).contains(k));
            return named
                .next_back()
                .map(|(k, t, m)| ((*t, m.clone()), Found::stated(self.term_text(*k))));
        }
        // "reading (504) and science (499)": a number in brackets right after a metric's term
        // is that metric's.
        if self.text[..q.start].trim_end().ends_with('(') && qs > 0 {
            if let Some(picked) = self.term_ending_at(qs) {
                return Some(picked);
            }
        }
        // "added about 1.9 million hectares of forest": the verb whose object the figure is
        // names its metric before the "of" phrase that qualifies the figure's unit.
        if qs >= 1 && self.lower_token(qe) == "of" && q.unit.is_some() {
            if let Some(picked) = self.term_ending_at(qs) {
                return Some(picked);
            }
        }
        // "1.11 billion hectares of the world's forests are primary forest": the predicate
        // says which part of the whole the figure is.
        if self.lower_token(qe) == "of" {
            let predicate = (qe + 1..(qe + 7).min(self.tokens.len())).find_map(|k| {
                let gap = &self.text[self.tokens[k - 1].end..self.tokens[k].start];
                if gap.contains([',', ';', ':', '(', ')']) {
                    return Some(None);
                }
                matches!(self.lower_token(k).as_str(), "are" | "is" | "was" | "were").then(|| {
                    self.metric_terms
                        .iter()
                        .find(|(i, _, _)| *i == k + 1)
                        .map(|(i, t, m)| ((*t, m.clone()), Found::stated(self.term_text(*i))))
                })
            });
            if let Some(Some(picked)) = predicate {
                return Some(picked);
            }
        }
        // "a difference of 6 points", "a margin of 43": the term the number is "of" heads
        // its phrase, whatever noun follows the number.
        if qs >= 2 && self.lower_token(qs - 1) == "of" {
            if let Some(picked) = self.term_ending_at(qs - 1) {
                return Some(picked);
            }
        }
        // "sold 141 million consoles …, up from 125 million a year earlier": the base of a
        // change measures what the figure it is compared with measures.
        if let Some(level) = self.level_of_base(q, values) {
            if let Some(((t, m), _)) = self.metric_for(&level, role, values, inherited, linker) {
                let words = format!("{m}, as for the figure it is compared with");
                return Some(((t, m), Found::stated(words)));
            }
        }
        if let Some((t, m)) = self.parallel_metric(q, values) {
            let words = format!("{m}, as for the figure before it");
            return Some(((t, m), Found::stated(words)));
        }
        // "Compared with the previous quarter, prices fell 0.7% …": a short opening phrase
        // that names one metric frames every figure after it, unless a figure's own noun
        // names another.
        if let Some(((t, m), found)) = self.opening_frame_metric(q) {
            let own_noun = self
                .metric_terms
                .iter()
                .any(|(k, t2, m2)| *k == qe && (*t2, m2) != (t, &m));
            if !own_noun {
                return Some(((t, m), found));
            }
        }
        let mut candidates: Vec<(usize, usize, &String, usize)> = self
            .metric_terms
            .iter()
            .filter_map(|(k, t, m)| {
                let d = if *k >= qe {
                    // A term past a comma or a bracket is another phrase's: "a round smaller
                    // than 11, a pick smaller than 152".
                    let gap = &self.text[q.end.min(self.tokens[*k].start)..self.tokens[*k].start];
                    // So is one past a word that opens a new phrase: "total more than 8 with
                    // gold of 4".
                    let opens_phrase = (qe..*k).any(|i| {
                        matches!(
                            self.lower_token(i).as_str(),
                            "with"
                                | "and"
                                | "while"
                                | "but"
                                | "when"
                                | "where"
                                | "that"
                                | "which"
                                | "who"
                                | "whose"
                        )
                    });
                    // (A comma inside a number, "3,000", breaks no phrase.)
                    let comma = gap.char_indices().any(|(i, c)| {
                        c == ',' && !gap[i + 1..].starts_with(|d: char| d.is_ascii_digit())
                    });
                    let other_phrase = comma || gap.contains([';', ':', '(', ')']) || opens_phrase;
                    // "$496.4 million, after an opening of just $29.6 million": a term in
                    // another phrase that has a figure of its own is that figure's.
                    if other_phrase && self.term_has_own_figure(*k, q, values) {
                        return None;
                    }
                    k - qe + if other_phrase { 100 } else { 0 }
                } else {
                    // Measured from the term's last word: "tries against of 36".
                    let end = self
                        .term_spans
                        .iter()
                        .find(|(a, _)| a == k)
                        .map_or(*k + 1, |(_, b)| *b);
                    // "emissions from deforestation, estimated at 4.1 billion tonnes, bring
                    // the total to 40.9 billion tonnes": a figure in the same unit between
                    // the term and this one, closed by a comma, is the term's.
                    let term_end = self.tokens[end.min(self.tokens.len()) - 1].end;
                    if self.figure_between_owns_term(term_end, q, values) {
                        return None;
                    }
                    // "awarded 105 times, to 111 individuals": a term with another figure
                    // after it, or right after another figure, is that figure's, not one's
                    // with a noun of its own.
                    let term_start = self.tokens[*k].start;
                    let heads_other = values.iter().any(|(s, e)| {
                        (*s >= term_start && *s < q.start)
                            || (*e < q.start && self.token_at(*e) == *k)
                    });
                    if heads_other && self.own_noun(q).is_some() {
                        return None;
                    }
                    qs.saturating_sub(end) + 2
                };
                Some((d, *t, m, *k))
            })
            .collect();
        if role == Role::Part {
            // The part's metric is not the noun of its whole: "250 of the 3,000 fighters …
            // returned" speaks of returnees.
            // "83 of the 100 most polluted cities": a whole that is the top of an order
            // ranks by its superlative's metric, which counts nothing of the part's.
            let whole_at = values
                .iter()
                .find(|(s, _)| *s > q.end)
                .map(|(_, e)| self.token_at(*e));
            let ranked = whole_at.is_some_and(|k| words::is_superlative(&self.lower_token(k)));
            let whole_metric = whole_at.and_then(|k| {
                let reach = k + 1 + usize::from(ranked);
                self.metric_terms
                    .iter()
                    .find(|(i, _, _)| *i >= k && *i <= reach)
                    .map(|(_, _, m)| m.clone())
            });
            // When the whole's is the only metric, part and whole share it ("411 of the 650
            // seats").
            if let Some(wm) = whole_metric {
                if ranked || candidates.iter().any(|(_, _, m, _)| **m != wm) {
                    candidates.retain(|(_, _, m, _)| **m != wm);
                }
            }
        }
        // A count is never a place in an order: rank metrics are for ordinals.
        if q.kind != Kind::Ordinal {
            candidates
                .retain(|(_, t, m, _)| !linker.tables[*t].metric(m).is_some_and(|x| x.is_rank()));
        }
        // Metrics of tables that know the sentence's places come first: with several tables
        // loaded, "number" in one table's terms must not pull a count away from another's.
        let known: Vec<usize> = self
            .mentions
            .iter()
            .flat_map(|m| m.entities.iter().map(|(t, _)| *t))
            .collect();
        if candidates.iter().any(|(_, t, _, _)| known.contains(t)) {
            candidates.retain(|(_, t, _, _)| known.contains(t));
        }
        candidates.sort();
        // "India's budget fell to $1.7 billion, even as its lunar mission landed for about
        // $75 million": a clause of its own, with a subject that names another thing, does
        // not take the metric of a term before its turn.
        if let Some((_, _, _, k)) = candidates.first() {
            let at = self.tokens[*k].end;
            if at <= q.start && self.measures_another_noun(q) {
                let between = &self.lower[at..q.start];
                let turned = between.contains(';')
                    || between
                        .split(|c: char| !c.is_alphabetic())
                        .any(|w| w == "as" || words::turns_to_another_clause(w));
                if turned {
                    return None;
                }
            }
        }
        if let Some((d, t, m, k)) = candidates.first() {
            // Two different metrics at the same distance: ambiguous.
            if candidates
                .iter()
                .any(|(d2, t2, m2, _)| d2 == d && (t2 != t || m2 != m))
            {
                return None;
            }
            return Some(((*t, (*m).clone()), Found::stated(self.term_text(*k))));
        }
        if !self.metric_terms.is_empty() {
            return None;
        }
        // "The investment gap … has widened to $4 trillion": the clause names what it measures,
        // and no metric has that name.
        if self.measures_another_noun(q) {
            return None;
        }
        if let Some(list) = inherited {
            let mut list = list.to_vec();
            if list.iter().any(|(t, _)| known.contains(t)) {
                list.retain(|(t, _)| known.contains(t));
            }
            if list.len() == 1 {
                let (t, m) = list.pop()?;
                let words = format!("{m}, named earlier in the text");
                return Some(((t, m), Found::inherited(words)));
            }
            return None;
        }
        // A single table with a single metric: the reading may confirm a bare number, but no
        // word of the article names the metric.
        if linker.tables.len() == 1 && linker.tables[0].metrics.len() == 1 {
            let metric = &linker.tables[0].metrics[0];
            let m = metric.name.clone();
            // A claim in the metric's own unit ("12.2%" against a table of rates) has no other
            // reading; a bare number might count anything.
            let same_unit = match (q.kind, metric.unit.as_deref()) {
                (Kind::Percent, Some("%")) => true,
                (_, Some(u)) => q.unit.as_deref() == Some(u),
                _ => false,
            };
            if same_unit {
                let words = format!("{m}, the table's only metric, in the claim's unit");
                return Some(((0, m), Found::only(words)));
            }
            let words = format!("{m}, the table's only metric");
            return Some(((0, m), Found::defaulted(words)));
        }
        None
    }

    /// The noun written right after figure `q` that no table knows: "111 [individuals]".
    pub(super) fn own_noun(&self, q: &Quantity) -> Option<usize> {
        let k = self.token_at(q.end);
        let t = self.tokens.get(k)?;
        let plain = self
            .text
            .get(q.end..t.start)
            .is_some_and(|gap| gap.chars().all(|c| c == ' '))
            && t.text.starts_with(|c: char| c.is_ascii_lowercase())
            && t.text.chars().all(char::is_alphabetic);
        let word = self.lower_token(k);
        // ("10.0% respectively", "12 each", "40 more" have no noun after them.)
        let adverb = word.ends_with("ly")
            || matches!(
                word.as_str(),
                "each"
                    | "apiece"
                    | "more"
                    | "fewer"
                    | "less"
                    | "so"
                    | "far"
                    | "now"
                    | "today"
                    | "still"
                    | "already"
                    | "alone"
                    | "overall"
                    | "altogether"
                    | "total"
            );
        (plain && !adverb && !self.is_named(k) && !words::is_function_word(&word)).then_some(k)
    }

    /// The head noun of a common-noun subject of the clause that figure `q` completes: "the
    /// investment [gap] in developing countries has widened to $4 trillion". The clause opens
    /// with a determiner and its subject is lowercase words up to a preposition or a verb; a
    /// clause opened by a name or a pronoun has no such head.
    fn common_subject_head(&self, q: &Quantity) -> Option<String> {
        let qs = self.token_at(q.start);
        let mut start = qs;
        while start > 0 {
            let gap = &self.text[self.tokens[start - 1].end..self.tokens[start].start];
            if gap.contains([',', ';', ':', '(', ')', '"', '\u{201c}', '\u{201d}', '—']) {
                break;
            }
            if matches!(
                self.lower_token(start - 1).as_str(),
                "that"
                    | "which"
                    | "while"
                    | "whereas"
                    | "and"
                    | "but"
                    | "as"
                    | "because"
                    | "although"
                    | "though"
                    | "when"
                    | "after"
                    | "since"
                    | "if"
            ) {
                break;
            }
            start -= 1;
        }
        if !matches!(
            self.lower_token(start).as_str(),
            "the" | "a" | "an" | "its" | "their" | "this" | "these"
        ) {
            return None;
        }
        let mut head = None;
        // The word before the last, should the last be a verb no list knows ("its relay cost
        // 7"): the figure follows its verb directly.
        let mut before_last = None;
        for k in start + 1..qs {
            let word = self.lower_token(k);
            let opens_predicate = words::is_function_word(&word)
                || words::is_verb_of_movement(&word)
                || matches!(
                    word.as_str(),
                    "has"
                        | "have"
                        | "had"
                        | "is"
                        | "are"
                        | "was"
                        | "were"
                        | "will"
                        | "would"
                        | "could"
                        | "may"
                        | "might"
                        | "stood"
                        | "stands"
                        | "reached"
                        | "hit"
                        | "totalled"
                        | "totaled"
                        | "fell"
                        | "grew"
                        | "remained"
                        | "stayed"
                )
                || (word.ends_with("ed") && k > start + 1);
            if opens_predicate {
                return head;
            }
            let text = self.tokens[k].text;
            if self.is_named(k) || !text.starts_with(|c: char| c.is_ascii_lowercase()) {
                // A name before the head modifies it ("its Chandrayaan-3 mission"); a name
                // as the last word is the head itself, which names no common noun.
                before_last = head.take();
                continue;
            }
            before_last = head.replace(word);
        }
        before_last
    }

    /// Whether the figure's clause has a subject that says what the figure measures, in a
    /// noun no metric has: no metric may then be carried in from the paragraph or the table.
    fn measures_another_noun(&self, q: &Quantity) -> bool {
        self.common_subject_head(q).is_some_and(|head| {
            !(words::is_measure_word(&head)
                || words::counted_noun_is_generic(&head)
                || words::is_function_word(&head)
                || words::is_unit_noun(&head)
                || words::is_pronoun(&head)
                || words::stands_for_a_row(&head))
        })
    }

    /// The token range of the head of a subject that selects rows before it is equated with
    /// `q`: "The [lowest rank] of a swimmer with a lane larger than 5 is 7", "The [sum of
    /// points] for Wegmann is 35". The sentence opens with "the", a word that narrows the rows
    /// ("with", "when", "for", …) ends the head, and `q` follows the copula and ends the
    /// sentence.
    fn query_head(&self, q: &Quantity) -> Option<(usize, usize)> {
        let qs = self.token_at(q.start);
        if qs < 3 || self.lower_token(0) != "the" {
            return None;
        }
        // The figure ends the sentence: "when the round is higher than 3 appeared one time"
        // equates a condition's own subject with its figure.
        let rest =
            self.text[q.end..].trim_end_matches(|c: char| c.is_whitespace() || ".!".contains(c));
        if !rest.is_empty()
            || !matches!(
                self.lower_token(qs - 1).as_str(),
                "is" | "was" | "are" | "were"
            )
        {
            return None;
        }
        let narrows = |k: usize| {
            matches!(
                self.lower_token(k).as_str(),
                "with"
                    | "when"
                    | "where"
                    | "whose"
                    | "that"
                    | "which"
                    | "who"
                    | "for"
                    | "in"
                    | "at"
                    | "on"
                    | "during"
                    | "among"
                    | "having"
                    | "if"
            ) || self.text[self.tokens[k - 1].end..self.tokens[k].start].contains(',')
        };
        let end = (2..qs - 1).find(|&k| narrows(k))?;
        Some((1, end))
    }

    /// Numbers right after a metric's term that the grammar leaves as labels ("pick 169",
    /// "round 6", "lane 4"): where the term is a metric's, the label is that metric's figure.
    /// Spans are in the document's plain text, as `quantities` are.
    pub(super) fn labelled_figures(&self, quantities: &[Quantity]) -> Vec<Quantity> {
        self.term_spans
            .iter()
            .filter_map(|(a, b)| {
                let t = self.tokens.get(*b)?;
                let prev = self.tokens[b - 1];
                // "picked after round 5", "before pick 100": a threshold, not a figure.
                let bound = a.checked_sub(1).is_some_and(|i| {
                    matches!(
                        self.lower_token(i).as_str(),
                        "before" | "after" | "until" | "till" | "beyond" | "since" | "from" | "by"
                    )
                });
                if bound {
                    return None;
                }
                let digits = !t.text.is_empty() && t.text.bytes().all(|c| c.is_ascii_digit());
                let start = t.start + self.offset;
                let taken = quantities
                    .iter()
                    .any(|q| q.start < t.end + self.offset && start < q.end);
                (digits && &self.text[prev.end..t.start] == " " && !taken).then(|| {
                    let mut q = crate::extract(t.text).into_iter().next()?;
                    q.start = start;
                    q.end = t.end + self.offset;
                    Some(q)
                })?
            })
            .collect()
    }

    /// The one metric named in a short phrase that opens the sentence and ends with a comma
    /// before `q` ("Compared with the previous quarter, …", "On a yearly basis, …").
    fn opening_frame_metric(&self, q: &Quantity) -> Option<Picked> {
        let comma = self.text.find(',')?;
        if comma >= q.start {
            return None;
        }
        let words = self.text[..comma].split_whitespace().count();
        if words > 8
            || !self.text[..comma]
                .split_whitespace()
                .all(|w| !w.starts_with(|c: char| c.is_ascii_digit()))
        {
            return None;
        }
        // An adverbial opening, not a clause with a subject of its own ("Titanic shares the
        // record for nominations, …"); and it frames only its own part of the sentence.
        let first = self.lower[..comma].split_whitespace().next().unwrap_or("");
        let adverbial = matches!(
            first,
            "compared"
                | "on"
                | "in"
                | "by"
                | "for"
                | "across"
                | "measured"
                | "as"
                | "at"
                | "over"
                | "among"
                | "relative"
                | "year-on-year"
                | "quarter-on-quarter"
        );
        let between = &self.lower[comma..q.start];
        if !adverbial || between.contains([';', ':']) || between.contains(" but ") {
            return None;
        }
        let end = self.token_at(comma);
        let mut named: Vec<(usize, usize, &String)> = self
            .metric_terms
            .iter()
            .filter(|(k, _, _)| *k < end)
            .map(|(k, t, m)| (*k, *t, m))
            .collect();
        named.dedup_by(|a, b| (a.1, a.2) == (b.1, b.2));
        match named.as_slice() {
            [(k, t, m)] => Some(((*t, (*m).clone()), Found::stated(self.term_text(*k)))),
            _ => None,
        }
    }

    /// The one metric named by the term that ends right before token `end` ("reading (504)",
    /// "a margin of 43"), if the term names exactly one.
    fn term_ending_at(&self, end: usize) -> Option<Picked> {
        let (a, _) = self.term_spans.iter().find(|(_, b)| *b == end)?;
        let names: Vec<&(usize, usize, String)> = self
            .metric_terms
            .iter()
            .filter(|(k, _, _)| k == a)
            .collect();
        match names.as_slice() {
            [(_, t, m)] => Some(((*t, m.clone()), Found::stated(self.term_text(*a)))),
            _ => None,
        }
    }

    /// The words of the metric term that starts at token `k`.
    fn term_text(&self, k: usize) -> String {
        let end = self
            .term_spans
            .iter()
            .find(|(a, _)| *a == k)
            .map_or(k + 1, |(_, b)| *b);
        match (self.tokens.get(k), self.tokens.get(end.saturating_sub(1))) {
            (Some(a), Some(b)) => self.text[a.start..b.end].to_string(),
            _ => String::new(),
        }
    }
}
